"""Ace by DAISY finds nothing to report in the EPUBs the build ships, English and Spanish, with
and without a site URL (it drives Debian's Chromium)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import SHIPPED_EPUBS, shipped_epub


@pytest.fixture(params=SHIPPED_EPUBS)
def any_epub(request) -> Path:
    return shipped_epub(request, request.param)


def test_ace_by_daisy_finds_nothing_serious_or_critical(any_epub, tmp_path):
    """Ace by DAISY (npm @daisy/ace-cli, pinned in tests/tools) with Debian's Chromium, through
    puppeteer (no browser download: PUPPETEER_SKIP_DOWNLOAD at npm ci)."""
    import json
    import subprocess
    from conftest import CHROMIUM, require_chromium
    from tools import NODE_MODULES, require
    ace = require(NODE_MODULES / "@daisy" / "ace-cli" / "bin" / "ace.js", "node")
    require_chromium()
    out = tmp_path / "ace"
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": str(CHROMIUM)}
    result = subprocess.run(["node", str(ace), "--silent", "--force", "--outdir", str(out),
                             str(any_epub)], capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    found = [(b["earl:test"]["earl:impact"], b["earl:test"]["dct:title"],
              b["earl:result"].get("dct:description", ""))
             for a in report["assertions"] for b in a["assertions"]]
    impacts = {impact: sum(1 for f in found if f[0] == impact)
               for impact in ("critical", "serious", "moderate", "minor")}
    print(f"Ace: {report['earl:result']['earl:outcome']}, {impacts}")
    assert [f for f in found if f[0] in ("serious", "critical")] == []
    assert found == [], found  # nothing moderate or minor either, today
