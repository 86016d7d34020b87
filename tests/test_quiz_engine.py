"""The quiz engine inside the real site: generated files, both languages, weight, build refusal."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml
from etika.devtools.project_copy import copy_project
from etika.quiz import docs as quiz_docs
from etika.quiz.messages import MESSAGES
from site_pages import QUIZ_PAGES, REASON_IDS, read_article

ROOT = Path(__file__).resolve().parent.parent
QUIZ_ASSETS = ("docs/assets/javascripts/quiz.js", "docs/assets/stylesheets/quiz.css")


def test_schema_json_is_generated_from_the_models():
    on_disk = (ROOT / "quizzes/schema.json").read_text(encoding="utf-8")
    assert on_disk == quiz_docs.schema_text(), "run: python scripts/build.py schema"


def test_format_reference_in_the_readme_is_generated_from_the_models():
    readme = (ROOT / "quizzes/README.md").read_text(encoding="utf-8")
    assert readme == quiz_docs.readme_with_reference(readme), "run: python scripts/build.py schema"


def test_every_quiz_file_names_the_schema_for_editors():
    for path in (ROOT / "quizzes").glob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=schema.json", path.name


def test_every_interface_message_exists_in_both_languages():
    assert set(MESSAGES["lv"]) == set(MESSAGES["en"])
    for lang, words in MESSAGES.items():
        assert all(text.strip() for text in words.values()), lang
    placeholders = {key: set(re.findall(r"\{\w+\}", text)) for key, text in MESSAGES["lv"].items()}
    assert placeholders == {k: set(re.findall(r"\{\w+\}", t)) for k, t in MESSAGES["en"].items()}


def test_quiz_script_and_style_weigh_at_most_8_kb_gzip_together():
    total = sum(len(gzip.compress((ROOT / asset).read_bytes(), 9)) for asset in QUIZ_ASSETS)
    assert total <= 8 * 1024, total


def test_example_quizzes_render_in_both_languages_with_links_to_their_sections(site):
    for lang, prefix in (("lv", ""), ("en", "en/")):
        html = (site / prefix / "scenarios-situation/index.html").read_text(encoding="utf-8")
        assert 'id="quiz-first-contact"' in html
        assert html.count('type="radio"') + html.count('type="checkbox"') >= 10
        assert re.search(r'<label for="quiz-first-contact--after-the-raid--[\w-]+">', html)
        # Section links resolve to the page of the same language.
        assert '<a href="../reasons/#chaotic-first-contact">' in html
        assert '<a href="../principles/#support-and-safety">' in html
        assert f'<html lang="{lang}"' in html


def test_both_languages_show_the_same_quiz_anchors(site):
    for slug in QUIZ_PAGES:
        latvian = read_article(site / slug / "index.html").ids
        english = read_article(site / "en" / slug / "index.html").ids
        assert [i for i in latvian if i.startswith("quiz-")] == [
            i for i in english if i.startswith("quiz-")
        ], slug


def test_progress_page_lists_every_quiz_in_both_languages(site):
    focus = {}
    for path in (ROOT / "quizzes").glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        focus[data["id"]] = data.get("focus")
    by_reason = sorted((q for q in focus if focus[q]), key=lambda q: REASON_IDS.index(focus[q]))
    for prefix in ("", "en/"):
        html = (site / prefix / "progress/index.html").read_text(encoding="utf-8")
        listed = re.findall(r'data-quiz-id="([\w-]+)"', html)
        assert sorted(listed) == sorted(focus)  # every quiz, once
        assert listed[: len(by_reason)] == by_reason  # the reasons' quizzes in the page's order


def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)


def test_a_broken_quiz_stops_mkdocs_build_with_its_place_and_builds_nothing(tmp_path):
    project = copy_project(tmp_path / "project")
    quiz = project / "quizzes/first-contact.yaml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("select: single", "select: one"))
    site_dir = tmp_path / "site"
    result = mkdocs_build(project, site_dir)
    assert result.returncode == 1
    line = next(n for n, t in enumerate(quiz.read_text().splitlines(), 1) if "select: one" in t)
    assert (
        f"quizzes/first-contact.yaml:{line}:13: expected 'single' or 'multiple', found 'one'"
        in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not site_dir.exists()


def test_a_page_embedding_an_unknown_quiz_stops_mkdocs_build(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs/scenarios-situation.en.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("quiz | first-contact", "quiz | first-contract")
    )
    line = next(n for n, t in enumerate(page.read_text().splitlines(), 1) if "first-contract" in t)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    expected = f"docs/scenarios-situation.en.md:{line}:12: unknown quiz id 'first-contract'; did you mean 'first-contact'?"
    assert expected in result.stderr


def test_serve_watches_the_quiz_folder():
    from etika.site import quiz_hooks as mkdocs_quiz_hooks
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    watched = []

    class Server:
        def watch(self, path):
            watched.append(Path(path))

    mkdocs_quiz_hooks.on_serve(Server(), config, builder=None)
    assert watched == [ROOT / "quizzes"]
