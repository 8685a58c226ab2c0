"""The field reference of `source/README.md`, written from the declared records (model/, kinds/)
by `edition fields`: every file, every key, whether it is required, what it takes and what it
means, so the reference cannot drift from what the loader accepts."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ..kinds import KINDS
from ..model.fields import TAKES
from . import FILES

BEGIN = "<!-- field reference: written by `edition fields` from the declared records; do not edit -->"
END = "<!-- end of the field reference -->"
# The fields every statement shares: listed once, after the file's own fields.
SHARED_LAST = ("evidence", "basis", "paragraphs", "inference", "es")


def field_reference() -> str:
    parts = ["## Field reference", "",
             "Each file's keys as the build reads them. *Required* keys must be present; the "
             "others may be left out. A statement's `evidence`, `basis`, `paragraphs` and "
             "`inference` are explained in \"Citing sources\" above; `es` holds the editors' "
             "Spanish of the entry's reader-facing fields, under the same keys.", ""]
    for name, model, many in FILES:
        parts += _file(f"`{name}`" + (" (a list of entries)" if many else ""), model)
    for kind in KINDS:
        parts += _file(f"`annotations/{kind.file}` (block id → list of entries)", kind.model)
    return "\n".join(parts).rstrip() + "\n"


def _file(title: str, model: Any) -> list[str]:
    schema = model.model_json_schema(by_alias=True, mode="validation")
    definitions = schema.get("$defs", {})
    lines = [f"### {title}", "", schema.get("description", ""), ""]
    lines += _table(schema)
    for ref in _references(schema, definitions, []):
        nested = definitions[ref]
        lines += [f"**{_name(ref)}** — {nested.get('description', '')}", ""] + _table(nested)
    return lines


def _table(schema: dict) -> list[str]:
    properties = schema.get("properties", {})
    required = set(schema.get("required", ()))
    keys = sorted(properties, key=lambda k: (k in SHARED_LAST, SHARED_LAST.index(k)
                                             if k in SHARED_LAST else 0))
    rows = ["| key | required | takes | meaning |", "| --- | --- | --- | --- |"]
    for key in keys:
        spec = properties[key]
        rows.append(f"| `{key}` | {'yes' if key in required else ''} | {_takes(spec)} | "
                    f"{_cell(spec.get('description', ''))} |")
    return rows + [""]


def _takes(spec: dict) -> str:
    """What a value is, in words: text, a number, one of …, a list of …, a mapping."""
    if TAKES in spec:
        return spec[TAKES]
    options = [s for s in spec.get("anyOf", ()) if s.get("type") != "null"]
    if options:
        return " or ".join(_takes(s) for s in options)
    if "$ref" in spec:
        return f"a mapping ({_name(spec['$ref'].rsplit('/', 1)[-1])}, below)"
    if "enum" in spec:
        return "one of " + ", ".join(f"`{v}`" for v in spec["enum"])
    if "const" in spec:
        return f"`{spec['const']}`"
    kind = spec.get("type")
    if kind == "array":
        if "prefixItems" in spec:
            return "a pair [" + ", ".join(_takes(s) for s in spec["prefixItems"]) + "]"
        return "a list of " + _takes(spec.get("items", {}))
    if kind == "object":
        return "a mapping of text by key"
    return {"string": "text", "integer": "a whole number", "number": "a number",
            "boolean": "yes or no"}.get(kind, "a value")


def _references(schema: dict, definitions: dict, found: list[str]) -> list[str]:
    """The nested records a schema uses, each once, in the order they first appear."""
    for value in _walk(schema.get("properties", {})):
        ref = value.rsplit("/", 1)[-1]
        if ref not in found:
            found.append(ref)
            _references(definitions[ref], definitions, found)
    return found


def _walk(node: Any):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from _walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item)


def _name(ref: str) -> str:
    return ref.replace("_", " ")


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def with_reference(readme: str) -> str:
    """The README with its generated part (between the markers) written anew."""
    head, found, rest = readme.partition(BEGIN)
    if not found:
        return readme.rstrip("\n") + "\n\n" + BEGIN + "\n" + field_reference() + END + "\n"
    _, _, tail = rest.partition(END)
    return head + BEGIN + "\n" + field_reference() + END + tail


def write_reference(readme: Path) -> bool:
    """Rewrite the README's field reference; whether it changed."""
    before = readme.read_text(encoding="utf-8")
    after = with_reference(before)
    if after != before:
        readme.write_text(after, encoding="utf-8")
    return after != before
