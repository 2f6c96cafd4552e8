"""An AsyncOpenAI client whose chat completions skip the SDK's request transform, and that does
the rest of a request's fixed work once rather than at every request.

`AsyncCompletions.create` walks the whole request (every message, every tool schema) against
its TypedDict annotations before sending it, trying each variant of every union type: about
3 ms of CPU per request with our six tools, a fifth of a chat turn's server CPU over an
OpenAI-compatible server (`make bench`, docs/benchmarks.md). For the requests openai-agents
builds the walk changes nothing: they are plain JSON-ready dicts and lists with no aliased keys
and no dates or files to format. What it does that matters, dropping parameters left `omit` /
`NOT_GIVEN`, is done here; sending, retries, errors, streaming and parsing the answer are the
SDK's own (`_post`, the same options, the same `ChatCompletion` / `AsyncStream` types).

What else a request repeated (issue 19, docs/benchmarks.md "sixth pass"), each giving the same
result as the SDK's own code:
- the body's JSON: the tool schemas are most of it and the same at every request, so their
  bytes are kept while an equal list comes (the body sent is byte for byte the SDK's);
- the URL: merged with the client's `base_url` once per path, again when `base_url` changes;
- the answer: a chat completion (or a streamed chunk) is validated by pydantic, in C, instead of
  the SDK's lenient construction in Python (~70 µs a request); an answer off the schema, which a
  local server may send, still gets the SDK's lenient construction, as before.
"""

from __future__ import annotations

from copy import deepcopy
from functools import cached_property
from typing import Any

import pydantic
from httpx2 import URL
from openai import AsyncOpenAI, AsyncStream
from openai._base_client import make_request_options
from openai._models import validate_type
from openai._types import NOT_GIVEN
from openai._utils import is_given
from openai._utils._json import openapi_dumps
from openai.resources.chat import AsyncChat
from openai.resources.chat.completions import AsyncCompletions
from openai.types.chat import ChatCompletion, ChatCompletionChunk

# The answers validated rather than constructed: the only ones this client's path parses.
_VALIDATED: tuple[type, ...] = (ChatCompletion, ChatCompletionChunk)
# Paths whose merged URL is kept (chat completions, and a few others a caller may use).
_URLS_KEPT = 32


class _DirectCompletions(AsyncCompletions):
    async def create(self, *, extra_headers: Any = None, extra_query: Any = None,
                     extra_body: Any = None, timeout: Any = NOT_GIVEN, **params: Any) -> Any:
        body = {key: value for key, value in params.items() if is_given(value)}
        if "response_format" in body and isinstance(body["response_format"], type):
            raise TypeError("pass a JSON schema as response_format, or use the plain AsyncOpenAI client")
        # The SDK merges `extra_body` into a dict body, so then the dict goes as it is.
        encoded = extra_body is None
        return await self._post(
            "/chat/completions", body=None if encoded else body,
            content=self._client.request_json(body) if encoded else None,  # type: ignore[attr-defined]
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

    @cached_property
    def _merged_urls(self) -> dict[str, tuple[URL, URL]]:
        """path -> (the base_url it was merged with, the merged URL)."""
        return {}

    def request_json(self, body: dict[str, Any]) -> bytes:
        """`body` as the SDK encodes it (`openapi_dumps`), the tool schemas' part reused."""
        tools = body.get("tools")
        if not isinstance(tools, list) or not tools:
            return openapi_dumps(body)
        # (the last tool schemas encoded, a copy; their JSON), read and replaced as one tuple
        kept: tuple[Any, bytes] = self.__dict__.get("_kept_tools", (None, b""))
        if kept[0] != tools:
            kept = self.__dict__["_kept_tools"] = (deepcopy(tools), openapi_dumps(tools))
        keys = list(body)
        at = keys.index("tools")
        before = openapi_dumps({key: body[key] for key in keys[:at]})[:-1]  # "{..." without its "}"
        after = openapi_dumps({key: body[key] for key in keys[at + 1:]})[1:]  # "...}" without its "{"
        return b"".join((before, b"," if at else b"", b'"tools":', kept[1], b"," if after != b"}" else b"", after))

    def _prepare_url(self, url: str) -> URL:
        kept = self._merged_urls.get(url)
        if kept is not None and kept[0] is self._base_url:
            return kept[1]
        merged = super()._prepare_url(url)
        if len(self._merged_urls) >= _URLS_KEPT:
            self._merged_urls.clear()
        self._merged_urls[url] = (self._base_url, merged)
        return merged

    def _process_response_data(self, *, data: object, cast_to: Any, response: Any) -> Any:
        if cast_to in _VALIDATED and isinstance(data, dict) and not self._strict_response_validation:
            try:
                return validate_type(type_=cast_to, value=data)
            except pydantic.ValidationError:
                pass  # off the schema: the SDK's lenient construction below, as before
        return super()._process_response_data(data=data, cast_to=cast_to, response=response)
