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
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

from mkdocs.plugins import event_priority

from etika.site_config import default_language, offline_enabled, other_languages

CONFIG_BASE = re.compile(
    r'(<script id="__config" type="application/json">\{[^<]*?"base": ")([^"]*)(")'
)


def _own_lunr_language(index: dict, lang: str | None, config) -> dict:
    plugin = (
        Path(config.site_dir) / "assets" / "javascripts" / "lunr" / "min" / f"lunr.{lang}.min.js"
    )
    if lang is None or not plugin.is_file():
        return index
    # The plugin's own trimmer and stemmer stay in lunr's pipelines (Material removes the ones
    # the config does not name); English stop words would be wrong for this language.
    return {
        **index,
        "config": {**index["config"], "lang": [lang], "pipeline": ["trimmer", "stemmer"]},
    }


# The opening tag of a facilitator note as the admonition extension writes it.
FACILITATOR_NOTE = re.compile(r'<div (?=class="admonition facilitator[\s"])')


def on_page_content(html, page, config, files):
    """Mark facilitator notes `data-search-exclude`, which Material's indexer skips (with all they
    hold). Material's search plugin reads the page later, in on_page_context."""
    return FACILITATOR_NOTE.sub("<div data-search-exclude ", html)


def language_root(locale: str, page_url: str) -> str:
    """The path from a page's folder to /<locale>/, for Material's `base`.

    A URL names a folder ("en/principles/") or a file ("en/principles.html", the offline build's
    form); either way the links are relative to the folder the page is served from, so the
    file's name must not count as a level: "en/index.html" is in en/, its base is ".".
    """
    folder = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    return posixpath.relpath(locale, folder or ".")


def on_post_page(output, page, config):
    locale = getattr(page.file, "locale", None)
    if locale not in other_languages(config):
        return output
    root = language_root(locale, page.url or "")
    return CONFIG_BASE.sub(lambda m: f"{m[1]}{root}{m[3]}", output, count=1)


@event_priority(-150)  # after the i18n plugin (-100) has merged the languages' indexes
def on_post_build(config):
    index_path = Path(config.site_dir) / "search" / "search_index.json"
    if not index_path.is_file():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    languages = other_languages(config)
    if not any(
        doc["location"].startswith(f"{lang}/") for doc in index["docs"] for lang in languages
    ):
        return  # a single language's build, or already split
    for lang in languages:
        prefix = f"{lang}/"
        docs = [
            {**doc, "location": doc["location"][len(prefix) :]}
            for doc in index["docs"]
            if doc["location"].startswith(prefix)
        ]
        target = Path(config.site_dir) / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        _write_index(target, {**index, "docs": docs}, config)
    prefixes = tuple(f"{lang}/" for lang in languages)
    own = [doc for doc in index["docs"] if not doc["location"].startswith(prefixes)]
    own_index = _own_lunr_language({**index, "docs": own}, default_language(config), config)
    _write_index(index_path, own_index, config)


def _write_index(path: Path, index: dict, config) -> None:
    data = json.dumps(index, ensure_ascii=False)
    path.write_text(data, encoding="utf-8")
    if offline_enabled(config):
        # What the offline plugin writes (at a higher priority, before the split): file:// pages
        # load the index as a script, since the worker cannot fetch() it.
        path.with_suffix(".js").write_text(f"var __index = {data}", encoding="utf-8")
