"""Files attached in the native composer: stored at once (as ChatKit's two-phase upload stores
them), shown as chips until the message goes, then named by the saved message so the model
reads them (`agent.attachments`)."""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass

import reflex as rx

from todo_chat.core.config import get_settings
from todo_chat.core.db import run_db
from todo_chat.services import attachments
from todo_chat.services.errors import ServiceError
from todo_chat.ui.state.auth import EXPIRED_NOTICE, signed_in_user

UPLOAD_ID = "composer-files"
FILES_MAX = 10  # per message, as the JSON door allows


@dataclass
class AttachedFile:
    id: str
    name: str


@dataclass
class Received:
    name: str
    mime_type: str
    data: bytes


def mime_of(content_type: str, name: str) -> str:
    """The browser's type, or the one the name implies (browsers may send none for .md)."""
    given = (content_type or "").split(";")[0].strip()
    if given and given != "application/octet-stream":
        return given
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


async def _collect(chunks: rx.UploadChunkIterator) -> list[Received]:
    """The uploaded files in the order they came. A file past the size limit keeps only its
    first bytes beyond the limit (so the service refuses it by size, and memory stays bounded)."""
    limit = get_settings().attachment_max_bytes
    files: dict[str, tuple[str, bytearray]] = {}
    async for chunk in chunks:
        _, data = files.setdefault(chunk.filename, (chunk.content_type, bytearray()))
        if len(data) <= limit:
            data += chunk.data[:limit + 1 - len(data)]
    return [Received(name or "file", mime_of(kind, name), bytes(data)) for name, (kind, data) in files.items()]


class ComposerFilesState(rx.State):
    files: list[AttachedFile] = []
    error: str = ""

    @rx.event(background=True)
    async def attach(self, chunks: rx.UploadChunkIterator):
        """Store each file for the signed-in user. A background event fed the upload in chunks:
        nothing is held while the bytes arrive, and the user lookup and the writes (worker
        threads) run with the page's state lock released."""
        received = await _collect(chunks)
        async with self:
            room = max(FILES_MAX - len(self.files), 0)
        user = await signed_in_user(self)
        if user is None:
            async with self:
                self.error = EXPIRED_NOTICE
            return
        stored: list[AttachedFile] = []
        problems = [f"At most {FILES_MAX} files per message."] if len(received) > room else []
        for upload in received[:room]:
            try:
                row = await run_db(attachments.store_file, user, upload.name, upload.mime_type, upload.data)
                stored.append(AttachedFile(id=row.id, name=row.name))
            except ServiceError as exc:
                problems.append(f"{upload.name}: {exc}")
        async with self:
            self.files = [*self.files, *stored][:FILES_MAX]
            self.error = " ".join(problems)

    @rx.event
    def remove(self, attachment_id: str):
        self.files = [f for f in self.files if f.id != attachment_id]

    def take(self) -> list[AttachedFile]:
        """Under the lock, as a message goes: its files (the chips clear; `put_back` if it fails)."""
        taken = self.files
        if taken or self.error:  # an untouched state sends nothing with the message's frame
            self.files, self.error = [], ""
        return taken

    def put_back(self, taken: list[AttachedFile]) -> None:
        self.files = [*taken, *self.files]
