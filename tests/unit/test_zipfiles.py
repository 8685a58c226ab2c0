"""export/zipfiles.py lays out a zip byte for byte as the standard library's zipfile lays out
the same members (it compresses them on every core, which zipfile cannot), with or without a
cache of the members deflated by the last build."""
from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
import zipfile
import zlib

import pytest

from edition.export import zipfiles
from edition.export.zipfiles import FILE_MODE, LEVEL, DeflatedCache, Entry, reproducible_zip

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


def test_members_deflated_by_the_last_archive_are_read_back_and_give_the_same_bytes(
        tmp_path, monkeypatch):
    alone = reproducible_zip(MEMBERS)
    assert reproducible_zip(MEMBERS, DeflatedCache(tmp_path)) == alone  # the cache filled
    cache = DeflatedCache(tmp_path)
    monkeypatch.setattr(zipfiles, "_deflated", lambda content: pytest.fail("deflated again"))
    assert reproducible_zip(MEMBERS, cache) == alone  # read back


def test_a_member_cut_short_emptied_or_misnamed_in_the_cache_is_deflated_again(tmp_path, monkeypatch):
    alone = reproducible_zip(MEMBERS)
    reproducible_zip(MEMBERS, DeflatedCache(tmp_path))
    cache = DeflatedCache(tmp_path)
    kept = sorted(cache.folder.iterdir(), key=lambda p: p.stat().st_size)
    assert len(kept) == 3  # the deflated contents, each once: the stored ones are not kept
    kept[-2].write_bytes(kept[-1].read_bytes())  # whole, but another content's
    kept[-1].write_bytes(kept[-1].read_bytes()[:-3])
    kept[0].write_bytes(b"")
    assert reproducible_zip(MEMBERS, cache) == alone
    again = DeflatedCache(tmp_path)
    monkeypatch.setattr(zipfiles, "_deflated", lambda content: pytest.fail("deflated again"))
    assert reproducible_zip(MEMBERS, again) == alone  # each written again, whole


def test_the_cache_keeps_only_the_last_archives_members_and_leaves_the_rest_alone(tmp_path):
    reproducible_zip(MEMBERS, DeflatedCache(tmp_path))
    (tmp_path / "zlib-0.9-0123456789abcdef").mkdir()  # made by another zlib
    (tmp_path / "notes.txt").write_text("not the cache's")
    cache = DeflatedCache(tmp_path)
    stopped = _a_finished_pid()
    (cache.folder / f".{'0' * 64}.{stopped}.part").write_bytes(b"")  # a build that was stopped
    writing = cache.folder / f".{'1' * 64}.{os.getpid()}.part"  # a build writing it now
    writing.write_bytes(b"")
    reproducible_zip(MEMBERS[:2], cache)
    cache.forget_unused()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", cache.folder.name]
    assert sorted(p.name for p in cache.folder.iterdir()) == sorted(
        [writing.name, hashlib.sha256(MEMBERS[1].content).hexdigest()])


def _a_finished_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", ""])
    process.wait()
    return process.pid


def test_other_settings_deflate_into_another_folder(tmp_path, monkeypatch):
    this = DeflatedCache(tmp_path).folder
    monkeypatch.setattr(zipfiles, "_COMPRESSOR", (LEVEL - 1, zlib.DEFLATED, -15))
    assert DeflatedCache(tmp_path).folder != this
