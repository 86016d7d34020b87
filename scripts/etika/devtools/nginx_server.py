"""Debian's nginx on a free loopback port, with its own config: for the tests and the benchmark.

The caller gives the `server { … }` block for the port it is handed; everything around it
(pid, logs, temp paths under a run folder, mime types) is the same for every use.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

NGINX = "/usr/sbin/nginx"
HTTP_CONF = """
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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class NginxServer:
    """Started on creation (ready to answer), stopped by `stop()` or on leaving a `with`."""

    def __init__(self, server_block: Callable[[int], str], run_dir: Path):
        self.port = free_port()
        run_dir.mkdir(parents=True, exist_ok=True)
        # As root (CI), workers would drop to "nobody", who cannot enter 0700 temp dirs.
        user = "user root root;" if os.geteuid() == 0 else ""
        conf = run_dir / "nginx.conf"
        conf.write_text(HTTP_CONF.format(user=user, run=run_dir, server=server_block(self.port)))
        self.process = subprocess.Popen(
            [NGINX, "-c", str(conf), "-p", str(run_dir)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.process.kill()
                    raise RuntimeError(self.process.stderr.read().decode()) from None
                time.sleep(0.05)
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)

    def __enter__(self) -> NginxServer:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
