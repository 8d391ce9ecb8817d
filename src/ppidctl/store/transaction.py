"""The one commit step: validate everything first, then write all outputs or none.

A :class:`Transaction` holds the workspace lock from the first read to the last write. Use cases
change rows through it (so every change gets its journal line) and hand it the letter files to
create. Nothing touches the disk until :meth:`commit`: then new files are created (never over an
existing one), the journal lines are appended and fsynced, and each changed register is replaced
atomically (temp file in the same folder, fsync, ``os.replace``). An exception before the commit
leaves the workspace byte-identical.
"""

from __future__ import annotations

import getpass
import os
import tempfile
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import journal
from .lock import workspace_lock
from .table import Table, read_table

if TYPE_CHECKING:
    from ..workspace import Workspace


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes, mode: int) -> None:
    """Replace ``path`` with ``data``: temp file beside it, fsync, chmod, os.replace."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_dir(path.parent)


def create_new(path: Path, data: bytes, mode: int) -> Path:
    """Create ``path`` (or ``name-2.ext``, ``name-3.ext`` … if taken): never overwrites."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        n = 1
        while True:
            target = path if n == 1 else path.with_name(f"{path.stem}-{n}{path.suffix}")
            try:
                os.link(tmp, target)
                return target
            except FileExistsError:
                n += 1
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass


class Transaction:
    def __init__(self, ws: Workspace, perintah: str, petugas: str | None) -> None:
        self.ws = ws
        self.perintah = perintah
        self.petugas = petugas or ""
        self.tables: dict[str, Table] = {}
        self.entries: list[dict[str, Any]] = []
        self.files: list[tuple[Path, bytes]] = []
        self.replacements: list[tuple[Path, bytes]] = []
        self.written: list[Path] = []
        self._stack = ExitStack()

    def __enter__(self) -> Transaction:
        self.ws.registers_dir.mkdir(parents=True, exist_ok=True)
        self._stack.enter_context(workspace_lock(self.ws.registers_dir, self.ws.lock_timeout))
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None:
                self.commit()
        finally:
            self._stack.close()

    # -- reading and changing ----------------------------------------------------------------
    def table(self, register: str) -> Table:
        if register not in self.tables:
            self.tables[register] = read_table(register, self.ws.register_path(register))
        return self.tables[register]

    def log(
        self, register: str, nomor: str, aksi: str, diff: dict[str, tuple[str, str]], **extra: Any
    ) -> None:
        entry: dict[str, Any] = {
            "waktu": self.ws.now().isoformat(timespec="seconds"),
            "pengguna": _user(),
            "petugas": self.petugas,
            "perintah": self.perintah,
            "register": register,
            "nomor": nomor,
            "aksi": aksi,
            "perubahan": {k: [b, a] for k, (b, a) in diff.items()},
        }
        entry.update(extra)
        self.entries.append(entry)

    def append(self, register: str, values: dict[str, str], **extra: Any) -> dict[str, str]:
        """Add a row (journalled); returns it as stored."""
        row = self.table(register).append(values)
        diff = {k: ("", v) for k, v in row.items() if v}
        self.log(register, row.get(_key(register), ""), "tambah", diff, **extra)
        return row

    def update(self, register: str, i: int, changes: dict[str, str], **extra: Any) -> dict:
        table = self.table(register)
        diff = table.update(i, changes)
        if diff or extra:
            self.log(register, table.rows[i].get(_key(register), ""), "ubah", diff, **extra)
        return diff

    def add_file(self, path: Path, data: bytes) -> None:
        """A new file (a letter) to create at commit; never overwrites an existing one."""
        self.files.append((path, data))

    def replace_file(self, path: Path, data: bytes) -> None:
        """A non-register file (ppidctl.toml) to replace atomically at commit."""
        self.replacements.append((path, data))

    # -- the commit ------------------------------------------------------------------------
    def commit(self) -> None:
        if not self.entries and not self.files:
            return
        mode = self.ws.file_mode
        blobs = {name: t.to_bytes() for name, t in self.tables.items() if t.dirty}
        try:
            for path, data in self.files:
                self.written.append(create_new(path, data, mode))
            hashes = {name: journal.sha256_bytes(b) for name, b in blobs.items()}
            files = [str(p.relative_to(self.ws.root)) for p in self.written]
            for entry in self.entries:
                if files:
                    entry.setdefault("berkas", files)
                entry["register_sha256"] = hashes
            jpath = self.ws.journal_path
            journal.append(jpath, journal.chain(self.entries, journal.last_line(jpath)), mode)
        except BaseException:
            for p in self.written:
                try:
                    p.unlink()
                except OSError:
                    pass
            self.written.clear()
            raise
        carried = self._sequences_before(blobs)
        for name, data in blobs.items():
            write_atomic(self.tables[name].path, data, mode)
        self._sequences_after(carried)
        for path, data in self.replacements:
            write_atomic(path, data, 0o644)

    def _sequences_before(self, blobs: dict[str, bytes]) -> dict[str, dict[str, int]]:
        """Cached sequence maxima of the registers about to be written, with this commit's new
        rows added, so the cache stays valid for the next command (see seqcache)."""
        from ..workspace import cache_dir
        from . import seqcache

        out = {}
        for name in blobs.keys() & {"permohonan", "keberatan"}:
            pattern = self.ws.settings.get("penomoran", name)
            maxes = seqcache.lookup(cache_dir(), self.tables[name].path, pattern)
            if maxes is None:
                continue
            added = [
                {
                    "nomor_registrasi": e["nomor"],
                    "tanggal_diterima": e["perubahan"]["tanggal_diterima"][1],
                }
                for e in self.entries
                if e["register"] == name and e["aksi"] == "tambah"
            ]
            for year, seq in seqcache.maxima(added, pattern).items():
                maxes[year] = max(maxes.get(year, 0), seq)
            out[name] = maxes
        return out

    def _sequences_after(self, carried: dict[str, dict[str, int]]) -> None:
        from ..workspace import cache_dir
        from . import seqcache

        for name, maxes in carried.items():
            pattern = self.ws.settings.get("penomoran", name)
            seqcache.remember(cache_dir(), self.tables[name].path, pattern, maxes)


def _key(register: str) -> str:
    return {"surat": "nomor_surat", "libur": "tanggal"}.get(register, "nomor_registrasi")


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in some containers
        return str(os.getuid()) if hasattr(os, "getuid") else ""
