"""What ``ppidctl periksa`` reports: one :class:`Problem` per finding, never an exception."""

from __future__ import annotations

from dataclasses import dataclass

#: problem codes (``kode`` in ``--format json``), stable for scripts
JURNAL_TERPOTONG = "jurnal-terpotong"  # torn tail: power cut while writing
JURNAL_RUSAK = "jurnal-rusak"  # a line in the middle that is not an entry
JURNAL_HILANG = "jurnal-hilang"  # no journal at all (init writes its first line)
FORMAT_GANDA = "format-ganda"  # cases in the register's file of the other storage format
RANTAI_PUTUS = "rantai-putus"  # hash chain broken: a line changed, inserted or deleted
BELUM_DITERAPKAN = "belum-diterapkan"  # journalled, register not yet replaced
DIUBAH_DI_LUAR = "diubah-di-luar"  # a field differs from the journal
BARIS_TIDAK_TERCATAT = "baris-tidak-tercatat"  # a row the journal never added
BARIS_HILANG = "baris-hilang"  # a journalled row no longer in the register
DISIMPAN_ULANG = "disimpan-ulang"  # bytes changed, content as journalled
RIWAYAT_DIUBAH = "riwayat-diubah"  # changed outside ppidctl before a later command
REGISTER_HILANG = "register-hilang"
REGISTER_RUSAK = "register-rusak"
NOMOR_GANDA = "nomor-ganda"
NOMOR_LONCAT = "nomor-loncat"
NOMOR_TAHUN = "nomor-tahun"
WAJIB_KOSONG = "wajib-kosong"
NILAI_TIDAK_SAH = "nilai-tidak-sah"
URUTAN_TANGGAL = "urutan-tanggal"
URUTAN_LANGKAH = "urutan-langkah"
TANGGAL_MASA_DEPAN = "tanggal-masa-depan"
TENGGAT_BERUBAH = "tenggat-berubah"
SURAT_HILANG = "surat-hilang"
SURAT_DIUBAH = "surat-diubah"  # a letter file's bytes are not those made
SURAT_TANPA_PERKARA = "surat-tanpa-perkara"  # letters/ newer than the registers
BERKAS_SEMENTARA = "berkas-sementara"
LEMBAR_LAIN = "lembar-lain"  # an XLSX register holding a sheet beside its own
POTONGAN_TIDAK_TERCATAT = "potongan-tidak-tercatat"  # a torn tail cut by a pulihkan cut short
TANGGAL_SURAT = "tanggal-surat"  # a letter dated otherwise than its case's step
SALINAN_BENTROK = "salinan-bentrok"  # a copy of a register or the journal beside it (sync)

#: what a repair command fixes, for the suggestions
PULIHKAN = "ppidctl pulihkan"
TERIMA = "ppidctl periksa --terima-perubahan --catatan TEKS"
PERBAIKI_TENGGAT = "ppidctl periksa --perbaiki-tenggat"


#: the way out of a problem in a register's data, when the finding names none of its own
SUNTING = (
    "perbaiki di register (CSV dengan editor teks, bukan Excel; XLSX di Excel, sel sebagai teks), "
    f"lalu catat suntingan itu dengan: {TERIMA}"
)
SARAN_BAWAAN = {
    WAJIB_KOSONG: SUNTING,
    NILAI_TIDAK_SAH: SUNTING,
    URUTAN_TANGGAL: SUNTING,
    URUTAN_LANGKAH: SUNTING,
    TANGGAL_MASA_DEPAN: SUNTING,
}


@dataclass(frozen=True)
class Problem:
    berkas: str  # path relative to the workspace, with "/"
    baris: int | None  # line in that file (None: the file as a whole)
    kode: str
    pesan: str
    saran: str = ""

    def __post_init__(self) -> None:
        if not self.saran:  # every finding says what to do
            object.__setattr__(self, "saran", SARAN_BAWAAN.get(self.kode, ""))

    def where(self) -> str:
        return f"{self.berkas}:{self.baris}" if self.baris else self.berkas

    def __str__(self) -> str:
        text = f"{self.where()}: {self.pesan}"
        return f"{text} — {self.saran}" if self.saran else text

    def as_dict(self) -> dict[str, object]:
        return {
            "berkas": self.berkas,
            "baris": self.baris,
            "kode": self.kode,
            "pesan": self.pesan,
            "saran": self.saran,
        }


def short(value: str, width: int = 60) -> str:
    """A value for a message: quoted, one line, cut when long."""
    text = value.replace("\r", "\\r").replace("\n", "\\n")
    if len(text) > width:
        text = text[: width - 1] + "…"
    return f"'{text}'"


def kind_of_file(path: str) -> str:
    """What a file a commit wrote is, in a message: a letter, or an import's rejects file."""
    return "berkas tolak impor" if path.startswith("impor/") else "surat"
