"""Search that finds a word typed without its accents: "Sanchez" finds "Sánchez", "accion"
finds "acción", in every language's index.

Material's search worker indexes every field its index's config lists, reading each document's
value by the field's name. Each document gets one more field, `folded`: its words that carry
accents, written without them. A query typed with accents matches the text as it is; one typed
without them matches `folded`; what a result shows is the text itself. The index is rewritten
after the engine has written it, in both its forms: search_index.json (read over http) and
search_index.js (the offline copy's, which Material's offline plugin writes for file://).

Material copies the word-splitting scripts of all its search languages into every site (about
1 MB: lunr/min/ for some thirty languages, wordcut.js for Hindi and Thai, tinyseg.js for
Japanese); its search worker loads only those of its index's languages. The others are dropped.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from .finish import ThemeChanged

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
    """Rewrite every search index under `site` (a language's site has one), and keep only the
    search scripts its languages load."""
    for path in sorted(site.rglob("search/search_index.json")):
        index = with_folded_field(json.loads(path.read_text(encoding="utf-8")))
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        path.write_text(text, encoding="utf-8")
        script = path.with_suffix(".js")
        if script.exists():
            script.write_text(_JS_PREFIX + text, encoding="utf-8")
        drop_unloaded_scripts(path.parent.parent, index["config"]["lang"])


_LUNR = Path("assets/javascripts/lunr")  # beside the worker: its "../lunr"
_WORKER = "assets/javascripts/workers/search.*.min.js"
# The worker's code that loads its languages' scripts (Material 9.8, setupSearchLanguages, as
# minified), which loaded_scripts follows: a worker without it word for word stops the build
# (ThemeChanged) before anything is removed, instead of going out with a search that cannot load.
_WORKER_LOADER = (  # one string: the worker's base folder, then its loading of the scripts
    'let e="../lunr";'
    'if(typeof parent!="undefined"&&"IFrameWorker"in parent){let n=ne("script[src]"),'
    '[i]=n.src.split("/worker");e=e.replace("..",i)}'
    'let r=[];for(let n of t.lang){switch(n){case"ja":r.push(`${e}/tinyseg.js`);break;'
    'case"hi":case"th":r.push(`${e}/wordcut.js`);break}'
    'n!=="en"&&r.push(`${e}/min/lunr.${n}.min.js`)}'
    't.lang.length>1&&r.push(`${e}/min/lunr.multi.min.js`),'
    'r.length&&(yield importScripts(`${e}/min/lunr.stemmer.support.min.js`,...r))')


def loaded_scripts(languages: list[str]) -> set[str]:
    """The scripts under lunr/ that Material's search worker loads for an index in
    `languages`: each language's own but English's (built into lunr), Japanese's segmenter,
    Hindi's and Thai's, the one that joins several languages, and what they all need."""
    loaded: set[str] = set()
    for language in languages:
        loaded |= {"ja": {"tinyseg.js"}, "hi": {"wordcut.js"}, "th": {"wordcut.js"}}.get(
            language, set())
        if language != "en":
            loaded.add(f"min/lunr.{language}.min.js")
    if len(languages) > 1:
        loaded.add("min/lunr.multi.min.js")
    if loaded:
        loaded.add("min/lunr.stemmer.support.min.js")
    return loaded


def drop_unloaded_scripts(root: Path, languages: list[str]) -> None:
    """Remove the scripts under `root`'s lunr/ that its search worker does not load (an engine
    that ships no lunr/, Zensical, has nothing to remove)."""
    folder = root / _LUNR
    if not folder.is_dir():
        return
    workers = sorted(root.glob(_WORKER))
    if len(workers) != 1:
        raise ThemeChanged(f"publish/search.py: {len(workers)} search workers in the site, where "
                           "Material 9.8 writes one: check which scripts it loads")
    code = workers[0].read_text(encoding="utf-8")
    if _WORKER_LOADER not in code:
        raise ThemeChanged("publish/search.py: Material's search worker no longer loads its "
                           "languages' scripts as _WORKER_LOADER says: make _WORKER_LOADER and "
                           "loaded_scripts what the worker does now")
    loaded = loaded_scripts(languages)
    for path in sorted(folder.rglob("*"), reverse=True):  # a folder after what it holds
        if path.is_dir() and not path.is_symlink():
            if not any(path.iterdir()):
                path.rmdir()
        elif path.relative_to(folder).as_posix() not in loaded:
            path.unlink()
    if not any(folder.iterdir()):
        folder.rmdir()
