"""Questions several hooks ask of the MkDocs config: which languages, is this the offline build,
which pages in which order, and is `site_url` a real public address yet."""

from __future__ import annotations

from urllib.parse import urlsplit

# Addresses that are never a public site: RFC 2606 reserved names and this machine.
PLACEHOLDER_HOSTS = {"example", "localhost", "127.0.0.1"}
PLACEHOLDER_SUFFIXES = (".example", ".invalid", ".test", ".localhost")


def _languages(config) -> list:
    i18n = config.plugins.get("i18n")
    return list(i18n.config.languages) if i18n else []


def default_language(config) -> str | None:
    """The language served at the site root (the i18n plugin changes theme.language per build)."""
    return next((lang.locale for lang in _languages(config) if lang.default), None)


def other_languages(config) -> list[str]:
    """The built languages served under /<lang>/."""
    return [lang.locale for lang in _languages(config) if not lang.default and lang.build]


def offline_enabled(config) -> bool:
    """Whether Material's offline plugin is on (scripts/build.py publish --target offline)."""
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    return offline is not None and offline.config.enabled


def nav_pages(config) -> list[str]:
    """The page files of `nav:` in reading order, sections flattened (none without a `nav:`)."""
    pages: list[str] = []

    def walk(entry) -> None:
        if isinstance(entry, str):
            if "://" not in entry:  # an external link is no page
                pages.append(entry)
        elif isinstance(entry, dict):
            for value in entry.values():
                walk(value)
        elif isinstance(entry, list):
            for item in entry:
                walk(item)

    walk(config.get("nav") or [])
    return pages


def site_url_problem(site_url: str) -> str | None:
    """Why `site_url` cannot be the public address yet, or None when it can.

    Canonical links, hreflang alternates, Open Graph URLs and the QR codes handed to workshop
    participants are all built from it, so a placeholder publishes links that lead nowhere.
    """
    host = urlsplit(site_url).hostname or ""
    if not host:
        return "site_url is not set"
    if host in PLACEHOLDER_HOSTS or host.endswith(PLACEHOLDER_SUFFIXES):
        return f"site_url is the placeholder {site_url}"
    return None
