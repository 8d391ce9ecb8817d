"""``periksa``, ``pulihkan``, ``arsip``: the journal proves the registers, and repairs go through it."""

from __future__ import annotations

import errno
import json
import multiprocessing
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ppidctl.integrity import check
from ppidctl.integrity import model as m
from ppidctl.integrity.check import parse as parse_register
from ppidctl.store import journal
from ppidctl.store.lock import workspace_lock
from ppidctl.store.table import read_table
from ppidctl.workspace import Workspace, init

from conftest import REQUEST, SHARED, UJI, Runner, snapshot
from helpers_docx import docx_text

N1, N2, N3 = (f"00{i}/PPID/5271/III/2026" for i in (1, 2, 3))


def catat(run, nama: str = "Pemohon", day: str = "2026-03-16", *extra: str):
    return run.ok(
        "permohonan", "catat", *REQUEST, "--nama", nama, "--tanggal", day, "--tanpa-surat", *extra
    )


def three(run) -> None:
    for nama in ("Ani", "Budi", "Citra"):
        catat(run, nama)


def codes(ws) -> list[str]:
    return check(ws).codes()


def lines_of(result) -> list[str]:
    return [line for line in result.stdout.splitlines() if line]


def periksa_fails(run, *args: str):
    result = run("periksa", *args)
    assert result.exit_code == 1, (result.output, result.exception)
    assert isinstance(result.exception, SystemExit)
    return result


@pytest.fixture
def busy(run, ws, today):
    """A workspace that went through every kind of step, letters included."""
    today("2026-05-29")
    catat(run, "Ani", "2026-03-02")
    run.ok("permohonan", "catat", *REQUEST, "--nama", "Budi", "--tanggal", "2026-03-03")
    catat(run, "Citra", "2026-03-04")
    run.ok("kalender", "tambah", "2026-06-02", "--keterangan", "Libur kantor")
    catat(run, "Dedi", "2026-05-20")
    run.ok("permohonan", "teruskan", "1", "--tanggal", "2026-03-03")
    run.ok(
        "permohonan", "perpanjang", "1", "--alasan", "Arsip di gudang", "--tanggal", "2026-03-10"
    )
    run.ok(
        "permohonan",
        "putuskan",
        "1",
        "--keputusan",
        "diberikan-sebagian",
        "--penjelasan",
        "NIK dihitamkan",
        "--tanggal",
        "2026-03-20",
    )
    run.ok("permohonan", "selesai", "1", "--tanggal", "2026-03-23")
    run.ok(
        "permohonan",
        "putuskan",
        "2",
        "--keputusan",
        "ditolak",
        "--pasal",
        "Pasal 17 huruf h",
        "--sk-pengecualian",
        "Keputusan KPU 1/2026",
        "--uji-konsekuensi",
        UJI,
        "--tanggal",
        "2026-03-10",
        "--tanpa-surat",
    )
    run.ok(
        "keberatan",
        "catat",
        "--permohonan",
        N2,
        "--alasan",
        "a",
        "--kasus-posisi",
        "Penolakan tidak berdasar",
        "--dokumen",
        "formulir,identitas",
        "--tanggal",
        "2026-03-16",
    )
    run.ok("keberatan", "teruskan", "1", "--tanggal", "2026-03-17")
    return ws


# -- clean, and the journal explains every byte ---------------------------------------------


def test_a_busy_workspace_is_clean_and_its_journal_rebuilds_every_register(busy, run):
    result = run.ok("periksa")
    assert result.stdout == ""
    assert "Tidak ada masalah" in result.stderr
    last = busy.journal_path.read_bytes().splitlines()[-1]
    assert journal.line_hash(last) in result.stderr  # the anchor auditors write down
    for name in ("permohonan", "keberatan", "surat", "libur"):
        path = busy.register_path(name)
        original = path.read_bytes()
        path.unlink()
        assert [p.kode for p in check(busy).problems] == [m.REGISTER_HILANG]
        run.ok("pulihkan")
        assert path.read_bytes() == original, name  # rebuilt from the journal, byte for byte
    assert codes(busy) == []


def test_every_commit_records_the_register_before_and_after(run, ws):
    three(run)
    entries = [json.loads(x) for x in ws.journal_path.read_bytes().splitlines()]
    for prev, entry in zip(entries[1:], entries[2:], strict=False):
        assert (
            entry["register_sha256_sebelum"]["permohonan"] == prev["register_sha256"]["permohonan"]
        )
    assert all(e["transaksi"]["ke"] == e["transaksi"]["dari"] == 1 for e in entries)


# -- hand edits ------------------------------------------------------------------------------


def test_a_hand_edit_is_listed_with_row_and_field_then_accepted_with_a_note(run, ws):
    three(run)
    path = ws.register_path("permohonan")
    path.write_bytes(path.read_bytes().replace(b"Budi", b"Budi Santoso S.H."))
    result = periksa_fails(run)
    assert lines_of(result) == [
        f"registers/permohonan.csv:3: {N2}: kolom nama_pemohon diubah di luar ppidctl: jurnal "
        "'Budi', berkas 'Budi Santoso S.H.' — bila disengaja: ppidctl periksa --terima-perubahan "
        "--catatan TEKS; bila tidak: ppidctl pulihkan --register permohonan"
    ]
    assert "1 masalah ditemukan" in result.stderr
    # pulihkan alone puts back only what a command left half done: it names the register to give
    told = run.ok("pulihkan").stderr
    assert "Masih ada 1 masalah lain; lihat: ppidctl periksa; ppidctl pulihkan --register " in told
    run.refused("periksa", "--terima-perubahan", message="wajib disertai alasan")
    run.usage("periksa", "--catatan", "x", message="--catatan hanya dipakai bersama")
    run.usage("periksa", "--batalkan", N1, message="--batalkan hanya dipakai bersama")
    before = path.read_bytes()
    run.ok("periksa", "--terima-perubahan", "--catatan", "Nama lengkap sesuai KTP")
    assert path.read_bytes() == before  # accepting changes only the journal
    last = json.loads(ws.journal_path.read_bytes().splitlines()[-1])
    assert last["perintah"] == "periksa --terima-perubahan" and last["aksi"] == "ubah"
    assert last["perubahan"] == {"nama_pemohon": ["Budi", "Budi Santoso S.H."]}
    assert last["catatan"] == "Nama lengkap sesuai KTP"
    assert run.ok("periksa").stdout == ""
    # the history of the row shows the accepted edit
    riwayat = run.ok("permohonan", "lihat", "2", "--format", "json").stdout
    assert "Nama lengkap sesuai KTP" in riwayat
    # and later commands build on it normally
    run.ok("permohonan", "teruskan", "2", "--tanggal", "2026-03-17")
    assert codes(ws) == []


def test_rows_added_or_deleted_by_hand(run, ws):
    three(run)
    path = ws.register_path("permohonan")
    rows = path.read_bytes().split(b"\r\n")
    forged = rows[3].replace(b"003/", b"004/").replace(b"Citra", b"Palsu")
    path.write_bytes(b"\r\n".join([rows[0], rows[1], rows[3], forged, b""]))
    result = periksa_fails(run)
    assert lines_of(result) == [
        "registers/permohonan.csv:4: 004/PPID/5271/III/2026: baris tidak tercatat di jurnal "
        "(ditambahkan di luar ppidctl) — bila disengaja: ppidctl periksa --terima-perubahan "
        "--catatan TEKS; bila tidak: ppidctl pulihkan --register permohonan",
        f"registers/permohonan.csv: {N2}: baris hilang dari register (dicatat di jurnal baris 3, "
        "dihapus di luar ppidctl) — bila disengaja: ppidctl periksa --terima-perubahan --catatan "
        "TEKS; bila tidak: ppidctl pulihkan --register permohonan",
    ]
    # undo: the register as the journal has it, the edited file kept beside it
    edited = path.read_bytes()
    out = run.ok("pulihkan", "--register", "permohonan").stdout
    assert "dikembalikan seperti dalam jurnal" in out
    (aside,) = ws.registers_dir.glob("permohonan.rusak-*.csv")
    assert aside.read_bytes() == edited
    assert codes(ws) == []
    assert [r["nama_pemohon"] for r in ws.read("permohonan").rows] == ["Ani", "Budi", "Citra"]
    last = json.loads(ws.journal_path.read_bytes().splitlines()[-1])
    assert {d["nomor"] for d in last["dibuang"]} == {N2, "004/PPID/5271/III/2026"}


def test_an_accepted_deletion_explains_the_gap_in_the_numbers(run, ws):
    three(run)
    path = ws.register_path("permohonan")
    rows = path.read_bytes().split(b"\r\n")
    path.write_bytes(b"\r\n".join([rows[0], rows[1], rows[3], b""]))
    assert codes(ws) == [m.BARIS_HILANG]
    run.ok("periksa", "--terima-perubahan", "--catatan", "Permohonan ganda, dihapus atas izin PPID")
    assert codes(ws) == []
    assert catat(run, "Dedi").stdout.startswith("Nomor registrasi : 004/")  # never reused


def test_an_edit_followed_by_a_command_is_still_caught(run, ws):
    three(run)
    path = ws.register_path("permohonan")
    path.write_bytes(path.read_bytes().replace(b"Penelitian", b"Skripsi", 1))
    # the step goes through (the desk is never stuck), and says what rode along with it
    said = run.ok("permohonan", "teruskan", "2", "--tanggal", "2026-03-17").stderr
    assert "Peringatan: register permohonan memuat perubahan di luar ppidctl yang belum " in said
    assert "ppidctl periksa" in said
    result = periksa_fails(run)
    assert lines_of(result)[0].startswith(
        f"registers/permohonan.csv:2: {N1}: kolom tujuan_penggunaan diubah di luar ppidctl: "
        "jurnal 'Penelitian', berkas 'Skripsi'"
    )
    assert lines_of(result)[1].startswith(
        "registers/jurnal.jsonl:5: register permohonan diubah di luar ppidctl sebelum perintah "
        "'permohonan teruskan'"
    )
    run.ok("periksa", "--terima-perubahan", "--catatan", "Tujuan dikoreksi pemohon")
    assert codes(ws) == []


def test_line_endings_alone_are_told_both_ways_and_with_a_cell_on_two_lines(run, ws):
    # an address typed on two lines kept its LF inside the cell, so a checkout turning the
    # register LF was an "Excel edit"; so was one turning an LF register (accepted so) CRLF; and
    # the refusal named one register a run (review sesi33c L1, L2, N1)
    args = [a if a != "Jl. Pejanggik 1, Mataram" else "Jl. A\nBlok B" for a in REQUEST]
    run.ok("permohonan", "catat", *args, "--tanggal", "2026-03-16")
    for name in ("permohonan", "surat"):
        path = ws.register_path(name)
        path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n"))
    refused = run.refused("permohonan", "putuskan", "1", "--keputusan", "diberikan",
                          "--tanggal", "2026-03-17",  # (a letter: the agenda written too)
                          message="registers/permohonan.csv, registers/surat.csv: hanya akhir "
                          "barisnya yang berubah")  # fmt: skip
    assert "pulihkan --register permohonan; ppidctl pulihkan --register surat" in refused.stderr
    run.ok("periksa", "--terima-perubahan", "--catatan", "disimpan dengan LF")  # (accepted so)
    path = ws.register_path("permohonan")
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))  # a Windows checkout
    run.refused("permohonan", "teruskan", "1", "--tanggal", "2026-03-17",
                message="registers/permohonan.csv: hanya akhir barisnya yang berubah")  # fmt: skip
    assert "hanya akhir barisnya" in str(check(ws).problems[0])


def test_a_resaved_register_with_the_same_content(run, ws):
    three(run)
    path = ws.register_path("permohonan")
    lines = path.read_bytes().split(b"\r\n")
    path.write_bytes(b"\r\n".join([lines[0], lines[2], lines[1], lines[3], b""]))
    assert codes(ws) == [m.DISIMPAN_ULANG]
    run.ok("periksa", "--terima-perubahan", "--catatan", "Diurutkan di Excel")
    assert codes(ws) == []


def test_a_register_whose_line_endings_alone_changed_is_told_so(run, ws):
    # a git checkout (autocrlf=input) gives the CSV back with LF: an honest copy, told as an
    # Excel re-save to accept with a catatan (review sinkron L1)
    three(run)
    path = ws.register_path("permohonan")
    data = path.read_bytes()
    path.write_bytes(data.replace(b"\r\n", b"\n"))
    (problem,) = check(ws).problems
    assert problem.kode == m.DISIMPAN_ULANG and "Excel" not in str(problem)
    assert (
        ": hanya akhir barisnya (CRLF/LF: git, editor teks, atau salinan dari komputer lain), "
        "isinya sama dengan jurnal — tulis ulang seperti jurnal: ppidctl pulihkan --register "
        "permohonan"
    ) in str(problem)
    # the listing and catat say the same (review sesi33 N1)
    warned = " ".join(run.ok("permohonan", "daftar").stderr.split())
    assert "register permohonan: hanya akhir barisnya yang berubah" in warned
    assert "Excel" not in warned and "ppidctl pulihkan --register permohonan" in warned
    said = "registers/permohonan.csv: hanya akhir barisnya yang berubah"
    for step in (
        ["catat", *REQUEST, "--tanggal", "2026-03-17"],
        ["teruskan", "1", "--tanggal", "2026-03-17"],  # (written on: an "Excel edit" — 33b L5)
    ):
        refused = run.refused("permohonan", *step, message=said)
        assert "terima-perubahan" not in refused.stderr
    run.ok("pulihkan", "--register", "permohonan")  # (its rows as the journal has them)
    assert (
        codes(ws) == []
        and ws.read("permohonan").rows == parse_register("permohonan", path, data).rows
    )


# -- the journal itself ------------------------------------------------------------------------


def test_an_edited_or_deleted_journal_line_breaks_the_chain(run, ws):
    three(run)
    good = ws.journal_path.read_bytes()
    lines = good.split(b"\n")
    lines[2] = lines[2].replace(b'"Budi"', b'"Bude"')
    ws.journal_path.write_bytes(b"\n".join(lines))
    result = periksa_fails(run)
    assert (
        "registers/jurnal.jsonl:4: rantai hash putus: baris ini tidak menyambung ke baris 3"
        in result.stdout
    )
    del lines[2]
    ws.journal_path.write_bytes(b"\n".join(lines))
    assert "registers/jurnal.jsonl:3: rantai hash putus" in periksa_fails(run).stdout
    ws.journal_path.write_bytes(good.split(b"\n", 1)[1])  # the first lines removed
    assert "baris pertama jurnal tidak diawali rantai kosong" in periksa_fails(run).stdout


def test_a_torn_journal_is_reported_refused_and_repaired(run, ws):
    catat(run, "Ani")
    saved = snapshot(ws.root)
    start = len(ws.journal_path.read_bytes())
    # a request with its receipt letter: two journal lines in one write
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16")
    full = ws.journal_path.read_bytes()
    assert full.count(b"\n") - full[:start].count(b"\n") == 2
    boundary = full.index(b"\n", start) + 1
    for cut in sorted(
        {start + 1, start + 100, boundary - 1, boundary, boundary + 5, len(full) - 1}
    ):
        for p in ws.letters_dir.rglob("*.docx"):
            p.unlink()
        for rel, data in saved.items():  # power cut: registers not yet replaced
            (ws.root / rel).write_bytes(data)
        ws.journal_path.write_bytes(full[:cut])
        found = check(ws).problems
        assert [p.kode for p in found] == [m.JURNAL_TERPOTONG], (cut, found)
        assert found[0].baris == 3 and "ppidctl pulihkan" in found[0].saran
        run.refused(
            "permohonan",
            "catat",
            *REQUEST,
            "--tanggal",
            "2026-03-16",
            message="baris terakhir jurnal terpotong",
        )
        out = run.ok("pulihkan").stdout
        assert out.startswith("registers/jurnal.jsonl:3: ")
        (aside,) = ws.registers_dir.glob("jurnal.rusak-*.txt")
        assert aside.read_bytes() == full[start:cut]
        cut_line = json.loads(ws.journal_path.read_bytes().splitlines()[-1])["dipotong"]
        assert cut_line["sha256"] == journal.sha256_bytes(full[start:cut])  # (audit N1)
        aside.unlink()
        assert codes(ws) == [], cut
        assert ws.journal_path.read_bytes().startswith(full[:start])
    assert catat(run, "Budi").stdout.startswith("Nomor registrasi : 002/")


def test_a_change_journalled_but_not_written_is_rolled_forward(run, ws):
    three(run)
    before = snapshot(ws.root)
    run.ok("permohonan", "catat", *REQUEST, "--nama", "Dedi", "--tanggal", "2026-03-16")
    after = snapshot(ws.root)
    for rel in ("registers/permohonan.csv", "registers/surat.csv"):  # died before replacing
        (ws.root / rel).write_bytes(before[rel])
    result = periksa_fails(run)
    cancel = (  # (one row added: it may also be a duplicate deleted by hand, if named)
        "; hanya bila baris 004/PPID/5271/III/2026 sengaja dihapus di luar ppidctl (perkara "
        "ganda): ppidctl periksa --terima-perubahan --batalkan 004/PPID/5271/III/2026 --catatan TEKS"
    )
    assert lines_of(result) == [
        f"{rel}: perubahan terakhir (permohonan catat 004/PPID/5271/III/2026, jurnal baris 5) "
        "sudah tercatat di jurnal tetapi belum tertulis ke register (perintah terhenti di "
        "tengah jalan) — terapkan dengan: ppidctl pulihkan" + more
        for rel, more in (("registers/permohonan.csv", cancel), ("registers/surat.csv", ""))
    ]
    run.refused("permohonan", "teruskan", "1", message="belum tertulis ke register")
    warned = " ".join(run.ok("permohonan", "daftar").stderr.split())  # (not "Excel": rusak L3)
    assert (
        "Peringatan: perubahan terakhir pada register permohonan sudah tercatat di "
        "jurnal tetapi belum tertulis ke register (perintah terhenti di tengah jalan): yang "
        "ditampilkan belum memuatnya — selesaikan dengan: ppidctl pulihkan"
    ) in warned and "Excel" not in warned
    # the next request: 004's receipt is in letters/, and was taken for an old archive's
    # letter, without pulihkan in the advice (review rusak M1: a disk full, a power cut)
    refused = run.refused(
        "permohonan", "catat", *REQUEST, "--nama", "Eka", "--tanggal", "2026-03-16",
        message="registers/permohonan.csv: perubahan terakhir pada register ini sudah tercatat "
        "di jurnal tetapi belum tertulis ke register",
    )  # fmt: skip
    assert "ppidctl pulihkan" in refused.stderr and "arsip lama" not in refused.stderr
    out = run.ok("pulihkan").stdout
    assert "registers/permohonan.csv: perubahan jurnal baris 5 (permohonan catat) diterapkan" in out
    for rel in ("registers/permohonan.csv", "registers/surat.csv"):
        assert (ws.root / rel).read_bytes() == after[rel]  # exactly what the command would write
    assert codes(ws) == []
    run.ok("permohonan", "teruskan", "4", "--tanggal", "2026-03-17")


def test_a_day_off_journalled_but_not_written_to_a_register_asks_for_pulihkan_alone(run, ws):
    # periksa also advised --perbaiki-tenggat for the deadlines the unwritten change moves,
    # which then refused: pulihkan alone finishes it (review rusak L3)
    three(run)
    before = ws.register_path("permohonan").read_bytes()
    run.ok("kalender", "tambah", "2026-03-25", "--keterangan", "Banjir, kantor tutup")
    ws.register_path("permohonan").write_bytes(before)  # (libur.csv written, this one not)
    assert codes(ws) == [m.BELUM_DITERAPKAN]
    run.ok("pulihkan")
    assert codes(ws) == []


def test_temp_files_of_an_interrupted_command(run, ws):
    three(run)
    (ws.registers_dir / ".permohonan.csv.abc123.tmp").write_bytes(b"half")
    (ws.letters_dir / "2026").mkdir()
    (ws.letters_dir / "2026" / ".x.docx.k9.tmp").write_bytes(b"")
    (ws.root / ".ppidctl.toml.t1.tmp").write_bytes(b"half")  # (tahapan tambah)
    # a report being written into the workspace folder (--keluaran laporan.xlsx) is no debris:
    # periksa called it one and a pulihkan meanwhile deleted it under the report's feet
    writing = ws.root / ".laporan-2026-03.xlsx.q7.tmp"
    writing.write_bytes(b"PK")
    assert codes(ws) == [m.BERKAS_SEMENTARA] * 3
    run.ok("pulihkan")
    assert codes(ws) == [] and writing.read_bytes() == b"PK"


def test_a_damaged_register_is_rebuilt_and_kept_aside(run, ws):
    three(run)
    path = ws.register_path("permohonan")
    good = path.read_bytes()
    path.write_bytes(good + "004,2026-03-16,Andr\xe9\r\n".encode("cp1252"))
    found = check(ws).problems
    assert [p.kode for p in found] == [m.REGISTER_RUSAK]
    assert "bukan teks UTF-8" in found[0].pesan
    run.ok("pulihkan")
    assert path.read_bytes() == good
    (aside,) = ws.registers_dir.glob("permohonan.rusak-*.csv")
    assert aside.read_bytes().startswith(good)
    assert stat.S_IMODE(aside.stat().st_mode) == 0o640


def test_nothing_to_restore(run, ws):
    three(run)
    before = snapshot(ws.root)
    result = run.ok("pulihkan")
    assert result.stdout == "" and "Tidak ada yang perlu dipulihkan" in result.stderr
    assert run.ok("pulihkan", "--register", "keberatan").stdout.endswith("tidak diubah\n")
    assert snapshot(ws.root) == before
    run.usage("pulihkan", "--register", "rahasia", message="--register 'rahasia' tidak dikenal")


# -- rules over the rows ---------------------------------------------------------------------


def _edit(ws, register: str, nomor: str, **changes: str) -> None:
    from ppidctl.store.table import read_table
    from ppidctl.store.transaction import write_atomic

    table = read_table(register, ws.register_path(register))
    (i,) = [i for i, r in enumerate(table.rows) if r["nomor_registrasi"] == nomor]
    table.update(i, changes)
    write_atomic(table.path, table.to_bytes(), 0o640)


def _delete_row(ws, register: str, nomor: str) -> None:
    from ppidctl.store.table import read_table
    from ppidctl.store.transaction import write_atomic

    path = ws.register_path(register)
    table = read_table(register, path)
    keep = [r for r in table.rows if r["nomor_registrasi"] != nomor]
    new = parse_register(register, path, path.read_bytes().split(b"\r\n")[0] + b"\r\n")
    for r in keep:
        new.append(r)
    write_atomic(path, new.to_bytes(), 0o640)


#: the hand edit itself, as periksa reports it (not a rule over the rows)
EDIT_CODES = (m.DIUBAH_DI_LUAR, m.BARIS_TIDAK_TERCATAT, m.BARIS_HILANG, m.DISIMPAN_ULANG)


def _rules(ws) -> list[str]:
    """The problems besides the hand edit itself (accepted first, unless it holds a value that
    cannot stand in the register, or breaks its case's steps: then refused, and the edit's own
    findings left out here)."""
    result = Runner(ws.root)("periksa", "--terima-perubahan", "--catatan", "uji")
    refused = any(
        why in result.stderr
        for why in ("memuat nilai yang tidak sah", "membuat langkah perkara tidak sesuai")
    )
    assert refused or "diterima" in result.stderr
    assert result.exit_code == (1 if refused else 0)  # (accepted: done, the rest still listed)
    return [str(p) for p in check(ws).problems if p.kode not in EDIT_CODES]


def test_an_edit_that_breaks_its_cases_steps_is_not_accepted(run, ws):
    """Each cell valid, the case not: a rejection turned into a grant with its status left
    'selesai' was accepted, and the case dropped out of jatuh-tempo and the reports' awaiting
    delivery; a grant keeping the rejection's Pasal 17 put it in the register book (review
    koreksi H5). Refused, naming what to complete; the completed edit is accepted."""
    three(run)
    run.ok("permohonan", "putuskan", "1", "--keputusan", "ditolak", "--pasal",
           "Pasal 17 huruf h angka 2", "--sk-pengecualian", "SK 12/2026", "--uji-konsekuensi",
           "data pribadi", "--tanggal", "2026-03-17", "--tanpa-surat")  # fmt: skip
    _edit(ws, "permohonan", N1, keputusan="diberikan")
    res = run.refused(
        "periksa", "--terima-perubahan", "--catatan", "salah keputusan",
        message="suntingan yang akan diterima membuat langkah perkara tidak sesuai: "
        f"registers/permohonan.csv:2: {N1}: selesai dengan informasi diberikan tetapi "
        "tanggal_selesai (penyerahan) kosong",
    )  # fmt: skip
    for col in ("alasan_penolakan", "uji_konsekuensi"):
        assert f"{N1}: {col} terisi padahal keputusan 'diberikan' tidak memakainya" in res.stderr
    assert "kembalikan barisnya seperti semula" in res.stderr
    _edit(ws, "permohonan", N1, status="diputuskan", alasan_penolakan="", sk_pengecualian="",
          uji_konsekuensi="")  # fmt: skip
    run.ok("periksa", "--terima-perubahan", "--catatan", "salah keputusan")
    assert codes(ws) == []
    assert ws.read("permohonan").rows[0]["keputusan"] == "diberikan"
    # a notification dated before the receipt: listed after the acceptance, accepted with exit 0
    # (review agenda L2)
    _edit(ws, "permohonan", N1, tanggal_pemberitahuan="2026-03-13")
    run.refused(
        "periksa", "--terima-perubahan", "--catatan", "tanggal salah ketik",
        message=f"registers/permohonan.csv:2: {N1}: tanggal_pemberitahuan 2026-03-13 sebelum "
        "tanggal_diterima 2026-03-16",
    )  # fmt: skip


def _objection_on_n2(run) -> str:
    """An objection (reason c: unanswered) on request 002, filed 8 April; its number."""
    made = run.ok("keberatan", "catat", "--permohonan", N2, "--alasan", "c", "--kasus-posisi",
                  "tidak dijawab", "--dokumen", "formulir,identitas", "--tanggal", "2026-04-08",
                  "--tanpa-surat", "--format", "json")  # fmt: skip
    return json.loads(made.stdout)["nomor_registrasi"]


def test_an_objection_keeps_the_copy_of_its_request(run, ws):
    """An objection copies its request's requester and information: the request's name
    corrected alone left the Atasan's reply addressed to the old name, an objection pointed at
    another request printed one person's name beside another's information — periksa silent
    (review koreksi H4). Refused until both agree."""
    three(run)
    k1 = _objection_on_n2(run)
    _edit(ws, "permohonan", N2, nama_pemohon="Budi Santoso")
    run.refused("periksa", "--terima-perubahan", "--catatan", "nama lengkap",
                message="keberatan menyimpan salinan data permohonannya: "
                f"registers/keberatan.csv:2: {k1}: nama_pemohon masih seperti permohonan {N2} "
                "sebelum disunting")  # fmt: skip
    _edit(ws, "keberatan", k1, nama_pemohon="Budi Santoso")
    run.ok("periksa", "--terima-perubahan", "--catatan", "nama lengkap")
    _edit(ws, "keberatan", k1, nomor_permohonan=N1)
    run.refused("periksa", "--terima-perubahan", "--catatan", "salah permohonan",
                message=f"{k1}: nama_pemohon tidak sama dengan permohonan {N1}")  # fmt: skip
    _edit(ws, "keberatan", k1, nomor_permohonan=N2)
    run.ok("permohonan", "putuskan", N2, "--keputusan", "diberikan", "--tanggal", "2026-04-09")
    _edit(ws, "permohonan", N2, status="terdaftar", keputusan="", tanggal_pemberitahuan="",
          terlambat="")  # fmt: skip
    run.refused("periksa", "--terima-perubahan", "--batalkan", N2, "--catatan", "batal",
                message=f"{k1}: diajukan atas permohonan {N2}, yang keputusan, "
                "tanggal_pemberitahuan-nya dikosongkan")  # fmt: skip
    run.ok("pulihkan", "--register", "permohonan")
    for n, said in (("", "(kosong) dihapus"),
                    ("099/PPID/5271/III/2026", "099/PPID/5271/III/2026 tidak ada di register")):  # fmt: skip
        _edit(ws, "keberatan", k1, nomor_permohonan=n)  # (review sesi28b M5)
        run.refused("periksa", "--terima-perubahan", "--catatan", "salah permohonan",
                    message=f"{k1}: nomor_permohonan {said}")  # fmt: skip


def test_an_edit_saved_by_excel_is_not_accepted_as_the_record(run, ws):
    # a CSV register saved by Excel: NIK 5.27101E+15, dates d/m/yyyy; accepted as deliberate,
    # the cases dropped out of every report and listing with nothing left to repair
    three(run)
    run.ok("permohonan", "teruskan", "1", "--tanggal", "2026-03-17")
    _edit(ws, "permohonan", N1, nik="5.27101E+15", tanggal_diterima="16/3/2026",
          nama_pemohon="Ani Suryani", telepon="81234567890")  # fmt: skip
    _edit(ws, "permohonan", N2, telepon="370631111")  # (LibreOffice: 0370631111 lost its 0)
    res = run.refused("periksa", "--terima-perubahan", "--catatan", "nama dilengkapi",
                      message="suntingan yang akan diterima memuat nilai yang tidak sah: "
                      f"registers/permohonan.csv:2: {N1}: kolom tanggal_diterima '16/3/2026' "
                      "bukan tanggal YYYY-MM-DD")  # fmt: skip
    assert f"{N1}: kolom nik '5.27101E+15' bukan NIK 16 angka" in res.stderr
    assert f"{N1}: kolom telepon '81234567890' bukan nomor telepon: angka 0" in res.stderr
    assert f"{N2}: kolom telepon '370631111' bukan nomor telepon: angka 0" in res.stderr
    assert "ppidctl pulihkan --register permohonan" in res.stderr
    _edit(ws, "permohonan", N1, nik="5271011203900001", tanggal_diterima="2026-03-16",
          telepon="081234567890")  # fmt: skip
    _edit(ws, "permohonan", N2, telepon="081234567890")
    run.ok("periksa", "--terima-perubahan", "--catatan", "nama dilengkapi")  # the name alone
    assert ws.read("permohonan").rows[0]["nama_pemohon"] == "Ani Suryani"


def test_another_desks_commit_in_flight_is_no_outside_edit(run, ws):
    """A listing read while another desk's commit had its journal line written and its register
    not yet (a few ms): "diubah di luar ppidctl", periksa clean right after — 2 of 156 listings
    in a three-desk run (review serentak M1). Read again while the lock is held; a difference
    that stays with nobody holding it is the file's, told as before."""
    import threading

    catat(run, "Ani")
    path = ws.register_path("permohonan")
    before = path.read_bytes()
    catat(run, "Budi")
    after = path.read_bytes()
    info = ws.registers_dir / ".kunci.info"
    said = "register permohonan diubah di luar ppidctl"

    def finish() -> None:  # (the other desk's commit: its register written, its lock let go)
        path.write_bytes(after)
        info.unlink()

    path.write_bytes(before)  # (as the commit in flight has it: journalled, not yet written)
    info.write_text("budi@meja-2 pid 4242 sejak 2026-03-16 09:00:00+08:00", encoding="utf-8")
    timer = threading.Timer(0.3, finish)
    timer.start()
    try:
        assert not run.ok("permohonan", "daftar").stderr
    finally:
        timer.join()
    path.write_bytes(before)  # (nobody holding the lock: the file's own difference, a commit
    # cut short — told as that, not as an Excel edit: review rusak L3)
    assert (
        "perubahan terakhir pada register permohonan sudah tercatat di jurnal tetapi belum "
        "tertulis" in run.ok("permohonan", "daftar").stderr
    )
    path.write_bytes(after[:-2] + b"x\r\n")  # (an edit of its own)
    assert said in run.ok("permohonan", "daftar").stderr
    path.write_bytes(after)


def test_lihat_reads_again_when_another_desk_commits_under_it(run, ws, monkeypatch):
    """Another desk's `teruskan` between `lihat` reading the row and reading its history: the
    row said 'terdaftar' under a history ending in 'permohonan teruskan' (review serentak L1).
    A read the journal grew under is read again."""
    from ppidctl.services import permohonan

    catat(run, "Ani")
    real = journal.history
    calls = []

    def meanwhile(*args, **kwargs):  # (the other desk's commit, once, mid-read)
        if not calls:
            permohonan.forward(Workspace.find(ws.root), N1, tanggal="2026-03-17", petugas="Budi")
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(journal, "history", meanwhile)
    shown = json.loads(run.ok("permohonan", "lihat", "1", "--format", "json").stdout)
    assert shown["riwayat"][-1]["perintah"] == "permohonan teruskan"
    row = shown["data"]
    assert (row["status"], row["diteruskan_pada"]) == ("diteruskan", "2026-03-17")


def test_listings_and_reports_say_a_register_was_changed_outside(run, ws):
    """A register saved again by Excel (dates 16/3/2026): periksa and every recording command
    caught it, but the monthly report counted 0 requests, jatuh-tempo left the cases out and
    daftar showed no deadline — exit 0, not a word. Listings now warn; a report refuses (its
    figures would be wrong), naming the way back."""
    three(run)
    said = "register permohonan diubah di luar ppidctl (mis. disimpan ulang di Excel)"
    assert said not in run.ok("permohonan", "daftar").stderr
    _edit(ws, "permohonan", N1, tanggal_diterima="16/3/2026")
    for args in (("permohonan", "daftar"), ("permohonan", "lihat", N2), ("jatuh-tempo",),
                 ("keberatan", "daftar"), ("ekspor", "--register", "permohonan")):  # fmt: skip
        result = run.ok(*args)
        assert f"Peringatan: {said}" in result.stderr and "ppidctl periksa" in result.stderr
    assert said not in run.ok("ekspor", "--register", "keberatan").stderr  # (not that one)
    # a letter printed from the edited row, an objection copying the request's data: told too
    assert said in run.ok("surat", "buat", "tanda-terima", N2).stderr
    made = run.ok("keberatan", "catat", "--permohonan", N2, "--alasan", "c", "--kasus-posisi",
                  "tidak dijawab", "--dokumen", "formulir,identitas", "--tanggal", "2026-04-08",
                  "--tanpa-surat")  # fmt: skip
    assert said in made.stderr
    run.refused("laporan", "bulanan", "--bulan", "2026-03",
                message="register permohonan: 1 tanggal bukan YYYY-MM-DD (kolom "
                "tanggal_diterima; mis. tanggal_diterima '16/3/2026'), jadi laporan akan salah "
                "hitung — register itu kemungkinan disimpan ulang di Excel")  # fmt: skip
    # a change kept without accepting it, then a step on another row: still told
    _edit(ws, "permohonan", N1, tanggal_diterima="2026-03-16", nama_pemohon="Ani S.")
    run.ok("permohonan", "teruskan", "2", "--tanggal", "2026-03-17")
    assert said in run.ok("permohonan", "daftar").stderr
    run.ok("periksa", "--terima-perubahan", "--catatan", "nama dilengkapi")
    assert said not in run.ok("laporan", "bulanan", "--bulan", "2026-03").stderr


def test_a_row_copied_in_excel_is_not_accepted(run, ws):
    """A line duplicated by copy and paste was accepted as the record ("baris tambahan
    diterima"): the case was stuck (lihat, teruskan refuse a number twice) and pulihkan, the
    way back the messages named, then had nothing to undo. One number, one case (rules.md §6)."""
    three(run)
    path = ws.register_path("permohonan")
    lines = path.read_bytes().split(b"\r\n")
    path.write_bytes(b"\r\n".join([*lines[:3], lines[2], *lines[3:]]))
    run.refused("periksa", "--terima-perubahan", "--catatan", "x",
                message=f"registers/permohonan.csv:4: {N2}: kolom nomor_registrasi '{N2}' ganda")  # fmt: skip
    run.ok("pulihkan", "--register", "permohonan")
    assert run.ok("permohonan", "lihat", N2).stdout and run.ok("periksa").stdout == ""


def test_a_receipt_date_corrected_without_its_time_is_not_accepted(run, ws):
    """README's recipe "Tanggal keliru" followed for a receipt recorded with its time: the date
    corrected alone was accepted, and periksa failed from then on (waktu_diterima still on the
    old day — review setahun F2). Refused, naming both; accepted once both agree."""
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-17T10:00", "--tanpa-surat")
    _edit(ws, "permohonan", N1, tanggal_diterima="2026-03-16")
    run.refused(
        "periksa", "--terima-perubahan", "--perbaiki-tenggat", "--catatan", "salah ketik",
        message=f"registers/permohonan.csv:2: {N1}: kolom waktu_diterima 2026-03-17T10:00+08:00 "
        "tidak pada tanggal_diterima 2026-03-16 (sunting keduanya)",
    )  # fmt: skip
    _edit(ws, "permohonan", N1, waktu_diterima="2026-03-16T10:00+08:00")
    run.ok("periksa", "--terima-perubahan", "--perbaiki-tenggat", "--catatan", "salah ketik")
    assert codes(ws) == []


def test_a_receipt_date_moved_into_another_month_is_told(run, ws):
    # 001/…/III/2026 received 16 March, corrected to 27 February: accepted (the number a case
    # was given is kept), but nothing said the number now states another month than its date
    # (review koreksi L4); a correction within the month says nothing
    three(run)
    _edit(ws, "permohonan", N1, tanggal_diterima="2026-02-27")
    out = run.ok("periksa", "--terima-perubahan", "--catatan", "diterima Februari").stderr
    assert (
        f"registers/permohonan.csv:2: {N1}: peringatan: nomor menyebut bulan III, "
        "tanggal_diterima kini 2026-02-27: nomornya tetap"
    ) in out
    _edit(ws, "permohonan", N2, tanggal_diterima="2026-03-13")
    assert "peringatan" not in run.ok("periksa", "--terima-perubahan", "--catatan", "x").stderr


def test_objection_reasons_typed_by_hand_are_judged_against_the_request(run, ws):
    """An objection's reasons typed into the register were not judged at all (review koreksi
    H4(c)): reason a on a request never rejected was accepted without a word. ``keberatan
    catat`` takes such a reason only with --paksa --catatan; an acceptance carries the office's
    note, so it is accepted the same way: told, and journalled as the check set aside. A
    request's decision edited under a standing objection is told the same way; a reason the
    history gives, and reasons already there, are not."""
    three(run)
    k1 = _objection_on_n2(run)
    _edit(ws, "keberatan", k1, alasan="a;c")
    out = run.ok("periksa", "--terima-perubahan", "--catatan", "alasan dari formulir").stderr
    said = (f"registers/keberatan.csv:2: {k1}: peringatan: alasan a berlaku bila permohonan "
            f"ditolak")  # fmt: skip
    assert said in out and f"tetapi permohonan {N2} belum diputuskan" in out
    assert "alasan c" not in out  # (c stands: the request went unanswered past its deadline)
    last = json.loads(ws.journal_path.read_text(encoding="utf-8").splitlines()[-1])
    assert any("alasan a berlaku" in p for p in json.dumps(last).split("pemeriksaan_diabaikan")[1:])
    _edit(ws, "keberatan", k1, catatan="dicek")  # (reasons unchanged: nothing told again)
    assert "peringatan" not in run.ok("periksa", "--terima-perubahan", "--catatan", "x").stderr
    _edit(ws, "permohonan", N2, status="diputuskan", keputusan="diberikan",
          tanggal_pemberitahuan="2026-03-20", terlambat="tidak")  # fmt: skip
    out = run.ok("periksa", "--terima-perubahan", "--catatan", "keputusan tercatat").stderr
    assert f"registers/permohonan.csv:3: {N2}: peringatan: keberatan {k1}: alasan c " in out
    assert codes(ws) == []


def test_a_request_its_objection_cites_cannot_be_deleted_by_hand(run, ws):
    """Deleting a request with an objection on it was accepted; periksa then reported the
    objection's missing request for ever, with fixes that cannot work (the number is retired)."""
    three(run)
    run.ok("keberatan", "catat", "--permohonan", "1", "--alasan", "c", "--kasus-posisi",
           "tidak dijawab", "--dokumen", "formulir,identitas", "--tanggal", "2026-04-08",
           "--tanpa-surat")  # fmt: skip
    _delete_row(ws, "permohonan", N1)
    run.refused("periksa", "--terima-perubahan", "--catatan", "x",
                message=f"registers/permohonan.csv: {N1}: baris dihapus padahal dirujuk "
                "keberatan 001/KEB/PPID/5271/IV/2026")  # fmt: skip
    run.ok("pulihkan", "--register", "permohonan")
    _delete_row(ws, "permohonan", N2)  # (one no objection cites: accepted as before)
    assert "diterima" in run.ok("periksa", "--terima-perubahan", "--catatan", "ganda").stderr


def test_numbers_duplicate_gap_and_year(run, ws, today):
    today("2026-05-29")
    for _ in range(4):
        catat(run)
    _edit(ws, "permohonan", "004/PPID/5271/III/2026", nomor_registrasi="007/PPID/5271/III/2026")
    _edit(ws, "permohonan", N2, nomor_registrasi=N1)
    _edit(ws, "permohonan", N3, nomor_registrasi="003/PPID/5271/III/2025")
    found = _rules(ws)
    assert found == [
        "registers/permohonan.csv:3: nomor 001/PPID/5271/III/2026 ganda: sudah dipakai di baris 2 "
        "— satu nomor hanya untuk satu perkara; perbaiki salah satu baris",
        "registers/permohonan.csv:4: 003/PPID/5271/III/2025: tahun pada nomor (2025) tidak sama "
        "dengan tahun tanggal_diterima (2026-03-16)",
        # 2 and 4 are explained by the journal (their rows were renumbered, accepted above)
        "registers/permohonan.csv:5: nomor urut 5–6 tahun 2026 tidak ada di register (loncat "
        "sebelum 007/PPID/5271/III/2026): nomor yang sudah diberikan tidak boleh hilang — nomor "
        "dari ppidctl selalu berurutan dan jurnal tidak pernah mencatat nomor itu: periksa nomor "
        "baris yang ditambahkan atau diubah di luar ppidctl",
    ]


def test_steps_dates_required_fields_and_values(run, ws, today):
    today("2026-05-29")
    three(run)
    _edit(ws, "permohonan", N1, status="selesai", nama_pemohon="")
    _edit(ws, "permohonan", N2, diteruskan_pada="2026-03-10", tanggal_selesai="2026-06-30")
    _edit(ws, "permohonan", N3, saluran="merpati", jatuh_tempo="2026-04-08")
    found = _rules(ws)
    edit = " — " + m.SUNTING
    assert found == [
        f"registers/permohonan.csv:2: {N1}: kolom wajib nama_pemohon kosong — isi kolom itu",
        f"registers/permohonan.csv:2: {N1}: berstatus 'selesai' tetapi keputusan, "
        "tanggal_pemberitahuan kosong: langkah yang menuju status itu tidak tercatat" + edit,
        f"registers/permohonan.csv:3: {N2}: tanggal tanggal_selesai 2026-06-30 ada di masa depan "
        "(hari ini 2026-05-29)" + edit,
        f"registers/permohonan.csv:3: {N2}: diteruskan_pada 2026-03-10 sebelum tanggal_diterima "
        "2026-03-16: langkah tercatat tidak urut" + edit,
        f"registers/permohonan.csv:3: {N2}: masih berstatus 'terdaftar' tetapi tanggal_selesai "
        "sudah terisi" + edit,
        f"registers/permohonan.csv:4: {N3}: kolom saluran 'merpati' tidak dikenal (pilihan: "
        "langsung, surat, email, telepon, faksimili, e-ppid, lainnya)" + edit,
        f"registers/permohonan.csv:4: {N3}: jatuh_tempo 2026-04-08 tidak sesuai kalender "
        "sekarang: seharusnya 2026-04-07 (hari libur atau pengaturan tenggat berubah sesudah "
        "dicatat, atau tanggalnya disunting di register) — hitung ulang dengan: ppidctl periksa "
        "--perbaiki-tenggat",
    ]


DECIDED = {"keputusan": "diberikan", "tanggal_pemberitahuan": "2026-03-20", "terlambat": "tidak"}


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        ({**DECIDED, "status": "selesai"},
         "selesai dengan informasi diberikan tetapi tanggal_selesai (penyerahan) kosong"),
        ({**DECIDED, "status": "diputuskan", "tanggal_selesai": "2026-03-23"},
         "berstatus 'diputuskan' tetapi tanggal_selesai sudah terisi"),
        ({"status": "diperpanjang", "diperpanjang_pada": "2026-03-17"},
         "diperpanjang tanpa alasan_perpanjangan (UU 14/2008 Pasal 22(8))"),
        ({**DECIDED, "keputusan": "ditolak", "status": "selesai", "sk_pengecualian": "SK 12/2026"},
         "ditolak tetapi alasan_penolakan kosong"),
        ({"waktu_diterima": "kemarin pagi"}, "kolom waktu_diterima 'kemarin pagi' bukan waktu ISO 8601"),
        ({"waktu_diterima": "2026-03-16T10:30"},
         "waktu_diterima '2026-03-16T10:30' tanpa selisih UTC (mis. 2026-03-02T09:30+08:00)"),
        ({"waktu_diterima": "2026-03-17T10:30+08:00"}, "tidak pada tanggal diterima 2026-03-16"),
        ({**DECIDED, "status": "diputuskan", "biaya": "lima ribu"}, "bukan bilangan bulat"),
        ({"terlambat": "mungkin"}, "kolom terlambat 'mungkin' harus ya atau tidak"),
        ({"dokumen": "identitas;foto"}, "memuat foto yang tidak dikenal"),
    ],
)  # fmt: skip
def test_periksa_rules_of_a_request_row(run, ws, today, edit, said):
    """Each consistency rule periksa applies to a request row (none had a test: switched off,
    the suite went on passing)."""
    today("2026-05-29")
    three(run)
    _edit(ws, "permohonan", N1, **edit)
    found = _rules(ws)
    assert any(f"registers/permohonan.csv:2: {N1}: " in p and said in p for p in found), found


def test_a_holiday_added_later_redates_open_cases(run, ws):
    three(run)
    run.ok("permohonan", "putuskan", "3", "--keputusan", "diberikan", "--tanggal", "2026-03-20")
    # kalender tambah moves the stored deadlines of the open cases in its own commit
    out = run.ok("kalender", "tambah", "2026-03-25", "--keterangan", "HUT Kota Mataram")
    assert "Dihitung ulang dengan kalender ini (2 perkara" in out.stderr
    assert f"{N1}: Batas Waktu Pemberitahuan 2026-04-07 → 2026-04-08" in out.stderr
    assert [r["jatuh_tempo"] for r in ws.read("permohonan").rows] == [
        "2026-04-08",
        "2026-04-08",
        "2026-04-07",  # decided: its deadline stays as it was
    ]
    entries = [json.loads(x) for x in ws.journal_path.read_bytes().splitlines()[-3:]]
    assert {e["perintah"] for e in entries} == {"kalender tambah"}
    assert run.ok("periksa").stdout == ""
    # a deadline setting changed by hand in ppidctl.toml: periksa finds, --perbaiki-tenggat fixes
    toml = ws.root / "ppidctl.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace("permohonan = 10 ", "permohonan = 11 ")
    )
    result = periksa_fails(run)
    assert [line.split(": ")[1] for line in lines_of(result)] == [N1, N2]  # not the closed one
    assert "seharusnya 2026-04-09" in result.stdout
    out = run.ok("periksa", "--perbaiki-tenggat")
    assert f"{N1}: Batas Waktu Pemberitahuan 2026-04-08 → 2026-04-09" in out.stderr
    entries = [json.loads(x) for x in ws.journal_path.read_bytes().splitlines()[-2:]]
    assert all(e["perintah"] == "periksa --perbaiki-tenggat" for e in entries)
    assert "Semua jatuh tempo" in run.ok("periksa", "--perbaiki-tenggat").stderr


def test_a_repair_done_exits_0_with_the_problems_left_listed(run, ws):
    """periksa --perbaiki-tenggat / --terima-perubahan wrote the journal and the register, then
    exited 1 because another problem remained: cli.md's 1 says nothing changed, and a script
    retried a repair already made."""
    three(run)
    toml = ws.root / "ppidctl.toml"
    toml.write_text(
        toml.read_text("utf-8").replace("permohonan = 10 ", "permohonan = 11 "), "utf-8"
    )
    _edit(ws, "permohonan", N3, nama_pemohon="Citra Dewi")
    lines = len(ws.journal_path.read_bytes().splitlines())
    out = run.ok("periksa", "--perbaiki-tenggat")
    assert len(ws.journal_path.read_bytes().splitlines()) > lines  # (the repair is recorded)
    assert f"{N3}: kolom nama_pemohon diubah di luar ppidctl" in out.stdout  # (what is left)
    assert "Perbaikan di atas sudah dicatat di jurnal (kode keluar 0)" in out.stderr
    periksa_fails(run)  # (nothing repaired: problems left are exit 1 as before)
    run.ok("periksa", "--terima-perubahan", "--catatan", "nama dilengkapi")
    assert run.ok("periksa").stdout == ""


def test_lateness_judged_again_when_a_deadline_of_the_row_moves_too(run, ws):
    """Two days off accepted together, one before a late response, one in the dispute window:
    batas_sengketa moved and the response stayed 'terlambat' while the report counted it in
    time (lateness was judged only when no deadline of the row changed in that run)."""
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-05-04T09:00", "--tanpa-surat")
    run.ok("permohonan", "teruskan", "1", "--tanggal", "2026-05-04")
    run.ok("permohonan", "putuskan", "1", "--keputusan", "ditolak", "--pasal", "17 huruf a",
           "--sk-pengecualian", "SK 1", "--uji-konsekuensi", UJI, "--tanggal", "2026-05-06",
           "--tanpa-surat")  # fmt: skip
    run.ok("keberatan", "catat", "--permohonan", "1", "--alasan", "a", "--kasus-posisi",
           "ditolak", "--dokumen", "formulir,identitas", "--tanggal", "2026-05-11",
           "--tanpa-surat")  # fmt: skip
    run.ok("keberatan", "teruskan", "1", "--tanggal", "2026-05-11")
    run.ok("keberatan", "pleno", "1", "--tanggal", "2026-06-30")
    run.ok("keberatan", "tanggapi", "1", "--keputusan", "ditolak", "--pertimbangan", "dikecualikan",
           "--sk-pengecualian", "SK 1", "--tanggal", "2026-07-01", "--tanpa-surat")  # fmt: skip
    run.ok("keberatan", "sampaikan", "1", "--tanggal", "2026-07-02")
    assert ws.read("keberatan").rows[0]["terlambat"] == "ya"
    with (ws.root / "registers" / "libur.csv").open("a", encoding="utf-8") as f:
        f.write("2026-06-15,libur,banjir,Rev\n2026-07-10,libur,banjir lagi,Rev\n")
    accepted = run("periksa", "--terima-perubahan", "--catatan", "SK libur banjir")
    assert "2026-07-10: baris tambahan diterima" in accepted.output  # (deadlines now stale: 1)
    out = run.ok("periksa", "--perbaiki-tenggat").stderr
    assert (
        "tanggapan 2026-07-01 ternyata tidak terlambat (Tanggapan Terlambat ya → tidak; Batas Waktu Tanggapan"
        in out
    )
    assert "Batas Pengajuan Sengketa 2026-07-22 → 2026-07-23" in out  # both told
    row = ws.read("keberatan").rows[0]
    assert (row["terlambat"], row["batas_sengketa"]) == ("tidak", "2026-07-23")
    assert "Semua jatuh tempo" in run.ok("periksa", "--perbaiki-tenggat").stderr


def test_a_day_off_recorded_afterwards_judges_an_answer_again(run, ws):
    """An office closed by a flood, entered after the decision: the report said the same
    notification was both within 10 working days and late (the flag stayed as stored)."""
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-10", "--tanpa-surat")
    run.ok("permohonan", "teruskan", "1", "--tanggal", "2026-03-11")
    late = run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--tanggal",
                  "2026-04-01", "--tanpa-surat")  # fmt: skip
    assert "TERLAMBAT" in late.stderr and ws.read("permohonan").rows[0]["terlambat"] == "ya"
    out = run.ok("kalender", "tambah", "2026-03-16", "--keterangan", "Kantor tutup: banjir")
    # with the deadline it rests on (not "due 31 March, answered 1 April, not late"), on one
    # line (one case), and no letter to send about it: the requester has the answer
    assert (
        f"{N1}: pemberitahuan 2026-04-01 ternyata tidak terlambat (Terlambat ya → tidak; "
        "Batas Waktu Pemberitahuan 2026-03-31 → 2026-04-01)\n" in out.stderr
    )
    assert "(1 perkara" in out.stderr
    row = ws.read("permohonan").rows[0]
    assert (row["terlambat"], row["jatuh_tempo"]) == ("tidak", "2026-04-01")
    report = json.loads(
        run.ok("laporan", "bulanan", "--bulan", "2026-04", "--format", "json").stdout
    )
    assert report["ringkasan"]["terlambat"] == 0
    assert run.ok("periksa").stdout == ""


def test_a_day_off_typed_by_hand_in_another_date_shape_stops_nothing_but_is_named(run, ws):
    """Every deadline depends on libur.csv: an unreadable date is never skipped (the deadlines
    would move silently) — commands refuse naming the cell, periksa reports it, pulihkan
    restores the journalled calendar."""
    catat(run, "Ani", "2026-11-20")
    run.ok("kalender", "tambah", "2026-12-01", "--keterangan", "Libur kantor")
    path = ws.register_path("libur")
    path.write_bytes(path.read_bytes().replace(b"2026-12-01", b"01/12/2026"))
    said = (
        "registers/libur.csv baris 2: tanggal '01/12/2026' bukan YYYY-MM-DD (semua tenggat "
        "dihitung dengan kalender ini) — perbaiki tanggalnya di editor (mis. 2026-12-01), atau "
        "kembalikan isi yang tercatat di jurnal dengan: ppidctl pulihkan --register libur"
    )
    for args in (["jatuh-tempo"], ["permohonan", "lihat", "1"], ["kalender", "hitung", "2026-11-20", "10"],
                 ["permohonan", "teruskan", "1", "--tanggal", "2026-11-20"]):  # fmt: skip
        run.refused(*args, message=said)
    found = periksa_fails(run)
    assert "registers/libur.csv:2: 01/12/2026: kolom tanggal '01/12/2026' bukan tanggal" in (
        found.stdout
    )
    run.ok("pulihkan", "--register", "libur")
    assert run.ok("periksa").stdout == ""
    (due,) = json.loads(run.ok("jatuh-tempo", "--format", "json").stdout)
    assert due["jatuh_tempo"] == "2026-12-07"  # the day off counted again


def test_hand_edits_that_used_to_trace_back(run, ws):
    """A receipt date retyped as 20/11/2026, a row copied in Excel, a superscript digit: each
    a clear refusal (or the row shown), never a traceback or a string comparison of dates."""
    catat(run, "Ani", "2026-11-20")
    n = "001/PPID/5271/XI/2026"
    path = ws.register_path("permohonan")
    original = path.read_bytes()
    path.write_bytes(original.replace(b",2026-11-20,", b",20/11/2026,", 1))
    shown = run.ok("permohonan", "lihat", n).stdout
    assert "(tanggal tidak terbaca: ppidctl periksa)" in shown
    run.refused(
        "surat", "buat", "tanda-terima", n,
        message=f"{n}: tanggal_diterima di register ('20/11/2026') bukan tanggal YYYY-MM-DD",
    )  # fmt: skip
    for step in (["teruskan", n], ["putuskan", n, "--keputusan", "diberikan"]):
        run.refused(
            "permohonan", *step,
            message=f"{n}: tanggal_diterima di register ('20/11/2026') bukan tanggal "
            "YYYY-MM-DD (disunting di luar ppidctl)",
        )  # fmt: skip
    lines = original.splitlines(keepends=True)
    path.write_bytes(original + lines[1])  # the row pasted twice
    run.refused(
        "permohonan", "teruskan", n,
        message=f"nomor {n} tercatat 2 kali di register permohonan (baris disalin di luar ppidctl)",
    )  # fmt: skip
    run.refused("permohonan", "lihat", "1", message=f"nomor {n} tercatat 2 kali")  # (same way out)
    path.write_bytes(original)
    run.refused("permohonan", "lihat", "\u00b2", message="nomor \u00b2 tidak ada di register")
    # a fee that is not a number is wrong usage (exit code 2), like --dalam abc
    run.usage("permohonan", "putuskan", n, "--keputusan", "diberikan", "--biaya", "\u00b2",
              message="--biaya '\u00b2' harus bilangan rupiah")  # fmt: skip


def test_letters_kept_on_another_disk_through_a_link(run, ws, tmp_path):
    """letters/ a link to another disk: periksa told every letter "tidak ada lagi" (a path
    outside the workspace), and arsip left them all out without a word (review pulih M3)."""
    far = tmp_path / "diska-lain"
    ws.letters_dir.rename(far)
    ws.letters_dir.symlink_to(far, target_is_directory=True)
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16")
    assert codes(ws) == []
    (letter,) = far.rglob("*.docx")
    letter.write_bytes(letter.read_bytes() + b"x")
    assert codes(ws) == [m.SURAT_DIUBAH]  # (checked there too)
    told = run.ok("arsip", "--keluaran", str(tmp_path)).stderr
    assert "letters/ adalah tautan (symlink): isi tujuannya tidak masuk arsip" in told


def test_arsip_names_a_linked_year_of_letters_it_leaves_out(run, ws, tmp_path):
    # one year moved to another disk: only letters/ itself was looked at (review sesi31 L4)
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16")
    year = ws.letters_dir / "2026"
    far = tmp_path / "diska-lain-2026"
    year.rename(far)
    year.symlink_to(far, target_is_directory=True)
    out = run.ok("arsip", "--keluaran", str(tmp_path), "--format", "json")
    assert json.loads(out.stdout)["tautan_dilewati"] == ["letters/2026/"]
    assert "letters/2026/ adalah tautan (symlink): isi tujuannya tidak masuk arsip" in out.stderr


def test_letters_accepted_with_a_journal_started_again_are_fingerprinted(run, ws):
    # a journal lost and started again with the registers as they are: the agenda's letters
    # were never checked again, a letter replaced afterwards passed periksa (review pulih M2)
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16")
    ws.journal_path.unlink()
    run.ok("periksa", "--terima-perubahan", "--catatan", "jurnal terhapus; register benar")
    assert codes(ws) == []
    (letter,) = ws.letters_dir.rglob("*.docx")
    letter.write_bytes(b"bukan surat")
    assert codes(ws) == [m.SURAT_DIUBAH]
    letter.unlink()  # deleted, it was not told (review sesi31 M1)
    assert codes(ws) == [m.SURAT_HILANG]


def test_a_letter_that_is_a_looping_link_is_told_gone(run, ws):
    # periksa ended with an English traceback ("Symlink loop") — review sesi31 L5
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16")
    (letter,) = ws.letters_dir.rglob("*.docx")
    letter.unlink()
    letter.symlink_to(letter.name)
    assert codes(ws) == [m.SURAT_HILANG]


def test_a_letter_emptied_is_accepted_with_a_warning(run, ws):
    # accepted on the office's word under any note, a letter emptied to 0 bytes (or overwritten)
    # was taken without a word: the letter sent could no longer be read (review pulih M4)
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16")
    (letter,) = ws.letters_dir.rglob("*.docx")
    letter.write_bytes(b"")
    done = run.ok("periksa", "--terima-perubahan", "--catatan", "koreksi")
    assert (
        f"{letter.relative_to(ws.root).as_posix()}: peringatan: berkas ini bukan dokumen docx "
        "lagi (0 bita)"
    ) in done.stderr


def test_a_letter_already_gone_when_the_journal_is_started_again_is_told(run, ws):
    # accepted without a word, periksa then clean, and surat buat asked to record a loss
    # periksa did not know (review sesi31 M1)
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16")
    (letter,) = ws.letters_dir.rglob("*.docx")
    letter.unlink()
    ws.journal_path.unlink()
    done = run.ok("periksa", "--terima-perubahan", "--catatan", "jurnal terhapus; register benar")
    assert f"{letter.relative_to(ws.root).as_posix()}: surat tidak ada lagi" in done.stdout
    assert codes(ws) == [m.SURAT_HILANG]
    run.ok("periksa", "--terima-perubahan", "--catatan", "surat hilang; salinan cetak ada")
    assert codes(ws) == []


def test_a_lost_letter(run, ws):
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16")
    (letter,) = ws.letters_dir.rglob("*.docx")
    name = letter.relative_to(ws.root).as_posix()
    letter.unlink()
    result = periksa_fails(run)
    assert lines_of(result) == [
        f"{letter.relative_to(ws.root).as_posix()}: surat tidak ada lagi (dibuat menurut jurnal "
        "baris 2) — kembalikan dari arsip; bila memang hilang: ppidctl periksa --terima-perubahan "
        "--catatan TEKS"
    ]
    run.ok("periksa", "--terima-perubahan", "--catatan", "Berkas terhapus; salinan cetak ada")
    assert codes(ws) == []
    story = run.ok("permohonan", "lihat", "1").stdout  # (in the case's story: sesi31 L2)
    assert re.search(
        r"periksa --terima-perubahan .*\n\s+catatan: Berkas terhapus; salinan cetak ada\n\s+"
        r"surat hilang, hilangnya diterima: " + re.escape(name),
        story,
    ), story


def test_a_letter_changed_after_it_was_made(run, ws):
    """The letter sent is a hearing's evidence: one opened and saved again, or its text
    replaced, passed periksa (review bukti H1). Its SHA-256 as made is journalled; a change is
    told, left by pulihkan (nothing to rebuild it from), and accepted on the office's word —
    after which the accepted bytes are the ones compared."""
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16")
    (letter,) = ws.letters_dir.rglob("*.docx")
    name, made = letter.relative_to(ws.root).as_posix(), letter.read_bytes()
    entry = json.loads(ws.journal_path.read_bytes().splitlines()[-1])
    assert entry["berkas_sha256"] == journal.sha256_bytes(made)
    changed = made[:-1] + bytes([made[-1] ^ 1])  # (one bit of the file)
    letter.write_bytes(changed)
    said = [
        f"{name}: surat diubah sesudah dibuat: isinya tidak sama dengan yang dicatat jurnal baris "
        "3 (SHA-256) — salin berkas aslinya kembali dari zip arsip (ppidctl arsip) yang dibuat "
        f"sebelum perubahannya: di dalam zip, FOLDER-WORKSPACE/{name}; bila perubahan itu "
        "disengaja (dikoreksi sebelum dikirim): ppidctl periksa "
        "--terima-perubahan --catatan TEKS"
    ]
    assert lines_of(periksa_fails(run)) == said
    assert codes(ws) == [m.SURAT_DIUBAH]
    run.ok("pulihkan")
    assert letter.read_bytes() == changed and lines_of(periksa_fails(run)) == said
    done = run.ok("periksa", "--terima-perubahan", "--catatan", "Tanggal diketik ulang")
    assert f"{name}: perubahan surat diterima" in done.stdout + done.stderr
    assert "bukan dokumen docx" not in done.stderr  # (still a docx: one bit changed inside)
    assert codes(ws) == []
    story = run.ok("permohonan", "lihat", "1").stdout  # (the case's history says so: pulih M4)
    assert re.search(
        r"periksa --terima-perubahan .*\n\s+catatan: Tanggal diketik ulang\n\s+surat diubah, "
        r"perubahannya diterima: " + re.escape(name),
        story,
    ), story
    letter.write_bytes(made)  # (the accepted bytes are now the letter)
    assert codes(ws) == [m.SURAT_DIUBAH]
    # the original put back from an archive: told as such, not as "changed" with the advice
    # to restore it from the archive (review pulih L1)
    (told,) = lines_of(periksa_fails(run))
    assert told.endswith(
        "surat kembali seperti yang dicatat jurnal baris 3, bukan seperti perubahan yang "
        "diterima di baris 4 (SHA-256) — bila versi ini yang benar: ppidctl periksa "
        "--terima-perubahan --catatan TEKS; bila tidak: kembalikan versi baris 4"
    )


def test_json_and_csv_output(run, ws):
    three(run)
    path = ws.register_path("permohonan")
    path.write_bytes(path.read_bytes().replace(b"Budi", b"Badu"))
    data = json.loads(periksa_fails(run, "--format", "json").stdout)
    assert data == [
        {
            "berkas": "registers/permohonan.csv",
            "baris": 3,
            "kode": "diubah-di-luar",
            "pesan": f"{N2}: kolom nama_pemohon diubah di luar ppidctl: jurnal 'Budi', berkas 'Badu'",
            "saran": "bila disengaja: ppidctl periksa --terima-perubahan --catatan TEKS; bila "
            "tidak: ppidctl pulihkan --register permohonan",
        }
    ]
    out = periksa_fails(run, "--format", "csv").stdout.splitlines()
    assert out[0] == "berkas,baris,kode,pesan,saran" and out[1].startswith(
        "registers/permohonan.csv,3,diubah-di-luar,"
    )


def test_xlsx_registers_are_checked_too(tmp_path):
    ws = init(tmp_path / "x", "KPU Kota Mataram", "5271")
    toml = ws.root / "ppidctl.toml"
    toml.write_text(toml.read_text().replace('format = "csv"', 'format = "xlsx"'))
    run = Runner(ws.root)
    three(run)
    run.ok("permohonan", "teruskan", "2", "--tanggal", "2026-03-17")
    ws = Workspace(ws.root)
    assert codes(ws) == []
    from openpyxl import load_workbook

    path = ws.register_path("permohonan")
    wb = load_workbook(path)
    header = [c.value for c in wb.active[1]]
    wb.active.cell(3, header.index("nama_pemohon") + 1).value = "Budi X"
    wb.save(path)
    found = check(ws).problems
    assert [str(p).split(" — ")[0] for p in found] == [
        f"registers/permohonan.xlsx:3: {N2}: kolom nama_pemohon diubah di luar ppidctl: jurnal "
        "'Budi', berkas 'Budi X'"
    ]
    run.ok("pulihkan", "--register", "permohonan")
    assert codes(ws) == [] and ws.read("permohonan").rows[1]["nama_pemohon"] == "Budi"


# -- backup ----------------------------------------------------------------------------------


def test_arsip_writes_a_dated_zip_with_checksum(run, ws, tmp_path, monkeypatch):
    three(run)
    out = tmp_path / "cadangan"
    out.mkdir()
    result = run.ok("arsip", "--keluaran", str(out), "--format", "json")
    info = json.loads(result.stdout)
    zpath = out / os.path.basename(info["arsip"])
    assert zpath.name.startswith("ppidctl-arsip-5271-") and zpath.suffix == ".zip"
    sha = journal.sha256_bytes(zpath.read_bytes())
    assert info["sha256"] == sha
    assert (out / (zpath.name + ".sha256")).read_text() == f"{sha}  {zpath.name}\n"
    assert stat.S_IMODE(zpath.stat().st_mode) == 0o640
    with zipfile.ZipFile(zpath) as zf:
        names = set(zf.namelist())
        assert "ws/registers/permohonan.csv" in names and "ws/ppidctl.toml" in names
        assert zf.read("ws/registers/.kunci") == b"" and "ws/registers/.kunci.info" not in names
        assert (zf.getinfo("ws/registers/.kunci").external_attr >> 16) & 0o777 == 0o640
        assert zf.read("ws/registers/permohonan.csv") == ws.register_path("permohonan").read_bytes()
        # folders too, with their modes: unzip gives registers/ back 0750, not the umask's 0755
        folder = zf.getinfo("ws/registers/")
        assert folder.is_dir() and (folder.external_attr >> 16) & 0o777 == 0o750
        assert "ws/" in names and "ws/letters/" in names
    assert info["jumlah_berkas"] == len([n for n in names if not n.endswith("/")]) - 1  # (.kunci)
    with zipfile.ZipFile(zpath) as zf:  # (the anchor to write down: the zip's journal's end)
        held = zf.read("ws/registers/jurnal.jsonl").splitlines()
    assert info["jurnal"] == {
        "baris": len(held),
        "hash_baris_terakhir": journal.line_hash(held[-1]),
    }
    last = json.loads(ws.journal_path.read_bytes().splitlines()[-1])
    assert (last["aksi"], last["sha256"], last["arsip"]) == ("arsip", sha, zpath.name)
    assert codes(ws) == []
    # an archive kept inside the workspace is not archived again by the next one
    monkeypatch.chdir(ws.root)
    assert (
        "Peringatan: arsip ditulis di dalam workspace yang diarsipkannya" in run.ok("arsip").stderr
    )
    run.ok("arsip")
    newest = max(ws.root.glob("ppidctl-arsip-*.zip"), key=lambda p: p.stat().st_mtime_ns)
    with zipfile.ZipFile(newest) as zf:
        assert not [n for n in zf.namelist() if "ppidctl-arsip-" in n]
    run.refused("arsip", "--keluaran", str(ws.registers_dir), message="di dalam folder registers/")
    run.refused("arsip", "--keluaran", str(tmp_path / "tidak-ada"),
                message=f"folder {tmp_path / 'tidak-ada'} tidak ada")  # fmt: skip
    assert "periksa menemukan" not in run.ok("arsip", "--keluaran", str(out)).stderr
    # a backup of a hand edit nobody accepted is said to hold it (left at stop 27)
    _edit(ws, "permohonan", N1, nama_pemohon="Ani Suryani")
    said = " ".join(run.ok("arsip", "--keluaran", str(out)).stderr.split())
    assert "Peringatan: periksa menemukan 1 masalah (mis. registers/permohonan.csv:2:" in said
    assert "arsip ini menyimpan workspace apa adanya — lihat dengan: ppidctl periksa" in said


def test_arsip_of_a_torn_journal_is_made_and_said_unjournalled(run, ws, tmp_path):
    # the backup a desk most needs before pulihkan: it was written, then the command failed
    # saying "perubahan ini tidak disimpan" and never named it (review sesi32d2 L6)
    three(run)
    out = tmp_path / "cadangan"
    out.mkdir()
    with ws.journal_path.open("ab") as f:
        f.write(b'{"waktu":"2026-')
    torn = ws.journal_path.read_bytes()
    result = run.ok("arsip", "--keluaran", str(out), "--format", "json")
    info = json.loads(result.stdout)
    (zpath,) = out.glob("*.zip")
    assert info["arsip"] == str(zpath) and info["dicatat_di_jurnal"] is False
    with zipfile.ZipFile(zpath) as zf:
        assert zf.read("ws/registers/jurnal.jsonl") == torn
    assert ws.journal_path.read_bytes() == torn
    said = " ".join(result.stderr.split())
    assert "baris terakhir registers/jurnal.jsonl terpotong" in said
    assert (
        "arsip ini dibuat tetapi tidak dicatat di jurnal — simpan arsip ini, lalu perbaiki "
        "dengan: ppidctl pulihkan" in said
    )


def test_arsip_on_a_full_drive_names_the_drive_and_leaves_no_archive(
    run, ws, tmp_path, monkeypatch
):
    # "berkas workspace tidak dapat dibaca atau ditulis" for a full backup drive, and a zip
    # and .sha256 left that the journal never named (review rusak L1, L2)
    from ppidctl.store import journal as journal_module

    three(run)
    out = tmp_path / "usb"
    out.mkdir()

    def full(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as m_:
        m_.setattr(zipfile.ZipFile, "write", full)
        run.refused("arsip", "--keluaran", str(out),
                    message=f"arsip tidak dapat ditulis di {out} (disk penuh); workspace tidak "
                    "berubah — kosongkan ruang di diska tujuan")  # fmt: skip
    assert list(out.iterdir()) == []
    real = journal_module.append

    def journal_full(path, data, mode):  # (the workspace's disk, at the journal line)
        raise OSError(errno.EFBIG, "File too large", str(path))

    monkeypatch.setattr(journal_module, "append", journal_full)
    with monkeypatch.context() as m_:  # (FAT32's 4 GB: no space freed helps — sesi33 L4)
        m_.setattr(zipfile.ZipFile, "write", lambda *a, **k: (_ for _ in ()).throw(
            OSError(errno.EFBIG, "File too large")))  # fmt: skip
        run.refused("arsip", "--keluaran", str(out),
                    message="— pakai diska tujuan berformat exFAT atau NTFS, atau pilih folder "
                    "lain dengan --keluaran")  # fmt: skip
    refused = run.refused("arsip", "--keluaran", str(out), message="registers/jurnal.jsonl")
    assert "melebihi batas ukuran diska itu (mis. FAT32: 4 GB)" in refused.stderr
    assert list(out.iterdir()) == []  # (the zip and its checksum, journalled by no line)
    monkeypatch.setattr(journal_module, "append", real)
    run.ok("arsip", "--keluaran", str(out))
    assert len(list(out.iterdir())) == 2


def test_an_arsip_interrupted_once_its_journal_line_is_written_keeps_its_zip(
    run, ws, tmp_path, monkeypatch
):
    # a Ctrl-C held through the commit is delivered after it: the archive the journal now names
    # stays, with its checksum (only an unjournalled one is removed: review rusak L2)
    from ppidctl.integrity import archive
    from ppidctl.store.transaction import Transaction

    three(run)
    out = tmp_path / "cadangan"
    out.mkdir()
    real = Transaction.commit

    def then_ctrl_c(self):
        real(self)
        raise KeyboardInterrupt

    monkeypatch.setattr(Transaction, "commit", then_ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        archive(Workspace(ws.root), out)
    (zpath,) = out.glob("*.zip")
    assert (out / (zpath.name + ".sha256")).exists()
    assert json.loads(ws.journal_path.read_bytes().splitlines()[-1])["arsip"] == zpath.name


def test_a_workspace_unzipped_from_its_archive_is_unchanged_by_a_refusal(run, ws, tmp_path):
    # the archive left the lock file out, and the first refusal under the lock created it: a
    # refused command that wrote (review tolak H1)
    from conftest import Runner

    three(run)
    out = tmp_path / "cadangan"
    out.mkdir()
    run.ok("arsip", "--keluaran", str(out))
    (zpath,) = out.glob("*.zip")
    with zipfile.ZipFile(zpath) as zf:  # (as unzip does: the modes too)
        for info in zf.infolist():
            os.chmod(zf.extract(info, tmp_path / "pulih"), (info.external_attr >> 16) & 0o777)
    restored = Runner(tmp_path / "pulih" / "ws")
    restored.refused(
        "permohonan",
        "selesai",
        "1",
        "--tanggal",
        "2026-03-20",
        message="permohonan 001/PPID/5271/III/2026 belum diputuskan",
    )


# -- permissions and the lock ----------------------------------------------------------------


@pytest.mark.parametrize("umask", [0o000, 0o077])
def test_registers_journal_and_letters_get_exactly_the_setting(tmp_path, umask, today):
    today("2027-01-05")
    old = os.umask(umask)
    try:
        ws = init(tmp_path / "ws", "KPU Kota Mataram", "5271")
        run = Runner(ws.root)
        run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16")
        paths = [ws.register_path(n) for n in ("permohonan", "surat")] + [ws.journal_path]
        paths += list(ws.letters_dir.rglob("*.docx"))
        assert {stat.S_IMODE(p.stat().st_mode) for p in paths} == {0o640}
        assert stat.S_IMODE((ws.letters_dir / "2026").stat().st_mode) == 0o750
        toml = ws.root / "ppidctl.toml"
        toml.write_text(toml.read_text().replace('"0640"', '"0600"'))
        run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2027-01-04")
        paths = [ws.register_path(n) for n in ("permohonan", "surat")] + [ws.journal_path]
        assert {stat.S_IMODE(p.stat().st_mode) for p in paths} == {0o600}
        assert stat.S_IMODE((ws.letters_dir / "2027").stat().st_mode) == 0o700
        assert [stat.S_IMODE(p.stat().st_mode) for p in (ws.letters_dir / "2027").iterdir()] == [
            0o600
        ]
    finally:
        os.umask(old)


def test_the_lock_holders_note_gets_the_setting_too(ws):
    # .kunci.info (who holds the lock: user@host) was made with the umask, 0666 under umask 0
    old = os.umask(0)
    try:
        with workspace_lock(ws.registers_dir, 5, mode=0o600):
            assert stat.S_IMODE((ws.registers_dir / ".kunci.info").stat().st_mode) == 0o600
    finally:
        os.umask(old)


def test_the_lock_file_is_kept_on_release_on_every_platform(ws, monkeypatch):
    # filelock's Windows lock deletes its file on release unless asked to keep it, so the first
    # refused command there would have removed .kunci (not byte-identical); Linux keeps it anyway,
    # so what can be checked here is that the lock is asked to keep it
    import filelock

    made = []

    class Recording(filelock.FileLock):  # (the platform's own lock, its settings recorded)
        def __init__(self, *a, **kw):
            super().__init__(*a, **kw)
            made.append(self)

    monkeypatch.setattr(filelock, "FileLock", Recording)
    with workspace_lock(ws.registers_dir, 5):
        pass
    assert [lock.preserve_lock_file for lock in made] == [True]
    assert (ws.registers_dir / ".kunci").read_bytes() == b""


def test_periksa_reads_a_copy_on_a_read_only_drive_without_the_lock(run, ws, monkeypatch):
    # an auditor's copy on a CD or a write-protected stick: EROFS, not a PermissionError, and
    # periksa refused, advising to run periksa
    import filelock

    catat(run, "Ani")

    class ReadOnlyDrive(filelock.FileLock):
        def acquire(self, *a, **kw):
            raise OSError(errno.EROFS, "Read-only file system", self.lock_file)

    monkeypatch.setattr(filelock, "FileLock", ReadOnlyDrive)
    checked = run.ok("periksa")
    assert "diperiksa tanpa kunci" in checked.stderr
    run.refused(  # (a command that writes: told, as before)
        "permohonan", "teruskan", N1, "--tanggal", "2026-03-17",
        message="(disk hanya dapat dibaca)",
    )  # fmt: skip


def test_a_share_without_file_locks_is_refused_for_writing_and_read_without_the_lock(
    run, ws, monkeypatch
):
    # an SMB share mounted with nobrl, NFS with nolock: flock says ENOSYS/ENOLCK; it was the
    # raw English error (and periksa failed too)
    import filelock

    catat(run, "Ani")

    class NoLocks(filelock.FileLock):
        def acquire(self, *a, **kw):
            raise OSError(errno.ENOLCK, "No locks available", self.lock_file)

    monkeypatch.setattr(filelock, "FileLock", NoLocks)
    run.refused(
        "permohonan", "teruskan", N1, "--tanggal", "2026-03-17",
        message=f"folder {ws.root} tidak mendukung penguncian berkas, jadi "
        "dua perintah dapat menulis bersamaan; ppidctl tidak menulis di sana",
    )  # fmt: skip
    checked = run.ok("periksa")
    assert "tidak dapat dikunci; diperiksa tanpa kunci" in checked.stderr


def _hold_forever(root, ready):
    ws = Workspace(root)
    with workspace_lock(ws.registers_dir, 5):
        ready.set()
        signal.pause()


def test_a_holder_killed_while_holding_the_lock_leaves_it_free(ws, run):
    ctx = multiprocessing.get_context("spawn")
    ready = ctx.Event()
    holder = ctx.Process(target=_hold_forever, args=(ws.root, ready))
    holder.start()
    try:
        assert ready.wait(30)
        info = (ws.registers_dir / ".kunci.info").read_text()
        assert f"pid {holder.pid}" in info
        # when, with the date and the UTC offset (never a zone's name, as %z gives on
        # Windows): a desk in another zone reads it right
        assert re.search(r"sejak \d{4}-\d\d-\d\d \d\d:\d\d:\d\d[+-]\d\d:\d\d$", info)
    finally:
        os.kill(holder.pid, signal.SIGKILL)  # a crashed desk: no release, no clean-up
        holder.join()
    assert (ws.registers_dir / ".kunci").exists()  # the file stays; the OS lock does not
    waited = []
    with workspace_lock(ws.registers_dir, 5, notify=waited.append):
        assert f"pid {os.getpid()}" in (ws.registers_dir / ".kunci.info").read_text()
    assert waited == []  # got it at the first try: nobody to wait for
    assert not (ws.registers_dir / ".kunci.info").exists()  # removed on release
    assert (ws.registers_dir / ".kunci").read_bytes() == b""
    catat(run, "Ani")
    assert codes(ws) == []


def _as_account(uid: int, gid: int, home: Path, *args: str) -> subprocess.CompletedProcess:
    """Run ppidctl as another OS account (setpriv), umask 022 as on a desk; primary group
    ``gid``, and a member of the office's group 4321."""
    src = Path(__import__("ppidctl").__file__).parents[1]
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(home), "PYTHONPATH": str(src),
           "USER": f"u{uid}", "LOGNAME": f"u{uid}"}  # fmt: skip
    return subprocess.run(
        ["setpriv", f"--reuid={uid}", f"--regid={gid}", "--groups=4321", sys.executable, "-m",
         "ppidctl", *args],
        env=env, capture_output=True, text=True, preexec_fn=lambda: os.umask(0o022),
    )  # fmt: skip


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("setpriv"),
    reason="needs root and setpriv to act as several OS accounts",
)
def test_several_accounts_share_a_workspace_through_its_group():
    """docs/integritas.md: izin_berkas = "0660", one group, a setgid folder. The owner's next
    command opens the workspace's folders, lock file, journal and registers to the group; a
    read-only copy can still be checked."""
    base = Path(tempfile.mkdtemp(prefix="ppid-akun-", dir="/tmp"))
    try:
        os.chmod(base, 0o755)
        home, shared = base / "home", base / "bersama"
        home.mkdir(mode=0o777)
        os.chmod(home, 0o777)
        shared.mkdir()
        os.chown(shared, 0, 4321)
        os.chmod(shared, 0o2775)
        ws = shared / "ws"
        assert _as_account(1001, 4321, home, "init", str(ws)).returncode == 0
        # a letter made before the setting changed: its year folder must open to the group too
        args = [a if a != "5271011203900001" else "5271011203900009" for a in REQUEST]
        day = ("--tanggal", "2026-03-16")  # (the real clock: letters/2026 in any year)
        done = _as_account(1001, 4321, home, "-C", str(ws), "permohonan", "catat", *args, *day)
        assert done.returncode == 0, done.stderr
        toml = ws / "ppidctl.toml"
        toml.write_text(toml.read_text().replace('izin_berkas = "0640"', 'izin_berkas = "0660"'))
        assert _as_account(1001, 4321, home, "-C", str(ws), "periksa").returncode == 0
        # the second account's own group differs: the setgid folders give its files theirs
        for uid, gid, nik in ((1002, 4444, "5271011203900001"), (1001, 4321, "5271011203900002")):
            args = [a if a != "5271011203900001" else nik for a in REQUEST]
            done = _as_account(uid, gid, home, "-C", str(ws), "permohonan", "catat", *args, *day)
            assert done.returncode == 0, done.stderr
        done = _as_account(1002, 4444, home, "-C", str(ws), "permohonan", "teruskan", N2, *day)
        assert done.returncode == 0, done.stderr
        modes = {p.name: p.stat().st_mode & 0o7777 for p in (ws / "registers").iterdir()}
        assert set(modes.values()) == {0o660}, modes
        groups = {p.name: p.stat().st_gid for p in (ws / "registers").iterdir()}
        assert set(groups.values()) == {4321}, groups
        for folder in ("registers", "templates", "letters", "letters/2026"):
            assert (ws / folder).stat().st_mode & 0o7777 == 0o2770, folder
        # another account (its group only given the copy's read rights): periksa reads without the lock
        copy = base / "salinan"
        shutil.copytree(ws, copy)
        for p in [copy, *copy.rglob("*")]:
            os.chmod(p, 0o755 if p.is_dir() else 0o644)
        done = _as_account(1003, 999, home, "-C", str(copy), "periksa")
        assert done.returncode == 0, done.stderr
        assert "diperiksa tanpa kunci" in done.stderr
        # a command that writes, from an account without the right: told, no traceback
        done = _as_account(1003, 999, home, "-C", str(copy), "permohonan", "teruskan", N3, *day)
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert done.stderr.startswith("Error: tidak punya izin mengakses ")
        assert 'izin_berkas = "0660" di ppidctl.toml, satu grup' in done.stderr  # (no doc needed)
    finally:
        shutil.rmtree(base, ignore_errors=True)


# -- a letter and the journal line naming it ---------------------------------------------------

N4 = "004/PPID/5271/III/2026"
RECEIPT4 = "letters/2026/004-PPID-5271-III-2026-tanda-terima.docx"


def _killed(ws, at: str, nama: str) -> None:
    """Run `permohonan catat` (with its receipt) in a child process SIGKILLed at ``at``:
    ``journal`` as it appends the journal lines, ``letter`` as it puts a letter in place."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            from ppidctl.services import permohonan
            from ppidctl.store import transaction

            def die(*_args, **_kwargs):
                os.kill(os.getpid(), signal.SIGKILL)

            if at == "journal":
                journal.append = die
            else:
                transaction.put_in_place = die
            data = permohonan.RequestInput(
                nama=nama, nik="5271011203900001", alamat="Mataram", telepon="081234567890",
                informasi="Salinan DPT", tujuan="Penelitian", dokumen="identitas",
            )  # fmt: skip
            permohonan.register(Workspace(ws.root), data, tanggal="2026-03-16")
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


def _killed_after_journal(ws, step) -> None:
    """Run ``step(workspace)`` in a child process SIGKILLed right after its journal lines are
    written, before any register is replaced."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            append = journal.append

            def append_and_die(*args, **kwargs):
                append(*args, **kwargs)
                os.kill(os.getpid(), signal.SIGKILL)

            journal.append = append_and_die
            step(Workspace(ws.root))
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")
def test_an_unfinished_step_is_refused_also_after_commits_on_other_registers(run, ws, tmp_path):
    """Only the journal's last line was compared: after a crash, any command on another
    register (an `arsip`, a holiday) let the next step on the unfinished register write it back
    without the journalled change; periksa then took the loss for a hand edit."""
    from ppidctl.services import permohonan

    three(run)
    _killed_after_journal(
        ws, lambda w: permohonan.forward(w, N2, tanggal="2026-03-17", petugas="Rina")
    )
    run.ok("arsip", "--keluaran", str(tmp_path))  # (a backup first: what staff would do)
    run.refused(
        "permohonan", "teruskan", N1, "--tanggal", "2026-03-17",
        message="registers/permohonan.csv: perubahan terakhir pada register ini sudah tercatat "
        "di jurnal tetapi belum tertulis ke register (perintah itu terhenti di tengah jalan); "
        "perintah ini tidak dijalankan — lihat dengan: ppidctl periksa; selesaikan dengan: "
        "ppidctl pulihkan",
    )  # fmt: skip
    run.refused(  # (adding a row: the same diagnosis, not "changed outside ppidctl")
        "permohonan", "catat", *REQUEST, "--tanggal", "2026-03-17",
        message="perubahan terakhir pada register ini sudah tercatat di jurnal",
    )  # fmt: skip
    bad = tmp_path / "lama.csv"  # (an import adding no row still journals on that register)
    bad.write_text("No. Registrasi,Tanggal,Nama,Informasi yang Diminta\n9,31/02/2026,Ani,DPT\n")
    run.refused(
        "impor", str(bad), "--register", "permohonan", "--lewati-baris-bermasalah",
        message="perubahan terakhir pada register ini sudah tercatat di jurnal",
    )  # fmt: skip
    # (the register's new content, written before the journal line, left as a temp file)
    assert codes(ws) == [m.BELUM_DITERAPKAN, m.BERKAS_SEMENTARA]
    run.ok("pulihkan")
    assert codes(ws) == []
    assert ws.read("permohonan").rows[1]["diteruskan_pada"] == "2026-03-17"
    run.ok("permohonan", "teruskan", N1, "--tanggal", "2026-03-17")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")
def test_an_import_killed_after_its_journal_line_names_its_rejects_file_rightly(run, ws):
    from ppidctl.services import impor

    XLSX = SHARED / "data" / "legacy" / "register-permohonan-2024.xlsx"  # (6 rows rejected)
    _killed_after_journal(
        ws, lambda w: impor.apply(w, impor.plan(w, XLSX, "permohonan"), lewati=True, petugas="R")
    )
    (line,) = [x for x in lines_of(periksa_fails(run)) if x.startswith("impor/")]
    assert ": berkas tolak impor sudah tercatat di jurnal (baris " in line  # (not "surat")
    out = run.ok("pulihkan").stdout
    assert ": berkas tolak impor yang sudah tercatat di jurnal ditempatkan dari impor/." in out
    assert codes(ws) == []


def test_a_nik_excel_rounded_in_the_register_is_reported_and_never_accepted(run, ws):
    # the register re-saved by Excel: 5271011203900001 became 5.27101E+15, the digits lost
    three(run)
    path = ws.register_path("permohonan")
    path.write_bytes(path.read_bytes().replace(b"5271011203900001", b"5.27101E+15", 1))
    assert m.NILAI_TIDAK_SAH in codes(ws)
    assert (
        f"registers/permohonan.csv:2: {N1}: kolom nik '5.27101E+15' bukan NIK 16 angka (disimpan "
        "ulang oleh Excel?) — salin ulang NIK dari KTP atau dari arsip workspace"
    ) in lines_of(periksa_fails(run))
    run.refused("periksa", "--terima-perubahan", "--catatan", "disimpan dari Excel",
                message=f"{N1}: kolom nik '5.27101E+15' bukan NIK 16 angka")  # fmt: skip


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")
def test_a_pulihkan_cut_short_after_cutting_the_torn_tail_has_its_cut_recorded_after(run, ws):
    """The torn tail is moved aside before pulihkan's own journal line: killed in between, the
    journal was shorter with no line saying so and periksa was clean ("every recovery is
    recorded")."""
    from ppidctl.integrity import restore

    three(run)
    with ws.journal_path.open("ab") as f:
        f.write(b'{"waktu":"2026-03-16T10:00:00+08:00","perintah":"permohonan catat","regis')
    pid = os.fork()
    if pid == 0:
        try:
            journal.append = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)
            restore(Workspace(ws.root))
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
    (kept,) = [p.name for p in ws.registers_dir.glob("jurnal.rusak-*.txt")]
    result = periksa_fails(run)
    assert lines_of(result)[0] == (
        f"registers/{kept}: bagian jurnal yang terpotong disimpan di sini oleh pulihkan, tetapi "
        "pemotongannya belum tercatat di jurnal (pulihkan terhenti) — catat dengan: ppidctl "
        "pulihkan"
    )
    done = run.ok("pulihkan")
    assert f"registers/{kept}: pemotongan jurnal oleh pulihkan yang terhenti dicatat" in done.output
    assert codes(ws) == []
    assert f"registers/{kept}".encode() in ws.journal_path.read_bytes()


def test_the_row_just_recorded_deleted_by_hand_can_be_cancelled_when_named(run, ws):
    """Deleting the last row (a duplicate just registered) gives the file exactly as the last
    command found it, which is also what a command killed after its journal line leaves: only
    read as the crash, the office was stuck (`pulihkan` put the row back). Its word decides,
    by naming the row; accepting edits in general never takes an unfinished command away."""
    three(run)
    path = ws.register_path("permohonan")
    data = path.read_bytes()
    path.write_bytes(data[: data.rstrip(b"\n").rfind(b"\n") + 1])  # (Notepad: row 003 gone)
    result = periksa_fails(run)
    (line,) = lines_of(result)[:1]
    assert line.endswith(
        f"terapkan dengan: ppidctl pulihkan; hanya bila baris {N3} sengaja dihapus di luar "
        f"ppidctl (perkara ganda): ppidctl periksa --terima-perubahan --batalkan {N3} --catatan TEKS"
    )
    run.refused(
        "permohonan", "teruskan", N1, "--tanggal", "2026-03-17",
        message="lihat dengan: ppidctl periksa; selesaikan dengan: ppidctl pulihkan",
    )  # fmt: skip
    run.refused(  # (without naming it: the unfinished command is never accepted away)
        "periksa", "--terima-perubahan", "--catatan", "ganda",
        message="workspace perlu dipulihkan dahulu",
    )  # fmt: skip
    for other in (N2, "2"):
        run.refused(
            "periksa", "--terima-perubahan", "--batalkan", other, "--catatan", "ganda",
            message=f"--batalkan {other}: bukan baris yang baru dicatat lalu dihapus, atau",
        )  # fmt: skip
    # named by its sequence alone, as every N (it was refused as not the row just deleted)
    done = run.ok("periksa", "--terima-perubahan", "--batalkan", "3", "--catatan", "003 ganda")
    assert f"registers/permohonan.csv: {N3}: penghapusan baris diterima" in done.output
    assert codes(ws) == []
    nomor = json.loads(catat(run, "Dodi", "2026-03-16", "--format", "json").stdout)[
        "nomor_registrasi"
    ]
    assert nomor == "004/PPID/5271/III/2026"  # (003 was given: never again)
    told = run.refused("permohonan", "lihat", N3,  # (what happened to it: review koreksi L1)
                       message=f"nomor {N3} dibatalkan — barisnya dihapus (periksa "
                       "--terima-perubahan, ")  # fmt: skip
    assert ": 003 ganda; nomor itu tidak dipakai lagi" in told.stderr


def test_batalkan_on_a_row_deleted_in_a_file_saved_otherwise_is_an_ordinary_deletion(run, ws):
    # deleted in an editor that saved the lines its own way (here LF): not the unfinished
    # state, just an edit; the duplicate warning's advice (--batalkan) was refused, wrongly
    three(run)
    path = ws.register_path("permohonan")
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(x.rstrip(b"\r\n") + b"\n" for x in lines[:-1]))
    done = run("periksa", "--terima-perubahan", "--batalkan", "003", "--catatan", "003 ganda")
    assert f"registers/permohonan.csv: {N3}: penghapusan baris diterima" in done.output
    assert codes(ws) == []


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")
def test_batalkan_is_never_offered_for_a_letter_left_unwritten(run, ws):
    """A `catat` with a numbered receipt killed after writing the request but before the letter
    register: the letter row is no duplicate to cancel (its file exists, its number is given)."""
    from ppidctl.services import permohonan
    from ppidctl.store import transaction

    from conftest import numbered_receipts

    numbered_receipts(ws)
    three(run)
    data = permohonan.RequestInput(
        nama="Andi", nik="5271011203900001", alamat="Mataram", telepon="081234567890",
        informasi="Salinan DPT", tujuan="Penelitian", dokumen="identitas",
    )  # fmt: skip
    before = (ws.registers_dir / "surat.csv").read_bytes()
    real = transaction._replace
    written = []

    def write_one_then_die(src, dst):  # (permohonan.csv first, then killed)
        if written:
            os.kill(os.getpid(), signal.SIGKILL)
        written.append(dst)
        real(src, dst)

    pid = os.fork()
    if pid == 0:
        try:
            transaction._replace = write_one_then_die
            permohonan.register(Workspace(ws.root), data, tanggal="2026-03-16")
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
    assert (ws.registers_dir / "surat.csv").read_bytes() == before  # (the letter row unwritten)
    lines = lines_of(periksa_fails(run))
    (line,) = [x for x in lines if x.startswith("registers/surat.csv")]
    assert line.endswith("— terapkan dengan: ppidctl pulihkan")  # (no --batalkan offered)
    run.refused(
        "periksa", "--terima-perubahan", "--batalkan", "004/PPID/5271/III/2026", "--catatan", "x",
        message="--batalkan 004/PPID/5271/III/2026: bukan baris yang baru dicatat",
    )  # fmt: skip
    run.ok("pulihkan")
    assert codes(ws) == []


def test_a_step_on_the_wrong_case_put_back_by_hand_can_be_cancelled_when_named(run, ws):
    """`putuskan 1` meant for 2, the row put back at once exactly as it was: the register is as
    the step found it, which is also what a command killed after its journal line leaves. Read
    only as the crash, the office was stuck (`pulihkan` put the wrong decision back, every
    command on the register refused). Its word decides, by naming the row (review koreksi H1)."""
    three(run)
    path = ws.register_path("permohonan")
    before = path.read_bytes()
    run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--tanggal", "2026-03-17")
    path.write_bytes(before)  # (the row put back in a text editor)
    (line,) = [x for x in lines_of(periksa_fails(run)) if "belum tertulis" in x]
    assert line.endswith(
        "terapkan dengan: ppidctl pulihkan; hanya bila langkah itu sengaja dibatalkan dengan "
        f"mengembalikan baris {N1} seperti sebelumnya di luar ppidctl (langkah tercatat pada "
        f"perkara yang salah): ppidctl periksa --terima-perubahan --batalkan {N1} --catatan TEKS"
    )
    run.refused("periksa", "--terima-perubahan", "--batalkan", N2, "--catatan", "x",
                message=f"--batalkan {N2}: bukan baris")  # fmt: skip
    run.refused(  # (what the step's refusal hint leads to first: pulihkan alone put it back)
        "periksa", "--terima-perubahan", "--catatan", "salah nomor",
        message="ppidctl pulihkan, lalu ulangi perintah ini; hanya bila baris "
        f"{N1} sengaja dihapus atau dikembalikan seperti sebelum perintah terakhirnya: ppidctl "
        f"periksa --terima-perubahan --batalkan {N1} --catatan TEKS",
    )  # fmt: skip
    done = run.ok("periksa", "--terima-perubahan", "--batalkan", "1", "--catatan", "salah nomor")
    assert f"{N1}: perubahan status, keputusan, tanggal_pemberitahuan, terlambat diterima" in (
        done.output
    )
    assert codes(ws) == []
    assert path.read_bytes() == before
    history = run.ok("permohonan", "lihat", "1").stdout
    assert "Keputusan: diberikan → -" in history and "catatan: salah nomor" in history
    run.ok("permohonan", "putuskan", "2", "--keputusan", "diberikan", "--tanggal", "2026-03-17")
    assert codes(ws) == []


def test_batalkan_names_the_letters_the_undone_step_made(run, ws):
    # a rejection on the wrong case made its letter, numbered in the agenda; the step undone,
    # the letter stays (its number was given) and nothing said so (review sesi28b L7)
    three(run)
    path = ws.register_path("permohonan")
    before = path.read_bytes()
    run.ok("permohonan", "putuskan", "1", "--keputusan", "ditolak", "--pasal", "17 huruf h",
           "--sk-pengecualian", "SK 1", "--uji-konsekuensi", UJI, "--tanggal", "2026-03-17")  # fmt: skip
    (letter,) = ws.read("surat").rows
    path.write_bytes(before)
    done = run.ok("periksa", "--terima-perubahan", "--batalkan", "1", "--catatan", "salah nomor")
    assert (
        f"registers/surat.csv: surat {letter['nomor_surat']} (penolakan, {letter['berkas']}) "
        "dibuat oleh langkah yang dibatalkan: tetap di agenda dengan nomornya, ditandai batal, "
        "jangan dikirim"
    ) in done.stderr
    # marked in the agenda, which said nothing of it (review agenda M1)
    assert ws.read("surat").rows == [{**letter, "keterangan": "batal: salah nomor"}]
    assert codes(ws) == []
    story = run.ok("permohonan", "lihat", "1").stdout
    assert f"surat: {letter['berkas']} (nomor {letter['nomor_surat']}; batal: salah nomor)" in story
    run.ok("permohonan", "putuskan", "2", "--keputusan", "diberikan", "--tanggal", "2026-03-17",
           "--tanpa-surat")  # fmt: skip
    _edit(ws, "permohonan", N2, status="terdaftar", keputusan="", tanggal_pemberitahuan="",
          terlambat="")  # fmt: skip
    done = run.ok("periksa", "--terima-perubahan", "--batalkan", "2", "--catatan", "salah")
    assert "dibuat oleh langkah yang dibatalkan" not in done.stderr  # (that step made none)


def test_batalkan_on_a_step_put_back_in_a_file_saved_otherwise_is_an_ordinary_edit(run, ws):
    # the README's recipe names --batalkan; a row put back in an editor that saved the lines its
    # own way (or an XLSX register) is no unfinished state but an edit: it was refused as "not
    # the same as before" (review sesi28b L1)
    three(run)
    path = ws.register_path("permohonan")
    before = path.read_bytes()
    run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--tanggal", "2026-03-17")
    path.write_bytes(b"".join(x.rstrip(b"\r\n") + b"\n" for x in before.splitlines(True)))
    done = run.ok("periksa", "--terima-perubahan", "--batalkan", "1", "--catatan", "salah nomor")
    assert f"{N1}: perubahan status, keputusan" in done.stderr
    assert codes(ws) == []


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")
def test_accepting_edits_never_takes_an_unfinished_step_away(run, ws):
    from ppidctl.services import permohonan

    three(run)
    _killed_after_journal(
        ws, lambda w: permohonan.forward(w, N2, tanggal="2026-03-17", petugas="Rina")
    )
    (line,) = [x for x in lines_of(periksa_fails(run)) if "belum tertulis" in x]
    assert "— terapkan dengan: ppidctl pulihkan; hanya bila langkah itu sengaja dibatalkan" in line
    run.refused(
        "periksa", "--terima-perubahan", "--catatan", "x",
        message="workspace perlu dipulihkan dahulu",
    )  # fmt: skip
    run.refused(  # (another row: not the one the unfinished step changed)
        "periksa", "--terima-perubahan", "--batalkan", N1, "--catatan", "x",
        message=f"--batalkan {N1}: bukan baris yang baru dicatat lalu dihapus, atau yang langkah",
    )  # fmt: skip
    run.ok("pulihkan")
    assert ws.read("permohonan").rows[1]["diteruskan_pada"] == "2026-03-17"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")
def test_a_letter_killed_before_its_journal_line_leaves_only_a_temp_file(run, ws):
    """A letter written before its journal line was left as a finished letter with person A's
    data and number 004: the next request got 004 too and its receipt became …-2.docx, and
    neither periksa nor pulihkan saw it. It is written under a temp name until the journal
    names it."""
    from helpers_docx import docx_text

    three(run)
    before = snapshot(ws.root)
    _killed(ws, "journal", "Andi Korban")
    left = {k for k in snapshot(ws.root).keys() - before.keys() if not k.startswith("registers/.")}
    (temp,) = left  # (the lock's info file aside) nothing but the receipt's temp file
    assert temp.startswith("letters/2026/.004-PPID-5271-III-2026-tanda-terima.docx.")
    assert not (ws.root / RECEIPT4).exists()
    run.ok("permohonan", "catat", *REQUEST, "--nama", "Budi Berikutnya", "--tanggal", "2026-03-16")
    assert "Budi Berikutnya" in docx_text(ws.root / RECEIPT4)  # 004, its own name, no "-2"
    result = periksa_fails(run)
    assert (
        f"{temp}: berkas sementara sisa perintah yang terhenti — hapus dengan: ppidctl pulihkan"
    ) in lines_of(result)
    assert codes(ws) == [m.BERKAS_SEMENTARA] * 3  # (and the two registers' new content)
    run.ok("pulihkan")
    assert codes(ws) == []
    assert not (ws.root / temp).exists()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")
def test_a_letter_killed_after_its_journal_line_is_put_in_place_by_pulihkan(run, ws):
    from helpers_docx import docx_text

    three(run)
    _killed(ws, "letter", "Andi Korban")
    assert not (ws.root / RECEIPT4).exists()
    result = periksa_fails(run)
    (line,) = [x for x in lines_of(result) if x.startswith(RECEIPT4)]
    assert "surat sudah tercatat di jurnal (baris 5) tetapi masih berupa berkas sementara " in line
    assert line.endswith("(perintah terhenti di tengah jalan) — terapkan dengan: ppidctl pulihkan")
    # the letter, permohonan.csv, surat.csv; and the registers' temp files
    assert codes(ws) == [m.BELUM_DITERAPKAN] * 3 + [m.BERKAS_SEMENTARA] * 2
    run.refused("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", message="pulihkan")
    out = run.ok("pulihkan").stdout
    assert f"{RECEIPT4}: surat yang sudah tercatat di jurnal ditempatkan dari letters/2026/." in out
    assert codes(ws) == []
    assert "Andi Korban" in docx_text(ws.root / RECEIPT4)
    assert [r["nomor_registrasi"] for r in ws.read("permohonan").rows][-1] == N4
    assert [r["berkas"] for r in ws.read("surat").rows] == [RECEIPT4]
    assert not list((ws.letters_dir / "2026").glob(".*.tmp"))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")
def test_a_drive_without_hard_links_still_gets_letters_archives_and_pulihkan(
    run, ws, tmp_path, monkeypatch
):
    """FAT/exFAT drives (the external disk docs/integritas.md suggests for `arsip`) and some
    shares have no hard links: every letter failed after its journal line, `pulihkan` and `arsip`
    with a traceback. The name is claimed with O_EXCL instead, so nothing is overwritten."""
    from helpers_docx import docx_text

    _killed(ws, "letter", "Andi Korban")  # (a journalled letter waiting for pulihkan)
    linked = []

    def no_link(src, dst, *args, **kwargs):
        linked.append(dst)
        raise OSError(errno.EPERM, "Operation not permitted", str(dst))

    monkeypatch.setattr(os, "link", no_link)
    out = run.ok("pulihkan").stdout
    receipt1 = "letters/2026/001-PPID-5271-III-2026-tanda-terima.docx"
    assert f"{receipt1}: surat yang sudah tercatat di jurnal ditempatkan" in out
    assert "Andi Korban" in docx_text(ws.root / receipt1)
    run.ok("permohonan", "catat", *REQUEST, "--nama", "Budi", "--tanggal", "2026-03-16")
    assert "Budi" in docx_text(ws.root / "letters/2026/002-PPID-5271-III-2026-tanda-terima.docx")
    run.ok("surat", "buat", "tanda-terima", "1")  # a new copy beside the first, never over it
    copy = ws.root / "letters/2026/001-PPID-5271-III-2026-tanda-terima-2.docx"
    assert "Andi Korban" in docx_text(copy) and "Andi Korban" in docx_text(ws.root / receipt1)
    drive = tmp_path / "usb"
    drive.mkdir()
    first = json.loads(run.ok("arsip", "--keluaran", str(drive), "--format", "json").stdout)
    second = json.loads(run.ok("arsip", "--keluaran", str(drive), "--format", "json").stdout)
    assert first["arsip"] != second["arsip"]  # (same second: -2, the first kept)
    for info in (first, second):
        zpath = drive / os.path.basename(info["arsip"])
        assert journal.sha256_bytes(zpath.read_bytes()) == info["sha256"]
    assert not list(drive.glob(".*.tmp")) and not list((ws.letters_dir / "2026").glob(".*.tmp"))
    assert len(linked) >= 5  # (every one of them went through the fallback)
    assert codes(ws) == []


def test_a_full_disk_is_a_message_and_changes_nothing(run, ws, monkeypatch):
    """An OSError other than a permission one (disk full, drive pulled out) was a traceback."""
    catat(run, "Ani")

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(ws.journal_path))

    monkeypatch.setattr(journal, "append", full)
    result = run.refused(
        "permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", "--tanpa-surat",
        message="registers/jurnal.jsonl tidak dapat dibaca atau ditulis (disk penuh)",
    )  # fmt: skip
    assert result.stderr.rstrip().endswith("di dalam workspace, jalankan: ppidctl periksa")


def test_a_disk_filling_up_during_the_journal_line_leaves_the_journal_as_it_was(
    run, ws, monkeypatch
):
    """Part of the line reached the disk before ENOSPC: the refused command left a torn journal,
    and every later command — also once space was freed — was refused as after a power cut."""
    catat(run, "Ani")

    class HalfFull:  # the journal module's os: the first write lands half, then the disk is full
        written = False

        def __getattr__(self, name):
            return getattr(os, name)

        def write(self, fd, data):
            if self.written:
                raise OSError(errno.ENOSPC, "No space left on device")
            self.written = True
            return os.write(fd, bytes(data[: len(data) // 2]))

    monkeypatch.setattr(journal, "os", HalfFull())
    run.refused(  # (run.refused: the workspace byte-identical, the journal included)
        "permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", "--tanpa-surat",
        message="tidak dapat dibaca atau ditulis (disk penuh)",
    )  # fmt: skip
    monkeypatch.setattr(journal, "os", os)  # space freed
    catat(run, "Budi")
    assert codes(ws) == []


def test_settings_open_in_another_program_on_windows_refuse_a_stage_before_the_journal(
    run, ws, monkeypatch
):
    """`tahapan tambah` writes ppidctl.toml after the journal: with the file held (Word, on
    Windows) the journal said the stage was added, the settings did not have it, and periksa
    found nothing. Refused first, like a held register. (Simulated.)"""
    from ppidctl.store import transaction

    monkeypatch.setattr(transaction, "held_open", lambda path: path.name == "ppidctl.toml")
    run.refused("tahapan", "tambah", "Kampanye", "--mulai", "2026-09-01", "--selesai",
                "2026-11-30", message="ppidctl.toml sedang dibuka program lain")  # fmt: skip


def test_a_full_disk_while_writing_a_register_records_nothing(run, ws, monkeypatch):
    """The register, the largest write, came after the journal line: a full disk there left
    a step half-written, for pulihkan (review rusak M2). It is written to its temp file before
    the journal line now: the refusal leaves the workspace as it was."""
    from ppidctl.store import transaction

    three(run)
    real = transaction._write_temp

    def full(path, data, mode):
        if path.name == "surat.csv":  # (the second register of the commit: the first's
            raise OSError(errno.ENOSPC, "No space left on device", str(path))  # temp goes too)
        return real(path, data, mode)

    def too_large(path, data, mode):
        raise OSError(errno.EFBIG, "File too large", str(path))

    with monkeypatch.context() as m_:  # (FAT32's 4 GB: no space freed helps — sesi33 L4)
        m_.setattr(transaction, "_write_temp", too_large)
        run.refused("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-17",
                    message="pindahkan workspace ke diska berformat exFAT atau NTFS")  # fmt: skip
    monkeypatch.setattr(transaction, "_write_temp", full)
    run.refused(
        "permohonan", "catat", *REQUEST, "--tanggal", "2026-03-17",
        message="registers/surat.csv tidak dapat ditulis (disk penuh); perubahan ini tidak "
        "dicatat, workspace tidak berubah — kosongkan ruang diska, lalu ulangi perintah ini",
    )  # fmt: skip
    assert not list(ws.root.rglob("*.tmp"))
    monkeypatch.setattr(transaction, "_write_temp", real)
    assert _nomor(catat(run, "Dewi", "2026-03-17", "--format", "json")) == N4
    assert codes(ws) == []


def test_a_register_open_in_excel_on_windows_refuses_before_anything_is_written(
    run, ws, monkeypatch
):
    """Windows cannot replace a file Excel shows (the README suggests opening registers in
    Excel): the request was journalled, then the register write failed, and every later
    command was refused until pulihkan. Now refused first, nothing written; a reader's moment
    is waited out; a failure after the journal says how to finish. (Simulated: Linux has no
    such locks; `held_open` is what looks at the file on Windows.)"""
    from ppidctl.store import transaction

    catat(run, "Ani")
    register = ws.register_path("permohonan")
    monkeypatch.setattr(transaction, "WINDOWS", True)
    monkeypatch.setattr(transaction, "held_open", lambda path: path == register)
    run.refused(
        "permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", "--tanpa-surat",
        message="registers/permohonan.csv sedang dibuka program lain (mis. Excel), jadi tidak "
        "dapat ditulis — tutup berkasnya lalu ulangi perintah",
    )  # fmt: skip
    monkeypatch.setattr(transaction, "held_open", lambda path: False)
    monkeypatch.setattr(transaction.time, "sleep", lambda s: None)
    replace, refusals = os.replace, []

    def busy(src, dst):  # another desk's reader holds it for a moment, then Excel for good
        if Path(dst) == register and (len(refusals) < 3 or excel):
            refusals.append(dst)
            raise PermissionError(errno.EACCES, "Access is denied", str(dst))
        return replace(src, dst)

    excel = False
    monkeypatch.setattr(os, "replace", busy)
    catat(run, "Budi")
    assert len(refusals) == 3 and ws.read("permohonan").rows[-1]["nama_pemohon"] == "Budi"
    excel = True
    result = run("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", "--tanpa-surat")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert (
        "Error: registers/permohonan.csv tidak dapat ditulis (akses ditolak); perubahan sudah "
        "tercatat di jurnal tetapi belum selesai ditulis (jangan diulang: pulihkan "
        "menyelesaikannya) — tutup program yang membuka berkas itu, lalu selesaikan dengan: "
        "ppidctl pulihkan"
    ) in result.stderr

    monkeypatch.setattr(os, "replace", replace)
    run.ok("pulihkan")
    assert [r["nama_pemohon"] for r in ws.read("permohonan").rows] == [
        "Ani",
        "Budi",
        "Budi Santoso",
    ]

    def full(src, dst):  # the same moment on a full disk: the advice is the disk's
        raise OSError(errno.ENOSPC, "No space left on device", str(dst))

    monkeypatch.setattr(os, "replace", full)
    result = run("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", "--tanpa-surat")
    assert result.exit_code == 1
    assert "— kosongkan ruang diska, lalu selesaikan dengan: ppidctl pulihkan" in result.stderr
    monkeypatch.setattr(os, "replace", replace)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")
def test_a_letter_cut_short_after_claiming_its_name_is_finished_by_pulihkan(run, ws):
    """Without hard links a letter's name is claimed empty, then filled: killed in between,
    the empty file made pulihkan take the staged letter for a leftover and delete it (the only
    copy), and periksa said nothing."""
    from helpers_docx import docx_text

    three(run)
    _killed(ws, "letter", "Andi Korban")
    (ws.root / RECEIPT4).write_bytes(b"")  # (the name claimed, the letter not yet moved in)
    result = periksa_fails(run)
    assert any(x.startswith(RECEIPT4) and "berkas sementara" in x for x in lines_of(result))
    out = run.ok("pulihkan").stdout
    assert f"{RECEIPT4}: surat yang sudah tercatat di jurnal ditempatkan" in out
    assert "Andi Korban" in docx_text(ws.root / RECEIPT4)
    assert codes(ws) == [] and not list((ws.letters_dir / "2026").glob(".*.tmp"))


def test_a_lost_journal_stops_numbering_until_restored_or_accepted(run, ws):
    """Only the journal lost or emptied: catat still added numbered rows on a fresh chain; the
    whole registers/ folder lost: periksa said "Tidak ada masalah" and catat gave 001 again.
    init writes the journal's first line, so no journal means it was lost."""
    three(run)
    ws.journal_path.write_bytes(b"")
    lost = "registers/jurnal.jsonl tidak ada atau kosong"
    emptied = "registers/jurnal.jsonl kosong (0 byte)"  # (first: still synced? — sinkron M2)
    run.refused("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-17", message=emptied)
    res = run("periksa")
    assert res.exit_code == 1 and "jurnal tidak ada, kosong" in res.stdout
    # each row's hint is the way out there is (a rebuild from no journal is refused)
    assert "pulihkan --register" not in res.stdout and "mulai jurnal baru dengannya" in res.stdout
    # rebuilding from an empty journal would empty the register (its rows only in .rusak-*)
    run.refused("pulihkan", "--register", "permohonan", message=emptied)
    # nor is a new journal started over one maybe still synced (review sesi33 M1) ...
    run.refused("periksa", "--terima-perubahan", "--catatan", "jurnal kosong",
                message="jurnal baru tidak dimulai di atasnya — tunggu sampai penyalinan atau "
                "sinkronisasinya selesai, lalu ulangi; bila jurnal memang hilang (tetap kosong), "
                "hapus berkas kosong itu")  # fmt: skip
    assert "hapus berkas kosong itu, dan bila register benar, mulai jurnal baru" in res.stdout
    # the journal's own line too, and no hash to write down (review sesi33b N1)
    assert "isinya benar: hapus berkas kosong itu, lalu ppidctl periksa --terima-" in res.stdout
    assert "tidak ada hash untuk dicatat" in res.stderr and "0" * 64 not in res.stderr
    ws.journal_path.unlink()
    # ... the office's word that the registers are right starts a new journal with them
    run("periksa", "--terima-perubahan", "--catatan", "jurnal terhapus; register diperiksa")
    data = json.loads(catat(run, "Dewi", "2026-03-17", "--format", "json").stdout)
    assert data["nomor_registrasi"] == "004/PPID/5271/III/2026"

    shutil.rmtree(ws.root / "registers")  # the whole folder: a sync client, a wrong move
    run.refused("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-17", message=lost)
    run.refused("pulihkan", message=lost)  # (nor re-creates registers/ with its lock file)
    res = run("periksa")
    assert res.exit_code == 1 and "jurnal tidak ada, kosong" in res.stdout


def test_a_lost_journal_of_an_empty_workspace_and_a_torn_only_line_are_not_dead_ends(run, ws):
    # a journal whose only line is torn (power cut during init), the registers empty: pulihkan
    # cut it to nothing and then refused on the empty journal, the cut already made
    ws.journal_path.write_bytes(ws.journal_path.read_bytes().splitlines()[0][:100])
    said = run("periksa").stdout
    assert "register masih kosong (mis. listrik padam saat ppidctl init)" in said
    assert "perbaiki dengan: ppidctl pulihkan" in said
    run.ok("pulihkan")
    assert ws.journal_path.read_bytes()  # the repair's own line starts it again
    # nothing to accept: --terima-perubahan wrote nothing and every command stayed refused
    for kept in ws.registers_dir.glob("jurnal.rusak-*"):  # (another story: a fresh office)
        kept.unlink()
    ws.journal_path.unlink()
    run.refused("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16",
                message="jurnal.jsonl tidak ada")  # fmt: skip
    res = run("periksa", "--terima-perubahan", "--catatan", "jurnal terhapus sebelum dipakai")
    assert "jurnal.jsonl: jurnal baru dimulai dengan register ini" in res.stderr
    catat(run, "Ani")
    assert run.ok("periksa").exit_code == 0


def test_a_lost_journal_of_imported_books_starts_again_and_their_rows_can_be_corrected(run, ws):
    """The acceptance's case checks (steps, an objection's copy of its request) refused the
    documented restart of a lost journal once the office had imported its old books — 101 of
    the sample's rows lack a step, 21 objections spell the requester otherwise (review sesi28b
    H1) — and a missing date filled in by hand on an imported case (M1): periksa leaves
    imported rows' steps alone, and so does the acceptance."""
    legacy = SHARED / "data" / "legacy"
    for book, register in (("register-permohonan-2024.xlsx", "permohonan"),
                           ("register-keberatan-2024.csv", "keberatan")):  # fmt: skip
        run.ok("impor", str(legacy / book), "--register", register, "--lewati-baris-bermasalah")
    keb = ws.read("keberatan").rows
    row = next(r for r in keb if not r["tanggal_tanggapan"] and not r["disampaikan_pada"]
               and r["status"] == "selesai")  # fmt: skip
    _edit(ws, "keberatan", row["nomor_registrasi"], tanggal_tanggapan=row["tanggal_diterima"])
    res = run("periksa", "--terima-perubahan", "--catatan", "tanggal tanggapan dari arsip")
    assert "perubahan tanggal_tanggapan diterima" in res.stderr, res.stderr
    ws.journal_path.unlink()
    res = run("periksa", "--terima-perubahan", "--catatan", "jurnal terhapus, register benar")
    assert "jurnal.jsonl: jurnal baru dimulai dengan register ini" in res.stderr, res.stderr


def test_finishing_a_marked_step_keeps_the_mark_of_the_unaccepted_edit(run, ws):
    """A row deleted by hand, a step that wrote the marked line and was killed before the
    register, then pulihkan: the roll-forward dropped the mark and catat gave 002 again."""
    catat(run, "Ani")
    catat(run, "Budi")
    run.ok("permohonan", "teruskan", "1", "--tanggal", "2026-03-16")
    path = ws.register_path("permohonan")
    lines = path.read_bytes().split(b"\r\n")
    path.write_bytes(b"\r\n".join(lines[:2] + lines[3:]))  # 002 deleted by hand
    edited = path.read_bytes()
    run.ok("permohonan", "perpanjang", "1", "--alasan", "Data dihimpun", "--tanggal", "2026-03-17",
           "--tanpa-surat")  # fmt: skip
    path.write_bytes(edited)  # killed after its journal lines, before the register was replaced
    assert "diterapkan" in run.ok("pulihkan").stdout
    run.refused("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-17",
                message="suntingan di luar ppidctl yang belum diterima")  # fmt: skip


def test_a_marked_step_finished_by_pulihkan_on_a_resaved_register_can_still_be_accepted(run, ws):
    """The register re-saved (same content), a step killed after its journal lines, pulihkan:
    the mark stayed but the repair settled the history, so periksa saw nothing, nothing could
    be accepted and catat stayed refused for good."""
    catat(run, "Ani")
    catat(run, "Budi")
    path = ws.register_path("permohonan")
    lines = path.read_bytes().split(b"\r\n")  # re-saved, rows sorted otherwise: same content
    path.write_bytes(b"\r\n".join([lines[0], lines[2], lines[1], b""]))
    before = path.read_bytes()
    run.ok("permohonan", "teruskan", "1", "--tanggal", "2026-03-16")
    path.write_bytes(before)  # killed before the register was replaced
    run.ok("pulihkan")
    found = run("periksa")
    assert found.exit_code == 1 and "diubah di luar ppidctl sebelum perintah" in found.stdout
    assert found.stdout.count("diubah di luar ppidctl sebelum perintah") == 1  # (not the repair)
    run("periksa", "--terima-perubahan", "--catatan", "disimpan ulang di Excel")
    assert catat(run, "Citra").exit_code == 0


def test_a_journal_reduced_to_a_fragment_beside_cases_is_not_restarted_by_a_repair(run, ws):
    # an editor left one line break: pulihkan cut it and began a journal without the office's
    # word; its next suggestion (pulihkan --register) emptied the register and 001 came again
    three(run)
    ws.journal_path.write_bytes(b"\n")
    run.refused("pulihkan", message="jurnal.jsonl hanya berisi potongan baris yang tidak utuh")
    run.refused("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-17",
                message="hanya berisi potongan baris yang tidak utuh")  # fmt: skip
    said = run("periksa").stdout  # (one way out, not also "pulihkan" for its torn fragment)
    assert "jurnal tidak ada, kosong" in said and "ppidctl pulihkan" not in said.split(" — ")[1]
    # a refused acceptance (a wrong --batalkan) leaves the fragment where it is
    run.refused("periksa", "--terima-perubahan", "--batalkan", N3, "--catatan", "x",
                message="--batalkan")  # fmt: skip
    run("periksa", "--terima-perubahan", "--catatan", "jurnal terhapus; register diperiksa")
    assert json.loads(catat(run, "Dewi", "2026-03-17", "--format", "json").stdout)[
        "nomor_registrasi"
    ] == "004/PPID/5271/III/2026"  # fmt: skip


def test_accepting_with_the_registers_lost_too_is_refused(run, ws):
    three(run)
    (ws.registers_dir / "permohonan.csv").unlink()  # with the journal: 001 would come again
    ws.journal_path.unlink()
    run.refused(
        "periksa", "--terima-perubahan", "--catatan", "mulai lagi",
        message="jurnal dan register permohonan tidak ada",
    )  # fmt: skip
    shutil.rmtree(ws.root / "registers")
    run.refused(
        "periksa", "--terima-perubahan", "--catatan", "mulai lagi",
        message="nomor registrasi akan dimulai lagi dari 001",
    )  # fmt: skip


def test_cases_kept_in_the_other_format_are_not_accepted_as_deleted(run, ws):
    toml = ws.root / "ppidctl.toml"
    toml.write_text(toml.read_text().replace('format = "csv"', 'format = "xlsx"'))
    catat(run, "Ani")
    toml.write_text(toml.read_text().replace('format = "xlsx"', 'format = "csv"'))
    run.refused("periksa", "--terima-perubahan", "--catatan", "x", message="dalam dua format")


def test_a_lost_journal_of_an_xlsx_workspace_without_objections_yet_is_accepted(run, ws):
    # keberatan.xlsx is written by the first objection: its absence is no lost register
    toml = ws.root / "ppidctl.toml"
    toml.write_text(toml.read_text().replace('format = "csv"', 'format = "xlsx"'))
    catat(run, "Ani")  # (init's empty CSV files stay beside the XLSX ones)
    assert not (ws.registers_dir / "keberatan.xlsx").exists()
    ws.journal_path.unlink()
    res = run("periksa", "--terima-perubahan", "--catatan", "jurnal terhapus; register diperiksa")
    assert "baris tambahan diterima" in res.stderr
    assert json.loads(catat(run, "Budi", "2026-03-17", "--format", "json").stdout)[
        "nomor_registrasi"
    ] == "002/PPID/5271/III/2026"  # fmt: skip


def test_an_unreadable_register_beside_a_journal_fragment_is_not_called_empty(run, ws):
    three(run)
    ws.register_path("permohonan").write_bytes(b"bukan,register\r\n\x00\x01\r\n")
    ws.journal_path.write_bytes(b"\n")
    said = run("periksa").stdout
    assert "jurnal tidak ada, kosong" in said and "register masih kosong" not in said


def test_pulihkan_register_leaves_init_s_empty_csv_of_an_xlsx_workspace_alone(run, ws):
    toml = ws.root / "ppidctl.toml"
    toml.write_text(toml.read_text().replace('format = "csv"', 'format = "xlsx"'))
    catat(run, "Ani")
    before = (ws.registers_dir / "permohonan.csv").read_bytes()
    res = run.ok("pulihkan", "--register", "permohonan")
    assert "format lama" not in res.stdout
    assert (ws.registers_dir / "permohonan.csv").read_bytes() == before
    assert not list(ws.registers_dir.glob("*.format-lama-*"))


def test_lihat_shows_the_note_of_an_accepted_edit_in_the_history(run, ws):
    # the audit trail: why the register was changed outside ppidctl, in the case's own history
    catat(run, "Ani")
    run.ok("permohonan", "teruskan", "1", "--tanggal", "2026-03-16")
    _edit(ws, "permohonan", N1, alamat="Jl. Pejanggik 12, Mataram")
    run("periksa", "--terima-perubahan", "--catatan", "alamat diperbaiki atas permintaan pemohon")
    shown = run.ok("permohonan", "lihat", N1).stdout
    assert "catatan: alamat diperbaiki atas permintaan pemohon" in shown


def _nomor(result) -> str:
    return json.loads(result.stdout)["nomor_registrasi"]


def test_a_row_the_journal_lost_is_dropped_by_a_rebuild_but_its_number_stays_used(run, ws):
    # the last journal line cut off after its register was written (or an old journal copied
    # back): pulihkan cut it, pulihkan --register dropped 004, and the next catat gave 004 again
    three(run)
    catat(run, "Dedi")
    data = ws.journal_path.read_bytes()
    ws.journal_path.write_bytes(data[: len(data) - 300])  # the last line torn in the middle
    run.ok("pulihkan")
    res = run.ok("pulihkan", "--register", "permohonan")
    assert "nomor baris yang dibuang tidak akan diberikan lagi: 004/PPID/5271/III/2026" in (
        res.stdout + res.stderr
    )
    assert _nomor(catat(run, "Eka", "2026-03-17", "--format", "json")) == "005/PPID/5271/III/2026"


def test_the_journal_lost_with_the_agenda_of_letters_is_not_restarted(run, ws):
    # letter numbers would start again at 1: refused as for a lost case register
    catat(run, "Ani")
    ws.journal_path.unlink()
    (ws.registers_dir / "surat.csv").unlink()
    said = run("periksa").stdout
    assert "registers/surat.csv: register tidak ada, dan jurnal yang dapat membangunnya" in said
    run.refused("periksa", "--terima-perubahan", "--catatan", "mulai lagi",
                message="jurnal dan register surat tidak ada: tidak ada yang dapat diterima "
                "sebagai awal jurnal baru, dan nomor surat akan dimulai lagi dari 1")  # fmt: skip


@pytest.mark.parametrize("lost", ["register", "format"])
def test_a_fragment_beside_a_lost_or_switched_register_is_no_power_cut_at_init(run, ws, lost):
    # periksa called it "register masih kosong (listrik padam saat init)", pulihkan cut the
    # fragment and started the journal again, and the next catat gave 001 again
    toml = ws.root / "ppidctl.toml"
    if lost == "format":  # cases in permohonan.xlsx, the setting switched back to CSV
        toml.write_text(toml.read_text().replace('format = "csv"', 'format = "xlsx"'))
    three(run)
    if lost == "format":
        toml.write_text(toml.read_text().replace('format = "xlsx"', 'format = "csv"'))
    else:
        ws.register_path("permohonan").unlink()
    ws.journal_path.write_bytes(ws.journal_path.read_bytes()[:40])
    said = run("periksa").stdout
    assert "jurnal tidak ada, kosong" in said and "register masih kosong" not in said
    run.refused("pulihkan", message="hanya berisi potongan baris yang tidak utuh")


def test_a_sync_service_s_conflict_copies_are_told_and_stop_new_numbers(run, ws, tmp_path):
    """Two computers registered offline in one synced workspace: one's files under the real
    names, the other's as "permohonan (1).csv", "jurnal (1).jsonl". periksa said "Tidak ada
    masalah", and the next catat gave again the number the other requester holds (review
    sinkron H1)."""
    from conftest import Runner

    three(run)
    other = tmp_path / "laptop"
    shutil.copytree(ws.root, other)
    catat(run, "Dedi", "2026-03-17")
    catat(Runner(other), "Eka", "2026-03-17")  # 004 too, on the other computer
    for name in ("permohonan.csv", "jurnal.jsonl"):
        stem, ext = name.split(".")
        shutil.copy2(other / "registers" / name, ws.registers_dir / f"{stem} (1).{ext}")
    # ppidctl's own files beside them are no copies
    (ws.registers_dir / "permohonan.rusak-20260317-100000.csv").write_bytes(b"")
    (ws.registers_dir / "catatan.txt").write_text("bukan register")
    found = check(ws)
    assert found.codes() == [m.SALINAN_BENTROK] * 2
    said = " ".join(str(p) for p in found.problems)
    assert "registers/permohonan (1).csv: salinan register permohonan di samping berkas " in said
    assert (
        "memuat 1 baris yang tidak ada atau berbeda di register (004/PPID/5271/III/2026 "
        "'Eka')" in said
    )
    assert "registers/jurnal (1).jsonl: salinan jurnal di samping berkas aslinya" in said
    assert "catat ulang dengan ppidctl perkara yang hanya ada di dalamnya" in said
    assert "memuat 1 baris jurnal yang tidak ada di jurnal ini" in said
    refused = run.refused(
        "permohonan", "catat", *REQUEST, "--nama", "Fajar", "--tanggal", "2026-03-18",
        message="registers/jurnal (1).jsonl, registers/permohonan (1).csv: salinan register "
        "atau jurnal di samping berkas aslinya",
    )  # fmt: skip
    assert "pindahkan berkas itu keluar folder registers/" in refused.stderr
    shown = run.ok("permohonan", "daftar")
    assert "Peringatan: registers/permohonan (1).csv: salinan register permohonan" in " ".join(
        shown.stderr.split()
    )
    run.ok("permohonan", "teruskan", "1", "--tanggal", "2026-03-18")  # (gives no number)
    for name in ("permohonan (1).csv", "jurnal (1).jsonl"):
        (ws.registers_dir / name).rename(tmp_path / name)
    assert _nomor(catat(run, "Eka", "2026-03-18", "--format", "json")) == "005/PPID/5271/III/2026"
    assert codes(ws) == []


def test_a_conflict_copy_of_days_off_or_one_still_arriving_is_told_as_such(run, ws, tmp_path):
    # libur's copy was told as cases whose numbers were held back (they were not); a copy of
    # 0 bytes as "already in the workspace"; an unreadable one in English (review sesi33 L2, L3)
    from conftest import Runner

    three(run)
    other = tmp_path / "laptop"
    shutil.copytree(ws.root, other)
    Runner(other).ok("kalender", "tambah", "2026-03-30", "--keterangan", "SK Wali Kota")
    shutil.copy(other / "registers" / "libur.csv", ws.registers_dir / "libur (1).csv")
    (ws.registers_dir / "permohonan (2).csv").write_bytes(b"")
    (ws.registers_dir / "permohonan (1).xlsx").write_bytes(b"sampah")
    said = {p.berkas: str(p) for p in check(ws).problems}
    libur = said["registers/libur (1).csv"]
    assert (
        "memuat 1 baris yang tidak ada atau berbeda di register (2026-03-30); tenggat "
        "dihitung tanpa hari libur yang hanya ada di dalamnya — bandingkan isinya; tambahkan "
        "hari libur itu dengan: ppidctl kalender tambah" in libur
    )
    assert "nomor baru" not in libur and "perkara" not in libur
    arriving = said["registers/permohonan (2).csv"]
    assert "kosong (0 byte): berkas itu mungkin masih disalin" in arriving
    assert "— tunggu sampai penyalinan atau sinkronisasinya selesai" in arriving
    assert "isinya tidak dapat dibaca ppidctl (bukan register yang utuh): bandingkan dengan " \
        "tangan; nomor baru di register permohonan tidak diberikan" in said[
            "registers/permohonan (1).xlsx"]  # fmt: skip
    warned = " ".join(run.ok("jatuh-tempo").stderr.split())
    assert (
        "registers/libur (1).csv: salinan register libur di samping berkas aslinya (salinan "
        "bentrok layanan sinkronisasi?): hari libur di dalamnya yang tidak ada di register "
        "tidak dihitung dalam tenggat" in warned
    )


def test_a_letter_s_conflict_copy_is_told_and_word_s_owner_file_is_no_letter(run, ws):
    # "…-tanda-terima (1).docx": the other computer's letter with the same number, unseen
    # (review sinkron H1); "~$4-PPID-….docx", Word's file beside a letter it has open, was
    # told as a letter of an unknown case "~$4/PPID/…", to record as given
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16")
    folder = ws.letters_dir / "2026"
    (letter,) = folder.glob("*.docx")
    (folder / f"~${letter.name[2:]}").write_bytes(b"owner")
    assert codes(ws) == []
    for copy in (" (1)", "-DESKTOP-7Q2", " - Salinan"):
        shutil.copy(letter, folder / f"{letter.stem}{copy}.docx")
    found = check(ws)
    assert found.codes() == [m.SALINAN_BENTROK] * 3
    assert str(found.problems[0]).startswith(
        f"letters/2026/{letter.stem} (1).docx: salinan surat di samping aslinya"
    )


def test_an_anchor_proves_the_journal_up_to_it_or_tells_it_rewritten(run, ws):
    """A journal rewritten whole and re-chained (a case back-dated) passed periksa: only a hash
    kept outside the workspace tells, and nothing checked one (review audit H1)."""
    three(run)
    said = run.ok("periksa").stderr
    (anchor,) = re.findall(r"Hash baris terakhir jurnal: ([0-9a-f]{64})", said)
    catat(run, "Dedi", "2026-03-17")
    out = " ".join(run.ok("periksa", "--jangkar", anchor, "--jangkar", anchor[:32]).stderr.split())
    assert (
        out.count(f"Jangkar {anchor[:16]}…: hash baris 4 jurnal (permohonan catat, dicatat ") == 2
        and "jurnal sampai baris itu tidak berubah sejak jangkar dicatat — 1 baris" in out
    )
    # the insider's rewrite: Budi's line changed, every later line chained again
    lines = ws.journal_path.read_bytes().splitlines(keepends=True)
    lines[2] = lines[2].replace(b"Budi", b"Badu")
    for i in range(3, len(lines)):
        entry = json.loads(lines[i])
        entry["sebelum"] = journal.line_hash(lines[i - 1])
        lines[i] = journal.dumps(entry).encode() + b"\n"
    ws.journal_path.write_bytes(b"".join(lines))
    found = run("periksa", "--jangkar", anchor, "--format", "json")
    assert found.exit_code == 1
    (problem,) = [p for p in json.loads(found.stdout) if p["kode"] == "jangkar-tidak-ditemukan"]
    assert problem["pesan"].startswith(f"jangkar {anchor} tidak ditemukan sebagai hash baris")
    run.usage("periksa", "--jangkar", anchor[:20], message="paling sedikit 32 digit pertamanya")


def test_an_anchor_after_a_break_in_the_chain_proves_nothing(run, ws):
    # line 2 edited without chaining again: periksa said "rantai putus" at line 3 and, in the
    # same run, that the journal was unchanged up to the anchor at line 5 (review sesi33b M1)
    three(run)
    catat(run, "Dedi", "2026-03-17")
    lines = ws.journal_path.read_bytes().splitlines(keepends=True)
    anchor = journal.line_hash(lines[4])
    # as copied from paper or a tool: in groups, "sha256:" before, sha256sum's "  -" after
    grouped = "SHA256:" + " ".join(anchor[i : i + 8] for i in range(0, 64, 8)) + "  -"
    assert "jurnal sampai baris itu tidak berubah" in run.ok("periksa", "--jangkar", grouped).stderr
    lines[1] = lines[1].replace(b"Ani", b"Ana")
    ws.journal_path.write_bytes(b"".join(lines))
    found = run("periksa", "--jangkar", anchor)
    assert found.exit_code == 1 and "tidak berubah sejak jangkar" not in found.stderr
    assert (
        f"registers/jurnal.jsonl:3: jangkar {anchor} adalah hash baris 5, tetapi rantai hash "
        "putus di baris 3, sebelumnya: jurnal sebelum jangkar itu diubah"
    ) in found.stdout
    assert "jangkar-sesudah-rantai-putus" in run("periksa", "--jangkar", anchor, "--format",
                                                 "json").stdout  # fmt: skip


def test_a_letter_dated_otherwise_than_its_case_s_step_is_told(run, ws):
    """A decision date edited (or back-dated) in the register and its journal, the letter sent
    left as it was: visible from the files alone, and periksa did not look (review audit L1)."""
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16")
    run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--tanggal", "2026-03-20")
    assert codes(ws) == []
    _edit(ws, "permohonan", "001/PPID/5271/III/2026", tanggal_pemberitahuan="2026-03-19")
    run.ok("periksa", "--terima-perubahan", "--catatan", "tanggal dikoreksi")
    (problem,) = check(ws).problems
    assert problem.kode == m.TANGGAL_SURAT and problem.berkas == "registers/surat.csv"
    assert str(problem).startswith(
        "registers/surat.csv:3: surat pemberitahuan 1/PL.02.2-SD/5271/III/2026 bertanggal "
        "2026-03-20, tetapi tanggal_pemberitahuan perkara 001/PPID/5271/III/2026 2026-03-19: "
    )
    run.ok("surat", "buat", "pemberitahuan", "1")  # (the letter made again, dated as corrected)
    assert codes(ws) == []


def test_a_register_or_journal_of_0_bytes_is_said_still_copied_not_accepted(run, ws):
    """A file a sync service or a USB copy has not finished is 0 bytes for a while: it was
    told "tidak ada" or an Excel save, periksa --terima-perubahan took it for every row
    deleted, and catat blamed an old archive for the receipts in letters/ (review sinkron M1,
    M2, L3)."""
    kosong = "kosong (0 byte): berkas itu mungkin masih disalin atau disinkronkan"
    tunggu = "tunggu sampai penyalinan atau sinkronisasinya selesai, lalu ulangi"
    for nama in ("Ani", "Budi"):
        run.ok("permohonan", "catat", *REQUEST, "--nama", nama, "--tanggal", "2026-03-16")
    full = ws.register_path("permohonan").read_bytes()
    ws.register_path("permohonan").write_bytes(b"")
    found = check(ws)
    assert found.codes() == [m.REGISTER_RUSAK]
    said = str(found.problems[0])
    assert f"{kosong} (USB, Google Drive, OneDrive), padahal jurnal mencatat 2 baris" in said
    assert tunggu in said
    run.refused("periksa", "--terima-perubahan", "--catatan", "x", message="perlu dipulihkan")
    refused = run.refused(
        "permohonan", "catat", *REQUEST, "--nama", "Citra", "--tanggal", "2026-03-17",
        message=f"registers/permohonan.csv {kosong}",
    )  # fmt: skip
    assert tunggu in refused.stderr and "arsip lama" not in refused.stderr
    for step in (
        ["permohonan", "teruskan", "1", "--tanggal", "2026-03-17"],
        ["permohonan", "lihat", "1"],
    ):  # (not "nomor 1 tidak ada": sesi33 L1) fmt: skip
        run.refused(*step, message=f"registers/permohonan.csv {kosong}")
    shown = " ".join(run.ok("jatuh-tempo").stderr.split())
    assert f"Peringatan: register permohonan {kosong}" in shown and "Excel" not in shown
    ws.register_path("permohonan").write_bytes(full)  # (the sync finishes)
    journal_bytes = ws.journal_path.read_bytes()
    ws.journal_path.write_bytes(b"")
    refused = run.refused(
        "permohonan", "catat", *REQUEST, "--nama", "Citra", "--tanggal", "2026-03-17",
        message=f"registers/jurnal.jsonl {kosong}",
    )  # fmt: skip
    assert tunggu in refused.stderr
    assert f"Peringatan: jurnal {kosong}" in " ".join(run.ok("jatuh-tempo").stderr.split())
    assert f"jurnal {kosong}" in str(check(ws).problems[0])
    ws.journal_path.write_bytes(journal_bytes)
    assert codes(ws) == []


def test_a_step_on_a_register_whose_file_is_gone_names_the_file(run, ws):
    # "nomor 1 tidak ada di register permohonan": true of the file, not of the case, and it
    # sent the officer looking for the case (review sesi32d2 L5)
    three(run)
    ws.register_path("permohonan").unlink()
    said = "registers/permohonan.csv tidak ada (dihapus atau dipindahkan di luar ppidctl)"
    way = "bangun ulang dari jurnal: ppidctl pulihkan --register permohonan"
    for step in (["permohonan", "teruskan", "1", "--tanggal", "2026-03-17"],
                 ["permohonan", "lihat", "1"], ["surat", "buat", "tanda-terima", "1"]):  # fmt: skip
        refused = run.refused(*step, message=said)
        assert way in refused.stderr and "nomor 1 tidak ada" not in refused.stderr
    run.ok("pulihkan", "--register", "permohonan")
    run.ok("permohonan", "teruskan", "1", "--tanggal", "2026-03-17")


def test_only_init_s_files_beside_a_fragment_are_repaired_by_pulihkan(run, ws):
    # a power cut while init wrote its journal line: nothing else is there, pulihkan starts it
    ws.journal_path.write_bytes(ws.journal_path.read_bytes()[:40])
    assert "register masih kosong" in run("periksa").stdout
    run.ok("pulihkan")
    assert _nomor(catat(run, "Ani", "2026-03-16", "--format", "json")) == N1
    # a letter written is more than init left: not repaired on its own
    ws.journal_path.write_bytes(ws.journal_path.read_bytes()[:40])
    ws.register_path("permohonan").write_bytes(
        ws.register_path("permohonan").read_bytes().split(b"\r\n")[0] + b"\r\n"
    )
    (ws.letters_dir / "2026").mkdir(mode=0o750, exist_ok=True)
    letter = ws.letters_dir / "2026" / "001-PPID-5271-III-2026-tanda-terima.docx"
    letter.write_bytes(b"x")
    os.chmod(ws.letters_dir / "2026", 0o750)  # (as ppidctl makes them: only the refusal differs)
    os.chmod(letter, 0o640)
    run.refused("pulihkan", message="hanya berisi potongan baris yang tidak utuh")


def test_a_journal_lost_while_a_command_waited_for_the_lock_is_refused_under_it(ws):
    # checked on entering, before the lock: a journal deleted during the wait was started
    # again by that command's own line, without init's and the numbers deleted before it
    from ppidctl.errors import RegisterError

    w = Workspace(ws.root)
    before = snapshot(ws.root)
    with pytest.raises(RegisterError, match="jurnal.jsonl tidak ada atau kosong"):
        with w.transaction("permohonan catat") as tx:
            w.journal_path.unlink()  # (another process, while this one held or waited)
            tx.log("libur", "", "tambah", {"tanggal": ("", "2026-03-16")})
    after = snapshot(ws.root)
    assert {k: v for k, v in after.items() if "jurnal" not in k} == {
        k: v for k, v in before.items() if "jurnal" not in k
    }
    assert not w.journal_path.exists()  # (nothing written: still lost, as periksa says)


def test_a_new_journal_keeps_the_numbers_the_agenda_of_letters_shows_were_given(run, ws):
    # 002 given with its receipt, deleted, the deletion accepted; then the journal lost: the
    # new journal knew nothing of it and the next catat gave 002 again
    catat(run, "Ani")
    run.ok("permohonan", "catat", *REQUEST, "--nama", "Budi", "--tanggal", "2026-03-16")
    catat(run, "Citra")
    _delete_row(ws, "permohonan", N2)
    run.ok("periksa", "--terima-perubahan", "--catatan", "002 ganda, dihapus")
    ws.journal_path.unlink()
    res = run.ok("periksa", "--terima-perubahan", "--catatan", "jurnal terhapus; register benar")
    assert "tidak akan diberikan lagi: 002/PPID/5271/III/2026" in res.stdout + res.stderr
    assert _nomor(catat(run, "Dedi", "2026-03-17", "--format", "json")) == N4


def test_a_request_s_objections_kept_in_the_other_format_are_not_left_out_of_lihat(run, ws):
    toml = ws.root / "ppidctl.toml"
    toml.write_text(toml.read_text().replace('format = "csv"', 'format = "xlsx"'))
    catat(run, "Ani")
    path = ws.registers_dir / "keberatan.csv"  # (typed into init's CSV: keberatan.xlsx none)
    table = parse_register("keberatan", path, path.read_bytes())
    table.append({"nomor_registrasi": "001/KEB/PPID/5271/III/2026", "tanggal_diterima":
                  "2026-03-20", "nomor_permohonan": N1, "nama_pemohon": "Ani", "alasan": "c",
                  "status": "terdaftar"})  # fmt: skip
    path.write_bytes(table.to_bytes())
    run.refused("permohonan", "lihat", "1", message="register keberatan tersimpan sebagai")
    # the other way round: a CSV workspace whose objections are only in keberatan.xlsx
    from ppidctl.store.xlsx import table_to_xlsx

    toml.write_text(toml.read_text().replace('format = "xlsx"', 'format = "csv"'))
    (ws.registers_dir / "permohonan.xlsx").replace(ws.registers_dir / "permohonan.x")
    run("pulihkan", "--register", "permohonan")  # (permohonan back in CSV, from the journal)
    path.rename(ws.registers_dir / "keberatan.tmp")
    table.path = ws.registers_dir / "keberatan.xlsx"
    table.path.write_bytes(table_to_xlsx(table))
    run.refused("permohonan", "lihat", "1", message="register keberatan tersimpan sebagai")


def test_cases_typed_into_init_s_csv_of_an_xlsx_workspace_are_told_how_to_import(run, ws):
    # the suggested pulihkan --register did nothing and the acceptance was refused: stuck
    toml = ws.root / "ppidctl.toml"
    toml.write_text(toml.read_text().replace('format = "csv"', 'format = "xlsx"'))
    catat(run, "Ani")  # (permohonan.xlsx; keberatan still has only init's CSV)
    path = ws.registers_dir / "keberatan.csv"
    table = parse_register("keberatan", path, path.read_bytes())
    table.append({"nomor_registrasi": "001/KEB/PPID/5271/III/2026", "tanggal_diterima":
                  "2026-03-20", "nama_pemohon": "Ani", "alasan": "a", "status": "terdaftar"})  # fmt: skip
    path.write_bytes(table.to_bytes())
    refused = run.refused("keberatan", "daftar", message="register keberatan tersimpan sebagai")
    assert "pindahkan berkas itu ke luar folder registers/, lalu catat dengan: ppidctl impor" in (
        refused.stderr
    )
    res = run("pulihkan", "--register", "keberatan")
    assert (
        "registers/keberatan.csv: 1 baris yang tidak pernah tercatat di jurnal (diketik langsung "
        "di berkas)" in res.stdout + res.stderr
    )
    moved = ws.root / "keberatan-kertas.csv"
    path.rename(moved)
    run.ok("impor", str(moved), "--register", "keberatan")
    assert [r["nomor_registrasi"] for r in json.loads(
        run.ok("keberatan", "daftar", "--format", "json").stdout)] == ["001/KEB/PPID/5271/III/2026"]  # fmt: skip


def test_a_letter_the_journal_lost_keeps_its_number_used_when_rebuilt_away(run, ws):
    # surat's rows are known by their file: the file was retired, not the number, and the
    # next letter got 1/… again
    three(run)
    run.ok("permohonan", "putuskan", N1, "--keputusan", "diberikan", "--tanggal", "2026-03-17")
    data = ws.journal_path.read_bytes()
    ws.journal_path.write_bytes(data[: len(data) - 200])
    run.ok("pulihkan")
    res = run.ok("pulihkan", "--register", "surat")
    assert "tidak akan diberikan lagi: 1/PL.02.2-SD/5271/III/2026" in res.stdout + res.stderr
    run.ok("pulihkan", "--register", "permohonan")
    run.ok("permohonan", "putuskan", N2, "--keputusan", "diberikan", "--tanggal", "2026-03-17")
    assert [r["nomor_surat"] for r in ws.read("surat").rows] == ["2/PL.02.2-SD/5271/III/2026"]


def test_a_retired_number_of_an_old_shape_keeps_its_sequence_used(run, ws, tmp_path):
    # an old book's 3/PPID/2026 deleted and accepted: the next catat gave 003/…/2026 again
    src = tmp_path / "lama.csv"
    src.write_text("No. Registrasi,Tanggal,Nama,Informasi yang Diminta\n"
                   "1/PPID/2026,10/3/2026,A,DPT\n2/PPID/2026,11/3/2026,B,DCT\n"
                   "3/PPID/2026,12/3/2026,C,DPS\n", encoding="utf-8")  # fmt: skip
    run.ok("impor", str(src), "--register", "permohonan")
    _delete_row(ws, "permohonan", "3/PPID/2026")
    run.ok("periksa", "--terima-perubahan", "--catatan", "3 ganda")
    assert _nomor(catat(run, "Eka", "2026-03-17", "--format", "json")) == N4


def test_rows_of_an_old_format_file_set_aside_keep_their_numbers_used(run, ws):
    toml = ws.root / "ppidctl.toml"
    toml.write_text(toml.read_text().replace('format = "csv"', 'format = "xlsx"'))
    three(run)
    catat(run, "Dedi")
    data = ws.journal_path.read_bytes()
    ws.journal_path.write_bytes(data[: len(data) - 200])  # 004's line torn after its write
    toml.write_text(toml.read_text().replace('format = "xlsx"', 'format = "csv"'))
    run.ok("pulihkan")
    res = run.ok("pulihkan", "--register", "permohonan")
    assert f"1 barisnya tidak tercatat di jurnal dan tidak masuk register ({N4}): nomornya " \
        "tidak akan diberikan lagi" in res.stdout + res.stderr  # fmt: skip
    assert _nomor(catat(run, "Eka", "2026-03-17", "--format", "json")) == "005/PPID/5271/III/2026"


def test_the_office_days_off_lost_with_the_journal_are_started_again_empty(run, ws):
    # refused by --terima-perubahan (run pulihkan), refused by pulihkan (run --terima-perubahan)
    three(run)
    ws.journal_path.unlink()
    ws.register_path("libur").unlink()
    said = run("periksa").stdout
    assert "registers/libur.csv: register tidak ada" in said and "kalender tambah" in said
    res = run.ok("periksa", "--terima-perubahan", "--catatan", "jurnal dan libur hilang")
    assert "registers/libur.csv: dibuat kosong; catat lagi libur kantor" in res.stderr
    assert ws.register_path("libur").exists() and run.ok("periksa").stdout == ""


def test_an_arsip_that_waited_for_a_journal_lost_meanwhile_writes_no_zip(ws, tmp_path, monkeypatch):
    # refused under the lock only after its zip was written: the newest "arsip terakhir" the
    # refusal sends the office to had no journal in it
    from ppidctl.errors import RegisterError
    from ppidctl.integrity.archive import archive
    from ppidctl.store.transaction import Transaction

    check_first = Transaction.refuse_lost_journal
    calls = []

    def then_lost(self, **kw):  # the journal deleted while the command waited for the lock
        check_first(self, **kw)
        if not calls:
            calls.append(1)
            self.ws.journal_path.unlink()

    monkeypatch.setattr(Transaction, "refuse_lost_journal", then_lost)
    out = tmp_path / "arsip"
    out.mkdir()
    with pytest.raises(RegisterError, match="jurnal.jsonl tidak ada atau kosong"):
        archive(Workspace(ws.root), out)
    assert list(out.iterdir()) == []


@pytest.mark.parametrize(
    ("book", "kode", "expected"),
    [
        # the office code looks like a year (Kota Pangkalpinang): the year is the last one
        (["1/PPID-1971/2026", "2/PPID-1971/2026", "3/PPID-1971/2026"], "1971",
         ["004/PPID/1971/III/2026"]),
        # an old book's numbers state no year: which year's 3 it was is not known, so 3 stays
        # used in every year (it was given again), and periksa knows why (no false gap)
        (["1/PPID", "2/PPID", "3/PPID"], "5271",
         ["001/PPID/5271/III/2026", "002/PPID/5271/III/2026", "004/PPID/5271/III/2026"]),
    ],
)  # fmt: skip
def test_retired_old_shapes_hold_the_sequence_of_the_year_they_state(run, ws, tmp_path, book,
                                                                       kode, expected):  # fmt: skip
    toml = ws.root / "ppidctl.toml"
    toml.write_text(toml.read_text().replace('kode_satker = "5271"', f'kode_satker = "{kode}"'))
    year = "2026" if "2026" in book[0] else "2025"
    src = tmp_path / "lama.csv"
    src.write_text("No. Registrasi,Tanggal,Nama,Informasi yang Diminta\n" + "".join(
        f"{n},1{i}/3/{year},{c},DPT {c}\n" for i, (n, c) in enumerate(zip(book, "ABC", strict=True))
    ), encoding="utf-8")  # fmt: skip
    run.ok("impor", str(src), "--register", "permohonan")
    _delete_row(ws, "permohonan", book[-1])
    run.ok("periksa", "--terima-perubahan", "--catatan", "3 ganda")
    given = [_nomor(catat(run, f"P{i}", "2026-03-17", "--format", "json")) for i in expected]
    assert given == expected
    assert run.ok("periksa").stdout == ""


def test_a_pulihkan_that_waited_for_a_journal_lost_meanwhile_changes_nothing(run, ws, monkeypatch):
    # checked on entering, before the lock: deleted during the wait, a rebuild "from the
    # journal" would have emptied the registers
    from ppidctl.errors import RegisterError
    from ppidctl.integrity import restore
    from ppidctl.store.transaction import Transaction

    three(run)
    check_first = Transaction.refuse_lost_journal
    calls = []

    def then_lost(self, **kw):
        check_first(self, **kw)
        if not calls:
            calls.append(1)
            self.ws.journal_path.unlink()

    monkeypatch.setattr(Transaction, "refuse_lost_journal", then_lost)
    before = {k: v for k, v in snapshot(ws.root).items() if "jurnal" not in k}
    with pytest.raises(RegisterError, match="jurnal.jsonl tidak ada atau kosong"):
        restore(Workspace(ws.root), "permohonan")
    assert {k: v for k, v in snapshot(ws.root).items() if "jurnal" not in k} == before


@given(
    st.lists(
        st.tuples(st.sampled_from(["add", "set"]), st.integers(0, 5), st.sampled_from("abc")),
        max_size=40,
    )
)
def test_rows_found_by_key_as_a_scan_of_every_row_finds_them(steps):
    """periksa looks a journal line's row up through an index (a scan of 100,000 rows per line
    made it quadratic in years of use): the same row a scan finds, the last added among equals,
    also after the key itself changed."""
    from ppidctl.integrity.replay import History, Row

    h = History("permohonan")
    h.having("nomor_registrasi", "a")  # (the index exists before the rows: kept up to date)
    for op, i, value in steps:
        if op == "add" or not h.rows:
            h.add(Row({"nomor_registrasi": value}, 1, "catat"))
        else:
            h.set_value(h.rows[i % len(h.rows)], "nomor_registrasi", value)
        for v in "abc":
            scan = [r for r in h.rows if r.values["nomor_registrasi"] == v]
            assert [id(r) for r in h.having("nomor_registrasi", v)] == [id(r) for r in scan]


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX modes and symlinks")
def test_links_planted_in_the_workspace_are_never_followed(run, ws, tmp_path):
    """Several accounts write one workspace: a link one of them plants must not make another's
    ppidctl act on that account's own files outside it — the modes (registers/ and letters/),
    the lock holder's note (.kunci.info was written and opened to the group), the temp files
    pulihkan clears (impor/ linked to another folder)."""
    toml = ws.root / "ppidctl.toml"
    toml.write_text(toml.read_text("utf-8").replace('"0640"', '"0660"'), "utf-8")
    outside = tmp_path / "milik-petugas"
    outside.mkdir(mode=0o700)
    files = {name: outside / name for name in ("rahasia", "catatan")}
    for f in files.values():
        f.write_text("isi")
        f.chmod(0o600)
    folder = outside / "folder"
    folder.mkdir(mode=0o700)
    (folder / ".penting.tmp").write_text("data")
    (ws.registers_dir / "zz.txt").symlink_to(files["rahasia"])
    (ws.registers_dir / ".kunci.info").symlink_to(files["catatan"])
    (ws.letters_dir / "2027").symlink_to(folder, target_is_directory=True)
    (ws.root / "impor").symlink_to(folder, target_is_directory=True)
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", "--tanpa-surat")
    run("pulihkan")
    run("periksa")
    for f in files.values():
        assert (stat.S_IMODE(f.stat().st_mode), f.read_text()) == (0o600, "isi"), f
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert (folder / ".penting.tmp").read_text() == "data"


def test_only_a_dispute_after_the_response_deadline_may_precede_the_delivery():
    # a dispute filed once the deadline lapsed may come before a late reply's delivery; one
    # dated before a reply delivered in time is a typo, still told (review sesi31b L1)
    from ppidctl.integrity.rows import order_binds

    row = {"tanggapan_pemohon": "sengketa", "jatuh_tempo": "2026-05-21",
           "tanggapan_pemohon_pada": "2026-05-25", "disampaikan_pada": "2026-05-27"}  # fmt: skip
    assert not order_binds("tanggapan_pemohon_pada", "disampaikan_pada", row)
    early = {**row, "tanggapan_pemohon_pada": "2026-05-09", "disampaikan_pada": "2026-05-11"}
    assert order_binds("tanggapan_pemohon_pada", "disampaikan_pada", early)
    assert order_binds(
        "tanggapan_pemohon_pada", "disampaikan_pada", {**row, "tanggapan_pemohon": "menerima"}
    )
    assert not order_binds("tanggapan_pemohon_pada", "disampaikan_pada", {**row, "jatuh_tempo": ""})
    assert order_binds("disampaikan_pada", "tanggal_tanggapan", row)


def test_one_letter_number_on_two_letters_is_told(run, ws):
    # the agenda's numbers were never checked: an edit giving one letter another's number was
    # accepted and periksa said "Tidak ada masalah" (review agenda H1)
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", "--tanpa-surat")
    run.ok("permohonan", "catat", *REQUEST, "--nama", "Siti", "--tanggal", "2026-03-16",
           "--tanpa-surat")  # fmt: skip
    for n in ("1", "2"):
        run.ok("permohonan", "putuskan", n, "--keputusan", "diberikan", "--tanggal", "2026-03-17")
    run.ok("surat", "buat", "pemberitahuan", "1")  # (a copy shares its original's number)
    assert codes(ws) == []
    path = ws.register_path("surat")
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "2/PL.02.2-SD/5271/III/2026", "01/PL.02.2-SD/5271/III/2026"
        ),
        encoding="utf-8",
    )
    (problem,) = [p for p in check(ws).problems if p.kode == m.NOMOR_GANDA]
    assert problem.pesan.startswith(
        "nomor surat 01/PL.02.2-SD/5271/III/2026 (pemberitahuan 002/PPID/5271/III/2026) sudah "
        "dipakai di baris 2: 1/PL.02.2-SD/5271/III/2026 (pemberitahuan 001/PPID/5271/III/2026)"
    )
    run.refused(  # (accepted with exit 0 before, and only listed: review sesi31c L2)
        "periksa", "--terima-perubahan", "--catatan", "nomor agenda dikoreksi",
        message="suntingan yang akan diterima memberi satu nomor surat kepada dua surat: "
        "registers/surat.csv:3: nomor surat 01/PL.02.2-SD/5271/III/2026 sudah dipakai: "
        "1/PL.02.2-SD/5271/III/2026 untuk surat pemberitahuan 001/PPID/5271/III/2026",
    )  # fmt: skip
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "01/PL.02.2-SD/5271/III/2026", "9/PL.02.2-SD/5271/III/2026"
        ),
        encoding="utf-8",
    )
    moved = path.read_bytes()  # another edit giving one number two letters: the copy of 001's
    # letter moved to 002 (review sesi31d M1: accepted, and the duplicate with it)
    head, copy = moved.rstrip(b"\r\n").rsplit(b"\n", 1)
    path.write_bytes(head + b"\n" + copy.replace(b"001/PPID", b"002/PPID") + b"\r\n")
    run.refused("periksa", "--terima-perubahan", "--catatan", "baris dipindah",
                message="suntingan yang akan diterima memberi satu nomor surat kepada dua surat")  # fmt: skip
    path.write_bytes(moved)
    done = run.ok("periksa", "--terima-perubahan", "--catatan", "nomor agenda dikoreksi")
    assert (
        "peringatan: berkas suratnya tetap mencetak nomor 2/PL.02.2-SD/5271/III/2026 — buat "
        "salinan bernomor baru dengan ppidctl surat buat pemberitahuan 002/PPID/5271/III/2026"
    ) in " ".join(done.stderr.split())
    assert codes(ws) == []
    # the corrected row says its file prints the old number: the new copy is not taken for the
    # letter sent while the row that looks sent points to the old print (review sesi31d N1)
    run.ok("surat", "buat", "pemberitahuan", "2")
    rows = [r for r in read_table("surat", path).rows if r["nomor_registrasi"].startswith("002")]
    assert [(r["nomor_surat"], r["keterangan"].split(",")[0]) for r in rows] == [
        (
            "9/PL.02.2-SD/5271/III/2026",
            "nomor dikoreksi dari 2/PL.02.2-SD/5271/III/2026: berkasnya mencetak nomor lama",
        ),
        ("9/PL.02.2-SD/5271/III/2026", "salinan"),
    ]
    assert "9/PL.02.2-SD/5271/III/2026" in docx_text(ws.root / rows[1]["berkas"])
    assert codes(ws) == []


def test_periksa_s_summary_names_every_register(run, ws):
    # a register not written yet (an XLSX workspace's empty objection register) was left out of
    # the summary an auditor reads (review agenda N1)
    ws.register_path("keberatan").unlink()
    said = run.ok("periksa").stderr
    assert "permohonan 0 baris, keberatan 0 baris, surat 0 baris, libur 0 baris." in said


def _old_duplicate(run, monkeypatch) -> None:
    """Two notifications under one number (1/… and 01/…), as the text-only check before
    61928ed let through."""
    from ppidctl.rules import numbering

    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", "--tanpa-surat")
    run.ok("permohonan", "catat", *REQUEST, "--nama", "Siti", "--tanggal", "2026-03-16",
           "--tanpa-surat")  # fmt: skip
    run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--tanggal", "2026-03-17")
    with monkeypatch.context() as old:
        old.setattr(numbering, "number_key", lambda n, _p, _y: ("teks", n.casefold()))
        run.ok("permohonan", "putuskan", "2", "--keputusan", "diberikan", "--tanggal",
               "2026-03-17", "--nomor-surat", "01/PL.02.2-SD/5271/III/2026")  # fmt: skip


def test_an_old_duplicate_letter_number_can_be_accepted_once(run, ws, monkeypatch):
    # a duplicate the old text-only check let through (letters long sent): periksa failed for
    # ever after the upgrade, and nothing could acknowledge it (review sesi31c M5)
    _old_duplicate(run, monkeypatch)
    (problem,) = check(ws).problems
    assert problem.kode == m.NOMOR_GANDA and "bila kedua suratnya sudah dikirim" in problem.saran
    # accepted only when named: any acceptance, of an unrelated edit, accepted every duplicate
    # there was under that edit's note (review sesi32 L2)
    name = ws.register_path("permohonan")
    name.write_text(name.read_text(encoding="utf-8").replace("Siti", "Siti Aminah"), "utf-8")
    done = run.ok("periksa", "--terima-perubahan", "--catatan", "salah ketik nama")
    assert "nomor ganda lama" not in done.stderr and codes(ws) == [m.NOMOR_GANDA]
    run.refused("periksa", "--terima-perubahan", "--nomor-ganda", "3/PL.02.2-SD/5271/III/2026",
                "--catatan", "nomor ganda lama, terkirim", message="--nomor-ganda "
                "3/PL.02.2-SD/5271/III/2026: bukan nomor surat yang dipakai dua surat di agenda")  # fmt: skip
    run.usage("periksa", "--nomor-ganda", "1/PL.02.2-SD/5271/III/2026",
              message="--nomor-ganda hanya dipakai bersama --terima-perubahan")  # fmt: skip
    done = run.ok("periksa", "--terima-perubahan", "--nomor-ganda", "1/PL.02.2-SD/5271/III/2026",
                  "--catatan", "nomor ganda lama, terkirim")  # fmt: skip
    assert "01/PL.02.2-SD/5271/III/2026 (pemberitahuan 002/PPID/5271/III/2026) yang sama" in (
        " ".join(done.stderr.split())
    )
    assert codes(ws) == []
    # a row of that duplicate stays open to corrections: any edit of it was refused as making
    # the duplicate it had (review sesi32 M2)
    agenda = ws.register_path("surat")
    text = agenda.read_text(encoding="utf-8")
    agenda.write_text(text.replace(".docx,,", ".docx,Rina,", 1), "utf-8")  # (the first holder)
    done = run.ok("periksa", "--terima-perubahan", "--catatan", "petugas yang membuat: Rina")
    assert "perubahan petugas diterima" in done.stderr
    assert codes(ws) == []


def test_an_edit_of_a_row_under_a_duplicate_number_is_not_refused_for_it(run, ws, monkeypatch):
    # a duplicate periksa reports, not yet accepted: an edit of another column of its row does
    # not make it, and was refused with "pakai nomor lain" (review sesi32 M2)
    _old_duplicate(run, monkeypatch)
    agenda = ws.register_path("surat")
    text = agenda.read_text(encoding="utf-8")
    head, last = text.rstrip("\r\n").rsplit("\n", 1)
    agenda.write_text(head + "\n" + last.replace(".docx,,", ".docx,Rina,") + "\r\n", "utf-8")
    done = run.ok("periksa", "--terima-perubahan", "--catatan", "petugas yang membuat: Rina")
    assert "perubahan petugas diterima" in done.stderr
    assert codes(ws) == [m.NOMOR_GANDA]  # (still told: it was never accepted)


def test_two_imported_replies_under_one_number_are_told(ws):
    # the objection register was compared with the agenda only (review sesi31d L3)
    from types import SimpleNamespace

    from ppidctl.integrity.rows import reply_numbers

    keb = SimpleNamespace(rows=[
        {"nomor_registrasi": "001/KEB", "nomor_surat_tanggapan": "44/PL.02.2-SD/5271/V/2026",
         "tanggal_tanggapan": "2026-05-08"},
        {"nomor_registrasi": "002/KEB", "nomor_surat_tanggapan": "044/PL.02.2-SD/5271/V/2026",
         "tanggal_tanggapan": "2026-05-09"},
    ])  # fmt: skip
    (problem,) = reply_numbers(ws, "registers/keberatan.csv", keb, [2, 3], SimpleNamespace(rows=[]))
    assert (problem.baris, problem.kode) == (3, m.NOMOR_GANDA)
    assert (
        "002/KEB: nomor surat tanggapan 044/PL.02.2-SD/5271/V/2026 sudah dipakai" in problem.pesan
    )


def test_a_settlement_recorded_by_hand_needs_its_date_not_its_wording(run, ws):
    # a register written before hasil_musyawarah has no such column to fill: the settlement
    # typed in by hand was refused for it, with no word of keberatan musyawarah (sesi32b L5)
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-02", "--tanpa-surat")
    run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--biaya", "750000",
           "--tanggal", "2026-03-05", "--tanpa-surat")  # fmt: skip
    run.ok("keberatan", "catat", "--permohonan", "1", "--alasan", "f", "--kasus-posisi", "Biaya",
           "--dokumen", "formulir,identitas", "--tanggal", "2026-03-09", "--tanpa-surat")  # fmt: skip
    (k,) = [r["nomor_registrasi"] for r in ws.read("keberatan").rows]
    _edit(ws, "keberatan", k, status="selesai", tanggapan_pemohon="musyawarah",
          terlambat="tidak")  # fmt: skip
    (problem,) = check(ws).problems[-1:]  # (its day missing: the advice names it — 32c N4)
    assert "musyawarah: isi tanggapan_pemohon_pada dengan hari kesepakatannya" in problem.pesan
    _edit(ws, "keberatan", k, tanggapan_pemohon_pada="2026-03-16")
    run.ok("periksa", "--terima-perubahan", "--catatan", "musyawarah 16 Maret, dicatat tangan")
    assert codes(ws) == []
