"""The one browser the tests, the handouts and the benchmark drive: Debian's Chromium.

Playwright cannot download its own browser here (`playwright install` has no network), so every
caller launches /usr/bin/chromium (installed by .ci/run) with the same quiet flags.
"""

from __future__ import annotations

from pathlib import Path

PATH = "/usr/bin/chromium"
# Without these flags Chromium phones home at start-up (and this machine refuses the connections).
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def missing() -> str | None:
    """Why the browser cannot start, or None when it can."""
    if Path(PATH).exists():
        return None
    return f"{PATH} is missing: install Debian's chromium (see .ci/run)"


def launch(playwright):
    """A headless Chromium from a started `sync_playwright()`."""
    return playwright.chromium.launch(executable_path=PATH, args=ARGS, headless=True)
