"""The dir target on a server: the site goes over ssh as one tar, the server runs release_dir.py.

There is no sshd here, so a stand-in for the ssh command runs the command line locally with `sh`,
exactly as sshd would hand it to the server's shell: the quoting, the tar over stdin, the
server's python3 and its one-line JSON answer are all real.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from etika.publish.build import PublishError
from etika.publish.dir_target import DirTarget, publish, roll_back
from etika.publish.release import current_release, releases
from publish_support import ROOT, dir_files, run_cli

STAND_IN = """#!/bin/sh
# ssh HOST COMMAND...: note the host, then run the command line as the server's shell would.
echo "$1" >> "{log}"
shift
{feed} sh -c "$*"
"""


def _ssh(tmp_path: Path, name: str = "ssh", feed: str = "exec") -> tuple[str, Path]:
    log = tmp_path / f"{name}.hosts"
    script = tmp_path / name
    script.write_text(STAND_IN.format(log=log, feed=feed), encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script), log


def _site(folder: Path, text: str) -> Path:
    (folder / "assets").mkdir(parents=True)
    (folder / "index.html").write_text(f"<p>{text}</p>", encoding="utf-8")
    (folder / "assets" / f"{text}.js").write_text("// x", encoding="utf-8")
    return folder


def test_make_publish_to_host_path_releases_the_built_site_on_the_server(published_site, tmp_path):
    ssh, hosts = _ssh(tmp_path)
    www = tmp_path / "srv" / "www"
    location = f"deploy@web.example.org:{www}"
    result = run_cli(ROOT, "publish", "--target", "dir", "--dir", location, "--ssh", ssh)
    assert result.returncode == 0, result.stderr
    [release] = releases(www)
    assert f"published release {release} to {location}/current" in result.stdout
    assert current_release(www) == release
    assert os.readlink(www / "current") == f"releases/{release}"
    served = set(dir_files(www / "current")) - {".release.json"}
    assert served == set(dir_files(published_site))  # the whole tree arrived
    built = (published_site / "principles" / "index.html").read_bytes()
    assert (www / "current" / "principles" / "index.html").read_bytes() == built
    assert hosts.read_text(encoding="utf-8").split() == ["deploy@web.example.org"]

    again = run_cli(ROOT, "rollback", "--dir", location, "--ssh", ssh)
    assert again.returncode == 1
    assert f"deploy@web.example.org: {www}: no earlier release to return to" in again.stderr
    assert current_release(www) == release


def test_releases_on_a_server_are_pruned_and_rolled_back_like_local_ones(tmp_path):
    ssh, _ = _ssh(tmp_path)
    www = tmp_path / "www"
    target = DirTarget(f"web:{www}", ssh)
    ids = [publish(_site(tmp_path / t, t), target, keep=2)[0] for t in ("one", "two", "three")]
    assert releases(www) == ids[1:]
    # The previous release's assets are carried over, so an open page keeps its scripts.
    assert (www / "current" / "assets" / "two.js").is_file()
    assert roll_back(target) == ids[1]
    assert current_release(www) == ids[1]


def test_an_unreachable_server_publishes_nothing_and_says_why(tmp_path):
    refusing = tmp_path / "ssh"
    refusing.write_text(
        "#!/bin/sh\necho 'ssh: connect to host web port 22: Connection refused' >&2\nexit 255\n",
        encoding="utf-8",
    )
    refusing.chmod(0o755)
    with pytest.raises(PublishError) as caught:
        publish(_site(tmp_path / "s", "s"), DirTarget("web:/srv/www", str(refusing)), keep=3)
    assert caught.value.lines == [
        "web: no answer from the server (exit 255)",
        "ssh: connect to host web port 22: Connection refused",
    ]


def test_a_transfer_cut_short_keeps_the_current_release(tmp_path):
    ssh, _ = _ssh(tmp_path)
    www = tmp_path / "www"
    first, _ = publish(_site(tmp_path / "a", "a"), DirTarget(f"web:{www}", ssh), keep=3)
    big = _site(tmp_path / "b", "b")
    (big / "large.bin").write_bytes(os.urandom(200_000))
    cut, _ = _ssh(tmp_path, "cut-ssh", feed="head -c 50000 |")  # the link drops mid-transfer
    with pytest.raises(PublishError) as caught:
        publish(big, DirTarget(f"web:{www}", cut), keep=3)
    assert (caught.value.step, caught.value.lines) == (
        "dir target",
        ["web: ReadError: unexpected end of data"],
    )
    assert current_release(www) == first
    assert sorted(p.name for p in (www / "releases").iterdir()) == [first]  # no .partial left


@pytest.mark.parametrize(
    ("location", "host"),
    [
        ("deploy@web.example.org:/srv/www", "deploy@web.example.org"),
        ("web:/srv/www", "web"),
        ("/srv/www", None),
        ("releases/www", None),
        ("./odd:name/www", None),
        ("web:relative/path", None),  # a server path must be absolute: no guessing of $HOME
    ],
)
def test_a_location_is_a_server_only_when_written_host_colon_absolute_path(location, host):
    remote = DirTarget(location).remote
    assert (remote["host"] if remote else None) == host
