"""Building HTML element trees: `h("p", {"class": "tb"}, "text ", h("a", {"href": x}, "link"))`.

Text is always text: lxml escapes it when a writer serializes the tree, so nothing typed in
`source/` can become markup. Attributes whose value is None are left out.
"""
from __future__ import annotations

import json
import re
from typing import Iterable, Union

from lxml import etree, html as lxml_html

Element = etree._Element
Node = Union[str, Element, None]
Nodes = Union[Node, Iterable["Nodes"]]
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def h(tag: str, attrs: dict[str, object] | Nodes = None, *children: Nodes) -> Element:
    """An element with its attributes (an optional dict first) and its children: strings,
    elements, None (left out) or lists of these, in order."""
    if not isinstance(attrs, dict):
        children, attrs = (attrs, *children), {}
    element = etree.Element(tag, {name: str(value) for name, value in attrs.items()
                                  if value is not None})
    append(element, children)
    return element


def append(element: Element, children: Nodes) -> Element:
    """Add children at the end of `element`: text joins the text before it."""
    last = element[-1] if len(element) else None
    for child in flat(children):
        if isinstance(child, str):
            if last is None:
                element.text = (element.text or "") + child
            else:
                last.tail = (last.tail or "") + child
        else:
            element.append(child)
            last = child
    return element


def flat(children: Nodes) -> Iterable[str | Element]:
    """The strings and elements of nested nodes, in order (None and empty strings left out)."""
    stack = [iter((children,))]  # not recursive: pages nest lists of nodes deep
    while stack:
        for child in stack[-1]:
            if isinstance(child, str):
                if child:
                    yield child
            elif isinstance(child, etree._Element):
                yield child
            elif child is not None:
                stack.append(iter(child))
                break
        else:
            stack.pop()


def fill(message: str, **parts: Nodes) -> list[str | Element]:
    """A translated message with {placeholders} as nodes: each placeholder takes its part (text
    or elements), so a link or a name can stand anywhere the language puts it."""
    nodes: list[str | Element] = []
    at = 0
    for match in _PLACEHOLDER.finditer(message):
        nodes.append(message[at:match.start()])
        nodes += list(flat(parts[match[1]]))
        at = match.end()
    nodes.append(message[at:])
    return [node for node in nodes if not isinstance(node, str) or node]


def text_content(nodes: Nodes) -> str:
    """The text of nodes as a browser's textContent has it."""
    return "".join(_text(node) for node in flat(nodes))


def _text(node: str | Element) -> str:
    if isinstance(node, str):
        return node
    return "".join(node.itertext())


def from_markup(markup: str) -> list[str | Element]:
    """Inline HTML that a library wrote (a citation processor's <i> and <span>) as nodes; the
    text in it was escaped before the library saw it (cite.py)."""
    holder = lxml_html.fragment_fromstring(f"<span>{markup}</span>")
    nodes: list[str | Element] = [holder.text] if holder.text else []
    for child in holder:
        tail, child.tail = child.tail, None
        nodes.append(_plain_element(child))
        if tail:
            nodes.append(tail)
    return nodes


def _plain_element(element: Element) -> Element:
    """An lxml.html element as a plain etree element, like the ones h() makes."""
    copy = etree.Element(element.tag, dict(element.attrib))
    copy.text = element.text
    for child in element:
        copied = _plain_element(child)
        copied.tail = child.tail
        copy.append(copied)
    return copy


def markup_value(element: Element) -> str:
    """An element as a value for a data attribute that a script turns into HTML again: its HTML
    as a JSON string, with no "&", "<" or ">" left in it. (The engine writes some attribute
    values back with an "&" that starts a reference unescaped: nothing here may depend on it.)"""
    written = json.dumps(etree.tostring(element, encoding="unicode", method="html"),
                         ensure_ascii=False)
    return written.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
