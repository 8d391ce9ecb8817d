"""The report as an Excel workbook: summary, native charts, and detail sheets.

Sheets:

- ``Ringkasan``: the report heading, every table of the report, the method notes;
- ``Grafik``: the month-by-month table with a native column chart of the trend, and the
  decisions table with a native bar chart (Excel draws them; no images);
- ``Permohonan`` / ``Keberatan``: the period's rows with their working-day durations; personal
  data masked unless ``tanpa_sensor``; header frozen, auto-filter on.

The bytes are built in memory; :func:`ppidctl.reports.output.save_report` writes them atomically.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .. import schema
from .excel import Styles, new_workbook, plain, set_widths, to_bytes
from .privacy import mask

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


def xlsx_bytes(lap: Laporan, *, tanpa_sensor: bool = False) -> bytes:
    wb = new_workbook()
    _summary_sheet(wb, lap, tanpa_sensor)
    if "bulanan" in lap:
        _chart_sheet(wb, lap)
    for register in ("permohonan", "keberatan"):
        frame = lap.detail.get(register)
        if frame is not None:
            _detail_sheet(wb, register, frame, len(lap.kantor) > 1, tanpa_sensor)
    return to_bytes(wb)


def _heading(ws, st: Styles, lap: Laporan, tanpa_sensor: bool) -> None:
    inst = lap.instansi.get("instansi", {})
    ws.append([st.cell(lap.judul, "judul")])
    ws.append([st.cell(inst.get("nama", "") if len(lap.kantor) == 1 else
                       "Gabungan: " + ", ".join(lap.kantor), "subjudul")])  # fmt: skip
    privacy = "data lengkap, internal" if tanpa_sensor else "data pribadi disamarkan"
    ws.append(
        [
            st.cell(
                f"Periode: {lap.periode}"
                + (f" ({lap.berjalan})" if lap.berjalan else "")
                + f" · dibuat {lap.dibuat[:16].replace('T', ' ')} · {privacy}",
                "catatan",
            )
        ]  # fmt: skip
    )
    ws.append([])


def _value_style(value: Any) -> str:
    if isinstance(value, bool):
        return "isi"
    if isinstance(value, int):
        return "angka"
    if isinstance(value, float):
        return "desimal"
    return "isi"


def _write_table(ws, st: Styles, t: Tabel) -> None:
    ws.append([st.cell(t.judul, "subjudul")])
    ws.append([st.cell(label, "kepala") for _k, label in t.kolom])
    for row in t.baris:
        ws.append([st.cell(row.get(k), _value_style(row.get(k))) for k, _ in t.kolom])
    if t.catatan:
        ws.append([st.cell(t.catatan, "catatan")])
    ws.append([])


def _summary_sheet(wb, lap: Laporan, tanpa_sensor: bool) -> None:
    ws = wb.create_sheet("Ringkasan")
    st = Styles(ws)
    set_widths(ws, [48] + [13] * 11)
    _landscape(ws, fit_height=False)
    _heading(ws, st, lap, tanpa_sensor)
    for t in lap.tabel:
        _write_table(ws, st, t)
    ws.append([st.cell("Catatan metode", "subjudul")])
    for note in lap.catatan:
        ws.append([st.cell(note, "catatan")])


def _chart_sheet(wb, lap: Laporan) -> None:
    from openpyxl.chart import BarChart, Reference

    ws = wb.create_sheet("Grafik")
    st = Styles(ws)
    set_widths(ws, [30, 13, 13, 13, 13, 2])
    _landscape(ws, fit_height=True)
    trend = lap["bulanan"]
    ws.append([st.cell(f"Grafik — {lap.judul}", "judul")])
    ws.append([st.cell(trend.judul, "subjudul")])
    keys = [
        ("nama_bulan", "Bulan"),
        ("permohonan_diterima", "Permohonan diterima"),
        ("pemberitahuan_tertulis", "Pemberitahuan tertulis"),
        ("diberikan", "Diberikan"),
        ("keberatan_diterima", "Keberatan diterima"),
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
    return values


def _detail_sheet(wb, register: str, frame: pd.DataFrame, multi: bool, tanpa_sensor: bool) -> None:
    ws = wb.create_sheet(register.capitalize())
    st = Styles(ws)
    cols = ([("kantor", "Kantor")] if multi else []) + [
        (k, h or schema.column(register, k).header) for k, h in DETAIL[register]
    ]
    kinds = {c.key: c.pribadi for c in schema.columns(register)}
    widths = {"informasi_diminta": 40, "alamat": 22, "nama_pemohon": 20, "nomor_registrasi": 22,
              "alasan_penolakan": 24, "nomor_permohonan": 22, "tahapan": 18, "kantor": 18}  # fmt: skip
    set_widths(ws, [widths.get(k, 13) for k, _ in cols])
    ws.freeze_panes = "B2"
    ws.print_title_rows = "1:1"
    _landscape(ws, fit_height=False)
    ws.append([st.cell(h, "kepala") for _k, h in cols])
    n = len(frame)
    if n:
        ws.auto_filter.ref = f"A1:{_col(len(cols))}{n + 1}"
    columns = [_column_values(frame, k, kinds.get(k, ""), tanpa_sensor) for k, _ in cols]
    for values in zip(*columns, strict=True):
        ws.append([plain(ws, v) for v in values])


def _landscape(ws, *, fit_height: bool) -> None:
    """A4 landscape, all columns on the page width (and the whole sheet on one page)."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1 if fit_height else 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _col(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(i)
