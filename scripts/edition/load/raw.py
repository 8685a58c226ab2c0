"""`source/` as plain data, read from the folder or from any commit of its history: what the
anchor ledger fingerprints, for the current version and for earlier ones alike."""
from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any, Callable

from .yamlfile import plain_data

# The files whose data is a published anchor's apparatus (see place/fingerprints.py).
FILES = ("structure.yml", "entities.yml", "events.yml", "sources.yml", "record.yml",
         "witnesses.yml", "versions.yml", "translations/es.yml")
ANNOTATIONS = ("mentions", "not-mentions", "dates", "quotations", "lacunae", "sic", "figures",
               "notes")


def read_raw(read: Callable[[str], str | None]) -> dict[str, Any]:
    """Each file's data by its name in source/ (annotations/NAME.yml as NAME); a file that
    `read` does not find is left out. Dates stay text, as the loader keeps them."""
    names = {name: name for name in FILES}
    names.update({kind: f"annotations/{kind}.yml" for kind in ANNOTATIONS})
    raw = {}
    for key, name in names.items():
        text = read(name)
        if text is not None:
            raw[key] = plain_data(text)
    return raw


def from_folder(source: Path) -> Callable[[str], str | None]:
    def read(name: str) -> str | None:
        path = source / name
        return path.read_text(encoding="utf-8") if path.exists() else None
    return read


def from_commit(repository: Path, commit: str) -> Callable[[str], str | None]:
    """Files of source/ as they were at `commit` (git show), None where it had none."""
    def read(name: str) -> str | None:
        shown = subprocess.run(["git", "-C", str(repository), "show", f"{commit}:source/{name}"],
                               capture_output=True)
        return shown.stdout.decode("utf-8") if shown.returncode == 0 else None
    return read
