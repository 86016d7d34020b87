"""The record of completion in Chromium: what remains, the printed A4 record in both languages,
the name kept nowhere, and the LMS's own certificate inside the SCORM package."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from a11y import assert_accessible
from etika.site.certificate import READING_MINUTES
from site_pages import QUIZ_PAGES, page_path, page_url

ROOT = Path(__file__).resolve().parent.parent
NAME = "Ilze Bērziņa-Testa"
WORDS = {
    "lv": {
        "module": "Cilvēku tirdzniecībā cietušu personu ētiska intervēšana",
        "workshop": "Labklājības ministrijas darbnīcas",
        "workshop_date": "02.11.2023",
        "time": "Aptuvenais mācību laiks",
        "time_value": re.compile(r"apmēram \d+(,5)? stundas: aptuveni 2 stundas"),
        "statement": "Tā nav iestādes izsniegta apliecība vai sertifikāts",
        "remaining": "Lai izveidotu apliecinājumu, vēl jāpabeidz",
        "lms": "Apliecinājumu par kursa pabeigšanu izsniedz mācību platforma",
    },
    "en": {
        "module": "Ethical interviewing of people affected by human trafficking",
        "workshop": "Ministry of Welfare workshop",
        "workshop_date": "02.11.2023",
        "time": "Estimated learning time",
        "time_value": re.compile(r"about \d+(\.5)? hours: about 2 hours"),
        "statement": "It is not a certificate issued by an institution",
        "remaining": "To create the record, finish these first",
        "lms": "The platform issues the certificate of completion",
    },
}


def site_quizzes(site: Path, lang: str) -> list[dict]:
    """Every quiz on the built quiz pages: id, title and item count (what quiz.js records)."""
    found = []
    for slug in QUIZ_PAGES:
        html = page_path(site, lang, slug).read_text(encoding="utf-8")
        for data in re.findall(
            r'<script class="quiz__data" type="application/json">(.*?)</script>', html
        ):
            quiz = json.loads(data)
            if "id" in quiz:
                found.append(quiz)
    return found


def title_of(site: Path, lang: str, quiz_id: str) -> str:
    for slug in QUIZ_PAGES:
        html = page_path(site, lang, slug).read_text(encoding="utf-8")
        match = re.search(rf'id="quiz-{re.escape(quiz_id)}__title"[^>]*>([^<]+)<', html)
        if match:
            return (
                match.group(1).replace("&quot;", '"').replace("&#x27;", "'").replace("&amp;", "&")
            )
    raise AssertionError(f"no quiz {quiz_id} on the quiz pages")


def seed(page, quizzes: list[dict], done: set[str]) -> None:
    """Progress as quiz.js writes it, before any page script runs."""
    entries = {
        quiz["id"]: {
            "done": True,
            "best": len(quiz["items"]),
            "total": len(quiz["items"]),
            "date": "2025-03-04",
        }
        for quiz in quizzes
        if quiz["id"] in done
    }
    record = json.dumps({"version": 1, "quizzes": entries})
    page.add_init_script(f"localStorage.setItem('etika-progress', {json.dumps(record)});")


def stub_print(page) -> None:
    page.add_init_script("window.__printed = 0; window.print = () => { window.__printed += 1; };")


@pytest.fixture(scope="module")
def quizzes(site):
    found = site_quizzes(site, "lv")
    assert len(found) >= 10, "the quiz pages hold the module's quizzes"
    return found


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_before_every_quiz_is_done_the_page_lists_what_remains_and_offers_no_record(
    page, site, quizzes, lang
):
    missing = quizzes[-1]["id"]
    seed(page, quizzes, {quiz["id"] for quiz in quizzes} - {missing})
    page.goto(page_url(lang, "certificate"))
    todo = page.locator(".certificate__todo")
    assert WORDS[lang]["remaining"] in todo.inner_text()
    left = todo.locator("li:visible")
    assert left.count() == 1
    link = left.locator("a")
    assert link.inner_text() == title_of(site, lang, missing)
    assert link.get_attribute("href").endswith(f"#quiz-{missing}")
    assert not page.get_by_role("button", name=re.compile("PDF")).is_visible()
    assert not page.locator("#certificate-name").is_visible()
    assert not page.locator("#certificate-record").is_visible()
    first = page.locator(f'tr[data-certificate-quiz="{quizzes[0]["id"]}"]')
    total = len(quizzes[0]["items"])
    assert first.locator("td").nth(1).inner_text() == "04.03.2025"
    assert first.locator("td").nth(2).inner_text() in (f"{total} no {total}", f"{total} of {total}")


def test_with_nothing_done_every_quiz_remains(page, quizzes):
    page.goto(page_url("en", "certificate"))
    assert page.locator(".certificate__todo li:visible").count() == len(quizzes)
    assert page.locator(".certificate__count").inner_text().startswith(f"0 of {len(quizzes)}")


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_the_printed_record_shows_the_learner_module_workshop_quizzes_time_address_and_qr(
    page, site, quizzes, lang, tmp_path
):
    seed(page, quizzes, {quiz["id"] for quiz in quizzes})
    stub_print(page)
    page.goto(page_url(lang, "certificate"))
    page.locator("#certificate-name").fill(NAME)
    page.emulate_media(media="print")
    record = page.locator(".certificate__record")
    text = record.inner_text()
    words = WORDS[lang]
    for expected in (
        NAME,
        words["module"],
        words["workshop"],
        words["workshop_date"],
        words["time"],
    ):
        assert expected in text
    assert words["time_value"].search(text)
    assert words["statement"] in text
    assert date.today().strftime("%d.%m.%Y") in text
    for quiz in quizzes:
        assert title_of(site, lang, quiz["id"]) in text
    home = "https://etiska-intervesana.example/" + ("" if lang == "lv" else "en/")
    assert record.locator(".certificate__url").inner_text() == home
    qr = record.locator("svg")
    box = qr.bounding_box()
    assert qr.is_visible() and box["width"] >= 100
    shot = tmp_path / "qr.png"
    qr.screenshot(path=str(shot))
    decoded = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(shot)], capture_output=True, text=True
    )
    assert decoded.stdout.split() == [home]
    # Only the record prints: no header, navigation, footer, page title, intro or form.
    for hidden in (
        ".md-header",
        ".md-sidebar--primary",
        ".md-footer",
        "h1",
        ".certificate__form",
        ".certificate__todo",
    ):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert not page.locator("article > p").first.is_visible()


def test_the_typed_name_is_kept_nowhere_and_print_opens_the_browsers_dialogue(page, quizzes):
    seed(page, quizzes, {quiz["id"] for quiz in quizzes})
    stub_print(page)
    page.goto(page_url("lv", "certificate"))
    field = page.get_by_label("Vārds un uzvārds apliecinājumā")
    field.fill(NAME)
    page.get_by_role("button", name="Drukāt vai saglabāt PDF").click()
    assert page.evaluate("window.__printed") == 1
    page.keyboard.press("Enter")  # Enter in the field prints too; still nothing is submitted
    assert page.evaluate("window.__printed") == 2
    stored = page.evaluate(
        """() => [localStorage, sessionStorage].flatMap((s) =>
            Object.keys(s).map((k) => k + "=" + s.getItem(k)))"""
    )
    assert stored and not [entry for entry in stored if "Ilze" in entry or "Bērziņa" in entry]
    assert "Ilze" not in page.url and page.url.endswith("/certificate/")
    assert page.locator("[data-certificate-name]").inner_text() == NAME


def test_print_without_a_name_asks_for_the_name_first(page, quizzes):
    seed(page, quizzes, {quiz["id"] for quiz in quizzes})
    stub_print(page)
    page.goto(page_url("en", "certificate"))
    page.get_by_role("button", name="Print or save as PDF").click()
    assert page.evaluate("window.__printed") == 0
    assert page.get_by_role("status").filter(has_text="type your name").is_visible()
    assert page.evaluate("document.activeElement.id") == "certificate-name"


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_inside_the_lms_the_page_says_the_lms_issues_the_certificate(page, quizzes, lang):
    seed(page, quizzes, {quiz["id"] for quiz in quizzes})

    def marked(route):
        html = route.fetch().text().replace("<html ", "<html data-lms ", 1)
        route.fulfill(body=html, content_type="text/html; charset=utf-8")

    page.route("**/certificate/", marked)
    page.goto(page_url(lang, "certificate"))
    assert page.get_by_text(WORDS[lang]["lms"]).is_visible()
    assert not page.locator("#certificate-name").is_visible()
    assert not page.locator(".certificate__record").is_visible()


@pytest.mark.parametrize("state", ["incomplete", "complete"])
def test_axe_finds_nothing_on_the_certificate_page(page, axe, quizzes, state):
    done = {quiz["id"] for quiz in quizzes}
    seed(page, quizzes, done if state == "complete" else set())
    page.goto(page_url("lv", "certificate"))
    assert_accessible(axe, page)


def test_the_reading_time_in_the_estimate_is_the_one_the_home_page_states():
    hours = READING_MINUTES // 60
    assert f"apmēram **{hours} stundas**" in (ROOT / "docs/index.md").read_text(encoding="utf-8")
    assert f"about **{hours} hours**" in (ROOT / "docs/index.en.md").read_text(encoding="utf-8")


def test_the_record_prints_on_one_a4_sheet_with_selectable_text(page, quizzes, tmp_path):
    from conftest import pdf_text
    from pypdf import PdfReader

    seed(page, quizzes, {quiz["id"] for quiz in quizzes})
    page.goto(page_url("lv", "certificate"))
    page.locator("#certificate-name").fill(NAME)
    pdf = tmp_path / "record.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    sheets = PdfReader(pdf).pages
    assert len(sheets) == 1
    width, height = float(sheets[0].mediabox.width), float(sheets[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    text = pdf_text(pdf)
    assert NAME in text and "Apliecinājums par mācību moduļa apguvi" in text


def test_certificate_and_shared_computer_assets_load_only_on_their_pages(site):
    from site_pages import LANGUAGES, PAGES

    ours = ("certificate.js", "certificate.css", "shared-computer.js", "quiz.js")
    for lang in LANGUAGES:
        for slug in PAGES:
            html = page_path(site, lang, slug).read_text(encoding="utf-8")
            loaded = {name for name in ours if f"/{name}" in html}
            if slug == "certificate":
                assert loaded == {"certificate.js", "certificate.css"}, lang
            elif slug == "progress":
                assert loaded == {"shared-computer.js", "quiz.js"}, lang
            else:
                assert not loaded & {"certificate.js", "certificate.css", "shared-computer.js"}, (
                    slug
                )
