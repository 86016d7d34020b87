"""Publish a built site to a directory a web server serves, switching releases atomically.

Layout under the target directory (point the server's root at `current`):

    releases/<id>/   one complete build per publish, never modified after it appears
    current          symlink to releases/<id>, swapped with a rename, so every request sees
                     either the old release or the new one, never a mixture

A release appears under its final name only once fully copied (it is written as a hidden
`.partial` directory first), so a publish killed at any point leaves `current` on the old
release. Files under `assets/` that the previous release served and the new one lacks (renamed,
content-hashed bundles) are carried over, so a page loaded just before the swap still finds its
scripts and styles afterwards.

Standard library only, on purpose: for a remote target (`host:/path`) publish_dir.py pipes this
very file to the server's python3 over ssh (see `main`), so the server runs the same code that
the local tests exercise.
"""

from __future__ import annotations

import calendar
import errno
import fcntl
import json
import os
import shutil
import sys
import tarfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


class ReleaseError(Exception):
    """A step failed; `lines` say why, one problem per line."""

    def __init__(self, step: str, lines: list[str]):
        super().__init__(step)
        self.step = step
        self.lines = lines


RELEASES = "releases"
CURRENT = "current"
MANIFEST = ".release.json"  # the files the release's own build produced

# What a filesystem fault means for the person publishing, and what they can do about it.
# Kept here because this file travels alone to servers; the other publish targets use it too.
_ELSEWHERE = "or choose another folder"
_FAULTS = {
    errno.ENOSPC: f"no space left on the disk; free some space there {_ELSEWHERE}",
    errno.EDQUOT: f"the disk quota is used up; free some space {_ELSEWHERE}",
    errno.EROFS: f"the file system is read-only; remount it read-write {_ELSEWHERE}",
    errno.EACCES: f"permission denied in {{folder}}; let this user write there {_ELSEWHERE}",
    errno.EPERM: f"not permitted to write in {{folder}} (immutable? lsattr -d {{folder}}); make it writable {_ELSEWHERE}",
    errno.ENOTDIR: f"a file stands where a folder is needed ({{file}}); move it away {_ELSEWHERE}",
    errno.EEXIST: f"a file stands where a folder is needed ({{file}}); move it away {_ELSEWHERE}",
}


def describe_fault(error: OSError, where: Path | str) -> str:
    """One line for a filesystem fault while writing `where`: the path, what, what to do."""
    # For a rename or a symlink, the second name is the one being written.
    file = str(error.filename2 or error.filename or where)
    if error.errno not in _FAULTS:
        return f"{where}: {error.strerror or error} ({file}); fix that and run again"
    return f"{where}: " + _FAULTS[error.errno].format(file=file, folder=os.path.dirname(file))


@contextmanager
def _locked(target: Path) -> Iterator[None]:
    """One publish or rollback at a time per target."""
    target.mkdir(parents=True, exist_ok=True)
    with open(target / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def releases(target: Path) -> list[str]:
    """Complete releases, oldest first (ids sort by time)."""
    folder = target / RELEASES
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))


def current_release(target: Path) -> str | None:
    link = target / CURRENT
    return Path(os.readlink(link)).name if link.is_symlink() else None


def _switch(target: Path, release: str) -> None:
    # Any temp link here was left by a killed run: we hold the target's lock.
    for stale in target.glob(f".{CURRENT}.*.tmp"):
        stale.unlink()
    tmp = target / f".{CURRENT}.{os.getpid()}.tmp"
    os.symlink(f"{RELEASES}/{release}", tmp)  # relative: the tree can be moved or mounted
    try:
        os.replace(tmp, target / CURRENT)  # rename(2): atomic, like `mv -T`
    except BaseException:
        tmp.unlink()
        raise


def check_target(target: Path) -> None:
    """Refuse a target that a publish could only half change; raise ReleaseError.

    `current` must be our symlink: a real folder there cannot be swapped with a rename, and
    would be left beside a temp link and a release that nothing serves.
    """
    if target.exists() and not target.is_dir():
        raise ReleaseError(
            "dir target",
            [f"{target}: is a file, not a folder; move it away or choose another folder"],
        )
    current = target / CURRENT
    if current.exists() and not current.is_symlink():
        raise ReleaseError(
            "dir target",
            [
                f"{current}: is a real folder, not the symlink releases are switched with;"
                f" move it away (mv {current} {current}.old) and publish again"
            ],
        )


def _own_files(release_dir: Path) -> list[str]:
    manifest = release_dir / MANIFEST
    if manifest.is_file():
        return json.loads(manifest.read_text(encoding="utf-8"))
    return [p.relative_to(release_dir).as_posix() for p in release_dir.rglob("*") if p.is_file()]


def publish_dir(site_dir: Path, target: Path, *, keep: int) -> str:
    """Copy `site_dir` in as a new release, switch `current` to it, prune; return its id."""
    return publish_release(target, lambda partial: _copy_tree(site_dir, partial), keep=keep)


def _copy_tree(source: Path, destination: Path) -> None:
    # Not shutil.copytree: it carries on past a full disk and then raises one shutil.Error
    # listing every file, without the errno that says what went wrong.
    destination.mkdir()
    for path in sorted(source.rglob("*")):  # a folder sorts before what it holds
        if path.is_dir():
            (destination / path.relative_to(source)).mkdir()
        else:
            shutil.copy2(path, destination / path.relative_to(source))


def publish_tar(stream: BinaryIO, target: Path, *, keep: int) -> str:
    """`publish_dir` for a site that arrives as a tar stream (over ssh, on the server)."""

    def unpack(partial: Path) -> None:
        partial.mkdir()
        with tarfile.open(fileobj=stream, mode="r|") as tar:
            if hasattr(tarfile, "data_filter"):  # Python 3.12, and 3.8.17+ security releases
                tar.extractall(partial, filter="data")
            else:
                tar.extractall(partial)

    return publish_release(target, unpack, keep=keep)


def publish_release(target: Path, fill: Callable[[Path], object], *, keep: int) -> str:
    """Have `fill` write a new release's files, switch `current` to it, prune; return its id.

    A fault (full disk, read-only or immutable target) raises ReleaseError naming the target
    and leaves it as it was: no partial release, no temp link, `current` unchanged.
    """
    if keep < 2:
        raise ReleaseError("dir target", ["keep must be at least 2, so that rollback works"])
    check_target(target)
    try:
        with _locked(target):
            check_target(target)  # again, now that no other publish can change it
            return _add_release(target, fill, keep)
    except OSError as error:
        raise ReleaseError("dir target", [describe_fault(error, target)]) from None


def _add_release(target: Path, fill: Callable[[Path], object], keep: int) -> str:
    folder = target / RELEASES
    folder.mkdir(exist_ok=True)
    for stale in folder.glob(".*.partial"):  # left by a publish that was killed
        shutil.rmtree(stale, ignore_errors=True)
    release = _new_release_id(releases(target))
    partial = folder / f".{release}.partial"
    try:
        fill(partial)
        own = sorted(p.relative_to(partial).as_posix() for p in partial.rglob("*") if p.is_file())
        (partial / MANIFEST).write_text(json.dumps(own), encoding="utf-8")
        previous = current_release(target)
        if previous and (folder / previous).is_dir():
            _carry_over_assets(folder / previous, partial, set(own))
        os.rename(partial, folder / release)
    except BaseException:  # a failed transfer leaves nothing; a killed one is swept above
        shutil.rmtree(partial, ignore_errors=True)
        raise
    try:
        _switch(target, release)
    except BaseException:
        if current_release(target) != release:  # not served: an orphan nothing would prune
            shutil.rmtree(folder / release, ignore_errors=True)
        raise
    _prune(target, keep)
    return release


def _new_release_id(existing: list[str]) -> str:
    """A time-stamped id (UTC, to the nanosecond) that sorts after every existing release.

    One clock read gives both the seconds and the nanoseconds: two reads straddling a second
    boundary once gave an id that sorted before its predecessor, so pruning removed the newest
    release. A clock that steps backwards is handled by counting on from the newest id.
    """
    now = time.time_ns()
    newest = _id_to_ns(existing[-1]) if existing else None
    if newest is not None and now <= newest:
        now = newest + 1
    seconds, nanos = divmod(now, 10**9)
    return time.strftime("%Y%m%dT%H%M%S", time.gmtime(seconds)) + f"{nanos:09d}"


def _id_to_ns(release: str) -> int | None:
    try:
        seconds = calendar.timegm(time.strptime(release[:15], "%Y%m%dT%H%M%S"))
        return seconds * 10**9 + int(release[15:])
    except ValueError:  # a folder someone put there by hand: nothing to count on from
        return None


def _carry_over_assets(previous: Path, new: Path, new_files: set[str]) -> None:
    for name in _own_files(previous):
        if name.startswith("assets/") and name not in new_files:
            destination = new / name
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(previous / name, destination)


def _prune(target: Path, keep: int) -> None:
    current = current_release(target)
    for old in releases(target)[:-keep]:
        if old != current:
            # The new release is live already: a release that cannot be removed now is
            # removed by a later publish, and is no reason to report this one as failed.
            shutil.rmtree(target / RELEASES / old, ignore_errors=True)


def rollback(target: Path) -> str:
    """Point `current` at the release before it; return that release's id."""
    # Checked before locking, which would create the folder and its lock file: a mistyped
    # path must leave no trace.
    if not (target / RELEASES).is_dir():
        raise ReleaseError(
            "rollback",
            [
                f"{target}: nothing has been published here (no {RELEASES}/ folder);"
                " check the path (--dir or extra.publish.dir.path)"
            ],
        )
    check_target(target)
    try:
        with _locked(target):
            current = current_release(target)
            older = [r for r in releases(target) if current is None or r < current]
            if not older:
                raise ReleaseError("rollback", [f"{target}: no earlier release to return to"])
            _switch(target, older[-1])
            return older[-1]
    except OSError as error:
        raise ReleaseError("rollback", [describe_fault(error, target)]) from None


def security_policy_changed(target: Path, release: str) -> bool:
    """Whether `release` sends other security headers than the release before it.

    A web server reads its include of `nginx-csp.conf` at start-up and on reload only, so after
    such a change the operator must reload it (the pages' own <meta> policy is already new).
    """
    names = releases(target)
    if release not in names or names.index(release) == 0:
        return False
    before = target / RELEASES / names[names.index(release) - 1] / "nginx-csp.conf"
    after = target / RELEASES / release / "nginx-csp.conf"
    read = lambda path: path.read_text(encoding="utf-8") if path.is_file() else ""  # noqa: E731
    return read(before) != read(after)


def main(argv: list[str]) -> int:
    """What the server runs: `publish TARGET KEEP` (the site as a tar on stdin) or
    `rollback TARGET`. It answers with one line of JSON on stdout."""
    try:
        if argv[:1] == ["publish"] and len(argv) == 3:
            target = Path(argv[1])
            release = publish_tar(sys.stdin.buffer, target, keep=int(argv[2]))
            answer = {
                "release": release,
                "policy_changed": security_policy_changed(target, release),
            }
        elif argv[:1] == ["rollback"] and len(argv) == 2:
            answer = {"release": rollback(Path(argv[1]))}
        else:
            answer = {"error": {"step": "dir target", "lines": [f"unknown request: {argv}"]}}
    except ReleaseError as error:
        answer = {"error": {"step": error.step, "lines": error.lines}}
    except OSError as error:
        where = argv[1] if len(argv) > 1 else "?"
        answer = {"error": {"step": "dir target", "lines": [describe_fault(error, where)]}}
    except (tarfile.TarError, ValueError) as error:
        answer = {"error": {"step": "dir target", "lines": [f"{type(error).__name__}: {error}"]}}
    print(json.dumps(answer))
    return 1 if "error" in answer else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
