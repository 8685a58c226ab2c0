"""export/zipfiles.py lays out a zip byte for byte as the standard library's zipfile lays out
the same members (it compresses them on every core, which zipfile cannot)."""
from __future__ import annotations

import io
import zipfile

import pytest

from edition.export.zipfiles import FILE_MODE, LEVEL, Entry, reproducible_zip

MEMBERS = [Entry("mimetype", b"application/epub+zip", compress=False),
           Entry("EPUB/texto/ñandú.xhtml", "¿Quién?".encode("utf-8") * 500),
           Entry("empty", b""),
           Entry("site/data/edition.json", b'{"a": 1}' * 2000),
           Entry("site/downloads/edition.json", b'{"a": 1}' * 2000),  # the same content again
           Entry("stored.epub", bytes(range(256)) * 40, compress=False)]


def as_zipfile_writes_it(entries: list[Entry]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for entry in entries:
            info = zipfile.ZipInfo(entry.name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = FILE_MODE
            info.compress_type = zipfile.ZIP_DEFLATED if entry.compress else zipfile.ZIP_STORED
            archive.writestr(info, entry.content, compresslevel=LEVEL if entry.compress else None)
    return buffer.getvalue()


def test_the_zip_is_the_one_zipfile_writes():
    assert reproducible_zip(MEMBERS) == as_zipfile_writes_it(MEMBERS)


def test_zipfile_reads_every_member_back():
    with zipfile.ZipFile(io.BytesIO(reproducible_zip(MEMBERS))) as archive:
        assert archive.testzip() is None  # every member's CRC checked
        assert [(i.filename, archive.read(i)) for i in archive.infolist()] == [
            (e.name, e.content) for e in MEMBERS]
        assert [i.compress_type for i in archive.infolist()] == [
            zipfile.ZIP_DEFLATED if e.compress else zipfile.ZIP_STORED for e in MEMBERS]


def test_a_zip_that_needs_zip64_is_refused():
    with pytest.raises(ValueError, match="zip64"):
        reproducible_zip([Entry(f"{n}", b"") for n in range(0xFFFF)])
