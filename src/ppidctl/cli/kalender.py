"""``ppidctl kalender …`` and ``ppidctl tahapan …``: working days, office days off, stages."""

from datetime import date
from typing import Annotated

import typer

from .common import CONTEXT_HELP, Format, FormatRekaman, emit, err, guard, warnings, workspace

app = typer.Typer(
    help="Kalender hari kerja: hitung tenggat, daftar libur, libur kantor.",
    no_args_is_help=True,
    context_settings=CONTEXT_HELP,
)
tahapan_app = typer.Typer(
    help="Tahapan pemilu/pemilihan (untuk tenggat 3 hari kerja).",
    no_args_is_help=True,
    context_settings=CONTEXT_HELP,
)

Fmt = Annotated[Format, typer.Option("--format", help="teks | json | csv")]
FmtRekam = Annotated[FormatRekaman, typer.Option("--format", help="teks | json")]
JENIS = {
    "akhir_pekan": "akhir pekan",
    "libur_nasional": "libur nasional",
    "cuti_bersama": "cuti bersama",
    "libur_kantor": "libur kantor",
}
HARI_KERJA_KANTOR = "hari kerja kantor"  # (registers/libur.csv: a day off the office works)


@app.command()
@guard
def hitung(
    tanggal: Annotated[
        str, typer.Argument(help="Tanggal diterima, YYYY-MM-DD (hari ke-0).", metavar="TANGGAL")
    ],
    hari: Annotated[
        int, typer.Argument(help="Jumlah hari kerja.", min=0, max=3650, metavar="HARI")
    ],
    format: Fmt = Format.teks,
) -> None:
    """Tanggal tenggat N hari kerja setelah TANGGAL, dengan hari libur yang dilewati.

    Hari libur yang dijadikan hari kerja kantor (kalender tambah --hari-kerja) dan ikut
    dihitung disebut. Dengan --format csv, baris terakhir adalah tenggatnya sendiri (jenis
    "jatuh tempo"); hari kerja kantor yang dihitung berjenis "hari kerja kantor".
    """
    from ..rules import validation as v

    ws = workspace(("libur",))  # (the days off it counts on: gone or edited, told — 32e M2)
    start = v.tanggal(tanggal, "TANGGAL")
    due = ws.calendar.add_workdays(start, hari)
    skipped = [
        {
            "tanggal": d.tanggal.isoformat(),
            "jenis": JENIS.get(d.jenis, d.jenis),
            "keterangan": d.keterangan + (" (perkiraan)" if d.perkiraan else ""),
        }
        for d in due.dilewati
    ]
    worked = [  # (a Saturday counted as day 2: told, not a deadline that looks wrong)
        {
            "tanggal": ov.tanggal.isoformat(),
            "jenis": HARI_KERJA_KANTOR,
            "keterangan": _semula(ov, o),
        }
        for ov, o in ws.calendar.office_workdays(start, due.tanggal)
        if o is not None
    ]
    warnings(due.peringatan)
    off = ws.calendar.day_off(start)  # (day 0 itself off: why counting starts later)
    libur = (off.keterangan or JENIS.get(off.jenis, off.jenis)) if off else None
    if format is Format.json:
        import json

        typer.echo(
            json.dumps(
                {
                    "mulai": tanggal,
                    "hari_kerja": hari,
                    "jatuh_tempo": due.tanggal.isoformat(),
                    "dilewati": skipped,
                    "hari_kerja_kantor": worked,
                    "mulai_hari_libur": libur,
                    "peringatan": list(due.peringatan),
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    if format is Format.teks:
        from ..letters.fmt import tanggal_panjang

        typer.echo(
            f"Jatuh tempo: {due.tanggal.isoformat()} ({_hari(due.tanggal)}, "
            f"{tanggal_panjang(due.tanggal)}) — {hari} hari kerja setelah {tanggal}"
        )
        if libur:
            first = ws.calendar.add_workdays(start, 1).tanggal
            typer.echo(
                f"{tanggal} adalah hari libur ({libur}); hari kerja pertama: "
                f"{first.isoformat()} ({_hari(first)})"
            )
        for w in worked:
            day = date.fromisoformat(w["tanggal"])
            typer.echo(f"Dihitung sebagai hari kerja kantor: {w['tanggal']} ({_hari(day)}) — "
                       f"{w['keterangan']}")  # fmt: skip
        if not skipped:
            typer.echo("Tidak ada hari libur yang dilewati.")
            return
        typer.echo(f"Hari tidak dihitung ({len(skipped)}):")
    else:  # csv: one table, so the deadline is its last row (after the days skipped to reach it)
        skipped = sorted(skipped + worked, key=lambda r: r["tanggal"])
        skipped.append(
            {
                "tanggal": due.tanggal.isoformat(),
                "jenis": "jatuh tempo",
                "keterangan": f"{hari} hari kerja setelah {start.isoformat()}",
            }
        )
    emit(
        skipped, format, [("tanggal", "Tanggal"), ("jenis", "Jenis"), ("keterangan", "Keterangan")]
    )


def _semula(ov, off) -> str:
    """An office working day's reason, with the day off it replaces."""
    if off is None:
        return ov.keterangan
    return f"{ov.keterangan} (semula {JENIS.get(off.jenis, off.jenis)}: {off.keterangan})"


def _hari(d) -> str:
    from ..letters.fmt import HARI

    return HARI[d.weekday()]


@app.command()
@guard
def libur(
    tahun: Annotated[int, typer.Option(help="Tahun.", min=1946, max=2100)],
    format: Fmt = Format.teks,
) -> None:
    """Hari libur nasional, cuti bersama, dan libur kantor dalam setahun.

    Hari libur yang dijadikan hari kerja kantor (kalender tambah --hari-kerja) ikut terdaftar
    dengan jenis "hari kerja kantor".
    """
    from ..rules.calendar import DICOCOKKAN_SKB

    ws = workspace(("libur",))
    rows = [
        {
            "tanggal": d.tanggal.isoformat(),
            "hari": _hari(d.tanggal),
            "jenis": JENIS.get(d.jenis, d.jenis),
            "keterangan": d.keterangan + (" (perkiraan)" if d.perkiraan else ""),
        }
        for d in ws.calendar.days_off(tahun)
    ]
    for ov, off in ws.calendar.office_workdays(date(tahun - 1, 12, 31), date(tahun, 12, 31)):
        rows.append(
            {
                "tanggal": ov.tanggal.isoformat(),
                "hari": _hari(ov.tanggal),
                "jenis": HARI_KERJA_KANTOR,
                "keterangan": _semula(ov, off),
            }
        )
    rows.sort(key=lambda r: r["tanggal"])
    gap = ws.calendar.gap(tahun)
    if gap:  # (a list read as complete for next year's planning)
        warnings([f"Daftar ini untuk tahun {tahun}, {gap}"])
    elif tahun > max(DICOCOKKAN_SKB):  # (a coming year's list, used for its deadlines)
        err(
            f"Catatan: daftar {tahun} berasal dari paket holidays; yang dicocokkan ppidctl hari "
            f"demi hari dengan SKB hanya {'–'.join(map(str, sorted(DICOCOKKAN_SKB)))}. Cocokkan "
            f"sekali dengan SKB {tahun} dan catat bedanya dengan ppidctl kalender tambah."
        )
    emit(
        rows,
        format,
        [
            ("tanggal", "Tanggal"),
            ("hari", "Hari"),
            ("jenis", "Jenis"),
            ("keterangan", "Keterangan"),
        ],
        title=f"Hari libur {tahun}",
    )


@app.command()
@guard
def tambah(
    tanggal: Annotated[str, typer.Argument(help="YYYY-MM-DD", metavar="TANGGAL")],
    keterangan: Annotated[str, typer.Option(help="Alasan/dasar, mis. SK Wali Kota.")],
    hari_kerja: Annotated[
        bool, typer.Option("--hari-kerja", help="Tanggal ini justru hari kerja.")
    ] = False,
    petugas: Annotated[str, typer.Option(envvar="PPIDCTL_PETUGAS", help="Nama petugas.")] = "",
    format: FmtRekam = FormatRekaman.teks,
) -> None:
    """Catat libur kantor (atau hari kerja tambahan) di registers/libur.csv."""
    from ..services.kalender import add_day

    row, moved = add_day(workspace(), tanggal, keterangan, hari_kerja=hari_kerja, petugas=petugas)
    if format is FormatRekaman.json:  # (the row as stored, and each case it moved)
        keys = ("berkas", "nomor_registrasi", "perubahan")  # ("berkas: NOMOR: perubahan")
        cases = [dict(zip(keys, m.split(": ", 2), strict=True)) for m in moved]
        _json({"data": row, "dihitung_ulang": cases})
        return
    what = "hari kerja tambahan" if hari_kerja else "libur kantor"
    typer.echo(f"{row['tanggal']} dicatat sebagai {what}: {row['keterangan']}")
    if moved:
        cases = len({line.split(": ", 2)[1] for line in moved})  # ("berkas: NOMOR: perubahan")
        err(
            f"Dihitung ulang dengan kalender ini ({cases} perkara: tenggat perkara terbuka, "
            "keterlambatan jawaban yang sudah diberikan):\n" + "\n".join(f"  {m}" for m in moved)
        )
    else:
        err("Tidak ada tenggat atau keterlambatan perkara yang berubah.")


@tahapan_app.command("tambah")
@guard
def tahapan_tambah(
    nama: Annotated[str, typer.Argument(help="Nama tahapan.", metavar="NAMA")],
    mulai: Annotated[str, typer.Option(help="YYYY-MM-DD")],
    selesai: Annotated[str, typer.Option(help="YYYY-MM-DD")],
    petugas: Annotated[str, typer.Option(envvar="PPIDCTL_PETUGAS", help="Nama petugas.")] = "",
    format: FmtRekam = FormatRekaman.teks,
) -> None:
    """Tambah tahapan pemilu ke ppidctl.toml."""
    from ..services.kalender import add_stage

    st = add_stage(workspace(), nama, mulai, selesai, petugas)
    if format is FormatRekaman.json:
        _json({"nama": st.nama, "mulai": st.mulai.isoformat(), "selesai": st.selesai.isoformat()})
        return
    typer.echo(f"Tahapan '{st.nama}' {st.mulai} s.d. {st.selesai} ditambahkan.")


def _json(data: dict) -> None:
    import json

    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


@tahapan_app.command("daftar")
@guard
def tahapan_daftar(
    tanggal: Annotated[
        str | None, typer.Option(help="Berjalan pada tanggal (bawaan: hari ini).")
    ] = None,
    format: Fmt = Format.teks,
) -> None:
    """Daftar tahapan dan mana yang sedang berjalan."""
    from ..rules import validation as v
    from ..services.kalender import stages

    ws = workspace()
    on = v.tanggal(tanggal, "--tanggal") if tanggal else ws.today()
    emit(
        stages(ws, on),
        format,
        [
            ("nama", "Tahapan"),
            ("mulai", "Mulai"),
            ("selesai", "Selesai"),
            ("berjalan", f"Berjalan {on}"),
        ],
    )
