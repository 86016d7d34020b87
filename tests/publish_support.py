"""Helpers for the publishing tests: a project copy to break, git inspection, a real nginx."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from etika.devtools.nginx_server import NginxServer
from etika.devtools.project_copy import ROOT, copy_project  # noqa: F401 (used by the tests)

SITE_URL = "https://etiska-intervesana.example/"


def run_cli(
    project: Path, *args: str, temp: Path | None = None, **kwargs
) -> subprocess.CompletedProcess:
    """Run the command line of `project`; `temp` is its temp folder (TMPDIR), to inspect after."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if temp is not None:
        temp.mkdir(exist_ok=True)
        env["TMPDIR"] = str(temp)
    return subprocess.run(
        [sys.executable, str(project / "scripts" / "build.py"), *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        **kwargs,
    )


def git(*args: str, cwd: Path | None = None) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return result.stdout.strip()


def remote_ref(bare: Path, branch: str = "gh-pages") -> str:
    result = subprocess.run(
        ["git", f"--git-dir={bare}", "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}"],
        capture_output=True,
        text=True,
    )
    return result.stdout.strip()


def tree_files(bare: Path, commit: str) -> dict[str, str]:
    """path -> blob id of every file in a commit's tree."""
    listing = git(f"--git-dir={bare}", "ls-tree", "-r", commit)
    files = {}
    for line in listing.splitlines():
        meta, path = line.split("\t", 1)
        files[path] = meta.split()[2]
    return files


def dir_files(site: Path) -> dict[str, str]:
    """path -> blob id of every file in a directory, as git would hash it."""
    paths = sorted(p for p in site.rglob("*") if p.is_file())
    ids = git("hash-object", "--", *[str(p) for p in paths]).splitlines()
    return {p.relative_to(site).as_posix(): blob for p, blob in zip(paths, ids, strict=True)}


def kill_group(process: subprocess.Popen) -> None:
    """SIGKILL a process and everything it started (git, mkdocs): a power cut, not a goodbye."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def scratch_left(folder: Path) -> list[str]:
    """The temp folders of ours in `folder` (scratch.py names them)."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".etika-"))


def listing(folder: Path) -> dict[str, str]:
    """Every path under `folder` with its kind: what a fault must leave exactly as it was."""
    entries = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            kind = f"-> {os.readlink(path)}"
        elif path.is_dir():
            kind = "dir"
        else:
            kind = f"{path.stat().st_size} bytes"
        entries[path.relative_to(folder).as_posix()] = kind
    return entries


def mkdocs_child_of(pid: int) -> bool:
    """Whether a process in `pid`'s session is running `mkdocs build`."""
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if os.getsid(int(proc.name)) != pid:
                continue
            argv = (proc / "cmdline").read_bytes().split(b"\0")
        except (OSError, ProcessLookupError):
            continue  # it ended while we looked
        if b"mkdocs" in argv and b"build" in argv:
            return True
    return False


def kill_during_build(process: subprocess.Popen, seconds: float = 60) -> None:
    """SIGKILL `process` (started with start_new_session) while its `mkdocs build` runs.

    Polled, not timed: a fixed delay could land after the publish on a fast machine, or before
    the build on a slow one.
    """
    deadline = time.monotonic() + seconds
    while not mkdocs_child_of(process.pid) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert mkdocs_child_of(process.pid), "the publish never reached its build"
    kill_group(process)


@contextlib.contextmanager
def tmpfs(where: Path, size: str):
    """A small tmpfs at `where`: a disk that fills up, or that can be remounted read-only.

    Needs root and mount(8), as in CI; elsewhere the test is skipped, saying why.
    """
    where.mkdir(parents=True, exist_ok=True)
    try:
        mounted = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
            capture_output=True,
            text=True,
        )
    except FileNotFoundError:
        pytest.skip("no mount(8) here: a full or read-only disk cannot be made for this test")
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {mounted.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "--lazy", str(where)], check=True)


def remount_read_only(where: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True)


EXAMPLE_SERVER = ROOT / "scripts" / "deploy" / "nginx-site.conf"
EXAMPLE_ROOT = "/var/www/etiska-intervesana"


def serve_target(target: Path, run_dir: Path) -> NginxServer:
    """nginx serving the `dir` target `target` through our example server block, as deployed."""

    def server(port: int) -> str:
        block = EXAMPLE_SERVER.read_text(encoding="utf-8")
        block = block.replace("listen 80;", f"listen 127.0.0.1:{port};")
        return block.replace(EXAMPLE_ROOT, str(target))

    return NginxServer(server, run_dir)
