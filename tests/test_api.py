"""The Python API as an office's own scripts use it (README "API Python"): the same answers as
the commands, a Workspace kept for hours that follows what the desk changes, a script's values
(dates, numbers) taken or refused in Indonesian, never Python's English."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from ppidctl.errors import PpidError, RegisterError, RuleError, UsageError
from ppidctl.services import permohonan as svc
from ppidctl.services.queries import Filter, due_cases
from ppidctl.workspace import Workspace

from conftest import INPUT, REQUEST, snapshot


def test_due_cases_are_what_jatuh_tempo_lists(run, ws):
    """A request decided late and waiting for the information to be handed over has no date
    to keep: ``jatuh-tempo`` counts it on stderr, and so does the API (``peringatan``) — a
    daily script mailing "terlambat: N" must say what the desk sees."""
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", "--tanpa-surat")
    run.ok("permohonan", "catat", *REQUEST, "--nama", "Sri Wahyuni", "--tanggal", "2026-03-17",
           "--tanpa-surat")  # fmt: skip
    late = ("--tanggal", "2026-04-20", "--tanpa-surat")  # (due 2026-04-07)
    run.ok("permohonan", "putuskan", "2", "--keputusan", "diberikan", *late)
    for extra in ([], ["--terlambat"]):
        notes: dict[str, None] = {}
        api = due_cases(ws, Filter(terlambat=bool(extra)), peringatan=notes)
        cli = run.ok("jatuh-tempo", *extra, "--format", "json")
        assert api == json.loads(cli.stdout)
        assert [r["nomor_registrasi"][:3] for r in api] == ["001"]
        if extra:  # (no deadline running: not overdue now, though decided late — setahun F1)
            assert notes == {} and "tanpa tanggal tenggat" not in cli.stderr
            continue
        assert list(notes) == [
            "juga terbuka tanpa tanggal tenggat: 1 permohonan berstatus diputuskan — lihat: "
            "ppidctl jatuh-tempo --status diputuskan"
        ]
        assert list(notes)[0] in cli.stderr
    asked = due_cases(ws, Filter(status="diputuskan"))  # (asked for: listed)
    assert [(r["nomor_registrasi"][:3], r["jatuh_tempo"]) for r in asked] == [("002", "")]


def test_a_workspace_kept_open_follows_the_calendar_the_desk_changes(run, ws):
    """A script keeps one Workspace for hours while the desk adds a day off: the deadline it
    stores next, and what it lists, use the calendar as it is when the step is taken (it had
    stored the old day, which ``periksa`` then called wrong)."""
    script = Workspace(ws.root)
    first = svc.register(script, svc.RequestInput(**INPUT), tanggal="2026-03-02", surat=False)
    assert first.row["jatuh_tempo"] == "2026-03-16"
    run.ok("kalender", "tambah", "2026-03-05", "--keterangan", "Kantor tutup: banjir")
    second = svc.register(script, svc.RequestInput(**INPUT), tanggal="2026-03-02", surat=False)
    assert second.row["jatuh_tempo"] == "2026-03-17"
    assert [r["jatuh_tempo"] for r in due_cases(script, Filter())] == ["2026-03-17"] * 2
    run.ok("periksa")

    toml = ws.root / "ppidctl.toml"  # (the settings too: a longer office standard)
    toml.write_text(toml.read_text(encoding="utf-8").replace("permohonan = 10", "permohonan = 8"),
                    encoding="utf-8")  # fmt: skip
    third = svc.register(script, svc.RequestInput(**INPUT), tanggal="2026-03-02", surat=False)
    assert third.row["jatuh_tempo"] == "2026-03-13"


def test_a_frame_refuses_dates_excel_rewrote_unless_asked(run, ws):
    """``ws.frame`` counted a case whose date Excel rewrote (02/11/2026) as no date: a monthly
    count one short with no word, while ``laporan`` refused the register. Refused alike now;
    a script that looks at the damage asks for it."""
    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", "--tanpa-surat")
    path = ws.register_path("permohonan")
    path.write_bytes(path.read_bytes().replace(b"2026-03-16", b"16/03/2026", 1))
    with pytest.raises(RegisterError, match="1 tanggal bukan YYYY-MM-DD .*16/03/2026"):
        ws.frame("permohonan")
    df = ws.frame("permohonan", izinkan_tak_terbaca=True)
    assert df["tanggal_diterima"].isna().all()
    assert df.attrs["tak_terbaca"] == {"tanggal_diterima": (1, "16/03/2026")}
    with pytest.raises(RuleError, match="kolom tidak ada di register permohonan: nomor"):
        ws.frame("permohonan", ["nomor"])


def test_a_scripts_python_values(run, ws):
    """Dates as ``date``/``datetime``, a sequence or an amount as ``int``, the folder as text:
    taken as the desk would type them. A value that cannot be one (a phone number as an int has
    lost its 0; a datetime with no zone, as ``datetime.now()`` gives it on a server in UTC) is
    a PpidError in Indonesian, and nothing is written."""
    from ppidctl.reports import monthly

    script = Workspace(str(ws.root))
    wib = timezone(timedelta(hours=7))  # (an aware time from anywhere: put in the office's zone)
    r = svc.register(
        script, svc.RequestInput(**INPUT), tanggal=datetime(2026, 3, 16, 8, 30, tzinfo=wib)
    )
    assert (r.row["tanggal_diterima"], r.row["waktu_diterima"]) == (
        "2026-03-16",
        "2026-03-16T09:30+08:00",
    )
    svc.forward(script, 1, tanggal=date(2026, 3, 17))
    d = svc.decide(script, 1, svc.Decision("diberikan", biaya=5000), tanggal=date(2026, 3, 18))
    assert d.row["biaya"] == "5000"
    assert monthly(script, date(2026, 3, 1)).ringkasan == monthly(script, "2026-03").ringkasan

    before = snapshot(ws.root)
    with pytest.raises(UsageError, match="telepon 81234567890 bukan teks"):
        svc.RequestInput(**{**INPUT, "telepon": 81234567890})
    with pytest.raises(UsageError, match="2026-03-16T09:30 tanpa zona waktu.*ws.now"):
        svc.register(script, svc.RequestInput(**INPUT), tanggal=datetime(2026, 3, 16, 9, 30))
    with pytest.raises(UsageError, match="tanggal 20260316 bukan tanggal"):
        svc.register(script, svc.RequestInput(**INPUT), tanggal=20260316)
    with pytest.raises(PpidError):
        monthly(script, 202603)
    assert snapshot(ws.root) == before


def test_a_scripts_letters_carry_their_warnings(ws):
    """A receipt printed with init's stand-ins ("(0370) 000000") was told only by the command
    line: a script issuing receipts for e-PPID requests never knew. The step's result says it."""
    r = svc.register(ws, svc.RequestInput(**INPUT), tanggal="2026-03-16")
    assert r.berkas and any('telepon = "(0370) 000000"' in w for w in r.peringatan)
    quiet = svc.register(ws, svc.RequestInput(**INPUT), tanggal="2026-03-16", surat=False)
    assert not any("nilai contoh" in w for w in quiet.peringatan)


def test_a_report_says_its_register_was_changed_outside_ppidctl(run, ws):
    """A hand edit not yet accepted changes the figures: ``laporan`` said so on stderr only; a
    script's report object carries it, and so does the JSON."""
    from ppidctl.reports import monthly

    run.ok("permohonan", "catat", *REQUEST, "--tanggal", "2026-03-16", "--tanpa-surat")
    assert monthly(ws, "2026-03").peringatan == []
    path = ws.register_path("permohonan")
    path.write_bytes(path.read_bytes().replace(b"Budi Santoso", b"Budi Santosa"))
    lap = monthly(ws, "2026-03")
    assert len(lap.peringatan) == 1 and lap.peringatan[0].startswith(
        "register permohonan diubah di luar ppidctl"
    )
    cli = run.ok("laporan", "bulanan", "--bulan", "2026-03", "--format", "json")
    assert json.loads(cli.stdout)["peringatan"] == lap.peringatan
    assert lap.peringatan[0] in cli.stderr


def test_a_scripts_yes_no_none_and_dates_in_every_function(run, ws):
    """``paksa="tidak"`` is true in Python: it forced an objection the rules refuse. A yes/no
    must be a bool; None is nothing; a request's number may be an int; the calendar and the
    listing filters take dates like the steps do."""
    from ppidctl.services import kalender
    from ppidctl.services import keberatan as keb

    with pytest.raises(UsageError, match="paksa 'tidak' bukan ya/tidak"):
        keb.ObjectionInput(permohonan="1", alasan="a", paksa="tidak")
    assert keb.ObjectionInput(permohonan=1, meterai=None).permohonan == "1"
    r = svc.register(ws, svc.RequestInput(**{**INPUT, "email": None}), tanggal="2026-03-16")
    assert r.row["email"] == ""
    kalender.add_day(ws, date(2026, 3, 25), "Kantor tutup")  # (its deadline 7 → 8 April)
    assert [x["tanggal"] for x in ws.read("libur").rows] == ["2026-03-25"]
    got = due_cases(ws, Filter(dari=date(2026, 3, 1), sampai=date(2026, 3, 31)))
    assert [x["jatuh_tempo"] for x in got] == ["2026-04-08"]
