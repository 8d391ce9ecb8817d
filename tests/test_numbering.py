"""Numbering patterns ([penomoran]): what is refused, and reading a sequence back from a number."""

from __future__ import annotations

import json
from datetime import date

import pytest

from ppidctl.rules import numbering
from ppidctl.rules.numbering import bind_kode, check_pattern, format_number, sequence_of

from conftest import REQUEST

DEFAULT = "{urut:03d}/PPID/{kode}/{bulan_romawi}/{tahun}"


def catat(run, day: str) -> str:
    out = run.ok(
        "permohonan", "catat", *REQUEST, "--tanggal", day, "--tanpa-surat", "--format", "json"
    )
    return json.loads(out.stdout)["nomor_registrasi"]


def set_pattern(ws, key: str, pattern: str) -> None:
    path = ws.root / "ppidctl.toml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index("[penomoran]\n")
    at = next(i for i in range(start, len(lines)) if lines[i].startswith(f"{key} = "))
    lines[at] = f'{key} = "{pattern}"\n'
    path.write_text("".join(lines), encoding="utf-8")


# -- a pattern must hold {urut} and {tahun} (numbers restart every year, rules.md §6) -----------
@pytest.mark.parametrize("key", ["permohonan", "keberatan", "surat"])
def test_a_pattern_without_the_year_is_refused(ws, run, key):
    set_pattern(ws, key, "{urut:03d}/PPID/{kode}")
    run.refused(
        "permohonan", "catat", *REQUEST, "--tanggal", "2026-01-05", "--tanpa-surat",
        message=f"ppidctl.toml:{_line(ws, key)}: pola 'penomoran.{key}' tidak memuat {{tahun}}",
    )  # fmt: skip


def test_without_the_year_two_years_would_share_a_number(ws, run):
    """The reviewer's case: 2025-12-30 and 2026-01-05 both got 001/PPID/5271. Now the first
    command is refused already, and nothing is written."""
    set_pattern(ws, "permohonan", "{urut:03d}/PPID/{kode}")
    for day in ("2025-12-30", "2026-01-05"):
        run.refused(
            "permohonan", "catat", *REQUEST, "--tanggal", day, "--tanpa-surat",
            message="tidak memuat {tahun}: nomor urut mulai dari 1 setiap tahun",
        )  # fmt: skip


def _line(ws, key: str) -> int:
    from ppidctl.config import line_of

    return line_of((ws.root / "ppidctl.toml").read_text(encoding="utf-8"), "penomoran", key)


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("PPID/{kode}/{tahun}", "tidak memuat {urut}"),
        ("{urut}/{urut}/{tahun}", "memuat {urut} lebih dari sekali"),
        ("{urut:03d}{bulan}/{tahun}", "menaruh {urut} bersambung dengan {bulan}"),
        ("{bulan}{urut:03d}/{tahun}", "menaruh {urut} bersambung dengan {bulan}"),
        ("{urut:03d}{kode}{bulan}/{tahun}", "menaruh {urut} bersambung dengan {bulan}"),
        ("{urut:3d}/{tahun}", "format {urut:3d} tidak didukung: tulis {urut:03d}"),
        ("{urut}/{kode:>6}/{tahun}", "format {kode:>6} tidak didukung: tulis {kode}"),
        ("{urut!r}/{tahun}", "isian {urut!r} tidak didukung"),
        ("{urut}/{tahun", "tidak sah"),
        ("", "kosong"),
    ],
)
def test_patterns_refused(pattern, problem):
    assert problem in check_pattern(pattern)


@pytest.mark.parametrize(
    "pattern",
    [
        DEFAULT,
        "{urut:03d}/KEB/PPID/{kode}/{bulan_romawi}/{tahun}",
        "{urut}/PL.02.2-SD/{kode}/{bulan_romawi}/{tahun}",
        "{urut}/PPID/{bulan}/{tahun}",
        "{urut:03d}{bulan:02d}{tahun}",  # a padded month has a fixed width
        "{urut:03d}{bulan_romawi}{tahun}",  # letters between: a separator
        "PPID-{kode}{urut:03d}-{tahun}",
    ],
)
def test_patterns_accepted(pattern):
    assert check_pattern(pattern) is None


# -- reading the sequence back: the office code and literal parts matched literally -----------
SHAPES = [
    DEFAULT,
    "PPID-{kode}{urut:03d}-{tahun}",  # the reviewer's case
    "{kode}{urut:03d}/{tahun}",
    "{urut:03d}{kode}/{tahun}",
    "{kode}{urut}{tahun}",
    "{tahun}{kode}{urut:04d}",
    "{tahun}.{urut:03d}{kode}.{bulan:02d}",
    "{urut:03d}{bulan:02d}{tahun}",
    "{urut}{bulan_romawi}{kode}{tahun}",
    "{bulan_romawi}{urut:03d}{kode}-{tahun}",
    "{urut:02d}/PPID/{bulan}/{tahun}",
    "B-{urut:03d}/0{kode}/{bulan_romawi}/{tahun}",  # digits in a literal beside the code
]


@pytest.mark.parametrize("pattern", SHAPES)
@pytest.mark.parametrize("kode", ["5271", "52", "71.04", "KPU5271"])
def test_sequence_read_back_from_adjacent_shapes(pattern, kode):
    assert check_pattern(pattern) is None
    bound = bind_kode(pattern, kode)
    for seq in (1, 7, 99, 999, 1000, 12345):  # a padded sequence may grow past its width
        for day in (date(2026, 1, 5), date(2026, 10, 1), date(2026, 12, 31)):
            number = format_number(pattern, seq, kode, day)
            assert format_number(bound, seq, "(unused)", day) == number
            assert sequence_of(number, bound) == seq, (pattern, kode, number)


def test_bind_kode_keeps_braces_of_the_code_literal():
    bound = bind_kode("{urut}/{kode}/{tahun}", "A{1}")
    assert bound == "{urut}/A{{1}}/{tahun}"
    assert format_number(bound, 3, "", date(2026, 3, 1)) == "3/A{1}/2026"
    assert sequence_of("3/A{1}/2026", bound) == 3


def test_code_beside_the_sequence_does_not_run_away(ws, run):
    """``PPID-{kode}{urut:03d}-{tahun}`` gave PPID-5271001-2026, PPID-52715271002-2026,
    PPID-527152715271003-2026: the sequence swallowed the office code."""
    set_pattern(ws, "permohonan", "PPID-{kode}{urut:03d}-{tahun}")
    numbers = [catat(run, day) for day in ("2026-03-02", "2026-03-03", "2026-03-04")]
    assert numbers == ["PPID-5271001-2026", "PPID-5271002-2026", "PPID-5271003-2026"]
    assert catat(run, "2025-12-30") == "PPID-5271001-2025"
    # found again by the sequence alone
    shown = json.loads(run.ok("permohonan", "lihat", "2", "--format", "json").stdout)
    assert shown["data"]["nomor_registrasi"] == "PPID-5271002-2026"
    run.ok("periksa")  # no gaps, no duplicates


@pytest.mark.parametrize(
    "pattern",
    ["{kode}{urut:03d}/{tahun}", "{urut:03d}{kode}-{tahun}", "{tahun}{kode}{urut:02d}"],
)
def test_adjacent_shapes_number_in_sequence(ws, run, pattern):
    set_pattern(ws, "permohonan", pattern)
    numbers = [catat(run, day) for day in ("2026-03-02", "2026-03-03", "2026-03-04")]
    assert numbers == [format_number(pattern, n, "5271", date(2026, 3, 2)) for n in (1, 2, 3)]


def test_legacy_numbers_still_read_without_the_pattern():
    bound = bind_kode(DEFAULT, "5271")
    assert sequence_of("12/PPID/05/2024", bound) == 12
    assert sequence_of("001/PPID/5200/III/2024", bound) == 1  # another office code


def test_a_hand_number_not_padded_like_the_pattern_is_read_by_it():
    # "…-50" for {urut:03d}: the sequence was read from the "02" of "PL.02.2" (review agenda H2)
    p = numbering.bind_kode("PL.02.2-SD/{kode}/{bulan:02d}/{tahun}-{urut:03d}", "5271")
    assert numbering.sequence_of("PL.02.2-SD/5271/01/2026-50", p) == 50
    assert numbering.year_and_sequence("PL.02.2-SD/5271/1/2026-4", p) == (2026, 4)
    assert numbering.month_year_of("PL.02.2-SD/5271/1/2026-4", p) == (1, 2026)
    assert not numbering.fits("PL.02.2-SD/5271/01/2026-50", p)  # (the exact shape: still no)
    assert (
        numbering.next_sequence(["PL.02.2-SD/5271/01/2026-001", "PL.02.2-SD/5271/01/2026-50"], p)
        == 51
    )
