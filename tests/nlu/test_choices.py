"""The choices interface (`agent/choices.py`): the model asks with choices through `offer_choices`,
the call is saved like any tool call, and the next turn reads what was offered from it."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from todo_chat.agent.assistant import INSTRUCTIONS, build_agent
from todo_chat.agent.choices import OFFER_CHOICES, Choice, ChoicePrompt, as_text, prompt_of
from todo_chat.agent.offline_model import OfflineModel


def test_a_prompt_has_two_to_six_choices():
    one = [Choice(label="Yes", message="add a task called \"x\"")]
    with pytest.raises(ValidationError):
        ChoicePrompt(question="Add x?", choices=one)
    with pytest.raises(ValidationError):
        ChoicePrompt(question="Which?", choices=one * 7)
    prompt = ChoicePrompt(question="Add x?", choices=one * 2)
    assert prompt_of(prompt.model_dump()) == prompt
    assert prompt_of({"question": "Which?", "choices": []}) is None
    assert as_text(prompt) == 'Add x?\n1. Yes\n2. Yes'


def test_the_agent_offers_choices_to_every_model():
    agent = build_agent(OfflineModel())
    assert OFFER_CHOICES in [t.name for t in agent.tools]
    assert OFFER_CHOICES in INSTRUCTIONS


def _chat(client, account, message: str, conversation: int | None = None) -> dict:
    body = {"message": message, **({"conversation_id": conversation} if conversation else {})}
    response = client.post(f"/api/{account.id}/chat", json=body, headers=account.headers)
    assert response.status_code == 200, response.text
    return response.json()


def test_an_offer_is_saved_and_the_next_turn_picks_from_it(client, alice):
    for title in ("Call mom", "Call dad"):
        client.post(f"/api/{alice.id}/tasks", json={"title": title}, headers=alice.headers)
    asked = _chat(client, alice, "delete the call task")
    offers = [c for c in asked["tool_calls"] if c["name"] == OFFER_CHOICES]
    assert len(offers) == 1 and offers[0]["status"] == "success"
    prompt = ChoicePrompt.model_validate(offers[0]["arguments"])
    assert [c.label for c in prompt.choices] == ["Call mom (#1)", "Call dad (#2)"]
    assert [c.message for c in prompt.choices] == ["delete task 1", "delete task 2"]
    assert "1. Call mom (#1)\n2. Call dad (#2)" in asked["response"]   # plain numbered text too
    tasks = client.get(f"/api/{alice.id}/tasks", headers=alice.headers).json()["tasks"]
    assert len(tasks) == 2   # asking changed nothing

    picked = _chat(client, alice, "the second", asked["conversation_id"])
    assert [(c["name"], c["arguments"]) for c in picked["tool_calls"]] == [("delete_task", {"task_id": 2})]


def test_no_to_an_offer_changes_nothing(client, alice):
    asked = _chat(client, alice, "oat milk")
    assert [c["name"] for c in asked["tool_calls"]] == [OFFER_CHOICES]
    answered = _chat(client, alice, "no thanks", asked["conversation_id"])
    assert answered["tool_calls"] == []
    assert client.get(f"/api/{alice.id}/tasks", headers=alice.headers).json()["tasks"] == []


def test_an_add_offer_always_fits_the_choice_limits():
    """A tagged title longer than a task can hold is not offered (the turn failed on it), and a
    command too long for a choice's message falls back to the plain add."""
    from todo_chat.agent.choices import MESSAGE_MAX
    from todo_chat.agent.offline import asking, dialogue, replies
    from todo_chat.models.task import TASK_TITLE_MAX

    script = dialogue.Script([])
    assert dialogue._offer_add("word " * TASK_TITLE_MAX, script) == replies.chat("unknown")
    prompt = asking.add_this("Add it?", "ring the florist", "x" * (MESSAGE_MAX + 1))
    assert prompt.choices[0].message == 'add a task called "ring the florist"'
    long_title = "word " * (TASK_TITLE_MAX // 5 - 1)
    with pytest.raises(dialogue._Next) as offered:   # the offer is the turn's next step
        dialogue._offer_add(long_title, script)
    question = (offered.value.step.arguments or {})["question"]   # quoting the title whole passed 500
    assert len(question) <= 500 and "…" in question
