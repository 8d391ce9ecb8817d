"""The report as an Excel workbook: summary, native charts, and detail sheets.

Sheets:

- ``Ringkasan``: the report heading, every table of the report but the wide ones, the method
  notes; dates (due dates, dispute dates) are date cells; columns meant for scripts (a dispute
  outcome's code) are left out, as in the DOCX;
- ``Tren bulanan`` (and ``Per kantor`` for offices combined): the 11-column month-by-month
  table (the per-office table) on a sheet of its own, so the summary's columns stay few enough
  to print one page wide at a readable scale;
- ``Grafik``: the month-by-month table with a native column chart of the trend, and the
  decisions table with a native bar chart (Excel draws them; no images);
- ``Permohonan`` / ``Keberatan``: the period's rows with their working-day durations, each case
  as it stood on the report's day (:func:`ppidctl.reports.summary._as_of`); stored choices in
  words (``letters.fmt.label``), statuses and objection reasons (a-g) as the register book
  writes them; personal data masked unless ``tanpa_sensor``; header frozen, auto-filter on,
  printed several pages wide with the header row and the first column on every page. A period
  with no case received gets one line saying so instead of a header-only page (the sheet stays,
  so the workbook always has the same sheets).

Widths, wrapped rows and print setup: :mod:`ppidctl.reports.excel`. The bytes are built in
memory; :func:`ppidctl.reports.output.save_report` writes them atomically.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange

from .. import schema
from ..letters.fmt import LABEL, label
from ..rules.validation import tanggal_iso
from .excel import (
    LINE_PT,
    Styles,
    column_widths,
    lines,
    new_workbook,
    page_header,
    print_setup,
    row_height,
    set_widths,
    to_bytes,
)
from .privacy import mask
from .summary import KOLOM_SKRIP, tanggal_panjang

if TYPE_CHECKING:
    from .summary import Laporan, Tabel

__all__ = ["xlsx_bytes", "DETAIL"]

#: Detail sheet columns: (key, header). Durations are added by load_office().
DETAIL = {
    "permohonan": [
        ("nomor_registrasi", None),
        ("tanggal_diterima", None),
        ("nama_pemohon", None),
        ("alamat", None),
        ("pekerjaan", None),
        ("saluran", None),
        ("jenis_pemohon", None),
        ("informasi_diminta", None),
        ("tahapan", None),
        ("status", None),
        ("keputusan", None),
        ("alasan_penolakan", None),
        ("diperpanjang_pada", None),
        ("tanggal_pemberitahuan", None),
        ("hk_pemberitahuan", "HK sampai Pemberitahuan"),
        ("terlambat", None),
        ("tanggal_selesai", None),
        ("dibayar_pada", None),  # (the waits the next figure leaves out: sesi32c L4)
        ("siap_pada", None),
        ("hk_penyerahan", "HK sampai Informasi Diserahkan"),
    ],
    "keberatan": [
        ("nomor_registrasi", None),
        ("tanggal_diterima", None),
        ("nomor_permohonan", None),
        ("nama_pemohon", None),
        ("alamat", None),
        ("alasan", None),
        ("tahapan", None),
        ("status", None),
        ("keputusan_atasan", None),
        ("tanggal_tanggapan", None),
        ("hk_tanggapan", "HK sampai Tanggapan"),
        ("tanggapan_pemohon", None),
    ],
}


#: tables too wide for the summary sheet's columns, each on a sheet of its own
OWN_SHEET = {"bulanan": "Tren bulanan", "kantor": "Per kantor"}


def xlsx_bytes(lap: Laporan, *, tanpa_sensor: bool = False) -> bytes:
    wb = new_workbook()
    on_summary = [t for t in lap.tabel if t.key not in OWN_SHEET]
    _tables_sheet(wb, "Ringkasan", lap, on_summary, lap.catatan, tanpa_sensor)
    for key, name in OWN_SHEET.items():
        if key in lap:
            _tables_sheet(wb, name, lap, [lap[key]], [], tanpa_sensor)
    if "bulanan" in lap:
        _chart_sheet(wb, lap)
    for register in ("permohonan", "keberatan"):
        frame = lap.detail.get(register)
        if frame is not None:
            _detail_sheet(wb, register, frame, lap, tanpa_sensor)
    # printed, a detail page (one of 30) says whose report, which period and sheet it is
    office = _office(lap)
    privacy = "data lengkap, internal" if tanpa_sensor else "data pribadi disamarkan"
    for ws in wb.worksheets:
        page_header(ws, f"{lap.judul} — {ws.title}", office, f"Periode: {lap.periode} · {privacy}")
    return to_bytes(wb)


def _office(lap: Laporan) -> str:
    """Whose report, for the page header (which holds 100 characters): the office, or the
    offices merged — as many whole names as fit, then how many more (review gabung L3: cut
    mid-name)."""
    inst = lap.instansi.get("instansi", {})
    if len(lap.kantor) == 1:
        return inst.get("nama", "")
    said = f"Gabungan {len(lap.kantor)} kantor: " + ", ".join(lap.kantor)
    for n in range(len(lap.kantor), 0, -1):
        if len(said) <= 100:
            return said
        said = (
            f"Gabungan {len(lap.kantor)} kantor: "
            + ", ".join(lap.kantor[: n - 1])
            + f", dan {len(lap.kantor) - n + 1} lainnya"
        )
    return said[:100]


def _value_style(value: Any) -> str:
    if isinstance(value, bool):
        return "isi"
    if isinstance(value, int):
        return "angka"
    if isinstance(value, float):
        return "desimal"
    if isinstance(value, date):
        return "tanggal"
    return "isi"


def _value(value: Any) -> Any:
    """A table value as a cell: an ISO date (a due date, a dispute's dates) as a date cell."""
    return tanggal_iso(value) or value


def _label(key: str, value: Any) -> Any:
    return label(value, key) if key in LABEL and isinstance(value, str) else value


class _Rows:
    """Appends rows to a write-only sheet, knowing their numbers: a text row spans the sheet's
    columns (merged, wrapped, its height set)."""

    def __init__(self, ws, widths: list[float]) -> None:
        self.ws, self.st, self.widths, self.n = ws, Styles(ws), widths, 0

    def cells(self, values: list[Any], styles: list[str] | str = "isi") -> None:
        styles = [styles] * len(values) if isinstance(styles, str) else styles
        self.n += 1
        height = row_height(values, self.widths[: len(values)])
        if height:
            self.ws.row_dimensions[self.n].height = height
        self.ws.append([self.st.cell(v, s) for v, s in zip(values, styles, strict=True)])

    def text(self, text: str, style: str) -> None:
        self.n += 1
        scale = {"judul": 13 / 9, "subjudul": 11 / 9}.get(style, 1)  # (bold 13 / 11 pt)
        n = lines(text, sum(self.widths) / scale)
        if n > 1:
            self.ws.row_dimensions[self.n].height = LINE_PT * scale * n + 2
        self.ws.append([self.st.cell(text, style)])
        last = get_column_letter(len(self.widths))
        self.ws.merged_cells.add(CellRange(f"A{self.n}:{last}{self.n}"))

    def blank(self) -> None:
        self.n += 1
        self.ws.append([])


def _tables_sheet(
    wb, name: str, lap: Laporan, tables: list[Tabel], notes: list[str], tanpa_sensor: bool
) -> None:
    """A sheet of report tables under the report's heading: columns as wide as their content in
    every table (a wide label column, narrow figures), fitted to the page width."""
    ws = wb.create_sheet(name)
    kolom = {t.key: [(k, h) for k, h in t.kolom if k not in KOLOM_SKRIP] for t in tables}
    n = max(len(cols) for cols in kolom.values())
    values: list[list[Any]] = [[] for _ in range(n)]
    heads = [""] * n
    for t in tables:
        for i, (k, head) in enumerate(kolom[t.key]):
            values[i] += [_value(row.get(k)) for row in t.baris]
            heads[i] = max(heads[i], head, key=lambda h: max(map(len, h.split() or [""])))
    widths = column_widths(values, heads)
    widths[0] = column_widths(values[:1], heads[:1], cap=45)[0]  # the row labels
    set_widths(ws, widths)
    print_setup(ws, widths)
    out = _Rows(ws, widths)
    privacy = "data lengkap, internal" if tanpa_sensor else "data pribadi disamarkan"
    out.text(lap.judul, "judul")
    out.text(_office(lap), "subjudul")
    out.text(
        f"Periode: {lap.periode}"
        + (f" ({lap.berjalan})" if lap.berjalan else "")
        + f" · dibuat {lap.dibuat[:16].replace('T', ' ')} · {privacy}",
        "catatan",
    )
    out.blank()
    for t in tables:
        out.text(t.judul, "subjudul")
        out.cells([head for _k, head in kolom[t.key]], "kepala")
        for row in t.baris:  # (a stored choice in words, as the docx and the letters have it)
            cells = [_label(k, _value(row.get(k))) for k, _ in kolom[t.key]]
            out.cells(cells, [_value_style(v) for v in cells])
        if not t.baris:  # (as the docx and the screen: not a header row alone)
            out.cells(["(tidak ada)"])
        if t.catatan:
            out.text(t.catatan, "catatan")
        out.blank()
    if notes:
        out.text("Catatan metode", "subjudul")
        for note in notes:
            out.text(note, "catatan")


def _chart_sheet(wb, lap: Laporan) -> None:
    from openpyxl.chart import BarChart, Reference

    ws = wb.create_sheet("Grafik")
    st = Styles(ws)
    widths = [30, 13, 13, 13, 13, 2]
    set_widths(ws, widths)
    print_setup(ws, widths)
    ws.page_setup.fitToHeight = 1  # tables and charts on one page
    trend = lap["bulanan"]
    ws.append([st.cell(f"Grafik — {lap.judul}", "judul")])
    ws.append([st.cell(trend.judul, "subjudul")])
    keys = [
        ("nama_bulan", "Bulan"),
        ("permohonan_diterima", "Permohonan diterima"),
        ("pemberitahuan_tertulis", "Pemberitahuan tertulis"),
        ("diberikan", "Diberikan"),
        ("keberatan_diterima", "Keberatan masuk"),
    ]
    head = 3
    ws.append([st.cell(label, "kepala") for _k, label in keys])
    for row in trend.baris:
        ws.append([st.cell(row[k], _value_style(row[k])) for k, _ in keys])
    last = head + len(trend.baris)
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.title = "Tren bulanan"
    chart.y_axis.title = "Jumlah"
    chart.x_axis.title = "Bulan"
    chart.height, chart.width = 8.5, 17
    chart.add_data(
        Reference(ws, min_col=2, max_col=len(keys), min_row=head, max_row=last),
        titles_from_data=True,
    )
    chart.set_categories(Reference(ws, min_col=1, min_row=head + 1, max_row=last))
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    ws.add_chart(chart, "G2")

    decisions = lap["keputusan"]
    ws.append([])
    ws.append([st.cell(decisions.judul, "subjudul")])
    top = last + 3
    for row in (1, 2, top - 1):  # (a caption over the table's width: wrapped in column A, it
        ws.merged_cells.add(CellRange(f"A{row}:E{row}"))  # was printed over the header row)
    ws.append([st.cell("Keputusan", "kepala"), st.cell("Jumlah", "kepala")])
    for row in decisions.baris:
        ws.append([st.cell(row["kategori"], "isi"), st.cell(row["jumlah"], "angka")])
    end = top + len(decisions.baris)
    bar = BarChart()
    bar.type = "bar"
    bar.title = "Keputusan atas permohonan"
    bar.legend = None
    bar.height, bar.width = 7.5, 17
    bar.add_data(Reference(ws, min_col=2, min_row=top, max_row=end), titles_from_data=True)
    bar.set_categories(Reference(ws, min_col=1, min_row=top + 1, max_row=end))
    bar.y_axis.delete = False
    bar.x_axis.delete = False
    ws.add_chart(bar, "G20")


def _column_values(frame: pd.DataFrame, key: str, kind: str, tanpa_sensor: bool) -> list:
    s = frame[key]
    if key.startswith("hk_"):
        arr = s.to_numpy(dtype=float)
        return [None if np.isnan(x) else int(x) for x in arr]
    if pd.api.types.is_datetime64_any_dtype(s):
        return list(s.to_numpy().astype("datetime64[D]").astype(object))
    values = s.tolist()
    if kind and not tanpa_sensor:
        return [mask(kind, v) for v in values]
    if key in LABEL:  # a stored choice in words, as in the register book and the letters
        return [label(v, key) for v in values]
    return values


def _detail_sheet(wb, register: str, frame: pd.DataFrame, lap: Laporan, tanpa_sensor: bool) -> None:
    ws = wb.create_sheet(register.capitalize())
    multi = len(lap.kantor) > 1
    cols = ([("kantor", "Kantor")] if multi else []) + [
        (k, h or schema.column(register, k).header) for k, h in DETAIL[register]
    ]
    kinds = {c.key: c.pribadi for c in schema.columns(register)}
    columns = [_column_values(frame, k, kinds.get(k, ""), tanpa_sensor) for k, _ in cols]
    heads = [h for _k, h in cols]
    n = len(frame)
    if not n:  # no header-only page: one line saying so
        when = (
            f"pada {tanggal_panjang(lap.mulai)}" if lap.jenis == "harian" else "dalam periode ini"
        )
        text = f"Tidak ada {register} yang diterima {when}."
        set_widths(ws, [len(text) + 2])
        ws.append([Styles(ws).cell(text, "catatan")])
        return
    widths = column_widths(columns, heads)
    set_widths(ws, widths)
    ws.freeze_panes = "B2"
    print_setup(ws, widths, repeat_rows="1:1", repeat_cols=1)
    out = _Rows(ws, widths)
    out.cells(heads, "kepala")
    ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{n + 1}"
    styles = [_value_style(next((v for v in c if v is not None and v != ""), "")) for c in columns]
    for values in zip(*columns, strict=True):
        out.cells(list(values), styles)
