"""Options are shown in an order derived from ids: the same everywhere, never the file order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import pdf_text, run_mkdocs_build
from etika.quiz.order import shown_options
from etika.quiz.schema import Question
from etika.quiz.validation import validate
from quiz_html import render_page
from site_pages import QUIZ_PAGES

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "quizzes"
QUESTION = re.compile(
    r'<form class="quiz-item quiz-question"[^>]*? id="(?P<id>[^"]+)"[^>]*>(?P<body>.*?)</form>',
    re.S,
)
STEP = re.compile(
    r'<form class="quiz-step"[^>]*? id="(?P<id>[^"]+)"[^>]*>(?P<body>.*?)</form>', re.S
)
OPTION = re.compile(r'<div class="quiz-option" data-option="([^"]+)">')
KEY = re.compile(r'<span class="quiz-key">([A-J])</span>')


def shown_orders(html: str) -> dict[str, list[str]]:
    """{element id of a question or dialogue step: [option ids in page order]}."""
    forms = [*QUESTION.finditer(html), *STEP.finditer(html)]
    return {form["id"]: OPTION.findall(form["body"]) for form in forms}


def site_orders(site: Path) -> dict[str, dict[str, list[str]]]:
    orders = {}
    for lang, prefix in (("lv", ""), ("en", "en/")):
        merged = {}
        for page in QUIZ_PAGES:
            merged.update(shown_orders((site / prefix / page / "index.html").read_text("utf-8")))
        orders[lang] = merged
    return orders


@pytest.fixture(scope="module")
def report():
    return validate([ROOT / "quizzes"], docs_dir=ROOT / "docs", root=ROOT)


def test_the_shown_order_is_the_same_in_two_builds_and_in_both_languages(site, tmp_path):
    first = site_orders(site)
    again = run_mkdocs_build(tmp_path / "again")
    assert again.returncode == 0, again.log
    assert site_orders(again.site) == first
    assert first["lv"] == first["en"]
    assert len(first["lv"]) > 49  # every question and every dialogue step of the real set


def test_the_shown_order_does_not_follow_the_file_order(report):
    questions = [
        (quiz_id, item)
        for quiz_id, quiz in report.quizzes.items()
        for item in quiz.items
        if isinstance(item, Question) and item.shuffle
    ]
    kept = [item.id for quiz_id, item in questions if shown_options(quiz_id, item) == item.options]
    # Hash order keeps the file order of an n-option question with chance 1/n!: a few at most.
    assert len(kept) <= len(questions) // 5, kept


def test_moving_options_in_the_file_changes_nothing_that_is_shown(tmp_path):
    data = yaml.load((FIXTURES / "valid" / "order.yaml").read_text("utf-8"), Loader=yaml.BaseLoader)
    data["items"][0]["options"].reverse()
    (tmp_path / "order.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    before = shown_orders(render_page("order", FIXTURES / "valid", "lv"))
    after = shown_orders(render_page("order", tmp_path, "lv"))
    assert before == after
    assert before["quiz-order--shuffled"] != ["a", "b", "c", "d"]


def test_shuffle_false_keeps_the_file_order():
    orders = shown_orders(render_page("order", FIXTURES / "valid", "en"))
    assert orders["quiz-order--scale"] == ["never", "sometimes", "often", "always"]


def test_every_option_is_labelled_with_its_letter_in_the_shown_order():
    html = render_page("order", FIXTURES / "valid", "lv")
    for form in QUESTION.finditer(html):
        assert KEY.findall(form["body"]) == list("ABCD")
    assert '<span class="quiz-key">A</span> ' in html


def _texts_in_page_order(page, form_id: str) -> list[str]:
    return page.locator(f"#{form_id} .quiz-option label").all_inner_texts()


@pytest.mark.browser
def test_the_no_javascript_reading_and_the_slides_show_the_same_order(browser, base_url, site):
    built = shown_orders((site / "scenarios-help" / "index.html").read_text("utf-8"))
    form_id = next(i for i in built if i.startswith("quiz-help-imposed--"))
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    plain = context.new_page()
    plain.goto("/scenarios-help/")
    no_js = _texts_in_page_order(plain, form_id)
    context.close()
    assert [text[0] for text in no_js] == list("ABCDEF"[: len(built[form_id])])

    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 720})
    slides = context.new_page()
    slides.goto("/scenarios-help/?slides=1")
    for _ in range(40):
        # The case may take a slide of its own: the question's slide is the one with its options.
        if slides.locator(f"#{form_id} .quiz-option label").first.is_visible():
            break
        slides.keyboard.press("ArrowRight")
    shown = slides.locator(f"#{form_id} .quiz-option label")
    assert shown.first.is_visible()
    assert shown.all_inner_texts() == no_js
    ids = slides.locator(f"#{form_id} .quiz-option").evaluate_all(
        "els => els.map(e => e.dataset.option)"
    )
    context.close()
    assert ids == built[form_id]


@pytest.mark.browser
def test_printed_worksheets_show_the_options_in_the_shown_order(handouts, site):
    html = (site / "en" / "scenarios-help" / "index.html").read_text("utf-8")
    text = pdf_text(handouts / "scenarios-help.en.pdf")
    for form in list(QUESTION.finditer(html))[:3]:
        labels = re.findall(r"<label [^>]*>(.*?)</label>", form["body"], re.S)
        plain = [" ".join(re.sub(r"<[^>]+>", "", label).split()) for label in labels]
        # The first words of each option, letter included, appear in the shown order.
        starts = [text.find(label[:28]) for label in plain]
        assert -1 not in starts, (form["id"], plain)
        assert starts == sorted(starts), form["id"]
