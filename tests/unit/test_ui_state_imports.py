"""The page's states import one way: no cycle, and no import hidden inside a function to dodge one."""

from __future__ import annotations

import ast
from pathlib import Path

STATE = Path(__file__).resolve().parents[2] / "todo_chat" / "ui" / "state"
PREFIX = "todo_chat.ui.state."


def imports_of(path: Path) -> tuple[set[str], list[str]]:
    """(state modules imported at the top, imports found inside functions)."""
    tree = ast.parse(path.read_text())
    top = {node.module.removeprefix(PREFIX) for node in tree.body
           if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(PREFIX)}
    nested = [f"{path.stem}:{node.lineno}" for fn in ast.walk(tree)
              if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef)
              for node in ast.walk(fn) if isinstance(node, ast.Import | ast.ImportFrom)]
    return top, nested


def test_state_modules_import_without_cycles():
    graph, nested = {}, []
    for path in STATE.glob("*.py"):
        graph[path.stem], inner = imports_of(path)
        nested += inner
    assert nested == []

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        return any(nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt}))
                   for nxt in graph.get(start, ()))

    assert [name for name in graph if reaches(name, name, set())] == []
    # One owner of the open conversation: the chat and ChatKit read it, neither reads the sidebar.
    assert "sidebar" not in graph["chat"] | graph["chatkit"]
    assert "conversation" in graph["chat"] & graph["chatkit"]
