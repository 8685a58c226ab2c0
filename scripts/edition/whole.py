"""A file written whole or not at all: its bytes go to a part file of this process's own beside
it, renamed into place once written. A full disk, a kill, or another build writing the same
file at the same moment leaves the file as it was or as one writer wrote it, never half of it."""
from __future__ import annotations

import os
from pathlib import Path

_PART = ".part"


def write_whole(path: Path, data: bytes) -> None:
    part = path.with_name(f".{path.name}.{os.getpid()}{_PART}")
    try:
        part.write_bytes(data)
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)


def writer_of(part: Path) -> int | None:
    """The id of the process that was writing `part`, if it is a part file (write_whole's):
    one left by a process no longer running (forked.running) may be removed."""
    name = part.name
    if not (name.startswith(".") and name.endswith(_PART)):
        return None
    pid = name.removesuffix(_PART).rpartition(".")[2]
    return int(pid) if pid.isdigit() else None
