"""``ppidctl``: the root command, its global options, and the sub-command groups."""

from pathlib import Path
from typing import Annotated

import typer

from .. import __version__
from .common import (
    CONTEXT_HELP,
    Bulan,
    Cari,
    Dalam,
    Dari,
    FmtList,
    Format,
    Sampai,
    Status,
    Terlambat,
    emit,
    err,
    filters,
    guard,
    state,
)
from .usage import Akar

CONTEXT = CONTEXT_HELP

app = typer.Typer(
    name="ppidctl",
    help="Register permohonan informasi publik dan keberatan PPID (UU 14/2008), dengan tenggat "
    "hari kerja, surat docx, dan laporan.",
    no_args_is_help=True,
    context_settings=CONTEXT,
    pretty_exceptions_enable=False,
    add_completion=False,
    cls=Akar,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ppidctl {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    dir: Annotated[
        str | None,  # (as typed: a Path would read "" as ".", this folder)
        typer.Option(
            "-C",
            "--dir",
            metavar="FOLDER",
            help="Folder workspace (bawaan: $PPIDCTL_DIR, lalu folder induk).",
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Tampilkan versi.")
    ] = False,
) -> None:
    if dir is not None:  # ("$PPID_WS" unset in a cron job: not whatever folder it runs in)
        if not dir.strip():
            raise typer.BadParameter(
                "kosong (isi folder workspace, atau hapus opsinya)", param_hint="-C / --dir"
            )
        if Path(dir).is_file():
            raise typer.BadParameter(
                f"'{dir}' adalah berkas, bukan folder", param_hint="-C / --dir"
            )
    state.dir = dir
    state.warned = False


INSTANSI, KODE = "Komisi Pemilihan Umum Kota Mataram", "5271"  # our first office


@app.command()
@guard
def init(
    ctx: typer.Context,
    folder: Annotated[str, typer.Argument(help="Folder workspace baru.", metavar="FOLDER")] = ".",
    instansi: Annotated[str, typer.Option(help="Nama instansi.")] = INSTANSI,
    kode_satker: Annotated[str, typer.Option(help="Kode wilayah/satker.")] = KODE,
    nama_singkat: Annotated[
        str | None, typer.Option(help="Nama singkat, mis. KPU Kota Mataram.")
    ] = None,
) -> None:
    """Buat workspace baru: ppidctl.toml, registers/, templates/, letters/."""
    from ..workspace import init as do_init

    if not folder.strip():  # (a Path would read "" as ".", this folder)
        from ..errors import UsageError

        raise UsageError("folder workspace kosong", "tulis foldernya, mis.: ppidctl init ~/ppid")
    ws = do_init(Path(folder), instansi, kode_satker, nama_singkat)
    err(f"Workspace dibuat di {ws.root}")
    if ws.settings.get("instansi", "nama") != instansi.strip():
        err(
            f'Catatan: nama instansi ditulis "{ws.settings.get("instansi", "nama")}": surat '
            'menambahkan "PPID" sendiri'
        )
    bawaan = [
        f"{opsi} {nilai}"
        for p, opsi, nilai in (
            ("instansi", "--instansi", f'"{INSTANSI}"'),
            ("kode_satker", "--kode-satker", KODE),
        )
        if ctx.get_parameter_source(p).name == "DEFAULT"
    ]
    if bawaan:  # (a second office's numbers given to the public can never be changed)
        err(
            f"Catatan: init memakai nilai bawaan {' dan '.join(bawaan)} (KPU Kota Mataram, kantor "
            "pertama ppidctl). Kantor lain: hapus folder ini sebelum mencatat apa pun, lalu "
            "jalankan init dengan "
            "--instansi dan --kode-satker — nomor registrasi yang sudah diberikan tidak dapat "
            "diubah."
        )
    from ..config import ZONA, zona_of

    isi = ", ".join(f"{s}.{k}" for s, k in ws.settings.stand_ins())
    err(f"Sunting {ws.root / 'ppidctl.toml'} dengan data kantor: {isi}.")
    zona = ws.settings.zona_waktu
    err(
        f"Zona waktu: {zona} ({ZONA[zona][0].split()[0]}), "
        + (
            f"dari provinsi kode satker {kode_satker}"
            if zona_of(kode_satker)
            else f"bawaan: kode satker {kode_satker} tidak menyebut provinsi"
        )
        + " — ubah instansi.zona_waktu bila salah."
    )
    err(  # (the desk's first 001 of the year would be a number the old book already gave)
        "Buku register tahun ini yang sudah ada: impor dulu (ppidctl -C FOLDER impor BUKU "
        "--register permohonan, lalu keberatan) sebelum mencatat permohonan pertama, agar "
        "nomornya berlanjut."
    )
    typer.echo(str(ws.root))


@app.command("jatuh-tempo")
@guard
def jatuh_tempo(
    format: FmtList = Format.teks,
    status: Status = None,
    dari: Dari = None,
    sampai: Sampai = None,
    bulan: Bulan = None,
    cari: Cari = None,
    terlambat: Terlambat = False,
    dalam: Dalam = None,
) -> None:
    """Semua perkara terbuka di kedua register, menurut tenggat; yang terlambat di atas."""
    from operator import itemgetter

    from ..services.queries import DUE_CASE_KEYS, due_cases
    from .common import KASUS, warnings, workspace

    ws = workspace(KASUS)
    peringatan: dict[str, None] = {}
    rows = due_cases(
        ws, filters(status, dari, sampai, bulan, cari, terlambat, dalam), peringatan=peringatan
    )
    warnings(list(peringatan))
    columns = [
        ("register", "Register"),
        ("nomor_registrasi", "Nomor"),
        ("nama_pemohon", "Pemohon"),
        ("status", "Status"),
        ("jenis_tenggat", "Tenggat untuk"),
        ("pihak", "Pihak"),
        ("jatuh_tempo", "Jatuh tempo"),
        ("sisa_hari_kerja", "Sisa hari kerja"),
    ]

    def style(r):
        left = r["sisa_hari_kerja"]
        if left is None or r["pihak"] != "kantor":  # (a requester's window is not overdue)
            return ""
        if left < 0:
            return "bold red"
        return "yellow" if left <= 2 else ""

    if format is Format.teks:  # (on paper, without colour, a minus sign is easily missed)
        rows = [
            {**r, "sisa_hari_kerja": _sisa(r["sisa_hari_kerja"]), "_gaya": style(r)} for r in rows
        ]
        style = itemgetter("_gaya")
    emit(
        rows,
        format,
        columns,
        title=f"Jatuh tempo per {ws.today().isoformat()}",
        styles=style,
        csv_keys=DUE_CASE_KEYS,
        spare=("pihak", "register", "status", "jenis_tenggat"),
    )


def _sisa(left: int | None) -> str | int | None:
    """Working days left as the table shows them: "hari ini" on the due day, "lewat N" after."""
    if left is None or left > 0:
        return left
    return "hari ini" if left == 0 else f"lewat {-left}"


def _register_groups() -> None:
    from . import ekspor, impor, kalender, keberatan, laporan, periksa, permohonan, surat

    app.add_typer(permohonan.app, name="permohonan")
    app.add_typer(keberatan.app, name="keberatan")
    app.add_typer(surat.app, name="surat")
    app.add_typer(kalender.app, name="kalender")
    app.add_typer(kalender.tahapan_app, name="tahapan")
    app.add_typer(laporan.app, name="laporan")
    app.command("ekspor")(ekspor.ekspor)
    app.command("impor")(impor.impor)
    app.command("periksa")(periksa.periksa)
    app.command("pulihkan")(periksa.pulihkan)
    app.command("arsip")(periksa.arsip)


_register_groups()


def _utf8_output() -> None:
    """Data written to a file or a pipe is UTF-8, as the contract says, whatever the machine's
    code page (Windows gives a redirected stdout cp1252, where "≤" or "→" was a traceback);
    messages, and a console on a code page (Windows' legacy console, ``> NUL``), never fail on
    a character they cannot show. Under ``python -u`` /
    ``PYTHONUNBUFFERED`` (Docker images, systemd units) stdout to a file or pipe is buffered
    again: a text stream straight on the raw file drops the rest of a short write (a full disk,
    a reader gone) without an error, and a script got half a report with exit 0."""
    import io
    import sys

    out = sys.stdout
    if out is not None and not out.isatty():
        if isinstance(getattr(out, "buffer", None), io.FileIO):
            out.flush()
            sys.stdout = out = io.TextIOWrapper(
                io.BufferedWriter(out.buffer),
                encoding=out.encoding,
                errors=out.errors,
                write_through=True,
            )
        if (out.encoding or "").lower() != "utf-8":
            out.reconfigure(encoding="utf-8")
    elif out is not None and (out.encoding or "").lower().replace("-", "") != "utf8":
        out.reconfigure(errors="replace")  # (a console on a code page: "—" shown as "?")
    err = sys.stderr
    if err is not None:  # (redirected with stdout, `> log.txt 2>&1`: one file, one encoding —
        # review konsol L1)
        err.reconfigure(errors="replace", **({} if err.isatty() else {"encoding": "utf-8"}))


def _utf8_input() -> None:
    """What is typed on a UTF-8 terminal into a system whose locale is an 8-bit code page (a
    Linux server set up with ``LANG=en_US``, ISO-8859-1, reached over PuTTY) was decoded in
    that code page: "Zoë" stored as "ZoÃ«" in the register and the letters, "Ä" refused as a
    control character (review konsol M1). A command line whose bytes are UTF-8 (text in a real
    8-bit code page almost never is) runs again in Python's UTF-8 mode, as under ``LANG=C``:
    its text, its file names (review sesi30 M1: re-read as text alone, a folder "Zoë" was no
    longer found), the form and the screen all UTF-8. The form's answers are read likewise
    (:func:`~.common.utf8_typed`); under a UTF-8 locale nothing changes."""
    import os
    import sys

    from .common import utf8_typed

    if os.name != "posix" or sys.flags.utf8_mode:
        return
    if any(utf8_typed(a, None) != a for a in sys.argv):
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
        os.execv(sys.executable, [sys.executable, "-X", "utf8", *sys.orig_argv[1:]])
    if sys.stdin is not None and sys.stdin.isatty():  # (bytes the code page lacks: kept, not
        sys.stdin.reconfigure(errors="surrogateescape")  # a traceback — konsol L3)


def main() -> None:
    _utf8_output()
    _utf8_input()
    app(prog_name="ppidctl")  # (also under `python -m ppidctl`: hints name the command to type)
