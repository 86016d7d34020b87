"""The built site carries the whole seed deck, in both languages, with the same anchors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from site_pages import (
    LANGUAGES,
    PAGES,
    PRINCIPLE_IDS,
    REASON_IDS,
    article_text,
    page_path,
    read_article,
)

SEED = Path(__file__).parent / "fixtures" / "seed_deck.txt"


def seed_bullets() -> list[str]:
    """Every bullet of the workshop deck, without its Markdown bold markers."""
    bullets = []
    for line in SEED.read_text(encoding="utf-8").splitlines():
        if line.startswith("- "):
            bullets.append(line[2:].replace("**", "").strip())
    return bullets


def test_seed_fixture_has_fifteen_principles_and_thirteen_reasons():
    assert len(seed_bullets()) == 15 + 13


def test_strict_build_reports_no_warnings(build):
    assert build.returncode == 0
    assert "WARNING" not in build.log


@pytest.mark.parametrize("slug", PAGES)
def test_every_page_exists_in_both_languages(site, slug):
    for lang in LANGUAGES:
        assert page_path(site, lang, slug).is_file(), (lang, slug)


def test_no_page_exists_in_one_language_only(site):
    latvian = {p.relative_to(site) for p in site.rglob("index.html") if "en" not in p.parts[:1]}
    latvian = {p for p in latvian if p.parts[0] not in {"en", "search", "assets"}}
    english = {p.relative_to(site / "en") for p in (site / "en").rglob("index.html")}
    assert latvian == english


@pytest.mark.parametrize("lang", LANGUAGES)
def test_fifteen_principles_have_their_anchors(site, lang):
    ids = read_article(page_path(site, lang, "principles")).heading_ids
    assert [i for i in ids if i in PRINCIPLE_IDS] == list(PRINCIPLE_IDS)
    assert "do-no-harm" in ids


@pytest.mark.parametrize("lang", LANGUAGES)
def test_thirteen_reasons_have_their_anchors(site, lang):
    ids = read_article(page_path(site, lang, "reasons")).heading_ids
    assert [i for i in ids if i in REASON_IDS] == list(REASON_IDS)


@pytest.mark.parametrize("slug", PAGES)
def test_both_languages_share_the_same_heading_anchors_in_order(site, slug):
    latvian = read_article(page_path(site, "lv", slug)).heading_ids
    english = read_article(page_path(site, "en", slug)).heading_ids
    assert latvian == english


def test_every_seed_bullet_appears_verbatim_on_the_latvian_pages(site):
    text = article_text(page_path(site, "lv", "principles")) + article_text(
        page_path(site, "lv", "reasons")
    )
    missing = [bullet for bullet in seed_bullets() if bullet not in text]
    assert missing == []


def test_the_overarching_rule_is_on_the_principles_page(site):
    assert "Nenodarīt ļaunu, nekaitēt klientam!" in article_text(
        page_path(site, "lv", "principles")
    )


@pytest.mark.parametrize("slug", PAGES)
def test_latvian_pages_are_written_with_diacritics(site, slug):
    # A page typed without diacritics would still read, but wrongly: require the letters
    # and catch the most common ASCII stand-ins of words the module uses throughout.
    text = article_text(page_path(site, "lv", slug))
    assert re.search("[āčēģīķļņšūž]", text)
    ascii_stand_ins = r"\b(cietusais|cietusa|palidziba|ekspluatacija|konfidencialitate|gimene)\b"
    assert re.findall(ascii_stand_ins, text, flags=re.IGNORECASE) == []


def test_home_page_names_the_source_workshop_and_its_contact(site):
    for lang in LANGUAGES:
        text = article_text(page_path(site, lang, ""))
        assert "02.11.2023" in text
        assert "Sandra Zalcmāne" in text
        assert "socdarbs2028@lm.gov.lv" in text
        assert "67021517" in text


def test_help_page_leads_with_the_emergency_number(site):
    for lang in LANGUAGES:
        text = article_text(page_path(site, lang, "resources"))
        assert "112" in text
        assert "116 006" in text
