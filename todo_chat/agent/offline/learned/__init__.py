"""The learned part of the offline model: an intent classifier trained with scikit-learn
(`make nlu-train`, `train.py`) and run in pure Python (`inference.py`) from `weights.json`."""
