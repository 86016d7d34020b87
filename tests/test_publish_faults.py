"""Publishing into a fault (full disk, read-only, immutable, a file or a folder in the way):
one line naming the path and what to do, exit 1, and the target exactly as it was.

The full and read-only disks are small tmpfs mounts (root, as in CI; skipped elsewhere). As root,
file modes stop nothing, so "not permitted" is an immutable folder (chattr +i).
"""

from __future__ import annotations

import subprocess

import pytest
from etika.publish import output as output_dir
from etika.publish.release import ReleaseError, publish_dir
from publish_support import ROOT, listing, remount_read_only, run_cli, scratch_left, tmpfs

ELSEWHERE = "or choose another folder"
NOTHING_PUBLISHED = "dir target failed: nothing was published"


def _errors(result: subprocess.CompletedProcess) -> list[str]:
    """stderr without the placeholder site_url warning (test_publish_git pins that one)."""
    assert "Traceback" not in result.stderr
    return [line for line in result.stderr.splitlines() if not line.startswith("warning: site_url")]


def _publish_dir(target, tmp_path) -> subprocess.CompletedProcess:
    return run_cli(ROOT, "publish", "--target", "dir", "--dir", str(target), temp=tmp_path / "tmp")


@pytest.mark.parametrize(
    ("size", "read_only", "fault"),
    [
        ("8m", False, f"no space left on the disk; free some space there {ELSEWHERE}"),
        ("16m", True, f"the file system is read-only; remount it read-write {ELSEWHERE}"),
    ],
    ids=["full disk", "read-only disk"],
)
def test_a_dir_publish_onto_a_full_or_read_only_disk_keeps_the_served_release_as_it_was(
    published_site, tmp_path, size, read_only, fault
):
    with tmpfs(tmp_path / "disk", size) as disk:
        target = disk / "www"
        publish_dir(published_site, target, keep=3)  # 8m: room for this one, not for another
        before = listing(target)
        if read_only:
            remount_read_only(disk)
        result = _publish_dir(target, tmp_path)
        assert result.returncode == 1
        assert _errors(result) == [f"{target}: {fault}", NOTHING_PUBLISHED]
        assert listing(target) == before  # no partial release
    assert scratch_left(tmp_path / "tmp") == []


@pytest.fixture
def immutable(tmp_path):
    """`immutable(folder)`: chattr +i for this test (as root, the one way to be refused)."""
    made = []

    def make(folder):
        done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"chattr +i is not possible here: {done.stderr.strip()}")
        made.append(folder)

    yield make
    for folder in made:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_a_dir_publish_not_permitted_to_switch_removes_its_release_and_temp_link(
    published_site, tmp_path, immutable
):
    # releases/ stays writable, so the copy succeeds and the switch in www/ is refused: the
    # release must not be left behind as an orphan that nothing serves or prunes.
    target = tmp_path / "www"
    publish_dir(published_site, target, keep=3)
    before = listing(target)
    immutable(target)
    result = _publish_dir(target, tmp_path)
    assert result.returncode == 1
    assert _errors(result) == [
        f"{target}: not permitted to write in {target} (immutable? lsattr -d {target});"
        f" make it writable {ELSEWHERE}",
        NOTHING_PUBLISHED,
    ]
    assert listing(target) == before
    assert scratch_left(tmp_path / "tmp") == []


def test_a_dir_target_that_is_a_file_is_refused_before_the_build(tmp_path):
    target = tmp_path / "www"
    target.write_text("someone's file", encoding="utf-8")
    result = _publish_dir(target, tmp_path)
    assert result.returncode == 1
    assert _errors(result) == [
        f"{target}: is a file, not a folder; move it away {ELSEWHERE}",
        NOTHING_PUBLISHED,
    ]
    assert target.read_text(encoding="utf-8") == "someone's file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tmp", "www"]


def test_a_real_current_folder_is_refused_with_no_temp_link_or_orphan_release(tmp_path):
    target = tmp_path / "www"
    (target / "releases").mkdir(parents=True)
    (target / "current").mkdir()
    (target / "current" / "index.html").write_text("served by hand", encoding="utf-8")
    before = listing(target)
    refused = (
        f"{target}/current: is a real folder, not the symlink releases are switched with;"
        f" move it away (mv {target}/current {target}/current.old) and publish again"
    )
    result = _publish_dir(target, tmp_path)
    assert result.returncode == 1
    assert _errors(result) == [refused, NOTHING_PUBLISHED]
    rolled_back = run_cli(ROOT, "rollback", "--dir", str(target))
    assert rolled_back.returncode == 1
    assert _errors(rolled_back) == [refused, "dir target failed: nothing was changed"]
    assert listing(target) == before
    # The release code itself refuses too: a server's target is checked there, not here.
    with pytest.raises(ReleaseError):
        publish_dir(target / "current", target, keep=3)
    assert listing(target) == before


def test_check_out_onto_a_read_only_disk_says_so_and_keeps_the_earlier_output(tmp_path):
    with tmpfs(tmp_path / "disk", "1m") as disk:
        out = disk / "public"
        with output_dir.replacing(out) as site:
            site.mkdir()
            (site / "index.html").write_text("the earlier output", encoding="utf-8")
        before = listing(disk)
        remount_read_only(disk)
        result = run_cli(ROOT, "check", "--out", str(out), temp=tmp_path / "tmp")
        assert result.returncode == 1
        assert _errors(result) == [
            f"{out}: the file system is read-only; remount it read-write {ELSEWHERE}",
            f"check --out failed: {out} was left as it was",
        ]
        assert listing(disk) == before
    assert scratch_left(tmp_path / "tmp") == []


def test_an_offline_zip_onto_a_full_disk_keeps_the_earlier_zip_and_leaves_no_partial(tmp_path):
    with tmpfs(tmp_path / "disk", "1m") as disk:
        output = disk / "site-offline.zip"
        output.write_bytes(b"the earlier package")
        before = listing(disk)
        result = run_cli(
            ROOT, "publish", "--target", "offline", "--output", str(output), temp=tmp_path / "tmp"
        )
        assert result.returncode == 1
        assert _errors(result) == [
            f"{output}: no space left on the disk; free some space there {ELSEWHERE}",
            "offline target failed: nothing was published",
        ]
        assert listing(disk) == before
    assert scratch_left(tmp_path / "tmp") == []
