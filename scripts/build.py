#!/usr/bin/env python3
"""The site's command line: `python scripts/build.py COMMAND`.

validate  check quiz YAML files (default: quizzes/) and the pages embedding them; print
          `path:line:col: message` per problem and exit 1, or a summary and exit 0.
schema    regenerate quizzes/schema.json and the reference in quizzes/README.md from the models.
check     validate, build strictly into a temp dir, check every internal link and anchor, add
          the security policy; `--out DIR` keeps the result (what CI uploads to Pages hosts),
          replacing DIR only if it is new, empty, or an earlier output (stamped).
publish   validate, build, check, add the security policy, then publish to the target set in
          mkdocs.yml `extra.publish` (git branch, served directory, offline zip, or SCORM 1.2
          package for an LMS).
rollback  switch a served directory (the `dir` target) back to its previous release.
handouts  print the principles, reasons and scenario worksheet PDFs, LV and EN (dist/handouts/).
export    `--format moodle-xml`: the scenario questions as a Moodle question bank file
          (default dist/etiska-intervesana-moodle.xml); validates first, writes nothing on a problem.
"""

from __future__ import annotations

import argparse
import contextlib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from etika.publish import config as publish_config  # noqa: E402
from etika.publish import dir_target as publish_dir  # noqa: E402
from etika.publish import offline as offline_package  # noqa: E402
from etika.publish import output as output_dir  # noqa: E402
from etika.publish import scorm as scorm_package  # noqa: E402
from etika.publish.build import PublishError, build_site  # noqa: E402
from etika.publish.git_target import publish_git  # noqa: E402
from etika.publish.release import describe_fault  # noqa: E402
from etika.publish.scratch import scratch_dir  # noqa: E402
from etika.quiz import docs as quiz_docs  # noqa: E402
from etika.quiz.validation import page_problems, validate  # noqa: E402
from etika.site.config import site_url_problem  # noqa: E402


def cmd_validate(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.paths] or [ROOT / "quizzes"]
    report = validate(paths, docs_dir=ROOT / "docs", root=Path.cwd())
    problems = list(report.problems)
    if not args.paths:
        problems += page_problems(report, ROOT / "docs", root=Path.cwd())
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found", file=sys.stderr)
        return 1
    print(report.summary())
    answer_key = report.answer_key()
    for line in [*answer_key.summary(), *map(str, answer_key.warnings())]:
        print(line)
    failures = answer_key.problems()
    for line in failures:
        print(line)
    return 1 if failures else 0


def cmd_schema(args: argparse.Namespace) -> int:
    for path in quiz_docs.write(ROOT / "quizzes"):
        print(f"updated {path.relative_to(ROOT)}")
    return 0


def _fail(error: PublishError, outcome: str | None = "nothing was published") -> int:
    for line in error.lines:
        print(line, file=sys.stderr)
    print(f"{error.step} failed" + (f": {outcome}" if outcome else ""), file=sys.stderr)
    return 1


def _settings(args: argparse.Namespace) -> publish_config.PublishConfig:
    config = publish_config.load(ROOT / "mkdocs.yml")
    for option, field in (
        ("target", "target"),
        ("remote", "git_remote"),
        ("branch", "git_branch"),
        ("keep", "dir_keep"),
        ("ssh", "dir_ssh"),
    ):
        if getattr(args, option, None) is not None:
            setattr(config, field, getattr(args, option))
    if getattr(args, "dir", None):
        config.dir_location = publish_config.resolve_location(args.dir, relative_to=Path.cwd())
    if getattr(args, "output", None):
        config.offline_output = config.scorm_output = Path(args.output).resolve()
    return config


def cmd_check(args: argparse.Namespace) -> int:
    config = _settings(args)
    if args.out:
        problem = output_dir.refusal(Path(args.out), ROOT)
        if problem:
            print(problem, file=sys.stderr)
            return 2
    where = output_dir.replacing(Path(args.out)) if args.out else _temp_site("check")
    try:
        with where as site:
            build_site(ROOT, site, config.site_url)
    except PublishError as error:
        return _fail(error, f"{args.out} was left as it was" if args.out else None)
    print(
        "site built and every internal link and anchor checked"
        + (f": {args.out}" if args.out else "")
    )
    return 0


@contextlib.contextmanager
def _temp_site(job: str):
    """Where to build the site: a temp folder of ours, swept by a later run if this one is killed."""
    with scratch_dir(job) as tmp:
        yield tmp / "site"


def _describe_source() -> str:
    head = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    )
    return head.stdout.strip() if head.returncode == 0 else "a working copy"


def cmd_publish(args: argparse.Namespace) -> int:
    config = _settings(args)
    if config.target == "dir" and config.dir_target is None:
        print("the dir target needs a path: extra.publish.dir.path or --dir", file=sys.stderr)
        return 2
    problem = site_url_problem(config.site_url)
    if problem:
        # A warning, not a stop: a rehearsal publish to a test server is legitimate.
        print(
            f"warning: {problem}: canonical links, hreflang alternates and QR codes will point"
            " there. Set site_url in mkdocs.yml to the public address.",
            file=sys.stderr,
        )
    if config.target == "dir":
        try:
            publish_dir.check(config.dir_target)  # before a build is spent on it
        except PublishError as error:
            return _fail(error)
    with _temp_site("publish") as site:
        try:
            build_site(
                ROOT,
                site,
                config.site_url,
                offline=config.target == "offline",
                scorm=config.target == "scorm",
            )
            if config.target == "git":
                message = f"Publish the site built from {_describe_source()}"
                commit = publish_git(
                    site,
                    remote=config.git_remote,
                    branch=config.git_branch,
                    message=message,
                    project=ROOT,
                )
                where = f"{config.git_remote} {config.git_branch}"
                print(f"published {commit[:12]} to {where}" if commit else f"{where}: up to date")
            elif config.target == "dir":
                release, policy_changed = publish_dir.publish(
                    site, config.dir_target, keep=config.dir_keep
                )
                print(f"published release {release} to {config.dir_target}/current")
                if policy_changed:
                    print("security policy changed: reload the web server (nginx -s reload)")
            elif config.target == "scorm":
                output = scorm_package.write_package(site, config.scorm_output)
                print(f"wrote {output} ({output.stat().st_size // 1024} KB, SCORM 1.2)")
            else:
                output = offline_package.write_zip(site, config.offline_output)
                print(f"wrote {output} ({output.stat().st_size // 1024} KB)")
        except PublishError as error:
            return _fail(error)
    return 0


def cmd_rollback(args: argparse.Namespace) -> int:
    config = _settings(args)
    if config.dir_target is None:
        print(
            "rollback needs the dir target's path: extra.publish.dir.path or --dir", file=sys.stderr
        )
        return 2
    try:
        release = publish_dir.roll_back(config.dir_target)
    except PublishError as error:
        return _fail(error, "nothing was changed")
    print(f"{config.dir_target}/current now serves release {release}")
    return 0


def cmd_handouts(args: argparse.Namespace) -> int:
    from etika.publish.handouts import print_handouts

    config = _settings(args)
    out = Path(args.out).resolve()
    with _temp_site("handouts") as site:
        try:
            build_site(ROOT, site, config.site_url)
        except PublishError as error:
            return _fail(error)
        for path in print_handouts(site, out):
            print(f"wrote {path} ({path.stat().st_size // 1024} KB)")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from etika.publish import moodle as moodle_export
    from etika.quiz.catalogue import load_catalogue
    from etika.site import identity as site_identity

    output = Path(args.output).resolve() if args.output else DEFAULT_EXPORTS[args.format]
    catalogue = load_catalogue(ROOT / "quizzes", ROOT / "docs")
    identity = site_identity.load(ROOT / "mkdocs.yml")
    try:
        summary = moodle_export.export(catalogue, ROOT / "docs", identity, output)
    except PublishError as error:
        return _fail(error, f"nothing was written to {output}")
    print(summary.line())
    return 0


DEFAULT_EXPORTS = {"moodle-xml": ROOT / "dist" / "etiska-intervesana-moodle.xml"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/build.py", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check quiz YAML files and quiz embeds")
    check.add_argument("paths", nargs="*", help="quiz files or folders (default: quizzes/)")
    check.set_defaults(run=cmd_validate)
    commands.add_parser(
        "schema", help="regenerate quizzes/schema.json and its reference"
    ).set_defaults(run=cmd_schema)
    check_site = commands.add_parser(
        "check", help="build strictly into a temp dir and check every internal link"
    )
    check_site.add_argument(
        "--out", help="keep the checked site in this folder (new, empty, or an earlier output)"
    )
    check_site.set_defaults(run=cmd_check)
    publish = commands.add_parser("publish", help="validate, build, check, then publish")
    publish.add_argument("--target", choices=publish_config.TARGETS, help="override the target")
    publish.add_argument("--remote", help="git target: remote name or URL")
    publish.add_argument("--branch", help="git target: branch (default gh-pages)")
    publish.add_argument(
        "--dir", help="dir target: the directory the web server serves, or [user@]host:/path"
    )
    publish.add_argument("--ssh", help='dir target on a server: the ssh command (default "ssh")')
    publish.add_argument("--keep", type=int, help="dir target: releases to keep")
    publish.add_argument("--output", help="offline and scorm targets: the zip to write")
    publish.set_defaults(run=cmd_publish)
    back = commands.add_parser("rollback", help="dir target: return to the previous release")
    back.add_argument("--dir", help="the directory the web server serves, or [user@]host:/path")
    back.add_argument("--ssh", help='for a server: the ssh command (default "ssh")')
    back.set_defaults(run=cmd_rollback)
    handouts = commands.add_parser(
        "handouts", help="PDF handouts: principles, reasons, scenario worksheets"
    )
    handouts.add_argument("--out", default=str(ROOT / "dist" / "handouts"), help="output folder")
    handouts.set_defaults(run=cmd_handouts)
    export = commands.add_parser("export", help="the scenario questions for a learning system")
    export.add_argument(
        "--format", required=True, choices=sorted(DEFAULT_EXPORTS), help="moodle-xml: Moodle XML"
    )
    export.add_argument("--output", help="the file to write (default: under dist/)")
    export.set_defaults(run=cmd_export)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:
        # The reader went away (`validate | head`): nothing is wrong with the site.
        sys.stderr.close()
        return 0
    except OSError as error:
        # The targets report their own faults with their paths; this is for the rest (a full
        # temp folder, say), so that a fault still reads as one line, not a traceback.
        print(describe_fault(error, error.filename or "a file"), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
