"""agent.fast_json: the SDK's request walk, faster, with the same answers."""

from __future__ import annotations

from collections import OrderedDict

from agents.util import _json

from todo_chat.agent import fast_json, providers
from todo_chat.core.config import get_settings


def test_the_walk_answers_as_the_sdk_does_for_plain_and_other_values():
    sample = {"messages": [{"role": "user", "content": "hi", "n": 1, "x": 1.5, "ok": True, "none": None}],
              "tuple": (1, "a"), "gen": (i for i in range(3)), "ordered": OrderedDict(a=[1, (2,)]),
              "set": frozenset({"only"}), "text": "abc"}
    again = dict(sample, gen=(i for i in range(3)))
    assert fast_json._to_dump_compatible_internal(sample) == fast_json._original(again)
    assert fast_json._to_dump_compatible_internal(sample) is not sample  # a copy, like the SDK's


def test_a_model_built_for_a_turn_installs_it(monkeypatch):
    monkeypatch.setattr(_json, "_to_dump_compatible_internal", fast_json._original)
    providers._offline_model.cache_clear()
    providers.get_model(get_settings().model_copy(update={"openai_base_url": "", "openai_api_key": ""}))
    assert _json._to_dump_compatible_internal is fast_json._to_dump_compatible_internal
    assert _json._to_dump_compatible({"a": (1, 2)}) == {"a": [1, 2]}
