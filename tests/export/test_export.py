"""`reflex export` builds the static frontend that the README tells you to deploy."""

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_export_builds_a_static_frontend_pointing_at_the_backend(tmp_path):
    env = {**os.environ, "REFLEX_WEB_WORKDIR": str(tmp_path / ".web"),  # not the dev server's .web
           "API_URL": "https://api.todo-chat.example", "REFLEX_CHECK_LATEST_VERSION": "0",
           "REFLEX_BUN_PATH": str(ROOT / ".tools" / "node_modules" / ".bin" / "bun"),
           "DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run(
        [sys.executable, "-m", "reflex", "export", "--frontend-only", "--zip-dest-dir", str(tmp_path)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    with zipfile.ZipFile(tmp_path / "frontend.zip") as archive:
        names = set(archive.namelist())
        assert {"index.html", "login.html", "chat.html", "tasks.html", "chatkit_bridge.jsx"} <= names
        assert any(n.startswith("assets/") and n.endswith(".js") for n in names)
    backend = json.loads((tmp_path / ".web" / "env.json").read_text())
    assert backend["EVENT"] == "wss://api.todo-chat.example/_event"
