"""A file written whole or not at all: its bytes go to a part file of this process's own beside
it, renamed into place once written. A full disk, a kill, or another build writing the same
file at the same moment leaves the file as it was or as one writer wrote it, never half of it.
A process killed outright (SIGKILL) leaves its part file: writer_of tells whose it was (the
zip cache removes those of stopped builds; .gitignore keeps the ledger's out of git). Two
threads of one process must not write the same file at once (the zip cache's threads write
each content once)."""
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
    """The id of the process that was writing `part`, if it is a part file: write_whole's
    (.name.pid.part), or the zip cache's before it (name.pid.part). One left by a process no
    longer running (forked.running) may be removed."""
    name, _, pid = part.name.removesuffix(_PART).rpartition(".")
    return int(pid) if part.name.endswith(_PART) and name and pid.isdigit() else None
