"""Every quiz control is seen, and reached by Tab, exactly when it can be used, in both languages.

Material styles `.md-button` as `display: inline-block`, which beats the `hidden` attribute; so
these tests look at what a person sees (visible, a box on screen, a Tab stop), never at the
attribute.
"""

from __future__ import annotations

import base64

import pytest
from a11y import assert_accessible
from etika.quiz.messages import MESSAGES

pytestmark = pytest.mark.browser

PREFIX = {"lv": "", "en": "/en"}
SINGLE = "#quiz-first-contact--after-the-raid"
MULTIPLE = "#quiz-first-contact--night-at-the-bus-station"
DIALOGUE = "#quiz-follow-up-dialogue .quiz-dialogue"

# What a focused element is to a person: a button or link by its text, an input by its value.
DESCRIBE = """() => {
  const el = document.activeElement;
  if (el.matches('input')) return 'input:' + el.value;
  if (el.matches('button')) return 'button:' + el.textContent.trim();
  if (el.matches('a')) return 'link:' + el.textContent.trim();
  return 'other:' + el.tagName.toLowerCase();
}"""


def tab_stops(page, container: str, limit: int = 60) -> list[str]:
    """Every Tab stop inside `container`, in order, walked with the Tab key from its start."""
    page.evaluate(
        "s => { const box = document.querySelector(s); box.tabIndex = -1; box.focus(); }",
        container,
    )
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        if not page.evaluate(
            "s => document.querySelector(s).contains(document.activeElement)", container
        ):
            break
        stops.append(page.evaluate(DESCRIBE))
    page.evaluate("s => document.querySelector(s).removeAttribute('tabindex')", container)
    return stops


def buttons_in_tab_order(page, container: str) -> list[str]:
    return [stop for stop in tab_stops(page, container) if stop.startswith("button:")]


def visible_buttons(page, container: str) -> list[str]:
    """The buttons a person sees in `container`: visible, with a box of some size on the page."""
    seen = []
    for button in page.locator(f"{container} button").all():
        box = button.bounding_box()
        if button.is_visible() and box and box["width"] > 0 and box["height"] > 0:
            seen.append(button.inner_text().strip())
    return seen


def answer_key(page, item: str) -> list[str]:
    return page.evaluate(
        "item => JSON.parse(document.querySelector('#quiz-first-contact .quiz__data').textContent)"
        ".items.find(i => i.id === item).correct",
        item,
    )


def option_values(page, form: str) -> list[str]:
    return page.locator(f"{form} input").evaluate_all("els => els.map(e => e.value)")


def assert_only_button(page, container: str, text: str) -> None:
    assert visible_buttons(page, container) == [text]
    assert buttons_in_tab_order(page, container) == [f"button:{text}"]


@pytest.mark.parametrize("lang", ["lv", "en"])
@pytest.mark.parametrize("form", [SINGLE, MULTIPLE], ids=["single", "multiple"])
def test_a_question_shows_check_before_and_try_again_after_answering(page, lang, form):
    words = MESSAGES[lang]
    page.goto(f"{PREFIX[lang]}/scenarios-situation/")
    # Before any answer: "Check" only; "Try again" is neither seen nor a Tab stop.
    assert_only_button(page, form, words["check"])
    assert page.locator(f"{form} .quiz-retry").bounding_box() is None
    page.locator(f"{form} input").first.check()
    page.locator(f"{form} .quiz-check").click()
    # Answered: "Try again" only; "Check" is gone from the screen and from the Tab order.
    assert_only_button(page, form, words["retry"])
    assert page.locator(f"{form} .quiz-check").bounding_box() is None
    page.locator(f"{form} .quiz-retry").click()
    # Tried again: back to the first state.
    assert_only_button(page, form, words["check"])
    assert page.locator(f"{form} .quiz-retry").bounding_box() is None


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_group_reveal_shows_try_again_and_hides_check(page, lang):
    words = MESSAGES[lang]
    page.goto(f"{PREFIX[lang]}/scenarios-situation/")
    page.locator(SINGLE).dispatch_event("etika:reveal")
    assert_only_button(page, SINGLE, words["retry"])


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_a_dialogue_shows_restart_only_at_its_end_and_reply_only_before_answering(page, lang):
    words = MESSAGES[lang]
    page.goto(f"{PREFIX[lang]}/simulations/")
    restart = page.locator(f"{DIALOGUE} .quiz-restart")
    # Not started yet: the first step's "Reply" only; no "Start again" seen or reached.
    assert_only_button(page, DIALOGUE, words["reply"])
    assert restart.bounding_box() is None
    for _ in range(10):
        if page.locator(f"{DIALOGUE} .quiz-ending:visible").count():
            break
        step = page.locator(f"{DIALOGUE} .quiz-step:visible").last
        step.locator("input").first.check()
        step.locator(".quiz-check").click()
        # Answered: the step's "Reply" is gone; focus is on "Continue", which is seen.
        assert not step.locator(".quiz-check").is_visible()
        assert step.locator(".quiz-check").bounding_box() is None
        onward = step.locator(".quiz-option.is-shown .quiz-next a")
        assert page.evaluate("document.activeElement.matches('.quiz-option.is-shown .quiz-next a')")
        assert onward.is_visible() and onward.inner_text().startswith(words["continue"])
        assert "button:" + words["reply"] not in tab_stops(page, f"#{step.get_attribute('id')}")
        onward.focus()
        page.keyboard.press("Enter")
        if page.locator(f"{DIALOGUE} .quiz-ending:visible").count() == 0:
            assert restart.bounding_box() is None  # mid-way: nothing to restart yet
    else:
        raise AssertionError("the dialogue never ended")
    # At the end: "Start again" is seen and reached; no step's "Reply" is.
    assert_only_button(page, DIALOGUE, words["restart"])
    restart.click()
    assert_only_button(page, DIALOGUE, words["reply"])
    assert restart.bounding_box() is None


PROGRESS = ".quiz-progress"
SAVED = '{"version": 1, "quizzes": {"trauma": {"done": true, "best": 1, "total": 3, "date": "2025-01-02"}}}'


def trauma_status(page) -> str:
    return page.locator('tr[data-quiz-id="trauma"] .quiz-progress__status').inner_text()


def open_progress_with_a_saved_quiz(page, lang: str) -> None:
    page.goto(f"{PREFIX[lang]}/progress/")
    page.evaluate("saved => localStorage.setItem('etika-progress', saved)", SAVED)
    page.reload()


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_reset_asks_in_the_page_with_focus_on_cancel_and_escape_keeps_the_progress(page, lang, axe):
    words = MESSAGES[lang]
    open_progress_with_a_saved_quiz(page, lang)
    kept = trauma_status(page)
    assert kept != words["not_started"]
    # Before asking: only the reset button, and no question to be seen.
    assert_only_button(page, PROGRESS, words["reset"])
    assert not page.get_by_text(words["reset_question"]).is_visible()
    page.on("dialog", lambda dialog: pytest.fail(f"a browser dialog opened: {dialog.message}"))
    page.locator(".quiz-reset").focus()
    page.keyboard.press("Enter")
    # Asked: the question is seen, focus is on Cancel, Confirm comes next in the Tab order.
    assert page.get_by_text(words["reset_question"]).is_visible()
    assert page.evaluate(DESCRIBE) == f"button:{words['reset_cancel']}"
    assert visible_buttons(page, PROGRESS) == [words["reset_cancel"], words["reset_confirm"]]
    assert buttons_in_tab_order(page, PROGRESS) == [
        f"button:{words['reset_cancel']}",
        f"button:{words['reset_confirm']}",
    ]
    assert_accessible(axe, page)
    page.locator(".quiz-confirm__cancel").focus()
    page.keyboard.press("Escape")
    # Escaped: nothing deleted, the question gone, focus back on the reset button.
    assert trauma_status(page) == kept
    assert not page.get_by_text(words["reset_question"]).is_visible()
    assert page.evaluate(DESCRIBE) == f"button:{words['reset']}"
    assert_only_button(page, PROGRESS, words["reset"])
    page.locator(".quiz-reset").focus()  # the Tab walk above moved focus on
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # Cancel, by keyboard
    assert trauma_status(page) == kept
    page.reload()
    assert trauma_status(page) == kept


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_confirming_the_reset_clears_the_progress_and_says_so(page, lang):
    words = MESSAGES[lang]
    open_progress_with_a_saved_quiz(page, lang)
    page.locator(".quiz-reset").click()
    page.locator(".quiz-confirm__yes").click()
    assert trauma_status(page) == words["not_started"]
    assert page.locator(f"{PROGRESS} .quiz-status").inner_text() == words["reset_done"]
    assert page.evaluate(DESCRIBE) == f"button:{words['reset']}"
    assert_only_button(page, PROGRESS, words["reset"])
    page.reload()
    assert trauma_status(page) == words["not_started"]


DARKEST = """async (src) => {
  const image = new Image();
  image.src = src;
  await image.decode();
  const canvas = document.createElement('canvas');
  [canvas.width, canvas.height] = [image.width, image.height];
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const pixels = context.getImageData(0, 0, image.width, image.height).data;
  const linear = (c) => (c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  let darkest = 1, dark = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    const l = 0.2126 * linear(pixels[i]) + 0.7152 * linear(pixels[i + 1]) + 0.0722 * linear(pixels[i + 2]);
    darkest = Math.min(darkest, l);
    if (1.05 / (l + 0.05) >= 3) dark += 1;
  }
  return [darkest, dark / (pixels.length / 4)];
}"""


def drawn(page, element) -> tuple[float, float]:
    """`element` as on screen: the WCAG contrast against white of its darkest pixel, and the
    share of its pixels drawn at 3:1 or more (a filled mark has many, an empty one few)."""
    shot = base64.b64encode(element.screenshot()).decode()
    tab = page.context.new_page()
    darkest, dark_share = tab.evaluate(DARKEST, f"data:image/png;base64,{shot}")
    tab.close()
    return 1.05 / (darkest + 0.05), dark_share


def contrast_on_white(page, element) -> float:
    return drawn(page, element)[0]


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_chosen_options_stay_readable_after_check(page, lang):
    page.goto(f"{PREFIX[lang]}/scenarios-situation/")
    chosen = page.locator(f"{MULTIPLE} .quiz-option").first
    other = page.locator(f"{MULTIPLE} .quiz-option").nth(1)
    chosen.locator("input").check()
    page.locator(f"{MULTIPLE} .quiz-check").click()
    assert chosen.locator("input").is_disabled()
    # The chosen mark is drawn dark (non-text contrast 3:1 at least) and filled, not faint grey;
    # an empty mark still shows its box at that contrast; every label stays text at AA.
    mark, filled = drawn(page, chosen.locator("input"))
    box, empty = drawn(page, other.locator("input"))
    assert mark >= 3 and box >= 3
    assert filled > 2 * empty, (filled, empty)
    assert contrast_on_white(page, chosen.locator("label")) >= 4.5
    assert contrast_on_white(page, other.locator("label")) >= 4.5
