"""PDF handouts (principles, reasons, scenario worksheets), LV and EN, printed by headless Chromium.

The pages' own print stylesheet (docs/assets/stylesheets/site.css, `@media print`) makes them
handouts: A4, no navigation, link targets written out (once site_url is the public address),
facilitator notes left out. Chromium embeds the system font's glyphs, so the text stays
selectable with every Latvian diacritic.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from ..site.config import site_url_problem
from . import chromium
from .local_server import serve_directory

# (page slug, file stem) per handout; the language prefix comes from LANGUAGES. The scenario
# pages print as worksheets: cases, questions and lettered options in the order shown on screen.
HANDOUTS = (
    ("principles", "principles"),
    ("reasons", "reasons"),
    ("scenarios-situation", "scenarios-situation"),
    ("scenarios-help", "scenarios-help"),
)
LANGUAGES = {"lv": "", "en": "en/"}


def placeholder_warning(site: Path) -> str | None:
    """The warning to print when the site was built with a placeholder site_url (read from its
    home page's canonical link), as `publish` warns; None when the address is public."""
    home = (site / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<link rel="canonical" href="([^"]*)"', home)
    problem = site_url_problem(found.group(1) if found else "")
    if problem is None:
        return None
    return (
        f"warning: {problem}: the handouts print no address after the site's own links."
        " Set site_url in mkdocs.yml to the public address."
    )


def print_handouts(site: Path, out_dir: Path) -> list[Path]:
    """Print each handout of each language from a built site into `out_dir`; return the files."""
    from playwright.sync_api import sync_playwright  # a dev dependency: only `make handouts`

    warning = placeholder_warning(site)
    if warning:
        print(warning, file=sys.stderr)  # a warning, not a stop: a rehearsal print is legitimate
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with serve_directory(site) as base, sync_playwright() as pw:
        browser = chromium.launch(pw)
        page = browser.new_page()
        for lang, prefix in LANGUAGES.items():
            for slug, stem in HANDOUTS:
                page.goto(f"{base}/{prefix}{slug}/", wait_until="load")
                target = out_dir / f"{stem}.{lang}.pdf"
                page.pdf(
                    path=str(target),
                    format="A4",
                    print_background=True,
                    prefer_css_page_size=True,
                    display_header_footer=True,
                    header_template="<span></span>",
                    footer_template=(
                        '<div style="font-size:8px;width:100%;text-align:center">'
                        '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
                    ),
                )
                written.append(target)
        browser.close()
    return written
