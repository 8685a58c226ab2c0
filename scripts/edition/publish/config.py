"""The settings the pipeline reads from mkdocs.yml, which either engine reads too."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..load.yamlfile import read_text
from ..pages import PageSpec
from ..problems import Problems

DISPLAY = "mkdocs.yml"
# The public URL: absolute http or https, with its path (it prefixes every permalink).
SITE_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*)?")


@dataclass(frozen=True)
class Settings:
    site_url: str


class _IgnoreTags(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving its !ENV or !!python tags."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


def read_settings(config: Path, pages: tuple[PageSpec, ...], problems: Problems) -> Settings:
    """Read what the pipeline needs from mkdocs.yml: its public URL, checked; and check that
    its nav lists the pages of the page table, in the table's order."""
    data, lines = read_mkdocs_yml(config, problems)
    if data is None:
        return Settings(site_url="")
    site_url = data.get("site_url") or ""
    if not isinstance(site_url, str):
        problems.add(DISPLAY, lines.get("site_url", 0), f"'site_url' should be the public URL, "
                     f"found {site_url!r}", "write it like site_url: https://example.org/edition/ "
                     "(or leave it empty)")
        site_url = ""
    elif site_url and not SITE_URL.fullmatch(site_url):
        problems.add(DISPLAY, lines.get("site_url", 0), f"'site_url' {site_url[:60]!r} is not an "
                     "http or https URL", "write it like site_url: https://example.org/edition/")
        site_url = ""
    site_url = site_url.rstrip("/")
    site_url = site_url + "/" if site_url else ""
    nav = data.get("nav") or []
    if not isinstance(nav, list):
        problems.add(DISPLAY, lines.get("nav", 0), "'nav' should be a list of pages",
                     "write it as '- Home: index.md' lines")
        return Settings(site_url=site_url)
    expected = [page.path for page in pages if page.in_nav]
    if _nav_files(nav) != expected:
        problems.add(DISPLAY, lines.get("nav", 0), "nav does not list the edition's pages in "
                     "their order", "list exactly, in this order: " + ", ".join(expected))
    return Settings(site_url=site_url)


def read_mkdocs_yml(config: Path, problems: Problems) -> tuple[dict | None, dict[str, int]]:
    """mkdocs.yml as a mapping, and the line of each top-level key; None (with a problem)."""
    if not config.exists():
        problems.add(DISPLAY, 0, "file is missing", "restore it with 'git checkout mkdocs.yml'")
        return None, {}
    text = read_text(config, DISPLAY, problems)
    if text is None:
        return None, {}
    try:
        data = yaml.load(text, Loader=_IgnoreTags)
        node = yaml.compose(text, Loader=_IgnoreTags)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        what = getattr(err, "problem", None) or str(err).splitlines()[0]
        problems.add(DISPLAY, mark.line + 1 if mark else 0, f"malformed YAML: {what}",
                     "fix the indentation or quoting on that line")
        return None, {}
    if not isinstance(data, dict):
        problems.add(DISPLAY, 1, "should be a mapping of settings, found "
                     f"{type(data).__name__}", "restore it with 'git checkout mkdocs.yml'")
        return None, {}
    lines = {key.value: key.start_mark.line + 1 for key, _ in node.value
             if isinstance(key, yaml.ScalarNode)} if isinstance(node, yaml.MappingNode) else {}
    return data, lines


def _nav_files(nav: list) -> list[str]:
    files: list[str] = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            files += _nav_files(value)
        elif isinstance(value, str):
            files.append(value)
    return files
