"""The working-day calendar: which dates are hari kerja, and deadlines counted in them.

This module owns the answer to "is this date a working day?" and "what is the N-th working day
after that one?" (UU 14/2008 counts every deadline in hari kerja). A working day is Monday to
Friday that is not

* a national holiday (libur nasional: the ``holidays`` package, country ``ID``, category
  ``public``),
* a cuti bersama day (category ``government``), unless the office setting says cuti bersama days
  are worked (``cuti_bersama_libur=False``),
* an extra day off of the office (an :class:`Override` with ``hari_kerja=False``, from the
  office's ``registers/libur.csv``).

An :class:`Override` with ``hari_kerja=True`` makes a date a working day whatever else it is.

Counting (rules.md §1): the day of receipt is day 0 and the deadline is the N-th working day after
it. Something received on a non-working day therefore has its day 1 on the next working day.

Speed: importing ``holidays`` costs about 80 ms and building Indonesia's first year about 90 ms
more, paid on every CLI run. The package is imported lazily, only when a year's list is first
needed, and with ``cache_dir`` each year's raw lists are kept as JSON (keyed by the installed
``holidays`` version, found from its ``.dist-info`` folder name without importing anything), so a
later process that finds the cache never imports ``holidays``. Overrides and the cuti bersama
setting are applied on top of the raw lists and never cached.

No Typer or Rich here: this is library code.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from ..errors import RuleError

__all__ = ["DayOff", "Deadline", "Override", "WorkCalendar"]

AKHIR_PEKAN = "akhir_pekan"
LIBUR_NASIONAL = "libur_nasional"
CUTI_BERSAMA = "cuti_bersama"
#: the years whose lists the tests compare day by day with the decreed SKB (the project's
#: ../shared/data/libur-skb-2025-2026.csv); another year's list is the holidays package's own
DICOCOKKAN_SKB = frozenset({2025, 2026})
LIBUR_KANTOR = "libur_kantor"

_MARGIN = timedelta(days=3)  # how near the counted span an estimated holiday must lie to warn
#: (a decree or sidang isbat moves an estimated date by a day or two: one further away after the
#: deadline cannot reach the counted span, and warning of it on every listing for weeks is noise)
_ESTIMATED = "(perkiraan)"  # the `holidays` package's estimated_label for Indonesia in "id"
_WEEKEND_NAMES = {5: "Sabtu", 6: "Minggu"}
_ONE_DAY = timedelta(days=1)
_CACHE_FORMAT = 1


@dataclass(frozen=True)
class DayOff:
    """A non-working day and why it is one."""

    tanggal: date
    jenis: str  # "akhir_pekan" | "libur_nasional" | "cuti_bersama" | "libur_kantor"
    keterangan: str  # Indonesian name, without the "(perkiraan)" suffix
    perkiraan: bool = False  # the date is only estimated by the holidays package


@dataclass(frozen=True)
class Override:
    """One row of the office's ``registers/libur.csv``."""

    tanggal: date
    hari_kerja: bool  # False = extra day off (office); True = a working day after all
    keterangan: str


@dataclass(frozen=True)
class Deadline:
    """A computed deadline with the days skipped to reach it and warnings about the calendar."""

    tanggal: date
    dilewati: tuple[DayOff, ...]  # non-working days in (start, tanggal], in date order
    peringatan: tuple[str, ...]  # Indonesian warnings: uncovered years, estimated holiday dates


@dataclass(frozen=True)
class _Year:
    """One year's raw lists from the holidays package (before overrides and settings)."""

    tahun: int
    tercakup: bool  # the holidays package covers this year for Indonesia
    tahun_awal: int
    tahun_akhir: int
    nasional: dict[date, tuple[str, bool]]  # date -> (name without suffix, estimated)
    cuti: dict[date, tuple[str, bool]]


class WorkCalendar:
    """Working days of the office: national holidays, cuti bersama and the office's overrides.

    ``overrides``: rows of ``registers/libur.csv``; when a date appears twice the last row wins.
    ``cuti_bersama_libur``: cuti bersama days are days off (default, rules.md §1).
    ``cache_dir``: folder for the per-year JSON cache of the holidays package's lists; ``None``
    means no disk cache (the lists are still kept in memory for the life of the object).
    ``today``: the office's date (the workspace clock, in its time zone), which tells a past year
    from a coming one in :meth:`gap`.
    """

    def __init__(
        self,
        overrides: Iterable[Override] = (),
        *,
        cuti_bersama_libur: bool = True,
        cache_dir: Path | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        self._overrides: dict[date, Override] = {}
        for ov in overrides:
            _check_date(ov.tanggal)
            self._overrides[ov.tanggal] = ov
        self.cuti_bersama_libur = bool(cuti_bersama_libur)
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self._today = today
        self._years: dict[int, _Year] = {}
        # answers are pure functions of the dates: remembered per calendar
        self._memo_add: dict[tuple[date, int], Deadline] = {}
        self._memo_between: dict[tuple[date, date], int] = {}

    @property
    def signature(self) -> tuple:
        """What makes this calendar differ from another (for caches keyed by calendar)."""
        return (self.cuti_bersama_libur, tuple(sorted(self._overrides.items())))

    # ----------------------------------------------------------------- single days

    def day_off(self, d: date) -> DayOff | None:
        """Why ``d`` is not a working day, or ``None`` when it is one.

        When several reasons apply, the first of: national holiday, cuti bersama (if counted as a
        day off), office day off, Saturday/Sunday. So a national holiday on a Sunday is reported
        as the holiday.
        """
        _check_date(d)
        ov = self._overrides.get(d)
        if ov is not None and ov.hari_kerja:
            return None
        return self._off(d, ov)

    def _off(self, d: date, ov: Override | None) -> DayOff | None:
        """Why ``d`` is off on the decreed calendar, with ``ov`` (an office day off) if any."""
        year = self._year(d.year)
        hit = year.nasional.get(d)
        if hit is not None:
            return DayOff(d, LIBUR_NASIONAL, hit[0], hit[1])
        if self.cuti_bersama_libur:
            hit = year.cuti.get(d)
            if hit is not None:
                return DayOff(d, CUTI_BERSAMA, hit[0], hit[1])
        if ov is not None:
            return DayOff(d, LIBUR_KANTOR, ov.keterangan)
        weekend = _WEEKEND_NAMES.get(d.weekday())
        if weekend is not None:
            return DayOff(d, AKHIR_PEKAN, weekend)
        return None

    def is_workday(self, d: date) -> bool:
        """True when ``d`` is a working day."""
        return self.day_off(d) is None

    def next_workday(self, d: date) -> date:
        """``d`` itself when it is a working day, otherwise the first working day after it."""
        while not self.is_workday(d):
            d = _next_day(d)
        return d

    # ----------------------------------------------------------------- counting

    def add_workdays(self, start: date, n: int) -> Deadline:
        """The ``n``-th working day after ``start`` (``start`` is day 0).

        ``start`` may be a non-working day: day 1 is then the first working day after it.
        ``n == 0`` returns ``start`` itself (even on a non-working day) with nothing skipped and
        no warnings. A negative ``n`` raises ``ValueError``; a count that would pass 9999-12-31
        (the last date Python knows) raises :class:`~ppidctl.errors.RuleError`.
        """
        _check_date(start)
        if isinstance(n, bool) or not isinstance(n, int):
            raise TypeError(f"jumlah hari kerja harus bilangan bulat, bukan {n!r}")
        if n < 0:
            raise ValueError(f"jumlah hari kerja tidak boleh negatif: {n}")
        key = (start, n)
        if key not in self._memo_add:  # many cases share a receipt date: count once
            self._memo_add[key] = self._add_workdays(start, n)
        return self._memo_add[key]

    def _add_workdays(self, start: date, n: int) -> Deadline:
        d = start
        counted = 0
        skipped: list[DayOff] = []
        while counted < n:
            d = _next_day(d)
            off = self.day_off(d)
            if off is None:
                counted += 1
            else:
                skipped.append(off)
        return Deadline(d, tuple(skipped), self._warnings(start, d))

    def workdays_between(self, start: date, end: date) -> int:
        """Number of working days in ``(start, end]``; 0 when ``end <= start``."""
        _check_date(start)
        _check_date(end)
        key = (start, end)
        if key not in self._memo_between:
            self._memo_between[key] = self._workdays_between(start, end)
        return self._memo_between[key]

    def _workdays_between(self, start: date, end: date) -> int:
        count = 0
        d = start
        while d < end:
            d = d + _ONE_DAY
            if self.day_off(d) is None:
                count += 1
        return count

    # ----------------------------------------------------------------- listings

    def days_off(self, year: int) -> list[DayOff]:
        """Every day off of ``year`` other than a plain Saturday/Sunday, sorted by date.

        National holidays (also those falling on a weekend), cuti bersama when counted as days
        off, and the office's extra days off; dates the office made working days are left out.
        """
        if isinstance(year, bool) or not isinstance(year, int):
            raise TypeError(f"tahun harus bilangan bulat, bukan {year!r}")
        if not date.min.year <= year <= date.max.year:
            raise ValueError(f"tahun di luar jangkauan: {year}")
        raw = self._year(year)
        candidates = set(raw.nasional) | set(raw.cuti)
        candidates.update(d for d in self._overrides if d.year == year)
        result = []
        for d in sorted(candidates):
            off = self.day_off(d)
            if off is not None and off.jenis != AKHIR_PEKAN:
                result.append(off)
        return result

    def office_workdays(self, after: date, end: date) -> list[tuple[Override, DayOff | None]]:
        """The office's extra working days in ``(after, end]``, each with the day off it would
        otherwise be (a Saturday, a cuti bersama the office works on; ``None``: a working day
        anyway)."""
        return [
            (ov, self._off(d, None))
            for d, ov in sorted(self._overrides.items())
            if ov.hari_kerja and after < d <= end
        ]

    # ----------------------------------------------------------------- warnings

    def gap(self, y: int) -> str:
        """What the calendar of year ``y`` lacks ("" when nothing): the year beyond the
        ``holidays`` package, or its cuti bersama not decreed yet (2028 in holidays 0.109: public
        holidays only) and not recorded by the office either."""
        raw = self._year(y)
        if not raw.tercakup:
            return (
                f"yang tidak tercakup daftar libur paket holidays ({raw.tahun_awal}–"
                f"{raw.tahun_akhir}); hanya akhir pekan dan libur kantor yang diperhitungkan. "
                "Periksa secara manual tenggat yang melewati tahun itu."
            )
        if (
            self.cuti_bersama_libur
            and not raw.cuti
            and y >= self._today().year  # (a past year without any: none was decreed)
            and not any(
                d.year == y and not ov.hari_kerja and "cuti bersama" in ov.keterangan.lower()
                for d, ov in self._overrides.items()
            )
        ):
            return (
                "yang cuti bersamanya belum dimuat paket holidays: cuti bersama yang nanti "
                "ditetapkan SKB belum dihitung. Setelah SKB terbit, catat setiap harinya dengan "
                'ppidctl kalender tambah TANGGAL --keterangan "Cuti bersama …"'
            )
        return ""

    def _warnings(self, start: date, end: date) -> tuple[str, ...]:
        """Warnings about the years whose days were counted, i.e. those of ``(start, end]``."""
        if end <= start:
            return ()
        first = (start + _ONE_DAY).year
        messages = []
        for y in range(first, end.year + 1):
            raw = self._year(y)
            gap = self.gap(y)
            if gap:
                messages.append(f"Perhitungan tenggat mencakup tahun {y}, {gap}")
            if not raw.tercakup:
                continue
            # An estimated date moves by a day or two when the decree comes: it matters only
            # near the counted span, not months away from it.
            near = (start, end + _MARGIN)
            estimated = sorted(
                {(d, name) for d, (name, est) in raw.nasional.items() if est}
                | {(d, name) for d, (name, est) in raw.cuti.items() if est}
            )
            estimated = [(d, n) for d, n in estimated if near[0] < d <= near[1]]
            if estimated:
                listed = ", ".join(f"{name} {d.isoformat()}" for d, name in estimated)
                messages.append(
                    f"Perhitungan tenggat mencakup tahun {y}, yang tanggal liburnya masih "
                    f"perkiraan ({listed}); periksa kembali bila tanggalnya ditetapkan lain "
                    "(sidang isbat, SKB perubahan) dan catat perubahannya dengan ppidctl "
                    "kalender tambah."
                )
        return tuple(messages)

    # ----------------------------------------------------------------- year data

    def _year(self, y: int) -> _Year:
        data = self._years.get(y)
        if data is None:
            data = self._load_year(y)
            self._years[y] = data
        return data

    def _load_year(self, y: int) -> _Year:
        if self.cache_dir is None:
            return _parse_raw(_fetch_raw(y, None), y)
        path = self.cache_dir / f"libur-ID-{y}.json"
        version = _holidays_version()
        raw = _read_json(path)
        if raw is not None:
            try:
                if raw["format"] == _CACHE_FORMAT and raw["holidays_version"] == version:
                    return _parse_raw(raw, y)
            except (KeyError, TypeError, ValueError):
                pass  # corrupt or foreign cache: rebuild below
        raw = _fetch_raw(y, version)
        _write_json_atomic(path, raw)
        return _parse_raw(raw, y)


# --------------------------------------------------------------------- helpers


def _check_date(d: object) -> None:
    # datetime is a subclass of date but never equal to one: refuse it rather than silently
    # dropping the time (dates must already be in the office's time zone, rules.md §1).
    if isinstance(d, datetime) or not isinstance(d, date):
        raise TypeError(f"harus tanggal (datetime.date), bukan {type(d).__name__}: {d!r}")


def _next_day(d: date) -> date:
    try:
        return d + _ONE_DAY
    except OverflowError:  # a user's date near 9999-12-31: a refusal, not a traceback
        raise RuleError(
            f"hitungan hari kerja melewati tanggal terakhir kalender ({d.isoformat()})",
            "pilih tanggal atau jumlah hari kerja yang lebih kecil",
        ) from None


@functools.cache
def _holidays_version() -> str:
    """Installed ``holidays`` version without importing it (nor ``importlib.metadata``).

    ``importlib.metadata`` alone costs ~50 ms to import; scanning ``sys.path`` for the package
    folder and its ``holidays-<version>.dist-info`` sibling costs well under 1 ms.
    """
    for entry in sys.path:
        base = entry or os.getcwd()
        if not os.path.isfile(os.path.join(base, "holidays", "__init__.py")):
            continue
        try:
            names = os.listdir(base)
        except OSError:
            break
        for name in names:
            low = name.lower()
            if low.startswith("holidays-") and low.endswith(".dist-info"):
                return name[len("holidays-") : -len(".dist-info")]
        break
    from importlib.metadata import version  # slow path: editable or unusual installs

    return version("holidays")


def _fetch_raw(y: int, version: str | None) -> dict:
    """One year's lists straight from the holidays package, as JSON-ready data."""
    import holidays  # lazy: ~80 ms, only when a year is not cached

    public = holidays.country_holidays("ID", years=y, categories=("public",), language="id")
    government = holidays.country_holidays("ID", years=y, categories=("government",), language="id")
    return {
        "format": _CACHE_FORMAT,
        "holidays_version": version if version is not None else _holidays_version(),
        "tahun": y,
        "tahun_awal": int(public.start_year),
        "tahun_akhir": int(public.end_year),
        "libur_nasional": [[d.isoformat(), name] for d, name in sorted(public.items())],
        "cuti_bersama": [[d.isoformat(), name] for d, name in sorted(government.items())],
    }


def _parse_raw(raw: dict, y: int) -> _Year:
    """Check and convert raw lists; raises KeyError/TypeError/ValueError when malformed."""
    if not isinstance(raw, dict) or raw["tahun"] != y:
        raise ValueError("cache for another year")
    start, end = raw["tahun_awal"], raw["tahun_akhir"]
    if not isinstance(start, int) or not isinstance(end, int):
        raise TypeError("tahun_awal/tahun_akhir")
    return _Year(
        tahun=y,
        tercakup=start <= y <= end,
        tahun_awal=start,
        tahun_akhir=end,
        nasional=_parse_entries(raw["libur_nasional"], y),
        cuti=_parse_entries(raw["cuti_bersama"], y),
    )


def _parse_entries(entries: object, y: int) -> dict[date, tuple[str, bool]]:
    if not isinstance(entries, list):
        raise TypeError("entries")
    result: dict[date, tuple[str, bool]] = {}
    for iso, name in entries:
        if not isinstance(iso, str) or not isinstance(name, str):
            raise TypeError("entry")
        d = date.fromisoformat(iso)
        if d.year != y:
            raise ValueError("entry of another year")
        result[d] = _clean_name(name)
    return result


def _clean_name(name: str) -> tuple[str, bool]:
    """("Hari Raya Idul Fitri (perkiraan)") -> ("Hari Raya Idul Fitri", True).

    Several holidays on one date come joined with "; "; each part may carry the suffix.
    """
    if _ESTIMATED not in name:
        return name, False
    parts = [" ".join(part.replace(_ESTIMATED, "").split()) for part in name.split(";")]
    return "; ".join(p for p in parts if p), True


def _read_json(path: Path) -> dict | None:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):  # missing, unreadable, not JSON, not UTF-8
        return None
    return data if isinstance(data, dict) else None


def _write_json_atomic(path: Path, data: dict) -> None:
    """Write ``data`` to ``path`` via a temp file and ``os.replace``; a failure is ignored."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{id(data):x}.tmp")  # unique per writer
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
