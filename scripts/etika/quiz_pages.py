"""Check the pages that embed quizzes, as `docs/page.md:line:col: message` problems.

A marker that Markdown would not see as one (indented, inside a list, glued to a paragraph,
with trailing text) silently becomes text on the page, so every line that looks like a marker
must be one. Each quiz is embedded exactly once per page, in both language versions of the page,
and somewhere; and both language versions of a page define the same heading anchors.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .yaml_source import Problem, shown_value

# The markers a page may hold (see quiz_markdown.py), on a line of their own at column 1.
QUIZ_MARKER = re.compile(r"^/{3,}\s*quiz\s*\|\s*(?P<id>\S+)\s*$")
LISTING_MARKER = re.compile(r"^/{3,}\s*(?P<name>quiz-progress|quiz-index)\s*$")
# Anything that looks like an attempt at one of them, wherever it stands on a line.
LOOKS_LIKE_MARKER = re.compile(r"/{3,}\s*quiz\b")
FENCE = re.compile(r"^\s*(```|~~~)")
ANCHOR = re.compile(r"\{#([A-Za-z0-9_-]+)\}")
LANG_SUFFIX = ".en.md"


def _shown(path: Path, root: Path) -> str:
    try:
        return os.path.relpath(path, root)
    except ValueError:
        return str(path)


def page_lines(page: Path) -> list[tuple[int, str]]:
    """(number, line) of a page outside fenced code blocks."""
    kept, fenced = [], False
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            kept.append((number, line))
    return kept


def embedded(page: Path) -> list[tuple[str, int, int]]:
    """(quiz id, line, col) of every well-formed quiz marker on a page."""
    found = []
    for number, line in page_lines(page):
        match = QUIZ_MARKER.match(line)
        if match:
            found.append((match["id"], number, match.start("id") + 1))
    return found


def marker_problems(page: Path, shown: str) -> list[Problem]:
    """Lines that look like a marker but that Markdown would read as text."""
    problems = []
    lines = page_lines(page)
    previous = {number: line for number, line in lines}
    for number, line in lines:
        found = LOOKS_LIKE_MARKER.search(line)
        if not found:
            continue
        col = found.start() + 1
        if found.start() > 0 and not line[: found.start()].strip():
            message = "a quiz marker must start at column 1 (not indented, not inside a list)"
        elif found.start() > 0:
            message = "a quiz marker must stand on a line of its own"
        elif not (QUIZ_MARKER.match(line) or LISTING_MARKER.match(line)):
            message = "a quiz marker is `/// quiz | <id>` with nothing after the id"
        elif previous.get(number - 1, "").strip():
            message = "a quiz marker needs a blank line before it (it is glued to the text above)"
        else:
            continue
        problems.append(Problem(shown, number, col, message))
    return problems


def check_pages(docs_dir: Path, quiz_ids: set[str], root: Path | None = None) -> list[Problem]:
    """Every problem of the pages' quiz markers and anchors (the quizzes themselves aside)."""
    root = root or Path.cwd()
    problems: list[Problem] = []
    pages = sorted(docs_dir.rglob("*.md"))
    markers: dict[Path, list[tuple[str, int, int]]] = {}
    for page in pages:
        shown = _shown(page, root)
        problems += marker_problems(page, shown)
        markers[page] = embedded(page)
        first: dict[str, int] = {}
        for quiz_id, line, col in markers[page]:
            if quiz_id not in quiz_ids:
                problems.append(Problem(shown, line, col, _unknown(quiz_id, quiz_ids)))
            elif quiz_id in first:
                message = f"quiz '{quiz_id}' is embedded twice on this page (first at line {first[quiz_id]})"
                problems.append(Problem(shown, line, col, message))
            else:
                first[quiz_id] = line
    for page in pages:
        twin = _twin(page)
        if twin is None or not twin.is_file():
            continue
        problems += _one_language_only(page, twin, markers, root)
        problems += _anchors_missing(page, twin, root)
    return problems


def unembedded(quiz_ids: set[str], docs_dir: Path) -> set[str]:
    """The quizzes no page embeds."""
    used = {quiz_id for page in docs_dir.rglob("*.md") for quiz_id, _, _ in embedded(page)}
    return set(quiz_ids) - used


def _twin(page: Path) -> Path | None:
    """The other language version of a page: x.md <-> x.en.md."""
    if page.name.endswith(LANG_SUFFIX):
        return page.with_name(page.name[: -len(LANG_SUFFIX)] + ".md")
    return page.with_name(page.name[:-3] + LANG_SUFFIX)


def _one_language_only(page: Path, twin: Path, markers, root: Path) -> list[Problem]:
    theirs = {quiz_id for quiz_id, _, _ in markers.get(twin, [])}
    return [
        Problem(
            _shown(page, root),
            line,
            col,
            f"quiz '{quiz_id}' is embedded here but not in {_shown(twin, root)}",
        )
        for quiz_id, line, col in markers.get(page, [])
        if quiz_id not in theirs
    ]


def _anchors_missing(page: Path, twin: Path, root: Path) -> list[Problem]:
    theirs = {m for _, line in page_lines(twin) for m in ANCHOR.findall(line)}
    problems = []
    for number, line in page_lines(page):
        for match in ANCHOR.finditer(line):
            if match[1] not in theirs:
                message = f"anchor '#{match[1]}' is missing in {_shown(twin, root)}"
                problems.append(Problem(_shown(page, root), number, match.start() + 1, message))
    return problems


def _unknown(quiz_id: str, quiz_ids: set[str]) -> str:
    import difflib

    close = difflib.get_close_matches(quiz_id, sorted(quiz_ids), n=1, cutoff=0.75)
    return f"unknown quiz id {shown_value(quiz_id)}" + (
        f"; did you mean '{close[0]}'?" if close else ""
    )
