"""What the benchmark's parts share: the project root, builds, a gzip-serving nginx."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from ..devtools.nginx_server import NginxServer
from ..devtools.project_copy import ROOT  # noqa: F401 (the bench modules take it from here)

# The benchmark's server: compressed as a production host would, nothing else.
GZIP_SERVER = """
    gzip on;
    gzip_comp_level 6;
    gzip_types text/css application/javascript application/json image/svg+xml text/xml;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        index index.html;
        error_page 404 /404.html;
    }}
"""


def build(project: Path, out: Path) -> None:
    """One clean `mkdocs build` of `project` into `out`; raises with MkDocs' output on failure."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(out)]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"build of {project} failed:\n{result.stdout}{result.stderr}")


def timed_build(project: Path, runs: int) -> list[float]:
    """Seconds per clean build of `project` into a fresh temp dir."""
    return timed_builds({"project": project}, runs)["project"]


def timed_builds(projects: dict[str, Path], runs: int) -> dict[str, list[float]]:
    """Seconds per clean build of each project, `runs` times.

    One untimed warm-up build each (disk cache, bytecode), then the projects take turns, so a
    change in the machine's load during the run weighs on all of them alike; a ratio of two
    blocks timed one after the other moved between 1.45 and 1.56 from run to run.
    """
    times: dict[str, list[float]] = {name: [] for name in projects}
    for round_ in range(runs + 1):
        for name, project in projects.items():
            with tempfile.TemporaryDirectory(prefix="etika-bench-build-") as out:
                started = time.perf_counter()
                build(project, Path(out))
                if round_:
                    times[name].append(time.perf_counter() - started)
    return times


def median(values: list[float]) -> float:
    return statistics.median(values)


@contextmanager
def served(site: Path):
    """The site served gzip-compressed by Debian's nginx on a free loopback port."""
    with tempfile.TemporaryDirectory(prefix="etika-bench-nginx-") as run:
        block = lambda port: GZIP_SERVER.format(port=port, root=site.resolve())  # noqa: E731
        with NginxServer(block, Path(run)) as server:
            yield server.url
