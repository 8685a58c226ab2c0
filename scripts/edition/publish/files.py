"""Writing docs/ (only what changed) and swapping a finished site in for the old one."""
from __future__ import annotations

import shutil
from pathlib import Path

KEPT_IN_DOCS = ".gitignore"  # committed, so `mkdocs serve` finds docs/ on a fresh clone


def write_docs(files: dict[str, bytes], docs: Path) -> int:
    """Bring `docs/` to exactly `files`, writing only files whose content changed."""
    changed = 0
    for relative, content in sorted(files.items()):
        path = docs / relative
        if path.exists() and path.read_bytes() == content:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        changed += 1
    for path in sorted(docs.rglob("*"), reverse=True):
        relative = path.relative_to(docs).as_posix()
        if path.is_file() and relative not in files and relative != KEPT_IN_DOCS:
            path.unlink()
            changed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return changed


def swap(new: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)
