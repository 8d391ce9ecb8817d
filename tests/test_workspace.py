"""Workspace creation, discovery and ppidctl.toml validation."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date

import pytest
from typer.testing import CliRunner

from ppidctl import config
from ppidctl.cli.main import app
from ppidctl.errors import ConfigError, UsageError, WorkspaceError
from ppidctl.workspace import Workspace, init

from conftest import REQUEST, Runner, snapshot


def test_init_writes_settings_and_folders(tmp_path):
    result = CliRunner().invoke(app, ["init", str(tmp_path / "kpu"), "--kode-satker", "5271"])
    assert result.exit_code == 0, result.output
    root = tmp_path / "kpu"
    for name in (
        "ppidctl.toml",
        "registers/permohonan.csv",
        "registers/keberatan.csv",
        "registers/libur.csv",
        "registers/jurnal.jsonl",
        "templates",
        "letters",
    ):
        assert (root / name).exists(), name
    text = (root / "ppidctl.toml").read_text(encoding="utf-8")
    assert 'zona_waktu = "Asia/Makassar"' in text
    assert "UU 14/2008 Pasal 22(7)" in text  # legal basis beside the deadline
    header = (root / "registers/permohonan.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("nomor_registrasi,tanggal_diterima,")
    ws = Workspace(root)
    assert ws.settings.get("instansi", "kode_satker") == "5271"
    assert ws.settings.tenggat("permohonan") == 10


def test_init_refuses_to_overwrite(ws):
    before = snapshot(ws.root)
    result = CliRunner().invoke(app, ["init", str(ws.root)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert "sudah ada: workspace tidak ditimpa" in result.stderr
    assert snapshot(ws.root) == before
    # nor one inside it: its commands would find the inner one, periksa of the outer not see it
    inner = ws.root / "registers" / "baru"
    result = CliRunner().invoke(app, ["init", str(inner)])
    assert result.exit_code == 1
    assert f"{inner} berada di dalam workspace {ws.root}" in result.stderr
    assert snapshot(ws.root) == before and not inner.exists()


def test_discovery_dir_env_and_parents(ws, tmp_path, monkeypatch):
    sub = ws.root / "letters" / "x"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    assert Workspace.find().root == ws.root
    monkeypatch.chdir(tmp_path)
    with pytest.raises(WorkspaceError, match="tidak ada workspace"):
        Workspace.find()
    monkeypatch.setenv("PPIDCTL_DIR", str(ws.root))
    assert Workspace.find().root == ws.root
    assert Workspace.find(ws.root).root == ws.root
    with pytest.raises(WorkspaceError, match="bukan workspace"):
        Workspace.find(tmp_path)
    # PPIDCTL_DIR=$WS with WS unset in a cron job: refused as -C "" is, not the cwd's workspace
    monkeypatch.chdir(sub)
    monkeypatch.setenv("PPIDCTL_DIR", " ")
    with pytest.raises(UsageError, match="PPIDCTL_DIR kosong"):
        Workspace.find()
    assert Workspace.find(ws.root).root == ws.root  # (-C wins)
    # through the command line: exit 2, the workspace found from the folder left untouched
    before = snapshot(ws.root)
    result = CliRunner().invoke(app, ["permohonan", "catat", *REQUEST, "--tanpa-surat"])
    assert result.exit_code == 2 and "PPIDCTL_DIR kosong" in result.stderr, result.output
    assert snapshot(ws.root) == before


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda t: t.replace('kode_satker = "5271"', "kode_satker = 5271"),
         "ppidctl.toml:7: 'instansi.kode_satker' harus teks — tulis dengan tanda kutip: "
         'kode_satker = "5271"'),
        (lambda t: t.replace('nama = "Nama PPID"\n', ""), "ppidctl.toml:16: kunci 'ppid.nama' wajib diisi"),
        (lambda t: t.replace("permohonan = 10 ", 'permohonan = "sepuluh" '),
         "'tenggat.permohonan' harus bilangan bulat"),
        (lambda t: t.replace('"Asia/Makassar"', '"Asia/Mataram"'), "zona waktu 'Asia/Mataram' tidak dikenal"),
        (lambda t: t.replace("[penomoran]\n", "[penomoran\n"), "ppidctl.toml tidak dapat dibaca"),
        (lambda t: t.replace('format = "csv"', 'format = "ods"'), "format 'ods' tidak dikenal"),
        (lambda t: t.replace("{urut:03d}/PPID", "{nomor}/PPID"), "isian yang tidak dikenal: {nomor}"),
        (lambda t: t + '\n[[tahapan]]\nnama = "X"\nmulai = "2026-01-01"\nselesai = 2026-02-01\n',
         "'mulai' harus tanggal"),
        # a TOML escape: letters dropped it, the register book and reports ended in a traceback
        (lambda t: t.replace('nama = "Komisi Pemilihan Umum Kota Mataram"',
                             'nama = "Komisi\\u000bPemilihan"'),
         "'instansi.nama' memuat karakter kendali"),
        (lambda t: t + '\n[[tahapan]]\nnama = "Pemutakhiran\\u000bData"\nmulai = 2026-01-05\n'
                       'selesai = 2026-12-30\n',
         "[[tahapan]] ke-1: 'nama' memuat karakter kendali"),
        # (review tolak L3, L4: no test reached them)
        (lambda t: 'laporan = "x"\n' + t.replace("[laporan]", "[laporan_lama]"),
         "ppidctl.toml: [laporan] harus berupa tabel"),
        (lambda t: t + "\n[[tahapan]]\nnama = 5\nmulai = 2026-01-05\nselesai = 2026-06-30\n",
         "[[tahapan]] ke-1: 'nama' harus teks"),
    ],
)  # fmt: skip
def test_bad_settings_name_key_and_line(ws, edit, message):
    path = ws.root / "ppidctl.toml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        config.load(path)
    assert message in str(exc.value)
    run = Runner(ws.root)  # through the CLI: a clear error, no traceback, nothing written
    run.refused("jatuh-tempo", message=message)


def test_toml_syntax_error_is_indonesian_with_line_and_column(ws):
    path = ws.root / "ppidctl.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\n[tenggat]\npermohonan = 10\n", encoding="utf-8")
    line = len(text.splitlines()) + 2  # the second [tenggat]
    message = f"ppidctl.toml tidak dapat dibaca: bukan TOML yang sah (baris {line}, kolom 9)"
    result = Runner(ws.root).refused("jatuh-tempo", message=message)
    assert "Cannot declare" not in result.stderr and "line" not in result.stderr


def test_line_numbers_point_at_the_key(ws):
    text = (ws.root / "ppidctl.toml").read_text(encoding="utf-8")
    line = config.line_of(text, "tenggat", "sengketa")
    assert text.splitlines()[line - 1].startswith("sengketa = 14")


def test_help_does_not_import_heavy_libraries():
    code = (
        "import sys\n"
        "from ppidctl.cli.main import app\n"
        "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('pandas', 'openpyxl', 'docxtpl', 'docx', 'holidays') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "HEAVY []" in out.stdout, out.stdout
    assert "permohonan" in out.stdout and "jatuh-tempo" in out.stdout


def test_init_api_refuses_bad_code(tmp_path):
    with pytest.raises(WorkspaceError, match="kode satker"):
        init(tmp_path / "x", "KPU", "52/71")
    assert not (tmp_path / "x").exists()


# -- stages (tahapan): any malformed entry is an error naming the key --------------------------
@pytest.mark.parametrize(
    ("top", "message"),
    [
        ("tahapan = [1]\n", "ppidctl.toml:1: 'tahapan' ke-1 harus tabel berisi nama, mulai, selesai, bukan bilangan (1)"),
        ('tahapan = ["Coklit"]\n', "'tahapan' ke-1 harus tabel berisi nama, mulai, selesai, bukan teks (\"Coklit\")"),
        ("tahapan = [[1, 2]]\n", "'tahapan' ke-1 harus tabel berisi nama, mulai, selesai, bukan larik"),
        ('tahapan = [{nama="A", mulai=2026-01-01, selesai=2026-02-01}, 2]\n',
         "ppidctl.toml:1: 'tahapan' ke-2 harus tabel"),
        ("tahapan = 5\n", "ppidctl.toml:1: 'tahapan' harus ditulis sebagai [[tahapan]]"),
        ('tahapan = [{nama="A", mulai=2026-01-01}]\n', "[[tahapan]] ke-1: kunci 'selesai' wajib diisi"),
    ],
)  # fmt: skip
def test_malformed_stage_is_a_clear_error(ws, top, message):
    path = ws.root / "ppidctl.toml"
    path.write_text(top + path.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        config.load(path)
    assert message in str(exc.value)
    Runner(ws.root).refused("tahapan", "daftar", message=message)


def test_malformed_stage_table_names_its_line(ws):
    path = ws.root / "ppidctl.toml"
    text = path.read_text(encoding="utf-8")
    stage = '\n[[tahapan]]\nnama = "A"\nmulai = 2026-01-01\nselesai = 2026-02-01\n'
    path.write_text(text + stage + "\n[[tahapan]]\nnama = 7\n", encoding="utf-8")
    line = len(text.splitlines()) + 7
    Runner(ws.root).refused("jatuh-tempo", message=f"ppidctl.toml:{line}: [[tahapan]] ke-2")


# -- tahapan tambah never leaves an invalid ppidctl.toml ---------------------------------------
def test_stage_added_to_an_inline_array_is_refused_and_the_file_kept(ws):
    """Appending [[tahapan]] after ``tahapan = [...]`` made the file invalid TOML, and every
    later command failed."""
    path = ws.root / "ppidctl.toml"
    inline = 'tahapan = [{nama="A", mulai=2026-01-01, selesai=2026-02-01}]\n'
    path.write_text(inline + path.read_text(encoding="utf-8"), encoding="utf-8")
    run = Runner(ws.root)
    run.refused(
        "tahapan", "tambah", "B", "--mulai", "2026-03-01", "--selesai", "2026-04-01",
        message="tahapan tidak dapat ditambahkan ke ppidctl.toml: tahapan yang ada ditulis dengan "
        "cara lain (baris 1: tahapan = [...])",
    )  # fmt: skip
    assert "A" in run.ok("tahapan", "daftar").stdout  # the file still reads


def test_with_stage_checks_the_new_text_before_it_is_used(ws):
    path = ws.root / "ppidctl.toml"
    raw = path.read_bytes()
    b = config.Stage("B", date(2026, 3, 1), date(2026, 4, 1))
    new = config.with_stage(path, raw, b)
    assert new.startswith(raw)  # appended: the office's text untouched
    assert config.parse(path, new.decode()).tahapan == [b]
    with pytest.raises(ConfigError, match="tahapan 'B' sudah ada"):
        config.with_stage(path, new, b)
    # a file whose last line has no line end; one with stages as an (empty) inline array
    assert config.with_stage(path, raw.rstrip(b"\n"), b).startswith(raw.rstrip(b"\n") + b"\n")
    with pytest.raises(ConfigError, match="tidak dapat ditambahkan"):
        config.with_stage(path, b"tahapan = []\n" + raw, b)


# -- a UTF-8 BOM (Notepad) is read, and kept when ppidctl rewrites the file --------------------
def test_bom_and_windows_line_ends_are_read_and_kept(ws):
    path = ws.root / "ppidctl.toml"
    original = config.BOM + path.read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(original)
    run = Runner(ws.root)
    run.ok("jatuh-tempo")
    assert Workspace(ws.root).settings.get("instansi", "kode_satker") == "5271"
    run.ok("tahapan", "tambah", "Coklit", "--mulai", "2026-03-01", "--selesai", "2026-04-01")
    data = path.read_bytes()
    assert data.startswith(original)  # the BOM and every byte before the new stage kept
    assert data[len(original) :] == (
        b'\r\n[[tahapan]]\r\nnama = "Coklit"\r\nmulai = 2026-03-01\r\nselesai = 2026-04-01\r\n'
    )
    assert "Coklit" in run.ok("tahapan", "daftar").stdout


# -- unknown sections and keys: a warning; empty required values: refused ----------------------
def test_unknown_sections_and_keys_are_warned_not_refused(ws):
    path = ws.root / "ppidctl.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("[tenggat]\n", "[tengat]\n")
    text = text.replace("[ppid]\n", '[ppid]\nemail = "ppid@contoh.id"\n')
    text = "versi = 2\n" + text + '\n[penomoran_lama]\npermohonan = "x"\n'
    text = text.replace('format = "csv"', 'format = "csv"\nfromat = "xlsx"')
    path.write_text(text, encoding="utf-8")
    result = Runner(ws.root).ok("jatuh-tempo")
    err = result.stderr
    line = config.line_of(text, "tengat", "")
    assert (
        f"Peringatan: ppidctl.toml:{line}: bagian [tengat] tidak dikenal dan diabaikan (mungkin: "
        "[tenggat]; bagian yang dikenal: [instansi], [ppid], [atasan_ppid], [penomoran], "
        "[tenggat], [standar_layanan], [laporan], [penyimpanan], [[tahapan]])"
    ) in err
    assert "bagian [penomoran_lama] tidak dikenal" in err
    assert "ppidctl.toml:1: kunci 'versi' di luar bagian mana pun tidak dikenal" in err
    assert (
        "kunci 'email' di [ppid] tidak dikenal dan diabaikan (kunci yang dikenal: nama, nip, jabatan)"
        in err
    )
    assert "kunci 'fromat' di [penyimpanan] tidak dikenal dan diabaikan (mungkin: format;" in err
    assert err.count("[tengat]") == 1  # once, also when a command opens the workspace twice
    # the library says it too, for scripts
    assert len(Workspace(ws.root).settings.warnings) == 5
    typo = text.replace("[tengat]", "[tenggat]").replace("\npermohonan = 10", "\npermohonann = 20")
    path.write_text(typo, encoding="utf-8")
    assert "kunci 'permohonann' di [tenggat] tidak dikenal dan diabaikan (mungkin: permohonan;" in (
        Runner(ws.root).ok("jatuh-tempo").stderr
    )
    # a combined report names each office's folder with its warnings
    other = ws.root.parent / "lain"
    init(other, "Komisi Pemilihan Umum Kabupaten Lombok Barat", "5201")
    combined = Runner(ws.root).ok(
        "laporan", "bulanan", "--bulan", "2026-03", "--gabung", str(ws.root), str(other)
    )
    assert f"Peringatan: {ws.root}: ppidctl.toml:" in combined.stderr
    assert f"Peringatan: {other}:" not in combined.stderr


def test_a_clean_file_gives_no_warning(ws):
    assert Workspace(ws.root).settings.warnings == []
    assert "Peringatan" not in Runner(ws.root).ok("jatuh-tempo").stderr


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('kode_satker = "5271"', 'kode_satker = ""', "ppidctl.toml:7: kunci 'instansi.kode_satker' wajib diisi, tetapi kosong"),
        ('nama = "Nama PPID"', 'nama = ""', "ppidctl.toml:17: kunci 'ppid.nama' wajib diisi, tetapi kosong"),
        ('nama = "Nama Atasan PPID"', 'nama = "  "', "kunci 'atasan_ppid.nama' wajib diisi, tetapi kosong"),
        ('jabatan = "PPID KPU Kota Mataram"', 'jabatan = ""', "kunci 'ppid.jabatan' wajib diisi, tetapi kosong"),
        ('nama = "Komisi Pemilihan Umum Kota Mataram"', 'nama = ""', "kunci 'instansi.nama' wajib diisi, tetapi kosong"),
        ('nama_singkat = "KPU Kota Mataram"', 'nama_singkat = ""', "kunci 'instansi.nama_singkat' wajib diisi"),
        ('permohonan = "{urut:03d}/PPID', 'permohonan = "" #', "kunci 'penomoran.permohonan' wajib diisi"),
        ("batas_tunggu_kunci = 30", "batas_tunggu_kunci = -1", "'penyimpanan.batas_tunggu_kunci' tidak boleh negatif"),
        ("permohonan = 10 ", "permohonan = -10 ", "'tenggat.permohonan' tidak boleh negatif"),
        ('izin_berkas = "0640"', 'izin_berkas = "rw-r-----"', "izin_berkas 'rw-r-----' tidak sah"),
        ("permohonan = 10 ", "permohonan = 99999999999 ", "'tenggat.permohonan' = 99999999999 hari kerja terlalu besar"),
    ],
)  # fmt: skip
def test_empty_required_values_are_refused(ws, old, new, message):
    path = ws.root / "ppidctl.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    Runner(ws.root).refused("permohonan", "daftar", message=message)


def test_file_mode_without_the_owners_read_and_write_is_a_setting_error(ws):
    # "0444" (read-only for everyone) passed the check, then every command taking the lock
    # ended in filelock's ValueError traceback
    path = ws.root / "ppidctl.toml"
    text = path.read_text(encoding="utf-8")
    assert 'izin_berkas = "0640"' in text
    path.write_text(text.replace('izin_berkas = "0640"', 'izin_berkas = "0444"'), "utf-8")
    Runner(ws.root).refused(
        "permohonan", "teruskan", "1",
        message="izin_berkas '0444' tidak memberi pemilik berkas hak membaca dan menulis",
    )  # fmt: skip


def test_init_checks_its_values_before_writing_anything(tmp_path):
    # --instansi "" wrote ppidctl.toml and the folders, then refused: neither init nor any other
    # command could use the folder afterwards
    for args, message in (
        (["--instansi", ""], "--instansi (nama instansi) wajib diisi"),
        (["--instansi", "KPU\x07"], "memuat karakter kendali"),
        (["--kode-satker", "52 71"], "kode satker '52 71' tidak sah"),
    ):
        folder = tmp_path / "baru"
        result = CliRunner().invoke(app, ["init", str(folder), *args])
        assert result.exit_code == 1, result.output
        assert message in result.stderr
        assert not folder.exists()


def test_a_hand_written_stage_and_file_encoding_are_checked(ws):
    path = ws.root / "ppidctl.toml"
    text = path.read_text(encoding="utf-8")
    run = Runner(ws.root)
    stage = '\n[[tahapan]]\nnama = "Kampanye"\nmulai = 2026-06-30\nselesai = 2026-01-01\n'
    path.write_text(text + stage, encoding="utf-8")
    run.refused("permohonan", "daftar", message="[[tahapan]] ke-1: 'selesai' sebelum 'mulai'")
    path.write_bytes(text.encode("utf-8") + b"# \xff\xfe\n")
    lines = text.count("\n") + 1  # (the line is named: konsol N4; as text, sesi31 N1)
    run.refused("permohonan", "daftar", message=f"ppidctl.toml bukan teks UTF-8 (baris {lines}: "
                '"# \u00ff\u00fe"): seluruh berkas tampaknya disimpan dengan encoding lain')  # fmt: skip
    for utf16 in ("utf-16", "utf-16-le"):  # (Notepad's "Unicode"; iconv's, with no BOM)
        path.write_bytes(text.encode(utf16))
        run.refused("permohonan", "daftar",
                    message="ppidctl.toml tersimpan sebagai Unicode (UTF-16), bukan UTF-8")  # fmt: skip
    path.write_bytes(text.encode("cp1252"))  # (Notepad's ANSI: init's own first line)
    run.refused("permohonan", "daftar", message='(baris 1: "# ppidctl.toml \u2014 pengaturan')


def test_a_register_header_naming_a_column_twice_is_refused(ws):
    path = ws.register_path("permohonan")
    data = path.read_bytes()
    path.write_bytes(data.replace(b"nomor_registrasi,", b"nomor_registrasi,nama_pemohon,", 1))
    Runner(ws.root).refused(
        "permohonan", "daftar", message="kolom 'nama_pemohon' muncul dua kali di baris judul"
    )


def test_data_to_a_file_or_pipe_is_utf8_whatever_the_code_page(ws):
    """Windows gives a redirected stdout the machine's code page (cp1252): "≤" in a report and
    "→" in `lihat` were a UnicodeEncodeError traceback, and JSON/CSV came out cp1252."""
    from conftest import REQUEST, Runner

    run = Runner(ws.root)
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", "--tanpa-surat")
    run.ok("permohonan", "teruskan", "1", "--tanggal", "2026-03-17")  # (lihat: "status: a → b")
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    for args in (
        ["laporan", "bulanan", "--bulan", "2026-03"],
        ["permohonan", "lihat", "001/PPID/5271/III/2026"],
    ):
        out = subprocess.run(
            [sys.executable, "-m", "ppidctl", "-C", str(ws.root), *args], env=env,
            capture_output=True, check=False,
        )  # fmt: skip
        assert out.returncode == 0, out.stderr.decode("utf-8", "replace")
        text = out.stdout.decode("utf-8")  # (not cp1252: would fail on the bytes of "≤")
        assert ("≤" if args[0] == "laporan" else "→") in text
    # run as `python -m ppidctl`, hints still name the command staff type
    out = subprocess.run(
        [sys.executable, "-m", "ppidctl", "-C", str(ws.root), "permohonan", "daftar", "--fromat"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert out.returncode == 2 and "lihat: ppidctl permohonan daftar --help" in out.stderr


def test_stderr_redirected_is_utf8_as_stdout_is(ws):
    # `> log.txt 2>&1` on Windows: stdout UTF-8, stderr the code page — one file in two
    # encodings, "→" in a message a "?" (review konsol L1)
    Runner(ws.root).ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", "--tanpa-surat")
    out = subprocess.run(
        [sys.executable, "-m", "ppidctl", "-C", str(ws.root), "permohonan", "lihat", "9"],
        env={**os.environ, "PYTHONIOENCODING": "cp1252"}, capture_output=True, check=False,
    )  # fmt: skip
    assert out.returncode == 1 and "—" in out.stderr.decode("utf-8")


def test_utf8_typed_into_a_latin1_locale_is_stored_as_typed(tmp_path):
    """A Linux server whose locale is ISO-8859-1 (LANG=en_US), reached from a UTF-8 terminal:
    "Zoë Nuñez" was stored "ZoÃ« NuÃ±ez" in the register and the letters, and "Ä" refused as a
    control character (review konsol M1)."""
    locales = tmp_path / "locale"
    locales.mkdir()
    made = subprocess.run(
        ["localedef", "-i", "en_US", "-f", "ISO-8859-1", str(locales / "en_US")],
        capture_output=True, check=False,
    ) if shutil.which("localedef") else None  # fmt: skip
    if made is None or not (locales / "en_US").is_dir():
        pytest.skip("localedef tidak ada: locale ISO-8859-1 tidak dapat dibuat")
    env = {**os.environ, "LOCPATH": str(locales), "LANG": "en_US", "LC_ALL": "en_US"}
    env.pop("PYTHONUTF8", None)
    env.pop("PYTHONIOENCODING", None)
    args = [a if a != "Budi Santoso" else "Zoë Ärni" for a in REQUEST]
    # (in a folder so named too: re-read as text alone, its name was no longer found — sesi30)
    here = init(tmp_path / "ws-Zoë", "Komisi Pemilihan Umum Kota Mataram", "5271")
    out = subprocess.run(
        [sys.executable, "-m", "ppidctl", "-C", str(here.root), "permohonan", "catat", *args,
         "--tanggal", "2026-03-16", "--tanpa-surat"],
        env=env, capture_output=True, check=False,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr.decode("utf-8", "replace")
    assert here.read("permohonan").rows[0]["nama_pemohon"] == "Zoë Ärni"


def test_the_form_reads_utf8_typed_into_another_code_page():
    # the form's answers: decoded by a Latin-1 locale, or kept as escapes by an ASCII one (its
    # traceback before: review konsol L3), read as the UTF-8 the terminal sent
    from ppidctl.cli.common import utf8_typed

    typed = "Zoë Ärni".encode()
    assert utf8_typed(typed.decode("latin-1"), "latin-1") == "Zoë Ärni"
    assert utf8_typed(typed.decode("ascii", "surrogateescape"), "ascii") == "Zoë Ärni"
    assert utf8_typed("Zoë", "utf-8") == "Zoë"
    assert utf8_typed("caf\xe9", "latin-1") == "caf\xe9"  # (a real Latin-1 é: kept)


def test_init_for_another_office_writes_no_mataram_contact_details(tmp_path):
    """The address, city, e-mail and website of KPU Kota Mataram (our first office) are written
    only for its code; any other office gets stand-ins, named by init and warned about on every
    letter until filled in — as is Mataram's address left by an older init in another office's
    workspace. init without --instansi/--kode-satker says it used Mataram's."""
    run = CliRunner()
    r = run.invoke(app, ["init", str(tmp_path / "lobar"), "--instansi",
                         "Komisi Pemilihan Umum Kabupaten Lombok Barat", "--kode-satker", "5201"])  # fmt: skip
    assert r.exit_code == 0, r.output
    assert "Catatan: init memakai nilai bawaan" not in r.stderr
    assert ("dengan data kantor: ppid.nama, ppid.nip, atasan_ppid.nama, atasan_ppid.nip, "
            "instansi.alamat, instansi.kota, instansi.telepon, instansi.email, "
            "instansi.laman.") in r.stderr  # fmt: skip
    # an office adopting mid-year: its old book first, or the desk's 001 is a number given twice
    assert "impor dulu (ppidctl -C FOLDER impor BUKU --register permohonan, lalu keberatan)" in (
        r.stderr
    )
    toml = tmp_path / "lobar" / "ppidctl.toml"
    text = toml.read_text(encoding="utf-8")
    assert "Mataram" not in text and "5271" not in text
    settings = Workspace(tmp_path / "lobar").settings
    (told,) = settings.placeholders()
    for shown in ('[instansi] alamat = "Alamat kantor"', '[instansi] kota = "Nama kota"',
                  '[instansi] email = "ppid@contoh.kpu.go.id"'):  # fmt: skip
        assert shown in told, shown
    # an older init wrote Mataram's contact details for every office
    for key, value in config.KONTAK["5271"].items():
        text = text.replace(f'{key} = "{config.KONTAK_CONTOH[key]}"', f'{key} = "{value}"')
    toml.write_text(text, encoding="utf-8")
    (told,) = Workspace(tmp_path / "lobar").settings.placeholders()
    assert '[instansi] alamat = "Jl. Bung Karno' in told
    assert "[instansi] kota" not in told  # (another office may well be in Mataram too)
    assert '[instansi] laman = "kota-mataram.kpu.go.id"' in told

    r = run.invoke(app, ["init", str(tmp_path / "mataram")])
    assert r.exit_code == 0, r.output
    assert ('Catatan: init memakai nilai bawaan --instansi "Komisi Pemilihan Umum Kota Mataram" '
            "dan --kode-satker 5271 (KPU Kota Mataram") in r.stderr  # fmt: skip
    assert (
        "dengan data kantor: ppid.nama, ppid.nip, atasan_ppid.nama, atasan_ppid.nip, "
        "instansi.telepon." in r.stderr
    )
    mataram = Workspace(tmp_path / "mataram").settings
    assert mataram.get("instansi", "kota") == "Mataram"
    assert [k for s, k in mataram.stand_ins() if s == "instansi"] == ["telepon"]
    r = run.invoke(app, ["init", str(tmp_path / "m2"), "--kode-satker", "5271"])
    assert 'bawaan --instansi "Komisi Pemilihan Umum Kota Mataram" (KPU Kota' in r.stderr


def test_every_file_the_package_reads_is_in_its_package_data():
    """A wheel carries the .py files and what [tool.setuptools.package-data] names: a data
    file added under src/ppidctl outside those globs would pass the tests (run from the source
    tree) and be missing in every installed office."""
    import fnmatch
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    globs = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"][
        "package-data"
    ]["ppidctl"]
    pkg = root / "src" / "ppidctl"
    data = [
        p.relative_to(pkg).as_posix()
        for p in pkg.rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts
    ]
    assert data, "the letter templates at least"
    assert [f for f in data if not any(fnmatch.fnmatch(f, g) for g in globs)] == []


@pytest.mark.parametrize(
    "args",
    [
        ["--instansi", "PPID Komisi Pemilihan Umum Kabupaten Lombok Barat"],
        [
            "--instansi",
            "Komisi Pemilihan Umum Kabupaten Lombok Barat",
            "--nama-singkat",
            "ppid KPU Kabupaten Lombok Barat",
        ],  # fmt: skip
    ],
)
def test_init_drops_a_ppid_typed_before_the_short_name(tmp_path, args):
    """The titles say "PPID {nama_singkat}" themselves: a name typed with "PPID" in front gave
    "PPID PPID KPU …" as the PPID's title on every letter."""
    r = CliRunner().invoke(app, ["init", str(tmp_path / "ws"), *args, "--kode-satker", "5201"])
    assert r.exit_code == 0, r.output
    text = (tmp_path / "ws" / "ppidctl.toml").read_text(encoding="utf-8")
    assert "PPID PPID" not in text
    settings = Workspace(tmp_path / "ws").settings
    assert settings.get("instansi", "nama_singkat") == "KPU Kabupaten Lombok Barat"
    assert settings.get("ppid", "jabatan") == "PPID KPU Kabupaten Lombok Barat"
    # the letters say "(PPID) {{ instansi.nama }}": the office's name itself, without it
    assert settings.get("instansi", "nama") == "Komisi Pemilihan Umum Kabupaten Lombok Barat"
    told = 'Catatan: nama instansi ditulis "Komisi Pemilihan Umum Kabupaten Lombok Barat"'
    assert (told in r.stderr) == ("PPID Komisi" in args[1])


def test_the_written_settings_and_the_defaults_in_code_agree():
    """ppidctl.toml as init writes it (with each deadline's legal basis) and config.DEFAULTS
    (what applies when a key is left out) say the same: a changed default cannot drift from
    the file an office reads."""
    import tomllib

    text = tomllib.loads(config.default_text("Komisi Pemilihan Umum Kota Mataram", "KPU", "5271"))
    assert {key: text[key[0]][key[1]] for key in config.DEFAULTS} == config.DEFAULTS


@pytest.mark.parametrize(
    "kode, zona",
    [("5271", "Asia/Makassar"), ("3273", "Asia/Jakarta"), ("6371", "Asia/Makassar"),
     ("6171", "Asia/Jakarta"), ("9171", "Asia/Jayapura"), ("00", "Asia/Makassar")],
)  # fmt: skip
def test_init_takes_the_time_zone_from_the_region_codes_province(run, tmp_path, kode, zona):
    """Every office got Asia/Makassar (WITA): a WIB or WIT office's receipt times were an hour
    off, and for an hour a day its dates, numbers and late flags (Keppres 41/1987: Kalimantan
    Selatan is WITA, Kalimantan Barat WIB). A code with no province keeps the default, told."""
    from ppidctl.workspace import Workspace

    r = run.ok("init", str(tmp_path / "kantor"), "--instansi", "KPU", "--kode-satker", kode)
    assert Workspace(tmp_path / "kantor").settings.zona_waktu == zona
    assert f"Zona waktu: {zona} (" in r.stderr
    assert ("tidak menyebut provinsi" in r.stderr) == (kode == "00")


def test_refusals_no_test_reached_change_nothing(run, ws, tmp_path):
    """(review tolak L1, L5–L8) Each through the CLI, the workspace's bytes compared."""
    run.usage("-C", str(ws.root / "ppidctl.toml"), "permohonan", "daftar",
              message="ppidctl.toml' adalah berkas, bukan folder")  # fmt: skip
    run.usage("laporan", "bulanan", "--bulan", "2026-03", "--gabung",
              message="nilai --gabung tidak sah: sebutkan folder workspace yang digabung")  # fmt: skip
    # a register that is a folder: its hint is no permission matter
    keberatan = ws.register_path("keberatan")
    keberatan.unlink()
    keberatan.mkdir()
    run.refused("keberatan", "daftar",
                message="keberatan.csv tidak dapat dibaca: berupa folder, bukan berkas — "
                "pindahkan folder itu")  # fmt: skip
    keberatan.rmdir()
    # a sequence typed twice by hand in another month: a bare "1" names no case
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", "--tanpa-surat")
    path = ws.register_path("permohonan")
    text = path.read_text(encoding="utf-8")
    row = text.splitlines()[1].replace("001/PPID/5271/III/2026", "001/PPID/5271/IV/2026")
    path.write_text(text + row + "\r\n", encoding="utf-8")
    run.refused("permohonan", "lihat", "1",
                message="nomor urut 1 tidak tunggal di register permohonan 2026: "
                "001/PPID/5271/III/2026, 001/PPID/5271/IV/2026")  # fmt: skip
    # init into a folder whose registers/ holds files: nothing written
    folder = tmp_path / "lama"
    (folder / "registers").mkdir(parents=True)
    (folder / "registers" / "lama.csv").write_text("x\n", encoding="utf-8")
    before = snapshot(folder)
    result = CliRunner().invoke(
        app, ["init", str(folder), "--instansi", "KPU Kota Mataram", "--kode-satker", "5271"]
    )
    assert result.exit_code == 1 and "registers sudah berisi berkas" in result.stderr
    assert snapshot(folder) == before
