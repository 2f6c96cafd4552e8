"""The model provider is chosen in one place, from the settings."""

from agents import OpenAIChatCompletionsModel, OpenAIResponsesModel

from todo_chat.agent.offline_model import OfflineModel
from todo_chat.agent.providers import describe, get_model
from todo_chat.core.config import Settings


def test_no_key_means_the_offline_model():
    settings = Settings(openai_api_key="", openai_base_url="")
    assert isinstance(get_model(settings), OfflineModel) and describe(settings) == "offline"


def test_api_key_means_openai_responses():
    settings = Settings(openai_api_key="sk-test", openai_model="gpt-4.1-mini")
    model = get_model(settings)
    assert isinstance(model, OpenAIResponsesModel) and describe(settings) == "openai:gpt-4.1-mini"


def test_base_url_means_any_openai_compatible_server():
    settings = Settings(openai_base_url="http://127.0.0.1:11434/v1", openai_model="llama3.1")
    model = get_model(settings)
    assert isinstance(model, OpenAIChatCompletionsModel)
    assert str(model._client.base_url).startswith("http://127.0.0.1:11434/v1")
    assert describe(settings) == "openai-compatible:llama3.1"


def test_tracing_is_off_unless_openai_tracing_is_set():
    from agents.tracing import get_trace_provider

    from todo_chat.agent.providers import apply_tracing

    for settings in (Settings(openai_api_key="sk-test", openai_base_url="http://127.0.0.1:8080/v1"),
                     Settings(openai_api_key="sk-test"), Settings()):
        get_model(settings)
        assert get_trace_provider()._disabled is True
    try:
        assert apply_tracing(Settings(openai_tracing=True)) is True
        assert get_trace_provider()._disabled is False
    finally:
        apply_tracing(Settings())
    assert get_trace_provider()._disabled is True


def test_context_window_defaults():
    assert Settings(openai_base_url="http://127.0.0.1:8080/v1").context_tokens == 8192
    assert Settings(openai_api_key="sk-test").context_tokens == 128_000
    assert Settings(openai_base_url="http://x/v1", model_context_tokens=32768).context_tokens == 32768
    assert Settings().model_max_output_tokens == 1024 and Settings().openai_tracing is False
