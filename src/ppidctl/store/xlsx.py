"""The XLSX option for registers (``[penyimpanan] format = "xlsx"``).

Same columns as the CSV registers, one sheet named after the register, first row the column keys.
Every write rewrites the workbook with openpyxl, which costs seconds on large registers (see
README: CSV is the default). A sheet an office added beside it would be lost by that rewrite: a
command that writes the register refuses while one is there (``Table.other_sheets``).
"""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

from ..errors import RegisterError
from ..schema import ANGKA, DAFTAR, PILIHAN, TANGGAL, TEKS, WAKTU, YA_TIDAK, Column
from .table import Table, _Record, empty_table, header_index


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return (
            value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


#: columns whose digits are text: as a number cell Excel drops a phone's leading 0 and rounds a
#: NIK's 16 digits to 15 (read back as digits, so the register alone cannot tell)
NUMBER_CELLS = ("nik", "telepon")


def read_xlsx(register: str, path: Path, data: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds for a damaged file
        raise RegisterError(
            f"{path.name}: bukan berkas XLSX yang sah ({e})", "pulihkan dari arsip"
        ) from None
    # the register's own sheet (named after it, as written), whatever sheet an office put first
    ws = wb[register] if register in wb.sheetnames else wb.worksheets[0]
    others = [name for name in wb.sheetnames if name != ws.title]
    it = ws.iter_rows(values_only=True)
    try:
        header = [_text(v) for v in next(it)]
    except StopIteration:
        table = empty_table(register, path)
        table.other_sheets = others
        return table
    index = header_index(register, header, path.name)
    table = Table(register, path, header, index, raw=data)
    table.other_sheets = others
    keys = [c.key for c in table.schema]
    digits = [(index[k], k) for k in NUMBER_CELLS if k in index]
    for values in it:
        fields = [_text(v) for v in values]
        if not any(f.strip() for f in fields):
            table._records.append(_Record("", fields, None))
            continue
        row = dict.fromkeys(keys, "")
        row.update({k: fields[i] for k, i in index.items() if i < len(fields)})
        numbers = [k for j, k in digits if j < len(values) and type(values[j]) in (int, float)]
        if numbers:
            table.number_cells[len(table.rows)] = numbers
        table.rows.append(row)
        table._records.append(_Record("", fields, len(table.rows) - 1))
    wb.close()
    return table


#: column widths (characters) by kind of value, so that the sheet reads when opened; free text
#: gets a width that shows its start (the cell holds all of it)
_WIDTH = {TANGGAL: 12, WAKTU: 22, ANGKA: 10, YA_TIDAK: 8, "nik": 19, "telepon": 16, TEKS: 28}


def _width(column: Column | None, key: str) -> float:
    if column is None:  # a column an office added: as wide as its name
        return max(len(key), 10) + 2
    kind = key if key in NUMBER_CELLS else column.tipe
    if kind in (PILIHAN, DAFTAR):
        fits = max(map(len, column.pilihan), default=10)
        return max(len(key), min(fits, 24)) + 2
    return max(len(key) + 2, _WIDTH.get(kind, _WIDTH[TEKS]))


def table_to_xlsx(table: Table) -> bytes:
    """The workbook; text Excel would run as a formula (``=…``, ``+…``, ``-…``, ``@…``) is
    stored as a text cell, so it reads back as typed. The NIK and telephone columns are
    formatted as text (cells and column), so a number typed or pasted there in Excel stays the
    digits typed (NUMBER_CELLS); each column has a width that suits its values."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    from ..reports.excel import plain

    header, body = table.cells_for_export()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(table.register)
    ws.freeze_panes = "A2"
    schema = {c.key: c for c in table.schema}
    text_cols = [j for j, key in enumerate(header) if key in NUMBER_CELLS]
    for j, key in enumerate(header):
        dim = ws.column_dimensions[get_column_letter(j + 1)]
        dim.width = _width(schema.get(key), key)
        if j in text_cols:
            dim.number_format = "@"
    ws.append(header)

    def text_cell(value: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(ws, value)
        cell.number_format = "@"
        return cell

    for cells in body:
        out = [plain(ws, c) for c in cells]
        for j in text_cols:
            if j < len(out) and type(out[j]) is str and out[j]:
                out[j] = text_cell(out[j])
        ws.append(out)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
