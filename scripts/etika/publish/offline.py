"""Pack an offline build into one zip a facilitator can open from disk (file://), no internet.

The build itself is Material's offline plugin (switched on by site_build's offline flag). The
zip is written in a temp folder of ours beside its final name and renamed into place, so a
killed or failed run never leaves a truncated package where the previous good one was, and the
next run sweeps what a killed one left (scratch.py).
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from .build import PublishError
from .release import describe_fault
from .scratch import scratch_dir

# The folder inside the zip, so unpacking never scatters files into the current directory.
TOP_FOLDER = "etiska-intervesana"


def write_zip(
    site_dir: Path, output: Path, *, folder: str | None = TOP_FOLDER, step: str = "offline target"
) -> Path:
    """Write `site_dir` as the zip `output`; a fault (full disk, read-only) raises PublishError.

    The files go under `folder` in the zip, or at its root when `folder` is None (a SCORM package
    must have its manifest there). `step` names the target in the error.
    """
    prefix = f"{folder}/" if folder else ""
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        with scratch_dir("zip", base=output.parent) as stage:
            partial = stage / output.name
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
                for path in sorted(site_dir.rglob("*")):
                    if path.is_file():
                        zf.write(path, prefix + path.relative_to(site_dir).as_posix())
            os.replace(partial, output)
    except OSError as error:
        raise PublishError(step, [describe_fault(error, output)]) from None
    return output
