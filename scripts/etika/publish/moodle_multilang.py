"""Two languages of one rendered text in Moodle's multilang form, which survives Moodle's cleaning.

Moodle's multilang filter keeps one of adjacent `<span lang="xx" class="multilang">` elements
(only white space between them, content up to the first `</span>`). Moodle cleans HTML with
HTMLPurifier before filtering, and HTMLPurifier spills a block inside an inline element into
its text: `<span><p>a</p><p>b</p></span>` becomes `<span>ab</span>`. So a span never holds a
block here. When both languages have the same blocks (the usual case: one paragraph each, or
the same list), each block holds its own pair of spans; otherwise each language's blocks are
flattened into one line-broken span, which loses list markup but no words.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree

LANGUAGES = ("lv", "en")
LISTS = {"ul", "ol"}
BLOCKS = {"p", *LISTS, "li"}


def span(lang: str, inline_html: str) -> str:
    return f'<span lang="{lang}" class="multilang">{inline_html}</span>'


def group(inline: dict[str, str]) -> str:
    """One multilang group: a span per language, side by side."""
    return "".join(span(lang, inline[lang]) for lang in LANGUAGES)


def bilingual_html(fragments: dict[str, etree.Element]) -> str:
    """`fragments`: language -> the engine's rendered `<div>` of one text (QuizRenderer.fragment)."""
    shapes = {lang: _shape(fragments[lang]) for lang in LANGUAGES}
    if shapes[LANGUAGES[0]] is not None and len(set(map(tuple, shapes.values()))) == 1:
        return _paired(fragments)
    return f"<p>{group({lang: _flat(fragments[lang]) for lang in LANGUAGES})}</p>"


def inline_html(element: etree.Element) -> str:
    """The content of `element` (its text and children, not its own tags) as HTML."""
    parts = [html.escape(element.text or "", quote=False)]
    parts += [etree.tostring(child, encoding="unicode", method="html") for child in element]
    return "".join(parts)


def plain_text(fragment: etree.Element) -> str:
    """The words of a fragment on one line, for names that Moodle shows as plain text."""
    return " ".join("".join(fragment.itertext()).split())


def _shape(fragment: etree.Element) -> list[tuple[str, int]] | None:
    """[(block tag, list items)] when every block holds inline content only, else None."""
    if (fragment.text or "").strip():
        return None
    shape = []
    for block in fragment:
        if block.tag == "p" and not _has_blocks(block):
            shape.append(("p", 0))
        elif block.tag in LISTS and all(
            item.tag == "li" and not _has_blocks(item) for item in block
        ):
            shape.append((block.tag, len(block)))
        else:
            return None
    return shape


def _has_blocks(element: etree.Element) -> bool:
    return any(node.tag in BLOCKS for node in element.iter() if node is not element)


def _paired(fragments: dict[str, etree.Element]) -> str:
    blocks = zip(*(list(fragments[lang]) for lang in LANGUAGES), strict=True)
    out = []
    for same in blocks:
        tag = same[0].tag
        if tag == "p":
            out.append(f"<p>{group(dict(zip(LANGUAGES, map(inline_html, same), strict=True)))}</p>")
            continue
        items = zip(*(list(block) for block in same), strict=True)
        lis = "".join(
            f"<li>{group(dict(zip(LANGUAGES, map(inline_html, item), strict=True)))}</li>"
            for item in items
        )
        out.append(f"<{tag}>{lis}</{tag}>")
    return "".join(out)


def _flat(fragment: etree.Element) -> str:
    parts = (
        [html.escape(fragment.text.strip(), quote=False)] if (fragment.text or "").strip() else []
    )
    for block in fragment:
        if block.tag in LISTS:
            parts.append("<br>".join(f"• {_inline_or_words(item)}" for item in block))
        else:
            parts.append(_inline_or_words(block))
    return "<br><br>".join(parts)


def _inline_or_words(element: etree.Element) -> str:
    if _has_blocks(element):
        return html.escape(plain_text(element), quote=False)
    return inline_html(element)
