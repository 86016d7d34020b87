"""`check --out DIR`: replace DIR with the checked site, and never delete what we did not make.

DIR is replaced whole (a Pages upload must not carry pages from an earlier build), so a wrong
path would wipe someone's files: `--out docs` the pages, `--out .` the project and its history.
Only a folder that is new, empty, or stamped as an earlier output of ours is replaced. The site
is built in a temp folder of ours beside DIR (same file system) and swapped in with renames.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from .build import PublishError
from .release import describe_fault
from .scratch import scratch_dir

STAMP = ".etika-check-output"
STAMP_TEXT = "Written by scripts/build.py check --out; its next run replaces this whole folder.\n"
# The project's own folders: sources, tests, and the repository itself.
SOURCES = ("docs", "quizzes", "overrides", "scripts", "tests", ".git", ".github")
OWN_FOLDER = "give the output a folder of its own, e.g. --out public"


def refusal(out: Path, project: Path) -> str | None:
    """Why `check --out` must not replace `out` (one line, with what to do), or None."""
    out, project = out.resolve(), project.resolve()
    why = None
    if out == project:
        why = f"it is the project folder; {OWN_FOLDER}"
    elif out in project.parents:
        why = f"it holds the project; {OWN_FOLDER}"
    elif any(out.is_relative_to(project / name) for name in SOURCES):
        name = out.relative_to(project).parts[0]
        why = f"it is in the project's own {name}/ folder; {OWN_FOLDER}"
    elif (out / ".git").exists():
        why = f"it holds a git repository (.git); {OWN_FOLDER}"
    elif ".git" in out.parts:
        why = f"it is inside a git repository's .git folder; {OWN_FOLDER}"
    elif out.exists() and not out.is_dir():
        why = "it is a file; remove it or choose a folder"
    elif out.is_dir() and not (out / STAMP).is_file() and any(out.iterdir()):
        why = (
            f"it holds files no earlier check --out wrote (no {STAMP} stamp);"
            " choose a new or empty folder, or empty it yourself"
        )
    return f"refusing --out {out}: {why}" if why else None


@contextlib.contextmanager
def replacing(out: Path) -> Iterator[Path]:
    """Yield a path to build the site at; on success it becomes `out`, stamped as ours.

    Check `refusal` first. A fault (read-only, full disk) raises PublishError naming `out` and
    leaves `out` as it was.
    """
    out = out.resolve()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with scratch_dir("check", base=out.parent) as stage:
            yield stage / "site"
            (stage / "site" / STAMP).write_text(STAMP_TEXT, encoding="utf-8")
            _swap(stage / "site", out, stage / "previous")
    except OSError as error:
        raise PublishError("check --out", [describe_fault(error, out)]) from None


def _swap(new: Path, out: Path, aside: Path) -> None:
    # Two renames: `out` is missing for an instant between them (a directory cannot be
    # exchanged atomically without renameat2). The previous output is removed with the stage.
    if out.exists():
        os.rename(out, aside)
    try:
        os.rename(new, out)
    except OSError:
        if aside.exists():
            os.rename(aside, out)
        raise
