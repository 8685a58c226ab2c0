"""A fingerprint of each published anchor's text and apparatus, from the plain data of
`source/` (load/raw.py), so the same function fingerprints today's source and any earlier
version's, read from git.

What an anchor's apparatus is:
- a block (`#p13`, on its section page and on the whole article): its text; every annotation
  on it (mentions, dates, quotations, lacunae, sic, figures, notes, not-mentions); the
  structural decision that names it; the witnesses of its quotations; the comparisons that
  quote its figures; and the name and description of each entity it mentions (the mention's
  tooltip shows them);
- a section (its page, and its heading's anchors): its heading's decision (title, summary);
- an entity page, a lacuna, a timeline event, a source, a record entry, a comparison or a
  changelog version: its own entry;
- any other page: its address only (its contents are the anchors on it).
"""
from __future__ import annotations

import hashlib
import re
import json
from collections import defaultdict
from typing import Any, Iterable


def apparatus_fingerprints(raw: dict[str, Any], blocks: dict[str, str],
                           anchors: Iterable[tuple[str, str]]) -> dict[str, str]:
    """url → fingerprint of (the anchor's text fingerprint, its apparatus), for each
    (url, text fingerprint) of `anchors`; `blocks` gives each block id's text."""
    parts = _index(raw, blocks)
    return {url: _digest([text, parts.get(_key(url, blocks))] + _translated(url, raw, blocks))
            for url, text in anchors}


def _translated(url: str, raw: dict[str, Any], blocks: dict[str, str]) -> list[Any]:
    """A block's translation, for its anchor on the pages of the translation's language (the
    pages that show it): [] for any other anchor."""
    folder = LANGUAGE_FOLDER.match(url)
    key = _key(url, blocks)
    if not folder or not key or key[0] != "block":
        return []
    translation = raw.get(f"translations/{folder[0].rstrip('/')}.yml") or {}
    return [(translation.get("blocks") or {}).get(key[1])]


# A language's folder at the start of an address (es/…): the edition's other languages.
LANGUAGE_FOLDER = re.compile(r"^[a-z]{2,3}/(?=(sections|entities|register)/|[\w-]+\.html)")


def _digest(value: Any) -> str:
    canonical = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


_FRAGMENT_PAGES = {"register/timeline.html": "event", "bibliography.html": "source",
                   "record.html": "record", "register/figures.html": "comparison"}


def _key(url: str, blocks: dict[str, str]) -> tuple[str, str] | None:
    """What an anchor's apparatus is, in any language: es/sections/x.html#p4 is the block's,
    as sections/x.html#p4 is."""
    page, _, fragment = LANGUAGE_FOLDER.sub("", url).partition("#")
    if page.startswith("entities/") and not fragment:
        return ("entity", page.removeprefix("entities/").removesuffix(".html"))
    if page.startswith("sections/") or page == "article.html":
        name = fragment or page.removeprefix("sections/").removesuffix(".html")
        return ("block", name) if name in blocks else ("lacuna", name)
    if page == "changelog.html" and fragment.startswith("v"):
        return ("version", fragment[1:].replace("-", "."))
    if page in _FRAGMENT_PAGES and fragment:
        return (_FRAGMENT_PAGES[page], fragment)
    return None


def _index(raw: dict[str, Any], blocks: dict[str, str]) -> dict[tuple[str, str], Any]:
    parts: dict[tuple[str, str], Any] = {}
    for kind, name in (("entity", "entities.yml"), ("event", "events.yml"),
                       ("source", "sources.yml")):
        parts.update({(kind, item["id"]): item for item in _items(raw.get(name)) if "id" in item})
    record = raw.get("record.yml") or {}
    parts.update({("record", e["id"]): e for e in _items(record.get("entries")) if "id" in e})
    parts.update({("comparison", c["id"]): c for c in _items(record.get("comparisons"))
                  if "id" in c})
    parts.update({("version", v["version"]): v for v in _items(raw.get("versions.yml"))
                  if "version" in v})
    parts.update({("lacuna", item["id"]): item for items in _by_block(raw.get("lacunae")).values()
                  for item in items if "id" in item})
    for block, apparatus in _block_apparatus(raw, blocks, parts).items():
        parts[("block", block)] = apparatus
    return parts


def _block_apparatus(raw: dict[str, Any], blocks: dict[str, str],
                     parts: dict[tuple[str, str], Any]) -> dict[str, dict[str, Any]]:
    apparatus: dict[str, dict[str, Any]] = defaultdict(dict)
    structure = raw.get("structure.yml") or {}
    if isinstance(structure.get("opening"), dict):
        apparatus[structure["opening"].get("id", "opening")]["decision"] = structure["opening"]
    for decision in _items(structure.get("decisions")):
        block = decision.get("id") or _block_quoted(str(decision.get("block", "")), blocks)
        if block:
            apparatus[block]["decision"] = decision
    for kind in sorted(k for k in raw if not k.endswith(".yml")):
        for block, items in _by_block(raw[kind]).items():
            apparatus[block][kind] = items
            if kind == "mentions":
                apparatus[block]["entities"] = {
                    e: {f: parts.get(("entity", e), {}).get(f) for f in ("name", "description")}
                    for e in sorted({str(item.get("entity")) for item in items})}
    witnesses = raw.get("witnesses.yml") or {}
    for witness in _items(witnesses.get("quotations")):
        apparatus[str(witness.get("block"))].setdefault("witnesses", []).append(witness)
    for comparison in _items((raw.get("record.yml") or {}).get("comparisons")):
        for block in sorted({str(f.get("block")) for f in _items(comparison.get("figures"))}):
            apparatus[block].setdefault("comparisons", []).append(comparison)
    return apparatus


def _block_quoted(quote: str, blocks: dict[str, str]) -> str:
    """The block a decision names by quoting its beginning."""
    return next((block for block, text in blocks.items() if quote and text.startswith(quote)), "")


def _items(value: Any) -> list[dict]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _by_block(value: Any) -> dict[str, list]:
    return {str(k): v for k, v in value.items() if isinstance(v, list)} \
        if isinstance(value, dict) else {}
