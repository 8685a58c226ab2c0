"""Reading YAML from `source/` with the line of every value kept (the checks of its values are
the declared records', load/validate.py)."""
from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import yaml

from ..problems import Problems

MAX_FILE_BYTES = 2_000_000
MAX_DEPTH = 20  # the source files need 5 levels; a deeper file is a mistake (or a bomb)


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text (ISO/EDTF strings are validated by us)."""


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same loader parsing with libyaml, ten times faster, when PyYAML was built with it."""


# Dates stay text; "=" and "<<" are not read as YAML's value and merge keys ("<<" is refused).
_TEXT_TAGS = ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:value", "tag:yaml.org,2002:merge")
_Loader.yaml_implicit_resolvers = _FastLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _TEXT_TAGS]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class Map(dict):
    """A YAML mapping that remembers its own line and the line of each key."""

    line: int
    key_lines: dict[str, int]


class Seq(list):
    """A YAML sequence that remembers its own line and the line of each item."""

    line: int
    item_lines: list[int]


def read_text(path: Path, display: str, problems: Problems) -> str | None:
    """Read a UTF-8 file, reporting size, emptiness and encoding problems."""
    if not path.exists():
        problems.add(display, 0, "file is missing", f"create {display} (see source/README.md)")
        return None
    if path.is_dir():
        problems.add(display, 0, "is a folder, not a file",
                     f"put the file {path.name} here in its place (see source/README.md)")
        return None
    try:
        data = path.read_bytes()
    except OSError as err:
        problems.add(display, 0, f"cannot be read ({err.strerror or err})",
                     "make it readable (chmod a+r) or restore it from git")
        return None
    if len(data) > MAX_FILE_BYTES:
        problems.add(display, 0, f"file is {len(data):,} bytes, over the {MAX_FILE_BYTES:,} limit",
                     "check that the right file was saved here")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        problems.add(display, line, f"not UTF-8 (byte 0x{data[err.start]:02x})",
                     "save the file as UTF-8")
        return None
    if not text.strip():
        problems.add(display, 0, "file is empty", "fill it in (see source/README.md) or remove it")
        return None
    hidden = _INVISIBLE.search(text)
    if hidden:
        line = text.count("\n", 0, hidden.start()) + 1
        column = hidden.start() - text.rfind("\n", 0, hidden.start())
        problems.add(display, line, f"an invisible control or private-use character "
                     f"(U+{ord(hidden[0]):04X}) at column {column}",
                     "delete it: an editor or a copy from another file put it there")
        return None
    return text


# Control characters (but tab and line ends) and private-use characters: never meant in text.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffe\uffff]")


def plain_data(text: str) -> Any:
    """YAML text as plain data, read by the loader's rules (dates stay text) but without its
    checks and lines: for files load_yaml has already accepted (what the ledger fingerprints)."""
    node = _compose(text) if text else None
    return _Loader("").construct_document(node) if node is not None else None


def load_yaml(path: Path, display: str, problems: Problems) -> Any:
    """Parse a YAML file into Map/Seq/scalars; None (with a problem) when it cannot."""
    text = read_text(path, display, problems)
    if text is None:
        return None
    try:
        refused = _refused(text)
        node = None if refused else _compose(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        what = getattr(err, "problem", None) or str(err).splitlines()[0]
        problems.add(display, line, f"malformed YAML: {what}",
                     "fix the indentation or quoting on that line (quote text containing ': ' or '#')")
        return None
    if refused:
        problems.add(display, *refused)
        return None
    if node is None:
        problems.add(display, 0, "file holds no data", "fill it in (see source/README.md)")
        return None
    try:
        return _convert(node, display, problems)
    finally:
        _SCALARS.constructed_objects.clear()  # its memo of every node it read: a long serve's leak


_ONE_VALUE = "write the value out in full where it is needed"


# `mkdocs serve` loads source/ again after each edit: a file whose text is unchanged is not
# parsed again (here and in _compose). Its nodes are only read: the data is made anew each time.
@functools.lru_cache(maxsize=64)  # source/ has about twenty files
def _refused(text: str) -> tuple[int, str, str] | None:
    """The first YAML feature `source/` may not use, as (line, what, fix): anchors and aliases
    (a few hundred bytes of them expand to gigabytes), explicit tags, merge keys, deep nesting.
    Read from the parser's events (libyaml's; PyYAML's, whose error messages are the ones
    reported, for a malformed file), before anything is built from them."""
    try:
        return _first_refused(yaml.parse(text, Loader=_FastLoader))
    except yaml.YAMLError:
        return _first_refused(yaml.parse(text, Loader=_Loader))


def _first_refused(events) -> tuple[int, str, str] | None:
    depth = 0
    for event in events:
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent):
            return line, f"a YAML alias (*{event.anchor}) is not allowed", _ONE_VALUE
        if getattr(event, "anchor", None):
            return line, f"a YAML anchor (&{event.anchor}) is not allowed", _ONE_VALUE
        if getattr(event, "tag", None):
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            return (line, f"an explicit YAML tag ({tag}) is not allowed",
                    "remove the tag; put text in quotes")
        if isinstance(event, yaml.ScalarEvent) and event.value == "<<" and event.implicit[0]:
            return line, "a YAML merge key (<<) is not allowed", "write the fields out in full"
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return (line, f"the data is nested more than {MAX_DEPTH} levels deep",
                        "check the indentation: the source files need no more than 5 levels")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


@functools.lru_cache(maxsize=64)
def _compose(text: str) -> yaml.Node | None:
    """The node tree, parsed by libyaml; a malformed file is parsed again by PyYAML, whose
    error messages are the ones reported (and tested)."""
    try:
        return yaml.compose(text, Loader=_FastLoader)
    except yaml.YAMLError:
        return yaml.compose(text, Loader=_Loader)


def _convert(node: yaml.Node, display: str, problems: Problems) -> Any:
    if isinstance(node, yaml.MappingNode):
        result = Map()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            line = key_node.start_mark.line + 1
            if not isinstance(key, (str, int)):
                problems.add(display, line, "a key is not plain text", "write keys as plain words")
                continue
            key = str(key)
            if key in result:
                problems.add(display, line, f"key '{key}' appears twice (first on line "
                             f"{result.key_lines[key]})", "merge the two entries into one")
                continue
            result[key] = _convert(value_node, display, problems)
            result.key_lines[key] = line
        return result
    if isinstance(node, yaml.SequenceNode):
        seq = Seq(_convert(item, display, problems) for item in node.value)
        seq.line = node.start_mark.line + 1
        seq.item_lines = [item.start_mark.line + 1 for item in node.value]
        return seq
    return _scalar(node)


_SCALARS = _Loader("")


def _scalar(node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return _SCALARS.construct_object(node)
    return node
