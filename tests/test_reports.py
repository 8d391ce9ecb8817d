"""Reports (issue 5): figures on a hand-built register, checked against hand-counted values.

The register below is written straight into registers/*.csv. Every expected number is counted by
hand from the decreed 2025/2026 holiday lists (../shared/data/libur-skb-2025-2026.csv; cuti
bersama counted as days off), with the working days listed in the comments. Nothing here is
computed by the code under test.

March 2026 for reference (Mar 1 is a Sunday): working days are Mar 2-6, 9-13, 16-17, 25-27,
30-31; Mar 18 (cuti Nyepi), 19 (Nyepi), 20 (cuti Idul Fitri), 23-24 (cuti Idul Fitri) are off.
April: Apr 3 (Wafat Yesus Kristus) off. May 1 (Hari Buruh) off.
"""

from __future__ import annotations

import csv
import json
import os
import random
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from ppidctl import schema

ROOT = Path(__file__).resolve().parents[1]
TAHAPAN = "Pemutakhiran Data Pemilih"


def _req(nomor, recv, **kw):
    row = {
        "nomor_registrasi": nomor,
        "tanggal_diterima": recv,
        "saluran": "langsung",
        "jenis_pemohon": "perorangan",
        "nama_pemohon": "Pemohon " + nomor[:3],
        "jenis_identitas": "ktp",
        "nik": "5271011203900001",
        "alamat": "Jl. Pejanggik 1, Cakranegara, Mataram",
        "pekerjaan": "Mahasiswa",
        "telepon": "081234567890",
        "email": "budi.santoso@example.com",
        "informasi_diminta": "Salinan DPT Kelurahan Mataram",
        "tujuan_penggunaan": "Penelitian",
        "cara_memperoleh": "salinan",
        "bentuk_informasi": "softcopy",
        "cara_kirim": "email",
        "dokumen": "identitas",
        "status": "selesai",
        "petugas": "Rina",
    }
    row.update(kw)
    return row


# The request register. hk = working days counted by hand, receipt = day 0.
PERMOHONAN = [
    # P1: notif Mar 6 = (Mar 2, Mar 6] 3,4,5,6 -> 4 HK; delivered Mar 9 -> 5 HK; forwarded same day
    _req("001/PPID/5271/III/2026", "2026-03-02", diteruskan_pada="2026-03-02",
         keputusan="diberikan", tanggal_pemberitahuan="2026-03-06", tanggal_selesai="2026-03-09",
         terlambat="tidak"),
    # P2: notif Mar 27 = 16,17,25,26,27 -> 5 HK; delivered Mar 31 -> +30,31 = 7 HK;
    #     forwarded Mar 16 -> 1 HK
    _req("002/PPID/5271/III/2026", "2026-03-13", saluran="email", jenis_pemohon="badan-hukum",
         pekerjaan="Wartawan", diteruskan_pada="2026-03-16", keputusan="diberikan-sebagian",
         penjelasan="NIK dihitamkan", tanggal_pemberitahuan="2026-03-27",
         tanggal_selesai="2026-03-31", terlambat="tidak", biaya="15000",
         cara_pembayaran="tunai di loket PPID"),
    # P3: forwarded Mar 26 = 25,26 -> 2 HK (misses the 1-HK SOP standard); extended Mar 30;
    #     deadline 10 HK = Apr 8, extended +7 = Apr 17; notif Apr 14 =
    #     Mar 25,26,27,30,31, Apr 1,2,6,7,8,9,10,13,14 -> 14 HK (not late)
    _req("003/PPID/5271/III/2026", "2026-03-17", saluran="e-ppid", pekerjaan="mahasiswa ",
         diteruskan_pada="2026-03-26", diperpanjang_pada="2026-03-30",
         alasan_perpanjangan="Dihimpun dari PPK", keputusan="ditolak",
         alasan_penolakan="Pasal 17 huruf h", sk_pengecualian="Keputusan KPU Nomor 1",
         tanggal_pemberitahuan="2026-04-14", terlambat="tidak"),
    # P4: received in February; notif Mar 10 = Feb 23-27, Mar 2-6, 9, 10 -> 12 HK; deadline
    #     10 HK = Mar 6, so late
    _req("001/PPID/5271/II/2026", "2026-02-20", saluran="surat", jenis_pemohon="kelompok",
         pekerjaan="LSM", diteruskan_pada="2026-02-20", keputusan="tidak-dikuasai",
         badan_publik_penguasa="KPU Provinsi NTB", tanggal_pemberitahuan="2026-03-10",
         terlambat="ya"),
    # P5: still open; deadline = Apr 1,2,6,7,8,9,10,13,14,15 -> Apr 15
    _req("004/PPID/5271/III/2026", "2026-03-31", saluran="telepon", pekerjaan="",
         status="terdaftar"),
    # P6: election stage (3 HK): deadline Mar 6, 9, 10 -> Mar 10; never answered
    _req("005/PPID/5271/III/2026", "2026-03-05", pekerjaan="Wartawan", tahapan=TAHAPAN,
         diteruskan_pada="2026-03-05", status="diteruskan"),
    # P7: received on a Saturday (Mar 7); notif Mon Mar 9 -> 1 HK; forwarded Mar 9 -> 1 HK
    _req("006/PPID/5271/III/2026", "2026-03-07", saluran="email", pekerjaan="PNS",
         diteruskan_pada="2026-03-09", keputusan="belum-didokumentasikan",
         tanggal_pemberitahuan="2026-03-09", terlambat="tidak"),
    # P8: January; notif Jan 19 = 13,14,15,19 (Jan 16 Isra Mikraj) -> 4 HK; delivered Jan 20 -> 5
    _req("001/PPID/5271/I/2026", "2026-01-12", pekerjaan="Guru", diteruskan_pada="2026-01-12",
         keputusan="diberikan", tanggal_pemberitahuan="2026-01-19", tanggal_selesai="2026-01-20",
         terlambat="tidak"),
    # P9: 2025; notif Jun 4 = Jun 3, 4 -> 2 HK
    _req("001/PPID/5271/VI/2025", "2025-06-02", keputusan="diberikan",
         tanggal_pemberitahuan="2025-06-04", tanggal_selesai="2025-06-05", terlambat="tidak"),
    # P10: received Dec 22, 2025, answered in 2026: Dec 23, 24, (25 Natal, 26 cuti), 29, 30, 31,
    #      (Jan 1), Jan 2, Jan 5 -> 7 HK; delivered Jan 6 -> 8 HK
    _req("002/PPID/5271/XII/2025", "2025-12-22", keputusan="diberikan",
         tanggal_pemberitahuan="2026-01-05", tanggal_selesai="2026-01-06", terlambat="tidak"),
    # P11: given, notif Mar 12 = 10, 11, 12 -> 3 HK; not yet delivered
    _req("007/PPID/5271/III/2026", "2026-03-09", pekerjaan="Wiraswasta",
         diteruskan_pada="2026-03-09", keputusan="diberikan", tanggal_pemberitahuan="2026-03-12",
         terlambat="tidak", status="diputuskan"),
]  # fmt: skip


def _obj(nomor, recv, **kw):
    row = {
        "nomor_registrasi": nomor,
        "tanggal_diterima": recv,
        "saluran": "langsung",
        "nomor_permohonan": "001/PPID/5271/II/2026",
        "nama_pemohon": "Pemohon Keberatan",
        "nik": "5271014105920002",
        "alamat": "Jl. Langko 5, Ampenan, Mataram",
        "telepon": "087765432100",
        "informasi_diminta": "Salinan DPT Kelurahan Mataram",
        "tujuan_penggunaan": "Penelitian",
        "dokumen": "formulir;identitas",
        "petugas": "Rina",
    }
    row.update(kw)
    return row


KEBERATAN = [
    # K1: forwarded Mar 17 -> 1 HK; plenary Mar 26 = 25, 26 -> 2 HK (misses); response Mar 30 =
    #     17, 25, 26, 27, 30 -> 5 HK; delivered Mar 31 -> 1 HK; requester went to the KI
    _obj("001/KEB/PPID/5271/III/2026", "2026-03-16", alasan="d;e", diteruskan_pada="2026-03-17",
         pleno_pada="2026-03-26", keputusan_atasan="ditolak", pertimbangan="Tidak dikuasai",
         tanggal_tanggapan="2026-03-30", disampaikan_pada="2026-03-31",
         tanggapan_pemohon="sengketa", tanggapan_pemohon_pada="2026-03-31", status="sengketa"),
    # K2: open; forwarded same day (0 HK), plenary Mar 26 -> 1 HK; deadline 30 HK = May 8
    _obj("002/KEB/PPID/5271/III/2026", "2026-03-25", alasan="a", diteruskan_pada="2026-03-25",
         pleno_pada="2026-03-26", status="pleno"),
    # K3: February; response Mar 17 = Feb 3-6, 9-13, 18-20, 23-27, Mar 2-6, 9-13, 16, 17 -> 29 HK
    #     (within 30); delivered Mar 25 -> 1 HK; requester accepted Mar 26
    _obj("001/KEB/PPID/5271/II/2026", "2026-02-02", alasan="g", diteruskan_pada="2026-02-03",
         pleno_pada="2026-02-04", keputusan_atasan="diterima", tanggal_tanggapan="2026-03-17",
         disampaikan_pada="2026-03-25", tanggapan_pemohon="menerima",
         tanggapan_pemohon_pada="2026-03-26", status="selesai"),
    # K4: election stage (3 HK): deadline Mar 10, 11, 12 -> Mar 12, open; forwarded Mar 11 ->
    #     10, 11 = 2 HK (misses)
    _obj("003/KEB/PPID/5271/III/2026", "2026-03-09", alasan="c", tahapan=TAHAPAN,
         diteruskan_pada="2026-03-11", status="diteruskan"),
]  # fmt: skip


def write_register(ws, register: str, rows: list[dict[str, str]]) -> None:
    keys = schema.keys(register)
    with open(ws.register_path(register), "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=keys, lineterminator="\r\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: row.get(k, "") for k in keys})


def build(ws):
    """The hand-built registers in ``ws``; returns a fresh Workspace object."""
    from ppidctl.workspace import Workspace

    write_register(ws, "permohonan", PERMOHONAN)
    write_register(ws, "keberatan", KEBERATAN)
    return Workspace(ws.root)


@pytest.fixture
def hws(ws):
    return build(ws)


def _row(table, key, value, col=None):
    col = col or table.kolom[0][0]
    for r in table.baris:
        if r.get(col) == value or r.get("kunci") == value or r.get("kode") == value:
            return r
    raise AssertionError(f"{value} not in {table.key}: {table.baris}")


# --------------------------------------------------------------------------- working days


def test_an_outcome_recorded_without_its_date_is_told_not_listed_as_running(ws):
    # an old book with a "Putusan Sengketa" column and no date for it: the dispute was listed
    # "belum diputus" in every report after it was filed
    from ppidctl.reports import monthly
    from ppidctl.workspace import Workspace

    rows = [
        _obj("001/KEB/PPID/5271/I/2026", "2026-01-05", alasan="a", keputusan_atasan="ditolak",
             tanggal_tanggapan="2026-01-20", disampaikan_pada="2026-01-21",
             tanggapan_pemohon="sengketa", tanggapan_pemohon_pada="2026-01-26",
             putusan_sengketa="mediasi", status="sengketa"),
    ]  # fmt: skip
    write_register(ws, "keberatan", rows)
    jan = monthly(Workspace(ws.root), "2026-01")
    assert [r["putusan"] for r in jan["sengketa"].baris] == ["belum diputus"]  # (as it stood)
    assert any("1 putusan sengketa tercatat" in c for c in jan.catatan)
    assert monthly(Workspace(ws.root), "2026-03")["sengketa"].baris == []


def test_a_share_of_nothing_is_no_figure_not_zero_percent(run):
    # a month without decisions or objections printed "% memenuhi 0,0" on every standard:
    # read as total non-compliance
    lap = json.loads(run.ok("laporan", "bulanan", "--bulan", "2026-08", "--format", "json").stdout)
    rows = lap["tabel"]["standar_layanan"]["baris"]
    assert [(r["diukur"], r["persen_memenuhi"]) for r in rows] == [(0, None)] * len(rows)
    text = run.ok("laporan", "bulanan", "--bulan", "2026-08").stdout
    assert "0,0" not in text and "0.0" not in text


def test_report_notes_wrap_at_spaces_on_a_screen_and_stay_one_line_in_a_pipe(run, monkeypatch):
    # on a 60-column terminal the notes (150–410 characters) were broken mid-word by the
    # terminal, unlike the tables (review konsol N3); piped, one line per note as before
    import io

    from rich.console import Console

    piped = run.ok("laporan", "bulanan", "--bulan", "2026-08").stdout
    notes = piped.split("Catatan\n", 1)[1].splitlines()
    assert notes and all(n.startswith("- ") for n in notes)
    screen = io.StringIO()
    monkeypatch.setattr(
        "ppidctl.cli.laporan.stdout_console",
        lambda: Console(file=screen, width=60, force_terminal=True, color_system=None),
    )
    run.ok("laporan", "bulanan", "--bulan", "2026-08")
    shown = screen.getvalue().split("Catatan\n", 1)[1].splitlines()
    assert max(map(len, shown)) <= 60 and len(shown) > len(notes)
    assert " ".join(x.strip() for x in shown) == " ".join(notes)  # (at spaces: no word cut)


def test_vectorised_workdays_match_the_calendar(hws):
    """WorkdayCounter vs WorkCalendar on 1,500 random pairs over 2025-2026 (incl. weekends,
    holidays, end before start, and an office day off / extra working day)."""
    import numpy as np

    from ppidctl.reports.workdays import WorkdayCounter
    from ppidctl.rules.calendar import Override, WorkCalendar

    cal = WorkCalendar(
        [
            Override(date(2026, 3, 4), False, "Hari jadi kota"),
            Override(date(2026, 3, 21), True, "Sabtu kerja (pemungutan suara ulang)"),
            Override(date(2026, 3, 19), True, "Nyepi: kantor tetap buka"),
        ],
        cache_dir=Path(os.environ["PPIDCTL_CACHE"]),
    )
    rnd = random.Random(5)
    starts = [date(2025, 1, 1) + timedelta(days=rnd.randrange(720)) for _ in range(1500)]
    ends = [s + timedelta(days=rnd.randrange(-10, 80)) for s in starts]
    ns = [rnd.randrange(0, 35) for _ in starts]
    wd = WorkdayCounter(cal)
    got = wd.between(np.array(starts, "datetime64[D]"), np.array(ends, "datetime64[D]"))
    assert [int(x) for x in got] == [
        cal.workdays_between(s, e) for s, e in zip(starts, ends, strict=True)
    ]

    # a step on a day off counts on the next working day (as its deadline: late after it)
    def next_workday(d):
        while not cal.is_workday(d):
            d += timedelta(days=1)
        return d

    got = wd.between(np.array(starts, "datetime64[D]"), np.array(ends, "datetime64[D]"), step=True)
    assert [int(x) for x in got] == [
        cal.workdays_between(s, next_workday(e)) for s, e in zip(starts, ends, strict=True)
    ]
    due = wd.add(np.array(starts, "datetime64[D]"), np.array(ns))
    assert [d.astype(object) for d in due] == [
        cal.add_workdays(s, n).tanggal for s, n in zip(starts, ns, strict=True)
    ]
    # missing dates stay missing
    assert np.isnan(wd.between(np.array(["NaT"], "datetime64[D]"), np.array(["2026-03-02"], "datetime64[D]")))[0]  # fmt: skip


def test_hand_counted_durations(hws):
    from ppidctl.reports import load_office

    o = load_office(hws)
    p = o.permohonan.set_index("nomor_registrasi")
    hk = p["hk_pemberitahuan"].to_dict()
    assert hk["001/PPID/5271/III/2026"] == 4
    assert hk["002/PPID/5271/III/2026"] == 5
    assert hk["003/PPID/5271/III/2026"] == 14
    assert hk["001/PPID/5271/II/2026"] == 12
    assert hk["006/PPID/5271/III/2026"] == 1  # received on a Saturday
    assert hk["002/PPID/5271/XII/2025"] == 7  # across Christmas and New Year
    assert p.loc["002/PPID/5271/XII/2025", "hk_penyerahan"] == 8
    # deadlines recomputed: with the extension (Apr 17) and on an election stage (Mar 10)
    assert str(p.loc["003/PPID/5271/III/2026", "batas_awal"].date()) == "2026-04-08"
    assert str(p.loc["003/PPID/5271/III/2026", "batas_akhir"].date()) == "2026-04-17"
    assert str(p.loc["005/PPID/5271/III/2026", "batas_awal"].date()) == "2026-03-10"
    assert str(p.loc["004/PPID/5271/III/2026", "batas_awal"].date()) == "2026-04-15"
    k = o.keberatan.set_index("nomor_registrasi")
    assert k.loc["001/KEB/PPID/5271/II/2026", "hk_tanggapan"] == 29
    assert str(k.loc["002/KEB/PPID/5271/III/2026", "batas"].date()) == "2026-05-08"
    assert str(k.loc["003/KEB/PPID/5271/III/2026", "batas"].date()) == "2026-03-12"


def test_vectorised_deadlines_match_rules(hws):
    """The report's deadlines equal rules.deadlines (the code the commands use)."""
    import pandas as pd

    from ppidctl.reports import load_office
    from ppidctl.rules import deadlines

    o = load_office(hws)
    rows = {r["nomor_registrasi"]: r for r in hws.read("permohonan").rows}
    for _, r in o.permohonan.iterrows():
        expect = deadlines.request(rows[r["nomor_registrasi"]], hws.settings, hws.calendar)
        got = r["batas_awal"] if pd.isna(r["diperpanjang_pada"]) else r["batas_akhir"]
        assert got.date() == expect.tanggal, r["nomor_registrasi"]
    krows = {r["nomor_registrasi"]: r for r in hws.read("keberatan").rows}
    for _, r in o.keberatan.iterrows():
        expect = deadlines.objection(krows[r["nomor_registrasi"]], hws.settings, hws.calendar)
        assert r["batas"].date() == expect.tanggal


# --------------------------------------------------------------------------- the data API


def test_load_frame_types(hws):
    from ppidctl.reports.data import load_frame

    df = load_frame(hws, "permohonan")
    assert len(df) == len(PERMOHONAN)
    assert list(df.columns) == schema.keys("permohonan")
    assert str(df["tanggal_diterima"].dtype).startswith("datetime64")
    assert str(df["biaya"].dtype) == "Int64"
    assert df["biaya"].sum() == 15000
    assert df.loc[0, "nik"] == "5271011203900001"  # text, not a number
    assert df["tanggal_selesai"].isna().sum() == 6


def test_load_frame_keeps_text_and_skips_blank_rows(ws):
    from ppidctl.reports.data import load_frame

    keys = schema.keys("permohonan")
    ws.register_path("permohonan").write_text(
        ",".join(keys) + "\r\n"
        + ",".join(_req("001/PPID/5271/III/2026", "2026-03-02", nik="0012345678901234",
                        nama_pemohon="NA").get(k, "") for k in keys) + "\r\n"
        + "," * (len(keys) - 1) + "\r\n",
        encoding="utf-8",
    )  # fmt: skip
    df = load_frame(ws, "permohonan", ["nomor_registrasi", "nik", "nama_pemohon"])
    assert df.to_dict("records") == [
        {"nomor_registrasi": "001/PPID/5271/III/2026", "nik": "0012345678901234",
         "nama_pemohon": "NA"}
    ]  # fmt: skip


def test_load_frame_reads_indonesian_headers_and_semicolons(ws):
    from ppidctl.reports.data import load_frame

    cols = schema.columns("permohonan")
    row = _req("001/PPID/5271/III/2026", "2026-03-02")
    text = ";".join(c.header for c in cols) + "\n" + ";".join(row.get(c.key, "") for c in cols)
    ws.register_path("permohonan").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8") + b"\n")
    df = load_frame(ws, "permohonan")
    assert df.loc[0, "nomor_registrasi"] == "001/PPID/5271/III/2026"
    assert df.loc[0, "tanggal_diterima"].date() == date(2026, 3, 2)


def test_load_frame_xlsx_register(ws):
    from ppidctl.reports.data import load_frame
    from ppidctl.store.table import read_csv
    from ppidctl.workspace import Workspace

    write_register(ws, "permohonan", PERMOHONAN)
    table = read_csv("permohonan", ws.register_path("permohonan"),
                     ws.register_path("permohonan").read_bytes())  # fmt: skip
    toml = ws.root / "ppidctl.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('format = "csv"', 'format = "xlsx"'),
                    encoding="utf-8")  # fmt: skip
    xws = Workspace(ws.root)
    table.path = xws.register_path("permohonan")
    assert table.path.suffix == ".xlsx"
    table.path.write_bytes(table.to_bytes())
    ws.register_path("permohonan").unlink()  # (converted: both at once are refused)
    df = load_frame(xws, "permohonan")
    assert len(df) == len(PERMOHONAN)
    assert df.loc[1, "tanggal_pemberitahuan"].date() == date(2026, 3, 27)
    assert df.loc[1, "biaya"] == 15000


def test_typed_names_every_unreadable_date_and_no_blank_one():
    """A blank or spaces-only date cell is no date; any other text that is no YYYY-MM-DD is
    unreadable, counted per column with its first example (the report refuses it)."""
    import pandas as pd

    from ppidctl.reports.data import typed

    frame = pd.DataFrame(
        {"tanggal_diterima": ["2026-03-16", "", "  ", "16/03/2026", " 2026-03-17", "x"],
         "tanggal_selesai": ["", "\t", "2026-02-30", "", "", ""],
         "nama_pemohon": ["A", "", "  ", "B", "C", "D"]},
        dtype=str,
    )  # fmt: skip
    out = typed("permohonan", frame)
    assert out.attrs["tak_terbaca"] == {
        "tanggal_diterima": (3, "16/03/2026"),
        "tanggal_selesai": (1, "2026-02-30"),
    }
    assert out["tanggal_diterima"].notna().tolist() == [True] + [False] * 5
    assert out["nama_pemohon"].tolist() == ["A", "", "  ", "B", "C", "D"]


def test_load_frame_empty_register(ws):
    from ppidctl.reports.data import load_frame

    df = load_frame(ws, "keberatan")
    assert len(df) == 0 and "tanggal_tanggapan" in df.columns


# --------------------------------------------------------------------------- monthly report


def test_monthly_key_figures(hws):
    from ppidctl.reports import monthly

    lap = monthly(hws, "2026-03")
    assert (lap.mulai, lap.sampai) == (date(2026, 3, 1), date(2026, 3, 31))
    assert lap.ringkasan == {
        "permohonan_diterima": 7,  # P1, P2, P3, P5, P6, P7, P11
        "pemberitahuan_tertulis": 5,  # P1, P2, P4, P7, P11 (P3's is in April)
        "diberikan": 2,  # P1, P11
        "diberikan_sebagian": 1,  # P2
        "ditolak": 0,
        "tidak_dikuasai": 1,  # P4
        "belum_didokumentasikan": 1,  # P7
        "informasi_diserahkan": 2,  # P1 Mar 9, P2 Mar 31
        "perpanjangan": 1,  # P3
        "terlambat": 1,  # P4
        "median_hk_pemberitahuan": 4.0,  # of 1, 3, 4, 5, 12
        "median_hk_penyerahan": 6.0,  # of 5, 7
        "keberatan_diterima": 3,  # K1, K2, K4
        "keberatan_ditanggapi": 2,  # K1 Mar 30, K3 Mar 17
        "keberatan_dikabulkan": 1,  # K3
        "keberatan_ditolak": 1,  # K1
        "keberatan_musyawarah": 0,
        "sengketa": 1,  # K1
        "terbuka_permohonan": 3,  # P3 (answered in April), P5, P6
        "terbuka_permohonan_lewat_tenggat": 1,  # P6 (due Mar 10)
        "menunggu_penyerahan": 1,  # P11
        "terbuka_keberatan": 2,  # K2, K4
        "terbuka_keberatan_lewat_tenggat": 1,  # K4 (due Mar 12)
    }


def test_monthly_breakdowns(hws):
    from ppidctl.reports import monthly

    lap = monthly(hws, "2026-03")
    counts = lambda key: {r["kode"]: r["jumlah"] for r in lap[key].baris}  # noqa: E731
    assert counts("saluran") == {"langsung": 3, "surat": 0, "email": 2, "telepon": 1,
                                 "faksimili": 0, "e-ppid": 1, "lainnya": 0}  # fmt: skip
    assert counts("jenis_pemohon") == {"perorangan": 6, "badan-hukum": 1, "kelompok": 0}
    # "Mahasiswa" and "mahasiswa " are one occupation
    assert counts("pekerjaan") == {"Mahasiswa": 2, "Wartawan": 2, "PNS": 1, "Wiraswasta": 1, "": 1}
    assert _row(lap["pekerjaan"], "", "")["kategori"] == "(tidak diisi)"
    assert counts("keputusan") == {"diberikan": 2, "diberikan-sebagian": 1, "ditolak": 0,
                                   "tidak-dikuasai": 1, "belum-didokumentasikan": 1}  # fmt: skip
    assert _row(lap["keputusan"], "diberikan", "diberikan")["persen"] == 40.0
    assert lap["alasan_penolakan"].baris == []


def test_monthly_durations(hws):
    from ppidctl.reports import monthly

    w = monthly(hws, "2026-03")["waktu"]
    assert _row(w, "pemberitahuan", "pemberitahuan") == {
        "kunci": "pemberitahuan", "ukuran": "Pemberitahuan tertulis",
        "jumlah": 5, "median": 4.0, "rata_rata": 5.0, "maksimum": 12,  # 1+3+4+5+12 = 25
        "dalam_tenggat": 4, "persen_dalam_tenggat": 80.0,  # all but P4 (12)
        "dalam_perpanjangan": 5, "persen_dalam_perpanjangan": 100.0,
    }  # fmt: skip
    assert _row(w, "penyerahan", "penyerahan") == {
        "kunci": "penyerahan", "ukuran": "Informasi diserahkan atas keputusan PPID",
        "jumlah": 2, "median": 6.0, "rata_rata": 6.0, "maksimum": 7,
        "dalam_tenggat": 2, "persen_dalam_tenggat": 100.0,
        "dalam_perpanjangan": 2, "persen_dalam_perpanjangan": 100.0,
    }  # fmt: skip
    assert "pemberitahuan tertulis" in " ".join(monthly(hws, "2026-03").catatan)


def test_a_notification_on_the_weekend_after_the_deadline_is_not_within_it(ws):
    # received Fri 11 Jul 2025, due Fri 25 Jul; notified Sat 26 Jul: late (the flag), and the
    # time table counted it "≤ 10 HK" beside it (Saturday is no working day: 10)
    from ppidctl.reports import monthly
    from ppidctl.workspace import Workspace

    late = _req("001/PPID/5271/VII/2025", "2025-07-11", keputusan="diberikan",
                diteruskan_pada="2025-07-11", tanggal_pemberitahuan="2025-07-26",
                terlambat="ya", status="diputuskan")  # fmt: skip
    write_register(ws, "permohonan", [late])
    m = monthly(Workspace(ws.root), "2025-07")
    row = _row(m["waktu"], "pemberitahuan", "pemberitahuan")
    assert (row["maksimum"], row["dalam_tenggat"], row["dalam_perpanjangan"]) == (11, 0, 1)
    assert m.ringkasan["terlambat"] == 1


def test_request_time_table_tells_decided_election_stage_requests(ws):
    # the "≤ 10 HK" column measures every request against the general limit; an election-stage
    # request (3 HK) decided in 5 HK counted "within" with no word of its own deadline
    from ppidctl.reports import monthly
    from ppidctl.workspace import Workspace

    # decided Mar 12 = Mar 6, 9, 10, 11, 12 -> 5 HK; deadline 3 HK = Mar 10: late
    stage = _req("005/PPID/5271/III/2026", "2026-03-05", tahapan=TAHAPAN, keputusan="diberikan",
                 diteruskan_pada="2026-03-05", tanggal_pemberitahuan="2026-03-12",
                 terlambat="ya", status="diputuskan")  # fmt: skip
    write_register(ws, "permohonan", [stage])
    w = monthly(Workspace(ws.root), "2026-03")["waktu"]
    assert _row(w, "pemberitahuan", "pemberitahuan")["dalam_tenggat"] == 1
    assert "Termasuk 1 permohonan tahapan pemilu" in w.catatan
    assert "tenggat 3 hari kerja, perpanjangan 2" in w.catatan
    # the standards table names the stage deadline its measure used (10/12 beside 12/12)
    std = monthly(Workspace(ws.root), "2026-03")["standar_layanan"]
    assert (
        "mencakup 1 permohonan tahapan pemilu yang sedang berjalan, dengan batas 3 (+2) HK"
        in std.catatan
    )
    # a month without a decided stage request says nothing of it (P6 was never answered)
    assert "tahapan" not in monthly(build(ws), "2026-03")["waktu"].catatan


def test_monthly_objections(hws):
    from ppidctl.reports import monthly

    lap = monthly(hws, "2026-03")
    reasons = {r["kode"]: r["jumlah"] for r in lap["keberatan_alasan"].baris}
    assert reasons == {"a": 1, "b": 0, "c": 1, "d": 1, "e": 1, "f": 0, "g": 0}  # K1 = d;e
    assert _row(lap["keberatan_alasan"], "a", "a")["persen"] == 33.3
    outcome = {r["kode"]: (r["jumlah"], r["persen"]) for r in lap["keberatan_hasil"].baris}
    assert outcome == {"dikabulkan": (1, 50.0), "ditolak": (1, 50.0), "menerima": (1, 50.0),
                       "sengketa": (1, 50.0), "musyawarah": (0, 0.0)}  # fmt: skip
    assert (
        "% menerima/sengketa/musyawarah: dari sikap pemohon" in lap["keberatan_hasil"].catatan
    )  # (2 bases)
    t = lap["keberatan_waktu"].baris[0]
    assert (t["jumlah"], t["median"], t["rata_rata"], t["maksimum"]) == (2, 17.0, 17.0, 29)
    assert (t["dalam_tenggat"], t["persen_dalam_tenggat"]) == (2, 100.0)
    # (100 % of the responses given; K4's lapsed deadline is the standards table's: said)
    assert "tanpa tanggapan dihitung pada tabel standar layanan" in lap["keberatan_waktu"].catatan
    # April lists K1's dispute, filed Mar 31 and still running: the table says why it is there
    april = monthly(hws, "2026-04")["sengketa"]
    assert [r["nomor_registrasi"] for r in april.baris] == ["001/KEB/PPID/5271/III/2026"]
    assert april.catatan == (
        "Termasuk 1 sengketa yang diajukan sebelum periode ini. 1 sengketa belum tercatat "
        "putusannya."
    )


def test_a_response_on_the_deadline_day_is_within_it(ws):
    """The Atasan PPID answers an objection within 30 working days (UU 14/2008 Pasal 36(2));
    the deadline day is the 30th working day and still in time (rules.md §1): a response on it
    counts "dalam tenggat", one on the next working day does not, in both tables."""
    from ppidctl.reports import monthly
    from ppidctl.workspace import Workspace

    # received Mon Feb 2: Feb 3-6, 9-13, 18-20, 23-27, Mar 2-6, 9-13, 16, 17 -> 29 HK; Mar 18-24
    # off; Mar 25 -> 30 HK (the deadline); Mar 26 -> 31 HK
    rows = [
        _obj(f"00{n}/KEB/PPID/5271/II/2026", "2026-02-02", alasan="g",
             diteruskan_pada="2026-02-03", keputusan_atasan="diterima",
             tanggal_tanggapan=day, status="ditanggapi")
        for n, day in ((1, "2026-03-25"), (2, "2026-03-26"))
    ]  # fmt: skip
    write_register(ws, "keberatan", rows)
    lap = monthly(Workspace(ws.root), "2026-03")
    t = lap["keberatan_waktu"].baris[0]
    assert (t["jumlah"], t["median"], t["maksimum"]) == (2, 30.5, 31)
    assert (t["dalam_tenggat"], t["persen_dalam_tenggat"]) == (1, 50.0)
    std = _row(lap["standar_layanan"], "tenggat_keberatan", "tenggat_keberatan")
    assert (std["diukur"], std["memenuhi"], std["tidak_memenuhi"]) == (2, 1, 1)


def test_monthly_service_standards(hws):
    from ppidctl.reports import monthly

    std = {r["kunci"]: (r["diukur"], r["memenuhi"], r["tidak_memenuhi"])
           for r in monthly(hws, "2026-03")["standar_layanan"].baris}  # fmt: skip
    assert std == {
        # forwarded in March: P1 0, P2 1, P3 2 (miss), P6 0, P7 1, P11 0
        "teruskan_permohonan": (6, 5, 1),
        # K1 1, K2 0, K4 2 (miss)
        "teruskan_keberatan": (3, 2, 1),
        # plenary in March: K1 2 (miss), K2 1
        "draf_tanggapan": (2, 1, 1),
        # delivered in March: K1 1, K3 1
        "sampaikan_tanggapan": (2, 2, 0),
        # notifications in March, P4 late; P6's 3 HK deadline (Mar 10) passed with none (it
        # was counted nowhere, while an unanswered objection was)
        "tenggat_permohonan": (6, 4, 2),
        # responses in March: K1 5, K3 29 (<= 30); K4's 3 HK deadline (Mar 12) passed with none
        "tenggat_keberatan": (3, 2, 1),
    }


def test_monthly_trend_is_year_to_date(hws):
    from ppidctl.reports import monthly

    rows = monthly(hws, "2026-03")["bulanan"].baris
    assert [r["bulan"] for r in rows] == ["2026-01", "2026-02", "2026-03"]
    assert [r["permohonan_diterima"] for r in rows] == [1, 1, 7]
    assert "pembanding" not in monthly(hws, "2026-03")


def test_bad_month_is_refused(hws):
    from ppidctl.errors import UsageError
    from ppidctl.reports import monthly

    with pytest.raises(UsageError, match="2026-13"):  # not a month: wrong usage, exit code 2
        monthly(hws, "2026-13")


# --------------------------------------------------------------------------- annual report


def test_annual(hws):
    from ppidctl.reports import annual

    lap = annual(hws, 2026)
    r = lap.ringkasan
    assert r["permohonan_diterima"] == 9  # P1-P8 less P9/P10 (2025) plus P11; P4 in Feb, P8 Jan
    assert r["pemberitahuan_tertulis"] == 8  # incl. P10 (received 2025, answered Jan 5, 2026)
    assert (r["diberikan"], r["diberikan_sebagian"], r["ditolak"]) == (4, 1, 1)
    assert (r["tidak_dikuasai"], r["belum_didokumentasikan"]) == (1, 1)
    assert r["informasi_diserahkan"] == 4  # P1, P2, P8, P10
    assert r["median_hk_pemberitahuan"] == 4.5  # of 1, 3, 4, 4, 5, 7, 12, 14
    assert r["median_hk_penyerahan"] == 6.0  # of 5, 5, 7, 8
    assert (r["terbuka_permohonan"], r["terbuka_permohonan_lewat_tenggat"]) == (2, 2)  # P5, P6
    assert (r["terbuka_keberatan"], r["terbuka_keberatan_lewat_tenggat"]) == (2, 2)  # K2, K4
    months = lap["bulanan"].baris
    # 2026 still runs (today 22 November): no December of zeros in the table or the chart
    assert len(months) == 11 and months[-1]["nama_bulan"] == "November"
    assert lap["bulanan"].catatan == "Tahun 2026 belum berakhir: sampai November."
    jan, feb, mar, apr = months[:4]
    assert (jan["permohonan_diterima"], jan["pemberitahuan_tertulis"], jan["diberikan"]) == (
        1,
        2,
        2,
    )
    assert jan["median_hk_pemberitahuan"] == 5.5  # P8 4, P10 7
    assert (feb["permohonan_diterima"], feb["keberatan_diterima"]) == (1, 1)
    assert (mar["permohonan_diterima"], mar["pemberitahuan_tertulis"], mar["terlambat"]) == (
        7,
        5,
        1,
    )
    assert (mar["keberatan_diterima"], mar["keberatan_ditanggapi"], mar["sengketa"]) == (3, 2, 1)
    assert (apr["pemberitahuan_tertulis"], apr["ditolak"]) == (1, 1)
    assert all(m["permohonan_diterima"] == 0 for m in months[4:])
    # the year adds up from its months
    assert sum(m["pemberitahuan_tertulis"] for m in months) == r["pemberitahuan_tertulis"]
    assert {x["kode"]: x["jumlah"] for x in lap["alasan_penolakan"].baris} == {
        "Pasal 17 huruf h": 1
    }


def test_the_annual_monthly_table_counts_partial_grants_as_given(ws):
    """The annual report counts requests "granted (fully/partly)" against those refused
    (rules.md §7; Perki 1/2021 Pasal 56): the monthly table's "Diberikan (seluruh/sebagian)"
    counts a partial grant; information not held is not given."""
    from ppidctl.reports import annual
    from ppidctl.workspace import Workspace

    # P1 given (notified Mar 6), P2 given in part (Mar 27), P4 not held (Mar 10)
    write_register(ws, "permohonan", [PERMOHONAN[0], PERMOHONAN[1], PERMOHONAN[3]])
    lap = annual(Workspace(ws.root), 2026)
    assert (lap.ringkasan["diberikan"], lap.ringkasan["diberikan_sebagian"]) == (1, 1)
    mar = lap["bulanan"].baris[2]
    assert (mar["bulan"], mar["pemberitahuan_tertulis"], mar["diberikan"]) == ("2026-03", 3, 2)
    assert (mar["ditolak"], mar["tidak_tersedia"]) == (0, 1)


def test_rejection_grounds_are_grouped_by_the_letter_of_pasal_17(ws):
    """One ground written three ways (a legacy book's "17 huruf h UU 14/2008", the desk's
    "Pasal 17 huruf h (data pribadi)") was three rows of the grounds table; a sub-point
    ("angka 2") is a ground of its own; a text naming no letter is kept as written."""
    from ppidctl.reports import monthly

    def rejected(n, ground):
        return _req(f"00{n}/PPID/5271/III/2026", "2026-03-02", keputusan="ditolak",
                    alasan_penolakan=ground, tanggal_pemberitahuan="2026-03-05",
                    terlambat="tidak", status="selesai")  # fmt: skip

    grounds = ["Pasal 17 huruf h", "17 huruf H UU 14/2008", "Pasal 17 huruf h (data pribadi)",
               "Pasal 17 huruf h angka 2", "Rahasia negara",
               "Pasal 17 huruf h jo. Pasal 6 ayat (3) huruf c",  # (huruf c is Pasal 6's)
               "Pasal 17 huruf b dan huruf h"]  # fmt: skip
    write_register(ws, "permohonan", [rejected(i, g) for i, g in enumerate(grounds, 1)])
    table = monthly(ws, "2026-03")["alasan_penolakan"]
    assert {x["kode"]: x["jumlah"] for x in table.baris} == {
        "Pasal 17 huruf h": 4,
        "Pasal 17 huruf b dan huruf h": 1,
        "Pasal 17 huruf h angka 2": 1,
        "Rahasia negara": 1,
    }


def test_annual_report_states_its_due_date(hws, today):
    """rules.md §1 and §7: the annual report is due 31 March of the next year (Perki 1/2021
    Pasal 56), a setting; a report made after that says so."""
    from ppidctl.config import load
    from ppidctl.errors import ConfigError
    from ppidctl.reports import annual, monthly

    today("2026-02-10")
    lap = annual(hws, 2025)
    assert lap.to_dict()["batas_penyampaian"] == "2026-03-31"
    assert lap.catatan[-1] == (
        "Batas penyampaian laporan tahunan 2025: 31 Maret 2026 (Perki 1/2021 Pasal 56)"
    )
    today("2026-11-22")
    assert (
        annual(hws, 2025).catatan[-1].endswith("; laporan ini dibuat sesudahnya (22 November 2026)")
    )
    assert monthly(hws, "2026-03").to_dict()["batas_penyampaian"] is None  # (same keys)
    conf = hws.root / "ppidctl.toml"
    conf.write_text(conf.read_text(encoding="utf-8").replace('"31-03"', '"30-04"'), "utf-8")
    assert load(conf).batas_laporan_tahunan(2025).isoformat() == "2026-04-30"
    conf.write_text(conf.read_text(encoding="utf-8").replace('"30-04"', '"29-02"'), "utf-8")
    assert load(conf).batas_laporan_tahunan(2025).isoformat() == "2026-02-28"  # (no 29th)
    assert load(conf).batas_laporan_tahunan(2027).isoformat() == "2028-02-29"
    conf.write_text(conf.read_text(encoding="utf-8").replace('"29-02"', '"31-02"'), "utf-8")
    with pytest.raises(ConfigError, match="laporan_tahunan = '31-02' bukan tanggal-bulan"):
        load(conf).batas_laporan_tahunan(2025)
    from conftest import Runner  # (the command: refused, the workspace unchanged)

    Runner(hws.root).refused("laporan", "tahunan", "--tahun", "2025",
                             message="laporan_tahunan = '31-02' bukan tanggal-bulan")  # fmt: skip


def test_annual_compares_with_previous_year(hws, today):
    from ppidctl.reports import annual

    today("2027-01-05")  # (2026 over: the whole of both years)
    cmp = annual(hws, 2026)["pembanding"]
    row = _row(cmp, "permohonan_diterima", "permohonan_diterima")
    # the register's first case is of December 2025: 2025 may be held only from then, so
    # no per cent (+350 % read as growth — review hitung L2); the note says why
    assert (row["tahun_lalu"], row["tahun_ini"], row["selisih"], row["perubahan_persen"]) == (
        2,
        9,
        7,
        None,
    )
    assert cmp.catatan.startswith("Perkara pertama yang tercatat di register diterima ")
    assert cmp.catatan.endswith(
        ": angka 2025 bisa hanya sejak tanggal itu, jadi perubahan persen tidak dihitung."
    )
    from ppidctl.reports.summary import PEMBANDING, _comparison

    two, nine = ({k: n for k in PEMBANDING} for n in (2, 9))
    full = _comparison(two, nine, 2026)
    assert full.baris[0]["perubahan_persen"] == 350.0  # (a whole year held: the per cent)
    row = _row(cmp, "median_hk_pemberitahuan", "median_hk_pemberitahuan")
    assert (row["tahun_lalu"], row["tahun_ini"], row["selisih"]) == (2.0, 4.5, 2.5)
    assert [k for k, _ in cmp.kolom] == [
        "ukuran",
        "tahun_lalu",
        "tahun_ini",
        "selisih",
        "perubahan_persen",
    ]
    # no data in 2024: no comparison for 2025 — and the report says why (it was silent)
    lap = annual(hws, 2025)
    assert "pembanding" not in lap
    assert (
        "Perbandingan dengan tahun 2024 tidak dimuat karena register tidak memuat permohonan "
        "atau keberatan yang diterima 1 Januari 2024 sampai 31 Desember 2024."
    ) in " ".join(lap.catatan)
    assert "ppidctl" not in " ".join(lap.catatan)  # (the narrative goes to the Komisi Informasi)
    # 2026 still running: last year up to the same day (P10 of 22 Dec 2025 is not in it yet)
    today("2026-11-22")
    cmp = annual(hws, 2026)["pembanding"]
    row = _row(cmp, "permohonan_diterima", "permohonan_diterima")
    assert (row["tahun_lalu"], row["tahun_ini"]) == (1, 9)
    assert cmp.catatan.startswith(
        "Tahun 2026 belum berakhir: dibandingkan sampai tanggal yang sama, 22 November 2026 "
        "dengan 22 November 2025. Perkara pertama yang tercatat"
    )


# --------------------------------------------------------------------------- daily page


def test_daily(hws):
    from ppidctl.reports import daily

    lap = daily(hws, "2026-03-31")
    assert [r["nomor_registrasi"] for r in lap["masuk"].baris] == ["004/PPID/5271/III/2026"]
    assert [
        (r["nomor_registrasi"], r["langkah"], r["hari_kerja"]) for r in lap["dijawab"].baris
    ] == [("002/PPID/5271/III/2026", "informasi diserahkan", 7)]
    late = [
        (r["nomor_registrasi"], r["jatuh_tempo"], r["sisa_hari_kerja"])
        for r in lap["terlambat"].baris
    ]
    # P6 due Mar 10: Mar 11,12,13,16,17,25,26,27,30,31 -> 10; K4 due Mar 12 -> 8
    assert late == [("005/PPID/5271/III/2026", "2026-03-10", -10),
                    ("003/KEB/PPID/5271/III/2026", "2026-03-12", -8)]  # fmt: skip
    assert [r["lewat_hari_kerja"] for r in lap["terlambat"].baris] == [10, 8]
    assert lap["terlambat"].kolom[-1] == ("lewat_hari_kerja", "Lewat (hari kerja)")
    assert lap["jatuh_tempo"].baris == []  # P3: 12 HK left (Apr 17), P5: 10, K2: 26
    assert lap.ringkasan["terbuka"] == 5  # P3, P5, P6, K2, K4

    soon = daily(hws, date(2026, 4, 13))["jatuh_tempo"].baris
    assert [(r["nomor_registrasi"], r["sisa_hari_kerja"]) for r in soon] == [
        ("004/PPID/5271/III/2026", 2)  # due Apr 15: Apr 14, 15
    ]
    wider = daily(hws, date(2026, 4, 13), dalam=4)["jatuh_tempo"].baris
    assert [r["sisa_hari_kerja"] for r in wider] == [2, 4]  # P3 due Apr 17


def test_daily_past_day_shows_the_status_of_that_day(hws):
    from ppidctl.reports import daily

    def status(day, dalam):
        lap = daily(hws, day, dalam=dalam)
        return {
            r["nomor_registrasi"]: r["status"]
            for key in ("jatuh_tempo", "terlambat")
            for r in lap[key].baris
        }

    on_17 = status("2026-03-17", 30)
    # K1 (now 'sengketa'): received Mar 16, forwarded Mar 17, the dispute came only Mar 31
    assert on_17["001/KEB/PPID/5271/III/2026"] == "diteruskan"
    # P3 (now 'selesai'): received Mar 17, forwarded only Mar 26
    assert on_17["003/PPID/5271/III/2026"] == "terdaftar"
    # P2 (now 'selesai'): forwarded Mar 16, decided Mar 27
    assert on_17["002/PPID/5271/III/2026"] == "diteruskan"
    # P6: nothing happened after that day: the register's own status
    assert on_17["005/PPID/5271/III/2026"] == "diteruskan"
    on_31 = status("2026-03-31", 30)
    assert on_31["003/PPID/5271/III/2026"] == "diperpanjang"  # extended Mar 30, decided Apr 14
    assert on_31["002/KEB/PPID/5271/III/2026"] == "pleno"  # still open: as the register says
    # the report's method note names every step date the status is rebuilt from
    note = next(n for n in daily(hws, "2026-03-17").catatan if n.startswith("Status perkara"))
    assert (
        "(diteruskan, diperpanjang, diputuskan, pleno, ditanggapi, disampaikan, selesai/sengketa)"
        in note
    )


def test_daily_objections_received_show_their_channel(hws):
    from ppidctl.reports import daily

    (row,) = daily(hws, "2026-03-16")["masuk"].baris
    assert (row["nomor_registrasi"], row["saluran"]) == ("001/KEB/PPID/5271/III/2026", "langsung")


def test_detail_sheets_show_the_cases_as_they_stood_on_the_report_day(hws, tmp_path):
    import pandas as pd
    from openpyxl import load_workbook

    from ppidctl.reports import daily, monthly, save_report

    # K1 received Mar 16: forwarded Mar 17, answered Mar 30, went to the KI Mar 31
    out = save_report(daily(hws, "2026-03-16"), tmp_path / "h.xlsx")
    # the page itself: a stored choice in words (as the docx), an empty table says so
    page = [[c for c in r if c is not None] for r in load_workbook(out)["Ringkasan"].values]
    masuk = [r for r in page if "001/KEB/PPID/5271/III/2026" in r]
    assert masuk and "Datang langsung" in masuk[0] and "langsung" not in masuk[0]
    assert ["(tidak ada)"] in page
    det = load_workbook(out)["Keberatan"]
    row = dict(zip([c.value for c in det[1]], [c.value for c in det[2]], strict=True))
    assert row["Nomor Registrasi Keberatan"] == "001/KEB/PPID/5271/III/2026"
    assert row["Status"] == "terdaftar"
    for key in ("keputusan_atasan", "tanggal_tanggapan", "tanggapan_pemohon"):
        assert row[schema.column("keberatan", key).header] is None, key
    assert row["HK sampai Tanggapan"] is None
    # P3 received Mar 17: forwarded Mar 26, extended Mar 30, decided (rejected) Apr 14
    assert daily(hws, "2026-03-17").detail["permohonan"]["status"].tolist() == ["terdaftar"]
    march = monthly(hws, "2026-03").detail["permohonan"].set_index("nomor_registrasi")
    p3 = march.loc["003/PPID/5271/III/2026"]
    assert p3["status"] == "diperpanjang"  # as of Mar 31
    assert (p3["keputusan"], p3["alasan_penolakan"], p3["terlambat"]) == ("", "", "")
    assert pd.isna(p3["tanggal_pemberitahuan"]) and pd.isna(p3["hk_pemberitahuan"])
    assert p3["diperpanjang_pada"].date().isoformat() == "2026-03-30"
    p2 = march.loc["002/PPID/5271/III/2026"]  # decided and delivered in March: as it is
    assert (p2["status"], p2["keputusan"], p2["hk_pemberitahuan"]) == (
        "selesai", "diberikan-sebagian", 5
    )  # fmt: skip


# --------------------------------------------------------------------------- several offices


@pytest.fixture
def two_offices(hws, tmp_path):
    from ppidctl.workspace import Workspace, init

    other = init(tmp_path / "lobar", "Komisi Pemilihan Umum Kabupaten Lombok Barat", "5201")
    # the regency's own day off: Mar 4
    (other.registers_dir / "libur.csv").write_text(
        "tanggal,jenis,keterangan,petugas\r\n2026-03-04,libur,Hari jadi kabupaten,\r\n",
        encoding="utf-8",
    )
    write_register(
        other,
        "permohonan",
        [
            # notif Mar 5 = Mar 3, 5 (Mar 4 is the regency's day off) -> 2 HK
            _req("001/PPID/5201/III/2026", "2026-03-02", keputusan="diberikan",
                 tanggal_pemberitahuan="2026-03-05", terlambat="tidak", status="diputuskan"),
            _req("002/PPID/5201/III/2026", "2026-03-10", status="terdaftar"),
        ],
    )  # fmt: skip
    return hws, Workspace(other.root)


def test_consolidated_monthly(two_offices):
    from ppidctl.reports import monthly

    a, b = two_offices
    lap = monthly([a, b], "2026-03")
    assert lap.kantor == ["KPU Kota Mataram", "KPU Kabupaten Lombok Barat"]
    assert lap.ringkasan["permohonan_diterima"] == 9  # 7 + 2
    assert lap.ringkasan["pemberitahuan_tertulis"] == 6  # 5 + 1
    assert lap.ringkasan["median_hk_pemberitahuan"] == 3.5  # of 1, 2, 3, 4, 5, 12
    per = {r["kantor"]: r for r in lap["kantor"].baris}
    assert (
        per["KPU Kota Mataram"]["permohonan_diterima"],
        per["KPU Kota Mataram"]["terlambat"],
    ) == (7, 1)
    lobar = per["KPU Kabupaten Lombok Barat"]
    assert (lobar["permohonan_diterima"], lobar["pemberitahuan_tertulis"]) == (2, 1)
    assert lobar["median_hk_pemberitahuan"] == 2.0  # counted on the regency's own calendar
    assert per["Jumlah"]["permohonan_diterima"] == 9
    assert set(lap.detail["permohonan"]["kantor"]) == set(lap.kantor)


def test_cli_gabung(two_offices, tmp_path):
    from conftest import Runner

    a, b = two_offices
    run = Runner(a.root)
    out = run.ok("laporan", "bulanan", "--bulan", "2026-03", "--format", "json", "--gabung",
                 str(a.root), str(b.root))  # fmt: skip
    doc = json.loads(out.stdout)
    assert doc["ringkasan"]["permohonan_diterima"] == 9
    assert [r["kantor"] for r in doc["tabel"]["kantor"]["baris"]] == [
        "KPU Kota Mataram", "KPU Kabupaten Lombok Barat", "Jumlah"]  # fmt: skip
    assert "berasal dari workspace kantor yang sama" not in out.stderr
    # a copy of the same workspace (a restored backup, an unpacked arsip) counted twice: told
    import shutil

    copy = shutil.copytree(a.root, tmp_path / "salinan")
    out = run.ok("laporan", "bulanan", "--bulan", "2026-03", "--format", "json", "--gabung",
                 str(a.root), str(copy))  # fmt: skip
    assert f"{copy} dan {a.root} berasal dari workspace kantor yang sama" in out.stderr
    # a folder without --gabung is a usage error
    run.usage("laporan", "bulanan", "--bulan", "2026-03", str(b.root),
              message="folder workspace hanya dipakai bersama --gabung")  # fmt: skip


def test_a_merged_report_names_its_folders_and_who_signs_it(two_offices, tmp_path):
    """Review gabung: every bad folder at once, never init's advice (M1); the workspace the
    command runs in heads and signs (M3); an office's refusal names its folder (L1); the
    offices' own calendar settings (L2); whole office names in the page header (L3); offices
    started from one prepared workspace are no copies (L4)."""
    import shutil

    from ppidctl.reports.xlsx import _office
    from ppidctl.workspace import init

    from conftest import Runner

    a, b = two_offices
    run = Runner(a.root)
    run.usage("laporan", "bulanan", "--bulan", "2026-03", "--gabung", str(tmp_path / "nol"),
              str(a.registers_dir), str(a.root / "ppidctl.toml"),
              message=f"folder --gabung yang tidak dapat dipakai: {tmp_path / 'nol'}: folder "
              f"tidak ada; {a.registers_dir}: folder di dalam workspace {a.root} — sebutkan "
              f"{a.root}; {a.root / 'ppidctl.toml'}: berkas, bukan folder")  # fmt: skip
    prov = init(tmp_path / "prov", "Komisi Pemilihan Umum Provinsi Nusa Tenggara Barat", "52")
    toml = b.root / "ppidctl.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        "cuti_bersama_libur = true", "cuti_bersama_libur = false"), encoding="utf-8")  # fmt: skip
    out = Runner(prov.root).ok("laporan", "bulanan", "--bulan", "2026-03", "--format", "json",
                               "--gabung", str(a.root), str(b.root))  # fmt: skip
    doc = json.loads(out.stdout)
    assert f"memakai identitas dan penanda tangan dari {prov.root}" in out.stderr
    signed = tmp_path / "prov.docx"
    Runner(prov.root).ok("laporan", "bulanan", "--bulan", "2026-03", "-o", str(signed),
                         "--gabung", str(a.root), str(b.root))  # fmt: skip
    from helpers_docx import docx_text

    text = docx_text(signed)
    assert "PROVINSI NUSA TENGGARA BARAT" in text.upper()
    assert "Ketua KPU Kota Mataram" not in text  # (the regency's Atasan signed: gabung M3)
    assert any("bukan cuti bersama bagi kantor yang menetapkannya libur" in c
               for c in doc["catatan"])  # fmt: skip
    lotim = shutil.copytree(a.root, tmp_path / "lotim")  # (started from a prepared workspace)
    toml = lotim / "ppidctl.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('"5271"', '"5203"'), "utf-8")
    out = run.ok("laporan", "bulanan", "--bulan", "2026-03", "--gabung", str(a.root), str(lotim),
                 str(a.root))  # fmt: skip
    assert "berasal dari workspace kantor yang sama" not in out.stderr
    assert f"{a.root.resolve()} disebut lebih dari sekali: digabung sekali" in out.stderr
    (lotim / "ppidctl.toml").write_text("tenggat = [", encoding="utf-8")
    run.refused("laporan", "bulanan", "--bulan", "2026-03", "--gabung", str(a.root), str(lotim),
                message=f"{lotim}: ppidctl.toml tidak dapat dibaca")  # fmt: skip
    # run from a desk whose own ppidctl.toml is broken, not merged: the merge is still made
    out = Runner(lotim).ok("laporan", "bulanan", "--bulan", "2026-03", "--gabung", str(a.root),
                           str(b.root))  # fmt: skip
    assert f"memakai identitas dan penanda tangan dari {a.root}" in out.stderr  # (32d2 L1)
    assert "ppidctl.toml tidak dapat dibaca" in out.stderr  # (and why: sesi32e L2)

    class Merged:
        instansi: dict = {}
        kantor = [f"KPU Kabupaten Nomor {i}" for i in range(1, 6)]

    assert _office(Merged()) == (
        "Gabungan 5 kantor: KPU Kabupaten Nomor 1, KPU Kabupaten Nomor 2, dan 3 lainnya"
    )


def test_a_merged_annual_report_compares_only_offices_that_held_last_year(two_offices, today):
    # an office that began this year read as growth from nothing in the merged comparison,
    # which each office's own report leaves out (review gabung M2)
    from ppidctl.reports import annual

    a, b = two_offices  # (Mataram: one request in 2025, nine in 2026; Lombok Barat: two in 2026)
    today("2026-11-22")
    lap = annual([a, b], 2026)
    (row,) = [r for r in lap["pembanding"].baris if r["kunci"] == "permohonan_diterima"]
    assert (row["tahun_lalu"], row["tahun_ini"]) == (1, 9)  # (not 11: Lombok Barat's 2 too)
    assert (
        "hanya atas kantor yang registernya memuat tahun 2025 (KPU Kota Mataram); KPU Kabupaten "
        "Lombok Barat tidak termasuk" in lap["pembanding"].catatan
    )


def test_who_signs_a_merged_report_counts_none_of_its_figures(two_offices, tmp_path):
    # the running workspace's [tenggat] counted the regencies' cases (sesi32d2 M2), and one
    # office's report made from another desk went out under that desk's name (sesi32d2 M1)
    import dataclasses

    from ppidctl.reports import monthly
    from ppidctl.workspace import init

    from conftest import Runner

    a, b = two_offices
    prov = init(tmp_path / "prov", "Komisi Pemilihan Umum Provinsi Nusa Tenggara Barat", "52")
    toml = prov.root / "ppidctl.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("permohonan = 10", "permohonan = 3"),
                    encoding="utf-8")  # fmt: skip
    signed, plain = monthly([a, b], "2026-03", prov), monthly([a, b], "2026-03")
    assert [dataclasses.asdict(t) for t in signed.tabel] == [
        dataclasses.asdict(t) for t in plain.tabel
    ]
    assert signed.instansi["instansi"]["nama"] != plain.instansi["instansi"]["nama"]
    out = Runner(prov.root).ok("laporan", "bulanan", "--bulan", "2026-03", "--gabung", str(a.root))
    assert f"memakai identitas dan penanda tangan dari {a.root}" in out.stderr


def test_a_report_says_a_register_whose_file_is_gone(run, ws):
    # an office's copy sent without its register was counted as no cases, in silence (review
    # gabung H1)
    from conftest import REQUEST

    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", "--tanpa-surat")
    ws.register_path("permohonan").unlink()
    said = " ".join(run.ok("laporan", "bulanan", "--bulan", "2026-03").stderr.split())
    assert (
        "Peringatan: register permohonan tidak ada, padahal jurnal mencatatnya: yang ditampilkan "
        "menghitungnya kosong — lihat dan pulihkan: ppidctl periksa"
    ) in said
    # the office's days off too: every deadline is counted on them (sesi32d2 M4)
    run.ok("kalender", "tambah", "2026-03-26", "--keterangan", "Hari jadi kota")
    ws.register_path("libur").unlink()
    said = " ".join(run.ok("jatuh-tempo").stderr.split())
    assert "register libur dan permohonan tidak ada, padahal jurnal mencatatnya" in said
    # a copy sent without its journal (registers/ left behind): told, not counted as nothing
    # in silence (sesi32d2 H1)
    ws.journal_path.write_bytes(b"")  # (empty: none either — sesi32e L1; maybe still synced)
    said = " ".join(run.ok("laporan", "bulanan", "--bulan", "2026-03").stderr.split())
    assert "Peringatan: jurnal kosong (0 byte): berkas itu mungkin masih disalin" in said
    assert "register tidak dapat dicocokkan dengan jurnalnya" in said
    ws.journal_path.unlink()
    said = " ".join(run.ok("laporan", "bulanan", "--bulan", "2026-03").stderr.split())
    assert "Peringatan: jurnal tidak ada: register tidak dapat dicocokkan dengan jurnalnya" in said


# --------------------------------------------------------------------------- the CLI


def test_cli_monthly_formats(hws):
    from conftest import Runner, snapshot

    run = Runner(hws.root)
    before = snapshot(hws.root)
    doc = json.loads(run.ok("laporan", "bulanan", "--bulan", "2026-03", "--format", "json").stdout)
    assert doc["jenis"] == "bulanan"
    assert doc["periode"] == {"mulai": "2026-03-01", "sampai": "2026-03-31"}
    assert doc["ringkasan"]["permohonan_diterima"] == 7
    assert doc["tabel"]["waktu"]["baris"][0]["median"] == 4.0
    lines = run.ok(
        "laporan", "bulanan", "--bulan", "2026-03", "--format", "csv"
    ).stdout.splitlines()
    assert lines[0] == "bagian,baris,kolom,nilai"
    assert "ringkasan,permohonan_diterima,nilai,7" in lines
    assert "waktu,pemberitahuan,median,4.0" in lines
    assert "saluran,email,jumlah,2" in lines
    text = run.ok("laporan", "bulanan", "--bulan", "2026-03").stdout
    assert "Laporan Bulanan Layanan Informasi Publik Maret 2026" in text
    assert "Standar layanan SOP" in text
    assert " 4,0 " in text and " 4.0 " not in text  # the median as Indonesians write it
    assert snapshot(hws.root) == before  # a report changes nothing
    write_register(hws, "permohonan", [dict(PERMOHONAN[0], pekerjaan="[bold]Guru[/bold]")])
    text = run.ok("laporan", "bulanan", "--bulan", "2026-03").stdout
    assert "[bold]Guru[/bold]" in text  # not eaten as terminal markup
    # a value a spreadsheet would run as a formula is written as text, as ekspor writes it
    write_register(hws, "permohonan", [dict(PERMOHONAN[0], pekerjaan="=1+1")])
    lines = run.ok("laporan", "bulanan", "--bulan", "2026-03", "--format", "csv").stdout
    assert "pekerjaan,'=1+1,jumlah,1" in lines.splitlines()


@pytest.mark.parametrize("width", [120, 80, 50])
def test_text_report_loses_nothing_on_a_narrow_screen(hws, monkeypatch, width):
    """Rich cropped report tables at the screen's edge: at 80 columns the monthly report lost
    "≤ 17 HK" and the dispute decision date, the daily page the days overdue, and even piped
    (120) the annual trend split every title ("Permohon|an") — with nothing on stderr."""
    import re

    from ppidctl.cli import laporan
    from ppidctl.reports.summary import nilai_teks

    from conftest import Runner

    wide = laporan.stdout_console
    monkeypatch.setattr(laporan, "stdout_console", lambda: (c := wide(), setattr(c, "width", width))[0])  # fmt: skip
    run = Runner(hws.root)
    for args in (["tahunan", "--tahun", "2026"], ["bulanan", "--bulan", "2026-03"],
                 ["harian", "--tanggal", "2026-03-31"]):  # fmt: skip
        text = run.ok("laporan", *args).stdout
        doc = json.loads(run.ok("laporan", *args, "--format", "json").stdout)
        lines = text.splitlines()
        body = [ln for ln in lines if not ln.startswith("- ")]  # (notes: the terminal wraps)
        assert max(len(ln) for ln in body) <= width, [ln for ln in body if len(ln) > width]
        words = set(re.findall(r"[^\s│┃┏┓┗┛┡┩└┘┌┐├┤┬┴┼╇╈━─]+", text))
        for t in doc["tabel"].values():
            for c in t["kolom"][1:]:  # every title word whole (a block is headed by its row)
                if c["kunci"].startswith("nomor") or not t["baris"]:  # (or its number; none)
                    continue
                assert set(c["label"].split()) <= words, (args, c["label"])
            for row in t["baris"]:  # every figure, number and date whole
                for c in t["kolom"][1:]:
                    v = row.get(c["kunci"])
                    if isinstance(v, (int, float)) or (isinstance(v, str) and "/" in v):
                        assert nilai_teks(v) in words, (args, c["kunci"], v)


def test_report_figures_in_indonesian_notation():
    from ppidctl.reports.summary import nilai_teks

    assert [nilai_teks(v) for v in (None, 4.0, 1234.56, 12, 100000)] == [
        "–",
        "4,0",
        "1.234,6",
        "12",
        "100.000",
    ]


def test_cli_daily_and_annual(hws):
    from conftest import Runner

    run = Runner(hws.root)
    doc = json.loads(
        run.ok("laporan", "harian", "--tanggal", "2026-03-31", "--format", "json").stdout
    )
    assert doc["ringkasan"]["lewat_tenggat"] == 2
    doc = json.loads(run.ok("laporan", "tahunan", "--tahun", "2026", "--format", "json").stdout)
    assert len(doc["tabel"]["bulanan"]["baris"]) == 11  # (to November: the year still runs)
    assert "pembanding" in doc["tabel"]


def test_cli_refusals(hws):
    from conftest import Runner

    run = Runner(hws.root)
    run.usage("laporan", "bulanan", "--bulan", "2026-13", message="--bulan '2026-13' tidak sah")
    run.refused(
        "laporan", "bulanan", "--bulan", "2027-01",
        message="periode laporan mulai 2027-01-01, belum dimulai (hari ini 2026-11-22)",
    )  # fmt: skip
    run.refused(  # (December of the last year a date has: no traceback on the next month)
        "laporan", "bulanan", "--bulan", "9999-12",
        message="periode laporan mulai 9999-12-01, belum dimulai (hari ini 2026-11-22)",
    )  # fmt: skip
    run.refused(
        "laporan", "harian", "--tanggal", "2027-06-01",
        message="--tanggal 2027-06-01 belum tiba (hari ini 2026-11-22)",
    )  # fmt: skip
    run.usage(
        "laporan", "harian", "--tanggal", "kemarin", message="--tanggal 'kemarin' bukan tanggal"
    )
    run.usage("laporan", "bulanan", "--bulan", "2026-03", "--keluaran", str(hws.root / "x.pdf"),
              message="harus berakhiran .xlsx atau .docx")  # fmt: skip


def test_help_does_not_import_pandas():
    code = (
        "import sys; import ppidctl.cli.main as m; "
        "bad = [x for x in ('pandas', 'numpy', 'openpyxl', 'docx') if x in sys.modules]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr


# --------------------------------------------------------------------------- report files


def _xlsx_report(hws, tmp_path, *args):
    from conftest import Runner

    out = tmp_path / "laporan-2026-03.xlsx"
    res = Runner(hws.root).ok(
        "laporan", "bulanan", "--bulan", "2026-03", "--keluaran", str(out), *args
    )
    assert ("Laporan tanpa sensor dicatat di jurnal." in res.stderr) == ("--tanpa-sensor" in args)
    return out


def test_xlsx_report(hws, tmp_path):
    import zipfile

    from openpyxl import load_workbook

    from conftest import snapshot

    before = snapshot(hws.root)
    out = _xlsx_report(hws, tmp_path)
    assert snapshot(hws.root) == before  # masked output: the workspace is untouched
    wb = load_workbook(out)
    assert wb.sheetnames == ["Ringkasan", "Tren bulanan", "Grafik", "Permohonan", "Keberatan"]
    ring = wb["Ringkasan"]
    assert ring["A1"].value == "Laporan Bulanan Layanan Informasi Publik Maret 2026"
    col_a = [c.value for c in ring["A"]]
    assert (
        "Waktu layanan permohonan (hari kerja sejak diterima; hari diterima = hari ke-0)" in col_a
    )
    i = col_a.index("Permohonan diterima")
    assert ring.cell(i + 1, 2).value == 7
    # native charts: the monthly trend and the decisions
    charts = wb["Grafik"]._charts
    assert len(charts) == 2
    with zipfile.ZipFile(out) as z:
        assert {"xl/charts/chart1.xml", "xl/charts/chart2.xml"} <= set(z.namelist())
    # detail sheets: the month's rows, personal data masked
    det = wb["Permohonan"]
    head = [c.value for c in det[1]]
    assert head[:3] == ["Nomor Registrasi", "Tanggal Permohonan", "Nama Pemohon"]
    assert det.max_row == 1 + 7
    alamat = head.index("Alamat") + 1
    assert {det.cell(r, alamat).value for r in range(2, det.max_row + 1)} == {"…, Mataram"}
    hk = head.index("HK sampai Pemberitahuan") + 1
    nomor = {det.cell(r, 1).value: det.cell(r, hk).value for r in range(2, det.max_row + 1)}
    assert nomor["002/PPID/5271/III/2026"] == 5
    assert det.freeze_panes == "B2"
    assert wb["Keberatan"].max_row == 1 + 3


def test_xlsx_report_layout(hws, tmp_path):
    """Review 4 and 9: widths from content, wrapped text with its row height, readable print
    setup, the trend on its own sheet, labels and date cells, no header-only page."""
    from openpyxl import load_workbook

    from ppidctl.reports import annual, daily, save_report
    from ppidctl.reports.excel import PAGE_UNITS

    wb = load_workbook(save_report(annual(hws, 2026), tmp_path / "t.xlsx"))
    ring = wb["Ringkasan"]
    widths = {k: d.width for k, d in ring.column_dimensions.items()}
    labels = [c.value for c in ring["A"] if isinstance(c.value, str)]
    assert "Median hari kerja sampai informasi diserahkan" in labels
    assert 45 <= widths["A"] <= 47  # the row labels, whole
    assert widths["B"] < 15  # figures
    assert sum(widths.values()) <= PAGE_UNITS  # the summary: one page wide ...
    ps = ring.page_setup
    assert (ps.orientation, ps.paperSize, ps.fitToWidth, ps.fitToHeight) == ("landscape", 9, 1, 0)
    assert ring.max_column <= 9  # ... the 11-column trend is on its own sheet
    assert "Bulan" not in [c.value for c in ring["A"]]
    assert [c.value for c in wb["Tren bulanan"][6]][:2] == ["Bulan", "Permohonan"]
    # notes and titles span the columns and wrap, their rows as high as the text
    notes = [r for r in ring.merged_cells.ranges if r.min_col == 1 and r.max_col == ring.max_column]
    assert len(notes) > 20
    long_note = next(c for c in ring["A"] if str(c.value).startswith("Perkara terbuka pada akhir"))
    assert long_note.alignment.wrap_text and ring.row_dimensions[long_note.row].height >= 36
    # the disputes table: dates as date cells, no code column
    row = next(r for r in ring.iter_rows() if r[0].value == "001/KEB/PPID/5271/III/2026")
    assert row[1].value == datetime(2026, 3, 31) and row[1].number_format == "DD-MM-YYYY"
    assert "dikabulkan" not in [c.value for c in row]
    # detail sheets: widths from content, header row high enough, several pages wide
    det = wb["Permohonan"]
    head = {c.value: c.column_letter for c in det[1]}
    dw = {k: d.width for k, d in det.column_dimensions.items()}
    assert dw[head["Nomor Registrasi"]] >= len("001/PPID/5271/III/2026")  # never clipped
    assert dw[head["Terlambat"]] < 14 and dw[head["Informasi yang Diminta"]] <= 30
    assert det.row_dimensions[1].height >= 26  # "Tanggal Permohonan" on two lines
    assert det["A2"].alignment.wrap_text
    ps = det.page_setup
    held = dw["A"]  # (repeated on every page)
    assert ps.fitToWidth == -(-(sum(dw.values()) - held) // (PAGE_UNITS - held)) > 1
    assert ps.fitToHeight == 0
    assert det.print_title_rows == "$1:$1" and det.print_title_cols == "$A:$A"
    # printed, page 7 of 31 says whose report, which period and sheet it is; a row's parts
    # follow each other (pages side by side), not 30 pages apart
    for sheet in wb.worksheets:
        assert sheet.oddHeader.left.text == f"&B{wb['Ringkasan']['A1'].value} — {sheet.title}"
        assert sheet.oddHeader.right.text == "Komisi Pemilihan Umum Kota Mataram"
        assert sheet.oddFooter.left.text == "Periode: Tahun 2026 · data pribadi disamarkan"
        assert sheet.oddFooter.right.text == "Halaman &P dari &N"
    assert ps.pageOrder == "overThenDown"
    # the chart sheet's captions span their table (wrapped in column A, over the header row)
    merged = {str(r) for r in wb["Grafik"].merged_cells.ranges}
    captions = [c.row for c in wb["Grafik"]["A"] if str(c.value).startswith(("Tren", "Keputusan "))]
    assert len(captions) == 2 and all(f"A{r}:E{r}" in merged for r in captions)
    # stored choices in words, as in the register book
    channels = {det.cell(r, 1).value: det[f"{head['Saluran Permohonan']}{r}"].value
                for r in range(2, det.max_row + 1)}  # fmt: skip
    assert channels["003/PPID/5271/III/2026"] == "Aplikasi e-PPID"
    # a day with no requests received: one line saying so, no header-only page
    det = load_workbook(save_report(daily(hws, "2026-03-16"), tmp_path / "h.xlsx"))["Permohonan"]
    assert [[c.value for c in r] for r in det.iter_rows()] == [
        ["Tidak ada permohonan yang diterima pada 16 Maret 2026."]
    ]


def test_xlsx_report_unmasked_is_journalled(hws, tmp_path):
    from openpyxl import load_workbook

    out = _xlsx_report(hws, tmp_path, "--tanpa-sensor", "--petugas", "Rina")
    det = load_workbook(out)["Permohonan"]
    head = [c.value for c in det[1]]
    assert det.cell(2, head.index("Alamat") + 1).value == "Jl. Pejanggik 1, Cakranegara, Mataram"
    lines = [json.loads(x) for x in hws.journal_path.read_text(encoding="utf-8").splitlines()]
    last = [e for e in lines if e.get("aksi") == "ekspor-tanpa-sensor"]
    assert {e["register"] for e in last} == {"permohonan", "keberatan"}
    assert all(e["keluaran"] == str(out) and e["petugas"] == "Rina" for e in last)
    assert oct(out.stat().st_mode & 0o777) == "0o600"


def test_masked_report_files_follow_izin_berkas(hws, tmp_path):
    """Masked reports still hold names, requests and partial contacts: they were 0644 whatever
    the office's izin_berkas."""
    assert oct(_xlsx_report(hws, tmp_path).stat().st_mode & 0o777) == "0o640"  # (the default)
    toml = hws.root / "ppidctl.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace('izin_berkas = "0640"', 'izin_berkas = "0600"'),
        encoding="utf-8",
    )
    assert oct(_xlsx_report(hws, tmp_path).stat().st_mode & 0o777) == "0o600"


def test_docx_report(hws, tmp_path):
    from docx import Document

    from conftest import Runner

    out = tmp_path / "laporan-2026.docx"
    Runner(hws.root).ok("laporan", "tahunan", "--tahun", "2026", "--keluaran", str(out))
    doc = Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    for heading in (
        "I. Gambaran Umum Kebijakan Pelayanan Informasi Publik",
        "III. Rincian Pelayanan Informasi Publik",
        "IV. Rincian Penyelesaian Keberatan dan Sengketa Informasi",
        "VI. Kendala Eksternal dan Internal",
        "VII. Rekomendasi dan Rencana Tindak Lanjut",
    ):
        assert heading in text
    kendala = text.split("VI. Kendala Eksternal dan Internal\n")[1].split("\n")[0]
    assert kendala == "(diisi oleh PPID)"  # the office writes it in Word
    assert "menerima 9 permohonan" in text
    assert "Komisi Pemilihan Umum Kota Mataram" in cells  # settings: [instansi] nama
    assert "Pasal 17 huruf h" in cells
    assert "5271011203900001" not in text + cells  # figures only, no personal data
    assert "{{" not in text + cells
    # File > Info: the office and the report, not python-docx's own notes (English, 2013)
    props = doc.core_properties
    assert props.author == "Komisi Pemilihan Umum Kota Mataram" and props.comments == ""
    assert props.title.startswith("Laporan Tahunan") and props.created.year >= 2026


def test_docx_reads_as_a_report_to_the_komisi_informasi(hws, tmp_path):
    """Review 9-11: long dates, labels instead of stored codes, words for 'HK' in the daily
    tables; no paths, settings sections or tool instructions; plain words for what did not
    happen."""
    import re

    from docx import Document

    from ppidctl.reports import annual, daily, monthly, save_report

    def text(lap, name):
        doc = Document(str(save_report(lap, tmp_path / name)))
        cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in doc.paragraphs] + cells), cells

    day, cells = text(daily(hws, "2026-03-31"), "h.docx")
    assert "10 Maret 2026" in cells and "2026-03-10" not in day  # P6's due date
    assert "Sisa hari kerja" in cells and "Sisa HK" not in cells
    assert "Telepon" in cells and "telepon" not in cells  # P5's channel, by its label
    year, cells = text(annual(hws, 2026), "t.docx")
    assert "31 Maret 2026" in cells  # K1 taken to the KI (the disputes table)
    assert "Kode" not in cells
    for internal in ("ppidctl", ".toml", ".csv", "registers/", "[", "Hapus teks"):
        assert internal not in year, internal
    assert year.count("(diisi oleh PPID)") == 4  # I, II (no text set), VI, VII
    assert "NIP. -" not in year  # (init's placeholder NIP: the line is left out)
    assert re.search(r"\b\d{4}-\d{2}-\d{2}\b", year) is None
    # "diterima" is the Atasan's granting: the objections that came in are "masuk" (the annual
    # report said "Keberatan yang diterima: 4; … (1 diterima, 2 ditolak)")
    assert re.search(
        r"Keberatan yang masuk: \d+; ditanggapi Atasan PPID: \d+ \(\d+ dikabulkan, ", year
    )
    assert "Keberatan masuk" in cells and "Keberatan diterima" not in cells
    # May 2026: nothing decided or delivered
    may, _ = text(monthly(hws, "2026-05"), "b.docx")
    assert "Tidak ada pemberitahuan tertulis dalam periode ini; tidak ada informasi yang " in may
    assert "– hari kerja" not in may
    assert "tidak ada pemberitahuan yang melewati tenggat" in may  # (not "0 pemberitahuan …")
    assert " 0 pemberitahuan melewati" not in may
    assert "Perpanjangan waktu tidak digunakan" in may and "digunakan 0 kali" not in may


def test_docx_tables_are_laid_out_from_their_content(hws, tmp_path):
    """Review 3 and 8: column widths follow the content (label column wide, figures narrow),
    the month-by-month trend gets a landscape page of its own, A4 pages are numbered."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Cm

    from ppidctl.reports import annual, save_report
    from ppidctl.reports.docx import _cm

    doc = Document(str(save_report(annual(hws, 2026), tmp_path / "t.docx")))
    # which section each table is in (a section ends at the paragraph holding its sectPr)
    section_of, i = {}, 0
    for el in doc.element.body.iterchildren():
        if el.tag == qn("w:tbl"):
            section_of[el] = i
        elif el.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            i += 1
    by_head = {t.rows[0].cells[0].text: t for t in doc.tables}
    portrait, landscape = Cm(21 - 5), Cm(29.7 - 5)
    for t in doc.tables:
        widths = [c.width for c in t.columns]
        sec = doc.sections[section_of[t._tbl]]
        room = landscape if sec.orientation == WD_ORIENT.LANDSCAPE else portrait
        assert sum(widths) <= room + Cm(0.05)
        # no word wider than its column (words never break)
        for col, w in zip(t.columns, widths, strict=True):
            longest = max(_cm(word, 9) for c in col.cells for word in c.text.split() or [""])
            assert Cm(longest) < w, (col.cells[0].text, longest)
    kategori = by_head["Kategori"]
    assert kategori.columns[0].width > 4 * kategori.columns[1].width  # label wide, figures narrow
    trend = by_head["Bulan"]
    assert len(trend.columns) == 11
    sec = doc.sections[section_of[trend._tbl]]
    assert sec.orientation == WD_ORIENT.LANDSCAPE and round(sec.page_width.cm, 1) == 29.7
    assert doc.sections[-1].orientation == WD_ORIENT.PORTRAIT  # back after the table
    first = doc.sections[0]
    assert (round(first.page_width.cm, 1), round(first.page_height.cm, 1)) == (21, 29.7)
    footer = first.footer.paragraphs[0]._p
    codes = [x.text.strip() for x in footer.iter(qn("w:instrText"))]
    assert codes == ["PAGE", "NUMPAGES"] and "Halaman" in first.footer.paragraphs[0].text
    assert all(s.footer.is_linked_to_previous for s in doc.sections[1:])


def test_docx_report_prints_as_a_signed_document(hws, tmp_path):
    """Printed, the monthly report split its signature over two pages (name and NIP alone on
    the last), table headers did not repeat, captions stood alone at a page's foot, and the
    headings were python-docx's blue Calibri; the desk was not told what is left to write."""
    from docx import Document
    from docx.oxml.ns import qn

    from conftest import Runner

    out = tmp_path / "b.docx"
    r = Runner(hws.root).ok("laporan", "bulanan", "--bulan", "2026-03", "--keluaran", str(out))
    assert (
        "Bagian I (kebijakan umum), II (gambaran umum pelaksanaan), VI (kendala), VII "
        '(rekomendasi) masih berisi "(diisi oleh PPID)": tulis di Word sebelum laporan dikirim '
        "(bagian I dan II dapat diisi sekali di [laporan] ppidctl.toml)." in r.stderr
    )
    doc = Document(str(out))
    sign, before = doc.paragraphs[-1], doc.paragraphs[-2]
    assert sign.text.splitlines()[1] == "PPID KPU Kota Mataram"  # (the signature block)
    assert sign.paragraph_format.keep_together and before.paragraph_format.keep_with_next
    for t in doc.tables:
        rows = t._tbl.findall(qn("w:tr"))
        if t.rows[0].cells[0].text == "Badan publik":
            continue  # (the office's details: no header row)
        assert rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        assert all(tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for tr in rows)
    captions = [p for p in doc.paragraphs if p.text == "Permohonan menurut saluran"]
    assert captions and captions[0].paragraph_format.keep_with_next
    for name in ("Heading 1", "Heading 2"):
        fonts = doc.styles[name].element.rPr.rFonts
        assert fonts.get(qn("w:ascii")) == "Arial" and fonts.get(qn("w:asciiTheme")) is None
        assert str(doc.styles[name].font.color.rgb) == "000000"


def test_daily_report_files(hws, tmp_path):
    from docx import Document
    from openpyxl import load_workbook

    from conftest import Runner, snapshot

    run = Runner(hws.root)
    before = snapshot(hws.root)
    xlsx, docx = tmp_path / "harian.xlsx", tmp_path / "harian.docx"
    for out in (xlsx, docx):
        res = run.ok("laporan", "harian", "--tanggal", "2026-03-31", "--keluaran", str(out))
        assert res.stdout.strip() == str(out)
    assert snapshot(hws.root) == before  # masked output: the workspace is untouched

    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["Ringkasan", "Permohonan", "Keberatan"]
    ring = wb["Ringkasan"]
    assert ring["A1"].value == "Data Layanan Harian — Selasa, 31 Maret 2026"
    rows = [[c.value for c in row] for row in ring.iter_rows()]
    figures = {r[0]: r[1] for r in rows if r[0]}
    assert (figures["Permohonan masuk"], figures["Permohonan yang informasinya diserahkan"]) == (
        1,
        1,
    )
    assert figures["Lewat tenggat"] == 2
    cases = {r[1]: r for r in rows if r[0] in ("permohonan", "keberatan")}
    assert cases["004/PPID/5271/III/2026"][4] == "Telepon"  # received that day, by phone (in words)
    # overdue: a date, and how far past as a count (a minus sign is missed on paper)
    assert cases["005/PPID/5271/III/2026"][4:6] == [datetime(2026, 3, 10), 10]
    assert "Lewat (hari kerja)" in [r[5] for r in rows]
    det = wb["Permohonan"]  # the day's request, personal data masked
    assert [c.value for c in det[2]][0] == "004/PPID/5271/III/2026" and det.max_row == 2
    head = [c.value for c in det[1]]
    assert det.cell(2, head.index("Alamat") + 1).value == "…, Mataram"

    doc = Document(str(docx))
    # the day's case tables in portrait (8 pt when need be): one landscape page among portrait
    # ones made a one-day page three sheets of paper
    assert len(doc.sections) == 1
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "DATA LAYANAN HARIAN — SELASA, 31 MARET 2026" in text
    assert "Tanggal 31 Maret 2026" not in text  # (the title names the day; it was said twice)
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]
    ringkasan = {r[0]: r[1] for r in tables[0]}
    assert (ringkasan["Permohonan masuk"], ringkasan["Lewat tenggat"]) == ("1", "2")
    cells = [c for t in tables for row in t for c in row]
    assert "005/PPID/5271/III/2026" in cells and "003/KEB/PPID/5271/III/2026" in cells
    assert "5271011203900001" not in text + "\n".join(cells)


def test_docx_uses_report_texts_from_settings(hws, tmp_path):
    from docx import Document

    from ppidctl.reports import monthly, save_report
    from ppidctl.workspace import Workspace

    toml = hws.root / "ppidctl.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace(
            'kebijakan_umum = ""',
            'kebijakan_umum = "PPID ditetapkan dengan Keputusan KPU Kota Mataram."',
        ),
        encoding="utf-8",
    )
    out = save_report(monthly(Workspace(hws.root), "2026-03"), tmp_path / "m.docx")
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "PPID ditetapkan dengan Keputusan KPU Kota Mataram." in text


def test_example_script(hws, tmp_path):
    out = tmp_path / "contoh.xlsx"
    res = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "laporan_bulanan.py"), str(hws.root),
         "--bulan", "2026-03", "--keluaran", str(out)],
        capture_output=True, text=True, env={**os.environ}, timeout=120,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    assert "permohonan diterima        : 7" in res.stdout
    assert "email        2" in res.stdout  # from the DataFrame
    assert out.exists()


# --------------------------------------------------------------------------- slow


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(path: Path, outdir: Path) -> Path:
    """Convert with LibreOffice (own profile dir, so parallel runs do not clash)."""
    profile = outdir / "lo-profile"
    subprocess.run(
        [_soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         "pdf", "--outdir", str(outdir), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = outdir / (path.stem + ".pdf")
    assert pdf.exists() and pdf.stat().st_size > 1000
    return pdf


@pytest.mark.slow
@pytest.mark.skipif(_soffice() is None, reason="LibreOffice (soffice) tidak terpasang")
def test_xlsx_report_converts_with_libreoffice(hws, tmp_path):
    out = _xlsx_report(hws, tmp_path)
    pdf = to_pdf(out, tmp_path)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "Laporan Bulanan Layanan Informasi Publik Maret 2026" in text
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf),
                        str(tmp_path / "hal")], check=True)  # fmt: skip
        assert list(tmp_path.glob("hal*.png"))


@pytest.mark.slow
def test_benchmark_script_runs():
    res = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_reports.py"), "--rows", "3000",
         "--repeat", "1"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert res.returncode in (0, 1), res.stderr  # (1: a target not met, after the table)
    assert "Traceback" not in res.stderr, res.stderr  # (a crash after the table exits 1 too)
    assert "laporan tahunan 2026" in res.stdout and "x read_csv" in res.stdout


def test_tanpa_sensor_on_screen_says_where_personal_data_is(hws):
    """Names show on the daily page as in daftar; NIK, contacts and addresses only in the xlsx
    detail sheets: the warning says so (it said "only figures")."""
    from conftest import Runner

    res = Runner(hws.root)("laporan", "harian", "--tanggal", "2026-03-16", "--tanpa-sensor")
    assert res.exit_code == 0, res.output
    assert "NIK, kontak, dan alamat hanya ada di lembar rincian berkas .xlsx" in res.stderr


# --------------------------------------------------------------------------- as it stood then


def _open(doc):
    r = doc["ringkasan"]
    return (r["terbuka_permohonan"], r["terbuka_permohonan_lewat_tenggat"],
            r["terbuka_keberatan"], r["terbuka_keberatan_lewat_tenggat"])  # fmt: skip


def test_earlier_period_counts_cases_open_as_they_stood_then(run, request_args, today):
    """An objection never responded to, taken to the Komisi Informasi after its deadline, was
    open (and overdue) at the end of October: the report of October and the daily page of
    Oct 29 keep it after the dispute (they used its current status 'sengketa')."""
    today("2026-11-23")
    run.ok("permohonan", "catat", *request_args, "--tanggal", "2026-08-20", "--tanpa-surat")
    # due 2026-10-28
    run.ok("keberatan", "catat", "--permohonan", "1", "--alasan", "c", "--kasus-posisi",
           "Permohonan tidak ditanggapi", "--dokumen", "formulir,identitas",
           "--tanggal", "2026-09-16")  # fmt: skip

    def reports():
        month = json.loads(run.ok("laporan", "bulanan", "--bulan", "2026-10", "--format",
                                  "json").stdout)  # fmt: skip
        day = json.loads(run.ok("laporan", "harian", "--tanggal", "2026-10-29", "--format",
                                "json").stdout)  # fmt: skip
        year = json.loads(run.ok("laporan", "tahunan", "--tahun", "2026", "--format",
                                 "json").stdout)  # fmt: skip
        late = [(r["nomor_registrasi"], r["status"]) for r in day["tabel"]["terlambat"]["baris"]]
        return _open(month), late, _open(year)

    before = reports()
    assert before[0] == (1, 1, 1, 1)
    assert ("001/KEB/PPID/5271/IX/2026", "terdaftar") in before[1]
    run.ok("keberatan", "tanggapan-pemohon", "1", "--sikap", "sengketa", "--tanggal", "2026-11-10")
    after = reports()
    assert after[:2] == before[:2]
    # the year so far (to Nov 23): the objection left the office on Nov 10
    assert after[2] == (1, 1, 0, 0)


def test_earlier_period_rebuilds_the_status_of_requests_from_step_dates(ws):
    """A request closed without a notification date (an imported row) counts as closed; one
    whose dated steps come after the period end was open then, whatever its status now."""
    from ppidctl.reports import annual, daily, monthly
    from ppidctl.workspace import Workspace

    write_register(ws, "permohonan", [
        # decided, notification date not kept, delivered Apr 20: open at the end of March,
        # overdue since Mar 16 (Mar 2 + 10 HK)
        _req("001/PPID/5271/III/2026", "2026-03-02", keputusan="diberikan",
             tanggal_selesai="2026-04-20", status="selesai"),
        # forwarded Apr 1 (after March), notification date not kept: open at the end of March,
        # due Apr 9 (Mar 25 + 26,27,30,31, Apr 1,2,6,7,8,9; Apr 3 off): 6 HK left on Mar 31
        _req("002/PPID/5271/III/2026", "2026-03-25", diteruskan_pada="2026-04-01",
             keputusan="ditolak", status="diputuskan"),
        # imported closed, no step dates at all: closed
        _req("003/PPID/5271/III/2026", "2026-03-04", keputusan="diberikan", status="selesai"),
    ])  # fmt: skip
    ws = Workspace(ws.root)
    assert _open(monthly(ws, "2026-03").to_dict()) == (2, 1, 0, 0)
    assert _open(monthly(ws, "2026-04").to_dict()) == (0, 0, 0, 0)
    assert _open(annual(ws, 2026).to_dict()) == (0, 0, 0, 0)
    lap = daily(ws, "2026-03-31", dalam=10)
    assert [(r["nomor_registrasi"], r["status"]) for r in lap["terlambat"].baris] == [
        ("001/PPID/5271/III/2026", "terdaftar")
    ]
    assert [(r["nomor_registrasi"], r["status"], r["sisa_hari_kerja"])
            for r in lap["jatuh_tempo"].baris] == [("002/PPID/5271/III/2026", "terdaftar", 6)]  # fmt: skip


def test_period_still_running_counts_open_cases_today(run, request_args, today, tmp_path):
    """A request received Nov 13 is due Nov 27: on Nov 23 the report of November (and of the
    year) counts it open but not overdue, as jatuh-tempo does, and says when it counted; the
    month once over counts it overdue at its end (Nov 30)."""
    from openpyxl import load_workbook

    today("2026-11-23")
    run.ok("permohonan", "catat", *request_args, "--tanggal", "2026-11-13", "--tanpa-surat")
    for args in (("bulanan", "--bulan", "2026-11"), ("tahunan", "--tahun", "2026")):
        doc = json.loads(run.ok("laporan", *args, "--format", "json").stdout)
        assert _open(doc) == (1, 0, 0, 0)
        assert doc["terbuka_per"] == "2026-11-23"
        assert doc["tabel"]["terbuka"]["judul"] == (
            "Perkara terbuka per 23 November 2026 (periode belum berakhir)"
        )
        labels = {r["kunci"]: r["ukuran"] for r in doc["tabel"]["ringkasan"]["baris"]}
        assert labels["terbuka_permohonan"] == "Permohonan belum diputuskan (per 23 November 2026)"
        note = "Periode laporan belum berakhir: perkara terbuka dan yang lewat tenggat dihitung"
        assert any(n.startswith(note + " per 23 November 2026") for n in doc["catatan"])
    text = run.ok("laporan", "bulanan", "--bulan", "2026-11").stdout
    assert "periode November 2026 (belum berakhir: perkara terbuka per 23 November 2026)" in text
    out = tmp_path / "november.xlsx"
    run.ok("laporan", "bulanan", "--bulan", "2026-11", "--keluaran", str(out))
    assert (
        "(belum berakhir: perkara terbuka per 23 November 2026)"
        in load_workbook(out)["Ringkasan"]["A3"].value
    )

    today("2026-12-01")
    doc = json.loads(run.ok("laporan", "bulanan", "--bulan", "2026-11", "--format", "json").stdout)
    assert _open(doc) == (1, 1, 0, 0)
    assert doc["terbuka_per"] == "2026-11-30"
    assert doc["tabel"]["terbuka"]["judul"] == "Perkara terbuka pada akhir periode"
    assert not any("belum berakhir" in n for n in doc["catatan"])
    owed = {r["kunci"]: r["ukuran"] for r in doc["tabel"]["terbuka"]["baris"]}["penyerahan"]
    assert "atau putusan Komisi Informasi" in owed  # (counted: its label said so — hitung N2)


def _due_yesterday_and_today(ws):
    """Today Tue 24 Nov 2026 (no day off in Oct-Nov 2026): requests received Nov 9 and Nov 10
    are due Nov 23 and Nov 24 (10 HK: 10-13, 16-20, 23 / 11-13, 16-20, 23, 24); objections
    received Oct 12 and Oct 13 are due Nov 23 and Nov 24 (30 HK: Oct 13-16, 19-23, 26-30,
    Nov 2-6, 9-13, 16-20, 23 / Oct 14-16, ..., Nov 23, 24). None answered."""
    from ppidctl.reports import monthly
    from ppidctl.workspace import Workspace

    write_register(ws, "permohonan", [
        _req("001/PPID/5271/XI/2026", "2026-11-09", status="terdaftar"),
        _req("002/PPID/5271/XI/2026", "2026-11-10", status="terdaftar"),
    ])  # fmt: skip
    write_register(ws, "keberatan", [
        _obj("001/KEB/PPID/5271/X/2026", "2026-10-12", alasan="c",
             diteruskan_pada="2026-10-13", status="diteruskan"),
        _obj("002/KEB/PPID/5271/X/2026", "2026-10-13", alasan="c",
             diteruskan_pada="2026-10-14", status="diteruskan"),
    ])  # fmt: skip
    lap = monthly(Workspace(ws.root), "2026-11")
    assert lap.to_dict()["terbuka_per"] == "2026-11-24"
    return lap


def test_an_open_case_due_today_is_not_yet_overdue(ws, today):
    """A deadline is the N-th working day and is still in time all that day (UU 14/2008 Pasal
    22(7), 36(2); rules.md §1): in the running month's report a case due today is open, not
    overdue (as jatuh-tempo says: 0 working days left); one due yesterday is overdue."""
    today("2026-11-24")
    r = _due_yesterday_and_today(ws).ringkasan
    assert (r["terbuka_permohonan"], r["terbuka_permohonan_lewat_tenggat"]) == (2, 1)
    assert (r["terbuka_keberatan"], r["terbuka_keberatan_lewat_tenggat"]) == (2, 1)


def test_a_request_unanswered_on_its_deadline_day_has_not_missed_it_yet(ws, today):
    """The standards table counts a request never notified as a missed UU 14/2008 Pasal 22(7)
    deadline from the day after its deadline (rules.md §1: the deadline day is in time): the
    one due yesterday is measured and missed, the one due today is not measured yet."""
    today("2026-11-24")
    std = _due_yesterday_and_today(ws)["standar_layanan"]
    r = _row(std, "tenggat_permohonan", "tenggat_permohonan")
    assert (r["diukur"], r["memenuhi"], r["tidak_memenuhi"]) == (1, 0, 1)


def test_an_objection_unanswered_on_its_deadline_day_has_not_missed_it_yet(ws, today):
    """Likewise for the Atasan PPID's 30-working-day response (UU 14/2008 Pasal 36(2)): the
    objection due yesterday is a missed deadline, the one due today is not measured yet."""
    today("2026-11-24")
    std = _due_yesterday_and_today(ws)["standar_layanan"]
    r = _row(std, "tenggat_keberatan", "tenggat_keberatan")
    assert (r["diukur"], r["memenuhi"], r["tidak_memenuhi"]) == (1, 0, 1)


def _csv_rows(run, *args):
    out = run.ok("laporan", *args, "--format", "csv").stdout
    rows = list(csv.reader(out.splitlines()))
    assert rows[0] == ["bagian", "baris", "kolom", "nilai"]
    return rows[1:]


def test_csv_rows_are_keyed_like_the_json(two_offices):
    """Every CSV row of every report is named by the keys of the JSON document (table key, the
    row's kunci / kode / month / office / registration number, column key), so that a script
    can look a figure up: (bagian, baris, kolom) is unique. They were the labels for people
    ('di antaranya lewat tenggat' twice in ringkasan) and, on the daily page, the register."""
    from conftest import Runner

    a, b = two_offices
    rows = PERMOHONAN + [
        # decided and delivered on the same day: twice on that day's page (dijawab)
        _req("008/PPID/5271/III/2026", "2026-03-27", keputusan="diberikan",
             tanggal_pemberitahuan="2026-03-31", tanggal_selesai="2026-03-31", terlambat="tidak"),
        # an occupation spelt two ways, and none given
        _req("009/PPID/5271/III/2026", "2026-03-30", pekerjaan="WARTAWAN", status="terdaftar"),
        _req("010/PPID/5271/III/2026", "2026-03-30", pekerjaan=" ", status="terdaftar"),
    ]  # fmt: skip
    write_register(a, "permohonan", rows)
    run = Runner(a.root)
    reports = [("harian", "--tanggal", f"2026-03-{d:02d}") for d in range(1, 32)]
    reports += [("harian", "--tanggal", "2026-04-13", "--dalam", "10")]
    reports += [("bulanan", "--bulan", f"2026-{m:02d}") for m in (1, 2, 3, 4, 11)]
    reports += [("tahunan", "--tahun", "2025"), ("tahunan", "--tahun", "2026")]
    reports += [("bulanan", "--bulan", "2026-03", "--gabung", str(a.root), str(b.root)),
                ("tahunan", "--tahun", "2026", "--gabung", str(a.root), str(b.root))]  # fmt: skip
    for args in reports:
        recs = _csv_rows(run, *args)
        keys = [tuple(r[:3]) for r in recs]
        dup = {k for k in keys if keys.count(k) > 1}
        assert not dup, (args, sorted(dup)[:5])
        doc = json.loads(run.ok("laporan", *args, "--format", "json").stdout)
        for bagian, baris, kolom in keys:
            table = doc["tabel"][bagian]
            assert kolom in [c["kunci"] for c in table["kolom"]], (args, bagian, kolom)
            names = [
                r.get("kunci") or r.get("kode") or r.get("bulan") or r.get("kantor")
                or "#".join(filter(None, (r.get("nomor_registrasi"), r.get("peristiwa"))))
                for r in table["baris"]
            ]  # fmt: skip
            assert baris in names or (baris == "" and "" in [r.get("kode") for r in table["baris"]])
        if args[0] != "harian":
            assert {k for b_, k, _ in keys if b_ == "ringkasan"} == set(doc["ringkasan"])

    day = _csv_rows(run, "harian", "--tanggal", "2026-03-31")
    assert ["dijawab", "008/PPID/5271/III/2026#pemberitahuan", "hari_kerja", "2"] in day
    assert [
        "dijawab",
        "008/PPID/5271/III/2026#penyerahan",
        "langkah",
        "informasi diserahkan",
    ] in day
    assert ["terlambat", "005/PPID/5271/III/2026", "register", "permohonan"] in day
    assert ["masuk", "004/PPID/5271/III/2026", "saluran", "telepon"] in day
    month = _csv_rows(run, "bulanan", "--bulan", "2026-03")
    assert ["ringkasan", "terbuka_permohonan_lewat_tenggat", "nilai", "1"] in month
    assert ["ringkasan", "terbuka_keberatan_lewat_tenggat", "nilai", "1"] in month
    assert ["pekerjaan", "Wartawan", "jumlah", "3"] in month
    assert ["pekerjaan", "", "jumlah", "2"] in month
    assert ["keberatan_alasan", "d", "jumlah", "1"] in month
    assert ["standar_layanan", "teruskan_keberatan", "tidak_memenuhi", "1"] in month
    year = _csv_rows(run, "tahunan", "--tahun", "2026")
    assert ["bulanan", "2026-03", "permohonan_diterima", "10"] in year
    assert ["pembanding", "permohonan_diterima", "tahun_lalu", "1"] in year  # (to 22 Nov 2025)
    both = _csv_rows(run, "bulanan", "--bulan", "2026-03", "--gabung", str(a.root), str(b.root))
    assert ["kantor", "KPU Kabupaten Lombok Barat", "permohonan_diterima", "2"] in both
    assert ["kantor", "Jumlah", "permohonan_diterima", "12"] in both


def test_report_file_named_on_stdout_in_the_format_asked(hws, tmp_path):
    """With --keluaran, stdout names the file: the bare path (teks), one JSON object, or a CSV
    header and row; --format json printed the bare path."""
    from conftest import Runner

    run = Runner(hws.root)
    for args, name in ((("harian", "--tanggal", "2026-03-31"), "h.docx"),
                       (("bulanan", "--bulan", "2026-03"), "b.xlsx"),
                       (("tahunan", "--tahun", "2026"), "t.docx")):  # fmt: skip
        out = tmp_path / name
        res = run.ok("laporan", *args, "--keluaran", str(out), "--format", "json")
        assert json.loads(res.stdout) == {"berkas": str(out)}
        res = run.ok("laporan", *args, "--keluaran", str(out), "--format", "csv")
        assert res.stdout.splitlines() == ["berkas", str(out)]
        res = run.ok("laporan", *args, "--keluaran", str(out))
        assert res.stdout == f"{out}\n"
        assert f"Laporan ditulis: {out}" in res.stderr


def test_a_broken_header_line_is_a_refusal_in_words_not_a_traceback(run, ws):
    # a CR inside the header line (a tool appending a column with LF to a CRLF file): the
    # report's fast reader raised csv.Error, a traceback; the others printed the csv module's
    # English ("new-line character seen in unquoted field - do you need to open …")
    path = ws.register_path("permohonan")
    data = path.read_bytes()
    end = data.index(b"\r\n")
    path.write_bytes(data[:end] + b"\r,extra" + data[end:])
    said = (
        "permohonan.csv:1: baris judul rusak (ganti baris (CR/LF) di tengah sel tanpa tanda kutip)"
    )
    run.refused("laporan", "bulanan", "--bulan", "2026-03", message=said)
    run.refused("permohonan", "daftar", message=said)


def test_unmasked_screen_report_says_what_stays_masked(run):
    # --tanpa-sensor on the screen changes nothing; it said so, not that "perihal" stays masked
    said = run.ok("laporan", "harian", "--tanggal", "2026-03-16", "--tanpa-sensor").stderr
    assert "--tanpa-sensor tidak berpengaruh" in said and "perihal tetap disamarkan" in said


def test_the_daily_page_names_its_day_once(run):
    # "Data Layanan Harian Senin, 16 Maret 2026" over "KPU Kota Mataram · periode Senin, 16 …"
    lines = run.ok("laporan", "harian", "--tanggal", "2026-03-16").stdout.splitlines()
    assert "16 Maret 2026" in lines[0]
    assert "16 Maret 2026" not in lines[1] and "periode" not in lines[1]


def test_a_table_that_fits_portrait_in_8_pt_stays_portrait():
    """A day's cases with a long objection number, a long name and a request number beside it
    did not fit portrait in 9 pt and got a landscape page of their own between portrait ones:
    8 pt in portrait first, landscape only when even that is too narrow."""
    from docx import Document
    from docx.enum.section import WD_ORIENT

    from ppidctl.reports.docx import _table
    from ppidctl.reports.summary import Tabel

    row = {"register": "keberatan", "nomor": "002/KEB/PPID/5271/XI/2026",
           "pemohon": "Raden Mas Muhammad Abdurrahman Wahyudi Kusumawardhana",
           "perihal": "alasan d, f (permohonan 002/PPID/5271/XI/2026)",
           "saluran": "Datang langsung"}  # fmt: skip
    cols = [(k, k.capitalize()) for k in row]
    doc = Document()
    _table(doc, Tabel("masuk", "Masuk hari ini", cols, [row], label=False))
    assert [s.orientation for s in doc.sections] == [WD_ORIENT.PORTRAIT]
    sizes = {r.font.size.pt for t in doc.tables for c in t._cells for p in c.paragraphs
             for r in p.runs if r.text}  # fmt: skip
    assert sizes == {8.0}


def test_a_report_made_on_its_periods_last_day_is_still_running(hws, today):
    """Made on 31 March, March's report lacks the rest of that day: it was shown as final (no
    "belum berakhir", no note); from 1 April it is."""
    from ppidctl.reports import monthly

    today("2026-03-31")
    lap = monthly(hws, "2026-03")
    assert lap.berjalan == "belum berakhir: perkara terbuka per 31 Maret 2026"
    assert any(c.startswith("Laporan dibuat pada hari terakhir periode") for c in lap.catatan)
    from ppidctl.reports import daily

    assert daily(hws).berjalan == ""  # (a day's page is of its day: nothing to say)
    today("2026-04-01")
    lap = monthly(hws, "2026-03")
    assert lap.berjalan == "" and not any("belum berakhir" in c for c in lap.catatan)


def test_a_merged_report_of_offices_in_two_zones_does_not_depend_on_their_order(
    tmp_path, monkeypatch
):
    """At 16:30 UTC on 30 November it is still November in Bandung (WIB) and already
    December in Jayapura (WIT): December's merged report was refused or made depending on which
    folder came first. The latest of the offices' dates counts."""
    from datetime import datetime

    from ppidctl.reports import monthly
    from ppidctl.workspace import Workspace, init

    monkeypatch.setattr(
        Workspace, "now",
        lambda self: datetime(2026, 11, 30, 16, 30, tzinfo=UTC).astimezone(self.tz),
    )  # fmt: skip
    bandung = init(tmp_path / "bandung", "Komisi Pemilihan Umum Kota Bandung", "3273")
    jayapura = init(tmp_path / "jayapura", "Komisi Pemilihan Umum Kota Jayapura", "9171")
    assert (bandung.today().day, jayapura.today().day) == (30, 1)
    one, other = monthly([bandung, jayapura], "2026-12"), monthly([jayapura, bandung], "2026-12")
    assert one.per == other.per == date(2026, 12, 1) and one.ringkasan == other.ringkasan
    assert one.berjalan == other.berjalan != "" and one.dibuat == other.dibuat


def test_an_office_refusal_in_a_merge_is_advised_in_its_folder():
    # only the first ppidctl of the advice was run in the office's folder (review sesi32e N4)
    from ppidctl.errors import RuleError
    from ppidctl.reports.summary import in_folder

    e = in_folder(RuleError("rusak", "ppidctl pulihkan, lalu ppidctl periksa"), Path("/k"))
    assert (e.pesan, e.saran) == ("/k: rusak", "ppidctl -C /k pulihkan, lalu ppidctl -C /k periksa")
