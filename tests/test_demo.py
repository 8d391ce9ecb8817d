"""`make demo` (examples/demo.py), the README's first command, runs as a new office would see it."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo.py"


@pytest.mark.skipif(
    not Path(sys.executable).with_name("ppidctl").exists(),
    reason="the demo runs the installed ppidctl command (make test installs it)",
)
def test_the_demo_runs_the_desk_day_without_a_warning(tmp_path):
    # Its dates are relative to the real day, on ppidctl's own calendar: whatever day it runs,
    # no step falls on a day off and the SOP's steps are all there, so a warning here would be a
    # demo that teaches the desk to ignore warnings.
    env = {**os.environ, "TMPDIR": str(tmp_path), "PPIDCTL_CACHE": str(tmp_path / "cache")}
    env.pop("PPIDCTL_DIR", None)
    run = subprocess.run(
        [sys.executable, str(DEMO)], capture_output=True, text=True, env=env, timeout=300
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Traceback" not in run.stderr
    for told in ("nilai contoh", "adalah hari libur", "tanpa tercatat", "tanpa rapat pleno"):
        assert told not in run.stderr, run.stderr
    root = Path(run.stdout.split("Workspace demo: ")[1].split()[0])
    due = subprocess.run(
        [str(Path(sys.executable).with_name("ppidctl")), "-C", str(root), "jatuh-tempo",
         "--format", "json"],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    # (by name: early in January the first cases are numbered in last year's sequence)
    listed = {(r["register"], r["nama_pemohon"], r["status"]) for r in json.loads(due.stdout)}
    assert listed == {
        ("permohonan", "Lalu Ahmad Zaini", "terdaftar"),
        ("permohonan", "Baiq Nurul Aini", "diperpanjang"),
        ("permohonan", "I Made Sukarta", "terdaftar"),
        ("keberatan", "PT Maju & Jaya", "disampaikan"),
    }
    # the last line's command can be typed as printed (ppidctl is in .venv, not on PATH)
    shown = run.stdout.split("register: ")[1].split(", atau")[0]
    listing = subprocess.run(shlex.split(shown), capture_output=True, text=True, env=env)
    assert listing.returncode == 0 and "/PPID/5271/" in listing.stdout, (shown, listing.stderr)
    overdue = [r for r in json.loads(due.stdout) if r["terlambat"] == "ya"]
    assert [r["nama_pemohon"] for r in overdue] == ["Lalu Ahmad Zaini"]  # whatever the day
    check = subprocess.run(
        [str(Path(sys.executable).with_name("ppidctl")), "-C", str(root), "periksa"],
        capture_output=True, text=True, env=env,
    )  # fmt: skip
    assert check.returncode == 0, check.stdout + check.stderr
    kinds = sorted(p.name.split("-")[-1] for p in (root / "letters").rglob("*.docx"))
    assert kinds == [
        "keberatan.docx",
        "keberatan.docx",
        "penolakan.docx",
        "perpanjangan.docx",
        "terima.docx",
        "terima.docx",
        "terima.docx",
        "terima.docx",
    ]  # fmt: skip  (a receipt each, the extension, the rejection, the objection's slip and reply)


@pytest.mark.skipif(
    not Path(sys.executable).with_name("ppidctl").exists(),
    reason="the demo runs the installed ppidctl command (make test installs it)",
)
def test_the_demo_early_in_january_names_last_years_cases_in_full(tmp_path):
    # on 5 January its first two requests are December's: "teruskan 2" meant this year's second
    # request (the wrong case, or none), so the demo failed in the first weeks of every year
    env = {**os.environ, "TMPDIR": str(tmp_path), "PPIDCTL_CACHE": str(tmp_path / "cache"),
           "PPIDCTL_DEMO_HARI_INI": "2026-01-05"}  # fmt: skip
    env.pop("PPIDCTL_DIR", None)
    run = subprocess.run(
        [sys.executable, str(DEMO)], capture_output=True, text=True, env=env, timeout=300
    )
    assert run.returncode == 0, run.stdout + run.stderr
    root = Path(run.stdout.split("Workspace demo: ")[1].split()[0])
    rows = subprocess.run(
        [str(Path(sys.executable).with_name("ppidctl")), "-C", str(root), "permohonan", "daftar",
         "--format", "json"],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    by_name = {r["nama_pemohon"]: r for r in json.loads(rows.stdout)}
    assert by_name["Baiq Nurul Aini"]["nomor_registrasi"].endswith("/XII/2025")
    assert by_name["Baiq Nurul Aini"]["status"] == "diperpanjang"
    assert by_name["PT Maju & Jaya"]["keputusan"] == "ditolak"
