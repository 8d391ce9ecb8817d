"""``ppidctl permohonan …``: the request register."""

import json
from pathlib import Path
from typing import Annotated

import typer

from .common import (
    CONTEXT_HELP,
    KASUS,
    Bulan,
    Cari,
    Dalam,
    Dari,
    Fmt,
    FmtList,
    Format,
    FormatRekaman,
    Nomor,
    NomorSurat,
    NomorSuratCatat,
    Pdf,
    Petugas,
    Sampai,
    Status,
    Tanggal,
    TanpaSurat,
    Terlambat,
    echo,
    emit,
    filters,
    guard,
    letter_options,
    local_time,
    not_blank,
    pdf_after,
    show_record,
    warnings,
    workspace,
)
from .formulir import Formulir, ask

app = typer.Typer(
    help="Register permohonan informasi publik.",
    no_args_is_help=True,
    context_settings=CONTEXT_HELP,
)


NOMOR_SURAT = "Nomor surat"


def _print_result(
    result, fmt: FormatRekaman, lines: list[tuple[str, str]], pdf: bool = False
) -> None:
    from ..services.letters import letter_numbers

    warnings(result.peringatan)
    numbers = letter_numbers(workspace(), result.berkas) if result.berkas else {}
    if pdf and result.berkas:
        result.berkas += pdf_after(workspace(), result.berkas)
    if fmt is FormatRekaman.json:
        typer.echo(
            # (the warnings too: a script tells "same as 003 recorded at 09:00" without
            # parsing stderr)
            json.dumps(
                {
                    **result.row,
                    "berkas": result.berkas,
                    "nomor_surat": numbers,
                    "peringatan": result.peringatan,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    told = {value for label, value in lines if label == NOMOR_SURAT}
    shown = [(NOMOR_SURAT, "")] if set(numbers.values()) - told else []
    width = max(len(label) for label, _ in lines + [("Surat", ""), *shown])
    for label, value in lines:
        echo(f"{label:<{width}} : {value}")
    for path in result.berkas:
        if path in numbers and numbers[path] not in told:  # (the number given: agenda L1)
            echo(f"{NOMOR_SURAT:<{width}} : {numbers[path]}")
        echo(f"{'Surat':<{width}} : {path}")


@app.command()
@guard
def catat(
    ctx: typer.Context,
    nama: Annotated[str | None, typer.Option(help="Nama pemohon.")] = None,
    jenis_pemohon: Annotated[
        str, typer.Option(help="perorangan | badan-hukum | kelompok")
    ] = "perorangan",
    nik: Annotated[str | None, typer.Option(help="NIK (16 angka).")] = None,
    nomor_identitas: Annotated[str | None, typer.Option(help="Nomor identitas selain KTP.")] = None,
    jenis_identitas: Annotated[str, typer.Option(help="ktp | paspor | lainnya")] = "ktp",
    alamat: Annotated[str | None, typer.Option(help="Alamat pemohon.")] = None,
    pekerjaan: Annotated[str | None, typer.Option(help="Pekerjaan.")] = None,
    telepon: Annotated[str | None, typer.Option(help="Nomor telepon/HP.")] = None,
    email: Annotated[str | None, typer.Option(help="Alamat e-mail.")] = None,
    informasi: Annotated[str | None, typer.Option(help="Rincian informasi yang diminta.")] = None,
    tujuan: Annotated[str | None, typer.Option(help="Tujuan penggunaan informasi.")] = None,
    cara_memperoleh: Annotated[str, typer.Option(help="melihat | salinan")] = "salinan",
    bentuk: Annotated[str, typer.Option(help="softcopy | hardcopy")] = "softcopy",
    cara_kirim: Annotated[
        str | None, typer.Option(help="langsung | kurir | pos | faksimili | email")
    ] = None,
    saluran: Annotated[
        str, typer.Option(help="langsung | surat | email | telepon | faksimili | e-ppid | lainnya")
    ] = "langsung",
    dokumen: Annotated[
        str | None, typer.Option(help="Dokumen diterima: identitas,akta,kuasa,formulir")
    ] = None,
    kuasa: Annotated[str | None, typer.Option(help="Nama kuasa (bila diajukan kuasa).")] = None,
    tahapan: Annotated[
        str | None, typer.Option(help="Tahapan pemilu yang sedang berjalan (tenggat 3 hari kerja).")
    ] = None,
    catatan: Annotated[str | None, typer.Option(help="Catatan.")] = None,
    diisi_petugas: Annotated[
        bool,
        typer.Option(
            "--diisi-petugas",
            help="Formulir diisikan petugas (permohonan lewat telepon: selalu); tanda bukti "
            "menyebutnya.",
        ),
    ] = False,
    tanggal: Tanggal = None,
    petugas: Petugas = "",
    tanpa_surat: TanpaSurat = False,
    nomor_surat: NomorSuratCatat = None,
    pdf: Pdf = False,
    format: Fmt = FormatRekaman.teks,
) -> None:
    """Catat permohonan: nomor registrasi, tenggat, dan tanda terima."""
    letter_options(tanpa_surat, nomor_surat, pdf)
    not_blank(kuasa=kuasa, tahapan=tahapan)
    from .. import schema
    from ..rules import validation as v
    from ..services.permohonan import RequestInput, cara_kirim_bawaan, nik_of_identity, register

    ws = workspace()
    given = (nama, alamat, informasi, tujuan, telepon or email, dokumen is not None,
             nik or nomor_identitas or jenis_pemohon == "badan-hukum")  # fmt: skip
    f = Formulir(perlu=not all(given))
    f.periksa_hari(ws, tanggal, tahapan, "permohonan")
    f.periksa_dulu(
        (nik, v.nik),
        (nomor_identitas if jenis_identitas == "ktp" else None, nik_of_identity),
        (telepon, v.telepon),
        (email, v.email),
        (dokumen, lambda d: v.daftar(d, schema.DOKUMEN_PERMOHONAN, "--dokumen")),
        *(
            (value, lambda x, c=choices, o=option: v.pilihan(x, c, o))
            for value, choices, option in (
                (jenis_pemohon, schema.JENIS_PEMOHON, "--jenis-pemohon"),
                (jenis_identitas, schema.JENIS_IDENTITAS, "--jenis-identitas"),
                (cara_memperoleh, schema.CARA_MEMPEROLEH, "--cara-memperoleh"),
                (bentuk, schema.BENTUK, "--bentuk"),
                (cara_kirim, schema.CARA_KIRIM, "--cara-kirim"),
                (saluran, schema.SALURAN, "--saluran"),
            )
        ),
    )
    nama = f.teks(nama, "Nama pemohon")
    jenis_pemohon = f.pilih(ctx, "jenis_pemohon", jenis_pemohon, "Jenis pemohon",
                            schema.JENIS_PEMOHON)  # fmt: skip
    if jenis_pemohon != "badan-hukum" and not (nik or nomor_identitas):
        jenis_identitas = f.pilih(ctx, "jenis_identitas", jenis_identitas, "Jenis identitas",
                                  schema.JENIS_IDENTITAS)  # fmt: skip
    if not (nik or nomor_identitas) and f.aktif:
        if jenis_pemohon == "badan-hukum":  # (its deed is the document; a number if it has one)
            nomor_identitas = f.teks(None, "Nomor akta/pengesahan badan hukum", wajib=False)
            jenis_identitas = "lainnya" if nomor_identitas else jenis_identitas
        elif jenis_identitas == "ktp":
            nik = f.teks(None, "NIK", periksa=v.nik)
        else:
            nomor_identitas = f.teks(None, f"Nomor identitas ({jenis_identitas})")
    elif nik or nomor_identitas:  # (given: shown in the summary)
        f.teks(nik or nomor_identitas, "NIK" if nik else "Nomor identitas")
    alamat = f.teks(alamat, "Alamat")
    pekerjaan = f.teks(pekerjaan, "Pekerjaan", wajib=False)
    telepon, email = f.kontak(telepon, email)
    informasi = f.teks(informasi, "Informasi yang diminta")
    tujuan = f.teks(tujuan, "Tujuan penggunaan")
    cara_memperoleh = f.pilih(ctx, "cara_memperoleh", cara_memperoleh, "Cara memperoleh",
                              schema.CARA_MEMPEROLEH)  # fmt: skip
    if cara_memperoleh != "melihat" or ctx.get_parameter_source("bentuk").name != "DEFAULT":
        bentuk = f.pilih(ctx, "bentuk", bentuk, "Bentuk informasi", schema.BENTUK)
    if cara_kirim is None and f.aktif and cara_memperoleh != "melihat":
        bawaan = cara_kirim_bawaan(email or "", bentuk, saluran, cara_memperoleh)  # (as typed)
        cara_kirim = f.pilih(
            ctx, "cara_kirim", bawaan, "Cara mendapatkan salinan", schema.CARA_KIRIM
        )
    elif cara_kirim:
        f.diberikan(("Cara mendapatkan salinan", cara_kirim))
    saluran = f.pilih(ctx, "saluran", saluran, "Permohonan masuk lewat", schema.SALURAN)
    tahapan = f.tahapan(tahapan, ws, tanggal, "permohonan")
    dokumen = f.dokumen(dokumen, "permohonan", schema.DOKUMEN_PERMOHONAN,
                        badan_hukum=jenis_pemohon == "badan-hukum", kuasa=bool(kuasa))  # fmt: skip
    kuasa, _ = f.kuasa(kuasa, None, dokumen, perlu_alamat=False)
    f.lengkap("permohonan catat", [
        ("--nama", nama),
        ("--nik", nik or nomor_identitas or ("akta" if jenis_pemohon == "badan-hukum" else "")),
        ("--alamat", alamat), ("--telepon/--email", telepon or email),
        ("--informasi", informasi), ("--tujuan", tujuan), ("--dokumen", dokumen),
    ])  # fmt: skip
    f.diberikan(("Jenis identitas", jenis_identitas if nomor_identitas else ""),
                ("Diterima", tanggal or "sekarang"),
                ("Formulir diisi petugas",
                 "ya" if diisi_petugas or saluran == "telepon" else ""),  # (sesi32c L2)
                ("Catatan", catatan), ("Petugas", petugas))  # fmt: skip
    f.simpan("permohonan")
    data = RequestInput(
        nama=nama or "",
        jenis_pemohon=jenis_pemohon,
        nik=nik or "",
        jenis_identitas=jenis_identitas,
        nomor_identitas=nomor_identitas or "",
        alamat=alamat or "",
        pekerjaan=pekerjaan or "",
        telepon=telepon or "",
        email=email or "",
        informasi=informasi or "",
        tujuan=tujuan or "",
        cara_memperoleh=cara_memperoleh,
        bentuk=bentuk,
        cara_kirim=cara_kirim or "",
        saluran=saluran,
        dokumen=dokumen or "",
        kuasa=kuasa or "",
        tahapan=tahapan or "",
        catatan=catatan or "",
        diisi_petugas=diisi_petugas,
    )
    result = register(
        ws, data, tanggal=tanggal, petugas=petugas, surat=not tanpa_surat, nomor_surat=nomor_surat
    )
    row = result.row
    days = ws.settings.tenggat("permohonan_tahapan" if row["tahapan"] else "permohonan")
    _print_result(
        result,
        format,
        [
            ("Nomor registrasi", row["nomor_registrasi"]),
            ("Diterima", row["tanggal_diterima"]),
            ("Jatuh tempo", f"{row['jatuh_tempo']} ({days} hari kerja)"),
        ],
        pdf,
    )


@app.command()
@guard
def teruskan(
    nomor: Nomor, tanggal: Tanggal = None, petugas: Petugas = "", format: Fmt = FormatRekaman.teks
) -> None:
    """Desk Pelayanan meneruskan permohonan kepada PPID (SOP Pelayanan langkah 2)."""
    from ..services.permohonan import forward

    result = forward(workspace(), nomor, tanggal=tanggal, petugas=petugas)
    _print_result(
        result,
        format,
        [("Diteruskan", f"{result.row['nomor_registrasi']} pada {result.row['diteruskan_pada']}")],
    )


@app.command()
@guard
def perpanjang(
    nomor: Nomor,
    alasan: Annotated[str | None, typer.Option(help="Alasan perpanjangan (wajib).")] = None,
    tanggal: Tanggal = None,
    petugas: Petugas = "",
    tanpa_surat: TanpaSurat = False,
    nomor_surat: NomorSurat = None,
    pdf: Pdf = False,
    format: Fmt = FormatRekaman.teks,
) -> None:
    """Perpanjang tenggat satu kali (7 hari kerja; 2 untuk tahapan berjalan) dengan alasan."""
    letter_options(tanpa_surat, nomor_surat, pdf)
    from ..services.permohonan import extend

    result = extend(
        workspace(),
        nomor,
        alasan=ask(alasan, "Alasan perpanjangan"),
        tanggal=tanggal,
        petugas=petugas,
        surat=not tanpa_surat,
        nomor_surat=nomor_surat,
    )
    row = result.row
    _print_result(
        result,
        format,
        [("Nomor registrasi", row["nomor_registrasi"]), ("Jatuh tempo baru", row["jatuh_tempo"])],
        pdf,
    )


@app.command()
@guard
def putuskan(
    nomor: Nomor,
    keputusan: Annotated[
        str,
        typer.Option(
            help="diberikan | diberikan-sebagian | ditolak | tidak-dikuasai | belum-didokumentasikan"
        ),
    ],
    pasal: Annotated[
        str | None,
        typer.Option(
            help="Dasar pengecualian (Pasal 17 UU 14/2008): wajib untuk ditolak; untuk "
            "diberikan-sebagian, dasar bagian yang dihitamkan."
        ),
    ] = None,
    sk_pengecualian: Annotated[
        str | None,
        typer.Option(
            help="Keputusan tentang informasi yang dikecualikan: wajib untuk ditolak; untuk "
            "diberikan-sebagian, yang mengecualikan bagian yang dihitamkan."
        ),
    ] = None,
    uji_konsekuensi: Annotated[
        str | None,
        typer.Option(
            help="Ringkasan uji konsekuensi (Pasal 19 UU 14/2008): wajib untuk ditolak; untuk "
            "diberikan-sebagian, uji atas bagian yang dihitamkan."
        ),
    ] = None,
    penjelasan: Annotated[
        str | None, typer.Option(help="Penjelasan (wajib untuk diberikan-sebagian).")
    ] = None,
    badan_publik: Annotated[
        str | None, typer.Option(help="Badan publik yang menguasai informasi (tidak-dikuasai).")
    ] = None,
    biaya: Annotated[str | None, typer.Option(help="Biaya (rupiah).")] = None,
    rincian_biaya: Annotated[
        str | None,
        typer.Option(
            help="Rincian biaya (dengan --biaya): "
            "'Penggandaan 30 lbr x Rp500=15000;Pengiriman=10000'."
        ),
    ] = None,
    waktu_penyediaan: Annotated[
        str | None,
        typer.Option(help="Waktu penyediaan informasi yang diberikan, mis. '3 hari kerja'."),
    ] = None,
    cara_pembayaran: Annotated[
        str | None,
        typer.Option(help="Cara membayar biaya, mis. 'tunai di loket PPID' (dengan --biaya)."),
    ] = None,
    tanggal: Tanggal = None,
    petugas: Petugas = "",
    tanpa_surat: TanpaSurat = False,
    nomor_surat: NomorSurat = None,
    pdf: Pdf = False,
    format: Fmt = FormatRekaman.teks,
) -> None:
    """Catat keputusan PPID dan buat pemberitahuan tertulis / surat keputusan penolakan."""
    letter_options(tanpa_surat, nomor_surat, pdf)
    not_blank(biaya=biaya, badan_publik=badan_publik)
    from ..services.permohonan import Decision, decide

    d = Decision(
        keputusan,
        pasal or "",
        sk_pengecualian or "",
        uji_konsekuensi or "",
        penjelasan or "",
        badan_publik or "",
        biaya or "",
        rincian_biaya or "",
        waktu_penyediaan or "",
        cara_pembayaran or "",
    )
    result = decide(
        workspace(),
        nomor,
        d,
        tanggal=tanggal,
        petugas=petugas,
        surat=not tanpa_surat,
        nomor_surat=nomor_surat,
    )
    row = result.row
    _print_result(
        result,
        format,
        [
            ("Nomor registrasi", row["nomor_registrasi"]),
            ("Keputusan", row["keputusan"]),
            (
                "Pemberitahuan",
                row["tanggal_pemberitahuan"] + (" (TERLAMBAT)" if row["terlambat"] == "ya" else ""),
            ),
            ("Status", row["status"]),
        ],
        pdf,
    )


@app.command()
@guard
def selesai(
    nomor: Nomor,
    tanggal: Tanggal = None,
    petugas: Petugas = "",
    tanpa_surat: TanpaSurat = False,
    nomor_surat: NomorSuratCatat = None,
    pdf: Pdf = False,
    dibayar: Annotated[
        str | None,
        typer.Option(
            metavar="TANGGAL",
            help="Hari biaya dibayar pemohon: sejak pemberitahuan sampai hari itu pemohon yang "
            "ditunggu, bukan kantor (tidak dihitung dalam waktu layanan di laporan).",
        ),
    ] = None,
    siap: Annotated[
        str | None,
        typer.Option(
            metavar="TANGGAL",
            help="Hari informasi siap diambil/diserahkan: sesudahnya pemohon yang ditunggu "
            "(tidak dihitung dalam waktu layanan di laporan).",
        ),
    ] = None,
    format: Fmt = FormatRekaman.teks,
) -> None:
    """Informasi telah diserahkan; permohonan ditutup, dengan tanda terima informasi."""
    letter_options(tanpa_surat, nomor_surat, pdf)
    from ..services.permohonan import deliver

    result = deliver(
        workspace(),
        nomor,
        tanggal=tanggal,
        petugas=petugas,
        surat=not tanpa_surat,
        nomor_surat=nomor_surat,
        dibayar=dibayar,
        siap=siap,
    )
    n = result.row["nomor_registrasi"]
    said = f"{n}: {result.keterangan}" if result.keterangan else None
    _print_result(
        result,
        format,
        [("Selesai", said or f"{n} pada {result.row['tanggal_selesai']}")],
        pdf,
    )


@app.command()
@guard
def lihat(nomor: Nomor, format: Fmt = FormatRekaman.teks) -> None:
    """Satu permohonan dengan seluruh riwayatnya."""
    from ..services.queries import record

    show(record(workspace(KASUS), "permohonan", nomor), "permohonan", format)


#: how lihat names a letter of the case an accepted change or loss is about (not made then)
SURAT_DITERIMA = {
    "surat-diubah-diterima": "surat diubah, perubahannya diterima",
    "surat-hilang-diterima": "surat hilang, hilangnya diterima",
}


def show(rec: dict, register: str, format: FormatRekaman) -> None:
    from ..letters.fmt import label
    from ..schema import (
        PUTUSAN_PERINTAH_SERAH,
        PUTUSAN_SENGKETA_TEKS,
        TANGGAL,
        TENGGAT,
        columns,
    )
    from ..services.common import orders_delivery

    if format is not FormatRekaman.teks:
        typer.echo(json.dumps(rec, ensure_ascii=False, indent=2))
        return
    labels = {c.key: c.header for c in columns(register)}
    row = dict(rec["data"])
    if row.get("keputusan") == "diberikan-sebagian":  # its Pasal 17 basis excludes a part only
        labels["alasan_penolakan"] = "Dasar Pengecualian (Pasal 17)"
    if rec["tenggat"]:
        t = rec["tenggat"]
        left = t["sisa_hari_kerja"]
        if left is None:  # no date (none yet, or a date edited by hand: jenis_tenggat says)
            row["jatuh_tempo"] = f"{t['jatuh_tempo'] or '-'} ({t['jenis_tenggat']})"
        else:
            row["jatuh_tempo"] = (
                f"{t['jatuh_tempo']} — "
                + (
                    f"TERLAMBAT {-left} hari kerja"
                    if left < 0
                    else f"sisa {left} hari kerja"
                    if left
                    else "HARI INI hari terakhir"
                )
                + f" ({t['jenis_tenggat']})"
            )
        warnings(t["peringatan"])
    if row.get("waktu_diterima"):  # (the office's way: 2026-07-01 09:05 WITA)
        row["waktu_diterima"] = local_time(row["waktu_diterima"])
    if row.get("keputusan_atasan"):  # ("diterima" beside the day it was received: in words)
        row["keputusan_atasan"] = label(row["keputusan_atasan"], "keputusan_atasan")
    show_record(row, labels)
    echo("\nRiwayat:")
    dates = {c.key for c in columns(register) if c.tipe == TANGGAL} - TENGGAT
    for e in rec["riwayat"]:
        changes = ", ".join(  # (the register book's headers, as the block above: not keys)
            f"{labels.get(k, k)}: {b or '-'} → {a or '-'}"
            for k, (b, a) in e.get("perubahan", {}).items()
            if k not in ("waktu_diterima",)
        )
        # (no --petugas: the computer account, said as such — on a shared desk PC it names
        # nobody; review bukti N1)
        who = e.get("petugas") or (f"akun {e['pengguna']}" if e.get("pengguna") else "-")
        # a step's own date first (a step recorded later, dated back with --tanggal, read as if
        # everything happened on the day it was typed in), then when it was recorded; periksa,
        # pulihkan, impor, kalender take no --tanggal: when they were done
        day = ""
        if e["perintah"].startswith(("permohonan ", "keberatan ")):
            day = (e.get("nilai") or {}).get("tanggal_diterima", "") or next(
                (a for k, (_b, a) in e.get("perubahan", {}).items() if k in dates and a), ""
            )
        recorded = local_time(e["waktu"])
        if day and e.get("waktu_langkah", "")[:10] == day:  # (its time, as typed: bukti L1)
            day = local_time(e["waktu_langkah"])
        when = f"{day}  (dicatat {recorded})" if day else recorded
        echo(f"  {when}  {e['perintah']}  ({who})")
        if e.get("aksi") == "ubah" and changes:
            echo(f"      {changes}")
        if e.get("catatan"):
            echo(f"      catatan: {e['catatan']}")
        src = e.get("sumber")
        if isinstance(src, dict):  # an imported row: where it came from
            sheet = f", lembar '{src['lembar']}'" if src.get("lembar") else ""
            echo(f"      sumber: {src.get('berkas', '')}{sheet}, baris {src.get('baris', '')}")
        numbers, marks = e.get("nomor_surat") or {}, e.get("keterangan_surat") or {}
        for path in e.get("berkas", []):
            kind = SURAT_DITERIMA.get(e.get("aksi", "")) or (
                "surat" if Path(path).parts[:1] == ("letters",) else "berkas"
            )
            said = [f"nomor {numbers[path]}"] if path in numbers else []
            said += [marks[path]] if path in marks else []  # ("batal: …": agenda M1)
            echo(f"      {kind}: {path}" + (f" ({'; '.join(said)})" if said else ""))
    for k in rec.get("keberatan", []):
        echo(
            f"Keberatan: {k['nomor_registrasi']} ({k['tanggal_diterima']}, alasan {k['alasan']}, "
            f"status {k['status']})"
            + (
                f": {label(k['keputusan_atasan'], 'keputusan_atasan').lower()}"
                if k["keputusan_atasan"]
                else ""
            )  # fmt: skip
            # ("Keberatan diterima (dikabulkan)": not "diterima" beside the day it was received)
        )
        if k["keputusan_atasan"] == "diterima":
            when = k["tanggal_tanggapan"]  # (an old book's may have none)
            echo(
                "  KEBERATAN DIKABULKAN oleh Atasan PPID"
                + (f" pada {when}" if when else " (tanggal tidak tercatat)")
                + (f" (surat {k['nomor_surat_tanggapan']})" if k["nomor_surat_tanggapan"] else "")
                + (": informasi wajib diberikan" if orders_delivery(k) else "")
            )
        if k.get("putusan_sengketa"):  # (the dispute's end: a ruling may order it given too)
            echo(
                f"  SENGKETA DIPUTUS Komisi Informasi pada {k['tanggal_putusan_sengketa'] or '-'}"
                + (f" (nomor {k['nomor_sengketa']})" if k.get("nomor_sengketa") else "")
                + f": {PUTUSAN_SENGKETA_TEKS.get(k['putusan_sengketa'], k['putusan_sengketa'])}"
                + (
                    "; informasi wajib diberikan"
                    if k["putusan_sengketa"] in PUTUSAN_PERINTAH_SERAH and orders_delivery(k)
                    else ""
                )
            )


@app.command()
@guard
def daftar(
    status: Status = None,
    dari: Dari = None,
    sampai: Sampai = None,
    bulan: Bulan = None,
    cari: Cari = None,
    terlambat: Terlambat = False,
    dalam: Dalam = None,
    format: FmtList = Format.teks,
) -> None:
    """Daftar permohonan, dengan saringan."""
    from ..services.queries import listing, listing_keys

    peringatan: dict[str, None] = {}
    rows = listing(
        workspace(KASUS),
        "permohonan",
        filters(status, dari, sampai, bulan, cari, terlambat, dalam),
        peringatan=peringatan,
    )
    warnings(list(peringatan))
    emit(
        rows,
        format,
        [
            ("nomor_registrasi", "Nomor"),
            ("tanggal_diterima", "Diterima"),
            ("nama_pemohon", "Pemohon"),
            ("informasi_diminta", "Informasi"),
            ("status", "Status"),
            ("keputusan", "Keputusan"),
            ("jatuh_tempo", "Jatuh tempo"),
            ("terlambat", "Terlambat"),
        ],
        styles=lambda r: "red" if r["terlambat"] == "ya" else "",
        csv_keys=listing_keys("permohonan"),
        # (Terlambat before Informasi: without colour, a late request is marked by it alone
        # — review konsol L6)
        spare=("keputusan", "tanggal_diterima", "informasi_diminta", "terlambat"),
    )
