"""Scale: build synthetic editions of 1x, 8x and 32x the article; time and peak memory.

    python3 scripts/benchmark.py --scale [--sizes 1 8 32]

Each size is generated as valid source/ data (synthetic.py), given a mkdocs.yml whose nav
lists its pages and a ledger of its anchors, then built by `edition build` in a fresh
process. Prints seconds and peak resident memory per size, and each size's ratios to 1x:
the goal is linear growth (32x the text in at most 33x the time).
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic  # noqa: E402

# Runs one build and prints its peak memory: the largest of this process and the ones it
# waited for (the export worker).
_CHILD = ("import resource, sys; from edition.cli import main; code = main(sys.argv[1:]); "
          "r = resource.getrusage; print('peak-kb', max(r(resource.RUSAGE_SELF).ru_maxrss, "
          "r(resource.RUSAGE_CHILDREN).ru_maxrss)); sys.exit(code)")


def project(repo: Path, root: Path, scale: int) -> dict[str, int]:
    """A project at `root` with a synthetic source/ of `scale`; its counts."""
    from edition.load import load_source
    from edition.pages import page_table
    from edition.place import anchors, build_edition
    source = synthetic.generate(repo, root, scale)
    shutil.copytree(repo / "scripts", root / "scripts", ignore=shutil.ignore_patterns(
        "__pycache__", "*.egg-info", "node_modules"))
    edition = build_edition(load_source(source))
    config = yaml.safe_load((repo / "mkdocs.yml").read_text(encoding="utf-8"))
    config["nav"] = [spec.path for spec in page_table(edition) if spec.in_nav]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    (source / anchors.LEDGER).write_text("", encoding="utf-8")
    anchors.record_ledger(edition, source / anchors.LEDGER)
    return {"paragraphs": sum(1 for b in edition.blocks if b.number),
            "annotations": len(edition.spans), "pages": len(page_table(edition))}


def build(root: Path) -> tuple[float, int]:
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-c", _CHILD, "--root", str(root), "build"],
                         capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if run.returncode != 0:
        raise SystemExit(f"the synthetic build failed:\n{run.stderr[-2000:]}")
    peak = next(int(line.split()[1]) for line in run.stdout.splitlines()
                if line.startswith("peak-kb"))
    return seconds, peak


def run(repo: Path, sizes: list[int]) -> int:
    figures = []
    with tempfile.TemporaryDirectory() as scratch:
        for scale in sizes:
            root = Path(scratch) / f"x{scale}"
            counts = project(repo, root, scale)
            seconds, peak = build(root)
            figures.append((scale, counts, seconds, peak))
            shutil.rmtree(root)
    base = figures[0]
    print(f"{'size':>5} {'paragraphs':>10} {'annotations':>11} {'pages':>6} {'seconds':>8} "
          f"{'x time':>7} {'peak MB':>8} {'x memory':>8}")
    for scale, counts, seconds, peak in figures:
        print(f"{scale:>4}x {counts['paragraphs']:>10} {counts['annotations']:>11} "
              f"{counts['pages']:>6} {seconds:>8.1f} {seconds / base[2]:>7.2f} "
              f"{peak / 1024:>8.0f} {peak / base[3]:>8.2f}")
    print(json.dumps({f"{s}x": {"seconds": round(t, 2), "peak_mb": round(m / 1024)}
                      for s, _, t, m in figures}))
    return 0
