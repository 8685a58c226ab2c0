"""Stage 1b: the apparatus's own sources: the bibliography of sources consulted, the record
after the article, the witnesses and the changelog (the rule that statements cite them is
references.py's)."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .. import dates
from ..model import (
    Change, Comparison, Count, FigureRef, Located, QuotationWitness, Record,
    RecordEntry, SourceEntry, TextWitness, Version, Witnesses,
)
from ..problems import Problems
from .checks import ID_PATTERN, VERSION, check_id, check_unique_ids, check_when, version_key
from .yamlfile import Fields, Seq, load_yaml

SOURCES = "sources.yml"
RECORD = "record.yml"
VERSIONS = "versions.yml"
WITNESSES = "witnesses.yml"
# What a statement that cites no source says instead (source/README.md explains each).
BASES = ("article", "editorial", "inference")
RECORD_PARTS = ("context", "outcome", "counts", "justice")
COUNT_QUALIFIERS = ("exact", "more-than", "at-least", "about", "range")
TIMINGS = ("same-days", "later")
WITNESS_STATUSES = ("shown", "reported", "likely")
LANGUAGE = re.compile(r"^[a-z]{2}$")
URL = re.compile(r"^https?://[^\s\"<>]+$")
NO_DATE = "n.d."
STATEMENT_FIELDS = ("sources", "basis")


# --- statements: `sources` and `basis` on any record that says something ---------------

def statement(f: Fields, display: str, problems: Problems) -> tuple[tuple[str, ...], str]:
    """The `sources` ids and the `basis` of one statement, each checked for its form."""
    sources = f.texts("sources", required=False)
    for source_id in sources:
        if not ID_PATTERN.match(source_id):
            problems.add(display, f.key_line("sources"), f"source id '{source_id}' is not "
                         "lowercase words joined by hyphens", "use an id from source/sources.yml")
    basis = f.text("basis", required=False)
    if basis and basis not in BASES:  # kept, so the statement is not also reported uncited
        problems.add(display, f.key_line("basis"), f"unknown basis '{basis}'",
                     f"use one of: {', '.join(BASES)} (or cite sources instead)")
    if basis and sources:
        problems.add(display, f.key_line("basis"), "a statement gives both 'sources' and "
                     "'basis'", "keep 'sources' if it rests on them, else remove them")
    return sources, basis


# --- the files -------------------------------------------------------------------------

def load_sources(root: Path, problems: Problems) -> tuple[SourceEntry, ...] | None:
    """The sources consulted; None when the file cannot be read (then no citation is checked
    against it: one problem, not one per citation)."""
    display = f"source/{SOURCES}"
    if load_yaml(root / SOURCES, display, Problems()) is None:
        load_yaml(root / SOURCES, display, problems)  # reports why, once
        return None
    items = _list(root / SOURCES, display, problems, "start each source with '- id: …'")
    entries = tuple(_source_entry(item, display, line, problems) for item, line in items)
    check_unique_ids(entries, display, problems)
    return entries


def _source_entry(item: Any, display: str, line: int, problems: Problems) -> SourceEntry:
    f = Fields(item, display, line, problems, ("id", "author", "publisher", "title", "date", "url",
                                              "read", "language", "short", "note"), "a source")
    entry_id = _id(f, display, problems)
    date = f.text("date")
    if date and date != NO_DATE and not _partial_date(date):
        problems.add(display, f.key_line("date"), f"date '{date}' is not a real date",
                     f"write YYYY-MM-DD, YYYY-MM or YYYY, or '{NO_DATE}' if the page shows none")
    read = f.text("read")
    if read and not dates.is_calendar_date(read):
        problems.add(display, f.key_line("read"), f"'{read}' is not a real date",
                     "write the day the page was read as YYYY-MM-DD")
    url = f.text("url")
    if url and not URL.match(url):
        problems.add(display, f.key_line("url"), f"'{url[:60]}' is not a web address",
                     "give the http(s) address the editors read, without spaces or quotes")
    language = f.text("language")
    if language and not LANGUAGE.match(language):
        problems.add(display, f.key_line("language"), f"language '{language}' is not a "
                     "two-letter code", "write an ISO 639-1 code: en, es, fr, it, pt")
    return SourceEntry(id=entry_id, publisher=f.text("publisher"), title=f.text("title"),
                       date=date, url=url, read=read, language=language,
                       where=Located(display, f.line), author=f.text("author", required=False),
                       short=f.text("short", required=False), note=f.text("note", required=False))


def load_record(root: Path, problems: Problems) -> Record:
    display = f"source/{RECORD}"
    data = load_yaml(root / RECORD, display, problems)
    if data is None:
        return Record()
    top = Fields(data, display, 1, problems, ("entries", "comparisons"), "the record")
    entries = tuple(_record_entry(item, display, line, problems)
                    for item, line in _items(top, "entries", display, problems))
    comparisons = tuple(_comparison(item, display, line, problems)
                        for item, line in _items(top, "comparisons", display, problems))
    check_unique_ids(entries + comparisons, display, problems)
    return Record(entries, comparisons)


def _record_entry(item: Any, display: str, line: int, problems: Problems) -> RecordEntry:
    f = Fields(item, display, line, problems, ("id", "when", "part", "title", "text", "sources",
                                              "paragraphs"), "a record entry")
    part = f.text("part")
    if part and part not in RECORD_PARTS:
        problems.add(display, f.key_line("part"), f"unknown part '{part}'",
                     f"use one of: {', '.join(RECORD_PARTS)}")
    sources = f.texts("sources", required=False)
    if f.ok and not sources and "sources" not in f.misspelt:
        problems.add(display, f.line, "a record entry cites no source",
                     "add 'sources: [id, …]' with ids from source/sources.yml")
    return RecordEntry(id=_id(f, display, problems), when=check_when(f, "when", True, display, problems), part=part,
                       title=f.text("title"), text=f.text("text"), sources=sources,
                       where=Located(display, f.line),
                       paragraphs=f.texts("paragraphs", required=False))


def _comparison(item: Any, display: str, line: int, problems: Problems) -> Comparison:
    f = Fields(item, display, line, problems, ("id", "title", "figures", "counts", "note"),
               "a comparison")
    figures = []
    for ref, ref_line in _items(f, "figures", display, problems):
        g = Fields(ref, display, ref_line, problems, ("block", "text"), "a figure reference")
        figures.append(FigureRef(g.text("block"), g.text("text")))
    counts = tuple(_count(c, display, c_line, problems)
                   for c, c_line in _items(f, "counts", display, problems))
    return Comparison(id=_id(f, display, problems), title=f.text("title"), figures=tuple(figures),
                      counts=counts, note=f.text("note"), where=Located(display, f.line))


def _count(item: Any, display: str, line: int, problems: Problems) -> Count:
    f = Fields(item, display, line, problems, ("value", "to", "qualifier", "timing", "when",
                                              "source", "counts"), "a count")
    qualifier = f.text("qualifier", required=False, default="exact")
    if qualifier not in COUNT_QUALIFIERS:
        problems.add(display, f.key_line("qualifier"), f"unknown qualifier '{qualifier}'",
                     f"use one of: {', '.join(COUNT_QUALIFIERS)}")
    to = f.number("to")
    if (qualifier == "range") != (to is not None) and f.ok:
        problems.add(display, f.line, "a range needs 'to', and only a range has it",
                     "write 'qualifier: range' with 'value' and 'to', or neither")
    timing = f.text("timing")
    if timing and timing not in TIMINGS:
        problems.add(display, f.key_line("timing"), f"unknown timing '{timing}'",
                     f"use one of: {', '.join(TIMINGS)}")
    when = f.text("when")
    if when and when != NO_DATE and not _partial_date(when):
        problems.add(display, f.key_line("when"), f"when '{when}' is not a real date",
                     f"write YYYY-MM-DD, YYYY-MM or YYYY, or '{NO_DATE}'")
    return Count(value=f.number("value", required=True) or 0.0, qualifier=qualifier,
                 timing=timing, when=when, source=f.text("source"), counts=f.text("counts"),
                 where=Located(display, f.line), to=to)


def load_versions(root: Path, problems: Problems) -> tuple[Version, ...]:
    display = f"source/{VERSIONS}"
    items = _list(root / VERSIONS, display, problems, "start each version with '- version: …'")
    versions = []
    for item, line in items:
        f = Fields(item, display, line, problems, ("version", "date", "summary", "changes"),
                   "a version")
        number = f.text("version")
        if number and not VERSION.fullmatch(number):
            problems.add(display, f.key_line("version"), f"version '{number}' is not "
                         "MAJOR.MINOR.PATCH", "write it like 1.1.0")
        date = f.text("date")
        if date and not dates.is_calendar_date(date):
            problems.add(display, f.key_line("date"), f"'{date}' is not a real date",
                         "write it as YYYY-MM-DD")
        changes = []
        for change, change_line in _items(f, "changes", display, problems):
            g = Fields(change, display, change_line, problems, ("anchor", "what"), "a change")
            changes.append(Change(g.text("anchor"), g.text("what"), Located(display, g.line)))
        versions.append(Version(number, date, f.text("summary"), tuple(changes),
                                Located(display, f.line)))
    keys = [version_key(v.version) for v in versions]
    if keys != sorted(keys) or len(set(keys)) != len(keys):
        problems.add(display, 1, "the versions are not listed oldest first, each once",
                     "list them in ascending order, 1.0.0 first")
    return tuple(versions)


def load_witnesses(root: Path, problems: Problems) -> Witnesses:
    display = f"source/{WITNESSES}"
    data = load_yaml(root / WITNESSES, display, problems)
    if data is None:
        return Witnesses()
    top = Fields(data, display, 1, problems, ("text", "quotations"), "the witnesses")
    text = []
    for item, line in _items(top, "text", display, problems):
        f = Fields(item, display, line, problems, ("id", "name", "source", "status", "relation"),
                   "a witness of the text")
        text.append(TextWitness(_id(f, display, problems), f.text("name"), f.text("source"),
                                _status(f, display, problems), f.text("relation"),
                                Located(display, f.line)))
    quotations = []
    for item, line in _items(top, "quotations", display, problems):
        f = Fields(item, display, line, problems, ("block", "quote", "source", "opening",
                                                  "status", "lacuna", "note"),
                   "a witness of a quotation")
        quotations.append(QuotationWitness(
            block=f.text("block"), quote=f.text("quote"), source=f.text("source"),
            opening=f.text("opening"), status=_status(f, display, problems),
            where=Located(display, f.line), lacuna=f.text("lacuna", required=False),
            note=f.text("note", required=False)))
    return Witnesses(tuple(text), tuple(quotations))


# --- small helpers ---------------------------------------------------------------------

def _list(path: Path, display: str, problems: Problems, fix: str) -> list[tuple[Any, int]]:
    data = load_yaml(path, display, problems)
    if data is None:
        return []
    if not isinstance(data, Seq):
        problems.add(display, getattr(data, "line", 1), "the file should be a list", fix)
        return []
    return list(zip(data, data.item_lines))


def _items(f: Fields, key: str, display: str, problems: Problems) -> list[tuple[Any, int]]:
    value = f.mapping.get(key)
    if value is None:
        if f.ok and key not in f.misspelt:
            problems.add(display, f.line, f"{f.what} has no '{key}'", f"add '{key}:' as a list")
        return []
    if not isinstance(value, Seq):
        problems.add(display, f.key_line(key), f"'{key}' should be a list",
                     "write each item on its own '- ' line")
        return []
    return list(zip(value, value.item_lines))


def _id(f: Fields, display: str, problems: Problems) -> str:
    value = f.text("id")
    check_id(value, display, f.key_line("id"), problems)
    return value


def _status(f: Fields, display: str, problems: Problems) -> str:
    status = f.text("status")
    if status and status not in WITNESS_STATUSES:
        problems.add(display, f.key_line("status"), f"unknown status '{status}'",
                     f"use one of: {', '.join(WITNESS_STATUSES)}")
    return status


def _partial_date(value: str) -> bool:
    return bool(re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value)) and dates.problem_with(value) is None
