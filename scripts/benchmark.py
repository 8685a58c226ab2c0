"""Benchmark: build time against a plain `mkdocs build`, edit→preview latency of `mkdocs serve`
(bench/preview.py; --only-build stops after these two), first-load bytes, Lighthouse scores.

Run from the repository root after `edition build`:
    python3 scripts/benchmark.py [--runs 3] [--lighthouse-runs 5]
    python3 scripts/benchmark.py --scale      (synthetic editions of 1x, 8x, 32x: bench/scale.py)
Compares a section page with a default Material page of the same text, and (unless
--no-lighthouse) runs Lighthouse from scripts/bench/ (npm ci on demand) with Debian's Chromium.
Prints figures; asserts nothing. Targets: build <= 1.2x plain; edit→preview <= 1 s; section
first load <= 1.1x the default Material page; every Lighthouse category 100.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import html
import http.server
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

BENCH_TOOLS = Path(__file__).resolve().parent / "bench"
sys.path.insert(0, str(BENCH_TOOLS))
from lighthouse import CHROME_FLAGS, ensure_lighthouse, print_lighthouse  # noqa: E402
# Every page type (issue 15: Lighthouse on each), the one-page downloads included, in both
# languages (issue 28: the Spanish pages under es/).
LIGHTHOUSE_PAGES = ("home", "section", "whole article", "register", "entity", "method",
                    "places", "timeline", "sources", "one-page download",
                    "es home", "es section", "es whole article", "es register", "es entity",
                    "es method", "es places", "es timeline", "es sources", "es one-page download")
SECTION = "insurrection-in-la-paz"

PAGE_TYPES = {
    "home": "index.html",
    "section": "sections/insurrection-in-la-paz.html",
    "whole article": "article.html",
    "register": "register/people.html",
    "entity": "entities/sanchez-de-lozada.html",
    "method": "method.html",
    # the views (issue 14): the map, the timeline, the sources view
    "places": "register/places.html",
    "timeline": "register/timeline.html",
    "sources": "register/sources.html",
}


def timed(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def build_times(root: Path, runs: int) -> tuple[float, float, float]:
    """Median seconds of `edition build` (with its citation cache, and cold without it) and
    of `mkdocs build` on the docs/ it wrote: every page of every language (mkdocs.yml without
    its exclude_docs, which leaves the Spanish pages to their own engine run)."""
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        shutil.copy(root / "mkdocs.yml", work)
        config = (root / "mkdocs.yml").read_text(encoding="utf-8")
        (work / "plain.yml").write_text(re.sub(r"(?m)^exclude_docs: \|\n(  .*\n)+", "", config),
                                        encoding="utf-8")
        for folder in ("source", "scripts"):
            shutil.copytree(root / folder, work / folder,
                            ignore=shutil.ignore_patterns("node_modules", "__pycache__"))
        edition = [sys.executable, "-m", "edition", "--root", str(work), "build"]
        plain = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", "plain.yml",
                 "--site-dir", str(work / "plain-site")]
        timed(edition, work)  # warm-up, and docs/ for the plain build
        full, cold, bare = [], [], []
        for _ in range(runs):
            full.append(timed(edition, work))
            bare.append(timed(plain, work))
            shutil.rmtree(work / ".cache", ignore_errors=True)  # as on a fresh clone
            cold.append(timed(edition, work))
    return statistics.median(full), statistics.median(cold), statistics.median(bare)


@dataclass(frozen=True)
class Transfer:
    """What the server sent for one page view: files fetched, bytes raw and as sent (gzip)."""

    files: int
    raw: int
    sent: int


def first_load(url: str, open_search: bool = False) -> Transfer:
    """Everything a fresh browser fetches to show `url` (no cache), counted at the server:
    the page, its CSS and JS, the favicon, and whatever the scripts fetch once the page has
    settled (Material's search worker; its index unless the edition defers it). With
    `open_search`, also what a reader's first search fetches."""
    from playwright.sync_api import sync_playwright
    base = url[:url.index("/", len("http://")) + 1]
    SENT[base] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROME_FLAGS.split()[1:])
        page = browser.new_context().new_page()
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(1000)
        if open_search:
            page.keyboard.press("/")
            page.keyboard.type("police")
            page.wait_for_selector(".md-search-result__item", timeout=10000)
        browser.close()
    log = SENT.pop(base)
    return Transfer(len(log), sum(raw for raw, _ in log), sum(sent for _, sent in log))


def default_material_site(root: Path, scratch: Path) -> Path:
    """A default Material site whose one page is the section's transmitted text, paragraph by
    paragraph: what the section would be with none of the edition's work."""
    sys.path.insert(0, str(root / "scripts"))
    from edition.build import Project, prepare
    section = next(s for s in prepare(Project(root)).edition.sections if s.id == SECTION)
    docs = scratch / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("\n\n".join(f"<p>{html.escape(b.text)}</p>"
                                               for b in section.blocks) + "\n", encoding="utf-8")
    # Google Fonts off: this machine is offline, and the edition loads no web fonts either.
    (scratch / "mkdocs.yml").write_text("site_name: Bolivia - Insurrection in La Paz\n"
                                        "theme:\n  name: material\n  font: false\n",
                                        encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet"], cwd=scratch, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return scratch / "site"


SENT: dict[str, list[tuple[int, int]]] = {}  # base URL -> (raw, sent) bytes of each response


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files gzip-compressed when the client accepts it, as a static host would, and
    counts what it sends."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()
        raw = path.read_bytes()
        base = f"http://{self.headers.get('Host')}/"
        if "gzip" not in self.headers.get("Accept-Encoding", ""):
            SENT.get(base, []).append((len(raw), len(raw)))
            return super().send_head()
        body = gzip.compress(raw, 6, mtime=0)
        SENT.get(base, []).append((len(raw), len(body)))
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=31536000")
        self.end_headers()
        from io import BytesIO
        return BytesIO(body)

    def log_message(self, *args) -> None:
        pass


@contextmanager
def serving(site: Path) -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


def print_build_times(full: float, cold: float, bare: float, runs: int) -> None:
    print(f"build: edition build {full:.2f} s, plain mkdocs build {bare:.2f} s, "
          f"ratio {full / bare:.2f} (median of {runs}); without the citation cache "
          f"(a fresh clone's first build) {cold:.2f} s, ratio {cold / bare:.2f}")


def print_first_loads(ours: str, default_page: str) -> None:
    for name, page in PAGE_TYPES.items():
        view = first_load(ours + page)
        print(f"first load, {name:14} {view.files:>3} files, {view.raw:>9,} bytes raw, "
              f"{view.sent:>8,} bytes gzip ({page})")
    default = first_load(default_page)
    section = first_load(ours + PAGE_TYPES["section"])
    print(f"first load, default Material page of the same section: {default.files} files, "
          f"{default.raw:,} bytes raw, {default.sent:,} bytes gzip; section ratio "
          f"{section.sent / default.sent:.2f} (target <= 1.10)")
    places = first_load(ours + PAGE_TYPES["places"])
    print(f"first load, places / section: {places.sent / section.sent:.2f} (target <= 1.15)")
    searched = first_load(ours + PAGE_TYPES["section"], open_search=True)
    default_searched = first_load(default_page, open_search=True)
    print(f"first load and a first search: section {searched.sent:,} bytes gzip, default "
          f"Material page {default_searched.sent:,} (its index holds one page, ours the edition)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="builds to time (0: none)")
    parser.add_argument("--root", type=Path, default=Path.cwd())
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--only-build", action="store_true")  # build times, edit→preview
    parser.add_argument("--lighthouse-runs", type=int, default=5,
                        help="Lighthouse runs per page; the median run is reported")
    parser.add_argument("--pages", nargs="+", default=list(LIGHTHOUSE_PAGES), metavar="TYPE",
                        help="page types for Lighthouse (default: every one): "
                        + ", ".join(f"'{p}'" for p in LIGHTHOUSE_PAGES))
    parser.add_argument("--scale", action="store_true",
                        help="only the scale benchmark: build time and memory at --sizes")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 8, 32])
    args = parser.parse_args()
    if args.scale:
        import scale
        return scale.run(args.root.resolve(), args.sizes)
    if args.runs > 0:
        print_build_times(*build_times(args.root, args.runs), args.runs)
        import preview
        preview.report(args.root.resolve(), args.runs)
    if args.only_build:
        return 0
    site = args.root / "site"
    print(f"site: {len(list(site.rglob('*.html')))} HTML pages")
    with tempfile.TemporaryDirectory() as scratch:
        default = default_material_site(args.root, Path(scratch))
        with serving(site) as ours_url, serving(default) as default_url:
            print_first_loads(ours_url, default_url + "index.html")
            if args.no_lighthouse or not ensure_lighthouse():
                return 0
            books = [p.relative_to(site).as_posix() for p in (site / "downloads").glob("*.html")]
            spanish = next(b for b in books if b.endswith("-es.html"))
            pages = dict(PAGE_TYPES, **{f"es {name}": f"es/{page}"
                                        for name, page in PAGE_TYPES.items()},
                         **{"one-page download": next(b for b in books if b != spanish),
                            "es one-page download": spanish})
            for name in args.pages:
                print_lighthouse(name, ours_url + pages[name], args.lighthouse_runs)
            print_lighthouse("default Material page", default_url + "index.html",
                             args.lighthouse_runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
