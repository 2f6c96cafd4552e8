"""When the model is unreachable: a clear banner, the typed message kept, retry with back-off."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import new_page, shot, sign_up, start_app, stop_app

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def unreachable_model_app(tmp_path_factory):
    # An OpenAI-compatible server that is not there (nothing listens on port 9), and a separate
    # .web so the main test server's frontend is left alone.
    tmp = tmp_path_factory.mktemp("failing")
    # No retries inside the OpenAI client (its back-off would only slow each failed turn): the
    # retries under test are the page's own.
    base, proc = start_app(tmp / "data", OPENAI_BASE_URL="http://127.0.0.1:9/v1", OPENAI_MODEL="llama3.1",
                           OPENAI_MAX_RETRIES="0", REFLEX_WEB_WORKDIR=str(tmp / ".web"))
    yield base
    stop_app(proc)


def test_model_failure_shows_retry_and_never_loses_the_message(browser, unreachable_model_app):
    page = new_page(browser)
    try:
        sign_up(page, unreachable_model_app, "Lin")
        composer = page.get_by_role("textbox", name="Message")
        composer.fill("Add a task to renew my passport")
        composer.press("Enter")
        banner = page.get_by_role("alert").filter(has_text="Could not reach the model")
        expect(banner).to_be_visible(timeout=60_000)
        transcript = page.get_by_role("log")
        expect(transcript.get_by_text("Add a task to renew my passport")).to_be_visible()
        shot(page, "model-unreachable")

        banner.get_by_role("button", name="Retry").click()
        expect(page.get_by_text("Retrying (1/3)…")).to_be_visible()
        expect(page.get_by_text("Retrying (2/3)…")).to_be_visible(timeout=60_000)
        expect(banner).to_be_visible(timeout=90_000)
        expect(page.get_by_text("Retrying")).to_have_count(0, timeout=90_000)

        page.reload()  # the message was saved before the model ran
        page.get_by_role("button", name="Add a task to renew my passport", exact=True).click()
        expect(page.get_by_role("log").get_by_text("Add a task to renew my passport")).to_be_visible()
        expect(page.get_by_role("alert").filter(has_text="no answer yet")).to_be_visible()
    finally:
        page.context.close()
