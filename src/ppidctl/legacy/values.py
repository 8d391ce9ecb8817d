"""Cell value parsers for legacy registers: one cell in, one canonical string out.

Each parser takes the value exactly as the reader got it (``str`` from a CSV or a text cell;
``float``, ``int``, ``bool``, ``datetime.date``/``datetime`` from a typed spreadsheet cell) and
returns the string the register stores (dates ``YYYY-MM-DD``, codes from the schema's ``pilihan``,
lists joined with ``;``), or raises :class:`NilaiError` with an Indonesian message naming the raw
value. The reader turns that into a per-row problem; nothing here guesses a value it cannot prove:

- dates are always day-first; an impossible date (``31/02/2026``) is an error, not the nearest day;
- a date cell is held to the same year range (1950–2099) as a typed date, and a time of day alone
  (a time cell, or LibreOffice's date-time on day 0, 1899-12-30) is not a date;
- a NIK that went through an Excel number cell and lost digits is *damaged*, never "repaired";
- free text is trimmed, runs of spaces collapsed, and HTML remnants of web exports removed.

A lone dash (``-``, ``–``, ``—``) is the usual "nothing here" mark of hand-kept registers and reads
as empty in every column.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
import unicodedata

from ..letters.fmt import HARI, tanggal_panjang

# placeholders that mean "empty" in hand-kept registers ("-"), and words a clerk writes for "none"
# in a NIK, contact or date cell ("NIHIL"; not in free text or a decision, where "tidak ada" may be
# the words themselves)
from ..rules.validation import KOSONG, NOL_TRUNK, TIADA

__all__ = [
    "NilaiError",
    "teks_sel",
    "teks",
    "bersihkan",
    "tanggal",
    "waktu",
    "nik",
    "kontak",
    "telepon",
    "email",
    "angka",
    "pilihan",
    "daftar",
    "ya_tidak",
    "pisah_nama_jabatan",
    "KOSONG",
]


class NilaiError(ValueError):
    """One cell that cannot be read as its column's type; ``pesan`` is Indonesian."""

    def __init__(self, pesan: str) -> None:
        super().__init__(pesan)
        self.pesan = pesan


_NON_KATA = re.compile(r"[^\w]+|_")
_BUKAN_DIGIT = re.compile(r"\D")


# --------------------------------------------------------------------------------------------
# Raw text and free text
# --------------------------------------------------------------------------------------------


def teks_sel(v: object) -> str:
    """The text of a cell as the user sees it: for ``mentah``, ``tambahan`` and messages.

    Whole numbers lose Excel's ``.0`` (``5271051512683430.0`` → ``5271051512683430``, never
    ``5.27e+15``); dates are ISO.
    """
    if v is None:
        return ""
    t = type(v)
    if t is str:
        return v  # type: ignore[return-value]
    if t is float:
        f: float = v  # type: ignore[assignment]
        if f.is_integer():
            return str(int(f))
        return repr(f)
    if t is bool:
        return "TRUE" if v else "FALSE"
    if t is int:
        return str(v)
    if isinstance(v, dt.datetime):
        if v.time() == dt.time(0):
            return v.date().isoformat()
        return v.isoformat(sep=" ")
    if isinstance(v, dt.date | dt.time):
        return v.isoformat()
    return str(v)


_HTML_TAGS = (
    "a|abbr|b|big|blockquote|body|br|center|code|col|colgroup|dd|div|dl|dt|em|font|h[1-6]|head|"
    "hr|html|i|img|label|li|link|meta|o:p|ol|p|pre|s|small|span|strike|strong|sub|sup|table|"
    "tbody|td|tfoot|th|thead|title|tr|tt|u|ul"
)
_HTML_BLOCK = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_HTML_BREAK = re.compile(r"<(?:br|/p|/div|/li|/tr|/h[1-6]|hr)\b[^<>]*>", re.I)
_HTML_TAG = re.compile(rf"<!--.*?-->|</?(?:{_HTML_TAGS})(?:\s[^<>]*)?/?>", re.I | re.S)
_HTML_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});")
_SPASI = re.compile(r"[ \t\xa0\u2007\u202f\u3000]+")
#: zero-width characters, and control characters other than tab and line breaks (a NUL byte
#: from a damaged CSV): invisible, never part of a value
_NOL_LEBAR = re.compile(
    r"[\u200b\u200c\u200d\u2060\ufeff\ufffe\uffff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)


def hapus_html(s: str) -> str:
    """Remove tags and decode entities left by web exports (``<br>`` becomes a line break).

    Only real HTML tag names are removed, so text such as ``<5 tahun>`` or ``PT A & B`` survives.
    """
    if "<" in s:
        s = _HTML_BLOCK.sub("", s)
        s = _HTML_BREAK.sub("\n", s)
        s = _HTML_TAG.sub("", s)
    if "&" in s and _HTML_ENTITY.search(s):
        s = html.unescape(s)
    return s


def perlu_bersih(s: str) -> bool:
    """Whether :func:`bersihkan` would change ``s`` (fast: no regex; ``isprintable`` is false for
    tabs, line breaks, no-break and zero-width spaces)."""
    return (
        not s.isprintable()
        or "  " in s
        or s[:1] in (" ", "'")
        or ("'" in s and ("," in s or ";" in s))  # (a guard inside: see tanpa_penjaga)
        or s[-1:] == " "
        or "<" in s
        or "&" in s
        or not (s.isascii() or unicodedata.is_normalized("NFC", s))
    )


#: what a CSV export puts before text a spreadsheet would run as a formula (``'=SUM…``,
#: ppidctl.formula.csv_safe): the apostrophe is the export's, not the text's
_PENJAGA_RUMUS = ("'=", "'+", "'-", "'@", "'\t", "'\r")


_PENJAGA_DALAM = re.compile(r"([,;\t] *)'(?=[=@]|[+-](?![\d.]*(?:[,;\t]|$)))")


def tanpa_penjaga(s: str) -> str:
    """``s`` without the apostrophes a CSV export (or a rejects file) put before a formula: at
    its start, and after a separator inside it (ppidctl.formula.INSIDE)."""
    s = s[1:] if s.startswith(_PENJAGA_RUMUS) else s
    return _PENJAGA_DALAM.sub(r"\1", s) if "'" in s else s


def bersihkan(s: str) -> str:
    """Free text: HTML remnants stripped, each line trimmed with runs of spaces collapsed, blank
    lines dropped (line breaks typed inside a cell are kept), in one Unicode form (NFC, as the
    desk stores text: an "é" pasted from a PDF as e + accent is one character), without the
    apostrophe a CSV export puts before ``=``, ``+``, ``-``, ``@``."""
    if not perlu_bersih(s):
        return s
    s = tanpa_penjaga(s)
    if not s.isascii():
        s = unicodedata.normalize("NFC", s)
    s = hapus_html(s)
    s = _NOL_LEBAR.sub("", s)
    if "\r" in s:
        s = s.replace("\r\n", "\n").replace("\r", "\n")
    lines = (_SPASI.sub(" ", line).strip() for line in s.split("\n"))
    return "\n".join(line for line in lines if line)


def teks(v: object) -> str:
    """Free text of any cell (numbers without Excel's ``.0``); a lone dash is empty."""
    s = bersihkan(v) if type(v) is str else teks_sel(v)  # type: ignore[arg-type]
    return "" if s in KOSONG else s


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------

_BULAN = {
    "januari": 1, "jan": 1, "january": 1, "janu": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "febr": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3, "mrt": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agst": 8, "agus": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9, "spt": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12, "nopem": 11,
}  # fmt: skip
_HARI = (
    r"senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun"
)
_AWALAN_HARI = re.compile(rf"^(?:hari\s+)?({_HARI})\b\.?\s*[,/]?\s*", re.I)
#: weekday (Monday = 0) of each name a day is written with
_HARI_KE = {
    **dict.fromkeys(("senin", "monday", "mon"), 0),
    **dict.fromkeys(("selasa", "tuesday", "tue"), 1),
    **dict.fromkeys(("rabu", "wednesday", "wed"), 2),
    **dict.fromkeys(("kamis", "thursday", "thu"), 3),
    **dict.fromkeys(("jumat", "jum'at", "friday", "fri"), 4),
    **dict.fromkeys(("sabtu", "saturday", "sat"), 5),
    **dict.fromkeys(("minggu", "ahad", "sunday", "sun"), 6),
}
#: "Tgl. 10 Maret 2026", "Tanggal: 10/03/2026"
_AWALAN_TGL = re.compile(r"^(?:tgl|tanggal)\b\.?\s*:?\s*", re.I)
#: a month in Roman numerals, as Indonesian letters number it (10/III/2026)
_BULAN_ROMAWI = {r.lower(): i for i, r in enumerate(
    ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"), 1)}  # fmt: skip
_JAM = re.compile(
    r"(?:\s*,)?\s+(?:pukul|jam|pk\.?)?\s*\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?"
    r"(?:\s*(?:wita|wib|wit|am|pm))?$",
    re.I,
)
_ISO = re.compile(
    r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?",
    re.I,
)
_DMY = re.compile(r"(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})")
_D_BULAN_Y = re.compile(
    r"(\d{1,2})(?:\s*[-/.]\s*|\s+)([a-z]+)\.?(?:\s*[-/.,]\s*|\s+)('?\d{2}|\d{4})"
)
_SERIAL = re.compile(r"\d{5}(?:[.,]0+)?")
#: said of a slash date valid only month-first (1/20/2026): the reader marks its column
BULAN_DULU = "tampak ditulis bulan-dulu"
#: a slash date that reads both ways (1/5/2026: 1 May or 5 January)
DUA_ARTI = re.compile(r"\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(?:\d{4}|\d{2})\b.*", re.S)


#: a date as an English-locale Excel takes one typed (05/01/2026, 05-01-2026): day, month
TERKETIK = re.compile(r"\s*(\d{1,2})\s*([/-])\s*(\d{1,2})\s*\2\s*(?:\d{4}|\d{2})\s*")


def hanya_hari_dulu(v: object) -> bool:
    """Text typed as a date that reads only day-first (13/01/2026, 13-01-2026)."""
    m = TERKETIK.fullmatch(v) if type(v) is str else None
    return bool(m) and int(m[1]) > 12 and int(m[3]) <= 12


#: Sane range for dates in a register (also bounds Excel serials: 18264 = 1950-01-01).
TAHUN_MIN, TAHUN_MAX = 1950, 2099
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01 (Lotus leap-year bug for < 61)
_SERIAL_MIN = (dt.date(TAHUN_MIN, 1, 1) - _EXCEL_EPOCH).days
_SERIAL_MAX = (dt.date(TAHUN_MAX, 12, 31) - _EXCEL_EPOCH).days
_HARI_NOL = _EXCEL_EPOCH + dt.timedelta(days=1)  # "1900-01-00": a time cell's day


def _buat_tanggal(y: int, m: int, d: int, raw: str) -> dt.date:
    try:
        hasil = dt.date(y, m, d)
    except ValueError:
        raise NilaiError(f"tanggal '{raw}' tidak ada") from None
    if not TAHUN_MIN <= y <= TAHUN_MAX:
        raise NilaiError(f"tanggal '{raw}' di luar rentang tahun {TAHUN_MIN}–{TAHUN_MAX}")
    return hasil


def _dari_serial(n: float, raw: str) -> dt.date:
    if not _SERIAL_MIN <= n <= _SERIAL_MAX:
        raise NilaiError(
            f"angka {raw} bukan tanggal (nomor seri Excel di luar {TAHUN_MIN}–{TAHUN_MAX})"
        )
    return _EXCEL_EPOCH + dt.timedelta(days=int(n))


def _tahun(s: str) -> int:
    s = s.lstrip("'")
    y = int(s)
    return 2000 + y if len(s) == 2 else y


def _sel_tanggal(v: dt.date | dt.time) -> dt.date:
    """The date of a typed cell, held to the same year range as a typed date; a time of day alone
    (a time cell, or a date-time on Excel's day 0 — 1899-12-30, or 1899-12-31 shown as
    1900-01-00) is no date."""
    if isinstance(v, dt.time) or (isinstance(v, dt.datetime) and v.date() <= _HARI_NOL):
        jam = (v if isinstance(v, dt.time) else v.time()).isoformat(timespec="minutes")
        raise NilaiError(f"'{jam}' hanya jam, bukan tanggal")
    d = v.date() if isinstance(v, dt.datetime) else v
    if not TAHUN_MIN <= d.year <= TAHUN_MAX:
        raise NilaiError(f"tanggal '{teks_sel(v)}' di luar rentang tahun {TAHUN_MIN}–{TAHUN_MAX}")
    return d


def parse_tanggal(v: object) -> dt.date | None:
    """A date from a cell; ``None`` when empty. Day-first always."""
    t = type(v)
    if t is dt.date or t is dt.datetime or t is dt.time:
        return _sel_tanggal(v)  # type: ignore[arg-type]
    if t is float or t is int:
        return _dari_serial(v, teks_sel(v))  # type: ignore[arg-type]
    if t is not str:
        raise NilaiError(f"'{teks_sel(v)}' bukan tanggal")
    raw: str = v  # type: ignore[assignment]
    s = _huruf_kecil(raw)
    if not s or s in KOSONG or s in TIADA:
        return None
    s = _JAM.sub("", _tanpa_awalan(s)[0]).strip(" ,.")  # ("10 Maret 2026." as a sentence ends)
    return _tanggal_teks(s, raw)


def _huruf_kecil(s: str) -> str:
    """A typed value cleaned, lower case, its apostrophes one kind (Word types ’)."""
    return bersihkan(s).lower().replace("’", "'").replace("`", "'")


def _tanpa_awalan(s: str) -> tuple[str, re.Match | None]:
    """A lower-cased typed date without what clerks write before it — 'Tgl.', a weekday, or
    both ('Senin, tgl 9 Maret 2026', 'Hari Senin tanggal 9 Maret 2026') — and the weekday."""
    s = _AWALAN_TGL.sub("", s)
    hari = _AWALAN_HARI.match(s)
    return (_AWALAN_TGL.sub("", s[hari.end() :]) if hari else s), hari


def hari_keliru(v: object) -> str | None:
    """For a date written with its weekday ("Senin, 10 Maret 2026"), what is wrong when that
    day is another weekday: the date is read as written (day-first, the weekday aside), and the
    weekday the clerk wrote is told, the clue that the day number may be a typo."""
    if type(v) is not str:
        return None
    hari = _tanpa_awalan(_huruf_kecil(v))[1]
    if not hari:
        return None
    try:
        d = parse_tanggal(v)
    except NilaiError:
        return None
    if d is None or d.weekday() == _HARI_KE.get(hari[1].replace("'", ""), d.weekday()):
        return None
    return (
        f"'{v.strip()}': {tanggal_panjang(d)} adalah hari "
        f"{HARI[d.weekday()]}, bukan {hari[1].capitalize()} — dibaca {d.isoformat()}; "
        "periksa tanggalnya"
    )


def _tanggal_teks(s: str, raw: str) -> dt.date:
    """A date written as text (already without weekday, time, prefix)."""
    m = _DMY.fullmatch(s)
    if m:
        if m[2] == "/" and 1 <= int(m[1]) <= 12 < int(m[3]) <= 31:  # 1/20/2026
            raise NilaiError(f"tanggal '{raw}' tidak ada (bulan {int(m[3])}; {BULAN_DULU})")
        return _buat_tanggal(_tahun(m[4]), int(m[3]), int(m[1]), raw)
    m = _D_BULAN_Y.fullmatch(s)
    if m:
        bulan = _BULAN.get(m[2]) or _BULAN_ROMAWI.get(m[2])
        if bulan is None:
            raise NilaiError(f"tanggal '{raw}': nama bulan '{m[2]}' tidak dikenal")
        return _buat_tanggal(_tahun(m[3]), bulan, int(m[1]), raw)
    m = _ISO.fullmatch(s)
    if m:
        return _buat_tanggal(int(m[1]), int(m[2]), int(m[3]), raw)
    if _SERIAL.fullmatch(s):
        return _dari_serial(float(s.replace(",", ".")), raw)
    raise NilaiError(f"tanggal '{raw}' tidak dikenali (tulis mis. 10/03/2026 atau 10 Maret 2026)")


def tanggal(v: object) -> str:
    """``YYYY-MM-DD`` (or ``""``) from an Excel date cell, an Excel serial number, or text such as
    ``10 Maret 2026``, ``Senin, 10 Maret 2026``, ``10 Mar 26``, ``10/03/2026``, ``10/3/2026``,
    ``10-03-26``, ``10.03.2026`` or ISO ``2026-03-10``. Two-digit years are 20xx. A weekday
    prefix is dropped without checking it against the date."""
    d = parse_tanggal(v)
    return d.isoformat() if d else ""


_ZONA = {"wib": "+07:00", "wita": "+08:00", "wit": "+09:00"}
_JAM_SAJA = re.compile(
    r"(?:pukul|jam|pk\.?)?\s*(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(wita|wib|wit)?", re.I
)


def _jam(h: int, mi: int, se: int) -> dt.time | None:
    if h < 24 and mi < 60 and se < 60:
        return dt.time(h, mi, se)
    return None


def ada_jam(v: object) -> bool:
    """Whether a date written as text carries a time ("10/03/2026 09:15", "10 Maret 2026 pukul
    09.00", "2026-03-10T09:15"), which the receipt keeps."""
    if type(v) is not str:
        return False
    s = _tanpa_awalan(_huruf_kecil(v))[0]  # ('Tgl. 20.03.26' is a date, not 20:03:26)
    return ":" in s or bool(_JAM.search(s))


def waktu(v: object) -> str:
    """A timestamp ``YYYY-MM-DDTHH:MM:SS``, or a time of day alone ``HH:MM:SS`` (a time cell,
    ``09.15``, ``pukul 09:15 WITA``) that the caller puts on the row's receipt date; a UTC offset
    only when the source states one (``+08:00``, or WIB/WITA/WIT): the caller adds the office's
    otherwise."""
    if isinstance(v, dt.time):
        return v.replace(microsecond=0, tzinfo=None).isoformat()
    if isinstance(v, dt.datetime):
        if v.date() <= _HARI_NOL:  # a time cell as LibreOffice gives it
            return v.time().replace(microsecond=0).isoformat()
        _sel_tanggal(v)
        return v.replace(microsecond=0).isoformat()
    if (type(v) is float or type(v) is int) and 0 <= v < 1:  # Excel's fraction of a day
        detik = round(v * 86400)  # type: ignore[operator]
        return dt.time(detik // 3600 % 24, detik // 60 % 60, detik % 60).isoformat()
    if type(v) is str:
        s = bersihkan(v)  # type: ignore[arg-type]
        if not s or s in KOSONG:
            return ""
        m = _JAM_SAJA.fullmatch(s)
        if m:
            t = _jam(int(m[1]), int(m[2]), int(m[3] or 0))
            if t is None:
                raise NilaiError(f"jam '{s}' tidak ada")
            return t.isoformat() + _ZONA.get((m[4] or "").lower(), "")
        if ":" in s:
            try:
                return dt.datetime.fromisoformat(s.replace(" ", "T", 1)).isoformat()
            except ValueError:
                pass
        jam = re.search(r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(wita|wib|wit)?$", s, re.I)
        if jam:
            d = parse_tanggal(s)
            t = _jam(int(jam[1]), int(jam[2]), int(jam[3] or 0))
            if d and t:
                return dt.datetime.combine(d, t).isoformat() + _ZONA.get((jam[4] or "").lower(), "")
    try:
        d = parse_tanggal(v)
    except NilaiError:
        raise NilaiError(
            f"waktu '{teks_sel(v)}' tidak dikenali (tulis mis. 09.15, 09:15 WITA atau "
            "10/03/2026 09:15)"
        ) from None
    if d is None:
        return ""
    raise NilaiError(f"waktu '{teks_sel(v)}' tanpa jam (tulis mis. 10/03/2026 09:15)")


# --------------------------------------------------------------------------------------------
# NIK
# --------------------------------------------------------------------------------------------

_NIK_BUANG = str.maketrans("", "", " \t\xa0'’‘`.-")
_ILMIAH = re.compile(r"\d(?:[.,]\d+)?\s*e\s*\+?\s*\d{1,2}", re.I)
_MAKS_EXACT = 2**53


def nik(v: object) -> str:
    """A 16-digit NIK from text (spaces, dots, dashes and a leading apostrophe removed) or a number
    cell.

    A number cell that held 16 digits went through Excel's 15 significant digits: its last digit
    became 0, so any numeric NIK ending in 0 (or longer than 16 digits, or beyond the exact range of
    a double) is damaged; a 15-digit number lost a digit. Both raise "NIK rusak", never repaired.
    A numeric 16-digit NIK whose last digit is not 0 cannot have been rounded and is accepted.
    Text in scientific notation (``5,27101E+15``, from a CSV saved by Excel) is damaged too.
    """
    t = type(v)
    if t is str and len(v) == 16 and v.isdigit() and v.isascii():  # type: ignore[arg-type]
        return v  # type: ignore[return-value]  # (typed as text, as it should be: most rows)
    if t is float or t is int:
        raw = teks_sel(v)
        if t is float and not v.is_integer():  # type: ignore[union-attr]
            raise NilaiError(f"NIK rusak (dibulatkan Excel): {raw}")
        n = int(v)  # type: ignore[call-overload]
        s = str(n)
        if len(s) >= 16 and (s.endswith("0") or len(s) > 16 or n > _MAKS_EXACT):
            raise NilaiError(
                f"NIK rusak (dibulatkan Excel): {s} — sel berupa angka, Excel hanya menyimpan "
                "15 digit; ketik ulang NIK dari KTP sebagai teks"
            )
        if len(s) == 15:
            raise NilaiError(
                f"NIK rusak (kehilangan satu digit): {s} — sel berupa angka 15 digit; "
                "ketik ulang NIK dari KTP sebagai teks"
            )
        if len(s) != 16:
            raise NilaiError(f"NIK '{s}' harus 16 digit (ada {len(s)})")
        return s
    if t is not str:
        raise NilaiError(f"NIK '{teks_sel(v)}' bukan angka")
    raw = bersihkan(v)  # type: ignore[arg-type]
    if not raw or raw in KOSONG or raw.lower() in TIADA:
        return ""
    if _ILMIAH.fullmatch(raw.lstrip("'")):
        raise NilaiError(
            f"NIK rusak (dibulatkan Excel): {raw} — digitnya sudah hilang; ketik ulang NIK dari KTP"
        )
    d = raw.translate(_NIK_BUANG)
    if not (d.isascii() and d.isdigit()):
        raise NilaiError(SAMARAN.format(raw) if "*" in raw else f"NIK '{raw}' bukan angka")
    if len(d) != 16:
        raise NilaiError(f"NIK '{raw}' harus 16 digit (ada {len(d)})")
    return d


#: a value masked by a report or an export (reports.privacy.mask: 5271**********01, …, Mataram)
SAMARAN = (
    "data pribadi disamarkan ('{}'): berkas ini ekspor atau laporan yang disensor — impor dari "
    "ekspor --tanpa-sensor atau dari register aslinya"
)


# --------------------------------------------------------------------------------------------
# Contacts: phone and e-mail, also from one "Nomor kontak (telepon/e-mail)" cell
# --------------------------------------------------------------------------------------------

_EMAIL = re.compile(r"(?:mailto:)?([^@\s,;/<>()\[\]]+@[^@\s,;/<>()\[\]]+\.[A-Za-z]{2,})", re.I)
_NOMOR = re.compile(r"(?:\+|\b00)?\(?\d[\d \t\-.()]{4,}\d")
_LABEL_KONTAK = re.compile(
    r"\b(?:hp|wa|whatsapp|telp?|tlp|telepon|telpon|phone|ponsel|kantor|rumah|no|nomor|"
    r"e-?mail|surel|fax|faks|dan|atau)\b|[\s/,;:|&+\-.()\[\]]",
    re.I,
)


def _nomor_nasional(digits: str, plus: bool) -> str:
    if digits.startswith("62") and (plus or len(digits) >= 10):
        return "0" + digits[2:]
    if plus:
        return "+" + digits
    if digits.startswith("0") or len(digits) < 9:
        return digits  # national form already, or a local number without area code
    return "0" + digits  # a number cell (or an Excel-made CSV) lost the leading 0


def kontak(v: object) -> tuple[list[str], list[str], bool]:
    """Phones and e-mails found in one cell, and whether other words were left over.

    Phones are normalised to the national form: separators removed, ``+62``/``62`` becomes ``0``,
    a number of 9 or more digits that lost its leading 0 in an Excel number cell gets it back
    (``81234567890`` → ``081234567890``; a shorter one is a local number and stays); other
    country codes keep their ``+``. E-mails are kept as typed.
    """
    t = type(v)
    if t is float or t is int:
        if t is float and not v.is_integer():  # type: ignore[union-attr]
            raise NilaiError(f"nomor kontak '{teks_sel(v)}' tidak dikenali")
        return [_nomor_nasional(str(int(v)), False)], [], False  # type: ignore[call-overload]
    s = bersihkan(teks_sel(v)).lstrip("'’")  # (a leading apostrophe: Excel's "this is text")
    if not s or s in KOSONG or s.lower() in TIADA:
        return [], [], False
    if s.isdigit() and s.isascii() and 6 <= len(s) <= 15:
        return [_nomor_nasional(s, False)], [], False
    if _ILMIAH.fullmatch(s):
        raise NilaiError(
            f"nomor kontak rusak (dibulatkan Excel): {s} — digitnya sudah hilang; ketik ulang "
            "nomornya sebagai teks"
        )
    kiri, garis, kanan = s.partition("/")  # the KI layout's "0812… / nama@contoh.id"
    if garis and "/" not in kanan:
        kiri, kanan = kiri.strip(), kanan.strip()
        if kiri.isdigit() and kiri.isascii() and 6 <= len(kiri) <= 15:
            m = _EMAIL.fullmatch(kanan)
            if m:
                return [_nomor_nasional(kiri, False)], [m[1]], False
    if "@" in s:
        emails = [m[1] for m in _EMAIL.finditer(s)]
        sisa = _EMAIL.sub(" ", s)
    else:
        emails, sisa = [], s
    phones = []
    for m in _NOMOR.finditer(NOL_TRUNK.sub(r"\1 ", sisa)):
        digits = _BUKAN_DIGIT.sub("", m[0])
        plus = m[0].startswith(("+", "00"))
        if m[0].startswith("00"):
            digits = digits[2:]
        if len(digits) < 6 or len(digits) > 15:
            continue
        phones.append(_nomor_nasional(digits, plus))
    sisa = _NOMOR.sub(" ", sisa).strip(" \t/,;:|&+-.()[]")
    lebih = bool(sisa) and bool(_LABEL_KONTAK.sub("", sisa))
    if not phones and not emails:
        raise NilaiError(SAMARAN.format(s) if "*" in s else f"nomor kontak '{s}' tidak dikenali")
    return phones, emails, lebih


def telepon(v: object) -> str:
    """One phone number in national form (see :func:`kontak`)."""
    phones, emails, lebih = kontak(v)
    if emails or lebih or len(phones) > 1:
        raise NilaiError(f"nomor telepon '{teks_sel(v)}' tidak dikenali")
    return phones[0] if phones else ""


def email(v: object) -> str:
    s = teks(v)
    if not s:
        return ""
    m = _EMAIL.fullmatch(s)
    if not m:
        raise NilaiError(f"alamat e-mail '{s}' tidak sah")
    return m[1]


# --------------------------------------------------------------------------------------------
# Whole numbers (Rupiah)
# --------------------------------------------------------------------------------------------

_NOL_KATA = re.compile(
    r"(?:gratis|nihil|tidak ada|tanpa biaya|free|tidak dipungut biaya)\b.*", re.I
)
_RUPIAH = re.compile(
    r"(?:rp\.?|idr)?\s*(\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d{3})+|\d+)(?:([.,])(\d{1,2}))?"
    r"\s*(?:,-|\.-|-)?\s*(.*)",
    re.I | re.S,
)


def angka(v: object) -> tuple[str, str]:
    """A whole number (``"25000"`` from ``Rp 25.000,-``) and any words after it (``"transfer"`` from
    ``Rp 5.000 (transfer)``) that the caller keeps as a note. ``gratis``/``nihil`` read as 0."""
    t = type(v)
    if t is float or t is int:
        if t is float and not v.is_integer():  # type: ignore[union-attr]
            raise NilaiError(f"'{teks_sel(v)}' bukan bilangan bulat")
        return str(int(v)), ""  # type: ignore[call-overload]
    s = teks(v)
    if not s:
        return "", ""
    if _NOL_KATA.fullmatch(s):
        return "0", ""
    m = _RUPIAH.fullmatch(s)
    if not m:
        raise NilaiError(f"angka '{s}' tidak dikenali")
    utama, pemisah_desimal, desimal, sisa = m[1], m[2], m[3], m[4].strip(" ()[],;")
    kali = _KALI.match(sisa)
    if kali:  # "Rp 15 rb", "1,5 juta"
        sisa = sisa[kali.end() :].strip(" ()[],;")
        kali_dengan = 1_000 if kali[1][0].lower() in "rk" else 1_000_000
        pecahan = desimal if pemisah_desimal and desimal else ""
        n = int(_BUKAN_DIGIT.sub("", utama)) * kali_dengan
        n += int(pecahan.ljust(len(str(kali_dengan)) - 1, "0")) if pecahan else 0
        return str(n), sisa
    if pemisah_desimal and desimal:
        # "5.000" or "5,000" alone were caught as thousands; here a 1–2 digit tail is cents.
        if int(desimal):
            raise NilaiError(f"'{s}' bukan bilangan bulat")
    return str(int(_BUKAN_DIGIT.sub("", utama))), sisa


#: a multiplier written after the number: thousands (rb, ribu, rebu, k) or millions (jt, juta)
_KALI = re.compile(r"(rb|ribu|rebu|k|jt|juta)\b\.?", re.I)


# --------------------------------------------------------------------------------------------
# Choices: decision and reason wording mapped to the schema's codes
# --------------------------------------------------------------------------------------------


def norm_kata(s: str) -> str:
    """Lowercase, punctuation to spaces, single spaces: the form wording rules are matched on."""
    s = s.lower().replace("’", "").replace("'", "")
    return " ".join(_NON_KATA.sub(" ", s).split())


@functools.lru_cache(maxsize=256)
def _kode_norm(kode: tuple[str, ...]) -> dict[str, str]:
    return {norm_kata(k): k for k in kode}


#: month names and abbreviations as written in dates
BULAN_KATA = tuple(_BULAN)


Aturan = tuple[tuple[re.Pattern[str], str], ...]


def _aturan(*pasangan: tuple[str, str]) -> Aturan:
    return tuple((re.compile(p), kode) for p, kode in pasangan)


#: Wording → code, per column key; the first rule that matches wins, so the more specific
#: wording comes first ("diberikan sebagian" before "diberikan", "tidak menerima" before
#: "menerima"). Matched on :func:`norm_kata` text.
ATURAN: dict[str, Aturan] = {
    "keputusan": _aturan(
        (r"\bsebagian\b", "diberikan-sebagian"),
        (r"\bbelum (?:di|ter)?dokumentasi", "belum-didokumentasikan"),
        (
            r"\btidak (?:di ?)?kuasai|\btidak menguasai|\bbukan (?:di ?)?kuasai|"
            r"\btidak (?:berada )?(?:dalam|di bawah) penguasaan|\bbukan kewenangan",
            "tidak-dikuasai",
        ),
        (r"\bditolak|\bmenolak|\bpenolakan|\bdikecualikan", "ditolak"),
        (
            r"\b(?<!tidak )(?<!belum )"
            r"(?:diberikan|dikabulkan|mengabulkan|dipenuhi|terpenuhi|memberikan)\b",
            "diberikan",
        ),
    ),
    "keputusan_atasan": _aturan(
        # the decision's verb, not words about what it reviews: the first match in the text
        # wins (see pilihan), "yang menolak" and "untuk membatalkan" are not verbs of the
        # decision — "membatalkan keputusan PPID yang menolak …" grants the objection,
        # "keberatan untuk membatalkan … ditolak" refuses it
        (
            r"(?<!yang )\b(?:menolak|ditolak)|\bmenguatkan|"
            r"\btidak (?:dapat |bisa )?(?:di|me)?(?:terima|nerima|kabulkan|ngabulkan)",
            "ditolak",
        ),
        (
            r"(?<!untuk )(?<!meminta )(?<!agar )(?<!supaya )\b(?:membatalkan|dibatalkan)|"
            r"\bmenerima|\bditerima|\bmengabulkan|\bdikabulkan",
            "diterima",
        ),
    ),
    "tanggapan_pemohon": _aturan(
        (r"\bsengketa|\bkomisi informasi|\bki\b|\btidak (?:menerima|puas|setuju)", "sengketa"),
        # (after a dispute: "musyawarah gagal, sengketa ke KI" is a dispute — sesi32b M1; a
        # requester "menerima, sesuai kesepakatan" accepted a response; a settlement that
        # failed is none — sesi32c M2)
        (
            r"^(?:selesai |diselesaikan )?(?:melalui |secara |dengan )?(?:musyawarah|mufakat)\b"
            r"(?!.*\b(?:gagal|tidak|buntu|batal)\b)",
            "musyawarah",
        ),
        (r"\bmenerima|\bditerima|\bpuas\b|\bsetuju|\bselesai", "menerima"),
    ),
    "saluran": _aturan(
        (r"\be ?mail|\bsurel\b|\bsurat elektronik", "email"),
        (r"\be ?ppid|\bwebsite|\bweb\b|\bonline|\bdaring|\baplikasi|\bsitus|\bportal", "e-ppid"),
        (r"\bfaks|\bfax", "faksimili"),
        (r"\bwa\b|\bwhatsapp|\bsms\b|\bmedia sosial|\binstagram|\bfacebook|\blain", "lainnya"),
        (r"\btelepon|\btelp|\btlp|\btelpon", "telepon"),
        (r"\bsurat\b|\bpos\b", "surat"),
        (r"\blangsung|\bdatang|\btatap muka|\bloket|\boffline", "langsung"),
    ),
    "jenis_pemohon": _aturan(
        (r"\bkelompok|\bkomunitas", "kelompok"),
        (
            r"\bbadan hukum|\blembaga|\byayasan|\bperkumpulan|\borganisasi|\blsm\b|\bormas\b|"
            r"\bpt\b|\bcv\b|\bpartai",
            "badan-hukum",
        ),
        (r"\bperorangan|\bperseorangan|\bindividu|\bpribadi|\bwarga", "perorangan"),
    ),
    "jenis_identitas": _aturan(
        (r"\bpaspor|\bpassport", "paspor"),
        (r"\bktp\b|\bkartu tanda penduduk|\bnik\b", "ktp"),
        (r"\bsim\b|\bkitas|\bkitap|\bkartu|\blain", "lainnya"),
    ),
    "cara_memperoleh": _aturan(
        (r"\bsalinan|\bcopy|\bkopi\b|\bfotokopi|\bmeminta", "salinan"),
        (r"\bmelihat|\bmembaca|\bmendengar|\bmencatat", "melihat"),
    ),
    "bentuk_informasi": _aturan(
        (r"\bsoft ?(?:copy|file)|\belektronik|\bdigital|\bfile\b|\bpdf\b", "softcopy"),
        (r"\bhard ?copy|\bcetak|\btercetak|\bfotokopi|\bkertas|\bprint", "hardcopy"),
    ),
    "cara_kirim": _aturan(
        (r"\be ?mail|\bsurel\b|\belektronik", "email"),
        (r"\bfaks|\bfax", "faksimili"),
        (r"\bkurir|\bojek|\bojol|\bgojek|\bgrab", "kurir"),
        (r"\bpos\b|\bjne\b|\btiki\b|\bekspedisi", "pos"),
        (r"\blangsung|\bdiambil|\bmengambil|\bambil\b", "langsung"),
    ),
}
_ATURAN_KEPUTUSAN = (ATURAN["keputusan"], ATURAN["keputusan_atasan"])

#: Objection reasons, UU 14/2008 Pasal 35(1) a–g (the seed SOP numbers the same list 1–7).
#: Several may match one phrase; all are kept.
ATURAN_ALASAN: Aturan = _aturan(
    (r"\bpengecualian|\bdikecualikan|\bpasal 17\b|\bpenolakan|\bditolak", "a"),
    (r"\bberkala\b|\bpasal 9\b", "b"),
    (
        r"\btidak (?:di ?)?tanggapi|\btidak ada tanggapan|\btidak (?:ada )?(?:jawaban|respon)|"
        r"\btidak (?:di ?)?(?:jawab|respon)",
        "c",
    ),
    (r"\btidak sebagaimana\b|\btidak sesuai (?:dengan )?(?:yang|permintaan)", "d"),
    (r"\btidak (?:di ?)?(?:penuhi|kabulkan)|\btidak terpenuhi", "e"),
    (r"\bbiaya\b", "f"),
    (r"\bmelebihi\b|\bmelewati\b|\bterlambat|\blewat waktu|\bjangka waktu", "g"),
)
ALASAN_ANGKA = dict(zip("1234567", "abcdefg", strict=True))

ATURAN_DOKUMEN: Aturan = _aturan(
    (r"\bformulir|\bform\b", "formulir"),
    (r"\bktp\b|\bidentitas|\bkartu tanda|\bpaspor", "identitas"),
    (r"\bakta|\banggaran dasar", "akta"),
    (r"\bkuasa\b", "kuasa"),
    (r"\b(?:ber)?m[ae]terai", "meterai"),  # ("Materai", "kuasa bermeterai"; "belum bermeterai": no)
)

YA = frozenset({"ya", "y", "v", "x", "yes", "true", "1", "ada", "benar", "✓", "✔", "√", "iya"})
TIDAK = frozenset({"tidak", "t", "tdk", "no", "n", "false", "0", "tidak ada", "bukan", "salah"})


#: a decision column's words for "none yet" in a hand-kept book ("Proses", "Belum", "Menunggu
#: keputusan"): no code ("Menunggu pengambilan", "… pembayaran" follow a decision: unknown)
BELUM_DIPUTUSKAN = re.compile(
    r"(?:(?:dalam|sedang|masih) )?(?:di ?)?proses|belum(?: (?:ada )?(?:ke|di ?)?putus(?:an|kan)?)?|"
    r"menunggu(?: (?:keputusan|jawaban|disposisi|tanggapan|persetujuan|pimpinan)\b.*)?"
)


def pilihan(v: object, kode: tuple[str, ...], aturan: Aturan = (), nama: str = "nilai") -> str:
    """One code of ``kode`` from its own spelling (``diberikan-sebagian``, ``Diberikan Sebagian``)
    or from wording recognised by ``aturan``; unknown wording raises. A decision's "none yet"
    (:data:`BELUM_DIPUTUSKAN`) is no code: ""."""
    raw = teks(v)
    if not raw:
        return ""
    n = norm_kata(raw)
    k = _kode_norm(kode).get(n)
    if k:
        return k
    if aturan in _ATURAN_KEPUTUSAN and BELUM_DIPUTUSKAN.fullmatch(n):
        return ""
    klausa = [norm_kata(c) for c in _KLAUSA.split(raw)]  # a negation stops at a comma
    terawal = aturan is ATURAN["keputusan_atasan"]  # (its verb comes first; see there)
    dapat = []
    for urut, (pola, k) in enumerate(aturan):
        for ki, kn in enumerate(klausa if k in kode else ()):
            for m in pola.finditer(kn):
                if not _diingkari(kn, m.start()):  # "tidak dapat diberikan" is not diberikan
                    dapat.append(((ki, m.start()) if terawal else (urut,), k))
                    break
    if dapat:
        return min(dapat)[1]
    raise NilaiError(f"{nama} '{raw}' tidak dikenali (pilihan: {', '.join(kode)})")


def _diingkari(kn: str, pos: int) -> bool:
    """Whether the words at ``pos`` are negated: "tidak", "belum", … up to three words before,
    with no conjunction between ("tidak diberikan karena dikecualikan" is ditolak); a negation
    of a noun ("tanpa", "bukan", "tidak ada") only right before ("tanpa biaya diberikan" and
    "tidak ada biaya diberikan" are diberikan, "menerima tanpa sengketa" menerima)."""
    words = kn[:pos].split()[-3:]
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        if w in _SAMBUNG:
            return False
        if w in ("tanpa", "bukan"):
            return i == len(words) - 1
        if w == "ada" and i > 0 and words[i - 1] in _KATA_INGKAR:
            return i == len(words) - 1
        if w in _KATA_INGKAR:
            return True
    return False


_KATA_INGKAR = frozenset({"tidak", "tdk", "tak", "belum", "blm", "gagal"})
_SAMBUNG = frozenset(
    {"karena", "sebab", "tetapi", "tapi", "namun", "dan", "serta", "atau", "yang", "sehingga",
     "agar", "supaya", "lalu", "kemudian", "tetap"}
)  # fmt: skip


_KLAUSA = re.compile(r"[,;()]")


#: a reason is negated by a negation one or two words before its words ("tidak terlambat");
#: reasons are negative phrases themselves ("tidak disediakannya informasi berkala" is b)
_INGKAR_DEKAT = re.compile(r"\b(?:tidak|tdk|tak|belum|blm|bukan|tanpa|gagal)\s+(?:\w+\s+)?$")


_PISAH_DAFTAR = re.compile(r"[;\n]+")
_PASAL_35 = re.compile(r"\bpasal\s*35\b(?:\s*(?:ayat\s*\(?\s*1\s*\)?|\(\s*1\s*\)))?", re.I)
_RENTANG = re.compile(r"\s*(?:huruf\s+|alasan\s+)?[a-g1-7]\s*[-–]\s*[a-g1-7]\s*", re.I)
#: a list of codes opening the text: "c, g (terlambat)", "huruf a dan c: …" (not "a.n. Budi")
_DAFTAR_AWAL = re.compile(
    r"\s*(?:huruf\s+)?([a-g](?:\s*(?:,|/|&|\bdan\b|\bserta\b)\s*[a-g])*)"
    r"(?=$|\s|[(:–]|-(?!mail|ppid))",
    re.I,
)


def daftar(
    v: object,
    kode: tuple[str, ...],
    aturan: Aturan = (),
    nama: str = "nilai",
    *,
    angka_ke_kode=None,
) -> str:
    """Several codes joined with ``;`` in schema order. Each ``;``/line-separated part is either a
    list of bare codes (``a, c``, ``a dan c``, ``huruf a``; for reasons also ``1``–``7``) or
    wording of which every matching rule contributes its code."""
    raw = teks(v)
    if not raw:
        return ""
    dapat: set[str] = set()
    for bagian in _PISAH_DAFTAR.split(raw):
        bagian = _PASAL_35.sub(" ", bagian)  # "Pasal 35 ayat (1) huruf c": the law cited
        if _RENTANG.fullmatch(bagian):  # "a-c": a and c, or a to c?
            raise NilaiError(
                f"{nama} '{bagian.strip()}' berupa rentang yang tidak jelas; tulis setiap "
                "hurufnya, mis. a, b, c"
            )
        n = norm_kata(bagian)
        if not n:
            continue
        tokens = [t for t in n.split() if t not in ("dan", "atau", "huruf", "serta")]
        if angka_ke_kode:
            tokens = [angka_ke_kode.get(t, t) for t in tokens]
        if tokens and all(t in kode for t in tokens):
            dapat.update(tokens)
            continue
        semua = [_kode_norm(kode)[n]] if n in _kode_norm(kode) else []
        daftar_awal = _DAFTAR_AWAL.match(bagian)  # "c, g (terlambat)": codes, then words
        if daftar_awal:
            semua += [t for t in norm_kata(daftar_awal[1]).split() if t in kode]
        for klausa in bagian.split(","):  # (a negation does not reach past a comma)
            kn = norm_kata(klausa)
            for pola, k in aturan:
                m = pola.search(kn) if k in kode else None
                # (reasons are negative phrases: only a negation right before the words counts)
                if m and not _INGKAR_DEKAT.search(kn, 0, m.start()):  # "tidak terlambat" ≠ g
                    semua.append(k)
        if not semua:
            raise NilaiError(
                f"{nama} '{bagian.strip()}' tidak dikenali (pilihan: {', '.join(kode)})"
            )
        dapat.update(semua)
    return ";".join(k for k in kode if k in dapat)


def ya_tidak(v: object, nama: str = "nilai") -> str:
    if type(v) is bool:
        return "ya" if v else "tidak"
    raw = teks(v)
    if not raw:
        return ""
    n = norm_kata(raw) or raw.strip()
    if n in YA:
        return "ya"
    if n in TIDAK:
        return "tidak"
    raise NilaiError(f"{nama} '{raw}' bukan ya/tidak")


#: marks that tick a cell by themselves ("✓ Dinas Kominfo": ticked, and the words kept)
_TANDA_CENTANG = "✓✔√☑"


def centang(v: object) -> tuple[bool, str]:
    """A cell of a tick column (the Komisi Informasi book's "Keputusan: Diberikan | Ditolak"):
    whether it is ticked, and what it says beside the mark (to keep). Empty, ``-``, ``tidak``
    and ``0`` are no tick; ``✓``, ``v``, ``x``, ``ya`` and ``1`` are, and so is a date (the day
    it happened, kept); other words raise."""
    if type(v) is bool:
        return v, ""
    if isinstance(v, dt.date):  # (a date cell: see below)
        return True, teks_sel(v)
    raw = teks(v)
    if not raw or raw in KOSONG:
        return False, ""
    n = norm_kata(raw) or raw.strip()
    if n in YA:
        return True, ""
    if n in TIDAK or n in TIADA:
        return False, ""
    if raw[0] in _TANDA_CENTANG:
        return True, raw[1:].strip()
    try:  # a date under "Diberikan": given, that day (the date kept)
        if parse_tanggal(v) is not None:
            return True, raw
    except NilaiError:
        pass
    raise NilaiError(f"'{raw}' bukan centang (tulis ✓ atau kosongkan)")


# --------------------------------------------------------------------------------------------
# "Nama dan Jabatan Atasan PPID"
# --------------------------------------------------------------------------------------------

_KATA_JABATAN = (
    r"ketua|kepala|sekretaris|sekjen|plt|plh|pj|anggota|komisioner|atasan|pimpinan|direktur|"
    r"kabag|kasubag|kasubbag|koordinator|wakil"
)
_JABATAN = re.compile(rf"^(?:{_KATA_JABATAN})\b", re.I)
_SEBELUM_JABATAN = re.compile(rf"\s*(?:,|\n|\s[-–]\s|/|\()\s*(?=(?:{_KATA_JABATAN})\b)", re.I)


def pisah_nama_jabatan(v: object) -> tuple[str, str]:
    """``("Budi, S.H.", "Ketua KPU Kota Mataram")`` from ``Budi, S.H., Ketua KPU Kota Mataram``,
    ``Budi (Ketua …)``, ``Budi - Ketua …`` or two lines; a value that is only a position
    (``Ketua KPU Kota Mataram``) is a position; anything else is a name."""
    s = teks(v)
    if not s:
        return "", ""
    if _JABATAN.match(s):
        return "", s
    m = _SEBELUM_JABATAN.search(s)
    if m:
        jabatan = s[m.end() :].strip()
        if m.group().strip() == "(":
            jabatan = jabatan.removesuffix(")").strip()
        return s[: m.start()].strip(), jabatan
    return s, ""
