"""Lighthouse for scripts/benchmark.py: installed into scripts/bench/ on demand (npm ci), run
with Debian's Chromium; each page's median run of several."""
from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

BENCH_TOOLS = Path(__file__).resolve().parent
LIGHTHOUSE = BENCH_TOOLS / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking"
METRICS = (("FCP", "first-contentful-paint"), ("LCP", "largest-contentful-paint"),
           ("TBT", "total-blocking-time"), ("CLS", "cumulative-layout-shift"),
           ("SI", "speed-index"))


def ensure_lighthouse() -> bool:
    if not LIGHTHOUSE.exists():
        print("installing Lighthouse into scripts/bench/ (npm ci) …", flush=True)
        subprocess.run(["npm", "ci", "--prefix", str(BENCH_TOOLS), "--no-audit", "--no-fund",
                        "--loglevel=error"], check=False, stdout=subprocess.DEVNULL)
    return LIGHTHOUSE.exists()


@dataclass(frozen=True)
class LighthouseRun:
    scores: dict[str, int]  # category title -> 0-100
    metrics: str            # the performance metrics as Lighthouse displays them
    below_one: tuple[str, ...]  # audits that lost points


def lighthouse_run(url: str) -> LighthouseRun | str:
    """One Lighthouse run (mobile defaults, simulated throttling), or its error line."""
    env = dict(os.environ, CHROME_PATH="/usr/bin/chromium")
    result = subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
                             f"--chrome-flags={CHROME_FLAGS}"], capture_output=True, text=True,
                            env=env, check=False)
    if result.returncode != 0:
        return (result.stderr.strip().splitlines() or ["?"])[-1]
    report = json.loads(result.stdout)
    failing = tuple(a["id"] for a in report["audits"].values()
                    if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") in
                    ("binary", "numeric", "metricSavings"))
    return LighthouseRun(
        scores={c["title"]: round((c["score"] or 0) * 100) for c in report["categories"].values()},
        metrics=", ".join(f"{name} {report['audits'][audit]['displayValue']}"
                          for name, audit in METRICS),
        below_one=failing)


def print_lighthouse(name: str, url: str, runs: int) -> None:
    """The median run by Performance score (Lighthouse's advice: the median of 5 runs is about
    twice as stable as one), with every run's Performance score so the spread is visible."""
    results = [lighthouse_run(url) for _ in range(runs)]
    done = sorted((r for r in results if isinstance(r, LighthouseRun)),
                  key=lambda r: r.scores.get("Performance", 0))
    if not done:
        print(f"lighthouse, {name:22} error: {results[0]}")
        return
    median = done[(len(done) - 1) // 2]
    spread = ", ".join(str(r.scores.get("Performance")) for r in done)
    print(f"lighthouse, {name:22} " + ", ".join(f"{k} {v}" for k, v in median.scores.items())
          + f"  (median of {len(done)}; Performance in each run: {spread})")
    print(f"    {median.metrics}")
    if median.below_one:
        print(f"    audits below 1: {', '.join(median.below_one)}")
