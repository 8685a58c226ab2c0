"""Runs the stages, top to bottom: load → place → pages and exports (each further language on
the second core) → publish."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from . import csl, signals
from .forked import ForkStopped, forked
from . import export as exports
from .load import load_source
from .load.releases import Release, load_releases
from .i18n import messages
from .model import Artefact, Edition
from .pages import Context, Page, PageSpec, documents, page_table, render_pages
from .pages.front import DOWNLOAD
from .pages.redirects import redirect_pages, with_aliases
from .paths import address_in
from .place import anchors, build_edition, edition_in
from .place import ledger as ledger_file
from .problems import Problems, SourceError
from .publish import config, publish
from .publish.engines import DEFAULT
from .publish.files import publish_target, remove_leftovers, write_docs


@dataclass(frozen=True)
class Project:
    """Where the edition's folders are; all paths derive from the repository root."""

    root: Path

    @property
    def source(self) -> Path:
        return self.root / "source"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def releases(self) -> Path:
        return self.root / "releases"

    @property
    def ledger(self) -> Path:
        return self.source / anchors.LEDGER

    @property
    def citation_cache(self) -> Path:
        return self.root / ".cache" / "citations.json"

    @property
    def zip_cache(self) -> Path:
        return self.root / ".cache" / "offline-zip"


@dataclass(frozen=True)
class Prepared:
    """Everything made in memory before anything is written."""

    edition: Edition
    pages: dict[str, str]  # docs/ path -> the file the engine reads
    artefacts: tuple[Artefact, ...]
    releases: tuple[Release, ...] = ()  # earlier versions' downloads
    redirects: dict[str, bytes] = field(default_factory=dict)  # moved pages' old addresses

    def docs_files(self) -> dict[str, bytes]:
        """What docs/ must hold: the pages and the artefacts MkDocs copies as is."""
        files = {path: text.encode("utf-8") for path, text in self.pages.items()}
        for artefact in self.artefacts:
            files[f"downloads/{artefact.name}"] = artefact.content
            if artefact.stable_path:
                files[artefact.stable_path] = artefact.content
        files.update(self.redirects)
        for release in self.releases:
            files.update({f"downloads/{release.version}/{name}": content
                          for name, content in release.files})
        return files


@dataclass(frozen=True)
class Validated:
    """What `edition check` validates and `prepare` renders: every check the build makes of
    `source/`, the ledger, mkdocs.yml's settings and releases/, with nothing rendered."""

    edition: Edition
    specs: tuple[PageSpec, ...]
    ledger: ledger_file.Ledger | None
    site_url: str
    releases: tuple[Release, ...]


def validate(project: Project) -> Validated:
    """Load and place `source/`, then check the ledger, mkdocs.yml and releases/ against it;
    raise SourceError listing every problem (shifted block ids named first)."""
    source = load_source(project.source)
    try:
        edition = build_edition(source)
        specs = page_table(edition)
        problems = Problems()
        ledger = ledger_file.read(project.ledger, problems)  # read once: checked, then used
        anchors.check_lines(edition, ledger, problems)
        settings = config.read_settings(project.config, specs, problems)
        releases = load_releases(project.releases, tuple(v.version for v in source.versions),
                                 source.bibliography.edition.version, problems)
        problems.raise_if_any()
    except SourceError as err:  # shifted block ids explain hundreds of problems: say so first
        raise anchors.with_root_cause(err, source, project.ledger) from None
    return Validated(edition, specs, ledger, settings.site_url, releases)


def prepare(project: Project, preview: bool = False) -> Prepared:
    """Validate `source/`, then render each language's pages and make its books: the first
    language in this process, with the edition's data exports; the others at the same time in
    a second process. A `preview` (`mkdocs serve`) makes what it serves alone: the edition's
    own language (mkdocs.yml leaves es/ to `edition build`), without the downloads."""
    valid = validate(project)
    edition, site_url = valid.edition, valid.site_url
    history = anchors.history_of(edition, valid.ledger, project.source)
    languages = edition.source.languages[:1] if preview else edition.source.languages
    first, *others = [Context(edition_in(edition, language), site_url, history=history,
                              releases=valid.releases, m=messages(language))
                      for language in languages]
    language = _Language(edition, anchors.moves(valid.ledger), books=not preview)
    with forked(language.all, others) as rendering:
        made = [language(first)]
        data = exports.data(edition, site_url) if not preview else ()
        made += rendering.result()
    for one in made:
        csl.adopt_renderings(one.renderings)  # kept in the citation cache (build saves it)
    files = {path: text for one in made for path, text in one.files.items()}
    artefacts = exports.in_order([one.books for one in made], data)
    # The Download page lists the artefacts, so it is rendered once they are made.
    for ctx in (first, *others):
        listing = replace(ctx, artefacts=artefacts)
        files |= documents(ctx, render_pages(listing, tuple(
            s for s in page_table(ctx.edition) if s.path == DOWNLOAD)))
    return Prepared(edition, files, artefacts, valid.releases, redirect_pages(language.moved))


@dataclass(frozen=True)
class _Made:
    """One language's pages as the engine's files (docs/ path → file), its books, and the
    citations its process rendered that the citation cache did not hold."""

    files: dict[str, str]
    books: exports.Made
    renderings: dict[str, str]


@dataclass(frozen=True)
class _Language:
    """What is made of each language: its pages (with the old addresses of moved pages),
    written as the engine's files, and its books made of the pages' trees."""

    edition: Edition
    moved: dict[str, str]  # a moved page's old address → its new one
    books: bool

    def __call__(self, ctx: Context) -> _Made:
        pages = with_aliases(site_pages(ctx), _moved_in(self.moved, self.edition, ctx.prefix))
        books = (exports.books(self.edition, ctx.base_url, {ctx.language: pages}) if self.books
                 else ())
        return _Made(documents(ctx, pages), books, csl.renderings_added())

    def all(self, contexts: list[Context]) -> list[_Made]:
        return [self(ctx) for ctx in contexts]


def _moved_in(moved: dict[str, str], edition: Edition, prefix: str) -> dict[str, str]:
    """The moves of the pages in `prefix` (one language's folder, '' for the edition's own),
    as its pages name them."""
    return {own: address_in(edition, new, prefix) for old, new in moved.items()
            if (own := address_in(edition, old, prefix)) is not None}


def site_pages(ctx: Context) -> tuple[Page, ...]:
    """Every page of the context's language but the Download page (which lists the exports,
    made from these)."""
    return render_pages(ctx, tuple(s for s in page_table(ctx.edition) if s.path != DOWNLOAD))


def build(project: Project, engine: str = DEFAULT) -> Path:
    """Validate and render, write docs/, then publish site/ with the engine: all or nothing."""
    signals.check()
    target = publish_target(project.site)  # before any work: a site/ that cannot be replaced
    remove_leftovers(target)
    renderings = csl.keep_renderings_in(project.citation_cache)
    prepared = prepare(project)
    signals.check()
    renderings.save()
    write_docs(prepared.docs_files(), project.docs)
    return publish(prepared.edition, project.config, project.site, target, engine,
                   project.zip_cache)


__all__ = ["Project", "Prepared", "Validated", "validate", "prepare", "write_docs", "build", "SourceError", "ForkStopped"]
