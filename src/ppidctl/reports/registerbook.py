"""The official register book (``ppidctl ekspor``): XLSX with the Komisi Informasi's grouped
header, and CSV / JSON for other programs.

The XLSX follows the standard register of the Komisi Informasi (Perki 1/2010 appendix, reused by
Perki 1/2021; rules.md §4): a two-row header whose groups (Nomor Kontak, Status Informasi, Bentuk
Informasi, Jenis Permohonan, Keputusan, Hari dan Tanggal, …) span their sub-columns, choice columns
ticked with ✓, column widths, wrapped text, the header frozen. On paper (A4 landscape, the paper
of the office's letters and reports; F4 can be chosen in the spreadsheet's page setup): the 25
columns of the request register at 9 pt need three pages side by side (the objection register
two), so the book is fitted to that many pages wide rather than to one (which printed ~4 pt),
with the grouped header rows and the first two columns (No., Nomor Registrasi) repeated on every
page, the register's name in the page header and "Halaman X dari Y" in the footer
(:func:`ppidctl.reports.excel.print_setup`). The objection register carries items a-k of the
Perki (reasons a-g as ticked sub-columns).

The Keterangan column: the status; for a request its proxy (kuasa), extension, lateness and
open deadline; for an objection its lateness (an open objection past its deadline is
``terlambat`` as a request is) and deadline, and the dispute at the Komisi Informasi (its
register number, the date and the outcome once recorded); dates in words.

Rows come from the same listing as ``permohonan daftar`` (so the filters mean the same; open
cases carry their live deadline) and are masked per the schema's personal-data flags unless
``tanpa_sensor``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from .. import schema
from ..errors import RuleError
from ..services.common import noted_deliveries
from ..store.table import csv_lines
from .privacy import csv_safe, mask_rows

if TYPE_CHECKING:
    from ..services.queries import Filter
    from ..workspace import Workspace

__all__ = ["rows_for_export", "csv_bytes", "json_bytes", "xlsx_bytes", "describe", "LAYOUT"]

CENTANG = "✓"
JUDUL = {
    "permohonan": "REGISTER PERMOHONAN INFORMASI PUBLIK",
    "keberatan": "REGISTER KEBERATAN ATAS PELAYANAN INFORMASI PUBLIK",
}


def rows_for_export(
    ws: Workspace, register: str, f: Filter | None = None, *, tanpa_sensor: bool = False
) -> list[dict[str, str]]:
    """The register's rows (schema keys) matching ``f``, masked unless ``tanpa_sensor``, in
    the order of their numbers — year, then sequence — as a numbered book is read: the register
    keeps recording order, in which an imported older book, or a December request recorded in
    January, comes after the newer numbers."""
    from ..rules import numbering
    from ..services.queries import Filter, listing

    if register not in ("permohonan", "keberatan"):
        raise RuleError(
            f"--register '{register}' tidak dikenal", "pilih --register permohonan|keberatan"
        )
    f = f or Filter()
    keys = schema.keys(register)
    rows = [{k: r.get(k, "") for k in keys} for r in listing(ws, register, f)]
    pattern = ws.settings.get("penomoran", register) or ""

    def number_order(row: dict[str, str]) -> tuple[int, int, str]:
        year, seq = numbering.year_and_sequence(row["nomor_registrasi"], pattern)
        received = row["tanggal_diterima"]
        year = year or (int(received[:4]) if received[:4].isdigit() else 0)
        return (year, seq or 0, received)

    rows.sort(key=number_order)  # (stable: recording order where numbers do not tell)
    return mask_rows(register, rows, tanpa_sensor=tanpa_sensor)


def describe(f: Filter | None) -> str:
    """The filter in words, for the register book's heading."""
    from .summary import BULAN, tanggal_panjang

    if f is None:
        return "Seluruh data"
    parts = []
    if f.bulan:
        y, m = int(f.bulan[:4]), int(f.bulan[5:7])
        parts.append(f"Periode {BULAN[m - 1]} {y}")
    elif f.dari or f.sampai:
        lo = tanggal_panjang(date.fromisoformat(f.dari)) if f.dari else "awal"
        hi = tanggal_panjang(date.fromisoformat(f.sampai)) if f.sampai else "sekarang"
        parts.append(f"Periode {lo} s.d. {hi}")
    if f.status:
        parts.append(f"status {f.status}")
    if f.cari:
        parts.append(f"pencarian '{f.cari}'")
    if f.terlambat:
        parts.append("hanya yang terlambat")
    if f.dalam is not None:
        parts.append(f"jatuh tempo dalam {f.dalam} hari kerja")
    return ", ".join(parts) if parts else "Seluruh data"


# --------------------------------------------------------------------------- CSV and JSON


def csv_bytes(register: str, rows: list[dict[str, str]], *, pemisah: str = ",", bom: bool = True,
              newline: str = "\r\n") -> bytes:  # fmt: skip
    """CSV with the column keys as header; UTF-8 with BOM (Excel opens it as UTF-8); text that
    Excel would run as a formula is prefixed with ``'``."""
    if pemisah not in (",", ";", "\t"):
        raise RuleError(f"--pemisah '{pemisah}' tidak didukung", 'pakai "," atau ";"')
    keys = schema.keys(register)
    cells = [[csv_safe(row.get(k, "")) for k in keys] for row in rows]
    data = csv_lines([list(keys), *cells], pemisah, newline).encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if bom else data


def json_bytes(rows: list[dict[str, str]]) -> bytes:
    from ..jsontext import pieces  # (record by record: 1.4 GB for 100,000 rows as one dumps)

    return b"".join(p.encode("utf-8") for p in (*pieces(rows), "\n"))


# --------------------------------------------------------------------------- the XLSX book


@dataclass(frozen=True)
class BookColumn:
    grup: str  # "" = one column spanning both header rows
    judul: str
    lebar: float
    nilai: Callable[[dict[str, str]], Any]
    gaya: str = "isi"  # isi | tengah | tanggal | angka


def _key(k: str) -> Callable[[dict[str, str]], str]:
    return lambda r: r.get(k, "")


def _tick(cond: Callable[[dict[str, str]], bool]) -> Callable[[dict[str, str]], str]:
    return lambda r: CENTANG if cond(r) else ""


def _day(k: str) -> Callable[[dict[str, str]], str]:
    from .summary import tanggal_hari

    def get(r: dict[str, str]) -> str:
        v = r.get(k, "")
        try:
            return tanggal_hari(date.fromisoformat(v[:10])) if v else ""
        except ValueError:
            return v

    return get


def _date(k: str) -> Callable[[dict[str, str]], Any]:
    from .excel import as_date

    return lambda r: as_date(r.get(k, "")) or r.get(k, "")


def _not_held(r: dict[str, str]) -> str:
    if r.get("keputusan") != "tidak-dikuasai":
        return ""
    return (
        f"{CENTANG} {r['badan_publik_penguasa']}".strip()
        if r.get("badan_publik_penguasa")
        else CENTANG
    )


def _fee(r: dict[str, str]) -> str:
    """The fee and how it is paid ("Rp15.000, transfer bank"), as the book's column is named."""
    fee = r.get("biaya", "").strip()
    if fee and fee.strip("0"):  # ("0": no fee, as the letters say — not "Rp0")
        text = "Rp" + f"{int(fee):,}".replace(",", ".") if fee.isascii() and fee.isdigit() else fee
        cara = r.get("cara_pembayaran", "").strip()
        return f"{text}, {cara}" if cara else text
    return "Tanpa biaya" if r.get("keputusan") in schema.GIVEN else ""


def _long(iso: str) -> str:
    """``2026-10-19`` → ``19 Oktober 2026`` (text that is no date stays as it is)."""
    from ..rules.validation import tanggal_iso
    from .summary import tanggal_panjang

    day = tanggal_iso(iso)
    return tanggal_panjang(day) if day else iso


def _remarks_request(r: dict[str, str]) -> str:
    parts = [f"Status: {r.get('status', '')}"]
    if r.get("kuasa_nama"):
        parts.append(f"melalui kuasa {r['kuasa_nama']}")
    if r.get("diperpanjang_pada"):
        parts.append(f"diperpanjang {_long(r['diperpanjang_pada'])}")
    if r.get("terlambat") == "ya":
        parts.append("terlambat")
    if r.get("jatuh_tempo") and r.get("status") in schema.OPEN["permohonan"]:
        parts.append(f"jatuh tempo {_long(r['jatuh_tempo'])}")
    if r.get("tahapan"):
        parts.append(f"tahapan: {r['tahapan']}")
    # the information given on an order after a refusal (or a second time): the book's row says
    # "ditolak" beside a delivery day, which reads as an error without it (review bukti M4)
    for day, atas in noted_deliveries(r.get("catatan", "")):
        parts.append(f"informasi diserahkan {_long(day)} {atas}")
    return "; ".join(parts + _hand_edits(r))


def _remarks_objection(r: dict[str, str]) -> str:
    """Status, lateness and deadline as for requests, and the dispute at the Komisi Informasi:
    its register number and outcome once recorded (rules.md §4 k, §7)."""
    parts = [f"Status: {r.get('status', '')}"]
    if r.get("terlambat") == "ya":
        parts.append("terlambat")
    if r.get("jatuh_tempo") and r.get("status") in schema.OPEN["keberatan"]:
        parts.append(f"jatuh tempo {_long(r['jatuh_tempo'])}")
    if r.get("tanggapan_pemohon") == "musyawarah":  # (Pasal 35(2): closed with no response)
        when = r.get("tanggapan_pemohon_pada", "")
        parts.append(
            "diselesaikan secara musyawarah"
            + (f" {_long(when)}" if when else "")
            + (f": {r['hasil_musyawarah']}" if r.get("hasil_musyawarah") else "")
        )
    if r.get("nomor_sengketa") or r.get("putusan_sengketa") or r.get("status") == "sengketa":
        dispute = "sengketa" + (f" nomor {r['nomor_sengketa']}" if r.get("nomor_sengketa") else "")
        filed, batas = r.get("tanggapan_pemohon_pada", ""), r.get("batas_sengketa", "")
        if r.get("tanggapan_pemohon") == "sengketa" and filed:
            dispute += f" diajukan {_long(filed)}"
            if batas and filed > batas:  # (warned once when recorded: the book keeps it —
                dispute += f" (lewat batas {_long(batas)})"  # review sengketa F4)
        if r.get("putusan_sengketa"):
            when = r.get("tanggal_putusan_sengketa", "")
            kode = r["putusan_sengketa"]
            dispute += (f" diputus {_long(when)}" if when else "") + (
                f": {schema.PUTUSAN_SENGKETA_TEKS.get(kode, kode)}"
            )
        parts.append(dispute)
    if r.get("tahapan"):
        parts.append(f"tahapan: {r['tahapan']}")
    return "; ".join(parts + _hand_edits(r))


def _hand_edits(r: dict) -> list[str]:
    """The row's edits made outside ppidctl and accepted (see :func:`hand_edits`), in words."""
    return [
        f"disunting di luar ppidctl ({', '.join(cols)}), diterima {_long(day)}: {note}"
        for day, note, cols in r.get("_suntingan", ())
    ]


def hand_edits(ws, register: str, *, tanpa_sensor: bool = False) -> dict[str, list[tuple]]:
    """Rows of ``register`` changed outside ppidctl and accepted (``periksa --terima-perubahan``):
    registration number → [(day accepted, the office's catatan, the columns)]. The printed book
    showed the edited value alone, as if recorded so (review audit L2). The catatan is masked as
    free text unless ``tanpa_sensor``."""
    from ..store import journal
    from .privacy import mask

    marker = b'"perintah":"periksa --terima-perubahan"'
    out: dict[str, list[tuple]] = {}
    for raw in journal.lines(ws.journal_path):
        if marker not in raw:
            continue
        e = journal.whole(raw)
        if not e or e.get("register") != register or e.get("aksi") != "ubah":
            continue
        changes = e.get("perubahan") if isinstance(e.get("perubahan"), dict) else {}
        moved = changes.get("nomor_registrasi")  # (the number itself corrected: the new one)
        nomor = moved[1] if isinstance(moved, list) and len(moved) == 2 else e.get("nomor", "")
        note = str(e.get("catatan", ""))
        out.setdefault(str(nomor), []).append(
            (str(e.get("waktu", ""))[:10], note if tanpa_sensor else mask("teks", note),
             sorted(changes))
        )  # fmt: skip
    return out


def _reasons(r: dict[str, str]) -> set[str]:
    return {c.strip() for c in r.get("alasan", "").split(";") if c.strip()}


def _decision_atasan(r: dict[str, str]) -> str:
    from .summary import LABEL_KEPUTUSAN_ATASAN

    return LABEL_KEPUTUSAN_ATASAN.get(r.get("keputusan_atasan", ""), r.get("keputusan_atasan", ""))


HELD = (
    *schema.GIVEN,
    "ditolak",
)  # (the office has it: not "tidak dikuasai"/"belum didokumentasikan")

# fmt: off
LAYOUT: dict[str, list[BookColumn]] = {
    "permohonan": [
        BookColumn("", "No.", 5, lambda r: r["_no"], "tengah"),
        BookColumn("", "Nomor Registrasi", 17, _key("nomor_registrasi")),
        BookColumn("", "Tanggal", 11, _date("tanggal_diterima"), "tanggal"),
        BookColumn("", "Nama", 18, _key("nama_pemohon")),
        BookColumn("", "Alamat", 20, _key("alamat")),
        BookColumn("Nomor Kontak", "Telepon", 14, _key("telepon")),
        BookColumn("Nomor Kontak", "E-mail", 18, _key("email")),
        BookColumn("", "Pekerjaan", 13, _key("pekerjaan")),
        BookColumn("", "Informasi yang Diminta", 30, _key("informasi_diminta")),
        BookColumn("", "Tujuan Penggunaan Informasi", 20, _key("tujuan_penggunaan")),
        BookColumn("Status Informasi", "Dikuasai", 9, _tick(lambda r: r.get("keputusan") in HELD), "tengah"),
        BookColumn("Status Informasi", "Tidak Dikuasai", 12, _not_held, "tengah"),
        BookColumn("Status Informasi", "Belum Didokumentasikan", 15,
                   _tick(lambda r: r.get("keputusan") == "belum-didokumentasikan"), "tengah"),
        BookColumn("Bentuk Informasi", "Softcopy", 9,
                   _tick(lambda r: r.get("bentuk_informasi") == "softcopy"), "tengah"),
        BookColumn("Bentuk Informasi", "Hardcopy", 9,
                   _tick(lambda r: r.get("bentuk_informasi") == "hardcopy"), "tengah"),
        BookColumn("Jenis Permohonan", "Melihat/ Mendengar/ Mencatat", 11,
                   _tick(lambda r: r.get("cara_memperoleh") == "melihat"), "tengah"),
        BookColumn("Jenis Permohonan", "Meminta Salinan", 10,
                   _tick(lambda r: r.get("cara_memperoleh") == "salinan"), "tengah"),
        BookColumn("Keputusan", "Diberikan", 9,
                   _tick(lambda r: r.get("keputusan") == "diberikan"), "tengah"),
        BookColumn("Keputusan", "Diberikan Sebagian", 10,
                   _tick(lambda r: r.get("keputusan") == "diberikan-sebagian"), "tengah"),
        BookColumn("Keputusan", "Ditolak", 8,
                   _tick(lambda r: r.get("keputusan") == "ditolak"), "tengah"),
        BookColumn("", "Alasan Penolakan", 18, _key("alasan_penolakan")),
        BookColumn("Hari dan Tanggal", "Pemberitahuan Tertulis", 16, _day("tanggal_pemberitahuan")),
        BookColumn("Hari dan Tanggal", "Pemberian Informasi", 16, _day("tanggal_selesai")),
        BookColumn("", "Biaya dan Cara Pembayaran", 12, _fee),
        BookColumn("", "Keterangan", 18, _remarks_request),
    ],
    "keberatan": [
        BookColumn("", "No.", 5, lambda r: r["_no"], "tengah"),
        BookColumn("", "Nomor Registrasi Keberatan", 19, _key("nomor_registrasi")),
        BookColumn("", "Tanggal Diterima", 11, _date("tanggal_diterima"), "tanggal"),
        BookColumn("Identitas Pemohon", "Nama", 17, _key("nama_pemohon")),
        BookColumn("Identitas Pemohon", "NIK / Nomor Identitas", 17, _key("nik")),
        BookColumn("Identitas Pemohon", "Alamat", 18, _key("alamat")),
        BookColumn("Identitas Kuasa", "Nama", 14, _key("kuasa_nama")),
        BookColumn("Identitas Kuasa", "Alamat", 14, _key("kuasa_alamat")),
        BookColumn("", "Nomor Pendaftaran Permohonan", 17, _key("nomor_permohonan")),
        BookColumn("", "Informasi yang Diminta", 26, _key("informasi_diminta")),
        BookColumn("", "Tujuan Penggunaan Informasi", 18, _key("tujuan_penggunaan")),
        *[
            BookColumn("Alasan Keberatan", code, 4, _tick(lambda r, c=code: c in _reasons(r)), "tengah")
            for code in schema.ALASAN_KEBERATAN
        ],
        BookColumn("", "Keputusan Atasan PPID", 18, _decision_atasan),
        BookColumn("", "Hari dan Tanggal Tanggapan", 16, _day("tanggal_tanggapan")),
        BookColumn("", "Nama dan Jabatan Atasan PPID", 20,
                   lambda r: ", ".join(x for x in (r.get("nama_atasan"), r.get("jabatan_atasan")) if x)),
        BookColumn("Tanggapan Pemohon", "Menerima", 9,
                   _tick(lambda r: r.get("tanggapan_pemohon") == "menerima"), "tengah"),
        BookColumn("Tanggapan Pemohon", "Sengketa ke Komisi Informasi", 11,
                   _tick(lambda r: r.get("tanggapan_pemohon") == "sengketa"), "tengah"),
        BookColumn("", "Keterangan", 16, _remarks_objection),
    ],
}
# fmt: on

HEADER_ROW = 5  # rows 1-3: title, office, period; 4 blank; 5-6 the grouped header


def xlsx_bytes(
    register: str,
    rows: list[dict[str, str]],
    *,
    instansi: str,
    keterangan: str,
    tanpa_sensor: bool = False,
    dicetak: date | None = None,
    dibatalkan: list[str] = (),  # type: ignore[assignment]
    jurnal: tuple[int, str] | None = None,
    suntingan: dict[str, list[tuple]] | None = None,
) -> bytes:
    """The register book as an XLSX workbook (one sheet); ``dibatalkan``: the numbers given and
    later cancelled or deleted, named under the table (a gap an auditor sees is explained);
    ``jurnal``: the journal's line count and last line's hash as printed, under it too — the
    printed book is then an anchor (integrity.anchor; review audit L2); ``suntingan``: the
    rows' accepted hand edits (:func:`hand_edits`), in the Keterangan."""
    from openpyxl.worksheet.cell_range import CellRange

    from .excel import (
        Styles,
        new_workbook,
        page_header,
        print_setup,
        row_height,
        set_widths,
        to_bytes,
    )

    cols = LAYOUT[register]
    n = len(cols)
    wb = new_workbook()
    ws = wb.create_sheet("Register " + register.capitalize())
    st = Styles(ws)
    widths = [c.lebar for c in cols]
    set_widths(ws, widths)
    # print setup: A4 landscape, several pages wide at a readable scale, the grouped header and
    # the first two columns (No., Nomor Registrasi) on every page; every page names the register
    print_setup(ws, widths, repeat_rows=f"{HEADER_ROW}:{HEADER_ROW + 1}", repeat_cols=2)
    ws.freeze_panes = f"C{HEADER_ROW + 2}"
    privacy = (
        "DATA LENGKAP (tanpa sensor) — hanya untuk keperluan internal"
        if tanpa_sensor
        else "Data pribadi disamarkan (UU 27/2022 tentang Pelindungan Data Pribadi)"
    )
    from ..letters.fmt import tanggal_panjang  # (an Indonesian book: not 2026-11-24)

    printed = f"dicetak {tanggal_panjang(dicetak)}" if dicetak else ""
    note = " · ".join(x for x in (keterangan, printed, privacy) if x)
    # on paper the title rows give way to the page header (rows 1-3 would be cut to the two
    # repeated columns on the pages after the first): the title on every page
    notes = []
    if dibatalkan:  # (rules.md §6: a number given is never reused, so its gap stays)
        notes.append(
            "Nomor yang pernah diberikan tetapi tidak ada di register ini (dibatalkan atau "
            "dihapus: tidak dipakai lagi): " + ", ".join(dibatalkan)
        )
    if jurnal:
        notes.append(
            f"Jurnal saat buku ini dicetak: {jurnal[0]} baris, hash baris terakhir {jurnal[1]} "
            f"(bukti bahwa jurnal sampai titik itu tidak berubah: ppidctl periksa --jangkar "
            f"{jurnal[1]})"
        )
    ws.print_area = f"A{HEADER_ROW}:{_col(n)}{HEADER_ROW + 1 + len(rows) + 2 * len(notes)}"
    # (the footer keeps 160 characters: the privacy notice first, never the part cut off)
    page_header(
        ws, JUDUL[register], instansi, " · ".join(x for x in (privacy, keterangan, printed) if x)
    )
    last = _col(n)
    for r in (1, 2, 3):
        ws.merged_cells.add(CellRange(f"A{r}:{last}{r}"))
    ws.append([st.cell(JUDUL[register], "judul")])
    ws.append([st.cell(instansi, "subjudul")])
    ws.append([st.cell(note, "catatan")])
    ws.append([])
    # the two-row grouped header
    top, sub = [], []
    i = 0
    while i < n:
        c = cols[i]
        if not c.grup:
            top.append(st.cell(c.judul, "kepala"))
            sub.append(st.cell(None, "kepala"))
            ws.merged_cells.add(
                CellRange(f"{_col(i + 1)}{HEADER_ROW}:{_col(i + 1)}{HEADER_ROW + 1}")
            )
            i += 1
            continue
        j = i
        while j < n and cols[j].grup == c.grup:
            j += 1
        top.append(st.cell(c.grup, "kepala"))
        top.extend(st.cell(None, "kepala") for _ in range(i + 1, j))
        sub.extend(st.cell(cols[k].judul, "kepala") for k in range(i, j))
        if j - i > 1:
            ws.merged_cells.add(CellRange(f"{_col(i + 1)}{HEADER_ROW}:{_col(j)}{HEADER_ROW}"))
        i = j
    ws.row_dimensions[HEADER_ROW].height = 30
    ws.row_dimensions[HEADER_ROW + 1].height = 54
    ws.append(top)
    ws.append(sub)
    r = HEADER_ROW + 2
    for no, row in enumerate(rows, 1):
        rec = {**row, "_no": no, "_suntingan": (suntingan or {}).get(row["nomor_registrasi"], ())}
        values = [c.nilai(rec) for c in cols]
        # spreadsheet programs do not all grow rows to wrapped text: set the height
        height = row_height(values, widths)
        if height:
            ws.row_dimensions[r].height = height
        ws.append([st.cell(v, c.gaya) for v, c in zip(values, cols, strict=True)])
        r += 1
    for text in notes:
        ws.append([])
        ws.merged_cells.add(CellRange(f"A{r + 1}:{last}{r + 1}"))
        ws.row_dimensions[r + 1].height = row_height([text], [sum(widths)])
        ws.append([st.cell(text, "catatan")])
        r += 2
    return to_bytes(wb)


def retired_in(ws, register: str, f) -> list[str]:
    """The numbers of ``register`` given and later cancelled or deleted (the journal's
    ``nomor_dihapus``), of the months the export covers; none for an export filtered by status,
    text or lateness (a gap there is the filter's). A legacy row's number an import refused
    and holds (``journal.held_numbers``) is named as such, and not at all once its corrected
    row is in the register."""
    from ..rules import numbering
    from ..store import journal

    if f is not None and (f.status or f.cari or f.terlambat or f.dalam is not None):
        return []
    lo, hi = f.period() if f is not None else ("", "9999-12-31")
    pattern = ws.settings.get("penomoran", register)
    retired = journal.retired_numbers(ws.journal_path, register)
    held = journal.held_numbers(ws.journal_path, register) if retired else set()
    present = {r["nomor_registrasi"] for r in ws.read(register).rows} if retired else set()
    out = []
    for n in retired - present:
        bulan, tahun = numbering.month_year_stated(n, pattern)
        if tahun is not None:  # (the month it was given, as its number states it)
            first = f"{tahun:04d}-{bulan or 1:02d}"
            last = f"{tahun:04d}-{bulan or 12:02d}"
            if last < lo[:7] or first > hi[:7]:
                continue
        out.append(n)
    out.sort(key=lambda n: (numbering.month_year_stated(n, pattern)[1] or 0,
                            numbering.sequence_of(n, pattern) or 0, n))  # fmt: skip
    return [f"{n} (baris buku lama yang ditolak impor; diimpor setelah diperbaiki)" if n in held
            else n for n in out]  # fmt: skip


def _col(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(i)
