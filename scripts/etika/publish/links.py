"""Check every internal link and anchor in a built site, as a reader's browser would follow them.

MkDocs validates links between Markdown pages, but never sees the HTML we generate ourselves (the
quizzes, the progress table, the 404 page, the head metadata). This checker reads the built HTML
of both languages: every `href`/`src` that stays on the site must name a file that exists, and
every `#fragment` must name an `id` on the target page. It needs no network and no browser.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Attributes that make the browser fetch or navigate. `srcset` is not used by our theme.
LINK_ATTRIBUTES = {"href", "src"}
# Schemes that leave the site on purpose and are not ours to check.
FOREIGN_SCHEMES = {"mailto", "tel", "data", "blob"}


@dataclass(frozen=True)
class BrokenLink:
    page: str  # the HTML file, relative to the site directory
    line: int
    target: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.reason}: {self.target}"


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif name in LINK_ATTRIBUTES and tag != "base":
                self.links.append((self.getpos()[0], value))


def _parse(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def _target_file(site_dir: Path, url_path: str) -> Path | None:
    """The file a static server would answer `url_path` (site-relative, no leading slash) with."""
    candidate = site_dir / url_path
    if url_path == "" or url_path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    try:
        candidate.resolve().relative_to(site_dir.resolve())
    except ValueError:
        return None  # climbs out of the site: as broken as a missing file
    return candidate if candidate.is_file() else None


def check_site(site_dir: Path, site_url: str, *, absolute: bool = True) -> list[BrokenLink]:
    """Every broken internal link or anchor in the HTML under `site_dir`, in file order.

    `site_url` is the public address the site is built for: absolute links under it (canonical,
    hreflang alternates, the 404 page's assets, QR codes) are checked as internal links, unless
    `absolute` is False (the offline copy, whose files are named differently from the public
    site's addresses those links keep pointing at).
    """
    site_dir = site_dir.resolve()
    base = urlsplit(site_url)
    base_path = base.path if base.path.endswith("/") else base.path + "/"
    pages = sorted(site_dir.rglob("*.html"))
    parsed = {page: _parse(page) for page in pages}
    problems: list[BrokenLink] = []

    for page, parser in parsed.items():
        rel_page = page.relative_to(site_dir).as_posix()
        page_url_dir = posixpath.dirname(rel_page)
        for line, raw in parser.links:
            url = urlsplit(raw.strip())
            scheme = url.scheme.lower()
            if scheme == "javascript":
                problems.append(BrokenLink(rel_page, line, raw, "script link"))
                continue
            if scheme in FOREIGN_SCHEMES:
                continue
            if scheme or url.netloc:
                if (scheme, url.netloc) != (base.scheme, base.netloc) and url.netloc != base.netloc:
                    continue  # another site: not ours to check (and never fetched in tests)
                if not absolute:
                    continue
                if not url.path.startswith(base_path) and url.path + "/" != base_path:
                    problems.append(BrokenLink(rel_page, line, raw, "outside the site's path"))
                    continue
                site_path = url.path[len(base_path) :]
            elif url.path.startswith("/"):
                if not url.path.startswith(base_path) and url.path + "/" != base_path:
                    problems.append(BrokenLink(rel_page, line, raw, "outside the site's path"))
                    continue
                site_path = url.path[len(base_path) :]
            elif url.path == "":
                site_path = rel_page  # a same-page fragment such as "#confidentiality"
            else:
                # Relative to the page's folder; normpath of a relative path keeps a leading
                # ".." when the link climbs above the site root.
                joined = posixpath.normpath(posixpath.join(page_url_dir, url.path))
                if joined == ".." or joined.startswith("../"):
                    problems.append(BrokenLink(rel_page, line, raw, "climbs out of the site"))
                    continue
                joined = "" if joined == "." else joined
                if url.path.endswith("/") and joined:
                    joined += "/"
                site_path = joined
            target = _target_file(site_dir, unquote(site_path))
            if target is None:
                problems.append(BrokenLink(rel_page, line, raw, "no such file"))
                continue
            fragment = unquote(url.fragment)
            if fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else _parse(target).ids
                if fragment not in ids:
                    problems.append(BrokenLink(rel_page, line, raw, "no such anchor"))
    return problems
