"""What the built site holds: its pages per language, and helpers to read them."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

LANGUAGES = ("lv", "en")
# Page slugs in the order of the navigation; "" is the home page.
PAGES = (
    "",
    "principles",
    "reasons",
    "practice",
    "glossary",
    "resources",
    "scenarios",
    "scenarios-situation",
    "scenarios-help",
    "scenarios-practice",
    "simulations",
    "self-check",
    "facilitator-guide",
    "workshop-deck",
    "progress",
    "certificate",
    "about",
)
# Pages that hold quizzes (the scenario index lists them but holds none).
QUIZ_PAGES = (
    "scenarios-situation",
    "scenarios-help",
    "scenarios-practice",
    "simulations",
    "self-check",
)

PRINCIPLE_IDS = (
    "support-and-safety",
    "privacy",
    "confidentiality",
    "information-for-the-client",
    "consent-to-share",
    "tactful-questions",
    "listening-skills",
    "breaks-and-stability",
    "own-stereotypes",
    "believe-do-not-judge",
    "professional-and-compassionate",
    "time-and-patience",
    "control-over-body-and-contact",
    "rights-examination-compensation",
    "interpreting",
)

REASON_IDS = (
    "family-support",
    "wants-to-forget",
    "does-not-self-identify",
    "chaotic-first-contact",
    "fear-of-return",
    "trauma",
    "help-imposed",
    "long-exploitation",
    "waiting-list",
    "fear-of-victimisation",
    "needs-to-go-home",
    "family-criticism",
    "fear-of-public-opinion",
)


def page_path(site: Path, lang: str, slug: str) -> Path:
    """The built HTML file of a page in a language."""
    prefix = site if lang == "lv" else site / lang
    return (prefix / slug / "index.html") if slug else (prefix / "index.html")


def page_url(lang: str, slug: str) -> str:
    """The site-relative URL of a page in a language."""
    prefix = "/" if lang == "lv" else f"/{lang}/"
    return f"{prefix}{slug}/" if slug else prefix


class _ArticleParser(HTMLParser):
    """Collects the ids and the visible text inside the page's <article>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.ids: list[str] = []
        self.heading_ids: list[str] = []
        self.text_parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "article":
            self.depth += 1
        if self.depth and attributes.get("id"):
            self.ids.append(attributes["id"])
            # The page title's id is a slug of its own language; sections carry shared anchors.
            if re.fullmatch(r"h[2-6]", tag):
                self.heading_ids.append(attributes["id"])

    def handle_endtag(self, tag):
        if tag == "article" and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text_parts.append(data)


def read_article(path: Path) -> _ArticleParser:
    parser = _ArticleParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def article_text(path: Path) -> str:
    """The article's visible text with white space folded, as a reader sees it."""
    return " ".join("".join(read_article(path).text_parts).split())
