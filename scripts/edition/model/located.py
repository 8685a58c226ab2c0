"""Where in `source/` a piece of data was written, for error messages."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Located:
    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"
