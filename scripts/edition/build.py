"""Runs the stages (exports on a second core) and publishes `site/` atomically: all or nothing."""
from __future__ import annotations

import multiprocessing
import shutil
import sys
import tempfile
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from . import csl
from .export import export
from .load import load_source
from .model import Artefact, Edition
from .place import anchors
from .publish import mkdocs_engine as mkdocs_site, offline
from .pages import DOWNLOAD_PAGE, Renderer
from .place import build_edition
from .problems import Problems, SourceError


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
    problems = Problems()
    anchors.check_ledger(edition, project.ledger, problems)
    settings = mkdocs_site.read_settings(project.config, edition, problems)
    problems.raise_if_any()
    renderer = Renderer(edition, settings.site_url)
    with _second_process() as worker:
        exporting = worker.submit(export, edition, settings.site_url)
        pages = renderer.pages(p for p in renderer.paths() if p != DOWNLOAD_PAGE)
        artefacts = exporting.result()
    pages |= replace(renderer, artefacts=artefacts).pages([DOWNLOAD_PAGE])  # lists them
    return Prepared(edition, pages, artefacts)


def _second_process() -> ProcessPoolExecutor:
    """A worker for the machine's second core: forked on Linux, so it starts at once with the
    edition's modules loaded; spawned where forking is unsafe (macOS, or a process already
    running threads, as `mkdocs serve` does: a fork copies locks other threads may hold)."""
    forkable = sys.platform.startswith("linux") and threading.active_count() == 1
    return ProcessPoolExecutor(1, mp_context=multiprocessing.get_context(
        "fork" if forkable else "spawn"))


KEPT_IN_DOCS = ".gitignore"  # committed, so `mkdocs serve` finds docs/ on a fresh clone


def write_docs(files: dict[str, bytes], docs: Path) -> int:
    """Bring `docs/` to exactly `files`, writing only files whose content changed."""
    changed = 0
    for relative, content in sorted(files.items()):
        path = docs / relative
        if path.exists() and path.read_bytes() == content:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        changed += 1
    for path in sorted(docs.rglob("*"), reverse=True):
        relative = path.relative_to(docs).as_posix()
        if path.is_file() and relative not in files and relative != KEPT_IN_DOCS:
            path.unlink()
            changed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return changed


def build(project: Project) -> Path:
    """Validate, render, run MkDocs into a fresh folder, then swap it in for `site/`."""
    renderings = csl.keep_renderings_in(project.citation_cache)
    prepared = prepare(project)
    renderings.save()
    write_docs(prepared.docs_files(), project.docs)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=project.root))
    try:
        mkdocs_site.build(project.config, staging, prepared.edition.bibliography.edition.date)
        offline.write_offline_zip(prepared.edition, staging)
        _swap(staging, project.site)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return project.site


def _swap(new: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


__all__ = ["Project", "Prepared", "prepare", "write_docs", "build", "SourceError"]
