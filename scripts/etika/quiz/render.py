"""Render a validated quiz as semantic HTML (an ElementTree) in one language.

The HTML reads without JavaScript: options are native inputs with labels inside a fieldset, each
option's feedback sits right under it, and a dialogue's choices link to the step they lead to.
docs/assets/javascripts/quiz.js then adds checking, retry, score, branching and progress.
Author text is a small Markdown subset, sanitised with nh3 and inserted as atomic text so no
later Markdown pass can turn an escaped `<script>` back into markup.
"""

from __future__ import annotations

import json
import posixpath
import xml.etree.ElementTree as etree

from markdown.util import AtomicString

from .messages import MESSAGES
from .order import letter, shown_choices, shown_options
from .schema import Bilingual, Dialogue, Question, Quiz, Step
from .text import MARKUP, sanitised_html

# Which page defines the anchors an item names (its Latvian source; MkDocs maps the language).
SECTION_PAGES = {"practice": "practice.md", "reasons": "reasons.md", "principles": "principles.md"}

# Feedback, explanations and debriefs stay out of the search index (Material's search honours
# data-search-exclude and strips the attribute from the page): a search should land on the
# scenario, and the index every page loads stays about a third smaller.
NOT_INDEXED = {"data-search-exclude": "answers"}


class QuizRenderer:
    """Renders quizzes for one page: its language and its folder (for relative links)."""

    def __init__(
        self,
        lang: str,
        page_dir: str,
        section_titles: dict[str, dict[str, str]],
        home_url: str = "/",
    ):
        self.lang = lang
        # The module's public address in this language: the record of completion prints it.
        self.home_url = home_url
        self.page_dir = page_dir
        self.section_titles = section_titles
        self.words = MESSAGES[lang]

    # --- text -------------------------------------------------------------------------------

    def rich(self, parent: etree.Element, text: Bilingual, *, inline: bool = False) -> None:
        """Append sanitised author Markdown to `parent` (unwrapped from <p> when inline)."""
        fragment = self.fragment(text.get(self.lang))
        if inline and len(fragment) == 1 and fragment[0].tag == "p" and not fragment.text:
            fragment = fragment[0]
        if fragment.text:
            if len(parent):
                parent[-1].tail = AtomicString((parent[-1].tail or "") + fragment.text)
            else:
                parent.text = AtomicString((parent.text or "") + fragment.text)
        parent.extend(list(fragment))

    def fragment(self, source: str) -> etree.Element:
        """Author Markdown as a <div> of sanitised, atomic elements."""
        if not MARKUP.search(source):
            fragment = etree.Element("div")
            # Most texts are one plain paragraph: Markdown and nh3 would only wrap it in <p>,
            # at a quarter of the quiz build time (tests prove both paths give the same tree).
            etree.SubElement(fragment, "p").text = AtomicString(source)
            return fragment
        return self.markdown_fragment(source)

    def markdown_fragment(self, source: str) -> etree.Element:
        """`fragment` the long way: Markdown, then nh3 (the sanitiser is the last word)."""
        html = sanitised_html(source)
        fragment = etree.fromstring(f"<div>{html.replace('&nbsp;', '&#160;')}</div>")
        for link in fragment.iter("a"):
            if "href" not in link.attrib:
                # Validation refuses such links; should one get here, a link without a target
                # is text (MkDocs asserts that every <a> has an href).
                link.tag = "span"
        _make_atomic(fragment)
        return fragment

    def plain(self, parent: etree.Element, tag: str, text: str, **attrs: str) -> etree.Element:
        element = etree.SubElement(parent, tag, attrs)
        element.text = AtomicString(text)
        return element

    def link(self, page: str, anchor: str) -> str:
        return posixpath.relpath(page, self.page_dir or ".") + f"#{anchor}"

    # --- quiz -------------------------------------------------------------------------------

    def render(self, quiz: Quiz) -> etree.Element:
        base = element_id(quiz.id)
        section = etree.Element(
            "section",
            {
                "class": "quiz",
                "id": base,
                "data-quiz": quiz.id,
                "aria-labelledby": f"{base}__title",
            },
        )
        self.plain(
            section,
            "h2",
            quiz.title.get(self.lang),
            id=f"{base}__title",
            **{"class": "quiz__title"},
        )
        if quiz.intro:
            intro = etree.SubElement(section, "div", {"class": "quiz__intro"})
            self.rich(intro, quiz.intro)
        for item in quiz.items:
            if isinstance(item, Question):
                self.question(section, quiz.id, item)
            else:
                self.dialogue(section, quiz.id, item)
        score = etree.SubElement(
            section, "p", {"class": "quiz__score", "role": "status", "aria-live": "polite"}
        )
        score.text = AtomicString("")
        data = etree.SubElement(
            section, "script", {"type": "application/json", "class": "quiz__data"}
        )
        data.text = AtomicString(script_json(self.client_data(quiz)))
        return section

    def client_data(self, quiz: Quiz) -> dict:
        """What quiz.js needs beyond the HTML: the answer key, the dialogue graph, the words."""
        items = []
        for item in quiz.items:
            if isinstance(item, Question):
                correct = [option.id for option in item.options if option.correct]
                items.append({"id": item.id, "kind": "question", "correct": correct})
            else:
                graph = {step.id: {c.id: c.next for c in step.choices} for step in item.steps}
                endings = {ending.id: ending.outcome for ending in item.endings}
                items.append(
                    {
                        "id": item.id,
                        "kind": "dialogue",
                        "start": item.first_step,
                        "steps": graph,
                        "endings": endings,
                    }
                )
        return {"id": quiz.id, "items": items, "words": self.words}

    def question(self, section: etree.Element, quiz_id: str, item: Question) -> None:
        item_id = element_id(quiz_id, item.id)
        form = etree.SubElement(
            section,
            "form",
            {"class": "quiz-item quiz-question", "id": item_id, "data-item": item.id},
        )
        scenario = etree.SubElement(form, "div", {"class": "quiz-scenario"})
        self.rich(scenario, item.scenario)
        fieldset = etree.SubElement(form, "fieldset")
        legend = etree.SubElement(fieldset, "legend")
        self.rich(legend, item.question, inline=True)
        hint = "select_single" if item.select == "single" else "select_multiple"
        self.plain(
            fieldset, "p", self.words[hint], **{"class": "quiz-hint", "id": f"{item_id}__hint"}
        )
        kind = "radio" if item.select == "single" else "checkbox"
        for position, option in enumerate(shown_options(quiz_id, item)):
            feedback = self.answer(
                fieldset,
                kind,
                item_id,
                option.id,
                option.text,
                position=position,
                described_by=f"{item_id}__hint",
            )
            verdict = "right" if option.correct else "not_quite"
            self.plain(
                feedback,
                "strong",
                self.words[verdict],
                **{"class": "quiz-verdict", "data-verdict": verdict},
            )
            self.rich(feedback, option.feedback)
        actions = etree.SubElement(form, "div", {"class": "quiz-actions"})
        self.plain(
            actions,
            "button",
            self.words["check"],
            type="submit",
            hidden="hidden",
            **{"class": "md-button md-button--primary quiz-check"},
        )
        self.plain(
            actions,
            "button",
            self.words["retry"],
            type="button",
            hidden="hidden",
            **{"class": "md-button quiz-retry"},
        )
        self.plain(form, "p", "", role="status", **{"class": "quiz-status", "aria-live": "polite"})
        explanation = etree.SubElement(form, "div", {"class": "quiz-explanation", **NOT_INDEXED})
        self.plain(
            explanation, "p", self.words["explanation"], **{"class": "quiz-explanation__title"}
        )
        self.rich(explanation, item.explanation)
        self.related(explanation, item)

    def answer(
        self,
        fieldset: etree.Element,
        kind: str,
        name: str,
        value: str,
        text: Bilingual,
        *,
        position: int,
        described_by: str | None = None,
        own: bool = False,
    ) -> etree.Element:
        """One option or choice: a native input and its label; returns its (empty) feedback box.

        The label starts with the option's letter (A, B, ...) as text, so a facilitator and the
        room can say "option C", and a screen reader announces the same name that is seen.
        `own` (a dialogue reply) adds the "You:" label the chosen reply shows once answered.
        """
        answer_id = f"{name}--{value}"
        wrapper = etree.SubElement(fieldset, "div", {"class": "quiz-option", "data-option": value})
        attributes = {"type": kind, "name": name, "id": answer_id, "value": value}
        if described_by:
            attributes["aria-describedby"] = described_by
        etree.SubElement(wrapper, "input", attributes)
        label = etree.SubElement(wrapper, "label", {"for": answer_id})
        if own:
            you = self.plain(label, "span", f"{self.words['you']}:", **{"class": "quiz-you"})
            you.tail = AtomicString(" ")
        key = self.plain(label, "span", letter(position), **{"class": "quiz-key"})
        key.tail = AtomicString(" ")
        self.rich(label, text, inline=True)
        return etree.SubElement(
            wrapper,
            "div",
            {"class": "quiz-feedback", "id": f"{answer_id}__feedback", **NOT_INDEXED},
        )

    def related(self, parent: etree.Element, item: Question | Dialogue) -> None:
        """Links to the practice, reason and principle sections the item practises, in the page
        language; the practice step first, as it is what the learner does next."""
        entries = [(what, anchor) for what in SECTION_PAGES for anchor in getattr(item, what)]
        if not entries:
            return
        nav = etree.SubElement(parent, "p", {"class": "quiz-related"})
        nav.text = AtomicString(f"{self.words['related']}: ")
        for index, (what, anchor) in enumerate(entries):
            title = self.section_titles.get(what, {}).get(anchor, anchor)
            link = self.plain(nav, "a", title, href=self.link(SECTION_PAGES[what], anchor))
            link.tail = AtomicString("; " if index < len(entries) - 1 else "")

    def lines(self, form: etree.Element, item: Dialogue, step: Step) -> None:
        """What happens and who says what: narration unlabelled (in italics), words labelled."""
        box = etree.SubElement(form, "div", {"class": "quiz-lines"})
        for line in step.said:
            speaker = step.speaker_of(line)
            if speaker is None:
                paragraph = etree.SubElement(box, "p", {"class": "quiz-line quiz-line--narration"})
            else:
                kind = "client" if speaker == "client" else "person"
                paragraph = etree.SubElement(box, "p", {"class": f"quiz-line quiz-line--{kind}"})
                if speaker == "client":
                    name = item.client_name.get(self.lang) if item.client_name else None
                    name = name or self.words["client"]
                else:
                    name = speaker.get(self.lang)
                label = self.plain(paragraph, "span", f"{name}:", **{"class": "quiz-speaker"})
                label.tail = AtomicString(" ")
            self.rich(paragraph, line, inline=True)

    def dialogue(self, section: etree.Element, quiz_id: str, item: Dialogue) -> None:
        item_id = element_id(quiz_id, item.id)
        box = etree.SubElement(
            section,
            "div",
            {"class": "quiz-item quiz-dialogue", "id": item_id, "data-item": item.id},
        )
        scenario = etree.SubElement(box, "div", {"class": "quiz-scenario"})
        self.rich(scenario, item.scenario)
        steps = {step.id: step for step in item.steps}
        ordered = [steps[item.first_step]] + [s for s in item.steps if s.id != item.first_step]
        for step in ordered:
            step_id = f"{item_id}--{step.id}"
            form = etree.SubElement(
                box, "form", {"class": "quiz-step", "id": step_id, "data-step": step.id}
            )
            self.lines(form, item, step)
            fieldset = etree.SubElement(form, "fieldset")
            self.plain(fieldset, "legend", self.words["your_reply"])
            for position, choice in enumerate(shown_choices(quiz_id, item, step)):
                feedback = self.answer(
                    fieldset, "radio", step_id, choice.id, choice.text, position=position, own=True
                )
                said = etree.SubElement(
                    feedback, "div", {"class": "quiz-said", "id": f"{step_id}--{choice.id}__said"}
                )
                self.rich(said, choice.feedback)
                onward = etree.SubElement(feedback, "p", {"class": "quiz-next"})
                # The link is described by the feedback it follows: a screen reader reaching
                # "Continue" hears how the reply landed.
                self.plain(
                    onward,
                    "a",
                    f"{self.words['continue']} →",
                    href=f"#{item_id}--{choice.next}",
                    **{"aria-describedby": said.get("id")},
                )
            actions = etree.SubElement(form, "div", {"class": "quiz-actions"})
            self.plain(
                actions,
                "button",
                self.words["reply"],
                type="submit",
                hidden="hidden",
                **{"class": "md-button md-button--primary quiz-check"},
            )
            self.plain(
                form, "p", "", role="status", **{"class": "quiz-status", "aria-live": "polite"}
            )
        for ending in item.endings:
            end_id = f"{item_id}--{ending.id}"
            # A group named by its outcome and title: focus on it (quiz.js) announces the end.
            end = etree.SubElement(
                box,
                "div",
                {
                    "class": "quiz-ending",
                    "id": end_id,
                    "data-ending": ending.id,
                    "data-outcome": ending.outcome,
                    "tabindex": "-1",
                    "role": "group",
                    "aria-labelledby": f"{end_id}__outcome {end_id}__title",
                },
            )
            self.plain(
                end,
                "p",
                f"{self.words['ending']} · {self.words['outcome_' + ending.outcome]}",
                **{"class": "quiz-outcome", "id": f"{end_id}__outcome"},
            )
            self.plain(
                end,
                "p",
                ending.title.get(self.lang),
                **{"class": "quiz-ending__title", "id": f"{end_id}__title"},
            )
            debrief = etree.SubElement(end, "div", {"class": "quiz-debrief", **NOT_INDEXED})
            self.rich(debrief, ending.debrief)
            self.related(end, item)
        actions = etree.SubElement(box, "div", {"class": "quiz-actions"})
        self.plain(
            actions,
            "button",
            self.words["restart"],
            type="button",
            hidden="hidden",
            **{"class": "md-button quiz-restart"},
        )


def element_id(quiz_id: str, *parts: str) -> str:
    """The HTML id of a quiz (`quiz-<quiz>`) or of a part of it (`quiz-<quiz>--<item>--<option>`).

    Ids never contain "--" or "_" (quiz_schema.Id), so "--" between the parts and "__" before a
    role (`__hint`, `__feedback`, `__title`) make every element id unambiguous: item `consent` +
    option `form-signed` and item `consent-form` + option `signed` can no longer meet.
    """
    return "--".join((f"quiz-{quiz_id}", *parts))


def _make_atomic(element: etree.Element) -> None:
    for node in element.iter():
        if node.text:
            node.text = AtomicString(node.text)
        if node.tail:
            node.tail = AtomicString(node.tail)


def script_json(data: dict) -> str:
    """JSON safe inside a <script> element: <, > and & never appear literally."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
