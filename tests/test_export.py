"""``ppidctl ekspor``: the official register book (xlsx), csv and json; masking; formula
injection; the journal line of an unmasked export. Uses the hand-built register of
test_reports.py."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ppidctl import schema
from ppidctl.store import journal
from test_reports import KEBERATAN, PERMOHONAN, _req, _soffice, build, to_pdf, write_register

from conftest import REQUEST, Runner, snapshot


@pytest.fixture
def hws(ws):
    return build(ws)


@pytest.fixture
def run(hws):
    return Runner(hws.root)


def _journal(ws) -> list[dict]:
    return [json.loads(x) for x in ws.journal_path.read_text(encoding="utf-8").splitlines()]


# --------------------------------------------------------------------------- the XLSX book


def test_a_filtered_register_book_says_its_scope(hws, run, tmp_path):
    # only "Seluruh data" and --bulan had a test: a printed book mislabelled as the whole register
    from openpyxl import load_workbook

    def heading(*filters: str) -> str:
        out = tmp_path / "buku.xlsx"
        run.ok("ekspor", "--register", "permohonan", "--keluaran", str(out), *filters)
        return load_workbook(out).active["A3"].value

    assert heading("--status", "diputuskan", "--cari", "Budi").startswith(
        "status diputuskan, pencarian 'Budi'"
    )
    assert heading("--dari", "2026-03-01").startswith("Periode 1 Maret 2026 s.d. sekarang")
    assert heading("--terlambat").startswith("hanya yang terlambat")


def test_register_book_xlsx(hws, run, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "buku-permohonan.xlsx"
    before = snapshot(hws.root)
    res = run.ok("ekspor", "--register", "permohonan", "--keluaran", str(out))
    assert res.stdout.strip() == str(out)
    assert snapshot(hws.root) == before  # nothing written in the workspace
    wb = load_workbook(out)
    assert wb.sheetnames == ["Register Permohonan"]
    ws = wb.active
    assert ws["A1"].value == "REGISTER PERMOHONAN INFORMASI PUBLIK"
    assert ws["A2"].value == "Komisi Pemilihan Umum Kota Mataram"
    assert "Seluruh data" in ws["A3"].value and "disamarkan" in ws["A3"].value
    assert re.search(r"dicetak \d{1,2} [A-Z][a-z]+ 20\d\d", ws["A3"].value)  # (not ISO)
    # the footer keeps 160 characters: the privacy notice first, never the part cut off
    assert ws.oddFooter.left.text.startswith("Data pribadi disamarkan (UU 27/2022")
    merged = {str(r) for r in ws.merged_cells.ranges}
    top = {c.value: c.column_letter for c in ws[5] if c.value}
    sub = [c.value for c in ws[6]]
    # the Komisi Informasi's two-row grouped header
    assert list(top) == [
        "No.", "Nomor Registrasi", "Tanggal", "Nama", "Alamat", "Nomor Kontak", "Pekerjaan",
        "Informasi yang Diminta", "Tujuan Penggunaan Informasi", "Status Informasi",
        "Bentuk Informasi", "Jenis Permohonan", "Keputusan", "Alasan Penolakan",
        "Hari dan Tanggal", "Biaya dan Cara Pembayaran", "Keterangan",
    ]  # fmt: skip
    assert {"A5:A6", "B5:B6", "F5:G5", "K5:M5", "N5:O5", "P5:Q5", "R5:T5", "V5:W5"} <= merged
    assert sub[5:7] == ["Telepon", "E-mail"]
    assert sub[10:13] == ["Dikuasai", "Tidak Dikuasai", "Belum Didokumentasikan"]
    assert sub[21:23] == ["Pemberitahuan Tertulis", "Pemberian Informasi"]
    # layout and print setup
    assert ws.freeze_panes == "C7"
    assert ws.print_title_rows == "$5:$6"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9  # A4
    # review 5: 25 columns on one page width printed at ~4 pt; now three pages wide (~90 %),
    # the grouped header and No./Nomor Registrasi on every page, the title in the page header
    from ppidctl.reports.excel import PAGE_UNITS

    widths = [d.width for d in ws.column_dimensions.values()]
    assert sum(widths) / ws.page_setup.fitToWidth <= PAGE_UNITS
    assert ws.page_setup.fitToWidth == 3 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_cols == "$A:$B"
    # (the journal's state under the table: a blank row, the note — review audit L2)
    assert ws.print_area == f"'Register Permohonan'!$A$5:$Y${6 + len(PERMOHONAN) + 2}"
    assert "REGISTER PERMOHONAN INFORMASI PUBLIK" in ws.oddHeader.left.text
    assert ws.oddFooter.right.text == "Halaman &P dari &N"
    assert ws.column_dimensions["I"].width == 30
    assert ws["I7"].alignment.wrap_text
    assert ws.max_row == 6 + len(PERMOHONAN) + 2
    assert ws.cell(ws.max_row, 1).value.startswith("Jurnal saat buku ini dicetak: 1 baris, ")
    # rows: masked personal data, ticks, weekday dates
    rows = {ws.cell(r, 2).value: [c.value for c in ws[r]] for r in range(7, ws.max_row + 1)}
    p2 = rows["002/PPID/5271/III/2026"]
    assert p2[4] == "…, Mataram"  # alamat
    assert p2[5] == "0812******90"  # telepon
    assert p2[6] == "b***@example.com"
    assert p2[10] == "✓" and p2[18] == "✓" and p2[17] is None  # dikuasai; diberikan sebagian
    assert p2[21] == "Jumat, 27 Maret 2026"
    assert p2[23] == "Rp15.000, tunai di loket PPID"  # rules.md §4: biaya dan cara pembayaran
    assert rows["001/PPID/5271/II/2026"][11] == "✓ KPU Provinsi NTB"  # tidak dikuasai
    # in number order, year then sequence (the register keeps recording order)
    assert list(rows)[:4] == ["001/PPID/5271/VI/2025", "002/PPID/5271/XII/2025",
                              "001/PPID/5271/I/2026", "001/PPID/5271/II/2026"]  # fmt: skip
    assert ws.cell(7, 3).value.date().isoformat() == "2025-06-02"
    assert "5271011203900001" not in {v for r in rows.values() for v in r}


def test_a_very_long_request_is_no_row_taller_than_a_page(ws, tmp_path):
    """A 6,000-character request (the desk allows 10,000) made a 2,900 pt row: printed, two
    thirds of it ran off the page and page 1 held the header alone. Rows stop at Excel's 409 pt."""
    from openpyxl import load_workbook

    from ppidctl.reports.excel import MAX_ROW_PT

    info = " ".join(f"Dokumen-{i:04d} berita acara rekapitulasi kecamatan;" for i in range(120))
    args = [a if a != REQUEST[REQUEST.index("--informasi") + 1] else info for a in REQUEST]
    run = Runner(ws.root)  # (a workspace of this one request)
    run.ok("permohonan", "catat", *args, "--tanggal", "2026-03-16", "--tanpa-surat")
    out = tmp_path / "buku.xlsx"
    run.ok("ekspor", "--register", "permohonan", "--keluaran", str(out))
    book = load_workbook(out).active
    assert book.row_dimensions[7].height == MAX_ROW_PT == 409
    assert info in [c.value for c in book[7]]  # (the whole text is in the cell)
    assert book.page_setup.pageOrder == "overThenDown"


def test_register_book_objections(run, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "buku-keberatan.xlsx"
    run.ok("ekspor", "--register", "keberatan", "--bulan", "2026-03", "--keluaran", str(out))
    ws = load_workbook(out).active
    assert ws["A1"].value == "REGISTER KEBERATAN ATAS PELAYANAN INFORMASI PUBLIK"
    assert "Periode Maret 2026" in ws["A3"].value
    top = [c.value for c in ws[5] if c.value]
    assert "Alasan Keberatan" in top and "Tanggapan Pemohon" in top
    sub = [c.value for c in ws[6]]
    assert "NIK / Nomor Identitas" in sub  # (a legal entity's AHU number sat under "NIK")
    a = sub.index("a")
    assert sub[a : a + 7] == list("abcdefg")
    merged = {str(r) for r in ws.merged_cells.ranges}
    from openpyxl.utils import get_column_letter as L

    assert f"{L(a + 1)}5:{L(a + 7)}5" in merged
    assert ws.max_row == 6 + 3 + 2  # K1, K2, K4 received in March; the journal's note
    assert ws.page_setup.fitToWidth == 2 and ws.print_title_cols == "$A:$B"
    k1 = [c.value for c in ws[7]]
    assert k1[1] == "001/KEB/PPID/5271/III/2026"
    assert k1[4] == "5271**********02"  # NIK masked
    assert k1[a + 3] == "✓" and k1[a + 4] == "✓" and k1[a] is None  # reasons d, e
    assert "Sengketa ke Komisi Informasi" in sub
    assert k1[sub.index("Sengketa ke Komisi Informasi")] == "✓"


def test_register_book_remarks(ws, tmp_path, today):
    """Review 12-13: the proxy of a request, a late objection and the dispute's outcome at the
    Komisi Informasi are in the book's Keterangan."""
    from openpyxl import load_workbook

    from ppidctl.reports.registerbook import LAYOUT

    from conftest import Runner

    write_register(ws, "permohonan", [
        _req("001/PPID/5271/III/2026", "2026-03-02", kuasa_nama="Hj. Rohani",
             diperpanjang_pada="2026-03-16"),
    ])  # fmt: skip
    k1, k4 = KEBERATAN[0], KEBERATAN[3]  # K1 went to the KI; K4 open, due Mar 12
    write_register(ws, "keberatan", [
        dict(k1, nomor_sengketa="012/IV/KI-NTB-PS/2026", putusan_sengketa="dikabulkan-sebagian",
             tanggal_putusan_sengketa="2026-07-15"),
        k4,
    ])  # fmt: skip
    today("2026-04-01")
    run = Runner(ws.root)

    def remarks(register):
        out = tmp_path / f"{register}.xlsx"
        run.ok("ekspor", "--register", register, "--keluaran", str(out))
        book = load_workbook(out).active
        assert book.cell(6, len(LAYOUT[register])).value is None  # (merged with row 5)
        assert book.cell(5, len(LAYOUT[register])).value == "Keterangan"
        cells = [book.cell(r, len(LAYOUT[register])).value for r in range(7, book.max_row + 1)]
        return [c for c in cells if c is not None]  # (the journal's note is merged from A)

    (p1,) = remarks("permohonan")
    assert "melalui kuasa Hj. Rohani" in p1 and "diperpanjang 16 Maret 2026" in p1
    k1_text, k4_text = remarks("keberatan")
    assert k1_text == (
        "Status: sengketa; sengketa nomor 012/IV/KI-NTB-PS/2026 diajukan 31 Maret 2026 diputus "
        "15 Juli 2026: permohonan sengketa dikabulkan sebagian (ajudikasi)"
    )
    assert k4_text.startswith("Status: diteruskan; terlambat; jatuh tempo 12 Maret 2026")


def test_register_book_remarks_name_ordered_deliveries_and_pending_disputes():
    """A refused request whose information was then given on an order printed "Ditolak" beside
    a delivery day, unexplained; a dispute awaiting the Komisi Informasi said only "Status:
    sengketa" (review bukti M4)."""
    from ppidctl.reports.registerbook import _remarks_objection, _remarks_request

    k = "002/KEB/PPID/5271/VII/2026"
    catatan = (
        "diserahkan di loket; informasi diserahkan 2026-10-22 atas keberatan "
        f"{k} yang dikabulkan Komisi Informasi"
    )
    assert _remarks_request({"status": "selesai", "keputusan": "ditolak", "catatan": catatan}) == (
        f"Status: selesai; informasi diserahkan 22 Oktober 2026 atas keberatan {k} yang "
        "dikabulkan Komisi Informasi"
    )
    pending = {"status": "sengketa", "tanggapan_pemohon": "sengketa",
               "tanggapan_pemohon_pada": "2026-08-20"}  # fmt: skip
    assert _remarks_objection(pending) == "Status: sengketa; sengketa diajukan 20 Agustus 2026"
    # filed after the requester's window: warned once when recorded, and said by the book
    # (review sengketa F4)
    late = {**pending, "batas_sengketa": "2026-08-18"}
    assert _remarks_objection(late) == (
        "Status: sengketa; sengketa diajukan 20 Agustus 2026 (lewat batas 18 Agustus 2026)"
    )


def test_formula_injection_is_neutralised(ws, tmp_path):
    from openpyxl import load_workbook

    evil = _req("001/PPID/5271/III/2026", "2026-03-02", nama_pemohon='=HYPERLINK("http://x","klik")',
                informasi_diminta="@SUM(1+1)", tujuan_penggunaan="-2+3", pekerjaan="+62 wartawan")  # fmt: skip
    write_register(ws, "permohonan", [evil])
    run = Runner(ws.root)
    out = tmp_path / "b.xlsx"
    run.ok("ekspor", "--register", "permohonan", "--keluaran", str(out))
    sheet = load_workbook(out).active
    cell = sheet["D7"]
    assert cell.value == '=HYPERLINK("http://x","klik")'
    assert cell.data_type == "s" and cell.quotePrefix  # text, never a formula
    assert sheet["I7"].data_type == "s" and sheet["I7"].value == "@SUM(1+1)"
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    # CSV: prefixed with an apostrophe
    data = run.ok("ekspor", "--register", "permohonan", "--format", "csv").stdout
    rec = next(csv.DictReader(io.StringIO(data)))
    assert rec["nama_pemohon"] == '\'=HYPERLINK("http://x","klik")'
    assert rec["informasi_diminta"] == "'@SUM(1+1)"
    assert rec["tujuan_penggunaan"] == "'-2+3"
    assert rec["pekerjaan"] == "'+62 wartawan"
    # JSON is not a spreadsheet: unchanged
    doc = json.loads(run.ok("ekspor", "--register", "permohonan", "--format", "json").stdout)
    assert doc[0]["nama_pemohon"] == '=HYPERLINK("http://x","klik")'
    # and the report workbook's detail sheet too
    rep = tmp_path / "lap.xlsx"
    run.ok("laporan", "bulanan", "--bulan", "2026-03", "--keluaran", str(rep))
    det = load_workbook(rep)["Permohonan"]
    assert det["C2"].value.startswith("=HYPERLINK") and det["C2"].data_type == "s"


# --------------------------------------------------------------------------- CSV and JSON


def test_csv_for_excel(hws, run, tmp_path):
    out = tmp_path / "permohonan.csv"
    run.ok("ekspor", "--register", "permohonan", "--keluaran", str(out), "--pemisah", ";")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
    text = raw[3:].decode("utf-8")
    assert text.splitlines()[0] == ";".join(schema.keys("permohonan"))
    assert "\r\n" in text
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert len(rows) == len(PERMOHONAN)
    first = next(r for r in rows if r["nomor_registrasi"] == PERMOHONAN[0]["nomor_registrasi"])
    assert first["nik"] == "5271**********01"
    assert first["alamat"] == "…, Mataram"
    # the register store reads the exported file back
    from ppidctl.store.table import read_csv

    back = read_csv("permohonan", out, raw)
    assert [r["nomor_registrasi"] for r in back.rows] == [r["nomor_registrasi"] for r in rows]


def test_csv_stdout_and_filters(run):
    data = run.ok("ekspor", "--register", "permohonan", "--bulan", "2026-03", "--status",
                  "selesai").stdout  # fmt: skip
    assert not data.startswith("\ufeff")  # no BOM for programs
    rows = list(csv.DictReader(io.StringIO(data)))
    # received in March and closed: P1, P2, P3, P7
    assert [r["nomor_registrasi"][:3] for r in rows] == ["001", "002", "003", "006"]
    late = run.ok("ekspor", "--register", "permohonan", "--terlambat", "--format", "json").stdout
    # P4 (answered late), and P5 (due Apr 15, 2026) and P6 (due Mar 10), still open and so
    # overdue on any day the tests run (after April 2026)
    assert sorted(r["nomor_registrasi"] for r in json.loads(late)) == [
        "001/PPID/5271/II/2026", "004/PPID/5271/III/2026", "005/PPID/5271/III/2026"]  # fmt: skip
    found = json.loads(run.ok("ekspor", "--register", "keberatan", "--cari", "003/KEB",
                              "--format", "json").stdout)  # fmt: skip
    assert [r["nomor_registrasi"] for r in found] == ["003/KEB/PPID/5271/III/2026"]
    assert list(found[0]) == schema.keys("keberatan")


def test_json_file(run, tmp_path):
    out = tmp_path / "keberatan.json"
    run.ok("ekspor", "--register", "keberatan", "--keluaran", str(out))
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert len(doc) == len(KEBERATAN)
    assert doc[0]["nik"] == "5271**********02"
    assert doc[0]["telepon"] == "0877******00"


# --------------------------------------------------------------------------- unmasked


def test_unmasked_export_is_journalled(hws, run, tmp_path):
    out = tmp_path / "internal.csv"
    before = snapshot(hws.root)
    run.ok("ekspor", "--register", "permohonan", "--keluaran", str(out), "--tanpa-sensor",
           "--petugas", "Agus")  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(out.read_bytes()[3:].decode("utf-8"))))
    assert rows[0]["nik"] == "5271011203900001"
    assert rows[0]["email"] == "budi.santoso@example.com"
    after = snapshot(hws.root)
    changed = {k for k in after if after[k] != before.get(k)}
    assert changed == {"registers/jurnal.jsonl"}  # the journal is the only change
    last = _journal(hws)[-1]
    assert (last["aksi"], last["register"], last["keluaran"], last["petugas"]) == (
        "ekspor-tanpa-sensor", "permohonan", str(out), "Agus")  # fmt: skip
    assert last["perintah"] == "ekspor"
    # printed on stdout: journalled with keluaran "-"
    run.ok("ekspor", "--register", "keberatan", "--format", "json", "--tanpa-sensor")
    assert _journal(hws)[-1]["keluaran"] == "-" and "berkas" not in _journal(hws)[-1]
    assert _journal(hws)[-1]["register"] == "keberatan"
    # "-o -" is stdout too (it wrote an unmasked file named "-")
    shown = run.ok("ekspor", "--register", "permohonan", "-o", "-", "--tanpa-sensor").stdout
    assert "5271011203900001" in shown and not (hws.root / "-").exists()
    assert not (Path.cwd() / "-").exists() and _journal(hws)[-1]["keluaran"] == "-"
    # an export is not a letter of the workspace: deleting it later is not a problem
    out.unlink()
    checked = run("periksa").stdout
    assert "surat tidak ada" not in checked and out.name not in checked and "-:" not in checked


def test_masking_rules():
    from ppidctl.reports.privacy import mask

    assert mask("nik", "5271011203900001") == "5271**********01"
    assert mask("telepon", "081234567890") == "0812******90"
    assert mask("telepon", "+62 812-3456-7890") == "+62 81*-****-**90"  # digits 6,2,8,1 kept
    assert mask("email", "budi.santoso@gmail.com") == "b***@gmail.com"
    assert mask("alamat", "Jl. Pejanggik 1, Cakranegara, Mataram") == "…, Mataram"
    assert mask("alamat", "Jl. Pejanggik 1") == "…"
    assert mask("alamat", "Jl. Majapahit 7, Mataram 83127") == "…, Mataram 83127"
    # written town first (legacy books, some desks): the last part is the house — it was kept
    for town_first in ("Mataram, Jl. Majapahit No. 7 RT 02 RW 03", "Ampenan, Gg. Melati 4",
                       "Kel. Pagesangan, Perum Griya Asri Blok C-12", "Mataram, Kebon Roek 12"):  # fmt: skip
        assert mask("alamat", town_first) == "…", town_first
    assert mask("nik", "") == ""
    # a short value hides most of itself: only its last 2 stay
    assert mask("telepon", "0370123") == "*****23"
    assert mask("nik", "C01X00T47") == "*******47"  # (a passport number)
    # free text: the numbers and addresses in it, nothing else
    assert mask("teks", "No. HP: 0812-1111-2222 / 0813-3333-4444; Email: budi@x.id") == (
        "No. HP: 0812-****-**22 / 0813-****-**44; Email: b***@x.id")  # fmt: skip
    assert mask("teks", "No. KK: 5271010101010001, telp (0370) 123456, +62 812 3456 7890") == (
        "No. KK: 5271**********01, telp (0370) ****56, +62 81* **** **90")  # fmt: skip
    assert mask("teks", "wa 6281234567890, 62 812 3456 7890, 81234567890, +62 (370) 631234") == (
        "wa 6281*******90, 62 81* **** **90, 8123*****90, +62 (37*) ****34")  # fmt: skip
    assert mask("teks", "KK/5271010101010001; NIK 5271 0101 0101 0001") == (
        "KK/5271**********01; NIK 5271 **** **** **01")  # fmt: skip
    # glued to a label (the "/" and "-" rule that keeps registration numbers let them through)
    assert mask("teks", "hubungi HP-081234567890, No.HP/081234567890, wa_+6281234567890") == (
        "hubungi HP-0812******90, No.HP/0812******90, wa_+6281*******90")  # fmt: skip
    assert mask("teks", "No.HP/0812-3456-7890, HP-0812 3456 7890, WA081234567890") == (
        "No.HP/0812-****-**90, HP-0812 **** **90, WA0812******90")  # fmt: skip
    kept = ("nomor 001/PPID/5271/III/2026 surat 12/PL.02.2-SD/5271/IV/2026 tanggal 2026-03-16, "
            "01-02-2026, 01022026, Rp 1.500.000, NIP 19800101 200501 1 001, PPID-00012-2026, "
            "pukul 10.30")  # fmt: skip
    assert mask("teks", kept) == kept


def test_personal_columns_follow_the_schema():
    from ppidctl.reports.privacy import personal_columns

    assert personal_columns("permohonan") == {
        "nik": "nik", "alamat": "alamat", "telepon": "telepon", "email": "email",
        "informasi_diminta": "teks", "tujuan_penggunaan": "teks", "alasan_perpanjangan": "teks",
        "uji_konsekuensi": "teks", "penjelasan": "teks", "catatan": "teks"}  # fmt: skip
    keberatan = personal_columns("keberatan")
    assert keberatan["kuasa_alamat"] == "alamat" and keberatan["kasus_posisi"] == "teks"
    assert keberatan["catatan"] == keberatan["paksa_catatan"] == "teks"
    assert keberatan["informasi_diminta"] == keberatan["tujuan_penggunaan"] == "teks"
    assert keberatan["pertimbangan"] == "teks"


def test_the_register_book_names_numbers_given_and_deleted(ws, tmp_path):
    """The official book went from 001 to 003 without a word: an auditor sees a gap the journal
    explains (rules.md §6: a number given is never reused)."""
    from openpyxl import load_workbook

    run = Runner(ws.root)
    for nama in ("Ani", "Budi", "Citra"):
        run.ok("permohonan", "catat", "--nama", nama, "--nik", "5271011203900001", "--alamat",
               "Jl. Y, Mataram", "--telepon", "081234567890", "--informasi", "DPT", "--tujuan",
               "Riset", "--dokumen", "identitas", "--tanggal", "2026-03-16", "--tanpa-surat")  # fmt: skip
    path = ws.register_path("permohonan")
    lines = path.read_bytes().split(b"\r\n")
    path.write_bytes(b"\r\n".join(lines[:2] + lines[3:]))  # 002 deleted (a duplicate)
    run.ok("periksa", "--terima-perubahan", "--catatan", "002 ganda")

    def note(*args: str) -> list[str]:
        out = tmp_path / "buku.xlsx"
        run.ok("ekspor", "--register", "permohonan", "-o", str(out), *args)
        cells = [c for r in load_workbook(out).active.iter_rows(values_only=True) for c in r]
        return [c for c in cells if isinstance(c, str) and c.startswith("Nomor yang pernah")]

    assert note() == ["Nomor yang pernah diberikan tetapi tidak ada di register ini (dibatalkan "
                      "atau dihapus: tidak dipakai lagi): 002/PPID/5271/III/2026"]  # fmt: skip
    assert note("--bulan", "2026-04") == []  # (not a gap of April's book)
    assert note("--status", "terdaftar") == []  # (a filtered list has its own gaps)
    # the printed book is an anchor: the journal as it was (review audit L2)
    cells = [c for r in load_workbook(tmp_path / "buku.xlsx").active.iter_rows(values_only=True)
             for c in r if isinstance(c, str) and c.startswith("Jurnal saat")]  # fmt: skip
    last = ws.journal_path.read_bytes().splitlines()
    h = journal.line_hash(last[-1])
    assert cells == [f"Jurnal saat buku ini dicetak: {len(last)} baris, hash baris terakhir {h} "
                     f"(bukti bahwa jurnal sampai titik itu tidak berubah: ppidctl periksa "
                     f"--jangkar {h})"]  # fmt: skip
    run.ok("periksa", "--jangkar", h)


def test_numbers_typed_in_the_request_text_are_masked_where_it_is_published(ws, tmp_path):
    """ "Cek data pemilih saya, NIK …" is a common request at a KPU desk: the register book, the
    report's detail sheet and the daily page printed the NIK and phone number typed in it."""
    run = Runner(ws.root)
    args = ["--nama", "Uji Privasi", "--nik", "5271015508900003", "--alamat", "Jl. Y, Mataram",
            "--email", "uji@contoh.id",
            "--informasi", "DPT atas nama saya NIK 5271015508900003, hubungi 081233334444",
            "--tujuan", "Cek data, HP 081233334444 atau uji@contoh.id", "--dokumen", "identitas",
            "--tanggal", "2026-03-16", "--tanpa-surat"]  # fmt: skip
    run.ok("permohonan", "catat", *args)
    run.ok("permohonan", "teruskan", "1", "--tanggal", "2026-03-17")
    run.ok("permohonan", "perpanjang", "1", "--alasan", "Pemohon minta ditelepon 081233334444",
           "--tanggal", "2026-03-25", "--tanpa-surat")  # fmt: skip
    (row,) = json.loads(run.ok("ekspor", "--register", "permohonan", "--format", "json").stdout)
    assert (
        row["informasi_diminta"] == "DPT atas nama saya NIK 5271**********03, hubungi 0812******44"
    )
    assert row["tujuan_penggunaan"] == "Cek data, HP 0812******44 atau u***@contoh.id"
    assert row["alasan_perpanjangan"] == "Pemohon minta ditelepon 0812******44"
    daily = run.ok("laporan", "harian", "--tanggal", "2026-03-16", "--format", "json").stdout
    monthly = tmp_path / "maret.xlsx"
    run.ok("laporan", "bulanan", "--bulan", "2026-03", "--keluaran", str(monthly))
    from openpyxl import load_workbook

    cells = [str(c) for r in load_workbook(monthly)["Permohonan"].iter_rows(values_only=True)
             for c in r]  # fmt: skip
    for shown in (daily, "\n".join(cells)):
        assert "5271**********03" in shown
        assert "5271015508900003" not in shown and "081233334444" not in shown
    # the register keeps what was typed, and --tanpa-sensor (internal, journalled) shows it
    assert "081233334444" in ws.read("permohonan").rows[0]["tujuan_penggunaan"]
    whole = run.ok("ekspor", "--register", "permohonan", "--format", "json", "--tanpa-sensor")
    assert "NIK 5271015508900003" in whole.stdout


def test_masked_export_masks_numbers_kept_in_notes(run, ws, tmp_path):
    """An import keeps a second phone number and an unmatched "No. KK" column in catatan: the
    masked export showed them whole beside the masked telepon column."""
    src = tmp_path / "lama.csv"
    src.write_text(
        "No. Registrasi;Tanggal;Nama;Informasi yang Diminta;No. HP;No. KK\n"
        "901/PPID/5271/I/2026;05/01/2026;Ani;DPT;0812-1111-2222 / 0813-3333-4444;"
        "5271010101010001\n",
        encoding="utf-8",
    )
    run.ok("impor", str(src), "--register", "permohonan")
    (row,) = [r for r in ws.read("permohonan").rows if r["nomor_registrasi"].startswith("901/")]
    assert "0813-3333-4444" in row["catatan"]  # (kept in the register: nothing lost)
    for fmt in ("csv", "json"):
        out = run.ok("ekspor", "--register", "permohonan", "--format", fmt).stdout
        records = json.loads(out) if fmt == "json" else []
        lines = [json.dumps(r) for r in records] if records else out.splitlines()
        (line,) = [x for x in lines if "901/PPID" in x]
        assert "3333" not in line and "5271010101010001" not in line, line
        assert "0813-****-**44" in line and "5271**********01" in line


# --------------------------------------------------------------------------- refusals


def test_export_refusals(run, tmp_path):
    run.usage("ekspor", "--register", "permohonan", "--format", "xlsx",
              message="buku register xlsx perlu nama berkas")  # fmt: skip
    run.usage("ekspor", "--register", "permohonan", "-o", str(tmp_path / "b.xlsx"), "--format",
              "csv", message="berkas .xlsx tetapi --format csv")  # fmt: skip
    assert not (tmp_path / "b.xlsx").exists()
    run.usage("ekspor", "--register", "permohonan", "--status", "hilang",
                message="--status 'hilang' tidak dikenal")  # fmt: skip
    run.usage("ekspor", "--register", "permohonan", "--bulan", "2026-3",
                message="--bulan '2026-3' tidak sah")  # fmt: skip
    run.refused("ekspor", "--register", "permohonan", "--keluaran",
                str(tmp_path / "tidak-ada" / "x.xlsx"),
                message=f"folder {tmp_path / 'tidak-ada'} tidak ada")  # fmt: skip
    run.usage("ekspor", "--register", "surat", message="'surat' bukan salah satu dari")
    run.usage("ekspor", "--register", "permohonan", "--keluaran", str(tmp_path / "x.pdf"),
              message="akhiran berkas harus .xlsx, .csv atau .json")  # fmt: skip
    assert not (tmp_path / "x.pdf").exists()
    run.usage("ekspor", "--register", "permohonan", "--pemisah", "|", message='pakai "," atau ";"')


# --------------------------------------------------------------------------- LibreOffice


@pytest.mark.slow
@pytest.mark.skipif(_soffice() is None, reason="LibreOffice (soffice) tidak terpasang")
def test_register_book_converts_with_libreoffice(run, tmp_path):
    out = tmp_path / "buku-permohonan.xlsx"
    run.ok("ekspor", "--register", "permohonan", "--keluaran", str(out))
    pdf = to_pdf(out, tmp_path)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                              text=True).stdout  # fmt: skip
        assert "REGISTER PERMOHONAN INFORMASI PUBLIK" in text
        assert "Nomor Kontak" in text and "5271**********01" not in text  # NIK not in book
        assert "…, Mataram" in text
        # fitted to the page width: one page across, the header repeated on every page
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert "Pages:" in info


# --------------------------------------------------------------------------- output targets


@pytest.mark.parametrize(
    "target",
    ["registers/jurnal.jsonl", "registers/permohonan.csv", "letters/2026/surat.docx",
     "templates/laporan.xlsx", "impor/tolak.csv", "ppidctl.toml"],
)  # fmt: skip
def test_output_never_overwrites_the_workspace_own_files(hws, run, target):
    """An export or report written over the journal, a register, a letter or the settings would
    destroy the records it was made from: refused, nothing changed."""
    path = hws.root / target
    path.parent.mkdir(parents=True, exist_ok=True)
    fmt = {".jsonl": "json", ".csv": "csv", ".toml": "json"}.get(path.suffix, "xlsx")
    if path.suffix in (".xlsx", ".docx"):
        run.refused("laporan", "bulanan", "--bulan", "2026-03", "--keluaran", str(path),
                    message="berkas itu milik workspace")  # fmt: skip
    run.refused("ekspor", "--register", "permohonan", "--format", fmt, "--keluaran", str(path),
                message="berkas itu milik workspace")  # fmt: skip
    # through a relative path from inside the workspace too
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(hws.root)
        run.refused("ekspor", "--register", "keberatan", "--format", fmt, "--keluaran", target,
                    message=f"--keluaran {target}")  # fmt: skip


def test_output_beside_the_workspace_folders_is_allowed(hws, run):
    out = hws.root / "laporan-2026-03.xlsx"  # the workspace root itself: where staff work
    run.ok("laporan", "bulanan", "--bulan", "2026-03", "--keluaran", str(out))
    assert out.stat().st_size > 0


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs Linux /proc")
def test_an_output_path_that_cannot_be_written_is_named_as_given(run, ws):
    """The message named the internal temp file (/proc/.x.xlsx.lcqx9p2x.tmp)."""
    result = run.refused(  # (the workspace byte-identical)
        "ekspor", "--register", "permohonan", "--keluaran", "/proc/x.xlsx",
        message="/proc/x.xlsx tidak dapat dibaca atau ditulis",
    )  # fmt: skip
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.startswith("Error: /proc/x.xlsx tidak dapat dibaca atau ditulis")
    assert ".tmp" not in result.stderr


def test_an_unmasked_export_whose_journal_line_fails_is_not_left_behind(
    hws, run, tmp_path, monkeypatch
):
    # the file of personal data is written before the commit; a journal that cannot take the
    # line would leave an export no journal records
    from ppidctl.store import journal

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(hws.journal_path))

    monkeypatch.setattr(journal, "append", full)
    out = tmp_path / "internal.csv"
    run.refused(
        "ekspor", "--register", "permohonan", "--keluaran", str(out), "--tanpa-sensor",
        message="registers/jurnal.jsonl tidak dapat dibaca atau ditulis (disk penuh)",
    )  # fmt: skip
    assert not out.exists() and not list(tmp_path.glob(".*.tmp"))


def test_a_read_only_disk_is_told_as_such(run, ws, monkeypatch):
    # a workspace on a read-only disk (a locked USB, a read-only share): the refusal advised
    # `ppidctl periksa`, which cannot help there (review serentak L3)
    from ppidctl.store import journal

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system", str(ws.journal_path))

    monkeypatch.setattr(journal, "append", read_only)
    result = run.refused(
        "permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", "--tanpa-surat",
        message="diska itu hanya dapat dibaca: tidak ada yang dicatat — salin workspace ke "
        "diska yang dapat ditulis",
    )  # fmt: skip
    assert "jalankan: ppidctl periksa" not in result.stderr


def test_a_full_disk_while_writing_names_the_file_asked_for(run, ws, tmp_path, monkeypatch):
    """A write failing after the temp file was made (disk full at fsync) named no file."""
    out = tmp_path / "buku.csv"

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = run.refused(  # (the workspace byte-identical)
        "ekspor", "--register", "permohonan", "--keluaran", str(out),
        message=f"{out} tidak dapat dibaca atau ditulis",
    )  # fmt: skip
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.startswith(f"Error: {out} tidak dapat dibaca atau ditulis (disk penuh)")
    assert not out.exists() and not list(tmp_path.glob(".*.tmp"))


def test_the_register_book_imports_back(ws, tmp_path):
    """The official register book (the Komisi Informasi's two-row layout, choices as ticked
    sub-columns) is what another office — or a PPID pembantu — hands over: `impor` reads it
    back, ticks included, for every column the book carries."""
    from ppidctl.workspace import init

    from conftest import REQUEST

    run = Runner(ws.root)
    ask = [a for a in REQUEST if a != "--tanpa-surat"]
    for extra in (
        ["--bentuk", "hardcopy", "--cara-memperoleh", "melihat"],
        ["--nama", "Baiq Aini", "--nik", "5271014101900002", "--email", "baiq@example.com"],
        ["--nama", "PT Maju", "--jenis-pemohon", "badan-hukum", "--dokumen", "akta"],
    ):
        run.ok("permohonan", "catat", *ask, *extra, "--tanggal", "2026-11-02", "--tanpa-surat")
    run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan-sebagian", "--penjelasan",
           "NIK dihitamkan", "--tanggal", "2026-11-04", "--tanpa-surat")  # fmt: skip
    run.ok("permohonan", "selesai", "1", "--tanggal", "2026-11-05")
    run.ok("permohonan", "putuskan", "2", "--keputusan", "ditolak", "--pasal", "17 huruf h",
           "--sk-pengecualian", "SK 12/2026", "--uji-konsekuensi", "data pribadi",
           "--tanggal", "2026-11-04", "--tanpa-surat")  # fmt: skip
    run.ok("keberatan", "catat", "--permohonan", "2", "--alasan", "a,d", "--kasus-posisi", "x",
           "--dokumen", "formulir,identitas,kuasa", "--meterai", "--kuasa", "Made", "--kuasa-alamat", "Jl. C",
           "--tanggal", "2026-11-06", "--tanpa-surat")  # fmt: skip
    run.ok("keberatan", "catat", "--permohonan", "1", "--alasan", "d", "--kasus-posisi", "y",
           "--dokumen", "formulir,identitas", "--tanggal", "2026-11-09", "--tanpa-surat")  # fmt: skip
    run.ok("keberatan", "teruskan", "1", "--tanggal", "2026-11-09")
    run.ok("keberatan", "tanggapi", "1", "--keputusan", "ditolak", "--pertimbangan", "Data pribadi",
           "--sk-pengecualian", "SK 12/2026", "--tanggal", "2026-11-12", "--tanpa-surat")  # fmt: skip
    run.ok("keberatan", "sampaikan", "1", "--tanggal", "2026-11-13")
    run.ok("keberatan", "tanggapan-pemohon", "1", "--sikap", "sengketa", "--tanggal", "2026-11-16")
    books = {}
    for register in ("permohonan", "keberatan"):
        books[register] = tmp_path / f"buku-{register}.xlsx"
        run.ok("ekspor", "--register", register, "--tanpa-sensor", "--keluaran",
               str(books[register]))  # fmt: skip
    other = init(tmp_path / "lain", "Komisi Pemilihan Umum Kota Mataram", "5271")
    again = Runner(other.root)
    for register in ("permohonan", "keberatan"):
        again.ok("impor", str(books[register]), "--register", register)
    carried = {
        "permohonan": ["nomor_registrasi", "tanggal_diterima", "nama_pemohon", "alamat",
                       "telepon", "email", "pekerjaan", "informasi_diminta", "tujuan_penggunaan",
                       "bentuk_informasi", "cara_memperoleh", "keputusan", "alasan_penolakan",
                       "tanggal_pemberitahuan", "tanggal_selesai", "status"],
        "keberatan": ["nomor_registrasi", "tanggal_diterima", "nama_pemohon", "nik", "alamat",
                      "kuasa_nama", "kuasa_alamat", "nomor_permohonan", "informasi_diminta",
                      "tujuan_penggunaan", "alasan", "keputusan_atasan", "tanggal_tanggapan",
                      "nama_atasan", "jabatan_atasan", "tanggapan_pemohon", "status"],
    }  # fmt: skip
    for register, keys in carried.items():
        before = [{k: r.get(k, "") for k in keys} for r in ws.read(register).rows]
        after = [{k: r.get(k, "") for k in keys} for r in other.read(register).rows]
        assert after == before, register


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=12,
)


@given(_JSON)
def test_json_written_record_by_record_is_the_same_text(data):
    """Listings and ``ekspor`` write JSON record by record (one ``json.dumps`` of 100,000 rows
    took 1.4 GB): the text is exactly that of one dumps."""
    from ppidctl.jsontext import pieces

    assert "".join(pieces(data)) == json.dumps(data, ensure_ascii=False, indent=2)


def test_a_formula_after_another_separator_does_not_become_a_cell(hws, run, tmp_path):
    """Excel set up for Indonesian splits a double-clicked CSV on ";" whatever the file's own
    separator (quotes did not stop LibreOffice): a name "Gita;=1+2;" in the comma file became
    the live formula =1+2. A formula start after a separator gets the apostrophe too; a sign
    before a digit is a number and is left alone; the import drops the guard again."""
    from hypothesis import given
    from hypothesis import strategies as st

    from ppidctl.formula import csv_safe
    from ppidctl.legacy.values import bersihkan

    write_register(hws, "permohonan", [dict(PERMOHONAN[0], nama_pemohon="Gita;=1+2;",
                                             telepon="0812, +6281", alamat="Rp25.000,-; DPT",
                                             pekerjaan="x;-2+3+cmd|' /C calc'!A0")])  # fmt: skip
    out = tmp_path / "buku.csv"
    run.ok("ekspor", "--register", "permohonan", "-o", str(out), "--tanpa-sensor")
    row = out.read_bytes()[3:].decode("utf-8").splitlines()[1]
    assert "Gita;'=1+2;" in row and "0812, +6281" in row and "Rp25.000,-; DPT" in row
    assert "x;'-2+3+cmd" in row
    for sep in (";", ",", "\t"):
        assert not any(f.strip().startswith(("=", "@", "-2")) for f in row.split(sep)), sep

    @given(st.text(alphabet=list("ab1 ,;'=+-@\t"), max_size=12))
    def round_trip(value):
        assert bersihkan(csv_safe(value)) == bersihkan(value)

    round_trip()


def test_a_copy_still_open_in_excel_on_windows_is_named_not_a_chmod(hws, run, tmp_path,
                                                                     monkeypatch):  # fmt: skip
    """Windows cannot replace a workbook Excel shows: yesterday's `ekspor` copy, last month's
    report. The officer was sent to `izin_berkas` and `chmod g+s`; now told to close the file
    (an unmasked copy journals nothing). Any other refused access on Windows says the same
    first. (Simulated: Linux has no such locks.)"""
    from ppidctl.reports import output
    from ppidctl.store import transaction

    out = tmp_path / "buku.xlsx"
    out.write_bytes(b"kemarin")
    monkeypatch.setattr(output, "held_open", lambda path: path == out)
    for extra in ([], ["--tanpa-sensor"]):
        run.refused("ekspor", "--register", "permohonan", "--keluaran", str(out), *extra,
                    message=f"{out} sedang dibuka program lain (mis. Excel), jadi tidak dapat "
                    "ditulis — tutup berkasnya lalu ulangi, atau pilih nama lain")  # fmt: skip
    run.refused("laporan", "bulanan", "--bulan", "2026-03", "--keluaran", str(out),
                message="sedang dibuka program lain")  # fmt: skip
    assert out.read_bytes() == b"kemarin"

    monkeypatch.setattr(output, "held_open", lambda path: False)
    monkeypatch.setattr(transaction, "WINDOWS", True)
    monkeypatch.setattr(transaction.time, "sleep", lambda s: None)

    def refused(src, dst):
        raise PermissionError(errno.EACCES, "Access is denied", str(dst))

    monkeypatch.setattr(os, "replace", refused)
    result = run("ekspor", "--register", "permohonan", "--keluaran", str(out))
    assert result.exit_code == 1 and "chmod" not in result.stderr
    assert "berkas itu mungkin sedang dibuka program lain (mis. Excel): tutup lalu" in result.stderr


def test_no_fee_is_written_as_the_letters_write_it():
    # `putuskan --biaya 0`: the letters say "tanpa biaya"; the book printed "Rp0" beside rows
    # decided without --biaya printed "Tanpa biaya" (review bukti L3)
    from ppidctl.reports.registerbook import _fee

    given = {"keputusan": "diberikan", "cara_pembayaran": ""}
    assert _fee({**given, "biaya": "0"}) == _fee({**given, "biaya": ""}) == "Tanpa biaya"
    assert _fee({**given, "biaya": "15000", "cara_pembayaran": "tunai"}) == "Rp15.000, tunai"
    assert _fee({"keputusan": "ditolak", "biaya": "0"}) == ""


def test_the_register_book_says_a_row_was_edited_by_hand_and_accepted(ws, tmp_path):
    """The book showed an edited value alone, as if recorded so: an auditor reads there that it
    was changed outside ppidctl, when it was accepted and why (review audit L2)."""
    from openpyxl import load_workbook

    from ppidctl.store.table import read_table
    from ppidctl.store.transaction import write_atomic

    run = Runner(ws.root)
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", "--tanpa-surat")
    table = read_table("permohonan", ws.register_path("permohonan"))
    table.update(0, {"nama_pemohon": "Budi Santoso, S.T."})
    write_atomic(table.path, table.to_bytes(), 0o640)
    run.ok("periksa", "--terima-perubahan", "--catatan", "gelar dari KTP; HP 081234567890")

    def remarks(*args: str) -> str:
        out = tmp_path / "buku.xlsx"
        run.ok("ekspor", "--register", "permohonan", "-o", str(out), *args)
        return [c.value for c in load_workbook(out).active[7]][-1]

    said = remarks()
    assert said.startswith("Status: terdaftar; ")
    assert "disunting di luar ppidctl (nama_pemohon), diterima " in said
    assert said.endswith(": gelar dari KTP; HP 0812******90")  # (masked as free text)
    assert remarks("--tanpa-sensor").endswith("HP 081234567890")
