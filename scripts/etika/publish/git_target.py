"""Publish a built site as one commit on a branch of any git remote (GitHub/GitLab Pages, …).

Why not `mkdocs gh-deploy`: it goes through ghp-import, which streams a commit into the local
branch and leaves a partial one behind when killed. Here the commit is made with git's own
plumbing in a throwaway repository, and the remote branch moves in a single `git push`, which
updates the ref only after every object has arrived. Killed at any point before that, the remote
is untouched; the project's own repository is never written to.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from .build import PublishError
from .scratch import scratch_dir

DEFAULT_IDENTITY = ("Etika publish", "publish@localhost")


def _git(*args: str, git_dir: Path | None = None, env: dict | None = None, cwd=None) -> str:
    command = ["git"] + ([f"--git-dir={git_dir}"] if git_dir else []) + list(args)
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=cwd)
    if result.returncode != 0:
        raise PublishError(f"git {args[0]}", (result.stderr or result.stdout).strip().splitlines())
    return result.stdout.strip()


def resolve_remote(remote: str, project: Path) -> str:
    """A remote name of the project's repository ("origin") becomes its URL; else a URL/path."""
    try:
        return _git("remote", "get-url", remote, cwd=project)
    except PublishError:
        return remote


def _identity_env(project: Path) -> dict[str, str]:
    env = dict(os.environ)
    for role in ("AUTHOR", "COMMITTER"):
        for key, fallback, config_key in (
            ("NAME", DEFAULT_IDENTITY[0], "user.name"),
            ("EMAIL", DEFAULT_IDENTITY[1], "user.email"),
        ):
            if f"GIT_{role}_{key}" not in env:
                try:
                    env[f"GIT_{role}_{key}"] = _git("config", config_key, cwd=project) or fallback
                except PublishError:
                    env[f"GIT_{role}_{key}"] = fallback
    return env


def publish_git(site_dir: Path, *, remote: str, branch: str, message: str, project: Path) -> str:
    """Commit `site_dir` as the whole tree of `branch` on `remote` and push; return the commit.

    Returns "" when the remote branch already holds exactly this tree (nothing to publish).
    """
    url = resolve_remote(remote, project)
    ref = f"refs/heads/{branch}"
    env = _identity_env(project)
    # GitHub Pages would otherwise run Jekyll, which hides files whose names start with "_".
    (site_dir / ".nojekyll").touch()
    with scratch_dir("publish-git") as tmp:  # swept by a later run if this one is killed
        git_dir = tmp / "repo.git"
        _git("init", "--quiet", "--bare", str(git_dir))
        parent = ""
        if _git("ls-remote", url, ref):
            _git("fetch", "--quiet", "--depth=1", url, ref, git_dir=git_dir)
            parent = _git("rev-parse", "FETCH_HEAD", git_dir=git_dir)
        tree_env = dict(env, GIT_INDEX_FILE=str(tmp / "index"))
        work = ["--work-tree", str(site_dir)]
        _git(*work, "add", "--all", "--force", ".", git_dir=git_dir, env=tree_env)
        tree = _git("write-tree", git_dir=git_dir, env=tree_env)
        if parent and _git("rev-parse", f"{parent}^{{tree}}", git_dir=git_dir) == tree:
            return ""
        parents = ["-p", parent] if parent else []
        commit = _git("commit-tree", tree, *parents, "-m", message, git_dir=git_dir, env=env)
        # Not forced: if someone else published meanwhile, the push is refused, not overwritten.
        _git("push", "--quiet", url, f"{commit}:{ref}", git_dir=git_dir, env=env)
        return commit
