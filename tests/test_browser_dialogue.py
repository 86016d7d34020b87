"""Every ending of every simulation played in Chromium, LV and EN, at desktop and phone width:
the feedback is announced and describes "Continue", the learner's reply reads as theirs, and the
ending lands with its first line in view below the sticky header, focused and named."""

from __future__ import annotations

import re
from collections import deque
from pathlib import Path

import pytest
from etika.quiz.schema import Dialogue
from etika.quiz.validation import validate
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
PAGE = {"lv": "/simulations/", "en": "/en/simulations/"}
WIDTHS = {"desktop": (1280, 800), "phone": (375, 667)}
WORDS = {
    "lv": {
        "said": "Izlasiet, kā jūsu atbilde tiek uztverta",
        "you": "Jūs:",
        "end": "Sarunas beigas",
    },
    "en": {"said": "Read how your reply lands", "you": "You:", "end": "End of the conversation"},
}


def shortest_paths() -> list[tuple[str, str, str, list[tuple[str, str]]]]:
    """(quiz, item, ending, [(step, choice), ...]) for every ending of every simulation."""
    report = validate([ROOT / "quizzes"], docs_dir=ROOT / "docs", root=ROOT)
    found = []
    for quiz in report.quizzes.values():
        for item in quiz.items:
            if not isinstance(item, Dialogue):
                continue
            steps = {step.id: step for step in item.steps}
            route = {item.first_step: []}
            queue = deque([item.first_step])
            while queue:
                at = queue.popleft()
                for choice in steps[at].choices if at in steps else ():
                    if choice.next not in route:
                        route[choice.next] = [*route[at], (at, choice.id)]
                        queue.append(choice.next)
            found += [(quiz.id, item.id, end.id, route[end.id]) for end in item.endings]
    return found


ENDINGS = shortest_paths()


@pytest.fixture(scope="module", params=[(w, lang) for w in WIDTHS for lang in PAGE], ids="-".join)
def screen(request, browser, base_url):
    """One page per width and language, reloaded for every ending (quick, and no state kept)."""
    width, lang = request.param
    w, h = WIDTHS[width]
    context = browser.new_context(base_url=base_url, viewport={"width": w, "height": h})
    yield context.new_page(), lang
    context.close()


def test_every_ending_is_played():
    # Both simulations, every ending reached by a path (7 each when this was written).
    assert {quiz for quiz, *_ in ENDINGS} == {"raid-dialogue", "follow-up-dialogue"}
    assert len(ENDINGS) >= 14


def header_bottom(page) -> float:
    return page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")


@pytest.mark.parametrize(
    ("quiz_id", "item_id", "ending_id", "path"),
    ENDINGS,
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_an_ending_lands_in_view_focused_and_named_after_announced_feedback(
    screen, quiz_id, item_id, ending_id, path
):
    page, lang = screen
    words = WORDS[lang]
    page.goto(PAGE[lang])
    box = page.locator(f'#quiz-{quiz_id} [data-item="{item_id}"]')
    for step_id, choice_id in path:
        step = box.locator(f'[data-step="{step_id}"]')
        step.locator(f'input[value="{choice_id}"]').check()
        step.locator(".quiz-check").press("Enter")
        # Announced: the step's status says so, and "Continue" is described by the feedback.
        expect(step.locator(".quiz-status")).to_contain_text(words["said"])
        option = step.locator(f'[data-option="{choice_id}"]')
        onward = option.locator(".quiz-next a")
        expect(onward).to_be_focused()
        feedback = option.locator(".quiz-said").inner_text().strip()
        expect(onward).to_have_accessible_description(re.compile(re.escape(feedback[:60])))
        # The reply now reads as the learner's own line; the replies not chosen fold away.
        you = option.locator(".quiz-you")
        expect(you).to_be_visible()
        expect(you).to_have_text(words["you"])
        expect(step.locator(".quiz-option:visible")).to_have_count(1)
        page.keyboard.press("Enter")
    ending = box.locator(f'[data-ending="{ending_id}"]')
    expect(ending).to_be_focused()
    expect(ending).to_have_accessible_name(re.compile(f"^{words['end']}"))
    outcome = ending.locator(".quiz-outcome").bounding_box()
    top = header_bottom(page)
    height = page.viewport_size["height"]
    assert top <= outcome["y"] and outcome["y"] + outcome["height"] <= height, (outcome, top)
    # Its first line near the top, so the debrief follows on screen (not landed mid-debrief).
    assert outcome["y"] - top < 0.25 * height, (outcome, top)


def test_narration_reads_as_narration_and_words_carry_the_speaker_s_name(page):
    page.goto(PAGE["lv"])
    first = page.locator("#quiz-raid-dialogue .quiz-step").first
    narration = first.locator(".quiz-line--narration").first
    expect(narration).to_be_visible()
    assert narration.evaluate("e => getComputedStyle(e).fontStyle") == "italic"
    assert narration.locator(".quiz-speaker").count() == 0
    spoken = first.locator(".quiz-line--person").first
    expect(spoken.locator(".quiz-speaker")).to_have_text("Policists:")
    assert spoken.evaluate("e => getComputedStyle(e).fontStyle") == "normal"
    # Before an answer, no reply is anyone's yet: the "Jūs:" labels are not shown.
    expect(first.locator(".quiz-you:visible")).to_have_count(0)
