"""Every page's head tells citation managers and search engines what it is, read by extruct."""
from __future__ import annotations

import json
import re
from pathlib import Path

import extruct
import lxml.etree
import pytest

from conftest import RELEASED, SITE_URL, VERSION
from htmltext import parse

SECTION = "sections/insurrection-in-la-paz.html"


def extract(page: Path, url: str) -> dict:
    return extruct.extract(page.read_text(encoding="utf-8"), base_url=url, uniform=True,
                           syntaxes=["json-ld", "opengraph", "dublincore", "microdata"])


def meta(page: Path, name: str) -> list[str]:
    return parse(page).xpath(f"//head/meta[@name='{name}' or @property='{name}']/@content")


def dublin_core(data: dict) -> dict[str, str]:
    found = data["dublincore"][0]
    return {e["name"]: e["content"] for e in found["elements"] + found.get("terms", [])}


@pytest.fixture(scope="module")
def published(site_with_url: Path) -> Path:
    """The site built with site_url set, as it would be published (one build, conftest)."""
    return site_with_url


def test_extruct_reads_title_dates_and_section_from_a_section_page(site):
    data = extract(site / SECTION, "http://localhost/" + SECTION)
    (article,) = data["json-ld"]
    assert article["@type"] == "Article" and article["name"] == "Insurrection in La Paz"
    assert article["datePublished"] == RELEASED
    assert article["isPartOf"]["name"] == "Bolivia - Insurrection in La Paz: A Digital Edition"
    assert article["isBasedOn"]["datePublished"] == "2003-10-14"
    assert "author" not in article and "author" not in article["isBasedOn"]
    assert {m["name"] for m in article["mentions"]} >= {"La Paz", "Gonzalo Sánchez de Lozada"}
    (og,) = data["opengraph"]
    assert og["og:title"] == "Insurrection in La Paz" and og["@type"] == "article"
    dc = dublin_core(data)
    assert dc["DC.title"] == "Insurrection in La Paz" and dc["DC.date"] == RELEASED
    assert dc["DC.relation.ispartof"] == "Bolivia - Insurrection in La Paz: A Digital Edition"
    assert "14 October 2003" in dc["DC.source"]
    assert meta(site / SECTION, "citation_inbook_title") == [
        "Bolivia - Insurrection in La Paz: A Digital Edition"]
    assert meta(site / SECTION, "citation_editor") == ["The Insurrection in La Paz Edition Team,"]
    assert meta(site / SECTION, "prism.edition") == [f"Version {VERSION}"]
    assert meta(site / SECTION, "citation_title") == ["Insurrection in La Paz"]
    assert meta(site / SECTION, "citation_publication_date") == [RELEASED.replace("-", "/")]
    assert meta(site / SECTION, "citation_author") == []  # unattributed


def test_without_site_url_no_absolute_url_is_invented(site):
    page = site / SECTION
    assert meta(page, "og:url") == [] and meta(page, "citation_public_url") == []
    assert parse(page).xpath("//link[@rel='canonical']") == []
    (article,) = extract(page, "http://localhost/")["json-ld"]
    assert "url" not in article and "@id" not in article
    assert not (site / "sitemap.xml").exists()


def test_every_page_has_citation_metadata_and_safe_json_ld(site):
    pages = [p for p in site.rglob("*.html")
             if p.name != "404.html" and "downloads" not in p.relative_to(site).parts]
    assert len(pages) > 20
    for page in pages:
        assert len(meta(page, "citation_title")) == 1, page
        (script,) = parse(page).xpath("//script[@type='application/ld+json']/text()")
        assert "<" not in script and json.loads(script)["@context"] == "https://schema.org"


def test_entity_pages_name_what_they_are_about(site):
    (node,) = extract(site / "entities/la-paz.html", "http://localhost/")["json-ld"]
    assert [m["@type"] for m in node["about"]] == ["Place"] and "mentions" not in node
    (node,) = extract(site / "entities/bolivia.html", "http://localhost/")["json-ld"]
    assert node["about"][0]["sameAs"] == "https://www.wikidata.org/wiki/Q750"


def test_published_site_has_absolute_urls_canonical_links_and_a_sitemap(published):
    page = published / SECTION
    url = SITE_URL + SECTION
    data = extract(page, url)
    (article,) = data["json-ld"]
    assert article["url"] == url and article["isPartOf"]["url"] == SITE_URL
    assert data["opengraph"][0]["og:url"] == url
    assert dublin_core(data)["DC.identifier"] == url
    assert meta(page, "citation_public_url") == [url]
    assert parse(page).xpath("//link[@rel='canonical']/@href") == [url]
    assert all(m["url"].startswith(SITE_URL + "entities/") for m in article["mentions"])
    # A paragraph's citation (its panel's box, from the section's template) names its URL
    # and the version cited.
    (template,) = parse(page).find_class("cite-template")
    stand_in = template.get("data-stand-in")
    assert f"{url}?v={VERSION}#p{stand_in}" in json.loads(template.get("data-box"))
    assert "[site_url]" not in page.read_text(encoding="utf-8")
    sitemap = lxml.etree.parse(str(published / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = sitemap.xpath("//s:url/s:loc/text()", namespaces=ns)
    assert url in locs and SITE_URL + "index.html" in locs
    assert set(sitemap.xpath("//s:url/s:lastmod/text()", namespaces=ns)) == {RELEASED}


def test_the_home_page_and_the_download_are_the_book_and_the_article_is_titled_as_it(site):
    home = site / "index.html"
    assert meta(home, "og:type") == ["book"] and meta(home, "DC.source") == []
    assert meta(home, "citation_inbook_title") == meta(home, "citation_journal_title") == []
    assert meta(home, "citation_title") == ["Bolivia - Insurrection in La Paz: A Digital Edition"]
    assert meta(site / "article.html", "citation_title") == ["Bolivia - Insurrection in La Paz"]
    [download] = (site / "downloads").glob("*[0-9].html")  # the whole edition in one file: the book
    assert meta(download, "citation_title") == meta(home, "citation_title")
    assert meta(download, "og:type") == ["book"] and meta(download, "citation_inbook_title") == []
    assert meta(download, "description") == meta(download, "citation_abstract") != []
    for page in (home, download, site / SECTION):  # the original article's date, for Zotero
        assert meta(page, "z.extra") == ["Original Date: 2003-10-14"]


def test_no_field_holds_an_escaped_entity(site):
    """Each value is escaped once: parsed, no meta tag nor title keeps a character reference."""
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    fields = 0
    for page in pages:
        tree = parse(page)
        values = tree.xpath("//head/meta/@content") + tree.xpath("//head/title/text()")
        fields += len(values)
        assert [v for v in values if re.search(r"&(#\w+|[a-z]+);", v)] == [], page
    assert len(pages) > 60 and fields > 60 * 20


def test_published_pages_all_carry_their_absolute_url(published):
    pages = [p for p in published.rglob("*.html")
             if p.name != "404.html" and "downloads" not in p.relative_to(published).parts]
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = set(lxml.etree.parse(str(published / "sitemap.xml")).xpath("//s:loc/text()",
                                                                      namespaces=ns))
    for page in pages:
        url = SITE_URL + page.relative_to(published).as_posix()
        # a language's home: its folder's URL (the Spanish pages are under es/)
        home = SITE_URL + ("es/" if page.relative_to(published).parts[0] == "es" else "")
        html_text = page.read_text(encoding="utf-8")
        assert meta(page, "og:url") == meta(page, "citation_public_url") == [url], page
        assert parse(page).xpath("//link[@rel='canonical']/@href") in ([url], [home]), page
        node = json.loads(parse(page).xpath("//script[@type='application/ld+json']/text()")[0])
        assert node["@id"] in (url, home), page
        assert url in locs or page.name == "index.html" and home + "index.html" in locs
        assert "cite-at-url" not in html_text and "[site_url]" not in html_text
