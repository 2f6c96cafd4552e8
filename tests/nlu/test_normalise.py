"""Normalising: contractions whose replacement is computed from the match stay words."""

from todo_chat.agent.offline.normalise import normalise


def test_a_computed_replacement_is_a_word_not_a_function():
    assert normalise("Todo: return library books").text == "todo: return library books"
    assert normalise("whats left").text.startswith("what is")
