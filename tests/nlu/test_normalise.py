"""Normalising: contractions whose replacement is computed from the match stay words."""

from todo_chat.agent.offline.normalise import normalise


def test_a_computed_replacement_is_a_word_not_a_function():
    assert normalise("Todo: return library books").text == "todo: return library books"
    assert normalise("whats left").text.startswith("what is")


def test_a_quoted_title_keeps_its_primes_and_curly_apostrophes():
    # the quote marks are read with primes made plain; the title inside is cut from the typed text
    assert normalise('add "a′b"').quotes == ("a′b",)
    assert normalise("add “it’s 5′ long”").quotes == ("it’s 5′ long",)


def test_register_variants_come_from_the_lexicon():
    # texting forms are data (lexicons/register.txt), read before contractions are expanded
    assert normalise("dont delete it, gonna need it").text == "do not delete it, going to need it"
    assert normalise("Wanna see my list tmr").low == "want to see my list tomorrow"


def test_a_would_you_mind_gerund_is_the_verb_it_is_made_from():
    assert normalise("would you mind jotting down call mum").low == "jot down call mum"
    assert normalise("would you mind removing the gym").low == "remove the gym"
    assert normalise("would you mind singing").low.endswith("singing")   # no command verb: left alone


def test_variant_lexicons_read_as_pairs_and_as_an_alternation():
    from todo_chat.agent.offline.lexicon import lookup, pairs

    assert pairs("sort_keys")["deadline"] == "due asc"
    assert pairs("sort_keys")["last updated"] == "updated desc"
    assert "last\\s+updated" in lookup("sort_keys")
    assert pairs("verbs_add") == {}   # a plain word list is no pair lexicon
