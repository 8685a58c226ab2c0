"""publish: docs/ → site/: the engine, the finishing touches, the offline zip, all or nothing."""
from __future__ import annotations

from pathlib import Path

from .. import signals
from ..forked import forked
from ..model import Edition
from . import finish, offline, search, sitemaps
from ..paths import language_prefix
from .config import engine_settings
from .engines import ENGINES, SIDE_BY_SIDE
from .files import remove, staging_folder, swap


def publish(edition: Edition, config: Path, site: Path, target: Path, engine: str,
            zip_cache: Path | None = None) -> Path:
    """Build docs/ into a fresh folder beside `target` (site/, or the folder it links to),
    finish it, zip it (reading back from `zip_cache` what the last build deflated), then swap
    it in, in one step that a signal cannot cut in two."""
    staging = aside = None
    try:
        with signals.held():  # no moment when the folder exists and nothing will remove it
            staging = staging_folder(target)
            aside = staging_folder(target)
        _run_engine(engine, config, staging, aside, edition)
        sitemaps.merge_sitemaps(staging, edition)
        offline.write_offline_zip(edition, staging, zip_cache)
    except BaseException:
        remove(staging)
        raise
    finally:
        remove(aside)
    swapped, previous = False, None
    try:
        signals.check()  # last moment to stop with site/ as it was
        with signals.held():  # a signal waits until the new site is in place, or not
            previous = swap(staging, target)
            swapped = True
        remove(previous)  # a signal while the old site is removed still reports it published
    except BaseException as err:
        if isinstance(err, signals.Interrupted):
            err.published = swapped
        remove(previous)
        remove(staging)  # the new site if not swapped; exchanged, the previous one
        raise
    return site


def _run_engine(engine: str, config: Path, staging: Path, aside: Path, edition: Edition) -> None:
    """The engine once per language, each with its language's settings, and its pages and
    search index finished: the first language into `staging` (a run empties its folder), each
    other one into `aside` (at the same time, in a second process, where the engine allows
    it), then moved to its folder (es/) in `staging`."""
    first, *others = edition.source.languages

    def run(language: str, folder: Path) -> None:
        ENGINES[engine](config, folder, edition, engine_settings(config, edition, language))
        finish.finish_site(folder, engine, language_prefix(edition, language))
        search.fold_search_indexes(folder)

    def others_aside() -> None:
        for language in others:
            run(language, aside / language)

    if engine in SIDE_BY_SIDE:
        with forked(others_aside) as running:
            run(first, staging)
            running.result()
    else:
        run(first, staging)
        others_aside()
    for language in others:
        (aside / language).rename(staging / language_prefix(edition, language))
