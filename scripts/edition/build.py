"""Runs the stages, top to bottom: load → place → pages (exports on the second core) → publish."""
from __future__ import annotations

import multiprocessing
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from . import csl
from .export import export
from .load import load_source
from .model import Artefact, Edition
from .pages import Context, documents, page_table, render_pages
from .pages.front import DOWNLOAD
from .place import anchors, build_edition
from .problems import Problems, SourceError
from .publish import config, publish
from .publish.engines import DEFAULT
from .publish.files import write_docs


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
    def ledger(self) -> Path:
        return self.source / anchors.LEDGER

    @property
    def citation_cache(self) -> Path:
        return self.root / ".cache" / "citations.json"


@dataclass(frozen=True)
class Prepared:
    """Everything made in memory before anything is written."""

    edition: Edition
    pages: dict[str, str]  # docs/ path -> Markdown
    artefacts: tuple[Artefact, ...]

    def docs_files(self) -> dict[str, bytes]:
        """What docs/ must hold: the Markdown pages and the artefacts MkDocs copies as is."""
        files = {path: text.encode("utf-8") for path, text in self.pages.items()}
        for artefact in self.artefacts:
            files[f"downloads/{artefact.name}"] = artefact.content
            if artefact.stable_path:
                files[artefact.stable_path] = artefact.content
        return files


def prepare(project: Project) -> Prepared:
    """Validate `source/`, then render the pages while a second process exports the artefacts."""
    edition = build_edition(load_source(project.source))
    specs = page_table(edition)
    problems = Problems()
    anchors.check_ledger(edition, project.ledger, problems)
    settings = config.read_settings(project.config, specs, problems)
    problems.raise_if_any()
    ctx = Context(edition, settings.site_url)
    with _second_process() as worker:
        exporting = worker.submit(export, edition, settings.site_url)
        pages = render_pages(ctx, tuple(s for s in specs if s.path != DOWNLOAD))
        artefacts = exporting.result()
    # The Download page lists the artefacts, so it is rendered once they are made.
    pages += render_pages(replace(ctx, artefacts=artefacts),
                          tuple(s for s in specs if s.path == DOWNLOAD))
    return Prepared(edition, documents(edition, settings.site_url, pages), artefacts)


def _second_process() -> ProcessPoolExecutor:
    """A worker for the machine's second core: forked on Linux, so it starts at once with the
    edition's modules loaded; spawned where forking is unsafe (macOS, or a process already
    running threads, as `mkdocs serve` does: a fork copies locks other threads may hold)."""
    forkable = sys.platform.startswith("linux") and threading.active_count() == 1
    return ProcessPoolExecutor(1, mp_context=multiprocessing.get_context(
        "fork" if forkable else "spawn"))


def build(project: Project, engine: str = DEFAULT) -> Path:
    """Validate and render, write docs/, then publish site/ with the engine: all or nothing."""
    renderings = csl.keep_renderings_in(project.citation_cache)
    prepared = prepare(project)
    renderings.save()
    write_docs(prepared.docs_files(), project.docs)
    return publish(prepared.edition, project.config, project.site, engine)


__all__ = ["Project", "Prepared", "prepare", "write_docs", "build", "SourceError"]
