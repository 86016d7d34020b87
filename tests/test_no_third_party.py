"""Nobody else in the room: the built site loads nothing from another host."""

from __future__ import annotations

import re

# Attributes through which a browser fetches something by itself (links a reader clicks don't count).
LOADING_ATTRIBUTES = re.compile(
    r"<(script|img|iframe|source|audio|video|embed|object|track|input)\b[^>]*?\s"
    r"(?:src|srcset|data|poster)=[\"']([^\"']+)[\"']",
    re.IGNORECASE,
)
LINK_TAGS = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
# Links that tell crawlers about a page without the browser fetching them.
NON_LOADING_RELS = {"canonical", "alternate", "prev", "next"}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)|@import\s+['\"]([^'\"]+)", re.IGNORECASE)
EXTERNAL = re.compile(r"^(?:https?:)?//", re.IGNORECASE)


def external_resources_in_html(html: str) -> list[str]:
    found = [url for _, url in LOADING_ATTRIBUTES.findall(html) if EXTERNAL.match(url)]
    for tag in LINK_TAGS.findall(html):
        rel = re.search(r"rel=[\"']([^\"']+)", tag)
        href = re.search(r"href=[\"']([^\"']+)", tag)
        loads = rel and href and rel.group(1).lower() not in NON_LOADING_RELS
        if loads and EXTERNAL.match(href.group(1)):
            found.append(href.group(1))
    return found


def test_the_scanner_spots_a_google_font_and_a_cdn_script():
    html = (
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<script src="//cdn.example.com/x.js"></script>'
        '<link rel="canonical" href="https://example.org/">'
    )
    assert external_resources_in_html(html) == [
        "//cdn.example.com/x.js",
        "https://fonts.googleapis.com/css?family=Roboto",
    ]


def test_no_built_page_loads_a_resource_from_another_host(site):
    offenders = {}
    for path in site.rglob("*.html"):
        found = external_resources_in_html(path.read_text(encoding="utf-8"))
        if found:
            offenders[str(path.relative_to(site))] = found
    assert offenders == {}


def test_no_stylesheet_imports_from_another_host(site):
    offenders = {}
    for path in site.rglob("*.css"):
        for groups in CSS_URL.findall(path.read_text(encoding="utf-8")):
            url = next(g for g in groups if g)
            if EXTERNAL.match(url.strip()):
                offenders.setdefault(str(path.relative_to(site)), []).append(url)
    assert offenders == {}


def test_no_google_fonts_or_analytics_anywhere(site):
    banned = ("fonts.googleapis", "fonts.gstatic", "googletagmanager", "google-analytics")
    hits = [
        str(path.relative_to(site))
        for path in site.rglob("*")
        if path.suffix in {".html", ".css", ".js"}
        and any(b in path.read_text(encoding="utf-8", errors="replace") for b in banned)
    ]
    assert hits == []
