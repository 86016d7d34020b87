"""What an author's quiz text may be, and how it becomes safe HTML: one place for both.

The schema checks every text with `text_problem` when a quiz is validated, and the renderer turns
the same text into HTML with `sanitised_html`, so a text that validates always renders, and the
sanitiser never has to drop anything an author wrote. Without this, a link the sanitiser empties
(`[x](javascript:...)`) left an `<a>` without `href`, on which MkDocs stops with an assertion.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata

import markdown
import nh3

ALLOWED_TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "code"}
INLINE_TAGS = {"em", "strong", "a", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}
# A case narrative is far shorter; the cap also bounds Markdown's cost per text.
MAX_CHARS = 4000
# Python-Markdown's link pattern is quadratic in unmatched brackets (16 k '[' took 32 s); a quiz
# text needs a handful of links at most.
MAX_BRACKETS = 20

# Anything Markdown could read as markup, an escape or a block (list, heading, quote, code,
# line breaks); a text without any of it is a plain paragraph and skips Markdown altogether.
MARKUP = re.compile(r"^$|[\\`*_\[\]<>&!#\n\r\t]|^\s|\s$|^(?:\d+[.)]|[-+=>])|  ")

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)")
_HREF = re.compile(r'<a\b[^>]*\bhref="([^"]*)"')
# Bidirectional overrides and isolates reorder what is shown ("Trojan source"); never in a text.
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_WHAT_TAG = {
    "h1": "a heading ('#')",
    "h2": "a heading ('#')",
    "h3": "a heading ('#')",
    "h4": "a heading ('#')",
    "h5": "a heading ('#')",
    "h6": "a heading ('#')",
    "blockquote": "a quotation block ('>')",
    "pre": "a code block (indented text)",
    "hr": "a horizontal rule ('---' or '***')",
    "img": "an image ('![...](...)')",
}

_markdown = markdown.Markdown(extensions=[])


@functools.lru_cache(maxsize=8192)
def _render(source: str) -> tuple[str, bool]:
    """Markdown as HTML before sanitising, and whether it held raw HTML.

    Cached: validation renders each text to check it, and the build renders it again."""
    _markdown.reset()
    rendered = _markdown.convert(source)
    return rendered, bool(_markdown.htmlStash.rawHtmlBlocks)


def sanitise(rendered: str) -> str:
    """Markdown's HTML reduced to what quizzes may show (the sanitiser is the last word)."""
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel=None,
    )


@functools.lru_cache(maxsize=8192)
def sanitised_html(source: str) -> str:
    """The HTML a text renders to: Markdown, then nh3."""
    return sanitise(_render(source)[0])


def text_problem(source: str, *, inline: bool = False) -> str | None:
    """Why `source` cannot be a quiz text, or None. `inline`: it sits in a label or legend."""
    if len(source) > MAX_CHARS:
        return f"text is {len(source)} characters long; the limit is {MAX_CHARS}"
    for char in source:
        if char in _BIDI or (unicodedata.category(char) == "Cc" and char not in "\n\t"):
            return f"character U+{ord(char):04X} is not allowed in a text (a control character)"
    if not any(_visible(char) for char in source):
        return "text has no visible characters"
    if source.count("[") > MAX_BRACKETS:
        return f"text has {source.count('[')} '['; at most {MAX_BRACKETS} (a few links) are allowed"
    if not MARKUP.search(source):
        return None
    rendered, raw_html = _render(source)
    if raw_html:
        return (
            "HTML is not allowed in a text; use Markdown: *emphasis*, **strong**, [text](https://…)"
        )
    for href in _HREF.findall(rendered):
        # Absolute links only: a quiz is shown on pages in two languages and folders, so a
        # relative link would be right on one page at most.
        scheme = _SCHEME.match(html.unescape(href).strip())
        if not scheme or scheme[1].lower() not in ALLOWED_SCHEMES:
            return "links may use http, https or mailto"
    tags = set(_TAG.findall(rendered))
    for tag in sorted(tags - ALLOWED_TAGS):
        return f"{_WHAT_TAG.get(tag, f'<{tag}>')} is not allowed in a text"
    if len(_HREF.findall(sanitised_html(source))) != len(_HREF.findall(rendered)):
        return "links may use http, https or mailto"
    if inline and (rendered.count("<p>") > 1 or tags - INLINE_TAGS - {"p"}):
        return "this text is shown as one line of a form: one paragraph, no lists or blank lines"
    return None


def _visible(char: str) -> bool:
    return not char.isspace() and unicodedata.category(char) not in {"Cc", "Cf", "Zs"}
