"""Temporary checker for the evidence format of issue 25 (the build's loader takes it over).

Run from the repository root:  python3 scripts/evidence_check.py [FILE ...]
Prints one line per problem, `file:line: what — fix`, and a summary; exit 1 if any problem.
Files: source/*.yml and source/annotations/*.yml (new sources may also sit in
source/sources-new-*.yml while the review runs).
"""
from __future__ import annotations

import difflib
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1] / "source"
BASES = ("article", "editorial", "inference")
BLOCK = re.compile(r"^(p\d+|title|[a-z0-9]+(?:-[a-z0-9]+)*)$")


class LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader, node, deep=False):
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=deep)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
LineLoader.yaml_implicit_resolvers = {
    k: [(t, r) for t, r in v if t != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}

problems: list[str] = []
counts = {"evidence": 0, "article": 0, "editorial": 0, "inference": 0, "passages": 0}


def load(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=LineLoader) if path.exists() else None


def problem(file: str, line: int, what: str, fix: str) -> None:
    problems.append(f"source/{file}:{line}: {what} — {fix}")


def norm(text: str) -> str:
    return " ".join(str(text).casefold().split())


def check_passage(file, item, source_ids, statement_text, where_line):
    line = item.get("__line__", where_line)
    source = item.get("source")
    if not source:
        problem(file, line, "an evidence item names no source", "add 'source: id' (sources.yml)")
    elif source not in source_ids:
        problem(file, line, f"unknown source '{source}'", "use an id from sources.yml or add it")
    passage, at = str(item.get("passage") or "").strip(), str(item.get("at") or "").strip()
    if len(passage) < 15:
        problem(file, line, "the evidence has no passage (or a very short one)",
                "quote the sentence(s) of the source that support the statement, in its language")
    elif statement_text and difflib.SequenceMatcher(
            None, norm(passage), norm(statement_text)).ratio() >= 0.9:
        problem(file, line, "the passage merely repeats the statement",
                "quote the source's own words, not the statement")
    if not at:
        problem(file, line, "the evidence does not say where the passage stands",
                "add 'at:' (paragraph, heading, part of the page)")
    extra = set(item) - {"source", "passage", "at", "__line__"}
    if extra:
        problem(file, line, f"unknown evidence field(s) {sorted(extra)}", "use source, at, passage")
    counts["passages"] += 1


def check_statement(file, entry, source_ids, text_keys, required=True, basis_allowed=True):
    line = entry.get("__line__", 0)
    text = " ".join(str(entry.get(k) or "") for k in text_keys).strip()
    if "sources" in entry:
        problem(file, line, "'sources' is the old form", "write 'evidence:' items (source, at, passage)")
    evidence = entry.get("evidence") or []
    basis = entry.get("basis")
    if evidence:
        if not isinstance(evidence, list):
            problem(file, line, "'evidence' should be a list", "write '- source: …' items")
            return
        for item in evidence:
            if not isinstance(item, dict):
                problem(file, line, "an evidence item should be a mapping", "source, at, passage")
                continue
            check_passage(file, item, source_ids, text, line)
        counts["evidence"] += 1
    if basis is not None:
        if not basis_allowed:
            problem(file, line, "this statement takes evidence, not a basis", "quote sources")
        elif basis not in BASES:
            problem(file, line, f"unknown basis '{basis}'", f"use one of {BASES}")
        elif evidence:
            problem(file, line, "both 'evidence' and 'basis'",
                    "keep evidence; name paragraphs of the article with 'paragraphs:'")
        else:
            counts[basis] += 1
        if basis == "article" and not entry.get("paragraphs"):
            problem(file, line, "basis 'article' without 'paragraphs'",
                    "name the block(s) it rests on: paragraphs: [p7]")
    for p in entry.get("paragraphs") or []:
        if not BLOCK.match(str(p)):
            problem(file, line, f"'{p}' is not a block id", "write p7, p12 …")
    if required and text and not evidence and basis is None:
        problem(file, line, "a statement without evidence",
                "add 'evidence:' (source, at, passage) or 'basis: article' + paragraphs, "
                "'basis: editorial' or 'basis: inference'")


def main(argv: list[str]) -> int:
    sources = load(ROOT / "sources.yml") or []
    for extra in sorted(ROOT.glob("sources-new-*.yml")):
        sources += load(extra) or []
    source_ids = {s["id"] for s in sources if isinstance(s, dict) and "id" in s}
    only = {Path(a).name for a in argv}

    def wanted(name):
        return not only or Path(name).name in only

    if wanted("entities.yml"):
        for e in load(ROOT / "entities.yml") or []:
            check_statement("entities.yml", e, source_ids, ("description",))
    if wanted("events.yml"):
        for e in load(ROOT / "events.yml") or []:
            check_statement("events.yml", e, source_ids, ("title", "description"))
    for name in ("record.yml", "record-after.yml"):
        if not wanted(name):
            continue
        record = load(ROOT / name) or {}
        for e in record.get("entries") or []:
            check_statement(name, e, source_ids, ("title", "text"), basis_allowed=False)
            if not e.get("evidence"):
                problem(name, e["__line__"], "a record entry without evidence", "add 'evidence:'")
        for c in record.get("comparisons") or []:
            check_statement(name, c, source_ids, ("note",))
            for count in c.get("counts") or []:
                check_passage(name, count, source_ids, count.get("counts", ""), c["__line__"])
    if wanted("structure.yml"):
        structure = load(ROOT / "structure.yml") or {}
        if structure.get("opening"):
            check_statement("structure.yml", structure["opening"], source_ids, ("reason",))
        for d in structure.get("decisions") or []:
            check_statement("structure.yml", d, source_ids, ("reason",))
    if wanted("bibliography.yml"):
        art = (load(ROOT / "bibliography.yml") or {}).get("article") or {}
        check_statement("bibliography.yml", art, source_ids,
                        ("publication-evidence", "attribution-evidence", "original-note"))
    if wanted("witnesses.yml"):
        witnesses = load(ROOT / "witnesses.yml") or {}
        for w in witnesses.get("text") or []:
            check_statement("witnesses.yml", w, source_ids, ("relation",))
        for w in witnesses.get("quotations") or []:
            check_statement("witnesses.yml", w, source_ids, ("note",))
    for path in sorted((ROOT / "annotations").glob("*.yml")):
        if not wanted(path.name):
            continue
        name = f"annotations/{path.name}"
        for block, items in (load(path) or {}).items():
            if block == "__line__":
                continue
            for a in items or []:
                must = bool(a.get("note")) or path.name in ("quotations.yml", "lacunae.yml")
                keys = ("note",) if path.name != "lacunae.yml" else ("note", "lost")
                check_statement(name, a, source_ids, keys, required=must)
                if isinstance(a.get("conjecture"), dict) and "evidence" in a["conjecture"]:
                    problem(name, a["__line__"], "'conjecture: evidence:' is the old form",
                            "write the argument as 'conjecture: {entity, reason}' and quote "
                            "the passages in the lacuna's 'evidence:'")
    for p in problems:
        print(p)
    print(f"{len(problems)} problem(s); statements with evidence {counts['evidence']}, "
          f"basis article {counts['article']}, editorial {counts['editorial']}, inference "
          f"{counts['inference']}; passages {counts['passages']}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
