"""The native chat's state deltas: a turn's frames carry the turn's own message and badges, not
the whole conversation (`ui/state/transcript.py`), and a changed task list is sent once."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime

import pytest
from reflex.state import State

from todo_chat.core.security import create_token
from todo_chat.models import Conversation, ItemRole, Message, ToolCallStatus
from todo_chat.services.conversations import TurnInput
from todo_chat.ui.state import transcript
from todo_chat.ui.state.badges import FOLD as BADGE_FOLD
from todo_chat.ui.state.badges import BadgeState
from todo_chat.ui.state.chat import ChatState
from todo_chat.ui.state.held import Locked
from todo_chat.ui.state.messages import ChatMessage
from todo_chat.ui.state.tasks import TaskPanelState, TaskView
from todo_chat.ui.state.transcript import FOLD, Parts


@dataclass
class Item:
    id: int
    pending: bool = False


def ids(parts: Parts) -> tuple[list[int], ...]:
    return tuple([m.id for m in part] for part in parts)


def test_keep_cuts_across_parts_and_keeps_untouched_lists() -> None:
    parts = Parts([Item(1), Item(2)], [Item(3), Item(4)], [Item(5)])
    cut = transcript.keep(parts, 3)
    assert ids(cut) == ([1, 2], [3], [])
    assert cut.history is parts.history
    assert transcript.changed_parts(parts, cut).keys() == {"recent", "live"}
    assert transcript.keep(parts, 5) == parts and transcript.changed_parts(parts, transcript.keep(parts, 5)) == {}


def test_go_live_replaces_the_pending_message_and_moves_a_retried_one() -> None:
    parts = Parts([Item(1), Item(2)], [Item(3)], [Item(0, pending=True)])
    live = transcript.go_live(parts, Item(4))
    assert ids(live) == ([1, 2], [3], [4])
    assert live.history is parts.history and live.recent is parts.recent
    retried = transcript.go_live(Parts([Item(1), Item(2)], [], []), Item(2))
    assert ids(retried) == ([1], [], [2])


class Unread(list):
    """A part that must not be read (a state var's items are each read through a proxy)."""

    def __iter__(self):
        raise AssertionError("read")

    def __getitem__(self, index):
        raise AssertionError("read")


def test_go_live_of_a_new_message_leaves_the_other_parts_unread() -> None:
    parts = Parts(Unread([Item(1)]), Unread([Item(2)]), [Item(0, pending=True)])
    live = transcript.go_live(parts, Item(3))
    assert live.history is parts.history and live.recent is parts.recent
    assert [m.id for m in live.live] == [3]


def test_settle_adds_the_turn_to_recent_and_folds_past_the_limit() -> None:
    parts = Parts([Item(1)], [], [Item(2)])
    done = transcript.settle(parts, Item(3))
    assert ids(done) == ([1], [2, 3], []) and done.history is parts.history
    assert ids(transcript.settle(Parts([], [], [Item(0, pending=True)]))) == ([], [], [])
    full = Parts([Item(1)], [Item(i) for i in range(10, 10 + FOLD - 1)], [Item(2)])
    folded = transcript.settle(full, Item(3))
    assert folded.recent == [] and folded.live == [] and len(folded.history) == 1 + FOLD + 1


def test_replaced_touches_only_the_part_holding_the_message() -> None:
    parts = Parts([Item(1)], [Item(2)], [])
    out = transcript.replaced(parts, lambda m: m.id == 2, lambda m: Item(m.id, pending=True))
    assert out.history is parts.history and out.recent[0].pending


@pytest.fixture
def root() -> State:
    return State(_reflex_internal_init=True)  # type: ignore[call-arg]


def substate(root: State, cls):
    return root.get_substate(cls.get_full_name().split("."))


def dirty(state) -> set[str]:
    return {name.removesuffix("_rx_state_") for fields in state.get_delta().values() for name in fields}


def badge_event(badges: BadgeState, message_id: int, call_id: str, status: str) -> None:
    badges.upsert(message_id, call_id, "add_task", ToolCallStatus(status), {"title": f"t{call_id}"},
                  {"id": 1} if status == "success" else None)


def test_a_tool_call_sends_only_the_live_badges(root: State) -> None:
    badges = substate(root, BadgeState)
    for message_id in range(1, 5):  # an opened conversation's past turns
        badges.go_live(message_id)
        badge_event(badges, message_id, f"old{message_id}", "success")
        badges.settle_live()
    root._clean()
    badges.go_live(9)
    badge_event(badges, 9, "new", "pending")
    assert dirty(root) == {"live", "live_key"}
    root._clean()
    badge_event(badges, 9, "new", "success")
    assert dirty(root) == {"live"}
    assert [b.status for b in badges.live] == ["success"] and badges.live[0].label == "add_task: success"
    root._clean()
    badges.settle_live()
    assert dirty(root) == {"recent", "live"} and "9" in badges.recent and badges.live == []


def test_badges_fold_into_by_message_and_a_retry_takes_its_badges_back(root: State) -> None:
    badges = substate(root, BadgeState)
    for message_id in range(1, BADGE_FOLD + 2):
        badges.go_live(message_id)
        badge_event(badges, message_id, f"c{message_id}", "success")
        badges.settle_live()
    assert badges.recent == {} and len(badges.by_message) == BADGE_FOLD + 1
    root._clean()
    badges.go_live(3)  # a retry or regeneration of message 3: its badges are the live ones again
    assert [b.call_id for b in badges.live] == ["c3"] and "3" not in badges.by_message


def test_an_undo_resends_only_the_part_holding_the_badge(root: State) -> None:
    badges = substate(root, BadgeState)
    badges.go_live(1)
    badge_event(badges, 1, "a", "success")
    badges.settle_live()
    badges.go_live(2)
    badge_event(badges, 2, "b", "success")
    root._clean()
    badges._change_all(lambda b: replace(b, undo="redo") if b.call_id == "a" else b)
    assert dirty(root) == {"recent"} and badges.recent["1"][0].undo == "redo"


def message_row(message_id: int, role: ItemRole, text: str) -> Message:
    return Message(id=message_id, role=role, content=text, created_at=datetime(2026, 12, 3, 12, 0, tzinfo=UTC),
                   item_id=f"item-{message_id}", conversation_id=1, user_id=1)


async def test_a_turn_sends_its_own_message_not_the_history(root: State) -> None:
    chat = substate(root, ChatState)
    chat.messages = [ChatMessage(id=i, role="user" if i % 2 else "assistant", content=f"m{i}", time="12:00")
                     for i in range(1, 31)]
    root._clean()
    chat.live = [ChatMessage(id=0, role="user", content="add milk", time="12:01", pending=True)]
    assert dirty(root) - {"last_user_id", "last_assistant_id"} == {"live"}  # two ints beside it
    root._clean()
    turn = TurnInput(conversation=Conversation(id=1, user_id=1, thread_id="thr", title="Chat",
                                               updated_at=datetime(2026, 12, 3, tzinfo=UTC)),
                     message=message_row(31, ItemRole.user, "add milk"), history=[])
    await chat._show_start(Locked(chat), turn, True)
    assert "messages" not in dirty(root) and [m.id for m in chat.live] == [31]
    root._clean()
    await chat._settle(Locked(chat), ChatMessage(id=32, role="assistant", content="Added.", time="12:01"))
    assert "messages" not in dirty(root)
    assert [m.id for m in chat.recent] == [31, 32] and chat.live == [] and len(chat.messages) == 30
    assert chat.last_user_id == 31 and chat.last_assistant_id == 32


def test_a_changed_task_list_is_sent_once(root: State) -> None:
    panel = substate(root, TaskPanelState)
    root._clean()
    panel.tasks = [TaskView(id=i, title=f"task {i}") for i in range(1, 6)]
    sent = dirty(root)
    assert "tasks" in sent and "visible" not in sent
    assert panel.view_counts["all"] == 5


def test_view_counts_follow_each_views_rule(root: State) -> None:
    """The counts on the view buttons, made in one pass (`views_of`), by the panel's rule for each view."""
    panel = substate(root, TaskPanelState)
    panel.tasks = [TaskView(id=1, title="a"), TaskView(id=2, title="b", completed=True),
                   TaskView(id=3, title="c", due_state="overdue"), TaskView(id=4, title="d", due_state="today"),
                   TaskView(id=5, title="e", due_state="upcoming"), TaskView(id=6, title="f", due_state="upcoming")]
    assert panel.view_counts == {"all": 6, "pending": 5, "completed": 1, "today": 2, "upcoming": 2, "overdue": 1}


def test_a_tokens_expiry_is_decoded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """`needs_renewal` runs under the state lock at every message: the token is verified once."""
    from todo_chat.ui.state import auth

    token = create_token(7, "access")
    decoded: list[str] = []
    real = auth.decode_token

    def counted(t: str) -> dict:
        decoded.append(t)
        return real(t)

    monkeypatch.setattr(auth, "decode_token", counted)
    auth.expires_at.cache_clear()
    expected = real(token)["exp"]
    assert auth.expires_at(token) == auth.expires_at(token) == expected and decoded == [token]
    assert auth.expires_at("not a token") == 0.0


def test_unchanged_vars_are_not_sent(root: State) -> None:
    """An assigned var is sent even when its value is the same: a turn's end sends what changed."""
    from todo_chat.ui.state.conversation import ConversationState

    chat, conversations = substate(root, ChatState), substate(root, ConversationState)
    chat.is_streaming = True
    conversation = Conversation(id=4, user_id=1, thread_id="thr", title="Chat",
                                updated_at=datetime(2026, 12, 3, tzinfo=UTC))
    conversations.note_turn(conversation)
    root._clean()
    chat._done()
    conversations.note_turn(conversation)  # the open conversation, already first
    assert dirty(root) - {"thinking"} == {"is_streaming"}


def test_a_turn_moves_its_conversation_first_or_out_of_a_search(root: State) -> None:
    from todo_chat.ui.state.conversation import ConversationState, ConversationView

    conversations = substate(root, ConversationState)
    conversations.conversations = [ConversationView(i, f"thr{i}", f"Chat {i}", "Dec 4") for i in (1, 2, 3)]
    turn_in = Conversation(id=2, user_id=1, thread_id="thr2", title="Chat 2",
                           updated_at=datetime(2026, 12, 4, tzinfo=UTC))
    conversations.note_turn(turn_in)
    assert [c.id for c in conversations.conversations] == [2, 1, 3] and conversations.open_id == 2
    root._clean()
    conversations.note_turn(turn_in)
    assert dirty(root) == set()
    conversations.search = "groceries"  # the list shows a search the conversation's title does not match
    root._clean()
    conversations.note_turn(turn_in)
    assert [c.id for c in conversations.conversations] == [1, 3]
