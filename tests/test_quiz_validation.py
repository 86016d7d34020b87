"""Every validation rule gives one exact `path:line:col: message`, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from etika.quiz.source import MAX_BYTES
from etika.quiz.validation import check_embeds, validate

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path("tests/fixtures/quizzes")
BROKEN = FIXTURES / "broken"


def problems_of(*paths: Path) -> list[str]:
    report = validate(list(paths), docs_dir=ROOT / "docs", root=ROOT)
    return [str(problem) for problem in report.problems]


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        (
            "syntax-error",
            "9:15: YAML syntax error: expected ',' or ']', but got ':' (while parsing a flow sequence)",
        ),
        ("tab-indentation", "3:1: tab in indentation; use spaces"),
        ("duplicate-key", "5:3: duplicate key 'en' (first at line 4)"),
        ("empty", "1:1: file is empty"),
        ("comments-only", "1:1: file is empty"),
        ("not-utf8", "3:12: not UTF-8 (byte 0xe4); save the file as UTF-8"),
        ("unknown-key", "22:9: unknown key 'corect'; did you mean 'correct'?"),
        ("wrong-type", "16:13: expected 'single' or 'multiple', found a list"),
        ("not-a-boolean", "22:18: expected true or false, found 'yes'"),
        ("missing-language", "13:5: missing key 'en' (every text needs both lv and en)"),
        ("unknown-item-kind", "6:11: unknown item kind 'quiestion'; use 'question' or 'dialogue'"),
        ("single-two-correct", "18:7: 'select: single' needs exactly one correct option; found 2"),
        ("single-none-correct", "18:7: 'select: single' needs exactly one correct option; found 0"),
        (
            "multiple-none-correct",
            "18:7: 'select: multiple' needs at least one correct option; found 0",
        ),
        ("one-option", "18:7: needs at least 2 entries, found 1"),
        ("duplicate-option-id", "26:13: option id 'a' is used twice"),
        ("duplicate-step-id", "65:13: step id 's1' is used twice"),
        (
            "unknown-reason",
            "8:15: unknown reason id 'family-suport': no such anchor on the reasons page; "
            "did you mean 'family-support'?",
        ),
        (
            "unknown-principle",
            "9:35: unknown principle id 'being-nice': no such anchor on the principles page",
        ),
        (
            "unknown-practice",
            "10:23: unknown practice id 'first-step': no such anchor on the practice page; "
            "did you mean 'first-steps'?",
        ),
        ("unknown-next", "64:19: choice 'push' leads to 'nowhere', which is no step or ending"),
        ("unreachable-step", "65:13: step 's2' cannot be reached from the start"),
        ("no-ending-reachable", "65:13: no ending can be reached from step 's2'"),
        ("no-ending", "65:14: a dialogue needs at least one ending"),
    ],
)
def test_each_rule_reports_its_exact_place_and_message(fixture, expected):
    path = BROKEN / f"{fixture}.yaml"
    assert problems_of(path) == [f"{path}:{expected}"]


def test_anchors_and_aliases_are_refused_before_anything_is_built():
    path = BROKEN / "alias.yaml"
    assert problems_of(path) == [
        f"{path}:4:7: anchor '&t' is not allowed; write the text out in full",
        f"{path}:5:8: alias '*t' is not allowed; write the text out in full",
    ]


def test_an_alias_bomb_is_refused_quickly_without_expanding():
    problems = problems_of(BROKEN / "alias-bomb.yaml")
    assert (
        problems[0]
        == f"{BROKEN}/alias-bomb.yaml:2:4: anchor '&a' is not allowed; write the text out in full"
    )
    assert all("is not allowed" in line for line in problems)


def test_a_file_over_one_megabyte_is_refused_before_parsing(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_text("id: big\n" + "# padding\n" * (MAX_BYTES // 10 + 1), encoding="utf-8")
    report = validate([big], docs_dir=ROOT / "docs", root=tmp_path)
    assert [str(p) for p in report.problems] == [
        f"big.yaml:1:1: file is {big.stat().st_size} bytes; the limit is 1 MB (1000000 bytes)"
    ]


def test_duplicate_quiz_ids_across_files_name_the_first_file():
    folder = FIXTURES / "broken-ids"
    assert problems_of(folder) == [
        f"{folder}/second.yaml:1:5: quiz id 'minimal' is already used by {folder}/first.yaml"
    ]


def test_yaml_one_one_words_and_numbers_stay_text():
    report = validate([FIXTURES / "valid" / "yaml11-text.yaml"], docs_dir=ROOT / "docs")
    assert report.problems == []
    item = report.quizzes["yaml-one-one"].items[0]
    assert item.question.en == "no"
    assert item.options[0].text.en == "on"
    assert item.options[1].id == "08"
    assert item.options[1].feedback.en == "1:20"


def test_every_problem_of_every_file_is_reported_in_one_run():
    problems = problems_of(BROKEN)
    files = {line.split(":", 1)[0] for line in problems}
    assert len(files) == len(list(BROKEN.glob("*.yaml")))


def test_a_page_embedding_an_unknown_quiz_fails_with_the_page_and_line(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("# Title\n\nText.\n\n/// quiz | minimall\n", encoding="utf-8")
    problems = check_embeds(tmp_path, {"minimal"}, root=tmp_path)
    assert [str(p) for p in problems] == [
        "page.md:5:12: unknown quiz id 'minimall'; did you mean 'minimal'?"
    ]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "scripts/build.py", "validate", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_cli_exits_one_with_problem_lines_and_no_traceback():
    result = run_cli(str(BROKEN / "unknown-key.yaml"), str(BROKEN / "empty.yaml"))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{BROKEN}/empty.yaml:1:1: file is empty",
        f"{BROKEN}/unknown-key.yaml:22:9: unknown key 'corect'; did you mean 'correct'?",
    ]
    assert "Traceback" not in result.stderr


def test_cli_exits_zero_with_a_coverage_summary():
    result = run_cli(str(FIXTURES / "valid" / "minimal.yaml"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[:3] == [
        "1 quiz valid; reasons covered 2/13; principles covered 2/15; practice covered 0/11",
        "answer key: first option correct 1/1 (chance 0.5), longest lv correct 1/1 (chance 0.5), "
        "longest en correct 1/1 (chance 0.5)",
        "answer key, dialogue steps: first choice best 1/1 (chance 0.5), longest lv best 1/1 "
        "(chance 0.5), longest en best 1/1 (chance 0.5)",
    ]


def test_cli_names_a_missing_file():
    result = run_cli("quizzes/does-not-exist.yaml")
    assert result.returncode == 1
    assert result.stdout.strip() == "quizzes/does-not-exist.yaml:1:1: no such file"


def test_practice_ids_are_the_sections_of_the_practice_page_not_their_parts(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "practice.md").write_text(
        "# Prakse {#practice}\n\n## Pirmie soļi {#first-steps}\n\n### Zvans {#the-call}\n",
        encoding="utf-8",
    )
    quiz = tmp_path / "quiz.yaml"
    text = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    text = text.replace("reasons: [family-support]", "practice: [first-steps]", 1)
    text = text.replace("reasons: [needs-to-go-home]", "practice: [the-call]", 1)
    quiz.write_text(text.replace("principles: [", "principles: [] #", 2), encoding="utf-8")
    report = validate([quiz], docs_dir=docs, root=tmp_path)
    assert [str(p) for p in report.problems] == [
        "quiz.yaml:39:16: unknown practice id 'the-call': no such anchor on the practice page"
    ]
    assert report.known["practice"] == ["first-steps"]
