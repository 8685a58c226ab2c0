"""One sitemap for the whole site: each language's engine build writes its own (es/sitemap.xml,
with its gzip copy); their pages join the site's root sitemap, which crawlers are told of."""
from __future__ import annotations

import gzip
import re
from pathlib import Path

from ..model import Edition
from ..paths import language_prefix
from .mkdocs_engine import _epoch

_URLS = re.compile(r"<urlset[^>]*>(.*)</urlset>", re.S)


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
    root.write_text(text, encoding="utf-8")
    # as MkDocs writes it: compressed with the edition's date, so the bytes depend on it alone
    with gzip.GzipFile(site / "sitemap.xml.gz", "wb",
                       mtime=_epoch(edition.bibliography.edition.date)) as packed:
        packed.write(text.encode("utf-8"))
