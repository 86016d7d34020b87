"""Quizzes render at build time to semantic, safe HTML in the page's language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from quiz_html import render_page, render_unchecked

FIXTURES = Path(__file__).parent / "fixtures" / "quizzes"


@pytest.mark.parametrize(
    ("lang", "title"), [("lv", "Minimāls piemērs"), ("en", "A minimal example")]
)
def test_a_quiz_renders_in_the_page_language(lang, title):
    html = render_page("minimal", FIXTURES / "valid", lang)
    assert f'id="quiz-minimal__title">{title}</h2>' in html


def test_options_are_native_inputs_with_labels_in_a_fieldset():
    html = render_page("minimal", FIXTURES / "valid", "en")
    assert re.search(r"<fieldset>\s*<legend>What do you do\?</legend>", html)
    for option in ("a", "b"):
        assert (
            f'<input aria-describedby="quiz-minimal--q1__hint" id="quiz-minimal--q1--{option}"'
            in html
        )
        assert f'<label for="quiz-minimal--q1--{option}">' in html
    assert 'type="radio"' in html


def test_every_option_carries_its_feedback_in_words():
    html = render_page("minimal", FIXTURES / "valid", "lv")
    assert '<strong class="quiz-verdict" data-verdict="right">Piemērota atbilde.</strong>' in html
    assert '<strong class="quiz-verdict" data-verdict="not_quite">Ne gluži.</strong>' in html


def test_explanations_link_the_sections_the_item_practises():
    # Outside MkDocs the links stay as Markdown sources; MkDocs rewrites and checks them.
    html = render_page("minimal", FIXTURES / "valid", "en")
    assert '<a href="reasons.md#family-support">' in html
    assert '<a href="principles.md#confidentiality">' in html


def test_dialogue_choices_link_to_the_step_or_ending_they_lead_to():
    html = render_page("minimal", FIXTURES / "valid", "en")
    assert (
        '<a aria-describedby="quiz-minimal--d1--s1--listen__said" '
        'href="#quiz-minimal--d1--good">Continue →</a>'
    ) in html
    assert 'id="quiz-minimal--d1--good"' in html


def embedded_json(html: str) -> str:
    return re.search(
        r'<script class="quiz__data" type="application/json">(.*?)</script>', html, re.S
    )[1]


def test_hostile_text_loses_its_scripts_handlers_and_dangerous_links():
    html = render_unchecked(FIXTURES / "hostile" / "hostile.yaml", "en")
    without_data = html.replace(embedded_json(html), "")
    for banned in (
        "<script>window",
        "onerror",
        "onclick",
        "onload",
        "javascript:",
        "data:text",
        "<iframe",
        "<style",
        "<svg",
        "<img",
    ):
        assert banned not in without_data, banned
    assert '<a href="https://example.org/">link</a>' in html
    assert "&lt;script&gt;window.pwned=6&lt;/script&gt;" in html


def test_embedded_json_escapes_angle_brackets_and_ampersands():
    html = render_unchecked(FIXTURES / "hostile" / "hostile.yaml", "en")
    data = embedded_json(html)
    assert "<" not in data and ">" not in data and "&" not in data
    assert json.loads(data)["id"] == "hostile"


def _author_texts() -> list[str]:
    """Every text of every real quiz, both languages."""
    import yaml

    texts: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            if set(node) == {"lv", "en"} and all(isinstance(v, str) for v in node.values()):
                texts.extend(node.values())
            else:
                for value in node.values():
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted((Path(__file__).parent.parent / "quizzes").glob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return texts


TRICKY = [
    "1990. gadā viņa aizbrauca",  # a Latvian date that Markdown reads as a list
    "- a list",
    "> a quote",
    "# a heading",
    "a *stressed* word",
    "snake_case and 2 < 3 & 4 > 1",
    "a [link](https://example.org)",
    "a line  \nbreak",
    "    code",
    "",
    "Plain sentence with «quotes», “curly” ones and a no-break\u00a0space.",
]


def test_plain_texts_take_a_fast_path_that_renders_exactly_what_markdown_would():
    import xml.etree.ElementTree as etree

    from etika.quiz.render import MARKUP, QuizRenderer

    renderer = QuizRenderer("lv", "", {})
    texts = _author_texts() + TRICKY
    assert len(texts) > 1000
    plain = [t for t in texts if not MARKUP.search(t)]
    assert len(plain) > len(texts) * 0.8  # the fast path is the common one
    for text in texts:
        fast = etree.tostring(renderer.fragment(text), encoding="unicode")
        slow = etree.tostring(renderer.markdown_fragment(text), encoding="unicode")
        assert fast == slow, text
