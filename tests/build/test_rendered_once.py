"""Each block's text is rendered once per language for every page that shows it (its section
page, the whole article, and the books made of their trees); each page links from where it is."""
from __future__ import annotations

from collections import Counter

import lxml.html

import edition.pages.text as text
from conftest import FIXTURE, pages_by_language
from edition.load import load_source
from edition.model import BlockKind
from edition.place import build_edition


def test_each_block_is_rendered_once_per_language(monkeypatch):
    edition = build_edition(load_source(FIXTURE / "source"))
    renders: Counter = Counter()
    render = text.render_block_text

    def counted(block, *args):
        renders[block.id] += 1
        return render(block, *args)

    monkeypatch.setattr(text, "render_block_text", counted)
    pages = pages_by_language(edition)
    paragraphs = [b.id for b in edition.blocks
                  if b.kind not in (BlockKind.TITLE, BlockKind.HEADING)]
    assert len(pages) == 2 and paragraphs
    assert renders == Counter({block: len(pages) for block in paragraphs})


def test_the_same_mention_links_from_the_section_and_from_the_article(fixture_built):
    site = fixture_built / "site"
    section = next((site / "sections").glob("*.html"))
    hrefs = {}
    for page in (section, site / "article.html"):
        tree = lxml.html.fromstring(page.read_bytes())
        hrefs[page] = {(page.parent / a.get("href")).resolve()
                       for a in tree.xpath("//div[@class='transmitted']//a[@class='mention']")}
    assert hrefs[section] and hrefs[section] <= hrefs[site / "article.html"]
    assert all(target.is_file() for target in hrefs[section])
