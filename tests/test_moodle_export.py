"""`scripts/build.py export --format moodle-xml`: a question bank file that Moodle's importer takes.

The XML is read back and held against what Moodle's own reader and checks demand
(question/format/xml/format.php, question_bank::fraction_options_full(), the multichoice
question type's sum check, the multilang filter's pattern), with counts taken from the quiz
catalogue, never written here.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from pathlib import Path

import pytest
from etika.publish.moodle import MOODLE_FRACTIONS, fractions, is_moodle_fraction
from etika.publish.moodle_multilang import bilingual_html, plain_text
from etika.quiz.catalogue import load_catalogue
from etika.quiz.render import QuizRenderer
from etika.quiz.schema import Dialogue, Question, Quiz
from publish_support import ROOT, copy_project, run_cli

CATALOGUE = load_catalogue(ROOT / "quizzes", ROOT / "docs")
# Moodle's filter_multilang: adjacent spans, each up to the first </span> (filter.php).
MULTILANG = re.compile(
    r'(<span(\s+lang="[a-zA-Z0-9_-]+"|\s+class="multilang"){2}\s*>.*?</span>)'
    r'(\s*<span(\s+lang="[a-zA-Z0-9_-]+"|\s+class="multilang"){2}\s*>.*?</span>)+',
    re.S | re.I,
)
ONE_SPAN = re.compile(
    r'<span(?:\s+lang="([a-zA-Z0-9_-]+)"|\s+class="multilang"){2}\s*>(.*?)</span>', re.S
)
HTML_FIELDS = (
    "questiontext",
    "generalfeedback",
    "correctfeedback",
    "partiallycorrectfeedback",
    "incorrectfeedback",
    "info",
)


def moodle_filter(html: str, lang: str) -> str:
    """What a learner with `lang` sees once Moodle's multilang filter has run."""

    def keep(match: re.Match) -> str:
        spans = dict((m[1], m[2]) for m in ONE_SPAN.finditer(match[0]))
        return spans.get(lang, "")

    return MULTILANG.sub(keep, html)


def words(html: str) -> str:
    """The words a reader sees, a space where a block or a line ends."""
    spaced = re.sub(r"(</(?:p|li)>)", r" \1", html).replace("<br>", " ")
    return plain_text(etree.fromstring(f"<div>{spaced}</div>"))


def engine_words(text, lang: str) -> str:
    return plain_text(QuizRenderer(lang, "", {}).fragment(text.get(lang)))


@pytest.fixture(scope="module")
def export(tmp_path_factory) -> tuple[Path, str]:
    output = tmp_path_factory.mktemp("moodle") / "bank.xml"
    result = run_cli(ROOT, "export", "--format", "moodle-xml", "--output", str(output))
    assert result.returncode == 0, result.stderr
    return output, result.stdout


@pytest.fixture(scope="module")
def bank(export) -> etree.Element:
    return etree.parse(export[0]).getroot()


def multichoice(bank: etree.Element) -> list[etree.Element]:
    return bank.findall("question[@type='multichoice']")


def questions_of_catalogue() -> list[tuple[Quiz, Question]]:
    return [
        (quiz, item)
        for quiz in CATALOGUE.quizzes.values()
        for item in quiz.items
        if isinstance(item, Question)
    ]


def by_idnumber(bank: etree.Element) -> dict[str, etree.Element]:
    return {q.findtext("idnumber"): q for q in multichoice(bank)}


# --- the file as Moodle reads it ----------------------------------------------------------


def test_the_file_starts_with_the_xml_declaration_and_holds_only_categories_and_multichoice(
    export, bank
):
    assert (
        export[0].read_text(encoding="utf-8").startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    )
    assert bank.tag == "quiz"
    assert {q.get("type") for q in bank.findall("question")} == {"category", "multichoice"}


def test_every_quiz_with_questions_is_one_category_under_the_module(bank):
    with_questions = [
        q for q in CATALOGUE.quizzes.values() if any(isinstance(i, Question) for i in q.items)
    ]
    paths = [c.findtext("category/text") for c in bank.findall("question[@type='category']")]
    assert len(paths) == len(with_questions)
    for path in paths:
        assert path.startswith("$course$/top/Ētiska intervēšana · Ethical interviewing/")
    names = {path.split("/", 3)[3] for path in paths}
    assert names == {f"{q.title.lv} · {q.title.en}".replace("/", "//") for q in with_questions}
    # In the order of the Scenarios page's index, each named by its quiz id.
    assert [c.findtext("idnumber") for c in bank.findall("question[@type='category']")] == [
        quiz.id for quiz in CATALOGUE.in_page_order() if quiz in with_questions
    ]


def test_each_question_follows_its_category_and_carries_quiz_and_question_id(bank):
    current = None
    for element in bank.findall("question"):
        if element.get("type") == "category":
            current = element.findtext("idnumber")
        else:
            assert element.findtext("idnumber").split("/")[0] == current


def test_every_scenario_question_is_exported_once_as_single_or_multiple(bank):
    exported = by_idnumber(bank)
    expected = {f"{quiz.id}/{item.id}": item for quiz, item in questions_of_catalogue()}
    assert len(multichoice(bank)) == len(exported) == len(expected)
    assert set(exported) == set(expected)
    for key, item in expected.items():
        question = exported[key]
        assert question.findtext("single") == ("true" if item.select == "single" else "false")
        assert question.findtext("shuffleanswers") == ("true" if item.shuffle else "false")
        assert question.find("questiontext").get("format") == "html"
        assert len(question.findall("answer")) == len(item.options)


def test_html_texts_are_in_cdata_sections(export):
    raw = export[0].read_text(encoding="utf-8")
    texts = re.findall(
        r"<(questiontext|generalfeedback|answer|feedback|info|correctfeedback|"
        r"partiallycorrectfeedback|incorrectfeedback)\b[^>]*>\s*<text>(.*?)</text>",
        raw,
        re.S,
    )
    assert len(texts) > 8 * len(questions_of_catalogue())
    for field, text in texts:
        assert text.startswith("<![CDATA[") and text.endswith("]]>"), (field, text[:80])


# --- grades Moodle accepts -----------------------------------------------------------------


def answer_fractions(question: etree.Element) -> list[float]:
    return [float(a.get("fraction")) for a in question.findall("answer")]


def test_every_fraction_is_one_moodle_lists(bank):
    for question in multichoice(bank):
        for fraction in answer_fractions(question):
            assert is_moodle_fraction(fraction), (question.findtext("idnumber"), fraction)


def test_a_single_answer_question_has_one_full_mark_and_no_other_credit(bank):
    for question in multichoice(bank):
        if question.findtext("single") == "true":
            assert sorted(answer_fractions(question))[-1] == 100
            assert sorted(answer_fractions(question))[:-1] == [0] * (
                len(question.findall("answer")) - 1
            )


def test_a_multiple_answer_questions_right_options_add_up_to_100_and_ticking_all_scores_0(bank):
    multiple = [q for q in multichoice(bank) if q.findtext("single") == "false"]
    assert multiple
    for question in multiple:
        values = answer_fractions(question)
        # qtype_multichoice::save_question_options(): round(sum of positives, 2) must be 1.
        assert round(sum(v for v in values if v > 0) / 100, 2) == 1
        assert abs(sum(values)) < 0.001
        assert all(v < 0 for v in values if v <= 0) or all(v > 0 for v in values)


def test_the_right_options_of_the_file_get_the_credit(bank):
    exported = by_idnumber(bank)
    for quiz, item in questions_of_catalogue():
        question = exported[f"{quiz.id}/{item.id}"]
        credited = [
            words(moodle_filter(a.findtext("text"), "en"))
            for a in question.findall("answer")
            if float(a.get("fraction")) > 0
        ]
        assert sorted(credited) == sorted(
            engine_words(o.text, "en") for o in item.options if o.correct
        )


@pytest.mark.parametrize(
    ("right", "wrong"), [(r, w) for r in range(1, 7) for w in range(0, 7 - r) if r + w >= 2]
)
def test_any_split_the_schema_allows_gives_moodle_fractions(right, wrong):
    quiz_item = {
        "kind": "question",
        "id": "q",
        "scenario": {"lv": "Gadījums.", "en": "A case."},
        "question": {"lv": "Ko darāt?", "en": "What do you do?"},
        "select": "multiple",
        "explanation": {"lv": "Skaidrojums.", "en": "Why."},
        "options": [
            {
                "id": f"o{n}",
                "text": {"lv": f"Atbilde {n}.", "en": f"Answer {n}."},
                "correct": n < right,
                "feedback": {"lv": "Tāpēc.", "en": "Because."},
            }
            for n in range(right + wrong)
        ],
    }
    shares = [float(v) for v in fractions(Question.model_validate(quiz_item)).values()]
    assert all(is_moodle_fraction(v) for v in shares)
    assert round(sum(v for v in shares if v > 0) / 100, 2) == 1
    assert abs(sum(shares)) < 0.001 or wrong == 0


def test_three_right_answers_share_100_as_33_33333():
    assert is_moodle_fraction(33.33333) and is_moodle_fraction(-33.33333)
    assert not is_moodle_fraction(33.3) and not is_moodle_fraction(45)
    assert len(MOODLE_FRACTIONS) == 20


# --- both languages, every text ------------------------------------------------------------


def html_texts(question: etree.Element) -> list[str]:
    texts = [
        question.findtext(f"{name}/text") for name in HTML_FIELDS if question.find(name) is not None
    ]
    for answer in question.findall("answer"):
        texts += [answer.findtext("text"), answer.findtext("feedback/text")]
    return texts


def test_every_text_shows_only_its_language_through_moodles_multilang_filter(bank):
    for question in bank.findall("question"):
        for html in html_texts(question):
            groups = [match[0] for match in MULTILANG.finditer(html)]
            assert groups, html[:120]
            for found in groups:
                assert [lang for lang, _ in ONE_SPAN.findall(found)] == ["lv", "en"]
            # no word stands outside a group, where both languages would see it
            assert words(MULTILANG.sub("", html)) == "", html[:120]
            for lang in ("lv", "en"):
                assert words(moodle_filter(html, lang))
                assert 'class="multilang"' not in moodle_filter(html, lang)


def test_question_text_is_the_case_then_the_question_in_each_language(bank):
    exported = by_idnumber(bank)
    for quiz, item in questions_of_catalogue():
        html = exported[f"{quiz.id}/{item.id}"].findtext("questiontext/text")
        for lang in ("lv", "en"):
            expected = f"{engine_words(item.scenario, lang)} {engine_words(item.question, lang)}"
            assert words(moodle_filter(html, lang)) == expected


def test_each_option_keeps_its_own_feedback_and_the_explanation_is_general_feedback(bank):
    exported = by_idnumber(bank)
    for quiz, item in questions_of_catalogue():
        question = exported[f"{quiz.id}/{item.id}"]
        feedback = {
            words(moodle_filter(a.findtext("text"), "lv")): words(
                moodle_filter(a.findtext("feedback/text"), "lv")
            )
            for a in question.findall("answer")
        }
        assert feedback == {
            engine_words(o.text, "lv"): engine_words(o.feedback, "lv") for o in item.options
        }
        general = words(moodle_filter(question.findtext("generalfeedback/text"), "en"))
        assert general.startswith(engine_words(item.explanation, "en"))


def test_no_multilang_span_holds_a_block_that_moodles_cleaning_would_flatten(bank):
    for question in bank.findall("question"):
        for html in html_texts(question):
            for _lang, content in ONE_SPAN.findall(html):
                assert not re.search(r"<(p|ul|ol|li|div)\b", content), content[:120]


def test_texts_with_different_blocks_per_language_are_flattened_into_line_breaks():
    lv = QuizRenderer("lv", "", {}).fragment("Pirmā rindkopa.\n\nOtrā rindkopa.")
    en = QuizRenderer("en", "", {}).fragment("One paragraph only.")
    html = bilingual_html({"lv": lv, "en": en})
    assert html == (
        '<p><span lang="lv" class="multilang">Pirmā rindkopa.<br><br>Otrā rindkopa.</span>'
        '<span lang="en" class="multilang">One paragraph only.</span></p>'
    )


def test_lists_of_the_same_length_stay_lists_with_a_pair_per_item():
    lv = QuizRenderer("lv", "", {}).fragment("- viens\n- *divi*")
    en = QuizRenderer("en", "", {}).fragment("- one\n- *two*")
    assert bilingual_html({"lv": lv, "en": en}) == (
        '<ul><li><span lang="lv" class="multilang">viens</span><span lang="en" class="multilang">'
        'one</span></li><li><span lang="lv" class="multilang"><em>divi</em></span>'
        '<span lang="en" class="multilang"><em>two</em></span></li></ul>'
    )


def test_related_sections_link_to_the_public_site_in_each_language(bank):
    exported = by_idnumber(bank)
    quiz, item = next((q, i) for q, i in questions_of_catalogue() if i.principles)
    html = exported[f"{quiz.id}/{item.id}"].findtext("generalfeedback/text")
    anchor = item.principles[0]
    assert f'href="https://etiska-intervesana.example/principles/#{anchor}"' in moodle_filter(
        html, "lv"
    )
    assert f'href="https://etiska-intervesana.example/en/principles/#{anchor}"' in moodle_filter(
        html, "en"
    )


# --- ids, dialogues, the command ------------------------------------------------------------


def test_question_ids_are_unique_and_the_same_in_a_second_export(export, bank, tmp_path):
    ids = [q.findtext("idnumber") for q in multichoice(bank)]
    assert len(set(ids)) == len(ids)
    again = tmp_path / "again.xml"
    result = run_cli(ROOT, "export", "--format", "moodle-xml", "--output", str(again))
    assert result.returncode == 0, result.stderr
    assert again.read_bytes() == export[0].read_bytes()


def test_dialogues_are_left_out_and_named_in_the_summary_line(export, bank):
    output, stdout = export
    dialogues = [
        f"{quiz.id}/{item.id}"
        for quiz in CATALOGUE.quizzes.values()
        for item in quiz.items
        if isinstance(item, Dialogue)
    ]
    assert dialogues
    categories = len(bank.findall("question[@type='category']"))
    assert stdout.strip().startswith(
        f"moodle-xml: {categories} categories, {len(multichoice(bank))} questions written to {output};"
        f" {len(dialogues)} dialogues left out (no Moodle question type): "
    )
    assert sorted(stdout.strip().rsplit(": ", 1)[1].split(", ")) == sorted(dialogues)
    assert not set(dialogues) & {q.findtext("idnumber") for q in multichoice(bank)}


def test_without_output_the_bank_goes_to_dist(tmp_path):
    project = copy_project(tmp_path / "project")
    result = run_cli(project, "export", "--format", "moodle-xml")
    assert result.returncode == 0, result.stderr
    written = project / "dist" / "etiska-intervesana-moodle.xml"
    assert f"written to {written}" in result.stdout
    assert etree.parse(written).getroot().tag == "quiz"


def embeds(quiz_id: str) -> list[str]:
    """`path:line:col` of every marker of `quiz_id` in the pages, in the order checks report."""
    places = []
    for page in sorted((ROOT / "docs").rglob("*.md")):
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            if re.fullmatch(rf"///\s*quiz\s*\|\s*{quiz_id}\s*", line):
                places.append(
                    f"docs/{page.relative_to(ROOT / 'docs')}:{number}:{line.index(quiz_id) + 1}"
                )
    return places


def test_a_broken_quiz_is_reported_where_it_stands_and_nothing_is_written(tmp_path):
    project = copy_project(tmp_path / "project")
    quiz = project / "quizzes" / "family-support.yaml"
    lines = quiz.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(n for n, line in enumerate(lines) if line.strip() == "select: single")
    lines[number] = lines[number].replace("single", "singel")
    quiz.write_text("".join(lines), encoding="utf-8")
    output = tmp_path / "bank.xml"
    output.write_text("the previous export", encoding="utf-8")
    result = run_cli(project, "export", "--format", "moodle-xml", "--output", str(output))
    assert result.returncode == 1
    column = lines[number].index("singel") + 1
    assert result.stderr.splitlines() == [
        f"quizzes/family-support.yaml:{number + 1}:{column}: expected 'single' or 'multiple', "
        "found 'singel'",
        # the quiz no longer validates, so its pages embed an unknown quiz: as `validate` says
        *(f"{page}: unknown quiz id 'family-support'" for page in embeds("family-support")),
        f"quiz validation failed: nothing was written to {output}",
    ]
    assert output.read_text(encoding="utf-8") == "the previous export"
    assert result.stdout == ""
