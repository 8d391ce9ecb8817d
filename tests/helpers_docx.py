"""Test helper: the visible text of a .docx, for golden-file comparisons.

``docx_text(path_or_bytes)`` returns, in document order: the headers (default, first-page and
even-page ones that are defined), the body, then the footers. Each non-empty paragraph is one
line; a table gives one line per row with its non-empty cells joined by ``" | "`` (a cell's own
paragraphs and nested tables joined by ``" / "``; a merged cell counts once). Line breaks inside a
paragraph stay ``\\n``, tabs ``\\t``. Images, text boxes and fields' codes are left out (a
field's last shown result is kept: "Halaman 2 dari 2").
No-break spaces and non-breaking hyphens (the letterhead's ``utuh`` filter) read as the space
and hyphen they show.
"""

from __future__ import annotations

import io
from pathlib import Path

__all__ = ["docx_text"]


_AS_SHOWN = str.maketrans({"\u00a0": " ", "\u2011": "-"})


def _paragraph(par) -> str:
    from docx.oxml.ns import qn
    from docx.text.run import Run

    # python-docx's Paragraph.text (runs and hyperlinks) plus the shown result of a simple field
    # (the footer's "Halaman {PAGE} dari {NUMPAGES}")
    runs = []
    for child in par._p:
        if child.tag == qn("w:r"):
            runs.append(child)
        elif child.tag in (qn("w:hyperlink"), qn("w:fldSimple")):
            runs.extend(child.findall(qn("w:r")))
    text = "".join(Run(r, par).text for r in runs)
    return text.translate(_AS_SHOWN).rstrip()


def _table(table) -> list[str]:
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            text = " / ".join(_block(cell))
            if text:
                cells.append(text)
        if cells:
            lines.append(" | ".join(cells))
    return lines


def _block(container) -> list[str]:
    from docx.table import Table

    lines: list[str] = []
    for item in container.iter_inner_content():
        if isinstance(item, Table):
            lines.extend(_table(item))
        else:
            text = _paragraph(item)
            if text.strip():
                lines.append(text)
    return lines


def _headers_footers(doc, attr: str) -> list[str]:
    lines: list[str] = []
    seen: set[str] = set()
    for section in doc.sections:
        for kind in ("first_page_", "", "even_page_"):
            hf = getattr(section, f"{kind}{attr}")
            if hf.is_linked_to_previous:
                continue
            name = str(hf.part.partname)
            if name in seen:
                continue
            seen.add(name)
            lines.extend(_block(hf))
    return lines


def docx_text(src: str | Path | bytes) -> str:
    """Visible text of a .docx file or its bytes, one line per paragraph or table row."""
    from docx import Document

    doc = Document(io.BytesIO(src) if isinstance(src, bytes | bytearray) else str(src))
    lines = _headers_footers(doc, "header") + _block(doc) + _headers_footers(doc, "footer")
    return "\n".join(lines) + "\n"
