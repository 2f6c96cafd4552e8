"""openai-agents' agent identity map without a signature for agents whose name is unique.

Twice a run (the sandbox runtime's resume keys, the tool-use tracker's snapshot) the SDK maps
every agent reachable from the starting one to a stable key. Agents that share a name are told
apart by sorting them on a JSON signature of their whole definition (instructions, model
settings through `dataclasses.asdict`, every tool); it computes that signature for every agent,
a group of one included, where sorting has nothing to order: ~0.25 ms a call with our agent and
its nine tools, ~0.5 ms a turn. When every name in the graph is unique the map is just
name -> agent, exactly what the SDK's function returns then; any other graph goes to the SDK.
"""

from __future__ import annotations

from typing import Any

from agents import _run_state_agent_identity as identity
from agents import run_state
from agents.run_internal import tool_use_tracker

_original = identity._build_agent_identity_map


def _build_agent_identity_map(initial_agent: Any) -> dict[str, Any]:
    agents = list(identity._iter_agent_graph(initial_agent))
    by_name = {agent.name: agent for agent in agents}
    if len(by_name) == len(agents):  # each group has one agent: its key is its name
        return by_name
    return _original(initial_agent)


def install() -> None:
    """Idempotent; every importer of the SDK's function gets this one (`keys_by_id` calls it
    through the module's name)."""
    for module in (identity, run_state, tool_use_tracker):
        module._build_agent_identity_map = _build_agent_identity_map  # type: ignore[attr-defined]
