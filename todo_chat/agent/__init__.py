"""The agent: tools over the task services, the models that drive them, and one chat turn."""
