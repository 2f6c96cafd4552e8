"""ChatKit requests the protocol allows but our server must refuse clearly (issue 18): an unknown
item to retry after, page sizes out of bounds. A 4xx with a JSON `detail`, before anything runs."""

from __future__ import annotations

import pytest
from chatkit.types import (
    ItemsListParams,
    ItemsListReq,
    ThreadListParams,
    ThreadRetryAfterItemParams,
    ThreadsListReq,
    ThreadsRetryAfterItemReq,
)

from tests.api.test_chatkit import done_items, new_thread, send
from todo_chat.api.chatkit.endpoint import chatkit_server


@pytest.fixture(autouse=True)
def fresh_server():
    chatkit_server.cache_clear()
    yield
    chatkit_server.cache_clear()


def retry_after(client, account, thread_id: str, item_id: str):
    return send(client, account, ThreadsRetryAfterItemReq(
        params=ThreadRetryAfterItemParams(thread_id=thread_id, item_id=item_id)))


def test_retry_after_an_unknown_item_is_a_404(client, alice):
    thread_id, _ = new_thread(client, alice, "hello")
    response = retry_after(client, alice, thread_id, "msg_nosuchitem")
    assert response.status_code == 404 and "msg_nosuchitem" in response.json()["detail"]


def test_retry_after_an_answer_rather_than_a_user_message_is_a_400(client, alice):
    thread_id, events = new_thread(client, alice, "hello")
    answer = done_items(events, "assistant_message")[0]
    response = retry_after(client, alice, thread_id, answer.id)
    assert response.status_code == 400 and "not a user message" in response.json()["detail"]


def test_retry_after_another_users_item_is_a_404(client, alice, bob):
    thread_id, events = new_thread(client, alice, "hello")
    mine = done_items(events, "user_message")[0]
    assert retry_after(client, bob, thread_id, mine.id).status_code == 404


@pytest.mark.parametrize("limit", [2**63, 2**31, 201, 0, -5])
def test_a_threads_list_limit_out_of_bounds_is_a_400(client, alice, limit):
    response = send(client, alice, ThreadsListReq(params=ThreadListParams(limit=limit)))
    assert response.status_code == 400, response.text
    assert "params.limit" in response.json()["detail"]


def test_an_items_list_limit_out_of_bounds_is_a_400(client, alice):
    thread_id, _ = new_thread(client, alice, "hello")
    response = send(client, alice, ItemsListReq(params=ItemsListParams(thread_id=thread_id, limit=-5)))
    assert response.status_code == 400 and "params.limit" in response.json()["detail"]


def test_threads_list_limits_in_bounds_answer(client, alice):
    new_thread(client, alice, "hello")
    for limit in (1, 200):
        response = send(client, alice, ThreadsListReq(params=ThreadListParams(limit=limit)))
        assert response.status_code == 200 and len(response.json()["data"]) == 1


def test_chatkit_turns_are_admitted_by_the_turn_runner(client, alice, monkeypatch):
    """One admission for every door: the message check and the rate limit are the runner's."""
    from todo_chat.agent import turn

    seen = []
    real_check = turn.check_message
    monkeypatch.setattr(turn, "check_message", lambda text: seen.append(("message", text)) or real_check(text))
    real_count = turn.check_chat_turn

    async def counted(user):
        seen.append(("turn", user.id))
        await real_count(user)

    monkeypatch.setattr(turn, "check_chat_turn", counted)
    thread_id, events = new_thread(client, alice, "hello there")
    assert seen == [("message", "hello there"), ("turn", alice.id)]
    seen.clear()
    retry_after(client, alice, thread_id, done_items(events, "user_message")[0].id)
    assert seen == [("turn", alice.id)]  # a retry counts as a turn; its message was checked when saved
