"""``ppidctl impor FILE --register permohonan|keberatan``: a legacy spreadsheet into a register.

Thin: the reading, checking, numbering and writing live in :mod:`ppidctl.services.impor`. A dry
run (``--coba``) prints the plan on stdout (the mapping, the counts, every problem, a preview); a
real run prints the mapping on stderr and the counts on stdout; ``--format json`` has one shape
for all three (see :func:`_json`), ``--format csv`` one line per source row with its action and
problems (see :func:`_csv`: the worklist a migration opens in Excel). A real run with problems and without
``--lewati-baris-bermasalah`` is refused (exit 1, every problem listed, nothing written);
``--coba`` exits as that real run would (1 when it would be refused, else 0), so a script can
check first.
"""

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .common import FmtList, Format, echo, err, guard, warnings, workspace, write_csv

if TYPE_CHECKING:
    from ..services.impor import Plan

#: a file at least this big (bytes), or this many rows read, shows a progress bar on a terminal
BESAR_BYTE = 1_000_000
BESAR_BARIS = 2_000
PRATINJAU = 10


class Register(StrEnum):
    permohonan = "permohonan"
    keberatan = "keberatan"


class _Kemajuan:
    """Rows read so far, as a Rich progress bar on stderr: only on a terminal, and only for a
    large file (the bar appears once it is known to be large)."""

    def __init__(self, path: Path) -> None:
        try:
            self.aktif = sys.stderr.isatty()
            self.besar = path.stat().st_size >= BESAR_BYTE
        except (AttributeError, ValueError, OSError):
            self.aktif = self.besar = False
        self.bar = None
        self.task = None

    def __call__(self, n: int) -> None:
        if not self.aktif:
            return
        if self.bar is None:
            if not (self.besar or n >= BESAR_BARIS):
                return
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.bar = Progress(
                SpinnerColumn(),
                TextColumn("Membaca baris {task.fields[baris]}"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("baca", total=None, baris=_ribuan(n))
        self.bar.update(self.task, completed=n, baris=_ribuan(n))

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None

    def menulis(self, n: int):
        """A spinner while ``n`` rows are checked and written (a large import takes seconds)."""
        from contextlib import nullcontext

        if not (self.aktif and (self.besar or n >= BESAR_BARIS)):
            return nullcontext()
        from rich.console import Console

        return Console(stderr=True).status(f"Menyimpan {_ribuan(n)} baris ke register…")


def _ribuan(n: int) -> str:
    """5.500, as Indonesians write it."""
    return f"{n:,}".replace(",", ".")


def _mapping_lines(p) -> list[str]:
    lines = []
    for t in p.tabel:
        where = f"lembar '{t.lembar}', " if t.lembar else ""
        rows = (
            f"baris {t.baris_header}–{t.baris_subheader}"
            if t.baris_subheader
            else f"baris {t.baris_header}"
        )
        lines.append(f"Tabel: {p.berkas.name}, {where}judul kolom {rows}")
        width = max((len(h) for h in t.pemetaan), default=0)
        for header, key in t.pemetaan.items():
            lines.append(f"  {header:<{width}}  →  {key}")
        if t.tidak_cocok:
            lines.append(
                "  Kolom tidak dikenali (isinya disimpan di catatan): "
                + ", ".join(f"'{h}'" for h in t.tidak_cocok)
            )
        for note in t.keterangan:
            lines.append(f"  Catatan: {note}")
        for row, text in t.dilewati:
            lines.append(f"  Dilewati: baris {row} ({text})")
        if t.akhir:
            lines.append(f"  Tabel berakhir di baris {t.akhir[0]} ({t.akhir[1]})")
    return lines


def _count_lines(p, coba: bool) -> list[str]:
    j = p.jumlah()
    verb = "Akan diimpor" if coba else "Diimpor"
    lines = [
        f"Baris data   : {j['baris']}",
        f"{verb:<13}: {j['impor']}"
        + (f" (nomor baru: {j['nomor_baru']})" if j["nomor_baru"] else ""),
        f"Sudah ada    : {j['sudah_ada']}",
        f"Ditolak      : {j['ditolak']}"
        + (f" (duplikat: {j['duplikat']})" if j["duplikat"] else ""),
    ]
    return lines


def _preview(p) -> None:
    """The first rows to import, as ``daftar`` shows a list (fitted to the screen: columns left
    out, or one block per row, rather than dates and names cut)."""
    from .common import Format, emit

    rows = p.impor[:PRATINJAU]
    if not rows:
        return
    records = [{"lembar": b.lembar, "baris": b.baris, **b.simpan()} for b in rows]
    sheet = [("lembar", "Lembar")] if p.banyak_lembar else []  # ("Baris 5" of each month's)
    emit(
        records,
        Format.teks,
        [*sheet, ("baris", "Baris"), ("nomor_registrasi", "Nomor"),
         ("tanggal_diterima", "Diterima"), ("nama_pemohon", "Pemohon"), ("status", "Status"),
         ("jatuh_tempo", "Jatuh tempo")],
        title=f"Pratinjau ({len(rows)} baris pertama yang akan diimpor)",
        spare=("jatuh_tempo", "tanggal_diterima"),
    )  # fmt: skip


@guard
def impor(
    berkas: Annotated[
        Path,
        typer.Argument(
            help="Berkas register lama: .xlsx, .xlsm, .xls, .xlsb, .ods atau .csv.",
            dir_okay=False,
            metavar="BERKAS",
        ),
    ],
    register: Annotated[
        Register | None,
        typer.Option(  # (named, not "<permohonan|keberatan>": at 80 columns that cut the
            # option names beside it to "--lewati-baris-bermas…")
            "--register",
            metavar="REGISTER",
            help="Register tujuan: permohonan | keberatan (wajib, kecuali --daftar-lembar).",
        ),
    ] = None,
    lembar: Annotated[
        str | None,
        typer.Option(
            "--lembar", help="Nama lembar (sheet), atau ALL untuk semua lembar berisi tabel."
        ),
    ] = None,
    daftar_lembar: Annotated[
        bool, typer.Option("--daftar-lembar", help="Tampilkan nama lembar berkas, lalu selesai.")
    ] = False,
    pemisah: Annotated[
        str | None,
        typer.Option("--pemisah", help="Paksa pemisah kolom CSV: ; , | atau tab."),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option("--encoding", help="Paksa encoding CSV, mis. utf-8, cp1252, latin-1."),
    ] = None,
    peta: Annotated[
        Path | None,
        typer.Option(
            "--peta",
            help='Berkas TOML pemetaan kolom: \\[kolom] "Judul Asli" = "kunci".',
            dir_okay=False,
        ),
    ] = None,
    coba: Annotated[
        bool,
        typer.Option("--coba", help="Uji coba: tampilkan yang akan diimpor dan semua masalah."),
    ] = False,
    lewati: Annotated[
        bool,
        typer.Option(
            "--lewati-baris-bermasalah",
            help="Impor baris yang baik; baris bermasalah ditulis ke berkas tolak (impor/).",
        ),
    ] = False,
    petugas: Annotated[
        str, typer.Option("--petugas", envvar="PPIDCTL_PETUGAS", help="Nama petugas.")
    ] = "",
    format: FmtList = Format.teks,
) -> None:
    """Impor register lama (Excel/LibreOffice/CSV): semua atau tidak sama sekali."""
    from ..services import impor as svc

    if daftar_lembar:
        from ..legacy.reader import list_sheets_hidden

        sheets = list_sheets_hidden(berkas)
        if format is Format.json:
            typer.echo(json.dumps([n for n, _ in sheets], ensure_ascii=False))
        elif format is Format.csv:
            write_csv(["lembar", "tersembunyi"], [[n, "ya" if h else ""] for n, h in sheets])
        elif not sheets:
            err(f"{berkas.name} adalah berkas CSV: tidak punya lembar")
        for name, hidden in sheets if format is Format.teks else ():
            echo(f"{name} (tersembunyi)" if hidden else name)
        return
    if register is None:
        raise typer.BadParameter(
            "pilih register tujuan: --register permohonan atau --register keberatan",
            param_hint="--register",
        )
    ws = workspace()
    bar = _Kemajuan(berkas)
    try:
        p = svc.plan(
            ws,
            berkas,
            register.value,
            kemajuan=bar,
            lembar=lembar,
            pemisah=pemisah,
            encoding=encoding,
            peta=peta,
        )
    finally:
        bar.stop()
    warnings(p.peringatan)

    if coba:
        if format is Format.json:
            _json(p)
        elif format is Format.csv:
            _csv(p)
        else:
            for line in _mapping_lines(p) + [""] + _count_lines(p, coba=True):
                echo(line)
            problems = p.baris_masalah()
            if problems:
                echo(f"Masalah ({len(problems)}):")
                for line in problems:
                    echo(f"  {line}")
                if ringkas := p.ringkasan_masalah():
                    echo("Ringkasan masalah menurut jenisnya:")
                    for line in ringkas:
                        echo(f"  {line}")
            _preview(p)
        err("Uji coba (--coba): tidak ada yang ditulis.")
        if p.ditolak and not lewati:  # exit 1 as the real run would: a script can check first
            raise svc.ImporDitolak(p, coba=True)
        return

    for line in _mapping_lines(p):
        err(line)
    try:
        with bar.menulis(len(p.impor)):
            result = svc.apply(ws, p, lewati=lewati, petugas=petugas)
    except svc.ImporDitolak:
        if format is Format.json:  # scripts get every problem as JSON too (exit 1)
            _json(p)
        elif format is Format.csv:
            _csv(p)
        raise
    if format is Format.json:
        # (absolute, as every path in JSON output: a script runs from anywhere)
        tolak = str(ws.root / result.berkas_tolak) if result.berkas_tolak else None
        _json(p, tolak, diterapkan=True)
    elif format is Format.csv:
        _csv(p)
        if result.berkas_tolak:  # (stdout is the table: the file is named beside it)
            err(f"Berkas tolak : {result.berkas_tolak}")
    else:
        for line in _count_lines(p, coba=False):
            echo(line)
        if result.berkas_tolak:
            echo(f"Berkas tolak : {result.berkas_tolak}")
    if result.ditolak:
        err(f"{len(result.ditolak)} baris bermasalah tidak diimpor:")
        for line in p.baris_masalah():
            err(f"  {line}")


def _json(p: "Plan", berkas_tolak: str | None = None, diterapkan: bool = False) -> None:
    """One JSON shape for a dry run, a refused run and a real one: the plan (mapping, counts,
    problems, every row with its action), whether the import was carried out (``diterapkan``:
    false for ``--coba`` and a refusal), the rejects file, and the imported and refused rows by
    sheet and row."""
    typer.echo(
        json.dumps(
            {
                **p.as_dict(),
                "diterapkan": diterapkan,
                "berkas_tolak": berkas_tolak,
                "diimpor": [  # (none unless carried out: "baris" has each row's planned action)
                    {"lembar": b.lembar, "baris": b.baris, "nomor_registrasi": b.nomor_registrasi}
                    for b in (p.impor if diterapkan else ())
                ],
                "ditolak": [
                    {
                        "lembar": b.lembar,
                        "baris": b.baris,
                        "masalah": [m.as_dict() for m in b.masalah],
                    }
                    for b in p.ditolak
                ],
            },
            ensure_ascii=False,
            indent=2,
        )
    )


def _csv(p: "Plan") -> None:
    """One line per source row: its sheet and row as Excel shows them, what the import does
    (or did) with it — ``impor``, ``sudah-ada``, ``tolak`` — its registration number and its
    problems (``kolom: masalah``, joined by " | ")."""
    write_csv(
        ["lembar", "baris", "tindakan", "nomor_registrasi", "masalah"],
        [
            [
                b.lembar,
                b.baris,
                b.tindakan,
                b.nomor_registrasi,
                " | ".join(f"{m.kolom}: {m.pesan}" if m.kolom else m.pesan for m in b.masalah),
            ]
            for b in p.baris
        ],
    )
