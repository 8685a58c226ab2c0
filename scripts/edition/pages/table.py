"""The one table of the site's pages: what the renderer, the navigation check, the home page
and the one-page edition all read."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable

from ..i18n import N_
from ..model import Edition
from ..paths import TIMELINE, entity_path, section_path
from . import changelog, entities, front, record, registers, text
from .context import Context
from .page import Page


@dataclass(frozen=True)
class PageSpec:
    """One page of the site and how it is made."""

    path: str
    title: str  # as the navigation and the one-page edition's contents name it (a message id)
    render: Callable[[Context], Page]
    part: str | None = None  # a part of the one-page edition, with this id prefix ('' keeps ids)
    register: bool = False  # listed under Registers on the home page
    in_nav: bool = True  # listed in mkdocs.yml's nav (entity pages are reached from registers)


REGISTER_PAGES = (
    ("register/people.md", N_("People"), "person", "people"),
    ("register/organisations.md", N_("Organisations and groups"), "organisation", "organisations"),
    ("register/places.md", N_("Places"), "place", "places"),
)


def page_table(edition: Edition) -> tuple[PageSpec, ...]:
    """Every page, in the navigation's order; entity pages last."""
    specs = [PageSpec("index.md", N_("Home"), _home),
             PageSpec("article.md", N_("The article"), text.whole_article, part="")]
    specs += [PageSpec(section_path(s.id), s.title, functools.partial(text.section_page, section=s))
              for s in edition.sections]
    specs += [PageSpec(path, title, functools.partial(registers.register, title=title,
                                                      entity_type=entity_type),
                       part=prefix, register=True)
              for path, title, entity_type, prefix in REGISTER_PAGES]
    specs += [PageSpec(registers.SOURCES, N_("Sources and quotations"), registers.sources,
                       part="sources", register=True),
              PageSpec(TIMELINE, N_("Timeline"), registers.timeline, part="timeline",
                       register=True),
              PageSpec(registers.FIGURES, N_("Figures"), registers.figures, part="figures",
                       register=True),
              *(PageSpec(path, title, make, part=record.PART_PREFIXES[path])
                for path, title, _, make in record.pages()),
              PageSpec("method.md", N_("Editorial method"), front.method, part="method"),
              PageSpec(changelog.CHANGELOG, changelog.TITLE, changelog.page,
                       part=record.PART_PREFIXES[changelog.CHANGELOG]),
              PageSpec(front.DOWNLOAD, N_("Download"), front.download)]
    specs += [PageSpec(entity_path(e.id), e.name, functools.partial(entities.entity_page, entity=e),
                       in_nav=False) for e in edition.entities]
    return tuple(specs)


def _home(ctx: Context) -> Page:
    listed = tuple((s.path, s.title) for s in page_table(ctx.edition) if s.register)
    return front.home(ctx, listed)


def render(spec: PageSpec, ctx: Context) -> Page:
    return spec.render(ctx.at(spec.path))
