"""The engines that turn docs/ into a site: MkDocs (the default) or Zensical."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..model import Edition
from . import mkdocs_engine, zensical_engine
from .mkdocs_engine import EngineFailed

# Each builds docs/ into `site_dir` with the settings of mkdocs.yml and one language's over
# them (config.engine_settings), dated by the edition.
Engine = Callable[[Path, Path, Edition, dict], None]
ENGINES: dict[str, Engine] = {"mkdocs": mkdocs_engine.build, "zensical": zensical_engine.build}
DEFAULT = "mkdocs"
# The engines whose runs for two languages may go side by side, in two processes: Zensical's
# runs share its cache folder, which each one clears (a panic when two do it at once).
SIDE_BY_SIDE = {"mkdocs"}

__all__ = ["DEFAULT", "ENGINES", "Engine", "EngineFailed", "SIDE_BY_SIDE"]
