"""Reading the journal back: the hash chain, and the registers as the journal says they are.

Every write path journals the full values of a new row (``tambah``: all non-empty fields) and the
before/after of every changed field (``ubah``), so replaying the entries from the first line gives
each register's expected rows. ``hapus`` (a deletion accepted with ``periksa --terima-perubahan``)
removes a row. The replay also follows the registers' hashes from commit to commit: a commit that
found a register other than the previous commit left it proves an edit outside ppidctl in between.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..store import journal
from . import model as m
from .model import Problem, short

JURNAL = "registers/jurnal.jsonl"
TABLES = ("permohonan", "keberatan", "surat", "libur")
#: what identifies a row of each register in the replay (a letter by its file: its number may
#: be empty when the office numbers letters by hand)
KEY = {
    "permohonan": "nomor_registrasi",
    "keberatan": "nomor_registrasi",
    "surat": "berkas",
    "libur": "tanggal",
}
#: commands whose journal lines repair or accept: the register may differ from the previous
#: commit's hash, on purpose
REPAIRS = ("pulihkan", "periksa --terima-perubahan")


def is_repair(entry: dict) -> bool:
    return str(entry.get("perintah", "")).startswith(REPAIRS)


@dataclass
class Line:
    no: int
    entry: dict


@dataclass(eq=False)
class Row:
    values: dict[str, str]
    line: int  # journal line that added it
    perintah: str
    alive: bool = True
    n: int = 0  # its place among the history's rows (History.add)


@dataclass
class Commit:
    """One commit's lines and what it says about one register."""

    lines: list[Line]
    sebelum: str | None  # hash of the register as the commit found it (None: not recorded)
    sesudah: str

    @property
    def first(self) -> int:
        return self.lines[0].no


@dataclass
class History:
    register: str
    rows: list[Row] = field(default_factory=list)
    last_hash: str | None = None
    last_commit: Commit | None = None
    #: (commit line, message) of edits outside ppidctl found between two commits
    breaks: list[tuple[int, str]] = field(default_factory=list)
    #: line of the last accept/repair for this register (breaks before it are settled)
    settled: int = 0
    deleted: list[Row] = field(default_factory=list)
    #: numbers given and deleted since, as the journal's last ``nomor_dihapus`` lists them (also
    #: those a new journal was started with: store.journal.retired_numbers)
    retired: set[str] = field(default_factory=set)
    #: (agenda) letter numbers accepted as given twice — an old duplicate of letters already
    #: sent (``nomor_surat_ganda_diterima``; review sesi31c M5)
    numbers_accepted: set[str] = field(default_factory=set)

    #: field → value → rows holding it, built on the first lookup by that field and kept up to
    #: date (a scan of every row per journal line made periksa quadratic in years of use)
    _index: dict[str, dict[str, list[Row]]] = field(default_factory=dict, repr=False)

    def alive(self) -> list[Row]:
        return [r for r in self.rows if r.alive]

    def add(self, row: Row) -> None:
        row.n = len(self.rows)
        self.rows.append(row)
        for key, by_value in self._index.items():
            by_value.setdefault(row.values.get(key, ""), []).append(row)

    def set_value(self, row: Row, key: str, value: str) -> None:
        by_value = self._index.get(key)
        if by_value is not None:
            by_value[row.values.get(key, "")].remove(row)
            by_value.setdefault(value, []).append(row)
        row.values[key] = value

    def having(self, key: str, value: str) -> list[Row]:
        """The rows whose ``key`` is ``value``, in the order they were added."""
        by_value = self._index.get(key)
        if by_value is None:
            by_value = self._index[key] = {}
            for row in self.rows:
                by_value.setdefault(row.values.get(key, ""), []).append(row)
        rows = by_value.get(value, [])
        return sorted(rows, key=lambda r: r.n) if len(rows) > 1 else rows

    def open_breaks(self) -> list[tuple[int, str]]:
        return [(line, msg) for line, msg in self.breaks if line > self.settled]


@dataclass
class Replay:
    lines: list[Line]
    problems: list[Problem]
    count: int  # lines in the journal (whole or not)
    last_hash: str  # hash of the last whole line (what the next line must carry)
    torn: tuple[int, int, int] | None  # (first torn line, lines, bytes)
    histories: dict[str, History]
    letters: dict[str, int]  # letter files the journal names → first line naming them
    letters_accepted: set[str]
    #: letter files the journal names → the ids of the commits naming them
    letter_commits: dict[str, set[str]] = field(default_factory=dict)
    #: letter files → their SHA-256 as made (or as a later change was accepted), and the line
    #: that recorded it (journals before 24 November 2026 recorded none)
    letter_hashes: dict[str, tuple[str, int]] = field(default_factory=dict)
    #: letter files → every SHA-256 the journal recorded for them → the line that did
    letter_versions: dict[str, dict[str, int]] = field(default_factory=dict)


def scan(data: bytes) -> Replay:
    """Check the chain and replay every entry of the journal ``data``."""
    problems: list[Problem] = []
    cut = journal.torn_offset(data)
    body = data[:cut]
    raws = body.split(b"\n")[:-1] if body else []
    torn = None
    if cut < len(data):
        tail = data[cut:]
        first = len(raws) + 1
        count = tail.count(b"\n") + (0 if tail.endswith(b"\n") else 1)
        torn = (first, count, len(tail))
        problems.append(
            Problem(
                JURNAL,
                first,
                m.JURNAL_TERPOTONG,
                f"{count} baris terakhir jurnal tidak utuh ({len(tail)} bita; listrik padam atau "
                "komputer mati saat menulis?): perubahan itu tidak tersimpan",
                f"perbaiki dengan: {m.PULIHKAN} (bagian yang rusak disimpan di "
                "registers/jurnal.rusak-….txt)",
            )
        )
    lines: list[Line] = []
    prev = b""
    for no, raw in enumerate(raws, 1):
        entry = journal.whole(raw + b"\n")
        expected = journal.line_hash(prev) if no > 1 else journal.GENESIS
        prev = raw
        if entry is None:
            problems.append(
                Problem(
                    JURNAL,
                    no,
                    m.JURNAL_RUSAK,
                    "baris jurnal rusak (bukan catatan JSON yang utuh)",
                    "kembalikan jurnal dari arsip terakhir (ppidctl arsip); jurnal tidak boleh "
                    "disunting",
                )
            )
            continue
        if entry.get("sebelum") != expected:
            what = (
                "baris pertama jurnal tidak diawali rantai kosong (baris awal jurnal dihapus?)"
                if no == 1
                else f"rantai hash putus: baris ini tidak menyambung ke baris {no - 1} (ada baris "
                "jurnal yang diubah, disisipkan atau dihapus)"
            )
            problems.append(
                Problem(
                    JURNAL,
                    no,
                    m.RANTAI_PUTUS,
                    what,
                    "bandingkan dengan arsip terakhir (ppidctl arsip); jurnal tidak boleh disunting",
                )
            )
        lines.append(Line(no, entry))
    replay = Replay(
        lines=lines,
        problems=problems,
        count=len(raws) + (torn[1] if torn else 0),
        last_hash=journal.line_hash(raws[-1]) if raws else journal.GENESIS,
        torn=torn,
        histories={name: History(name) for name in TABLES},
        letters={},
        letters_accepted=set(),
    )
    for group in _commits(lines):
        _apply_commit(replay, group)
    return replay


def _commits(lines: list[Line]) -> list[list[Line]]:
    """Consecutive lines of one commit (same ``transaksi`` id); older lines stand alone."""
    out: list[list[Line]] = []
    last_id = None
    for line in lines:
        tx = line.entry.get("transaksi")
        txid = tx.get("id") if isinstance(tx, dict) else None
        if txid is not None and txid == last_id and out:
            out[-1].append(line)
        else:
            out.append([line])
        last_id = txid
    return out


def _dict(value) -> dict:
    return value if isinstance(value, dict) else {}


def _apply_commit(replay: Replay, group: list[Line]) -> None:
    head = group[0].entry
    repair = any(is_repair(line.entry) for line in group)
    tx = head.get("transaksi")
    txid = tx.get("id") if isinstance(tx, dict) else None
    found = {name: len(h.breaks) for name, h in replay.histories.items()}
    for line in group:
        entry = line.entry
        # (journals written before exports were recorded as keluaran named them berkas)
        made = () if entry.get("aksi") == "ekspor-tanpa-sensor" else entry.get("berkas") or ()
        for path in made:
            if isinstance(path, str):
                replay.letters.setdefault(path, line.no)
                # a name made again after its loss was accepted (a voided letter's file and row
                # deleted): the new letter's loss is told again (review sesi31b M2)
                replay.letters_accepted.discard(path)
                if isinstance(txid, str):
                    replay.letter_commits.setdefault(path, set()).add(txid)
        for path in entry.get("berkas_hilang_diterima") or ():
            if isinstance(path, str):
                replay.letters_accepted.add(path)
        for nomor in entry.get("nomor_surat_ganda_diterima") or ():
            if isinstance(nomor, str) and "surat" in replay.histories:
                replay.histories["surat"].numbers_accepted.add(nomor)
        sha, nilai = entry.get("berkas_sha256"), _dict(entry.get("nilai"))
        made = {nilai["berkas"]: sha} if isinstance(nilai.get("berkas"), str) else {}
        for path, sha in {**made, **_dict(entry.get("berkas_diubah_diterima"))}.items():
            if isinstance(sha, str):
                replay.letter_hashes[path] = (sha, line.no)
                replay.letter_versions.setdefault(path, {}).setdefault(sha, line.no)
        h = replay.histories.get(str(entry.get("register", "")))
        if h is not None:
            apply_entry(h, line, repair)
        for name, numbers in _dict(entry.get("nomor_dihapus")).items():
            if name in replay.histories and isinstance(numbers, list):
                replay.histories[name].retired = {n for n in numbers if isinstance(n, str)}
    after = _dict(head.get("register_sha256"))
    before = _dict(head.get("register_sha256_sebelum"))
    perintah = str(head.get("perintah", ""))
    for name, sha in after.items():
        h = replay.histories.get(name)
        if h is None or not isinstance(sha, str):
            continue
        was = before.get(name)
        if repair:
            # (a repair finishing a commit that carried an unaccepted outside edit settles
            # nothing: that edit is still to be accepted, and it is no new edit either)
            if not _dict(head.get("suntingan_luar")).get(name):
                h.settled = group[-1].no
        elif (
            isinstance(was, str)
            and h.last_hash is not None
            and was != h.last_hash
            and len(h.breaks) == found[name]  # no field named already by this commit's lines
        ):
            h.breaks.append(
                (
                    group[0].no,
                    f"register {name} diubah di luar ppidctl sebelum perintah '{perintah}' "
                    f"({head.get('waktu', '')}): isinya saat itu tidak sama dengan yang ditulis "
                    "perintah sebelumnya",
                )
            )
        h.last_hash = sha
        h.last_commit = Commit(group, was if isinstance(was, str) else None, sha)


def find(h: History, entry: dict, changes: dict[str, tuple[str, str]]) -> Row | None:
    """The replayed row a journal line changes: by ``kunci`` when the line names it, else by
    the field the commit names rows by; among equal keys, the one whose values match."""
    kunci = entry.get("kunci")
    if isinstance(kunci, list) and len(kunci) == 2:
        field_, value = str(kunci[0]), str(kunci[1])
    else:
        field_ = journal.row_key(h.register)
        value = changes[field_][0] if field_ in changes else str(entry.get("nomor", ""))
    hits = [r for r in h.having(field_, value) if r.alive]
    if not hits:
        return None
    exact = [r for r in hits if all(r.values.get(k, "") == b for k, (b, _a) in changes.items())]
    return (exact or hits)[-1]


def apply_entry(h: History, line: Line, repair: bool = False) -> None:
    entry = line.entry
    aksi = entry.get("aksi")
    perintah = str(entry.get("perintah", ""))
    if aksi == "tambah":
        for one in journal.expand(entry):  # (a bulk line adds many rows)
            values = {k: a for k, (_b, a) in journal.changes(one).items()}
            h.add(Row(values, line.no, perintah))
        return
    changes = journal.changes(entry)
    if aksi not in ("ubah", "hapus"):
        return
    row = find(h, entry, changes)
    label = str(entry.get("nomor", "")) or "?"
    if row is None:
        if not repair:
            h.breaks.append(
                (
                    line.no,
                    f"perintah '{perintah}' mengubah {h.register} {label} yang tidak pernah "
                    "dicatat di jurnal (baris itu ditambahkan di luar ppidctl)",
                )
            )
        return
    if not repair:
        for k, (b, _a) in changes.items():
            now = row.values.get(k, "")
            if now != b:
                h.breaks.append(
                    (
                        line.no,
                        f"{h.register} {label} kolom {k} diubah di luar ppidctl sebelum perintah "
                        f"'{perintah}': menurut jurnal {short(now)}, saat diubah {short(b)}",
                    )
                )
    if aksi == "hapus":
        row.alive = False
        h.deleted.append(row)
        return
    for k, (_b, a) in changes.items():
        h.set_value(row, k, a)
