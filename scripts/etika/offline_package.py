"""Pack an offline build into one zip a facilitator can open from disk (file://), no internet.

The build itself is Material's offline plugin (switched on by site_build's offline flag). The
zip is written next to its final name and renamed into place, so a killed run never leaves a
truncated package where the previous good one was.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

# The folder inside the zip, so unpacking never scatters files into the current directory.
TOP_FOLDER = "etiska-intervesana"


def write_zip(site_dir: Path, output: Path) -> Path:
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(f".{output.name}.{os.getpid()}.partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(site_dir.rglob("*")):
            if path.is_file():
                zf.write(path, f"{TOP_FOLDER}/{path.relative_to(site_dir).as_posix()}")
    os.replace(partial, output)
    return output
