"""Two builds from the same input are byte-identical, site and docs alike, whatever the day."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import ENGINE, copy_project, fixture_project
from edition.cli import main

pytestmark = pytest.mark.slow


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_second_build_is_byte_identical(built, tmp_path):
    """Every file of site/, the downloads among them, and of docs/; the second build with the
    caches the first one left (.cache/: citations, the offline zip's deflated members), which
    must give the bytes that making it all again gives."""
    again = copy_project(tmp_path / "again")
    shutil.copytree(built / ".cache", again / ".cache")
    assert any((again / ".cache" / "offline-zip").rglob("*"))
    assert main(["--root", str(again), "build", "--engine", ENGINE]) == 0
    for folder in ("site", "docs"):
        first, second = files(built / folder), files(again / folder)
        assert sorted(first) == sorted(second)
        assert [name for name in first if first[name] != second[name]] == []


def test_the_build_is_dated_by_the_edition_not_the_clock(tmp_path):
    root = fixture_project(tmp_path / "dated")  # the edition's date is the one with no comment
    config = root / "mkdocs.yml"  # a sitemap is written only when the public URL is known
    config.write_text(re.sub(r'^site_url: ""$', 'site_url: "https://example.org/ed/"',
                             config.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    bibliography = root / "source" / "bibliography.yml"
    text = bibliography.read_text(encoding="utf-8")
    bibliography.write_text(re.sub(r'^(  date: )"\d{4}-\d\d-\d\d"$', r'\1"2020-01-02"', text,
                                   count=1, flags=re.M), encoding="utf-8")
    assert main(["--root", str(root), "build"]) == 0
    packed = (root / "site" / "sitemap.xml.gz").read_bytes()
    assert int.from_bytes(packed[4:8], "little") == 1577923200  # gzip header mtime: 2020-01-02
    sitemap = (root / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>(.*?)</lastmod>", sitemap)) <= {"2020-01-02"}
