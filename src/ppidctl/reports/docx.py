"""The narrative report (``--keluaran FILE.docx``), in the structure of the annual public
information service report (Perki 1/2021 Pasal 56; rules.md §7):

I. Gambaran umum kebijakan pelayanan informasi publik — fields from ppidctl.toml
   (``[instansi]``, ``[ppid]``, ``[atasan_ppid]``, and the optional ``[laporan]`` texts
   ``kebijakan_umum`` and ``gambaran_layanan``);
II. Gambaran umum pelaksanaan pelayanan informasi — channels and requesters;
III. Rincian pelayanan informasi publik — requests, decisions, rejection grounds, time taken;
IV. Rincian keberatan dan sengketa informasi;
V. Standar layanan dan perkara terbuka;
VI. Kendala and VII. Rekomendasi — written by the office in Word.

The report is addressed to the Komisi Informasi: a narrative section with no text set holds the
short placeholder :data:`ISIAN` ("(diisi oleh PPID)"), never instructions about ppidctl or its
files (those are in the README). Table values read as in a letter: dates in words
(``letters.fmt.tanggal_panjang``), stored choices by their labels (``letters.fmt.label``), and
columns meant for scripts (a dispute outcome's code) left out.

The daily page (``laporan harian``) is no such report: its document holds the same heading, its
tables (figures, and the day's cases by number and requester name, as on the screen) and notes,
and the same signature block.

Built directly with python-docx (no template). No personal data is printed beyond what the
report's tables show: figures, and for the daily page the requesters' names.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from ..letters.fmt import LABEL, label, tanggal_panjang
from .summary import iso_tanggal
from .summary import nilai_teks as _fmt

if TYPE_CHECKING:
    from .summary import Laporan, Tabel

__all__ = ["docx_bytes", "ISIAN"]

#: What an editable section holds when its text is not set: the office writes it in Word (how to
#: set it once for every report is in the README, not in the report).
ISIAN = "(diisi oleh PPID)"


def _section_text(doc, text: Any) -> None:
    """A narrative section: the text from the settings, else the placeholder :data:`ISIAN`."""
    from docx.shared import RGBColor

    if text:
        doc.add_paragraph(str(text))
        return
    p = doc.add_paragraph()
    run = p.add_run(ISIAN)
    run.italic = True
    run.font.color.rgb = RGBColor(0x80, 0x80, 0x80)


def _text(key: str, value: Any) -> str:
    """A table value as the report prints it: a date in words, a stored choice as its label."""
    day = iso_tanggal(value)
    if day is not None:
        return tanggal_panjang(day)
    if isinstance(value, str):
        return (label(value, key) if key in LABEL else value).strip()
    return _fmt(value)


#: columns for scripts, not for the reader (the dispute outcome's code beside its text)
SKIP = ("kode_putusan",)


def _table(doc, t: Tabel, skip: tuple[str, ...] = SKIP) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    cols = [(k, label) for k, label in t.kolom if k not in skip]
    # as on the screen: a column of figures is right-aligned, one of text (names, numbers) is not
    numeric = [
        i > 0 and all(isinstance(row.get(k), (int, float)) or row.get(k) is None for row in t.baris)
        for i, (k, _label) in enumerate(cols)
    ]
    p = doc.add_paragraph()
    run = p.add_run(t.judul)
    run.bold = True
    table = doc.add_table(rows=1, cols=len(cols))
    table.style = "Table Grid"
    for cell, (_k, head) in zip(table.rows[0].cells, cols, strict=True):
        cell.text = ""
        r = cell.paragraphs[0].add_run(head)
        r.bold = True
        r.font.size = Pt(9)
    empty = {k: "" for k, _label in cols} | {cols[0][0]: "(tidak ada)"}
    for row in t.baris or [empty]:
        cells = table.add_row().cells
        for i, (cell, (k, _label)) in enumerate(zip(cells, cols, strict=True)):
            para = cell.paragraphs[0]
            r = para.add_run(_text(k, row.get(k)))
            r.font.size = Pt(9)
            if numeric[i]:
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if t.catatan:
        note = doc.add_paragraph()
        r = note.add_run(t.catatan)
        r.italic = True
        r.font.size = Pt(8)
    doc.add_paragraph()


def _field_table(doc, rows: list[tuple[str, str]]) -> None:
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for name, value in rows:
        cells = table.add_row().cells
        cells[0].text = name
        cells[1].text = value or "–"
    doc.add_paragraph()


def docx_bytes(lap: Laporan) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    inst = lap.instansi.get("instansi", {})
    ppid = lap.instansi.get("ppid", {})
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)

    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(lap.judul.upper())
    run.bold = True
    run.font.size = Pt(14)
    sub = doc.add_paragraph()
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    who = inst.get("nama", "") if len(lap.kantor) == 1 else "Gabungan " + ", ".join(lap.kantor)
    sub.add_run(f"Pejabat Pengelola Informasi dan Dokumentasi (PPID)\n{who}").bold = True
    period = doc.add_paragraph()
    period.alignment = WD_ALIGN_PARAGRAPH.CENTER
    period.add_run(
        f"Tanggal {tanggal_panjang(lap.mulai)}"
        if lap.jenis == "harian"
        else f"Periode {tanggal_panjang(lap.mulai)} sampai {tanggal_panjang(lap.sampai)}"
        + (f" ({lap.berjalan})" if lap.berjalan else "")
    ).italic = True

    if lap.jenis == "harian":
        for t in lap.tabel:
            _table(doc, t)
    else:
        _report_sections(doc, lap)

    doc.add_heading("Catatan Metode", level=2)
    for note in lap.catatan:
        doc.add_paragraph(note, style="List Bullet")

    sign = doc.add_paragraph()
    sign.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    kota = inst.get("kota", "")
    sign.add_run(
        f"{kota + ', ' if kota else ''}{tanggal_panjang(_today(lap))}\n"
        f"{ppid.get('jabatan', 'PPID')}\n\n\n\n"
        f"{ppid.get('nama', '')}"
        + (f"\nNIP. {ppid['nip']}" if str(ppid.get("nip", "")).strip("- ") else "")
    )
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _report_sections(doc, lap: Laporan) -> None:
    """Sections I-VII of the monthly and annual report (the module doc)."""
    inst = lap.instansi.get("instansi", {})
    ppid = lap.instansi.get("ppid", {})
    atasan = lap.instansi.get("atasan_ppid", {})
    teks = lap.instansi.get("laporan", {})
    r = lap.ringkasan
    doc.add_heading("I. Gambaran Umum Kebijakan Pelayanan Informasi Publik", level=1)
    _section_text(doc, teks.get("kebijakan_umum"))
    _field_table(
        doc,
        [
            ("Badan publik", inst.get("nama", "")),
            ("Alamat", inst.get("alamat", "")),
            ("Telepon", inst.get("telepon", "")),
            ("E-mail", inst.get("email", "")),
            ("Laman", inst.get("laman", "")),
            ("PPID", f"{ppid.get('nama', '')} — {ppid.get('jabatan', '')}"),
            ("Atasan PPID", f"{atasan.get('nama', '')} — {atasan.get('jabatan', '')}"),
        ],
    )

    doc.add_heading("II. Gambaran Umum Pelaksanaan Pelayanan Informasi Publik", level=1)
    _section_text(doc, teks.get("gambaran_layanan"))
    for key in ("saluran", "jenis_pemohon", "pekerjaan"):
        _table(doc, lap[key])

    doc.add_heading("III. Rincian Pelayanan Informasi Publik", level=1)
    doc.add_paragraph(
        f"Selama periode ini PPID menerima {_fmt(r['permohonan_diterima'])} permohonan informasi "
        f"publik dan menyampaikan {_fmt(r['pemberitahuan_tertulis'])} pemberitahuan tertulis: "
        f"{_fmt(r['diberikan'])} diberikan seluruhnya, {_fmt(r['diberikan_sebagian'])} diberikan "
        f"sebagian, {_fmt(r['ditolak'])} ditolak, {_fmt(r['tidak_dikuasai'])} tidak dikuasai, dan "
        f"{_fmt(r['belum_didokumentasikan'])} belum didokumentasikan. Perpanjangan waktu "
        f"digunakan {_fmt(r['perpanjangan'])} kali; {_fmt(r['terlambat'])} pemberitahuan "
        f"melewati tenggat. {_medians(r)}"
    )
    for key in ("keputusan", "alasan_penolakan", "waktu", "perpanjangan_terlambat", "bulanan",
                "pembanding", "kantor"):  # fmt: skip
        if key in lap:
            _table(doc, lap[key])

    doc.add_heading("IV. Rincian Penyelesaian Keberatan dan Sengketa Informasi", level=1)
    doc.add_paragraph(
        f"Keberatan yang diterima: {_fmt(r['keberatan_diterima'])}; ditanggapi Atasan PPID: "
        f"{_fmt(r['keberatan_ditanggapi'])} ({_fmt(r['keberatan_dikabulkan'])} diterima, "
        f"{_fmt(r['keberatan_ditolak'])} ditolak). Sengketa informasi yang diajukan pemohon ke "
        f"Komisi Informasi: {_fmt(r['sengketa'])}."
    )
    for key in ("keberatan_alasan", "keberatan_hasil", "keberatan_waktu"):
        _table(doc, lap[key])
    if lap["sengketa"].baris:
        _table(doc, lap["sengketa"])

    doc.add_heading("V. Standar Layanan dan Perkara Terbuka", level=1)
    _table(doc, lap["standar_layanan"])
    _table(doc, lap["terbuka"])

    doc.add_heading("VI. Kendala Eksternal dan Internal", level=1)
    _section_text(doc, "")  # (the period's own: written in Word each time)
    doc.add_heading("VII. Rekomendasi dan Rencana Tindak Lanjut", level=1)
    _section_text(doc, "")


def _medians(r: dict[str, Any]) -> str:
    """The median times in words, saying plainly what did not happen in the period."""
    notif, done = r["median_hk_pemberitahuan"], r["median_hk_penyerahan"]
    parts = [
        "Tidak ada pemberitahuan tertulis dalam periode ini"
        if notif is None
        else f"Median waktu sampai pemberitahuan tertulis {_fmt(notif)} hari kerja",
        "tidak ada informasi yang diserahkan dalam periode ini"
        if done is None
        else f"median waktu sampai informasi diserahkan {_fmt(done)} hari kerja",
    ]
    return "; ".join(parts) + "."


def _today(lap: Laporan):
    from datetime import date

    try:
        return date.fromisoformat(lap.dibuat[:10])
    except ValueError:
        return lap.sampai
