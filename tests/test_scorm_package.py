"""The SCORM 1.2 package: its manifest and zip, and visits under scorm-again (the LMS) in Chromium.

scorm-again is pinned in tests/scorm/package-lock.json and installed by `npm ci` there on first
use; tests/scorm/lms.html is the LMS page that loads the package's launch page in a frame.
"""

from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote
from xml.etree import ElementTree as ET

import pytest
from etika.publish import config as publish_config
from etika.publish.local_server import serve_directory
from publish_support import ROOT, run_cli

LMS_DIR = ROOT / "tests" / "scorm"
SCORM_AGAIN = LMS_DIR / "node_modules" / "scorm-again" / "dist" / "scorm12.min.js"
NS = {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2"}
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
LEARNER = {"core": {"student_id": "learner-1", "student_name": "Bērziņa, Anna"}}
# Every quiz file is embedded in the pages (validation fails otherwise): the module's quizzes.
QUIZZES = sorted(path.stem for path in (ROOT / "quizzes").glob("*.yaml"))
# The quizzes the first session answers for real.
FIRST_DONE = {"first-contact", "help-imposed"}
SESSION_TIME = re.compile(r"^\d{4}:\d{2}:\d{2}\.\d{2}$")


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    out = tmp_path_factory.mktemp("scorm") / "module.zip"
    result = run_cli(ROOT, "publish", "--target", "scorm", "--output", str(out))
    assert result.returncode == 0, result.stderr
    return out, result.stdout


@pytest.fixture(scope="module")
def package(published) -> Path:
    return published[0]


def test_publish_scorm_writes_the_zip_and_says_its_size(published):
    zip_path, stdout = published
    size = zip_path.stat().st_size // 1024
    assert stdout.strip() == f"wrote {zip_path} ({size} KB, SCORM 1.2)"


def test_the_default_package_is_dist_etiska_intervesana_scorm12_zip():
    config = publish_config.load(ROOT / "mkdocs.yml")
    assert config.scorm_output == ROOT / "dist" / "etiska-intervesana-scorm12.zip"


def test_the_manifest_is_scorm_1_2_with_one_sco_launched_from_the_launch_page(package):
    with zipfile.ZipFile(package) as zf:
        manifest = ET.fromstring(zf.read("imsmanifest.xml"))
    assert manifest.findtext("cp:metadata/cp:schema", namespaces=NS) == "ADL SCORM"
    assert manifest.findtext("cp:metadata/cp:schemaversion", namespaces=NS) == "1.2"
    organizations = manifest.findall("cp:organizations/cp:organization", NS)
    assert len(organizations) == 1
    items = organizations[0].findall("cp:item", NS)
    assert len(items) == 1
    resources = manifest.findall("cp:resources/cp:resource", NS)
    assert len(resources) == 1
    assert resources[0].get(f"{ADLCP}scormtype") == "sco"
    assert resources[0].get("href") == "scorm.html"
    assert items[0].get("identifierref") == resources[0].get("identifier")


def test_the_manifest_lists_every_file_in_the_zip_and_nothing_else(package):
    with zipfile.ZipFile(package) as zf:
        in_zip = {name for name in zf.namelist() if not name.endswith("/")}
        manifest = ET.fromstring(zf.read("imsmanifest.xml"))
    listed = [unquote(f.get("href")) for f in manifest.iterfind(".//cp:file", NS)]
    assert len(listed) == len(set(listed))
    # The manifest is the package's description, not one of its files.
    assert set(listed) == in_zip - {"imsmanifest.xml"}
    assert {"scorm.html", "index.html", "en/index.html", "search/search_index.js"} <= set(listed)


def test_every_page_of_the_package_loads_the_bridge_and_the_public_site_does_not(package, site):
    with zipfile.ZipFile(package) as zf:
        pages = [n for n in zf.namelist() if n.endswith(".html") and n != "scorm.html"]
        without = [n for n in pages if b"scorm-bridge.js" not in zf.read(n)]
    assert len(pages) > 30 and without == []
    assert [p for p in site.rglob("*.html") if "scorm-bridge.js" in p.read_text("utf-8")] == []


# ---- in Chromium, with scorm-again as the LMS -------------------------------------------------


@pytest.fixture(scope="module")
def lms_origin(package, tmp_path_factory):
    """One origin serving the LMS page (/lms/) and the unpacked package (/pkg/, and /pkg2/)."""
    if not SCORM_AGAIN.is_file():
        if shutil.which("npm") is None:
            pytest.fail("npm is needed to install scorm-again (tests/scorm/package-lock.json)")
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=LMS_DIR, check=True
        )
    root = tmp_path_factory.mktemp("lms-origin")
    for folder in ("pkg", "pkg2"):
        with zipfile.ZipFile(package) as zf:
            zf.extractall(root / folder)
    (root / "lms").mkdir()
    shutil.copy(LMS_DIR / "lms.html", root / "lms" / "index.html")
    shutil.copy(SCORM_AGAIN, root / "lms" / "scorm12.min.js")
    with serve_directory(root) as url:
        yield url, root


@dataclass
class Visit:
    page: object  # the LMS page
    site: object  # the frame showing the site
    requests: list[str]

    def calls(self) -> list[list[str]]:
        return self.page.evaluate("window.calls")

    def cmi(self) -> dict:
        """What the LMS keeps for the next launch (as Moodle would hand it back)."""
        return self.page.evaluate(
            """() => ({ core: { student_id: lms.cmi.core.student_id,
                          student_name: lms.cmi.core.student_name, entry: "resume",
                          lesson_status: lms.cmi.core.lesson_status,
                          score: { raw: lms.cmi.core.score.raw } },
                        suspend_data: lms.cmi.suspend_data })"""
        )

    def close_launch_page(self) -> None:
        """The learner closes the module: the LMS unloads the launch page."""
        self.page.evaluate("document.querySelector('iframe[name=sco]').src = 'about:blank'")
        self.page.wait_for_function("calls.some(c => c[0] === 'LMSFinish')")


def launch(browser, base: str, cmi: dict | None = None, package: str = "pkg", context=None):
    context = context or browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{base}/lms/index.html?pkg={package}#{quote(json.dumps(cmi or LEARNER))}")
    page.wait_for_function(
        f"""() => {{ try {{ const f = frames.sco.frames['etika-site'];
             return f.location.pathname === '/{package}/index.html'
                    && f.document.readyState === 'complete'; }} catch (e) {{ return false; }} }}"""
    )
    return Visit(page, page.frame(name="etika-site"), requests)


def names(calls, wanted=("LMSInitialize", "LMSCommit", "LMSFinish")) -> list[str]:
    return [c[0] for c in calls if c[0] in wanted]


def last_set(calls, element: str) -> str | None:
    values = [c[2] for c in calls if c[0] == "LMSSetValue" and c[1] == element]
    return values[-1] if values else None


def answer_quiz(site, quiz_id: str) -> int:
    """Answer every question of one quiz as a learner does (first option, Check); how many."""
    forms = site.locator(f"section#quiz-{quiz_id} form.quiz-question")
    for i in range(forms.count()):
        form = forms.nth(i)
        form.locator("input").first.check()
        form.locator(".quiz-check").click()
        assert form.locator(".quiz-status").inner_text().strip()
    return forms.count()


def go(site, link_text: str, url: str) -> None:
    site.locator(".md-nav__link", has_text=link_text).first.click()
    site.wait_for_url(url)


def stored(site) -> dict:
    return site.evaluate(
        "Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))"
    )


@dataclass
class FirstSession:
    visit: Visit
    at_launch: list
    results: list[int]  # commits expected after each quiz
    calls: list
    cmi: dict


@pytest.fixture(scope="module")
def first_session(browser, lms_origin) -> FirstSession:
    """A first visit: two quizzes answered for real (one in LV, one in EN), a search, the
    module closed."""
    base, _ = lms_origin
    visit = launch(browser, base)
    at_launch = visit.calls()
    site = visit.site
    go(site, "Pirmais kontakts", "**/pkg/scenarios-situation.html")
    first = answer_quiz(site, "first-contact")
    site.locator(".md-search__input").click()
    site.locator(".md-search__input").press_sequentially("konfidencialit", delay=20)
    site.locator(".md-search-result__item").first.wait_for()
    site.locator(".md-search__input").press("Escape")
    site.locator(".md-header__option .md-select button").hover()
    site.locator('.md-select__link[hreflang="en"]').click()
    site.wait_for_url("**/pkg/en/scenarios-situation.html")
    go(site, "How help is offered", "**/pkg/en/scenarios-help.html")
    second = answer_quiz(site, "help-imposed")
    go(site, "Principles", "**/pkg/en/principles.html")  # one more page load, no result
    before_close = visit.calls()
    visit.close_launch_page()
    calls = visit.calls()
    assert before_close == calls[: len(before_close)]
    return FirstSession(visit, at_launch, [first, second], calls, visit.cmi())


@pytest.mark.browser
def test_a_first_visit_initialises_once_and_reports_incomplete(first_session):
    at_launch = first_session.at_launch
    assert names(at_launch) == ["LMSInitialize", "LMSCommit"]
    assert at_launch[0] == ["LMSInitialize", "", "true"]
    assert last_set(at_launch, "cmi.core.lesson_status") == "incomplete"
    assert last_set(at_launch, "cmi.core.exit") == "suspend"


@pytest.mark.browser
def test_each_result_is_committed_and_the_session_finishes_once_at_the_end(first_session):
    calls = first_session.calls
    answered = sum(first_session.results)
    assert answered >= 2
    # Initialise once, the first visit's commit, a commit per result, one finish, last.
    expected = ["LMSInitialize", "LMSCommit", *["LMSCommit"] * answered, "LMSFinish"]
    assert names(calls) == expected
    assert calls[-1] == ["LMSFinish", "", "true"]
    commits = [i for i, c in enumerate(calls) if c[0] == "LMSCommit"]
    for before, commit in itertools.pairwise(commits):
        between = [c[1] for c in calls[before:commit] if c[0] == "LMSSetValue"]
        assert "cmi.suspend_data" in between and "cmi.core.score.raw" in between
    failed = [c for c in calls if c[0] in {"LMSSetValue", "LMSCommit"} and c[-1] != "true"]
    assert failed == []


@pytest.mark.browser
def test_the_lms_holds_progress_score_and_time_after_the_first_visit(first_session):
    calls, cmi = first_session.calls, first_session.cmi
    suspend = cmi["suspend_data"]
    assert 0 < len(suspend) <= 4096
    assert re.search(r"(^|;)first-contact,1,\d+,\d+,\d{8}(;|$)", suspend)
    assert re.search(r"(^|;)help-imposed,1,\d+,\d+,\d{8}(;|$)", suspend)
    assert cmi["core"]["lesson_status"] == "incomplete"
    assert last_set(calls, "cmi.core.score.min") == "0"
    assert last_set(calls, "cmi.core.score.max") == "100"
    assert cmi["core"]["score"]["raw"] == str(100 * 2 // len(QUIZZES))
    assert last_set(calls, "cmi.core.exit") == "suspend"
    assert SESSION_TIME.match(last_set(calls, "cmi.core.session_time"))


@pytest.mark.browser
def test_inside_the_lms_no_request_leaves_the_package(first_session, lms_origin):
    base, _ = lms_origin
    outside = [
        url
        for url in first_session.visit.requests
        if not url.startswith((f"{base}/pkg/", f"{base}/lms/", "data:", "blob:", "about:"))
    ]
    assert outside == []


@pytest.mark.browser
def test_a_later_launch_elsewhere_restores_progress_and_completes_the_module(
    browser, lms_origin, first_session
):
    base, _ = lms_origin
    # Another computer: a new browser profile, nothing stored but what the LMS hands back.
    visit = launch(browser, base, first_session.cmi)
    site = visit.site
    assert names(visit.calls()) == ["LMSInitialize"]  # not a first visit: nothing to report
    go(site, "Mans progress", "**/pkg/progress.html")
    today = site.evaluate("new Date().toISOString().slice(0, 10).split('-').reverse().join('.')")
    rows = site.locator("tr[data-quiz-id]")
    status = {
        rows.nth(i).get_attribute("data-quiz-id"): rows.nth(i)
        .locator(".quiz-progress__status")
        .inner_text()
        for i in range(rows.count())
    }
    assert sorted(status) == QUIZZES
    assert today in status["first-contact"] and today in status["help-imposed"]
    assert len({text for quiz, text in status.items() if quiz not in FIRST_DONE}) == 1

    # Every quiz but one done (seeded as quiz.js stores it), the last answered for real.
    site.evaluate(
        """(ids) => { const key = window.etikaProgressKey;
             const data = JSON.parse(localStorage.getItem(key));
             for (const id of ids) data.quizzes[id] ??= { done: true, best: 1, total: 1,
                                                           date: "2026-01-05" };
             localStorage.setItem(key, JSON.stringify(data)); }""",
        [q for q in QUIZZES if q != "trauma"],
    )
    go(site, "Pirmais kontakts", "**/pkg/scenarios-situation.html")
    assert names(visit.calls()) == ["LMSInitialize"]
    answered = answer_quiz(site, "trauma")
    calls = visit.calls()
    assert last_set(calls, "cmi.core.lesson_status") == "completed"
    assert last_set(calls, "cmi.core.score.raw") == "100"
    assert last_set(calls, "cmi.core.exit") == ""
    suspend = last_set(calls, "cmi.suspend_data")
    assert len(suspend) <= 4096
    assert sorted(e.split(",")[0] for e in suspend.split(";")[1:]) == QUIZZES
    visit.close_launch_page()
    assert names(visit.calls()) == ["LMSInitialize", *["LMSCommit"] * answered, "LMSFinish"]


@pytest.mark.browser
def test_suspend_data_stays_within_4096_characters_keeping_the_modules_quizzes(browser, lms_origin):
    base, _ = lms_origin
    visit = launch(browser, base)
    entry = {"done": True, "best": 3, "total": 3, "date": "2026-01-05"}
    # What an old copy of the site could have left: many quizzes this module no longer has.
    foreign = {f"old-quiz-{n:03d}-" + "x" * 44: entry for n in range(120)}
    record = {"version": 1, "quizzes": {**foreign, **dict.fromkeys(QUIZZES, entry)}}
    visit.page.frame(name="sco").evaluate("(record) => etikaScorm.report(record)", record)
    calls = visit.calls()
    suspend = last_set(calls, "cmi.suspend_data")
    ids = [e.split(",")[0] for e in suspend.split(";")[1:]]
    assert len(suspend) <= 4096 < len(json.dumps(record))
    assert set(QUIZZES) <= set(ids) and len(ids) < len(record["quizzes"])
    assert last_set(calls, "cmi.core.lesson_status") == "completed"
    visit.page.context.close()


@pytest.mark.browser
def test_inside_the_lms_progress_is_kept_per_package_and_learner(browser, lms_origin):
    base, _ = lms_origin
    visit = launch(browser, base)
    go(visit.site, "Pirmais kontakts", "**/pkg/scenarios-situation.html")
    answer_quiz(visit.site, "first-contact")
    keys = list(stored(visit.site))
    assert keys == ["etika-progress@/pkg/#learner-1"]
    # The same module uploaded twice on one LMS origin (two courses): the second copy, opened
    # in the same browser, starts from its own record, empty.
    other = launch(browser, base, package="pkg2", context=visit.page.context)
    go(other.site, "Mans progress", "**/pkg2/progress.html")
    cells = other.site.locator(".quiz-progress__status").all_inner_texts()
    assert len(cells) == len(QUIZZES) and len(set(cells)) == 1
    assert "etika-progress@/pkg2/#learner-1" not in stored(other.site)
    assert json.loads(stored(other.site)["etika-progress@/pkg/#learner-1"])["quizzes"]


@pytest.mark.browser
def test_the_launch_page_frame_fills_the_window_and_carries_the_page_title(browser, lms_origin):
    base, _ = lms_origin
    visit = launch(browser, base)
    go(visit.site, "Principi", "**/pkg/principles.html")
    launch_frame = visit.page.frame(name="sco")
    launch_frame.wait_for_function(
        "document.getElementById('etika-site').title === frames['etika-site'].document.title"
    )
    page_title = visit.site.title()
    assert page_title and launch_frame.title() == page_title
    box = launch_frame.locator("#etika-site").bounding_box()
    size = launch_frame.evaluate("[innerWidth, innerHeight]")
    assert [box["x"], box["y"], box["width"], box["height"]] == [0, 0, *size]
    # The keyboard reaches the site: Tab from the LMS lands on the page's first link.
    visit.page.locator("body").focus()
    visit.page.keyboard.press("Tab")
    assert visit.site.evaluate("document.hasFocus() && document.activeElement.tagName") == "A"


@pytest.mark.browser
def test_inside_the_lms_a_link_leaving_the_package_opens_a_new_window(browser, lms_origin):
    base, _ = lms_origin
    visit = launch(browser, base)
    context = visit.page.context
    # Outside sites answered here: the test never reaches the internet.
    context.route(
        re.compile(r"^https?://(?!127\.0\.0\.1[:/])"),
        lambda route: route.fulfill(body="<title>outside</title>", content_type="text/html"),
    )
    go(visit.site, "Palīdzība un resursi", "**/pkg/resources.html")
    with context.expect_page() as popup:
        visit.site.locator('a[href="https://www.cietusajiem.lv"]').first.click()
    popup.value.wait_for_load_state()
    assert popup.value.url.startswith("https://www.cietusajiem.lv")
    assert visit.site.url == f"{base}/pkg/resources.html"
    assert names(visit.calls()) == ["LMSInitialize", "LMSCommit"]
    context.close()


@pytest.mark.browser
def test_without_an_lms_the_launch_page_opens_the_site_as_usual(browser, lms_origin):
    base, root = lms_origin
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{base}/pkg/scorm.html")
    page.wait_for_url("**/pkg/index.html")
    go(page, "Pirmais kontakts", "**/pkg/scenarios-situation.html")
    answer_quiz(page, "first-contact")
    assert list(stored(page)) == ["etika-progress"]
    assert "first-contact" in json.loads(stored(page)["etika-progress"])["quizzes"]
    page.goto((root / "pkg" / "scorm.html").as_uri())  # straight from disk
    page.wait_for_url("**/pkg/index.html")
    assert page.locator("h1").first.is_visible()
    assert errors == []
    context.close()
