"""The console examples in README.md and docs/ are real output: each block is run as written.

Every ```console block is a sequence of ``$ command`` lines (``\\`` continues a line) and the
output printed under each, stdout and stderr as a terminal shows them (in the order written).
A block runs in a fresh home folder standing for ``/home/rina``, after the setup named for it in
``SETUP`` (the workspace the surrounding text describes), with the commands run by ``bash`` from
``ppidctl`` on PATH, and each command's output must match what the block shows:

- ``…`` alone on a line stands for any number of lines; inside a line, for any text;
- what differs on every run is compared by shape: the time in a rejects file's name, and a
  SHA-256 (the journal's last hash covers the time each step was recorded).

A block not listed in ``SETUP`` or ``NOT_RUN`` fails the test, so a new example is run too.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import SHARED

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LEGACY = SHARED / "data" / "legacy"


@dataclass
class Block:
    where: str  # "README.md:36"
    steps: list[tuple[str, list[str]]]  # (command, expected output lines)

    @property
    def first(self) -> str:
        return self.steps[0][0]


def _blocks(path: Path) -> list[Block]:
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks, i = [], 0
    while i < len(lines):
        if lines[i].strip() != "```console":
            i += 1
            continue
        start, i = i + 1, i + 1
        steps: list[tuple[str, list[str]]] = []
        while lines[i].strip() != "```":
            line = lines[i]
            if line.startswith("$ "):
                command = line[2:]
                while command.endswith("\\"):
                    i += 1
                    command = command[:-1] + lines[i].strip()
                steps.append((command, []))
            elif line or steps[-1][1]:  # a blank line between steps is spacing, not output
                steps[-1][1].append(line)
            i += 1
        i += 1
        steps = [(c, _trim(out)) for c, out in steps]
        blocks.append(Block(f"{path.relative_to(ROOT)}:{start}", steps))
    return blocks


def _trim(out: list[str]) -> list[str]:
    while out and not out[-1]:
        out = out[:-1]
    return out


_SHAPES = [
    (re.compile(r"\b[0-9a-f]{64}\b"), "<sha256>"),
    (re.compile(r"-\d{8}-\d{6}\.csv\b"), "-<waktu>.csv"),
]


def _shape(text: str) -> str:
    for pattern, stand_in in _SHAPES:
        text = pattern.sub(stand_in, text)
    return text.rstrip()


def _line_matches(expected: str, actual: str) -> bool:
    expected, actual = _shape(expected), _shape(actual)
    if "…" not in expected:
        return expected == actual
    pattern = ".*".join(re.escape(part) for part in expected.split("…"))
    return re.fullmatch(pattern, actual) is not None


def _matched(expected: list[str], actual: list[str]) -> int:
    """How many lines of ``expected`` (``…`` lines standing for any number of lines) match the
    start of ``actual``; ``len(expected) + 1`` when all of it matches all of ``actual``."""

    @functools.cache
    def best(i: int, j: int) -> int:
        if i == len(expected):
            return i + 1 if j == len(actual) else i
        if expected[i].strip() == "…":
            return max(best(i + 1, k) for k in range(j, len(actual) + 1))
        if j < len(actual) and _line_matches(expected[i], actual[j]):
            return best(i + 1, j + 1)
        return i

    return best(0, 0)


class Shell:
    """Commands run as a user at /home/rina would run them: HOME there, ppidctl on PATH, the
    working folder kept from one command to the next (``cd`` included), ``$?`` the last code."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.home = base / "home" / "rina"
        self.home.mkdir(parents=True)
        self.cwd = self.home
        self.code = 0
        bin_dir = Path(sys.executable).parent
        self.env = {
            **os.environ,
            "HOME": str(self.home),
            "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
            "PYTHONUNBUFFERED": "1",  # stdout and stderr in the order written, as on a screen
            "COLUMNS": "80",
            "NO_COLOR": "1",
        }
        self.env.pop("PPIDCTL_PETUGAS", None)

    def __call__(self, command: str) -> list[str]:
        script = f'cd {_quote(self.cwd)} && (exit {self.code}); {command}\nrc=$?; echo; echo "@@ $rc $PWD"'
        done = subprocess.run(
            ["bash", "-c", script],
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=120,
        )
        text, _, tail = done.stdout.rpartition("\n@@ ")
        code, cwd = tail.strip().split(" ", 1)
        self.code, self.cwd = int(code), Path(cwd)
        return _trim(text.replace(str(self.base), "").split("\n")[:-1])

    def ok(self, command: str) -> None:
        out = self(command)
        assert self.code == 0, (command, out)


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "'\\''") + "'"


OFFICIALS = {
    'nama = "Nama PPID"': 'nama = "Lalu Muhammad Iqbal, S.H."',
    'nama = "Nama Atasan PPID"': 'nama = "Dr. Baiq Sri Wahyuni"',
    'nip = "-"': 'nip = ""',
    'telepon = "(0370) 000000"': 'telepon = "(0370) 631234"',
}


def _office(sh: Shell) -> None:
    """~/ppid made by init, its officials and telephone filled in as init asks."""
    sh.ok("ppidctl init ~/ppid --instansi 'Komisi Pemilihan Umum Kota Mataram' --kode-satker 5271")
    config = sh.home / "ppid" / "ppidctl.toml"
    text = config.read_text(encoding="utf-8")
    for example, real in OFFICIALS.items():
        assert example in text, example
        text = text.replace(example, real)
    config.write_text(text, encoding="utf-8")
    sh.cwd = sh.home / "ppid"


def _nothing(sh: Shell) -> None:
    """The README's first block starts on a machine with no workspace yet."""


def _readme_exception(sh: Shell) -> None:
    """A workspace where PT Maju & Jaya's request 001 was recorded on 2 March 2026 as a legal
    entity with its deed and forwarded on 3 March; officials and telephone filled in."""
    _office(sh)
    sh.ok(
        "ppidctl permohonan catat --nama 'PT Maju & Jaya' --jenis-pemohon badan-hukum "
        "--alamat 'Jl. Langko No. 3, Mataram' "
        "--telepon 081234567890 --informasi 'Dokumen pengadaan logistik Pilkada 2024' "
        "--tujuan 'Evaluasi tender' --dokumen akta,formulir --tanggal 2026-03-02"
    )
    sh.ok("ppidctl permohonan teruskan 1 --tanggal 2026-03-03")


def _readme_template(sh: Shell) -> None:
    """The office's copy of penolakan.docx with the requester's name misspelt."""
    _office(sh)
    path = sh.home / "ppid" / "templates" / "penolakan.docx"
    with zipfile.ZipFile(path) as docx:
        parts = {name: docx.read(name) for name in docx.namelist()}
    body = parts["word/document.xml"]
    assert body.count(b"{{ nama_pemohon }}") == 1
    parts["word/document.xml"] = body.replace(b"{{ nama_pemohon }}", b"{{ nama_pemohonn }}")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as docx:
        for name, data in parts.items():
            docx.writestr(name, data)


def _readme_import(sh: Shell) -> None:
    """The legacy sample beside ~/ppid's registers, as the text says."""
    _office(sh)
    shutil.copy(LEGACY / "register-permohonan-2024.xlsx", sh.home / "ppid")


def _readme_reports(sh: Shell) -> None:
    """Both 2024 samples imported (the request rows that can be, then the objections)."""
    _readme_import(sh)
    shutil.copy(LEGACY / "register-keberatan-2024.csv", sh.home / "ppid")
    for name, register in [
        ("register-permohonan-2024.xlsx", "permohonan"),
        ("register-keberatan-2024.csv", "keberatan"),
    ]:
        sh.ok(f"ppidctl impor {name} --register {register} --lewati-baris-bermasalah")


def _edited_in_excel(sh: Shell) -> None:
    """Three requests; then, in a spreadsheet, 002's name completed and row 003 deleted."""
    _office(sh)
    for name, day in [("Baiq Nurul Aini", "16"), ("Lalu Ahmad", "17"), ("Lalu Ahmad", "17")]:
        sh.ok(
            f"ppidctl permohonan catat --nama '{name}' --nik 5271054508950002 "
            "--alamat 'Jl. Pejanggik No. 12, Mataram' --telepon 081234567890 "
            "--informasi 'Rekapitulasi DPT per kelurahan' --tujuan 'Penelitian' "
            f"--dokumen identitas --tanpa-surat --tanggal 2026-03-{day}"
        )
    path = sh.home / "ppid" / "registers" / "permohonan.csv"
    rows = path.read_bytes().splitlines(keepends=True)
    rows[2] = rows[2].replace(b"Lalu Ahmad", b"Lalu Ahmad Zaini", 1)
    path.write_bytes(b"".join(rows[:3] + rows[4:]))


def _two_requests(sh: Shell) -> None:
    """~/ppid with requests 001–002 of 16 March: its journal's line 2 is the first."""
    _office(sh)
    for name in ("Baiq Nurul Aini", "Lalu Ahmad"):
        sh.ok(
            f"ppidctl permohonan catat --nama '{name}' --nik 5271054508950002 "
            "--alamat 'Jl. Pejanggik No. 12, Mataram' --telepon 081234567890 "
            "--informasi 'Rekapitulasi DPT per kelurahan' --tujuan 'Penelitian' "
            "--dokumen identitas --tanpa-surat --tanggal 2026-03-16"
        )


def _reason_typed_by_hand(sh: Shell) -> None:
    """Requests 001–002 of 16 March, an objection on 002 (reason c, unanswered) of 8 April, its
    reasons then typed as "a;c" in the register."""
    _two_requests(sh)
    sh.ok(
        "ppidctl keberatan catat --permohonan 2 --alasan c --kasus-posisi 'tidak dijawab' "
        "--dokumen formulir,identitas --tanggal 2026-04-08 --tanpa-surat"
    )
    path = sh.home / "ppid" / "registers" / "keberatan.csv"
    rows = path.read_bytes().splitlines(keepends=True)
    assert rows[1].count(b",c,") == 1
    path.write_bytes(rows[0] + rows[1].replace(b",c,", b",a;c,"))


SETUP = {
    "ppidctl periksa --jangkar": _two_requests,
    'ppidctl periksa --terima-perubahan --catatan "alasan dari formulir"': _reason_typed_by_hand,
    "ppidctl init ~/ppid --instansi": _nothing,
    "ppidctl permohonan catat --nama Budi": _office,
    "ppidctl permohonan putuskan 1 --keputusan ditolak": _readme_exception,
    "ppidctl surat periksa templates/penolakan.docx": _readme_template,
    "ppidctl impor register-permohonan-2024.xlsx": _readme_import,
    "ppidctl laporan bulanan --bulan 2024-03": _readme_reports,
    "ppidctl ekspor --register permohonan --bulan 2024-03": _readme_reports,
    "ppidctl periksa": _edited_in_excel,
}
NOT_RUN = {
    # the archive's name carries the moment it was made; its checksum check is sha256sum's own
    "sha256sum -c ppidctl-arsip-5271-20260331-160000.zip.sha256": "nama arsip memuat waktunya",
}

ALL = [block for path in DOCS for block in _blocks(path)]


@pytest.mark.parametrize("block", ALL, ids=[b.where for b in ALL])
def test_console_block_is_real_output(block: Block, tmp_path):
    if block.first in NOT_RUN:
        pytest.skip(NOT_RUN[block.first])
    setup = next((f for prefix, f in SETUP.items() if block.first.startswith(prefix)), None)
    assert setup is not None, f"{block.where}: contoh baru — beri SETUP atau NOT_RUN di tes ini"
    sh = Shell(tmp_path)
    setup(sh)
    for command, expected in block.steps:
        actual = sh(command)
        matched = _matched(expected, actual)
        assert matched > len(expected), (
            f"{block.where}: $ {command}\n"
            + (
                f"berbeda mulai baris ke-{matched + 1} contoh: {expected[matched]!r}\n"
                if matched < len(expected)
                else ""
            )
            + "--- README/docs\n"
            + "\n".join(expected)
            + "\n--- keluaran sebenarnya\n"
            + "\n".join(actual)
        )
