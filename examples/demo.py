"""`make demo`: a sample workspace in a temporary folder and a realistic day at the PPID desk.

Several requests arrive over the last weeks (dates relative to today, so one is overdue whatever
day the demo runs), one is forwarded, extended and decided, an objection is filed and answered,
and the desk ends with `ppidctl jatuh-tempo`. Every step is a real `ppidctl` command; the
workspace is kept so the letters and registers can be opened afterwards.
"""

from __future__ import annotations

import functools
import os
import shlex
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

BIN = Path(sys.executable).with_name("ppidctl")


@functools.cache
def _calendar():
    from ppidctl.rules.calendar import WorkCalendar

    return WorkCalendar()


def working_days_back(today: date, n: int) -> date:
    """The n-th working day before the last working day up to today, on ppidctl's own calendar
    (holidays and cuti bersama too): no step of the demo falls on a day off, whatever the day."""
    cal = _calendar()
    d = today
    while not cal.is_workday(d):
        d -= timedelta(days=1)
    while n:
        d -= timedelta(days=1)
        if cal.is_workday(d):
            n -= 1
    return d


def number(result: subprocess.CompletedProcess) -> str:
    """The registration number a ``catat`` printed. The later steps name it in full: a sequence
    alone means the current year's, and early in January the demo's first cases are last year's."""
    for line in result.stdout.splitlines():
        if line.startswith("Nomor registrasi"):
            return line.split(":", 1)[1].strip()
    raise SystemExit("demo: catat tidak mencetak nomor registrasi")


def ppid(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    print(f"\n$ ppidctl {shlex.join(args)}", flush=True)
    result = subprocess.run([str(BIN), *args], text=True, capture_output=True)
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    sys.stdout.flush()
    if check and result.returncode != 0:
        raise SystemExit(f"demo: perintah gagal (kode {result.returncode})")
    return result


def main() -> None:
    root = Path(tempfile.mkdtemp(prefix="ppidctl-demo-")) / "kpu-kota-mataram"
    os.environ["PPIDCTL_DIR"] = str(root)
    os.environ["PPIDCTL_PETUGAS"] = "Rina (desk layanan)"
    # (PPIDCTL_DEMO_HARI_INI=YYYY-MM-DD: the demo as run on another, past day — a test runs it
    # early in a January, when its first cases fall in the year before)
    today = date.fromisoformat(os.environ.get("PPIDCTL_DEMO_HARI_INI") or date.today().isoformat())
    d = lambda n: working_days_back(today, n).isoformat()  # noqa: E731

    ppid(
        "init",
        str(root),
        "--instansi",
        "Komisi Pemilihan Umum Kota Mataram",
        "--kode-satker",
        "5271",
    )
    # What `init` asks next: the officials who sign the letters and the office telephone (until
    # then every command that writes a letter warns that they still hold init's stand-ins).
    toml = root / "ppidctl.toml"
    text = toml.read_text(encoding="utf-8")
    for old, new in (
        ('nama = "Nama PPID"', 'nama = "Lalu Rahman, S.H."'),
        ('nama = "Nama Atasan PPID"', 'nama = "Hj. Siti Aminah, S.Sos."'),
        ('nip = "-"', 'nip = ""'),  # (both: neither official is a civil servant with a NIP)
        ('telepon = "(0370) 000000"', 'telepon = "(0370) 631234"'),
    ):
        text = text.replace(old, new)
    toml.write_text(text, encoding="utf-8")
    print("\n(ppidctl.toml disunting: nama PPID dan Atasan PPID, telepon kantor)")
    base = ["--alamat", "Jl. Pejanggik No. 12, Mataram", "--dokumen", "identitas,formulir"]
    ppid(
        "permohonan",
        "catat",
        "--nama",
        "Lalu Ahmad Zaini",
        "--nik",
        "5271011203900001",
        "--pekerjaan",
        "Wartawan",
        "--telepon",
        "081234567890",
        "--informasi",
        "Salinan SK penetapan PPK Kecamatan Ampenan",
        "--tujuan",
        "Bahan pemberitaan",
        "--tanggal",
        d(14),
        *base,
    )

    p2 = number(
        ppid(
            "permohonan",
            "catat",
            "--nama",
            "Baiq Nurul Aini",
            "--nik",
            "5271054508950002",
            "--pekerjaan",
            "Mahasiswa",
            "--email",
            "baiq.nurul@example.ac.id",
            "--informasi",
            "Rekapitulasi DPT per kelurahan Pilkada 2024",
            "--tujuan",
            "Penelitian skripsi",
            "--saluran",
            "email",
            "--tanggal",
            d(9),
            *base,
        )
    )

    p3 = number(
        ppid(
            "permohonan",
            "catat",
            "--nama",
            "PT Maju & Jaya",
            "--jenis-pemohon",
            "badan-hukum",
            "--alamat",
            "Jl. Udayana No. 5, Mataram",
            "--email",
            "legal@majujaya.co.id",
            "--informasi",
            "Dokumen pengadaan logistik pemilu 2024",
            "--tujuan",
            "Kajian hukum",
            "--dokumen",
            "akta,kuasa,formulir",
            "--kuasa",
            "Sri Wahyuni, S.H.",
            "--tanggal",
            d(6),
        )
    )

    ppid(
        "permohonan",
        "catat",
        "--nama",
        "I Made Sukarta",
        "--nik",
        "5271031507880003",
        "--telepon",
        "087765432100",
        "--informasi",
        "Berita acara pleno rekapitulasi Cakranegara",
        "--tujuan",
        "Pemantauan pemilu",
        "--tanggal",
        d(1),
        *base,
    )

    ppid("permohonan", "teruskan", p2, "--tanggal", d(8))
    ppid("permohonan", "teruskan", p3, "--tanggal", d(5))
    ppid(
        "permohonan",
        "putuskan",
        p3,
        "--keputusan",
        "ditolak",
        "--pasal",
        "Pasal 17 huruf h angka 2 UU 14/2008 (rahasia pribadi penyedia)",
        "--sk-pengecualian",
        "Keputusan KPU Kota Mataram Nomor 12 Tahun 2026",
        "--uji-konsekuensi",
        "Dokumen memuat data pribadi penyedia; membukanya mengungkap rahasia pribadi",
        "--tanggal",
        d(3),
    )
    # (the steps in date order, as the desk records them: the agenda numbers letters so)
    ppid(
        "permohonan",
        "perpanjang",
        p2,
        "--alasan",
        "Data rekapitulasi masih dihimpun dari arsip PPK",
        "--tanggal",
        d(2),
    )
    # The company objects to the rejection (reason a): slip, forwarded, plenary, reply, delivered.
    k1 = number(
        ppid(
            "keberatan",
            "catat",
            "--permohonan",
            p3,
            "--alasan",
            "a",
            "--kasus-posisi",
            "Dokumen pengadaan adalah informasi publik yang wajib tersedia setiap saat",
            "--dokumen",
            "formulir,identitas,kuasa",
            "--kuasa",
            "Sri Wahyuni, S.H.",
            "--kuasa-alamat",
            "Jl. Majapahit No. 7, Mataram",
            "--meterai",
            "--tanggal",
            d(2),
        )
    )
    ppid("keberatan", "teruskan", k1, "--tanggal", d(2))
    ppid("keberatan", "pleno", k1, "--tanggal", d(1))
    ppid(
        "keberatan",
        "tanggapi",
        k1,
        "--keputusan",
        "ditolak",
        "--pertimbangan",
        "Dokumen memuat data pribadi penyedia yang dilindungi Pasal 17 huruf h",
        "--sk-pengecualian",
        "Keputusan KPU Kota Mataram Nomor 12 Tahun 2026",
        "--tanggal",
        d(1),
    )
    ppid("keberatan", "sampaikan", k1, "--tanggal", d(0))
    ppid("permohonan", "lihat", p2)
    ppid("jatuh-tempo")
    print(f"\nWorkspace demo: {root}")
    # the command as it can be typed here: make demo's ppidctl is in .venv, not on PATH
    exe = Path(sys.executable).with_name("ppidctl")
    cmd = os.path.relpath(exe) if exe.exists() else "ppidctl"
    print(
        f"Surat ada di {root / 'letters'}; register: {cmd} -C {root} permohonan daftar, atau "
        f"buku register untuk Excel: {cmd} -C {root} ekspor --register permohonan -o buku.xlsx"
    )


if __name__ == "__main__":
    main()
