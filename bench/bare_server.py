"""The baseline for `bench/load.py`: a bare FastAPI server speaking the chat endpoint's contract.

Same routes and wire format as todo-chat's `POST /api/{user_id}/chat` (JSON, or SSE `start`,
`delta`, `done`) and `POST /api/auth/signup` (argon2, in a worker thread), with no database,
no agent and no Reflex: what any server must pay for HTTP, JSON and hashing alone.
"""

from __future__ import annotations

import itertools
import json

import anyio
from fastapi import FastAPI
from fastapi.responses import JSONResponse, StreamingResponse
from passlib.context import CryptContext
from starlette.requests import Request

app = FastAPI()
_ids = itertools.count(1)
_passwords = CryptContext(schemes=["argon2"])


@app.get("/api/health")
async def health() -> dict:
    return {"status": "ok"}


@app.post("/api/auth/signup", status_code=201)
async def signup(body: dict) -> dict:
    await anyio.to_thread.run_sync(_passwords.hash, body["password"])
    user_id = next(_ids)
    return {"access_token": "bare", "user": {"id": user_id, "email": body["email"]}}


@app.post("/api/{user_id}/chat")
async def chat(user_id: int, request: Request):
    body = await request.json()
    message_id = next(_ids)
    reply = f"Added task: {body.get('message', '')}"
    if "text/event-stream" not in request.headers.get("accept", ""):
        return JSONResponse({"conversation_id": 1, "message_id": message_id, "response": reply,
                             "tool_calls": []})

    async def events():
        yield f"event: start\ndata: {json.dumps({'conversation_id': 1, 'message_id': message_id})}\n\n"
        yield f"event: delta\ndata: {json.dumps({'delta': reply})}\n\n"
        yield f"event: done\ndata: {json.dumps({'conversation_id': 1, 'message_id': message_id})}\n\n"

    return StreamingResponse(events(), media_type="text/event-stream")
