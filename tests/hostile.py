"""Hostile text for every text field of source/: which fields there are (from the declared
records, model/ and kinds/, not listed by hand), the payloads, and planting them in a copy."""
from __future__ import annotations

import functools
import json
import re
import shutil
import types
import typing
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import lxml.html
import yaml

from edition.kinds import KINDS
from edition.load import FILES as load_files, load_source, yamlfile
from edition.load.validate import model_at
from edition.model import Declared, Translated
from edition.model.declared import yaml_key as yamlfile_key
from edition.place import build_edition
from edition.problems import SourceError


@dataclass(frozen=True, order=True)
class TextField:
    """One kind of text field: a key of the mappings the loader reads at some place in a file."""

    file: str  # source/… as the loader names it
    what: str  # the loader's name for the mapping ("an entity", "the edition", …)
    key: str
    list_of_texts: bool = False

    @property
    def name(self) -> str:
        return f"{self.file.removeprefix('source/')}: {self.what}: {self.key}"


@dataclass(frozen=True)
class _Read:
    field: TextField
    line: int  # the line of the mapping it was read from
    present: bool


# Each file of source/ and the record its entries are (a list of them, or one).
FILES = {name: (model, many) for name, model, many in load_files}


def _is_text(annotation: Any, metadata: list[Any]) -> bool:
    """A field written as text: free text, or an id, a date, an address checked as it is read."""
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation is str


def _text_kind(annotation: Any, metadata: list[Any] = ()) -> str:
    """'text', 'texts' (a list of them), or '' for a field that is not text."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if _is_text(annotation, list(metadata)):
        return "text"
    if origin in (typing.Union, types.UnionType):
        kinds = {_text_kind(a) for a in args if a is not type(None)}
        return kinds.pop() if len(kinds) == 1 else ""
    if origin is tuple and args and args[-1] is Ellipsis:
        return "texts" if _text_kind(args[0]) == "text" else ""
    return ""


def _records(model: type) -> list[tuple[str, type]]:
    """The record fields of a record: (YAML key, the record type inside)."""
    found = []
    for name, info in model.model_fields.items():
        inner = model_at(model, (model.key(name),))
        if isinstance(inner, type) and issubclass(inner, Declared):
            found.append((model.key(name), inner))
    return found


def _declared(model: type, node: Any, display: str) -> Iterator[_Read]:
    """The text fields of `model` at the mapping `node`, then of the records inside it."""
    if not isinstance(node, yamlfile.Map):
        return
    for name, info in model.model_fields.items():
        key, kind = model.key(name), _text_kind(info.annotation, info.metadata)
        if kind and name not in ("where",):
            yield _Read(TextField(display, model.WHAT, key, kind == "texts"), node.line,
                        key in node)
    if issubclass(model, Translated):
        for key in (yamlfile_key(n) for n in model.translated_fields() + model.OPTIONAL_TRANSLATED):
            spanish = node.get("es")
            yield _Read(TextField(display, f"{model.WHAT} in Spanish", key),
                        spanish.line if isinstance(spanish, yamlfile.Map) else node.line,
                        isinstance(spanish, yamlfile.Map) and key in spanish)
    for key, inner in _records(model):
        value = node.get(key)
        for item in value if isinstance(value, list) else [value]:
            yield from _declared(inner, item, display)


def _reads_in(source: Path) -> Iterator[_Read]:
    for name, (model, many) in FILES.items():
        display = f"source/{name}"
        if not (source / name).exists():
            continue
        tree = yamlfile.load_yaml(source / name, display, _Ignore())
        for node in tree if many else [tree]:
            yield from _declared(model, node, display)
    for kind in KINDS:
        display = f"source/annotations/{kind.file}"
        if not (source / "annotations" / kind.file).exists():
            continue
        tree = yamlfile.load_yaml(source / "annotations" / kind.file, display, _Ignore())
        for items in tree.values():
            for item in items:
                yield from _declared(kind.model, item, display)


@functools.lru_cache(maxsize=4)
def _reads(source: Path) -> tuple[_Read, ...]:
    """Every text field the declared records of source/ have, where each mapping is."""
    return tuple(_reads_in(source))


def text_fields(source: Path) -> list[TextField]:
    """Every kind of text field the loader reads from `source`, present in the files or not."""
    return sorted({r.field for r in _reads(source)})


def _mappings(node: Any, found: dict[int, yamlfile.Map]) -> dict[int, yamlfile.Map]:
    if isinstance(node, yamlfile.Map):
        found.setdefault(node.line, node)
        for value in node.values():
            _mappings(value, found)
    elif isinstance(node, list):
        for item in node:
            _mappings(item, found)
    return found


def _plain(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: _plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_plain(item) for item in node]
    return node


@dataclass(frozen=True)
class Planting:
    """A value for a field, at the mappings (by line) it goes into."""

    value: str
    lines: tuple[int, ...]


def placements(source: Path, field: TextField) -> list[tuple[int, ...]]:
    """Where a field can be planted: every mapping that holds it; for a field no mapping holds,
    each mapping the loader read it from, one at a time (it may mean something in one only)."""
    own = _reads_of(source).get(field, [])
    present = tuple(sorted({r.line for r in own if r.present}))
    tried = [(line,) for line in dict.fromkeys(r.line for r in own)][:TRIED_PLACES]
    return [present] if present else tried


@functools.lru_cache(maxsize=4)
def _reads_of(source: Path) -> dict[TextField, list[_Read]]:
    by_field: dict[TextField, list[_Read]] = {}
    for read in _reads(source):
        by_field.setdefault(read.field, []).append(read)
    return by_field


TRIED_PLACES = 4  # for a field no mapping holds (enough to reach a heading among decisions)


def plant(source: Path, plantings: dict[TextField, Planting]) -> None:
    """Write each field's value into its mappings, rewriting the YAML files in `source`."""
    by_file: dict[str, list[tuple[TextField, Planting]]] = {}
    for field, planting in plantings.items():
        by_file.setdefault(field.file, []).append((field, planting))
    for display, fields in by_file.items():
        path = source / display.removeprefix("source/")
        tree = yamlfile.load_yaml(path, display, _Ignore())
        by_line = _mappings(tree, {})
        spanish = {id(node["es"]) for node in by_line.values() if isinstance(node.get("es"), dict)}
        for field, planting in fields:
            for line in planting.lines:
                target = by_line[line]
                if field.what.endswith(" in Spanish") and id(target) not in spanish:
                    target = target.setdefault("es", {})  # a record with no 'es:' yet
                target[field.key] = [planting.value] if field.list_of_texts else planting.value
        path.write_text(yaml.dump(_plain(tree), Dumper=_DUMPER, allow_unicode=True,
                                  sort_keys=False, width=10_000), encoding="utf-8")


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Ignore:
    def add(self, *args: Any) -> None:
        raise AssertionError(f"the unchanged source should load: {args}")


def try_field(source: Path, scratch: Path, field: TextField, value: str,
              lines: list[tuple[int, ...]] | None = None) -> tuple[Planting | None, list[str]]:
    """Plant `value` in a copy of `source` at `scratch` where the field can go (or at `lines`),
    and load and place it: the planting the loader accepts, or None and the problems it
    reported. The copy is made once; each try changes one file and puts it back."""
    if not scratch.exists():
        shutil.copytree(source, scratch)
    path = scratch / field.file.removeprefix("source/")
    original = path.read_bytes()
    problems: list[str] = []
    for where in placements(source, field) if lines is None else lines:
        planting = Planting(value, where)
        plant(scratch, {field: planting})
        try:
            problems = _problems(scratch)
        finally:
            path.write_bytes(original)
        if not problems:
            return planting, []
    return None, problems


def classify(source: Path, scratch: Path, fields: list[TextField], values: dict[TextField, str]
             ) -> tuple[dict[TextField, Planting], dict[TextField, list[str]]]:
    """Which fields the loader accepts their value in (where), and the problems of those it
    refuses: as if each were tried alone, but quicker. All are planted at once first; a field
    whose value a problem quotes is refused (its other places are still tried); the rest are
    tried one at a time, with the files no try changed parsed once."""
    together = copy_planted(source, scratch, {f: Planting(values[f], placements(source, f)[0])
                                              for f in fields})
    quoted: dict[str, list[str]] = {}
    for problem in _problems(together):
        for tag in set(_OPENING.findall(problem)):
            quoted.setdefault(tag, []).append(problem)
    shutil.rmtree(together)
    accepted, refused = {}, {}
    with _parsing_once():
        for field in fields:
            problems = quoted.get(_tag_of(values[field]))
            rest = placements(source, field)[1:] if problems else None
            planting, more = try_field(source, scratch, field, values[field], rest)
            if planting:
                accepted[field] = planting
            else:
                refused[field] = more or problems
    return accepted, refused


def copy_planted(source: Path, target: Path, plantings: dict[TextField, Planting]) -> Path:
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target)
    plant(target, plantings)
    return target


def _tag_of(value: str) -> str:
    return _OPENING.match(value)[1]


def _problems(source: Path) -> list[str]:
    """What loading and placing `source` reports: nothing if it is accepted."""
    try:
        build_edition(load_source(source))
    except SourceError as err:
        return [str(p) for p in err.problems]
    return []


_LOADERS = ("edition.load",)


@contextmanager
def _parsing_once() -> Iterator[None]:
    """While the block runs, a file parsed before, unchanged and without a problem, is not
    parsed again (the loader does not change what it parses): each try changes one file, and
    parsing is most of a load."""
    import importlib
    modules = [importlib.import_module(name) for name in _LOADERS]
    original = yamlfile.load_yaml
    parsed: dict[tuple[str, bytes], Any] = {}

    def load_yaml(path: Path, display: str, problems) -> Any:
        try:
            key = (display, path.read_bytes())
        except OSError:
            return original(path, display, problems)
        if key not in parsed:
            clean = not problems
            tree = original(path, display, problems)
            if not clean or problems:
                return tree
            parsed[key] = tree
        return parsed[key]

    for module in modules:
        module.load_yaml = load_yaml
    try:
        yield
    finally:
        for module in modules:
            module.load_yaml = original


# --- the payloads ---------------------------------------------------------------------------

def payload(tag: str, reordered: bool = False) -> str:
    """Hostile text naming `tag` (the field it is planted in) in whatever it would inject, so a
    leak names its field. Its ends, ⟦tag … tag⟧, show where it starts and ends in the output."""
    parts = [
        f"⟦{tag}",
        f'<script>alert("{tag}")</script>',  # a script element
        f'"><img src="x-{tag}" onerror="alert(1)">',  # breaking out of a double-quoted attribute
        f"'><img src='y-{tag}' onerror='alert(2)'>",  # … and of a single-quoted one
        f"[js-{tag}](javascript:alert(3))",  # a Markdown link to a javascript: URL
        f"[md-{tag}](https://example.com/{tag})",  # a harmless Markdown link
        f"<https://example.com/auto-{tag}>",  # a Markdown autolink
        f'<b class="raw-{tag}">raw</b>',  # raw HTML
        f'{{: onclick="alert(4)" #id-{tag} }}',  # a Markdown attribute list
        f"{{{{ 7*7 }}}} {{% if x %}}{tag}{{% endif %}} {{# c #}}",  # Jinja-like braces
        "*em* __strong__ `code` &amp; &lt;i&gt; a|b \\ ]]> --> </textarea> </title> </script>",
        "\n\n    indented\nSetext\n===\n\n- item\n> quote\n\n",  # line breaks: new blocks?
        f"{tag}⟧",
    ]
    if reordered:  # the same parts in another order: not a copy of another field's payload
        parts = parts[:1] + parts[-2:0:-1] + parts[-1:]
    return " ".join(parts)


PAYLOAD_ELEMENTS = ("script", "img", "b", "iframe", "svg", "textarea", "style", "em", "strong",
                    "code", "i")


# --- reading the output ---------------------------------------------------------------------

_FRAGMENT = re.compile(r"(?:x|y|raw|id|js|md|auto)-(F\d+)\b")
_OPENING = re.compile(r"⟦(F\d+)")
_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "{http://www.w3.org/1999/xlink}href")
_VERBATIM = ("pre", "code", "script", "style", "template")  # text shown in another syntax
# Attributes whose value is HTML that the site's script puts into the page (cite boxes made
# for a paragraph or for the address a copy is read at): read as the HTML they become.
_MARKUP_ATTRIBUTES = ("data-at-url", "data-box")


def _normal(text: str) -> str:
    """Whitespace collapsed and case folded: HTML collapses spaces, and the citation styles
    set titles in their own case."""
    return " ".join(text.split()).casefold()


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def leaks(tree) -> list[str]:
    """What a payload made of this HTML or XHTML tree: elements, attributes, scripts, links, and
    any payload whose text did not come through whole."""
    found = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        tag = _local(element.tag)
        for name, value in element.attrib.items():
            name = _local(name).lower()
            if name in _MARKUP_ATTRIBUTES:
                markup = lxml.html.fragment_fromstring(json.loads(value), create_parent="div")
                found += [f"<{tag} {name}> {leak}" for leak in leaks(markup)]
                continue
            if name.startswith("on"):
                found.append(f"<{tag}> has an event handler {name}")
            if name in _URL_ATTRIBUTES and value.strip().lower().startswith("javascript:"):
                found.append(f"<{tag} {name}> is a javascript: URL")
            fragment = _FRAGMENT.search(value)
            if fragment and "⟦" not in value:
                found.append(f"<{tag} {name}={value[:50]!r}> is made of payload {fragment[1]}")
            for marker in _OPENING.findall(value):
                if not _whole(marker, value):
                    found.append(f"<{tag} {name}> holds payload {marker} altered: {value[:90]!r}")
        if tag == "a" and "example.com" in element.get("href", ""):
            found.append(f"a payload's link became a link: {element.get('href')}")
        if tag == "script" and "alert(" in (element.text or "") and element.get("type") not in (
                "application/json", "application/ld+json"):
            found.append(f"a payload's script: {element.text[:50]!r}")
        if tag in PAYLOAD_ELEMENTS and tag != "script" and (element.text or "") in (
                "raw", "em", "strong", "code", "i"):
            found.append(f"a payload's <{tag}>{element.text}</{tag}>")
        verbatim = any(_local(a.tag) in _VERBATIM for a in element.iterancestors()
                       if isinstance(a.tag, str)) or tag in _VERBATIM
        for marker in _OPENING.findall(element.text or "") if not verbatim else ():
            if any(_shortened(_normal(_text(element)), _normal(payload(marker, order)))
                   for order in (False, True)):
                continue  # a label cut to fit (a map, a chart, a list): its text, shortened
            if not _whole(marker, _text(element)):
                found.append(f"<{tag}> holds payload {marker} altered: "
                             f"{_normal(_text(element))[:120]!r}")
    return found


def _whole(marker: str, text: str, normal: bool = False) -> bool:
    """A field's payload, in either of its orders, is in `text` whole (`normal`: `text` is
    already _normal, as a long text read for every field is best made once)."""
    text = text if normal else _normal(text)
    return any(_normal(payload(marker, order)) in text for order in (False, True))


def _shortened(shown: str, whole: str) -> bool:
    """`shown` is the start of `whole` followed by an ellipsis."""
    start = shown.rstrip("…").rstrip()
    return shown.endswith("…") and bool(start) and start in whole


def _text(element) -> str:
    return "".join(element.itertext())


def json_ld_leaks(tree) -> list[str]:
    """JSON-LD that would end its script element, or that does not parse, or lost a payload."""
    found = []
    for script in tree.iter("script"):
        if script.get("type") != "application/ld+json":
            continue
        text = script.text or ""
        if "<" in text:
            found.append(f"JSON-LD holds a '<': {text[text.index('<'):][:60]!r}")
        try:
            data = json.loads(text)
        except ValueError as err:
            found.append(f"JSON-LD does not parse: {err}")
            continue
        for value in _strings(data):
            for marker in _OPENING.findall(value):
                if not _whole(marker, value):
                    found.append(f"JSON-LD holds payload {marker} altered: {value[:90]!r}")
    return found


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def output_trees(site: Path) -> Iterator[tuple[str, Any]]:
    """(name, parsed tree) of every HTML and XHTML document the build writes: the site's pages,
    the one-page edition, the offline zip's pages and the EPUB's documents."""
    import zipfile

    import lxml.etree
    import lxml.html
    for page in sorted(site.rglob("*.html")):
        yield page.relative_to(site).as_posix(), lxml.html.fromstring(
            page.read_text(encoding="utf-8"))
    for archive_path in sorted((site / "downloads").glob("*.zip")) + sorted(
            (site / "downloads").glob("*.epub")):
        with zipfile.ZipFile(archive_path) as archive:
            for name in sorted(archive.namelist()):
                data = archive.read(name)
                label = f"{archive_path.name}!{name}"
                if name.endswith(".html"):
                    yield label, lxml.html.fromstring(data.decode("utf-8"))
                elif name.endswith(".xhtml"):
                    yield label, lxml.etree.fromstring(data)  # XML: must be well-formed
