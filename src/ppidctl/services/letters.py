"""Letters as part of a step: build the template context, number the letter, stage the file.

A letter is rendered in memory inside the step's transaction; its file (``letters/<year>/…``,
never overwriting) and its row in the outgoing-letter register (``surat``) are written by the same
commit as the register change, or not at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import RuleError
from ..rules import numbering
from ..store.transaction import Transaction
from ..workspace import Workspace


@dataclass
class Letter:
    kind: str
    row: dict[str, str]
    linked: dict[str, str] | None = None  # the request behind an objection


def letter_for(kind: str, row: dict[str, str], linked: dict[str, str] | None = None) -> Letter:
    return Letter(kind, row, linked)


def safe_name(text: str) -> str:
    """A file-name part from a registration number: no path separators, no surprises."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.")
    return name[:80] or "tanpa-nomor"


def context(ws: Workspace, letter: Letter, tanggal_surat: date, nomor_surat: str) -> dict[str, Any]:
    """The row's columns plus the office settings and the letter's own date and number; the
    engine derives the rest (reason texts, cost lines, attachment) from these."""
    s = ws.settings
    instansi = dict(s.section("instansi"))
    logo = instansi.get("logo") or ""
    instansi["logo"] = str((ws.root / logo).resolve()) if logo else ""
    ctx: dict[str, Any] = dict(letter.row)
    ctx.update(
        instansi=instansi,
        ppid=dict(s.section("ppid")),
        atasan_ppid=dict(s.section("atasan_ppid")),
        tanggal_surat=tanggal_surat.isoformat(),
        nomor_surat=nomor_surat,
        permohonan=dict(letter.linked or {}),
    )
    return ctx


def next_letter_number(ws: Workspace, tx: Transaction, when: date, taken: set[str]) -> str:
    pattern = ws.settings.get("penomoran", "surat") or ""
    if not pattern:
        return ""
    year = str(when.year)
    table = tx.table("surat")
    numbers = [
        r["nomor_surat"] for r in table.rows if r["tanggal"][:4] == year and r["nomor_surat"]
    ]
    seq = numbering.next_sequence(numbers + sorted(taken), pattern)
    return numbering.format_number(pattern, seq, ws.settings.get("instansi", "kode_satker"), when)


def render(ws: Workspace, letter: Letter, tanggal_surat: date, nomor_surat: str) -> bytes:
    from ..letters import engine  # docxtpl loads only when a letter is made

    template = engine.find_template(letter.kind, ws.templates_dir)
    return engine.render(template, context(ws, letter, tanggal_surat, nomor_surat))


def letter_path(ws: Workspace, letter: Letter, when: date) -> Path:
    nomor = letter.row.get("nomor_registrasi", "")
    return ws.letters_dir / str(when.year) / f"{safe_name(nomor)}-{letter.kind}.docx"


def free_path(path: Path, staged: set[Path]) -> Path:
    """``path``, or ``name-2.docx``, ``name-3.docx`` …: the first neither on disk nor staged."""
    n = 1
    while True:
        candidate = path if n == 1 else path.with_name(f"{path.stem}-{n}{path.suffix}")
        if candidate not in staged and not candidate.exists():
            return candidate
        n += 1


def stage_letters(
    ws: Workspace,
    tx: Transaction,
    letters: list[Letter],
    when: date,
    nomor_surat: str | None,
    petugas: str,
) -> list[str]:
    """Render ``letters`` and add them (file + ``surat`` row) to the transaction."""
    from ..letters import engine

    if nomor_surat is not None and len(letters) > 1:
        raise RuleError("--nomor-surat hanya untuk satu surat", "buat suratnya satu per satu")
    paths: list[str] = []
    taken: set[str] = set()
    for letter in letters:
        number = (nomor_surat or "").strip() or next_letter_number(ws, tx, when, taken)
        if number:
            taken.add(number)
        data = render(ws, letter, when, number)
        path = free_path(letter_path(ws, letter, when), {p for p, _ in tx.files})
        tx.add_file(path, data)
        register = engine.KINDS[letter.kind].register
        tx.append(
            "surat",
            {
                "nomor_surat": number,
                "tanggal": when.isoformat(),
                "jenis": letter.kind,
                "register": register,
                "nomor_registrasi": letter.row.get("nomor_registrasi", ""),
                "berkas": str(path.relative_to(ws.root)),
                "petugas": petugas,
            },
        )
        paths.append(str(path))
    return paths
