"""Final touches on each page the engine writes: the Content-Security-Policy, valid theme markup.

Material emits a few attributes the HTML standard forbids outside any template block we
could override (base.html's hidden toggles, the search partial); they are corrected here,
on the exact strings Material 9.8 writes, so the W3C checker finds no error.
"""
from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
import re
from functools import cache
from html import unescape
from pathlib import Path

from ..i18n import messages

# The inline scripts the edition ships, as its theme's partials and Material's write them (the
# localStorage helpers, the palette switch, search on demand). A page's inline script is allowed
# by its hash only when it is one of these, a template expression in it standing for a plain
# path (the page's base URL): a script that escaping failed to stop is still blocked. `file:`
# because Chromium does not let 'self' match file: URLs when the offline copy is opened from disk.
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_THEME = Path(__file__).resolve().parents[2] / "theme"
_SHIPPED_PARTIALS = ("partials/javascripts/base.html", "partials/javascripts/content.html",
                     "partials/javascripts/palette.html", "partials/search-on-demand.html",
                     "partials/redirect.html")
_TEMPLATE_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.S)
_PLAIN_PATH = r"[^\"'\\<>\s]*"  # a URL or path: nothing that ends a string or the script
_POLICY = ("default-src 'self' file:; script-src 'self' file: {hashes}; "
           "style-src 'self' file:{styles}; img-src 'self' file: data:; font-src 'self' file: data:; "
           "connect-src 'self' file:; worker-src 'self' file:; frame-src 'self' file:; "
           "object-src 'none'; base-uri 'self'; form-action 'self'")
_CHARSET = '<meta charset="utf-8">'
_LANG = re.compile(r'<html lang="([\w-]+)"')
_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)

# From file://, the vendored iframe-worker shim runs the search worker in an about:blank
# frame (which inherits this policy) through one inline script it writes from its own
# functions `c` and `d` and the worker's URL; that script is allowed by its hash too.
_SHIM = Path(__file__).resolve().parents[2] / "theme/assets/vendor/iframe-worker-shim.js"
_SHIM_FUNCTIONS = re.compile(r"(function c\(.*?)(function d\(.*?)var o=", re.S)
_SHIM_SCRIPT = ('postMessage={c};importScripts={d};addEventListener("error",({{error}})=>'
                '{{parent.dispatchEvent(new ErrorEvent("error",{{filename:"{url}",error}}))}})')

# autocomplete is not allowed on checkboxes; autocorrect is not an HTML attribute.
_CHECKBOX_FIXES = (
    ('type="checkbox" id="__drawer" autocomplete="off">', 'type="checkbox" id="__drawer">'),
    ('type="checkbox" id="__search" autocomplete="off">', 'type="checkbox" id="__search">'),
)
# Each engine's theme writes its own markup; every fix must match some page of a build, so
# a theme that changes stops the build (ThemeChanged) instead of going out unfixed.
THEME_FIXES = {
    "mkdocs": _CHECKBOX_FIXES + (
        (' autocapitalize="off" autocorrect="off" autocomplete="off"',
         ' autocapitalize="off" autocomplete="off"'),
        # The search dialog needs a name (axe: aria-dialog-name), in the page's language.
        ('class="md-search" data-md-component="search" role="dialog">',
         'class="md-search" data-md-component="search" role="dialog" aria-label="{search}">'),
    ),
    "zensical": _CHECKBOX_FIXES,
}
_BUNDLE = re.compile(r'<script src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js"( defer)?>')


# Without site_url, Zensical still writes a canonical link from the server's root, which is
# wrong wherever the site is not at a root, and breaks from file://: it is dropped.
# (Looked for as text first: the pattern, which starts with whitespace, is tried at every space of
# the page, 0.07 s for one language's pages, and MkDocs never writes it.)
_ROOT_CANONICAL = re.compile(r'\s*<link rel="canonical" href="/[^"]*">')
_ROOT_CANONICAL_TEXT = '<link rel="canonical" href="/'


class ThemeChanged(Exception):
    """The theme's output is not what a patch of it expects."""


_TOC_LABEL = '<label class="md-nav__title" for="__toc">'
# Material escapes a neighbour page's title (`| e`) into the footer link's aria-label, but the
# title is already escaped (pages.front_matter): one level is undone, so it reads as the text.
_FOOTER_LABEL = re.compile(r'(class="md-footer__link md-footer__link--(?:prev|next)" '
                           r'aria-label=")([^"]*)"')


def content_security_policy(html: str, engine: str = "mkdocs", styles: tuple[str, ...] = ()) -> str:
    """The policy for one page: only this site, plus the shipped inline scripts it holds by
    hash, and the theme's own inline `styles` (shipped_styles)."""
    shipped = _shipped_scripts(engine)
    scripts = [body for body in _INLINE_SCRIPT.findall(html)
               if any(script.fullmatch(body) for script in shipped)]
    scripts += _search_worker_frame_script(html)
    hashes = sorted({_sha256(body) for body in scripts})
    style_hashes = "".join(f" {_sha256(style)}" for style in styles)
    return _POLICY.format(hashes=" ".join(hashes), styles=style_hashes).replace("  ", " ")


# Zensical's search dialog lives in a shadow root with a <style> of its own, a string constant
# of the bundle (`C("style",{},Tc.toString())` in 0.0.73): allowed by its hash, as it ships.
_SHADOW_STYLE = re.compile(r'C\("style",\{\},(\w+)\.toString\(\)\)')


def shipped_styles(site: Path, engine: str) -> tuple[str, ...]:
    """The inline styles the engine's bundle in `site` writes; ThemeChanged if they cannot be
    found where the theme is known to write them."""
    if engine != "zensical":
        return ()
    bundles = sorted((site / "assets" / "javascripts").glob("bundle.*.min.js"))
    code = bundles[0].read_text(encoding="utf-8") if bundles else ""
    names = _SHADOW_STYLE.findall(code)
    styles = [re.search(rf"\b{name}='([^'\\]*)'", code) for name in names]
    if not names or not all(styles):
        raise ThemeChanged("publish/finish.py: Zensical's bundle no longer writes its search "
                           "dialog's style as _SHADOW_STYLE expects — update it to the bundle")
    return tuple(style.group(1) for style in styles)


def _search_worker_frame_script(html: str) -> list[str]:
    config, functions = _CONFIG.search(html), _shim_functions()
    if not config or not functions or "search" not in json.loads(config.group(1)):
        return []
    url = json.loads(config.group(1))["search"]
    return [_SHIM_SCRIPT.format(c=functions[0], d=functions[1], url=url)]


# The package whose templates each engine's theme is made of: the partials the edition keeps.
_THEME_PACKAGES = {"mkdocs": "material", "zensical": "zensical"}


@cache
def _shipped_scripts(engine: str) -> tuple[re.Pattern, ...]:
    """Each shipped inline script as a pattern: its text, each template expression a plain path."""
    package = importlib.util.find_spec(_THEME_PACKAGES[engine])
    theme_templates = Path(package.submodule_search_locations[0]) / "templates"
    scripts = []
    for partial in _SHIPPED_PARTIALS:
        path = _THEME / partial if (_THEME / partial).exists() else theme_templates / partial
        for body in _INLINE_SCRIPT.findall(path.read_text(encoding="utf-8")):
            parts = _TEMPLATE_EXPRESSION.split(body)
            scripts.append(re.compile(_PLAIN_PATH.join(re.escape(part) for part in parts), re.S))
    return tuple(scripts)


@cache
def _shim_functions() -> tuple[str, str] | None:
    match = _SHIM_FUNCTIONS.search(_SHIM.read_text(encoding="utf-8")) if _SHIM.exists() else None
    return match.groups() if match else None


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def finish_page(html: str, engine: str = "mkdocs", where: str = "a page",
                styles: tuple[str, ...] = ()) -> tuple[str, set[int]]:
    """The page with valid theme markup and its Content-Security-Policy first in <head>,
    and which of `fixes` matched it."""
    fixes = THEME_FIXES[engine]
    matched = {n for n, (old, _) in enumerate(fixes) if old in html}
    language = _LANG.search(html)
    search = messages(language[1] if language else "en")._("Search")
    for old, new in fixes:
        html = html.replace(old, new.replace("{search}", search))
    if _ROOT_CANONICAL_TEXT in html:
        html = _ROOT_CANONICAL.sub("", html)
    html = _FOOTER_LABEL.sub(lambda m: f'{m[1]}{unescape(m[2])}"', html)
    if 'id="__toc"' not in html:  # pages outside the nav have no table-of-contents toggle
        html = html.replace(_TOC_LABEL, '<label class="md-nav__title">')
    bundle = _BUNDLE.search(html)
    if bundle and not bundle.group(1):
        raise ThemeChanged(f"{where}: Material's bundle is not deferred — main.html's scripts "
                           "block must match how the theme writes the script tag")
    if _CHARSET not in html:
        raise ThemeChanged(f"{where}: no {_CHARSET} to put the Content-Security-Policy after — "
                           "update publish/finish.py to how the theme starts <head>")
    meta = (f'<meta http-equiv="Content-Security-Policy" '
            f'content="{content_security_policy(html, engine, styles)}">')
    return html.replace(_CHARSET, f"{_CHARSET}\n    {meta}", 1), matched


ARTEFACTS = "downloads"  # copied into the site as they are: not the engine's pages


def finish_site(site: Path, engine: str, prefix: str = "") -> None:
    """Finish every HTML page the engine wrote, in place; stop if a fix matched no page.
    `site` is one language's site, which will be at `prefix` (es/) in the whole site: each
    language's pages are written by the same theme, so each fix must match some page of each."""
    fixes, unmatched = THEME_FIXES[engine], set(range(len(THEME_FIXES[engine])))
    styles = shipped_styles(site, engine)
    for path in sorted(site.rglob("*.html")):
        if path.relative_to(site).parts[0] == ARTEFACTS:
            continue
        html, matched = finish_page(path.read_text(encoding="utf-8"), engine,
                                    prefix + path.relative_to(site).as_posix(), styles)
        path.write_text(html, encoding="utf-8")
        unmatched -= matched
    for n in sorted(unmatched):
        raise ThemeChanged(f"publish/finish.py: the {engine} theme no longer writes "
                           f"{fixes[n][0]!r} — update THEME_FIXES to what it writes now")
