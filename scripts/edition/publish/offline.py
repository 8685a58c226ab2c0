"""The offline site: the built site as one zip that works unpacked, from file://, offline.

It is made from the built site, so it runs after the engine, not with the exporters.
The Download page lists it with its size, but the zip holds the Download page itself, and
a page cannot state the size of the file it is inside. So the page is rendered with the
zip's name and the words "this download", unlinked; the zip is made from the built site
as it is (so the copy inside the zip truthfully says "this download" and links to nothing
missing); then, in the published site only, that line gets its link and the zip's size.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..doc.html import to_html
from ..i18n import messages
from ..model import Edition
from ..pages.front import human_size, offline_listing as listing, zip_name
from ..paths import file_stem, language_prefix
from ..export.zipfiles import DeflatedCache, Entry, reproducible_zip
from .finish import ARTEFACTS, ThemeChanged

DOWNLOAD_PAGE = "download.html"
# Left out of the zip: source maps (only a browser's developer tools fetch them), the 404
# page (a web server's answer to a missing page; its links are root-absolute) and the
# sitemaps (for web crawlers; they carry the day of the build, so the zip would too).
LEFT_OUT_SUFFIXES = (".map",)
LEFT_OUT_FILES = ("404.html", "sitemap.xml", "sitemap.xml.gz")
# Browsers refuse to start a Worker from a file: URL, and Material runs search in one; the
# vendored iframe-worker shim runs it in a frame instead. Only the offline copy needs it, so
# only its pages load it, just before Material's bundle creates the worker.
WORKER_SHIM = "assets/vendor/iframe-worker-shim.js"
_BUNDLE_SCRIPT = re.compile(r'<script src="([^"]*)assets/javascripts/bundle\.')
_LISTING = re.compile(r'<span class="offline-zip">.*?</span>')


def offline_zip(site: Path, top: str, leave_out: str = "",
                cache: DeflatedCache | None = None) -> bytes:
    """Every file of the site, sorted, under one top folder; `leave_out` is the zip's own path."""
    files = [p.relative_to(site).as_posix() for p in sorted(site.rglob("*")) if p.is_file()
             and not p.name.endswith(LEFT_OUT_SUFFIXES)]
    # each language's site (es/) has its own 404 page and sitemaps: left out too
    return reproducible_zip([Entry(f"{top}/{name}", _offline_copy(site, name)) for name in files
                             if name != leave_out and name.rsplit("/", 1)[-1] not in LEFT_OUT_FILES],
                            cache)


def _offline_copy(site: Path, name: str) -> bytes:
    content = (site / name).read_bytes()
    if not name.endswith(".html") or name.startswith(f"{ARTEFACTS}/"):
        return content  # the engine's pages get the shim; downloads are copied as they are
    if b'<meta http-equiv="refresh"' in content:
        return content  # a moved page's redirect (pages/redirects.py): no search on it
    return with_worker_shim(content.decode("utf-8")).encode("utf-8")


def with_worker_shim(page: str) -> str:
    """The page loading the worker shim before Material's bundle."""
    bundle = _BUNDLE_SCRIPT.search(page)
    if not bundle:
        raise ThemeChanged("publish/offline.py: a page has no Material bundle to load the "
                           "search worker's shim before — update _BUNDLE_SCRIPT to the theme")
    shim = f'<script src="{bundle.group(1)}{WORKER_SHIM}"></script>\n  '
    return page[:bundle.start()] + shim + page[bundle.start():]


def write_offline_zip(edition: Edition, site: Path, zip_cache: Path | None = None) -> Path:
    """Zip the built site into its downloads/ folder, then put the size on the Download page.
    With a `zip_cache` folder, the members the last build deflated are read back from it."""
    relative = f"downloads/{zip_name(edition)}"
    cache = DeflatedCache(zip_cache) if zip_cache else None
    content = offline_zip(site, file_stem(edition), leave_out=relative, cache=cache)
    if cache:
        cache.forget_unused()
    target = site / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    for language in edition.source.languages:  # each language's Download page
        m, prefix = messages(language), language_prefix(edition, language)
        _link_with_size(site / prefix / DOWNLOAD_PAGE, to_html(listing(
            edition, m, human_size(len(content), m), up="../" * prefix.count("/"))))
    return target


def _link_with_size(page: Path, linked: str) -> None:
    text = page.read_text(encoding="utf-8")
    if len(_LISTING.findall(text)) != 1:
        raise ThemeChanged(f"{page.name}: the offline zip's line is not there exactly once — "
                           "the engine changed the Download page's markup (publish/offline.py)")
    page.write_text(_LISTING.sub(lambda _: linked, text), encoding="utf-8")
