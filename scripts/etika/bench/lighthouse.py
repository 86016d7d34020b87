"""Lighthouse (npm `lighthouse`, pinned in bench/package.json) against Debian's Chromium."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from ..publish import chromium
from .support import ROOT

CLI = ROOT / "bench" / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {
    "lcp_ms": "largest-contentful-paint",
    "tbt_ms": "total-blocking-time",
    "cls": "cumulative-layout-shift",
}


def available() -> bool:
    return CLI.is_file()


def run(url: str, mode: str) -> dict:
    """Scores (0-100) and LCP/TBT/CLS for one URL in "mobile" or "desktop" mode."""
    with tempfile.TemporaryDirectory(prefix="etika-lighthouse-") as tmp:
        report = Path(tmp) / "report.json"
        command = [
            "node",
            str(CLI),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            "--only-categories=" + ",".join(CATEGORIES),
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            f"--user-data-dir={tmp}/profile",
        ]
        if mode == "desktop":
            command.append("--preset=desktop")
        env = dict(os.environ, CHROME_PATH=chromium.PATH)
        result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=180)
        if result.returncode != 0 or not report.is_file():
            raise RuntimeError(f"lighthouse failed for {url}:\n{result.stderr[-2000:]}")
        data = json.loads(report.read_text(encoding="utf-8"))
    scores = {c: round((data["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}
    for key, audit in METRICS.items():
        value = data["audits"][audit].get("numericValue", 0)
        scores[key] = round(value, 3) if key == "cls" else round(value)
    scores["failing"] = sorted(
        audit_id
        for category in ("accessibility", "best-practices", "seo")
        for ref in data["categories"][category]["auditRefs"]
        if ref["weight"] > 0
        and (audit_id := ref["id"]) in data["audits"]
        and data["audits"][audit_id]["score"] is not None
        and data["audits"][audit_id]["score"] < 1
    )
    return scores
