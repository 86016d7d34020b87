"""Shared fixtures: one strict build of the real site per test session, one HTTP server, one browser."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from etika.publish import chromium
from etika.publish.local_server import serve_directory

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Build:
    """A finished strict build: where it is and what MkDocs printed."""

    site: Path
    log: str
    returncode: int


def run_mkdocs_build(site_dir: Path) -> Build:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return Build(site=site_dir, log=proc.stdout + proc.stderr, returncode=proc.returncode)


@pytest.fixture(scope="session")
def build(tmp_path_factory) -> Build:
    """The real site, built once per session with --strict into a temp dir."""
    result = run_mkdocs_build(tmp_path_factory.mktemp("build") / "site")
    if result.returncode != 0:
        pytest.fail(f"strict build failed:\n{result.log}")
    return result


@pytest.fixture(scope="session")
def site(build) -> Path:
    return build.site


@pytest.fixture(scope="session")
def base_url(site) -> str:
    """The built site served on a free loopback port, like a static host would."""
    with serve_directory(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the whole session (Playwright cannot download one here)."""
    reason = chromium.missing()
    if reason:
        pytest.fail(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = chromium.launch(pw)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url):
    """A fresh browser context per test: no state leaks between tests."""
    context = browser.new_context(base_url=base_url)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def axe():
    """axe-core as bundled by axe-playwright-python: no download at test time."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> Path:
    """The site as `scripts/build.py publish` makes it: validated, built, link-checked, with CSP."""
    from etika.publish.build import PublishError, build_site

    try:
        return build_site(
            ROOT,
            tmp_path_factory.mktemp("published") / "site",
            "https://etiska-intervesana.example/",
        )
    except PublishError as error:
        pytest.fail(f"{error.step} failed:\n" + "\n".join(error.lines))


@pytest.fixture(scope="session")
def handouts(tmp_path_factory) -> Path:
    """The PDF handouts as `scripts/build.py handouts` prints them, once per session."""
    from publish_support import run_cli

    out = tmp_path_factory.mktemp("handouts")
    result = run_cli(ROOT, "handouts", "--out", str(out))
    if result.returncode != 0:
        pytest.fail(f"handouts failed:\n{result.stdout}{result.stderr}")
    return out


def pdf_text(path: Path) -> str:
    """A PDF's text as one line, whitespace collapsed (what a reader of the handout sees)."""
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    return " ".join(text.split())
