"""One register in memory, read from and written back to CSV or XLSX.

Rows are dicts of schema key → string, exactly as stored. The file's own column order, extra
columns an office added by hand, and blank rows are kept; a register whose header uses the
Indonesian column names (as Excel users retype them) is read the same as one with the keys. When a
CSV register is written back, every record the command did not change is copied byte-for-byte from
the file as it was read (a pandas round-trip would re-format them).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import RegisterError
from ..schema import Column, columns


def _norm(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", " ", text.casefold()).strip()


def header_index(register: str, header: list[str], where: str) -> dict[str, int]:
    """Schema key → position in ``header``; a required column missing is a clear error."""
    names: dict[str, str] = {}
    for col in columns(register):
        names[_norm(col.key)] = col.key
        names.setdefault(_norm(col.header), col.key)
    index: dict[str, int] = {}
    for i, cell in enumerate(header):
        key = names.get(_norm(cell))
        if key is None:
            continue
        if key in index:
            raise RegisterError(
                f"{where}: kolom '{key}' muncul dua kali di baris judul",
                "hapus salah satu kolom itu di Excel lalu simpan lagi",
            )
        index[key] = i
    missing = [c.key for c in columns(register) if c.wajib and c.key not in index]
    if missing:
        raise RegisterError(
            f"{where}: kolom wajib tidak ada: {', '.join(missing)}",
            "kembalikan kolom itu (judul kolom = nama kunci) di baris pertama register",
        )
    return index


@dataclass
class _Record:
    raw: str | None  # the text as read (None: new or changed → formatted on write)
    fields: list[str]  # cells in file order
    row: int | None  # index into Table.rows, None for a blank line


@dataclass
class Table:
    """A register loaded for reading and changing."""

    register: str
    path: Path
    header: list[str]
    index: dict[str, int]
    rows: list[dict[str, str]] = field(default_factory=list)
    _records: list[_Record] = field(default_factory=list)
    _header_raw: str | None = None
    _newline: str = "\r\n"
    _delimiter: str = ","
    _bom: bool = False
    _changed: set[int] = field(default_factory=set)

    # -- reading -----------------------------------------------------------------------------
    @property
    def schema(self) -> tuple[Column, ...]:
        return columns(self.register)

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[dict[str, str]]:
        return iter(self.rows)

    # -- changing ----------------------------------------------------------------------------
    def update(self, i: int, changes: dict[str, str]) -> dict[str, tuple[str, str]]:
        """Apply ``changes`` to row ``i``; returns {key: (before, after)} of what really changed."""
        row = self.rows[i]
        diff = {k: (row.get(k, ""), v) for k, v in changes.items() if row.get(k, "") != v}
        if diff:
            row.update({k: after for k, (_before, after) in diff.items()})
            self._changed.add(i)
        return diff

    def append(self, values: dict[str, str]) -> int:
        row = {c.key: "" for c in self.schema}
        row.update(values)
        self.rows.append(row)
        i = len(self.rows) - 1
        self._records.append(_Record(None, [], i))
        self._changed.add(i)
        return i

    @property
    def dirty(self) -> bool:
        return bool(self._changed)

    # -- writing -----------------------------------------------------------------------------
    def _ensure_columns(self) -> None:
        """Add schema columns the file lacks (at the end) so changed rows can hold them."""
        for col in self.schema:
            if col.key not in self.index:
                self.index[col.key] = len(self.header)
                self.header.append(col.key)
                self._header_raw = None

    def _cells(self, rec: _Record) -> list[str]:
        cells = list(rec.fields) + [""] * (len(self.header) - len(rec.fields))
        row = self.rows[rec.row]  # type: ignore[index]
        for key, pos in self.index.items():
            cells[pos] = row.get(key, "")
        return cells

    def to_bytes(self) -> bytes:
        if self.path.suffix.lower() == ".xlsx":
            from .xlsx import table_to_xlsx

            return table_to_xlsx(self)
        self._ensure_columns()
        out = io.StringIO(newline="")
        writer = csv.writer(out, delimiter=self._delimiter, lineterminator=self._newline)
        if self._header_raw is not None:
            out.write(self._header_raw)
        else:
            writer.writerow(self.header)
        for rec in self._records:
            if rec.raw is not None and rec.row not in self._changed:
                raw = rec.raw
                if not raw.endswith(("\n", "\r")):
                    raw += self._newline  # the file's last line had no line break
                out.write(raw)
            else:
                writer.writerow(self._cells(rec))
        data = out.getvalue().encode("utf-8")
        return b"\xef\xbb\xbf" + data if self._bom else data

    def cells_for_export(self) -> tuple[list[str], list[list[str]]]:
        self._ensure_columns()
        return self.header, [self._cells(r) for r in self._records if r.row is not None]


class _Tap:
    """Feeds lines to csv.reader and remembers the raw text of the record just read."""

    def __init__(self, lines: Iterator[str]) -> None:
        self.lines = lines
        self.taken: list[str] = []

    def __iter__(self) -> _Tap:
        return self

    def __next__(self) -> str:
        line = next(self.lines)
        self.taken.append(line)
        return line

    def pop(self) -> str:
        raw = "".join(self.taken)
        self.taken.clear()
        return raw


def empty_table(register: str, path: Path) -> Table:
    header = [c.key for c in columns(register)]
    return Table(register, path, header, {k: i for i, k in enumerate(header)})


def read_csv(register: str, path: Path, data: bytes) -> Table:
    where = path.name
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        text = data[3:].decode("utf-8") if bom else data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise RegisterError(
            f"{where}:{line}: bukan teks UTF-8 (mungkin disimpan Excel sebagai CSV biasa)",
            'simpan ulang dari Excel sebagai "CSV UTF-8 (Comma delimited)"',
        ) from None
    if not text.strip():
        return empty_table(register, path)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    newline = "\r\n" if first.endswith("\r") or "\n" not in text else "\n"
    tap = _Tap(iter(io.StringIO(text, newline="")))
    reader = csv.reader(tap, delimiter=delimiter, strict=False)
    try:
        header = next(reader)
    except csv.Error as e:
        raise RegisterError(
            f"{where}:1: baris judul rusak ({e})", "perbaiki baris pertama"
        ) from None
    header_raw = tap.pop()
    index = header_index(register, header, where)
    table = Table(
        register,
        path,
        header,
        index,
        _header_raw=header_raw,
        _newline=newline,
        _delimiter=delimiter,
        _bom=bom,
    )
    keys = list(index.items())
    rows, records = table.rows, table._records
    try:
        for fields in reader:
            raw = tap.pop()
            if not any(f.strip() for f in fields):
                records.append(_Record(raw, fields, None))
                continue
            n = len(fields)
            rows.append({k: (fields[i] if i < n else "") for k, i in keys})
            records.append(_Record(raw, fields, len(rows) - 1))
    except csv.Error as e:
        raise RegisterError(
            f"{where}:{reader.line_num}: baris rusak ({e})", "perbaiki baris itu di editor teks"
        ) from None
    for col in table.schema:
        if col.key not in index:
            for row in rows:
                row[col.key] = ""
    return table


def read_table(register: str, path: Path) -> Table:
    """Load ``path`` (CSV or XLSX by suffix); a missing file is an empty register."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return empty_table(register, path)
    except OSError as e:
        raise RegisterError(
            f"{path} tidak dapat dibaca: {e.strerror}", "periksa hak aksesnya"
        ) from None
    if path.suffix.lower() == ".xlsx":
        from .xlsx import read_xlsx

        return read_xlsx(register, path, data)
    return read_csv(register, path, data)
