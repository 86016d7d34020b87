"""Who speaks in a dialogue step: narration unlabelled, the client and others by name, the
learner's reply as theirs; and a speaker written wrong is one exact `path:line:col: message`."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from pathlib import Path

import pytest
from etika.quiz.validation import validate
from quiz_html import render_page

ROOT = Path(__file__).resolve().parent.parent
QUIZZES = ROOT / "quizzes"
MINIMAL = (ROOT / "tests/fixtures/quizzes/valid/minimal.yaml").read_text(encoding="utf-8")
# The fixture's one step, written with the `client:` shorthand, on lines 46 to 48.
CLIENT = "        client:\n          lv: Man jābrauc mājās.\n          en: I have to go home.\n"
SIMULATIONS = ("raid-dialogue", "follow-up-dialogue")


def with_lines(tmp_path: Path, lines: str) -> Path:
    assert CLIENT in MINIMAL
    path = tmp_path / "quiz.yaml"
    path.write_text(MINIMAL.replace(CLIENT, lines, 1), encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    report = validate([path], docs_dir=ROOT / "docs", root=path.parent)
    return [str(problem) for problem in report.problems]


def step_lines(html: str) -> list[etree.Element]:
    tree = etree.fromstring(f"<div>{html}</div>")
    return tree.findall(".//div[@class='quiz-lines']/p")


def label(line: etree.Element) -> str | None:
    speaker = line.find("span[@class='quiz-speaker']")
    return speaker.text if speaker is not None else None


THREE_VOICES = """\
        lines:
          - lv: Kaspars apsēžas.
            en: Kaspars sits down.
          - speaker: client
            lv: Man jābrauc mājās.
            en: I have to go home.
          - speaker: {lv: Brālis, en: His brother}
            lv: Tu atbrauksi?
            en: Are you coming?
"""


@pytest.mark.parametrize(
    ("lang", "labels"),
    [("lv", [None, "Klients:", "Brālis:"]), ("en", [None, "Client:", "His brother:"])],
)
def test_narration_has_no_label_and_each_speaker_is_named(tmp_path, lang, labels):
    with_lines(tmp_path, THREE_VOICES)
    lines = step_lines(render_page("minimal", tmp_path, lang))
    assert [label(line) for line in lines] == labels
    assert "quiz-line--narration" in lines[0].get("class")
    assert "".join(lines[0].itertext()) == (
        "Kaspars apsēžas." if lang == "lv" else "Kaspars sits down."
    )


def test_the_client_is_labelled_with_the_dialogue_s_client_name(tmp_path):
    path = with_lines(tmp_path, THREE_VOICES)
    text = path.read_text(encoding="utf-8").replace(
        "    steps:\n", "    client_name: {lv: Kaspars, en: Kaspars}\n    steps:\n", 1
    )
    path.write_text(text, encoding="utf-8")
    lines = step_lines(render_page("minimal", tmp_path, "lv"))
    assert [label(line) for line in lines] == [None, "Kaspars:", "Brālis:"]


def test_the_client_shorthand_is_one_line_of_the_client_s():
    lines = step_lines(render_page("minimal", ROOT / "tests/fixtures/quizzes/valid", "en"))
    assert [label(line) for line in lines] == ["Client:"]
    assert "".join(lines[0].itertext()) == "Client: I have to go home."


@pytest.mark.parametrize("lang", ["lv", "en"])
@pytest.mark.parametrize("quiz_id", SIMULATIONS)
def test_the_simulations_never_label_narration_or_others_as_the_client(quiz_id, lang):
    lines = step_lines(render_page(quiz_id, QUIZZES, lang))
    labels = {label(line) for line in lines}
    client = {"raid-dialogue": "Mika:", "follow-up-dialogue": "Kaspars:"}[quiz_id]
    assert "Klients:" not in labels and "Client:" not in labels
    assert None in labels and client in labels  # narration, and the client by name
    for line in lines:
        words = "".join(line.itertext())
        if label(line) is None:
            # Narration says what happens; nobody's words are quoted inside it.
            assert not re.search(r"[«»\"“”]", words), words
        else:
            assert not words.split(":", 1)[1].strip().startswith(("«", '"', "“")), words


def test_each_reply_carries_the_you_label_and_continue_is_described_by_its_feedback():
    html = render_page("minimal", ROOT / "tests/fixtures/quizzes/valid", "lv")
    tree = etree.fromstring(f"<div>{html}</div>")
    step = tree.find(".//form[@class='quiz-step']")
    for option in step.iter("div"):
        if option.get("class") != "quiz-option":
            continue
        assert option.find("label/span[@class='quiz-you']").text == "Jūs:"
        link = option.find(".//p[@class='quiz-next']/a")
        said = tree.find(f".//*[@id='{link.get('aria-describedby')}']")
        assert "".join(said.itertext()).strip() in {"Jūs ieklausāties.", "Tas ir spiediens."}


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (
            "        lines:\n          - speaker: klients\n            lv: A.\n            en: B.\n",
            "47:22: unknown speaker 'klients'; use 'client', a name in both languages "
            "({lv: ..., en: ...}), or no speaker for narration",
        ),
        (
            "        lines:\n          - speaker: {lv: Policists}\n            lv: A.\n"
            "            en: B.\n",
            "47:13: missing key 'en' (every text needs both lv and en)",
        ),
        (
            "        lines:\n          - speaker: {lv: " + "Ļoti " * 9 + "gars, en: Long}\n"
            "            lv: A.\n            en: B.\n",
            "47:27: at most 40 characters, found 49",
        ),
        ("        lines: []\n", "46:16: needs at least 1 entries, found 0"),
        ("", "45:13: a step needs 'lines' (what happens and who says what)"),
        (
            CLIENT + "        lines:\n          - lv: A.\n            en: B.\n",
            "47:11: give 'lines' or 'client', not both",
        ),
    ],
    ids=["unknown-word", "name-in-one-language", "name-too-long", "no-lines", "neither", "both"],
)
def test_a_bad_speaker_or_step_text_is_reported_where_it_stands(tmp_path, lines, message):
    path = with_lines(tmp_path, lines)
    found = problems(path)
    assert found[0] == f"quiz.yaml:{message}", found
