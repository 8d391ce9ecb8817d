"""What python-calamine does not tell about a sheet, read from its XML: error cells and
formulas saved without a value (.xlsx/.xlsm/.ods), hidden rows, and an .ods's merged cells.

Each side-reader runs in a thread beside calamine's own parse (:func:`di_latar`; both release
the GIL) and reads the XML only when a quick search finds something to read. .xls and .xlsb are
binary and not looked into.
"""

from __future__ import annotations

import bisect
import html
import re
import threading
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

from . import guard
from .guard import baca_bagian, kolom_angka

#: error cells of an .ods remembered (each one a problem of its row: 20,000 error elements
#: repeated 1,024 columns each took 5.6 GB; past this they are read as the empty cells they
#: are to calamine)
BATAS_GALAT = 100_000

RUMUS_TANPA_NILAI = (
    "rumus tanpa nilai tersimpan — buka dan simpan ulang berkas di Excel/LibreOffice"
)
#: (row, column in the source row) → (problem, the cell's text): cells the reader got empty or
#: as text that are really an Excel error or a formula never calculated
Galat = dict[int, dict[int, tuple[str, str]]]
#: merged cells, 0-based ((first row, first column), (last row, last column))
Gabungan = list[tuple[tuple[int, int], tuple[int, int]]]
#: rows hidden in the sheet (Excel's Hide, a filter, a collapsed group), as sorted inclusive
#: (first, last) ranges of 1-based row numbers (an .ods may hide a million rows in one element)
Rentang = list[tuple[int, int]]


def dalam_rentang(rn: int, rentang: Rentang) -> bool:
    """Whether sheet row ``rn`` lies in one of the hidden ``rentang``."""
    i = bisect.bisect_right(rentang, (rn, _TAK_HINGGA)) - 1
    return i >= 0 and rentang[i][0] <= rn <= rentang[i][1]


_TAK_HINGGA = 1 << 62


def galat_sel(teks: str) -> tuple[str, str]:
    return f"galat Excel {teks} di sel", teks


# Excel errors and formulas without a value: python-calamine (0.9) reads both as empty cells and
# exposes neither. For .xlsx/.xlsm they are found in the sheet's XML, in a thread while calamine
# parses the sheet (both release the GIL): the XML is searched for a marker (an error cell
# ``t="e"``, or any formula ``</f>``) and, only when there is one, scanned cell by cell. A clean
# file costs one decompression on the other core. .xlsb and .xls are binary: not looked into.

_XML_R = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
_XML_T = re.compile(rb'\bt="(\w+)"')
_XML_V = re.compile(rb"<v>([^<]*)</v>")
_XML_F = re.compile(rb"<f[^>]*>([^<]+)</f>")


def _xml_lembar(z: zipfile.ZipFile, nama: str) -> str | None:
    """The member of an .xlsx holding sheet ``nama``."""
    import xml.etree.ElementTree as ET

    ns_main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    ns_r = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rid = next(
        (s.get(f"{ns_r}id") for s in wb.iter(f"{ns_main}sheet") if s.get("name") == nama), None
    )
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    for rel in rels:
        if rel.get("Id") == rid:
            target = rel.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else "xl/" + target
    return None


class DariXml(NamedTuple):
    """What python-calamine does not tell about a sheet, read from its XML."""

    gabung: Gabungan  # merged cells (.ods only: calamine gives them for .xlsx)
    galat: Galat
    tersembunyi: Rentang


_HIDDEN = (b'hidden="1"', b'hidden="true"')  # (LibreOffice writes hidden="false" on every row)


def xml_xlsx(path: Path, nama: str) -> DariXml:
    """Error cells and formulas without a cached value of one .xlsx/.xlsm sheet, by position
    (0-based absolute column), and its hidden rows."""
    kosong = DariXml([], {}, [])
    try:
        with zipfile.ZipFile(path) as z:
            member = _xml_lembar(z, nama)
            if member is None:
                return kosong
            with z.open(member) as f:  # the quick search, a chunk at a time
                ada, ekor = False, b""
                while chunk := f.read(1 << 22):
                    buf = ekor + chunk
                    if b' t="e"' in buf or b"</f>" in buf or any(h in buf for h in _HIDDEN):
                        ada = True
                        break
                    ekor = buf[-16:]
            if not ada:
                return kosong
            data = z.read(member)
    except (OSError, KeyError, zipfile.BadZipFile, SyntaxError):
        return kosong  # (calamine says what is wrong with the file)
    return DariXml([], _galat_xlsx(data), baris_tersembunyi(data))


_XML_RN = re.compile(rb'\br="(\d+)"')


def baris_tersembunyi(data: bytes) -> Rentang:
    """The rows of a sheet's XML whose ``<row>`` element is hidden."""
    rows = set()
    for tanda in _HIDDEN:
        pos = sebelum = 0
        while (pos := data.find(tanda, pos)) >= 0:
            # (the tag it is in, looked for back to the marker before only: the same tag
            # otherwise — a marker repeated in one long text made the search quadratic)
            mulai = data.rfind(b"<", sebelum, pos)
            if data.startswith(b"<row ", mulai) and (r := _XML_RN.search(data, mulai, pos)):
                rows.add(int(r[1]))
            sebelum = pos = pos + len(tanda)
    return [(r, r) for r in sorted(rows)]


def _galat_xlsx(data: bytes) -> Galat:
    """The error cells and formulas without a cached value in a sheet's XML."""
    hasil: Galat = {}
    for pos in sorted(set(_cell_bertanda(data))):
        akhir_tag = data.find(b">", pos)
        tag = data[pos:akhir_tag]
        akhir = data.find(b"</c>", akhir_tag)
        if tag.endswith(b"/") or akhir < 0:
            continue
        isi = data[akhir_tag + 1 : akhir]
        t = _XML_T.search(tag)
        jenis = t[1] if t else b"n"
        if jenis != b"e" and b"<f" not in isi:
            continue
        v = _XML_V.search(isi)
        if jenis == b"e":
            g = galat_sel(v[1].decode() if v else "#N/A")
        elif v is None or (not v[1] and jenis != b"str"):  # ("" is a formula's text result)
            f = _XML_F.search(isi)
            g = (RUMUS_TANPA_NILAI, "=" + html.unescape(f[1].decode()) if f else "")
        else:
            continue
        r = _XML_R.search(tag)
        if r:
            hasil.setdefault(int(r[2]), {})[kolom_angka(r[1])] = g
    return hasil


_ODS_T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODS_GALAT = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}value-type"


def ods_lembar(path: Path, nama: str) -> DariXml:
    """The merged cells (0-based, as calamine gives them for .xlsx), the error cells and the
    hidden rows of one .ods sheet, from content.xml: python-calamine 0.9 reports none of them
    for .ods. Walked only when the XML holds a merge, an error or a hidden row; repeated rows and
    columns are counted as they repeat."""
    import xml.etree.ElementTree as ET

    hasil = DariXml([], {}, [])
    try:
        z = zipfile.ZipFile(path)
        info = z.getinfo("content.xml")
    except (OSError, KeyError, zipfile.BadZipFile):
        return hasil
    with z:  # (streamed: a content.xml of a gigabyte is never held whole)
        if not baca_bagian(z, info, path, lambda buf, _: any(t in buf for t in _ODS_TANDA)):
            return hasil
        try:
            with z.open(info) as f:
                _ods_jelajah(f, nama, hasil)
        except (ET.ParseError, ValueError, OSError, zipfile.BadZipFile):
            return DariXml([], {}, [])  # (calamine says what is wrong with the file)
    return hasil


#: what makes an .ods sheet worth walking (either quote: LibreOffice writes ", others ')
_ODS_TANDA = (b"-spanned=", b'value-type="error"', b"value-type='error'", b"table:visibility=")


def _ods_jelajah(f, nama: str, hasil: DariXml) -> None:
    """Walk content.xml (a file) for sheet ``nama``'s merges, error cells and hidden rows."""
    import xml.etree.ElementTree as ET

    gabung, galat, sembunyi = hasil
    tabel, baris, sel, sel_tutup = (
        f"{_ODS_T}table",
        f"{_ODS_T}table-row",
        (f"{_ODS_T}table-cell", f"{_ODS_T}covered-table-cell"),
        f"{_ODS_T}table-cell",
    )
    di_lembar = False
    r = c = n_galat = 0
    terbuka: list = []  # (the open elements: each one ended is dropped from its parent, so the
    # tree never grows — 390 KB of elements outside any row took 5.9 GB — except inside an
    # error cell, whose text is read when it ends)
    galat_buka = None
    for ev, el in ET.iterparse(f, events=("start", "end")):
        tag = el.tag
        if ev == "start":
            terbuka.append(el)
            if galat_buka is None and tag in sel and el.get(_ODS_GALAT) == "error":
                galat_buka = el
        else:
            terbuka.pop()
            if terbuka and (galat_buka is None or el is galat_buka):
                terbuka[-1].remove(el)
            if el is galat_buka:  # (its text is read below, from the element itself)
                galat_buka = None
        if tag == tabel:
            if ev == "start":
                di_lembar = el.get(f"{_ODS_T}name") == nama
            elif di_lembar:
                break
            continue
        if not di_lembar:
            continue
        if tag == baris:
            if ev == "start":
                c = 0
            else:
                ulang = int(el.get(f"{_ODS_T}number-rows-repeated", "1"))
                if el.get(f"{_ODS_T}visibility", "visible") != "visible":
                    sembunyi.append((r + 1, r + ulang))  # (collapse or filter)
                r += ulang
        elif tag in sel and ev == "end":
            ulang = int(el.get(f"{_ODS_T}number-columns-repeated", "1"))
            if tag == sel_tutup:
                tinggi = int(el.get(f"{_ODS_T}number-rows-spanned", "1"))
                lebar = int(el.get(f"{_ODS_T}number-columns-spanned", "1"))
                if tinggi > 1 or lebar > 1:
                    gabung.append(((r, c), (r + tinggi - 1, c + lebar - 1)))
                if (
                    el.get(_ODS_GALAT) == "error"
                    and c < guard.BATAS_KOLOM
                    and n_galat < BATAS_GALAT
                ):
                    teks = "".join(el.itertext()).strip() or "#N/A"
                    akhir = min(c + ulang, guard.BATAS_KOLOM, c + BATAS_GALAT - n_galat)
                    for k in range(c, akhir):
                        galat.setdefault(r + 1, {})[k] = galat_sel(teks)
                    n_galat += akhir - c
            c += ulang


def _cell_bertanda(data: bytes) -> Iterator[int]:
    """Where the cells holding a formula or an error start (only those are parsed)."""
    for tanda in (b"<f", b' t="e"'):
        pos = sebelum = 0
        while (pos := data.find(tanda, pos)) >= 0:
            mulai = data.rfind(b"<c ", sebelum, pos)  # (back to the marker before only, as
            if mulai >= 0:  # baris_tersembunyi: that cell was given already)
                yield mulai
            sebelum = pos = pos + len(tanda)


def di_latar(fn: Callable[[], DariXml]) -> Callable[[], DariXml]:
    """Run ``fn`` in a thread; the returned function waits for its result, and raises what
    ended the thread (it printed a traceback, and the import went on without the sheet's
    hidden rows, error cells and merges)."""
    hasil: list = [DariXml([], {}, [])]

    def kerja() -> None:
        try:
            hasil[0] = fn()
        except BaseException as e:  # noqa: BLE001 - raised in the caller's thread
            hasil[0] = e

    th = threading.Thread(target=kerja, daemon=True)
    th.start()

    def tunggu() -> DariXml:
        th.join()
        if isinstance(hasil[0], BaseException):
            raise hasil[0]
        return hasil[0]

    return tunggu


def baca_latar(path: Path, nama: str) -> Callable[[], DariXml]:
    """Start reading what sheet ``nama``'s XML tells beside calamine's parse; the returned
    function waits for it (nothing to read in an .xls or .xlsb)."""
    ext = path.suffix.lower()
    if ext in (".xlsx", ".xlsm"):
        return di_latar(lambda: xml_xlsx(path, nama))
    if ext == ".ods":
        return di_latar(lambda: ods_lembar(path, nama))
    return lambda: DariXml([], {}, [])
