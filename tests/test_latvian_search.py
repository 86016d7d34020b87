"""Latvian-aware search: folding and stemming on shared vectors, and a query table in Chromium."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "docs" / "assets" / "javascripts" / "lunr" / "min" / "lunr.lv.min.js"
VECTORS = json.loads((ROOT / "tests" / "fixtures" / "latvian_stem_vectors.json").read_text("utf-8"))
QUERY_TABLE = ROOT / "tests" / "fixtures" / "latvian_search_queries.tsv"


def query_table() -> list[tuple[str, str]]:
    rows = []
    for line in QUERY_TABLE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            query, expected = line.split("\t")
            rows.append((query.strip(), expected.strip()))
    return rows


def test_the_query_table_is_big_enough_and_mixes_diacritics_and_plain_typing():
    rows = query_table()
    assert len(rows) >= 40
    plain = [q for q, _ in rows if q.isascii()]
    assert len(plain) >= 15 and len(rows) - len(plain) >= 15


def test_folding_and_stemming_match_the_shared_vectors_in_the_browser(page):
    page.goto("/")
    page.add_script_tag(path=str(PLUGIN))  # the very file the search worker loads
    result = page.evaluate(
        """(vectors) => {
             const lv = window.etikaLatvian, out = {fold: {}, normalise: {}};
             for (const w of Object.keys(vectors.fold)) out.fold[w] = lv.fold(w);
             for (const w of Object.keys(vectors.normalise)) out.normalise[w] = lv.normalise(w);
             return out; }""",
        {"fold": VECTORS["fold"], "normalise": VECTORS["normalise"]},
    )
    assert result["fold"] == VECTORS["fold"]
    assert result["normalise"] == VECTORS["normalise"]


def test_inflected_forms_of_one_word_meet_at_one_stem():
    stems = VECTORS["normalise"]
    for group in (
        ["konfidencialitāte", "konfidencialitāti"],
        ["cietušais", "cietušajiem", "cietušā"],
        ["ģimene", "ģimenes", "ģimenei"],
    ):
        assert len({stems[word] for word in group}) == 1, group


def test_the_latvian_index_names_our_plugin_and_the_english_one_keeps_materials(site):
    lv = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    en = json.loads((site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert lv["config"]["lang"] == ["lv"] and "stemmer" in lv["config"]["pipeline"]
    assert en["config"]["lang"] == ["en"]
    assert (site / "assets" / "javascripts" / "lunr" / "min" / "lunr.lv.min.js").is_file()
    # Previews keep the real text: the index holds it unchanged, with its diacritics.
    assert any("konfidencialitāti" in doc["text"] for doc in lv["docs"])


def _results(page, query: str, expected: str, timeout_ms: int = 3000) -> list[str]:
    box = page.locator(".md-search__input")
    box.fill(query)
    box.press("End")  # Material searches on key events, as a person types
    with contextlib.suppress(Exception):
        page.wait_for_function(
            """([expected]) => [...document.querySelectorAll('.md-search-result__link')]
                 .some(a => {
                   const url = new URL(a.href);
                   return (url.pathname.slice(1) + url.hash) === expected; })""",
            arg=[expected],
            timeout=timeout_ms,
        )
    return page.locator(".md-search-result__link").evaluate_all(
        "els => els.map(a => { const u = new URL(a.href); return u.pathname.slice(1) + u.hash; })"
    )


def test_every_query_in_the_table_finds_its_section_through_the_search_box(page):
    page.goto("/")
    page.keyboard.press("/")
    misses = []
    rows = query_table()
    for query, expected in rows:
        found = _results(page, query, expected)
        if expected not in found:
            misses.append(f"{query!r}: wanted {expected}, got {found[:5]}")
    share = (len(rows) - len(misses)) / len(rows)
    print(f"Latvian search table: {len(rows) - len(misses)}/{len(rows)} pass ({share:.0%})")
    assert misses == [], "\n".join(misses)


def test_results_show_the_real_text_with_diacritics(page):
    page.goto("/")
    page.keyboard.press("/")
    _results(page, "ieverot konfidencialitati", "principles/#confidentiality")
    titles = page.locator(
        ".md-search-result__item h1, .md-search-result__item h2"
    ).all_inner_texts()
    assert any("Ievērot konfidencialitāti" in title for title in titles), titles
