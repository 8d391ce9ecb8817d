"""The working-day calendar: hand-checked deadlines from the decreed SKB lists, overrides,
warnings, the on-disk cache and properties.

Every expected date below was worked out by hand from ../shared/data/libur-skb-2025-2026.csv and a
printed month calendar, never with the code under test.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import textwrap
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ppidctl.rules.calendar import DayOff, Deadline, Override, WorkCalendar

D = date.fromisoformat
SKB_CSV = Path(__file__).resolve().parents[2] / "shared" / "data" / "libur-skb-2025-2026.csv"

CAL = WorkCalendar()  # shared by the read-only tests; no cache dir
CAL_CUTI_KERJA = WorkCalendar(cuti_bersama_libur=False)


def _skb_rows() -> list[dict[str, str]]:
    if not SKB_CSV.exists():
        pytest.skip(f"decreed holiday list not found: {SKB_CSV}")
    with open(SKB_CSV, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# --------------------------------------------------------------------------- hand-checked table

# (received, n, expected deadline, how it was counted)
HAND_CASES = [
    # Nyepi + Idul Fitri 2026: 17 Mar (1); 18 cuti Nyepi, 19 Nyepi, 20 cuti, 21-22 Idul Fitri
    # (Sat/Sun), 23-24 cuti; 25,26,27 (2-4); 30,31, 1 Apr, 2 Apr (5-8); 3 Apr Wafat; 6,7 Apr (9,10)
    ("2026-03-16", 10, "2026-04-07", "permohonan over Idul Fitri 2026"),
    # extension: 8,9,10 Apr (1-3); 13,14,15,16 Apr (4-7)
    ("2026-04-07", 7, "2026-04-16", "perpanjangan from 2026-04-07"),
    # received on a Saturday: 16,17 Mar (1,2); 18-24 off; 25,26,27,30,31, 1,2 Apr (3-9); 3 Apr off;
    # 6 Apr (10)
    ("2026-03-14", 10, "2026-04-06", "received on Saturday 2026-03-14"),
    # Idul Fitri 2025: 28 Mar cuti Nyepi, 29 Nyepi, 31 Mar-1 Apr Idul Fitri, 2-4 and 7 Apr cuti;
    # 8,9,10,11 (1-4); 14-17 (5-8); 18 Apr Wafat; 21,22 (9,10)
    ("2025-03-27", 10, "2025-04-22", "permohonan over Idul Fitri 2025"),
    # 30 days from Mon 17 Mar 2025: 18-21, 24-27 Mar (1-8); 28 Mar-7 Apr off; 8-11, 14-17 Apr
    # (9-16); 18 Apr off; 21-25, 28-30 Apr (17-24); 1 May Hari Buruh; 2 May (25); 5-9 May (26-30)
    ("2025-03-17", 30, "2025-05-09", "tanggapan_keberatan 30 days, 2025"),
    # 30 days from Mon 4 May 2026: 5-8 (1-4), 11-13 (5-7); 14 Kenaikan, 15 cuti; 18-22 (8-12);
    # 25,26 (13,14); 27 Idul Adha, 28 cuti; 29 (15); 1 Jun Pancasila; 2-5 (16-19); 8-12 (20-24);
    # 15 (25); 16 Jun Tahun Baru Islam; 17,18,19 (26-28); 22,23 (29,30)
    ("2026-05-04", 30, "2026-06-23", "tanggapan_keberatan 30 days, 2026"),
    # 2025-08-18 cuti bersama added by the August 2025 decree: 16-17 weekend, 18 cuti; 19,20,21
    ("2025-08-15", 3, "2025-08-21", "3 days over 17-18 Aug 2025"),
    # Christmas 2025: 23,24 (1,2); 25 Natal, 26 cuti, 27-28 weekend; 29 (3)
    ("2025-12-22", 3, "2025-12-29", "tahapan 3 days over Christmas 2025"),
    # across the year: 23,24,29,30,31 Dec (1-5); 1 Jan Tahun Baru; 2 Jan (6); 5-8 Jan (7-10)
    ("2025-12-22", 10, "2026-01-08", "10 days across New Year 2026"),
    # Christmas 2026: 23 (1); 24 cuti, 25 Natal, 26-27 weekend; 28,29 (2,3)
    ("2026-12-22", 3, "2026-12-29", "tahapan 3 days over Christmas 2026"),
    # received on a holiday (Kenaikan 2026, Thu): 15 cuti, 16-17 weekend; 18,19,20 (1-3)
    ("2026-05-14", 3, "2026-05-20", "received on Kenaikan 2026"),
    # received on a holiday (Imlek 2025, Wed): 30,31 Jan (1,2); 3 Feb (3)
    ("2025-01-29", 3, "2025-02-03", "received on Imlek 2025"),
    # Isra Mikraj 27 Jan, cuti 28 Jan, Imlek 29 Jan 2025: 30,31 Jan (1,2); 3 Feb (3)
    ("2025-01-24", 3, "2025-02-03", "3 days over Isra Mikraj and Imlek 2025"),
    # Idul Adha 2025: 5 Jun (1); 6 Idul Adha, 7-8 weekend, 9 cuti; 10,11 (2,3)
    ("2025-06-04", 3, "2025-06-11", "3 days over Idul Adha 2025"),
    # Imlek 2026: 16 cuti, 17 Imlek; 18,19 (1,2)
    ("2026-02-13", 2, "2026-02-19", "perpanjangan_tahapan over Imlek 2026"),
    # Maulid 2025 (Fri 5 Sep): 8 Sep (1)
    ("2025-09-04", 1, "2025-09-08", "1 day over Maulid 2025"),
    # sengketa 14 days: 11-14 Aug (1-4); 17 Kemerdekaan; 18-21 (5-8); 24 (9); 25 Maulid;
    # 26-28 (10-12); 31 Aug, 1 Sep (13,14)
    ("2026-08-10", 14, "2026-09-01", "sengketa 14 days, August 2026"),
    # n = 0 is the start date itself, even on a non-working day
    ("2026-03-21", 0, "2026-03-21", "n=0 on a holiday Saturday"),
]


@pytest.mark.parametrize(
    ("received", "n", "expected", "why"), HAND_CASES, ids=[c[3] for c in HAND_CASES]
)
def test_add_workdays_hand_checked(received, n, expected, why):
    deadline = CAL.add_workdays(D(received), n)
    assert isinstance(deadline, Deadline)
    assert deadline.tanggal == D(expected), why
    assert deadline.peringatan == ()


# cuti bersama counted as working days (setting off), by hand:
CUTI_KERJA_CASES = [
    # 17,18 (1,2); 19 Nyepi; 20 (3); 21-22; 23-27 (4-8); 30,31 (9,10)
    ("2026-03-16", 10, "2026-03-31"),
    # 28 Mar (1); 29 Nyepi Sat; 31 Mar-1 Apr Idul Fitri; 2,3,4 (2-4); 7-11 (5-9); 14 (10)
    ("2025-03-27", 10, "2025-04-14"),
    # 18 Aug 2025 worked: 18,19,20
    ("2025-08-15", 3, "2025-08-20"),
]


@pytest.mark.parametrize(("received", "n", "expected"), CUTI_KERJA_CASES)
def test_cuti_bersama_as_working_days(received, n, expected):
    assert CAL_CUTI_KERJA.add_workdays(D(received), n).tanggal == D(expected)


def test_dilewati_lists_skipped_days_with_reasons():
    got = CAL.add_workdays(D("2026-03-16"), 10).dilewati
    assert [(x.tanggal.isoformat(), x.jenis) for x in got] == [
        ("2026-03-18", "cuti_bersama"),
        ("2026-03-19", "libur_nasional"),
        ("2026-03-20", "cuti_bersama"),
        ("2026-03-21", "libur_nasional"),  # Saturday, but the holiday is the reason given
        ("2026-03-22", "libur_nasional"),  # Sunday, likewise
        ("2026-03-23", "cuti_bersama"),
        ("2026-03-24", "cuti_bersama"),
        ("2026-03-28", "akhir_pekan"),
        ("2026-03-29", "akhir_pekan"),
        ("2026-04-03", "libur_nasional"),
        ("2026-04-04", "akhir_pekan"),
        ("2026-04-05", "libur_nasional"),
    ]
    by_date = {x.tanggal.isoformat(): x for x in got}
    assert by_date["2026-03-18"].keterangan == "Cuti Bersama Hari Suci Nyepi"
    assert by_date["2026-03-19"].keterangan == "Hari Suci Nyepi"
    assert "Idul Fitri" in by_date["2026-03-21"].keterangan
    assert by_date["2026-03-23"].keterangan == "Cuti Bersama Hari Raya Idul Fitri"
    assert by_date["2026-03-28"].keterangan == "Sabtu"
    assert by_date["2026-03-29"].keterangan == "Minggu"
    assert by_date["2026-04-03"].keterangan == "Wafat Yesus Kristus"
    assert not any(x.perkiraan for x in got)


# --------------------------------------------------------------------------- against the SKB


def test_holidays_package_matches_decreed_lists():
    import holidays

    rows = _skb_rows()
    for year in (2025, 2026):
        expected = {
            (D(r["tanggal"]), r["jenis"]) for r in rows if r["tanggal"].startswith(str(year))
        }
        public = holidays.country_holidays("ID", years=year, categories=("public",))
        government = holidays.country_holidays("ID", years=year, categories=("government",))
        got = {(d, "libur_nasional") for d in public} | {(d, "cuti_bersama") for d in government}
        assert got == expected, year


def test_days_off_matches_decreed_lists():
    rows = _skb_rows()
    for year in (2025, 2026):
        expected = [
            (D(r["tanggal"]), r["jenis"]) for r in rows if r["tanggal"].startswith(str(year))
        ]
        got = [(x.tanggal, x.jenis) for x in CAL.days_off(year)]
        assert got == sorted(expected), year
        assert all(not x.perkiraan and x.keterangan for x in CAL.days_off(year))


def test_days_off_without_cuti_bersama_and_with_overrides():
    cal = WorkCalendar(
        [
            Override(D("2026-07-01"), False, "HUT Kota Mataram"),
            Override(D("2026-03-19"), True, "Piket pelayanan"),
        ],
        cuti_bersama_libur=False,
    )
    got = {x.tanggal: x for x in cal.days_off(2026)}
    assert D("2026-03-18") not in got  # cuti bersama worked
    assert D("2026-03-19") not in got  # made a working day
    assert got[D("2026-07-01")] == DayOff(D("2026-07-01"), "libur_kantor", "HUT Kota Mataram")
    assert got[D("2026-03-22")].jenis == "libur_nasional"  # holiday on a Sunday is listed


# --------------------------------------------------------------------------- single days


def test_day_off_and_next_workday():
    assert CAL.day_off(D("2026-03-17")) is None
    assert CAL.is_workday(D("2026-03-17"))
    assert CAL.day_off(D("2026-03-14")) == DayOff(D("2026-03-14"), "akhir_pekan", "Sabtu")
    assert CAL.day_off(D("2025-08-18")).jenis == "cuti_bersama"
    assert CAL_CUTI_KERJA.is_workday(D("2025-08-18"))
    assert CAL.next_workday(D("2026-03-17")) == D("2026-03-17")
    assert CAL.next_workday(D("2026-03-18")) == D("2026-03-25")
    assert CAL.next_workday(D("2025-12-25")) == D("2025-12-29")


def test_workdays_between():
    assert CAL.workdays_between(D("2026-03-16"), D("2026-04-07")) == 10
    assert CAL.workdays_between(D("2026-03-16"), D("2026-03-16")) == 0
    assert CAL.workdays_between(D("2026-04-07"), D("2026-03-16")) == 0
    assert CAL.workdays_between(D("2026-03-17"), D("2026-03-24")) == 0


def test_bad_arguments():
    with pytest.raises(ValueError):
        CAL.add_workdays(D("2026-03-16"), -1)
    with pytest.raises(TypeError):
        CAL.add_workdays(datetime(2026, 3, 16, 9, 0), 10)
    with pytest.raises(TypeError):
        CAL.add_workdays(D("2026-03-16"), 1.5)


# --------------------------------------------------------------------------- overrides


def test_office_day_off_pushes_deadline():
    cal = WorkCalendar([Override(D("2026-03-25"), False, "Libur pemungutan suara daerah")])
    deadline = cal.add_workdays(D("2026-03-16"), 10)
    # 17 (1); 18-25 off; 26,27,30,31, 1,2 Apr (2-7); 3 Apr off; 6,7,8 (8-10)
    assert deadline.tanggal == D("2026-04-08")
    office = [x for x in deadline.dilewati if x.jenis == "libur_kantor"]
    assert office == [DayOff(D("2026-03-25"), "libur_kantor", "Libur pemungutan suara daerah")]


def test_extra_working_saturday_pulls_deadline_in():
    cal = WorkCalendar([Override(D("2026-03-28"), True, "Sabtu masuk kerja")])
    assert cal.is_workday(D("2026-03-28"))
    # 17 (1); 25,26,27 (2-4); Sat 28 (5); 30,31, 1,2 Apr (6-9); 6 Apr (10)
    assert cal.add_workdays(D("2026-03-16"), 10).tanggal == D("2026-04-06")


def test_override_working_day_beats_national_holiday():
    cal = WorkCalendar([Override(D("2026-03-19"), True, "Piket")])
    assert cal.day_off(D("2026-03-19")) is None
    assert CAL.day_off(D("2026-03-19")).jenis == "libur_nasional"


# --------------------------------------------------------------------------- warnings


def test_estimated_2027_dates_warn():
    deadline = CAL.add_workdays(D("2027-03-01"), 10)
    assert len(deadline.peringatan) == 1
    text = deadline.peringatan[0]
    assert "2027" in text and "perkiraan" in text
    assert "Hari Raya Idul Fitri 2027-03-10" in text
    assert "SKB" in text
    estimated = [x for x in deadline.dilewati if x.perkiraan]
    assert [x.tanggal for x in estimated] == [D("2027-03-10"), D("2027-03-11")]
    assert estimated[0].keterangan == "Hari Raya Idul Fitri"  # suffix stripped


def test_estimated_dates_warn_only_near_the_counted_span():
    assert CAL.add_workdays(D("2026-12-22"), 3).peringatan == ()
    crossing = CAL.add_workdays(D("2026-12-22"), 10)  # into January 2027, far from any estimate
    assert crossing.tanggal.year == 2027 and crossing.peringatan == ()
    # an objection's deadline two weeks before Idul Fitri 2027 (estimated, 2027-03-10): a shift
    # of a day or two cannot reach it, and it warned on every listing until March
    assert CAL.add_workdays(D("2027-02-10"), 10).peringatan == ()  # (ends 2027-02-24)
    assert CAL.add_workdays(D("2027-02-19"), 10).peringatan == ()  # (ends 2027-03-05)
    near = CAL.add_workdays(D("2027-02-22"), 10)  # counts over it
    assert any("2027-03-10" in w for w in near.peringatan), near


def test_uncovered_year_warns_and_counts_weekends_only():
    deadline = CAL.add_workdays(D("2101-01-07"), 1)  # a Friday
    assert deadline.tanggal == D("2101-01-10")  # Monday
    assert len(deadline.peringatan) == 1 and "2101" in deadline.peringatan[0]
    assert "tidak tercakup" in deadline.peringatan[0]


def test_a_year_whose_cuti_bersama_the_package_lacks_is_told():
    # holidays 0.109 has 2028's public holidays but no cuti bersama: counting them as working
    # days silently would give deadlines a decree later moves. Shown on 2026 with its cuti
    # bersama taken away, so the test does not depend on what a later package version knows.
    import dataclasses

    def without_cuti(**kw) -> WorkCalendar:
        cal = WorkCalendar(**kw)
        cal._years[2026] = dataclasses.replace(cal._year(2026), cuti={})
        return cal

    (told,) = without_cuti().add_workdays(D("2026-03-16"), 10).peringatan
    assert "tahun 2026, yang cuti bersamanya belum dimuat paket holidays" in told
    assert "ppidctl kalender tambah" in told
    assert CAL.add_workdays(D("2026-03-16"), 10).peringatan == ()  # the real 2026 has them
    # cuti bersama worked anyway, or the office has recorded that year's days itself: no warning
    assert without_cuti(cuti_bersama_libur=False).add_workdays(D("2026-03-16"), 10).peringatan == ()
    own = [Override(D("2026-03-20"), False, "Cuti bersama Idul Fitri (SKB)")]
    assert without_cuti(overrides=own).add_workdays(D("2026-03-16"), 10).peringatan == ()
    other = [Override(D("2026-03-25"), False, "HUT Kota Mataram")]  # (not the year's cuti bersama)
    assert len(without_cuti(overrides=other).add_workdays(D("2026-03-16"), 10).peringatan) == 1


def test_a_past_year_without_cuti_bersama_is_judged_by_the_workspace_clock(ws, today):
    # A year over is not told to wait for its SKB: none was decreed. "Over" is the office's date
    # (the workspace's time zone), not the machine's: on 1 January 2027 at 07:00 WITA a machine on
    # UTC still reads 31 December 2026.
    import dataclasses

    today("2027-01-01")
    cal = ws.calendar
    cal._years[2026] = dataclasses.replace(cal._year(2026), cuti={})
    assert cal.gap(2026) == ""
    assert "belum dimuat" in WorkCalendar(today=lambda: D("2026-12-31")).gap(2028)
    assert WorkCalendar(today=lambda: D("2029-01-01")).gap(2028) == ""


# --------------------------------------------------------------------------- cache

_CHILD = textwrap.dedent(
    """
    import json, sys
    from datetime import date
    from ppidctl.rules.calendar import WorkCalendar
    cal = WorkCalendar(cache_dir=sys.argv[1])
    out = {
        "deadline": cal.add_workdays(date(2026, 3, 16), 10).tanggal.isoformat(),
        "dilewati": [[x.tanggal.isoformat(), x.jenis, x.keterangan]
                     for x in cal.add_workdays(date(2026, 3, 16), 10).dilewati],
        "days_off": [[x.tanggal.isoformat(), x.jenis, x.keterangan, x.perkiraan]
                     for x in cal.days_off(2025) + cal.days_off(2027)],
        "peringatan": list(cal.add_workdays(date(2027, 3, 1), 10).peringatan),
        "holidays_imported": "holidays" in sys.modules,
    }
    print(json.dumps(out))
    """
)


def _in_process(cal: WorkCalendar) -> dict:
    first = cal.add_workdays(D("2026-03-16"), 10)
    return {
        "deadline": first.tanggal.isoformat(),
        "dilewati": [[x.tanggal.isoformat(), x.jenis, x.keterangan] for x in first.dilewati],
        "days_off": [
            [x.tanggal.isoformat(), x.jenis, x.keterangan, x.perkiraan]
            for x in cal.days_off(2025) + cal.days_off(2027)
        ],
        "peringatan": list(cal.add_workdays(D("2027-03-01"), 10).peringatan),
    }


def _run_child(cache_dir: Path) -> dict:
    src = str(Path(__file__).resolve().parents[1] / "src")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")])),
    }
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, str(cache_dir)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(proc.stdout)


def test_cache_second_process_does_not_import_holidays(tmp_path):
    cache = tmp_path / "cache"
    expected = _in_process(WorkCalendar(cache_dir=cache))
    assert sorted(p.name for p in cache.iterdir()) == [
        "libur-ID-2025.json",
        "libur-ID-2026.json",
        "libur-ID-2027.json",
    ]
    child = _run_child(cache)
    assert child.pop("holidays_imported") is False
    assert child == expected
    assert child["deadline"] == "2026-04-07"


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"",
        b"[1, 2]",
        json.dumps({"format": 1, "holidays_version": "x"}).encode(),
        b"\xff\xfe{\x00",
    ],
    ids=["broken-json", "empty", "list", "missing-keys", "not-utf8"],
)
def test_corrupt_cache_is_rebuilt(tmp_path, content):
    path = tmp_path / "libur-ID-2026.json"
    path.write_bytes(content)
    cal = WorkCalendar(cache_dir=tmp_path)
    assert cal.add_workdays(D("2026-03-16"), 10).tanggal == D("2026-04-07")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["tahun"] == 2026 and len(data["cuti_bersama"]) == 8
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_cache_of_other_holidays_version_is_rebuilt(tmp_path):
    WorkCalendar(cache_dir=tmp_path).days_off(2026)
    path = tmp_path / "libur-ID-2026.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    real_version = data["holidays_version"]
    data["holidays_version"] = "0.0"
    data["cuti_bersama"] = []  # a stale list that must not be used
    path.write_text(json.dumps(data), encoding="utf-8")
    assert WorkCalendar(cache_dir=tmp_path).day_off(D("2026-03-18")).jenis == "cuti_bersama"
    assert json.loads(path.read_text(encoding="utf-8"))["holidays_version"] == real_version


def test_overrides_are_not_cached(tmp_path):
    WorkCalendar([Override(D("2026-07-01"), False, "HUT")], cache_dir=tmp_path).days_off(2026)
    assert WorkCalendar(cache_dir=tmp_path).is_workday(D("2026-07-01"))


# --------------------------------------------------------------------------- properties

dates = st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31))
counts = st.integers(min_value=1, max_value=60)


@settings(max_examples=150, deadline=None)
@given(start=dates, n=counts)
def test_deadline_is_a_working_day(start, n):
    assert CAL.is_workday(CAL.add_workdays(start, n).tanggal)
    assert CAL_CUTI_KERJA.is_workday(CAL_CUTI_KERJA.add_workdays(start, n).tanggal)


@settings(max_examples=150, deadline=None)
@given(start=dates, n=st.integers(min_value=0, max_value=60), extra=st.integers(0, 20))
def test_more_days_never_earlier(start, n, extra):
    assert CAL.add_workdays(start, n).tanggal <= CAL.add_workdays(start, n + extra).tanggal


@settings(max_examples=150, deadline=None)
@given(start=dates, n=counts)
def test_count_back_returns_n(start, n):
    deadline = CAL.add_workdays(start, n)
    assert CAL.workdays_between(start, deadline.tanggal) == n
    # every day strictly between start and the deadline is either counted or listed as skipped
    span = (deadline.tanggal - start).days
    assert span == n + len(deadline.dilewati)


@settings(max_examples=100, deadline=None)
@given(start=dates)
def test_one_day_is_next_workday_after_start(start):
    assert CAL.add_workdays(start, 1).tanggal == CAL.next_workday(start + timedelta(days=1))
