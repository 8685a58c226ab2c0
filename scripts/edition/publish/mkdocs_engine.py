"""The only module that talks to MkDocs: reads settings from mkdocs.yml and runs a build."""
from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import yaml

from ..model import Edition
from ..paths import section_path
from ..problems import Problems

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class MkDocsFailed(Exception):
    """MkDocs stopped (in strict mode, any warning stops it)."""


@dataclass(frozen=True)
class Settings:
    site_url: str


class _IgnoreTags(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving its !ENV or !!python tags."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


def read_settings(config: Path, edition: Edition, problems: Problems) -> Settings:
    """Read what the pipeline needs from mkdocs.yml and check its nav lists every section."""
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=_IgnoreTags) or {}
    site_url = (data.get("site_url") or "").rstrip("/")
    site_url = site_url + "/" if site_url else ""
    listed = _nav_files(data.get("nav") or [])
    expected = [section_path(s.id) for s in edition.sections]
    in_nav = [f for f in listed if f.startswith("sections/")]
    if in_nav != expected:
        problems.add("mkdocs.yml", 0, "nav does not list the sections in reading order",
                     "list under 'Sections:' exactly: " + ", ".join(expected))
    return Settings(site_url=site_url)


def _nav_files(nav: list) -> list[str]:
    files: list[str] = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            files += _nav_files(value)
        elif isinstance(value, str):
            files.append(value)
    return files


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
        raise MkDocsFailed(str(err) or err.__class__.__name__) from err
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
