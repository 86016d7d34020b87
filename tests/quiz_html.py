"""Render fixture quizzes with the real Markdown extension, outside MkDocs."""

from __future__ import annotations

from pathlib import Path

import markdown

ROOT = Path(__file__).resolve().parent.parent


def render_page(quiz_id: str, quizzes_dir: Path, lang: str = "lv") -> str:
    """The HTML body a page with only `/// quiz | quiz_id` gets, in `lang`."""
    md = markdown.Markdown(
        extensions=["etika.quiz_markdown"],
        extension_configs={
            "etika.quiz_markdown": {
                "quizzes_dir": str(quizzes_dir),
                "docs_dir": str(ROOT / "docs"),
                "lang": lang,
            }
        },
    )
    return md.convert(f"/// quiz | {quiz_id}\n")


def standalone_document(body: str, lang: str = "lv") -> str:
    """A whole page around rendered quiz HTML, with the site's quiz CSS and JS inlined."""
    css = (ROOT / "docs/assets/stylesheets/quiz.css").read_text(encoding="utf-8")
    js = (ROOT / "docs/assets/javascripts/quiz.js").read_text(encoding="utf-8")
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>Quiz</title>'
        f"<style>{css}</style></head><body><main>{body}</main><script>{js}</script></body></html>"
    )
