"""Python-Markdown extension: embed a quiz with the one-line marker `/// quiz | <quiz-id>`.

It also renders `/// quiz-progress`, the learner's progress table listing every quiz.
Plain Python-Markdown (no MkDocs needed) so it outlives the theme. Options:

- `quizzes_dir`, `docs_dir`: where the quiz YAML and the pages are (default `quizzes`, `docs`);
- `lang`: the page language (`lv` or `en`); `page_dir`: the page's folder inside docs_dir, for
  relative links. Under MkDocs the hooks set both for each page.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from pathlib import Path

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.util import AtomicString

from .quiz_catalogue import QuizCatalogue, load_catalogue
from .quiz_messages import MESSAGES
from .quiz_render import QuizRenderer, script_json

MARKER = re.compile(r"^/{3,}\s*quiz\s*\|\s*(?P<id>\S+)\s*$")
PROGRESS_MARKER = re.compile(r"^/{3,}\s*quiz-progress\s*$")


class QuizError(Exception):
    """A marker names a quiz that does not exist (validation normally reports it first)."""


class QuizBlockProcessor(BlockProcessor):
    def __init__(self, parser, extension: QuizExtension):
        super().__init__(parser)
        self.extension = extension

    def test(self, parent, block):
        first = block.split("\n", 1)[0].strip()
        return bool(MARKER.match(first) or PROGRESS_MARKER.match(first))

    def run(self, parent, blocks):
        block = blocks.pop(0)
        first, _, rest = block.partition("\n")
        if rest.strip():
            blocks.insert(0, rest)
        catalogue = self.extension.catalogue()
        renderer = self.extension.renderer(catalogue)
        match = MARKER.match(first.strip())
        if match is None:
            parent.append(progress_table(catalogue, renderer))
            return
        quiz = catalogue.quizzes.get(match["id"])
        if quiz is None:
            raise QuizError(f"unknown quiz id '{match['id']}'")
        parent.append(renderer.render(quiz))


class QuizExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "quizzes_dir": ["quizzes", "Folder of quiz YAML files"],
            "docs_dir": ["docs", "Folder of the pages (their anchors and section titles)"],
            "lang": ["lv", "Language of the page: lv or en"],
            "page_dir": ["", "Folder of the page inside docs_dir, for relative links"],
        }
        super().__init__(**kwargs)

    def catalogue(self) -> QuizCatalogue:
        return load_catalogue(Path(self.getConfig("quizzes_dir")), Path(self.getConfig("docs_dir")))

    def renderer(self, catalogue: QuizCatalogue) -> QuizRenderer:
        lang = self.getConfig("lang")
        return QuizRenderer(lang, self.getConfig("page_dir"), catalogue.section_titles(lang))

    def extendMarkdown(self, md: Markdown) -> None:
        # Before the paragraph processor, so the marker never becomes a paragraph of text.
        md.parser.blockprocessors.register(QuizBlockProcessor(md.parser, self), "etika_quiz", 95)


def progress_table(catalogue: QuizCatalogue, renderer: QuizRenderer) -> etree.Element:
    """Every quiz with its status; quiz.js fills the status from the browser's storage."""
    words = MESSAGES[renderer.lang]
    box = etree.Element("div", {"class": "quiz-progress", "data-quiz-progress": ""})
    table = etree.SubElement(box, "table")
    head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
    renderer.plain(head, "th", words["progress_title"], scope="col")
    renderer.plain(head, "th", words["progress_status"], scope="col")
    body = etree.SubElement(table, "tbody")
    for quiz_id, quiz in catalogue.quizzes.items():
        row = etree.SubElement(
            body, "tr", {"data-quiz-id": quiz_id, "data-total": str(len(quiz.items))}
        )
        cell = etree.SubElement(row, "td")
        page = catalogue.pages.get(quiz_id)
        title = quiz.title.get(renderer.lang)
        if page:
            renderer.plain(cell, "a", title, href=renderer.link(page, f"quiz-{quiz_id}"))
        else:
            cell.text = AtomicString(title)
        renderer.plain(row, "td", words["no_js"], **{"class": "quiz-progress__status"})
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
    words_json = etree.SubElement(
        box, "script", {"type": "application/json", "class": "quiz__data"}
    )
    words_json.text = AtomicString(script_json({"words": words}))
    return box


def makeExtension(**kwargs) -> QuizExtension:
    return QuizExtension(**kwargs)
