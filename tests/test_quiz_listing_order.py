"""The progress table and the scenario index list quizzes in the order a learner meets them:
pages in navigation order, quizzes in marker order on each page (not alphabetically)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from etika.quiz.catalogue import QuizCatalogue
from etika.quiz.validation import validate
from etika.site.config import nav_pages
from site_pages import PAGES

FIXTURES = Path(__file__).parent / "fixtures" / "quizzes" / "valid"


def fixture_quizzes() -> dict:
    report = validate([FIXTURES], docs_dir=Path(__file__).parent.parent / "docs")
    assert len(report.quizzes) >= 3, report.problems
    return report.quizzes


def test_quizzes_follow_the_navigation_then_the_markers_on_each_page():
    quizzes = fixture_quizzes()
    first, second, third = sorted(quizzes)
    catalogue = QuizCatalogue(
        quizzes=quizzes,
        # Alphabetically "a.md" comes first, but the navigation puts "z.md" before it.
        places={first: [("a.md", 9)], second: [("z.md", 30)], third: [("z.md", 4)]},
        nav=("index.md", "z.md", "a.md"),
    )
    assert [quiz.id for quiz in catalogue.in_page_order()] == [third, second, first]


def test_a_quiz_on_no_page_or_off_the_navigation_comes_after_the_others():
    quizzes = fixture_quizzes()
    first, second, third = sorted(quizzes)
    catalogue = QuizCatalogue(
        quizzes=quizzes,
        places={first: [("hidden.md", 1)], third: [("shown.md", 5)]},
        nav=("shown.md",),
    )
    assert [quiz.id for quiz in catalogue.in_page_order()] == [third, first, second]


def test_without_a_navigation_pages_follow_in_path_order():
    quizzes = fixture_quizzes()
    first, second, third = sorted(quizzes)
    places = {first: [("b.md", 1)], second: [("a/z.md", 3)], third: [("a/z.md", 2)]}
    catalogue = QuizCatalogue(quizzes=quizzes, places=places)
    assert [quiz.id for quiz in catalogue.in_page_order()] == [third, second, first]


def test_nav_pages_flattens_sections_in_reading_order_and_skips_links():
    nav = [
        {"Sākums": "index.md"},
        {"Scenāriji": ["scenarios.md", {"Pirmais": "s/one.md"}, {"Otrais": "s/two.md"}]},
        {"Ārēja saite": "https://example.org/"},
        "about.md",
    ]
    assert nav_pages({"nav": nav}) == [
        "index.md",
        "scenarios.md",
        "s/one.md",
        "s/two.md",
        "about.md",
    ]
    assert nav_pages({"nav": None}) == []


def quizzes_met_on_the_site(site: Path, prefix: str) -> list[str]:
    """Every quiz id in the order a learner meets it, walking the built pages in nav order."""
    met = []
    for slug in PAGES:
        html = (site / prefix / slug / "index.html").read_text(encoding="utf-8")
        met += re.findall(r'<section[^>]* data-quiz="([\w-]+)"', html)
    return met


@pytest.mark.parametrize("prefix", ["", "en"])
def test_the_progress_table_lists_quizzes_in_page_order(site, prefix):
    met = quizzes_met_on_the_site(site, prefix)
    assert len(met) == len(set(met)) >= 16
    html = (site / prefix / "progress/index.html").read_text(encoding="utf-8")
    assert re.findall(r'<tr[^>]* data-quiz-id="([\w-]+)"', html) == met


@pytest.mark.parametrize("prefix", ["", "en"])
def test_the_scenario_index_lists_quizzes_in_page_order(site, prefix):
    met = quizzes_met_on_the_site(site, prefix)
    html = (site / prefix / "scenarios/index.html").read_text(encoding="utf-8")
    table = html.split('class="quiz-index"', 1)[1].split("</table>", 1)[0]
    assert re.findall(r'href="[^"#]*#quiz-([\w-]+)"', table) == met
