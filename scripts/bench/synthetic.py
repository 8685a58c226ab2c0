"""A synthetic edition k times the article's size, written as valid `source/` data.

Not copies of the article's files: the text, the register, the events and the annotations
are generated together, in the article's proportions (per 1×: 8 sections, 46 paragraphs,
44 entities, 21 events, ~150 mentions, ~50 dates, ~30 quotations), so the build does the
same work per paragraph as on the real edition. The bibliographic files (bibliography,
sources consulted, the record without its comparisons with the article's figures, the
witnesses) are the real ones: they do not grow with the text.
"""
from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import yaml

SECTIONS, PARAGRAPHS, ENTITIES, EVENTS = 8, 46, 44, 21
TYPES = ("person", "organisation", "group", "place")
KEPT = ("bibliography.yml", "sources.yml", "record.yml", "witnesses.yml")
WORDS = ("the", "strike", "spread", "across", "the", "city", "while", "ministers", "met",
         "again", "and", "the", "roads", "stayed", "closed", "to", "traffic")


def _name(n: int) -> str:
    """A unique, capitalised made-up word: no form is a part of another."""
    letters = "bcdfghjklmnpqrstvwxz"
    word, n = "", n + 1
    while n:
        n, r = divmod(n - 1, len(letters))
        word = letters[r] + "a" + word
    return word.capitalize() + "o"


def _day(n: int) -> str:
    return f"2003-{9 + (n // 30) % 2:02d}-{1 + n % 28:02d}"


def generate(template: Path, target: Path, scale: int) -> Path:
    """Write a source/ folder into `target` for an edition `scale` times the article."""
    source = target / "source"
    (source / "annotations").mkdir(parents=True, exist_ok=True)
    for name in KEPT:
        shutil.copy(template / "source" / name, source / name)
    record = yaml.safe_load((source / "record.yml").read_text(encoding="utf-8"))
    _dump(source / "record.yml", {"entries": record["entries"], "comparisons": []})
    version = yaml.safe_load((source / "bibliography.yml").read_text(encoding="utf-8"))["edition"]
    _dump(source / "versions.yml", [{"version": version["version"], "date": version["date"],
                                     "summary": "The synthetic edition.", "changes": []}])
    entities = [{"id": f"e{n}", "type": TYPES[n % 4], "kind": "synthetic",
                 "name": _name(n), "forms": [_name(n)], "basis": "article",
                 "description": f"A synthetic {TYPES[n % 4]} for the scale benchmark."}
                | ({"coordinates": [-16.5 + n % 7 * 0.01, -68.1 - n % 5 * 0.01]}
                   if n % 4 == 3 else {})
                for n in range(ENTITIES * scale)]
    events = [{"id": f"ev{n}", "when": _day(n), "title": f"Synthetic event {n}",
               "description": "An event of the scale benchmark.", "basis": "article"}
              for n in range(EVENTS * scale)]
    lines, structure = ["Synthetic Insurrection"], _structure()
    mentions, dates, quotes = {}, {}, {}
    paragraphs_per_section = PARAGRAPHS // SECTIONS
    p = 0
    for s in range(SECTIONS * scale):
        heading = f"Part {_name(10_000 + s)}"
        lines.append(heading)
        structure["decisions"].append({"block": heading, "kind": "heading", "id": f"s{s}",
                                       "summary": "A synthetic section.",
                                       "reason": "A synthetic heading."})
        for _ in range(paragraphs_per_section + (s % 4 < 2)):
            p += 1
            text, ms, ds, qs = _paragraph(p, entities, events)
            lines.append(text)
            mentions[f"p{p}"], dates[f"p{p}"] = ms, ds
            if qs:
                quotes[f"p{p}"] = qs
    text = "\n\n".join(lines) + "\n"
    (source / "article.txt").write_text(text, encoding="utf-8")
    bibliography = source / "bibliography.yml"  # the real one, fingerprinting this text
    bibliography.write_text(re.sub(r"text-sha256: \w+", "text-sha256: " + hashlib.sha256(
        text.encode("utf-8")).hexdigest(), bibliography.read_text(encoding="utf-8")),
        encoding="utf-8")
    _dump(source / "structure.yml", structure)
    _dump(source / "entities.yml", entities)
    _dump(source / "events.yml", events)
    for name, data in (("mentions", mentions), ("dates", dates), ("quotations", quotes)):
        _dump(source / "annotations" / f"{name}.yml", data)
    for name in ("figures", "lacunae", "not-mentions", "notes", "sic"):
        (source / "annotations" / f"{name}.yml").write_text("{}\n", encoding="utf-8")
    return source


def _paragraph(p: int, entities: list[dict], events: list[dict]):
    named = [entities[(p * 3 + i) % len(entities)] for i in range(3)]
    event = events[p % len(events)]
    words = " ".join(WORDS[(p + i) % len(WORDS)] for i in range(24))
    quoted = '"we will not leave"' if p % 3 == 0 else ""
    text = (f"On {event['when']} {named[0]['name']} and {named[1]['name']} said {words} "
            f"near {named[2]['name']}{' ' + quoted if quoted else ''}.")
    mentions = [{"text": e["name"], "entity": e["id"]} for e in named]
    dates = [{"text": event["when"], "when": event["when"], "event": event["id"]}]
    quotes = ([{"text": quoted, "kind": "speech", "speaker": named[0]["id"], "source": None,
                "basis": "article"}] if quoted else [])
    return text, mentions, dates, quotes


def _structure() -> dict:
    return {"opening": {"id": "opening", "title": "Opening", "summary": "The synthetic opening.",
                        "reason": "The text before the first heading has none."},
            "decisions": [{"block": "Synthetic Insurrection", "kind": "title",
                           "reason": "The first line is the title."}]}


def _dump(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
