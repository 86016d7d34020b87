"""The learning content: every refusal reason practised, every principle touched, both languages."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import deque
from pathlib import Path

import pytest
from etika.quiz.schema import Dialogue
from etika.quiz.source import load_yaml
from etika.quiz.validation import validate
from site_pages import PRINCIPLE_IDS, REASON_IDS

ROOT = Path(__file__).resolve().parent.parent
QUIZ_FILES = sorted((ROOT / "quizzes").glob("*.yaml"))
SIMULATIONS = ("raid-dialogue", "follow-up-dialogue")


@pytest.fixture(scope="module")
def report():
    result = validate([ROOT / "quizzes"], docs_dir=ROOT / "docs", root=ROOT)
    assert result.problems == []
    return result


def test_validation_reports_every_reason_and_principle_covered():
    result = subprocess.run(
        [sys.executable, "scripts/build.py", "validate"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "reasons covered 13/13" in result.stdout
    assert "principles covered 15/15" in result.stdout
    assert "practice covered 11/11" in result.stdout


def test_at_least_twenty_quizzes_are_published(report):
    assert len(report.quizzes) >= 20, sorted(report.quizzes)


def test_every_reason_is_the_main_focus_of_a_quiz_with_two_to_four_items(report):
    by_focus = {quiz.focus: quiz for quiz in report.quizzes.values() if quiz.focus}
    assert set(by_focus) == set(REASON_IDS)
    for reason, quiz in by_focus.items():
        assert 2 <= len(quiz.items) <= 4, (reason, len(quiz.items))
        assert reason in quiz.exercised("reasons"), reason


def test_two_interview_simulations_reach_both_kinds_of_ending(report):
    for quiz_id in SIMULATIONS:
        dialogues = [i for i in report.quizzes[quiz_id].items if isinstance(i, Dialogue)]
        assert dialogues, quiz_id
        outcomes = {ending.outcome for d in dialogues for ending in d.endings}
        assert outcomes == {"supportive", "harmful"}, quiz_id


def test_the_self_check_touches_all_fifteen_principles(report):
    assert report.quizzes["principles-self-check"].exercised("principles") == set(PRINCIPLE_IDS)


def language_texts(node, path=()):
    """Every {lv, en} text of a quiz file, with where it stands."""
    if isinstance(node, dict):
        if set(node) & {"lv", "en"}:
            # A dialogue line is a text with its speaker beside it (itself a text, or `client`).
            yield path, {key: value for key, value in node.items() if key != "speaker"}
            yield from language_texts(node.get("speaker"), (*path, "speaker"))
            return
        for key, value in node.items():
            yield from language_texts(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from language_texts(value, (*path, index))


@pytest.mark.parametrize("path", QUIZ_FILES, ids=lambda p: p.stem)
def test_both_language_trees_of_every_quiz_are_complete(path):
    document, problems = load_yaml(path, path.name)
    assert problems == []
    texts = list(language_texts(document.data))
    assert texts
    for where, text in texts:
        assert set(text) == {"lv", "en"}, where
        latvian, english = (text["lv"] or "").strip(), (text["en"] or "").strip()
        assert latvian and english, where
        if len(english) > 25:
            assert latvian != english, f"{where}: the Latvian text is the English one"


@pytest.mark.parametrize("path", QUIZ_FILES, ids=lambda p: p.stem)
def test_latvian_quiz_text_is_written_with_diacritics(path):
    document, _ = load_yaml(path, path.name)
    latvian = " ".join(t["lv"] for _, t in language_texts(document.data))
    assert len(re.findall("[āčēģīķļņšūž]", latvian)) > 20
    stand_ins = r"\b(cietusais|cietusa|palidziba|ekspluatacija|gimene|jus)\b"
    assert re.findall(stand_ins, latvian) == []


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_practice_question_links_to_the_practice_sections_it_rehearses(site, report, prefix):
    html = (site / prefix / "scenarios-practice/index.html").read_text(encoding="utf-8")
    on_page = re.findall(r'<section[^>]*id="quiz-([\w-]+)"', html)
    # A practice quiz: about no single refusal reason, every item rehearsing a practice step.
    practice_quizzes = [
        q for q in report.quizzes.values() if not q.focus and all(i.practice for i in q.items)
    ]
    assert sorted(on_page) == sorted(q.id for q in practice_quizzes)
    for quiz in practice_quizzes:
        for item in quiz.items:
            start = html.index(f'id="quiz-{quiz.id}--{item.id}"')
            end = html.find('class="quiz-item', start)
            box = html[start : end if end > 0 else len(html)]
            related = re.search(r'class="quiz-related">(.*?)</p>', box, re.S)
            assert related, (quiz.id, item.id)
            links = re.findall(r'href="\.\./practice/#([\w-]+)"', related.group(1))
            assert links == item.practice, (prefix, quiz.id, item.id)


def test_the_scenario_index_lists_every_quiz_with_a_time_in_both_languages(site, report):
    for prefix in ("", "en/"):
        html = (site / prefix / "scenarios/index.html").read_text(encoding="utf-8")
        listed = re.findall(r'href="[^"]*#quiz-([\w-]+)"', html)
        assert sorted(listed) == sorted(report.quizzes), prefix
        assert len(re.findall(r"<td>\d+ min</td>", html)) == len(report.quizzes)


# --- playing the simulations by keyboard --------------------------------------------------------


def path_to(item: dict, outcome: str) -> list[tuple[str, str]]:
    """The (step, choice) pairs of a shortest path from the start to an ending of `outcome`."""
    queue = deque([(item["start"], [])])
    seen = {item["start"]}
    while queue:
        step, path = queue.popleft()
        for choice, target in item["steps"][step].items():
            route = [*path, (step, choice)]
            if item["endings"].get(target) == outcome:
                return route
            if target in item["steps"] and target not in seen:
                seen.add(target)
                queue.append((target, route))
    raise AssertionError(f"no path to a {outcome} ending")


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["lv", "en"])
@pytest.mark.parametrize("quiz_id", SIMULATIONS)
@pytest.mark.parametrize("outcome", ["supportive", "harmful"])
def test_a_simulation_can_be_played_to_each_kind_of_ending_by_keyboard(
    page, lang, quiz_id, outcome
):
    page.goto("/simulations/" if lang == "lv" else "/en/simulations/")
    data = page.evaluate(
        "id => JSON.parse(document.querySelector(`#quiz-${id} .quiz__data`).textContent)", quiz_id
    )
    item = next(i for i in data["items"] if i["kind"] == "dialogue")
    box = page.locator(f'#quiz-{quiz_id} [data-item="{item["id"]}"]')
    for step, choice in path_to(item, outcome):
        form = box.locator(f'[data-step="{step}"]')
        assert form.is_visible()
        form.locator(f'input[value="{choice}"]').focus()
        page.keyboard.press("Space")
        for _ in range(10):  # Tab on to the Reply button
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.matches('.quiz-check')"):
                break
        else:
            raise AssertionError("Tab never reached the Reply button")
        page.keyboard.press("Enter")
        assert form.locator(f'[data-option="{choice}"] .quiz-feedback').is_visible()
        page.keyboard.press("Enter")  # focus is on "Continue"
    ending = box.locator(".quiz-ending:visible")
    assert ending.get_attribute("data-outcome") == outcome
    assert page.evaluate("document.activeElement.closest('.quiz-ending') !== null")


def test_question_shapes_vary_so_the_count_of_right_answers_gives_nothing_away(report):
    questions = [
        item
        for quiz in report.quizzes.values()
        for item in quiz.items
        if not isinstance(item, Dialogue)
    ]
    shapes = {(sum(o.correct for o in q.options), len(q.options), q.select) for q in questions}
    multiple = {(k, n) for k, n, select in shapes if select == "multiple"}
    # "Select all that apply" with 1, 2 and 3 right answers, of more than one option count.
    assert {k for k, _ in multiple} >= {1, 2, 3}, multiple
    assert len({n for _, n in multiple}) >= 2, multiple
    assert len({n for _, n, select in shapes if select == "single"}) >= 2, shapes
