"""The dir target behind a real nginx: releases switch atomically, old pages keep their assets."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from etika.devtools.nginx_server import NginxServer
from etika.publish.release import (
    current_release,
    publish_dir,
    releases,
    rollback,
    security_policy_changed,
)
from publish_support import (
    ROOT,
    kill_during_build,
    kill_group,
    listing,
    run_cli,
    scratch_left,
    serve_target,
)

ASSET = re.compile(r'(?:href|src)="([^"#?]+\.(?:css|js))"')


@pytest.fixture
def served(tmp_path):
    """(target, start): `start()` serves the target with nginx once a first release exists
    (our example server block includes the release's own security headers)."""
    if not Path("/usr/sbin/nginx").exists():
        pytest.fail("/usr/sbin/nginx is missing: install Debian's nginx (see .ci/run)")
    target = tmp_path / "www"
    started = []

    def start() -> NginxServer:
        started.append(serve_target(target, tmp_path / "nginx"))
        return started[-1]

    yield target, start
    for server in started:
        server.stop()


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def _variant(site: Path, destination: Path, tag: str) -> Path:
    """A copy of the build whose stylesheet has a new content-hashed name, as after a theme update."""
    shutil.copytree(site, destination)
    old = next((destination / "assets" / "stylesheets").glob("main.*.min.css"))
    new = old.with_name(f"main.{tag}.min.css")
    old.rename(new)
    for page in destination.rglob("*.html"):
        html = page.read_text(encoding="utf-8").replace(old.name, new.name)
        page.write_text(html.replace("</body>", f"<!-- release {tag} --></body>"), encoding="utf-8")
    return destination


def _load_page_and_assets(base: str, path: str) -> list[tuple[str, int]]:
    """Fetch a page, then every stylesheet and script it names, as a browser would."""
    status, body = _get(base + path)
    results = [(path, status)]
    folder = path if path.endswith("/") else path.rsplit("/", 1)[0] + "/"
    for asset in ASSET.findall(body.decode("utf-8", "replace")):
        url = urllib.parse.urljoin(base + folder, asset)
        results.append((url, _get(url)[0]))
    return results


def test_requests_during_a_publish_never_see_a_404_or_an_old_page_without_its_assets(
    published_site, served, tmp_path
):
    target, start = served
    first = _variant(published_site, tmp_path / "a", "aaaaaaaa")
    second = _variant(published_site, tmp_path / "b", "bbbbbbbb")
    publish_dir(first, target, keep=3)
    nginx = start()
    failures, seen, stop = [], set(), threading.Event()

    def reader():
        for _ in range(400):  # bounded, whatever happens
            if stop.is_set():
                break
            for path in ("/", "/en/principles/", "/scenarios-situation/"):
                for url, status in _load_page_and_assets(nginx.url, path):
                    if status != 200:
                        failures.append((url, status))
                html = _get(nginx.url + path)[1]
                seen.update(re.findall(rb"release (\w+)", html))

    # A reader who opened a page just before the switch asks for its assets just after.
    old_page = _get(nginx.url + "/en/principles/")[1].decode()
    thread = threading.Thread(target=reader)
    thread.start()
    _wait_until(lambda: b"aaaaaaaa" in seen)
    publish_dir(second, target, keep=3)
    _wait_until(lambda: b"bbbbbbbb" in seen)  # polls, not sleeps: CI machines are slow
    stop.set()
    thread.join()
    assert failures == []
    old_assets = [
        urllib.parse.urljoin(nginx.url + "/en/principles/", a) for a in ASSET.findall(old_page)
    ]
    assert any("main.aaaaaaaa" in url for url in old_assets)
    assert [(url, _get(url)[0]) for url in old_assets if _get(url)[0] != 200] == []
    assert seen == {b"aaaaaaaa", b"bbbbbbbb"}  # the loop really ran across the switch
    assert _get(nginx.url + "/")[1].count(b"release bbbbbbbb") == 1


PUBLISH_SNIPPET = """
import sys
from pathlib import Path
from etika.publish.release import publish_dir
publish_dir(Path(sys.argv[1]), Path(sys.argv[2]), keep=3)
"""


def test_a_publish_killed_midway_leaves_the_old_release_served(published_site, served, tmp_path):
    target, start = served
    first = _variant(published_site, tmp_path / "a", "aaaaaaaa")
    second = _variant(published_site, tmp_path / "b", "bbbbbbbb")
    old = publish_dir(first, target, keep=3)
    nginx = start()
    started = time.monotonic()
    subprocess.run([sys.executable, "-c", PUBLISH_SNIPPET, str(second), str(tmp_path / "probe")])
    duration = time.monotonic() - started
    interrupted = 0
    for fraction in (0.3, 0.5, 0.7):
        process = subprocess.Popen(
            [sys.executable, "-c", PUBLISH_SNIPPET, str(second), str(target)],
            start_new_session=True,
        )
        time.sleep(duration * fraction)
        kill_group(process)
        if current_release(target) != old:  # it finished before the kill: undo and go on
            rollback(target)
            shutil.rmtree(target / "releases" / max(releases(target)))
            continue
        interrupted += 1
        body = _get(nginx.url + "/")[1]
        assert b"release aaaaaaaa" in body
        assert all(status == 200 for _, status in _load_page_and_assets(nginx.url, "/"))
    assert interrupted  # at least one kill landed before the switch
    # A kill between making the new `current` link and renaming it over the old one.
    (target / ".current.4194304.tmp").symlink_to("releases/" + old)
    # The next publish clears what the killed ones left and goes live.
    publish_dir(second, target, keep=3)
    assert b"release bbbbbbbb" in _get(nginx.url + "/")[1]
    assert not list((target / "releases").glob(".*"))
    assert sorted(p.name for p in target.iterdir()) == [".lock", "current", "releases"]


def test_a_cli_publish_killed_during_its_build_serves_the_old_release_and_is_swept_next_time(
    published_site, tmp_path
):
    target, temp = tmp_path / "www", tmp_path / "tmp"
    temp.mkdir()
    old = publish_dir(_variant(published_site, tmp_path / "a", "aaaaaaaa"), target, keep=3)
    command = [sys.executable, str(ROOT / "scripts" / "build.py"), "publish", "--target", "dir"]
    process = subprocess.Popen(
        [*command, "--dir", str(target)],
        start_new_session=True,
        env={**os.environ, "TMPDIR": str(temp)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    kill_during_build(process)
    assert current_release(target) == old and releases(target) == [old]
    assert [name.rsplit("-", 1)[0] for name in scratch_left(temp)] == [".etika-publish"]
    result = run_cli(ROOT, "publish", "--target", "dir", "--dir", str(target), temp=temp)
    assert result.returncode == 0, result.stderr
    assert current_release(target) != old and releases(target)[0] == old
    assert scratch_left(temp) == []


def test_rollback_restores_the_previous_release_and_old_releases_are_pruned(
    published_site, served, tmp_path
):
    target, start = served
    tags = ["aaaaaaaa", "bbbbbbbb", "cccccccc", "dddddddd"]
    ids = [publish_dir(_variant(published_site, tmp_path / t, t), target, keep=3) for t in tags]
    nginx = start()
    assert releases(target) == ids[-3:]  # keep=3
    assert b"release dddddddd" in _get(nginx.url + "/")[1]
    result = run_cli(ROOT, "rollback", "--dir", str(target))
    assert result.returncode == 0, result.stderr
    assert current_release(target) == ids[2]
    assert b"release cccccccc" in _get(nginx.url + "/")[1]
    assert all(status == 200 for _, status in _load_page_and_assets(nginx.url, "/en/"))


def test_rollback_where_nothing_was_published_refuses_and_creates_nothing(tmp_path):
    never = tmp_path / "never-published"
    result = run_cli(ROOT, "rollback", "--dir", str(never))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{never}: nothing has been published here (no releases/ folder);"
        " check the path (--dir or extra.publish.dir.path)",
        "rollback failed: nothing was changed",
    ]
    assert list(tmp_path.iterdir()) == []  # no folder, no lock file


def test_rollback_with_no_earlier_release_says_so_and_changes_nothing(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>x</p>", encoding="utf-8")
    only = publish_dir(site, tmp_path / "www", keep=3)
    before = listing(tmp_path / "www")
    result = run_cli(ROOT, "rollback", "--dir", str(tmp_path / "www"))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{tmp_path / 'www'}: no earlier release to return to",
        "rollback failed: nothing was changed",
    ]
    assert listing(tmp_path / "www") == before and current_release(tmp_path / "www") == only


def test_the_example_nginx_block_sends_the_releases_security_headers(published_site, served):
    target, start = served
    publish_dir(published_site, target, keep=3)
    nginx = start()
    with urllib.request.urlopen(nginx.url + "/en/principles/", timeout=5) as response:
        policy = response.headers["Content-Security-Policy"]
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    headers_file = (published_site / "_headers").read_text(encoding="utf-8")
    assert f"Content-Security-Policy: {policy}" in headers_file
    assert "'unsafe-inline'" not in policy and "frame-ancestors 'none'" in policy
    for by_product in ("/nginx-csp.conf", "/_headers", "/.release.json"):
        assert _get(nginx.url + by_product)[0] == 404


def test_a_release_with_a_new_security_policy_is_flagged_for_a_server_reload(tmp_path):
    def site(policy: str) -> Path:
        folder = tmp_path / policy
        folder.mkdir()
        (folder / "index.html").write_text("<p>x</p>", encoding="utf-8")
        (folder / "nginx-csp.conf").write_text(policy, encoding="utf-8")
        return folder

    target = tmp_path / "www"
    first = publish_dir(site("one"), target, keep=3)
    same = publish_dir(tmp_path / "one", target, keep=3)
    changed = publish_dir(site("two"), target, keep=3)
    assert not security_policy_changed(target, first)
    assert not security_policy_changed(target, same)
    assert security_policy_changed(target, changed)


def _wait_until(condition, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.05)


def test_release_ids_sort_in_publish_order_even_when_the_clock_says_otherwise(
    monkeypatch, tmp_path
):
    # Each publish reads the clock once; here it reads a second boundary, then a clock that
    # stepped back an hour. Pruning and rollback rely on ids sorting in publish order.
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>x</p>", encoding="utf-8")
    boundary = 1_795_000_000 * 10**9
    clock = iter([boundary - 1, boundary, boundary - 3600 * 10**9, boundary + 5])
    monkeypatch.setattr(time, "time_ns", lambda: next(clock))
    target = tmp_path / "www"
    ids = [publish_dir(site, target, keep=10) for _ in range(4)]
    assert ids == sorted(ids) and len(set(ids)) == 4
    assert releases(target) == ids and current_release(target) == ids[-1]
    assert ids[1].endswith("000000000") and ids[0].endswith("999999999")
