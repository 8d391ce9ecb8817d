"""Anchors: the hash of a journal line written down outside the workspace.

The journal is a hash chain, so whoever can write the workspace can rewrite it whole — a case
erased, a late notification back-dated — and re-chain it: ``periksa`` then finds nothing. Only
a hash kept where the register's keepers cannot write it (``periksa`` and ``arsip`` print the
last line's; written in a berita acara, kept with an archive elsewhere) tells. Found as the hash
of some line of today's journal, whose chain ``periksa`` checks from the first line, it proves
every line up to it unchanged since it was written down; not found, the journal before it was
rewritten (or the hash was copied wrong). ``periksa --jangkar HASH`` asks (review audit H1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import RegisterError
from ..store import journal
from .model import Problem

JANGKAR_TIDAK_ADA = "jangkar-tidak-ditemukan"
JANGKAR_SESUDAH_PUTUS = "jangkar-sesudah-rantai-putus"  # (found, but proves nothing before)
#: the least of a hash to look for: its first 32 hexadecimal digits (128 bits) — a shorter one
#: could be matched by a line made to match it
MIN_DIGITS = 32
_HEX = re.compile(r"[0-9a-f]+")


@dataclass(frozen=True)
class Found:
    hash: str
    baris: int  # the journal line whose hash it is
    waktu: str  # when that line was recorded
    perintah: str
    sesudahnya: int  # lines written after it


def valid(anchor: str) -> str | None:
    """The anchor as looked for, or None when it is no hash (prefix) of :data:`MIN_DIGITS` to 64
    hexadecimal digits. As copied from paper or a tool: any case, spaces and line breaks inside
    (written in groups), a ``sha256:`` in front, an ellipsis or sha256sum's ``  -`` after."""
    text = anchor.strip().lower()
    text = text.removeprefix("sha256:").removesuffix("-").strip().rstrip("…").rstrip(".")
    text = re.sub(r"\s+", "", text)
    if MIN_DIGITS <= len(text) <= 64 and _HEX.fullmatch(text):
        return text
    return None


def look_up(
    path: Path,
    anchors: list[str],
    breaks: list[int] = (),  # type: ignore[assignment]
) -> tuple[list[Found], list[Problem]]:
    """Each anchor found as the hash of a whole line of the journal at ``path``, or a problem;
    ``breaks``: the lines where periksa found the chain broken — an anchor found after one
    proves nothing before it (review sesi33b M1)."""
    hashes: list[tuple[str, bytes]] = []
    for raw in journal.lines(path):
        if raw.endswith(b"\n"):  # (a torn last line is no line anyone wrote down)
            hashes.append((journal.line_hash(raw), raw))
    found, problems = [], []
    for anchor in anchors:
        hit = next((i for i, (h, _raw) in enumerate(hashes) if h.startswith(anchor)), None)
        broken = [b for b in breaks if hit is not None and b <= hit + 1]
        if hit is None or broken:
            compare = (
                "bandingkan jurnal ini dengan jurnal di arsip yang dibuat sebelum jangkar itu "
                "dicatat (ppidctl arsip), dan laporkan kepada atasan"
            )
            problems.append(
                Problem(
                    "registers/jurnal.jsonl",
                    broken[0],
                    JANGKAR_SESUDAH_PUTUS,
                    f"jangkar {anchor} adalah hash baris {hit + 1}, tetapi rantai hash putus di "
                    f"baris {broken[0]}, sebelumnya: jurnal sebelum jangkar itu diubah",
                    compare,
                )
                if broken
                else Problem(
                    "registers/jurnal.jsonl",
                    None,
                    JANGKAR_TIDAK_ADA,
                    f"jangkar {anchor} tidak ditemukan sebagai hash baris mana pun di jurnal ini: "
                    "hashnya salah salin, atau jurnal sampai titik jangkar itu diubah atau "
                    "ditulis ulang sesudah jangkar dicatat",
                    f"cocokkan hashnya dengan catatan aslinya; bila benar, {compare}",
                )
            )
            continue
        entry = journal.whole(hashes[hit][1]) or {}
        found.append(
            Found(
                hashes[hit][0],
                hit + 1,
                str(entry.get("waktu", "")),
                str(entry.get("perintah", "")),
                len(hashes) - hit - 1,
            )
        )
    return found, problems


def last_line(path: Path) -> tuple[int, str] | None:
    """(number, hash) of the journal's last whole line — what to write down as an anchor; None
    when there is none or the last line is torn."""
    try:
        last = journal.tail(path)
    except RegisterError:
        return None
    return (journal.line_count(path), journal.line_hash(last)) if last else None
