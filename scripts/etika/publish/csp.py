"""A Content-Security-Policy without 'unsafe-inline', fitted to the site after it is built.

Material emits two small inline scripts on every page, and one of them differs with the page's
directory depth (`__md_scope=new URL("../..",location)`), so the allowed hashes can only be known
after the build. This module hashes them, writes the policy as a `<meta>` tag into every page
(for hosts that cannot set headers, such as GitHub Pages), and writes the same policy for hosts
that can: a `_headers` file (Netlify, Cloudflare Pages) and an nginx snippet.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

# Everything comes from the site itself. `img-src data:` is for the SVG icons Material's CSS
# carries as data URLs; `object-src`/`base-uri` close the classic injection routes.
# `frame-ancestors` only works as a header, so it is left out of the meta tag.
BASE_DIRECTIVES = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
HEADER_ONLY_DIRECTIVES = {"frame-ancestors": ["'none'"]}
META_NAME = "Content-Security-Policy"

# An inline executable script: no src attribute, and no non-JavaScript type (JSON data blocks
# such as Material's `__config` are never executed, so CSP ignores them).
_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_HEAD_ANCHOR = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.I)


def _is_executable(attrs: str) -> bool:
    if re.search(r"\bsrc\s*=", attrs, re.I):
        return False
    kind = re.search(r"\btype\s*=\s*[\"']?([^\"'\s>]+)", attrs, re.I)
    return kind is None or kind.group(1).lower() in {"text/javascript", "module"}


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions ('sha256-…') for each distinct inline script, in page order."""
    hashes: list[str] = []
    for match in _INLINE_SCRIPT.finditer(html):
        if _is_executable(match.group("attrs")):
            digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
            source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
            if source not in hashes:
                hashes.append(source)
    return hashes


def policy(script_hashes: list[str], *, header: bool) -> str:
    directives = {key: list(values) for key, values in BASE_DIRECTIVES.items()}
    directives["script-src"] += script_hashes
    if header:
        directives.update(HEADER_ONLY_DIRECTIVES)
    return "; ".join(f"{key} {' '.join(values)}" for key, values in directives.items())


def apply(site_dir: Path) -> str:
    """Add the meta policy to every page and write `_headers` and `nginx-csp.conf`.

    Returns the header policy (the union of every page's hashes). Raises ValueError if a page
    has no `<meta charset>` to anchor the tag: a policy placed after the inline scripts would
    not govern them.
    """
    all_hashes: list[str] = []
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        hashes = inline_script_hashes(html)
        all_hashes += [h for h in hashes if h not in all_hashes]
        anchor = _HEAD_ANCHOR.search(html)
        if anchor is None:
            raise ValueError(f"{page}: no <meta charset> to place the security policy after")
        meta = f'<meta http-equiv="{META_NAME}" content="{policy(hashes, header=False)}">'
        page.write_text(html[: anchor.end()] + meta + html[anchor.end() :], encoding="utf-8")

    header = policy(all_hashes, header=True)
    (site_dir / "_headers").write_text(
        "# Security headers for Netlify and Cloudflare Pages (written by scripts/build.py).\n"
        "/*\n"
        f"  {META_NAME}: {header}\n"
        "  X-Content-Type-Options: nosniff\n"
        "  Referrer-Policy: no-referrer\n"
        "  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()\n",
        encoding="utf-8",
    )
    (site_dir / "nginx-csp.conf").write_text(
        "# Include in the nginx server block that serves this release (written by scripts/build.py).\n"
        f'add_header {META_NAME} "{header}" always;\n'
        'add_header X-Content-Type-Options "nosniff" always;\n'
        'add_header Referrer-Policy "no-referrer" always;\n',
        encoding="utf-8",
    )
    return header
