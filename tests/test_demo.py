"""`make demo` (examples/demo.py), the README's first command, runs as a new office would see it."""

from __future__ import annotations

import json
import os
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
    listed = {(r["nomor_registrasi"][:3], r["status"]) for r in json.loads(due.stdout)}
    assert listed == {("001", "terdaftar"), ("002", "diperpanjang"), ("004", "terdaftar"),
                      ("001", "disampaikan")}  # fmt: skip
    overdue = [r for r in json.loads(due.stdout) if r["terlambat"] == "ya"]
    assert [r["nomor_registrasi"][:3] for r in overdue] == ["001"]  # one late, whatever the day
    check = subprocess.run(
        [str(Path(sys.executable).with_name("ppidctl")), "-C", str(root), "periksa"],
        capture_output=True, text=True, env=env,
    )  # fmt: skip
    assert check.returncode == 0, check.stdout + check.stderr
    kinds = sorted(p.name[:3] + p.name.split("-")[-1] for p in (root / "letters").rglob("*.docx"))
    assert kinds == [
        "001keberatan.docx",
        "001keberatan.docx",
        "001terima.docx",
        "002perpanjangan.docx",
        "002terima.docx",
        "003penolakan.docx",
        "003terima.docx",
        "004terima.docx",
    ]  # fmt: skip  (a receipt each, the extension, the rejection, the objection's slip and reply)
