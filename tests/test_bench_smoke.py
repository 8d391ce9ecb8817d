"""The benchmark suite runs end to end on 1,000 rows, so it cannot rot (no timing asserted)."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_benchmarks_run_quick():
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    for what in ("ppidctl --help", "permohonan catat", "permohonan putuskan", "jatuh-tempo",
                 "laporan tahunan", "surat", "impor XLSX", "gabung"):  # fmt: skip
        assert what in out.stdout, what
