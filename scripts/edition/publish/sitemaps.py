"""One sitemap for the whole site: each language's engine build writes its own (es/sitemap.xml,
with its gzip copy); their pages join the site's root sitemap, which crawlers are told of. Each
page's entry names the same page in every language (hreflang, and x-default: the edition's own
language), as search engines read them from a sitemap. The pages' heads do not: Material's
script fetches a sitemap.xml beside every <link rel="alternate"> it finds, which for a page's
twin is an address that does not exist."""
from __future__ import annotations

import gzip
import os
import re
from pathlib import Path

from ..model import Edition
from ..paths import language_prefix
from .mkdocs_engine import _epoch

_URLS = re.compile(r"<urlset[^>]*>(.*)</urlset>", re.S)
_LOC = re.compile(r"<loc>([^<]*)</loc>")
XHTML = "http://www.w3.org/1999/xhtml"


def merge_sitemaps(site: Path, edition: Edition) -> None:
    """Move the other languages' entries into site/sitemap.xml (and .xml.gz); no-op without
    a site URL (no sitemap is written then)."""
    root = site / "sitemap.xml"
    if not root.exists():
        return
    text = root.read_text(encoding="utf-8")
    for language in edition.source.languages[1:]:
        other = site / language_prefix(edition, language) / "sitemap.xml"
        if not other.exists():
            continue
        urls = _URLS.search(other.read_text(encoding="utf-8"))
        text = text.replace("</urlset>", (urls[1] if urls else "") + "</urlset>")
        other.unlink()
        other.with_suffix(".xml.gz").unlink(missing_ok=True)
    text = with_alternates(text, {language: language_prefix(edition, language)
                                  for language in edition.source.languages})
    root.write_text(text, encoding="utf-8")
    # as MkDocs writes it: compressed with the edition's date, so the bytes depend on it alone
    with gzip.GzipFile(site / "sitemap.xml.gz", "wb",
                       mtime=_epoch(edition.bibliography.edition.date)) as packed:
        packed.write(text.encode("utf-8"))


def with_alternates(text: str, folders: dict[str, str]) -> str:
    """Each entry's page in every language that has it (`folders`: each language's folder, the
    edition's own language first, '' at the root), as <xhtml:link rel="alternate">."""
    locs = _LOC.findall(text)
    if not locs:
        return text
    base = os.path.commonprefix(locs).rpartition("/")[0] + "/"  # the site's URL
    pages = set(locs)

    def page_of(loc: str) -> str:
        path = loc[len(base):]
        return next((path[len(f):] for f in folders.values() if f and path.startswith(f)), path)

    def links(found: re.Match) -> str:
        twins = [(language, base + folder + page_of(found[1]))
                 for language, folder in folders.items()]
        twins = [(language, url) for language, url in twins if url in pages]
        if len(twins) < 2:
            return found[0]
        twins.append(("x-default", twins[0][1]))
        return found[0] + "".join(f'\n         <xhtml:link rel="alternate" hreflang="{language}" '
                                  f'href="{url}"/>' for language, url in twins)

    text = text.replace('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"',
                        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                        f'xmlns:xhtml="{XHTML}"', 1)
    return _LOC.sub(links, text)
