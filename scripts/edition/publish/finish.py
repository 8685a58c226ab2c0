"""Final touches on each page the engine writes: the Content-Security-Policy, valid theme markup.

Material emits a few attributes the HTML standard forbids outside any template block we
could override (base.html's hidden toggles, the search partial); they are corrected here,
on the exact strings Material 9.8 writes, so the W3C checker finds no error.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import cache
from pathlib import Path

# Scripts Material writes inline (the localStorage helpers, the palette bootstrap); allowed by
# hash so no other inline script can run. `file:` because Chromium does not let 'self' match
# file: URLs when the offline copy is opened from disk.
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_POLICY = ("default-src 'self' file:; script-src 'self' file: {hashes}; "
           "style-src 'self' file:; img-src 'self' file: data:; font-src 'self' file: data:; "
           "connect-src 'self' file:; worker-src 'self' file:; frame-src 'self' file:; "
           "object-src 'none'; base-uri 'self'; form-action 'self'")
_CHARSET = '<meta charset="utf-8">'
_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)

# From file://, the vendored iframe-worker shim runs the search worker in an about:blank
# frame (which inherits this policy) through one inline script it writes from its own
# functions `c` and `d` and the worker's URL; that script is allowed by its hash too.
_SHIM = Path(__file__).resolve().parents[2] / "theme/assets/vendor/iframe-worker-shim.js"
_SHIM_FUNCTIONS = re.compile(r"(function c\(.*?)(function d\(.*?)var o=", re.S)
_SHIM_SCRIPT = ('postMessage={c};importScripts={d};addEventListener("error",({{error}})=>'
                '{{parent.dispatchEvent(new ErrorEvent("error",{{filename:"{url}",error}}))}})')

_THEME_FIXES = (
    # autocomplete is not allowed on checkboxes; autocorrect is not an HTML attribute.
    ('type="checkbox" id="__drawer" autocomplete="off">', 'type="checkbox" id="__drawer">'),
    ('type="checkbox" id="__search" autocomplete="off">', 'type="checkbox" id="__search">'),
    (' autocapitalize="off" autocorrect="off" autocomplete="off"', ' autocapitalize="off" autocomplete="off"'),
    # The search dialog needs a name (axe: aria-dialog-name).
    ('class="md-search" data-md-component="search" role="dialog">',
     'class="md-search" data-md-component="search" role="dialog" aria-label="Search">'),
)
_TOC_LABEL = '<label class="md-nav__title" for="__toc">'


def content_security_policy(html: str) -> str:
    """The policy for one page: only this site, plus the page's own inline scripts by hash."""
    scripts = _INLINE_SCRIPT.findall(html) + _search_worker_frame_script(html)
    hashes = sorted({_sha256(body) for body in scripts})
    return _POLICY.format(hashes=" ".join(hashes)).replace("  ", " ")


def _search_worker_frame_script(html: str) -> list[str]:
    config, functions = _CONFIG.search(html), _shim_functions()
    if not config or not functions or "search" not in json.loads(config.group(1)):
        return []
    url = json.loads(config.group(1))["search"]
    return [_SHIM_SCRIPT.format(c=functions[0], d=functions[1], url=url)]


@cache
def _shim_functions() -> tuple[str, str] | None:
    match = _SHIM_FUNCTIONS.search(_SHIM.read_text(encoding="utf-8")) if _SHIM.exists() else None
    return match.groups() if match else None


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def finish_page(html: str) -> str:
    """The page with valid theme markup and its Content-Security-Policy first in <head>."""
    for old, new in _THEME_FIXES:
        html = html.replace(old, new)
    if 'id="__toc"' not in html:  # pages outside the nav have no table-of-contents toggle
        html = html.replace(_TOC_LABEL, '<label class="md-nav__title">')
    meta = (f'<meta http-equiv="Content-Security-Policy" '
            f'content="{content_security_policy(html)}">')
    return html.replace(_CHARSET, f"{_CHARSET}\n    {meta}", 1)


ARTEFACTS = "downloads"  # copied into the site as they are: not the engine's pages


def finish_site(site: Path) -> None:
    """Finish every HTML page the engine wrote, in place."""
    for path in sorted(site.rglob("*.html")):
        if path.relative_to(site).parts[0] == ARTEFACTS:
            continue
        path.write_text(finish_page(path.read_text(encoding="utf-8")), encoding="utf-8")
