"""Build the site for publishing: validate, strict build into a fresh directory, check, secure.

Every step must pass before the next starts, and the result lives in a directory the caller
owns, so a failure leaves nothing half-built anywhere a host could serve it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ..quiz.validation import page_problems, validate
from . import csp
from .links import check_site


class PublishError(Exception):
    """A step failed; `lines` are the problems, one per line, each naming its file."""

    def __init__(self, step: str, lines: list[str]):
        super().__init__(step)
        self.step = step
        self.lines = lines


def mkdocs_env(*, offline: bool = False, scorm: bool = False) -> dict[str, str]:
    """The environment MkDocs runs in. Offline and SCORM builds switch mkdocs.yml's !ENV settings."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("ETIKA_OFFLINE", None)
    env.pop("ETIKA_SCORM", None)
    if offline or scorm:
        # Material's offline plugin: .html links (file:// has no directory index, nor does an
        # LMS's file server) and a search index loaded as a script, since fetch() cannot read files.
        env["ETIKA_OFFLINE"] = "true"
    if scorm:
        env["ETIKA_SCORM"] = "true"  # every page loads the SCORM bridge
    return env


def build_site(
    root: Path, out_dir: Path, site_url: str, *, offline: bool = False, scorm: bool = False
) -> Path:
    """Build into `out_dir` (which must not exist yet) and return it, or raise PublishError.

    `scorm` is the offline build plus the SCORM bridge and the launch page (scorm_package.py).
    """
    report = validate([root / "quizzes"], docs_dir=root / "docs", root=root)
    problems = [str(p) for p in report.problems]
    problems += [str(p) for p in page_problems(report, root / "docs", root=root)]
    if not problems:
        # A key a learner can guess without reading is a defect of the content, not a style.
        problems = report.answer_key().problems()
    if problems:
        raise PublishError("quiz validation", problems)

    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    command += ["--config-file", str(root / "mkdocs.yml"), "--site-dir", str(out_dir)]
    result = subprocess.run(
        command,
        cwd=root,
        env=mkdocs_env(offline=offline, scorm=scorm),
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip().splitlines()
        raise PublishError("mkdocs build --strict", output[-40:] or ["mkdocs exited with an error"])

    if scorm:
        from .scorm import add_launch_page  # the launch page is link-checked too

        add_launch_page(out_dir)
        offline = True
    broken = check_site(out_dir, site_url, absolute=not offline)
    if broken:
        raise PublishError("link check", [f"{out_dir.name}/{b}" for b in broken])

    if not offline:
        # file:// pages have no origin for 'self' to match; the offline copy is opened locally.
        csp.apply(out_dir)
    return out_dir
