"""axe-core finds no WCAG 2.2 A/AA or best-practice violation on any page of the site, of either
language, light on a desktop; on any page type in all four settings; and on the offline copy's
pages, opened from file://."""
from __future__ import annotations

import pytest

from edition.publish.finish import ARTEFACTS
from served import one_of_each_type
from test_accessibility import DEVICES, SCHEMES, SECTION, axe_violations
from tools import AXE, require

# This module's Chromium (conftest's `browser`) composites on the page's main thread, where
# axe runs and reads what it checks (computed styles, boxes, hit tests), not on a thread of its
# own: that changes nothing axe reads, and the module takes about 7 % less time and CPU (108
# and 113 s against 121 and 118 s, runs taken in turn). The other modules keep a reader's
# Chromium; test_the_sweeps_report_a_planted_fault_of_each_costly_rule checks this one.
CHROMIUM_MORE_ARGS = ("--disable-threaded-compositing",)


def every_page(root) -> list[str]:
    """Every HTML page under `root`, the one-page download included; not the downloads of
    earlier versions (downloads/1.0.0/), which are kept byte for byte as they were published
    (releases/README.md), their faults included: this version's are the ones checked."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html")
                  if not _archived(p.relative_to(root).parts))


def _archived(parts: tuple[str, ...]) -> bool:
    return len(parts) > 2 and parts[0] == "downloads" and parts[1][:1].isdigit()


# Every page of both languages is checked once, light on a desktop; every page type (each
# page outside sections/ and entities/, and one of each of those, in each language) in all
# four settings. The offline copy's pages are the site's, byte for byte but the worker shim
# they load, opened from file://: every type of them, light on a desktop and dark on a phone,
# but its downloads/, which are the site's byte for byte and checked there in both settings.
# (Every page in every setting, site and copy, took over 5 minutes of CI's 15 with one
# language; every offline page, three more minutes with two.)
EVERY_PAGE = {"site": {("light", "desktop")}, "offline": set()}


def pages_to_check(root, copy: str, scheme: str, device: str) -> list[str]:
    pages = every_page(root)
    return pages if (scheme, device) in EVERY_PAGE[copy] else one_of_each_type(pages)


def in_language(pages: list[str], language: str) -> list[str]:
    """The pages of one language: es/ and the Spanish one-page download, or the others."""
    return [p for p in pages if (p.startswith("es/") or p.endswith("-es.html")) == (language == "es")]


def with_axe(context):
    """The context adds axe to every page it opens, before the page's own scripts (once, not
    sent again for each page)."""
    context.add_init_script(path=str(require(AXE)))
    return context


def run_axe_over(browser, base: str, pages: list[str], scheme: str, device: str) -> list[str]:
    context = with_axe(browser.new_context(color_scheme=scheme, bypass_csp=True,
                                           **DEVICES[device]))
    page = context.new_page()
    failures = []
    for path in pages:
        page.goto(base + path, wait_until="load")
        if not path.startswith("downloads/"):  # the one-page file has no palette switch
            expected = "slate" if scheme == "dark" else "default"
            assert page.evaluate("document.body.dataset.mdColorScheme") == expected, path
        failures += [f"{scheme} {device} {path}: {v}" for v in axe_violations(page)]
    context.close()
    return failures


# One fault for each of the rules that take most of axe's time, planted in a section: the
# sweeps' Chromium, harness and settings must report each.
PLANTED = {
    "color-contrast": "document.getElementById('p7').style.color = '#bbb'",
    "link-in-text-block": """document.getElementById('p4').insertAdjacentHTML('beforeend',
        ' <a href="#p7" style="color: #555; text-decoration: none">a link told by colour</a>')""",
    "target-size": """document.getElementById('p7').insertAdjacentHTML('afterend', '<div>'
        + '<button aria-label="one" style="all: unset; display: inline-block; width: 10px; '
        + 'height: 10px; background: #333"></button><button aria-label="two" style="all: unset; '
        + 'display: inline-block; width: 10px; height: 10px; background: #333"></button></div>')""",
}


def test_the_sweeps_report_a_planted_fault_of_each_costly_rule(server, browser):
    context = with_axe(browser.new_context(bypass_csp=True, **DEVICES["desktop"]))
    page = context.new_page()
    page.goto(server + SECTION, wait_until="load")
    assert axe_violations(page) == []
    for plant in PLANTED.values():
        page.evaluate(plant)
    found = {violation.split(" ")[0] for violation in axe_violations(page)}
    context.close()
    assert found == set(PLANTED), found


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_page_of_the_site_has_no_axe_violation(site, server, browser, scheme, device,
                                                     language):
    """Every page light on a desktop; every page type in all four settings; each language's
    pages (es/, and the Spanish one-page download) a test of their own, so that the two workers
    share the sweeps."""
    require(AXE)
    pages = in_language(pages_to_check(site, "site", scheme, device), language)
    assert any(p.startswith("downloads/") for p in pages) and len(pages) > 15
    failures = run_axe_over(browser, server, pages, scheme, device)
    print(f"axe: {len(failures)} violations over {len(pages)} pages ({scheme}, {device})")
    assert failures == [], f"{len(failures)} violations:\n" + "\n".join(failures)


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("scheme, device", [("light", "desktop"), ("dark", "phone")])
def test_every_page_of_the_offline_copy_has_no_axe_violation(unpacked, browser, scheme, device,
                                                             language):
    """From file://, as a reader of the zip opens it (its pages load the worker shim)."""
    require(AXE)
    pages = [p for p in in_language(pages_to_check(unpacked, "offline", scheme, device), language)
             if not p.startswith(f"{ARTEFACTS}/")]
    assert len(pages) > 10 and any(p.startswith(("register/", "es/register/")) for p in pages)
    failures = run_axe_over(browser, unpacked.as_uri() + "/", pages, scheme, device)
    print(f"axe: {len(failures)} violations over {len(pages)} offline pages ({scheme}, {device})")
    assert failures == [], f"{len(failures)} violations:\n" + "\n".join(failures)
