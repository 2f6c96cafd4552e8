"""The native composer's upload: files gathered from Reflex's chunked upload in arrival order,
memory bounded by the size limit, and a type for files the browser sends untyped."""

from __future__ import annotations

import asyncio

import reflex as rx

from todo_chat.core.config import get_settings
from todo_chat.ui.state.composer_files import _collect, mime_of


async def _chunks(*chunks: rx.UploadChunk):
    for chunk in chunks:
        yield chunk


def test_files_come_whole_in_order_and_an_oversized_one_stays_bounded():
    limit = get_settings().attachment_max_bytes
    big = b"x" * (limit // 2 + 1)
    received = asyncio.run(_collect(_chunks(  # type: ignore[arg-type]
        rx.UploadChunk(filename="b.md", offset=0, content_type="", data=b"- milk\n"),
        rx.UploadChunk(filename="a.png", offset=0, content_type="image/png", data=b"\x89PNG"),
        rx.UploadChunk(filename="b.md", offset=7, content_type="", data=b"- eggs\n"),
        *[rx.UploadChunk(filename="huge.txt", offset=i * len(big), content_type="text/plain", data=big)
          for i in range(4)])))
    assert [(r.name, r.mime_type) for r in received] == [("b.md", "text/markdown"), ("a.png", "image/png"),
                                                         ("huge.txt", "text/plain")]
    assert received[0].data == b"- milk\n- eggs\n"
    assert len(received[2].data) == limit + 1  # enough to be refused as too large, no more


def test_an_untyped_file_is_typed_by_its_name():
    assert mime_of("", "notes.md") == "text/markdown"
    assert mime_of("application/octet-stream", "scan.pdf") == "application/pdf"
    assert mime_of("text/plain; charset=utf-8", "x") == "text/plain"
