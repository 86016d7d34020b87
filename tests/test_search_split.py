"""Each language's search base points at its own index, and facilitator notes stay out of search."""

from __future__ import annotations

import json
import re
from types import SimpleNamespace
from urllib.parse import urljoin

import pytest
from etika.site.search import exclude_facilitator_notes, language_root
from etika.site.search_hooks import on_post_page

# (page URL as MkDocs gives it, the URL a browser loads it from)
DIRECTORY_URLS = [
    ("en/", "https://host/site/en/"),
    ("en/principles/", "https://host/site/en/principles/"),
    ("en/scenarios/situation/", "https://host/site/en/scenarios/situation/"),
]
FILE_URLS = [  # the offline build: use_directory_urls is off, pages are opened from disk
    ("en/index.html", "file:///media/usb/site/en/index.html"),
    ("en/principles.html", "file:///media/usb/site/en/principles.html"),
    ("en/scenarios/situation.html", "file:///media/usb/site/en/scenarios/situation.html"),
]


def _index_url(page_url: str, address: str) -> str:
    """Where Material looks for the index: `<base>/search/search_index.json`, from the page."""
    return urljoin(address, language_root("en", page_url) + "/search/search_index.json")


@pytest.mark.parametrize(("page_url", "address"), DIRECTORY_URLS + FILE_URLS)
def test_an_english_page_finds_the_english_index_with_either_url_style(page_url, address):
    site_root = address.split("/en/")[0]
    assert _index_url(page_url, address) == f"{site_root}/en/search/search_index.json"


def test_the_offline_english_home_page_is_its_own_language_root():
    # The defect: relpath("en/", "en/index.html") counted the file as a folder and gave "..",
    # so the English home page searched the Latvian index and opened Latvian pages.
    assert language_root("en", "en/index.html") == "."
    assert language_root("en", "en/scenarios/situation.html") == ".."
    assert language_root("en", "en/scenarios/situation/") == "../.."


def _config(languages: list[tuple[str, bool]]):
    langs = [SimpleNamespace(locale=lc, default=d, build=True) for lc, d in languages]
    i18n = SimpleNamespace(config=SimpleNamespace(languages=langs))
    return SimpleNamespace(plugins={"i18n": i18n})


def _html(base: str) -> str:
    return f'<script id="__config" type="application/json">{{"base": "{base}", "x": 1}}</script>'


def _page(url: str, locale: str):
    return SimpleNamespace(url=url, file=SimpleNamespace(locale=locale))


def test_the_built_english_page_gets_its_language_root_as_base_and_latvian_keeps_its_own():
    config = _config([("lv", True), ("en", False)])
    assert '"base": "."' in on_post_page(_html(".."), _page("en/index.html", "en"), config)
    assert '"base": ".."' in on_post_page(_html("../.."), _page("en/a/b.html", "en"), config)
    assert on_post_page(_html(".."), _page("principles.html", "lv"), config) == _html("..")


NOTE = '<div class="admonition facilitator">\n<p class="admonition-title">Notes</p>\n</div>'


def test_facilitator_notes_are_marked_for_the_indexer_to_skip_and_other_boxes_are_not():
    html = NOTE + '<div class="admonition note"><p>x</p></div><div class="admonition facilitators">'
    marked = exclude_facilitator_notes(html)
    assert marked.count("data-search-exclude") == 1
    assert marked.startswith('<div data-search-exclude class="admonition facilitator">')


def _index_text(site, lang_dir: str) -> str:
    index = json.loads((site / lang_dir / "search" / "search_index.json").read_text("utf-8"))
    return " ".join(f"{d['title']} {d['text']}" for d in index["docs"]).lower()


# Words that are only in a facilitator note, and words from the same pages' learner text.
@pytest.mark.parametrize(
    ("lang_dir", "page", "note_word", "page_word"),
    [
        ("", "workshop-deck", "noplūst", "konfidencialitāti"),
        ("en", "workshop-deck", "pairs", "confidentiality"),
    ],
)
def test_the_built_index_leaves_out_words_only_in_facilitator_notes(
    site, lang_dir, page, note_word, page_word
):
    html = (site / lang_dir / page / "index.html").read_text("utf-8")
    notes = re.findall(
        r'<div data-search-exclude class="admonition facilitator">(.*?)</div>', html, re.S
    )
    assert any(
        note_word in note.lower() for note in notes
    )  # still in the page, for the facilitator
    text = _index_text(site, lang_dir)
    assert note_word not in text
    assert page_word in text


# (the page with the notes, a word only in its facilitator notes, a word of its learner text,
#  Material's line for no results in that language)
NOTE_SEARCHES = [
    ("/workshop-deck/", "noplūst", "konfidencialit", "Nav atbilstošu dokumentu"),
    ("/en/workshop-deck/", "pairs", "confidential", "No matching documents"),
]


@pytest.mark.browser
@pytest.mark.parametrize(("start", "note_word", "page_word", "none"), NOTE_SEARCHES)
def test_a_learner_searching_a_word_of_the_facilitator_notes_finds_nothing(
    page, start, note_word, page_word, none
):
    page.goto(start)
    meta = page.locator(".md-search-result__meta")
    page.locator(".md-search__input").click()
    page.keyboard.type(note_word)
    page.wait_for_function(
        "([none]) => document.querySelector('.md-search-result__meta').textContent === none",
        arg=[none],
        timeout=5000,
    )
    assert page.locator(".md-search-result__link").count() == 0
    page.locator(".md-search__input").fill("")
    page.keyboard.type(page_word)
    page.locator(".md-search-result__link").first.wait_for(timeout=5000)
    assert meta.inner_text() != none


def test_the_split_runs_on_a_built_folder_without_mkdocs(tmp_path):
    """A post-build step of its own: a merged index in, one index per language out."""
    import json

    from etika.site.search import split_index

    merged = {
        "config": {"lang": ["en"], "separator": " ", "pipeline": []},
        "docs": [
            {"location": "principles/", "title": "Principi", "text": "ģimene"},
            {"location": "en/principles/", "title": "Principles", "text": "family"},
        ],
    }
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(merged), encoding="utf-8")
    split_index(tmp_path, "lv", ["en"], offline=True)
    lv = json.loads((tmp_path / "search" / "search_index.json").read_text(encoding="utf-8"))
    en = json.loads((tmp_path / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert [d["location"] for d in lv["docs"]] == ["principles/"]
    assert [d["location"] for d in en["docs"]] == ["principles/"]
    assert en["docs"][0]["text"] == "family"
    assert (tmp_path / "en" / "search" / "search_index.js").read_text().startswith("var __index")
