"""Tables that list every quiz: the scenario index (`/// quiz-index`) and the learner's progress
(`/// quiz-progress`). Both list quizzes in one order: reason quizzes in the order of the reasons
page, then interview simulations, then the rest.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as etree

from markdown.util import AtomicString

from .quiz_catalogue import QuizCatalogue
from .quiz_messages import MESSAGES
from .quiz_render import QuizRenderer, script_json
from .quiz_schema import Dialogue, Quiz
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


def ordered(catalogue: QuizCatalogue) -> list[Quiz]:
    reasons = catalogue.report.known.get("reasons", []) if catalogue.report else []

    def key(quiz: Quiz) -> tuple:
        if quiz.focus in reasons:
            return (0, reasons.index(quiz.focus), quiz.id)
        if any(isinstance(item, Dialogue) for item in quiz.items):
            return (1, 0, quiz.id)
        return (2, 0, quiz.id)

    return sorted(catalogue.quizzes.values(), key=key)


def topic(quiz: Quiz, renderer: QuizRenderer) -> str:
    words = MESSAGES[renderer.lang]
    if quiz.focus:
        return renderer.section_titles.get("reasons", {}).get(quiz.focus, quiz.focus)
    if any(isinstance(item, Dialogue) for item in quiz.items):
        return words["topic_simulation"]
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
    for quiz in ordered(catalogue):
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
    for quiz in ordered(catalogue):
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
    renderer.plain(box, "p", "", role="status", **{"class": "quiz-status", "aria-live": "polite"})
    data = etree.SubElement(box, "script", {"type": "application/json", "class": "quiz__data"})
    data.text = AtomicString(script_json({"words": words}))
    return box


LISTINGS = {"quiz-progress": progress_table, "quiz-index": index_table}
