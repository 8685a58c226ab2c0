"""Runs the stages (exports on a second core) and publishes `site/` atomically: all or nothing."""
from __future__ import annotations

import ctypes
import errno
import multiprocessing
import os
import re
import secrets
import shutil
import signal
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator

from . import anchors, csl, mkdocs_site, signals
from .export import Artefact, export, offline
from .load import load_source
from .model import Edition
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
    source = load_source(project.source)
    try:
        edition = build_edition(source)
        problems = Problems()
        anchors.check_ledger(edition, project.ledger, problems)
        settings = mkdocs_site.read_settings(project.config, edition, problems)
        problems.raise_if_any()
    except SourceError as err:  # shifted block ids explain hundreds of problems: say so first
        raise anchors.with_root_cause(err, source, project.ledger) from None
    renderer = Renderer(edition, settings.site_url)
    with _exporting(edition, settings.site_url) as exporting:
        pages = renderer.pages(p for p in renderer.paths() if p != DOWNLOAD_PAGE)
        artefacts = exporting.result()
    pages |= replace(renderer, artefacts=artefacts).pages([DOWNLOAD_PAGE])  # lists them
    return Prepared(edition, pages, artefacts)


class ExportStopped(Exception):
    """The export process ended without an answer (killed, or out of memory)."""


@contextmanager
def _exporting(edition: Edition, site_url: str) -> Iterator["_Export"]:
    """The exporters running in a second process while the block runs; on leaving the block,
    however it is left (an error, Ctrl-C), that process is stopped and waited for."""
    running = _Export(edition, site_url)
    try:
        yield running
    finally:
        running.stop()


class _Export:
    """One process for the machine's second core, and a pipe for its one answer: forked on
    Linux, so it starts at once with the edition's modules loaded; spawned where forking is
    unsafe (macOS, or a process already running threads, as `mkdocs serve` does: a fork copies
    locks other threads may hold). It ignores Ctrl-C: the main process stops it (stop())."""

    def __init__(self, edition: Edition, site_url: str) -> None:
        forkable = sys.platform.startswith("linux") and threading.active_count() == 1
        context = multiprocessing.get_context("fork" if forkable else "spawn")
        self._answer, sending = context.Pipe(duplex=False)
        self._process = context.Process(target=_export_into, args=(sending, edition, site_url),
                                        daemon=True)
        self._process.start()
        sending.close()

    def result(self) -> tuple[Artefact, ...]:
        try:
            outcome, value = self._answer.recv()
        except EOFError:
            raise ExportStopped(f"the export process stopped (exit code "
                                f"{self._process.exitcode}: killed, or out of memory) — run the "
                                "build again; site/ is unchanged") from None
        if outcome == "error":
            raise value
        return value

    def stop(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(0.5)
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._answer.close()


def _export_into(answer, edition: Edition, site_url: str) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        outcome = ("ok", export(edition, site_url))
    except Exception as err:  # raised again in the main process, as if raised there
        outcome = ("error", err)
    try:
        answer.send(outcome)
    except Exception as err:  # an exception that does not pickle: its words at least
        answer.send(("error", ExportStopped(f"{type(err).__name__}: {outcome[1]}")))
    answer.close()


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


class PublishFailed(Exception):
    """site/ cannot be replaced; the message names it and the fix."""


def build(project: Project) -> Path:
    """Validate, render, run MkDocs into a fresh folder, then swap it in for `site/`."""
    target = _publish_target(project.site)
    remove_leftovers(target)
    renderings = csl.keep_renderings_in(project.citation_cache)
    prepared = prepare(project)
    renderings.save()
    write_docs(prepared.docs_files(), project.docs)
    staging = _staging_folder(target)
    try:
        mkdocs_site.build(project.config, staging, prepared.edition.bibliography.edition.date,
                          prepared.edition)
        offline.write_offline_zip(prepared.edition, staging)
    except BaseException:
        _remove(staging)
        raise
    swapped, previous = False, None
    try:
        with signals.held():  # a signal waits until the new site is in place, or not
            previous = _swap(staging, target)
            swapped = True
    except BaseException as err:
        if isinstance(err, signals.Interrupted):
            err.published = swapped
        _remove(previous)
        _remove(staging)  # the new site if not swapped; exchanged, the previous one
        raise
    _remove(previous)
    return project.site


def _publish_target(site: Path) -> Path:
    """The folder to replace: site/ itself, or the folder it links to; PublishFailed when it
    cannot be replaced."""
    target = Path(os.path.realpath(site)) if site.is_symlink() else site
    shown = f"{site.name}/" + (f" (a link to {target})" if target != site else "")
    if target.exists() and not target.is_dir():
        raise PublishFailed(f"{shown}: is a file, not a folder — move it away or delete it; "
                            "the build writes the site there")
    if target.is_dir() and not os.access(target, os.W_OK | os.X_OK):
        raise PublishFailed(f"{shown}: is read-only — make it writable (chmod -R u+w "
                            f"{site.name}) or remove it; nothing was published")
    if not target.parent.is_dir() or not os.access(target.parent, os.W_OK | os.X_OK):
        raise PublishFailed(f"{shown}: its folder {target.parent} is missing or read-only — "
                            "make it writable; nothing was published")
    return target


def _staging_folder(target: Path) -> Path:
    """A new folder beside `target` (so the swap is a rename), named for this process; made
    with the umask's permissions, as every file in it is."""
    while True:
        staging = target.with_name(f".{target.name}-build-{os.getpid()}-{secrets.token_hex(4)}")
        try:
            staging.mkdir(0o777)
            return staging
        except FileExistsError:
            continue


def remove_leftovers(target: Path) -> None:
    """Staging folders of builds that were killed (their process is gone), and the old swap's
    `.site-old`: none of them may block a build or pile up."""
    ours = re.compile(rf"\.{re.escape(target.name)}-build-(\d+)-[0-9a-f]+(-previous)?")
    legacy = re.compile(rf"\.{re.escape(target.name)}-(old|[a-z0-9_]{{8}})")
    for path in target.parent.glob(f".{target.name}-*"):
        match = ours.fullmatch(path.name)
        if (match and not _running(int(match[1]))) or (not match and legacy.fullmatch(path.name)):
            _remove(path)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _swap(new: Path, target: Path) -> Path | None:
    """Put `new` in place of `target` in one step: exchanged with it (Linux), so there is never
    a moment without a site; elsewhere renamed aside, then replaced. Returns where the previous
    site now is (to remove), or None when there was none."""
    if not target.exists():
        new.rename(target)
        return None
    if _exchange(new, target):
        return new
    aside = new.with_name(new.name + "-previous")
    target.rename(aside)
    try:
        new.rename(target)
    except BaseException:
        aside.rename(target)
        raise
    return aside


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically with renameat2(RENAME_EXCHANGE); False where unavailable."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    at_cwd, exchange = -100, 2
    if renameat2(at_cwd, os.fsencode(a), at_cwd, os.fsencode(b), exchange) == 0:
        return True
    number = ctypes.get_errno()
    if number in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):  # an old kernel, or file system
        return False
    raise OSError(number, os.strerror(number), str(b))


def _remove(path: Path | None) -> None:
    """Remove a folder the build made, read-only parts included; what cannot be removed is
    left for the next build (remove_leftovers) and named."""
    if path is None or not os.path.lexists(path):
        return

    def writable_then_again(function, name, _):
        try:
            os.chmod(os.path.dirname(name), 0o700)
            function(name)
        except OSError:
            pass

    handler = "onexc" if sys.version_info >= (3, 12) else "onerror"
    shutil.rmtree(path, **{handler: writable_then_again})
    if os.path.lexists(path):
        print(f"warning: could not remove {path}; the next build tries again", file=sys.stderr)


__all__ = ["Project", "Prepared", "prepare", "write_docs", "build", "SourceError",
           "PublishFailed", "ExportStopped"]
