"""Convert letters to PDF with LibreOffice (``soffice --headless --convert-to pdf``).

LibreOffice is optional. It is found through ``$PPIDCTL_SOFFICE`` (a path), else ``soffice`` or
``libreoffice`` on PATH, else where its installer puts it (Windows: ``%ProgramFiles%`` and
``%ProgramFiles(x86)%\\LibreOffice\\program\\soffice.exe``, which that installer does not add to
PATH; macOS: ``/Applications/LibreOffice.app``); when none is there :func:`to_pdf` raises
:class:`PdfError` saying so. Each conversion uses its own throw-away LibreOffice profile
(``-env:UserInstallation``), so parallel runs and a LibreOffice the user has open do not clash.
The PDF is written next to nothing else: converted in a temporary folder inside ``outdir``, then
moved into place with ``os.replace`` (an existing PDF of the same name is replaced).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ppidctl.errors import PpidError

__all__ = ["PdfError", "find_soffice", "not_found", "to_pdf", "to_pdf_many"]

DEFAULT_TIMEOUT = 180.0  # seconds; the first run with a fresh profile takes a few seconds


class PdfError(PpidError):
    """LibreOffice missing, failing or too slow."""


WINDOWS = os.name == "nt"
#: how to get LibreOffice, said wherever it is missing
INSTALL_HINT = (
    "pasang LibreOffice (libreoffice.org; di Linux mis. `apt install libreoffice-writer-nogui`) "
    "atau tunjuk soffice-nya dengan variabel lingkungan PPIDCTL_SOFFICE, atau ulangi tanpa --pdf "
    "(berkas .docx tetap dapat dicetak dari Word)"
)


def not_found(what: str) -> PdfError:
    """The refusal when LibreOffice is not found (naming a PPIDCTL_SOFFICE that is no file)."""
    given = os.environ.get("PPIDCTL_SOFFICE", "")
    where = f" (PPIDCTL_SOFFICE = {given} bukan berkas)" if given else ""
    return PdfError(f"LibreOffice (soffice) tidak ditemukan{where}, {what}", INSTALL_HINT)


def find_soffice() -> str | None:
    """Path of LibreOffice's ``soffice`` (see the module doc for where it is looked for), or
    None."""
    given = os.environ.get("PPIDCTL_SOFFICE", "")
    if given:
        return given if Path(given).is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    if WINDOWS:
        places = [
            Path(os.environ[var]) / "LibreOffice" / "program" / "soffice.exe"
            for var in ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432")
            if os.environ.get(var)
        ]
    else:
        places = [Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")]
    return next((str(p) for p in places if p.is_file()), None)


def to_pdf(docx: Path, outdir: Path, timeout: float = DEFAULT_TIMEOUT) -> Path:
    """Convert one .docx (or .xlsx) to ``outdir/<stem>.pdf``; returns that path."""
    return to_pdf_many([docx], outdir, timeout=timeout)[0]


def to_pdf_many(
    files: Sequence[Path], outdir: Path, timeout: float = DEFAULT_TIMEOUT
) -> list[Path]:
    """Convert several files in one LibreOffice run (much faster than one run each)."""
    files = [Path(f) for f in files]
    outdir = Path(outdir)
    if not files:
        return []
    soffice = find_soffice()
    if soffice is None:
        raise not_found("surat tidak dapat diubah ke PDF")
    for f in files:
        if not f.is_file():
            raise PdfError(f"berkas {f} tidak ditemukan", "periksa path berkas yang diubah ke PDF")
    stems = [f.stem for f in files]
    if len(set(stems)) != len(stems):
        raise PdfError("nama berkas yang diubah ke PDF harus berbeda", "ubah satu per satu")
    outdir.mkdir(parents=True, exist_ok=True)

    with (
        tempfile.TemporaryDirectory(prefix="ppidctl-lo-") as profile,
        tempfile.TemporaryDirectory(prefix=".ppidctl-pdf-", dir=outdir) as work,
    ):
        cmd = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            "pdf",
            "--outdir",
            work,
            *[str(f.resolve()) for f in files],
        ]
        env = dict(os.environ, HOME=profile)  # keep LibreOffice's caches out of the user's home
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,  # one process group: a timeout stops soffice.bin too
            env=env,
        )
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            try:
                if hasattr(os, "killpg"):
                    os.killpg(proc.pid, signal.SIGKILL)
                else:  # (Windows: soffice.exe starts soffice.bin, which holds the pipes)
                    subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)],
                                   capture_output=True, check=False)  # fmt: skip
            except ProcessLookupError:  # pragma: no cover
                pass
            try:
                proc.communicate(timeout=30)
            except subprocess.TimeoutExpired:  # pragma: no cover (a child that would not die)
                proc.kill()
            raise PdfError(
                f"LibreOffice tidak selesai mengubah ke PDF dalam {timeout:.0f} detik",
                "coba lagi, atau tutup LibreOffice yang menggantung",
            ) from None
        hasil = []
        for f in files:
            pdf = Path(work) / f"{f.stem}.pdf"
            if not pdf.is_file() or pdf.stat().st_size == 0:
                pesan = (err or out or b"").decode("utf-8", "replace").strip().splitlines()
                sebab = pesan[-1] if pesan else f"kode keluar {proc.returncode}"
                raise PdfError(
                    f"LibreOffice gagal mengubah {f.name} ke PDF ({sebab})",
                    "buka berkas itu di LibreOffice/Word untuk memeriksanya",
                )
            hasil.append(pdf)
        targets = []
        for pdf in hasil:
            target = outdir / pdf.name
            os.replace(pdf, target)
            targets.append(target)
    return targets
