"""The quiz format: one set of pydantic models, the single source of truth.

These models validate the YAML (scripts/build.py validate, and every mkdocs build), generate
quizzes/schema.json for editors, and are what quizzes/README.md documents. Rules that concern one
element of a list raise `rule_error(...)` with the element's place, so the error points at it.
"""

from __future__ import annotations

from collections import deque
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .source import did_you_mean, shown_value
from .text import text_problem

LANGUAGES = ("lv", "en")
# How an error names one id of each kind of anchor an item may practise.
ANCHOR_NOUNS = {"reasons": "reason", "principles": "principle", "practice": "practice"}


def rule_error(message: str, *at: str | int) -> PydanticCustomError:
    """An error for a broken rule; `at` is the path below the model where the problem is."""
    return PydanticCustomError("quiz_rule", message, {"at": list(at)})


def _yaml_bool(value: Any) -> Any:
    # The YAML loader keeps every scalar as text; only the YAML 1.2 spellings mean a boolean.
    if value in ("true", "false"):
        return value == "true"
    if isinstance(value, str):
        raise PydanticCustomError(
            "bool_text", "expected true or false, found {found}", {"found": shown_value(value)}
        )
    return value


def _checked(inline: bool):
    def check(value: str, info: ValidationInfo) -> str:
        # Only the sanitiser's own tests skip this, to prove it holds where validation did not run.
        if (info.context or {}).get("unchecked_texts"):
            return value
        problem = text_problem(value, inline=inline)
        if problem:
            raise PydanticCustomError("quiz_text", problem)
        return value

    return AfterValidator(check)


YamlBool = Annotated[bool, BeforeValidator(_yaml_bool)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), _checked(False)]
# A text shown inside a form label or legend: one paragraph, no lists (HTML allows no more there).
InlineText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), _checked(True)]
# A label (who speaks): a few words.
Label = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40), _checked(True)
]
Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60),
    Field(description="Lowercase letters, digits and single hyphens, e.g. `fear-of-return`."),
]


class Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Bilingual(Strict):
    """A text a learner sees, in both languages. A small Markdown subset is allowed."""

    lv: Text = Field(description="Latvian text (with diacritics).")
    en: Text = Field(description="English text.")

    def get(self, lang: str) -> str:
        return getattr(self, lang)


class Phrase(Bilingual):
    """A text shown as one line of a form (a question, an option, a reply): one paragraph."""

    lv: InlineText = Field(description="Latvian text (with diacritics).")
    en: InlineText = Field(description="English text.")


class Exercises(Strict):
    """What an item practises: anchor ids of the reasons, principles and practice pages."""

    reasons: list[Id] = Field(
        default_factory=list,
        description="Refusal reasons this item practises (reasons page anchors).",
    )
    principles: list[Id] = Field(
        default_factory=list, description="Principles this item draws on (principles page anchors)."
    )
    practice: list[Id] = Field(
        default_factory=list,
        description="Practice steps this item rehearses (practice page anchors, e.g. "
        "`first-steps`).",
    )

    @field_validator("reasons", "principles", "practice")
    @classmethod
    def _known_anchor(cls, ids: list[str], info: ValidationInfo) -> list[str]:
        known = (info.context or {}).get(info.field_name)
        if known is None:
            return ids
        page = info.field_name
        for index, anchor in enumerate(ids):
            if anchor not in known:
                raise rule_error(
                    f"unknown {ANCHOR_NOUNS[page]} id '{anchor}': no such anchor on the {page} "
                    "page" + did_you_mean(anchor, known),
                    index,
                )
        return ids


class Option(Strict):
    """One answer to a scenario question."""

    id: Id
    text: Phrase = Field(description="The option as the learner reads it.")
    correct: YamlBool = Field(default=False, description="true for a right answer.")
    feedback: Bilingual = Field(
        description="Why this option is right or wrong, and what is better."
    )


class Question(Exercises):
    """A scenario question: a short case, a question, options with their own feedback."""

    kind: Literal["question"]
    id: Id
    scenario: Bilingual = Field(description="The case narrative the learner reads first.")
    question: Phrase = Field(description="The question about the case.")
    select: Literal["single", "multiple"] = Field(
        description="`single`: exactly one option is correct; `multiple`: select all that apply."
    )
    options: list[Option] = Field(min_length=2, max_length=6, description="2 to 6 options.")
    shuffle: YamlBool = Field(
        default=True,
        description="true (the default): options are shown in an order derived from the ids, "
        "not the file order, so the position never gives the answer away; false keeps the file "
        "order, for options whose order carries meaning (a scale).",
    )
    explanation: Bilingual = Field(description="Shown after answering, whatever the answer.")

    @model_validator(mode="after")
    def _options_fit_the_selection(self) -> Question:
        _unique_ids([option.id for option in self.options], "option", "options")
        correct = sum(option.correct for option in self.options)
        if self.select == "single" and correct != 1:
            raise rule_error(
                f"'select: single' needs exactly one correct option; found {correct}", "options"
            )
        if self.select == "multiple" and correct == 0:
            raise rule_error(
                "'select: multiple' needs at least one correct option; found 0", "options"
            )
        return self


class Choice(Strict):
    """One reply the worker can choose in a dialogue step."""

    id: Id
    text: Phrase = Field(description="What the worker says or does.")
    feedback: Bilingual = Field(description="Shown after choosing: how the reply lands, and why.")
    next: Id = Field(description="The id of the next step, or of an ending.")
    best: YamlBool = Field(
        default=False,
        description="true for the reply the principles favour at this step; every step marks at "
        "least one. Never shown to the learner; the answer-key check measures it.",
    )


class Person(Phrase):
    """A short name that labels someone's lines (the client's, or another person's)."""

    lv: Label = Field(
        description="The Latvian label, short (at most 40 characters), e.g. `Policists`."
    )
    en: Label = Field(
        description="The English label, short (at most 40 characters), e.g. `Police officer`."
    )


def _speaker(value: Any) -> Any:
    # A word other than `client` is a typo or a name without its two languages: say which.
    if isinstance(value, str) and value != "client":
        raise rule_error(
            f"unknown speaker {shown_value(value)}; use 'client', a name in both languages "
            "({lv: ..., en: ...}), or no speaker for narration"
        )
    return value


Speaker = Annotated[
    Annotated[
        Annotated[Literal["client"], Tag("client")] | Annotated[Person, Tag("person")],
        Discriminator(lambda value: "client" if isinstance(value, str) else "person"),
    ],
    BeforeValidator(_speaker),
]


class Line(Phrase):
    """One paragraph of a step: narration, the client's words, or another person's words."""

    speaker: Speaker | None = Field(
        default=None,
        description="Who speaks: absent for narration (shown in italics, without a label); "
        "`client` for the client (labelled with the dialogue's `client_name`, else "
        "Klients / Client); or another person's short label in both languages, "
        "`{lv: Policists, en: Police officer}`. Write the words without quotation marks: "
        "the label says who speaks.",
    )


class Step(Strict):
    """A moment in the conversation: what happens and is said, and the worker's choices."""

    id: Id
    lines: list[Line] | None = Field(
        default=None,
        min_length=1,
        description="What happens and who says what, one paragraph each, in order.",
    )
    client: Bilingual | None = Field(
        default=None,
        description="Shorthand for a step that is only the client's words: the same as "
        "`lines` with one line whose speaker is `client`. Give `lines` or `client`, not both.",
    )
    choices: list[Choice] = Field(min_length=2, max_length=4, description="2 to 4 replies.")

    @model_validator(mode="after")
    def _says_something(self) -> Step:
        if self.lines is None and self.client is None:
            raise rule_error("a step needs 'lines' (what happens and who says what)", "id")
        if self.lines is not None and self.client is not None:
            raise rule_error("give 'lines' or 'client', not both", "client")
        return self

    @property
    def said(self) -> list[Line | Bilingual]:
        """The step's paragraphs; a `client:` shorthand is one line of the client's."""
        return list(self.lines) if self.lines is not None else [self.client]

    def speaker_of(self, line: Line | Bilingual) -> str | Person | None:
        return line.speaker if isinstance(line, Line) else "client"


class Ending(Strict):
    """Where a dialogue ends, with a debrief for the learner."""

    id: Id
    outcome: Literal["supportive", "harmful"] = Field(
        description="`supportive` when the principles were applied; `harmful` when pressure, "
        "disbelief or a breach did harm. Shown in calm words, never as pass or fail."
    )
    title: Bilingual = Field(description="A short name for how the conversation ended.")
    debrief: Bilingual = Field(description="What happened and why, linked to the principles.")


class Dialogue(Exercises):
    """A branching interview simulation: steps, choices leading on, endings with a debrief."""

    kind: Literal["dialogue"]
    id: Id
    scenario: Bilingual = Field(description="Who the client is and where the conversation happens.")
    client_name: Person | None = Field(
        default=None,
        description="How the client's lines are labelled, e.g. `{lv: Mika, en: Mika}`; "
        "Klients / Client if omitted.",
    )
    start: Id | None = Field(
        default=None, description="The first step; the first listed if omitted."
    )
    steps: list[Step] = Field(min_length=1, description="The conversation's moments.")
    endings: list[Ending] = Field(default_factory=list, description="At least one; each reachable.")

    @model_validator(mode="after")
    def _graph_is_sound(self) -> Dialogue:
        step_ids = [step.id for step in self.steps]
        _unique_ids(step_ids, "step", "steps")
        _unique_ids(
            [ending.id for ending in self.endings], "ending", "endings", taken=set(step_ids)
        )
        for index, step in enumerate(self.steps):
            _unique_ids([choice.id for choice in step.choices], "choice", "steps", index, "choices")
        if not self.endings:
            raise rule_error("a dialogue needs at least one ending", "endings")
        steps = {step.id: step for step in self.steps}
        ending_ids = {ending.id for ending in self.endings}
        if self.start is not None and self.start not in steps:
            raise rule_error(f"start step '{self.start}' does not exist", "start")
        for index, step in enumerate(self.steps):
            for number, choice in enumerate(step.choices):
                if choice.next not in steps and choice.next not in ending_ids:
                    raise rule_error(
                        f"choice '{choice.id}' leads to '{choice.next}', which is no step or ending",
                        "steps",
                        index,
                        "choices",
                        number,
                        "next",
                    )
        reachable = _reachable(self.start or self.steps[0].id, steps)
        for index, step in enumerate(self.steps):
            if step.id not in reachable:
                raise rule_error(
                    f"step '{step.id}' cannot be reached from the start", "steps", index, "id"
                )
        for index, step in enumerate(self.steps):
            if not _reachable(step.id, steps) & ending_ids:
                raise rule_error(
                    f"no ending can be reached from step '{step.id}'", "steps", index, "id"
                )
        for index, ending in enumerate(self.endings):
            if ending.id not in reachable:
                raise rule_error(
                    f"ending '{ending.id}' cannot be reached from the start", "endings", index, "id"
                )
        return self

    @property
    def first_step(self) -> str:
        return self.start or self.steps[0].id


Item = Annotated[Question | Dialogue, Field(discriminator="kind")]


class Quiz(Strict):
    """One quiz: one YAML file in quizzes/, embedded in a page with `/// quiz | <id>`."""

    model_config = ConfigDict(
        strict=True,
        extra="forbid",
        frozen=True,
        title="Quiz",
        json_schema_extra={"$comment": "Generated from scripts/etika/quiz/schema.py; do not edit."},
    )

    id: Id = Field(description="Unique across all quizzes; the marker `/// quiz | <id>` uses it.")
    focus: Id | None = Field(
        default=None,
        description="The refusal reason this quiz is mainly about (a reasons page anchor).",
    )
    title: Bilingual = Field(description="The quiz heading on the page and in the progress list.")
    intro: Bilingual | None = Field(
        default=None, description="Optional lines shown under the title."
    )
    items: list[Item] = Field(
        min_length=1, description="Scenario questions and dialogues, in order."
    )

    @field_validator("focus")
    @classmethod
    def _focus_is_a_reason(cls, focus: str | None, info: ValidationInfo) -> str | None:
        known = (info.context or {}).get("reasons")
        if focus is not None and known is not None and focus not in known:
            raise rule_error(
                f"unknown reason id '{focus}': no such anchor on the reasons page"
                + did_you_mean(focus, known)
            )
        return focus

    @model_validator(mode="after")
    def _item_ids_unique(self) -> Quiz:
        _unique_ids([item.id for item in self.items], "item", "items")
        return self

    def exercised(self, what: str) -> set[str]:
        """Every reason, principle or practice id that some item of this quiz practises."""
        return {anchor for item in self.items for anchor in getattr(item, what)}


def _unique_ids(ids: list[str], what: str, *at: str | int, taken: frozenset | set = frozenset()):
    """Raise at the first id seen before (in this list, or in `taken`)."""
    seen: set[str] = set(taken)
    for index, value in enumerate(ids):
        if value in seen:
            raise rule_error(f"{what} id '{value}' is used twice", *at, index, "id")
        seen.add(value)


def _reachable(start: str, steps: dict[str, Step]) -> set[str]:
    seen, queue = {start}, deque([start])
    while queue:
        step = steps.get(queue.popleft())
        for choice in step.choices if step else ():
            if choice.next not in seen:
                seen.add(choice.next)
                queue.append(choice.next)
    return seen


def json_schema() -> dict[str, Any]:
    """The JSON Schema editors use (quizzes/schema.json), generated from the models."""
    schema = Quiz.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
