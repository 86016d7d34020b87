"""Check the pages that embed quizzes, as `docs/page.md:line:col: message` problems.

A marker that Markdown would not see as one (indented, inside a list, glued to a paragraph,
with trailing text) silently becomes text on the page, so every line that looks like a marker
must be one. Each quiz is embedded exactly once per page, in both language versions of the page,
and somewhere; and both language versions of a page define the same heading anchors.
"""

from __future__ import annotations

import re
from pathlib import Path

from .source import Problem, did_you_mean, shown_path, shown_value

# The markers a page may hold (see markdown.py), on a line of their own at column 1.
QUIZ_MARKER = re.compile(r"^/{3,}\s*quiz\s*\|\s*(?P<id>\S+)\s*$")
LISTING_MARKER = re.compile(r"^/{3,}\s*(?P<name>quiz-progress|quiz-index|quiz-certificate)\s*$")
# Anything that looks like an attempt at one of them, wherever it stands on a line.
LOOKS_LIKE_MARKER = re.compile(r"/{3,}\s*quiz\b")
FENCE = re.compile(r"^\s*(```|~~~)")
ANCHOR = re.compile(r"\{#([A-Za-z0-9_-]+)\}")
LANG_SUFFIX = ".en.md"


Lines = list[tuple[int, str]]


def page_lines(page: Path) -> Lines:
    """(number, line) of a page outside fenced code blocks."""
    kept, fenced = [], False
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            kept.append((number, line))
    return kept


def read_pages(docs_dir: Path) -> dict[Path, Lines]:
    """Every page's lines, read once for all the checks below."""
    return {page: page_lines(page) for page in sorted(docs_dir.rglob("*.md"))}


def embedded(lines: Lines) -> list[tuple[str, int, int]]:
    """(quiz id, line, col) of every well-formed quiz marker among a page's lines."""
    found = []
    for number, line in lines:
        match = QUIZ_MARKER.match(line)
        if match:
            found.append((match["id"], number, match.start("id") + 1))
    return found


def marker_problems(lines: Lines, shown: str) -> list[Problem]:
    """Lines that look like a marker but that Markdown would read as text."""
    problems = []
    previous = dict(lines)
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


def check_pages(
    docs_dir: Path,
    quiz_ids: set[str],
    root: Path | None = None,
    pages: dict[Path, Lines] | None = None,
) -> list[Problem]:
    """Every problem of the pages' quiz markers and anchors (the quizzes themselves aside)."""
    root = root or Path.cwd()
    pages = read_pages(docs_dir) if pages is None else pages
    problems: list[Problem] = []
    markers = {page: embedded(lines) for page, lines in pages.items()}
    for page, lines in pages.items():
        shown = shown_path(page, root)
        problems += marker_problems(lines, shown)
        first: dict[str, int] = {}
        for quiz_id, line, col in markers[page]:
            if quiz_id not in quiz_ids:
                message = f"unknown quiz id {shown_value(quiz_id)}" + did_you_mean(
                    quiz_id, quiz_ids
                )
                problems.append(Problem(shown, line, col, message))
            elif quiz_id in first:
                message = f"quiz '{quiz_id}' is embedded twice on this page (first at line {first[quiz_id]})"
                problems.append(Problem(shown, line, col, message))
            else:
                first[quiz_id] = line
    for page in pages:
        twin = _twin(page)
        if twin not in pages:
            continue
        problems += _one_language_only(page, twin, markers, root)
        problems += _anchors_missing(page, twin, pages, root)
    return problems


def unembedded(quiz_ids: set[str], pages: dict[Path, Lines]) -> set[str]:
    """The quizzes no page embeds."""
    used = {quiz_id for lines in pages.values() for quiz_id, _, _ in embedded(lines)}
    return set(quiz_ids) - used


def _twin(page: Path) -> Path:
    """The other language version of a page: x.md <-> x.en.md."""
    if page.name.endswith(LANG_SUFFIX):
        return page.with_name(page.name[: -len(LANG_SUFFIX)] + ".md")
    return page.with_name(page.name[:-3] + LANG_SUFFIX)


def _one_language_only(page: Path, twin: Path, markers, root: Path) -> list[Problem]:
    theirs = {quiz_id for quiz_id, _, _ in markers[twin]}
    return [
        Problem(
            shown_path(page, root),
            line,
            col,
            f"quiz '{quiz_id}' is embedded here but not in {shown_path(twin, root)}",
        )
        for quiz_id, line, col in markers[page]
        if quiz_id not in theirs
    ]


def _anchors_missing(page: Path, twin: Path, pages: dict[Path, Lines], root: Path) -> list[Problem]:
    theirs = {m for _, line in pages[twin] for m in ANCHOR.findall(line)}
    problems = []
    for number, line in pages[page]:
        for match in ANCHOR.finditer(line):
            if match[1] not in theirs:
                message = f"anchor '#{match[1]}' is missing in {shown_path(twin, root)}"
                problems.append(Problem(shown_path(page, root), number, match.start() + 1, message))
    return problems
