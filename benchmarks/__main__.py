"""`make bench`: every performance figure of ppidctl, each next to its floor, in one table.

    python -m benchmarks [--sizes 1000,10000,100000] [--repeat 5] [--quick] [--tulis FILE]

Generates realistic workspaces (benchmarks/bench_reports.py: Indonesian names and requests,
both registers, a journal, the 2025-2026 holiday calendar) of each size, then measures, as the
median of ``--repeat`` runs with min and max, each figure together with its floor measured in the
same run on the same machine:

| what | floor |
|---|---|
| ``ppidctl --help`` | ``--help`` of a minimal Typer app (one file, 10 empty commands) |
| ``permohonan catat --tanpa-surat`` | one command of that minimal app |
| ``permohonan putuskan`` (one row changed) | reading + rewriting the CSV with the csv module |
| ``jatuh-tempo --format json`` | a process that reads the registers with ``pandas.read_csv`` |
| ``laporan tahunan --format json`` | the same ``pandas.read_csv`` process |
| 500 letters | a bare docxtpl render of the same template, 500 times |
| ``impor`` of a 50,000-row XLSX | a bare python-calamine read of the same file |
| consolidating 50 offices x 2,000 rows | ``pandas.read_csv`` of all their registers |

Commands run as real processes (start-up included, as staff meet them). Peak memory (RSS) is
recorded for the import and the annual report. With several sizes, the growth from the smallest
to the largest is printed: it must not be faster than the data grows. ``--quick`` (used by the
test suite's smoke test) runs everything once on 1,000 rows so the benchmark cannot rot.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # `python benchmarks/__main__.py` works too

PY = sys.executable
PPID = [PY, "-m", "ppidctl"]

MINI_APP = '''
import typer

app = typer.Typer(
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    add_completion=False,
    no_args_is_help=True,
)
for i in range(10):

    def command(nama: str = "", tanggal: str = ""):
        """Perintah kosong."""

    app.command(f"perintah{i}")(command)

if __name__ == "__main__":
    app()
'''


@dataclass
class Figure:
    what: str
    size: str
    times: list[float]
    floor: list[float]
    target: float | None = None  # ratio
    absolute: float | None = None  # seconds
    rss_mb: float | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def ratio(self) -> float:
        return self.median / statistics.median(self.floor)

    @property
    def ok(self) -> bool:
        good = self.target is None or self.ratio <= self.target
        return good and (self.absolute is None or self.median < self.absolute)


def _run(cmd: list[str], cwd: Path | None = None, env: dict | None = None) -> float:
    t = time.perf_counter()
    out = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    took = time.perf_counter() - t
    if out.returncode != 0:
        raise SystemExit(f"benchmark: {' '.join(cmd)} gagal:\n{out.stderr}")
    return took


def _rss_mb(cmd: list[str], env: dict | None = None) -> float:
    """Peak RSS of one run of ``cmd``, measured by a small wrapper process around it."""
    probe = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], check=True, capture_output=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run([PY, "-c", probe, *cmd], capture_output=True, text=True, env=env)
    return int(out.stdout.strip() or 0) / 1024


def _times(fn, repeat: int) -> list[float]:
    return [fn() for _ in range(repeat)]


def _env(ws: Path) -> dict:
    env = dict(os.environ, PPIDCTL_DIR=str(ws), PPIDCTL_PETUGAS="bench")
    env.pop("PPIDCTL_CACHE", None)
    return env


# -- the workspaces ---------------------------------------------------------------------------


def make_workspace(root: Path, rows: int) -> Path:
    from benchmarks.bench_reports import generate

    generate(root, rows)
    return root


def open_requests(ws: Path, n: int) -> list[str]:
    """Numbers of ``n`` requests still waiting for a decision (for putuskan runs)."""
    import csv

    with open(ws / "registers/permohonan.csv", encoding="utf-8", newline="") as f:
        rows = [r["nomor_registrasi"] for r in csv.DictReader(f) if r["status"] in
                ("terdaftar", "diteruskan", "diperpanjang")]  # fmt: skip
    if len(rows) < n:
        raise SystemExit(f"benchmark: hanya {len(rows)} permohonan terbuka, perlu {n}")
    return rows[-n:]


# -- the figures ------------------------------------------------------------------------------


def bench_help(tmp: Path, repeat: int) -> Figure:
    mini = tmp / "mini.py"
    mini.write_text(MINI_APP, encoding="utf-8")
    _run([*PPID, "--help"])  # warm the file cache
    return Figure(
        "ppidctl --help",
        "-",
        _times(lambda: _run([*PPID, "--help"]), repeat),
        _times(lambda: _run([PY, str(mini), "--help"]), repeat),
        target=1.3,
    )


def bench_register(ws: Path, tmp: Path, rows: int, repeat: int) -> list[Figure]:
    env = _env(ws)
    mini = tmp / "mini.py"
    mini.write_text(MINI_APP, encoding="utf-8")
    catat = [*PPID, "permohonan", "catat", "--nama", "Baiq Nurul Aini", "--nik",
             "5271054508950002", "--alamat", "Jl. Pejanggik No. 12, Mataram", "--telepon",
             "081234567890", "--informasi", "Salinan DPT Kelurahan Cakranegara", "--tujuan",
             "Penelitian", "--dokumen", "identitas", "--tanpa-surat"]  # fmt: skip
    _run(catat, env=env)  # the first run parses the register and fills the sequence cache
    size = f"{rows:,}"
    at_target = rows >= 100_000  # the targets are stated for a 100,000-row register

    def target(ratio: float) -> float | None:
        return ratio if at_target else None

    figures = [
        Figure(
            "permohonan catat --tanpa-surat",
            size,
            _times(lambda: _run(catat, env=env), repeat),
            _times(lambda: _run([PY, str(mini), "perintah1", "--nama", "x"]), repeat),
            target=target(2.0),
        )
    ]
    todo = open_requests(ws, repeat)
    reg = ws / "registers/permohonan.csv"
    rewrite = tmp / "rewrite.py"
    rewrite.write_text(
        "import csv, os, sys\n"
        "path = sys.argv[1]\n"
        "with open(path, encoding='utf-8', newline='') as f:\n"
        "    rows = list(csv.reader(f))\n"
        "rows[-1][rows[0].index('status')] = 'diputuskan'\n"
        "tmp = path + '.tmp'\n"
        "with open(tmp, 'w', encoding='utf-8', newline='') as f:\n"
        "    csv.writer(f).writerows(rows)\n"
        "    f.flush(); os.fsync(f.fileno())\n"
        "os.replace(tmp, path)\n",
        encoding="utf-8",
    )
    copy = tmp / "salinan.csv"
    copy.write_bytes(reg.read_bytes())
    figures.append(
        Figure(
            "permohonan putuskan (satu baris)",
            size,
            [
                _run(
                    [
                        *PPID,
                        "permohonan",
                        "putuskan",
                        n,
                        "--keputusan",
                        "diberikan",
                        "--tanpa-surat",
                    ],
                    env=env,
                )
                for n in todo
            ],  # fmt: skip
            _times(lambda: _run([PY, str(rewrite), str(copy)]), repeat),
            target=target(1.5),
        )
    )
    read = [PY, "-c", "import pandas as pd, sys\n"
            "for p in sys.argv[1:]: pd.read_csv(p, dtype=str, keep_default_na=False)",
            str(reg), str(ws / "registers/keberatan.csv")]  # fmt: skip
    floor = _times(lambda: _run(read), repeat)
    jt = [*PPID, "jatuh-tempo", "--format", "json"]
    figures.append(Figure("jatuh-tempo", size, _times(lambda: _run(jt, env=env), repeat), floor,
                          target=target(3.0), absolute=1.5 if at_target else None))  # fmt: skip
    annual = [*PPID, "laporan", "tahunan", "--tahun", "2026", "--format", "json"]
    fig = Figure("laporan tahunan", size, _times(lambda: _run(annual, env=env), repeat), floor,
                 target=target(3.0), absolute=2.0 if at_target else None)  # fmt: skip
    fig.rss_mb = _rss_mb(annual, env=env)
    figures.append(fig)
    return figures


def bench_letters(tmp: Path, count: int, repeat: int) -> Figure:
    """``count`` receipts through ppidctl's renderer vs bare docxtpl on the same template."""
    from docxtpl import DocxTemplate
    from jinja2 import Environment, StrictUndefined

    from ppidctl.letters import engine, sandbox
    from ppidctl.services.letters import Letter, context, render
    from ppidctl.workspace import init

    ws = init(tmp / "surat", "Komisi Pemilihan Umum Kota Mataram", "5271")
    from ppidctl.schema import keys

    row = dict.fromkeys(keys("permohonan"), "")
    row.update(nomor_registrasi="001/PPID/5271/III/2026", tanggal_diterima="2026-03-16",
               jatuh_tempo="2026-04-07", nama_pemohon="PT Maju & Jaya", alamat="Jl. Udayana 5",
               informasi_diminta="Salinan DPT", tujuan_penggunaan="Penelitian",
               status="terdaftar", saluran="langsung", jenis_pemohon="badan-hukum")  # fmt: skip
    letter = Letter("tanda-terima", row)
    day = __import__("datetime").date(2026, 3, 16)
    template = engine.find_template("tanda-terima", ws.templates_dir)
    ctx = context(ws, letter, day, "1/PL.02.2-SD/5271/III/2026")
    ctx.update(logo="", alasan_daftar=[], alasan_pilihan=[], biaya_rincian=[], lampiran="-")
    env = Environment(undefined=StrictUndefined, autoescape=True)
    env.filters.update(sandbox.FILTERS)  # (the same filters the templates may use)
    import io

    def bare() -> float:
        t = time.perf_counter()
        for _ in range(count):
            doc = DocxTemplate(str(template))
            doc.render(ctx, env)
            doc.save(io.BytesIO())
        return time.perf_counter() - t

    def ours() -> float:
        t = time.perf_counter()
        for _ in range(count):
            render(ws, letter, day, "1/PL.02.2-SD/5271/III/2026")
        return time.perf_counter() - t

    ours(), bare()  # warm imports and caches
    fig = Figure(f"{count} surat (tanda terima)", "-", _times(ours, repeat), _times(bare, repeat),
                 target=1.3)  # fmt: skip
    fig.notes.append(f"{count / fig.median:.0f} surat/detik")
    return fig


def bench_import(tmp: Path, rows: int, repeat: int) -> Figure:
    from benchmarks import bench_import as bi

    src = tmp / "impor.xlsx"
    bi.generate(src, rows)
    bare = [bi._run_child("--_child", "bare", str(src)) for _ in range(repeat)]
    floor = [bi._run_child("--_child", "lantai", str(src))["detik"] for _ in range(repeat)]
    runs = [
        bi._run_child("--_child", "impor", str(src), str(tmp / f"impor-ws-{i}"))
        for i in range(repeat)
    ]
    fig = Figure(f"impor XLSX {rows:,} baris", f"{rows:,}", [r["detik"] for r in runs],
                 [b["detik"] for b in bare], target=2.0)  # fmt: skip
    fig.rss_mb = max(r["mb"] for r in runs)
    fig.notes.append(f"{rows / fig.median:,.0f} baris/detik")
    fig.notes.append(
        f"tanpa validasi (baca + CSV + baris jurnal) sudah "
        f"{statistics.median(floor) / statistics.median(fig.floor):.2f}×"
    )
    return fig


def bench_consolidate(tmp: Path, offices: int, rows: int, repeat: int) -> Figure:
    dirs = [make_workspace(tmp / f"kantor-{i:02d}", rows) for i in range(offices)]
    files = [str(d / "registers" / f) for d in dirs for f in ("permohonan.csv", "keberatan.csv")]
    read = [PY, "-c", "import pandas as pd, sys\n"
            "for p in sys.argv[1:]: pd.read_csv(p, dtype=str, keep_default_na=False)", *files]  # fmt: skip
    cmd = [*PPID, "laporan", "tahunan", "--tahun", "2026", "--format", "json", "--gabung",
           *map(str, dirs)]  # fmt: skip
    env = _env(dirs[0])
    _run(cmd, env=env)
    return Figure(f"gabung {offices} kantor x {rows:,} baris", f"{offices * rows:,}",
                  _times(lambda: _run(cmd, env=env), repeat), _times(lambda: _run(read), repeat),
                  target=3.0)  # fmt: skip


# -- output -----------------------------------------------------------------------------------


def table(figures: list[Figure]) -> str:
    head = ("| ukuran | median s | min–max s | lantai s | rasio | target | RSS MB | |\n"
            "|---|---|---|---|---|---|---|---|")  # fmt: skip
    lines = ["| yang diukur " + head.split("\n")[0], "|---" + head.split("\n")[1]]
    for f in figures:
        target = []
        if f.target is not None:
            target.append(f"≤ {f.target:g}×")
        if f.absolute is not None:
            target.append(f"< {f.absolute:g} s")
        lines.append(
            f"| {f.what} | {f.size} | {f.median:.3f} | {min(f.times):.3f}–{max(f.times):.3f} | "
            f"{statistics.median(f.floor):.3f} | {f.ratio:.2f}× | {', '.join(target) or '-'} | "
            f"{f'{f.rss_mb:.0f}' if f.rss_mb else ''} | "
            f"{'ok' if f.ok else 'MELESET'}{'; ' + '; '.join(f.notes) if f.notes else ''} |"
        )
    return "\n".join(lines)


def growth(figures: list[Figure]) -> str:
    by: dict[str, list[Figure]] = {}
    for f in figures:
        if f.size.replace(",", "").isdigit():
            by.setdefault(f.what, []).append(f)
    lines = []
    for what, fs in by.items():
        if len(fs) < 2:
            continue
        first, last = fs[0], fs[-1]
        n0 = int(first.size.replace(",", ""))
        n1 = int(last.size.replace(",", ""))
        lines.append(
            f"- {what}: {first.median:.3f} s pada {first.size} baris → {last.median:.3f} s pada "
            f"{last.size} baris (×{last.median / first.median:.1f} waktu untuk ×{n1 / n0:.0f} data)"
        )
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{os.cpu_count()} core ({cpu}), {mem:.0f} GiB RAM, {platform.system()} "
            f"{platform.release()}, Python {platform.python_version()}")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Tolok ukur ppidctl.")
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="sekali jalan pada 1.000 baris")
    parser.add_argument("--tulis", type=Path, help="tulis tabel hasil ke berkas Markdown ini")
    args = parser.parse_args(argv)
    sizes = [1000] if args.quick else [int(s) for s in args.sizes.split(",")]
    repeat = 1 if args.quick else args.repeat
    figures: list[Figure] = []
    start = time.perf_counter()
    subprocess.run([PY, "-m", "compileall", "-q", str(HERE.parent / "src")], check=False)
    with tempfile.TemporaryDirectory(prefix="ppidctl-bench-") as t:
        tmp = Path(t)
        print(f"Mesin: {machine()}", file=sys.stderr)
        figures.append(bench_help(tmp, repeat))
        for rows in sizes:
            print(f"... register {rows:,} baris", file=sys.stderr)
            ws = make_workspace(tmp / f"ws-{rows}", rows)
            figures += bench_register(ws, tmp, rows, repeat)
        print("... surat", file=sys.stderr)
        figures.append(bench_letters(tmp, 20 if args.quick else 500, repeat))
        print("... impor", file=sys.stderr)
        figures.append(bench_import(tmp, 1000 if args.quick else 50_000, min(repeat, 3)))
        print("... gabung", file=sys.stderr)
        figures.append(bench_consolidate(tmp, 3 if args.quick else 50,
                                         500 if args.quick else 2000, repeat))  # fmt: skip
    report = table(figures)
    grow = growth(figures)
    print(report)
    if grow:
        print("\nPertumbuhan:\n" + grow)
    print(f"\n({time.perf_counter() - start:.0f} s)", file=sys.stderr)
    if args.tulis:
        args.tulis.write_text(
            f"Mesin: {machine()}\n\nMedian dari {repeat} kali (min–max); lantai diukur pada "
            f"jalan yang sama.\n\n{report}\n\n{grow}\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
