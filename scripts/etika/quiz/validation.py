"""Validate quiz files and the pages that embed them; report `path:line:col: message` lines.

Used by `scripts/build.py validate` and by every `mkdocs build` / `mkdocs serve` (through the
hooks), so both see the same problems. Nothing here raises on bad input: every problem of every
file becomes a `Problem`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .answer_key import AnswerKey, measure
from .pages import check_pages, read_pages, unembedded
from .schema import Quiz
from .source import (
    Problem,
    YamlDocument,
    did_you_mean,
    load_yaml,
    shown_path,
    shown_value,
)

# The anchors items may name are the `{#id}` headings of these pages (the Latvian originals).
ANCHOR_PAGES = {"reasons": "reasons.md", "principles": "principles.md", "practice": "practice.md"}
# The heading level of one section on each page: reasons and principles sit under `##` groups,
# the practice page's sections are its `##` headings (its `###` are parts of a section).
SECTION_LEVELS = {"reasons": 3, "principles": 3, "practice": 2}


def section_heading(what: str) -> re.Pattern:
    """A heading of one section of that page, with its `title` and its `id`."""
    hashes = "#" * SECTION_LEVELS[what]
    return re.compile(rf"^{hashes}\s+(?P<title>.+?)\s*\{{#(?P<id>[a-z0-9-]+)\}}\s*$", re.MULTILINE)


@dataclass
class ValidationReport:
    """What a validation run found: the valid quizzes by id, and every problem."""

    quizzes: dict[str, Quiz] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    known: dict[str, list[str]] = field(default_factory=dict)
    documents: dict[str, YamlDocument] = field(default_factory=dict)

    def answer_key(self) -> AnswerKey:
        """Position and length of the right answers as shown, against chance."""
        return measure(self.quizzes, self.sources, self.documents)

    def coverage(self, what: str) -> tuple[int, int]:
        covered = set().union(*(quiz.exercised(what) for quiz in self.quizzes.values()))
        known = self.known.get(what, [])
        return len(covered & set(known)), len(known)

    def summary(self) -> str:
        count = len(self.quizzes)
        parts = [f"{count} quiz{'zes' if count != 1 else ''} valid"]
        for what in ANCHOR_PAGES:
            covered, total = self.coverage(what)
            parts.append(f"{what} covered {covered}/{total}")
        return "; ".join(parts)


def known_anchors(docs_dir: Path) -> dict[str, list[str]]:
    """The reason, principle and practice ids the pages really define, in page order."""
    known = {}
    for what, page in ANCHOR_PAGES.items():
        path = docs_dir / page
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        known[what] = [match["id"] for match in section_heading(what).finditer(text)]
    return known


QUIZ_SUFFIXES = {".yaml", ".yml"}


def quiz_files(paths: list[Path], root: Path) -> tuple[list[Path], list[Problem]]:
    """The .yaml/.yml files named, or found directly inside the folders named, sorted; and
    what in those folders looks like a quiz but cannot be read as one.

    A link in a folder must stay inside that folder's project: following it out would read,
    and quote in errors, a file the project never meant to publish.
    """
    found, problems = [], []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        for entry in sorted(path.iterdir()):
            suffix = entry.suffix
            if suffix.lower() not in QUIZ_SUFFIXES:
                continue
            shown = shown_path(entry, root)
            if suffix not in QUIZ_SUFFIXES:
                message = f"quiz files end in .yaml (lower case); rename this {suffix} file"
                problems.append(Problem(shown, 1, 1, message))
            elif entry.is_symlink() and not entry.exists():
                problems.append(Problem(shown, 1, 1, "a link to a file that does not exist"))
            elif entry.is_symlink() and not entry.resolve().is_relative_to(path.resolve().parent):
                message = "a link to a file outside the project; copy the quiz into this folder"
                problems.append(Problem(shown, 1, 1, message))
            elif entry.is_file():
                found.append(entry)
    return sorted(found), problems


def validate(paths: list[Path], docs_dir: Path, root: Path | None = None) -> ValidationReport:
    """Validate quiz files (and folders of them) against the schema and each other."""
    root = root or Path.cwd()
    report = ValidationReport(known=known_anchors(docs_dir))
    context = {what: set(ids) for what, ids in report.known.items()}
    first_place: dict[str, str] = {}
    files, report.problems = quiz_files(paths, root)
    for path in files:
        shown = shown_path(path, root)
        if not path.is_file():
            report.problems.append(Problem(shown, 1, 1, "no such file"))
            continue
        document, problems = load_yaml(path, shown)
        report.problems.extend(problems)
        if document is None:
            continue
        try:
            quiz = Quiz.model_validate(document.data, context=context)
        except ValidationError as error:
            report.problems.extend(_problems_from(error, document, shown))
            continue
        line, col = document.position(("id",))
        if quiz.id in first_place:
            message = f"quiz id '{quiz.id}' is already used by {first_place[quiz.id]}"
            report.problems.append(Problem(shown, line, col, message))
            continue
        first_place[quiz.id] = shown
        report.quizzes[quiz.id] = quiz
        report.sources[quiz.id] = shown
        report.documents[quiz.id] = document
    return report


def check_embeds(docs_dir: Path, quiz_ids: set[str], root: Path | None = None) -> list[Problem]:
    """The pages' quiz markers and anchors (see pages.py)."""
    return check_pages(docs_dir, quiz_ids, root=root)


def page_problems(
    report: ValidationReport, docs_dir: Path, root: Path | None = None
) -> list[Problem]:
    """The pages' markers and anchors, and every quiz that no page embeds."""
    pages = read_pages(docs_dir)
    problems = check_pages(docs_dir, set(report.quizzes), root=root, pages=pages)
    for quiz_id in sorted(unembedded(set(report.quizzes), pages)):
        line, col = report.documents[quiz_id].position(("id",))
        message = (
            f"quiz '{quiz_id}' is not embedded in any page; put `/// quiz | {quiz_id}` on a "
            "page, in both languages"
        )
        problems.append(Problem(report.sources[quiz_id], line, col, message))
    return problems


# --- pydantic errors in words a content author can act on -----------------------------------

_FIELD_NAMES: set[str] = set()


def _all_field_names(model: type[BaseModel]) -> set[str]:
    if not _FIELD_NAMES:
        from . import schema as quiz_schema

        for value in vars(quiz_schema).values():
            if isinstance(value, type) and issubclass(value, BaseModel):
                _FIELD_NAMES.update(value.model_fields)
    return _FIELD_NAMES


def _describe(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return shown_value(value)


def _problems_from(error: ValidationError, document: YamlDocument, shown: str) -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False):
        # Discriminated unions add the tag as a loc part; drop it so the loc matches the YAML.
        loc = _strip_union_tags(detail["loc"])
        kind, found = detail["type"], detail.get("input")
        at_key = False
        if kind == "quiz_text":
            message = detail["msg"]
        elif kind == "quiz_rule":
            loc = (*loc, *detail["ctx"]["at"])
            message = detail["msg"]
        elif kind == "missing":
            message = f"missing key '{loc[-1]}'"
            if loc[-1] in {"lv", "en"}:
                message += " (every text needs both lv and en)"
            loc = loc[:-1]
            at_key = bool(loc)
        elif kind == "extra_forbidden":
            message = f"unknown key {shown_value(loc[-1])}" + did_you_mean(
                str(loc[-1]), _all_field_names(Quiz)
            )
            at_key = True
        elif kind in {"string_type", "string_too_short"}:
            message = f"expected text, found {_describe(found)}"
        elif kind == "string_too_long":
            message = f"at most {detail['ctx']['max_length']} characters, found {len(found)}"
        elif kind == "string_pattern_mismatch":
            message = (
                f"{shown_value(found)} is not a valid id: use lowercase letters, digits and hyphens"
            )
        elif kind in {"list_type"}:
            message = f"expected a list, found {_describe(found)}"
        elif kind in {"model_type", "model_attributes_type", "dict_type"}:
            message = f"expected a mapping of keys and values, found {_describe(found)}"
        elif kind == "literal_error":
            message = f"expected {detail['ctx']['expected']}, found {_describe(found)}"
        elif kind == "union_tag_invalid":
            message = (
                f"unknown item kind {_describe(detail['ctx']['tag'])}; use 'question' or 'dialogue'"
            )
            loc = (*loc, "kind")
        elif kind == "union_tag_not_found":
            message = "missing key 'kind' ('question' or 'dialogue')"
        elif kind == "too_short":
            message = f"needs at least {detail['ctx']['min_length']} entries, found {_count(found)}"
        elif kind == "too_long":
            message = f"allows at most {detail['ctx']['max_length']} entries, found {_count(found)}"
        elif kind in {"bool_type", "bool_text"}:
            message = f"expected true or false, found {_describe(found)}"
        else:
            message = detail["msg"]
        line, col = document.position(loc, key=at_key)
        problems.append(Problem(shown, line, col, message))
    return sorted(set(problems))


def _strip_union_tags(loc: tuple) -> tuple:
    parts = list(loc)
    cleaned = []
    for index, part in enumerate(parts):
        previous = parts[index - 1] if index else None
        # ('items', 0, 'question', 'options') -> ('items', 0, 'options')
        is_tag = part in {"question", "dialogue"} and isinstance(previous, int)
        if is_tag and index >= 2 and parts[index - 2] == "items":
            continue
        # ('lines', 1, 'speaker', 'person', 'lv') -> ('lines', 1, 'speaker', 'lv')
        if part in {"client", "person"} and previous == "speaker":
            continue
        cleaned.append(part)
    return tuple(cleaned)


def _count(value) -> int:
    return len(value) if isinstance(value, (list, dict)) else 0
