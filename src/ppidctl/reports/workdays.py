"""Working-day arithmetic over whole columns at once (numpy), exactly as :class:`WorkCalendar`.

The reports count durations in hari kerja for up to hundreds of thousands of rows; asking the
calendar day by day would take minutes. :class:`WorkdayCounter` asks the office's calendar once
per year for its days off (national holidays, cuti bersama when counted, the office's extra days
off) and which Saturdays/Sundays the office made working days, and hands the resulting list of
non-working dates to ``numpy.busday_count`` / ``numpy.busday_offset`` with an all-days week mask.
The answers are the same as ``WorkCalendar.workdays_between`` / ``add_workdays`` (a test
cross-checks them).

Counting follows rules.md §1: the day of receipt is day 0, so the duration from ``start`` to
``end`` is the number of working days in ``(start, end]`` (0 when ``end <= start``).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from ..rules.calendar import WorkCalendar

__all__ = ["WorkdayCounter"]

#: Dates outside these years are treated as missing (a typo such as 2206 would otherwise make
#: the counter load two centuries of holidays).
FIRST_YEAR, LAST_YEAR = 1990, 2100


_OFF: dict[tuple, frozenset[date]] = {}


def _year_off(cal: WorkCalendar, year: int) -> frozenset[date]:
    """Every non-working date of ``year``; shared by offices with the same calendar (a
    consolidated report over 50 offices asks for the same national years 50 times)."""
    key = (cal.signature, year)
    if key not in _OFF:
        off = {d.tanggal for d in cal.days_off(year)}
        d = date(year, 1, 1)
        d += timedelta(days=(5 - d.weekday()) % 7)  # the first Saturday
        while d.year == year:
            for day in (d, d + timedelta(days=1)):
                if day.year == year and not cal.is_workday(day):
                    off.add(day)
            d += timedelta(days=7)
        first = date(year, 1, 1)
        if first.weekday() == 6 and not cal.is_workday(first):  # a year starting on Sunday
            off.add(first)
        _OFF[key] = frozenset(off)
    return _OFF[key]


class WorkdayCounter:
    """Vectorised working days of one office calendar.

    ``between(start, end)`` and ``add(start, n)`` take numpy ``datetime64`` arrays (``NaT`` =
    missing) or pandas datetime Series; the calendar's years are loaded as the data needs them.
    """

    def __init__(self, calendar: WorkCalendar) -> None:
        self.calendar = calendar
        self._lo: int | None = None
        self._hi: int | None = None
        self._busdaycal: np.busdaycalendar | None = None

    # ------------------------------------------------------------------ the calendar

    def _ensure(self, lo: int, hi: int) -> np.busdaycalendar:
        if self._busdaycal is not None and self._lo <= lo and hi <= self._hi:  # type: ignore[operator]
            return self._busdaycal
        if self._lo is not None:
            lo, hi = min(lo, self._lo), max(hi, self._hi)  # type: ignore[type-var]
        off: set[date] = set()
        for year in range(lo, hi + 1):
            off |= _year_off(self.calendar, year)
        holidays = np.array(sorted(off), dtype="datetime64[D]")
        self._busdaycal = np.busdaycalendar(weekmask="1111111", holidays=holidays)
        self._lo, self._hi = lo, hi
        return self._busdaycal

    @staticmethod
    def days(values) -> np.ndarray:
        """``values`` (a pandas datetime Series, or numpy) as ``datetime64[D]`` (``NaT`` =
        missing): what :meth:`between` and :meth:`add` take without converting again."""
        if hasattr(values, "to_numpy"):
            values = values.to_numpy(dtype="datetime64[ns]", na_value=np.datetime64("NaT"))
        return np.asarray(values).astype("datetime64[D]")

    def _valid(self, *arrays: np.ndarray) -> np.ndarray:
        lo = np.datetime64(f"{FIRST_YEAR}-01-01")
        hi = np.datetime64(f"{LAST_YEAR}-12-31")
        ok = np.ones(arrays[0].shape, dtype=bool)
        for a in arrays:
            ok &= ~np.isnat(a) & (a >= lo) & (a <= hi)
        return ok

    def _years(self, *arrays: np.ndarray) -> tuple[int, int]:
        years = [a.astype("datetime64[Y]").astype(int) + 1970 for a in arrays if a.size]
        lo = min(int(y.min()) for y in years)
        hi = max(int(y.max()) for y in years)
        return lo, hi

    # ------------------------------------------------------------------ counting

    def between(self, start, end, *, step: bool = False) -> np.ndarray:
        """Working days in ``(start, end]`` per row (float; ``nan`` where a date is missing).

        ``step``: ``end`` is a step measured against a statutory deadline; taken on a weekend or
        holiday it counts on the next working day, as the deadline does (a notification on the
        Saturday after a Friday deadline is late, so it is 11 working days, never "within 10")."""
        s, e = self.days(start), self.days(end)
        out = np.full(s.shape, np.nan)
        ok = self._valid(s, e)
        if ok.any():
            s, e = s[ok], e[ok]
            lo, hi = self._years(s, e)
            cal = self._ensure(lo, min(hi + 1, LAST_YEAR) if step else hi)
            if step:
                e = np.busday_offset(e, 0, roll="forward", busdaycal=cal)
            n = np.busday_count(s + 1, e + 1, busdaycal=cal)
            out[ok] = np.maximum(n, 0)
        return out

    def add(self, start, n) -> np.ndarray:
        """The ``n``-th working day after ``start`` (``start`` = day 0), per row (``NaT`` when
        ``start`` is missing). ``n == 0`` gives ``start`` itself, as ``WorkCalendar`` does."""
        s = self.days(start)
        n = np.broadcast_to(np.asarray(n, dtype=np.int64), s.shape)
        out = np.full(s.shape, np.datetime64("NaT"), dtype="datetime64[D]")
        ok = self._valid(s)
        if ok.any():
            ss, nn = s[ok], n[ok]
            lo, hi = self._years(ss)
            # a deadline may fall in a later year: ~250 working days a year
            cal = self._ensure(lo, min(hi + 1 + int(nn.max(initial=0)) // 240, LAST_YEAR))
            res = np.busday_offset(ss, nn, roll="backward", busdaycal=cal)
            out[ok] = np.where(nn == 0, ss, res)
        return out
