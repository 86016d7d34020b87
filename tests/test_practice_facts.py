"""Nothing a reader could act on is invented: the practice and help pages hold only sourced facts.

Every phone number and every web address on `docs/practice*.md` and `docs/resources*.md` must
appear in the project's fact sheets, `../shared/FACTS.md` and `../shared/research/FACTS-GAPS.md`
(the shared folder beside the repository; CI clones it there). Addresses may also come from the
long versions of the sheet, `research/FACTS-DETAIL.md` and `research/FACTS-ADD.md`: the help page
cites sources (WHO, EUR-Lex, LV portāls, cietusajiem.lv…) that only those list, each with its
own marks ([V] / VERIFIED = sourced; [R], [C], NOT VERIFIED = to check). Phone numbers must be
in the two short sheets. A fact the sheets mark only
[check], and every source a sheet row marked [check] cites, is shown with a date in the visible
convention below, and a phone number known only from a [check] entry is never the only way to
get help: its `##` section also names 112 or 116 006.

The date convention, in the sentence that shows the fact:
  LV  "avota kopija / ziņas no avota kopijas …" or "pārbaudīts …", then a date 02.12.2026.
  EN  "stored copy …" or "checked on …", then a date 2 December 2026 (or 02.12.2026).
"Stored copy" says what the date is: the day a saved copy of the source was read, not a live
check, so a reader knows to check the source before relying on it.

Matching addresses: the scheme, a leading "www." or "m." (likumi.lv's mobile copy of the same
document) and a trailing slash are ignored; anything else must match a sheet's address exactly.
A site's bare home page (`https://likumi.lv`) passes when the sheets name that site. EUR-Lex
addresses differ only in the language segment (`legal-content/LV/` or `/EN/`) of one CELEX
document, so that segment is ignored there.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FACT_FILES = ("FACTS.md", "research/FACTS-GAPS.md")
ADDRESS_FILES = ("research/FACTS-DETAIL.md", "research/FACTS-ADD.md")
PAGES = ("practice.md", "practice.en.md", "resources.md", "resources.en.md")


def shared_dir() -> Path | None:
    """The shared folder: $ETIKA_SHARED, else ../shared beside this checkout, else beside the
    main checkout when this one is a git worktree (worktrees live elsewhere on disk)."""
    candidates = []
    if os.environ.get("ETIKA_SHARED"):
        candidates.append(Path(os.environ["ETIKA_SHARED"]))
    candidates.append(ROOT.parent / "shared")
    common = subprocess.run(
        ["git", "rev-parse", "--path-format=absolute", "--git-common-dir"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    if common:
        candidates.append(Path(common).parent.parent / "shared")
    return next((c for c in candidates if (c / FACT_FILES[0]).is_file()), None)


# ---- reading numbers, addresses and dates --------------------------------------------------

URL = re.compile(r"https?://[^\s)\]>\"'|;]+")
# An 8-digit Latvian number, spaced or not, optionally +371; or the short lines 112 and 116 xxx.
# Addresses are removed first: their ids (…?id=50841139) are not phone numbers.
PHONE = re.compile(
    r"(?<![\d.,/€\u2013-])(?:\+371\s?)?\d(?:\s?\d){7}(?![\d.,/\u2013-]?\d)|\b112\b|\b116\s?\d{3}\b"
)
BARE_SITE = re.compile(r"\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:lv|eu|int|org|gov|com|net)\b")
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE = rf"(?:\d{{2}}\.\d{{2}}\.\d{{4}}|\d{{1,2}} (?:{MONTHS}) \d{{4}})"
DATED = re.compile(
    rf"(?:avot\w* kopij\w*|pārbaudīts|stored cop(?:y|ies)|checked on)[^.\n]{{0,60}}?{DATE}",
    re.IGNORECASE,
)
EMERGENCY = re.compile(r"\b112\b|\b116 ?006\b")


def phones(text: str) -> set[str]:
    """Phone numbers as digits, without the +371 prefix."""
    found = set()
    for match in PHONE.findall(URL.sub(" ", text)):
        digits = re.sub(r"\D", "", match)
        found.add(digits[3:] if match.startswith("+371") else digits)
    return found


def urls(text: str) -> set[str]:
    return {u.rstrip(".,") for u in URL.findall(text)}


def normal(url: str) -> str:
    """The address without scheme, www./m. host prefix or trailing slash."""
    rest = re.sub(r"^https?://", "", url)
    host, _, path = rest.partition("/")
    host = re.sub(r"^(?:www\.|m\.)", "", host.lower())
    if host == "eur-lex.europa.eu":
        path = re.sub(r"^legal-content/[A-Z]{2}/", "legal-content/xx/", path)
    if host == "e-justice.europa.eu":
        # e-Justice's second path segment is the interface language (`/171/LV/`, `/171/LT/`):
        # the sheet's copy was read through the Lithuanian interface (CONTENT-REVIEW F5).
        path = re.sub(r"^(\d+)/[A-Z]{2}/", r"\1/xx/", path)
    return (host + "/" + path).rstrip("/")


def is_bare_site(url: str) -> bool:
    return "/" not in normal(url)


# ---- the fact sheets -----------------------------------------------------------------------


# The marks of the short sheets ([src], [seed], [check]) and of the long ones ([V], VERIFIED;
# [R] recalled, [C] check, NOT VERIFIED).
SOURCED = re.compile(r"\[src|\[seed\]|\[V(?:-[a-z]+)?\]|(?<!NOT )VERIFIED")
TO_CHECK = re.compile(r"\[check\]|\[recalled|\[[RC]\]|NOT VERIFIED")


@dataclass(frozen=True)
class Entry:
    """One fact of a sheet: a table row, a bullet with its continuation lines, or a paragraph."""

    text: str

    @property
    def sourced(self) -> bool:
        return bool(SOURCED.search(self.text))

    @property
    def to_check(self) -> bool:
        return bool(TO_CHECK.search(self.text))


def entries(sheet: str) -> list[Entry]:
    found, current = [], []
    for line in sheet.splitlines():
        starts = line.startswith(("|", "- ", "#")) or not line.strip()
        if starts and current:
            found.append(Entry("\n".join(current)))
            current = []
        if line.strip():
            current.append(line)
    if current:
        found.append(Entry("\n".join(current)))
    return found


@dataclass(frozen=True)
class Facts:
    phones: set[str]
    check_only_phones: set[str]
    urls: set[str]  # normalised
    dated_urls: set[str]  # normalised: cited by an entry marked [check]
    sites: set[str]


def read_facts(sheets: list[str], address_sheets: list[str] = ()) -> Facts:
    """Phone numbers from the short sheets; addresses from those and the long versions."""
    short = [e for sheet in sheets for e in entries(sheet)]
    every = short + [e for sheet in address_sheets for e in entries(sheet)]
    sourced = {p for e in short if e.sourced for p in phones(e.text)}
    checked = {p for e in short if e.to_check for p in phones(e.text)}
    text = "\n".join([*sheets, *address_sheets])
    fact_urls = {normal(u) for u in urls(text)}
    return Facts(
        phones=phones("\n".join(sheets)),
        check_only_phones=checked - sourced,
        urls=fact_urls,
        # An address only a [check] entry gives needs a date; one a sourced entry also gives
        # (EUR-Lex, cited by a VERIFIED line and by a NOT VERIFIED one) does not.
        dated_urls={normal(u) for e in every if e.to_check for u in urls(e.text)}
        - {normal(u) for e in every if e.sourced and not e.to_check for u in urls(e.text)},
        sites={u.split("/")[0] for u in fact_urls}
        | {re.sub(r"^(?:www\.|m\.)", "", s) for s in BARE_SITE.findall(text.lower())},
    )


@pytest.fixture(scope="module")
def facts() -> Facts:
    shared = shared_dir()
    if shared is None:
        pytest.fail(
            "the fact sheets were not found: clone the shared folder beside the repository "
            "(../shared/FACTS.md) or set ETIKA_SHARED to it"
        )

    def read(names):
        return [(shared / name).read_text(encoding="utf-8") for name in names]

    return read_facts(read(FACT_FILES), read(ADDRESS_FILES))


# ---- the pages ------------------------------------------------------------------------------

LIST_ITEM = re.compile(r"^\s*(?:[-*]|\d+\.)\s")


def blocks(markdown: str) -> list[str]:
    """What a reader takes in as one unit: a paragraph, or one list item with its lines."""
    found = []
    for chunk in re.split(r"\n\s*\n", markdown):
        item: list[str] = []
        for line in chunk.splitlines():
            if LIST_ITEM.match(line) and item:
                found.append("\n".join(item))
                item = []
            item.append(line)
        if item:
            found.append("\n".join(item))
    return found


def sections(markdown: str) -> list[str]:
    return re.split(r"(?m)^## ", markdown)


def problems(markdown: str, facts: Facts) -> list[str]:
    """Everything on one page that breaks the rules in this module's docstring."""
    found = []
    for number in sorted(phones(markdown) - facts.phones):
        found.append(f"phone {number} is in no fact sheet")
    for url in sorted(urls(markdown)):
        n = normal(url)
        known = n in facts.urls or (is_bare_site(url) and n in facts.sites)
        if not known:
            found.append(f"address {url} is in no fact sheet")
    for block in blocks(markdown):
        shown = phones(block) & facts.check_only_phones
        cited = {u for u in urls(block) if normal(u) in facts.dated_urls and not is_bare_site(u)}
        if (shown or cited) and not DATED.search(block):
            what = ", ".join(sorted(shown) + sorted(cited))
            found.append(f"[check] fact without a stored-copy date: {what}")
        if shown and not urls(block):
            found.append(f"[check] phone without its source: {', '.join(sorted(shown))}")
    for section in sections(markdown):
        shown = phones(section) & facts.check_only_phones
        if shown and not EMERGENCY.search(section):
            found.append(f"[check] phone is the only way to get help: {', '.join(sorted(shown))}")
    return found


# ---- the behaviour --------------------------------------------------------------------------


@pytest.mark.parametrize("name", PAGES)
def test_every_number_and_address_on_the_page_is_in_the_fact_sheets_and_dated_where_unconfirmed(
    name, facts
):
    markdown = (ROOT / "docs" / name).read_text(encoding="utf-8")
    assert problems(markdown, facts) == []


def test_the_practice_pages_show_the_same_numbers_and_sources_in_both_languages():
    lv = (ROOT / "docs" / "practice.md").read_text(encoding="utf-8")
    en = (ROOT / "docs" / "practice.en.md").read_text(encoding="utf-8")
    assert phones(lv) == phones(en)
    assert urls(lv) == urls(en)


def test_each_dated_fact_on_the_practice_pages_is_dated_in_both_languages():
    lv = (ROOT / "docs" / "practice.md").read_text(encoding="utf-8")
    en = (ROOT / "docs" / "practice.en.md").read_text(encoding="utf-8")
    assert len(DATED.findall(lv)) == len(DATED.findall(en)) >= 5


# The checker itself, on made-up pages, so that a rule which stopped working would show.
SHEET = """
- Victim support line **116 006** [src]. Emergency 112 [src].
- Trust line +371 28612120 **[check]**: source https://example.lv/ngo (2016).
| row | Consular line +371 26337711 | [src] | https://example.lv/consul |
| row | Old regulation routes | [check] | https://example.lv/old-rules |
"""


@pytest.fixture
def made_up() -> Facts:
    return read_facts([SHEET])


def test_an_invented_phone_number_or_address_is_reported(made_up):
    page = "Call 67000000 or see [this](https://example.lv/other)."
    assert problems(page, made_up) == [
        "phone 67000000 is in no fact sheet",
        "address https://example.lv/other is in no fact sheet",
    ]


def test_a_sourced_number_and_address_pass_with_scheme_www_and_slash_ignored(made_up):
    page = "Call **+371 26337711** ([consul](http://www.example.lv/consul/)); in danger, 112."
    assert problems(page, made_up) == []


def test_a_check_only_number_needs_its_source_a_stored_copy_date_and_an_emergency_number(
    made_up,
):
    bare = "## NGOs\n\n- Trust line 28612120.\n"
    assert problems(bare, made_up) == [
        "[check] fact without a stored-copy date: 28612120",
        "[check] phone without its source: 28612120",
        "[check] phone is the only way to get help: 28612120",
    ]
    shown = (
        "## NGOs\n\nIn danger call **112**.\n\n- Trust line +371 28612120 "
        "([source](https://example.lv/ngo); stored copy, 2 December 2026 — check before relying on it).\n"
    )
    assert problems(shown, made_up) == []


def test_a_source_cited_for_a_check_fact_needs_a_date_in_either_language(made_up):
    undated = "Three routes ([source](https://example.lv/old-rules))."
    assert problems(undated, made_up) == [
        "[check] fact without a stored-copy date: https://example.lv/old-rules"
    ]
    lv = "Trīs ceļi ([avots](https://example.lv/old-rules); ziņas no avota kopijas, 02.12.2026.)."
    assert problems(lv, made_up) == []


def test_a_date_far_from_the_words_stored_copy_does_not_count(made_up):
    far = (
        "Three routes ([source](https://example.lv/old-rules)); stored copy of a page that was read "
        "long ago and kept somewhere safe. Adopted 02.12.2019."
    )
    assert problems(far, made_up) != []


def test_the_fact_sheets_are_read_as_entries_with_their_marks(made_up):
    assert made_up.check_only_phones == {"28612120"}
    assert "example.lv/old-rules" in made_up.dated_urls
    assert "example.lv/consul" not in made_up.dated_urls


def test_an_address_from_the_long_sheets_passes_but_a_phone_from_them_does_not():
    long_sheet = "| row | Help page source 67111111 | [V] | https://example.lv/detail |\n"
    facts = read_facts([SHEET], [long_sheet])
    assert problems("See [this](https://example.lv/detail).", facts) == []
    assert problems("Call 67111111.", facts) == ["phone 67111111 is in no fact sheet"]


def test_eur_lex_in_another_language_is_the_same_document_but_another_site_path_is_not():
    sheet = (
        "- Directive [src] https://eur-lex.europa.eu/legal-content/EN/ALL/?uri=CELEX%3A32011L0036\n"
    )
    facts = read_facts([sheet])
    lv = "[EUR-Lex](https://eur-lex.europa.eu/legal-content/LV/ALL/?uri=CELEX%3A32011L0036)"
    assert problems(lv, facts) == []
    other = "[EUR-Lex](https://eur-lex.europa.eu/legal-content/LV/ALL/?uri=CELEX%3A32024L1712)"
    assert problems(other, facts) != []


def test_e_justice_in_another_interface_language_is_the_same_page_but_another_page_is_not():
    sheet = "https://e-justice.europa.eu/171/LT/victims__rights__by_country?LATVIA"
    assert normal(
        "https://e-justice.europa.eu/171/LV/victims__rights__by_country?LATVIA"
    ) == normal(sheet)
    assert normal(
        "https://e-justice.europa.eu/172/LV/victims__rights__by_country?LATVIA"
    ) != normal(sheet)
