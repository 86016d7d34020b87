"""MkDocs hook: minify our own JS and CSS in the built site; the sources stay commented.

Our comments say *why* and stay in docs/assets; learners should not download them. rjsmin and
rcssmin (well-kept, pure Python, no options to get wrong) do it after the build, on the copies
in site_dir only. `mkdocs serve` keeps the readable files, for debugging.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

_command = {"name": "build"}


def on_startup(command, dirty):
    _command["name"] = command


def our_assets(docs_dir: Path) -> list[str]:
    """Site paths of our own JS and CSS (vendored files are left as their authors ship them)."""
    assets = docs_dir / "assets"
    return sorted(
        p.relative_to(docs_dir).as_posix()
        for p in assets.rglob("*")
        if p.suffix in {".js", ".css"} and "vendor" not in p.parts
    )


def on_post_build(config):
    if _command["name"] == "serve":
        return
    site = Path(config.site_dir)
    for path in our_assets(Path(config.docs_dir)):
        target = site / path
        if not target.is_file():
            continue
        text = target.read_text(encoding="utf-8")
        small = rjsmin.jsmin(text) if target.suffix == ".js" else rcssmin.cssmin(text)
        target.write_text(small + "\n", encoding="utf-8")
