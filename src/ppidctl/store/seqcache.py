"""The highest sequence number per year of each register, kept so registering is fast.

Derived and disposable: it lives in the user's cache folder (never in the workspace), keyed by the
register's path and numbering pattern, and is trusted only while the register file has the
SHA-256 it had when the entry was made (every command that numbers hashes the register anyway,
to compare it with the journal). Any other change to the file (a hand edit in Excel) makes the
next command parse the register and rebuild the entry. Size, modification time and inode were
trusted before: a same-size edit with its time kept (``cp -p``, a FAT drive's 2-second clock)
made ``catat`` give a number again (review sinkron L2).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..rules import numbering

NAME = "nomor.json"


def _load(cache: Path) -> dict:
    try:
        data = json.loads((cache / NAME).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _key(path: Path, pattern: str) -> str:
    return f"{path.resolve()}|{pattern}"


def lookup(cache: Path, path: Path, pattern: str, sha256: str) -> dict[str, int] | None:
    """The maxima remembered for the register ``path`` whose content has ``sha256`` now."""
    entry = _load(cache).get(_key(path, pattern))
    if not sha256 or not entry or entry.get("sha256") != sha256:
        return None
    maxes = entry.get("maks")
    return dict(maxes) if isinstance(maxes, dict) else None


def remember(cache: Path, path: Path, pattern: str, maxes: dict[str, int], sha256: str) -> None:
    """Remember ``maxes`` for the register ``path`` whose content has ``sha256``."""
    if not sha256:
        return
    data = _load(cache)
    data[_key(path, pattern)] = {"sha256": sha256, "maks": maxes}
    try:
        cache.mkdir(parents=True, exist_ok=True)
        tmp = cache / f".{NAME}.{os.getpid()}.tmp"
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, cache / NAME)
    except OSError:
        pass  # a cache that cannot be written only costs speed


def maxima(rows, pattern: str) -> dict[str, int]:
    """Highest sequence per receipt year over ``rows``."""
    out: dict[str, int] = {}
    for row in rows:
        seq = numbering.sequence_of(row.get("nomor_registrasi", ""), pattern)
        year = row.get("tanggal_diterima", "")[:4]
        if seq is not None and seq > out.get(year, 0):
            out[year] = seq
    return out
