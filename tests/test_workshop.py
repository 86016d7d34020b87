"""Workshop mode in Chromium: slides, keys, slide URLs, facilitator notes, group reveal, QR, PDFs."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from a11y import assert_accessible
from conftest import pdf_text
from publish_support import ROOT
from site_pages import PRINCIPLE_IDS, REASON_IDS, read_article

pytestmark = pytest.mark.browser

DECK = {"lv": "/workshop-deck/", "en": "/en/workshop-deck/"}
GUIDE = {"lv": "/facilitator-guide/", "en": "/en/facilitator-guide/"}
QUIZ_PAGE = {"lv": "/scenarios-situation/", "en": "/en/scenarios-situation/"}
# The seed deck's order: its title, three principle slides, two reason slides, the contact slide.
DECK_SECTIONS = [
    "deck-title",
    "deck-principles-1",
    "deck-principles-2",
    "deck-principles-3",
    "deck-reasons-1",
    "deck-reasons-2",
    "deck-contact",
]
# Spies on the Fullscreen API before any page script runs.
RECORD_FULLSCREEN = """
window.__fullscreenRequests = 0;
const original = Element.prototype.requestFullscreen;
Element.prototype.requestFullscreen = function (...args) {
  window.__fullscreenRequests += 1;
  return original ? original.apply(this, args).catch(() => {}) : Promise.resolve();
};
"""


@pytest.fixture
def slides_page(browser, base_url):
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 720})
    context.add_init_script(RECORD_FULLSCREEN)
    tab = context.new_page()
    yield tab
    context.close()


def counter(page) -> str:
    return page.locator(".slides-counter").inner_text().strip()


def visible_section(page) -> str:
    """The id of the visible h2 (or h1 on the title slide)."""
    return page.evaluate(
        """[...document.querySelectorAll('article h1, article h2')]
             .filter(h => h.offsetParent !== null).map(h => h.id).join(' ')"""
    )


def go_to_slide_showing(page, selector: str) -> int:
    """Steps forward with the arrow key until `selector` is on screen; the slide's number."""
    for _ in range(60):
        if page.locator(selector).first.is_visible():
            return int(counter(page).split("/")[0])
        before = counter(page)
        page.keyboard.press("ArrowRight")
        assert counter(page) != before, f"no slide shows {selector}"
    raise AssertionError(f"no slide shows {selector}")


def in_view(page, locator) -> bool:
    box = locator.bounding_box()
    size = page.viewport_size
    return bool(box) and box["y"] >= 0 and box["y"] + box["height"] <= size["height"] + 1


def test_the_deck_follows_the_seed_order_with_every_principle_and_reason(site):
    for prefix in ("", "en/"):
        article = read_article(site / prefix / "workshop-deck" / "index.html")
        assert article.heading_ids == DECK_SECTIONS
        html = (site / prefix / "workshop-deck" / "index.html").read_text(encoding="utf-8")
        linked = re.findall(r'href="\.\./(?:principles|reasons)/#([\w-]+)"', html)
        assert linked == list(PRINCIPLE_IDS) + list(REASON_IDS)


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_every_key_moves_through_the_deck_and_the_url_follows(slides_page, lang):
    page = slides_page
    page.goto(DECK[lang] + "?slides=1")
    total = len(DECK_SECTIONS) + 1  # the page title and its introduction come first
    assert counter(page) == f"1 / {total}"
    assert page.locator(".md-header").is_hidden() and page.locator(".md-sidebar").first.is_hidden()
    steps = [
        ("ArrowRight", 2),
        ("PageDown", 3),  # presentation clickers send PageDown / PageUp
        ("Space", 4),
        ("ArrowLeft", 3),
        ("PageUp", 2),
        ("End", total),
        ("Home", 1),
        ("ArrowDown", 2),
        ("ArrowUp", 1),
    ]
    for key, expected in steps:
        page.keyboard.press(key)
        assert counter(page) == f"{expected} / {total}", key
        assert page.url.endswith(f"?slides={expected}"), key
        if expected > 1:
            assert visible_section(page) == DECK_SECTIONS[expected - 2], key


def test_a_slide_url_reopens_that_slide(slides_page):
    slides_page.goto(DECK["en"] + "?slides=6")
    assert counter(slides_page) == f"6 / {len(DECK_SECTIONS) + 1}"
    assert visible_section(slides_page) == "deck-reasons-1"
    slides_page.reload()
    assert visible_section(slides_page) == "deck-reasons-1"


def test_f_requests_fullscreen_and_escape_leaves_the_slides_at_the_same_section(slides_page):
    page = slides_page
    page.goto(DECK["lv"] + "?slides=3")
    page.keyboard.press("f")
    assert page.evaluate("window.__fullscreenRequests") == 1
    if page.evaluate("!!document.fullscreenElement"):
        page.evaluate("document.exitFullscreen()")
        page.wait_for_function("!document.fullscreenElement")
    page.keyboard.press("Escape")
    page.wait_for_url("**/workshop-deck/#deck-principles-1")
    assert page.evaluate("document.documentElement.classList.contains('is-slides')") is False


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_slide_text_reads_from_the_back_of_the_room(browser, base_url, size):
    context = browser.new_context(base_url=base_url, viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    for url in (DECK["lv"] + "?slides=3", QUIZ_PAGE["en"] + "?slides=3"):
        page.goto(url)
        sizes = page.evaluate(
            """[...document.querySelectorAll('article p, article li, article label, article legend')]
                 .filter(e => e.offsetParent !== null && e.textContent.trim())
                 .map(e => parseFloat(getComputedStyle(e).fontSize))"""
        )
        assert sizes and min(sizes) >= 24, (url, min(sizes))
    context.close()


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_facilitator_notes_are_hidden_from_learners_and_shown_in_facilitator_view(page, lang):
    for url in (GUIDE[lang], DECK[lang]):
        page.goto(url)
        notes = page.locator(".admonition.facilitator")
        assert notes.count() >= 1, url
        assert all(note.is_hidden() for note in notes.all()), url
        page.goto(url + "?facilitator=1")
        assert all(note.is_visible() for note in notes.all()), url


QUESTION_ON_SCREEN = "form.quiz-question .quiz-option input:visible"


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_in_group_mode_the_answer_waits_for_the_facilitators_key(slides_page, lang):
    page = slides_page
    page.goto(QUIZ_PAGE[lang] + "?slides=1")
    n = go_to_slide_showing(page, QUESTION_ON_SCREEN)  # the first question of the first quiz
    shown = page.locator("form.quiz-question:has(.quiz-option input:visible)")
    assert shown.count() == 1
    form = page.locator(f"#{shown.get_attribute('id')}")
    ids = form.locator(".quiz-option").evaluate_all("os => os.map(o => o.dataset.option)")
    options = form.locator(".quiz-option")
    assert options.count() >= 3
    assert all(o.is_visible() and in_view(page, o) for o in options.all())  # all on one screen
    assert form.locator(".quiz-feedback:visible").count() == 0  # nothing given away
    # Arrow keys from an option change the slide; they never change the room's chosen option.
    first = form.locator(".quiz-option input").first
    first.click()
    page.keyboard.press("ArrowDown")
    assert counter(page).startswith(f"{n + 1} /")
    page.keyboard.press("ArrowUp")
    assert counter(page).startswith(f"{n} /")
    assert first.is_checked() and form.locator("input:checked").count() == 1
    page.keyboard.press("r")
    assert counter(page).startswith(f"{n} /")  # the verdicts come on the question's own slide
    right = form.locator(".quiz-option.is-right .quiz-verdict")
    assert right.count() >= 1 and all(v.is_visible() and in_view(page, v) for v in right.all())
    assert set(right.all_inner_texts()) == {
        "Piemērota atbilde." if lang == "lv" else "A good answer."
    }
    # Then the feedback of every option, on this slide or the next, each on screen in full.
    seen = set()
    for _ in range(options.count() + 2):
        for option in options.all():
            text = option.locator(".quiz-feedback p").first
            if text.is_visible():
                assert in_view(page, text)
                seen.add(option.get_attribute("data-option"))
        explanation = form.locator(".quiz-explanation")
        if explanation.is_visible():
            break
        page.keyboard.press("ArrowRight")
    assert seen == set(ids)
    assert explanation.is_visible() and in_view(page, explanation)
    assert page.evaluate("localStorage.getItem('etika-progress')") is None  # the room's answer


def test_check_in_the_slide_view_never_saves_to_the_facilitators_progress(slides_page):
    page = slides_page
    page.goto(QUIZ_PAGE["en"] + "?slides=1")
    go_to_slide_showing(page, QUESTION_ON_SCREEN)
    form = page.locator("form.quiz-question:has(.quiz-option input:visible)")
    form.locator(".quiz-option input").first.click()
    form.locator(".quiz-check").click()
    assert form.locator(".quiz-status").inner_text().strip()  # checked, and said so
    assert page.evaluate("localStorage.getItem('etika-progress')") is None
    # The same answer on the learner's page is remembered, as before.
    page.goto(QUIZ_PAGE["en"])
    form = page.locator("form.quiz-question").first
    form.locator(".quiz-option input").first.check()
    form.locator(".quiz-check").click()
    assert page.evaluate("localStorage.getItem('etika-progress')") is not None


def test_a_dialogue_in_the_slides_shows_one_step_at_a_time(slides_page):
    page = slides_page
    page.goto("/en/simulations/?slides=1")
    steps = page.locator(".quiz-dialogue").first.locator(".quiz-step")
    for _ in range(3):
        go_to_slide_showing(page, ".quiz-step .quiz-option input:visible:enabled")
        now = page.locator(".quiz-step:has(.quiz-option input:visible:enabled)")
        assert now.count() == 1
        step = page.locator(f"#{now.get_attribute('id')}")
        step.locator(".quiz-option input").first.click()
        step.locator(".quiz-check").click()
        onward = step.locator(".quiz-option.is-shown .quiz-next a")
        assert onward.is_visible() and in_view(page, onward)
        onward.click()
        shown = [s for s in steps.all() if s.is_visible()]
        ending = page.locator(".quiz-ending:visible")
        assert len(shown) + ending.count() == 1  # the step the room is at, no trail above it
        if ending.count():
            break


def _decode_qr(page, selector: str, tmp_path: Path) -> list[str]:
    shot = tmp_path / "qr.png"
    page.locator(selector).first.screenshot(path=str(shot))
    result = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(shot)], capture_output=True, text=True
    )
    return result.stdout.split()


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_the_guides_qr_code_decodes_to_the_public_url_of_the_quiz_page(page, lang, tmp_path):
    page.goto(GUIDE[lang])
    prefix = "" if lang == "lv" else "en/"
    expected = f"https://etiska-intervesana.example/{prefix}scenarios-situation/"
    assert _decode_qr(page, "figure.qr svg", tmp_path) == [expected]
    assert page.locator("figure.qr figcaption a").get_attribute("href") == expected
    # Also on a projected slide, at slide size.
    page.goto(f"{GUIDE[lang]}?slides=1")
    go_to_slide_showing(page, "figure.qr svg")
    assert in_view(page, page.locator("figure.qr svg"))
    assert _decode_qr(page, "figure.qr svg", tmp_path) == [expected]


def _pdf_text(path: Path) -> str:
    return pdf_text(path)


def _titles(markdown: Path) -> list[str]:
    titles = re.findall(r"^### (.+?) \{#[\w-]+\}$", markdown.read_text(encoding="utf-8"), re.M)
    return [" ".join(t.replace("**", "").split()) for t in titles]


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_pdf_handouts_carry_the_rule_and_every_principle_and_reason_as_text(handouts, lang):
    suffix = "" if lang == "lv" else ".en"
    principles = _pdf_text(handouts / f"principles.{lang}.pdf")
    reasons = _pdf_text(handouts / f"reasons.{lang}.pdf")
    rule = "Nenodarīt ļaunu" if lang == "lv" else "Do no harm"
    assert rule in principles
    expected_principles = _titles(ROOT / "docs" / f"principles{suffix}.md")
    expected_reasons = _titles(ROOT / "docs" / f"reasons{suffix}.md")
    assert len(expected_principles) == 15 and len(expected_reasons) == 13
    for title in expected_principles:
        assert title in principles, title
    for title in expected_reasons:
        assert title in reasons, title
    # Handouts leave facilitator notes and navigation out; where links lead is printed only
    # once site_url is the public address (tests/test_site_polish.py).
    assert "https://etiska-intervesana.example/" not in principles
    assert "Rādīt kā slaidus" not in principles and "Show as slides" not in principles


@pytest.mark.parametrize(
    "url",
    [
        DECK["lv"] + "?slides=3",
        DECK["en"] + "?slides=8&facilitator=1",
        QUIZ_PAGE["lv"] + "?slides=3",
        GUIDE["lv"] + "?facilitator=1",
        GUIDE["en"] + "?facilitator=1",
    ],
)
def test_axe_finds_nothing_on_slides_and_the_guide(slides_page, axe, url):
    slides_page.goto(url)
    if "slides" in url:
        slides_page.keyboard.press("r")
    assert_accessible(axe, slides_page)
