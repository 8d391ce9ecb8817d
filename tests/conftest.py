"""Shared fixtures: a fresh workspace, a CLI runner bound to it, and byte snapshots."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
if not SHARED.exists():  # CI has shared/ beside the clone; allow an override
    SHARED = Path(os.environ.get("PPIDCTL_SHARED", SHARED))


@pytest.fixture(autouse=True, scope="session")
def _no_workspace_around_the_test_folders(tmp_path_factory):
    """A stray ppidctl.toml in a parent of the test folders (/tmp/ppidctl.toml from a command
    run there) makes every init refuse "berada di dalam workspace": say so once, clearly."""
    base = tmp_path_factory.getbasetemp()
    stray = [d / "ppidctl.toml" for d in base.parents if (d / "ppidctl.toml").is_file()]
    if stray:
        pytest.exit(f"{stray[0]} ada di atas folder uji {base}: pindahkan berkas itu", 2)


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    """Keep the holiday cache out of the user's home, shared by the whole session."""
    monkeypatch.setenv("PPIDCTL_CACHE", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.delenv("PPIDCTL_DIR", raising=False)
    monkeypatch.delenv("PPIDCTL_PETUGAS", raising=False)


@pytest.fixture
def ws(tmp_path):
    from ppidctl.workspace import init

    return init(tmp_path / "ws", "Komisi Pemilihan Umum Kota Mataram", "5271")


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (relative path → bytes), the lock file included: a refused
    command leaves it as it was (empty, with no ``.kunci.info`` beside it)."""
    files = (p for p in sorted(root.rglob("*")) if p.is_file())
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in files}


def layout(root: Path) -> dict[str, int]:
    """Every folder and file under ``root`` with its mode: a refused command creates no folder
    (an empty ``letters/2027/``) and changes no file's permissions either."""
    return {p.relative_to(root).as_posix(): p.stat().st_mode for p in sorted(root.rglob("*"))}


class Runner:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None):
        from ppidctl.cli.main import app

        return self.runner.invoke(app, ["-C", str(self.root), *args], input=input)

    def ok(self, *args: str):
        result = self(*args)
        assert result.exit_code == 0, (result.output, result.exception)
        return result

    def refused(self, *args: str, message: str):
        """Run a command that must be refused: exit 1, the message, workspace unchanged."""
        return self._fails(1, args, message)

    def usage(self, *args: str, message: str):
        """Run a command given a value not of its option's type (wrong usage): exit 2, the
        message in the refusals' Indonesian form, workspace unchanged."""
        return self._fails(2, args, message)

    def _fails(self, code: int, args: tuple[str, ...], message: str):
        before = snapshot(self.root), layout(self.root)
        result = self(*args)
        assert result.exit_code == code, (result.output, result.exception)
        assert isinstance(result.exception, SystemExit), result.exception
        assert "Error: " in result.stderr
        assert "Traceback" not in result.output
        assert message in result.stderr, result.stderr
        assert (snapshot(self.root), layout(self.root)) == before, (
            "workspace changed by a failed command"
        )
        return result


def numbered_receipts(ws) -> None:
    """An office copy of the receipt template that prints the outgoing letter number (the
    built-in one does not, so a receipt gets none): receipts are then numbered."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("Nomor {{ nomor_surat }}; pendaftaran {{ nomor_registrasi }}")
    doc.save(ws.templates_dir / "tanda-terima.docx")


@pytest.fixture
def run(ws):
    return Runner(ws.root)


REQUEST = [
    "--nama", "Budi Santoso", "--nik", "5271011203900001", "--alamat", "Jl. Pejanggik 1, Mataram",
    "--telepon", "081234567890", "--informasi", "Salinan DPT Kelurahan Mataram",
    "--tujuan", "Penelitian", "--dokumen", "identitas",
]  # fmt: skip
#: the same request as the Python API's RequestInput fields
INPUT = {option[2:]: value for option, value in zip(REQUEST[::2], REQUEST[1::2], strict=True)}


#: a consequence test summary: a rejection needs one (UU 14/2008 Pasal 19)
UJI = "Membuka data pribadi pemilih (NIK, tanggal lahir) dapat mengungkap rahasia pribadi"


@pytest.fixture
def request_args():
    return list(REQUEST)


@pytest.fixture
def today(monkeypatch):
    """Freeze the office's clock: ``today("2026-04-01")`` (10:00 WITA that day)."""
    from datetime import datetime

    from ppidctl.workspace import Workspace

    def freeze(day: str) -> None:
        def now(self):
            return datetime.fromisoformat(f"{day}T10:00:00").replace(tzinfo=self.tz)

        monkeypatch.setattr(Workspace, "now", now)

    return freeze


@pytest.fixture(autouse=True)
def _fixed_today(today):
    """In-process commands run on 2026-11-22 unless a test moves the clock, so a number given
    by its sequence alone ("1") means the same year whenever the suite runs."""
    today("2026-11-22")
