"""Checks of the registers' rows: numbers, required fields, values, step order, deadlines.

Each check reads the register as it is on disk and reports ``registers/<file>:<line>: …`` with the
row's line in the file (a CSV row spanning several lines is named by its first line).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime

from .. import schema
from ..errors import PpidError
from ..rules import deadlines, numbering
from ..rules.validation import KENDALI, TANPA_0, TANPA_AWALAN, tanggal_iso
from ..store.table import Table
from . import model as m
from .model import Problem, short
from .replay import KEY, History

OPEN, GIVEN = schema.OPEN, schema.GIVEN
#: dates that lie ahead by nature
AHEAD = schema.TENGGAT
#: (later, earlier): the step recorded in ``later`` cannot precede ``earlier``
ORDER = {
    "permohonan": (
        ("diteruskan_pada", "tanggal_diterima"),
        ("diperpanjang_pada", "tanggal_diterima"),
        ("tanggal_pemberitahuan", "tanggal_diterima"),
        ("tanggal_pemberitahuan", "diperpanjang_pada"),
        ("tanggal_selesai", "tanggal_pemberitahuan"),
        ("tanggal_selesai", "tanggal_diterima"),
        ("dibayar_pada", "tanggal_pemberitahuan"),
        ("siap_pada", "tanggal_pemberitahuan"),
        ("tanggal_selesai", "dibayar_pada"),
        ("tanggal_selesai", "siap_pada"),
    ),
    "keberatan": (
        ("tanggal_diterima", "alasan_ditemukan"),
        ("diteruskan_pada", "tanggal_diterima"),
        ("pleno_pada", "diteruskan_pada"),
        ("tanggal_tanggapan", "diteruskan_pada"),
        ("tanggal_tanggapan", "pleno_pada"),
        ("tanggal_tanggapan", "tanggal_diterima"),  # (legacy books skip the middle steps)
        ("disampaikan_pada", "tanggal_tanggapan"),
        ("disampaikan_pada", "tanggal_diterima"),
        ("tanggapan_pemohon_pada", "disampaikan_pada"),
        ("tanggapan_pemohon_pada", "tanggal_diterima"),
        ("tanggal_putusan_sengketa", "tanggapan_pemohon_pada"),
    ),
}
#: pairs of :data:`ORDER` a dispute is free of: filed once the response deadline lapsed with no
#: response in the requester's hands (Pasal 37(2)), it may precede a late reply's delivery
DISPUTE_FREE = {("tanggapan_pemohon_pada", "disampaikan_pada")}


def order_binds(later: str, earlier: str, row: dict[str, str]) -> bool:
    """Whether the :data:`ORDER` pair (``later``, ``earlier``) applies to ``row``: not to a
    dispute filed after the response deadline (``jatuh_tempo``; one not stored, as in an old
    book, is given the benefit) — a dispute dated before a reply delivered in time is a typo
    (review sesi31b L1)."""
    if (later, earlier) not in DISPUTE_FREE or row.get("tanggapan_pemohon") != "sengketa":
        return True
    due = row.get("jatuh_tempo", "")
    return bool(due) and row.get("tanggapan_pemohon_pada", "")[:10] <= due[:10]


def out_of_order(register: str, row: dict[str, str]) -> Iterator[tuple[str, date, str, date]]:
    """(later, its date, earlier, its date) of each :data:`ORDER` pair ``row`` breaks."""
    for later, earlier in ORDER.get(register, ()):
        a, b = tanggal_iso(row.get(later, "")), tanggal_iso(row.get(earlier, ""))
        if a and b and a < b and order_binds(later, earlier, row):
            yield later, a, earlier, b


#: fields a status needs (the steps that lead to it were recorded)
NEEDS = {
    "permohonan": {
        "diteruskan": ("diteruskan_pada",),
        "diperpanjang": ("diperpanjang_pada", "alasan_perpanjangan"),
        "diputuskan": ("keputusan", "tanggal_pemberitahuan"),
        "selesai": ("keputusan", "tanggal_pemberitahuan"),
    },
    "keberatan": {
        "diteruskan": ("diteruskan_pada",),
        "pleno": ("diteruskan_pada", "pleno_pada"),
        "ditanggapi": ("diteruskan_pada", "keputusan_atasan", "tanggal_tanggapan"),
        "disampaikan": (
            "diteruskan_pada",
            "keputusan_atasan",
            "tanggal_tanggapan",
            "disampaikan_pada",
        ),
        "selesai": ("keputusan_atasan", "tanggal_tanggapan", "disampaikan_pada"),
        "sengketa": ("tanggapan_pemohon",),
    },
}
#: what an objection settled by agreement (keberatan musyawarah) holds instead of a response:
#: its date (what was agreed, ``hasil_musyawarah``, may be missing from a settlement recorded by
#: hand in a register written before that column: sesi32b L5)
SETTLED = ("tanggapan_pemohon_pada",)
#: fields a case still open cannot have yet
NOT_YET = {
    "permohonan": ("keputusan", "tanggal_pemberitahuan", "tanggal_selesai"),
    "keberatan": ("keputusan_atasan", "tanggal_tanggapan", "disampaikan_pada", "tanggapan_pemohon"),
}


def file_lines(table: Table) -> list[int]:
    """The line in the file of each row of ``table`` (XLSX: the sheet row)."""
    # The table keeps each record's text as read (store.table); counting its line breaks gives
    # the line numbers without a second parse.
    rows = table.rows
    out = [0] * len(rows)
    line = 2  # the header is line 1
    xlsx = table.path.suffix.lower() == ".xlsx"
    for rec in table._records:
        if rec.row is not None:
            out[rec.row] = line
        if xlsx or rec.raw is None:
            line += 1
        else:
            raw = rec.raw
            line += max(1, raw.count("\n") + raw.count("\r") - raw.count("\r\n"))
    return out


def expected_deadlines(ws, register: str, row: dict[str, str], calendar=None) -> dict[str, str]:
    """The stored deadlines of a case still running, recomputed on today's calendar (or
    ``calendar``): ``jatuh_tempo`` of an open case, ``batas_sengketa`` of a reply awaiting the
    requester; none for a closed case or when the stored facts do not allow it."""
    calendar = calendar or ws.calendar
    status = row.get("status")
    if tanggal_iso(row.get("tanggal_diterima", "")) is None:
        return {}
    try:
        if status in OPEN.get(register, ()):
            if row.get("diperpanjang_pada") and tanggal_iso(row["diperpanjang_pada"]) is None:
                return {}
            rule = deadlines.request if register == "permohonan" else deadlines.objection
            return {"jatuh_tempo": rule(row, ws.settings, calendar).tanggal.isoformat()}
        if register == "keberatan" and status == "disampaikan":
            if tanggal_iso(row.get("disampaikan_pada", "")) is None:
                return {}
            due = deadlines.dispute(row, ws.settings, calendar)
            return {"batas_sengketa": due.tanggal.isoformat()} if due else {}
    except (PpidError, ValueError, KeyError):
        return {}
    return {}


def expected_late(ws, register: str, row: dict[str, str], calendar=None) -> dict[str, str]:
    """``terlambat`` of a case answered (a request's notification, an objection's response),
    or of an objection never answered and taken to the Komisi Informasi on a known day, judged
    on ``calendar`` (``deadlines.late``): a day off recorded afterwards for a day before the
    answer (an office closed by a flood) moves the deadline, and the answer may not have been
    late after all; ppidctl before commit bab0ca1 left an unanswered dispute's empty. With it,
    ``jatuh_tempo`` when that deadline differs from the stored one. {} when it agrees or the
    stored facts do not allow it. An old book's undated dispute is judged once, by the import,
    on its day; one an import before bab0ca1 left empty is judged on today, as the import would
    have been (its deadline long past: "ya")."""
    calendar = calendar or ws.calendar
    answered = row.get("tanggal_pemberitahuan" if register == "permohonan" else "tanggal_tanggapan")
    today = ""
    if answered:
        if tanggal_iso(answered) is None or row.get("terlambat") not in ("ya", "tidak"):
            return {}
    elif deadlines.late(register, row, "") is None:  # (no dated dispute either)
        if row.get("terlambat") or deadlines.late(register, row, "", "-") is None:
            return {}
        today = ws.today().isoformat()
    if tanggal_iso(row.get("tanggal_diterima", "")) is None:
        return {}
    if row.get("diperpanjang_pada") and tanggal_iso(row["diperpanjang_pada"]) is None:
        return {}
    rule = deadlines.request if register == "permohonan" else deadlines.objection
    try:
        due = rule(row, ws.settings, calendar).tanggal.isoformat()
    except (PpidError, ValueError, KeyError):
        return {}
    late = deadlines.late(register, row, due, today)
    if not late or late == row.get("terlambat"):
        return {}
    # with the deadline the judgement rests on: never "due 12 Jan, answered 13 Jan, not late"
    return {"terlambat": late, **({"jatuh_tempo": due} if row.get("jatuh_tempo") != due else {})}


_NIK = re.compile(r"[0-9]{16}")


def _valid(col: schema.Column, value: str) -> str | None:
    """Why ``value`` is not a valid value of ``col``, or None."""
    if col.tipe == schema.TANGGAL and tanggal_iso(value) is None:
        return "bukan tanggal YYYY-MM-DD"
    if col.tipe == schema.WAKTU:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return "bukan waktu ISO 8601"
        if moment.tzinfo is None:  # (cli.md: timestamps carry the office's UTC offset)
            return "tanpa selisih UTC (mis. 2026-03-02T09:30+08:00)"
    if col.tipe == schema.ANGKA and not (value.isascii() and value.isdigit()):
        return "bukan bilangan bulat"
    if col.tipe == schema.YA_TIDAK and value not in ("ya", "tidak"):
        return "harus ya atau tidak"
    if col.tipe == schema.PILIHAN and col.pilihan and value not in col.pilihan:
        return f"tidak dikenal (pilihan: {', '.join(col.pilihan)})"
    if col.tipe == schema.DAFTAR and col.pilihan:
        bad = [v for v in value.split(";") if v not in col.pilihan]
        if bad:
            return f"memuat {', '.join(bad)} yang tidak dikenal (pilihan: {', '.join(col.pilihan)})"
    return None


NIK_RUSAK = "bukan NIK 16 angka (disimpan ulang oleh Excel?)"
TELEPON_RUSAK = (
    "bukan nomor telepon: angka 0 atau tanda + di depannya hilang (disimpan ulang oleh Excel?)"
)


def nik_damaged(row: dict[str, str]) -> bool:
    """A NIK a register saved by Excel rewrote (5.27105E+15: the digits rounded away for good),
    or a KTP's that is not 16 digits."""
    nik = row.get("nik", "")
    return "E+" in nik.upper() or (row.get("jenis_identitas") == "ktp" and not _NIK.fullmatch(nik))


def cell_problem(col: schema.Column, value: str, row: dict[str, str]) -> str | None:
    """Why ``value`` cannot stand in column ``col`` of ``row`` (as periksa reports it), or
    None: a required cell empty, a value of the wrong kind, a NIK Excel rewrote."""
    if col.wajib and not value.strip():
        return "kosong padahal wajib diisi"
    if not value:
        return None
    if KENDALI.search(value):  # (the desk refuses them; a register book or report failed on them)
        return "memuat karakter kendali (mis. ESC) — hapus karakter itu di editor"
    if col.key == "telepon" and TANPA_AWALAN.fullmatch(value):  # (an edited cell: see there)
        return TELEPON_RUSAK
    return _valid(col, value) or (NIK_RUSAK if col.key == "nik" and nik_damaged(row) else None)


def check_rows(
    ws,
    register: str,
    rel: str,
    table: Table,
    lines: list[int],
    history: History,
    today: date,
) -> list[Problem]:
    """Every problem of the rows of one register (see module doc)."""
    out: list[Problem] = []
    # only the columns with something to check: required, or typed (free text is free)
    cols = [c for c in schema.columns(register) if c.wajib or c.tipe != schema.TEKS]
    key = KEY[register]
    imported = imported_numbers(register, history)
    try:
        calendar = ws.calendar
    except PpidError:  # libur.csv unreadable: its own rows say why; deadlines are not checked
        calendar = None
    for i, row in enumerate(table.rows):
        line = lines[i]
        label = row.get(key, "") or f"baris {line}"

        def add(code: str, msg: str, saran: str = "", line=line, label=label) -> None:
            out.append(Problem(rel, line, code, f"{label}: {msg}", saran))

        for col in cols:
            value = row.get(col.key, "")
            if col.wajib and not value.strip():
                add(m.WAJIB_KOSONG, f"kolom wajib {col.key} kosong", "isi kolom itu")
            elif value:
                why = _valid(col, value)
                day = row.get("tanggal_diterima", "")
                if not why and col.tipe == schema.WAKTU and day and value[:10] != day:
                    why = f"tidak pada tanggal diterima {day}"  # (as the desk and impor write)
                if why:
                    add(m.NILAI_TIDAK_SAH, f"kolom {col.key} {short(value, 40)} {why}")
                elif col.tipe == schema.TANGGAL and col.key not in AHEAD and register in ORDER:
                    if tanggal_iso(value) > today:
                        add(
                            m.TANGGAL_MASA_DEPAN,
                            f"tanggal {col.key} {value} ada di masa depan (hari ini "
                            f"{today.isoformat()})",
                        )
        for k in table.number_cells.get(i, ()):
            add(
                m.NILAI_TIDAK_SAH,
                f"kolom {k} {short(row.get(k, ''), 40)} tersimpan sebagai angka di Excel, bukan "
                "teks: "
                + ("angka 0 di depannya hilang" if k == "telepon" else "Excel hanya menyimpan "
                   "15 digit, digit terakhir NIK bisa sudah dibulatkan"),
                "ketik ulang nilainya sebagai teks (awali dengan tanda ') dari dokumen aslinya",
            )  # fmt: skip
        if TANPA_0.fullmatch(row.get("telepon", "")):
            add(
                m.NILAI_TIDAK_SAH,
                f"kolom telepon {short(row['telepon'], 40)} {TELEPON_RUSAK}",
                "ketik ulang nomornya dari formulir, dengan 0 (atau +kode negara) di depannya",
            )
        nik = row.get("nik", "")
        if nik and nik_damaged(row):
            add(
                m.NILAI_TIDAK_SAH,
                f"kolom nik {short(nik, 40)} {NIK_RUSAK}",
                "salin ulang NIK dari KTP atau dari arsip workspace",
            )
        if register in ORDER:
            for later, a, earlier, b in out_of_order(register, row):
                add(
                    m.URUTAN_TANGGAL,
                    f"{later} {a.isoformat()} sebelum {earlier} {b.isoformat()}: langkah "
                    "tercatat tidak urut",
                )
            if row.get(key, "") not in imported:
                _steps(register, row, add)
            deadlines_now = expected_deadlines(ws, register, row, calendar) if calendar else {}
            for col, due in deadlines_now.items():
                if row.get(col) != due:
                    add(
                        m.TENGGAT_BERUBAH,
                        f"{col} {row.get(col) or '(kosong)'} tidak sesuai kalender sekarang: "
                        f"seharusnya {due} (hari libur atau pengaturan tenggat berubah sesudah "
                        "dicatat, atau tanggalnya disunting di register)",
                        f"hitung ulang dengan: {m.PERBAIKI_TENGGAT}",
                    )
            for col, late in (
                expected_late(ws, register, row, calendar) if calendar else {}
            ).items():
                add(
                    m.TENGGAT_BERUBAH,
                    f"{col} {row.get(col) or '(kosong)'} tidak sesuai aturan sekarang: seharusnya "
                    f"{late} (kalender berubah, tanggalnya disunting di register, atau dicatat "
                    "ppidctl versi lama)",
                    f"hitung ulang dengan: {m.PERBAIKI_TENGGAT}",
                )
    if register in ("permohonan", "keberatan"):
        out += _numbers(ws, register, rel, table, lines, history, imported)
    elif register == "surat":
        out += _letter_numbers(ws, rel, table, lines, history)
    return out


def letter_numbers_twice(
    ws, table: Table, accepted: set[str]
) -> list[tuple[int, dict[str, str], int, dict[str, str]]]:
    """(row index, row, index of the row first holding it, that row) of each outgoing number
    given to a second letter (review agenda H1: ``periksa`` never looked), read as the office's
    pattern reads numbers (:func:`numbering.number_key`); the rows of one letter — a case's
    letter of one kind and its copies — share theirs. A number ``accepted`` (an old duplicate
    of letters already sent: sesi31c M5) is not one."""
    pattern = ws.settings.get("penomoran", "surat") or ""
    first: dict[tuple, int] = {}
    out = []
    rows = table.rows
    for i, row in enumerate(rows):
        if not row.get("nomor_surat"):
            continue
        key = numbering.number_key(row["nomor_surat"], pattern, row.get("tanggal", "")[:4])
        j = first.setdefault(key, i)
        other = rows[j]
        if row["nomor_surat"] not in accepted and not schema.same_letter(other, row):
            out.append((i, row, j, other))
    return out


def _letter_numbers(ws, rel: str, table: Table, lines: list[int], history: History) -> list:
    return _void_copies(rel, table, lines) + [
        Problem(
            rel,
            lines[i],
            m.NOMOR_GANDA,
            f"nomor surat {row['nomor_surat']} ({schema.letter_named(row)}) sudah dipakai di "
            f"baris {lines[j]}: {other['nomor_surat']} ({schema.letter_named(other)})",
            "satu nomor surat untuk satu surat; perbaiki nomor di agenda dan di suratnya — bila "
            "kedua suratnya sudah dikirim: ppidctl periksa --terima-perubahan --nomor-ganda "
            f"{row['nomor_surat']} --catatan TEKS (dicatat sebagai nomor ganda lama)",
        )
        for i, row, j, other in letter_numbers_twice(ws, table, history.numbers_accepted)
    ]


def _void_copies(rel: str, table: Table, lines: list[int]) -> list:
    """A copy of a voided letter not marked void itself (voided before ``--batalkan`` marked
    the copies too: review sesi32b N3): it carries the voided letter's number and looks like a
    letter to send."""

    letter = schema.letter_of  # (unnumbered, surat = "": by its date — 32d2 M3)
    void = {letter(r): r for r in table.rows if r.get("keterangan", "").startswith(schema.BATAL)}
    # (one redone on the same day, unnumbered, shares the key: its copy is the valid letter's —
    # review sesi32e M1)
    valid = {letter(r) for r in table.rows if not r.get("keterangan")}
    return [
        Problem(
            rel,
            lines[i],
            m.NOMOR_GANDA,
            f"salinan surat {schema.letter_named(void[letter(r)])} ({r['nomor_surat'] or '-'}) "
            "tidak ditandai batal: nomornya milik surat yang dibatalkan — jangan dikirim",
            f"tulis '{schema.BATAL}CATATAN' di awal Keterangan baris ini, lalu {m.TERIMA}",
        )
        for i, r in enumerate(table.rows)
        if schema.SALINAN in r.get("keterangan", "")
        and not r["keterangan"].startswith(schema.BATAL)
        and letter(r) in void
        and letter(r) not in valid
    ]


def reply_numbers(ws, rel: str, objections: Table, lines: list[int], agenda: Table) -> list:
    """An objection's reply number (``nomor_surat_tanggapan``: an old book's, imported) that
    another letter of the agenda carries, as the office's pattern reads it (review sesi31c L6:
    told only once the reply letter was rebuilt). The reply's own letter shares it."""
    pattern = ws.settings.get("penomoran", "surat") or ""
    taken: dict[tuple, dict[str, str]] = {}
    for r in agenda.rows:
        if r["nomor_surat"]:
            key = numbering.number_key(r["nomor_surat"], pattern, r.get("tanggal", "")[:4])
            taken.setdefault(key, r)
    out = []
    for i, k in enumerate(objections.rows):
        given = k.get("nomor_surat_tanggapan", "")
        if not given:
            continue
        key = numbering.number_key(given, pattern, k.get("tanggal_tanggapan", "")[:4])
        mine = {"nomor_surat": given, "jenis": "tanggapan-keberatan",
                "nomor_registrasi": k["nomor_registrasi"]}  # fmt: skip
        other = taken.setdefault(key, mine)  # (two replies of the register too: 31d L3)
        if not schema.same_letter(other, mine):
            out.append(
                Problem(
                    rel,
                    lines[i],
                    m.NOMOR_GANDA,
                    f"{k['nomor_registrasi']}: nomor surat tanggapan {given} sudah dipakai: "
                    f"{other['nomor_surat']} ({schema.letter_named(other)})",
                    "satu nomor surat untuk satu surat; perbaiki nomornya di register atau di "
                    "agenda",
                )
            )
    return out


def letter_dates(rel: str, agenda: Table, lines: list[int], cases: dict[str, Table]) -> list:
    """A case's letter (the latest of its kind, not voided) dated otherwise than the step it
    belongs to: the case's date edited — or back-dated — without the letter sent made again;
    the files alone show it (review audit L1). Handover receipts (one per handover) aside."""
    from ..services.letters import HANDOVER, LETTER_STEPS

    latest: dict[tuple[str, str], int] = {}
    for i, r in enumerate(agenda.rows):  # (in the order made: a later letter supersedes)
        if r["jenis"] in LETTER_STEPS and r["jenis"] not in HANDOVER:
            if not r.get("keterangan", "").startswith(schema.BATAL):
                latest[(r["jenis"], r["nomor_registrasi"])] = i
    index = {name: {c["nomor_registrasi"]: c for c in t.rows} for name, t in cases.items()}
    out = []
    for (kind, nomor), i in latest.items():
        register, column, decisions = LETTER_STEPS[kind]
        case = index.get(register, {}).get(nomor)
        if case is None or not case.get(column):
            continue
        if decisions is not None and case.get("keputusan") not in decisions:
            continue  # (a letter of a decision changed since: its own story)
        day = agenda.rows[i]["tanggal"]
        if day and day != case[column][:10]:
            out.append(
                Problem(
                    rel,
                    lines[i],
                    m.TANGGAL_SURAT,
                    f"surat {kind} {agenda.rows[i]['nomor_surat'] or '(tanpa nomor)'} bertanggal "
                    f"{day}, tetapi {column} perkara {nomor} {case[column]}: surat yang dikirim "
                    "dan register menyebut tanggal yang berbeda",
                    f"bila tanggal register yang benar (dikoreksi): buat suratnya lagi dengan: "
                    f"ppidctl surat buat {kind} {nomor}; bila tanggal surat yang benar: "
                    "kembalikan tanggal di register, lalu terima suntingannya (README: "
                    "Memperbaiki kesalahan pencatatan)",
                )
            )
    return out


def imported_numbers(register: str, history: History) -> set[str]:
    """The cases an import recorded: an old book's case may lack steps, so their step rules are
    not checked (neither by periksa nor when an edit of one is accepted)."""
    key = KEY[register]
    return {
        r.values.get(key, "") for r in history.rows if r.perintah.startswith(("impor", "legacy"))
    }


def step_problems(register: str, row: dict[str, str]) -> list[str]:
    """What :func:`check_rows` says of the steps of one case, and — for a request — a column
    of a decision its decision does not have (a Pasal 17 beside ``diberikan``): what an edit
    accepted by hand must not bring into a row (``periksa --terima-perubahan``)."""
    out: list[str] = []
    _steps(register, row, lambda _code, msg, _saran="": out.append(msg))
    out += [  # (a notification dated before the receipt: agenda L2)
        f"{later} {a.isoformat()} sebelum {earlier} {b.isoformat()}"
        for later, a, earlier, b in out_of_order(register, row)
    ]
    if register == "permohonan":
        keputusan = row.get("keputusan", "")
        for col, only in schema.KOLOM_KEPUTUSAN.items():
            if row.get(col) and keputusan not in only:
                out.append(
                    f"{col} terisi padahal "
                    + (
                        f"keputusan '{keputusan}' tidak memakainya"
                        if keputusan
                        else "belum diputuskan"
                    )
                )
    return out


def _fee(row: dict[str, str]) -> bool:
    amount = row.get("biaya", "")
    return amount.isascii() and amount.isdigit() and int(amount) > 0


def _steps(register: str, row: dict[str, str], add) -> None:
    status = row.get("status", "")
    needs = NEEDS[register].get(status, ())
    if register == "keberatan" and row.get("tanggapan_pemohon") == "musyawarah":
        needs = SETTLED  # (closed before any response: Pasal 35(2))
    missing = [f for f in needs if not row.get(f)]
    if missing:
        add(
            m.URUTAN_LANGKAH,
            f"berstatus '{status}' tetapi {', '.join(missing)} kosong: langkah yang menuju "
            "status itu tidak tercatat"
            # (a settlement typed in by hand: its day is the one field it needs — sesi32c N4)
            + (
                " (musyawarah: isi tanggapan_pemohon_pada dengan hari kesepakatannya; lain kali "
                "catat dengan ppidctl keberatan musyawarah)"
                if needs is SETTLED
                else ""
            ),
        )
    if status in OPEN[register]:
        early = [f for f in NOT_YET[register] if row.get(f)]
        if early:
            add(
                m.URUTAN_LANGKAH,
                f"masih berstatus '{status}' tetapi {', '.join(early)} sudah terisi",
            )
    if register == "permohonan":
        if status == "selesai" and row.get("keputusan") in GIVEN and not row.get("tanggal_selesai"):
            add(
                m.URUTAN_LANGKAH,
                "selesai dengan informasi diberikan tetapi tanggal_selesai (penyerahan) kosong",
            )
        if status == "diputuskan" and row.get("tanggal_selesai"):
            add(m.URUTAN_LANGKAH, "berstatus 'diputuskan' tetapi tanggal_selesai sudah terisi")
        if (row.get("dibayar_pada") or row.get("siap_pada")) and not row.get("tanggal_selesai"):
            add(  # (recorded with the handover: sesi32c L1)
                m.URUTAN_LANGKAH, "dibayar_pada/siap_pada terisi tetapi informasi belum diserahkan"
            )
        if row.get("dibayar_pada") and not _fee(row):
            add(m.URUTAN_LANGKAH, "dibayar_pada terisi tetapi permohonan tidak dikenai biaya")
        if row.get("diperpanjang_pada") and not row.get("alasan_perpanjangan"):
            add(m.WAJIB_KOSONG, "diperpanjang tanpa alasan_perpanjangan (UU 14/2008 Pasal 22(8))")
        if row.get("keputusan") == "ditolak":
            for f in ("alasan_penolakan", "sk_pengecualian"):
                if not row.get(f):
                    add(m.WAJIB_KOSONG, f"ditolak tetapi {f} kosong")
    else:
        if status == "selesai" and row.get("tanggapan_pemohon") not in ("menerima", "musyawarah"):
            add(
                m.URUTAN_LANGKAH,
                "berstatus 'selesai' tetapi tanggapan_pemohon bukan 'menerima' atau 'musyawarah'",
            )
        if row.get("tanggapan_pemohon") == "musyawarah":
            if status != "selesai":
                add(m.URUTAN_LANGKAH, f"musyawarah tetapi berstatus '{status}', bukan 'selesai'")
            if set(row.get("alasan", "").split(";")) - set(schema.MUSYAWARAH_BOLEH):
                add(m.URUTAN_LANGKAH, "musyawarah atas alasan a (hanya b-g: Pasal 35(2))")
            if row.get("keputusan_atasan") or row.get("tanggal_tanggapan"):
                add(m.URUTAN_LANGKAH, "musyawarah padahal sudah ditanggapi Atasan PPID")
        elif row.get("hasil_musyawarah"):
            add(
                m.URUTAN_LANGKAH,
                "hasil_musyawarah terisi tetapi tanggapan_pemohon bukan musyawarah",
            )
        if status == "sengketa" and row.get("tanggapan_pemohon") not in ("", "sengketa"):
            add(m.URUTAN_LANGKAH, "berstatus 'sengketa' tetapi tanggapan_pemohon bukan 'sengketa'")
        if row.get("keputusan_atasan") == "ditolak" and not row.get("pertimbangan"):
            add(m.WAJIB_KOSONG, "keputusan atasan ditolak tanpa pertimbangan (Pasal 36(3))")
        if row.get("putusan_sengketa") and status != "sengketa":
            add(m.URUTAN_LANGKAH, f"berstatus '{status}' tetapi putusan_sengketa sudah terisi")


def _numbers(
    ws,
    register: str,
    rel: str,
    table: Table,
    lines: list[int],
    history: History,
    imported: set[str],
) -> list[Problem]:
    """Duplicates; per receipt year, the sequence without gaps (numbers are never reused or
    dropped). A year holding numbers of another shape (legacy) is checked for duplicates only."""
    out: list[Problem] = []
    pattern = ws.settings.get("penomoran", register)
    try:
        rx = numbering._regex(pattern)
    except (ValueError, KeyError):
        rx = None
    seen: dict[str, int] = {}
    years: dict[str, dict[int, tuple[str, int]]] = defaultdict(dict)
    legacy: set[str] = set()
    for i, row in enumerate(table.rows):
        nomor, line = row.get("nomor_registrasi", "").strip(), lines[i]
        if not nomor:
            continue
        if nomor in seen:
            out.append(
                Problem(
                    rel,
                    line,
                    m.NOMOR_GANDA,
                    f"nomor {nomor} ganda: sudah dipakai di baris {seen[nomor]}",
                    "satu nomor hanya untuk satu perkara; perbaiki salah satu baris",
                )
            )
            continue
        seen[nomor] = line
        year = row.get("tanggal_diterima", "")[:4]
        match = rx.match(nomor) if rx else None
        if (
            match is None
            or nomor in imported
            or tanggal_iso(row.get("tanggal_diterima", "")) is None
        ):
            legacy.add(year)
            continue
        tahun = match.groupdict().get("tahun")
        if tahun and tahun != year:
            out.append(
                Problem(
                    rel,
                    line,
                    m.NOMOR_TAHUN,
                    f"{nomor}: tahun pada nomor ({tahun}) tidak sama dengan tahun tanggal_diterima "
                    f"({row['tanggal_diterima']})",
                )
            )
        seq = int(match.group("urut"))
        other = years[year].get(seq)
        if other is not None:
            out.append(
                Problem(
                    rel,
                    line,
                    m.NOMOR_GANDA,
                    f"{nomor}: nomor urut {seq} tahun {year} sudah dipakai {other[0]} (baris "
                    f"{other[1]})",
                    "satu nomor urut hanya untuk satu perkara",
                )
            )
            continue
        years[year][seq] = (nomor, line)
    known: dict[str, set[int]] = defaultdict(set)  # numbers the journal explains
    for row in history.rows:
        match = rx.match(row.values.get("nomor_registrasi", "")) if rx else None
        if match:
            known[row.values.get("tanggal_diterima", "")[:4]].add(int(match.group("urut")))
    for year in (y for y in years if y.isdigit()):  # (given, deleted, recorded as used — also
        # in a new journal — read as numbering reads them: one stating no year, in every year)
        known[year] |= numbering.sequences_of_year(history.retired, pattern, int(year))
    for year, seqs in sorted(years.items()):
        if year in legacy:
            continue
        missing = [
            s for s in range(1, max(seqs) + 1) if s not in seqs and s not in known.get(year, ())
        ]
        for lo, hi in _ranges(missing):
            nomor, line = seqs[min(s for s in seqs if s > hi)]
            span = f"{lo}" if lo == hi else f"{lo}–{hi}"
            out.append(
                Problem(
                    rel,
                    line,
                    m.NOMOR_LONCAT,
                    f"nomor urut {span} tahun {year} tidak ada di register (loncat sebelum "
                    f"{nomor}): nomor yang sudah diberikan tidak boleh hilang",
                    "nomor dari ppidctl selalu berurutan dan jurnal tidak pernah mencatat nomor "
                    "itu: periksa nomor baris yang ditambahkan atau diubah di luar ppidctl",
                )
            )
    return out


def _ranges(values: list[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for v in values:
        if out and out[-1][1] == v - 1:
            out[-1] = (out[-1][0], v)
        else:
            out.append((v, v))
    return out
