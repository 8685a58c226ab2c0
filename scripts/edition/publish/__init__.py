"""publish: docs/ → site/: the engine, the finishing touches, the offline zip, all or nothing."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from ..model import Edition
from . import finish, offline
from .engines import ENGINES
from .files import swap


def publish(edition: Edition, config: Path, site: Path, engine: str) -> Path:
    """Build docs/ into a fresh folder beside `site`, finish it, zip it, then swap it in."""
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site.parent))
    try:
        ENGINES[engine](config, staging, edition.bibliography.edition.date)
        finish.finish_site(staging, engine)
        offline.write_offline_zip(edition, staging)
        swap(staging, site)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return site
