"""What a production worker loads (issue 19's memory budget): modules only some requests use are
imported by those requests, never with the app; the SDK's trace exporter only when tracing is on.

Each check runs in a fresh interpreter: this test process has imported everything already."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Each of these is used by some requests only (or none): a worker that serves the native view and
# the REST API never needs them.
LAZY = (
    "chatkit",  # the ChatKit protocol, server and item conversion (~6 MiB with jinja2)
    "jinja2",  # ChatKit's widget templates
    "icalendar",  # the .ics export and feed
    "pypdf",  # a PDF attachment read for the model (~24 MiB)
    "sklearn",  # the offline model's training only
    "pycrfsuite",  # the span tagger's training only (inference is pure Python)
    "todo_chat.api.chatkit.server",
    "todo_chat.api.chatkit.protocol",
    "todo_chat.agent.attachment_items",
)

WORKER = """
import json, os, sys
from reflex_base.constants import Env
from reflex_base.environment import environment
environment.REFLEX_ENV_MODE.set(Env.PROD)
environment.REFLEX_SKIP_COMPILE.set(True)
from reflex.utils import prerequisites
prerequisites.get_and_validate_app().app()  # what todo_chat/asgi_server.py serves
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in {tops} or m in {names})))
"""


def fresh(code: str, tmp_path: Path, **env: str) -> str:
    environ = {key: value for key, value in os.environ.items() if not key.startswith("OPENAI_")}
    environ |= {"ENVIRONMENT": "production", "BETTER_AUTH_SECRET": "w" * 48, "DATA_DIR": str(tmp_path),
                "DATABASE_URL": "", "REFLEX_CHECK_LATEST_VERSION": "0", **env}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environ, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.strip().splitlines()[-1]


def test_the_worker_app_imports_no_module_only_some_requests_use(tmp_path):
    tops = {name for name in LAZY if "." not in name}
    names = set(LAZY) - tops
    loaded = json.loads(fresh(WORKER.format(tops=tops, names=names), tmp_path))
    assert loaded == []


def test_the_trace_exporter_is_made_only_when_tracing_is_on(tmp_path):
    code = """
import json, threading
from agents.tracing import get_trace_provider
from agents.tracing import processors
from todo_chat.agent.providers import apply_tracing, get_model
from todo_chat.core.config import Settings
get_model(Settings())  # the offline model, tracing off: what every turn calls
off = [processors._global_exporter is None, get_trace_provider()._disabled,
       sorted(t.name for t in threading.enumerate())]
apply_tracing(Settings(openai_tracing=True))
on = [processors._global_exporter is not None, get_trace_provider()._disabled,
      processors.default_processor() in get_trace_provider()._multi_processor._processors]
print(json.dumps([off, on]))
"""
    off, on = json.loads(fresh(code, tmp_path))
    assert off == [True, True, ["MainThread"]]  # no HTTP client, no batch thread
    assert on == [True, False, True]  # on: the SDK's exporter receives the traces



APP_THEN_OFFLINE_MODULES = WORKER.split("print(")[0] + """
print(json.dumps(sorted(m for m in sys.modules if m.startswith("todo_chat.agent.offline"))))
"""


def test_a_server_that_talks_to_a_model_server_never_imports_the_offline_pipeline(tmp_path):
    remote = json.loads(fresh(APP_THEN_OFFLINE_MODULES, tmp_path, OPENAI_BASE_URL="http://127.0.0.1:9/v1"))
    assert remote == []
    # The offline model's pipeline comes with the app when it is the model: workers forked after share it.
    offline = json.loads(fresh(APP_THEN_OFFLINE_MODULES, tmp_path))
    assert "todo_chat.agent.offline.parse" in offline and "todo_chat.agent.offline.learned.tagger" in offline


PRELOAD = """
import json
from todo_chat.asgi_server import load_before_fork
load_before_fork()  # what the parent of several workers does before forking them
from todo_chat.agent.offline.learned import inference, tagger
print(json.dumps([inference._model.cache_info().currsize, tagger._model.cache_info().currsize]))
"""


def test_several_workers_share_the_offline_models_weights_loaded_before_the_fork(tmp_path):
    assert json.loads(fresh(PRELOAD, tmp_path)) == [1, 1]  # both learned models, in the parent
    with_model_server = fresh(PRELOAD, tmp_path,
                              OPENAI_BASE_URL="http://127.0.0.1:9/v1", OPENAI_API_KEY="k")
    assert json.loads(with_model_server) == [0, 0]  # a model server answers: the weights are never read
