"""One register in memory, read from and written back to CSV or XLSX.

Rows are dicts of schema key → string, exactly as stored. The file's own column order, extra
columns an office added by hand, and blank rows are kept; a register whose header uses the
Indonesian column names (as Excel users retype them) is read the same as one with the keys. When a
CSV register is written back, every record the command did not change is copied byte-for-byte from
the file as it was read (a pandas round-trip would re-format them).

A CSV table is parsed lazily: a command that only appends (``permohonan catat``) reads the header
line and copies the rest of the file as bytes, which keeps it fast on a 100,000-row register.
"""

from __future__ import annotations

import csv
import functools
import gc
import hashlib
import io
import re
from collections.abc import Iterator, KeysView
from dataclasses import dataclass
from pathlib import Path

from ..errors import RegisterError, sebab, sebab_csv
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
    raw: str | None  # the text as read (None: new → formatted on write)
    fields: list[str]  # cells in file order
    row: int | None  # index into Table.rows, None for a blank line


class Table:
    """A register loaded for reading and changing."""

    def __init__(
        self,
        register: str,
        path: Path,
        header: list[str],
        index: dict[str, int],
        *,
        body: bytes | memoryview = b"",
        header_raw: str | None = None,
        newline: str = "\r\n",
        delimiter: str = ",",
        bom: bool = False,
        raw: bytes = b"",
    ) -> None:
        self.register = register
        self.path = path
        self.header = header
        self.index = index
        self._body = body  # the bytes after the header, decoded and parsed on first use of .rows
        self._parsed = not body
        self._rows: list[dict[str, str]] = []
        self._records: list[_Record] = []
        self._header_raw = header_raw
        self._grew = False  # schema columns added to the header (see _ensure_columns)
        self._newline = newline
        self._delimiter = delimiter
        self._bom = bom
        self._changed: set[int] = set()
        self._appended: list[dict[str, str]] = []  # appended before any parse
        self._raw = raw  # the file's bytes as read
        self._hasher = None  # sha256 state over _raw, shared by the before/after digests
        self.other_sheets: list[str] = []  # (XLSX) sheets beside the register's own
        #: (XLSX) row index → digit columns Excel holds as a number cell (see NUMBER_CELLS)
        self.number_cells: dict[int, list[str]] = {}

    # -- reading -----------------------------------------------------------------------------
    @property
    def schema(self) -> tuple[Column, ...]:
        return columns(self.register)

    @property
    def parsed(self) -> bool:
        return self._parsed

    @property
    def rows(self) -> list[dict[str, str]]:
        if not self._parsed:
            self._parse()
        return self._rows

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[dict[str, str]]:
        return iter(self.rows)

    def rows_where(
        self, key: str, values: tuple[str, ...], also: tuple[str, tuple[str, ...]] | None = None
    ) -> list[dict[str, str]]:
        """Rows whose ``key`` is one of ``values`` (or, with ``also`` = (key2, values2), whose
        key2 is one of values2: one pass for both) — on an unparsed register, without building a
        dict for every other row (``jatuh-tempo`` needs the few open cases of a large register)."""
        conds = [(key, set(values))] + ([(also[0], set(also[1]))] if also else [])

        def hit(r: dict[str, str]) -> bool:
            return any(r.get(k, "") in vs for k, vs in conds)

        if self._parsed or any(k not in self.index for k, _ in conds):
            return [r for r in self.rows if hit(r)]
        names, plain, width = self._names()
        text = self._text()
        if all(v and '"' not in v and v not in text for _, vs in conds for v in vs):
            return [r for r in self._appended if hit(r)]  # (a value is in the text as typed)
        at = [(self.index[k], vs) for k, vs in conds]
        out = []
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=self._delimiter)
        try:
            for fields in reader:
                n = len(fields)
                if any(n > pos and fields[pos] in vs for pos, vs in at):
                    out.append(self._row(fields, names, plain, width))
        except csv.Error as e:
            raise RegisterError(
                f"{self.path.name}:{reader.line_num + 1}: baris rusak ({sebab_csv(e)})",
                "perbaiki baris itu di editor teks",
            ) from None
        out += [r for r in self._appended if hit(r)]
        return out

    def _names(self) -> tuple[list[str], bool, int]:
        """Schema key per file column, whether the file has exactly the schema's columns, and
        its width."""
        width = len(self.header)
        names = [""] * width
        for key, pos in self.index.items():
            names[pos] = key
        plain = tuple(names) == _schema_keys(self.register)
        return names, plain, width

    def _row(self, fields: list[str], names: list[str], plain: bool, width: int) -> dict[str, str]:
        if plain and len(fields) == width:
            return dict(zip(names, fields, strict=True))
        row = dict.fromkeys(_schema_keys(self.register), "")
        n = len(fields)
        for key, pos in self.index.items():
            if pos < n:
                row[key] = fields[pos]
        return row

    def _text(self) -> str:
        try:
            return str(self._body, "utf-8")
        except UnicodeDecodeError as e:
            line = bytes(self._body[: e.start]).count(b"\n") + 2  # + the header line
            raise RegisterError(
                f"{self.path.name}:{line}: bukan teks UTF-8 (mungkin disimpan Excel sebagai CSV "
                "biasa)",
                _not_utf8(self.register),
            ) from None

    def _parse(self) -> None:
        self._parsed = True
        # the cyclic collector off while the rows are built: 100,000 dicts of text hold no
        # cycle, and its passes over them were a tenth of a step's time on a large register
        was = gc.isenabled()
        gc.disable()
        try:
            self._parse_rows()
        finally:
            if was:
                gc.enable()

    def _parse_rows(self) -> None:
        lines = list(io.StringIO(self._text(), newline=""))
        self._body = b""
        reader = csv.reader(lines, delimiter=self._delimiter, strict=False)
        names, plain, width = self._names()
        rows, records, record = self._rows, self._records, _Record
        prev = 0
        try:
            for fields in reader:
                end = reader.line_num
                raw = lines[prev] if end == prev + 1 else "".join(lines[prev:end])
                prev = end
                if not "".join(fields).strip():  # a blank (or formatted-empty) row
                    records.append(record(raw, fields, None))
                    continue
                rows.append(self._row(fields, names, plain, width))
                records.append(record(raw, fields, len(rows) - 1))
        except csv.Error as e:
            line = reader.line_num + 1
            raise RegisterError(
                f"{self.path.name}:{line}: baris rusak ({sebab_csv(e)})",
                "perbaiki baris itu di editor teks",
            ) from None
        appended, self._appended = self._appended, []
        self._add(appended)

    # -- changing ----------------------------------------------------------------------------
    def _check_keys(self, keys: KeysView[str] | set[str]) -> None:
        if not keys <= _schema_keyset(self.register):  # a programming error: the value would
            unknown = keys - _schema_keyset(self.register)  # not be stored
            raise KeyError(f"{self.register}: kolom tidak ada di schema: {sorted(unknown)}")

    def update(self, i: int, changes: dict[str, str]) -> dict[str, tuple[str, str]]:
        """Apply ``changes`` to row ``i``; returns {key: (before, after)} of what really changed."""
        self._check_keys(changes.keys())
        row = self.rows[i]
        diff = {k: (row.get(k, ""), v) for k, v in changes.items() if row.get(k, "") != v}
        if diff:
            row.update({k: after for k, (_before, after) in diff.items()})
            self._changed.add(i)
        return diff

    def append(self, values: dict[str, str]) -> dict[str, str]:
        """Add a row; returns it as stored. Does not parse the file."""
        return self.extend([values])[0]

    def extend(self, rows: list[dict[str, str]]) -> list[dict[str, str]]:
        """Add rows (an import adds tens of thousands at once); returns them as stored: every
        schema key, in schema order. Does not parse the file."""
        self._check_keys(set().union(*rows))
        empty = dict.fromkeys(_schema_keys(self.register), "")
        stored = [{**empty, **values} for values in rows]
        self._add(stored)
        return stored

    def _add(self, stored: list[dict[str, str]]) -> None:
        if self._parsed:
            start = len(self._rows)
            self._rows += stored
            self._records += [_Record(None, [], i) for i in range(start, len(self._rows))]
            self._changed.update(range(start, len(self._rows)))
        else:
            self._appended += stored

    @property
    def dirty(self) -> bool:
        return bool(self._changed or self._appended)

    # -- writing -----------------------------------------------------------------------------
    def _ensure_columns(self) -> None:
        """Add schema columns the file lacks (at the end) so changed rows can hold them."""
        for col in self.schema:
            if col.key not in self.index:
                self.index[col.key] = len(self.header)
                self.header.append(col.key)
                self._header_raw = None
                self._grew = True

    def _cells(self, fields: list[str], row: dict[str, str]) -> list[str]:
        cells = list(fields) + [""] * (len(self.header) - len(fields))
        for key, pos in self.index.items():
            cells[pos] = row.get(key, "")
        return cells

    def _order(self) -> list[str]:
        """The schema key of each file column ("" for a column the office added)."""
        order = [""] * len(self.header)
        for key, pos in self.index.items():
            order[pos] = key
        return order

    # -- hashes ------------------------------------------------------------------------------
    def _as_read(self):
        if self._hasher is None:
            self._hasher = hashlib.sha256(self._raw)
        return self._hasher

    def sha256_as_read(self) -> str:
        """SHA-256 of the file as it was read ("" when there was no file)."""
        return self._as_read().hexdigest() if self._raw else ""

    def sha256_of(self, chunks: tuple[bytes, ...]) -> str:
        """SHA-256 of ``chunks`` (what to_chunks gave); when they extend the file as read, the
        digest continues from the bytes already hashed instead of hashing them again."""
        if self._raw and len(chunks) == 2 and chunks[0] is self._raw:
            h = self._as_read().copy()
            h.update(chunks[1])
            return h.hexdigest()
        h = hashlib.sha256()
        for chunk in chunks:
            h.update(chunk)
        return h.hexdigest()

    def to_bytes(self) -> bytes:
        chunks = self.to_chunks()
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)

    def to_chunks(self) -> tuple[bytes, ...]:
        """The file to write, as pieces: after appends only, the file's bytes as read and the
        new rows (so a 37 MB register is not copied once more to add one row)."""
        if self.path.suffix.lower() == ".xlsx":
            from .xlsx import table_to_xlsx

            return (table_to_xlsx(self),)
        if (
            not self._parsed
            and self._header_raw is not None
            and all(c.key in self.index for c in self.schema)
        ):  # only appends: the file's bytes as read, then the new rows
            order = self._order()
            if tuple(order) == _schema_keys(self.register):  # rows are dicts in schema order
                cells = [list(r.values()) for r in self._appended]
            else:
                cells = [[r.get(k, "") if k else "" for k in order] for r in self._appended]
            text = csv_lines(cells, self._delimiter, self._newline)
            if not self._raw.endswith((b"\n", b"\r")):
                text = self._newline + text
            return (self._raw, text.encode("utf-8"))
        self._ensure_columns()
        if self._grew:  # every row gets the new columns: one field count per line (RFC 4180,
            _ = self.rows  # cli.md; csv.DictReader gave None for them on the older rows)
        out = io.StringIO(newline="")
        writer = csv.writer(out, delimiter=self._delimiter, lineterminator=self._newline)
        if self._header_raw is not None:
            out.write(self._header_raw)
        else:
            writer.writerow(self.header)
        if not self._parsed:  # only appends, and the header gained columns
            body = self._text()
            out.write(body)
            if body and not body.endswith(("\n", "\r")):
                out.write(self._newline)
            out.write(
                csv_lines(
                    [self._cells([], r) for r in self._appended], self._delimiter, self._newline
                )
            )
        else:
            order, rows, pending = self._order(), self._rows, []
            width = len(self.header)
            same_order = tuple(order) == _schema_keys(self.register)
            for rec in self._records:
                if (
                    rec.raw is not None
                    and rec.row not in self._changed
                    # a row short of the header (columns added by an older version's
                    # upgrade, a hand edit) gets its empty cells: one field count per line
                    and not (rec.row is not None and (self._grew or len(rec.fields) < width))
                ):
                    if pending:
                        out.write(csv_lines(pending, self._delimiter, self._newline))
                        pending.clear()
                    out.write(rec.raw)
                    if not rec.raw.endswith(("\n", "\r")):
                        out.write(self._newline)  # the file's last line had no line break
                elif rec.fields:
                    pending.append(self._cells(rec.fields, rows[rec.row]))
                elif same_order:  # a new row; its dict is in schema order (see append)
                    pending.append(list(rows[rec.row].values()))
                else:  # a new row, in the office's column order
                    row = rows[rec.row]
                    pending.append([row.get(k, "") if k else "" for k in order])
            out.write(csv_lines(pending, self._delimiter, self._newline))
        data = out.getvalue().encode("utf-8")
        return (b"\xef\xbb\xbf" + data if self._bom else data,)

    def cells_for_export(self) -> tuple[list[str], list[list[str]]]:
        rows = self.rows
        self._ensure_columns()
        return self.header, [
            self._cells(r.fields, rows[r.row]) for r in self._records if r.row is not None
        ]


def csv_lines(rows: list[list[str]], delimiter: str = ",", newline: str = "\r\n") -> str:
    """``rows`` as CSV lines, as ``csv.writer`` (minimal quoting) of Python 3.11.9+ writes them:
    a cell is quoted when it holds the delimiter, a quote, ``\r`` or ``\n`` (older writers left
    a lone ``\r`` unquoted in a register with ``\n`` line ends, which split the row on reading).
    Three to four times faster than the writer on a 50,000-row import: each row is joined, and
    only a row that holds such a character has its cells looked at (addresses hold commas)."""
    special = re.compile(f'[{re.escape(delimiter)}"\r\n]')
    lines = list(map(delimiter.join, rows))
    for i, line in enumerate(lines):
        cells = rows[i]
        if '"' in line or "\r" in line or "\n" in line:  # rare: a quote or line break somewhere
            lines[i] = delimiter.join(
                [f'"{c.replace(chr(34), chr(34) * 2)}"' if special.search(c) else c for c in cells]
            )
        elif line.count(delimiter) != len(cells) - 1:  # a cell holds the delimiter
            lines[i] = delimiter.join([f'"{c}"' if delimiter in c else c for c in cells])
        elif not line and len(cells) == 1:
            lines[i] = '""'  # a row of one empty cell
    return newline.join(lines) + newline if lines else ""


@functools.cache
def _schema_keys(register: str) -> tuple[str, ...]:
    return tuple(c.key for c in columns(register))


@functools.cache
def _schema_keyset(register: str) -> frozenset[str]:
    return frozenset(_schema_keys(register))


def empty_table(register: str, path: Path) -> Table:
    header = [c.key for c in columns(register)]
    return Table(register, path, header, {k: i for i, k in enumerate(header)})


_BLANK = re.compile(rb"\s*\Z")


def _not_utf8(register: str) -> str:
    return (
        f"kembalikan register dari jurnal: ppidctl pulihkan --register {register} (menyimpannya "
        "ulang dari Excel mengubah NIK, tanggal dan nomor telepon); lihat perbedaannya: ppidctl "
        "periksa"
    )


def read_csv(register: str, path: Path, data: bytes) -> Table:
    """A CSV register: the header is read now, the body (still bytes) when rows are needed."""
    where = path.name
    bom = data.startswith(b"\xef\xbb\xbf")
    start = 3 if bom else 0
    if _BLANK.match(data, start):  # (no copy of a large file to find out)
        return empty_table(register, path)
    nl = data.find(b"\n", start)
    if nl == -1 and b"\r" in data[start:]:
        nl = data.index(b"\r", start)  # old Mac line ends
    cut = nl + 1 if nl != -1 else len(data)
    try:
        first = data[start:cut].decode("utf-8")
    except UnicodeDecodeError:
        raise RegisterError(
            f"{where}:1: bukan teks UTF-8 (mungkin disimpan Excel sebagai CSV biasa)",
            _not_utf8(register),
        ) from None
    delimiter = ";" if first.count(";") > first.count(",") else ","
    # (a header-only file "judul\n" is LF too: its rows were written CRLF under it — sesi33c L3)
    newline = "\r\n" if first.endswith("\r\n") or nl == -1 else first[-1:]
    try:
        header = next(csv.reader([first], delimiter=delimiter, strict=True))
    except (csv.Error, StopIteration) as e:
        raise RegisterError(
            f"{where}:1: baris judul rusak ({sebab_csv(e)})", "perbaiki baris pertama"
        ) from None
    index = header_index(register, header, where)
    return Table(
        register,
        path,
        header,
        index,
        body=memoryview(data)[cut:],  # not copied: an append never reads it
        header_raw=first,
        newline=newline if newline in ("\n", "\r\n", "\r") else "\r\n",
        delimiter=delimiter,
        bom=bom,
        raw=data,
    )


def read_table(register: str, path: Path) -> Table:
    """Load ``path`` (CSV or XLSX by suffix); a missing file is an empty register."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return empty_table(register, path)
    except OSError as e:
        if path.is_dir():  # (not "its permissions": tolak L5; Windows says PermissionError)
            raise RegisterError(
                f"{path} tidak dapat dibaca: berupa folder, bukan berkas",
                "pindahkan folder itu; register yang hilang dibangun ulang dari jurnal dengan "
                "ppidctl pulihkan",
            ) from None
        raise RegisterError(
            f"{path} tidak dapat dibaca: {sebab(e)}", "periksa hak aksesnya"
        ) from None
    if path.suffix.lower() == ".xlsx":
        from .xlsx import read_xlsx

        return read_xlsx(register, path, data)
    return read_csv(register, path, data)
