"""Hostile and malformed input through every command: a clear error or a faithful record.

Never a traceback, never a file written outside the workspace (the commands run from a sandbox
folder inside the test's tmp_path, so a relative ``../../etc`` would land there and be seen), and
after all of it the journal still explains every register.
"""

from __future__ import annotations

import io
import json
import unicodedata
import zipfile
from pathlib import Path

import pytest
import typer.main
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from ppidctl.cli.main import app
from ppidctl.integrity import check
from ppidctl.integrity import model as m

from conftest import REQUEST, Runner

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

NASTY = [
    '=HYPERLINK("http://contoh.id/x","klik")',
    "=cmd|' /C calc'!A0",
    "+6281234567890",
    "-1+1",
    "@SUM(A1:A9)",
    "{{ 7*7 }}",
    "{% for x in range(3) %}{{ x }}{% endfor %}",
    "{{ config.__class__.__init__.__globals__ }}",
    "{#",
    "../../etc/passwd",
    "../../../../../../tmp/ppidctl-pwned",
    "..\\..\\Windows\\system32",
    "/etc/shadow",
    "~/.ssh/id_rsa",
    "CON",
    "a/b/c",
    ".",
    "",
    " ",
    "a\x00b",
    "\x1b[31mmerah",
    "baris1\nbaris2",
    "baris1\r\nbaris2",
    "a\rb",
    "a\tb",
    "\u202eevil.docx",
    "\ufeffBOM",
    "Ω≈ç√∫ Lombok 😀",
    "'; DROP TABLE permohonan;--",
    '"',
    '""quoted""',
    ",",
    ";",
    "001",
    "1",
    "0",
    "-5",
    "99999999999999999999",
    "2026-03-16",
    "2026-02-30",
    "9999-12-31",
    "0001-01-01",
    "2026-03-16T25:99",
]
HOSTILE = st.one_of(st.sampled_from(NASTY), st.text(max_size=30))
#: integrity problems: any of these means a write path bypassed the journal
BROKEN = {
    m.JURNAL_TERPOTONG,
    m.JURNAL_RUSAK,
    m.RANTAI_PUTUS,
    m.BELUM_DITERAPKAN,
    m.DIUBAH_DI_LUAR,
    m.BARIS_TIDAK_TERCATAT,
    m.BARIS_HILANG,
    m.DISIMPAN_ULANG,
    m.RIWAYAT_DIUBAH,
    m.REGISTER_HILANG,
    m.REGISTER_RUSAK,
    m.BERKAS_SEMENTARA,
}


def files_under(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")}


class Sandbox:
    """Runs commands from ``tmp_path/sandbox/a/b`` and watches everything under tmp_path."""

    def __init__(self, ws, tmp_path: Path, monkeypatch) -> None:
        self.ws, self.tmp = ws, tmp_path
        self.cwd = tmp_path / "sandbox" / "a" / "b"
        self.cwd.mkdir(parents=True)
        monkeypatch.chdir(self.cwd)
        self.run = Runner(ws.root)
        self.outside = self._outside()

    def _outside(self) -> set[str]:
        return {f for f in files_under(self.tmp) if not f.startswith("ws/")}

    def __call__(self, *args: str, output_path: bool = False):
        result = self.run(*args)
        assert result.exit_code in (0, 1, 2), (args, result.output, result.exception)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            args,
            repr(result.exception),
        )
        assert "Traceback" not in result.output
        now = self._outside()
        new = now - self.outside
        if output_path:  # the user named an output file: only the sandbox may gain files
            new = {f for f in new if not f.startswith("sandbox/")}
        assert not new, (args, new)
        self.outside = now
        return result

    def intact(self) -> None:
        found = check(self.ws)
        assert not set(found.codes()) & BROKEN, [str(p) for p in found.problems]


@pytest.fixture
def box(ws, tmp_path, monkeypatch, today):
    today("2026-05-29")
    run = Runner(ws.root)
    for nama in ("Ani", "Budi"):
        run.ok(
            "permohonan",
            "catat",
            *REQUEST,
            "--nama",
            nama,
            "--tanggal",
            "2026-03-16",
            "--tanpa-surat",
        )
    run.ok(
        "permohonan",
        "putuskan",
        "2",
        "--keputusan",
        "diberikan",
        "--tanggal",
        "2026-03-20",
        "--tanpa-surat",
    )
    return Sandbox(ws, tmp_path, monkeypatch)


# -- a faithful record -----------------------------------------------------------------------

TEXT_FIELDS = {
    "--nama": "nama_pemohon",
    "--alamat": "alamat",
    "--pekerjaan": "pekerjaan",
    "--informasi": "informasi_diminta",
    "--tujuan": "tujuan_penggunaan",
    "--kuasa": "kuasa_nama",
    "--catatan": "catatan",
    "--petugas": "petugas",
}


@SETTINGS
@given(option=st.sampled_from(sorted(TEXT_FIELDS)), value=HOSTILE)
def test_request_text_fields_are_stored_exactly_as_typed_or_refused(box, option, value):
    args = dict(zip(REQUEST[::2], REQUEST[1::2], strict=True))
    args["--dokumen"] = "identitas,kuasa"
    args["--kuasa"] = "Kuasa Hukum"
    args[option] = value
    before = len(box.ws.read("permohonan").rows)
    argv = [f"{k}={v}" for k, v in args.items()]
    result = box("permohonan", "catat", *argv, "--tanggal", "2026-03-16", "--tanpa-surat")
    rows = box.ws.read("permohonan").rows
    event(f"exit {result.exit_code}")
    if result.exit_code == 0:
        # the record is what was typed (in one Unicode form: NFC)
        assert rows[-1][TEXT_FIELDS[option]] == unicodedata.normalize("NFC", value.strip())
        assert len(rows) == before + 1
    else:
        assert "Error: " in result.stderr and len(rows) == before


@settings(SETTINGS, max_examples=30)
@given(value=HOSTILE)
def test_calendar_and_objection_text_round_trips(box, value):
    result = box("kalender", "tambah", "2026-05-26", f"--keterangan={value}", "--petugas=Rina")
    if result.exit_code == 0:
        (row,) = [r for r in box.ws.read("libur").rows if r["tanggal"] == "2026-05-26"]
        assert row["keterangan"] == value.strip()
        from ppidctl.store.transaction import write_atomic

        table = box.ws.read("libur")  # make room for the next example, through the journal
        write_atomic(table.path, table.to_bytes().split(b"\r\n")[0] + b"\r\n", 0o640)
        box("periksa", "--terima-perubahan", "--catatan=uji")
    result = box(
        "keberatan",
        "catat",
        "--permohonan=2",
        "--alasan=d",
        f"--kasus-posisi={value}",
        "--dokumen=formulir,identitas",
        "--tanggal=2026-03-25",
        "--tanpa-surat",
    )
    if result.exit_code == 0:
        assert box.ws.read("keberatan").rows[-1]["kasus_posisi"] == value.strip()


def test_formula_and_template_syntax_reach_the_letter_as_text(box):
    typed = "PT {{ 7*7 }} {% if 1 %}ya{% endif %} ../../etc"  # (a name is never a formula:
    formula = '=HYPERLINK("http://x","y")'  # refused, test_permohonan; the request may be)
    box("permohonan", "catat", *REQUEST, f"--nama={typed}", f"--informasi={formula}",
        "--tanggal=2026-03-16")  # fmt: skip
    assert box.ws.read("permohonan").rows[-1]["nama_pemohon"] == typed
    (letter,) = box.ws.letters_dir.rglob("*003*-tanda-terima.docx")
    with zipfile.ZipFile(letter) as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    assert "{{ 7*7 }}" in xml and "{% if 1 %}" in xml and "49" not in xml.replace("2049", "")
    assert "=HYPERLINK(&quot;http://x&quot;" in xml or '=HYPERLINK("http://x"' in xml
    box.intact()


def test_ten_megabyte_fields_are_refused_cleanly(box):
    huge = "x" * 10_000_000
    box.run.refused("permohonan", "catat", *REQUEST, f"--nama={huge}", message="terlalu panjang (")
    box.run.refused(
        "kalender",
        "tambah",
        "2026-05-26",
        f"--keterangan={huge}",
        message="--keterangan terlalu panjang (",
    )
    box.run.refused(
        "periksa", "--terima-perubahan", f"--catatan={huge}", message="terlalu panjang ("
    )
    # and a 10 MB cell typed into a register by hand: reported, not a crash
    path = box.ws.register_path("permohonan")
    path.write_bytes(path.read_bytes() + b"003,2026-03-16," + huge.encode() + b"\r\n")
    result = box("periksa")
    assert result.exit_code == 1 and "register tidak dapat dibaca" in result.stdout


# -- every command, every option ---------------------------------------------------------------


def _commands() -> list[tuple[list[str], list]]:
    out = []

    def walk(cmd, path):
        subs = getattr(cmd, "commands", None)
        if subs:
            for name, sub in subs.items():
                walk(sub, [*path, name])
        elif path != ["init"]:  # init creates a workspace where told: tested in test_workspace
            out.append((path, list(cmd.params)))

    walk(typer.main.get_command(app), [])
    return out


COMMANDS = _commands()
PATH_PARAMS = {"keluaran", "folder", "berkas"}
USEFUL = {
    "nomor": ["1", "2", "001/PPID/5271/III/2026", "1/KEB"],
    "register": ["permohonan", "keberatan", "surat", "libur"],
    "format": ["teks", "json", "csv", "xlsx"],
    "keputusan": ["diberikan", "ditolak", "diterima"],
    "jenis": ["tanda-terima", "pemberitahuan", "tanggapan-keberatan"],
    "tahun": ["2026"],
    "bulan": ["2026-03"],
    "tanggal": ["2026-03-20", "2026-05-29"],
}
SAFE_PATHS = ["laporan.xlsx", "a/b/c.docx", "../../etc/x.csv", "x.json", ".", ""]


@st.composite
def invocation(draw):
    path, params = draw(st.sampled_from(COMMANDS))
    argv: list[str] = list(path)
    wrote = False
    for p in params:
        name = p.name
        if p.param_type_name == "option" and getattr(p, "is_flag", False):
            if draw(st.booleans()):
                argv.append(p.opts[0])
            continue
        if not p.required and not draw(st.booleans()):
            continue
        if name in PATH_PARAMS:
            value, wrote = draw(st.sampled_from(SAFE_PATHS)), True
        else:
            value = draw(st.one_of(st.sampled_from(USEFUL.get(name, ["x"])), HOSTILE))
        if p.param_type_name == "option":
            argv.append(f"{p.opts[0]}={value}")
        else:
            argv.append(value)
    return argv, wrote


@SETTINGS
@given(call=invocation())
def test_every_command_survives_hostile_options(box, call):
    argv, wrote = call
    if argv[:1] == ["arsip"]:
        argv = [a for a in argv if not a.startswith("--keluaran")] + ["--keluaran=."]
        wrote = True
    result = box(*argv, output_path=wrote)
    event(f"{' '.join(argv[:2])} → exit {result.exit_code}")
    box.intact()


def test_hostile_files_in_the_workspace_are_reported_not_crashed_on(box):
    journal = box.ws.journal_path
    good = journal.read_bytes()
    for garbage in (
        b"",
        b"\x00" * 300,
        good + b"[" * 5000 + b"\n",  # deeply nested JSON
        good + b'{"sebelum": 5, "register_sha256": [], "berkas": "x", "aksi": {}}\n',
        good.replace(b'"Budi"', b'"B\xffudi"'),
        good[: len(good) // 2],
    ):
        journal.write_bytes(garbage)
        result = box("periksa")
        assert result.exit_code == 1
        box("pulihkan")
        box("periksa", "--format", "json")
    journal.write_bytes(good)
    path = box.ws.register_path("permohonan")
    original = path.read_bytes()
    for garbage in (
        b"",
        b"\xff\xfe\x00garbage",
        b"nomor_registrasi\r\n\x00",
        original + b'"unterminated',
    ):
        path.write_bytes(garbage)
        assert box("periksa").exit_code == 1
        box("pulihkan", "--register=permohonan")
        assert not set(check(box.ws).codes()) & BROKEN
    assert box("periksa").exit_code == 0


# -- impor ---------------------------------------------------------------------------------------

HAS_IMPOR = any(path == ["impor"] for path, _ in COMMANDS)


@pytest.mark.skipif(not HAS_IMPOR, reason="ppidctl impor belum ada (src/ppidctl/cli/impor.py)")
def test_impor_hostile_files(box):
    import csv

    def csv_bytes(rows, encoding="utf-8") -> bytes:
        out = io.StringIO()
        csv.writer(out).writerows(rows)
        return out.getvalue().encode(encoding, errors="replace")

    header = ["No", "Tanggal", "Nama", "Alamat", "Informasi yang Diminta", "Status"]
    cases = {
        "kosong.csv": b"",
        "biner.csv": bytes(range(256)) * 20,
        "cp1252.csv": csv_bytes(
            [header, ["1", "05/01/2024", "André", "Mataram", "SK", "selesai"]], "cp1252"
        ),
        "rumus.csv": csv_bytes(
            [header, ["1", "2024-01-05", '=HYPERLINK("x")', "../../etc", "{{ 7*7 }}", "selesai"]]
        ),
        "besar.csv": csv_bytes([header, ["1", "2024-01-05", "x" * 200_000, "M", "I", "selesai"]]),
        "palsu.xlsx": b"PK\x03\x04 not a workbook",
        "setia.csv": csv_bytes(  # (a name never starts like a formula: a row problem, below)
            [
                header,
                ["7", "2024-01-05", "Budi", '=HYPERLINK("x") ../../etc', "{{ 7*7 }}", "selesai"],
            ]  # fmt: skip
        ),
    }
    results = {}
    for name, data in cases.items():
        f = box.cwd / name
        f.write_bytes(data)
        box.outside = box._outside()
        results[name] = box("impor", str(f), "--register", "permohonan").exit_code
        f.unlink()
        box.outside = box._outside()
        box.intact()
    assert results["setia.csv"] == 0
    row = box.ws.read("permohonan").rows[-1]  # a faithful record of what the old book said
    assert (row["nama_pemohon"], row["alamat"], row["informasi_diminta"]) == (
        "Budi",
        '=HYPERLINK("x") ../../etc',
        "{{ 7*7 }}",
    )
    assert results["rumus.csv"] == 1  # ('=HYPERLINK("x")' as the name: refused, as at the desk)


def test_a_stage_name_with_a_line_break_does_not_break_the_settings(box):
    box("tahapan", "tambah", "Coklit\nTahap 2", "--mulai=2026-01-05", "--selesai=2026-06-30")
    assert box("tahapan", "daftar").exit_code == 0


# -- pasted and mis-encoded text ---------------------------------------------------------------

PASTE = ["--alamat", "Jl. Pejanggik 1, Mataram", "--informasi", "Salinan DPT",
         "--tujuan", "Penelitian", "--dokumen", "identitas", "--tanggal", "2026-03-16",
         "--tanpa-surat"]  # fmt: skip


def test_noncharacters_and_undecodable_bytes_are_refused_where_typed(run, ws):
    # U+FFFE was stored, the letter dropped it, and weeks later the register book and every
    # xlsx/docx report ended in a traceback (XML cannot hold it); bytes of a latin-1 terminal
    # (Python's lone surrogates) blamed the office's template, or were a traceback
    nik = ["--nik", "5271011203900001", "--telepon", "081234567890"]
    run.refused("permohonan", "catat", "--nama", "A\ufffeB", *nik, *PASTE,
                message="--nama (nama pemohon) memuat karakter kendali")  # fmt: skip
    run.refused("permohonan", "catat", "--nama", "Jos\udce9", *nik, *PASTE,
                message="--nama (nama pemohon) bukan teks UTF-8 yang sah (karakter ke-4)")  # fmt: skip
    run.refused("permohonan", "catat", "--nama", "Jose", "--petugas", "R\udce9", *nik, *PASTE,
                message="bukan teks UTF-8 yang sah (karakter ke-2)")  # fmt: skip
    run.ok("permohonan", "catat", "--nama", "Jose", *nik, *PASTE)
    run.refused("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--nomor-surat",
                "045/PPID\n/2026", "--tanggal", "2026-03-17",
                message="--nomor-surat memuat pindah baris atau tab")  # fmt: skip


def test_numbers_pasted_with_invisible_marks_are_read_as_the_number(run, ws):
    # WhatsApp wraps a number in direction marks, a PDF adds soft hyphens and zero-width spaces:
    # the value looked right and was refused ("harus 16 angka (tertulis 19 karakter)")
    out = run.ok("permohonan", "catat", "--nama", "Budi",
                 "--nik", "5271\u00ad0112\u20110390\u00ad0001",
                 "--telepon", "\u202a+62 812-3456-7890\u202c", "--email", "budi@contoh.id\u200b",
                 *PASTE, "--format", "json").stdout  # fmt: skip
    row = json.loads(out)
    assert (row["nik"], row["telepon"], row["email"]) == (
        "5271011203900001", "+6281234567890", "budi@contoh.id")  # fmt: skip


def test_a_name_pasted_in_decomposed_form_is_the_same_name(run, ws):
    # "André" from a PDF or a Mac (e + U+0301) and from a keyboard (é) were two names: --cari
    # missed one, a stage could be added twice, a repeated request went unnoticed
    nfd, nfc = unicodedata.normalize("NFD", "André Niño"), "André Niño"
    nik = ["--nik", "5271011203900001", "--telepon", "081234567890"]
    out = run.ok("permohonan", "catat", "--nama", nfd, *nik, *PASTE, "--format", "json").stdout
    assert json.loads(out)["nama_pemohon"] == nfc  # stored as a keyboard types it
    found = json.loads(run.ok("permohonan", "daftar", "--cari", nfd, "--format", "json").stdout)
    assert [r["nama_pemohon"] for r in found] == [nfc]
    run.ok("tahapan", "tambah", nfc, "--mulai", "2026-03-01", "--selesai", "2026-03-31")
    run.refused("tahapan", "tambah", unicodedata.normalize("NFD", nfc), "--mulai", "2026-04-01",
                "--selesai", "2026-04-30", message="sudah ada di ppidctl.toml")  # fmt: skip


def test_control_characters_edited_into_a_register_are_shown_never_obeyed(tmp_path):
    """A register edited by hand is listed as it is until accepted: ESC ]0;…BEL set the
    officer's window title and ESC [2J cleared the screen of jatuh-tempo; accepting the edit
    recorded it for good, and the register book then failed with a traceback. Now the listing
    shows the characters, the acceptance is refused, the book is written."""
    from openpyxl import load_workbook

    run = Runner(tmp_path / "ws")
    run.ok("init", str(tmp_path / "ws"))
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", "--tanpa-surat")
    path = run.root / "registers" / "permohonan.csv"
    path.write_bytes(
        path.read_bytes().replace(b"Budi Santoso", b"Budi \x1b]0;X\x07\x1b[2J\xc2\x9b")
    )
    shown = run("permohonan", "daftar").stdout + run("jatuh-tempo").stdout
    shown += run("laporan", "harian", "--tanggal", "2026-03-16").stdout
    told = run("permohonan", "lihat", "9\x1b]0;X\x07").stderr  # (an error quoting what was typed)
    assert "\x1b" not in told and "9␛]0;X␇" in told
    assert "\x1b]" not in shown and "\x9b" not in shown and "\x07" not in shown
    assert "Budi ␛]0;X␇␛[2J<U+009B>" in run("permohonan", "lihat", "1").stdout.replace("\n", "")
    run.refused("periksa", "--terima-perubahan", "--catatan", "x", message="karakter kendali")
    book = tmp_path / "buku.xlsx"
    run.ok("ekspor", "--register", "permohonan", "-o", str(book), "--tanpa-sensor")
    cells = [c for row in load_workbook(book).active.iter_rows(values_only=True) for c in row]
    assert any(isinstance(c, str) and c.startswith("Budi \ufffd]0;X") for c in cells)
    # the desk refuses C1 (U+009B is ESC [ to a terminal) as it refuses C0
    args = [a if a != "Budi Santoso" else "Ani \u009b31m" for a in REQUEST]
    run.refused("permohonan", "catat", *args, "--tanggal", "2026-03-17", "--tanpa-surat",
                message="memuat karakter kendali")  # fmt: skip
