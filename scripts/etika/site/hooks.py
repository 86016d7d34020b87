"""MkDocs hooks for what Markdown extensions cannot know: the language of the page being built.

Kept to presentation details; content stays plain Markdown so a move off MkDocs stays cheap.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

from etika.site.config import offline_enabled, site_url_problem

# A paragraph that is nothing but bold text is a label ("**Praksē**", "**In practice**") for
# what follows it; the print stylesheet keeps it on the same page as that text.
_LEAD_IN = re.compile(r"<p><strong>([^<]+)</strong></p>")


def on_page_content(html, page, config, files):
    """Give each page the permalink title of its own language, and mark its label paragraphs.

    Python-Markdown's toc extension writes one title on every page (the Latvian one from
    mkdocs.yml); `extra.permalink_titles` in mkdocs.yml holds the title per language.
    """
    written = config.mdx_configs["toc"]["permalink_title"]
    locale = getattr(page.file, "locale", None)
    wanted = config.extra["permalink_titles"].get(locale, written)
    html = html.replace(f'title="{written}"', f'title="{wanted}"')
    return _LEAD_IN.sub(r'<p class="lead-in"><strong>\1</strong></p>', html)


@event_priority(-200)
def on_page_context(context, page, config, nav):
    """Make language-switcher links relative to the site root, like every other link.

    The i18n plugin gives home pages (and pages without a twin) host-absolute links that include
    site_url's path ("/etiska-intervesana/en/"). Those break wherever the site is served from
    another path: `mkdocs serve` at /, a preview host, the offline copy. Must run after the
    plugin has set this page's alternates, hence the low priority.
    """
    base = urlsplit(config.site_url or "/").path or "/"
    # The plugin sets `config.extra.alternate` as an attribute, which templates read first;
    # the key may hold another list. Normalise whichever exist.
    lists = {
        id(x): x for x in (getattr(config.extra, "alternate", None), config.extra.get("alternate"))
    }
    for alternates in lists.values():
        for alternate in alternates or []:
            if alternate["link"].startswith(base):
                alternate["link"] = alternate["link"][len(base) :]
    return context


# Material's offline plugin loads its file:// worker shim from unpkg.com unless a polyfill named
# "iframe-worker" is already configured; ours is vendored from npm (MIT, see the licence beside it).
OFFLINE_WORKER_SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"


@event_priority(100)  # before the offline plugin's own on_config
def on_config(config):
    if offline_enabled(config):
        config.extra["polyfills"] = [OFFLINE_WORKER_SHIM]
    return config


_HTML_TAG = re.compile(r"<html\b([^>]*)>")


def on_post_page(output, page, config):
    """Tell the print stylesheet when site_url is a placeholder: a printed link then shows no
    address, since "(https://etiska-intervesana.example/…)" after every link leads nowhere.
    `scripts/build.py handouts` warns about it as `publish` does."""
    if site_url_problem(config.site_url or ""):
        output = _HTML_TAG.sub(r'<html\1 data-print-links="local">', output, count=1)
    return output
