"""The dir target: a directory a web server serves, on this machine or on a server over ssh.

`location` is a local path, or `[user@]host:/absolute/path` as scp and rsync write it. Either way
the release logic is release_dir.py: locally it runs in this process; for a server, this module
sends the built site as one tar stream to `ssh host python3 -c <release_dir.py> publish ...`, so
the server needs only sshd and python3 (3.8 or later), no copy of the project and no rsync.
Nothing is switched until the whole tree has arrived and been unpacked on the server.
"""

from __future__ import annotations

import io
import json
import re
import shlex
import subprocess
import tarfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from . import release as release_dir
from .build import PublishError
from .release import ReleaseError, security_policy_changed

# [user@]host:/absolute/path; a colon after a slash (a local path) does not count.
REMOTE = re.compile(r"^(?P<host>(?:[^@/:\s]+@)?[^@/:\s]+):(?P<path>/.*)$")


@dataclass(frozen=True)
class DirTarget:
    location: str
    ssh: str = "ssh"  # the command that reaches the server, e.g. "ssh -p 2222 -i ~/.ssh/deploy"

    @property
    def remote(self) -> re.Match[str] | None:
        return REMOTE.match(self.location)

    def __str__(self) -> str:
        return self.location


def publish(site: Path, target: DirTarget, *, keep: int) -> tuple[str, bool]:
    """Publish `site` as a new release; return (its id, whether the security headers changed)."""
    remote = target.remote
    if remote is None:
        local = Path(target.location)
        with _as_publish_error():
            release = release_dir.publish_dir(site, local, keep=keep)
        return release, security_policy_changed(local, release)
    answer = _on_server(target, ["publish", remote["path"], str(keep)], _tar(site))
    return answer["release"], bool(answer.get("policy_changed"))


def check(target: DirTarget) -> None:
    """Refuse, before a build is spent on it, a local target that cannot take a release.

    A server's target is checked on the server, by the same code, when the release arrives.
    """
    if target.remote is None:
        with _as_publish_error():
            release_dir.check_target(Path(target.location))


def roll_back(target: DirTarget) -> str:
    """Point `current` back at the previous release; return its id."""
    remote = target.remote
    if remote is None:
        with _as_publish_error():
            return release_dir.rollback(Path(target.location))
    return _on_server(target, ["rollback", remote["path"]], b"")["release"]


@contextmanager
def _as_publish_error() -> Iterator[None]:
    """release_dir.py speaks only the standard library; the command line expects PublishError."""
    try:
        yield
    except ReleaseError as error:
        raise PublishError(error.step, error.lines) from None


def _tar(site: Path) -> bytes:
    """The whole site as one uncompressed tar (a few MB: simpler than streaming, no deadlock)."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for path in sorted(site.rglob("*")):
            tar.add(path, arcname=path.relative_to(site).as_posix(), recursive=False)
    return buffer.getvalue()


def _on_server(target: DirTarget, request: list[str], data: bytes) -> dict:
    host = target.remote["host"]
    source = Path(release_dir.__file__).read_text(encoding="utf-8")
    # ssh joins its arguments into one command line for the server's shell: quote every word.
    command = shlex.join(["python3", "-c", source, *request])
    try:
        result = subprocess.run(
            [*shlex.split(target.ssh), host, command], input=data, capture_output=True
        )
    except OSError as error:
        raise PublishError("dir target", [f"{target.ssh}: {error.strerror}"]) from None
    lines = result.stdout.decode("utf-8", "replace").strip().splitlines()
    try:
        answer = json.loads(lines[-1]) if lines else None
    except json.JSONDecodeError:
        answer = None
    if not isinstance(answer, dict):
        said = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise PublishError(
            "dir target",
            [f"{host}: no answer from the server (exit {result.returncode})", *said[-10:]],
        )
    if "error" in answer:
        raise PublishError(
            answer["error"]["step"], [f"{host}: {line}" for line in answer["error"]["lines"]]
        )
    return answer
