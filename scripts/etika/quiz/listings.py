"""Tables that list every quiz: the scenario index (`/// quiz-index`) and the learner's progress
(`/// quiz-progress`). Both list quizzes in one order, the order a learner meets them: pages in
navigation order, quizzes in the order of their markers on the page.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as etree

from markdown.util import AtomicString

from .catalogue import QuizCatalogue
from .messages import MESSAGES
from .render import QuizRenderer, script_json
from .schema import Dialogue, Quiz
from .shared_computer import shared_computer_switch

# Estimated reading and thinking time, in minutes: per question, and per dialogue step.
MINUTES_PER_QUESTION = 2
MINUTES_PER_STEP = 1.5


def estimated_minutes(quiz: Quiz) -> int:
    minutes = 0.0
    for item in quiz.items:
        if isinstance(item, Dialogue):
            minutes += MINUTES_PER_STEP * len(item.steps)
        else:
            minutes += MINUTES_PER_QUESTION
    return max(1, math.ceil(minutes))


def practice_steps(quiz: Quiz) -> list[str]:
    """The practice anchors a practice quiz rehearses, in item order; none unless every item
    names one (a self-check with one practice item stays a self-check)."""
    if not all(item.practice for item in quiz.items):
        return []
    return [anchor for item in quiz.items for anchor in item.practice]


def topic(quiz: Quiz, renderer: QuizRenderer) -> str:
    words = MESSAGES[renderer.lang]
    if quiz.focus:
        return renderer.section_titles.get("reasons", {}).get(quiz.focus, quiz.focus)
    if any(isinstance(item, Dialogue) for item in quiz.items):
        return words["topic_simulation"]
    # A practice quiz is about the step its first item rehearses.
    steps = practice_steps(quiz)
    if steps:
        return renderer.section_titles.get("practice", {}).get(steps[0], steps[0])
    return words["topic_principles"]


def title_cell(row, quiz: Quiz, catalogue: QuizCatalogue, renderer: QuizRenderer) -> None:
    cell = etree.SubElement(row, "td")
    page = catalogue.pages.get(quiz.id)
    title = quiz.title.get(renderer.lang)
    if page:
        renderer.plain(cell, "a", title, href=renderer.link(page, f"quiz-{quiz.id}"))
    else:
        cell.text = AtomicString(title)


def _table(parent, headings: list[str], renderer: QuizRenderer) -> etree.Element:
    table = etree.SubElement(parent, "table")
    head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
    for heading in headings:
        renderer.plain(head, "th", heading, scope="col")
    return etree.SubElement(table, "tbody")


def index_table(catalogue: QuizCatalogue, renderer: QuizRenderer) -> etree.Element:
    """Every quiz with its topic and an estimated time; readable without JavaScript."""
    words = MESSAGES[renderer.lang]
    box = etree.Element("div", {"class": "quiz-index"})
    headings = [words["progress_title"], words["index_topic"], words["index_time"]]
    body = _table(box, headings, renderer)
    for quiz in catalogue.in_page_order():
        row = etree.SubElement(body, "tr")
        title_cell(row, quiz, catalogue, renderer)
        renderer.plain(row, "td", topic(quiz, renderer))
        minutes = words["index_minutes"].format(minutes=estimated_minutes(quiz))
        renderer.plain(row, "td", minutes)
    return box


def progress_table(catalogue: QuizCatalogue, renderer: QuizRenderer) -> etree.Element:
    """Every quiz with its status; quiz.js fills the status from the browser's storage."""
    words = MESSAGES[renderer.lang]
    box = etree.Element("div", {"class": "quiz-progress", "data-quiz-progress": ""})
    body = _table(box, [words["progress_title"], words["progress_status"]], renderer)
    for quiz in catalogue.in_page_order():
        row = etree.SubElement(
            body, "tr", {"data-quiz-id": quiz.id, "data-total": str(len(quiz.items))}
        )
        title_cell(row, quiz, catalogue, renderer)
        status = etree.SubElement(row, "td", {"class": "quiz-progress__status"})
        # Without scripts the cell says progress needs JavaScript; with them (quiz.css, from the
        # first paint) it already says "not started", which quiz.js keeps for a new learner:
        # no text swap, so the table does not jump.
        renderer.plain(status, "span", words["no_js"], **{"class": "quiz-progress__no-js"})
        renderer.plain(status, "span", words["not_started"], **{"class": "quiz-progress__pending"})
    box.append(shared_computer_switch(renderer))
    actions = etree.SubElement(box, "p")
    renderer.plain(
        actions,
        "button",
        words["reset"],
        type="button",
        hidden="hidden",
        **{"class": "md-button quiz-reset"},
    )
    _reset_confirmation(box, renderer)
    renderer.plain(box, "p", "", role="status", **{"class": "quiz-status", "aria-live": "polite"})
    data = etree.SubElement(box, "script", {"type": "application/json", "class": "quiz__data"})
    data.text = AtomicString(script_json({"words": words}))
    return box


def _reset_confirmation(box: etree.Element, renderer: QuizRenderer) -> None:
    """An in-page question before the progress is deleted (not window.confirm: it can be styled,
    read in the page's language and dismissed with Escape). quiz.js opens it, Cancel first."""
    words = MESSAGES[renderer.lang]
    group = etree.SubElement(
        box,
        "div",
        {
            "class": "quiz-confirm",
            "role": "group",
            "aria-labelledby": "quiz-reset-question",
            "hidden": "hidden",
        },
    )
    renderer.plain(group, "p", words["reset_question"], id="quiz-reset-question")
    actions = etree.SubElement(group, "p", {"class": "quiz-actions"})
    renderer.plain(
        actions,
        "button",
        words["reset_cancel"],
        type="button",
        **{"class": "md-button md-button--primary quiz-confirm__cancel"},
    )
    renderer.plain(
        actions,
        "button",
        words["reset_confirm"],
        type="button",
        **{"class": "md-button quiz-confirm__yes"},
    )


LISTINGS = {"quiz-progress": progress_table, "quiz-index": index_table}
