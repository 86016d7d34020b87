"""Temp folders of ours: a live run's is never touched, a killed run's goes at the next run."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from etika.publish.scratch import HOUR, scratch_dir, sweep
from publish_support import kill_group, scratch_left

HOLD_SNIPPET = """
import sys
from pathlib import Path
from etika.publish.scratch import scratch_dir
with scratch_dir("publish", base=Path(sys.argv[1])) as folder:
    (folder / "site").mkdir()
    print(folder, flush=True)
    sys.stdin.read()  # until the test closes stdin, or kills us
"""


def _hold(base: Path) -> tuple[subprocess.Popen, Path]:
    """A run that holds a temp folder of ours in `base` until it is ended."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD_SNIPPET, str(base)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    return process, Path(process.stdout.readline().strip())


def test_a_live_runs_folder_is_kept_and_a_killed_runs_folder_is_swept(tmp_path):
    live, live_folder = _hold(tmp_path)
    killed, killed_folder = _hold(tmp_path)
    kill_group(killed)
    assert killed_folder.is_dir()  # kill -9 skipped its cleanup
    assert sweep(tmp_path) == [killed_folder]
    assert scratch_left(tmp_path) == [live_folder.name]
    live.stdin.close()
    assert live.wait() == 0
    assert scratch_left(tmp_path) == []  # a run that ends removes its own


def test_each_run_sweeps_before_it_makes_its_own(tmp_path):
    killed, killed_folder = _hold(tmp_path)
    kill_group(killed)
    with scratch_dir("check", base=tmp_path) as folder:
        assert scratch_left(tmp_path) == [folder.name]
        assert folder.name.startswith(".etika-check-")
    assert not killed_folder.exists() and scratch_left(tmp_path) == []


def test_folders_that_are_not_provably_ours_and_over_are_left_alone(tmp_path):
    others = {
        "etika-publish-notes": "a user's folder, outside the system temp folder",
        ".etika-publish-nolock": "our name, but no lock to prove its run is over",
        ".etika-check-young.new": "being made right now by another run",
        "photos": "anything else",
    }
    for name in others:
        (tmp_path / name).mkdir()
        (tmp_path / name / "file").write_text("keep", encoding="utf-8")
    (tmp_path / ".etika-check-young.new" / "file").unlink()
    hour_ago = time.time() - HOUR - 60
    os.utime(tmp_path / "etika-publish-notes", (hour_ago, hour_ago))
    assert sweep(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(others)


def test_in_the_system_temp_folder_unlocked_folders_of_older_versions_go_after_an_hour(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)  # read TMPDIR again
    for name in ("etika-publish-old", "etika-publish-git-recent", ".etika-zip-killed.new"):
        (tmp_path / name).mkdir()
    hour_ago = time.time() - HOUR - 60
    for name in ("etika-publish-old", ".etika-zip-killed.new"):
        os.utime(tmp_path / name, (hour_ago, hour_ago))
    with scratch_dir("publish"):
        pass
    assert sorted(p.name for p in tmp_path.iterdir()) == ["etika-publish-git-recent"]
