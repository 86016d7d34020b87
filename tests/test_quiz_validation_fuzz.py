"""Whatever bytes a quiz file holds, the validator answers with problem lines, never an exception."""

from __future__ import annotations

from pathlib import Path

from etika.quiz_validation import validate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "tests/fixtures/quizzes/valid/minimal.yaml").read_text(encoding="utf-8")

YAML_PIECES = st.sampled_from(
    [
        "\n",
        "  ",
        "- ",
        ": ",
        "id: x\n",
        "items:\n",
        "  - kind: question\n",
        "&a ",
        "*a",
        "!!str ",
        "{",
        "}",
        "[",
        "]",
        "? ",
        "\t",
        "'",
        '"',
        "#",
        "|\n",
        ">-\n",
        "no",
        "08",
        "1:20",
        "ā",
        "\x00",
        "---\n",
        "...\n",
        "%YAML 1.1\n",
        "lv: ",
        "en: ",
    ]
)

settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile("ci")


def check(tmp_path_factory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "quiz.yaml"
    path.write_bytes(data)
    report = validate([path], docs_dir=ROOT / "docs", root=path.parent)
    for problem in report.problems:
        assert str(problem).startswith("quiz.yaml:")
        assert problem.line >= 1 and problem.col >= 1


@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_give_problem_lines_only(tmp_path_factory, data):
    check(tmp_path_factory, data)


@given(pieces=st.lists(YAML_PIECES, max_size=40))
def test_yaml_like_text_gives_problem_lines_only(tmp_path_factory, pieces):
    check(tmp_path_factory, "".join(pieces).encode("utf-8"))


@given(cut=st.integers(min_value=0, max_value=len(SEED)), junk=st.text(max_size=20))
def test_a_damaged_valid_quiz_gives_problem_lines_only(tmp_path_factory, cut, junk):
    check(tmp_path_factory, (SEED[:cut] + junk + SEED[cut:]).encode("utf-8", errors="replace"))
