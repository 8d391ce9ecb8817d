"""Writing report and register-book files: atomically, and journalled when unmasked.

Output files (``--keluaran``) are outputs, not records: they may lie outside the workspace and are
written with a temp file + ``os.replace``; never over ppidctl's own files (registers, journal,
letters, templates, import records, settings: :func:`check_target`). When personal data leaves
unmasked (``--tanpa-sensor``) one journal line ``ekspor-tanpa-sensor`` naming the file is written
in every workspace whose data it holds — the only change to those workspaces. The workspace lock is held while the file is
written, and a file whose journal line could not be written is removed again.
"""

from __future__ import annotations

import os
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from .. import config
from ..errors import RuleError, UsageError
from ..store.transaction import held_open, write_atomic

if TYPE_CHECKING:
    from ..services.queries import Filter
    from ..workspace import Workspace
    from .summary import Laporan

__all__ = ["save_report", "export_register", "REPORT_SUFFIXES", "EXPORT_FORMATS"]

REPORT_SUFFIXES = (".xlsx", ".docx")
EXPORT_FORMATS = ("xlsx", "csv", "json")
#: an unmasked file: its maker's only (masked ones follow ``izin_berkas``, see :func:`_write`)
UNMASKED_MODE = 0o600


def check_target(path: Path, workspaces: list[Workspace]) -> None:
    """Refuse an output file among a workspace's own files: an export written over
    ``registers/jurnal.jsonl`` or a register, or a report over an issued letter, would destroy
    the records it was made from."""
    target = Path(path).expanduser().resolve()
    for ws in workspaces:
        own = (ws.registers_dir, ws.letters_dir, ws.templates_dir, ws.root / "impor")
        if target == (ws.root / config.FILENAME).resolve() or any(
            target.is_relative_to(folder.resolve()) for folder in own
        ):
            where = target.relative_to(ws.root.resolve()).as_posix()
            raise RuleError(
                f"--keluaran {where}: berkas itu milik workspace (register, jurnal, surat, "
                "templat, catatan impor atau pengaturan) dan tidak boleh ditimpa",
                "pilih berkas di luar folder registers/, letters/, templates/ dan impor/, "
                "mis. --keluaran laporan-2026-03.xlsx",
            )


def _write(
    path: Path,
    data: bytes,
    *,
    unmasked: bool,
    workspaces: list[Workspace],
    registers: tuple[str, ...],
    perintah: str,
    petugas: str,
) -> Path:
    path = Path(path).expanduser().absolute()
    check_target(path, workspaces)
    if path.is_dir():
        raise RuleError(f"{path} adalah folder", "tulis nama berkas, mis. laporan.xlsx")
    if not path.parent.is_dir():
        raise RuleError(f"folder {path.parent} tidak ada", "buat foldernya atau pilih folder lain")
    if held_open(path):  # (Windows: yesterday's copy still open in Excel cannot be replaced)
        raise RuleError(
            f"{path} sedang dibuka program lain (mis. Excel), jadi tidak dapat ditulis",
            "tutup berkasnya lalu ulangi, atau pilih nama lain dengan --keluaran",
        )
    if not unmasked:  # names and requests, partial contacts: as the registers' izin_berkas
        # (several offices: the bits all of them allow)
        mode = 0o777
        for ws in workspaces:
            mode &= ws.file_mode
        write_atomic(path, data, mode)
        return path
    written = False
    try:
        with ExitStack() as stack:
            for ws in workspaces:
                tx = stack.enter_context(ws.transaction(perintah, petugas))
                for register in registers:
                    tx.log(register, "", "ekspor-tanpa-sensor", {}, keluaran=str(path))
            write_atomic(path, data, UNMASKED_MODE)
            written = True
    except BaseException:
        if written:
            try:
                os.unlink(path)
            except OSError:
                pass
        raise
    return path


def journal_stdout(workspaces: list[Workspace], register: str, perintah: str, petugas: str) -> None:
    """Journal an unmasked export printed on stdout (keluaran ``-``)."""
    with ExitStack() as stack:
        for ws in workspaces:
            tx = stack.enter_context(ws.transaction(perintah, petugas))
            tx.log(register, "", "ekspor-tanpa-sensor", {}, keluaran="-")


def save_report(
    lap: Laporan, path: str | Path, *, tanpa_sensor: bool = False, petugas: str = ""
) -> Path:
    """Write the report as ``.xlsx`` (summary, charts, detail sheets) or ``.docx`` (narrative).

    Only the XLSX detail sheets hold personal data; ``tanpa_sensor`` there is journalled.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from .xlsx import xlsx_bytes

        data = xlsx_bytes(lap, tanpa_sensor=tanpa_sensor)
        unmasked = tanpa_sensor
    elif suffix == ".docx":
        from .docx import docx_bytes

        data = docx_bytes(lap)
        unmasked = False  # figures only
    else:
        raise RuleError(
            f"--keluaran '{path.name}' harus berakhiran .xlsx atau .docx",
            "mis. --keluaran laporan-2026-03.xlsx",
        )
    return _write(
        path,
        data,
        unmasked=unmasked,
        workspaces=list(lap.workspaces),
        registers=("permohonan", "keberatan"),
        perintah=f"laporan {lap.jenis}",
        petugas=petugas,
    )


def export_register(
    ws: Workspace,
    register: str,
    f: Filter | None = None,
    *,
    format: str = "xlsx",
    path: str | Path | None = None,
    pemisah: str = ",",
    tanpa_sensor: bool = False,
    petugas: str = "",
) -> Path | bytes:
    """The register book of ``register`` as ``xlsx``, ``csv`` or ``json``.

    With ``path`` the file is written (atomically) and its path returned; without, the bytes
    are returned (CSV then has no BOM: it is meant for programs) and an unmasked export is
    journalled as printed (``berkas: "-"``). ``xlsx`` needs a ``path``.
    """
    from ..integrity.anchor import last_line
    from . import registerbook as rb

    if format not in EXPORT_FORMATS:
        raise RuleError(f"--format '{format}' tidak dikenal", "pilih xlsx, csv atau json")
    if format == "xlsx" and path is None:  # (an option that needs another: wrong usage)
        raise UsageError(
            "buku register xlsx perlu nama berkas", f"tambahkan --keluaran buku-{register}.xlsx"
        )
    rows = rb.rows_for_export(ws, register, f, tanpa_sensor=tanpa_sensor)
    if format == "xlsx":
        data = rb.xlsx_bytes(
            register,
            rows,
            instansi=str(ws.settings.get("instansi", "nama")),
            keterangan=rb.describe(f),
            tanpa_sensor=tanpa_sensor,
            dicetak=ws.today(),
            dibatalkan=rb.retired_in(ws, register, f),
            jurnal=last_line(ws.journal_path),
            suntingan=rb.hand_edits(ws, register, tanpa_sensor=tanpa_sensor),
        )
    elif format == "csv":
        data = rb.csv_bytes(register, rows, pemisah=pemisah, bom=path is not None,
                            newline="\r\n" if path is not None else "\n")  # fmt: skip
    else:
        data = rb.json_bytes(rows)
    if path is None:
        if tanpa_sensor:
            journal_stdout([ws], register, "ekspor", petugas)
        return data
    return _write(
        Path(path),
        data,
        unmasked=tanpa_sensor,
        workspaces=[ws],
        registers=(register,),
        perintah="ekspor",
        petugas=petugas,
    )
