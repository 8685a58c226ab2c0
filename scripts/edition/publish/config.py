"""The settings the pipeline reads from mkdocs.yml, which either engine reads too."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ..pages import PageSpec
from ..problems import Problems


@dataclass(frozen=True)
class Settings:
    site_url: str


class _IgnoreTags(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving its !ENV or !!python tags."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


def read_settings(config: Path, pages: tuple[PageSpec, ...], problems: Problems) -> Settings:
    """Read what the pipeline needs from mkdocs.yml and check that its nav lists the pages
    of the page table, in the table's order."""
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=_IgnoreTags) or {}
    site_url = (data.get("site_url") or "").rstrip("/")
    site_url = site_url + "/" if site_url else ""
    listed = _nav_files(data.get("nav") or [])
    expected = [page.path for page in pages if page.in_nav]
    if listed != expected:
        problems.add("mkdocs.yml", 0, "nav does not list the edition's pages in their order",
                     "list exactly, in this order: " + ", ".join(expected))
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
