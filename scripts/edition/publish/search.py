"""Search that finds a word typed without its accents: "Sanchez" finds "Sánchez", "accion"
finds "acción", in every language's index.

Material's search worker indexes every field its index's config lists, reading each document's
value by the field's name. Each document gets one more field, `folded`: its words that carry
accents, written without them. A query typed with accents matches the text as it is; one typed
without them matches `folded`; what a result shows is the text itself. The index is rewritten
after the engine has written it, in both its forms: search_index.json (read over http) and
search_index.js (the offline copy's, which Material's offline plugin writes for file://).
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

FIELD = "folded"
BOOST = 1.0  # as the text's own words
_WORD = re.compile(r"[^\W\d_]+")
_JS_PREFIX = "var __index = "


def fold(word: str) -> str:
    """The word without its accents (combining marks dropped: á → a, ñ → n, ü → u)."""
    return "".join(c for c in unicodedata.normalize("NFD", word)
                   if not unicodedata.combining(c))


def folded_words(text: str) -> str:
    """The words of `text` that change when folded, folded, each once, in order."""
    found = dict.fromkeys(fold(w) for w in _WORD.findall(text) if fold(w) != w)
    return " ".join(found)


def with_folded_field(index: dict) -> dict:
    config = dict(index["config"], fields={**index["config"]["fields"], FIELD: {"boost": BOOST}})
    docs = [dict(doc, **{FIELD: folded_words(f"{doc.get('title', '')} {doc.get('text', '')}")})
            for doc in index["docs"]]
    return {**index, "config": config, "docs": docs}


def fold_search_indexes(site: Path) -> None:
    """Rewrite every search index under `site` (a language's site has one)."""
    for path in sorted(site.rglob("search/search_index.json")):
        index = with_folded_field(json.loads(path.read_text(encoding="utf-8")))
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        path.write_text(text, encoding="utf-8")
        script = path.with_suffix(".js")
        if script.exists():
            script.write_text(_JS_PREFIX + text, encoding="utf-8")
