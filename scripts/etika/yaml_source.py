"""Read one YAML file into plain Python values, remembering where every key and value stands.

The checks run in the order that keeps a hostile or broken file cheap to refuse: the size before
reading, the bytes before decoding, tabs, anchors, aliases and tags before composing, and duplicate
keys while converting. Every scalar stays text: YAML 1.1 would turn `no`, `on`, `08` or `1:20` into
booleans and numbers, so the schema decides what a value means, never the YAML parser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

MAX_BYTES = 1_000_000

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

    problems = _tab_indentation(text, problem) or _forbidden_tokens(text, problem)
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


def _forbidden_tokens(text: str, problem) -> list[Problem]:
    """Anchors, aliases and tags, found by the scanner before anything is built.

    An alias bomb of a few hundred bytes expands to gigabytes once composed or validated, so
    aliases are refused here; anchors and tags have no use in a quiz and are refused with them.
    """
    found = []
    try:
        tokens = list(yaml.scan(text, Loader=LOADER))
    except yaml.YAMLError:
        tokens = None  # reported below, in PyYAML's own words
    try:
        for token in tokens if tokens is not None else yaml.scan(text, Loader=yaml.SafeLoader):
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
    except yaml.YAMLError as error:
        found.append(_syntax_problem(error, text, problem))
    return found


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
    if node.style is None and node.value in _NULLS:
        return None
    return str(node.value)
