"""The edition's views, drawn at build time as SVG: the maps, the timeline, the sources.

Each is a pure function of the edition (and the page it goes on, for relative links) and the
page's messages that returns a <figure> element holding the SVG and a caption, or None when
there is nothing to draw. Nothing needs a script to be seen.
"""
from __future__ import annotations

from .map import locator_map, places_map
from .sources import sources_view
from .timeline import timeline_view

__all__ = ["locator_map", "places_map", "sources_view", "timeline_view"]
