"""Shared openpyxl plumbing for the report workbook and the register book.

Workbooks are written in openpyxl's write-only (streaming) mode, so a 100,000-row register does
not need a Python object per cell. Cells are made from a few style templates (copying a template's
style is much cheaper than assigning font, border and alignment per cell). Text that a
spreadsheet would run as a formula is stored as a text cell with Excel's quote prefix
(see :mod:`ppidctl.reports.privacy`).
"""

from __future__ import annotations

import copy
import io
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from .privacy import is_formula_like

THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
TITLE_FONT = Font(bold=True, size=13)
SUBTITLE_FONT = Font(bold=True, size=11)
HEADER_FONT = Font(bold=True, size=9)
BODY_FONT = Font(size=9)


class Styles:
    """Cell factories for one write-only sheet."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self._templates: dict[str, WriteOnlyCell] = {}
        self.define("judul", font=TITLE_FONT)
        self.define("subjudul", font=SUBTITLE_FONT)
        self.define("catatan", font=Font(italic=True, size=9, color="555555"))
        self.define(
            "kepala",
            font=HEADER_FONT,
            fill=HEADER_FILL,
            border=BORDER,
            alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
        )
        wrap = Alignment(vertical="top", wrap_text=True)
        self.define("isi", font=BODY_FONT, border=BORDER, alignment=wrap)
        self.define(
            "tengah",
            font=BODY_FONT,
            border=BORDER,
            alignment=Alignment(horizontal="center", vertical="top", wrap_text=True),
        )
        self.define(
            "tanggal", font=BODY_FONT, border=BORDER, alignment=wrap, number_format="DD-MM-YYYY"
        )
        self.define("angka", font=BODY_FONT, border=BORDER, alignment=wrap, number_format="#,##0")
        self.define("desimal", font=BODY_FONT, border=BORDER, alignment=wrap, number_format="0.0")
        self.define("polos", font=BODY_FONT)
        self.define("polos_tanggal", font=BODY_FONT, number_format="YYYY-MM-DD")

    def define(self, name: str, **attrs: Any) -> None:
        cell = WriteOnlyCell(self.ws)
        for key, value in attrs.items():
            setattr(cell, key, value)
        self._templates[name] = cell

    def cell(self, value: Any, style: str = "isi") -> WriteOnlyCell:
        """A cell holding ``value`` (a date, a number or text) in style ``style``."""
        template = self._templates[style]
        cell = WriteOnlyCell(self.ws)
        cell._style = copy.copy(template._style)  # noqa: SLF001 - openpyxl's own idiom
        if isinstance(value, datetime):
            value = value.date()
        cell.value = value
        if is_formula_like(value):
            cell.data_type = "s"  # text, never a formula
            cell.quotePrefix = True
        return cell


def plain(ws, value: Any) -> Any:
    """A value for an unstyled cell; formula-like text becomes a quoted text cell."""
    if is_formula_like(value):
        cell = WriteOnlyCell(ws, value)
        cell.data_type = "s"
        cell.quotePrefix = True
        return cell
    return value


def set_widths(ws, widths: list[float]) -> None:
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w


def new_workbook() -> Workbook:
    return Workbook(write_only=True)


def to_bytes(wb: Workbook) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def as_date(value: Any) -> date | None:
    """A date from a pandas Timestamp / ISO string / date; None when empty or not a date."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if hasattr(value, "to_pydatetime"):
        try:
            return value.to_pydatetime().date()
        except (ValueError, AttributeError):
            return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
