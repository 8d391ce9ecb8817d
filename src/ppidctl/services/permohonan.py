"""The request register: every step of the SOP "Pelayanan Informasi Publik".

register (catat) → forward to the PPID (teruskan) → one extension (perpanjang) → decision and
written notification (putuskan) → information delivered (selesai). Each function validates
everything, then commits the row change, its journal line and its letter in one transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from .. import schema
from ..errors import RuleError, UsageError
from ..rules import deadlines
from ..rules import validation as v
from ..workspace import Workspace
from . import common
from .letters import Letter, letter_for, stage_letters

__all__ = [
    "Decision",
    "RequestInput",
    "Result",
    "decide",
    "deliver",
    "extend",
    "forward",
    "register",
]

REGISTER = "permohonan"
OPEN = schema.OPEN[REGISTER]
GIVEN = schema.GIVEN


@dataclass
class RequestInput:
    """What ``permohonan catat`` asks, as text (the options without "--"). Choices:
    ``jenis_pemohon`` schema.JENIS_PEMOHON, ``jenis_identitas`` ktp|paspor|lainnya,
    ``cara_memperoleh`` schema.CARA_MEMPEROLEH, ``bentuk`` schema.BENTUK, ``cara_kirim``
    schema.CARA_KIRIM (empty: from the contact and the form), ``saluran`` schema.SALURAN;
    ``dokumen``: codes of schema.DOKUMEN_PERMOHONAN, "identitas,akta" or a list."""

    nama: str = ""
    jenis_pemohon: str = "perorangan"
    nik: str = ""
    jenis_identitas: str = "ktp"
    nomor_identitas: str = ""
    alamat: str = ""
    pekerjaan: str = ""
    telepon: str = ""
    email: str = ""
    informasi: str = ""
    tujuan: str = ""
    cara_memperoleh: str = "salinan"
    bentuk: str = "softcopy"
    cara_kirim: str = ""
    saluran: str = "langsung"
    dokumen: str = ""
    kuasa: str = ""
    tahapan: str = ""
    catatan: str = ""
    diisi_petugas: bool = False  # (a request by telephone: always)

    def __post_init__(self) -> None:
        common.as_text(self)


@dataclass
class Result:
    """What a step produced: the row as stored, the letter files, warnings for the user."""

    row: dict[str, str]
    berkas: list[str] = field(default_factory=list)
    peringatan: list[str] = field(default_factory=list)
    #: what was recorded, when the row's own columns do not say it (a delivery in Keterangan)
    keterangan: str = ""


def _validate(ws: Workspace, data: RequestInput, when: datetime) -> dict[str, str]:
    jenis = v.pilihan(data.jenis_pemohon, schema.JENIS_PEMOHON, "--jenis-pemohon")
    dokumen = v.daftar(data.dokumen, schema.DOKUMEN_PERMOHONAN, "--dokumen")
    row = {
        "nama_pemohon": v.nama(data.nama, "--nama (nama pemohon)", wajib=True),
        "jenis_pemohon": jenis,
        "alamat": v.teks(data.alamat, "--alamat", wajib=True),
        "pekerjaan": v.teks(data.pekerjaan, "--pekerjaan"),
        "informasi_diminta": v.teks(data.informasi, "--informasi (rincian informasi)", wajib=True),
        "tujuan_penggunaan": v.teks(data.tujuan, "--tujuan (tujuan penggunaan)", wajib=True),
        "cara_memperoleh": v.pilihan(
            data.cara_memperoleh, schema.CARA_MEMPEROLEH, "--cara-memperoleh"
        ),
        "bentuk_informasi": v.pilihan(data.bentuk, schema.BENTUK, "--bentuk"),
        "saluran": v.pilihan(data.saluran, schema.SALURAN, "--saluran"),
        "kuasa_nama": v.nama(data.kuasa, "--kuasa"),
        "catatan": v.teks(data.catatan, "--catatan"),
    }
    row["diisi_petugas"] = (
        "ya" if data.diisi_petugas or row["saluran"] == "telepon" else "tidak"
    )  # (SOP Pelayanan langkah 1, Ket.: review aturan L3)
    # Identity (seed SOP 1 step 1): KTP for a person, the deed for a legal entity.
    jenis_id = v.pilihan(data.jenis_identitas or "ktp", schema.JENIS_IDENTITAS, "--jenis-identitas")
    if data.nik and (data.nomor_identitas or jenis_id != "ktp"):
        raise UsageError(  # (the passport's number and kind were dropped without a word)
            "--nik adalah NIK KTP; --nomor-identitas dengan --jenis-identitas paspor|lainnya "
            "untuk identitas lain: keduanya tidak dipakai bersama",
            "isi --nik saja, atau --nomor-identitas dengan --jenis-identitas",
        )
    if data.nik:
        row["nik"] = v.nik(data.nik)
    elif data.nomor_identitas:
        if jenis_id == "ktp":
            row["nik"] = nik_of_identity(data.nomor_identitas)
        else:
            row["nik"] = v.teks(data.nomor_identitas, "--nomor-identitas")
    elif jenis != "badan-hukum":
        raise RuleError(
            "pemohon perorangan/kelompok wajib menunjukkan identitas (NIK KTP atau nomor paspor)",
            "isi --nik, atau --nomor-identitas dengan --jenis-identitas paspor|lainnya",
        )
    row["jenis_identitas"] = jenis_id if row.get("nik") else ""
    if "kuasa" in dokumen and not row["kuasa_nama"]:  # (a proxy's request names the proxy)
        raise UsageError(
            "kuasa di --dokumen tanpa --kuasa", "isi --kuasa NAMA, atau hapus kuasa di --dokumen"
        )
    v.dokumen_lengkap(
        "permohonan", dokumen, badan_hukum=jenis == "badan-hukum", kuasa=bool(row["kuasa_nama"])
    )
    row["dokumen"] = ";".join(dokumen)
    row["telepon"] = v.telepon(data.telepon) if data.telepon.strip() else ""
    row["email"] = v.email(data.email) if data.email.strip() else ""
    if not row["telepon"] and not row["email"]:
        raise RuleError("pemohon wajib mencantumkan kontak", "isi --telepon atau --email")
    kirim = data.cara_kirim or cara_kirim_bawaan(
        row["email"], row["bentuk_informasi"], row["saluran"], row["cara_memperoleh"]
    )
    row["cara_kirim"] = v.pilihan(kirim, schema.CARA_KIRIM, "--cara-kirim")
    if data.tahapan:
        row["tahapan"] = common.ongoing_stage(ws, data.tahapan, when.date(), "permohonan")
    return row


@common.dated_step
def register(
    ws: Workspace,
    data: RequestInput,
    *,
    tanggal: str | None = None,
    petugas: str = "",
    surat: bool = True,
    nomor_surat: str | None = None,
) -> Result:
    """Register a request: number, deadline, receipt letter (UU 14/2008 Pasal 22)."""
    when = v.waktu(tanggal, ws.tz, ws.now())
    row = _validate(ws, data, when)
    row.update(
        tanggal_diterima=when.date().isoformat(),
        # the time is kept only when known (now, or given as YYYY-MM-DDTHH:MM)
        waktu_diterima=when.isoformat(timespec="minutes") if v.with_time(tanggal) else "",
        status="terdaftar",
        petugas=v.teks(petugas, "--petugas"),
    )
    with ws.transaction("permohonan catat", petugas) as tx:
        due = deadlines.request(row, ws.settings, ws.calendar)  # (the calendar under the lock)
        row["jatuh_tempo"] = due.tanggal.isoformat()
        row["nomor_registrasi"] = common.next_number(ws, tx, REGISTER, when.date())
        again = _recorded_just_now(ws, row)
        stored = tx.append(REGISTER, row)
        result = Result(stored, peringatan=[*again, *due.peringatan, *_last_year(ws, stored)])
        if surat:
            result.berkas = stage_letters(
                ws, tx, [letter_for("tanda-terima", stored)], when.date(), nomor_surat, petugas
            )
    return result


def _last_year(ws: Workspace, row: dict[str, str]) -> list[str]:
    """The warning for a request received in an earlier year than today's: most often the year
    mistyped (2025 for 2026), and its number, cancelled later, is never given again — also not
    to that year's old book imported afterwards (review koreksi M3). Warned, not refused: a
    backlog is recorded in January."""
    year = row["tanggal_diterima"][:4]
    if year >= str(ws.today().year):
        return []
    n = row["nomor_registrasi"]
    return [
        f"tanggal diterima {row['tanggal_diterima']} ada di tahun {year} (hari ini "
        f"{ws.today().isoformat()}): nomor {n} diberikan dari penomoran {year} — bila tahunnya "
        "salah ketik, batalkan sekarang: hapus barisnya di register lalu ppidctl periksa "
        f"--terima-perubahan --batalkan {n} --catatan TEKS (nomor itu tidak dipakai lagi, juga "
        f"oleh impor buku {year}: impor dulu buku lama sebelum mencatat perkara tahun itu)"
    ]


def _recorded_just_now(ws: Workspace, row: dict[str, str]) -> list[str]:
    """The warning for a request that repeats one recorded a moment ago (same requester, same
    information, same day): a command run twice — a script retrying after a timeout, Enter
    pressed twice. Only the journal's last lines are looked at (registering stays fast); the
    request is still recorded, as two requests alike may be two requests."""
    from ..store import journal

    def same(r: dict[str, str]) -> tuple[str, str, str]:
        return (
            r.get("nik") or v.lipat(r.get("nama_pemohon", "")),
            v.bandingan(r.get("informasi_diminta", "")),
            r.get("tanggal_diterima", ""),
        )

    mine = same(row)
    for e in reversed(journal.recent(ws.journal_path)):
        if e.get("register") == REGISTER and e.get("aksi") == "tambah":
            if same(e.get("nilai") or {}) == mine:
                return [
                    f"permohonan ini sama dengan {e.get('nomor')} yang dicatat {e.get('waktu')} "
                    "(pemohon, informasi dan tanggal sama); bila tercatat dua kali karena perintah "
                    f"diulang, hapus baris {row['nomor_registrasi']} di register lalu jalankan "
                    "ppidctl periksa --terima-perubahan --batalkan "
                    f"{row['nomor_registrasi']} --catatan ALASAN"
                ]
    return []


@common.dated_step
def forward(ws: Workspace, nomor: str, *, tanggal: str | None = None, petugas: str = "") -> Result:
    """Desk hands the request to the PPID (seed SOP 1 step 2)."""
    when = v.waktu(tanggal, ws.tz, ws.now())
    with ws.transaction("permohonan teruskan", petugas) as tx:
        i, row = common.load_row(tx, ws, REGISTER, nomor, when)
        if row["status"] != "terdaftar":
            raise RuleError(
                f"permohonan {row['nomor_registrasi']} berstatus '{row['status']}': hanya permohonan "
                "yang baru terdaftar yang diteruskan ke PPID",
                f"lihat riwayatnya: ppidctl permohonan lihat {row['nomor_registrasi']}; "
                + common.KELIRU,
            )
        day = common.step_date(when, row["tanggal_diterima"], "diteruskan", row["nomor_registrasi"])
        tx.update(REGISTER, i, {"status": "diteruskan", "diteruskan_pada": day})
        warn = common.sop_standard(
            ws,
            row["tanggal_diterima"],
            common.iso_day(day),
            "teruskan_permohonan",
            "penerusan ke PPID",
        )
    return Result(row, peringatan=warn)


@common.dated_step
def extend(
    ws: Workspace,
    nomor: str,
    *,
    alasan: str,
    tanggal: str | None = None,
    petugas: str = "",
    surat: bool = True,
    nomor_surat: str | None = None,
) -> Result:
    """The one extension (+7, or +2 on an ongoing stage) with written reasons, Pasal 22(8)."""
    when = v.waktu(tanggal, ws.tz, ws.now())
    alasan = v.isi(alasan, "--alasan (alasan perpanjangan)")  # (printed: Pasal 22(8))
    with ws.transaction("permohonan perpanjang", petugas) as tx:
        i, row = common.load_row(tx, ws, REGISTER, nomor, when)
        n = row["nomor_registrasi"]
        if row["diperpanjang_pada"]:
            raise RuleError(
                f"permohonan {n} sudah diperpanjang pada {row['diperpanjang_pada']}: perpanjangan "
                "hanya boleh satu kali (UU 14/2008 Pasal 22(8))",
                "putuskan permohonan ini dengan: ppidctl permohonan putuskan; " + common.KELIRU,
            )
        if row["status"] not in OPEN:
            raise RuleError(
                f"permohonan {n} sudah diputuskan (status '{row['status']}'): tidak dapat diperpanjang",
                f"lihat: ppidctl permohonan lihat {n}",
            )
        day = common.step_date(
            when, row["diteruskan_pada"] or row["tanggal_diterima"], "perpanjangan", n
        )
        skipped = _not_forwarded(row, "diperpanjang")
        due = deadlines.request(row, ws.settings, ws.calendar).tanggal.isoformat()
        if day > due:
            raise RuleError(
                f"tenggat permohonan {n} sudah lewat ({due}); perpanjangan hanya sebelum tenggat "
                f"berakhir (tanggal perpanjangan {day})",
                "putuskan sekarang; keputusan akan ditandai terlambat",
            )
        changes = {
            "status": "diperpanjang",
            "diperpanjang_pada": day,
            "alasan_perpanjangan": alasan,
        }
        new = deadlines.request({**row, **changes}, ws.settings, ws.calendar)
        changes["jatuh_tempo"] = new.tanggal.isoformat()
        undone = _reasons_undone(ws, tx, row, {**row, **changes})  # (before the row changes)
        tx.update(REGISTER, i, changes)
        result = Result(row, peringatan=[*skipped, *new.peringatan, *undone])
        if surat:
            result.berkas = stage_letters(
                ws, tx, [letter_for("perpanjangan", row)], when.date(), nomor_surat, petugas
            )
    return result


@dataclass
class Decision:
    """What ``permohonan putuskan`` records: ``keputusan`` one of schema.KEPUTUSAN_PERMOHONAN;
    ``pasal`` (Pasal 17 letter, "huruf h"), ``sk_pengecualian`` and ``uji_konsekuensi`` for
    ditolak (and the blacked-out part of diberikan-sebagian, with ``penjelasan``);
    ``badan_publik`` for tidak-dikuasai; ``biaya`` in rupiah (text or int), ``rincian_biaya``
    "uraian=rupiah;…"."""

    keputusan: str
    pasal: str = ""  # Pasal 17 ground, for ditolak
    sk_pengecualian: str = ""
    uji_konsekuensi: str = ""
    penjelasan: str = ""
    badan_publik: str = ""
    biaya: str = ""
    rincian_biaya: str = ""
    waktu_penyediaan: str = ""
    cara_pembayaran: str = ""

    def __post_init__(self) -> None:
        common.as_text(self)


@common.dated_step
def decide(
    ws: Workspace,
    nomor: str,
    d: Decision,
    *,
    tanggal: str | None = None,
    petugas: str = "",
    surat: bool = True,
    nomor_surat: str | None = None,
) -> Result:
    """The PPID's decision and the written notification (Pasal 22(7)) or decision letter."""
    when = v.waktu(tanggal, ws.tz, ws.now())
    keputusan = v.pilihan(d.keputusan, schema.KEPUTUSAN_PERMOHONAN, "--keputusan")
    changes = {
        # every column of a decision is written, empty when this one does not give it: a column
        # left by an earlier decision put back by hand went onto this one's letter and the
        # register book (a rejection's Pasal 17 on a later partial grant; review koreksi H5)
        **dict.fromkeys(schema.KOLOM_KEPUTUSAN, ""),
        "keputusan": keputusan,
        "penjelasan": v.teks(d.penjelasan, "--penjelasan"),
        "uji_konsekuensi": v.teks(d.uji_konsekuensi, "--uji-konsekuensi"),
        "waktu_penyediaan": v.teks(d.waktu_penyediaan, "--waktu-penyediaan"),
    }
    # an option of another decision was dropped without a word (--pasal on diberikan)
    stray = [
        opt
        for opt, value, col in (
            ("--pasal", d.pasal, "alasan_penolakan"),
            ("--sk-pengecualian", d.sk_pengecualian, "sk_pengecualian"),
            ("--uji-konsekuensi", d.uji_konsekuensi, "uji_konsekuensi"),
            ("--badan-publik", d.badan_publik, "badan_publik_penguasa"),
            ("--waktu-penyediaan", d.waktu_penyediaan, "waktu_penyediaan"),
        )
        if (value or "").strip() and keputusan not in schema.KOLOM_KEPUTUSAN[col]
    ]
    if stray:
        raise UsageError(
            f"{', '.join(stray)} bukan untuk keputusan {keputusan} (--pasal, --sk-pengecualian "
            "dan --uji-konsekuensi untuk ditolak dan diberikan-sebagian, --badan-publik untuk "
            "tidak-dikuasai, --waktu-penyediaan untuk diberikan dan diberikan-sebagian)",
            "hapus opsinya",
        )
    if keputusan == "diberikan-sebagian":
        # the blacked-out part's exclusion, as far as the PPID gives it: the notification's
        # "Dasar pengecualian (Pasal 17)" and decree rows; its consequence test (Pasal 19) kept
        if (d.pasal or "").strip():
            changes["alasan_penolakan"] = v.pasal_17(d.pasal, "--pasal (dasar Pasal 17)")
        changes["sk_pengecualian"] = v.teks(d.sk_pengecualian, "--sk-pengecualian")
    if changes["penjelasan"]:  # (printed in the letter: a "-" explains nothing — on every
        # decision, as README says; only diberikan-sebagian's was checked: dokumentasi L1)
        changes["penjelasan"] = v.isi(changes["penjelasan"], "--penjelasan")
    if keputusan == "diberikan-sebagian" and not changes["penjelasan"]:
        raise RuleError(
            "keputusan diberikan-sebagian wajib menjelaskan bagian yang dihitamkan/dikecualikan",
            "isi --penjelasan TEKS",
        )
    if keputusan == "ditolak":
        changes["alasan_penolakan"] = v.pasal_17(d.pasal, "--pasal (dasar Pasal 17)")
        changes["sk_pengecualian"] = v.isi(
            d.sk_pengecualian, "--sk-pengecualian (keputusan tentang informasi yang dikecualikan)"
        )
        # UU 14/2008 Pasal 19: the PPID must test the consequences (uji konsekuensi) before it
        # declares information excluded, and the decision letter states that test (rules.md §5).
        # Only the PPID knows its result: a rejection without one is refused, never filled in.
        if changes["uji_konsekuensi"]:
            changes["uji_konsekuensi"] = v.isi(changes["uji_konsekuensi"], "--uji-konsekuensi")
        else:
            raise RuleError(
                "penolakan atas dasar pengecualian wajib didasarkan pada uji konsekuensi yang "
                "dilakukan PPID sebelum menyatakan informasi dikecualikan (UU 14/2008 Pasal 19)",
                "isi --uji-konsekuensi dengan ringkasan hasil uji konsekuensinya",
            )
    if keputusan == "tidak-dikuasai":
        changes["badan_publik_penguasa"] = v.teks(d.badan_publik, "--badan-publik")
    biaya = _rupiah(d.biaya or "")
    if biaya:
        if not (biaya.isascii() and biaya.isdigit()):
            raise UsageError(
                f"--biaya '{d.biaya}' harus bilangan rupiah", "tulis mis. --biaya 25000"
            )
        if keputusan not in GIVEN:
            raise UsageError("--biaya hanya untuk informasi yang diberikan", "hapus --biaya")
        from ..letters.fmt import TERBILANG_MAKS

        if int(biaya) >= TERBILANG_MAKS:  # (stored, then no letter could ever spell it out)
            raise UsageError(
                f"--biaya '{d.biaya}' terlalu besar (paling besar 999 triliun rupiah)",
                "periksa jumlah angkanya",
            )
        changes["biaya"] = str(int(biaya))
    for opt, key, value in (
        ("--rincian-biaya", "rincian_biaya", v.teks(d.rincian_biaya, "--rincian-biaya")),
        ("--cara-pembayaran", "cara_pembayaran", v.teks(d.cara_pembayaran, "--cara-pembayaran")),
    ):
        if value:
            if not int(changes.get("biaya") or 0):
                raise UsageError(
                    f"{opt} hanya untuk informasi yang dikenai biaya",
                    f"isi --biaya RUPIAH, atau hapus {opt}",
                )
            changes[key] = value
    if changes.get("rincian_biaya"):
        changes["rincian_biaya"] = _cost_lines(changes["rincian_biaya"], int(changes["biaya"]))
    with ws.transaction("permohonan putuskan", petugas) as tx:
        i, row = common.load_row(tx, ws, REGISTER, nomor, when)
        n = row["nomor_registrasi"]
        granted = _granted_objection(tx, n)
        if row["status"] not in OPEN:
            raise RuleError(
                f"permohonan {n} sudah diputuskan ({row['keputusan']}) dan berstatus "
                f"'{row['status']}': keputusan tidak dapat diubah",
                f"keberatan {granted['nomor_registrasi']} atas permohonan ini dikabulkan: catat "
                f"penyerahan informasinya dengan: ppidctl permohonan selesai {n}"
                if granted is not None and row["keputusan"] not in GIVEN
                else "bila pemohon keberatan, catat dengan: ppidctl keberatan catat; "
                + common.KELIRU,
            )
        if granted is not None and keputusan not in GIVEN:
            raise RuleError(
                f"permohonan {n} tidak dapat diputuskan '{keputusan}': keberatan "
                f"{granted['nomor_registrasi']} atas permohonan ini {common.granted_how(granted)}, "
                "sehingga informasi wajib diberikan",
                "putuskan dengan --keputusan diberikan, atau diberikan-sebagian dengan --penjelasan "
                f"bagian yang dihitamkan; lihat: ppidctl keberatan lihat {granted['nomor_registrasi']}",
            )
        last = row["diperpanjang_pada"] or row["diteruskan_pada"] or row["tanggal_diterima"]
        day = common.step_date(when, last, "keputusan", n)
        skipped = _not_forwarded(row, "diputuskan")
        due = deadlines.request(row, ws.settings, ws.calendar).tanggal.isoformat()
        changes.update(status="diputuskan", tanggal_pemberitahuan=day)
        changes["terlambat"] = deadlines.late(REGISTER, {**row, **changes}, due)
        late = changes["terlambat"] == "ya"
        if keputusan not in GIVEN:
            changes["status"] = "selesai"
        undone = _reasons_undone(ws, tx, row, {**row, **changes})  # (before the row changes)
        tx.update(REGISTER, i, changes)
        result = Result(row, peringatan=[*skipped, *undone, *_cost_unstated(changes)])
        if late:
            result.peringatan.append(
                f"TERLAMBAT: pemberitahuan tertulis {day} melewati tenggat {due} "
                f"(lewat {-deadlines.remaining(ws.calendar, common.iso_day(day), common.iso_day(due))} "
                "hari kerja)"
            )
        if surat:
            from ..letters.engine import KIND_FOR_DECISION

            kind = KIND_FOR_DECISION[keputusan]
            result.berkas = stage_letters(
                ws, tx, [letter_for(kind, row)], when.date(), nomor_surat, petugas
            )
    return result


def _cost_unstated(changes: dict[str, str]) -> list[str]:
    """A fee notified without what rules.md §5 says the notification states with it: the
    breakdown, how to pay, the time to provide (review aturan L1: the requester got a sum and
    no way to pay — what a reason f objection is about). Warned: the decision is the PPID's."""
    if not int(changes.get("biaya") or 0):
        return []
    missing = [
        said
        for key, said in (
            ("rincian_biaya", "rincian biaya (--rincian-biaya)"),
            ("cara_pembayaran", "cara pembayaran (--cara-pembayaran)"),
            ("waktu_penyediaan", "waktu penyediaan (--waktu-penyediaan)"),
        )
        if not changes.get(key)
    ]
    if not missing:
        return []
    return [
        f"pemberitahuan dengan biaya tanpa {', '.join(missing)}: pemberitahuan tertulis memuat "
        "biaya dengan rinciannya dan cara pembayarannya (UU 14/2008 Pasal 22(7) huruf g) serta "
        "waktu penyediaan — lain kali isi bersama --biaya; untuk surat ini: " + common.KELIRU
    ]


def _reasons_undone(ws: Workspace, tx, before: dict[str, str], after: dict[str, str]) -> list[str]:
    """An objection already registered on the request whose reason this step makes untrue: an
    extension or a notification dated back within the deadline of an objection that says it
    went unanswered (reason c). Warned, not refused: the date may be the truth, and the Atasan
    PPID then answers the objection on it (review aturan M1: nothing said so, periksa neither)."""
    from .keberatan import reason_conflict

    out = []
    for k in tx.table("keberatan").rows_where("nomor_permohonan", (after["nomor_registrasi"],)):
        if k["status"] not in schema.OPEN["keberatan"]:  # (answered, settled: sesi32b L2)
            continue
        try:
            filed = common.iso_day(k["tanggal_diterima"])
        except ValueError:  # (a hand edit: periksa names it)
            continue
        for code in k["alasan"].split(";"):
            now = reason_conflict(ws, code, after, filed)
            if now and not reason_conflict(ws, code, before, filed):
                out.append(
                    f"keberatan {k['nomor_registrasi']} yang diajukan {k['tanggal_diterima']} "
                    f"tidak sesuai lagi dengan langkah ini: {now} — bila tanggal langkah ini "
                    f"benar, Atasan PPID menanggapi keberatan itu menurut keadaan ini; "
                    + common.KELIRU
                )
    return out


def _not_forwarded(row: dict[str, str], step: str) -> list[str]:
    """The warning for a request extended or decided with no hand-over to the PPID recorded:
    the SOP makes that step part of the required flow, yet the desk must not be stopped."""
    if row["diteruskan_pada"] or row["diperpanjang_pada"]:
        return []
    return [
        f"permohonan {row['nomor_registrasi']} {step} tanpa tercatat diteruskan ke PPID (SOP "
        "Pelayanan Informasi Publik langkah 2); penerusan tidak dapat dicatat lagi sesudah "
        "langkah ini — lain kali catat dengan ppidctl permohonan teruskan sebelum perpanjangan "
        "atau keputusan"
    ]


def _granted_objection(tx, nomor: str) -> dict[str, str] | None:
    """The earliest objection on request ``nomor`` whose grant orders the information given
    (:func:`~.common.orders_delivery`: the Atasan PPID's, or the Komisi Informasi's ruling on
    its dispute — review sengketa), if any.

    Granting it, the Atasan PPID orders the PPID to give the information "sesuai dengan
    ketentuan peraturan perundang-undangan" (the reply letter; ``permohonan lihat`` says
    "informasi wajib diberikan"); a ruling granting the dispute does the same (UU 14/2008
    Pasal 46(1)(a)). So the PPID may then decide only ``diberikan`` or ``diberikan-sebagian``:
    a partial grant still gives it (rules.md §7 counts it as granted) and Pasal 17 still
    protects e.g. personal data inside it; a dispute over the blacked-out part is a new
    objection (reason d or e). ``ditolak``, ``tidak-dikuasai`` and ``belum-didokumentasikan``
    would each withhold what was ordered given: refused. A grant on another reason (fees,
    Pasal 9, a late delivery) orders no information given and restricts nothing.
    """
    ordering = tx.table("keberatan").rows_where("nomor_permohonan", (nomor,))
    return min(
        (k for k in ordering if common.orders_delivery(k)), key=common.order_day, default=None
    )


#: "Rp" written before an amount (Rp5.000, Rp. 5.000)
_RP = re.compile(r"^[Rr][Pp]\.?\s*")


def _rupiah(text: str) -> str:
    """An amount as typed, without its "Rp", its thousands dots and a trailing ",00" or ",-"
    (a dot groups thousands only: 25.5 is no amount and stays as typed, to be refused)."""
    amount = re.sub(r",(?:00?|-)$", "", _RP.sub("", text.strip()))  # (Rp1.500.000,00; Rp.25.000,-)
    if re.fullmatch(r"[0-9]{1,3}(?:\.[0-9]{3})+", amount):
        amount = amount.replace(".", "")
    return amount


def _cost_lines(rincian: str, biaya: int) -> str:
    """``--rincian-biaya`` as the notification itemises it ("uraian=jumlah;…", adding up to
    ``--biaya``), amounts without their thousands dots; a mistake is told as the option typed,
    not later as a fault of the letter's template."""
    from ..letters.fmt import rupiah

    total, lines = 0, []
    for part in (p for p in rincian.split(";") if p.strip()):
        uraian, _, jumlah = part.rpartition("=")
        jumlah = _rupiah(jumlah)
        if not uraian.strip() or not (jumlah.isascii() and jumlah.isdigit()):
            raise UsageError(
                f"--rincian-biaya: '{part.strip()}' bukan uraian=jumlah",
                "tulis tiap rincian sebagai uraian=rupiah, dipisah titik koma, mis. "
                "--rincian-biaya 'Penggandaan 30 lbr x Rp500=15000;Pengiriman=10000'",
            )
        total += int(jumlah)
        lines.append(f"{uraian.strip()}={int(jumlah)}")
    if total != biaya:
        raise RuleError(
            f"--rincian-biaya berjumlah {rupiah(total)}, tidak sama dengan --biaya {rupiah(biaya)}",
            "samakan jumlah rinciannya dengan --biaya",
        )
    return ";".join(lines)


@common.dated_step
def deliver(
    ws: Workspace,
    nomor: str,
    *,
    tanggal: str | None = None,
    petugas: str = "",
    surat: bool = True,
    nomor_surat: str | None = None,
    dibayar: str | date | None = None,
    siap: str | date | None = None,
) -> Result:
    """The information was delivered: the request is closed (seed SOP 1 step 6), with the
    handover receipt the requester signs (step 5, "tanda terima data"). Also for a request
    closed by a refusal (ditolak, tidak dikuasai, belum didokumentasikan) whose objection the
    Atasan PPID granted: the information given on that order. ``dibayar``/``siap``: when the
    fee was paid and when the information was ready to collect — the requester's waiting the
    reports leave out of the service time (rules.md §7)."""
    when = v.waktu(tanggal, ws.tz, ws.now())
    waited = {
        key: v.tanggal(value, opt).isoformat()
        for key, opt, value in (
            ("dibayar_pada", "--dibayar", dibayar),
            ("siap_pada", "--siap", siap),
        )
        if value is not None
    }
    with ws.transaction("permohonan selesai", petugas) as tx:
        result, dasar = _deliver(ws, tx, nomor, when, waited)
        if surat:
            receipt = Letter(
                "tanda-terima-informasi",
                result.row,
                tanggal=when.date(),
                dasar=dasar,
                penyerah=petugas,
            )
            result.berkas = stage_letters(ws, tx, [receipt], when.date(), nomor_surat, petugas)
    return result


def _deliver(
    ws: Workspace, tx, nomor: str, when: datetime, waited: dict[str, str] | None = None
) -> tuple[Result, tuple[dict[str, str], ...]]:
    """The delivery recorded in ``tx``: the request as it now stands, and the granted
    objections whose order this delivery carried out (its receipt's "Dasar penyerahan")."""
    waited = waited or {}
    i, row = common.load_row(tx, ws, REGISTER, nomor, when)
    n = row["nomor_registrasi"]
    objections = tx.table("keberatan").rows_where("nomor_permohonan", (n,))

    def dasar(changes: dict[str, str], day: str) -> tuple[dict[str, str], ...]:
        return tuple(common.deliveries({**row, **changes}, objections).get(day, []))

    if row["status"] == "selesai":
        granted = common.order_to_carry_out(row, objections)
        if granted is None:
            raise RuleError(
                f"permohonan {n} sudah selesai pada "
                f"{row['tanggal_selesai'] or row['tanggal_pemberitahuan']}",
                "tidak ada yang perlu dicatat lagi (tidak ada keberatan yang dikabulkan Atasan "
                "PPID atau Komisi Informasi sesudahnya yang penyerahannya belum dicatat); "
                + common.KELIRU,
            )
        if waited:  # (the service time measured is the first delivery's, on the decision)
            raise UsageError(
                "--dibayar dan --siap hanya untuk penyerahan atas keputusan PPID",
                "hapus --dibayar/--siap",
            )
        # closed (refused, not held, not documented; or given, then an objection to what was
        # given granted): the Atasan PPID ordered the information given. The decision and a
        # first delivery stay as they were (the register's history, Pasal 22(7)); this
        # delivery is recorded, with why, in Keterangan
        tanggapan = common.order_day(granted) or row["tanggal_pemberitahuan"]
        day = common.step_date(when, tanggapan, "penyerahan", n)
        why = f"informasi diserahkan {day} {common.atas_perintah(granted)}"
        changes = {"catatan": f"{row['catatan']}; {why}" if row["catatan"] else why}
        if not row["tanggal_selesai"]:
            changes["tanggal_selesai"] = day
        tx.update(REGISTER, i, changes)
        return Result(row, keterangan=why), dasar(changes, day)
    if row["status"] != "diputuskan":
        raise RuleError(
            f"permohonan {n} belum diputuskan (status '{row['status']}'): informasi diserahkan "
            "setelah pemberitahuan tertulis",
            f"putuskan dahulu: ppidctl permohonan putuskan {n} --keputusan ...",
        )
    day = common.step_date(when, row["tanggal_pemberitahuan"], "penyerahan", n)
    _check_waited(row, waited, day)
    changes = {"status": "selesai", "tanggal_selesai": day, **waited}
    tx.update(REGISTER, i, changes)
    return Result(row), dasar(changes, day)


def _check_waited(row: dict[str, str], waited: dict[str, str], day: str) -> None:
    """--dibayar/--siap lie between the notification and the handover; a fee paid needs a
    fee."""
    said = row["tanggal_pemberitahuan"]
    for key, opt in (("dibayar_pada", "--dibayar"), ("siap_pada", "--siap")):
        when = waited.get(key)
        if when and not (said[:10] <= when <= day[:10]):
            raise RuleError(
                f"{opt} {when} tidak di antara pemberitahuan tertulis ({said}) dan penyerahan "
                f"({day})",
                f"beri {opt} pada atau sesudah {said}, sampai hari penyerahan",
            )
    if "dibayar_pada" in waited and not int(row["biaya"] or 0):
        raise RuleError(
            "--dibayar hanya untuk informasi yang dikenai biaya",
            f"permohonan {row['nomor_registrasi']} tidak dikenai biaya: hapus --dibayar",
        )


def cara_kirim_bawaan(email: str, bentuk: str, saluran: str, cara_memperoleh: str) -> str:
    """How a copy goes when the desk did not say: by e-mail for a softcopy to an e-mail address,
    by post for a request that came by letter (not collected in person), else collected; a
    request to view the information has no copy to send (collected: seen at the desk)."""
    if cara_memperoleh == "melihat":
        return "langsung"
    if email and bentuk == "softcopy":
        return "email"
    return "pos" if saluran == "surat" else "langsung"


def nik_of_identity(nomor_identitas: str) -> str:
    """--nomor-identitas with the default --jenis-identitas ktp: read as a NIK, refused saying
    how to record a passport or another identity instead."""
    try:
        return v.nik(nomor_identitas)
    except RuleError as e:
        raise RuleError(
            f"--nomor-identitas dibaca sebagai NIK KTP (--jenis-identitas ktp, bawaan): {e.pesan}",
            "untuk paspor atau identitas lain tambahkan --jenis-identitas paspor|lainnya; "
            "untuk KTP salin ulang NIK-nya",
        ) from None
