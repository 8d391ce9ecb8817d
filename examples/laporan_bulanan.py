"""Example: a monthly report from a Python script, with the ppidctl library API.

    python examples/laporan_bulanan.py WORKSPACE --bulan 2026-03 [--keluaran laporan.xlsx]

Shows the three layers a script can use:

1. the registers as typed pandas DataFrames (``ws.frame``): here, requests per channel;
2. the report object behind ``ppidctl laporan bulanan`` (``monthly``): key figures and tables;
3. the report files (``save_report``): the workbook with charts, or the narrative docx.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Laporan bulanan PPID lewat API Python.")
    parser.add_argument("workspace", type=Path, help="folder workspace ppidctl")
    parser.add_argument("--bulan", required=True, help="YYYY-MM")
    parser.add_argument("--keluaran", type=Path, help="tulis juga .xlsx atau .docx")
    args = parser.parse_args(argv)

    from ppidctl import Workspace
    from ppidctl.reports import monthly, save_report

    ws = Workspace.find(args.workspace)

    # 1. The register as a DataFrame: dates are datetime64, so pandas can group by them.
    df = ws.frame("permohonan")
    in_month = df[df["tanggal_diterima"].dt.strftime("%Y-%m") == args.bulan]
    print(f"Permohonan {args.bulan} per saluran (dari DataFrame):")
    for saluran, n in in_month["saluran"].value_counts().sort_index().items():
        print(f"  {saluran or '(tidak diisi)':<12} {n}")

    # 2. The report object: the same figures as `ppidctl laporan bulanan`.
    lap = monthly(ws, args.bulan)
    r = lap.ringkasan
    print(f"\n{lap.judul} — {', '.join(lap.kantor)}")
    print(f"  permohonan diterima        : {r['permohonan_diterima']}")
    print(f"  pemberitahuan tertulis     : {r['pemberitahuan_tertulis']}")
    print(f"  median HK ke pemberitahuan : {r['median_hk_pemberitahuan']}")
    print(f"  keberatan diterima         : {r['keberatan_diterima']}")
    waktu = lap["waktu"].frame().set_index("ukuran")
    print("\nWaktu layanan (hari kerja):")
    print(waktu[["jumlah", "median", "rata_rata", "maksimum"]].to_string())

    # 3. The files: personal data masked by default.
    if args.keluaran:
        path = save_report(lap, args.keluaran)
        print(f"\nLaporan ditulis: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
