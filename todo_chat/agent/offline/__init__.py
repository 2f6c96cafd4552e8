"""The embedded offline model's language pipeline.

normalise -> intent -> slots (-> parse: the three together) -> resolve -> dialogue -> replies;
`model.OfflineModel` is the thin openai-agents `Model` around them.
"""
