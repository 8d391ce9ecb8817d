"""store.table.csv_lines: the text csv.writer writes, read back as the same cells."""

import csv
import io
import sys

from hypothesis import given
from hypothesis import strategies as st

from ppidctl.store.table import csv_lines

CELL = st.text(alphabet=list("ab ,;\"\r\n\t'é"), max_size=6)
ROWS = st.lists(st.lists(CELL, min_size=1, max_size=5), max_size=6)


def _writer(rows, delimiter, newline):
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator=newline).writerows(rows)
    return out.getvalue()


@given(ROWS, st.sampled_from([",", ";"]), st.sampled_from(["\r\n", "\n", "\r"]))
def test_read_back_as_the_same_cells(rows, delimiter, newline):
    text = csv_lines(rows, delimiter, newline)
    assert list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)) == rows


@given(ROWS, st.sampled_from([",", ";"]), st.sampled_from(["\r\n", "\n", "\r"]))
def test_same_text_as_csv_writer(rows, delimiter, newline):
    if sys.version_info < (3, 11, 9):  # older writers quote only the line break's own characters
        rows = [[c.replace("\r", "").replace("\n", "") for c in r] for r in rows]
    assert csv_lines(rows, delimiter, newline) == _writer(rows, delimiter, newline)


def test_plain_rows_take_the_joined_path_and_special_cells_are_quoted():
    assert csv_lines([["a", "b"], ["", "c d"]]) == "a,b\r\n,c d\r\n"
    assert csv_lines([["a,b", 'say "hi"'], ["x\ny", ""]], ",", "\n") == (
        '"a,b","say ""hi"""\n"x\ny",\n'
    )
    # a lone carriage return in a register with \n line ends is quoted: the row stays whole
    assert csv_lines([["001", "Jl. A\rBlok B", "x"]], ",", "\n") == '001,"Jl. A\rBlok B",x\n'
    assert csv_lines([[""]]) == '""\r\n'
    assert csv_lines([]) == ""
