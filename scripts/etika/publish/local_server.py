"""A built site served on a free loopback port, as a static host would serve it.

For what reads the site in a browser without publishing it: the tests and `make handouts`.
(`make serve` is MkDocs' own server; the bench and the dir-target tests use nginx for gzip.)
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test and command output readable
        pass


@contextmanager
def serve_directory(site: Path) -> Iterator[str]:
    """Serve `site` until the block ends; yields its base URL (no trailing slash)."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
