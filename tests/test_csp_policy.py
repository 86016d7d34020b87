"""The Content-Security-Policy written after the build: hashes, placement, header files."""

from __future__ import annotations

import base64
import hashlib

import pytest
from etika.publish import csp

PAGE = (
    '<!doctype html><html><head><meta charset="utf-8"><title>t</title>'
    "<script>var a=1</script>"
    '<script id="__config" type="application/json">{"base": "."}</script>'
    '<script src="assets/x.js"></script>'
    "<script>var a=1</script>"
    "</head><body><script>\nvar b=2</script></body></html>"
)


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_only_executable_inline_scripts_are_hashed_once_each():
    assert csp.inline_script_hashes(PAGE) == [_sha("var a=1"), _sha("\nvar b=2")]


def test_the_policy_never_allows_unsafe_inline_or_other_hosts():
    policy = csp.policy([_sha("x")], header=True)
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "http" not in policy and "*" not in policy
    assert "script-src 'self' " + _sha("x") in policy
    assert "frame-ancestors 'none'" in policy
    assert "frame-ancestors" not in csp.policy([], header=False)  # ignored in <meta>


def test_apply_puts_the_meta_policy_before_the_first_script_and_writes_header_files(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text(PAGE.replace("var a=1", "var a=2"), encoding="utf-8")
    header = csp.apply(tmp_path)
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert html.index('http-equiv="Content-Security-Policy"') < html.index("<script")
    assert _sha("var a=1") in html and _sha("var a=2") not in html  # each page its own hashes
    for expected in (_sha("var a=1"), _sha("var a=2"), _sha("\nvar b=2")):
        assert expected in header  # the header covers every page
    assert header in (tmp_path / "_headers").read_text(encoding="utf-8")
    assert header in (tmp_path / "nginx-csp.conf").read_text(encoding="utf-8")


def test_a_page_without_a_charset_meta_is_refused_rather_than_left_unprotected(tmp_path):
    (tmp_path / "index.html").write_text("<html><script>x()</script></html>", encoding="utf-8")
    with pytest.raises(ValueError, match="no <meta charset>"):
        csp.apply(tmp_path)
