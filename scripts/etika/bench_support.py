"""What the benchmark's parts share: the project root, timed builds, a gzip-serving nginx."""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

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
    gzip on;
    gzip_comp_level 6;
    gzip_types text/css application/javascript application/json image/svg+xml text/xml;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        index index.html;
        error_page 404 /404.html;
        {headers}
    }}
}}
"""


def timed_build(project: Path, runs: int) -> list[float]:
    """Seconds per clean `mkdocs build` of `project` into a fresh temp dir."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="etika-bench-build-") as out:
            started = time.perf_counter()
            result = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", out],
                cwd=project,
                env=env,
                capture_output=True,
                text=True,
            )
            times.append(time.perf_counter() - started)
            if result.returncode != 0:
                raise RuntimeError(f"build of {project} failed:\n{result.stdout}{result.stderr}")
    return times


def median(values: list[float]) -> float:
    return statistics.median(values)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def served(site: Path, headers: str = ""):
    """The site served gzip-compressed by Debian's nginx on a free loopback port."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="etika-bench-nginx-") as run:
        user = "user root root;" if os.geteuid() == 0 else ""
        conf = Path(run) / "nginx.conf"
        conf.write_text(
            NGINX_CONF.format(user=user, run=run, port=port, root=site, headers=headers)
        )
        process = subprocess.Popen(
            ["/usr/sbin/nginx", "-c", str(conf), "-p", run],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(process.stderr.read().decode()) from None
                time.sleep(0.05)
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            process.wait(timeout=10)
