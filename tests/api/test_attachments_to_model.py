"""Attachments reach the model: an image as image input, text and Markdown as text, a PDF as its
extracted text, in the request the (fake, real-HTTP) model server receives; the offline model
says plainly that it cannot read them."""

from __future__ import annotations

import asyncio
import base64

from chatkit.types import (
    AttachmentCreateParams,
    AttachmentsCreateReq,
    InferenceOptions,
    ThreadCreateParams,
    ThreadsCreateReq,
    UserMessageInput,
    UserMessageTextContent,
)
from sqlmodel import select

from tests.api.test_chatkit import done_items, send, stream
from tests.fake_openai import text
from todo_chat.agent.attachment_items import FileReader, as_chatkit_item, user_content
from todo_chat.agent.budget import IMAGE_TOKENS, estimate_tokens, item_tokens
from todo_chat.agent.offline.model import CANNOT_READ_ATTACHMENTS
from todo_chat.api.chatkit.store import row_to_item
from todo_chat.models import Attachment, ItemRole, Message
from todo_chat.services.attachments import message_attachment_ids

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAAB"
                       "JRU5ErkJggg==")


def minimal_pdf(line: str) -> bytes:
    """A one-page PDF whose page shows `line` (written by hand: offsets computed, not guessed)."""
    stream_ = f"BT /F1 12 Tf 72 720 Td ({line}) Tj ET".encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream_) + stream_ + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def upload(client, account, name: str, mime: str, data: bytes) -> str:
    created = send(client, account, AttachmentsCreateReq(
        params=AttachmentCreateParams(name=name, size=len(data), mime_type=mime))).json()
    descriptor = created["upload_descriptor"]
    response = client.put(descriptor["url"].replace("http://testserver", ""), content=data,
                          headers=descriptor["headers"])
    assert response.status_code == 204
    return created["id"]


def ask_with(client, account, words: str, attachment_ids: list[str]) -> list:
    return stream(client, account, ThreadsCreateReq(params=ThreadCreateParams(input=UserMessageInput(
        content=[UserMessageTextContent(text=words)], attachments=attachment_ids,
        inference_options=InferenceOptions()))))


def test_an_image_and_text_files_reach_the_model_server(client, alice, fake_openai):
    ids = [upload(client, alice, "shopping.png", "image/png", PNG),
           upload(client, alice, "list.md", "text/markdown", b"- milk\n- eggs\n"),
           upload(client, alice, "notes.pdf", "application/pdf", minimal_pdf("Call the plumber"))]
    fake_openai.script(text("I see milk and eggs."))
    events = ask_with(client, alice, "add the items on this shopping list", ids)
    assert done_items(events, "assistant_message")[0].content[0].text == "I see milk and eggs."
    content = fake_openai.requests[0]["messages"][-1]["content"]
    assert content[0] == {"type": "text", "text": "add the items on this shopping list"}
    image = content[1]["image_url"]
    assert content[1]["type"] == "image_url"
    assert image["url"] == "data:image/png;base64," + base64.b64encode(PNG).decode()
    assert content[2] == {"type": "text", "text": "[Attached file: list.md]\n- milk\n- eggs\n"}
    assert content[3]["text"].startswith("[Attached file: notes.pdf]\n") and "Call the plumber" in content[3]["text"]


def test_the_offline_model_says_it_cannot_read_attachments(client, alice):
    ids = [upload(client, alice, "shopping.png", "image/png", PNG)]
    events = ask_with(client, alice, "add the items on this photo", ids)
    assert done_items(events, "assistant_message")[0].content[0].text == CANNOT_READ_ATTACHMENTS
    # Nothing was added from the words "the items on this photo".
    assert client.get(f"/api/{alice.id}/tasks", headers=alice.headers).json()["total"] == 0


def test_attached_text_is_bounded_by_the_context_budget():
    long = "word " * 40_000
    files = [(Attachment(id="a", user_id=1, name="big.txt", mime_type="text/plain"), long.encode()),
             (Attachment(id="b", user_id=1, name="p.png", mime_type="image/png"), PNG * 1000)]
    content = user_content("summarise", files, context_tokens=8192)
    item = {"role": "user", "content": content}
    assert "characters left out" in content[1]["text"]
    # The image counts as a bounded number of tokens, not its base64 length.
    assert item_tokens(item) < 8192 // 4 + IMAGE_TOKENS + 100


def test_the_json_door_sends_named_attachments_to_the_model(client, alice, bob, fake_openai, session):
    """POST /api/{user_id}/chat with `attachments`: the same conversion as ChatKit's door; the
    files are the sender's own (another user's id is a 404 and no message is saved)."""
    ids = [upload(client, alice, "photo.png", "image/png", PNG),
           upload(client, alice, "notes.txt", "text/plain", b"call the plumber")]
    fake_openai.script(text("Noted."))
    answer = client.post(f"/api/{alice.id}/chat", json={"message": "read these", "attachments": ids},
                         headers=alice.headers)
    assert answer.status_code == 200, answer.text
    content = fake_openai.requests[0]["messages"][-1]["content"]
    assert content[0] == {"type": "text", "text": "read these"}
    assert content[1]["image_url"]["url"].startswith("data:image/png;base64,")
    assert content[2] == {"type": "text", "text": "[Attached file: notes.txt]\ncall the plumber"}
    # The saved message names its files as a ChatKit item: the ChatKit view shows them too.
    session.expire_all()
    saved = session.exec(select(Message).where(Message.role == ItemRole.user)).one()
    assert saved.content == "read these" and message_attachment_ids(saved.payload) == ids
    assert row_to_item(saved, "thr").attachments[1].name == "notes.txt"
    refused = client.post(f"/api/{bob.id}/chat", json={"message": "read this", "attachments": ids[:1]},
                          headers=bob.headers)
    assert refused.status_code == 404 and "Attachment" in refused.json()["detail"]
    assert session.exec(select(Message).where(Message.user_id == bob.id)).all() == []


def test_chatkit_s_converter_bounds_the_files_and_keeps_the_typed_text():
    """The path every door takes (ChatKit's ThreadItemConverter with our file reading): a long
    file is cut to its share of the window, a deleted one is named, not dropped."""
    long = "word " * 40_000
    files = [(Attachment(id="atc_a", user_id=1, name="big.txt", mime_type="text/plain"), long.encode())]
    gone = Attachment(id="atc_gone", user_id=1, name="old.pdf", mime_type="application/pdf")
    message = Message(user_id=1, conversation_id=1, role=ItemRole.user, content="summarise", item_id="msg_1")
    item = as_chatkit_item(message, [files[0][0], gone])
    [converted] = asyncio.run(FileReader(files, context_tokens=8192).user_message_to_input(item))
    parts = converted["content"]
    assert parts[0] == {"type": "input_text", "text": "summarise"}
    assert "characters left out" in parts[1]["text"] and estimate_tokens(parts[1]["text"]) <= 8192 // 4 + 50
    assert parts[2]["text"] == "[Attached file: old.pdf (no longer available)]"
