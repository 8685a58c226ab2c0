"""Every bad, careless or hostile input (tests/spoil.py) is found by `edition check`, in this
process, on a copy of the fixture edition: one `error:` line naming the file (and the line
that holds the bad value), what is wrong and the fix; no traceback; nothing built.
`edition check` is load + place + the checks across them (the ledger, mkdocs.yml, releases/),
the same validation `edition build` runs first (build.validate): tests/build/test_bad_input.py
runs a few of these cases through `edition build` end to end."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import fixture_project
from edition.load.releases import load_releases
from edition.problems import Problems
from spoil import CASES, ERROR_LINE, located, run

pytestmark = pytest.mark.unit


@pytest.fixture
def fixture(tmp_path) -> Path:
    return fixture_project(tmp_path / "edition")


@pytest.mark.parametrize("name", CASES)
def test_check_finds_each_bad_input_in_one_clear_line(fixture, capsys, name):
    change, where, message = CASES[name]
    change(fixture)
    where = located(where, fixture)
    code, errors, output = run(fixture, capsys, "check")
    assert code == 1, output
    assert len(errors) == 1, errors
    assert ERROR_LINE.match(errors[0]) and where in errors[0] and message in errors[0], errors
    assert "Traceback" not in output
    assert not (fixture / "site").exists() and not list(fixture.glob(".site-*"))


def test_check_passes_the_fixture_and_builds_nothing(fixture, capsys):
    code, errors, output = run(fixture, capsys, "check")
    assert code == 0 and errors == [] and "source/ is valid: 10 blocks" in output
    assert not (fixture / "site").exists() and not list(fixture.glob(".site-*"))


# --- releases/ (load/releases.py) ------------------------------------------------------------

def _releases(tmp_path: Path) -> Path:
    folder = tmp_path / "releases"
    (folder / "0.9.0").mkdir(parents=True)
    (folder / "0.9.0" / "a.html").write_text("old", encoding="utf-8")
    (folder / "0.9.0" / "SHA256SUMS").write_text("sums", encoding="utf-8")
    (folder / "README.md").write_text("why", encoding="utf-8")
    return folder


def _loaded(folder: Path) -> tuple[tuple, list[str]]:
    problems = Problems()
    releases = load_releases(folder, ("0.9.0", "1.0.0"), "1.0.0", problems)
    try:
        problems.raise_if_any()
    except Exception as err:
        return releases, [str(p) for p in err.problems]
    return releases, []


def test_a_release_folder_holds_the_files_of_an_earlier_version(tmp_path):
    releases, problems = _loaded(_releases(tmp_path))
    assert problems == [] and [(r.version, r.files) for r in releases] == [
        ("0.9.0", (("a.html", b"old"),))]


@pytest.mark.parametrize("spoil, expected", [
    (lambda f: (f / "0.9.0" / "b.html").symlink_to(f / "0.9.0" / "a.html"),
     "releases/0.9.0/b.html: is a symbolic link"),
    (lambda f: (f / "0.9.0" / "c.html").symlink_to("/etc/hostname"),
     "releases/0.9.0/c.html: is a symbolic link"),
    (lambda f: (f / "0.9.1").symlink_to(f / "0.9.0", target_is_directory=True),
     "releases/0.9.1: is a symbolic link"),
    (lambda f: (f / "0.9.0" / "old").mkdir(), "releases/0.9.0/old: is a folder"),
    (lambda f: (f / "latest").mkdir(), "releases/latest: folder 'latest' is not a version"),
    (lambda f: (f / "0.8.0").mkdir(), "releases/0.8.0: folder '0.8.0' is not a version"),
    (lambda f: (f / "1.0.0").mkdir(), "releases/1.0.0: version 1.0.0 is the one this build makes"),
])
def test_what_is_not_an_earlier_versions_file_is_refused(tmp_path, spoil, expected):
    folder = _releases(tmp_path)
    spoil(folder)
    _, problems = _loaded(folder)
    assert len(problems) == 1 and problems[0].startswith(expected) and " — " in problems[0]


def test_releases_that_is_a_link_is_refused(tmp_path):
    real = _releases(tmp_path / "elsewhere")
    (tmp_path / "releases").symlink_to(real, target_is_directory=True)
    releases, problems = _loaded(tmp_path / "releases")
    assert releases == () and len(problems) == 1
    assert problems[0].startswith("releases/: is a symbolic link")


NAMES = ('a<b>c.html', 'q"uote\'s.html', "link](javascript:alert(1)).html", "sp ace#frag?x=1.html",
         "<script>alert(1)</script>.txt", "[md](https://example.com/x).csv")


def test_a_release_file_name_is_only_ever_text_and_its_own_link(tmp_path):
    """On the Download page, as MkDocs turns it into HTML (mkdocs.yml's Markdown extensions):
    each name is the text of one link whose address is that file, and makes no markup."""
    import lxml.html
    import markdown
    import yaml
    from urllib.parse import unquote, urlsplit

    from edition.build import Project, validate
    from edition.load.releases import Release
    from edition.pages import Context, documents, render_pages
    from edition.pages.front import DOWNLOAD
    root = fixture_project(tmp_path / "edition")
    valid = validate(Project(root))
    ctx = Context(valid.edition, releases=(Release("0.9.0", tuple((n, b"x") for n in NAMES)),))
    pages = render_pages(ctx, tuple(s for s in valid.specs if s.path == DOWNLOAD))
    text = documents(ctx, pages)[DOWNLOAD].split("\n---\n", 1)[1]
    settings = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    extensions = [e if isinstance(e, str) else next(iter(e)) for e in settings["markdown_extensions"]]
    page = lxml.html.fromstring(f"<div>{markdown.markdown(text, extensions=extensions)}</div>")
    [listed] = page.xpath("//h3[@id='version-0-9-0']/following-sibling::ul[1]")
    links = listed.xpath(".//a")
    assert [a.text for a in links] == list(NAMES) and [len(a) for a in links] == [0] * len(NAMES)
    addresses = [urlsplit(a.get("href")) for a in links]  # the whole name is the file's path
    assert [unquote(u.path) for u in addresses] == [f"downloads/0.9.0/{n}" for n in NAMES]
    assert {(u.scheme, u.query, u.fragment) for u in addresses} == {("", "", "")}
    assert not page.xpath("//script | //a[starts-with(@href, 'javascript') or "
                          "starts-with(@href, 'http')]")
