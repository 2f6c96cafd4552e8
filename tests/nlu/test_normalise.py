"""Normalising: contractions whose replacement is computed from the match stay words."""

from todo_chat.agent.offline.normalise import normalise


def test_a_computed_replacement_is_a_word_not_a_function():
    assert normalise("Todo: return library books").text == "todo: return library books"
    assert normalise("whats left").text.startswith("what is")


def test_a_quoted_title_keeps_its_primes_and_curly_apostrophes():
    # the quote marks are read with primes made plain; the title inside is cut from the typed text
    assert normalise('add "a′b"').quotes == ("a′b",)
    assert normalise("add “it’s 5′ long”").quotes == ("it’s 5′ long",)
