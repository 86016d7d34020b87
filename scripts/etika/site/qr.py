"""Python-Markdown extension: `/// qr | page.md#anchor` becomes a QR code of that page's public URL.

For workshops: participants scan the code on the projected slide or the printed guide and open
the quiz on their phones. The code is generated at build time with segno (no external service)
as inline SVG, with the URL beside it as text and as the image's accessible name.

Options (set per page by scripts/etika/site/quiz_hooks.py):
- `site_url`: the public address the code points at (mkdocs.yml `site_url`);
- `lang`, `default_lang`: the page's language; other languages live under /<lang>/.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from html import escape
from posixpath import splitext

import segno
from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension

MARKER = re.compile(r"^/{3,}\s*qr\s*\|\s*(?P<page>[\w./-]+\.md)(?:#(?P<anchor>[\w-]+))?\s*$")
CAPTION = {
    "lv": "Noskenējiet, lai atvērtu šo lapu tālrunī:",
    "en": "Scan to open this page on a phone:",
}
LABEL = {"lv": "QR kods: {url}", "en": "QR code: {url}"}


def public_url(site_url: str, lang: str, default_lang: str, page: str, anchor: str | None) -> str:
    """The address of a docs page on the public site (directory URLs, language prefix)."""
    stem = splitext(page)[0]
    path = "" if stem == "index" else (stem[: -len("/index")] if stem.endswith("/index") else stem)
    path = f"{path}/" if path else ""
    prefix = "" if lang == default_lang else f"{lang}/"
    base = site_url if site_url.endswith("/") else site_url + "/"
    return f"{base}{prefix}{path}" + (f"#{anchor}" if anchor else "")


def qr_svg(url: str, label: str) -> str:
    # Error correction M survives a projector's glare; the quiet zone of 4 modules is the
    # standard's minimum. Black on white whatever the theme, so phones can read it.
    code = segno.make(url, error="m", micro=False)
    return code.svg_inline(
        scale=4, border=4, dark="#000", light="#fff", title=label, svgclass="qr-code"
    )


class QrBlockProcessor(BlockProcessor):
    def __init__(self, parser, extension: QrExtension):
        super().__init__(parser)
        self.extension = extension

    def test(self, parent, block):
        return bool(MARKER.match(block.split("\n", 1)[0].strip()))

    def run(self, parent, blocks):
        block = blocks.pop(0)
        first, _, rest = block.partition("\n")
        if rest.strip():
            blocks.insert(0, rest)
        match = MARKER.match(first.strip())
        config = self.extension.getConfigs()
        lang = config["lang"] if config["lang"] in CAPTION else "en"
        url = public_url(
            config["site_url"],
            config["lang"],
            config["default_lang"],
            match["page"],
            match["anchor"],
        )
        # Stashed as raw HTML: the link is the public address, not a page of this build, and
        # MkDocs would otherwise try to resolve it as one.
        label = LABEL[lang].format(url=url)
        svg = qr_svg(url, label).replace("<svg ", '<svg role="img" ', 1)
        caption = f'{escape(CAPTION[lang])} <a href="{escape(url)}">{escape(url)}</a>'
        html = (
            f'<figure class="qr" data-qr-url="{escape(url)}"><div class="qr__image">{svg}</div>'
            f"<figcaption>{caption}</figcaption></figure>"
        )
        placeholder = etree.SubElement(parent, "p")
        placeholder.text = self.parser.md.htmlStash.store(html)


class QrExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "site_url": ["/", "The public address of the site"],
            "lang": ["lv", "Language of the page"],
            "default_lang": ["lv", "The language served at the site root"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.parser.blockprocessors.register(QrBlockProcessor(md.parser, self), "etika_qr", 106)


def makeExtension(**kwargs) -> QrExtension:
    return QrExtension(**kwargs)
