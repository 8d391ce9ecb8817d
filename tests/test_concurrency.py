"""Several desks at once: 8 processes × 25 registrations on one workspace."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import pytest

from ppidctl.store import journal
from ppidctl.store.table import read_table


def _desk(root: str, desk: int, start, count: int) -> None:
    from ppidctl.services.permohonan import RequestInput, register
    from ppidctl.workspace import Workspace

    ws = Workspace(Path(root))
    start.wait()
    for i in range(count):
        data = RequestInput(
            nama=f"Meja {desk} pemohon {i}",
            nik="5271011203900001",
            alamat="Mataram",
            telepon="081234567890",
            informasi="Salinan DPT",
            tujuan="Penelitian",
            dokumen="identitas",
        )
        register(ws, data, tanggal="2026-03-16", petugas=f"meja-{desk}", surat=False)


@pytest.mark.slow
def test_eight_processes_never_lose_or_duplicate(ws):
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Event()
    procs = [ctx.Process(target=_desk, args=(str(ws.root), d, start, 25)) for d in range(8)]
    for p in procs:
        p.start()
    start.set()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    rows = read_table("permohonan", ws.register_path("permohonan")).rows
    numbers = [r["nomor_registrasi"] for r in rows]
    assert len(rows) == 200
    assert sorted(numbers) == [f"{i:03d}/PPID/5271/III/2026" for i in range(1, 201)]
    assert len({r["nama_pemohon"] for r in rows}) == 200
    lines = ws.journal_path.read_bytes().splitlines()
    entries = [json.loads(line) for line in lines]  # every line whole
    assert sum(e["perintah"] == "permohonan catat" for e in entries) == 200
    for prev, line in zip(lines, lines[1:], strict=False):
        assert json.loads(line)["sebelum"] == journal.line_hash(prev)
    last = entries[-1]["register_sha256"]["permohonan"]
    assert last == journal.sha256_bytes(ws.register_path("permohonan").read_bytes())
