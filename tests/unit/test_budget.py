"""The one place that fits a conversation into the model's context window."""

from todo_chat.agent.budget import ContextFit, cut_text, estimate_tokens, fit_history, item_tokens
from todo_chat.agent.tools import TASK_TOOLS


def msg(role, content):
    return {"role": role, "content": content}


def test_the_estimate_is_cautious_for_english_and_counts_bytes_for_other_scripts():
    assert estimate_tokens("") == 0
    assert estimate_tokens("a" * 300) == 100  # real tokenizers: about 75
    assert estimate_tokens("é" * 300) == 200 and estimate_tokens("日" * 300) == 300


def test_cut_text_keeps_the_start_and_the_end():
    text = "BEGIN " + "word " * 5000 + " FINISH"
    cut = cut_text(text, 500)
    assert estimate_tokens(cut) <= 500
    assert cut.startswith("BEGIN word") and cut.endswith("word  FINISH") and "characters left out" in cut
    assert cut_text("short", 500) == "short"
    assert estimate_tokens(cut_text("日本語" * 5000, 300)) <= 300


def test_fit_history_keeps_the_newest_whole_turns():
    history = [msg("user" if i % 2 == 0 else "assistant", f"message {i} " + "x" * 290) for i in range(20)]
    kept = fit_history(history, 1000)
    assert kept == history[-len(kept):] and 2 <= len(kept) < 20
    assert kept[0]["role"] == "user"  # never opens on an assistant message
    assert sum(map(item_tokens, kept)) <= 1000
    assert fit_history(history, 100_000) == history
    assert fit_history(history, 0) == []


def test_one_huge_message_is_cut_not_allowed_to_crowd_out_the_rest():
    history = [msg("user", "hi"), msg("assistant", "hello"), msg("user", "tell me all"),
               msg("assistant", "START " + "y" * 100_000 + " END")]
    kept = fit_history(history, 2000)
    assert [m["content"] for m in kept[:3]] == ["hi", "hello", "tell me all"]
    assert kept[3]["content"].startswith("START") and kept[3]["content"].endswith("END")
    assert item_tokens(kept[3]) <= 2000 // 4
    assert history[3]["content"].endswith("y END") and len(history[3]["content"]) > 100_000  # input untouched


def test_context_fit_sends_the_current_turn_whole_and_fills_the_rest_with_history():
    fit = ContextFit(context_tokens=8000, max_output_tokens=1000)
    history = [msg("user" if i % 2 == 0 else "assistant", "z" * 900) for i in range(30)]
    turn = [msg("user", "now " + "q" * 3000),
            {"type": "function_call", "call_id": "c1", "name": "list_tasks", "arguments": "{}"},
            {"type": "function_call_output", "call_id": "c1", "output": "{\"tasks\": []}"}]
    sent = fit.fit([*history, *turn], "instructions " * 50, list(TASK_TOOLS))
    assert sent[-3:] == turn and 0 < fit.history_sent < 30 and fit.history_total == 30
    total = sum(map(item_tokens, sent)) + estimate_tokens("instructions " * 50)
    assert total <= 8000 - 1000
    fit.history_cap = fit.history_tokens // 2
    smaller = fit.fit([*history, *turn], "instructions " * 50, list(TASK_TOOLS))
    assert len(smaller) < len(sent)
    fit.history_cap = 0
    assert fit.fit([*history, *turn], None, []) == turn and fit.history_sent == 0


def test_each_tool_schema_is_estimated_once_not_at_every_model_call(monkeypatch):
    # The agent's FunctionTools are unhashable dataclasses: a cache keyed by the tool itself
    # missed at every model call (the schemas' JSON was built again, ~1.5 % of a turn).
    from todo_chat.agent import budget

    first = budget.tools_tokens(TASK_TOOLS)
    dumped: list[object] = []
    monkeypatch.setattr(budget.json, "dumps", lambda value, **kw: dumped.append(value) or "{}")
    assert budget.tools_tokens(TASK_TOOLS) == first and dumped == []
    other = type(TASK_TOOLS[0])(name="x", description="y", params_json_schema={},
                                on_invoke_tool=TASK_TOOLS[0].on_invoke_tool)
    assert budget.tools_tokens([other]) == 2 and len(dumped) == 1  # a new tool is estimated ("{}": 1 + 1)


def test_a_model_call_estimates_each_message_once(monkeypatch):
    from todo_chat.agent import budget

    estimated: list[object] = []

    def counted(item):
        estimated.append(item)
        return item_tokens(item)

    monkeypatch.setattr(budget, "item_tokens", counted)
    history = [msg("user" if i % 2 == 0 else "assistant", f"message {i}") for i in range(40)]
    fit = ContextFit(context_tokens=100_000, max_output_tokens=1000)
    items = fit.fit([*history, msg("user", "now")], "instructions", [])
    assert items == [*history, msg("user", "now")] and fit.history_sent == 40
    assert fit.history_tokens == sum(map(item_tokens, history))
    assert len(estimated) == 41  # each history message once, and the turn's own message
