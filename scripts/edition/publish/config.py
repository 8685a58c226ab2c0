"""The settings the pipeline reads from mkdocs.yml, which either engine reads too."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from typing import Any

from ..i18n import N_, Messages, messages
from ..load.yamlfile import read_text
from ..model import Edition
from ..pages import PageSpec
from ..paths import language_prefix
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


# --- the engine's settings in each language ----------------------------------------------

# mkdocs.yml's words a reader sees, marked for the catalogue: each language's engine settings
# have them translated (engine_settings); a unit test keeps this list and mkdocs.yml in step.
CONFIG_WORDS = (N_("Home"), N_("The whole article"), N_("Sections"), N_("Registers"),
                N_("People"), N_("Organisations and groups"), N_("Places"),
                N_("Sources and quotations"), N_("Timeline"), N_("Figures"),
                N_("What happened next"), N_("Sources consulted"), N_("Editorial method"),
                N_("Changelog"), N_("Download"), N_("Switch to the dark palette"),
                N_("Switch to the light palette"), N_("Permanent link to this heading"),
                N_("Edition apparatus: CC BY 4.0. Transmitted text reproduced for study."),
                N_("A scholarly digital edition of an account of the La Paz insurrection of "
                   "October 2003."))
# The words the theme's templates and scripts show, by key: each language's engine settings
# carry them (config.extra.edition_words); main.html gives them to the scripts as JSON, which
# read them with window.editionWords (edition.js). No script holds a word of its own.
SCRIPT_WORDS = {
    "close": N_("Close"), "cite-or-link": N_("Cite or link"),
    "copy-paragraph-link": N_("Copy the link to this paragraph"),
    "copy-selection-link": N_("Copy a link to this selection"),
    "close-note": N_("Close the note"),
    "copy-paragraph-link-n": N_("Copy the link to paragraph {number}"),
    "paragraph-n": N_("Paragraph {number}"),
    "paragraph-opens": N_("Paragraph {number}: its names, dates, notes and citation"),
    "panel-empty": N_("No names, dates, quotations, figures or notes are marked in this "
                      "paragraph."),
    "people": N_("People"), "organisations": N_("Organisations"), "groups": N_("Groups"),
    "places": N_("Places"), "quotations": N_("Quotations"), "notes": N_("Notes"),
    "dates": N_("Dates"), "figures": N_("Figures"),
    "this-page": N_("This page"), "what-link-points-at": N_("What this link points at"),
    "paragraph-label": N_("¶ {number}"),
    "never-had": N_("This link names version {cited}, which this edition never had; this is "
                    "version {current}."),
    "is-current": N_("This is version {current}, the version this link names."),
    "not-known": N_("Whether {what} changed since version {cited} is not known: the earlier "
                    "version's record of its text was not kept."),
    "added-after": N_("{what} was added in version {added}, after version {cited}."),
    "unchanged": N_("{what} has not changed since version {cited}, which this link names "
                    "(this is version {current})."),
    "changed": N_("{what} has changed since version {cited}, which this link names: it is as "
                  "version {since} left it."),
    "see-changelog": N_("See the changelog."),
    "changelog": N_("Changelog"),
    "not-found": N_("Page not found"),
    "not-found-help": N_("No page of the edition has this address."),
    "to-home": N_("Go to the home page"),
}
# The search's language for each of the edition's languages (Material's lunr languages).
SEARCH_LANGUAGES = {"en": "en", "es": "es"}


def engine_settings(config: Path, edition: Edition, language: str) -> dict[str, Any]:
    """The settings the engine builds `language`'s pages with: mkdocs.yml's, in that
    language, each language's pages from their own folder (docs/, docs/es/) into the site's
    (site/, site/es/)."""
    data, _ = read_mkdocs_yml(config, Problems())
    m = messages(language)
    prefix = language_prefix(edition, language)
    theme = dict(data["theme"], language=language, palette=[
        dict(option, toggle=dict(option["toggle"], name=m._(option["toggle"]["name"])))
        if "toggle" in option else option for option in data["theme"].get("palette", ())])
    settings = {"theme": theme, "nav": _translated(data.get("nav") or [], m),
                "extra": {**(data.get("extra") or {}), "edition_words": script_words(m),
                          "edition_prefix": prefix},
                "copyright": m._(data["copyright"]),
                "site_description": m._(data["site_description"]),
                "markdown_extensions": [_translated_toc(e, m) for e in data["markdown_extensions"]],
                "plugins": [{"search": {"lang": SEARCH_LANGUAGES.get(language, "en")}}
                            if p == "search" else p for p in data["plugins"]]}
    if prefix:
        site_url = data.get("site_url") or ""
        translation = edition.source.translation(language)
        if translation and "title" in translation.blocks:  # the site's name: the article's title
            settings["site_name"] = translation.blocks["title"]
        settings |= {"docs_dir": f"{data.get('docs_dir', 'docs')}/{prefix.rstrip('/')}",
                     "site_url": site_url.rstrip("/") + "/" + prefix if site_url else "",
                     "exclude_docs": None}
    return settings


def script_words(m: Messages) -> dict[str, str]:
    return {key: m._(message) for key, message in SCRIPT_WORDS.items()}


def _translated(nav: list, m: Messages) -> list:
    """mkdocs.yml's nav with its titles in `m`'s language (pages listed by file keep the title
    their page gives)."""
    out: list = []
    for item in nav:
        if isinstance(item, dict):
            title, value = next(iter(item.items()))
            out.append({m._(title): _translated(value, m) if isinstance(value, list) else value})
        else:
            out.append(item)
    return out


def _translated_toc(extension: Any, m: Messages) -> Any:
    if isinstance(extension, dict) and "toc" in extension:
        toc = dict(extension["toc"])
        toc["permalink_title"] = m._(toc.get("permalink_title", ""))
        return {"toc": toc}
    return extension
