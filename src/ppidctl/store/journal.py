"""``registers/jurnal.jsonl``: the append-only, hash-chained journal of every change.

One JSON object per line: time, OS user, officer, command, register, number, action, the changed
fields ``{key: [before, after]}``, files written, the SHA-256 of the previous line (``sebelum``) and
of every register file after the change (``register``). The journal is written before the
registers are replaced, so a register can always be rebuilt or checked against it.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

GENESIS = "0" * 64
NAME = "jurnal.jsonl"


def line_hash(line: bytes) -> str:
    return hashlib.sha256(line.rstrip(b"\r\n")).hexdigest()


def last_line(path: Path) -> bytes:
    """The last complete line of the journal (b"" when empty), read from the end."""
    try:
        with path.open("rb") as f:
            f.seek(0, os.SEEK_END)
            end = f.tell()
            if end == 0:
                return b""
            block = 4096
            pos = end
            data = b""
            while pos > 0:
                step = min(block, pos)
                pos -= step
                f.seek(pos)
                data = f.read(step) + data
                stripped = data.rstrip(b"\n")
                if b"\n" in stripped:
                    return stripped.rsplit(b"\n", 1)[1]
            return data.rstrip(b"\n")
    except FileNotFoundError:
        return b""


def encode(entry: dict) -> bytes:
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def chain(entries: list[dict], previous: bytes) -> bytes:
    """Serialise ``entries`` as lines, each carrying the hash of the line before it."""
    prev = line_hash(previous) if previous else GENESIS
    out = []
    for entry in entries:
        entry = {**entry, "sebelum": prev}
        line = encode(entry)
        prev = line_hash(line)
        out.append(line)
    return b"".join(out)


def append(path: Path, data: bytes, mode: int) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, mode)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def read(path: Path) -> Iterator[tuple[int, dict | None, bytes]]:
    """(line number, parsed entry or None when unreadable, raw line) for every line."""
    try:
        f = path.open("rb")
    except FileNotFoundError:
        return
    with f:
        for no, raw in enumerate(f, 1):
            try:
                entry = json.loads(raw)
            except ValueError:
                entry = None
            yield no, entry, raw


def history(path: Path, register: str, nomor: str) -> list[dict]:
    needle = json.dumps(nomor, ensure_ascii=False).encode("utf-8")
    out = []
    for _no, entry, raw in read(path):
        if (
            needle in raw
            and entry
            and entry.get("register") == register
            and entry.get("nomor") == nomor
        ):
            out.append(entry)
    return out


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
