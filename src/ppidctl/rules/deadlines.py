"""Statutory deadlines, recomputed from stored facts on the working-day calendar.

The lengths are settings (``[tenggat]`` in ppidctl.toml, legal basis written there and in
rules.md §1); a deadline is never only stored: it is recomputed from the receipt date, the
events (an extension) and the calendar, so a holiday decreed later re-dates open cases.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..config import Settings
    from .calendar import Deadline, WorkCalendar


def request(row: dict[str, str], settings: Settings, cal: WorkCalendar) -> Deadline:
    """Deadline of the written notification: 10 (3 on an ongoing stage) + one extension 7 (2)."""
    stage = bool(row.get("tahapan"))
    base = settings.tenggat("permohonan_tahapan" if stage else "permohonan")
    due = cal.add_workdays(date.fromisoformat(row["tanggal_diterima"]), base)
    if row.get("diperpanjang_pada"):
        ext = settings.tenggat("perpanjangan_tahapan" if stage else "perpanjangan")
        more = cal.add_workdays(due.tanggal, ext)
        due = type(due)(
            more.tanggal, due.dilewati + more.dilewati, due.peringatan + more.peringatan
        )
    return due


def objection(row: dict[str, str], settings: Settings, cal: WorkCalendar) -> Deadline:
    """Deadline of the Atasan PPID's written response: 30 working days (3 on an ongoing stage)."""
    key = "tanggapan_keberatan_tahapan" if row.get("tahapan") else "tanggapan_keberatan"
    return cal.add_workdays(date.fromisoformat(row["tanggal_diterima"]), settings.tenggat(key))


def dispute(row: dict[str, str], settings: Settings, cal: WorkCalendar) -> Deadline | None:
    """The requester's last day to take an objection to the Komisi Informasi: 14 working days
    after receiving the Atasan PPID's response, or after the response deadline lapsed with no
    response (UU 14/2008 Pasal 37(2)): for an objection whose response has not reached the
    requester (not answered, or answered and not delivered), the window its lapse would open."""
    if row.get("disampaikan_pada"):
        start = date.fromisoformat(row["disampaikan_pada"][:10])
    elif row.get("tanggal_diterima"):
        start = objection(row, settings, cal).tanggal  # (the window opens the day after it)
    else:
        return None
    return cal.add_workdays(start, settings.tenggat("sengketa"))


def late(register: str, row: dict[str, str], due: str, today: str = "") -> str | None:
    """``terlambat`` of a case judged against its deadline ``due`` (ISO): by its answer's date
    (the request's written notification, UU 14/2008 Pasal 22(7); the objection's response,
    Pasal 36(2)); an objection never answered and taken to the Komisi Informasi by the
    dispute's date (undated: ``today``, or not judged when ``today`` is ""): the response
    deadline was missed if the dispute came after it; one settled by agreement instead (Pasal
    35(2)) by the settlement's date (undated: not judged). None when there is nothing to
    judge."""
    when = row.get("tanggal_pemberitahuan" if register == "permohonan" else "tanggal_tanggapan")
    if not when and register == "keberatan" and not row.get("keputusan_atasan"):
        if row.get("status") == "sengketa":
            when = row.get("tanggapan_pemohon_pada") or today
        elif row.get("tanggapan_pemohon") == "musyawarah":  # (sesi32b M3: judged again too)
            when = row.get("tanggapan_pemohon_pada", "")
    if not when:
        return None
    return "ya" if when[:10] > due else "tidak"


def remaining(cal: WorkCalendar, today: date, deadline: date) -> int:
    """Working days left until ``deadline`` (0 on the day itself, negative when overdue: at
    least -1 once its day has passed, also on the weekend or holiday right after it)."""
    if deadline >= today:
        return cal.workdays_between(today, deadline)
    return -max(1, cal.workdays_between(deadline, today))
