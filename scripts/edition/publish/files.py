"""Writing docs/ (only what changed), and swapping a finished site in for the old one: in one
step, into site/ or the folder it links to, leaving nothing behind."""
from __future__ import annotations

import ctypes
import errno
import os
import re
import secrets
import shutil
import sys
from pathlib import Path

from ..forked import running

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


class PublishFailed(Exception):
    """site/ cannot be replaced; the message names it and the fix."""


def publish_target(site: Path) -> Path:
    """The folder to replace: site/ itself, or the folder it links to; PublishFailed when it
    cannot be replaced."""
    target = Path(os.path.realpath(site)) if site.is_symlink() else site
    shown = f"{site.name}/" + (f" (a link to {target})" if target != site else "")
    if target.exists() and not target.is_dir():
        raise PublishFailed(f"{shown}: is a file, not a folder — move it away or delete it; "
                            "the build writes the site there")
    if target.is_dir() and not os.access(target, os.W_OK | os.X_OK):
        raise PublishFailed(f"{shown}: is read-only — make it writable (chmod -R u+w "
                            f"{site.name}) or remove it; nothing was published")
    if not target.parent.is_dir() or not os.access(target.parent, os.W_OK | os.X_OK):
        raise PublishFailed(f"{shown}: its folder {target.parent} is missing or read-only — "
                            "make it writable; nothing was published")
    return target


def staging_folder(target: Path) -> Path:
    """A new folder beside `target` (so the swap is a rename), named for this process; made
    with the umask's permissions, as every file in it is."""
    while True:
        staging = target.with_name(f".{target.name}-build-{os.getpid()}-{secrets.token_hex(4)}")
        try:
            staging.mkdir(0o777)
            return staging
        except FileExistsError:
            continue


def remove_leftovers(target: Path) -> None:
    """Staging folders of builds that were killed (their process is gone), and the old swap's
    `.site-old`: none of them may block a build or pile up."""
    ours = re.compile(rf"\.{re.escape(target.name)}-build-(\d+)-[0-9a-f]+(-previous)?")
    legacy = re.compile(rf"\.{re.escape(target.name)}-(old|[a-z0-9_]{{8}})")
    for path in target.parent.glob(f".{target.name}-*"):
        match = ours.fullmatch(path.name)
        if (match and not running(int(match[1]))) or (not match and legacy.fullmatch(path.name)):
            remove(path)


def swap(new: Path, target: Path) -> Path | None:
    """Put `new` in place of `target` in one step: exchanged with it (Linux), so there is never
    a moment without a site; elsewhere renamed aside, then replaced. Returns where the previous
    site now is (to remove), or None when there was none."""
    if not target.exists():
        new.rename(target)
        return None
    if _exchange(new, target):
        return new
    aside = new.with_name(new.name + "-previous")
    target.rename(aside)
    try:
        new.rename(target)
    except BaseException:
        aside.rename(target)
        raise
    return aside


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically with renameat2(RENAME_EXCHANGE); False where unavailable."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    at_cwd, exchange = -100, 2
    if renameat2(at_cwd, os.fsencode(a), at_cwd, os.fsencode(b), exchange) == 0:
        return True
    number = ctypes.get_errno()
    if number in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):  # an old kernel, or file system
        return False
    raise OSError(number, os.strerror(number), str(b))


def remove(path: Path | None) -> None:
    """Remove a folder the build made, read-only parts included; what cannot be removed is
    left for the next build (remove_leftovers) and named."""
    if path is None or not os.path.lexists(path):
        return

    def writable_then_again(function, name, _):
        try:
            os.chmod(os.path.dirname(name), 0o700)
            function(name)
        except OSError:
            pass

    handler = "onexc" if sys.version_info >= (3, 12) else "onerror"
    shutil.rmtree(path, **{handler: writable_then_again})
    if os.path.lexists(path):
        print(f"warning: could not remove {path}; the next build tries again", file=sys.stderr)
