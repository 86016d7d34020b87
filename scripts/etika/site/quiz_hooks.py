"""MkDocs hooks that tie the quiz engine into `mkdocs build` and `mkdocs serve`.

- Before anything is built, the quizzes and every page's quiz markers are validated exactly as
  `scripts/build.py validate` does; any problem stops the build with `path:line:col: message`.
- Each page tells the quiz Markdown extension its language and folder.
- `mkdocs serve` watches quizzes/ and rebuilds when a quiz changes.
"""

from __future__ import annotations

import logging
import os
from dataclasses import replace
from pathlib import Path, PurePosixPath

from mkdocs.exceptions import Abort

from etika.quiz.catalogue import load_catalogue
from etika.quiz.validation import page_problems
from etika.site import certificate  # noqa: F401 (registers the `/// quiz-certificate` marker)
from etika.site.config import default_language, nav_pages
from etika.site.qr import public_url

EXTENSION = "etika.quiz.markdown"
QR_EXTENSION = "etika.site.qr"
log = logging.getLogger("mkdocs.etika")


def _paths(config) -> tuple[Path, Path]:
    options = config.mdx_configs.setdefault(EXTENSION, {})
    root = Path(config.config_file_path).parent
    quizzes = root / options.get("quizzes_dir", "quizzes")
    docs = Path(config.docs_dir)
    options["quizzes_dir"], options["docs_dir"] = str(quizzes), str(docs)
    return quizzes, docs


def on_config(config):
    quizzes, docs = _paths(config)
    catalogue = load_catalogue(quizzes, docs)
    root = Path(config.config_file_path).parent
    problems = [*catalogue.problems]
    if catalogue.report is not None and not problems:
        problems += page_problems(catalogue.report, docs, root=root)
    if problems:
        for problem in problems:
            log.error(str(problem))
        raise Abort(f"{len(problems)} quiz problem(s); nothing was built")
    # `mkdocs serve` loads the config again for every rebuild, so this is never stale.
    # The quiz tables list quizzes in navigation order (a copy: the cached catalogue stays as is).
    config.mdx_configs[EXTENSION]["catalogue"] = replace(catalogue, nav=tuple(nav_pages(config)))
    return config


def on_page_markdown(markdown, page, config, files):
    options = config.mdx_configs[EXTENSION]
    options["lang"] = getattr(page.file, "locale", None) or "lv"
    folder = PurePosixPath(page.file.src_uri).parent.as_posix()
    options["page_dir"] = "" if folder == "." else folder
    default_lang = default_language(config) or "lv"
    site_url = config.site_url or "/"
    options["home_url"] = public_url(site_url, options["lang"], default_lang, "index.md", None)
    if QR_EXTENSION in config.markdown_extensions:
        # QR codes point at the public address of a page in this page's language.
        qr = config.mdx_configs.setdefault(QR_EXTENSION, {})
        qr["lang"] = options["lang"]
        qr["site_url"] = site_url
        qr["default_lang"] = default_lang
    return markdown


def on_serve(server, config, builder):
    quizzes, _ = _paths(config)
    if quizzes.is_dir():
        server.watch(os.fspath(quizzes))
    return server
