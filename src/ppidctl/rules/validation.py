"""Checks of single values: NIK, contacts, free text, dates and choices.

Each check returns the clean value or raises an error with an Indonesian message that names the
field and says how to fix it: :class:`UsageError` (exit code 2) when the value typed is not of the
option's type — not a date in the required shape (:func:`tanggal`, :func:`waktu`), not one of its
fixed choices (:func:`pilihan`, :func:`daftar`) — and :class:`RuleError` (exit code 1) for
everything else (a NIK, a contact, a date in the future or before UU 14/2008). The choice and date
checks are for values typed at the desk only: a value read from a register or a legacy file is
bad data, checked elsewhere (``integrity.rows``, ``legacy.values``).
"""

from __future__ import annotations

import calendar as _cal
import re
import unicodedata
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from ..errors import RuleError, UsageError

#: Province codes of the NIK's first two digits (Permendagri 72/2019 on region codes, with the
#: Papua provinces formed in 2022: 93 Papua Selatan, 94 Papua Tengah, 95 Papua Pegunungan,
#: 96 Papua Barat Daya).
PROVINSI = {
    11, 12, 13, 14, 15, 16, 17, 18, 19, 21,
    31, 32, 33, 34, 35, 36,
    51, 52, 53,
    61, 62, 63, 64, 65,
    71, 72, 73, 74, 75, 76,
    81, 82,
    91, 92, 93, 94, 95, 96,
}  # fmt: skip

#: The earliest date a step at the desk can have: UU 14/2008 came into force two years after it
#: was promulgated on 30 April 2008 (Pasal 64(1)), i.e. on 30 April 2010. No request or
#: objection under it is older, so an earlier date is a typo (``0001-01-01``, ``1999-01-07``)
#: that would use up a registration number of a past year for ever. Only dates typed at the
#: desk are held to it; a legacy register is read by ``legacy.values``, which has its own rules.
BERLAKU_UU_KIP = date(2010, 4, 30)

MAX_TEKS = 10_000  # characters in one field: a longer value is a pasting accident
#: control characters and the noncharacters U+FFFE/U+FFFF: XML (docx, xlsx) cannot hold them,
#: so a report or register book would fail on them long after the value was typed
#: (and C1, U+0080–U+009F: a terminal obeys U+009B as ESC [ — a name could clear the screen)
KENDALI = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
#: bytes that were not UTF-8 (a latin-1 terminal, a cp1252 file read by a script): Python hands
#: them over as lone surrogates
_SURROGATE = re.compile(r"[\ud800-\udfff]")
#: invisible marks a number carries when pasted: WhatsApp's direction marks around a phone
#: number, a PDF's zero-width spaces and soft hyphens, Notepad's BOM; and dashes other than "-"
_TAK_TERLIHAT = re.compile(r"[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_STRIP = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015", "-"))


def _tempelan(value: str | None) -> str:
    """A NIK, phone number or e-mail as pasted, without its invisible marks."""
    return _TAK_TERLIHAT.sub("", value or "").translate(_STRIP)


def nik(value: str, field: str = "NIK") -> str:
    """A 16-digit NIK with a valid province, regency, birth date (+40 for women) and serial."""
    v = re.sub(r"[\s.-]", "", _tempelan(value))
    if not re.fullmatch(r"\d{16}", v):
        raise RuleError(
            f"{field} '{value}' harus 16 angka (tertulis {len(v)} karakter)",
            "salin ulang NIK dari KTP",
        )
    salah = nik_keliru(v)
    if salah:
        raise RuleError(f"{field} '{v}': {salah}", "periksa NIK pada KTP")
    return v


def nik_keliru(v: str) -> str | None:
    """What no NIK can be, in 16 digits ``v``: an unknown province, regency 00, a birth date
    that does not exist (+40 for women), serial 0000. The desk refuses it; the import keeps an
    old book's value and warns."""
    prov, kab, day, month = int(v[:2]), int(v[2:4]), int(v[6:8]), int(v[8:10])
    if prov not in PROVINSI:
        return f"kode provinsi {v[:2]} tidak ada"
    if kab == 0:
        return "kode kabupaten/kota 00 tidak ada"
    if day > 40:
        day -= 40
    if not 1 <= month <= 12 or not 1 <= day <= _cal.monthrange(2000, month)[1]:
        return f"bagian tanggal lahir {v[6:12]} tidak sah"
    if v[12:] == "0000":
        return "nomor urut 0000 tidak sah"
    return None


#: "+62 (0)812…", "0062 (0)812…", "+44 (0)20…": the bracketed 0 is the trunk prefix dialled only
#: at home, never part of the number after a country code (kept, it made +620812…: no number)
NOL_TRUNK = re.compile(r"(\+\d{1,3}|\b00\d{1,3}|\(\+\d{1,3}\))[\s.-]*\(0\)")


def telepon(value: str) -> str:
    v = NOL_TRUNK.sub(r"\1", _tempelan(value).strip())
    digits = re.sub(r"[\s().-]", "", v)
    if not re.fullmatch(r"\+?\d{6,15}", digits):
        raise RuleError(
            f"nomor telepon '{value}' tidak sah: harus 6–15 angka (boleh diawali +)",
            "tulis nomor lengkapnya, mis. 081234567890",
        )
    if TANPA_AWALAN.fullmatch(digits):  # (8…: read as Excel's damage by periksa)
        raise RuleError(
            f"nomor telepon '{value}' tanpa 0 di depan: nomor Indonesia ditulis 0… (0812…, 0370…)",
            "tulis dengan 0 di depan, atau dengan +kode negara untuk nomor luar negeri (mis. "
            "+1 801 555 1234, +62 812…)",
        )
    return digits


#: a mobile number without its leading 0 (81234567890): what a spreadsheet makes of 0812…;
#: never stored by ppidctl, so periksa reads it as damage in any row
TANPA_0 = re.compile(r"8[0-9]{8,12}")
#: any number without its 0 or + (370631111, 6281234567890: 0370…, +62… after a re-save): the
#: desk refuses it, and periksa reads it as damage in a cell edited outside ppidctl (an import
#: keeps a short local number as written, and older versions accepted such numbers)
TANPA_AWALAN = re.compile(r"[1-9][0-9]{5,14}")


def email(value: str) -> str:
    v = _tempelan(value).strip()
    if not re.fullmatch(r"[^@\s,;]+@[^@\s,;]+\.[A-Za-z]{2,}", v):
        raise RuleError(f"alamat e-mail '{value}' tidak sah", "tulis mis. nama@contoh.id")
    return v


def lipat(text: str) -> str:
    """``text`` as compared: case folded and in one Unicode form, so a name pasted from a PDF
    (``e`` + combining accent) matches the same name typed (``é``)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())


def bandingan(text: str) -> str:
    """Free text as two texts are compared: :func:`lipat`, runs of spaces as one ("Salinan  DPT"
    and "salinan dpt" are one request's information)."""
    return " ".join((text.casefold() if text.isascii() else lipat(text)).split())


def teks(value: str | None, field: str, *, wajib: bool = False) -> str:
    """Free text: trimmed, in one Unicode form (NFC: "André" pasted from a PDF is stored as
    typed on a keyboard); no control characters; not absurdly long; present when required."""
    v = unicodedata.normalize("NFC", (value or "").strip())
    bad = _SURROGATE.search(v)
    if bad:
        raise RuleError(
            f"{field} bukan teks UTF-8 yang sah (karakter ke-{bad.start() + 1})",
            "ketik ulang isinya, atau simpan berkas sumbernya sebagai UTF-8",
        )
    if KENDALI.search(v):
        raise RuleError(
            f"{field} memuat karakter kendali yang tidak bisa dicetak", "ketik ulang isinya"
        )
    if len(v) > MAX_TEKS:
        raise RuleError(
            f"{field} terlalu panjang ({len(v)} karakter; paling banyak {MAX_TEKS})",
            "ringkas isinya, lampirkan rinciannya sebagai dokumen",
        )
    if wajib and not v:
        raise RuleError(f"{field} wajib diisi", f"isi {field.split(' (')[0]}")
    return v


#: what a name never starts with: a spreadsheet runs such text as a formula (=HYPERLINK(…)
#: sent from a web form lands in the register the office opens)
_AWAL_RUMUS = ("=", "+", "@", "-")


def nama(value: str | None, field: str, *, wajib: bool = False) -> str:
    """A person's or body's name: :func:`teks` on one line, without invisible direction marks
    (U+202E printed the receipt's name backwards) and not starting like a formula."""
    v = teks(value, field, wajib=wajib)
    if wajib:
        v = isi(v, field)  # ("-" is no name: KOSONG)
    elif v and (v in KOSONG or v.casefold() in TIADA or not any(c.isalnum() for c in v)):
        opsi = field.split(" (")[0]  # (--kuasa "-": it printed as the proxy's name)
        raise RuleError(f"{opsi} '{v}' bukan nama", f"bila tidak ada, jangan pakai {opsi}")
    if any(c in v for c in "\n\r\t"):
        raise RuleError(f"{field} memuat pindah baris atau tab", "tulis nama dalam satu baris")
    salah = bukan_nama(v)
    if salah:
        raise RuleError(f"{field} {salah}", "ketik ulang namanya")
    return v


def bukan_nama(v: str) -> str | None:
    """Why ``v`` cannot be a name however it was written (the import reads a legacy book's
    cells with it too): hidden direction marks, or a spreadsheet formula's start. A cell with
    no letter or digit ("-/-" in an optional column) is a placeholder, not a formula."""
    if v.isascii() and not v.startswith(_AWAL_RUMUS):  # (the common case: ASCII has no marks)
        return None
    if not any(c.isalnum() for c in v):
        return None
    if _TAK_TERLIHAT.search(v):
        return (
            "memuat karakter tak terlihat (penanda arah teks atau spasi tanpa lebar; jangan "
            "disalin dari pesan atau laman)"
        )
    if v.startswith(_AWAL_RUMUS):
        return f"diawali '{v[0]}': itu rumus lembar kerja, bukan nama"
    return None


#: Placeholders a clerk writes for "nothing" ("-", "NIHIL"): no text where text is required
KOSONG = frozenset({"-", "--", "---", "–", "—", "_"})
#: Words a government clerk writes for "none" (in a NIK, contact or date cell of a legacy book too)
TIADA = frozenset({"nihil", "tidak ada", "tdk ada", "tak ada", "n/a", "na", "belum ada"})


def isi(value: str | None, field: str) -> str:
    """Required free text that says something: "-", "…" or "nihil" typed because the content
    is not known yet is refused like a blank (it went into the decision letter)."""
    v = teks(value, field, wajib=True)
    if v in KOSONG or v.casefold() in TIADA or not any(c.isalnum() for c in v):
        raise RuleError(
            f"{field} wajib diisi: '{v}' tidak berisi apa pun", f"isi {field.split(' (')[0]}"
        )
    return v


def pilihan(value: str, choices: tuple[str, ...], field: str) -> str:
    v = (value or "").strip().lower()
    if v not in choices:
        raise UsageError(
            f"{field} '{value}' tidak dikenal", f"pilih salah satu: {', '.join(choices)}"
        )
    return v


def daftar(value: str | list[str] | None, choices: tuple[str, ...], field: str) -> list[str]:
    items = value if isinstance(value, list) else re.split(r"[,;\s]+", value or "")
    out: list[str] = []
    for item in (i.strip().lower() for i in items):
        if not item:
            continue
        if item not in choices:
            raise UsageError(
                f"{field}: '{item}' tidak dikenal", f"pilih dari: {', '.join(choices)}"
            )
        if item not in out:
            out.append(item)
    return out


#: the documents a registration needs, in the words a refusal uses: a request, the requester's
#: identity — a legal entity's deed instead (rules.md §3; SOP Pelayanan langkah 1); an
#: objection, its form and the requester's identity (SOP Penanganan Keberatan langkah 1); either
#: made through a proxy, the power of attorney (a special one, stamped, for an objection)
DOKUMEN_WAJIB = {
    "permohonan": {
        "identitas": "salinan kartu identitas",
        "akta": "akta pendirian badan hukum",
        "kuasa": "surat kuasa",
    },
    "keberatan": {
        "formulir": "formulir keberatan",
        "identitas": "salinan kartu identitas pemohon",
        "kuasa": "surat kuasa khusus",
    },
}


def dokumen_lengkap(
    register: str, dokumen: list[str], *, badan_hukum: bool = False, kuasa: bool = False
) -> None:
    """Refuse a registration whose required documents (:data:`DOKUMEN_WAJIB`) were not all
    received."""
    if register == "permohonan":
        needed = ["akta" if badan_hukum else "identitas"]
    else:
        needed = ["formulir", "identitas"]
    missing = [d for d in needed + ["kuasa"] * kuasa if d not in dokumen]
    if missing:
        raise RuleError(
            ("dokumen wajib keberatan" if register == "keberatan" else "dokumen wajib")
            + " belum diterima: "
            + ", ".join(DOKUMEN_WAJIB[register][d] for d in missing),
            f"terima dokumennya lalu catat dengan --dokumen {','.join(sorted({*dokumen, *missing}))}",
        )


def tanggal(value: str | date, field: str = "tanggal") -> date:
    """``YYYY-MM-DD`` as a date (a script's ``date`` taken as it is; a datetime is no date)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    try:
        if not _TANGGAL.fullmatch(value.strip()):  # (not 20261117, 2026-W47-2: as the filters)
            raise ValueError(value)
        return date.fromisoformat(value.strip())
    except (ValueError, AttributeError):
        raise UsageError(f"{field} '{value}' bukan tanggal", "tulis sebagai YYYY-MM-DD") from None


def tanggal_iso(value: object) -> date | None:
    """A stored date cell (``YYYY-MM-DD``, nothing around it) as a date; None for anything else
    (empty, ``16/09/2026``, ``2026-02-30``, not text). The one reading of a stored date:
    ``periksa``'s checks, the steps' refusal of a hand-edited date, the report files' dates."""
    return _tanggal_iso(value) if isinstance(value, str) else None


@lru_cache(maxsize=8192)  # (periksa reads each row's dates several times)
def _tanggal_iso(value: str) -> date | None:
    if not _TANGGAL.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def sejak_uu_kip(day: date, field: str) -> date:
    """``day``, refused when it lies before UU 14/2008 came into force (:data:`BERLAKU_UU_KIP`)."""
    if day < BERLAKU_UU_KIP:
        raise RuleError(
            f"{field} {day.isoformat()} sebelum UU 14/2008 berlaku "
            f"({BERLAKU_UU_KIP.isoformat()}, Pasal 64(1)): tidak ada permohonan atau keberatan "
            "sebelum tanggal itu",
            "periksa tahunnya (tulis YYYY-MM-DD)",
        )
    return day


_TANGGAL = re.compile(r"\d{4}-\d{2}-\d{2}")
#: the shapes a step's date may take: a date, or a date and a time (with seconds and a UTC offset
#: when a script gives them; "T" or one space between)
_WAKTU = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)


def waktu(value: str | None, tz: ZoneInfo, now: datetime, field: str = "--tanggal") -> datetime:
    """``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM`` in the office's zone (default: now); not future,
    not before UU 14/2008 came into force. Not a date: :class:`UsageError`; a date the rules
    refuse: :class:`RuleError`. An empty value (a script's unset variable) is no date."""
    if value is None:
        return now
    v = value.strip()
    try:
        if not _WAKTU.fullmatch(v):  # (fromisoformat alone also takes 20261117 and 2026-W47-2)
            raise ValueError(v)
        if len(v) <= 10:
            d = date.fromisoformat(v)
            when = now if d == now.date() else datetime(d.year, d.month, d.day, tzinfo=tz)
        else:
            when = datetime.fromisoformat(v.replace(" ", "T"))
            when = when.replace(tzinfo=tz) if when.tzinfo is None else when.astimezone(tz)
    except ValueError:
        raise UsageError(
            f"{field} '{value}' bukan tanggal", "tulis sebagai YYYY-MM-DD atau YYYY-MM-DDTHH:MM"
        ) from None
    if when.date() > now.date():
        typed = (  # (an offset given: the office's date may be another day than the one typed)
            f"{v} = {when.isoformat(sep=' ', timespec='minutes')[:16]} waktu kantor"
            if re.search(r"(?:Z|[+-]\d\d:?\d\d)$", v)
            else when.date().isoformat()
        )
        raise RuleError(
            f"{field} {typed} ada di masa depan (hari ini {now.date().isoformat()})",
            "catat langkah setelah terjadi",
        )
    if len(v) > 10 and when > now + timedelta(minutes=1):  # a time later today
        raise RuleError(
            f"{field} {when.isoformat(timespec='minutes')} ada di masa depan (sekarang "
            f"{now.isoformat(timespec='minutes')})",
            "catat langkah setelah terjadi",
        )
    sejak_uu_kip(when.date(), field)
    return when


#: a letter of Pasal 17: "huruf h", "huruf (h)", "Pasal 17 (h)", "Pasal 17 h"
_HURUF = re.compile(r"(?:\bhuruf\s+|\bpasal\s+17\s*)\(?([a-z])\)?(?![\w])", re.I)


_PASAL = re.compile(r"\bpasal\s+(\d+)", re.I)


def _bagian_17(text: str) -> str:
    """The part of a citation that is Pasal 17's: "Pasal 17 huruf h jo. Pasal 6 ayat (3) huruf
    c" is "Pasal 17 huruf h" (huruf c is Pasal 6's)."""
    marks = list(_PASAL.finditer(text))
    start = next((m.start() for m in marks if m[1] == "17"), 0)
    end = next((m.start() for m in marks if m.start() > start and m[1] != "17"), len(text))
    return text[start:end]


def pasal_17(value: str | None, option: str) -> str:
    """The exclusion ground of a refusal: one of the letters a to j of Pasal 17 UU 14/2008,
    named — "huruf z", "Pasal 99" or a bare "-" would go into the decision letter and the
    annual report's grounds."""
    text = isi(value, option)
    saran = "tulis dasar pengecualiannya, mis. 'Pasal 17 huruf h angka 2'"
    pasal = [m[1] for m in _PASAL.finditer(text)]
    lain = [n for n in pasal if n != "17"]
    if lain and "17" not in pasal:  # ("… jo. Pasal 6 ayat (3)" beside Pasal 17 is a citation)
        raise RuleError(
            f"{option}: dasar pengecualian adalah Pasal 17 UU 14/2008, bukan Pasal {lain[0]}",
            saran,
        )
    huruf = [m[1].lower() for m in _HURUF.finditer(_bagian_17(text))]
    salah = [h for h in huruf if h not in "abcdefghij"]
    if salah or not huruf:
        raise RuleError(
            f"{option}: Pasal 17 UU 14/2008 tidak punya huruf {salah[0]} (hanya a sampai j)"
            if salah
            else f"{option}: '{text}' tidak menyebut huruf Pasal 17 UU 14/2008 (a sampai j)",
            saran,
        )
    return text


_ANGKA = re.compile(r"\)?\s+angka\s+(\d+)", re.I)


def dasar_pasal_17(text: str) -> str:
    """The ground a refusal's text names, as the report groups it: "Pasal 17 huruf h (data
    pribadi)" and "17 huruf h UU 14/2008" are "Pasal 17 huruf h" ("… angka 2" kept: a ground
    of its own; "huruf b dan huruf h" both letters); a text naming no letter (a legacy book's)
    as it is."""
    found, bagian = [], _bagian_17(text)
    for m in _HURUF.finditer(bagian):
        if m[1].lower() in "abcdefghij":
            angka = _ANGKA.match(bagian, m.end())
            found.append(m[1].lower() + (f" angka {angka[1]}" if angka else ""))
    found = list(dict.fromkeys(found))
    if not found:
        return text
    return "Pasal 17 huruf " + " dan huruf ".join(found)


def with_time(tanggal: str | None) -> bool:
    """Whether ``--tanggal`` gives the time of day too (none given: now, which has it) — as
    ``YYYY-MM-DDTHH:MM`` or with a space; the time is stored only when known."""
    return not tanggal or len(tanggal.strip()) > 10
