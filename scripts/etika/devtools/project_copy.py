"""A copy of the project that builds and publishes like the real one, to change or to grow.

Used by the tests that break a page or a quiz and by the benchmark's larger site.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]  # scripts/etika/devtools/ -> the project
# What a build and a publish read; the rest of the repository is not needed.
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
