"""Personal data in reports and exports (UU 27/2022): masking, and cells Excel must not run.

Masking follows each column's ``pribadi`` kind in the schema, so a personal-data column added
there is masked everywhere:

- ``nik``: the first 4 and last 2 characters stay (``5271011203900001`` → ``5271**********01``),
- ``telepon``: the first 4 and last 2 digits stay, other digits become ``*``
  (``081234567890`` → ``0812******90``); spaces, ``+`` and ``-`` are kept,
- ``email``: the first letter and the domain stay (``budi.santoso@gmail.com`` → ``b***@gmail.com``),
- ``alamat``: only the last comma-separated part stays (``Jl. Pejanggik 1, Mataram`` →
  ``…, Mataram``); an address without a comma becomes ``…``.

Formula injection: a text cell starting with ``=``, ``+``, ``-``, ``@`` (or a tab / carriage
return) would be run as a formula by a spreadsheet. :func:`csv_safe` prefixes such text with an
apostrophe for CSV files; the XLSX writers store it as a text cell with Excel's "quote prefix"
(:func:`is_formula_like`), so it shows unchanged and still is not run.
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import schema

__all__ = [
    "mask",
    "mask_rows",
    "personal_columns",
    "csv_safe",
    "is_formula_like",
    "FORMULA_START",
]

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def mask(kind: str, value: object) -> str:
    """``value`` masked as personal data of ``kind`` ("" stays "")."""
    text = "" if value is None else str(value).strip()
    if not text or not kind:
        return text
    if kind == "nik":
        if len(text) <= 6:
            return "*" * len(text)
        return text[:4] + "*" * (len(text) - 6) + text[-2:]
    if kind == "telepon":
        digits = [i for i, ch in enumerate(text) if ch.isdigit()]
        if len(digits) <= 6:
            return "".join("*" if ch.isdigit() else ch for ch in text)
        hidden = set(digits[4:-2])
        return "".join("*" if i in hidden else ch for i, ch in enumerate(text))
    if kind == "email":
        local, at, domain = text.partition("@")
        return (local[:1] + "***" + (at + domain if at else "")) if local else "***" + at + domain
    if kind == "alamat":
        if "," not in text:
            return "…"
        last = text.rsplit(",", 1)[1].strip()
        return f"…, {last}" if last else "…"
    raise ValueError(f"jenis data pribadi tidak dikenal: {kind}")


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


def is_formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_START)


def csv_safe(value: object) -> object:
    """Text a spreadsheet would run as a formula, prefixed with ``'`` (OWASP CSV injection)."""
    return "'" + value if is_formula_like(value) else value  # type: ignore[operator]
