"""The downloads of earlier versions, kept in releases/VERSION/ (see releases/README.md)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model.fields import VERSION
from .references import version_key

LEFT_OUT = ("SHA256SUMS",)


@dataclass(frozen=True)
class Release:
    version: str
    files: tuple[tuple[str, bytes], ...]  # (file name, content), by name


def load_releases(folder: Path) -> tuple[Release, ...]:
    """Each version's folder of releases/, oldest first; () when there is none."""
    if not folder.is_dir():
        return ()
    versions = sorted((p for p in folder.iterdir() if p.is_dir() and VERSION.fullmatch(p.name)),
                      key=lambda p: version_key(p.name))
    return tuple(Release(p.name, tuple((f.name, f.read_bytes()) for f in sorted(p.iterdir())
                                       if f.is_file() and f.name not in LEFT_OUT))
                 for p in versions)
