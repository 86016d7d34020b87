"""Minify our own JS and CSS in a built site; the sources stay commented.

Our comments say *why* and stay in docs/assets; learners should not download them. rjsmin and
rcssmin (well-kept, pure Python, no options to get wrong) do it after the build, on the copies
in the built folder only. `minify_hooks.py` calls it after `mkdocs build`; `mkdocs serve`
keeps the readable files, for debugging.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin


def our_assets(docs_dir: Path) -> list[str]:
    """Site paths of our own JS and CSS (vendored files are left as their authors ship them)."""
    assets = docs_dir / "assets"
    return sorted(
        p.relative_to(docs_dir).as_posix()
        for p in assets.rglob("*")
        if p.suffix in {".js", ".css"} and "vendor" not in p.parts
    )


def minify_assets(site_dir: Path, docs_dir: Path) -> None:
    """Minify, in place in `site_dir`, the built copies of our assets found in `docs_dir`."""
    for path in our_assets(docs_dir):
        target = site_dir / path
        if not target.is_file():
            continue
        text = target.read_text(encoding="utf-8")
        small = rjsmin.jsmin(text) if target.suffix == ".js" else rcssmin.cssmin(text)
        target.write_text(small + "\n", encoding="utf-8")
