"""``ppidctl periksa``: the journal's chain, the registers against the journal, the rows' rules.

The journal and the registers are read together under the workspace lock (a consistent snapshot:
no command is half-way through its commit), then analysed without it. Every problem found is
collected (nothing stops at the first) as a :class:`~.model.Problem` naming the file and line.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .. import schema
from ..errors import RegisterError, sebab
from ..rules import numbering
from ..store import journal
from ..store.copies import KOSONG, TUNGGU, empty_file, stray_copies
from ..store.lock import workspace_lock
from ..store.table import Table, read_csv, read_table
from ..store.transaction import fit_modes, staged_target
from ..workspace import other_format
from . import model as m
from .model import Problem, short
from .replay import JURNAL, KEY, TABLES, History, Replay, Row, scan
from .rows import check_rows, file_lines, letter_dates, reply_numbers


@dataclass
class Snapshot:
    journal: bytes
    files: dict[str, bytes | None]  # register → its bytes (None: no file)
    errors: dict[str, str]  # register → why it could not be read
    temps: list[str]  # temp files left by an interrupted command


def take(ws) -> Snapshot:
    """Read the journal and the registers (the caller holds the lock)."""
    try:
        data = ws.journal_path.read_bytes()
    except FileNotFoundError:
        data = b""
    files: dict[str, bytes | None] = {}
    errors: dict[str, str] = {}
    for name in TABLES:
        path = ws.register_path(name)
        try:
            files[name] = path.read_bytes()
        except FileNotFoundError:
            files[name] = None
        except OSError as e:
            files[name] = None
            errors[name] = f"{path.name} tidak dapat dibaca: {sebab(e)}"
    return Snapshot(data, files, errors, temp_files(ws))


def snapshot(ws) -> Snapshot:
    fit_modes(ws)
    with workspace_lock(
        ws.registers_dir, ws.lock_timeout, ws.on_lock_wait, mode=ws.file_mode, reader=True
    ):
        return take(ws)


def temp_files(ws) -> list[str]:
    """Temp files of an interrupted commit (store.transaction: ``.<name>.<random>.tmp``). In
    the workspace folder itself only ppidctl.toml's: a report, export or archive written there
    (``--keluaran laporan.xlsx``) has its own while it is written, and is no commit's debris."""
    out: list[Path] = list(ws.root.glob(".ppidctl.toml.*.tmp"))
    for folder in (ws.registers_dir, ws.root / "impor"):
        out += folder.glob(".*.tmp")
    if ws.letters_dir.is_dir():
        out += ws.letters_dir.rglob(".*.tmp")
    return sorted(  # (never through a link planted in the workspace: pulihkan deleted the
        # temp files of whatever folder impor/ linked to)
        rel(ws, p)
        for p in out
        if not p.is_symlink() and p.is_file() and not _through_link(ws.root, p)
    )


def _through_link(root: Path, p: Path) -> bool:
    """Whether a folder between ``root`` and ``p`` is a symbolic link."""
    for parent in p.relative_to(root).parents:
        if parent != Path(".") and (root / parent).is_symlink():
            return True
    return False


def unrecorded_cuts(ws, journal_bytes: bytes) -> list[str]:
    """Torn journal tails `pulihkan` kept (``registers/jurnal.rusak-*.txt``) that no journal
    line names: that pulihkan was cut short between cutting the tail and recording it."""
    return [
        where
        for p in sorted(ws.registers_dir.glob("jurnal.rusak-*.txt"))
        if (where := rel(ws, p)).encode() not in journal_bytes
    ]


def staged_files(ws, replay: Replay, temps: list[str]) -> dict[str, str]:
    """Temp files holding a file the journal names but that is not in place: the commit was
    killed between its journal lines and linking its new files (store.transaction.staged_name);
    temp path → the file's path, both relative to the workspace."""
    out = {}
    for temp in temps:
        found = staged_target(Path(temp))
        if found is None:
            continue
        target, txid = found[0].as_posix(), found[1]
        if txid in replay.letter_commits.get(target, ()) and _not_in_place(ws.root / target):
            out[temp] = target
    return out


def _not_in_place(path: Path) -> bool:
    """Absent, or the empty file a name claimed on a drive without hard links is until the
    staged file replaces it (store.transaction.link_new, cut short in between)."""
    try:
        return path.stat().st_size == 0
    except FileNotFoundError:
        return True


def rel(ws, path: Path) -> str:
    return path.relative_to(ws.root).as_posix()


@dataclass
class RowDiff:
    kind: str  # "ubah" (fields differ), "tambah" (row not journalled), "hapus" (row missing)
    key: str
    line: int | None  # line in the register file
    expected: Row | None  # the row as the journal says
    actual: dict[str, str] | None  # the row as in the file
    index: int | None = None  # index in the table's rows
    changes: dict[str, tuple[str, str]] = field(default_factory=dict)  # key → (journal, file)


@dataclass
class RegisterCheck:
    name: str
    path: Path
    rel: str
    data: bytes | None
    sha: str | None
    table: Table | None
    lines: list[int]
    error: str | None
    history: History
    diffs: list[RowDiff] = field(default_factory=list)
    half_applied: bool = False
    dibatalkan: bool = False  # its unfinished last step, undone by hand: cancelled by the office
    ditambahkan: str = ""  # the number of the one row its unfinished last commit added
    diubah: str = ""  # … or of the one row it changed (a step recorded on the wrong case)
    resaved: bool = False

    @property
    def differs(self) -> bool:
        return bool(self.diffs or self.resaved or self.history.open_breaks())


@dataclass
class Analysis:
    problems: list[Problem]
    registers: dict[str, RegisterCheck]
    replay: Replay
    temps: list[str]
    letters_missing: list[str]
    #: temp file → the journalled file it is to become (see staged_files)
    staged: dict[str, str] = field(default_factory=dict)
    #: letter files whose bytes are not those the journal recorded → their SHA-256 now
    letters_changed: dict[str, str] = field(default_factory=dict)
    #: letter files named for a case no register or journal knows → (register, its number)
    letters_unknown: dict[str, tuple[str, str]] = field(default_factory=dict)

    def codes(self) -> list[str]:
        return [p.kode for p in self.problems]


def has_rows(data: bytes | None, name: str, path: Path) -> bool:
    """Whether register ``name``'s bytes ``data`` (read from ``path``: its suffix says the
    format) have a row; an unreadable register is not known to be empty: it counts as having
    rows, for periksa as for pulihkan."""
    if not data:
        return False
    try:
        return bool(parse(name, path, data).rows)
    except RegisterError:
        return True


def only_init(ws, snap: Snapshot) -> bool:
    """Nothing beyond what ``ppidctl init`` writes: every register there and empty, in either
    format, and no letter written — the state a power cut during init leaves, and the only one a
    journal without a whole line may be started again from without the office's word."""
    if snap.errors or not all(ws.register_present(n) for n in TABLES):
        return False
    for name, data in snap.files.items():
        path = ws.register_path(name)
        if has_rows(data, name, path):
            return False
        other = other_format(path)
        if name in ("permohonan", "keberatan") and other.exists():
            try:
                if has_rows(other.read_bytes(), name, other):
                    return False
            except OSError:  # (unreadable: not known to be empty)
                return False
    letters = ws.letters_dir
    return not (letters.is_dir() and any(p.is_file() for p in letters.rglob("*")))


def parse(name: str, path: Path, data: bytes) -> Table:
    if path.suffix.lower() == ".xlsx":
        from ..store.xlsx import read_xlsx

        table = read_xlsx(name, path, data)
    else:
        table = read_csv(name, path, data)
    table.rows  # noqa: B018 — parse now, so that a damaged row is reported here
    return table


def compare(name: str, history: History, table: Table, lines: list[int]) -> list[RowDiff]:
    """Rows of the file against the rows the journal gives (matched by their key)."""
    key = KEY[name]
    cols = [c.key for c in schema.columns(name)]
    blank = dict.fromkeys(cols, "")
    expected: dict[str, list[dict[str, str]]] = defaultdict(list)
    origin: dict[int, Row] = {}
    for r in history.alive():
        full = {**blank, **{k: v for k, v in r.values.items() if k in blank}}
        origin[id(full)] = r
        expected[full[key]].append(full)
    actual: dict[str, list[int]] = defaultdict(list)
    rows = table.rows
    for i, row in enumerate(rows):
        actual[row.get(key, "")].append(i)

    def changes(want: dict[str, str], row: dict[str, str]) -> dict[str, tuple[str, str]]:
        return {c: (want[c], row.get(c, "")) for c in cols if want[c] != row.get(c, "")}

    out: list[RowDiff] = []
    for k in list(actual) + [k for k in expected if k not in actual]:
        want, have = expected.get(k, []), actual.get(k, [])
        if len(want) == 1 and len(have) == 1 and want[0] == rows[have[0]]:
            continue  # the common case: one row each, equal
        want, have = list(want), list(have)
        for i in list(have):  # equal rows pair first, then the rest in order
            same = next((w for w in want if w == rows[i]), None)
            if same is not None:
                want.remove(same)
                have.remove(i)
        pairs = list(zip(want, have, strict=False))
        for w, i in pairs:
            diff = changes(w, rows[i])
            out.append(RowDiff("ubah", k, lines[i], origin[id(w)], rows[i], i, diff))
        for i in have[len(pairs) :]:
            out.append(RowDiff("tambah", k, lines[i], None, rows[i], i))
        for w in want[len(pairs) :]:
            out.append(RowDiff("hapus", k, None, origin[id(w)], None))
    out.sort(key=lambda d: (d.line is None, d.line or 0, d.expected.line if d.expected else 0))
    return out


def _one_row(commit, name: str, aksi: str) -> str:
    """The number of the one case ``commit`` registered (``aksi`` "tambah") or changed ("ubah")
    in ``name`` (permohonan, keberatan), when that is all it did there ("" otherwise)."""
    if name not in ("permohonan", "keberatan"):
        return ""
    lines = [ln.entry for ln in commit.lines if ln.entry.get("register") == name]
    if len(lines) == 1 and lines[0].get("aksi") == aksi:
        return str(lines[0].get("nomor") or "")
    return ""


def analyse(ws, snap: Snapshot, replay: Replay | None = None, *, batalkan: str = "") -> Analysis:
    """Every problem of the workspace as ``snap`` holds it. A register still as its last commit
    found it is that commit unfinished — or, when that commit only recorded one new row, the
    office deleting that row by hand (a duplicate just registered), or only changed one row, the
    office putting that row back (a step recorded on the wrong case, undone at once): the two
    look the same, so only the office's word (``batalkan``: that row's number,
    ``--terima-perubahan --batalkan``) makes it an edit instead."""
    replay = replay or scan(snap.journal)
    problems = list(replay.problems)
    lost = not journal.torn_offset(snap.journal)
    syncing = lost and empty_file(ws.journal_path)  # (still copied or synced? — sinkron M2)
    if lost:  # (nothing whole in it: lost, emptied, a fragment)
        empty = only_init(ws, snap)
        if not empty:  # (its torn fragment is part of this problem: no "pulihkan" hint for it)
            problems = [p for p in problems if p.kode != m.JURNAL_TERPOTONG]
        problems.append(
            Problem(
                JURNAL,
                None,
                m.JURNAL_HILANG,
                (f"jurnal {KOSONG}; bila bukan, " if syncing else "")
                + "jurnal tidak ada, kosong, atau hanya berisi potongan baris yang tidak utuh, "
                "padahal setiap workspace mencatat baris pertamanya saat ppidctl init: "
                + (
                    "register masih kosong (mis. listrik padam saat ppidctl init)"
                    if empty and snap.journal
                    else "jurnal (dan mungkin register) hilang atau terhapus"
                ),
                f"perbaiki dengan: {m.PULIHKAN}"
                if empty and snap.journal
                else (f"{TUNGGU}; bila tetap kosong: " if syncing else "")
                + f"{journal.KEMBALIKAN_ARSIP}; bila register masih ada dan isinya benar: "
                + ("hapus berkas kosong itu, lalu " if syncing else "")  # (sesi33b N1)
                + m.TERIMA,
            )
        )
    for name in ("permohonan", "keberatan"):  # (listings refuse it; periksa names it)
        try:
            ws.refuse_other_format(
                name,
                lambda name=name: has_rows(snap.files.get(name), name, ws.register_path(name)),
            )
        except RegisterError as e:
            where = rel(ws, ws.register_path(name))
            problems.append(Problem(where, None, m.FORMAT_GANDA, e.pesan, e.saran))
    checks: dict[str, RegisterCheck] = {}
    today = ws.today()
    for name in TABLES:
        path = ws.register_path(name)
        h = replay.histories[name]
        data = snap.files[name]
        c = RegisterCheck(
            name,
            path,
            rel(ws, path),
            data,
            journal.sha256_bytes(data) if data is not None else None,
            None,
            [],
            snap.errors.get(name),
            h,
        )
        checks[name] = c
        fix = (
            (f"{TUNGGU}; bila jurnal tetap kosong (hilang), hapus berkas kosong itu, dan " if
             syncing else "")  # (review sesi33 M1)
            + f"bila register benar, mulai jurnal baru dengannya: {m.TERIMA}"  # (a rebuild from
            if lost  # a lost journal would empty it: refused)
            else f"bila disengaja: {m.TERIMA}; bila tidak: ppidctl pulihkan --register {name}"
        )  # fmt: skip
        if data is None and c.error is None:
            if h.alive() or h.last_hash:
                problems.append(
                    Problem(
                        c.rel,
                        None,
                        m.REGISTER_HILANG,
                        f"register tidak ada (jurnal mencatat {len(h.alive())} baris)",
                        f"bangun ulang dari jurnal: {m.PULIHKAN}",
                    )
                )
            elif lost and not ws.register_present(name):  # (init wrote it: lost with the journal)
                problems.append(
                    Problem(
                        c.rel,
                        None,
                        m.REGISTER_HILANG,
                        "register tidak ada, dan jurnal yang dapat membangunnya kembali juga "
                        "hilang"
                        + (
                            ": nomor yang sudah diberikannya tidak diketahui lagi"
                            if name in journal.NUMBER_COLUMN
                            else ""
                        ),
                        f"{journal.KEMBALIKAN_ARSIP}; "
                        "workspace baru yang terhenti saat ppidctl init: buat ulang di folder lain"
                        if name in journal.NUMBER_COLUMN
                        else f"mulai jurnal baru dengan register lainnya: {m.TERIMA} (libur "
                        "kantor dicatat lagi dengan ppidctl kalender tambah)",
                    )
                )
            continue
        if data == b"" and (h.alive() or h.last_hash):  # (init wrote its header: no edit
            # leaves 0 bytes; accepted, it was "every row deleted" — review sinkron M1)
            c.error = f"{KOSONG}, padahal jurnal mencatat {len(h.alive())} baris"
        elif data is not None:
            try:
                c.table = parse(name, path, data)
                c.lines = file_lines(c.table)
            except RegisterError as e:
                c.error = e.pesan
        if c.error is not None:
            c.table = None
            problems.append(
                Problem(
                    c.rel,
                    None,
                    m.REGISTER_RUSAK,
                    f"register tidak dapat dibaca: {c.error}",
                    (f"{TUNGGU}; bila tetap kosong: " if data == b"" else "")
                    + f"perbaiki berkasnya, atau bangun ulang dari jurnal: {m.PULIHKAN} (berkas "
                    "yang rusak disimpan di samping)",
                )
            )
            continue
        if c.table.other_sheets:
            problems.append(
                Problem(
                    c.rel,
                    None,
                    m.LEMBAR_LAIN,
                    f"memuat lembar lain ({', '.join(c.table.other_sheets)}) di samping lembar "
                    f"register '{name}': perintah yang mencatat menolak selama lembar itu ada "
                    "(menulis ulang register akan menghapusnya)",
                    "pindahkan lembar itu ke berkas lain",
                )
            )
        commit = h.last_commit
        unfinished = (
            commit is not None
            and commit.sebelum is not None
            and commit.sebelum != commit.sesudah
            and c.sha == commit.sebelum
        )
        added = c.ditambahkan = _one_row(commit, name, "tambah") if unfinished else ""
        changed = c.diubah = _one_row(commit, name, "ubah") if unfinished else ""
        c.dibatalkan = bool(batalkan) and batalkan in (added, changed)
        if unfinished and not c.dibatalkan:
            c.half_applied = True
            entry = commit.lines[0].entry
            what = f"{entry.get('perintah', '')} {entry.get('nomor', '')}".strip()
            problems.append(
                Problem(
                    c.rel,
                    None,
                    m.BELUM_DITERAPKAN,
                    f"perubahan terakhir ({what}, jurnal baris {commit.first}) sudah tercatat di "
                    "jurnal tetapi belum tertulis ke register (perintah terhenti di tengah jalan)",
                    f"terapkan dengan: {m.PULIHKAN}"
                    + (
                        f"; hanya bila baris {added} sengaja dihapus di luar ppidctl (perkara "
                        f"ganda): ppidctl periksa --terima-perubahan --batalkan {added} "
                        "--catatan TEKS"
                        if added
                        else f"; hanya bila langkah itu sengaja dibatalkan dengan mengembalikan "
                        f"baris {changed} seperti sebelumnya di luar ppidctl (langkah tercatat "
                        "pada perkara yang salah): ppidctl periksa --terima-perubahan "
                        f"--batalkan {changed} --catatan TEKS"
                        if changed
                        else ""
                    ),
                )
            )
        else:
            # line endings alone (a checkout that turned a cell's own line break CRLF too is
            # no cell edited: review sesi33c L2)
            endings = (
                h.last_hash is not None
                and c.sha != h.last_hash
                and journal.endings_only(c.data, h.last_hash)
            )
            c.diffs = [] if endings else compare(name, h, c.table, c.lines)
            for d in c.diffs:
                problems += _diff_problems(c, d, fix)
            if not c.diffs and h.last_hash is not None and c.sha != h.last_hash:
                c.resaved = True
                line = commit.lines[-1].no if commit else None
                problems.append(  # (line endings alone: a git checkout, not Excel — sinkron L1)
                    Problem(
                        c.rel,
                        None,
                        m.DISIMPAN_ULANG,
                        "berkas diubah di luar ppidctl"
                        + (f" sesudah jurnal baris {line}" if line else "")
                        + (
                            ": hanya akhir barisnya (CRLF/LF: git, editor teks, atau salinan "
                            "dari komputer lain), isinya sama dengan jurnal"
                            if endings
                            else ", tetapi isinya sama dengan jurnal (disimpan ulang dari Excel, "
                            "urutan baris, atau kolom tambahan di luar skema?)"
                        ),
                        f"tulis ulang seperti jurnal: ppidctl pulihkan --register {name}"
                        if endings
                        else f"bila disengaja: {m.TERIMA}",
                    )
                )
        for line, msg in h.open_breaks():
            problems.append(
                Problem(JURNAL, line, m.RIWAYAT_DIUBAH, msg, f"bila disengaja: {m.TERIMA}")
            )
        found = check_rows(ws, name, c.rel, c.table, c.lines, h, today)
        if c.half_applied:  # (its deadlines are the unwritten change's to set: pulihkan alone
            found = [p for p in found if p.kode != m.TENGGAT_BERUBAH]  # — review rusak L3)
        problems += found
    keb, agenda = checks.get("keberatan"), checks.get("surat")
    if keb is not None and agenda is not None and keb.table and agenda.table is not None:
        problems += reply_numbers(ws, keb.rel, keb.table, keb.lines, agenda.table)
    if agenda is not None and agenda.table is not None:
        cases = {n: checks[n].table for n in CASES if checks[n].table is not None}
        problems += letter_dates(agenda.rel, agenda.table, agenda.lines, cases)
    problems += _links(checks)
    for path in unrecorded_cuts(ws, snap.journal):
        problems.append(
            Problem(
                path,
                None,
                m.POTONGAN_TIDAK_TERCATAT,
                "bagian jurnal yang terpotong disimpan di sini oleh pulihkan, tetapi pemotongannya "
                "belum tercatat di jurnal (pulihkan terhenti)",
                f"catat dengan: {m.PULIHKAN}",
            )
        )
    staged = staged_files(ws, replay, snap.temps)
    for temp, path in staged.items():
        problems.append(
            Problem(
                path,
                None,
                m.BELUM_DITERAPKAN,
                f"{m.kind_of_file(path)} sudah tercatat di jurnal (baris {replay.letters[path]}) "
                f"tetapi masih berupa berkas sementara {temp} (perintah terhenti di tengah jalan)",
                f"terapkan dengan: {m.PULIHKAN}",
            )
        )
    missing = [p for p in _letters(ws, replay) if p not in staged.values()]
    for path in missing:
        problems.append(
            Problem(
                path,
                None,
                m.SURAT_HILANG,
                f"surat tidak ada lagi (dibuat menurut jurnal baris {replay.letters[path]})",
                f"kembalikan dari arsip; bila memang hilang: {m.TERIMA}",
            )
        )
    changed = _letters_changed(ws, replay, {*missing, *staged.values()})
    for path, now in changed.items():
        line = replay.letter_hashes[path][1]
        earlier = replay.letter_versions.get(path, {}).get(now)
        problems.append(
            Problem(
                path,
                None,
                m.SURAT_DIUBAH,
                # (an earlier version put back, e.g. from an archive, after a change was
                # accepted: told as such — review pulih L1)
                f"surat kembali seperti yang dicatat jurnal baris {earlier}, bukan seperti "
                f"perubahan yang diterima di baris {line} (SHA-256)"
                if earlier
                else f"surat diubah sesudah dibuat: isinya tidak sama dengan yang dicatat jurnal "
                f"baris {line} (SHA-256)",
                f"bila versi ini yang benar: {m.TERIMA}; bila tidak: kembalikan versi baris {line}"
                if earlier
                else "salin berkas aslinya kembali dari zip arsip (ppidctl arsip) yang dibuat "
                f"sebelum perubahannya: di dalam zip, FOLDER-WORKSPACE/{path}; bila perubahan itu "
                f"disengaja (dikoreksi sebelum dikirim): {m.TERIMA}",
            )
        )
    letter_files = _letter_files(ws)  # (listed once: both checks below read it)
    unknown = _letters_of_unknown_cases(ws, checks, replay, letter_files)
    for path, (_register, nomor) in unknown.items():
        problems.append(
            Problem(
                path,
                None,
                m.SURAT_TANPA_PERKARA,
                f"surat untuk perkara {nomor} yang tidak ada di register (dan tidak pernah "
                "dibatalkan): register lebih tua daripada folder letters/ — nomornya akan "
                "diberikan lagi",
                "pulihkan registers/ dan letters/ dari arsip yang sama (yang terbaru); bila "
                f"tidak ada arsip yang memuat perkara itu: {m.TERIMA} (nomornya tidak diberikan "
                "lagi; catat ulang perkaranya dengan nomor baru); bila berkas itu bukan surat "
                "ppidctl, pindahkan dari letters/",
            )
        )
    problems += _stray_copies(ws, checks, snap.journal) + _letter_copies(letter_files)
    for path in (t for t in snap.temps if t not in staged):
        problems.append(
            Problem(
                path,
                None,
                m.BERKAS_SEMENTARA,
                "berkas sementara sisa perintah yang terhenti",
                f"hapus dengan: {m.PULIHKAN}",
            )
        )
    return Analysis(problems, checks, replay, snap.temps, missing, staged, changed, unknown)


def _stray_copies(ws, checks: dict[str, RegisterCheck], journal_bytes: bytes) -> list[Problem]:
    """A copy of a register or of the journal beside it (store.copies: a sync service's
    conflict copy), with what it holds that the workspace does not: cases registered on another
    computer, whose numbers ``catat`` would give again (review sinkron H1); days off the
    deadlines are counted without."""
    out = []
    for name, of in stray_copies(ws.registers_dir):
        path = ws.registers_dir / name
        wait = empty_file(path)  # (the other computer's file, still arriving: sesi33 L3)
        held = KOSONG if wait else _copy_holds(path, of, checks, journal_bytes)
        what = "jurnal" if of == "jurnal" else f"register {of}"
        if of == "libur":  # (no numbers: days off — review sesi33 L2)
            effect = "tenggat dihitung tanpa hari libur yang hanya ada di dalamnya"
            advice = (
                "tambahkan hari libur itu dengan: ppidctl kalender tambah TANGGAL --keterangan "
                "TEKS, lalu pindahkan berkas itu keluar folder registers/"
            )
        else:
            held_back = "" if of == "jurnal" else f" di register {of}"
            effect = f"nomor baru{held_back} tidak diberikan selama salinan itu ada"
            advice = (
                "pindahkan berkas itu keluar folder registers/ (simpan), lalu catat ulang dengan "
                f"ppidctl {WHAT_COPY_HOLDS[of]} yang hanya ada di dalamnya"
            )
        out.append(
            Problem(
                f"registers/{name}",
                None,
                m.SALINAN_BENTROK,
                f"salinan {what} di samping berkas aslinya (salinan bentrok layanan "
                f"sinkronisasi seperti Google Drive, OneDrive, Dropbox, atau salinan tangan): "
                f"{held}; {effect}",
                (f"{TUNGGU}; " if wait else "bandingkan isinya; ")
                + advice
                + "; jangan membuka workspace yang disinkronkan di dua komputer sekaligus",
            )
        )
    return out


#: what a copy of each register (or of the journal) holds, to be recorded again
WHAT_COPY_HOLDS = {
    "permohonan": "perkara",
    "keberatan": "perkara",
    "surat": "surat",
    "jurnal": "langkah",
}


def _copy_holds(path: Path, of: str, checks: dict[str, RegisterCheck], ours: bytes) -> str:
    """What the copy ``path`` of register ``of`` (or the journal) holds that the workspace
    does not, in words."""
    try:
        if of == "jurnal":
            lines = set(ours.splitlines())
            extra = [x for x in path.read_bytes().splitlines() if x.strip() and x not in lines]
            return (
                f"memuat {len(extra)} baris jurnal yang tidak ada di jurnal ini"
                if extra
                else "isinya sudah ada di jurnal ini"
            )
        table, key = checks[of].table, KEY[of]
        here = {r[key]: r for r in table.rows} if table is not None else {}
        rows = [r for r in read_table(of, path).rows if here.get(r[key]) != r]
    except Exception:  # noqa: BLE001 - any file may lie there
        return (
            "isinya tidak dapat dibaca ppidctl (bukan register yang utuh): bandingkan dengan tangan"
        )
    if not rows:
        return "isinya sudah ada di register"
    named = ", ".join(
        r[key] + (f" '{r['nama_pemohon']}'" if r.get("nama_pemohon") else "") for r in rows[:3]
    )
    more = " …" if len(rows) > 3 else ""
    return f"memuat {len(rows)} baris yang tidak ada atau berbeda di register ({named}{more})"


def _diff_problems(c: RegisterCheck, d: RowDiff, fix: str) -> list[Problem]:
    if d.kind == "tambah":
        return [
            Problem(
                c.rel,
                d.line,
                m.BARIS_TIDAK_TERCATAT,
                f"{d.key or '(tanpa nomor)'}: baris tidak tercatat di jurnal (ditambahkan di luar "
                "ppidctl)",
                fix,
            )
        ]
    if d.kind == "hapus":
        return [
            Problem(
                c.rel,
                None,
                m.BARIS_HILANG,
                f"{d.key or '(tanpa nomor)'}: baris hilang dari register (dicatat di jurnal baris "
                f"{d.expected.line}, dihapus di luar ppidctl)",
                fix,
            )
        ]
    return [
        Problem(
            c.rel,
            d.line,
            m.DIUBAH_DI_LUAR,
            f"{d.key}: kolom {k} diubah di luar ppidctl: jurnal {short(a)}, berkas {short(b)}",
            fix,
        )
        for k, (a, b) in d.changes.items()
    ]


def _links(checks: dict[str, RegisterCheck]) -> list[Problem]:
    """An objection names a request that must be in the request register."""
    req, keb = checks["permohonan"].table, checks["keberatan"]
    if req is None or keb.table is None:
        return []
    known = {r["nomor_registrasi"] for r in req.rows}
    out = []
    for i, row in enumerate(keb.table.rows):
        n = row.get("nomor_permohonan", "")
        if n and n not in known:
            out.append(
                Problem(
                    keb.rel,
                    keb.lines[i],
                    m.NILAI_TIDAK_SAH,
                    f"{row['nomor_registrasi']}: nomor_permohonan {n} tidak ada di register "
                    "permohonan",
                    "impor atau catat permohonan itu lebih dahulu, atau perbaiki nomornya di "
                    f"register keberatan lalu: {m.TERIMA}",
                )
            )
    return out


def _letters(ws, replay: Replay) -> list[str]:
    """Letter files the journal names that are gone (and not accepted as lost)."""
    out = []
    for path in replay.letters:
        if path in replay.letters_accepted:
            continue
        target = letter_file(ws, path)
        if target is None or not target.is_file():
            out.append(path)
    return sorted(out)


CASES = ("permohonan", "keberatan")


def _letter_files(ws) -> list[Path]:
    """The .docx files in letters/' year folders, sorted, Word's owner files of letters it has
    open (``~$…``) aside."""
    if not ws.letters_dir.is_dir():
        return []
    return [
        p for p in sorted(ws.letters_dir.glob("*/*.docx")) if not p.name.startswith(OFFICE_OWNER)
    ]


def _letters_of_unknown_cases(
    ws, checks: dict[str, RegisterCheck], replay: Replay, files: list[Path]
) -> dict[str, tuple[str, str]]:
    """Letter files named for a case neither register nor journal knows (given, given and
    deleted) → (its register, its number): registers/ and journal older than letters/ (restored
    from an older archive) — the next ``catat`` gave such a number out again, to someone else
    (review pulih H1). Scans and PDF copies beside them are named otherwise and are not looked
    at. The number is read back from the file name (:func:`_number_named`)."""
    from ..letters.engine import KINDS
    from ..services.letters import safe_name

    if not files or any(checks[n].table is None for n in CASES):
        return {}
    known = {
        safe_name(nomor)
        for name in CASES
        for nomor in [
            *(r["nomor_registrasi"] for r in checks[name].table.rows),
            *(r.values.get("nomor_registrasi", "") for r in replay.histories[name].rows),
            *replay.histories[name].retired,
        ]
    }
    named = re.compile(rf"(.+)-({_kinds()})(?:-\d+)?\.docx")
    out = {}
    for path in files:
        hit = named.fullmatch(path.name)
        if hit and hit[1] not in known:
            register = KINDS[hit[2]].register
            out[f"letters/{path.parent.name}/{path.name}"] = (
                register,
                _number_named(ws, register, hit[1], path.parent.name),
            )
    return out


#: the owner file Word keeps beside a document it has open ("~$2-PPID-….docx"): no letter
OFFICE_OWNER = "~$"
#: a sync service's or a hand copy's decoration after a letter's name: " (1)", " (conflicted
#: copy …)", " - Salinan", ".sync-conflict-…", "-DESKTOP-7Q2" (ppidctl's own are "-2", lower case)
_COPY_TAIL = r"(?: \(.*\)| - .+|\.sync-conflict-.+|-[A-Z][A-Za-z0-9-]*)"


def _kinds() -> str:
    from ..letters.engine import KINDS

    return "|".join(re.escape(k) for k in sorted(KINDS, key=len, reverse=True))


def _letter_copies(files: list[Path]) -> list[Problem]:
    """Letters copied beside themselves by a sync service (``…-tanda-terima (1).docx``): the
    other computer's letter with the same number, given to someone else (review sinkron H1)."""
    copy = re.compile(rf"(.+)-({_kinds()})(?:-\d+)?{_COPY_TAIL}\.docx")
    return [
        Problem(
            f"letters/{path.parent.name}/{path.name}",
            None,
            m.SALINAN_BENTROK,
            "salinan surat di samping aslinya (salinan bentrok layanan sinkronisasi, atau "
            "salinan tangan): bisa surat yang dibuat di komputer lain dengan nomor yang sama",
            "bandingkan dengan aslinya dan dengan salinan register di registers/ (bila ada); "
            "pindahkan berkas itu keluar folder letters/",
        )
        for path in files
        if copy.fullmatch(path.name)
    ]


def _number_named(ws, register: str, safe: str, folder: str) -> str:
    """The registration number whose letters are named ``safe`` (services.letters.safe_name):
    the number of the office's pattern that gives that name — each digit group of the name
    tried as the sequence, the folder's year (and any year in the name), each month (a pattern
    may state a month before the sequence: sesi31b M1) — else the name with "/" for "-"."""
    from ..services.letters import safe_name

    pattern = ws.settings.get("penomoran", register)
    kode = ws.settings.get("instansi", "kode_satker")
    groups = re.findall(r"[0-9]+", safe)
    years = {int(g) for g in groups if len(g) == 4} | ({int(folder)} if folder.isdigit() else set())
    for year in sorted(years):
        for seq in dict.fromkeys(int(g) for g in groups):
            for month in range(1, 13):
                try:
                    nomor = numbering.format_number(pattern, seq, kode, date(year, month, 1))
                except (ValueError, KeyError):
                    break
                if safe_name(nomor) == safe:
                    return nomor
    return safe.replace("-", "/")


def letter_file(ws, path: str) -> Path | None:
    """The file ``path`` (as journalled) names, when it lies inside the workspace — or inside
    letters/, which an office may keep on another disk through a link (every letter was told
    "tidak ada lagi": review pulih M3); None otherwise, and for a link that loops (no file to
    read: told as gone, not a traceback — review sesi31 L5)."""
    try:
        target = (ws.root / path).resolve()
        homes = [ws.root, *([ws.letters_dir.resolve()] if path.startswith("letters/") else [])]
    except (RuntimeError, OSError):  # (Python 3.11: RuntimeError "Symlink loop"; 3.13: OSError)
        return None
    return target if any(target.is_relative_to(home) for home in homes) else None


def _letters_changed(ws, replay: Replay, absent: set[str]) -> dict[str, str]:
    """Letter files (not ``absent``) whose SHA-256 differs from the one the journal recorded
    when they were made, or when a change to them was accepted → their SHA-256 now. Every
    letter is read: a few thousand a year, some 20 KB each."""
    out = {}
    for path, (sha, _line) in sorted(replay.letter_hashes.items()):
        target = letter_file(ws, path)
        if path in absent or target is None:
            continue
        try:
            now = journal.sha256_bytes(target.read_bytes())
        except OSError:  # (gone: _letters tells it)
            continue
        if now != sha:
            out[path] = now
    return out


def check(ws) -> Analysis:
    """Everything ``ppidctl periksa`` reports, from a consistent snapshot."""
    return analyse(ws, snapshot(ws))
