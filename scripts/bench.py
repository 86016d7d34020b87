#!/usr/bin/env python3
"""`make bench`: what a learner and a maintainer feel, against the budgets in bench/budgets.json.

Measures build time (ours, a bare Material site with the same pages, a site ten times larger),
validation time for 200 quiz files, the slowest of a corpus of hostile files under 1 MB, first-load weight and requests per page type, and Lighthouse
(mobile and desktop) for ours and the bare site. Prints a table, writes bench/results.json, and
exits 1 when a budget is missed. Not part of `make test`: timings belong here, not in tests.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from etika.bench import hostile as bench_hostile  # noqa: E402
from etika.bench import lighthouse as bench_lighthouse  # noqa: E402
from etika.bench import sites as bench_sites  # noqa: E402
from etika.bench import weight as bench_weight  # noqa: E402
from etika.bench.support import build, median, served, timed_build, timed_builds  # noqa: E402
from etika.publish.build import build_site  # noqa: E402
from etika.quiz.validation import validate  # noqa: E402

SITE_URL = "https://etiska-intervesana.example/"
PAGE_TYPES = {
    "home": "",
    "principles": "principles/",
    "reasons": "reasons/",
    "quiz page": "scenarios-situation/",
    "progress": "progress/",
    "slide view": "principles/?slides=3",
}
LANGUAGES = {"lv": "/", "en": "/en/"}


def page_urls(include_slides: bool) -> dict[str, str]:
    return {
        f"{name} ({lang})": prefix + path
        for lang, prefix in LANGUAGES.items()
        for name, path in PAGE_TYPES.items()
        if include_slides or name != "slide view"
    }


def measure_builds(tmp: Path, runs: int) -> dict:
    pair = timed_builds({"ours": ROOT, "bare": bench_sites.bare_material(tmp / "bare")}, runs)
    ours, bare = pair["ours"], pair["bare"]
    large = timed_build(bench_sites.ten_times_larger(tmp / "large"), max(1, runs // 2))
    return {
        "ours_s": round(median(ours), 2),
        "bare_s": round(median(bare), 2),
        "ratio": round(median(ours) / median(bare), 2),
        "ten_times_larger_s": round(median(large), 2),
        "growth": round(median(large) / median(ours), 1),
        "runs": runs,
    }


def measure_validation(tmp: Path, count: int = 200) -> dict:
    folder = bench_sites.many_quiz_files(tmp / "quizzes200", count)
    times = []
    for _ in range(3):
        started = time.perf_counter()
        report = validate([folder], docs_dir=ROOT / "docs", root=ROOT)
        times.append(time.perf_counter() - started)
        assert not report.problems, report.problems[:3]
    return {"files": count, "seconds": round(median(times), 2)}


def measure_pages(site: Path, bare_site: Path, lighthouse: bool) -> dict:
    pages = {}
    with served(site) as ours_url, served(bare_site) as bare_url:
        ours = bench_weight.measure(ours_url, page_urls(True))
        bare = bench_weight.measure(bare_url, page_urls(False))
        for name, path in page_urls(True).items():
            row = {"ours": ours[name], "bare": bare.get(name)}
            if lighthouse:
                for mode in ("mobile", "desktop"):
                    row[f"lighthouse_{mode}"] = bench_lighthouse.run(ours_url + path, mode)
                    if name in bare:
                        row[f"bare_lighthouse_{mode}"] = bench_lighthouse.run(bare_url + path, mode)
            pages[name] = row
            print(f"  measured {name}", file=sys.stderr)
    return pages


def check_budgets(results: dict, budgets: dict) -> list[str]:
    misses = []
    if results["hostile"]["slowest_s"] > budgets["hostile_file_s_max"]:
        slowest = max(results["hostile"]["files"], key=results["hostile"]["files"].get)
        misses.append(f"hostile file {slowest}: {results['hostile']['slowest_s']} s")
    if results["build"]["ratio"] > budgets["build_ratio_max"]:
        misses.append(f"build ratio {results['build']['ratio']} > {budgets['build_ratio_max']}")
    for name, row in results["pages"].items():
        if row["ours"]["kb"] > budgets["first_load_kb_max"]:
            misses.append(f"{name}: first load {row['ours']['kb']} KB")
        if row["ours"]["own_kb"] > budgets["own_js_css_kb_max"]:
            misses.append(f"{name}: our JS+CSS {row['ours']['own_kb']} KB")
        for mode in ("mobile", "desktop"):
            scores = row.get(f"lighthouse_{mode}")
            if not scores:
                continue
            for category, minimum in budgets["lighthouse_min"].items():
                if scores[category] < minimum:
                    misses.append(
                        f"{name} {mode}: {category} {scores[category]} ({scores['failing']})"
                    )
            if (
                mode == "mobile"
                and scores["performance"] < budgets["lighthouse_performance_mobile_min"]
            ):
                misses.append(f"{name} mobile: performance {scores['performance']}")
            if scores["cls"] > budgets["cls_max"]:
                misses.append(f"{name} {mode}: CLS {scores['cls']}")
    return misses


def table(results: dict) -> str:
    b = results["build"]
    lines = [
        f"Build (median of {b['runs']}): ours {b['ours_s']} s, bare Material {b['bare_s']} s, "
        f"ratio {b['ratio']}; ten times larger {b['ten_times_larger_s']} s ({b['growth']}x)",
        f"Validation: {results['validation']['files']} quiz files in "
        f"{results['validation']['seconds']} s",
        f"Hostile files under 1 MB, validated and rendered: slowest "
        f"{results['hostile']['slowest_s']} s ("
        + ", ".join(f"{name} {sec}" for name, sec in results["hostile"]["files"].items())
        + ")",
        "",
        "| Page | KB gzip (bare) | Requests (bare) | Our JS+CSS KB | LH mobile P/A/BP/SEO "
        "| LH desktop P/A/BP/SEO | LCP ms (m) | TBT ms (m) | CLS (m) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, row in results["pages"].items():
        ours, bare = row["ours"], row.get("bare") or {}

        def lh(key, row=row):
            s = row.get(key)
            if not s:
                return "-"
            return f"{s['performance']}/{s['accessibility']}/{s['best-practices']}/{s['seo']}"

        mobile = row.get("lighthouse_mobile") or {}
        lines.append(
            f"| {name} | {ours['kb']} ({bare.get('kb', '-')}) | {ours['requests']} "
            f"({bare.get('requests', '-')}) | {ours['own_kb']} | {lh('lighthouse_mobile')} "
            f"(bare {lh('bare_lighthouse_mobile')}) | {lh('lighthouse_desktop')} | "
            f"{mobile.get('lcp_ms', '-')} | {mobile.get('tbt_ms', '-')} | {mobile.get('cls', '-')} |"
        )
    lines += [
        "",
        "Our own JS/CSS files (KB gzip -9): "
        + ", ".join(f"{Path(p).name} {kb}" for p, kb in results["assets"].items()),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="builds per median (default 5)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    args = parser.parse_args(argv)
    budgets = json.loads((ROOT / "bench" / "budgets.json").read_text(encoding="utf-8"))
    lighthouse = not args.no_lighthouse
    if lighthouse and not bench_lighthouse.available():
        print("lighthouse is not installed: run `make bench` (npm ci in bench/)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="etika-bench-") as tmp:
        tmp = Path(tmp)
        print("timing builds…", file=sys.stderr)
        results = {"build": measure_builds(tmp, args.runs)}
        results["validation"] = measure_validation(tmp)
        results["hostile"] = bench_hostile.measure(tmp / "hostile")
        site = build_site(ROOT, tmp / "site", SITE_URL)
        bare_site = tmp / "bare-site"
        build(bench_sites.bare_material(tmp / "bare2"), bare_site)
        results["assets"] = bench_weight.asset_sizes(site)
        print("measuring pages…", file=sys.stderr)
        results["pages"] = measure_pages(site, bare_site, lighthouse)
    results["budgets_missed"] = check_budgets(results, budgets)
    results["measured_on"] = time.strftime("%Y-%m-%d")
    (ROOT / "bench" / "results.json").write_text(
        json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(table(results))
    if results["budgets_missed"]:
        print("\nBudgets missed:\n  " + "\n  ".join(results["budgets_missed"]))
        return 1
    print("\nAll budgets met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
