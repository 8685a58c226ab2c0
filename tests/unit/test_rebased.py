"""A block's text rendered once serves every page: `rebased` gives each page a copy whose links
lead from that page, and leaves the rendered nodes as they were."""
from __future__ import annotations

import pytest

from edition.doc import h
from edition.doc.html import to_html
from edition.pages.text import rebased

pytestmark = pytest.mark.unit


def test_a_copy_links_from_the_page_and_the_rendered_nodes_stay_as_they_were():
    rendered = ["The ", [h("a", {"href": "entities/carlos-mesa.html"}, "vice-president"), " and "],
                h("sup", h("a", {"href": "#n-p3-1"})), " ",
                h("a", {"href": "https://example.org/report.html"}, "a report"),
                h("a", {"href": "mailto:editors@example.org"}, "the editors"),
                h("a", {"href": "//example.org/x.html"}, "elsewhere")]
    on_section = rebased(rendered, "sections/massacre-in-el-alto.md")
    on_article = rebased(rendered, "article.md")
    hrefs = lambda nodes: [a.get("href") for n in nodes if not isinstance(n, str)
                           for a in n.iter("a")]
    elsewhere = ["https://example.org/report.html", "mailto:editors@example.org",
                 "//example.org/x.html"]
    assert hrefs(on_section) == ["../entities/carlos-mesa.html", "#n-p3-1", *elsewhere]
    assert hrefs(on_article) == ["entities/carlos-mesa.html", "#n-p3-1", *elsewhere]
    assert [n for n in on_section if isinstance(n, str)] == ["The ", " and ", " "]
    assert rendered[1][0].get("href") == "entities/carlos-mesa.html"  # copied, not changed
    assert to_html(rendered[1][0]) == '<a href="entities/carlos-mesa.html">vice-president</a>'
