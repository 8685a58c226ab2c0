"""Versions a reader can cite: the version on every page, each version's fingerprints in the
ledger (1.0.0's derived from its commit), the changelog by anchor, old downloads kept, and a
renamed section's old address redirecting."""
from __future__ import annotations

import re

import hashlib
import shutil
import subprocess

import pytest
import yaml

from edition.load import load_source
from edition.load import raw as raw_source
from edition.pages.citebox import STAND_IN
from edition.place import anchors, build_edition
from edition.place.fingerprints import apparatus_fingerprints
from edition.place.ledger import read as read_ledger_file
from edition.problems import Problems

from conftest import (REPO, VERSION, RELEASED, RENAMED_NEW as NEW, RENAMED_OLD as OLD,
                      RENAMED_PARAGRAPH as PARAGRAPH)
from edition.i18n import messages

LEDGER = REPO / "source" / anchors.LEDGER
PUBLISHED_1_0_0 = "8f7172f"  # releases/README.md: the commit that published 1.0.0


def edition():
    return build_edition(load_source(REPO / "source"))


def test_the_new_pages_anchors_are_in_the_ledger():
    ed, urls = edition(), {a.url for a in anchors.read_ledger(LEDGER)}
    src = ed.source
    expected = {f"bibliography.html#{s.id}" for s in src.sources}
    expected |= {f"record.html#{e.id}" for e in src.record.entries}
    expected |= {f"register/figures.html#{c.id}" for c in src.record.comparisons}
    expected |= {"changelog.html#v1-0-0", "changelog.html#v1-1-0", "method.html#colophon",
                 "bibliography.html", "record.html", "changelog.html"}
    assert len(expected) > 100 and not expected - urls, sorted(expected - urls)[:5]


def test_every_page_of_the_table_is_a_permanent_address():
    from edition.pages import page_table
    from edition.paths import html_path
    paths = {html_path(s.path) for s in page_table(edition())}
    assert {p for p in paths if not p.startswith(("sections/", "entities/"))} == set(anchors.PAGES)


def test_each_version_has_its_fingerprints_and_the_current_ones_are_up_to_date():
    ed = edition()
    ledger = read_ledger_file(LEDGER, Problems())
    history = anchors.anchor_history(ed, LEDGER)
    assert history.versions == ("1.0.0", "1.1.0", "1.2.0") == tuple(history.recorded)
    assert history.versions[-1] == VERSION
    assert len(history.recorded["1.0.0"]) == 192  # the ledger of 1.0.0 had 192 anchors
    assert history.recorded[VERSION] == history.live, \
        f"the apparatus changed since {VERSION} was recorded: run `edition anchors --record`"
    assert ledger.sealed


def test_the_fingerprints_of_1_0_0_are_those_of_its_commit():
    if shutil.which("git") is None or subprocess.run(
            ["git", "-C", str(REPO), "cat-file", "-e", PUBLISHED_1_0_0],
            capture_output=True).returncode != 0:
        pytest.skip("no git history here")
    read = raw_source.from_commit(REPO, PUBLISHED_1_0_0)
    then = yaml.safe_load(read("bibliography.yml"))["edition"]["version"]
    old_ledger = [line.split("\t") for line in read(anchors.LEDGER).splitlines()
                  if line and not line.startswith("#")]
    ed = edition()
    derived = apparatus_fingerprints(raw_source.read_raw(read), {b.id: b.text for b in ed.blocks},
                                     [(url, digest) for url, digest in old_ledger])
    assert then == "1.0.0" and anchors.anchor_history(ed, LEDGER).recorded["1.0.0"] == derived


def test_the_changelog_lists_what_the_ledger_shows(site):
    page = (site / "changelog.html").read_text(encoding="utf-8")
    history = anchors.anchor_history(edition(), LEDGER)
    assert len(history.changed("1.1.0")) > 0 and len(history.added("1.1.0")) == 129
    assert "first publication, with 192" in page
    assert "the text or its notes changed at:" in page and "places added:" in page
    assert "ledger" not in page and "fingerprint" not in page  # the maintainers' words
    unchanged = "sections/the-problem-of-leadership.html#p34"
    assert unchanged not in history.changed("1.1.0")
    assert "sections/insurrection-in-la-paz.html#p13" in history.changed("1.1.0")
    lists = [[int(n) for n in re.findall(r'#p(\d+)">¶ \d+</a>', listed)]
             for listed in re.findall(r"(?:changed at|places added):</em>(.*?)</p>", page, re.S)]
    assert max(map(len, lists)) > 20 and all(ns == sorted(ns) for ns in lists)  # ¶ 2, then 10
    assert ">lacuna-p" not in page and ">Lacuna in ¶ 6</a>" in page  # named, not by its key
    assert not re.findall(r">[\w/-]+\.html(#[\w-]+)?</a>", page)  # a place by its name:
    assert '>Editorial method: Colophon</a>' in page  # the page's title, the heading's words


def test_every_page_names_its_version_in_the_footer(site):
    pages = [p for p in site.rglob("*.html") if p.relative_to(site).parts[0] != "downloads"
             and p.name != "404.html"  # not a page of the edition: no page record
             and "http-equiv=\"refresh\"" not in p.read_text(encoding="utf-8")]
    def line(page):  # in the page's language: Spanish under es/
        m = messages("es" if page.relative_to(site).parts[0] == "es" else "en")
        return m._("Version {version}, {date}", version=VERSION, date=m.date(RELEASED))
    missing = [p.name for p in pages if line(p) not in p.read_text(encoding="utf-8")]
    assert len(pages) > 120 and missing == []


def test_citations_name_the_version_in_their_address(site, site_with_url):
    published = (site_with_url / "sections" / "insurrection-in-la-paz.html").read_text(
        encoding="utf-8")
    assert f"https://example.org/insurrection/sections/insurrection-in-la-paz.html?v={VERSION}" \
        in published  # the section's box; its paragraphs' boxes come from the template:
    assert f"https://example.org/insurrection/sections/insurrection-in-la-paz.html?v={VERSION}#p{STAND_IN}" \
        in published
    # without site_url, cite.js fills in the address read at, from the versioned path
    page = (site / "sections" / "insurrection-in-la-paz.html").read_text(encoding="utf-8")
    assert f'data-cite-path="sections/insurrection-in-la-paz.html?v={VERSION}"' in page


def test_the_downloads_of_1_0_0_stay_available(site):
    kept = REPO / "releases" / "1.0.0"
    sums = dict(line.split()[::-1] for line in (kept / "SHA256SUMS").read_text().splitlines())
    names = {"bolivia-insurrection-la-paz-1.0.0.html", "bolivia-insurrection-la-paz-1.0.0.json"}
    assert names <= set(sums)
    for name, digest in sums.items():
        served = site / "downloads" / "1.0.0" / name
        assert hashlib.sha256(served.read_bytes()).hexdigest() == digest, name
    download = (site / "download.html").read_text(encoding="utf-8")
    assert 'href="downloads/1.0.0/bolivia-insurrection-la-paz-1.0.0.html"' in download


@pytest.mark.slow
def test_a_renamed_section_is_listed_in_the_ledger_and_keeps_its_old_address(renamed):
    ledger = (renamed / "source" / anchors.LEDGER).read_text(encoding="utf-8")
    assert f"sections/{OLD}.html#{PARAGRAPH}\t" in ledger
    assert f"moved to sections/{NEW}.html#{PARAGRAPH}: the section was renamed" in ledger
    assert f"moved to article.html#{NEW}:" in ledger
    old = (renamed / "site" / "sections" / f"{OLD}.html").read_text(encoding="utf-8")
    assert f'<meta http-equiv="refresh" content="0; url={NEW}.html">' in old
    assert f'href="{NEW}.html"' in old and "Content-Security-Policy" in old
    article = (renamed / "site" / "article.html").read_text(encoding="utf-8")
    assert f'id="{OLD}"' in article and f'id="{NEW}"' in article
