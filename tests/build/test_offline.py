"""The offline zip, unpacked: its version, its files, its links (in a browser with the network
off: tests/browser/test_offline_browser.py)."""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest


from edition.doc.html import to_html
from edition.i18n import messages
from edition.paths import file_stem
from edition.publish.offline import human_size, listing, zip_name
from edition.load import load_source
from edition.place import build_edition

NOT_FILES = ("http:", "https:", "mailto:", "data:", "javascript:", "#")


@pytest.fixture(scope="module")
def edition(built):
    return build_edition(load_source(built / "source"))


def test_the_zip_carries_the_version_and_unpacks_into_one_folder_of_that_name(site, unpacked,
                                                                            edition):
    assert (site / "downloads" / zip_name(edition)).is_file()
    assert unpacked.name == file_stem(edition)


def local_links(page: Path) -> list[str]:
    tree = lxml.html.fromstring(page.read_bytes())
    return [value for element in tree.iter() if isinstance(element.tag, str)
            for name, value in element.attrib.items()
            if name in ("href", "src") and value and not value.startswith(NOT_FILES)]


def test_every_link_in_the_unpacked_site_points_at_a_file(unpacked):
    pages = sorted(unpacked.rglob("*.html"))
    assert len(pages) > 40
    checked = 0
    for page in pages:
        for link in local_links(page):
            target = (page.parent / unquote(urlsplit(link).path)).resolve()
            assert target.is_file(), f"{page.relative_to(unpacked)}: {link}"
            checked += 1
    index = json.loads((unpacked / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        assert (unpacked / doc["location"].split("#")[0]).is_file(), doc["location"]
    assert checked > 1000


def test_the_zip_holds_the_site_but_not_itself_nor_source_maps(site, edition, unpacked):
    inside = {p.relative_to(unpacked).as_posix() for p in unpacked.rglob("*") if p.is_file()}
    published = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    left_out = {"404.html", "sitemap.xml", "sitemap.xml.gz"}
    assert inside == {p for p in published if not p.endswith((".map", "-offline.zip"))
                      and p.rsplit("/", 1)[-1] not in left_out}  # each language's too
    m = messages("en")
    size = human_size((site / "downloads" / zip_name(edition)).stat().st_size, m)
    inside_page = (unpacked / "download.html").read_text(encoding="utf-8")
    published_page = (site / "download.html").read_text(encoding="utf-8")
    unsized, sized = to_html(listing(edition, m)), to_html(listing(edition, m, size))
    assert unsized in inside_page and size not in inside_page
    assert sized in published_page and unsized not in published_page
