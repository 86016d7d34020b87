"""The order in which a question's options and a dialogue step's choices are shown.

Authors write the best answer wherever they like; the file order never reaches the learner. Each
option gets a sort key from a hash of its quiz, item (and step) and its own id, so the order is:
- the same on every build, in both languages, in the page, the slides, the no-JavaScript reading
  and print (they are all the one rendered HTML);
- independent of which options are correct, so the right answer lands on each position by chance
  (the answer-key check in quiz_answer_key.py measures the whole set against that chance);
- stable while an item's ids stand: editing a text moves nothing, and adding an option only
  slots the new one in. Saved progress is keyed by ids, so it stays valid whatever the order.
`shuffle: false` on a question keeps the file order, for options whose order means something.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TypeVar

from .schema import Dialogue, Option, Question, Step

Answer = TypeVar("Answer")

LETTERS = "ABCDEFGHIJ"


def _key(*ids: str) -> str:
    # "/" cannot occur in an id, so two different id paths never hash the same text.
    return hashlib.sha256("/".join(ids).encode("utf-8")).hexdigest()


def shuffled(answers: Sequence[Answer], *path: str) -> list[Answer]:
    """`answers` (anything with an `id`) sorted by the hash of `path` + their own id."""
    return sorted(answers, key=lambda answer: _key(*path, answer.id))


def shown_options(quiz_id: str, question: Question) -> list[Option]:
    """The options of `question` in the order a learner sees them."""
    if not question.shuffle:
        return list(question.options)
    return shuffled(question.options, quiz_id, question.id)


def shown_choices(quiz_id: str, dialogue: Dialogue, step: Step) -> list:
    """The choices of one dialogue step in the order a learner sees them."""
    return shuffled(step.choices, quiz_id, dialogue.id, step.id)


def letter(position: int) -> str:
    """The label of the option at `position` (0-based): A, B, C ... for "option C" in a room."""
    return LETTERS[position]
