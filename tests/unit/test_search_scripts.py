"""publish/search.py keeps, of the search scripts Material copies into a site, only those its
search worker loads for the index's languages; a worker that loads them otherwise stops the
build before any script is removed."""
from __future__ import annotations

import shutil
from pathlib import Path

import material
import pytest

from edition.publish.finish import ThemeChanged
from edition.publish.search import drop_unloaded_scripts, loaded_scripts

ASSETS = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
LUNR = "assets/javascripts/lunr"


@pytest.mark.parametrize("languages, loaded", [
    (["en"], set()),  # English is lunr's own
    (["es"], {"min/lunr.stemmer.support.min.js", "min/lunr.es.min.js"}),
    (["en", "es"], {"min/lunr.stemmer.support.min.js", "min/lunr.es.min.js",
                    "min/lunr.multi.min.js"}),
    (["ja"], {"min/lunr.stemmer.support.min.js", "min/lunr.ja.min.js", "tinyseg.js"}),
    (["th"], {"min/lunr.stemmer.support.min.js", "min/lunr.th.min.js", "wordcut.js"}),
    (["hi"], {"min/lunr.stemmer.support.min.js", "min/lunr.hi.min.js", "wordcut.js"}),
    (["en", "ja"], {"min/lunr.stemmer.support.min.js", "min/lunr.ja.min.js", "tinyseg.js",
                    "min/lunr.multi.min.js"}),
])
def test_the_scripts_kept_are_those_the_worker_loads_for_the_languages(languages, loaded):
    assert loaded_scripts(languages) == loaded


def material_site(root: Path) -> Path:
    """A site's search assets as Material copies them: its worker and every lunr script."""
    shutil.copytree(ASSETS / "workers", root / "assets/javascripts/workers")
    shutil.copytree(ASSETS / "lunr", root / LUNR)
    return root


def scripts(root: Path) -> set[str]:
    return {p.relative_to(root / LUNR).as_posix() for p in (root / LUNR).rglob("*")
            if p.is_file()}


def test_a_spanish_site_keeps_its_two_scripts_and_an_english_one_none(tmp_path):
    spanish, english = material_site(tmp_path / "es"), material_site(tmp_path / "en")
    assert len(scripts(spanish)) > 30
    drop_unloaded_scripts(spanish, ["es"])
    drop_unloaded_scripts(english, ["en"])
    assert scripts(spanish) == {"min/lunr.stemmer.support.min.js", "min/lunr.es.min.js"}
    assert not (english / LUNR).exists()


# Changes to the worker's loader that would load a script this drops: every language's
# stemmer support, Chinese's segmenter, the joining script for one language too.
CHANGED_LOADERS = [
    ("r.length&&(yield importScripts(`${e}/min/lunr.stemmer.support.min.js`,...r))",
     "yield importScripts(`${e}/min/lunr.stemmer.support.min.js`,...r)"),
    ('case"ja":r.push(`${e}/tinyseg.js`);break;',
     'case"ja":case"zh":r.push(`${e}/tinyseg.js`);break;'),
    ("t.lang.length>1&&", "t.lang.length>0&&"),
]


@pytest.mark.parametrize("was, now", CHANGED_LOADERS)
def test_a_worker_that_loads_its_scripts_otherwise_stops_the_build_and_removes_nothing(
        tmp_path, was, now):
    root = material_site(tmp_path)
    worker = next((root / "assets/javascripts/workers").glob("search.*.min.js"))
    code = worker.read_text(encoding="utf-8")
    assert was in code
    worker.write_text(code.replace(was, now), encoding="utf-8")
    before = scripts(root)
    with pytest.raises(ThemeChanged, match="search worker"):
        drop_unloaded_scripts(root, ["es"])
    assert scripts(root) == before


def test_a_site_without_lunr_is_left_as_it_is(tmp_path):
    drop_unloaded_scripts(tmp_path, ["es"])  # Zensical's: no lunr/, no worker
    assert list(tmp_path.iterdir()) == []
