"""``ppidctl ekspor``: the official register book (xlsx), or csv / json for other programs."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .common import (
    Bulan,
    Cari,
    Dalam,
    Dari,
    Sampai,
    Status,
    Terlambat,
    err,
    file_written,
    filters,
    guard,
    workspace,
)


class Register(StrEnum):
    permohonan = "permohonan"
    keberatan = "keberatan"


class ExportFormat(StrEnum):
    xlsx = "xlsx"
    csv = "csv"
    json = "json"


@guard
def ekspor(
    register: Annotated[Register, typer.Option("--register", help="permohonan | keberatan")],
    format: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format",
            help="xlsx | csv | json (bawaan: menurut akhiran --keluaran; tanpa --keluaran: csv).",
        ),
    ] = None,
    keluaran: Annotated[
        Path | None,
        typer.Option(
            "--keluaran",
            "-o",
            help="Berkas tujuan (wajib untuk xlsx; - = cetak ke layar/keluaran standar).",
            dir_okay=False,
        ),
    ] = None,
    pemisah: Annotated[
        str,
        typer.Option(
            "--pemisah", help='Pemisah kolom CSV: "," atau ";" (Excel berpengaturan Indonesia).'
        ),
    ] = ",",
    tanpa_sensor: Annotated[
        bool,
        typer.Option(
            "--tanpa-sensor",
            help="NIK, alamat, telepon, e-mail tidak disamarkan (internal; dicatat di jurnal).",
        ),
    ] = False,
    petugas: Annotated[
        str, typer.Option("--petugas", envvar="PPIDCTL_PETUGAS", help="Nama petugas.")
    ] = "",
    status: Status = None,
    dari: Dari = None,
    sampai: Sampai = None,
    bulan: Bulan = None,
    cari: Cari = None,
    terlambat: Terlambat = False,
    dalam: Dalam = None,
) -> None:
    """Buku register resmi (xlsx: judul dua baris sesuai Komisi Informasi), atau csv/json.

    Data pribadi disamarkan kecuali --tanpa-sensor. CSV ke berkas memakai UTF-8 dengan BOM.
    """
    from ..reports.output import export_register

    if keluaran is not None and str(keluaran) == "-":  # (the usual name of stdout)
        keluaran = None
    if format is None:
        suffix = keluaran.suffix.lower().lstrip(".") if keluaran else "csv"
        if suffix not in ("xlsx", "csv", "json"):
            raise typer.BadParameter(
                "akhiran berkas harus .xlsx, .csv atau .json (atau pakai --format)",
                param_hint="--keluaran",
            )
        fmt = suffix
    else:
        fmt = format.value
        said = keluaran.suffix.lower().lstrip(".") if keluaran else ""
        if said in ("xlsx", "csv", "json") and said != fmt:  # (Excel refuses a CSV named .xlsx)
            raise typer.BadParameter(
                f"berkas .{said} tetapi --format {fmt}: samakan akhiran berkasnya, atau hapus "
                "--format",
                param_hint="--keluaran",
            )
    if pemisah not in (",", ";"):
        raise typer.BadParameter('pakai "," atau ";"', param_hint="--pemisah")
    if pemisah != "," and fmt != "csv":  # (it was dropped without a word)
        raise typer.BadParameter(f"hanya untuk CSV, bukan {fmt}", param_hint="--pemisah")
    ws = workspace((register.value,))
    f = filters(status, dari, sampai, bulan, cari, terlambat, dalam)
    result = export_register(
        ws,
        register.value,
        f,
        format=fmt,
        path=keluaran,
        pemisah=pemisah,
        tanpa_sensor=tanpa_sensor,
        petugas=petugas,
    )
    if isinstance(result, bytes):
        typer.echo(result.decode("utf-8"), nl=False)
        if tanpa_sensor:
            err("Ekspor tanpa sensor dicatat di jurnal.")
        return
    file_written(result)
    err(f"Register {register.value} diekspor: {result}")
    if tanpa_sensor:
        err("Ekspor tanpa sensor dicatat di jurnal.")
    typer.echo(str(result))
