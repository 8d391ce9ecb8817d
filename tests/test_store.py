"""Registers on disk: byte-faithful CSV, hand-edited files, XLSX option, journal, lock."""

from __future__ import annotations

import json
import multiprocessing

import pytest

from ppidctl import schema
from ppidctl.errors import LockTimeout, RegisterError
from ppidctl.store import journal
from ppidctl.store.lock import workspace_lock
from ppidctl.store.table import read_table
from ppidctl.workspace import Workspace

from conftest import INPUT, REQUEST, snapshot


def _register(run, n, day="2026-03-16"):
    for i in range(n):
        run.ok(
            "permohonan",
            "catat",
            *REQUEST,
            "--nama",
            f"Pemohon {i}",
            "--tanggal",
            day,
            "--tanpa-surat",
        )


def test_untouched_rows_are_written_back_byte_for_byte(run, ws):
    _register(run, 3)
    path = ws.register_path("permohonan")
    # Values a pandas round-trip would re-format: quoted text, leading zeros, "NA", spaces.
    raw = path.read_bytes()
    lines = raw.split(b"\r\n")
    lines[2] = lines[2].replace(b"Pemohon 1", b'"Pemohon 1, S.H."').replace(b"Penelitian", b"NA")
    edited = b"\r\n".join(lines)
    path.write_bytes(edited)
    before = edited.split(b"\r\n")
    run.ok("permohonan", "teruskan", "001/PPID/5271/III/2026", "--tanggal", "2026-03-17")
    after = path.read_bytes().split(b"\r\n")
    assert after[0] == before[0]  # header
    assert after[2:] == before[2:]  # rows 2 and 3 untouched, byte for byte
    assert after[1] != before[1] and b",diteruskan," in after[1]
    assert read_table("permohonan", path).rows[1]["tujuan_penggunaan"] == "NA"


def test_a_line_break_typed_in_a_field_keeps_the_row_whole_in_an_lf_register(run, ws):
    _register(run, 1)
    path = ws.register_path("permohonan")
    path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n"))  # saved with \n line ends
    run.ok("periksa", "--terima-perubahan", "--catatan", "disimpan ulang dengan LF")
    args = [a if a != "Jl. Pejanggik 1, Mataram" else "Jl. A\rBlok B" for a in REQUEST]
    run.ok("permohonan", "catat", *args, "--tanggal", "2026-03-17", "--tanpa-surat")
    rows = read_table("permohonan", path).rows
    assert [r["alamat"] for r in rows][-1] == "Jl. A\rBlok B"
    assert len(rows) == 2 and run.ok("periksa").stdout == ""


def test_a_step_refused_after_its_change_was_staged_writes_nothing(run, ws):
    """A step is recorded whole or not at all (docs/integritas.md): putuskan stages the
    decision, then fails on a broken office template. No decision without its written
    notification (UU 14/2008 Pasal 22(7)), no letter number used up (rules.md §6): the register,
    letters and journal stay byte-identical (run.refused compares the workspace); the step goes
    through once the template is removed."""
    _register(run, 1)
    (ws.templates_dir / "pemberitahuan.docx").write_bytes(b"bukan docx")
    decide = ("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--tanggal", "2026-03-17")
    run.refused(*decide, message="tidak dapat dibaca sebagai dokumen Word .docx")
    rows = read_table("permohonan", ws.register_path("permohonan")).rows
    assert [(r["status"], r["keputusan"]) for r in rows] == [("terdaftar", "")]
    (ws.templates_dir / "pemberitahuan.docx").unlink()  # (the built-in template is used)
    run.ok(*decide)
    rows = read_table("permohonan", ws.register_path("permohonan")).rows
    assert [(r["status"], r["keputusan"]) for r in rows] == [("diputuskan", "diberikan")]


def test_hand_edited_register_is_read_correctly(run, ws):
    _register(run, 2)
    path = ws.register_path("permohonan")
    table = read_table("permohonan", path)
    header = list(reversed(table.header)) + ["Paraf Kasubbag"]  # reordered, extra column
    import csv
    import io

    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(header)
    for row in table.rows:
        w.writerow([row.get(h, "") for h in header[:-1]] + ["ok"])
        w.writerow([""] * len(header))  # blank rows Excel leaves behind
    path.write_text(out.getvalue(), encoding="utf-8")
    edited = path.read_bytes()
    again = read_table("permohonan", path)
    assert [r["nama_pemohon"] for r in again.rows] == ["Pemohon 0", "Pemohon 1"]
    run.ok("permohonan", "teruskan", "2", "--tanggal", "2026-03-17")
    data = path.read_bytes()
    assert data.split(b"\r\n")[0] == edited.split(b"\r\n")[0]  # the office's header kept
    assert data.split(b"\r\n")[1:3] == edited.split(b"\r\n")[1:3]  # row 1 + blank kept
    final = read_table("permohonan", path)
    assert final.rows[1]["status"] == "diteruskan"
    assert b",ok\r\n" in data.split(b"\r\n", 3)[3] + b"\r\n"  # the extra column's value kept


def test_indonesian_headers_and_semicolons_are_accepted(ws):
    path = ws.register_path("permohonan")
    path.write_text(
        "Nomor Registrasi;Tanggal Permohonan;Nama Pemohon;Informasi yang Diminta;Status\r\n"
        "001/PPID/5271/I/2026;2026-01-05;Ani;Salinan SK;terdaftar\r\n",
        encoding="utf-8",
    )
    table = read_table("permohonan", path)
    assert table.rows[0]["nama_pemohon"] == "Ani" and table.rows[0]["alamat"] == ""


def test_missing_required_column_is_a_clear_error(run, ws):
    path = ws.register_path("permohonan")
    path.write_text("nomor_registrasi,nama_pemohon\r\n1,Ani\r\n", encoding="utf-8")
    with pytest.raises(RegisterError, match="kolom wajib tidak ada: tanggal_diterima"):
        read_table("permohonan", path)
    run.refused("permohonan", "daftar", message="permohonan.csv: kolom wajib tidak ada")


def test_non_utf8_register_is_refused(run, ws):
    path = ws.register_path("permohonan")
    path.write_bytes(path.read_bytes() + "001,2026-01-05,,,,Andr\xe9\r\n".encode("cp1252"))
    # the way back is the journal, not Excel's "CSV UTF-8" (which turns NIKs into 5.27101E+15)
    run.refused("permohonan", "daftar", message="bukan teks UTF-8 (mungkin disimpan Excel sebagai "
                "CSV biasa) — kembalikan register dari jurnal: ppidctl pulihkan --register "
                "permohonan")  # fmt: skip


def test_journal_records_every_change_with_before_after_and_chain(run, ws):
    _register(run, 1)
    run.ok("permohonan", "teruskan", "1", "--tanggal", "2026-03-17", "--petugas", "Rina")
    lines = ws.journal_path.read_bytes().splitlines()
    entries = [json.loads(line) for line in lines]
    assert [e["perintah"] for e in entries] == ["init", "permohonan catat", "permohonan teruskan"]
    last = entries[-1]
    assert last["petugas"] == "Rina" and last["nomor"] == "001/PPID/5271/III/2026"
    assert last["perubahan"]["status"] == ["terdaftar", "diteruskan"]
    assert last["perubahan"]["diteruskan_pada"] == ["", "2026-03-17"]
    assert last["register_sha256"]["permohonan"] == journal.sha256_bytes(
        ws.register_path("permohonan").read_bytes()
    )
    for prev, line in zip(lines, lines[1:], strict=False):
        assert json.loads(line)["sebelum"] == journal.line_hash(prev)
    assert entries[0]["sebelum"] == journal.GENESIS
    added = entries[1]  # a new row carries its values, not [before, after] pairs
    assert added["aksi"] == "tambah" and "perubahan" not in added
    assert added["nilai"]["status"] == "terdaftar" and "" not in added["nilai"].values()


def test_journal_lines_are_compact_readable_json():
    """The fast ASCII encoding is kept only when it equals the readable one: names with accents,
    control characters and backslashes come out exactly as json.dumps(ensure_ascii=False)."""
    entries = [
        {"nomor": "001", "nilai": {"nama_pemohon": "Andr\u00e9 \u1e62aleh", "x": "a\\u0041\tb"}},
        {"nomor": "002", "nilai": {"nama_pemohon": "Budi", "catatan": 'kata "kutip"'}},
        {"nomor": "003", "sebelum": "ditimpa", "nilai": {}},
    ]
    common = {"waktu": "2026-03-16T09:00:00+08:00", "pengguna": "andré", "perintah": "impor"}
    for shared in (None, common):
        data = journal.chain([dict(e) for e in entries], b"", shared)
        prev = journal.GENESIS
        for entry, line in zip(entries, data.splitlines(), strict=True):
            whole = {**(shared or {}), **entry, "sebelum": prev}
            expected = json.dumps(whole, ensure_ascii=False, separators=(",", ":"))
            assert line.decode("utf-8") == expected
            prev = journal.line_hash(line)
        assert "André Ṣaleh".encode() in data


def test_journal_changes_reads_both_shapes_of_a_new_row():
    """Journals written before new rows carried ``nilai`` (pairs ``["", value]``) still replay."""
    old = {"aksi": "tambah", "perubahan": {"nama_pemohon": ["", "Budi"], "nik": ["", "5271"]}}
    new = {"aksi": "tambah", "nilai": {"nama_pemohon": "Budi", "nik": "5271"}}
    assert (
        journal.changes(old)
        == journal.changes(new)
        == {
            "nama_pemohon": ("", "Budi"),
            "nik": ("", "5271"),
        }
    )
    assert journal.changes({"perubahan": {"a": ["x", "y"], "b": "rusak"}}) == {"a": ("x", "y")}


def test_xlsx_cells_excel_typed_are_read_and_number_cells_of_digits_flagged(tmp_path):
    """A register kept as XLSX, edited in Excel: a date typed becomes a date cell, an amount a
    number (both read as the register's text); a NIK or telephone retyped becomes a number cell,
    which loses a telephone's leading 0 and a NIK's last digit: periksa says so, and such an edit
    is never accepted as the record (the importer refuses such cells; the register read them
    silently)."""
    from datetime import datetime

    from openpyxl import load_workbook

    from ppidctl.workspace import init

    from conftest import Runner

    ws = init(tmp_path / "x", "KPU Kota Mataram", "5271")
    toml = ws.root / "ppidctl.toml"
    toml.write_text(toml.read_text().replace('format = "csv"', 'format = "xlsx"'))
    run = Runner(ws.root)
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", "--tanpa-surat")
    run.ok("permohonan", "putuskan", "001/PPID/5271/III/2026", "--keputusan", "diberikan",
           "--biaya", "15000", "--tanggal", "2026-03-20", "--tanpa-surat")  # fmt: skip
    path = Workspace(ws.root).register_path("permohonan")
    wb = load_workbook(path)
    sheet = wb.active
    col = {c.value: c.column for c in sheet[1]}
    sheet.cell(2, col["tanggal_diterima"]).value = datetime(2026, 3, 16)
    sheet.cell(2, col["biaya"]).value = 15000.0
    wb.save(path)
    shown = json.loads(run.ok("permohonan", "daftar", "--format", "json").stdout)[0]
    assert (shown["tanggal_diterima"], shown["biaya"]) == ("2026-03-16", "15000")
    sheet.cell(2, col["nik"]).value = 5271011203900000.0  # 5271011203900001 rounded by Excel
    sheet.cell(2, col["telepon"]).value = 81234567890
    wb.save(path)
    # never accepted as the record (its digits may be lost already); periksa says why
    refused = run.refused("periksa", "--terima-perubahan", "--catatan", "disunting di Excel",
                          message="kolom nik '5271011203900000' tersimpan sebagai angka di Excel")  # fmt: skip
    assert "kolom telepon '81234567890' tersimpan sebagai angka di Excel" in refused.stderr
    found = run("periksa")
    assert found.exit_code == 1
    assert (
        "001/PPID/5271/III/2026: kolom nik '5271011203900000' tersimpan sebagai angka di Excel, "
        "bukan teks: Excel hanya menyimpan 15 digit"
    ) in found.stdout
    assert (
        "kolom telepon '81234567890' tersimpan sebagai angka di Excel, bukan teks: angka 0 di "
        "depannya hilang"
    ) in found.stdout
    # a workbook cut short is refused by name
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
    run.refused("permohonan", "daftar", message="permohonan.xlsx: bukan berkas XLSX yang sah")


def test_xlsx_registers(tmp_path):
    from ppidctl.workspace import init

    ws = init(tmp_path / "x", "KPU Kota Mataram", "5271")
    toml = ws.root / "ppidctl.toml"
    toml.write_text(toml.read_text().replace('format = "csv"', 'format = "xlsx"'))
    from conftest import Runner

    run = Runner(ws.root)
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", "--tanpa-surat")
    run.ok(
        "permohonan",
        "putuskan",
        "1",
        "--keputusan",
        "diberikan",
        "--tanggal",
        "2026-03-25",
        "--tanpa-surat",
    )
    ws = Workspace(ws.root)
    assert ws.register_path("permohonan").suffix == ".xlsx"
    from openpyxl import load_workbook

    sheet = load_workbook(ws.register_path("permohonan")).active
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, [c.value for c in sheet[2]], strict=False))
    assert row["nik"] == "5271011203900001"  # text, not a number Excel would round
    assert row["status"] == "diputuskan" and row["tanggal_pemberitahuan"] == "2026-03-25"
    assert sheet.freeze_panes == "A2"
    # the NIK and telephone cells, and their columns (rows typed later in Excel), are text: a
    # NIK typed there stays 16 digits; every column is wide enough to read
    letter = {k: sheet.cell(1, j + 1).column_letter for j, k in enumerate(header)}
    for key in ("nik", "telepon"):
        assert sheet[f"{letter[key]}2"].number_format == "@"
        assert sheet.column_dimensions[letter[key]].number_format == "@"
    assert sheet[f"{letter['nama_pemohon']}2"].number_format == "General"
    width = {k: sheet.column_dimensions[c].width for k, c in letter.items()}
    assert width["nik"] >= 18 and width["tanggal_diterima"] >= 12
    assert width["informasi_diminta"] >= 28 and width["keputusan"] >= len("belum-didokumentasikan")

    # text Excel would run as a formula is kept as typed, never turned into one
    args = [a for a in REQUEST]
    args[args.index("--informasi") + 1] = "=SUM(A1) dan +62 riset"
    run.ok("permohonan", "catat", *args, "--tanggal", "2026-03-17", "--tanpa-surat")
    cell = load_workbook(ws.register_path("permohonan")).active.cell(
        3, header.index("informasi_diminta") + 1
    )
    assert (cell.data_type, cell.value) == ("s", "=SUM(A1) dan +62 riset")
    shown = json.loads(run.ok("permohonan", "lihat", "2", "--format", "json").stdout)
    assert shown["data"]["informasi_diminta"] == "=SUM(A1) dan +62 riset"
    assert run.ok("periksa").stdout == ""

    # a notes sheet an office put in front: the register is still read from its own sheet, and
    # a command that would rewrite the workbook (dropping the notes) refuses
    path = ws.register_path("permohonan")
    wb = load_workbook(path)
    wb.create_sheet("Catatan", 0)["A1"] = "Rekap manual"
    wb.save(path)
    shown = json.loads(run.ok("permohonan", "daftar", "--format", "json").stdout)
    assert [r["nomor_registrasi"][:3] for r in shown] == ["001", "002"]
    run.refused(
        "permohonan", "teruskan", "2", "--tanggal", "2026-03-18",
        message="permohonan.xlsx memuat lembar lain (Catatan) di samping lembar register "
        "'permohonan': menulis ulang register akan menghapusnya — pindahkan lembar itu",
    )  # fmt: skip
    assert load_workbook(path)["Catatan"]["A1"].value == "Rekap manual"
    found = run("periksa")
    assert found.exit_code == 1
    assert (
        "registers/permohonan.xlsx: memuat lembar lain (Catatan) di samping lembar register "
        "'permohonan'" in found.stdout
    )


def _hold(root, ready, release):
    """Hold the workspace lock from ``ready`` until the test sets ``release`` (no sleep that a
    loaded machine could outlast: the holder gave the lock up while the command still waited)."""
    ws = Workspace(root)
    with workspace_lock(ws.registers_dir, 5):
        ready.set()
        release.wait(120)


def test_lock_waits_then_gives_up_with_a_clear_error(ws, run, capfd):
    toml = ws.root / "ppidctl.toml"
    toml.write_text(toml.read_text().replace("batas_tunggu_kunci = 30", "batas_tunggu_kunci = 1"))
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold, args=(ws.root, ready, release))
    holder.start()
    try:
        assert ready.wait(60)
        before = snapshot(ws.root)
        result = run("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", "--tanpa-surat")
        assert result.exit_code == 1
        assert "Menunggu perintah lain" in result.stderr
        assert "sedang dipakai perintah lain lebih dari 1 detik" in result.stderr
        assert snapshot(ws.root) == before
        with pytest.raises(LockTimeout):
            with workspace_lock(ws.registers_dir, 0.2, notify=lambda m: None):
                pass
        # a script: its own wait, told through its own callback; the library prints nothing
        from ppidctl.services import permohonan as svc

        api = Workspace(str(ws.root))
        api.lock_timeout, told = 0.6, []
        api.on_lock_wait = told.append
        capfd.readouterr()
        with pytest.raises(LockTimeout, match="lebih dari 0.6 detik"):
            svc.register(api, svc.RequestInput(**INPUT), tanggal="2026-03-16", surat=False)
        assert told == [told[0]] and "paling lama 0.6 detik" in told[0]
        api.on_lock_wait = None
        with pytest.raises(LockTimeout):
            svc.register(api, svc.RequestInput(**INPUT), tanggal="2026-03-16", surat=False)
        assert capfd.readouterr() == ("", "")
        assert snapshot(ws.root) == before
    finally:
        release.set()
        holder.join()
    # released by a finished (or killed) holder: the next command goes through at once
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", "--tanpa-surat")


def test_a_bulk_journal_line_expands_to_one_entry_per_row():
    from ppidctl.store.journal import bulk, expand

    line = bulk(
        "permohonan",
        ["nomor_registrasi", "nama_pemohon", "catatan"],
        [["001/X/2024", "Ani", ""], ["002/X/2024", "Budi", "ok"], "not a row"],
        {"berkas": "lama.xlsx", "baris": [["Reg", 5], ["Reg", 6]]},
    )
    line.update(waktu="2026-01-02T09:00:00+08:00", berkas=["impor/tolak.csv"])
    one, two = expand(line)
    assert one == {
        "register": "permohonan",
        "nomor": "001/X/2024",
        "aksi": "tambah",
        "waktu": "2026-01-02T09:00:00+08:00",
        "nilai": {"nomor_registrasi": "001/X/2024", "nama_pemohon": "Ani"},
        "sumber": {"berkas": "lama.xlsx", "lembar": "Reg", "baris": 5},
    }
    assert two["nilai"]["catatan"] == "ok" and two["sumber"]["baris"] == 6
    assert expand(line, "002/X/2024") == [two] and expand(line, "003/X/2024") == []
    # any other line is itself; a bulk line without sources still gives its rows
    single = {"aksi": "tambah", "nilai": {"a": "1"}}
    assert expand(single) == [single]
    del line["sumber"]
    assert [e.get("sumber") for e in expand(line)] == [None, None]


def test_recorded_values_are_read_backwards_across_blocks(tmp_path):
    """The hash a register had after the last commit that recorded it, however far back (a
    bulk import line of many megabytes may lie in between); a register never named is absent."""

    def line(**kw) -> bytes:
        return journal.encode(kw)  # (compact, as every commit writes it)

    path = tmp_path / "jurnal.jsonl"
    path.write_bytes(
        line(register_sha256={"keberatan": "k1", "permohonan": "p1"})
        + line(register_sha256={"permohonan": "p2"}, catatan="é" * 100_000)  # > one block
        + line(aksi="tambah", baris=["x" * 300_000], catatan='"register_sha256":{}')  # long,
        # without hashes (the key's text inside a value is escaped)
        + line(register_sha256={"surat": "s1"})
    )
    names = {"permohonan", "keberatan", "surat", "libur"}
    assert journal.recorded(path, "register_sha256", names) == {"permohonan": "p2", "keberatan": "k1",
                                                    "surat": "s1"}  # fmt: skip
    assert journal.recorded(
        path, "register_sha256", {"surat"}, last=line(register_sha256={"surat": "s2"})
    ) == {"surat": "s2"}
    assert journal.recorded(tmp_path / "tidak-ada.jsonl", "register_sha256", names) == {}


def test_retired_numbers_from_the_set_carried_or_from_an_older_journal(tmp_path):
    """The numbers deleted (or changed) with the deletion accepted: the set the last numbering
    commit carried (nomor_dihapus), or, in a journal written before that, its accepted
    deletions and changed numbers."""
    path = tmp_path / "jurnal.jsonl"
    path.write_bytes(
        journal.encode({"register": "permohonan", "aksi": "hapus",
                        "perubahan": {"nomor_registrasi": ["003/PPID/5271/III/2026", ""],
                                      "nama_pemohon": ["Ani", ""]}})
        + journal.encode({"register": "permohonan", "aksi": "ubah",
                          "perubahan": {"nomor_registrasi": ["300/X", "005/X"]}})
        + journal.encode({"register": "permohonan", "aksi": "ubah",
                          "perubahan": {"status": ["terdaftar", "diteruskan"]}})
        + journal.encode({"register": "keberatan", "aksi": "hapus",
                          "perubahan": {"nomor_registrasi": ["001/KEB", ""]}})
        + journal.encode({"register": "surat", "nomor_dihapus": {"surat": ["7/PL"]}})
    )  # fmt: skip
    assert journal.retired_numbers(path, "permohonan") == {"003/PPID/5271/III/2026", "300/X"}
    assert journal.retired_numbers(path, "keberatan") == {"001/KEB"}
    assert journal.retired_numbers(path, "surat") == {"7/PL"}
    assert journal.retired_numbers(path, "libur") == set()


def test_rows_where_on_an_unparsed_register(run, ws):
    """The rows whose column holds one of the values, without parsing the file when no value
    occurs in its text at all; a quoted value (a name with a quote) is still found."""
    _register(run, 2)
    path = ws.register_path("permohonan")
    path.write_bytes(path.read_bytes().replace(b"Pemohon 1", b'"Pemohon ""1"""'))
    table = read_table("permohonan", path)
    assert [r["nama_pemohon"] for r in table.rows_where("nama_pemohon", ("Pemohon 0",))] == [
        "Pemohon 0"
    ]
    assert table.rows_where("nama_pemohon", ("Tidak Ada",)) == []
    assert len(table.rows_where("nama_pemohon", ('Pemohon "1"',))) == 1
    table.append({"nama_pemohon": "Baru", "nomor_registrasi": "X"})
    assert [r["nomor_registrasi"] for r in table.rows_where("nama_pemohon", ("Baru",))] == ["X"]
    assert not table.parsed


def test_switching_the_format_never_shows_an_empty_register(tmp_path):
    """README: format = "xlsx" on a workspace kept as CSV. Lists and reports would show no
    cases at all (the .xlsx does not exist yet): refused with the way out, pulihkan builds it."""
    from ppidctl.workspace import init

    from conftest import Runner

    ws = init(tmp_path / "x", "KPU Kota Mataram", "5271")
    run = Runner(ws.root)
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", "--tanpa-surat")
    toml = ws.root / "ppidctl.toml"
    toml.write_text(toml.read_text().replace('format = "csv"', 'format = "xlsx"'))
    said = "register permohonan tersimpan sebagai permohonan.csv, tetapi [penyimpanan] format ="
    refused = run.refused("permohonan", "daftar", message=said)
    assert "Peringatan" not in refused.stderr  # ("tidak ada … menghitungnya kosong": sesi32d2 L5)
    run.refused("laporan", "bulanan", "--bulan", "2026-03", message=said)
    run.refused("jatuh-tempo", message=said)  # (it printed an empty list: the desk's view)
    run.ok("pulihkan", "--register", "permohonan")
    shown = json.loads(run.ok("permohonan", "daftar", "--format", "json").stdout)
    assert [r["nomor_registrasi"] for r in shown] == ["001/PPID/5271/III/2026"]
    assert (ws.registers_dir / "permohonan.xlsx").exists()
    assert not (ws.registers_dir / "permohonan.csv").exists()  # (kept aside as format-lama)
    # init's empty CSV of the other register is no register: the XLSX workspace works
    assert (ws.registers_dir / "keberatan.csv").exists()
    assert json.loads(run.ok("keberatan", "daftar", "--format", "json").stdout) == []
    run.ok("permohonan", "teruskan", "1", "--tanggal", "2026-03-16")

    # switched back: the CSV left beside (an old copy put back by hand) is refused, named,
    # whether empty or stale (it was read silently as the register)
    toml.write_text(toml.read_text().replace('format = "xlsx"', 'format = "csv"'))
    run.refused("jatuh-tempo", message="register permohonan tersimpan sebagai permohonan.xlsx")
    (aside,) = ws.registers_dir.glob("permohonan.format-lama-*.csv")
    aside.rename(ws.registers_dir / "permohonan.csv")  # holds 001 as it was: not forwarded
    toml.write_text(toml.read_text().replace('format = "csv"', 'format = "xlsx"'))
    both = "register permohonan ada dua: permohonan.xlsx (dipakai"
    run.refused("permohonan", "daftar", message=both)
    run.refused("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-17", message=both)
    found = run("periksa")  # ("Tidak ada masalah" while every listing refused)
    assert found.exit_code == 1 and both in found.stdout
    # the register in use is the journal's: pulihkan --register only sets the stale one aside
    res = run.ok("pulihkan", "--register", "permohonan")
    assert (
        "sudah sama dengan jurnal" in res.stdout and "register format lama disimpan" in res.stdout
    )
    assert not (ws.registers_dir / "permohonan.csv").exists()
    assert json.loads(run.ok("permohonan", "daftar", "--format", "json").stdout)


def test_reports_refuse_an_empty_register_beside_the_one_holding_the_cases(tmp_path):
    """Switched to XLSX while empty (init's CSV files stay), cases recorded, switched back: the
    reports' fast CSV reader counted 0 cases (exit 0) while daftar refused."""
    from ppidctl.workspace import init

    from conftest import Runner

    ws = init(tmp_path / "x", "KPU Kota Mataram", "5271")
    toml = ws.root / "ppidctl.toml"
    toml.write_text(toml.read_text().replace('format = "csv"', 'format = "xlsx"'))
    run = Runner(ws.root)
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", "--tanpa-surat")
    toml.write_text(toml.read_text().replace('format = "xlsx"', 'format = "csv"'))
    said = "register permohonan tersimpan sebagai permohonan.xlsx"
    run.refused("laporan", "bulanan", "--bulan", "2026-03", message=said)
    run.refused("laporan", "tahunan", "--tahun", "2026", "--format", "json", message=said)


def test_columns_added_by_an_upgrade_reach_every_row(ws):
    """A register an older ppidctl wrote lacks columns added since: the first write adds them
    to the header and to every row (one field count per line, RFC 4180 — csv.DictReader gave
    None for them on the older rows); values and blank lines are kept."""
    import csv
    import io

    from ppidctl import schema

    keys = [k for k in schema.keys("permohonan") if k not in ("cara_pembayaran", "biaya")]
    path = ws.register_path("permohonan")
    old = [dict.fromkeys(keys, "") | {"nomor_registrasi": f"00{i}/PPID/5271/I/2026",
           "tanggal_diterima": "2026-01-05", "nama_pemohon": f"Ani, {i}",
           "informasi_diminta": "DPT", "status": "terdaftar"} for i in (1, 2)]  # fmt: skip
    text = io.StringIO(newline="")
    w = csv.writer(text, lineterminator="\r\n")
    w.writerow(keys)
    w.writerow([old[0][k] for k in keys])
    text.write("\r\n")  # (a blank line an office left)
    w.writerow([old[1][k] for k in keys])
    path.write_text(text.getvalue(), encoding="utf-8")
    table = read_table("permohonan", path)
    table.append(old[0] | {"nomor_registrasi": "003/PPID/5271/I/2026", "biaya": "5000"})
    lines = list(csv.reader(io.StringIO(table.to_bytes().decode("utf-8-sig"), newline="")))
    assert {len(r) for r in lines if r} == {len(keys) + 2} and [] in lines
    rows = list(csv.DictReader(io.StringIO(table.to_bytes().decode("utf-8-sig"), newline="")))
    assert [(r["nama_pemohon"], r["biaya"], r["cara_pembayaran"]) for r in rows] == [
        ("Ani, 1", "", ""), ("Ani, 2", "", ""), ("Ani, 1", "5000", ""),
    ]  # fmt: skip


def test_rows_short_of_the_header_are_completed_when_the_register_is_rewritten(ws):
    """A register an earlier version already widened (header complete, older rows short) gets
    every row's missing cells at its next rewrite; an append alone leaves the file's bytes."""
    import csv
    import io

    from ppidctl import schema

    keys = schema.keys("permohonan")
    path = ws.register_path("permohonan")
    short = ["001/PPID/5271/I/2026", "2026-01-05"]
    other = ["002/PPID/5271/I/2026", "2026-01-06"]
    path.write_text("\r\n".join(",".join(x) for x in (keys, short, other)) + "\r\n", "utf-8")
    table = read_table("permohonan", path)
    table.update(0, {"nama_pemohon": "Ani"})  # (row 2 untouched: short all the same)
    lines = list(csv.reader(io.StringIO(table.to_bytes().decode("utf-8-sig"), newline="")))
    assert [len(r) for r in lines] == [len(keys)] * 3
    assert dict(zip(keys, lines[1], strict=True))["nama_pemohon"] == "Ani"


def test_every_status_is_open_waiting_or_final_once():
    """schema.OPEN/FINAL and queries.MENUNGGU split each register's statuses: a status added to
    the schema and left out of them would be counted nowhere (not open, not closed)."""
    from ppidctl.services.queries import MENUNGGU

    for register, statuses in (
        ("permohonan", schema.STATUS_PERMOHONAN),
        ("keberatan", schema.STATUS_KEBERATAN),
    ):
        parts = schema.OPEN[register] + MENUNGGU[register] + schema.FINAL[register]
        assert sorted(parts) == sorted(statuses), register


def test_held_tells_a_live_holder_from_a_leftover_info_file(ws):
    """A .kunci.info a killed command left on this computer is no holder: listings waited two
    seconds on every run for it before telling an outside edit (review sesi29 L1)."""
    import os
    import socket
    import subprocess
    import sys

    from ppidctl.store.lock import held

    info = ws.registers_dir / ".kunci.info"
    assert not held(ws.registers_dir)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    here = f"rina@{socket.gethostname()}"
    for who, pid, alive in [
        (here, dead, os.name == "nt"),  # (Windows cannot ask: the file alone)
        (here, str(os.getpid()), True),
        ("budi@meja-lain-" + socket.gethostname(), dead, True),  # (another computer's)
    ]:
        info.write_text(f"{who} pid {pid} sejak 2026-03-16 09:00:00+08:00", encoding="utf-8")
        assert held(ws.registers_dir) is alive, (who, pid)


def test_a_register_that_is_a_folder_is_named_so_also_on_windows(tmp_path, monkeypatch):
    # Windows raises PermissionError for a folder opened as a file: the hint said "check its
    # permissions" there (review sesi31b L6)
    from pathlib import Path

    from ppidctl.errors import RegisterError
    from ppidctl.store.table import read_table

    folder = tmp_path / "permohonan.csv"
    folder.mkdir()

    def denied(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(RegisterError) as e:
        read_table("permohonan", folder)
    assert "berupa folder, bukan berkas" in str(e.value) and "pindahkan folder itu" in str(e.value)


def test_the_number_cache_is_trusted_only_for_the_register_s_content(run, ws):
    """The highest number per year was trusted while size, mtime and inode were the same: a
    same-size edit with its time kept (cp -p, a FAT drive's 2-second clock), once accepted,
    made catat give 009 a second time (review sinkron L2)."""
    import os

    for day in ("2026-03-16", "2026-03-16", "2026-03-16"):
        run.ok("permohonan", "catat", *REQUEST, "--tanggal", day, "--tanpa-surat")
    path = ws.register_path("permohonan")
    st = path.stat()
    data = path.read_bytes().replace(b"\r\n003/PPID", b"\r\n009/PPID")
    with path.open("r+b") as f:  # (in place: the same inode)
        f.write(data)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size and path.stat().st_ino == st.st_ino
    run.ok("periksa", "--terima-perubahan", "--catatan", "nomor dikoreksi")
    out = run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-17", "--tanpa-surat")
    assert out.stdout.startswith("Nomor registrasi : 010/PPID/5271/III/2026")


def test_a_write_failing_in_the_journal_or_a_letter_names_the_file(tmp_path, monkeypatch):
    """A full disk at the journal line or a letter's temp file was told "berkas workspace":
    the OSError carried no file name (review rusak L1)."""
    import errno
    import os

    from ppidctl.store import transaction

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    path = tmp_path / "jurnal.jsonl"
    with pytest.raises(OSError) as raised:
        journal.append(path, b"{}\n", 0o640)
    assert raised.value.errno == errno.ENOSPC and raised.value.filename == str(path)
    assert path.read_bytes() == b""  # (what it wrote cut off again)
    letter = tmp_path / "letters" / "001-tanda-terima.docx"
    with pytest.raises(OSError) as raised:
        transaction._stage(letter, b"PK", 0o640, "0" * 12)
    assert raised.value.filename == str(letter)
    assert list(letter.parent.iterdir()) == []


def test_rows_added_under_a_header_only_lf_register_keep_its_line_ends(tmp_path):
    """A register of a header alone, saved with LF ("judul\\n"), got its new rows in CRLF: a
    file of mixed line ends (review sesi33c L3)."""
    from ppidctl.store.table import read_csv

    path = tmp_path / "libur.csv"
    header = ",".join(c.key for c in schema.columns("libur")).encode() + b"\n"
    table = read_csv("libur", path, header)
    table.append({"tanggal": "2026-03-30", "keterangan": "SK Wali Kota"})
    data = table.to_bytes()
    assert b"\r" not in data and data.count(b"\n") == 2
