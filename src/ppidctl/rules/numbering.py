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
_BULAN_KE = {r: i for i, r in enumerate(ROMAWI, 1)}


def romawi_bulan(month: int) -> str:
    return ROMAWI[month - 1]


#: What each placeholder may hold after ``:``: numbers a zero-padded width (``{urut:03d}``),
#: texts nothing.
_NUMERIC = {"urut", "bulan", "tahun"}
_WIDTH = re.compile(r"(?:0(\d+))?d?")
_ROMAWI_RX = "(?:" + "|".join(sorted(ROMAWI, key=len, reverse=True)) + ")"


class PatternError(ValueError):
    """A numbering pattern ppidctl cannot use; the message is Indonesian."""


def _fields(pattern: str) -> list[tuple[str, str | None, int]]:
    """``pattern`` as (literal, field, width) triples; width is the zero-padded minimum width of
    a number (0 when none). Raises PatternError (or, for broken braces, ValueError)."""
    out = []
    for literal, name, spec, conv in string.Formatter().parse(pattern):
        width = 0
        if name is not None:
            if name not in FIELDS:
                raise PatternError(f"memakai isian yang tidak dikenal: {{{name}}}")
            if conv:
                raise PatternError(f"isian {{{name}!{conv}}} tidak didukung: tulis {{{name}}}")
            m = _WIDTH.fullmatch(spec or "") if name in _NUMERIC else None
            if spec and m is None:
                hint = f"{{{name}:03d}}" if name in _NUMERIC else f"{{{name}}}"
                raise PatternError(f"format {{{name}:{spec}}} tidak didukung: tulis {hint}")
            width = int(m[1]) if m and m[1] else 0
        out.append((literal, name, width))
    return out


def check_pattern(pattern: str) -> str | None:
    """Why ``pattern`` cannot be used, or None.

    A pattern must hold ``{urut}`` (once) and ``{tahun}``: the sequence restarts every year
    (rules.md §6), so without the year two receipts a year apart get the same number. The sequence
    must also be readable back from a number (the next one is one more than the highest): it may
    sit right beside the office code, the year, a Roman month or a zero-padded month, but not
    beside another number whose width varies (``{urut}{bulan}``: is ``0112`` 011 + 2 or 01 + 12?).
    """
    if not isinstance(pattern, str) or not pattern.strip():
        return "kosong"
    try:
        parts = _fields(pattern)
    except PatternError as e:
        return str(e)
    except ValueError as e:  # braces: "Single '}' encountered in format string"
        return f"tidak sah ({e})"
    names = [name for _, name, _ in parts if name is not None]
    if "urut" not in names:
        return "tidak memuat {urut} (nomor urut)"
    if names.count("urut") > 1:
        return "memuat {urut} lebih dari sekali"
    if "tahun" not in names:
        return (
            "tidak memuat {tahun}: nomor urut mulai dari 1 setiap tahun, sehingga tanpa tahun "
            "nomor tahun lalu terulang"
        )
    beside = _unreadable_neighbour(parts)
    if beside:
        return (
            f"menaruh {{urut}} bersambung dengan {{{beside}}} tanpa pemisah: nomor urutnya tidak "
            "dapat dibaca kembali dari nomor"
        )
    try:
        format_number(pattern, 1, "0000", date(2026, 1, 1))
    except (ValueError, TypeError, IndexError, KeyError) as e:
        return f"tidak sah ({e})"
    return None


def _unreadable_neighbour(parts: list[tuple[str, str | None, int]]) -> str | None:
    """The field that makes the sequence's digits ambiguous: a number of varying width (a month
    without ``:02d``) in the same run of digits as ``{urut}``, with no non-digit between."""
    tokens: list[tuple[str, bool]] = []  # (field or "", digits of varying width)
    for literal, name, width in parts:
        for ch in literal:
            tokens.append(("" if ch.isdigit() else "|", False))
        if name == "bulan_romawi":
            tokens.append(("|", False))  # letters: a separator
        elif name is not None:
            tokens.append((name, name == "urut" or (name == "bulan" and width < 2)))
    at = next(i for i, (name, _) in enumerate(tokens) if name == "urut")
    for step in (-1, 1):
        i = at + step
        while 0 <= i < len(tokens) and tokens[i][0] != "|":
            if tokens[i][1]:
                return tokens[i][0]
            i += step
    return None


def format_number(pattern: str, urut: int, kode: str, tanggal: date) -> str:
    return pattern.format(
        urut=urut,
        kode=kode,
        bulan=tanggal.month,
        bulan_romawi=romawi_bulan(tanggal.month),
        tahun=tanggal.year,
    )


def bind_kode(pattern: str, kode: str) -> str:
    """``pattern`` with ``{kode}`` replaced by the office code itself (as literal text), so a
    number is read with the code matched literally: ``PPID-{kode}{urut:03d}-{tahun}`` and code
    5271 read ``PPID-5271001-2026`` as sequence 1, not 5271001."""
    literal = kode.replace("{", "{{").replace("}", "}}")
    out = []
    for text, name, spec, conv in string.Formatter().parse(pattern):
        out.append(text.replace("{", "{{").replace("}", "}}"))
        if name == "kode":
            out.append(literal)
        elif name is not None:
            out.append(
                "{" + name + (f"!{conv}" if conv else "") + (f":{spec}" if spec else "") + "}"
            )
    return "".join(out)


def _regex(pattern: str, loose: bool = False) -> re.Pattern[str]:
    """A regex reading a number of ``pattern``: its literal parts literally, ``{urut}`` as digits
    (at least its padded width, more when the sequence grows past it), the year as four digits,
    the month as 1–12 or its padded width, the Roman month as I–XII. A ``{kode}`` still in the
    pattern (not bound with :func:`bind_kode`) matches any text. A field repeated must repeat
    the same text. ``loose``: the widths not required (a number typed by hand, "…-50" for
    ``{urut:03d}``: its sequence was read from another part — review agenda H2)."""
    out = ["^"]
    seen: set[str] = set()
    for literal, name, width in _fields(pattern):
        out.append(re.escape(literal))
        if name is None:
            continue
        if name in seen and name != "kode":
            out.append(f"(?P={name})")
            continue
        seen.add(name)
        if name == "urut":
            rx = "[0-9]+" if loose else rf"[0-9]{{{max(width, 1)},}}"
        elif name == "tahun":
            rx = rf"[0-9]{{{max(width, 4)}}}"
        elif name == "bulan":
            rx = rf"[0-9]{{{width}}}" if width >= 2 and not loose else "(?:1[0-2]|0?[1-9])"
        elif name == "bulan_romawi":
            rx = _ROMAWI_RX
        else:  # kode, unbound
            out.append(".*?")
            continue
        out.append(f"(?P<{name}>{rx})")
    out.append("$")
    return re.compile("".join(out))


_cache: dict[tuple[str, bool], re.Pattern[str]] = {}


def _match(number: str, pattern: str, loose: bool = False) -> re.Match[str] | None:
    rx = _cache.get((pattern, loose))
    if rx is None:
        rx = _cache[pattern, loose] = _regex(pattern, loose)
    return rx.match(number.strip())


def _read(number: str, pattern: str) -> re.Match[str] | None:
    """``number`` read by the pattern, its widths not required when they are not met (what a
    number's parts say; :func:`fits` still asks the pattern's exact shape)."""
    return _match(number, pattern) or _match(number, pattern, loose=True)


def year_and_sequence_read(number: str, pattern: str) -> tuple[int | None, int] | None:
    """The year (None when the pattern has none) and sequence of ``number`` when the pattern
    reads it (its widths not required); None for a number of another shape — two letter
    numbers are one when these agree ("02/…/I/2026" is "2/…/II/2026": review agenda H1)."""
    m = _read(number, pattern)
    if m is None:
        return None
    return (int(m["tahun"]) if "tahun" in m.re.groupindex else None), int(m["urut"])


def number_key(number: str, pattern: str, year: str) -> tuple:
    """What makes two numbers of ``pattern`` one: the year and sequence it reads ("02/…/I/2026"
    is "2/…/II/2026", "015/…" is "15/…", "…/iii/2026" typed lowercase too: review agenda H1) —
    ``year`` (the letter's) for a pattern without one — else the text, case aside."""
    read = None
    for typed in (number, number.upper()) if pattern else ():
        read = read or year_and_sequence_read(typed, pattern)
    if read is None:
        return ("teks", number.strip().casefold())
    stated, seq = read
    return ("urut", stated or int(year or 0), seq)


def fits(number: str, pattern: str) -> bool:
    """Whether ``number`` has the pattern's shape (an all-digit ``{tahun}{urut:04d}`` number is
    one, not a bare sequence)."""
    return _match(number, pattern) is not None


def month_year_of(number: str, pattern: str) -> tuple[int | None, int | None]:
    """The month and year a number of ``pattern`` states (``None`` for a part the pattern has
    not, or for a number of another shape)."""
    m = _read(number, pattern)
    if m is None:
        return None, None
    has = m.re.groupindex  # (once per imported row: no dict of every group)
    bulan = m["bulan"] if "bulan" in has else m["bulan_romawi"] if "bulan_romawi" in has else None
    tahun = m["tahun"] if "tahun" in has else None
    if bulan is not None:
        bulan = int(bulan) if bulan.isdigit() else _BULAN_KE[bulan]
    return bulan, int(tahun) if tahun else None


_ROMAWI_TAHUN = re.compile(r"\b(XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\W+((?:19|20)\d\d)\b")


def month_year_stated(number: str, pattern: str) -> tuple[int | None, int | None]:
    """:func:`month_year_of`, and for a number of another shape (one given before the pattern
    changed, a legacy book's) a Roman month before a four-digit year ("…/III/2024"), else its
    year alone."""
    bulan, tahun = month_year_of(number, pattern)
    if tahun is None:
        m = _ROMAWI_TAHUN.search(number)
        if m:
            return _BULAN_KE[m[1]], int(m[2])
        return None, year_and_sequence(number, pattern)[0]
    return bulan, tahun


def sequence_of(number: str, pattern: str) -> int | None:
    """The sequence part of ``number``: by the pattern, else (a legacy shape) its first number
    below 1000, years and numbers of 1000 or more (an office code) aside when others are there:
    sequences come before the month in Indonesian numbering (``12/PPID/05/2024`` → 12,
    ``B-12/PPID/01/2024`` → 12, ``PPID/5271/001/2026`` → 1, ``5271/PPID/12/2024`` → 12)."""
    m = _read(number, pattern)
    if m:
        return int(m.group("urut"))
    angka = [d for d in _ANGKA.findall(number) if not (len(d) == 4 and 1990 <= int(d) <= 2099)]
    if not angka:
        return None
    small = [d for d in angka if int(d) < 1000]  # not an office code such as 5271
    return int((small or angka)[0])


_ANGKA = re.compile(r"\d+")


#: a year in a number of another shape: 1990–2099 (as sequence_of), the last one — it comes after
#: an office code that may look like a year (kode satker 1971, Kota Pangkalpinang)
_TAHUN = re.compile(r"(?<![0-9])(199[0-9]|20[0-9]{2})(?![0-9])")


def year_and_sequence(number: str, pattern: str) -> tuple[int | None, int | None]:
    """The year and sequence ``number`` states: by the pattern, else (another shape: a legacy
    number, one given before the pattern changed) a four-digit year in it and the sequence
    :func:`sequence_of` reads. None for what it does not state."""
    m = _read(number, pattern)
    if m and "tahun" in m.groupdict():
        return int(m.group("tahun")), int(m.group("urut"))
    years = _TAHUN.findall(number)
    return (int(years[-1]) if years else None), sequence_of(number, pattern)


def sequences_of_year(numbers: Iterable[str], pattern: str, year: int) -> set[int]:
    """The sequences ``numbers`` hold in ``year``: a number retired in September
    (``011/PPID/5271/IX/2026``), or of another shape (``3/PPID/2026`` of an old book), keeps its
    sequence used for the whole year — November's 011 is another string, yet the same sequence
    given twice. One stating no year (``3/PPID``) holds its sequence in every year (which year
    it was given in is not in it); periksa reads it so too (no gap reported for it)."""
    out = set()
    for number in numbers:
        y, seq = year_and_sequence(number, pattern)
        if seq is not None and y in (year, None):
            out.add(seq)
    return out


def next_sequence(numbers_this_year: Iterable[str], pattern: str) -> int:
    seqs = [s for s in (sequence_of(n, pattern) for n in numbers_this_year) if s is not None]
    return max(seqs, default=0) + 1
