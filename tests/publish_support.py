"""Helpers for the publishing tests: a project copy to break, git inspection, a real nginx."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = "https://etiska-intervesana.example/"
# What a project copy needs to build and publish (the rest of the repository is not read).
PROJECT_PARTS = ("docs", "quizzes", "overrides", "scripts", "mkdocs.yml")


def copy_project(destination: Path) -> Path:
    destination.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(
                source, destination / part, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(source, destination / part)
    return destination


def run_cli(project: Path, *args: str, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


EXAMPLE_SERVER = ROOT / "scripts" / "deploy" / "nginx-site.conf"
EXAMPLE_ROOT = "/var/www/etiska-intervesana"

NGINX_CONF = """
{user}
daemon off;
worker_processes 1;
pid {run}/nginx.pid;
error_log {run}/error.log;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {run}/body;
    proxy_temp_path {run}/proxy;
    fastcgi_temp_path {run}/fastcgi;
    uwsgi_temp_path {run}/uwsgi;
    scgi_temp_path {run}/scgi;
    {server}
}}
"""


class Nginx:
    """Debian's nginx on a free loopback port, serving `target` through our example server block."""

    def __init__(self, target: Path, run_dir: Path):
        self.port = free_port()
        run_dir.mkdir(parents=True, exist_ok=True)
        server = EXAMPLE_SERVER.read_text(encoding="utf-8")
        server = server.replace("listen 80;", f"listen 127.0.0.1:{self.port};")
        server = server.replace(EXAMPLE_ROOT, str(target))
        # As root (CI), workers would drop to "nobody", who cannot enter pytest's 0700 temp dirs.
        user = "user root root;" if os.geteuid() == 0 else ""
        conf = run_dir / "nginx.conf"
        conf.write_text(NGINX_CONF.format(user=user, run=run_dir, server=server))
        self.process = subprocess.Popen(
            ["/usr/sbin/nginx", "-c", str(conf), "-p", str(run_dir)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(self.process.stderr.read().decode()) from None
                time.sleep(0.05)
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
