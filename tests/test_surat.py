"""Letters written by the commands: file names, numbers, never overwritten, all-or-nothing."""

from __future__ import annotations

import csv
import json
import os
import shutil
from pathlib import Path

import pytest

from ppidctl.rules import validation

from conftest import REQUEST, UJI, Runner, numbered_receipts, snapshot
from helpers_docx import docx_text

N1 = "001/PPID/5271/III/2026"


def catat(run, *extra, day="2026-03-16"):
    return run.ok("permohonan", "catat", *REQUEST, "--tanggal", day, *extra)


def surat_rows(ws):
    with open(ws.root / "registers/surat.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_each_step_writes_its_letter(run, ws):
    out = catat(run).stdout
    receipt = ws.root / "letters/2026/001-PPID-5271-III-2026-tanda-terima.docx"
    assert f"Surat            : {receipt}" in out
    text = docx_text(receipt)
    assert N1 in text and "Budi Santoso" in text and "16 Maret 2026" in text
    assert "7 April 2026" in text  # the deadline, Indonesian long date
    run.ok(
        "permohonan", "perpanjang", "1", "--alasan", "Arsip di gudang", "--tanggal", "2026-04-06"
    )
    ext = docx_text(ws.root / "letters/2026/001-PPID-5271-III-2026-perpanjangan.docx")
    assert "Arsip di gudang" in ext and "16 April 2026" in ext
    run.ok(
        "permohonan",
        "putuskan",
        "1",
        "--keputusan",
        "diberikan-sebagian",
        "--penjelasan",
        "NIK pemilih dihitamkan",
        "--biaya",
        "25000",
        "--rincian-biaya",
        "Penggandaan 30 lembar x Rp500=15000;Pengiriman=10000",
        "--waktu-penyediaan",
        "3 hari kerja",
        "--tanggal",
        "2026-04-15",
    )
    notice = docx_text(ws.root / "letters/2026/001-PPID-5271-III-2026-pemberitahuan.docx")
    for fragment in (
        "NIK pemilih dihitamkan",
        "Rp15.000",
        "Rp10.000",
        "Rp25.000",
        "15 April 2026",
        "3 hari kerja",
    ):
        assert fragment in notice, fragment
    assert "{{" not in notice and "{%" not in notice
    assert "Cara pembayaran" not in notice  # (none recorded: no line)
    rows = surat_rows(ws)
    assert [(r["jenis"], r["nomor_surat"]) for r in rows] == [
        ("tanda-terima", ""),  # (it prints the registration number only: no letter number)
        ("perpanjangan", "1/PL.02.2-SD/5271/IV/2026"),
        ("pemberitahuan", "2/PL.02.2-SD/5271/IV/2026"),
    ]
    assert "2/PL.02.2-SD/5271/IV/2026" in notice


def test_the_handover_has_its_receipt(run, ws):
    """SOP Pelayanan step 5: the requester receives the data with a receipt ("tanda terima
    data") — what was handed over, when, how, at what cost, signed by the requester. It was
    never made: the office had no proof of the delivery day a reason-g objection runs from."""
    catat(run, "--cara-kirim", "pos")
    run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--biaya", "5000",
           "--tanggal", "2026-03-20", "--tanpa-surat")  # fmt: skip
    out = run.ok("permohonan", "selesai", "1", "--tanggal", "2026-03-26").stdout
    path = ws.root / "letters/2026/001-PPID-5271-III-2026-tanda-terima-informasi.docx"
    assert f"Surat   : {path}" in out
    text = docx_text(path)
    for fragment in ("TANDA TERIMA INFORMASI PUBLIK", N1, "Budi Santoso",
                     "Informasi dapat diberikan seluruhnya (pemberitahuan tertulis 20 Maret 2026)",
                     "Cara mendapatkan salinan | : | Pos", "Biaya | : | Rp5.000",
                     "Tanggal penyerahan | : | 26 Maret 2026", "Yang menerima, / (Budi Santoso)"):  # fmt: skip
        assert fragment in text, fragment
    assert surat_rows(ws)[-1]["jenis"] == "tanda-terima-informasi"
    assert surat_rows(ws)[-1]["nomor_surat"] == ""  # (the registration number is its number)
    # a copy; a delivery recorded --tanpa-surat has its receipt made later
    made = json.loads(run.ok("surat", "buat", "tanda-terima-informasi", "1", "--format",
                             "json").stdout)  # fmt: skip
    assert [w for w in made["peringatan"] if "nilai contoh" not in w] == []
    assert made["berkas"][0].endswith("001-PPID-5271-III-2026-tanda-terima-informasi-2.docx")
    catat(run)
    run.ok("permohonan", "putuskan", "2", "--keputusan", "diberikan", "--tanggal", "2026-03-20",
           "--tanpa-surat")  # fmt: skip
    out = run.ok("permohonan", "selesai", "2", "--tanggal", "2026-03-27", "--tanpa-surat").stdout
    assert "Surat" not in out
    made = run.ok("surat", "buat", "tanda-terima-informasi", "2").stdout.strip()
    assert "Tanggal penyerahan | : | 27 Maret 2026" in docx_text(made)
    run.usage("permohonan", "selesai", "2", "--tanpa-surat", "--pdf",
              message="--tanpa-surat tidak membuat surat, jadi --pdf tidak berarti")  # fmt: skip
    # a full grant's explanation is no blacked-out part; a closed request with nothing handed
    # over has no receipt to make (not "its letter is tidak-tersedia")
    catat(run)
    run.ok("permohonan", "putuskan", "3", "--keputusan", "diberikan", "--penjelasan",
           "Dokumen dalam 2 berkas PDF", "--tanggal", "2026-03-20", "--tanpa-surat")  # fmt: skip
    made = run.ok("permohonan", "selesai", "3", "--tanggal", "2026-03-27").stdout
    text = docx_text(made.split("Surat")[1].split(": ", 1)[1].strip())
    assert "Keterangan | : | Dokumen dalam 2 berkas PDF" in text and "dihitamkan" not in text
    catat(run)
    run.ok("permohonan", "putuskan", "4", "--keputusan", "tidak-dikuasai", "--tanggal",
           "2026-03-20", "--tanpa-surat")  # fmt: skip
    run.refused("surat", "buat", "tanda-terima-informasi", "4",
                message="tidak ada penyerahan informasi yang tercatat, jadi tidak ada surat "
                "tanda-terima-informasi")  # fmt: skip


@pytest.mark.parametrize("few", [20, 0])  # (a few letters, or a month's batch: read alike)
def test_the_handover_receipt_names_who_handed_over_and_its_copy_too(run, ws, monkeypatch, few):
    """ "Yang menyerahkan" was always dots, though the step knows its officer; a copy made by
    someone else later restates the original's name (a copy says what the original said)."""
    monkeypatch.setattr("ppidctl.services.letters._FEW", few)
    catat(run)
    run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--tanggal", "2026-03-20",
           "--tanpa-surat")  # fmt: skip
    made = run.ok("permohonan", "selesai", "1", "--tanggal", "2026-03-26", "--petugas",
                  "Rina Wulandari").stdout  # fmt: skip
    text = docx_text(made.split("Surat")[1].split(": ", 1)[1].strip())
    assert "Yang menyerahkan, / (Rina Wulandari)" in text
    copy = run.ok("surat", "buat", "tanda-terima-informasi", "1", "--petugas", "Andi").stdout
    assert "Yang menyerahkan, / (Rina Wulandari)" in docx_text(copy.strip())
    # a receipt first made by `surat buat` (the handover recorded --tanpa-surat): the officer
    # who recorded the handover, from the journal; none recorded: dots to fill in by hand
    catat(run)
    run.ok("permohonan", "putuskan", "2", "--keputusan", "diberikan", "--tanggal", "2026-03-20",
           "--tanpa-surat")  # fmt: skip
    run.ok("permohonan", "selesai", "2", "--tanggal", "2026-03-27", "--tanpa-surat",
           "--petugas", "Rina Wulandari")  # fmt: skip
    for _ in range(2):
        made = run.ok("surat", "buat", "tanda-terima-informasi", "2", "--petugas", "Andi").stdout
        assert "Yang menyerahkan, / (Rina Wulandari)" in docx_text(made.strip())
    catat(run)
    run.ok("permohonan", "putuskan", "3", "--keputusan", "diberikan", "--tanggal", "2026-03-20",
           "--tanpa-surat")  # fmt: skip
    run.ok("permohonan", "selesai", "3", "--tanggal", "2026-03-27", "--tanpa-surat")
    made = run.ok("surat", "buat", "tanda-terima-informasi", "3", "--petugas", "Andi").stdout
    assert "Yang menyerahkan, / (......" in docx_text(made.strip())
    assert run.ok("periksa").stdout == ""


def test_selesai_takes_the_number_an_office_receipt_prints(run, ws):
    """Every other letter-making step has --nomor-surat; an office receipt printing
    {{ nomor_surat }} got a blank number from selesai, with no way to give one."""
    catat(run, "--tanpa-surat")
    run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--tanggal", "2026-03-20",
           "--tanpa-surat")  # fmt: skip
    done = ("permohonan", "selesai", "1", "--tanggal", "2026-03-26", "--nomor-surat", "77/PPID")
    run.refused(*done, message="surat tanda-terima-informasi tidak mencetak nomor surat")
    run.usage(*done, "--tanpa-surat", message="--tanpa-surat tidak membuat surat")
    _edit_template(ws.templates_dir / "tanda-terima-informasi.docx", "TANDA TERIMA INFORMASI "
                   "PUBLIK", "TANDA TERIMA INFORMASI PUBLIK {{ nomor_surat }}")  # fmt: skip
    made = run.ok(*done).stdout.split("Surat")[1].split(": ", 1)[1].strip()
    assert "TANDA TERIMA INFORMASI PUBLIK 77/PPID" in docx_text(made)
    assert surat_rows(ws)[-1]["nomor_surat"] == "77/PPID"


def test_a_receipt_without_an_occupation_says_so(run, ws):
    # REQUEST gives no --pekerjaan (a legal entity has none): the row printed empty
    catat(run)
    text = docx_text(ws.root / "letters/2026/001-PPID-5271-III-2026-tanda-terima.docx")
    assert "Pekerjaan | : | -" in text


def test_how_the_copy_goes_follows_the_request(run, ws):
    """A request by letter is answered by post when no way was given (it said "Mengambil
    langsung": collect in person); a request to view the information has no copy to send,
    so its letters print no way of sending one."""
    catat(run, "--saluran", "surat")
    row = json.loads(run.ok("permohonan", "lihat", "1", "--format", "json").stdout)["data"]
    assert row["cara_kirim"] == "pos"
    catat(run, "--saluran", "surat", "--cara-memperoleh", "melihat")  # (no copy to send)
    row = json.loads(run.ok("permohonan", "lihat", "2", "--format", "json").stdout)["data"]
    assert row["cara_kirim"] == "langsung"
    catat(run, "--cara-memperoleh", "melihat")
    text = docx_text(ws.root / "letters/2026/003-PPID-5271-III-2026-tanda-terima.docx")
    assert "Cara memperoleh informasi" in text and "Cara mendapatkan salinan" not in text
    run.ok("permohonan", "putuskan", "3", "--keputusan", "diberikan", "--tanggal", "2026-03-20")
    text = docx_text(ws.root / "letters/2026/003-PPID-5271-III-2026-pemberitahuan.docx")
    assert "Cara mendapatkan salinan" not in text


def test_only_letters_that_print_a_number_use_one(run, ws):
    """A receipt prints the registration number only: it uses up no outgoing letter number (the
    first letter the public sees was number 9), and --nomor-surat for it is refused; an office
    template that prints nomor_surat is numbered (the template actually used decides)."""
    catat(run)
    run.refused("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", "--nomor-surat",
                "5/PL.02.2-SD/5271/III/2026", message="surat tanda-terima tidak mencetak nomor")  # fmt: skip
    run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--tanggal", "2026-03-20")
    assert [(r["jenis"], r["nomor_surat"]) for r in surat_rows(ws)] == [
        ("tanda-terima", ""),
        ("pemberitahuan", "1/PL.02.2-SD/5271/III/2026"),
    ]
    numbered_receipts(ws)  # the office's own receipt prints it: numbered
    catat(run)
    assert surat_rows(ws)[-1]["nomor_surat"] == "2/PL.02.2-SD/5271/III/2026"
    assert "Nomor 2/PL.02.2-SD/5271/III/2026" in docx_text(
        ws.root / "letters/2026/002-PPID-5271-III-2026-tanda-terima.docx"
    )


def test_a_workspace_whose_receipts_already_have_numbers(run, ws):
    """surat.csv written before receipts went unnumbered: their numbers stay used (the next is
    above them), a receipt made again gets none, and periksa finds nothing wrong."""
    built_in = (ws.templates_dir / "tanda-terima.docx").read_bytes()
    numbered_receipts(ws)
    catat(run)
    catat(run)
    (ws.templates_dir / "tanda-terima.docx").write_bytes(built_in)  # (the upgrade)
    run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--tanggal", "2026-03-20")
    run.ok("surat", "buat", "tanda-terima", "1")
    run.refused("permohonan", "putuskan", "2", "--keputusan", "diberikan", "--tanggal",
                "2026-03-20", "--nomor-surat", "2/PL.02.2-SD/5271/III/2026",
                message="sudah dipakai: 2/PL.02.2-SD/5271/III/2026 untuk surat tanda-terima "
                "002/PPID")  # fmt: skip
    assert [(r["jenis"], r["nomor_surat"]) for r in surat_rows(ws)] == [
        ("tanda-terima", "1/PL.02.2-SD/5271/III/2026"),
        ("tanda-terima", "2/PL.02.2-SD/5271/III/2026"),
        ("pemberitahuan", "3/PL.02.2-SD/5271/III/2026"),
        ("tanda-terima", ""),
    ]
    run.ok("periksa")


def _edit_request(ws, **changes: str) -> None:
    """The first request's cells changed by hand (a text editor), not yet accepted."""
    from ppidctl.store.table import read_table
    from ppidctl.store.transaction import write_atomic

    table = read_table("permohonan", ws.register_path("permohonan"))
    table.update(0, changes)
    write_atomic(table.path, table.to_bytes(), 0o640)


@pytest.mark.parametrize("few", [20, 0])
def test_a_copy_after_the_receipt_date_was_corrected_states_its_deadline(run, ws, monkeypatch,
                                                                         few):  # fmt: skip
    """The receipt date typed a day late, corrected by hand (accepted, deadlines recomputed):
    a copy of the receipt printed the corrected date beside the old deadline, with a warning
    blaming the calendar (review koreksi H3). What the letter stated holds only while the day
    it was counted from does."""
    from ppidctl.letters.fmt import tanggal_panjang

    monkeypatch.setattr("ppidctl.services.letters._FEW", few)
    catat(run, day="2026-07-07")
    was = ws.read("permohonan").rows[0]["jatuh_tempo"]
    assert ws.read("permohonan").rows[0]["waktu_diterima"] == ""  # (--tanggal: no time of day)
    _edit_request(ws, tanggal_diterima="2026-07-06")
    run.ok("periksa", "--terima-perubahan", "--perbaiki-tenggat", "--catatan", "diterima 6/7")
    now = ws.read("permohonan").rows[0]["jatuh_tempo"]
    assert now < was
    assert "seperti aslinya" not in run.ok("surat", "buat", "tanda-terima", "1").stderr
    copy = docx_text(ws.root / "letters/2026/001-PPID-5271-VII-2026-tanda-terima-2.docx")
    assert tanggal_panjang(now) in copy and tanggal_panjang(was) not in copy
    assert "6 Juli 2026" in copy
    story = run.ok("permohonan", "lihat", "1").stdout  # (the copy sent is the case's story too:
    assert "surat buat" in story  # review koreksi L2)
    assert "surat: letters/2026/001-PPID-5271-VII-2026-tanda-terima-2.docx" in story


def test_a_copy_after_the_stage_was_corrected_states_its_deadline(run, ws):
    """An ongoing election stage left out at the desk, typed in afterwards (accepted, deadlines
    recomputed: 3 working days, not 10): the receipt's copy printed "Tahapan: Pencalonan"
    beside the 10-day deadline, blaming the calendar (review sesi28b L3)."""
    from ppidctl.letters.fmt import tanggal_panjang

    catat(run, day="2026-07-07")
    was = ws.read("permohonan").rows[0]["jatuh_tempo"]
    run.ok("tahapan", "tambah", "Pencalonan", "--mulai", "2026-07-01", "--selesai", "2026-07-31")
    _edit_request(ws, tahapan="Pencalonan")
    run.ok("periksa", "--terima-perubahan", "--perbaiki-tenggat", "--catatan", "tahapan lupa")
    now = ws.read("permohonan").rows[0]["jatuh_tempo"]
    assert now < was
    assert "seperti aslinya" not in run.ok("surat", "buat", "tanda-terima", "1").stderr
    copy = docx_text(ws.root / "letters/2026/001-PPID-5271-VII-2026-tanda-terima-2.docx")
    assert tanggal_panjang(now) in copy and tanggal_panjang(was) not in copy


@pytest.mark.parametrize("few", [20, 0])
def test_a_receipt_copy_of_an_extended_request_states_what_the_original_did(
    run, ws, monkeypatch, few
):
    """An office day off decreed after the extension moves the case's deadline, not what the
    numbered receipt told the requester: its copy printed the 10 days recounted on today's
    calendar, as if the request's own first journal line were a corrected receipt date (review
    dokumentasi M2)."""
    from ppidctl.letters.fmt import tanggal_panjang

    monkeypatch.setattr("ppidctl.services.letters._FEW", few)
    catat(run, day="2026-07-07")  # Tue: 10 working days → Tue 21 Jul
    run.ok("permohonan", "perpanjang", "1", "--alasan", "Arsip di gudang", "--tanggal",
           "2026-07-20", "--tanpa-surat")  # fmt: skip
    run.ok("kalender", "tambah", "2026-07-10", "--keterangan", "Banjir")
    run.ok("surat", "buat", "tanda-terima", "1")
    letters = ws.root / "letters/2026"
    original = docx_text(letters / "001-PPID-5271-VII-2026-tanda-terima.docx")
    copy = docx_text(letters / "001-PPID-5271-VII-2026-tanda-terima-2.docx")
    assert tanggal_panjang("2026-07-21") in original
    assert tanggal_panjang("2026-07-21") in copy and tanggal_panjang("2026-07-22") not in copy


def test_a_letter_printing_a_deadline_the_register_has_not_recomputed_says_so(run, ws):
    """The receipt date corrected and accepted without --perbaiki-tenggat: the copy printed the
    register's stale deadline beside the corrected date, silently (review sesi28b L2)."""
    catat(run, day="2026-07-07")
    _edit_request(ws, tanggal_diterima="2026-07-06")
    run.ok("periksa", "--terima-perubahan", "--catatan", "diterima 6/7")
    said = " ".join(run.ok("surat", "buat", "tanda-terima", "1").stderr.split())
    assert (
        "001/PPID/5271/VII/2026: tenggat di register 2026-07-21 tidak sesuai aturan sekarang "
        "(seharusnya 2026-07-20); surat tanda-terima ini menyebut yang di register — hitung "
        "ulang dengan ppidctl periksa --perbaiki-tenggat, lalu buat suratnya lagi"
    ) in said
    run.ok("periksa", "--perbaiki-tenggat")
    assert "tidak sesuai aturan" not in run.ok("surat", "buat", "tanda-terima", "1").stderr


@pytest.mark.parametrize("few", [20, 0])
def test_a_receipt_corrected_after_the_extension_states_ten_days_from_the_right_day(
    run, ws, monkeypatch, few
):
    """The receipt states the 10 days before any extension; its receipt date corrected after
    the extension printed the old 10-day deadline (review sesi28b M2): counted from the
    corrected day, still without the extension — also on a copy made after that copy."""
    monkeypatch.setattr("ppidctl.services.letters._FEW", few)
    catat(run, day="2026-07-07")  # (10 working days: 21 July)
    run.ok("permohonan", "teruskan", "1", "--tanggal", "2026-07-08")
    run.ok("permohonan", "perpanjang", "1", "--alasan", "Arsip", "--tanggal", "2026-07-15")
    _edit_request(ws, tanggal_diterima="2026-07-06")
    run.ok("periksa", "--terima-perubahan", "--perbaiki-tenggat", "--catatan", "diterima 6/7")
    for copy in (2, 3):
        run.ok("surat", "buat", "tanda-terima", "1")
        text = docx_text(ws.root / f"letters/2026/001-PPID-5271-VII-2026-tanda-terima-{copy}.docx")
        assert "20 Juli 2026" in text and "21 Juli 2026" not in text, copy


@pytest.mark.parametrize("few", [20, 0])  # (a few letters, or a month's batch: read alike)
def test_a_copy_says_what_the_original_said(run, ws, monkeypatch, few):
    """`surat buat` of a letter stating a deadline (receipt, extension) keeps the original's
    date and number, so it states the original's deadline: not the extended one on a receipt,
    nor one moved by a day off recorded afterwards — that one is told as a warning."""
    monkeypatch.setattr("ppidctl.services.letters._FEW", few)
    catat(run)
    run.ok("permohonan", "teruskan", "1", "--tanggal", "2026-03-17")
    run.ok(
        "permohonan", "perpanjang", "1", "--alasan", "Arsip di gudang", "--tanggal", "2026-04-06"
    )
    assert run.ok("surat", "buat", "perpanjangan", "1").stderr.count("Peringatan: 001") == 0
    run.ok("kalender", "tambah", "2026-04-08", "--keterangan", "Kantor tutup: banjir")
    now = ws.read("permohonan").rows[0]["jatuh_tempo"]
    assert now == "2026-04-17"
    out = run.ok("surat", "buat", "perpanjangan", "1")
    assert (
        f"Peringatan: {N1}: surat perpanjangan ini menyebut tenggat 2026-04-16 seperti aslinya "
        "(tanggal surat sama); tenggat sekarang 2026-04-17" in out.stderr
    )
    copy = docx_text(ws.root / "letters/2026/001-PPID-5271-III-2026-perpanjangan-3.docx")
    assert "16 April 2026" in copy and "17 April 2026" not in copy
    out = run.ok("surat", "buat", "tanda-terima", "1")
    assert "Peringatan: 001" not in out.stderr  # (the extension letter told the new deadline)
    copy = docx_text(ws.root / "letters/2026/001-PPID-5271-III-2026-tanda-terima-2.docx")
    assert "7 April 2026" in copy and "April 2026" not in copy.replace("7 April 2026", "")
    # a receipt first made after the extension (catat --tanpa-surat) states the 10 days too
    catat(run, "--tanpa-surat")
    run.ok("permohonan", "teruskan", "2", "--tanggal", "2026-03-17")
    run.ok("permohonan", "perpanjang", "2", "--alasan", "Arsip", "--tanggal", "2026-04-06")
    run.ok("surat", "buat", "tanda-terima", "2")
    first = docx_text(ws.root / "letters/2026/002-PPID-5271-III-2026-tanda-terima.docx")
    assert "7 April 2026" in first and "17 April 2026" not in first
    # answered, the requester has the answer: the copy is no occasion to tell a new deadline
    run.ok("permohonan", "putuskan", "1", "--keputusan", "tidak-dikuasai", "--tanpa-surat",
           "--tanggal", "2026-04-16")  # fmt: skip
    assert "Peringatan: 001" not in run.ok("surat", "buat", "perpanjangan", "1").stderr


def test_letters_printed_with_init_stand_ins_are_warned_about(run, ws):
    """While ppidctl.toml holds what init wrote for the officials or the office's telephone, a
    command that writes letters says so once (setting and value printed), and so do `surat
    templat`/`surat periksa`; nothing is refused. Filled in: no warning."""
    told = "Peringatan: ppidctl.toml masih berisi nilai contoh dari ppidctl init"
    out = catat(run).stderr
    assert out.count(told) == 1, out
    for shown in ('[ppid] nama = "Nama PPID"', '[ppid] nip = "-"',
                  '[atasan_ppid] nama = "Nama Atasan PPID"', '[instansi] telepon = "(0370) 000000"'):  # fmt: skip
        assert shown in out, shown
    assert told not in catat(run, "--tanpa-surat").stderr  # (no letter written)
    assert run.ok("surat", "buat", "tanda-terima", "--semua").stderr.count(told) == 1  # 2 letters
    assert told in run("surat", "templat").stderr
    assert told in run.ok("surat", "periksa", str(ws.templates_dir / "penolakan.docx")).stderr
    toml = ws.root / "ppidctl.toml"
    text = toml.read_text(encoding="utf-8")
    for old, new in (('"Nama PPID"', '"Lalu Ahmad Fauzi, S.H."'), ('nip = "-"', 'nip = ""'),
                     ('"Nama Atasan PPID"', '"Baiq Sri Wahyuni"'), ("000000", "631456")):  # fmt: skip
        text = text.replace(old, new)
    toml.write_text(text, encoding="utf-8")
    assert told not in catat(run).stderr


def test_titles_of_another_office_are_warned_about_in_letters_and_reports(tmp_path):
    """A neighbouring office started from Mataram's ppidctl.toml, fixed what the stand-in
    warning named, and signed every letter "PPID KPU Kota Mataram," dated "Mataram" — no word.
    The titles a letter or report signs or heads with must name this office's region; a report
    file written from stand-ins is warned about as a letter is."""
    from ppidctl.workspace import init

    lobar = init(tmp_path / "lobar", "Komisi Pemilihan Umum Kabupaten Lombok Barat", "5201")
    toml = lobar.root / "ppidctl.toml"
    text = (
        toml.read_text(encoding="utf-8")
        .replace('nama_singkat = "KPU Kabupaten Lombok Barat"', 'nama_singkat = "KPU Kota Mataram"')
        .replace('jabatan = "PPID KPU Kabupaten Lombok Barat"', 'jabatan = "PPID KPU Kota Mataram"')
    )
    toml.write_text(text, encoding="utf-8")
    run = Runner(lobar.root)
    told = "ppidctl.toml menyebut wilayah lain daripada [instansi] nama"
    out = run("surat", "templat").stderr
    assert told in out
    assert '[instansi] nama_singkat = "KPU Kota Mataram" (baris 6)' in out
    assert (
        '[ppid] jabatan = "PPID KPU Kota Mataram"' in out
        and "[atasan_ppid]" not in out.split(told)[1]
    )
    report = run.ok("laporan", "bulanan", "--bulan", "2026-11", "--keluaran",
                    str(tmp_path / "b.docx")).stderr  # fmt: skip
    assert told in report and "nilai contoh dari ppidctl init" in report
    # a merged report is headed and signed with its first folder's settings: the same warning
    merged = run.ok("laporan", "bulanan", "--bulan", "2026-11", "--gabung", str(lobar.root), "--keluaran",
                    str(tmp_path / "g.docx")).stderr  # fmt: skip
    assert told in merged
    # Kota Bima is not Kabupaten Bima; a role after the region is no other region
    from ppidctl.config import Settings

    def other(nama: str, jabatan: str) -> list:
        data = {"instansi": {"nama": nama}, "ppid": {"jabatan": jabatan}}
        return Settings(toml, data, "").other_office()

    assert other("KPU Kabupaten Bima", "Ketua KPU Kota Bima") == [("ppid", "jabatan")]
    assert other("KPU Kota Mataram", "Sekretaris KPU Kota Mataram selaku PPID") == []
    assert other("KPU Kabupaten Lombok Barat", "Ketua KPU Kab. Lombok Barat") == []
    assert other("Komisi Pemilihan Umum", "PPID KPU Kota Mataram") == []  # (nothing to compare)
    assert other("KPU Provinsi Nusa Tenggara Barat", "Sekretaris KPU Provinsi NTB") == []
    assert other("KPU Provinsi Nusa Tenggara Barat", "Sekretaris KPU Provinsi Bali") != []
    assert other("KPU Provinsi Nusa Tenggara Barat", "Sekretaris KPU Provinsi N.T.B.") == []
    # a neighbour whose name begins with ours; a kabupaten's title naming its province
    assert other("KPU Kabupaten Sumbawa", "Ketua KPU Kabupaten Sumbawa Barat") != []
    assert (
        other("KPU Kabupaten Lombok Barat", "Ketua KPU Kabupaten Lombok Barat, Provinsi NTB") == []
    )
    assert other("KPU Kabupaten Lombok Barat, Provinsi Nusa Tenggara Barat",
                 "PPID KPU Kabupaten Lombok Barat") == []  # fmt: skip


def test_the_template_check_finds_a_missing_logo_before_the_desk_does(run, ws):
    """A renamed logo refused every letter — the desk's next receipt with a citizen waiting —
    while `surat periksa`/`surat templat`, the checks the README sends an office to, said "baik"."""
    toml = ws.root / "ppidctl.toml"
    toml.write_text(
        toml.read_text("utf-8").replace('logo = ""', 'logo = "logo-hilang.png"'), "utf-8"
    )
    told = f"berkas logo {ws.root / 'logo-hilang.png'} tidak ditemukan: setiap surat ditolak"
    assert told in run.ok("surat", "periksa", str(ws.templates_dir / "tanda-terima.docx")).stderr
    assert told in run("surat", "templat").stderr
    (ws.root / "logo-hilang.png").write_text("bukan gambar")
    assert "bukan gambar yang dapat dipakai" in run("surat", "templat").stderr
    run.refused("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16",
                message="bukan gambar yang dapat dipakai")  # fmt: skip


def test_the_notification_says_how_to_pay(run, ws):
    """UU 14/2008 Pasal 22(7): the notification states the fee and how to pay it."""
    catat(run, "--tanpa-surat")
    run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--biaya", "15000",
           "--cara-pembayaran", "tunai di loket PPID", "--tanggal", "2026-03-20")  # fmt: skip
    notice = docx_text(ws.root / "letters/2026/001-PPID-5271-III-2026-pemberitahuan.docx")
    assert "Rp15.000" in notice and "Cara pembayaran: tunai di loket PPID." in notice


def test_rejection_and_not_held_letters(run, ws):
    catat(run)
    catat(run)
    run.refused(
        "permohonan", "putuskan", "1", "--keputusan", "ditolak", "--pasal", "Pasal 17 huruf z",
        "--sk-pengecualian", "Keputusan KPU Kota Mataram Nomor 12 Tahun 2026",
        "--tanggal", "2026-03-20",
        message="Pasal 17 UU 14/2008 tidak punya huruf z (hanya a sampai j)",
    )  # fmt: skip
    # a placeholder typed while the content is not known, or another article, is no ground,
    # decree or test: each went into the decision letter and the report's grounds
    sk = "Keputusan KPU Kota Mataram Nomor 12 Tahun 2026"
    for args, message in (
        (["--pasal", "-", "--sk-pengecualian", sk, "--uji-konsekuensi", UJI],
         "--pasal (dasar Pasal 17) wajib diisi: '-' tidak berisi apa pun"),
        (["--pasal", "Pasal 99", "--sk-pengecualian", sk, "--uji-konsekuensi", UJI],
         "dasar pengecualian adalah Pasal 17 UU 14/2008, bukan Pasal 99"),
        (["--pasal", "Pasal 17", "--sk-pengecualian", sk, "--uji-konsekuensi", UJI],
         "'Pasal 17' tidak menyebut huruf Pasal 17 UU 14/2008 (a sampai j)"),
        (["--pasal", "Pasal 6 ayat (3) huruf k", "--sk-pengecualian", sk, "--uji-konsekuensi",
          UJI], "dasar pengecualian adalah Pasal 17 UU 14/2008, bukan Pasal 6"),
        (["--pasal", "Pasal 17 huruf h", "--sk-pengecualian", "–", "--uji-konsekuensi", UJI],
         "--sk-pengecualian (keputusan tentang informasi yang dikecualikan) wajib diisi: '–'"),
        (["--pasal", "Pasal 17 huruf h", "--sk-pengecualian", sk, "--uji-konsekuensi", "nihil"],
         "--uji-konsekuensi wajib diisi: 'nihil' tidak berisi apa pun"),
    ):  # fmt: skip
        run.refused("permohonan", "putuskan", "1", "--keputusan", "ditolak", *args,
                    "--tanggal", "2026-03-20", message=message)  # fmt: skip
    run.refused("permohonan", "putuskan", "1", "--keputusan", "diberikan-sebagian",
                "--penjelasan", "...", "--tanggal", "2026-03-20",
                message="--penjelasan wajib diisi: '...' tidak berisi apa pun")  # fmt: skip
    # where it may be left out too: a "-" printed "Penjelasan: -" in the letter (dokumentasi L1)
    run.refused("permohonan", "putuskan", "1", "--keputusan", "ditolak", "--pasal",
                "Pasal 17 huruf h", "--sk-pengecualian", sk, "--uji-konsekuensi", UJI,
                "--penjelasan", "-", "--tanggal", "2026-03-20",
                message="--penjelasan wajib diisi: '-' tidak berisi apa pun")  # fmt: skip
    run.refused("permohonan", "perpanjang", "1", "--alasan", "-", "--tanggal", "2026-03-20",
                message="--alasan (alasan perpanjangan) wajib diisi: '-'")  # fmt: skip
    # a ground cited with another rule beside it (jo.), or with its letter in brackets: one
    for ground in ("Pasal 17 huruf h jo. Pasal 6 ayat (3) huruf c", "pasal 17 (h)"):
        assert validation.pasal_17(ground, "--pasal") == ground
    run.ok(
        "permohonan",
        "putuskan",
        "1",
        "--keputusan",
        "ditolak",
        "--pasal",
        "Pasal 17 huruf h angka 2",
        "--sk-pengecualian",
        "Keputusan KPU Kota Mataram Nomor 12 Tahun 2026",
        "--uji-konsekuensi",
        UJI,
        "--nomor-surat",
        "77/PPID/III/2026",
        "--tanggal",
        "2026-03-20",
    )
    text = docx_text(ws.root / "letters/2026/001-PPID-5271-III-2026-penolakan.docx")
    assert "Pasal 17 huruf h angka 2" in text and "Nomor 12 Tahun 2026" in text
    assert f"Ringkasan uji konsekuensi | : | {UJI}" in text  # the PPID's own, nothing invented
    assert "77/PPID/III/2026" in text and "30 (tiga puluh) hari kerja" in text
    # one outgoing number names one letter: another letter may not take it
    run.refused(
        "permohonan", "putuskan", "2", "--keputusan", "tidak-dikuasai",
        "--badan-publik", "Dinas Kependudukan", "--nomor-surat", "77/PPID/III/2026",
        "--tanggal", "2026-03-20",
        message="nomor surat 77/PPID/III/2026 sudah dipakai: 77/PPID/III/2026 untuk surat "
        "penolakan 001/PPID",
    )  # fmt: skip
    run.ok(
        "permohonan",
        "putuskan",
        "2",
        "--keputusan",
        "tidak-dikuasai",
        "--badan-publik",
        "Dinas Kependudukan dan Pencatatan Sipil Kota Mataram",
        "--tanggal",
        "2026-03-20",
    )
    text = docx_text(ws.root / "letters/2026/002-PPID-5271-III-2026-tidak-tersedia.docx")
    assert "Dinas Kependudukan dan Pencatatan Sipil Kota Mataram" in text


def test_values_print_literally(run, ws):
    run.ok(
        "permohonan", "catat", *REQUEST, "--nama", "PT A & B {{ 7*7 }}", "--tanggal", "2026-03-16"
    )
    text = docx_text(ws.root / "letters/2026/001-PPID-5271-III-2026-tanda-terima.docx")
    assert "PT A & B {{ 7*7 }}" in text and "49" not in text


def test_regenerated_letter_is_a_new_file_with_the_same_number(run, ws):
    numbered_receipts(ws)
    catat(run)
    first = ws.root / "letters/2026/001-PPID-5271-III-2026-tanda-terima.docx"
    original = first.read_bytes()
    out = run.ok("surat", "buat", "tanda-terima", "1").stdout
    second = ws.root / "letters/2026/001-PPID-5271-III-2026-tanda-terima-2.docx"
    assert out.strip() == str(second)
    assert first.read_bytes() == original  # never overwritten
    assert docx_text(second) == docx_text(first)  # same letter, same number and date
    rows = surat_rows(ws)
    assert [r["nomor_surat"] for r in rows] == ["1/PL.02.2-SD/5271/III/2026"] * 2
    journal = [json.loads(x) for x in (ws.root / "registers/jurnal.jsonl").read_text().splitlines()]
    assert journal[-1]["perintah"] == "surat buat"
    assert journal[-1]["berkas"] == ["letters/2026/001-PPID-5271-III-2026-tanda-terima-2.docx"]


def test_copy_of_a_notification_after_the_handover_says_what_the_original_said(run, ws):
    """A copy has the original's number: it must not mention facts recorded later (the day the
    information was handed over) where the original said "after the fee is paid"."""
    catat(run, "--tanpa-surat")
    run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--biaya", "5000",
           "--rincian-biaya", "Penggandaan=5000", "--tanggal", "2026-03-20")  # fmt: skip
    first = ws.root / "letters/2026/001-PPID-5271-III-2026-pemberitahuan.docx"
    assert "setelah biaya sebagaimana tersebut di bawah dibayar" in docx_text(first)
    run.ok("permohonan", "selesai", "1", "--tanggal", "2026-03-24")
    run.ok("surat", "buat", "pemberitahuan", "1")
    copy = ws.root / "letters/2026/001-PPID-5271-III-2026-pemberitahuan-2.docx"
    assert docx_text(copy) == docx_text(first)
    # an office's own template that prints the handover date (as ppidctl's own did): empty
    from docx import Document

    doc = Document()
    doc.add_paragraph("Nomor {{ nomor_registrasi }}; diserahkan: [{{ tanggal_selesai }}]")
    doc.save(ws.templates_dir / "pemberitahuan.docx")
    run.ok("surat", "buat", "pemberitahuan", "1")
    own = ws.root / "letters/2026/001-PPID-5271-III-2026-pemberitahuan-3.docx"
    assert docx_text(own).strip() == f"Nomor {N1}; diserahkan: []"


def test_letter_numbers_of_one_batch_restart_with_the_year(run, ws):
    """Numbering restarts each year: a batch with a December and a January letter gives each
    year's first number (the January letter was numbered after the December one)."""
    numbered_receipts(ws)
    catat(run, "--tanpa-surat", day="2025-12-30")
    catat(run, "--tanpa-surat", day="2026-01-05")
    run.ok("surat", "buat", "tanda-terima", "001/PPID/5271/XII/2025", "001/PPID/5271/I/2026")
    assert [r["nomor_surat"] for r in surat_rows(ws)] == [
        "1/PL.02.2-SD/5271/XII/2025",
        "1/PL.02.2-SD/5271/I/2026",
    ]


def test_batch_for_a_month_is_all_or_nothing(run, ws):
    for day in ("2026-03-02", "2026-03-16", "2026-04-06"):
        catat(run, "--tanpa-surat", day=day)
    out = run.ok("surat", "buat", "tanda-terima", "--semua", "--bulan", "2026-03").stdout
    assert len(out.split()) == 2
    # a broken workspace template: nothing written for any of them
    template = ws.root / "templates/tanda-terima.docx"
    from test_letters import make_docx

    make_docx(template, [["{{ nomor_registrasi }} {{ nama_pemohonn }}"]])
    run.refused("surat", "buat", "tanda-terima", "--semua", message="'nama_pemohonn'")
    run.refused(
        "permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", message="tanda-terima.docx"
    )
    result = run("surat", "templat")
    assert result.exit_code == 1 and "nama_pemohonn" in result.stdout
    assert "(bawaan)" not in result.stdout.split("tanda-terima")[1].split("\n")[0]


def test_batch_shows_a_progress_bar_on_a_terminal_only(run, monkeypatch):
    """`surat buat --semua` of two letters draws "Membuat surat" on a terminal's stderr and
    reaches 100% (one step per letter); one letter, or stderr not a terminal: no bar. Catches
    the bar switched off (cli/surat.py _progress) or the service no longer reporting each letter."""
    for day in ("2026-03-02", "2026-03-16"):
        catat(run, "--tanpa-surat", day=day)
    batch = ("surat", "buat", "tanda-terima", "--semua", "--bulan", "2026-03")
    plain = run.ok(*batch)  # (CliRunner's stderr is no terminal)
    assert "Membuat surat" not in plain.stderr and "\x1b[" not in plain.stderr
    for name in ("NO_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")  # (Rich then takes stderr for a terminal)
    monkeypatch.setenv("TERM", "xterm-256color")
    drawn = run.ok(*batch)
    assert "Membuat surat" in drawn.stderr and "100%" in drawn.stderr
    assert len(drawn.stdout.split()) == 2  # (the paths stay on stdout)
    assert "Membuat surat" not in run.ok("surat", "buat", "tanda-terima", "1").stderr


def test_letter_refusals(run, ws):
    catat(run)
    run.refused(
        "surat",
        "buat",
        "pemberitahuan",
        "1",
        message="belum sampai pada langkah surat pemberitahuan (keputusan: belum ada)",
    )
    run.usage("surat", "buat", "undangan", "1", message="jenis surat 'undangan' tidak dikenal")
    run.refused("surat", "buat", "perpanjangan", "--semua", message="tidak ada permohonan")
    # (a letter-writing command: a default of "every case" would write files)
    run.usage("surat", "buat", "tanda-terima", message="sebutkan NOMOR atau --semua")
    # --bulan names the month of --semua: with numbers it was ignored, the numbers made
    run.usage("surat", "buat", "tanda-terima", "1", "--bulan", "2026-03",
              message="--bulan hanya bersama --semua")  # fmt: skip
    # a decision whose letter is another kind: that kind named, not "not yet at that step"
    run.ok("permohonan", "putuskan", "1", "--keputusan", "tidak-dikuasai", "--tanggal",
           "2026-03-18", "--tanpa-surat")  # fmt: skip
    run.refused("surat", "buat", "pemberitahuan", "1",
                message=f"{N1} diputuskan tidak-dikuasai: suratnya tidak-tersedia, bukan "
                f"pemberitahuan — ppidctl surat buat tidak-tersedia {N1}")  # fmt: skip
    # one case named twice: one copy
    out = run.ok("surat", "buat", "tanda-terima", "1", N1).stdout.split()
    assert len(out) == 1


def test_a_copy_restates_the_original_number_or_its_lack(run, ws):
    """A receipt made unnumbered (the built-in template), copied after the office's template
    began to print numbers: the copy got a fresh agenda number dated on the original's day —
    another letter; it stays unnumbered. New receipts are numbered. An outgoing number is
    one number whatever its letters' case ("16/pl.02…" is 16/PL.02…)."""
    catat(run)
    numbered_receipts(ws)
    run.ok("surat", "buat", "tanda-terima", "1")
    assert [r["nomor_surat"] for r in surat_rows(ws)] == ["", ""]
    catat(run)
    assert surat_rows(ws)[-1]["nomor_surat"] == "1/PL.02.2-SD/5271/III/2026"
    run.refused("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--tanggal",
                "2026-03-18", "--nomor-surat", "1/pl.02.2-sd/5271/iii/2026",
                message="nomor surat 1/pl.02.2-sd/5271/iii/2026 sudah dipakai: "
                "1/PL.02.2-SD/5271/III/2026 untuk surat tanda-terima")  # fmt: skip


def test_pdf_is_refused_up_front_without_libreoffice(run, ws, monkeypatch):
    monkeypatch.setattr("ppidctl.letters.pdf.find_soffice", lambda: None)
    run.refused(
        "permohonan",
        "catat",
        *REQUEST,
        "--tanggal",
        "2026-03-16",
        "--pdf",
        message="LibreOffice (soffice) tidak ditemukan, --pdf tidak dapat dipenuhi — pasang "
        "LibreOffice (libreoffice.org; di Linux mis. `apt install libreoffice-writer-nogui`) atau "
        "tunjuk soffice-nya dengan variabel lingkungan PPIDCTL_SOFFICE, atau ulangi tanpa --pdf",
    )
    # a mistyped call is still wrong usage (2), not "LibreOffice missing" (1)
    run.usage("permohonan", "catat", *REQUEST, "--tanpa-surat", "--pdf",
              message="--tanpa-surat tidak membuat surat, jadi --pdf tidak berarti")  # fmt: skip
    run.usage("surat", "buat", "tanda-terima", "--pdf", message="sebutkan NOMOR atau --semua")
    run.refused("surat", "buat", "tanda-terima", "1", "--pdf",
                message="LibreOffice (soffice) tidak ditemukan")  # fmt: skip
    # a PPIDCTL_SOFFICE that names no file is said so
    monkeypatch.undo()
    monkeypatch.setenv("PPIDCTL_SOFFICE", "/tidak/ada/soffice.exe")
    run.refused(
        "permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", "--pdf",
        message="LibreOffice (soffice) tidak ditemukan (PPIDCTL_SOFFICE = /tidak/ada/soffice.exe "
        "bukan berkas), --pdf tidak dapat dipenuhi",
    )  # fmt: skip


@pytest.mark.skipif(os.name == "nt", reason="a shell script stands for LibreOffice")
def test_a_failed_pdf_copy_after_the_step_is_a_warning_not_a_refusal(
    run, ws, tmp_path, monkeypatch
):
    # the step and its letter were recorded, then LibreOffice failed: exit 1 said "nothing
    # changed", and a script would have registered the request again
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PPIDCTL_SOFFICE", str(fake))
    res = run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", "--pdf")
    assert "salinan PDF tidak dibuat (LibreOffice gagal mengubah" in res.stderr
    assert "Nomor registrasi : 001/PPID/5271/III/2026" in res.stdout
    assert list((ws.root / "letters").rglob("*.docx")) and not list(ws.root.rglob("*.pdf"))
    res = run.ok("surat", "buat", "tanda-terima", "1", "--pdf")
    assert "salinan PDF tidak dibuat" in res.stderr


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice tidak terpasang")
def test_pdf_copy_beside_the_letter(run, ws):
    out = catat(run, "--pdf").stdout
    pdf = ws.root / "letters/2026/001-PPID-5271-III-2026-tanda-terima.pdf"
    assert str(pdf) in out and pdf.read_bytes().startswith(b"%PDF")


def test_surat_periksa(run, ws, tmp_path):
    good = run.ok("surat", "periksa", str(ws.root / "templates/penolakan.docx")).stdout
    assert "baik" in good and "sk_pengecualian" in good
    from test_letters import make_docx

    bad = make_docx(tmp_path / "x.docx", [["{{ nomor_registrasi }} {{ tidak_ada }}"]])
    before = snapshot(ws.root)
    result = run("surat", "periksa", str(bad))
    assert result.exit_code == 1 and "'tidak_ada' tidak dikenal" in result.stdout
    assert snapshot(ws.root) == before
    # a template is checked beside a broken ppidctl.toml too (it needs no settings)
    toml = ws.root / "ppidctl.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + "\ngarbage = =\n", encoding="utf-8")
    good = run.ok("surat", "periksa", str(ws.root / "templates/penolakan.docx")).stdout
    assert "baik" in good


def test_surat_periksa_finds_what_would_print_wrong_or_fail_in_english(run, ws, tmp_path):
    """`{{ x }}}` printed a stray "}" in every letter, and `label` without its column failed only
    when a letter was made, in Python's English — both passed `surat periksa`."""
    from test_letters import make_docx

    for text, said in (
        ("Yth. {{ nama_pemohon }}}", "kurung kurawal berlebih «}}}»"),
        ("{{ keputusan | label }}", "filter label perlu satu nama kolom pilihan"),
        ("{{ keputusan | label(keputusan) }}", "filter label perlu satu nama kolom pilihan"),
        ("{{ nama_pemohon.nama }}", "variabel 'nama_pemohon' adalah teks dan tidak punya bagian"),
    ):
        bad = make_docx(tmp_path / "penolakan.docx", [[text]])
        checked = run("surat", "periksa", str(bad))
        assert checked.exit_code == 1 and said in checked.stdout, checked.stdout
        assert f"paragraf ke-1: «{text}»" in checked.stdout
    good = make_docx(tmp_path / "penolakan.docx", [['{{ keputusan | label("keputusan") }}']])
    assert run.ok("surat", "periksa", str(good)).stdout.endswith("baik; variabel: keputusan\n")
    # a missing file is a refusal (it was a "problem" on stdout); a workspace's templates/ is
    # found from anywhere with -C
    run.refused("surat", "periksa", str(tmp_path / "tidak-ada.docx"),
                message=f"berkas templat {tmp_path / 'tidak-ada.docx'} tidak ada")  # fmt: skip
    run.refused(
        "surat", "periksa", str(tmp_path), message=f"berkas templat {tmp_path} adalah folder"
    )
    assert not Path("templates/penolakan.docx").exists()  # (the tests run from the repository)
    said = run.ok("surat", "periksa", "templates/penolakan.docx").stdout
    assert said.startswith(f"{ws.root / 'templates/penolakan.docx'}: baik")


def test_a_template_prints_data_and_cannot_run_programs(run, ws, tmp_path):
    """A template mailed from another office reached Python's internals through any text
    variable and ran a shell command as the desk's account, and `surat periksa` said "baik"."""
    from test_letters import make_docx

    marker = tmp_path / "dijalankan"
    chain = (
        "{{ (nama_pemohon.__class__.__mro__[1].__subclasses__() | selectattr('__name__', "
        "'equalto', '_wrap_close') | first).__init__.__globals__['popen']('touch "
        f"{marker}').read() }}}}"
    )
    template = ws.templates_dir / "tanda-terima.docx"
    make_docx(template, [[chain]])
    checked = run("surat", "periksa", str(template))
    assert checked.exit_code == 1 and "«__class__» tidak boleh dipakai di templat" in checked.stdout
    run.refused(*("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16"),
                message="» tidak boleh dipakai di templat: bagian dalam Python")  # fmt: skip
    # reached without a dotted name: the sandbox refuses it while the letter is filled
    make_docx(template, [['{{ nama_pemohon | attr("__class__") }}']])  # (told by periksa)
    checked = run("surat", "periksa", str(template))
    assert checked.exit_code == 1 and "«__class__» tidak boleh dipakai" in checked.stdout
    make_docx(template, [['{% set c = "__cla" %}{{ nama_pemohon | attr(c ~ "ss__") }}']])
    run.refused(*("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16"),
                message="templat mencoba memakai bagian dalam Python, bukan data surat")  # fmt: skip
    assert not marker.exists()


def test_deadlines_in_letters_come_from_the_settings(run, ws):
    toml = ws.root / "ppidctl.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace(
            "pengajuan_keberatan = 30", "pengajuan_keberatan = 20"
        ),
        encoding="utf-8",
    )
    catat(run)
    run.ok("permohonan", "putuskan", "1", "--keputusan", "ditolak", "--pasal", "Pasal 17 huruf h",
           "--sk-pengecualian", "Keputusan KPU Kota Mataram Nomor 12 Tahun 2026",
           "--uji-konsekuensi", UJI, "--tanggal", "2026-03-20")  # fmt: skip
    text = docx_text(ws.root / "letters/2026/001-PPID-5271-III-2026-penolakan.docx")
    assert "20 (dua puluh) hari kerja" in text and "30 (tiga puluh)" not in text


# -- a workspace template is checked before any letter is written ------------------------------


def _edit_template(path, old: str, new: str) -> None:
    """Change text in a template's body XML, as an office editing it in Word might."""
    import io
    import zipfile

    with zipfile.ZipFile(path) as z:
        items = [(info, z.read(info.filename)) for info in z.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in items:
            if info.filename == "word/document.xml":
                assert old.encode() in data, old
                data = data.replace(old.encode(), new.encode(), 1)
            out.writestr(info, data)
    path.write_bytes(buf.getvalue())


@pytest.mark.parametrize("broken", ["{{ nama_pemohon", "{{ nama_pemohon }"])
def test_a_broken_tag_in_an_office_template_refuses_the_letter(run, ws, broken):
    """docxtpl drops a paragraph with an unclosed tag (here the "Yth." line and the address,
    whose paragraph holds {%p if alamat %}): the letter would go out without them. Every command
    writing a letter runs the check `surat periksa` runs, and writes nothing."""
    catat(run, "--tanpa-surat")
    _edit_template(ws.templates_dir / "pemberitahuan.docx", "{{ nama_pemohon }}", broken)
    args = ("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--tanggal", "2026-03-20")
    result = run.refused(*args, message="templates/pemberitahuan.docx tidak dipakai: ")
    assert "tanpa pasangan" in result.stderr and "ppidctl surat periksa" in result.stderr
    run.ok(*args, "--tanpa-surat")  # the step itself can still be recorded
    run.refused("surat", "buat", "pemberitahuan", "1", message="tanpa pasangan")
    checked = run("surat", "periksa", str(ws.templates_dir / "pemberitahuan.docx"))
    assert checked.exit_code == 1 and "tanpa pasangan" in checked.stdout
    # mended: the letter has the lines again
    _edit_template(ws.templates_dir / "pemberitahuan.docx", broken, "{{ nama_pemohon }}")
    run.ok("surat", "buat", "pemberitahuan", "1")
    text = docx_text(ws.root / "letters/2026/001-PPID-5271-III-2026-pemberitahuan.docx")
    assert "Yth. Budi Santoso" in text and "Jl. Pejanggik 1, Mataram" in text


def test_a_tag_split_only_in_formatting_is_told_but_the_letter_is_made(run, ws):
    """Word splits a tag into runs that differ only in formatting (a bold part, a complex-script
    font): docxtpl mends it and the letter reads right, so the letter is made; `surat periksa`
    tells the lost formatting. A template that worked must not stop the desk."""
    from test_letters import make_docx

    template = ws.templates_dir / "tanda-terima.docx"
    make_docx(template, [["Nomor: {{ nomor_", ("b", "registrasi }}")]])
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16")
    text = docx_text(ws.root / "letters/2026/001-PPID-5271-III-2026-tanda-terima.docx")
    assert text == "Nomor: 001/PPID/5271/III/2026\n"
    checked = run("surat", "periksa", str(template))
    assert checked.exit_code == 1 and "terpecah" in checked.stdout


@pytest.mark.parametrize(
    ("tag", "name"),
    [
        ("{{ alasan_pilihan }}", "alasan_pilihan"),
        ("{{ permohonan.nama_pemohon }}", "permohonan"),
        ("{{ kasus_posisi }}", "kasus_posisi"),
    ],
)
def test_the_check_knows_exactly_what_a_kind_of_letter_gets(run, ws, tag, name):
    """A name the receipt does not get was passed as fine by `surat periksa`/`surat templat`
    ("-") and then refused by every `permohonan catat`."""
    template = ws.templates_dir / "tanda-terima.docx"
    _edit_template(template, "{{ nama_pemohon }}", "{{ nama_pemohon }} " + tag)
    checked = run("surat", "periksa", str(template))
    assert checked.exit_code == 1
    assert f"variabel '{name}' tidak tersedia untuk surat tanda-terima" in checked.stdout
    listed = run("surat", "templat", "--format", "json")
    assert listed.exit_code == 1
    row = next(r for r in json.loads(listed.stdout) if r["jenis"] == "tanda-terima")
    assert any(f"'{name}' tidak tersedia" in m for m in row["masalah"])
    assert name not in row["tersedia"]  # (JSON: lists, [] for none)
    run.refused(
        "permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", message=f"'{name}' tidak"
    )


def test_templat_tells_what_the_built_in_copy_prints_that_the_office_copy_does_not(run, ws):
    """An office's copy made by an older version (here without the payment line of Pasal 22(7))
    always wins over the built-in one: `surat templat` says what it leaves out."""
    listed = run("surat", "templat", "--format", "json")
    assert all(r["bawaan_juga_memakai"] == [] for r in json.loads(listed.stdout))
    assert all(r["masalah"] == [] for r in json.loads(listed.stdout))
    assert "bawaan juga memakai" not in listed.stderr
    template = ws.templates_dir / "pemberitahuan.docx"
    _edit_template(template, "{%p if cara_pembayaran %}", "{%p if biaya %}")
    _edit_template(template, "{{ cara_pembayaran }}", "{{ biaya }}")
    listed = run("surat", "templat", "--format", "json")
    assert listed.exit_code == 0  # (a note, not a problem of the template)
    row = next(r for r in json.loads(listed.stdout) if r["jenis"] == "pemberitahuan")
    assert row["bawaan_juga_memakai"] == ["cara_pembayaran"]
    assert (
        "templates/pemberitahuan.docx: templat bawaan juga memakai cara_pembayaran" in listed.stderr
    )
    assert listed.stderr.count("bawaan juga memakai") == 1


def test_an_office_copy_without_a_value_the_step_recorded_says_so(run, ws):
    """An office template copied by an older init lacks what the built-in one prints now (the
    fee's payment method): the copy wins, so the letter goes out without it — said at the step
    that made it, only when that value was recorded."""
    from docx import Document

    path = ws.templates_dir / "pemberitahuan.docx"
    doc = Document(path)
    paras = doc.paragraphs  # (the copy an older init made: no payment method, its if-block out)
    i = next(i for i, p in enumerate(paras) if p.text == "{%p if cara_pembayaran %}")
    assert paras[i + 2].text == "{%p endif %}"
    for p in paras[i : i + 3]:
        p._element.getparent().remove(p._element)
    doc.save(path)
    assert "cara_pembayaran" not in "".join(p.text for p in Document(path).paragraphs)
    catat(run, "--tanpa-surat")
    catat(run, "--tanpa-surat")
    told = ("Peringatan: templates/pemberitahuan.docx (salinan kantor) tidak memuat "
            "cara_pembayaran yang dicetak templat bawaan, jadi surat pemberitahuan ini tanpa "
            "isian itu")  # fmt: skip
    r = run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--biaya", "5000",
               "--cara-pembayaran", "transfer BRI 123", "--tanggal", "2026-03-20")  # fmt: skip
    assert told in r.stderr.replace("\n", " ")
    r = run.ok("permohonan", "putuskan", "2", "--keputusan", "diberikan", "--biaya", "5000",
               "--tanggal", "2026-03-20")  # fmt: skip
    assert "salinan kantor" not in r.stderr  # (nothing left out)


def test_a_letter_carries_the_office_not_the_template_notes(run, ws):
    """Word's File > Info of a letter sent to a requester: the office made it, now — not the
    built-in template's 'Templat surat PPID (ppidctl)' of 1 January 2026."""
    from docx import Document

    catat(run)
    (letter,) = (ws.root / "letters" / "2026").glob("*.docx")
    props = Document(str(letter)).core_properties
    assert props.author == "Komisi Pemilihan Umum Kota Mataram"
    assert (props.subject, props.comments) == ("", "")
    assert props.title == "Tanda Bukti Pendaftaran Permohonan Informasi Publik"
    from datetime import UTC, datetime

    made = datetime.now(UTC)  # (the moment it was made, not the template's)
    assert abs((props.created.replace(tzinfo=UTC) - made).total_seconds()) < 600
    assert (props.last_printed, props.revision, props.language) == (None, 1, "id-ID")
    assert props.last_modified_by == "Komisi Pemilihan Umum Kota Mataram"


def test_a_letter_keeps_what_the_office_set_in_its_template(run, ws):
    """An office's own author, and a note it added after the built-in one, stay; a template
    the office set only the author of is not 'last modified by ppidctl'; a LibreOffice round
    trip's en-US is not the letter's language."""
    from docx import Document

    from ppidctl.letters.engine import TEMPLATE_COMMENTS

    path = ws.templates_dir / "tanda-terima.docx"
    doc = Document(str(path))
    doc.core_properties.author = "Sekretariat KPU Kota Mataram"
    doc.core_properties.comments = TEMPLATE_COMMENTS + ". Kop baru 2026 (Budi)"
    doc.core_properties.language = "en-US"
    doc.core_properties.revision = 7
    doc.save(str(path))
    catat(run)
    (letter,) = (ws.root / "letters" / "2026").glob("*.docx")
    props = Document(str(letter)).core_properties
    assert (props.author, props.last_modified_by) == ("Sekretariat KPU Kota Mataram",) * 2
    assert props.comments == "Kop baru 2026 (Budi)"
    assert (props.language, props.revision, props.last_printed) == ("id-ID", 1, None)


def test_an_earlier_builtin_left_unedited_gives_way_to_the_current_one(run, ws, monkeypatch):
    """init copies the built-in templates into templates/, and a copy wins over the built-in:
    an office that never edited them kept an earlier ppidctl's letters after every upgrade. A
    copy equal to an earlier built-in (bawaan-lama.sha256) is left aside; an edited one is the
    office's and is used."""
    import hashlib

    from ppidctl.letters import engine

    copy = ws.templates_dir / "tanda-terima.docx"
    _edit_template(copy, "PERMOHONAN INFORMASI PUBLIK<", "VERSI LAMA<")  # (a release before)
    old = hashlib.sha256(copy.read_bytes()).hexdigest()
    monkeypatch.setattr(engine, "_old_builtins", lambda: frozenset({(old, copy.name)}))
    catat(run)
    first = next((ws.root / "letters").rglob("*-terima.docx"))
    assert "VERSI LAMA" not in docx_text(first) and "PERMOHONAN INFORMASI PUBLIK" in docx_text(
        first
    )
    listed = run.ok("surat", "templat", "--format", "json")
    row = next(r for r in json.loads(listed.stdout) if r["jenis"] == "tanda-terima")
    assert row["berkas"] == "(bawaan) tanda-terima.docx"
    assert ("templates/tanda-terima.docx: templat bawaan ppidctl versi lama yang tidak diubah "
            "kantor — templat bawaan sekarang yang dipakai") in listed.stderr  # fmt: skip
    _edit_template(copy, "VERSI LAMA", "KANTOR KAMI")  # (the office edits it: its own now)
    run.ok("surat", "buat", "tanda-terima", "1")
    second = ws.root / "letters/2026/001-PPID-5271-III-2026-tanda-terima-2.docx"
    assert "PENDAFTARAN KANTOR KAMI" in docx_text(second)


def test_the_list_of_earlier_builtins_names_only_builtins_and_no_current_one(tmp_path):
    import hashlib

    from ppidctl.letters import build_templates, engine

    entries = engine._old_builtins()
    names = {k.template for k in engine.KINDS.values()}
    assert entries and {name for _, name in entries} <= names
    current = {
        (hashlib.sha256((engine.BUILTIN_DIR / n).read_bytes()).hexdigest(), n) for n in names
    }
    assert not entries & current
    # rebuilding a template that changed keeps the version it replaces in that list
    target = tmp_path / "tanda-terima.docx"
    target.write_bytes(b"versi lama")
    build_templates._remember_old(target)
    build_templates._remember_old(target)  # (once)
    line = f"{hashlib.sha256(b'versi lama').hexdigest()}  tanda-terima.docx\n"
    assert (tmp_path / engine.OLD_BUILTINS).read_text(encoding="utf-8") == line


def test_a_template_expression_that_fails_is_told_in_indonesian(run, ws):
    """An office template computing something that cannot be (a division by zero): the refusal
    says what in the desk's words, Python's English kept only as the technical detail."""
    from docx import Document

    catat(run, "--tanpa-surat")
    doc = Document()
    doc.add_paragraph("Nomor {{ nomor_registrasi }}: {{ 1 / 0 }}")
    doc.save(ws.templates_dir / "tanda-terima.docx")
    r = run.refused("surat", "buat", "tanda-terima", "1", message="templat gagal diisi")
    assert ": pembagian dengan nol [rincian teknis: division by zero] — periksa" in r.stderr


def _template_with(ws, text: str) -> None:
    """The built-in receipt copied as the office's, with ``text`` after its number tag."""
    import io
    import zipfile

    from ppidctl.letters.engine import BUILTIN_DIR

    src = (BUILTIN_DIR / "tanda-terima.docx").read_bytes()
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(src)) as z, zipfile.ZipFile(buf, "w") as out:
        for info in z.infolist():
            data = z.read(info.filename)
            if info.filename == "word/document.xml":
                tag = b"{{ nomor_registrasi }}"
                escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                data = data.replace(tag, tag + escaped.encode(), 1)
            out.writestr(info, data)
    (ws.templates_dir / "tanda-terima.docx").write_bytes(buf.getvalue())


def test_an_office_template_cannot_reach_files_through_the_logo(run, ws, tmp_path):
    """The logo is an image object whose ``tpl`` was the live document: a template passed
    between offices wrote any file (``logo.tpl.save``) or put any file into the letter handed
    to a requester (``logo.tpl.replace_zipname``), and surat periksa called it "baik"."""
    from test_letters import png

    (ws.root / "logo.png").write_bytes(png())
    toml = ws.root / "ppidctl.toml"
    toml.write_text(toml.read_text("utf-8").replace('logo = ""', 'logo = "logo.png"'), "utf-8")
    catat(run, "--tanpa-surat")
    outside = tmp_path / "di-luar.docx"
    for text, told in (
        (f"{{{{ logo.tpl.save('{outside}') or '' }}}}", "variabel 'logo' adalah gambar"),
        ("{{ logo['tpl'] }}", "bagian dalam Python"),
        ("{{ [1, 2].append(3) }}", "bagian dalam Python"),  # (no value changed in place)
    ):
        _template_with(ws, text)
        check = run("surat", "periksa", str(ws.templates_dir / "tanda-terima.docx"))
        assert check.exit_code == (1 if "logo.tpl" in text else 0), check.output
        run.refused("surat", "buat", "tanda-terima", "1", message=told)
        assert not outside.exists()


def test_a_template_cannot_exhaust_the_machine_while_the_workspace_is_locked(run, ws, monkeypatch):
    """A template's own arithmetic is bounded, and filling it has a time limit: a loop nested
    in a template ran for ever under the workspace lock (every desk waited), a repeated text
    filled the memory, a large power spent the CPU — each refused, nothing recorded."""
    from ppidctl.letters import sandbox

    catat(run, "--tanpa-surat")
    for text, told in (
        ("{{ 'x' * 3000000000 }}", "teks atau daftar yang diulang menjadi lebih dari 100000"),
        ("{{ (9 ** 99999) | string }}", "pangkat lebih dari 64 di templat"),
        ("{% for a in range(100000) %}{% endfor %}", "range lebih dari 10000 langkah"),
        # one call allocating gigabytes: a width or count, a width inside a format text
        ("{{ 'x'.center(4000000000) | length }}", "angka lebih dari 100000 sebagai lebar"),
        ("{{ 'x' | center(4000000000) }}", "angka lebih dari 100000 sebagai lebar"),
        ("{{ '{:>4000000000}'.format('x') }}", "format teks dengan .format() tidak dipakai"),
        ("{{ '%4000000000s' % 'x' }}", "format teks dengan % tidak dipakai"),
    ):
        _template_with(ws, text)
        run.refused("surat", "buat", "tanda-terima", "1", message=told)
    monkeypatch.setattr(sandbox, "BATAS_DETIK", 1)
    loops = "{% for a in range(9999) %}{% for b in range(9999) %}{% for c in range(9999) %}"
    loops += "{% endfor %}{% endfor %}{% endfor %}"  # (10¹² steps: never done, on any machine)
    _template_with(ws, loops)
    run.refused("surat", "buat", "tanda-terima", "1", message="belum selesai diisi setelah 1 detik")
    import signal  # (Windows has no timer signal: a timer thread stops it there)

    monkeypatch.delattr(signal, "setitimer")
    run.refused("surat", "buat", "tanda-terima", "1", message="belum selesai diisi setelah 1 detik")
    _template_with(ws, "{{ nomor_registrasi }}")  # (and a template that finishes is not stopped)
    run.ok("surat", "buat", "tanda-terima", "1")


def test_lihat_names_each_letters_outgoing_number(run, ws):
    """A hearing asks for the number and date of the written notification: `lihat` showed only
    the file (the number was inside it and in registers/surat.csv — review bukti M5). Each
    letter in the history now carries its number, the copy `surat buat` made too."""
    catat(run)
    run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--tanggal", "2026-03-18")
    run.ok("surat", "buat", "pemberitahuan", "1")
    (nomor,) = {r["nomor_surat"] for r in surat_rows(ws) if r["jenis"] == "pemberitahuan"}
    assert nomor
    story = run.ok("permohonan", "lihat", "1").stdout
    for name in ("pemberitahuan.docx", "pemberitahuan-2.docx"):
        assert f"surat: letters/2026/001-PPID-5271-III-2026-{name} (nomor {nomor})" in story
    assert "tanda-terima.docx (nomor" not in story  # (a receipt has no outgoing number)
    rec = json.loads(run.ok("permohonan", "lihat", "1", "--format", "json").stdout)
    named = [e["nomor_surat"] for e in rec["riwayat"] if "nomor_surat" in e]
    assert named == [
        {"letters/2026/001-PPID-5271-III-2026-pemberitahuan.docx": nomor},
        {"letters/2026/001-PPID-5271-III-2026-pemberitahuan-2.docx": nomor},
    ]


def test_every_receipt_steps_help_says_its_letter_prints_no_number(run):
    # `selesai --help` promised the [penomoran].surat pattern for the handover receipt, which
    # prints none: --nomor-surat is refused there (review dokumentasi L2)
    for command in (["permohonan", "catat"], ["permohonan", "selesai"], ["keberatan", "catat"]):
        text = " ".join(run.ok(*command, "--help").stdout.replace("│", " ").split())
        assert "hanya bila templat kantor mencetak" in text, command


def test_a_copy_from_a_template_changed_since_the_original_says_so(run, ws):
    """The office edited its template after the receipt went out: the copy, with the original's
    number and date, said otherwise than the letter sent, without a word (review bukti H1).
    Each letter's template is fingerprinted in the journal; a copy from another one is told."""
    catat(run)
    assert "templat yang berubah" not in run.ok("surat", "buat", "tanda-terima", "1").stderr
    _edit_template(ws.templates_dir / "tanda-terima.docx", "TANDA BUKTI PENDAFTARAN",
                   "TANDA BUKTI PENDAFTARAN (SALINAN)")  # fmt: skip
    said = " ".join(run.ok("surat", "buat", "tanda-terima", "1").stderr.split())
    assert (
        "salinan surat tanda-terima 001/PPID/5271/III/2026 dibuat dengan templat yang berubah "
        "sesudah aslinya dibuat"
    ) in said


def _given_then_ordered_again(run) -> None:
    """Request 1 partly given and handed over on 18 Mar (its receipt made); an objection to
    what was given (d) granted on 20 Mar: a second handover is owed."""
    catat(run, "--tanpa-surat")
    run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan-sebagian", "--penjelasan",
           "NIK dihitamkan", "--tanggal", "2026-03-17", "--tanpa-surat")  # fmt: skip
    run.ok("permohonan", "selesai", "1", "--tanggal", "2026-03-18")
    run.ok("keberatan", "catat", "--permohonan", "1", "--alasan", "d", "--kasus-posisi", "Kurang",
           "--dokumen", "formulir,identitas", "--tanggal", "2026-03-19", "--tanpa-surat")  # fmt: skip
    run.ok("keberatan", "teruskan", "1", "--tanggal", "2026-03-19")
    run.ok("keberatan", "tanggapi", "1", "--keputusan", "diterima", "--tanggal", "2026-03-20",
           "--tanpa-surat")  # fmt: skip


def test_a_copy_is_compared_with_its_own_original_and_an_unrecorded_one_is_told(run, ws):
    """Two handovers, the office's receipt template edited between them: a copy of the second
    receipt was warned against the first one's template, and which copy differed was not said
    (review sesi30b L2). A letter made before ppidctl recorded its template: the copy is told
    that its original's template is unknown, not passed as the same (L1)."""
    import json as _json

    _given_then_ordered_again(run)
    _edit_template(ws.templates_dir / "tanda-terima-informasi.docx", "TANDA TERIMA INFORMASI "
                   "PUBLIK", "TANDA TERIMA INFORMASI PUBLIK (B)")  # fmt: skip
    run.ok("permohonan", "selesai", "1", "--tanggal", "2026-03-25")  # (made with B)
    said = " ".join(run.ok("surat", "buat", "tanda-terima-informasi", "1").stderr.split())
    assert (
        "tanda-terima-informasi 001/PPID/5271/III/2026 (2026-03-18) dibuat dengan templat" in said
    )
    assert "(2026-03-25) dibuat dengan templat" not in said  # (its own template: B)
    # a journal written before templates were fingerprinted
    path = ws.journal_path
    lines = [_json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    for e in lines:
        e.pop("templat_sha256", None)
    path.write_text("".join(_json.dumps(e, ensure_ascii=False) + "\n" for e in lines), "utf-8")
    said = " ".join(run.ok("surat", "buat", "tanda-terima-informasi", "1").stderr.split())
    assert "(2026-03-18), 001/PPID/5271/III/2026 (2026-03-25): templat aslinya tidak tercatat" in (
        said
    )


def test_a_receipt_time_stated_in_another_zone_is_printed_in_the_office_s(run, ws, tmp_path):
    # an old book's time in UTC (kept as stated by the import) printed "pukul 01.30 UTC+00:00"
    # on the receipt (review sesi30b N1)
    book = tmp_path / "buku.csv"
    book.write_text(
        "No. Registrasi,Tanggal,Nama,Informasi yang Diminta,Waktu Diterima\n"
        "001/PPID/5271/XI/2026,16/11/2026,Ani,DPT,2026-11-16T01:30Z\n",
        encoding="utf-8",
    )
    run.ok("impor", str(book), "--register", "permohonan")
    assert ws.read("permohonan").rows[0]["waktu_diterima"] == "2026-11-16T01:30+00:00"
    (made,) = run.ok("surat", "buat", "tanda-terima", "1").stdout.split()
    assert "16 November 2026, pukul 09.30 WITA" in docx_text(made)


def test_a_copy_of_a_lost_letter_keeps_the_loss_told(run, ws):
    """`surat buat` for a letter whose file is gone took the original's name: the loss vanished
    from periksa, and the original restored from an archive overwrote the copy and was told
    'changed' (review pulih M1). The copy gets a name of its own, and says the original is gone."""
    catat(run)
    (original,) = ws.letters_dir.rglob("*.docx")
    made = original.read_bytes()
    original.unlink()
    said = " ".join(run.ok("surat", "buat", "tanda-terima", "1").stderr.split())
    assert "001-PPID-5271-III-2026-tanda-terima.docx: surat aslinya tidak ada lagi" in said
    assert original.with_name(original.stem + "-2.docx").is_file() and not original.exists()
    assert "surat tidak ada lagi" in run("periksa").stdout
    original.write_bytes(made)  # (found in the archive)
    assert run.ok("periksa").stdout == ""
    # lost again, the loss accepted: a copy no longer asks to record it (review sesi31 L1)
    original.unlink()
    run.ok("periksa", "--terima-perubahan", "--catatan", "surat hilang, dicetak ulang")
    said = " ".join(run.ok("surat", "buat", "tanda-terima", "1").stderr.split())
    assert (
        "001-PPID-5271-III-2026-tanda-terima.docx: surat aslinya hilang (hilangnya sudah "
        "diterima); surat ini berkas baru"
    ) in said
    assert "--terima-perubahan" not in said


def test_a_letter_a_newer_letters_folder_already_holds_is_refused(run, ws):
    """registers/ restored from an archive older than letters/: periksa was clean, and the next
    catat gave number 002 again — to someone else, its receipt saved as '-2' (review pulih H1).
    The name taken by a letter the agenda does not list is refused before anything is written."""
    import shutil

    catat(run)
    older = ws.root.parent / "registers-lama"
    shutil.copytree(ws.registers_dir, older)
    catat(run, "--nama", "Siti Aminah")  # (002, its receipt in letters/)
    shutil.rmtree(ws.registers_dir)
    shutil.copytree(older, ws.registers_dir)  # (the older archive's registers)
    told = run("periksa").stdout  # (periksa was clean)
    assert (
        "letters/2026/002-PPID-5271-III-2026-tanda-terima.docx: surat untuk perkara "
        "002/PPID/5271/III/2026 yang tidak ada di register"
    ) in told
    for without in ([], ["--tanpa-surat"]):  # (no letter, no file name: sesi31 H1 — the number)
        run.refused(
            "permohonan", "catat", *REQUEST, "--nama", "Rina", "--tanggal", "2026-03-16",
            *without,
            message="nomor 002/PPID/5271/III/2026 akan diberikan, tetapi "
            "letters/2026/002-PPID-5271-III-2026-tanda-terima.docx sudah ada: register tampaknya "
            "lebih tua daripada folder letters/",
        )  # fmt: skip
    # no archive holds that case (sesi31 M4: no way out): accepted, its number is retired — the
    # next catat gives 003, and the case is recorded again under it
    done = run.ok("periksa", "--terima-perubahan", "--catatan", "perkara 002 tidak ada di arsip")
    assert (
        "letters/2026/002-PPID-5271-III-2026-tanda-terima.docx: surat untuk perkara yang tidak "
        "ada di register diterima: nomor 002/PPID/5271/III/2026 tidak akan diberikan lagi"
    ) in " ".join(done.stderr.split())
    assert run.ok("periksa").stdout == ""
    out = run.ok("permohonan", "catat", *REQUEST, "--nama", "Siti Aminah", "--tanggal",
                 "2026-03-16", "--tanpa-surat")  # fmt: skip
    assert "003/PPID/5271/III/2026" in out.stdout
    assert run.ok("periksa").stdout == ""


def test_a_second_handover_s_receipt_never_takes_a_lost_first_one_s_name(run, ws):
    # the first receipt's file lost, the second handover's receipt took its name: the loss
    # vanished from periksa (as a copy did: review pulih M1)
    _given_then_ordered_again(run)
    (first,) = ws.letters_dir.rglob("*tanda-terima-informasi.docx")
    first.unlink()
    run.ok("permohonan", "selesai", "1", "--tanggal", "2026-03-25")
    assert not first.exists() and first.with_name(first.stem + "-2.docx").is_file()
    assert "surat tidak ada lagi" in run("periksa").stdout


def _voided_notification(run, ws) -> Path:
    """Request 1's notification made by a decision recorded on the wrong case, the decision put
    back by hand and cancelled (README: Memperbaiki kesalahan pencatatan): the letter stays in
    the agenda, not to be sent. Returns its file."""
    catat(run, "--tanpa-surat")
    before = (ws.registers_dir / "permohonan.csv").read_bytes()
    run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--tanggal", "2026-03-17")
    (voided,) = ws.letters_dir.rglob("*pemberitahuan.docx")
    (ws.registers_dir / "permohonan.csv").write_bytes(before)
    run.ok("periksa", "--terima-perubahan", "--batalkan", "1", "--catatan", "perkara keliru")
    return voided


def _drop_case(ws, nomor: str) -> None:
    """Request ``nomor``'s row deleted by hand from the register."""
    path = ws.register_path("permohonan")
    lines = path.read_bytes().split(b"\r\n")
    path.write_bytes(b"\r\n".join(x for x in lines if not x.startswith(nomor.encode())))


def _drop_from_agenda(ws, name: str) -> None:
    """The agenda's row of letter file ``name`` deleted by hand (README: Surat yang batal)."""
    rows = surat_rows(ws)
    with open(ws.registers_dir / "surat.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(r for r in rows if name not in r["berkas"])


def test_a_voided_letter_s_file_left_after_its_agenda_row_was_deleted_is_no_restore(run, ws):
    # README's "Surat yang batal": its row deleted from the agenda and the deletion accepted;
    # the case's real notification was refused as if registers/ were restored from an old
    # archive, with advice to restore it — the day's work lost (review sesi31 M2)
    voided = _voided_notification(run, ws)
    catat(run)  # (a later letter first: README — the last command's row is not deleted alone)
    _drop_from_agenda(ws, voided.name)
    run.ok("periksa", "--terima-perubahan", "--catatan", "surat batal dihapus dari agenda")
    out = run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--tanggal",
                 "2026-03-18")  # fmt: skip
    assert (
        f"letters/2026/{voided.name}: berkas surat yang barisnya dihapus dari agenda masih ada "
        "(jangan dikirim); surat ini berkas baru"
    ) in " ".join(out.stderr.split())
    assert voided.with_name(voided.stem + "-2.docx").is_file()
    assert run.ok("periksa").stdout == ""


def test_a_new_letter_never_takes_the_name_of_a_lost_listed_one(run, ws):
    # the voided letter's file deleted ("jangan dikirim"), its agenda row kept: the real
    # notification took its name — the loss vanished from periksa, and lihat showed the voided
    # letter (number 1) under the new letter's number (review sesi31 M3)
    voided = _voided_notification(run, ws)
    voided.unlink()
    out = run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--tanggal",
                 "2026-03-18")  # fmt: skip
    assert (
        f"letters/2026/{voided.name}: surat yang tercatat dengan nama ini tidak ada lagi (surat "
        "ini berkas baru)"
    ) in " ".join(out.stderr.split())
    assert voided.with_name(voided.stem + "-2.docx").is_file() and not voided.exists()
    assert f"{voided.name}: surat tidak ada lagi" in run("periksa").stdout
    history = json.loads(run.ok("permohonan", "lihat", "1", "--format", "json").stdout)["riwayat"]
    numbers = [n for e in history for n in (e.get("nomor_surat") or {}).items()]
    assert [(Path(b).name, n[:1]) for b, n in numbers] == [
        (voided.name, "1"), (voided.stem + "-2.docx", "2")
    ]  # fmt: skip


def test_the_number_of_an_unknown_case_s_letter_is_read_in_the_office_s_pattern(run, ws):
    # a pattern stating the month before the sequence: the number read back from the file name
    # took the month for the sequence and retired a number nobody was given (review sesi31b M1)
    import shutil

    path = ws.root / "ppidctl.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('permohonan = "{urut:03d}/PPID/{kode}/{bulan_romawi}/{tahun}"',
                     'permohonan = "B-{bulan}/{urut:03d}/PPID/{tahun}"'),
        encoding="utf-8",
    )  # fmt: skip
    catat(run)
    older = ws.root.parent / "registers-lama"
    shutil.copytree(ws.registers_dir, older)
    catat(run, "--nama", "Siti Aminah")  # (B-3/002/PPID/2026, its receipt in letters/)
    shutil.rmtree(ws.registers_dir)
    shutil.copytree(older, ws.registers_dir)
    assert (
        "surat untuk perkara B-3/002/PPID/2026 yang tidak ada di register" in run("periksa").stdout
    )
    run.ok("periksa", "--terima-perubahan", "--catatan", "perkara 002 tidak ada di arsip")
    out = run.ok("permohonan", "catat", *REQUEST, "--nama", "Siti Aminah", "--tanggal",
                 "2026-03-16", "--tanpa-surat")  # fmt: skip
    assert "B-3/003/PPID/2026" in out.stdout
    assert run.ok("periksa").stdout == ""


def test_a_voided_letter_deleted_with_its_row_keeps_its_own_number_and_loss(run, ws):
    # README's "Surat yang batal" read as "delete the row and the file": the next letter took
    # the voided name, lihat showed the voided letter under the new number, and the new
    # letter's own loss would have gone untold (review sesi31b M2)
    voided = _voided_notification(run, ws)
    catat(run)  # (a later letter first: README)
    _drop_from_agenda(ws, voided.name)
    voided.unlink()
    run.ok("periksa", "--terima-perubahan", "--catatan", "surat batal dihapus")
    run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--tanggal", "2026-03-18")
    history = json.loads(run.ok("permohonan", "lihat", "1", "--format", "json").stdout)["riwayat"]
    numbers = [n for e in history if e["perintah"] == "permohonan putuskan"
               for n in (e.get("nomor_surat") or {}).values()]  # fmt: skip
    assert [n.split("/")[0] for n in numbers] == ["1", "2"]
    marks = [e.get("keterangan_surat") for e in history if e["perintah"] == "permohonan putuskan"]
    assert marks == [{f"letters/2026/{voided.name}": "batal: perkara keliru"}, None]  # (31c M3)
    voided.unlink()  # (the new letter under that name, lost: told again)
    assert f"{voided.name}: surat tidak ada lagi" in run("periksa").stdout


def test_a_hand_number_is_one_with_the_number_its_pattern_reads(run, ws):
    # "2/…/II/2026" and "02/…/I/2026" after the automatic "2/…/I/2026": three letters with
    # agenda number 2 accepted; last year's number typed on this year's letter moved the whole
    # year's numbering (review agenda H1, M5)
    catat(run, "--tanpa-surat")
    catat(run, "--nama", "Siti Aminah", "--tanpa-surat")
    run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--tanggal", "2026-03-17")
    assert surat_rows(ws)[-1]["nomor_surat"] == "1/PL.02.2-SD/5271/III/2026"
    decide = ["permohonan", "putuskan", "2", "--keputusan", "diberikan", "--tanggal", "2026-03-18"]
    for typed in ("1/PL.02.2-SD/5271/IV/2026", "01/PL.02.2-SD/5271/III/2026"):
        run.refused(*decide, "--nomor-surat", typed,
                    message=f"nomor surat {typed} sudah dipakai: 1/PL.02.2-SD/5271/III/2026 untuk "
                    "surat pemberitahuan 001/PPID/5271/III/2026")  # fmt: skip
    run.refused(*decide, "--nomor-surat", "300/PL.02.2-SD/5271/XII/2025",
                message="nomor surat 300/PL.02.2-SD/5271/XII/2025 menyebut tahun 2025, padahal "
                "suratnya bertanggal 2026-03-18")  # fmt: skip
    out = run.ok(*decide, "--nomor-surat", "7/PL.02.2-SD/5271/II/2026")
    assert (
        "nomor surat 7/PL.02.2-SD/5271/II/2026 menyebut bulan 2, padahal suratnya bertanggal "
        "2026-03-18"
    ) in " ".join(out.stderr.split())


def test_the_step_that_numbers_a_letter_says_the_number(run, ws):
    # only keberatan tanggapi said it: the desk opened the docx to learn the number for the
    # expedition book (review agenda L1)
    catat(run, "--tanpa-surat")
    out = run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--tanggal",
                 "2026-03-17")  # fmt: skip
    assert "Nomor surat      : 1/PL.02.2-SD/5271/III/2026\nSurat            : " in out.stdout
    made = json.loads(run.ok("surat", "buat", "pemberitahuan", "1", "--format", "json").stdout)
    (path,) = made["berkas"]
    assert made["nomor_surat"] == {path: "1/PL.02.2-SD/5271/III/2026"}  # (a copy: its number)
    original, copy = [r for r in surat_rows(ws) if r["jenis"] == "pemberitahuan"]
    assert original["keterangan"] == ""  # the agenda tells the copy from the letter sent
    assert copy["keterangan"].startswith("salinan, dibuat 2026-")  # (review agenda M2)
    catat(run, "--nama", "Siti", "--tanpa-surat")
    shown = json.loads(run.ok("permohonan", "putuskan", "2", "--keputusan", "diberikan",
                              "--tanggal", "2026-03-18", "--format", "json").stdout)  # fmt: skip
    assert list(shown["nomor_surat"].values()) == ["2/PL.02.2-SD/5271/III/2026"]


def test_a_letter_made_later_can_take_the_number_it_had_and_a_late_number_is_told(run, ws):
    # a step recorded --tanpa-surat got today's next number under its old date, and its real
    # number (from the office agenda) could not be given (review agenda M3)
    catat(run, "--tanpa-surat")
    catat(run, "--nama", "Siti", "--tanpa-surat")
    run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--tanggal", "2026-03-17",
           "--tanpa-surat")  # fmt: skip
    run.ok("permohonan", "putuskan", "2", "--keputusan", "diberikan", "--tanggal", "2026-03-18")
    out = run.ok(
        "surat", "buat", "pemberitahuan", "1", "--nomor-surat", "40/PL.02.2-SD/5271/III/2026"
    )
    assert surat_rows(ws)[-1]["nomor_surat"] == "40/PL.02.2-SD/5271/III/2026"
    run.ok("surat", "buat", "pemberitahuan", "1", "--nomor-surat", "040/PL.02.2-SD/5271/III/2026")
    assert surat_rows(ws)[-1]["nomor_surat"] == "40/PL.02.2-SD/5271/III/2026"  # (sesi31c L4)
    run.refused("surat", "buat", "pemberitahuan", "1", "--nomor-surat", "41/PL.02.2-SD/5271/III/2026",
                message="surat pemberitahuan 001/PPID/5271/III/2026 sudah bernomor "
                "40/PL.02.2-SD/5271/III/2026: salinannya memakai nomor itu")  # fmt: skip
    assert "Peringatan" not in out.stderr or "agenda tidak urut" not in out.stderr
    catat(run, "--nama", "Citra", "--tanpa-surat")
    said = run.ok("permohonan", "putuskan", "3", "--keputusan", "diberikan", "--tanggal",
                  "2026-03-17").stderr  # fmt: skip
    assert (
        "nomor surat 41/PL.02.2-SD/5271/III/2026 diberikan kepada surat bertanggal 2026-03-17, "
        "padahal agenda sudah memuat surat bertanggal 2026-03-18 dengan nomor lebih kecil (agenda "
        "tidak urut tanggal); nomor ini tetap — surat yang sudah bernomor di agenda kantor diberi "
        "nomornya saat langkahnya dicatat, dengan --nomor-surat NOMOR"
    ) in " ".join(said.split())


def _letters_numbered_by_the_office(ws) -> None:
    """[penomoran] surat = "": the general affairs section numbers the letters (README)."""
    path = ws.root / "ppidctl.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('surat = "{urut}/PL.02.2-SD/{kode}/{bulan_romawi}/{tahun}"',
                                 'surat = ""'), encoding="utf-8")  # fmt: skip


def test_a_letter_without_a_number_pattern_says_it_has_none(run, ws):
    # [penomoran] surat = "" (the general affairs section numbers letters): it went out with a
    # dotted blank and no word (review agenda M4); its number is given with surat buat
    _letters_numbered_by_the_office(ws)
    catat(run, "--tanpa-surat")
    said = run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--tanggal",
                  "2026-03-17").stderr  # fmt: skip
    assert (
        "surat pemberitahuan 001/PPID/5271/III/2026 tanpa nomor surat (pola [penomoran] surat "
        "kosong)"
    ) in " ".join(said.split())
    run.ok("surat", "buat", "pemberitahuan", "1", "--nomor-surat", "12/KPU/III/2026")
    blank, sent = [r for r in surat_rows(ws) if r["jenis"] == "pemberitahuan"]
    # the numbered letter is the one sent, not a copy; the blank one says so (sesi31c M4)
    assert (sent["nomor_surat"], sent["keterangan"]) == ("12/KPU/III/2026", "")
    assert blank["keterangan"] == "diganti surat bernomor 12/KPU/III/2026"
    assert run.ok("periksa").stdout == ""


def test_a_case_is_found_by_the_number_of_its_letter(run, ws):
    # a letter cited by number at a hearing led to no case: --cari did not look in the agenda
    # (review agenda M6)
    catat(run, "--tanpa-surat")
    catat(run, "--nama", "Siti", "--tanpa-surat")
    run.ok("permohonan", "putuskan", "2", "--keputusan", "diberikan", "--tanggal", "2026-03-17")
    found = json.loads(run.ok("permohonan", "daftar", "--cari", "1/pl.02.2-sd/5271/iii",
                              "--format", "json").stdout)  # fmt: skip
    assert [r["nomor_registrasi"] for r in found] == ["002/PPID/5271/III/2026"]


def test_surat_daftar_lists_the_agenda_by_date_and_number(run, ws):
    # the agenda was reachable only as a raw CSV (review agenda M6)
    catat(run, "--tanpa-surat")
    catat(run, "--nama", "Siti", "--tanpa-surat")
    run.ok("permohonan", "putuskan", "2", "--keputusan", "diberikan", "--tanggal", "2026-03-18")
    run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--tanggal", "2026-03-17")
    run.ok("surat", "buat", "pemberitahuan", "2")
    rows = json.loads(run.ok("surat", "daftar", "--format", "json").stdout)
    assert [(r["nomor_surat"], r["nomor_registrasi"], r["keterangan"][:7]) for r in rows] == [
        ("2/PL.02.2-SD/5271/III/2026", "001/PPID/5271/III/2026", ""),
        ("1/PL.02.2-SD/5271/III/2026", "002/PPID/5271/III/2026", ""),
        ("1/PL.02.2-SD/5271/III/2026", "002/PPID/5271/III/2026", "salinan"),
    ]
    found = json.loads(run.ok("surat", "daftar", "--cari", "001/ppid", "--format", "json").stdout)
    assert [r["nomor_surat"] for r in found] == ["2/PL.02.2-SD/5271/III/2026"]
    assert (
        run.ok("surat", "daftar", "--bulan", "2026-04", "--format", "json").stdout.strip() == "[]"
    )
    copies = json.loads(run.ok("surat", "daftar", "--cari", "salinan", "--format", "json").stdout)
    assert [r["keterangan"][:7] for r in copies] == ["salinan"]  # (sesi31c N3)
    assert run.ok("surat", "daftar", "--format", "csv").stdout.startswith(
        "nomor_surat,tanggal,jenis,register,nomor_registrasi,berkas,petugas,keterangan,perihal,"
        "tujuan"
    )
    # what an outgoing-letter book has: the subject and to whom, found by name too (agenda M6)
    (siti,) = {
        (r["perihal"], r["tujuan"])
        for r in json.loads(run.ok("surat", "daftar", "--cari", "siti", "--format", "json").stdout)
    }
    assert siti == ("Pemberitahuan Tertulis", "Siti")
    # a case deleted (the deletion accepted) is said gone, not an empty addressee (32d2 L4);
    # a case register unreadable leaves the agenda readable (32d2 L3)
    _drop_case(ws, "002/PPID/5271/III/2026")
    run.ok("periksa", "--terima-perubahan", "--catatan", "salah catat")
    rows = json.loads(run.ok("surat", "daftar", "--format", "json").stdout)
    assert {r["tujuan"] for r in rows if r["nomor_registrasi"].startswith("002")} == {
        "(perkara tidak ada lagi di register)"
    }
    ws.register_path("permohonan").write_bytes(b"\xff\xfe")
    rows = json.loads(run.ok("surat", "daftar", "--format", "json").stdout)
    assert {r["tujuan"] for r in rows} == {"(register permohonan tidak terbaca)"}


def test_a_letter_made_again_under_a_corrected_date_is_marked(run, ws):
    # README "Tanggal keliru": one number, two dates, the row of the wrong date unmarked
    # (review agenda M2)
    catat(run, "--tanpa-surat")
    run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--tanggal", "2026-03-18")
    path = ws.register_path("permohonan")
    path.write_text(path.read_text(encoding="utf-8").replace(",2026-03-18,", ",2026-03-17,"),
                    encoding="utf-8")  # fmt: skip
    run.ok("periksa", "--terima-perubahan", "--perbaiki-tenggat", "--catatan", "salah ketik")
    run.ok("surat", "buat", "pemberitahuan", "1")
    first, again = [r for r in surat_rows(ws) if r["jenis"] == "pemberitahuan"]
    assert (first["tanggal"], again["tanggal"]) == ("2026-03-18", "2026-03-17")
    assert first["nomor_surat"] == again["nomor_surat"]
    assert "tanggal berbeda dari surat sebelumnya" in again["keterangan"]


def test_a_letter_of_a_step_redone_after_batalkan_gets_its_own_number(run, ws):
    # the redone step recorded --tanpa-surat, its letter made later took the VOID letter's number
    # (a copy of it, as it were), and no other could be given (review sesi31c M1)
    voided = _voided_notification(run, ws)
    (void,) = [r for r in surat_rows(ws) if r["berkas"].endswith(voided.name)]
    run.refused(  # the voided letter's number typed for the redone step (review sesi31d L1)
        "permohonan", "putuskan", "1", "--keputusan", "diberikan", "--tanggal", "2026-03-18",
        "--nomor-surat", void["nomor_surat"],
        message=f"nomor surat {void['nomor_surat']} sudah dipakai: {void['nomor_surat']} untuk "
        "surat pemberitahuan 001/PPID/5271/III/2026 tanggal 2026-03-17, surat yang dibatalkan: "
        "perkara keliru",  # (which one, said: it is the case being redone — sesi32 L1, 32b N2)
    )  # fmt: skip
    run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--tanggal", "2026-03-18",
           "--tanpa-surat")  # fmt: skip
    run.ok("surat", "buat", "pemberitahuan", "1")
    live = surat_rows(ws)[-1]
    assert void["keterangan"].startswith("batal: ")
    assert live["nomor_surat"] != void["nomor_surat"] and live["keterangan"] == ""
    run.refused(  # nor typed here: the copy keeps the live letter's number
        "surat", "buat", "pemberitahuan", "1", "--nomor-surat", void["nomor_surat"],
        message=f"surat pemberitahuan 001/PPID/5271/III/2026 sudah bernomor {live['nomor_surat']}",
    )  # fmt: skip


def test_letters_made_late_in_a_batch_are_numbered_in_date_order(run, ws):
    # surat buat --semua numbered them in registration order: the batch put its own agenda
    # out of date order and warned once per letter (review sesi31c L3)
    for nama in ("A", "B", "C"):
        catat(run, "--nama", nama, "--tanpa-surat")
    for n, day in (("1", "2026-03-19"), ("2", "2026-03-17"), ("3", "2026-03-18")):
        run.ok("permohonan", "putuskan", n, "--keputusan", "diberikan", "--tanggal", day,
               "--tanpa-surat")  # fmt: skip
    out = run.ok("surat", "buat", "pemberitahuan", "--semua", "--bulan", "2026-03")
    assert "agenda tidak urut tanggal" not in out.stderr
    made = {r["nomor_registrasi"][:3]: r["nomor_surat"][:2] for r in surat_rows(ws)}
    assert made == {"002": "1/", "003": "2/", "001": "3/"}


def test_batalkan_voids_the_copies_of_the_letter_too(run, ws):
    # the copy made before the voiding kept the letter's number unmarked: periksa then saw the
    # voided letter and its own copy as two letters under one number (review sesi32 M1)
    catat(run, "--tanpa-surat")
    before = (ws.registers_dir / "permohonan.csv").read_bytes()
    run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--tanggal", "2026-03-17")
    run.ok("surat", "buat", "pemberitahuan", "1")
    (ws.registers_dir / "permohonan.csv").write_bytes(before)
    run.ok("periksa", "--terima-perubahan", "--batalkan", "1", "--catatan", "perkara keliru")
    original, copy = surat_rows(ws)
    assert original["keterangan"] == "batal: perkara keliru"
    assert copy["keterangan"].startswith("batal: perkara keliru (salinan, dibuat 2026-")
    assert run.ok("periksa").exit_code == 0
    # a copy left unmarked (voided before the copies were marked too) is told, not passed as
    # one letter with its original in silence (review sesi32b N3)
    path = ws.registers_dir / "surat.csv"
    unmarked = copy["keterangan"].removeprefix("batal: perkara keliru (").removesuffix(")")
    path.write_text(path.read_text(encoding="utf-8").replace(copy["keterangan"], unmarked),
                    encoding="utf-8")  # fmt: skip
    run.ok("periksa", "--terima-perubahan", "--catatan", "keadaan sebelum pembaruan")
    said = run("periksa")
    assert said.exit_code == 1 and (
        "salinan surat pemberitahuan 001/PPID/5271/III/2026, surat yang dibatalkan: perkara "
        "keliru (" in " ".join(said.stdout.split())
    )
    path.write_text(path.read_text(encoding="utf-8").replace(unmarked, "batal: salinan juga"),
                    encoding="utf-8")  # fmt: skip
    run.ok("periksa", "--terima-perubahan", "--catatan", "salinannya ditandai batal")
    assert run.ok("periksa").exit_code == 0


def test_a_voided_letter_is_one_with_its_copies_not_with_the_letter_made_again():
    from ppidctl.schema import same_letter

    letter = {"jenis": "pemberitahuan", "nomor_registrasi": "001/PPID/5271/III/2026"}
    void = {**letter, "keterangan": "batal: perkara keliru"}
    # a copy left unmarked (voided before sesi32 M1), or the original marked void by hand
    assert same_letter(void, {**letter, "keterangan": "salinan, dibuat 2026-03-20"})
    assert not same_letter(void, {**letter, "keterangan": ""})  # the step recorded again
    assert not same_letter(letter, {**letter, "jenis": "perpanjangan"})


def test_a_copy_of_the_letter_made_again_is_no_copy_of_the_voided_one(run, ws):
    # with letters numbered in the office's own agenda (surat = ""), a copy of the letter made
    # again was told as a copy of the voided one, "jangan dikirim" (review sesi32d2 M3)
    _letters_numbered_by_the_office(ws)

    def decided_voided_and_again(n: str, first: str, again: str, catatan: str) -> None:
        """Decision n recorded on ``first``, put back by hand and voided, recorded again on
        ``again``; its letter made again: periksa finds nothing."""
        before = (ws.registers_dir / "permohonan.csv").read_bytes()
        run.ok("permohonan", "putuskan", n, "--keputusan", "diberikan", "--tanggal", first)
        (ws.registers_dir / "permohonan.csv").write_bytes(before)
        run.ok("periksa", "--terima-perubahan", "--batalkan", n, "--catatan", catatan)
        run.ok("permohonan", "putuskan", n, "--keputusan", "diberikan", "--tanggal", again)
        run.ok("surat", "buat", "pemberitahuan", n)
        assert run.ok("periksa").exit_code == 0

    catat(run, "--tanpa-surat")
    decided_voided_and_again("1", "2026-03-17", "2026-03-18", "perkara keliru")
    # redone the same day: one key for both, the copy is the valid letter's (sesi32e M1)
    catat(run, "--nama", "Siti", "--tanpa-surat")
    decided_voided_and_again("2", "2026-03-19", "2026-03-19", "keputusan keliru")
