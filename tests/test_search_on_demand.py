"""The search index loads when a learner reaches for search, not on every page view."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

INDEX = "/search/search_index.json"


def _index_requests(page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url) if INDEX in request.url else None)
    return seen


def _wait_for_result(page, fragment: str) -> None:
    """Until a search result links to a URL containing `fragment` (results follow the typing)."""
    page.wait_for_function(
        """(fragment) => [...document.querySelectorAll('.md-search-result__link')]
             .some(a => a.href.includes(fragment))""",
        arg=fragment,
        timeout=5000,
    )


def test_a_page_view_fetches_no_search_index_until_the_search_box_is_focused(page):
    requests = _index_requests(page)
    page.goto("/principles/", wait_until="networkidle")
    page.wait_for_timeout(300)  # Material asks for the index right after load: give it time
    assert requests == []
    page.locator(".md-search__input").click()
    page.keyboard.type("konfidencialit")
    _wait_for_result(page, "/principles/?h=konfidencialit#confidentiality")
    assert [url.split("://")[1].split("/", 1)[1] for url in requests] == [
        "search/search_index.json"
    ]


def test_the_search_key_opens_search_and_loads_the_english_index(page):
    requests = _index_requests(page)
    page.goto("/en/reasons/", wait_until="networkidle")
    assert requests == []
    page.keyboard.press("/")  # Material's shortcut: opens search and focuses the box
    page.keyboard.type("shame")
    _wait_for_result(page, "/en/reasons/?h=shame#")
    assert len(requests) == 1 and requests[0].endswith("/en/search/search_index.json")


def test_on_a_phone_the_search_button_loads_the_index(browser, base_url):
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 800})
    try:
        page = context.new_page()
        requests = _index_requests(page)
        page.goto("/glossary/", wait_until="networkidle")
        assert requests == []
        page.locator('label.md-header__button[for="__search"]').click()
        page.keyboard.type("cietuš")
        _wait_for_result(page, "/glossary/")
        assert len(requests) == 1
    finally:
        context.close()


def test_arriving_from_a_search_result_loads_the_index_to_highlight_the_words(page):
    requests = _index_requests(page)
    page.goto("/principles/?h=konfidencialit%C4%81te", wait_until="networkidle")
    assert len(requests) == 1
    page.locator("mark[data-md-highlight]").first.wait_for(timeout=5000)
