"""The W3C Nu HTML checker finds no error in any built page."""
from __future__ import annotations

import json
import subprocess

import pytest
from tools import JAVA, VNU, built_pages, require

pytestmark = pytest.mark.slow


def test_every_page_is_valid_html(site):
    vnu = require(VNU, "java")
    pages = built_pages(site)
    result = subprocess.run([*JAVA, "-jar", str(vnu), "--errors-only", "--format", "json",
                             *map(str, pages)], capture_output=True, text=True, check=False)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{m['url'].split(str(site))[-1]}:{m.get('lastLine', '?')}: {m['message']}"
              for m in messages if m.get("type") == "error"]
    assert pages and errors == [], f"{len(errors)} errors:\n" + "\n".join(errors[:40])
