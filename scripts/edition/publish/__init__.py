"""publish: docs/ → site/: the engine, the finishing touches, the offline zip, all or nothing."""
from __future__ import annotations

from pathlib import Path

from .. import signals
from ..model import Edition
from . import finish, offline, search, sitemaps
from ..paths import language_prefix
from .config import engine_settings
from .engines import ENGINES
from .files import remove, staging_folder, swap


def publish(edition: Edition, config: Path, site: Path, target: Path, engine: str) -> Path:
    """Build docs/ into a fresh folder beside `target` (site/, or the folder it links to),
    finish it, zip it, then swap it in, in one step that a signal cannot cut in two."""
    staging = None
    try:
        with signals.held():  # no moment when the folder exists and nothing will remove it
            staging = staging_folder(target)
        for language in edition.source.languages:  # the first at the root: it empties it
            ENGINES[engine](config, staging / language_prefix(edition, language), edition,
                            engine_settings(config, edition, language))
        sitemaps.merge_sitemaps(staging, edition)
        finish.finish_site(staging, engine)
        search.fold_search_indexes(staging)
        offline.write_offline_zip(edition, staging)
    except BaseException:
        remove(staging)
        raise
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
