"""Readers' language: what a reader reads on any page of the site, in either language, holds
none of the maintainers' words (the configuration, the data files, the toolchain, the anchor
ledger, media types, a paragraph's id) and no raw date code: dates are in words, the codes are the machines' (datetime attributes,
the cite box's BibTeX and RIS, which a reader copies into a tool)."""
from __future__ import annotations

import re

import lxml.html

MAINTAINERS = re.compile(
    r"site_url|mkdocs\.yml|\.yml\b|\bnpm\b|registry|ledger|fingerprint|\bMIME\b|media type|`"
    # a paragraph by its id (p10), not by its number (¶ 10); an address (….html#p4) may hold it
    r"|(?-i:(?<![\w#/.\-])p\d+(?![\w#/\-]|\.\w))"
    # a date code: 2003-10-14, 2003-09-29~, 2003-10? (ISO 8601 / EDTF)
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{4}-\d{2}[~?%]", re.I)
# Not a reader's words: scripts and styles, the cite box's formats for citation managers, and
# what is hidden until a script shows it.
NOT_READ = ("//head", "//script", "//style", "//template", "//*[@hidden]",
            "//*[contains(@class, 'cite-format')]", "//pre")
# Words the editors quote as a source prints them (a page's own "Actualizado el 2003-11-25").
QUOTED_ELEMENTS = ("//q", "//blockquote")
QUOTED = re.compile(r'"[^"]*"|“[^”]*”|«[^»]*»')


def reader_text(path) -> str:
    root = lxml.html.parse(str(path)).getroot()
    for xpath in NOT_READ + QUOTED_ELEMENTS:
        for element in root.xpath(xpath):
            if element.getparent() is not None:
                element.drop_tree()
    return QUOTED.sub("“…”", " ".join(root.text_content().split()))


def test_no_page_speaks_the_maintainers_language(site):
    found = {}
    pages = [p for p in site.rglob("*.html") if "downloads" not in p.relative_to(site).parts]
    assert len(pages) > 100  # both languages
    for path in pages:
        text = reader_text(path)
        hits = [text[max(0, m.start() - 40):m.end() + 20] for m in MAINTAINERS.finditer(text)]
        if hits:
            found[path.relative_to(site).as_posix()] = hits[:3]
    assert found == {}


def test_an_address_written_in_the_editors_words_stays_whole(site):
    """The colophon's example of a permanent link keeps its #p4: only a paragraph named in
    words becomes '¶ 4'."""
    for path, address in (("method.html", "sections/massacre-in-el-alto.html#p4"),
                          ("es/method.html", "es/sections/massacre-in-el-alto.html#p4")):
        assert address in reader_text(site / path), path
