"""Importing a legacy register (Excel, LibreOffice or CSV) into the workspace: ``ppidctl impor``.

Two steps, so that a dry run and a real run see exactly the same thing:

* :func:`plan` reads the file with :mod:`ppidctl.legacy.reader`, turns every source row into the
  row the register would store, lists the row's own problems, and resolves it against the
  register as it is now (already there? a duplicate? which number?). It writes nothing.
* :func:`apply` resolves the plan again under the workspace lock (another desk may have
  registered a request since) and commits every imported row, its journal line and, with
  ``lewati``, the rejects file in one transaction: all or nothing.

Decisions (issue 6; where the brief was silent, the choice is written here):

**A row is refused** for any problem the reader found (damaged NIK, impossible date, unknown
wording, see :mod:`ppidctl.legacy.values`); a requester's or proxy's name that starts like a
spreadsheet formula or hides direction marks (the desk's rule, ``rules.validation.bukan_nama``);
a required column (``wajib`` in the schema, except the
number and the status, which are assigned/derived) left empty; steps dated out of order (a
notification before the receipt: :data:`ppidctl.integrity.rows.ORDER`, the order ``periksa``
checks); a number already in the register
for different data (other receipt date, name or information); a row whose date + name +
information equal a register row filed under another number; and, within the file, a number
already used by an earlier row for different data, or the same request typed twice (the same
number with the same data, or the same date + name + information): the later row is refused as
``duplikat dari baris N`` and only the first is imported. Within the file only rows that are
otherwise good count as "earlier": when row 69 is bad and row 70 is its corrected copy, row 70 is
imported. A required column missing from the table altogether refuses the whole file
(:class:`~ppidctl.errors.ImporError`) before any row is read: map it with ``--peta``.
A request without a decision that the old book says was withdrawn, a request with a notification
date and an objection with a response date but no decision are refused too: each would be an
open case, overdue for ever, and a decision is not guessed (:data:`_TANPA_KEPUTUSAN`).

The desk's registration rules (documents received, a contact, the NIK as the law wants it) are
**not** applied: a legacy row records what happened, with whatever the office wrote down then.
An objection referring to a request the request register does not hold is imported with a
warning (import the request register first; ``ppidctl periksa`` lists them too).

**Already imported** (re-running an import adds nothing): a row whose number is in the register
with the same date + name + information, or a row without a number whose date + name +
information equal a register row, is skipped and counted as ``sudah ada``, even when the row has
problems (the register already holds the corrected request; a part a numbered row could not
supply, such as an unreadable date, is then left out of the comparison — a row without a number
and without a readable date is never matched) — unless the book now holds
another fact (a decision typed in later): a problem naming it, never applied. A row whose number
is another register row's but whose date + name + information are a register row's (a rejects
file's row imported under a new number) is ``sudah ada`` too, said with the number it has.
Names and texts are compared case-insensitively with runs of spaces collapsed. For objections
the request number (``nomor_permohonan``) is part of the comparison, since two objections of
one person on one day usually differ only there.

**Numbers.** Legacy numbers are kept as written (trimmed), never renumbered; a bare sequence
(``1``) is completed with the receipt date. A legacy number whose sequence is already used that
year by another number (``001/PPID/5271/I/2026`` against the desk's ``001/PPID/5271/III/2026``) is
refused: a sequence is never given twice. Rows without one get
the next number of the register's pattern (``[penomoran]``) in their receipt year, in receipt-date
order (then file order), above every number of that year already in the register *or anywhere in
the file* (a refused row's number stays reserved for when it is fixed), and never equal to one of
them (:func:`ppidctl.rules.numbering.sequence_of` tells the sequence of legacy shapes).

**Status and deadlines** are derived from the facts, never copied: a request with
``tanggal_selesai`` is ``selesai``; a decision not to give the information (ditolak,
tidak-dikuasai, belum-didokumentasikan) closes it (``selesai``); a decision to give it is
``diputuskan``; otherwise ``diperpanjang`` / ``diteruskan`` when those dates are known, else
``terdaftar``. An objection the requester accepted is ``selesai``, one taken to the Komisi
Informasi ``sengketa``; with the Atasan's decision it is ``disampaikan`` (reply delivered) or
``ditanggapi``; otherwise ``pleno`` / ``diteruskan`` / ``terdaftar``. ``jatuh_tempo`` is
recomputed for every row with :mod:`ppidctl.rules.deadlines` (so ``jatuh-tempo`` is right the day
after migration), ``terlambat`` for every answered case (notification / response after the
deadline), ``batas_sengketa`` for a delivered reply that has none. A source value of ``status``,
``jatuh_tempo`` or ``terlambat`` that differs from the derived one is kept in ``catatan``.

**Dates checked against numbers.** A legacy number of the office's pattern states a month and
year (``001/PPID/5271/I/2026``): a receipt date in another month or year is a problem naming both
(a month-first date read day-first, or a typo in either). A slash date column holding a value
valid only month-first (``1/20/2026``, itself refused) is shown month-first: every value of it
that reads both ways (``1/5/2026``) is a problem of its row instead of being read day-first.

**Time of receipt.** A time-of-day column ("Waktu Diterima", "Jam", "Pukul", "Waktu": a time
cell, ``09.15``, ``pukul 09:15 WITA``) is put on the row's receipt date, and a date cell's own time
(``2026-03-05 10:30``) is kept; ``waktu_diterima`` is stored as the desk stores it, in the office's
UTC offset (``[instansi] zona_waktu``) unless the source stated one (WIB/WITA/WIT, ``+07:00``),
to the minute: ``2026-03-05T10:30+08:00``. A time that cannot be read, or one dated another day
than the receipt, is a problem of its row.

**Nothing dropped.** Cells of unmatched columns and the unused part of a cell (the reader's
``tambahan``) are appended to ``catatan`` as ``Header: value; Header: value``. The three
bookkeeping columns of a rejects file (``lembar_sumber``, ``baris_sumber``, ``alasan_tolak``) are
ignored, so a corrected rejects file can be imported as it is.

**Rejects file** (``lewati``): ``<workspace>/impor/tolak-<source name>-<YYYYMMDD-HHMMSS>.csv``,
created in the same transaction (never over an existing file; a re-run whose rejects are
byte-for-byte those of an earlier file names that file instead of writing a copy), UTF-8 with BOM (Excel opens it
correctly), comma-separated: the refused rows' cells exactly as read (their text, under the
source's own headers; several sheets with different headers are merged by header name), then
``lembar_sumber``, ``baris_sumber`` and ``alasan_tolak`` (every problem of the row, ``; ``-joined).

**Journal.** One ``tambah`` line holding every imported row (each with
``sumber = {"berkas": file name, "lembar": sheet, "baris": source row}``), command ``impor``,
then one summary line.

**Size.** Rows are streamed from the reader; a plan keeps per row only the values to store (empty
ones left out), the raw cells (for a rejects file) and the row's problems. Deadlines are memoised
by (receipt date, stage, extension), so a 50,000-row file costs one calendar walk per distinct day.
The cyclic garbage collector is paused while a plan is built and applied (it would otherwise
rescan the tens of thousands of live row dicts again and again: half the time of a large import).
"""

from __future__ import annotations

import csv
import gc
import glob
import io
import re
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any

from .. import schema
from ..errors import ImporError, PpidError
from ..formula import csv_safe
from ..integrity.rows import ORDER, order_binds
from ..legacy.reader import LANJUTAN, Table, read_tables
from ..legacy.sheetxml import dalam_rentang
from ..legacy.values import DUA_ARTI as V_DUA_ARTI
from ..legacy.values import TERKETIK, tanpa_penjaga, teks_sel
from ..letters.fmt import BULAN, tanggal_panjang
from ..rules import deadlines, numbering
from ..rules.validation import bandingan, bukan_nama, nik_keliru
from ..store import journal
from ..workspace import Workspace
from .common import loose_number, rejected_numbers

__all__ = [
    "Masalah",
    "Baris",
    "Plan",
    "Result",
    "ImporDitolak",
    "plan",
    "apply",
    "REJECT_COLUMNS",
]

IMPOR, ADA, TOLAK = "impor", "sudah-ada", "tolak"
#: the bookkeeping columns a rejects file adds after the source's own cells
REJECT_COLUMNS = ("lembar_sumber", "baris_sumber", "alasan_tolak")
#: rows between two progress callbacks
LANGKAH_KEMAJUAN = 500

GIVEN, NOT_GIVEN = schema.GIVEN, schema.NOT_GIVEN
#: columns derived here (the keys are schema.TURUNAN; a test checks they agree); a differing
#: source value is kept in catatan under this label
DERIVED_LABEL = {
    "status": "Status di berkas asal",
    "jatuh_tempo": "Batas waktu di berkas asal",
    "terlambat": "Terlambat di berkas asal",
}


# ----------------------------------------------------------------------------------------------
# The plan
# ----------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Masalah:
    """One problem of one source row: ``baris N, kolom X: pesan``."""

    lembar: str
    baris: int
    kolom: str  # source header ("" for the whole row)
    pesan: str

    def teks(self, dengan_lembar: bool = False) -> str:
        where = f"lembar '{self.lembar}', " if dengan_lembar and self.lembar else ""
        where += f"baris {self.baris}"
        if self.kolom:
            where += f", kolom {self.kolom}"
        return f"{where}: {self.pesan}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "lembar": self.lembar,
            "baris": self.baris,
            "kolom": self.kolom,
            "pesan": self.pesan,
        }


@dataclass(slots=True)
class Baris:
    """One source row as planned."""

    lembar: str
    baris: int
    #: the values to store (non-empty only); ``nomor_registrasi`` only when the file has one
    nilai: dict[str, str]
    nomor: str  # the legacy number ("" when the row has none)
    kunci: tuple[str, ...]  # date + name + information (+ request number), normalised
    sendiri: list[Masalah]  # the row's own problems (reader, required columns)
    sel: list  # cells as read, aligned with the table's header_mentah (for a rejects file)
    tabel: int  # index into Plan.tabel
    ekstra: dict[str, str] | None = None  # cells right of the table (rejects file)
    # -- set by the resolution against the register --
    tindakan: str = ""
    masalah: list[Masalah] = field(default_factory=list)
    duplikat: bool = False
    nomor_baru: str = ""  # assigned number when the file has none

    @property
    def nomor_registrasi(self) -> str:
        return self.nomor or self.nomor_baru

    def simpan(self) -> dict[str, str]:
        """The row to append (empty columns left to the table)."""
        if self.nomor:
            return self.nilai
        return {**self.nilai, "nomor_registrasi": self.nomor_baru}


@dataclass
class TabelInfo:
    """What the reader decided about one table (for display and JSON)."""

    lembar: str
    baris_header: int
    baris_subheader: int | None
    pemetaan: dict[str, str]
    tidak_cocok: list[str]
    keterangan: list[str]
    header_mentah: list[str]
    encoding: str = ""
    pemisah: str = ""
    dilewati: list[tuple[int, str]] = field(default_factory=list)
    akhir: tuple[int, str] | None = None

    @classmethod
    def dari(cls, t: Table, abaikan: set[str]) -> TabelInfo:
        """The reader's table as read, before its rows; *abaikan*: a rejects file's own columns
        among the unmatched ones, left out of ``tidak_cocok`` and told."""
        info = cls(
            t.lembar,
            t.baris_header,
            t.baris_subheader,
            dict(t.pemetaan),
            [h for h in t.tidak_cocok if h not in abaikan],
            list(t.keterangan),
            list(t.header_mentah),
            t.encoding,
            t.pemisah,
        )
        if abaikan:
            info.keterangan.append(
                "kolom berkas tolak diabaikan: "
                + ", ".join(sorted(abaikan, key=REJECT_COLUMNS.index))
            )
        return info

    def as_dict(self) -> dict[str, Any]:
        return {
            "lembar": self.lembar,
            "baris_header": self.baris_header,
            "baris_subheader": self.baris_subheader,
            "pemetaan": self.pemetaan,
            "tidak_cocok": self.tidak_cocok,
            "keterangan": self.keterangan,
            "encoding": self.encoding,
            "pemisah": self.pemisah,
            "dilewati": [{"baris": b, "isi": t} for b, t in self.dilewati],
            "akhir": {"baris": self.akhir[0], "isi": self.akhir[1]} if self.akhir else None,
        }


@dataclass
class Plan:
    register: str
    berkas: Path
    tabel: list[TabelInfo]
    baris: list[Baris]
    peringatan: list[str] = field(default_factory=list)
    #: SHA-256 of the register the rows were resolved against (see :func:`apply`)
    register_sha256: str | None = None
    #: the request register, for objections that name their request (read once per plan)
    permohonan: _Permohonan | None = None
    #: numbers held for a refused row's corrected import (journal.held_numbers), and the
    #: refused rows' own numbers to hold (see _resolve and apply)
    ditahan: set[str] = field(default_factory=set)
    tahan: set[str] = field(default_factory=set)

    @property
    def banyak_lembar(self) -> bool:
        return len({t.lembar for t in self.tabel}) > 1

    @property
    def impor(self) -> list[Baris]:
        return [b for b in self.baris if b.tindakan == IMPOR]

    @property
    def sudah_ada(self) -> list[Baris]:
        return [b for b in self.baris if b.tindakan == ADA]

    @property
    def ditolak(self) -> list[Baris]:
        return [b for b in self.baris if b.tindakan == TOLAK]

    @property
    def masalah(self) -> list[Masalah]:
        return [m for b in self.baris if b.tindakan == TOLAK for m in b.masalah]

    def baris_masalah(self) -> list[str]:
        """Every problem, one line each: ``baris N, kolom X: masalah``."""
        multi = self.banyak_lembar
        return [m.teks(multi) for m in self.masalah]

    def ringkasan_masalah(self) -> list[str]:
        """When many problems repeat a few kinds (a book's systematic faults: 400 × one month
        name), one line per kind, most first, with its first problem: ``400× seperti baris N,
        kolom X: masalah`` (a kind: the same column and message but for the values in quotes
        and the numbers). Empty for a short list."""
        if len(self.masalah) < RINGKAS_DARI:
            return []
        kinds: dict[tuple[str, str], list] = {}
        for m in self.masalah:
            kind = _NILAI_PESAN.sub("…", m.pesan)
            kinds.setdefault((m.kolom, kind), [0, m])[0] += 1
        if len(kinds) * 2 > len(self.masalah):
            return []  # (mostly one of a kind: the list says it)
        multi = self.banyak_lembar
        most = sorted(kinds.values(), key=lambda nf: -nf[0])[:10]
        out = [f"{n}× seperti {first.teks(multi)}" for n, first in most]
        if len(kinds) > 10:
            out.append(f"dan {len(kinds) - 10} jenis lain")
        return out

    def jumlah(self) -> dict[str, int]:
        counts = {"baris": len(self.baris), "impor": 0, "sudah_ada": 0, "ditolak": 0}
        dup = 0
        for b in self.baris:
            if b.tindakan == IMPOR:
                counts["impor"] += 1
            elif b.tindakan == ADA:
                counts["sudah_ada"] += 1
            else:
                counts["ditolak"] += 1
                dup += b.duplikat
        counts["duplikat"] = dup
        counts["nomor_baru"] = sum(1 for b in self.baris if b.tindakan == IMPOR and not b.nomor)
        return counts

    def as_dict(self) -> dict[str, Any]:
        multi = self.banyak_lembar
        return {
            "berkas": str(self.berkas),
            "register": self.register,
            "tabel": [t.as_dict() for t in self.tabel],
            "jumlah": self.jumlah(),
            "masalah": [{**m.as_dict(), "teks": m.teks(multi)} for m in self.masalah],
            "peringatan": self.peringatan,
            "baris": [
                {
                    "lembar": b.lembar,
                    "baris": b.baris,
                    "tindakan": b.tindakan,
                    "nomor_registrasi": b.nomor_registrasi,
                    "nomor_baru": bool(b.nomor_baru),
                    "data": b.simpan() if b.tindakan != TOLAK else b.nilai,
                    "masalah": [m.pesan for m in b.masalah],
                }
                for b in self.baris
            ],
        }


@dataclass
class Result:
    register: str
    diimpor: list[Baris]
    sudah_ada: int
    ditolak: list[Baris]
    berkas_tolak: str | None  # relative to the workspace
    jumlah: dict[str, int]


#: a problem list this long gets a summary by kind (:meth:`Plan.ringkasan_masalah`)
RINGKAS_DARI = 20
#: what differs between problems of one kind: quoted values, numbers, month names (one fault
#: told for dates across a year is one kind)
_NILAI_PESAN = re.compile(rf"'[^']*'|\d[\d/.:,-]*|\b(?:{'|'.join(BULAN)})\b")


class ImporDitolak(PpidError):
    """A real run refused because rows have problems (without ``lewati``): nothing written.
    ``coba``: a dry run says the real one would be refused (its problems are already listed)."""

    def __init__(self, p: Plan, coba: bool = False) -> None:
        self.plan = p
        problems = p.baris_masalah()
        self.baris_masalah = [] if coba else problems
        n = len(p.ditolak)
        what = "uji coba: impor sungguhan akan dibatalkan" if coba else "impor dibatalkan"
        super().__init__(
            f"{what}, register {p.register} tidak diubah: {n} dari {len(p.baris)} "
            f"baris bermasalah ({len(problems)} masalah)",
            "perbaiki baris itu di berkas asal lalu ulangi, atau impor baris yang baik saja "
            "dengan --lewati-baris-bermasalah (baris bermasalah ditulis ke berkas tolak)",
        )

    def __str__(self) -> str:
        ringkas = self.plan.ringkasan_masalah() if self.baris_masalah else []
        return (
            super().__str__()
            + "".join(f"\n  {line}" for line in self.baris_masalah)
            + ("\nRingkasan masalah menurut jenisnya:" if ringkas else "")
            + "".join(f"\n  {line}" for line in ringkas)
        )


# ----------------------------------------------------------------------------------------------
# Reading: source rows → planned rows
# ----------------------------------------------------------------------------------------------


_EMPTY: list = []  # shared "no problems" list (never appended to)


def _plus(problems: list[Masalah], masalah: Masalah) -> list[Masalah]:
    """``problems`` with ``masalah`` added (a list of its own for the shared empty one: most rows
    have no problem and share it)."""
    if problems is _EMPTY:
        return [masalah]
    problems.append(masalah)
    return problems


#: distinct texts remembered by the normaliser (bounds memory on a column of unique values)
MEMO_MAKS = 50_000


#: the name columns the desk checks with rules.validation.nama
_NAMA = ("nama_pemohon", "kuasa_nama")


class _KeyMaker:
    """What identifies a request/objection when the numbers do not: date + name + information;
    for an objection the request it concerns stands for the information when it is known (old
    objection books often have no information column). Normalised texts are memoised (names
    and requests repeat)."""

    def __init__(self, register: str) -> None:
        self.keberatan = register == "keberatan"
        self.memo: dict[str, str] = {}

    def norm(self, s: str) -> str:
        r = self.memo.get(s)
        if r is None:
            r = bandingan(s)
            if len(self.memo) < MEMO_MAKS:
                self.memo[s] = r
        return r

    def __call__(self, row: dict[str, str]) -> tuple[str, ...]:
        g = row.get
        request = g("nomor_permohonan", "").strip() if self.keberatan else ""
        return (
            g("tanggal_diterima", ""),
            self.norm(g("nama_pemohon", "")),
            "" if request else self.norm(g("informasi_diminta", "")),
            request,
        )


def derive_status(register: str, v: dict[str, str]) -> str:
    g = v.get
    if register == "permohonan":
        kep = g("keputusan", "")
        if g("tanggal_selesai"):
            return "selesai"
        if kep in NOT_GIVEN:
            return "selesai"
        if kep in GIVEN:
            return "diputuskan"
        if g("diperpanjang_pada"):
            return "diperpanjang"
        if g("diteruskan_pada"):
            return "diteruskan"
        return "terdaftar"
    sikap = g("tanggapan_pemohon", "")
    if sikap in ("menerima", "musyawarah"):
        return "selesai"
    if sikap == "sengketa":
        return "sengketa"
    if g("keputusan_atasan"):
        return "disampaikan" if g("disampaikan_pada") else "ditanggapi"
    if g("pleno_pada"):
        return "pleno"
    if g("diteruskan_pada"):
        return "diteruskan"
    return "terdaftar"


class _Permohonan:
    """The request register, for objections that name their request as legacy books do
    (``2``, ``003``, ``005/ppid/5271/i/2024``): read once, when the first objection needs it."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.rows: list[dict[str, str]] | None = None

    def _load(self) -> list[dict[str, str]]:
        if self.rows is None:
            self.rows = self.ws.read("permohonan").rows
            pattern = self.ws.settings.get("penomoran", "permohonan")
            self.exact = {r["nomor_registrasi"]: r for r in self.rows}
            self.loose: dict[str, list[dict[str, str]]] = {}
            self.seq: dict[tuple[str, int], list[dict[str, str]]] = {}
            for r in self.rows:
                self.loose.setdefault(_longgar(r["nomor_registrasi"]), []).append(r)
                s = numbering.sequence_of(r["nomor_registrasi"], pattern)
                if s is not None:
                    self.seq.setdefault((r["tanggal_diterima"][:4], s), []).append(r)
        return self.rows

    def find(self, nomor: str, filed: str, nama: str) -> dict[str, str] | None:
        """The one request ``nomor`` names, or None when there is none or more than one. A bare
        sequence is looked for in the objection's year, else the year before, among requests
        filed by the same person on or before the objection."""
        self._load()
        if nomor in self.exact:
            return self.exact[nomor]
        hits = self.loose.get(_longgar(nomor), [])
        if not hits and nomor.strip().isascii() and nomor.strip().isdigit() and len(filed) >= 4:
            year, seq = int(filed[:4]), int(nomor)
            for y in (year, year - 1):
                hits = [
                    r
                    for r in self.seq.get((str(y), seq), [])
                    if r["tanggal_diterima"] <= filed
                    and bandingan(r["nama_pemohon"]) == bandingan(nama)
                ]
                if hits:
                    break
        return hits[0] if len(hits) == 1 else None


def _longgar(nomor: str) -> str:
    return loose_number(nomor).replace(" ", "")  # (legacy books space their numbers too)


class _Tenggat:
    """Deadlines of one import, memoised by what they depend on."""

    def __init__(self, ws: Workspace, register: str) -> None:
        self.ws = ws
        self.register = register
        self.memo: dict[tuple, str] = {}
        self.sengketa: dict[str, str] = {}
        self.peringatan: dict[str, None] = {}

    def jatuh_tempo(self, v: dict[str, str]) -> str:
        key = (v["tanggal_diterima"], bool(v.get("tahapan")), bool(v.get("diperpanjang_pada")))
        due = self.memo.get(key)
        if due is None:
            fn = deadlines.request if self.register == "permohonan" else deadlines.objection
            d = fn(v, self.ws.settings, self.ws.calendar)
            due = self.memo[key] = d.tanggal.isoformat()
            self.peringatan.update(dict.fromkeys(d.peringatan))
        return due

    def batas_sengketa(self, disampaikan: str) -> str:
        out = self.sengketa.get(disampaikan)
        if out is None:
            d = deadlines.dispute(
                {"disampaikan_pada": disampaikan}, self.ws.settings, self.ws.calendar
            )
            out = self.sengketa[disampaikan] = d.tanggal.isoformat()
            self.peringatan.update(dict.fromkeys(d.peringatan))
        return out


#: the reason a rejects file gives for a NIK Excel had rounded (see legacy.values.nik)
_NIK_RUSAK = re.compile(r"NIK rusak \((?:dibulatkan Excel|kehilangan satu digit)\): (\d+)")


def _link_request(
    ws: Workspace, requests: _Permohonan, v: dict[str, str], notes: list[str]
) -> None:
    """An objection's request number as the register writes it, and the election stage the
    request concerns when it still runs on the objection's date (3-working-day response, as
    ``keberatan catat`` gives)."""
    req = requests.find(
        v["nomor_permohonan"], v.get("tanggal_diterima", ""), v.get("nama_pemohon", "")
    )
    if req is None:
        return
    if req["nomor_registrasi"] != v["nomor_permohonan"]:
        notes.append(f"nomor permohonan di berkas asal: {v['nomor_permohonan']}")
        v["nomor_permohonan"] = req["nomor_registrasi"]
    stage = ws.settings.stage(req["tahapan"]) if req.get("tahapan") else None
    filed = v.get("tanggal_diterima", "")
    if (
        stage is not None
        and not v.get("tahapan")
        and filed
        and stage.ongoing(date.fromisoformat(filed))
    ):
        v["tahapan"] = stage.nama


#: an old book's word for a request withdrawn or cancelled (no status in ppidctl: rules.md and
#: the SOPs have none), said of the request: at the start of a clause ("Dicabut oleh pemohon",
#: "BATAL"), or after "permohonan"/"pemohon"/"sudah"/"telah" ("Permohonan dibatalkan"); not
#: of something else ("Rapat pleno batal, …") nor asked ("Permohonan dicabut? Tidak — …")
_DICABUT = re.compile(
    r"(?:^|[,;.!—–]\s*|\s-\s)(?:(?:permohonan|pemohon)\s+)?(?:(?:sudah|telah)\s+)?"
    r"((?:di)?(?:cabut|batal(?:kan)?|tarik kembali))\b(?![^,;.!?—–]*\?)",
    re.I,
)


#: a case answered without the decision its answer told (a notification or the Atasan's response
#: dated, a refusal's ground written — or a date shifted into that cell — the decision column
#: empty): the decision key, the answer's columns with their wording, the key that closes the
#: case anyway, and the decisions to fill in
_TANPA_KEPUTUSAN = {
    "permohonan": (
        "keputusan",
        (("tanggal_pemberitahuan", "pemberitahuan tertulis"),
         ("alasan_penolakan", "alasan penolakan")),
        "tanggal_selesai",
        "diberikan, diberikan sebagian, ditolak, tidak dikuasai, belum didokumentasikan",
    ),
    "keberatan": (
        "keputusan_atasan",
        (("tanggal_tanggapan", "tanggapan atasan PPID"),
         ("disampaikan_pada", "tanggapan atasan PPID")),
        "tanggapan_pemohon",
        "diterima atau ditolak",
    ),
}  # fmt: skip


#: what a clerk writes in "Alasan Penolakan" of a request not refused: no answer at all
_TIADA_JAWAB = re.compile(r"(?:tidak|tdk|nihil|belum|bukan|n/?a\b|0\s*$|-+\s*$)", re.I)


def _dicabut(texts: list[str]) -> str | None:
    """The word of a note saying the request was withdrawn (see :data:`_DICABUT`), or None;
    each note is read on its own, a note's "Header: value" prefix left out."""
    for t in texts:
        m = _DICABUT.search(t.split(": ", 1)[1] if ": " in t[:40] else t)
        if m:
            return m[1]
    return None


def _derive(register: str, v: dict[str, str], tenggat: _Tenggat, catatan: list[str]) -> None:
    """Fill status, jatuh_tempo, terlambat (and batas_sengketa) from the facts in ``v``."""
    asal = {k: v.pop(k) for k in DERIVED_LABEL if k in v} if schema.TURUNAN & v.keys() else None
    v["status"] = derive_status(register, v)
    today, due = tenggat.ws.today().isoformat(), ""
    if "tanggal_diterima" in v:
        due = v["jatuh_tempo"] = tenggat.jatuh_tempo(v)
        late = deadlines.late(register, v, due, today)
        if late:
            v["terlambat"] = late
        if register == "keberatan" and v.get("disampaikan_pada") and not v.get("batas_sengketa"):
            v["batas_sengketa"] = tenggat.batas_sengketa(v["disampaikan_pada"])
    for k, old in (asal or {}).items():
        now = v.get(k, "")
        if k == "terlambat" and not now and v["status"] in schema.OPEN[register]:
            # a case still open has no flag in the register yet; a book's (or ppidctl's own
            # export's) is its lateness on the day it was written: "tidak", or "ya" once past
            # the deadline — not a fact to keep (review bolakbalik L1)
            now = old if old == "tidak" or (old == "ya" and due and due < today) else ""
        note = f"{DERIVED_LABEL[k]}: {old}"
        if old != now and note not in v.get("catatan", ""):  # (not twice: an export imported
            catatan.append(note)  # again, its note already in Keterangan)


#: days a receipt date may stand apart from both its neighbours before it is told
LONCAT_HARI = 45


def _loncat(rows: list[Baris], header: str) -> list[str]:
    """Receipt dates far from both rows around them, which are close to each other (16/10/2025
    among 15/01 and 17/01: a month mistyped, numbered in October): told, not refused — a book
    written in arrival order may hold a late entry. The first and last rows are measured against
    their two nearest. Not in a book kept in another order (by name, by status: more than a
    tenth of its dates, and more than two, earlier than the one before)."""
    dated = [(b, date.fromisoformat(d)) for b in rows
             if len(d := b.nilai.get("tanggal_diterima", "")) == 10]  # fmt: skip
    n = len(dated)
    mundur = sum(y < x for (_, x), (_, y) in zip(dated, dated[1:], strict=False))
    if n < 3 or mundur > max(2, (n - 1) // 10):
        return []
    out = []
    for i, (b, d) in enumerate(dated):
        k = min(max(i, 1), n - 2)  # (the middle of the three rows measured against)
        a, c = [x for j, (_, x) in enumerate(dated[k - 1 : k + 2], k - 1) if j != i][:2]
        if abs((c - a).days) <= 31 and min(abs((d - a).days), abs((d - c).days)) > LONCAT_HARI:
            out.append(
                f"baris {b.baris}, kolom {header}: tanggal {d.isoformat()} jauh dari baris di "
                f"sekitarnya ({a.isoformat()}, {c.isoformat()}) — salah ketik bulan atau tahun?"
            )
    return out


def _tertukar(rows: list[Baris], j: int, header: str, baris0: int, teks0: str) -> None:
    """A date column of date cells and day-first text (13/01/2026) may be the mark of a book
    typed day-first into a month-first (English) Excel: it made 05/01/2026 the date 1 May and
    left 13/01/2026 as text. Then each date cell that may be so swapped (day <= 12, not day =
    month) is a problem of its row naming both readings — never imported as it stands, never
    one reading prescribed. Not when a date cell of the column has a day over 12 (typed
    day-first, such an Excel makes none: the book's Excel reads day-first, the text is only
    text), nor when a text date reads both ways (05/01/2026 left as text)."""
    curiga = []
    for b in rows:
        raw = b.sel[j] if j < len(b.sel) else ""
        if isinstance(raw, date):
            if raw.day > 12:
                return
            if raw.day != raw.month:
                curiga.append((b, raw))
        elif type(raw) is str and (m := TERKETIK.fullmatch(raw)):
            if m[1] != m[3] and max(int(m[1]), int(m[3])) <= 12:
                return
    for b, d in curiga:
        ketik, lain = f"{d.month:02d}/{d.day:02d}/{d.year}", date(d.year, d.day, d.month)
        dibaca, atau = tanggal_panjang(d), tanggal_panjang(lain)
        pesan = (
            f"tanggal Excel {dibaca} mungkin tertukar: kolom ini juga memuat teks hari-dulu "
            f"yang tidak dijadikan tanggal (baris {baris0}: '{teks0}'), tanda Excel berbahasa "
            f"Inggris yang membaca '{ketik}' bulan-dulu — {dibaca} atau {atau}? "
            "Lihat dokumen permohonannya, lalu tulis tanggalnya dengan nama bulan"
        )
        b.sendiri = _plus(b.sendiri, Masalah(b.lembar, b.baris, header, pesan))


def _dua_arti(rows: list[Baris], j: int, header: str, baris0: int, teks0: str) -> None:
    """A date column shown month-first by one value (1/20/2026): every value of it that reads
    both ways (1/5/2026) is a problem of its row, never read day-first silently — unless other
    values show it day-first too (16/03/2026): then that one value is a typo, told alone."""
    slash = []
    for b in rows:
        raw = b.sel[j] if j < len(b.sel) else ""
        m = V_DUA_ARTI.fullmatch(raw) if type(raw) is str else None
        if m:
            if int(m[1]) > 12 and int(m[2]) <= 12:
                return
            slash.append((b, raw, m))
    for b, raw, m in slash:
        if m[1] != m[2] and int(m[1]) <= 12 and int(m[2]) <= 12:
            pesan = (
                f"kolom ini tampak bulan-dulu (baris {baris0}: '{teks0}'), sehingga "
                f"'{raw.strip()}' bisa dibaca dua arah; tulis tanggalnya dengan nama bulan, "
                "mis. 5 Januari 2026"
            )
            b.sendiri = _plus(b.sendiri, Masalah(b.lembar, b.baris, header, pesan))


def _waktu_kantor(v: dict[str, str], tz: tzinfo) -> str:
    """``waktu_diterima`` as the desk stores it: on the receipt date (a time of day alone is put
    on it), in the office's UTC offset unless the source stated one, to the minute (seconds only
    when the source has them). Returns the problem when the time contradicts the date."""
    w, tgl = v["waktu_diterima"], v.get("tanggal_diterima", "")
    if "T" not in w:  # a time of day: on the row's date (none readable: the row has a problem)
        if not tgl:
            del v["waktu_diterima"]
            return ""
        w = f"{tgl}T{w}"
    if tgl and w[:10] != tgl:
        return f"waktu {w[:10]} {w[11:16]} tidak pada tanggal diterima {tgl}"
    d = datetime.fromisoformat(w)
    if d.tzinfo is None:
        d = d.replace(tzinfo=tz)
    v["waktu_diterima"] = d.isoformat(timespec="seconds" if d.second else "minutes")
    return ""


def _cek_kolom_wajib(t: Table, required: list[str], path: Path, register: str) -> None:
    """Refuse the whole file when a table lacks a required column altogether (never a row's
    problem: no row of it could be imported), naming the columns recognised."""
    missing = [k for k in required if k not in t.pemetaan.values()]
    if missing:
        where = f"lembar '{t.lembar}'" if t.lembar else f"'{path.name}'"
        raise ImporError(
            f"tabel di {where} tidak punya kolom wajib: "
            + ", ".join(f"{k} ({schema.column(register, k).header})" for k in missing)
            + "; kolom yang dikenali: "
            + (", ".join(f"'{h}' → {k}" for h, k in t.pemetaan.items()) or "tidak ada"),
            "petakan judul kolomnya dengan --peta peta.toml, mis. "
            f'[kolom] "Judul di berkas" = "{missing[0]}"',
        )


def _peringatan_tabel(
    t: Table,
    info: TabelInfo,
    rows: list[Baris],
    header_of: dict[str, str],
    nik_salah: list[str],
    lengkapi: int,
    contoh: str,
) -> list[str]:
    """What reading one table found, once its rows are read (*rows*: the table's): dates read
    the other way round marked on the rows; rows skipped, the table's end, cells outside the
    headers and completed numbers noted on *info*; and the warnings returned — wrong weekdays,
    far dates, impossible NIKs, hidden rows, rows after the end. Once per table."""
    peringatan: list[str] = []
    for header, (baris0, teks0) in t.rows.bulan_dulu.items():
        _dua_arti(rows, t.header_mentah.index(header), header, baris0, teks0)
    for header, (baris0, teks0) in t.rows.hari_dulu.items():
        _tertukar(rows, t.header_mentah.index(header), header, baris0, teks0)
    info.dilewati = list(t.rows.dilewati)
    info.akhir = t.rows.akhir
    if t.rows.di_luar:
        luar = sorted(t.rows.di_luar.items(), key=lambda kv: (len(kv[0]), kv[0]))
        info.keterangan.append(
            f"kolom {', '.join(k for k, _ in luar)} di luar judul tabel (tanpa judul, mis. "
            f"baris {luar[0][1]}): isinya disimpan di catatan sebagai 'Kolom {luar[0][0]}: …'"
        )
    where = f"lembar '{t.lembar}' " if t.lembar else ""
    keliru = t.rows.hari_keliru  # (read as the date written: the weekday told, not dropped)
    peringatan.extend(f"{where}baris {rn}, kolom {kolom}: {apa}" for rn, kolom, apa in keliru[:5])
    if len(keliru) > 5:
        peringatan.append(f"{where}dan {len(keliru) - 5} tanggal lain yang harinya keliru")
    loncat = _loncat(rows, header_of.get("tanggal_diterima", "tanggal"))
    peringatan.extend(f"{where}{line}" for line in loncat[:5])
    if len(loncat) > 5:
        peringatan.append(f"{where}dan {len(loncat) - 5} tanggal lain yang jauh dari urutannya")
    if nik_salah:  # (a refusal would leave the row out of the register: it happened)
        peringatan.append(
            f"{where}{len(nik_salah)} NIK tidak mungkin benar, diimpor seperti tertulis "
            f"(mis. {'; '.join(nik_salah[:3])}) — periksa NIK pada dokumen permohonan"
        )
    if t.tersembunyi and (hid := [b.baris for b in rows if dalam_rentang(b.baris, t.tersembunyi)]):
        peringatan.append(
            f"{where}baris "
            + ", ".join(map(str, hid[:10]))
            + (f" dan {len(hid) - 10} baris lain" if len(hid) > 10 else "")
            + " disembunyikan di berkas (Sembunyikan, filter, atau grup yang diciutkan) dan "
            "tetap dibaca sebagai perkara — bila ada yang bukan perkara (dibatalkan, contoh, "
            "uji coba), hapus barisnya di berkas lalu impor ulang"
        )
    if t.rows.sesudah:
        sesudah = t.rows.sesudah
        peringatan.append(
            f"{where}sesudah akhir tabel di baris {info.akhir[0]} ({info.akhir[1]}) "  # type: ignore[index]
            f"masih ada {len(sesudah)} baris yang tampak berisi data (mis. baris {sesudah[0]}) "
            "dan tidak diimpor; "
            + (
                "itu tabel lain: pindahkan ke lembarnya sendiri, lalu impor lembar itu dengan "
                "--lembar NAMA dan --register yang sesuai"
                if info.akhir[1].startswith("judul kolom tabel lain")  # type: ignore[index]
                else "bila itu bagian tabel, hapus atau pindahkan baris penutup itu"
            )
        )
    if lengkapi:
        info.keterangan.append(
            f"{lengkapi} nomor registrasi berupa angka saja dilengkapi menurut tanggal "
            f"diterima (mis. {contoh}); nomor asalnya disimpan di catatan"
        )
    return peringatan


def _baca(
    ws: Workspace,
    path: Path,
    register: str,
    reader_opts: dict[str, Any],
    kemajuan: Callable[[int], None] | None,
) -> Plan:
    tables = read_tables(path, register, **reader_opts, hari_ini=ws.today().isoformat())
    cols = schema.columns(register)
    known = {c.key for c in cols}
    required = [c.key for c in cols if c.wajib and c.key not in schema.BOLEH_KOSONG_DI_IMPOR]
    tenggat = _Tenggat(ws, register)
    key_fn = _KeyMaker(register)
    pattern = ws.settings.get("penomoran", register)
    kode = ws.settings.get("instansi", "kode_satker")
    permohonan = _Permohonan(ws) if register == "keberatan" else None
    infos: list[TabelInfo] = []
    peringatan: list[str] = []
    out: list[Baris] = []
    n = 0
    for ti, t in enumerate(tables):
        header_of = {}  # key -> source header
        for h, k in t.pemetaan.items():
            header_of.setdefault(k, h)
        _cek_kolom_wajib(t, required, path, register)
        if register == "permohonan":
            _not_an_objection_book(t, path)
        key_of = t.pemetaan
        abaikan = set(REJECT_COLUMNS) & set(t.tidak_cocok)
        required_headers = [(k, header_of[k]) for k in required]
        # steps recorded out of order (a notification dated before the receipt): a typo to fix
        urutan = [(a, b, header_of.get(a, a)) for a, b in ORDER[register]]
        width = len(t.header_mentah)
        header_set = set(t.header_mentah)
        info = TabelInfo.dari(t, abaikan)
        infos.append(info)
        lengkapi = 0  # bare sequence numbers completed
        contoh = ""  # the first of them, as the file had it and as completed
        mulai = len(out)
        nik_salah: list[str] = []  # an old book's NIK no NIK can be: kept as typed, told
        for sr in t.rows:
            n += 1
            if kemajuan is not None and n % LANGKAH_KEMAJUAN == 0:
                kemajuan(n)
            v = sr.nilai  # non-empty values only
            notes: list[str] = []
            if not v.keys() <= known:  # never expected from the reader: keep, never drop
                notes += [f"{k}: {v.pop(k)}" for k in list(v) if k not in known]
            raw_nomor = v.get("nomor_registrasi", "")
            nomor = raw_nomor.strip()
            if (
                nomor.isdigit()
                and nomor.isascii()
                and int(nomor)
                and "tanggal_diterima" in v
                and not numbering.fits(nomor, pattern)  # (an all-digit pattern's own number)
            ):
                # a bare sequence ("1") restarts every year: completed with the receipt date
                day = date.fromisoformat(v["tanggal_diterima"])
                nomor = numbering.format_number(pattern, int(nomor), kode, day)
                notes.append(f"nomor di berkas asal: {raw_nomor.strip()}")
                lengkapi += 1
                contoh = contoh or f"{raw_nomor.strip()} → {nomor}"
            if nomor != raw_nomor:
                v["nomor_registrasi"] = nomor
            problems = _EMPTY
            if sr.masalah:
                problems = [Masalah(sr.lembar, p.baris, p.kolom, p.pesan) for p in sr.masalah]
            lanjutan = bool(sr.masalah) and sr.masalah[0].pesan.startswith(LANJUTAN)
            for key, header in () if lanjutan else required_headers:
                if key not in v and not any(key_of.get(p.kolom) == key for p in sr.masalah):
                    problems = _plus(
                        problems,
                        Masalah(sr.lembar, sr.baris, header, f"wajib diisi ({key}) tetapi kosong"),
                    )
            for key in _NAMA:  # (the desk's name rule: a formula or hidden marks, never a name)
                if key in v and "\n" in v[key]:  # (Alt+Enter in the cell: a name is one line)
                    v[key] = " ".join(v[key].split("\n"))
                salah = bukan_nama(v[key]) if key in v else None
                if salah:
                    problems = _plus(
                        problems, Masalah(sr.lembar, sr.baris, header_of.get(key, key), salah)
                    )
            if (
                "nik" in v
                and v.get("jenis_identitas", "ktp") == "ktp"  # (a passport's number: no NIK)
                and len(v["nik"]) == 16
                and v["nik"].isdigit()  # (a masked "5271**…" is no NIK to judge)
                and (salah := nik_keliru(v["nik"]))
            ):
                nik_salah.append(f"baris {sr.baris}, kolom {header_of.get('nik', 'nik')}: {salah}")
            if "waktu_diterima" in v:
                salah = _waktu_kantor(v, ws.tz)
                if salah:
                    problems = _plus(
                        problems,
                        Masalah(
                            sr.lembar,
                            sr.baris,
                            header_of.get("waktu_diterima")
                            or header_of.get("tanggal_diterima", ""),
                            salah,
                        ),
                    )
            if nomor and "tanggal_diterima" in v:
                bulan, tahun = numbering.month_year_of(nomor, pattern)
                tgl = v["tanggal_diterima"]
                if (tahun and int(tgl[:4]) != tahun) or (bulan and int(tgl[5:7]) != bulan):
                    bulan_tahun = " ".join(
                        x
                        for x in (numbering.romawi_bulan(bulan) if bulan else "", str(tahun or ""))
                        if x
                    )
                    pesan = (
                        f"tanggal diterima {tgl} tidak cocok dengan nomor {nomor} "
                        f"(bulan/tahun {bulan_tahun})"
                    )
                    problems = _plus(
                        problems, Masalah(sr.lembar, sr.baris, header_of["tanggal_diterima"], pesan)
                    )
            if v.get("tanggapan_pemohon") == "musyawarah" and (
                v.get("keputusan_atasan") or v.get("tanggal_tanggapan")
            ):  # (counted answered and settled before an answer at once: sesi32c M2)
                problems = _plus(
                    problems,
                    Masalah(
                        sr.lembar,
                        sr.baris,
                        header_of.get("tanggapan_pemohon", "tanggapan_pemohon"),
                        "musyawarah (UU 14/2008 Pasal 35(2)) menyelesaikan keberatan sebelum "
                        "ditanggapi, tetapi baris ini memuat tanggapan Atasan PPID — tulis sikap "
                        "pemohon atas tanggapan itu (menerima atau sengketa)",
                    ),
                )
            for later, earlier, header in urutan:
                x, y = v.get(later), v.get(earlier)
                if x and y and x < y and order_binds(later, earlier, v):
                    problems = _plus(
                        problems,
                        Masalah(sr.lembar, sr.baris, header, f"{later} {x} sebelum {earlier} {y}"),
                    )
            ekstra = None
            if sr.tambahan:
                if "alasan_tolak" in abaikan and "nik" in v:  # a rejects file, re-imported
                    rusak = _NIK_RUSAK.search(sr.tambahan.get("alasan_tolak", ""))
                    if rusak and rusak[1] == v["nik"]:  # (the number cell became text there)
                        problems = _plus(
                            problems,
                            Masalah(
                                sr.lembar,
                                sr.baris,
                                header_of.get("nik", "nik"),
                                f"NIK {v['nik']} masih NIK yang rusak (lihat alasan_tolak); "
                                "ketik ulang NIK dari KTP",
                            ),
                        )
                for h, x in sr.tambahan.items():
                    if h in abaikan:
                        continue
                    notes.append(f"{h}: {tanpa_penjaga(x)}")
                    if h.startswith("Kolom ") and h not in header_set:
                        if ekstra is None:
                            ekstra = {}
                        ekstra[h] = x
            if permohonan is not None and v.get("nomor_permohonan"):
                _link_request(ws, permohonan, v, notes)
            if register == "permohonan" and not v.get("keputusan"):
                said = _dicabut([v.get("catatan", ""), *notes])
                told = header_of.get("keputusan")  # ("BATAL" there is told as not a decision)
                if said and not any(p.kolom == told for p in problems or ()):
                    problems = _plus(
                        problems,
                        Masalah(sr.lembar, sr.baris, header_of.get("catatan", "Keterangan"),
                                f"permohonan '{said}' menurut buku lama, tanpa keputusan: "
                                "ppidctl tidak punya status permohonan yang dicabut, dan "
                                "tanpa keputusan permohonan ini menjadi perkara terbuka yang "
                                "terlambat — isi keputusannya bila ada, atau biarkan baris "
                                "ini di berkas tolak (--lewati-baris-bermasalah)"),
                    )  # fmt: skip
            kunci, jawab, tutup, pilihan = _TANPA_KEPUTUSAN[register]
            dijawab = [(k, apa) for k, apa in jawab if v.get(k) and not _TIADA_JAWAB.match(v[k])]
            if dijawab and not v.get(kunci) and not v.get(tutup):
                (k, apa), *_ = dijawab
                told = header_of.get(kunci) or header_of[k]
                if not any(p.kolom == told for p in problems or ()):
                    problems = _plus(
                        problems,
                        Masalah(sr.lembar, sr.baris, told,
                                f"{apa} {v[k]} tanpa keputusan: tanpa keputusan "
                                f"{register} ini menjadi perkara terbuka yang terlambat — isi "
                                f"keputusannya ({pilihan})"),
                    )  # fmt: skip
            if not problems:
                _derive(register, v, tenggat, notes)
            if notes:
                if v.get("catatan"):
                    notes.insert(0, v["catatan"])
                v["catatan"] = "; ".join(notes)
            sel = sr.sel if len(sr.sel) == width else sr.sel[:width]
            out.append(
                Baris(
                    sr.lembar,
                    sr.baris,
                    v,
                    nomor,
                    key_fn(v),
                    problems,
                    sel,
                    ti,
                    ekstra,
                )
            )
        peringatan += _peringatan_tabel(
            t, info, out[mulai:], header_of, nik_salah, lengkapi, contoh
        )
    if kemajuan is not None:
        kemajuan(n)
    return Plan(
        register,
        Path(path),
        infos,
        out,
        peringatan + list(tenggat.peringatan),
        permohonan=permohonan,
    )


# ----------------------------------------------------------------------------------------------
# Resolving against the register
# ----------------------------------------------------------------------------------------------


def _describe(row: dict[str, str]) -> str:
    info = row.get("informasi_diminta", "")
    if len(info) > 60:
        info = info[:57] + "..."
    return (
        f"{row.get('tanggal_diterima', '') or '-'}, {row.get('nama_pemohon', '') or '-'}, "
        f"{info or '-'}"
    )


def _resolve(ws: Workspace, p: Plan, existing: Iterable[dict[str, str]]) -> None:
    """Decide every row (import / already there / refused) and assign missing numbers."""
    register = p.register
    pattern = ws.settings.get("penomoran", register)
    kode = ws.settings.get("instansi", "kode_satker")
    reg_nomor: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {}
    reg_kunci: dict[tuple[str, ...], tuple[str, dict[str, str]]] = {}  # → (number, row)
    key_fn = _KeyMaker(register)
    # an objection imported before its request was: found again under the request's number
    requests = p.permohonan
    maxes: dict[str, int] = {}
    used: set[str] = set()
    urutan: dict[tuple[str, int], str] = {}  # (year, sequence) → the number that holds it
    for row in existing:
        n = row.get("nomor_registrasi", "").strip()
        k = key_fn(row)
        if n:
            reg_nomor.setdefault(n, (k, row))
            used.add(n)
            _count(maxes, urutan, n, row.get("tanggal_diterima", ""), pattern)
        reg_kunci.setdefault(k, (n, row))
        if requests is not None and row.get("nomor_permohonan"):
            linked = dict(row)
            _link_request(ws, requests, linked, [])
            if linked["nomor_permohonan"] != row["nomor_permohonan"]:
                reg_kunci.setdefault(key_fn(linked), (n, row))
    multi = p.banyak_lembar
    header_nomor = {
        i: next((h for h, k in t.pemetaan.items() if k == "nomor_registrasi"), "")
        for i, t in enumerate(p.tabel)
    }

    def where(b: Baris) -> str:
        return f"lembar '{b.lembar}' baris {b.baris}" if multi else f"baris {b.baris}"

    def problem(b: Baris, kolom: str, pesan: str) -> None:
        b.masalah.append(Masalah(b.lembar, b.baris, kolom, pesan))

    seen_nomor: dict[str, Baris] = {}
    seen_kunci: dict[tuple[str, ...], Baris] = {}
    dipakai_lagi: dict[str, int] = {}  # header → sequences reused in a year (a monthly book)
    retired = journal.retired_numbers(ws.journal_path, register)  # given, then deleted
    used |= retired
    # a refused row's number, held for its corrected row: used for any other row, not for it
    held = journal.held_numbers(ws.journal_path, register) if retired else set()
    everywhere: set[int] = set()  # (a retired number stating no year: in every year)
    for nomor in retired:  # (its sequence stays used all year, whatever month or shape it has)
        tahun, seq = numbering.year_and_sequence(nomor, pattern)
        if tahun and seq is not None:
            urutan.setdefault((str(tahun), seq), nomor)
        elif seq is not None:
            everywhere.add(seq)
    for b in p.baris:
        b.masalah = list(b.sendiri)
        b.tindakan, b.duplikat, b.nomor_baru = "", False, ""
        complete = bool(b.kunci[0] and b.kunci[1])
        hn = header_nomor[b.tabel]
        if b.nomor:
            used.add(b.nomor)
            other = _count(maxes, urutan, b.nomor, b.nilai.get("tanggal_diterima", ""), pattern)
            there = reg_nomor.get(b.nomor)
            if there is not None:
                beda = _beda(b.nilai, there[1]) if _same(b.kunci, there[0]) else None
                if beda == "":
                    b.tindakan = ADA
                    continue
                if beda:  # the same case, and the book holds what the register does not
                    problem(b, hn, f"nomor {b.nomor} sudah ada di register {register}, {beda}")
                elif complete and b.kunci in reg_kunci:  # (a rejects file's row, renumbered)
                    nomor, row = reg_kunci[b.kunci]
                    if beda := _beda(b.nilai, row):
                        problem(b, hn, f"sama dengan {nomor} di register {register} (tanggal, "
                                f"nama dan informasi sama; nomor {b.nomor} di berkas milik data "
                                f"lain), {beda}")  # fmt: skip
                    else:
                        b.tindakan = ADA
                        p.peringatan.append(
                            f"{where(b)}: sudah diimpor sebagai {nomor} (tanggal, nama dan "
                            f"informasi sama); nomor {b.nomor} di berkas milik data lain "
                            f"({_describe(there[1])})"
                        )
                        continue
                else:
                    problem(
                        b,
                        hn,
                        f"nomor {b.nomor} sudah ada di register {register} untuk data lain "
                        f"({_describe(there[1])})",
                    )
            elif complete and b.kunci in reg_kunci:
                problem(
                    b,
                    hn,
                    f"sama dengan {reg_kunci[b.kunci][0] or 'baris'} yang sudah ada di register "
                    f"(tanggal, nama dan informasi sama) tetapi bernomor lain ({b.nomor})",
                )
            elif other in reg_nomor:  # (the desk's 001, or an earlier import's)
                foreign = kode and f"/{kode}/" in f"/{other}/" and f"/{kode}/" not in f"/{b.nomor}/"
                problem(
                    b,
                    hn,
                    f"nomor urut {b.nomor} sudah diberikan register {register} kepada {other} "
                    "pada tahun yang sama: nomor urut tidak boleh dipakai dua kali "
                    + (  # (another office's book: following the other hint refused this office's
                        # own — review bolakbalik L5)
                        f"(nomor itu bukan berkode kantor ini, {kode}: satu workspace untuk satu "
                        "kantor; gabungkan angka beberapa kantor dengan ppidctl laporan tahunan "
                        "--gabung WORKSPACE…)"
                        if foreign
                        else "(bila nomor itu diberikan meja layanan sebelum buku lama diimpor: "
                        "buat ulang workspace, impor buku lama lebih dulu)"
                    ),
                )
                dipakai_lagi[hn] = dipakai_lagi.get(hn, 0) + 1
            elif other:
                problem(
                    b,
                    hn,
                    f"nomor urut {b.nomor} sudah dipakai {other} pada tahun yang sama "
                    "(nomor urut tidak boleh dipakai dua kali)",
                )
                dipakai_lagi[hn] = dipakai_lagi.get(hn, 0) + 1
            elif b.nomor in retired and b.nomor not in held:
                problem(
                    b,
                    hn,
                    f"nomor {b.nomor} pernah diberikan lalu barisnya dihapus dari register "
                    f"{register} (tercatat di jurnal): nomor tidak dipakai dua kali",
                )
        elif complete and b.kunci in reg_kunci:
            nomor, row = reg_kunci[b.kunci]
            beda = _beda(b.nilai, row)
            if not beda:
                b.tindakan = ADA
                continue
            problem(b, hn, f"sama dengan {nomor or 'baris'} di register {register} (tanggal, "
                    f"nama dan informasi sama), {beda}")  # fmt: skip
        if b.masalah:
            b.tindakan = TOLAK
            continue
        first = seen_nomor.get(b.nomor) if b.nomor else None
        if first is not None:
            if first.kunci == b.kunci:
                problem(
                    b,
                    "",
                    f"duplikat dari {where(first)} (nomor {b.nomor}, tanggal, nama dan "
                    "informasi sama): hanya yang pertama diimpor",
                )
                b.duplikat = True
            else:
                problem(
                    b,
                    hn,
                    f"nomor {b.nomor} sudah dipakai {where(first)} untuk data lain "
                    f"({_describe(first.nilai)})",
                )
        elif complete and b.kunci in seen_kunci:
            first = seen_kunci[b.kunci]
            problem(
                b,
                "",
                f"duplikat dari {where(first)} (tanggal, nama dan informasi sama"
                + (
                    f"; nomor {first.nomor or '-'} / {b.nomor or '-'}"
                    if first.nomor != b.nomor
                    else ""
                )
                + "): hanya yang pertama diimpor",
            )
            b.duplikat = True
        if b.masalah:
            b.tindakan = TOLAK
            continue
        b.tindakan = IMPOR
        if b.nomor:
            seen_nomor[b.nomor] = b
        if complete:
            seen_kunci.setdefault(b.kunci, b)
    for hn, n in dipakai_lagi.items():
        if n >= 2:  # (several: a book numbering afresh each month or sheet, not a typo)
            p.peringatan.append(
                f"{n} nomor di kolom '{hn}' memakai lagi nomor urut yang sudah dipakai tahun itu "
                "(buku lama mulai dari 1 lagi setiap bulan?): untuk memberi nomor baru menurut "
                f"tanggal dan menyimpan nomor lamanya di catatan, impor dengan --peta berisi "
                f'[kolom] "{hn}" = "catatan"'
            )
    # numbers for rows without one: by receipt date, then file order, after every known number
    # (and none an older ppidctl's import refused: see common.rejected_numbers)
    for nomor in rejected_numbers(ws, register) - used:
        tahun, seq = numbering.year_and_sequence(nomor, pattern)
        if tahun and seq is not None:
            urutan.setdefault((str(tahun), seq), nomor)
    todo = sorted(
        (b for b in p.baris if b.tindakan == IMPOR and not b.nomor),
        key=lambda b: b.nilai["tanggal_diterima"],
    )
    for b in todo:
        day = date.fromisoformat(b.nilai["tanggal_diterima"])
        year = str(day.year)
        seq = maxes.get(year, 0)
        while True:
            seq += 1
            nomor = numbering.format_number(pattern, seq, kode, day)
            if nomor not in used and (year, seq) not in urutan and seq not in everywhere:
                break
        maxes[year] = seq
        used.add(nomor)
        b.nomor_baru = nomor
    # the legacy numbers of refused rows to keep from catat: the old book gave them to real
    # requesters, and the corrected row will be imported with its number. Not one the register
    # has or already retired, nor one a row of this import takes (a duplicate's), nor one whose
    # sequence another number holds that year (that number is no one's to give); and only one
    # stating its year: a bare "3" whose date is unreadable would hold 3 in every year, and its
    # corrected row is imported as 003/…/2026, not as "3"
    p.ditahan, p.tahan = held, set()
    imported = {b.nomor for b in p.baris if b.tindakan == IMPOR and b.nomor}
    for b in p.ditolak:
        if (
            b.nomor
            and b.nomor not in retired
            and b.nomor not in reg_nomor
            and b.nomor not in imported
        ):
            tahun, seq = numbering.year_and_sequence(b.nomor, pattern)
            if tahun and seq is not None and urutan.get((str(tahun), seq), b.nomor) == b.nomor:
                p.tahan.add(b.nomor)


#: fields a re-import does not compare: derived, written by the import itself, compared
#: already by the key (:class:`_KeyMaker`: the name without case, the request once linked), or
#: what the requester gave at registration — typed twice in a transition month, "guru" and
#: "Guru", "Jl. Pejanggik 2" and "Jl. Pejanggik No. 2" are no new fact (review sesi27 M2):
#: what is compared is what happened to the case since, the steps
_TIDAK_DIBANDINGKAN = schema.TURUNAN | schema.TENGGAT | {
    "catatan", "nomor_registrasi", "tanggal_diterima", "nama_pemohon", "nomor_permohonan",
    "waktu_diterima", "saluran", "jenis_pemohon", "jenis_identitas", "nik", "alamat",
    "pekerjaan", "telepon", "email", "tujuan_penggunaan", "cara_memperoleh", "bentuk_informasi",
    "cara_kirim", "dokumen", "kuasa_nama", "kuasa_alamat", "kasus_posisi", "petugas",
}  # fmt: skip


def _beda(row: dict[str, str], reg: dict[str, str]) -> str:
    """How a source row holds other facts than the register row of its case ("" when none):
    e.g. a decision filled in the book after the first import — told, never applied."""
    out = [
        f"kolom {k} berisi '{x}' di berkas dan '{reg.get(k, '')}' di register"
        for k, x in row.items()
        if k not in _TIDAK_DIBANDINGKAN
        and reg.get(k, "") != x
        and not (k == "informasi_diminta" and bandingan(x) == bandingan(reg.get(k, "")))
        # (no fee either way: ppidctl's own register book prints "Tanpa biaya" for an empty
        # fee, read back as 0 — review bolakbalik M1)
        and not (k == "biaya" and not x.strip("0") and not reg.get(k, "").strip("0"))
    ]
    if not out:
        return ""
    return (
        "tetapi " + "; ".join(out[:3]) + ("; …" if len(out) > 3 else "")
        + "; impor tidak mengubah data yang sudah ada: catat langkahnya dengan perintahnya, "
        "atau sunting register lalu ppidctl periksa --terima-perubahan"
    )  # fmt: skip


def _same(row: tuple[str, ...], reg: tuple[str, ...]) -> bool:
    """The source row (found by its number) holds the register row's data: every part of the
    key the row has equals the register's. A part the row lacks (an unreadable date, an
    objection's missing request number) is not compared, so that re-importing a file whose bad
    rows were fixed and imported separately finds them "sudah ada"."""
    return bool(row[0] or row[1]) and all(x == y for x, y in zip(row, reg, strict=True) if x)


def _count(
    maxes: dict[str, int],
    taken: dict[tuple[str, int], str],
    nomor: str,
    tanggal: str,
    pattern: str,
) -> str:
    """Count ``nomor``'s sequence in its receipt year (the highest per year, and which number
    holds each); returns another number already holding it ("" when free, or when the year or
    the sequence cannot be told)."""
    if len(tanggal) < 4:
        return ""
    seq = numbering.sequence_of(nomor, pattern)
    if seq is None:
        return ""
    year = tanggal[:4]
    if seq > maxes.get(year, 0):
        maxes[year] = seq
    other = taken.setdefault((year, seq), nomor)
    return other if other != nomor else ""


# ----------------------------------------------------------------------------------------------
# The two use cases
# ----------------------------------------------------------------------------------------------


def _not_an_objection_book(t, path: Path) -> None:
    """Refuse an objection register imported as requests: its request number would become the
    registration number and every objection an open, long overdue request. Told by its columns
    that only objections have (two or more left unmatched: "Alasan Keberatan", "Keputusan
    Atasan PPID", "Tanggapan Pemohon", …); mapped with --peta, they are the office's choice."""
    from ..legacy.reader import header_key

    only = {c.key for c in schema.columns("keberatan")} - {
        c.key for c in schema.columns("permohonan")
    }
    found = [h for h in t.tidak_cocok if header_key("keberatan", h) in only]
    if len(found) >= 2:
        where = f"lembar '{t.lembar}'" if t.lembar else f"'{path.name}'"
        raise ImporError(
            f"tabel di {where} tampak register keberatan (kolom "
            + ", ".join(f"'{h}'" for h in found[:4])
            + "), bukan register permohonan",
            "impor dengan --register keberatan; bila memang register permohonan, petakan kolom "
            "itu dengan --peta peta.toml",
        )


def plan(
    ws: Workspace,
    path: Path,
    register: str,
    *,
    kemajuan: Callable[[int], None] | None = None,
    **reader_opts: Any,
) -> Plan:
    """Read ``path`` and decide every row against the register as it is now; writes nothing.

    ``reader_opts`` go to :func:`ppidctl.legacy.reader.read_tables` (``lembar``, ``pemisah``,
    ``encoding``, ``peta``). ``kemajuan(n)`` is called every few hundred rows read (and once at
    the end) for a progress display."""
    with _gc_paused():
        p = _baca(ws, Path(path), register, reader_opts, kemajuan)
        table = ws.read(register)
        _resolve(ws, p, table.rows)
        p.register_sha256 = table.sha256_as_read()
        if register == "keberatan":
            _check_requests(ws, p)
        else:
            _check_deliveries(p)
        _check_book(p)
        _check_deadlines(p)
    return p


def _check_deadlines(p: Plan) -> None:
    """A warning when deadlines recomputed on this workspace's calendar differ from the file's
    (each row's note says by how much): most often the old workspace's office days off, not
    carried by its registers (review bolakbalik L4)."""
    moved = [b for b in p.impor if DERIVED_LABEL["jatuh_tempo"] in b.nilai.get("catatan", "")]
    if moved:
        p.peringatan.append(
            f"{len(moved)} batas waktu dihitung ulang berbeda dengan berkas asal (mis. baris "
            f"{moved[0].baris}; yang asal disimpan di catatan) — libur kantor di tempat asalnya? "
            "catat dengan ppidctl kalender tambah, lalu ppidctl periksa --perbaiki-tenggat"
        )


#: what ppidctl's own register book writes in Keterangan beyond the columns of the Komisi
#: Informasi's layout (reports/registerbook.py: its remarks)
_KETERANGAN_PPIDCTL = re.compile(
    r"^Status: (?:(?:diteruskan|pleno|disampaikan|sengketa)\b|[a-z]+(?:;|$).*?"
    r"(?:tahapan: |diperpanjang |sengketa |informasi diserahkan ))"
)


def _check_book(p: Plan) -> None:
    """A warning for ppidctl's own register book imported (review bolakbalik M2): the steps
    its Keterangan names (an election stage, an extension, a reply delivered, a dispute) are
    kept as text in ``catatan`` only, so deadlines and lateness are counted without them — the
    book is for print; a workspace moves by its registers."""
    named = [b for b in p.impor if _KETERANGAN_PPIDCTL.search(b.nilai.get("catatan", ""))]
    if named:
        p.peringatan.append(
            f"{len(named)} baris buku register ppidctl (mis. baris {named[0].baris}) menyebut di "
            "Keterangan tahapan, perpanjangan, penerusan, pleno, penyampaian tanggapan, sengketa "
            "atau penyerahan atas perintah, yang diimpor hanya sebagai catatan: tenggat, "
            "keterlambatan dan langkah berikutnya dihitung tanpa itu — untuk "
            "memindahkan perkara impor registers/NAMA.csv workspace asalnya (atau ekspor "
            "--format csv --tanpa-sensor), atau salin folder workspace-nya"
        )


def _check_deliveries(p: Plan) -> None:
    """A warning for granted requests from a table with no column for the handing-over: they
    are stored as not yet delivered (a date is never made up), and every report counts them as
    information still owed until ``permohonan selesai`` records the delivery."""
    blind = {i for i, t in enumerate(p.tabel) if "tanggal_selesai" not in t.pemetaan.values()}
    owed = [b for b in p.impor if b.tabel in blind and b.nilai.get("keputusan") in GIVEN]
    if owed:
        p.peringatan.append(
            f"tidak ada kolom pemberian informasi: {len(owed)} permohonan yang diberikan (mis. "
            f"baris {owed[0].baris}) tercatat belum diserahkan, dan laporan menghitungnya sebagai "
            "informasi yang belum diserahkan — catat penyerahan yang tanggalnya diketahui dengan "
            "ppidctl permohonan selesai NOMOR --tanggal YYYY-MM-DD"
        )


def _check_requests(ws: Workspace, p: Plan) -> None:
    """A warning (never a refusal: legacy books are what they are) for objections that refer to
    a request the request register does not hold; ``ppidctl periksa`` lists them too."""
    known = {r["nomor_registrasi"] for r in ws.read("permohonan").rows}
    missing = [
        b
        for b in p.impor
        if b.nilai.get("nomor_permohonan") and b.nilai["nomor_permohonan"] not in known
    ]
    if missing:
        b = missing[0]
        p.peringatan.append(
            f"{len(missing)} keberatan merujuk nomor permohonan yang tidak ada di register "
            f"permohonan (mis. baris {b.baris}: {b.nilai['nomor_permohonan']}); impor register "
            "permohonan lebih dahulu bila ada, lalu periksa dengan: ppidctl periksa"
        )


def apply(ws: Workspace, p: Plan, *, lewati: bool = False, petugas: str = "") -> Result:
    """Import the plan's good rows in one transaction.

    Under the lock the plan is resolved again when the register is no longer the one it was
    resolved against (another desk registered a request since). Without ``lewati`` any
    refused row raises :class:`ImporDitolak` (every problem listed) and nothing is written; with
    it the good rows are imported and the refused ones written to a rejects file."""
    register = p.register
    if p.ditolak and not lewati and _sha_now(ws, register) == p.register_sha256:
        raise ImporDitolak(p)  # the register is as planned: refused without taking the lock
    with _gc_paused(), ws.transaction("impor", petugas) as tx:
        table = tx.table(register)
        if table.sha256_as_read() != p.register_sha256:
            _resolve(ws, p, table.rows)
            p.register_sha256 = table.sha256_as_read()
        ditolak = p.ditolak
        if ditolak and not lewati:
            raise ImporDitolak(p)
        same = None
        if ditolak:
            data = rejects_csv(p)
            stem = rejects_stem(p.berkas.stem)
            same = _same_rejects(ws.root / "impor", stem, data)
            if same is None:  # (a re-run refusing the same rows adds no second copy)
                stamp = ws.now().strftime("%Y%m%d-%H%M%S")
                tx.add_file(ws.root / "impor" / f"tolak-{stem}-{stamp}.csv", data)
        diimpor = [b for b in p.baris if b.tindakan == IMPOR]
        stored = tx.append_many(
            register,
            [b.simpan() for b in diimpor],
            p.berkas.name,
            [[b.lembar, b.baris] for b in diimpor],
        )
        for b, row in zip(diimpor, stored, strict=True):
            b.nilai = row  # the stored row replaces the plan's copy: one dict per row, not two
        held = p.tahan
        if held:  # retired as deleted numbers are: catat never gives them (rules.md §6)
            tx.retiring.setdefault(register, set()).update(held)
        taken = {b.nomor for b in diimpor if b.nomor} & p.ditahan  # (used now: held no more)
        # a short last line (the next command reads the journal's last line); also when only a
        # rejects file is new: every file a command writes is named in the journal
        if diimpor or tx.files or held:
            if not diimpor:  # (a line on the register: refused while its last one is unapplied)
                tx.attest(register)
            extra: dict[str, Any] = {"nomor_ditahan": {register: sorted(held)}} if held else {}
            if taken:
                extra["nomor_ditahan_dipakai"] = {register: sorted(taken)}
            tx.log(register, "", "impor", {}, sumber={"berkas": p.berkas.name},
                   jumlah=p.jumlah(), **extra)  # fmt: skip
    written = tx.written[0] if tx.written else same
    return Result(
        register,
        diimpor,
        len(p.sudah_ada),
        ditolak,
        written.relative_to(ws.root).as_posix() if written else None,
        p.jumlah(),
    )


def _sha_now(ws: Workspace, register: str) -> str:
    """SHA-256 of the register file as it is now ("" when none; see Table.sha256_as_read)."""
    try:
        data = ws.register_path(register).read_bytes()
    except FileNotFoundError:
        return ""
    return journal.sha256_bytes(data) if data else ""


@contextmanager
def _gc_paused():
    """No cyclic garbage collection during a bulk import: the plan's tens of thousands of live
    dicts would otherwise be re-scanned by every full collection (measured: half the time of a
    50,000-row import). Nothing made here forms reference cycles worth collecting early."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def rejects_stem(stem: str) -> str:
    """The source's name in its rejects file's, cut to 60 characters: an office's long file
    name ("Register Permohonan Informasi Publik PPID … 2019-2024 (revisi akhir)") plus the
    stamp and the temp suffix went past the file-name limit (Windows: the 260-character path
    sooner), and the import failed with no word about the name."""
    return stem[:60].rstrip(" .-_") or "impor"


def _same_rejects(folder: Path, stem: str, data: bytes) -> Path | None:
    """An earlier rejects file of this source with exactly these bytes, if any."""
    found = folder.glob(f"tolak-{glob.escape(stem)}-*.csv") if folder.is_dir() else ()
    for path in sorted(found):
        try:
            if path.stat().st_size == len(data) and path.read_bytes() == data:
                return path
        except OSError:
            continue
    return None


def rejects_csv(p: Plan) -> bytes:
    """The rejects file: the refused rows' cells as read, then sheet, row and reasons."""
    header: list[str] = []
    index: dict[str, int] = {}
    per_table: list[list[int]] = []
    for t in p.tabel:
        positions = []
        seen: dict[str, int] = {}
        for name in t.header_mentah:
            seen[name] = seen.get(name, 0) + 1
            label = name if seen[name] == 1 else f"{name} ({seen[name]})"
            if label not in index:
                index[label] = len(header)
                header.append(label)
            positions.append(index[label])
        per_table.append(positions)
    rows = p.ditolak
    for b in rows:
        for h in b.ekstra or ():
            if h not in index:
                index[h] = len(header)
                header.append(h)
    out = io.StringIO(newline="")
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow([*header, *REJECT_COLUMNS])
    for b in rows:
        cells = [""] * len(header)
        for pos, x in zip(per_table[b.tabel], b.sel, strict=False):
            cells[pos] = x if type(x) is str else teks_sel(x)
        for h, x in (b.ekstra or {}).items():
            cells[index[h]] = x
        reasons = "; ".join(_reason(m) for m in b.masalah)
        # (opened in Excel to be corrected: a text cell "=HYPERLINK(…&D2)" must stay text; the
        # guard's apostrophe is dropped again when the corrected file is imported)
        w.writerow([*map(csv_safe, cells), b.lembar, b.baris, reasons])
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def _reason(m: Masalah) -> str:
    return f"kolom {m.kolom}: {m.pesan}" if m.kolom else m.pesan
