"""Files attached in the native composer: stored at once (as ChatKit's two-phase upload stores
them), shown as chips until the message goes, then named by the saved message so the model
reads them (`agent.attachments`)."""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass

import reflex as rx

from todo_chat.core.db import run_db
from todo_chat.services import attachments
from todo_chat.services.errors import ServiceError
from todo_chat.ui.state.auth import EXPIRED_NOTICE, AuthState, user_for

UPLOAD_ID = "composer-files"
FILES_MAX = 10  # per message, as the JSON door allows


@dataclass
class AttachedFile:
    id: str
    name: str


def mime_of(upload: rx.UploadFile) -> str:
    """The browser's type, or the one the name implies (browsers send none for .md)."""
    given = (upload.content_type or "").split(";")[0].strip()
    if given and given != "application/octet-stream":
        return given
    return mimetypes.guess_type(upload.name or "")[0] or "application/octet-stream"


class ComposerFilesState(rx.State):
    files: list[AttachedFile] = []
    error: str = ""

    @rx.event
    async def attach(self, uploads: list[rx.UploadFile]):
        """Store each file for the signed-in user. (A plain event: the upload's temporary files
        live only while it runs; the user lookup and the writes run in worker threads.)"""
        self.error = ""
        user = await user_for((await self.get_state(AuthState)).token)
        if user is None:
            self.error = EXPIRED_NOTICE
            return
        room = max(FILES_MAX - len(self.files), 0)
        if len(uploads) > room:
            self.error = f"At most {FILES_MAX} files per message."
        for upload in uploads[:room]:
            name = upload.name or "file"
            try:
                row = await run_db(attachments.store_file, user, name, mime_of(upload), await upload.read())
            except ServiceError as exc:
                self.error = f"{name}: {exc}"
                continue
            self.files = [*self.files, AttachedFile(id=row.id, name=row.name)]

    @rx.event
    def remove(self, attachment_id: str):
        self.files = [f for f in self.files if f.id != attachment_id]

    def take(self) -> list[AttachedFile]:
        """Under the lock, as a message goes: its files (the chips clear; `put_back` if it fails)."""
        taken, self.files, self.error = self.files, [], ""
        return taken

    def put_back(self, taken: list[AttachedFile]) -> None:
        self.files = [*taken, *self.files]
