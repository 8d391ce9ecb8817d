"""What copying or syncing a workspace leaves in ``registers/``: copies of a register or of the
journal beside them, and files of 0 bytes.

A workspace kept in Google Drive, OneDrive, Dropbox or Syncthing and written on two computers
gets a *conflict copy*: one computer's file under the real name, the other's beside it as
``permohonan (1).csv``, ``permohonan-DESKTOP-7Q2.csv``, ``permohonan (conflicted copy ….csv`` or
``permohonan.sync-conflict-….csv``; a hand copy (``permohonan - Salinan.csv``) looks the same.
The rows in it are in no register: cases registered on the other computer, whose numbers the
next ``catat`` gives again (review sinkron H1). :func:`stray_copies` finds them by name: a file
of a register's or the journal's kind (``.csv``, ``.xlsx``, ``.jsonl``) whose name starts as
theirs and is not one of ppidctl's own (the file itself in either format, ``*.rusak-*`` and
``*.format-lama-*`` kept by ``pulihkan``, hidden temp and lock files).

A register or journal of 0 bytes is no edit (init writes a header and a first line): it is a
file still being copied or synced — the messages say so (:data:`KOSONG`), and a journal of
0 bytes is not taken for one lost without the way to wait (review sinkron M1, M2, L3).
"""

from __future__ import annotations

import os
from pathlib import Path

#: the files a copy is of (the registers and the journal, by name)
STEMS = ("permohonan", "keberatan", "surat", "libur", "jurnal")
#: what a register or journal file ends in
_KINDS = (".csv", ".xlsx", ".jsonl")
#: ppidctl's own files beside a register: set aside by pulihkan (repair.py)
_OWN = (".rusak-", ".format-lama-")


def stray_copies(registers_dir: Path, of: tuple[str, ...] = STEMS) -> list[tuple[str, str]]:
    """(file name, the register or "jurnal" it is a copy of), sorted by name, for the copies
    of ``of`` in ``registers_dir``: one directory listing."""
    try:
        names = sorted(os.listdir(registers_dir))
    except OSError:
        return []
    out = []
    for name in names:
        low = name.casefold()
        if low.startswith(".") or not low.endswith(_KINDS):
            continue
        stem = next((s for s in of if low.startswith(s)), None)
        rest = low[len(stem) :] if stem else ""
        if stem is None or rest in _KINDS or rest.startswith(_OWN):
            continue
        out.append((name, stem))
    return out


#: what a register or journal of 0 bytes most likely is, and what to do first
KOSONG = "kosong (0 byte): berkas itu mungkin masih disalin atau disinkronkan (USB, Google Drive, OneDrive)"
TUNGGU = "tunggu sampai penyalinan atau sinkronisasinya selesai, lalu ulangi"


def empty_file(path: Path) -> bool:
    """``path`` is a file of 0 bytes."""
    try:
        return path.is_file() and path.stat().st_size == 0
    except OSError:
        return False
