"""``ppidctl.toml``: the office's settings — identity, officials, numbering, deadlines, stages.

Owns the default file written by ``ppidctl init`` (with the legal basis of every deadline as a
comment), reading and validating it (an error names the key and the line, never a traceback; a
section or key ppidctl does not know is a warning, since a newer file may carry it), and appending
an election stage (``[[tahapan]]``) without disturbing the office's comments, BOM or line ends.
"""

from __future__ import annotations

import calendar
import functools
import re
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .errors import ConfigError, sebab
from .rules.validation import KENDALI, lipat

FILENAME = "ppidctl.toml"

DEFAULT_TOML = """\
# ppidctl.toml — pengaturan PPID {nama_singkat}
# Berkas ini boleh disunting. Baris yang diawali '#' adalah keterangan.

[instansi]
nama = "{nama}"
nama_singkat = "{nama_singkat}"
kode_satker = "{kode}"          # kode wilayah/satker, dipakai dalam nomor registrasi
alamat = "{alamat}"
kota = "{kota}"
telepon = "(0370) 000000"
email = "{email}"
laman = "{laman}"
zona_waktu = "{zona}"    # {zona_label}; tanggal dihitung menurut zona ini
logo = ""                        # berkas gambar kop surat, relatif terhadap workspace (opsional)

[ppid]
nama = "Nama PPID"
nip = "-"
jabatan = "PPID {nama_singkat}"

[atasan_ppid]
nama = "Nama Atasan PPID"
nip = "-"
jabatan = "Ketua {nama_singkat}"

[penomoran]
# Pola nomor. Isian: {{urut}} (nomor urut per register per tahun, mulai 1 setiap tahun; wajib),
# {{tahun}} (wajib), {{kode}} (kode_satker), {{bulan}} (1-12), {{bulan_romawi}} (I-XII).
# {{urut:03d}} menulis 001, 002, ... (lebih dari 999 tetap terbaca). Beri pemisah antara
# {{urut}} dan {{bulan}}, atau tulis {{bulan:02d}}.
permohonan = "{{urut:03d}}/PPID/{{kode}}/{{bulan_romawi}}/{{tahun}}"
keberatan = "{{urut:03d}}/KEB/PPID/{{kode}}/{{bulan_romawi}}/{{tahun}}"
# Nomor surat keluar (pemberitahuan, perpanjangan, keputusan, tanggapan; tanda terima dan tanda
# bukti keberatan hanya bila templat kantor mencetak {{{{ nomor_surat }}}}). Kosongkan ("") bila
# nomor surat diberikan oleh bagian umum; isi lewat --nomor-surat.
surat = "{{urut}}/PL.02.2-SD/{{kode}}/{{bulan_romawi}}/{{tahun}}"

[tenggat]
# Semua dalam HARI KERJA. Hari diterima = hari ke-0.
permohonan = 10                  # pemberitahuan tertulis — UU 14/2008 Pasal 22(7)
perpanjangan = 7                 # satu kali perpanjangan — UU 14/2008 Pasal 22(8)
permohonan_tahapan = 3           # informasi tahapan pemilu yang sedang berjalan — Perki 1/2019 Pasal 12
perpanjangan_tahapan = 2         # perpanjangannya — Perki 1/2019 Pasal 12
pengajuan_keberatan = 30         # sejak alasan keberatan ditemukan — UU 14/2008 Pasal 36(1)
tanggapan_keberatan = 30         # tanggapan tertulis Atasan PPID — UU 14/2008 Pasal 36(2); SOP langkah 6a
tanggapan_keberatan_tahapan = 3  # keberatan atas tahapan yang sedang berjalan — SOP langkah 6b; Perki 1/2019 Pasal 14
sengketa = 14                    # pengajuan sengketa ke Komisi Informasi — UU 14/2008 Pasal 37(2)
laporan_tahunan = "31-03"        # batas laporan tahunan, tanggal-bulan tahun berikutnya — Perki 1/2021 Pasal 56
cuti_bersama_libur = true        # cuti bersama dihitung hari libur (ASN)

[standar_layanan]
# Standar internal SOP (hari kerja): dipantau dan dilaporkan, tidak menolak.
teruskan_permohonan = 1          # Desk Pelayanan ke PPID (SOP Pelayanan langkah 2: 15 menit)
teruskan_keberatan = 1           # PPID ke Atasan PPID (SOP Keberatan langkah 4)
draf_tanggapan = 1               # draf untuk rapat pleno (SOP Keberatan langkah 5)
sampaikan_tanggapan = 1          # surat jawaban disampaikan (SOP Keberatan langkah 7)

[penyimpanan]
format = "csv"                   # "csv" (disarankan) atau "xlsx"
batas_tunggu_kunci = 30          # detik menunggu perintah lain yang sedang menulis
izin_berkas = "0640"             # hak akses berkas register dan surat (data pribadi)

[laporan]
# Teks bagian I "Kebijakan umum" dan II "Gambaran umum pelayanan" laporan bulanan dan tahunan
# (--keluaran .docx); bagian VI (kendala) dan VII (rekomendasi) ditulis di Word setiap kali.
kebijakan_umum = ""
gambaran_layanan = ""

# Tahapan pemilu/pemilihan. Tambahkan dengan: ppidctl tahapan tambah NAMA --mulai ... --selesai ...
# [[tahapan]]
# nama = "Pemutakhiran Data Pemilih"
# mulai = 2026-01-05
# selesai = 2026-06-30
"""

#: Settings ``init`` fills with stand-ins for what only the office knows (its officials, its
#: telephone; for an office other than our first one, its address, city, e-mail and website).
#: A letter printed while one still holds the stand-in ``init`` writes for any other office
#: (DEFAULT_TOML with :data:`KONTAK_CONTOH`, the one source of those values) goes out signed
#: "Nama PPID": :meth:`Settings.placeholders` says so.
PLACEHOLDERS = (
    ("ppid", "nama"),
    ("ppid", "nip"),
    ("atasan_ppid", "nama"),
    ("atasan_ppid", "nip"),
    ("instansi", "alamat"),
    ("instansi", "kota"),
    ("instansi", "telepon"),
    ("instansi", "email"),
    ("instansi", "laman"),
)

#: The contact details of the office ppidctl was first built for (KPU Kota Mataram, kode satker
#: 5271): ``init`` writes them only for that code, and stand-ins for any other office, so a
#: second office's letters never carry Mataram's address, e-mail and website unwarned.
KONTAK = {
    "5271": {
        "alamat": "Jl. Bung Karno No. 3, Pagesangan, Mataram, Nusa Tenggara Barat 83127",
        "kota": "Mataram",
        "email": "ppid@kota-mataram.kpu.go.id",
        "laman": "kota-mataram.kpu.go.id",
    }
}
KONTAK_CONTOH = {
    "alamat": "Alamat kantor",
    "kota": "Nama kota",
    "email": "ppid@contoh.kpu.go.id",
    "laman": "contoh.kpu.go.id",
}

#: Every setting: (section, key) -> (type, required). Types are Python types checked as read.
SPEC: dict[tuple[str, str], tuple[type | tuple[type, ...], bool]] = {
    ("instansi", "nama"): (str, True),
    ("instansi", "nama_singkat"): (str, True),
    ("instansi", "kode_satker"): (str, True),
    ("instansi", "alamat"): (str, False),
    ("instansi", "kota"): (str, False),
    ("instansi", "telepon"): (str, False),
    ("instansi", "email"): (str, False),
    ("instansi", "laman"): (str, False),
    ("instansi", "zona_waktu"): (str, False),
    ("instansi", "logo"): (str, False),
    ("ppid", "nama"): (str, True),
    ("ppid", "nip"): (str, False),
    ("ppid", "jabatan"): (str, True),
    ("atasan_ppid", "nama"): (str, True),
    ("atasan_ppid", "nip"): (str, False),
    ("atasan_ppid", "jabatan"): (str, True),
    ("penomoran", "permohonan"): (str, True),
    ("penomoran", "keberatan"): (str, True),
    ("penomoran", "surat"): (str, False),
    ("tenggat", "permohonan"): (int, False),
    ("tenggat", "perpanjangan"): (int, False),
    ("tenggat", "permohonan_tahapan"): (int, False),
    ("tenggat", "perpanjangan_tahapan"): (int, False),
    ("tenggat", "pengajuan_keberatan"): (int, False),
    ("tenggat", "tanggapan_keberatan"): (int, False),
    ("tenggat", "tanggapan_keberatan_tahapan"): (int, False),
    ("tenggat", "sengketa"): (int, False),
    ("tenggat", "laporan_tahunan"): (str, False),
    ("tenggat", "cuti_bersama_libur"): (bool, False),
    ("standar_layanan", "teruskan_permohonan"): (int, False),
    ("standar_layanan", "teruskan_keberatan"): (int, False),
    ("standar_layanan", "draf_tanggapan"): (int, False),
    ("standar_layanan", "sampaikan_tanggapan"): (int, False),
    ("laporan", "kebijakan_umum"): (str, False),
    ("laporan", "gambaran_layanan"): (str, False),
    ("penyimpanan", "format"): (str, False),
    ("penyimpanan", "batas_tunggu_kunci"): ((int, float), False),
    ("penyimpanan", "izin_berkas"): (str, False),
}

#: Defaults of the optional settings; the legal basis of each deadline is in DEFAULT_TOML.
DEFAULTS: dict[tuple[str, str], Any] = {
    ("instansi", "zona_waktu"): "Asia/Makassar",
    ("tenggat", "permohonan"): 10,
    ("tenggat", "perpanjangan"): 7,
    ("tenggat", "permohonan_tahapan"): 3,
    ("tenggat", "perpanjangan_tahapan"): 2,
    ("tenggat", "pengajuan_keberatan"): 30,
    ("tenggat", "tanggapan_keberatan"): 30,
    ("tenggat", "tanggapan_keberatan_tahapan"): 3,
    ("tenggat", "sengketa"): 14,
    ("tenggat", "laporan_tahunan"): "31-03",
    ("tenggat", "cuti_bersama_libur"): True,
    ("standar_layanan", "teruskan_permohonan"): 1,
    ("standar_layanan", "teruskan_keberatan"): 1,
    ("standar_layanan", "draf_tanggapan"): 1,
    ("standar_layanan", "sampaikan_tanggapan"): 1,
    ("penyimpanan", "format"): "csv",
    ("penyimpanan", "batas_tunggu_kunci"): 30,
    ("penyimpanan", "izin_berkas"): "0640",
}

TYPE_NAMES = {str: "teks", int: "bilangan bulat", bool: "true/false", float: "bilangan"}


@dataclass(frozen=True)
class Stage:
    """An election stage (tahapan) named in the settings."""

    nama: str
    mulai: date
    selesai: date

    def ongoing(self, on: date) -> bool:
        return self.mulai <= on <= self.selesai


#: the settings a letter or report signs or heads with that name the office's region
OFFICE_NAMED = (
    ("instansi", "nama_singkat"),
    ("ppid", "jabatan"),
    ("atasan_ppid", "jabatan"),
)
#: a region in an office's name or title: "Kota Mataram", "Kabupaten Lombok Barat", "Provinsi …"
_WILAYAH = re.compile(r"\b(Kota|Kabupaten|Kab\.|Provinsi|Prov\.)\s+([^,;()]+)", re.IGNORECASE)


def _wilayah(m: re.Match) -> list[str]:
    """The region a :data:`_WILAYAH` match names, as compared: its kind and the words after it,
    case folded ("Kota Mataram selaku PPID" → kota, mataram, selaku, ppid)."""
    kind = {"kab.": "kabupaten", "prov.": "provinsi"}.get(m[1].casefold(), m[1].casefold())
    return [kind, *m[2].casefold().split()]


#: words that make another region of a name they follow (Sumbawa Barat is not Sumbawa)
_ARAH = frozenset({"barat", "timur", "utara", "selatan", "tengah", "tenggara", "daya", "laut"})


def _sama(there: list[str], here: list[str]) -> bool:
    """Whether a title's region ``there`` is the office's ``here``: the same kind and name, then
    nothing or a role ("selaku PPID"), not a direction that names a neighbour; or the name's
    initials ("Provinsi NTB")."""
    n = len(here)
    if there[:n] == here:
        return len(there) == n or there[n] not in _ARAH
    initials = "".join(w[0] for w in here[1:])
    return there[0] == here[0] and len(there) > 1 and there[1].replace(".", "") == initials


class Settings:
    """The validated contents of ppidctl.toml."""

    def __init__(
        self, path: Path, data: dict[str, Any], text: str, warnings: list[str] | None = None
    ) -> None:
        self.path = path
        self.data = data
        self.text = text
        #: what the file holds that ppidctl does not know (ignored), for the CLI to print
        self.warnings = list(warnings or [])

    def get(self, section: str, key: str) -> Any:
        """The setting, or its default. A numbering pattern (``[penomoran]``) comes with the
        office code bound in as literal text (``{kode}`` → ``5271``): it formats the same numbers,
        and a number is read back with the code matched literally, so a sequence right beside the
        code (``PPID-{kode}{urut:03d}-{tahun}``) cannot swallow it."""
        value = self.data.get(section, {}).get(key)
        if section == "penomoran" and isinstance(value, str) and value:
            from .rules.numbering import bind_kode

            return bind_kode(value, self.data["instansi"]["kode_satker"])
        return DEFAULTS.get((section, key)) if value is None else value

    def stand_ins(self) -> list[tuple[str, str]]:
        """The :data:`PLACEHOLDERS` settings still holding the stand-in ``init`` writes — or,
        in another office's workspace, KPU Kota Mataram's contact details (an older ``init``
        wrote them for every office)."""
        written = init_values()
        kode = self.data.get("instansi", {}).get("kode_satker")
        lain = {  # (not the city: another office may well be in Mataram too)
            k: v
            for c, kontak in KONTAK.items()
            if c != kode
            for k, v in kontak.items()
            if k != "kota"
        }
        return [
            (section, key)
            for section, key in PLACEHOLDERS
            if (value := self.data.get(section, {}).get(key)) == written[section][key]
            or (section == "instansi" and value == lain.get(key))
        ]

    def other_office(self) -> list[tuple[str, str]]:
        """The settings a letter signs or heads with that name another region than
        ``[instansi] nama`` does: "PPID KPU Kota Mataram" in Kabupaten Lombok Barat's workspace
        (a file copied from a neighbouring office, with the warned contacts fixed and these not)."""
        nama = str(self.data.get("instansi", {}).get("nama", ""))
        ours = [_wilayah(m) for m in _WILAYAH.finditer(nama)]  # ("…, Provinsi NTB": both)
        if not ours:  # (a name without Kota/Kabupaten/Provinsi: nothing to compare)
            return []
        levels = {here[0] for here in ours}  # (a kabupaten's title may name its province)
        return [
            (section, key)
            for section, key in OFFICE_NAMED
            if any(
                (there[0] != "provinsi" or "provinsi" in levels)
                and not any(_sama(there, here) for here in ours)
                for m in _WILAYAH.finditer(str(self.data.get(section, {}).get(key, "")))
                for there in [_wilayah(m)]
            )
        ]

    def placeholders(self) -> list[str]:
        """One warning naming each :meth:`stand_ins` setting and the value a letter prints for
        it, and one naming each :meth:`other_office` setting (``[]`` when there is none)."""

        def shown(pairs: list[tuple[str, str]]) -> str:
            return "; ".join(
                f'[{section}] {key} = "{self.data[section][key]}"'
                + (f" (baris {line})" if (line := line_of(self.text, section, key)) else "")
                for section, key in pairs
            )

        out = []
        if found := self.stand_ins():
            out.append(
                f"{self.path.name} masih berisi nilai contoh dari ppidctl init, dan surat "
                f"memakainya: {shown(found)}"
                + ' — isi dengan data kantor yang sebenarnya (nip = "" bila pejabat tidak ber-NIP)'
            )
        if found := self.other_office():
            out.append(
                f"{self.path.name} menyebut wilayah lain daripada [instansi] nama "
                f'("{self.data["instansi"]["nama"]}"), dan surat serta laporan memakainya: '
                f"{shown(found)} — isi dengan nama dan jabatan kantor ini"
            )
        return out

    def section(self, name: str) -> dict[str, Any]:
        out = {k: v for (s, k), v in DEFAULTS.items() if s == name}
        out.update(self.data.get(name, {}))
        return out

    @property
    def zona_waktu(self) -> str:
        return self.get("instansi", "zona_waktu")

    def tenggat(self, key: str) -> int:
        return int(self.get("tenggat", key))

    def batas_laporan_tahunan(self, tahun: int) -> date:
        """The day the annual report of ``tahun`` is due: ``[tenggat] laporan_tahunan``
        ("DD-MM") of the next year (31 March, Perki 1/2021 Pasal 56)."""
        text = str(self.get("tenggat", "laporan_tahunan")).strip()
        m = re.fullmatch(r"(\d{1,2})-(\d{1,2})", text)
        try:
            if m is None:
                raise ValueError(text)
            day, month = int(m[1]), int(m[2])
            if (day, month) == (29, 2) and not calendar.isleap(tahun + 1):
                day = 28  # (no 29 February that year: the 28th)
            return date(tahun + 1, month, day)
        except ValueError:
            raise ConfigError(
                f"ppidctl.toml: [tenggat] laporan_tahunan = '{text}' bukan tanggal-bulan",
                'tulis mis. laporan_tahunan = "31-03" (31 Maret tahun berikutnya)',
            ) from None

    @property
    def format_register(self) -> str:
        return self.get("penyimpanan", "format")

    @property
    def tahapan(self) -> list[Stage]:
        return [Stage(t["nama"], t["mulai"], t["selesai"]) for t in self.data.get("tahapan", [])]

    def stage(self, nama: str) -> Stage | None:
        want = lipat(nama.strip())
        for st in self.tahapan:
            if lipat(st.nama) == want:
                return st
        return None


def toml_escape(text: str) -> str:
    """``text`` as the inside of a TOML basic string (quotes, backslashes, control characters)."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch < " " or ch == "\x7f":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


def toml_error_place(e: tomllib.TOMLDecodeError) -> str:
    """Where a TOML syntax error lies, in Indonesian: ``" (baris 74, kolom 9)"``, or ``""`` when
    the parser does not say. The parser's own description is English, so only the place is kept
    (for ppidctl.toml and the import's ``--peta`` file alike)."""
    place = re.search(r"line (\d+), column (\d+)", str(e))
    return f" (baris {place[1]}, kolom {place[2]})" if place else ""


@functools.cache
def init_values() -> dict[str, Any]:
    """The settings as ``init`` writes them (the office's name and code aside)."""
    return tomllib.loads(default_text("-", "-", "-"))


#: the three time zones (Keppres 41/1987), by the province part of a region code
#: (Kepmendagri kode wilayah: 52 Nusa Tenggara Barat, 32 Jawa Barat, 91 Papua, …)
ZONA = {
    "Asia/Jakarta": ("WIB (UTC+7)", "11 12 13 14 15 16 17 18 19 21 31 32 33 34 35 36 61 62"),
    "Asia/Makassar": ("WITA (UTC+8)", "51 52 53 63 64 65 71 72 73 74 75 76"),
    "Asia/Jayapura": ("WIT (UTC+9)", "81 82 91 92 93 94 95 96"),
}


def zone_name(offset) -> str:
    """A UTC offset (a ``timedelta``) as Indonesians name its zone: ``WITA`` for +08:00; another
    offset as ``UTC+05:30``."""
    hours = offset.total_seconds() / 3600
    named = {  # (ZONA's labels, "WITA (UTC+8)": Keppres 41/1987)
        int(label.split("UTC+")[1].rstrip(")")): label.split()[0] for label, _ in ZONA.values()
    }.get(hours)
    if named:
        return named
    sign, minutes = ("+" if hours >= 0 else "-"), abs(int(offset.total_seconds() // 60))
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def zona_of(kode: str) -> str | None:
    """The office's time zone from its region code's province (``5271`` → Asia/Makassar), or
    None for a code that names no province (a national office: set by hand)."""
    for zona, (_, provinsi) in ZONA.items():
        if kode[:2] in provinsi.split() and kode[:2].isdigit():
            return zona
    return None


def default_text(nama: str, nama_singkat: str, kode: str) -> str:
    esc = toml_escape
    kontak = KONTAK.get(kode, KONTAK_CONTOH)
    zona = zona_of(kode) or DEFAULTS[("instansi", "zona_waktu")]
    return DEFAULT_TOML.format(
        nama=esc(nama),
        nama_singkat=esc(nama_singkat),
        kode=esc(kode),
        zona=zona,
        zona_label=ZONA[zona][0],
        **kontak,
    )


def line_of(text: str, section: str | None, key: str) -> int | None:
    """The line number of ``key`` inside ``[section]`` (1-based), or None."""
    current = None
    for i, line in enumerate(text.splitlines(), 1):
        head = re.match(r"\s*\[+\s*([A-Za-z0-9_.-]+)\s*\]+", line)
        if head:
            current = head.group(1)
            if section and key == "" and current == section:
                return i
            continue
        if current == section and re.match(rf"\s*{re.escape(key)}\s*=", line):
            return i
    return None


def _where(path: Path, text: str, section: str, key: str) -> str:
    line = line_of(text, section, key) or line_of(text, section, "")
    return f"{path.name}:{line}" if line else path.name


BOM = b"\xef\xbb\xbf"


def load(path: Path) -> Settings:
    """Read and check ppidctl.toml. A UTF-8 BOM (Notepad on Windows writes one) is allowed."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise ConfigError(f"{path} tidak dapat dibaca: {sebab(e)}", "periksa berkasnya") from None
    return parse(path, _decode(path, raw))


def _decode(path: Path, raw: bytes) -> str:
    try:
        if b"\x00" in raw[:200]:  # (UTF-16 without a BOM decodes as UTF-8: sesi31c N1)
            raise UnicodeDecodeError("utf-8", raw, 0, 1, "NUL")
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:  # (old Notepad's "ANSI": the line, and how — konsol N4)
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:200]:
            raise ConfigError(  # (Notepad's "Unicode": no line to show — sesi31b L5)
                f"{path} tersimpan sebagai Unicode (UTF-16), bukan UTF-8",
                "simpan ulang sebagai UTF-8 (Notepad: Simpan Sebagai, Encoding: UTF-8)",
            ) from None
        line = raw[: e.start].count(b"\n") + 1
        start = raw.rfind(b"\n", 0, e.start) + 1
        end = raw.find(b"\n", e.start)
        # the line as Windows' "ANSI" reads it, not a Python byte string (sesi31 N1): the
        # first such line is often init's own comment — the whole file was saved so
        text = raw[start : end if end >= 0 else len(raw)].decode("cp1252", "replace").strip()
        raise ConfigError(
            f'{path} bukan teks UTF-8 (baris {line}: "{text[:60]}"): seluruh berkas '
            "tampaknya disimpan dengan encoding lain (Notepad: ANSI)",
            "simpan ulang sebagai UTF-8 (Notepad: Simpan Sebagai, Encoding: UTF-8)",
        ) from None


def parse(path: Path, text: str) -> Settings:
    """The settings in ``text`` (the contents of ``path``), checked; a ConfigError names the key
    and its line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(
            f"{path.name} tidak dapat dibaca: bukan TOML yang sah{toml_error_place(e)}",
            "perbaiki baris itu: setiap bagian seperti [tenggat] hanya boleh ada sekali, teks "
            "ditulis dalam tanda kutip",
        ) from None
    for (section, key), (typ, required) in SPEC.items():
        sect = data.get(section)
        if sect is not None and not isinstance(sect, dict):
            raise ConfigError(
                f"{_where(path, text, section, '')}: [{section}] harus berupa tabel",
                f"tulis sebagai bagian [{section}]",
            )
        value = (sect or {}).get(key)
        if value is None:
            if required:
                where = _where(path, text, section, "")
                raise ConfigError(
                    f"{where}: kunci '{section}.{key}' wajib diisi",
                    f"tambahkan baris {key} = ... di bagian [{section}]",
                )
            continue
        types = typ if isinstance(typ, tuple) else (typ,)
        if not isinstance(value, types) or (bool not in types and isinstance(value, bool)):
            want = " atau ".join(TYPE_NAMES[t] for t in types)
            raise ConfigError(
                f"{_where(path, text, section, key)}: '{section}.{key}' harus {want}",
                f'tulis dengan tanda kutip: {key} = "{value}"'
                if types == (str,)
                and isinstance(value, int | float)
                and not isinstance(value, bool)
                else f"perbaiki nilai {key}",
            )
        if required and isinstance(value, str) and not value.strip():
            raise ConfigError(
                f"{_where(path, text, section, key)}: kunci '{section}.{key}' wajib diisi, "
                "tetapi kosong",
                f'isi {key} = "..." di bagian [{section}]',
            )
        if isinstance(value, str) and KENDALI.search(value):  # (a TOML escape: "\u000b")
            raise ConfigError(
                f"{_where(path, text, section, key)}: '{section}.{key}' memuat karakter kendali "
                "yang tidak bisa dicetak (surat melewatinya, buku register dan laporan gagal)",
                f"hapus karakter itu dari nilai {key}",
            )
        if isinstance(value, int | float) and not isinstance(value, bool) and value < 0:
            raise ConfigError(
                f"{_where(path, text, section, key)}: '{section}.{key}' tidak boleh negatif",
                f"perbaiki nilai {key}",
            )
        if section == "tenggat" and typ is int and value > TENGGAT_MAKS:  # (a typo: 100 → 1000)
            raise ConfigError(
                f"{_where(path, text, section, key)}: '{section}.{key}' = {value} hari kerja "
                f"terlalu besar (paling banyak {TENGGAT_MAKS})",
                f"perbaiki nilai {key}",
            )
    _check_semantics(path, text, data)
    return Settings(path, data, text, _unknown(path, text, data))


#: Sections ppidctl reads (in SPEC's order) with their keys; and the keys of a stage.
KNOWN: dict[str, list[str]] = {}
for _section, _key in SPEC:
    KNOWN.setdefault(_section, []).append(_key)
STAGE_KEYS = ["nama", "mulai", "selesai"]
#: the longest deadline a setting may give, in working days (about 14 years: a typo beyond it
#: counted past the calendar's last day in every listing)
TENGGAT_MAKS = 3650


def _unknown(path: Path, text: str, data: dict[str, Any]) -> list[str]:
    """A warning for each section or key ppidctl does not read (a typo such as ``[tengat]`` or
    ``permohonann`` would otherwise fall back to the default unnoticed), naming the known ones.
    Not refused: a file written for a newer ppidctl may carry settings this one does not know."""
    out = []
    sections = [*KNOWN, "tahapan"]
    for name, value in data.items():
        if name in sections:
            continue
        known = ", ".join(f"[{s}]" for s in KNOWN) + ", [[tahapan]]"
        if isinstance(value, dict):
            maybe, what = _maybe(name, sections, "[{}]"), f"bagian [{name}]"
        else:  # a key above the first section header
            owners = [f"[{s}]" for s, keys in KNOWN.items() if name in keys]
            maybe = f"mungkin milik bagian {' atau '.join(owners)}; " if owners else ""
            what = f"kunci '{name}' di luar bagian mana pun"
        line = line_of(text, name, "") or line_of(text, None, name)
        out.append(
            f"{path.name}{f':{line}' if line else ''}: {what} tidak dikenal dan diabaikan "
            f"({maybe}bagian yang dikenal: {known})"
        )
    for section, keys in KNOWN.items():
        for key in data.get(section, {}):
            if key not in keys:
                out.append(
                    f"{_where(path, text, section, key)}: kunci '{key}' di [{section}] tidak "
                    f"dikenal dan diabaikan ({_maybe(key, keys)}kunci yang dikenal: "
                    f"{', '.join(keys)})"
                )
    for i, st in enumerate(data.get("tahapan", []), 1):
        extra = [k for k in st if k not in STAGE_KEYS]
        if extra:
            out.append(
                f"{path.name}: [[tahapan]] ke-{i}: kunci {', '.join(repr(k) for k in extra)} "
                f"tidak dikenal dan diabaikan (kunci yang dikenal: {', '.join(STAGE_KEYS)})"
            )
    return out


def _maybe(name: str, known: list[str], shape: str = "{}") -> str:
    import difflib  # (only when a name is unknown: not on every command's path)

    close = difflib.get_close_matches(name, known, n=1, cutoff=0.75)
    return f"mungkin: {shape.format(close[0])}; " if close else ""


def _check_semantics(path: Path, text: str, data: dict[str, Any]) -> None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    zone = data.get("instansi", {}).get("zona_waktu", "Asia/Makassar")
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"{_where(path, text, 'instansi', 'zona_waktu')}: zona waktu '{zone}' tidak dikenal",
            "gunakan mis. Asia/Makassar (WITA), Asia/Jakarta (WIB) atau Asia/Jayapura (WIT)",
        ) from None
    fmt = data.get("penyimpanan", {}).get("format", "csv")
    if fmt not in ("csv", "xlsx"):
        raise ConfigError(
            f"{_where(path, text, 'penyimpanan', 'format')}: format '{fmt}' tidak dikenal",
            'isi "csv" atau "xlsx"',
        )
    mode = data.get("penyimpanan", {}).get("izin_berkas", "0640")
    if not re.fullmatch(r"0?[0-7]{3}", mode):
        raise ConfigError(
            f"{_where(path, text, 'penyimpanan', 'izin_berkas')}: izin_berkas '{mode}' tidak sah",
            'isi mode oktal seperti "0640"',
        )
    if int(mode, 8) & 0o600 != 0o600:  # (the lock, the journal and every register are written)
        raise ConfigError(
            f"{_where(path, text, 'penyimpanan', 'izin_berkas')}: izin_berkas '{mode}' tidak "
            "memberi pemilik berkas hak membaca dan menulis, padahal ppidctl menulis register, "
            "jurnal dan kuncinya",
            'isi mis. "0640" (pemilik baca-tulis, grup baca) atau "0600"',
        )
    from .rules.numbering import check_pattern

    for key in ("permohonan", "keberatan", "surat"):
        pattern = data.get("penomoran", {}).get(key, "")
        if pattern or key != "surat":
            problem = check_pattern(pattern)
            if problem:
                raise ConfigError(
                    f"{_where(path, text, 'penomoran', key)}: pola 'penomoran.{key}' {problem}",
                    "gunakan isian {urut} (wajib), {tahun} (wajib), {kode}, {bulan}, "
                    "{bulan_romawi}, dengan pemisah di antara {urut} dan bulan, mis. "
                    f'{key} = "{EXAMPLE_PATTERN[key]}"',
                )
    stages = data.get("tahapan", [])
    if not isinstance(stages, list):
        raise ConfigError(
            f"{_stage_where(path, text, 1)}: 'tahapan' harus ditulis sebagai [[tahapan]]",
            "tulis setiap tahapan sebagai bagian [[tahapan]] dengan nama, mulai, selesai",
        )
    for i, st in enumerate(stages, 1):
        where = f"{_stage_where(path, text, i)}: [[tahapan]] ke-{i}"
        if not isinstance(st, dict):
            raise ConfigError(
                f"{_stage_where(path, text, i)}: 'tahapan' ke-{i} harus tabel berisi nama, "
                f"mulai, selesai, bukan {_toml_kind(st)}",
                'tulis tahapan sebagai [[tahapan]] dengan baris nama = "...", mulai = '
                "2026-01-05, selesai = 2026-06-30",
            )
        for key in ("nama", "mulai", "selesai"):
            if key not in st:
                raise ConfigError(f"{where}: kunci '{key}' wajib diisi", "lengkapi tahapan")
        if not isinstance(st["nama"], str) or not st["nama"].strip():
            raise ConfigError(f"{where}: 'nama' harus teks", "isi nama tahapan")
        if KENDALI.search(st["nama"]):  # (as every other value: the register book failed on it)
            raise ConfigError(
                f"{where}: 'nama' memuat karakter kendali yang tidak bisa dicetak",
                "hapus karakter itu dari nama tahapan",
            )
        for key in ("mulai", "selesai"):
            if not isinstance(st[key], date) or hasattr(st[key], "hour"):
                raise ConfigError(
                    f"{where}: '{key}' harus tanggal tanpa tanda kutip, mis. 2026-03-01",
                    "perbaiki tanggalnya",
                )
        if st["selesai"] < st["mulai"]:
            raise ConfigError(f"{where}: 'selesai' sebelum 'mulai'", "perbaiki tanggalnya")


def _stage_where(path: Path, text: str, i: int) -> str:
    """``ppidctl.toml:LINE`` of the ``i``-th stage: its ``[[tahapan]]`` header, or the line of
    ``tahapan = ...`` when the stages are written as one value."""
    line = line_of(text, None, "tahapan")
    if line is None:
        heads = [
            n
            for n, row in enumerate(text.splitlines(), 1)
            if re.match(r"\s*\[\[\s*tahapan\s*\]\]", row)
        ]
        line = heads[i - 1] if i <= len(heads) else None
    return f"{path.name}:{line}" if line else path.name


#: A pattern to suggest when one is refused: the default of each register (DEFAULT_TOML).
EXAMPLE_PATTERN = {
    "permohonan": "{urut:03d}/PPID/{kode}/{bulan_romawi}/{tahun}",
    "keberatan": "{urut:03d}/KEB/PPID/{kode}/{bulan_romawi}/{tahun}",
    "surat": "{urut}/PL.02.2-SD/{kode}/{bulan_romawi}/{tahun}",
}


def _toml_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"bilangan ({value})"
    if isinstance(value, str):
        return f'teks ("{value}")'
    if isinstance(value, list):
        return "larik"
    return type(value).__name__


def stage_toml(nama: str, mulai: date, selesai: date) -> str:
    esc = toml_escape(nama)
    return f'\n[[tahapan]]\nnama = "{esc}"\nmulai = {mulai.isoformat()}\nselesai = {selesai.isoformat()}\n'


def with_stage(path: Path, raw: bytes, stage: Stage) -> bytes:
    """``raw`` (the bytes of ppidctl.toml) with ``stage`` appended as a ``[[tahapan]]`` table.

    The file's own bytes stay as they are — comments, a BOM, Windows line ends (the new lines
    take the file's) — and the new text is read back before it may replace the file: it must be
    valid settings holding the stages it held plus this one, everything else unchanged. When the
    file's shape does not allow appending (stages written as ``tahapan = [...]``), refused."""
    bom = BOM if raw.startswith(BOM) else b""
    text = _decode(path, raw)
    before = parse(path, text)
    if before.stage(stage.nama):
        raise ConfigError(f"tahapan '{stage.nama}' sudah ada di {path.name}", "pakai nama lain")
    newline = "\r\n" if "\r\n" in text else "\n"
    block = stage_toml(stage.nama, stage.mulai, stage.selesai).replace("\n", newline)
    new = text + ("" if text.endswith("\n") or not text else newline) + block
    try:
        after = parse(path, new)
    except ConfigError:
        after = None
    rest = {k: v for k, v in before.data.items() if k != "tahapan"}
    if (
        after is None
        or after.tahapan != [*before.tahapan, stage]
        or {k: v for k, v in after.data.items() if k != "tahapan"} != rest
    ):
        line = line_of(text, None, "tahapan")
        shape = f" (baris {line}: tahapan = [...])" if line else ""
        raise ConfigError(
            f"tahapan tidak dapat ditambahkan ke {path.name}: tahapan yang ada ditulis dengan "
            f"cara lain{shape}, sehingga bagian [[tahapan]] baru di akhir berkas membuatnya rusak",
            "tulis setiap tahapan sebagai bagian [[tahapan]] (nama, mulai, selesai; contoh di "
            f"akhir berkas bawaan), lalu ulangi; atau tambahkan tahapan ini langsung di {path.name}",
        )
    return bom + new.encode("utf-8")
