"""All quizzes of the site, validated once and kept until a quiz file or page changes.

The Markdown extension asks for it on every page; `mkdocs serve` edits invalidate it because
the key is every file's modification time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .pages import QUIZ_MARKER
from .schema import Quiz
from .source import Problem
from .validation import ANCHOR_PAGES, ValidationReport, section_heading, validate


@dataclass
class QuizCatalogue:
    quizzes: dict[str, Quiz] = field(default_factory=dict)
    # quiz id -> the page (path inside docs, Latvian source) that embeds it
    pages: dict[str, str] = field(default_factory=dict)
    # quiz id -> every (page, line number) of its markers
    places: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    # Pages in the order of the site's navigation; the MkDocs hooks fill it in (without MkDocs,
    # pages follow in path order, as MkDocs orders a site without `nav:`).
    nav: tuple[str, ...] = ()
    titles: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    report: ValidationReport | None = None

    def section_titles(self, lang: str) -> dict[str, dict[str, str]]:
        """{'reasons': {anchor: heading text}, 'principles': {...}, 'practice': {...}} in `lang`."""
        return self.titles.get(lang, {})

    def in_page_order(self) -> list[Quiz]:
        """Every quiz in the order a learner meets it: pages in navigation order, then marker
        order within a page; a page outside the navigation comes after, a quiz on no page last."""
        position = {page: index for index, page in enumerate(self.nav)}

        def key(quiz: Quiz) -> tuple:
            places = [
                (position.get(page, len(position)), page, line)
                for page, line in self.places.get(quiz.id, [])
            ]
            return (min(places), quiz.id) if places else ((len(position) + 1, "", 0), quiz.id)

        return sorted(self.quizzes.values(), key=key)


_cache: dict[tuple, QuizCatalogue] = {}


def _signature(quizzes_dir: Path, docs_dir: Path) -> tuple:
    files = sorted([*quizzes_dir.glob("*.y*ml"), *docs_dir.rglob("*.md")])
    return (
        str(quizzes_dir.resolve()),
        str(docs_dir.resolve()),
        tuple((str(f), f.stat().st_mtime_ns) for f in files),
    )


def load_catalogue(quizzes_dir: Path, docs_dir: Path) -> QuizCatalogue:
    key = _signature(quizzes_dir, docs_dir)
    if key not in _cache:
        _cache.clear()
        _cache[key] = _build(quizzes_dir, docs_dir)
    return _cache[key]


def _build(quizzes_dir: Path, docs_dir: Path) -> QuizCatalogue:
    report = (
        validate([quizzes_dir], docs_dir=docs_dir) if quizzes_dir.is_dir() else ValidationReport()
    )
    catalogue = QuizCatalogue(quizzes=report.quizzes, problems=list(report.problems), report=report)
    for page in sorted(docs_dir.rglob("*.md")):
        if page.name.endswith(".en.md"):
            continue
        name = page.relative_to(docs_dir).as_posix()
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            match = QUIZ_MARKER.match(line)
            if match:
                catalogue.pages.setdefault(match["id"], name)
                catalogue.places.setdefault(match["id"], []).append((name, number))
    for lang in ("lv", "en"):
        titles = {}
        for what, page in ANCHOR_PAGES.items():
            name = page if lang == "lv" else page.replace(".md", f".{lang}.md")
            path = docs_dir / name
            text = path.read_text(encoding="utf-8") if path.is_file() else ""
            titles[what] = {m["id"]: m["title"] for m in section_heading(what).finditer(text)}
        catalogue.titles[lang] = titles
    return catalogue
