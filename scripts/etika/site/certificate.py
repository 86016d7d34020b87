"""The record of completion (`/// quiz-certificate`): every quiz with its date and best score,
what remains, the name field and the printable record; docs/assets/javascripts/certificate.js
fills it from the browser's progress and shows the parts that apply.

Reuses the progress page's quiz order, titles and time estimate (quiz/listings.py).
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as etree

from markdown.util import AtomicString

from ..quiz.catalogue import QuizCatalogue
from ..quiz.listings import LISTINGS, estimated_minutes, title_cell
from ..quiz.render import QuizRenderer, script_json
from .certificate_messages import CERTIFICATE
from .qr import qr_svg

# What certificate.js writes itself; the rest of the words are in the HTML.
SCRIPT_WORDS = ("todo", "ready", "best_value", "name_first")

# The home page's "How long it takes" section says reading the module takes about 2 hours
# (docs/index.md#how-long); a test keeps the two in step.
READING_MINUTES = 120


def estimated_hours(quiz_minutes: int, lang: str) -> str:
    """Reading plus quizzes, to the half hour: the inputs are estimates, so is the sum."""
    hours = math.ceil((READING_MINUTES + quiz_minutes) / 30) / 2
    text = f"{hours:g}"
    return text.replace(".", ",") if lang == "lv" else text


def _todo(box, quizzes, catalogue, renderer, words) -> None:
    todo = etree.SubElement(box, "div", {"class": "certificate__todo", "hidden": "hidden"})
    renderer.plain(todo, "p", "", **{"class": "certificate__count"})
    items = etree.SubElement(todo, "ul")
    for quiz in quizzes:
        item = etree.SubElement(items, "li", {"data-certificate-quiz": quiz.id})
        page = catalogue.pages.get(quiz.id)
        if page:
            href = renderer.link(page, f"quiz-{quiz.id}")
            renderer.plain(item, "a", quiz.title.get(renderer.lang), href=href)
        else:
            item.text = AtomicString(quiz.title.get(renderer.lang))


def _form(box, renderer, words) -> None:
    # No `name` attribute and no submission: the name never leaves this page, and
    # autocomplete="off" keeps it out of the browser's saved form entries.
    form = etree.SubElement(box, "form", {"class": "certificate__form", "hidden": "hidden"})
    renderer.plain(form, "label", words["name"], **{"for": "certificate-name"})
    field = {
        "id": "certificate-name",
        "type": "text",
        "autocomplete": "off",
        "spellcheck": "false",
        "aria-describedby": "certificate-name-hint",
    }
    etree.SubElement(form, "input", field)
    renderer.plain(form, "p", words["name_hint"], id="certificate-name-hint")
    renderer.plain(form, "button", words["print"], type="submit", **{"class": "md-button"})
    renderer.plain(form, "p", "", role="status", **{"class": "certificate__status"})


def _details(record, words, renderer, quiz_minutes: int) -> None:
    details = etree.SubElement(record, "dl", {"class": "certificate__details"})
    hours = estimated_hours(quiz_minutes, renderer.lang)
    about = max(10, round(quiz_minutes / 10) * 10)  # "118 minutes" would be invented precision
    rows = [
        ("person", "", "data-certificate-name"),
        ("module", words["module_title"], None),
        ("based_on", words["workshop"], None),
        ("date", "", "data-certificate-date"),
        ("time", words["time_value"].format(hours=hours, quiz_minutes=about), None),
    ]
    for label, value, slot in rows:
        renderer.plain(details, "dt", words[label])
        renderer.plain(details, "dd", value, **({slot: ""} if slot else {}))


def _table(record, quizzes, catalogue, renderer, words) -> None:
    renderer.plain(record, "h3", words["quizzes"], id="certificate-quizzes")
    table = etree.SubElement(record, "table", {"aria-labelledby": "certificate-quizzes"})
    head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
    for heading in ("quiz", "finished", "best"):
        renderer.plain(head, "th", words[heading], scope="col")
    body = etree.SubElement(table, "tbody")
    for quiz in quizzes:
        row = etree.SubElement(body, "tr", {"data-certificate-quiz": quiz.id})
        title_cell(row, quiz, catalogue, renderer)
        renderer.plain(row, "td", words["not_started"], **{"class": "certificate__date"})
        renderer.plain(row, "td", "", **{"class": "certificate__best"})


def _address(record, renderer, words, home_url: str) -> None:
    only = {"data-certificate-only": ""}
    box = etree.SubElement(record, "div", {"class": "certificate__address", **only})
    line = renderer.plain(box, "p", f"{words['address']}: ")
    renderer.plain(line, "span", home_url, **{"class": "certificate__url"})
    svg = qr_svg(home_url, words["qr_label"].format(url=home_url))
    image = etree.fromstring(svg.replace("<svg ", '<svg role="img" ', 1))
    box.append(image)


def certificate(catalogue: QuizCatalogue, renderer: QuizRenderer) -> etree.Element:
    """The whole certificate block; without JavaScript it says it needs JavaScript."""
    words = CERTIFICATE[renderer.lang]
    quizzes = catalogue.in_page_order()
    quiz_minutes = sum(estimated_minutes(quiz) for quiz in quizzes)
    box = etree.Element("div", {"class": "certificate", "data-certificate": ""})
    renderer.plain(box, "p", words["no_js"], **{"class": "certificate__no-js"})
    renderer.plain(box, "p", words["lms"], hidden="hidden", **{"class": "certificate__lms"})
    _todo(box, quizzes, catalogue, renderer, words)
    _form(box, renderer, words)
    record = etree.SubElement(box, "section", {"class": "certificate__record", "hidden": "hidden"})
    only = {"data-certificate-only": ""}
    renderer.plain(record, "h2", words["title"], id="certificate-record", **only)
    _details(record, words, renderer, quiz_minutes)
    record[-1].attrib.update(only)
    _table(record, quizzes, catalogue, renderer, words)
    renderer.plain(record, "p", words["statement"], **{"class": "certificate__statement", **only})
    _address(record, renderer, words, renderer.home_url)
    data = etree.SubElement(
        box, "script", {"type": "application/json", "class": "certificate__words"}
    )
    data.text = AtomicString(script_json({key: words[key] for key in SCRIPT_WORDS}))
    return box


# The `/// quiz-certificate` marker, for the quiz Markdown extension.
LISTINGS["quiz-certificate"] = certificate
