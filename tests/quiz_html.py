"""Render fixture quizzes with the real Markdown extension, outside MkDocs."""

from __future__ import annotations

from pathlib import Path

import markdown

ROOT = Path(__file__).resolve().parent.parent


def render_page(quiz_id: str, quizzes_dir: Path, lang: str = "lv") -> str:
    """The HTML body a page with only `/// quiz | quiz_id` gets, in `lang`."""
    md = markdown.Markdown(
        extensions=["etika.quiz.markdown"],
        extension_configs={
            "etika.quiz.markdown": {
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


def render_unchecked(path: Path, lang: str = "en") -> str:
    """A quiz rendered without the text checks of validation: what the sanitiser alone makes
    of hostile text (validation refuses such text before any build)."""
    from etika.quiz.render import QuizRenderer
    from etika.quiz.schema import Quiz
    from etika.quiz.source import load_yaml

    document, problems = load_yaml(path, path.name)
    assert document is not None, problems
    quiz = Quiz.model_validate(document.data, context={"unchecked_texts": True})
    from markdown.serializers import to_html_string

    # The serializer Python-Markdown itself uses, so the HTML reads as in a built page.
    return to_html_string(QuizRenderer(lang, "", {}).render(quiz))
