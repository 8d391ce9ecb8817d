"""The objection register: every step of the SOP "Penanganan Keberatan".

register with the numbered slip (catat) → forward to the Atasan PPID (teruskan) → draft discussed
in the plenary (pleno, optional) → the Atasan's written response (tanggapi) → response delivered
(sampaikan) → the requester accepts, or takes a dispute to the Komisi Informasi
(tanggapan-pemohon). Each function validates everything, then commits the row change, its journal
line and its letter in one transaction; a refusal leaves the workspace byte-identical.

Decisions taken here (rules.md §1–§5):

* **When a reason was found** (it starts the 30-working-day filing window, Pasal 36(1)): a, d, e,
  f — the request's written notification (``tanggal_pemberitahuan``); c — the day after the
  request's deadline (recomputed) passed with no notification; g — the day the information was
  delivered (``tanggal_selesai``); b — ``--alasan-ditemukan``, else the filing date: periodic
  information must be available all the time, so while it is missing the reason is found anew
  each day. A reason the register cannot date needs ``--alasan-ditemukan``. For a, d, e, f the
  rule is the day the requester *received* the notification: a later ``--alasan-ditemukan``
  (sent by post) is accepted with ``--catatan`` saying how that date is known (a postmark).
* **Several reasons:** the window is checked per reason; one found too long ago refuses the filing
  (drop it from ``--alasan``). ``alasan_ditemukan`` stores the earliest of the dates.
* **--paksa --catatan TEKS** (journalled, note in ``paksa_catatan``) is for what the register
  cannot know: it skips the consistency of the reasons with the request's history, accepts a
  ``--alasan-ditemukan`` that differs otherwise from the register's date, and a filing past the
  window. It never skips documents, the request's existence, or
  dates that contradict each other (future, before the request, found after filing).
* **Stage:** an objection about a request on an election stage still ongoing on the filing date
  inherits the stage (3-working-day response); ``--tahapan`` names it explicitly.
* **One objection per reason at a time:** a new objection on a request is refused (``--paksa``
  does not help: the register knows) while an earlier objection on the same request with a
  shared reason is not finished — from ``terdaftar`` until the requester's answer
  (``selesai``/``sengketa``): it is the same case filed twice, and once the Atasan PPID has
  answered, a requester who is not satisfied goes to the Komisi Informasi (Pasal 37(1)), not
  to a second objection. Other reasons on the same request are separate objections (Pasal
  35(1) lists them separately: fees (f) or a late delivery (g) can come after a first
  objection was settled). After the earlier one is finished a new objection with the same
  reason is recorded with a warning naming it: the request may have been answered again
  since (e.g. information delivered again not as requested, reason d). An objection without a
  request (reason b, periodic information not provided) is the same case as an earlier one by
  the same person (NIK) about the same information (wording compared without case and spacing).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from .. import schema
from ..errors import NotFoundError, RuleError, UsageError
from ..rules import deadlines, numbering
from ..rules import validation as v
from ..store.table import Table
from ..workspace import Workspace
from . import common
from .letters import letter_for, stage_letters
from .permohonan import Result

__all__ = [
    "ObjectionInput", "Response", "Result", "deliver", "dispute_outcome", "forward", "plenary",
    "register", "requester_answer", "respond",
]  # fmt: skip

REGISTER = "keberatan"
OPEN = schema.OPEN[REGISTER]
FINISHED = schema.FINAL[REGISTER]  # the requester accepted the response, or went to the KI
ANSWERABLE = ("diteruskan", "pleno")
#: what each reason needs from the request's history, for the refusal message
SYARAT = {
    "a": "permohonan ditolak (seluruhnya, atau sebagian: diberikan-sebagian) berdasarkan alasan "
    "pengecualian",
    "c": "permohonan tidak diberi pemberitahuan tertulis sampai tenggatnya",
    "d": "permohonan sudah diberi pemberitahuan tertulis",
    "e": "permohonan sudah diberi pemberitahuan tertulis",
    "f": "permohonan dikenai biaya",
    "g": "informasi diserahkan melewati tenggat",
}
SUMBER = {
    "a": "tanggal pemberitahuan tertulis permohonan",
    "d": "tanggal pemberitahuan tertulis permohonan",
    "e": "tanggal pemberitahuan tertulis permohonan",
    "f": "tanggal pemberitahuan tertulis permohonan",
    "c": "hari setelah tenggat pemberitahuan lewat",
    "g": "tanggal informasi diserahkan",
}
#: reasons found when the requester received the written notification (rules.md §2): a later
#: receipt than the letter's date (by post) is a fact the register cannot know, given with a note
DITERIMA_PEMOHON = ("a", "d", "e", "f")
PAKSA_SARAN = (
    "periksa --alasan; bila register tidak memuat yang diketahui petugas, catat dengan "
    "--paksa --catatan TEKS"
)


@dataclass
class ObjectionInput:
    """What ``keberatan catat`` asks (the options without "--"): ``permohonan`` the request's
    number; ``alasan`` codes of schema.ALASAN_KEBERATAN ("a;c" or a list); ``dokumen`` codes of
    schema.DOKUMEN_KEBERATAN; the requester's own fields only for reason b without a
    registered request."""

    permohonan: str = ""
    alasan: str = ""
    kasus_posisi: str = ""
    alasan_ditemukan: str = ""
    saluran: str = "langsung"
    dokumen: str = ""
    kuasa: str = ""
    kuasa_alamat: str = ""
    meterai: bool = False
    kebutuhan_khusus: bool = False
    tahapan: str = ""
    # the requester, only for reason b without a registered request
    nama: str = ""
    nik: str = ""
    alamat: str = ""
    telepon: str = ""
    email: str = ""
    informasi: str = ""
    tujuan: str = ""
    paksa: bool = False
    catatan: str = ""

    def __post_init__(self) -> None:
        common.as_text(self)


# -- catat --------------------------------------------------------------------------------------


def _documents(data: ObjectionInput) -> tuple[list[str], dict[str, str]]:
    """Seed SOP 2 step 1: the form, the requester's identity, a stamped special power of attorney."""
    dokumen = v.daftar(data.dokumen, schema.DOKUMEN_KEBERATAN, "--dokumen")
    kuasa = {
        "kuasa_nama": v.nama(data.kuasa, "--kuasa"),
        "kuasa_alamat": v.teks(data.kuasa_alamat, "--kuasa-alamat"),
    }
    v.dokumen_lengkap(REGISTER, dokumen, kuasa=bool(kuasa["kuasa_nama"]))
    if kuasa["kuasa_nama"]:
        if not (data.meterai or "meterai" in dokumen):
            refuse_unstamped(kuasa["kuasa_nama"])
        if not kuasa["kuasa_alamat"]:
            raise RuleError("identitas kuasa belum lengkap: alamat kuasa", "isi --kuasa-alamat")
        if "meterai" not in dokumen:  # (the register shows the stamp was checked)
            dokumen.append("meterai")
    elif kuasa["kuasa_alamat"] or data.meterai or {"meterai", "kuasa"} & set(dokumen):
        what = (
            "--kuasa-alamat"
            if kuasa["kuasa_alamat"]
            else (
                "--meterai"
                if data.meterai
                else ("kuasa" if "kuasa" in dokumen else "meterai") + " di --dokumen"
            )
        )
        raise UsageError(f"{what} tanpa --kuasa", f"isi --kuasa NAMA, atau hapus {what}")
    return dokumen, kuasa


def _requester_from_options(data: ObjectionInput) -> dict[str, str]:
    row = {
        "nama_pemohon": v.nama(data.nama, "--nama (nama pemohon)", wajib=True),
        "alamat": v.teks(data.alamat, "--alamat", wajib=True),
        "informasi_diminta": v.teks(data.informasi, "--informasi (informasi berkala)", wajib=True),
        "tujuan_penggunaan": v.teks(data.tujuan, "--tujuan (tujuan penggunaan)", wajib=True),
    }
    if not data.nik.strip():
        raise RuleError("pemohon wajib menunjukkan identitas", "isi --nik (16 angka NIK KTP)")
    row["nik"] = v.nik(data.nik)
    row["telepon"] = v.telepon(data.telepon) if data.telepon.strip() else ""
    row["email"] = v.email(data.email) if data.email.strip() else ""
    if not row["telepon"] and not row["email"]:
        raise RuleError("pemohon wajib mencantumkan kontak", "isi --telepon atau --email")
    return row


def check_requester(permohonan: str, **given: str | None) -> None:
    """With --permohonan the requester is the request's: options naming one (``given``: nama,
    nik, alamat, telepon, email, informasi, tujuan) are refused."""
    typed = [f"--{key}" for key, value in given.items() if (value or "").strip()]
    if permohonan.strip() and typed:  # (options that make no sense together: wrong usage)
        raise UsageError(
            f"{', '.join(typed)} tidak dipakai bila --permohonan diisi: data pemohon disalin "
            "dari register permohonan",
            "hapus opsi itu",
        )


def find_request(table: Table, nomor: str, filed: date, pattern: str) -> int:
    """The request an objection refers to: its full number, or its sequence alone when that is
    unambiguous in the filing year and the year before (an objection in January is often about
    a request of December: ``1`` must not silently pick this year's 001)."""
    wanted = (nomor or "").strip()
    if not (wanted.isascii() and wanted.isdigit()):
        return common.find(table, wanted, filed, pattern)
    seq = int(wanted)
    years = (str(filed.year), str(filed.year - 1))
    hits = [
        i
        for i, row in enumerate(table.rows)
        if row["tanggal_diterima"][:4] in years
        and numbering.sequence_of(row["nomor_registrasi"], pattern) == seq
    ]
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        found = ", ".join(table.rows[i]["nomor_registrasi"] for i in hits)
        raise NotFoundError(
            f"nomor urut permohonan {wanted} tidak tunggal ({years[1]}–{years[0]}): {found}",
            "tulis nomor registrasi permohonan lengkap di --permohonan",
        )
    return common.find(table, wanted, filed, pattern)  # the not-found message


def _judge_reasons(
    ws: Workspace,
    codes: list[str],
    req: dict[str, str] | None,
    given: date | None,
    filed: date,
    paksa: bool,
    catatan: str,
) -> tuple[dict[str, tuple[date, str]], list[str]]:
    """The reasons against the request's history and the filing window (UU 14/2008 Pasal 35,
    36(1)): the day each was found, and the checks ``paksa`` overrode; refused otherwise."""
    skipped: list[str] = []
    if req is not None:
        problems = [p for p in (reason_conflict(ws, c, req, filed) for c in codes) if p]
        if problems and not paksa:
            raise RuleError("; ".join(problems), PAKSA_SARAN)
        skipped += problems
    found, overridden = _found_dates(ws, codes, req, given, filed, paksa, catatan)
    skipped += overridden
    for code, (day, sumber) in found.items():
        if day > filed:
            raise RuleError(
                f"alasan {code} baru ada pada {day.isoformat()} ({sumber}), sesudah tanggal "
                f"pengajuan keberatan {filed.isoformat()}",
                "periksa --alasan dan --tanggal",
            )
    window = ws.settings.tenggat("pengajuan_keberatan")
    late = []
    for code, (day, sumber) in found.items():
        last = ws.calendar.add_workdays(day, window).tanggal
        if filed > last:
            late.append(
                f"alasan {code} ditemukan {day.isoformat()} ({sumber}), batas pengajuan "
                f"{last.isoformat()}"
            )
    if late:
        msg = (
            f"keberatan terlambat diajukan pada {filed.isoformat()}: " + "; ".join(late) + " "
            f"({window} hari kerja sejak alasan ditemukan, UU 14/2008 Pasal 36(1))"
        )
        if not paksa:
            raise RuleError(
                msg,
                "keberatan tidak dapat dicatat"
                + ("; hapus alasan yang terlambat dari --alasan" if len(codes) > 1 else "")
                + (
                    "; bila pemberitahuan tertulis baru diterima pemohon kemudian (mis. lewat "
                    "pos), catat dengan --alasan-ditemukan TANGGAL-TERIMA --catatan TEKS "
                    "(bagaimana tanggal itu diketahui); sebab lain yang diketahui petugas: "
                    "--paksa --catatan TEKS"
                    if set(codes) <= set(DITERIMA_PEMOHON)
                    else "; bila pemohon baru mengetahui alasannya kemudian, catat dengan "
                    "--alasan-ditemukan TANGGAL --paksa --catatan TEKS"
                ),
            )
        skipped.append(msg)
    return found, skipped


def refuse_unstamped(kuasa: str) -> None:
    """An objection through a proxy needs the special power of attorney stamped."""
    raise RuleError(
        f"keberatan diajukan kuasa ({kuasa}): surat kuasa khusus wajib dibubuhi meterai "
        "(SOP Penanganan Keberatan langkah 1)",
        "terima surat kuasa khusus bermeterai, lalu catat dengan --meterai",
    )


def check_paksa(paksa: bool, catatan: str) -> str:
    """The note, required with --paksa (why the checks were overridden: journalled)."""
    catatan = v.teks(catatan, "--catatan")
    if paksa and not catatan:
        raise RuleError(
            "--paksa wajib disertai catatan alasannya", "isi --catatan TEKS (dicatat di jurnal)"
        )
    return catatan


def check_reasons(
    ws: Workspace,
    alasan: str,
    nomor: str,
    tanggal: str | None = None,
    *,
    ditemukan: str = "",
    paksa: bool = False,
    catatan: str = "",
) -> None:
    """Refuse reasons the request ``nomor`` (empty: none, reason b alone) does not give on the
    filing day ``tanggal``, filed too late, or already in an unfinished objection on it, as
    :func:`register` would (read only; for the form: told at the prompt, not after the whole
    form). ``ditemukan``, ``paksa``, ``catatan``: --alasan-ditemukan, --paksa, --catatan."""
    filed = v.waktu(tanggal, ws.tz, ws.now()).date()
    given = v.tanggal(ditemukan, "--alasan-ditemukan") if ditemukan else None
    codes = sorted(v.daftar(alasan, schema.ALASAN_KEBERATAN, "alasan"))
    req = request_named(ws, nomor, tanggal) if nomor else None
    if req is None:
        _without_request(codes)
    else:
        n = req["nomor_registrasi"]
        _earlier_objections(ws.read(REGISTER).rows_where("nomor_permohonan", (n,)),
                            f"permohonan {n}", codes, _OTHERS)  # fmt: skip
    _judge_reasons(ws, codes, req, given, filed, paksa, v.teks(catatan, "--catatan"))


def _without_request(codes: list[str]) -> None:
    """Only reason b (periodic information not published) needs no registered request."""
    others = [c for c in codes if c != "b"]
    if others:
        raise RuleError(
            f"alasan {', '.join(others)} menyangkut permohonan yang terdaftar",
            "isi nomor permohonannya (--permohonan); hanya alasan b yang tanpa permohonan",
        )


def request_named(ws: Workspace, nomor: str, tanggal: str | None = None) -> dict[str, str]:
    """The request an objection filed on ``tanggal`` (default: now) names, read only — as
    :func:`register` finds it (for the form: whose request it is, before anything is asked
    further)."""
    return _request_of(ws, ws.read("permohonan"), nomor, v.waktu(tanggal, ws.tz, ws.now()).date())


def _request_of(ws: Workspace, table, nomor: str, filed: date) -> dict[str, str]:
    req = table.rows[find_request(table, nomor, filed, ws.settings.get("penomoran", "permohonan"))]
    common.check_dates(req, "permohonan")  # (the reasons are read from its dates)
    if filed.isoformat() < req["tanggal_diterima"]:
        raise RuleError(
            f"tanggal keberatan {filed.isoformat()} sebelum permohonan {req['nomor_registrasi']} "
            f"diterima ({req['tanggal_diterima']})",
            "periksa --tanggal dan --permohonan",
        )
    return req


def request_deadline(ws: Workspace, req: dict[str, str]) -> date:
    return deadlines.request(req, ws.settings, ws.calendar).tanggal


def _derived(ws: Workspace, code: str, req: dict[str, str] | None) -> date | None:
    """When reason ``code`` was found, as far as the request's history tells (rules.md §2)."""
    if req is None or code == "b":
        return None
    if code == "c":
        return request_deadline(ws, req) + timedelta(days=1)
    iso = req["tanggal_selesai"] if code == "g" else req["tanggal_pemberitahuan"]
    return common.iso_day(iso) if iso else None


def reason_conflict(ws: Workspace, code: str, req: dict[str, str], filed: date) -> str:
    """Why reason ``code`` contradicts the request's history ("" when it does not)."""
    n = req["nomor_registrasi"]
    due = request_deadline(ws, req)
    said = req["tanggal_pemberitahuan"]
    if code == "a" and req["keputusan"] not in ("ditolak", "diberikan-sebagian"):
        # (a partial grant refuses the part it blacks out on its Pasal 17 basis)
        got = f"keputusannya '{req['keputusan']}'" if req["keputusan"] else "belum diputuskan"
        return f"alasan a berlaku bila {SYARAT['a']}, tetapi permohonan {n} {got}"
    if code == "c":
        if said and common.iso_day(said) <= due:
            return (
                f"alasan c berlaku bila {SYARAT['c']}, tetapi permohonan {n} diberi pemberitahuan "
                f"tertulis pada {said}, dalam tenggat {due.isoformat()}"
            )
        if filed <= due:
            return (
                f"alasan c: tenggat pemberitahuan permohonan {n} ({due.isoformat()}) belum lewat "
                f"pada {filed.isoformat()}"
            )
    if code in ("d", "e") and not said:
        return (
            f"alasan {code} berlaku bila {SYARAT[code]}, tetapi permohonan {n} belum diberi "
            "pemberitahuan tertulis (bila tenggatnya sudah lewat, alasannya c)"
        )
    if code == "f" and not int(req["biaya"] or 0) > 0:
        return f"alasan f berlaku bila {SYARAT['f']}, tetapi permohonan {n} tidak dikenai biaya"
    if code == "g":
        done = req["tanggal_selesai"]
        if not done:
            return f"alasan g berlaku bila {SYARAT['g']}, tetapi informasi permohonan {n} belum diserahkan"
        if common.iso_day(done) <= due:
            return (
                f"alasan g berlaku bila {SYARAT['g']}, tetapi informasi permohonan {n} diserahkan "
                f"pada {done}, dalam tenggat {due.isoformat()}"
            )
    return ""


def _found_dates(
    ws: Workspace,
    codes: list[str],
    req: dict[str, str] | None,
    given: date | None,
    filed: date,
    paksa: bool,
    catatan: str,
) -> tuple[dict[str, tuple[date, str]], list[str]]:
    """{code: (date found, where it comes from)} and the checks overridden by --paksa."""
    out: dict[str, tuple[date, str]] = {}
    skipped: list[str] = []
    for code in codes:
        derived = _derived(ws, code, req)
        if derived is not None:
            if given is not None and given > derived and code in DITERIMA_PEMOHON and catatan:
                # the notification reached the requester later (by post, courier): its receipt
                # starts the window (rules.md §2); how that date is known is in the note
                out[code] = (given, "--alasan-ditemukan: pemberitahuan diterima pemohon")
            elif given is not None and given != derived:
                note = (
                    f"alasan {code}: --alasan-ditemukan {given.isoformat()} berbeda dengan "
                    f"{SUMBER[code]} {derived.isoformat()} menurut register"
                )
                if not paksa:
                    later = given > derived and code in DITERIMA_PEMOHON
                    raise RuleError(
                        note,
                        "bila pemberitahuan baru diterima pemohon pada tanggal itu (mis. lewat pos), "
                        "isi --catatan bagaimana tanggal terimanya diketahui (mis. cap pos)"
                        if later
                        else "hapus --alasan-ditemukan; bila pemohon memang baru mengetahuinya "
                        "kemudian, catat dengan --paksa --catatan TEKS",
                    )
                skipped.append(note)
                out[code] = (given, "--alasan-ditemukan (--paksa)")
            else:
                out[code] = (derived, SUMBER[code])
        elif given is not None:
            out[code] = (given, "--alasan-ditemukan")
        elif code == "b":
            out[code] = (filed, "tanggal pengajuan (informasi berkala masih belum tersedia)")
        else:
            raise RuleError(
                f"tanggal ditemukannya alasan {code} tidak tercatat di register "
                f"(tidak ada {SUMBER[code]})",
                "isi --alasan-ditemukan YYYY-MM-DD",
            )
    return out, skipped


_OTHERS = "; keberatan baru atas permohonan ini hanya untuk alasan lain"


def _earlier_objections(
    rows: list[dict[str, str]], subject: str, codes: list[str], others: str = ""
) -> list[str]:
    """Refuses the objection when an earlier one on the same ``subject`` (``rows``: on the same
    request, or the same periodic information asked by the same person) sharing a reason is not
    finished; warns of finished ones sharing a reason (see the module docstring). ``others``: the
    hint's note on what a new objection may still be about."""
    warnings = []
    for row in rows:
        shared = sorted(set(codes) & set(row["alasan"].split(";")))
        if not shared:
            continue
        k, said = row["nomor_registrasi"], f"alasan {', '.join(shared)}"
        if row["status"] not in FINISHED:
            raise RuleError(
                f"{subject} sudah punya keberatan {k} ({row['tanggal_diterima']}, {said}, "
                f"status '{row['status']}') yang belum selesai: alasan yang sama tidak dicatat "
                "dua kali",
                f"lanjutkan keberatan itu (ppidctl keberatan lihat {k}){others}",
            )
        warnings.append(
            f"{subject} sudah pernah diajukan keberatan {k} dengan {said} "
            f"({row['status']}, tanggapan pemohon {row['tanggapan_pemohon_pada'] or '-'})"
        )
    return warnings


def _same_periodic(table: Table, row: dict[str, str]) -> list[dict[str, str]]:
    """Earlier objections without a request by the same person (NIK) about the same periodic
    information (reason b), the wording compared without case and spacing."""

    key = v.bandingan
    wanted = key(row["informasi_diminta"])
    return [
        r
        for r in table.rows_where("nik", (row["nik"],))
        if not r["nomor_permohonan"] and key(r["informasi_diminta"]) == wanted
    ]


@common.dated_step
def register(
    ws: Workspace,
    data: ObjectionInput,
    *,
    tanggal: str | None = None,
    petugas: str = "",
    surat: bool = True,
    nomor_surat: str | None = None,
) -> Result:
    """Register an objection: number, response deadline, numbered slip (Pasal 35–36)."""
    when = v.waktu(tanggal, ws.tz, ws.now())
    filed = when.date()
    codes = sorted(v.daftar(data.alasan, schema.ALASAN_KEBERATAN, "--alasan"))
    if not codes:
        raise RuleError(
            "alasan keberatan wajib diisi", "isi --alasan dengan kode a–g, mis. --alasan a,c"
        )
    dokumen, kuasa = _documents(data)
    catatan = check_paksa(data.paksa, data.catatan)
    given = (
        v.sejak_uu_kip(v.tanggal(data.alasan_ditemukan, "--alasan-ditemukan"), "--alasan-ditemukan")
        if data.alasan_ditemukan
        else None
    )
    if given is not None and given > filed:
        raise RuleError(
            f"--alasan-ditemukan {given.isoformat()} sesudah tanggal pengajuan keberatan "
            f"{filed.isoformat()}",
            "periksa --alasan-ditemukan dan --tanggal",
        )
    row: dict[str, str] = {
        "tanggal_diterima": filed.isoformat(),
        "waktu_diterima": when.isoformat(timespec="minutes") if v.with_time(tanggal) else "",
        "saluran": v.pilihan(data.saluran or "langsung", schema.SALURAN, "--saluran"),
        "alasan": ";".join(codes),
        "kasus_posisi": v.teks(data.kasus_posisi, "--kasus-posisi (kasus posisi)", wajib=True),
        "dokumen": ";".join(dokumen),
        "kebutuhan_khusus": "ya" if data.kebutuhan_khusus else "tidak",
        "status": "terdaftar",
        "petugas": v.teks(petugas, "--petugas"),
        **kuasa,
    }
    if data.paksa:
        row["paksa_catatan"] = catatan
    else:
        row["catatan"] = catatan
    nomor_req = (data.permohonan or "").strip()
    if not nomor_req:
        _without_request(codes)
        row.update(_requester_from_options(data))
    else:
        check_requester(nomor_req, nama=data.nama, nik=data.nik, alamat=data.alamat,
                        telepon=data.telepon, email=data.email, informasi=data.informasi,
                        tujuan=data.tujuan)  # fmt: skip
    peringatan: list[str] = []
    with ws.transaction("keberatan catat", petugas) as tx:
        req: dict[str, str] | None = None
        if nomor_req:
            req = _request_of(ws, tx.table("permohonan"), nomor_req, filed)
            n = req["nomor_registrasi"]
            row.update(nomor_permohonan=n, **{k: req[k] for k in schema.DARI_PERMOHONAN})
            if given is not None and given.isoformat() < req["tanggal_diterima"]:
                raise RuleError(
                    f"--alasan-ditemukan {given.isoformat()} sebelum permohonan {n} diterima "
                    f"({req['tanggal_diterima']})",
                    "periksa --alasan-ditemukan",
                )
        table = tx.table(REGISTER)
        if req is None:
            subject = f"informasi berkala '{row['informasi_diminta']}' ({row['nama_pemohon']})"
            peringatan += _earlier_objections(_same_periodic(table, row), subject, codes)
        else:
            n = req["nomor_registrasi"]
            peringatan += _earlier_objections(
                table.rows_where("nomor_permohonan", (n,)),
                f"permohonan {n}",
                codes,
                _OTHERS,
            )
        found, skipped = _judge_reasons(ws, codes, req, given, filed, data.paksa, catatan)
        row["alasan_ditemukan"] = min(day for day, _ in found.values()).isoformat()
        if data.tahapan:
            row["tahapan"] = common.ongoing_stage(ws, data.tahapan, filed, REGISTER)
        elif req is not None and req["tahapan"]:
            stage = ws.settings.stage(req["tahapan"])
            if stage is not None and stage.ongoing(filed):
                row["tahapan"] = stage.nama
            else:
                peringatan.append(
                    f"permohonan {req['nomor_registrasi']} menyangkut tahapan '{req['tahapan']}' "
                    f"yang tidak lagi berjalan pada {filed.isoformat()}: tanggapan "
                    f"{ws.settings.tenggat('tanggapan_keberatan')} hari kerja"
                )
        due = deadlines.objection(row, ws.settings, ws.calendar)
        row["jatuh_tempo"] = due.tanggal.isoformat()
        peringatan += list(due.peringatan)
        row["nomor_registrasi"] = common.next_number(ws, tx, REGISTER, filed)
        extra: dict[str, Any] = {}
        if data.paksa:
            extra = {"paksa": True, "catatan": catatan, "pemeriksaan_diabaikan": skipped}
            peringatan += [f"diabaikan dengan --paksa: {s}" for s in skipped]
        stored = tx.append(REGISTER, row, **extra)
        result = Result(stored, peringatan=peringatan)
        if surat:
            result.berkas = _letters(
                ws, tx, "tanda-bukti-keberatan", stored, req, filed, nomor_surat, petugas
            )
    return result


def _letters(
    ws: Workspace,
    tx,
    kind: str,
    row: dict[str, str],
    req: dict[str, str] | None,
    day: date,
    nomor_surat: str | None,
    petugas: str,
) -> list[str]:
    return stage_letters(ws, tx, [letter_for(kind, row, req)], day, nomor_surat, petugas)


# -- the later steps ----------------------------------------------------------------------------


def _linked(tx, row: dict[str, str]) -> dict[str, str] | None:
    if not row["nomor_permohonan"]:
        return None
    for r in tx.table("permohonan").rows:
        if r["nomor_registrasi"] == row["nomor_permohonan"]:
            return r
    return None


STANDARDS = (
    # (setting key, step, start column, end column, status while the step is pending)
    ("teruskan_keberatan", "penerusan ke Atasan PPID", "tanggal_diterima", "diteruskan_pada", "terdaftar"),
    ("draf_tanggapan", "draf tanggapan untuk rapat pleno", "diteruskan_pada", "pleno_pada", ""),
    ("sampaikan_tanggapan", "penyampaian surat tanggapan", "tanggal_tanggapan", "disampaikan_pada", "ditanggapi"),
)  # fmt: skip


def service_standards(ws: Workspace, row: dict[str, str], today: date) -> list[dict[str, Any]]:
    """The SOP's internal standards (rules.md §1): working days used per step, and whether the
    standard was exceeded; a pending step is measured up to ``today``."""
    out = []
    for key, what, start, end, pending in STANDARDS:
        if not row.get(start):
            continue
        try:  # (a date edited by hand into another shape: not measured; periksa names it)
            begin = common.iso_day(row[start])
            if row.get(end):
                stop, done = common.iso_day(row[end]), True
            elif pending and row["status"] == pending:
                stop, done = today, False
            else:
                continue
        except ValueError:
            continue
        limit = int(ws.settings.get("standar_layanan", key))
        used = ws.calendar.workdays_between(begin, stop)
        out.append(
            {
                "langkah": what,
                "selesai": done,
                "hari_kerja": used,
                "standar": limit,
                "sop": common.SOP_WAKTU[key],
                "terlampaui": used > limit,
            }
        )
    return out


@common.dated_step
def forward(ws: Workspace, nomor: str, *, tanggal: str | None = None, petugas: str = "") -> Result:
    """PPID forwards the objection form to the Atasan PPID (seed SOP 2 step 4)."""
    when = v.waktu(tanggal, ws.tz, ws.now())
    with ws.transaction("keberatan teruskan", petugas) as tx:
        i, row = common.load_row(tx, ws, REGISTER, nomor, when)
        n = row["nomor_registrasi"]
        if row["status"] != "terdaftar":
            raise RuleError(
                f"keberatan {n} berstatus '{row['status']}': hanya keberatan yang baru terdaftar "
                "yang diteruskan ke Atasan PPID",
                f"lihat riwayatnya: ppidctl keberatan lihat {n}",
            )
        day = common.step_date(when, row["tanggal_diterima"], "diteruskan", n)
        tx.update(REGISTER, i, {"status": "diteruskan", "diteruskan_pada": day})
        warn = common.sop_standard(
            ws,
            row["tanggal_diterima"],
            common.iso_day(day),
            "teruskan_keberatan",
            "penerusan ke Atasan PPID",
        )
    return Result(row, peringatan=warn)


@common.dated_step
def plenary(ws: Workspace, nomor: str, *, tanggal: str | None = None, petugas: str = "") -> Result:
    """The Atasan PPID's draft response discussed in the plenary (seed SOP 2 step 5)."""
    when = v.waktu(tanggal, ws.tz, ws.now())
    with ws.transaction("keberatan pleno", petugas) as tx:
        i, row = common.load_row(tx, ws, REGISTER, nomor, when)
        n = row["nomor_registrasi"]
        if row["status"] == "terdaftar":
            raise RuleError(
                f"keberatan {n} belum diteruskan ke Atasan PPID",
                f"teruskan dahulu: ppidctl keberatan teruskan {n}",
            )
        if row["status"] != "diteruskan":
            raise RuleError(
                f"keberatan {n} berstatus '{row['status']}': rapat pleno dicatat sebelum tanggapan"
                + (f" (sudah dicatat pada {row['pleno_pada']})" if row["pleno_pada"] else ""),
                f"lihat riwayatnya: ppidctl keberatan lihat {n}",
            )
        day = common.step_date(when, row["diteruskan_pada"], "rapat pleno", n)
        tx.update(REGISTER, i, {"status": "pleno", "pleno_pada": day})
        warn = common.sop_standard(
            ws,
            row["diteruskan_pada"],
            common.iso_day(day),
            "draf_tanggapan",
            "draf tanggapan untuk rapat pleno",
        )
    return Result(row, peringatan=warn)


@dataclass
class Response:
    """The Atasan PPID's answer (``keberatan tanggapi``): ``keputusan`` diterima|ditolak;
    ``pertimbangan`` required for ditolak, ``sk_pengecualian`` when a reason is a."""

    keputusan: str
    pertimbangan: str = ""
    sk_pengecualian: str = ""

    def __post_init__(self) -> None:
        common.as_text(self)


@common.dated_step
def respond(
    ws: Workspace,
    nomor: str,
    r: Response,
    *,
    tanggal: str | None = None,
    petugas: str = "",
    surat: bool = True,
    nomor_surat: str | None = None,
) -> Result:
    """The Atasan PPID's written response and reply letter (Pasal 36(2)–(3), SOP 2 step 6)."""
    when = v.waktu(tanggal, ws.tz, ws.now())
    keputusan = v.pilihan(r.keputusan, schema.KEPUTUSAN_ATASAN, "--keputusan")
    pertimbangan = v.teks(r.pertimbangan, "--pertimbangan")
    sk = v.teks(r.sk_pengecualian, "--sk-pengecualian")
    sk = v.isi(sk, "--sk-pengecualian") if sk else sk  # (a "-" is no decree to attach)
    nomor_surat = v.teks(nomor_surat, "--nomor-surat") or None
    if pertimbangan:  # (printed in the reply: a "-" is no written reason)
        pertimbangan = v.isi(pertimbangan, "--pertimbangan")
    if keputusan == "ditolak" and not pertimbangan:
        raise RuleError(
            "keputusan ditolak wajib disertai alasan tertulis (UU 14/2008 Pasal 36(3))",
            "isi --pertimbangan TEKS",
        )
    if keputusan == "diterima" and sk:
        raise UsageError(
            "--sk-pengecualian hanya untuk keputusan ditolak (informasi dikecualikan)",
            "hapus --sk-pengecualian",
        )
    with ws.transaction("keberatan tanggapi", petugas) as tx:
        i, row = common.load_row(tx, ws, REGISTER, nomor, when)
        n = row["nomor_registrasi"]
        if row["status"] == "terdaftar":
            raise RuleError(
                f"keberatan {n} belum diteruskan ke Atasan PPID: tanggapan diberikan setelah "
                "formulir keberatan diteruskan",
                f"teruskan dahulu: ppidctl keberatan teruskan {n}",
            )
        # the deadline lapsed unanswered and the requester went to the Komisi Informasi: a
        # response given late after all is still the office's act, recorded under the running
        # dispute (review sengketa F6: it was refused, and its letter could not be numbered)
        answered = row["tanggal_tanggapan"] or row["keputusan_atasan"]
        disputed = row["status"] == "sengketa" and not answered
        if row["status"] in FINISHED and not (answered or disputed):
            when = row["tanggapan_pemohon_pada"]
            raise RuleError(  # (an old book's case closed with no response; an agreement)
                f"keberatan {n} sudah "
                + (
                    "diselesaikan secara musyawarah"
                    if row["tanggapan_pemohon"] == "musyawarah"
                    else f"ditutup ({row['status']})"
                )
                + (f" pada {when}" if when else "")
                + " tanpa tanggapan Atasan PPID",
                f"lihat: ppidctl keberatan lihat {n}",
            )
        if row["status"] not in ANSWERABLE and not disputed:
            raise RuleError(
                f"keberatan {n} sudah ditanggapi pada {row['tanggal_tanggapan'] or '-'} "
                f"({row['keputusan_atasan'] or row['status']}): tanggapan hanya satu kali",
                f"lihat: ppidctl keberatan lihat {n}",
            )
        codes = row["alasan"].split(";")
        req = _linked(tx, row)
        # the decision upheld withholds information on exclusion grounds: the objection's reason
        # a, or c-e on a request refused or granted in part under Pasal 17 (c, then a late
        # refusal; e, parts blacked out: review aturan H1) — not one about the fee (f) or the
        # delay (g) of what was given (sesi32b L1)
        excluded = (
            req is not None
            and req["keputusan"] in schema.KOLOM_KEPUTUSAN["alasan_penolakan"]
            and bool(req["alasan_penolakan"] or req["sk_pengecualian"])
            and bool(set(codes) & set(schema.ALASAN_PERINTAH_SERAH))
        )
        if keputusan == "ditolak" and ("a" in codes or excluded) and not sk:
            known = (
                f" (penolakan permohonan menyebut: {req['sk_pengecualian']})"
                if req and req["sk_pengecualian"]
                else ""
            )
            raise RuleError(
                "menguatkan penolakan berdasarkan alasan pengecualian wajib melampirkan Keputusan "
                "KPU tentang informasi yang dikecualikan (SOP Penanganan Keberatan langkah 6)"
                + (
                    ""
                    if "a" in codes
                    else f": keputusan PPID atas permohonan {req['nomor_registrasi']} "
                    f"({req['keputusan']}) berdasar pengecualian"
                ),
                f"isi --sk-pengecualian NOMOR/JUDUL KEPUTUSAN{known}",
            )
        earlier = row["pleno_pada"] or row["diteruskan_pada"] or row["tanggal_diterima"]
        day = common.step_date(when, earlier, "tanggapan", n)
        if disputed:
            _refuse_after_ruling(row, day, "tanggapan Atasan PPID")
        due = deadlines.objection(row, ws.settings, ws.calendar).tanggal
        terlambat = deadlines.late(REGISTER, {**row, "tanggal_tanggapan": day}, due.isoformat())
        atasan = ws.settings.section("atasan_ppid")
        number = nomor_surat or ""
        if surat and not number:
            from .letters import next_letter_number, prints_number

            if prints_number(ws, "tanggapan-keberatan"):
                number = next_letter_number(ws, tx, common.iso_day(day))
        tx.update(
            REGISTER,
            i,
            {
                "status": "sengketa" if disputed else "ditanggapi",
                "keputusan_atasan": keputusan,
                "pertimbangan": pertimbangan,
                "sk_pengecualian": sk,
                "nomor_surat_tanggapan": number,
                "tanggal_tanggapan": day,
                "nama_atasan": str(atasan.get("nama", "")),
                "jabatan_atasan": str(atasan.get("jabatan", "")),
                "terlambat": terlambat,
            },
        )
        result = Result(row)
        if disputed:
            result.peringatan.append(
                f"pemohon sudah mengajukan sengketa ke Komisi Informasi pada "
                f"{row['tanggapan_pemohon_pada'] or '-'}: tanggapan ini dicatat dengan status "
                "tetap sengketa dan tidak membuka batas sengketa baru; catat penyampaian suratnya "
                f"dengan ppidctl keberatan sampaikan {n}"
                + (
                    ""
                    if row["diteruskan_pada"]
                    else " (penerusan keberatan ke Atasan PPID tidak tercatat sebelum sengketa: "
                    "SOP Penanganan Keberatan langkah 4)"
                )
            )
        if not row["pleno_pada"]:
            result.peringatan.append(
                f"tanggapan atas keberatan {n} tanpa rapat pleno tercatat (SOP Penanganan "
                "Keberatan langkah 5: draf tanggapan dibahas dan ditetapkan dalam rapat pleno); "
                "rapat tidak dapat dicatat lagi sesudah tanggapan — lain kali catat dengan "
                "ppidctl keberatan pleno sebelum tanggapan"
            )
        if terlambat == "ya":
            result.peringatan.append(
                f"TERLAMBAT: tanggapan Atasan PPID {day} melewati tenggat {due.isoformat()} "
                f"(lewat {-deadlines.remaining(ws.calendar, common.iso_day(day), due)} hari kerja)"
            )
        if surat:
            result.berkas = _letters(
                ws,
                tx,
                "tanggapan-keberatan",
                row,
                req,
                common.iso_day(day),
                number or None,
                petugas,
            )
    return result


def _refuse_after_ruling(row: dict[str, str], day: str, what: str) -> None:
    """A late response, or its delivery, dated after the Komisi Informasi ruled on the dispute:
    moot. One dated before the ruling and typed in after it is recorded (sesi31b L3)."""
    ruled = row["tanggal_putusan_sengketa"]
    if not row["putusan_sengketa"] or (ruled and day[:10] <= ruled[:10]):
        return
    n = row["nomor_registrasi"]
    raise RuleError(
        f"sengketa keberatan {n} sudah diputus Komisi Informasi ({row['putusan_sengketa']} pada "
        f"{ruled or '-'}): {what} {day[:10]} tidak dicatat sesudah putusan",
        f"lihat: ppidctl keberatan lihat {n}",
    )


@common.dated_step
def deliver(ws: Workspace, nomor: str, *, tanggal: str | None = None, petugas: str = "") -> Result:
    """The reply letter delivered to the requester (SOP 2 step 7); the dispute window opens."""
    when = v.waktu(tanggal, ws.tz, ws.now())
    with ws.transaction("keberatan sampaikan", petugas) as tx:
        i, row = common.load_row(tx, ws, REGISTER, nomor, when)
        n = row["nomor_registrasi"]
        if row["status"] in OPEN:
            raise RuleError(
                f"keberatan {n} belum ditanggapi Atasan PPID (status '{row['status']}'): tidak ada "
                "surat tanggapan untuk disampaikan",
                f"catat tanggapannya dahulu: ppidctl keberatan tanggapi {n} --keputusan ...",
            )
        # a dispute filed once the deadline lapsed with no response in the requester's hands:
        # the reply may still reach them (review sengketa F6); the dispute's window stays
        disputed = row["status"] == "sengketa" and not row["disampaikan_pada"]
        if disputed and not (row["tanggal_tanggapan"] or row["keputusan_atasan"]):
            raise RuleError(
                f"keberatan {n} belum ditanggapi Atasan PPID (sengketa diajukan pada "
                f"{row['tanggapan_pemohon_pada'] or '-'}): tidak ada surat tanggapan untuk "
                "disampaikan",
                f"catat tanggapannya dahulu: ppidctl keberatan tanggapi {n} --keputusan ...",
            )
        if row["tanggapan_pemohon"] == "musyawarah":  # (no reply letter: sesi32b L3)
            raise RuleError(
                f"keberatan {n} sudah diselesaikan secara musyawarah pada "
                f"{row['tanggapan_pemohon_pada']}: tidak ada surat tanggapan untuk disampaikan",
                f"lihat: ppidctl keberatan lihat {n}",
            )
        if row["status"] != "ditanggapi" and not disputed:
            raise RuleError(
                f"surat tanggapan keberatan {n} sudah disampaikan pada {row['disampaikan_pada']} "
                f"(status '{row['status']}')",
                f"lihat: ppidctl keberatan lihat {n}",
            )
        day = common.step_date(when, row["tanggal_tanggapan"], "penyampaian", n)
        if disputed:
            _refuse_after_ruling(row, day, "penyampaian surat tanggapan")
            tx.update(REGISTER, i, {"disampaikan_pada": day})
            return Result(
                row,
                peringatan=[
                    f"pemohon sudah mengajukan sengketa ke Komisi Informasi pada "
                    f"{row['tanggapan_pemohon_pada'] or '-'}: penyampaian ini dicatat dengan "
                    "status tetap sengketa; batas sengketanya tidak berubah"
                ],
            )
        batas = deadlines.dispute({**row, "disampaikan_pada": day}, ws.settings, ws.calendar)
        tx.update(
            REGISTER,
            i,
            {
                "status": "disampaikan",
                "disampaikan_pada": day,
                "batas_sengketa": batas.tanggal.isoformat(),
            },
        )
        warn = common.sop_standard(
            ws,
            row["tanggal_tanggapan"],
            common.iso_day(day),
            "sampaikan_tanggapan",
            "penyampaian surat tanggapan",
        )
        due = deadlines.objection(row, ws.settings, ws.calendar).tanggal
        if common.iso_day(day) > due:  # (the register's terlambat judges the reply's date)
            warn.append(
                f"surat tanggapan sampai kepada pemohon {day}, sesudah tenggat tanggapan "
                f"{due.isoformat()} (UU 14/2008 Pasal 36(2)): bagi pemohon tanggapan terlambat; "
                f"batas sengketanya dihitung dari penyampaian ({batas.tanggal.isoformat()})"
            )
    return Result(row, peringatan=warn + list(batas.peringatan))


@common.dated_step
def requester_answer(
    ws: Workspace,
    nomor: str,
    sikap: str,
    *,
    nomor_sengketa: str = "",
    tanggal: str | None = None,
    petugas: str = "",
) -> Result:
    """The requester accepts the response, or takes a dispute to the Komisi Informasi
    (Pasal 37(2): within 14 working days of receiving it, or of the response deadline lapsing)
    — with the Komisi's register number of the dispute when the office knows it already (the
    summons names it; review sengketa F2: it could be recorded only with the ruling)."""
    when = v.waktu(tanggal, ws.tz, ws.now())
    sikap = v.pilihan(sikap, schema.SIKAP_PEMOHON, "--sikap")
    nomor_ki = v.teks(nomor_sengketa, "--nomor-sengketa")
    if nomor_ki and sikap != "sengketa":
        raise UsageError(
            "--nomor-sengketa hanya untuk --sikap sengketa",
            "hapus --nomor-sengketa: pemohon yang menerima tanggapan tidak bersengketa",
        )
    with ws.transaction("keberatan tanggapan-pemohon", petugas) as tx:
        i, row = common.load_row(tx, ws, REGISTER, nomor, when)
        n = row["nomor_registrasi"]
        changes: dict[str, str] = {}
        if (
            row["status"] == "sengketa"
            and sikap == "sengketa"
            and nomor_ki
            and not row["nomor_sengketa"]
            and not row["putusan_sengketa"]
        ):  # (the summons names it after the filing was recorded: added alone — sesi30 L1)
            tx.update(REGISTER, i, {"nomor_sengketa": nomor_ki})
            result = Result(row)  # (its --tanggal is no new filing day: said — sesi30b N2)
            result.peringatan.append(
                f"hanya nomor sengketa yang ditambahkan; tanggal pengajuan sengketanya tetap "
                f"{row['tanggapan_pemohon_pada'] or '-'}"
            )
            return result
        if row["status"] in FINISHED:
            raise RuleError(
                f"tanggapan pemohon atas keberatan {n} sudah dicatat: {row['tanggapan_pemohon']} "
                f"pada {row['tanggapan_pemohon_pada']}",
                f"lihat: ppidctl keberatan lihat {n}",
            )
        if row["status"] == "disampaikan":
            day = common.step_date(when, row["disampaikan_pada"], "tanggapan pemohon", n)
        elif sikap == "sengketa" and row["status"] in (*OPEN, "ditanggapi"):
            # no response in the requester's hands by the deadline (none given, or a reply not
            # delivered): the dispute window runs from the deadline (Pasal 37(2))
            due = deadlines.objection(row, ws.settings, ws.calendar).tanggal
            last = row["tanggal_tanggapan"] or row["tanggal_diterima"]  # (a reply: after it)
            day = common.step_date(when, last, "tanggapan pemohon", n)
            if common.iso_day(day) <= due:
                written = row["status"] == "ditanggapi"
                raise RuleError(
                    (
                        f"surat tanggapan keberatan {n} belum disampaikan kepada pemohon dan "
                        "tenggat tanggapannya"
                        if written
                        else f"keberatan {n} belum ditanggapi tetapi tenggat tanggapannya"
                    )
                    + f" ({due.isoformat()}) belum lewat: sengketa diajukan setelah tanggapan "
                    "diterima atau tenggat lewat",
                    f"catat penyampaiannya dahulu: ppidctl keberatan sampaikan {n}"
                    if written
                    else f"tunggu tanggapan Atasan PPID; lihat: ppidctl keberatan lihat {n}",
                )
            if not row["tanggal_tanggapan"]:  # never answered: the response deadline was missed
                changes["terlambat"] = "ya"
        else:
            raise RuleError(
                f"surat tanggapan keberatan {n} belum disampaikan kepada pemohon "
                f"(status '{row['status']}'): pemohon menerima tanggapan yang sudah sampai",
                f"catat penyampaiannya dahulu: ppidctl keberatan sampaikan {n}"
                if row["status"] == "ditanggapi"
                else f"keberatan ini belum ditanggapi Atasan PPID; lihat langkah berikutnya: "
                f"ppidctl keberatan lihat {n}",
            )
        # recomputed (a day off decreed since delivery moves it), stored as it stood; an
        # imported reply delivered without a date keeps the window it came with
        due = deadlines.dispute(row, ws.settings, ws.calendar)
        batas = due.tanggal.isoformat() if due else row["batas_sengketa"]
        changes.update(
            batas_sengketa=batas,
            tanggapan_pemohon=sikap,
            tanggapan_pemohon_pada=day,
            status="selesai" if sikap == "menerima" else "sengketa",
        )
        if nomor_ki:
            changes["nomor_sengketa"] = nomor_ki
        tx.update(REGISTER, i, changes)
        result = Result(row)
        if sikap == "sengketa" and batas and day > batas:
            result.peringatan.append(
                f"sengketa diajukan {day}, melewati batas {batas} "
                f"({ws.settings.tenggat('sengketa')} hari kerja, UU 14/2008 Pasal 37(2)); "
                "Komisi Informasi yang memutuskan apakah diterima"
            )
    return result


@common.dated_step
def settle(
    ws: Workspace,
    nomor: str,
    hasil: str,
    *,
    tanggal: str | None = None,
    petugas: str = "",
) -> Result:
    """The objection settled by agreement between the office and the requester before the
    Atasan PPID's response (UU 14/2008 Pasal 35(2): reasons b-g; not a — an exclusion is the
    Atasan's to uphold or lift). It closes the case (``selesai``, ``tanggapan_pemohon`` =
    musyawarah, what was agreed in ``hasil_musyawarah``): no response is owed any more, and the
    reports do not count it as a response deadline missed unless it was settled after it
    (review aturan M2: such a case stayed open and counted as a breach of Pasal 36(2))."""
    when = v.waktu(tanggal, ws.tz, ws.now())
    hasil = v.isi(hasil, "--hasil (hasil musyawarah)")
    with ws.transaction("keberatan musyawarah", petugas) as tx:
        i, row = common.load_row(tx, ws, REGISTER, nomor, when)
        n = row["nomor_registrasi"]
        if row["status"] not in OPEN:
            raise RuleError(
                f"keberatan {n} berstatus '{row['status']}': musyawarah menyelesaikan keberatan "
                "yang belum ditanggapi Atasan PPID",
                f"lihat: ppidctl keberatan lihat {n}",
            )
        if set(row["alasan"].split(";")) - set(schema.MUSYAWARAH_BOLEH):
            raise RuleError(
                f"keberatan {n} memuat alasan a (penolakan berdasarkan pengecualian): hanya "
                "alasan b sampai g yang dapat diselesaikan secara musyawarah (UU 14/2008 Pasal "
                "35(2))",
                f"Atasan PPID menanggapinya: ppidctl keberatan tanggapi {n}",
            )
        earlier = row["pleno_pada"] or row["diteruskan_pada"] or row["tanggal_diterima"]
        day = common.step_date(when, earlier, "musyawarah", n)
        due = deadlines.objection(row, ws.settings, ws.calendar).tanggal
        changes = {
            "status": "selesai",
            "tanggapan_pemohon": "musyawarah",
            "tanggapan_pemohon_pada": day,
            "hasil_musyawarah": hasil,
        }
        changes["terlambat"] = deadlines.late(REGISTER, {**row, **changes}, due.isoformat())
        tx.update(REGISTER, i, changes)
        result = Result(row)
        if changes["terlambat"] == "ya":
            result.peringatan.append(
                f"TERLAMBAT: musyawarah {day} sesudah tenggat tanggapan {due.isoformat()}: "
                "laporan menghitung tenggat itu terlewat"
            )
    return result


@common.dated_step
def dispute_outcome(
    ws: Workspace,
    nomor: str,
    putusan: str,
    *,
    nomor_sengketa: str = "",
    tanggal: str | None = None,
    petugas: str = "",
) -> Result:
    """How the Komisi Informasi settled the dispute the requester took there (the annual report
    lists disputes and their outcome, rules.md §7). Recorded once, after ``sengketa``."""
    when = v.waktu(tanggal, ws.tz, ws.now())
    putusan = v.pilihan(putusan, schema.PUTUSAN_SENGKETA, "--putusan")
    nomor_ki = v.teks(nomor_sengketa, "--nomor-sengketa")
    with ws.transaction("keberatan putusan-sengketa", petugas) as tx:
        i, row = common.load_row(tx, ws, REGISTER, nomor, when)
        n = row["nomor_registrasi"]
        if row["status"] != "sengketa":
            raise RuleError(
                f"keberatan {n} berstatus '{row['status']}': putusan sengketa hanya untuk "
                "keberatan yang dibawa pemohon ke Komisi Informasi",
                "pemohon menerima tanggapan Atasan PPID: tidak ada sengketa"
                if row["status"] == "selesai"
                else f"catat sengketanya dahulu: ppidctl keberatan tanggapan-pemohon {n} "
                "--sikap sengketa",
            )
        if row["putusan_sengketa"]:
            raise RuleError(
                f"putusan sengketa keberatan {n} sudah dicatat: {row['putusan_sengketa']} pada "
                f"{row['tanggal_putusan_sengketa'] or '-'}",
                f"lihat: ppidctl keberatan lihat {n}",
            )
        if (
            nomor_ki
            and row["nomor_sengketa"]
            and (common.loose_number(nomor_ki) != common.loose_number(row["nomor_sengketa"]))
        ):  # (as typed loosely: "003/ki-ntb/2026" is the number recorded)
            raise RuleError(
                f"nomor sengketa keberatan {n} sudah tercatat {row['nomor_sengketa']}, bukan "
                f"{nomor_ki}",
                "hapus --nomor-sengketa (yang tercatat dipakai); " + common.KELIRU,
            )
        day = common.step_date(when, row["tanggapan_pemohon_pada"], "putusan sengketa", n)
        changes = {"putusan_sengketa": putusan, "tanggal_putusan_sengketa": day}
        if nomor_ki and not row["nomor_sengketa"]:
            changes["nomor_sengketa"] = nomor_ki
        tx.update(REGISTER, i, changes)
    return Result(row)
