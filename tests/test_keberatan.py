"""The objection register end to end: every path of the SOP "Penanganan Keberatan", every refusal
(exit 1, the Indonesian message, workspace byte-identical), and the slip and reply letter against
golden text.

Every date below was counted by hand on the decreed 2026 list (../shared/data/libur-skb-2025-2026.csv)
and a printed calendar (1 Mar 2026 is a Sunday), never with the code under test. Days off used:
16 Feb cuti Imlek, 17 Feb Imlek; 18 Mar cuti Nyepi, 19 Mar Nyepi, 20 Mar cuti Idul Fitri,
21-22 Mar Idul Fitri (weekend), 23-24 Mar cuti Idul Fitri; 3 Apr Wafat Yesus Kristus; 1 May Hari
Buruh; 14 May Kenaikan, 15 May cuti; 27 May Idul Adha, 28 May cuti; 1 Jun Pancasila; 16 Jun Tahun
Baru Islam.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from conftest import REQUEST, UJI, snapshot
from helpers_docx import docx_text

GOLDEN = Path(__file__).parent / "golden" / "keberatan"
SK = "Keputusan KPU Kota Mataram Nomor 5 Tahun 2026 tentang Informasi yang Dikecualikan"
R1 = "001/PPID/5271/III/2026"
K1 = "001/KEB/PPID/5271/IV/2026"
DOK = "formulir,identitas"
#: what a rejection on exclusion grounds needs (Pasal 17 ground, decree, consequence test)
TOLAK = ["--pasal", "Pasal 17 huruf h", "--sk-pengecualian", SK, "--uji-konsekuensi", UJI]
#: who objects (reason b without a request)
PEMOHON_B = [
    "--nama",
    "Budi Santoso",
    "--nik",
    "5271011203900001",
    "--alamat",
    "Jl. A",
    "--telepon",
    "081234567890",
    "--informasi",
    "Laporan berkala",
    "--tujuan",
    "Riset",
]


@pytest.fixture(autouse=True)
def _clock(today):
    """Every test runs on a frozen office clock; a test may move it."""
    today("2026-11-20")


def request(run, day, *extra) -> str:
    out = run.ok(
        "permohonan",
        "catat",
        *REQUEST,
        "--tanggal",
        day,
        "--tanpa-surat",
        "--format",
        "json",
        *extra,
    )
    return json.loads(out.stdout)["nomor_registrasi"]


def decide(run, nomor, day, keputusan="ditolak", *extra):
    more = TOLAK if keputusan == "ditolak" else []
    run.ok(
        "permohonan", "putuskan", nomor, "--keputusan", keputusan, *more, "--tanggal", day,
        "--tanpa-surat", *extra,
    )  # fmt: skip


def rejected_request(run) -> str:
    """Request Mon 2 Mar 2026, rejected on exclusion grounds Tue 10 Mar (in its 10-day deadline
    of 16 Mar: 3,4,5,6,9,10,11,12,13,16)."""
    nomor = request(run, "2026-03-02")
    decide(run, nomor, "2026-03-10")
    return nomor


def catat_args(*extra, day, alasan="a", permohonan=R1, dokumen=DOK, surat=False) -> list[str]:
    args = ["keberatan", "catat", "--alasan", alasan, "--kasus-posisi", "Permohonan DPT ditolak"]
    args += ["--permohonan", permohonan] if permohonan else []
    args += ["--dokumen", dokumen, "--tanggal", day, *extra]
    return args + ([] if surat else ["--tanpa-surat"])


def objection(run, *extra, **kw) -> dict:
    return json.loads(run.ok(*catat_args(*extra, "--format", "json", **kw)).stdout)


def typed(run, monkeypatch, answers: list[str], *args: str):
    """``keberatan catat ARGS`` at a terminal (the form), ``answers`` typed at its prompts."""
    monkeypatch.setattr("ppidctl.cli.formulir.interactive", lambda: True)
    return run("keberatan", "catat", *args, input="\n".join(answers) + "\n")


def krow(run, nomor=K1) -> dict:
    return json.loads(run.ok("keberatan", "lihat", nomor, "--format", "json").stdout)["data"]


def step(run, *args):
    return run.ok("keberatan", *args)


def delivered_reply(run, forwarded: str, answered: str, delivered: str, keputusan="ditolak"):
    """Objection K1 forwarded, answered by the Atasan PPID (a rejection on exclusion grounds
    with its reasons and decree, or granted) and the reply delivered, on those days."""
    step(run, "teruskan", K1, "--tanggal", forwarded)
    why = (
        ["--pertimbangan", "Data pribadi", "--sk-pengecualian", SK]
        if keputusan == "ditolak"
        else []
    )
    step(
        run, "tanggapi", K1, "--keputusan", keputusan, *why, "--tanggal", answered, "--tanpa-surat"
    )
    step(run, "sampaikan", K1, "--tanggal", delivered)


def golden(name: str, path: Path) -> None:
    text = docx_text(path)
    assert "{{" not in text and "{%" not in text
    target = GOLDEN / name
    if os.environ.get("PPIDCTL_UPDATE_GOLDEN"):  # regenerate, then review the diff by eye
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    assert target.exists(), f"golden file missing: {target} (PPIDCTL_UPDATE_GOLDEN=1 writes it)"
    assert text == target.read_text(encoding="utf-8")


def letter(ws, kind: str) -> Path:
    (path,) = sorted((ws.root / "letters" / "2026").glob(f"*KEB*-{kind}.docx"))
    return path


def journal(ws) -> list[dict]:
    return [json.loads(line) for line in (ws.root / "registers" / "jurnal.jsonl").open()]


# ------------------------------------------------------------------------------ the SOP paths


def test_granted_whole_sop_and_linked_request(run, ws):
    # Request 2 Mar, partly granted 10 Mar → reason d found 10 Mar.
    nomor = request(run, "2026-03-02")
    decide(run, nomor, "2026-03-10", "diberikan-sebagian", "--penjelasan", "NIK dihitamkan")
    res = run.ok(*catat_args("--petugas", "Rina", day="2026-04-06", alasan="d", surat=True))
    # Response deadline, 30 working days from Mon 6 Apr: 7-10 Apr (1-4), 13-17 (5-9), 20-24 (10-14),
    # 27-30 (15-18), 1 May Hari Buruh, 4-8 May (19-23), 11-13 (24-26), 14 Kenaikan, 15 cuti,
    # 18-21 May (27-30) → 2026-05-21.
    assert f"Nomor registrasi : {K1}" in res.stdout
    assert "Batas tanggapan  : 2026-05-21 (30 hari kerja)" in res.stdout
    r = krow(run)
    assert (r["status"], r["nomor_permohonan"], r["alasan"], r["alasan_ditemukan"]) == (
        "terdaftar",
        R1,
        "d",
        "2026-03-10",
    )
    # requester data copied from the request, not typed again
    assert (r["nama_pemohon"], r["nik"], r["alamat"], r["telepon"], r["informasi_diminta"]) == (
        "Budi Santoso",
        "5271011203900001",
        "Jl. Pejanggik 1, Mataram",
        "081234567890",
        "Salinan DPT Kelurahan Mataram",
    )
    assert (r["tujuan_penggunaan"], r["dokumen"], r["kebutuhan_khusus"], r["petugas"]) == (
        "Penelitian",
        "formulir;identitas",
        "tidak",
        "Rina",
    )
    for args in (
        ("teruskan", "1", "--tanggal", "2026-04-07"),
        ("pleno", "1", "--tanggal", "2026-04-08"),
        ("tanggapi", "1", "--keputusan", "diterima", "--tanggal", "2026-04-10"),
        # Fri 10 Apr → Mon 13 Apr: 1 working day, within the SOP standard
        ("sampaikan", "1", "--tanggal", "2026-04-13"),
    ):
        out = step(run, *args)
        assert "standar layanan" not in out.stderr
    r = krow(run)
    # dispute window, 14 working days from Mon 13 Apr: 14-17 (1-4), 20-24 (5-9), 27-30 (10-13),
    # 1 May Hari Buruh, Mon 4 May (14) → 2026-05-04
    assert (r["status"], r["keputusan_atasan"], r["tanggal_tanggapan"], r["terlambat"]) == (
        "disampaikan",
        "diterima",
        "2026-04-10",
        "tidak",
    )
    assert (r["diteruskan_pada"], r["pleno_pada"], r["disampaikan_pada"], r["batas_sengketa"]) == (
        "2026-04-07",
        "2026-04-08",
        "2026-04-13",
        "2026-05-04",
    )
    assert (r["nama_atasan"], r["jabatan_atasan"]) == ("Nama Atasan PPID", "Ketua KPU Kota Mataram")
    # the letter number stored is the one printed in the letter and in the outgoing register
    surat = (ws.root / "registers" / "surat.csv").read_text(encoding="utf-8")
    assert f"{r['nomor_surat_tanggapan']},2026-04-10,tanggapan-keberatan,keberatan,{K1}," in surat
    reply = docx_text(letter(ws, "tanggapan-keberatan"))
    assert r["nomor_surat_tanggapan"] in reply and "MENERIMA KEBERATAN" in reply.upper()
    golden("tanggapan-diterima.txt", letter(ws, "tanggapan-keberatan"))
    step(run, "tanggapan-pemohon", "1", "--sikap", "menerima", "--tanggal", "2026-04-20")
    r = krow(run)
    assert (r["status"], r["tanggapan_pemohon"], r["tanggapan_pemohon_pada"]) == (
        "selesai",
        "menerima",
        "2026-04-20",
    )
    # the linked request shows the granted objection
    shown = run.ok("permohonan", "lihat", nomor).stdout
    assert (
        f"Keberatan: {K1} (2026-04-06, alasan d, status selesai): keberatan diterima (dikabulkan)"
        in shown
    )
    own = run.ok("keberatan", "lihat", K1).stdout  # (in words there too, not the code)
    assert re.search(r"Keputusan Atasan PPID\s+Keberatan diterima \(dikabulkan\)", own), own
    assert "KEBERATAN DIKABULKAN oleh Atasan PPID pada 2026-04-10" in shown
    rec = json.loads(run.ok("permohonan", "lihat", nomor, "--format", "json").stdout)
    assert rec["keberatan_dikabulkan"] == [K1]
    # the objection shows its request and its whole history
    shown = step(run, "lihat", K1).stdout
    assert (
        f"Permohonan: {R1} (2026-03-02, status diputuskan, keputusan diberikan-sebagian)" in shown
    )
    for cmd in ("catat", "teruskan", "pleno", "tanggapi", "sampaikan", "tanggapan-pemohon"):
        assert f"keberatan {cmd}" in shown
    assert "      surat: letters/" in shown  # the slip and the reply letter
    rows = json.loads(step(run, "daftar", "--format", "json").stdout)
    assert [(x["nomor_registrasi"], x["status"]) for x in rows] == [(K1, "selesai")]


def test_a_granted_reply_orders_what_its_reasons_ask(run, ws):
    """Granting an objection on the fee (f) orders the fee reviewed, not the information given
    (the requester may hold it already; no delivery order is tracked for f or g): the reply
    said "memberikan informasi yang Saudara minta" whatever the reason. Reasons asking for the
    information and the fee: both orders, once each."""
    nomor = request(run, "2026-03-02")
    decide(run, nomor, "2026-03-05", "diberikan", "--biaya", "750000")
    run.ok(*catat_args(day="2026-03-06", alasan="f"))
    step(run, "teruskan", "1", "--tanggal", "2026-03-09")
    step(run, "tanggapi", "1", "--keputusan", "diterima", "--tanggal", "2026-03-10")
    text = docx_text(letter(ws, "tanggapan-keberatan"))
    assert (
        "untuk meninjau kembali biaya yang dikenakan atas permohonan informasi tersebut agar "
        "sesuai dengan ketentuan peraturan perundang-undangan." in text
    )
    assert "memberikan informasi yang Saudara minta" not in text
    nomor = request(run, "2026-03-02")
    decide(run, nomor, "2026-03-05", "diberikan-sebagian", "--biaya", "750000",
           "--penjelasan", "NIK dihitamkan")  # fmt: skip
    run.ok(*catat_args(day="2026-03-06", alasan="d;e;f", permohonan=nomor))
    step(run, "teruskan", "2", "--tanggal", "2026-03-09")
    step(run, "tanggapi", "2", "--keputusan", "diterima", "--tanggal", "2026-03-10")
    (path,) = (ws.root / "letters" / "2026").glob("002-KEB*-tanggapan-keberatan.docx")
    assert (
        "untuk memberikan informasi yang Saudara minta sesuai dengan ketentuan peraturan "
        "perundang-undangan; serta meninjau kembali biaya" in docx_text(path)
    )
    # an office copy made before (one fixed sentence) is told, for a granted reply only
    from docx import Document

    path = ws.templates_dir / "tanggapan-keberatan.docx"
    doc = Document(path)
    (para,) = [p for p in doc.paragraphs if "perintah_keberatan" in p.text]
    for run_ in para.runs:
        run_.text = run_.text.replace('{{ perintah_keberatan | join("; serta ") }}', "memberikan "
                                      "informasi yang Saudara minta")  # fmt: skip
    doc.save(path)
    told = ("templates/tanggapan-keberatan.docx (salinan kantor) tidak memuat perintah_keberatan "
            "yang dicetak templat bawaan")  # fmt: skip
    out = run.ok("surat", "buat", "tanggapan-keberatan", "1")
    assert told in out.stderr.replace("\n", " ")
    nomor = rejected_request(run)
    run.ok(*catat_args(day="2026-03-12", permohonan=nomor))
    step(run, "teruskan", "3", "--tanggal", "2026-03-13")
    out = step(run, "tanggapi", "3", "--keputusan", "ditolak", "--pertimbangan", "Data pribadi",
               "--sk-pengecualian", SK, "--tanggal", "2026-03-16")  # fmt: skip
    assert "salinan kantor" not in out.stderr


def test_a_copy_is_signed_by_who_signed_the_original(run, ws):
    """A new Atasan PPID and PPID took office (ppidctl.toml changed): a copy of an earlier
    letter, same number and date, is signed by those who signed the original (recorded with
    it in the journal), not by the new ones — it read as a forgery beside the requester's
    original; the objection register kept the old Atasan's name. New letters: the new ones.
    The init stand-ins ("Nama PPID") signed nothing: a first day's letter copied after the
    names were filled in is signed by them."""
    toml = ws.root / "ppidctl.toml"

    def officials(ppid: str, atasan: str) -> None:
        text = re.sub(r'(\[ppid\]\nnama = )"[^"]*"', f'\\1"{ppid}"', toml.read_text("utf-8"))
        text = re.sub(r'(\[atasan_ppid\]\nnama = )"[^"]*"', f'\\1"{atasan}"', text)
        toml.write_text(text, encoding="utf-8")

    nomor = request(run, "2026-03-02")
    run.ok("permohonan", "putuskan", nomor, "--keputusan", "tidak-dikuasai", "--tanggal",
           "2026-03-05")  # (its letter signed by the stand-in, the first day)  # fmt: skip
    officials("Dra. Rina Lama", "H. Atasan Lama")
    decide(run, request(run, "2026-03-02"), "2026-03-10")
    run.ok(*catat_args(day="2026-03-12", permohonan="002/PPID/5271/III/2026"))
    step(run, "teruskan", "1", "--tanggal", "2026-03-13")
    step(run, "tanggapi", "1", "--keputusan", "diterima", "--tanggal", "2026-03-16")
    original = docx_text(letter(ws, "tanggapan-keberatan"))
    assert "H. Atasan Lama" in original
    officials("PPID Baru, S.H.", "Dr. Atasan Baru")
    made = run.ok("surat", "buat", "tanggapan-keberatan", "1")
    assert docx_text(Path(made.stdout.strip())) == original
    assert (  # (one that is a misspelling corrected in ppidctl.toml: review koreksi H2)
        "ditandatangani pejabat yang tercatat untuk surat itu (yang menandatangani aslinya), "
        "bukan yang disebut ppidctl.toml sekarang — benar bila pejabatnya berganti; bila yang "
        "tercatat itu salah ketik yang sudah diperbaiki di ppidctl.toml: ppidctl surat buat "
        "tanggapan-keberatan … --pejabat-sekarang"
    ) in " ".join(made.stderr.split())
    for args in (("--pejabat-sekarang",), ()):  # (recorded: the next copy follows)
        out = run.ok("surat", "buat", "tanggapan-keberatan", "1", *args).stdout.strip()
        assert "Dr. Atasan Baru" in docx_text(Path(out)) and "H. Atasan Lama" not in (
            docx_text(Path(out))
        )
    officials("PPID Baru, S.H.", "Atasan Berikutnya")  # (then the office changes hands again:
    out = run.ok("surat", "buat", "tanggapan-keberatan", "1").stdout.strip()  # the corrected)
    assert "Dr. Atasan Baru" in docx_text(Path(out))
    officials("PPID Baru, S.H.", "Dr. Atasan Baru")
    out = run.ok("surat", "buat", "penolakan", "2").stdout.strip()  # (made --tanpa-surat)
    assert "PPID Baru, S.H." in docx_text(Path(out))
    copy = run.ok("surat", "buat", "penolakan", "2").stdout.strip()
    assert "PPID Baru, S.H." in docx_text(Path(copy))
    copy = run.ok("surat", "buat", "tidak-tersedia", "1").stdout.strip()  # (the stand-in's)
    assert "PPID Baru, S.H." in docx_text(Path(copy)) and "Nama PPID" not in docx_text(Path(copy))
    # a reply with no recorded signatories (its letter made later, or before ppidctl recorded
    # them): the Atasan the register says responded
    decide(run, request(run, "2026-03-02"), "2026-03-10")
    run.ok(*catat_args(day="2026-03-12", permohonan="003/PPID/5271/III/2026"))
    step(run, "teruskan", "2", "--tanggal", "2026-03-13")
    step(run, "tanggapi", "2", "--keputusan", "diterima", "--tanggal", "2026-03-16",
         "--tanpa-surat")  # fmt: skip
    assert krow(run, "2")["nama_atasan"] == "Dr. Atasan Baru"
    officials("PPID Baru, S.H.", "Atasan Ketiga")
    out = run.ok("surat", "buat", "tanggapan-keberatan", "2").stdout.strip()
    text = docx_text(Path(out))
    assert "Dr. Atasan Baru" in text and "Atasan Ketiga" not in text


def test_a_copy_of_a_letter_made_before_signatories_were_recorded_is_told(run, ws, monkeypatch):
    """A letter made by an older ppidctl (its journal line names no signatories): the copy is
    signed by today's officials, said so — and that guess is not recorded as who signed, so a
    later copy is not bound to it."""
    from ppidctl.services import letters

    def unrecorded(kind, row, linked=None):  # (as an older ppidctl journalled its letters)
        return letters.Letter(kind, row, linked, catat_pejabat=False)

    nomor = request(run, "2026-03-02")
    with monkeypatch.context() as m:
        m.setattr("ppidctl.services.permohonan.letter_for", unrecorded)
        run.ok("permohonan", "putuskan", nomor, "--keputusan", "tidak-dikuasai", "--tanggal",
               "2026-03-05")  # fmt: skip
    journal_text = (ws.root / "registers" / "jurnal.jsonl").read_text("utf-8")
    assert '"pejabat":' not in journal_text
    out = run.ok("surat", "buat", "tidak-tersedia", "1")
    assert (
        f"salinan surat tidak-tersedia {nomor} ditandatangani pejabat di ppidctl.toml sekarang: "
        "siapa yang menandatangani aslinya tidak tercatat" in " ".join(out.stderr.split())
    )
    journal_text = (ws.root / "registers" / "jurnal.jsonl").read_text("utf-8")
    assert '"pejabat":' not in journal_text  # (the guess is not "who signed")


def test_an_office_slip_printing_the_request_serves_an_objection_without_one(run, ws):
    """An office slip printing the request's occupation (``permohonan.pekerjaan``) passed
    ``surat periksa`` and then refused every reason-b objection (no request) at the desk:
    its fields print empty, and ``{% if permohonan %}`` still tells there is none."""
    from docx import Document

    path = ws.templates_dir / "tanda-bukti-keberatan.docx"
    doc = Document(path)
    doc.add_paragraph("Pekerjaan: [{{ permohonan.pekerjaan }}]{% if permohonan %} ADA{% endif %}"
                      " n={{ permohonan | length }}")  # fmt: skip
    doc.save(path)
    assert "baik" in run.ok("surat", "periksa", str(path)).stdout
    out = run.ok(*catat_args(*PEMOHON_B, day="2026-04-06", alasan="b", permohonan="", surat=True))
    assert "Pekerjaan: [] n=0" in docx_text(letter(ws, "tanda-bukti-keberatan"))
    assert " ADA" not in docx_text(letter(ws, "tanda-bukti-keberatan")), out.stdout
    rejected_request(run)  # an objection on a request prints it
    run.ok(*catat_args(day="2026-03-12", surat=True))
    (path,) = (ws.root / "letters" / "2026").glob("002-KEB*-tanda-bukti-keberatan.docx")
    assert "ADA" in docx_text(path)


def test_a_reply_letter_made_later_gives_the_register_its_number(run, ws):
    """The reply recorded --tanpa-surat (a broken template), its letter made later with
    ``surat buat``: the number the letter carries is the register's nomor_surat_tanggapan
    (lihat, the register book) — it stayed empty; a copy keeps it. An imported objection's
    reply number (the old book's) is the one its copy prints."""
    rejected_request(run)
    run.ok(*catat_args(day="2026-03-12"))
    step(run, "teruskan", "1", "--tanggal", "2026-03-13")
    step(
        run, "tanggapi", "1", "--keputusan", "diterima", "--tanggal", "2026-03-16", "--tanpa-surat"
    )
    assert krow(run, "1")["nomor_surat_tanggapan"] == ""
    run.ok("surat", "buat", "tanggapan-keberatan", "1")
    number = "1/PL.02.2-SD/5271/III/2026"
    assert krow(run, "1")["nomor_surat_tanggapan"] == number
    assert number in docx_text(letter(ws, "tanggapan-keberatan"))
    run.ok("surat", "buat", "tanggapan-keberatan", "1")  # a copy: the same number
    assert krow(run, "1")["nomor_surat_tanggapan"] == number
    assert run.ok("periksa").exit_code == 0
    src = ws.root / "lama.csv"
    src.write_text("No. Registrasi Keberatan,Tanggal Diterima,Nama Pemohon,Alasan Keberatan,"
                   "Keputusan Atasan PPID,Tanggal Tanggapan,Nomor Surat Tanggapan\n"
                   "005/KEB/PPID/5271/I/2026,5/1/2026,Ani,b,Diterima,20/1/2026,"
                   "12/PPID/I/2026\n", encoding="utf-8")  # fmt: skip
    run.ok("impor", str(src), "--register", "keberatan")
    out = run.ok("surat", "buat", "tanggapan-keberatan", "005/KEB/PPID/5271/I/2026").stdout
    assert "12/PPID/I/2026" in docx_text(Path(out.strip()))
    assert surat_numbers(ws)[-1] == "12/PPID/I/2026"


def surat_numbers(ws) -> list[str]:
    text = (ws.root / "registers" / "surat.csv").read_text(encoding="utf-8")
    return [line.split(",")[0] for line in text.splitlines()[1:]]


def test_jatuh_tempo_lists_open_cases_without_a_statutory_deadline(run, ws, today):
    """cli.md: every open case. A reply not yet delivered is due by the SOP standard (1 working
    day), a delivered reply waits for the requester until the dispute window closes (the
    requester's deadline: never 'terlambat'), granted information not yet handed over has no
    date: counted on stderr, listed with --status diputuskan."""
    nomor = request(run, "2026-03-02")
    decide(run, nomor, "2026-03-10", "diberikan-sebagian", "--penjelasan", "NIK dihitamkan")
    run.ok(*catat_args(day="2026-04-06", alasan="d"))
    step(run, "teruskan", "1", "--tanggal", "2026-04-07")
    step(run, "pleno", "1", "--tanggal", "2026-04-08")
    step(
        run, "tanggapi", "1", "--keputusan", "diterima", "--tanggal", "2026-04-10", "--tanpa-surat"
    )

    def due(*extra):
        res = run.ok("jatuh-tempo", "--format", "json", *extra)
        rows = [(d["nomor_registrasi"], d["status"], d["jenis_tenggat"], d["jatuh_tempo"],
                 d["sisa_hari_kerja"], d["terlambat"]) for d in json.loads(res.stdout)]  # fmt: skip
        return rows, res.stderr

    today("2026-04-15")  # Fri 10 Apr + 1 working day = Mon 13 Apr: two working days past
    rows, stderr = due()
    assert rows == [
        (K1, "ditanggapi", "penyampaian tanggapan (standar layanan SOP)", "2026-04-13", -2, "ya")
    ]  # fmt: skip (two working days past the SOP standard: late)
    assert due("--terlambat")[0] == rows

    # keberatan daftar shows the register as it is: answered within its statutory deadline, the
    # objection is not late there (README: daftar and jatuh-tempo look from their own side);
    # --cari finds an objection by its request's number
    def daftar(*extra):
        res = run.ok("keberatan", "daftar", "--format", "json", *extra)
        return [
            (d["nomor_registrasi"], d["jatuh_tempo"], d["terlambat"])
            for d in json.loads(res.stdout)
        ]

    assert daftar() == [(K1, "2026-05-21", "tidak")]  # (30 working days from 6 Apr)
    assert daftar("--terlambat") == daftar("--dalam", "0") == []
    assert daftar("--cari", nomor) == daftar()
    assert (
        "juga terbuka tanpa tanggal tenggat: 1 permohonan berstatus diputuskan — lihat: ppidctl "
        "jatuh-tempo --status diputuskan" in stderr
    )
    rows, _ = due("--status", "diputuskan")
    assert rows == [(R1, "diputuskan", "penyerahan informasi (tanpa tenggat undang-undang)", "",
                     None, "tidak")]  # fmt: skip
    shown = run.ok("jatuh-tempo", "--status", "diputuskan").stdout  # (teks: no date, no "None")
    assert "diputuskan" in shown and "None" not in shown
    path = ws.register_path("keberatan")  # (a reply date edited by hand: lihat still shows it)
    path.write_bytes(path.read_bytes().replace(b"2026-04-10", b"10/04/2026"))
    assert K1 in step(run, "lihat", "1").stdout
    run.ok("pulihkan", "--register", "keberatan")
    step(run, "sampaikan", "1", "--tanggal", "2026-04-15")
    today("2026-05-06")  # the window's last day: nothing to close yet
    assert "melewati batas pengajuan sengketa" not in run.ok("jatuh-tempo").stderr
    today("2026-05-11")  # the window (14 working days from 15 Apr) closed on Wed 6 May
    # the office's own case, Wed 22 Apr + 10 working days (1 May Hari Buruh) = Thu 7 May: two
    # days overdue, listed above the requester's window that closed three days ago
    late = request(run, "2026-04-22")
    rows, _ = due()
    assert rows == [
        (late, "terdaftar", "pemberitahuan tertulis", "2026-05-07", -2, "ya"),
        (
            K1,
            "disampaikan",
            "tanggapan pemohon; batas pengajuan sengketa (tenggat pemohon)",
            "2026-05-06",
            -3,
            "tidak",
        ),
    ]  # fmt: skip (the office's first; never late)
    assert due("--dalam", "30")[0] == rows[:1]  # (the office's deadlines only)
    shown = run.ok("jatuh-tempo")
    assert K1 in shown.stdout and late in shown.stdout
    assert (  # (the window lapsed with no dispute: how to close it, on stderr)
        f"1 keberatan melewati batas pengajuan sengketa tanpa sengketa tercatat (mis. {K1}) — "
        f"tutup: ppidctl keberatan tanggapan-pemohon {K1} --sikap menerima --tanggal "
        "2026-05-06 (batas sengketanya)"
    ) in " ".join(shown.stderr.split())
    found = json.loads(run.ok("keberatan", "daftar", "--cari", "KI-NTB", "--format", "json").stdout)
    assert found == []  # (no dispute number yet; see the ruling's test for one found by it)
    # the window is recomputed from the delivery, not only stored: a stored date edited by hand
    # does not move it; the delivery date edited into a shape that is not a date is told
    path = ws.register_path("keberatan")
    path.write_bytes(path.read_bytes().replace(b"2026-05-06", b"2026-05-29"))
    assert due("--status", "disampaikan")[0][0][3] == "2026-05-06"
    path.write_bytes(path.read_bytes().replace(b"2026-04-15", b"15/04/2026"))
    assert due("--status", "disampaikan")[0][0][2:4] == (
        "tanggapan pemohon; batas pengajuan sengketa (tenggat pemohon) (disampaikan_pada "
        "'15/04/2026' tidak terbaca: ppidctl periksa)",
        "",
    )
    run.ok("pulihkan", "--register", "keberatan")
    # an open request's receipt date edited the same way: told too, the list still printed
    path = ws.register_path("permohonan")
    path.write_bytes(path.read_bytes().replace(b"2026-04-22", b"22/04/2026"))
    rows_, stderr = due()
    assert [r[0] for r in rows_] == [K1]
    assert "1 permohonan berstatus terdaftar" in stderr
    assert due("--status", "terdaftar")[0][0][2] == (
        "pemberitahuan tertulis (tanggal tidak terbaca: ppidctl periksa)"
    )
    run.ok("pulihkan", "--register", "permohonan")
    step(run, "tanggapan-pemohon", "1", "--sikap", "menerima", "--tanggal", "2026-05-11")
    assert due()[0] == [rows[0]]  # (the objection is finished)


def test_upheld_with_reasons_sop_standards_and_late_dispute(run):
    # Request Mon 4 May (deadline 20 May: 5-8, 11-13, 18-20), granted with a fee Wed 6 May.
    nomor = request(run, "2026-05-04")
    decide(run, nomor, "2026-05-06", "diberikan", "--biaya", "50000")
    k = objection(run, day="2026-05-11", alasan="f", permohonan=nomor)
    # 30 working days from Mon 11 May: 12,13 (1,2); 14-15 off; 18-22 (3-7); 25,26 (8,9); 27-28 off;
    # 29 (10); 1 Jun off; 2-5 (11-14); 8-12 (15-19); 15 (20); 16 off; 17-19 (21-23);
    # 22-26 (24-28); 29,30 Jun (29,30) → 2026-06-30
    assert (k["nomor_registrasi"], k["jatuh_tempo"]) == ("001/KEB/PPID/5271/V/2026", "2026-06-30")
    n = k["nomor_registrasi"]
    # forwarded Mon 18 May: 12, 13, 18 = 3 working days > standard 1 → shown, not refused
    out = step(run, "teruskan", n, "--tanggal", "2026-05-18")
    assert (
        "standar layanan SOP terlampaui: penerusan ke Atasan PPID 3 hari kerja, standar 1 hari kerja"
        in out.stderr
    )
    run.refused(
        "keberatan", "tanggapi", n, "--keputusan", "ditolak", "--tanggal", "2026-05-20",
        "--tanpa-surat", message="wajib disertai alasan tertulis (UU 14/2008 Pasal 36(3))",
    )  # fmt: skip
    run.refused(  # (a "-" typed for the reasons is none: it was the letter's "Pertimbangan")
        "keberatan", "tanggapi", n, "--keputusan", "ditolak", "--pertimbangan", "-",
        "--tanggal", "2026-05-20", "--tanpa-surat",
        message="--pertimbangan wajib diisi: '-' tidak berisi apa pun",
    )  # fmt: skip
    # reason f is not an exclusion: no decree needed when upholding
    step(
        run, "tanggapi", n, "--keputusan", "ditolak", "--pertimbangan",
        "Biaya sesuai standar biaya penggandaan yang ditetapkan", "--tanggal", "2026-05-20",
        "--tanpa-surat",
    )  # fmt: skip
    r = krow(run, n)
    assert (r["status"], r["keputusan_atasan"], r["sk_pengecualian"], r["pleno_pada"]) == (
        "ditanggapi",
        "ditolak",
        "",
        "",
    )
    assert r["pertimbangan"] == "Biaya sesuai standar biaya penggandaan yang ditetapkan"
    # delivered Tue 26 May: 21, 22, 25, 26 = 4 working days > 1
    out = step(run, "sampaikan", n, "--tanggal", "2026-05-26")
    assert "penyampaian surat tanggapan 4 hari kerja, standar 1 hari kerja" in out.stderr
    # 14 working days from Tue 26 May: 27-28 off; 29 (1); 1 Jun off; 2-5 (2-5); 8-12 (6-10);
    # 15 (11); 16 off; 17, 18, 19 (12-14) → 2026-06-19
    assert krow(run, n)["batas_sengketa"] == "2026-06-19"
    shown = step(run, "lihat", n)
    assert "penerusan ke Atasan PPID 3 hari kerja, standar 1 hari kerja" in shown.stderr
    rec = json.loads(step(run, "lihat", n, "--format", "json").stdout)
    assert [(s["langkah"], s["hari_kerja"], s["terlampaui"]) for s in rec["standar_layanan"]] == [
        ("penerusan ke Atasan PPID", 3, True),
        ("penyampaian surat tanggapan", 4, True),
    ]
    # a dispute after the window: recorded, with a warning (the Komisi Informasi decides)
    out = step(run, "tanggapan-pemohon", n, "--sikap", "sengketa", "--tanggal", "2026-06-22")
    assert "sengketa diajukan 2026-06-22, melewati batas 2026-06-19" in out.stderr
    r = krow(run, n)
    assert (r["status"], r["tanggapan_pemohon"]) == ("sengketa", "sengketa")
    run.refused(
        "keberatan", "tanggapan-pemohon", n, "--sikap", "menerima", "--tanggal", "2026-06-23",
        message="tanggapan pemohon atas keberatan 001/KEB/PPID/5271/V/2026 sudah dicatat",
    )  # fmt: skip


def test_a_dispute_on_the_last_day_of_its_window_is_in_time(run):
    """The requester may take an objection to the Komisi Informasi within 14 working days of
    receiving the Atasan PPID's reply (UU 14/2008 Pasal 37(2); rules.md §1: the N-th working day
    is still in time): a dispute on that last day is not warned late, one on the next working
    day is (recorded either way: the Komisi Informasi decides)."""
    # two requests rejected Tue 10 Mar, objected Thu 12 Mar, replies delivered Mon 6 Apr;
    # 14 working days: 7-10 (4), 13-17 (9), 20-24 (14) -> Fri 24 Apr; next working day Mon 27
    nomor = []
    for _ in range(2):
        k = objection(run, day="2026-03-12", permohonan=rejected_request(run))["nomor_registrasi"]
        step(run, "teruskan", k, "--tanggal", "2026-03-13")
        step(run, "tanggapi", k, "--keputusan", "ditolak", "--pertimbangan", "Data pribadi",
             "--sk-pengecualian", SK, "--tanggal", "2026-04-02", "--tanpa-surat")  # fmt: skip
        step(run, "sampaikan", k, "--tanggal", "2026-04-06")
        assert krow(run, k)["batas_sengketa"] == "2026-04-24"
        nomor.append(k)
    out = step(run, "tanggapan-pemohon", nomor[0], "--sikap", "sengketa", "--tanggal", "2026-04-24")
    assert "melewati batas" not in out.stderr
    out = step(run, "tanggapan-pemohon", nomor[1], "--sikap", "sengketa", "--tanggal", "2026-04-27")
    assert "sengketa diajukan 2026-04-27, melewati batas 2026-04-24" in out.stderr
    assert [krow(run, k)["status"] for k in nomor] == ["sengketa", "sengketa"]


def test_upheld_on_exclusion_grounds_needs_the_decree_proxy_and_special_needs(run, ws):
    rejected_request(run)
    # reason a found 10 Mar (notification); filed Mon 6 Apr by a proxy, form filled by staff
    res = run.ok(
        *catat_args(
            "--kuasa", "Siti Aminah", "--kuasa-alamat", "Jl. Majapahit 2, Mataram", "--meterai",
            "--kebutuhan-khusus", "--saluran", "langsung", "--petugas", "Rina",
            day="2026-04-06T10:30", dokumen="formulir,identitas,kuasa", surat=True,
        )
    )  # fmt: skip
    assert "Pemohon          : Budi Santoso (kuasa: Siti Aminah)" in res.stdout
    r = krow(run)
    assert (r["kuasa_nama"], r["kuasa_alamat"], r["dokumen"], r["kebutuhan_khusus"]) == (
        "Siti Aminah",
        "Jl. Majapahit 2, Mataram",
        "formulir;identitas;kuasa;meterai",  # (the stamp checked: on record, SOP step 1)
        "ya",
    )
    slip = docx_text(letter(ws, "tanda-bukti-keberatan"))
    for text in (K1, R1, "Siti Aminah", "Budi Santoso", "Penelitian", "Permohonan DPT ditolak",
                 "21 Mei 2026", "Rina", "6 April 2026, pukul 10.30 WITA"):  # fmt: skip
        assert text in slip, text
    golden("tanda-bukti-kuasa.txt", letter(ws, "tanda-bukti-keberatan"))
    step(run, "teruskan", K1, "--tanggal", "2026-04-07")
    step(run, "pleno", K1, "--tanggal", "2026-04-08")
    res = run.refused(
        "keberatan", "tanggapi", K1, "--keputusan", "ditolak", "--pertimbangan",
        "Informasi memuat data pribadi", "--tanggal", "2026-04-10",
        message="wajib melampirkan Keputusan KPU tentang informasi yang dikecualikan",
    )  # fmt: skip
    assert f"(penolakan permohonan menyebut: {SK})" in res.stderr
    step(
        run, "tanggapi", K1, "--keputusan", "ditolak", "--pertimbangan",
        "Informasi memuat data pribadi yang dikecualikan berdasarkan uji konsekuensi",
        "--sk-pengecualian", SK, "--tanggal", "2026-04-10",
    )  # fmt: skip
    r = krow(run)
    assert (r["keputusan_atasan"], r["sk_pengecualian"]) == ("ditolak", SK)
    reply = docx_text(letter(ws, "tanggapan-keberatan"))
    assert SK in reply and "14 (empat belas) hari kerja" in reply and "Komisi Informasi" in reply
    assert r["nomor_surat_tanggapan"] in reply
    golden("tanggapan-ditolak-sk.txt", letter(ws, "tanggapan-keberatan"))
    run.refused(
        "keberatan", "tanggapi", K1, "--keputusan", "diterima", "--tanggal", "2026-04-13",
        message=f"keberatan {K1} sudah ditanggapi pada 2026-04-10 (ditolak): tanggapan hanya satu kali",
    )  # fmt: skip
    step(run, "sampaikan", K1, "--tanggal", "2026-04-13")
    run.refused(
        "keberatan", "sampaikan", K1, "--tanggal", "2026-04-14",
        message=f"surat tanggapan keberatan {K1} sudah disampaikan pada 2026-04-13",
    )  # fmt: skip
    shown = run.ok("permohonan", "lihat", R1).stdout
    assert "status disampaikan): keberatan ditolak" in shown and "DIKABULKAN" not in shown


def test_a_stage_over_by_the_objection_gives_the_offices_own_response_time(run):
    """An objection to a staged request filed after the stage ended gets the ordinary response
    time, and the warning says how long it is in this office's [tenggat] (it said 30 always)."""
    run.ok("tahapan", "tambah", "Kampanye", "--mulai", "2026-01-05", "--selesai", "2026-02-27")
    staged = request(run, "2026-02-09", "--tahapan", "Kampanye")
    decide(run, staged, "2026-02-11")
    toml = run.root / "ppidctl.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.replace("tanggapan_keberatan = 30 ", "tanggapan_keberatan = 25 "), "utf-8")
    res = run.ok(*catat_args(day="2026-03-03", permohonan=staged))
    assert (
        f"permohonan {staged} menyangkut tahapan 'Kampanye' yang tidak lagi berjalan pada "
        "2026-03-03: tanggapan 25 hari kerja"
    ) in res.stderr
    assert krow(run, "001/KEB/PPID/5271/III/2026")["tahapan"] == ""


def test_ongoing_stage_gives_three_days_and_jatuh_tempo_lists_both_registers(run, today):
    run.ok(
        "tahapan", "tambah", "Pemutakhiran Data Pemilih", "--mulai", "2026-01-05",
        "--selesai", "2026-06-30",
    )  # fmt: skip
    # Request on the stage Mon 9 Feb (3 days: 10, 11, 12), rejected Wed 11 Feb.
    staged = request(run, "2026-02-09", "--tahapan", "Pemutakhiran Data Pemilih")
    decide(run, staged, "2026-02-11")
    # An ordinary request Thu 12 Feb: 13 (1); 16 cuti, 17 Imlek; 18-20 (2-4); 23-27 (5-9);
    # Mon 2 Mar (10) → 2026-03-02
    other = request(run, "2026-02-12")
    # The objection inherits the ongoing stage. Filed Fri 13 Feb: 16 cuti Imlek, 17 Imlek;
    # 18, 19, 20 → 2026-02-20
    res = run.ok(*catat_args(day="2026-02-13", permohonan=staged))
    assert (
        "Batas tanggapan  : 2026-02-20 (3 hari kerja, tahapan berjalan: Pemutakhiran Data Pemilih)"
        in res.stdout
    )
    n = "001/KEB/PPID/5271/II/2026"
    r = krow(run, n)
    assert (r["tahapan"], r["jatuh_tempo"]) == ("Pemutakhiran Data Pemilih", "2026-02-20")
    today("2026-02-16")
    due = json.loads(run.ok("jatuh-tempo", "--format", "json").stdout)
    # working days left from Mon 16 Feb: to 20 Feb → 18, 19, 20 = 3; to 2 Mar → 18-20, 23-27,
    # 2 Mar = 9
    assert [
        (
            d["register"],
            d["nomor_registrasi"],
            d["jenis_tenggat"],
            d["jatuh_tempo"],
            d["sisa_hari_kerja"],
        )
        for d in due
    ] == [
        (
            "keberatan",
            n,
            "tanggapan Atasan PPID — tahapan Pemutakhiran Data Pemilih",
            "2026-02-20",
            3,
        ),
        ("permohonan", other, "pemberitahuan tertulis", "2026-03-02", 9),
    ]
    today("2026-11-20")
    step(run, "teruskan", n, "--tanggal", "2026-02-18")
    # answered Mon 23 Feb, one working day after the deadline: allowed, marked
    out = step(
        run, "tanggapi", n, "--keputusan", "diterima", "--tanggal", "2026-02-23", "--tanpa-surat"
    )
    assert (
        "TERLAMBAT: tanggapan Atasan PPID 2026-02-23 melewati tenggat 2026-02-20 (lewat 1 hari kerja)"
        in out.stderr
    )
    r = krow(run, n)
    assert (r["terlambat"], r["status"], r["nomor_surat_tanggapan"]) == ("ya", "ditanggapi", "")
    rows = json.loads(step(run, "daftar", "--terlambat", "--format", "json").stdout)
    assert [x["nomor_registrasi"] for x in rows] == [n]
    # a stage named explicitly must be ongoing on the filing date
    today("2026-07-02")
    run.refused(
        *catat_args(
            "--tahapan", "Pemutakhiran Data Pemilih", "--nama", "Ani", "--nik", "5271014506950002",
            "--alamat", "Jl. Udayana 5", "--email", "ani@contoh.id", "--informasi",
            "Laporan keuangan 2025", "--tujuan", "Kajian", day="2026-07-01", alasan="b",
            permohonan="",
        ),
        message="tahapan 'Pemutakhiran Data Pemilih' tidak sedang berjalan pada 2026-07-01",
    )  # fmt: skip


def test_proxy_documents(run):
    rejected_request(run)
    kuasa = ["--kuasa", "Siti Aminah", "--kuasa-alamat", "Jl. Majapahit 2"]
    for extra, dokumen, message in (
        (kuasa + ["--meterai"], DOK, "dokumen wajib keberatan belum diterima: surat kuasa khusus"),
        (kuasa, "formulir,identitas,kuasa", "surat kuasa khusus wajib dibubuhi meterai"),
        (["--kuasa", "Siti Aminah", "--meterai"], "formulir,identitas,kuasa", "alamat kuasa"),
        ([], "identitas", "dokumen wajib keberatan belum diterima: formulir keberatan"),
        ([], "formulir", "salinan kartu identitas pemohon"),
    ):
        run.refused(*catat_args(*extra, day="2026-04-06", dokumen=dokumen), message=message)
    # not one of the documents there are: wrong usage (exit code 2), not a refusal
    run.usage(
        *catat_args(day="2026-04-06", dokumen="formulir,identitas,ktp"),
        message="--dokumen: 'ktp' tidak dikenal",
    )
    # a power of attorney received names its holder (the slip printed "Identitas kuasa: -")
    run.usage(
        *catat_args(day="2026-04-06", dokumen="formulir,identitas,kuasa"),
        message="kuasa di --dokumen tanpa --kuasa",
    )
    k = objection(run, *kuasa, "--meterai", day="2026-04-06", dokumen="formulir,identitas,kuasa")
    assert (k["kuasa_nama"], k["dokumen"]) == ("Siti Aminah", "formulir;identitas;kuasa;meterai")
    # without a proxy no power of attorney is needed (on another request: reason a of this one
    # has its objection running)
    k = objection(run, day="2026-04-06", permohonan=rejected_request(run))
    assert (k["kuasa_nama"], k["nomor_registrasi"]) == ("", "002/KEB/PPID/5271/IV/2026")


def test_late_filing_refused_with_dates_and_paksa_override(run, ws):
    rejected_request(run)
    r2, r3, r4 = (rejected_request(run) for _ in range(3))  # one objection on reason a each
    # 30 working days from Tue 10 Mar: 11-13, 16, 17 (1-5); 18-24 off; 25-27, 30, 31 (6-10);
    # 1, 2 Apr (11, 12); 3 Apr off; 6-10 (13-17); 13-17 (18-22); 20-24 (23-27); 27, 28, 29 (28-30)
    # → last day 2026-04-29
    late = run.refused(
        *catat_args(day="2026-04-30"),
        message="keberatan terlambat diajukan pada 2026-04-30: alasan a ditemukan 2026-03-10 "
        "(tanggal pemberitahuan tertulis permohonan), batas pengajuan 2026-04-29",
    )  # (the hint names both ways on: received later by post, and the override with its note)
    assert "catat dengan --alasan-ditemukan TANGGAL-TERIMA --catatan TEKS" in late.stderr
    assert "sebab lain yang diketahui petugas: --paksa --catatan TEKS" in late.stderr
    run.refused(*catat_args("--paksa", day="2026-04-30"), message="--paksa wajib disertai catatan")
    # the last day itself is in time
    assert objection(run, day="2026-04-29")["alasan_ditemukan"] == "2026-03-10"
    # the notification reached the requester late by post: the receipt starts the window
    # (rules.md §2), a date the register cannot know — given with a note saying how it is known
    run.refused(
        *catat_args("--alasan-ditemukan", "2026-03-20", day="2026-04-30", permohonan=r2),
        message="alasan a: --alasan-ditemukan 2026-03-20 berbeda dengan tanggal pemberitahuan "
        "tertulis permohonan 2026-03-10 menurut register — bila pemberitahuan baru diterima "
        "pemohon pada tanggal itu (mis. lewat pos), isi --catatan bagaimana tanggal terimanya "
        "diketahui (mis. cap pos)",
    )
    note = "Pemberitahuan diterima pemohon lewat pos pada 20 Maret 2026 (cap pos terlampir)"
    res = run.ok(
        *catat_args("--alasan-ditemukan", "2026-03-20", "--catatan", note, day="2026-04-30",
                    permohonan=r2)
    )  # fmt: skip
    assert "paksa" not in res.stderr
    r = krow(run, "002/KEB/PPID/5271/IV/2026")
    assert (r["paksa_catatan"], r["alasan_ditemukan"], r["catatan"]) == ("", "2026-03-20", note)
    shown = json.loads(step(run, "lihat", "002/KEB/PPID/5271/IV/2026", "--format", "json").stdout)
    assert shown["data"]["catatan"] == note
    # a date before the letter is not a late receipt: only --paksa, journalled
    run.refused(
        *catat_args("--alasan-ditemukan", "2026-03-09", "--catatan", "x", day="2026-04-06",
                    permohonan=r4),
        message="alasan a: --alasan-ditemukan 2026-03-09 berbeda dengan tanggal pemberitahuan "
        "tertulis permohonan 2026-03-10 menurut register — hapus --alasan-ditemukan",
    )  # fmt: skip
    note = "Pemohon membaca keputusan di papan pengumuman sebelum suratnya dikirim"
    res = run.ok(
        *catat_args("--alasan-ditemukan", "2026-03-09", "--paksa", "--catatan", note,
                    day="2026-04-06", permohonan=r4)
    )  # fmt: skip
    assert "diabaikan dengan --paksa" in res.stderr
    r = krow(run, "003/KEB/PPID/5271/IV/2026")
    assert (r["paksa_catatan"], r["alasan_ditemukan"], r["catatan"]) == (note, "2026-03-09", "")
    entry = [e for e in journal(ws) if e["register"] == "keberatan" and e["aksi"] == "tambah"][-1]
    assert entry["paksa"] is True and entry["catatan"] == note
    assert any("berbeda dengan" in s for s in entry["pemeriksaan_diabaikan"])
    # --paksa also lets a filing past the window through, journalled
    res = run.ok(
        *catat_args(
            "--paksa", "--catatan", "Pemohon dirawat di RS", day="2026-04-30", permohonan=r3
        )
    )
    assert "diabaikan dengan --paksa: keberatan terlambat diajukan pada 2026-04-30" in res.stderr


def test_reason_c_derived_from_an_unanswered_request(run):
    # Request Mon 16 Mar, never answered: 17 (1); 18-24 off; 25-27, 30, 31 (2-6); 1, 2 Apr (7, 8);
    # 3 Apr off; 6, 7 (9, 10) → deadline 2026-04-07; reason c found the day after, 2026-04-08.
    nomor = request(run, "2026-03-16")
    run.refused(
        *catat_args(day="2026-04-07", alasan="c", permohonan=nomor),
        message="alasan c: tenggat pemberitahuan permohonan 001/PPID/5271/III/2026 (2026-04-07) "
        "belum lewat pada 2026-04-07",
    )
    # window, 30 working days from Wed 8 Apr: 9, 10 (1, 2); 13-17 (3-7); 20-24 (8-12);
    # 27-30 (13-16); 1 May off; 4-8 (17-21); 11-13 (22-24); 14-15 off; 18-22 (25-29);
    # Mon 25 May (30) → 2026-05-25
    run.refused(
        *catat_args(day="2026-05-26", alasan="c", permohonan=nomor),
        message="alasan c ditemukan 2026-04-08 (hari setelah tenggat pemberitahuan lewat), batas "
        "pengajuan 2026-05-25",
    )
    run.refused(  # forced past the window check: still not before the reason exists (tolak M2)
        *catat_args("--paksa", "--catatan", "uji", day="2026-04-07", alasan="c", permohonan=nomor),
        message="alasan c baru ada pada 2026-04-08 (hari setelah tenggat pemberitahuan lewat), "
        "sesudah tanggal pengajuan keberatan 2026-04-07",
    )
    k = objection(run, day="2026-05-25", alasan="c", permohonan=nomor)
    # response: 30 working days from Mon 25 May: 26 (1); 27-28 off; 29 (2); 1 Jun off;
    # 2-5 (3-6); 8-12 (7-11); 15 (12); 16 off; 17-19 (13-15); 22-26 (16-20); 29, 30 (21, 22);
    # 1-3 Jul (23-25); 6-10 Jul (26-30) → 2026-07-10
    assert (k["alasan_ditemukan"], k["jatuh_tempo"], k["nomor_permohonan"]) == (
        "2026-04-08",
        "2026-07-10",
        nomor,
    )
    # No response by 10 Jul: the requester may go to the Komisi Informasi without one
    # (Pasal 37(2)); 14 working days from Fri 10 Jul: 13-17 (1-5), 20-24 (6-10), 27-30 (11-14)
    # → 2026-07-30
    n = k["nomor_registrasi"]
    run.refused(
        "keberatan", "tanggapan-pemohon", n, "--sikap", "sengketa", "--tanggal", "2026-07-10",
        message="tenggat tanggapannya (2026-07-10) belum lewat",
    )  # fmt: skip
    step(run, "tanggapan-pemohon", n, "--sikap", "sengketa", "--tanggal", "2026-07-13")
    r = krow(run, n)
    assert (r["status"], r["batas_sengketa"], r["tanggapan_pemohon_pada"]) == (
        "sengketa",
        "2026-07-30",
        "2026-07-13",
    )


def test_a_granted_objection_forbids_withholding_the_information(run):
    # Request Mon 16 Mar, unanswered by its deadline 7 Apr (see above): reason c from 8 Apr.
    nomor = request(run, "2026-03-16")
    objection(run, day="2026-04-08", alasan="c", permohonan=nomor)
    step(run, "teruskan", K1, "--tanggal", "2026-04-09")
    step(run, "tanggapi", K1, "--keputusan", "diterima", "--tanggal", "2026-04-13", "--tanpa-surat")
    shown = run.ok("permohonan", "lihat", nomor).stdout  # (no letter: no "(surat -)")
    assert "KEBERATAN DIKABULKAN oleh Atasan PPID pada 2026-04-13: informasi wajib" in shown
    withheld = {
        "ditolak": TOLAK,
        "tidak-dikuasai": ["--badan-publik", "Dinas Kependudukan dan Pencatatan Sipil"],
        "belum-didokumentasikan": [],
    }
    for keputusan, extra in withheld.items():
        run.refused(
            "permohonan", "putuskan", nomor, "--keputusan", keputusan, *extra,
            "--tanggal", "2026-04-14",
            message=f"permohonan {nomor} tidak dapat diputuskan '{keputusan}': keberatan {K1} atas "
            "permohonan ini dikabulkan Atasan PPID pada 2026-04-13 (keputusan 'diterima'), "
            "sehingga informasi wajib diberikan — putuskan dengan --keputusan diberikan",
        )  # fmt: skip
    # a partial grant still gives the information (what is blacked out is explained)
    decide(run, nomor, "2026-04-14", "diberikan-sebagian", "--penjelasan", "NIK dihitamkan")
    req = json.loads(run.ok("permohonan", "lihat", nomor, "--format", "json").stdout)["data"]
    assert (req["status"], req["keputusan"]) == ("diputuskan", "diberikan-sebagian")
    # its one delivery is the giving decision's own: timed from receipt, not also in the row
    # of deliveries on an order after a refusal (review sesi30 L2)
    run.ok("permohonan", "selesai", nomor, "--tanggal", "2026-04-15", "--tanpa-surat")
    report = json.loads(
        run.ok("laporan", "bulanan", "--bulan", "2026-04", "--format", "json").stdout
    )
    times = {r["kunci"]: r["jumlah"] for r in report["tabel"]["waktu"]["baris"]}
    assert (times["penyerahan"], times["penyerahan_perintah"]) == (1, 0)


def test_a_komisi_informasi_ruling_forbids_withholding_the_information(run):
    """The Atasan PPID refused the objection on an unanswered request; the Komisi Informasi
    granted the dispute (UU 14/2008 Pasal 46(1)(a)): the information is to be given, as on an
    Atasan's grant — putuskan refused only after an Atasan's grant (review sengketa), and
    `lihat` did not show the ruling at all."""
    nomor = request(run, "2026-03-16")  # unanswered by its deadline 7 Apr: reason c from 8 Apr
    objection(run, day="2026-04-08", alasan="c", permohonan=nomor)
    step(run, "teruskan", K1, "--tanggal", "2026-04-09")
    step(run, "tanggapi", K1, "--keputusan", "ditolak", "--pertimbangan", "Data pribadi",
         "--sk-pengecualian", SK, "--tanggal", "2026-04-13", "--tanpa-surat")  # fmt: skip
    step(run, "sampaikan", K1, "--tanggal", "2026-04-14")
    step(run, "tanggapan-pemohon", K1, "--sikap", "sengketa", "--tanggal", "2026-04-15")
    step(run, "putusan-sengketa", K1, "--putusan", "dikabulkan", "--nomor-sengketa",
         "007/KI-NTB/2026", "--tanggal", "2026-05-20")  # fmt: skip
    shown = run.ok("permohonan", "lihat", nomor).stdout
    assert (
        "SENGKETA DIPUTUS Komisi Informasi pada 2026-05-20 (nomor 007/KI-NTB/2026): permohonan "
        "sengketa dikabulkan seluruhnya (ajudikasi); informasi wajib diberikan" in shown
    )
    run.refused(
        "permohonan", "putuskan", nomor, "--keputusan", "ditolak", *TOLAK,
        "--tanggal", "2026-05-21",
        message=f"permohonan {nomor} tidak dapat diputuskan 'ditolak': keberatan {K1} atas "
        "permohonan ini dikabulkan Komisi Informasi pada 2026-05-20 (putusan 'dikabulkan'), "
        "sehingga informasi wajib diberikan",
    )  # fmt: skip
    decide(run, nomor, "2026-05-21", "diberikan")


def test_a_granted_objection_that_orders_nothing_given_restricts_no_decision(run):
    # an objection on fees (f) granted on a request not yet decided (taken with --paksa: its
    # history gives no fee) orders the fee reviewed, not the information given (its reply
    # letter; `lihat` says nothing is owed): the PPID may still refuse it on Pasal 17
    nomor = request(run, "2026-03-16")
    forced = ["--paksa", "--catatan", "biaya diminta lisan", "--alasan-ditemukan", "2026-03-17"]
    k = objection(run, *forced, day="2026-03-18", alasan="f", permohonan=nomor)["nomor_registrasi"]
    step(run, "teruskan", k, "--tanggal", "2026-03-18")
    step(run, "tanggapi", k, "--keputusan", "diterima", "--tanggal", "2026-03-19", "--tanpa-surat")
    assert "informasi wajib diberikan" not in run.ok("permohonan", "lihat", nomor).stdout
    decide(run, nomor, "2026-03-20")  # (ditolak, on Pasal 17 h)


def _ordered(run) -> tuple[list[str], int]:
    """The requests ``jatuh-tempo`` lists as owing a delivery a granted objection ordered, and
    March 2026's "Informasi belum diserahkan" (at the month's end)."""
    due = json.loads(run.ok("jatuh-tempo", "--format", "json").stdout)
    listed = [d["nomor_registrasi"] for d in due if "dikabulkan Atasan PPID" in d["jenis_tenggat"]]
    text = run.ok("jatuh-tempo").stdout
    assert all(n in text for n in listed)  # (not hidden with the undated cases)
    report = json.loads(
        run.ok("laporan", "bulanan", "--bulan", "2026-03", "--format", "json").stdout
    )
    return listed, report["ringkasan"]["menunggu_penyerahan"]


def test_an_undecided_request_under_a_granted_objection_is_counted_once(run):
    """Request 2 March never answered, objection c granted 20 March: the month's report counted
    it both as undecided and as information owed, one more than jatuh-tempo lists (review
    setahun F3). It is the undecided request jatuh-tempo lists, with its deadline."""
    nomor = request(run, "2026-03-02")  # (notification due 16 March)
    k = objection(run, day="2026-03-18", alasan="c")["nomor_registrasi"]
    step(run, "teruskan", k, "--tanggal", "2026-03-18")
    step(run, "pleno", k, "--tanggal", "2026-03-19")
    step(run, "tanggapi", k, "--keputusan", "diterima", "--tanggal", "2026-03-20", "--tanpa-surat")
    listed, owed = _ordered(run)
    assert (listed, owed) == ([], 0)
    due = json.loads(run.ok("jatuh-tempo", "--format", "json").stdout)
    assert [d["nomor_registrasi"] for d in due if d["register"] == "permohonan"] == [nomor]
    report = json.loads(
        run.ok("laporan", "bulanan", "--bulan", "2026-03", "--format", "json").stdout
    )
    assert report["ringkasan"]["terbuka_permohonan"] == 1


def test_the_daily_page_counts_the_offices_other_open_work(run, today):
    """laporan harian's "Seluruh perkara terbuka" was always fewer than the office's rows in
    jatuh-tempo: a reply not yet delivered and a delivery a granted objection ordered were in
    neither (review setahun F4). Named for what it counts, with those two beside it."""
    rejected_request(run)
    k = objection(run, day="2026-03-12")["nomor_registrasi"]
    step(run, "teruskan", k, "--tanggal", "2026-03-12")
    step(run, "pleno", k, "--tanggal", "2026-03-13")
    step(run, "tanggapi", k, "--keputusan", "diterima", "--tanggal", "2026-03-16", "--tanpa-surat")
    today("2026-03-17")
    office = [
        d["nomor_registrasi"]
        for d in json.loads(run.ok("jatuh-tempo", "--format", "json").stdout)
        if d["pihak"] == "kantor"
    ]
    assert sorted(office) == sorted([R1, k])  # (the ordered delivery; the reply, SOP: 1 day)
    page = json.loads(run.ok("laporan", "harian", "--format", "json").stdout)
    r = page["ringkasan"]
    assert (r["terbuka"], r["tanggapan_belum_disampaikan"], r["menunggu_penyerahan"]) == (0, 1, 1)
    labels = {row["kunci"]: row["ukuran"] for row in page["tabel"]["ringkasan"]["baris"]}
    assert labels["terbuka"] == "Belum dijawab (permohonan dan keberatan)"


def _disputed(run, *extra: str) -> str:
    """An objection to request 1's refusal (filed 12 March) refused by the Atasan PPID on 20
    March, delivered on the 23rd, taken to the Komisi Informasi on the 25th; its number."""
    rejected_request(run)
    k = objection(run, day="2026-03-12")["nomor_registrasi"]
    step(run, "teruskan", k, "--tanggal", "2026-03-12")
    step(run, "tanggapi", k, "--keputusan", "ditolak", "--pertimbangan", "Data pribadi",
         "--sk-pengecualian", SK, "--tanggal", "2026-03-20", "--tanpa-surat")  # fmt: skip
    step(run, "sampaikan", k, "--tanggal", "2026-03-23")
    step(run, "tanggapan-pemohon", k, "--sikap", "sengketa", *extra, "--tanggal", "2026-03-25")
    return k


def test_a_komisi_informasi_ruling_that_grants_orders_the_information_given(run):
    """The Komisi Informasi granted the dispute (UU 14/2008 Pasal 46(1)(a)): the information is
    to be given. Only an Atasan PPID's grant was tracked: `permohonan selesai` refused the
    delivery, jatuh-tempo and the report's "belum diserahkan" knew nothing (review sengketa
    F1). Now as a granted objection's order: listed, counted, and its delivery recorded."""
    k = _disputed(run)
    step(run, "putusan-sengketa", k, "--putusan", "dikabulkan", "--nomor-sengketa",
         "003/KI-NTB/2026", "--tanggal", "2026-03-27")  # fmt: skip
    found = json.loads(
        run.ok("keberatan", "daftar", "--cari", "003/ki-ntb", "--format", "json").stdout
    )
    assert [r["nomor_registrasi"] for r in found] == [k]  # (its number searched: sengketa F3)
    due = json.loads(run.ok("jatuh-tempo", "--format", "json").stdout)
    (owed,) = [d for d in due if d["register"] == "permohonan"]
    assert owed["jenis_tenggat"] == (
        f"penyerahan informasi atas keberatan {k} yang dikabulkan Komisi Informasi pada "
        "2026-03-27 (tanpa tenggat undang-undang)"
    )
    report = json.loads(
        run.ok("laporan", "bulanan", "--bulan", "2026-03", "--format", "json").stdout
    )
    assert report["ringkasan"]["menunggu_penyerahan"] == 1
    run.usage("permohonan", "selesai", R1, "--siap", "2026-03-30", "--tanggal", "2026-03-30",
              message="--dibayar dan --siap hanya untuk penyerahan atas keputusan PPID")  # fmt: skip
    done = run.ok("permohonan", "selesai", R1, "--tanggal", "2026-03-30")
    assert f"informasi diserahkan 2026-03-30 atas keberatan {k} yang dikabulkan Komisi " in (
        done.stdout + done.stderr
    )
    (receipt,) = (run.root / "letters" / "2026").glob("*tanda-terima-informasi*.docx")
    text = docx_text(receipt)  # (it was the Komisi's order, not the Atasan's: named as such)
    assert "dikabulkan Atasan PPID" not in text
    assert (
        "Dasar penyerahan | : | putusan Komisi Informasi Nomor 003/KI-NTB/2026 tanggal 27 Maret 2026 "
        f"atas keberatan {k}" in text
    )
    assert [d for d in json.loads(run.ok("jatuh-tempo", "--format", "json").stdout)
            if d["register"] == "permohonan"] == []  # fmt: skip
    assert run.ok("periksa").stdout == ""
    # the delivery is timed from the ruling (Fri 27 → Mon 30: 1 working day), not from the
    # request's receipt beside the PPID's own deliveries (review bukti M6: 79 HK read as slow)
    report = json.loads(
        run.ok("laporan", "bulanan", "--bulan", "2026-03", "--format", "json").stdout
    )
    times = {r["kunci"]: r for r in report["tabel"]["waktu"]["baris"]}
    assert times["penyerahan"]["jumlah"] == 0
    assert (times["penyerahan_perintah"]["jumlah"], times["penyerahan_perintah"]["maksimum"]) == (
        1,
        1,
    )


@pytest.mark.parametrize("putusan", ["mediasi", "mediasi-diberikan"])
def test_a_mediation_agreeing_to_give_the_information_orders_it_given(run, putusan):
    """A mediation's agreement is final and binding (UU 14/2008 Pasal 39), and it often is that
    the office gives the information: its delivery could not be recorded (`permohonan selesai`
    refused it, as after a plain refusal) and jatuh-tempo owed nothing. `mediasi-diberikan`
    records that agreement; a plain `mediasi` still orders nothing."""
    k = _disputed(run, "--nomor-sengketa", "004/KI-NTB/2026")
    step(run, "putusan-sengketa", k, "--putusan", putusan, "--tanggal", "2026-04-15")
    owed = [d for d in json.loads(run.ok("jatuh-tempo", "--format", "json").stdout)
            if d["register"] == "permohonan"]  # fmt: skip
    if putusan == "mediasi":
        assert owed == []
        run.refused(
            "permohonan", "selesai", R1, "--tanggal", "2026-04-20",
            message=f"permohonan {R1} sudah selesai pada 2026-03-10",
        )  # fmt: skip
        return
    (due,) = owed
    assert due["jenis_tenggat"] == (
        f"penyerahan informasi atas keberatan {k} yang disepakati dalam mediasi Komisi Informasi "
        "pada 2026-04-15 (tanpa tenggat undang-undang)"
    )
    shown = run.ok("permohonan", "lihat", R1).stdout
    assert (
        "SENGKETA DIPUTUS Komisi Informasi pada 2026-04-15 (nomor 004/KI-NTB/2026): selesai "
        "melalui mediasi: informasi diberikan sesuai kesepakatan para pihak; informasi wajib "
        "diberikan"
    ) in shown
    run.ok("permohonan", "selesai", R1, "--tanggal", "2026-04-20")
    (receipt,) = (run.root / "letters" / "2026").glob("*tanda-terima-informasi*.docx")
    assert (
        "Dasar penyerahan | : | putusan Komisi Informasi Nomor 004/KI-NTB/2026 tanggal 15 April "
        f"2026 (mediasi) atas keberatan {k}" in docx_text(receipt)
    )
    row = json.loads(run.ok("permohonan", "lihat", R1, "--format", "json").stdout)["data"]
    assert row["catatan"] == (
        f"informasi diserahkan 2026-04-20 atas keberatan {k} yang disepakati dalam mediasi "
        "Komisi Informasi"
    )
    assert [
        d
        for d in json.loads(run.ok("jatuh-tempo", "--format", "json").stdout)
        if d["register"] == "permohonan"
    ] == []  # (the delivery read back: carried out)
    assert run.ok("periksa").stdout == ""


def test_a_delivery_on_an_order_made_on_a_day_off_counts_on_the_next_working_day(run):
    # as the other rows of the report's time table: granted Wed 15 Apr, handed over on
    # Saturday 18 Apr → counted Mon 20 Apr: 16, 17, 20 = 3 working days (review sesi30b N3)
    rejected_request(run)
    k = objection(run, day="2026-03-12")["nomor_registrasi"]
    step(run, "teruskan", k, "--tanggal", "2026-03-12")
    step(run, "tanggapi", k, "--keputusan", "diterima", "--tanggal", "2026-04-15", "--tanpa-surat")
    run.ok("permohonan", "selesai", R1, "--tanggal", "2026-04-18", "--tanpa-surat")
    report = json.loads(
        run.ok("laporan", "bulanan", "--bulan", "2026-04", "--format", "json").stdout
    )
    (row,) = [r for r in report["tabel"]["waktu"]["baris"] if r["kunci"] == "penyerahan_perintah"]
    assert (row["jumlah"], row["maksimum"]) == (1, 3)


def test_information_given_on_a_granted_objection_after_a_closing_refusal(run):
    # Rejected Tue 10 Mar (rejected_request), objection Thu 12 Mar granted Mon 16 Mar: the
    # request was closed by the rejection: neither putuskan nor selesai could record that the
    # information was then given, and the refusal sent the desk to file the objection granted
    rejected_request(run)
    k = objection(run, day="2026-03-12")["nomor_registrasi"]
    step(run, "teruskan", k, "--tanggal", "2026-03-12")
    step(run, "pleno", k, "--tanggal", "2026-03-13")
    # not before the objection is granted
    run.refused("permohonan", "selesai", R1, "--tanggal", "2026-03-16",
                message=f"permohonan {R1} sudah selesai pada 2026-03-10 — tidak ada yang perlu")  # fmt: skip
    step(run, "tanggapi", k, "--keputusan", "diterima", "--tanggal", "2026-03-16", "--tanpa-surat")
    run.refused(
        "permohonan", "putuskan", R1, "--keputusan", "diberikan", "--tanggal", "2026-03-17",
        message=f"keputusan tidak dapat diubah — keberatan {k} atas permohonan ini dikabulkan: "
        f"catat penyerahan informasinya dengan: ppidctl permohonan selesai {R1}",
    )  # fmt: skip
    # not before the Atasan's reply
    run.refused("permohonan", "selesai", R1, "--tanggal", "2026-03-13",
                message="tanggal penyerahan 2026-03-13 sebelum langkah sebelumnya (2026-03-16)")  # fmt: skip
    # until it is handed over, the order is owed: listed by jatuh-tempo, counted by the reports
    # (it was in no list: not open, not "given, not yet handed over")
    assert _ordered(run) == ([R1], 1)
    out = run.ok("permohonan", "selesai", R1, "--tanggal", "2026-03-25").stdout
    assert _ordered(run) == ([], 0)
    # its receipt says why a refused request's information was handed over
    receipt = docx_text(out.split("Surat")[1].split(": ", 1)[1].strip())
    assert f"Dasar penyerahan | : | keberatan {k} yang dikabulkan Atasan PPID" in receipt
    req = json.loads(run.ok("permohonan", "lihat", R1, "--format", "json").stdout)["data"]
    # the decision as made stays (the register's history); the delivery and why are recorded
    assert (req["status"], req["keputusan"], req["tanggal_selesai"]) == (
        "selesai", "ditolak", "2026-03-25"
    )  # fmt: skip
    assert req["catatan"] == f"informasi diserahkan 2026-03-25 atas keberatan {k} yang " + (
        "dikabulkan Atasan PPID"
    )
    run.refused(
        "permohonan", "selesai", R1, message=f"permohonan {R1} sudah selesai pada 2026-03-25"
    )


def test_information_given_again_on_an_objection_granted_after_the_delivery(run):
    # given in part and handed over, then an objection (reason d) granted: the Atasan ordered
    # more given, and selesai refused "tidak ada yang perlu dicatat lagi" (SOP step 6 had none)
    nomor = request(run, "2026-03-02")
    decide(run, nomor, "2026-03-05", "diberikan-sebagian", "--penjelasan", "Per kelurahan saja")
    run.ok("permohonan", "selesai", nomor, "--tanggal", "2026-03-06")
    k = objection(run, alasan="d", day="2026-03-09")["nomor_registrasi"]
    run.refused("permohonan", "selesai", nomor, "--tanggal", "2026-03-10",
                message="tidak ada keberatan yang dikabulkan Atasan PPID atau Komisi Informasi sesudahnya")  # fmt: skip
    step(run, "teruskan", k, "--tanggal", "2026-03-09")
    step(run, "tanggapi", k, "--keputusan", "diterima", "--tanggal", "2026-03-12", "--tanpa-surat")
    assert _ordered(run) == ([nomor], 1)
    said = run.ok("permohonan", "selesai", nomor, "--tanggal", "2026-03-16").stdout
    assert _ordered(run) == ([], 0)
    assert f"{nomor}: informasi diserahkan 2026-03-16 atas keberatan {k}" in said
    # its receipt says on whose order, and no longer that a part was blacked out (it had
    # neither: the rows came from the first decision)
    receipt = docx_text(said.split("Surat")[1].split(": ", 1)[1].strip())
    assert f"Dasar penyerahan | : | keberatan {k} yang dikabulkan Atasan PPID" in receipt
    assert "Tanggal penyerahan | : | 16 Maret 2026" in receipt
    assert "dihitamkan" not in receipt and "Per kelurahan saja" not in receipt
    # copies: one receipt per handover, each with its own day and basis (the copy was
    # dated by the first handover and said nothing of the order); a month names its own
    made = run.ok("surat", "buat", "tanda-terima-informasi", nomor).stdout.split()
    first, second = (docx_text(p) for p in made)
    assert "Tanggal penyerahan | : | 6 Maret 2026" in first and "Dasar penyerahan" not in first
    assert "Bagian yang dihitamkan/dikecualikan | : | Per kelurahan saja" in first
    assert "Tanggal penyerahan | : | 16 Maret 2026" in second
    assert f"keberatan {k} yang dikabulkan" in second
    month = run.ok("surat", "buat", "tanda-terima-informasi", "--semua", "--bulan", "2026-03")
    assert [docx_text(p).count("Dasar penyerahan") for p in month.stdout.split()] == [0, 1]
    run.refused("surat", "buat", "tanda-terima-informasi", "--semua", "--bulan", "2026-04",
                message="tidak ada permohonan yang memerlukan surat tanda-terima-informasi pada")  # fmt: skip
    req = json.loads(run.ok("permohonan", "lihat", nomor, "--format", "json").stdout)["data"]
    # the first delivery stays the request's; the one the Atasan ordered is told beside it
    assert (req["tanggal_selesai"], req["catatan"]) == (
        "2026-03-06", f"informasi diserahkan 2026-03-16 atas keberatan {k} yang dikabulkan "
        "Atasan PPID",
    )  # fmt: skip
    run.refused("permohonan", "selesai", nomor, "--tanggal", "2026-03-17",
                message=f"permohonan {nomor} sudah selesai")  # fmt: skip


def test_a_refusals_closing_day_is_no_handover():
    # a legacy book's "selesai" on a refused request: the copy made a receipt of a handover
    # that never was, with no basis (jatuh-tempo counts that order as still owed)
    from ppidctl.services.common import deliveries

    refused = {"keputusan": "ditolak", "tanggal_selesai": "2024-03-10", "catatan": ""}
    granted = {"nomor_registrasi": "001/KEB", "keputusan_atasan": "diterima", "alasan": "a",
               "tanggal_tanggapan": "2024-03-01"}  # fmt: skip
    assert deliveries(refused, [granted]) == {}
    given = {**refused, "keputusan": "diberikan"}
    assert deliveries(given, []) == {"2024-03-10": []}
    assert deliveries(given, [granted]) == {"2024-03-10": [granted]}  # (given after the order)


def test_no_receipt_for_a_request_closed_by_its_refusal(run):
    # a refusal closes the request with nothing handed over: asking for its receipt made
    # nothing and exited 0
    rejected_request(run)
    run.refused("surat", "buat", "tanda-terima-informasi", R1,
                message=f"{R1}: tidak ada penyerahan informasi yang tercatat, jadi tidak ada "
                "surat tanda-terima-informasi")  # fmt: skip


def test_a_second_order_after_a_first_delivery_is_owed_in_the_reports_too(run):
    # jatuh-tempo listed the second order; the report read only the earliest order and the
    # first delivery in Keterangan, and counted nothing waiting
    nomor = request(run, "2026-03-02")
    decide(run, nomor, "2026-03-05", "diberikan-sebagian", "--penjelasan", "Per kelurahan saja")
    run.ok("permohonan", "selesai", nomor, "--tanggal", "2026-03-06")
    k1 = objection(run, alasan="d", day="2026-03-09")["nomor_registrasi"]
    step(run, "teruskan", k1, "--tanggal", "2026-03-09")
    step(run, "tanggapi", k1, "--keputusan", "diterima", "--tanggal", "2026-03-10", "--tanpa-surat")
    run.ok("permohonan", "selesai", nomor, "--tanggal", "2026-03-11")
    assert _ordered(run) == ([], 0)
    k2 = objection(run, alasan="e", day="2026-03-12")["nomor_registrasi"]
    step(run, "teruskan", k2, "--tanggal", "2026-03-12")
    step(run, "tanggapi", k2, "--keputusan", "diterima", "--tanggal", "2026-03-13", "--tanpa-surat")
    assert _ordered(run) == ([nomor], 1)


def test_one_handing_over_carries_out_every_order_given_by_then(run):
    # two objections on one refused request, both granted, the information handed over once:
    # selesai closed the earliest order only, and the second stayed owed until the same
    # delivery was recorded a second time
    rejected_request(run)
    k1 = objection(run, day="2026-03-12")["nomor_registrasi"]
    step(run, "teruskan", k1, "--tanggal", "2026-03-12")
    step(run, "tanggapi", k1, "--keputusan", "diterima", "--tanggal", "2026-03-16", "--tanpa-surat")
    k2 = objection(run, alasan="e", day="2026-03-17", permohonan=R1)["nomor_registrasi"]
    step(run, "teruskan", k2, "--tanggal", "2026-03-17")
    step(run, "tanggapi", k2, "--keputusan", "diterima", "--tanggal", "2026-03-19", "--tanpa-surat")
    assert _ordered(run) == ([R1], 1)
    run.ok("permohonan", "selesai", R1, "--tanggal", "2026-03-20")
    assert _ordered(run) == ([], 0)
    run.refused("permohonan", "selesai", R1, "--tanggal", "2026-03-23",
                message=f"permohonan {R1} sudah selesai pada 2026-03-20")  # fmt: skip


def test_a_granted_objection_on_a_late_delivery_orders_nothing_more_given(run):
    # reason g (information delivered late, Pasal 35(1) g): granting it does not order the
    # information given again — it was — so nothing is owed: not listed, not counted, and
    # selesai has nothing to record
    nomor = request(run, "2026-03-02")
    decide(run, nomor, "2026-03-20", "diberikan")  # late: due 16 Mar
    run.ok("permohonan", "selesai", nomor, "--tanggal", "2026-03-23")
    k = objection(run, alasan="g", day="2026-03-24", permohonan=nomor)["nomor_registrasi"]
    step(run, "teruskan", k, "--tanggal", "2026-03-24")
    step(run, "tanggapi", k, "--keputusan", "diterima", "--tanggal", "2026-03-26", "--tanpa-surat")
    assert _ordered(run) == ([], 0)
    shown = run.ok("permohonan", "lihat", nomor).stdout
    assert "KEBERATAN DIKABULKAN" in shown and "informasi wajib diberikan" not in shown
    run.refused("permohonan", "selesai", nomor, "--tanggal", "2026-03-27",
                message="tidak ada keberatan yang dikabulkan Atasan PPID atau Komisi Informasi sesudahnya")  # fmt: skip


def test_a_granted_fee_objection_orders_no_delivery_but_a_granted_d_does(run):
    """Granting an objection on unreasonable fees (UU 14/2008 Pasal 35(1) f) orders the fee
    reviewed, not the information given again (rules.md §2; the reply's order): after the
    delivery nothing is owed and selesai has nothing to record. Granting one on an answer not
    as requested (d) orders the information given: owed, listed, then recorded."""
    nomor = request(run, "2026-03-02")
    decide(run, nomor, "2026-03-05", "diberikan-sebagian", "--biaya", "750000",
           "--penjelasan", "NIK dihitamkan")  # fmt: skip
    run.ok("permohonan", "selesai", nomor, "--tanggal", "2026-03-06")
    kf = objection(run, alasan="f", day="2026-03-09", permohonan=nomor)["nomor_registrasi"]
    step(run, "teruskan", kf, "--tanggal", "2026-03-09")
    step(run, "tanggapi", kf, "--keputusan", "diterima", "--tanggal", "2026-03-10", "--tanpa-surat")
    assert _ordered(run) == ([], 0)
    run.refused("permohonan", "selesai", nomor, "--tanggal", "2026-03-11",
                message="tidak ada keberatan yang dikabulkan Atasan PPID atau Komisi Informasi sesudahnya")  # fmt: skip
    kd = objection(run, alasan="d", day="2026-03-11", permohonan=nomor)["nomor_registrasi"]
    step(run, "teruskan", kd, "--tanggal", "2026-03-11")
    step(run, "tanggapi", kd, "--keputusan", "diterima", "--tanggal", "2026-03-12", "--tanpa-surat")
    assert _ordered(run) == ([nomor], 1)
    run.ok("permohonan", "selesai", nomor, "--tanggal", "2026-03-13")
    assert _ordered(run) == ([], 0)


def test_accepting_before_the_reply_names_the_step_that_can_come_next(run):
    # the hint said "catat penyampaiannya dahulu: sampaikan", which is refused before a reply
    rejected_request(run)
    k = objection(run, day="2026-03-12")["nomor_registrasi"]
    accept = ("keberatan", "tanggapan-pemohon", k, "--sikap", "menerima", "--tanggal", "2026-03-13")
    run.refused(*accept, message="(status 'terdaftar'): pemohon menerima tanggapan yang sudah "
                f"sampai — keberatan ini belum ditanggapi Atasan PPID; lihat langkah berikutnya: "
                f"ppidctl keberatan lihat {k}")  # fmt: skip
    step(run, "teruskan", k, "--tanggal", "2026-03-12")
    step(run, "pleno", k, "--tanggal", "2026-03-12")
    step(run, "tanggapi", k, "--keputusan", "diterima", "--tanggal", "2026-03-13", "--tanpa-surat")
    run.refused(*accept, message=f"catat penyampaiannya dahulu: ppidctl keberatan sampaikan {k}")


def test_an_objection_on_a_running_election_stage_is_answered_in_three_working_days(run):
    # only its refusals had tests: the 3-day deadline came from a request filed with a stage
    run.ok("tahapan", "tambah", "Pencalonan", "--mulai", "2026-01-05", "--selesai", "2026-06-30")
    nomor = request(run, "2026-02-02")  # filed without a stage
    decide(run, nomor, "2026-02-04")
    k = objection(run, "--tahapan", "Pencalonan", day="2026-02-09", permohonan=nomor)
    # 3 working days from Mon 9 Feb: 10, 11, 12
    assert (k["tahapan"], k["jatuh_tempo"]) == ("Pencalonan", "2026-02-12")


def test_a_reason_is_not_objected_twice_while_its_objection_runs(run):
    rejected_request(run)  # reason a found 10 Mar; filing window to 29 Apr
    objection(run, day="2026-04-06")
    same = f"permohonan {R1} sudah punya keberatan {K1} (2026-04-06, alasan a, status "
    run.refused(
        *catat_args(day="2026-04-06", surat=True),
        message=same + "'terdaftar') yang belum selesai: alasan yang sama tidak dicatat dua kali "
        f"— lanjutkan keberatan itu (ppidctl keberatan lihat {K1})",
    )
    # --paksa is for what the register cannot know; this it knows
    run.refused(
        *catat_args("--paksa", "--catatan", "diajukan lagi", day="2026-04-06", alasan="a,e"),
        message=same + "'terdaftar') yang belum selesai",
    )
    # another reason on the same request is another objection
    assert objection(run, day="2026-04-06", alasan="e")["nomor_registrasi"] == (
        "002/KEB/PPID/5271/IV/2026"
    )
    # answered and delivered is not finished: the requester accepts or goes to the KI
    delivered_reply(run, "2026-04-07", "2026-04-08", "2026-04-09")
    run.refused(*catat_args(day="2026-04-09"), message=same + "'disampaikan') yang belum selesai")
    # once finished, the same reason may come again (the request may have been answered again)
    step(run, "tanggapan-pemohon", K1, "--sikap", "menerima", "--tanggal", "2026-04-10")
    out = run.ok(*catat_args(day="2026-04-13", alasan="a", surat=True))
    assert "Nomor registrasi : 003/KEB/PPID/5271/IV/2026" in out.stdout
    assert (
        f"Peringatan: permohonan {R1} sudah pernah diajukan keberatan {K1} dengan alasan a "
        "(selesai, tanggapan pemohon 2026-04-10)"
    ) in out.stderr


def test_the_dispute_window_is_recomputed_like_every_deadline(run, ws, today):
    """rules.md §1: a deadline is never only stored. The requester's 14 working days to go to
    the Komisi Informasi (Pasal 37(2)) move with a day off decreed later, and an objection left
    unanswered past its deadline shows the window its lapse opened."""
    rejected_request(run)
    objection(run, day="2026-04-06")  # response due Thu 21 May (30 working days)
    today("2026-05-25")  # unanswered, two working days past: the window runs from 21 May
    (row,) = json.loads(run.ok("jatuh-tempo", "--format", "json").stdout)
    assert (row["jatuh_tempo"], row["terlambat"]) == ("2026-05-21", "ya")
    # 22 (1), 25, 26 (2, 3), 27-28 Idul Adha, 29 (4), 1 Jun off, 2-5 (5-8), 8-12 (9-13), 15 (14)
    assert row["jenis_tenggat"] == (
        "tanggapan Atasan PPID; pemohon dapat mengajukan sengketa s.d. 2026-06-15"
    )
    delivered_reply(run, "2026-05-25", "2026-05-25", "2026-05-25")
    # delivered Mon 25 May: 26 (1), 29 (2), 2-5 (3-6), 8-12 (7-11), 15 (12), 16 Jun 1 Muharram,
    # 17, 18 (13, 14)
    assert krow(run)["batas_sengketa"] == "2026-06-18"
    out = run.ok("kalender", "tambah", "2026-06-08", "--keterangan", "HUT Kota Mataram")
    assert f"{K1}: Batas Pengajuan Sengketa 2026-06-18 → 2026-06-19" in out.stderr
    assert krow(run)["batas_sengketa"] == "2026-06-19"
    (row,) = json.loads(run.ok("jatuh-tempo", "--format", "json").stdout)
    assert (row["jatuh_tempo"], row["pihak"]) == ("2026-06-19", "pemohon")
    assert run.ok("periksa").stdout == ""
    # a length changed by hand in ppidctl.toml: periksa finds it, --perbaiki-tenggat stores it
    toml = ws.root / "ppidctl.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("sengketa = 14 ", "sengketa = 15 "))
    found = run("periksa")
    assert found.exit_code == 1
    assert "batas_sengketa 2026-06-19 tidak sesuai kalender sekarang: seharusnya 2026-06-22" in (
        found.stdout
    )
    run.ok("periksa", "--perbaiki-tenggat")
    # the requester's answer stores the window as it stood, and a dispute after it is told
    today("2026-06-23")
    out = step(run, "tanggapan-pemohon", K1, "--sikap", "sengketa", "--tanggal", "2026-06-23")
    assert "sengketa diajukan 2026-06-23, melewati batas 2026-06-22" in out.stderr
    assert krow(run)["batas_sengketa"] == "2026-06-22"


def test_jatuh_tempo_judges_the_deadline_it_lists(run, today):
    """A late response, delivered: jatuh-tempo lists the requester's dispute window (pihak
    pemohon, days left) — and marked it 'terlambat', by the response's recorded lateness, so
    `jatuh-tempo --terlambat` listed it and counted otherwise than laporan harian's "Lewat
    tenggat" (review setahun F1). The row's own deadline decides there; daftar and lihat keep
    the response's lateness."""
    rejected_request(run)
    objection(run, day="2026-04-06")  # response due Thu 21 May
    today("2026-05-26")
    delivered_reply(run, "2026-04-07", "2026-05-25", "2026-05-26")
    assert krow(run)["terlambat"] == "ya"
    (row,) = json.loads(run.ok("jatuh-tempo", "--format", "json").stdout)
    assert (row["pihak"], row["terlambat"]) == ("pemohon", "tidak")
    assert json.loads(run.ok("jatuh-tempo", "--terlambat", "--format", "json").stdout) == []
    harian = run.ok("laporan", "harian", "--format", "csv").stdout
    assert "ringkasan,lewat_tenggat,nilai,0" in harian
    late = json.loads(run.ok("keberatan", "daftar", "--terlambat", "--format", "json").stdout)
    assert [r["nomor_registrasi"] for r in late] == [K1]


def test_an_objection_never_answered_stays_late_once_the_dispute_is_recorded(run, today):
    # UU 14/2008 Pasal 36(2): no response by the deadline is a missed deadline; the register
    # said "tidak" once the requester went to the Komisi Informasi (the report counted it late)
    rejected_request(run)
    objection(run, day="2026-04-06")  # response due Thu 21 May, never given
    today("2026-05-25")
    step(run, "tanggapan-pemohon", K1, "--sikap", "sengketa", "--tanggal", "2026-05-25")
    assert (krow(run)["status"], krow(run)["terlambat"]) == ("sengketa", "ya")
    late = json.loads(run.ok("keberatan", "daftar", "--terlambat", "--format", "json").stdout)
    assert [r["nomor_registrasi"] for r in late] == [K1]


def test_an_unanswered_disputed_objection_an_old_version_left_not_late_is_found_and_fixed(
    run, ws, today
):
    """ppidctl before bab0ca1 recorded such an objection with terlambat empty: after the
    upgrade periksa names it, and periksa --perbaiki-tenggat records it late."""
    rejected_request(run)
    objection(run, day="2026-04-06")
    today("2026-05-25")
    step(run, "tanggapan-pemohon", K1, "--sikap", "sengketa", "--tanggal", "2026-05-25")
    with ws.transaction("keberatan tanggapan-pemohon") as tx:  # (as the old version stored it)
        tx.update("keberatan", 0, {"terlambat": ""})
    r = run("periksa")
    assert r.exit_code == 1
    assert ("terlambat (kosong) tidak sesuai aturan sekarang: seharusnya ya (kalender berubah, "
            "tanggalnya disunting di register, atau dicatat ppidctl versi lama) — hitung ulang "
            "dengan: ppidctl periksa --perbaiki-tenggat") in r.stdout  # fmt: skip
    fixed = run.ok("periksa", "--perbaiki-tenggat")
    assert (
        "tidak ditanggapi sampai sengketa, kini terlambat (Tanggapan Terlambat (kosong) → ya)"
        in fixed.stderr
    )
    assert krow(run)["terlambat"] == "ya"


def test_an_undated_dispute_an_old_import_left_not_late_is_judged_today(run, ws, today):
    """An old book's dispute without its date, imported by ppidctl before bab0ca1: terlambat
    empty, shown as "tidak" while the report counted it missed. Judged on today, as the import
    now does; one the import judged ("tidak" or "ya") is left as it was judged."""
    rejected_request(run)
    objection(run, day="2026-04-06")
    today("2026-05-25")
    step(run, "tanggapan-pemohon", K1, "--sikap", "sengketa", "--tanggal", "2026-05-25")
    with ws.transaction("impor") as tx:  # (as the old import stored it: no date, not judged)
        tx.update("keberatan", 0, {"terlambat": "", "tanggapan_pemohon_pada": ""})
    r = run("periksa")
    assert (
        r.exit_code == 1
        and "terlambat (kosong) tidak sesuai aturan sekarang: seharusnya ya" in (r.stdout)
    )
    run.ok("periksa", "--perbaiki-tenggat")
    assert krow(run)["terlambat"] == "ya"
    with ws.transaction("impor") as tx:  # (judged by an import: its judgement stands)
        tx.update("keberatan", 0, {"terlambat": "tidak"})
    assert "terlambat" not in run("periksa").stdout


def test_the_komisi_informasi_number_is_recorded_when_the_dispute_is_filed(run):
    """The summons names the dispute's register number long before the ruling: recorded with
    the dispute (it could be given only with the ruling: review sengketa F2), searched, kept by
    the ruling, and a different one refused there."""
    rejected_request(run)
    objection(run, day="2026-04-06")
    delivered_reply(run, "2026-04-07", "2026-04-08", "2026-04-09")
    run.usage(
        "keberatan", "tanggapan-pemohon", K1, "--sikap", "menerima", "--nomor-sengketa", "1/KI",
        "--tanggal", "2026-04-13",
        message="--nomor-sengketa hanya untuk --sikap sengketa",
    )  # fmt: skip
    filed = step(run, "tanggapan-pemohon", K1, "--sikap", "sengketa", "--nomor-sengketa",
                 "012/V/KI-NTB-PS/2026", "--tanggal", "2026-04-13")  # fmt: skip
    assert "Nomor sengketa" in filed.stdout and "012/V/KI-NTB-PS/2026" in filed.stdout
    assert krow(run)["nomor_sengketa"] == "012/V/KI-NTB-PS/2026"
    found = run.ok("keberatan", "daftar", "--cari", "012/v/ki", "--format", "json").stdout
    assert [r["nomor_registrasi"] for r in json.loads(found)] == [K1]
    assert json.loads(found)[0]["status"] == "sengketa"  # (the register's word, for scripts)
    # the desk's list tells a dispute awaiting the Komisi from one ruled (review bukti M3)
    assert "sengketa (belum diputus)" in run.ok("keberatan", "daftar").stdout
    run.refused(
        "keberatan", "putusan-sengketa", K1, "--putusan", "ditolak", "--nomor-sengketa",
        "013/V/KI-NTB-PS/2026", "--tanggal", "2026-05-20",
        message=f"nomor sengketa keberatan {K1} sudah tercatat 012/V/KI-NTB-PS/2026, bukan "
        "013/V/KI-NTB-PS/2026",
    )  # fmt: skip
    step(
        run,
        "putusan-sengketa",
        K1,
        "--putusan",
        "ditolak",
        "--nomor-sengketa",
        "012/v/ki-ntb-ps/2026",
        "--tanggal",
        "2026-05-20",
    )  # fmt: skip (as typed: the same)
    r = krow(run)
    assert (r["putusan_sengketa"], r["nomor_sengketa"]) == ("ditolak", "012/V/KI-NTB-PS/2026")
    assert "sengketa (ditolak)" in run.ok("keberatan", "daftar").stdout


def test_the_komisi_informasi_number_can_follow_the_filing(run):
    # the summons naming it comes after the dispute was recorded: it was refused then
    # ("sudah dicatat") until the ruling (review sesi30 L1); added alone, once
    rejected_request(run)
    objection(run, day="2026-04-06")
    delivered_reply(run, "2026-04-07", "2026-04-08", "2026-04-09")
    step(run, "tanggapan-pemohon", K1, "--sikap", "sengketa", "--tanggal", "2026-04-13")
    added = step(run, "tanggapan-pemohon", K1, "--sikap", "sengketa", "--nomor-sengketa",
                 "012/V/KI-NTB-PS/2026", "--tanggal", "2026-04-20")  # fmt: skip
    assert "tanggal pengajuan sengketanya tetap 2026-04-13" in " ".join(added.stderr.split())
    r = krow(run)
    assert (r["nomor_sengketa"], r["tanggapan_pemohon_pada"]) == (
        "012/V/KI-NTB-PS/2026",
        "2026-04-13",  # (the filing's day kept)
    )
    run.refused(
        "keberatan", "tanggapan-pemohon", K1, "--sikap", "sengketa", "--nomor-sengketa",
        "013/V/KI-NTB-PS/2026", "--tanggal", "2026-04-21",
        message=f"tanggapan pemohon atas keberatan {K1} sudah dicatat",
    )  # fmt: skip


def test_the_dispute_outcome_is_recorded_once_after_the_dispute(run, ws):
    """rules.md §7: the annual report gives disputes filed and their outcome."""
    rejected_request(run)
    objection(run, day="2026-04-06")
    delivered_reply(run, "2026-04-07", "2026-04-08", "2026-04-09")
    outcome = ["putusan-sengketa", K1, "--putusan", "mediasi"]
    assert "--sikap sengketa" in run.refused("keberatan", *outcome, message="hanya untuk").stderr
    run.refused(
        "keberatan", *outcome, "--tanggal", "2026-04-10",
        message=f"keberatan {K1} berstatus 'disampaikan': putusan sengketa hanya untuk keberatan "
        "yang dibawa pemohon ke Komisi Informasi",
    )  # fmt: skip
    step(run, "tanggapan-pemohon", K1, "--sikap", "sengketa", "--tanggal", "2026-04-13")
    lap = json.loads(run.ok("laporan", "bulanan", "--bulan", "2026-04", "--format", "json").stdout)
    assert lap["tabel"]["sengketa"]["baris"][0]["putusan"] == "belum diputus"
    assert lap["tabel"]["sengketa"]["catatan"].startswith("1 sengketa belum tercatat putusannya")
    run.refused(
        "keberatan", *outcome, "--tanggal", "2026-04-10",
        message="tanggal putusan sengketa 2026-04-10 sebelum langkah sebelumnya (2026-04-13)",
    )  # fmt: skip
    out = step(*[run, *outcome], "--nomor-sengketa", "012/V/KI-NTB-PS/2026", "--tanggal",
               "2026-05-20", "--format", "json")  # fmt: skip
    r = json.loads(out.stdout)
    assert (r["status"], r["putusan_sengketa"], r["tanggal_putusan_sengketa"]) == (
        "sengketa",
        "mediasi",
        "2026-05-20",
    )
    assert r["nomor_sengketa"] == "012/V/KI-NTB-PS/2026"
    run.refused(
        "keberatan", "putusan-sengketa", K1, "--putusan", "ditolak", "--tanggal", "2026-05-21",
        message=f"putusan sengketa keberatan {K1} sudah dicatat: mediasi pada 2026-05-20",
    )  # fmt: skip
    assert run.ok("periksa").stdout == ""
    # the reports list the disputes filed in the period with their outcome (rules.md §7)
    lap = json.loads(run.ok("laporan", "tahunan", "--tahun", "2026", "--format", "json").stdout)
    assert lap["tabel"]["sengketa"]["baris"] == [
        {
            "nomor_registrasi": K1,
            "diajukan": "2026-04-13",
            "nomor_sengketa": "012/V/KI-NTB-PS/2026",
            "putusan": "selesai melalui mediasi (kesepakatan para pihak)",
            "kode_putusan": "mediasi",
            "tanggal_putusan": "2026-05-20",
        }
    ]

    # a dispute filed in one month and settled in a later one: in both months' reports, each
    # with the outcome as it stood then
    def month(bulan):
        doc = run.ok("laporan", "bulanan", "--bulan", bulan, "--format", "json").stdout
        return [(r["nomor_registrasi"], r["kode_putusan"]) for r in
                json.loads(doc)["tabel"]["sengketa"]["baris"]]  # fmt: skip

    assert month("2026-04") == [(K1, None)]
    assert month("2026-05") == [(K1, "mediasi")]
    assert month("2026-06") == []
    # two offices combined (the same numbers in both): each row names its office
    import shutil

    other = ws.root.parent / "salinan"
    shutil.copytree(ws.root, other)
    csv_out = run.ok("laporan", "tahunan", "--tahun", "2026", "--format", "csv", "--gabung",
                     str(ws.root), str(other)).stdout.splitlines()  # fmt: skip
    keys = [tuple(line.split(",")[:3]) for line in csv_out if line.startswith("sengketa,")]
    assert len(keys) == len(set(keys)) == 2 * 5  # (5 values per dispute)
    assert ("sengketa", f"KPU Kota Mataram (2)#{K1}", "kode_putusan") in keys
    out = ws.root.parent / "tahunan.docx"
    run.ok("laporan", "tahunan", "--tahun", "2026", "--keluaran", str(out))
    text = docx_text(out)
    assert "012/V/KI-NTB-PS/2026" in text and "selesai melalui mediasi" in text
    assert "[Bila ada sengketa" not in text
    # a register edited by hand: an outcome on an objection not in dispute is found
    path = ws.register_path("keberatan")
    path.write_bytes(path.read_bytes().replace(b",sengketa,", b",selesai,", 1))
    assert "putusan_sengketa sudah terisi" in run("periksa").stdout


def test_objection_steps_on_dates_edited_by_hand(run, ws, today):
    """A date cell retyped in Excel (16/09/2026, a time added, a stray space): lists still show
    the case, steps are refused naming the cell — never a traceback."""
    nomor = rejected_request(run)
    objection(run, day="2026-04-06")
    delivered_reply(run, "2026-04-07", "2026-04-08", "2026-04-09", "diterima")
    path = ws.register_path("keberatan")
    good = path.read_bytes()
    today("2026-04-13")
    for shape in (b"2026-04-09T10:00", b"2026-04-09 "):
        path.write_bytes(good.replace(b",2026-04-09,", b"," + shape + b",", 1))
        due = json.loads(run.ok("jatuh-tempo", "--format", "json").stdout)
        (row,) = [d for d in due if d["register"] == "keberatan"]  # (and the delivery it ordered)
        assert row["jatuh_tempo"] == "2026-04-29"  # the delivery date read from the cell
        assert json.loads(run.ok("keberatan", "daftar", "--format", "json").stdout)
        run.refused(
            "keberatan", "tanggapan-pemohon", K1, "--sikap", "menerima",
            message=f"{K1}: disampaikan_pada di register ('{shape.decode()}') bukan tanggal",
        )  # fmt: skip
    # the request's notification date retyped: an objection reading it is refused
    path.write_bytes(good)
    req = ws.register_path("permohonan")
    req.write_bytes(req.read_bytes().replace(b",2026-03-10,", b",10/03/2026,", 1))
    run.refused(
        *catat_args(day="2026-04-13", alasan="e"),
        message=f"{nomor}: tanggal_pemberitahuan di register ('10/03/2026') bukan tanggal",
    )


def test_a_periodic_information_objection_is_not_filed_twice_while_it_runs(run):
    # reason b has no request: the same person (NIK) and the same information is the same case
    ani = ["--nama", "Ani", "--nik", "5271014506950002", "--alamat", "Jl. Udayana 5",
           "--email", "ani@contoh.id", "--tujuan", "Kajian"]  # fmt: skip
    info = ["--informasi", "Laporan keuangan 2025"]
    b = dict(alasan="b", permohonan="")
    k1 = objection(run, *ani, *info, day="2026-04-21", **b)["nomor_registrasi"]
    same = (
        f"informasi berkala 'laporan  KEUANGAN 2025' (Ani) sudah punya keberatan {k1} "
        "(2026-04-21, alasan b, status 'terdaftar') yang belum selesai: alasan yang sama tidak "
        f"dicatat dua kali — lanjutkan keberatan itu (ppidctl keberatan lihat {k1})\n"
    )
    # the wording typed again with other case and spacing is the same information
    again = ["--informasi", "  laporan  KEUANGAN 2025 "]
    run.refused(*catat_args(*ani, *again, day="2026-04-22", **b), message=same)
    # a name typed for an objection without a request follows the desk's name rule
    run.refused(*catat_args("--nama", "=HYPERLINK(1)", *ani[2:], *info, day="2026-04-22", **b),
                message="--nama (nama pemohon) diawali '='")  # fmt: skip
    # another person, or other information, is another objection
    other = [*ani[:2], "--nik", "5271014506950003", *ani[4:]]
    assert objection(run, *other, *info, day="2026-04-22", **b)["nomor_registrasi"] != k1
    objection(run, *ani, "--informasi", "Laporan keuangan 2024", day="2026-04-22", **b)
    # finished: recorded again, with a warning naming the earlier one
    step(run, "teruskan", k1, "--tanggal", "2026-04-22")
    step(run, "tanggapi", k1, "--keputusan", "diterima", "--tanggal", "2026-04-23", "--tanpa-surat")
    step(run, "sampaikan", k1, "--tanggal", "2026-04-24")
    run.refused(*catat_args(*ani, *info, day="2026-04-24", **b), message="'disampaikan') yang")
    step(run, "tanggapan-pemohon", k1, "--sikap", "menerima", "--tanggal", "2026-04-27")
    out = run.ok(*catat_args(*ani, *info, day="2026-06-01", **b))
    assert (
        f"Peringatan: informasi berkala 'Laporan keuangan 2025' (Ani) sudah pernah diajukan "
        f"keberatan {k1} dengan alasan b (selesai, tanggapan pemohon 2026-04-27)"
    ) in out.stderr


def test_reason_g_and_b_dates(run):
    # Request Mon 16 Mar (deadline 7 Apr), notified late 10 Apr, delivered Mon 13 Apr → g found 13 Apr
    nomor = request(run, "2026-03-16")
    decide(run, nomor, "2026-04-10", "diberikan")
    run.ok("permohonan", "selesai", nomor, "--tanggal", "2026-04-13")
    k = objection(run, day="2026-04-20", alasan="c,g", permohonan=nomor)
    # c found 8 Apr (notified 10 Apr, after the deadline), g found 13 Apr: the earliest is stored
    assert (k["alasan"], k["alasan_ditemukan"]) == ("c;g", "2026-04-08")
    # reason b needs no request: the requester is typed, the date found defaults to the filing
    b = objection(
        run, "--nama", "Ani", "--nik", "5271014506950002", "--alamat", "Jl. Udayana 5",
        "--email", "ani@contoh.id", "--informasi", "Laporan keuangan 2025", "--tujuan", "Kajian",
        day="2026-04-21", alasan="b", permohonan="",
    )  # fmt: skip
    assert (b["nomor_permohonan"], b["nama_pemohon"], b["alasan_ditemukan"]) == (
        "",
        "Ani",
        "2026-04-21",
    )
    # response: 30 working days from Tue 21 Apr: 22-24 (1-3); 27-30 (4-7); 1 May off; 4-8 (8-12);
    # 11-13 (13-15); 14-15 off; 18-22 (16-20); 25, 26 (21, 22); 27-28 off; 29 (23); 1 Jun off;
    # 2-5 (24-27); 8, 9, 10 (28-30) → 2026-06-10
    assert (b["nik"], b["email"], b["jatuh_tempo"]) == (
        "5271014506950002",
        "ani@contoh.id",
        "2026-06-10",
    )


def test_reason_g_needs_a_delivery_after_the_deadline_day(run):
    """Reason g (UU 14/2008 Pasal 35(1) g: information delivered later than the deadline) needs
    a delivery after the deadline: the deadline day itself is still in time (rules.md §1, the
    N-th working day), so a delivery on it is refused for g; one on the next working day is not."""
    # both received Mon 2 Mar, due Mon 16 Mar (3-6, 9-13, 16), given Tue 10 Mar
    on_time, late = request(run, "2026-03-02"), request(run, "2026-03-02")
    for nomor, delivered in ((on_time, "2026-03-16"), (late, "2026-03-17")):
        decide(run, nomor, "2026-03-10", "diberikan")
        run.ok("permohonan", "selesai", nomor, "--tanggal", delivered)
    run.refused(
        *catat_args(day="2026-03-25", alasan="g", permohonan=on_time),
        message="alasan g berlaku bila informasi diserahkan melewati tenggat, tetapi informasi "
        f"permohonan {on_time} diserahkan pada 2026-03-16, dalam tenggat 2026-03-16",
    )
    k = objection(run, day="2026-03-25", alasan="g", permohonan=late)
    # found on the late delivery; 30 working days from Wed 25 Mar: 26, 27, 30, 31, Apr 1, 2 (6);
    # 3 Apr off; 6-10 (11); 13-17 (16); 20-24 (21); 27-30 (25); 1 May off; 4-8 (30) -> 8 May
    assert (k["nomor_registrasi"], k["alasan"], k["alasan_ditemukan"], k["jatuh_tempo"]) == (
        "001/KEB/PPID/5271/III/2026",
        "g",
        "2026-03-17",
        "2026-05-08",
    )


@pytest.mark.parametrize(
    ("setup", "extra", "kw", "message"),
    [
        ("rejected", [], {"alasan": ""}, "alasan keberatan wajib diisi"),
        (
            "rejected",
            [],
            {"permohonan": "099/PPID/5271/III/2026"},
            "nomor 099/PPID/5271/III/2026 tidak ada di register permohonan",
        ),
        ("rejected", [], {"permohonan": "7"}, "nomor 7 tidak ada di register permohonan"),
        (
            "rejected",
            [],
            {"day": "2026-03-01"},
            "tanggal keberatan 2026-03-01 sebelum permohonan 001/PPID/5271/III/2026 diterima",
        ),
        (
            "rejected",
            [],
            {"day": "2026-11-21"},
            "--tanggal 2026-11-21 ada di masa depan (hari ini 2026-11-20)",
        ),
        (
            "rejected",
            [],
            {"day": "1999-01-07"},
            "--tanggal 1999-01-07 sebelum UU 14/2008 berlaku (2010-04-30, Pasal 64(1))",
        ),
        (
            "rejected",
            ["--alasan-ditemukan", "2009-12-31", "--paksa", "--catatan", "x", *PEMOHON_B],
            {"alasan": "b", "permohonan": ""},
            "--alasan-ditemukan 2009-12-31 sebelum UU 14/2008 berlaku",
        ),
        (
            "open",
            ["--alasan-ditemukan", "2026-02-27", "--paksa", "--catatan", "x"],
            {"alasan": "e"},
            "--alasan-ditemukan 2026-02-27 sebelum permohonan 001/PPID/5271/III/2026 diterima",
        ),
        (
            "rejected",
            ["--alasan-ditemukan", "2026-04-07"],
            {},
            "--alasan-ditemukan 2026-04-07 sesudah tanggal pengajuan keberatan 2026-04-06",
        ),
        ("rejected", [], {"permohonan": ""}, "alasan a menyangkut permohonan yang terdaftar"),
        (
            "rejected",
            [],
            {"alasan": "b", "permohonan": ""},
            "isian wajib belum diisi: --nama, --nik, --alamat, --telepon/--email, --informasi, "
            "--tujuan",
        ),  # fmt: skip
        (
            "rejected",
            PEMOHON_B[2:],
            {"alasan": "b", "permohonan": ""},
            "--nama (nama pemohon) wajib diisi",
        ),  # fmt: skip
        (
            "granted",
            [],
            {},
            "alasan a berlaku bila permohonan ditolak (seluruhnya, atau sebagian: "
            "diberikan-sebagian) berdasarkan alasan pengecualian, tetapi "
            "permohonan 001/PPID/5271/III/2026 keputusannya 'diberikan'",
        ),
        ("granted", [], {"alasan": "f"}, "alasan f berlaku bila permohonan dikenai biaya"),
        (
            "granted",
            [],
            {"alasan": "g"},
            "informasi permohonan 001/PPID/5271/III/2026 belum diserahkan",
        ),
        (
            "granted",
            [],
            {"alasan": "c"},
            "diberi pemberitahuan tertulis pada 2026-03-10, dalam tenggat 2026-03-16",
        ),
        ("open", [], {"alasan": "d"}, "belum diberi pemberitahuan tertulis"),
        ("open", ["--paksa", "--catatan", "x"], {"alasan": "e"}, "isi --alasan-ditemukan"),
        ("rejected", ["--kasus-posisi", ""], {}, "--kasus-posisi (kasus posisi) wajib diisi"),
        ("rejected", ["--tahapan", "Pilkada"], {}, "tahapan 'Pilkada' tidak ada di ppidctl.toml"),
    ],
)  # (a reason code outside a-g, an unknown --saluran: wrong usage, test_exit_codes.py)
def test_catat_refusals(run, setup, extra, kw, message):
    nomor = request(run, "2026-03-02")
    if setup == "rejected":
        decide(run, nomor, "2026-03-10")
    elif setup == "granted":
        decide(run, nomor, "2026-03-10", "diberikan")
    kw.setdefault("day", "2026-04-06")
    run.refused(*catat_args(*extra, **kw), message=message)


def test_paksa_skips_reason_consistency_only(run, ws):
    nomor = request(run, "2026-03-02")
    decide(run, nomor, "2026-03-10", "diberikan")
    note = "Pemohon menyatakan sebagian dokumen ditahan atas dasar Pasal 17; diperiksa PPID"
    k = objection(run, "--paksa", "--catatan", note, day="2026-04-06")
    assert (k["paksa_catatan"], k["alasan_ditemukan"]) == (note, "2026-03-10")
    entry = [e for e in journal(ws) if e["register"] == "keberatan"][-1]
    assert entry["catatan"] == note and "alasan a berlaku bila" in entry["pemeriksaan_diabaikan"][0]
    # never the documents
    run.refused(
        *catat_args("--paksa", "--catatan", note, day="2026-04-06", dokumen="formulir"),
        message="salinan kartu identitas pemohon",
    )


def test_reason_a_on_a_partial_grant_objects_to_the_part_withheld(run, ws):
    # the blacked-out part is refused on its Pasal 17 basis: reason a, found on the notification
    nomor = request(run, "2026-03-02")
    run.ok("permohonan", "putuskan", nomor, "--keputusan", "diberikan-sebagian", "--penjelasan",
           "NIK dihitamkan", *TOLAK, "--tanggal", "2026-03-10")  # fmt: skip
    notice = docx_text(ws.root / "letters/2026/001-PPID-5271-III-2026-pemberitahuan.docx")
    assert f"Keputusan tentang informasi yang dikecualikan | : | {SK}" in notice
    k = objection(run, day="2026-04-06")
    assert (k["alasan"], k["alasan_ditemukan"], k["paksa_catatan"]) == ("a", "2026-03-10", "")
    # upheld: the decree the PPID recorded is offered, and the reply says a part was excluded
    step(run, "teruskan", K1, "--tanggal", "2026-04-06")
    refused = run.refused("keberatan", "tanggapi", K1, "--keputusan", "ditolak", "--pertimbangan",
                          "NIK data pribadi", "--tanggal", "2026-04-07",
                          message="wajib melampirkan Keputusan KPU")  # fmt: skip
    assert f"(penolakan permohonan menyebut: {SK})" in refused.stderr
    step(run, "tanggapi", K1, "--keputusan", "ditolak", "--pertimbangan", "NIK data pribadi",
         "--sk-pengecualian", SK, "--tanggal", "2026-04-07")  # fmt: skip
    reply = docx_text(letter(ws, "tanggapan-keberatan"))
    assert "Bagian informasi yang dihitamkan atau tidak diberikan kepada Saudara merupakan " \
        "informasi yang dikecualikan" in reply  # fmt: skip
    assert "Informasi yang Saudara minta merupakan" not in reply


def test_sequence_ambiguity_across_years(run):
    old = request(run, "2025-12-15")  # 001/PPID/5271/XII/2025
    new = request(run, "2026-01-05")  # 001/PPID/5271/I/2026
    decide(run, old, "2025-12-17")
    decide(run, new, "2026-01-07")
    run.refused(
        *catat_args(day="2026-01-20", permohonan="1"),
        message="nomor urut permohonan 1 tidak tunggal (2025–2026): 001/PPID/5271/XII/2025, "
        "001/PPID/5271/I/2026",
    )
    k = objection(run, day="2026-01-20", permohonan=old)
    assert k["nomor_permohonan"] == "001/PPID/5271/XII/2025"


def test_a_response_without_a_recorded_plenary_is_warned(run):
    # SOP Penanganan Keberatan step 5: the draft is discussed and set in a plenary meeting
    rejected_request(run)
    objection(run, day="2026-04-06")
    step(run, "teruskan", K1, "--tanggal", "2026-04-07")
    out = step(run, "tanggapi", K1, "--keputusan", "diterima", "--tanggal", "2026-04-09",
               "--tanpa-surat")  # fmt: skip
    assert (
        f"Peringatan: tanggapan atas keberatan {K1} tanpa rapat pleno tercatat (SOP Penanganan "
        "Keberatan langkah 5"
    ) in out.stderr
    assert krow(run)["status"] == "ditanggapi"


def test_a_reply_not_delivered_by_the_deadline_opens_the_dispute_window(run, today):
    # rules.md §1 sengketa: 14 working days after receiving the response "or after the response
    # deadline lapsed with no response": a reply written but never delivered is none for the
    # requester (the dispute was refused until a delivery that did not happen was recorded)
    rejected_request(run)
    objection(run, day="2026-04-06")  # response deadline: 30 working days, 2026-05-21
    step(run, "teruskan", K1, "--tanggal", "2026-04-07")
    step(run, "pleno", K1, "--tanggal", "2026-04-08")
    step(run, "tanggapi", K1, "--keputusan", "diterima", "--tanggal", "2026-04-09", "--tanpa-surat")
    run.refused(
        "keberatan", "tanggapan-pemohon", K1, "--sikap", "sengketa", "--tanggal", "2026-05-21",
        message=f"surat tanggapan keberatan {K1} belum disampaikan kepada pemohon dan tenggat "
        "tanggapannya (2026-05-21) belum lewat",
    )  # fmt: skip
    run.refused(  # accepting needs the reply in hand
        "keberatan", "tanggapan-pemohon", K1, "--sikap", "menerima", "--tanggal", "2026-05-25",
        message="belum disampaikan kepada pemohon (status 'ditanggapi')",
    )  # fmt: skip
    today("2026-05-25")
    listed = json.loads(run.ok("jatuh-tempo", "--format", "json").stdout)
    (due,) = [d for d in listed if d["register"] == "keberatan"]  # (and the delivery ordered)
    assert due["jenis_tenggat"] == (
        "penyampaian tanggapan (standar layanan SOP); tenggat tanggapan 2026-05-21 lewat sebelum "
        "disampaikan: pemohon dapat mengajukan sengketa s.d. 2026-06-15"
    )
    step(run, "tanggapan-pemohon", K1, "--sikap", "sengketa", "--tanggal", "2026-05-25")
    row = krow(run)
    assert (row["status"], row["batas_sengketa"], row["disampaikan_pada"]) == (
        "sengketa", "2026-06-15", ""
    )  # fmt: skip
    # the reply may still reach the requester: recorded, the dispute and its window unchanged
    today("2026-05-28")
    out = step(run, "sampaikan", K1, "--tanggal", "2026-05-27")
    assert (
        "Peringatan: pemohon sudah mengajukan sengketa ke Komisi Informasi pada 2026-05-25: "
        "penyampaian ini dicatat dengan status tetap sengketa; batas sengketanya tidak berubah"
    ) in out.stderr
    row = krow(run)
    assert (row["status"], row["batas_sengketa"], row["disampaikan_pada"]) == (
        "sengketa", "2026-06-15", "2026-05-27"
    )  # fmt: skip
    assert run.ok("periksa").exit_code == 0  # (a dispute may precede a late delivery)
    run.refused(
        "keberatan", "sampaikan", K1, "--tanggal", "2026-05-28",
        message=f"surat tanggapan keberatan {K1} sudah disampaikan pada 2026-05-27",
    )  # fmt: skip


def test_a_dispute_on_an_undelivered_reply_is_not_dated_before_the_reply(run):
    rejected_request(run)
    objection(run, day="2026-04-06")  # deadline 2026-05-21
    step(run, "teruskan", K1, "--tanggal", "2026-04-07")
    step(run, "pleno", K1, "--tanggal", "2026-04-08")
    step(run, "tanggapi", K1, "--keputusan", "diterima", "--tanggal", "2026-05-28", "--tanpa-surat")
    run.refused(
        "keberatan", "tanggapan-pemohon", K1, "--sikap", "sengketa", "--tanggal", "2026-05-25",
        message="tanggal tanggapan pemohon 2026-05-25 sebelum langkah sebelumnya (2026-05-28)",
    )  # fmt: skip


def test_a_reply_delivered_after_the_deadline_is_told(run):
    rejected_request(run)
    objection(run, day="2026-04-06")
    step(run, "teruskan", K1, "--tanggal", "2026-04-07")
    step(run, "pleno", K1, "--tanggal", "2026-04-08")
    step(run, "tanggapi", K1, "--keputusan", "diterima", "--tanggal", "2026-05-21", "--tanpa-surat")
    out = step(run, "sampaikan", K1, "--tanggal", "2026-05-26")
    assert (
        "Peringatan: surat tanggapan sampai kepada pemohon 2026-05-26, sesudah tenggat "
        "tanggapan 2026-05-21 (UU 14/2008 Pasal 36(2)): bagi pemohon tanggapan terlambat; batas "
        "sengketanya dihitung dari penyampaian (2026-06-19)"
    ) in out.stderr
    row = krow(run)  # the reply itself was on time (Pasal 36(2) dates the response)
    assert (row["terlambat"], row["batas_sengketa"]) == ("tidak", "2026-06-19")


def test_a_response_given_late_after_the_dispute_was_filed_is_recorded(run, today):
    # review sengketa F6: the Atasan PPID answering after the requester went to the Komisi
    # Informasi (the deadline had lapsed) was refused: the reply letter could not be numbered,
    # recorded or delivered, and the hearing saw no response at all
    rejected_request(run)
    objection(run, day="2026-04-06")  # response deadline 2026-05-21
    step(run, "teruskan", K1, "--tanggal", "2026-04-07")
    step(run, "pleno", K1, "--tanggal", "2026-04-08")
    step(run, "tanggapan-pemohon", K1, "--sikap", "sengketa", "--tanggal", "2026-05-25")
    run.refused(  # nothing to deliver yet
        "keberatan", "sampaikan", K1, "--tanggal", "2026-05-26",
        message=f"keberatan {K1} belum ditanggapi Atasan PPID (sengketa diajukan pada "
        "2026-05-25): tidak ada surat tanggapan untuk disampaikan",
    )  # fmt: skip
    out = run.ok(
        "keberatan", "tanggapi", K1, "--keputusan", "diterima", "--tanggal", "2026-06-02",
        "--format", "json",
    )  # fmt: skip
    assert (
        "Peringatan: pemohon sudah mengajukan sengketa ke Komisi Informasi pada 2026-05-25: "
        "tanggapan ini dicatat dengan status tetap sengketa dan tidak membuka batas sengketa baru"
    ) in out.stderr
    assert "TERLAMBAT: tanggapan Atasan PPID 2026-06-02 melewati tenggat 2026-05-21" in out.stderr
    row = krow(run)
    assert (row["status"], row["keputusan_atasan"], row["tanggal_tanggapan"]) == (
        "sengketa", "diterima", "2026-06-02"
    )  # fmt: skip
    assert (row["terlambat"], row["tanggapan_pemohon"], row["batas_sengketa"]) == (
        "ya", "sengketa", "2026-06-15"
    )  # fmt: skip
    assert row["nomor_surat_tanggapan"]  # (the reply letter was made and numbered)
    (letter,) = json.loads(out.stdout)["berkas"]
    said = " ".join(docx_text(run.root / letter).split())  # (no new 14-day window: left at 31)
    assert (
        "Permohonan penyelesaian sengketa informasi publik atas keberatan ini telah Saudara "
        "ajukan kepada Komisi Informasi pada 25 Mei 2026"
    ) in said and "paling lambat 14" not in said
    # its delivery is owed, and jatuh-tempo lists it by the SOP's standard (left at stop 31:
    # the dispute had closed the case, so nothing said it was still to be sent)
    due_rows = json.loads(run.ok("jatuh-tempo", "--format", "json").stdout)
    (due,) = [r for r in due_rows if r["register"] == "keberatan"]
    assert (due["nomor_registrasi"], due["status"], due["jatuh_tempo"], due["pihak"]) == (
        K1, "sengketa", "2026-06-03", "kantor"
    )  # fmt: skip
    assert due["jenis_tenggat"] == (
        "penyampaian tanggapan (standar layanan SOP); sengketa sudah diajukan 2026-05-25"
    )
    run.refused(
        "keberatan", "tanggapi", K1, "--keputusan", "ditolak", "--pertimbangan", "x",
        "--tanggal", "2026-06-03",
        message=f"keberatan {K1} sudah ditanggapi pada 2026-06-02 (diterima): tanggapan hanya "
        "satu kali",
    )  # fmt: skip
    shown = step(run, "sampaikan", K1, "--tanggal", "2026-06-03").stdout
    assert "Sengketa    : sudah diajukan 2026-05-25" in shown and "Batas sengketa" not in shown
    assert krow(run)["disampaikan_pada"] == "2026-06-03"
    due_rows = json.loads(run.ok("jatuh-tempo", "--format", "json").stdout)
    assert [r["register"] for r in due_rows] == ["permohonan"]  # (the information, granted)
    assert run.ok("periksa").exit_code == 0
    # the May report still sees it closed by the dispute, unanswered by its deadline; the June
    # report counts the response, late
    may = json.loads(run.ok("laporan", "bulanan", "--bulan", "2026-05", "--format", "json").stdout)
    assert may["ringkasan"]["terbuka_keberatan"] == 0
    assert _response_standard(run, "2026-05") == (1, 0, 1)
    june = json.loads(run.ok("laporan", "bulanan", "--bulan", "2026-06", "--format", "json").stdout)
    assert june["ringkasan"]["keberatan_ditanggapi"] == 1
    step(run, "putusan-sengketa", K1, "--putusan", "dikabulkan", "--tanggal", "2026-07-01")
    assert krow(run)["putusan_sengketa"] == "dikabulkan"


def test_no_response_is_recorded_once_the_dispute_is_ruled(run):
    rejected_request(run)
    objection(run, day="2026-04-06")
    step(run, "tanggapan-pemohon", K1, "--sikap", "sengketa", "--tanggal", "2026-05-25")
    step(run, "putusan-sengketa", K1, "--putusan", "ditolak", "--tanggal", "2026-06-10")
    run.refused(
        "keberatan", "tanggapi", K1, "--keputusan", "diterima", "--tanggal", "2026-06-11",
        message=f"sengketa keberatan {K1} sudah diputus Komisi Informasi (ditolak pada "
        "2026-06-10): tanggapan Atasan PPID 2026-06-11 tidak dicatat sesudah putusan",
    )  # fmt: skip
    # one given before the ruling and typed in after it is recorded (review sesi31b L3); the
    # objection was never forwarded: said (sesi31b L2)
    out = step(run, "tanggapi", K1, "--keputusan", "diterima", "--tanggal", "2026-06-05",
               "--tanpa-surat")  # fmt: skip
    assert "(penerusan keberatan ke Atasan PPID tidak tercatat sebelum sengketa" in out.stderr
    assert krow(run)["tanggal_tanggapan"] == "2026-06-05"


def test_no_late_reply_is_delivered_once_the_dispute_is_ruled(run):
    # (review tolak M1: the twin of the refusal above, in sampaikan)
    rejected_request(run)
    objection(run, day="2026-04-06")
    step(run, "teruskan", K1, "--tanggal", "2026-04-07")
    step(run, "tanggapan-pemohon", K1, "--sikap", "sengketa", "--tanggal", "2026-05-25")
    step(run, "tanggapi", K1, "--keputusan", "diterima", "--tanggal", "2026-06-02", "--tanpa-surat")
    step(run, "putusan-sengketa", K1, "--putusan", "dikabulkan", "--tanggal", "2026-06-10")
    run.refused(
        "keberatan", "sampaikan", K1, "--tanggal", "2026-06-11",
        message=f"sengketa keberatan {K1} sudah diputus Komisi Informasi (dikabulkan pada "
        "2026-06-10): penyampaian surat tanggapan 2026-06-11 tidak dicatat sesudah putusan",
    )  # fmt: skip
    step(run, "sampaikan", K1, "--tanggal", "2026-06-09")  # (before the ruling: recorded)
    assert krow(run)["disampaikan_pada"] == "2026-06-09"


def test_an_objection_never_answered_counts_as_a_missed_deadline_in_the_report(run, today):
    # once the requester took it to the KI it was neither open nor late anywhere: the office's
    # failure to answer (Pasal 36(2)) vanished from the standards table
    rejected_request(run)
    objection(run, day="2026-04-06")  # deadline 2026-05-21, never answered
    step(run, "tanggapan-pemohon", K1, "--sikap", "sengketa", "--tanggal", "2026-05-25")
    lap = json.loads(run.ok("laporan", "bulanan", "--bulan", "2026-05", "--format", "json").stdout)
    (row,) = [
        r for r in lap["tabel"]["standar_layanan"]["baris"] if r["kunci"] == "tenggat_keberatan"
    ]
    assert (row["diukur"], row["memenuhi"], row["tidak_memenuhi"]) == (1, 0, 1)
    april = json.loads(
        run.ok("laporan", "bulanan", "--bulan", "2026-04", "--format", "json").stdout
    )
    (row,) = [r for r in april["tabel"]["standar_layanan"]["baris"]
              if r["kunci"] == "tenggat_keberatan"]  # fmt: skip
    assert row["diukur"] == 0  # (its deadline was not in April)


@pytest.mark.parametrize("dispute", ["2026-06-02", None])
def test_a_missed_response_deadline_counts_in_its_month_whatever_the_requester_does(run, dispute):
    # the count waited for the requester's dispute by the month's end: one taken to the KI in
    # the next month (or never) was counted in no month at all
    rejected_request(run)
    objection(run, day="2026-04-06")  # deadline 2026-05-21, never answered
    if dispute:
        step(run, "tanggapan-pemohon", K1, "--sikap", "sengketa", "--tanggal", dispute)

    def measured(bulan: str) -> tuple[int, int]:
        lap = json.loads(run.ok("laporan", "bulanan", "--bulan", bulan, "--format", "json").stdout)
        (r,) = [r for r in lap["tabel"]["standar_layanan"]["baris"]
                if r["kunci"] == "tenggat_keberatan"]  # fmt: skip
        return r["diukur"], r["tidak_memenuhi"]

    assert [measured(b) for b in ("2026-04", "2026-05", "2026-06")] == [(0, 0), (1, 1), (0, 0)]


def _response_standard(run, bulan: str) -> tuple[int, int, int]:
    lap = json.loads(run.ok("laporan", "bulanan", "--bulan", bulan, "--format", "json").stdout)
    (r,) = [
        r for r in lap["tabel"]["standar_layanan"]["baris"] if r["kunci"] == "tenggat_keberatan"
    ]
    return r["diukur"], r["memenuhi"], r["tidak_memenuhi"]


def test_a_response_deadline_on_a_months_last_day_is_counted_when_it_lapses(run):
    # deadline 30 June, never answered: June's end was not past it, July did not hold it
    decide(run, request(run, "2026-04-20"), "2026-04-24")
    objection(run, day="2026-05-11", permohonan="001/PPID/5271/IV/2026")  # deadline 2026-06-30
    assert [_response_standard(run, b) for b in ("2026-06", "2026-07")] == [(0, 0, 0), (1, 0, 1)]


def test_a_late_response_is_late_by_date_and_a_closed_months_count_stays(run):
    # deadline Friday 29 May: a response on Saturday 30 May is late (the register says so; the
    # report compared working-day counts and called it on time)
    decide(run, request(run, "2026-03-20"), "2026-03-30")
    objection(run, day="2026-04-10", permohonan="001/PPID/5271/III/2026")  # deadline 2026-05-29
    step(run, "teruskan", K1, "--tanggal", "2026-04-13")
    step(run, "tanggapi", K1, "--keputusan", "diterima", "--tanggal", "2026-05-30", "--tanpa-surat")
    assert krow(run)["terlambat"] == "ya"
    assert _response_standard(run, "2026-05") == (1, 0, 1)
    lap = json.loads(run.ok("laporan", "bulanan", "--bulan", "2026-05", "--format", "json").stdout)
    assert lap["tabel"]["keberatan_waktu"]["baris"][0]["dalam_tenggat"] == 0


def test_a_missed_deadline_stays_counted_in_its_month_after_a_late_response(run):
    decide(run, request(run, "2026-03-20"), "2026-03-30")
    objection(run, day="2026-04-10", permohonan="001/PPID/5271/III/2026")  # lapses 2026-05-30
    step(run, "teruskan", K1, "--tanggal", "2026-04-13")
    before = _response_standard(run, "2026-05")
    step(run, "tanggapi", K1, "--keputusan", "diterima", "--tanggal", "2026-06-03", "--tanpa-surat")
    assert _response_standard(run, "2026-05") == before == (1, 0, 1)  # (the reprint agrees)
    assert _response_standard(run, "2026-06") == (1, 0, 1)  # the late response, in its month


def test_a_dispute_still_before_the_ki_is_in_the_next_periods_report(run, today):
    # filed in one period and not settled: the next period's report (the next year's annual
    # report) listed it nowhere
    rejected_request(run)
    objection(run, day="2026-04-06")
    step(run, "tanggapan-pemohon", K1, "--sikap", "sengketa", "--tanggal", "2026-05-25")

    def disputes(bulan: str) -> list[tuple[str, str]]:
        lap = json.loads(run.ok("laporan", "bulanan", "--bulan", bulan, "--format", "json").stdout)
        return [(r["nomor_registrasi"], r["putusan"]) for r in lap["tabel"]["sengketa"]["baris"]]

    assert disputes("2026-06") == [(K1, "belum diputus")]
    step(run, "putusan-sengketa", K1, "--putusan", "mediasi", "--tanggal", "2026-07-10")
    assert disputes("2026-06") == [(K1, "belum diputus")]  # (as it stood then)
    assert [k for k, _ in disputes("2026-07")] == [K1]  # settled in July
    assert disputes("2026-08") == []  # settled before August


def test_step_order_and_date_refusals(run, today):
    rejected_request(run)
    objection(run, day="2026-04-06")
    for args, message in (
        (("tanggapi", K1, "--keputusan", "diterima", "--tanggal", "2026-04-07"),
         f"keberatan {K1} belum diteruskan ke Atasan PPID: tanggapan diberikan setelah formulir"),
        (("pleno", K1, "--tanggal", "2026-04-07"), f"keberatan {K1} belum diteruskan"),
        (("sampaikan", K1, "--tanggal", "2026-04-07"), f"keberatan {K1} belum ditanggapi Atasan PPID"),
        (("tanggapan-pemohon", K1, "--sikap", "menerima", "--tanggal", "2026-04-07"),
         "belum disampaikan kepada pemohon"),
        (("teruskan", K1, "--tanggal", "2026-04-03"),
         f"tanggal diteruskan 2026-04-03 sebelum langkah sebelumnya (2026-04-06) pada {K1}"),
        (("teruskan", "9", "--tanggal", "2026-04-07"), "nomor 9 tidak ada di register keberatan"),
    ):  # fmt: skip
        run.refused("keberatan", *args, message=message)
    step(run, "teruskan", K1, "--tanggal", "2026-04-07")
    run.refused(
        "keberatan", "teruskan", K1, "--tanggal", "2026-04-08",
        message=f"keberatan {K1} berstatus 'diteruskan'",
    )  # fmt: skip
    run.usage(  # not one of the decisions: wrong usage
        "keberatan", "tanggapi", K1, "--keputusan", "dikabulkan", "--tanggal", "2026-04-09",
        message="--keputusan 'dikabulkan' tidak dikenal",
    )  # fmt: skip
    run.usage(  # an option of the other decision: wrong usage too
        "keberatan", "tanggapi", K1, "--keputusan", "diterima", "--sk-pengecualian", SK,
        "--tanggal", "2026-04-09", message="--sk-pengecualian hanya untuk",
    )  # fmt: skip
    for args, message in (
        (("--keputusan", "diterima", "--tanggal", "2026-04-06"), "sebelum langkah sebelumnya"),
        (("--keputusan", "diterima", "--tanggal", "2026-11-23"), "ada di masa depan"),
        (("--keputusan", "diterima", "--tanggal", "0001-01-01"), "sebelum UU 14/2008 berlaku"),
    ):
        extra = [] if "--tanggal" in args else ["--tanggal", "2026-04-09"]
        run.refused("keberatan", "tanggapi", K1, *args, *extra, message=message)
    step(run, "tanggapi", K1, "--keputusan", "diterima", "--tanggal", "2026-04-09", "--tanpa-surat")
    run.refused(
        "keberatan", "pleno", K1, "--tanggal", "2026-04-10", message="berstatus 'ditanggapi'"
    )
    run.refused(
        "keberatan", "sampaikan", K1, "--tanggal", "2026-04-08",
        message="tanggal penyampaian 2026-04-08 sebelum langkah sebelumnya (2026-04-09)",
    )  # fmt: skip
    run.refused(
        "keberatan", "tanggapan-pemohon", K1, "--sikap", "menerima", "--tanggal", "2026-04-10",
        message="belum disampaikan kepada pemohon (status 'ditanggapi')",
    )  # fmt: skip
    step(run, "sampaikan", K1, "--tanggal", "2026-04-10")
    run.usage(
        "keberatan", "tanggapan-pemohon", K1, "--sikap", "pasrah", "--tanggal", "2026-04-10",
        message="--sikap 'pasrah' tidak dikenal",
    )  # fmt: skip


def test_usage_errors_exit_2(run):
    run.usage("keberatan", "catat", "--tidak-ada", message="opsi --tidak-ada tidak dikenal")
    run.usage("keberatan", "tanggapi", "1", message="opsi --keputusan wajib diisi")


def test_register_covers_items_a_to_k(ws):
    """rules.md §4: the Register Keberatan holds at least items a–k."""
    header = (ws.root / "registers" / "keberatan.csv").read_text(encoding="utf-8").splitlines()[0]
    keys = header.split(",")
    for item in (
        "nomor_registrasi",  # a
        "tanggal_diterima",  # b
        "nama_pemohon",  # c
        "nik",
        "alamat",
        "kuasa_nama",
        "kuasa_alamat",
        "nomor_permohonan",  # d
        "informasi_diminta",  # e
        "tujuan_penggunaan",  # f
        "alasan",  # g
        "keputusan_atasan",  # h
        "tanggal_tanggapan",  # i
        "nama_atasan",  # j
        "jabatan_atasan",
        "tanggapan_pemohon",  # k
    ):
        assert item in keys, item


def test_the_interactive_objection_form(run, ws, monkeypatch):
    """At a terminal `keberatan catat` shows what reasons a–g mean, checks each answer as it is
    typed, asks the request's number (optional for reason b alone, which then asks who objects
    and about what), shows the answers and records them only when confirmed."""
    answers = [
        "",  # no request (reason b)
        "z", "b",  # an unknown reason: asked again
        "Budi Santoso", "5271011203900001", "Jl. Pejanggik 1", "081234567890", "",
        "Laporan keuangan 2025", "Penelitian", "Laporan berkala tidak ada di laman", "",
        "",  # (no special needs: Enter)
        "formulir,identitas",
    ]  # fmt: skip
    r = typed(run, monkeypatch, [*answers, "y"], "--tanggal", "2026-03-16", "--tanpa-surat")
    assert r.exit_code == 0, r.output
    assert "  b. Tidak disediakannya informasi berkala" in r.stderr
    listed = r.stderr[r.stderr.index("  a. ") : r.stderr.index("Alasan keberatan")].splitlines()
    assert len(listed) > 7 and max(map(len, listed)) < 80  # (wrapped under their text)
    assert "alasan: 'z' tidak dikenal" in r.stderr and "Catat keberatan ini? [Y/t]:" in r.stderr
    assert "--alasan" not in r.stderr  # (no option was typed)
    row = ws.read("keberatan").rows[0]
    assert (row["alasan"], row["nama_pemohon"], row["nomor_permohonan"]) == (
        "b",
        "Budi Santoso",
        "",
    )
    assert row["informasi_diminta"] == "Laporan keuangan 2025"


def test_the_objection_form_asks_what_reason_b_still_lacks(run, ws, monkeypatch):
    """`--alasan b --nama X` at a terminal: the rest of the objector is asked, not refused."""
    answers = ["", "5271011203900001", "Jl. Pejanggik 1", "", "", "", "budi@example.com",
               "Laporan keuangan 2025", "Penelitian", "x", "", "", "formulir,identitas", "y"]  # fmt: skip
    r = typed(run, monkeypatch, answers, "--alasan", "b", "--nama", "Budi Santoso",
              "--tanggal", "2026-03-16", "--tanpa-surat")  # fmt: skip
    assert r.exit_code == 0, r.output
    assert r.stderr.count("  Nomor telepon") == 1  # (the summary: the last answers only)
    row = ws.read("keberatan").rows[0]
    assert (row["nama_pemohon"], row["email"], row["alasan"]) == ("Budi Santoso",
                                                                  "budi@example.com", "b")  # fmt: skip


def test_the_objection_form_asks_the_proxy_and_whose_request(run, ws, monkeypatch):
    """The form: a request number is checked as typed and shown with its requester's name (one
    digit off is another person's request); a power of attorney among the documents asks who
    holds it and whether it is stamped (no: refused before the summary, nothing written);
    required documents are asked again; an ongoing election stage is asked."""
    nomor = rejected_request(run)
    run.ok("tahapan", "tambah", "Pemutakhiran Data Pemilih", "--mulai", "2026-03-01",
           "--selesai", "2026-04-30")  # fmt: skip
    base = (
        "--alasan",
        "a",
        "--kasus-posisi",
        "Ditolak",
        "--tanggal",
        "2026-03-16",
        "--tanpa-surat",
    )
    answers = [
        "9", "1",  # no request 9 in the register: asked again
        "", "",  # saluran, stage: Enter (none)
        "",  # special needs: no
        "formulir", "formulir,identitas,kuasa",  # identity missing: asked again
        "Siti Aminah, S.H.", "Jl. Majapahit 2",  # the proxy
    ]  # fmt: skip
    before = snapshot(ws.root)
    no = typed(run, monkeypatch, [*answers, "t"], *base)
    assert no.exit_code == 1 and "surat kuasa khusus wajib dibubuhi meterai" in no.stderr
    assert "Catat keberatan" not in no.stderr and snapshot(ws.root) == before
    r = typed(run, monkeypatch, [*answers, "", "y"], *base)
    assert r.exit_code == 0, r.output
    for told in ("nomor 9 tidak ada di register permohonan",
                 "dokumen wajib keberatan belum diterima: salinan kartu identitas pemohon",
                 "Menyangkut tahapan pemilu yang sedang berjalan? — pilihan: tidak, "
                 "Pemutakhiran Data Pemilih Menyangkut tahapan pemilu yang sedang berjalan? "
                 "[tidak]:"):  # fmt: skip
        assert told in " ".join(r.stderr.split()), told  # (the choices wrapped at 80 columns)
    summary = dict(re.findall(r"  (\S[^:\n]*?) +: (.*)\n", r.stderr))
    assert summary["Nomor permohonan"] == f"{nomor} (Budi Santoso)"
    assert summary["Nama kuasa"] == "Siti Aminah, S.H."
    assert summary["Alasan keberatan"] == "a"  # (given on the command line: shown too)
    k = krow(run, "1")
    assert (k["kuasa_nama"], k["kuasa_alamat"], k["dokumen"], k["tahapan"]) == (
        "Siti Aminah, S.H.", "Jl. Majapahit 2", "formulir;identitas;kuasa;meterai", "")  # fmt: skip


def test_the_form_refuses_a_bad_option_before_asking(run, ws, monkeypatch):
    """A typo on the command line is told before the first prompt, not after the whole form."""
    for args, message in (
        (["--permohonan", "99"], "nomor 99 tidak ada di register permohonan"),
        (["--tanggal", "2026-13-45"], "--tanggal '2026-13-45' bukan tanggal"),
        (["--alasan", "a,z"], "--alasan: 'z' tidak dikenal"),
        (["--paksa"], "--paksa wajib disertai catatan alasannya"),
        (["--permohonan", "1", "--nama", "Budi"], "--nama tidak dipakai bila --permohonan diisi"),
        (["--alasan-ditemukan", "2026-99-01"], "--alasan-ditemukan '2026-99-01' bukan tanggal"),
    ):
        before = snapshot(ws.root)
        r = typed(run, monkeypatch, [""] * 20, *args)
        assert r.exit_code in (1, 2) and message in r.stderr, (args, r.output)
        assert ":" not in r.stderr.split("Error:")[0] and snapshot(ws.root) == before


def test_the_form_checks_the_reasons_against_the_request_as_typed(run, ws, monkeypatch):
    """The request is asked first, so a reason its history does not give (c: it was answered)
    is told at the reasons' prompt and asked again, not after the whole form."""
    rejected_request(run)
    answers = ["1", "c", "a", "Ditolak", "", "", "", "formulir,identitas", "y"]
    r = typed(run, monkeypatch, answers, "--tanggal", "2026-03-16", "--tanpa-surat")
    assert r.exit_code == 0, r.output
    assert "alasan c berlaku bila" in r.stderr
    assert krow(run, "1")["alasan"] == "a"


def test_the_form_asks_the_given_proxys_address_and_takes_a_stage_by_its_first_word(
    run, ws, monkeypatch
):
    """--kuasa given without its address: the address is asked (it was refused after the
    form); the ongoing stage is taken by its first letters; the summary shows the receipt day
    and the note given on the command line."""
    rejected_request(run)
    run.ok("tahapan", "tambah", "Pemutakhiran Data Pemilih", "--mulai", "2026-03-01",
           "--selesai", "2026-04-30")  # fmt: skip
    answers = ["Ditolak", "", "pemutakhiran", "", "formulir,identitas,kuasa",
               "Jl. Majapahit 2", "", "y"]  # fmt: skip
    r = typed(run, monkeypatch, answers, "--alasan", "a", "--permohonan", "1", "--kuasa",
              "LBH Mataram", "--catatan", "lewat pos", "--tanggal", "2026-03-16",
              "--tanpa-surat")  # fmt: skip
    assert r.exit_code == 0, r.output
    summary = dict(re.findall(r"  (\S[^:\n]*?) +: (.*)\n", r.stderr))
    assert (summary["Diterima"], summary["Catatan"], summary["Tahapan"]) == (
        "2026-03-16", "lewat pos", "Pemutakhiran Data Pemilih")  # fmt: skip
    k = krow(run, "1")
    assert (k["kuasa_nama"], k["kuasa_alamat"], k["tahapan"]) == (
        "LBH Mataram", "Jl. Majapahit 2", "Pemutakhiran Data Pemilih")  # fmt: skip


def test_the_form_after_the_third_review(run, ws, monkeypatch):
    """A decision received late by post (--alasan-ditemukan with its --catatan) is no refusal
    at a terminal either; a refused answer keeps its prompt's hint; a reason needing a request
    typed after the number was left empty asks for the number; a second objection on the same
    request and reason is told as the number is typed."""
    rejected_request(run)  # (decided 2026-03-10: 30 working days end in April)
    late = (
        "--alasan",
        "a",
        "--permohonan",
        "1",
        "--alasan-ditemukan",
        "2026-04-20",
        "--catatan",
        "cap pos 20 April 2026",
        "--tanggal",
        "2026-05-04",
        "--tanpa-surat",
    )
    answers = ["Ditolak", "", "", "ktp", "formulir,identitas", "y"]
    r = typed(run, monkeypatch, answers, *late)
    assert r.exit_code == 0, r.output
    assert r.stderr.count("Dokumen (formulir,identitas,kuasa,meterai):") == 2  # (hint kept)
    assert krow(run, "1")["alasan_ditemukan"] == "2026-04-20"
    answers = ["", "a", "1"]  # (no number; reason a needs one: asked; its objection runs)
    before = snapshot(ws.root)
    r = typed(run, monkeypatch, answers, "--tanggal", "2026-05-04", "--tanpa-surat")
    assert r.exit_code == 1 and snapshot(ws.root) == before
    assert "sudah punya keberatan 001/KEB/PPID/5271/V/2026" in r.stderr
    assert "Kasus posisi" not in r.stderr  # (told at the number, not after the form)


def test_the_number_asked_again_is_one_line_of_the_summary(run, ws, monkeypatch):
    """Left empty, then asked because reason a needs it (saying so): the summary shows the
    request once, with its requester."""
    rejected_request(run)
    answers = ["", "a", "1", "Ditolak", "", "", "", "formulir,identitas", "y"]
    r = typed(run, monkeypatch, answers, "--tanggal", "2026-03-16", "--tanpa-surat")
    assert r.exit_code == 0, r.output
    assert "Nomor permohonan (alasan a menyangkut permohonan yang terdaftar):" in r.stderr
    lines = re.findall(r"  Nomor permohonan +: (.*)\n", r.stderr)
    assert lines == ["001/PPID/5271/III/2026 (Budi Santoso)"]


def test_a_reply_dated_back_is_told_its_number_breaks_the_agendas_date_order(run):
    # keberatan tanggapi takes its number before its letter is staged, and staging cleared the
    # warning the number had given: only putuskan told it (review sesi31d L2)
    nomor = rejected_request(run)
    k = objection(run, day="2026-03-12", permohonan=nomor)["nomor_registrasi"]
    step(run, "teruskan", k, "--tanggal", "2026-03-13")
    other = request(run, "2026-03-02")
    run.ok("permohonan", "putuskan", other, "--keputusan", "diberikan", "--tanggal", "2026-03-20")
    said = step(run, "tanggapi", k, "--keputusan", "diterima", "--tanggal", "2026-03-16").stderr
    assert (
        f"nomor surat {krow(run, k)['nomor_surat_tanggapan']} diberikan kepada surat bertanggal "
        "2026-03-16, padahal agenda sudah memuat surat bertanggal 2026-03-20 dengan nomor lebih "
        "kecil (agenda tidak urut tanggal)"
    ) in " ".join(said.split())


def test_upholding_a_partial_grant_on_exclusion_grounds_needs_the_decree_whatever_the_reason(run):
    # the decree was asked for reason a only: the part withheld under Pasal 17 of a request
    # objected under d went out upheld with "Lampiran: -" (review aturan H1)
    nomor = request(run, "2026-03-02")
    decide(run, nomor, "2026-03-10", "diberikan-sebagian", *TOLAK, "--penjelasan", "NIK dihitamkan")
    objection(run, day="2026-04-06", alasan="d")
    step(run, "teruskan", K1, "--tanggal", "2026-04-07")
    run.refused(
        "keberatan", "tanggapi", K1, "--keputusan", "ditolak", "--pertimbangan", "NIK data pribadi",
        "--tanggal", "2026-04-10", "--tanpa-surat",
        message="menguatkan penolakan berdasarkan alasan pengecualian wajib melampirkan Keputusan "
        "KPU tentang informasi yang dikecualikan (SOP Penanganan Keberatan langkah 6): keputusan "
        f"PPID atas permohonan {R1} (diberikan-sebagian) berdasar pengecualian",
    )  # fmt: skip
    step(run, "tanggapi", K1, "--keputusan", "ditolak", "--pertimbangan", "NIK data pribadi",
         "--sk-pengecualian", SK, "--tanggal", "2026-04-10", "--tanpa-surat")  # fmt: skip
    assert krow(run)["sk_pengecualian"] == SK


def test_upholding_a_fee_on_a_partial_grant_needs_no_decree(run):
    # an objection to the fee (f) upholds no exclusion: the decree was asked, and the reply then
    # printed the exclusion paragraph (review sesi32b L1)
    nomor = request(run, "2026-03-02")
    decide(run, nomor, "2026-03-10", "diberikan-sebagian", *TOLAK, "--penjelasan",
           "NIK dihitamkan", "--biaya", "750000")  # fmt: skip
    k = objection(run, day="2026-04-06", alasan="f", permohonan=nomor)["nomor_registrasi"]
    step(run, "teruskan", k, "--tanggal", "2026-04-07")
    step(run, "tanggapi", k, "--keputusan", "ditolak", "--pertimbangan", "Sesuai SK biaya",
         "--tanggal", "2026-04-10", "--tanpa-surat")  # fmt: skip
    assert krow(run, k)["sk_pengecualian"] == ""


def test_a_step_dated_back_that_makes_an_objections_reason_untrue_is_warned(run):
    # an extension or a notification dated back within the deadline, after an objection said
    # the request went unanswered (c): accepted in silence, periksa clean (review aturan M1)
    first, second = request(run, "2026-03-16"), request(run, "2026-03-16")  # due 2026-04-07
    for nomor in (first, second):
        objection(run, day="2026-04-09", alasan="c", permohonan=nomor)
    said = run.ok("permohonan", "perpanjang", first, "--alasan", "arsip di gudang",
                  "--tanggal", "2026-04-06", "--tanpa-surat").stderr  # fmt: skip
    assert (
        "keberatan 001/KEB/PPID/5271/IV/2026 yang diajukan 2026-04-09 tidak sesuai lagi dengan "
        "langkah ini: alasan c: tenggat pemberitahuan permohonan 001/PPID/5271/III/2026 "
        "(2026-04-16) belum lewat pada 2026-04-09 — bila tanggal langkah ini benar, Atasan PPID "
        "menanggapi keberatan itu menurut keadaan ini"
    ) in " ".join(said.split())
    said = run.ok("permohonan", "putuskan", second, "--keputusan", "diberikan",
                  "--tanggal", "2026-04-07", "--tanpa-surat").stderr  # fmt: skip
    assert (
        "keberatan 002/KEB/PPID/5271/IV/2026 yang diajukan 2026-04-09 tidak sesuai lagi dengan "
        "langkah ini: alasan c berlaku bila"
    ) in " ".join(said.split())
    said = run.ok("permohonan", "putuskan", first, "--keputusan", "diberikan",
                  "--tanggal", "2026-04-14", "--tanpa-surat").stderr  # fmt: skip
    assert "tidak sesuai lagi" not in said  # (already told: not again at every step)
    # an objection already answered (or settled) is not the Atasan's to answer again
    third = request(run, "2026-03-16")
    k = objection(run, day="2026-04-09", alasan="c", permohonan=third)["nomor_registrasi"]
    step(run, "teruskan", k, "--tanggal", "2026-04-10")
    step(run, "tanggapi", k, "--keputusan", "diterima", "--tanggal", "2026-04-13", "--tanpa-surat")
    said = run.ok("permohonan", "putuskan", third, "--keputusan", "diberikan",
                  "--tanggal", "2026-04-07", "--tanpa-surat").stderr  # fmt: skip
    assert "tidak sesuai lagi" not in said  # (sesi32b L2)


def _fee_objection(run) -> str:
    """Request 2 Mar granted with a fee on 5 Mar; objection (reason f, fees) filed 9 Mar:
    its response deadline, 30 working days on, is 2026-04-28."""
    nomor = request(run, "2026-03-02")
    decide(run, nomor, "2026-03-05", "diberikan", "--biaya", "750000")
    return objection(run, day="2026-03-09", alasan="f", permohonan=nomor)["nomor_registrasi"]


def test_an_objection_settled_by_agreement_is_closed_and_owes_no_response(run, ws):
    # Pasal 35(2): reasons b-g may be settled by agreement; nothing could record it, so the
    # case stayed open, turned overdue and counted as a missed deadline (review aturan M2)
    from ppidctl.reports.registerbook import _remarks_objection

    k = _fee_objection(run)
    run.usage(
        "keberatan", "tanggapan-pemohon", k, "--sikap", "musyawarah", message="--sikap"
    )  # (the requester's answer to a response is not this step)
    run.refused("keberatan", "musyawarah", k, "--hasil", "-", "--tanggal", "2026-03-16",
                message="--hasil (hasil musyawarah)")  # fmt: skip
    out = step(run, "musyawarah", k, "--hasil", "biaya diturunkan menjadi Rp150.000",
               "--tanggal", "2026-03-16")  # fmt: skip
    assert "Musyawarah       : 2026-03-16: biaya diturunkan menjadi Rp150.000" in out.stdout
    row = krow(run, k)
    assert (row["status"], row["tanggapan_pemohon"], row["terlambat"]) == (
        "selesai", "musyawarah", "tidak"
    )  # fmt: skip
    assert run.ok("periksa").exit_code == 0
    due = json.loads(run.ok("jatuh-tempo", "--format", "json").stdout)
    assert [r for r in due if r["register"] == "keberatan"] == []
    run.refused("keberatan", "tanggapi", k, "--keputusan", "diterima", "--tanggal", "2026-03-17",
                message=f"keberatan {k} sudah diselesaikan secara musyawarah pada 2026-03-16 "
                "tanpa tanggapan Atasan PPID")  # fmt: skip
    run.refused("keberatan", "musyawarah", k, "--hasil", "lagi", "--tanggal", "2026-03-17",
                message=f"keberatan {k} berstatus 'selesai'")  # fmt: skip
    run.refused("keberatan", "sampaikan", k, "--tanggal", "2026-03-17",
                message=f"keberatan {k} sudah diselesaikan secara musyawarah pada 2026-03-16: "
                "tidak ada surat tanggapan untuk disampaikan")  # fmt: skip
    # the month its deadline lapsed counts no missed response; March counts the settlement
    assert _response_standard(run, "2026-04") == (0, 0, 0)
    march = json.loads(
        run.ok("laporan", "bulanan", "--bulan", "2026-03", "--format", "json").stdout
    )
    hasil = {r["kode"]: r["jumlah"] for r in march["tabel"]["keberatan_hasil"]["baris"]}
    assert hasil["musyawarah"] == 1 and march["ringkasan"]["terbuka_keberatan"] == 0
    assert _remarks_objection(row) == (
        "Status: selesai; diselesaikan secara musyawarah 16 Maret 2026: biaya diturunkan menjadi "
        "Rp150.000"
    )
    out = run.root.parent / "laporan-2026.docx"  # (its narrative says so: sesi32b L4)
    run.ok("laporan", "tahunan", "--tahun", "2026", "-o", str(out))
    assert "ditolak); selesai secara musyawarah: 1. Sengketa informasi" in docx_text(out)
    assert march["ringkasan"]["keberatan_musyawarah"] == 1
    # an old book's settlement without its date: not judged a missed deadline, and told
    # (review sesi32b M2: counted missed, and "0 … dan 0 …" in the notes)
    path = ws.register_path("keberatan")
    path.write_text(path.read_text(encoding="utf-8").replace(",2026-03-16,", ",,"), "utf-8")
    assert _response_standard(run, "2026-04") == (0, 0, 0)
    march = json.loads(
        run.ok("laporan", "bulanan", "--bulan", "2026-03", "--format", "json").stdout
    )
    assert any(
        "1 keberatan tercatat selesai secara musyawarah tanpa tanggal langkahnya" in c
        for c in march["catatan"]
    )


def test_only_reasons_b_to_g_before_a_response_are_settled_by_agreement(run, ws):
    nomor = rejected_request(run)
    objection(run, day="2026-04-06")  # reason a: the exclusion is the Atasan PPID's to judge
    run.refused("keberatan", "musyawarah", K1, "--hasil", "sepakat", "--tanggal", "2026-04-07",
                message=f"keberatan {K1} memuat alasan a (penolakan berdasarkan pengecualian): "
                "hanya alasan b sampai g yang dapat diselesaikan secara musyawarah (UU 14/2008 "
                "Pasal 35(2))")  # fmt: skip
    assert nomor


def test_a_settlement_after_the_response_deadline_is_late(run):
    k = _fee_objection(run)
    said = step(run, "musyawarah", k, "--hasil", "biaya dihapus", "--tanggal", "2026-04-29")
    assert "TERLAMBAT: musyawarah 2026-04-29 sesudah tenggat tanggapan 2026-04-28" in said.stderr
    assert krow(run, k)["terlambat"] == "ya"
    assert _response_standard(run, "2026-04") == (1, 0, 1)
    # a day off decreed since moves the deadline: the settlement is judged again, as responses
    # are (review sesi32b M3: the register and the book said late, the report not)
    said = run.ok("kalender", "tambah", "2026-04-20", "--keterangan", "Kantor tutup: banjir")
    assert f"{k}: musyawarah 2026-04-29 ternyata tidak terlambat" in said.stdout + said.stderr
    assert krow(run, k)["terlambat"] == "tidak"


def test_only_a_response_after_the_dispute_is_owed_a_delivery():
    # an old book's dispute after a reply whose delivery it never dated was listed as overdue
    # office work ("lewat 644") nobody could clear (review sesi32b M4)
    from ppidctl.services.queries import _owes_delivery

    late = {"tanggal_tanggapan": "2026-06-02", "tanggapan_pemohon_pada": "2026-05-25"}
    assert _owes_delivery(late)
    assert not _owes_delivery({**late, "tanggal_tanggapan": "2026-05-20"})  # (answered first)
    assert _owes_delivery({**late, "tanggal_tanggapan": "2026-05-25"})  # (that day: 32c N3)
    assert not _owes_delivery({**late, "disampaikan_pada": "2026-06-03"})
    assert not _owes_delivery({**late, "putusan_sengketa": "ditolak"})
