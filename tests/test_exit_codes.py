"""Exit codes (cli.md "Exit codes and streams"): 2 for wrong usage, 1 for a refusal.

The rule: a value typed that is not of its option's or argument's type — not a date, month or
year in the required shape, not one of the option's fixed choices (an enumerated value, a code
list) — is wrong usage, exit code 2, as Click says of ``--dalam abc`` or ``--format xml``; it is
told in the refusals' Indonesian ``Error: <apa> — <saran>`` form and nothing is written.
Whatever needs the workspace, the registers or the rules (a NIK, a date in the future or before
the request, a number not found, a status that forbids the step, a missing document) is a
refusal, exit code 1. A script can so tell a typo from a refusal.
"""

from __future__ import annotations

import os

import pytest

from conftest import REQUEST, UJI

CATAT = ["permohonan", "catat", *REQUEST, "--tanpa-surat"]
KEBERATAN = ["keberatan", "catat", "--permohonan", "2", "--alasan", "a", "--kasus-posisi",
             "Ditolak tanpa uji yang memadai", "--dokumen", "formulir,identitas", "--tanpa-surat"]  # fmt: skip
#: an objection on periodic information not provided (reason b): no request, its own identity
KEBERATAN_B = ["keberatan", "catat", "--alasan", "b", "--nama", "Ani", "--alamat", "Jl. Sayang",
               "--informasi", "DIP 2026", "--tujuan", "Kajian", "--kasus-posisi", "DIP tidak ada",
               "--dokumen", "formulir,identitas", "--tanpa-surat"]  # fmt: skip
BAD_DAY = "2026-02-30"

#: (arguments, part of the message): every one exits 2 with the workspace unchanged
USAGE = [
    # listing filters: daftar, jatuh-tempo, ekspor
    (["permohonan", "daftar", "--bulan", "2026-13"], "--bulan '2026-13' tidak sah"),
    # an empty value (a script's unset variable) is no value: it listed everything, dated today
    (["permohonan", "daftar", "--bulan", ""], "--bulan kosong"),
    # an option for what another option leaves out (it was dropped without a word)
    ([*CATAT, "--pdf"], "--tanpa-surat tidak membuat surat, jadi --pdf tidak berarti"),
    (["permohonan", "putuskan", "1", "--keputusan", "diberikan", "--tanpa-surat",
      "--nomor-surat", "X/1"], "jadi --nomor-surat tidak berarti"),
    (["ekspor", "--register", "permohonan", "-o", "b.xlsx", "--pemisah", ";"],
     "hanya untuk CSV, bukan xlsx"),
    (["permohonan", "putuskan", "1", "--keputusan", "diberikan", "--pasal", "Pasal 17 huruf a"],
     "--pasal bukan untuk keputusan diberikan"),
    # ... and what the register would keep as misleading data (a consequence test on a grant)
    (["permohonan", "putuskan", "1", "--keputusan", "diberikan", "--uji-konsekuensi", "x"],
     "--uji-konsekuensi bukan untuk keputusan diberikan"),
    (["permohonan", "putuskan", "1", "--keputusan", "tidak-dikuasai", "--waktu-penyediaan",
      "3 hari"], "--waktu-penyediaan bukan untuk keputusan tidak-dikuasai"),
    (["permohonan", "putuskan", "1", "--keputusan", "diberikan", "--rincian-biaya", "A=1"],
     "--rincian-biaya hanya untuk informasi yang dikenai biaya"),
    # a dot groups thousands (25.000); 25.5 was stored as Rp255, the letter spelling it out
    (["permohonan", "putuskan", "1", "--keputusan", "diberikan", "--biaya", "25.5"],
     "--biaya '25.5' harus bilangan rupiah"),
    # the items of a fee: told as the option typed (was "templat …pemberitahuan.docx: biaya …")
    (["permohonan", "putuskan", "1", "--keputusan", "diberikan", "--biaya", "25000",
      "--rincian-biaya", "50 lembar fotokopi x Rp500"],
     "--rincian-biaya: '50 lembar fotokopi x Rp500' bukan uraian=jumlah"),
    (["permohonan", "daftar", "--bulan", "2026-03", "--dari", "2026-03-01"],
     "--bulan tidak bisa dipakai bersama --dari/--sampai"),
    ([*KEBERATAN, "--kuasa-alamat", "Jl. Majapahit 7"], "--kuasa-alamat tanpa --kuasa"),
    ([*KEBERATAN, "--meterai"], "--meterai tanpa --kuasa"),
    ([*KEBERATAN, "--alasan", "b", "--nama", "Ani"], "--nama tidak dipakai bila --permohonan diisi"),
    (["jatuh-tempo", "--status", " "], "--status kosong"),
    # --biaya "$BIAYA" unset recorded a free decision; --kuasa "" a request without its proxy
    (["permohonan", "putuskan", "1", "--keputusan", "diberikan", "--biaya", ""],
     "--biaya kosong — isi nilainya atau hapus opsinya (tanpa biaya: --biaya 0)"),
    (["permohonan", "putuskan", "1", "--keputusan", "tidak-dikuasai", "--badan-publik", " "],
     "--badan-publik kosong"),
    ([*CATAT, "--kuasa", ""], "--kuasa kosong — isi nilainya atau hapus opsinya\n"),
    ([*CATAT, "--tahapan", " "], "--tahapan kosong"),  # (3 working days silently became 10)
    ([*KEBERATAN, "--kuasa", ""], "--kuasa kosong"),
    # --cari "$NAMA" unset listed every case (daftar shows NIK, address and phone)
    (["permohonan", "daftar", "--cari", ""], "--cari kosong"),
    (["ekspor", "--register", "permohonan", "--format", "csv", "--cari", " "], "--cari kosong"),
    (["permohonan", "lihat", ""], "nomor registrasi kosong"),
    # -C "$PPID_WS" unset worked on whatever workspace the cron job's folder was in
    (["--dir", "", "jatuh-tempo"], "nilai -C / --dir tidak sah: kosong"),
    (["init", " "], "folder workspace kosong"),
    # the workspace is the program's option (git-style): the hint named help that lacks it
    (["permohonan", "daftar", "-C", "x"], "tulis sebelum perintahnya, mis. ppidctl -C FOLDER permohonan daftar"),
    ([*CATAT, "--tanggal", ""], "--tanggal '' bukan tanggal"),
    (["permohonan", "daftar", "--dari", BAD_DAY], f"--dari '{BAD_DAY}' bukan tanggal"),
    (["permohonan", "daftar", "--sampai", "20260301"], "--sampai '20260301' bukan tanggal"),
    (["permohonan", "daftar", "--status", "bogus"], "--status 'bogus' tidak dikenal"),
    (["keberatan", "daftar", "--status", "diperpanjang"], "untuk register keberatan"),
    (["jatuh-tempo", "--status", "bogus"], "--status 'bogus' tidak dikenal"),
    (["jatuh-tempo", "--bulan", "2026-3"], "--bulan '2026-3' tidak sah"),
    (["ekspor", "--register", "permohonan", "--format", "csv", "--sampai", BAD_DAY],
     f"--sampai '{BAD_DAY}' bukan tanggal"),
    # calendar, stages, reports
    (["kalender", "hitung", BAD_DAY, "3"], f"TANGGAL '{BAD_DAY}' bukan tanggal"),
    (["kalender", "tambah", BAD_DAY, "--keterangan", "SK"], f"TANGGAL '{BAD_DAY}' bukan tanggal"),
    (["tahapan", "daftar", "--tanggal", "2026-13-01"], "--tanggal '2026-13-01' bukan tanggal"),
    (["tahapan", "tambah", "Kampanye", "--mulai", "2026-13-01", "--selesai", "2026-12-31"],
     "--mulai '2026-13-01' bukan tanggal"),
    (["laporan", "tahunan", "--tahun", "26"], "--tahun 26 di luar jangkauan"),
    (["laporan", "bulanan", "--bulan", "2026-13"], "--bulan '2026-13' tidak sah"),
    (["laporan", "harian", "--tanggal", BAD_DAY], f"--tanggal '{BAD_DAY}' bukan tanggal"),
    # shapes Python's fromisoformat reads but the contract does not (a script learnt them from
    # one command and the next refused them): refused everywhere alike
    (["arsip", "--format", "csv"], "'csv' bukan salah satu dari 'teks', 'json'"),  # (was teks)
    (["laporan", "harian", "--tanggal", "2026-W12-1"], "--tanggal '2026-W12-1' bukan tanggal"),
    (["kalender", "hitung", "20260316", "3"], "TANGGAL '20260316' bukan tanggal"),
    ([*CATAT, "--tanggal", "20260316"], "--tanggal '20260316' bukan tanggal"),
    ([*CATAT, "--tanggal", "2026-W12-1T09:00"], "bukan tanggal"),
    # --tanggal not a date, on every step
    ([*CATAT, "--tanggal", BAD_DAY], f"--tanggal '{BAD_DAY}' bukan tanggal"),
    (["permohonan", "teruskan", "1", "--tanggal", BAD_DAY], "bukan tanggal"),
    (["permohonan", "perpanjang", "1", "--alasan", "Arsip di gudang", "--tanggal", BAD_DAY],
     "bukan tanggal"),
    (["permohonan", "putuskan", "1", "--keputusan", "diberikan", "--tanggal", BAD_DAY],
     "bukan tanggal"),
    (["permohonan", "selesai", "1", "--tanggal", "2026-11-3"], "--tanggal '2026-11-3' bukan"),
    ([*KEBERATAN, "--tanggal", BAD_DAY], "bukan tanggal"),
    (["keberatan", "teruskan", "1", "--tanggal", BAD_DAY], "bukan tanggal"),
    (["keberatan", "pleno", "1", "--tanggal", BAD_DAY], "bukan tanggal"),
    (["keberatan", "tanggapi", "1", "--keputusan", "diterima", "--tanggal", BAD_DAY],
     "bukan tanggal"),
    (["keberatan", "sampaikan", "1", "--tanggal", BAD_DAY], "bukan tanggal"),
    (["keberatan", "tanggapan-pemohon", "1", "--sikap", "menerima", "--tanggal", BAD_DAY],
     "bukan tanggal"),
    (["keberatan", "musyawarah", "1", "--hasil", "sepakat", "--tanggal", BAD_DAY],
     "bukan tanggal"),
    ([*KEBERATAN, "--alasan-ditemukan", BAD_DAY], f"--alasan-ditemukan '{BAD_DAY}' bukan"),
    # not one of the option's choices or codes
    (["permohonan", "putuskan", "1", "--keputusan", "kabul"], "--keputusan 'kabul' tidak dikenal"),
    (["permohonan", "putuskan", "1", "--keputusan", "diberikan", "--biaya", "dua ribu"],
     "--biaya 'dua ribu' harus bilangan rupiah"),
    # stored, then no letter could spell it out ("templat gagal diisi", blaming the template)
    (["permohonan", "putuskan", "1", "--keputusan", "diberikan", "--biaya", "1" + "0" * 15],
     "terlalu besar (paling besar 999 triliun rupiah)"),
    ([*CATAT, "--saluran", "merpati"], "--saluran 'merpati' tidak dikenal"),
    ([*CATAT, "--jenis-pemohon", "x"], "--jenis-pemohon 'x' tidak dikenal"),
    ([*CATAT, "--jenis-identitas", "sim"], "--jenis-identitas 'sim' tidak dikenal"),
    ([*CATAT, "--cara-memperoleh", "fotokopi"], "--cara-memperoleh 'fotokopi' tidak dikenal"),
    ([*CATAT, "--bentuk", "cd"], "--bentuk 'cd' tidak dikenal"),
    ([*CATAT, "--cara-kirim", "merpati"], "--cara-kirim 'merpati' tidak dikenal"),
    ([*CATAT, "--dokumen", "identitas,foo"], "--dokumen: 'foo' tidak dikenal"),
    ([*KEBERATAN, "--alasan", "z"], "--alasan: 'z' tidak dikenal"),
    ([*KEBERATAN, "--alasan", "a,h"], "--alasan: 'h' tidak dikenal"),
    ([*KEBERATAN, "--dokumen", "formulir,identitas,foo"], "--dokumen: 'foo' tidak dikenal"),
    ([*KEBERATAN, "--saluran", "merpati"], "--saluran 'merpati' tidak dikenal"),
    (["keberatan", "tanggapi", "1", "--keputusan", "kabul"], "--keputusan 'kabul' tidak dikenal"),
    (["keberatan", "tanggapan-pemohon", "1", "--sikap", "marah"], "--sikap 'marah' tidak dikenal"),
    (["keberatan", "putusan-sengketa", "1", "--putusan", "menang"],
     "--putusan 'menang' tidak dikenal"),
    (["keberatan", "putusan-sengketa", "1", "--putusan", "mediasi", "--tanggal", BAD_DAY],
     "bukan tanggal"),
    (["surat", "buat", "undangan", "1"], "jenis surat 'undangan' tidak dikenal"),
    (["surat", "periksa", "templates/tanda-terima.docx", "--jenis", "undangan"],
     "--jenis 'undangan' tidak dikenal"),
    (["surat", "buat", "tanda-terima", "--semua", "--bulan", "2026-13"], "--bulan '2026-13'"),
    (["pulihkan", "--register", "rahasia"], "--register 'rahasia' tidak dikenal"),
    (["impor", "{csv}", "--register", "permohonan", "--pemisah", "ab"], "pemisah 'ab' tidak bisa"),
    (["impor", "{csv}", "--register", "permohonan", "--encoding", "klingon"],
     "encoding 'klingon' tidak dikenal"),
    # the parser's own checks (Click), already 2: the same rule
    (["permohonan", "daftar", "--dalam", "abc"], "nilai --dalam tidak sah: harus bilangan bulat"),
    (["permohonan", "daftar", "--format", "xml"], "nilai --format tidak sah"),
    (["kalender", "hitung", "2026-03-16", "abc"], "nilai HARI tidak sah"),
    (["kalender", "libur", "--tahun", "0"], "nilai --tahun tidak sah"),
    (["laporan", "tahunan", "--tahun", "dua"], "nilai --tahun tidak sah"),
]  # fmt: skip

#: (arguments, part of the message): well-formed values the workspace, registers or rules refuse
REFUSED = [
    ([*CATAT, "--nik", "527101120390001"], "harus 16 angka"),
    ([*CATAT, "--dokumen", "formulir"], "dokumen wajib belum diterima"),
    ([*CATAT, "--tanggal", "2026-11-23"], "--tanggal 2026-11-23 ada di masa depan"),
    ([*CATAT, "--tanggal", "1999-01-07"], "sebelum UU 14/2008 berlaku"),
    (["permohonan", "teruskan", "1", "--tanggal", "2026-10-01"], "sebelum langkah sebelumnya"),
    (["permohonan", "putuskan", "9", "--keputusan", "diberikan"], "nomor 9 tidak ada"),
    (["permohonan", "putuskan", "2", "--keputusan", "diberikan"], "keputusan tidak dapat diubah"),
    (["permohonan", "daftar", "--dari", "2026-04-10", "--sampai", "2026-03-01"],
     "--dari 2026-04-10 sesudah --sampai 2026-03-01"),
    (["laporan", "harian", "--tanggal", "2027-06-01"], "belum tiba"),
    ([*KEBERATAN, "--alasan-ditemukan", "2026-11-23"], "sesudah tanggal pengajuan keberatan"),
    (["keberatan", "sampaikan", "1"], "belum ditanggapi Atasan PPID"),
    # refusals no test reached (a mutation switching them off went unnoticed)
    ([a for a in CATAT if a not in ("--nik", "5271011203900001")],
     "pemohon perorangan/kelompok wajib menunjukkan identitas (NIK KTP atau nomor paspor)"),
    ([*CATAT, "--nik", "5200011203900001"], "kode kabupaten/kota 00 tidak ada"),
    ([*CATAT, "--nik", "5271011203900000"], "nomor urut 0000 tidak sah"),
    ([*CATAT, "--telepon", "12ab"], "nomor telepon '12ab' tidak sah: harus 6–15 angka"),
    (["permohonan", "perpanjang", "2", "--alasan", "Data dihimpun", "--tanpa-surat"],
     "sudah diputuskan (status 'selesai'): tidak dapat diperpanjang"),  # (Pasal 22(8))
    ([*KEBERATAN_B, "--telepon", "081234567890"], "pemohon wajib menunjukkan identitas"),
    ([*KEBERATAN_B, "--nik", "5271011203900001"], "pemohon wajib mencantumkan kontak"),
]  # fmt: skip


@pytest.fixture
def desk(run, tmp_path):
    """Request 1 registered (2026-11-02); request 2 rejected, objection 1 on it (terdaftar)."""
    run.ok(*CATAT, "--tanggal", "2026-11-02")
    run.ok(*CATAT, "--tanggal", "2026-11-02")
    run.ok("permohonan", "putuskan", "2", "--keputusan", "ditolak", "--pasal",
           "Pasal 17 huruf h angka 2", "--sk-pengecualian", "SK KPU Kota Mataram 12/2026",
           "--uji-konsekuensi", UJI, "--tanggal", "2026-11-03", "--tanpa-surat")  # fmt: skip
    run.ok(*KEBERATAN, "--tanggal", "2026-11-04")
    csv = tmp_path / "lama.csv"
    csv.write_text("No;Tanggal;Nama Pemohon;Informasi yang Diminta\n1;02/01/2024;Ani;DPT\n")
    return run, str(csv)


@pytest.mark.parametrize(("args", "message"), USAGE, ids=lambda x: " ".join(x)[:60])
def test_value_not_of_its_type_is_wrong_usage(desk, args, message):
    run, csv = desk
    run.usage(*[a.replace("{csv}", csv) for a in args], message=message)


@pytest.mark.parametrize(("args", "message"), REFUSED, ids=lambda x: " ".join(x)[:60])
def test_well_formed_value_refused_by_the_rules_exits_1(desk, args, message):
    run, _ = desk
    run.refused(*args, message=message)


def test_usage_error_is_told_in_the_refusals_form(desk):
    """The same one-line ``Error: <apa> — <saran>`` as a refusal, no English, no traceback."""
    run, _ = desk
    res = run.usage("permohonan", "daftar", "--bulan", "2026-13", message="--bulan")
    assert res.stderr == "Error: --bulan '2026-13' tidak sah — tulis sebagai YYYY-MM\n"
    assert res.stdout == ""


def test_values_read_from_files_stay_refusals(run, ws):
    """A status no register knows, written into a register by hand, is bad data: the steps
    refuse it and periksa reports it (1); it is never taken for wrong usage (2)."""
    run.ok(*CATAT, "--tanggal", "2026-11-02")
    path = ws.root / "registers" / "permohonan.csv"
    data = path.read_bytes()
    assert data.count(b",terdaftar,") == 1
    path.write_bytes(data.replace(b",terdaftar,", b",ditutup,"))
    run.refused("permohonan", "teruskan", "1", message="berstatus 'ditutup'")
    run.refused("permohonan", "putuskan", "1", "--keputusan", "diberikan", message="'ditutup'")
    res = run("periksa")
    assert res.exit_code == 1 and "ditutup" in res.output


def test_date_read_from_a_register_stays_a_refusal(run, ws):
    """'bukan tanggal' of a register cell (a hand edit) is bad data (1); of --tanggal, usage (2)."""
    run.ok(*CATAT, "--tanggal", "2026-11-02")
    path = ws.root / "registers" / "permohonan.csv"
    data = path.read_bytes()
    assert data.count(b",2026-11-02,") == 1
    path.write_bytes(data.replace(b",2026-11-02,", b",02/11/2026,"))
    n = "001/PPID/5271/XI/2026"  # (the sequence alone counts the rows of this year)
    run.refused(
        "permohonan", "teruskan", n, "--tanggal", "2026-11-03",
        message="('02/11/2026') bukan tanggal YYYY-MM-DD (disunting di luar ppidctl)",
    )  # fmt: skip
    run.usage("permohonan", "teruskan", n, "--tanggal", "03/11/2026", message="bukan tanggal")


def test_a_closed_output_pipe_is_not_a_workspace_error(ws):
    """A script keeping one line (`ppidctl permohonan catat … | head -1`) closed stdout before
    the step printed its result: the step was recorded, yet the command said the workspace
    could not be written ("Broken pipe") and exited 1, which promises nothing changed; a script
    retrying would record the request twice. A step journalled exits 0, silently; a command that
    changed nothing exits as a closed pipe does (141), silently."""
    import os
    import subprocess
    import sys

    def closed_stdout(*args: str) -> subprocess.CompletedProcess:
        r, w = os.pipe()
        os.close(r)  # (every write to w fails with EPIPE: no race with the child's output)
        try:
            return subprocess.run(
                [sys.executable, "-m", "ppidctl", "-C", str(ws.root), *args],
                stdout=w, stderr=subprocess.PIPE, text=True, check=False,
                # (piped output takes $COLUMNS, which pytest exports as 80: the 120 of a script)
                env={k: v for k, v in os.environ.items() if k != "COLUMNS"},
            )  # fmt: skip
        finally:
            os.close(w)

    out = closed_stdout(*CATAT, "--tanggal", "2026-11-02")
    assert (out.returncode, out.stderr) == (0, "")
    rows = (ws.root / "registers" / "permohonan.csv").read_text("utf-8").splitlines()
    assert len(rows) == 2  # the header and the one request
    out = closed_stdout("permohonan", "daftar")
    assert (out.returncode, out.stderr) == (141, "")


def test_a_windows_pipe_gone_is_not_a_workspace_error(run, ws, monkeypatch):
    """On Windows a pipe whose reader quit (``| more`` then q) often fails with EINVAL, not a
    broken pipe: a committed import then said "berkas workspace tidak dapat dibaca atau
    ditulis (Invalid argument)", exit 1 — a script retrying would record it twice. Taken as the
    closed pipe it is. (Simulated: the output's write fails as Windows makes it fail.)"""
    import errno
    import json

    import typer

    from ppidctl.store import transaction

    monkeypatch.setattr(transaction, "WINDOWS", True)
    echo = typer.echo

    def gone(message=None, *args, err=False, **kwargs):
        if not err:
            raise OSError(errno.EINVAL, "Invalid argument")
        return echo(message, *args, err=err, **kwargs)

    monkeypatch.setattr(typer, "echo", gone)
    result = run(*CATAT, "--tanggal", "2026-11-02", "--format", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    monkeypatch.setattr(typer, "echo", echo)
    assert len(json.loads(run.ok("permohonan", "daftar", "--format", "json").stdout)) == 1

    # EINVAL is also what Windows says of a network share gone mid-write: before the step is
    # journalled it is an error, told (it was taken for a closed pipe: silent, exit 141)
    from ppidctl.store import journal

    def share_gone(*args, **kwargs):
        raise OSError(errno.EINVAL, "Invalid argument")

    monkeypatch.setattr(journal, "append", share_gone)
    result = run(*CATAT, "--tanggal", "2026-11-02")
    assert result.exit_code == 1 and "Error: " in result.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="/dev/full (Linux)")
@pytest.mark.parametrize("unbuffered", ["1", None])
def test_an_output_on_a_full_disk_after_the_step(ws, unbuffered):
    """`catat … > hasil.json` on a full disk: the step was recorded, yet the command said the
    workspace could not be written and exited 120 (1 unbuffered, which promises nothing
    changed): a script retrying recorded the request twice. A step journalled exits 0 and says
    its output was lost; a listing exits 1 naming the output, not the workspace."""
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONUNBUFFERED", "COLUMNS")}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = unbuffered

    def full(*args: str) -> subprocess.CompletedProcess:
        with open("/dev/full", "w") as out:
            return subprocess.run([sys.executable, "-m", "ppidctl", "-C", str(ws.root), *args],
                                  stdout=out, stderr=subprocess.PIPE, text=True, check=False,
                                  env=env)  # fmt: skip

    r = full(*CATAT, "--tanggal", "2026-11-02", "--format", "json")
    assert r.returncode == 0, r.stderr
    assert r.stderr.startswith("Peringatan: keluaran perintah tidak dapat ditulis")
    assert "sudah tercatat di jurnal: jangan ulangi perintahnya" in r.stderr
    assert "Exception ignored" not in r.stderr
    rows = (ws.root / "registers" / "permohonan.csv").read_text("utf-8").splitlines()
    assert len(rows) == 2  # the header and the one request
    r = full("permohonan", "daftar", "--format", "json")
    assert r.returncode == 1 and r.stderr.startswith("Error: keluaran perintah tidak dapat")
    assert "workspace" not in r.stderr and "Exception ignored" not in r.stderr

    # started with stdout closed (`>&-`): a CSV listing crashed (AttributeError), a JSON one
    # exited 0 having written nothing; a step is done, its output lost
    def closed(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "ppidctl", "-C", str(ws.root), *args],
                              stderr=subprocess.PIPE, text=True, check=False, env=env,
                              preexec_fn=lambda: os.close(1))  # fmt: skip

    for fmt in ("csv", "json"):
        r = closed("permohonan", "daftar", "--format", fmt)
        assert r.returncode == 1, r.stderr
        assert r.stderr.startswith("Error: keluaran perintah tidak dapat ditulis (stdout tertutup)")
    r = closed(*CATAT, "--tanggal", "2026-11-03")
    assert r.returncode == 0 and "sudah tercatat di jurnal" in r.stderr
    # a report or an export written to a file: only its name on stdout was lost (it exited 1,
    # and a script retrying made it again)
    for args in (("laporan", "bulanan", "--bulan", "2026-11", "--keluaran"),
                 ("ekspor", "--register", "permohonan", "--keluaran")):  # fmt: skip
        out = ws.root.parent / f"{args[0]}.xlsx"
        for r in (closed(*args, str(out)), full(*args, str(out.with_suffix(".2.xlsx")))):
            assert r.returncode == 0, r.stderr
            assert f"berkasnya sudah ditulis: {out.parent}" in r.stderr
        assert out.stat().st_size > 0 and out.with_suffix(".2.xlsx").stat().st_size > 0


@pytest.mark.parametrize("unbuffered", ["1", None])
def test_output_cut_short_by_its_reader_is_not_success(tmp_path, unbuffered):
    """A reader that goes away part-way (`| head -c 100`, a full disk) leaves the write short.
    Under PYTHONUNBUFFERED (Docker images, systemd units; set on this machine) the rest was
    dropped without an error and the listing exited 0: a script kept half a report."""
    import os
    import subprocess
    import sys

    from benchmarks.bench_reports import generate

    generate(tmp_path / "ws", 400)  # (a listing far larger than a pipe's 64 KiB)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = unbuffered
    args = ["-m", "ppidctl", "-C", str(tmp_path / "ws"), "permohonan", "daftar", "--format", "json"]
    child = subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=env)  # fmt: skip
    assert len(child.stdout.read(100)) == 100
    child.stdout.close()  # (the child is blocked in a write far larger than the pipe)
    assert (child.wait(timeout=60), child.stderr.read()) == (141, b"")


def test_a_file_where_a_folder_is_asked_is_told_in_indonesian(run, ws):
    # Click's "dir '…/ppidctl.toml' is a file." was left in English
    run.usage("arsip", "--keluaran", str(ws.root / "ppidctl.toml"),
              message="ppidctl.toml' adalah berkas, bukan folder")  # fmt: skip


def test_ctrl_c_says_where_the_command_stood(run, ws, monkeypatch):
    """Ctrl-C during a long command (an import) exits 130 and says whether anything was
    recorded, instead of ending without a word."""
    from conftest import snapshot

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("ppidctl.services.permohonan.register", interrupted)
    before = snapshot(ws.root)
    r = run("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", "--tanpa-surat")
    assert r.exit_code == 130 and snapshot(ws.root) == before
    assert r.stderr == "Dihentikan (Ctrl-C): tidak ada yang tercatat; bila ragu: ppidctl periksa\n"


@pytest.mark.skipif(not hasattr(__import__("signal"), "SIGINT"), reason="needs SIGINT")
def test_ctrl_c_after_the_journal_line_waits_for_the_commit(run, ws, monkeypatch):
    """Ctrl-C landing just after the journal lines were written: the commit deleted the letter
    the journal named (lost for good: periksa dirty for ever), and the desk was told nothing
    was recorded — typing the request again made a duplicate; one landing before the register
    was written left it for pulihkan, unsaid (review serentak H1, L2). The commit now finishes
    first: the step is whole, and said to be recorded."""
    import signal

    from ppidctl.store import journal

    real = journal.append

    def then_ctrl_c(*args, **kwargs):
        real(*args, **kwargs)
        os.kill(os.getpid(), signal.SIGINT)  # (delivered at once, between two bytecodes)

    monkeypatch.setattr(journal, "append", then_ctrl_c)
    r = run("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16")
    assert r.exit_code == 130, (r.output, r.exception)
    assert r.stderr.startswith("Dihentikan (Ctrl-C): langkahnya sudah tercatat di jurnal")
    monkeypatch.setattr(journal, "append", real)
    assert [row["nomor_registrasi"] for row in ws.read("permohonan").rows] == [
        "001/PPID/5271/III/2026"
    ]
    assert (ws.root / "letters/2026/001-PPID-5271-III-2026-tanda-terima.docx").is_file()
    assert run("periksa").exit_code == 0
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # (put back)


def test_warnings_are_plain_when_colour_is_refused(run, monkeypatch):
    """NO_COLOR (no-color.org) and TERM=dumb: the yellow 'Peringatan:' goes without colour."""
    from typer.testing import CliRunner

    from ppidctl.cli.main import app

    args = [
        "-C",
        str(run.root),
        "permohonan",
        "catat",
        *REQUEST,
        "--tanggal",
        "2026-03-15",
        "--tanpa-surat",
    ]  # fmt: skip  (a Sunday: a warning)
    coloured = CliRunner().invoke(app, args, color=True)
    assert "\x1b[33mPeringatan:" in coloured.stderr
    monkeypatch.setenv("NO_COLOR", "1")
    plain = CliRunner().invoke(app, [*args[:-2], "2026-03-14", "--tanpa-surat"], color=True)
    assert plain.exit_code == 0 and "Peringatan:" in plain.stderr and "\x1b[" not in plain.stderr


def test_the_private_typer_names_usage_relies_on():
    """cli/usage.py departs from architecture.md's "public Typer API only" (its docstring says
    why): a Typer upgrade that moves these fails here by name, not as a dozen English
    messages."""
    import typer
    from typer import rich_utils
    from typer._click import exceptions as cx

    wanted = {
        cx: ("BadParameter", "ClickException", "MissingParameter", "NoArgsIsHelpError",
             "NoSuchOption", "UsageError"),
        rich_utils: ("ARGUMENTS_PANEL_TITLE", "OPTIONS_PANEL_TITLE", "COMMANDS_PANEL_TITLE",
                     "ERRORS_PANEL_TITLE", "DEFAULT_STRING", "REQUIRED_LONG_STRING",
                     "ENVVAR_STRING", "DEPRECATED_STRING", "ABORTED_TEXT", "Table", "Columns"),
    }  # fmt: skip
    missing = [f"{m.__name__}.{n}" for m, names in wanted.items() for n in names
               if not hasattr(m, n)]  # fmt: skip
    assert not missing, f"typer {typer.__version__} no longer has {missing} (cli/usage.py)"


def test_help_on_a_narrow_terminal_cuts_no_name_or_value(monkeypatch):
    """At 60 columns `--help` showed `--sk-pengecua…` and `diberikan-sebag…`: the very names a
    rejection needs, unreadable (review konsol L5). They fold at the edge instead."""
    from typer.testing import CliRunner

    from ppidctl.cli.main import app

    monkeypatch.setenv("COLUMNS", "60")
    for command in (["permohonan", "putuskan"], ["impor"], ["keberatan", "tanggapi"]):
        shown = CliRunner().invoke(app, [*command, "--help"]).stdout
        assert "…" not in shown, command  # (folded onto the next line instead)
    for width in ("40", "50"):  # the help column stays readable (sesi31b L4), [wajib] too
        monkeypatch.setenv("COLUMNS", width)
        shown = CliRunner().invoke(app, ["permohonan", "putuskan", "--help"]).stdout
        assert "…" not in shown
        assert "[wajib]" in shown and "Dasar" in shown  # (the help of --pasal, not cropped)
    monkeypatch.setenv("COLUMNS", "70")  # from 70 on, the names to type stay whole (sesi31 L6)
    shown = CliRunner().invoke(app, ["permohonan", "putuskan", "--help"]).stdout
    assert "--sk-pengecualian " in shown and "--uji-konsekuensi " in shown
    # from 80 columns on, Typer's own layout: a default is not split across lines (sesi31 L6)
    monkeypatch.setenv("COLUMNS", "80")
    shown = CliRunner().invoke(app, ["permohonan", "catat", "--help"]).stdout
    assert "[bawaan: softcopy]" in shown


def test_a_console_on_a_code_page_shows_what_it_cannot_print_as_a_question_mark(monkeypatch):
    """Windows' legacy console (or ``> NUL``, which is a tty there) writes stdout in cp437:
    the tool's own "—", "→", "…" ended eight commands with an English traceback."""
    import io
    import sys

    from ppidctl.cli.main import _utf8_output

    class Console(io.BytesIO):
        def isatty(self):
            return True

    raw = Console()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="cp437", errors="strict"))
    _utf8_output()
    print("Salinan DPT — 2026 → selesai…")
    sys.stdout.flush()
    assert raw.getvalue().decode("cp437").rstrip() == "Salinan DPT ? 2026 ? selesai?"


def test_ctrl_c_is_not_followed_by_a_finaliser_s_traceback(tmp_path):
    """Ctrl-C while a report's workbook was written: the Indonesian message, then two English
    tracebacks "Exception ignored in: <generator …>" as openpyxl's writers were finalised at
    exit (review rusak L5)."""
    import subprocess
    import sys

    script = tmp_path / "putus.py"
    script.write_text(
        "from ppidctl.cli.common import guard\n"
        "def writer():\n"
        "    try:\n"
        "        yield 1\n"
        "    finally:\n"
        "        raise RuntimeError('writer cut short')\n"
        "w = writer(); next(w)\n"
        "@guard\n"
        "def cut():\n"
        "    raise KeyboardInterrupt\n"
        "try:\n"
        "    cut()\n"
        "except BaseException:\n"
        "    pass\n"
    )
    r = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
    assert r.stderr == "Dihentikan (Ctrl-C): tidak ada yang tercatat; bila ragu: ppidctl periksa\n"
