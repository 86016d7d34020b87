"""The sites `make bench` measures are what they claim to be (the timings themselves are not tested)."""

from __future__ import annotations

import os
import subprocess
import sys

from etika.bench import sites as bench_sites
from etika.quiz.validation import check_embeds, validate


def test_the_bare_material_site_has_the_same_pages_and_none_of_ours(tmp_path):
    project = bench_sites.bare_material(tmp_path / "bare")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "etika" not in config and "hooks" not in config and "custom_dir" not in config
    out = tmp_path / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(out)]
    subprocess.run(command, cwd=project, env=env, check=True, capture_output=True)
    for page in ("principles", "reasons", "scenarios-situation", "en/principles"):
        html = (out / page / "index.html").read_text(encoding="utf-8")
        assert "data-quiz" not in html and "/// quiz" not in html


def test_the_ten_times_larger_site_has_ten_times_the_quizzes_all_valid_and_embedded(tmp_path):
    project = bench_sites.ten_times_larger(tmp_path / "large")
    report = validate([project / "quizzes"], docs_dir=project / "docs", root=project)
    original = len(list((bench_sites.ROOT / "quizzes").glob("*.yaml")))
    assert report.problems == [] and len(report.quizzes) == 10 * original
    assert check_embeds(project / "docs", set(report.quizzes), root=project) == []
    pages = list((project / "docs").glob("*.md")) + list((project / "docs").glob("k*/*.md"))
    assert len(pages) == 10 * len(list((bench_sites.ROOT / "docs").glob("*.md")))


def test_two_hundred_generated_quiz_files_are_valid(tmp_path):
    folder = bench_sites.many_quiz_files(tmp_path / "q", 200)
    report = validate([folder], docs_dir=bench_sites.ROOT / "docs", root=tmp_path)
    assert report.problems == [] and len(report.quizzes) == 200


def test_the_hostile_corpus_is_under_a_megabyte_and_answered_in_problem_lines(tmp_path):
    from etika.bench import hostile as bench_hostile
    from etika.quiz.source import MAX_BYTES

    for name, text in bench_hostile.corpus().items():
        path = tmp_path / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        assert path.stat().st_size < MAX_BYTES, name
        report = validate([path], docs_dir=tmp_path, root=tmp_path)
        # The two "largest" files are the heaviest accepted input; the rest must be refused.
        assert bool(report.quizzes) == name.startswith("largest"), (name, report.problems[:2])
