"""Registers as typed pandas DataFrames: the data API behind the reports.

``load_frame(ws, "permohonan")`` reads the register file with pandas (``dtype=str``,
``keep_default_na=False``: a NIK ``0012…`` or the text ``NA`` stays as written, architecture.md)
and types the columns from the schema: ``tanggal`` → ``datetime64`` (``NaT`` when empty or not a
date), ``angka`` → ``Int64`` (``<NA>`` when empty), everything else → string. Columns carry the
schema keys whatever header the file uses (keys or the Indonesian headers); schema columns the
file lacks come back empty; blank rows are dropped. A file pandas cannot parse is read through
the register store instead, which names the broken line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .. import schema
from ..store.table import header_index

if TYPE_CHECKING:
    from ..workspace import Workspace

__all__ = ["load_frame", "refuse_unreadable", "typed"]

REGISTERS = ("permohonan", "keberatan", "surat", "libur")


def load_frame(
    ws: Workspace,
    register: str,
    columns: Iterable[str] | None = None,
    *,
    izinkan_tak_terbaca: bool = False,
) -> pd.DataFrame:
    """The register ``register`` as a DataFrame with typed columns (see the module doc).

    ``columns``: only these schema keys (faster on large registers); default all of them.
    A date cell that is no ``YYYY-MM-DD`` date (the register saved again by Excel) is refused
    (:func:`refuse_unreadable`: a count would silently miss its case); with
    ``izinkan_tak_terbaca=True`` it is ``NaT`` and named in ``frame.attrs["tak_terbaca"]``
    (column → (how many, an example)), for a script that looks at the damage.
    Raises :class:`~ppidctl.errors.PpidError` (``RuleError``, ``RegisterError``).
    """
    from ..errors import RuleError

    if register not in REGISTERS:
        raise RuleError(f"register '{register}' tidak dikenal", f"pilih: {', '.join(REGISTERS)}")
    known = [c.key for c in schema.columns(register)]
    keys = known if columns is None else list(columns)
    unknown = [k for k in keys if k not in known]
    if unknown:
        raise RuleError(
            f"kolom tidak ada di register {register}: {', '.join(unknown)}",
            f"kolomnya: {', '.join(known)}",
        )
    ws.refresh()
    path = ws.register_path(register)
    frame = None
    if path.suffix.lower() == ".csv" and path.exists():
        frame = _read_csv_fast(register, path, keys)
        if frame is not None:  # (ws.read checks it on the other path)
            ws.refuse_other_format(register, lambda: len(frame) > 0)
    if frame is None:  # xlsx, a missing file, or a CSV pandas could not parse
        rows = ws.read(register).rows
        frame = pd.DataFrame({k: [r.get(k, "") for r in rows] for k in keys}, dtype=str)
    out = typed(register, frame)
    out.attrs["register"] = register
    if not izinkan_tak_terbaca:
        refuse_unreadable(out)
    return out


def _read_csv_fast(register: str, path, keys: list[str]) -> pd.DataFrame | None:
    data = path.read_bytes()
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        first = data[3 if bom else 0 :].split(b"\n", 1)[0].decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not first.strip():
        return None
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        header = next(csv.reader([first.rstrip("\r")], delimiter=delimiter))
    except csv.Error:
        return None  # (the store's reader says what is wrong, in its words)
    index = header_index(register, header, path.name)  # a clear error for a broken header
    wanted = sorted({index[k] for k in keys if k in index} | _row_id_positions(register, index))
    try:
        frame = pd.read_csv(
            io.BytesIO(data),
            sep=delimiter,
            dtype=str,
            keep_default_na=False,
            usecols=wanted,
            encoding="utf-8-sig" if bom else "utf-8",
        )
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError):
        return None  # the store's reader reports the line
    by_pos = {pos: key for key, pos in index.items()}
    frame.columns = [by_pos[p] for p in wanted]
    frame = _drop_blank(register, frame)
    for key in keys:
        if key not in frame.columns:
            frame[key] = ""
    return frame[keys]


def _row_id_positions(register: str, index: dict[str, int]) -> set[int]:
    return {index[k] for k in _id_keys(register) if k in index}


def _id_keys(register: str) -> tuple[str, ...]:
    return tuple(c.key for c in schema.columns(register) if c.wajib)


def _drop_blank(register: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Drop rows whose required columns are all empty (blank lines, ``,,,,`` rows)."""
    ids = [k for k in _id_keys(register) if k in frame.columns]
    if not ids or frame.empty:
        return frame.reset_index(drop=True)
    keep = np.zeros(len(frame), dtype=bool)
    for k in ids:
        keep |= frame[k].to_numpy(dtype=object) != ""  # (numpy's compare: 4× pandas')
    return frame[keep].reset_index(drop=True) if not keep.all() else frame


def typed(register: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Convert string columns to the schema types (tanggal → datetime64, angka → Int64)."""
    out = {}
    dates = []
    for key in frame.columns:
        try:
            col = schema.column(register, key)
        except KeyError:
            out[key] = frame[key]
            continue
        s = frame[key]
        if col.tipe == schema.TANGGAL:
            out[key] = None  # filled below, in column order
            dates.append(key)
        elif col.tipe == schema.ANGKA:
            num = pd.to_numeric(s.str.replace(".", "", regex=False).str.strip(), errors="coerce")
            out[key] = num.where(num == num.round()).astype("Int64")
        else:
            out[key] = s if pd.api.types.is_string_dtype(s.dtype) else s.astype(str)
    if dates:  # one parse for all date columns: a report reads a hundred small registers
        n = len(frame)
        parsed = pd.to_datetime(
            pd.concat([frame[k] for k in dates], ignore_index=True),
            format="%Y-%m-%d",
            errors="coerce",
        ).to_numpy()
        for i, key in enumerate(dates):
            out[key] = pd.Series(parsed[i * n : (i + 1) * n], index=frame.index, name=key)
    result = pd.DataFrame(out, index=frame.index)
    unreadable = {}  # (a date written as no date: counted as none, see refuse_unreadable)
    for key in dates:  # (strip only the few unparsed non-empty cells: a merged report of 50
        raw = frame[key].to_numpy(dtype=object)  # offices stripped 100 whole registers)
        maybe = np.flatnonzero(result[key].isna().to_numpy() & (raw != ""))
        bad = [v for v in raw[maybe] if v.strip()]
        if bad:
            unreadable[key] = (len(bad), str(bad[0]))
    result.attrs["tak_terbaca"] = unreadable
    return result


def refuse_unreadable(frame: pd.DataFrame) -> None:
    """A report counts by dates: a date cell that is no ``YYYY-MM-DD`` date (a register saved
    again by Excel writes 01/09/2026) would silently drop its case from every figure. Refused,
    naming the cells and the way back."""
    bad = frame.attrs.get("tak_terbaca") or {}
    if not bad:
        return
    from ..errors import RegisterError

    register = frame.attrs.get("register", "")
    key, (_, value) = next(iter(bad.items()))
    total = sum(count for count, _ in bad.values())
    raise RegisterError(
        f"register {register}: {total} tanggal bukan YYYY-MM-DD (kolom "
        f"{', '.join(bad)}; mis. {key} '{value}'), jadi laporan akan salah hitung",
        "register itu kemungkinan disimpan ulang di Excel: lihat perubahannya dengan ppidctl "
        f"periksa; kembalikan dari jurnal dengan ppidctl pulihkan --register {register}",
    )
