"""An AsyncOpenAI client whose chat completions skip the SDK's request transform.

`AsyncCompletions.create` walks the whole request (every message, every tool schema) against
its TypedDict annotations before sending it, trying each variant of every union type: about
3 ms of CPU per request with our six tools, a fifth of a chat turn's server CPU over an
OpenAI-compatible server (`make bench`, docs/benchmarks.md). For the requests openai-agents
builds the walk changes nothing: they are plain JSON-ready dicts and lists with no aliased keys
and no dates or files to format. What it does that matters, dropping parameters left `omit` /
`NOT_GIVEN`, is done here; sending, retries, errors, streaming and parsing the answer are the
SDK's own (`_post`, the same options, the same `ChatCompletion` / `AsyncStream` types).
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from openai import AsyncOpenAI, AsyncStream
from openai._base_client import make_request_options
from openai._types import NOT_GIVEN
from openai._utils import is_given
from openai.resources.chat import AsyncChat
from openai.resources.chat.completions import AsyncCompletions
from openai.types.chat import ChatCompletion, ChatCompletionChunk


class _DirectCompletions(AsyncCompletions):
    async def create(self, *, extra_headers: Any = None, extra_query: Any = None,
                     extra_body: Any = None, timeout: Any = NOT_GIVEN, **params: Any) -> Any:
        body = {key: value for key, value in params.items() if is_given(value)}
        if "response_format" in body and isinstance(body["response_format"], type):
            raise TypeError("pass a JSON schema as response_format, or use the plain AsyncOpenAI client")
        return await self._post(
            "/chat/completions", body=body,
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query,
                                         extra_body=extra_body, timeout=timeout, security={"bearer_auth": True}),
            cast_to=ChatCompletion, stream=body.get("stream") is True, stream_cls=AsyncStream[ChatCompletionChunk])


class _DirectChat(AsyncChat):
    @cached_property
    def completions(self) -> AsyncCompletions:
        return _DirectCompletions(self._client)


class LeanAsyncOpenAI(AsyncOpenAI):
    """`AsyncOpenAI`, but `chat.completions.create` sends the request as given."""

    @cached_property
    def chat(self) -> AsyncChat:
        return _DirectChat(self)
