"""The gates' tools: an install that fails is reported whole, and a missing tool fails its gate
(a skip only when EDITION_SKIP_MISSING_TOOLS says so)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

import tools


def _fake_npm(folder: Path, lines: int) -> None:
    """An npm that fails as Puppeteer's download does, the cause on its first line."""
    npm = folder / "npm"
    npm.write_text("#!/bin/sh\necho 'npm error the cause: Puppeteer tried to download Chrome' >&2\n"
                   f"i=0; while [ $i -lt {lines} ]; do echo \"npm error more $i\" >&2; i=$((i+1)); done\n"
                   "echo \"PUPPETEER_SKIP_DOWNLOAD=$PUPPETEER_SKIP_DOWNLOAD\" >&2\nexit 1\n")
    npm.chmod(0o755)


def test_a_failed_install_is_reported_whole_and_skips_puppeteers_download(tmp_path, monkeypatch):
    _fake_npm(tmp_path, 200)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(tools, "NODE_TOOLS", (tmp_path / "missing.js",))
    monkeypatch.setattr(tools, "TOOLS", tmp_path)
    trouble = tools._node_tools(say=lambda text: None)
    assert trouble.startswith("`npm ci --prefix") and "failed (exit code 1)" in trouble
    assert "the cause: Puppeteer tried to download Chrome" in trouble  # the first line kept
    assert "npm error more 199" in trouble and "PUPPETEER_SKIP_DOWNLOAD=1" in trouble


def test_a_missing_tool_fails_its_gate_with_the_cause(tmp_path, monkeypatch):
    monkeypatch.delenv(tools.SKIP, raising=False)
    monkeypatch.setenv(tools.TROUBLE, "`npm ci --prefix tests/tools` failed: no network")
    with pytest.raises(pytest.fail.Exception) as failed:
        tools.require(tmp_path / "axe.min.js", "node")
    assert "axe.min.js" in str(failed.value) and "no network" in str(failed.value)
    assert tools.SKIP in str(failed.value)  # the failure names the opt-out


def test_a_missing_tool_is_skipped_only_when_asked(tmp_path, monkeypatch):
    monkeypatch.setenv(tools.SKIP, "1")
    with pytest.raises(pytest.skip.Exception) as skipped:
        tools.require(tmp_path / "vnu.jar", "java")
    assert "vnu.jar" in str(skipped.value) and tools.SKIP in str(skipped.value)
    assert tools.require(Path(tools.__file__), "python3" if os.name == "posix" else "python")
