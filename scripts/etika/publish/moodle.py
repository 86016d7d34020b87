"""The scenario questions as a Moodle question bank file (Moodle XML), for facilitators' courses.

`scripts/build.py export --format moodle-xml` writes it. One category per quiz
(`$course$/top/<module>/<quiz>`), one `multichoice` question per scenario question: the case and
the question as question text, each option with its own feedback, the explanation (and the
related sections, linked on the public site) as general feedback, every text in both languages
in Moodle's multilang form (moodle_multilang.py). Branching dialogues have no Moodle question
type; they are left out and named in the summary. The format follows Moodle's own reader,
question/format/xml/format.php, and its checks on grades:
- every fraction must be one of question_bank::fraction_options_full() (±1e-5), or the import
  stops ("match grades: error", the default);
- a single-answer question needs a 100 % option; a multiple-answer question's positive fractions
  must add up to 100 % after rounding to two places (three times 33.33333 is 100.00).
"""

from __future__ import annotations

import hashlib
import html
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin
from xml.sax.saxutils import escape

from ..quiz.catalogue import QuizCatalogue
from ..quiz.messages import MESSAGES
from ..quiz.order import shown_options
from ..quiz.render import SECTION_PAGES, QuizRenderer
from ..quiz.schema import Bilingual, Dialogue, Question, Quiz
from ..quiz.validation import page_problems
from ..site.identity import SiteIdentity
from .build import PublishError
from .moodle_multilang import LANGUAGES, bilingual_html, group, plain_text
from .release import describe_fault
from .scratch import scratch_dir

FORMAT = "moodle-xml"
TOP = "$course$/top"
# question_bank::fraction_options_full(): these, their negatives, 0 and ±1 (question/engine/bank.php).
MOODLE_FRACTIONS = (
    1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2,
    0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05,
)  # fmt: skip
FRACTION_TOLERANCE = 0.00001  # match_grade_options() in question/format.php
# Moodle's question_bank_entries.idnumber and question names are this long at most.
IDNUMBER_MAX, NAME_MAX = 100, 255
PENALTY = "0.3333333"  # Moodle's own default for a multiple-choice question


def is_moodle_fraction(percent: float) -> bool:
    """Whether Moodle's import accepts `percent` (the `fraction` attribute) as a grade."""
    allowed = (0.0, *MOODLE_FRACTIONS, *(-value for value in MOODLE_FRACTIONS))
    return any(abs(percent / 100 - value) < FRACTION_TOLERANCE for value in allowed)


def fraction_text(percent: float) -> str:
    text = f"{percent:.5f}".rstrip("0").rstrip(".")
    text = "0" if text in {"-0", ""} else text
    if not is_moodle_fraction(float(text)):
        raise ValueError(f"{text} % is no grade Moodle accepts")
    return text


def fractions(question: Question) -> dict[str, str]:
    """option id -> fraction. Single: the right one 100, the rest 0. Multiple: the right ones
    share 100 and the wrong ones share -100, so ticking everything scores 0 (Moodle floors a
    question's mark at 0)."""
    right = [o.id for o in question.options if o.correct]
    wrong = [o.id for o in question.options if not o.correct]
    if question.select == "single":
        return {o.id: "100" if o.correct else "0" for o in question.options}
    shares = {option: fraction_text(100 / len(right)) for option in right}
    shares |= {option: fraction_text(-100 / len(wrong)) for option in wrong}
    return shares


def idnumber(*ids: str) -> str:
    """A question's ID number in Moodle: the same in every export (`quiz/item`)."""
    text = "/".join(ids)
    if len(text) <= IDNUMBER_MAX:
        return text
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    return f"{text[: IDNUMBER_MAX - 13]}-{digest}"


def category_path(*names: str) -> str:
    """assemble_category_path() of question/format.php: a `/` inside a name is written `//`."""
    escaped = []
    for name in names:
        name = name.replace("/", "//")
        name = f" {name}" if name.startswith("/") else name
        escaped.append(f"{name} " if name.endswith("/") else name)
    return "/".join(escaped)


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def html_field(tag: str, html: str) -> str:
    """A Moodle text field holding HTML; Moodle's docs ask for CDATA around it."""
    return f'    <{tag} format="html"><text>{cdata(html)}</text></{tag}>'


def tags(item: Question) -> list[str]:
    """The reason and principle ids, as Moodle tags to filter the question bank by."""
    anchors = [anchor for what in ("reasons", "principles") for anchor in getattr(item, what)]
    if not anchors:
        return []
    return [
        "    <tags>",
        *(f"      <tag><text>{escape(anchor)}</text></tag>" for anchor in anchors),
        "    </tags>",
    ]


@dataclass
class ExportSummary:
    output: Path
    categories: int = 0
    questions: int = 0
    left_out: list[str] = field(default_factory=list)  # `quiz/dialogue` ids

    def line(self) -> str:
        text = (
            f"{FORMAT}: {self.categories} categor{'ies' if self.categories != 1 else 'y'}, "
            f"{self.questions} question{'s' if self.questions != 1 else ''} written to {self.output}"
        )
        if self.left_out:
            count = len(self.left_out)
            text += (
                f"; {count} dialogue{'s' if count != 1 else ''} left out (no Moodle question "
                f"type): {', '.join(self.left_out)}"
            )
        return text


class MoodleBank:
    """Writes the quizzes of one catalogue as Moodle XML."""

    def __init__(self, catalogue: QuizCatalogue, identity: SiteIdentity):
        self.catalogue = catalogue
        self.identity = identity
        self.renderers = {
            lang: QuizRenderer(lang, "", catalogue.section_titles(lang)) for lang in LANGUAGES
        }

    def html(self, text: Bilingual) -> str:
        return bilingual_html(
            {lang: self.renderers[lang].fragment(text.get(lang)) for lang in LANGUAGES}
        )

    def plain(self, text: Bilingual) -> str:
        words = [plain_text(self.renderers[lang].fragment(text.get(lang))) for lang in LANGUAGES]
        return " · ".join(dict.fromkeys(words))  # one name, if both languages say the same

    def words(self, key: str) -> str:
        return group({lang: escape(MESSAGES[lang][key]) for lang in LANGUAGES})

    def xml(self, summary: ExportSummary) -> str:
        parts = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
        module = " · ".join(self.identity.names.get(lang, "") for lang in LANGUAGES)
        for quiz in self.catalogue.in_page_order():
            questions = [item for item in quiz.items if isinstance(item, Question)]
            summary.left_out += [
                f"{quiz.id}/{item.id}" for item in quiz.items if isinstance(item, Dialogue)
            ]
            if not questions:
                continue
            summary.categories += 1
            parts.append(self.category(quiz, module))
            for number, question in enumerate(questions, start=1):
                summary.questions += 1
                parts.append(self.question(quiz, question, number))
        parts.append("</quiz>")
        return "\n".join(parts) + "\n"

    def category(self, quiz: Quiz, module: str) -> str:
        path = f"{TOP}/{category_path(module, self.plain(quiz.title))}"
        info = self.html(quiz.intro or quiz.title)
        return (
            '  <question type="category">\n'
            f"    <category><text>{escape(path)}</text></category>\n"
            f"{html_field('info', info)}\n"
            f"    <idnumber>{escape(idnumber(quiz.id))}</idnumber>\n"
            "  </question>"
        )

    def question(self, quiz: Quiz, item: Question, number: int) -> str:
        name = f"{number}. {self.plain(item.question)}"
        name = name if len(name) <= NAME_MAX else name[: NAME_MAX - 1] + "…"
        multiple = item.select == "multiple"
        lines = [
            '  <question type="multichoice">',
            f"    <name><text>{escape(name)}</text></name>",
            html_field("questiontext", self.html(item.scenario) + self.html(item.question)),
            html_field("generalfeedback", self.general_feedback(item)),
            "    <defaultgrade>1</defaultgrade>",
            f"    <penalty>{PENALTY}</penalty>",
            "    <hidden>0</hidden>",
            f"    <idnumber>{escape(idnumber(quiz.id, item.id))}</idnumber>",
            f"    <single>{'false' if multiple else 'true'}</single>",
            f"    <shuffleanswers>{'true' if item.shuffle else 'false'}</shuffleanswers>",
            "    <answernumbering>ABCD</answernumbering>",  # the site's letters
            "    <showstandardinstruction>1</showstandardinstruction>",
            html_field("correctfeedback", self.words("answer_right")),
            html_field("partiallycorrectfeedback", self.words("answer_read")),
            html_field("incorrectfeedback", self.words("answer_read")),
            *(["    <shownumcorrect/>"] if multiple else []),
            *self.answers(quiz, item),
            *tags(item),
            "  </question>",
        ]
        return "\n".join(lines)

    def answers(self, quiz: Quiz, item: Question) -> list[str]:
        shares = fractions(item)
        return [
            f'    <answer fraction="{shares[option.id]}" format="html">\n'
            f"      <text>{cdata(self.html(option.text))}</text>\n"
            f"  {html_field('feedback', self.html(option.feedback))}\n"
            "    </answer>"
            for option in shown_options(quiz.id, item)
        ]

    def general_feedback(self, item: Question) -> str:
        """The explanation, then links to the sections it draws on, on the public site."""
        entries = [
            (what, anchor) for what in ("reasons", "principles") for anchor in getattr(item, what)
        ]
        if not entries:
            return self.html(item.explanation)
        related = {}
        for lang in LANGUAGES:
            titles = self.catalogue.section_titles(lang)
            links = [
                f'<a href="{html.escape(self.section_url(lang, what, anchor))}">'
                f"{escape(titles.get(what, {}).get(anchor, anchor))}</a>"
                for what, anchor in entries
            ]
            related[lang] = f"{escape(MESSAGES[lang]['related'])}: {'; '.join(links)}"
        return self.html(item.explanation) + f"<p>{group(related)}</p>"

    def section_url(self, lang: str, what: str, anchor: str) -> str:
        page = SECTION_PAGES[what].removesuffix(".md") + "/"
        prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
        return urljoin(self.identity.site_url, f"{prefix}{page}#{anchor}")


def refusals(catalogue: QuizCatalogue, docs_dir: Path) -> list[str]:
    """What `validate` would refuse, in its words (`path:line:col: message`); empty when none."""
    problems = [str(problem) for problem in catalogue.problems]
    if catalogue.report is not None:
        problems += [str(p) for p in page_problems(catalogue.report, docs_dir)]
        if not problems:
            problems = catalogue.report.answer_key().problems()
    return problems


def export(
    catalogue: QuizCatalogue, docs_dir: Path, identity: SiteIdentity, output: Path
) -> ExportSummary:
    """Write the bank to `output` (replaced whole, never half-written), or raise PublishError
    with the quiz problems, writing nothing."""
    problems = refusals(catalogue, docs_dir)
    if problems:
        raise PublishError("quiz validation", problems)
    summary = ExportSummary(output=output)
    text = MoodleBank(catalogue, identity).xml(summary)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        with scratch_dir("moodle", base=output.parent) as stage:
            partial = stage / output.name
            partial.write_text(text, encoding="utf-8")
            os.replace(partial, output)
    except OSError as error:
        raise PublishError(f"{FORMAT} export", [describe_fault(error, output)]) from None
    return summary
