"""Read one YAML file into plain Python values, remembering where every key and value stands.

The checks run in the order that keeps a hostile or broken file cheap to refuse: the size before
reading, the bytes before decoding, tabs, anchors, aliases and tags before composing, and duplicate
keys while converting. Every scalar stays text: YAML 1.1 would turn `no`, `on`, `08` or `1:20` into
booleans and numbers, so the schema decides what a value means, never the YAML parser.
"""

from __future__ import annotations

import difflib
import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

MAX_BYTES = 1_000_000
# quiz > items > item > steps > step > choices > choice > text is 8 levels; a little room on top.
MAX_DEPTH = 10
# Where libyaml cannot read a file, bracket runs deeper than this are not handed to PyYAML's
# slower scanner (see _scan).
FALLBACK_DEPTH = 100

Loc = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, printed as `path:line:col: message` (1-based)."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


def shown_path(path: Path, root: Path) -> str:
    """How a message names a file: relative to `root` when absolute, as given otherwise."""
    try:
        return os.path.relpath(path, root) if path.is_absolute() else str(path)
    except ValueError:
        return str(path)


def did_you_mean(word: str, candidates) -> str:
    """`; did you mean 'x'?` for a close candidate, or nothing."""
    close = difflib.get_close_matches(word, sorted(candidates), n=1, cutoff=0.75)
    return f"; did you mean '{close[0]}'?" if close else ""


def shown_value(value: object, limit: int = 60) -> str:
    """An author's value, quoted for a message: escaped where it would not print as itself
    (ANSI escapes, bidi controls, line breaks reach a terminal raw otherwise), and cut short."""
    text = str(value)
    cut = len(text) > limit
    text = text[:limit]
    escaped = "".join(
        char
        if char.isprintable() and unicodedata.category(char) != "Cf"
        else char.encode("unicode_escape").decode("ascii")
        for char in text
    )
    return f"'{escaped}'" + ("…" if cut else "")


@dataclass
class YamlDocument:
    """The file's data, and the 1-based (line, col) of each value and each mapping key."""

    data: Any
    value_at: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_at: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """The place of `loc`, or of its nearest ancestor that has one."""
        table = self.key_at if key else self.value_at
        while loc:
            if loc in table:
                return table[loc]
            if not key and loc in self.key_at:
                return self.key_at[loc]
            loc = loc[:-1]
            table = self.value_at
        return self.value_at.get((), (1, 1))


_NULLS = {"", "~", "null", "Null", "NULL"}


# libyaml's loader when PyYAML has it (the wheels do): scanning and composing every quiz twice in
# pure Python was most of a build's validation time. Same marks; on an error the pure-Python
# loader runs again, because its messages say more.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path, shown_as: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Load `path`; on any problem return no document and every problem found."""

    def problem(line: int, col: int, message: str) -> Problem:
        return Problem(shown_as, line, col, message)

    size = path.stat().st_size
    if size > MAX_BYTES:
        return None, [problem(1, 1, f"file is {size} bytes; the limit is 1 MB ({MAX_BYTES} bytes)")]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        col = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        bad = raw[error.start]
        return None, [problem(line, col, f"not UTF-8 (byte 0x{bad:02x}); save the file as UTF-8")]

    tokens, scan_error = _scan(text)
    problems = (
        _tab_indentation(text, problem)
        or _forbidden_tokens(tokens, scan_error, text, problem)
        or _too_deep(tokens, problem)
    )
    if problems:
        return None, problems
    try:
        root = yaml.compose(text, Loader=LOADER)
    except yaml.YAMLError:
        try:  # PyYAML's own loader words its errors better ("expected …, but got …")
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as error:
            return None, [_syntax_problem(error, text, problem)]
    if root is None:
        return None, [problem(1, 1, "file is empty")]

    document = YamlDocument(data=None)
    duplicates: list[Problem] = []
    document.data = _convert(root, (), document, duplicates, problem)
    if duplicates:
        return None, duplicates
    return document, []


def _tab_indentation(text: str, problem) -> list[Problem]:
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            found.append(problem(number, indent.index("\t") + 1, "tab in indentation; use spaces"))
    return found


def _scan(text: str) -> tuple[list[yaml.Token], yaml.YAMLError | None]:
    """Every token up to the first syntax error (libyaml's scanner first, it is the fast one).

    PyYAML's own scanner, the fallback, words its errors better but is quadratic in flow
    nesting (every '[' keeps a possible key open): 10^5 levels took half a minute. So it runs
    only where libyaml found a plain syntax error, and not on a run of brackets too deep for
    any quiz, which is reported as nesting instead.
    """
    try:
        return list(yaml.scan(text, Loader=LOADER)), None
    except yaml.YAMLError as error:
        if _too_deep_for_libyaml(error):
            return [], error
        where = _bracket_depth_exceeds(text, FALLBACK_DEPTH)
        if where is not None:
            return [], yaml.scanner.ScannerError(
                problem="exceeded maximum nesting depth", problem_mark=where
            )
    tokens: list[yaml.Token] = []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            tokens.append(token)
    except yaml.YAMLError as error:
        return tokens, error
    return tokens, None


def _too_deep_for_libyaml(error: yaml.YAMLError) -> bool:
    return "nesting depth" in str(getattr(error, "problem", "") or "")


def _bracket_depth_exceeds(text: str, limit: int) -> yaml.Mark | None:
    """Where flow brackets, quoted text aside, first nest deeper than `limit` (an upper bound
    of the YAML depth: a bracket in plain text counts too), or None."""
    depth, line, col, quote = 0, 0, 0, ""
    for index, char in enumerate(text):
        if quote:
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char in "[{":
            depth += 1
            if depth > limit:
                return yaml.Mark("<text>", index, line, col, None, None)
        elif char in "]}":
            depth = max(depth - 1, 0)
        if char == "\n":
            line, col, quote = line + 1, 0, ""
        else:
            col += 1
    return None


def _forbidden_tokens(tokens, scan_error, text: str, problem) -> list[Problem]:
    """Anchors, aliases and tags, found by the scanner before anything is built.

    An alias bomb of a few hundred bytes expands to gigabytes once composed or validated, so
    aliases are refused here; anchors and tags have no use in a quiz and are refused with them.
    """
    found = []
    for token in tokens:
        mark = token.start_mark
        if isinstance(token, yaml.AnchorToken):
            message = f"anchor '&{token.value}' is not allowed; write the text out in full"
        elif isinstance(token, yaml.AliasToken):
            message = f"alias '*{token.value}' is not allowed; write the text out in full"
        elif isinstance(token, yaml.TagToken):
            message = "YAML tags ('!' or '!!') are not allowed"
        else:
            continue
        found.append(problem(mark.line + 1, mark.column + 1, message))
    if scan_error is not None and _too_deep_for_libyaml(scan_error):
        # Point at the level where the limit was crossed, not where libyaml gave up (level 1000).
        mark = _bracket_depth_exceeds(text, MAX_DEPTH) or scan_error.problem_mark
        found.append(problem(mark.line + 1, mark.column + 1, _TOO_DEEP))
    elif scan_error is not None:
        found.append(_syntax_problem(scan_error, text, problem))
    return found


def _too_deep(tokens, problem) -> list[Problem]:
    """Nesting deeper than the schema uses, found by the scanner before anything is built.

    Composing nodes and converting them recurse once per level: from about 500 levels (a 1 KB
    file) Python's recursion limit ends the run, and 10^5 levels took 38 s before that. Tokens,
    not events: libyaml's parser reads a run of '[' to its own limit before the first event.
    A block sequence inside a mapping has no start token of its own, so this counts at least
    half the real depth, which is all the composer needs to stay safe.
    """
    depth = 0
    for token in tokens:
        if isinstance(token, _OPENING):
            depth += 1
            if depth > MAX_DEPTH:
                mark = token.start_mark
                return [problem(mark.line + 1, mark.column + 1, _TOO_DEEP)]
        elif isinstance(token, _CLOSING):
            depth -= 1
    return []


_TOO_DEEP = (
    f"nested more than {MAX_DEPTH} levels deep; a quiz needs fewer "
    "(check the indentation and the brackets)"
)
_OPENING = (
    yaml.BlockMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.FlowMappingStartToken,
    yaml.FlowSequenceStartToken,
)
_CLOSING = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)


def _syntax_problem(error: yaml.YAMLError, text: str, problem) -> Problem:
    if isinstance(error, yaml.reader.ReaderError):
        # A character YAML does not allow (a control character, say): no mark, only an offset.
        line = text.count("\n", 0, error.position) + 1
        col = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        return problem(line, col, f"character U+{error.character:04X} is not allowed in YAML")
    if not isinstance(error, yaml.MarkedYAMLError):
        return problem(1, 1, f"YAML syntax error: {error}")
    mark = error.problem_mark or error.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = error.problem or error.context or "invalid YAML"
    if error.context and error.problem:
        what = f"{error.problem} ({error.context})"
    return problem(line, col, f"YAML syntax error: {what}")


def _convert(node: yaml.Node, loc: Loc, document: YamlDocument, duplicates, problem) -> Any:
    document.value_at[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        first_seen: dict[str, tuple[int, int]] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
            place = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in first_seen:
                line = first_seen[key][0]
                duplicates.append(problem(*place, f"duplicate key '{key}' (first at line {line})"))
                continue
            first_seen[key] = place
            document.key_at[(*loc, key)] = place
            result[key] = _convert(value_node, (*loc, key), document, duplicates, problem)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _convert(child, (*loc, index), document, duplicates, problem)
            for index, child in enumerate(node.value)
        ]
    # A plain scalar has style None in PyYAML's own composer but '' in libyaml's.
    if not node.style and node.value in _NULLS:
        return None
    return str(node.value)
