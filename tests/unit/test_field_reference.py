"""source/README.md's field reference is the declared records' (load/reference.py), and every
key it lists says what it means."""
from __future__ import annotations

import typing

from conftest import REPO
from edition.kinds import KINDS
from edition.load import FILES
from edition.load.reference import with_reference
from edition.model.declared import Declared


def test_the_field_reference_is_written_from_the_declared_records():
    readme = (REPO / "source" / "README.md").read_text(encoding="utf-8")
    assert with_reference(readme) == readme, "run `edition fields`"


def _records() -> list[type[Declared]]:
    """Every record `source/` is read into: each file's, each annotation kind's, and the records
    nested in them (evidence, counts, editors…), each once."""
    found: list[type[Declared]] = []

    def walk(record: type[Declared]) -> None:
        if record in found:
            return
        found.append(record)
        for field in record.model_fields.values():
            for nested in _declared_in(field.annotation):
                walk(nested)

    for _, record, _ in FILES:
        walk(record)
    for kind in KINDS:
        walk(kind.model)
    return found


def _declared_in(annotation: typing.Any) -> list[type[Declared]]:
    """The records a field's type holds: `Count`, `tuple[Count, ...]`, `Conjecture | None`."""
    if isinstance(annotation, type) and issubclass(annotation, Declared):
        return [annotation]
    return [record for arg in typing.get_args(annotation) for record in _declared_in(arg)]


def test_every_key_of_a_source_record_says_what_it_means():
    """The field reference's "meaning" column and the data export's schema come from these
    descriptions: a field without one is a key the editor is left to guess."""
    records = _records()
    names = {record.__name__ for record in records}
    assert {"Entity", "Evidence", "Person", "Count", "Shift", "Conjecture", "Lacuna"} <= names
    silent = []
    for record in records:
        schema = record.model_json_schema(by_alias=True, mode="validation")
        if not schema.get("description"):
            silent.append(f"{record.__name__} (a docstring)")
        # Read from the schema, as the reference is: a description pydantic leaves out (one
        # that repeats the nested record's docstring) leaves the meaning empty there too.
        silent += [f"{record.__name__}.{key}" for key, spec in schema["properties"].items()
                   if not spec.get("description", "").strip()]
    assert not silent, "give these Field(description=…) or a docstring: " + ", ".join(silent)
