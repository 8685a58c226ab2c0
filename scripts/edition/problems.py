"""Validation problems: one clear line each, naming file, line, what is wrong and the fix."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return _one_line(f"{where}: {self.message} — {self.fix}")


def _one_line(text: str) -> str:
    """A value quoted in a message may hold line breaks: shown as \\n, the problem stays one line."""
    return text.replace("\r", "\\r").replace("\n", "\\n")


class SourceError(Exception):
    """Raised at the end of a stage that found problems; carries all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in problems))

    def __reduce__(self):  # made again from its problems when it crosses from a forked process
        return (type(self), (list(self.problems),))


class Problems:
    """Collects problems so a stage reports all of them at once, not just the first."""

    def __init__(self) -> None:
        self._found: list[Problem] = []

    def add(self, file: str, line: int, message: str, fix: str) -> None:
        self._found.append(Problem(file, line, message, fix))

    def __bool__(self) -> bool:
        return bool(self._found)

    def raise_if_any(self) -> None:
        if self._found:
            unique = list(dict.fromkeys(self._found))
            raise SourceError(sorted(unique, key=lambda p: (p.file, p.line, p.message)))
