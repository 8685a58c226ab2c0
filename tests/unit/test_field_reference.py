"""source/README.md's field reference is the declared records' (load/reference.py)."""
from __future__ import annotations

from conftest import REPO
from edition.load.reference import with_reference


def test_the_field_reference_is_written_from_the_declared_records():
    readme = (REPO / "source" / "README.md").read_text(encoding="utf-8")
    assert with_reference(readme) == readme, "run `edition fields`"
