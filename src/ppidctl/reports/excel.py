"""Shared openpyxl plumbing for the report workbook and the register book.

Layout, shared by every sheet: column widths from the content (:func:`column_widths`: the
longest word, up to a cap, so nothing is clipped and short words get narrow columns), wrapped
text with row heights set for it (:func:`row_height`: not every spreadsheet program grows a row
to its wrapped text), and print setup (:func:`print_setup`): A4 landscape, fitted to as many
pages wide as keep the type readable (:data:`PAGE_UNITS`), one page wide when it fits, the
heading rows and the first column(s) repeated on every page.

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
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
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
        top = Alignment(vertical="top", wrap_text=True)
        self.define("subjudul", font=SUBTITLE_FONT, alignment=top)
        self.define("catatan", font=Font(italic=True, size=9, color="555555"), alignment=top)
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
        cell.value = bersih(value)
        if is_formula_like(value):
            cell.data_type = "s"  # text, never a formula
            cell.quotePrefix = True
        return cell


def bersih(value: Any) -> Any:
    """Text without the control characters a sheet cannot hold (shown as U+FFFD): a register
    edited by hand and accepted before periksa refused them made the register book and every
    .xlsx report fail with a traceback."""
    if isinstance(value, str) and ILLEGAL_CHARACTERS_RE.search(value):
        return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    return value


def plain(ws, value: Any) -> Any:
    """A value for an unstyled cell; formula-like text becomes a quoted text cell."""
    value = bersih(value)
    if is_formula_like(value):
        cell = WriteOnlyCell(ws, value)
        cell.data_type = "s"
        cell.quotePrefix = True
        return cell
    return value


#: column width units (characters of the default font) one A4 landscape page holds, across,
#: at about 90 % scale: a sheet wider than this prints on several pages wide
PAGE_UNITS = 160
#: points per line of 9 pt text
LINE_PT = 12
#: the tallest row Excel keeps (and one that still fits a landscape A4 page under the repeated
#: header): a 6,000-character request printed as a 2,900 pt row, cut off on paper
MAX_ROW_PT = 409


def shown(value: Any) -> str:
    """A cell value as the sheet shows it (for its width): a date as DD-MM-YYYY, a figure with
    its thousands separator."""
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return "00-00-0000"
    if isinstance(value, float):
        return f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def column_widths(
    columns: list[list[Any]], heads: list[str], *, cap: float = 30, least: float = 6
) -> list[float]:
    """Widths of columns holding ``columns`` (values) under headers ``heads`` (which wrap):
    the longest value, or up to ``cap`` (longer text wraps) but never narrower than its longest
    word; at least ``least``."""
    out = []
    for values, head in zip(columns, heads, strict=True):
        texts = [shown(v) for v in values]
        word = max((len(w) for t in [*texts, head] for w in t.split()), default=0)
        text = max((len(line) for t in texts for line in t.split("\n")), default=0)
        out.append(max(least, word + 2, min(text + 2, cap)))
    return out


def row_height(values: list[Any], widths: list[float]) -> float | None:
    """The height of a row whose wrapped cells hold ``values``; None for one line."""
    n = max(lines(v, w) for v, w in zip(values, widths, strict=True))
    return min(LINE_PT * n + 2, MAX_ROW_PT) if n > 1 else None


def print_setup(ws, widths: list[float], *, repeat_rows: str = "", repeat_cols: int = 0) -> None:
    """A4 landscape, as many pages wide as the columns need at a readable scale (one when they
    fit), any number of pages long; ``repeat_rows`` ("5:6") and the first ``repeat_cols``
    columns printed on every page."""
    held = sum(widths[:repeat_cols])
    pages = max(1, -(-(sum(widths) - held) // (PAGE_UNITS - held)))
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = int(pages)
    ws.page_setup.fitToHeight = 0
    ws.page_setup.pageOrder = "overThenDown"  # (a row's parts on pages side by side, not 35 apart)
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.75  # (room for a page header/footer)
    ws.page_margins.header = ws.page_margins.footer = 0.3
    if repeat_rows:
        ws.print_title_rows = repeat_rows
    if repeat_cols:
        ws.print_title_cols = f"A:{get_column_letter(repeat_cols)}"


def page_header(ws, title: str, office: str, note: str) -> None:
    """Every printed page names the document and the office, and says where it stands: the
    title left and the office right above, ``note`` and "Halaman X dari Y" below."""
    ws.oddHeader.left.text = f"&B{title[:100].replace('&', '&&')}"  # (& starts a header code)
    ws.oddHeader.right.text = office[:100].replace("&", "&&")
    ws.oddFooter.left.text = note[:160].replace("&", "&&")
    ws.oddFooter.right.text = "Halaman &P dari &N"
    for part in (ws.oddHeader.left, ws.oddHeader.right, ws.oddFooter.left, ws.oddFooter.right):
        part.size = 9


def set_widths(ws, widths: list[float]) -> None:
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w


def lines(value: Any, width: float) -> int:
    """Lines ``value`` takes when wrapped in a column ``width`` characters wide (9 pt text)."""
    if not isinstance(value, str) or not value:
        return 1
    room = max(int(width * 1.15) - 1, 4)
    total = 0
    for para in value.split("\n"):
        n, used = 1, 0
        for word in para.split():
            size = len(word)
            if used and used + 1 + size > room:
                n, used = n + 1, 0
            used = size if not used else used + 1 + size
            while used > room:  # a word longer than the column breaks
                n, used = n + 1, used - room
        total += n
    return total


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
