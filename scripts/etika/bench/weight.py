"""What a learner's first load of a page costs: gzip bytes transferred and requests, in Chromium.

Each page loads in a fresh browser context (empty cache) and is given time for what Material
fetches after load (the search index, the search worker and its language files).
"""

from __future__ import annotations

from pathlib import Path

from ..publish import chromium
from ..site.minify import our_assets
from .support import ROOT


def own_asset_paths() -> set[str]:
    """Site paths of our own JS and CSS: the files the build minifies as ours."""
    return set(our_assets(ROOT / "docs"))


def measure(base_url: str, paths: dict[str, str]) -> dict[str, dict]:
    """{name: {"kb": gzip KB transferred, "requests": n, "own_kb": our JS+CSS KB}} per page."""
    from playwright.sync_api import sync_playwright

    own = own_asset_paths()
    results = {}
    with sync_playwright() as pw:
        browser = chromium.launch(pw)
        for name, path in paths.items():
            context = browser.new_context()
            page = context.new_page()
            finished = []
            page.on("requestfinished", lambda request, seen=finished: seen.append(request))
            page.goto(base_url + path, wait_until="networkidle")
            page.wait_for_timeout(500)
            total = own_total = 0
            for request in finished:
                sizes = request.sizes()
                size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
                total += size
                site_path = request.url.split("://", 1)[1].split("/", 1)[1].split("?")[0]
                if site_path in own:
                    own_total += size
            results[name] = {
                "kb": round(total / 1024, 1),
                "requests": len(finished),
                "own_kb": round(own_total / 1024, 1),
            }
            context.close()
        browser.close()
    return results


def asset_sizes(site: Path) -> dict[str, float]:
    """gzip -9 size in KB of each of our own JS/CSS files in a built site (the budget's unit)."""
    import gzip

    return {
        path: round(len(gzip.compress((site / path).read_bytes(), 9)) / 1024, 2)
        for path in sorted(own_asset_paths())
        if (site / path).is_file()
    }
