"""Temp folders of ours that a killed run cannot leave behind for long.

A publish builds the site (about 3 MB) into a temp folder, and the git target makes a throwaway
repository in another; `kill -9` skips every cleanup. So each folder is named `.etika-<job>-*`
and holds a lock file that its run keeps locked (flock) for as long as it lives. The kernel drops
that lock when the process dies, however it dies, so every later run removes the folders of ours
whose lock it can take: no live process is using them. A live run's folder is never touched.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

PREFIX = ".etika-"
LOCK = ".etika-scratch.lock"
# A folder is made under this suffix and renamed once locked, so a sweep running at that moment
# never takes it for a dead run's. One left over (a kill in that instant) is swept after an hour.
NEW = ".new"
HOUR = 3600
# What this project's temp folders were called before they were locked: no lock to test, so
# only their age says the run is over (no publish takes an hour).
LEGACY = ("etika-check-", "etika-publish-", "etika-handouts-")


@contextlib.contextmanager
def scratch_dir(job: str, base: Path | None = None) -> Iterator[Path]:
    """A fresh, locked temp folder for `job` in `base` (default: the system temp folder),
    removed on exit; stale ones of earlier runs in `base` are removed first."""
    system = base is None
    base = Path(tempfile.gettempdir()) if system else base
    sweep(base, legacy=system)
    new = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{job}-", suffix=NEW, dir=base))
    lock = open(new / LOCK, "w")  # noqa: SIM115 (held until the folder is gone)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        folder = new.with_name(new.name.removesuffix(NEW))
        os.rename(new, folder)
    except BaseException:
        lock.close()
        shutil.rmtree(new, ignore_errors=True)
        raise
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        lock.close()


def sweep(base: Path, *, legacy: bool = False) -> list[Path]:
    """Remove the folders of ours in `base` that no live run holds; return them."""
    removed = []
    with contextlib.suppress(OSError):  # a folder we cannot read or write: nothing to sweep
        for folder in base.iterdir():
            with contextlib.suppress(OSError):
                if _stale(folder, legacy=legacy):
                    shutil.rmtree(folder)
                    removed.append(folder)
    return removed


def _stale(folder: Path, *, legacy: bool) -> bool:
    name = folder.name
    if folder.is_symlink() or not folder.is_dir():
        return False
    old = time.time() - folder.stat().st_mtime > HOUR
    if legacy and name.startswith(LEGACY):
        return old and not (folder / LOCK).exists()
    if not name.startswith(PREFIX):
        return False
    if name.endswith(NEW):
        return old and {p.name for p in folder.iterdir()} <= {LOCK}
    return _unlocked(folder / LOCK)


def _unlocked(lock_file: Path) -> bool:
    """Whether no process holds `lock_file`'s lock (a missing lock file: not provably ours)."""
    try:
        fd = os.open(lock_file, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)  # releases the lock we may have taken; the folder is removed just after
    return True
