"""The report objects behind ``ppidctl laporan``: daily, monthly and annual figures.

``daily(ws, tanggal)``, ``monthly(ws, "2026-03")`` and ``annual(ws, 2026)`` return a
:class:`Laporan`: key figures (``ringkasan``), a list of :class:`Tabel` (what the terminal, CSV,
JSON, XLSX and DOCX outputs show), method notes, and the detail rows of the period. ``monthly``
and ``annual`` also take a list of workspaces: the offices' registers are combined (each counted
on its own working-day calendar) and a per-office table is added.

What is counted (also written into every report as ``catatan``):

- "diterima" counts by receipt date; decisions (the written notification), deliveries,
  extensions, objection responses and disputes count by the date they happened, so the figures
  of twelve months add up to the year's;
- durations are working days from the receipt date (day 0) to the written notification
  (``tanggal_pemberitahuan``: "waktu sampai pemberitahuan") and to the delivery of the information
  (``tanggal_selesai``: "waktu sampai informasi diserahkan"; only for information given);
- "terbuka" cases at the period end: received by then, with no notification (requests) or
  no response (objections) by then, and not closed by then; their deadline is recomputed from
  the stored facts. For a period that has not ended yet (this month, this year) "the period
  end" is today: the report says so (``Laporan.per``, a note, the table titles).

Open cases are counted as they stood at that date, not as they stand now (the daily page of a
past day, ``daily(ws, "2026-03-17")``, and the monthly and annual reports of an earlier period
alike): the deadline counts an extension only once it was granted, and the status is rebuilt
from the step dates the register keeps (``diteruskan_pada``, ``diperpanjang_pada``,
``tanggal_pemberitahuan``, ``pleno_pada``, ``tanggal_tanggapan``, ``disampaikan_pada``,
``tanggapan_pemohon_pada``; see :func:`_status_on`). A case none of whose dated steps lies after
that day keeps its current status (so today's page shows the register's status, also for imported rows
without step dates); a case that moved on later (decided, responded to, went to the Komisi
Informasi) shows ``terdaftar`` or the last step dated on or before that day — a step with no date
counts as not yet taken. The detail rows of every report (``Laporan.detail``: the cases received
in the period, the XLSX detail sheets) show each case as it stood that day too (:func:`_as_of`):
that status, and the steps dated after that day blank, with what they recorded (decision,
response, durations).

Everything is computed over whole columns (numpy/pandas): a 100,000-row register takes well
under a second after reading.

Also here, for the report files (registerbook, xlsx, docx, the terminal): how a figure and a day
are written (:func:`nilai_teks`, :func:`tanggal_hari`; ``tanggal_panjang`` and ``BULAN`` passed
on from :mod:`ppidctl.letters.fmt`) and which columns are for scripts only (:data:`KOLOM_SKRIP`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .. import schema
from ..errors import PpidError, RuleError, UsageError
from ..letters.fmt import BULAN, HARI, LABEL, tanggal_panjang
from ..rules.validation import dasar_pasal_17
from ..rules.validation import tanggal as parse_day
from ..services.common import KAPAN_SAJA, order_day, orders_given
from .data import load_frame
from .privacy import mask
from .workdays import WorkdayCounter

if TYPE_CHECKING:
    from ..workspace import Workspace

__all__ = ["Laporan", "Tabel", "Office", "load_office", "daily", "monthly", "annual"]

GIVEN = schema.GIVEN
OPEN_P, OPEN_K = schema.OPEN["permohonan"], schema.OPEN["keberatan"]

PERM_COLS = [
    "nomor_registrasi",
    "tanggal_diterima",
    "saluran",
    "jenis_pemohon",
    "nama_pemohon",
    "alamat",
    "pekerjaan",
    "informasi_diminta",
    "tahapan",
    "status",
    "diteruskan_pada",
    "diperpanjang_pada",
    "keputusan",
    "alasan_penolakan",
    "tanggal_pemberitahuan",
    "tanggal_selesai",
    "dibayar_pada",
    "siap_pada",
    "terlambat",
    "catatan",
]
KEB_COLS = [
    "nomor_registrasi",
    "tanggal_diterima",
    "nomor_permohonan",
    "nama_pemohon",
    "alamat",
    "alasan",
    "tahapan",
    "status",
    "diteruskan_pada",
    "pleno_pada",
    "keputusan_atasan",
    "tanggal_tanggapan",
    "disampaikan_pada",
    "tanggapan_pemohon",
    "tanggapan_pemohon_pada",
    "saluran",
    "nomor_sengketa",
    "putusan_sengketa",
    "tanggal_putusan_sengketa",
]

#: The steps of a case after ``terdaftar`` that set its status, each with the column dating it,
#: in procedure order; and every dated step of the register, in procedure order, with the
#: columns the step filled in. A past day's status is rebuilt from them (:func:`_status_on`),
#: and a case as it stood that day (:func:`_as_of`) has the later steps blank.
STEPS_P = (("diteruskan", "diteruskan_pada"), ("diperpanjang", "diperpanjang_pada"),
           ("diputuskan", "tanggal_pemberitahuan"))  # fmt: skip
STEPS_K = (("diteruskan", "diteruskan_pada"), ("pleno", "pleno_pada"),
           ("ditanggapi", "tanggal_tanggapan"), ("disampaikan", "disampaikan_pada"),
           (None, "tanggapan_pemohon_pada"))  # fmt: skip
DATED_P: dict[str, tuple[str, ...]] = {
    "diteruskan_pada": ("hk_teruskan",),
    "diperpanjang_pada": (),
    "tanggal_pemberitahuan": ("keputusan", "alasan_penolakan", "terlambat", "hk_pemberitahuan"),
    "tanggal_selesai": ("hk_penyerahan",),
}
DATED_K: dict[str, tuple[str, ...]] = {
    "diteruskan_pada": ("hk_teruskan",),
    "pleno_pada": ("hk_draf",),
    "tanggal_tanggapan": ("keputusan_atasan", "hk_tanggapan"),
    "disampaikan_pada": ("hk_sampaikan",),
    "tanggapan_pemohon_pada": ("tanggapan_pemohon",),
}

#: the letters' words for channels and kinds of requester (one table: they had drifted)
LABEL_SALURAN = LABEL["saluran"]
LABEL_JENIS_PEMOHON = LABEL["jenis_pemohon"]
#: a decision in a report's table: shorter than the letters' sentence for it
LABEL_KEPUTUSAN = {
    "diberikan": "Diberikan seluruhnya",
    "diberikan-sebagian": "Diberikan sebagian",
    "ditolak": "Ditolak (informasi dikecualikan)",
    "tidak-dikuasai": "Tidak dikuasai",
    "belum-didokumentasikan": "Belum didokumentasikan",
}
#: Objection reasons, UU 14/2008 Pasal 35(1) (rules.md §2).
LABEL_ALASAN = {
    "a": "a. Penolakan atas dasar pengecualian (Pasal 17)",
    "b": "b. Informasi berkala tidak disediakan",
    "c": "c. Permintaan informasi tidak ditanggapi",
    "d": "d. Ditanggapi tidak sebagaimana diminta",
    "e": "e. Permintaan informasi tidak dipenuhi",
    "f": "f. Biaya yang tidak wajar",
    "g": "g. Informasi disampaikan melebihi waktu",
}
#: The Atasan PPID's decision on an objection (also the register book's column): the letters'
#: words for it, one table
LABEL_KEPUTUSAN_ATASAN = LABEL["keputusan_atasan"]
KOSONG = "(tidak diisi)"


# --------------------------------------------------------------------------- the report object


#: columns of a table that are for scripts (JSON, CSV), left out of the DOCX and XLSX files: a
#: dispute outcome's code beside its text
KOLOM_SKRIP = ("kode_putusan",)

#: the rows of the daily page's case tables are named by the registration number
KASUS = ("nomor_registrasi",)


@dataclass
class Tabel:
    """One table of a report: ``kolom`` = (key, label); the first column labels the rows.

    ``kunci_baris``: the field(s) of a row that name it for scripts (the long form's ``baris``,
    several joined by ``#``): ``kunci``, a category's ``kode``, a month, an office, a case's
    registration number. ``label``: the first column is text for people (left out of the long
    form); the daily case tables have none.
    """

    key: str
    judul: str
    kolom: list[tuple[str, str]]
    baris: list[dict[str, Any]]
    catatan: str = ""
    kunci_baris: str | tuple[str, ...] = "kunci"
    label: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "judul": self.judul,
            "kolom": [{"kunci": k, "label": label} for k, label in self.kolom],
            "baris": self.baris,
            "catatan": self.catatan,  # ("" when none: every table has the same keys)
        }

    def frame(self) -> pd.DataFrame:
        """The table as a DataFrame (columns = keys)."""
        return pd.DataFrame(self.baris, columns=[k for k, _ in self.kolom])

    def row_key(self, row: dict[str, Any]) -> str:
        """The name of ``row`` for scripts (the long form's ``baris``)."""
        fields = (self.kunci_baris,) if isinstance(self.kunci_baris, str) else self.kunci_baris
        return "#".join(str(row.get(f, "")) for f in fields)

    def value_keys(self) -> list[str]:
        """The columns of the long form: every column but the row's name and its label."""
        fields = (self.kunci_baris,) if isinstance(self.kunci_baris, str) else self.kunci_baris
        keys = [k for k, _ in self.kolom[1:]] if self.label else [k for k, _ in self.kolom]
        return [k for k in keys if k not in fields]


@dataclass
class Laporan:
    """A report: the figures, the tables, the method notes and the period's detail rows."""

    jenis: str  # "harian" | "bulanan" | "tahunan"
    judul: str
    mulai: date
    sampai: date
    kantor: list[str]
    ringkasan: dict[str, Any]
    tabel: list[Tabel]
    catatan: list[str] = field(default_factory=list)
    #: register → DataFrame of the period's rows (not masked: the writers mask them)
    detail: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)
    #: settings of the issuing office (instansi, ppid, atasan_ppid, laporan)
    instansi: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False)
    dibuat: str = ""
    workspaces: list[Any] = field(default_factory=list, repr=False)
    #: the annual report's due date (ISO; "" for the other reports)
    batas_penyampaian: str = ""
    #: the day the open cases are counted at: the period end, or today while it runs
    per: date | None = None
    #: register → the note on its steps held without a date (see _undated; also in catatan)
    tanpa_tanggal: dict[str, str] = field(default_factory=dict)
    #: what the reader must know about the figures: a register changed outside ppidctl and not
    #: yet accepted (the command line prints the same on stderr)
    peringatan: list[str] = field(default_factory=list)

    def __getitem__(self, key: str) -> Tabel:
        for t in self.tabel:
            if t.key == key:
                return t
        raise KeyError(key)

    def __contains__(self, key: str) -> bool:
        return any(t.key == key for t in self.tabel)

    @property
    def periode(self) -> str:
        """The period in words: "Maret 2026", "Tahun 2026", "Selasa, 10 Maret 2026"."""
        if self.jenis == "tahunan":
            return f"Tahun {self.mulai.year}"
        if self.jenis == "bulanan":
            return f"{BULAN[self.mulai.month - 1]} {self.mulai.year}"
        return tanggal_hari(self.mulai)

    @property
    def berjalan(self) -> str:
        """Empty for a period that had ended when the report was made; else the day its open
        cases are counted at (a report made on the period's last day lacks the rest of it)."""
        if self.per is None or self.jenis == "harian" or self.dibuat[:10] > self.sampai.isoformat():
            return ""
        return f"belum berakhir: perkara terbuka per {tanggal_panjang(self.per)}"

    def to_dict(self) -> dict[str, Any]:
        """One JSON-ready document."""
        return {
            "jenis": self.jenis,
            "judul": self.judul,
            "periode": {"mulai": self.mulai.isoformat(), "sampai": self.sampai.isoformat()},
            "terbuka_per": (self.per or self.sampai).isoformat(),
            "kantor": self.kantor,
            "dibuat": self.dibuat,
            "ringkasan": self.ringkasan,
            "tabel": {t.key: t.to_dict() for t in self.tabel},
            "catatan": self.catatan,
            "batas_penyampaian": self.batas_penyampaian or None,  # (annual report only)
            "peringatan": self.peringatan,
        }

    def to_records(self) -> list[dict[str, Any]]:
        """Every value of every table in long form (for CSV): ``bagian`` (the table's key),
        ``baris`` (the row's name, :meth:`Tabel.row_key`), ``kolom`` (the column's key),
        ``nilai`` — the keys of the JSON document, so (bagian, baris, kolom) is unique."""
        out = []
        for t in self.tabel:
            keys = t.value_keys()
            for row in t.baris:
                name = t.row_key(row)
                for key in keys:
                    out.append({"bagian": t.key, "baris": name, "kolom": key,
                                "nilai": row.get(key)})  # fmt: skip
        return out


def tanggal_hari(d: date) -> str:
    return f"{HARI[d.weekday()]}, {tanggal_panjang(d)}"


def nilai_teks(value: Any) -> str:
    """A report figure as Indonesians write it: ``1.234`` (thousands), ``3,5`` (decimal),
    ``–`` for none. JSON, CSV and XLSX keep the numbers themselves."""
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.1f}".replace(",", "_").replace(".", ",").replace("_", ".")
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}".replace(",", ".")
    return str(value)


# --------------------------------------------------------------------------- loading an office


@dataclass
class Office:
    """One office's registers, loaded and with working-day durations and deadlines added."""

    nama: str
    ws: Any
    permohonan: pd.DataFrame
    keberatan: pd.DataFrame


def _service_days(wd: WorkdayCounter, P: pd.DataFrame, recv: np.ndarray) -> np.ndarray:
    """Working days from receipt to the handover less the requester's waiting, where the desk
    recorded it (rules.md §7; ``permohonan selesai --dibayar/--siap``): from the notification
    until the fee was paid, when the information was ready after that; after it was ready."""
    d = wd.days
    end = d(P["tanggal_selesai"])
    ready, paid = d(P["siap_pada"]), d(P["dibayar_pada"])
    if not np.isnat(ready).all():  # (most offices record no wait: nothing more to count)
        end = np.where(np.isnat(ready), end, ready)
    served = wd.between(recv, end, step=True)
    if np.isnat(paid).all():
        return served
    # from the notification's working day, as its own count ends (one on a Saturday counts on
    # Monday: the wait started there — sesi32c M1)
    wait = wd.between(recv, paid) - wd.between(recv, d(P["tanggal_pemberitahuan"]), step=True)
    return served - np.where(np.isnan(wait) | (paid > end), 0, np.maximum(wait, 0))


def load_office(ws: Workspace, nama: str | None = None) -> Office:
    """Load both registers of ``ws`` and add, per row, counted on the office's own calendar:

    permohonan: ``hk_pemberitahuan``, ``hk_penyerahan``, ``hk_teruskan`` (working days from
    receipt; the first two, and ``hk_tanggapan``, measured against statutory deadlines, count a
    step taken on a day off on the next working day, as the late flag does: see
    ``WorkdayCounter.between``), ``batas_awal`` / ``batas_akhir`` (deadline without / with the
    extension);
    keberatan: ``hk_tanggapan``, ``hk_teruskan``, ``hk_draf`` (forwarded → plenary),
    ``hk_sampaikan`` (response → delivered), ``batas_hk`` and ``batas`` (response deadline).
    """
    ws.refresh()  # (a script's Workspace: the calendar and settings as they are now)
    nama = nama or str(ws.settings.get("instansi", "nama_singkat"))
    wd = WorkdayCounter(ws.calendar)
    t = ws.settings.tenggat
    P = load_frame(ws, "permohonan", PERM_COLS)
    d = wd.days  # (each date column as numpy days once: a merged report loads 100 registers)
    recv = d(P["tanggal_diterima"])
    stage = (P["tahapan"] != "").to_numpy()
    base = np.where(stage, t("permohonan_tahapan"), t("permohonan"))
    ext = np.where(stage, t("perpanjangan_tahapan"), t("perpanjangan"))
    # from receipt, the delivery of what the PPID's decision gave; a refused request's
    # information given later on an order is measured from that order (below: review bukti M6
    # — 79 HK "since receipt" for a refusal in 5 and a delivery 5 after the ruling)
    given = P["keputusan"].isin(schema.GIVEN).to_numpy()
    P = P.assign(  # (one insert, not six)
        hk_pemberitahuan=wd.between(recv, d(P["tanggal_pemberitahuan"]), step=True),
        hk_penyerahan=np.where(given, _service_days(wd, P, recv), np.nan),
        hk_teruskan=wd.between(recv, d(P["diteruskan_pada"])),
        batas_awal=pd.to_datetime(wd.add(recv, base)),
        batas_akhir=pd.to_datetime(wd.add(recv, base + ext)),
        kantor=nama,
    )

    K = load_frame(ws, "keberatan", KEB_COLS)
    krecv, kteruskan, ktanggapan = (
        d(K[k]) for k in ("tanggal_diterima", "diteruskan_pada", "tanggal_tanggapan")
    )
    kstage = (K["tahapan"] != "").to_numpy()
    batas_hk = np.where(kstage, t("tanggapan_keberatan_tahapan"), t("tanggapan_keberatan")).astype(
        np.int64
    )
    K = K.assign(
        hk_tanggapan=wd.between(krecv, ktanggapan, step=True),
        hk_teruskan=wd.between(krecv, kteruskan),
        hk_draf=wd.between(kteruskan, d(K["pleno_pada"])),
        hk_sampaikan=wd.between(ktanggapan, d(K["disampaikan_pada"])),
        batas_hk=batas_hk,
        batas=pd.to_datetime(wd.add(krecv, batas_hk)),
        kantor=nama,
    )
    # an objection the Atasan PPID granted orders the information given, also on a request a
    # refusal closed: per request, each order's response day and the day it was carried out
    # (services.common.orders_given, the rule permohonan selesai and jatuh-tempo follow)
    P["perintah"] = _orders(P, K)
    # the first order carried out on a day known (a legacy delivery undated: KAPAN_SAJA) —
    # its day, and the working days from the order to it
    # — not the giving decision's own delivery, timed from receipt above (review sesi30 L2)
    own = np.where(given, d(P["tanggal_selesai"]), _NAT)
    ordered = np.full(len(P), _NAT)
    carried = np.full(len(P), _NAT)
    perintah = P["perintah"].tolist()
    for i in [i for i, orders in enumerate(perintah) if orders]:  # (few: a merged report's
        # 100,000 rows looked at one by one cost it 6 %)
        for o, day in perintah[i]:
            if day > _KAPAN_SAJA and day != own[i]:
                ordered[i], carried[i] = o, day
                break
    P = P.assign(
        serah_perintah=pd.to_datetime(carried),
        hk_serah_perintah=wd.between(ordered, carried, step=True),
    )
    return Office(nama, ws, P, K)


_NAT = np.datetime64("NaT", "D")
_KAPAN_SAJA = np.datetime64(KAPAN_SAJA, "D")


def _orders(P: pd.DataFrame, K: pd.DataFrame) -> list[tuple]:
    """Per request row: ((response day, day carried out or NaT), …) of the orders to give the
    information (few: only the requests with a granted objection are looked at)."""
    out: list[tuple] = [()] * len(P)
    granted = K[
        (K["keputusan_atasan"] == "diterima")
        | K["putusan_sengketa"].isin(schema.PUTUSAN_PERINTAH_SERAH)
    ]
    if granted.empty:
        return out
    iso = _iso_rows  # (the rule reads stored text, as the register holds it)
    by_request: dict[str, list[dict[str, str]]] = {}
    for k in iso(granted, ("nomor_registrasi", "nomor_permohonan", "keputusan_atasan", "alasan",
                           "tanggal_diterima", "tanggal_tanggapan", "putusan_sengketa",
                           "tanggal_putusan_sengketa")):  # fmt: skip
        by_request.setdefault(k["nomor_permohonan"], []).append(k)
    hit = P["nomor_registrasi"].isin(by_request.keys()).to_numpy()
    idx = np.flatnonzero(hit)
    rows = iso(P.iloc[idx], ("nomor_registrasi", "catatan", "keputusan", "tanggal_selesai"))
    for i, row in zip(idx, rows, strict=True):
        out[i] = tuple(  # (an order an old book left undated is owed from the objection's
            # receipt, as jatuh-tempo lists it owed: the response came no earlier)
            (
                np.datetime64(order_day(k) or k["tanggal_diterima"] or KAPAN_SAJA, "D"),
                np.datetime64(day or "NaT", "D"),
            )
            for k, day in orders_given(row, by_request[row["nomor_registrasi"]])
        )
    return out


def _iso_rows(frame: pd.DataFrame, keys: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of a typed frame as the register stores them: text, dates as YYYY-MM-DD."""
    cols = {}
    for k in keys:
        col = frame[k]
        if pd.api.types.is_datetime64_any_dtype(col):
            col = col.dt.strftime("%Y-%m-%d").fillna("")
        cols[k] = col.fillna("").astype(str).tolist()
    return [dict(zip(keys, vals, strict=True)) for vals in zip(*cols.values(), strict=True)]


def _offices(sources: Workspace | Sequence[Workspace]) -> list[Office]:
    wss = [sources] if not isinstance(sources, (list, tuple)) else list(sources)
    if not wss:
        raise RuleError("tidak ada workspace untuk dilaporkan", "sebutkan folder workspace")
    out: list[Office] = []
    seen: dict[str, int] = {}
    for ws in wss:
        try:
            nama = str(ws.settings.get("instansi", "nama_singkat"))
            seen[nama] = seen.get(nama, 0) + 1
            out.append(load_office(ws, nama if seen[nama] == 1 else f"{nama} ({seen[nama]})"))
        except PpidError as e:
            raise in_folder(e, ws.root) if len(wss) > 1 else e from None
    return out


def in_folder(e: PpidError, root: Path) -> PpidError:
    """``e`` about one of several merged offices, naming its folder — and its advice run there
    (review gabung L1: "permohonan.xlsx: bukan berkas XLSX yang sah" of which of ten?)."""
    saran = e.saran.replace("ppidctl ", f"ppidctl -C {root} ")  # (every one: sesi32e N4)
    return type(e)(f"{root}: {e.pesan}", saran)


class _View:
    """numpy arrays of a frame's columns, converted once."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame
        self._cache: dict[str, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self.frame)

    def d(self, key: str) -> np.ndarray:
        if key not in self._cache:
            self._cache[key] = self.frame[key].to_numpy().astype("datetime64[D]")
        return self._cache[key]

    def s(self, key: str) -> np.ndarray:
        if key not in self._cache:
            self._cache[key] = self.frame[key].to_numpy(dtype=object)
        return self._cache[key]

    def x(self, key: str) -> np.ndarray:
        if key not in self._cache:
            self._cache[key] = self.frame[key].to_numpy(dtype=float)
        return self._cache[key]

    def has(self, key: str) -> np.ndarray:
        """Where an object column holds a non-empty value (a tuple of orders)."""
        k = f"{key}\x00?"
        if k not in self._cache:
            self._cache[k] = np.fromiter((bool(v) for v in self.s(key)), bool, len(self))
        return self._cache[k]

    def eq(self, key: str, value: str) -> np.ndarray:
        """``column == value``, computed once (the per-office table asks for it per office)."""
        k = f"{key}\x00{value}"
        if k not in self._cache:
            self._cache[k] = self.s(key) == value
        return self._cache[k]


def _disputes(K: _View, m) -> Tabel:
    """The disputes taken to the Komisi Informasi or settled there in the period, or still
    running there from before it, each with its outcome as it stood on the report's day (``keberatan putusan-sengketa``; rules.md §7). With
    several offices each row names its office (numbers may repeat across offices)."""
    filed = m.k_sikap & K.eq("tanggapan_pemohon", "sengketa")
    # (also one still running from an earlier period: the KI's case goes on)
    rows_i = np.flatnonzero(filed | m.k_putusan_sengketa | m.k_sengketa_berjalan)
    nomor, ki, kode = K.s("nomor_registrasi"), K.s("nomor_sengketa"), K.s("putusan_sengketa")
    diajukan, diputus = K.d("tanggapan_pemohon_pada"), K.d("tanggal_putusan_sengketa")
    kantor = K.s("kantor")
    several = len(set(kantor)) > 1

    def day(value: np.datetime64) -> str | None:
        return None if np.isnat(value) else str(value)

    rows = []
    for i in rows_i:
        known = bool(m.k_putusan_diketahui[i])
        rows.append(
            {
                **({"kantor": kantor[i]} if several else {}),
                "nomor_registrasi": nomor[i],
                "diajukan": day(diajukan[i]),
                "nomor_sengketa": ki[i] or None,
                "putusan": schema.PUTUSAN_SENGKETA_TEKS[kode[i]] if known else "belum diputus",
                "kode_putusan": kode[i] if known else None,
                "tanggal_putusan": day(diputus[i]) if known else None,
            }
        )
    undecided = sum(1 for r in rows if r["kode_putusan"] is None)
    earlier = _n(m.k_sengketa_berjalan & ~filed)
    notes = [
        *([f"Termasuk {earlier} sengketa yang diajukan sebelum periode ini."] if earlier else []),
        *([f"{undecided} sengketa belum tercatat putusannya."] if undecided else []),
    ]
    return Tabel(
        "sengketa",
        "Sengketa informasi ke Komisi Informasi dan putusannya",
        [
            *([("kantor", "Kantor")] if several else []),
            ("nomor_registrasi", "Keberatan"),
            ("diajukan", "Diajukan"),
            ("nomor_sengketa", "Nomor register KI"),
            ("putusan", "Putusan"),
            ("kode_putusan", "Kode"),
            ("tanggal_putusan", "Tanggal putusan"),
        ],
        rows,
        catatan=" ".join(notes),
        kunci_baris=("kantor", "nomor_registrasi") if several else "nomor_registrasi",
        label=False,
    )


def _combine(offices: list[Office], register: str) -> _View:
    frames = [getattr(o, register) for o in offices]
    frame = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    return _View(frame)


# --------------------------------------------------------------------------- small helpers


def _d64(d: date) -> np.datetime64:
    return np.datetime64(d.isoformat(), "D")


def _in(a: np.ndarray, lo: np.datetime64, hi: np.datetime64) -> np.ndarray:
    return (a >= lo) & (a <= hi)  # NaT compares False


def _n(mask: np.ndarray) -> int:
    return int(np.count_nonzero(mask))


def _pct(part: int, whole: int) -> float | None:
    """A share in percent; None (printed "–", JSON null) when there is nothing to measure:
    "0,0 %" of nothing read as no compliance at all."""
    return round(100.0 * part / whole, 1) if whole else None


def _stage_note(n: int, t) -> str:
    """The request-time table counts against the general limits (10 and 17 working days); the
    decided requests about an ongoing election stage, whose own limits are shorter, are told
    with where their lateness is judged."""
    if not n:
        return ""
    return (
        f" Termasuk {n} permohonan tahapan pemilu yang sedang berjalan (tenggat "
        f"{t('permohonan_tahapan')} hari kerja, perpanjangan {t('perpanjangan_tahapan')}): kolom "
        "≤ HK memakai tenggat umum; ketepatan waktunya menurut tenggatnya sendiri dihitung di "
        "'Pemberitahuan tertulis terlambat'."
    )


def _stats(values: np.ndarray, limits: Sequence[tuple[str, int]] = ()) -> dict[str, Any]:
    """jumlah, median, rata_rata, maksimum, and for each limit: count and % within it."""
    v = values[~np.isnan(values)]
    out: dict[str, Any] = {
        "jumlah": int(v.size),
        "median": float(np.median(v)) if v.size else None,
        "rata_rata": round(float(v.mean()), 1) if v.size else None,
        "maksimum": int(v.max()) if v.size else None,
    }
    for key, limit in limits:
        within = int(np.count_nonzero(v <= limit))
        out[key] = within
        out[f"persen_{key}"] = _pct(within, int(v.size))
    return out


def _iso(a: np.datetime64) -> str:
    return "" if np.isnat(a) else str(a.astype("datetime64[D]"))


def _category_rows(values: np.ndarray, labels: dict[str, str] | None) -> list[dict[str, Any]]:
    """Counts per value: the choices in ``labels`` first (also when 0), then the rest by count.
    Without ``labels`` (free text such as the occupation) values are grouped ignoring case and
    spacing, under their most frequent spelling."""
    total = int(values.size)
    counts = pd.Series(values, dtype=object).value_counts(sort=False) if total else pd.Series()
    found: dict[str, int] = {}
    spelling: dict[str, tuple[int, str]] = {}
    for value, n in counts.items():
        text = " ".join(str(value).split())
        key = text if labels is not None else text.casefold()
        found[key] = found.get(key, 0) + int(n)
        if labels is None and (key not in spelling or spelling[key][0] < n):
            spelling[key] = (int(n), text)
    rows = []
    for code, label in (labels or {}).items():
        n = found.pop(code, 0)
        rows.append({"kategori": label, "kode": code, "jumlah": n, "persen": _pct(n, total)})
    for key, n in sorted(found.items(), key=lambda p: (-p[1], p[0])):
        code = spelling[key][1] if labels is None else key
        rows.append(
            {"kategori": code or KOSONG, "kode": code, "jumlah": n, "persen": _pct(n, total)}
        )
    return rows


KOLOM_KATEGORI = [("kategori", "Kategori"), ("jumlah", "Jumlah"), ("persen", "%")]


# --------------------------------------------------------------------------- period figures


@dataclass
class _Masks:
    """Which rows take part in what, for one period [lo, hi]."""

    diterima: np.ndarray
    diputuskan: np.ndarray
    diserahkan: np.ndarray
    diserahkan_perintah: np.ndarray  # a first delivery on an order (load_office)
    diperpanjang: np.ndarray
    diteruskan: np.ndarray
    terbuka: np.ndarray
    terbuka_lewat: np.ndarray
    menunggu_penyerahan: np.ndarray
    tak_diputuskan: np.ndarray  # notification deadline lapsed in the period with no notification
    k_diterima: np.ndarray
    k_ditanggapi: np.ndarray
    k_diteruskan: np.ndarray
    k_pleno: np.ndarray
    k_disampaikan: np.ndarray
    k_sikap: np.ndarray
    k_terbuka: np.ndarray
    k_terbuka_lewat: np.ndarray
    k_putusan_sengketa: np.ndarray  # disputes the Komisi Informasi settled in the period
    k_putusan_diketahui: np.ndarray  # a dispute's outcome recorded as settled by the cut-off day
    k_tak_ditanggapi: np.ndarray  # response deadline lapsed in the period with no response
    k_sengketa_berjalan: np.ndarray  # taken to the KI before the period, not settled by its start


def _masks(
    P: _View, K: _View, lo: np.datetime64, hi: np.datetime64, at: np.datetime64 | None = None
) -> _Masks:
    """Events dated in [lo, hi]; cases open at the end of day ``at`` (default ``hi``; today
    for a period still running), with their status as it stood then (:func:`_status_on`): a
    case closed later (decided, responded to, taken to the Komisi Informasi) was open at
    ``at``; one closed without a date is closed."""
    at = hi if at is None else at
    recv = P.d("tanggal_diterima")
    notif = P.d("tanggal_pemberitahuan")
    done = P.d("tanggal_selesai")
    status = _status_on(P, at, STEPS_P, DATED_P)
    ext = P.d("diperpanjang_pada")
    closed_undated = np.isnat(notif) & ~np.isin(status, OPEN_P) & (status != "")
    open_ = (recv <= at) & ~(notif <= at) & ~closed_undated
    due = np.where(ext <= at, P.d("batas_akhir"), P.d("batas_awal"))
    given = np.isin(P.s("keputusan"), GIVEN)
    waiting = given & (notif <= at) & ~(done <= at) & ~(np.isnat(done) & (status == "selesai"))
    for i in np.flatnonzero(P.has("perintah") & ~open_):  # (an order to give, owed at ``at``;
        # a request still undecided is counted so, once, as jatuh-tempo lists it — setahun F3)
        waiting[i] |= any(o <= at and not day <= at for o, day in P.s("perintah")[i])

    krecv = K.d("tanggal_diterima")
    resp = K.d("tanggal_tanggapan")
    kstatus = _status_on(K, at, STEPS_K, DATED_K)
    # closed by then with no response by then: a dispute on a lapsed deadline (a response given
    # after it does not reopen it — sengketa F6), or an old book's case with undated steps
    k_closed_unanswered = ~(resp <= at) & ~np.isin(kstatus, OPEN_K) & (kstatus != "")
    k_open = (krecv <= at) & ~(resp <= at) & ~k_closed_unanswered
    return _Masks(
        diterima=_in(recv, lo, hi),
        diputuskan=_in(notif, lo, hi),
        diserahkan=_in(done, lo, hi),
        diserahkan_perintah=_in(P.d("serah_perintah"), lo, hi),
        diperpanjang=_in(ext, lo, hi),
        diteruskan=_in(P.d("diteruskan_pada"), lo, hi),
        terbuka=open_,
        terbuka_lewat=open_ & (due < at),
        menunggu_penyerahan=waiting,
        # as k_tak_ditanggapi: a request left unanswered misses its deadline in the period the
        # deadline lapsed; a notification given late after all counts, late, in its own period
        tak_diputuskan=_in(lapse := due + np.timedelta64(1, "D"), lo, hi) & (lapse <= at) & open_,
        k_diterima=_in(krecv, lo, hi),
        k_ditanggapi=_in(resp, lo, hi),
        k_diteruskan=_in(K.d("diteruskan_pada"), lo, hi),
        k_pleno=_in(K.d("pleno_pada"), lo, hi),
        k_disampaikan=_in(K.d("disampaikan_pada"), lo, hi),
        k_sikap=_in(_reaction_date(K), lo, hi) & (K.s("tanggapan_pemohon") != ""),
        k_terbuka=k_open,
        k_terbuka_lewat=k_open & (K.d("batas") < at),
        k_putusan_sengketa=_in(K.d("tanggal_putusan_sengketa"), lo, hi),
        k_putusan_diketahui=(K.d("tanggal_putusan_sengketa") <= at)
        & (K.s("putusan_sengketa") != ""),
        # in the period its deadline lapsed (the day after it), with no response by the cut-off:
        # the office's failure does not wait for the requester's next step; a response given
        # late after all is counted, late, in its own period (a closed period keeps its count)
        k_tak_ditanggapi=_in(k_lapse := K.d("batas") + np.timedelta64(1, "D"), lo, hi)
        & (k_lapse <= at)
        & ~(resp <= at)
        # (settled by agreement by its deadline: no response owed — Pasal 35(2), aturan M2; an
        # old book's settlement without its date is not judged, as its undated responses)
        & ~(
            K.eq("tanggapan_pemohon", "musyawarah")
            & (np.isnat(K.d("tanggapan_pemohon_pada")) | (K.d("tanggapan_pemohon_pada") < k_lapse))
        )
        & ~(np.isnat(resp) & (K.s("keputusan_atasan") != "")),  # (imported, answered, undated)
        k_sengketa_berjalan=(K.s("tanggapan_pemohon") == "sengketa")
        & (_reaction_date(K) < lo)
        & ~(K.d("tanggal_putusan_sengketa") < lo)
        & ~(np.isnat(K.d("tanggal_putusan_sengketa")) & (K.s("putusan_sengketa") != "")),
    )


def _undated(P: _View, K: _View, m: _Masks, periode: str = "periode ini") -> dict[str, str]:
    """The steps of the period's cases that the register holds without their date (a legacy
    register imported: its book had no column for them), per register. The tables count steps
    by their dates, so these are in none of them; told, with what they were, never dropped
    silently — in the notes and beside the narrative figures (docx)."""
    ka, sikap = K.s("keputusan_atasan"), K.s("tanggapan_pemohon")
    resp = m.k_diterima & (ka != "") & np.isnat(K.d("tanggal_tanggapan"))
    react = m.k_diterima & (sikap != "") & np.isnat(_reaction_date(K))
    dec = m.diterima & (P.s("keputusan") != "") & np.isnat(P.d("tanggal_pemberitahuan"))
    ki = m.k_diterima & (K.s("putusan_sengketa") != "") & np.isnat(K.d("tanggal_putusan_sengketa"))
    parts = {"permohonan": [], "keberatan": []}
    if _n(dec):
        parts["permohonan"].append(f"{_n(dec)} permohonan tercatat diputuskan")
    if _n(resp):
        parts["keberatan"].append(
            f"{_n(resp)} keberatan tercatat ditanggapi Atasan PPID ({_n(resp & (ka == 'diterima'))}"
            f" dikabulkan, {_n(resp & (ka == 'ditolak'))} ditolak)"
        )
    said = [  # (only what there is: "0 … dan 0 …" for settlements alone — sesi32b M2)
        f"{n} {what}"
        for n, what in (
            (_n(react & (sikap == "menerima")), "tanggapan tercatat diterima pemohon"),
            (_n(react & (sikap == "sengketa")), "keberatan tercatat dibawa ke Komisi Informasi"),
            (_n(react & (sikap == "musyawarah")), "keberatan tercatat selesai secara musyawarah"),
        )
        if n
    ]
    if said:
        parts["keberatan"].append(
            " dan ".join([", ".join(said[:-1]), said[-1]] if said[1:] else said)
        )
    if _n(ki):
        parts["keberatan"].append(f"{_n(ki)} putusan sengketa tercatat")
    return {
        register: f"Dari perkara yang diterima pada {periode}, "
        + "; ".join(said)
        + " tanpa tanggal langkahnya (register lama yang diimpor tidak mencatatnya): tabel "
        "menghitung setiap langkah menurut tanggalnya, jadi langkah ini tidak ada di tabel mana "
        "pun."
        for register, said in parts.items()
        if said
    }


def _reaction_date(K: _View) -> np.ndarray:
    """When the requester accepted or went to the KI: its own date, else the delivery of the
    response, else the response date."""
    a = K.d("tanggapan_pemohon_pada")
    a = np.where(np.isnat(a), K.d("disampaikan_pada"), a)
    return np.where(np.isnat(a), K.d("tanggal_tanggapan"), a)


def _core(P: _View, K: _View, m: _Masks) -> dict[str, Any]:
    """The key figures of one period (ringkasan)."""
    dec = m.diputuskan
    hk_p = P.x("hk_pemberitahuan")[dec]
    hk_s = P.x("hk_penyerahan")[m.diserahkan]
    return {
        "permohonan_diterima": _n(m.diterima),
        "pemberitahuan_tertulis": _n(dec),
        "diberikan": _n(dec & P.eq("keputusan", "diberikan")),
        "diberikan_sebagian": _n(dec & P.eq("keputusan", "diberikan-sebagian")),
        "ditolak": _n(dec & P.eq("keputusan", "ditolak")),
        "tidak_dikuasai": _n(dec & P.eq("keputusan", "tidak-dikuasai")),
        "belum_didokumentasikan": _n(dec & P.eq("keputusan", "belum-didokumentasikan")),
        "informasi_diserahkan": _n(m.diserahkan),
        "perpanjangan": _n(m.diperpanjang),
        "terlambat": _n(dec & P.eq("terlambat", "ya")),
        "median_hk_pemberitahuan": _stats(hk_p)["median"],
        "median_hk_penyerahan": _stats(hk_s)["median"],
        "keberatan_diterima": _n(m.k_diterima),
        "keberatan_ditanggapi": _n(m.k_ditanggapi),
        "keberatan_dikabulkan": _n(m.k_ditanggapi & K.eq("keputusan_atasan", "diterima")),
        "keberatan_ditolak": _n(m.k_ditanggapi & K.eq("keputusan_atasan", "ditolak")),
        "keberatan_musyawarah": _n(m.k_sikap & K.eq("tanggapan_pemohon", "musyawarah")),
        "sengketa": _n(m.k_sikap & K.eq("tanggapan_pemohon", "sengketa")),
        "terbuka_permohonan": _n(m.terbuka),
        "terbuka_permohonan_lewat_tenggat": _n(m.terbuka_lewat),
        "menunggu_penyerahan": _n(m.menunggu_penyerahan),
        "terbuka_keberatan": _n(m.k_terbuka),
        "terbuka_keberatan_lewat_tenggat": _n(m.k_terbuka_lewat),
    }


LABEL_RINGKASAN = {
    "permohonan_diterima": "Permohonan diterima",
    "pemberitahuan_tertulis": "Pemberitahuan tertulis (keputusan PPID)",
    "diberikan": "  diberikan seluruhnya",
    "diberikan_sebagian": "  diberikan sebagian",
    "ditolak": "  ditolak",
    "tidak_dikuasai": "  tidak dikuasai",
    "belum_didokumentasikan": "  belum didokumentasikan",
    "informasi_diserahkan": "Permohonan yang informasinya diserahkan",
    "perpanjangan": "Perpanjangan waktu",
    "terlambat": "Pemberitahuan terlambat",
    "median_hk_pemberitahuan": "Median hari kerja sampai pemberitahuan",
    "median_hk_penyerahan": "Median hari kerja sampai informasi diserahkan",
    "keberatan_diterima": "Keberatan masuk",
    "keberatan_ditanggapi": "Keberatan ditanggapi Atasan PPID",
    "keberatan_dikabulkan": "  keberatan diterima (dikabulkan)",
    "keberatan_ditolak": "  keberatan ditolak",
    "keberatan_musyawarah": "Keberatan selesai secara musyawarah",
    "sengketa": "Sengketa ke Komisi Informasi",
    "terbuka_permohonan": "Permohonan belum diputuskan (akhir periode)",
    "terbuka_permohonan_lewat_tenggat": "  di antaranya lewat tenggat",
    "menunggu_penyerahan": "Informasi belum diserahkan (akhir periode)",
    "terbuka_keberatan": "Keberatan belum ditanggapi (akhir periode)",
    "terbuka_keberatan_lewat_tenggat": "  di antaranya lewat tenggat",
}


def _labels(per: date | None) -> dict[str, str]:
    """LABEL_RINGKASAN; for a period still running (``per``: today) "(akhir periode)" reads
    "(per 23 November 2026)"."""
    if per is None:
        return LABEL_RINGKASAN
    when = f"(per {tanggal_panjang(per)})"
    return {k: v.replace("(akhir periode)", when) for k, v in LABEL_RINGKASAN.items()}


def _period_tables(
    P: _View, K: _View, m: _Masks, core: dict[str, Any], settings, per: date | None = None
) -> list[Tabel]:
    """The tables of a monthly or annual report; ``per``: today, for a period still running
    (the open cases are counted then, not at the period end)."""
    t = settings.tenggat
    lim10, lim17 = t("permohonan"), t("permohonan") + t("perpanjangan")
    label = _labels(per)
    tables = [
        Tabel(
            "ringkasan",
            "Ringkasan",
            [("ukuran", "Uraian"), ("nilai", "Jumlah")],
            [{"kunci": k, "ukuran": label[k], "nilai": v} for k, v in core.items()],
        )
    ]
    recv = m.diterima
    tables.append(
        Tabel(
            "saluran",
            "Permohonan menurut saluran",
            KOLOM_KATEGORI,
            _category_rows(P.s("saluran")[recv], LABEL_SALURAN),
            kunci_baris="kode",
        )
    )
    tables.append(
        Tabel(
            "jenis_pemohon",
            "Permohonan menurut jenis pemohon",
            KOLOM_KATEGORI,
            _category_rows(P.s("jenis_pemohon")[recv], LABEL_JENIS_PEMOHON),
            kunci_baris="kode",
        )
    )
    tables.append(
        Tabel(
            "pekerjaan",
            "Permohonan menurut pekerjaan pemohon",
            KOLOM_KATEGORI,
            _category_rows(P.s("pekerjaan")[recv], None),
            kunci_baris="kode",
        )
    )
    dec = m.diputuskan
    tables.append(
        Tabel(
            "keputusan",
            "Keputusan atas permohonan (menurut tanggal pemberitahuan tertulis)",
            KOLOM_KATEGORI,
            _category_rows(P.s("keputusan")[dec], LABEL_KEPUTUSAN),
            kunci_baris="kode",
        )
    )
    rejected = dec & (P.s("keputusan") == "ditolak")
    tables.append(
        Tabel(
            "alasan_penolakan",
            "Penolakan menurut dasar pengecualian (Pasal 17 UU 14/2008)",
            KOLOM_KATEGORI,
            _category_rows(
                np.array(
                    [dasar_pasal_17(t) for t in P.s("alasan_penolakan")[rejected]], dtype=object
                ),
                None,
            ),  # fmt: skip
            kunci_baris="kode",
        )
    )
    limits = [("dalam_tenggat", lim10), ("dalam_perpanjangan", lim17)]
    stage = P.s("tahapan") != ""
    tables.append(
        Tabel(
            "waktu",
            "Waktu layanan permohonan (hari kerja sejak diterima; hari diterima = hari ke-0)",
            [
                ("ukuran", "Diukur sampai"),
                ("jumlah", "Jumlah"),
                ("median", "Median"),
                ("rata_rata", "Rata-rata"),
                ("maksimum", "Maks"),
                ("dalam_tenggat", f"≤ {lim10} HK"),
                ("persen_dalam_tenggat", f"% ≤ {lim10} HK"),
                ("dalam_perpanjangan", f"≤ {lim17} HK"),
                ("persen_dalam_perpanjangan", f"% ≤ {lim17} HK"),
            ],
            [
                {
                    "kunci": "pemberitahuan",
                    "ukuran": "Pemberitahuan tertulis",
                    **_stats(P.x("hk_pemberitahuan")[dec], limits),
                },
                {
                    "kunci": "penyerahan",
                    # (the summary counts each request once, whatever decided it: the
                    # same words for both read as a contradiction — review hitung L1)
                    "ukuran": "Informasi diserahkan atas keputusan PPID",
                    **_stats(P.x("hk_penyerahan")[m.diserahkan], limits),
                },
                {
                    "kunci": "penyerahan_perintah",
                    "ukuran": "Informasi diserahkan atas perintah (sejak perintah)",
                    **_stats(P.x("hk_serah_perintah")[m.diserahkan_perintah], limits),
                },
            ],
            catatan="Waktu sampai pemberitahuan tertulis adalah ukuran tenggat UU 14/2008 Pasal "
            "22(7)-(8); waktu sampai informasi diserahkan tidak menghitung waktu menunggu pemohon "
            "yang dicatat saat penyerahan (sampai biaya dibayar, sesudah informasi siap diambil) "
            "— yang tidak dicatat termasuk di dalamnya. Informasi yang diserahkan atas perintah "
            "keberatan yang dikabulkan Atasan PPID atau putusan Komisi Informasi sesudah "
            "penolakan diukur sejak perintah itu, di baris tersendiri. Langkah pada hari libur "
            "dihitung pada hari kerja berikutnya, seperti tenggatnya."
            + _stage_note(_n(dec & stage), t),
        )
    )
    tables.append(
        Tabel(
            "perpanjangan_terlambat",
            "Perpanjangan dan keterlambatan",
            [("ukuran", "Uraian"), ("jumlah", "Jumlah"), ("persen", "% dari keputusan")],
            [
                {
                    "kunci": "perpanjangan",
                    "ukuran": "Perpanjangan waktu digunakan",
                    "jumlah": core["perpanjangan"],
                    "persen": _pct(core["perpanjangan"], core["pemberitahuan_tertulis"]),
                },
                {
                    "kunci": "terlambat",
                    "ukuran": "Pemberitahuan tertulis terlambat",
                    "jumlah": core["terlambat"],
                    "persen": _pct(core["terlambat"], core["pemberitahuan_tertulis"]),
                },
            ],
        )
    )
    # objections
    kr = m.k_diterima
    codes = [c for v in K.s("alasan")[kr] for c in str(v).split(";") if c.strip()]
    codes_arr = np.array([c.strip() for c in codes], dtype=object)
    n_k = _n(kr)
    rows = []
    for code, label in LABEL_ALASAN.items():
        n = _n(codes_arr == code) if codes_arr.size else 0
        rows.append({"kategori": label, "kode": code, "jumlah": n, "persen": _pct(n, n_k)})
    tables.append(
        Tabel(
            "keberatan_alasan",
            "Keberatan menurut alasan (Pasal 35 ayat (1) UU 14/2008)",
            [("kategori", "Alasan"), ("jumlah", "Jumlah"), ("persen", "% dari keberatan")],
            rows,
            catatan="Satu keberatan dapat memuat lebih dari satu alasan.",
            kunci_baris="kode",
        )
    )
    resp = m.k_ditanggapi
    ka = K.s("keputusan_atasan")
    sikap = K.s("tanggapan_pemohon")
    n_resp = _n(resp)
    n_sikap = _n(m.k_sikap)
    outcome = [
        ("dikabulkan", LABEL_KEPUTUSAN_ATASAN["diterima"], _n(resp & (ka == "diterima")), n_resp),
        ("ditolak", LABEL_KEPUTUSAN_ATASAN["ditolak"], _n(resp & (ka == "ditolak")), n_resp),
        ("menerima", "Pemohon menerima tanggapan", _n(m.k_sikap & (sikap == "menerima")), n_sikap),
        ("sengketa", "Pemohon mengajukan sengketa ke Komisi Informasi", _n(m.k_sikap & (sikap == "sengketa")), n_sikap),
        ("musyawarah", "Diselesaikan secara musyawarah sebelum ditanggapi (Pasal 35(2))", _n(m.k_sikap & (sikap == "musyawarah")), n_sikap),
    ]  # fmt: skip
    tables.append(
        Tabel(
            "keberatan_hasil",
            "Hasil keberatan",
            [("kategori", "Hasil"), ("jumlah", "Jumlah"), ("persen", "%")],
            [
                {"kategori": label, "kode": k, "jumlah": n, "persen": _pct(n, whole)}
                for k, label, n, whole in outcome
            ],
            catatan="% dikabulkan/ditolak: dari tanggapan Atasan PPID pada periode ini; "
            "% menerima/sengketa/musyawarah: dari sikap pemohon dan musyawarah yang tercatat "
            "pada periode ini.",
            kunci_baris="kode",
        )
    )
    hk_t = K.x("hk_tanggapan")[resp]
    within = _n(K.d("tanggal_tanggapan")[resp] <= K.d("batas")[resp])  # (by date, as the register)
    st = _stats(hk_t)
    tables.append(
        Tabel(
            "keberatan_waktu",
            "Waktu tanggapan keberatan (hari kerja sejak keberatan dicatat)",
            [
                ("ukuran", "Uraian"),
                ("jumlah", "Jumlah"),
                ("median", "Median"),
                ("rata_rata", "Rata-rata"),
                ("maksimum", "Maks"),
                ("dalam_tenggat", "Dalam tenggat"),
                ("persen_dalam_tenggat", "% dalam tenggat"),
            ],
            [
                {
                    "kunci": "tanggapan",
                    "ukuran": "Tanggapan tertulis Atasan PPID",
                    **st,
                    "dalam_tenggat": within,
                    "persen_dalam_tenggat": _pct(within, st["jumlah"]),
                }
            ],
            catatan=f"Tenggat: {t('tanggapan_keberatan')} hari kerja (UU 14/2008 Pasal 36(2)); "
            f"{t('tanggapan_keberatan_tahapan')} hari kerja untuk tahapan pemilu yang sedang "
            "berjalan. Hanya tanggapan yang diberikan pada periode ini; keberatan yang tenggatnya "
            "lewat tanpa tanggapan dihitung pada tabel standar layanan.",
        )
    )
    tables.append(_disputes(K, m))
    tables.append(_standards(P, K, m, settings))
    tables.append(
        Tabel(
            "terbuka",
            "Perkara terbuka pada akhir periode"
            if per is None
            else f"Perkara terbuka per {tanggal_panjang(per)} (periode belum berakhir)",
            [("ukuran", "Uraian"), ("jumlah", "Jumlah"), ("lewat_tenggat", "Lewat tenggat")],
            [
                {
                    "kunci": "permohonan",
                    "ukuran": "Permohonan belum diputuskan",
                    "jumlah": core["terbuka_permohonan"],
                    "lewat_tenggat": core["terbuka_permohonan_lewat_tenggat"],
                },
                {
                    "kunci": "penyerahan",
                    "ukuran": "Informasi wajib diberikan (keputusan PPID, keberatan yang "
                    "dikabulkan, atau putusan Komisi Informasi) tetapi belum diserahkan",
                    "jumlah": core["menunggu_penyerahan"],
                    "lewat_tenggat": None,
                },
                {
                    "kunci": "keberatan",
                    "ukuran": "Keberatan belum ditanggapi",
                    "jumlah": core["terbuka_keberatan"],
                    "lewat_tenggat": core["terbuka_keberatan_lewat_tenggat"],
                },
            ],
        )
    )
    return tables


def _standards(P: _View, K: _View, m: _Masks, settings) -> Tabel:
    """SOP internal service standards (working days, settings [standar_layanan]) and the two
    statutory deadlines, met / missed in the period."""
    std = lambda k: int(settings.get("standar_layanan", k))  # noqa: E731
    rows = []

    def add(kunci, label, dasar, limit, values):
        v = values[~np.isnan(values)]
        ok = _n(v <= limit)
        rows.append(
            {
                "kunci": kunci,
                "standar": label,
                "dasar": dasar,
                "batas": f"{limit} HK",
                "diukur": int(v.size),
                "memenuhi": ok,
                "tidak_memenuhi": int(v.size) - ok,
                "persen_memenuhi": _pct(ok, int(v.size)),
            }
        )

    add(
        "teruskan_permohonan",
        "Permohonan diteruskan Desk Pelayanan ke PPID",
        "SOP Pelayanan langkah 2 (15 menit)",
        std("teruskan_permohonan"),
        P.x("hk_teruskan")[m.diteruskan],
    )
    add(
        "teruskan_keberatan",
        "Keberatan diteruskan ke Atasan PPID",
        "SOP Keberatan langkah 4 (1 hari)",
        std("teruskan_keberatan"),
        K.x("hk_teruskan")[m.k_diteruskan],
    )
    add(
        "draf_tanggapan",
        "Draf tanggapan dibahas dalam rapat pleno",
        "SOP Keberatan langkah 5 (1 hari)",
        std("draf_tanggapan"),
        K.x("hk_draf")[m.k_pleno],
    )
    add(
        "sampaikan_tanggapan",
        "Surat tanggapan disampaikan kepada pemohon",
        "SOP Keberatan langkah 7 (1 hari)",
        std("sampaikan_tanggapan"),
        K.x("hk_sampaikan")[m.k_disampaikan],
    )
    # statutory deadlines: the stored "terlambat" flag (set at the decision) and the
    # recomputed objection deadline
    dec = m.diputuskan & (P.s("terlambat") != "")
    late = P.s("terlambat")[dec] == "ya"
    ok = int(late.size) - _n(late)
    measured = int(late.size) + _n(m.tak_diputuskan)  # (never answered: a missed deadline too)
    rows.append(
        {
            "kunci": "tenggat_permohonan",
            "standar": "Pemberitahuan tertulis dalam tenggat",
            "dasar": "UU 14/2008 Pasal 22(7)-(8)",
            "batas": f"{settings.tenggat('permohonan')} (+{settings.tenggat('perpanjangan')}) HK",
            "diukur": measured,
            "memenuhi": ok,
            "tidak_memenuhi": measured - ok,
            "persen_memenuhi": _pct(ok, measured),
        }
    )
    resp = m.k_ditanggapi & ~np.isnan(K.x("hk_tanggapan"))
    ok = _n(K.d("tanggal_tanggapan")[resp] <= K.d("batas")[resp])
    measured = _n(resp) + _n(m.k_tak_ditanggapi)  # (never answered: a missed deadline too)
    rows.append(
        {
            "kunci": "tenggat_keberatan",
            "standar": "Tanggapan keberatan dalam tenggat",
            "dasar": "UU 14/2008 Pasal 36(2)",
            "batas": f"{settings.tenggat('tanggapan_keberatan')} HK",
            "diukur": measured,
            "memenuhi": ok,
            "tidak_memenuhi": measured - ok,
            "persen_memenuhi": _pct(ok, measured),
        }
    )
    stage = _n((m.diputuskan | m.tak_diputuskan) & (P.s("tahapan") != ""))
    return Tabel(
        "standar_layanan",
        "Standar layanan SOP dan tenggat undang-undang",
        [
            ("standar", "Standar"),
            ("batas", "Batas"),
            ("diukur", "Diukur"),
            ("memenuhi", "Memenuhi"),
            ("tidak_memenuhi", "Tidak memenuhi"),
            ("persen_memenuhi", "% memenuhi"),
        ],
        rows,
        catatan="Standar SOP ditulis dalam menit/hari; register hanya mencatat tanggal, maka "
        "diukur dalam hari kerja menurut batas pada kolom Batas. Permohonan dan keberatan yang "
        "tenggatnya lewat pada periode ini (hari sesudah tenggat) tanpa pemberitahuan atau "
        "tanggapan sampai akhir periode dihitung tidak memenuhi; yang datang kemudian dihitung "
        "terlambat pada periodenya, sehingga jumlah laporan bulanan dapat melebihi laporan "
        "tahunan."
        + (  # (the row's limit is the general one: a stage request's is shorter)
            f" Pemberitahuan tertulis dalam tenggat mencakup {stage} permohonan tahapan pemilu "
            f"yang sedang berjalan, dengan batas {settings.tenggat('permohonan_tahapan')} "
            f"(+{settings.tenggat('perpanjangan_tahapan')}) HK."
            if stage
            else ""
        ),
    )


def _month_index(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    years = a.astype("datetime64[Y]").astype(np.int64) + 1970
    months = a.astype("datetime64[M]").astype(np.int64) % 12 + 1
    return years, months


def _monthly(P: _View, K: _View, year: int, last_month: int) -> Tabel:
    """Month-by-month figures of ``year`` (months 1..last_month), by event date."""

    def counts(a: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
        y, mo = _month_index(a)
        sel = (y == year) & ~np.isnat(a)
        if mask is not None:
            sel &= mask
        return np.bincount(mo[sel], minlength=13)[1:]

    kep = P.s("keputusan")
    notif = P.d("tanggal_pemberitahuan")
    ny, nm = _month_index(notif)
    hk = P.x("hk_pemberitahuan")
    series = {
        "permohonan_diterima": counts(P.d("tanggal_diterima")),
        "pemberitahuan_tertulis": counts(notif),
        "diberikan": counts(notif, np.isin(kep, GIVEN)),
        "ditolak": counts(notif, kep == "ditolak"),
        "tidak_tersedia": counts(notif, np.isin(kep, ("tidak-dikuasai", "belum-didokumentasikan"))),
        "terlambat": counts(notif, P.s("terlambat") == "ya"),
        "keberatan_diterima": counts(K.d("tanggal_diterima")),
        "keberatan_ditanggapi": counts(K.d("tanggal_tanggapan")),
        "sengketa": counts(_reaction_date(K), K.s("tanggapan_pemohon") == "sengketa"),
    }
    in_year = (ny == year) & ~np.isnat(notif) & ~np.isnan(hk)
    rows = []
    for i in range(last_month):
        vals = hk[in_year & (nm == i + 1)]
        rows.append(
            {
                "bulan": f"{year}-{i + 1:02d}",
                "nama_bulan": BULAN[i],
                **{k: int(v[i]) for k, v in series.items()},
                "median_hk_pemberitahuan": float(np.median(vals)) if vals.size else None,
            }
        )
    return Tabel(
        "bulanan",
        f"Tren bulanan {year}",
        [
            ("nama_bulan", "Bulan"),
            ("permohonan_diterima", "Permohonan"),
            ("pemberitahuan_tertulis", "Diputuskan"),
            ("diberikan", "Diberikan (seluruh/sebagian)"),
            ("ditolak", "Ditolak"),
            ("tidak_tersedia", "Tidak dikuasai / belum didokumentasikan"),
            ("terlambat", "Terlambat"),
            ("median_hk_pemberitahuan", "Median HK"),
            ("keberatan_diterima", "Keberatan"),
            ("keberatan_ditanggapi", "Keberatan ditanggapi"),
            ("sengketa", "Sengketa"),
        ],
        rows,
        kunci_baris="bulan",
    )


PEMBANDING = (
    "permohonan_diterima",
    "pemberitahuan_tertulis",
    "diberikan",
    "diberikan_sebagian",
    "ditolak",
    "tidak_dikuasai",
    "belum_didokumentasikan",
    "perpanjangan",
    "terlambat",
    "median_hk_pemberitahuan",
    "keberatan_diterima",
    "keberatan_ditanggapi",
    "sengketa",
)


def _comparison(
    prev: dict[str, Any], now: dict[str, Any], year: int, *, percent: bool = True
) -> Tabel:
    """Last year against this; ``percent``: the change in per cent too (not against a year the
    register may hold only part of)."""
    rows = []
    for k in PEMBANDING:
        a, b = prev[k], now[k]
        diff = None if a is None or b is None else round(b - a, 1)
        rows.append(
            {
                "kunci": k,
                "ukuran": LABEL_RINGKASAN[k].strip(),
                "tahun_lalu": a,
                "tahun_ini": b,
                "selisih": diff,
                "perubahan_persen": round(100.0 * (b - a) / a, 1)
                if a and diff is not None and percent
                else None,
            }
        )
    return Tabel(
        "pembanding",
        f"Perbandingan dengan tahun {year - 1}",
        [
            ("ukuran", "Uraian"),
            ("tahun_lalu", str(year - 1)),
            ("tahun_ini", str(year)),
            ("selisih", "Selisih"),
            ("perubahan_persen", "Perubahan %"),
        ],
        rows,
    )


def _per_office(offices: list[Office], P: _View, K: _View, m: _Masks) -> Tabel:
    rows = []
    for o in offices:
        sel_p, sel_k = P.eq("kantor", o.nama), K.eq("kantor", o.nama)
        sub = _Masks(
            **{
                name: getattr(m, name) & (sel_k if name.startswith("k_") else sel_p)
                for name in m.__dataclass_fields__
            }
        )
        core = _core(P, K, sub)
        rows.append({"kantor": o.nama, **{k: core[k] for k in KOLOM_KANTOR_KEYS}})
    total = _core(P, K, m)
    rows.append({"kantor": "Jumlah", **{k: total[k] for k in KOLOM_KANTOR_KEYS}})
    return Tabel(
        "kantor",
        "Rincian per kantor",
        [("kantor", "Kantor")] + [(k, KOLOM_KANTOR[k]) for k in KOLOM_KANTOR_KEYS],
        rows,
        catatan="Median baris Jumlah dihitung atas semua permohonan gabungan.",
        kunci_baris="kantor",
    )


KOLOM_KANTOR = {
    "permohonan_diterima": "Permohonan",
    "pemberitahuan_tertulis": "Diputuskan",
    "diberikan": "Diberikan",
    "diberikan_sebagian": "Sebagian",
    "ditolak": "Ditolak",
    "tidak_dikuasai": "Tidak dikuasai",
    "belum_didokumentasikan": "Belum didokumentasikan",
    "terlambat": "Terlambat",
    "median_hk_pemberitahuan": "Median HK",
    "keberatan_diterima": "Keberatan",
    "sengketa": "Sengketa",
    "terbuka_permohonan": "Terbuka",
}
KOLOM_KANTOR_KEYS = tuple(KOLOM_KANTOR)


def _notes(
    offices: list[Office], jenis: str, per: date | None = None, sampai: date | None = None
) -> list[str]:
    cuti = {bool(o.ws.settings.get("tenggat", "cuti_bersama_libur")) for o in offices}
    notes = [
        "Semua durasi dalam hari kerja (HK): Senin-Jumat, bukan libur nasional"
        # (merged offices set it each: said of them all, not of the first — review gabung L2)
        + (
            ", bukan cuti bersama"
            if cuti == {True}
            else ", bukan cuti bersama bagi kantor yang menetapkannya libur"
            if len(cuti) > 1
            else ""
        )
        + ", bukan libur yang ditetapkan kantor; hari diterima = hari ke-0.",
        "Waktu sampai pemberitahuan = dari tanggal diterima sampai tanggal pemberitahuan "
        "tertulis (keputusan PPID). Waktu sampai informasi diserahkan = dari tanggal diterima "
        "sampai tanggal informasi diberikan atas keputusan diberikan/diberikan sebagian; "
        "informasi yang diserahkan atas perintah keberatan yang dikabulkan Atasan PPID atau "
        "putusan Komisi Informasi sesudah keputusan lain diukur dari tanggal perintah itu.",
        "Permohonan dan keberatan 'diterima' dihitung menurut tanggal diterima; keputusan, "
        "penyerahan, perpanjangan, tanggapan dan sengketa menurut tanggal peristiwanya dalam "
        "periode, sehingga dapat menyangkut perkara yang diterima pada periode sebelumnya.",
        "Waktu menunggu pemohon tidak dihitung sebagai waktu layanan bila dicatat saat "
        "penyerahan (biaya dibayar, informasi siap diambil); yang tidak dicatat termasuk dalam "
        "waktu sampai informasi diserahkan. Kepatuhan tenggat diukur sampai pemberitahuan "
        "tertulis.",
        "Perkara terbuka pada akhir periode: diterima sampai akhir periode dan belum diputuskan "
        "(permohonan) atau belum ditanggapi (keberatan) pada tanggal itu; tenggatnya dihitung "
        "ulang dari tanggal diterima, perpanjangan, dan kalender libur. Perkara yang baru "
        "ditutup sesudah tanggal itu (diputuskan, ditanggapi, dibawa ke Komisi Informasi) "
        "tetap terhitung terbuka: statusnya disusun dari tanggal langkah di register.",
    ]
    if per is not None and sampai is not None:
        notes.append(
            f"Periode laporan belum berakhir: perkara terbuka dan yang lewat tenggat dihitung per "
            f"{tanggal_panjang(per)} (hari laporan dibuat), bukan per akhir periode "
            f"{tanggal_panjang(sampai)}; angka lain memuat peristiwa sampai hari itu."
            if per < sampai
            else f"Laporan dibuat pada hari terakhir periode ({tanggal_panjang(per)}): langkah "
            "yang dicatat sesudahnya pada hari itu belum termuat."
        )
    if jenis == "bulanan":
        notes.append("Tabel tren bulanan memuat bulan Januari sampai bulan laporan.")
    return notes


def _settings_snapshot(ws) -> dict[str, dict[str, Any]]:
    s = ws.settings
    return {name: dict(s.section(name)) for name in ("instansi", "ppid", "atasan_ppid", "laporan")}


def _now_iso(ws) -> str:
    return ws.now().isoformat(timespec="seconds")


def _period(
    sources,
    lo: date,
    hi: date,
    jenis: str,
    judul: str,
    trend_to: int,
    compare: bool,
    kepala: Workspace | None = None,
) -> Laporan:
    offices = _offices(sources)
    # the settings the figures are counted with: the first office's (as before); who heads and
    # signs: ``kepala`` (a province merging its regencies, from its own workspace: review
    # gabung M3 — its [tenggat] does not count the regencies' cases: sesi32d2 M2)
    first = offices[0].ws
    head = kepala or first
    # (offices in other zones: the latest date, and its clock for when the report was made)
    latest = max((o.ws for o in offices), key=lambda ws: ws.today())
    today = latest.today()
    if lo > today:  # its "open at the end of the period" would be a guess about the future
        raise RuleError(
            f"periode laporan mulai {lo.isoformat()}, belum dimulai (hari ini {today.isoformat()})",
            "pilih bulan atau tahun yang sudah berjalan",
        )
    P, K = _combine(offices, "permohonan"), _combine(offices, "keberatan")
    at = min(hi, today)  # a period still running: its open cases as they stand today
    per = at if today <= hi else None  # (its last day too: the rest of that day is not in it)
    m = _masks(P, K, _d64(lo), _d64(hi), _d64(at))
    core = _core(P, K, m)
    tables = _period_tables(P, K, m, core, first.settings, per)
    trend = _monthly(P, K, lo.year, trend_to if per is None else min(trend_to, per.month))
    if per is not None and trend_to > per.month:  # (months to come are no zeros in a chart)
        trend.catatan = f"Tahun {lo.year} belum berakhir: sampai {BULAN[per.month - 1]}."
    tables.append(trend)
    skipped = ""  # (why the comparison with last year is not there: said, never silent)
    if compare:
        plo, phi = date(lo.year - 1, 1, 1), date(lo.year - 1, 12, 31)
        if per is not None:  # a year still running: last year up to the same day, not all of it
            phi = per.replace(year=lo.year - 1, day=min(per.day, 28) if per.month == 2 else per.day)
        pm = _masks(P, K, _d64(plo), _d64(phi))
        # merged: only the offices whose registers hold the earlier year are compared (one that
        # began with ppidctl this year read as growth from nothing: review gabung M2)
        had = {*P.s("kantor")[pm.diterima], *K.s("kantor")[pm.k_diterima]}  # (one pass)
        held = [o for o in offices if o.nama in had]
        without = [o.nama for o in offices if o not in held]
        if held and without:
            P2, K2 = _combine(held, "permohonan"), _combine(held, "keberatan")
            pm, now = (
                _masks(P2, K2, _d64(plo), _d64(phi)),
                _core(P2, K2, _masks(P2, K2, _d64(lo), _d64(hi), _d64(at))),
            )
        else:
            P2, K2, now = P, K, core
        if _n(pm.diterima) or _n(pm.k_diterima):
            # the register's first case after January of that year: it may start there (an
            # office that began with ppidctl in October read as +566 % — review hitung L2)
            days = np.concatenate([V.d("tanggal_diterima") for V in (P2, K2) if len(V)])
            days = days[~np.isnat(days)]
            first_day = days.min().item() if len(days) else None
            begun = first_day if first_day and first_day > date(plo.year, 1, 31) else None
            table = _comparison(_core(P2, K2, pm), now, lo.year, percent=begun is None)
            if per is not None:
                table.catatan = (
                    f"Tahun {lo.year} belum berakhir: dibandingkan sampai tanggal yang sama, "
                    f"{tanggal_panjang(per)} dengan {tanggal_panjang(phi)}."
                )
            if begun is not None:
                table.catatan = " ".join(x for x in (table.catatan, (
                    f"Perkara pertama yang tercatat di register diterima {tanggal_panjang(begun)}:"
                    f" angka {lo.year - 1} bisa hanya sejak tanggal itu, jadi perubahan persen "
                    "tidak dihitung."
                )) if x)  # fmt: skip
            if without:
                table.catatan = " ".join(x for x in (table.catatan, (
                    f"Perbandingan ini hanya atas kantor yang registernya memuat tahun "
                    f"{lo.year - 1} ({', '.join(o.nama for o in held)}); "
                    f"{', '.join(without)} tidak termasuk."
                )) if x)  # fmt: skip
            # (its 0 responses would read as none: the earlier year's undated steps, told here)
            earlier = " ".join(_undated(P2, K2, pm, f"tahun {lo.year - 1}").values())
            table.catatan = " ".join(x for x in (table.catatan, earlier) if x)
            tables.append(table)
        else:  # (zero against a year ppidctl never held would read as growth from nothing)
            skipped = (
                f"Perbandingan dengan tahun {lo.year - 1} tidak dimuat karena register tidak "
                f"memuat permohonan atau keberatan yang diterima {tanggal_panjang(plo)} sampai "
                f"{tanggal_panjang(phi)}."
            )
    if len(offices) > 1:
        tables.append(_per_office(offices, P, K, m))
    notes, due = _notes(offices, jenis, per, hi), None
    undated = _undated(P, K, m)
    notes += ([skipped] if skipped else []) + list(undated.values())
    if jenis == "tahunan":
        due = first.settings.batas_laporan_tahunan(lo.year)
        notes.append(
            f"Batas penyampaian laporan tahunan {lo.year}: {tanggal_panjang(due)} (Perki 1/2021 "
            "Pasal 56)"
            + (f"; laporan ini dibuat sesudahnya ({tanggal_panjang(today)})" if today > due else "")
        )
    return Laporan(
        jenis=jenis,
        judul=judul,
        mulai=lo,
        sampai=hi,
        kantor=[o.nama for o in offices],
        ringkasan=core,
        tabel=tables,
        catatan=notes,
        detail=_received(P, K, m, _d64(at)),
        instansi=_settings_snapshot(head),
        dibuat=_now_iso(latest),
        workspaces=[o.ws for o in offices],
        batas_penyampaian=due.isoformat() if due else "",
        per=at,
        tanpa_tanggal=undated,
        peringatan=[
            w
            for o in offices
            for w in o.ws.outside_warnings(
                ("permohonan", "keberatan", "libur"), f"{o.ws.root}: " if len(offices) > 1 else ""
            )
        ],
    )


def monthly(
    sources: Workspace | Sequence[Workspace], bulan: str | date, kepala: Workspace | None = None
) -> Laporan:
    """The monthly report of ``bulan`` ("YYYY-MM", or any date in it) for one workspace or
    several combined. ``ringkasan``: key → figure (the keys of :data:`LABEL_RINGKASAN`, worded
    there and in the table ``lap["ringkasan"]``); ``peringatan``: what the figures rest on
    that is not right (a register edited outside ppidctl). ``kepala``: the workspace whose
    settings head and sign it (else the first of ``sources``). Raises PpidError (a register
    Excel rewrote: RegisterError; a month that is none: UsageError)."""
    if isinstance(bulan, date):
        bulan = bulan.strftime("%Y-%m")
    if not isinstance(bulan, str) or not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", bulan):
        raise UsageError(f"--bulan '{bulan}' tidak sah", "tulis sebagai YYYY-MM, mis. 2026-03")
    y, mo = int(bulan[:4]), int(bulan[5:])
    lo = date(y, mo, 1)
    hi = date(y, 12, 31) if mo == 12 else date(y, mo + 1, 1) - timedelta(days=1)
    return _period(
        sources, lo, hi, "bulanan",
        f"Laporan Bulanan Layanan Informasi Publik {BULAN[mo - 1]} {y}", mo, False, kepala,
    )  # fmt: skip


def annual(
    sources: Workspace | Sequence[Workspace], tahun: int | str, kepala: Workspace | None = None
) -> Laporan:
    """The annual report of ``tahun`` (month by month, and against the previous year)."""
    try:
        y = int(tahun)
    except (TypeError, ValueError):
        raise UsageError(f"--tahun '{tahun}' tidak sah", "tulis empat angka, mis. 2026") from None
    if not 1990 <= y <= 2100:
        raise UsageError(f"--tahun {y} di luar jangkauan", "tulis tahun laporan, mis. 2026")
    return _period(
        sources, date(y, 1, 1), date(y, 12, 31), "tahunan",
        f"Laporan Tahunan Layanan Informasi Publik Tahun {y}", 12, True, kepala,
    )  # fmt: skip


# --------------------------------------------------------------------------- the daily page


def daily(ws: Workspace, tanggal: date | str | None = None, dalam: int = 3) -> Laporan:
    """The supervisor's page for one day (SOP Pelayanan langkah 7): what came in, what was
    answered, what falls due within ``dalam`` working days, and what is overdue. A request's
    subject is shown with the numbers typed in it masked (``lihat`` shows it whole)."""
    if tanggal is None:
        day = ws.today()
    elif isinstance(tanggal, date):
        day = tanggal
    else:
        day = parse_day(str(tanggal), "--tanggal")
    if day > ws.today():
        raise RuleError(
            f"--tanggal {day.isoformat()} belum tiba (hari ini {ws.today().isoformat()})",
            "pilih hari ini atau hari yang sudah lewat",
        )
    office = load_office(ws)
    P, K = _View(office.permohonan), _View(office.keberatan)
    d = _d64(day)
    m = _masks(P, K, d, d)
    wd = WorkdayCounter(ws.calendar)

    def left(due: np.ndarray) -> np.ndarray:
        today = np.full(due.shape, d)
        ahead = wd.between(today, due)
        behind = wd.between(due, today)  # (a deadline passed on a day off: overdue already)
        return np.where(due >= d, ahead, -np.maximum(behind, 1))

    ext = P.d("diperpanjang_pada")
    due_p = np.where(ext <= d, P.d("batas_akhir"), P.d("batas_awal"))
    due_k = K.d("batas")
    cases = []
    k_status = _status_on(K, d, STEPS_K, DATED_K)
    for reg, V, open_, due, status in (
        ("permohonan", P, m.terbuka, due_p, _status_on(P, d, STEPS_P, DATED_P)),
        ("keberatan", K, m.k_terbuka, due_k, k_status),
    ):
        idx = np.flatnonzero(open_)
        rest = left(due[idx])
        for i, r in zip(idx, rest, strict=True):
            cases.append(
                {
                    "register": reg,
                    "nomor_registrasi": V.s("nomor_registrasi")[i],
                    "nama_pemohon": V.s("nama_pemohon")[i],
                    "status": status[i],
                    "jatuh_tempo": _iso(due[i]),
                    "sisa_hari_kerja": None if np.isnan(r) else int(r),
                }
            )
    cases.sort(key=lambda c: (c["sisa_hari_kerja"] if c["sisa_hari_kerja"] is not None else 0,
                              c["jatuh_tempo"], c["nomor_registrasi"]))  # fmt: skip
    overdue = [  # (how far past, as a count: a minus sign is missed on the printed page)
        {**c, "lewat_hari_kerja": -c["sisa_hari_kerja"]}
        for c in cases
        if c["sisa_hari_kerja"] is not None and c["sisa_hari_kerja"] < 0
    ]
    soon = [
        c for c in cases if c["sisa_hari_kerja"] is not None and 0 <= c["sisa_hari_kerja"] <= dalam
    ]

    masuk = []
    for i in np.flatnonzero(m.diterima):
        masuk.append(
            {
                "register": "permohonan",
                "nomor_registrasi": P.s("nomor_registrasi")[i],
                "nama_pemohon": P.s("nama_pemohon")[i],
                "perihal": mask("teks", P.s("informasi_diminta")[i]),  # (a NIK typed in it)
                "saluran": P.s("saluran")[i],
            }
        )
    for i in np.flatnonzero(m.k_diterima):
        masuk.append(
            {
                "register": "keberatan",
                "nomor_registrasi": K.s("nomor_registrasi")[i],
                "nama_pemohon": K.s("nama_pemohon")[i],
                "perihal": "alasan " + ", ".join(str(K.s("alasan")[i]).split(";"))
                + (f" (permohonan {K.s('nomor_permohonan')[i]})" if K.s("nomor_permohonan")[i] else ""),
                "saluran": K.s("saluran")[i],
            }
        )  # fmt: skip
    dijawab = []
    for i in np.flatnonzero(m.diputuskan):
        kep = P.s("keputusan")[i]
        dijawab.append(
            {
                "register": "permohonan",
                "nomor_registrasi": P.s("nomor_registrasi")[i],
                "nama_pemohon": P.s("nama_pemohon")[i],
                "peristiwa": "pemberitahuan",
                "langkah": "pemberitahuan tertulis: " + LABEL_KEPUTUSAN.get(kep, kep or KOSONG),
                "hari_kerja": _int(P.x("hk_pemberitahuan")[i]),
                "terlambat": P.s("terlambat")[i],
            }
        )
    for i in np.flatnonzero(m.diserahkan):
        dijawab.append(
            {
                "register": "permohonan",
                "nomor_registrasi": P.s("nomor_registrasi")[i],
                "nama_pemohon": P.s("nama_pemohon")[i],
                "peristiwa": "penyerahan",
                "langkah": "informasi diserahkan",
                "hari_kerja": _int(P.x("hk_penyerahan")[i]),
                "terlambat": "",
            }
        )
    for i in np.flatnonzero(m.k_ditanggapi):
        hk, kep = K.x("hk_tanggapan")[i], K.s("keputusan_atasan")[i]
        dijawab.append(
            {
                "register": "keberatan",
                "nomor_registrasi": K.s("nomor_registrasi")[i],
                "nama_pemohon": K.s("nama_pemohon")[i],
                "peristiwa": "tanggapan",
                "langkah": "tanggapan Atasan PPID: "
                + LABEL_KEPUTUSAN_ATASAN.get(kep, kep or KOSONG),
                "hari_kerja": _int(hk),
                "terlambat": ""
                if np.isnan(hk)
                else ("ya" if K.d("tanggal_tanggapan")[i] > K.d("batas")[i] else "tidak"),
            }
        )
    kolom_kasus = [
        ("register", "Register"),
        ("nomor_registrasi", "Nomor"),
        ("nama_pemohon", "Pemohon"),
        ("status", "Status"),
        ("jatuh_tempo", "Jatuh tempo"),
        ("sisa_hari_kerja", "Sisa hari kerja"),
    ]
    ringkasan = {
        "permohonan_masuk": _n(m.diterima),
        "keberatan_masuk": _n(m.k_diterima),
        "pemberitahuan_tertulis": _n(m.diputuskan),
        "informasi_diserahkan": _n(m.diserahkan),
        "keberatan_ditanggapi": _n(m.k_ditanggapi),
        "jatuh_tempo_dekat": len(soon),
        "lewat_tenggat": len(overdue),
        "terbuka": len(cases),
        # the office's other open work jatuh-tempo lists (review setahun F4): a reply letter
        # not yet delivered, information owed (decided, or ordered by a granted objection)
        "tanggapan_belum_disampaikan": _n(k_status == "ditanggapi"),
        "menunggu_penyerahan": _n(m.menunggu_penyerahan),
    }
    label = {
        "permohonan_masuk": "Permohonan masuk",
        "keberatan_masuk": "Keberatan masuk",
        "pemberitahuan_tertulis": "Pemberitahuan tertulis dikirim",
        "informasi_diserahkan": "Permohonan yang informasinya diserahkan",
        "keberatan_ditanggapi": "Keberatan ditanggapi",
        "jatuh_tempo_dekat": f"Jatuh tempo dalam {dalam} hari kerja",
        "lewat_tenggat": "Lewat tenggat",
        "terbuka": "Belum dijawab (permohonan dan keberatan)",
        "tanggapan_belum_disampaikan": "Tanggapan keberatan belum disampaikan",
        "menunggu_penyerahan": "Informasi belum diserahkan",
    }
    tables = [
        Tabel(
            "ringkasan",
            "Ringkasan",
            [("ukuran", "Uraian"), ("nilai", "Jumlah")],
            [{"kunci": k, "ukuran": label[k], "nilai": v} for k, v in ringkasan.items()],
        ),
        Tabel(
            "masuk",
            "Masuk hari ini",
            [
                ("register", "Register"),
                ("nomor_registrasi", "Nomor"),
                ("nama_pemohon", "Pemohon"),
                ("perihal", "Perihal"),
                ("saluran", "Saluran"),
            ],
            masuk,
            kunci_baris=KASUS,
            label=False,
        ),
        Tabel(
            "dijawab",
            "Dijawab hari ini",
            [
                ("register", "Register"),
                ("nomor_registrasi", "Nomor"),
                ("nama_pemohon", "Pemohon"),
                ("langkah", "Langkah"),
                ("hari_kerja", "Hari kerja"),
                ("terlambat", "Terlambat"),
            ],
            dijawab,
            kunci_baris=("nomor_registrasi", "peristiwa"),
            label=False,
        ),
        Tabel(
            "jatuh_tempo",
            f"Jatuh tempo dalam {dalam} hari kerja",
            kolom_kasus,
            soon,
            kunci_baris=KASUS,
            label=False,
        ),
        Tabel(
            "terlambat",
            "Lewat tenggat (belum dijawab)",
            [*kolom_kasus[:-1], ("lewat_hari_kerja", "Lewat (hari kerja)")],
            overdue,
            kunci_baris=KASUS,
            label=False,
        ),
    ]
    return Laporan(
        jenis="harian",
        judul=f"Data Layanan Harian — {tanggal_hari(day)}",
        mulai=day,
        sampai=day,
        kantor=[office.nama],
        ringkasan=ringkasan,
        tabel=tables,
        catatan=[
            "Tenggat dihitung ulang dari tanggal diterima, perpanjangan, dan kalender libur; "
            "sisa hari kerja 0 = jatuh tempo hari ini.",
            "Belum dijawab = permohonan belum diberi pemberitahuan tertulis / keberatan belum "
            "ditanggapi pada tanggal laporan; pekerjaan kantor lain yang masih terbuka: tanggapan "
            "yang belum disampaikan kepada pemohon dan informasi yang belum diserahkan "
            "(diputuskan diberikan, atau diperintahkan keberatan yang dikabulkan).",
            "Status perkara adalah statusnya pada tanggal laporan: untuk hari yang sudah lewat "
            "disusun dari tanggal langkah di register ("
            + ", ".join(dict.fromkeys(st or "selesai/sengketa" for st, _ in STEPS_P + STEPS_K))
            + "); langkah tanpa tanggal dianggap belum terjadi.",
        ],
        detail=_received(P, K, m, d),
        instansi=_settings_snapshot(ws),
        dibuat=_now_iso(ws),
        peringatan=ws.outside_warnings(("permohonan", "keberatan", "libur")),
        workspaces=[ws],
        per=day,
    )


def _received(P: _View, K: _View, m: _Masks, at: np.datetime64) -> dict[str, pd.DataFrame]:
    """The detail rows of a report: the cases received in its period, as they stood at the end
    of day ``at`` (:func:`_as_of`)."""
    return {
        "permohonan": _as_of(P, m.diterima, at, STEPS_P, DATED_P),
        "keberatan": _as_of(K, m.k_diterima, at, STEPS_K, DATED_K),
    }


def _as_of(
    V: _View,
    rows: np.ndarray,
    at: np.datetime64,
    steps: Sequence[tuple[str, str]],
    dated: dict[str, tuple[str, ...]],
) -> pd.DataFrame:
    """The rows ``rows`` of ``V`` as they stood at the end of day ``at``: the status of that day
    (:func:`_status_on`); a step dated after it, and every step after that one (procedure
    order), blank, with the columns it filled in (``dated``)."""
    out = V.frame[rows].reset_index(drop=True)
    out["status"] = _status_on(V, at, steps, dated)[rows]
    later = np.zeros(len(out), dtype=bool)
    for col, filled in dated.items():
        later |= V.d(col)[rows] > at  # NaT compares False
        for key in (col, *filled):
            if key in out.columns:
                s = out[key]
                text = pd.api.types.is_string_dtype(s) or s.dtype == object
                out[key] = s.mask(later, "") if text else s.where(~later)  # NaN / NaT
    return out


def _status_on(
    V: _View, d: np.datetime64, steps: Sequence[tuple[str, str]], dated: Sequence[str]
) -> np.ndarray:
    """Each row's status at the end of day ``d`` (see the module doc): the current status when
    no dated step of the row (``dated``) lies after ``d``; otherwise ``terdaftar``, or the last of
    ``steps`` (status, date column) dated on or before ``d`` — a status None is the row's own: a
    final one (the requester's answer), which a late reply recorded under a dispute follows."""
    then = np.full(len(V), "terdaftar", dtype=object)
    for name, col in steps:
        then = np.where(V.d(col) <= d, V.s("status") if name is None else name, then)
    later = np.zeros(len(V), dtype=bool)
    for col in dated:
        later |= V.d(col) > d  # NaT compares False
    return np.where(later, then, V.s("status"))


def _int(x: float) -> int | None:
    return None if np.isnan(x) else int(x)


def workspaces_from(dirs: Iterable[str]) -> list[Workspace]:
    """Workspaces of the folders ``dirs`` (each must hold ppidctl.toml); duplicates dropped.
    Every folder that is none is named at once, with what it is (review gabung M1: the first
    only, with init's advice — followed, it merged an empty office of init's name)."""
    from ..workspace import Workspace

    out, seen, bad = [], set(), []
    for d in dirs:
        path = Path(d).expanduser()
        if not path.exists():
            bad.append(f"{d}: folder tidak ada")
        elif not path.is_dir():
            bad.append(f"{d}: berkas, bukan folder")
        elif not (path / "ppidctl.toml").is_file():
            inside = next(
                (q for q in path.resolve().parents if (q / "ppidctl.toml").is_file()), None
            )
            bad.append(
                f"{d}: folder di dalam workspace {inside} — sebutkan {inside}"
                if inside
                else f"{d}: bukan workspace ppidctl (tidak ada ppidctl.toml)"
            )
        else:
            try:
                ws = Workspace.find(path)
            except PpidError as e:
                raise in_folder(e, path) from None
            if ws.root not in seen:
                seen.add(ws.root)
                out.append(ws)
    if bad:
        raise UsageError(
            "folder --gabung yang tidak dapat dipakai: " + "; ".join(bad),
            "sebutkan folder workspace tiap kantor (folder yang memuat ppidctl.toml, mis. arsip "
            "kantor itu yang sudah dibuka)",
        )
    return out


__all__ += ["workspaces_from", "tanggal_panjang", "tanggal_hari", "BULAN"]
