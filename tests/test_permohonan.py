"""The request register end to end: every command, every refusal (workspace byte-identical).

Deadlines are hand-counted on the decreed 2026 list (../shared/data/libur-skb-2025-2026.csv):
received Mon 2026-03-16 → 10 working days skips 18 (cuti Nyepi), 19 (Nyepi), 20 (cuti Idul Fitri),
21-22 (Idul Fitri, weekend), 23-24 (cuti Idul Fitri), 3 Apr (Wafat Yesus Kristus) → 2026-04-07;
+7 → 8, 9, 10, 13, 14, 15, 16 → 2026-04-16.
"""

from __future__ import annotations

import json
import re

import pytest

from conftest import REQUEST, UJI, numbered_receipts, snapshot

N1 = "001/PPID/5271/III/2026"


def _csv_rows(path):
    import csv

    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def catat(run, *extra, day="2026-03-16"):
    return run.ok("permohonan", "catat", *REQUEST, "--tanggal", day, "--tanpa-surat", *extra)


def row(run, nomor=N1):
    return json.loads(run.ok("permohonan", "lihat", nomor, "--format", "json").stdout)["data"]


def test_identity_other_than_a_ktp(run):
    without_nik = [a for a in REQUEST if a not in ("--nik", "5271011203900001")]
    base = ("permohonan", "catat", *without_nik, "--tanggal", "2026-03-16", "--tanpa-surat")
    run.ok(*base, "--nomor-identitas", "A1234567", "--jenis-identitas", "paspor")
    assert (row(run)["nik"], row(run)["jenis_identitas"]) == ("A1234567", "paspor")
    # both: the passport's number and kind were dropped, the KTP kept, without a word
    run.usage(*base, "--nik", "5271011203900001", "--nomor-identitas", "A1234567",
              "--jenis-identitas", "paspor", message="keduanya tidak dipakai bersama")  # fmt: skip
    # a passport number without its kind is read as a NIK: the message says so
    res = run.refused(*base, "--nomor-identitas", "A1234567",
                      message="--nomor-identitas dibaca sebagai NIK KTP (--jenis-identitas ktp")  # fmt: skip
    assert "tambahkan --jenis-identitas paspor|lainnya" in res.stderr


def test_a_partial_grant_records_the_basis_of_what_is_blacked_out(run):
    # the notification has a "Dasar pengecualian (Pasal 17)" row: --pasal was dropped, then refused
    catat(run)
    run.ok("permohonan", "putuskan", N1, "--keputusan", "diberikan-sebagian", "--penjelasan",
           "NIK dihitamkan", "--pasal", "Pasal 17 huruf h", "--tanggal", "2026-03-17",
           "--tanpa-surat")  # fmt: skip
    assert row(run)["alasan_penolakan"] == "Pasal 17 huruf h"
    # lihat names it as the basis of the part excluded, not a refusal's reason
    out = run.ok("permohonan", "lihat", N1).stdout
    assert re.search(r"Dasar Pengecualian \(Pasal 17\)\s+Pasal 17 huruf h", out)
    assert "Alasan Penolakan" not in out


def test_a_womans_nik_carries_her_birth_day_plus_40(run):
    """A NIK's birth-day field is the day of birth, plus 40 for a woman (rules.md §8): 41-71
    are days 1-31 of a woman's birth month and register her; 40, 72 and 00 are no day."""
    for n, nik in enumerate(("5271014101900001", "5271017101900001"), 1):  # 1 and 31 Jan 1990
        catat(run, "--nik", nik)
        assert row(run, f"00{n}/PPID/5271/III/2026")["nik"] == nik
    for nik in ("5271014001900001", "5271017201900001", "5271010001900001"):
        run.refused(
            "permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", "--tanpa-surat",
            "--nik", nik, message=f"NIK '{nik}': bagian tanggal lahir {nik[6:12]} tidak sah",
        )  # fmt: skip


def test_pasal_17_has_letters_a_to_j_only(run):
    """A rejection's exclusion ground is a letter of UU 14/2008 Pasal 17, which runs from a to j
    (rules.md §2 a): "huruf j" is a ground, "huruf k", the first letter past it, is none."""
    catat(run)
    base = ("permohonan", "putuskan", N1, "--keputusan", "ditolak", "--sk-pengecualian",
            "Keputusan KPU Kota Mataram Nomor 5 Tahun 2026", "--uji-konsekuensi", UJI,
            "--tanggal", "2026-03-17", "--tanpa-surat")  # fmt: skip
    run.refused(*base, "--pasal", "Pasal 17 huruf k",
                message="--pasal (dasar Pasal 17): Pasal 17 UU 14/2008 tidak punya huruf k "
                "(hanya a sampai j)")  # fmt: skip
    run.ok(*base, "--pasal", "Pasal 17 huruf j")
    assert (row(run)["keputusan"], row(run)["alasan_penolakan"]) == ("ditolak", "Pasal 17 huruf j")


def test_a_partial_grant_waits_for_its_delivery_like_a_full_one(run):
    """Information given in part is given (UU 14/2008 Pasal 22(7) b; rules.md §7 "granted
    (fully/partly)"): the request stays open for the handing over, may carry a fee, and
    selesai records the delivery; only a refusal closes a request at its decision."""
    catat(run)
    run.ok("permohonan", "putuskan", N1, "--keputusan", "diberikan-sebagian", "--penjelasan",
           "NIK dihitamkan", "--biaya", "25000", "--tanggal", "2026-03-17", "--tanpa-surat")  # fmt: skip
    assert (row(run)["status"], row(run)["biaya"]) == ("diputuskan", "25000")
    run.ok("permohonan", "selesai", N1, "--tanggal", "2026-03-25")
    assert (row(run)["status"], row(run)["tanggal_selesai"]) == ("selesai", "2026-03-25")


def test_a_decision_writes_every_column_of_a_decision(run, ws, monkeypatch):
    """A rejection put back by hand but for its Pasal 17 and decree (each cell valid, the edit
    accepted): the next decision, a partial grant without --pasal, carried that Pasal onto its
    letter and the register book. Such an edit is refused now; one accepted before still meets
    a decision that writes every column of a decision, empty when it does not give it (review
    koreksi H5)."""
    from ppidctl.integrity import repair

    catat(run)
    run.ok("permohonan", "putuskan", N1, "--keputusan", "ditolak", "--pasal",
           "Pasal 17 huruf h angka 2", "--sk-pengecualian", "SK 12/2026", "--uji-konsekuensi",
           "data pribadi", "--tanggal", "2026-03-17", "--tanpa-surat")  # fmt: skip
    table = ws.read("permohonan")
    table.update(0, dict(status="terdaftar", keputusan="", tanggal_pemberitahuan="", terlambat=""))
    ws.register_path("permohonan").write_bytes(table.to_bytes())
    run.refused("periksa", "--terima-perubahan", "--catatan", "keputusan keliru",
                message=f"{N1}: alasan_penolakan terisi padahal belum diputuskan")  # fmt: skip
    monkeypatch.setattr(repair, "_refuse_broken_steps", lambda _a: None)  # (an older version)
    run.ok("periksa", "--terima-perubahan", "--catatan", "keputusan keliru, dibatalkan")
    assert row(run)["alasan_penolakan"] == "Pasal 17 huruf h angka 2"  # (left by the hand edit)
    run.ok("permohonan", "putuskan", N1, "--keputusan", "diberikan-sebagian", "--penjelasan",
           "NIK dihitamkan", "--biaya", "25000", "--tanggal", "2026-03-18", "--tanpa-surat")  # fmt: skip
    decided = row(run)
    assert (decided["keputusan"], decided["biaya"]) == ("diberikan-sebagian", "25000")
    assert decided["alasan_penolakan"] == decided["sk_pengecualian"] == ""
    assert decided["uji_konsekuensi"] == ""


def test_a_step_recorded_already_names_the_way_to_correct_it(run):
    """Repeating a step is what an officer tries first when it was recorded wrongly; its
    refusals pointed elsewhere ("bila pemohon keberatan, catat dengan: ppidctl keberatan catat")
    — each now also names the correction (review koreksi M1)."""
    catat(run)
    run.ok("permohonan", "putuskan", N1, "--keputusan", "ditolak", "--pasal",
           "Pasal 17 huruf h angka 2", "--sk-pengecualian", "SK 12/2026", "--uji-konsekuensi",
           "data pribadi", "--tanggal", "2026-03-17", "--tanpa-surat")  # fmt: skip
    fix = ("bila langkah yang sudah tercatat itu keliru: sunting registernya lalu ppidctl periksa "
           "--terima-perubahan --catatan TEKS (README: Memperbaiki kesalahan pencatatan)")  # fmt: skip
    for step in (("putuskan", N1, "--keputusan", "diberikan"), ("teruskan", N1),
                 ("selesai", N1)):  # fmt: skip
        run.refused("permohonan", *step, "--tanggal", "2026-03-18", message=fix)


def test_a_decided_request_is_not_extended(run):
    """The one extension of UU 14/2008 Pasal 22(8) postpones the written notification: a
    request still undecided is extended, one already decided (given, awaiting delivery) is not."""
    catat(run)
    catat(run)
    run.ok("permohonan", "putuskan", N1, "--keputusan", "diberikan", "--tanggal", "2026-03-17",
           "--tanpa-surat")  # fmt: skip
    extend = ("--alasan", "Dihimpun dari PPK", "--tanggal", "2026-03-25", "--tanpa-surat")
    run.refused("permohonan", "perpanjang", N1, *extend,
                message=f"permohonan {N1} sudah diputuskan (status 'diputuskan'): tidak dapat "
                "diperpanjang")  # fmt: skip
    run.ok("permohonan", "perpanjang", "002/PPID/5271/III/2026", *extend)
    assert row(run, "002/PPID/5271/III/2026")["diperpanjang_pada"][:10] == "2026-03-25"
    assert row(run)["diperpanjang_pada"] == ""


def test_a_person_or_group_must_show_an_identity_number(run):
    """A person or group shows an identity card (rules.md §3, seed SOP 1 step 1): with no NIK
    or passport number the request is refused; a legal entity is known by its deed instead."""
    without_nik = [a for a in REQUEST if a not in ("--nik", "5271011203900001")]
    base = ("permohonan", "catat", *without_nik, "--tanggal", "2026-03-16", "--tanpa-surat")
    for jenis in ("perorangan", "kelompok"):
        run.refused(*base, "--jenis-pemohon", jenis,
                    message="pemohon perorangan/kelompok wajib menunjukkan identitas (NIK KTP "
                    "atau nomor paspor)")  # fmt: skip
    run.ok(*base, "--jenis-pemohon", "badan-hukum", "--dokumen", "akta")
    assert (row(run)["jenis_pemohon"], row(run)["nik"]) == ("badan-hukum", "")


def test_a_fee_s_items_are_checked_as_typed_and_stored_as_the_letter_reads_them(run):
    catat(run)
    # (as a cost decree writes it: "Rp.25.000,-", "Rp25.000,00")
    base = ("permohonan", "putuskan", N1, "--keputusan", "diberikan", "--biaya", "Rp.25.000,-",
            "--tanggal", "2026-03-17", "--tanpa-surat")  # fmt: skip
    run.refused(*base, "--rincian-biaya", "Fotokopi=20.000;Kirim=10000",
                message="--rincian-biaya berjumlah Rp30.000, tidak sama dengan --biaya Rp25.000")  # fmt: skip
    run.ok(*base, "--rincian-biaya", "Fotokopi 30 lbr x Rp500=15.000,00; Kirim=Rp10.000")
    assert (row(run)["biaya"], row(run)["rincian_biaya"]) == ("25000", "Fotokopi 30 lbr x Rp500=15000;Kirim=10000")  # fmt: skip


def test_a_steps_time_of_day_is_kept_with_it(run):
    """`--tanggal YYYY-MM-DDTHH:MM` on a later step: the register keeps the day, and the time
    typed was dropped without a word (review bukti L1). The journal keeps it with the step,
    and `lihat` shows it; a step dated by day alone has none."""
    catat(run, day="2026-03-16")
    run.ok("permohonan", "teruskan", N1, "--tanggal", "2026-03-17T09:30")
    lines = run.ok("permohonan", "lihat", N1).stdout.split("Riwayat:")[1].splitlines()
    assert any(
        re.match(r"  2026-03-17 09:30 WITA  \(dicatat .*\)  permohonan teruskan", x) for x in lines
    )
    entries = [
        json.loads(x) for x in (run.root / "registers/jurnal.jsonl").read_text().splitlines()
    ]
    steps = {e["perintah"]: e.get("waktu_langkah") for e in entries if "perintah" in e}
    assert steps["permohonan teruskan"] == "2026-03-17T09:30+08:00"
    assert steps["permohonan catat"] is None  # (by day alone)
    # recorded without --petugas: the computer account, said to be one (review bukti N1)
    assert re.search(r"permohonan teruskan  \(akun [^)]+\)$", "\n".join(lines), re.M)


def test_times_are_shown_with_their_zone_named():
    # `lihat` showed "dicatat 2026-11-25 04:09" beside e-mail and server times in other zones
    # (review bukti L2): named as Indonesians name them (Keppres 41/1987), others by offset
    from datetime import timedelta

    from ppidctl.config import zone_name

    named = [zone_name(timedelta(hours=h)) for h in (7, 8, 9, 5.5, 0, -3)]
    assert named == ["WIB", "WITA", "WIT", "UTC+05:30", "UTC+00:00", "UTC-03:00"]


def test_the_history_dates_each_step_on_its_own_day(run):
    # steps recorded later with --tanggal read as if all happened the day they were typed in
    catat(run, day="2026-03-16")
    run.ok("permohonan", "teruskan", N1, "--tanggal", "2026-03-17")
    lines = run.ok("permohonan", "lihat", N1).stdout.split("Riwayat:")[1].splitlines()
    assert re.match(
        r"  2026-03-16  \(dicatat \d{4}-\d\d-\d\d \d\d:\d\d WITA\)  permohonan catat", lines[1]
    )
    assert any(re.match(r"  2026-03-17  \(dicatat .*\)  permohonan teruskan", x) for x in lines)
    # an accepted edit of a date is dated when it was accepted, not with the date it wrote
    path = run.root / "registers" / "permohonan.csv"
    path.write_bytes(path.read_bytes().replace(b",2026-03-16,", b",2026-03-13,", 1))
    run("periksa", "--terima-perubahan", "--catatan", "tanggal diterima dari formulir")
    lines = run.ok("permohonan", "lihat", N1).stdout.split("Riwayat:")[1].splitlines()
    assert any(
        re.match(r"  \d{4}-\d\d-\d\d \d\d:\d\d WITA  periksa --terima-perubahan", x) for x in lines
    )


def test_a_mobile_number_without_its_0_is_refused_as_typed(run):
    # stored as 81234567890, periksa then read it as a number Excel had damaged
    args = [a if a != "081234567890" else "812-3456-7890" for a in REQUEST]
    run.refused("permohonan", "catat", *args, "--tanggal", "2026-03-16", "--tanpa-surat",
                message="nomor telepon '812-3456-7890' tanpa 0 di depan")  # fmt: skip
    # a landline or +62 without its 0 or + (a re-save in LibreOffice makes them): the same —
    # they were stored, and periksa then accepted the damaged register whole
    for typed in ("370631111", "6281234567890"):
        args = [a if a != "081234567890" else typed for a in REQUEST]
        run.refused("permohonan", "catat", *args, "--tanggal", "2026-03-16", "--tanpa-surat",
                    message=f"nomor telepon '{typed}' tanpa 0 di depan")  # fmt: skip
    args = [a if a != "081234567890" else "+1 801 555 1234" for a in REQUEST]
    run.ok("permohonan", "catat", *args, "--tanggal", "2026-03-16", "--tanpa-surat")
    assert run.ok("periksa").stdout == ""


def test_the_trunk_zero_in_brackets_after_a_country_code_is_not_kept(run):
    # "+62 (0)812…" was stored as +620812…, a number that reaches nobody
    args = [a if a != "081234567890" else "+62 (0)812-3456-7890" for a in REQUEST]
    run.ok("permohonan", "catat", *args, "--tanggal", "2026-03-16", "--tanpa-surat")
    shown = json.loads(run.ok("permohonan", "lihat", "1", "--format", "json").stdout)
    assert shown["data"]["telepon"] == "+6281234567890"
    args = [a if a != "081234567890" else "(+62) (0)812 3456 7890" for a in REQUEST]
    run.ok("permohonan", "catat", *args, "--tanggal", "2026-03-16", "--tanpa-surat")
    shown = json.loads(run.ok("permohonan", "lihat", "2", "--format", "json").stdout)
    assert shown["data"]["telepon"] == "+6281234567890"


def test_catat_gives_number_and_deadline(run):
    out = catat(run).stdout
    assert "Nomor registrasi : 001/PPID/5271/III/2026" in out
    assert "Jatuh tempo      : 2026-04-07 (10 hari kerja)" in out
    data = json.loads(catat(run, "--format", "json").stdout)
    assert data["nomor_registrasi"] == "002/PPID/5271/III/2026"
    assert data["jatuh_tempo"] == "2026-04-07" and data["status"] == "terdaftar"
    assert data["nik"] == "5271011203900001" and data["dokumen"] == "identitas"


def test_the_time_of_receipt_is_kept_when_given_in_either_form(run):
    # README: --tanggal YYYY-MM-DD[THH:MM]; typed with a space it is the same moment, in WITA
    for when in ("2026-03-16T14:30", "2026-03-16 14:30"):
        catat(run, day=when)
    catat(run, day="2026-03-16T06:30Z")  # an explicit UTC time: 14:30 in Mataram
    catat(run)  # a date alone: the time of day is not known, none stored
    times = [r["waktu_diterima"] for r in _csv_rows(run.root / "registers" / "permohonan.csv")]
    assert times == ["2026-03-16T14:30+08:00"] * 3 + [""]


def test_a_time_later_today_is_the_future_too(run, today):
    today("2026-03-16")  # 10:00 WITA
    run.refused(
        "permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16T23:59", "--tanpa-surat",
        message="--tanggal 2026-03-16T23:59+08:00 ada di masa depan (sekarang "
        "2026-03-16T10:00+08:00) — catat langkah setelah terjadi",
    )  # fmt: skip
    # a time with another offset is the office's own next day: both are named
    run.refused(
        "permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16T23:30+07:00", "--tanpa-surat",
        message="--tanggal 2026-03-16T23:30+07:00 = 2026-03-17 00:30 waktu kantor ada di masa "
        "depan (hari ini 2026-03-16)",
    )  # fmt: skip
    catat(run, day="2026-03-16T09:45")
    # who did it goes into the journal: checked like any typed text, in every command
    run.refused(
        "permohonan", "teruskan", "1", "--petugas", "Rina\x1b[31m",
        message="--petugas memuat karakter kendali",
    )  # fmt: skip


def test_full_procedure_with_extension_and_delivery(run, today):
    catat(run)
    run.ok("permohonan", "teruskan", "1", "--tanggal", "2026-03-17")
    out = run.ok(
        "permohonan",
        "perpanjang",
        "1",
        "--alasan",
        "Dokumen di arsip gudang",
        "--tanggal",
        "2026-04-06",
        "--tanpa-surat",
    ).stdout
    assert "Jatuh tempo baru : 2026-04-16" in out
    run.ok(
        "permohonan",
        "putuskan",
        "1",
        "--keputusan",
        "diberikan",
        "--biaya",
        "25.000",
        "--cara-pembayaran",
        "Transfer ke rekening Bank NTB Syariah",
        "--tanggal",
        "2026-04-15",
        "--tanpa-surat",
    )
    r = row(run)
    assert (r["status"], r["keputusan"], r["terlambat"], r["biaya"], r["cara_pembayaran"]) == (
        "diputuskan",
        "diberikan",
        "tidak",
        "25000",
        "Transfer ke rekening Bank NTB Syariah",
    )
    run.ok("permohonan", "selesai", "1", "--tanggal", "2026-04-17")
    r = row(run)
    assert r["status"] == "selesai" and r["tanggal_selesai"] == "2026-04-17"
    today("2026-04-20")
    history = run.ok("permohonan", "lihat", "1").stdout
    for step in (
        "permohonan catat",
        "permohonan teruskan",
        "permohonan perpanjang",
        "permohonan putuskan",
        "permohonan selesai",
    ):
        assert step in history
    assert "Status: diperpanjang → diputuskan" in history  # (headers, not column keys)
    assert "Diteruskan ke PPID: - → 2026-03-17" in history


def test_late_decision_is_allowed_but_marked(run, today):
    catat(run)
    today("2026-04-10")
    due = json.loads(run.ok("jatuh-tempo", "--format", "json").stdout)
    assert due[0]["sisa_hari_kerja"] == -3 and due[0]["terlambat"] == "ya"  # 8, 9, 10 April
    result = run.ok(
        "permohonan",
        "putuskan",
        "1",
        "--keputusan",
        "tidak-dikuasai",
        "--badan-publik",
        "Dinas Dukcapil Kota Mataram",
        "--tanggal",
        "2026-04-10",
        "--tanpa-surat",
    )
    assert (
        "TERLAMBAT: pemberitahuan tertulis 2026-04-10 melewati tenggat 2026-04-07" in result.stderr
    )
    assert "(TERLAMBAT)" in result.stdout
    r = row(run)
    assert r["terlambat"] == "ya" and r["status"] == "selesai"
    listed = json.loads(run.ok("permohonan", "daftar", "--terlambat", "--format", "json").stdout)
    assert [x["nomor_registrasi"] for x in listed] == [N1]


def test_ongoing_stage_gives_three_days_and_two_more(run):
    run.ok(
        "tahapan",
        "tambah",
        "Pencalonan Pilkada",
        "--mulai",
        "2026-03-01",
        "--selesai",
        "2026-05-31",
    )
    out = catat(run, "--tahapan", "pencalonan pilkada").stdout
    # 17 (1), 18-24 off, 25 (2), 26 (3)
    assert "Jatuh tempo      : 2026-03-26 (3 hari kerja)" in out
    out = run.ok(
        "permohonan",
        "perpanjang",
        "1",
        "--alasan",
        "Koordinasi",
        "--tanggal",
        "2026-03-26",
        "--tanpa-surat",
    ).stdout
    assert "Jatuh tempo baru : 2026-03-30" in out  # 27 (1), 30 (2)
    listed = run.ok("tahapan", "daftar", "--tanggal", "2026-03-16").stdout
    assert "Pencalonan Pilkada" in listed and "ya" in listed


def test_legal_entity_and_proxy(run):
    run.ok(
        "permohonan",
        "catat",
        "--nama",
        "PT Maju & Jaya",
        "--jenis-pemohon",
        "badan-hukum",
        "--alamat",
        "Jl. Udayana 5",
        "--email",
        "info@majujaya.co.id",
        "--informasi",
        "SK KPU",
        "--tujuan",
        "Arsip",
        "--dokumen",
        "akta,kuasa",
        "--kuasa",
        "Sri Wahyuni",
        "--tanggal",
        "2026-03-16",
        "--tanpa-surat",
    )
    r = row(run)
    assert r["nama_pemohon"] == "PT Maju & Jaya" and r["kuasa_nama"] == "Sri Wahyuni"
    assert r["cara_kirim"] == "email" and r["nik"] == ""


def test_a_request_received_in_an_earlier_year_is_warned(run):
    """--tanggal 2025-… typed in 2026 (the year mistyped) was recorded without a word; cancelled
    later, its number is never given again, also not to the 2025 book imported afterwards
    (review koreksi M3). Warned, with the way to cancel it now; this year's dates are not."""
    said = catat(run, day="2025-12-31").stderr
    assert (
        "Peringatan: tanggal diterima 2025-12-31 ada di tahun 2025 (hari ini 2026-11-22): nomor "
        "001/PPID/5271/XII/2025 diberikan dari penomoran 2025 — bila tahunnya salah ketik, "
        "batalkan sekarang: hapus barisnya di register lalu ppidctl periksa --terima-perubahan "
        "--batalkan 001/PPID/5271/XII/2025 --catatan TEKS"
    ) in " ".join(said.split())
    assert "ada di tahun" not in catat(run, day="2026-01-02").stderr


def test_numbering_across_a_year_change_and_legacy_numbers(run, ws):
    catat(run, day="2025-12-31")
    catat(run, day="2026-01-02")
    catat(run, day="2025-12-31")
    nums = [
        r["nomor_registrasi"]
        for r in json.loads(run.ok("permohonan", "daftar", "--format", "json").stdout)
    ]
    assert nums == ["001/PPID/5271/XII/2025", "001/PPID/5271/I/2026", "002/PPID/5271/XII/2025"]
    # a legacy row typed by hand with a higher number is respected, never reused
    path = ws.register_path("permohonan")
    text = path.read_text(encoding="utf-8")
    legacy = text.splitlines()[2].replace("001/PPID/5271/I/2026", "17/PPID/5271/I/2026")
    path.write_text(text + legacy.replace("Budi", "Ani") + "\r\n", encoding="utf-8")
    # (a row typed outside ppidctl is recorded first: see test_no_number_given_twice_after_…)
    run("periksa", "--terima-perubahan", "--catatan", "register lama diketik ulang")  # (exit 1:
    # 002–016 are not in the register, which periksa goes on reporting)
    data = json.loads(catat(run, "--format", "json", day="2026-01-05").stdout)
    assert data["nomor_registrasi"] == "018/PPID/5271/I/2026"


def test_no_number_given_twice_after_the_register_changed_outside_ppidctl(run, ws):
    """A row deleted by hand, the file removed, or the storage format switched: the next number
    would be one already given. Adding rows is refused (nothing written) until the register is
    rebuilt from the journal or the edit is accepted; changing rows goes on (periksa reports)."""
    for day in ("2026-03-16", "2026-03-16", "2026-03-17"):
        catat(run, day=day)
    run.ok("permohonan", "teruskan", "1", "--tanggal", "2026-03-17")
    path = ws.register_path("permohonan")
    lines = path.read_bytes().split(b"\r\n")
    path.write_bytes(b"\r\n".join(lines[:3] + lines[4:]))  # 003 deleted
    run.refused("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-18", "--tanpa-surat",
                message="registers/permohonan.csv berbeda dari keadaan terakhirnya di jurnal")  # fmt: skip
    run.ok("permohonan", "teruskan", "2", "--tanggal", "2026-03-17")  # a change: goes on
    # ... and wrote the file with the deletion in it: its hash is the journal's again, yet the
    # edit was never accepted (the next catat gave 003 again)
    run.refused("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-18", "--tanpa-surat",
                message="registers/permohonan.csv ditulis ulang oleh perintah sebelumnya bersama "
                "suntingan di luar ppidctl yang belum diterima")  # fmt: skip
    # (still refused after another step)
    decision = ["--keputusan", "diberikan", "--tanggal", "2026-03-17", "--tanpa-surat"]
    run.ok("permohonan", "putuskan", "1", *decision)
    run.refused("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-18", "--tanpa-surat",
                message="suntingan di luar ppidctl yang belum diterima")  # fmt: skip
    run.ok("pulihkan", "--register", "permohonan")
    data = json.loads(catat(run, "--format", "json", day="2026-03-18").stdout)
    assert data["nomor_registrasi"] == "004/PPID/5271/III/2026"
    # the file removed: refused too, and the message says so
    path.unlink()
    res = run.refused("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-18", "--tanpa-surat",
                      message="registers/permohonan.csv tidak ada")  # fmt: skip
    assert "ppidctl pulihkan --register permohonan" in res.stderr
    run.ok("pulihkan", "--register", "permohonan")
    # the storage format switched to xlsx: the (new, empty) xlsx register is not the journal's
    conf = ws.root / "ppidctl.toml"
    conf.write_text(conf.read_text(encoding="utf-8").replace('format = "csv"', 'format = "xlsx"'),
                    encoding="utf-8")  # fmt: skip
    run.refused("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-18", "--tanpa-surat",
                message='tersimpan sebagai permohonan.csv, tetapi [penyimpanan] format = "xlsx" '
                "mencari permohonan.xlsx (tidak ada)")  # fmt: skip
    res = run.ok("pulihkan", "--register", "permohonan")  # the register rebuilt, now as xlsx
    # the CSV file is kept aside, out of the way of every later command (it went on being read
    # as the register when the format was switched back)
    (aside,) = ws.root.joinpath("registers").glob("permohonan.format-lama-*.csv")
    assert f"registers/permohonan.csv: register format lama disimpan di registers/{aside.name}" in (
        res.stdout
    )
    assert not (ws.root / "registers" / "permohonan.csv").exists()
    data = json.loads(catat(run, "--format", "json", day="2026-03-18").stdout)
    assert data["nomor_registrasi"] == "005/PPID/5271/III/2026"


def test_a_row_deleted_by_hand_and_built_on_keeps_its_number_once_accepted(run, ws):
    """The deletion carried into the register by a later step, then accepted with periksa: the
    deleted number is retired, not given again."""
    for day in ("2026-03-16", "2026-03-16", "2026-03-17"):
        catat(run, day=day)
    run.ok("permohonan", "teruskan", "1", "--tanggal", "2026-03-17")
    path = ws.register_path("permohonan")
    lines = path.read_bytes().split(b"\r\n")
    path.write_bytes(b"\r\n".join(lines[:3] + lines[4:]))  # 003 deleted
    run.ok("permohonan", "teruskan", "2", "--tanggal", "2026-03-17")
    run.refused("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-18", "--tanpa-surat",
                message="suntingan di luar ppidctl yang belum diterima")  # fmt: skip
    res = run("periksa", "--terima-perubahan", "--catatan", "dihapus atas persetujuan PPID")
    assert "003/PPID/5271/III/2026: penghapusan baris diterima" in res.output
    data = json.loads(catat(run, "--format", "json", day="2026-03-18").stdout)
    assert data["nomor_registrasi"] == "004/PPID/5271/III/2026"
    assert run.ok("periksa").exit_code == 0


def test_a_number_stays_used_when_its_row_is_deleted_and_the_deletion_accepted(run, ws):
    """rules.md §6: a number, once given, is never reused — also after the office deleted the
    row of the year's highest number and accepted that with periksa (the journal keeps the
    numbers given and deleted: nomor_dihapus). Letter numbers too, also typed by hand. A typo
    corrected does not move the numbering: only the numbers deleted are skipped."""
    numbered_receipts(ws)  # (receipts that print a letter number: numbered letters)
    for day in ("2026-03-16", "2026-03-16", "2026-03-17"):
        run.ok("permohonan", "catat", *REQUEST, "--tanggal", day)
    run.ok("permohonan", "teruskan", "1", "--tanggal", "2026-03-17")
    for name, rows in (("permohonan", 1), ("surat", 2)):  # 003; letters 2 and 3
        path = ws.register_path(name)
        lines = path.read_bytes().split(b"\r\n")
        path.write_bytes(b"\r\n".join(lines[: -1 - rows] + lines[-1:]))
    res = run("periksa", "--terima-perubahan", "--catatan", "dihapus atas persetujuan PPID")
    assert "003/PPID/5271/III/2026: penghapusan baris diterima" in res.output
    out = json.loads(run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-18",
                            "--format", "json").stdout)  # fmt: skip
    assert out["nomor_registrasi"] == "004/PPID/5271/III/2026"
    letters = [r["nomor_surat"] for r in _csv_rows(ws.register_path("surat"))]
    assert letters == [f"{n}/PL.02.2-SD/5271/III/2026" for n in (1, 4)]
    run.refused("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-18",
                "--nomor-surat", "3/PL.02.2-SD/5271/III/2026",
                message="nomor surat 3/PL.02.2-SD/5271/III/2026 pernah dipakai")  # fmt: skip
    # a number typed wrong (300 for 005) and corrected: 006 next, not 301
    out = json.loads(run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-18",
                            "--tanpa-surat", "--format", "json").stdout)  # fmt: skip
    assert out["nomor_registrasi"] == "005/PPID/5271/III/2026"
    path = ws.register_path("permohonan")
    path.write_bytes(path.read_bytes().replace(b"005/PPID", b"300/PPID"))
    run("periksa", "--terima-perubahan", "--catatan", "salah ketik")
    path.write_bytes(path.read_bytes().replace(b"300/PPID", b"005/PPID"))
    run("periksa", "--terima-perubahan", "--catatan", "dikembalikan")
    out = json.loads(run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-18",
                            "--tanpa-surat", "--format", "json").stdout)  # fmt: skip
    assert out["nomor_registrasi"] == "006/PPID/5271/III/2026"


def test_a_number_deleted_in_one_month_stays_used_in_the_next(run, ws):
    """The month is part of the number: 003/…/III deleted, April's 003/…/IV is another string,
    yet the same sequence of the year given twice (rules.md §6). Letters alike (2 and 3)."""
    numbered_receipts(ws)
    for _ in range(3):
        run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16")
    run.ok("permohonan", "teruskan", "1", "--tanggal", "2026-03-17")
    for name, rows in (("permohonan", 1), ("surat", 2)):  # 003; letters 2 and 3
        path = ws.register_path(name)
        lines = path.read_bytes().split(b"\r\n")
        path.write_bytes(b"\r\n".join(lines[: -1 - rows] + lines[-1:]))
    run("periksa", "--terima-perubahan", "--catatan", "003 ganda, dihapus")
    out = json.loads(run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-04-01",
                            "--format", "json").stdout)  # fmt: skip
    assert out["nomor_registrasi"] == "004/PPID/5271/IV/2026"
    letters = [r["nomor_surat"] for r in _csv_rows(ws.register_path("surat"))]
    assert letters == ["1/PL.02.2-SD/5271/III/2026", "4/PL.02.2-SD/5271/IV/2026"]


def test_sequence_part_alone_must_be_unambiguous(run, today):
    today("2026-12-01")
    catat(run, day="2026-03-16")
    assert row(run, "1")["nomor_registrasi"] == N1
    assert row(run, "001")["nomor_registrasi"] == N1
    run.refused("permohonan", "teruskan", "9", message="nomor 9 tidak ada di register permohonan")
    # the number as a letter's file name has it, or in lower case
    assert row(run, "001-PPID-5271-III-2026")["nomor_registrasi"] == N1
    assert row(run, " 001/ppid/5271/iii/2026")["nomor_registrasi"] == N1
    # next year the short form no longer finds it, and says what to type instead
    today("2027-01-04")
    run.refused(
        "permohonan", "teruskan", "1",
        message="nomor urut 1 tidak ada di register permohonan tahun 2027 (nomor urut saja "
        f"dicari di tahun itu saja) — tulis nomor registrasi lengkap, mis. {N1}",
    )  # fmt: skip
    # a step dated in last year looks there: January's own 1 is not taken for December's
    catat(run, day="2027-01-04")
    run.ok("permohonan", "teruskan", "1", "--tanggal", "2026-12-31")
    assert row(run, N1)["status"] == "diteruskan"
    # while December's 001 still runs, a bare 1 in January could be either: both are named
    run.refused(
        "permohonan", "putuskan", "1", "--keputusan", "tidak-dikuasai", "--tanpa-surat",
        message="nomor urut 1 bisa 001/PPID/5271/I/2027 atau 001/PPID/5271/III/2026 (tahun "
        "lalu, belum selesai) — tulis nomor registrasi lengkap",
    )  # fmt: skip
    assert row(run, "001/PPID/5271/I/2027")["status"] == "terdaftar"  # (untouched)
    run.ok("permohonan", "putuskan", N1, "--keputusan", "tidak-dikuasai", "--tanpa-surat")
    assert row(run, "1")["nomor_registrasi"] == "001/PPID/5271/I/2027"  # (December's is done)


def test_jatuh_tempo_lists_the_older_case_first_on_one_deadline(run, today):
    """31 December's and 1 January's requests are both due 18 January: December's first (the
    number's text put I/2027 before XII/2026)."""
    today("2027-01-04")
    catat(run, day="2026-12-31")
    catat(run, day="2027-01-01")
    due = json.loads(run.ok("jatuh-tempo", "--format", "json").stdout)
    assert [(r["nomor_registrasi"], r["jatuh_tempo"]) for r in due] == [
        ("001/PPID/5271/XII/2026", "2027-01-18"),
        ("001/PPID/5271/I/2027", "2027-01-18"),
    ]


def test_jatuh_tempo_orders_overdue_first_in_every_format(run, today):
    catat(run, day="2026-03-16")  # due 2026-04-07
    catat(run, day="2026-04-06")  # due 2026-04-20: 7,8,9,10,13,14,15,16,17,20
    catat(run, day="2026-03-30")  # due 2026-04-14: 31,1,2,6,7,8,9,10,13,14
    run.ok(
        "permohonan",
        "putuskan",
        "3",
        "--keputusan",
        "belum-didokumentasikan",
        "--tanggal",
        "2026-04-01",
        "--tanpa-surat",
    )
    today("2026-04-09")
    due = json.loads(run.ok("jatuh-tempo", "--format", "json").stdout)
    assert [(d["nomor_registrasi"][:3], d["jatuh_tempo"], d["sisa_hari_kerja"]) for d in due] == [
        ("001", "2026-04-07", -2),
        ("002", "2026-04-20", 7),  # 10, 13, 14, 15, 16, 17, 20
    ]
    csv_out = run.ok("jatuh-tempo", "--format", "csv").stdout.splitlines()
    assert csv_out[0].startswith("register,nomor_registrasi,")
    assert csv_out[1].startswith("permohonan,001/PPID/5271/III/2026,")
    # a script switching --format loses nothing: CSV has every key JSON has, as text
    import csv
    import io

    for args in (["jatuh-tempo"], ["permohonan", "daftar"]):
        as_json = json.loads(run.ok(*args, "--format", "json").stdout)
        as_csv = list(csv.DictReader(io.StringIO(run.ok(*args, "--format", "csv").stdout)))
        assert [{k: "" if v is None else str(v) for k, v in r.items()} for r in as_json] == [
            {k: r[k] for k in j} for r, j in zip(as_csv, as_json, strict=True)
        ]
        assert all(set(j) <= set(c) for j, c in zip(as_json, as_csv, strict=True))
    assert (
        json.loads(run.ok("jatuh-tempo", "--dalam", "5", "--format", "json").stdout)[0][
            "sisa_hari_kerja"
        ]
        == -2
    )
    assert len(json.loads(run.ok("jatuh-tempo", "--terlambat", "--format", "json").stdout)) == 1
    text = run.ok("jatuh-tempo").stdout
    assert text.index("001/PPID") < text.index("002/PPID")
    # on paper a minus sign is missed: the table says how far past, and the due day by name
    assert re.search(r"2026-04-07 +│ lewat 2 ", text) and " -2 " not in text
    assert "TERLAMBAT 2 hari kerja" in run.ok("permohonan", "lihat", "1").stdout
    today("2026-04-20")
    assert re.search(r"2026-04-20 +│ hari ini ", run.ok("jatuh-tempo").stdout)
    assert "2026-04-20 — HARI INI hari terakhir" in run.ok("permohonan", "lihat", "2").stdout


def test_jatuh_tempo_colours_overdue_red_and_due_within_two_days_yellow(run, today, monkeypatch):
    """On a colour terminal an office deadline already past is bold red and one due within 2
    working days yellow; 3 or more days left is plain. Catches the colours dropped, swapped,
    or the 2-day boundary moved (cli/main.py jatuh_tempo's style())."""
    for day in ("2026-03-16", "2026-03-27", "2026-03-30", "2026-04-06"):
        catat(run, day=day)  # due 04-07, 04-13, 04-14, 04-20
    today("2026-04-09")  # left: lewat 2, 2, 3, 7
    for name in ("NO_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")  # (Rich then takes stdout for a colour terminal)
    monkeypatch.setenv("TERM", "xterm-256color")
    lines = run.ok("jatuh-tempo").stdout.splitlines()

    def line(nomor: str) -> str:
        (found,) = [text for text in lines if nomor in text]
        return found

    assert "\x1b[1;31m001/PPID/5271/III/2026" in line("001/PPID")  # lewat 2: bold red
    assert "\x1b[33m002/PPID/5271/III/2026" in line("002/PPID")  # 2 left: yellow
    for plain in ("003/PPID", "004/PPID"):  # 3 and 7 left: no colour at all
        assert "\x1b[" not in line(plain), line(plain)


def test_a_table_too_wide_for_the_screen_breaks_no_word(run):
    # Rich alone shrinks the widest columns first and folded "pemberitahuan" into
    # "pemberitah|uan" on a 120-column pipe; each column now keeps its longest word
    catat(run, "--nama", "Lalu Muhammad Zainul Majdi Abdurrahman Pratama Kusuma Wardhana Putra")
    run.ok("permohonan", "perpanjang", N1, "--alasan", "Data masih dihimpun", "--tanggal",
           "2026-03-20", "--tanpa-surat")  # fmt: skip
    text = run.ok("jatuh-tempo").stdout
    assert max(map(len, text.splitlines())) <= 120
    words = {w for line in text.splitlines() for w in line.replace("│", " ").split()}
    assert {"pemberitahuan", "tertulis", "(diperpanjang)", "diperpanjang", "Wardhana"} <= words
    assert N1 in text


ROWS_DRAWN = [  # (what a register edited by hand, or typed at the desk, may hold)
    ("001/PPID/5271/I/2026", "2026-01-02", "Baiq Nurul Hidayati", "Salinan DPT Kelurahan Ampenan "
     "Selatan per TPS beserta rekapitulasi pemilih disabilitas", "selesai", "ya"),
    ("002/PPID/5271/I/2026", "2026-01-05", "", "", "diproses", ""),
    ("003/PPID/5271/I/2026", "2026-01-05", "李小龙 王", "数据 请求 很长的文本 中文", "ditolak", "ya"),
    ("004/PPID/5271/I/2026", "2026-01-06", "  Lalu  Ahmad ", "baris satu\nbaris dua\n", "selesai", ""),
    ("005/PPID/5271/I/2026", "2026-01-07", "Made 🙂 Wayan", "Rekap Pilkada-2024-Cakranegara seluruh TPS", "diproses", "ya"),
    ("006/PPID/5271/I/2026", "2026-01-07", "é́ Ni Luh", "a\n\nb", "selesai", ""),
]  # fmt: skip


@pytest.mark.parametrize("width", ["100", "120", "160", "250"])
@pytest.mark.parametrize("colour", ["", "warna", "NO_COLOR"])
def test_table_rows_drawn_by_hand_are_the_ones_rich_draws(capsys, monkeypatch, width, colour):
    """A listing's rows are drawn line by line (Rich's layout took 48 s for 100,000 rows), with
    the same characters Rich would draw, and on a terminal the same codes (NO_COLOR: bold, no
    colour): cells wrapped, folded, padded; wide characters; lines within a cell; a control
    character shown as a picture; a late row's style. Compared with Rich drawing the same table;
    a tab in a cell leaves it to Rich (it expands tabs)."""
    from ppidctl.cli import common

    for name in ("NO_COLOR", "TTY_COMPATIBLE", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    if colour:
        monkeypatch.setenv("FORCE_COLOR", "1")
        monkeypatch.setenv("TERM", "xterm-256color")
    if colour == "NO_COLOR":
        monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", width)
    keys = ("nomor", "tanggal", "nama", "informasi", "status", "terlambat")
    labels = ["Nomor", "Diterima", "Pemohon", "Informasi", "Status", "Lewat"]
    columns = list(zip(keys, labels, strict=True))
    drawn = common._print_rows

    def show(rows, by_hand: bool) -> str:
        calls = []

        def draw(*args):
            calls.append(by_hand and drawn(*args))
            return calls[-1]

        monkeypatch.setattr(common, "_print_rows", draw)
        records = [dict(zip(keys, row, strict=True)) for row in rows]
        common.emit(records, common.Format.teks, columns, title="Daftar",
                    styles=lambda r: "bold red" if r["terlambat"] else "")  # fmt: skip
        return calls, capsys.readouterr().out

    hand_edited = ("8", "", "Dewi \x1b[31m \u202e Hamdani \x9b", "", "", "")  # (␛, <U+202E>)
    for rows, hand in (
        (ROWS_DRAWN + [hand_edited], [True]),
        (ROWS_DRAWN[:2] + [("7", "", "a\tb", "", "", "")], [False]),
    ):
        calls, ours = show(rows, True)
        assert calls == hand
        assert ours == show(rows, False)[1]
        assert ("\x1b[1;31m" in ours) is (colour == "warna")


def test_rows_left_to_rich_leave_its_columns_as_they_were():
    """A table that fits only once Rich shrinks it is drawn by Rich with the columns it was
    given (widths set before the fit was known made Rich draw four columns 0 wide and cut every
    number to '001/PPID/5' — review sesi28 H1)."""
    import io

    from rich.console import Console
    from rich.table import Table

    from ppidctl.cli import common

    out = Console(file=io.StringIO(), width=40, soft_wrap=False)
    table = Table()
    for label in ("Nomor", "Informasi"):
        table.add_column(label, overflow="fold")
    assert not common._print_rows(out, table, [["001/PPID/5271/III/2026", "x" * 30]], [""])
    assert [c.width for c in table.columns] == [None, None] and out.file.getvalue() == ""


def test_a_table_whose_words_alone_overflow_leaves_out_its_spare_columns(run, monkeypatch):
    # keberatan daftar on a 100-column terminal folded its dates into "20/26/-1/0-" and names
    # into three letters: its spare columns are left out instead, and stderr says which
    from ppidctl.cli import common

    catat(run)
    run.ok("permohonan", "putuskan", N1, "--keputusan", "diberikan", "--biaya", "5000",
           "--tanggal", "2026-03-17", "--tanpa-surat")  # fmt: skip
    run.ok("keberatan", "catat", "--permohonan", "1", "--alasan", "f", "--kasus-posisi", "Mahal",
           "--dokumen", "formulir,identitas", "--tanggal", "2026-03-18", "--tanpa-surat")  # fmt: skip
    narrow = common.console
    monkeypatch.setattr(common, "console", lambda: (c := narrow(), setattr(c, "width", 100))[0])
    res = run.ok("keberatan", "daftar")
    assert (
        "(kolom Keputusan Atasan, Permohonan tidak muat dalam lebar layar 100 karakter"
        in res.stderr
    )
    assert max(map(len, res.stdout.splitlines())) <= 100
    assert "2026-03-18" in res.stdout and "001/KEB/PPID/5271/III/2026" in res.stdout
    assert "Permohonan" not in res.stdout  # (the column, not only its title: csv has it)
    assert "tidak muat" not in run.ok("keberatan", "daftar", "--format", "csv").stderr
    # narrower still (60 columns squeezed some to nothing): each case as a block of lines
    monkeypatch.setattr(common, "console", lambda: (c := narrow(), setattr(c, "width", 60))[0])
    lines = run.ok("keberatan", "daftar").stdout.splitlines()
    assert lines[0] == "001/KEB/PPID/5271/III/2026"
    assert any(re.fullmatch(r"  Permohonan +001/PPID/5271/III/2026 *", x) for x in lines)
    assert any(re.fullmatch(r"  Batas tanggapan +2026-\d\d-\d\d *", x) for x in lines)
    # a block is headed by the case's number (jatuh-tempo's first column is the register)
    monkeypatch.setattr(common, "console", lambda: (c := narrow(), setattr(c, "width", 40))[0])
    lines = run.ok("jatuh-tempo").stdout.splitlines()
    assert "001/KEB/PPID/5271/III/2026" in lines and "permohonan" not in lines
    said = run.ok("keberatan", "daftar").stdout  # (the labels wrap: the number in a block not cut)
    assert re.search(r"Permohonan +001/PPID/5271/III/2026", said)
    # nothing to list: no table of titles squeezed to nothing
    res = run.ok("keberatan", "daftar", "--status", "sengketa")
    assert res.stdout == "" and "(tidak ada data)" in res.stderr


def test_fit_widths_shares_the_room_beyond_each_columns_longest_word():
    from ppidctl.cli.common import fit_widths

    cols = [["Nama", "Lalu Muhammad Zainul"], ["Nomor", "001/PPID/5271/III/2026"]]
    assert fit_widths(cols, 60, [False, True]) is None  # it fits
    assert fit_widths(cols, 30, [False, True]) == [8, 22]  # "Muhammad" whole, the number whole
    assert fit_widths(cols, 29, [False, True]) is None  # not even that: Rich folds
    assert fit_widths([["a bb", "ccc dddd"], ["x yy", "zzzzz zz"]], 12, [False, False]) == [6, 6]


def test_extension_and_decision_follow_the_hand_over_to_the_ppid(run):
    # SOP Pelayanan: the desk hands the request to the PPID (step 2) before the PPID extends
    # or decides (steps 4-5); a date before the recorded hand-over was accepted
    catat(run, day="2026-03-13")
    catat(run, day="2026-03-13")
    N2 = "002/PPID/5271/III/2026"
    run.ok("permohonan", "teruskan", N1, "--tanggal", "2026-03-17")
    run.ok("permohonan", "teruskan", N2, "--tanggal", "2026-03-17")
    run.refused(
        "permohonan", "perpanjang", N1, "--alasan", "Data dihimpun", "--tanggal", "2026-03-16",
        "--tanpa-surat",
        message=f"tanggal perpanjangan 2026-03-16 sebelum langkah sebelumnya (2026-03-17) pada {N1}",
    )  # fmt: skip
    run.refused(
        "permohonan", "putuskan", N2, "--keputusan", "diberikan", "--tanggal", "2026-03-16",
        "--tanpa-surat",
        message=f"tanggal keputusan 2026-03-16 sebelum langkah sebelumnya (2026-03-17) pada {N2}",
    )  # fmt: skip
    # forwarded first: no word about the SOP; on its day: allowed
    done = run.ok(
        "permohonan", "putuskan", N2, "--keputusan", "diberikan", "--tanggal", "2026-03-17",
        "--tanpa-surat",
    )  # fmt: skip
    assert "diteruskan ke PPID" not in done.stderr


def test_a_step_the_sop_requires_skipped_is_warned_not_refused(run):
    catat(run, day="2026-03-13")
    catat(run, day="2026-03-13")
    ext = run.ok(
        "permohonan", "perpanjang", N1, "--alasan", "Data dihimpun", "--tanggal", "2026-03-16",
        "--tanpa-surat",
    )  # fmt: skip
    assert (
        f"Peringatan: permohonan {N1} diperpanjang tanpa tercatat diteruskan ke PPID (SOP "
        "Pelayanan Informasi Publik langkah 2)"
    ) in ext.stderr
    after_extension = run.ok(  # (told once: at the extension)
        "permohonan", "putuskan", N1, "--keputusan", "diberikan", "--tanggal", "2026-03-17",
        "--tanpa-surat",
    )  # fmt: skip
    assert "diteruskan ke PPID" not in after_extension.stderr
    dec = run.ok(
        "permohonan", "putuskan", "2", "--keputusan", "diberikan", "--tanggal", "2026-03-17",
        "--tanpa-surat",
    )  # fmt: skip
    assert "permohonan 002/PPID/5271/III/2026 diputuskan tanpa tercatat diteruskan" in dec.stderr
    assert row(run, "002/PPID/5271/III/2026")["status"] == "diputuskan"
    # the warning asked for the hand-over "before the decision": it cannot be recorded after
    assert "penerusan tidak dapat dicatat lagi sesudah langkah ini — lain kali catat" in dec.stderr
    run.refused("permohonan", "teruskan", "2", "--tanggal", "2026-03-17",
                message="hanya permohonan yang baru terdaftar")  # fmt: skip


def test_json_records_have_the_same_keys_and_lihat_agrees_with_daftar(run, today):
    # scripts: a key present in one record and missing in the next broke csv.DictWriter on
    # rows[0]; an overdue open request read "" in lihat and "ya" in daftar
    catat(run, day="2026-03-16")  # open, deadline 2026-04-07
    catat(run, day="2026-03-16")
    run.ok("permohonan", "putuskan", "2", "--keputusan", "diberikan", "--tanggal", "2026-03-20",
           "--tanpa-surat")  # fmt: skip
    run.ok("permohonan", "selesai", "2", "--tanggal", "2026-03-23")
    today("2026-04-20")
    listed = json.loads(run.ok("permohonan", "daftar", "--format", "json").stdout)
    assert len({tuple(r) for r in listed}) == 1  # one set of keys, in one order
    closed = listed[1]
    assert (closed["status"], closed["sisa_hari_kerja"], closed["pihak"]) == ("selesai", None, None)
    shown = {n: json.loads(run.ok("permohonan", "lihat", n, "--format", "json").stdout)
             for n in ("1", "2")}  # fmt: skip
    assert shown["1"].keys() == shown["2"].keys()
    assert shown["2"]["tenggat"] is None and shown["1"]["tenggat"]["sisa_hari_kerja"] == -9
    for r in listed:
        assert shown[r["nomor_registrasi"][2]]["data"]["terlambat"] == r["terlambat"]
    assert [r["terlambat"] for r in listed] == ["ya", "tidak"]


def test_a_request_recorded_twice_in_a_row_is_warned_and_still_recorded(run):
    # a script retrying after a timeout, Enter pressed twice: numbers are never reused, so the
    # second case would stay in the register unnoticed
    first = catat(run, day="2026-03-16")
    assert "sama dengan" not in first.stderr
    again = catat(run, "--format", "json", day="2026-03-16")
    out = json.loads(again.stdout)
    assert out["nomor_registrasi"] == "002/PPID/5271/III/2026"
    # a script sees it in the JSON it reads, not only on stderr
    assert out["peringatan"][0].startswith(f"permohonan ini sama dengan {N1} yang dicatat ")
    assert f"Peringatan: permohonan ini sama dengan {N1} yang dicatat " in again.stderr
    assert (
        "hapus baris 002/PPID/5271/III/2026 di register lalu jalankan ppidctl periksa "
        "--terima-perubahan --batalkan 002/PPID/5271/III/2026 --catatan ALASAN"
    ) in again.stderr
    # another information, or another day: a new request, no word
    other = catat(run, "--informasi", "Salinan DCT Kota Mataram", day="2026-03-16")
    later = catat(run, day="2026-03-17")
    assert "sama dengan" not in other.stderr + later.stderr


def test_a_deadline_passed_on_the_friday_is_overdue_on_the_weekend(run, today):
    # 0 working days lie between Friday's deadline and Sunday: it read "sisa 0", due today,
    # not late — in jatuh-tempo, lihat and the daily report alike
    catat(run, day="2026-05-11")  # due Friday 2026-05-29
    today("2026-05-31")  # Sunday
    (due,) = json.loads(run.ok("jatuh-tempo", "--format", "json").stdout)
    assert (due["jatuh_tempo"], due["sisa_hari_kerja"], due["terlambat"]) == (
        "2026-05-29",
        -1,
        "ya",
    )
    assert "TERLAMBAT 1 hari kerja" in run.ok("permohonan", "lihat", "1").stdout
    daily = json.loads(run.ok("laporan", "harian", "--format", "json").stdout)
    assert daily["ringkasan"]["lewat_tenggat"] == 1
    late = run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan",
                  "--tanggal", "2026-05-30", "--tanpa-surat")  # fmt: skip
    # decided on that Saturday: 1 working day late, not "0 hari kerja"
    assert "melewati tenggat 2026-05-29 (lewat 1 hari kerja)" in late.stderr
    catat(run, day="2026-05-11")
    today("2026-05-29")  # the Friday itself: due today
    (due,) = json.loads(run.ok("jatuh-tempo", "--format", "json").stdout)
    assert (due["nomor_registrasi"], due["sisa_hari_kerja"], due["terlambat"]) == (
        "002/PPID/5271/V/2026", 0, "tidak"
    )  # fmt: skip


def test_daftar_filters(run):
    catat(run, day="2026-03-16")
    catat(run, "--informasi", "Anggaran hibah Pilkada", day="2026-04-06")

    def rows(*a):
        return [
            r["nomor_registrasi"]
            for r in json.loads(run.ok("permohonan", "daftar", *a, "--format", "json").stdout)
        ]

    assert rows("--bulan", "2026-04") == ["002/PPID/5271/IV/2026"]
    assert rows("--cari", "hibah") == ["002/PPID/5271/IV/2026"]
    assert rows("--dari", "2026-03-01", "--sampai", "2026-03-31") == [N1]
    assert rows("--status", "terdaftar") == [N1, "002/PPID/5271/IV/2026"]
    run.usage("permohonan", "daftar", "--bulan", "2026-13", message="--bulan '2026-13' tidak sah")
    run.refused(
        "permohonan", "daftar", "--dari", "2026-04-10", "--sampai", "2026-03-01",
        message="--dari 2026-04-10 sesudah --sampai 2026-03-01",
    )  # fmt: skip
    run.usage(
        "permohonan", "daftar", "--bulan", "2026-03", "--dari", "2026-03-10",
        message="--bulan tidak bisa dipakai bersama --dari/--sampai",
    )  # fmt: skip
    for other in ("20260301", "2026-W12-1"):  # ISO forms Python accepts, rows do not use
        run.usage("permohonan", "daftar", "--sampai", other, message=f"'{other}' bukan tanggal")
    # a mistyped status is wrong usage (exit code 2), not answered with an empty list
    run.usage("permohonan", "daftar", "--status", "terdaftr", message="--status 'terdaftr' tidak")
    run.usage(
        "keberatan", "daftar", "--status", "diperpanjang",
        message="--status 'diperpanjang' tidak dikenal untuk register keberatan",
    )  # fmt: skip
    run.usage("jatuh-tempo", "--status", "ditutup", message="pilih salah satu: terdaftar")
    assert run.ok("jatuh-tempo", "--status", "pleno", "--format", "json").stdout.strip() == "[]"


def test_prompts_only_on_a_terminal(run, monkeypatch):
    # stdin is not a terminal: never prompt, refuse clearly
    args = [a for a in REQUEST]
    i = args.index("--informasi")
    del args[i : i + 2]
    run.refused(
        "permohonan",
        "catat",
        *args,
        "--tanggal",
        "2026-03-16",
        "--tanpa-surat",
        message="--informasi (rincian informasi) wajib diisi",
    )
    # on a terminal, the missing field is asked for
    monkeypatch.setattr("ppidctl.cli.formulir.interactive", lambda: True)
    result = run(
        "permohonan",
        "catat",
        *args,
        "--tanggal",
        "2026-03-16",
        "--tanpa-surat",
        # (jenis pemohon, pekerjaan: Enter); a paste with a colour code: asked again; the choices: Enter;
        # then the answers shown, and Enter records them
        input="\n\nSalinan \x1b[31mSK\nSalinan SK PPK\n\n\n\n\n\n",
    )
    assert result.exit_code == 0, result.output
    assert "memuat karakter kendali yang tidak bisa dicetak — ketik ulang isinya" in result.stderr
    assert row(run)["informasi_diminta"] == "Salinan SK PPK"


def test_the_interactive_form(run, ws, monkeypatch):
    """At a terminal, `catat` with what is missing asks for it on stderr (stdout stays the
    data: --format json > out.json), checks each answer as it is typed and asks it again, shows
    every choice with its default, shows the answers and records them only when confirmed. A
    command typed in full is not turned into a form."""
    import json

    monkeypatch.setattr("ppidctl.cli.formulir.interactive", lambda: True)
    answers = [
        "Budi Santoso", "", "",  # nama; jenis pemohon, jenis identitas: Enter (perorangan, ktp)
        "5271", "5271011203900001",  # a NIK too short: asked again
        "Jl. Pejanggik 1", "",  # alamat; pekerjaan: none
        "", "budi@", "budi@example.com",  # no phone; a bad e-mail: asked again
        "Salinan DPT", "Penelitian", "", "hardcopy", "",  # informasi, tujuan, choices
        "whatsapp", "email",  # not a channel: asked again
        "identitas,ktp", "identitas",  # an unknown document: asked again
    ]  # fmt: skip
    before = snapshot(ws.root)
    args = ("permohonan", "catat", "--tanggal", "2026-03-16", "--tanpa-surat", "--format", "json")
    no = run(*args, input="\n".join([*answers, "n"]) + "\n")
    assert no.exit_code == 1 and snapshot(ws.root) == before
    assert "Dibatalkan: tidak ada yang dicatat." in no.stderr
    r = run(*args, input="\n".join([*answers, "y"]) + "\n")
    assert r.exit_code == 0, r.output
    # stdout is the data alone: no prompt, not even the space click's prompt wrote there
    assert r.stdout.startswith("{")
    stored = json.loads(r.stdout)
    assert stored["nik"] == "5271011203900001" and stored["email"] == "budi@example.com"
    assert (stored["bentuk_informasi"], stored["cara_kirim"], stored["saluran"]) == (
        "hardcopy", "langsung", "email")  # fmt: skip
    for told in ("NIK:", "harus 16 angka", "alamat e-mail 'budi@' tidak sah",
                 "'whatsapp' bukan pilihan", "Bentuk informasi [softcopy | hardcopy] [softcopy]:",
                 "Catat permohonan ini? [Y/t]:", "  Nama pemohon ", ": Jl. Pejanggik 1\n"):  # fmt: skip
        assert told in r.stderr, told
    full = run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-17", "--tanpa-surat")
    assert "Jenis pemohon" not in full.stderr and "Catat permohonan" not in full.stderr
    # a request by letter: the form proposes post, as the command typed in full records it
    by_letter = [a for a in answers if a not in ("whatsapp", "email")]
    by_letter[by_letter.index("hardcopy") + 1 :] = ["", "identitas", "y"]
    r = run(*args, "--saluran", "surat", input="\n".join(by_letter) + "\n")
    assert (
        "Cara mendapatkan salinan [langsung | kurir | pos | faksimili | email] [pos]:"
        in " ".join(r.stderr.split())
    ), r.stderr
    assert json.loads(r.stdout)["cara_kirim"] == "pos"
    # by telephone: the summary the officer confirms says the desk filled the form in (32c L2)
    by_phone = [a for a in answers if a != "whatsapp"]
    by_phone[by_phone.index("email")] = "telepon"
    r = run(*args, input="\n".join([*by_phone, "y"]) + "\n")
    assert "Formulir diisi petugas" in r.stderr and json.loads(r.stdout)["diisi_petugas"] == "ya"


def test_the_request_form_asks_the_proxy_stage_and_required_documents(run, ws, monkeypatch):
    """A legal entity's documents are asked again until its deed is there; a power of attorney
    asks who holds it; an ongoing election stage is asked (3 working days, not 10); values
    given on the command line are checked before the first prompt and shown in the summary."""
    import json

    run.ok("tahapan", "tambah", "Pencalonan", "--mulai", "2026-03-01", "--selesai",
           "2026-03-31")  # fmt: skip
    monkeypatch.setattr("ppidctl.cli.formulir.interactive", lambda: True)
    base = ("permohonan", "catat", "--nama", "CV Maju Jaya", "--jenis-pemohon", "badan-hukum",
            "--telepon", "0370123456", "--tanggal", "2026-03-16", "--tanpa-surat", "--format",
            "json")  # fmt: skip
    bad = run(*base, "--bentuk", "kertas", input="\n" * 20)
    assert bad.exit_code == 2 and "--bentuk 'kertas' tidak dikenal" in bad.stderr
    assert "Alamat" not in bad.stderr  # (nothing asked first)
    answers = [
        "", "Jl. Pejanggik 10", "",  # no deed number; address; occupation
        "Salinan SK", "Arsip", "", "", "", "",  # informasi, tujuan, choices: Enter
        "Pencalonan",  # the ongoing stage
        "identitas,formulir", "akta,kuasa",  # no deed: asked again
        "Rina",  # the proxy
        "",  # record: Enter (yes)
    ]  # fmt: skip
    r = run(*base, input="\n".join(answers) + "\n")
    assert r.exit_code == 0, r.output
    assert "dokumen wajib belum diterima: akta pendirian badan hukum" in r.stderr
    assert re.search(r"  Nama pemohon +: CV Maju Jaya\n", r.stderr)  # (given: shown)
    stored = json.loads(r.stdout)
    assert (stored["kuasa_nama"], stored["dokumen"], stored["tahapan"]) == (
        "Rina", "akta;kuasa", "Pencalonan")  # fmt: skip
    assert stored["jatuh_tempo"] == "2026-03-26"  # 3 working days: 17, 25, 26 (Nyepi, Idul Fitri)
    # a power of attorney received names its holder, also without the form
    monkeypatch.setattr("ppidctl.cli.formulir.interactive", lambda: False)
    run.usage("permohonan", "catat", *REQUEST[:-2], "--dokumen", "identitas,kuasa",
              "--tanggal", "2026-03-16", message="kuasa di --dokumen tanpa --kuasa")  # fmt: skip


def test_a_script_is_told_every_missing_option_at_once(run, ws):
    """Without a terminal nothing is asked: the options left out are named together (one run,
    not five); one alone gets its own message."""
    run.refused("permohonan", "catat", "--nama", "Siti", "--tanpa-surat",
                message="isian wajib belum diisi: --nik, --alamat, --telepon/--email, "
                "--informasi, --tujuan, --dokumen — tambahkan opsi itu (lihat: ppidctl "
                "permohonan catat --help)")  # fmt: skip
    run.refused("keberatan", "catat", "--alasan", "a", "--tanpa-surat",
                message="isian wajib belum diisi: --kasus-posisi, --dokumen, --permohonan")  # fmt: skip
    run.refused("keberatan", "catat", "--alasan", "b", "--kasus-posisi", "K", "--dokumen",
                "formulir,identitas", "--nama", "Joko", "--tanpa-surat",
                message="isian wajib belum diisi: --nik, --alamat, --telepon/--email, "
                "--informasi, --tujuan")  # fmt: skip
    run.refused("permohonan", "catat", *REQUEST[:-2], "--tanpa-surat",
                message="dokumen wajib belum diterima: salinan kartu identitas")  # fmt: skip


def test_the_form_checks_what_was_given_before_and_asks_what_was_given_blank(run, ws, monkeypatch):
    """A stage not in ppidctl.toml is refused before the first prompt; a name given blank is
    asked; documents given without what the requester needs are told and asked again."""
    monkeypatch.setattr("ppidctl.cli.formulir.interactive", lambda: True)
    before = snapshot(ws.root)
    r = run("permohonan", "catat", "--tahapan", "Salah Nama", input="\n" * 20)
    assert r.exit_code == 1 and "tahapan 'Salah Nama' tidak ada di ppidctl.toml" in r.stderr
    assert "Nama pemohon" not in r.stderr and snapshot(ws.root) == before
    r = run("permohonan", "catat", "--nomor-identitas", "A1234567", input="\n" * 20)
    assert r.exit_code == 1 and "--nomor-identitas dibaca sebagai NIK KTP" in r.stderr
    assert "tambahkan --jenis-identitas paspor|lainnya" in r.stderr  # (a passport: how)
    assert "Nama pemohon" not in r.stderr and snapshot(ws.root) == before
    answers = ["Siti", "", "", "5271011505900001", "Jl. A", "", "081234567890", "", "SK",
               "Riset", "", "", "", "", "identitas", ""]  # fmt: skip
    r = run("permohonan", "catat", "--nama", " ", "--dokumen", "kuasa", "--tanpa-surat",
            "--tanggal", "2026-03-16", input="\n".join(answers) + "\n")  # fmt: skip
    assert r.exit_code == 0, r.output
    assert "--dokumen kuasa: dokumen wajib belum diterima: salinan kartu identitas" in r.stderr
    assert (row(run)["nama_pemohon"], row(run)["dokumen"]) == ("Siti", "identitas")


REFUSED_CATAT = [
    (["--nik", "527101120390001"], "NIK '527101120390001' harus 16 angka"),
    (["--nik", "9971011203900001"], "kode provinsi 99 tidak ada"),
    (["--nik", "5271013203900001"], "bagian tanggal lahir 320390 tidak sah"),
    (["--dokumen", "formulir"], "dokumen wajib belum diterima: salinan kartu identitas"),
    (["--kuasa", "Ani"], "dokumen wajib belum diterima: surat kuasa"),
    (["--jenis-pemohon", "badan-hukum"], "akta pendirian badan hukum"),
    (["--telepon", "", "--email", ""], "wajib mencantumkan kontak"),
    (["--email", "budi@"], "alamat e-mail 'budi@' tidak sah"),
    (["--nama", "Budi\x07"], "karakter kendali"),
    # a name on the receipt, in daftar and in the register book: one line, read as typed, never
    # a formula when the office opens the register (=HYPERLINK beside the NIK)
    (["--nama", "Ali\nBaris2"], "--nama (nama pemohon) memuat pindah baris atau tab"),
    (["--nama", "Ali\u202eevil"], "--nama (nama pemohon) memuat karakter tak terlihat"),
    (["--nama", '=HYPERLINK("http://x/?"&D2)'], "diawali '=': itu rumus lembar kerja, bukan nama"),
    (["--kuasa", "@Ani", "--dokumen", "identitas,kuasa"], "--kuasa diawali '@'"),
    (["--nama", "-2+3+cmd|' /C calc'!A0"], "diawali '-': itu rumus lembar kerja"),
    (["--nama", "-"], "--nama (nama pemohon) wajib diisi: '-' tidak berisi apa pun"),
    (["--kuasa", "-", "--dokumen", "identitas,kuasa"], "--kuasa '-' bukan nama — bila tidak ada"),
    (["--kuasa", "n/a", "--dokumen", "identitas,kuasa"], "--kuasa 'n/a' bukan nama"),
    (["--tujuan", "x" * 10_001], "terlalu panjang"),
    (["--tanggal", "2026-11-23"], "ada di masa depan"),
    (["--tahapan", "Kampanye"], "tahapan 'Kampanye' tidak ada di ppidctl.toml"),
]  # (--saluran whatsapp, --tanggal 16-03-2026: wrong usage, in test_exit_codes.py)


@pytest.mark.parametrize(("extra", "message"), REFUSED_CATAT)
def test_catat_refusals(run, today, extra, message):
    today("2026-11-22")
    run.refused(
        "permohonan",
        "catat",
        *REQUEST,
        "--tanggal",
        "2026-03-16",
        "--tanpa-surat",
        *extra,
        message=message,
    )


def test_dates_before_the_law_came_into_force_are_refused(run, ws):
    # UU 14/2008 came into force on 30 Apr 2010 (Pasal 64(1)): a year typo would use up a number
    # of a past year for ever (and made letters/1/)
    for day in ("0001-01-01", "1999-01-07", "2010-04-29T23:59"):
        run.refused(
            "permohonan", "catat", *REQUEST, "--tanggal", day,
            message=f"--tanggal {day[:10]} sebelum UU 14/2008 berlaku (2010-04-30, Pasal 64(1)): "
            "tidak ada permohonan atau keberatan sebelum tanggal itu — periksa tahunnya",
        )  # fmt: skip
    assert not (ws.root / "letters" / "1").exists()
    out = run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2010-04-30", "--tanpa-surat")
    assert "Nomor registrasi : 001/PPID/5271/IV/2010" in out.stdout
    # every step's --tanggal is read by the same check
    run.refused(
        "permohonan", "teruskan", "001/PPID/5271/IV/2010", "--tanggal", "2009-04-30",
        message="--tanggal 2009-04-30 sebelum UU 14/2008 berlaku",
    )  # fmt: skip


def test_stage_must_be_ongoing_on_the_receipt_date(run):
    run.ok("tahapan", "tambah", "Kampanye", "--mulai", "2026-05-01", "--selesai", "2026-06-30")
    run.refused(
        "permohonan",
        "catat",
        *REQUEST,
        "--tahapan",
        "Kampanye",
        "--tanggal",
        "2026-03-16",
        "--tanpa-surat",
        message="tidak sedang berjalan pada 2026-03-16",
    )
    run.refused(
        "tahapan",
        "tambah",
        "Kampanye",
        "--mulai",
        "2026-05-01",
        "--selesai",
        "2026-06-30",
        message="sudah ada",
    )
    # the message gives the office's own [tenggat], not the statute's defaults
    toml = run.root / "ppidctl.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8")
        .replace("permohonan = 10 ", "permohonan = 12 ")
        .replace("permohonan_tahapan = 3 ", "permohonan_tahapan = 4 "),
        encoding="utf-8",
    )
    args = ("--tahapan", "Kampanye", "--tanggal", "2026-03-16", "--tanpa-surat")
    refused = run.refused("permohonan", "catat", *REQUEST, *args, message="tenggat 4 hari kerja")
    assert "catat tanpa --tahapan (tenggat 12 hari kerja)" in refused.stderr
    run.refused(
        "tahapan",
        "tambah",
        "X",
        "--mulai",
        "2026-05-01",
        "--selesai",
        "2026-04-30",
        message="sebelum --mulai",
    )
    run.refused(
        "tahapan", "tambah", "Coklit\nTahap 2", "--mulai", "2026-05-01", "--selesai", "2026-06-30",
        message="NAMA tahapan harus satu baris",
    )  # fmt: skip


def test_step_order_and_extension_refusals(run):
    catat(run)
    run.refused("permohonan", "selesai", "1", "--tanggal", "2026-03-20",
                message="permohonan 001/PPID/5271/III/2026 belum diputuskan")  # fmt: skip
    run.refused(
        "permohonan",
        "teruskan",
        "1",
        "--tanggal",
        "2026-03-15",
        message="sebelum langkah sebelumnya (2026-03-16)",
    )
    run.refused(
        "permohonan",
        "perpanjang",
        "1",
        "--tanggal",
        "2026-03-20",
        "--tanpa-surat",
        message="--alasan (alasan perpanjangan) wajib diisi",
    )
    run.refused(
        "permohonan",
        "perpanjang",
        "1",
        "--alasan",
        "x",
        "--tanggal",
        "2026-04-08",
        "--tanpa-surat",
        message="tenggat permohonan 001/PPID/5271/III/2026 sudah lewat (2026-04-07)",
    )
    run.ok(
        "permohonan", "perpanjang", "1", "--alasan", "x", "--tanggal", "2026-04-07", "--tanpa-surat"
    )
    run.refused(
        "permohonan",
        "perpanjang",
        "1",
        "--alasan",
        "y",
        "--tanggal",
        "2026-04-08",
        "--tanpa-surat",
        message="hanya boleh satu kali",
    )
    run.refused(
        "permohonan",
        "putuskan",
        "1",
        "--keputusan",
        "ditolak",
        "--tanggal",
        "2026-04-08",
        "--tanpa-surat",
        message="--pasal (dasar Pasal 17) wajib diisi",
    )
    run.refused(
        "permohonan",
        "putuskan",
        "1",
        "--keputusan",
        "ditolak",
        "--pasal",
        "Pasal 17 huruf h",
        "--tanggal",
        "2026-04-08",
        "--tanpa-surat",
        message="--sk-pengecualian",
    )
    # no consequence test recorded: refused, never filled in with a generic sentence
    run.refused(
        "permohonan", "putuskan", "1", "--keputusan", "ditolak", "--pasal", "Pasal 17 huruf h",
        "--sk-pengecualian", "Keputusan KPU Kota Mataram Nomor 12 Tahun 2026",
        "--tanggal", "2026-04-08",
        message="wajib didasarkan pada uji konsekuensi yang dilakukan PPID sebelum menyatakan "
        "informasi dikecualikan (UU 14/2008 Pasal 19) — isi --uji-konsekuensi",
    )  # fmt: skip
    run.refused(
        "permohonan",
        "putuskan",
        "1",
        "--keputusan",
        "diberikan-sebagian",
        "--tanggal",
        "2026-04-08",
        "--tanpa-surat",
        message="wajib menjelaskan bagian yang dihitamkan",
    )
    run.usage(  # not one of the decisions, not a number: wrong usage (exit code 2)
        "permohonan",
        "putuskan",
        "1",
        "--keputusan",
        "dikabulkan",
        "--tanpa-surat",
        message="--keputusan 'dikabulkan' tidak dikenal",
    )
    run.usage(
        "permohonan",
        "putuskan",
        "1",
        "--keputusan",
        "diberikan",
        "--biaya",
        "dua ribu",
        "--tanpa-surat",
        message="--biaya 'dua ribu' harus bilangan rupiah",
    )
    run.usage(
        "permohonan",
        "putuskan",
        "1",
        "--keputusan",
        "belum-didokumentasikan",
        "--biaya",
        "5000",
        "--tanpa-surat",
        message="--biaya hanya untuk informasi yang diberikan",
    )
    run.usage(
        "permohonan", "putuskan", "1", "--keputusan", "diberikan", "--cara-pembayaran", "tunai",
        "--tanpa-surat", message="--cara-pembayaran hanya untuk informasi yang dikenai biaya",
    )  # fmt: skip
    run.ok(
        "permohonan",
        "putuskan",
        "1",
        "--keputusan",
        "ditolak",
        "--pasal",
        "Pasal 17 huruf h",
        "--sk-pengecualian",
        "Keputusan KPU Kota Mataram Nomor 12 Tahun 2026",
        "--uji-konsekuensi",
        UJI,
        "--tanggal",
        "2026-04-08",
        "--tanpa-surat",
    )
    assert (row(run)["status"], row(run)["uji_konsekuensi"]) == ("selesai", UJI)
    run.refused(
        "permohonan",
        "putuskan",
        "1",
        "--keputusan",
        "diberikan",
        "--tanggal",
        "2026-04-09",
        "--tanpa-surat",
        message="keputusan tidak dapat diubah",
    )
    run.refused(
        "permohonan",
        "perpanjang",
        "1",
        "--alasan",
        "z",
        "--tanpa-surat",
        message="hanya boleh satu kali",
    )
    run.refused("permohonan", "selesai", "1", message="sudah selesai")


def test_forward_twice_is_refused_and_sop_standard_is_tracked(run):
    catat(run)
    result = run.ok("permohonan", "teruskan", "1", "--tanggal", "2026-03-26")
    assert (
        "standar layanan SOP terlampaui: penerusan ke PPID 3 hari kerja, standar 1 hari kerja"
        in result.stderr
    )
    run.refused(
        "permohonan",
        "teruskan",
        "1",
        "--tanggal",
        "2026-03-27",
        message="hanya permohonan yang baru terdaftar",
    )


def test_usage_errors_exit_2(run):
    result = run("permohonan", "catat", "--tidak-ada")
    assert result.exit_code == 2
    result = run("kalender", "hitung", "2026-03-16", "sepuluh")
    assert result.exit_code == 2


@pytest.mark.parametrize(
    "args, message",
    [
        (["bogus"], "Error: perintah 'bogus' tidak dikenal — lihat: "),
        (["permohonan", "cata"], "perintah 'cata' tidak dikenal (mungkin: 'catat'"),
        (["permohonan", "catat", "--tidak-ada"], "Error: opsi --tidak-ada tidak dikenal"),
        (
            ["permohonan", "catat", "--nam", "x"],
            "opsi --nam tidak dikenal (mungkin: --alamat, --nama",
        ),
        (
            ["permohonan", "catat", "--nama"],
            "opsi --nama perlu nilai — lihat: ppidctl permohonan catat",
        ),
        (["permohonan", "lihat"], "Error: argumen NOMOR wajib diisi"),
        (["permohonan", "lihat", "1", "2"], "Error: argumen berlebih: 2"),
        (
            ["permohonan", "daftar", "--format", "xml"],
            "Error: nilai --format tidak sah: 'xml' bukan salah satu dari 'teks', 'json', 'csv'",
        ),
        (
            ["permohonan", "lihat", "1", "--format", "csv"],
            "'csv' bukan salah satu dari 'teks', 'json'",
        ),
        (["impor", ".", "--register", "permohonan"], "'.' adalah folder, bukan berkas"),
        (["jatuh-tempo", "--dalam", "dua"], "Error: nilai --dalam tidak sah: harus bilangan bulat"),
        (["jatuh-tempo", "--dalam", "-1"], "Error: nilai --dalam tidak sah: paling sedikit 0"),
    ],
)
def test_usage_errors_are_indonesian_and_change_nothing(run, args, message):
    """Wrong usage (exit 2) is told in Indonesian on one line, like a refusal, with where to look."""
    from conftest import snapshot

    before = snapshot(run.root)
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr, result.stderr
    assert " --help" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Usage" not in result.output and "Invalid value" not in result.output
    assert snapshot(run.root) == before


def test_other_parser_errors_are_told_not_raised():
    """A parser error that is not a usage error (an unreadable file argument) is printed as one
    Error line with its exit code, as Typer itself would, not left as a traceback."""
    import typer
    from typer._click.exceptions import FileError
    from typer.testing import CliRunner

    from ppidctl.cli.usage import Akar

    app = typer.Typer(cls=Akar)

    @app.command()
    def baca() -> None:
        raise FileError("x.csv", hint="tidak ada")

    @app.command()
    def lain() -> None:
        pass

    result = CliRunner().invoke(app, ["baca"])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert result.stderr.startswith("Error: berkas 'x.csv' tidak bisa dibuka: tidak ada")


def test_help_screens_use_indonesian_framework_words(run):
    shown = run.ok("permohonan", "catat", "--help").stdout
    assert "Opsi" in shown and "Tampilkan bantuan" in shown
    assert "[bawaan: perorangan]" in shown
    # (a [section] in a help text is not taken as markup)
    assert "[penomoran].surat" in run.ok("permohonan", "putuskan", "--help").stdout
    # the built-in receipt prints no letter number: catat says when --nomor-surat applies
    words = " ".join(shown.replace("│", " ").split())
    assert "hanya bila templat kantor mencetak {{ nomor_surat }}" in words
    assert "Options" not in shown and "Show this message" not in shown and "[default" not in shown
    assert "--nama" in shown and "TEKS" in shown and "<str>" not in shown and "<bool>" not in shown
    assert "FOLDER" in run.ok("--help").stdout  # -C takes a folder
    assert re.search(r"(^|\s)-h\b", shown)  # the short help option survives ("--help" has "-h")
    # a group without its command shows its help: a usage error, on stderr (stdout is data)
    for args in (["permohonan"], ["-C", ".", "kalender"]):
        groups = run(*args)
        assert groups.exit_code == 2 and groups.stdout == "", args
        assert "Perintah" in groups.stderr and "Pemakaian:" in groups.stderr, args
    assert "catat" in run("permohonan").stderr and run.ok("--version").stderr == ""
    lihat = run.ok("permohonan", "lihat", "-h").stdout
    assert "Argumen" in lihat and "TEKS" in lihat and "<str>" not in lihat
    assert "Pemakaian:" in lihat and "Usage" not in lihat
    assert "lihat [OPSI] NOMOR" in lihat  # named as the error names it ("argumen NOMOR"), no braces


def test_help_prose_flows_to_the_terminal_width(run, monkeypatch):
    """A docstring's later paragraphs are wrapped by Rich, not cut at the source's line breaks
    (Typer's rich mode kept them: "… dan" then "ikut" alone on a line at 80 columns)."""
    monkeypatch.setenv("COLUMNS", "80")
    for command in ("hitung", "libur"):
        prose = run.ok("kalender", command, "--help").stdout.split("╭")[0]
        for paragraph in re.split(r"\n\s*\n", prose):
            lines = paragraph.strip().splitlines()
            for line in lines[:-1]:  # every line of a paragraph but its last is full
                assert len(line.strip()) > 60, (command, line)


def test_no_help_screen_cuts_a_word_at_80_columns(run, monkeypatch):
    """Rich squeezes a table too wide for the terminal: impor's "<permohonan|keberatan>" beside
    its long option names cut "--lewati-baris-bermasalah" to "--lewati-baris-bermas…"."""
    import typer.main

    monkeypatch.setenv("COLUMNS", "80")
    from ppidctl.cli.main import app

    stack = [((), typer.main.get_command(app))]
    while stack:
        path, cmd = stack.pop()
        shown = run.ok(*path, "--help").stdout
        assert "…" not in shown, (path, shown)
        stack.extend(((*path, n), sub) for n, sub in getattr(cmd, "commands", {}).items())


def test_a_loosely_typed_number_matching_two_rows_is_not_guessed(tmp_path):
    from ppidctl.errors import NotFoundError
    from ppidctl.services.common import find
    from ppidctl.store.table import empty_table

    table = empty_table("permohonan", tmp_path / "p.csv")
    for nomor in ("7/PPID/2025", "7/ppid/2025"):  # hand-typed legacy numbers
        table.append({"nomor_registrasi": nomor, "tanggal_diterima": "2025-01-02"})
    today = __import__("datetime").date(2026, 11, 22)
    assert find(table, "7/ppid/2025", today) == 1  # exact wins
    with pytest.raises(NotFoundError, match="cocok dengan lebih dari satu nomor"):
        find(table, "7-PPID-2025", today)


def test_a_line_break_typed_in_a_field_stays_in_its_cell_in_csv_output(run, ws):
    """--format csv (scripts read it) and the register book export quote a lone \\r or \\n on
    every Python (csv.writer before 3.11.9 left \\r unquoted with \\n line ends)."""
    import csv
    import io

    args = [
        a if a != "Salinan DPT Kelurahan Mataram" else "Salinan DPT\rKelurahan" for a in REQUEST
    ]
    run.ok("permohonan", "catat", *args, "--tanggal", "2026-03-16", "--tanpa-surat")
    out = run.ok("permohonan", "daftar", "--format", "csv").stdout
    (row,) = csv.DictReader(io.StringIO(out, newline=""))
    assert row["informasi_diminta"] == "Salinan DPT\rKelurahan"
    book = ws.root / "buku.csv"
    run.ok("ekspor", "--register", "permohonan", "--format", "csv", "--keluaran", str(book))
    (row,) = csv.DictReader(io.StringIO(book.read_bytes().decode("utf-8-sig"), newline=""))
    assert row["informasi_diminta"] == "Salinan DPT\rKelurahan"


@pytest.mark.parametrize(
    "legacy, seq",
    [
        ("003/PPID/V/2019", 3),  # a leading number
        ("2026/PPID/015", 15),  # a year leads: the last number
        ("PPID/5271/001/2026", 1),  # not the office code
        ("PPID-2019-001", 1),
        ("No. 12/PPID/5271/V/2020", 12),  # not the office code after it
        ("5271/PPID/12/2024", 12),
        ("KEB/07/PPID/03/2024", 7),  # the sequence before the month
        ("12/PPID/05/2024", 12),
        ("B-12/PPID/01/2024", 12),
        ("R-045/PP.02/III/2021", 45),
        ("²/PPID/001/2024", 1),  # (a superscript digit once raised a traceback)
        ("001/PPID/5271/I/2026", 1),  # the office's own pattern
        ("2026", None),
    ],
)
def test_nomor_urut_nomor_lama(legacy, seq):
    from ppidctl.rules.numbering import sequence_of

    assert sequence_of(legacy, "{urut:03d}/PPID/{kode}/{bulan_romawi}/{tahun}") == seq


def test_a_step_dated_on_a_day_off_is_warned_about(run, ws, today):
    """A step dated (--tanggal, or today) on a day that is not a working day is recorded with a
    warning naming the day and why: a letter dated on a holiday is most often a typo."""
    today("2026-08-29")  # a Saturday
    out = run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-08-25").stderr
    assert "Peringatan: 2026-08-25 adalah hari libur: Maulid Nabi Muhammad" in out
    assert (
        "hari libur" not in run.ok("permohonan", "teruskan", "1", "--tanggal", "2026-08-26").stderr
    )
    out = run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan").stderr  # today
    assert out.count("2026-08-29 adalah hari libur: Sabtu") == 1
    today("2026-09-01")
    run.ok("kalender", "tambah", "2026-08-31", "--keterangan", "Hari jadi Kota Mataram")
    out = run.ok("permohonan", "selesai", "1", "--tanggal", "2026-08-31").stderr
    assert "2026-08-31 adalah hari libur: Hari jadi Kota Mataram" in out


def test_lists_fit_an_80_column_screen_and_piped_output_takes_columns(run, monkeypatch):
    """At 80 columns (a default terminal) `daftar` and `jatuh-tempo` show a table — the
    columns that do not fit left out and named — rather than a block per case; piped output
    takes $COLUMNS when it is set (else 120)."""
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-11-16", "--tanpa-surat")
    monkeypatch.setenv("COLUMNS", "80")
    listed = run.ok("permohonan", "daftar")
    assert "┃ Nomor" in listed.stdout and max(map(len, listed.stdout.splitlines())) <= 80
    assert "tidak muat dalam lebar layar 80 karakter" in listed.stderr
    # lateness stays (without colour nothing else marks it), the request's text gives way
    assert "Terlambat" in listed.stdout and "Informasi" not in listed.stdout
    due = run.ok("jatuh-tempo")
    assert "┃ Nomor" in due.stdout and max(map(len, due.stdout.splitlines())) <= 80
    monkeypatch.setenv("COLUMNS", "200")
    wide = run.ok("permohonan", "daftar")
    assert "Terlambat" in wide.stdout and wide.stderr == ""


def test_lists_show_brackets_as_typed(run, monkeypatch):
    """Text from a web form with square brackets was read as Rich markup: "[/]" crashed
    `daftar`, `lihat` and `jatuh-tempo` with a traceback for the whole register, and
    "[lampiran]" vanished from the screen. Values are shown as stored, in every layout."""
    args = dict(zip(REQUEST[::2], REQUEST[1::2], strict=True))
    args |= {"--nama": "Uji [/] Kurung", "--informasi": "Salinan SK [lampiran] [b]"}
    run.ok("permohonan", "catat", *(x for kv in args.items() for x in kv), "--tanggal",
           "2026-11-16", "--tanpa-surat")  # fmt: skip
    for columns in ("200", "50"):  # (a table; records one under the other)
        monkeypatch.setenv("COLUMNS", columns)
        for cmd in (["permohonan", "daftar"], ["permohonan", "lihat", "1"], ["jatuh-tempo"]):
            shown = " ".join(run.ok(*cmd).stdout.replace("│", " ").split())
            assert "Uji [/] Kurung" in shown, (cmd, columns, shown)
        shown = " ".join(run.ok("permohonan", "lihat", "1").stdout.split())
        assert "Salinan SK [lampiran] [b]" in shown


def test_a_form_needs_a_screen(monkeypatch):
    """stdin at a terminal but stdout and stderr both redirected (> out.json 2> log): no form
    (the officer would face a blank screen); one of them a terminal: a form."""
    import io
    import sys

    from ppidctl.cli.formulir import interactive

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Tty())
    for out, err, expected in ((io.StringIO(), io.StringIO(), False), (Tty(), io.StringIO(), True),
                               (io.StringIO(), Tty(), True)):  # fmt: skip
        monkeypatch.setattr(sys, "stdout", out)
        monkeypatch.setattr(sys, "stderr", err)
        assert interactive() is expected


def test_a_sequence_alone_is_found_in_a_register_whose_dates_excel_rewrote(run, ws):
    # `lihat 3` with dates saved by Excel as 16/3/2026: "nomor urut 3 tidak ada … tahun 2026",
    # offering 003/…/2026 itself (review pulih L2); the year its number states is used
    for nama in ("Ani", "Budi", "Citra"):
        run.ok("permohonan", "catat", *REQUEST, "--nama", nama, "--tanggal", "2026-03-16",
               "--tanpa-surat")  # fmt: skip
    path = ws.register_path("permohonan")
    path.write_bytes(path.read_bytes().replace(b",2026-03-16,", b",16/3/2026,"))
    shown = run("permohonan", "lihat", "3", "--format", "json")
    assert json.loads(shown.stdout)["data"]["nomor_registrasi"] == "003/PPID/5271/III/2026"


def test_a_fee_notified_without_its_breakdown_payment_or_time_is_warned(run):
    # the requester got a sum with no way to pay it (review aturan L1; Pasal 22(7) huruf g)
    catat(run, "--tanpa-surat")
    catat(run, "--nama", "Siti", "--tanpa-surat")
    said = run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--biaya", "15000",
                  "--tanggal", "2026-03-17", "--tanpa-surat").stderr  # fmt: skip
    assert (
        "pemberitahuan dengan biaya tanpa rincian biaya (--rincian-biaya), cara pembayaran "
        "(--cara-pembayaran), waktu penyediaan (--waktu-penyediaan)"
    ) in " ".join(said.split())
    said = run.ok("permohonan", "putuskan", "2", "--keputusan", "diberikan", "--biaya", "15000",
                  "--rincian-biaya", "Penggandaan=15000", "--cara-pembayaran", "tunai",
                  "--waktu-penyediaan", "3 hari kerja", "--tanggal", "2026-03-17",
                  "--tanpa-surat").stderr  # fmt: skip
    assert "pemberitahuan dengan biaya" not in said


def test_the_requesters_waiting_is_left_out_of_the_service_time(run):
    # rules.md §7: the time to deliver counted the days the office waited for the fee and for
    # the requester to collect — 11 working days for an office ready in 4 (review aturan L2)
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-11-02", "--tanpa-surat")
    run.ok("permohonan", "catat", *REQUEST, "--nama", "Siti", "--tanggal", "2026-11-02",
           "--tanpa-surat")  # fmt: skip
    run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--biaya", "15000",
           "--tanggal", "2026-11-05", "--tanpa-surat")  # fmt: skip
    run.ok("permohonan", "putuskan", "2", "--keputusan", "diberikan", "--tanggal", "2026-11-05",
           "--tanpa-surat")  # fmt: skip
    run.refused("permohonan", "selesai", "1", "--dibayar", "2026-11-04", "--tanggal", "2026-11-20",
                message="--dibayar 2026-11-04 tidak di antara pemberitahuan tertulis "
                "(2026-11-05) dan penyerahan (2026-11-20)")  # fmt: skip
    run.refused("permohonan", "selesai", "2", "--dibayar", "2026-11-06", "--tanggal", "2026-11-20",
                message="--dibayar hanya untuk informasi yang dikenai biaya")  # fmt: skip
    run.usage("permohonan", "selesai", "1", "--siap", "17-11-2026",
              message="--siap '17-11-2026' bukan tanggal")  # fmt: skip
    run.ok("permohonan", "catat", *REQUEST, "--nama", "Rudi", "--tanggal", "2026-11-02",
           "--tanpa-surat")  # fmt: skip
    run.ok("permohonan", "putuskan", "3", "--keputusan", "ditolak", "--pasal", "17 huruf h",
           "--sk-pengecualian", "SK 1", "--uji-konsekuensi", UJI, "--tanggal", "2026-11-05",
           "--tanpa-surat")  # fmt: skip
    run.refused("permohonan", "selesai", "3", "--siap", "2026-11-06",  # (the reason: 32c N2)
                message="permohonan 003/PPID/5271/XI/2026 sudah selesai pada 2026-11-05")  # fmt: skip
    # 1: office 2 Nov → notification 5 Nov (3 HK), paid 16 Nov, ready 17 Nov (1 HK), collected
    # 20 Nov; 2: nothing recorded, 2 Nov → 20 Nov whole (14 HK)
    run.ok("permohonan", "selesai", "1", "--dibayar", "2026-11-16", "--siap", "2026-11-17",
           "--tanggal", "2026-11-20", "--tanpa-surat")  # fmt: skip
    run.ok("permohonan", "selesai", "2", "--tanggal", "2026-11-20", "--tanpa-surat")
    lap = json.loads(run.ok("laporan", "bulanan", "--bulan", "2026-11", "--format", "json").stdout)
    (row,) = [r for r in lap["tabel"]["waktu"]["baris"] if r["kunci"] == "penyerahan"]
    assert (row["jumlah"], row["median"], row["maksimum"]) == (2, 9.0, 14)
    # said in the report's words, not ppidctl's options: it goes to the Komisi (sesi32c L3)
    assert "menunggu pemohon" in lap["tabel"]["waktu"]["catatan"]
    assert "--" not in lap["tabel"]["waktu"]["catatan"]
    assert run.ok("periksa").exit_code == 0


def test_a_form_filled_in_by_the_desk_says_so_on_the_receipt(run, ws):
    # SOP Pelayanan langkah 1, Ket. ("diisikan staf"): a request by telephone carried a
    # signature line for a requester who was never at the desk, and no trace (review aturan L3)
    from docx import Document

    from helpers_docx import docx_text

    run.ok("permohonan", "catat", *REQUEST, "--saluran", "telepon", "--tanggal", "2026-03-16")
    run.ok("permohonan", "catat", *REQUEST, "--nama", "Siti", "--diisi-petugas",
           "--tanggal", "2026-03-16")  # fmt: skip
    run.ok("permohonan", "catat", *REQUEST, "--nama", "Ani", "--tanggal", "2026-03-16")
    said = [
        [line for line in docx_text(p).splitlines() if "diisi oleh petugas" in line]
        for p in sorted(ws.letters_dir.rglob("*tanda-terima.docx"))
    ]
    assert said == [
        ["Formulir ini diisi oleh petugas berdasarkan permohonan melalui telepon."],
        ["Formulir ini diisi oleh petugas atas permintaan pemohon."],
        [],
    ]
    assert [r["diisi_petugas"] for r in ws.read("permohonan").rows] == ["ya", "ya", "tidak"]
    # a telephone request's row imported or edited without the flag still says so (32c L5)
    path = ws.register_path("permohonan")
    from ppidctl.store.table import read_table
    from ppidctl.store.transaction import write_atomic

    table = read_table("permohonan", path)
    table.update(0, {"diisi_petugas": ""})
    write_atomic(path, table.to_bytes(), 0o640)
    run.ok("periksa", "--terima-perubahan", "--catatan", "kolom baru dikosongkan")
    (again,) = json.loads(run.ok("surat", "buat", "tanda-terima", "1", "--format", "json").stdout)[
        "berkas"
    ]
    assert "Formulir ini diisi oleh petugas berdasarkan permohonan melalui telepon." in (
        docx_text(again)
    )
    # an office copy edited before this (no such line) is told short only where it matters
    doc = Document()
    doc.add_paragraph("Pendaftaran {{ nomor_registrasi }} {{ nama_pemohon }}")
    doc.save(ws.templates_dir / "tanda-terima.docx")
    quiet = run.ok("permohonan", "catat", *REQUEST, "--nama", "Rudi", "--tanggal", "2026-03-17")
    assert "diisi_petugas" not in quiet.stderr
    told = run.ok("permohonan", "catat", *REQUEST, "--nama", "Tono", "--saluran", "telepon",
                  "--tanggal", "2026-03-17")  # fmt: skip
    assert "diisi_petugas" in told.stderr


def test_a_wait_after_a_notification_on_a_day_off_starts_on_its_working_day(run, ws):
    # the notification on a Saturday counts on Monday; the wait was counted from the Saturday,
    # so the delivery came out shorter than the notification (review sesi32c M1)
    from ppidctl.reports.summary import load_office

    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-11-02", "--tanpa-surat")
    run.ok("permohonan", "putuskan", "1", "--keputusan", "diberikan", "--biaya", "15000",
           "--tanggal", "2026-11-07", "--tanpa-surat")  # fmt: skip
    run.ok("permohonan", "selesai", "1", "--dibayar", "2026-11-10", "--siap", "2026-11-10",
           "--tanggal", "2026-11-12", "--tanpa-surat")  # fmt: skip
    (row,) = load_office(ws).permohonan.to_dict("records")
    # notification: 3-6, 9 Nov (5); paid Tue 10 (the wait: 1); ready that day → 5, not 4
    assert (row["hk_pemberitahuan"], row["hk_penyerahan"]) == (5, 5)
    # the per-request sheet shows the dates it left out (sesi32c L4)
    from ppidctl.reports.xlsx import DETAIL

    assert {"dibayar_pada", "siap_pada"} <= {k for k, _ in DETAIL["permohonan"]}
    # waiting dates on a request with no fee, or not yet handed over, are told (sesi32c L1)
    from ppidctl.integrity.rows import step_problems

    assert step_problems("permohonan", {**row_of(ws), "biaya": "0"}) == [
        "dibayar_pada terisi tetapi permohonan tidak dikenai biaya"
    ]
    assert "dibayar_pada/siap_pada terisi tetapi informasi belum diserahkan" in step_problems(
        "permohonan", {**row_of(ws), "status": "diputuskan", "tanggal_selesai": ""}
    )


def row_of(ws) -> dict:
    (r,) = ws.read("permohonan").rows
    return dict(r)
