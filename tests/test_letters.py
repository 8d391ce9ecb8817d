"""Letters: formatting filters, the built-in templates (golden text), strict rendering, PDF."""

from __future__ import annotations

import copy
import difflib
import io
import re
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import pytest

from ppidctl import schema
from ppidctl.errors import PpidError, TemplateError
from ppidctl.letters import fmt
from ppidctl.letters.engine import (
    ALASAN_TEKS,
    BUILTIN_DIR,
    KIND_FOR_DECISION,
    KINDS,
    check_template,
    find_template,
    known_variables,
    letter_variables,
    render,
    render_letter,
    template_variables,
)

from helpers_docx import docx_text

GOLDEN = Path(__file__).parent / "golden" / "letters"
RAW_TAG = re.compile(r"\{\{|\{%|%\}|\}\}")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")

# --------------------------------------------------------------------------------------------
# A realistic office and its rows

INSTANSI = {
    "nama": "Komisi Pemilihan Umum Kota Mataram",
    "nama_singkat": "KPU Kota Mataram",
    "kode_satker": "5271",
    "alamat": "Jl. Bung Karno No. 4, Pagesangan, Mataram, Nusa Tenggara Barat 83127",
    "kota": "Mataram",
    "telepon": "(0370) 631234",
    "email": "ppid@kota-mataram.kpu.go.id",
    "laman": "kota-mataram.kpu.go.id",
    "logo": "",
}
PPID = {
    "nama": "Lalu Ahmad Fauzi, S.H.",
    "nip": "198003152005011002",
    "jabatan": "Sekretaris KPU Kota Mataram selaku PPID",
}
ATASAN = {"nama": "Baiq Sri Wahyuni, S.Sos.", "nip": "", "jabatan": "Ketua KPU Kota Mataram"}
INFORMASI = (
    "Salinan Keputusan KPU Kota Mataram tentang penetapan daftar pemilih tetap Pemilihan 2024 "
    "beserta rekapitulasinya per kecamatan"
)
SK = "Keputusan KPU Kota Mataram Nomor 12 Tahun 2025 tentang Penetapan Informasi yang Dikecualikan"


def permohonan_row(**kw) -> dict[str, str]:
    row = dict.fromkeys(schema.keys("permohonan"), "")
    row.update(
        nomor_registrasi="007/PPID/5271/IV/2026",
        tanggal_diterima="2026-04-07",
        waktu_diterima="2026-04-07T09:15:00+08:00",
        saluran="langsung",
        jenis_pemohon="badan-hukum",
        nama_pemohon="PT Maju & Jaya",
        jenis_identitas="lainnya",
        nik="5271010101800001",
        alamat="Jl. Pejanggik No. 12, Cakranegara, Mataram",
        pekerjaan="Konsultan survei",
        telepon="081234567890",
        email="info@majujaya.co.id",
        informasi_diminta=INFORMASI,
        tujuan_penggunaan="Bahan kajian partisipasi pemilih {{ 7*7 }}",
        cara_memperoleh="salinan",
        bentuk_informasi="softcopy",
        cara_kirim="email",
        dokumen="identitas;akta",
        status="terdaftar",
        jatuh_tempo="2026-04-21",
        petugas="Ni Made Ayu Lestari",
    )
    row.update(kw)
    return row


def keberatan_row(**kw) -> dict[str, str]:
    row = dict.fromkeys(schema.keys("keberatan"), "")
    row.update(
        nomor_registrasi="002/KEB/5271/V/2026",
        tanggal_diterima="2026-05-04",
        saluran="langsung",
        nomor_permohonan="007/PPID/5271/IV/2026",
        nama_pemohon="PT Maju & Jaya",
        nik="5271010101800001",
        alamat="Jl. Pejanggik No. 12, Cakranegara, Mataram",
        telepon="081234567890",
        email="info@majujaya.co.id",
        kuasa_nama="Made Wirawan, S.H.",
        kuasa_alamat="Jl. Udayana No. 5, Mataram",
        informasi_diminta=INFORMASI,
        tujuan_penggunaan="Bahan kajian partisipasi pemilih",
        alasan="a;f",
        kasus_posisi=(
            "Permohonan informasi ditolak dengan alasan informasi dikecualikan, padahal daftar "
            "pemilih tetap telah diumumkan. Biaya yang diminta {{ 7*7 }} juga tidak wajar."
        ),
        alasan_ditemukan="2026-04-20",
        dokumen="formulir;identitas;kuasa",
        status="terdaftar",
        jatuh_tempo="2026-06-16",
        petugas="Ni Made Ayu Lestari",
    )
    row.update(kw)
    return row


def base(row: dict[str, str], **kw) -> dict:
    ctx = {
        **row,
        "instansi": dict(INSTANSI),
        "ppid": dict(PPID),
        "atasan_ppid": dict(ATASAN),
        "tanggal_surat": "2026-04-07",
        "nomor_surat": "",
        "dasar_penyerahan": "",  # (request letters: given on the PPID's own decision)
        "dasar_putusan": "",  # (request letters: no Komisi Informasi ruling ordered it)
        "petugas_penyerahan": "",  # (request letters: who recorded the handover)
    }
    ctx.update(kw)
    return ctx


def contexts() -> dict[str, dict]:
    ditolak = permohonan_row(status="diputuskan", keputusan="ditolak", sk_pengecualian=SK)
    return {
        "tanda-terima": base(permohonan_row()),
        "pemberitahuan": base(
            permohonan_row(
                status="diputuskan",
                keputusan="diberikan-sebagian",
                penjelasan=(
                    "Nomor induk kependudukan dan tanggal lahir pemilih dihitamkan (data pribadi)"
                ),
                alasan_penolakan="Pasal 17 huruf h angka 2",
                biaya="25000",
                tanggal_pemberitahuan="2026-04-17",
                bentuk_informasi="hardcopy",
                cara_kirim="pos",
            ),
            tanggal_surat="2026-04-17",
            nomor_surat="045/PL.02.1-SD/5271/IV/2026",
            biaya_rincian=[
                {"uraian": "Penyalinan 40 lembar × Rp500", "jumlah": 20000},
                {"uraian": "Pengiriman melalui pos", "jumlah": "5000"},
            ],
        ),
        "tidak-tersedia": base(
            permohonan_row(
                status="diputuskan",
                keputusan="tidak-dikuasai",
                badan_publik_penguasa="Dinas Kependudukan dan Pencatatan Sipil Kota Mataram",
            ),
            tanggal_surat="2026-04-15",
            nomor_surat="044/PL.02.1-SD/5271/IV/2026",
        ),
        "perpanjangan": base(
            permohonan_row(
                status="diperpanjang",
                jatuh_tempo="2026-04-30",
                diperpanjang_pada="2026-04-20",
                alasan_perpanjangan=(
                    "Informasi yang diminta tersimpan di arsip inaktif dan memerlukan waktu untuk "
                    "penelusuran"
                ),
            ),
            tanggal_surat="2026-04-20",
            nomor_surat="046/PL.02.1-SD/5271/IV/2026",
        ),
        "penolakan": base(
            permohonan_row(
                status="diputuskan",
                keputusan="ditolak",
                alasan_penolakan="Pasal 17 huruf h angka 2",
                uji_konsekuensi=(
                    "Membuka data pribadi pemilih (NIK, tanggal lahir) dapat mengungkap rahasia "
                    "pribadi dan merugikan pemilih"
                ),
                sk_pengecualian=SK,
            ),
            tanggal_surat="2026-04-17",
            nomor_surat="047/PL.02.1-SD/5271/IV/2026",
        ),
        "tanda-terima-informasi": base(
            permohonan_row(
                status="selesai",
                keputusan="diberikan-sebagian",
                penjelasan="Nomor induk kependudukan pemilih dihitamkan (data pribadi)",
                biaya="25000",
                tanggal_pemberitahuan="2026-04-17",
                tanggal_selesai="2026-04-20",
                kuasa_nama="Made Wirawan, S.H.",
            ),
            tanggal_surat="2026-04-20",
        ),
        "tanda-bukti-keberatan": base(
            keberatan_row(), tanggal_surat="2026-05-04", permohonan=ditolak
        ),
        "tanggapan-keberatan": base(
            keberatan_row(
                status="pleno",
                pleno_pada="2026-06-02",
                keputusan_atasan="ditolak",
                pertimbangan=(
                    "Daftar pemilih tetap yang diumumkan tidak memuat NIK dan tanggal lahir; "
                    "salinan yang diminta memuat data pribadi yang dikecualikan."
                ),
                sk_pengecualian=SK,
                nomor_surat_tanggapan="060/PL.02.1-SD/5271/VI/2026",
                tanggal_tanggapan="2026-06-05",
            ),
            tanggal_surat="2026-06-05",
            nomor_surat="060/PL.02.1-SD/5271/VI/2026",
            permohonan=ditolak,
        ),
    }


def letter(kind: str, **changes) -> str:
    """Text of the built-in letter ``kind`` rendered with the standard context + changes."""
    ctx = contexts()[kind]
    ctx.update(changes)
    return docx_text(render(find_template(kind), ctx))


def png(width: int = 4, height: int = 4) -> bytes:
    """A tiny valid PNG (grey), without Pillow."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def make_docx(path: Path, paragraphs: list[list[str | tuple[str, str]]], header=None, footer=None):
    """A docx whose paragraphs are lists of runs; ("bold", text) makes a bold run."""
    from docx import Document

    doc = Document()
    for runs in paragraphs:
        par = doc.add_paragraph()
        for run in runs:
            if isinstance(run, tuple):
                par.add_run(run[1]).bold = True
            else:
                par.add_run(run)
    if header:
        doc.sections[0].header.paragraphs[0].text = header
    if footer:
        doc.sections[0].footer.paragraphs[0].text = footer
    doc.save(path)
    return path


# --------------------------------------------------------------------------------------------
# fmt.py


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "nol"),
        (1, "satu"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (19, "sembilan belas"),
        (20, "dua puluh"),
        (30, "tiga puluh"),
        (99, "sembilan puluh sembilan"),
        (100, "seratus"),
        (101, "seratus satu"),
        (111, "seratus sebelas"),
        (200, "dua ratus"),
        (1000, "seribu"),
        (1001, "seribu satu"),
        (1500, "seribu lima ratus"),
        (2000, "dua ribu"),
        (11_000, "sebelas ribu"),
        (21_000, "dua puluh satu ribu"),
        (25_000, "dua puluh lima ribu"),
        (100_000, "seratus ribu"),
        (101_000, "seratus satu ribu"),
        (1_000_000, "satu juta"),
        (1_250_000, "satu juta dua ratus lima puluh ribu"),
        (2_001_001, "dua juta seribu satu"),
        (1_000_000_000, "satu miliar"),
        (3_000_000_000_000, "tiga triliun"),
        ("25000", "dua puluh lima ribu"),
        (-5, "minus lima"),
        ("", ""),
    ],
)
def test_terbilang(n, words):
    assert fmt.terbilang(n) == words


def test_terbilang_rejects_bad_input():
    for bad in ("25.000", "abc", 10**15, 1.5):
        with pytest.raises(ValueError):
            fmt.terbilang(bad)


def test_romawi():
    assert [fmt.romawi(m) for m in range(1, 13)] == (
        "I II III IV V VI VII VIII IX X XI XII".split()
    )
    assert fmt.romawi("3") == "III"
    assert fmt.romawi(2026) == "MMXXVI"
    assert fmt.romawi("") == ""
    with pytest.raises(ValueError):
        fmt.romawi(0)


BULAN = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"


@pytest.mark.parametrize(("bulan", "nama"), list(enumerate(BULAN.split(), start=1)))
def test_tanggal_panjang_every_month(bulan, nama):
    import datetime as dt

    assert fmt.tanggal_panjang(f"2026-{bulan:02d}-07") == f"7 {nama} 2026"
    assert fmt.tanggal_panjang(dt.date(2026, bulan, 17)) == f"17 {nama} 2026"


def test_jam_names_the_time_and_its_zone():
    # receipts print the time of receipt, when recorded (review bukti L1): "pukul 09.05 WITA"
    assert fmt.jam("2026-07-01T09:05+08:00") == "09.05 WITA"
    assert fmt.jam("2026-07-01T09:05+07:00") == "09.05 WIB"
    assert fmt.jam("2026-07-01") == fmt.jam("") == fmt.jam(None) == fmt.jam("pagi") == ""


def test_tanggal_panjang_other_inputs():
    import datetime as dt

    assert fmt.tanggal_panjang("") == ""
    assert fmt.tanggal_panjang(None) == ""
    assert fmt.tanggal_panjang("2026-04-07T23:30:00+08:00") == "7 April 2026"
    assert fmt.tanggal_panjang(dt.datetime(2026, 3, 10, 8, 0)) == "10 Maret 2026"
    with pytest.raises(ValueError, match="tidak sah"):
        fmt.tanggal_panjang("07/04/2026")


def test_rupiah():
    assert fmt.rupiah(25000) == "Rp25.000"
    assert fmt.rupiah("25000") == "Rp25.000"
    assert fmt.rupiah(0) == "Rp0"
    assert fmt.rupiah("0") == "Rp0"
    assert fmt.rupiah(500) == "Rp500"
    assert fmt.rupiah(1_234_567) == "Rp1.234.567"
    assert fmt.rupiah("") == ""
    with pytest.raises(ValueError):
        fmt.rupiah("25.000")


def test_label():
    assert fmt.label("hardcopy", "bentuk_informasi") == "Hardcopy (salinan tercetak)"
    assert fmt.label("identitas;kuasa", "dokumen") == "Salinan identitas, Surat kuasa"
    assert fmt.label("sesuatu", "saluran") == "sesuatu"
    assert fmt.label("", "saluran") == ""
    # every stored choice has words
    for key, pilihan in [
        ("saluran", schema.SALURAN),
        ("jenis_pemohon", schema.JENIS_PEMOHON),
        ("cara_memperoleh", schema.CARA_MEMPEROLEH),
        ("bentuk_informasi", schema.BENTUK),
        ("cara_kirim", schema.CARA_KIRIM),
        ("keputusan", schema.KEPUTUSAN_PERMOHONAN),
        ("keputusan_atasan", schema.KEPUTUSAN_ATASAN),
    ]:
        assert set(pilihan) <= set(fmt.LABEL[key]), key


def test_utuh_keeps_a_piece_of_text_on_one_line():
    assert fmt.utuh("Laman kota-mataram.kpu.go.id") == "Laman\u00a0kota\u2011mataram.kpu.go.id"
    assert fmt.utuh(None) == "" and fmt.utuh("") == ""


@pytest.mark.parametrize("kind", list(KINDS))
def test_the_letterhead_never_breaks_inside_an_address(kind):
    """Each contact on the letterhead is kept whole: the line may break between them, never at
    the hyphen of "kota-mataram.kpu.go.id" (it printed "Laman kota-" / "mataram.kpu.go.id")."""
    ctx = contexts()[kind]
    xml = zipfile.ZipFile(io.BytesIO(render(find_template(kind), ctx))).read("word/document.xml")
    xml = xml.decode("utf-8")
    for contact in ("Telepon (0370) 631234", "E-mail ppid@kota-mataram.kpu.go.id",
                    "Laman kota-mataram.kpu.go.id"):  # fmt: skip
        assert fmt.utuh(contact) in xml, contact
    # separated by commas: a line ending "… | " left the bar hanging (a comma reads as one)
    assert ", ".join(map(fmt.utuh, ("Telepon (0370) 631234", "E-mail ppid@kota"))) in xml


# --------------------------------------------------------------------------------------------
# Kinds and built-in templates


def test_kinds():
    assert list(KINDS) == [
        "tanda-terima",
        "pemberitahuan",
        "tidak-tersedia",
        "perpanjangan",
        "penolakan",
        "tanda-terima-informasi",
        "tanda-bukti-keberatan",
        "tanggapan-keberatan",
    ]
    for name, kind in KINDS.items():
        assert kind.name == name
        assert kind.register in ("permohonan", "keberatan")
        assert kind.template == f"{name}.docx"
        assert kind.title
    assert set(KIND_FOR_DECISION) == set(schema.KEPUTUSAN_PERMOHONAN)
    assert set(KIND_FOR_DECISION.values()) <= set(KINDS)
    assert sorted(ALASAN_TEKS) == list(schema.ALASAN_KEBERATAN)


@pytest.mark.parametrize("kind", list(KINDS))
def test_builtin_template_is_clean(kind):
    path = find_template(kind)
    assert path == BUILTIN_DIR / f"{kind}.docx"
    assert check_template(path) == []
    names = template_variables(path)
    assert names <= known_variables()
    # a template only uses the columns of its own register
    other = "keberatan" if KINDS[kind].register == "permohonan" else "permohonan"
    own = set(schema.keys(KINDS[kind].register))
    assert not (names & (set(schema.keys(other)) - own))


def test_builtin_templates_match_build_script():
    from ppidctl.letters.build_templates import build

    for kind in KINDS:
        built = zipfile.ZipFile(io.BytesIO(build(kind))).read("word/document.xml")
        committed = zipfile.ZipFile(BUILTIN_DIR / f"{kind}.docx").read("word/document.xml")
        assert built == committed, (
            f"{kind}.docx is stale: run python -m ppidctl.letters.build_templates"
        )
    assert build("pemberitahuan") == build("pemberitahuan")  # reproducible bytes


def test_known_variables():
    names = known_variables()
    assert set(schema.keys("permohonan")) | set(schema.keys("keberatan")) <= names
    for extra in (
        "instansi",
        "ppid",
        "atasan_ppid",
        "tanggal_surat",
        "nomor_surat",
        "jatuh_tempo",
        "logo",
        "permohonan",
        "alasan_daftar",
        "biaya_rincian",
        "lampiran",
    ):
        assert extra in names


# --------------------------------------------------------------------------------------------
# Golden letters


@pytest.mark.parametrize("kind", list(KINDS))
def test_golden_letter(kind):
    text = letter(kind)
    golden = GOLDEN / f"{kind}.txt"
    assert golden.exists(), (
        f"golden file {golden} is missing; review this text and save it there:\n{text}"
    )
    expected = golden.read_text(encoding="utf-8")
    if text != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(True), text.splitlines(True), str(golden), "rendered"
            )
        )
        pytest.fail(f"{kind} differs from its golden text:\n{diff}")
    body = text.split("\n", 1)[1]  # the letterhead aside
    assert not RAW_TAG.search(text.replace("{{ 7*7 }}", ""))
    assert not ISO_DATE.search(text), "dates must be written out (7 April 2026)"
    assert "PT Maju & Jaya" in body
    assert "KOMISI PEMILIHAN UMUM KOTA MATARAM" in text
    assert "49" not in text


def test_golden_specifics():
    terima = letter("tanda-terima")
    assert "Tanggal permohonan | : | 7 April 2026" in terima
    assert "Bahan kajian partisipasi pemilih {{ 7*7 }}" in terima
    beri = letter("pemberitahuan")
    assert "Jumlah | Rp25.000" in beri
    assert "Terbilang: Dua puluh lima ribu rupiah." in beri
    assert "1 | Penyalinan 40 lembar × Rp500 | Rp20.000" in beri
    slip = letter("tanda-bukti-keberatan")
    assert "☒ | a. | " + ALASAN_TEKS["a"] in slip
    assert "☐ | b. | " + ALASAN_TEKS["b"] in slip
    assert "Biaya yang diminta {{ 7*7 }} juga tidak wajar." in slip
    assert "16 Juni 2026" in slip


@pytest.mark.parametrize("kind", list(KINDS))
def test_values_are_data_not_template(kind):
    """Braces, Jinja syntax, XML specials and line breaks in data print as written."""
    value = "Data {{ 7*7 }} {% if x %}ya{% endif %} <b>tebal</b> & \"kutip\" 'tunggal' {#c#}"
    text = letter(kind, informasi_diminta=value, nama_pemohon="PT A & B <Tbk>")
    assert value in text
    assert "PT A & B <Tbk>" in text
    assert "49" not in text


def test_multiline_value_becomes_line_breaks():
    text = letter("perpanjangan", alasan_perpanjangan="baris satu\nbaris dua\r\nbaris tiga\x0b")
    assert "baris satu\nbaris dua\nbaris tiga" in text


def test_a_line_break_in_a_value_does_not_stretch_the_line_before_it(tmp_path):
    # a justified paragraph stretched the line before a typed line break across the page
    # ("Baris                    satu"): every letter says not to, also from an office's own
    # template without the compatibility block
    from docx import Document
    from docx.oxml.ns import qn

    def compat(data: bytes) -> list[str]:
        settings = Document(io.BytesIO(data)).settings.element
        return [c.tag.rsplit("}", 1)[1] for c in settings.find(qn("w:compat"))]

    ctx = contexts()["perpanjangan"] | {"alasan_perpanjangan": "baris satu\nbaris dua"}
    names = compat(render(find_template("perpanjangan"), ctx))
    assert names[0] == "doNotExpandShiftReturn" and names.count("doNotExpandShiftReturn") == 1
    own = tmp_path / "perpanjangan.docx"
    doc = Document(str(find_template("perpanjangan")))
    block = doc.settings.element.find(qn("w:compat"))
    block.getparent().remove(block)
    doc.save(str(own))
    assert compat(render(own, ctx)) == ["doNotExpandShiftReturn"]


def test_a_partial_grant_states_its_consequence_test():
    # stored with --uji-konsekuensi, and printed only on a full refusal's letter
    text = letter("pemberitahuan", keputusan="diberikan-sebagian", penjelasan="NIK dihitamkan",
                  alasan_penolakan="Pasal 17 huruf h", uji_konsekuensi="Membuka NIK mengungkap "
                  "data pribadi")  # fmt: skip
    assert "Ringkasan uji konsekuensi" in text and "Membuka NIK mengungkap data pribadi" in text
    assert "Ringkasan uji konsekuensi" not in letter("pemberitahuan")


def test_a_refused_objection_upholds_a_decision_only_where_one_was_made():
    # reason b (periodic information) has no request and no PPID decision to uphold
    assert "dikuatkan" in letter("tanggapan-keberatan")
    text = letter("tanggapan-keberatan", permohonan=None, alasan="b")
    assert "Keberatan Saudara ditolak." in text and "dikuatkan" not in text


def test_render_does_not_change_the_context():
    ctx = contexts()["tanggapan-keberatan"]
    before = copy.deepcopy(ctx)
    render(find_template("tanggapan-keberatan"), ctx)
    assert ctx == before


# --------------------------------------------------------------------------------------------
# Variants (Jinja conditions in the built-in templates)


def test_pemberitahuan_full_and_free():
    text = letter("pemberitahuan", keputusan="diberikan", biaya="", biaya_rincian=[])
    assert "Informasi dapat diberikan seluruhnya" in text
    assert "Informasi ini diberikan tanpa dikenakan biaya." in text
    assert "bersamaan dengan surat pemberitahuan ini" in text
    assert "Waktu penyediaan | : | 3 hari kerja" in letter(
        "pemberitahuan", waktu_penyediaan="3 hari kerja"
    )
    assert "penghitaman" not in text
    assert "Keterangan | : | Nomor induk" in text  # penjelasan shown as a plain remark
    assert "Rp" not in text


def test_pemberitahuan_default_cost_line():
    ctx = contexts()["pemberitahuan"]
    del ctx["biaya_rincian"]
    text = docx_text(render(find_template("pemberitahuan"), ctx))
    assert "1 | Biaya penyalinan dan/atau pengiriman informasi | Rp25.000" in text
    assert "Jumlah | Rp25.000" in text


def test_pemberitahuan_cost_lines_from_the_register_column():
    text = letter(
        "pemberitahuan",
        biaya_rincian=[],  # passed empty: the column is used
        rincian_biaya="Penyalinan 30 lembar × Rp500=15000;Ongkos kirim=10000",
    )
    assert "1 | Penyalinan 30 lembar × Rp500 | Rp15.000" in text
    assert "2 | Ongkos kirim | Rp10.000" in text
    assert "Jumlah | Rp25.000" in text
    with pytest.raises(TemplateError, match="tidak sama dengan biaya"):
        letter("pemberitahuan", biaya_rincian=[], rincian_biaya="Penyalinan=20000")
    with pytest.raises(TemplateError, match="rincian biaya tidak sah"):
        letter("pemberitahuan", biaya_rincian=[], rincian_biaya="Penyalinan=dua puluh ribu")


def test_pemberitahuan_cost_lines_must_add_up():
    with pytest.raises(TemplateError, match="rincian biaya"):
        letter("pemberitahuan", biaya="30000")


def test_tidak_tersedia_variants():
    text = letter("tidak-tersedia", badan_publik_penguasa="")
    assert "Kami tidak mengetahui badan publik yang menguasai informasi tersebut." in text
    text = letter("tidak-tersedia", keputusan="belum-didokumentasikan", penjelasan="Sedang disusun")
    assert "informasi tersebut belum didokumentasikan oleh Komisi Pemilihan Umum Kota Mataram." in (
        text
    )
    assert "tidak dikuasai" not in text
    assert "Keterangan: Sedang disusun" in text


def test_perpanjangan_during_election_stage():
    text = letter("perpanjangan", tahapan="Pemutakhiran Data Pemilih")
    assert "dan Peraturan Komisi Informasi Nomor 1 Tahun 2019" in text


def test_tanggapan_diterima_without_attachment():
    text = letter("tanggapan-keberatan", keputusan_atasan="diterima", pertimbangan="")
    assert "MENERIMA KEBERATAN" in text
    assert "Lampiran | : | -" in text
    assert "terlampir" not in text
    assert "Lampiran:" not in text and "Nomor 12 Tahun 2025" not in text
    assert "Pertimbangan" not in text
    assert "Komisi Informasi paling lambat 14 (empat belas) hari kerja" in text


def test_the_attachment_lines_after_the_signature_stay_together():
    """LibreOffice printed "Lampiran:" alone at the foot of page 1 and the decree's name on page
    2: the first paragraph after a table is never moved with its chain. An empty paragraph that
    keeps with the next heads the chain; every line of it keeps with the next but the last."""
    import docx

    ctx = contexts()["tanggapan-keberatan"]
    body = docx.Document(io.BytesIO(render(find_template("tanggapan-keberatan"), ctx))).element.body
    after = []
    for el in reversed(body):  # (the paragraphs after the last table, the signature's)
        if el.tag.endswith("}tbl"):
            break
        if el.tag.endswith("}p"):
            after.insert(0, docx.text.paragraph.Paragraph(el, None))
    texts = [p.text for p in after]
    assert texts[0] == "" and texts[1] == "Lampiran:" and texts[-1].startswith("PPID ")
    assert [bool(p.paragraph_format.keep_with_next) for p in after] == [True] * (len(after) - 1) + [
        False
    ]


def test_objection_reason_b_without_request():
    changes = dict(
        alasan="b",
        nomor_permohonan="",
        permohonan={},
        kuasa_nama="",
        kuasa_alamat="",
        pleno_pada="",
    )
    slip = letter("tanda-bukti-keberatan", **changes)
    assert "Nomor pendaftaran permohonan | : | -" in slip
    assert "☒ | b. | " in slip and "☒ | a. | " not in slip
    assert "(PT Maju & Jaya)" in slip
    reply = letter("tanggapan-keberatan", **changes)
    assert "atas permohonan informasi publik nomor" not in reply
    assert "b.\t" + ALASAN_TEKS["b"] + "." in reply
    assert "melalui kuasanya" not in reply


def test_unknown_objection_reason_is_refused():
    with pytest.raises(TemplateError, match="alasan keberatan tidak dikenal: x"):
        letter("tanda-bukti-keberatan", alasan="a;x")


def test_missing_office_keys_print_empty():
    instansi = {"nama": "KPU Kota Mataram", "kota": "Mataram"}
    text = letter("perpanjangan", instansi=instansi, atasan_ppid={})
    assert text.startswith("KPU KOTA MATARAM\n")
    assert "Telepon" not in text


def test_signature_without_nip_and_letter_without_number():
    text = letter("pemberitahuan", nomor_surat="", ppid=dict(PPID, nip=""))
    assert "NIP." not in text
    assert "Nomor | : | ......" in text
    assert "NIP." not in letter("tanggapan-keberatan")  # the Ketua has no NIP


@pytest.mark.parametrize("kind", ["pemberitahuan", "penolakan", "tanggapan-keberatan"])
def test_a_nip_written_as_a_dash_prints_no_nip_line(kind):
    """``nip = "-"`` (what init writes, and how offices write "none": the KPU Ketua has no NIP)
    leaves the "NIP." line out rather than printing "NIP. -"; a real NIP is still printed."""
    for nip in ("-", " - ", "–"):
        text = letter(kind, ppid=dict(PPID, nip=nip), atasan_ppid=dict(ATASAN, nip=nip))
        assert "NIP." not in text, nip
    real = "197001011995031001"
    text = letter(kind, ppid=dict(PPID, nip=real), atasan_ppid=dict(ATASAN, nip=real))
    assert f"NIP. {real}" in text


def test_a_proxy_signs_the_receipt_and_the_slip_as_kuasa_pemohon():
    """A request or objection filed by a proxy (kuasa_nama) is signed by the proxy under
    "Kuasa Pemohon,", not under the requester's title; without one, the requester signs."""

    def signatures(text: str) -> str:
        (line,) = [ln for ln in text.splitlines() if "Petugas Pelayanan" in ln]
        return line

    receipt = signatures(letter("tanda-terima", kuasa_nama="Hj. Rohani"))
    assert receipt.startswith("Kuasa Pemohon, / (Hj. Rohani) | "), receipt
    assert signatures(letter("tanda-terima")).startswith("Pemohon Informasi, / (PT Maju")
    slip = [ln for ln in letter("tanda-bukti-keberatan").splitlines() if "Petugas Pen" in ln]
    assert slip == ["Petugas Penerima Keberatan, / (Ni Made Ayu Lestari) | Kuasa Pemohon, / "
                    "(Made Wirawan, S.H.)"]  # fmt: skip
    alone = letter("tanda-bukti-keberatan", kuasa_nama="", kuasa_alamat="")
    assert "| Pengaju Keberatan, / (PT Maju & Jaya)" in alone


@pytest.mark.parametrize("kind", ["pemberitahuan", "tidak-tersedia", "perpanjangan"])
def test_a_letter_answering_a_proxy_names_the_proxy(kind):
    """The receipt and the slip named the proxy who filed; the answers did not (the Atasan's
    reply already wrote "melalui kuasanya"). The request register holds the proxy's name only:
    the letter still goes to the requester's address."""
    text = letter(kind, kuasa_nama="Hj. Rohani").splitlines()
    at = next(i for i, line in enumerate(text) if line.startswith("Yth. "))
    assert text[at + 1] == "melalui kuasanya, Hj. Rohani"
    assert "melalui kuasanya" not in letter(kind, kuasa_nama="")


def test_the_rejection_decision_names_the_proxy():
    assert "Kuasa pemohon | : | Hj. Rohani" in letter("penolakan", kuasa_nama="Hj. Rohani")
    assert "Kuasa pemohon" not in letter("penolakan", kuasa_nama="")


def test_workspace_template_with_header_and_footer(tmp_path):
    path = make_docx(
        tmp_path / "x.docx",
        [["Yth. ", ("b", "{{ nama_pemohon }}")], ["Nomor {{ nomor_registrasi }}"]],
        header="{{ instansi.nama_singkat }}",
        footer="{{ tanggal_diterima | tanggal_panjang }} / {{ 4 | romawi }}",
    )
    text = docx_text(render(path, contexts()["tanda-terima"]))
    assert text == (
        "KPU Kota Mataram\nYth. PT Maju & Jaya\nNomor 007/PPID/5271/IV/2026\n7 April 2026 / IV\n"
    )


# --------------------------------------------------------------------------------------------
# Logo


def test_logo_is_inserted(tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(png(40, 50))
    ctx = contexts()["penolakan"]
    ctx["instansi"]["logo"] = str(logo)
    data = render(find_template("penolakan"), ctx)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert any(n.startswith("word/media/") for n in z.namelist())
        assert b"<w:drawing>" in z.read("word/document.xml")


def test_missing_logo_is_refused(tmp_path):
    ctx = contexts()["tanda-terima"]
    ctx["instansi"]["logo"] = str(tmp_path / "tidak-ada.png")
    with pytest.raises(TemplateError) as e:
        render(find_template("tanda-terima"), ctx)
    assert "tanda-terima.docx" in str(e.value)
    assert "tidak-ada.png" in e.value.pesan
    assert "instansi.logo" in e.value.saran


def test_logo_that_is_not_an_image_is_refused(tmp_path):
    bad = tmp_path / "logo.png"
    bad.write_text("bukan gambar")
    ctx = contexts()["tanda-terima"]
    ctx["instansi"]["logo"] = str(bad)
    with pytest.raises(TemplateError, match="bukan gambar"):
        render(find_template("tanda-terima"), ctx)


# --------------------------------------------------------------------------------------------
# Broken templates


def test_syntax_error(tmp_path):
    path = make_docx(
        tmp_path / "rusak.docx",
        [["Nama: {{ nama_pemohon }}"], ["{% if alamat %}Alamat {{ alamat }}"], ["akhir"]],
    )
    with pytest.raises(TemplateError) as e:
        render(path, contexts()["tanda-terima"])
    msg = str(e.value)
    assert "rusak.docx" in msg
    assert "paragraf ke-2" in msg and "{% if alamat %}Alamat" in msg
    assert "endif" in msg
    (problem,) = check_template(path)
    assert "kesalahan penulisan tag" in problem and "paragraf ke-2" in problem
    assert (
        "templat berakhir sebelum blok 'if' ditutup (yang dicari: 'elif' atau 'else' atau "
        in problem
    )


def test_unclosed_block_is_shown_where_it_opens(tmp_path):
    """Jinja reports a forgotten {% endif %} where the template ends — after a later if/endif
    pair, at that pair's endif. The office is shown the if that is never closed."""
    path = make_docx(
        tmp_path / "rusak.docx",
        [
            ["{% if alamat %}Alamat {{ alamat }}"],
            ["Nama: {{ nama_pemohon }}"],
            ["{% if email %}E-mail: {{ email }}{% endif %}"],
            ["akhir"],
        ],
    )
    (problem,) = check_template(path)
    assert "paragraf ke-1: «{% if alamat %}Alamat {{ alamat }}»" in problem
    assert "templat berakhir sebelum blok 'if' ditutup" in problem
    assert "atau salah satu blok di dalamnya, belum ditutup" in problem  # (surat periksa)


def test_unknown_variable(tmp_path):
    path = make_docx(
        tmp_path / "ejaan.docx",
        [["Nama: {{ nama_pemohon }}"], ["{% if alamat %}Alamat: {{ alamatt }}{% endif %}"]],
    )
    with pytest.raises(TemplateError) as e:
        render(path, contexts()["tanda-terima"])
    assert "ejaan.docx" in str(e.value)
    assert "'alamatt'" in e.value.pesan and "paragraf ke-2" in e.value.pesan
    (problem,) = check_template(path)
    assert "'alamatt' tidak dikenal" in problem


def test_a_kind_of_letter_may_use_only_its_registers_columns(tmp_path):
    """An objection column in the request receipt would pass as "known" and then fail on every
    registration; named as a kind of letter, the template is checked against that kind."""
    rows = [["Nama: {{ nama_pemohon }}"], ["Kasus: {{ kasus_posisi }}"]]
    path = make_docx(tmp_path / "tanda-terima.docx", rows)
    (problem,) = check_template(path)
    assert "variabel 'kasus_posisi' tidak tersedia untuk surat tanda-terima" in problem
    assert "paragraf ke-2" in problem
    assert check_template(make_docx(tmp_path / "tanggapan-keberatan.docx", rows)) == []
    assert check_template(make_docx(tmp_path / "bebas.docx", rows)) == []  # no kind: any column


@pytest.mark.parametrize("kind", list(KINDS))
def test_the_check_and_the_letter_agree_on_every_name(ws, tmp_path, kind):
    """A template of a kind may use exactly the names its letter gets (one declaration): every
    one of them passes the check and renders from the context a command builds; any other known
    name fails both, so `surat periksa` never passes what the letter then refuses."""
    from datetime import date

    from ppidctl.services.letters import Letter, context

    objection = KINDS[kind].register == "keberatan"
    row = keberatan_row() if objection else permohonan_row(biaya="0")
    ctx = context(ws, Letter(kind, row, permohonan_row() if objection else None), date.today(), "")
    names = sorted(letter_variables(kind))
    path = make_docx(tmp_path / f"{kind}.docx", [[f"[{{{{ {n} }}}}]" for n in names]])
    assert check_template(path) == []
    render_letter(kind, path, ctx)
    (tmp_path / "lain").mkdir()
    for name in sorted(known_variables() - set(names)):
        other = make_docx(tmp_path / "lain" / f"{kind}.docx", [[f"{{{{ {name} }}}}"]])
        (problem,) = check_template(other)
        assert f"variabel '{name}' tidak tersedia untuk surat {kind}" in problem
        with pytest.raises(TemplateError, match=f"'{name}'"):
            render_letter(kind, other, ctx)
        with pytest.raises(TemplateError, match=f"tidak tersedia untuk surat ini: '{name}'"):
            render(other, ctx, kind=kind)  # what the check would not see: the context decides


def test_variable_in_a_branch_not_taken_is_still_refused(tmp_path):
    path = make_docx(tmp_path / "cabang.docx", [["{% if False %}{{ tidak_ada }}{% endif %}ok"]])
    with pytest.raises(TemplateError, match="'tidak_ada'"):
        render(path, contexts()["tanda-terima"])


def test_unknown_attribute(tmp_path):
    path = make_docx(tmp_path / "atribut.docx", [["Kantor: {{ instansi.namaa }}"]])
    with pytest.raises(TemplateError, match=r"'instansi\.namaa'"):
        render(path, contexts()["tanda-terima"])
    (problem,) = check_template(path)
    assert "'instansi.namaa' tidak dikenal" in problem


def test_unknown_filter(tmp_path):
    path = make_docx(tmp_path / "filter.docx", [["Biaya: {{ biaya | rupiahh }}"]])
    with pytest.raises(TemplateError, match="rupiahh"):
        render(path, contexts()["pemberitahuan"])
    assert (
        "filter 'rupiahh' tidak dikenal (yang ada: jam, label, romawi, rupiah"
        in check_template(path)[0]
    )


def test_filter_on_bad_data(tmp_path):
    path = make_docx(tmp_path / "data.docx", [["Biaya: {{ nama_pemohon | rupiah }}"]])
    with pytest.raises(TemplateError, match="bukan bilangan bulat") as e:
        render(path, contexts()["tanda-terima"])
    assert "data.docx" in str(e.value)


def test_tag_split_across_runs(tmp_path):
    """Word splits a tag into runs with different formatting: docxtpl mends it (the letter is
    right, raw tags never print) and check_template warns that formatting is lost."""
    path = make_docx(tmp_path / "pecah.docx", [["Nama: ", "{{ nama_", ("b", "pemohon }}")]])
    text = docx_text(render(path, contexts()["tanda-terima"]))
    assert text == "Nama: PT Maju & Jaya\n"
    (problem,) = check_template(path)
    assert "terpecah" in problem and "{{ nama_pemohon }}" in problem


def test_broken_tag_never_prints_raw(tmp_path):
    path = make_docx(tmp_path / "setengah.docx", [["Nama: nama_pemohon }}"]])
    with pytest.raises(TemplateError) as e:
        render(path, contexts()["tanda-terima"])
    assert "setengah.docx" in str(e.value) and "tercetak mentah" in str(e.value)
    assert "penutup tag" in check_template(path)[0]


def test_tag_across_paragraphs_is_reported(tmp_path):
    path = make_docx(tmp_path / "dua.docx", [["Nama: {{ nama_pemohon"], ["}} selesai"]])
    # docxtpl joins the paragraphs: never raw tags in the letter
    text = docx_text(render(path, contexts()["tanda-terima"]))
    assert not RAW_TAG.search(text) and "PT Maju & Jaya" in text
    problems = check_template(path)
    assert len(problems) == 2 and all("tanpa pasangan" in p for p in problems)


def test_tag_in_a_part_docxtpl_does_not_render(tmp_path):
    """docxtpl renders body, headers, footers and footnotes only: a tag in an endnote would
    print raw, so it is refused."""
    path = make_docx(tmp_path / "catatan.docx", [["Nama: {{ nama_pemohon }}"]])
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    endnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:endnotes xmlns:w="{w}">'
        '<w:endnote w:id="1"><w:p><w:r><w:t>Lihat {{ nomor_registrasi }}</w:t></w:r></w:p>'
        "</w:endnote></w:endnotes>"
    )
    rel = (
        '<Relationship Id="rIdEnd" Target="endnotes.xml" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/endnotes"/></Relationships>'
    )
    override = (
        '<Override PartName="/word/endnotes.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.endnotes+xml"/></Types>'
    )
    with zipfile.ZipFile(path) as z:
        items = {n: z.read(n) for n in z.namelist()}
    items["word/endnotes.xml"] = endnotes.encode()
    rels = items["word/_rels/document.xml.rels"].decode()
    items["word/_rels/document.xml.rels"] = rels.replace("</Relationships>", rel).encode()
    types = items["[Content_Types].xml"].decode()
    items["[Content_Types].xml"] = types.replace("</Types>", override).encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in items.items():
            z.writestr(name, data)
    with pytest.raises(TemplateError, match="catatan akhir") as e:
        render(path, contexts()["tanda-terima"])
    assert "{{ nomor_registrasi }}" in e.value.pesan
    assert any("catatan akhir" in p for p in check_template(path))


def test_corrupt_file(tmp_path):
    path = tmp_path / "tanda-terima.docx"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(TemplateError) as e:
        render(path, contexts()["tanda-terima"])
    assert str(path) in str(e.value) and ".docx" in e.value.pesan
    assert len(check_template(path)) == 1


def test_zip_that_is_not_a_word_file(tmp_path):
    path = tmp_path / "buku.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(TemplateError, match="buku.docx"):
        render(path, contexts()["tanda-terima"])


def test_missing_template_file(tmp_path):
    with pytest.raises(TemplateError, match="tidak ditemukan"):
        render(tmp_path / "tidak-ada.docx", contexts()["tanda-terima"])
    assert "tidak ditemukan" in check_template(tmp_path / "tidak-ada.docx")[0]


def test_template_errors_are_ppid_errors():
    assert issubclass(TemplateError, PpidError)


# --------------------------------------------------------------------------------------------
# find_template


def test_find_template_prefers_the_workspace_copy(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    own = make_docx(templates / "pemberitahuan.docx", [["Milik kantor: {{ nama_pemohon }}"]])
    assert find_template("pemberitahuan", templates) == own
    assert find_template("penolakan", templates) == BUILTIN_DIR / "penolakan.docx"
    assert find_template("penolakan", None) == BUILTIN_DIR / "penolakan.docx"
    assert docx_text(render(own, contexts()["pemberitahuan"])) == "Milik kantor: PT Maju & Jaya\n"


def test_find_template_unknown_kind():
    with pytest.raises(TemplateError, match="surat-cinta") as e:
        find_template("surat-cinta", None)
    assert "tanda-terima" in e.value.saran


# --------------------------------------------------------------------------------------------
# Import cost, PDF


def test_importing_the_engine_is_cheap():
    code = (
        "import sys, ppidctl.letters.engine, ppidctl.letters.pdf;"
        "heavy = {'docxtpl', 'docx', 'babel', 'jinja2', 'lxml'} & set(sys.modules);"
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_pdf_without_libreoffice(tmp_path, monkeypatch):
    from ppidctl.letters import pdf

    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    docx = tmp_path / "a.docx"
    docx.write_bytes(render(find_template("tanda-terima"), contexts()["tanda-terima"]))
    with pytest.raises(pdf.PdfError, match="LibreOffice") as e:
        pdf.to_pdf(docx, tmp_path)
    assert isinstance(e.value, PpidError)
    assert list(tmp_path.iterdir()) == [docx]


def _running(pid: int) -> bool:
    """The process exists and is not a zombie waiting for a parent to reap it (Linux)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").is_file(), reason="a shell script for soffice")
def test_a_libreoffice_that_hangs_is_stopped_with_its_children(tmp_path, monkeypatch):
    """soffice starts soffice.bin, which holds the pipes: on a timeout both are killed, the
    refusal says so, and nothing is left in the letters folder."""
    from ppidctl.letters import pdf

    pidfile = tmp_path / "anak.pid"
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\nsleep 300 &\necho $! > {pidfile}\nwait\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PPIDCTL_SOFFICE", str(fake))
    out = tmp_path / "surat"
    out.mkdir()
    docx = tmp_path / "a.docx"
    docx.write_bytes(render(find_template("tanda-terima"), contexts()["tanda-terima"]))
    with pytest.raises(pdf.PdfError, match="tidak selesai mengubah ke PDF dalam 1 detik"):
        pdf.to_pdf(docx, out, timeout=1)
    child = int(pidfile.read_text())
    for _ in range(50):  # (killed with its group; the kernel may take a moment)
        if not _running(child):
            break
        time.sleep(0.1)
    assert not _running(child)
    assert list(out.iterdir()) == []


def test_libreoffice_is_found_where_its_installer_puts_it(tmp_path, monkeypatch):
    """The Windows installer does not put soffice on PATH: --pdf was always refused there."""
    from ppidctl.letters import pdf

    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    monkeypatch.delenv("PPIDCTL_SOFFICE", raising=False)
    monkeypatch.setattr(pdf, "WINDOWS", True)
    monkeypatch.setenv("ProgramFiles", str(tmp_path / "pf"))
    monkeypatch.setenv("ProgramFiles(x86)", str(tmp_path / "pf86"))
    assert pdf.find_soffice() is None
    exe = tmp_path / "pf86" / "LibreOffice" / "program" / "soffice.exe"
    exe.parent.mkdir(parents=True)
    exe.write_bytes(b"")
    assert pdf.find_soffice() == str(exe)
    # a LibreOffice elsewhere (a portable copy): named by PPIDCTL_SOFFICE, which must exist
    portable = tmp_path / "LibreOfficePortable" / "soffice.exe"
    monkeypatch.setenv("PPIDCTL_SOFFICE", str(portable))
    assert pdf.find_soffice() is None
    portable.parent.mkdir()
    portable.write_bytes(b"")
    assert pdf.find_soffice() == str(portable)


@pytest.mark.slow
def test_pdf_of_every_kind(tmp_path):
    from ppidctl.letters import pdf

    if pdf.find_soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    files = []
    for kind, ctx in contexts().items():
        path = tmp_path / f"{kind}.docx"
        path.write_bytes(render(find_template(kind), ctx))
        files.append(path)
    out = tmp_path / "pdf"
    pdfs = pdf.to_pdf_many(files, out)
    assert [p.name for p in pdfs] == [f"{kind}.pdf" for kind in KINDS]
    for p in pdfs:
        assert p.read_bytes()[:4] == b"%PDF"
    assert sorted(x.name for x in out.iterdir()) == sorted(p.name for p in pdfs)  # no leftovers
    single = pdf.to_pdf(files[0], tmp_path / "satu")
    assert single.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("kind", list(KINDS))
def test_pages_after_the_first_are_numbered_in_the_footer(kind):
    """A letter longer than one page says "NOMOR — Halaman N dari M" in the footer from page 2
    (a page 2 parted from its letter says whose it is); the first page has its own, empty footer
    (a one-page letter shows no number)."""
    from docx import Document

    section = Document(io.BytesIO(render(find_template(kind), contexts()[kind]))).sections[0]
    assert section.different_first_page_header_footer
    assert footer_text(section.first_page_footer) == ""
    footer = section.footer._element.xml
    assert 'w:instr=" PAGE "' in footer and 'w:instr=" NUMPAGES "' in footer
    number = contexts()[kind]["nomor_registrasi"]
    assert footer_text(section.footer) == f"{number} — Halaman 2 dari 2"


def footer_text(footer) -> str:
    """The text a footer shows, a field's result included."""
    lines = ("".join(t.text or "" for t in p.iter("{*}t")) for p in footer._element.iter("{*}p"))
    return "\n".join(line for line in lines if line)


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", data))


@pytest.mark.slow
def test_the_atasan_reply_fits_one_page_and_a_longer_one_is_numbered(tmp_path):
    """The Atasan's reply upholding a rejection (pleno, proxy, two reasons, the decree attached)
    fits one A4 page as LibreOffice lays it out: "Lampiran/Tembusan" spilled alone onto page 2.
    When a long consideration does make it two pages, page 2 carries its number."""
    from ppidctl.letters import pdf

    if pdf.find_soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    common = contexts()["tanggapan-keberatan"]
    panjang = "Informasi yang diminta memuat data pribadi pemilih yang dilindungi. " * 14
    files = []
    for name, ctx in (("umum", common), ("panjang", dict(common, pertimbangan=panjang))):
        path = tmp_path / f"{name}.docx"
        path.write_bytes(render(find_template("tanggapan-keberatan"), ctx))
        files.append(path)
    umum, dua = (p.read_bytes() for p in pdf.to_pdf_many(files, tmp_path / "pdf"))
    assert pdf_pages(umum) == 1
    assert pdf_pages(dua) == 2


@pytest.mark.parametrize(
    ("nip", "shown"),
    [("-", False), ("–", False), (" — ", False), ("", False), (None, False),
     ("19800101 200501 1 001", True), ("-198001", True)],
)  # fmt: skip
def test_one_rule_for_an_official_without_a_nip(nip, shown):
    """Letters and reports ask the same question (the report printed "NIP. –" for an en dash
    the letters already left out)."""
    from ppidctl.letters.fmt import ada_nip

    assert ada_nip(nip) is shown


def test_a_letter_file_is_never_a_windows_device_name():
    """Windows takes CON, PRN, AUX, NUL, COM1–9 and LPT1–9 before the first dot for the device
    (``CON.1-2024-pemberitahuan.docx`` is the console): a number of such a pattern, or an
    imported one, made a letter that was journalled but never written."""
    from ppidctl.services.letters import safe_name

    assert safe_name("CON.1/2024") == "_CON.1-2024"
    assert safe_name("com1.3/KEB") == "_com1.3-KEB"
    assert safe_name("NUL") == "_NUL"
    assert safe_name("001/PPID/5271/III/2026") == "001-PPID-5271-III-2026"
    assert safe_name("CONTOH.1") == "CONTOH.1" and safe_name("COM10.1") == "COM10.1"
