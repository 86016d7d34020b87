"""Where the site is published: `extra.publish` in mkdocs.yml, the one place it is configured.

Command-line options of `scripts/build.py publish` override single values for one run.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from .dir_target import REMOTE, DirTarget

TARGETS = ("git", "dir", "offline", "scorm")


@dataclass
class PublishConfig:
    site_url: str
    target: str = "git"
    git_remote: str = "origin"
    git_branch: str = "gh-pages"
    dir_location: str | None = None  # an absolute local path or [user@]host:/path
    dir_keep: int = 5
    dir_ssh: str = "ssh"
    offline_output: Path = Path("dist/site-offline.zip")
    scorm_output: Path = Path("dist/etiska-intervesana-scorm12.zip")

    @property
    def dir_target(self) -> DirTarget | None:
        return DirTarget(self.dir_location, self.dir_ssh) if self.dir_location else None


def load(config_file: Path) -> PublishConfig:
    """Read mkdocs.yml (with MkDocs' own loader, so `!ENV` tags work) into a PublishConfig."""
    with open(config_file, encoding="utf-8") as f:
        data = yaml_load(f)
    root = config_file.parent
    section = (data.get("extra") or {}).get("publish") or {}
    git = section.get("git") or {}
    folder = section.get("dir") or {}
    offline = section.get("offline") or {}
    scorm = section.get("scorm") or {}
    config = PublishConfig(site_url=data.get("site_url") or "/")
    config.target = section.get("target", config.target)
    config.git_remote = git.get("remote", config.git_remote)
    config.git_branch = git.get("branch", config.git_branch)
    config.dir_ssh = folder.get("ssh", config.dir_ssh)
    if folder.get("path"):
        config.dir_location = resolve_location(str(folder["path"]), relative_to=root)
    config.dir_keep = int(folder.get("keep", config.dir_keep))
    config.offline_output = root / offline.get("output", config.offline_output)
    config.scorm_output = root / scorm.get("output", config.scorm_output)
    return config


def resolve_location(location: str, *, relative_to: Path) -> str:
    """A local path made absolute against `relative_to`; a server's `host:/path` as it is."""
    if REMOTE.match(location):
        return location
    return str((relative_to / location).resolve())
