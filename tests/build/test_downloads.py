"""The downloadable artefacts: one-page HTML, EPUB, the Download page, byte-identical rebuilds."""
from __future__ import annotations

import html
import io
import re
import zipfile
from pathlib import Path

import lxml.etree
import lxml.html
import pytest

from conftest import (REPO, SHIPPED_EPUBS, SITE_URL, built_artefacts, epub_chapters, epub_of,
                      shipped_epub, site_pages)
from htmltext import transmitted_blocks
from tools import epubcheck

from edition.doc.html import to_xhtml
from edition.i18n import messages
from edition.paths import file_stem
from edition.publish.offline import human_size, offline_zip, zip_name
from edition.export.onepage import one_page
from edition.export.onepage.inpage import link_within
from edition.export.onepage.parts import ARTICLE_PART_ID
from edition.load import load_source
from edition.place import build_edition

EN = messages("en")

BASE_URL = SITE_URL  # the site URL of the session's build with one (site_with_url)
OPF = "{http://www.idpf.org/2007/opf}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="module")
def edition():
    return build_edition(load_source(REPO / "source"))


def transmitted_lines() -> list[str]:
    text = (REPO / "source" / "article.txt").read_text(encoding="utf-8")
    return [line for line in text.split("\n") if line]


# --- one-page HTML ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def onepage(site, site_with_url, edition) -> dict[str, str]:
    """The English one-page HTML as the session's builds ship it, by site URL ('' for none)."""
    name = f"downloads/{file_stem(edition)}.html"
    return {url: (built / name).read_text(encoding="utf-8")
            for url, built in (("", site), (BASE_URL, site_with_url))}


def test_onepage_holds_every_block_of_the_text_in_order(site, edition):
    page = site / "downloads" / f"{file_stem(edition)}.html"
    assert [text for _, text in transmitted_blocks(page)] == transmitted_lines()


def test_onepage_body_is_well_formed_xml_and_its_ids_are_unique(edition):
    written = to_xhtml(one_page(edition, "", site_pages(edition)).main)
    main = lxml.etree.fromstring(written)  # raises if not well-formed
    ids = [el.get("id") for el in main.iter() if el.get("id")]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("base_url", ["", BASE_URL])
def test_onepage_refers_to_no_other_file(onepage, edition, base_url):
    tree = lxml.html.fromstring(onepage[base_url])
    ids = {el.get("id") for el in tree.iter() if isinstance(el.tag, str) and el.get("id")}
    refs = [value for el in tree.iter() if isinstance(el.tag, str)
            for name, value in el.attrib.items() if name in ("href", "src", "srcset", "data")]
    assert refs
    read = {s.url for s in edition.source.sources}  # the addresses of the sources consulted
    for ref in refs:
        if ref.startswith("#"):
            assert ref[1:] in ids, ref
        else:
            assert ref in read or base_url and ref.startswith(("https://", "http://")), ref
    assert not tree.xpath("//script | //link | //img | //iframe")


def test_onepage_links_between_parts_stay_in_the_page(onepage):
    tree = lxml.html.fromstring(onepage[""])
    register_entry = tree.get_element_by_id("entity-sanchez-de-lozada")
    assert register_entry.getparent().getparent().get("id") == "people"
    assert tree.xpath('//a[@href="#entity-sanchez-de-lozada"][contains(@class, "mention")]')
    assert tree.xpath('//section[@id="method"]//a[@href="#p2"]')  # method → the paragraph
    assert tree.xpath('//a[@href="#method-p2"]')  # the paragraph's "why" → the method


def test_onepage_keeps_links_to_other_addresses_and_unwraps_links_to_no_part(edition):
    """A link that leads to no page of the edition (a scheme, a host) is kept as it is; a
    link to a page that is not a part of the one page, with no site URL, is left as its text."""
    kept = ["https://example.org/report.html", "mailto:editors@example.org",
            "//example.org/x.html", "#p3"]
    main = lxml.etree.fromstring(
        f'<main><section id="{ARTICLE_PART_ID}">'
        + "".join(f'<a href="{href}">x</a>' for href in kept)
        + '<a href="entities/el-alto.html">El Alto</a><a href="search.html">y</a></section></main>')
    link_within(main, edition, "")
    assert [a.get("href") for a in main.iter("a")] == kept + ["#entity-el-alto"]
    assert [s.text for s in main.iter("span")] == ["y"]


def test_onepage_prints_without_chrome_with_permalinks_and_page_breaks(onepage):
    html = onepage[BASE_URL]
    print_css = html[html.index("@media print"):]
    assert "section.part, #apparatus { break-before: page; }" in print_css
    assert "attr(data-permalink)" in print_css and ".front nav { display: none; }" in print_css
    tree = lxml.html.fromstring(html)
    (number,) = tree.xpath('//a[@href="#p14"][contains(@class, "pn")]')
    assert number.get("data-permalink") == BASE_URL + "sections/insurrection-in-la-paz.html#p14"
    assert len(tree.xpath("//section[@class='part']")) == 12
    article_sections = tree.xpath("//section[@id='article']/div")
    # The article read straight through, each section its heading and its paragraphs (the
    # site's title block stood between them); then every section's apparatus, under one
    # heading; last, the hidden descriptions of the mentions (aria-describedby).
    assert [d.get("class").split()[0] for d in article_sections] == [
        "transmitted", "transmitted"] * 8 + ["apparatus"] * 8 + ["mention-descriptions"]
    assert tree.get_element_by_id("apparatus").getnext().get("class") == "apparatus ed"
    assert "How to cite" in tree.get_element_by_id("how-to-cite").text_content()


# --- EPUB ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def epub(edition, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("epub") / "edition.epub"
    path.write_bytes(epub_of(edition))
    return path


def test_epub_starts_with_an_uncompressed_mimetype(epub):
    data = epub.read_bytes()
    assert data[30:38] == b"mimetype" and data[38:58] == b"application/epub+zip"
    first = zipfile.ZipFile(epub).infolist()[0]
    assert (first.filename, first.compress_type, first.extra) == ("mimetype", zipfile.ZIP_STORED, b"")


def test_epub_package_is_complete_and_every_document_well_formed(epub, edition):
    book = zipfile.ZipFile(epub)
    container = lxml.etree.fromstring(book.read("META-INF/container.xml"))
    (opf_path,) = container.xpath("//*[local-name()='rootfile']/@full-path")
    opf = lxml.etree.fromstring(book.read(opf_path))
    folder = opf_path.rsplit("/", 1)[0] + "/"
    items = opf.findall(f"{OPF}manifest/{OPF}item")
    names = set(book.namelist())
    for item in items:
        assert folder + item.get("href") in names
        if item.get("media-type") == "application/xhtml+xml":
            lxml.etree.fromstring(book.read(folder + item.get("href")))
    assert [i for i in items if i.get("properties") == "nav"]
    dc = {el.tag.split("}")[1]: el.text for el in opf.find(f"{OPF}metadata")
          if el.tag.startswith("{http://purl.org/dc/")}
    ed = edition.bibliography.edition
    assert dc["title"] == ed.title and dc["language"] == "en" and dc["date"] == ed.date
    assert dc["identifier"].startswith("urn:uuid:")
    modified = opf.find(f"{OPF}metadata/{OPF}meta[@property='dcterms:modified']").text
    assert modified == f"{ed.date}T00:00:00Z"
    spine = [ref.get("idref") for ref in opf.find(f"{OPF}spine")]
    assert spine and all(any(i.get("id") == ref for i in items) for ref in spine)


def test_epub_nav_points_at_ids_in_the_text_and_the_text_is_whole(epub, tmp_path):
    book = zipfile.ZipFile(epub)
    nav = lxml.etree.fromstring(book.read("EPUB/nav.xhtml"))
    chapters = epub_chapters(book)
    ids = {(name, i) for name, content in chapters.items()
           for i in lxml.etree.fromstring(content).xpath("//@id")}
    targets = nav.xpath("//x:nav//x:a/@href", namespaces={"x": XHTML[1:-1]})
    assert len(targets) == 12 + 8 and all(tuple(t.split("#")) in ids for t in targets)
    blocks = []
    for name, content in chapters.items():
        (tmp_path / name).write_bytes(content)
        blocks += [text for _, text in transmitted_blocks(tmp_path / name)]
    assert blocks == transmitted_lines()


@pytest.mark.parametrize("name", SHIPPED_EPUBS)
def test_each_epub_chapter_is_a_part_under_300_kb_with_its_own_h1_and_links_resolve(request, name):
    """Legacy reading systems show nothing of a file past 300 KB (EDRLab's QualEbook, rule 87):
    the book is one file per part of its one-page edition, in the same order, each with one h1;
    a link into another chapter (the charts' links too) names its file."""
    epub = shipped_epub(request, name)
    chapters = epub_chapters(zipfile.ZipFile(epub))
    onepage = lxml.html.fromstring(epub.with_suffix(".html").read_bytes())
    assert list(chapters) == [f"{part}.xhtml" for part in onepage.xpath("//main/section/@id")]
    assert all(len(content) < 300_000 for content in chapters.values())
    trees = {name: lxml.etree.fromstring(content) for name, content in chapters.items()}
    assert all(len(tree.xpath("//x:h1", namespaces={"x": XHTML[1:-1]})) == 1
               for tree in trees.values())
    ids = {name: set(tree.xpath("//@id")) for name, tree in trees.items()}
    across = 0
    for name, tree in trees.items():
        for href in tree.xpath("//@href"):
            if "#" in href and "://" not in href:
                file, fragment = href.split("#")
                assert fragment in ids[file or name], (name, href)
                across += file not in ("", name)
    assert across > 100


# --- the Download page and reproducibility ---------------------------------------------------

def test_download_page_lists_every_artefact_with_its_size(built, site, edition):
    page = (site / "download.html").read_text(encoding="utf-8")
    artefacts = built_artefacts(built)
    assert {a.name for a in artefacts} >= {f"{file_stem(edition)}.html", f"{file_stem(edition)}.epub"}
    for artefact in artefacts:
        assert f'href="downloads/{artefact.name}"' in page
        assert (site / "downloads" / artefact.name).read_bytes() == artefact.content
        assert human_size(len(artefact.content), EN) in page
        # the media type is for programs (the link's type), not in a reader's words
        [link] = lxml.html.fromstring(page).xpath(f'//a[@href="downloads/{artefact.name}"]')
        assert link.get("type") == artefact.media_type
        assert f">{html.escape(artefact.media_type, quote=False)}<" not in page
    size = (site / "downloads" / zip_name(edition)).stat().st_size
    assert f'href="downloads/{zip_name(edition)}" type="application/zip">' in page
    assert f"· {human_size(size, EN)}</span>" in page
    assert 'href="download.html"' in (site / "index.html").read_text(encoding="utf-8")


def test_the_same_site_zips_to_the_same_bytes(site, edition):
    leave_out = f"downloads/{zip_name(edition)}"
    first = offline_zip(site, "top", leave_out)
    assert first == offline_zip(site, "top", leave_out)
    times = {info.date_time for info in zipfile.ZipFile(io.BytesIO(first)).infolist()}
    assert times == {(1980, 1, 1, 0, 0, 0)}


def test_human_size_rounds_to_kilobytes():
    assert [human_size(n, EN) for n in (10, 1536, 1_056_451)] == ["1 KB", "2 KB", "1,032 KB"]


@pytest.fixture(scope="module")
def epubcheck_reports(request) -> dict[str, tuple[int, str]]:
    """EPUBCheck's exit code and report on each EPUB the session's builds ship, all checked in
    one Java VM."""
    books = {name: shipped_epub(request, name) for name in SHIPPED_EPUBS}
    reports = epubcheck(list(books.values()))
    return {name: reports[path] for name, path in books.items()}


@pytest.mark.slow
@pytest.mark.parametrize("book", SHIPPED_EPUBS)
def test_epubcheck_finds_no_errors_and_no_warnings(epubcheck_reports, book):
    code, report = epubcheck_reports[book]
    counts = re.search(r"Messages: (\d+) fatals? / (\d+) errors? / (\d+) warnings?", report)
    print(counts[0] if counts else report)
    assert code == 0 and counts and counts.groups() == ("0", "0", "0"), report
    assert "Validating using EPUB version 3" in report


def package_metadata(epub: Path) -> lxml.etree._Element:
    return lxml.etree.fromstring(zipfile.ZipFile(epub).read("EPUB/package.opf")).find(
        f"{OPF}metadata")


def test_epub_names_its_editors_as_creators_with_the_role_edt(epub, edition):
    metadata = package_metadata(epub)
    creators = metadata.findall("{http://purl.org/dc/elements/1.1/}creator")
    assert [c.text for c in creators] == [p.name for p in edition.bibliography.edition.editors]
    for creator in creators:
        (role,) = metadata.xpath(f"opf:meta[@refines='#{creator.get('id')}'][@property='role']",
                                 namespaces={"opf": OPF[1:-1]})
        assert (role.text, role.get("scheme")) == ("edt", "marc:relators")


def test_epub_states_its_accessibility(epub):
    metadata = package_metadata(epub)
    stated = {}
    for meta in metadata.iterfind(f"{OPF}meta"):
        stated.setdefault(meta.get("property"), []).append(meta.text)
    assert "textual" in stated["schema:accessMode"]
    assert stated["schema:accessModeSufficient"] == ["textual"]
    assert {"structuralNavigation", "tableOfContents"} <= set(stated["schema:accessibilityFeature"])
    assert stated["schema:accessibilityHazard"] == ["none"]
    assert len(stated["schema:accessibilitySummary"][0]) > 100


def test_epub_note_calls_and_notes_have_their_semantics(epub):
    """The notes are in the article's chapter with their calls, so that a reading system can
    show a note where it is called."""
    content = lxml.etree.fromstring(epub_chapters(zipfile.ZipFile(epub))["article.xhtml"])
    ns = {"x": XHTML[1:-1], "epub": "http://www.idpf.org/2007/ops"}
    calls = content.xpath("//x:sup[contains(@class, 'nref')]/x:a", namespaces=ns)
    assert calls and all(a.get("role") == "doc-noteref" and
                         a.get("{http://www.idpf.org/2007/ops}type") == "noteref" for a in calls)
    notes = {n.get("id"): n for n in content.xpath("//x:aside[@role='doc-footnote']",
                                                   namespaces=ns)}
    assert all(n.get("{http://www.idpf.org/2007/ops}type") == "footnote" for n in notes.values())
    assert sorted(a.get("href")[1:] for a in calls) == sorted(notes)
    for note in notes.values():
        assert note.getparent().tag == f"{XHTML}li"
        (back,) = note.xpath(".//x:a[@role='doc-backlink']", namespaces=ns)
        assert back.get("href") == f"#ref-{note.get('id')}"


def _luminance(colour: str) -> float:
    if len(colour) == 4:  # #666 is #666666
        colour = "#" + "".join(c * 2 for c in colour[1:])
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_stylesheet_keeps_text_contrast_at_least_4_5_to_1():
    """WCAG 1.4.3 for every text colour of the one page and the EPUB, light and dark; and no
    opacity, which would lower it."""
    from edition.export.onepage_style import STYLESHEET
    light, dark = STYLESHEET.split("@media (prefers-color-scheme: dark)")[:2]
    for block, background in ((light, "#ffffff"), (dark.split("}\n}")[0], "#1e1e1e")):
        for name in ("text", "muted", "accent"):
            colour = re.search(rf"--{name}: (#[0-9a-f]{{6}}|#[0-9a-f]{{3}})\b", block)[1]
            assert contrast(colour, background) >= 4.5, (name, colour, background)
    assert "opacity" not in STYLESHEET
