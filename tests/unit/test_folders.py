"""The test folders are what their markers say: no test outside tests/browser/ drives Chromium."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import BROWSER_CALLS

pytestmark = pytest.mark.unit  # (its code names the calls it looks for)

TESTS = Path(__file__).resolve().parents[1]
# A test or fixture that asks for the shared browser, or the page of one.
ASKS_FOR_A_BROWSER = re.compile(r"^def \w+\([^)]*\b(browser|offline_page)\b", re.M)


def test_only_tests_in_tests_browser_drive_chromium():
    found = []
    for path in sorted((TESTS / "unit").glob("*.py")) + sorted((TESTS / "build").glob("*.py")):
        if path == Path(__file__).resolve():
            continue  # it names the calls it looks for
        text = path.read_text(encoding="utf-8")
        found += [f"{path.relative_to(TESTS)}: {call}" for call in BROWSER_CALLS if call in text]
        found += [f"{path.relative_to(TESTS)}: asks for {m[1]}" for m in ASKS_FOR_A_BROWSER.finditer(text)]
    assert found == []


def test_the_check_sees_a_browser_test():
    assert ASKS_FOR_A_BROWSER.search("def test_x(site, browser):\n")
    assert any(call in "with chromium() as b:" for call in BROWSER_CALLS)
