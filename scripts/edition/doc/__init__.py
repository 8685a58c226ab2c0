"""The document tree every page is built as, and the writers that consume it.

A page is an lxml element tree of HTML (`tree.h` builds it), never text to be parsed back.
Writers turn one tree into what each output needs: `markdown.page_file` the file the site's
engine reads, `html.to_html` / `html.to_xhtml` the one-page edition and the EPUB.
"""
from .tree import Node, Nodes, fill, flat, h, text_content

__all__ = ["Node", "Nodes", "fill", "flat", "h", "text_content"]
