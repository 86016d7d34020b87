"""The package layout is the architecture: folders by concern, imports that point one way."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "scripts" / "etika"
# Which packages each package may import. bench may use anything; tests are not checked.
ALLOWED = {
    "quiz": set(),
    "site": {"quiz"},
    "publish": {"quiz", "site"},
    "devtools": {"publish"},
    "bench": {"quiz", "site", "publish", "devtools"},
}


def imported_packages(path: Path) -> set[str]:
    """The etika packages a module imports, from its relative and absolute imports."""
    here = path.relative_to(PACKAGE).parts[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 0 and node.module and node.module.startswith("etika."):
                found.add(node.module.split(".")[1])
            elif node.level == 1:
                found.add(here)
            elif node.level == 2:
                if node.module:
                    found.add(node.module.split(".")[0])
                else:
                    found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("etika."):
                    found.add(alias.name.split(".")[1])
    return found - {here}


def wrong_arrows(root: Path = PACKAGE) -> list[str]:
    wrong = []
    for path in sorted(root.glob("*/*.py")):
        here = path.relative_to(root).parts[0]
        for target in sorted(imported_packages(path) - ALLOWED[here]):
            wrong.append(f"{path.relative_to(root)} imports etika.{target}")
    return wrong


def test_every_module_lives_in_a_package_folder():
    loose = [p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py"]
    assert loose == []
    assert sorted(
        p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"
    ) == sorted(ALLOWED)


def test_imports_point_only_the_allowed_way():
    assert wrong_arrows() == []


def test_the_arrow_check_catches_a_wrong_arrow(tmp_path):
    (tmp_path / "quiz").mkdir()
    (tmp_path / "quiz" / "render.py").write_text("from ..site.config import x\n")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "hooks.py").write_text(
        "from etika.publish.build import y\nfrom ..quiz import render\n"
    )
    global PACKAGE
    saved, PACKAGE = PACKAGE, tmp_path
    try:
        assert wrong_arrows(tmp_path) == [
            "quiz/render.py imports etika.site",
            "site/hooks.py imports etika.publish",
        ]
    finally:
        PACKAGE = saved


def test_each_package_opens_with_a_docstring_that_says_its_job():
    for init in sorted(PACKAGE.glob("*/__init__.py")):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert len(doc.split()) >= 8 and "TODO" not in doc, init


ENGINE_WITHOUT_MKDOCS = """
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "mkdocs" or name.startswith(("mkdocs.", "material", "mkdocs_static_i18n")):
            raise ImportError("blocked: " + name)
sys.meta_path.insert(0, Block())
from pathlib import Path
import xml.etree.ElementTree as etree
from etika.quiz.render import QuizRenderer
from etika.quiz.validation import validate
report = validate([Path("quizzes")], docs_dir=Path("docs"))
assert not report.problems, report.problems
html = b"".join(
    etree.tostring(QuizRenderer(lang, "", {}).render(quiz))
    for quiz in report.quizzes.values() for lang in ("lv", "en")
)
assert b'class="quiz' in html
print(len(report.quizzes), any(m.split(".")[0] in ("mkdocs", "material") for m in sys.modules))
"""


def test_the_quiz_engine_validates_and_renders_without_mkdocs():
    done = subprocess.run(
        [sys.executable, "-c", ENGINE_WITHOUT_MKDOCS], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    count, loaded = done.stdout.split()
    assert int(count) >= 20 and loaded == "False"


def test_the_readme_layout_names_the_folders_of_the_tree():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Layout", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"^scripts/etika/([a-z_]+)/", section, flags=re.M))
    assert named == set(ALLOWED)
