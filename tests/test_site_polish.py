"""What a reader perceives of the site's own details: the language switch keeps the section, the
phone header works by keyboard, foreign terms are announced in their language, the type reads
as intended, and the printed handouts keep their labels with their text."""

from __future__ import annotations

import re

import pytest
from a11y import assert_accessible
from conftest import pdf_text
from site_pages import LANGUAGES, PAGES, page_url

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 740}

# One evaluate per Tab press is the only way to follow focus; the state is read in one call.
FOCUSED = """() => {
    const el = document.activeElement;
    const box = el.getBoundingClientRect();
    return {
      name: (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40),
      role: el.getAttribute('role') || el.tagName.toLowerCase(),
      inView: box.width > 0 && box.height > 0 && box.right > 0 && box.left < innerWidth
        && box.bottom > 0 && box.top < innerHeight,
      inDrawer: !!el.closest('.md-sidebar--primary'),
      inSearch: !!el.closest('.md-search'),
      drawerOpen: document.getElementById('__drawer').checked,
      searchOpen: document.getElementById('__search').checked,
    };
}"""


def tab(page, times: int = 1) -> dict:
    for _ in range(times):
        page.keyboard.press("Tab")
    return page.evaluate(FOCUSED)


def tab_to(page, name: str, limit: int = 12) -> dict:
    for _ in range(limit):
        state = tab(page)
        if state["name"] == name:
            return state
    raise AssertionError(f"Tab never reached {name!r}")


@pytest.mark.parametrize(("lang", "other"), [("lv", "en"), ("en", "lv")])
def test_language_switch_keeps_the_section_the_reader_is_on(page, lang, other):
    page.goto(page_url(lang, "principles") + "#confidentiality")
    page.locator(".md-header .md-select").hover()
    page.locator(f'.md-select__link[hreflang="{other}"]').click()
    page.wait_for_load_state()
    assert page.url.endswith(page_url(other, "principles") + "#confidentiality")
    # The twin's section is where the reader lands, under the header.
    top = page.locator("#confidentiality").evaluate("h => h.getBoundingClientRect().top")
    assert 0 <= top < 200


def test_language_switch_follows_a_section_chosen_on_the_page(page):
    page.goto(page_url("en", "reasons"))
    page.locator('a.headerlink[href="#fear-of-return"]').click()
    link = page.locator('.md-select__link[hreflang="lv"]')
    assert link.get_attribute("href").endswith("#fear-of-return")


PHONE_HEADER = {"lv": ("Navigācija", "Meklēt"), "en": ("Navigation", "Search")}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_phone_tab_order_has_the_two_buttons_and_no_hidden_drawer_link(page, lang):
    menu, find = PHONE_HEADER[lang]
    page.set_viewport_size(PHONE)
    page.goto(page_url(lang, "principles"))
    stops = [tab(page) for _ in range(12)]
    names = [s["name"] for s in stops]
    assert menu in names and find in names, names
    assert [s["role"] for s in stops if s["name"] in (menu, find)] == ["button", "button"]
    # Every stop is on screen: the closed drawer and the closed search dialog hold none.
    assert [s for s in stops if not s["inView"] or s["inDrawer"] or s["inSearch"]] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_phone_menu_opens_and_closes_by_keyboard_and_focus_comes_back(page, lang):
    menu, _ = PHONE_HEADER[lang]
    page.set_viewport_size(PHONE)
    page.goto(page_url(lang, "principles"))
    tab_to(page, menu)
    page.keyboard.press("Enter")
    opened = page.evaluate(FOCUSED)
    assert opened["drawerOpen"] and opened["inDrawer"], opened
    page.wait_for_timeout(400)  # the drawer slides in
    assert tab(page)["inView"]
    page.keyboard.press("Escape")
    closed = page.evaluate(FOCUSED)
    assert (closed["drawerOpen"], closed["name"]) == (False, menu)
    page.keyboard.press(" ")
    assert page.evaluate(FOCUSED)["drawerOpen"]
    # Tabbing past the drawer's last link closes it: focus never goes behind its overlay.
    links = page.locator(".md-sidebar--primary a[href]").count()
    after = tab(page, links + 1)
    assert (after["drawerOpen"], after["inDrawer"], after["inView"]) == (False, False, True)


def test_phone_open_drawer_and_its_closed_state_pass_axe(page, axe):
    page.set_viewport_size(PHONE)
    page.goto(page_url("en", "principles"))
    assert_accessible(axe, page)
    # Lighthouse also runs axe's best-practice rule on roles: a <label> may not be a button.
    roles = axe.run(page, options={"runOnly": {"type": "rule", "values": ["aria-allowed-role"]}})
    assert roles.violations_count == 0, roles.generate_report()
    tab_to(page, "Navigation")
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)
    assert_accessible(axe, page)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_phone_search_opens_by_keyboard_finds_and_gives_focus_back(page, lang):
    _, find = PHONE_HEADER[lang]
    query = {"lv": "ģimene", "en": "family"}[lang]
    page.set_viewport_size(PHONE)
    page.goto(page_url(lang, "principles"))
    tab_to(page, find)
    page.keyboard.press("Enter")
    opened = page.evaluate(FOCUSED)
    assert opened["searchOpen"] and opened["role"] == "input", opened
    page.keyboard.type(query)
    first = page.locator(".md-search-result__item").first
    first.wait_for()
    assert first.is_visible()
    page.keyboard.press("Escape")
    closed = page.evaluate(FOCUSED)
    assert (closed["searchOpen"], closed["name"]) == (False, find)
    # Leaving search by Tab goes on to the page, never into the closed dialog.
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    after = page.evaluate(FOCUSED)
    assert not after["searchOpen"] and after["inView"] and not after["inSearch"], after
    # The "/" shortcut still opens search at this width.
    page.keyboard.press("/")
    assert page.evaluate(FOCUSED)["searchOpen"]


TERM_LABELS = {"lv": ("Angliski:", "en"), "en": ("Latvian:", "lv")}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_terms_of_the_other_language_are_announced_in_that_language(page, lang):
    label, other = TERM_LABELS[lang]
    page.goto(page_url(lang, "glossary"))
    terms = page.evaluate(
        """label => [...document.querySelectorAll('article p')]
            .filter(p => p.textContent.startsWith(label))
            .map(p => {
              const term = p.querySelector('em');
              return {label: p.firstChild.textContent.trim(),
                      labelLang: p.closest('[lang]').lang,
                      term: term && term.textContent, termLang: term && term.closest('[lang]').lang};
            })""",
        label,
    )
    # Every term heading has its announced equivalent: counting headings, not a fixed number,
    # keeps the test true as the glossary grows and still fails when one entry lacks its label.
    headings = page.locator("article h3").count()
    assert headings > 0 and len(terms) == headings
    for term in terms:
        assert (term["label"], term["labelLang"], term["termLang"]) == (label, lang, other), term


def test_latvian_names_and_words_in_english_prose_are_marked_as_latvian(page):
    page.goto(page_url("en", "glossary"))
    words = page.locator('article [lang="lv"]').all_inner_texts()
    assert "cilvēktirdzniecība" in words and "Krimināllikums" in words
    page.goto(page_url("lv", "principles"))
    english = page.locator('article [lang="en"]').all_inner_texts()
    assert english == ["Ethical and Safety Recommendations for Interviewing Trafficked Women"]


TYPE = """() => {
    const style = s => getComputedStyle(document.querySelector('article ' + s));
    const h2s = [...document.querySelectorAll('article h2')].map(h => getComputedStyle(h));
    return {
      h1: +style('h1').fontWeight, h2max: Math.max(...h2s.map(s => +s.fontWeight)),
      h1Color: style('h1').color, text: style('p').color,
      quote: style('blockquote p').color,
    };
}"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_title_leads_and_sample_phrases_read_in_the_text_colour(page, lang):
    page.goto(page_url(lang, "principles"))
    look = page.evaluate(TYPE)
    assert look["h1"] >= 700 and look["h1"] > look["h2max"], look
    assert look["h1Color"] == look["text"] == look["quote"] == "rgba(0, 0, 0, 0.87)", look


def test_a_quiz_option_has_room_on_a_phone(page):
    page.set_viewport_size(PHONE)
    page.goto(page_url("en", "scenarios-situation"))
    room = page.evaluate(
        """() => ({
          option: document.querySelector('.quiz-option > label').getBoundingClientRect().width,
          scroll: document.documentElement.scrollWidth, width: innerWidth })"""
    )
    # Was 265 px of a 375 px screen.
    assert room["option"] >= 300 and room["scroll"] <= room["width"], room


ENGLISH_PROSE = """() => {
    const article = document.querySelector('article').cloneNode(true);
    // Quiz text and titles come from quizzes/ (their own typography); code is typed as it is.
    const generated = '.quiz, .quiz-index, .quiz-progress, [data-certificate-quiz], script, code, pre, kbd';
    for (const el of article.querySelectorAll(generated)) el.remove();
    return article.textContent;
}"""


def test_english_pages_use_typographic_quotes(page):
    straight = {}
    for slug in PAGES:
        page.goto(page_url("en", slug))
        text = page.evaluate(ENGLISH_PROSE)
        found = re.findall(r".{0,20}[\"'].{0,20}", text)
        if found:
            straight[slug] = found
    assert straight == {}
    page.goto(page_url("en", "principles"))
    assert "World Health Organization\u2019s 2003 \u201cEthical" in page.evaluate(ENGLISH_PROSE)


def test_latvian_theme_strings_address_the_reader_formally(page):
    page.goto(page_url("lv", "principles"))
    assert page.locator(".md-header .md-select button").get_attribute("aria-label") == (
        "Izvēlieties valodu"
    )
    assert "Izvēlies " not in page.content()


# ---- handouts -----------------------------------------------------------------------------

LABELS = {
    "lv": ("Praksē", "Ko var teikt", "Kā atbildēt bez spiediena"),
    "en": ("In practice", "What you might say", "How to respond without pressure"),
}


def page_lines(path) -> list[list[str]]:
    from pypdf import PdfReader

    pages = []
    for sheet in PdfReader(path).pages:
        lines = [line.strip() for line in sheet.extract_text().splitlines() if line.strip()]
        pages.append([line for line in lines if not re.fullmatch(r"\d+ / \d+", line)])
    return pages


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_printed_label_stays_on_the_page_of_the_text_it_introduces(handouts, lang):
    ended = []
    for stem in ("principles", "reasons"):
        pages = page_lines(handouts / f"{stem}.{lang}.pdf")
        labels_seen = sum(line in LABELS[lang] for sheet in pages for line in sheet)
        assert labels_seen >= 13, stem
        ended += [(stem, n + 1) for n, sheet in enumerate(pages) if sheet[-1] in LABELS[lang]]
    assert ended == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_handouts_print_no_placeholder_address(handouts, lang):
    for stem in ("principles", "reasons", "scenarios-situation", "scenarios-help"):
        text = pdf_text(handouts / f"{stem}.{lang}.pdf")
        assert "etiska-intervesana.example" not in text, stem


def test_handouts_warn_when_site_url_is_a_placeholder(site, tmp_path):
    from etika.publish.handouts import placeholder_warning

    assert placeholder_warning(site) == (
        "warning: site_url is the placeholder https://etiska-intervesana.example/: the handouts"
        " print no address after the site's own links. Set site_url in mkdocs.yml to the public"
        " address."
    )
    (tmp_path / "index.html").write_text(
        '<link rel="canonical" href="https://etiska-intervesana.lv/">', encoding="utf-8"
    )
    assert placeholder_warning(tmp_path) is None


PRINTED = """() => {
    const link = document.querySelector('article p a[data-print-href]');
    return {
      h1: getComputedStyle(document.querySelector('article h1')).color,
      after: getComputedStyle(link, '::after').content,
    };
}"""


def test_print_shows_the_title_in_black_and_addresses_only_once_public(page):
    page.emulate_media(media="print")
    page.goto(page_url("en", "principles"))
    printed = page.evaluate(PRINTED)
    assert printed == {"h1": "rgb(0, 0, 0)", "after": "none"}
    # With a public site_url the hook leaves the marker out, and the address is printed.
    page.evaluate("() => document.documentElement.removeAttribute('data-print-links')")
    after = page.evaluate(PRINTED)["after"]
    assert after == '" (https://etiska-intervesana.example/en/glossary/#victim)"'
