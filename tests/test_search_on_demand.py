"""The search index loads when a learner reaches for search, not on every page view."""

from __future__ import annotations

import pytest
from a11y import assert_accessible

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
    scripts: list[str] = []
    page.on("request", lambda r: scripts.append(r.url) if r.resource_type == "script" else None)
    page.goto("/principles/", wait_until="networkidle")
    page.wait_for_timeout(300)  # Material asks for the index right after load: give it time
    assert requests == []
    # The highlighter and the fold load only on an arrival from a search result.
    assert not [url for url in scripts if "search-highlight" in url or "lunr.lv" in url]
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


def _marks(page) -> list[str]:
    return page.locator("mark[data-md-highlight]").evaluate_all("ms => ms.map(m => m.textContent)")


def test_arriving_from_a_result_marks_the_words_with_their_diacritics_without_the_index(page, axe):
    requests = _index_requests(page)
    # What Material puts in `h`: the folded stems our Latvian index holds.
    page.goto("/principles/?h=ekspluatac+cietus#confidentiality", wait_until="networkidle")
    page.locator("mark[data-md-highlight]").first.wait_for(timeout=5000)
    marks = _marks(page)
    assert "ekspluatāc" in {m.lower() for m in marks}
    assert "cietuš" in {m.lower() for m in marks}
    assert page.locator("mark mark").count() == 0
    assert requests == []  # highlighting needs only the fold, not the index
    assert page.evaluate("location.search + location.hash") == "#confidentiality"
    assert_accessible(axe, page)  # the marks keep their contrast


def test_a_search_result_opens_its_page_with_the_typed_latvian_word_marked(page):
    page.goto("/", wait_until="networkidle")
    page.locator(".md-search__input").click()
    page.keyboard.type("ģimen")
    _wait_for_result(page, "/reasons/?h=gimen")
    page.locator('.md-search-result__link[href*="/reasons/?h=gimen"]').first.click()
    page.wait_for_url("**/reasons/**")
    page.locator("mark[data-md-highlight]").first.wait_for(timeout=5000)
    assert "ģimen" in {m.lower() for m in _marks(page)}


def test_english_pages_mark_the_words_too(page):
    page.goto("/en/reasons/?h=shame", wait_until="networkidle")
    page.locator("mark[data-md-highlight]").first.wait_for(timeout=5000)
    assert "shame" in {m.lower() for m in _marks(page)}


# (page, a word on many of its language's pages, where every result must be)
FIRST_WORDS = [("/", "ģimene", "/reasons/"), ("/en/", "family", "/en/reasons/")]


def _results(page) -> list[str]:
    return page.locator(".md-search-result__link").evaluate_all("els => els.map(e => e.href)")


def _open_search(page, by_key: bool) -> None:
    """The two ways a person starts: the search key, or a click on the box."""
    if by_key:
        page.keyboard.press("/")
    else:
        page.locator(".md-search__input").click()


@pytest.mark.parametrize(("start", "word", "expected"), FIRST_WORDS)
def test_a_word_typed_at_once_on_a_fresh_page_finds_its_pages_every_time(
    browser, base_url, start, word, expected
):
    """Eight fresh loads; on every other one the index is held back until the whole word is in
    the box, so the query typed while the index loads must run once it is ready."""
    held: list = []  # the index request of the current load, while held back
    for attempt in range(8):
        held.clear()
        context = browser.new_context(base_url=base_url)
        try:
            page = context.new_page()
            if attempt % 2 == 0:
                page.route(f"**{INDEX}", lambda route: held.append(route))
            page.goto(start)
            _open_search(page, by_key=attempt % 4 < 2)
            page.keyboard.type(word)
            if attempt % 2 == 0:
                while not held:  # the request goes out when the box is focused
                    page.wait_for_timeout(20)
                assert not _results(page)  # typed before the index arrived
                held[0].continue_()
            _wait_for_result(page, expected)
            assert page.locator(".md-search__input").input_value() == word
            results = _results(page)
            in_english = [("/en/" in r) for r in results]
            assert all(in_english) if start == "/en/" else not any(in_english), (attempt, results)
            assert page.locator(".md-search-result__link").first.is_visible()
        finally:
            context.close()


@pytest.mark.parametrize("ready_first", [False, True], ids=["while-loading", "once-ready"])
def test_a_word_pasted_into_the_box_without_a_key_press_is_searched(page, ready_first):
    """Paste, dictation and a phone's suggestions change the box without a key release."""
    page.goto("/")
    page.locator(".md-search__input").click()
    if ready_first:  # Material's placeholder line replaces "Initialising search"
        page.wait_for_function(
            """() => !document.querySelector('.md-search-result__meta')
                 .textContent.includes('inicializ')"""
        )
    page.keyboard.insert_text("ģimene")
    _wait_for_result(page, "/reasons/")
    assert page.locator(".md-search-result__link").first.is_visible()
