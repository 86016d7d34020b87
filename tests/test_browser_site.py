"""What a person does in a real browser: switch language, search, use the keyboard; axe checks."""

from __future__ import annotations

import pytest
from a11y import assert_accessible
from site_pages import LANGUAGES, PAGES, page_url

pytestmark = pytest.mark.browser


def search(page, query: str) -> list[str]:
    """Type a query into Material's search box; return the result links' paths and anchors."""
    page.keyboard.press("/")
    page.locator(".md-search__input").press_sequentially(query, delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    hrefs = page.locator(".md-search-result__link").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname + new URL(a.href).hash)"
    )
    return hrefs


@pytest.mark.parametrize("slug", PAGES)
def test_language_switch_lands_on_the_twin_page(page, slug):
    for lang, other in (("lv", "en"), ("en", "lv")):
        page.goto(page_url(lang, slug))
        page.locator(".md-header .md-select").hover()
        page.locator(f'.md-select__link[hreflang="{other}"]').click()
        page.wait_for_load_state()
        assert page.url.endswith(page_url(other, slug)), (lang, slug, page.url)
        assert page.locator("html").get_attribute("lang") == other


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("konfidencialit", "/principles/#confidentiality"),
        ("ekspluatāc", "/reasons/#long-exploitation"),
        ("ģimenes atbal", "/reasons/#family-support"),
    ],
)
def test_a_latvian_prefix_search_finds_the_section(page, query, expected):
    page.goto("/")
    results = search(page, query)
    assert expected in results
    assert all(not path.startswith("/en/") for path in results)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("confidential", "/en/principles/#confidentiality"),
        ("interpret", "/en/principles/#interpreting"),
    ],
)
def test_an_english_search_finds_the_section_in_english_only(page, query, expected):
    page.goto("/en/")
    results = search(page, query)
    assert expected in results
    assert all(path.startswith("/en/") for path in results)


def focus_ring_of_active_element(page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            return {
              tag: el.tagName, cls: el.className, inSelect: !!el.closest('.md-select'),
              isSearch: el.classList.contains('md-search__input') || el.closest('label')?.htmlFor === '__search',
              outline: style.outlineStyle, width: parseFloat(style.outlineWidth),
              shadow: style.boxShadow,
            };
        }"""
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tab_reaches_language_switcher_and_search_with_a_visible_focus(page, lang):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(page_url(lang, "principles"))
    reached = {"switcher": None, "search": None}
    for _ in range(40):
        page.keyboard.press("Tab")
        state = focus_ring_of_active_element(page)
        if state["inSelect"] and reached["switcher"] is None:
            reached["switcher"] = state
        if state["isSearch"] and reached["search"] is None:
            reached["search"] = state
        if all(reached.values()):
            break
    for name, state in reached.items():
        assert state is not None, f"Tab never reached the {name}"
        visible = (state["outline"] != "none" and state["width"] >= 2) or state["shadow"] != "none"
        assert visible, (name, state)


def test_pages_make_no_request_to_another_host(page, base_url):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    for lang in LANGUAGES:
        for slug in PAGES:
            page.goto(page_url(lang, slug))
            page.wait_for_load_state("networkidle")
    search(page, "confidential")
    assert requests, "the recorder saw nothing"
    assert [url for url in requests if not url.startswith(base_url)] == []


# Every built page in both languages, and the one 404 page that serves both.
EVERY_PAGE = [page_url(lang, slug) for lang in LANGUAGES for slug in PAGES] + ["/404.html"]


@pytest.mark.parametrize("url", EVERY_PAGE)
def test_axe_finds_no_wcag21_aa_violation(page, url, axe):
    page.goto(url)
    assert_accessible(axe, page)
