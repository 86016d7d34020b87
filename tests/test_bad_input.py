"""Hostile or broken quiz input: one exact `path:line:col: message`, never a crash later on."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from etika.quiz.validation import page_problems, validate
from publish_support import run_cli
from quiz_html import render_page, standalone_document

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = (ROOT / "tests/fixtures/quizzes/valid/minimal.yaml").read_text(encoding="utf-8")
OPTION_TEXT = "          lv: Cienu lēmumu un atstāju kontaktus.\n"  # line 21, its value at col 15


def problems(path: Path) -> list[str]:
    report = validate([path], docs_dir=ROOT / "docs", root=path.parent)
    return [str(problem) for problem in report.problems]


def quiz_with(tmp_path: Path, old: str, new: str, name: str = "quiz.yaml") -> Path:
    assert old in MINIMAL
    path = tmp_path / name
    path.write_text(MINIMAL.replace(old, new, 1), encoding="utf-8")
    return path


def option_text(tmp_path: Path, text: str) -> Path:
    return quiz_with(tmp_path, OPTION_TEXT, f"          lv: {json.dumps(text)}\n")


# --- texts the sanitiser would empty or the renderer would choke on -------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[x](javascript:alert(1))", "links may use http, https or mailto"),
        ("[x](JaVaScRiPt:alert(1))", "links may use http, https or mailto"),
        ("[x](java&#115;cript:alert(1))", "links may use http, https or mailto"),
        ("[x]( javascript:alert(1))", "links may use http, https or mailto"),
        ("[x](data:text/html,<b>hi</b>)", "links may use http, https or mailto"),
        ("[x](vbscript:msgbox)", "links may use http, https or mailto"),
        ("[x](%6Aavascript:alert)", "links may use http, https or mailto"),
        ("[x](../reasons.md)", "links may use http, https or mailto"),
        (
            "<a>text</a>",
            "HTML is not allowed in a text; use Markdown: *emphasis*, **strong**, [text](https://…)",
        ),
        ("![i](https://example.org/i.png)", "an image ('![...](...)') is not allowed in a text"),
        ("# A heading", "a heading ('#') is not allowed in a text"),
        (
            "one\n\ntwo",
            "this text is shown as one line of a form: one paragraph, no lists or blank lines",
        ),
        (
            "- a\n- b",
            "this text is shown as one line of a form: one paragraph, no lists or blank lines",
        ),
        ("a\x1bb", "character U+001B is not allowed in a text (a control character)"),
        ("a\x0cb", "character U+000C is not allowed in a text (a control character)"),
        ("a\x07b", "character U+0007 is not allowed in a text (a control character)"),
        ("a\u202eb", "character U+202E is not allowed in a text (a control character)"),
        ("\u200b\u200b", "text has no visible characters"),
        ("x" * 4001, "text is 4001 characters long; the limit is 4000"),
        ("[" * 21, "text has 21 '['; at most 20 (a few links) are allowed"),
    ],
)
def test_a_text_the_renderer_would_drop_is_refused_where_it_stands(tmp_path, text, message):
    assert problems(option_text(tmp_path, text)) == [f"quiz.yaml:21:15: {message}"]


def test_a_nul_byte_is_refused_by_the_yaml_reader(tmp_path):
    path = tmp_path / "quiz.yaml"
    path.write_text(MINIMAL.replace("Cienu lēmumu", "Cienu\x00lēmumu", 1), encoding="utf-8")
    assert problems(path) == ["quiz.yaml:21:20: character U+0000 is not allowed in YAML"]


@pytest.mark.parametrize(("spelling", "col"), [("~", 15), ("null", 15), ("Null", 15), ("", 14)])
def test_a_null_text_is_nothing_not_the_word(tmp_path, spelling, col):
    path = quiz_with(tmp_path, OPTION_TEXT, f"          lv: {spelling}\n")
    assert problems(path) == [f"quiz.yaml:21:{col}: expected text, found nothing"]


def test_the_hostile_fixture_is_refused_before_any_build():
    found = problems(ROOT / "tests/fixtures/quizzes/hostile/hostile.yaml")
    assert found and all(re.match(r"hostile\.yaml:\d+:\d+: ", line) for line in found)
    assert any("HTML is not allowed" in line for line in found)


# --- element ids: unambiguous by construction ------------------------------------------------

COLLIDING = """\
id: ids
title: {lv: Id, en: Ids}
items:
  - kind: question
    id: consent
    scenario: {lv: Gadījums., en: A case.}
    question: {lv: Ko darīt?, en: What to do?}
    select: single
    options:
      - {id: form-signed, text: {lv: Pirmā., en: First.}, correct: true, feedback: {lv: Jā., en: Yes.}}
      - {id: ask, text: {lv: Otrā., en: Second.}, feedback: {lv: Nē., en: No.}}
    explanation: {lv: Tā., en: So.}
  - kind: question
    id: consent-form
    scenario: {lv: Gadījums., en: A case.}
    question: {lv: Ko darīt?, en: What to do?}
    select: single
    options:
      - {id: signed, text: {lv: Trešā., en: Third.}, correct: true, feedback: {lv: Jā., en: Yes.}}
      - {id: ask, text: {lv: Ceturtā., en: Fourth.}, feedback: {lv: Nē., en: No.}}
    explanation: {lv: Tā., en: So.}
"""


def test_ids_that_once_met_now_give_distinct_element_ids(tmp_path):
    (tmp_path / "ids.yaml").write_text(COLLIDING, encoding="utf-8")
    html = render_page("ids", tmp_path, "en")
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert 'id="quiz-ids--consent--form-signed"' in html
    assert 'id="quiz-ids--consent-form--signed"' in html
    assert 'for="quiz-ids--consent-form--signed"' in html


# --- the pages that embed quizzes ------------------------------------------------------------


def _site(tmp_path: Path, pages: dict[str, str]) -> tuple[Path, list[str]]:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in pages.items():
        (docs / name).write_text(text, encoding="utf-8")
    quizzes = tmp_path / "quizzes"
    quizzes.mkdir()
    (quizzes / "minimal.yaml").write_text(MINIMAL, encoding="utf-8")
    report = validate([quizzes], docs_dir=ROOT / "docs", root=tmp_path)
    assert report.problems == []
    return docs, [str(p) for p in page_problems(report, docs, root=tmp_path)]


def test_page_problems_name_the_place_of_every_marker_markdown_would_not_see(tmp_path):
    lv = (
        "# Lapa\n\n"
        "    /// quiz | minimal\n\n"
        "- saraksts\n/// quiz | minimal\n\n"
        "/// quiz | minimal un vēl\n\n"
        "Skat. /// quiz | minimal\n\n"
        "/// quiz | minimal\n\n"
        "/// quiz | minimal\n"
    )
    en = "# Page\n\n/// quiz | minimal\n"
    _, found = _site(tmp_path, {"page.md": lv, "page.en.md": en})
    assert found == [
        "docs/page.md:3:5: a quiz marker must start at column 1 (not indented, not inside a list)",
        "docs/page.md:6:1: a quiz marker needs a blank line before it (it is glued to the text "
        "above)",
        "docs/page.md:8:1: a quiz marker is `/// quiz | <id>` with nothing after the id",
        "docs/page.md:10:7: a quiz marker must stand on a line of its own",
        "docs/page.md:12:12: quiz 'minimal' is embedded twice on this page (first at line 6)",
        "docs/page.md:14:12: quiz 'minimal' is embedded twice on this page (first at line 6)",
    ]


def test_a_quiz_in_one_language_only_and_an_anchor_missing_in_english_are_named(tmp_path):
    lv = "# Lapa {#top}\n\n## Sadaļa {#part}\n\n/// quiz | minimal\n"
    en = "# Page {#top}\n\n## Part\n"
    _, found = _site(tmp_path, {"page.md": lv, "page.en.md": en})
    assert found == [
        "docs/page.md:5:12: quiz 'minimal' is embedded here but not in docs/page.en.md",
        "docs/page.md:3:11: anchor '#part' is missing in docs/page.en.md",
    ]


def test_a_quiz_no_page_embeds_is_named_at_its_id(tmp_path):
    _, found = _site(tmp_path, {"page.md": "# Lapa\n", "page.en.md": "# Page\n"})
    assert found == [
        "quizzes/minimal.yaml:2:5: quiz 'minimal' is not embedded in any page; put "
        "`/// quiz | minimal` on a page, in both languages"
    ]


# --- nesting, size, files and what messages echo ---------------------------------------------


def test_deep_nesting_is_refused_with_its_place_before_anything_is_built(tmp_path):
    flow = tmp_path / "flow.yaml"
    flow.write_text("id: x\nitems: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    block = tmp_path / "block.yaml"
    block.write_text(
        "id: x\nitems:\n" + "".join(" " * (2 * i) + "- a:\n" for i in range(1, 600)),
        encoding="utf-8",
    )
    message = "nested more than 10 levels deep; a quiz needs fewer (check the indentation and the brackets)"
    assert problems(flow) == [f"flow.yaml:2:18: {message}"]
    assert problems(block) == [f"block.yaml:11:21: {message}"]


def test_files_that_look_like_quizzes_but_cannot_be_read_are_named(tmp_path):
    folder = tmp_path / "project" / "quizzes"
    folder.mkdir(parents=True)
    (folder / "Quiz.YAML").write_text(MINIMAL, encoding="utf-8")
    (folder / "gone.yaml").symlink_to(folder / "missing.yaml")
    secret = tmp_path / "secret.yaml"
    secret.write_text("password: hunter2\n", encoding="utf-8")
    (folder / "outside.yaml").symlink_to(secret)
    report = validate([folder], docs_dir=ROOT / "docs", root=folder.parent)
    found = [str(p) for p in report.problems]
    assert found == [
        "quizzes/Quiz.YAML:1:1: quiz files end in .yaml (lower case); rename this .YAML file",
        "quizzes/gone.yaml:1:1: a link to a file that does not exist",
        "quizzes/outside.yaml:1:1: a link to a file outside the project; copy the quiz into "
        "this folder",
    ]
    assert "hunter2" not in "\n".join(found)


def test_a_bad_value_is_quoted_escaped_and_cut_short(tmp_path):
    path = quiz_with(tmp_path, "id: minimal\n", 'id: "\\e[31mred\\u202e"\n')
    assert problems(path) == [
        "quiz.yaml:2:5: '\\x1b[31mred\\u202e' is not a valid id: use lowercase letters, digits "
        "and hyphens"
    ]
    path = quiz_with(tmp_path, "select: single", "select: " + "s" * 100, name="long.yaml")
    (line,) = problems(path)
    assert line == "long.yaml:17:13: expected 'single' or 'multiple', found '" + "s" * 60 + "'…"


def test_the_cli_never_shows_a_traceback_for_hostile_input(tmp_path):
    path = option_text(tmp_path, "[x](javascript:alert(1))")
    result = run_cli(ROOT, "validate", str(path))
    assert result.returncode == 1
    shown = os.path.relpath(path, ROOT)
    assert result.stdout.splitlines() == [f"{shown}:21:15: links may use http, https or mailto"]
    assert "Traceback" not in result.stderr


# --- in the browser ----------------------------------------------------------------------------


@pytest.mark.browser
def test_a_click_on_an_option_of_the_second_question_answers_the_second(browser, tmp_path):
    (tmp_path / "ids.yaml").write_text(COLLIDING, encoding="utf-8")
    page = browser.new_page()
    page.set_content(standalone_document(render_page("ids", tmp_path, "en"), "en"))
    page.get_by_text("Third.").click()
    assert page.locator("#quiz-ids--consent-form--signed").is_checked()
    assert not page.locator("#quiz-ids--consent--form-signed").is_checked()
    page.close()


def answer_with_stored_progress(page, stored: dict) -> dict:
    """Seed the browser's saved progress, answer one question, and read what is saved then."""
    page.goto("/en/scenarios-situation/")
    page.evaluate("v => localStorage.setItem('etika-progress', JSON.stringify(v))", stored)
    page.reload()
    form = page.locator("#quiz-first-contact--after-the-raid")
    form.locator("input").first.check()
    form.locator(".quiz-check").click()
    assert form.locator(".quiz-status").inner_text() != ""
    return page.evaluate("JSON.parse(localStorage.getItem('etika-progress'))")


@pytest.mark.browser
def test_progress_saved_by_a_newer_version_of_the_site_is_kept_whole(page):
    newer = {"version": 2, "quizzes": {"first-contact": {"shape": "of the future"}}}
    assert answer_with_stored_progress(page, newer) == newer


@pytest.mark.browser
def test_an_entry_this_version_cannot_read_is_stored_back_as_it_was(page):
    odd = {"version": 1, "quizzes": {"some-quiz": {"done": "maybe"}}}
    stored = answer_with_stored_progress(page, odd)
    assert stored["quizzes"]["some-quiz"] == {"done": "maybe"}
    assert "first-contact" in stored["quizzes"]
