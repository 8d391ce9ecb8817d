"""Benchmark: monthly and annual report over a generated register.

    python benchmarks/bench_reports.py [--rows N] [--repeat K] [--keep DIR]

Generates, in a temporary workspace, a realistic request register of N rows (default 100,000)
spread over 2025-2026 with Indonesian names, addresses and requests, working-day-correct dates
(decided, extended, late, still open), and an objection register of N/20 rows. Then times, as
the median of K runs (default 5) with min/max:

- a bare ``pandas.read_csv`` of the two register files (the baseline),
- the monthly report (``--bulan 2026-03``) and the annual report (``--tahun 2026``, with 2025 as
  the previous year), each including reading the registers from disk,

and prints seconds and the ratio to the baseline. Target: annual report <= 3x the bare read and
under 2 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script too
from benchmarks.words import FIRST, INFO, JOB, KEL, LAST, PURPOSE, STREET  # noqa: E402

GROUNDS = ["Pasal 17 huruf h (data pribadi)", "Pasal 17 huruf j (dikecualikan undang-undang)",
           "Pasal 17 huruf i (memorandum antarbadan publik)"]  # fmt: skip
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def _pick(rng, items, n, p=None):
    return np.asarray(items, dtype=object)[rng.choice(len(items), n, p=p)]


def generate(root: Path, rows: int = 100_000, seed: int = 2026):
    """A workspace at ``root`` with ``rows`` requests and ``rows // 20`` objections."""
    import pandas as pd

    from ppidctl.reports.workdays import WorkdayCounter
    from ppidctl.workspace import init

    ws = init(root, "Komisi Pemilihan Umum Kota Mataram", "5271")
    wd = WorkdayCounter(ws.calendar)
    rng = np.random.default_rng(seed)
    n = rows
    D = "datetime64[D]"
    end = np.datetime64("2026-12-31")
    days = np.arange(np.datetime64("2025-01-01"), end + 1, dtype=D)
    work = days[wd.between(days - 1, days) == 1]
    weekend_share = rng.random(n) < 0.03  # e-mail / e-PPID at the weekend
    recv = np.where(weekend_share, rng.choice(days, n), rng.choice(work, n)).astype(D)
    recv.sort()
    stage = rng.random(n) < 0.05
    extended = rng.random(n) < 0.08
    base = np.where(stage, 3, 10)
    ext = np.where(stage, 2, 7)
    limit = base + np.where(extended, ext, 0)
    took = np.minimum(rng.integers(0, limit + 1), limit)
    late = rng.random(n) < 0.03
    took = np.where(late, limit + rng.integers(1, 6, n), took)
    notified = wd.add(recv, took)
    due = wd.add(recv, limit)
    ext_day = np.where(extended, wd.add(recv, np.maximum(base - 2, 0)), np.datetime64("NaT"))
    decision = _pick(
        rng,
        ["diberikan", "diberikan-sebagian", "ditolak", "tidak-dikuasai", "belum-didokumentasikan"],
        n,
        [0.70, 0.12, 0.06, 0.08, 0.04],
    )
    given = (decision == "diberikan") | (decision == "diberikan-sebagian")
    delivered = wd.add(notified, rng.integers(0, 4, n))
    forwarded = wd.add(recv, rng.choice([0, 1, 2], n, p=[0.6, 0.3, 0.1]))
    # the last weeks are still open
    today = np.datetime64("2026-12-31")
    decided = notified <= today - 5
    done = decided & (~given | (delivered <= today - 2))
    status = np.where(
        done,
        "selesai",
        np.where(decided, "diputuskan", np.where(extended, "diperpanjang", "diteruskan")),
    )
    iso = lambda a, keep=None: pd.Series(np.datetime_as_string(a, unit="D")).where(  # noqa: E731
        (~np.isnat(a)) & (True if keep is None else keep), ""
    )
    year = recv.astype("datetime64[Y]").astype(int) + 1970
    month = recv.astype("datetime64[M]").astype(int) % 12
    seq = pd.Series(year).groupby(year).cumcount().to_numpy() + 1
    nama = _pick(rng, FIRST, n) + " " + _pick(rng, LAST, n)
    kel = _pick(rng, KEL, n)
    info = [INFO[i].format(k=k) for i, k in zip(rng.integers(0, len(INFO), n), kel, strict=True)]
    has_email = rng.random(n) < 0.5
    nik = ["5271" + "".join(map(str, d)) for d in rng.integers(0, 10, (n, 12))]
    perm = pd.DataFrame(
        {
            "nomor_registrasi": [
                f"{s:03d}/PPID/5271/{ROMAN[m]}/{y}"
                for s, m, y in zip(seq, month, year, strict=True)
            ],
            "tanggal_diterima": iso(recv),
            "waktu_diterima": "",
            "saluran": _pick(
                rng,
                ["langsung", "surat", "email", "telepon", "faksimili", "e-ppid", "lainnya"],
                n,
                [0.35, 0.1, 0.25, 0.05, 0.01, 0.22, 0.02],
            ),
            "jenis_pemohon": _pick(
                rng, ["perorangan", "badan-hukum", "kelompok"], n, [0.8, 0.15, 0.05]
            ),
            "nama_pemohon": nama,
            "jenis_identitas": "ktp",
            "nik": nik,
            "alamat": [
                f"{s} No. {k}, Kel. {kel_}, Mataram"
                for s, k, kel_ in zip(
                    _pick(rng, STREET, n), rng.integers(1, 200, n), kel, strict=True
                )
            ],
            "pekerjaan": _pick(rng, JOB, n),
            "telepon": ["08" + "".join(map(str, d)) for d in rng.integers(0, 10, (n, 10))],
            "email": np.where(
                has_email,
                [f"{x.split()[0].lower()}{i % 997}@gmail.com" for i, x in enumerate(nama)],
                "",
            ),
            "informasi_diminta": info,
            "tujuan_penggunaan": _pick(rng, PURPOSE, n),
            "cara_memperoleh": _pick(rng, ["melihat", "salinan"], n, [0.2, 0.8]),
            "bentuk_informasi": _pick(rng, ["softcopy", "hardcopy"], n, [0.75, 0.25]),
            "cara_kirim": _pick(rng, ["langsung", "email", "pos", "kurir"], n),
            "dokumen": "identitas",
            "kuasa_nama": "",
            "tahapan": np.where(stage, "Pemutakhiran Data Pemilih", ""),
            "status": status,
            "jatuh_tempo": iso(due),
            "diteruskan_pada": iso(forwarded),
            "diperpanjang_pada": iso(ext_day),
            "alasan_perpanjangan": np.where(extended, "Informasi masih dihimpun dari PPK", ""),
            "keputusan": np.where(decided, decision, ""),
            "alasan_penolakan": np.where(
                decided & (decision == "ditolak"), _pick(rng, GROUNDS, n), ""
            ),
            "uji_konsekuensi": "",
            "sk_pengecualian": np.where(
                decided & (decision == "ditolak"),
                "Keputusan KPU Kota Mataram Nomor 12 Tahun 2024",
                "",
            ),
            "penjelasan": "",
            "badan_publik_penguasa": np.where(
                decided & (decision == "tidak-dikuasai"), "KPU Provinsi NTB", ""
            ),
            "tanggal_pemberitahuan": iso(notified, decided),
            "tanggal_selesai": iso(delivered, done & given),
            "biaya": np.where(given & (rng.random(n) < 0.1), "15000", ""),
            "terlambat": np.where(decided, np.where(notified > due, "ya", "tidak"), ""),
            "petugas": _pick(rng, ["Rina", "Agus", "Baiq Nurul"], n),
            "catatan": "",
        }
    )
    perm.to_csv(ws.register_path("permohonan"), index=False, lineterminator="\r\n")

    m = rows // 20
    pick = rng.choice(np.flatnonzero(decided), m)
    k_recv = wd.add(notified[pick], rng.integers(1, 25, m))
    k_stage = stage[pick]
    k_limit = np.where(k_stage, 3, 30)
    k_fwd = wd.add(k_recv, rng.choice([0, 1, 2], m, p=[0.5, 0.4, 0.1]))
    k_plen = wd.add(k_fwd, rng.choice([0, 1, 2], m, p=[0.5, 0.4, 0.1]))
    k_resp = wd.add(k_recv, np.minimum(rng.integers(2, k_limit + 3), k_limit + 2))
    k_sent = wd.add(k_resp, rng.choice([0, 1, 2], m, p=[0.6, 0.3, 0.1]))
    answered = k_sent <= today - 3
    reaction = _pick(rng, ["menerima", "sengketa"], m, [0.85, 0.15])
    k_status = np.where(
        answered, np.where(reaction == "sengketa", "sengketa", "selesai"), "diteruskan"
    )
    order = np.argsort(k_recv, kind="stable")
    k_year = k_recv.astype("datetime64[Y]").astype(int) + 1970
    k_month = k_recv.astype("datetime64[M]").astype(int) % 12
    k_seq = np.empty(m, dtype=int)
    k_seq[order] = pd.Series(k_year[order]).groupby(k_year[order]).cumcount().to_numpy() + 1
    keb = pd.DataFrame(
        {
            "nomor_registrasi": [
                f"{s:03d}/KEB/PPID/5271/{ROMAN[mm]}/{y}"
                for s, mm, y in zip(k_seq, k_month, k_year, strict=True)
            ],
            "tanggal_diterima": iso(k_recv),
            "waktu_diterima": "",
            "saluran": _pick(rng, ["langsung", "email", "e-ppid"], m),
            "nomor_permohonan": perm["nomor_registrasi"].to_numpy()[pick],
            "nama_pemohon": nama[pick],
            "nik": np.asarray(nik, dtype=object)[pick],
            "alamat": perm["alamat"].to_numpy()[pick],
            "telepon": perm["telepon"].to_numpy()[pick],
            "email": perm["email"].to_numpy()[pick],
            "kuasa_nama": "",
            "kuasa_alamat": "",
            "informasi_diminta": np.asarray(info, dtype=object)[pick],
            "tujuan_penggunaan": perm["tujuan_penggunaan"].to_numpy()[pick],
            "alasan": _pick(rng, ["a", "c", "d", "e", "g", "a;d", "c;g", "f"], m),
            "kasus_posisi": "Pemohon menilai jawaban PPID tidak sesuai dengan permintaan",
            "alasan_ditemukan": iso(notified[pick]),
            "dokumen": "formulir;identitas",
            "kebutuhan_khusus": "",
            "tahapan": np.where(k_stage, "Pemutakhiran Data Pemilih", ""),
            "status": k_status,
            "jatuh_tempo": iso(wd.add(k_recv, k_limit)),
            "diteruskan_pada": iso(k_fwd),
            "pleno_pada": iso(k_plen),
            "keputusan_atasan": np.where(
                answered, _pick(rng, ["diterima", "ditolak"], m, [0.4, 0.6]), ""
            ),
            "pertimbangan": "",
            "sk_pengecualian": "",
            "nomor_surat_tanggapan": "",
            "tanggal_tanggapan": iso(k_resp, answered),
            "nama_atasan": np.where(answered, "Nama Atasan PPID", ""),
            "jabatan_atasan": np.where(answered, "Ketua KPU Kota Mataram", ""),
            "disampaikan_pada": iso(k_sent, answered),
            "batas_sengketa": "",
            "tanggapan_pemohon": np.where(answered, reaction, ""),
            "tanggapan_pemohon_pada": iso(wd.add(k_sent, 3), answered),
            "paksa_catatan": "",
            "petugas": "Rina",
            "catatan": "",
        }
    ).iloc[order]
    keb.to_csv(ws.register_path("keberatan"), index=False, lineterminator="\r\n")
    return ws


def _time(fn, repeat: int) -> tuple[float, float, float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), min(times), max(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    args = parser.parse_args(argv)

    import pandas as pd

    from ppidctl.reports import annual, monthly

    with tempfile.TemporaryDirectory(prefix="ppidctl-bench-") as tmp:
        root = args.keep or Path(tmp) / "ws"
        t = time.perf_counter()
        ws = generate(root, args.rows)
        files = [ws.register_path("permohonan"), ws.register_path("keberatan")]
        size = sum(f.stat().st_size for f in files) / 1e6
        print(
            f"register: {args.rows:,} permohonan + {args.rows // 20:,} keberatan, {size:.1f} MB "
            f"(dibuat dalam {time.perf_counter() - t:.1f} s)"
        )
        monthly(ws, "2026-03")  # warm the holiday cache and imports once
        base = _time(lambda: [pd.read_csv(f) for f in files], args.repeat)
        base_str = _time(
            lambda: [pd.read_csv(f, dtype=str, keep_default_na=False) for f in files], args.repeat
        )
        results = {
            "pandas.read_csv (bare)": base,
            "pandas.read_csv (dtype=str)": base_str,
            "laporan bulanan 2026-03": _time(lambda: monthly(ws, "2026-03"), args.repeat),
            "laporan tahunan 2026": _time(lambda: annual(ws, 2026), args.repeat),
        }
        print(f"{'':32} {'median':>8} {'min':>8} {'max':>8} {'x read_csv':>11}")
        for label, (med, lo, hi) in results.items():
            print(f"{label:32} {med:8.3f} {lo:8.3f} {hi:8.3f} {med / base[0]:11.2f}")
        annual_s = results["laporan tahunan 2026"][0]
        ok = annual_s <= 3 * base[0] and annual_s < 2.0
        print(
            f"target (tahunan <= 3x read_csv dan < 2 s): {'TERCAPAI' if ok else 'TIDAK TERCAPAI'}"
        )
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
