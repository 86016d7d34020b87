"""Where the site is published: `extra.publish` in mkdocs.yml, the one place it is configured.

Command-line options of `scripts/build.py publish` override single values for one run.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

TARGETS = ("git", "dir", "offline")


@dataclass
class PublishConfig:
    site_url: str
    target: str = "git"
    git_remote: str = "origin"
    git_branch: str = "gh-pages"
    dir_path: Path | None = None
    dir_keep: int = 5
    offline_output: Path = Path("dist/site-offline.zip")


def load(config_file: Path) -> PublishConfig:
    """Read mkdocs.yml (with MkDocs' own loader, so `!ENV` tags work) into a PublishConfig."""
    with open(config_file, encoding="utf-8") as f:
        data = yaml_load(f)
    root = config_file.parent
    section = (data.get("extra") or {}).get("publish") or {}
    git = section.get("git") or {}
    folder = section.get("dir") or {}
    offline = section.get("offline") or {}
    config = PublishConfig(site_url=data.get("site_url") or "/")
    config.target = section.get("target", config.target)
    config.git_remote = git.get("remote", config.git_remote)
    config.git_branch = git.get("branch", config.git_branch)
    if folder.get("path"):
        config.dir_path = root / folder["path"]
    config.dir_keep = int(folder.get("keep", config.dir_keep))
    config.offline_output = root / offline.get("output", config.offline_output)
    return config
