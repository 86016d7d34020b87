"""Whatever bytes a quiz file holds, the validator answers with problem lines, never an exception."""

from __future__ import annotations

from pathlib import Path

from etika.quiz.validation import validate
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


MARKDOWN_PIECES = st.sampled_from(
    [
        "a",
        "ā ",
        " ",
        "\n",
        "\n\n",
        "[",
        "]",
        "(",
        ")",
        "](",
        "https://example.org/",
        "javascript:",
        "data:",
        "mailto:x@example.org",
        "&#115;",
        "%3A",
        "<",
        ">",
        "<a>",
        "</a>",
        "<b>",
        "*",
        "_",
        "`",
        "#",
        "- ",
        "1. ",
        "!",
        "\\",
        "&",
        "\u200b",
        "\u202e",
        "\x1b",
    ]
)


@given(pieces=st.lists(MARKDOWN_PIECES, min_size=1, max_size=30), inline=st.booleans())
def test_any_text_validation_accepts_renders_as_mkdocs_needs(pieces, inline):
    """The build never crashes on accepted input: MkDocs asserts that every <a> has an href."""
    import xml.etree.ElementTree as etree

    from etika.quiz.render import QuizRenderer
    from etika.quiz.text import text_problem

    text = "".join(pieces).strip()
    if not text or text_problem(text, inline=inline) is not None:
        return
    fragment = QuizRenderer("lv", "", {}).fragment(text)
    for link in fragment.iter("a"):
        assert link.get("href", "").startswith(("http://", "https://", "mailto:")), text
    if inline:
        blocks = [child.tag for child in fragment]
        assert blocks in ([], ["p"]), (text, blocks)
    etree.tostring(fragment)  # serialisable: no stray control characters
