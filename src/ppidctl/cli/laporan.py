"""``ppidctl laporan harian|bulanan|tahunan``: the reports (thin layer over ppidctl.reports)."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .common import (
    CONTEXT_HELP,
    Format,
    err,
    file_written,
    guard,
    state,
    warnings,
    workspace,
    write_csv,
)
from .common import console as stdout_console

if TYPE_CHECKING:
    from ..reports.summary import Laporan
    from ..workspace import Workspace

app = typer.Typer(
    help="Laporan layanan informasi publik: harian, bulanan, tahunan.",
    no_args_is_help=True,
    context_settings=CONTEXT_HELP,
)

Fmt = Annotated[Format, typer.Option("--format", help="teks | json | csv")]
Keluaran = Annotated[
    Path | None,
    typer.Option(
        "--keluaran",
        "-o",
        help="Tulis laporan ke berkas .xlsx (ringkasan, rincian; bulanan/tahunan juga grafik) "
        "atau .docx (naratif).",
        dir_okay=False,
    ),
]
Gabung = Annotated[
    bool,
    typer.Option(
        "--gabung",
        help="Gabungkan register beberapa kantor: sebutkan folder workspace-nya sesudah opsi ini "
        "(workspace ini ikut hanya bila disebut juga, mis. --gabung . ../kpu-lobar).",
    ),
]
Folder = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Folder workspace yang digabung (bersama --gabung).",
        show_default=False,
        metavar="FOLDER",
    ),
]
TanpaSensor = Annotated[
    bool,
    typer.Option(
        "--tanpa-sensor",
        help="Data pribadi tidak disamarkan (hanya untuk internal; dicatat di jurnal).",
    ),
]
Petugas = Annotated[str, typer.Option("--petugas", envvar="PPIDCTL_PETUGAS", help="Nama petugas.")]


def emit_report(lap: "Laporan", fmt: Format) -> None:
    """Print a report: rich tables (teks), one JSON document, or long-form CSV."""
    import json

    if fmt is Format.json:
        typer.echo(json.dumps(lap.to_dict(), ensure_ascii=False, indent=2))
        return
    if fmt is Format.csv:  # (text a spreadsheet would run as a formula gets its apostrophe)
        from ..reports.privacy import csv_safe

        write_csv(
            ["bagian", "baris", "kolom", "nilai"],
            [
                [
                    rec["bagian"],
                    csv_safe(str(rec["baris"]).strip()),
                    rec["kolom"],
                    csv_safe(rec["nilai"]),
                ]
                for rec in lap.to_records()
            ],
        )
        return
    from rich.markup import escape
    from rich.table import Table

    from ..reports.summary import nilai_teks as _cell
    from .common import WHOLE, _blocks, _longest, fit_widths, tampak

    console = stdout_console()  # (piped: 120 columns)
    console.print(f"[bold]{escape(lap.judul)}[/bold]")
    console.print(
        escape(
            ", ".join(lap.kantor)
            + ("" if lap.jenis == "harian" else f" · periode {lap.periode}")  # (its title says)
        )
        + (f" ([bold]{escape(lap.berjalan)}[/bold])" if lap.berjalan else "")
    )
    for t in lap.tabel:
        if not t.baris:  # (titles of an empty table, squeezed on a narrow screen, say nothing)
            console.print(f"[italic]{escape(t.judul)}[/italic]\n  (tidak ada)")
            continue
        columns = [(key, label) for key, label in t.kolom]
        cells = [[tampak(_cell(row.get(k))) for k, _ in columns] for row in t.baris]
        numeric = [
            i > 0
            and all(isinstance(row.get(k), (int, float)) or row.get(k) is None for row in t.baris)
            for i, (k, _) in enumerate(columns)
        ]
        # a figure, a number or a date is never folded; titles and words wrap at their spaces
        keep = [n or k.startswith(WHOLE) for n, (k, _) in zip(numeric, columns, strict=True)]
        text = [[label, *(c[i] for c in cells)] for i, (_, label) in enumerate(columns)]
        room = console.width - 3 * len(columns) - 1
        least = sum(
            max(_longest(col[1:], False), _longest(col[:1], True)) if whole else _longest(col, True)
            for col, whole in zip(text, keep, strict=True)
        )
        if least > room:  # (a narrow terminal: each row as labelled lines, nothing cut off)
            records = [dict(zip([k for k, _ in columns], c, strict=True)) for c in cells]
            _blocks(console, escape(t.judul), columns, records, None)
            if t.catatan:
                console.print(escape(t.catatan), soft_wrap=False, style="dim")
            console.print()
            continue
        widths = fit_widths(text, room, keep)
        table = Table(
            title=escape(t.judul),
            title_justify="left",
            header_style="bold",
            caption=escape(t.catatan) if t.catatan else None,
        )
        for i, (_, label) in enumerate(columns):
            table.add_column(
                escape(label),
                justify="right" if numeric[i] else "left",
                overflow="fold",
                no_wrap=keep[i] and not widths,
                width=widths[i] if widths else None,
            )
        for row in cells:
            table.add_row(*[escape(c) for c in row])
        console.print(table)
    if lap.catatan:
        console.print("[bold]Catatan[/bold]")
        for note in lap.catatan:
            # (on a screen wrapped at spaces like the tables — the terminal broke them mid-word,
            # review konsol N3; to a file or pipe one line per note, for grep)
            console.print(f"- {escape(note)}", soft_wrap=not console.is_terminal)


def _sources(gabung: bool, folder: list[Path] | None):
    from ..reports.summary import workspaces_from

    if folder and not gabung:
        raise typer.BadParameter(
            "folder workspace hanya dipakai bersama --gabung", param_hint="FOLDER"
        )
    if gabung:
        if not folder:
            raise typer.BadParameter(
                "sebutkan folder workspace yang digabung", param_hint="--gabung"
            )
        wss = workspaces_from(str(f) for f in folder)
        named: dict[Path, int] = {}
        for f in folder:  # (review gabung N2: merged once, without a word)
            root = f.expanduser().resolve()
            named[root] = named.get(root, 0) + 1
        twice = [str(r) for r, n in named.items() if n > 1]
        if twice:
            warnings([f"{', '.join(twice)} disebut lebih dari sekali: digabung sekali"])
        for ws in wss:  # (each office's ppidctl.toml: a typo there changes its figures)
            warnings([f"{ws.root}: {w}" for w in ws.settings.warnings])
        warnings(_copies(wss))
        return wss
    return workspace()  # (a register edited outside ppidctl: the report says so, lap.peringatan)


def _heads(sources) -> "Workspace":
    """The workspace whose settings head and sign a report: the one office; for a merged one
    the workspace the command runs in (-C, $PPIDCTL_DIR, the current folder: the province's,
    whether or not its own cases are merged), else the first folder — said either way (review
    gabung M3: the first regency named signed the province's report)."""
    from ..errors import PpidError, WorkspaceError
    from ..workspace import Workspace

    if not isinstance(sources, list):
        return sources
    try:
        head = Workspace.find(state.dir)
    except WorkspaceError:
        head = sources[0]
    except PpidError as e:  # (its ppidctl.toml broken: the merge still made — 32d2 L1, said:
        warnings([f"{e} — laporan gabungan memakai folder pertama"])  # sesi32e L2)
        head = sources[0]
    if len(sources) == 1 and head.root != sources[0].root:  # (one office's report, made from
        head = sources[0]  # another desk, is that office's: sesi32d2 M1)
    err(
        f"Laporan gabungan memakai identitas dan penanda tangan dari {head.root} "
        "([instansi], [ppid] di ppidctl.toml-nya)"
    )
    return head


def _copies(wss) -> list[str]:
    """Workspaces of one office begun by the same ``init`` (the same first journal line and the
    same office code: one is a copy, a restored backup, an unpacked ``arsip``): merged, every
    figure of theirs counts twice. Offices started from one prepared workspace, each with its
    own identity since, are not (review gabung L4)."""
    first: dict[tuple, object] = {}
    out = []
    for ws in wss:
        try:
            with open(ws.journal_path, "rb") as f:
                line = (f.readline(), str(ws.settings.get("instansi", "kode_satker")))
        except OSError:
            continue
        if line[0] and line in first:
            out.append(
                f"{ws.root} dan {first[line]} berasal dari workspace kantor yang sama (baris "
                "pertama jurnal dan kode satker sama): salinan? Angka keduanya dihitung dua kali"
            )
        first.setdefault(line, ws.root)
    return out


#: (names and case numbers show as in ``daftar``; NIK, contacts and addresses never do)
_SENSOR_LAYAR = (
    "--tanpa-sensor tidak berpengaruh: NIK, kontak, dan alamat hanya ada di lembar rincian "
    "berkas .xlsx (nomor di teks seperti perihal tetap disamarkan)"
)


def _finish(
    lap: "Laporan",
    fmt: Format,
    keluaran: Path | None,
    tanpa_sensor: bool,
    petugas: str,
    ws: "Workspace",
    merged: bool = False,
) -> None:
    warnings(lap.peringatan)  # (each register edited outside ppidctl, hashed once)
    if keluaran is None:
        if tanpa_sensor:
            warnings([_SENSOR_LAYAR])
        emit_report(lap, fmt)
        return
    suffix = keluaran.suffix.lower()
    if suffix not in (".xlsx", ".docx"):
        raise typer.BadParameter("harus berakhiran .xlsx atau .docx", param_hint="--keluaran")
    if tanpa_sensor and suffix == ".docx":
        warnings([_SENSOR_LAYAR])
    from ..reports.output import save_report

    path = save_report(lap, keluaran, tanpa_sensor=tanpa_sensor, petugas=petugas)
    file_written(path)
    err(f"Laporan ditulis: {path}")
    # (its settings head and sign the file, as a letter; merged: which file — gabung M3)
    warnings([f"{ws.root}: {w}" if merged else w for w in ws.settings.placeholders()])
    if suffix == ".docx":
        from ..reports.docx import ISIAN, isian

        kosong = isian(lap)
        if kosong:  # (a report printed as written hands the Komisi Informasi placeholders)
            pesan = f'Bagian {", ".join(kosong)} masih berisi "{ISIAN}": tulis di Word sebelum '
            pesan += "laporan dikirim"
            if any(k.startswith(("I ", "II ")) for k in kosong):
                pesan += " (bagian I dan II dapat diisi sekali di [laporan] ppidctl.toml)"
            err(pesan + ".")
    if tanpa_sensor and suffix == ".xlsx":  # (as ekspor: the unmasked detail sheets)
        err("Laporan tanpa sensor dicatat di jurnal.")
    # stdout names the file, in the format asked for (a script reads it as it reads a report)
    if fmt is Format.json:
        import json

        typer.echo(json.dumps({"berkas": str(path)}, ensure_ascii=False))
    elif fmt is Format.csv:
        write_csv(["berkas"], [[str(path)]])
    else:
        typer.echo(str(path))


@app.command()
@guard
def harian(
    tanggal: Annotated[
        str | None, typer.Option("--tanggal", help="YYYY-MM-DD (bawaan: hari ini).")
    ] = None,
    dalam: Annotated[
        int, typer.Option("--dalam", min=0, max=60, help="Jatuh tempo dalam N hari kerja.")
    ] = 3,
    format: Fmt = Format.teks,
    keluaran: Keluaran = None,
    tanpa_sensor: TanpaSensor = False,
    petugas: Petugas = "",
) -> None:
    """Data layanan harian: masuk, dijawab, jatuh tempo dalam 3 hari kerja, lewat tenggat."""
    from ..reports.summary import daily

    ws = workspace()  # (a register edited outside ppidctl: the report says so, lap.peringatan)
    _finish(daily(ws, tanggal, dalam), format, keluaran, tanpa_sensor, petugas, ws)


@app.command()
@guard
def bulanan(
    bulan: Annotated[str, typer.Option("--bulan", help="Bulan laporan, YYYY-MM.")],
    folder: Folder = None,
    gabung: Gabung = False,
    format: Fmt = Format.teks,
    keluaran: Keluaran = None,
    tanpa_sensor: TanpaSensor = False,
    petugas: Petugas = "",
) -> None:
    """Laporan bulanan: permohonan, keputusan, waktu layanan, keberatan, standar SOP."""
    from ..reports.summary import monthly

    sources = _sources(gabung, folder)
    head = _heads(sources)
    _finish(monthly(sources, bulan, head), format, keluaran, tanpa_sensor, petugas, head, gabung)


@app.command()
@guard
def tahunan(
    tahun: Annotated[int, typer.Option("--tahun", help="Tahun laporan, YYYY.")],
    folder: Folder = None,
    gabung: Gabung = False,
    format: Fmt = Format.teks,
    keluaran: Keluaran = None,
    tanpa_sensor: TanpaSensor = False,
    petugas: Petugas = "",
) -> None:
    """Laporan tahunan (Perki 1/2021 Pasal 56): per bulan, dan dibanding tahun sebelumnya."""
    from ..reports.summary import annual

    sources = _sources(gabung, folder)
    head = _heads(sources)
    _finish(annual(sources, tahun, head), format, keluaran, tanpa_sensor, petugas, head, gabung)
