"""The published forms of the site in Chromium: under its CSP, and as the offline zip via file://."""

from __future__ import annotations

import zipfile

import pytest
from etika.publish.local_server import serve_directory
from publish_support import ROOT, run_cli

pytestmark = pytest.mark.browser

# Collects CSP violations from the first moment of every page.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(
  e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile + ':' + e.lineNumber));
"""


@pytest.fixture(scope="module")
def published_url(published_site):
    with serve_directory(published_site) as url:
        yield url


@pytest.fixture
def csp_page(browser, published_url):
    context = browser.new_context(base_url=published_url)
    context.add_init_script(RECORD_VIOLATIONS)
    tab = context.new_page()
    console = []
    tab.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    yield tab, console
    context.close()


def _violations(page) -> list[str]:
    return page.evaluate("window.__violations")


def answer_first_question(page) -> None:
    form = page.locator(".quiz-question").first
    form.locator("input").first.check()
    form.locator(".quiz-check").click()
    form.locator(".quiz-status").wait_for()
    assert form.locator(".quiz-status").inner_text().strip()


def search(page, query: str) -> list[str]:
    page.keyboard.press("/")
    page.locator(".md-search__input").press_sequentially(query, delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    return page.locator(".md-search-result__link").evaluate_all("els => els.map(e => e.href)")


def test_under_the_csp_search_language_switch_and_quizzes_work_without_a_violation(csp_page):
    page, console = csp_page
    page.goto("/principles/")
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    assert any("#confidentiality" in href for href in search(page, "konfidencialit"))
    page.locator('.md-search-result__link[href*="#confidentiality"]').first.click()
    page.locator("mark[data-md-highlight]").first.wait_for()  # loads the fold under the CSP
    page.goto("/scenarios-situation/")
    answer_first_question(page)
    page.goto("/en/principles/")
    page.locator(".md-header__option .md-select button").hover()
    page.locator('.md-select__link[hreflang="lv"]').click()
    page.wait_for_url("**/principles/")
    assert page.evaluate("document.documentElement.lang") == "lv"
    assert _violations(page) == []
    assert not [line for line in console if "Content Security Policy" in line]


def test_under_the_csp_an_injected_inline_script_does_not_run(csp_page):
    page, _ = csp_page
    page.goto("/")
    page.evaluate(
        """() => { const s = document.createElement('script');
                   s.textContent = 'window.__injected = true';
                   document.body.appendChild(s); }"""
    )
    page.wait_for_function("window.__violations.length > 0")
    assert page.evaluate("window.__injected === true") is False
    assert any("script-src" in v for v in _violations(page))


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("offline")
    result = run_cli(ROOT, "publish", "--target", "offline", "--output", str(folder / "o.zip"))
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(folder / "o.zip") as zf:
        zf.extractall(folder / "unpacked")
    return folder / "unpacked" / "etiska-intervesana"


@pytest.fixture
def file_page(browser):
    context = browser.new_context()
    tab = context.new_page()
    requests = []
    tab.on("request", lambda r: requests.append(r.url))
    yield tab, requests
    context.close()


def test_the_offline_zip_opened_from_disk_navigates_searches_and_runs_a_quiz(
    offline_site, file_page
):
    page, requests = file_page
    page.goto((offline_site / "index.html").as_uri())
    page.locator(".md-nav__link", has_text="Principi").first.click()
    page.wait_for_url("**/principles.html")
    assert page.locator("h3#confidentiality").count() == 1
    results = search(page, "ekspluatāc")
    assert results and all(r.startswith("file://") for r in results)
    page.locator(".md-search-result__link").first.click()
    page.locator("mark[data-md-highlight]").first.wait_for()
    page.goto((offline_site / "scenarios-situation.html").as_uri())
    answer_first_question(page)
    assert all(url.startswith(("file://", "data:", "blob:")) for url in requests), requests


# (page opened from disk, query, the folder every result must be in, the language landed on).
# The anchors are the same in both languages, so only the folder and the landed page's own
# language tell the two apart.
OFFLINE_SEARCHES = [
    ("index.html", "ģimen", "", "lv"),
    ("principles.html", "tulk", "", "lv"),
    ("en/index.html", "family", "en/", "en"),
    ("en/index.html", "interpreter", "en/", "en"),
    ("en/principles.html", "interpreter", "en/", "en"),
]


@pytest.mark.parametrize(("start", "query", "folder", "lang"), OFFLINE_SEARCHES)
def test_offline_search_from_disk_finds_and_opens_pages_of_the_pages_own_language(
    offline_site, file_page, start, query, folder, lang
):
    page, requests = file_page
    page.goto((offline_site / start).as_uri())
    results = search(page, query)
    root = (offline_site / folder).as_uri().rstrip("/") + "/"
    assert results and all(r.startswith(root) for r in results), results
    if not folder:  # the Latvian pages are at the root: none of them under en/
        assert not [r for r in results if r.startswith(root + "en/")], results
    page.locator(".md-search-result__link").first.click()
    page.wait_for_url(f"{root}**")
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.locator("article h1").first.is_visible()
    assert all(url.startswith(("file://", "data:", "blob:")) for url in requests), requests
