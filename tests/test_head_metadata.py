"""Every page tells browsers, search engines and link previews who it is, in its language."""

from __future__ import annotations

import re

import pytest
from site_pages import LANGUAGES, PAGES, page_path

SITE_URL = "https://etiska-intervesana.example/"


def head(site, lang, slug) -> str:
    html = page_path(site, lang, slug).read_text(encoding="utf-8")
    return html.split("</head>", 1)[0]


def meta(head_html: str, attr: str, name: str) -> list[str]:
    return re.findall(rf'<meta {attr}="{re.escape(name)}" content="([^"]*)"', head_html)


@pytest.fixture(scope="module", autouse=True)
def _site_url_is_the_configured_one():
    from pathlib import Path

    config = (Path(__file__).parent.parent / "mkdocs.yml").read_text(encoding="utf-8")
    assert f"site_url: {SITE_URL}" in config


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("slug", PAGES)
def test_html_lang_matches_the_page_language(site, lang, slug):
    assert f'<html lang="{lang}"' in page_path(site, lang, slug).read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("slug", PAGES)
def test_hreflang_alternates_are_absolute_and_point_at_both_twins(site, lang, slug):
    alternates = dict(
        re.findall(
            r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', head(site, lang, slug)
        )
    )
    suffix = f"{slug}/" if slug else ""
    assert alternates == {
        "lv": f"{SITE_URL}{suffix}",
        "x-default": f"{SITE_URL}{suffix}",
        "en": f"{SITE_URL}en/{suffix}",
    }


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("slug", PAGES)
def test_canonical_and_open_graph_describe_the_page(site, lang, slug):
    head_html = head(site, lang, slug)
    suffix = f"{slug}/" if slug else ""
    own_url = f"{SITE_URL}{'' if lang == 'lv' else 'en/'}{suffix}"
    assert f'<link rel="canonical" href="{own_url}">' in head_html
    assert meta(head_html, "property", "og:url") == [own_url]
    description = meta(head_html, "name", "description")
    assert len(description) == 1
    assert 50 <= len(description[0]) <= 200
    assert meta(head_html, "property", "og:description") == description
    assert meta(head_html, "property", "og:title")[0].strip()
    locales = {"lv": "lv_LV", "en": "en_GB"}
    other = "en" if lang == "lv" else "lv"
    assert meta(head_html, "property", "og:locale") == [locales[lang]]
    assert meta(head_html, "property", "og:locale:alternate") == [locales[other]]


@pytest.mark.parametrize("slug", PAGES)
def test_descriptions_differ_between_the_languages(site, slug):
    latvian = meta(head(site, "lv", slug), "name", "description")
    english = meta(head(site, "en", slug), "name", "description")
    assert latvian != english


def test_the_404_page_speaks_both_languages(site):
    html = (site / "404.html").read_text(encoding="utf-8")
    assert "Lapa nav atrasta" in html
    assert '<div lang="en">' in html
    assert "Page not found" in html
