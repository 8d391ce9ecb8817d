"""Personal data in reports and exports (UU 27/2022): masking, and cells Excel must not run.

Masking follows each column's ``pribadi`` kind in the schema, so a personal-data column added
there is masked everywhere:

- ``nik``: the first 4 and last 2 characters stay (``5271011203900001`` → ``5271**********01``),
- ``telepon``: the first 4 and last 2 digits stay, other digits become ``*``
  (``081234567890`` → ``0812******90``); spaces, ``+`` and ``-`` are kept,
- ``email``: the first letter and the domain stay (``budi.santoso@gmail.com`` → ``b***@gmail.com``),
- ``alamat``: only the last comma-separated part stays (``Jl. Pejanggik 1, Mataram`` →
  ``…, Mataram``) when it names a place, not a street: an address without a comma, or whose last
  part holds a street word (Jl., Gg., No., RT/RW, Blok, …) or a number other than a 5-digit
  postcode (written town first: ``Mataram, Jl. Majapahit No. 7``), becomes ``…``,
- ``teks`` (notes and free text, e.g. ``catatan``, where an import keeps a second phone number or
  an unmatched "No. KK" column): the text stays, every phone number (``0…``, ``62…``/``+62…``,
  or ``8…`` as Excel leaves it, 9–14 digits), 15–17-digit number (NIK, KK, also spaced) and
  e-mail address in it is masked as a phone number is; dates, amounts, registration and letter
  numbers and 18-digit NIPs stay.

A value too short to keep 4 + 2 characters and still hide most of it (a 7-digit landline, a
9-character passport number) shows only its last 2.

Formula injection: :mod:`ppidctl.formula` (``csv_safe``, ``is_formula_like``), re-exported here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .. import schema
from ..formula import FORMULA_START, csv_safe, is_formula_like

__all__ = [
    "mask",
    "mask_rows",
    "personal_columns",
    "csv_safe",
    "is_formula_like",
    "FORMULA_START",
]

#: what only a street address holds (a street, house number, RT/RW, block): a kept last part
#: with one, or with a number other than a 5-digit postcode, would locate the house
_JALAN = re.compile(
    r"\b(?:jl|jln|jalan|gg|gang|lr|lorong|no|nomor|rt|rw|blok|kav|kavling|komp|kompleks|perum|"
    r"perumahan)\b",
    re.IGNORECASE,
)
#: in free text: a run of digits (spaced, dotted, dashed or bracketed as phone numbers and NIKs
#: are written), not inside a registration or letter number ("/", "-" around it) or a word;
#: :func:`_nomor_pribadi` decides whether it is one to mask
_ANGKA = re.compile(r"(?<![\w/\-+(])[+(]?\d[\d\s.\-()]*\d(?![\w/\-])")
_NIK = re.compile(r"(?<!\d)\d{15,17}(?!\d)")
#: a mobile number glued to a label ("HP-0812…", "No.HP/0812-3456-7890", "WA0812…"), which
#: _ANGKA leaves (a "/" or "-" beside digits is a registration number's): none starts 08 or 628
_HP_TEMPEL = re.compile(r"(?<=[^\d\s+(])(?:\+?62|0)8(?:[\s.\-]?\d){7,11}(?![\d\-/])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def mask(kind: str, value: object) -> str:
    """``value`` masked as personal data of ``kind`` ("" stays "")."""
    text = "" if value is None else str(value).strip()
    if not text or not kind:
        return text
    if kind == "nik":
        if len(text) <= 6:
            return "*" * len(text)
        head = 4 if len(text) >= 15 else 0  # (a NIK; a passport number shows its last 2 only)
        return text[:head] + "*" * (len(text) - head - 2) + text[-2:]
    if kind == "telepon":
        digits = [i for i, ch in enumerate(text) if ch.isdigit()]
        if len(digits) <= 6:
            return "".join("*" if ch.isdigit() else ch for ch in text)
        hidden = set(digits[4 if len(digits) >= 10 else 0 : -2])
        return "".join("*" if i in hidden else ch for i, ch in enumerate(text))
    if kind == "teks":
        text = _EMAIL.sub(lambda m: mask("email", m[0]), text)
        text = _ANGKA.sub(lambda m: mask("telepon", m[0]) if _nomor_pribadi(m[0]) else m[0], text)
        text = _HP_TEMPEL.sub(lambda m: mask("telepon", m[0]), text)
        return _NIK.sub(lambda m: mask("nik", m[0]), text)  # (also glued on: "KK/5271…")
    if kind == "email":
        local, at, domain = text.partition("@")
        return (local[:1] + "***" + (at + domain if at else "")) if local else "***" + at + domain
    if kind == "alamat":
        last = text.rsplit(",", 1)[1].strip() if "," in text else ""
        if not last or _JALAN.search(last) or any(len(d) != 5 for d in re.findall(r"\d+", last)):
            return "…"  # (written town first: the last part is the street and house number)
        return f"…, {last}"
    raise ValueError(f"jenis data pribadi tidak dikenal: {kind}")


def _nomor_pribadi(span: str) -> bool:
    """A NIK or KK (15–17 digits), or a phone number: 0…, 62… or, as Excel leaves it without
    its leading 0, 8…, of 9–14 digits. Not a date, an amount, an 18-digit NIP."""
    digits = "".join(ch for ch in span if ch.isdigit())
    n = len(digits)
    if 15 <= n <= 17:
        return True
    return 9 <= n <= 14 and digits[0] in "08" or (digits[:2] == "62" and 10 <= n <= 14)


def personal_columns(register: str) -> dict[str, str]:
    """Column key → masking kind, for the personal-data columns of ``register``."""
    return {c.key: c.pribadi for c in schema.columns(register) if c.pribadi}


def mask_rows(register: str, rows: Iterable[dict], *, tanpa_sensor: bool = False) -> list[dict]:
    """Copies of ``rows`` with the register's personal-data columns masked."""
    kinds = {} if tanpa_sensor else personal_columns(register)
    out = []
    for row in rows:
        rec = dict(row)
        for key, kind in kinds.items():
            if key in rec:
                rec[key] = mask(kind, rec[key])
        out.append(rec)
    return out
