"""The checks across files: every source a statement quotes exists, ids are unique where they
are addresses, and the changelog's last version is the edition's."""
from __future__ import annotations

from typing import Iterable, Iterator

from ..model import (Count, Declared, Located, QuotationWitness, Source, TextWitness)
from ..model.fields import VERSION
from ..problems import Problems


def check_references(source: Source, problems: Problems) -> None:
    known = {s.id for s in source.sources}
    for where, source_id in citations(source):
        if source_id not in known:
            problems.add(where.file, where.line, f"unknown source '{source_id}'",
                         "use an id from source/sources.yml or add the entry there")
    for items, name in ((source.entities, "entities.yml"), (source.events, "events.yml"),
                        (source.sources, "sources.yml"),
                        (source.record.entries + source.record.comparisons, "record.yml"),
                        (source.witnesses.text, "witnesses.yml")):
        check_unique_ids(items, problems)
    _check_versions(source, problems)


def citations(source: Source) -> Iterator[tuple[Located, str]]:
    """Every source id the data quotes, where it is quoted: the evidence of every statement,
    each count of the record, each witness."""
    for record in records(source):
        for item in getattr(record, "evidence", ()):
            yield item.where if item.where.line else record.where, item.source
        if isinstance(record, (Count, TextWitness, QuotationWitness)) and record.source:
            yield record.where, record.source


def cited_ids(source: Source) -> set[str]:
    """Every source id some statement quotes."""
    return {source_id for _, source_id in citations(source)}


def records(source: Source) -> Iterator[Declared]:
    """Every record of `source/` that may hold statements, nested ones too."""
    roots: Iterable = (source.bibliography, source.structure, *source.entities, *source.events,
                       *source.annotations, source.record, source.witnesses)
    for root in roots:
        yield from _walk(root)


def _walk(record: Declared) -> Iterator[Declared]:
    yield record
    for name in record.__class__.model_fields:
        value = getattr(record, name)
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, Declared) and name != "evidence":
                yield from _walk(item)


def check_unique_ids(items: Iterable, problems: Problems) -> None:
    seen: dict[str, Located] = {}
    for item in items:
        if item.id in seen:
            problems.add(item.where.file, item.where.line, f"id '{item.id}' is used twice "
                         f"(also at line {seen[item.id].line})", "give each entry its own id")
        seen.setdefault(item.id, item.where)


def version_key(number: str) -> tuple[int, ...]:
    """A version number's order (1.10.0 after 1.9.0); (0,) for one that is not MAJOR.MINOR.PATCH."""
    return tuple(int(p) for p in number.split(".")) if VERSION.fullmatch(number) else (0,)


def _check_versions(source: Source, problems: Problems) -> None:
    versions = source.versions
    keys = [version_key(v.version) for v in versions]
    if keys != sorted(keys) or len(set(keys)) != len(keys):
        where = versions[0].where if versions else Located("source/versions.yml", 1)
        problems.add(where.file, 1, "the versions are not listed oldest first, each once",
                     "list them in ascending order, 1.0.0 first")
    edition = source.bibliography.edition
    if versions and versions[-1].version != edition.version:
        last = versions[-1]
        problems.add(last.where.file, last.where.line, f"the last version is {last.version}, but "
                     f"bibliography.yml gives {edition.version}",
                     "list the current version last, with the same number")
