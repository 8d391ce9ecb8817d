"""The workspace folder: finding it, creating it, and what lives where.

``Workspace`` is the entry point of the library (``from ppidctl import Workspace``): it knows the
settings, the register paths, the office's time zone and working-day calendar, and opens the
transactions through which every change is written.
"""

from __future__ import annotations

import os
import re
import shutil
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from . import config
from .errors import PpidError, RegisterError, UsageError, WorkspaceError
from .store.copies import KOSONG, empty_file, stray_copies
from .store.table import Table, empty_table, read_table
from .store.transaction import OUTSIDE, Transaction, make_dirs, write_atomic

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from .rules.calendar import WorkCalendar

ENV_DIR = "PPIDCTL_DIR"
FOLDERS = ("registers", "templates", "letters")


class Workspace:
    def __init__(self, root: Path | str) -> None:
        self.root = Path(root).expanduser().resolve()
        #: told (a line of text) when another command holds the lock and this one waits: the
        #: CLI prints it on stderr; a script may log it. None: the library says nothing.
        self.on_lock_wait: Callable[[str], None] | None = None
        self._lock_timeout: float | None = None
        self._load()

    def _load(self) -> None:
        self._seen = self._stamp()
        self.settings = config.load(self.root / config.FILENAME)
        for derived in ("tz", "calendar"):
            self.__dict__.pop(derived, None)

    def _stamp(self) -> tuple:
        """What the settings and the calendar were read from, as the OS tells it (every write
        replaces a register file: a new inode)."""
        out = []
        for path in (self.root / config.FILENAME, self.registers_dir / "libur.csv"):
            try:
                st = path.stat()
                out.append((st.st_ino, st.st_mtime_ns, st.st_size))
            except OSError:
                out.append(None)
        return tuple(out)

    def refresh(self) -> None:
        """Read ppidctl.toml and the calendar again when either changed since they were read: a
        script keeping one Workspace while the desk adds a day off (``kalender tambah``) or
        edits ``[tenggat]`` must not go on with the old days. Called when a transaction holds
        the lock and whenever a register is read."""
        if self._stamp() != self._seen:
            self._load()

    # -- finding -------------------------------------------------------------------------------
    @classmethod
    def find(cls, explicit: Path | str | None = None, start: Path | None = None) -> Workspace:
        """``-C DIR``, else ``$PPIDCTL_DIR``, else the nearest parent holding ppidctl.toml."""
        if explicit is None and ENV_DIR in os.environ:
            explicit = os.environ[ENV_DIR]
            if not explicit.strip():  # (PPIDCTL_DIR=$WS with WS unset: as -C "", not the cwd's)
                raise UsageError(
                    f"${ENV_DIR} kosong",
                    f"isi {ENV_DIR} dengan folder workspace, atau hapus variabelnya (unset "
                    f"{ENV_DIR}; di Windows: set {ENV_DIR}=)",
                )
        if explicit is not None:
            root = Path(explicit).expanduser()
            if not (root / config.FILENAME).is_file():
                raise WorkspaceError(
                    f"{root} bukan workspace ppidctl (tidak ada {config.FILENAME})",
                    f"buat dengan: ppidctl init {root}",
                )
            return cls(root)
        here = (start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / config.FILENAME).is_file():
                return cls(folder)
        raise WorkspaceError(
            "tidak ada workspace ppidctl di folder ini atau folder induknya",
            "pindah ke folder workspace, pakai -C FOLDER, atau buat dengan: ppidctl init FOLDER",
        )

    # -- paths ---------------------------------------------------------------------------------
    @property
    def registers_dir(self) -> Path:
        return self.root / "registers"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @property
    def letters_dir(self) -> Path:
        return self.root / "letters"

    @property
    def journal_path(self) -> Path:
        return self.registers_dir / "jurnal.jsonl"

    def register_path(self, register: str) -> Path:
        ext = self.settings.format_register if register in ("permohonan", "keberatan") else "csv"
        return self.registers_dir / f"{register}.{ext}"

    # -- settings-derived ------------------------------------------------------------------
    @cached_property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.settings.zona_waktu)

    def now(self) -> datetime:
        return datetime.now(self.tz)

    def today(self) -> date:
        return self.now().date()

    @property
    def lock_timeout(self) -> float:
        """Seconds a change waits for the lock: ppidctl.toml's ``batas_tunggu_kunci``, unless a
        script set its own (``ws.lock_timeout = 300`` for a nightly job; 0: not at all)."""
        if self._lock_timeout is not None:
            return self._lock_timeout
        return float(self.settings.get("penyimpanan", "batas_tunggu_kunci"))

    @lock_timeout.setter
    def lock_timeout(self, detik: float) -> None:
        self._lock_timeout = float(detik)

    @property
    def file_mode(self) -> int:
        return int(self.settings.get("penyimpanan", "izin_berkas"), 8)

    @cached_property
    def calendar(self) -> WorkCalendar:
        return self.calendar_with(self.read("libur").rows)

    def calendar_with(self, libur: list[dict[str, str]]) -> WorkCalendar:
        """The working-day calendar with ``libur`` (rows of registers/libur.csv) as overrides."""
        from .rules.calendar import Override, WorkCalendar

        overrides = []
        for line, r in enumerate(libur, start=2):
            try:
                day = date.fromisoformat(r["tanggal"])
            except ValueError:  # a hand edit: every deadline depends on it, so never skipped
                raise RegisterError(
                    f"registers/libur.csv baris {line}: tanggal '{r['tanggal']}' bukan YYYY-MM-DD "
                    "(semua tenggat dihitung dengan kalender ini)",
                    "perbaiki tanggalnya di editor (mis. 2026-12-01), atau kembalikan isi yang "
                    "tercatat di jurnal dengan: ppidctl pulihkan --register libur",
                ) from None
            overrides.append(Override(day, r["jenis"] == "hari_kerja", r["keterangan"]))
        return WorkCalendar(
            overrides,
            cuti_bersama_libur=bool(self.settings.get("tenggat", "cuti_bersama_libur")),
            cache_dir=cache_dir(),
            today=self.today,
        )

    # -- registers -------------------------------------------------------------------------
    def read(self, register: str) -> Table:
        """The register as it is now (no lock: files are only ever replaced atomically). A
        register with cases also in the other format is refused (an empty or stale list would
        look like the register): after ``format`` was switched, with the way to rebuild it; an
        old file left beside the one in use, naming both (``init``'s empty CSV files are no
        register: an XLSX workspace keeps them)."""
        self.refresh()
        table = read_table(register, self.register_path(register))
        self.refuse_other_format(register, lambda: bool(table.rows))
        return table

    def in_other_format(self, register: str) -> Path | None:
        """The case register's file in the storage format not in use, when it holds cases."""
        other = other_format(self.register_path(register))
        if register in ("permohonan", "keberatan") and other.exists():
            if read_table(register, other).rows:
                return other
        return None

    def register_present(self, register: str) -> bool:
        """See :func:`register_file_present`."""
        return register_file_present(register, self.register_path(register))

    def refuse_other_format(self, register: str, has_rows: Callable[[], bool]) -> None:
        """See :meth:`read`; also for the commands that write (store.transaction) and the
        reports' fast reader. ``has_rows``: whether the register in use has cases, asked only
        when the other file is there (parsing a 100,000-row register for it cost every command
        seconds)."""
        path = self.register_path(register)
        other = self.in_other_format(register)
        if other is not None:
            if not has_rows():
                raise RegisterError(
                    f"register {register} tersimpan sebagai {other.name}, tetapi [penyimpanan] "
                    f'format = "{path.suffix[1:]}" mencari {path.name}'
                    + ("" if path.exists() else " (tidak ada)"),
                    f"bangun dalam format baru dengan: ppidctl pulihkan --register {register} "
                    "(dari jurnal), atau kembalikan pengaturan format; baris yang diketik "
                    f"langsung di {other.name} (tidak tercatat di jurnal): pindahkan berkas itu "
                    "ke luar folder registers/, lalu catat dengan: ppidctl impor BERKAS "
                    f"--register {register}",
                )
            raise RegisterError(
                f"register {register} ada dua: {path.name} (dipakai, [penyimpanan] format = "
                f'"{path.suffix[1:]}") dan {other.name}; yang mana pun bisa sudah usang',
                f"simpan {other.name} di luar folder registers/ bila itu sisa format lama, lalu "
                "ulangi; periksa hasilnya dengan: ppidctl periksa",
            )

    def outside_warnings(self, registers: Iterable[str], where: str = "") -> list[str]:
        """The warning for what :meth:`edited_outside` finds (``where``: which workspace, when
        a report merges several), or none."""
        check = f"ppidctl -C {self.root} periksa" if where else "ppidctl periksa"
        # (init writes its first line: a copy sent without registers/ or its journal was merged
        # as an office with no cases — sesi32d2 H1; an empty journal is none either — 32e L1)
        if not self.journal_path.exists() or not self.journal_path.stat().st_size:
            return [
                f"{where}jurnal "
                + (KOSONG if empty_file(self.journal_path) else "tidak ada")
                + ": register tidak dapat dicocokkan dengan jurnalnya dan yang ditampilkan bisa "
                "kurang — lihat: " + check
            ]
        registers = tuple(registers)
        out = [  # (a sync service's conflict copy: cases of another computer — sinkron H1)
            f"{where}registers/{name}: salinan {'jurnal' if of == 'jurnal' else 'register ' + of} "
            "di samping berkas aslinya (salinan bentrok layanan sinkronisasi?): "
            + (
                "hari libur di dalamnya yang tidak ada di register tidak dihitung dalam tenggat"
                if of == "libur"
                else "baris di dalamnya yang tidak ada di register tidak ditampilkan"
            )
            + " — lihat: "
            + check
            for name, of in stray_copies(self.registers_dir, (*registers, "jurnal"))
        ]
        names = self.edited_outside(registers)
        if not names:
            return out
        changed = [n for n in names if self.register_path(n).exists()]
        # (one kept in the other format is refused with its own way out: a warning that it
        # was counted empty contradicted it — review sesi32d2 L5)
        gone = [n for n in names if n not in changed and self.in_other_format(n) is None]
        if gone:
            out.append(
                f"{where}register {' dan '.join(gone)} tidak ada, padahal jurnal mencatatnya: "
                "yang ditampilkan menghitungnya kosong — lihat dan pulihkan: " + check
            )
        synced = [n for n in changed if empty_file(self.register_path(n))]
        unfinished = self._unfinished([n for n in changed if n not in synced])
        endings = self._endings_only([n for n in changed if n not in synced + unfinished])
        changed = [n for n in changed if n not in synced + unfinished + endings]
        if endings:  # (a git checkout is no Excel edit: review sesi33 N1)
            out.append(
                f"{where}register {' dan '.join(endings)}: hanya akhir barisnya yang berubah "
                "(CRLF/LF: git, editor teks, atau salinan dari komputer lain), isinya sama "
                "dengan jurnal — tulis ulang seperti jurnal: "
                + check.replace("periksa", f"pulihkan --register {endings[0]}")
            )
        if unfinished:  # (a step cut short — a full disk, a power cut — is no Excel edit:
            out.append(  # review rusak L3)
                f"{where}perubahan terakhir pada register {' dan '.join(unfinished)} sudah "
                "tercatat di jurnal tetapi belum tertulis ke register (perintah terhenti di "
                "tengah jalan): yang ditampilkan belum memuatnya — selesaikan dengan: "
                + check.replace("periksa", "pulihkan")
            )
        if synced:  # (not "diubah … di Excel": sinkron L3)
            out.append(
                f"{where}register {' dan '.join(synced)} {KOSONG}, padahal jurnal mencatatnya: "
                "yang ditampilkan menghitungnya kosong — lihat: " + check
            )
        if changed:
            out.append(
                f"{where}register {' dan '.join(changed)} diubah di luar ppidctl (mis. disimpan "
                "ulang di Excel) dan perubahannya belum diterima: yang ditampilkan berasal dari "
                "berkas itu apa adanya — lihat perubahannya dan cara menerima atau "
                f"membatalkannya: {check}"
            )
        return out

    def edited_outside(self, registers: Iterable[str]) -> list[str]:
        """The registers among ``registers`` whose file is not what the journal last recorded
        for it, or was written with such an edit still in it: changed outside ppidctl (Excel,
        a text editor) and not yet accepted or undone. What a listing or report shows comes
        from the file as it is (a re-save in Excel turns dates into 01/09/2026 and counts
        fall to 0), so they say so. A register the journal never names is not judged.

        Read without the lock, the journal and a file can be caught on either side of another
        desk's commit (its journal line written, its register a moment later): a false alarm
        every desk learnt to ignore (review serentak M1). A difference is read again, and again
        for up to two seconds while a live command holds the lock (:func:`store.lock.held`):
        one that stays is the file's."""
        import time

        from .store.lock import held

        found = self._unlike_journal(registers)
        end = time.monotonic() + 2.0
        while found:
            busy = held(self.registers_dir)  # (asked before reading again: a commit that
            time.sleep(0.02)  # ends in between is read whole)
            found = self._unlike_journal(found)
            if not busy or time.monotonic() > end:
                break
        return found

    def _endings_only(self, registers: list[str]) -> list[str]:
        """The registers among ``registers`` (unlike the journal) whose line endings alone
        changed (see :func:`store.journal.endings_only`)."""
        from .store import journal

        return self._as_recorded(registers, "register_sha256", journal.endings_only)

    def _unfinished(self, registers: list[str]) -> list[str]:
        """The registers among ``registers`` (unlike the journal) still as their last commit
        found them: that commit was journalled, not written (see Transaction's
        ``_refuse_half_applied``)."""
        from .store import journal

        return self._as_recorded(
            registers,
            "register_sha256_sebelum",
            lambda data, sha: journal.sha256_bytes(data) == sha,
        )

    def _as_recorded(self, registers: list[str], field: str, test: Callable) -> list[str]:
        """The registers among ``registers`` whose bytes pass ``test(data, hash)`` against the
        hash in ``field`` of the last journal line naming them."""
        from .store import journal

        if not registers:
            return []
        try:
            recorded = journal.recorded(self.journal_path, field, set(registers))
        except PpidError:
            return []
        return [
            n
            for n in registers
            if n in recorded and test(self.register_path(n).read_bytes(), recorded[n])
        ]

    def _unlike_journal(self, registers: Iterable[str]) -> list[str]:
        """The registers among ``registers`` unlike the journal's record of them (see
        :meth:`edited_outside`), read once."""
        from .store import journal

        names = set(registers)
        if not names or not self.journal_path.exists():
            return []
        tainted: dict[str, object] = {}
        try:
            recorded = journal.recorded(
                self.journal_path, "register_sha256", names, beside=OUTSIDE, found_beside=tainted
            )
        except PpidError:  # (a torn journal: periksa and every recording command say so)
            return []
        # a register the journal wrote whose file is gone (a copy sent without it) is counted
        # as none at all: unlike it too (review gabung H1: an office merged as 0 cases, silent)
        return [
            name
            for name in sorted(names & recorded.keys())
            if tainted.get(name)
            or not self.register_path(name).exists()
            or recorded[name] != journal.sha256_bytes(self.register_path(name).read_bytes())
        ]

    def frame(
        self, register: str, columns: list[str] | None = None, *, izinkan_tak_terbaca: bool = False
    ):
        """The register as a pandas DataFrame with typed columns (dates as datetime64, amounts
        as Int64, the rest as text) — for report scripts. A date Excel rewrote (16/03/2026) is
        refused, unless ``izinkan_tak_terbaca`` (then NaT, named in ``attrs["tak_terbaca"]``):
        see :func:`ppidctl.reports.data.load_frame`."""
        from .reports.data import load_frame

        return load_frame(self, register, columns, izinkan_tak_terbaca=izinkan_tak_terbaca)

    def transaction(self, perintah: str, petugas: str | None = None) -> Transaction:
        """A commit; ``petugas`` (who, for the journal) checked like any typed text, whichever
        command passes it."""
        from .rules.validation import teks

        return Transaction(self, perintah, teks(petugas, "--petugas"))


def register_file_present(register: str, path: Path) -> bool:
    """The register has its file ``path``: in the storage format in use, or (a case register
    of a workspace switched to XLSX before its first write) init's CSV. init writes every
    register before its journal line, so a missing one was lost, never "not yet written"."""
    if path.exists():
        return True
    return register in ("permohonan", "keberatan") and path.with_suffix(".csv").exists()


def other_format(path: Path) -> Path:
    """The same register in the other storage format (``permohonan.csv`` ↔ ``permohonan.xlsx``)."""
    return path.with_suffix(".xlsx" if path.suffix == ".csv" else ".csv")


def cache_dir() -> Path:
    """Where derived data (the holiday cache) lives: outside the workspace, never a record."""
    if os.environ.get("PPIDCTL_CACHE"):
        return Path(os.environ["PPIDCTL_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "ppidctl"


def init(root: Path, nama: str, kode: str, nama_singkat: str | None = None) -> Workspace:
    """Create a workspace in ``root``; refuses when one (or its registers) already exists."""
    root = root.expanduser()
    if (root / config.FILENAME).exists():
        raise WorkspaceError(
            f"{root / config.FILENAME} sudah ada: workspace tidak ditimpa",
            "pakai folder lain, atau lanjutkan dengan workspace yang ada",
        )
    inside = next((d for d in root.absolute().parents if (d / config.FILENAME).is_file()), None)
    if inside is not None:  # its commands would find this one, the outer one's periksa not it
        raise WorkspaceError(
            f"{root} berada di dalam workspace {inside}",
            "buat workspace baru di folder lain (di luar folder workspace yang ada)",
        )
    if (root / "registers").exists() and any((root / "registers").iterdir()):
        raise WorkspaceError(
            f"{root / 'registers'} sudah berisi berkas", "pakai folder kosong untuk workspace baru"
        )
    from .rules.validation import teks

    # checked before anything is written (a refusal after the first file left a workspace that
    # neither init nor any other command could use)
    nama = teks(nama, "--instansi (nama instansi)", wajib=True)
    nama = tanpa_ppid(nama)  # (the office, not its PPID: see tanpa_ppid)
    if not re.fullmatch(r"[0-9A-Za-z][0-9A-Za-z.\-]{0,19}", kode.strip()):
        raise WorkspaceError(
            f"kode satker '{kode}' tidak sah: dipakai di setiap nomor registrasi dan nama berkas "
            "surat, jadi hanya huruf, angka, titik dan tanda minus, tanpa spasi",
            "isi mis. --kode-satker 5271",
        )
    kode = kode.strip()
    singkat = tanpa_ppid(nama_singkat or nama).replace("Komisi Pemilihan Umum", "KPU")
    text = config.default_text(nama, singkat, kode)
    mode = int(config.DEFAULTS[("penyimpanan", "izin_berkas")], 8)
    root.mkdir(parents=True, exist_ok=True)
    write_atomic(root / config.FILENAME, text.encode("utf-8"), 0o644)
    for folder in FOLDERS:
        make_dirs(root / folder, mode)
    ws = Workspace(root)
    for register in ("permohonan", "keberatan", "surat", "libur"):
        path = ws.register_path(register)
        write_atomic(path, empty_table(register, path).to_bytes(), mode)
    _copy_templates(ws)
    with ws.transaction("init") as tx:
        tx.log("workspace", "", "init", {}, instansi=nama)
    return ws


def _copy_templates(ws: Workspace) -> None:
    builtin = Path(__file__).parent / "letters" / "templates"
    if builtin.is_dir():
        for src in sorted(builtin.glob("*.docx")):
            shutil.copyfile(src, ws.templates_dir / src.name)


def tanpa_ppid(nama: str) -> str:
    """The office's name without a "PPID" typed in front: the settings' titles and the letters
    put it there themselves ("PPID KPU Kota Mataram", "(PPID) Komisi Pemilihan Umum …"), and
    "PPID PPID …" was printed on every letter."""
    return re.sub(r"(?i)^\s*PPID\b\s*", "", nama.strip()) or nama
