"""The MkDocs engine: the only module that calls MkDocs. Its warnings are traced back to the
source file and line they come from."""
from __future__ import annotations

import logging
import os
import re
from datetime import datetime, timezone
from pathlib import Path

import jinja2
import jinja2.bccache
import yaml

from ..model import BlockKind, Edition, Located
from ..paths import TIMELINE, entity_path, section_path
from ..problems import Problem, Problems, SourceError
from .config import DISPLAY, read_mkdocs_yml

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class EngineFailed(Exception):
    """The engine stopped (MkDocs in strict mode stops at any warning)."""


def check_config(config: Path, problems: Problems, **options):
    """MkDocs' own validation of mkdocs.yml (theme, plugins installed, extensions, every
    setting's type), without building: the loaded config, or None with its problems."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    with _captured("mkdocs.config") as records:
        try:
            return load_config(str(config), strict=True, **options)
        except MkDocsException as err:
            failure = str(err) or err.__class__.__name__
        except yaml.YAMLError as err:  # a file that _read_config could not report either
            failure = f"malformed YAML: {str(err).splitlines()[0]}"
    _, lines = read_mkdocs_yml(config, Problems()) if config.exists() else (None, {})
    reported = False
    for record in records:
        match = re.match(r"Config value '([^']+)': (.*)", record.getMessage(), re.S)
        if match:
            key, what = match[1], " ".join(match[2].split())
            problems.add(DISPLAY, lines.get(key.split(".")[0], 0), f"'{key}': {what}",
                         _config_fix(key))
            reported = True
    if not reported:
        problems.add(DISPLAY, 0, f"MkDocs cannot read it: {failure}",
                     "fix mkdocs.yml (see the MkDocs documentation)")
    return None


def _config_fix(key: str) -> str:
    if key in ("plugins", "theme", "markdown_extensions", "hooks"):
        return (f"install what '{key}' names (pip install -e . installs the edition's) or remove "
                "it from mkdocs.yml")
    return f"correct '{key}' in mkdocs.yml (see the MkDocs documentation)"


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class _captured:
    """The WARNING and ERROR records of a logger while the block runs, kept, not printed."""

    def __init__(self, name: str) -> None:
        self.logger, self.handler = logging.getLogger(name), _Records()

    def __enter__(self) -> list[logging.LogRecord]:
        self.logger.addHandler(self.handler)
        return self.handler.records

    def __exit__(self, *exc) -> None:
        self.logger.removeHandler(self.handler)


def build(config: Path, site_dir: Path, edition: Edition, settings: dict | None = None) -> None:
    """Run a strict MkDocs build of `docs/` into `site_dir` with mkdocs.yml's settings and
    `settings` over them (one language's: publish/config.engine_settings), dated by the
    edition, not the clock. Its warnings (strict: any stops it) are traced to the source file
    and line they come from."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import MkDocsException

    saved_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    edition_date = edition.bibliography.edition.date
    if edition_date:  # the sitemap's <lastmod> and its gzip header; same input, same bytes
        os.environ["SOURCE_DATE_EPOCH"] = str(_epoch(edition_date))
    problems = Problems()
    try:
        with _captured("mkdocs") as records:
            cfg = check_config(config, problems, site_dir=str(site_dir), **(settings or {}))
            problems.raise_if_any()
            try:
                mkdocs_build(cfg)
            except MkDocsException as err:
                warnings = [r.getMessage() for r in records if not r.name.startswith(
                    "mkdocs.config")]
                if not warnings:
                    raise EngineFailed(f"MkDocs stopped: {err or err.__class__.__name__}") from err
                raise SourceError([trace(w, edition, config.parent) for w in warnings]) from None
    finally:
        _restore("SOURCE_DATE_EPOCH", saved_epoch)


_QUOTED = re.compile(r"'([^']+)'")


def trace(warning: str, edition: Edition | None, root: Path) -> Problem:
    """An MkDocs warning as a problem at the source file and line it comes from: the line of
    `source/` holding what it quotes, else the source of the page it names."""
    what = " ".join(warning.split())
    fix = "correct it there: source/ text may only link to pages and anchors that exist"
    quoted = _QUOTED.findall(warning)
    pages = page_sources(edition) if edition else {}
    names = [q for q in quoted if q not in pages]
    for token in names + [q.rpartition("#")[2] for q in names if "#" in q]:
        found = _line_holding(token, root / "source") if len(token) > 2 else None
        if found:
            return Problem(found.file, found.line, f"MkDocs: {what}", fix)
    for token in quoted:
        if token in pages:
            return Problem(pages[token].file, pages[token].line, f"MkDocs: {what} (docs/{token} "
                           "is made from here)", fix)
    return Problem(DISPLAY, 0, f"MkDocs: {what}", "fix mkdocs.yml, or the source/ text it names")


def page_sources(edition: Edition) -> dict[str, Located]:
    """Where in `source/` each generated page comes from (its first line, or its file)."""
    pages = {"index.md": Located("source/bibliography.yml", 1),
             "article.md": Located("source/article.txt", 1),
             "method.md": Located("source/structure.yml", 1),
             "download.md": Located("source/bibliography.yml", 1),
             TIMELINE: Located("source/events.yml", 1),
             "register/figures.md": Located("source/annotations/figures.yml", 1),
             "register/sources.md": Located("source/annotations/quotations.yml", 1)}
    for register in ("people", "organisations", "places"):
        pages[f"register/{register}.md"] = Located("source/entities.yml", 1)
    for section in edition.sections:
        decision = section.blocks[0].decision
        heading = decision and section.blocks[0].kind is BlockKind.HEADING
        pages[section_path(section.id)] = decision.where if heading else Located(
            "source/structure.yml", 1)
    for entity in edition.entities:
        pages[entity_path(entity.id)] = entity.where
    return pages


def _line_holding(token: str, source: Path) -> Located | None:
    """The first line of source/'s YAML holding `token`, a line that uses it (`lacuna: x`)
    before the one that defines it (`id: x`)."""
    found = []
    for path in sorted(source.rglob("*.yml")):
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        found += [(re.match(r"\s*(- )?id:", line) is not None, Located(
            f"source/{path.relative_to(source).as_posix()}", number))
            for number, line in enumerate(lines, start=1) if token in line]
    return min(found, key=lambda pair: pair[0])[1] if found else None


def _epoch(iso_date: str) -> int:
    return int(datetime.fromisoformat(iso_date).replace(tzinfo=timezone.utc).timestamp())


def _restore(name: str, value: str | None) -> None:
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


class _CompiledOnce(jinja2.BytecodeCache):
    """The theme's templates compiled once per process, not at every build (`mkdocs serve`'s
    rebuilds, the tests' builds): 0.15 s of a 1.8 s build. Jinja compares each with the
    checksum of its source, so an edited template is compiled again."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = _CompiledOnce()  # hooks.py puts it in MkDocs' Jinja environment
