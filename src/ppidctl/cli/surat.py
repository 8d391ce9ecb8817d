"""``ppidctl surat …``: list and check templates, (re)generate letters."""

from pathlib import Path
from typing import Annotated

import typer

from ..schema import columns
from .common import (
    CONTEXT_HELP,
    KASUS,
    FmtList,
    Format,
    FormatRekaman,
    Pdf,
    Petugas,
    emit,
    err,
    guard,
    need_soffice,
    pdf_after,
    placeholder_warning,
    warnings,
    workspace,
)

app = typer.Typer(
    help="Surat: templat docx dan pembuatan ulang surat.",
    no_args_is_help=True,
    context_settings=CONTEXT_HELP,
)


@app.command()
@guard
def templat(
    format: FmtList = Format.teks,
) -> None:
    """Daftar templat (milik kantor atau bawaan), variabel yang dipakai, dan masalahnya
    (--format json/csv: juga variabel yang tersedia untuk setiap jenis surat)."""
    from ..letters import engine

    ws = workspace()
    rows = []
    notes = []
    stale: list[str] = []  # unedited copies of an earlier built-in: left aside
    for kind in engine.KINDS.values():
        path = engine.find_template(kind.name, ws.templates_dir)
        problems = engine.check_template(path, kind.name)
        try:
            used = sorted(engine.template_variables(path))
        except Exception:  # an unreadable template: check_template has said why
            used = []
        # an office copy made by an older version lacks what the built-in one now prints (e.g.
        # cara_pembayaran): told, since the copy always wins over the built-in
        builtin = engine.BUILTIN_DIR / kind.template
        copy = ws.templates_dir / kind.template
        if path == builtin and copy.is_file() and engine.old_builtin(copy):
            stale.append(copy.relative_to(ws.root).as_posix())
        newer = []
        if used and path != builtin:
            newer = sorted(engine.template_variables(builtin) - set(used))
        if newer:
            notes.append(
                f"{path.relative_to(ws.root).as_posix()}: templat bawaan juga memakai "
                f"{', '.join(newer)} — bila kantor menginginkannya, tambahkan ke salinan kantor "
                f"atau salin ulang templat bawaan ({builtin})"
            )
        rows.append(
            {
                "jenis": kind.name,
                "judul": kind.title,
                "berkas": path.relative_to(ws.root).as_posix()
                if path.is_relative_to(ws.root)
                else f"(bawaan) {path.name}",
                "variabel": used,
                "masalah": list(problems),
                # what a template of this kind may use (the check and the letter agree on it)
                "tersedia": sorted(engine.letter_variables(kind.name)),
                "bawaan_juga_memakai": newer,
            }
        )
    if format is not Format.json:  # (lists for scripts; one cell of text for a table or CSV)
        rows = [
            {
                **r,
                **{k: ", ".join(r[k]) for k in ("variabel", "tersedia", "bawaan_juga_memakai")},
                "masalah": "; ".join(r["masalah"]) or ("-" if format is Format.teks else ""),
            }
            for r in rows
        ]
    emit(
        rows,
        format,
        [
            ("jenis", "Jenis"),
            ("berkas", "Templat"),
            ("variabel", "Variabel"),
            ("masalah", "Masalah"),
        ],
        title="Templat surat",
        csv_keys=(
            "jenis",
            "judul",
            "berkas",
            "variabel",
            "masalah",
            "tersedia",
            "bawaan_juga_memakai",
        ),  # fmt: skip
    )
    if stale:
        notes.insert(
            0,
            f"{', '.join(stale)}: templat bawaan ppidctl versi lama yang tidak diubah kantor — "
            "templat bawaan sekarang yang dipakai (salinan itu boleh dihapus; bila kantor "
            "menyuntingnya, suntingan itu yang dipakai)",
        )
    for note in notes:
        err(note)
    placeholder_warning(ws)
    if any(r["masalah"] not in ("-", "", []) for r in rows):
        raise typer.Exit(1)


@app.command()
@guard
def periksa(
    berkas: Annotated[
        Path, typer.Argument(help="Templat .docx yang akan diperiksa.", metavar="BERKAS")
    ],
    jenis: Annotated[
        str | None,
        typer.Option(
            help="Periksa sebagai templat surat jenis ini (bawaan: dari nama berkas, mis. "
            "tanda-terima.docx)."
        ),
    ] = None,
) -> None:
    """Periksa templat buatan kantor sebelum dipakai: pemeriksaan yang sama dengan yang dijalankan
    setiap perintah yang membuat surat."""
    from ..errors import PpidError, UsageError
    from ..letters import engine

    if jenis is not None and jenis not in engine.KINDS:
        raise UsageError(
            f"--jenis '{jenis}' tidak dikenal", f"pilih salah satu: {', '.join(engine.KINDS)}"
        )
    try:  # (a template is checked also outside a workspace, or beside a broken ppidctl.toml)
        ws = workspace()
    except PpidError:
        ws = None
    if not berkas.exists() and ws is not None and (ws.root / berkas).exists():
        berkas = ws.root / berkas  # (templates/… of the workspace -C or PPIDCTL_DIR names)
    if not berkas.is_file():
        from ..errors import RuleError

        raise RuleError(
            f"berkas templat {berkas} " + ("adalah folder" if berkas.is_dir() else "tidak ada"),
            "sebutkan path templatnya, mis. templates/penolakan.docx di folder workspace",
        )
    problems = engine.check_template(berkas, jenis)
    if ws is not None:
        placeholder_warning(ws)
    if problems:
        for p in problems:
            typer.echo(f"{berkas}: {p}")
        raise typer.Exit(1)
    used = sorted(engine.template_variables(berkas))
    typer.echo(f"{berkas}: baik; variabel: {', '.join(used)}")


@app.command()
@guard
def buat(
    jenis: Annotated[
        str,
        typer.Argument(
            help="tanda-terima | pemberitahuan | tidak-tersedia | perpanjangan | penolakan | tanda-terima-informasi | tanda-bukti-keberatan | tanggapan-keberatan",
            metavar="JENIS",
        ),
    ],
    nomor: Annotated[
        list[str] | None,
        typer.Argument(help="Nomor registrasi (satu atau lebih).", metavar="NOMOR"),
    ] = None,
    semua: Annotated[
        bool, typer.Option("--semua", help="Semua yang sudah sampai langkah surat ini.")
    ] = False,
    bulan: Annotated[str | None, typer.Option(help="Dengan --semua: hanya bulan YYYY-MM.")] = None,
    pejabat_sekarang: Annotated[
        bool,
        typer.Option(
            "--pejabat-sekarang",
            help="Ditandatangani pejabat di ppidctl.toml sekarang, bukan yang tercatat pada surat "
            "aslinya (salah ketik nama/jabatan yang sudah diperbaiki); dicatat untuk salinan "
            "berikutnya.",
        ),
    ] = False,
    nomor_surat: Annotated[
        str | None,
        typer.Option(
            "--nomor-surat",
            help="Nomor surat keluar untuk satu surat yang belum bernomor (langkahnya dicatat "
            "--tanpa-surat, atau nomornya dari agenda kantor); salinan memakai nomor aslinya.",
        ),
    ] = None,
    petugas: Petugas = "",
    pdf: Pdf = False,
    format: Annotated[
        FormatRekaman, typer.Option("--format", help="teks | json")
    ] = FormatRekaman.teks,
) -> None:
    """Buat (ulang) surat sebagai berkas baru; surat lama tidak ditimpa."""
    from ..services.letters import regenerate

    if bool(nomor) == semua:
        err(
            "Error: sebutkan NOMOR atau --semua (tidak keduanya) — mis. ppidctl surat buat tanda-terima 1"
        )
        raise typer.Exit(2)
    if bulan is not None and not semua:  # (it was ignored: the numbers given were made)
        err(
            f"Error: --bulan hanya bersama --semua — ppidctl surat buat {jenis} --semua --bulan {bulan}"
        )
        raise typer.Exit(2)
    need_soffice(pdf)
    ws = workspace(KASUS)  # (a letter printed from an edit not accepted: told)
    with _progress() as bar:
        paths, peringatan = regenerate(
            ws,
            jenis,
            list(nomor or []),
            bulan=bulan,
            petugas=petugas,
            progress=bar,
            pejabat_sekarang=pejabat_sekarang,
            nomor_surat=nomor_surat,
        )
    warnings(peringatan)
    if pdf:
        paths += pdf_after(ws, paths)
    if format is FormatRekaman.json:  # (as the recording commands: the warnings too)
        import json

        from ..services.letters import letter_numbers

        typer.echo(
            json.dumps(
                {
                    "berkas": paths,
                    "nomor_surat": letter_numbers(ws, paths),
                    "peringatan": peringatan,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    for p in paths:
        typer.echo(p)


@app.command()
@guard
def daftar(
    dari: Annotated[str | None, typer.Option(help="Surat bertanggal sejak YYYY-MM-DD.")] = None,
    sampai: Annotated[str | None, typer.Option(help="Surat bertanggal sampai YYYY-MM-DD.")] = None,
    bulan: Annotated[str | None, typer.Option(help="Surat bertanggal pada bulan YYYY-MM.")] = None,
    cari: Annotated[
        str | None,
        typer.Option(help="Cari nomor surat, nomor perkara, jenis, perihal, atau nama tujuan."),
    ] = None,
    format: FmtList = Format.teks,
) -> None:
    """Agenda surat keluar: nomor, tanggal, perihal, kepada, perkara, berkas; salinan dan surat
    batal ditandai di Keterangan."""
    from ..services.queries import Filter, agenda

    # (the addressees come from the case registers: an edit there not accepted is told)
    rows = agenda(workspace(KASUS), Filter(dari=dari, sampai=sampai, bulan=bulan, cari=cari))
    emit(
        rows,
        format,
        [
            ("nomor_surat", "Nomor surat"),
            ("tanggal", "Tanggal"),
            ("perihal", "Perihal"),
            ("tujuan", "Kepada"),
            ("nomor_registrasi", "Perkara"),
            ("keterangan", "Keterangan"),
            ("jenis", "Jenis"),
            ("berkas", "Berkas"),
        ],
        styles=lambda r: "dim" if r["keterangan"] else "",
        csv_keys=[*(c.key for c in columns("surat")), "perihal", "tujuan"],
        spare=("berkas", "jenis", "perihal"),
    )


class _progress:
    """A Rich progress bar on stderr, shown only for batches (and only on a terminal)."""

    def __enter__(self):
        self.bar = None
        return self.start

    def start(self, total: int):
        if total < 2:
            return None
        from rich.console import Console
        from rich.progress import Progress

        self.bar = Progress(console=Console(stderr=True), transient=True)
        self.bar.start()
        task = self.bar.add_task("Membuat surat", total=total)
        return lambda: self.bar.advance(task)

    def __exit__(self, *exc):
        if self.bar:
            self.bar.stop()
