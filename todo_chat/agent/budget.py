"""What the model sees of a conversation fits its context window: the one place that trims it.

Before every model call of a turn (`RunConfig.call_model_input_filter`, see `ContextFit`), the
input is split at the turn's user message: that message and everything after it (tool calls and
their outputs so far) is sent whole; the history before it gets the room that is left, newest
messages first. A single message longer than a quarter of that room is cut, keeping its start
and its end. A history that would open with an assistant message loses it (chat templates want
a user message first). Nothing is deleted from the database: this only shapes one request.

Tokens are estimated, not counted: a real tokenizer (tiktoken) downloads its encodings from the
internet at first use, and a local server's model has its own tokenizer anyway. The estimate is
UTF-8 bytes / 3, which overstates English (about 4 characters a token) by a third, and covers
accented and most non-Latin text (2-3 bytes a character, about one token each); on top of it
a tenth of the window stays free. When a server still answers "exceeds the context size", the
runner tries again with at most half the history it sent (`agent.turn`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from agents import Tool
from agents.run_config import CallModelData, ModelInputData

# Per message: the chat template's role markers and separators.
MESSAGE_OVERHEAD = 4
# A history message is cut rather than dropped only if at least this much room is left for it.
MIN_CUT = 200
# An attached image, whatever its size in base64: vision models bill a bounded number of tokens
# per image (OpenAI's "auto" detail tops out near 1,100 for a large one).
IMAGE_TOKENS = 1200


def estimate_tokens(text: str) -> int:
    return -(-len(text.encode("utf-8")) // 3)


def _text(item: Any) -> str | None:
    """The text of a plain chat message (a str content), else None."""
    content = item.get("content") if isinstance(item, dict) else None
    return content if isinstance(content, str) else None


def _part_tokens(part: Any) -> int:
    if isinstance(part, dict) and part.get("type") == "input_image":
        return IMAGE_TOKENS
    if isinstance(part, dict) and isinstance(part.get("text"), str):
        return estimate_tokens(part["text"])
    return estimate_tokens(json.dumps(part, default=str, ensure_ascii=False))


def item_tokens(item: Any) -> int:
    text = _text(item)
    content = item.get("content") if isinstance(item, dict) else None
    if text is None and isinstance(content, list):  # a message with parts: text, attached files
        return sum(map(_part_tokens, content)) + MESSAGE_OVERHEAD
    if text is None:  # tool calls, their outputs, structured messages: their JSON, which overstates
        text = json.dumps(item, default=str, ensure_ascii=False)
    return estimate_tokens(text) + MESSAGE_OVERHEAD


def cut_text(text: str, max_tokens: int) -> str:
    """`text` within `max_tokens`, keeping its start and its end."""
    if estimate_tokens(text) <= max_tokens:
        return text
    keep = min(max(0, max_tokens * 3 // 2 - 40), len(text) // 2)  # characters per side
    while True:
        left_out = len(text) - 2 * keep
        cut = f"{text[:keep]}\n[… {left_out} characters left out …]\n{text[len(text) - keep:]}"
        if estimate_tokens(cut) <= max_tokens or keep == 0:
            return cut
        keep = keep * 3 // 4


def fit_history(history: list[Any], room: int) -> list[Any]:
    """The newest messages of `history` that fit in `room` tokens, oldest first."""
    return _fit_history(history, room)[0]


def _fit_history(history: list[Any], room: int) -> tuple[list[Any], int]:
    """(`fit_history`, the tokens of what it kept): each message is estimated once."""
    per_message = max(room // 4, MIN_CUT)
    kept: list[tuple[Any, int]] = []
    for item in reversed(history):
        limit, cost = min(per_message, room), item_tokens(item)
        if cost > limit >= MIN_CUT and (text := _text(item)) is not None:
            item = {**item, "content": cut_text(text, limit - MESSAGE_OVERHEAD)}
            cost = item_tokens(item)
        if cost > room:
            break
        kept.append((item, cost))
        room -= cost
    kept.reverse()
    while kept and kept[0][0].get("role") != "user":
        kept.pop(0)
    return [item for item, _ in kept], sum(cost for _, cost in kept)


def _turn_start(items: list[Any]) -> int:
    """Where the current turn begins: its (last) user message."""
    for index in range(len(items) - 1, -1, -1):
        if isinstance(items[index], dict) and items[index].get("role") == "user":
            return index
    return 0


def tools_tokens(tools: list[Tool]) -> int:
    return sum(map(_tool_tokens, tools))


# A tool's schema never changes once defined: estimated once per tool, not at every model call.
# Keyed by identity (a FunctionTool is an unhashable dataclass, so a WeakKeyDictionary missed
# every time); the tool is kept with its estimate, so its id cannot be reused meanwhile. The
# agents' tools live as long as the process; the bound only guards against a caller that makes
# tools per run.
_tool_estimates: dict[int, tuple[Tool, int]] = {}
TOOL_ESTIMATES_MAX = 512


def _tool_tokens(tool: Tool) -> int:
    known = _tool_estimates.get(id(tool))
    if known is not None and known[0] is tool:
        return known[1]
    schema = {"name": tool.name, "description": getattr(tool, "description", ""),
              "parameters": getattr(tool, "params_json_schema", {})}
    tokens = estimate_tokens(json.dumps(schema)) + 1  # the separator between schemas
    if len(_tool_estimates) >= TOOL_ESTIMATES_MAX:
        _tool_estimates.clear()
    _tool_estimates[id(tool)] = (tool, tokens)
    return tokens


@dataclass
class ContextFit:
    """A `call_model_input_filter` that fits each model call's input into the window.

    `history_cap` caps the history's room below what the window leaves (the runner sets it after
    an overflow); `history_sent` and `history_tokens` tell what the last call carried.
    """

    context_tokens: int
    max_output_tokens: int
    history_cap: int | None = None
    history_sent: int = 0
    history_total: int = 0
    history_tokens: int = 0

    def room(self, instructions: str | None, tools: list[Tool], turn: list[Any]) -> int:
        reserve = self.context_tokens // 10
        fixed = estimate_tokens(instructions or "") + tools_tokens(tools) + sum(map(item_tokens, turn))
        room = max(0, self.context_tokens - self.max_output_tokens - reserve - fixed)
        return room if self.history_cap is None else min(room, self.history_cap)

    def fit(self, items: list[Any], instructions: str | None, tools: list[Tool]) -> list[Any]:
        start = _turn_start(items)
        history, turn = items[:start], items[start:]
        kept, self.history_tokens = _fit_history(history, self.room(instructions, tools, turn))
        self.history_sent, self.history_total = len(kept), len(history)
        return [*kept, *turn]

    def __call__(self, data: CallModelData[Any]) -> ModelInputData:
        items = self.fit(list(data.model_data.input), data.model_data.instructions, list(data.agent.tools))
        return ModelInputData(input=items, instructions=data.model_data.instructions)
