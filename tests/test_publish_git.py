"""The git target: the published branch holds exactly the build, or does not move at all."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest
from etika.publish.git_target import publish_git
from etika.site.config import site_url_problem
from publish_support import (
    ROOT,
    copy_project,
    dir_files,
    git,
    kill_during_build,
    kill_group,
    remote_ref,
    run_cli,
    scratch_left,
    tree_files,
)


@pytest.fixture
def bare(tmp_path):
    path = tmp_path / "remote.git"
    git("init", "--quiet", "--bare", str(path))
    return path


@pytest.fixture
def site_copy(published_site, tmp_path):
    return shutil.copytree(published_site, tmp_path / "site")


def _first_release(bare, tmp_path) -> str:
    old = tmp_path / "old-site"
    old.mkdir()
    (old / "index.html").write_text("<p>the previous release</p>", encoding="utf-8")
    return publish_git(old, remote=str(bare), branch="gh-pages", message="old", project=ROOT)


def test_the_published_branch_holds_exactly_the_built_tree(bare, site_copy, tmp_path):
    old = _first_release(bare, tmp_path)
    commit = publish_git(site_copy, remote=str(bare), branch="gh-pages", message="m", project=ROOT)
    assert remote_ref(bare) == commit
    assert git(f"--git-dir={bare}", "rev-parse", f"{commit}^") == old  # history is kept
    published = tree_files(bare, commit)
    assert published == dir_files(site_copy)
    assert ".nojekyll" in published and "index.html" in published and "en/index.html" in published
    # Publishing the same tree again makes no empty commit.
    again = publish_git(site_copy, remote=str(bare), branch="gh-pages", message="m", project=ROOT)
    assert again == "" and remote_ref(bare) == commit


def test_a_broken_quiz_publishes_nothing_and_names_the_file(bare, tmp_path):
    before = _first_release(bare, tmp_path)
    project = copy_project(tmp_path / "project")
    quiz = project / "quizzes" / "trauma.yaml"
    quiz.write_text(quiz.read_text(encoding="utf-8") + "\nunknown_key: 1\n", encoding="utf-8")
    result = run_cli(project, "publish", "--target", "git", "--remote", str(bare))
    assert result.returncode == 1
    assert "quizzes/trauma.yaml:" in result.stderr and "unknown_key" in result.stderr
    assert "nothing was published" in result.stderr and "Traceback" not in result.stderr
    assert remote_ref(bare) == before


def test_a_broken_link_in_generated_html_publishes_nothing(bare, tmp_path):
    before = _first_release(bare, tmp_path)
    project = copy_project(tmp_path / "project")
    about = project / "docs" / "about.md"
    # Raw HTML: MkDocs' own link validation never sees it; our checker reads the built page.
    about.write_text(
        about.read_text(encoding="utf-8") + '\n<p><a href="../no-such-page/">x</a></p>\n',
        encoding="utf-8",
    )
    result = run_cli(project, "publish", "--target", "git", "--remote", str(bare))
    assert result.returncode == 1, result.stdout
    assert "site/about/index.html:" in result.stderr
    assert "no such file: ../no-such-page/" in result.stderr
    assert "link check failed: nothing was published" in result.stderr
    assert remote_ref(bare) == before


def test_publishing_with_the_placeholder_site_url_warns_and_still_publishes(bare, tmp_path):
    before = _first_release(bare, tmp_path)
    result = run_cli(ROOT, "publish", "--target", "git", "--remote", str(bare))
    assert result.returncode == 0, result.stderr
    assert "warning: site_url is the placeholder https://etiska-intervesana.example/" in (
        result.stderr
    )
    assert "Set site_url in mkdocs.yml" in result.stderr
    assert remote_ref(bare) != before


@pytest.mark.parametrize(
    ("site_url", "problem"),
    [
        ("https://etiska-intervesana.example/", True),
        ("http://localhost:8000/", True),
        ("/", True),
        ("", True),
        ("https://www.lm.gov.lv/etiska-intervesana/", False),
        ("https://example.github.io/etika/", False),
    ],
)
def test_a_placeholder_site_url_is_recognised(site_url, problem):
    assert bool(site_url_problem(site_url)) is problem


PUBLISH_SNIPPET = """
import sys
from pathlib import Path
from etika.publish.git_target import publish_git
publish_git(Path(sys.argv[1]), remote=sys.argv[2], branch="gh-pages", message="m", project=Path(sys.argv[3]))
"""


def _start_publish(site, bare, temp):
    temp.mkdir(exist_ok=True)
    return subprocess.Popen(
        [sys.executable, "-c", PUBLISH_SNIPPET, str(site), str(bare), str(ROOT)],
        start_new_session=True,  # its own process group, so the kill reaches git too
        env={**os.environ, "TMPDIR": str(temp)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_a_publish_killed_at_any_point_never_moves_the_branch_to_an_incomplete_tree(
    bare, site_copy, tmp_path
):
    before = _first_release(bare, tmp_path)
    (site_copy / ".nojekyll").touch()  # what publish_git adds, so the expected tree is complete
    expected = dir_files(site_copy)
    temp = tmp_path / "tmp"
    git("init", "--quiet", "--bare", str(tmp_path / "probe.git"))
    started = time.monotonic()
    _start_publish(site_copy, tmp_path / "probe.git", temp).wait()  # time a full run elsewhere
    duration = time.monotonic() - started
    outcomes, left = set(), set()
    for fraction in (0.05, 0.2, 0.4, 0.6, 0.8, 0.95):
        process = _start_publish(site_copy, bare, temp)
        time.sleep(duration * fraction)
        kill_group(process)
        left.update(scratch_left(temp))
        ref = remote_ref(bare)
        if ref == before:
            outcomes.add("unchanged")
        else:
            assert tree_files(bare, ref) == expected, f"incomplete tree after {fraction:.0%}"
            outcomes.add("complete")
            git(f"--git-dir={bare}", "update-ref", "refs/heads/gh-pages", before)
    assert "unchanged" in outcomes  # the kills did land mid-publish
    assert left  # and left their throwaway repositories behind
    # The next publish removes every one of them, and goes through.
    assert _start_publish(site_copy, bare, temp).wait() == 0
    assert tree_files(bare, remote_ref(bare)) == expected
    assert scratch_left(temp) == []


def test_a_publish_killed_during_the_build_publishes_nothing_and_the_next_one_sweeps_up(
    bare, tmp_path
):
    before = _first_release(bare, tmp_path)
    project = copy_project(tmp_path / "project")
    temp = tmp_path / "tmp"
    temp.mkdir()
    process = subprocess.Popen(
        [sys.executable, str(project / "scripts" / "build.py"), "publish", "--remote", str(bare)],
        cwd=project,
        start_new_session=True,
        env={**os.environ, "TMPDIR": str(temp)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    kill_during_build(process)
    assert remote_ref(bare) == before
    assert [name.rsplit("-", 1)[0] for name in scratch_left(temp)] == [".etika-publish"]
    result = run_cli(project, "publish", "--remote", str(bare), temp=temp)
    assert result.returncode == 0, result.stderr
    assert remote_ref(bare) != before
    assert scratch_left(temp) == []
