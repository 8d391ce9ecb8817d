"""Getting back to a clean ``periksa``, always through the journal.

* :func:`restore` (``ppidctl pulihkan``): moves a torn journal tail aside, deletes temp files of an
  interrupted commit, applies a commit that was journalled but not written (roll forward, checked
  against the hash the journal recorded), and rebuilds a missing or unreadable register — or,
  with ``register=``, one edited outside ppidctl — from the journal. A register replaced by a
  rebuild is first saved beside it (``registers/<name>.rusak-<time>.<ext>``): nothing is lost.
* :func:`accept` (``periksa --terima-perubahan --catatan``): journals a deliberate hand edit as it
  is, row by row, with the office's note, so that the journal describes the registers again.
* :func:`fix_deadlines` (``periksa --perbaiki-tenggat``): recomputes the deadlines of open cases
  on today's calendar (after a holiday was added), journalled like any change.
"""

from __future__ import annotations

import os
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .. import schema
from ..errors import RegisterError, RuleError, UsageError
from ..rules import numbering
from ..rules import validation as v
from ..schema import BATAL, letter_named, letter_of, same_letter
from ..services.keberatan import reason_conflict
from ..services.letters import DEADLINE_LETTERS, mark_letter
from ..store import journal
from ..store.copies import KOSONG, TUNGGU, empty_file
from ..store.table import Table, _Record, empty_table
from ..store.transaction import OUTSIDE, Transaction, create_new, put_in_place
from ..workspace import other_format
from . import model as m
from .check import (
    Analysis,
    RegisterCheck,
    analyse,
    compare,
    has_rows,
    letter_file,
    only_init,
    parse,
    rel,
    staged_files,
    take,
    unrecorded_cuts,
)
from .replay import KEY, TABLES, scan
from .rows import (
    cell_problem,
    expected_deadlines,
    expected_late,
    imported_numbers,
    letter_numbers_twice,
    step_problems,
)


@dataclass
class Outcome:
    """What a repair did, one line per action, for the user."""

    done: list[str] = field(default_factory=list)


def _stamp(ws) -> str:
    return ws.now().strftime("%Y%m%d-%H%M%S")


# -- pulihkan --------------------------------------------------------------------------------


def restore(ws, register: str | None = None, *, petugas: str = "", catatan: str = "") -> Outcome:
    if register is not None and register not in TABLES:
        raise UsageError(
            f"--register '{register}' tidak dikenal", f"pilih salah satu: {', '.join(TABLES)}"
        )
    catatan = v.teks(catatan, "--catatan")
    out = Outcome()
    with ws.transaction(
        "pulihkan" + (f" --register {register}" if register else ""), petugas
    ) as tx:
        tx.pemulihan = True  # (a fragment is cut below, unless the workspace holds more than
        # init wrote; a lost journal was refused on entering, and is again under the lock: lost
        # while this command waited for it, a rebuild from nothing would empty the registers)
        tx.refuse_lost_journal(fragments=False)
        extra = {"catatan": catatan} if catatan else {}
        kept = _cut_torn_journal(ws, tx, out, extra)
        snap = take(ws)
        for where in unrecorded_cuts(ws, snap.journal):
            if where != kept:  # (a pulihkan cut short after cutting: its cut, recorded now)
                tx.log("jurnal", "", "pulihkan", {}, dipotong={"disimpan": where}, **extra)
                out.done.append(f"{where}: pemotongan jurnal oleh pulihkan yang terhenti dicatat")
        replay = scan(snap.journal)
        staged = staged_files(ws, replay, snap.temps)
        for temp, path in staged.items():  # journalled, not yet in place: finish the commit
            put_in_place(ws.root / temp, ws.root / path)
            out.done.append(
                f"{path}: {m.kind_of_file(path)} yang sudah tercatat di jurnal ditempatkan dari {temp}"
            )
        if staged:
            tx.log("workspace", "", "pulihkan", {}, ditempatkan=sorted(staged.values()), **extra)
        snap.temps = [t for t in snap.temps if t not in staged]
        for path in snap.temps:
            try:
                (ws.root / path).unlink()
            except FileNotFoundError:
                continue
            out.done.append(f"{path}: berkas sementara sisa perintah yang terhenti dihapus")
        if snap.temps:
            tx.log("workspace", "", "pulihkan", {}, sementara_dihapus=snap.temps, **extra)
        snap.temps = []
        a = analyse(ws, snap, replay)
        old_format: list = []
        for name, c in a.registers.items():
            if c.half_applied:
                old_format += _roll_forward(ws, tx, c, out, extra)
            elif c.data is None and c.error is None:
                if c.history.alive() or c.history.last_hash:
                    old_format += _rebuild(ws, tx, c, out, extra, "register tidak ada")
                elif name == register:
                    out.done += _typed_in_other_format(ws, c)
            elif c.data is None:  # no permission to read it: never overwrite what we cannot keep
                what = (  # (a folder in its place is no permission matter: tolak L5)
                    "pindahkan folder itu, lalu ulangi"
                    if ws.register_path(name).is_dir()
                    else "perbaiki hak aksesnya"
                )
                out.done.append(f"{c.rel}: {c.error}; {what} (tidak dibangun ulang)")
            elif c.table is None:
                old_format += _rebuild(ws, tx, c, out, extra, "register tidak dapat dibaca")
            elif name == register:
                if c.diffs or c.resaved:
                    old_format += _rebuild(
                        ws, tx, c, out, extra, "dikembalikan seperti dalam jurnal"
                    )
                else:
                    out.done.append(f"{c.rel}: sudah sama dengan jurnal, tidak diubah")
                    old_format += _old_format_aside(ws, tx, c, out, extra)
    for path in old_format:  # (its copy is saved and journalled: the register now is the new one)
        path.unlink(missing_ok=True)
    return out


def _typed_in_other_format(ws, c: RegisterCheck) -> list[str]:
    """A register the journal never wrote whose rows are in its other-format file (cases typed
    into init's CSV of an XLSX workspace): nothing to rebuild them from — what to do instead."""
    other = other_format(c.path)
    try:
        rows = parse(c.name, other, other.read_bytes()).rows
    except (FileNotFoundError, RegisterError):
        return []
    if not rows:
        return []
    return [
        f"{rel(ws, other)}: {len(rows)} baris yang tidak pernah tercatat di jurnal (diketik "
        "langsung di berkas), jadi tidak ada yang dapat dibangun dari jurnal; pindahkan berkas "
        "itu ke luar folder registers/, lalu catat barisnya dengan: ppidctl impor BERKAS "
        f"--register {c.name}"
    ]


def _old_format_aside(ws, tx, c: RegisterCheck, out: Outcome, extra: dict) -> list:
    """The register rebuilt in the format in use (after ``[penyimpanan] format`` was switched):
    a file of it in the other format is saved aside (``permohonan.format-lama-<waktu>.csv``) and
    removed once the rebuild is committed, so that no command reads it again as the register."""
    if c.name not in ("permohonan", "keberatan"):
        return []
    old = other_format(c.path)
    try:
        data = old.read_bytes()
    except FileNotFoundError:
        return []
    if not has_rows(data, c.name, old):  # (init's empty CSV of an XLSX workspace: no register,
        return []  # left where it is; an unreadable one is set aside all the same)
    aside = old.with_name(f"{old.stem}.format-lama-{_stamp(ws)}{old.suffix}")
    saved = rel(ws, create_new(aside, data, ws.file_mode))
    # its rows the journal never recorded may have been given numbers all the same
    try:
        held = {r["nomor_registrasi"] for r in parse(c.name, old, data).rows}
    except RegisterError:
        held = set()
    given = held - {r.values.get("nomor_registrasi", "") for r in c.history.rows} - {""}
    if given:
        tx.retiring.setdefault(c.name, set()).update(given)
    tx.log(c.name, "", "pulihkan", {}, format_lama_disimpan=saved, **extra)
    out.done.append(
        f"{rel(ws, old)}: register format lama disimpan di {saved} lalu dihapus"
        + (
            f"; {len(given)} barisnya tidak tercatat di jurnal dan tidak masuk register "
            f"({', '.join(sorted(given))}): nomornya tidak akan diberikan lagi; bila itu perkara "
            f"yang sah, masukkan dengan ppidctl impor {saved} --register {c.name} (kosongkan "
            "kolom nomornya agar diberi nomor baru)"
            if given
            else ""
        )
    )
    return [old]


def _cut_torn_journal(ws, tx, out: Outcome, extra: dict, *, restart: bool = False) -> str:
    """Move a torn tail aside; returns where it was kept ("" when there was none). ``restart``:
    the office accepts the registers as the start of a new journal (a fragment is all there is)."""
    path = ws.journal_path
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return ""
    cut = journal.torn_offset(data)
    if cut == len(data):
        return ""
    if not restart and not data[:cut].strip() and not only_init(ws, take(ws)):
        # nothing of the journal would be left, yet the workspace holds more than init wrote
        # (cases, letters, a register lost): a lost journal (emptied in an editor, a fragment
        # left), not a power cut during init — the office's word starts it again, never a
        # repair on its own
        tx.refuse_lost_journal(cut=True)
    tail = data[cut:]
    saved = create_new(ws.registers_dir / f"jurnal.rusak-{_stamp(ws)}.txt", tail, ws.file_mode)
    fd = os.open(path, os.O_RDWR)
    try:
        os.ftruncate(fd, cut)
        os.fsync(fd)
    finally:
        os.close(fd)
    line = data[:cut].count(b"\n") + 1
    lines = tail.count(b"\n") + (0 if tail.endswith(b"\n") else 1)
    where = rel(ws, saved)
    tx.log(
        "jurnal",
        "",
        "pulihkan",
        {},
        dipotong={  # (its SHA-256: the saved .txt can be proved what was cut — audit N1)
            "baris": line,
            "jumlah_baris": lines,
            "bita": len(tail),
            "disimpan": where,
            "sha256": journal.sha256_bytes(tail),
        },  # fmt: skip
        **extra,
    )
    out.done.append(
        f"registers/jurnal.jsonl:{line}: {lines} baris yang tidak utuh dipindahkan ke {where}"
    )
    return where


def _apply(table: Table, name: str, entry: dict) -> bool:
    """Apply one journal line to ``table`` as the commit did; False when it cannot be."""
    aksi = entry.get("aksi")
    if aksi == "tambah":
        for one in journal.expand(entry):  # (a bulk line adds many rows)
            table.append(_known(name, {k: a for k, (_b, a) in journal.changes(one).items()}))
        return True
    changes = journal.changes(entry)
    if aksi != "ubah":
        return aksi not in ("hapus",)
    field_ = journal.row_key(name)
    value = changes[field_][0] if field_ in changes else str(entry.get("nomor", ""))
    hits = [i for i, r in enumerate(table.rows) if r.get(field_, "") == value]
    exact = [
        i for i in hits if all(table.rows[i].get(k, "") == b for k, (b, _a) in changes.items())
    ]
    if not (exact or hits):
        return False
    table.update((exact or hits)[-1], _known(name, {k: a for k, (_b, a) in changes.items()}))
    return True


def _known(name: str, values: dict[str, str]) -> dict[str, str]:
    """Only the schema's columns (a journal written by another version may name others)."""
    keys = {c.key for c in schema.columns(name)}
    return {k: val for k, val in values.items() if k in keys}


def _roll_forward(ws, tx, c: RegisterCheck, out: Outcome, extra: dict) -> list:
    """Apply the last commit to the register as it found it; exact when the bytes hash to what
    the journal recorded (CSV), else checked field by field against the journal. A commit that
    carried an unaccepted outside edit (``suntingan_luar``) leaves the register marked still.
    Returns what :func:`_rebuild` returns when it falls back to it."""
    commit = c.history.last_commit
    marked = any((line.entry.get(OUTSIDE) or {}).get(c.name) for line in commit.lines)
    table = parse(c.name, c.path, c.data)
    ok = True
    try:
        for line in commit.lines:
            if line.entry.get("register") == c.name:
                ok = ok and _apply(table, c.name, line.entry)
    except (KeyError, ValueError):
        ok = False
    data = table.to_bytes() if ok else b""
    exact = ok and journal.sha256_bytes(data) == commit.sesudah
    if ok and not exact:
        again = parse(c.name, c.path, data)
        from .rows import file_lines

        ok = not compare(c.name, c.history, again, file_lines(again))
    if not ok:
        return _rebuild(ws, tx, c, out, extra, "perubahan terakhir tidak dapat diterapkan")
    if marked:
        tx.still_outside.add(c.name)
    tx.put_register(c.name, data)
    tx.log(
        c.name,
        "",
        "pulihkan",
        {},
        diterapkan={"jurnal_baris": commit.first, "sama_persis": exact},
        **extra,
    )
    out.done.append(
        f"{c.rel}: perubahan jurnal baris {commit.first} "
        f"({commit.lines[0].entry.get('perintah', '')}) diterapkan"
    )
    return []


def rebuilt(c: RegisterCheck) -> bytes:
    """The register as the journal gives it: rows in journal order; the file's header (column
    order, extra columns, Indonesian names), format and the bytes of every row already right are
    kept when the file can be read."""
    rows = c.history.alive()
    old = c.table
    if old is None:
        table = empty_table(c.name, c.path)
        for r in rows:
            table.append(_known(c.name, r.values))
        return table.to_bytes()
    # Built on the store's own record list so untouched rows keep their bytes (store.table).
    table = Table(
        c.name,
        c.path,
        list(old.header),
        dict(old.index),
        header_raw=old._header_raw,
        newline=old._newline,
        delimiter=old._delimiter,
        bom=old._bom,
    )
    key = KEY[c.name]
    cols = [col.key for col in schema.columns(c.name)]
    old_rows = old.rows  # parses the file, which also fills its record list
    records = {rec.row: rec for rec in old._records if rec.row is not None}
    pool: dict[str, list[int]] = {}
    for i, row in enumerate(old_rows):
        pool.setdefault(row.get(key, ""), []).append(i)
    for r in rows:
        values = {col: r.values.get(col, "") for col in cols}
        cands = pool.get(values[key], [])
        same = next(
            (i for i in cands if all(old.rows[i].get(k, "") == values[k] for k in cols)), None
        )
        pick = same if same is not None else (cands[0] if cands else None)
        if pick is not None:
            cands.remove(pick)
        table._rows.append(values)
        idx = len(table._rows) - 1
        rec = records.get(pick) if pick is not None else None
        if same is not None and rec is not None:
            table._records.append(_Record(rec.raw, rec.fields, idx))
        else:
            table._records.append(_Record(None, list(rec.fields) if rec else [], idx))
            table._changed.add(idx)
    return table.to_bytes()


def _rebuild(ws, tx, c: RegisterCheck, out: Outcome, extra: dict, why: str) -> list:
    """Rebuild ``c`` from the journal; returns the old-format file to remove after the commit
    (see :func:`_old_format_aside`)."""
    data = rebuilt(c)
    saved = ""
    if c.data is not None:
        aside = c.path.with_name(f"{c.path.stem}.rusak-{_stamp(ws)}{c.path.suffix}")
        saved = rel(ws, create_new(aside, c.data, ws.file_mode))
    dropped = [
        {
            "nomor": d.key,
            "jenis": {"ubah": "diubah", "tambah": "tidak tercatat", "hapus": "hilang"}[d.kind],
            "kolom": {k: [b, a] for k, (a, b) in d.changes.items()},
        }
        for d in c.diffs
    ]
    # a row the journal never recorded is dropped (kept in the saved file): its number may have
    # been given all the same (a journal line cut off after the register was written, an old
    # journal copied back), so it is never given again (rules.md §6)
    column = journal.NUMBER_COLUMN.get(c.name, "")
    given = {(d.actual or {}).get(column, "") for d in c.diffs if d.kind == "tambah"} - {""}
    if given:
        tx.retiring.setdefault(c.name, set()).update(given)
    tx.put_register(c.name, data)
    tx.log(
        c.name,
        "",
        "pulihkan",
        {},
        dibangun_ulang=why,
        baris=len(c.history.alive()),
        disimpan=saved,
        dibuang=dropped,
        **extra,
    )
    out.done.append(
        f"{c.rel}: {why}; dibangun ulang dari jurnal ({len(c.history.alive())} baris)"
        + (f", berkas lama disimpan di {saved}" if saved else "")
        + (
            f"; nomor baris yang dibuang tidak akan diberikan lagi: {', '.join(sorted(given))}"
            if given
            else ""
        )
    )
    return _old_format_aside(ws, tx, c, out, extra)


# -- periksa --terima-perubahan ---------------------------------------------------------------


def accept(
    ws, catatan: str, *, batalkan: str = "", petugas: str = "", nomor_ganda: tuple[str, ...] = ()
) -> Outcome:
    """Record the registers' edits outside ppidctl as they are. ``batalkan``: the number of a
    row just recorded that the office deleted by hand, or whose last step it put back by hand —
    indistinguishable from that command killed before writing it, so accepted only when
    named. ``nomor_ganda``: outgoing numbers two letters already sent carry, accepted as an old
    duplicate (only when named: review sesi32 L2)."""
    catatan = v.teks(catatan, "--catatan (alasan perubahan di luar ppidctl)", wajib=True)
    batalkan = v.teks(batalkan, "--batalkan")
    _refuse_restart_without_registers(ws)
    out = Outcome()
    with ws.transaction("periksa --terima-perubahan", petugas) as tx:
        snap = take(ws)
        a = analyse(ws, snap, batalkan=batalkan)
        if batalkan.isascii() and batalkan.isdigit():  # its sequence alone, as every N
            full = _undone_number(ws, a, int(batalkan))
            if full:  # (judged again by its full number, on the same files as read)
                batalkan = full
                a = analyse(ws, snap, batalkan=batalkan)
        deleted = any(  # (deleted, or put back, in a file saved otherwise — by Excel, an XLSX
            d.kind in ("hapus", "ubah")  # register: not the unfinished state, an ordinary edit)
            and d.key == batalkan
            for c in a.registers.values()
            for d in c.diffs
        )
        cancelled = any(c.dibatalkan for c in a.registers.values())
        if batalkan and not (cancelled or deleted):
            raise RuleError(
                f"--batalkan {batalkan}: bukan baris yang baru dicatat lalu dihapus, atau yang "
                "langkah terakhirnya dikembalikan, di luar ppidctl (perintah terakhir pada "
                "registernya tidak hanya mencatat atau mengubah baris itu, atau barisnya tidak "
                "sama dengan sebelum perintah itu)",
                "lihat dengan: ppidctl periksa",
            )
        tx.pemulihan = cancelled  # (its register is as the cancelled commit found it, on purpose)
        if batalkan:
            out.done += _void_letters(ws, tx, a, batalkan, catatan)
        lost = m.JURNAL_HILANG in a.codes()
        if lost and empty_file(ws.journal_path):  # (still synced: the history it replaced came
            raise RuleError(  # back as "tidak tercatat" once it landed — review sesi33 M1)
                f"registers/{ws.journal_path.name} {KOSONG}; jurnal baru tidak dimulai di atasnya",
                f"{TUNGGU}; bila jurnal memang hilang (tetap kosong), hapus berkas kosong itu, "
                "lalu ulangi perintah ini",
            )
        # (the office's days off hold no numbers: lost with the journal, started again empty)
        libur_lost = lost and not ws.register_present("libur")
        _refuse_unrepaired(a, skip=rel(ws, ws.register_path("libur")) if libur_lost else "")
        _refuse_invalid_cells(a, lost)
        forced: dict[tuple[str, str], list[str]] = {}
        if not lost:  # (a journal started again: every row is "added", none is an edit's)
            _refuse_broken_steps(a)
            _refuse_broken_copies(a)
            _refuse_letter_number_twice(ws, a)
            forced = _reasons_against_history(ws, a)
        if lost:
            out.done.append(f"{ws.journal_path.name}: jurnal baru dimulai dengan register ini")
            if libur_lost:
                libur = ws.register_path("libur")
                tx.put_register("libur", empty_table("libur", libur).to_bytes())
                tx.log("libur", "", "terima-perubahan", {}, dibuat_kosong=True, catatan=catatan)
                out.done.append(
                    f"{rel(ws, libur)}: dibuat kosong; catat lagi libur kantor dan hari kerja "
                    "tambahannya dengan: ppidctl kalender tambah"
                )
            if ws.journal_path.exists():
                # a fragment is all that is left of the journal (no whole line: the analysis
                # above is the same without it): kept aside, the office's word starts it again
                _cut_torn_journal(ws, tx, out, {"catatan": catatan}, restart=True)
            for name, numbers in _given_before(a).items():
                tx.retiring.setdefault(name, set()).update(numbers)
                out.done.append(
                    f"{name}: nomor yang menurut agenda surat pernah diberikan tetapi tidak ada "
                    f"lagi di register tidak akan diberikan lagi: {', '.join(sorted(numbers))}"
                )
        for name, c in a.registers.items():
            if c.table is None or not c.differs:
                continue
            key = KEY[name]
            for d in c.diffs:
                kunci = [key, d.key]
                skipped = forced.get((name, d.key), [])
                extra = {"pemeriksaan_diabaikan": skipped} if skipped else {}
                said = [*skipped, *_month_moved(ws, name, d)]
                out.done += [f"{c.rel}:{d.line}: {d.key}: peringatan: {p}" for p in said]
                if d.kind == "ubah":  # (journal, file) = (before, after): the file is the record
                    tx.log(name, d.key, "ubah", d.changes, kunci=kunci, catatan=catatan, **extra)
                    out.done.append(
                        f"{c.rel}:{d.line}: {d.key}: perubahan {', '.join(d.changes)} diterima"
                    )
                    if name == "surat" and "nomor_surat" in d.changes:  # (sesi31c L2)
                        _mark_renumbered(tx, d.key, d.changes["nomor_surat"], catatan)
                        out.done.append(
                            f"{c.rel}:{d.line}: {d.key}: peringatan: berkas suratnya tetap "
                            f"mencetak nomor {d.changes['nomor_surat'][0] or '(tanpa nomor)'} — "
                            "buat salinan bernomor baru dengan ppidctl surat buat "
                            f"{d.actual.get('jenis', 'JENIS')} {d.actual.get('nomor_registrasi', 'N')}"
                        )
                elif d.kind == "tambah":
                    diff = {k: ("", val) for k, val in d.actual.items() if val}
                    extra.update(_fingerprint(ws, name, d.actual))
                    tx.log(name, d.key, "tambah", diff, kunci=kunci, catatan=catatan, **extra)
                    out.done.append(f"{c.rel}:{d.line}: {d.key}: baris tambahan diterima")
                else:
                    diff = {k: (val, "") for k, val in d.expected.values.items() if val}
                    tx.log(name, d.key, "hapus", diff, kunci=kunci, catatan=catatan)
                    out.done.append(f"{c.rel}: {d.key}: penghapusan baris diterima")
            settled = [msg for _line, msg in c.history.open_breaks()]
            if c.resaved or settled or not c.diffs:
                tx.log(name, "", "terima-perubahan", {}, diterima=settled, catatan=catatan)
                if c.resaved:
                    out.done.append(f"{c.rel}: berkas yang disimpan ulang diterima")
                for msg in settled:
                    out.done.append(f"{c.rel}: riwayat diterima: {msg}")
            tx.attest(name)
        unknown: dict[str, set[str]] = {}
        for path, (name, nomor) in a.letters_unknown.items():  # (sesi31 M4: no way out before)
            unknown.setdefault(name, set()).add(nomor)
            out.done.append(
                f"{path}: surat untuk perkara yang tidak ada di register diterima: nomor {nomor} "
                "tidak akan diberikan lagi (catat ulang perkaranya bila perlu: nomornya baru)"
            )
        for name, numbers in unknown.items():
            tx.retiring.setdefault(name, set()).update(numbers)
            tx.log(name, "", "terima-perubahan", {}, nomor_surat_tanpa_perkara=sorted(numbers),
                   catatan=catatan)  # fmt: skip
            tx.attest(name)
        agenda = a.registers.get("surat")
        twice = (  # an old duplicate of letters already sent (review sesi31c M5)
            letter_numbers_twice(ws, agenda.table, agenda.history.numbers_accepted)
            if agenda is not None and agenda.table is not None
            else []
        )
        twice = _named_twice(ws, twice, nomor_ganda)
        if twice:
            numbers = sorted({row["nomor_surat"] for _i, row, _j, _o in twice})
            tx.log("surat", "", "terima-perubahan", {}, nomor_surat_ganda_diterima=numbers,
                   catatan=catatan)  # fmt: skip
            tx.attest("surat")
            out.done += [
                f"{agenda.rel}: nomor surat {row['nomor_surat']} ({letter_named(row)}) yang sama "
                f"dengan {other['nomor_surat']} ({letter_named(other)}) diterima sebagai nomor "
                "ganda lama"
                for _i, row, _j, other in twice
            ]
        for key, letters, said in (
            ("berkas_hilang_diterima", a.letters_missing, "surat yang hilang diterima"),
            # (a changed letter's fingerprint now is the one periksa compares with)
            ("berkas_diubah_diterima", a.letters_changed, "perubahan surat diterima"),
        ):
            if letters:
                tx.log("surat", "", "terima-perubahan", {}, **{key: letters}, catatan=catatan)
                tx.attest("surat")
                out.done += [f"{p}: {said}" for p in letters]
        for p in a.letters_changed:  # (accepted on the office's word: one that is no letter
            # any more — emptied, overwritten — is said to be so: review pulih M4)
            target = letter_file(ws, p)
            if target is not None and not zipfile.is_zipfile(target):
                out.done.append(
                    f"{p}: peringatan: berkas ini bukan dokumen docx lagi "
                    f"({target.stat().st_size} bita) — surat yang dikirim tidak dapat dibaca "
                    "darinya; kembalikan dari arsip bila ada"
                )
        if lost and not tx.entries:  # (empty registers: nothing to accept, yet the office's
            # word is what starts the journal again)
            tx.log("workspace", "", "terima-perubahan", {}, jurnal_baru=True, catatan=catatan)
    return out


def _fingerprint(ws, name: str, row: dict[str, str]) -> dict[str, Any]:
    """An agenda row accepted as added (a power cut before its journal line; a journal started
    again): its letter named as made (``berkas``: periksa tells it deleted from here on — review
    sesi31 M1) with its SHA-256 as it is now (a change told — review pulih M2); a file already
    gone is named only, and is told lost."""
    if name != "surat" or not row.get("berkas"):
        return {}
    target = letter_file(ws, row["berkas"])
    if target is None or not target.is_file():
        return {"berkas": [row["berkas"]]}
    return {"berkas": [row["berkas"]], "berkas_sha256": journal.sha256_bytes(target.read_bytes())}


def _month_moved(ws, name: str, d) -> list[str]:
    """A receipt date corrected into another month than the one its number states ("/XI/"
    after the date moved to 31 October): told, the number kept — a number given is never
    changed or given again (rules.md §6); the register book prints both (review koreksi L4).
    Another year is periksa's own finding."""
    day = d.actual.get("tanggal_diterima", "") if d.kind == "ubah" and d.actual else ""
    if not day or "tanggal_diterima" not in d.changes or name not in ("permohonan", "keberatan"):
        return []
    bulan, tahun = numbering.month_year_stated(d.key, ws.settings.get("penomoran", name))
    if bulan is None or tahun != int(day[:4]) or bulan == int(day[5:7]):
        return []
    return [
        f"nomor menyebut bulan {numbering.romawi_bulan(bulan)}, tanggal_diterima kini {day}: "
        "nomornya tetap (nomor yang sudah diberikan tidak diubah)"
    ]


def _void_letters(ws, tx, a: Analysis, batalkan: str, catatan: str) -> list[str]:
    """The letters the step undone with ``--batalkan`` made for that case: numbered and in the
    agenda of letters, where they stay — the number was given — though the step is gone; said,
    so the desk does not send them (review sesi28b L7), and marked in the agenda's Keterangan
    ("batal: …", journalled: review agenda M1 — nothing but this output said it)."""
    agenda = rel(ws, ws.register_path("surat"))
    out: list[str] = []
    voided: set[str] = set()
    for name, c in a.registers.items():
        commit = c.history.last_commit
        if commit is None or not any(
            ln.entry.get("register") == name and ln.entry.get("nomor") == batalkan
            for ln in commit.lines
        ):
            continue
        for ln in commit.lines:
            e, nilai = ln.entry, ln.entry.get("nilai") or {}
            if e.get("register") == "surat" and nilai.get("nomor_registrasi") == batalkan:
                voided.add(str(nilai.get("berkas", "")))
                out.append(
                    f"{agenda}: surat {e.get('nomor', '')} ({nilai.get('jenis', '')}, "
                    f"{nilai.get('berkas', '')}) dibuat oleh langkah yang dibatalkan: tetap di "
                    "agenda dengan nomornya, ditandai batal, jangan dikirim (README: Memperbaiki "
                    "kesalahan pencatatan, surat yang batal)"
                )
    if voided:
        rows = tx.table("surat").rows
        # its copies made since are void too: they carry its number (review sesi32 M1)
        letters = {letter_of(r) for r in rows if r["berkas"] in voided}
        for i, row in enumerate(rows):
            mark = row.get("keterangan", "")
            if letter_of(row) in letters and not mark.startswith(BATAL):
                said = f"{BATAL}{catatan}" + (f" ({mark})" if mark else "")
                mark_letter(tx, i, said, catatan=catatan)
    return out


def _named_twice(ws, twice: list, nomor_ganda: tuple[str, ...]) -> list:
    """The duplicates of ``twice`` the office named with ``--nomor-ganda``: any acceptance of
    an unrelated edit accepted every duplicate there was, under that edit's note (review sesi32
    L2). A named number that is no duplicate is refused."""
    pattern = ws.settings.get("penomoran", "surat") or ""

    def key(number: str) -> tuple:
        return numbering.number_key(number, pattern, "")

    found = {key(row["nomor_surat"]) for _i, row, _j, _o in twice}
    for given in nomor_ganda:
        if key(v.teks(given, "--nomor-ganda")) not in found:
            raise RuleError(
                f"--nomor-ganda {given}: bukan nomor surat yang dipakai dua surat di agenda",
                "lihat nomor ganda yang ada dengan: ppidctl periksa",
            )
    named = {key(n) for n in nomor_ganda}
    return [t for t in twice if key(t[1]["nomor_surat"]) in named]


def _mark_renumbered(tx: Transaction, berkas: str, change: tuple[str, str], catatan: str) -> None:
    """The agenda row whose number the office corrected by hand says its file prints the old
    one: the copy made with the new number is then not taken for the letter sent (sesi31d N1)."""
    old, new = change
    said = f"nomor dikoreksi dari {old or '(tanpa nomor)'}: berkasnya mencetak nomor lama"
    for i, row in enumerate(tx.table("surat").rows):
        if row["berkas"] == berkas and row["nomor_surat"] == new:
            mark_letter(tx, i, "; ".join(filter(None, (row["keterangan"], said))), catatan=catatan)


def _given_before(a: Analysis) -> dict[str, set[str]]:
    """Case numbers the agenda of letters (``surat``) shows were given that no case register
    holds any more: deleted, the deletion accepted, before the journal was lost — which alone
    kept them used. A new journal keeps them used too; a number given without a letter and
    deleted since cannot be known (docs/integritas.md)."""
    surat = a.registers["surat"].table
    held = {
        name: {r["nomor_registrasi"] for r in a.registers[name].table.rows}
        for name in ("permohonan", "keberatan")
        if a.registers[name].table is not None
    }
    out: dict[str, set[str]] = {}
    for r in surat.rows if surat is not None else ():
        name, nomor = r.get("register", ""), r.get("nomor_registrasi", "")
        if name in held and nomor and nomor not in held[name]:
            out.setdefault(name, set()).add(nomor)
    return out


def _refuse_restart_without_registers(ws) -> None:
    """A journal lost together with the registers: nothing can be accepted as the start of a
    new one, and numbering would start again at 001 (refused before the lock: nothing written)."""
    try:
        data = ws.journal_path.read_bytes()
    except FileNotFoundError:
        data = b""
    if journal.torn_offset(data):
        return
    # init writes every register: a numbered one with no file was lost with the journal (an
    # XLSX register not yet written has init's CSV file beside it)
    gone = [n for n in journal.NUMBER_COLUMN if not ws.register_present(n)]
    if gone:
        raise RuleError(
            f"jurnal dan register {' dan '.join(gone)} tidak ada: tidak ada yang dapat diterima "
            "sebagai awal jurnal baru, dan "
            + (
                "nomor surat akan dimulai lagi dari 1"
                if gone == ["surat"]
                else "nomor registrasi akan dimulai lagi dari 001"
            ),
            f"{journal.KEMBALIKAN_ARSIP}; tanpa arsip, "
            "buat workspace baru dengan ppidctl init di folder lain",
        )


def _refuse_letter_number_twice(ws, a: Analysis) -> None:
    """An agenda edit giving a letter the number another letter has (as the office's pattern
    reads it) is refused as an edit that breaks its case is: it was accepted with exit 0 and
    only listed after (review sesi31c L2)."""
    c = a.registers.get("surat")
    if c is None or c.table is None:
        return
    pattern = ws.settings.get("penomoran", "surat") or ""

    def key(r: dict[str, str]) -> tuple:
        return numbering.number_key(r["nomor_surat"], pattern, r.get("tanggal", "")[:4])

    def clash(row: dict[str, str], r: dict[str, str]) -> bool:
        return bool(row.get("nomor_surat")) and not same_letter(r, row) and key(r) == key(row)

    accepted = c.history.numbers_accepted
    bad = []
    for d in c.diffs:  # (any edit of the row: its number, or its case, kind or date — 31d M1)
        if (
            d.actual is None
            or not d.actual.get("nomor_surat")
            or d.actual["nomor_surat"] in accepted
        ):
            continue
        before = d.expected.values if d.expected is not None else {}
        for r in c.table.rows:  # (a duplicate the edit makes, not one it found: sesi32 M2)
            if r["nomor_surat"] and clash(d.actual, r) and not clash(before, r):
                bad.append(
                    f"{c.rel}:{d.line}: nomor surat {d.actual['nomor_surat']} sudah dipakai: "
                    f"{r['nomor_surat']} untuk surat {letter_named(r)}"
                )
                break
    if bad:
        raise _refusal(
            "suntingan yang akan diterima memberi satu nomor surat kepada dua surat",
            bad,
            "pakai nomor lain, atau kembalikan barisnya seperti semula, lalu ulangi",
        )


def _refuse_broken_steps(a: Analysis) -> None:
    """An edit is accepted only when each case it changes or adds still holds together as
    ``periksa`` reads a case (a status with its steps, a decision with its own columns): a
    decision changed in place with its status left 'selesai' dropped the case from every list
    of work, a rejection put back but for its Pasal 17 carried it onto the next decision's
    letter (review koreksi H5). What the case had wrong before the edit does not stop it, and
    imported rows are left alone, as periksa leaves them (an old book's case may lack steps: a
    missing date filled in by hand was refused)."""
    bad: list[str] = []
    for name, c in a.registers.items():
        imported = imported_numbers(name, c.history)
        for d in c.diffs:
            if name not in ("permohonan", "keberatan") or d.actual is None or d.key in imported:
                continue
            had = step_problems(name, d.expected.values) if d.expected is not None else []
            bad += [
                f"{c.rel}:{d.line}: {d.key}: {p}"
                for p in step_problems(name, d.actual)
                if p not in had
            ]
    if bad:
        raise _refusal(
            "suntingan yang akan diterima membuat langkah perkara tidak sesuai",
            bad,
            "sunting juga kolom langkah lainnya (status, tanggal, kolom keputusan) sampai "
            "perkaranya utuh, atau kembalikan barisnya seperti semula, lalu ulangi (README: "
            "Memperbaiki kesalahan pencatatan)",
        )


def _reasons_against_history(ws, a: Analysis) -> dict[tuple[str, str], list[str]]:
    """Objection reasons an edit brings in that the request's history does not give (UU 14/2008
    Pasal 35(1), as ``keberatan catat`` judges them: reason a on a request not rejected, c on one
    answered in time, …), by the edited row they belong to: (register, number). ``keberatan
    catat`` records such reasons only with ``--paksa --catatan``; an acceptance carries the
    office's note already, so they are accepted the same way — told, and journalled as the
    checks set aside (review koreksi H4(c): a reason typed by hand was not judged at all).
    Looked at: an objection added or given other reasons, another request or another filing
    date, and the objections of a request whose decision, notification, delivery or cost was
    edited; imported rows are left alone."""
    req, keb = a.registers.get("permohonan"), a.registers.get("keberatan")
    if req is None or keb is None or req.table is None or keb.table is None:
        return {}
    requests = {r["nomor_registrasi"]: r for r in req.table.rows}
    history = ("keputusan", "tanggal_pemberitahuan", "tanggal_selesai", "biaya")
    touched = {d.key for d in req.diffs if d.kind == "ubah" and set(d.changes) & set(history)}
    changed = {d.key: d for d in keb.diffs if d.actual is not None}
    imported = imported_numbers("keberatan", keb.history)
    out: dict[tuple[str, str], list[str]] = {}
    for row in keb.table.rows:
        nomor, n = row.get("nomor_registrasi", ""), row.get("nomor_permohonan", "")
        d = changed.get(nomor)
        if nomor in imported or n not in requests or (d is None and n not in touched):
            continue
        codes = [c for c in row.get("alasan", "").split(";") if c]
        if d is not None and d.kind == "ubah" and n not in touched:
            moved = {"nomor_permohonan", "tanggal_diterima"} & set(d.changes)  # (all judged)
            if not moved and "alasan" not in d.changes:
                continue
            if not moved:  # (only its reasons changed: the ones it gained)
                codes = [c for c in codes if c not in d.changes["alasan"][0].split(";")]
        filed = date.fromisoformat(row["tanggal_diterima"][:10])  # (every cell checked first)
        problems = [p for c in codes if (p := reason_conflict(ws, c, requests[n], filed))]
        if problems and d is not None:
            out[("keberatan", nomor)] = problems
        elif problems:  # (the request's edit undid what the objection's reasons stand on)
            out.setdefault(("permohonan", n), []).extend(
                f"keberatan {nomor}: {p}" for p in problems
            )
    return out


def _refusal(what: str, bad: list[str], saran: str) -> RuleError:
    """An acceptance refused for ``bad`` (its first five named)."""
    more = f" (dan {len(bad) - 5} lainnya)" if len(bad) > 5 else ""
    return RuleError(f"{what}: {'; '.join(bad[:5])}{more}", saran)


def _refuse_broken_copies(a: Analysis) -> None:
    """An edit is accepted only when an objection filed on a request still holds what it copied
    from it (schema.DARI_PERMOHONAN): a request's name corrected alone left its objection's reply
    letter addressed to the old name, and an objection pointed at another request printed one
    person's name beside another's information (review koreksi H4); nor a request's decision
    taken back while an objection against it stands. Only what the edit touches is compared: an
    imported objection that spells the name otherwise is not stopped."""
    req, keb = a.registers.get("permohonan"), a.registers.get("keberatan")
    if req is None or keb is None or req.table is None or keb.table is None:
        return
    requests = {r["nomor_registrasi"]: r for r in req.table.rows}
    bad: list[str] = []
    for d in keb.diffs:  # (an objection's copy or its request changed by hand)
        if d.actual is None:
            continue
        n = d.actual.get("nomor_permohonan", "")
        if "nomor_permohonan" in d.changes and n not in requests:  # (emptied, or mistyped)
            bad.append(f"{keb.rel}:{d.line}: {d.key}: nomor_permohonan {n or '(kosong)'} "
                       + ("tidak ada di register permohonan" if n else "dihapus"))  # fmt: skip
            continue
        if n not in requests:
            continue
        moved = "nomor_permohonan" in d.changes or d.kind == "tambah"
        wrong = [
            k
            for k in schema.DARI_PERMOHONAN
            if (moved or k in d.changes) and d.actual.get(k, "") != requests[n].get(k, "")
        ]
        if wrong:
            bad.append(f"{keb.rel}:{d.line}: {d.key}: {', '.join(wrong)} tidak sama dengan "
                       f"permohonan {n}")  # fmt: skip
    edited = {d.key: d for d in req.diffs if d.kind == "ubah"}
    for i, row in enumerate(keb.table.rows):  # (a request's data corrected, its copy not)
        d = edited.get(row.get("nomor_permohonan", ""))
        if d is None:
            continue
        stale = [
            k
            for k in schema.DARI_PERMOHONAN
            if k in d.changes and row.get(k, "") == d.changes[k][0] != d.changes[k][1]
        ]
        if stale:
            bad.append(f"{keb.rel}:{keb.lines[i]}: {row.get('nomor_registrasi', '')}: "
                       f"{', '.join(stale)} masih seperti permohonan {d.key} sebelum "
                       "disunting")  # fmt: skip
        undone = [  # (the decision an objection was filed against, taken back: sesi28b M3)
            k
            for k in ("keputusan", "tanggal_pemberitahuan")
            if k in d.changes and d.changes[k][0] and not d.changes[k][1]
        ]
        if undone:
            bad.append(f"{keb.rel}:{keb.lines[i]}: {row.get('nomor_registrasi', '')}: "
                       f"diajukan atas permohonan {d.key}, yang {', '.join(undone)}-nya "
                       "dikosongkan — hapus atau sunting keberatan itu juga")  # fmt: skip
    if bad:
        raise _refusal(
            "keberatan menyimpan salinan data permohonannya",
            bad,
            "sunting baris keberatan itu sama dengan permohonannya (atau hapus keberatan yang "
            "salah permohonan lalu catat lagi dengan ppidctl keberatan catat), lalu ulangi",
        )


def _refuse_invalid_cells(a: Analysis, lost: bool) -> None:
    """An edit is accepted as the record only when every cell it changes or adds could stand
    in the register: a CSV register saved by Excel (NIK 5.27101E+15, dates 7/9/2026) accepted
    as it is would be recorded as deliberate, and drop out of every report and listing with
    nothing left to repair; a NIK or telephone an XLSX register holds as a number cell (its
    last digits or its 0 lost) likewise."""
    bad: list[str] = []
    names: set[str] = set()
    used = {
        name: Counter(r.get("nomor_registrasi", "") for r in c.table.rows)
        for name, c in a.registers.items()
        if c.table and c.diffs and name in ("permohonan", "keberatan")
    }
    keb = a.registers.get("keberatan")
    cited = {  # (a request deleted under its objection: periksa would report it for ever)
        r.get("nomor_permohonan", ""): r.get("nomor_registrasi", "")
        for r in (keb.table.rows if keb is not None and keb.table else ())
    }
    for name, c in a.registers.items():
        cols = {col.key: col for col in schema.columns(name)}
        for d in c.diffs:
            if d.kind == "hapus" and name == "permohonan" and d.key and d.key in cited:
                names.add(name)
                bad.append(f"{c.rel}: {d.key}: baris dihapus padahal dirujuk keberatan "
                           f"{cited[d.key]}")  # fmt: skip
            if d.kind == "hapus" or d.actual is None:
                continue
            numbers = (
                c.table.number_cells.get(d.index, ()) if c.table and d.index is not None else ()
            )
            for k in d.changes if d.kind == "ubah" else d.actual:
                col, value = cols.get(k), d.actual.get(k, "")
                why = cell_problem(col, value, d.actual) if col is not None else None
                if k in numbers:
                    why = "tersimpan sebagai angka di Excel, bukan teks (ketik ulang sebagai teks)"
                if k == "nomor_registrasi" and value and used.get(name, {}).get(value, 0) > 1:
                    # (a row copied in Excel: one number, two cases — rules.md §6)
                    why = "ganda: nomor yang sama ada di baris lain register ini"
                if why:
                    names.add(name)
                    bad.append(f"{c.rel}:{d.line}: {d.key or '(tanpa nomor)'}: kolom {k} "
                               f"{m.short(value, 40)} {why}")  # fmt: skip
            # the receipt date corrected alone: periksa failed for ever after (review setahun F2)
            day, w = d.actual.get("tanggal_diterima", ""), d.actual.get("waktu_diterima", "")
            edited = {"tanggal_diterima", "waktu_diterima"} & set(
                d.changes if d.kind == "ubah" else d.actual
            )
            col = cols.get("waktu_diterima")
            if (
                edited
                and day
                and w
                and col
                and not cell_problem(col, w, d.actual)
                and w[:10] != day
            ):
                names.add(name)
                bad.append(f"{c.rel}:{d.line}: {d.key}: kolom waktu_diterima {w} tidak pada "
                           f"tanggal_diterima {day} (sunting keduanya)")  # fmt: skip
    if bad:
        raise _refusal(
            "suntingan yang akan diterima memuat nilai yang tidak sah",
            bad,
            "perbaiki nilainya di register (CSV dengan editor teks: Excel yang menyimpannya "
            "mengubah NIK, tanggal dan nomor telepon; XLSX dengan sel bertipe teks)"
            + (
                ""  # (no journal to put it back from)
                if lost
                else ", atau kembalikan register seperti dalam jurnal: "
                + "; ".join(f"ppidctl pulihkan --register {n}" for n in sorted(names))
            ),
        )


def _refuse_unrepaired(a: Analysis, skip: str = "") -> None:
    """``skip``: a file whose problem the acceptance itself settles."""
    codes = {p.kode for p in a.problems if p.berkas != skip}
    if m.JURNAL_HILANG in codes:  # (its torn fragment is what --terima-perubahan sets aside)
        codes.discard(m.JURNAL_TERPOTONG)
    if codes & {
        m.JURNAL_TERPOTONG,
        m.BELUM_DITERAPKAN,
        m.REGISTER_RUSAK,
        m.REGISTER_HILANG,
        m.FORMAT_GANDA,  # (its cases would be accepted as deleted: rebuilt, not accepted)
    }:
        undone = [n for c in a.registers.values() for n in (c.ditambahkan, c.diubah) if n]
        raise RuleError(
            "workspace perlu dipulihkan dahulu (jurnal terpotong, perubahan belum tertulis, "
            "register hilang/rusak, atau register dalam dua format): perubahan di luar ppidctl "
            "belum dapat diterima",
            f"jalankan: {m.PULIHKAN}"
            + (" --register NAMA (register dalam dua format)" if m.FORMAT_GANDA in codes else "")
            + ", lalu ulangi perintah ini"
            + "".join(  # (pulihkan would put back a step undone on purpose: review sesi28b H2)
                f"; hanya bila baris {n} sengaja dihapus atau dikembalikan seperti sebelum "
                f"perintah terakhirnya: ppidctl periksa --terima-perubahan --batalkan {n} "
                "--catatan TEKS"
                for n in undone
            ),
        )


def _undone_number(ws, a: Analysis, seq: int) -> str:
    """The one number with sequence ``seq`` among the rows deleted or changed in the registers by
    hand, or recorded or changed by a last command the register never got; "" when none or
    several."""
    hits = {
        n
        for c in a.registers.values()
        if c.name in ("permohonan", "keberatan")
        for n in [c.ditambahkan, c.diubah, *(d.key for d in c.diffs if d.kind != "tambah")]
        if n and numbering.sequence_of(n, ws.settings.get("penomoran", c.name)) == seq
    }
    return hits.pop() if len(hits) == 1 else ""


# -- periksa --perbaiki-tenggat ---------------------------------------------------------------


def fix_deadlines(ws, *, petugas: str = "") -> Outcome:
    out = Outcome()
    with ws.transaction("periksa --perbaiki-tenggat", petugas) as tx:
        out.done += refresh_deadlines(ws, tx, ws.calendar)
    return out


def refresh_deadlines(ws, tx, calendar) -> list[str]:
    """Store, in ``tx``, the deadlines ``calendar`` gives every running case whose stored ones
    differ (journalled); one line per change."""
    done = []
    told: dict[tuple[str, str], list[str]] | None = None  # case → letters stating its deadline
    for name in ("permohonan", "keberatan"):
        table = tx.table(name)
        rel_ = rel(ws, table.path)
        head = {c.key: c.header for c in schema.columns(name)}  # (the book's words, not keys)
        for i, row in enumerate(table.rows):
            changes = {  # the deadlines and the answer's lateness, both on this calendar
                **{
                    col: due
                    for col, due in expected_deadlines(ws, name, row, calendar).items()
                    if row.get(col) != due
                },
                **expected_late(ws, name, row, calendar),
            }
            if not changes:
                continue
            old = {col: row.get(col, "") for col in changes}
            tx.update(name, i, changes, catatan="tenggat dihitung ulang dengan kalender")
            if told is None:
                told = {}
                for s in tx.table("surat").rows:
                    if s["jenis"] in DEADLINE_LETTERS.get(s["register"], ()):
                        told.setdefault((s["register"], s["nomor_registrasi"]), []).append(
                            s["jenis"]
                        )
            if "terlambat" in changes:  # (an answer judged again on the calendar as it is now)
                what = "pemberitahuan" if name == "permohonan" else "tanggapan"
                when = row.get("tanggal_pemberitahuan") or row.get("tanggal_tanggapan")
                done.append(
                    f"{rel_}: {row['nomor_registrasi']}: "
                    + (
                        f"{what} {when} "
                        if when
                        else f"musyawarah {row.get('tanggapan_pemohon_pada', '')} "
                        if row.get("tanggapan_pemohon") == "musyawarah"
                        else "tidak ditanggapi sampai sengketa, "
                    )
                    + (
                        "kini terlambat"
                        if changes["terlambat"] == "ya"
                        else "ternyata tidak terlambat"
                    )
                    + f" ({head['terlambat']} {old['terlambat'] or '(kosong)'} → "
                    + changes["terlambat"]
                    + (
                        f"; {head['jatuh_tempo']} {old['jatuh_tempo'] or '(kosong)'} → "
                        f"{changes['jatuh_tempo']})"
                        if "jatuh_tempo" in changes
                        else ")"
                    )
                )
            for col, due in changes.items():
                if col == "terlambat" or (col == "jatuh_tempo" and "terlambat" in changes):
                    continue  # (told on the lateness line: answered, no letter to tell it)
                # the letter that states the deadline as it stood: after an extension, its letter
                stating = "perpanjangan" if row.get("diperpanjang_pada") else None
                letters = [
                    DEADLINE_LETTERS[name][j]
                    for j in sorted(set(told.get((name, row["nomor_registrasi"]), [])))
                    if col == "jatuh_tempo" and (stating is None or j == stating)
                ]
                done.append(
                    f"{rel_}: {row['nomor_registrasi']}: {head[col]} {old[col] or '(kosong)'} → {due}"
                    + (
                        f" ({', '.join(letters)} yang sudah dibuat menyebut tanggal lama: beri "
                        "tahu pemohon tanggal barunya)"
                        if letters and old[col]
                        else ""
                    )
                )
    return done
