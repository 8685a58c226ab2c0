"""Benchmark: full build time against a plain `mkdocs build` of the same Markdown, and page bytes.

Run from the repository root after `edition build`:  python3 scripts/benchmark.py [--runs 3]
Prints figures; asserts nothing (goals are tracked by people, not by timed tests).
"""
from __future__ import annotations

import argparse
import gzip
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PAGE_TYPES = {
    "home": "index.html",
    "section": "sections/insurrection-in-la-paz.html",
    "whole article": "article.html",
    "register": "register/people.html",
    "entity": "entities/sanchez-de-lozada.html",
    "method": "method.html",
}


def timed(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def build_times(root: Path, runs: int) -> tuple[float, float]:
    """Median seconds of `edition build` and of `mkdocs build` on the docs/ it wrote."""
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        shutil.copy(root / "mkdocs.yml", work)
        for folder in ("source", "scripts"):
            shutil.copytree(root / folder, work / folder)
        edition = [sys.executable, "-m", "edition", "--root", str(work), "build"]
        plain = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir",
                 str(work / "plain-site")]
        timed(edition, work)  # warm-up, and docs/ for the plain build
        full, bare = [], []
        for _ in range(runs):
            full.append(timed(edition, work))
            bare.append(timed(plain, work))
    return statistics.median(full), statistics.median(bare)


def first_load_bytes(site: Path, page: str) -> tuple[int, int]:
    """Raw and gzip-compressed bytes of a page plus the local CSS/JS it loads on first view."""
    html_path = site / page
    html = html_path.read_text(encoding="utf-8")
    files = [html_path]
    for url in re.findall(r'<(?:link[^>]+href|script[^>]+src)="([^"#?]+)', html):
        if url.endswith((".css", ".js")) and "://" not in url:
            candidate = (html_path.parent / url).resolve()
            if candidate.exists():
                files.append(candidate)
    raw = sum(f.stat().st_size for f in files)
    packed = sum(len(gzip.compress(f.read_bytes(), 9, mtime=0)) for f in files)
    return raw, packed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--root", type=Path, default=Path.cwd())
    args = parser.parse_args()
    full, bare = build_times(args.root, args.runs)
    print(f"build: edition build {full:.2f} s, plain mkdocs build {bare:.2f} s, "
          f"ratio {full / bare:.2f} (median of {args.runs})")
    site = args.root / "site"
    pages = list(site.rglob("*.html"))
    print(f"site: {len(pages)} HTML pages")
    for name, page in PAGE_TYPES.items():
        if (site / page).exists():
            raw, packed = first_load_bytes(site, page)
            print(f"first load, {name:14} {raw:>9,} bytes raw, {packed:>8,} bytes gzip ({page})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
