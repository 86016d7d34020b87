"""The sites `make bench` measures, made in temp dirs from the real project.

- `ten_times_larger`: the project with nine more copies of every page (both languages) and of
  every quiz under new ids, each copy in the navigation: how the build cost grows.
- `bare_material`: the same pages in a plain Material for MkDocs + i18n site, without our quizzes,
  hooks, overrides or assets: the baseline our cost is a ratio of.
- `many_quiz_files`: N valid quiz files with distinct ids, for validation time.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from ..devtools.project_copy import ROOT, copy_project

# Blanks only within the line: "\s*$" under re.M would eat the blank line after a marker.
QUIZ_MARKER = re.compile(r"^(/{3,}[ \t]*quiz[ \t]*\|[ \t]*)([\w-]+)[ \t]*$", re.M)
ANY_MARKER = re.compile(r"^/{3,}\s*(quiz|quiz-index|quiz-progress|qr)\b.*$", re.M)
QUIZ_ANCHOR = re.compile(r"#quiz-[\w-]+")


def _load_config(path: Path) -> dict:
    with open(path, encoding="utf-8") as f:
        return yaml_load(f)


def _pages(docs: Path) -> list[Path]:
    return sorted(p for p in docs.glob("*.md"))


def ten_times_larger(destination: Path, copies: int = 9) -> Path:
    project = copy_project(destination)
    docs, quizzes = project / "docs", project / "quizzes"
    originals = sorted(quizzes.glob("*.yaml"))
    config = _load_config(project / "mkdocs.yml")
    for k in range(1, copies + 1):
        suffix = f"-k{k}"
        for quiz in originals:
            text = quiz.read_text(encoding="utf-8")
            text = re.sub(r"^id: ([\w-]+)$", rf"id: \1{suffix}", text, count=1, flags=re.M)
            (quizzes / f"{quiz.stem}{suffix}.yaml").write_text(text, encoding="utf-8")
        folder = docs / f"k{k}"
        folder.mkdir()
        for page in _pages(docs):
            text = page.read_text(encoding="utf-8")
            text = QUIZ_MARKER.sub(rf"\g<1>\g<2>{suffix}", text)
            text = re.sub(r"(#quiz-[a-z0-9-]+)(?=[)\s])", rf"\1{suffix}", text)
            (folder / page.name).write_text(text, encoding="utf-8")
        config["nav"].append(
            {f"Kopija {k}": [f"k{k}/{p.name}" for p in _pages(docs) if not p.stem.endswith(".en")]}
        )
    # The quiz index, progress and certificate pages list every quiz already; one each is enough.
    listings = ("scenarios", "progress", "certificate")
    for k in range(1, copies + 1):
        for name in [f"{stem}{suffix}.md" for stem in listings for suffix in ("", ".en")]:
            page = docs / f"k{k}" / name
            page.write_text(ANY_MARKER.sub("", page.read_text(encoding="utf-8")), encoding="utf-8")
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return project


def bare_material(destination: Path) -> Path:
    """The same pages and navigation in Material + i18n as they come, no quizzes or extras."""
    destination.mkdir(parents=True)
    shutil.copytree(ROOT / "docs", destination / "docs", ignore=shutil.ignore_patterns("assets"))
    for page in (destination / "docs").rglob("*.md"):
        text = ANY_MARKER.sub("", page.read_text(encoding="utf-8"))
        page.write_text(QUIZ_ANCHOR.sub("", text), encoding="utf-8")
    ours = _load_config(ROOT / "mkdocs.yml")
    i18n = next(p["i18n"] for p in ours["plugins"] if isinstance(p, dict) and "i18n" in p)
    config = {
        "site_name": ours["site_name"],
        "site_url": ours["site_url"],
        "theme": {"name": "material", "language": "lv", "font": False},
        "plugins": ["search", {"i18n": i18n}],
        "nav": ours["nav"],
        "markdown_extensions": [
            e
            for e in ours["markdown_extensions"]
            if not (isinstance(e, str) and e.startswith("etika"))
            and not (isinstance(e, dict) and any(k.startswith("etika") for k in e))
        ],
    }
    (destination / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return destination


def many_quiz_files(destination: Path, count: int) -> Path:
    destination.mkdir(parents=True)
    originals = sorted((ROOT / "quizzes").glob("*.yaml"))
    for n in range(count):
        source = originals[n % len(originals)]
        text = source.read_text(encoding="utf-8")
        text = re.sub(r"^id: ([\w-]+)$", rf"id: \1-n{n}", text, count=1, flags=re.M)
        (destination / f"{source.stem}-n{n}.yaml").write_text(text, encoding="utf-8")
    return destination
