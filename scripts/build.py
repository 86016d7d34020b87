#!/usr/bin/env python3
"""The site's command line: `python scripts/build.py validate [PATH ...]`.

validate  check quiz YAML files (default: quizzes/) and the pages embedding them; print
          `path:line:col: message` per problem and exit 1, or a summary and exit 0.
schema    regenerate quizzes/schema.json and the reference in quizzes/README.md from the models.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from etika import quiz_docs  # noqa: E402
from etika.quiz_validation import check_embeds, validate  # noqa: E402


def cmd_validate(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.paths] or [ROOT / "quizzes"]
    report = validate(paths, docs_dir=ROOT / "docs", root=Path.cwd())
    problems = list(report.problems)
    if not args.paths:
        problems += check_embeds(ROOT / "docs", set(report.quizzes), root=Path.cwd())
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found", file=sys.stderr)
        return 1
    print(report.summary())
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    for path in quiz_docs.write(ROOT / "quizzes"):
        print(f"updated {path.relative_to(ROOT)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/build.py", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check quiz YAML files and quiz embeds")
    check.add_argument("paths", nargs="*", help="quiz files or folders (default: quizzes/)")
    check.set_defaults(run=cmd_validate)
    commands.add_parser(
        "schema", help="regenerate quizzes/schema.json and its reference"
    ).set_defaults(run=cmd_schema)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
