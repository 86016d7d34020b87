"""One search index per language, so each language's search returns its own pages only.

The i18n plugin merges every language into /search/search_index.json; the English glossary,
which names the Latvian terms, would then answer Latvian queries. After the build, each
non-default language's entries move to /<lang>/search/search_index.json, and that language's
pages point Material's `base` (the root its search index and result links resolve against) at
/<lang>/.

A language for which the site ships its own lunr plugin (docs/assets/javascripts/lunr/min/
lunr.<lang>.min.js; Latvian, which lunr lacks) gets that plugin named in its index's config,
so Material's search worker loads it: folding and stemming for indexed and query words alike.

Facilitator notes (`!!! facilitator`) stay in the page for the facilitator view but out of every
search index: a learner's search must not answer with words the page does not show them.

Plain functions on HTML and on the built folder; `search_hooks.py` calls them from MkDocs.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

CONFIG_BASE = re.compile(
    r'(<script id="__config" type="application/json">\{[^<]*?"base": ")([^"]*)(")'
)
# The opening tag of a facilitator note as the admonition extension writes it.
FACILITATOR_NOTE = re.compile(r'<div (?=class="admonition facilitator[\s"])')


def exclude_facilitator_notes(html: str) -> str:
    """Mark facilitator notes `data-search-exclude`, which Material's indexer skips (with all
    they hold)."""
    return FACILITATOR_NOTE.sub("<div data-search-exclude ", html)


def language_root(locale: str, page_url: str) -> str:
    """The path from a page's folder to /<locale>/, for Material's `base`.

    A URL names a folder ("en/principles/") or a file ("en/principles.html", the offline build's
    form); either way the links are relative to the folder the page is served from, so the
    file's name must not count as a level: "en/index.html" is in en/, its base is ".".
    """
    folder = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    return posixpath.relpath(locale, folder or ".")


def point_search_base(html: str, root: str) -> str:
    """Set Material's `base` in the page's config script to `root`."""
    return CONFIG_BASE.sub(lambda m: f"{m[1]}{root}{m[3]}", html, count=1)


def split_index(site_dir: Path, default: str | None, others: list[str], offline: bool) -> None:
    """Move each non-default language's entries of the merged index into /<lang>/search/.

    A single language's build, or an index already split, is left as it is.
    """
    index_path = site_dir / "search" / "search_index.json"
    if not index_path.is_file():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    if not any(doc["location"].startswith(f"{lang}/") for doc in index["docs"] for lang in others):
        return
    for lang in others:
        prefix = f"{lang}/"
        docs = [
            {**doc, "location": doc["location"][len(prefix) :]}
            for doc in index["docs"]
            if doc["location"].startswith(prefix)
        ]
        target = site_dir / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        _write_index(target, {**index, "docs": docs}, offline)
    prefixes = tuple(f"{lang}/" for lang in others)
    own = [doc for doc in index["docs"] if not doc["location"].startswith(prefixes)]
    _write_index(index_path, _own_lunr_language({**index, "docs": own}, default, site_dir), offline)


def _own_lunr_language(index: dict, lang: str | None, site_dir: Path) -> dict:
    plugin = site_dir / "assets" / "javascripts" / "lunr" / "min" / f"lunr.{lang}.min.js"
    if lang is None or not plugin.is_file():
        return index
    # The plugin's own trimmer and stemmer stay in lunr's pipelines (Material removes the ones
    # the config does not name); English stop words would be wrong for this language.
    return {
        **index,
        "config": {**index["config"], "lang": [lang], "pipeline": ["trimmer", "stemmer"]},
    }


def _write_index(path: Path, index: dict, offline: bool) -> None:
    data = json.dumps(index, ensure_ascii=False)
    path.write_text(data, encoding="utf-8")
    if offline:
        # What the offline plugin writes (at a higher priority, before the split): file:// pages
        # load the index as a script, since the worker cannot fetch() it.
        path.with_suffix(".js").write_text(f"var __index = {data}", encoding="utf-8")
