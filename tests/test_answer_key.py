"""The answer-key check: position and length of the right answers, against chance."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from etika.devtools.project_copy import copy_project
from etika.quiz.answer_key import AnswerKey, Shown, tally, visible_length
from publish_support import run_cli

ROOT = Path(__file__).resolve().parent.parent
BIASED = Path("tests/fixtures/quizzes/biased")
FIGURES = re.compile(
    r"^answer key: first option correct (\d+)/(\d+) \(chance ([\d.]+)\), "
    r"longest lv correct (\d+)/\2 \(chance ([\d.]+)\), longest en correct (\d+)/\2 \(chance \5\)$",
    re.M,
)


def validate_cli(*args: str):
    return run_cli(ROOT, "validate", *args)


def shown(*right: bool, lengths: tuple[int, ...] | None = None) -> Shown:
    lengths = lengths or tuple(10 for _ in right)
    places = tuple((i + 1, 1) for i in range(len(right)))
    return Shown("q.yaml", 1, 1, "q", right, {"lv": lengths, "en": lengths}, places)


def test_chance_is_the_binomial_sum_of_k_over_n():
    questions = [shown(True, False, False, False), shown(True, True, False), shown(False, True)]
    counted = tally(questions, lambda s: s.first_right)
    assert counted.hits == 2
    assert counted.chance == pytest.approx(1 / 4 + 2 / 3 + 1 / 2)
    variance = 1 / 4 * 3 / 4 + 2 / 3 * 1 / 3 + 1 / 2 * 1 / 2
    assert counted.sd == pytest.approx(math.sqrt(variance))
    assert counted.limit == pytest.approx(counted.chance + 2 * math.sqrt(variance))


def test_the_longest_counts_only_when_a_right_answer_beats_every_wrong_one():
    assert shown(True, False, lengths=(30, 20)).longest_right("lv")
    assert not shown(True, False, lengths=(20, 20)).longest_right("lv")
    assert not shown(False, True, lengths=(40, 20)).longest_right("lv")


def test_visible_length_ignores_link_targets_and_emphasis():
    assert visible_length("Skat. [SIVA](https://www.siva.gov.lv/lv) un *tūlīt*.") == len(
        "Skat. SIVA un tūlīt."
    )


def test_validate_prints_the_figures_for_the_real_set_and_they_are_within_chance():
    result = validate_cli()
    assert result.returncode == 0, result.stdout + result.stderr
    match = FIGURES.search(result.stdout)
    assert match, result.stdout
    assert int(match[2]) >= 49
    assert re.search(r"^answer key, dialogue steps: first choice best \d+/\d+", result.stdout, re.M)
    # Within chance + 2 SD, or validate would have exited 1 with "above chance".
    assert "above chance" not in result.stdout


def test_a_biased_set_fails_validate_naming_the_worst_questions():
    result = validate_cli(str(BIASED))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert (
        "answer key: first option correct 6/6 (chance 1.5), longest lv correct 6/6 (chance 1.5), "
        "longest en correct 6/6 (chance 1.5)"
    ) in lines
    assert (
        "answer key: the first option shown is right in 6 of 6 questions, above chance + 2 SD "
        "(1.5 + 2.1 = 3.6); keep `shuffle: false` for options whose order carries meaning "
        "(a scale), no others; worst first:"
    ) in lines
    assert (
        f"{BIASED}/first-and-longest.yaml:9:5: first-and-longest/where: "
        "the first option is right (1 right of 4)"
    ) in lines
    assert (
        f"{BIASED}/first-and-longest.yaml:53:5: first-and-longest/first-words: "
        "the longest (lv) option is right (1 right of 4)"
    ) in lines
    assert "Traceback" not in result.stdout + result.stderr


def test_a_right_answer_much_longer_than_the_wrong_ones_gets_a_warning_line():
    result = validate_cli(str(BIASED / "first-and-longest.yaml"))
    assert (
        f"{BIASED}/first-and-longest.yaml:21:9: warning: first-and-longest/where: a right "
        "option is 4.9 times as long as the mean of the others (lv); move its reasoning into the "
        "feedback"
    ) in result.stdout.splitlines()


def test_check_refuses_a_biased_set_and_builds_nothing(tmp_path):
    project = copy_project(tmp_path / "project")
    for quiz in (project / "quizzes").glob("*.yaml"):
        quiz.write_text(biased(quiz.read_text("utf-8")), "utf-8")
    out = tmp_path / "out"
    result = run_cli(project, "check", "--out", str(out))
    assert result.returncode == 1
    assert "answer key: the first option shown is right in" in result.stderr
    assert re.search(
        r"^quizzes/[\w-]+\.yaml:\d+:\d+: [\w/-]+: the first option", result.stderr, re.M
    )
    assert "quiz validation failed" in result.stderr
    assert not out.exists()


def biased(source: str) -> str:
    """The quiz with every question kept in file order and its right options moved first."""
    import yaml

    data = yaml.load(source, Loader=yaml.BaseLoader)
    for item in data["items"]:
        if item["kind"] == "question":
            item["shuffle"] = "false"
            item["options"].sort(key=lambda option: option.get("correct") != "true")
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def test_a_cue_that_is_almost_always_wrong_fails_too():
    # Three right of four, and the one wrong option is always the longest: "avoid the longest".
    questions = [shown(True, True, True, False, lengths=(20, 20, 20, 40)) for _ in range(8)]
    key = AnswerKey(questions=questions)
    counted = tally(questions, lambda s: s.longest_right("lv"))
    assert counted.hits == 0 and counted.reversed and not counted.exceeded
    problems = key.problems()
    assert (
        "answer key: the longest (lv) option shown is right in only 0 of 8 questions, below "
        "chance - 2 SD (6.0 - 2.4 = 3.6), so a learner learns to avoid it; write right and wrong "
        "answers of comparable length: move reasoning into feedback; worst first:"
    ) in problems
    assert "q.yaml:1:1: q: the longest (lv) option is wrong (3 right of 4)" in problems
