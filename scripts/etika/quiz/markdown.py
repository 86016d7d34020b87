"""Python-Markdown extension: embed a quiz with the one-line marker `/// quiz | <quiz-id>`.

It also renders `/// quiz-index` (every quiz with topic and time) and `/// quiz-progress` (the
learner's progress), see listings.py, and `/// quiz-certificate` (the record of completion),
see site/certificate.py (registered by the MkDocs side).
Plain Python-Markdown (no MkDocs needed) so it outlives the theme. Options:

- `quizzes_dir`, `docs_dir`: where the quiz YAML and the pages are (default `quizzes`, `docs`);
- `lang`: the page language (`lv` or `en`); `page_dir`: the page's folder inside docs_dir, for
  relative links; `home_url`: the module's public address in that language. Under MkDocs the
  hooks set all three for each page;
- `catalogue`: the validated quizzes, when the caller already has them (the MkDocs hooks do).
"""

from __future__ import annotations

from pathlib import Path

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor

from .catalogue import QuizCatalogue, load_catalogue

# Listing markers and the functions that draw them; `site/` adds the certificate (its QR code and
# public address are the site's business, not the engine's).
from .listings import LISTINGS
from .pages import LISTING_MARKER
from .pages import QUIZ_MARKER as MARKER
from .render import QuizRenderer


class QuizError(Exception):
    """A marker names a quiz that does not exist, or one already on the page (validation
    reports both first, with their place)."""


class QuizBlockProcessor(BlockProcessor):
    def __init__(self, parser, extension: QuizExtension):
        super().__init__(parser)
        self.extension = extension

    def test(self, parent, block):
        first = block.split("\n", 1)[0].strip()
        return bool(MARKER.match(first) or LISTING_MARKER.match(first))

    def run(self, parent, blocks):
        block = blocks.pop(0)
        first, _, rest = block.partition("\n")
        if rest.strip():
            blocks.insert(0, rest)
        catalogue = self.extension.catalogue()
        renderer = self.extension.renderer(catalogue)
        listing = LISTING_MARKER.match(first.strip())
        if listing:
            parent.append(LISTINGS[listing["name"]](catalogue, renderer))
            return
        match = MARKER.match(first.strip())
        quiz = catalogue.quizzes.get(match["id"])
        if quiz is None:
            raise QuizError(f"unknown quiz id '{match['id']}'")
        if quiz.id in self.extension.embedded:
            # Two copies would share every element id: a click in one answers the other.
            raise QuizError(f"quiz '{quiz.id}' is embedded twice on this page")
        self.extension.embedded.add(quiz.id)
        parent.append(renderer.render(quiz))


class QuizExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "quizzes_dir": ["quizzes", "Folder of quiz YAML files"],
            "docs_dir": ["docs", "Folder of the pages (their anchors and section titles)"],
            "lang": ["lv", "Language of the page: lv or en"],
            "page_dir": ["", "Folder of the page inside docs_dir, for relative links"],
            "home_url": ["/", "The module's public address in the page's language"],
            # MkDocs validates once per build and hands the result to every page; plain
            # Python-Markdown loads (and caches) it on first use. Not None as the default:
            # Python-Markdown would read the value as a boolean.
            "catalogue": ["", "An already loaded QuizCatalogue"],
        }
        super().__init__(**kwargs)

    def catalogue(self) -> QuizCatalogue:
        given = self.getConfig("catalogue")
        if isinstance(given, QuizCatalogue):
            return given
        return load_catalogue(Path(self.getConfig("quizzes_dir")), Path(self.getConfig("docs_dir")))

    def renderer(self, catalogue: QuizCatalogue) -> QuizRenderer:
        lang = self.getConfig("lang")
        titles = catalogue.section_titles(lang)
        return QuizRenderer(lang, self.getConfig("page_dir"), titles, self.getConfig("home_url"))

    def reset(self) -> None:
        self.embedded: set[str] = set()

    def extendMarkdown(self, md: Markdown) -> None:
        self.reset()
        md.registerExtension(self)
        # Before the paragraph processor, so the marker never becomes a paragraph of text.
        md.parser.blockprocessors.register(QuizBlockProcessor(md.parser, self), "etika_quiz", 95)


def makeExtension(**kwargs) -> QuizExtension:
    return QuizExtension(**kwargs)
