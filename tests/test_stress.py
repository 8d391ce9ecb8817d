"""Under stress: desks writing at once, and commands killed in the middle of a write.

Both are marked ``slow`` (still run by ``make test`` / ``.ci/run``). No assertion depends on timing:
the random kill delays only decide *where* a command dies, and every outcome is checked.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import sys
import time
from pathlib import Path

import pytest

from ppidctl.errors import NotFoundError, RuleError
from ppidctl.integrity import check, restore
from ppidctl.integrity import model as m
from ppidctl.workspace import Workspace

pytestmark = pytest.mark.slow


def _request(name: str):
    from ppidctl.services.permohonan import RequestInput

    return RequestInput(
        nama=name,
        nik="5271011203900001",
        alamat="Mataram",
        telepon="081234567890",
        informasi="Salinan DPT",
        tujuan="Penelitian",
        dokumen="identitas",
    )


def _mixed_desk(root: str, desk: int, start, rounds: int, out) -> None:
    """One desk: register requests, decide someone's open request, file objections."""
    from ppidctl.services import keberatan, permohonan

    ws = Workspace(Path(root))
    rng = random.Random(desk)
    done: dict[str, list[str]] = {"catat": [], "putuskan": [], "keberatan": [], "ditolak": []}
    objected: set[str] = set()
    start.wait()
    for i in range(rounds):
        res = permohonan.register(
            ws,
            _request(f"Meja {desk} pemohon {i}"),
            tanggal="2026-03-02",
            petugas=f"meja-{desk}",
            surat=i % 3 == 0,  # some with their receipt letter
        )
        done["catat"].append(res.row["nomor_registrasi"])
        open_ = [
            r["nomor_registrasi"] for r in ws.read("permohonan").rows if r["status"] == "terdaftar"
        ]
        try:
            nomor = rng.choice(open_)
            permohonan.decide(
                ws,
                nomor,
                permohonan.Decision("diberikan-sebagian", penjelasan="NIK dihitamkan"),
                tanggal="2026-03-10",
                surat=False,
            )
            done["putuskan"].append(nomor)
        except (RuleError, NotFoundError):
            done["ditolak"].append("putuskan")  # another desk decided it first
        # an objection on a request this desk decided and has not objected to: a second
        # objection with the same reason on a request is refused while the first runs
        mine = [n for n in done["putuskan"] if n not in objected]
        if mine and i % 2 == 1:
            objected.add(nomor := rng.choice(mine))
            res = keberatan.register(
                ws,
                keberatan.ObjectionInput(
                    permohonan=nomor,
                    alasan="d",
                    kasus_posisi="Informasi tidak lengkap",
                    dokumen="formulir,identitas",
                ),
                tanggal="2026-03-16",
                petugas=f"meja-{desk}",
                surat=False,
            )
            done["keberatan"].append(res.row["nomor_registrasi"])
    out.put((desk, done))


def _collect(out, procs, patience: float = 300) -> dict:
    """Each desk's result; a desk that died without one fails the test at once with its exit
    code (waiting the whole patience for a result that cannot come hid the crash)."""
    import queue
    import time

    results: dict = {}
    until = time.monotonic() + patience
    while len(results) < len(procs):
        try:
            key, value = out.get(timeout=2)
            results[key] = value
        except queue.Empty:
            dead = [p.exitcode for p in procs if p.exitcode not in (None, 0)]
            assert not dead, f"a desk process died: exit codes {dead}"
            assert time.monotonic() < until, "no result from every desk in time"
    return results


def test_eight_desks_mixed_commands_lose_and_duplicate_nothing(ws):
    toml = ws.root / "ppidctl.toml"  # a loaded CI machine: let desks wait, never give up
    toml.write_text(toml.read_text().replace("batas_tunggu_kunci = 30", "batas_tunggu_kunci = 300"))
    ctx = multiprocessing.get_context("spawn")
    start, out = ctx.Event(), ctx.Queue()
    rounds = 8
    procs = [
        ctx.Process(target=_mixed_desk, args=(str(ws.root), d, start, rounds, out))
        for d in range(8)
    ]
    for p in procs:
        p.start()
    start.set()
    results = _collect(out, procs)
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    registered = [n for d in results.values() for n in d["catat"]]
    decided = [n for d in results.values() for n in d["putuskan"]]
    objections = [n for d in results.values() for n in d["keberatan"]]
    requests = ws.read("permohonan").rows
    assert len(registered) == len(set(registered)) == len(requests) == 8 * rounds
    assert sorted(r["nomor_registrasi"] for r in requests) == [
        f"{i:03d}/PPID/5271/III/2026" for i in range(1, 8 * rounds + 1)
    ]
    assert len(decided) == len(set(decided))  # nobody decided the same request twice
    assert {r["nomor_registrasi"] for r in requests if r["status"] == "diputuskan"} == set(decided)
    rows = ws.read("keberatan").rows
    assert sorted(r["nomor_registrasi"] for r in rows) == sorted(objections)
    assert sorted(objections) == [
        f"{i:03d}/KEB/PPID/5271/III/2026" for i in range(1, len(objections) + 1)
    ]
    # a desk's first successful decision is followed by its objection in that round or the next
    assert objections
    assert len({r["nomor_permohonan"] for r in rows}) == len(rows)  # one per request
    assert check(ws).problems == []


# -- killed in the middle of a write ---------------------------------------------------------


def _write_until_killed(root: str, seed: int) -> None:
    from ppidctl.services import permohonan

    ws = Workspace(Path(root))
    i = 0
    while True:
        permohonan.register(ws, _request(f"Korban {seed}-{i}"), tanggal="2026-03-16", surat=False)
        if i % 2:  # an update too: the roll-forward of a changed row
            open_ = [
                r["nomor_registrasi"]
                for r in ws.read("permohonan").rows
                if r["status"] == "terdaftar"
            ]
            permohonan.forward(ws, open_[0], tanggal="2026-03-17")
        i += 1


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")
def test_sigkill_at_random_points_leaves_before_or_after_and_a_repairable_state(ws):
    rng = random.Random(7)
    check(ws)  # warm the holiday cache before the children start
    journal_lines = 0
    repaired = temps = 0
    for round_ in range(50):
        size = ws.journal_path.stat().st_size
        pid = os.fork()
        if pid == 0:  # the child: never returns into pytest
            try:
                _write_until_killed(str(ws.root), round_)
            finally:
                os._exit(0)
        # the kill comes at a random point after the child's first journal line, so every round
        # writes (a busy machine's slow start killed some rounds before any work, and the
        # count of rows below depended on the machine's speed)
        start = time.monotonic()
        while ws.journal_path.stat().st_size == size and time.monotonic() - start < 60:
            time.sleep(0.001)
        time.sleep(rng.uniform(0.005, 0.12))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        found = check(ws)
        kinds = set(found.codes())
        # power-cut damage aside, a kill can only leave a journalled-but-unwritten commit
        # and the temp file of the register being replaced
        assert kinds <= {m.BELUM_DITERAPKAN, m.BERKAS_SEMENTARA}, [str(p) for p in found.problems]
        if kinds:
            repaired += m.BELUM_DITERAPKAN in kinds
            temps += m.BERKAS_SEMENTARA in kinds
            restore(ws)
            after = check(ws)
            assert after.problems == [], [str(p) for p in after.problems]
        # before or after: every journalled row is in the register, numbered without a gap
        rows = ws.read("permohonan").rows
        assert [r["nomor_registrasi"] for r in rows] == [
            f"{i:03d}/PPID/5271/III/2026" for i in range(1, len(rows) + 1)
        ]
        journal_lines = ws.journal_path.read_bytes().count(b"\n")
    print(
        f"\n{repaired} of 50 kills landed between the journal and the register",
        f"({temps} left a temp file; {journal_lines} journal lines)",
        file=sys.stderr,
    )
    assert len(ws.read("permohonan").rows) >= 50  # (one journalled request per round at least)
