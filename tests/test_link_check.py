"""The built-site link checker: what MkDocs never sees (our generated HTML) is checked too."""

from __future__ import annotations

from pathlib import Path

from etika.publish.links import check_site

SITE_URL = "https://example.test/course/"


def _write(site: Path, name: str, html: str) -> None:
    path = site / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html><body>\n{html}\n</body></html>", encoding="utf-8")


def _small_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    _write(site, "index.html", '<h2 id="start">Start</h2><a href="principles/#privacy">p</a>')
    _write(site, "principles/index.html", '<h3 id="privacy">Privacy</h3><a href="../">home</a>')
    _write(site, "en/index.html", '<a href="../principles/">lv</a><a href="#top">x</a><b id="top">')
    (site / "assets").mkdir()
    (site / "assets" / "site.css").write_text("body{}", encoding="utf-8")
    return site


def test_a_site_whose_links_all_resolve_has_no_problems(tmp_path):
    site = _small_site(tmp_path)
    _write(
        site,
        "about/index.html",
        '<link href="../assets/site.css" rel="stylesheet"><a href="/course/en/">en</a>'
        '<link rel="canonical" href="https://example.test/course/about/">'
        '<a href="https://other.example/">elsewhere</a><a href="mailto:a@b.lv">mail</a>',
    )
    assert check_site(site, SITE_URL) == []


def test_missing_pages_anchors_and_assets_are_each_reported_with_page_and_line(tmp_path):
    site = _small_site(tmp_path)
    _write(
        site,
        "quiz/index.html",
        '<a href="../principles/#no-such-anchor">a</a>\n'
        '<script src="../assets/quiz.js"></script>\n'
        '<a href="../missing/">m</a>\n'
        '<a href="https://example.test/course/gone/">abs</a>\n'
        '<a href="#nowhere">same page</a>',
    )
    problems = [str(p) for p in check_site(site, SITE_URL)]
    assert problems == [
        "quiz/index.html:2: no such anchor: ../principles/#no-such-anchor",
        "quiz/index.html:3: no such file: ../assets/quiz.js",
        "quiz/index.html:4: no such file: ../missing/",
        "quiz/index.html:5: no such file: https://example.test/course/gone/",
        "quiz/index.html:6: no such anchor: #nowhere",
    ]


def test_script_links_and_links_outside_the_sites_path_are_reported(tmp_path):
    site = _small_site(tmp_path)
    _write(
        site,
        "x/index.html",
        '<a href="javascript:alert(1)">js</a><a href="/elsewhere/">root</a><a href="../../..">up</a>',
    )
    reasons = [p.reason for p in check_site(site, SITE_URL)]
    assert reasons == ["script link", "outside the site's path", "climbs out of the site"]


def test_the_real_build_has_no_broken_internal_link_or_anchor_in_either_language(site):
    # Covers the quiz HTML, the progress table, head metadata and the 404 page, which
    # `mkdocs build --strict` does not look at.
    assert [str(p) for p in check_site(site, "https://etiska-intervesana.example/")] == []
