"""Zip archives that are byte-identical for the same content: fixed times, fixed order.

The members are compressed on every core at once (zlib lets other threads run while it
works), which the standard library's zipfile cannot do: it compresses each member as it writes
it. So the archive is laid out here, field for field as zipfile lays out the same members
(tests/unit/test_zipfiles.py holds the two to the same bytes). Without zip64: an archive of
65,535 members or more, or of 2 GiB, where zipfile would write zip64 fields, is refused.
A DeflatedCache keeps each member deflated between builds: most of the offline zip is the same
from one build to the next, and is read back rather than deflated again.
"""
from __future__ import annotations

import hashlib
import io
import os
import shutil
import struct
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..forked import running
from ..whole import write_whole, writer_of

LEVEL = 6  # zlib's default: level 9 takes twice as long for a zip under 1% smaller
VERSION = 20  # the zip format's version 2.0 (deflate), needed and made by
UNIX = 3  # made on: the file mode below is a Unix one
DOS_DATE, DOS_TIME = (1 << 5) | 1, 0  # 1 January 1980, 00:00: the earliest a zip can record
FILE_MODE = 0o100644 << 16  # a regular file, rw-r--r--
UTF8_NAME = 0x800  # the name is UTF-8 (an ASCII name goes without the flag, as zipfile does)
STORED, DEFLATED = 0, 8
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
MOST_MEMBERS, MOST_BYTES = 0xFFFF - 1, 0x7FFFFFFF  # beyond them zipfile writes zip64 fields
# (for a member whose size, with 5% to spare for deflate, is over MOST_BYTES)


@dataclass(frozen=True)
class Entry:
    name: str
    content: bytes
    compress: bool = True


def reproducible_zip(entries: list[Entry], cache: DeflatedCache | None = None) -> bytes:
    """A zip of the entries in the order given, every one stamped with the same time; the same
    bytes with or without a `cache` of deflated contents."""
    size = sum(len(e.content) for e in entries)
    if len(entries) > MOST_MEMBERS or 1.05 * size > MOST_BYTES:
        raise ValueError(f"a zip of {len(entries)} files, {size} bytes: over {MOST_MEMBERS} "
                         "files or 2 GiB needs zip64, which zipfiles.py does not write")
    to_deflate = list(dict.fromkeys(e.content for e in entries if e.compress))  # once each
    deflate: Callable[[bytes], bytes] = cache.deflated if cache else _deflated
    with ThreadPoolExecutor(os.cpu_count()) as pool:
        try:
            deflated = dict(zip(to_deflate, pool.map(deflate, to_deflate)))
        except BaseException:  # a signal stops the build: drop the members not yet begun
            pool.shutdown(cancel_futures=True)
            raise
    return _archive(entries, deflated)


def _archive(entries: list[Entry], deflated: dict[bytes, bytes]) -> bytes:
    """Each entry's local header and data, then the central directory and its end record."""
    archive, central = io.BytesIO(), []
    for entry in entries:
        name, flags = _encoded(entry.name)
        data = deflated[entry.content] if entry.compress else entry.content
        method = DEFLATED if entry.compress else STORED
        fields = (flags, method, DOS_TIME, DOS_DATE, zlib.crc32(entry.content), len(data),
                  len(entry.content), len(name))
        central.append(_CENTRAL.pack(b"PK\x01\x02", VERSION, UNIX, VERSION, 0, *fields, 0, 0,
                                     0, 0, FILE_MODE, archive.tell()) + name)
        archive.write(_LOCAL.pack(b"PK\x03\x04", VERSION, 0, *fields, 0) + name + data)
    start = archive.tell()
    archive.write(b"".join(central))
    archive.write(_END.pack(b"PK\x05\x06", 0, 0, len(central), len(central),
                            archive.tell() - start, start, 0))
    return archive.getvalue()


_COMPRESSOR = (LEVEL, zlib.DEFLATED, -15)  # raw deflate, as zip holds it


def _deflated(content: bytes) -> bytes:
    compressor = zlib.compressobj(*_COMPRESSOR)
    return compressor.compress(content) + compressor.flush()


# What a zlib and these settings make of it names the cache's folder: another zlib, or other
# settings, deflate into another folder, even where a zlib reports the same version.
_SAMPLE = "".join(f"{n}: the same content, the same bytes; " for n in range(200)).encode()


class DeflatedCache:
    """Deflated contents kept between builds in `root`, a folder of the cache's own: a file for
    each content, named by its SHA-256, in a folder named by the zlib and by a digest of what
    it makes of a sample. Each file starts with the SHA-256 of its name and of what follows: a
    file damaged, cut short or misnamed is deflated again, so an archive is the same bytes with
    the cache or without it."""

    def __init__(self, root: Path) -> None:
        sample = hashlib.sha256(_deflated(_SAMPLE)).hexdigest()[:16]
        self.root = root
        self.folder = root / f"zlib-{zlib.ZLIB_RUNTIME_VERSION}-{sample}"
        self.used: set[str] = set()

    def deflated(self, content: bytes) -> bytes:
        name = hashlib.sha256(content).hexdigest()
        self.used.add(name)
        path = self.folder / name
        try:
            kept = path.read_bytes()
        except OSError:  # none yet, or unreadable: deflated again, and written in its place
            kept = b""
        if kept[:32] == _seal(name, kept[32:]):
            return kept[32:]
        data = _deflated(content)
        self.folder.mkdir(parents=True, exist_ok=True)
        write_whole(path, _seal(name, data) + data)
        return data

    def forget_unused(self) -> None:
        """Keep only the members of the archive made with this cache, and nothing that another
        zlib or other settings made; what another build is writing now is left alone."""
        for other in self.root.glob("zlib-*"):
            if other.is_dir() and other != self.folder:
                shutil.rmtree(other, ignore_errors=True)
        for path in self.folder.iterdir() if self.folder.is_dir() else ():
            if self._unused(path):
                path.unlink(missing_ok=True)

    def _unused(self, path: Path) -> bool:
        writer = writer_of(path)
        if writer is not None:
            return not running(writer)  # left by a build that was stopped
        return _is_digest(path.name) and path.name not in self.used


def _is_digest(name: str) -> bool:
    return len(name) == 64 and all(c in "0123456789abcdef" for c in name)


def _seal(name: str, data: bytes) -> bytes:
    return hashlib.sha256(name.encode("ascii") + data).digest()


def _encoded(name: str) -> tuple[bytes, int]:
    try:
        return name.encode("ascii"), 0
    except UnicodeEncodeError:
        return name.encode("utf-8"), UTF8_NAME
