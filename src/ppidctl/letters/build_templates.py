"""Build the built-in letter templates: ``python -m ppidctl.letters.build_templates [OUTDIR]``.

Writes ``<kind>.docx`` for every kind in :data:`ppidctl.letters.engine.KINDS` (default OUTDIR:
``src/ppidctl/letters/templates/``). Each Jinja tag is written as one whole Word run, so docxtpl
never has to mend it; ``{%p %}`` tags stand alone in their paragraph and ``{%tr %}`` tags in their
table row. Output is byte-for-byte reproducible (fixed timestamps in the zip and the document
properties), so a change shows up in review only when the layout or wording changed.

Layout: A4, margins 2 cm (top 1.5 cm, left 2.5 cm), Arial 11 pt; "NOMOR — Halaman N dari M" in the footer
from page 2 (a one-page letter has none); kop surat (letterhead) with optional logo,
the office name in capitals, address and contacts and a double rule; Nomor / Sifat / Lampiran /
Hal with "Kota, tanggal" on the right; "Yth." addressee; body; signature block with jabatan,
space to sign, name (bold, underlined) and "NIP." when the official has one.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from ppidctl.letters.engine import (
    BUILTIN_DIR,
    KINDS,
    TEMPLATE_AUTHOR,
    TEMPLATE_COMMENTS,
    TEMPLATE_SUBJECT,
)

FONT = "Arial"
SIZE = 11
TEXT_WIDTH = 16.5  # cm: A4 21 cm - 2.5 cm - 2 cm
DOTS = "................................"
FIXED_TIME = dt.datetime(2026, 1, 1, 0, 0, 0)
UU_KIP = "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik"
#: how the information reaches the requester: the same rows, in the same words, on the receipt,
#: the notice and the handover receipt (a view-only request has no copy to send)
CARA_INFORMASI: list[tuple[str, str] | str] = [
    ("Cara memperoleh informasi", '{{ cara_memperoleh | label("cara_memperoleh") }}'),
    ("Bentuk informasi", '{{ bentuk_informasi | label("bentuk_informasi") }}'),
    '{%tr if cara_memperoleh != "melihat" %}',
    ("Cara mendapatkan salinan", '{{ cara_kirim | label("cara_kirim") }}'),
    "{%tr endif %}",
]

# --------------------------------------------------------------------------------------------
# A tiny layout vocabulary on top of python-docx


@dataclass
class R:
    """One run: text (a Jinja tag must sit whole in one run) and its formatting."""

    text: str
    b: bool = False
    i: bool = False
    u: bool = False
    size: float | None = None


@dataclass
class P:
    """One paragraph of runs."""

    runs: list[R]
    align: str = "left"  # left | center | right | justify
    after: float = 0
    before: float = 0
    indent: float = 0  # cm
    hanging: float = 0  # cm
    keep: bool = False
    rule: bool = False  # double rule under the paragraph (kop surat)
    size: float | None = None
    b: bool = False


def p(*runs: str | R, **kw) -> P:
    size, b = kw.get("size"), kw.get("b", False)
    out = []
    for r in runs:
        if isinstance(r, str):
            r = R(r, b=b, size=size)
        out.append(r)
    return P(out, **kw)


def tag(t: str) -> P:
    """A paragraph holding only a docxtpl paragraph tag (``{%p ... %}``), removed on render."""
    return P([R(t)])


_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def _write(paragraph, spec: P) -> None:
    pf = paragraph.paragraph_format
    pf.alignment = _ALIGN[spec.align]
    pf.space_after = Pt(spec.after)
    pf.space_before = Pt(spec.before)
    if spec.indent or spec.hanging:
        pf.left_indent = Cm(spec.indent + spec.hanging)
    if spec.hanging:
        pf.first_line_indent = Cm(-spec.hanging)
    if spec.keep:
        pf.keep_with_next = True
    for r in spec.runs:
        run = paragraph.add_run(r.text)
        if r.b or spec.b:
            run.bold = True
        if r.i:
            run.italic = True
        if r.u:
            run.underline = True
        size = r.size or spec.size
        if size:
            run.font.size = Pt(size)
    if (
        spec.size and not spec.rule and not any(r.text for r in spec.runs)
    ):  # (a spacer: its height is
        mark = OxmlElement("w:rPr")  # the paragraph mark's, not its empty run's)
        sz = OxmlElement("w:sz")
        sz.set(qn("w:val"), str(round(spec.size * 2)))
        mark.append(sz)
        paragraph._p.get_or_add_pPr().append(mark)
    if spec.rule:
        pbdr = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for k, v in (("w:val", "thickThinSmallGap"), ("w:sz", "18"), ("w:space", "1")):
            bottom.set(qn(k), v)
        bottom.set(qn("w:color"), "auto")
        pbdr.append(bottom)
        paragraph._p.get_or_add_pPr().insert_element_before(
            pbdr, "w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:rPr"
        )


def add(container, *specs: P) -> None:
    """Append paragraphs to a document or a table cell (a new cell's empty paragraph is reused)."""
    for spec in specs:
        paras = container.paragraphs
        if (
            hasattr(container, "_tc")
            and len(paras) == 1
            and not paras[0].runs
            and not getattr(container, "_ppid_used", False)
        ):
            paragraph = paras[0]
        else:
            paragraph = container.add_paragraph()
        container._ppid_used = True
        _write(paragraph, spec)


Cell = str | R | P | Sequence[P] | None


def _cell(cell, content: Cell) -> None:
    cell._ppid_used = False
    if content is None:
        return
    if isinstance(content, str):
        content = p(content)
    elif isinstance(content, R):
        content = P([content])
    if isinstance(content, P):
        content = [content]
    add(cell, *content)


def _set_cell_margins(table, left: float, right: float) -> None:
    tblpr = table._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for side, cm in (("left", left), ("right", right)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(round(cm * 567)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    look = tblpr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(mar)
    else:
        tblpr.append(mar)


@dataclass
class Table:
    widths: Sequence[float]  # cm
    rows: list[Sequence[Cell]] = field(default_factory=list)
    grid: bool = False  # visible borders ("Table Grid")
    margins: tuple[float, float] = (0.0, 0.15)
    header_rows: int = 0

    def row(self, *cells: Cell) -> Table:
        self.rows.append(cells)
        return self

    def ctl(self, t: str) -> Table:
        """A row holding only a docxtpl row tag (``{%tr ... %}``), removed on render."""
        self.rows.append([p(t)] + [None] * (len(self.widths) - 1))
        return self


def add_table(doc, spec: Table) -> None:
    t = doc.add_table(rows=0, cols=len(spec.widths))
    if spec.grid:
        t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.LEFT
    t.autofit = False
    _set_cell_margins(t, *(spec.margins if not spec.grid else (0.15, 0.15)))
    for i, w in enumerate(spec.widths):
        t.columns[i].width = Cm(w)
    for n, cells in enumerate(spec.rows):
        row = t.add_row()
        trpr = row._tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:cantSplit"))
        if n < spec.header_rows:
            trpr.append(OxmlElement("w:tblHeader"))
        for i, content in enumerate(cells):
            row.cells[i].width = Cm(spec.widths[i])
            _cell(row.cells[i], content)


# --------------------------------------------------------------------------------------------
# Pieces shared by the letters


def new_document(title: str):
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(1.5), Cm(2.0)
    sec.left_margin, sec.right_margin = Cm(2.5), Cm(2.0)
    sec.header_distance, sec.footer_distance = Cm(1.0), Cm(1.0)

    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(SIZE)
    rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), FONT)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    # Indonesian spelling for the whole document.
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "id-ID")

    cp = doc.core_properties
    cp.title = title
    cp.subject = TEMPLATE_SUBJECT
    cp.author = cp.last_modified_by = TEMPLATE_AUTHOR
    cp.comments = TEMPLATE_COMMENTS
    cp.keywords = ""
    cp.category = ""
    cp.revision = 1
    cp.created = cp.modified = cp.last_printed = FIXED_TIME
    nomor_halaman(sec)
    return doc


def nomor_halaman(sec) -> None:
    """The footer "NOMOR — Halaman N dari M" on every page but the first (``titlePg``, no first-page
    footer): a one-page letter shows no number, a longer one is numbered from page 2. (A
    different first page is plain Word layout that LibreOffice renders alike; a conditional
    ``IF NUMPAGES > 1`` field, which could number page 1 too, was not relied on.)"""
    sec.different_first_page_header_footer = True
    paragraph = sec.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # (a page 2 parted from its letter says whose it is: the case's number, not nomor_surat —
    # a template printing that is numbered as a letter, see services.letters.prints_number)
    for text, instr in (("{{ nomor_registrasi }} — Halaman ", "PAGE"), (" dari ", "NUMPAGES")):
        paragraph.add_run(text).font.size = Pt(9)
        fld = OxmlElement("w:fldSimple")
        fld.set(qn("w:instr"), f" {instr} ")
        result = paragraph.add_run("2")  # (the cached result: updated when the page is laid out)
        result.font.size = Pt(9)
        fld.append(result._r)  # moved from the paragraph into the field
        paragraph._p.append(fld)


def kop(doc) -> None:
    """Letterhead: [logo | office name, address, contacts | spacer], then a double rule."""
    # each contact kept whole (utuh): the line breaks between them, never inside an address
    kontak = (
        '{{ [("Telepon " ~ instansi.telepon) | utuh if instansi.telepon else "", '
        '("E-mail " ~ instansi.email) | utuh if instansi.email else "", '
        '("Laman " ~ instansi.laman) | utuh if instansi.laman else ""] | select | join(", ") }}'
    )
    add_table(
        doc,
        Table([2.4, 11.7, 2.4], margins=(0.0, 0.0)).row(
            p("{{ logo }}", align="center"),
            [
                p("{{ instansi.nama | upper }}", align="center", b=True, size=14),
                p("{{ instansi.alamat }}", align="center", size=10),
                p(kontak, align="center", size=9),
            ],
            None,
        ),
    )
    add(doc, p("", rule=True, after=8, size=4))


def kepala_surat(doc, hal: str, lampiran: str = '{{ lampiran if lampiran else "-" }}') -> None:
    """Nomor / Sifat / Lampiran / Hal with "Kota, tanggal" on the right of the first row."""
    t = Table([2.3, 0.4, 8.3, 5.5])
    t.row(
        "Nomor",
        ":",
        f'{{{{ nomor_surat if nomor_surat else "{DOTS}" }}}}',
        p("{{ instansi.kota }}, {{ tanggal_surat | tanggal_panjang }}", align="right"),
    )
    t.row("Sifat", ":", "Biasa", None)
    t.row("Lampiran", ":", lampiran, None)
    t.row("Hal", ":", p(R(hal, b=True)), None)
    add_table(doc, t)


def yth(doc, alamat_kuasa: bool = False) -> None:
    """The addressee: the requester, through the proxy who filed (by name); ``alamat_kuasa``:
    the register holds the proxy's address (objections), and the letter goes there."""
    add(doc, p("Yth. ", R("{{ nama_pemohon }}", b=True), before=9))
    add(doc, tag("{%p if kuasa_nama %}"), p("melalui kuasanya, {{ kuasa_nama }}"))
    add(doc, tag("{%p endif %}"))
    if alamat_kuasa:
        add(doc, tag("{%p if kuasa_nama and kuasa_alamat %}"), p("{{ kuasa_alamat }}"))
        add(doc, tag("{%p elif alamat %}"), p("{{ alamat }}"), tag("{%p endif %}"))
    else:
        add(doc, tag("{%p if alamat %}"), p("{{ alamat }}"), tag("{%p endif %}"))
    add(doc, p("di Tempat", after=9))


def body(*runs: str | R, before: float = 0, keep: bool = False) -> P:
    return p(*runs, align="justify", after=6, before=before, keep=keep)


def fields(rows: Sequence[tuple[str, Cell] | str], label_width: float = 5.3) -> Table:
    """A "label : value" table. A plain string row is a docxtpl ``{%tr %}`` control row."""
    t = Table([label_width, 0.4, TEXT_WIDTH - label_width - 0.4])
    for r in rows:
        if isinstance(r, str):
            t.ctl(r)
        else:
            label, value = r
            if value is None:  # a sub-heading
                t.row(p(R(label, b=True)), None, None)
            else:
                t.row(label, ":", value)
    return t


def tanda_tangan(doc, jabatan: str, pejabat: str, judul: str = "", tanggal: bool = False) -> None:
    """Signature block on the right: (date,) (title,) jabatan, space, name, NIP (if any)."""
    kanan: list[P] = []
    if tanggal:
        kanan += [
            p("Ditetapkan di {{ instansi.kota }}"),
            p("pada tanggal {{ tanggal_surat | tanggal_panjang }}", after=12),
        ]
    if judul:
        kanan.append(p(judul))
    kanan += [
        p("{{ " + jabatan + " }},", after=50),
        p(R("{{ " + pejabat + ".nama }}", b=True, u=True)),
        tag("{%p if " + pejabat + ".nip %}"),
        p("NIP. {{ " + pejabat + ".nip }}"),
        tag("{%p endif %}"),
    ]
    add(doc, p("", size=6, keep=True))
    add_table(doc, Table([8.0, 8.5]).row(None, kanan))


def dua_tanda_tangan(doc, kiri: tuple[str, str], kanan: tuple[str, str]) -> None:
    """Two signatures side by side (requester and officer): title, space, (name)."""

    def kolom(judul: str, nama: str) -> list[P]:
        return [p(judul, align="center", after=60), p(R(nama, b=True), align="center")]

    add_table(doc, Table([8.25, 8.25]).row(kolom(*kiri), kolom(*kanan)))


def hak_keberatan(doc) -> None:
    add(
        doc,
        body(
            "Apabila Saudara tidak puas atas pemberitahuan ini, Saudara dapat mengajukan keberatan "
            "secara tertulis kepada Atasan PPID {{ instansi.nama }} paling lambat "
            "{{ tenggat.pengajuan_keberatan }} ({{ tenggat.pengajuan_keberatan | terbilang }}) hari kerja setelah pemberitahuan ini diterima, sesuai dengan Pasal 35 dan Pasal 36 "
            f"{UU_KIP}."
        ),
    )


def penutup(doc, teks: str = "Demikian pemberitahuan ini kami sampaikan.") -> None:
    add(doc, body(f"{teks} Atas perhatian Saudara, kami ucapkan terima kasih.", keep=True))


def intro_permohonan(doc, akhir: str) -> None:
    add(
        doc,
        body(
            "Berdasarkan permohonan informasi publik Saudara tanggal "
            "{{ tanggal_diterima | tanggal_panjang }} dengan nomor pendaftaran ",
            R("{{ nomor_registrasi }}", b=True),
            akhir,
        ),
    )


def kutipan(teks: str, b: bool = False) -> P:
    """An indented block (the information requested, a reason)."""
    return p(R(teks, b=b), align="justify", indent=1.0, after=6)


# --------------------------------------------------------------------------------------------
# The letters


def kepala_tanda_terima(doc, judul: str, telah: str) -> None:
    """A request receipt's head: letterhead, title, the registration number, what the PPID has
    done ("menerima permohonan", "menyerahkan informasi publik kepada pemohon")."""
    kop(doc)
    add(
        doc,
        p(R(judul, b=True, u=True), align="center"),
        p("Nomor Pendaftaran: ", R("{{ nomor_registrasi }}", b=True), align="center", after=12),
        body(
            "Pejabat Pengelola Informasi dan Dokumentasi (PPID) {{ instansi.nama }} telah "
            f"{telah} dengan keterangan sebagai berikut:"
        ),
    )


def tanda_terima(doc) -> None:
    kepala_tanda_terima(
        doc,
        "TANDA BUKTI PENDAFTARAN PERMOHONAN INFORMASI PUBLIK",
        "menerima permohonan informasi publik",
    )
    add_table(
        doc,
        fields(
            [
                (  # (the time too, when recorded: the SOP's minutes, a hearing's question)
                    "Tanggal permohonan",
                    "{{ tanggal_diterima | tanggal_panjang }}{% if waktu_diterima | jam %}, "
                    "pukul {{ waktu_diterima | jam }}{% endif %}",
                ),
                ("Diterima melalui", '{{ saluran | label("saluran") }}'),
                ("Nama pemohon", "{{ nama_pemohon }}"),
                ("Jenis pemohon", '{{ jenis_pemohon | label("jenis_pemohon") }}'),
                ("Alamat", "{{ alamat }}"),
                ("Pekerjaan", '{{ pekerjaan if pekerjaan else "-" }}'),  # (a legal entity: none)
                ("Nomor telepon/e-mail", '{{ [telepon, email] | select | join(" / ") }}'),
                "{%tr if kuasa_nama %}",
                ("Kuasa pemohon", "{{ kuasa_nama }}"),
                "{%tr endif %}",
                ("Rincian informasi yang diminta", "{{ informasi_diminta }}"),
                ("Tujuan penggunaan informasi", "{{ tujuan_penggunaan }}"),
                *CARA_INFORMASI,
                ("Dokumen yang diterima", '{{ dokumen | label("dokumen") }}'),
                "{%tr if tahapan %}",
                ("Tahapan pemilu/pemilihan", "{{ tahapan }}"),
                "{%tr endif %}",
                ("Batas waktu pemberitahuan", R("{{ jatuh_tempo | tanggal_panjang }}", b=True)),
            ]
        ),
    )
    add(
        doc,
        p("", after=6),
        body(
            "Pemberitahuan tertulis atas permohonan ini akan disampaikan kepada pemohon paling "
            "lambat tanggal {{ jatuh_tempo | tanggal_panjang }}. Nomor pendaftaran di atas "
            "merupakan tanda bukti penerimaan permohonan informasi publik sebagaimana dimaksud "
            f"dalam Pasal 22 ayat (4) {UU_KIP}; mohon nomor itu disebutkan dalam setiap "
            "komunikasi mengenai permohonan ini."
        ),
        # (SOP Pelayanan langkah 1, Ket.; a telephone request's row imported or edited: sesi32c L5)
        tag('{%p if diisi_petugas == "ya" or saluran == "telepon" %}'),
        body(
            R(
                'Formulir ini diisi oleh petugas{{ " berdasarkan permohonan melalui " ~ '
                '(saluran | label("saluran") | lower) if saluran != "langsung" else " atas '
                'permintaan pemohon" }}.',
                i=True,
            )
        ),
        tag("{%p endif %}"),
        p("{{ instansi.kota }}, {{ tanggal_surat | tanggal_panjang }}", align="right", after=12),
    )
    dua_tanda_tangan(
        doc,
        # a request filed by a proxy is signed by the proxy, in that capacity
        (
            '{{ "Kuasa Pemohon," if kuasa_nama else "Pemohon Informasi," }}',
            "({{ kuasa_nama if kuasa_nama else nama_pemohon }})",
        ),
        ("Petugas Pelayanan Informasi,", f'({{{{ petugas if petugas else "{DOTS}" }}}})'),
    )


def tanda_terima_informasi(doc) -> None:
    """The handover receipt (SOP Pelayanan step 5, "tanda terima data"): the proof of what was
    handed over, when and how — the day a reason-d or -g objection's window starts from."""
    kepala_tanda_terima(
        doc, "TANDA TERIMA INFORMASI PUBLIK", "menyerahkan informasi publik kepada pemohon"
    )
    add_table(
        doc,
        fields(
            [
                ("Tanggal permohonan", "{{ tanggal_diterima | tanggal_panjang }}"),
                ("Nama pemohon", "{{ nama_pemohon }}"),
                "{%tr if kuasa_nama %}",
                ("Kuasa pemohon", "{{ kuasa_nama }}"),
                "{%tr endif %}",
                ("Rincian informasi yang diminta", "{{ informasi_diminta }}"),
                (
                    "Keputusan",
                    '{{ keputusan | label("keputusan") }} (pemberitahuan tertulis '
                    "{{ tanggal_pemberitahuan | tanggal_panjang }})",
                ),
                # (given on a granted objection's order: what was blacked out may be given now)
                '{%tr if penjelasan and keputusan == "diberikan-sebagian" and not '
                "dasar_penyerahan %}",
                ("Bagian yang dihitamkan/dikecualikan", "{{ penjelasan }}"),
                '{%tr elif penjelasan and keputusan == "diberikan" %}',
                ("Keterangan", "{{ penjelasan }}"),
                "{%tr endif %}",
                "{%tr if dasar_penyerahan %}",
                (
                    "Dasar penyerahan",
                    "keberatan {{ dasar_penyerahan }} yang dikabulkan Atasan PPID "
                    "{{ instansi.nama }}",
                ),
                "{%tr endif %}",
                "{%tr if dasar_putusan %}",
                ("Dasar penyerahan", "putusan Komisi Informasi {{ dasar_putusan }}"),
                "{%tr endif %}",
                *CARA_INFORMASI,
                ("Biaya", '{{ biaya | rupiah if biaya and biaya | int > 0 else "tanpa biaya" }}'),
                ("Tanggal penyerahan", R("{{ tanggal_surat | tanggal_panjang }}", b=True)),
            ]
        ),
    )
    add(
        doc,
        p("", after=6),
        body(
            "Apabila informasi yang diterima tidak sesuai dengan yang diminta atau disampaikan "
            "melebihi jangka waktu yang ditentukan, pemohon dapat mengajukan keberatan secara "
            "tertulis kepada Atasan PPID {{ instansi.nama }} paling lambat "
            "{{ tenggat.pengajuan_keberatan }} ({{ tenggat.pengajuan_keberatan | terbilang }}) "
            "hari kerja setelah alasan keberatan itu ditemukan, sesuai dengan Pasal 35 dan Pasal "
            f"36 {UU_KIP}."
        ),
        p("{{ instansi.kota }}, {{ tanggal_surat | tanggal_panjang }}", align="right", after=12),
    )
    dua_tanda_tangan(
        doc,
        ("Yang menerima,", "({{ kuasa_nama if kuasa_nama else nama_pemohon }})"),
        (
            "Yang menyerahkan,",
            f'({{{{ petugas_penyerahan if petugas_penyerahan else "{DOTS}" }}}})',
        ),
    )


def pemberitahuan(doc) -> None:
    kop(doc)
    kepala_surat(doc, "Pemberitahuan Tertulis atas Permohonan Informasi Publik")
    yth(doc)
    intro_permohonan(
        doc,
        ", bersama ini kami sampaikan pemberitahuan tertulis sebagaimana dimaksud dalam Pasal 22 "
        f"ayat (7) {UU_KIP}, sebagai berikut:",
    )
    # (only what was known on the notification's date: a copy made after the handover, with the
    # same letter number, must say what the original said)
    waktu = (
        "{{ waktu_penyediaan if waktu_penyediaan else "
        '("setelah biaya sebagaimana tersebut di bawah dibayar" '
        'if biaya_rincian else "bersamaan dengan surat pemberitahuan ini") }}'
    )
    add_table(
        doc,
        fields(
            [
                ("Informasi yang diminta", "{{ informasi_diminta }}"),
                ("Keputusan", R('{{ keputusan | label("keputusan") }}', b=True)),
                (
                    "Penguasaan informasi",
                    "{{ badan_publik_penguasa if badan_publik_penguasa else instansi.nama }}",
                ),
                *CARA_INFORMASI,
                ("Waktu penyediaan", waktu),
                '{%tr if keputusan == "diberikan-sebagian" %}',
                ("Penjelasan penghitaman/pengaburan informasi", "{{ penjelasan }}"),
                "{%tr if alasan_penolakan %}",
                ("Dasar pengecualian (Pasal 17)", "{{ alasan_penolakan }}"),
                "{%tr endif %}",
                "{%tr if uji_konsekuensi %}",
                ("Ringkasan uji konsekuensi", "{{ uji_konsekuensi }}"),
                "{%tr endif %}",
                "{%tr if sk_pengecualian %}",
                ("Keputusan tentang informasi yang dikecualikan", "{{ sk_pengecualian }}"),
                "{%tr endif %}",
                "{%tr elif penjelasan %}",
                ("Keterangan", "{{ penjelasan }}"),
                "{%tr endif %}",
            ]
        ),
    )
    add(doc, p("", after=6), body("Biaya yang dibutuhkan:", keep=True))
    add(doc, tag("{%p if biaya_rincian %}"))
    biaya = Table([1.2, 11.3, 4.0], grid=True, header_rows=1)
    biaya.row(
        p(R("No.", b=True), align="center"),
        p(R("Uraian", b=True), align="center"),
        p(R("Jumlah", b=True), align="center"),
    )
    biaya.ctl("{%tr for b in biaya_rincian %}")
    biaya.row(
        p("{{ loop.index }}", align="center"),
        "{{ b.uraian }}",
        p("{{ b.jumlah | rupiah }}", align="right"),
    )
    biaya.ctl("{%tr endfor %}")
    biaya.row(None, p(R("Jumlah", b=True)), p(R("{{ biaya | rupiah }}", b=True), align="right"))
    add_table(doc, biaya)
    add(
        doc,
        p(R("Terbilang: {{ biaya | terbilang | capitalize }} rupiah.", i=True), before=3, after=6),
        tag("{%p if cara_pembayaran %}"),
        body("Cara pembayaran: {{ cara_pembayaran }}."),
        tag("{%p endif %}"),
        tag("{%p else %}"),
        body("Informasi ini diberikan tanpa dikenakan biaya."),
        tag("{%p endif %}"),
    )
    hak_keberatan(doc)
    penutup(doc)
    tanda_tangan(doc, "ppid.jabatan", "ppid")


def tidak_tersedia(doc) -> None:
    kop(doc)
    kepala_surat(doc, "Pemberitahuan Tertulis atas Permohonan Informasi Publik")
    yth(doc)
    intro_permohonan(
        doc,
        ", dengan ini kami sampaikan pemberitahuan tertulis sebagaimana dimaksud dalam Pasal 22 "
        f"ayat (7) {UU_KIP} bahwa informasi yang Saudara minta, yaitu:",
    )
    add(
        doc,
        kutipan("{{ informasi_diminta }}", b=True),
        body("tidak dapat kami berikan karena:", keep=True),
        tag('{%p if keputusan == "tidak-dikuasai" %}'),
        kutipan("informasi tersebut tidak dikuasai oleh {{ instansi.nama }}."),
        tag("{%p if badan_publik_penguasa %}"),
        body(
            "Sepanjang pengetahuan kami, informasi tersebut dikuasai oleh ",
            R("{{ badan_publik_penguasa }}", b=True),
            ". Saudara dapat mengajukan permohonan informasi tersebut kepada badan publik "
            "dimaksud.",
        ),
        tag("{%p else %}"),
        body("Kami tidak mengetahui badan publik yang menguasai informasi tersebut."),
        tag("{%p endif %}"),
        tag("{%p else %}"),
        kutipan("informasi tersebut belum didokumentasikan oleh {{ instansi.nama }}."),
        tag("{%p endif %}"),
        tag("{%p if penjelasan %}"),
        body("Keterangan: {{ penjelasan }}"),
        tag("{%p endif %}"),
    )
    hak_keberatan(doc)
    penutup(doc)
    tanda_tangan(doc, "ppid.jabatan", "ppid")


def perpanjangan(doc) -> None:
    kop(doc)
    kepala_surat(doc, "Pemberitahuan Perpanjangan Waktu atas Permohonan Informasi Publik")
    yth(doc)
    add(
        doc,
        body(
            "Menindaklanjuti permohonan informasi publik Saudara tanggal "
            "{{ tanggal_diterima | tanggal_panjang }} dengan nomor pendaftaran ",
            R("{{ nomor_registrasi }}", b=True),
            " mengenai:",
        ),
        kutipan("{{ informasi_diminta }}", b=True),
        body(
            "dengan ini kami beritahukan bahwa jangka waktu pemberitahuan tertulis atas permohonan "
            "tersebut kami perpanjang sesuai dengan Pasal 22 ayat (8) "
            f"{UU_KIP}"
            "{% if tahapan %} dan Peraturan Komisi Informasi Nomor 1 Tahun 2019{% endif %}, "
            "dengan alasan:",
            keep=True,
        ),
        kutipan("{{ alasan_perpanjangan }}"),
        body(
            "Pemberitahuan tertulis atas permohonan Saudara akan kami sampaikan paling lambat "
            "tanggal ",
            R("{{ jatuh_tempo | tanggal_panjang }}", b=True),
            ".",
        ),
    )
    penutup(doc, "Demikian pemberitahuan ini kami sampaikan.")
    tanda_tangan(doc, "ppid.jabatan", "ppid")


def penolakan(doc) -> None:
    kop(doc)
    add(
        doc,
        p("KEPUTUSAN PEJABAT PENGELOLA INFORMASI DAN DOKUMENTASI", align="center", b=True),
        p("{{ instansi.nama | upper }}", align="center", b=True),
        p("TENTANG", align="center", b=True),
        p("PENOLAKAN PERMOHONAN INFORMASI PUBLIK", align="center", b=True),
        p(f'Nomor: {{{{ nomor_surat if nomor_surat else "{DOTS}" }}}}', align="center", after=12),
        body("Atas permohonan informasi publik:"),
    )
    add_table(
        doc,
        fields(
            [
                ("Nomor pendaftaran", R("{{ nomor_registrasi }}", b=True)),
                ("Tanggal permohonan", "{{ tanggal_diterima | tanggal_panjang }}"),
                ("Nama pemohon", "{{ nama_pemohon }}"),
                "{%tr if kuasa_nama %}",
                ("Kuasa pemohon", "{{ kuasa_nama }}"),
                "{%tr endif %}",
                ("Alamat", "{{ alamat }}"),
                ("Nomor telepon/e-mail", '{{ [telepon, email] | select | join(" / ") }}'),
                ("Rincian informasi yang diminta", "{{ informasi_diminta }}"),
                ("Tujuan penggunaan informasi", "{{ tujuan_penggunaan }}"),
            ]
        ),
    )
    add(
        doc,
        p("", after=6),
        body(
            "PPID {{ instansi.nama }} memutuskan bahwa informasi yang diminta adalah informasi yang "
            "dikecualikan, sehingga permohonan informasi publik tersebut ",
            R("DITOLAK", b=True),
            ".",
        ),
        body("Pengecualian informasi didasarkan pada:", keep=True),
    )
    add_table(
        doc,
        fields(
            [
                ("Dasar pengecualian (Pasal 17 UU 14/2008)", "{{ alasan_penolakan }}"),
                ("Ringkasan uji konsekuensi", "{{ uji_konsekuensi }}"),
                ("Penetapan informasi yang dikecualikan", "{{ sk_pengecualian }}"),
            ]
        ),
    )
    add(
        doc,
        p("", after=6),
        body(
            "Apabila Pemohon Informasi keberatan atas keputusan ini, Pemohon Informasi dapat "
            "mengajukan keberatan secara tertulis kepada Atasan PPID {{ instansi.nama }} paling "
            "lambat {{ tenggat.pengajuan_keberatan }} ({{ tenggat.pengajuan_keberatan | terbilang }}) hari kerja setelah keputusan ini diterima, sesuai dengan Pasal 35 "
            "ayat (1) huruf a dan "
            f"Pasal 36 ayat (1) {UU_KIP}."
        ),
    )
    tanda_tangan(doc, "ppid.jabatan", "ppid", tanggal=True)


def tanda_bukti_keberatan(doc) -> None:
    kop(doc)
    add(
        doc,
        p(R("FORMULIR KEBERATAN ATAS PERMOHONAN INFORMASI PUBLIK", b=True), align="center"),
        p(R("TANDA BUKTI PENERIMAAN KEBERATAN", b=True, u=True), align="center"),
        p(
            "Nomor Registrasi Keberatan: ",
            R("{{ nomor_registrasi }}", b=True),
            align="center",
            after=12,
        ),
        p(R("A. INFORMASI PENGAJU KEBERATAN", b=True), after=3, keep=True),
    )
    add_table(
        doc,
        fields(
            [
                ("Nomor registrasi keberatan", R("{{ nomor_registrasi }}", b=True)),
                (
                    "Tanggal diterima",
                    "{{ tanggal_diterima | tanggal_panjang }}{% if waktu_diterima | jam %}, "
                    "pukul {{ waktu_diterima | jam }}{% endif %}",
                ),
                (
                    "Nomor pendaftaran permohonan",
                    '{{ nomor_permohonan if nomor_permohonan else "-" }}',
                ),
                ("Informasi yang diminta", "{{ informasi_diminta }}"),
                ("Tujuan penggunaan informasi", "{{ tujuan_penggunaan }}"),
                ("Identitas pemohon", None),
                ("Nama", "{{ nama_pemohon }}"),
                ("Alamat", "{{ alamat }}"),
                ("Nomor telepon/e-mail", '{{ [telepon, email] | select | join(" / ") }}'),
                ("Identitas kuasa pemohon", None),
                ("Nama", '{{ kuasa_nama if kuasa_nama else "-" }}'),
                ("Alamat", '{{ kuasa_alamat if kuasa_alamat else "-" }}'),
            ]
        ),
    )
    add(doc, p(R("B. ALASAN PENGAJUAN KEBERATAN", b=True), before=9, after=3, keep=True))
    alasan = Table([0.8, 0.7, TEXT_WIDTH - 1.5])
    alasan.ctl("{%tr for a in alasan_pilihan %}")
    alasan.row('{{ "☒" if a.dipilih else "☐" }}', "{{ a.kode }}.", "{{ a.teks }}")
    alasan.ctl("{%tr endfor %}")
    add_table(doc, alasan)
    add(
        doc,
        p(R("C. KASUS POSISI", b=True), before=9, after=3, keep=True),
        p('{{ kasus_posisi if kasus_posisi else "-" }}', align="justify"),
        p(
            R("D. TANGGAL TANGGAPAN ATAS KEBERATAN YANG AKAN DIBERIKAN", b=True),
            before=9,
            after=3,
            keep=True,
        ),
        p(R("{{ jatuh_tempo | tanggal_panjang }}", b=True), after=12),
        body(
            "Demikian keberatan ini saya sampaikan. Atas perhatian dan tanggapannya, saya ucapkan "
            "terima kasih."
        ),
        tag('{%p if kebutuhan_khusus == "ya" %}'),
        body(R("Formulir ini diisi oleh petugas atas permintaan pemohon.", i=True)),
        tag("{%p endif %}"),
        p(
            "{{ instansi.kota }}, {{ tanggal_diterima | tanggal_panjang }}",
            align="right",
            after=12,
            keep=True,
        ),
    )
    dua_tanda_tangan(
        doc,
        (
            "Petugas Penerima Keberatan,",
            f'({{{{ petugas if petugas else "{DOTS}" }}}})',
        ),
        (
            '{{ "Kuasa Pemohon," if kuasa_nama else "Pengaju Keberatan," }}',
            "({{ kuasa_nama if kuasa_nama else nama_pemohon }})",
        ),
    )
    add(
        doc,
        p(
            R(
                "Tanda bukti ini adalah salinan formulir keberatan yang telah diregistrasi. "
                "Simpan sebagai bukti pengajuan keberatan dan sebutkan nomor registrasinya dalam "
                "setiap komunikasi.",
                i=True,
                size=9,
            ),
            before=12,
            align="justify",
        ),
    )


def tanggapan_keberatan(doc) -> None:
    kop(doc)
    kepala_surat(
        doc,
        "Tanggapan atas Keberatan Informasi Publik",
        lampiran='{{ "1 (satu) berkas" if keputusan_atasan == "ditolak" and sk_pengecualian '
        'else (lampiran if lampiran else "-") }}',
    )
    yth(doc, alamat_kuasa=True)
    add(
        doc,
        body(
            "Menindaklanjuti keberatan Saudara yang kami terima pada tanggal "
            "{{ tanggal_diterima | tanggal_panjang }} dengan nomor registrasi keberatan ",
            R("{{ nomor_registrasi }}", b=True),
            "{% if nomor_permohonan %} atas permohonan informasi publik nomor pendaftaran "
            "{{ nomor_permohonan }}{% if permohonan %} tanggal "
            "{{ permohonan.tanggal_diterima | tanggal_panjang }}{% endif %}{% endif %} "
            "mengenai informasi:",
        ),
        kutipan("{{ informasi_diminta }}", b=True),
        body("dengan alasan keberatan:", keep=True),
        tag("{%p for a in alasan_daftar %}"),
        p(
            '{{ a.kode }}.\t{{ a.teks }}{{ ";" if not loop.last else "." }}',
            indent=1.0,
            hanging=0.6,
        ),
        tag("{%p endfor %}"),
        body(
            "Atasan PPID {{ instansi.nama }}{% if pleno_pada %}, setelah membahas keberatan "
            "tersebut dalam rapat pleno tanggal {{ pleno_pada | tanggal_panjang }},{% endif %} "
            "memutuskan:",
            before=3,
            keep=True,
        ),
        tag('{%p if keputusan_atasan == "diterima" %}'),
        p(R("MENERIMA KEBERATAN", b=True), align="center", after=6, keep=True),
        body(
            "Keberatan Saudara diterima. Atasan PPID memerintahkan PPID {{ instansi.nama }} untuk "
            '{{ perintah_keberatan | join("; serta ") }}.'
        ),
        tag("{%p else %}"),
        p(R("MENOLAK KEBERATAN", b=True), align="center", after=6, keep=True),
        body(  # (a decision to uphold only where the PPID made one: not for reason b or c)
            "Keberatan Saudara ditolak{% if permohonan and permohonan.keputusan %} dan keputusan "
            "PPID {{ instansi.nama }} atas permohonan informasi tersebut dikuatkan{% endif %}."
        ),
        tag("{%p endif %}"),
        tag("{%p if pertimbangan %}"),
        body("Pertimbangan:", keep=True),
        kutipan("{{ pertimbangan }}"),
        tag("{%p endif %}"),
        tag('{%p if keputusan_atasan == "ditolak" and sk_pengecualian %}'),
        body(
            '{{ "Bagian informasi yang dihitamkan atau tidak diberikan kepada Saudara" '
            'if permohonan and permohonan.keputusan == "diberikan-sebagian" else '
            '"Informasi yang Saudara minta" }} merupakan informasi yang dikecualikan sebagaimana '
            "ditetapkan dalam {{ sk_pengecualian }}, yang salinannya terlampir pada surat ini."
        ),
        tag("{%p endif %}"),
        # a response given late, after the requester went to the Komisi Informasi: the dispute
        # runs already, no new window opens (review sengketa F6, left at stop 31)
        tag('{%p if tanggapan_pemohon == "sengketa" and tanggapan_pemohon_pada %}'),
        body(
            "Permohonan penyelesaian sengketa informasi publik atas keberatan ini telah Saudara "
            "ajukan kepada Komisi Informasi pada {{ tanggapan_pemohon_pada | tanggal_panjang }}; "
            "tanggapan ini tidak mengubah permohonan tersebut, yang diselesaikan oleh Komisi "
            f"Informasi sesuai dengan Pasal 37 dan 38 {UU_KIP}."
        ),
        tag("{%p else %}"),
        body(
            "Apabila Saudara tidak puas dengan tanggapan ini, Saudara dapat mengajukan permohonan "
            "penyelesaian sengketa informasi publik kepada Komisi Informasi paling lambat "
            "{{ tenggat.sengketa }} ({{ tenggat.sengketa | terbilang }}) hari kerja setelah diterimanya tanggapan tertulis ini, sesuai dengan "
            f"Pasal 37 ayat (2) {UU_KIP}."
        ),
        tag("{%p endif %}"),
    )
    penutup(doc, "Demikian tanggapan ini kami sampaikan.")
    tanda_tangan(doc, "atasan_ppid.jabatan", "atasan_ppid", judul="Atasan PPID,")
    # (kept together: never a lone "Lampiran:" at a page's foot — LibreOffice keeps the first
    # paragraph after a table with the next only when it is not the chain's head: an empty one)
    add(
        doc,
        p("", size=1, keep=True),
        tag('{%p if keputusan_atasan == "ditolak" and sk_pengecualian %}'),
        p(R("Lampiran:", u=True), before=6, size=9, keep=True),
        p("Salinan {{ sk_pengecualian }}", size=9, keep=True),
        tag("{%p endif %}"),
        p(R("Tembusan:", u=True), before=6, size=9, keep=True),
        p("PPID {{ instansi.nama }}", size=9),
    )


BUILDERS: dict[str, Callable] = {
    "tanda-terima": tanda_terima,
    "tanda-terima-informasi": tanda_terima_informasi,
    "pemberitahuan": pemberitahuan,
    "tidak-tersedia": tidak_tersedia,
    "perpanjangan": perpanjangan,
    "penolakan": penolakan,
    "tanda-bukti-keberatan": tanda_bukti_keberatan,
    "tanggapan-keberatan": tanggapan_keberatan,
}


# --------------------------------------------------------------------------------------------


def _reproducible(data: bytes) -> bytes:
    """The same zip with fixed timestamps, so that an unchanged template is byte-identical."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            zout.writestr(info, zin.read(item.filename))
    return out.getvalue()


def build(kind: str) -> bytes:
    doc = new_document(KINDS[kind].title)
    BUILDERS[kind](doc)
    out = io.BytesIO()
    doc.save(out)
    return _reproducible(out.getvalue())


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    outdir = Path(argv[0]) if argv else BUILTIN_DIR
    outdir.mkdir(parents=True, exist_ok=True)
    assert set(BUILDERS) == set(KINDS), "every kind needs a builder"
    for kind in KINDS:
        target = outdir / KINDS[kind].template
        new = build(kind)
        if target.is_file() and target.read_bytes() != new:
            _remember_old(target)
        target.write_bytes(new)
        print(target)
    return 0


def _remember_old(target: Path) -> None:
    """Add the version ``target`` replaces to the list of earlier built-ins
    (``engine.OLD_BUILTINS``): workspaces hold unedited copies of it, which then give way to
    the new one (:func:`ppidctl.letters.engine.old_builtin`)."""
    import hashlib

    from .engine import OLD_BUILTINS

    line = f"{hashlib.sha256(target.read_bytes()).hexdigest()}  {target.name}\n"
    history = target.parent / OLD_BUILTINS
    known = history.read_text(encoding="utf-8") if history.is_file() else ""
    if line not in known:
        history.write_text(known + line, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
