"""MkDocs hook: minify our assets after `mkdocs build` (`minify.py`); `serve` keeps them readable."""

from __future__ import annotations

from pathlib import Path

from etika.site.minify import minify_assets

_command = {"name": "build"}


def on_startup(command, dirty):
    _command["name"] = command


def on_post_build(config):
    if _command["name"] != "serve":
        minify_assets(Path(config.site_dir), Path(config.docs_dir))
