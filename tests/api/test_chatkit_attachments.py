"""ChatKit messages naming attachments that do not exist, or stop existing mid-turn: a clear
400 before anything is saved, or an error event that ends the stream."""

from __future__ import annotations

from tests.api.test_model_server import messages_in_db


def _with_attachment(text_, attachment_id):
    from chatkit.types import InferenceOptions, UserMessageInput, UserMessageTextContent

    return UserMessageInput(content=[UserMessageTextContent(text=text_)], attachments=[attachment_id],
                            inference_options=InferenceOptions())


def test_chatkit_unknown_attachment_is_a_400_before_anything_is_saved(client, alice, session):
    from chatkit.types import ThreadAddUserMessageParams, ThreadCreateParams, ThreadsAddUserMessageReq, ThreadsCreateReq

    from tests.api.test_chatkit import new_thread, send

    response = send(client, alice, ThreadsCreateReq(params=ThreadCreateParams(
        input=_with_attachment("see attached", "atc_missing"))))
    assert response.status_code == 400 and "atc_missing" in response.json()["detail"]
    session.expire_all()
    assert messages_in_db(session) == []
    thread_id, _ = new_thread(client, alice, "hello")
    response = send(client, alice, ThreadsAddUserMessageReq(params=ThreadAddUserMessageParams(
        thread_id=thread_id, input=_with_attachment("see attached", "atc_missing"))))
    assert response.status_code == 400
    assert [role for role, _ in messages_in_db(session)] == ["user", "assistant"]


def test_chatkit_stream_that_fails_before_the_answer_ends_with_an_error_event(client, alice, monkeypatch):
    """An attachment deleted between the check and its use: an error event, not a cut stream."""
    from chatkit.store import NotFoundError
    from chatkit.types import AttachmentCreateParams, AttachmentsCreateReq, ThreadCreateParams, ThreadsCreateReq

    from tests.api.test_chatkit import send, stream
    from todo_chat.api.chatkit.endpoint import chatkit_server

    attachment = send(client, alice, AttachmentsCreateReq(
        params=AttachmentCreateParams(name="a.txt", size=2, mime_type="text/plain"))).json()
    store = chatkit_server().store
    checked = []

    async def vanishing(attachment_id, context):
        if checked:
            raise NotFoundError(f"Attachment {attachment_id} not found")
        checked.append(attachment_id)
        return await type(store).load_attachment(store, attachment_id, context)

    monkeypatch.setattr(store, "load_attachment", vanishing)
    events = stream(client, alice, ThreadsCreateReq(params=ThreadCreateParams(
        input=_with_attachment("see attached", attachment["id"]))))
    assert events[0].type == "thread.created"
    assert events[-1].type == "error" and attachment["id"] in events[-1].message
