"""Render letter templates: a .docx with Jinja tags (docxtpl), filled from one register row.

Also owned here: the letter kinds (:data:`KINDS`: template, register, what each prints),
recognising a workspace's copy of an older built-in template (:data:`OLD_BUILTINS`), and locating
a template error in the document. The sandbox a template renders in and its limits (an
office-edited template may loop, raise huge powers or run long) are :mod:`.sandbox`'s; this
module turns what it refuses into :class:`~ppidctl.errors.TemplateError`.

Rendering is strict: an unknown variable, a syntax error, a tag Word split so badly that it would
print raw, a corrupt file or a missing logo raise :class:`~ppidctl.errors.TemplateError` naming the
template, the variable and where it sits. Values are data, never template: ``{{ 7*7 }}`` typed by a
requester prints as written, and ``PT A & B`` survives (autoescape).

Template variables
------------------
Passed by the caller:

- every column key of the letter's register (``schema.PERMOHONAN`` or ``schema.KEBERATAN``), as
  the stored string (dates ``YYYY-MM-DD``, ``biaya`` ``"25000"`` or ``""``, ``alasan`` ``"a;c"``);
  ``jatuh_tempo`` is one of them.
- ``instansi``: ``nama, nama_singkat, kode_satker, alamat, kota, telepon, email, laman, logo``
  (``logo``: absolute path of a PNG/JPEG image, or ``""``).
- ``ppid`` and ``atasan_ppid``: ``nama, nip, jabatan`` (``nip`` may be ``""``: commissioners
  have none; a ``nip`` of only dashes, ``"-"`` as ``init`` writes it and offices write "none", is
  passed as ``""``, so the templates' ``{%p if ppid.nip %}`` leaves the "NIP." line out).
  A key of these three missing from the dict prints empty; any other name fails.
- ``tanggal_surat`` (``YYYY-MM-DD``) and ``nomor_surat`` (may be ``""``: dots are printed).
- ``permohonan``: for objection letters, the linked request row as a dict (``{}`` for reason b).
- ``dasar_penyerahan``: for request letters, the numbers of the objections the Atasan PPID
  granted whose order the handover carried out (``"001/KEB/…, 002/KEB/…"``; ``""`` when given on
  the PPID's own decision, and in every other letter).
- ``dasar_putusan``: likewise, the Komisi Informasi's rulings granting a dispute, or agreeing in
  mediation that the information is given, whose order the handover carried out
  (``"Nomor 007/KI-NTB/2026 tanggal 20 Mei 2026 atas keberatan 001/KEB/…"``; a mediation's with
  ``(mediasi)`` before "atas"; "; " between two; ``""`` when none).
- ``petugas_penyerahan``: for request letters, the officer who recorded the handover (``""``
  when unknown: a copy of a receipt never made, and in every other letter).

A letter of a kind gets exactly :func:`letter_variables` of that kind (its register's columns, the
names above meant for its register, the names computed from its columns): :func:`render_letter`
drops whatever else the caller passed, and :func:`check_template` reports any other name a
template of that kind uses, so a template that passes ``ppidctl surat periksa`` is not refused by
the letter for a name (one declaration for both).

Computed by :func:`render` when the caller does not pass them:

- ``logo``: the image from ``instansi.logo`` for the letterhead, or ``""``.
- ``alasan_daftar``: the chosen objection reasons, ``[{kode, teks}]`` (from ``alasan``).
- ``alasan_pilihan``: all seven reasons ``[{kode, teks, dipilih}]`` (ticks on the slip).
- ``perintah_keberatan``: what granting the objection orders the PPID to do, one text per
  distinct remedy of its reasons (:data:`ppidctl.schema.PERINTAH_KEBERATAN`); ``[]`` unless
  ``keputusan_atasan`` is ``diterima``.
- ``biaya_rincian`` (when the row has ``biaya``): cost lines ``[{uraian, jumlah}]``: as passed
  if not empty, else parsed from the ``rincian_biaya`` column (``"uraian=jumlah;..."``), else one
  line for ``biaya`` when it is above zero, else ``[]``. The lines must add up to ``biaya``.
- ``lampiran``: the "Lampiran" line (``""`` prints ``-``).

Filters: ``tanggal_panjang``, ``jam``, ``rupiah``, ``terbilang``, ``romawi``, ``label``, ``utuh``
(:data:`.sandbox.FILTERS`, see :mod:`.fmt`), and Jinja's own (``upper``, ``join``, ...). docxtpl
tags: ``{%p %}`` paragraph, ``{%tr %}`` table row.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ppidctl.errors import TemplateError
from ppidctl.letters import fmt, sandbox
from ppidctl.schema import ALASAN_KEBERATAN_TEKS, PERINTAH_KEBERATAN

__all__ = [
    "ALASAN_TEKS",
    "BUILTIN_DIR",
    "COMPUTED_VARIABLES",
    "CONTEXT_VARIABLES",
    "KIND_FOR_DECISION",
    "INSTANSI_KEYS",
    "KINDS",
    "Kind",
    "PEJABAT_KEYS",
    "check_template",
    "find_template",
    "known_variables",
    "letter_variables",
    "render",
    "render_letter",
    "template_variables",
]

BUILTIN_DIR = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class Kind:
    """One kind of letter: ``name`` is used in file names and ``ppidctl surat buat JENIS``."""

    name: str
    register: str  # "permohonan" | "keberatan"
    title: str
    template: str  # file name, in the workspace's templates/ or the built-in folder
    description: str


def _kind(name: str, register: str, title: str, description: str) -> Kind:
    return Kind(name, register, title, f"{name}.docx", description)


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        _kind(
            "tanda-terima",
            "permohonan",
            "Tanda Bukti Pendaftaran Permohonan Informasi Publik",
            "nomor pendaftaran sebagai tanda bukti penerimaan permohonan (UU 14/2008 Pasal 22(4))",
        ),
        _kind(
            "pemberitahuan",
            "permohonan",
            "Pemberitahuan Tertulis",
            "informasi diberikan seluruhnya atau sebagian: penguasaan, bentuk, biaya, waktu, "
            "penjelasan bagian yang dihitamkan (Pasal 22(7))",
        ),
        _kind(
            "tidak-tersedia",
            "permohonan",
            "Pemberitahuan Tertulis Informasi Tidak Dapat Diberikan",
            "informasi tidak dikuasai (menyebut badan publik yang menguasai) atau belum "
            "didokumentasikan",
        ),
        _kind(
            "perpanjangan",
            "permohonan",
            "Pemberitahuan Perpanjangan Waktu",
            "perpanjangan jangka waktu pemberitahuan tertulis dengan alasan (Pasal 22(8))",
        ),
        _kind(
            "penolakan",
            "permohonan",
            "Keputusan PPID tentang Penolakan Permohonan Informasi",
            "penolakan atas dasar pengecualian Pasal 17 dengan uji konsekuensi dan hak keberatan "
            "(Pasal 35-36)",
        ),
        _kind(
            "tanda-terima-informasi",
            "permohonan",
            "Tanda Terima Informasi Publik",
            "penyerahan informasi kepada pemohon: apa, kapan, dengan cara apa, biaya; ditandatangani "
            "pemohon (SOP Pelayanan langkah 5, tanda terima data)",
        ),
        _kind(
            "tanda-bukti-keberatan",
            "keberatan",
            "Tanda Bukti Penerimaan Keberatan",
            "salinan formulir keberatan bernomor registrasi: identitas, alasan a-g, kasus posisi, "
            "tanggal tanggapan",
        ),
        _kind(
            "tanggapan-keberatan",
            "keberatan",
            "Tanggapan atas Keberatan",
            "surat Atasan PPID: keputusan dan pertimbangan, lampiran SK pengecualian, hak "
            "mengajukan sengketa ke Komisi Informasi (Pasal 37(2))",
        ),
    )
}

#: Which letter a request decision (``keputusan``) produces.
KIND_FOR_DECISION: dict[str, str] = {
    "diberikan": "pemberitahuan",
    "diberikan-sebagian": "pemberitahuan",
    "ditolak": "penolakan",
    "tidak-dikuasai": "tidak-tersedia",
    "belum-didokumentasikan": "tidak-tersedia",
}

#: Objection reasons, UU 14/2008 Pasal 35 ayat (1).
#: Objection reasons a–g (UU 14/2008 Pasal 35(1)); declared once, in the schema.
ALASAN_TEKS = ALASAN_KEBERATAN_TEKS

#: Names the caller passes besides the register columns (see the module docstring).
CONTEXT_VARIABLES: dict[str, str] = {
    "instansi": "identitas kantor: nama, nama_singkat, kode_satker, alamat, kota, telepon, "
    "email, laman, logo",
    "ppid": "PPID: nama, nip, jabatan",
    "atasan_ppid": "Atasan PPID: nama, nip, jabatan",
    "tanggal_surat": "tanggal surat (YYYY-MM-DD)",
    "nomor_surat": "nomor surat (boleh kosong)",
    "jatuh_tempo": "batas waktu (kolom register)",
    "permohonan": "baris permohonan yang dirujuk keberatan (alasan b: isinya kosong)",
    "dasar_penyerahan": "nomor keberatan yang dikabulkan Atasan PPID yang perintahnya "
    "dijalankan penyerahan informasi ini (kosong bila atas keputusan PPID sendiri)",
    "dasar_putusan": "putusan Komisi Informasi yang mengabulkan sengketa (atau kesepakatan "
    "mediasinya) yang perintahnya dijalankan penyerahan ini: nomor, tanggal, keberatannya "
    "(kosong bila tidak ada)",
    "petugas_penyerahan": "petugas yang mencatat penyerahan informasi (kosong bila tidak "
    "diketahui)",
}

#: Names :func:`render` computes when they are not passed.
COMPUTED_VARIABLES: dict[str, str] = {
    "logo": "gambar logo kop surat dari instansi.logo (kosong bila tidak ada)",
    "alasan_daftar": "alasan keberatan yang dipilih: daftar {kode, teks}",
    "alasan_pilihan": "ketujuh alasan keberatan: daftar {kode, teks, dipilih}",
    "perintah_keberatan": "keberatan diterima: yang diperintahkan Atasan PPID kepada PPID menurut "
    "alasannya, daftar teks (kosong bila tidak diterima)",
    "biaya_rincian": "rincian biaya: daftar {uraian, jumlah}",
    "lampiran": "isi baris Lampiran",
    "tenggat": "tenggat hari kerja dari [tenggat] ppidctl.toml, mis. tenggat.sengketa (14)",
}

#: Passed names only letters of some registers get (every other name: every letter).
PASSED_FOR: dict[str, tuple[str, ...]] = {
    "permohonan": ("keberatan",),
    "dasar_penyerahan": ("permohonan",),
    "dasar_putusan": ("permohonan",),
    "petugas_penyerahan": ("permohonan",),
}

#: Computed names and the register column each is computed from (every other name: always);
#: :func:`_prepare` computes them exactly when that column is in the context.
COMPUTED_FROM: dict[str, str] = {
    "alasan_daftar": "alasan",
    "alasan_pilihan": "alasan",
    "perintah_keberatan": "alasan",
    "biaya_rincian": "biaya",
}

# Braces in data are swapped for private-use characters while rendering, so that any "{{" or
# "{%" left in the output can only come from the template (a tag docxtpl could not mend).
_BUKA, _TUTUP = "\ue000", "\ue001"
_ILEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ue000\ue001]")
_SISA_TAG = re.compile(r"\{\{|\{%|\{#|\}\}|%\}|#\}")
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_PEMBUKA = re.compile(r"\{\{|\{%|\{#")
_PENUTUP = re.compile(r"\}\}|%\}|#\}")


# --------------------------------------------------------------------------------------------
# Public API


def known_variables() -> set[str]:
    """Every top-level name a template may use: register columns + context + computed names."""
    from ppidctl import schema

    return (
        set(schema.keys("permohonan"))
        | set(schema.keys("keberatan"))
        | set(CONTEXT_VARIABLES)
        | set(COMPUTED_VARIABLES)
    )


def letter_variables(kind: str) -> set[str]:
    """Exactly the top-level names a letter of ``kind`` gets (see the module docstring)."""
    from ppidctl import schema

    register = KINDS[kind].register
    columns = set(schema.keys(register))
    passed = {n for n in CONTEXT_VARIABLES if register in PASSED_FOR.get(n, (register,))}
    computed = {n for n in COMPUTED_VARIABLES if COMPUTED_FROM.get(n, "") in columns | {""}}
    return columns | passed | computed


#: Keys of the dict variables, for :func:`check_template`.
INSTANSI_KEYS = (
    "nama",
    "nama_singkat",
    "kode_satker",
    "alamat",
    "kota",
    "telepon",
    "email",
    "laman",
    "logo",
)
PEJABAT_KEYS = ("nama", "nip", "jabatan")


def _known_attributes() -> dict[str, tuple[str, ...]]:
    from ppidctl import schema

    return {
        "instansi": INSTANSI_KEYS,
        "ppid": PEJABAT_KEYS,
        "atasan_ppid": PEJABAT_KEYS,
        "permohonan": tuple(schema.keys("permohonan")),
        "tenggat": tuple(_default_deadlines()),
    }


def _default_deadlines() -> dict[str, Any]:
    """The ``[tenggat]`` settings with their defaults (legal basis in ppidctl.toml)."""
    from ppidctl.config import DEFAULTS

    return {key: value for (section, key), value in DEFAULTS.items() if section == "tenggat"}


#: SHA-256 of the built-in templates' earlier versions (kept by build_templates)
OLD_BUILTINS = "bawaan-lama.sha256"


def old_builtin(path: Path) -> bool:
    """Whether the office copy ``path`` is an earlier ppidctl's built-in template, unchanged:
    ``init`` copied it and the office never edited it. The copy would win over the built-in for
    good, so a workspace kept an older version's letters after every upgrade (their wording,
    their footer, a reply that ordered the information handed over for any reason)."""
    import hashlib

    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return False
    return (digest, path.name) in _old_builtins()


@lru_cache(maxsize=1)
def _old_builtins() -> frozenset[tuple[str, str]]:
    try:
        text = (BUILTIN_DIR / OLD_BUILTINS).read_text(encoding="utf-8")
    except OSError:
        return frozenset()
    return frozenset(
        tuple(line.split(maxsplit=1))  # type: ignore[misc]
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


def find_template(kind: str, templates_dir: Path | None = None) -> Path:
    """The template file of ``kind``: the workspace copy in ``templates_dir`` wins over the
    built-in one, unless it is an earlier built-in left as ``init`` copied it
    (:func:`old_builtin`)."""
    try:
        nama = KINDS[kind].template
    except KeyError:
        raise TemplateError(
            f"jenis surat '{kind}' tidak dikenal",
            "pilih salah satu: " + ", ".join(KINDS),
        ) from None
    if templates_dir is not None:
        milik_kantor = Path(templates_dir) / nama
        if milik_kantor.is_file() and not old_builtin(milik_kantor):
            return milik_kantor
    bawaan = BUILTIN_DIR / nama
    if not bawaan.is_file():
        raise TemplateError(
            f"templat bawaan {nama} tidak ditemukan di {BUILTIN_DIR}",
            "pasang ulang ppidctl atau salin templat ke folder templates/ workspace",
        )
    return bawaan


def render_letter(kind: str, template: Path, context: dict[str, Any]) -> bytes:
    """A letter of ``kind`` from ``template``: refused when :func:`check_template` finds any
    problem (what ``ppidctl surat periksa`` says: a broken tag would otherwise silently drop text
    from the letter), then rendered with exactly :func:`letter_variables` of ``kind``."""
    template = Path(template)
    # a tag whose parts differ only in formatting (Word often splits one so) renders correctly
    # in the first part's format: told by surat periksa, not a reason to refuse the letter
    masalah = [m for m in _checked(template, kind) if SPLIT_FORMAT not in m]
    if masalah:
        lain = f" (dan {len(masalah) - 1} masalah lain)" if len(masalah) > 1 else ""
        if template.parent.resolve() == BUILTIN_DIR.resolve():
            saran = "pasang ulang ppidctl, atau salin templat yang baik ke folder templates/"
        else:
            saran = (
                f"perbaiki templat itu di Word (semua masalahnya: ppidctl surat periksa "
                f"{template}), atau hapus berkas itu agar templat bawaan dipakai; langkahnya "
                "tetap dapat dicatat tanpa surat dengan --tanpa-surat"
            )
        pertama = masalah[0].replace(" — ", "; ")  # (one "—": before what to do)
        raise TemplateError(f"{_nama(template)} tidak dipakai: {pertama}{lain}", saran)
    return render(template, context, kind=kind)


def not_printed(kind: str, template: Path, context: dict[str, Any]) -> list[str]:
    """What the built-in template of ``kind`` prints and an office copy ``template`` does not
    use, among the values ``context`` fills (an office copy made by an older ``init`` lacks
    what was added since, e.g. ``cara_pembayaran``: the copy always wins, so the letter goes
    out without it). ``[]`` for the built-in template itself."""
    import hashlib

    builtin = BUILTIN_DIR / KINDS[kind].template
    if template.resolve() == builtin.resolve():
        return []
    try:
        digests = [hashlib.sha256(t.read_bytes()).hexdigest() for t in (template, builtin)]
        office, ours = (_variables_of(str(t), d) for t, d in zip((template, builtin), digests,
                                                                 strict=True))  # fmt: skip
    except (OSError, TemplateError):
        return []
    filled = {**context, "perintah_keberatan": _perintah(context)}  # (computed: the reasons)
    # ("tidak": a yes/no the built-in prints only when "ya" — an office copy from before
    # diisi_petugas was added is not short of anything for every request)
    return sorted(v for v in ours - office if filled.get(v) not in (None, "", "tidak", [], {}))


@lru_cache(maxsize=32)
def _variables_of(path: str, digest: str) -> frozenset[str]:
    """:func:`template_variables`, once per file content (``digest``) in a process."""
    return frozenset(template_variables(Path(path)))


#: what went wrong while filling a template, in the desk's words (Python's and Jinja's own are
#: English: "division by zero"); their text stays as the technical detail
_SEBAB = {
    "ZeroDivisionError": "pembagian dengan nol",
    "TypeError": "jenis nilai tidak cocok untuk ekspresi itu",
    "ValueError": "nilai tidak sah untuk ekspresi itu",
    "OverflowError": "angka terlalu besar",
    "IndexError": "urutan di luar daftar",
    "KeyError": "kunci tidak ada",
    "UndefinedError": "variabel atau bagiannya tidak ada",
    "SecurityError": "tidak diizinkan di templat surat",
}


def _sebab(e: Exception) -> str:
    kata = _SEBAB.get(type(e).__name__)
    return f"{kata} [rincian teknis: {e}]" if kata else str(e)


#: the note on a tag split across runs of different formatting (see :func:`render_letter`)
SPLIT_FORMAT = "terpecah dalam beberapa bagian berformat berbeda"
#: (kind, SHA-256 of the file) of templates :func:`check_template` found clean in this process
_CLEAN: set[tuple[str, str]] = set()


def _checked(template: Path, kind: str) -> list[str]:
    """:func:`check_template` of ``template`` as ``kind``, run once per file content (a batch
    of letters checks its template once); a template with problems is checked again each time."""
    import hashlib

    try:
        key = (kind, hashlib.sha256(template.read_bytes()).hexdigest())
    except OSError:
        return check_template(template, kind) or ["berkas tidak dapat dibaca"]
    if key in _CLEAN:
        return []
    masalah = check_template(template, kind)
    if not masalah:
        _CLEAN.add(key)
    return masalah


#: the children of ``w:compat`` that come before ``w:doNotExpandShiftReturn`` (ECMA-376 order)
_COMPAT_SEBELUM = {"useSingleBorderforContiguousCells", "wpJustification", "noTabHangInd",
                   "noLeading", "spaceForUL", "noColumnBalance",
                   "balanceSingleByteDoubleByteWidth", "noExtraLineSpacing",
                   "doNotLeaveBackslashAlone", "ulTrailSpace"}  # fmt: skip


def _no_stretched_line_breaks(settings) -> None:
    """A line break in a value (considerations pasted in paragraphs) ends a line of a justified
    paragraph: Word and LibreOffice stretch that line across the page unless the document's
    compatibility settings say ``doNotExpandShiftReturn``. Set on every letter, whatever
    template the office keeps."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        later = ("docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang",
                 "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures",
                 "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType",
                 "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol",
                 "listSeparator")  # fmt: skip
        nxt = next((c for c in settings if _lokal(c) in later), None)
        nxt.addprevious(compat) if nxt is not None else settings.append(compat)
    if compat.find(qn("w:doNotExpandShiftReturn")) is not None:
        return
    i = 0
    while i < len(compat) and _lokal(compat[i]) in _COMPAT_SEBELUM:
        i += 1
    compat.insert(i, OxmlElement("w:doNotExpandShiftReturn"))


def _lokal(el) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def render(template: Path, context: dict[str, Any], *, kind: str | None = None) -> bytes:
    """Render ``template`` with ``context``; returns the .docx bytes (the caller writes them).
    With ``kind``, the template gets exactly :func:`letter_variables` of that kind: any other
    name it uses is refused as not available, whatever the caller passed."""
    template = Path(template)
    nama = _nama(template)
    tpl = _open(template)
    ctx = _prepare(context, tpl, nama)
    if kind is not None:
        tersedia = letter_variables(kind)
        ctx = {k: v for k, v in ctx.items() if k in tersedia}
    env = sandbox.env()
    _precheck(tpl, _sources(tpl), ctx, env, nama)

    from jinja2 import TemplateError as JinjaError
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError
    from lxml import etree

    try:
        with sandbox.batas_waktu(sandbox.BATAS_DETIK):
            tpl.render(ctx, env, autoescape=True)
    except sandbox.sandbox_class().Terlalu as e:
        raise TemplateError(
            f"{nama}: {e}",
            "surat hanya beberapa halaman: kecilkan pengulangan, pangkat, atau range di templat",
        ) from None
    except SecurityError as e:
        raise _tak_aman(nama, e) from None
    except _SisaTag as e:
        raise TemplateError(
            f"{nama}: tag templat tidak terbaca dan akan tercetak mentah ({e.lokasi})",
            "tag itu kemungkinan terpecah (beda format di tengah tag, atau terpotong baris); "
            "hapus lalu ketik ulang tag itu sekaligus tanpa mengubah format di tengahnya",
        ) from None
    except TemplateSyntaxError as e:
        src, part = getattr(e, "_ppid_src", ""), getattr(e, "_ppid_part", "")
        raise _syntax_error(e, src, part, nama) from None
    except UndefinedError as e:
        var, lokasi = _undefined_info(e)
        raise TemplateError(
            f"{nama}: variabel '{var}' tidak tersedia untuk surat ini ({lokasi})",
            "periksa ejaan variabel di templat (lihat `ppidctl surat templat`); untuk data yang "
            "boleh kosong bungkus dengan {% if ... %}",
        ) from None
    except etree.XMLSyntaxError as e:
        raise TemplateError(
            f"{nama}: hasil isian merusak struktur dokumen ({e})",
            "periksa pasangan tag {%p ... %}/{%tr ... %} di templat: tiap tag harus berada di "
            "paragraf atau baris tabelnya sendiri",
        ) from None
    except Exception as e:
        if type(e).__name__ == "UnrecognizedImageError":
            raise TemplateError(
                f"{nama}: logo {_logo_path(ctx)} bukan gambar yang dapat dipakai",
                "pakai berkas PNG atau JPEG untuk instansi.logo di ppidctl.toml",
            ) from None
        src = getattr(e, "_ppid_src", None)
        if src is None and not isinstance(e, JinjaError):
            raise
        lokasi = _lokasi_traceback(e, src or "", getattr(e, "_ppid_part", ""))
        raise TemplateError(
            f"{nama}: templat gagal diisi ({lokasi}): {_sebab(e)}",
            "periksa ekspresi dan filter di tempat itu serta data yang diisikan",
        ) from None

    _restore_properties(tpl)
    _letter_properties(tpl.docx.core_properties, context)
    _no_stretched_line_breaks(tpl.docx.settings.element)
    out = io.BytesIO()
    tpl.save(out)
    data = out.getvalue()
    mentah = _unrendered_tags(data)
    if mentah:
        bagian, sisa = mentah[0]
        raise TemplateError(
            f"{nama}: tag templat di {bagian} tidak diproses dan akan tercetak mentah («{sisa}»)",
            "pindahkan isian itu ke badan surat, kepala atau kaki halaman",
        )
    return data


def template_variables(template: Path) -> set[str]:
    """Top-level variable names ``template`` uses (raises TemplateError if unreadable)."""
    template = Path(template)
    nama = _nama(template)
    tpl = _open(template)
    env = sandbox.env()
    return _variables(tpl, _sources(tpl), env, nama)


def check_template(path: Path, kind: str | None = None) -> list[str]:
    """Problems of a template, in Indonesian (``[]`` = fine): unreadable file, syntax errors,
    unknown variables, tags split across Word runs or paragraphs, tags in parts not rendered.
    A template of a kind of letter (``kind``, else named as one: ``tanda-terima.docx`` …) may use
    only the names that kind's letter gets (:func:`letter_variables`: an objection's
    ``kasus_posisi`` is not in a request's receipt)."""
    path = Path(path)
    jenis = KINDS.get(kind or path.stem)
    if kind is not None and jenis is None:
        return [f"jenis surat '{kind}' tidak dikenal"]
    try:
        tpl = _open(path)
    except TemplateError as e:
        return [str(e)]
    from jinja2 import TemplateSyntaxError, nodes

    env = sandbox.env()
    masalah: list[str] = []
    dipakai: dict[str, tuple[str, str]] = {}
    atribut: dict[str, tuple[str, str]] = {}
    kunci = _known_attributes()
    from ppidctl import schema

    kolom = (set(schema.keys("permohonan")) | set(schema.keys("keberatan"))) - set(kunci)
    for part, src in _sources(tpl):
        try:
            _template, names, ast = _compile(env, src)
        except TemplateSyntaxError as e:  # also TemplateAssertionError (unknown filter)
            masalah.append(_syntax_error(e, src, part, "").pesan)
            continue
        for name in names:
            dipakai.setdefault(name, (part, src))
        for node in ast.find_all(nodes.Getattr):
            if isinstance(node.node, nodes.Name) and node.node.name in kunci:
                if node.attr not in kunci[node.node.name]:
                    atribut.setdefault(f"{node.node.name}.{node.attr}", (part, src))
            elif (  # (a column is text: nama_pemohon.nama failed only when a letter was made)
                isinstance(node.node, nodes.Name)
                and node.node.name in kolom
                and not hasattr(str, node.attr)
            ):
                masalah.append(
                    f"variabel '{node.node.name}' adalah teks dan tidak punya bagian "
                    f"'{node.attr}' ({_lokasi(part, node.lineno, src, node.attr)})"
                )
            elif isinstance(node.node, nodes.Name) and node.node.name == "logo":
                masalah.append(  # (its image object's parts reach the document and files)
                    f"variabel 'logo' adalah gambar: dicetak dengan {{{{ logo }}}}, tidak punya "
                    f"bagian '{node.attr}' ({_lokasi(part, node.lineno, src, node.attr)})"
                )
        for node in ast.find_all((nodes.Getattr, nodes.Getitem, nodes.Filter)):
            if isinstance(node, nodes.Getattr):
                nama_dalam = node.attr
            elif isinstance(node, nodes.Getitem):
                nama_dalam = _konstanta(node.arg)
            else:  # ({{ x | attr("__class__") }})
                nama_dalam = _konstanta(node.args[0]) if node.name == "attr" and node.args else ""
            if nama_dalam.startswith("_"):
                masalah.append(
                    f"«{nama_dalam}» tidak boleh dipakai di templat: bagian dalam Python, "
                    "bukan data surat (templat hanya mencetak data; isian seperti ini dapat "
                    "dipakai untuk membaca berkas atau menjalankan program) "
                    f"({_lokasi(part, node.lineno, src, nama_dalam)})"
                )
        for node in ast.find_all(nodes.Filter):
            if node.name == "label" and not _label_sah(node):
                masalah.append(
                    "filter label perlu satu nama kolom pilihan dalam tanda kutip, mis. "
                    '{{ keputusan | label("keputusan") }}; kolom yang punya label: '
                    f"{', '.join(fmt.LABEL)} ({_lokasi(part, node.lineno, src, 'label')})"
                )
        for m in _KURUNG_LEBIH.finditer(src):  # ({{ x }}} prints the extra brace)
            masalah.append(
                f"kurung kurawal berlebih «{m.group()}»: yang lebih tercetak di surat "
                f"({_lokasi(part, src.count(chr(10), 0, m.start()) + 1, src, m.group())})"
            )
    for name in sorted(set(dipakai) - known_variables()):
        part, src = dipakai[name]
        masalah.append(f"variabel '{name}' tidak dikenal ({_lokasi_nama(name, src, part)})")
    if jenis is not None:
        tersedia = letter_variables(jenis.name)
        for name in sorted((set(dipakai) & known_variables()) - tersedia):
            part, src = dipakai[name]
            if name in schema.keys("permohonan") or name in schema.keys("keberatan"):
                sebab = f"kolom itu bukan kolom register {jenis.register}"
            else:
                sebab = "hanya ada di surat " + ", ".join(
                    k for k in KINDS if name in letter_variables(k)
                )
            masalah.append(
                f"variabel '{name}' tidak tersedia untuk surat {jenis.name}: {sebab} "
                f"({_lokasi_nama(name, src, part)})"
            )
        # (the attributes of a name the letter does not get are not looked at: named above)
        atribut = {n: w for n, w in atribut.items() if n.split(".")[0] in tersedia}
    for name in sorted(atribut):
        part, src = atribut[name]
        induk, anak = name.split(".")
        masalah.append(
            f"variabel '{name}' tidak dikenal; {induk} berisi: {', '.join(kunci[induk])} "
            f"({_lokasi_nama(name, src, part)})"
        )
    masalah.extend(_split_tag_problems(tpl))
    with zipfile.ZipFile(path) as z:
        for bagian, sisa in _unrendered_tags_zip(z):
            masalah.append(f"tag «{sisa}» di {bagian} tidak akan diproses dan tercetak mentah")
    return masalah


#: a tag's braces with one too many beside them
_KURUNG_LEBIH = re.compile(r"\{\{\{|\}\}\}|\{\{%|%\}\}")


def _konstanta(node) -> str:
    """The text of a constant subscript (``x["__class__"]``), else ``""``."""
    from jinja2 import nodes

    return node.value if isinstance(node, nodes.Const) and isinstance(node.value, str) else ""


def _tak_aman(nama: str, e: Exception) -> TemplateError:
    """The sandbox refused what a template reached for (see :func:`.sandbox.env`)."""
    return TemplateError(
        f"{nama}: templat mencoba memakai bagian dalam Python, bukan data surat; surat tidak "
        "dibuat",
        "templat hanya boleh mencetak data: hapus isian yang memakai nama berawalan _ atau "
        f"format/attr, dan periksa dari mana templat ini didapat [rincian teknis: {e}]",
    )


def _label_sah(node) -> bool:
    """Whether a ``label`` filter names one column with labels, as a quoted constant."""
    from jinja2 import nodes

    arg = node.args[0] if len(node.args) == 1 and not node.kwargs else None
    return isinstance(arg, nodes.Const) and arg.value in fmt.LABEL


# --------------------------------------------------------------------------------------------
# Loading


def _nama(path: Path) -> str:
    try:
        if path.resolve().parent == BUILTIN_DIR.resolve():
            return f"templat bawaan {path.name}"
    except OSError:  # pragma: no cover
        pass
    return f"templat {path}"


@lru_cache(maxsize=1)
def _docx_class():
    from docxtpl import DocxTemplate

    class _Docx(DocxTemplate):
        """docxtpl with: one patch per part (cached), data braces checked, errors located."""

        def patch_xml(self, src_xml):
            cache = self.__dict__.setdefault("_ppid_patched", {})
            if src_xml not in cache:
                cache[src_xml] = super().patch_xml(src_xml)
            return cache[src_xml]

        def render_xml_part(self, src_xml, part, context, jinja_env=None):
            # Same steps as DocxTemplate.render_xml_part, plus the checks.
            src_xml = _lines(src_xml)
            partname = str(part.partname)
            try:
                self.current_rendering_part = part
                compiled = self.__dict__.get("_ppid_compiled", {}).get(src_xml)
                if compiled is None:
                    compiled = _compile(jinja_env, src_xml)[0]
                dst_xml = compiled.render(context)
            except Exception as exc:
                exc._ppid_src = src_xml
                exc._ppid_part = partname
                raise
            dst_xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", dst_xml)
            m = _SISA_TAG.search(dst_xml)
            if m:
                raise _SisaTag(f"{_bagian(partname)}: «{_paragraf_di(dst_xml, m.start())}»")
            dst_xml = (
                dst_xml.replace("{_{", "{{")
                .replace("}_}", "}}")
                .replace("{_%", "{%")
                .replace("%_}", "%}")
            )
            dst_xml = dst_xml.replace(_BUKA, "{").replace(_TUTUP, "}")
            return self.resolve_listing(dst_xml)

        def render_properties(self, context, jinja_env=None):
            props = self.docx.core_properties
            for name in ("author", "comments", "identifier", "language", "subject", "title"):
                value = getattr(props, name)
                if not value or not _PEMBUKA.search(value):
                    continue  # plain text: nothing to render (and nothing to break)
                try:
                    setattr(props, name, jinja_env.from_string(value).render(context))
                except Exception as exc:
                    exc._ppid_src = value
                    exc._ppid_part = "/docProps/core.xml"
                    raise

        def fix_tables(self, xml):
            from lxml import etree

            etree.fromstring(xml)  # strict: a broken structure is an error, not "recovered"
            return super().fix_tables(xml)

    return _Docx


def _open(path: Path):
    """A loaded docxtpl template, or TemplateError (missing, not a file, corrupt, not docx)."""
    nama = _nama(path)
    if not path.exists():
        raise TemplateError(  # (a workspace's copy in use is never missing: surat periksa)
            f"{nama} tidak ditemukan", "periksa nama berkas dan foldernya"
        )
    if not path.is_file():
        raise TemplateError(f"{nama} bukan berkas", "sebutkan berkas .docx")
    tpl = _docx_class()(str(path))
    try:
        tpl.init_docx()
    except Exception as e:
        sebab = "bukan arsip .docx" if type(e).__name__ == "PackageNotFoundError" else str(e)
        raise TemplateError(
            f"{nama} tidak dapat dibaca sebagai dokumen Word .docx ({sebab})",
            "simpan ulang templat dari Word/LibreOffice dalam format .docx, atau hapus berkas itu "
            "agar templat bawaan dipakai",
        ) from None
    return tpl


def _lines(xml: str) -> str:
    """One paragraph per line, as docxtpl does, so Jinja line numbers point at paragraphs."""
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)


def _sources(tpl) -> list[tuple[str, str]]:
    """(part name, patched XML as Jinja sees it) of the body, headers and footers."""
    sources = [("/word/document.xml", _lines(tpl.patch_xml(tpl.get_xml())))]
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for _rel, part in tpl.get_headers_footers(uri):
            sources.append((str(part.partname), _lines(tpl.patch_xml(tpl.get_part_xml(part)))))
    return sources


@lru_cache(maxsize=1)
def _generator_class():
    from jinja2.compiler import CodeGenerator

    class _Generator(CodeGenerator):
        """Jinja's code generator that also records the names templates load from the context
        (what ``jinja2.meta.find_undeclared_variables`` does), so one pass does both."""

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.undeclared: set[str] = set()

        def enter_frame(self, frame) -> None:
            super().enter_frame(frame)
            for _, (action, param) in frame.symbols.loads.items():
                if action == "resolve" and param not in self.environment.globals:
                    self.undeclared.add(param)

    return _Generator


def _compile(env, src: str):
    """(compiled Jinja template, names it takes from the context, AST); parses ``src`` once."""
    ast = env.parse(src)
    gen = _generator_class()(env, None, "<template>")
    gen.visit(ast)
    code = compile(gen.stream.getvalue(), "<template>", "exec")
    template = env.template_class.from_code(env, code, env.make_globals(None))
    return template, gen.undeclared, ast


def _variables(tpl, sources: Iterable[tuple[str, str]], env, nama: str) -> set[str]:
    """Names the template takes from the context; compiled parts are kept for rendering."""
    from jinja2 import TemplateSyntaxError

    compiled = tpl.__dict__.setdefault("_ppid_compiled", {})
    names: set[str] = set()
    for part, src in sources:
        try:
            compiled[src], undeclared, _ast = _compile(env, src)
        except TemplateSyntaxError as e:
            raise _syntax_error(e, src, part, nama) from None
        names |= undeclared
    return names


def _precheck(tpl, sources: list[tuple[str, str]], ctx: dict, env, nama: str) -> None:
    """Syntax errors and names the context lacks, before rendering (all names at once)."""
    hilang = _variables(tpl, sources, env, nama) - set(ctx)
    if not hilang:
        return
    rincian = []
    for name in sorted(hilang):
        part, src = next(((p, s) for p, s in sources if _cari_nama(name, s)), sources[0])
        rincian.append(f"'{name}' ({_lokasi_nama(name, src, part)})")
    kata = "variabel" if len(hilang) == 1 else "variabel-variabel"
    raise TemplateError(
        f"{nama}: {kata} tidak tersedia untuk surat ini: " + "; ".join(rincian),
        "periksa ejaan variabel di templat; variabel yang tersedia untuk setiap jenis surat: "
        "`ppidctl surat templat --format json` (tersedia)",
    )


# --------------------------------------------------------------------------------------------
# Context


def _bersih(value: Any) -> Any:
    """Data made safe for XML, with braces swapped for the leftover-tag check."""
    if value is None:
        return ""
    if isinstance(value, str):
        value = value.replace("\r\n", "\n").replace("\r", "\n")
        value = _ILEGAL.sub("", value)
        return value.replace("{", _BUKA).replace("}", _TUTUP)
    if isinstance(value, dict):
        return {k: _bersih(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_bersih(v) for v in value]
    return value


def _kembali(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace(_BUKA, "{").replace(_TUTUP, "}")
    return value


class TanpaPermohonan(dict):
    """``permohonan`` of an objection without a request (reason b): false in ``{% if
    permohonan %}``, every field empty — ``{{ permohonan.pekerjaan }}`` in an office's slip
    prints nothing instead of refusing that objection at the desk (``surat periksa`` passed
    it: both read one list of names)."""

    def __len__(self) -> int:  # (false in `if`, 0 in `| length`: as no request)
        return 0


def _kode_alasan(ctx: dict[str, Any]) -> list[str]:
    return [k.strip() for k in re.split(r"[;,\s]+", _kembali(str(ctx["alasan"]))) if k.strip()]


def _perintah(ctx: dict[str, Any]) -> list[str]:
    """``perintah_keberatan``: what granting the objection orders, per distinct remedy."""
    if ctx.get("keputusan_atasan") != "diterima" or "alasan" not in ctx:
        return []
    return list(
        dict.fromkeys(PERINTAH_KEBERATAN[k] for k in _kode_alasan(ctx) if k in PERINTAH_KEBERATAN)
    )


def _prepare(context: dict[str, Any], tpl, nama: str) -> dict[str, Any]:
    """The render context: sanitised data plus the computed names (see the module docstring)."""
    ctx = {k: _bersih(v) for k, v in context.items()}
    # Office and officials: a key missing from the settings prints empty instead of failing
    # (a misspelt key in a template still fails: StrictUndefined).
    for name, keys in (
        ("instansi", INSTANSI_KEYS),
        ("ppid", PEJABAT_KEYS),
        ("atasan_ppid", PEJABAT_KEYS),
    ):
        if isinstance(ctx.get(name), dict):
            ctx[name] = {**dict.fromkeys(keys, ""), **ctx[name]}
            if name != "instansi" and not fmt.ada_nip(ctx[name]["nip"]):
                ctx[name]["nip"] = ""  # "-": no NIP (see the module docstring)
    if "permohonan" in ctx and not ctx["permohonan"]:  # (reason b: an objection without one)
        ctx["permohonan"] = TanpaPermohonan.fromkeys(_known_attributes()["permohonan"], "")
    if "alasan" in ctx:
        kode = _kode_alasan(ctx)
        salah = [k for k in kode if k not in ALASAN_TEKS]
        if salah:
            raise TemplateError(
                f"{nama}: alasan keberatan tidak dikenal: {', '.join(salah)}",
                "alasan keberatan ditulis dengan kode a sampai g, dipisah titik koma (mis. a;c)",
            )
        if not ctx.get("alasan_daftar"):
            ctx["alasan_daftar"] = [{"kode": k, "teks": ALASAN_TEKS[k]} for k in kode]
        if not ctx.get("alasan_pilihan"):
            ctx["alasan_pilihan"] = [
                {"kode": k, "teks": t, "dipilih": k in kode} for k, t in ALASAN_TEKS.items()
            ]
        if "perintah_keberatan" not in ctx:
            ctx["perintah_keberatan"] = _perintah(ctx)
    if "biaya" in ctx:
        ctx["biaya_rincian"] = _biaya_rincian(ctx, nama)
    ctx.setdefault("lampiran", "")
    ctx["tenggat"] = {**_default_deadlines(), **(ctx.get("tenggat") or {})}
    ctx["logo"] = _logo(ctx, tpl, nama)
    return ctx


def _biaya_rincian(ctx: dict[str, Any], nama: str) -> list[dict[str, Any]]:
    """Cost lines: as passed, else from the ``rincian_biaya`` column ("uraian=jumlah;..."),
    else one line for ``biaya``; refused when they do not add up to ``biaya``."""
    try:
        total = fmt._ke_bulat(_kembali(ctx["biaya"]), "biaya") or 0
        rincian = ctx.get("biaya_rincian") or []
        if not rincian and ctx.get("rincian_biaya"):
            for bagian in str(ctx["rincian_biaya"]).split(";"):
                if bagian.strip():
                    uraian, _, jumlah = bagian.rpartition("=")
                    rincian.append({"uraian": uraian.strip(), "jumlah": jumlah.strip()})
        if not rincian:
            if total <= 0:
                return []
            uraian = "Biaya penyalinan dan/atau pengiriman informasi"
            return [{"uraian": uraian, "jumlah": total}]
        jumlah = sum(fmt._ke_bulat(_kembali(b["jumlah"]), "biaya") or 0 for b in rincian)
    except (ValueError, KeyError, TypeError) as e:
        raise TemplateError(
            f"{nama}: biaya atau rincian biaya tidak sah ({e})",
            "isi biaya dengan angka rupiah (mis. 25000) dan tiap rincian sebagai uraian=jumlah",
        ) from None
    if jumlah != total:
        raise TemplateError(
            f"{nama}: jumlah rincian biaya ({fmt.rupiah(jumlah)}) tidak sama dengan biaya "
            f"({fmt.rupiah(total)})",
            "samakan rincian biaya dengan kolom biaya",
        )
    return rincian


def _logo_path(ctx: dict[str, Any]) -> str:
    instansi = ctx.get("instansi")
    if isinstance(instansi, dict):
        return _kembali(str(instansi.get("logo") or ""))
    return ""


def logo_image(logo: str):
    """The letterhead image ``logo`` names (python-docx's ``Image``), or why it cannot be one:
    a :class:`TemplateError` without the template's name (``surat templat`` tells it before a
    letter is refused for it)."""
    path = Path(logo)
    if not path.is_file():
        raise TemplateError(
            f"berkas logo {logo} tidak ditemukan",
            "perbaiki instansi.logo di ppidctl.toml (path berkas PNG/JPEG) atau kosongkan",
        )
    from docx.image.exceptions import UnrecognizedImageError
    from docx.image.image import Image

    try:
        return Image.from_file(str(path))
    except (UnrecognizedImageError, OSError) as e:
        raise TemplateError(
            f"logo {logo} bukan gambar yang dapat dipakai ({type(e).__name__})",
            "pakai berkas PNG atau JPEG untuk instansi.logo di ppidctl.toml",
        ) from None


def _logo(ctx: dict[str, Any], tpl, nama: str):
    logo = _logo_path(ctx)
    if not logo:
        return ""
    from docx.shared import Mm
    from docxtpl import InlineImage

    try:
        gambar = logo_image(logo)
    except TemplateError as e:
        raise TemplateError(f"{nama}: {e.pesan}", e.saran) from None
    path = Path(logo)
    tinggi, lebar_maks = Mm(20), Mm(24)
    lebar = gambar.width * tinggi / gambar.height if gambar.height else lebar_maks
    if lebar > lebar_maks:
        return InlineImage(tpl, str(path), width=lebar_maks)
    return InlineImage(tpl, str(path), height=tinggi)


#: the document properties the built-in templates carry (build_templates writes them): a
#: letter made from one says the office made it instead (see _letter_properties)
TEMPLATE_AUTHOR = "ppidctl"
TEMPLATE_SUBJECT = "Templat surat PPID (ppidctl)"
TEMPLATE_COMMENTS = "Templat docxtpl; daftar isian: ppidctl surat templat"


def _letter_properties(props, context: dict[str, Any]) -> None:
    """What Word's File > Info shows of a letter sent to a requester: made now by the office,
    not the built-in template's own notes ("Templat surat PPID (ppidctl)", 1 January 2026).
    An office's own properties in its template are kept."""
    from datetime import UTC, datetime

    office = (context.get("instansi") or {}).get("nama", "")
    office = office if isinstance(office, str) else ""
    if props.author == TEMPLATE_AUTHOR:
        props.author = office
    if props.last_modified_by == TEMPLATE_AUTHOR:
        props.last_modified_by = props.author or office
    if props.subject == TEMPLATE_SUBJECT:
        props.subject = ""
    if props.comments.startswith(TEMPLATE_COMMENTS):  # (an office's note added after ours: kept)
        props.comments = props.comments[len(TEMPLATE_COMMENTS) :].lstrip(" .;,\n")
    if not props.language or props.language.lower().startswith("en"):
        props.language = "id-ID"  # (a LibreOffice round trip of a template writes en-US)
    props.created = props.modified = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    props.revision = 1  # a new document, never printed (not the template's count and date)
    props._element._remove_lastPrinted()


def _restore_properties(tpl) -> None:
    props = tpl.docx.core_properties
    for name in ("author", "comments", "identifier", "language", "subject", "title"):
        value = getattr(props, name)
        if value and (_BUKA in value or _TUTUP in value):
            setattr(props, name, _kembali(value))


# --------------------------------------------------------------------------------------------
# Locating problems


class _SisaTag(Exception):
    def __init__(self, lokasi: str) -> None:
        super().__init__(lokasi)
        self.lokasi = lokasi


def _bagian(partname: str) -> str:
    base = partname.rsplit("/", 1)[-1]
    if base.startswith("header"):
        return "kepala halaman"
    if base.startswith("footer"):
        return "kaki halaman"
    if base.startswith("footnotes"):
        return "catatan kaki"
    if base.startswith("endnotes"):
        return "catatan akhir"
    if base.startswith("core"):
        return "properti dokumen (File > Info)"
    if "chart" in partname:
        return "grafik"
    return "isi surat"


def _teks(xml: str, batas: int = 90) -> str:
    teks = html.unescape(re.sub(r"<[^>]+>", "", xml))
    teks = re.sub(r"\s+", " ", teks.replace(_BUKA, "{").replace(_TUTUP, "}")).strip()
    return teks if len(teks) <= batas else teks[: batas - 1] + "…"


def _teks_sekitar(xml: str, kata: str, batas: int = 90) -> str:
    teks = _teks(xml, batas=10_000)
    if len(teks) <= batas:
        return teks
    i = max(teks.find(kata), 0)
    awal = max(0, min(i - batas // 3, len(teks) - batas))
    hasil = teks[awal : awal + batas]
    return ("…" if awal else "") + hasil + ("…" if awal + batas < len(teks) else "")


def _paragraf_di(xml: str, pos: int) -> str:
    awal = max(xml.rfind("<w:p>", 0, pos), xml.rfind("<w:p ", 0, pos))
    akhir = xml.find("</w:p>", pos)
    return _teks(xml[max(awal, 0) : akhir if akhir != -1 else len(xml)])


def _baris(src: str, lineno: int | None) -> str:
    if not lineno:
        return ""
    lines = src.splitlines()
    return lines[lineno - 1] if 0 < lineno <= len(lines) else ""


def _lokasi(partname: str, lineno: int | None, src: str, kata: str = "") -> str:
    """Where in the template: the part, the paragraph number and its text.

    Jinja's line N is paragraph N-1 of the part: docxtpl starts every paragraph on a new line,
    and line 1 holds what comes before the first paragraph. Paragraphs in tables count too.
    """
    if not lineno:
        return _bagian(partname)
    baris = _baris(src, lineno)
    teks = _teks_sekitar(baris, kata) if kata else _teks(baris)
    if partname.endswith("core.xml") or lineno < 2:
        return f"{_bagian(partname)}: «{teks}»"
    return f"{_bagian(partname)}, paragraf ke-{lineno - 1}: «{teks}»"


def _cari_nama(name: str, src: str) -> int | None:
    """Line number of the first tag that mentions ``name``."""
    pola = re.compile(r"(?<![\w.])" + re.escape(name) + r"\b")
    for i, line in enumerate(src.splitlines(), start=1):
        for tag in _TAG.findall(line):
            if pola.search(tag):
                return i
    return None


def _lokasi_nama(name: str, src: str, part: str) -> str:
    return _lokasi(part, _cari_nama(name, src), src, name)


#: Jinja's English syntax messages, in Indonesian (an unknown one is shown as it is)
_JINJA_POLA = [
    (
        r"Unexpected end of template\. Jinja was looking for the following tags: (.+?)\. "
        r"The innermost block that needs to be closed is '(\w+)'\.",
        r"templat berakhir sebelum blok '\2' ditutup (yang dicari: \1)",
    ),
    (
        r"Encountered unknown tag '(\w+)'\. Jinja was looking for the following tags: (.+?)\. "
        r"The innermost block that needs to be closed is '(\w+)'\.",
        r"tag '\1' tidak dikenal di dalam blok '\3' (yang dicari: \2)",
    ),
    (r"Encountered unknown tag '(\w+)'\..*", r"tag '\1' tidak dikenal"),
    (r"No filter named '(\w+)'\.?", r"filter '\1' tidak dikenal (yang ada: FILTERS)"),
    (r"No test named '(\w+)'\.?", r"uji '\1' tidak dikenal"),
    (r"unexpected '(.+)'", r"'\1' tidak pada tempatnya"),
    (r"unexpected end of template.*", "templat berakhir di tengah tag"),
    (r"expected token '(.+?)', got '(.+)'", r"seharusnya '\1' tetapi tertulis '\2'"),
]


def _jinja_indonesia(pesan: str) -> str:
    for pola, ganti in _JINJA_POLA:
        m = re.fullmatch(pola, pesan.strip(), re.S)
        if m:
            out = m.expand(ganti).replace("FILTERS", ", ".join(sorted(sandbox.FILTERS)))
            for en, id_ in (
                ("' or '", "' atau '"),
                ("end of print statement", "}}"),
                ("end of statement block", "%}"),
            ):
                out = out.replace(en, id_)
            return out
    return pesan


_TAG_BLOK = re.compile(r"\{%-?\s*(\w+)([^%]*)")
_BLOK_JINJA = {
    "if",
    "for",
    "macro",
    "call",
    "filter",
    "with",
    "block",
    "autoescape",
    "trans",
    "raw",
}


def _blok_terbuka(src: str, lineno: int) -> int | None:
    """Line of the innermost block still open at ``lineno``: the ``{% if %}`` an office forgot
    to close, which Jinja reports only where the template (or an outer block) ends."""
    terbuka: list[tuple[str, int]] = []
    for i, line in enumerate(src.splitlines()[:lineno], start=1):
        for tag, sisa in _TAG_BLOK.findall(line):
            if tag in _BLOK_JINJA or (tag == "set" and "=" not in sisa):
                terbuka.append((tag, i))
            elif tag.startswith("end") and terbuka and terbuka[-1][0] == tag[3:]:
                terbuka.pop()
    return terbuka[-1][1] if terbuka else None


def _syntax_error(e: Exception, src: str, part: str, nama: str) -> TemplateError:
    lineno = getattr(e, "lineno", None)
    pesan = _jinja_indonesia(getattr(e, "message", None) or str(e))
    if lineno and pesan.startswith("templat berakhir sebelum blok"):
        lineno = _blok_terbuka(src, lineno) or lineno
        pesan += "; blok itu, atau salah satu blok di dalamnya, belum ditutup"
    awal = f"{nama}: " if nama else ""
    return TemplateError(
        f"{awal}kesalahan penulisan tag ({_lokasi(part or '/word/document.xml', lineno, src)}): "
        f"{pesan}",
        "periksa pasangan {{ }}, {% %}, if/endif dan for/endfor di tempat itu",
    )


def _lineno_traceback(e: BaseException) -> int | None:
    tb, lineno = e.__traceback__, None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            lineno = tb.tb_lineno
        tb = tb.tb_next
    return lineno


def _lokasi_traceback(e: BaseException, src: str, part: str) -> str:
    return _lokasi(part or "/word/document.xml", _lineno_traceback(e), src)


def _undefined_info(e: Exception) -> tuple[str, str]:
    src, part = getattr(e, "_ppid_src", ""), getattr(e, "_ppid_part", "/word/document.xml")
    lineno = _lineno_traceback(e)
    pesan = str(e)
    var = pesan
    m = re.match(r"'([^']+)' is undefined", pesan)
    if m:
        var = m.group(1)
    else:
        m = re.search(r"has no attribute '([^']+)'", pesan)
        if m:
            var = m.group(1)
            for tag in _TAG.findall(_baris(src, lineno)):
                m2 = re.search(r"([A-Za-z_]\w*(?:\.\w+)*)\." + re.escape(var) + r"\b", tag)
                if m2:
                    var = f"{m2.group(1)}.{var}"
                    break
    return var, _lokasi(part, lineno, src, var.rsplit(".", 1)[-1])


# Parts docxtpl does not render, where a tag would print raw.
_TIDAK_DIRENDER = re.compile(r"word/(endnotes\.xml|charts/[^/]+\.xml|diagrams/data\d*\.xml)$")


def _unrendered_tags_zip(z: zipfile.ZipFile) -> list[tuple[str, str]]:
    hasil = []
    for name in z.namelist():
        if _TIDAK_DIRENDER.match(name):
            teks = _teks(z.read(name).decode("utf-8", "replace"), batas=10**9)
            m = _TAG.search(teks) or _PEMBUKA.search(teks)
            if m:
                hasil.append((_bagian("/" + name), m.group(0)[:60]))
    return hasil


def _unrendered_tags(data: bytes) -> list[tuple[str, str]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return _unrendered_tags_zip(z)


def _split_tag_problems(tpl) -> list[str]:
    """Tags split across runs with different formatting, or across paragraphs, in the raw XML."""
    from docx.oxml.ns import qn
    from lxml import etree

    parts = [("/word/document.xml", tpl.docx.element.body)]
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for _rel, part in tpl.get_headers_footers(uri):
            parts.append((str(part.partname), part.element))

    def format_run(t) -> bytes:
        run = t.getparent()
        rpr = run.find(qn("w:rPr")) if run is not None else None
        if rpr is None:
            return b""
        rpr = etree.fromstring(etree.tostring(rpr))
        for child in list(rpr):
            if child.tag in (qn("w:lang"), qn("w:noProof"), qn("w:rStyle")) or child.tag.endswith(
                "}specVanish"
            ):
                rpr.remove(child)
        return etree.tostring(rpr)

    masalah = []
    for partname, root in parts:
        for p in root.iter(qn("w:p")):
            potongan = [(t.text or "", format_run(t)) for t in p.iter(qn("w:t"))]
            teks = "".join(s for s, _ in potongan)
            if "{" not in teks and "}" not in teks:
                continue
            batas, pos = [], 0
            for s, f in potongan:
                batas.append((pos, pos + len(s), f))
                pos += len(s)
            tertutup = []
            for m in _TAG.finditer(teks):
                tertutup.append((m.start(), m.end()))
                formats = {f for a, b, f in batas if a < m.end() and b > m.start() and b > a}
                if len(formats) > 1:
                    masalah.append(
                        f"tag «{m.group(0)}» ({_bagian(partname)}: «{_teks(teks)}») "
                        f"{SPLIT_FORMAT}; hanya format bagian pertama yang dipakai — hapus dan "
                        "ketik ulang tag itu sekaligus"
                    )
            for pola, jenis in ((_PEMBUKA, "pembuka"), (_PENUTUP, "penutup")):
                for m in pola.finditer(teks):
                    if not any(a <= m.start() < b for a, b in tertutup):
                        masalah.append(
                            f"{jenis} tag «{m.group(0)}» tanpa pasangan di paragraf yang sama "
                            f"({_bagian(partname)}: «{_teks(teks)}») — satu tag harus utuh "
                            "dalam satu paragraf"
                        )
    return masalah
