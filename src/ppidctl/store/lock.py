"""The workspace lock: one writer at a time, across processes and desks.

An OS file lock (``filelock``: ``fcntl.flock`` on Linux/macOS, ``msvcrt`` on Windows) on
``registers/.kunci``. The OS releases it when the holder dies, so a crashed command never leaves
the workspace locked. While held, ``registers/.kunci.info`` says who holds it, for the waiting
message; it is removed on release, so a refused command leaves the workspace byte-identical
(``.kunci`` itself, made by ``init``, stays empty). A command that has to wait says so on stderr
and gives up with a clear error after ``batas_tunggu_kunci`` seconds.
"""

from __future__ import annotations

import errno
import getpass
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from ..errors import LockTimeout, WorkspaceError

LOCK_NAME = ".kunci"


def _holder(path: Path) -> str:
    try:
        return path.with_suffix(".info").read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def held(registers: Path) -> bool:
    """Whether a command seems to hold the lock now, read without taking it: ``.kunci.info``
    is there, and — when it names this computer — its process is alive (one killed leaves
    the file behind). Another computer's process cannot be asked: held. (Windows: the file
    alone; ``os.kill(pid, 0)`` there would send Ctrl-C.)"""
    holder = _holder(registers / LOCK_NAME)
    if not holder:
        return False
    who, _, rest = holder.partition(" pid ")
    pid = rest.split(" ", 1)[0]
    if os.name == "nt" or who.rpartition("@")[2] != socket.gethostname() or not pid.isdigit():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:  # (alive, another account's)
        return True
    return True


@contextmanager
def workspace_lock(
    registers: Path, timeout: float, notify=None, *, mode: int = 0o640, reader: bool = False
) -> Iterator[None]:
    """Hold the workspace lock (``mode``: the lock file's, when it is created). A ``reader``
    (``periksa``) that may not write the lock file — a read-only copy, an auditor's account —
    reads without it, and says so: nobody can write there through it either."""
    from filelock import FileLock, Timeout

    path = registers / LOCK_NAME
    # (kept on release: filelock deletes it on Windows unless told, and a refused command
    # would then have changed the workspace)
    lock = FileLock(str(path), is_singleton=False, mode=mode, preserve_lock_file=True)
    start = time.monotonic()
    try:
        lock.acquire(timeout=min(0.5, timeout), poll_interval=0.01)
    except Timeout:
        holder = _holder(path)
        if notify:
            notify(
                "Menunggu perintah lain yang sedang menulis workspace"
                + (f" ({holder})" if holder else "")
                + f"; paling lama {timeout:g} detik…"
            )
        try:
            lock.acquire(timeout=max(0.0, timeout - (time.monotonic() - start)), poll_interval=0.02)
        except Timeout:
            holder = _holder(path)
            raise LockTimeout(
                f"workspace sedang dipakai perintah lain lebih dari {timeout:g} detik"
                + (f" ({holder})" if holder else ""),
                "tunggu perintah itu selesai lalu ulangi; bila komputer pemegangnya mati, kunci "
                "lepas sendiri",
            ) from None
    except OSError as e:  # (no right to the lock file, or a read-only drive: a CD, a locked USB;
        # a share without file locks; after Timeout, which is an OSError too)
        no_locks = e.errno in (errno.ENOSYS, errno.ENOLCK, errno.EOPNOTSUPP)
        if not reader and no_locks:
            raise WorkspaceError(
                f"folder {registers.parent} tidak mendukung penguncian berkas, jadi "
                "dua perintah dapat menulis bersamaan; ppidctl tidak menulis di sana",
                "pakai folder lokal, atau folder jaringan yang meneruskan kunci (SMB, NFSv4 atau "
                "NFS dengan lockd)",
            ) from None
        if not reader or not (no_locks or e.errno in (errno.EACCES, errno.EPERM, errno.EROFS)):
            raise
        notify(f"Catatan: {path} tidak dapat dikunci; diperiksa tanpa kunci")
        yield
        return
    info = path.with_suffix(".info")
    try:
        try:  # (made afresh, never through a link planted there: it wrote and opened any file)
            info.unlink(missing_ok=True)
            fd = os.open(
                info, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), mode
            )
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                if hasattr(os, "fchmod"):  # (as the lock file: izin_berkas, whatever the umask)
                    os.fchmod(f.fileno(), mode)
                f.write(
                    f"{getpass.getuser()}@{socket.gethostname()} pid {os.getpid()} "
                    # (desks may differ in zone: the offset always, never a zone's name)
                    f"sejak {datetime.now().astimezone().isoformat(sep=' ', timespec='seconds')}"
                )
        except OSError:
            pass
        yield
    finally:
        try:
            info.unlink(missing_ok=True)  # (still holding the lock: nobody else writes it now)
        except OSError:
            pass
        lock.release()
