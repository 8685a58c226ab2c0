"""The edition's views, drawn at build time as SVG: the maps, the timeline, the sources.

Each is a pure function of the edition (and the page it goes on, for relative links) that
returns raw HTML: a <figure> holding the SVG and a caption. Text is escaped; ids and classes
are fixed. Nothing needs a script to be seen.
"""
from .map import locator_map, places_map
from .sources import sources_view
from .timeline import timeline_view

__all__ = ["locator_map", "places_map", "sources_view", "timeline_view"]
