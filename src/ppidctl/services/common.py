"""What the use cases share: finding a row by its number, numbering, step-date checks, the
API's input normalisation (``dated_step``), the SOP's internal service standards, and what an
objection the Atasan PPID granted orders the PPID to do."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from .. import schema
from ..errors import NotFoundError, PpidError, RegisterError, RuleError, UsageError
from ..rules import numbering
from ..store.copies import KOSONG, TUNGGU, empty_file
from ..store.table import Table
from ..store.transaction import STEP_TIME
from ..workspace import Workspace, register_file_present

if TYPE_CHECKING:
    from ..store.transaction import Transaction


FINAL, GIVEN = schema.FINAL, schema.GIVEN


def find(table: Table, nomor: str, today: date, pattern: str = "") -> int:
    """Row index of ``nomor``: the full number, or its sequence part alone when that is
    unambiguous in ``today``'s year (e.g. ``1`` or ``001``) — and no case of the year before
    with that sequence is still running: in January most open work is December's, and ``3``
    must not silently pick January's 003 (a decision, a letter, to the wrong requester)."""
    wanted = str(nomor).strip() if isinstance(nomor, int) else (nomor or "").strip()
    if not wanted:
        raise UsageError("nomor registrasi kosong", "tulis nomor registrasi atau nomor urutnya")
    exact = [i for i, row in enumerate(table.rows) if row["nomor_registrasi"] == wanted]
    if exact:
        return _one(table, exact)
    if wanted.isascii() and wanted.isdigit():
        seq, year = int(wanted), str(today.year)

        def year_of(row: dict[str, str]) -> str:  # (a date Excel saved as 8/4/2026: the year
            # its number states — the search said "no 3 in 2026" and offered a 2026 number)
            day = row["tanggal_diterima"]
            if day[4:5] == "-":
                return day[:4]
            return str(numbering.month_year_stated(row["nomor_registrasi"], pattern)[1] or "")

        hits = [
            i
            for i, row in enumerate(table.rows)
            if year_of(row) == year
            and numbering.sequence_of(row["nomor_registrasi"], pattern) == seq
        ]
        running = [
            row["nomor_registrasi"]
            for row in table.rows
            if year_of(row) == str(today.year - 1)
            and row.get("status") not in FINAL.get(table.register, ())
            and numbering.sequence_of(row["nomor_registrasi"], pattern) == seq
        ]
        if len({table.rows[i]["nomor_registrasi"] for i in hits}) == 1 and not running:
            return _one(table, hits)
        if hits and running:
            raise NotFoundError(
                f"nomor urut {wanted} bisa {table.rows[hits[0]]['nomor_registrasi']} atau "
                f"{', '.join(running)} (tahun lalu, belum selesai)",
                "tulis nomor registrasi lengkap",
            )
        if len(hits) > 1:
            found = ", ".join(table.rows[i]["nomor_registrasi"] for i in hits)
            raise NotFoundError(
                f"nomor urut {wanted} tidak tunggal di register {table.register} {year}: {found}",
                "tulis nomor registrasi lengkap",
            )
        same = [  # only in other years: the short form is for this year's numbers
            row["nomor_registrasi"]
            for row in table.rows
            if numbering.sequence_of(row["nomor_registrasi"], pattern) == seq
        ]
        if same:
            raise NotFoundError(
                f"nomor urut {wanted} tidak ada di register {table.register} tahun {year} "
                "(nomor urut saja dicari di tahun itu saja)",
                f"tulis nomor registrasi lengkap, mis. {', '.join(same[:3])}",
            )
    else:  # typed in lower case, or in a letter file's form (001-PPID-5271-III-2026)
        loose = loose_number(wanted)
        hits = [
            i for i, row in enumerate(table.rows) if loose_number(row["nomor_registrasi"]) == loose
        ]
        if len({table.rows[i]["nomor_registrasi"] for i in hits}) == 1:
            return _one(table, hits)
        if len(hits) > 1:
            found = ", ".join(table.rows[i]["nomor_registrasi"] for i in hits)
            raise NotFoundError(
                f"nomor {wanted} cocok dengan lebih dari satu nomor di register "
                f"{table.register}: {found}",
                "tulis nomor registrasi persis seperti di register",
            )
    if not table.rows and empty_file(table.path):  # (a copy or sync not finished: sesi33 L1)
        raise RegisterError(
            f"registers/{table.path.name} {KOSONG}",
            f"{TUNGGU}; bila tetap kosong, bangun ulang dari jurnal: ppidctl pulihkan --register "
            f"{table.register}",
        )
    if not table.rows and not register_file_present(table.register, table.path):
        raise RegisterError(  # (not "nomor 1 tidak ada": the case is there, its file is not —
            # review sesi32d2 L5; catat says the same at its commit)
            f"registers/{table.path.name} tidak ada (dihapus atau dipindahkan di luar ppidctl)",
            f"bangun ulang dari jurnal: ppidctl pulihkan --register {table.register}; lihat: "
            "ppidctl periksa",
        )
    raise NotFoundError(
        f"nomor {wanted} tidak ada di register {table.register}",
        f"lihat nomor yang ada dengan: ppidctl {table.register} daftar",
    )


def loose_number(nomor: str) -> str:
    """A number as typed loosely: case and "-" for "/" do not matter."""
    return nomor.strip().casefold().replace("-", "/")


def _one(table: Table, hits: list[int]) -> int:
    """The row of one number; a number on several rows (a row copied by hand in Excel) is
    refused: which copy is meant is unknown."""
    if len(hits) > 1:
        nomor = table.rows[hits[0]]["nomor_registrasi"]
        raise RegisterError(
            f"nomor {nomor} tercatat {len(hits)} kali di register {table.register} (baris "
            "disalin di luar ppidctl)",
            "lihat: ppidctl periksa; hapus salinannya lalu ppidctl periksa --terima-perubahan "
            "--catatan TEKS, atau ppidctl pulihkan",
        )
    return hits[0]


def load_row(
    tx, ws: Workspace, register: str, nomor: str, when: datetime
) -> tuple[int, dict[str, str]]:
    """The row of ``nomor`` in ``register`` as read by transaction ``tx`` (index, row), its
    dates checked (``check_dates``): every step computes with them. A sequence alone is looked
    up in the year of the step's date ``when`` (``--tanggal 2026-12-31 … 1`` in January is
    December's 1, not January's)."""
    table = tx.table(register)
    i = find(table, nomor, when.date(), ws.settings.get("penomoran", register))
    check_dates(table.rows[i], register)
    return i, table.rows[i]


def check_dates(row: dict[str, str], register: str) -> None:
    """Refuse a step on a row whose date cells are not ``YYYY-MM-DD`` (a hand edit: ``16/09/2026``,
    a time added), naming the cell: the deadline and step-order rules read them all. The same
    test as ``periksa``'s (:func:`~ppidctl.rules.validation.tanggal_iso`)."""
    from ..rules.validation import tanggal_iso
    from ..schema import TANGGAL, columns

    for col in columns(register):
        value = row.get(col.key, "")
        if col.tipe == TANGGAL and value and tanggal_iso(value) is None:
            raise _not_a_date(f"{row.get('nomor_registrasi', '')}: {col.key}", value)


def next_number(ws: Workspace, tx: Transaction, register: str, when: date) -> str:
    """The next registration number of ``when``'s year: one above the highest used that year,
    never one given before and deleted since (``tx.retired``).

    Uses the sequence cache when the register file is unchanged since ppidctl last wrote it, so
    registering does not parse a large register; otherwise parses it and refreshes the cache.
    """
    from ..store import seqcache
    from ..workspace import cache_dir

    table = tx.table(register)
    pattern = ws.settings.get("penomoran", register)
    year = str(when.year)
    sha = table.sha256_as_read()
    maxes = None if table.parsed else seqcache.lookup(cache_dir(), table.path, pattern, sha)
    if maxes is None:
        maxes = seqcache.maxima(table.rows, pattern)
        seqcache.remember(cache_dir(), table.path, pattern, maxes, sha)
    seq = maxes.get(year, 0) + 1
    kode = ws.settings.get("instansi", "kode_satker")
    used = {r["nomor_registrasi"] for r in table.rows} if table.parsed else set()
    retired = tx.retired(register) | rejected_numbers(ws, register)
    used |= retired
    skip = numbering.sequences_of_year(retired, pattern, when.year)
    while True:  # a legacy row may already carry the number the pattern gives
        nomor = numbering.format_number(pattern, seq, kode, when)
        if nomor not in used and seq not in skip:
            _refuse_older_registers(ws, tx, register, nomor, when.year)
            return nomor
        seq += 1


#: a letter file's name after its case's number (services.letters.safe_name): a kind, a copy
_LETTER_TAIL = re.compile(r"[a-z]+(?:-[a-z]+)*(?:-[0-9]+)?\.docx")


def _refuse_older_registers(
    ws: Workspace, tx: Transaction, register: str, nomor: str, year: int
) -> None:
    """Refuse to give ``nomor`` when letters/ already holds a letter named for it: registers/
    are older than letters/ (restored from an older archive) and the number was given before,
    to someone else (review pulih H1). Checked for the number, not a letter's file: ``catat
    --tanpa-surat`` makes none, and gave it again (review sesi31 H1). The receipt year's folder
    and the next (a letter dated in January) are listed: a few milliseconds. A letter of the
    register's last change, journalled but never written (a disk full, a power cut), is told as
    that, with ``pulihkan`` (review rusak M1)."""
    from .letters import safe_name

    prefix = safe_name(nomor) + "-"
    for folder in (ws.letters_dir / str(year), ws.letters_dir / str(year + 1)):
        try:
            names = [e.name for e in os.scandir(folder)]
        except OSError:  # (no such year yet; an unreadable folder is periksa's to tell)
            continue
        for name in names:
            if name.startswith(prefix) and _LETTER_TAIL.fullmatch(name[len(prefix) :]):
                tx.refuse_unlike_journal(register)  # (the letter of a change never written)
                raise RuleError(
                    f"nomor {nomor} akan diberikan, tetapi letters/{folder.name}/{name} sudah "
                    "ada: register tampaknya lebih tua daripada folder letters/ (dipulihkan dari "
                    "arsip lama?), dan nomor itu sudah pernah diberikan",
                    "jangan dilewati dengan --tanpa-surat; jalankan ppidctl periksa, lalu "
                    "pulihkan registers/ dan letters/ dari arsip yang sama (yang terbaru) — bila "
                    "tidak ada arsip yang memuat perkara itu: ppidctl periksa --terima-perubahan "
                    "--catatan TEKS, agar nomornya tidak diberikan lagi",
                )


def rejected_numbers(ws: Workspace, register: str) -> set[str]:
    """The registration numbers of ``register``'s rows in the import's rejects files
    (``impor/tolak-*.csv``): rows of an old book the import refused, whose numbers the book gave
    to real requesters. An import holds them in the journal (``nomor_ditahan``) since 23 November
    2026; one made by an older ppidctl left them only in its rejects file, and after an upgrade
    ``catat`` gave such a number to a new requester (rules.md §6). Read as the import reads
    them: the number column by its header, a bare sequence ("2") completed with the row's
    receipt date; a file without such a header gives the cells of the office's pattern. Kept
    from new numbers, not retired: the corrected row is still imported with its own number."""
    folder = ws.root / "impor"
    files = sorted(folder.glob("tolak-*.csv")) if folder.is_dir() else []
    if not files:  # (every catat asks: the import's modules only when there is a file to read)
        return set()
    import csv

    from ..legacy.reader import header_key
    from ..legacy.values import NilaiError, parse_tanggal

    pattern = ws.settings.get("penomoran", register)
    kode = ws.settings.get("instansi", "kode_satker")
    only_k = set(schema.keys("keberatan")) - set(schema.keys("permohonan"))
    out: set[str] = set()
    for path in files:
        try:
            with path.open(encoding="utf-8-sig", errors="replace", newline="") as f:
                rows = csv.reader(f)
                header = next(rows, [])
                # whose book: two columns only an objection register has (as impor judges it)
                objections = sum(header_key("keberatan", h) in only_k for h in header) >= 2
                if objections != (register == "keberatan"):
                    continue
                keys = [header_key(register, h) for h in header]
                if "nomor_registrasi" not in keys:
                    out.update(
                        c.strip() for row in rows for c in row if numbering.fits(c.strip(), pattern)
                    )
                    continue
                i = keys.index("nomor_registrasi")
                j = keys.index("tanggal_diterima") if "tanggal_diterima" in keys else None
                for row in rows:
                    nomor = row[i].strip() if i < len(row) else ""
                    if nomor.isdigit() and int(nomor) and j is not None and j < len(row):
                        try:
                            day = parse_tanggal(row[j])
                        except NilaiError:
                            day = None
                        if day is not None:
                            nomor = numbering.format_number(pattern, int(nomor), kode, day)
                    if numbering.fits(nomor, pattern) or all(
                        numbering.year_and_sequence(nomor, pattern)
                    ):
                        out.add(nomor)
        except OSError:
            continue
    return out


def as_text(data: Any) -> None:
    """The fields of a step's input (``RequestInput``, ``Decision``, …) as the text the desk
    types, checked when a script builds one: an amount or a request's number may come as a
    number, the documents and reasons as a list of codes, None as nothing; any other value
    that is no text (a phone number as an int has lost its leading 0), or a yes/no that is no
    bool ("tidak" is true: it forced a step), is refused here, not deep in a rule with
    Python's English."""
    import dataclasses

    for f in dataclasses.fields(data):
        value = getattr(data, f.name)
        if f.type == "bool":
            if value is None:
                setattr(data, f.name, False)
            elif not isinstance(value, bool):
                raise UsageError(
                    f"{f.name} {value!r} bukan ya/tidak (bool)", f"beri {f.name}=True atau False"
                )
        elif value is None:
            setattr(data, f.name, "")
        elif f.name in ("biaya", "permohonan") and type(value) is int:
            setattr(data, f.name, str(value))
        elif not (
            isinstance(value, str)
            or (
                f.name in ("dokumen", "alasan")
                and isinstance(value, list | tuple)
                and all(isinstance(x, str) for x in value)
            )
        ):
            raise UsageError(f"{f.name} {value!r} bukan teks", f"beri {f.name} sebagai teks (str)")


def dated_step(fn: Callable) -> Callable:
    """A register step ``fn(ws, …, tanggal=None, …) -> Result`` whose result also warns when
    the step's date (``tanggal``, or today) is not a working day, naming the day and why: a
    letter dated on a holiday is most often a mistyped --tanggal. Warned, not refused (a request
    may come by e-mail on a Saturday). When it made letters, what they print that is not
    right yet (:func:`letters.letter_warnings`). One place for every step, not one per command."""

    @functools.wraps(fn)
    def step(ws: Workspace, *args, tanggal: str | date | None = None, **kwargs):
        from ..rules.validation import waktu

        if isinstance(tanggal, datetime):  # (a script's value: as the desk would type it)
            if tanggal.tzinfo is None:  # (datetime.now() on a server in UTC: 8 hours off)
                raise UsageError(
                    f"tanggal {tanggal.isoformat(timespec='minutes')} tanpa zona waktu",
                    "beri datetime berzona, mis. ws.now(), atau teks YYYY-MM-DDTHH:MM (waktu "
                    "kantor)",
                )
            tanggal = tanggal.isoformat(timespec="minutes")
        elif isinstance(tanggal, date):
            tanggal = tanggal.isoformat()
        elif tanggal is not None and not isinstance(tanggal, str):
            raise UsageError(
                f"tanggal {tanggal!r} bukan tanggal", "beri teks YYYY-MM-DD, date atau datetime"
            )
        typed = ""
        if isinstance(tanggal, str) and len(tanggal.strip()) > 10:  # (a time of day given)
            try:
                typed = waktu(tanggal, ws.tz, ws.now()).isoformat(timespec="minutes")
            except PpidError:  # (the step itself refuses it, with its own words)
                pass
        from .letters import NOT_PRINTED

        NOT_PRINTED.clear()  # (a step that failed after numbering leaves none to the next)
        token = STEP_TIME.set(typed)
        try:
            result = fn(ws, *args, tanggal=tanggal, **kwargs)
        finally:
            STEP_TIME.reset(token)
        result.peringatan += day_off_warning(ws, waktu(tanggal, ws.tz, ws.now()).date())
        if result.berkas:
            from .letters import letter_warnings

            result.peringatan += letter_warnings(ws)
        return result

    return step


def day_off_warning(ws: Workspace, day: date) -> list[str]:
    """``["2026-08-25 adalah hari libur: Maulid Nabi Muhammad"]``, or ``[]`` on a working day."""
    off = ws.calendar.day_off(day)
    if off is None:
        return []
    perkiraan = " (tanggal libur perkiraan)" if off.perkiraan else ""
    return [f"{day.isoformat()} adalah hari libur: {off.keterangan}{perkiraan}"]


def step_date(when: datetime, after: str, what: str, nomor: str) -> str:
    """The ISO date of a step, refused when it lies before the step it follows (or when the
    register holds that step's date in a shape that is not a date: a hand edit)."""
    day = when.date().isoformat()
    if after:
        stored_day(after, f"tanggal langkah sebelumnya pada {nomor}")
    if after and day < after[:10]:
        raise RuleError(
            f"tanggal {what} {day} sebelum langkah sebelumnya ({after[:10]}) pada {nomor}",
            "periksa --tanggal",
        )
    return day


def iso_day(iso: str) -> date:
    """The date of a stored ``YYYY-MM-DD`` (or ISO timestamp) value."""
    return date.fromisoformat(iso[:10])


def stored_day(value: str, what: str) -> date:
    """``iso_day`` of a date the register holds, refused (not a traceback) when a hand edit
    gave it another shape; ``what`` names it in the message."""
    try:
        return iso_day(value)
    except ValueError:
        raise _not_a_date(what, value) from None


def _not_a_date(what: str, value: str) -> RuleError:
    return RuleError(
        f"{what} di register ('{value}') bukan tanggal YYYY-MM-DD (disunting di luar ppidctl)",
        "lihat: ppidctl periksa; perbaiki selnya lalu ppidctl periksa --terima-perubahan "
        "--catatan TEKS, atau ppidctl pulihkan",
    )


#: each internal standard as the SOP writes it (``[standar_layanan]`` watches it in working days:
#: the register keeps dates, not times)
SOP_WAKTU = {
    "teruskan_permohonan": "15 menit (SOP Pelayanan langkah 2)",
    "teruskan_keberatan": "1 hari (SOP Keberatan langkah 4)",
    "draf_tanggapan": "1 hari (SOP Keberatan langkah 5)",
    "sampaikan_tanggapan": "1 hari (SOP Keberatan langkah 7)",
}


def sop_standard(ws: Workspace, start: str, end: date, key: str, what: str) -> list[str]:
    """A warning when an SOP internal service standard (``[standar_layanan]``, working days) was
    exceeded: measured and reported, never refused (rules.md §1). Nothing to measure when the
    step it follows has no date (an imported case: legacy registers often left it out)."""
    if not start:
        return []
    limit = int(ws.settings.get("standar_layanan", key))
    used = ws.calendar.workdays_between(iso_day(start), end)
    if used > limit:
        return [
            f"standar layanan SOP terlampaui: {what} {used} hari kerja, standar {limit} hari "
            f"kerja — SOP: {SOP_WAKTU[key]}"
        ]
    return []


#: how Keterangan names a delivery made on a granted objection's order (who granted it)
ATAS_PERINTAH = "atas keberatan {} yang {}"
#: the words of a mediation agreement to give the information (schema.MEDIASI_SERAH)
DISEPAKATI = "disepakati dalam mediasi Komisi Informasi"


def _granted_by(objection: dict[str, str]) -> str:
    """Who granted ``objection``: the Atasan PPID's response, else the Komisi Informasi's
    ruling on the dispute after it; "" when neither did."""
    if objection.get("keputusan_atasan") == "diterima":
        return "Atasan PPID"
    return (
        "Komisi Informasi"
        if objection.get("putusan_sengketa") in schema.PUTUSAN_PERINTAH_SERAH
        else ""
    )


def _granted_words(objection: dict[str, str]) -> str:
    """How ``objection``'s order came about, in words: granted by whom, or agreed in mediation."""
    if _granted_by(objection) == "Komisi Informasi" and (
        objection.get("putusan_sengketa") == schema.MEDIASI_SERAH
    ):
        return DISEPAKATI
    return f"dikabulkan {_granted_by(objection)}"


def orders_delivery(objection: dict[str, str]) -> bool:
    """Whether ``objection``, granted by the Atasan PPID or — its dispute — by the Komisi
    Informasi, orders the information given (review sengketa F1: a ruling granting it was
    tracked nowhere, and its delivery could not be recorded)."""
    return bool(_granted_by(objection)) and any(
        a in schema.ALASAN_PERINTAH_SERAH for a in objection.get("alasan", "").split(";")
    )


def order_day(objection: dict[str, str]) -> str:
    """The day ``objection``'s order to give the information was given: the Atasan PPID's
    response, or the Komisi Informasi's ruling ("" when not recorded)."""
    if _granted_by(objection) == "Atasan PPID":
        return objection.get("tanggal_tanggapan", "")
    return objection.get("tanggal_putusan_sengketa", "")


def granted_how(objection: dict[str, str]) -> str:
    """In words, how ``objection`` was granted: by whom, on which day, by which decision."""
    if _granted_by(objection) == "Atasan PPID":
        how = f"keputusan '{objection['keputusan_atasan']}'"
    else:
        how = f"putusan '{objection['putusan_sengketa']}'"
    return f"{_granted_words(objection)} pada {order_day(objection) or '-'} ({how})"


def atas_perintah(objection: dict[str, str]) -> str:
    """Keterangan's words for a delivery on ``objection``'s order (ATAS_PERINTAH)."""
    return ATAS_PERINTAH.format(objection["nomor_registrasi"], _granted_words(objection))


def orders_given(
    row: dict[str, str], objections: Iterable[dict[str, str]]
) -> list[tuple[dict[str, str], str]]:
    """Each objection among ``objections`` (those on request ``row``) whose response orders the
    information given (:func:`orders_delivery`), earliest first, with the day that order was
    carried out: the delivery Keterangan names for it (``permohonan selesai``), else the first
    delivery Keterangan records on or after its response (one handing-over carries out every
    order given by then), else a delivery of a giving decision on or after the response; ""
    while none is recorded."""
    out = []
    catatan = row.get("catatan", "")
    named = {atas: day for day, atas in noted_deliveries(catatan)}
    delivered = sorted(named.values())
    for k in sorted((k for k in objections if orders_delivery(k)), key=order_day):
        atas = atas_perintah(k)
        ordered = order_day(k)
        later = next((d for d in delivered if d >= ordered), None)
        if atas in named:
            day = named[atas]
        elif atas in catatan:  # (its date edited away: carried out, undated)
            day = KAPAN_SAJA
        elif later:
            day = later
        elif row["keputusan"] in GIVEN and row["tanggal_selesai"] >= ordered:
            day = row["tanggal_selesai"] or KAPAN_SAJA  # (given after the order: carried out)
        else:
            day = ""
        out.append((k, day))
    return out


#: a delivery Keterangan records: its day, and the order it carried out (ATAS_PERINTAH)
_DISERAHKAN = re.compile(
    r"informasi diserahkan (\d{4}-\d{2}-\d{2}) "
    rf"(atas keberatan \S+ yang (?:dikabulkan (?:Atasan PPID|Komisi Informasi)|{DISEPAKATI}))"
)


def noted_deliveries(catatan: str) -> list[tuple[str, str]]:
    """The deliveries on a granted objection's order Keterangan ``catatan`` records (``permohonan
    selesai`` writes them): (day, ATAS_PERINTAH's words), in the order written."""
    return [(m[1], m[2]) for m in _DISERAHKAN.finditer(catatan or "")]


#: a delivery recorded without its day: before any day asked about
KAPAN_SAJA = "0001-01-01"
#: said with a refusal of a step already recorded: the way to correct one recorded wrongly
KELIRU = (
    "bila langkah yang sudah tercatat itu keliru: sunting registernya lalu ppidctl periksa "
    "--terima-perubahan --catatan TEKS (README: Memperbaiki kesalahan pencatatan)"
)


def deliveries(
    row: dict[str, str], objections: Iterable[dict[str, str]]
) -> dict[str, list[dict[str, str]]]:
    """Each day information of request ``row`` was handed over, earliest first → the granted
    objections whose order that handing-over carried out (:func:`orders_given`; ``[]``: given on
    the PPID's own decision). A handover receipt names them (:func:`handover_basis`). A
    refusal's own closing day (a legacy book's "selesai") hands nothing over."""
    given = row.get("tanggal_selesai") and row.get("keputusan") in GIVEN
    days: dict[str, list[dict[str, str]]] = {row["tanggal_selesai"]: []} if given else {}
    for k, day in orders_given(row, objections):
        if day and day != KAPAN_SAJA:
            days.setdefault(day, []).append(k)
    return dict(sorted(days.items()))


def handover_basis(granted: Iterable[dict[str, str]]) -> dict[str, str]:
    """A handover receipt's "Dasar penyerahan" from the objections whose order it carried out
    (:func:`deliveries`): ``dasar_penyerahan``, the numbers of those the Atasan PPID granted;
    ``dasar_putusan``, the Komisi Informasi's rulings on the others' disputes (its register
    number when recorded, its day, the objection) — "" when none."""
    from ..letters.fmt import tanggal_panjang

    granted = list(granted)
    atasan = [k for k in granted if _granted_by(k) == "Atasan PPID"]
    rulings = [k for k in granted if _granted_by(k) == "Komisi Informasi"]
    return {
        "dasar_penyerahan": ", ".join(k["nomor_registrasi"] for k in atasan),
        "dasar_putusan": "; ".join(
            (f"Nomor {k['nomor_sengketa']} " if k.get("nomor_sengketa") else "")
            + f"tanggal {tanggal_panjang(k['tanggal_putusan_sengketa']) or '-'} "
            + ("(mediasi) " if k.get("putusan_sengketa") == schema.MEDIASI_SERAH else "")
            + f"atas keberatan {k['nomor_registrasi']}"
            for k in rulings
        ),
    }


def order_to_carry_out(row: dict[str, str], objections: Iterable[dict[str, str]]) -> dict | None:
    """The earliest granted objection on request ``row`` whose order to give the information
    has no delivery recorded yet (:func:`orders_given`); None when there is none."""
    return next((k for k, day in orders_given(row, objections) if not day), None)


def ongoing_stage(ws: Workspace, nama: str, on: date, register: str) -> str:
    """The election stage ``nama`` as ppidctl.toml names it, refused unless it runs on ``on``:
    its 3-working-day deadline is for a stage under way (rules.md §1)."""
    stage = ws.settings.stage(nama)
    if stage is None:
        names = ", ".join(s.nama for s in ws.settings.tahapan) or "belum ada"
        raise RuleError(
            f"tahapan '{nama}' tidak ada di ppidctl.toml (yang ada: {names})",
            "tambahkan dengan: ppidctl tahapan tambah NAMA --mulai ... --selesai ...",
        )
    if not stage.ongoing(on):
        what, key = (
            ("tenggat", "permohonan")
            if register == "permohonan"
            else ("tanggapan", "tanggapan_keberatan")
        )
        days = ws.settings.tenggat  # (the office's [tenggat], not the statute's defaults)
        raise RuleError(
            f"tahapan '{stage.nama}' tidak sedang berjalan pada {on.isoformat()} "
            f"({stage.mulai.isoformat()} s.d. {stage.selesai.isoformat()}): {what} "
            f"{days(key + '_tahapan')} hari kerja hanya untuk tahapan yang sedang berjalan",
            f"catat tanpa --tahapan ({what} {days(key)} hari kerja)",
        )
    return stage.nama
