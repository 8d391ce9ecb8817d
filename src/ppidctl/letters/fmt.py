"""Indonesian formatting filters for letter templates (pure functions, no I/O).

Registered as Jinja filters by :mod:`ppidctl.letters.engine`:

- ``tanggal_panjang("2026-04-07")`` → ``"7 April 2026"`` (no weekday; empty → ``""``)
- ``jam("2026-04-07T09:15+08:00")`` → ``"09.15 WITA"`` (a day alone, or empty → ``""``)
- ``rupiah(25000)`` → ``"Rp25.000"`` (empty → ``""``)
- ``terbilang(30)`` → ``"tiga puluh"``
- ``romawi(3)`` → ``"III"``
- ``label("hardcopy", "bentuk_informasi")`` → ``"Hardcopy (salinan tercetak)"`` (a stored choice
  value in words; a list such as ``"identitas;kuasa"`` becomes ``"…, …"``; unknown values pass through)
- ``utuh("Laman kota-mataram.kpu.go.id")`` → the same text that Word and LibreOffice do not break
  across lines (spaces no-break, hyphens non-breaking U+2011): an address split as "kota-" /
  "mataram.kpu.go.id" reads as two; the line breaks between such pieces instead

Bad input raises :class:`ValueError` with an Indonesian message; the engine turns it into a
``TemplateError`` naming the template.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal

__all__ = [
    "tanggal_panjang",
    "jam",
    "rupiah",
    "terbilang",
    "romawi",
    "label",
    "utuh",
    "LABEL",
    "ke_tanggal",
    "ada_nip",
]


def ke_tanggal(value: object) -> _dt.date | None:
    """A date from a ``date``/``datetime`` or an ISO string (``YYYY-MM-DD`` or a timestamp).

    An ISO timestamp gives its date in its own UTC offset (the office's local date).
    Empty (``""``/``None``) gives ``None``.
    """
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    teks = str(value).strip()
    if not teks:
        return None
    try:
        if len(teks) == 10:
            return _dt.date.fromisoformat(teks)
        return _dt.datetime.fromisoformat(teks).date()
    except ValueError:
        raise ValueError(f"tanggal '{teks}' tidak sah (harus berbentuk YYYY-MM-DD)") from None


#: Indonesian month and weekday names (Monday first, as ``date.weekday()``)
BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def jam(value: object) -> str:
    """A time of receipt as the office writes it: ``"2026-07-01T09:05+08:00"`` → ``"09.05
    WITA"``; empty, or no such time → ``""``."""
    from ..config import zone_name

    text = str(value or "")
    try:
        when = _dt.datetime.fromisoformat(text) if "T" in text else None
    except ValueError:
        when = None
    if when is None:  # (a day alone has no time)
        return ""
    zone = f" {zone_name(when.utcoffset())}" if when.utcoffset() is not None else ""
    return when.strftime("%H.%M") + zone


def tanggal_panjang(value: object) -> str:
    """``"2026-04-07"`` → ``"7 April 2026"``; empty → ``""``."""
    tanggal = ke_tanggal(value)
    if tanggal is None:
        return ""
    return f"{tanggal.day} {BULAN[tanggal.month - 1]} {tanggal.year}"


def _ke_bulat(value: object, nama: str) -> int | None:
    """An integer from an int or a numeric string; empty → None."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"{nama}: '{value}' bukan angka")
    if isinstance(value, int):
        return value
    if isinstance(value, (float, Decimal)):
        if value != int(value):
            raise ValueError(f"{nama}: '{value}' bukan bilangan bulat")
        return int(value)
    teks = str(value).strip()
    if not teks:
        return None
    angka = teks[1:] if teks[0] in "+-" else teks
    if not angka.isascii() or not angka.isdigit():
        raise ValueError(f"{nama}: '{teks}' bukan bilangan bulat (tulis tanpa titik, mis. 25000)")
    return int(teks)


def rupiah(value: object) -> str:
    """``25000`` or ``"25000"`` → ``"Rp25.000"``; ``0`` → ``"Rp0"``; empty → ``""``."""
    n = _ke_bulat(value, "rupiah")
    if n is None:
        return ""
    tanda = "-" if n < 0 else ""
    return f"{tanda}Rp{abs(n):,}".replace(",", ".")


_SATUAN = (
    "",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
)
#: the first number too large for :func:`terbilang` (1.000 triliun)
TERBILANG_MAKS = 10**15
_SKALA = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu"))


def _di_bawah_seribu(n: int) -> str:
    """1..999 in words (0 → "")."""
    kata: list[str] = []
    ratus, sisa = divmod(n, 100)
    if ratus == 1:
        kata.append("seratus")
    elif ratus > 1:
        kata.append(f"{_SATUAN[ratus]} ratus")
    if sisa < 12:
        if sisa:
            kata.append(_SATUAN[sisa])
    elif sisa < 20:
        kata.append(f"{_SATUAN[sisa - 10]} belas")
    else:
        puluh, satu = divmod(sisa, 10)
        kata.append(f"{_SATUAN[puluh]} puluh")
        if satu:
            kata.append(_SATUAN[satu])
    return " ".join(kata)


def terbilang(value: object) -> str:
    """A whole number in Indonesian words: ``30`` → ``"tiga puluh"``, ``1000`` → ``"seribu"``.

    Works up to 999 triliun; ``0`` → ``"nol"``; negative numbers get ``"minus"``; empty → ``""``.
    """
    n = _ke_bulat(value, "terbilang")
    if n is None:
        return ""
    if n == 0:
        return "nol"
    if n < 0:
        return "minus " + terbilang(-n)
    if n >= TERBILANG_MAKS:
        raise ValueError(f"terbilang: {n} terlalu besar (paling besar 999 triliun)")
    kata: list[str] = []
    for besar, nama in _SKALA:
        bagian, n = divmod(n, besar)
        if bagian == 1 and nama == "ribu":
            kata.append("seribu")
        elif bagian:
            kata.append(f"{_di_bawah_seribu(bagian)} {nama}")
    if n:
        kata.append(_di_bawah_seribu(n))
    return " ".join(kata)


_ROMAWI = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def romawi(value: object) -> str:
    """``3`` → ``"III"``, ``12`` → ``"XII"`` (1..3999); empty → ``""``."""
    n = _ke_bulat(value, "romawi")
    if n is None:
        return ""
    if not 1 <= n <= 3999:
        raise ValueError(f"romawi: {n} di luar rentang 1..3999")
    hasil = []
    for nilai, huruf in _ROMAWI:
        jumlah, n = divmod(n, nilai)
        hasil.append(huruf * jumlah)
    return "".join(hasil)


#: Stored choice values (schema.py) in words, per column key, for letters.
LABEL: dict[str, dict[str, str]] = {
    "saluran": {
        "langsung": "Datang langsung",
        "surat": "Surat",
        "email": "E-mail",
        "telepon": "Telepon",
        "faksimili": "Faksimili",
        "e-ppid": "Aplikasi e-PPID",
        "lainnya": "Lainnya",
    },
    "jenis_pemohon": {
        "perorangan": "Perorangan",
        "badan-hukum": "Badan hukum",
        "kelompok": "Kelompok orang",
    },
    "cara_memperoleh": {
        "melihat": "Melihat/membaca/mendengarkan/mencatat",
        "salinan": "Mendapatkan salinan informasi",
    },
    "bentuk_informasi": {
        "softcopy": "Softcopy (berkas elektronik)",
        "hardcopy": "Hardcopy (salinan tercetak)",
    },
    "cara_kirim": {
        "langsung": "Mengambil langsung",
        "kurir": "Kurir",
        "pos": "Pos",
        "faksimili": "Faksimili",
        "email": "E-mail",
    },
    "dokumen": {
        "identitas": "Salinan identitas",
        "akta": "Akta pendirian badan hukum",
        "kuasa": "Surat kuasa",
        "formulir": "Formulir",
        "meterai": "Surat kuasa khusus bermeterai",
    },
    "keputusan": {
        "diberikan": "Informasi dapat diberikan seluruhnya",
        "diberikan-sebagian": "Informasi dapat diberikan sebagian",
        "ditolak": "Permohonan ditolak (informasi dikecualikan)",
        "tidak-dikuasai": "Informasi tidak dikuasai",
        "belum-didokumentasikan": "Informasi belum didokumentasikan",
    },
    "keputusan_atasan": {  # (also the reports' and the register book's words)
        "diterima": "Keberatan diterima (dikabulkan)",
        "ditolak": "Keberatan ditolak",  # (no "PPID decision upheld": reasons b, c had none)
    },
    "tanggapan_pemohon": {
        "menerima": "Menerima tanggapan",
        "sengketa": "Mengajukan sengketa ke Komisi Informasi",
        "musyawarah": "Diselesaikan secara musyawarah (UU 14/2008 Pasal 35(2))",
    },
}


def label(value: object, kolom: str) -> str:
    """A stored choice value of column ``kolom`` in words (``;``-lists joined with ``", "``)."""
    teks = "" if value is None else str(value).strip()
    if not teks:
        return ""
    arti = LABEL.get(kolom, {})
    return ", ".join(arti.get(v.strip(), v.strip()) for v in teks.split(";") if v.strip())


_TIDAK_PUTUS = str.maketrans({" ": "\u00a0", "-": "\u2011"})


def utuh(value: object) -> str:
    """``value`` kept whole on one line: spaces as no-break spaces, ``-`` as the non-breaking
    hyphen (U+2011), so a web or e-mail address is never split at its hyphen."""
    return "" if value is None else str(value).translate(_TIDAK_PUTUS)


_TANPA_NIP = re.compile(r"[\s\-\u2013\u2014]*")


def ada_nip(nip: object) -> bool:
    """Whether an official has a NIP to print: ``-`` (what init writes, and what offices write
    for "none") or dashes alone is none — the KPU Ketua, for one, has no NIP."""
    return not _TANPA_NIP.fullmatch(str(nip or ""))
