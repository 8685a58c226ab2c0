"""Every internal link and fragment in the built site resolves; no page asks another host."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit


from htmltext import parse

RESOURCE_ATTRIBUTES = ("src", "href")


def html_pages(site: Path) -> list[Path]:
    # 404.html is served at any missing path, so MkDocs writes its links from the site root.
    return sorted(p for p in site.rglob("*.html")
                  if "downloads" not in p.parts and p.name != "404.html")


def broken_links(root: Path, pages: list[Path]) -> list[str]:
    """Internal links and fragments in `pages` that do not resolve inside `root`."""
    ids: dict[Path, set[str]] = {}
    broken = []
    for page in pages:
        tree = parse(page)
        for element in tree.xpath("//a[@href] | //link[@href] | //script[@src] | //img[@src]"):
            url = element.get("href") or element.get("src")
            parts = urlsplit(url)
            if parts.scheme or url.startswith("//") or url.startswith("mailto:"):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(root)}: {url}")
                continue
            if parts.fragment and target.suffix == ".html":
                if target not in ids:  # (setdefault would parse it again for every link)
                    ids[target] = set(parse(target).xpath("//@id"))
                if parts.fragment not in ids[target]:
                    broken.append(f"{page.relative_to(root)}: {url} (no such id)")
    return broken


def test_every_internal_link_and_fragment_resolves(site):
    assert broken_links(site, html_pages(site)) == []


def test_every_link_in_the_offline_copy_resolves(site, tmp_path):
    archives = sorted((site / "downloads").glob("*.zip"))
    assert archives, "no offline archive in site/downloads/"
    for archive in archives:
        folder = tmp_path / archive.stem
        with zipfile.ZipFile(archive) as opened:
            opened.extractall(folder)
        pages = sorted(p for p in folder.rglob("*.html") if p.name != "404.html")
        assert pages, archive.name
        assert broken_links(folder, pages) == [], archive.name


def test_no_page_loads_anything_from_another_host(site):
    offenders = []
    for page in html_pages(site):
        text = page.read_text(encoding="utf-8")
        for match in re.finditer(r'<(?:script|link|img|iframe|source)\b[^>]*?(?:src|href)="(https?:)?//', text):
            offenders.append(f"{page.relative_to(site)}: {match.group(0)[:80]}")
        assert "fonts.googleapis" not in text and "unpkg.com" not in text
    assert offenders == []


def test_every_block_has_a_permalink_control_in_its_margin(site):
    """The number beside each paragraph is its permalink (its panel, opened from the number,
    has the copy-link button: tests/browser/test_reading.py)."""
    tree = parse(site / "sections" / "insurrection-in-la-paz.html")
    blocks = tree.xpath("//p[contains(@class, 'tb')]")
    assert blocks
    for block in blocks:
        block_id = block.get("id")
        assert block.xpath(f"../div[@class='ed margin']/a[@class='pn'][@href='#{block_id}']"), block_id
