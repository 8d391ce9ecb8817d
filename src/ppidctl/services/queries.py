"""Read-only questions: one record with its history, filtered lists, what is due.

Deadlines shown here are recomputed from the stored facts on today's calendar (so a holiday added
later re-dates open cases), and overdue cases are marked wherever they appear.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from .. import schema
from ..errors import NotFoundError, PpidError, RuleError, UsageError
from ..rules import deadlines
from ..rules.validation import lipat
from ..store import journal
from ..workspace import Workspace, other_format
from . import common

__all__ = ["DUE_CASE_KEYS", "Filter", "due_cases", "listing", "record"]

OPEN = schema.OPEN
#: Cases not yet closed whose next step has no statutory deadline; ``jatuh-tempo`` lists them
#: too (cli.md: every open case), below the statutory ones when they have no date: information
#: granted but not yet handed over (closed by ``selesai``; the notification's "waktu
#: penyediaan" is shown), a reply not yet delivered (the SOP standard ``[standar_layanan]
#: sampaikan_tanggapan``, SOP Keberatan step 7), a reply delivered and the requester's answer
#: awaited (the dispute window, UU 14/2008 Pasal 37(2): the requester's deadline, never the
#: office's lateness). Reports and ``periksa`` count only OPEN as open. A request a decision
#: closed ("selesai") whose objection the Atasan PPID then granted is listed too, until the
#: delivery is recorded (:func:`_granted`).
MENUNGGU = {"permohonan": ("diputuskan",), "keberatan": ("ditanggapi", "disampaikan")}
#: Closed cases with a step still owed (:func:`_owes_delivery`): a late response recorded under a
#: running dispute is delivered (review sengketa F6, left at stop 31)
OWED = {"permohonan": (), "keberatan": ("sengketa",)}


#: what --cari looks in (an objection is also found by its request's number)
SEARCHED = (
    "nama_pemohon",
    "informasi_diminta",
    "nomor_registrasi",
    "nomor_permohonan",
    "kuasa_nama",
    "nomor_sengketa",  # (the Komisi Informasi's own number, on its summons and ruling)
    "nomor_surat_tanggapan",
)


@dataclass
class Filter:
    status: str | None = None
    dari: str | None = None
    sampai: str | None = None
    bulan: str | None = None
    cari: str | None = None
    terlambat: bool = False
    dalam: int | None = None

    def __post_init__(self) -> None:
        for name, shape in (("dari", "%Y-%m-%d"), ("sampai", "%Y-%m-%d"), ("bulan", "%Y-%m")):
            if isinstance(getattr(self, name), date):  # (a script's date: as typed)
                setattr(self, name, getattr(self, name).strftime(shape))
        # an empty value (a script's unset variable: --bulan "$BULAN") is no filter at all:
        # wrong usage, not "every case"
        for name in ("status", "dari", "sampai", "bulan", "cari"):
            if getattr(self, name) is not None and not getattr(self, name).strip():
                raise UsageError(f"--{name} kosong", f"isi --{name} atau hapus opsinya")

    def period(self) -> tuple[str, str]:
        if self.bulan and (self.dari or self.sampai):
            raise UsageError(
                "--bulan tidak bisa dipakai bersama --dari/--sampai",
                "pilih --bulan YYYY-MM, atau --dari dan --sampai",
            )
        if self.bulan:
            if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", self.bulan):
                raise UsageError(f"--bulan '{self.bulan}' tidak sah", "tulis sebagai YYYY-MM")
            return f"{self.bulan}-01", f"{self.bulan}-31"
        lo, hi = self.dari or "", self.sampai or "9999-12-31"
        for name, value in (("--dari", self.dari), ("--sampai", self.sampai)):
            if value:
                try:  # exactly YYYY-MM-DD: rows are compared as that text
                    ok = bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)) and date.fromisoformat(
                        value
                    )
                except ValueError:
                    ok = False
                if not ok:
                    raise UsageError(f"{name} '{value}' bukan tanggal", "tulis YYYY-MM-DD")
        if self.dari and self.sampai and self.dari > self.sampai:
            raise RuleError(
                f"--dari {self.dari} sesudah --sampai {self.sampai}", "tukar kedua tanggalnya"
            )
        return lo, hi

    def check_status(self, registers: tuple[str, ...]) -> None:
        """Refuse a ``--status`` no register here has (a typo would list nothing, silently)."""
        from ..schema import column

        if not self.status:
            return
        known: dict[str, None] = {}
        for register in registers:
            known.update(dict.fromkeys(column(register, "status").pilihan))
        if self.status not in known:
            raise UsageError(
                f"--status '{self.status}' tidak dikenal untuk register {' dan '.join(registers)}",
                f"pilih salah satu: {', '.join(known)}",
            )


def due_info(ws: Workspace, register: str, row: dict[str, str], today: date) -> dict[str, Any]:
    """The live deadline of an open case: date, working days left (None: no date), kind of
    deadline; for a case of MENUNGGU, its next step's."""
    status = row.get("status", "")
    if status in MENUNGGU[register]:
        return _waiting(ws, row, today)
    if register == "permohonan":
        rule = deadlines.request
        kind = "pemberitahuan tertulis" + (
            " (diperpanjang)" if row.get("diperpanjang_pada") else ""
        )
    else:
        rule = deadlines.objection
        kind = "tanggapan Atasan PPID"
    if row.get("tahapan"):  # (the stage running at receipt: "berjalan" read, months on, as
        kind += f" — tahapan {row['tahapan']}"  # still running — review hitung N3)
    try:
        due = rule(row, ws.settings, ws.calendar)
    except ValueError:  # a date edited by hand into another shape: told in the row
        return _due(ws, today, None, f"{kind} (tanggal tidak terbaca: ppidctl periksa)")
    if register == "keberatan" and due.tanggal < today:
        # no response by the deadline: the requester may go to the Komisi Informasi (Pasal 37(2))
        sengketa = deadlines.dispute(row, ws.settings, ws.calendar)
        kind += f"; pemohon dapat mengajukan sengketa s.d. {sengketa.tanggal.isoformat()}"
    return _due(ws, today, due.tanggal, kind, peringatan=list(due.peringatan))


def _due(
    ws: Workspace,
    today: date,
    due: date | None,
    kind: str,
    pihak: str = "kantor",
    peringatan: list[str] | None = None,
) -> dict[str, Any]:
    """The fields of a deadline as listed: no date (None) has no working days left either."""
    return {
        "jatuh_tempo": due.isoformat() if due else "",
        "sisa_hari_kerja": deadlines.remaining(ws.calendar, today, due) if due else None,
        "jenis_tenggat": kind,
        "pihak": pihak,
        "peringatan": peringatan or [],
    }


def _waiting(ws: Workspace, row: dict[str, str], today: date) -> dict[str, Any]:
    status, due, pihak = row["status"], None, "kantor"
    day = {"ditanggapi": "tanggal_tanggapan", "disampaikan": "disampaikan_pada"}.get(status, "")
    try:
        start = common.iso_day(row[day]) if row.get(day) else None
    except ValueError:  # a hand edit: told, not a traceback (periksa names the cell)
        start = None
    if status == "diputuskan":
        kind = "penyerahan informasi (tanpa tenggat undang-undang)"
        if row.get("waktu_penyediaan"):
            kind += f"; waktu penyediaan: {row['waktu_penyediaan']}"
    elif status == "ditanggapi":
        kind = "penyampaian tanggapan (standar layanan SOP)"
        if start:
            limit = int(ws.settings.get("standar_layanan", "sampaikan_tanggapan"))
            due = ws.calendar.add_workdays(start, limit).tanggal
        try:
            batas = deadlines.objection(row, ws.settings, ws.calendar).tanggal
        except ValueError:  # (a hand edit: periksa names it)
            batas = today
        if batas < today:  # the reply has not reached the requester by the statutory deadline
            sengketa = deadlines.dispute(row, ws.settings, ws.calendar).tanggal
            kind += (
                f"; tenggat tanggapan {batas.isoformat()} lewat sebelum disampaikan: pemohon "
                f"dapat mengajukan sengketa s.d. {sengketa.isoformat()}"
            )
    else:  # disampaikan: the requester's deadline, not the office's (recomputed, as the others)
        kind = "tanggapan pemohon; batas pengajuan sengketa (tenggat pemohon)"
        pihak = "pemohon"
        if start:
            due = deadlines.dispute(row, ws.settings, ws.calendar).tanggal
    if day and row.get(day) and start is None:
        kind += f" ({day} '{row[day]}' tidak terbaca: ppidctl periksa)"
    return _due(ws, today, due, kind, pihak)


def _owes_delivery(row: dict[str, str]) -> bool:
    """An objection under dispute whose Atasan PPID's response came late (after the requester
    went to the Komisi Informasi) and is not yet delivered: the office still owes it before the
    ruling (services.keberatan refuses it after)."""
    filed = row.get("tanggapan_pemohon_pada", "")
    return bool(  # (an old book's dispute after a reply it never dated the delivery of is no
        filed  # work: only a response given after the filing — review sesi32b M4)
        and row.get("tanggal_tanggapan", "")[:10] >= filed[:10]  # (that day too: sesi32c N3)
        and not row.get("disampaikan_pada")
        and not row.get("putusan_sengketa")
    )


def _late_reply(ws: Workspace, row: dict[str, str], today: date) -> dict[str, Any]:
    """The delivery of a response recorded under a running dispute: the SOP's standard from
    the response, as for any reply (``sampaikan_tanggapan``, SOP Keberatan step 7)."""
    limit = int(ws.settings.get("standar_layanan", "sampaikan_tanggapan"))
    kind = "penyampaian tanggapan (standar layanan SOP); sengketa sudah diajukan"
    if row.get("tanggapan_pemohon_pada"):
        kind += f" {row['tanggapan_pemohon_pada']}"
    try:
        due = ws.calendar.add_workdays(common.iso_day(row["tanggal_tanggapan"]), limit).tanggal
    except ValueError:  # (a hand edit: periksa names it)
        return _due(ws, today, None, f"{kind} (tanggal_tanggapan tidak terbaca: ppidctl periksa)")
    return _due(ws, today, due, kind)


def late_flag(row: dict[str, str], due: dict[str, Any] | None) -> str:
    """``terlambat`` as ppidctl shows a case: for one still running (``due``: its live deadline),
    whether the office's own deadline has passed; otherwise as recorded at its decision or
    response ("tidak" before anything was recorded), so ``lihat`` and ``daftar`` agree. An
    answer recorded without its date (an old book's) is not judged: "" (it said "tidak")."""
    if overdue(due):
        return "ya"
    if row.get("terlambat"):
        return row["terlambat"]
    answered = "tanggal_pemberitahuan" if "keputusan" in row else "tanggal_tanggapan"
    undated = (row.get("keputusan") or row.get("keputusan_atasan")) and not row.get(answered)
    return "" if undated else "tidak"


def overdue(due: dict[str, Any] | None) -> bool:
    """Whether a live deadline (``due_info``) is the office's and has passed (its own
    deadline, or an SOP date): a requester's window never is."""
    if due is None:
        return False
    left = due["sisa_hari_kerja"]
    return due["pihak"] == "kantor" and left is not None and left < 0


def is_open(register: str, row: dict[str, str]) -> bool:
    return row.get("status") in OPEN[register]


def listing(
    ws: Workspace,
    register: str,
    f: Filter,
    *,
    only_open: bool = False,
    peringatan: dict[str, None] | None = None,
) -> list[dict[str, Any]]:
    """The register's cases matching ``f``, each with its live deadline; the calendar's warnings
    about the deadlines listed (an estimated holiday near one) are added to ``peringatan``."""
    lo, hi = f.period()
    if not only_open:  # due_cases checks against both registers
        f.check_status((register,))
    needle = lipat(f.cari or "")
    # a case is found by the number of a letter it was sent too (the agenda: review agenda M6 —
    # a letter cited at a hearing led nowhere); the agenda is read only for a search with digits
    lettered = (
        {
            r["nomor_registrasi"]
            for r in ws.read("surat").rows
            if r["register"] == register and needle in lipat(r["nomor_surat"])
        }
        if any(c.isdigit() for c in needle)
        else set()
    )
    today = ws.today()
    statuses = OPEN[register] + MENUNGGU[register] + OWED[register] if only_open else None
    if f.status:
        statuses = (f.status,) if statuses is None or f.status in statuses else ()
    table = ws.read(register)
    granted: dict[str, list[dict[str, str]]] = {}
    if only_open and register == "permohonan" and f.status in (None, "selesai"):
        granted = _granted(ws)
    if statuses is None:
        rows = table.rows
    else:  # (one pass over a large register for both)
        rows = table.rows_where("status", statuses, also=("nomor_registrasi", tuple(granted)))
    out = []
    for row in rows:
        if f.status and row["status"] != f.status:
            continue
        if not lo <= row["tanggal_diterima"] <= hi:
            continue
        if needle and not (
            any(needle in lipat(row.get(k, "")) for k in SEARCHED)
            or row["nomor_registrasi"] in lettered
        ):
            continue
        rec = dict(row)
        # jatuh-tempo lists a case waiting on a step without a statutory deadline with that
        # step's date; daftar keeps the register's own (jatuh_tempo, terlambat as recorded)
        waiting = only_open and row["status"] in MENUNGGU[register]
        due = None
        if only_open and row["status"] == "selesai":
            k = common.order_to_carry_out(row, granted.get(row["nomor_registrasi"], ()))
            if k is None:  # (a closed request read with the granted objections: nothing owed)
                continue
            due = _due(
                ws, today, None,
                f"penyerahan informasi {common.atas_perintah(k)} pada "
                f"{common.order_day(k) or '-'} (tanpa tenggat undang-undang)",
            )  # fmt: skip
            rec.update({k: v for k, v in due.items() if k != "peringatan"})
        elif only_open and row["status"] in OWED[register]:
            if not _owes_delivery(row):
                continue
            due = _late_reply(ws, row, today)
            rec.update({k: v for k, v in due.items() if k != "peringatan"})
        elif waiting or is_open(register, row):
            due = due_info(ws, register, row, today)
            rec.update({k: v for k, v in due.items() if k != "peringatan"})
            if peringatan is not None and due["peringatan"]:
                peringatan.update(dict.fromkeys(due["peringatan"]))
        for k in DUE_FIELDS:  # (every record has every key: null where a case has none)
            rec.setdefault(k, None)
        # jatuh-tempo judges the deadline it lists: a requester's dispute window after a late
        # response, an order with no deadline, were 'ya' by the earlier step's recorded
        # lateness, and --terlambat counted otherwise than laporan harian (review setahun F1)
        rec["terlambat"] = ("ya" if overdue(due) else "tidak") if only_open else late_flag(row, due)
        if f.terlambat and rec["terlambat"] != "ya":
            continue
        if f.dalam is not None and (
            rec.get("pihak") != "kantor"  # (the office's deadlines; a requester's window is not)
            or rec["sisa_hari_kerja"] is None
            or rec["sisa_hari_kerja"] > f.dalam
        ):
            continue
        out.append(rec)
    return out


def _granted(ws: Workspace) -> dict[str, list[dict[str, str]]]:
    """Request number → the objections on it the Atasan PPID granted in a way that orders the
    information given: ``jatuh-tempo`` lists a request a decision closed ("selesai") while such
    an order has no delivery (``common.order_to_carry_out``)."""
    out: dict[str, list[dict[str, str]]] = {}
    table = ws.read("keberatan")
    for k in table.rows_where(
        "keputusan_atasan", ("diterima",), also=("putusan_sengketa", schema.PUTUSAN_PERINTAH_SERAH)
    ):
        if common.orders_delivery(k):
            out.setdefault(k["nomor_permohonan"], []).append(k)
    return out


#: the fields ``due_info`` adds to a listed case, beyond the register's columns
DUE_FIELDS = ("jatuh_tempo", "sisa_hari_kerja", "jenis_tenggat", "pihak")


def listing_keys(register: str) -> list[str]:
    """Every key a ``listing`` record can have: the register's columns and the live deadline."""
    from ..schema import columns

    keys = [c.key for c in columns(register)]
    return keys + [k for k in DUE_FIELDS if k not in keys]


#: one case of ``jatuh-tempo``
DUE_CASE_KEYS = (
    "register",
    "nomor_registrasi",
    "tanggal_diterima",
    "nama_pemohon",
    "status",
    "jenis_tenggat",
    "pihak",
    "jatuh_tempo",
    "sisa_hari_kerja",
    "terlambat",
)


def due_cases(
    ws: Workspace,
    f: Filter,
    peringatan: dict[str, None] | None = None,
) -> list[dict[str, Any]]:
    """What ``ppidctl jatuh-tempo`` lists: every open case of both registers (OPEN and
    MENUNGGU) with a date to keep — the office's deadlines, overdue first, then by working days
    left; then requesters' dispute windows; an Atasan PPID's order to give information a
    refusal had closed (``selesai``, no date) last. ``pihak``: whose deadline it is (kantor /
    pemohon). Open cases with no date (decided, the information not yet handed over; legacy
    rows by the hundred) are only counted, in ``peringatan``, unless ``f.status`` asks for
    them; so is a requester's window that lapsed with no dispute recorded (the case is
    closed by hand)."""
    registers = ("permohonan", "keberatan")
    f.check_status(registers)
    notes: dict[str, None] = {} if peringatan is None else peringatan
    out = []
    for register in registers:
        for rec in listing(ws, register, f, only_open=True, peringatan=notes):
            out.append({"register": register, **{k: rec[k] for k in DUE_CASE_KEYS[1:]}})
    out.sort(  # the office's deadlines, then the requesters' windows, then those without a date
        key=lambda r: (
            r["sisa_hari_kerja"] is None,
            r["pihak"] != "kantor",
            r["sisa_hari_kerja"] or 0,
            r["jatuh_tempo"],
            r["tanggal_diterima"],  # (on one deadline the older case first: December's 008
            r["nomor_registrasi"],  # before January's 001)
        )
    )
    if not f.status:
        undated = Counter(
            (r["register"], r["status"])
            for r in out
            if not r["jatuh_tempo"] and r["status"] != "selesai"
        )
        out = [r for r in out if r["jatuh_tempo"] or r["status"] == "selesai"]
        for (reg, st), n in sorted(undated.items()):
            notes[
                f"juga terbuka tanpa tanggal tenggat: {n} {reg} berstatus {st} — lihat: ppidctl "
                f"jatuh-tempo --status {st}"
            ] = None
    lapsed = [
        r
        for r in out
        if r["pihak"] == "pemohon" and r["sisa_hari_kerja"] is not None and r["sisa_hari_kerja"] < 0
    ]
    if lapsed:  # (dated the day the right lapsed: today's date put the acceptance in another
        k = lapsed[0]  # period of the reports — review sengketa F5)
        notes[
            f"{len(lapsed)} keberatan melewati batas pengajuan sengketa tanpa sengketa "
            f"tercatat (mis. {k['nomor_registrasi']}) — tutup: ppidctl keberatan "
            f"tanggapan-pemohon {k['nomor_registrasi']} --sikap menerima --tanggal "
            f"{k['jatuh_tempo']} (batas sengketanya)"
        ] = None
    return out


def _cancelled(ws: Workspace, register: str, wanted: str, pattern: str) -> str | None:
    """What the journal says of ``wanted`` when it is a number given and deleted since (a
    duplicate cancelled): "tidak ada di register" alone sent the officer looking for a case
    the journal knows was removed, when, by whom and why (review koreksi L1)."""
    from ..rules import numbering

    retired = journal.retired_numbers(ws.journal_path, register)
    if wanted.isascii() and wanted.isdigit():
        year = str(ws.today().year)
        hits = [
            n
            for n in retired
            if numbering.sequence_of(n, pattern) == int(wanted) and n.endswith(year)
        ]
    else:
        hits = [n for n in retired if common.loose_number(n) == common.loose_number(wanted)]
    if len(hits) != 1:
        return None
    n = hits[0]
    gone = [e for e in journal.history(ws.journal_path, register, n) if e.get("aksi") == "hapus"]
    if not gone:
        return f"nomor {n} tidak ada lagi di register {register}; nomor itu tidak dipakai lagi"
    e = gone[-1]
    who = e.get("petugas") or e.get("pengguna") or "-"
    why = f": {e['catatan']}" if e.get("catatan") else ""
    return (
        f"nomor {n} dibatalkan — barisnya dihapus ({e.get('perintah', '')}, "
        f"{str(e.get('waktu', ''))[:16].replace('T', ' ')} oleh {who}){why}; nomor itu tidak "
        "dipakai lagi"
    )


def record(ws: Workspace, register: str, nomor: str) -> dict[str, Any]:
    """One record, its live deadline, its whole history from the journal, and linked cases.
    Read without the lock: another desk's commit between reading the row and its history
    showed a row contradicting its own history (status 'terdaftar' under a 'teruskan' — review
    serentak L1), so a read the journal grew under is read again."""
    for _ in range(3):
        grown = _journal_size(ws)
        out = _record(ws, register, nomor)
        if _journal_size(ws) == grown:
            break
    return out


def _journal_size(ws: Workspace) -> int:
    try:
        return ws.journal_path.stat().st_size
    except OSError:
        return -1


def _record(ws: Workspace, register: str, nomor: str) -> dict[str, Any]:
    table = ws.read(register)
    pattern = ws.settings.get("penomoran", register)
    try:
        i = common.find(table, nomor, ws.today(), pattern)
    except NotFoundError as e:
        gone = _cancelled(ws, register, str(nomor).strip(), pattern)
        if gone is None:
            raise
        raise NotFoundError(gone, e.saran) from None
    row = dict(table.rows[i])
    out: dict[str, Any] = {"data": row}
    due = due_info(ws, register, row, ws.today()) if is_open(register, row) else None
    out["tenggat"] = due  # (null for a case with no deadline running)
    row["terlambat"] = late_flag(row, due)
    out["riwayat"] = [
        {
            k: e.get(k)
            for k in (
                "waktu",
                "waktu_langkah",
                "perintah",
                "petugas",
                "pengguna",
                "aksi",
                "nilai",
                "perubahan",
                "berkas",
                "nomor_surat",
                "keterangan_surat",
                "sumber",
                "catatan",
            )
            if e.get(k) not in (None, "", [], {})
        }
        for e in journal.history(ws.journal_path, register, row["nomor_registrasi"])
    ]
    path = ws.register_path("keberatan")
    if register == "permohonan" and (path.exists() or other_format(path).exists()):
        # (ws.read refuses objections kept in the other format: they were left out silently)
        out["keberatan"] = [
            {
                k: r[k]
                for k in (
                    "nomor_registrasi",
                    "tanggal_diterima",
                    "alasan",
                    "status",
                    "keputusan_atasan",
                    "tanggal_tanggapan",
                    "nomor_surat_tanggapan",
                    "putusan_sengketa",
                    "tanggal_putusan_sengketa",
                    "nomor_sengketa",
                )
            }
            for r in ws.read("keberatan").rows
            if r["nomor_permohonan"] == row["nomor_registrasi"]
        ]
        # the objections the Atasan PPID granted (as the reports count them; whether one
        # orders the information given: common.orders_delivery, `lihat`)
        out["keberatan_dikabulkan"] = [
            k["nomor_registrasi"] for k in out["keberatan"] if k["keputusan_atasan"] == "diterima"
        ]
    if register == "keberatan" and row.get("nomor_permohonan"):
        for r in ws.read("permohonan").rows:
            if r["nomor_registrasi"] == row["nomor_permohonan"]:
                out["permohonan"] = {
                    k: r[k]
                    for k in (
                        "nomor_registrasi",
                        "tanggal_diterima",
                        "status",
                        "keputusan",
                        "tanggal_pemberitahuan",
                        "tanggal_selesai",
                    )
                }
    return out


def agenda(ws: Workspace, f: Filter) -> list[dict[str, str]]:
    """The agenda of outgoing letters (``surat``), by letter date then number: those dated in
    ``f``'s period, matching ``f.cari`` in the number, case, kind or file. Copies and voided
    letters are in it, marked in ``keterangan`` (review agenda M6: the agenda was a raw CSV
    only)."""
    from ..rules import numbering

    lo, hi = f.period()
    needle = lipat(f.cari or "")
    pattern = ws.settings.get("penomoran", "surat") or ""
    rows = [dict(r) for r in ws.read("surat").rows if lo <= r["tanggal"] <= hi]
    _addressed(ws, rows)
    if needle:
        keys = ("nomor_surat", "nomor_registrasi", "jenis", "keterangan", "perihal", "tujuan")
        rows = [r for r in rows if any(needle in lipat(r[k]) for k in keys)]

    def order(r: dict[str, str]) -> tuple:
        key = numbering.number_key(r["nomor_surat"], pattern, r["tanggal"][:4])
        return (r["tanggal"], key[-1] if key[0] == "urut" else 0, r["nomor_surat"])

    return sorted(rows, key=order)  # (stable: a copy after its original, as made)


def _addressed(ws: Workspace, rows: list[dict[str, str]]) -> None:
    """Each agenda row's ``perihal`` (the letter's title) and ``tujuan`` (to whom: the
    requester, through a proxy), as an outgoing-letter book has them (review agenda M6). Read
    from the letter kind and its case, not stored twice: a name corrected in the register is
    the agenda's too."""
    from ..letters.engine import KINDS

    wanted: dict[str, set[str]] = {}
    for r in rows:
        wanted.setdefault(r["register"], set()).add(r["nomor_registrasi"])
    who: dict[tuple[str, str], str] = {}
    unread: dict[str, str] = {}
    for register, numbers in wanted.items():
        if register not in ("permohonan", "keberatan"):
            continue
        try:  # (the agenda is what the desk needs while a register is being restored: 32d2 L3)
            cases = ws.read(register).rows_where("nomor_registrasi", tuple(numbers))
        except PpidError:
            unread[register] = f"(register {register} tidak terbaca)"
            continue
        for c in cases:
            name, proxy = c.get("nama_pemohon", ""), c.get("kuasa_nama", "")
            who[register, c["nomor_registrasi"]] = f"{name} (melalui {proxy})" if proxy else name
    for r in rows:
        kind = KINDS.get(r["jenis"])
        r["perihal"] = kind.title if kind else ""
        r["tujuan"] = who.get(
            (r["register"], r["nomor_registrasi"]),
            unread.get(r["register"], "(perkara tidak ada lagi di register)"),  # (32d2 L4)
        )
