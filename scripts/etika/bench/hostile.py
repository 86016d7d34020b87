"""A corpus of hostile quiz files just under the 1 MB limit, for `make bench`.

Each is validated and, where accepted, rendered in both languages, as a build would: the bench
times the slowest so that "any file under 1 MB is answered in seconds" is measured, not hoped.
The tests prove the messages; this proves the time (timings belong in the bench, not in tests).
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as etree
from pathlib import Path

from ..quiz.render import QuizRenderer
from ..quiz.source import MAX_BYTES
from ..quiz.validation import validate

TEXT = 4000  # the longest text validation accepts (quiz_text.MAX_CHARS)


def _question(number: int, text: str) -> str:
    # Every text distinct (a cache of rendered texts must not flatter the figure).
    t = [f"{number}.{k} {text}"[:TEXT] for k in range(12)]

    def pair(first: int) -> str:
        return f"{{lv: '{t[first]}', en: '{t[first + 1]}'}}"

    return (
        f"  - kind: question\n    id: q{number}\n    scenario: {pair(0)}\n"
        "    question: {lv: 'Ko darīt?', en: 'What to do?'}\n    select: single\n    options:\n"
        f"      - id: a\n        correct: true\n        text: {pair(2)}\n"
        f"        feedback: {pair(4)}\n"
        f"      - id: b\n        text: {pair(6)}\n        feedback: {pair(8)}\n"
        f"    explanation: {pair(10)}\n"
    )


def _largest_quiz(text: str) -> str:
    """A valid quiz of questions whose every text is `text`, as many as fit under 1 MB."""
    head = "id: hostile\ntitle: {lv: Lielākais, en: Largest}\nitems:\n"
    body, number, size = [], 0, len(head.encode())
    while True:
        question = _question(number, text)
        size += len(question.encode())
        if size > MAX_BYTES - 100:
            break
        body.append(question)
        number += 1
    return head + "".join(body)


def corpus() -> dict[str, str]:
    """name -> file text, each under 1 MB."""
    size = MAX_BYTES - 1000
    # The most Markdown an accepted text can hold: 20 links' worth of brackets, emphasis runs.
    links = "[a](https://example.org/) *b* _c_ `d` " * 18 + "[ [ "
    busy = links + "ā *e* " * ((TEXT - len(links) - 10) // 6)
    return {
        "flow-nesting": "id: x\nitems: " + "[" * (size - 20),
        "block-nesting": "id: x\nitems:\n"
        + "".join(" " * (2 * (i % 400)) + "- a:\n" for i in range(1, 2000)),
        "unmatched-brackets": "id: x\ntitle: {lv: '" + "[" * (size - 40) + "', en: x}\n",
        "alias-bomb": "a: &a [x]\n"
        + "".join(f"b{i}: &b{i} [*a, *a]\n" for i in range(30000))[:size],
        "duplicate-keys": "".join(f"k: {i}\n" for i in range(size // 10)),
        "one-long-line": "id: x\ntitle: {lv: '" + "ā" * (size // 2 - 40) + "', en: x}\n",
        "largest-valid": _largest_quiz(busy.replace("'", "")),
        "largest-plain": _largest_quiz("Persona atnāk uz dienestu. " * (TEXT // 28)),
    }


def measure(folder: Path) -> dict:
    """Seconds to validate (and render, where accepted) each corpus file; the slowest."""
    folder.mkdir(parents=True, exist_ok=True)
    seconds = {}
    for name, text in corpus().items():
        path = folder / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        assert path.stat().st_size < MAX_BYTES, (name, path.stat().st_size)
        started = time.perf_counter()
        report = validate([path], docs_dir=folder, root=folder)
        for quiz in report.quizzes.values():
            for lang in ("lv", "en"):
                etree.tostring(QuizRenderer(lang, "", {}).render(quiz))
        seconds[name] = round(time.perf_counter() - started, 2)
    return {"files": seconds, "slowest_s": max(seconds.values())}
