"""The one declaration of every register column.

Each register (``permohonan``, ``keberatan``, ``surat``, ``libur``) is a tuple of :class:`Column`:
its key (also the CSV header and the template variable), its Indonesian header (for the register
book and Excel), its type, whether it is required, whether it holds personal data (and how to mask
it), its allowed values, and alternative header names met in legacy spreadsheets. CSV/XLSX storage,
import header matching, JSON output, template variables, validation and masking all derive from here.

Values are kept as strings exactly as stored (dates ``YYYY-MM-DD``, timestamps ISO 8601 with the
office's UTC offset, lists joined with ``;``); code that needs a typed value parses it at the point
of use, so a row a command did not touch is never re-formatted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Column types
TEKS = "teks"
TANGGAL = "tanggal"  # YYYY-MM-DD
WAKTU = "waktu"  # ISO 8601 timestamp with UTC offset
#: date columns that lie ahead by nature (deadlines); every other date is a past event
TENGGAT = frozenset({"jatuh_tempo", "batas_sengketa"})
#: columns ppidctl derives from the facts; an import recomputes them, so a source value it
#: cannot read is kept as a note, not a problem
TURUNAN = frozenset({"status", "jatuh_tempo", "terlambat"})
#: required columns an old book need not hold: the number (given in date order when missing)
#: and the status (derived)
BOLEH_KOSONG_DI_IMPOR = frozenset({"nomor_registrasi", "status"})
ANGKA = "angka"  # integer (Rupiah, counts)
PILIHAN = "pilihan"  # one of Column.pilihan
DAFTAR = "daftar"  # several of Column.pilihan, joined with ";"
YA_TIDAK = "ya_tidak"  # "ya" | "tidak" | ""


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    tipe: str = TEKS
    wajib: bool = False
    #: personal data (UU 27/2022): "" = not personal; else the masking kind
    #: ("nik", "telepon", "email", "alamat"; "teks": the numbers and addresses inside free text)
    #: applied by reports and exports.
    pribadi: str = ""
    pilihan: tuple[str, ...] = ()
    #: other header names met in legacy registers (matched case/punctuation-insensitively)
    alias: tuple[str, ...] = field(default=())


SALURAN = ("langsung", "surat", "email", "telepon", "faksimili", "e-ppid", "lainnya")
JENIS_PEMOHON = ("perorangan", "badan-hukum", "kelompok")
JENIS_IDENTITAS = ("ktp", "paspor", "lainnya")
CARA_MEMPEROLEH = ("melihat", "salinan")
BENTUK = ("softcopy", "hardcopy")
CARA_KIRIM = ("langsung", "kurir", "pos", "faksimili", "email")
DOKUMEN_PERMOHONAN = ("identitas", "akta", "kuasa", "formulir")
#: (meterai: the special power of attorney bears its duty stamp — SOP Keberatan step 1; recorded
#: so that the register shows it was checked)
DOKUMEN_KEBERATAN = ("formulir", "identitas", "kuasa", "meterai")

#: Request statuses, in procedure order. ``terdaftar`` → (``diteruskan``) → (``diperpanjang``)
#: → ``diputuskan`` → ``selesai``.
STATUS_PERMOHONAN = ("terdaftar", "diteruskan", "diperpanjang", "diputuskan", "selesai")
KEPUTUSAN_PERMOHONAN = (
    "diberikan",
    "diberikan-sebagian",
    "ditolak",
    "tidak-dikuasai",
    "belum-didokumentasikan",
)
#: Objection statuses: ``terdaftar`` → ``diteruskan`` → (``pleno``) → ``ditanggapi``
#: → ``disampaikan`` → ``selesai`` (the requester accepted) | ``sengketa`` (went to the KI).
STATUS_KEBERATAN = (
    "terdaftar",
    "diteruskan",
    "pleno",
    "ditanggapi",
    "disampaikan",
    "selesai",
    "sengketa",
)
#: What the statuses mean, for every module (desk steps, periksa, jatuh-tempo, reports, the
#: register book). OPEN: a deadline of the office runs (UU 14/2008 Pasal 22(7)–(8), 36(2));
#: FINAL: nothing left to do (the request closed; the requester accepted the Atasan's response
#: or took it to the Komisi Informasi, Pasal 37). The statuses between wait on no office
#: deadline (``services.queries.MENUNGGU``).
OPEN = {"permohonan": STATUS_PERMOHONAN[:3], "keberatan": STATUS_KEBERATAN[:3]}
FINAL = {"permohonan": ("selesai",), "keberatan": ("selesai", "sengketa")}
#: Decisions that give the information, whole or in part (Pasal 22(7)b); the others do not.
GIVEN = KEPUTUSAN_PERMOHONAN[:2]
NOT_GIVEN = KEPUTUSAN_PERMOHONAN[2:]
#: the columns of a written notification that belong to some decisions only (rules.md §5, the
#: notification's variants; UU 14/2008 Pasal 22(7), Pasal 17 and 19): the exclusion ground, its
#: decree and consequence test with a rejection or a partial grant; the body that holds the
#: information with "not held"; costs and the time to provide with information given.
#: ``putuskan`` refuses an option of another decision and writes every one of these (empty when
#: not given); an edit accepted by hand may not leave one beside another decision.
KOLOM_KEPUTUSAN = {
    "alasan_penolakan": ("ditolak", "diberikan-sebagian"),
    "sk_pengecualian": ("ditolak", "diberikan-sebagian"),
    "uji_konsekuensi": ("ditolak", "diberikan-sebagian"),
    "badan_publik_penguasa": ("tidak-dikuasai",),
    "biaya": GIVEN,
    "rincian_biaya": GIVEN,
    "cara_pembayaran": GIVEN,
    "waktu_penyediaan": GIVEN,
}
#: what an objection filed on a request copies from it (keberatan catat --permohonan): the
#: requester and the information, kept equal to the request's
DARI_PERMOHONAN = (
    "nama_pemohon",
    "nik",
    "alamat",
    "telepon",
    "email",
    "informasi_diminta",
    "tujuan_penggunaan",
)
#: Objection reasons, UU 14/2008 Pasal 35(1) a–g (the seed SOP lists the same seven), with the
#: statute's "Pasal 17", "Pasal 9", "Undang-Undang ini" naming the law: a form stands alone.
ALASAN_KEBERATAN_TEKS: dict[str, str] = {
    "a": "Penolakan atas permintaan informasi berdasarkan alasan pengecualian sebagaimana "
    "dimaksud dalam Pasal 17 UU 14/2008",
    "b": "Tidak disediakannya informasi berkala sebagaimana dimaksud dalam Pasal 9 UU 14/2008",
    "c": "Tidak ditanggapinya permintaan informasi",
    "d": "Permintaan informasi ditanggapi tidak sebagaimana yang diminta",
    "e": "Tidak dipenuhinya permintaan informasi",
    "f": "Pengenaan biaya yang tidak wajar",
    "g": "Penyampaian informasi yang melebihi jangka waktu yang diatur dalam UU 14/2008",
}
ALASAN_KEBERATAN = tuple(ALASAN_KEBERATAN_TEKS)
#: objection reasons whose granting orders the information given: a refusal (a), no answer (c),
#: an answer not as asked (d), a request not fulfilled (e). Granting f (fees) or g (delivered
#: late) is about the cost and the delay of information the requester may already hold; b
#: (Pasal 9) concerns no request.
ALASAN_PERINTAH_SERAH = ("a", "c", "d", "e")
#: what the Atasan PPID orders the PPID to do when granting an objection on each reason (the
#: reply letter: "memerintahkan PPID … untuk …"; rules.md §5, the decision with its reasons)
PERINTAH_KEBERATAN: dict[str, str] = {
    **dict.fromkeys(
        ALASAN_PERINTAH_SERAH,
        "memberikan informasi yang Saudara minta sesuai dengan ketentuan peraturan "
        "perundang-undangan",
    ),
    "b": "menyediakan dan mengumumkan informasi berkala yang Saudara maksud sebagaimana "
    "diwajibkan Pasal 9 UU 14/2008",
    "f": "meninjau kembali biaya yang dikenakan atas permohonan informasi tersebut agar sesuai "
    "dengan ketentuan peraturan perundang-undangan",
    "g": "menyampaikan informasi publik dalam jangka waktu yang diatur dalam UU 14/2008",
}
KEPUTUSAN_ATASAN = ("diterima", "ditolak")
#: the requester's answer to the Atasan PPID's response (keberatan tanggapan-pemohon)
SIKAP_PEMOHON = ("menerima", "sengketa")
#: ... or the objection settled by agreement before any response (keberatan musyawarah): UU
#: 14/2008 Pasal 35(2) lets reasons b-g be settled so; a (an exclusion) cannot be
TANGGAPAN_PEMOHON = (*SIKAP_PEMOHON, "musyawarah")
MUSYAWARAH_BOLEH = ALASAN_KEBERATAN[1:]
#: How the Komisi Informasi settled a dispute (UU 14/2008 Pasal 38-39, 45-46; Perki 1/2013 on
#: the dispute procedure): agreed in mediation, or decided in adjudication — granted wholly or
#: partly, refused — or ended without a decision on the merits. The annual report lists them
#: (rules.md §7: "disputes filed and their outcome").
PUTUSAN_SENGKETA_TEKS: dict[str, str] = {
    "mediasi": "selesai melalui mediasi (kesepakatan para pihak)",
    "mediasi-diberikan": "selesai melalui mediasi: informasi diberikan sesuai kesepakatan para "
    "pihak",
    "dikabulkan": "permohonan sengketa dikabulkan seluruhnya (ajudikasi)",
    "dikabulkan-sebagian": "permohonan sengketa dikabulkan sebagian (ajudikasi)",
    "ditolak": "permohonan sengketa ditolak (ajudikasi)",
    "tidak-diterima": "permohonan sengketa tidak dapat diterima atau gugur",
    "dicabut": "permohonan sengketa dicabut pemohon",
}
PUTUSAN_SENGKETA = tuple(PUTUSAN_SENGKETA_TEKS)
#: the rulings that order the information given, as on an objection the Atasan PPID granted:
#: a dispute granted (UU 14/2008 Pasal 46(1)(a)), or a mediation whose agreement is that it is
#: given (its ruling is final and binding, Pasal 39) — a plain ``mediasi`` orders nothing
MEDIASI_SERAH = "mediasi-diberikan"
PUTUSAN_PERINTAH_SERAH = ("dikabulkan", "dikabulkan-sebagian", MEDIASI_SERAH)
#: a legacy book's time-of-receipt column, in either register
_WAKTU_ALIAS = ("jam", "pukul", "waktu", "jam diterima", "pukul diterima")

PERMOHONAN: tuple[Column, ...] = (
    Column(
        "nomor_registrasi",
        "Nomor Registrasi",
        wajib=True,
        alias=(
            "no registrasi",
            "nomor pendaftaran",
            "no pendaftaran",
            "no. pendaftaran",
            "nomor registrasi permohonan",
            "no reg",
            "nomor register",
            "nomor registrasi pendaftaran",
            "nomor permohonan",
            "nomor registrasi permohonan informasi",
            "nomor pendaftaran permohonan",
        ),
    ),
    Column(
        "tanggal_diterima",
        "Tanggal Permohonan",
        TANGGAL,
        wajib=True,
        alias=(
            "tanggal",
            "tgl permohonan",
            "tanggal diterima",
            "tgl. permohonan",
            "tanggal permohonan informasi",
            "tgl diterima",
            "tanggal masuk",
            "tanggal pengajuan",
            "tanggal registrasi",
            "tanggal terima",
            "hari dan tanggal permohonan",
            "hari tanggal",
            "tanggal permohonan diterima",
        ),
    ),
    Column(
        "waktu_diterima",
        "Waktu Diterima",
        WAKTU,
        alias=(*_WAKTU_ALIAS, "waktu permohonan"),
    ),
    Column(
        "saluran",
        "Saluran Permohonan",
        PILIHAN,
        pilihan=SALURAN,
        alias=(
            "media permohonan",
            "cara permohonan",
            "melalui",
            "media",
            "cara pengajuan",
            "saluran",
            "media pengajuan",
        ),
    ),
    Column(
        "jenis_pemohon",
        "Jenis Pemohon",
        PILIHAN,
        pilihan=JENIS_PEMOHON,
        alias=("kategori pemohon", "kategori", "jenis pemohon informasi"),
    ),
    Column(
        "nama_pemohon",
        "Nama Pemohon",
        wajib=True,
        alias=("nama", "nama lengkap", "nama pemohon informasi", "pemohon", "nama lengkap pemohon"),
    ),
    Column("jenis_identitas", "Jenis Identitas", PILIHAN, pilihan=JENIS_IDENTITAS),
    Column(
        "nik",
        "NIK / Nomor Identitas",
        pribadi="nik",
        alias=(
            "nik",
            "no ktp",
            "nomor ktp",
            "nomor identitas",
            "no identitas",
            "no. ktp",
            "nomor induk kependudukan",
            "nik pemohon",
            "nik nomor ktp",
            "nomor ktp nik",
        ),
    ),
    Column(
        "alamat",
        "Alamat",
        pribadi="alamat",
        alias=("alamat pemohon", "alamat lengkap", "alamat pemohon informasi"),
    ),
    Column(
        "pekerjaan",
        "Pekerjaan",
        alias=("pekerjaan pemohon", "profesi", "pekerjaan pemohon informasi"),
    ),
    Column(
        "telepon",
        "Nomor Telepon",
        pribadi="telepon",
        alias=(
            "no telepon",
            "no hp",
            "nomor hp",
            "telp",
            "no. telp",
            "nomor kontak",
            "kontak",
            "no telp/hp",
            "nomor kontak telepon email",
            "nomor kontak pemohon",
            "kontak pemohon",
            "hp",
            "nomor hp wa",
            "nomor whatsapp",
            "telepon hp",
            "nomor telepon hp",
            "telepon email",
            "nomor telepon email",
        ),
    ),
    Column(
        "email",
        "E-mail",
        pribadi="email",
        alias=("e-mail", "surel", "alamat email", "email", "alamat surel", "email pemohon"),
    ),
    Column(
        "informasi_diminta",
        "Informasi yang Diminta",
        wajib=True,
        pribadi="teks",  # ("cek data pemilih saya, NIK …": a common request at a KPU desk)
        alias=(
            "rincian informasi yang dibutuhkan",
            "informasi yang dimohon",
            "rincian informasi",
            "informasi yang dibutuhkan",
            "judul informasi",
            "rincian informasi yang diminta",
            "informasi yang dimohonkan",
            "jenis informasi",
            "informasi yang diminta pemohon",
            "rincian informasi yang dimohon",
        ),
    ),
    Column(
        "tujuan_penggunaan",
        "Tujuan Penggunaan Informasi",
        pribadi="teks",
        alias=(
            "tujuan penggunaan",
            "tujuan",
            "tujuan penggunaan informasi",
            "tujuan permohonan",
            "alasan permohonan",
            "tujuan penggunaan data",
        ),
    ),
    Column(
        "cara_memperoleh",
        "Cara Memperoleh Informasi",
        PILIHAN,
        pilihan=CARA_MEMPEROLEH,
        alias=(
            "jenis permohonan",
            "cara memperoleh",
            "cara memperoleh informasi",
            "jenis permohonan melihat mendengar mencatat meminta salinan",
        ),
    ),
    Column(
        "bentuk_informasi",
        "Bentuk Informasi",
        PILIHAN,
        pilihan=BENTUK,
        alias=(
            "bentuk fisik",
            "format informasi",
            "bentuk informasi yang dikuasai",
            "bentuk informasi softcopy hardcopy",
            "bentuk",
        ),
    ),
    Column(
        "cara_kirim",
        "Cara Mendapatkan Salinan",
        PILIHAN,
        pilihan=CARA_KIRIM,
        alias=(
            "cara mendapatkan salinan",
            "cara pengiriman",
            "cara mendapatkan salinan informasi",
            "cara penyampaian",
        ),
    ),
    Column("dokumen", "Dokumen Diterima", DAFTAR, pilihan=DOKUMEN_PERMOHONAN),
    #: the form filled in by the desk (SOP Pelayanan langkah 1, Ket.: a request by telephone,
    #: a requester who asks): the receipt says so
    Column("diisi_petugas", "Formulir Diisikan Petugas", YA_TIDAK),
    Column("kuasa_nama", "Nama Kuasa", alias=("kuasa", "nama kuasa pemohon")),
    Column("tahapan", "Tahapan Pemilu", alias=("tahapan pemilihan",)),
    Column("status", "Status", PILIHAN, wajib=True, pilihan=STATUS_PERMOHONAN),
    Column("jatuh_tempo", "Batas Waktu Pemberitahuan", TANGGAL, alias=("batas waktu",)),
    Column("diteruskan_pada", "Diteruskan ke PPID", TANGGAL),
    Column("diperpanjang_pada", "Tanggal Perpanjangan", TANGGAL),
    Column("alasan_perpanjangan", "Alasan Perpanjangan", pribadi="teks"),
    Column(
        "keputusan",
        "Keputusan",
        PILIHAN,
        pilihan=KEPUTUSAN_PERMOHONAN,
        alias=("keputusan ppid", "keputusan permohonan", "keputusan ppid atas permohonan"),
    ),
    Column(
        "alasan_penolakan",
        "Alasan Penolakan (Pasal 17)",
        alias=(
            "alasan penolakan",
            "alasan ditolak",
            "dasar penolakan",
            "alasan penolakan pasal 17",
        ),
    ),
    Column("uji_konsekuensi", "Ringkasan Uji Konsekuensi", pribadi="teks"),
    Column("sk_pengecualian", "SK Informasi Dikecualikan"),
    Column("penjelasan", "Penjelasan Keputusan", pribadi="teks"),
    Column("badan_publik_penguasa", "Badan Publik yang Menguasai"),
    Column(
        "tanggal_pemberitahuan",
        "Tanggal Pemberitahuan Tertulis",
        TANGGAL,
        alias=(
            "tanggal pemberitahuan tertulis",
            "hari dan tanggal pemberitahuan tertulis",
            "tgl pemberitahuan",
            "pemberitahuan tertulis",
            "tanggal pemberitahuan",
        ),
    ),
    Column(
        "tanggal_selesai",
        "Tanggal Pemberian Informasi",
        TANGGAL,
        alias=(
            "tanggal pemberian informasi",
            "hari dan tanggal pemberian informasi",
            "tgl pemberian informasi",
            "pemberian informasi",
            "tanggal informasi diberikan",
            "tanggal selesai",
        ),
    ),
    #: waiting on the requester, left out of the service time the reports measure (rules.md
    #: §7): the fee paid (from the notification until then), the information ready for the
    #: requester to collect (from then until the handover) — permohonan selesai --dibayar/--siap
    Column("dibayar_pada", "Tanggal Biaya Dibayar", TANGGAL),
    Column("siap_pada", "Tanggal Informasi Siap Diserahkan", TANGGAL),
    Column(
        "biaya",
        "Biaya (Rp)",
        ANGKA,
        alias=(
            "biaya",
            "biaya dan cara pembayaran",
            "biaya penggandaan",
            "biaya rp",
            "biaya dan cara pembayaran rp",
        ),
    ),
    #: the cost breakdown for the notification letter: "uraian=jumlah;uraian=jumlah"
    Column("rincian_biaya", "Rincian Biaya"),
    #: how the fee is paid (rules.md §4: "Biaya dan cara pembayaran"), e.g. "tunai di loket"
    Column("cara_pembayaran", "Cara Pembayaran", alias=("cara pembayaran", "cara bayar")),
    Column("waktu_penyediaan", "Waktu Penyediaan Informasi"),
    Column("terlambat", "Terlambat", YA_TIDAK),
    Column(
        "petugas",
        "Petugas",
        alias=("petugas penerima", "nama petugas", "petugas pelayanan", "petugas ppid"),
    ),
    Column("catatan", "Catatan", pribadi="teks", alias=("keterangan", "ket", "keterangan lain")),
)

KEBERATAN: tuple[Column, ...] = (
    Column(
        "nomor_registrasi",
        "Nomor Registrasi Keberatan",
        wajib=True,
        alias=(
            "no registrasi keberatan",
            "nomor registrasi keberatan",
            "no. registrasi keberatan",
            "nomor registrasi",
            "no registrasi",
            "nomor register keberatan",
            "nomor keberatan",
        ),
    ),
    Column(
        "tanggal_diterima",
        "Tanggal Diterima",
        TANGGAL,
        wajib=True,
        alias=(
            "tanggal",
            "tgl diterima",
            "tanggal keberatan",
            "tanggal pengajuan",
            "tanggal keberatan diterima",
            "tanggal pengajuan keberatan",
            "tanggal masuk",
        ),
    ),
    Column(
        "waktu_diterima",
        "Waktu Diterima",
        WAKTU,
        alias=(*_WAKTU_ALIAS, "waktu keberatan"),
    ),
    Column("saluran", "Saluran", PILIHAN, pilihan=SALURAN),
    Column(
        "nomor_permohonan",
        "Nomor Pendaftaran Permohonan",
        alias=(
            "no pendaftaran permohonan",
            "nomor pendaftaran permohonan",
            "no. pendaftaran permohonan",
            "nomor permohonan",
            "no registrasi permohonan",
            "nomor registrasi permohonan",
            "nomor registrasi permohonan informasi",
            "nomor pendaftaran",
        ),
    ),
    Column(
        "nama_pemohon",
        "Nama Pemohon",
        wajib=True,
        alias=(
            "nama",
            "identitas pemohon",
            "nama pemohon keberatan",
            "pemohon",
            "nama pemohon informasi",
        ),
    ),
    Column(  # (a legal entity's objection holds its AHU number here, as the request register)
        "nik", "NIK / Nomor Identitas", pribadi="nik", alias=("nik", "no ktp", "nomor identitas")
    ),
    Column("alamat", "Alamat", pribadi="alamat", alias=("alamat pemohon",)),
    Column(
        "telepon",
        "Nomor Telepon",
        pribadi="telepon",
        alias=(
            "no telepon",
            "no hp",
            "telp",
            "nomor kontak",
            "kontak",
            "nomor kontak telepon email",
            "nomor hp",
            "hp",
            "nomor telepon hp",
        ),
    ),
    Column("email", "E-mail", pribadi="email", alias=("e-mail", "email", "alamat email", "surel")),
    Column(
        "kuasa_nama", "Nama Kuasa", alias=("kuasa", "identitas kuasa", "identitas kuasa nama")
    ),  # ("Identitas Kuasa" over "Nama | Alamat", as the register book has it)
    Column("kuasa_alamat", "Alamat Kuasa", pribadi="alamat", alias=("identitas kuasa alamat",)),
    Column(
        "informasi_diminta",
        "Informasi yang Diminta",
        pribadi="teks",
        alias=("informasi yang dimohon", "rincian informasi"),
    ),
    Column(
        "tujuan_penggunaan",
        "Tujuan Penggunaan Informasi",
        pribadi="teks",
        alias=("tujuan penggunaan", "tujuan"),
    ),
    Column(
        "alasan",
        "Alasan Keberatan",
        DAFTAR,
        wajib=True,
        pilihan=ALASAN_KEBERATAN,
        alias=(
            "alasan keberatan",
            "alasan pengajuan keberatan",
            "alasan pengajuan",
            "alasan keberatan pasal 35 ayat 1",
        ),
    ),
    Column(
        "kasus_posisi",
        "Kasus Posisi",
        pribadi="teks",
        alias=("ringkasan kasus", "kasus posisi ringkas", "uraian keberatan"),
    ),
    Column("alasan_ditemukan", "Tanggal Alasan Ditemukan", TANGGAL),
    Column("dokumen", "Dokumen Diterima", DAFTAR, pilihan=DOKUMEN_KEBERATAN),
    Column("kebutuhan_khusus", "Diisikan Petugas (Kebutuhan Khusus)", YA_TIDAK),
    Column("tahapan", "Tahapan Pemilu"),
    Column("status", "Status", PILIHAN, wajib=True, pilihan=STATUS_KEBERATAN),
    Column("jatuh_tempo", "Batas Waktu Tanggapan", TANGGAL),
    Column("diteruskan_pada", "Diteruskan ke Atasan PPID", TANGGAL),
    Column("pleno_pada", "Tanggal Rapat Pleno", TANGGAL),
    Column(
        "keputusan_atasan",
        "Keputusan Atasan PPID",
        PILIHAN,
        pilihan=KEPUTUSAN_ATASAN,
        alias=(
            "keputusan atasan ppid",
            "keputusan",
            "tanggapan atasan ppid",
            "keputusan atasan",
            "putusan atasan ppid",
        ),
    ),
    Column("pertimbangan", "Pertimbangan", pribadi="teks"),
    Column("sk_pengecualian", "SK Informasi Dikecualikan"),
    Column("nomor_surat_tanggapan", "Nomor Surat Tanggapan"),
    Column(
        "tanggal_tanggapan",
        "Hari dan Tanggal Tanggapan",
        TANGGAL,
        alias=("tanggal tanggapan", "hari dan tanggal tanggapan", "tgl tanggapan"),
    ),
    #: the Atasan PPID's response came after ``jatuh_tempo`` (allowed, but marked)
    Column("terlambat", "Tanggapan Terlambat", YA_TIDAK),
    Column(
        "nama_atasan",
        "Nama Atasan PPID",
        alias=("nama dan jabatan atasan ppid", "nama dan jabatan atasan", "atasan ppid"),
    ),
    Column("jabatan_atasan", "Jabatan Atasan PPID"),
    Column("disampaikan_pada", "Tanggal Tanggapan Disampaikan", TANGGAL),
    Column("batas_sengketa", "Batas Pengajuan Sengketa", TANGGAL),
    Column(
        "tanggapan_pemohon",
        "Tanggapan Pemohon",
        PILIHAN,
        pilihan=TANGGAPAN_PEMOHON,
        alias=(
            "tanggapan pemohon",
            "tanggapan pemohon informasi",
            "tanggapan pemohon atas tanggapan",
        ),
    ),
    Column("tanggapan_pemohon_pada", "Tanggal Tanggapan Pemohon", TANGGAL),
    #: what was agreed, when the objection was settled by agreement (Pasal 35(2))
    Column("hasil_musyawarah", "Hasil Musyawarah", pribadi="teks"),
    Column("nomor_sengketa", "Nomor Register Sengketa di Komisi Informasi"),
    Column("putusan_sengketa", "Putusan Sengketa", PILIHAN, pilihan=PUTUSAN_SENGKETA),
    Column("tanggal_putusan_sengketa", "Tanggal Putusan Sengketa", TANGGAL),
    Column("paksa_catatan", "Catatan Pengecualian Pemeriksaan", pribadi="teks"),
    Column("petugas", "Petugas", alias=("petugas penerima", "petugas pelayanan", "petugas ppid")),
    Column("catatan", "Catatan", pribadi="teks", alias=("keterangan", "ket", "keterangan lain")),
)

#: Outgoing letters (agenda surat keluar): every generated letter, its number and file.
SURAT: tuple[Column, ...] = (
    Column("nomor_surat", "Nomor Surat"),
    Column("tanggal", "Tanggal Surat", TANGGAL, wajib=True),
    Column("jenis", "Jenis Surat", wajib=True),
    Column("register", "Register", wajib=True),
    Column("nomor_registrasi", "Nomor Registrasi", wajib=True),
    Column("berkas", "Berkas", wajib=True),
    Column("petugas", "Petugas"),
    # a copy ("salinan, dibuat …") or a letter of a step undone ("batal: …"): an agenda row is
    # no letter sent unless this is empty (review agenda M1, M2)
    Column("keterangan", "Keterangan"),
)
#: how the agenda's Keterangan marks a letter of a step undone with --batalkan: a letter of its
#: own, not one with the letter made when the step was recorded again
BATAL = "batal: "
#: how it marks a copy, made again from the register (services.letters._agenda_mark)
SALINAN = "salinan, dibuat "


def same_letter(a: dict[str, str], b: dict[str, str]) -> bool:
    """Whether two agenda rows are one letter, sharing its number: a case's letter of one kind
    and its copies. A voided letter is apart from the one made when its step was recorded again
    (review sesi31d L1), not from its own copies — one made before the voiding, or the original
    marked void by hand (review sesi32 M1)."""
    if (a.get("jenis"), a.get("nomor_registrasi")) != (b.get("jenis"), b.get("nomor_registrasi")):
        return False
    marks = [r.get("keterangan", "") for r in (a, b)]
    return marks[0].startswith(BATAL) == marks[1].startswith(BATAL) or any(
        SALINAN in k for k in marks
    )


def letter_of(row: dict[str, str]) -> tuple[str, ...]:
    """An agenda row's letter, its copies alike: kind, case, and its number (or its date,
    unnumbered: ``[penomoran] surat = ""``) — what ``--batalkan`` voids with it and what
    ``periksa`` reads a copy of a voided letter by."""
    return (
        row.get("jenis", ""),
        row.get("nomor_registrasi", ""),
        row.get("nomor_surat", "") or row.get("tanggal", ""),
    )


def letter_named(row: dict[str, str], *, tanggal: bool = False) -> str:
    """An agenda row as a message names it (``tanggal``: with its date); a voided one says so:
    to the desk recording the step again, "surat pemberitahuan 009" is the letter being made
    (review sesi32 L1) — last, its note not running into the date (sesi32b N2)."""
    said = f"{row.get('jenis', '')} {row.get('nomor_registrasi', '')}"
    if tanggal:
        said += f" tanggal {row.get('tanggal', '')}"
    mark = row.get("keterangan", "")
    return (
        f"{said}, surat yang dibatalkan: {mark[len(BATAL) :]}" if mark.startswith(BATAL) else said
    )


#: The office's own calendar overrides: extra days off and extra working days.
LIBUR: tuple[Column, ...] = (
    Column("tanggal", "Tanggal", TANGGAL, wajib=True),
    Column("jenis", "Jenis", PILIHAN, wajib=True, pilihan=("libur", "hari_kerja")),
    Column("keterangan", "Keterangan", wajib=True),
    Column("petugas", "Petugas"),
)

REGISTERS: dict[str, tuple[Column, ...]] = {
    "permohonan": PERMOHONAN,
    "keberatan": KEBERATAN,
    "surat": SURAT,
    "libur": LIBUR,
}


def columns(register: str) -> tuple[Column, ...]:
    return REGISTERS[register]


def column(register: str, key: str) -> Column:
    for col in REGISTERS[register]:
        if col.key == key:
            return col
    raise KeyError(f"{register}.{key}")


def keys(register: str) -> list[str]:
    return [c.key for c in REGISTERS[register]]
