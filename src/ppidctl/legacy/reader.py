"""Find the register table in a legacy spreadsheet or CSV, match its headers to the schema, and
produce rows of canonical values, each with its own problems.

Formats: ``.xlsx``, ``.xlsm``, ``.xlsb``, ``.xls`` and ``.ods`` through python-calamine (the
fastest reader; it keeps one sheet in memory as compact Rust cells); ``.csv``/``.tsv``/``.txt``
streamed with the standard ``csv`` module, never loaded whole.

Finding the table
    The header is the row, among the first :data:`BARIS_PINDAI` non-blank rows, whose cells match
    the most schema columns (at least :data:`MIN_COCOK`): title rows above it and blank leading
    columns (a table starting in column B) are ignored. The row below is a second header row when
    the header has merged cells reaching into it (the Komisi Informasi layout) or when reading the
    two rows together matches more columns; a group cell spanning several sub-headers ("Status
    Informasi" over "Di bawah penguasaan" / "Belum didokumentasikan") names each of them. A row of
    column numbers (1, 2, 3, …) under the header is skipped. Data rows follow; blank and
    formatted-but-empty rows, rows holding only a pre-filled running number and month headings
    ("JANUARI 2024") are skipped, and so is the furniture of a register printed page by page: a
    repeated header (with its sub-header and column-number row), a title row repeated per page
    (the same cells as a title row above the header) and a page number ("Halaman 2", "Hal. 2 dari
    5", "- 2 -"); each skipped line is listed (:attr:`RowSource.dilewati`). A totals line (``JUMLAH``, ``Jumlah bulan
    ini``, ``Total``) or a remark (``Keterangan: …``) whose running-number cell holds no number is
    skipped when a case follows it before any signature line, and is the end of the table
    otherwise; the table always ends at a signature line (``Mengetahui``, ``Kepala …``, ``NIP …``,
    ``Mataram, 31 Desember 2024``). Rows below the end that look like cases are reported.

Sheets
    Without ``--lembar`` the first sheet holding a table is read; ``--lembar ALL`` reads every sheet
    holding one. A hidden sheet (a filled-in example, a lookup list) is skipped by both, and the
    import says so; it is read only when chosen by name. ``--daftar-lembar`` marks hidden sheets
    (python-calamine's ``sheets_metadata`` tells their visibility).
    A hidden row (Excel's Hide, a filter left on, a collapsed group) is read like any other and
    listed in :attr:`Table.tersembunyi` (the import names the ones it read as cases: an office
    may hide a cancelled entry instead of deleting it). python-calamine does not tell row
    visibility: for .xlsx/.xlsm it comes from the sheet's XML (``<row hidden="1">``, found by the
    same quick search as the error cells below), for .ods from content.xml
    (``table:visibility``); .xls and .xlsb are not looked into.

Matching columns
    Header text is normalised (lowercase, punctuation and extra spaces dropped, ``no``→``nomor``,
    ``tgl``→``tanggal``, ``telp``→``telepon``, ``e-mail``→``email`` …) and compared with each
    column's key, header and ``alias`` in :mod:`ppidctl.schema` (the one list of legacy names); text in parentheses may be left out ("Nomor Kontak (Telepon/E-mail)"). For a two-row
    header "group + sub", then the sub-header alone, then the group alone are tried. A ``--peta``
    TOML file (``[kolom]`` ``"Header Asli" = "kunci"``) wins over all of that. A ``No``/``No.``
    running-number column is recognised and ignored. When two source columns match one key, the
    better match (peta, then key/header, then alias) keeps it and the other is reported unmatched.
    Unmatched columns are listed in :attr:`Table.tidak_cocok` and their non-empty cells are kept in
    :attr:`SourceRow.tambahan` (the caller appends them to ``catatan``): nothing is dropped.

Tick columns
    A choice written as ticked sub-columns, as the Komisi Informasi's register book (and
    ``ppidctl ekspor``) has them — "Keputusan" over "Diberikan | Diberikan Sebagian | Ditolak",
    "Bentuk Informasi", "Jenis Permohonan", "Alasan Keberatan" over a … g, "Tanggapan Pemohon" —
    is read as that choice: a sub-column whose group names a choice key and whose sub-header is
    one of its codes (read by the key's own wording rules, see ``_centang``) is a tick column —
    not a sub-header naming something else ("Alasan Penolakan", "Tanggal", another key's
    header), nor one of a derived key (Status); a ticked cell (``V.centang``: ✓, v, x, ya, 1,
    or a date: the day it happened, kept) gives its code. A list key (reasons) joins its ticks;
    two ticks for a one-value choice, or a word that is no tick, is a problem of the row. A
    column of the key's own beside them wins (the tick columns are kept as notes); a sibling
    matched only by the group's name ("Keputusan / Tanggal") does not, and is kept as notes.

Special columns
    - One "Nomor kontak (telepon/e-mail)" column, or a phone column holding an e-mail (or the
      reverse), is split by content into ``telepon`` and ``email``.
    - "Nama dan Jabatan Atasan PPID" is split into ``nama_atasan`` and ``jabatan_atasan``
      (``Ketua KPU Kota Mataram`` alone is a position, not a name).
    - The KI layout's *Status informasi* columns (under the public body's control: yes/no; not yet
      documented) describe the information, not the decision, and are kept as notes. In the sample
      register the "Di bawah penguasaan" tick contradicts the Keputusan column in 10 rows, so they
      never override it; they fill ``keputusan`` only when the Keputusan cell is empty (or there is
      no such column) *and* the row has a notification or delivery date (the request was answered):
      a tick under "Belum didokumentasikan" → ``belum-didokumentasikan``; "tidak dikuasai" (or
      ``tidak`` under "dikuasai") → ``tidak-dikuasai``. A "dikuasai: ya" tick decides nothing.

Merged cells in .ods
    python-calamine 0.9 reports merged cells for .xlsx and .xls but not for .ods. Rather than
    refuse an .ods with cells merged down over data rows, the merges are read from content.xml
    (``table:number-rows-spanned`` / ``number-columns-spanned``, rows and columns counted through
    ``number-rows-repeated`` / ``number-columns-repeated``; see :mod:`.sheetxml`) and go to the
    same merge handling as an .xlsx's: the walk is exact, costs one parse of an .ods that has a
    merge or an error, and an .ods without either is not parsed at all.

Excel errors and uncalculated formulas
    A cell holding an Excel error (``#N/A``, ``#REF!``, ``#VALUE!``, ``#DIV/0!``, ``#NAME?``,
    ``#NUM!``, ``#NULL!``, ``#SPILL!``, ``#CALC!``, ``#GETTING_DATA``) is a problem of its row,
    ``galat Excel #N/A di sel``, and never a value (nor "wajib diisi … kosong", nor a new number
    for an unreadable one); so is a formula saved without its calculated value (files written by
    scripts, never opened in Excel): ``rumus tanpa nilai tersimpan``. A CSV holds an error as its
    literal text. python-calamine 0.9 reads both as empty cells and exposes neither, so for
    .xlsx/.xlsm they are found in the sheet's XML (see :mod:`.sheetxml`: a quick search for a
    marker, in a thread overlapped with calamine's parse; a cell-by-cell scan only when there is
    one); .ods in content.xml (``calcext:value-type="error"``, with the merges, see below).
    .xls and .xlsb are binary and not looked into: an error cell there reads as an empty cell.
    In a derived column (status, deadline) such a cell is only left out, as the derived value
    replaces it anyway.

Hostile files
    Before any sheet is read, :func:`.guard.uji_baca` reads the whole file once in a child
    process held to a memory and time budget: a file that would cost more than any register
    is refused without the import's own process ever building it.

Values (see :mod:`.values`): every matched cell is parsed by its schema type; a cell that cannot be
read becomes a :class:`Problem` of its row, is left out of ``nilai``, and its raw text is kept in
``tambahan`` under its header (and in ``mentah``), so a row imported anyway loses nothing.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import re
import tomllib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .. import schema
from ..config import toml_error_place
from ..errors import ImporError, UsageError, sebab_csv
from . import guard
from . import values as V
from .guard import huruf, terlalu_luas, uji_baca
from .sheetxml import Gabungan, Galat, Rentang, baca_latar, galat_sel

__all__ = [
    "Problem",
    "SourceRow",
    "Table",
    "RowSource",
    "list_sheets",
    "read_tables",
    "norm_header",
]

EXCEL_EXT = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"})
CSV_EXT = frozenset({".csv", ".tsv", ".txt"})
REGISTER_IMPOR = ("permohonan", "keberatan")
#: Non-blank rows scanned for the header row.
BARIS_PINDAI = 30
#: Schema columns a row must match to be taken as the header.
MIN_COCOK = 3
SEMUA = "ALL"
#: Distinct values remembered per column (bounds memory on a column of unique values).
MEMO_MAKS = 20_000
#: Excel's error values, as a CSV (or a sheet's XML) holds them.
GALAT_EXCEL = frozenset(
    {"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!",
     "#GETTING_DATA"}
)  # fmt: skip


#: how a row under merged No./Tanggal/Nama cells is told: the case above continued (its cells
#: are not empty, so no "wajib diisi" for them)
LANJUTAN = "tampak lanjutan perkara di baris"


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Problem:
    baris: int  # source row number as the user sees it (sheet row / CSV line), 1-based
    kolom: str  # source header text ("" for a whole-row problem)
    pesan: str  # Indonesian


@dataclass(slots=True)
class SourceRow:
    lembar: str  # sheet name ("" for CSV)
    baris: int  # source row number
    #: schema key -> canonical string, for matched columns with a value (empty cells left out)
    nilai: dict[str, str]
    #: header -> raw text: non-empty cells of unmatched columns, unreadable cells, and the part of
    #: a cell not used (a second phone number, "transfer" after "Rp 5.000")
    tambahan: dict[str, str]
    sel: list  # the cells as read (str, float, datetime…), aligned with Table.header_mentah
    masalah: list[Problem]

    @property
    def mentah(self) -> list[str]:
        """The cells' texts as the user sees them (made only when needed: a rejects file)."""
        return [c if type(c) is str else V.teks_sel(c) for c in self.sel]


@dataclass
class Table:
    berkas: Path
    lembar: str
    baris_header: int  # first header row (1-based)
    pemetaan: dict[str, str]  # source header -> schema key (the mapping chosen, for display)
    tidak_cocok: list[str]  # source headers kept as notes
    header_mentah: list[str]  # display header of every table column ("Grup / Sub" for two rows)
    rows: RowSource
    baris_subheader: int | None = None  # second header row, when there is one
    encoding: str = ""  # CSV: the encoding used (detected or forced)
    pemisah: str = ""  # CSV: the delimiter used
    #: what the reader decided, for display (sheet chosen, split columns, status columns …)
    keterangan: list[str] = field(default_factory=list)
    #: rows hidden in the sheet (.xlsx/.xlsm/.ods): read like any other, and told
    tersembunyi: Rentang = field(default_factory=list)


class RowSource:
    """The data rows of one table, streamed: each iteration reads the source again, so the rows
    never all sit in memory unless the caller keeps them.

    After an iteration, :attr:`akhir` is ``(row, text)`` of the totals/signature line that ended
    the table (or ``None``), :attr:`dilewati` lists the non-blank rows skipped (repeated
    headers, month headings, remarks), and :attr:`sesudah` the rows below the end that still
    look like data (never imported silently: the import warns)."""

    def __init__(self, buat: Callable[[RowSource], Iterator[SourceRow]]) -> None:
        self._buat = buat
        self.akhir: tuple[int, str] | None = None
        self.dilewati: list[tuple[int, str]] = []
        self.sesudah: list[int] = []
        #: date columns holding a slash date valid only month-first (1/20/2026): header →
        #: (row, text) of the first one
        self.bulan_dulu: dict[str, tuple[int, str]] = {}
        #: date columns holding a date typed as text that reads only day-first (13/01/2026,
        #: 13-01-2026), which a month-first (English) Excel leaves as text: header → (row, text)
        self.hari_dulu: dict[str, tuple[int, str]] = {}
        #: columns beyond the table's headers holding something (a notes column with no
        #: title): column letter → the first row (kept in catatan, told once)
        self.di_luar: dict[str, int] = {}
        #: (row, header, what): a date written with a weekday it is not (read as the date)
        self.hari_keliru: list[tuple[int, str, str]] = []

    def __iter__(self) -> Iterator[SourceRow]:
        self.akhir = None
        self.dilewati = []
        self.sesudah = []
        self.bulan_dulu = {}
        self.hari_dulu = {}
        self.di_luar = {}
        self.hari_keliru = []
        return self._buat(self)


# --------------------------------------------------------------------------------------------
# Header names
# --------------------------------------------------------------------------------------------

_TOKEN = {
    "no": "nomor", "nmr": "nomor", "nomer": "nomor", "nmor": "nomor", "num": "nomor",
    "tgl": "tanggal", "tggl": "tanggal", "tangal": "tanggal",
    "telp": "telepon", "tlp": "telepon", "tlpn": "telepon", "telpon": "telepon", "tel": "telepon",
    "telephone": "telepon", "telefon": "telepon", "handphone": "hp", "ponsel": "hp",
    "ket": "keterangan", "reg": "registrasi", "yg": "yang", "dgn": "dengan", "dg": "dengan",
    "utk": "untuk", "info": "informasi", "inf": "informasi", "surel": "email", "thn": "tahun",
    "jml": "jumlah", "kpd": "kepada", "pemohonn": "pemohon",
}  # fmt: skip
_EMAIL_KATA = re.compile(r"\be[\s\-]?mail\b")
_BUKAN_KATA = re.compile(r"[^\w]+|_")
_KURUNG = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


@cache
def norm_header(s: str) -> str:
    """``"Tgl. Permohonan"`` → ``"tanggal permohonan"``: the form header names are compared in."""
    s = _EMAIL_KATA.sub("email", s.lower().replace("&", " dan "))
    return " ".join(_TOKEN.get(t, t) for t in _BUKAN_KATA.sub(" ", s).split())


#: Running-number column headers, normalised ("No", "No.", "No Urut", "Nomor"): ignored.
_NOMOR_URUT = frozenset({"nomor", "nomor urut", "urut"})

#: The KI layout's "Status informasi" columns (normalised header → tick kind). They describe the
#: information, not the decision: kept as notes, and used only to fill an empty decision of an
#: answered request (see ``_keputusan_dari_status``). A "dikuasai: ya" tick decides nothing.
_STATUS = {
    "status informasi": "_status",
    "status informasi dikuasai": "_centang_ya",
    "status informasi di bawah penguasaan": "_centang_ya",
    "status informasi dikuasai ya": "_centang_ya",
    "dikuasai": "_centang_ya",
    "dikuasai ya": "_centang_ya",
    "di bawah penguasaan": "_centang_ya",
    "status informasi dikuasai tidak": "_centang_tidak",
    "status informasi tidak dikuasai": "_centang_tidak",
    "dikuasai tidak": "_centang_tidak",
    "tidak dikuasai": "_centang_tidak",
    "tidak di bawah penguasaan": "_centang_tidak",
    "status informasi belum didokumentasikan": "_centang_belum",
    "belum didokumentasikan": "_centang_belum",
}

# match ranks: lower wins
_R_PETA, _R_HEADER, _R_ALIAS = 0, 1, 2


@cache
def _kamus(register: str) -> dict[str, tuple[str, int]]:
    """normalised header name -> (key, rank), for one register."""
    hasil: dict[str, tuple[str, int]] = {}

    def tambah(nama: str, key: str, rank: int) -> None:
        n = norm_header(nama)
        if n and (n not in hasil or hasil[n][1] > rank):
            hasil[n] = (key, rank)

    for col in schema.columns(register):
        tambah(col.key.replace("_", " "), col.key, _R_HEADER)
        tambah(col.header, col.key, _R_HEADER)
    for col in schema.columns(register):
        for a in col.alias:
            tambah(a, col.key, _R_ALIAS)
    return hasil


def header_key(register: str, name: str) -> str | None:
    """The schema key of ``register`` a header name (as shown: "Grup / Sub") would match."""
    grup, _, sub = name.partition(" / ")
    kamus = _kamus(register)
    return next((kamus[n][0] for n in _kandidat(grup, sub) if n in kamus), None)


def _kandidat(grup: str, sub: str) -> list[str]:
    """Normalised names to try for one column, best first."""
    names = [f"{grup} {sub}", sub, grup] if grup and sub else [grup or sub]
    out: list[str] = []
    for n in names:
        for x in (n, _KURUNG.sub(" ", n)):
            nx = norm_header(x)
            if nx and nx not in out:
                out.append(nx)
    return out


# --------------------------------------------------------------------------------------------
# Peta (mapping file)
# --------------------------------------------------------------------------------------------


def _baca_peta(path: Path, register: str) -> dict[str, str]:
    path = Path(path)
    contoh = '[kolom]\n"Tgl Masuk" = "tanggal_diterima"'
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ImporError(f"berkas peta '{path}' tidak ada", "periksa jalur --peta") from None
    except UnicodeDecodeError:
        raise ImporError(
            f"berkas peta '{path}' bukan teks UTF-8", "simpan ulang berkas itu sebagai UTF-8"
        ) from None
    except tomllib.TOMLDecodeError as e:
        raise ImporError(
            f"berkas peta '{path}' bukan TOML yang sah{toml_error_place(e)}",
            f"judul kolom ditulis dalam tanda kutip, satu per baris, mis.\n{contoh}",
        ) from None
    kolom = data.get("kolom")
    if not isinstance(kolom, dict):
        raise ImporError(f"berkas peta '{path}' tidak punya tabel [kolom]", f"tulis mis.\n{contoh}")
    keys = schema.keys(register)
    hasil = {}
    for header, key in kolom.items():
        if not isinstance(key, str) or key not in keys:
            raise ImporError(
                f"berkas peta '{path}': kolom '{header}' dipetakan ke '{key}', yang tidak ada "
                f"di register {register}",
                f"kunci yang ada: {', '.join(keys)}",
            )
        hasil[norm_header(header)] = key
    return hasil


# --------------------------------------------------------------------------------------------
# Sources: CSV and spreadsheet sheets, as (row number, cells)
# --------------------------------------------------------------------------------------------

Baris = tuple[int, list]


def _deteksi_encoding(path: Path) -> str:
    with open(path, "rb") as f:
        awal = f.read(4)
        if awal.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if awal.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        for enc in ("utf-8", "cp1252"):
            f.seek(0)
            dec = codecs.getincrementaldecoder(enc)()
            try:
                while chunk := f.read(1 << 20):
                    dec.decode(chunk)
                dec.decode(b"", final=True)
                return enc
            except UnicodeDecodeError:
                continue
    return "latin-1"


_PEMISAH_NAMA = {"tab": "\t", "\\t": "\t", "titik koma": ";", "koma": ",", "pipa": "|"}
_PEMISAH_CALON = (";", ",", "\t", "|")


def _pemisah_paksa(p: str) -> str:
    """The delimiter of ``--pemisah``: not one character is wrong usage (exit code 2)."""
    p = _PEMISAH_NAMA.get(p.lower(), p)
    if len(p) != 1 or p in '\r\n"':
        raise UsageError(f"pemisah '{p}' tidak bisa dipakai", "pakai satu karakter: ; , | atau tab")
    return p


def _tebak_pemisah(contoh: str) -> str:
    baris = contoh.splitlines()[:-1] or contoh.splitlines()  # last line may be cut
    best: tuple[float, int, int] | None = None
    pilih = ","
    for urut, d in enumerate(_PEMISAH_CALON):
        counts = [len(r) for r in csv.reader(baris, delimiter=d) if any(c.strip() for c in r)]
        if not counts:
            continue
        modus, n = (
            Counter(c for c in counts if c > 1).most_common(1)[0] if max(counts) > 1 else (1, 0)
        )
        tetap = n / len(counts)
        skor = (1.0 if tetap >= 0.6 else tetap, modus, -urut)
        if modus > 1 and (best is None or skor > best):
            best, pilih = skor, d
    return pilih


class _SumberCsv:
    c0 = 0  # (the first column read: a CSV's rows start at its first)

    def __init__(self, path: Path, encoding: str | None, pemisah: str | None) -> None:
        self.path = path
        if encoding:
            try:
                codecs.lookup(encoding)
            except LookupError:
                raise UsageError(
                    f"encoding '{encoding}' tidak dikenal", "pakai mis. utf-8, cp1252, latin-1"
                ) from None
            self.encoding = encoding
        else:
            self.encoding = _deteksi_encoding(path)
        self.encoding_ditebak = not encoding
        try:
            with open(path, encoding=self.encoding, errors="replace", newline="") as f:
                contoh = f.read(1 << 16)
        except UnicodeError:  # e.g. utf-16 asked for a file without its byte-order mark
            raise self._tak_terbaca() from None
        self.lewati_sep = False
        m = re.match(r"\ufeff?sep=(.)\r?\n", contoh)
        if m:  # Excel's "sep=;" hint line
            self.lewati_sep = True
            ditebak = m[1]
        else:
            ditebak = _tebak_pemisah(contoh)
        self.pemisah = _pemisah_paksa(pemisah) if pemisah else ditebak
        self.pemisah_ditebak = not pemisah
        self.galat: Galat = {}  # filled as the rows are read

    def baris(self) -> Iterator[Baris]:
        try:
            with open(self.path, encoding=self.encoding, newline="") as f:
                reader = csv.reader(self._baris_teks(f), delimiter=self.pemisah)
                sebelum = 0  # (text lines read: where a broken quote is told)
                mulai = 0  # the row as a spreadsheet shows it: a cell's line break is no row,
                for rec in reader:  # and Excel's "sep=;" line is not shown
                    sebelum = reader.line_num
                    if self.lewati_sep and sebelum == 1:
                        continue
                    mulai += 1
                    if not GALAT_EXCEL.isdisjoint(rec):  # "#N/A" as Excel saves it in a CSV
                        self.galat[mulai] = {
                            j: galat_sel(c) for j, c in enumerate(rec) if c in GALAT_EXCEL
                        }
                    yield mulai, rec
        except UnicodeError:
            raise self._tak_terbaca() from None
        except csv.Error as e:
            raise ImporError(
                f"berkas '{self.path.name}' baris {sebelum + 1}: CSV rusak ({sebab_csv(e)})",
                "buka dan simpan ulang berkasnya sebagai CSV",
            ) from None

    def gabungan(self) -> list[tuple[tuple[int, int], tuple[int, int]]] | None:
        return None

    def _baris_teks(self, f) -> Iterator[str]:
        """The file's text lines, refused at one wider than any register (:data:`guard.BATAS_KOLOM`
        separators): one line of 20 million commas, 20 MB, took 3.8 GB to read."""
        for n, line in enumerate(f, 1):
            if len(line) > guard.BATAS_KOLOM and line.count(self.pemisah) > guard.BATAS_KOLOM:
                raise ImporError(
                    f"berkas '{self.path.name}' baris {n}: lebih dari {guard.BATAS_KOLOM:,} kolom".replace(
                        ",", "."
                    )
                    + ", bukan tabel register",
                    "buka di Excel/LibreOffice, hapus kolom kosong di luar tabel, simpan ulang",
                )
            yield line

    def _tak_terbaca(self) -> ImporError:
        """The file is not text in ``self.encoding``: say which line first is not."""
        where = ""
        try:
            with open(self.path, "rb") as f:
                for n, line in enumerate(f, 1):
                    try:
                        line.decode(self.encoding)
                    except UnicodeError:
                        where = f" (baris {n} yang pertama)"
                        break
        except (OSError, LookupError):
            pass
        lain = "cp1252" if codecs.lookup(self.encoding).name == "utf-8" else "utf-8"
        return ImporError(
            f"berkas '{self.path.name}' bukan teks {self.encoding}{where}",
            f"coba --encoding {lain}, atau tanpa --encoding agar ppidctl menebaknya",
        )


class _SumberLembar:
    def __init__(self, sheet, galat: Galat | None = None, gabung: Gabungan | None = None) -> None:
        self.sheet = sheet
        self.gabung = gabung
        start = sheet.start
        self.c0 = (
            start[1] if start else 0
        )  # iter_rows() starts at row 1 but at the first column used
        self.kosong = start is None
        self.galat: Galat = {
            r: {c - self.c0: g for c, g in kol.items() if c >= self.c0}
            for r, kol in (galat or {}).items()
        }

    def baris(self) -> Iterator[Baris]:
        if self.kosong:
            return
        yield from enumerate(self.sheet.iter_rows(), start=1)

    def gabungan(self) -> list[tuple[tuple[int, int], tuple[int, int]]] | None:
        try:
            ranges = self.sheet.merged_cell_ranges
        except Exception:  # noqa: BLE001 - not supported for this format
            return None
        if ranges is None:
            ranges = self.gabung
        if ranges is None:
            return None
        akhir = self.sheet.end[0] if self.sheet.end else 0  # (a merge past the last row used
        return [  # holds nothing: E3:E1048576 made the reader walk a million rows)
            ((r0, c0 - self.c0), (min(r1, akhir), c1 - self.c0))
            for (r0, c0), (r1, c1) in ranges
            if r0 <= akhir
        ]


#: text columns a number cell cannot fill (message per key)
_KATA = {
    "nama_pemohon": "nama berupa angka {} — periksa sel ini di Excel (rumus di .xls yang hasil "
    "teksnya tidak tersimpan di berkas terbaca 0: simpan ulang berkasnya sebagai .xlsx)",
    "informasi_diminta": "informasi yang diminta berupa angka {} — periksa sel ini di Excel (rumus "
    "di .xls yang hasil teksnya tidak tersimpan di berkas terbaca 0: simpan ulang sebagai .xlsx)",
}


def _jenis(path: Path) -> str:
    ext = path.suffix.lower()
    if ext in EXCEL_EXT:
        return "excel"
    if ext in CSV_EXT:
        return "csv"
    raise ImporError(
        f"format berkas '{path.name}' tidak didukung",
        # (ppidctl's own JSON export: no program saves it as a workbook — review bolakbalik L2)
        "ekspor ulang dengan ppidctl ekspor --register NAMA --format csv --tanpa-sensor, atau "
        "impor registers/NAMA.csv workspace asalnya"
        if ext == ".json"
        else "simpan sebagai .xlsx, .xls, .ods atau .csv",
    )


def _buka_buku(path: Path):
    from python_calamine import CalamineWorkbook

    try:
        return CalamineWorkbook.from_path(str(path))
    except Exception as e:  # noqa: BLE001 - calamine raises several types for damaged files
        raise ImporError(
            f"berkas '{path.name}' tidak bisa dibuka: rusak, dilindungi kata sandi, atau bukan "
            f"berkas {path.suffix.lower() or 'lembar kerja'}",
            "buka di Excel/LibreOffice lalu simpan ulang sebagai .xlsx (tanpa kata sandi) "
            f"[rincian teknis pembaca: {e}]",
        ) from None


def _lembar_kerja(buku) -> list[tuple[str, bool]]:
    """Worksheets in order, each with whether it is hidden (or very hidden)."""
    try:
        from python_calamine import SheetTypeEnum, SheetVisibleEnum

        return [
            (m.name, m.visible != SheetVisibleEnum.Visible)
            for m in buku.sheets_metadata
            if m.typ == SheetTypeEnum.WorkSheet
        ]
    except Exception:  # noqa: BLE001 - metadata missing for some formats
        return [(n, False) for n in buku.sheet_names]


def _cek_berkas(path: Path) -> Path:
    path = Path(path)
    if not path.is_file():
        raise ImporError(f"berkas '{path}' tidak ada", "periksa nama dan foldernya")
    return path


def list_sheets(path: Path) -> list[str]:
    """Worksheet names of a spreadsheet, in order; ``[]`` for a CSV (it has no sheets)."""
    return [n for n, _ in list_sheets_hidden(path)]


def list_sheets_hidden(path: Path) -> list[tuple[str, bool]]:
    """Worksheets of a spreadsheet, in order, each with whether it is hidden; ``[]`` for a CSV."""
    path = _cek_berkas(path)
    if _jenis(path) == "csv":
        return []
    uji_baca(path)  # (opening reads the shared strings: a bomb there too)
    return _lembar_kerja(_buka_buku(path))


# --------------------------------------------------------------------------------------------
# Finding the header
# --------------------------------------------------------------------------------------------


def _teks(v) -> str:
    return v.strip() if type(v) is str else V.teks_sel(v).strip()


@dataclass(slots=True)
class _Kolom:
    j: int  # index in the source row
    grup: str
    sub: str
    nama: str  # display name
    kunci: str = ""  # schema key or a _status pseudo key
    #: "kunci" | "centang" (a tick column of a choice group) | "nomor" | "status" | "tanpa" (no
    #: header) | "" (unmatched)
    jenis: str = ""
    prio: tuple[int, int] = (9, 9)
    kode: str = ""  # a tick column: the code its tick gives
    lewat_grup: bool = False  # matched only by its group's name ("Keputusan / Tanggal")


def _cocokkan(
    kolom: list[_Kolom], register: str, peta: dict[str, str]
) -> tuple[list[_Kolom], list[str]]:
    """Fill ``kunci``/``jenis`` of each column; return the columns and notes on conflicts."""
    kamus = _kamus(register)
    catatan: list[str] = []
    ada_nomor = False
    calon: list[_Kolom] = []
    for k in kolom:
        if not k.nama:
            k.jenis = "tanpa"
            continue
        kand = _kandidat(k.grup, k.sub)
        hit = next(((i, peta[n]) for i, n in enumerate(kand) if n in peta), None)
        if hit:
            k.kunci, k.jenis, k.prio = hit[1], "kunci", (_R_PETA, hit[0])
            calon.append(k)
            continue
        if not ada_nomor and ((kand and kand[0] in _NOMOR_URUT) or k.nama in ("#", "№")):
            k.jenis, ada_nomor = "nomor", True
            continue
        if register == "permohonan":
            st = next((_STATUS[n] for n in kand if n in _STATUS), None)
            if st:
                k.kunci, k.jenis = st, "status"
                continue
        if k.grup and k.sub and (tick := _centang(register, k.grup, k.sub)):
            k.kunci, k.kode = tick
            k.jenis = "centang"
            continue
        best = None
        for i, n in enumerate(kand):
            if n in kamus:
                key, rank = kamus[n]
                if best is None or (rank, i) < best[0]:
                    best = ((rank, i), key, n)
                if i == 0 and k.grup and k.sub:  # "Identitas Kuasa / Alamat": the group and
                    break  # sub-header named together are more exact than "Alamat" alone
        if best:
            k.prio, k.kunci, k.jenis = best[0], best[1], "kunci"
            k.lewat_grup = bool(k.sub) and best[2] in _kandidat(k.grup, "") and best[0][1] > 0
            calon.append(k)
    # a group of tick columns owns its key: a sibling matched only by the group's name
    # ("Keputusan / Tanggal" beside "Keputusan / Diberikan | Ditolak") is no column of it
    berpilihan = {k.kunci for k in kolom if k.jenis == "centang"}
    for k in [k for k in calon if k.lewat_grup and k.kunci in berpilihan]:
        catatan.append(
            f"kolom '{k.nama}' hanya cocok dengan '{k.kunci}' lewat judul grupnya, yang dibaca "
            "dari kolom centangnya; isinya disimpan sebagai catatan"
        )
        k.kunci, k.jenis = "", ""
        calon.remove(k)
    dipakai: dict[str, _Kolom] = {}
    for k in sorted(calon, key=lambda k: (k.prio, k.j)):
        if k.kunci in dipakai:
            catatan.append(
                f"kolom '{k.nama}' juga cocok dengan '{k.kunci}', tetapi kunci itu sudah dipakai "
                f"kolom '{dipakai[k.kunci].nama}'; isinya disimpan sebagai catatan"
            )
            k.kunci, k.jenis = "", ""
        else:
            dipakai[k.kunci] = k
    for k in kolom:  # a column of the key's own beside its tick columns: the column wins
        if k.jenis == "centang" and k.kunci in dipakai:
            catatan.append(
                f"kolom centang '{k.nama}' juga cocok dengan '{k.kunci}', tetapi kunci itu sudah "
                f"dipakai kolom '{dipakai[k.kunci].nama}'; isinya disimpan sebagai catatan"
            )
            k.kunci, k.jenis, k.kode = "", "", ""
    return kolom, catatan


@cache
def _centang(register: str, grup: str, sub: str) -> tuple[str, str] | None:
    """A tick column of a choice group, as the Komisi Informasi's register book has them
    ("Keputusan" over "Diberikan | Diberikan Sebagian | Ditolak", "Alasan Keberatan" over
    "a … g"): the key the group names and the one code the sub-header names, read by that
    key's own wording rules; ``None`` for any other column."""
    kamus = _kamus(register)
    key = next((kamus[n][0] for n in _kandidat(grup, "") if n in kamus), None)
    if key is None or key in schema.TURUNAN:  # (a status is derived: a book's is only a note)
        return None
    col = schema.column(register, key)
    if col.tipe not in (schema.PILIHAN, schema.DAFTAR):
        return None
    # a sub-header naming something else ("Alasan Penolakan", "Tanggal Diberikan", "Ditolak,
    # alasan", "Uraian", another key's header) — unless it is one of the key's codes as it
    # stands ("Email" under "Cara Mendapatkan Salinan"); words in brackets only explain the
    # choice ("Ditolak (Pasal 17)", "Diberikan sebagian (alasan data pribadi)"). An objection
    # reason is spelled out in those words ("Biaya yang tidak wajar", "Waktu penyampaian
    # melebihi jangka waktu", "Alasan pengecualian (Pasal 17)"): there only a first word
    # naming something else counts
    n_sub = norm_header(sub)
    words = norm_header(_KURUNG.sub(" ", sub)).split()
    if key in _KATA_PILIHAN:
        naming_else = bool(words) and words[0] in _BUKAN_PILIHAN - _KATA_PILIHAN[key]
    else:
        naming_else = any(w in _BUKAN_PILIHAN for w in words)
    if n_sub not in {norm_header(c) for c in col.pilihan} and (
        naming_else or any(kamus[n][0] != key for n in _kandidat(sub, "") if n in kamus)
    ):
        return None
    try:
        kode = _pengubah(col, "")[0](sub)
    except V.NilaiError:
        return None
    return (key, kode) if kode and ";" not in kode else None


#: words of a sub-header that is no choice of its group (normalised, see norm_header)
_BUKAN_PILIHAN = frozenset(
    {"tanggal", "hari", "alasan", "uraian", "keterangan", "catatan", "nomor", "jumlah", "biaya",
     "pasal", "penjelasan", "rincian", "waktu", "jam", "pertimbangan", "dasar"}
)  # fmt: skip
#: of those, the words a choice of the key is written in (the reasons a–g, UU 14/2008 Pasal 35)
_KATA_PILIHAN = {"alasan": frozenset({"alasan", "biaya", "waktu", "pasal"})}


def _skor(kolom: list[_Kolom]) -> int:
    return len({k.kunci for k in kolom if k.jenis in ("kunci", "centang")})


def _susun_kolom(
    head: list[str], sub: list[str] | None, gabung_grup: dict[int, int] | None
) -> list[_Kolom]:
    """Columns from a header row (and a sub-header row): group names carried over merged or
    spanning cells."""
    head = [" ".join(t.split()) for t in head]
    sub = [" ".join(t.split()) for t in sub] if sub is not None else None
    lebar = max(len(head), len(sub or []))
    head = head + [""] * (lebar - len(head))
    sub = (sub or []) + [""] * (lebar - len(sub or []))
    grup = list(head)
    if gabung_grup is not None:
        for j, asal in gabung_grup.items():
            if j < lebar and not grup[j]:
                grup[j] = head[asal]
    else:  # no merge information: a blank header over a run of sub-headers belongs to the left
        for j in range(1, lebar):
            if not head[j] and sub[j] and sub[j - 1] and grup[j - 1]:
                grup[j] = grup[j - 1]
    out = []
    for j in range(lebar):
        g, s = grup[j], sub[j]
        nama = f"{g} / {s}" if g and s else (g or s)
        out.append(_Kolom(j, g, s, nama))
    return out


_ANGKA_KOLOM = re.compile(r"\(?\d{1,2}\)?")


def _baris_nomor_kolom(cells: list[str]) -> bool:
    """A row of column numbers (1, 2, 3 … or (1), (2) …) printed under an official header."""
    isi = [c for c in cells if c]
    if len(isi) < 3 or not all(_ANGKA_KOLOM.fullmatch(c) for c in isi):
        return False
    n = [int(c.strip("()")) for c in isi]
    return all(b > a for a, b in zip(n, n[1:], strict=False))


_SEPERTI_DATA = re.compile(r"[\d\s./:,+-]+")


def _bisa_sub(cells: list[str]) -> bool:
    """Whether a row could be a sub-header: some text, and no cell that looks like data (a number
    or a date)."""
    isi = [c for c in cells if c]
    return bool(isi) and not any(_SEPERTI_DATA.fullmatch(c) for c in isi)


@dataclass
class _Header:
    baris: int
    baris_sub: int | None
    kolom: list[_Kolom]
    catatan: list[str]
    data_mulai: int  # first row number after the header (and column-number row)
    head_teks: list[str]
    sub_teks: list[str] | None
    #: the filled cells of each title row above the header (a page's title, repeated per page)
    judul: frozenset[tuple[str, ...]] = frozenset()


def _cari_header(
    sumber, register: str, peta: dict[str, str]
) -> tuple[_Header | None, tuple[int, int, list[str]]]:
    """The header of the table, or None with the best row seen (row, score, matched keys)."""
    awal: list[tuple[int, list[str]]] = []
    nonblank = 0
    for rn, cells in sumber.baris():
        teks = [_teks(c) for c in cells]
        awal.append((rn, teks))
        if any(teks):
            nonblank += 1
        if nonblank > BARIS_PINDAI + 1 or len(awal) > 4 * BARIS_PINDAI:
            break
    gabungan = sumber.gabungan() or []
    terbaik: tuple[int, int, list[str]] = (0, 0, [])
    pilih: _Header | None = None
    pilih_skor = 0
    sendiri = [_cocokkan(_susun_kolom(teks, None, None), register, peta) for _, teks in awal]
    skor_sendiri = [_skor(k) for k, _ in sendiri]
    for i, (rn, teks) in enumerate(awal):
        if not any(teks):
            continue
        r0 = rn - 1  # 0-based row of merges
        satu, cat1 = sendiri[i]
        skor1 = skor_sendiri[i]
        kandidat = (skor1, satu, cat1, None)
        nxt = awal[i + 1] if i + 1 < len(awal) else None
        if nxt and any(nxt[1]) and _bisa_sub(nxt[1]):
            vertikal = any(a[0] == r0 and b[0] >= r0 + 1 for a, b in gabungan)
            grup = {
                j: a[1]
                for a, b in gabungan
                if a[0] == r0 and b[1] > a[1]
                for j in range(a[1] + 1, b[1] + 1)
            }
            dua, cat2 = _cocokkan(_susun_kolom(teks, nxt[1], grup or None), register, peta)
            skor2 = _skor(dua)
            di_bawah_kosong = any(
                s and (j >= len(teks) or not teks[j]) for j, s in enumerate(nxt[1])
            )
            # the rows read together must beat the next row read alone (else a title row above
            # a one-row header would pass for a group row)
            if skor2 > skor_sendiri[i + 1] and (
                vertikal or grup or skor2 > skor1 or (di_bawah_kosong and skor2 >= skor1)
            ):
                kandidat = (skor2, dua, cat2, nxt)
        skor = kandidat[0]
        if skor > terbaik[1]:
            terbaik = (rn, skor, sorted({k.kunci for k in kandidat[1] if k.jenis == "kunci"}))
        if skor >= MIN_COCOK and skor > pilih_skor:
            sub = kandidat[3]
            data_mulai = (sub[0] if sub else rn) + 1
            idx_next = i + (2 if sub else 1)
            if idx_next < len(awal) and _baris_nomor_kolom(awal[idx_next][1]):
                data_mulai += 1
            judul = frozenset(tuple(t for t in tt if t) for r, tt in awal[:i] if any(tt))
            pilih = _Header(
                rn, sub[0] if sub else None, kandidat[1], kandidat[2], data_mulai, teks,
                sub[1] if sub else None, judul,
            )  # fmt: skip
            pilih_skor = skor
    return pilih, terbaik


# --------------------------------------------------------------------------------------------
# Rows
# --------------------------------------------------------------------------------------------

#: Totals lines: their first filled cell starts with one of these.
_JUMLAH = re.compile(r"^(?:jumlah|total|sub ?total|grand total|rekap|rekapitulasi)\b")
#: Signature lines (one or two filled cells).
_TANDA_TANGAN = re.compile(
    r"^(?:mengetahui|menyetujui|disetujui|diketahui|dibuat oleh|yang membuat|kepala|ketua|"
    r"sekretaris|nip|a n|an|plt|plh|pejabat pengelola|ppid|atasan ppid|tanda tangan|ttd|"
    r"ditetapkan di|dikeluarkan di)\b"
)
#: A remark or footnote line (one or two filled cells): skipped, the table goes on.
_KETERANGAN = re.compile(
    r"^(?:keterangan|ket|catatan|nb|nomor yang pernah diberikan|jurnal saat buku ini dicetak)\b"
)
_KOTA_TANGGAL = re.compile(
    r"[a-z][a-z .'-]{1,40},\s*(?:[a-z']+,?\s+)?"
    r"(?:\d{1,2}\s+[a-z]+\.?\s+\d{4}|(?:[._]+\s*)?"
    + "(?:"
    + "|".join(sorted(V.BULAN_KATA, key=len, reverse=True))
    + r")\.?\s+\d{4}"
    r"|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4})"
)
_JUDUL_BAGIAN = re.compile(
    r"(?:bulan|triwulan|semester|periode)\b.*|"
    r"(?:januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|"
    r"november|nopember|desember)(?: \d{4})?"
)


#: a page number printed at the foot (or head) of each page
_KAKI = re.compile(r"(?:halaman|hal\.?|page)\s*\d+(?:\s*(?:dari|/|of)\s*\d+)?|[-–—]\s*\d+\s*[-–—]")

#: a masked phone number, NIK or e-mail (reports.privacy.mask): 0812******90, b***@gmail.com
_SAMARAN = re.compile(r"\d\*{3,}|\*{3,}[\d@]")
#: a choice cell that says more than its code: a date, a number, an explanation in brackets
_RINCI = re.compile(r"[\d(]")
#: decisions: any wording beyond one word and these (the atasan's has no code for part:
#: "Keberatan diterima sebagian" kept; "Menolak keberatan" is its code)
_KEPUTUSAN = ("keputusan", "keputusan_atasan", "putusan_sengketa")
_PENGISI = frozenset(
    "keberatan permohonan permintaan informasi pemohon atasan ppid oleh seluruhnya sepenuhnya "
    "semua telah sudah".split()
)


def _rinci(v: str, kode: str, keputusan: bool) -> bool:
    """Whether choice wording ``v`` says more than its code ``kode`` (then kept in catatan): a
    decision's "none yet" ("Proses", "Belum") too, as it has no code to say it."""
    if _RINCI.search(v):
        return True
    if not keputusan:
        return False
    if not kode:
        return bool(V.teks(v))
    kata = [w for w in V.norm_kata(v).split() if w not in _PENGISI]
    return len(kata) > 1 and " ".join(kata) != V.norm_kata(kode)


def _baris_penutup(isi: list[str]) -> str | None:
    """The text that makes this row (with no running number) a totals or signature line."""
    if not isi:
        return None
    if _JUMLAH.match(V.norm_kata(isi[0])):
        return isi[0]
    if len(isi) <= 2:
        for t in isi:
            if _TANDA_TANGAN.match(V.norm_kata(t)) or _KOTA_TANGGAL.fullmatch(t.strip().lower()):
                return t
    return None


def _tanda_tangan(isi: list[str]) -> bool:
    """A signature line (its first filled cell): the table ends above it."""
    t = _baris_penutup(isi[:1])
    return t is not None and not _JUMLAH.match(V.norm_kata(t))


def _keterangan(isi: list[str]) -> str | None:
    """The text that makes this row (one or two filled cells) a remark or footnote."""
    if 1 <= len(isi) <= 2:
        for t in isi:
            if _KETERANGAN.match(V.norm_kata(t)) or t.lstrip().startswith("*)"):
                return t
    return None


#: rows read ahead past a totals line or a remark for the case that continues the table: a
#: look-ahead to the sheet's end from every such row was quadratic (a merge down 6,000 rows of
#: a 1.8 KB file took 16 s, a far cell below it minutes)
LIHAT_MAKS = 50


class _Balik:
    """An iterator that can take items back (read ahead, then read them again)."""

    def __init__(self, it) -> None:
        self.it = iter(it)
        self.kembali: list = []

    def __iter__(self):
        return self

    def __next__(self):
        return self.kembali.pop() if self.kembali else next(self.it)

    def balikkan(self, items: list) -> None:
        self.kembali.extend(reversed(items))


def _angka_urut(v) -> bool:
    if type(v) is float or type(v) is int:
        return True
    return isinstance(v, str) and v.strip().rstrip(".").isdigit()


def _ingat(f: Callable[[object], str], maks: int = 50_000) -> Callable[[object], str]:
    """Memoise a parser over text cells (choice wording and dates repeat on every row)."""
    simpan: dict[str, str | tuple[str]] = {}

    def g(v: object) -> str:
        if type(v) is not str:
            return f(v)
        r = simpan.get(v)  # type: ignore[call-overload]
        if r is None:
            try:
                r = f(v)
            except V.NilaiError as e:
                r = (e.pesan,)
            if len(simpan) < maks:
                simpan[v] = r  # type: ignore[index]
        if type(r) is tuple:
            raise V.NilaiError(r[0])
        return r  # type: ignore[return-value]

    return g


def _pengubah(col: schema.Column, hari_ini: str) -> tuple[Callable[[object], str], bool]:
    """The parser of one column, and whether its results are worth memoising (choice wording and
    dates repeat on every row; names and NIKs do not). A date after ``hari_ini`` (ISO; "": no
    limit) is an error — a typo such as ``12/11/27`` — except in a deadline column."""
    k, tipe, nama = col.key, col.tipe, col.header
    if k == "nik":
        return V.nik, False
    if tipe in (schema.TANGGAL, schema.WAKTU):
        baca = V.tanggal if tipe == schema.TANGGAL else V.waktu
        if not hari_ini or k in schema.TENGGAT:
            return baca, tipe == schema.TANGGAL

        def sampai_hari_ini(v: object) -> str:
            t = baca(v)  # (a time of day alone, "20:30:00", has no date to judge: not "20:3…")
            if t[4:5] == "-" and t[:10] > hari_ini:
                raise V.NilaiError(f"tanggal {t[:10]} di masa depan (hari ini {hari_ini})")
            return t

        return sampai_hari_ini, tipe == schema.TANGGAL
    if tipe == schema.PILIHAN:
        aturan = V.ATURAN.get(k, ())
        return (lambda v: V.pilihan(v, col.pilihan, aturan, nama)), True
    if tipe == schema.DAFTAR:
        if k == "alasan":
            return (
                lambda v: V.daftar(
                    v, col.pilihan, V.ATURAN_ALASAN, nama, angka_ke_kode=V.ALASAN_ANGKA
                )
            ), True
        aturan = V.ATURAN_DOKUMEN if k == "dokumen" else ()
        return (lambda v: V.daftar(v, col.pilihan, aturan, nama)), True
    if tipe == schema.YA_TIDAK:
        return (lambda v: V.ya_tidak(v, nama)), True
    return V.teks, False


def _gabungan_data(
    path: Path, gabungan, data_mulai: int, kol_id: int | None
) -> tuple[dict[int, list[int]], dict[int, list[tuple[int, int]]], dict[int, int]]:
    """The merged cells that reach into the data rows, as three maps for the row walk.

    A cell merged down over several data rows (one date for a day's requests) holds its value
    in its first row only: the rows below read it from there — when they have running numbers
    of their own (No merged too, *kol_id*: one case written over two rows, left as it is).
    *gabungan*: the source's merges, ``((row0, col0), (row1, col1))`` 0-based, or None.
    Returns ``puncak`` (first row → merged columns), ``turun`` (row below → (column, first
    row)) and ``id_gabung`` (row → the first row of the case it continues); all empty when no
    column numbers the cases. Raises when the merges cover more than ``BATAS_ISI`` rows.
    """
    gabung = [g for g in gabungan or () if g[1][0] > g[0][0] and g[0][0] + 1 >= data_mulai]
    if sum(r1 - r0 for (r0, _), (r1, _) in gabung) > guard.BATAS_ISI:  # (each row below is walked)
        raise terlalu_luas(path, f"lebih dari {guard.BATAS_ISI:,} sel gabungan".replace(",", "."))
    puncak: dict[int, list[int]] = {}
    turun: dict[int, list[tuple[int, int]]] = {}
    if kol_id is None:
        return puncak, turun, {}
    id_gabung = {
        r: r0 + 1
        for (r0, k0), (r1, k1) in gabung
        if k0 <= kol_id <= k1
        for r in range(r0 + 2, r1 + 2)
    }
    for (r0, k0), (r1, _k1) in gabung:
        puncak.setdefault(r0 + 1, []).append(k0)
        for r in range(r0 + 2, r1 + 2):
            if r not in id_gabung:
                turun.setdefault(r, []).append((k0, r0 + 1))
    return puncak, turun, id_gabung


def _catatan_kolom(
    kolom: list[_Kolom],
    ada_kunci: set[str],
    kontak: list[_Kolom],
    atasan: list[_Kolom],
    centang: dict[str, list[_Kolom]],
    status: list[_Kolom],
    k_nomor: _Kolom | None,
    nomor_ke_registrasi: bool,
) -> list[str]:
    """How the unusual columns are read, one note each, for :attr:`Table.keterangan` (display
    text only: nothing reads it back)."""
    catatan = []
    for k in kontak:
        lain = "email" if k.kunci == "telepon" else "telepon"
        catatan.append(
            f"kolom '{k.nama}' dibaca menurut isinya: nomor ke telepon, alamat surel ke email"
            + ("" if lain in ada_kunci else f" (juga mengisi '{lain}')")
        )
    for k in atasan:
        catatan.append(f"kolom '{k.nama}' dipisah menjadi nama_atasan dan jabatan_atasan")
    for key, ks in centang.items():
        catatan.append(
            f"kolom centang '{ks[0].grup}' ("
            + ", ".join(f"{k.sub} → {k.kode}" for k in ks)
            + f") dibaca sebagai {key}: sel bercentang (✓, v, x, ya, 1) memberi kodenya"
        )
    if status:
        catatan.append(
            "kolom status informasi ("
            + ", ".join(f"'{k.nama}'" for k in status)
            + ") disimpan sebagai catatan; hanya mengisi keputusan bila kolom Keputusan kosong "
            "dan ada tanggal pemberitahuan/pemberian informasi"
        )
    tanpa = [k.nama.removeprefix("Kolom ") for k in kolom if k.jenis == "tanpa"]
    if tanpa:
        catatan.append(
            f"kolom tanpa judul: {', '.join(tanpa)}; isinya (bila ada) disimpan sebagai catatan"
        )
    if k_nomor is None:
        catatan.append("tidak ada kolom nomor urut (No)")
    elif nomor_ke_registrasi:
        catatan.append(
            f"kolom '{k_nomor.nama}' dibaca sebagai nomor urut; isinya yang berupa nomor "
            "registrasi (mis. 003/PPID/V/2019) menjadi nomor_registrasi, isi lain yang bukan "
            "angka urut disimpan sebagai catatan"
        )
    return catatan


def _buat_tabel(
    path: Path,
    lembar: str,
    sumber,
    register: str,
    hdr: _Header,
    hari_ini: str,
) -> Table:
    bernama = [k for k in hdr.kolom if k.jenis != "tanpa"]
    a = min(k.j for k in bernama)
    b = max(k.j for k in bernama) + 1
    kolom = [k for k in hdr.kolom if a <= k.j < b]
    # unique display names
    hitung = Counter(k.nama for k in kolom if k.nama)
    c0 = sumber.c0
    for k in kolom:
        if not k.nama:
            k.nama = f"Kolom {huruf(c0 + k.j)}"
        elif hitung[k.nama] > 1:
            k.nama = f"{k.nama} (kolom {huruf(c0 + k.j)})"
    header_mentah = [k.nama for k in kolom]
    pemetaan = {k.nama: k.kunci for k in kolom if k.jenis in ("kunci", "centang")}
    tidak_cocok = [k.nama for k in kolom if k.jenis in ("", "status")]
    cols = {c.key: c for c in schema.columns(register)}
    ada_kunci = set(pemetaan.values())

    kontak = [k for k in kolom if k.jenis == "kunci" and k.kunci in ("telepon", "email")]
    atasan = [
        k
        for k in kolom
        if k.jenis == "kunci" and k.kunci == "nama_atasan" and "jabatan" in norm_header(k.nama)
    ]
    centang: dict[str, list[_Kolom]] = {}
    for k in kolom:
        if k.jenis == "centang":
            centang.setdefault(k.kunci, []).append(k)
    kol_centang = [
        (key, [(k.j, k.kode, k.nama) for k in ks], cols[key].tipe == schema.DAFTAR,
         cols[key].pilihan)
        for key, ks in centang.items()
    ]  # fmt: skip
    # personal data masked by a report or an export (…, Mataram; b***@gmail.com; 0812******90)
    # is no value to store: the columns that may hold it, by key
    # (the NIK column too: a passport's number is read as text, see j_identitas)
    samaran = {}
    for k in kolom:
        if k.jenis == "kunci" and (
            cols[k.kunci].pribadi in ("alamat", "email", "teks") or k.kunci == "nik"
        ):
            samaran.setdefault(k.kunci, (k.nama, cols[k.kunci].pribadi == "alamat"))
    if kontak and "email" not in samaran:
        samaran["email"] = (kontak[0].nama, False)
    status = [k for k in kolom if k.jenis == "status"]
    #: the NIK column holds another identity's number when the row says which (a register
    #: ppidctl wrote: "Jenis Identitas" paspor or lainnya)
    j_identitas = next(
        (k.j for k in kolom if k.jenis == "kunci" and k.kunci == "nik"),
        -1,
    ) if "jenis_identitas" in ada_kunci else -1  # fmt: skip
    k_nomor = next((k for k in kolom if k.jenis == "nomor"), None)
    # a "No."/"Nomor" column may hold registration numbers (003/PPID/V/2019), not a count
    nomor_ke_registrasi = k_nomor is not None and "nomor_registrasi" not in ada_kunci
    keterangan = list(hdr.catatan) + _catatan_kolom(
        kolom, ada_kunci, kontak, atasan, centang, status, k_nomor, nomor_ke_registrasi
    )

    # per-column work, in column order
    # columns by kind, with absolute indexes into the source row
    kol_memo: list[tuple[int, str, Callable[[object], str], dict, str, bool | None]] = []
    kol_teks: list[tuple[int, str]] = []
    kol_lain: list[tuple[int, str, Callable[[object], str], str]] = []
    spesial: list[tuple[int, _Kolom]] = []
    lain_kol: list[tuple[int, str]] = []
    i_nomor = k_nomor.j if k_nomor is not None else None
    for k in kolom:
        if k.jenis == "kunci":
            col = cols[k.kunci]
            if k in kontak or k in atasan or col.tipe == schema.ANGKA:
                spesial.append((k.j, k))
            else:
                ubah, ingat = _pengubah(col, hari_ini)
                if ingat:
                    rinci = (  # "Ditolak (Pasal 17 huruf j)": the code, and the words kept
                        (k.kunci in _KEPUTUSAN) if col.tipe == schema.PILIHAN else None
                    )
                    kol_memo.append((k.j, k.kunci, ubah, {"": "", None: ""}, k.nama, rinci))
                elif ubah is V.teks:
                    kol_teks.append((k.j, k.kunci))
                else:
                    kol_lain.append((k.j, k.kunci, ubah, k.nama))
        elif k.jenis in ("", "status", "tanpa"):
            lain_kol.append((k.j, k.nama))
    status_kol = [(k.j, k.kunci) for k in status]
    kol_keputusan = next((h for h, key in pemetaan.items() if key == "keputusan"), None)
    wajib_kol = [
        k.j
        for k in kolom
        if k.jenis == "kunci"
        and cols[k.kunci].wajib
        and k.kunci not in schema.BOLEH_KOSONG_DI_IMPOR
    ]
    head_teks = hdr.head_teks + [""] * b
    head_cmp = [(k.j - a, head_teks[k.j]) for k in kolom if k.jenis == "kunci" and k.grup]
    head_cmp = [(j, t) for j, t in head_cmp if t][:4]
    sub_teks = None
    if hdr.sub_teks:
        sub_teks = (hdr.sub_teks + [""] * b)[a:b]
    lebar = b - a
    data_mulai = hdr.data_mulai
    teks_sel = V.teks_sel
    teks = V.teks
    perlu_bersih = V.perlu_bersih

    def _sel(c: object) -> str:
        return c if type(c) is str else teks_sel(c)

    kosong = V.KOSONG
    urutan = {k.nama: i for i, k in enumerate(kolom)}
    galat: Galat = sumber.galat
    i_tgl = next((k.j for k in kolom if k.jenis == "kunci" and k.kunci == "tanggal_diterima"), None)
    nama_kol = {k.j: k.nama for k in kolom}
    angka = _ingat(lambda v: "\x00".join(V.angka(v)))

    # the column that numbers each case: No, else the registration number
    kol_id = (
        i_nomor
        if i_nomor is not None
        else next(
            (k.j for k in kolom if k.jenis == "kunci" and k.kunci == "nomor_registrasi"), None
        )
    )
    puncak, turun, id_gabung = _gabungan_data(path, sumber.gabungan(), data_mulai, kol_id)

    # more than four cells with content: the required ones, and this many of the others
    perlu = 5 - len(wajib_kol)
    lain_j = [j for j in range(a, b) if j not in wajib_kol]
    judul = hdr.judul
    semua_judul = _kamus("permohonan").keys() | _kamus("keberatan").keys()
    kunci_ini = {k.kunci for k in kolom if k.jenis == "kunci"}
    # the No column when the registration number has its own: a count, never read
    j_hitungan = k_nomor.j if k_nomor is not None and not nomor_ke_registrasi else None
    hari_keliru: dict[object, str] = {}  # date text → its weekday is another (see V.hari_keliru)
    kunci_tanggal = {k for k, c in cols.items() if c.tipe == schema.TANGGAL}

    def hasilkan(rs: RowSource) -> Iterator[SourceRow]:
        lewati_sub = False
        atas: dict[tuple[int, int], object] = {}
        baris = _Balik(sumber.baris())
        for rn, cells in baris:
            if rn < data_mulai:
                continue
            n = len(cells)
            if n < b:
                cells = list(cells) + [""] * (b - n)
            if puncak and rn in puncak:
                for k in puncak[rn]:
                    atas[rn, k] = cells[k] if k < len(cells) else ""
            if turun and rn in turun:
                cells = list(cells)
                for k, r0 in turun[rn]:
                    if k < len(cells) and cells[k] in ("", None):
                        cells[k] = atas.get((r0, k), "")
            # the common case, a data row: every required column filled and more than four
            # cells with content (cells of only spaces do not count: a totals line among
            # formatted cells). It needs none of the checks below, which look at every cell's
            # text (made otherwise only for what a row keeps, or for a rejects file).
            if (
                wajib_kol
                and not lewati_sub
                and all(
                    (c := cells[i]) is not None
                    and (type(c) is not str or not c.isspace())
                    and c != ""
                    for i in wajib_kol
                )
                and _cukup(cells)
                and not (head_cmp and _sel(cells[a + head_cmp[0][0]]).strip() == head_cmp[0][1])
            ):
                r = _baris(rn, cells)
                if not r.masalah:
                    yield r
                    continue
                lain = _judul_tabel(cells)
                if lain is None:
                    yield r
                    continue
                if lain[0]:  # the header again, worded a little differently on a later page
                    rs.dilewati.append((rn, "judul kolom berulang"))
                    lewati_sub = True
                    continue
                rs.akhir = (rn, f"judul kolom tabel lain: {lain[1]}")
                rs.sesudah = [r for r, sisa in baris if _kasus(sisa)]
                return
            semua = [_sel(c) for c in cells]
            gabung = "".join(semua).strip()
            if not gabung:
                continue  # blank or formatted-but-empty
            mentah = semua[a:b]
            if i_nomor is not None and _angka_urut(cells[i_nomor]):
                if gabung == semua[i_nomor].strip():
                    continue  # a pre-numbered empty template row
            else:
                isi = [t for t in mentah if t and not t.isspace()]
                perabot = _perabot(semua)
                penutup = None if perabot else _baris_penutup(isi)  # (may fill many cells)
                sela = perabot or (penutup if penutup is not None else _keterangan(isi))
                if sela is not None:
                    # a totals line (a month's subtotal) or a remark: inside the table when a
                    # case follows before any signature, else (the grand total, a legend, a
                    # footnote block) the end of it; a signature line always ends it
                    lanjut, tunda = _kasus_menyusul(baris, penutup)
                    if not lanjut:
                        rs.akhir = (rn, sela.strip())
                        # rows below that still look like cases are told, never dropped silently
                        # (those the look-ahead read included)
                        rs.sesudah = [r for r, sisa in (*tunda, *baris) if _kasus(sisa)]
                        return
                    rs.dilewati.append((rn, sela.strip()))
                    baris.balikkan(tunda)
                    continue
                if len(isi) == 1 and _JUDUL_BAGIAN.fullmatch(V.norm_kata(isi[0])):
                    rs.dilewati.append((rn, isi[0].strip()))
                    continue
                if len(isi) == 1 and _judul_di_bawah(baris):  # "REGISTER KEBERATAN 2024"
                    rs.dilewati.append((rn, isi[0].strip()))
                    continue
            if lewati_sub:  # the rest of a repeated header block: sub-header, column numbers
                lewati_sub = False
                if sub_teks and [t.strip() for t in mentah] == sub_teks:
                    lewati_sub = True
                    continue
                if _baris_nomor_kolom([t.strip() for t in mentah]):
                    rs.dilewati.append((rn, "nomor kolom " + " ".join(mentah).strip()))
                    continue
            if head_cmp and mentah[head_cmp[0][0]].strip() == head_cmp[0][1]:
                if sum(mentah[j].strip() == t for j, t in head_cmp) >= min(2, len(head_cmp)):
                    rs.dilewati.append((rn, "judul kolom berulang"))
                    lewati_sub = True
                    continue
            yield _baris(rn, cells)

    def _kasus_menyusul(baris: _Balik, penutup: str | None) -> tuple[bool, list]:
        """After a totals line (*penutup*) or a remark (None): does a case follow before a
        signature, within :data:`LIHAT_MAKS` rows? Returns that, and the rows read ahead (not
        yet given back to *baris*). Only a subtotal or a remark looks ahead at all."""
        tunda: list = []
        if penutup is not None and not _JUMLAH.match(V.norm_kata(penutup)):
            return False, tunda
        for nxt in baris:
            tunda.append(nxt)
            # after a total only a case continues the table, one with its running number
            # where the table numbers them: a summary block below the grand total
            # ("Diberikan | 1 | Ditolak | 1") is none
            if penutup is None:
                kasus = _berisi_data(nxt[1]) or _bernomor(nxt[1]) or _terisi(nxt[1]) >= 3
            else:
                kasus = _bernomor(nxt[1]) or _kasus(nxt[1])
            if kasus:
                return True, tunda
            if _tanda_tangan(_isi(nxt[1])) and not _perabot(nxt[1]):
                break
            if len(tunda) >= LIHAT_MAKS:  # (no case close below: the end)
                break
        return False, tunda

    def _judul_di_bawah(baris: _Balik) -> bool:
        """Is a one-cell row the title of a table below: the next row with content (within
        five) a header? The rows read ahead are given back to *baris*."""
        tunda = []
        for nxt in baris:
            tunda.append(nxt)
            if _isi(nxt[1]) or len(tunda) >= 5:  # (a title: its header close below)
                break
        baris.balikkan(tunda)
        return bool(tunda) and _judul_tabel(tunda[-1][1]) is not None

    def _cukup(cells: list) -> bool:
        k = perlu
        if k <= 0:
            return True
        for j in lain_j:  # (stops at the first few: most cells of a data row are filled)
            c = cells[j]
            if c != "" and c is not None and (type(c) is not str or not c.isspace()):
                k -= 1
                if not k:
                    return True
        return False

    def _perabot(cells: list) -> str | None:
        """Page furniture in a printed register: a title row repeated on each page (the same
        cells as a title row above the header) or a page number ("Halaman 2", "- 2 -")."""
        isi = [t for c in cells if (t := _sel(c).strip())]
        if len(isi) == 1 and _KAKI.fullmatch(isi[0].lower()):
            return isi[0]
        return " ".join(isi) if judul and tuple(isi) in judul else None

    def _isi(cells: list) -> list[str]:
        return [t for c in cells[a:b] if (t := _sel(c).strip())]

    def _berisi_data(cells: list) -> bool:
        """Every required column filled, and not a signature spread over the columns (its
        first filled cell "Mengetahui", "Mataram, 31 Desember 2025")."""
        if not wajib_kol or not all(i < len(cells) and _sel(cells[i]).strip() for i in wajib_kol):
            return False
        isi = _isi(cells)
        return _bernomor(cells) or _baris_penutup(isi[:1]) is None

    def _bertanggal(cells: list) -> bool:
        """A receipt date that reads as one (a case; not a summary line's figure)."""
        if i_tgl is None or i_tgl >= len(cells):
            return True
        try:
            return V.parse_tanggal(cells[i_tgl]) is not None
        except V.NilaiError:
            return False

    def _judul_tabel(cells: list) -> tuple[bool, str] | None:
        """A row of column titles (three or more cells named as register columns are): with
        whether they are this table's own (a header repeated) and the titles; None for none."""
        judul = [t for c in cells if type(c) is str and norm_header(t := c.strip()) in semua_judul]
        if len(judul) < 3:
            return None
        kamus = _kamus(register)
        kunci = {kamus[n][0] for t in judul if (n := norm_header(t)) in kamus}
        sama = len(kunci) == len(judul) and kunci <= kunci_ini
        return sama, ", ".join(judul[:5]) + (", …" if len(judul) > 5 else "")

    def _kasus(cells: list) -> bool:
        """Looks like a case: every required column filled and a receipt date that reads."""
        return _berisi_data(cells) and _bertanggal(cells)

    def _bernomor(cells: list) -> bool:
        """A running number in the No column (see _angka_urut)."""
        return i_nomor is not None and i_nomor < len(cells) and _angka_urut(cells[i_nomor])

    def _terisi(cells: list) -> int:
        """Filled cells of a row that is not a signature or remark line."""
        isi = _isi(cells)
        return 0 if _baris_penutup(isi[:1]) or _keterangan(isi[:1]) else len(isi)

    def _baris(rn: int, cells: list) -> SourceRow:
        nilai: dict[str, str] = {}
        tambahan: dict[str, str] = {}
        masalah: list[Problem] = []
        g = galat.get(rn) if galat else None
        if g:  # an error or an uncalculated formula: a problem of its cell, never a value
            sel = list(cells)
            cells = list(cells)
            for j, (pesan, teks_asli) in g.items():
                if j < len(cells):
                    cells[j] = ""
                    sel[j] = teks_asli
                if pemetaan.get(nama_kol.get(j, "")) in schema.TURUNAN or j == j_hitungan:
                    continue  # (recomputed, or only counting rows: =A5+1 an edit left)
                masalah.append(Problem(rn, nama_kol.get(j) or f"Kolom {huruf(c0 + j)}", pesan))
        for i, key, ubah, memo, nama, rinci in kol_memo:
            v = cells[i]
            r = memo.get(v)
            if r is None:
                try:
                    r = ubah(v)
                except V.NilaiError as e:
                    r = (e.pesan,)
                else:  # wording with a date or an explanation: the code, and the words kept
                    if rinci is not None and type(v) is str and _rinci(v, r, rinci):
                        r = [r]
                    elif key in kunci_tanggal and (salah := V.hari_keliru(v)):
                        hari_keliru[v] = salah
                    if key in kunci_tanggal and V.hanya_hari_dulu(v):  # (once per text)
                        rs.hari_dulu.setdefault(nama, (rn, v.strip()))
                if len(memo) < MEMO_MAKS:
                    memo[v] = r
            if hari_keliru and v in hari_keliru:
                rs.hari_keliru.append((rn, nama, hari_keliru[v]))
            if type(r) is str:
                if r:
                    nilai[key] = r
            elif type(r) is list:  # (the code — none for "Dalam proses" — and the words)
                if r[0]:
                    nilai[key] = r[0]
                tambahan[nama] = _sel(v).strip()
            else:
                if key not in schema.TURUNAN:
                    masalah.append(Problem(rn, nama, r[0]))
                    if V.BULAN_DULU in r[0]:
                        rs.bulan_dulu.setdefault(nama, (rn, _sel(v).strip()))
                tambahan[nama] = _sel(v).strip()
        for i, key in kol_teks:
            v = cells[i]
            if type(v) is str and not perlu_bersih(v):  # plain text: the common case
                if v and v not in kosong:
                    nilai[key] = v
            elif key in _KATA and type(v) in (int, float):
                # a name or a request is words: a number cell here is no value to keep (an .xls
                # formula giving text whose result the file stores as 0, a pasted counter)
                masalah.append(Problem(rn, nama_kol.get(i) or key, _KATA[key].format(_sel(v))))
                tambahan[nama_kol.get(i) or key] = _sel(v)
            else:
                t = teks(v)
                if t:
                    nilai[key] = t
        for i, key, ubah, nama in kol_lain:
            v = cells[i]
            if v == "" or v is None:
                continue
            if i == j_identitas and nilai.get("jenis_identitas", "ktp") != "ktp":
                ubah = V.teks  # a passport's or a deed's number, kept as written (as the desk)
            try:
                t = ubah(v)
            except V.NilaiError as e:
                if key not in schema.TURUNAN:
                    masalah.append(Problem(rn, nama, e.pesan))
                tambahan[nama] = _sel(v).strip()
            else:
                if t:
                    nilai[key] = t
        for key, ks, banyak, urut in kol_centang:
            kode: list[str] = []
            for i, kd, nama in ks:
                v = cells[i]
                if v == "" or v is None:
                    continue
                try:
                    ya, sisa = V.centang(v)
                except V.NilaiError as e:
                    masalah.append(Problem(rn, nama, e.pesan))
                    tambahan[nama] = _sel(v).strip()
                    continue
                if ya:
                    kode.append(kd)
                if sisa:  # ("✓ Dinas Kominfo": the words kept)
                    tambahan[nama] = sisa
            if kode and (banyak or len(kode) == 1):
                nilai[key] = ";".join(k for k in urut if k in kode)
            elif kode:  # one choice ticked twice: never guessed
                masalah.append(
                    Problem(
                        rn, ks[0][2], f"lebih dari satu centang untuk {key}: " + ", ".join(kode)
                    )
                )
        for i, nama in lain_kol:
            v = cells[i]
            if v != "" and v is not None:
                t = _sel(v).strip()
                if t:
                    tambahan[nama] = t
        if i_nomor is not None:
            v = cells[i_nomor]
            if v != "" and v is not None and not _angka_urut(v):
                t = teks(v)
                if "/" in t and nomor_ke_registrasi:
                    nilai["nomor_registrasi"] = t
                elif t:
                    tambahan[k_nomor.nama] = t  # type: ignore[union-attr]
        if spesial:
            _spesial(rn, cells, nilai, tambahan, masalah)
        if i_tgl is not None and "waktu_diterima" not in nilai and "tanggal_diterima" in nilai:
            v = cells[i_tgl]  # a date cell with its time, "10/03/2026 09:15": the time is kept
            if (type(v) is dt.datetime and v.time() != dt.time(0)) or V.ada_jam(v):
                try:
                    w = V.waktu(v)
                except V.NilaiError:
                    w = ""  # (the date was read; a time that is not one is no time)
                if w and w[10:19] != "T00:00:00":  # (a script's midnight is no receipt time)
                    nilai["waktu_diterima"] = w
        if (
            status_kol
            and "keputusan" not in nilai
            and (kol_keputusan is None or not any(p.kolom == kol_keputusan for p in masalah))
        ):
            if nilai.get("tanggal_pemberitahuan") or nilai.get("tanggal_selesai"):
                kep = _keputusan_dari_status([(st, _sel(cells[i])) for i, st in status_kol])
                if kep:
                    nilai["keputusan"] = kep
        for key, (nama, alamat) in samaran.items():
            t = nilai.get(key)
            if t and (
                t[0] == "…" if alamat else "*" in t and (key == "nik" or _SAMARAN.search(t))
            ):  # (no identity number has a star: "******", "X*******" too)
                masalah.append(Problem(rn, nama, V.SAMARAN.format(t)))
        if lebar < len(cells):
            for j, c in enumerate(cells):
                if (j < a or j >= b) and c != "" and c is not None:
                    t = _sel(c).strip()
                    if t:
                        tambahan[f"Kolom {huruf(c0 + j)}"] = t
                        rs.di_luar.setdefault(huruf(c0 + j), rn)
        if rn in id_gabung:  # (its cells merged with the rows above: not empty, one case)
            masalah.insert(0, Problem(rn, "", f"{LANJUTAN} {id_gabung[rn]} "
                                      "(sel nomornya digabung dengan baris itu): gabungkan isi "
                                      f"baris ini ke baris {id_gabung[rn]} di berkas asal"))  # fmt: skip
        elif len(masalah) > 1:
            masalah.sort(key=lambda p: urutan.get(p.kolom, 0))
        return SourceRow(lembar, rn, nilai, tambahan, (sel if g else cells)[a:b], masalah)

    def _spesial(rn, cells, nilai, tambahan, masalah) -> None:
        tel_utama: list[str] = []
        tel_lain: list[str] = []
        mail_utama: list[str] = []
        mail_lain: list[str] = []
        raw_kontak: list[tuple[str, str]] = []
        for j, k in spesial:
            v = cells[j]
            raw = _sel(v).strip()
            try:
                if k.kunci in ("telepon", "email"):
                    if v == "" or v is None:
                        continue
                    ph, em, lebih = V.kontak(v)
                    if lebih and "*" in raw and _SAMARAN.search(raw):  # ("0812******90 / a@b.id")
                        raise V.NilaiError(V.SAMARAN.format(raw))
                    if k.kunci == "telepon":
                        tel_utama += ph
                        mail_lain += em
                    else:
                        mail_utama += em
                        tel_lain += ph
                    if lebih or len(ph) > 1 or len(em) > 1:
                        tambahan[k.nama] = raw
                    raw_kontak.append((k.nama, raw))
                elif k.kunci == "nama_atasan":
                    nama, jabatan = V.pisah_nama_jabatan(v)
                    if nama:
                        nilai["nama_atasan"] = nama
                    if jabatan:
                        if nilai.get("jabatan_atasan", "") in ("", jabatan):
                            nilai["jabatan_atasan"] = jabatan
                        else:
                            tambahan[k.nama] = raw
                else:  # ANGKA
                    if v == "" or v is None:
                        continue
                    jumlah, _, lebih = angka(v).partition("\x00")
                    if jumlah:
                        nilai[k.kunci] = jumlah
                    if lebih:
                        tambahan[k.nama] = raw
            except V.NilaiError as e:
                masalah.append(Problem(rn, k.nama, e.pesan))
                tambahan[k.nama] = raw
        if kontak:
            telepon = tel_utama + tel_lain
            email = mail_utama + mail_lain
            if telepon:
                nilai["telepon"] = telepon[0]
            if email:
                nilai["email"] = email[0]
            if len(telepon) > 1 or len(email) > 1:
                for nama, raw in raw_kontak:
                    tambahan.setdefault(nama, raw)

    rs = RowSource(hasilkan)
    return Table(
        berkas=path,
        lembar=lembar,
        baris_header=hdr.baris,
        pemetaan=pemetaan,
        tidak_cocok=tidak_cocok,
        header_mentah=header_mentah,
        rows=rs,
        baris_subheader=hdr.baris_sub,
        keterangan=keterangan,
    )


def _keputusan_dari_status(isi: list[tuple[str, str]]) -> str:
    for st, t in isi:
        n = V.norm_kata(t) or t.strip()  # ("✓" has no letters: the mark itself)
        if not n:
            continue
        if st == "_centang_belum" and n not in V.TIDAK:
            return "belum-didokumentasikan"
        if st == "_centang_tidak" and n not in V.TIDAK:
            return "tidak-dikuasai"
        if st == "_status":
            if "belum" in n:
                return "belum-didokumentasikan"
            if n in V.TIDAK or n.startswith("tidak"):
                return "tidak-dikuasai"
    return ""


# --------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------


def _tanpa_tabel(
    path: Path,
    lembar: str,
    register: str,
    terbaik: tuple[int, int, list[str]],
    tersembunyi: list[str] = (),  # type: ignore[assignment]
):
    letak = f"lembar '{lembar}'" if lembar else "berkas"
    saran = "periksa judul kolomnya, atau petakan kolom dengan --peta peta.toml"
    if tersembunyi:  # (the table may be on a sheet that is not read unless named)
        saran = (
            "lembar tersembunyi tidak dibaca: "
            + ", ".join(f"'{n}'" for n in tersembunyi)
            + f" — baca dengan --lembar NAMA; atau {saran}"
        )
    rinci = (
        f"; baris terbaik {terbaik[0]} hanya cocok {terbaik[1]} kolom ({', '.join(terbaik[2])})"
        if terbaik[1]
        else ""
    )
    return ImporError(
        f"tabel register {register} tidak ditemukan di '{path.name}' {letak}: tidak ada baris "
        f"judul kolom dengan sedikitnya {MIN_COCOK} kolom yang dikenali dalam {BARIS_PINDAI} "
        f"baris pertama{rinci}",
        saran,
    )


def read_tables(
    path: Path,
    register: str,
    *,
    lembar: str | None = None,
    pemisah: str | None = None,
    encoding: str | None = None,
    peta: Path | None = None,
    hari_ini: str = "",
) -> list[Table]:
    """The register table(s) of a legacy file, header matched, rows streamed.

    ``lembar``: a sheet name, ``"ALL"`` for every sheet that holds a table, or ``None`` for the
    first sheet that holds one. ``pemisah``/``encoding`` force the CSV delimiter/encoding
    (otherwise detected: ``; , tab |``; UTF-8 with or without BOM, UTF-16 with BOM, cp1252, then
    latin-1). ``peta``: a TOML file mapping source headers to schema keys. ``hari_ini`` (ISO):
    a later date is a problem of its row (deadline columns excepted).
    Raises :class:`ImporError` (a :class:`PpidError`) for what the user must fix."""
    path = _cek_berkas(path)
    if register not in REGISTER_IMPOR:
        raise ImporError(
            f"register '{register}' tidak bisa diimpor", f"pilih {' atau '.join(REGISTER_IMPOR)}"
        )
    jenis = _jenis(path)
    peta_map = _baca_peta(peta, register) if peta else {}

    if jenis == "csv":
        if lembar not in (None, "", SEMUA):
            raise ImporError("berkas CSV tidak punya lembar", "hapus pilihan --lembar")
        sumber = _SumberCsv(path, encoding, pemisah)
        hdr, terbaik = _cari_header(sumber, register, peta_map)
        if hdr is None:
            raise _tanpa_tabel(path, "", register, terbaik)
        t = _buat_tabel(path, "", sumber, register, hdr, hari_ini)
        t.encoding, t.pemisah = sumber.encoding, sumber.pemisah
        t.keterangan.insert(
            0,
            f"CSV: encoding {sumber.encoding}{' (terdeteksi)' if sumber.encoding_ditebak else ''}, "
            f"pemisah {'tab' if sumber.pemisah == chr(9) else repr(sumber.pemisah)}"
            f"{' (terdeteksi)' if sumber.pemisah_ditebak else ''}",
        )
        _peta_tak_terpakai(t, peta_map)
        return [t]

    if pemisah or encoding:
        raise ImporError(
            "--pemisah dan --encoding hanya untuk berkas CSV", "hapus pilihan itu untuk berkas ini"
        )
    uji_baca(path)
    buku = _buka_buku(path)
    semua = _lembar_kerja(buku)
    nama = [n for n, _ in semua]
    # a hidden sheet (a filled-in example, a lookup list) is read only when named
    tersembunyi = [n for n, h in semua if h]
    if lembar and lembar != SEMUA:
        cocok = [n for n in nama if n == lembar] or [
            n for n in nama if n.casefold().strip() == lembar.casefold().strip()
        ]
        if not cocok:
            raise ImporError(
                f"lembar '{lembar}' tidak ada di '{path.name}'",
                f"lembar yang ada: {', '.join(nama)}",
            )
        target = cocok[:1]
    else:
        target = [n for n in nama if n not in tersembunyi]
    hasil: list[Table] = []
    gagal: list[tuple[str, tuple[int, int, list[str]]]] = []
    for n in target:
        try:
            xml = baca_latar(path, n)
            sheet = buku.get_sheet_by_name(n)
        except Exception as e:  # noqa: BLE001
            raise ImporError(f"lembar '{n}' di '{path.name}' tidak bisa dibaca: {e}") from None
        try:
            dari_xml = xml()
        except MemoryError:  # (the sheet's XML, read beside calamine: never half of it)
            raise terlalu_luas(path, f"XML lembar '{n}' tidak muat di memori") from None
        sumber = _SumberLembar(sheet, dari_xml.galat, dari_xml.gabung or None)
        hdr, terbaik = _cari_header(sumber, register, peta_map)
        if hdr is None:
            gagal.append((n, terbaik))
            continue
        t = _buat_tabel(path, n, sumber, register, hdr, hari_ini)
        t.tersembunyi = dari_xml.tersembunyi
        _peta_tak_terpakai(t, peta_map)
        hasil.append(t)
        if lembar is None:
            if len(nama) > 1:
                t.keterangan.insert(
                    0,
                    f"dipakai lembar '{n}' (berkas punya {len(nama)} lembar: {', '.join(nama)}; "
                    "pilih dengan --lembar NAMA atau --lembar ALL)",
                )
            break
    if tersembunyi and hasil and (lembar is None or lembar == SEMUA):
        hasil[0].keterangan.insert(
            0,
            "lembar tersembunyi tidak dibaca: "
            + ", ".join(f"'{n}'" for n in tersembunyi)
            + " (baca dengan --lembar NAMA)",
        )
    if not hasil:
        n, terbaik = max(gagal, key=lambda g: g[1][1]) if gagal else ("", (0, 0, []))
        unnamed = lembar is None or lembar == SEMUA
        raise _tanpa_tabel(path, n, register, terbaik, tersembunyi if unnamed else [])
    if lembar == SEMUA and gagal:
        hasil[0].keterangan.insert(
            0, "lembar tanpa tabel dilewati: " + ", ".join(f"'{n}'" for n, _ in gagal)
        )
    return hasil


def _peta_tak_terpakai(t: Table, peta: dict[str, str]) -> None:
    if not peta:
        return
    ada = set()
    for nama in t.header_mentah:
        ada.update(_kandidat(nama, ""))
        if " / " in nama:
            g, s = nama.split(" / ", 1)
            ada.update(_kandidat(g, s))
    for n, key in peta.items():
        if n not in ada:
            t.keterangan.append(f"peta: kolom '{n}' (→ {key}) tidak ada di tabel ini")
