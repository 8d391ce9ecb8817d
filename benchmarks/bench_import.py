"""Benchmark: ``ppidctl impor`` of a large legacy XLSX register.

    python benchmarks/bench_import.py [--rows N] [--repeat K] [--keep DIR]

Generates (once, in a temporary folder, or in ``--keep DIR`` to reuse it) a realistic legacy
request register of N rows (default 50,000) the way offices keep them in Excel: title rows above
the table, KI-like column headers ("No. Registrasi", "Tgl Permohonan", "Nomor Kontak", "Hari dan
Tanggal Pemberitahuan Tertulis", …), Indonesian names, addresses and requests, dates mixed as
date cells, "9 Januari 2024" text and "12/1/2024" text, NIKs as text (some with a leading
apostrophe), contacts "0812… / nama@contoh.id", about 5% of rows without a registration number,
a "Keterangan Lain" column (→ catatan), an unmatched "Disposisi" column (kept in catatan), and a few rows with a damaged NIK (Excel-rounded number cell)
or an impossible date, which go to the rejects file.

Then times, each run in a fresh process (so peak memory is the run's own), as the median of K
runs (default 3) with min/max:

- a bare python-calamine read of the same sheet (every cell of every row: the baseline, the
  fastest reader ppidctl uses),
- the import end-to-end through the service API (``plan`` + ``apply`` with
  ``lewati=True``) into a fresh workspace: reading, validating, numbering, deadlines, the
  register, journal and rejects file written and fsynced,

and prints rows/second, seconds, the ratio import / bare read (target <= 2x) and the peak RSS of
the import process (``resource.getrusage``; includes the interpreter, ~40 MB).

It also times a *floor*: what any import that keeps the register and journal of issues 2 and 7
must do at the least, with no validation at all: the same bare read, every cell as text, the rows
written as CSV and as the one JSON journal line of the import, both hashed, all in memory (no
file written, no fsync). The ratio floor / bare read shows how much of the import's ratio is that
bookkeeping; the rest is reading the table and checking every cell and row.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script too
from benchmarks.words import FIRST, INFO, JOB, KEL, LAST, PURPOSE, STREET  # noqa: E402

DECISION = ["Diberikan", "Diberikan", "Diberikan", "Diberikan sebagian", "Ditolak",
            "Tidak dikuasai", "Belum didokumentasikan", ""]  # fmt: skip
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
         "Oktober", "November", "Desember"]  # fmt: skip
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
HEADER = ["No", "No. Registrasi", "Tgl Permohonan", "Nama Pemohon", "NIK", "Alamat",
          "Nomor Kontak", "Pekerjaan", "Informasi yang Diminta", "Tujuan Penggunaan Informasi",
          "Bentuk Informasi", "Jenis Permohonan", "Keputusan", "Alasan Penolakan",
          "Hari dan Tanggal Pemberitahuan Tertulis", "Biaya", "Keterangan Lain",
          "Disposisi"]  # fmt: skip


def generate(path: Path, rows: int, seed: int = 2024) -> dict[str, int]:
    """Write the legacy workbook; returns how many rows are bad by construction."""
    from openpyxl import Workbook

    rnd = random.Random(seed)
    wb = Workbook(write_only=True)
    sh = wb.create_sheet("Register")
    sh.append(["REGISTER PERMOHONAN INFORMASI PUBLIK"])
    sh.append(["PPID KPU KOTA MATARAM"])
    sh.append([])
    sh.append(HEADER)
    start = dt.date(2023, 1, 2)
    span = 730
    per_year: dict[int, int] = {}
    days = sorted(rnd.randrange(span) for _ in range(rows))
    bad = {"nik": 0, "tanggal": 0}
    for i in range(1, rows + 1):
        d = start + dt.timedelta(days=days[i - 1])
        per_year[d.year] = per_year.get(d.year, 0) + 1
        seq = per_year[d.year]
        nomor = "" if rnd.random() < 0.05 else f"{seq:03d}/PPID/5271/{ROMAN[d.month - 1]}/{d.year}"
        k = rnd.choice(KEL)
        name = f"{rnd.choice(FIRST)} {rnd.choice(FIRST)} {rnd.choice(LAST)}"
        style = i % 3
        if style == 0:
            tanggal: object = dt.datetime(d.year, d.month, d.day)
        elif style == 1:
            tanggal = f"{d.day} {BULAN[d.month - 1]} {d.year}"
        else:
            tanggal = f"{d.day}/{d.month}/{d.year}"
        # a NIK as a KTP has it: Mataram 5271, kecamatan, birth date (+40 for women), serial
        lahir = rnd.randrange(1, 29) + 40 * rnd.randrange(2)
        nik_digits = (
            f"5271{rnd.randrange(1, 7):02d}{lahir:02d}{rnd.randrange(1, 13):02d}"
            f"{rnd.randrange(100):02d}{rnd.randrange(1, 10000):04d}"
        )
        nik: object = ("'" if i % 7 == 0 else "") + nik_digits
        if i % 997 == 0:
            nik = float(nik_digits[:15] + "0")  # an Excel-rounded number cell: damaged
            bad["nik"] += 1
        elif i % 1999 == 0:
            tanggal = f"31/02/{d.year}"
            bad["tanggal"] += 1
        kep = rnd.choice(DECISION)
        notif: object = ""
        if kep:
            nd = d + dt.timedelta(days=rnd.randrange(1, 16))
            notif = dt.datetime(nd.year, nd.month, nd.day) if i % 2 else nd.strftime("%d/%m/%Y")
        biaya = rnd.choice(["0", "Rp 5.000", "-", "10000", ""])
        sh.append(
            [
                i,
                nomor,
                tanggal,
                name,
                nik,
                f"{rnd.choice(STREET)} No. {rnd.randrange(1, 200)}, {k}, Mataram",
                f"08{rnd.randrange(10**9, 10**10)} / {name.split()[0].lower()}{i}@contoh.id",
                rnd.choice(JOB),
                rnd.choice(INFO).format(k=k),
                rnd.choice(PURPOSE),
                rnd.choice(["Softcopy", "Hardcopy", "softcopy"]),
                rnd.choice(["Meminta salinan", "Melihat/membaca"]),
                kep,
                "Pasal 17 huruf h UU 14/2008" if kep == "Ditolak" else "",
                notif,
                biaya,
                "diantar kurir" if i % 50 == 0 else "",
                "ke Sekretaris" if i % 40 == 0 else "",
            ]
        )
    sh.append([])
    sh.append(["", "JUMLAH", rows])
    wb.save(path)
    return bad


# -- the measured runs (each in its own process) ------------------------------------------------


def _peak_mb() -> float:
    """Peak RSS of this process. On Linux the high-water mark of its own memory (``VmHWM``):
    ``ru_maxrss`` also counts the parent's RSS at fork time, so a child of the large ``make
    bench`` process would report the parent's ~570 MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024


def child_bare(path: str) -> dict:
    from python_calamine import CalamineWorkbook

    t0 = time.perf_counter()
    wb = CalamineWorkbook.from_path(path)
    n = 0
    cells = 0
    for name in wb.sheet_names:
        for row in wb.get_sheet_by_name(name).iter_rows():
            n += 1
            cells += len(row)
    return {"detik": time.perf_counter() - t0, "baris": n, "mb": _peak_mb()}


def child_floor(path: str) -> dict:
    import csv
    import hashlib
    import io

    from python_calamine import CalamineWorkbook

    encode = json.JSONEncoder(check_circular=False, separators=(",", ":")).encode
    t0 = time.perf_counter()
    wb = CalamineWorkbook.from_path(path)
    rows = []
    for name in wb.sheet_names:
        rows += wb.get_sheet_by_name(name).iter_rows()
    header = [str(c) for c in rows[3]]
    texts = [[c if type(c) is str else str(c) for c in r] for r in rows[4:]]
    out = io.StringIO()
    csv.writer(out).writerows(texts)
    register = out.getvalue().encode()
    journal = encode({"aksi": "tambah", "kolom": header, "baris": texts, "sebelum": "0" * 64})
    journal = journal.encode() + b"\n"
    digests = hashlib.sha256(register).hexdigest(), hashlib.sha256(journal).hexdigest()
    return {"detik": time.perf_counter() - t0, "bita": len(register) + len(journal), "h": digests}


def child_import(path: str, root: str) -> dict:
    from ppidctl.services import impor
    from ppidctl.workspace import init

    ws = init(Path(root), "Komisi Pemilihan Umum Kota Mataram", "5271")
    t0 = time.perf_counter()
    p = impor.plan(ws, Path(path), "permohonan")
    t1 = time.perf_counter()
    result = impor.apply(ws, p, lewati=True, petugas="benchmark")
    t2 = time.perf_counter()
    return {
        "detik": t2 - t0,
        "baca": t1 - t0,
        "tulis": t2 - t1,
        "diimpor": len(result.diimpor),
        "ditolak": len(result.ditolak),
        "mb": _peak_mb(),
        "register_mb": ws.register_path("permohonan").stat().st_size / 1e6,
        "jurnal_mb": ws.journal_path.stat().st_size / 1e6,
    }


def _run_child(*args: str) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, *args], check=True, capture_output=True, text=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _stats(xs: list[float]) -> str:
    return f"median {statistics.median(xs):.2f} s (min {min(xs):.2f}, max {max(xs):.2f})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--rows", type=int, default=50_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="folder to keep (and reuse) the generated workbook")
    ap.add_argument("--_child", nargs="+", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a._child:
        kind, *rest = a._child
        child = {"bare": child_bare, "lantai": child_floor, "impor": child_import}[kind]
        result = child(*rest)
        print(json.dumps(result))
        return

    with tempfile.TemporaryDirectory(prefix="ppidctl-bench-") as tmp:
        folder = a.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        src = folder / f"register-lama-{a.rows}.xlsx"
        if not src.exists():
            t0 = time.perf_counter()
            bad = generate(src, a.rows)
            print(
                f"dibuat {src.name}: {a.rows:,} baris, {src.stat().st_size / 1e6:.1f} MB "
                f"({time.perf_counter() - t0:.1f} s; rusak: {bad})"
            )
        bare, floor, imp = [], [], []
        for k in range(a.repeat):
            bare.append(_run_child("--_child", "bare", str(src)))
            floor.append(_run_child("--_child", "lantai", str(src)))
            imp.append(_run_child("--_child", "impor", str(src), str(Path(tmp) / f"ws{k}")))
        tb = [r["detik"] for r in bare]
        tf = [r["detik"] for r in floor]
        ti = [r["detik"] for r in imp]
        last = imp[-1]
        print(
            f"baris data        : {a.rows:,} (diimpor {last['diimpor']:,}, ditolak {last['ditolak']})"
        )
        print(f"baca calamine     : {_stats(tb)}  — {a.rows / statistics.median(tb):,.0f} baris/s")
        print(f"impor (plan+apply): {_stats(ti)}  — {a.rows / statistics.median(ti):,.0f} baris/s")
        print(
            f"  rincian median  : plan {statistics.median(r['baca'] for r in imp):.2f} s, "
            f"apply {statistics.median(r['tulis'] for r in imp):.2f} s"
        )
        ratio = statistics.median(ti) / statistics.median(tb)
        print(f"rasio impor/baca  : {ratio:.2f}x (target <= 2x)")
        print(
            f"lantai            : {_stats(tf)} = {statistics.median(tf) / statistics.median(tb):.2f}x"
            " baca (baca + teks tiap sel + CSV + satu baris jurnal, tanpa validasi)"
        )
        print(
            f"memori puncak     : impor {max(r['mb'] for r in imp):.0f} MB, "
            f"baca calamine {max(r['mb'] for r in bare):.0f} MB (RSS proses)"
        )
        print(f"register/jurnal   : {last['register_mb']:.1f} MB / {last['jurnal_mb']:.1f} MB")


if __name__ == "__main__":
    main()
