"""The answer-key check: can a learner find the right answer without reading the options?

Two cues give a key away: the position (the first option shown is right) and the weight (the
right option is the longest). For the whole set as shown (quiz_order.py decides the order) we
count how often each cue points at a right answer and compare that with chance: a question with
k right options of n gives either cue a k/n chance, so the count over the set is a sum of
independent Bernoulli trials with mean sum(k/n) and variance sum(k/n * (1 - k/n)). A count above
mean + 2 standard deviations fails `validate`, `check`, `publish` and the tests, and so does a count
below mean - 2 standard deviations: a cue that is almost always wrong teaches "avoid the longest"
just as well. `validate` prints the figures every time, so every author after us sees them.

Dialogue steps are measured the same way with their `best: true` choices, as a separate tally.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from .order import shown_choices, shown_options
from .schema import LANGUAGES, Bilingual, Question
from .source import Problem, YamlDocument

# A right option this many times as long as the mean wrong one gets a warning line.
WEIGHT_WARNING = 1.6
# How many standard deviations above chance a count may go before the check fails.
SIGMAS = 2.0
# How many questions a failure names.
WORST_SHOWN = 5

HINTS = {
    "first": "keep `shuffle: false` for options whose order carries meaning (a scale), no others",
    "longest": "write right and wrong answers of comparable length: move reasoning into feedback",
}

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"[*_`]")


def visible_length(text: str) -> int:
    """Characters a reader sees: Markdown link targets and emphasis marks do not count."""
    return len(" ".join(_MARKS.sub("", _LINK.sub(r"\1", text)).split()))


@dataclass(frozen=True)
class Shown:
    """One question (or dialogue step) as the learner sees it: which answers are right, in order."""

    path: str
    line: int
    col: int
    name: str
    right: tuple[bool, ...]
    lengths: dict[str, tuple[int, ...]]
    # (line, col) of each answer in shown order, for the weight warning.
    places: tuple[tuple[int, int], ...]

    @property
    def chance(self) -> float:
        return sum(self.right) / len(self.right)

    @property
    def first_right(self) -> bool:
        return self.right[0]

    def _split(self, lang: str) -> tuple[list[tuple[int, int]], list[int]]:
        """([(length, position)] of the right answers, [length] of the wrong ones)."""
        pairs = list(zip(self.lengths[lang], self.right, strict=True))
        right = [(n, i) for i, (n, ok) in enumerate(pairs) if ok]
        return right, [n for n, ok in pairs if not ok]

    def longest_right(self, lang: str) -> bool:
        """True when a right answer is longer than every wrong one."""
        right, wrong = self._split(lang)
        return bool(right) and (not wrong or max(right)[0] > max(wrong))

    def weight(self, lang: str) -> tuple[float, int] | None:
        """(longest right / mean wrong, position of that right answer), or None without both."""
        right, wrong = self._split(lang)
        if not wrong or not right:
            return None
        longest, position = max(right)
        return longest / (sum(wrong) / len(wrong)), position


@dataclass(frozen=True)
class Tally:
    """How often one cue points at a right answer, against chance."""

    hits: int
    total: int
    chance: float
    sd: float
    # Where the cue pointed at a right answer, most telling first (for a count above chance).
    worst: tuple[Shown, ...]
    # Where it pointed at a wrong answer, most telling first (for a count below chance).
    misses: tuple[Shown, ...]

    @property
    def limit(self) -> float:
        return self.chance + SIGMAS * self.sd

    @property
    def floor(self) -> float:
        return self.chance - SIGMAS * self.sd

    @property
    def exceeded(self) -> bool:
        return self.hits > self.limit + 1e-9

    @property
    def reversed(self) -> bool:
        """Right far less often than chance: a learner learns to avoid the cue, a key as well."""
        return self.hits < self.floor - 1e-9


def tally(shown: list[Shown], hit) -> Tally:
    hits = [s for s in shown if hit(s)]
    misses = [s for s in shown if not hit(s)]
    chance = sum(s.chance for s in shown)
    sd = math.sqrt(sum(s.chance * (1 - s.chance) for s in shown))
    # A hit is most telling where chance was lowest (1 right of 5 beats 2 of 3), a miss where
    # it was highest.
    worst = tuple(sorted(hits, key=lambda s: s.chance)[:WORST_SHOWN])
    missed = tuple(sorted(misses, key=lambda s: -s.chance)[:WORST_SHOWN])
    return Tally(len(hits), len(shown), chance, sd, worst, missed)


@dataclass
class AnswerKey:
    """The figures for the questions and for the dialogue steps, and what they mean."""

    questions: list[Shown] = field(default_factory=list)
    steps: list[Shown] = field(default_factory=list)
    # Dialogue steps with no `best: true` choice: the check cannot measure them.
    unmarked: list[Problem] = field(default_factory=list)

    def tallies(self) -> list[tuple[str, str, Tally]]:
        """(set, cue, tally) for each cue: first, then longest per language."""
        result = []
        for what, shown in (("questions", self.questions), ("dialogue steps", self.steps)):
            if not shown:
                continue
            result.append((what, "first", tally(shown, lambda s: s.first_right)))
            for lang in LANGUAGES:
                result.append(
                    (
                        what,
                        f"longest {lang}",
                        tally(shown, lambda s, lang=lang: s.longest_right(lang)),
                    )
                )
        return result

    def summary(self) -> list[str]:
        """One line per set, e.g. `answer key: first option correct 14/49 (chance 17.6) ...`."""
        lines = []
        by_set: dict[str, list[tuple[str, Tally]]] = {}
        for what, cue, counted in self.tallies():
            by_set.setdefault(what, []).append((cue, counted))
        for what, cues in by_set.items():
            noun, verb = ("option", "correct") if what == "questions" else ("choice", "best")
            (_, first), *longest = cues
            parts = [f"first {noun} {verb} {_figure(first)}"]
            parts += [f"{cue} {verb} {_figure(counted)}" for cue, counted in longest]
            label = "answer key" if what == "questions" else "answer key, dialogue steps"
            lines.append(f"{label}: " + ", ".join(parts))
        return lines

    def problems(self) -> list[str]:
        """What fails the check: unmarked steps, then per cue outside chance +- 2 SD a headline
        and its most telling places."""
        lines = [str(problem) for problem in self.unmarked]
        for what, cue, counted in self.tallies():
            if not (counted.exceeded or counted.reversed):
                continue
            noun = "option" if what == "questions" else "choice"
            position = "first" if cue == "first" else f"longest ({cue.split()[1]})"
            hint = HINTS["first" if cue == "first" else "longest"]
            if counted.exceeded:
                lines.append(
                    f"answer key: the {position} {noun} shown is right in {counted.hits} of "
                    f"{counted.total} {what}, above chance + {SIGMAS:g} SD "
                    f"({counted.chance:.1f} + {SIGMAS * counted.sd:.1f} = {counted.limit:.1f}); "
                    f"{hint}; worst first:"
                )
                places, verdict = counted.worst, "right"
            else:
                lines.append(
                    f"answer key: the {position} {noun} shown is right in only {counted.hits} of "
                    f"{counted.total} {what}, below chance - {SIGMAS:g} SD "
                    f"({counted.chance:.1f} - {SIGMAS * counted.sd:.1f} = {counted.floor:.1f}), "
                    f"so a learner learns to avoid it; {hint}; worst first:"
                )
                places, verdict = counted.misses, "wrong"
            for shown in places:
                right = f"{sum(shown.right)} right of {len(shown.right)}"
                lines.append(
                    f"{shown.path}:{shown.line}:{shown.col}: {shown.name}: the {position} "
                    f"{noun} is {verdict} ({right})"
                )
        return lines

    def warnings(self) -> list[Problem]:
        """A right answer much longer than the mean wrong one, per question and language."""
        found = []
        for shown, what in [
            *((q, "a right option") for q in self.questions),
            *((s, "a best choice") for s in self.steps),
        ]:
            for lang in LANGUAGES:
                weight = shown.weight(lang)
                if weight is None or weight[0] <= WEIGHT_WARNING:
                    continue
                ratio, position = weight
                line, col = shown.places[position]
                found.append(
                    Problem(
                        shown.path,
                        line,
                        col,
                        f"warning: {shown.name}: {what} is {ratio:.1f} times as long as the "
                        f"mean of the others ({lang}); move its reasoning into the feedback",
                    )
                )
        return sorted(found)


def _figure(counted: Tally) -> str:
    return f"{counted.hits}/{counted.total} (chance {counted.chance:.1f})"


def _lengths(texts: list[Bilingual]) -> dict[str, tuple[int, ...]]:
    return {lang: tuple(visible_length(t.get(lang)) for t in texts) for lang in LANGUAGES}


def measure(
    quizzes: dict, sources: dict[str, str], documents: dict[str, YamlDocument]
) -> AnswerKey:
    """The answer key of every valid quiz, as shown (quiz id -> quiz, shown path, YAML places)."""
    key = AnswerKey()
    for quiz_id, quiz in quizzes.items():
        path, document = sources[quiz_id], documents[quiz_id]
        for number, item in enumerate(quiz.items):
            loc = ("items", number)
            line, col = document.position(loc)
            if isinstance(item, Question):
                shown = shown_options(quiz_id, item)
                index = {option.id: i for i, option in enumerate(item.options)}
                key.questions.append(
                    Shown(
                        path,
                        line,
                        col,
                        f"{quiz_id}/{item.id}",
                        tuple(option.correct for option in shown),
                        _lengths([option.text for option in shown]),
                        tuple(document.position((*loc, "options", index[o.id])) for o in shown),
                    )
                )
                continue
            for step_number, step in enumerate(item.steps):
                shown = shown_choices(quiz_id, item, step)
                step_loc = (*loc, "steps", step_number)
                if not any(choice.best for choice in shown):
                    message = (
                        f"step '{step.id}' marks no choice `best: true`; mark the reply the "
                        "principles favour (the answer-key check measures it, no one sees it)"
                    )
                    line, col = document.position((*step_loc, "choices"), key=True)
                    key.unmarked.append(Problem(path, line, col, message))
                    continue
                index = {choice.id: i for i, choice in enumerate(step.choices)}
                key.steps.append(
                    Shown(
                        path,
                        *document.position(step_loc),
                        f"{quiz_id}/{item.id}/{step.id}",
                        tuple(choice.best for choice in shown),
                        _lengths([choice.text for choice in shown]),
                        tuple(
                            document.position((*step_loc, "choices", index[c.id])) for c in shown
                        ),
                    )
                )
    return key
