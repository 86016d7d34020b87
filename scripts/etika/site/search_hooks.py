"""MkDocs hook: adapts build events to the per-language search split (`search.py`)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from etika.site.config import default_language, offline_enabled, other_languages
from etika.site.search import (
    exclude_facilitator_notes,
    language_root,
    point_search_base,
    split_index,
)


def on_page_content(html, page, config, files):
    # Material's search plugin reads the page later, in on_page_context.
    return exclude_facilitator_notes(html)


def on_post_page(output, page, config):
    locale = getattr(page.file, "locale", None)
    if locale not in other_languages(config):
        return output
    return point_search_base(output, language_root(locale, page.url or ""))


@event_priority(-150)  # after the i18n plugin (-100) has merged the languages' indexes
def on_post_build(config):
    split_index(
        Path(config.site_dir),
        default_language(config),
        other_languages(config),
        offline_enabled(config),
    )
