"""The learned part of the offline model: an intent classifier trained with scikit-learn
(`make nlu-train`, `train.py`) and run in pure Python (`inference.py`) from `weights.json`, and a
span tagger, a linear-chain CRF trained with python-crfsuite (`train_tagger.py`) and decoded with
Viterbi in pure Python (`tagger.py`) from `tagger.json`."""
