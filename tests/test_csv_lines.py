"""store.table.csv_lines writes exactly what csv.writer writes, for any cells."""

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from ppidctl.store.table import csv_lines

CELL = st.text(alphabet=list("ab ,;\"\r\n\t'é"), max_size=6)


def _writer(rows, delimiter, newline):
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator=newline).writerows(rows)
    return out.getvalue()


@given(
    st.lists(st.lists(CELL, min_size=1, max_size=5), max_size=6),
    st.sampled_from([",", ";"]),
    st.sampled_from(["\r\n", "\n", "\r"]),
)
def test_same_text_as_csv_writer(rows, delimiter, newline):
    assert csv_lines(rows, delimiter, newline) == _writer(rows, delimiter, newline)


def test_plain_rows_take_the_joined_path_and_special_cells_are_quoted():
    assert csv_lines([["a", "b"], ["", "c d"]]) == "a,b\r\n,c d\r\n"
    assert csv_lines([["a,b", 'say "hi"'], ["x\ny", ""]], ",", "\n") == (
        '"a,b","say ""hi"""\n"x\ny",\n'
    )
    assert csv_lines([[""]]) == '""\r\n'
    assert csv_lines([]) == ""
