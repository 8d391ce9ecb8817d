"""The one commit step: validate everything first, then write all outputs or none.

A :class:`Transaction` holds the workspace lock from the first read to the last write. Use cases
change rows through it (so every change gets its journal line) and hand it the letter files to
create. Nothing touches the disk until :meth:`commit`: then new files are written under temp names
(:func:`staged_name`) and each changed register to a temp file beside it (fsynced), the journal
lines naming them are appended and fsynced, the new files are linked to their names (never over
an existing one), and each register is replaced by its temp file (``os.replace``, atomic). An
exception before the journal lines — a full disk among them — leaves the workspace
byte-identical. A process killed before them leaves only temp files (``ppidctl pulihkan``
deletes them: no letter with a number the journal never gave); killed after them, the temp file
of a letter the journal names is what ``pulihkan`` moves into place, and a register not yet
replaced is written again from the journal.

The journal lines of one commit carry the SHA-256 of every register it replaces as read
(``register_sha256_sebelum``) and as written (``register_sha256``), and the commit's id. So
``ppidctl periksa`` can tell a register edited outside ppidctl between two commands, and a commit
cut short after its journal lines (power cut, killed process): that one is refused here until
``ppidctl pulihkan`` has applied it, so that a new command never builds on a half-applied one.

Files and the folders created for them get exactly the ``[penyimpanan] izin_berkas`` mode (default
0640: registers and letters hold personal data), folders the same with ``x`` where ``r`` is (0750),
whatever the process's umask; the workspace's own folders and lock file are brought to it by their
owner's next command (``fit_modes``).
"""

from __future__ import annotations

import errno
import functools
import getpass
import os
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import RegisterError, sebab
from . import journal
from .copies import KOSONG, TUNGGU, empty_file, stray_copies
from .lock import workspace_lock
from .table import Table, read_csv, read_table

#: what a file is written from: its bytes, or its pieces in order
Data = bytes | tuple[bytes, ...]

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


def dir_mode(mode: int) -> int:
    """The folder mode that goes with a file mode: ``x`` wherever ``r`` is (0640 → 0750)."""
    out = mode & 0o777
    for r, x in ((0o400, 0o100), (0o040, 0o010), (0o004, 0o001)):
        if mode & r:
            out |= x
    return out


def fit_modes(ws) -> None:
    """The workspace's folders (``dir_mode``) and the files in registers/ (``izin_berkas``)
    given the mode the settings ask for, where this account owns them: after ``izin_berkas =
    "0660"`` for several accounts, the owner's next command opens them to the group. Others'
    are left alone (only the owner may change them; docs/integritas.md says what to do)."""
    if not hasattr(os, "getuid"):  # (Windows: ACLs, not modes)
        return
    mode, uid = ws.file_mode, os.getuid()
    # a folder the group writes in passes its group on (setgid): a file another account writes
    # there stays readable by the others, whatever that account's own group
    folder = dir_mode(mode) | (0o2000 if mode & 0o020 else 0)
    wanted = [(ws.root / f, folder) for f in ("registers", "templates", "letters")]
    try:  # the letters' year folders; the lock file, the journal (appended) and the registers
        wanted += [(d, folder) for d in ws.letters_dir.iterdir() if d.is_dir()]
        wanted += [(f, mode) for f in ws.registers_dir.iterdir() if f.suffix != ".tmp"]
    except OSError:
        pass
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0)
    for path, bits in wanted:
        try:  # (the entry itself, never what a link planted there points to: a colleague's
            # link made the owner's own files outside the workspace readable by the group)
            fd = os.open(path, flags)
        except OSError:
            continue
        try:
            st = os.fstat(fd)
            want = bits | (st.st_mode & 0o2000)  # (a setgid the office set is kept)
            if st.st_uid == uid and st.st_mode & 0o2777 != want:
                os.fchmod(fd, want)
        except OSError:
            pass
        finally:
            os.close(fd)


def make_dirs(folder: Path, mode: int) -> None:
    """Create ``folder`` and its missing parents, each with exactly ``dir_mode(mode)``."""
    missing = []
    p = folder
    while not p.is_dir():
        missing.append(p)
        if p.parent == p:
            break
        p = p.parent
    for d in reversed(missing):
        try:
            d.mkdir()
        except FileExistsError:
            continue  # made at the same moment by another desk
        try:  # (keeps the setgid bit a shared folder passes on: new files follow its group)
            os.chmod(d, dir_mode(mode) | (d.stat().st_mode & 0o7000))
        except OSError:
            pass


def _write_temp(path: Path, data: Data, mode: int) -> str:
    """A temp file holding ``data`` (fsynced, ``mode``) in ``path``'s folder; none is left
    when writing it fails."""
    make_dirs(path.parent, mode)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            for chunk in data if isinstance(data, tuple) else (data,):
                f.write(chunk)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
    except BaseException:
        _unlink(tmp)
        raise
    return tmp


def _unlink(path: str | Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


@contextmanager
def _temp_beside(path: Path, data: Data, mode: int) -> Iterator[str]:
    """:func:`_write_temp`, removed afterwards unless it was moved into place."""
    tmp = _write_temp(path, data, mode)
    try:
        yield tmp
    finally:
        _unlink(tmp)


#: Windows refuses to replace a file another program has open: Excel locks a workbook it shows
#: for as long as it shows it, another desk's reader for a moment
WINDOWS = os.name == "nt"


@contextmanager
def interrupts_held() -> Iterator[None]:
    """Ctrl-C (SIGINT) held until the block is done, then delivered (dropped when the block
    fails: its error is what the desk reads). A commit's journal lines and the writes they
    promise are one step: interrupted between them, its letters were deleted though the
    journal named them (lost for good), the desk was told nothing was recorded, or the
    register was left for ``pulihkan`` (review serentak H1, L2). The whole commit is held (a
    second or two on a large register), so no moment of it is left between. A kill (SIGKILL,
    SIGTERM, power) still cuts anywhere: ``pulihkan`` finishes that. Only the main thread can
    set a handler; elsewhere the block runs as it is."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    got: list[int] = []
    old = signal.signal(signal.SIGINT, lambda signum, _frame: got.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old)
    if got and callable(old):  # (SIG_IGN, SIG_DFL: ignored, or not Python's to deliver)
        old(signal.SIGINT, None)


#: commits this process has journalled (from then on the change is recorded: ``pulihkan``
#: finishes what a crash cut short). The CLI reads it when stdout closes under it.
journalled = 0
#: the journal field marking a register written with an unaccepted outside edit in it
OUTSIDE = "suntingan_luar"
#: registers this process wrote with such an edit still in them (the CLI tells the desk: the
#: step went through, the edit rode along unaccepted)
MARKED: dict[str, None] = {}
#: the commands that may write the first line of a journal (see Transaction.refuse_lost_journal)
STARTS_JOURNAL = ("init", "periksa --terima-perubahan")
_RETRY_S = (0.05, 0.1, 0.2, 0.4, 0.8)  # a reader's moment, not Excel's hours


def held_open(path: Path) -> bool:
    """Whether another program holds ``path`` so that it cannot be replaced now (Windows: Excel
    opens a workbook, CSV included, with sharing that denies writing; never so on POSIX)."""
    if not WINDOWS or not path.exists():
        return False
    try:
        with open(path, "r+b"):
            return False
    except PermissionError:
        return True


def write_atomic(path: Path, data: Data, mode: int) -> None:
    """Replace ``path`` with ``data`` (bytes, or pieces of it): temp file beside it, fsync,
    chmod, os.replace (on Windows tried again for a moment while a reader holds the file)."""
    try:
        with _temp_beside(path, data, mode) as tmp:
            _replace(tmp, path)
    except OSError as e:  # (a full disk, a folder refused: told by the file asked for, not by
        raise type(e)(e.errno, e.strerror, str(path)) from None  # the temp name beside it)
    _fsync_dir(path.parent)


def _replace(src: str | Path, dst: Path) -> None:
    """``os.replace``, on Windows tried again for a moment while another program (a reader,
    an antivirus, the indexer) holds ``dst``."""
    for wait in (*_RETRY_S, None) if WINDOWS else (None,):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if wait is None:
                raise
            time.sleep(wait)


def staged_name(path: Path, txid: str) -> Path:
    """The temp name a commit writes ``path`` under before its journal lines: hidden, in the same
    folder, with the commit's id (``.name.docx.<id>.tmp``), so that ``pulihkan`` knows which
    journalled file it is (:func:`staged_target`)."""
    return path.with_name(f".{path.name}.{txid}.tmp")


def staged_target(temp: Path) -> tuple[Path, str] | None:
    """(the file, the commit id) a temp file of :func:`staged_name` stands for, else None."""
    name = temp.name
    if not (name.startswith(".") and name.endswith(".tmp")):
        return None
    target, _, txid = name[1:-4].rpartition(".")
    if not target or len(txid) != 12 or any(c not in "0123456789abcdef" for c in txid):
        return None
    return temp.with_name(target), txid


def _stage(path: Path, data: bytes, mode: int, txid: str) -> Path:
    """Write ``data`` to ``staged_name(path, txid)`` (fsynced, exactly ``mode``)."""
    make_dirs(path.parent, mode)
    temp = staged_name(path, txid)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temp, mode)
    except OSError as e:  # (named by the letter, not its temp name: review rusak L1)
        _unlink(temp)
        raise OSError(e.errno, e.strerror, str(path)) from None
    except BaseException:
        _unlink(temp)
        raise
    return temp


def link_new(temp: str | Path, path: Path) -> None:
    """Give the complete file ``temp`` the name ``path`` too, never over an existing file
    (``FileExistsError`` when taken): a hard link; where the file system has none (FAT/exFAT
    drives, some network shares, often on Windows), the name is claimed empty with ``O_EXCL``
    and the temp file then replaces the empty one (``temp`` is gone afterwards)."""
    try:
        os.link(temp, path)
    except FileExistsError:
        raise
    except OSError:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        try:
            _replace(temp, path)
        except BaseException:
            path.unlink(missing_ok=True)
            raise


def put_in_place(temp: Path, path: Path) -> None:
    """Give the staged ``temp`` its name ``path`` (never over an existing file — but over the
    empty one a ``link_new`` cut short between claiming the name and filling it left)."""
    try:
        link_new(temp, path)
    except FileExistsError:
        if path.stat().st_size or not temp.stat().st_size:
            raise
        _replace(temp, path)
    try:
        temp.unlink()
    except OSError:
        pass
    _fsync_dir(path.parent)


def numbered(path: Path, n: int) -> Path:
    """``path`` itself for n = 1, else ``name-n.ext``: the names of later copies of a file."""
    return path if n == 1 else path.with_name(f"{path.stem}-{n}{path.suffix}")


def create_new(path: Path, data: bytes, mode: int) -> Path:
    """Create ``path`` (or ``name-2.ext``, ``name-3.ext`` … if taken): never overwrites."""
    with _temp_beside(path, data, mode) as tmp:
        n = 1
        while True:
            try:
                link_new(tmp, numbered(path, n))
                return numbered(path, n)
            except FileExistsError:
                n += 1


#: the time of day a step happened, as typed (``--tanggal YYYY-MM-DDTHH:MM``; set by
#: services.common.dated_step): journalled with the step, whose register keeps the day only
#: (review bukti L1: a hand-over's time at a hearing; the SOP's minute standards)
STEP_TIME: ContextVar[str] = ContextVar("ppidctl_step_time", default="")


class Transaction:
    def __init__(self, ws: Workspace, perintah: str, petugas: str | None) -> None:
        self.ws = ws
        self.perintah = perintah
        from ..rules.validation import teks  # (PPIDCTL_PETUGAS from a cp1252 script, a paste)

        self.petugas = teks(petugas, "--petugas / PPIDCTL_PETUGAS")
        self.tables: dict[str, Table] = {}
        self.entries: list[dict[str, Any]] = []
        #: rows added per register, as stored (for the sequence cache)
        self.added: dict[str, list[dict[str, str]]] = {}
        self.retiring: dict[str, set[str]] = {}  # numbers deleted or changed in this commit
        self._retired: dict[str, set[str]] = {}  # (see retired)
        self.files: list[tuple[Path, bytes]] = []
        self.replacements: list[tuple[Path, bytes]] = []
        self.written: list[Path] = []
        #: registers replaced wholesale at commit (``ppidctl pulihkan``)
        self.raw: dict[str, bytes] = {}
        #: registers not changed whose current hash the journal lines must carry (an accepted
        #: hand edit: ``periksa --terima-perubahan``)
        self.attested: set[str] = set()
        #: a repair (``pulihkan``): skips the refusal of a half-applied previous commit
        self.pemulihan = False
        #: registers whose mark of an unaccepted outside edit this commit carries on (a repair
        #: finishing a marked commit: see _refuse_changed_outside)
        self.still_outside: set[str] = set()
        self._read: dict[str, bytes | None] = {}
        #: the fields every journal line of this commit starts with (see journal.chain)
        self._common: dict[str, str] | None = None
        self._stack = ExitStack()

    def __enter__(self) -> Transaction:
        if self.perintah not in STARTS_JOURNAL:
            # (before the lock re-creates a lost registers/ folder; pulihkan itself decides
            # about a fragment: see integrity.repair)
            self.refuse_lost_journal(fragments=not self.perintah.startswith("pulihkan"))
        make_dirs(self.ws.registers_dir, self.ws.file_mode)
        fit_modes(self.ws)
        self._stack.enter_context(
            workspace_lock(
                self.ws.registers_dir,
                self.ws.lock_timeout,
                self.ws.on_lock_wait,
                mode=self.ws.file_mode,
            )
        )
        self.ws.refresh()  # (what another process changed before the lock was ours)
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
            path = self.ws.register_path(register)
            try:
                data: bytes | None = path.read_bytes()
            except FileNotFoundError:
                data = None
            except OSError:
                data = None
                read_table(register, path)  # raises the clear error
            self._read[register] = data  # kept to hash at commit (the state before)
            if data is None:
                table = read_table(register, path)
            elif path.suffix.lower() == ".xlsx":
                from .xlsx import read_xlsx

                table = read_xlsx(register, path, data)
                if table.other_sheets:  # (the rewrite would drop them: refused before any write)
                    raise RegisterError(
                        f"{path.name} memuat lembar lain ({', '.join(table.other_sheets)}) di "
                        f"samping lembar register '{register}': menulis ulang register akan "
                        "menghapusnya",
                        "pindahkan lembar itu ke berkas lain lalu ulangi perintah ini",
                    )
            else:
                table = read_csv(register, path, data)
            if not self.pemulihan:  # (a rebuild is what resolves it)
                self.ws.refuse_other_format(register, lambda: bool(table.rows))
            self.tables[register] = table
        return self.tables[register]

    def log(
        self, register: str, nomor: str, aksi: str, diff: dict[str, tuple[str, str]], **extra: Any
    ) -> None:
        if aksi == "tambah":
            changed: dict = {k: a for k, (_b, a) in diff.items()}
        else:
            changed = {k: [b, a] for k, (b, a) in diff.items()}
            gone = journal.retired_by(register, aksi, diff)
            if gone:  # (a number deleted or changed stays used: see journal.retired_numbers)
                self.retiring.setdefault(register, set()).update(gone)
        self._entry(register, nomor, aksi, changed, extra)

    def _entry_common(self) -> None:
        if self._common is None:  # one timestamp for the whole command
            self._common = {
                "waktu": self.ws.now().isoformat(timespec="seconds"),
                "pengguna": _user(),
                "petugas": self.petugas,
                "perintah": self.perintah,
            }
            if STEP_TIME.get():
                self._common["waktu_langkah"] = STEP_TIME.get()

    def _entry(self, register: str, nomor: str, aksi: str, changed: dict, extra: dict) -> None:
        self._entry_common()
        entry: dict[str, Any] = {
            "register": register,
            "nomor": nomor,
            "aksi": aksi,
            # a new row: its values; a change: {key: [before, after]} (see store.journal)
            "nilai" if aksi == "tambah" else "perubahan": changed,
        }
        entry.update(extra)
        self.entries.append(entry)

    def append(self, register: str, values: dict[str, str], **extra: Any) -> dict[str, str]:
        """Add a row (journalled); returns it as stored."""
        row = self.table(register).append(values)
        self.added.setdefault(register, []).append(row)
        nilai = {k: v for k, v in row.items() if v}
        self._entry(register, row.get(journal.row_key(register), ""), "tambah", nilai, extra)
        return row

    def append_many(
        self, register: str, rows: list[dict[str, str]], berkas: str, sumber: list[list]
    ) -> list[dict[str, str]]:
        """Add many rows (an import) in one journal line (see journal.bulk); ``sumber``: the
        ``[sheet, row]`` each came from in the file ``berkas``. Returns them as stored."""
        table = self.table(register)
        stored = table.extend(rows)
        self.added.setdefault(register, []).extend(stored)
        if stored:  # every stored row has every schema key, in schema order (Table.append)
            self._entry_common()
            self.entries.append(
                journal.bulk(
                    register,
                    list(stored[0]),
                    [list(r.values()) for r in stored],
                    {"berkas": berkas, "baris": sumber},
                )
            )
        return stored

    def update(self, register: str, i: int, changes: dict[str, str], **extra: Any) -> dict:
        table = self.table(register)
        diff = table.update(i, changes)
        if diff or extra:
            self.log(
                register, table.rows[i].get(journal.row_key(register), ""), "ubah", diff, **extra
            )
        return diff

    def add_file(self, path: Path, data: bytes) -> None:
        """A new file (a letter) to create at commit; never overwrites an existing one."""
        self.files.append((path, data))

    def replace_file(self, path: Path, data: bytes) -> None:
        """A non-register file (ppidctl.toml) to replace atomically at commit."""
        self.replacements.append((path, data))

    def put_register(self, register: str, data: bytes) -> None:
        """Replace a whole register with ``data`` at commit (hashed and journalled as a change)."""
        self.raw[register] = data

    def attest(self, register: str) -> None:
        """Record the register's current hash in this commit's journal lines (not changed)."""
        self.attested.add(register)

    # -- the commit ------------------------------------------------------------------------
    def commit(self) -> None:
        if not self.entries and not self.files:
            return
        with interrupts_held():  # (a Ctrl-C waits for the commit: before or after, never between)
            self._commit()

    def _commit(self) -> None:
        mode = self.ws.file_mode
        staged: list[Path] = []  # temp files of self.files, in order (see staged_name)
        made: list[Path] = []  # folders made for them
        blobs = {name: t.to_chunks() for name, t in self.tables.items() if t.dirty}
        blobs.update({name: (data,) for name, data in self.raw.items()})
        try:
            jpath = self.ws.journal_path
            last = journal.tail(jpath)  # refuses a torn journal before anything is written
            if not last and self.perintah not in STARTS_JOURNAL and not self.pemulihan:
                # lost while this command waited for the lock (checked on entering too)
                self.refuse_lost_journal()
            before = {
                name: self._hash_before(name) for name in sorted(blobs.keys() | self.attested)
            }
            tainted = {n: True for n in sorted(self.still_outside & blobs.keys())}
            if not self.pemulihan:
                # each register against the last commit that wrote it (other registers' commits
                # may have come since): unfinished, or edited outside ppidctl
                outside: dict[str, Any] = {}
                # (the office's days off gone: every deadline would be counted without them)
                gone = set() if self._path("libur").exists() else {"libur"}
                recorded = journal.recorded(
                    jpath, "register_sha256", set(before) | gone, last,
                    beside=OUTSIDE, found_beside=outside,
                )  # fmt: skip
                self._refuse_lost_days_off(gone & recorded.keys())
                self._refuse_half_applied(jpath, last, before, recorded)
                self._refuse_endings_only(before, recorded)
                grown = {
                    n: before[n]
                    for n, rows in self.added.items()
                    if rows and n in before and n in journal.NUMBER_COLUMN
                }
                self._refuse_changed_outside(grown, recorded, outside)
                self._refuse_stray_copies(grown)
                # a register written with an edit made outside ppidctl still in it (a row
                # deleted in Excel, then a step on another row): its hash is the journal's
                # again, so the lines say so until the edit is accepted or rebuilt away
                tainted |= {
                    n: True
                    for n in blobs.keys() - self.attested
                    if n in recorded and (recorded[n] != before[n] or outside.get(n))
                }
            held = [self._path(n) for n in sorted(blobs)] + [p for p, _ in self.replacements]
            held = [p for p in held if held_open(p)]
            if held:  # (refused before the journal: the command leaves nothing behind)
                names = ", ".join(p.relative_to(self.ws.root).as_posix() for p in held)
                raise RegisterError(
                    f"{names} sedang dibuka program lain (mis. Excel), jadi tidak dapat ditulis",
                    "tutup berkasnya lalu ulangi perintah; untuk dibaca di Excel pakai salinan "
                    "dari ppidctl ekspor",
                )
            retired = self._retired_field()
            hashes = {name: self._hash_after(name, b) for name, b in blobs.items()}
            hashes.update({n: before[n] for n in sorted(self.attested - blobs.keys())})
            txid, count = os.urandom(6).hex(), len(self.entries)
            # New files are staged under temp names first: the journal names them before they
            # exist, so a kill in between leaves nothing but a temp file (see the module doc).
            for path, data in self.files:
                n = 1
                while numbered(path, n).exists() or numbered(path, n) in self.written:
                    n += 1
                self.written.append(numbered(path, n))
                if not path.parent.is_dir():  # (removed again if nothing is journalled)
                    made.append(path.parent)
                staged.append(_stage(numbered(path, n), data, mode, txid))
            files = [p.relative_to(self.ws.root).as_posix() for p in self.written]
            for k, entry in enumerate(self.entries, 1):
                if files and k == 1:  # the files of the commit, once (on its first line)
                    entry.setdefault("berkas", files)
                if k in (1, count):  # the commit's first and last lines carry its hashes
                    entry["register_sha256_sebelum"] = before
                    if tainted:  # (read beside the hashes: journal.recorded)
                        entry[OUTSIDE] = tainted
                    entry["register_sha256"] = hashes
                if k == count and retired:
                    entry["nomor_dihapus"] = retired
                entry["transaksi"] = {"id": txid, "ke": k, "dari": count}
            lines = journal.chain(self.entries, last, self._common)
            # the registers too, written whole before the journal lines: a full disk or a
            # refused folder then leaves nothing journalled, and after them only renames are
            # left to do (review rusak M2: the largest write came last, and failed there)
            temps = self._stage_registers(blobs, mode)
        except BaseException:
            self._unstage(staged, made)
            raise
        try:
            journal.append(jpath, lines, mode)
        except BaseException:  # (nothing journalled: append cuts what it wrote)
            for tmp, _path in temps:
                _unlink(tmp)
            self._unstage(staged, made)
            raise
        global journalled
        journalled += 1
        if not self.pemulihan:
            for name in tainted:
                MARKED[name] = None
        self._write_out(staged, temps, blobs, hashes)

    def _unstage(self, staged: list[Path], made: list[Path]) -> None:
        """Delete the temp files of a commit that journalled nothing, and the folders ``made``
        for them (a new year's letters/ folder: the refusal leaves the workspace as it was)."""
        for p in staged:
            _unlink(p)
        for folder in reversed(made):
            try:
                folder.rmdir()
            except OSError:  # (not empty: another desk's letter came meanwhile)
                pass
        self.written.clear()

    def _stage_registers(self, blobs: dict[str, Data], mode: int) -> list[tuple[str, Path]]:
        """Each changed register written to a temp file beside it: (temp, register path). On a
        failure none is left, and the desk reads that nothing was recorded."""
        temps: list[tuple[str, Path]] = []
        for name, data in blobs.items():
            path = self._path(name)
            try:
                temps.append((_write_temp(path, data, mode), path))
            except BaseException as e:
                for tmp, _path in temps:
                    _unlink(tmp)
                if not isinstance(e, OSError):
                    raise
                if e.errno in (errno.ENOSPC, errno.EDQUOT):
                    advice = "kosongkan ruang diska, lalu ulangi perintah ini"
                elif e.errno == errno.EFBIG:  # (no space freed helps: review sesi33 L4)
                    advice = "pindahkan workspace ke diska berformat exFAT atau NTFS"
                else:
                    advice = "periksa hak akses folder registers/, lalu ulangi perintah ini"
                raise RegisterError(
                    f"{path.relative_to(self.ws.root).as_posix()} tidak dapat ditulis "
                    f"({sebab(e)}); perubahan ini tidak dicatat, workspace tidak berubah",
                    advice,
                ) from None
        return temps

    def _write_out(
        self,
        staged: list[Path],
        temps: list[tuple[str, Path]],
        blobs: dict[str, Data],
        hashes: dict[str, str],
    ) -> None:
        """The journalled commit written: its letters put in place, its registers replaced by
        their temp files (``temps``)."""
        for temp, path in zip(staged, self.written, strict=True):
            try:
                put_in_place(temp, path)
            except OSError as e:  # (journalled: the temp file stays for pulihkan to finish)
                raise RegisterError(
                    f"{path.relative_to(self.ws.root).as_posix()} tidak dapat dibuat ({sebab(e)}); "
                    "perubahan sudah tercatat di jurnal tetapi belum selesai ditulis",
                    "selesaikan dengan: ppidctl pulihkan",
                ) from None
        carried = self._sequences_before(blobs)
        for k, (tmp, path) in enumerate(temps):
            try:
                _replace(tmp, path)
                _fsync_dir(path.parent)
            except OSError as e:  # (journalled: pulihkan writes it from the journal)
                for rest, _path in temps[k:]:
                    _unlink(rest)
                if e.errno in (errno.ENOSPC, errno.EDQUOT):
                    advice = "kosongkan ruang diska"
                elif WINDOWS:
                    advice = "tutup program yang membuka berkas itu"
                else:
                    advice = "periksa hak akses folder registers/"
                raise RegisterError(
                    f"{path.relative_to(self.ws.root).as_posix()} tidak dapat ditulis "
                    f"({sebab(e)}); perubahan sudah tercatat di jurnal tetapi belum "
                    "selesai ditulis (jangan diulang: pulihkan menyelesaikannya)",
                    f"{advice}, lalu selesaikan dengan: ppidctl pulihkan",
                ) from None
        self._sequences_after(carried, hashes)
        for path, data in self.replacements:
            write_atomic(path, data, 0o644)

    def _path(self, register: str) -> Path:
        table = self.tables.get(register)
        return table.path if table is not None else self.ws.register_path(register)

    def _csv_table(self, register: str) -> Table | None:
        """The CSV table read from this commit's bytes (its digests can be reused), or None."""
        table = self.tables.get(register)
        read = self._read.get(register)
        if table is not None and read is not None and table.path.suffix.lower() == ".csv":
            return table
        return None

    def _hash_after(self, register: str, chunks: tuple[bytes, ...]) -> str:
        table = self._csv_table(register)
        if table is not None:
            return table.sha256_of(chunks)
        return journal.sha256_bytes(b"".join(chunks))

    def _hash_before(self, register: str) -> str:
        """SHA-256 of the register as this commit found it ("" when there was no file)."""
        table = self._csv_table(register)
        if table is not None:
            return table.sha256_as_read()
        if register in self._read:
            data = self._read[register]
        else:
            try:
                data = self._path(register).read_bytes()
            except FileNotFoundError:
                data = None
        return journal.sha256_bytes(data) if data is not None else ""

    def refuse_lost_journal(self, *, fragments: bool = True, cut: bool = False) -> None:
        """init's line starts every journal: none means it was lost (with the registers or
        alone), and numbering from the files alone would give numbers again; a rebuild from it
        would empty the registers. Only the office's acceptance of the registers as they are
        (``periksa --terima-perubahan``) starts a journal again. ``fragments``: a journal with
        no whole line is lost too (``pulihkan`` decides that itself: see ``cut``, its own cut
        of such a fragment beside registers holding cases)."""
        jpath = self.ws.journal_path
        size = jpath.stat().st_size if jpath.exists() else 0
        lost = cut or not size
        if not lost and fragments and size <= 1 << 20:  # (a fragment is never bigger)
            lost = not journal.torn_offset(jpath.read_bytes())
        if not lost:
            return
        what = "hanya berisi potongan baris yang tidak utuh" if size else "tidak ada atau kosong"
        gone = [n for n in journal.NUMBER_COLUMN if not self.ws.register_present(n)]
        if empty_file(jpath) and not cut:  # (the file is there: first, the sync — sinkron M2)
            raise RegisterError(
                f"{jpath.relative_to(self.ws.root).as_posix()} {KOSONG}; tidak ada yang "
                "dicatat, agar tidak ada nomor yang terpakai dua kali",
                f"{TUNGGU}; bila tetap kosong, jurnal hilang: lihat dengan: ppidctl periksa",
            )
        raise RegisterError(
            f"{jpath.relative_to(self.ws.root).as_posix()} {what}, padahal "
            "setiap workspace mencatat baris pertamanya saat ppidctl init: jurnal (dan mungkin "
            "register) hilang atau terhapus; tidak ada yang dicatat, agar tidak ada nomor yang "
            "terpakai dua kali",
            journal.KEMBALIKAN_ARSIP
            + (
                f" (register {', '.join(gone)} juga hilang; lihat: ppidctl periksa)"
                if gone
                else "; bila register masih ada dan isinya benar, catat isinya sebagai awal "
                "jurnal baru: ppidctl periksa --terima-perubahan --catatan TEKS"
            ),
        )

    def refuse_unlike_journal(self, register: str) -> None:
        """What the commit refuses of a ``register`` that gets a numbered row
        (:meth:`_refuse_half_applied`, :meth:`_refuse_changed_outside`), now: asked by a refusal
        that would otherwise guess another cause (a letter of an unwritten change, or of a
        register still being synced, taken for an old archive's — reviews rusak M1, sinkron
        M1)."""
        jpath = self.ws.journal_path
        last = journal.tail(jpath)
        before = {register: self._hash_before(register)}
        outside: dict[str, Any] = {}
        recorded = journal.recorded(
            jpath, "register_sha256", set(before), last, beside=OUTSIDE, found_beside=outside
        )
        self._refuse_half_applied(jpath, last, before, recorded)
        self._refuse_endings_only(before, recorded)
        self._refuse_changed_outside(before, recorded, outside)

    def _refuse_half_applied(
        self, jpath: Path, last: bytes, before: dict[str, str], recorded: dict[str, str]
    ) -> None:
        """Refuse to build on a commit whose journal lines were written but whose register was
        not replaced (the process died in between): the register is still as the last commit
        that wrote it found it — also when commits on other registers came after (an `arsip`
        right after the crash) — so a step would write it back without that change.
        ``ppidctl pulihkan`` applies it. ``recorded``: each register's hash after its last
        commit."""
        off = {n for n, sha in before.items() if n in recorded and recorded[n] != sha}
        if not off:
            return
        was = journal.recorded(jpath, "register_sha256_sebelum", off, last)
        for name in sorted(off):
            if was.get(name) == before[name]:
                raise RegisterError(
                    f"registers/{self._path(name).name}: perubahan terakhir pada register ini "
                    "sudah tercatat di jurnal tetapi belum tertulis ke register (perintah itu "
                    "terhenti di tengah jalan); perintah ini tidak dijalankan",
                    "lihat dengan: ppidctl periksa; selesaikan dengan: ppidctl pulihkan, lalu "
                    "ulangi perintah ini",
                )

    def _refuse_lost_days_off(self, gone: set[str]) -> None:
        """Refuse a step while the office's days-off register the journal wrote is gone: its
        deadlines, a receipt's among them, would be counted without them, in silence (review
        sesi32e M2). ``periksa --terima-perubahan`` starts it again empty, on purpose; ``arsip``
        backs the workspace up as it is."""
        if gone and not self.perintah.startswith(("periksa", "arsip")):  # (a backup still made)
            raise RegisterError(
                f"registers/{self._path('libur').name} (libur kantor) tidak ada, padahal jurnal "
                "mencatatnya: tenggat akan dihitung tanpa libur kantor; perintah ini tidak "
                "dijalankan",
                "bangun ulang dari jurnal: ppidctl pulihkan --register libur",
            )

    def _refuse_stray_copies(self, grown: Iterable[str]) -> None:
        """Refuse to give numbers in a register while a copy of it or of the journal lies
        beside it (store.copies: a sync service's conflict copy): the cases registered on the
        other computer are in it, and the next number may be one of theirs (review sinkron
        H1)."""
        grown = tuple(grown)
        found = stray_copies(self.ws.registers_dir, (*grown, "jurnal")) if grown else []
        if found:
            names = ", ".join(f"registers/{name}" for name, _of in found)
            raise RegisterError(
                f"{names}: salinan register atau jurnal di samping berkas aslinya (salinan "
                "bentrok layanan sinkronisasi, atau salinan tangan); perkara yang dicatat di "
                "komputer lain bisa ada di dalamnya, dengan nomor yang akan diberikan lagi; "
                "tidak ada nomor baru yang diberikan selama salinan itu ada",
                "lihat isinya dengan: ppidctl periksa; pindahkan berkas itu keluar folder "
                "registers/ (simpan), lalu catat ulang perkara yang hanya ada di dalamnya",
            )

    def _refuse_endings_only(self, before: dict[str, str], recorded: dict[str, str]) -> None:
        """Refuse to write a register whose line endings alone changed since the journal's
        record of it (CRLF turned LF: a git checkout). Written on, its edit was kept and the
        register marked edited outside, an "Excel edit" to accept from then on (review sesi33
        N1, sesi33b L5); ``pulihkan --register`` writes it back as the journal has it."""
        names = [
            name
            for name, sha in sorted(before.items())
            if sha
            and self._read.get(name)
            and name in recorded
            and recorded[name] != sha
            and journal.endings_only(self._read[name], recorded[name])
        ]
        if names:  # (all named at once: a checkout converts every register — sesi33c N1)
            files = ", ".join(f"registers/{self._path(n).name}" for n in names)
            raise RegisterError(
                f"{files}: hanya akhir barisnya yang berubah (CRLF/LF: git, editor teks, atau "
                "salinan dari komputer lain), isinya sama dengan jurnal; perintah ini tidak "
                "dijalankan",
                "tulis ulang seperti jurnal: "
                + "; ".join(f"ppidctl pulihkan --register {n}" for n in names)
                + ", lalu ulangi perintah ini",
            )

    def _refuse_changed_outside(
        self, before: dict[str, str], recorded: dict[str, str], outside: dict[str, Any]
    ) -> None:
        """Refuse to add rows to a register that gives numbers (cases, letters) while it is not
        as the journal last recorded it (a row deleted, the file replaced or removed by hand,
        the storage format switched): the next number could be the deleted row's. Once the
        edit is accepted (``periksa --terima-perubahan``) the deleted numbers are recorded as
        used (journal.retired_numbers); ``pulihkan`` rebuilds the register from the journal.
        A command that only changes rows goes on; ``periksa`` reports the edit it built on, and
        its journal lines mark the register (``outside``: read beside the hash of the last commit
        that wrote it), so numbered rows stay refused until the edit is accepted or rebuilt.
        ``recorded``: each register's hash after the last commit that wrote it."""
        for name, sha in sorted(before.items()):
            if outside.get(name) and recorded.get(name) == sha:
                path = self._path(name)
                raise RegisterError(
                    f"registers/{path.name} ditulis ulang oleh perintah sebelumnya bersama "
                    "suntingan di luar ppidctl yang belum diterima; tidak ada baris bernomor yang "
                    "ditambahkan sebelum suntingan itu diterima atau dibatalkan, agar tidak ada "
                    "nomor yang terpakai dua kali",
                    "lihat suntingannya dengan: ppidctl periksa; terima yang disengaja: ppidctl "
                    "periksa --terima-perubahan --catatan TEKS; baris yang terhapus atau berubah "
                    f"tanpa sengaja dikembalikan dengan: ppidctl pulihkan --register {name}",
                )
            if name in recorded and recorded[name] != sha:
                path = self._path(name)
                if empty_file(path):  # (not "tidak ada" or an Excel save: sinkron L3)
                    raise RegisterError(
                        f"registers/{path.name} {KOSONG}; tidak ada baris bernomor yang "
                        "ditambahkan ke register yang tidak sesuai jurnal",
                        f"{TUNGGU}; bila tetap kosong, bangun ulang dari jurnal: ppidctl "
                        f"pulihkan --register {name}",
                    )
                how = "tidak ada" if not sha else "berbeda dari keadaan terakhirnya di jurnal"
                raise RegisterError(
                    f"registers/{path.name} {how} (diubah, diganti, atau dihapus di luar "
                    "ppidctl, atau format penyimpanan diganti); tidak ada baris bernomor yang "
                    "ditambahkan ke register yang tidak sesuai jurnal, agar tidak ada nomor yang "
                    "terpakai dua kali",
                    f"bangun ulang dari jurnal: ppidctl pulihkan --register {name}"
                    if not sha  # (nothing to accept: the file is not there)
                    else "lihat bedanya dengan: ppidctl periksa; lalu bangun ulang dari jurnal: "
                    f"ppidctl pulihkan --register {name}, atau terima suntingan yang disengaja: "
                    "ppidctl periksa --terima-perubahan --catatan TEKS",
                )

    def retired(self, register: str) -> set[str]:
        """The numbers of ``register`` deleted or changed so far (journal.retired_numbers): read
        once per command (the journal does not change under the lock before the commit)."""
        if register not in self._retired:
            self._retired[register] = journal.retired_numbers(self.ws.journal_path, register)
        return self._retired[register]

    def _retired_field(self) -> dict[str, list[str]]:
        """``nomor_dihapus`` of the registers this commit gives or retires numbers in: the
        journal's set so far and this commit's retired numbers."""
        return {
            name: sorted(self.retired(name) | self.retiring.get(name, set()))
            for name in journal.NUMBER_COLUMN
            if self.added.get(name) or self.retiring.get(name)
        }

    def _sequences_before(self, blobs: dict[str, Data]) -> dict[str, dict[str, int]]:
        """Cached sequence maxima of the registers about to be written, with this commit's new
        rows added, so the cache stays valid for the next command (see seqcache)."""
        from ..workspace import cache_dir
        from . import seqcache

        out = {}
        for name in blobs.keys() & {"permohonan", "keberatan"}:
            if name not in self.tables:
                continue
            pattern = self.ws.settings.get("penomoran", name)
            maxes = seqcache.lookup(
                cache_dir(), self.tables[name].path, pattern, self._hash_before(name)
            )
            if maxes is None:
                continue
            for year, seq in seqcache.maxima(self.added.get(name, ()), pattern).items():
                maxes[year] = max(maxes.get(year, 0), seq)
            out[name] = maxes
        return out

    def _sequences_after(self, carried: dict[str, dict[str, int]], hashes: dict[str, str]) -> None:
        from ..workspace import cache_dir
        from . import seqcache

        for name, maxes in carried.items():
            pattern = self.ws.settings.get("penomoran", name)
            seqcache.remember(cache_dir(), self.tables[name].path, pattern, maxes, hashes[name])


@functools.cache
def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in some containers
        return str(os.getuid()) if hasattr(os, "getuid") else ""
