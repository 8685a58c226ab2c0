"""whole.write_whole: the file as it was, or as one writer wrote it, never half; the part file
it writes is named by its process, so a part left by a stopped process can be told apart."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from edition import whole
from edition.whole import write_whole, writer_of


def test_a_file_is_replaced_whole_and_no_part_is_left(tmp_path):
    path = tmp_path / "ledger.tsv"
    path.write_bytes(b"old")
    write_whole(path, b"new")
    assert path.read_bytes() == b"new" and os.listdir(tmp_path) == ["ledger.tsv"]


def test_a_write_that_fails_leaves_the_old_file_and_no_part(tmp_path, monkeypatch):
    path = tmp_path / "citations.json"
    path.write_bytes(b"old")
    write_bytes = Path.write_bytes

    def full_disk(self, data):  # the disk fills after the first byte
        write_bytes(self, data[:1])
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(Path, "write_bytes", full_disk)
    with pytest.raises(OSError):
        write_whole(path, b"new")
    assert path.read_bytes() == b"old" and os.listdir(tmp_path) == ["citations.json"]


def test_the_part_names_its_writer(tmp_path, monkeypatch):
    seen = []
    monkeypatch.setattr(whole.os, "replace", lambda part, path: seen.append(writer_of(part)))
    write_whole(tmp_path / "a", b"")
    assert seen == [os.getpid()]
    assert [writer_of(tmp_path / name) for name in ("a", "a.12", ".a.part", ".a.x.part")] \
        == [None, None, None, None]
    assert writer_of(tmp_path / "a.12.part") == 12  # written by the zip cache before write_whole
