"""The downloads of earlier versions, kept in releases/VERSION/ (see releases/README.md).

What the build copies into site/ must be files of the repository, as committed: a symbolic
link, a file that resolves outside releases/, a folder that is not an earlier version listed
in source/versions.yml, or a folder inside a version's folder is refused with one line each."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model.fields import VERSION
from ..problems import Problems
from .references import version_key

LEFT_OUT = ("SHA256SUMS",)
DISPLAY = "releases"


@dataclass(frozen=True)
class Release:
    version: str
    files: tuple[tuple[str, bytes], ...]  # (file name, content), by name


def load_releases(folder: Path, versions: tuple[str, ...], current: str,
                  problems: Problems) -> tuple[Release, ...]:
    """Each earlier version's folder of releases/, oldest first; () when there is none.
    `versions` are those of source/versions.yml, `current` the one this build makes."""
    if folder.is_symlink():
        problems.add(f"{DISPLAY}/", 0, "is a symbolic link: releases/ holds the files themselves",
                     "replace the link by the folder, as committed")
        return ()
    if not folder.is_dir():
        return ()
    inside = folder.resolve()
    found = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        name = f"{DISPLAY}/{path.name}"
        if not _kept(path, inside, name, problems) or not path.is_dir():
            continue  # a file beside the folders (README.md) is not published
        if not VERSION.fullmatch(path.name) or path.name not in versions:
            problems.add(name, 0, f"folder '{path.name}' is not a version listed in "
                         "source/versions.yml", "name the folder after the version whose "
                         "downloads it holds, or move it out of releases/")
        elif path.name == current:
            problems.add(name, 0, f"version {current} is the one this build makes",
                         "its downloads are built, not kept: remove the folder")
        else:
            found.append(_release(path, inside, name, problems))
    return tuple(sorted(found, key=lambda r: version_key(r.version)))


def _release(folder: Path, inside: Path, display: str, problems: Problems) -> Release:
    files = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        name = f"{display}/{path.name}"
        if not _kept(path, inside, name, problems) or path.name in LEFT_OUT:
            continue
        if path.is_dir():
            problems.add(name, 0, "is a folder: a version's downloads are the files of its "
                         "folder", "move its files up into the version's folder, or remove it")
        elif path.is_file():
            files.append((path.name, path.read_bytes()))
        else:
            problems.add(name, 0, "is not a regular file", "remove it from releases/")
    return Release(folder.name, tuple(files))


def _kept(path: Path, inside: Path, name: str, problems: Problems) -> bool:
    """Whether the path is part of the repository's releases/: no link, nothing outside."""
    if path.is_symlink():
        problems.add(name, 0, "is a symbolic link: releases/ holds only the files themselves",
                     "replace the link by a copy of the file, as published")
        return False
    if not path.resolve().is_relative_to(inside):
        problems.add(name, 0, "resolves outside releases/",
                     "replace it by a copy of the file, as published")
        return False
    return True
