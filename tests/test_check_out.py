"""`check --out DIR` replaces DIR only when it is ours: a wrong path never wipes anyone's files."""

from __future__ import annotations

from pathlib import Path

import pytest
from etika.publish import output as output_dir
from etika.publish.output import STAMP
from publish_support import ROOT, copy_project, git, listing, run_cli, scratch_left

OWN_FOLDER = "give the output a folder of its own, e.g. --out public"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project with its own repository: `--out .` is tried on this, not on ours."""
    copy = copy_project(tmp_path_factory.mktemp("refusals") / "project")
    git("init", "--quiet", str(copy))
    return copy


@pytest.mark.parametrize(
    ("out", "why"),
    [
        ("docs", f"it is in the project's own docs/ folder; {OWN_FOLDER}"),
        (".", f"it is the project folder; {OWN_FOLDER}"),
        (
            "user-folder",
            "it holds files no earlier check --out wrote (no .etika-check-output"
            " stamp); choose a new or empty folder, or empty it yourself",
        ),
    ],
)
def test_check_out_refuses_a_folder_that_is_not_ours_and_leaves_it_as_it_was(project, out, why):
    user_folder = project / "user-folder"
    user_folder.mkdir(exist_ok=True)
    (user_folder / "notes.txt").write_text("a user's own file", encoding="utf-8")
    before = listing(project)
    result = run_cli(project, "check", "--out", out)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"refusing --out {(project / out).resolve()}: {why}"]
    assert result.stdout == ""
    assert listing(project) == before


@pytest.mark.parametrize(
    ("out", "why"),
    [
        ("..", f"it holds the project; {OWN_FOLDER}"),
        ("/", f"it holds the project; {OWN_FOLDER}"),
        ("quizzes/extra", f"it is in the project's own quizzes/ folder; {OWN_FOLDER}"),
        ("clone", f"it holds a git repository (.git); {OWN_FOLDER}"),
        ("clone/.git/x", f"it is inside a git repository's .git folder; {OWN_FOLDER}"),
        ("a-file", "it is a file; remove it or choose a folder"),
    ],
)
def test_check_out_refuses_parents_sources_repositories_and_files(tmp_path, out, why):
    project = tmp_path / "project"
    (project / "quizzes").mkdir(parents=True)
    (tmp_path / "clone" / ".git").mkdir(parents=True)
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    base = tmp_path if out in ("clone", "clone/.git/x", "a-file") else project
    target = (base / out).resolve()
    assert output_dir.refusal(base / out, project) == f"refusing --out {target}: {why}"


def test_check_out_accepts_a_new_an_empty_or_an_earlier_output_folder(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (tmp_path / "empty").mkdir()
    (tmp_path / "earlier").mkdir()
    (tmp_path / "earlier" / STAMP).write_text("", encoding="utf-8")
    (tmp_path / "earlier" / "index.html").write_text("old", encoding="utf-8")
    for out in ("new", "empty", "earlier", "project/public"):
        assert output_dir.refusal(tmp_path / out, project) is None


def test_check_out_replaces_an_earlier_output_of_ours_with_the_checked_site(tmp_path):
    out = tmp_path / "public"
    with output_dir.replacing(out) as site:  # an earlier run's output, stamped as ours
        site.mkdir()
        (site / "stale.html").write_text("from an earlier run", encoding="utf-8")
    result = run_cli(ROOT, "check", "--out", str(out), temp=tmp_path / "tmp")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"site built and every internal link and anchor checked: {out}\n"
    assert not (out / "stale.html").exists()  # replaced, not merged
    assert 'http-equiv="Content-Security-Policy"' in (out / "en" / "index.html").read_text(
        encoding="utf-8"
    )
    assert (out / "_headers").is_file() and (out / STAMP).is_file()
    # Nothing else beside it: the build's temp folder (next to it, for the swap) is gone.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public", "tmp"]
    assert scratch_left(tmp_path / "tmp") == []
