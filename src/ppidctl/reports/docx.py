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

Layout: A4 with "Halaman X dari Y" in the footer. Table columns are as wide as their content
needs (:func:`_widths`: at least the longest word, so words never break; a label column wide,
figures narrow); a table whose words do not fit side by side on a portrait page in 9 pt gets
8 pt, and if even that is too wide (the month-by-month trend, the per-office table) landscape
pages of its own, in smaller type if need be.

Built directly with python-docx (no template). No personal data is printed beyond what the
report's tables show: figures, and for the daily page the requesters' names.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from ..letters.fmt import LABEL, ada_nip, label, tanggal_panjang
from ..rules.validation import tanggal_iso
from .summary import KOLOM_SKRIP
from .summary import nilai_teks as _fmt

if TYPE_CHECKING:
    from .summary import Laporan, Tabel

__all__ = ["docx_bytes", "ISIAN", "isian"]

#: What an editable section holds when its text is not set: the office writes it in Word (how to
#: set it once for every report is in the README, not in the report).
ISIAN = "(diisi oleh PPID)"


def isian(lap: Laporan) -> list[str]:
    """The sections of the narrative report that print :data:`ISIAN`, for the office to write
    in Word before the report goes out (none in the daily page)."""
    if lap.jenis == "harian":
        return []
    teks = lap.instansi.get("laporan", {})
    return [
        name
        for name, text in (
            ("I (kebijakan umum)", teks.get("kebijakan_umum")),
            ("II (gambaran umum pelaksanaan)", teks.get("gambaran_layanan")),
            ("VI (kendala)", ""),
            ("VII (rekomendasi)", ""),
        )
        if not text
    ]


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


#: The page: A4, 2.5 cm margins; a table too wide for the portrait text width (its longest
#: words side by side) gets landscape pages of its own (:func:`_orient`).
A4_CM = (21.0, 29.7)
MARGIN_CM = 2.5


def _room(landscape: bool) -> float:
    """The text width of the page, in cm."""
    return (A4_CM[1] if landscape else A4_CM[0]) - 2 * MARGIN_CM


#: the cell's own left and right margins and a little slack (cm)
PAD_CM = 0.5
#: widths of bold Arial characters in em, roughly (a little generous: a word must never break)
_NARROW, _WIDE = frozenset("iljtfrI.,:;'()/|!- "), frozenset("mwMW%")


def _cm(text: str, size: float) -> float:
    """Width of ``text`` in bold Arial of ``size`` points, in cm (an estimate)."""
    em = sum(
        0.34 if c in _NARROW else 0.92 if c in _WIDE else 0.74 if c.isupper() else 0.62
        for c in text
    )
    return em * size * 2.54 / 72


def _widths(columns: list[list[str]], room: float, size: float = 9) -> list[float] | None:
    """Column widths (cm) from their texts in ``size`` points: each column at least as wide as
    its longest word, and the room left shared by how much more each needs for its longest text
    on one line (a label column wide, a column of figures narrow); what is still left goes to
    the first column. None when the longest words alone do not fit in ``room``."""
    least = [max((_cm(w, size) for t in col for w in t.split()), default=0) + PAD_CM
             for col in columns]  # fmt: skip
    most = [max((_cm(t, size) for t in col), default=0) + PAD_CM for col in columns]
    if sum(least) > room:
        return None
    spare, need = room - sum(least), [m - n for m, n in zip(most, least, strict=True)]
    if sum(need) <= spare:
        widths = most
        widths[0] += room - sum(most)
        return widths
    return [n + spare * d / sum(need) for n, d in zip(least, need, strict=True)]


def _set_widths(table, widths: list[float]) -> None:
    from docx.shared import Cm

    table.autofit = False
    for column, w in zip(table.columns, widths, strict=True):
        column.width = Cm(w)
        for cell in column.cells:
            cell.width = Cm(w)


def _orient(doc, landscape: bool) -> None:
    """Go on in a new section of that orientation (a new page), unless already in one."""
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Cm

    if (doc.sections[-1].orientation == WD_ORIENT.LANDSCAPE) == landscape:
        return
    sec = doc.add_section(WD_SECTION.NEW_PAGE)
    sec.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    short, long = (Cm(x) for x in A4_CM)
    sec.page_width, sec.page_height = (long, short) if landscape else (short, long)


def _page_setup(doc) -> None:
    """A4 portrait, and "Halaman X dari Y" in the footer (every section inherits it)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    sec = doc.sections[0]
    sec.page_width, sec.page_height = (Cm(x) for x in A4_CM)
    sec.left_margin = sec.right_margin = sec.top_margin = sec.bottom_margin = Cm(MARGIN_CM)
    foot = sec.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for part in ("Halaman ", "PAGE", " dari ", "NUMPAGES"):
        if part.isupper():
            _field(foot, part)
        else:
            foot.add_run(part).font.size = Pt(9)


def _field(paragraph, code: str) -> None:
    """A Word field (``PAGE``, ``NUMPAGES``) at the end of ``paragraph``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    for kind, text in (("begin", None), (None, f" {code} "), ("separate", None), (None, "1"),
                       ("end", None)):  # fmt: skip
        run = paragraph.add_run()
        run.font.size = Pt(9)
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText" if text.startswith(" ") else "w:t")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)  # noqa: SLF001 - python-docx has no field API


def _plain_heading(style) -> None:
    """A heading in the body's Arial, black: the theme fonts and colour removed."""
    from docx.oxml.ns import qn
    from docx.shared import RGBColor

    style.font.color.rgb = RGBColor(0, 0, 0)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), "Arial")


def _heading(doc, text: str, level: int) -> None:
    _orient(doc, False)
    doc.add_heading(text, level=level)


def _text(key: str, value: Any) -> str:
    """A table value as the report prints it: a date in words, a stored choice as its label."""
    day = tanggal_iso(value)
    if day is not None:
        return tanggal_panjang(day)
    if isinstance(value, str):
        return (label(value, key) if key in LABEL else value).strip()
    return _fmt(value)


def _table(doc, t: Tabel, skip: tuple[str, ...] = KOLOM_SKRIP) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    cols = [(k, label) for k, label in t.kolom if k not in skip]
    # as on the screen: a column of figures is right-aligned, one of text (names, numbers) is not
    numeric = [
        i > 0 and all(isinstance(row.get(k), (int, float)) or row.get(k) is None for row in t.baris)
        for i, (k, _label) in enumerate(cols)
    ]
    empty = {k: "" for k, _label in cols} | {cols[0][0]: "(tidak ada)"}
    rows = [[_text(k, row.get(k)) for k, _label in cols] for row in t.baris or [empty]]
    texts = [[head, *(r[i] for r in rows)] for i, (_k, head) in enumerate(cols)]
    # portrait, in 8 pt if need be (a day's cases with a long number: one landscape page among
    # portrait ones was a page of its own); else landscape (the month-by-month trend, the
    # per-office table), in smaller type if need be; words break only when even that is too narrow
    widths = None
    for landscape, size in ((False, 9), (False, 8), (True, 9), (True, 8), (True, 7)):
        widths = _widths(texts, _room(landscape), size)
        if widths is not None:
            break
    widths = widths or [_room(True) / len(cols)] * len(cols)
    _orient(doc, sum(widths) > _room(False) + 0.01)
    p = doc.add_paragraph()
    p.paragraph_format.keep_with_next = True  # (a caption never alone at a page's foot)
    run = p.add_run(t.judul)
    run.bold = True
    table = doc.add_table(rows=1, cols=len(cols))
    table.style = "Table Grid"
    _repeat_header(table.rows[0])
    for cell, (_k, head) in zip(table.rows[0].cells, cols, strict=True):
        cell.text = ""
        r = cell.paragraphs[0].add_run(head)
        r.bold = True
        r.font.size = Pt(size)
    for values in rows:
        cells = table.add_row().cells
        for i, (cell, value) in enumerate(zip(cells, values, strict=True)):
            para = cell.paragraphs[0]
            r = para.add_run(value)
            r.font.size = Pt(size)
            if numeric[i]:
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _set_widths(table, widths)
    _keep_rows(table)
    if t.catatan:
        note = doc.add_paragraph()
        r = note.add_run(t.catatan)
        r.italic = True
        r.font.size = Pt(8)
    doc.add_paragraph()


#: a table of up to this many rows is kept on one page (a longer one breaks, its header repeated)
KEEP_ROWS = 15


def _repeat_header(row) -> None:
    """The header row printed again on each page a table runs onto."""
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # noqa: SLF001


def _keep_rows(table) -> None:
    """No row split across pages; a short table kept whole on one page."""
    from docx.oxml import OxmlElement

    short = len(table.rows) <= KEEP_ROWS
    for n, row in enumerate(table.rows):
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # noqa: SLF001
        if short and n < len(table.rows) - 1:
            for cell in row.cells:
                for para in cell.paragraphs:
                    para.paragraph_format.keep_with_next = True


def _field_table(doc, rows: list[tuple[str, str]]) -> None:
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for name, value in rows:
        cells = table.add_row().cells
        cells[0].text = name
        cells[1].text = value or "–"
    room = _room(False)
    first = max(_cm(name, 11) for name, _v in rows) + PAD_CM  # (the Normal style's 11 pt)
    _set_widths(table, [first, room - first])
    doc.add_paragraph()


def _made(dibuat: str):
    """The report's making time (ISO with its offset) as the UTC datetime a .docx stores."""
    from datetime import UTC, datetime

    try:
        return datetime.fromisoformat(dibuat).astimezone(UTC).replace(tzinfo=None)
    except ValueError:
        return None


def docx_bytes(lap: Laporan) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    inst = lap.instansi.get("instansi", {})
    ppid = lap.instansi.get("ppid", {})
    doc = Document()
    _page_setup(doc)
    # File > Info shows these: the office and the report, not python-docx's own (English, 2013)
    who = inst.get("nama", "") if len(lap.kantor) == 1 else "Gabungan " + ", ".join(lap.kantor)
    props = doc.core_properties
    props.author = props.last_modified_by = who
    props.title = lap.judul
    props.comments = props.keywords = props.subject = ""
    props.language = "id-ID"
    made = _made(lap.dibuat)
    if made is not None:
        props.created = props.modified = made
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)
    for name in ("Heading 1", "Heading 2"):  # (python-docx's are blue Calibri/Cambria)
        _plain_heading(doc.styles[name])

    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(lap.judul.upper())
    run.bold = True
    run.font.size = Pt(14)
    sub = doc.add_paragraph()
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sub.add_run(f"Pejabat Pengelola Informasi dan Dokumentasi (PPID)\n{who}").bold = True
    if lap.jenis != "harian":  # (a day's page names its day in the title already)
        period = doc.add_paragraph()
        period.alignment = WD_ALIGN_PARAGRAPH.CENTER
        period.add_run(
            f"Periode {tanggal_panjang(lap.mulai)} sampai {tanggal_panjang(lap.sampai)}"
            + (f" ({lap.berjalan})" if lap.berjalan else "")
        ).italic = True

    if lap.jenis == "harian":
        for t in lap.tabel:
            _table(doc, t)
    else:
        _report_sections(doc, lap)

    _heading(doc, "Catatan Metode", 2)
    for note in lap.catatan:
        doc.add_paragraph(note, style="List Bullet")
    doc.paragraphs[-1].paragraph_format.keep_with_next = True  # (the signed page never holds
    # the signature alone)

    sign = doc.add_paragraph()
    sign.paragraph_format.keep_together = True  # (place, date, title, name, NIP: one page)
    sign.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    kota = inst.get("kota", "")
    sign.add_run(
        f"{kota + ', ' if kota else ''}{tanggal_panjang(_today(lap))}\n"
        f"{ppid.get('jabatan', 'PPID')}\n\n\n\n"
        f"{ppid.get('nama', '')}" + (f"\nNIP. {ppid['nip']}" if ada_nip(ppid.get("nip")) else "")
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
    _heading(doc, "I. Gambaran Umum Kebijakan Pelayanan Informasi Publik", 1)
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

    _heading(doc, "II. Gambaran Umum Pelaksanaan Pelayanan Informasi Publik", 1)
    _section_text(doc, teks.get("gambaran_layanan"))
    for key in ("saluran", "jenis_pemohon", "pekerjaan"):
        _table(doc, lap[key])

    _heading(doc, "III. Rincian Pelayanan Informasi Publik", 1)
    doc.add_paragraph(
        f"Selama periode ini PPID menerima {_fmt(r['permohonan_diterima'])} permohonan informasi "
        f"publik dan menyampaikan {_fmt(r['pemberitahuan_tertulis'])} pemberitahuan tertulis: "
        f"{_fmt(r['diberikan'])} diberikan seluruhnya, {_fmt(r['diberikan_sebagian'])} diberikan "
        f"sebagian, {_fmt(r['ditolak'])} ditolak, {_fmt(r['tidak_dikuasai'])} tidak dikuasai, dan "
        f"{_fmt(r['belum_didokumentasikan'])} belum didokumentasikan. "
        + (
            f"Perpanjangan waktu digunakan {_fmt(r['perpanjangan'])} kali; "
            if r["perpanjangan"]
            else "Perpanjangan waktu tidak digunakan; "
        )
        + (
            f"{_fmt(r['terlambat'])} pemberitahuan melewati tenggat. "
            if r["terlambat"]
            else "tidak ada pemberitahuan yang melewati tenggat. "
        )
        + _medians(r)
    )
    if "permohonan" in lap.tanpa_tanggal:  # (beside the figures it leaves out)
        doc.add_paragraph(lap.tanpa_tanggal["permohonan"])
    for key in ("keputusan", "alasan_penolakan", "waktu", "perpanjangan_terlambat", "bulanan",
                "pembanding", "kantor"):  # fmt: skip
        if key in lap:
            _table(doc, lap[key])

    _heading(doc, "IV. Rincian Penyelesaian Keberatan dan Sengketa Informasi", 1)
    doc.add_paragraph(
        f"Keberatan yang masuk: {_fmt(r['keberatan_diterima'])}; ditanggapi Atasan PPID: "
        f"{_fmt(r['keberatan_ditanggapi'])} ({_fmt(r['keberatan_dikabulkan'])} dikabulkan, "
        f"{_fmt(r['keberatan_ditolak'])} ditolak)"
        + (  # (Pasal 35(2): closed without a response — review sesi32b L4)
            f"; selesai secara musyawarah: {_fmt(r['keberatan_musyawarah'])}"
            if r.get("keberatan_musyawarah")
            else ""
        )
        + f". Sengketa informasi yang diajukan pemohon ke Komisi Informasi: {_fmt(r['sengketa'])}."
    )
    if "keberatan" in lap.tanpa_tanggal:
        doc.add_paragraph(lap.tanpa_tanggal["keberatan"])
    for key in ("keberatan_alasan", "keberatan_hasil", "keberatan_waktu"):
        _table(doc, lap[key])
    if lap["sengketa"].baris:
        _table(doc, lap["sengketa"])

    _heading(doc, "V. Standar Layanan dan Perkara Terbuka", 1)
    _table(doc, lap["standar_layanan"])
    _table(doc, lap["terbuka"])

    _heading(doc, "VI. Kendala Eksternal dan Internal", 1)
    _section_text(doc, "")  # (the period's own: written in Word each time)
    _heading(doc, "VII. Rekomendasi dan Rencana Tindak Lanjut", 1)
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
