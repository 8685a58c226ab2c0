"""Where the pinned Node tools of tests/tools/ live; skip locally, fail in CI, when missing."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

NODE_MODULES = Path(__file__).resolve().parent / "tools" / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def require(tool: Path, *programs: str) -> Path:
    """The tool's path; a skip (a failure when CI is set) if it or a program it needs is missing."""
    missing = [str(tool)] if not tool.exists() else []
    missing += [p for p in programs if shutil.which(p) is None]
    if missing:
        message = f"missing {', '.join(missing)}: run `npm ci --prefix tests/tools`"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return tool


def built_pages(site: Path) -> list[Path]:
    """Every HTML page of the site, the offline downloads included."""
    return sorted(site.rglob("*.html"))
