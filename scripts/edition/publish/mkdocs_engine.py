"""The MkDocs engine: the only module that calls MkDocs."""
from __future__ import annotations

import logging
import os
import sys
from datetime import datetime, timezone
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class EngineFailed(Exception):
    """The engine stopped (MkDocs in strict mode stops at any warning)."""


def build(config: Path, site_dir: Path, edition_date: str = "") -> None:
    """Run a strict MkDocs build of `docs/` into `site_dir`, dated by the edition, not the clock."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("mkdocs %(levelname)s: %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    saved_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if edition_date:  # the sitemap's <lastmod> and its gzip header; same input, same bytes
        os.environ["SOURCE_DATE_EPOCH"] = str(_epoch(edition_date))
    try:
        cfg = load_config(str(config), site_dir=str(site_dir), strict=True)
        mkdocs_build(cfg)
    except MkDocsException as err:
        raise EngineFailed(f"MkDocs stopped: {err or err.__class__.__name__}") from err
    finally:
        logger.removeHandler(handler)
        _restore("SOURCE_DATE_EPOCH", saved_epoch)


def _epoch(iso_date: str) -> int:
    return int(datetime.fromisoformat(iso_date).replace(tzinfo=timezone.utc).timestamp())


def _restore(name: str, value: str | None) -> None:
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value
