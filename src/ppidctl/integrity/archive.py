"""``ppidctl arsip``: the workspace folder is the backup unit; this writes it as a dated zip.

The zip is made under the workspace lock (no command half-way through a commit), holds every file
of the workspace (temp files and earlier archives aside, the lock file empty; symbolic links are
not followed), and gets a ``.sha256`` file beside it in ``sha256sum`` format. The archive's name and
checksum are then journalled, so the journal itself vouches for each backup — except on a journal
whose last line is torn, which takes no line until ``pulihkan``: that archive is made and said
unjournalled.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import tempfile
import time
import zipfile
from pathlib import Path

from ..errors import RuleError, sebab
from ..store import transaction
from ..store.lock import LOCK_NAME
from ..store.transaction import create_new, link_new
from .anchor import last_line

PREFIX = "ppidctl-arsip-"
SKIP_NAMES = {LOCK_NAME, LOCK_NAME + ".info"}


def _members(root: Path) -> tuple[list[Path], list[str]]:
    """What an archive holds: every folder (so that unzip gives it back its mode, 0750, not the
    umask's 0755) and every file but the lock, temp files and earlier archives; and the links
    left out (not followed: what they point to is not the workspace's to archive — told, as a
    year of letters moved to another disk was left out without a word: review sesi31 L4)."""
    out: list[Path] = []
    links: list[str] = []
    for folder, dirs, files in os.walk(root):  # os.walk does not follow symbolic links
        here = Path(folder)
        links += [(here / d).relative_to(root).as_posix() + "/" for d in sorted(dirs)
                  if (here / d).is_symlink()]  # fmt: skip
        dirs[:] = sorted(d for d in dirs if not (here / d).is_symlink())
        out.append(here)
        for name in sorted(files):
            path = here / name
            if path.is_symlink():
                links.append(path.relative_to(root).as_posix())
                continue
            if not path.is_file():
                continue
            if name in SKIP_NAMES or (name.startswith(".") and name.endswith(".tmp")):
                continue
            if name.startswith(PREFIX) and name.endswith((".zip", ".zip.sha256")):
                continue
            out.append(path)
    return out, links


def archive(ws, keluaran: Path | None = None, *, petugas: str = "") -> dict[str, object]:
    folder = Path(keluaran).expanduser() if keluaran is not None else Path.cwd()
    if not folder.is_dir():
        raise RuleError(
            f"folder {folder} tidak ada",
            "buat foldernya dahulu, atau pilih folder lain dengan --keluaran",
        )
    target = folder.resolve()
    if target == ws.registers_dir or target.is_relative_to(ws.registers_dir):
        raise RuleError(
            "arsip tidak boleh disimpan di dalam folder registers/",
            "pilih folder lain dengan --keluaran, sebaiknya di diska lain (diska eksternal, "
            "folder jaringan)",
        )
    kode = re.sub(r"[^A-Za-z0-9._-]+", "-", str(ws.settings.get("instansi", "kode_satker")))
    kode = kode.strip("-.") or "ws"
    mode = ws.file_mode
    made: list[Path] = []  # the archive and its checksum, once named
    lines = transaction.journalled
    try:
        return _archive(ws, target, kode, mode, petugas, made)
    except BaseException as e:  # (a Ctrl-C, a full disk, a journal line refused: no archive
        # the journal does not name is left behind — review rusak L2; a Ctrl-C held until
        # its line was written leaves it, named)
        for path in made if transaction.journalled == lines else ():
            try:
                path.unlink()
            except OSError:
                pass
        if (  # (writing the zip: the backup drive, not the workspace — review rusak L1)
            isinstance(e, OSError)
            and not isinstance(e, PermissionError)
            and (e.filename is None or Path(e.filename).parent == target)
        ):
            raise RuleError(
                f"arsip tidak dapat ditulis di {target} ({sebab(e)}); workspace tidak berubah",
                # (an empty FAT32 stick still refuses a file of 4 GB: review sesi33 L4)
                (
                    "pakai diska tujuan berformat exFAT atau NTFS"
                    if e.errno == errno.EFBIG
                    else "kosongkan ruang di diska tujuan"
                )
                + ", atau pilih folder lain dengan --keluaran",
            ) from None
        raise


def _archive(ws, target: Path, kode: str, mode: int, petugas: str, made: list[Path]) -> dict:
    with ws.transaction("arsip", petugas) as tx:
        tx.refuse_lost_journal()  # (lost while this waited for the lock: no zip without it)
        # the journal the zip holds ends here: its last line's hash, to write down as an anchor
        # (periksa --jangkar; review audit H1). None: its last line is torn (it is there: refused
        # above otherwise) — it takes no line, but the zip is still made: the backup a desk most
        # needs before pulihkan (review sesi32d2 L6)
        last = last_line(ws.journal_path)
        torn = last is None
        name = f"{PREFIX}{kode}-{ws.now().strftime('%Y%m%d-%H%M%S')}.zip"
        members, links = _members(ws.root)
        files = sum(not p.is_dir() for p in members)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=target)
        try:
            with os.fdopen(fd, "wb") as f:
                with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as zf:
                    for path in members:
                        inside = path.relative_to(ws.root).as_posix()
                        zf.write(
                            path, ws.root.name if inside == "." else f"{ws.root.name}/{inside}"
                        )
                    # the lock file, empty (its bytes are not read: Windows locks them): a
                    # workspace unzipped without it got one from the first refused command —
                    # a refusal that wrote (review tolak H1)
                    lock = zipfile.ZipInfo(  # (dated as the files beside it: local time)
                        f"{ws.root.name}/registers/{LOCK_NAME}", time.localtime()[:6]
                    )
                    lock.external_attr = (0o100000 | mode) << 16
                    zf.writestr(lock, b"")
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, mode)
            digest = hashlib.sha256()
            with open(tmp, "rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    digest.update(block)
            sha = digest.hexdigest()
            final = target / name
            n = 1
            while True:
                try:
                    link_new(tmp, final)
                    made.append(final)
                    break
                except FileExistsError:
                    n += 1
                    final = target / f"{name[:-4]}-{n}.zip"
        finally:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        check = create_new(
            final.with_name(final.name + ".sha256"), f"{sha}  {final.name}\n".encode(), mode
        )
        made.append(check)
        if not torn:
            tx.log(
                "workspace",
                "",
                "arsip",
                {},
                arsip=final.name,
                sha256=sha,
                jumlah_berkas=files,
            )
    return {
        "arsip": str(final),
        "sha256": sha,
        "berkas_sha256": str(check),
        "jumlah_berkas": files,
        "tautan_dilewati": links,
        "dicatat_di_jurnal": not torn,
        "jurnal": {"baris": last[0], "hash_baris_terakhir": last[1]} if last else None,
    }
