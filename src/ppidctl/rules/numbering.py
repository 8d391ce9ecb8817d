"""Registration and letter numbers from the office's patterns.

A pattern such as ``{urut:03d}/PPID/{kode}/{bulan_romawi}/{tahun}`` (rules.md §6; a setting in
``[penomoran]``) is filled with the sequence of the register in the year of the receipt date. The
sequence restarts every year; the next one is one more than the highest already used that year —
including legacy numbers written in another shape (see :func:`sequence_of`) — so a number once
given is never given again.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from datetime import date

FIELDS = {"urut", "kode", "bulan", "bulan_romawi", "tahun"}
ROMAWI = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def romawi_bulan(month: int) -> str:
    return ROMAWI[month - 1]


def check_pattern(pattern: str) -> str | None:
    """Why ``pattern`` cannot be used, or None."""
    if not isinstance(pattern, str) or not pattern.strip():
        return "kosong"
    try:
        names = [f for _, f, _, _ in string.Formatter().parse(pattern) if f is not None]
    except ValueError as e:
        return f"tidak sah ({e})"
    unknown = [n for n in names if n not in FIELDS]
    if unknown:
        return f"memakai isian yang tidak dikenal: {', '.join('{' + n + '}' for n in unknown)}"
    if "urut" not in names:
        return "tidak memuat {urut}"
    try:
        format_number(pattern, 1, "0000", date(2026, 1, 1))
    except (ValueError, TypeError) as e:
        return f"tidak sah ({e})"
    return None


def format_number(pattern: str, urut: int, kode: str, tanggal: date) -> str:
    return pattern.format(
        urut=urut,
        kode=kode,
        bulan=tanggal.month,
        bulan_romawi=romawi_bulan(tanggal.month),
        tahun=tanggal.year,
    )


def _regex(pattern: str) -> re.Pattern[str]:
    out = ["^"]
    for literal, name, _spec, _conv in string.Formatter().parse(pattern):
        out.append(re.escape(literal))
        if name == "urut":
            out.append(r"(?P<urut>\d+)")
        elif name == "tahun":
            out.append(r"(?P<tahun>\d{4})")
        elif name is not None:
            out.append(r"[^/]*?" if name != "kode" else r".*?")
    out.append("$")
    return re.compile("".join(out))


_cache: dict[str, re.Pattern[str]] = {}


def sequence_of(number: str, pattern: str) -> int | None:
    """The sequence part of ``number``: by the pattern, else (a legacy shape) its first number
    below 1000, years and numbers of 1000 or more (an office code) aside when others are there:
    sequences come before the month in Indonesian numbering (``12/PPID/05/2024`` → 12,
    ``B-12/PPID/01/2024`` → 12, ``PPID/5271/001/2026`` → 1, ``5271/PPID/12/2024`` → 12)."""
    rx = _cache.get(pattern)
    if rx is None:
        rx = _cache[pattern] = _regex(pattern)
    m = rx.match(number.strip())
    if m:
        return int(m.group("urut"))
    angka = [d for d in _ANGKA.findall(number) if not (len(d) == 4 and 1990 <= int(d) <= 2099)]
    if not angka:
        return None
    small = [d for d in angka if int(d) < 1000]  # not an office code such as 5271
    return int((small or angka)[0])


_ANGKA = re.compile(r"\d+")


def next_sequence(numbers_this_year: Iterable[str], pattern: str) -> int:
    seqs = [s for s in (sequence_of(n, pattern) for n in numbers_this_year) if s is not None]
    return max(seqs, default=0) + 1
