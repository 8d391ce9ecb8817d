"""Letters as part of a step: build the template context, number the letter, stage the file.

A letter is rendered in memory inside the step's transaction (after its template passed the
check ``ppidctl surat periksa`` runs); its file (``letters/<year>/…``, never overwriting) and its
row in the outgoing-letter register (``surat``) are written by the same commit as the register
change, or not at all: the file is written under a temp name and named only after the journal
lines naming it (store.transaction).

An outgoing letter number (``nomor_surat``) is given only to a letter whose template prints it
(:func:`prints_number`, of the template actually used: the office's copy or the built-in one).
The built-in receipt and objection slip print the registration number only: they get none (their
row in ``registers/surat.csv`` has an empty ``nomor_surat``), so the numbers the public sees run
without gaps. A workspace whose surat.csv already holds numbers on receipts keeps them: they count
as used (the next number is above them) and a receipt made again gets no number.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from .. import config, schema
from ..errors import RuleError, UsageError
from ..rules import numbering
from ..schema import BATAL
from ..store.journal import sha256_bytes
from ..store.transaction import Transaction, numbered
from ..workspace import Workspace
from . import common


@dataclass
class Letter:
    kind: str
    row: dict[str, str]
    linked: dict[str, str] | None = None  # the request behind an objection
    tanggal: date | None = None  # the letter's date when not the step's own date
    reuse_number: bool = False  # a regenerated letter keeps its earlier number
    nomor: str = ""  # its outgoing number: the register's when it holds one, else given by
    # stage_letters
    pejabat: dict[str, dict[str, str]] | None = None  # a copy: who signed the original
    #: journal who signs it (False: a copy whose original's signatories are not recorded — its
    #: signing by today's officials is a guess, never "who signed" for the next copy)
    catat_pejabat: bool = True
    #: a copy signed by today's officials on purpose (``--pejabat-sekarang``: a misspelling
    #: corrected in ppidctl.toml): later copies restate these, not the original's
    pejabat_dikoreksi: bool = False
    #: a handover receipt: the granted objections whose order the delivery carried out
    #: (common.deliveries), none when given on the PPID's own decision
    dasar: tuple[dict[str, str], ...] = ()
    #: a handover receipt: the officer who recorded the handover ("Yang menyerahkan"; journalled
    #: with the letter, and for a copy read back from the journal; "" when none was recorded)
    penyerah: str = ""
    #: what the agenda says of it beside a copy's mark (a letter rebuilt from a register whose
    #: original was made outside ppidctl)
    keterangan: str = ""


#: the register column that holds the outgoing number of a letter of that kind
NUMBER_COLUMN = {"tanggapan-keberatan": "nomor_surat_tanggapan"}


def letter_for(kind: str, row: dict[str, str], linked: dict[str, str] | None = None) -> Letter:
    return Letter(kind, row, linked)


def safe_name(text: str) -> str:
    """A file-name part from a registration number: no path separators, no surprises — nor a
    name Windows takes for a device (``CON.1-2024-…docx`` is the console, whatever follows the
    first dot)."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.")[:80] or "tanpa-nomor"
    if re.match(r"(?i)(?:CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(?:\.|$)", name):
        name = "_" + name
    return name


#: the settings sections of the officials who sign letters (the PPID, the Atasan PPID)
PEJABAT = ("ppid", "atasan_ppid")


def officials(ws: Workspace) -> dict[str, dict[str, str]]:
    """The signing officials as ppidctl.toml names them now."""
    return {name: {k: str(v) for k, v in ws.settings.section(name).items()} for name in PEJABAT}


def context(ws: Workspace, letter: Letter, tanggal_surat: date, nomor_surat: str) -> dict[str, Any]:
    """The row's columns plus the office settings and the letter's own date and number; the
    engine derives the rest (reason texts, cost lines, attachment) from these."""
    s = ws.settings
    instansi = dict(s.section("instansi"))
    logo = instansi.get("logo") or ""
    instansi["logo"] = str((ws.root / logo).resolve()) if logo else ""
    ctx: dict[str, Any] = dict(letter.row)
    ctx.update(
        instansi=instansi,
        **(letter.pejabat or officials(ws)),
        tenggat=dict(s.section("tenggat")),
        tanggal_surat=tanggal_surat.isoformat(),
        nomor_surat=nomor_surat,
        permohonan=dict(letter.linked or {}),
        **common.handover_basis(letter.dasar),
        petugas_penyerahan=letter.penyerah,
    )
    if ctx.get("waktu_diterima"):  # (a book's time in UTC printed "01.30 UTC+00:00": in the
        # office's zone, as it writes it — review sesi30b N1)
        try:
            when = datetime.fromisoformat(ctx["waktu_diterima"])
        except ValueError:
            when = None
        if when is not None and when.tzinfo is not None:
            ctx["waktu_diterima"] = when.astimezone(ws.tz).isoformat(timespec="minutes")
    if letter.kind == "pemberitahuan":  # the handover comes after the notification: a copy
        ctx["tanggal_selesai"] = ""  # made later says what the original said (older templates
        # an office keeps in templates/ printed it as the time of provision)
    return ctx


_TIDAK_URUT = "(agenda tidak urut tanggal)"


def _year_of(number: str, pattern: str, dated: str) -> str:
    """The year letter ``number`` belongs to: the one it states, else its date's."""
    _bulan, tahun = numbering.month_year_of(number, pattern)
    return str(tahun) if tahun else dated[:4]


#: per transaction and year: the highest letter sequence given so far and the agenda's latest
#: letter date — read from the agenda once per command, not once per letter of a batch (a
#: month of 2,000 letters read a 20,000-row agenda 2,000 times: review sesi31c)
_AGENDA_YEAR: WeakKeyDictionary[Transaction, dict[str, list]] = WeakKeyDictionary()


def _agenda_year(tx: Transaction, pattern: str, year: str) -> list:
    """[highest sequence, latest letter date] of ``year`` in the agenda (and in the objection
    register's imported reply numbers), as this transaction found them."""
    cache = _AGENDA_YEAR.setdefault(tx, {})
    if year not in cache:
        table = tx.table("surat")
        near = {str(int(year) - 1), year, str(int(year) + 1)}  # (a number read near its year)
        numbers = [  # (the year a number states, else its letter's: review agenda M5)
            r["nomor_surat"]
            for r in table.rows
            if r["nomor_surat"]
            and r["tanggal"][:4] in near
            and _year_of(r["nomor_surat"], pattern, r["tanggal"]) == year
        ]
        # an imported objection register's reply letters: numbered by the old book, absent
        # from surat.csv — the agenda of a migrated office started at 1 again (bolakbalik L3)
        numbers += [
            k["nomor_surat_tanggapan"]
            for k in tx.table("keberatan").rows
            if k["nomor_surat_tanggapan"] and k["tanggal_tanggapan"][:4] == year
        ]
        later = max(
            (r["tanggal"] for r in table.rows if r["nomor_surat"] and r["tanggal"][:4] == year),
            default="",
        )
        cache[year] = [numbering.next_sequence(numbers, pattern) - 1, later]
    return cache[year]


def next_letter_number(ws: Workspace, tx: Transaction, when: date) -> str:
    """The next outgoing number of ``when``'s year: above the agenda's highest and every number
    this transaction gave (a batch), never a deleted letter's sequence."""
    pattern = ws.settings.get("penomoran", "surat") or ""
    if not pattern:
        return ""
    year = str(when.year)
    state = _agenda_year(tx, pattern, year)
    seq = state[0] + 1
    kode, retired = ws.settings.get("instansi", "kode_satker"), tx.retired("surat")
    skip = numbering.sequences_of_year(retired, pattern, when.year)
    while (number := numbering.format_number(pattern, seq, kode, when)) in retired or seq in skip:
        seq += 1  # (a deleted letter's number stays used, in any month of its year)
    state[0] = seq
    later = state[1]
    if later > when.isoformat() and not any(_TIDAK_URUT in k for k in NOT_PRINTED):
        # (a step dated back, a letter made later: agenda M3; advice that works — sesi31c L1;
        # once per command, not per letter of a batch — sesi31c L3)
        NOT_PRINTED[
            f"nomor surat {number} diberikan kepada surat bertanggal {when.isoformat()}, padahal "
            f"agenda sudah memuat surat bertanggal {later} dengan nomor lebih kecil "
            f"{_TIDAK_URUT}; nomor ini tetap — surat yang sudah bernomor di agenda kantor "
            "diberi nomornya saat langkahnya dicatat, dengan --nomor-surat NOMOR"
        ] = None
    return number


def template_sha256(ws: Workspace, kind: str) -> str:
    """The SHA-256 of the template a letter of ``kind`` is made from now (the office's copy
    in templates/, else the built-in one)."""
    from ..letters import engine

    return sha256_bytes(engine.find_template(kind, ws.templates_dir).read_bytes())


def prints_number(ws: Workspace, kind: str) -> bool:
    """Whether the template a letter of ``kind`` is made from uses ``nomor_surat``."""
    from ..errors import TemplateError
    from ..letters import engine

    try:
        return "nomor_surat" in engine.template_variables(
            engine.find_template(kind, ws.templates_dir)
        )
    except TemplateError:  # a broken template: rendering it refuses the letter, saying why
        return True


def render(ws: Workspace, letter: Letter, tanggal_surat: date, nomor_surat: str) -> bytes:
    from ..letters import engine  # docxtpl loads only when a letter is made

    template = engine.find_template(letter.kind, ws.templates_dir)
    ctx = context(ws, letter, tanggal_surat, nomor_surat)
    # checked as `surat periksa` checks it, once per template content, before anything is written
    data = engine.render_letter(letter.kind, template, ctx)
    missing = engine.not_printed(letter.kind, template, ctx)
    if missing:
        where = (
            template.relative_to(ws.root).as_posix()
            if template.is_relative_to(ws.root)
            else template
        )
        NOT_PRINTED[
            f"{where} (salinan kantor) tidak memuat {', '.join(missing)} yang dicetak templat "
            f"bawaan, jadi surat {letter.kind} ini tanpa isian itu — tambahkan ke salinan kantor "
            "atau salin ulang templat bawaan (ppidctl surat templat)"
        ] = None
    return data


#: warnings of the letters numbered and rendered since :func:`letter_warnings` last took them:
#: the office's template copy leaves out a value the step recorded (see engine.not_printed), a
#: number given out of the agenda's date order. Cleared when a step or ``surat buat`` starts —
#: not when its letters are staged: a reply's number is taken before (review sesi31d L2)
NOT_PRINTED: dict[str, None] = {}


def letter_numbers(ws: Workspace, paths: list[str]) -> dict[str, str]:
    """The outgoing number the agenda gives each letter file of ``paths`` (those numbered): the
    step that made them says it, for the desk's expedition book and a posting script (review
    agenda L1: only keberatan tanggapi did)."""
    from ..store.table import read_table

    rels = {}
    for p in paths:
        try:
            rels[Path(p).relative_to(ws.root).as_posix()] = p
        except ValueError:  # (a PDF beside it is in letters/ too; anything else has none)
            continue
    if not rels:
        return {}
    rows = read_table("surat", ws.register_path("surat")).rows_where("berkas", tuple(rels))
    return {rels[r["berkas"]]: r["nomor_surat"] for r in rows if r["nomor_surat"]}


def letter_warnings(ws: Workspace) -> list[str]:
    """What the user must know about letters just made, for the step's ``peringatan``: settings
    a letter prints that still hold ``init``'s stand-ins ("Nama PPID", "(0370) 000000"), and
    values an office template copy leaves out (taken: each told once)."""
    out = list(ws.settings.placeholders())
    out += NOT_PRINTED
    NOT_PRINTED.clear()
    return out


def letter_path(ws: Workspace, letter: Letter, when: date) -> Path:
    nomor = letter.row.get("nomor_registrasi", "")
    return ws.letters_dir / str(when.year) / f"{safe_name(nomor)}-{letter.kind}.docx"


def free_path(path: Path, staged: set[Path]) -> Path:
    """``path``, or ``name-2.docx``, ``name-3.docx`` …: the first neither on disk nor staged."""
    n = 1
    while numbered(path, n) in staged or numbered(path, n).exists():
        n += 1
    return numbered(path, n)


def _letter_file(
    ws: Workspace, tx: Transaction, letter: Letter, day: date, agenda: set[Path], many: bool
) -> Path:
    """Where a letter goes: its name, or ``name-2.docx``… (reviews pulih, sesi31):

    * never the name of a letter the agenda lists whose file is gone — neither a copy of it nor
      any other letter (a notification made again after a voided one whose file was deleted):
      the loss vanished from ``periksa``, and ``lihat`` showed the lost letter under the new
      one's number. Told, unless its loss was accepted already;
    * a first letter whose name a file holds that neither the agenda nor the journal names is
      refused: the registers are older than letters/ (restored from an older archive), and the
      number it carries may have been given already — to someone else;
    * a file the journal named whose agenda row was deleted (a voided letter, README: "Surat
      yang batal") stays as it is: the letter takes the next name, and the file is told.

    The agenda (``agenda``, filled once per batch) is read whole only for ``many`` letters or
    when the name is taken or listed; one letter under a free name is looked for in its text."""
    base = letter_path(ws, letter, day)
    rel_ = base.relative_to(ws.root).as_posix()
    staged = {p for p, _ in tx.files}
    exists = base.exists()

    def listed() -> set[Path]:
        if not agenda:
            agenda.update(ws.root / r["berkas"] for r in tx.table("surat").rows if r["berkas"])
        return agenda

    if not (
        exists
        or base in staged
        or (base in listed() if many else tx.table("surat").rows_where("berkas", (rel_,)))
    ):
        return base
    staged |= listed()
    if base in listed() and not exists:
        _named, accepted = _journal_names(ws, rel_)
        what = "surat aslinya" if letter.reuse_number else "surat yang tercatat dengan nama ini"
        NOT_PRINTED[
            f"{rel_}: {what} hilang (hilangnya sudah diterima); surat ini berkas baru"
            if accepted
            else f"{rel_}: {what} tidak ada lagi (surat ini berkas baru) — kembalikan dari "
            "arsip, atau catat hilangnya dengan ppidctl periksa --terima-perubahan --catatan TEKS"
        ] = None
    elif not letter.reuse_number and exists and base not in listed():
        named, _accepted = _journal_names(ws, rel_)
        if not named:
            raise RuleError(
                f"{rel_} sudah ada tetapi tidak tercatat di agenda surat (registers/surat.csv) "
                "maupun di jurnal: register tampaknya lebih tua daripada folder letters/ "
                "(dipulihkan dari arsip lama?), dan nomor pada surat itu mungkin sudah pernah "
                "diberikan",
                "jalankan ppidctl periksa; pulihkan registers/ dan letters/ dari arsip yang sama, "
                "atau pindahkan berkas itu bila bukan surat ppidctl",
            )
        NOT_PRINTED[
            f"{rel_}: berkas surat yang barisnya dihapus dari agenda masih ada (jangan dikirim); "
            "surat ini berkas baru"
        ] = None
    return free_path(base, staged)


def _journal_names(ws: Workspace, rel_: str) -> tuple[bool, bool]:
    """Whether the journal names letter file ``rel_``, and whether its loss was accepted
    (``berkas_hilang_diterima``). Read only for a name taken or lost: a rare case."""
    import json

    from ..store.journal import lines

    needle = json.dumps(rel_).encode()
    named = accepted = False
    for raw in lines(ws.journal_path):
        if needle not in raw:
            continue
        named = True
        if b"berkas_hilang_diterima" in raw:
            try:
                entry = json.loads(raw)
            except ValueError:
                continue
            lost = entry.get("berkas_hilang_diterima") if isinstance(entry, dict) else None
            accepted |= isinstance(lost, list) and rel_ in lost
    return named, accepted


def stage_letters(
    ws: Workspace,
    tx: Transaction,
    letters: list[Letter],
    when: date,
    nomor_surat: str | None,
    petugas: str,
    progress: Callable[[], None] | None = None,
) -> list[str]:
    """Render ``letters`` dated ``when`` and add them (file + ``surat`` row) to the transaction.

    A letter whose template prints a number gets ``nomor_surat`` when given, else the number an
    earlier copy of the same letter carried (a regenerated letter is the same letter), else the
    next number of the pattern; any other letter gets none (see the module docstring).
    """
    from ..letters import engine

    if nomor_surat is not None and len(letters) > 1:
        raise RuleError("--nomor-surat hanya untuk satu surat", "buat suratnya satu per satu")
    if nomor_surat is not None:  # (printed on the letter, kept in surat.csv: one line of text)
        from ..rules.validation import teks

        nomor_surat = teks(nomor_surat, "--nomor-surat")
        if "\n" in nomor_surat or "\t" in nomor_surat or "\r" in nomor_surat:
            raise RuleError("--nomor-surat memuat pindah baris atau tab", "tulis dalam satu baris")
    numbered = {kind: prints_number(ws, kind) for kind in {le.kind for le in letters}}
    if nomor_surat and nomor_surat.strip():
        if not numbered[letters[0].kind]:
            raise RuleError(
                f"surat {letters[0].kind} tidak mencetak nomor surat (templatnya tidak memakai "
                "nomor_surat): --nomor-surat tidak dipakai",
                "ulangi tanpa --nomor-surat, atau tambahkan {{ nomor_surat }} ke templat kantor "
                f"templates/{letters[0].kind}.docx",
            )
        _refuse_used_number(tx, letters[0], nomor_surat.strip(), letters[0].tanggal or when)
    paths: list[str] = []
    agenda: set[Path] = set()  # (the agenda's files, read when needed: _letter_file)
    made_with = {kind: template_sha256(ws, kind) for kind in numbered}
    copying = any(le.reuse_number for le in letters)
    earlier = _earlier_numbers(tx) if copying else {}
    listed: dict[tuple[str, str, str], list[int]] = {}  # the letters the agenda has (rows):
    for i, r in enumerate(tx.table("surat").rows if copying else ()):  # one made again is a copy
        if not r.get("keterangan", "").startswith(BATAL):
            listed.setdefault((r["jenis"], r["nomor_registrasi"], r["tanggal"]), []).append(i)
    for letter in letters:
        day = letter.tanggal or when
        number = (nomor_surat or "").strip() or (letter.nomor if numbered[letter.kind] else "")
        made = (letter.kind, letter.row.get("nomor_registrasi", ""))
        if not number and letter.reuse_number and numbered[letter.kind]:
            number = earlier.get(made, "")  # (a copy of an unnumbered letter: none either)
        if not number and numbered[letter.kind] and not (letter.reuse_number and made in earlier):
            number = next_letter_number(ws, tx, day)
        if not number and numbered[letter.kind]:  # (pattern "": bagian umum numbers — agenda M4)
            NOT_PRINTED[
                f"surat {letter.kind} {made[1]} tanpa nomor surat (pola [penomoran] surat "
                "kosong): isi nomornya dari agenda kantor dengan ppidctl surat buat "
                f"{letter.kind} {made[1]} --nomor-surat NOMOR"
            ] = None
        letter.nomor = number
        data = render(ws, letter, day, number)
        path = _letter_file(ws, tx, letter, day, agenda, len(letters) > 1)
        tx.add_file(path, data)
        tx.append(
            "surat",
            {
                "nomor_surat": number,
                "tanggal": day.isoformat(),
                "jenis": letter.kind,
                "register": engine.KINDS[letter.kind].register,
                "nomor_registrasi": letter.row.get("nomor_registrasi", ""),
                "berkas": path.relative_to(ws.root).as_posix(),
                "petugas": petugas,
                "keterangan": _agenda_mark(ws, tx, letter, day, listed, made in earlier),
            },
            # the file as made: periksa tells a letter changed after it was made (review bukti
            # H1: the letter sent is a hearing's evidence)
            berkas_sha256=sha256_bytes(data),
            templat_sha256=made_with[letter.kind],  # (a copy from another template: told)
            # (a copy restates them: see regenerate)
            **({"pejabat": letter.pejabat or officials(ws)} if letter.catat_pejabat else {}),
            **({"pejabat_dikoreksi": True} if letter.pejabat_dikoreksi else {}),
            **({"penyerah": letter.penyerah} if letter.penyerah else {}),
        )
        paths.append(str(path))
        if progress:
            progress()
    return paths


def mark_letter(tx: Transaction, i: int, keterangan: str, **extra: Any) -> None:
    """Set the Keterangan of agenda row ``i`` ("batal: …", "diganti …"), journalled with the
    letter's file as its key: a copy shares the number, and ``lihat`` finds a case's letter by
    its file (store.journal.history)."""
    agenda = tx.table("surat")
    tx.update(
        "surat", i, {"keterangan": keterangan}, kunci=["berkas", agenda.rows[i]["berkas"]], **extra
    )


def _agenda_mark(
    ws: Workspace, tx: Transaction, letter: Letter, day: date, listed: dict, made: bool
) -> str:
    """The agenda's Keterangan of a letter being made (review agenda M1, M2): a copy of one the
    agenda lists on that date; one made again under a corrected date (one number, two dates);
    else what ``letter`` says (a rebuild of an old book's reply), or nothing — a letter sent.
    A letter given the number its unnumbered rows lacked (``surat = ""``: the number from the
    office agenda) is the letter sent, and those rows are marked replaced (sesi31c M4)."""
    today = ws.today().isoformat()
    before = listed.get((letter.kind, letter.row.get("nomor_registrasi", ""), day.isoformat()))
    agenda = tx.table("surat")
    if before and letter.nomor and not any(agenda.rows[i]["nomor_surat"] for i in before):
        for i in before:
            mark_letter(tx, i, f"diganti surat bernomor {letter.nomor}")
        return ""
    if before:
        return f"{schema.SALINAN}{today}"
    if letter.reuse_number and made and letter.kind not in HANDOVER:
        return f"dibuat ulang {today}, tanggal berbeda dari surat sebelumnya"
    return letter.keterangan


_OTHER = "pakai nomor lain, atau tanpa --nomor-surat agar ppidctl memberi nomor berikutnya"


def _refuse_used_number(tx: Transaction, letter: Letter, number: str, day: date) -> None:
    """An outgoing letter number names one letter: ``--nomor-surat`` may repeat only the number
    of the same letter (a copy made again), never another letter's — nor one given and deleted.
    Numbers are compared as :func:`~ppidctl.rules.numbering.number_key` reads them."""
    nomor = letter.row.get("nomor_registrasi", "")
    pattern = tx.ws.settings.get("penomoran", "surat") or ""
    mine = (letter.kind, nomor)
    same = numbering.number_key(number, pattern, str(day.year))
    for old in tx.retired("surat"):
        if numbering.number_key(old, pattern, "") == same:
            raise RuleError(
                f"nomor surat {number} pernah dipakai ({old}) untuk surat yang kemudian dihapus "
                "dari registers/surat.csv (tercatat di jurnal): nomor tidak dipakai dua kali",
                _OTHER,
            )
    for row in tx.table("surat").rows:
        if (
            row["nomor_surat"]
            # (a voided letter is another letter: its number is not the redone step's — 31d L1)
            and (
                (row["jenis"], row["nomor_registrasi"]) != mine
                or row["keterangan"].startswith(BATAL)
            )
            and numbering.number_key(row["nomor_surat"], pattern, row["tanggal"][:4]) == same
        ):
            raise RuleError(
                f"nomor surat {number} sudah dipakai: {row['nomor_surat']} untuk surat "
                f"{schema.letter_named(row, tanggal=True)} (registers/surat.csv)",
                _OTHER
                if not row["keterangan"].startswith(BATAL)
                else "nomor surat yang dibatalkan tidak diberikan lagi — ulangi tanpa "
                "--nomor-surat agar ppidctl memberi nomor berikutnya",
            )
    for k in tx.table("keberatan").rows:  # (a reply an imported book numbered: review sesi30 L3)
        given = k["nomor_surat_tanggapan"]
        if (
            given
            and ("tanggapan-keberatan", k["nomor_registrasi"]) != mine
            and numbering.number_key(given, pattern, k["tanggal_tanggapan"][:4]) == same
        ):
            raise RuleError(
                f"nomor surat {number} sudah dipakai: {given} untuk surat tanggapan keberatan "
                f"{k['nomor_registrasi']} (register keberatan)",
                _OTHER,
            )
    bulan, tahun = numbering.month_year_of(number, pattern) if pattern else (None, None)
    if tahun is not None and tahun != day.year:  # (review agenda M5: last year's agenda typed)
        raise RuleError(
            f"nomor surat {number} menyebut tahun {tahun}, padahal suratnya bertanggal "
            f"{day.isoformat()}",
            "periksa nomornya di agenda surat tahun itu",
        )
    if bulan is not None and bulan != day.month:
        NOT_PRINTED[
            f"nomor surat {number} menyebut bulan {bulan}, padahal suratnya bertanggal "
            f"{day.isoformat()} — periksa nomornya"
        ] = None


def _earlier_numbers(tx: Transaction) -> dict[tuple[str, str], str]:
    """(kind, case) → the number its letter carried ("": made unnumbered) for letters made —
    not a voided one's (a step redone after --batalkan: its letter is no copy of the void one,
    and took its number — review sesi31c M1)."""
    out: dict[tuple[str, str], str] = {}
    for row in tx.table("surat").rows:
        if row.get("keterangan", "").startswith(BATAL):
            continue
        key = (row["jenis"], row["nomor_registrasi"])
        if row["nomor_surat"] or key not in out:
            out[key] = row["nomor_surat"]
    return out


#: The step each letter belongs to: its register, the column holding the step's date (the
#: letter's date), and which decisions it is for (None: any row that reached the step).
LETTER_STEPS: dict[str, tuple[str, str, tuple[str, ...] | None]] = {
    "tanda-terima": ("permohonan", "tanggal_diterima", None),
    "perpanjangan": ("permohonan", "diperpanjang_pada", None),
    "pemberitahuan": ("permohonan", "tanggal_pemberitahuan", schema.GIVEN),
    "tidak-tersedia": (
        "permohonan",
        "tanggal_pemberitahuan",
        ("tidak-dikuasai", "belum-didokumentasikan"),
    ),
    "penolakan": ("permohonan", "tanggal_pemberitahuan", ("ditolak",)),
    "tanda-terima-informasi": ("permohonan", "tanggal_selesai", None),
    "tanda-bukti-keberatan": ("keberatan", "tanggal_diterima", None),
    "tanggapan-keberatan": ("keberatan", "tanggal_tanggapan", None),
}


def regenerate(
    ws: Workspace,
    kind: str,
    numbers: list[str],
    *,
    bulan: str | None = None,
    petugas: str = "",
    progress: Callable[[int], Callable[[], None]] | None = None,
    pejabat_sekarang: bool = False,
    nomor_surat: str | None = None,
) -> list[str]:
    """(Re)generate letters of ``kind`` as new files: for ``numbers``, or for every row that
    reached the letter's step (in ``bulan`` when given). All are rendered before anything is
    written; one failure writes nothing. A copy is signed by the officials the original
    recorded; ``pejabat_sekarang``: by those ppidctl.toml names now (a misspelt name or
    position corrected there), recorded so that later copies follow."""
    NOT_PRINTED.clear()  # (a command that failed after rendering leaves none to the next)
    if kind not in LETTER_STEPS:
        raise UsageError(
            f"jenis surat '{kind}' tidak dikenal", f"pilih salah satu: {', '.join(LETTER_STEPS)}"
        )
    register, column, decisions = LETTER_STEPS[kind]
    if bulan is not None and not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", bulan):
        raise UsageError(f"--bulan '{bulan}' tidak sah", "tulis sebagai YYYY-MM")
    with ws.transaction("surat buat", petugas) as tx:
        table = tx.table(register)
        pattern = ws.settings.get("penomoran", register)
        if numbers:  # ("1 1", "1 001/…": one case, one copy)
            where = list(dict.fromkeys(common.find(table, n, ws.today(), pattern) for n in numbers))
        else:  # (a handover receipt: any handover in bulan, see below)
            where = [
                i
                for i, r in enumerate(table.rows)
                if r[column]
                and (decisions is None or r.get("keputusan") in decisions)
                and (bulan is None or r[column].startswith(bulan) or kind in HANDOVER)
            ]
        rows = [table.rows[i] for i in where]
        handed = _handovers(tx, rows, bulan) if kind in HANDOVER else {}
        if handed and not numbers:
            where = [i for i, r in zip(where, rows, strict=True) if handed[r["nomor_registrasi"]]]
            rows = [table.rows[i] for i in where]
        none = [n for n, days in handed.items() if not days]
        if numbers and none:  # (closed by a refusal: nothing handed over, no receipt)
            raise RuleError(
                f"{none[0]}: tidak ada penyerahan informasi yang tercatat, jadi tidak ada surat "
                f"{kind}",
                f"lihat riwayatnya: ppidctl {register} lihat {none[0]}",
            )
        if not rows:
            raise RuleError(
                f"tidak ada {register} yang memerlukan surat {kind}"
                + (f" pada {bulan}" if bulan else ""),
                "periksa --bulan atau jenis suratnya",
            )
        for r in rows:
            if not r[column] or (decisions is not None and r.get("keputusan") not in decisions):
                n, kep = r["nomor_registrasi"], r.get("keputusan", "")
                other = [  # (a decision whose letter is another kind; not a step not reached)
                    k
                    for k, (_, col, ds) in LETTER_STEPS.items()
                    if decisions and r[column] and kep and ds and kep in ds and col == column
                ]
                raise RuleError(
                    (f"{n} diputuskan {kep}: suratnya {other[0]}, bukan {kind}" if other else
                     f"{n} belum sampai pada langkah surat {kind}")
                    + (f" (keputusan: {kep or 'belum ada'})" if decisions and not other else ""),
                    f"ppidctl surat buat {other[0]} {n}" if other else
                    f"lihat riwayatnya: ppidctl {register} lihat {n}",
                )  # fmt: skip
        linked = _linked_requests(tx, rows) if register == "keberatan" else {}
        stated, signed, handed_by, made_with = _from_journal(
            ws, kind, register, rows, deadlines=kind in DEADLINE_LETTERS[register]
        )
        peringatan = []
        if kind in DEADLINE_LETTERS[register]:  # (a date edited by hand, the deadline not yet
            from ..integrity.rows import expected_deadlines  # recomputed: sesi28b L2)

            for r in rows:
                due = expected_deadlines(ws, register, r).get("jatuh_tempo", r["jatuh_tempo"])
                if due != r["jatuh_tempo"] and not stated.get(r["nomor_registrasi"]):
                    peringatan.append(
                        f"{r['nomor_registrasi']}: tenggat di register {r['jatuh_tempo']} tidak "
                        f"sesuai aturan sekarang (seharusnya {due}); surat {kind} ini menyebut "
                        "yang di register — hitung ulang dengan ppidctl periksa "
                        "--perbaiki-tenggat, lalu buat suratnya lagi"
                    )
        for r in rows:
            was = stated.get(r["nomor_registrasi"])
            extended = kind == "tanda-terima" and r.get("diperpanjang_pada")  # (told by its letter)
            answered = r.get("tanggal_pemberitahuan") or r.get("tanggal_tanggapan")
            if was and was != r["jatuh_tempo"] and not extended and not answered:
                peringatan.append(
                    f"{r['nomor_registrasi']}: surat {kind} ini menyebut tenggat {was} seperti "
                    f"aslinya (tanggal surat sama); tenggat sekarang {r['jatuh_tempo']} "
                    "(kalender atau pengaturan tenggat berubah sesudahnya) — beri tahu pemohon "
                    "tanggal barunya"
                )
        made = {n for k, n in _earlier_numbers(tx) if k == kind}  # (copies, not first letters)
        letters, guesses, others = [], [], []
        now = officials(ws)
        for r in rows:
            n = r["nomor_registrasi"]
            pejabat = now if pejabat_sekarang else signed.get(n) or _answered_by(ws, kind, r)
            guessed = pejabat is None and n in made
            if guessed:
                guesses.append(n)
            elif pejabat is not None and pejabat != now:
                others.append(n)
            for day, dasar in handed[n] if kind in HANDOVER else [(r[column], [])]:
                penyerah = handed_by.get((n, day), "") if kind in HANDOVER else ""
                letters.append(
                    Letter(
                        kind,
                        {**r, "jatuh_tempo": stated.get(n) or r["jatuh_tempo"]},
                        linked.get(r.get("nomor_permohonan", "")),
                        common.stored_day(day, f"{n}: {column}"),
                        reuse_number=True,
                        nomor=r.get(NUMBER_COLUMN.get(kind, ""), ""),
                        pejabat=pejabat,
                        catat_pejabat=not guessed,
                        pejabat_dikoreksi=pejabat_sekarang,
                        dasar=tuple(dasar),
                        penyerah=penyerah,
                    )
                )

        def copies(numbers: list[str]) -> str:
            more = f" dan {len(numbers) - 5} lainnya" if len(numbers) > 5 else ""
            return f"salinan surat {kind} {', '.join(numbers[:5])}{more}"

        if others:
            peringatan.append(
                copies(others)
                + " ditandatangani pejabat yang tercatat untuk surat itu (yang menandatangani "
                "aslinya), bukan yang disebut ppidctl.toml sekarang — benar bila pejabatnya "
                "berganti; bila yang tercatat itu salah ketik yang sudah diperbaiki di "
                f"ppidctl.toml: ppidctl surat buat {kind} … --pejabat-sekarang"
            )
        # each copy against its own original's template (a handover receipt: that handover's,
        # review sesi30b L2) — the letter sent is a hearing's evidence (review bukti H1)
        current, changed, unknown = template_sha256(ws, kind), [], []
        for le in letters:
            day = le.tanggal.isoformat() if le.tanggal else ""
            was = made_with.get((le.row["nomor_registrasi"], day))
            name = le.row["nomor_registrasi"] + (f" ({day})" if kind in HANDOVER else "")
            if was == "":  # (made before ppidctl recorded it: sesi30b L1)
                unknown.append(name)
            elif was is not None and was != current:
                changed.append(name)
        if changed:
            peringatan.append(
                copies(changed)
                + " dibuat dengan templat yang berubah sesudah aslinya dibuat (templat kantor "
                "disunting, atau ppidctl diperbarui): isinya dapat berbeda dari surat yang "
                "dikirim — yang dikirim adalah berkas aslinya di letters/"
            )
        if unknown:
            peringatan.append(
                copies(unknown)
                + ": templat aslinya tidak tercatat (dibuat sebelum ppidctl mencatatnya), jadi "
                "isinya dapat berbeda dari surat yang dikirim bila templatnya berubah sejak itu "
                "— cocokkan dengan berkas aslinya di letters/"
            )
        if guesses:
            peringatan.append(
                copies(guesses)
                + " ditandatangani pejabat di ppidctl.toml sekarang: siapa yang menandatangani "
                "aslinya tidak tercatat (dibuat sebelum ppidctl mencatat penandatangan) — "
                "cocokkan dengan arsip aslinya"
            )
        known = _earlier_numbers(tx)
        outside = [  # a reply an old book numbered, never made here: rebuilt (agenda M2)
            le for le in letters if le.nomor and (kind, le.row["nomor_registrasi"]) not in known
        ]
        for le in outside:
            le.keterangan = f"dibuat ulang dari register, {ws.today().isoformat()}"
        if outside:
            peringatan.append(
                copies([le.row["nomor_registrasi"] for le in outside])
                + ": aslinya dibuat di luar ppidctl (register lama yang diimpor), jadi berkas ini "
                "dibuat ulang dari register dengan templat sekarang — isinya dapat berbeda dari "
                "surat yang dikirim; agenda menandainya 'dibuat ulang'"
            )
        if nomor_surat is not None and len(letters) == 1:  # (a copy keeps its original's)
            had = (  # (an imported reply's number is in its register: review sesi31c M2)
                known.get((kind, letters[0].row["nomor_registrasi"]), "") or letters[0].nomor
            )
            pattern = ws.settings.get("penomoran", "surat") or ""
            year = (letters[0].tanggal or ws.today()).isoformat()[:4]
            if had and numbering.number_key(had, pattern, year) != numbering.number_key(
                nomor_surat, pattern, year
            ):
                raise RuleError(
                    f"surat {kind} {letters[0].row['nomor_registrasi']} sudah bernomor {had}: "
                    "salinannya memakai nomor itu",
                    f"ulangi tanpa --nomor-surat (atau --nomor-surat {had})",
                )
            nomor_surat = had or nomor_surat  # (a copy prints its original's text: sesi31c L4)
        tick = progress(len(letters)) if progress else None
        # new numbers in date order (a batch of letters made late put its own agenda out of
        # date order: sesi31c L3); the same letters, so the loop below sees their numbers
        by_date = sorted(letters, key=lambda le: le.tanggal or date.max)
        paths = stage_letters(ws, tx, by_date, ws.today(), nomor_surat, petugas, tick)
        if kind in NUMBER_COLUMN:  # (the step recorded --tanpa-surat: the number it now has)
            for i, r, letter in zip(where, rows, letters, strict=True):
                if letter.nomor and not r[NUMBER_COLUMN[kind]]:
                    tx.update(register, i, {NUMBER_COLUMN[kind]: letter.nomor})
    return paths, [*peringatan, *letter_warnings(ws)]


#: the letter made for each handover of a request, not once per request
HANDOVER = ("tanda-terima-informasi",)


def _handovers(
    tx: Transaction, rows: list[dict[str, str]], bulan: str | None
) -> dict[str, list[tuple[str, list[dict[str, str]]]]]:
    """Each request's handovers (in ``bulan`` when given), each with the granted objections
    whose order it carried out: one receipt per handover (common.deliveries) — a second one,
    on an objection's order, has its own day and basis."""
    wanted = tuple(r["nomor_registrasi"] for r in rows)
    by_request: dict[str, list[dict[str, str]]] = {}
    for k in tx.table("keberatan").rows_where("nomor_permohonan", wanted):
        by_request.setdefault(k["nomor_permohonan"], []).append(k)
    return {
        r["nomor_registrasi"]: [
            (day, dasar)
            for day, dasar in common.deliveries(
                r, by_request.get(r["nomor_registrasi"], ())
            ).items()
            if bulan is None or day.startswith(bulan)
        ]
        for r in rows
    }


#: the letters to a requester that state the case's deadline (tanda terima: "paling lambat";
#: the extension letter: its new deadline; the objection slip: the date of the response)
DEADLINE_LETTERS = {
    "permohonan": {"tanda-terima": "tanda terima", "perpanjangan": "surat perpanjangan"},
    "keberatan": {"tanda-bukti-keberatan": "tanda bukti pengajuan keberatan"},
}


_FEW = 20  # letters made at once up to which the journal is searched for their numbers


def _answered_by(ws: Workspace, kind: str, row: dict[str, str]) -> dict[str, dict] | None:
    """For a reply letter with no recorded signatories: the Atasan PPID the objection register
    says responded, when ppidctl.toml now names another (NIP unknown: left out)."""
    now = officials(ws)
    nama = row.get("nama_atasan", "") if kind == "tanggapan-keberatan" else ""
    stand_in = config.init_values()["atasan_ppid"]["nama"]
    if not nama or nama in (now["atasan_ppid"].get("nama"), stand_in):
        return None
    return {**now, "atasan_ppid": {"nama": nama, "jabatan": row.get("jabatan_atasan", "")}}


def _from_journal(
    ws: Workspace, kind: str, register: str, rows: list[dict[str, str]], deadlines: bool
) -> tuple[dict[str, str], dict[str, dict], dict[tuple[str, str], str], dict[tuple[str, str], str]]:
    """What the first letter of ``kind`` of each case said, read from the journal in one pass:

    * with ``deadlines``, the deadline it stated: the case's jatuh_tempo when that letter was
      recorded. A later change of the calendar (kalender tambah) moves the case's deadline, not
      what a letter dated and numbered before it told the requester — a copy says what the
      original said (rules.md §6: one number, one letter). A receipt states the deadline
      before any extension, also when it is first made after it. A receipt date or election
      stage corrected afterwards (an edit accepted) is the letter's own data corrected: its
      copy states the deadline counted from it;
    * who signed it: the officials its line recorded (``pejabat``), as every copy restates
      them — after a new PPID or Atasan PPID took office, a copy with the original's number
      and date signed by the new one reads as a forgery in a dispute file; a copy made
      ``--pejabat-sekarang`` (a misspelling corrected) sets them anew for the copies after it.
      Letters made before ppidctl recorded them: none; an official still the init stand-in ("Nama PPID", the first day's
      letters) signed nothing: the copy takes whom ppidctl.toml names now;
    * a handover receipt: who handed over, by (case, day of the letter) — the officer who
      recorded the ``selesai`` step (also when it made no receipt), else the ``penyerah`` a
      receipt's line records;
    * the template it was made from, by (case, day of the letter): its SHA-256 (``""``: made
      before ppidctl recorded it) — a copy from another template may say otherwise."""
    import json

    from ..store import journal

    wanted = {r["nomor_registrasi"] for r in rows}
    # a few letters: only the lines naming their cases are parsed, and of an import's line
    # only their rows (a 100,000-row journal); a month's batch: every line of the letters (and,
    # for deadlines, of the register)
    needles = {n: json.dumps(n, ensure_ascii=False).encode() for n in wanted}
    steps = kind in HANDOVER  # (who recorded each handover: the receipt's "Yang menyerahkan")
    marks = [
        b'"register":"surat"',
        *([f'"register":"{register}"'.encode()] if deadlines or steps else []),
    ]
    few = len(needles) <= _FEW
    now: dict[str, str] = {}
    stated: dict[str, str] = {}
    signed: dict[str, dict] = {}
    handed_by: dict[tuple[str, str], str] = {}
    #: (case, letter day) → the template its first letter was made from ("": not recorded)
    made_with: dict[tuple[str, str], str] = {}
    moved: set[str] = set()  # (cases whose receipt date or stage was corrected after their letter)
    receipt, frozen = kind == "tanda-terima", set()  # (a receipt states the 10 days: UU 14/2008
    # Pasal 22(7); the extension's deadline is its own letter's, Pasal 22(8))
    for raw in journal.lines(ws.journal_path):
        named = [n for n, x in needles.items() if x in raw] if few else [None]
        if not (named if few else any(x in raw for x in marks)):
            continue
        try:
            entry = json.loads(raw)
        except ValueError:
            continue
        surat = entry.get("register") == "surat"
        if not surat and (entry.get("register") != register or not (deadlines or steps)):
            continue
        if surat:
            pejabat, penyerah = entry.get("pejabat"), entry.get("penyerah")
            for e in journal.expand(entry):
                nilai = e.get("nilai") if isinstance(e.get("nilai"), dict) else {}
                n = nilai.get("nomor_registrasi")
                if nilai.get("jenis") != kind:
                    continue
                if n in now:
                    stated.setdefault(n, now[n])
                if n in wanted and isinstance(pejabat, dict) and set(pejabat) == set(PEJABAT):
                    if entry.get("pejabat_dikoreksi"):  # (a misspelling corrected: from now)
                        signed[n] = pejabat
                    else:
                        signed.setdefault(n, pejabat)
                if n in wanted and isinstance(penyerah, str):
                    handed_by.setdefault((n, str(nilai.get("tanggal"))), penyerah)
                if n in wanted:
                    sha = entry.get("templat_sha256")
                    made_with.setdefault((n, str(nilai.get("tanggal"))), sha or "")
            continue
        for n in named:  # (None: every row of the line)
            for e in journal.expand(entry, n):
                case, changes = e.get("nomor"), journal.changes(e)
                day = changes.get("tanggal_selesai", ("", ""))[1]
                if (
                    steps
                    and day
                    and case in wanted
                    and entry.get("perintah") == "permohonan selesai"
                ):
                    handed_by.setdefault((case, day), str(entry.get("petugas") or ""))
                if case not in wanted or not deadlines:
                    continue
                # (corrected by hand after the letter: what it stated was counted from another
                # day or by another rule — koreksi H3, sesi28b L3; a receipt after the
                # extension: its 10 days, below. Not the row's own first line: a receipt copy of
                # an extended request recounted its 10 days on today's calendar — dokumentasi M2)
                if e.get("aksi") != "tambah" and {"tanggal_diterima", "tahapan"} & set(changes):
                    stated.pop(case, None)
                    frozen.discard(case)
                    now.pop(case, None)
                    moved.add(case)
                if case in frozen:
                    continue
                if "jatuh_tempo" in changes:
                    now[case] = changes["jatuh_tempo"][1]
                if receipt and changes.get("diperpanjang_pada", ("", ""))[1]:
                    frozen.add(case)  # (its deadline was the 10 days, before this line's)
                    now[case] = changes.get("jatuh_tempo", (now.get(case, ""),))[0]
    # a receipt first made after the extension states the deadline it had before it
    stated = {**{case: now[case] for case in frozen if now.get(case)}, **stated}
    if receipt and moved:  # (its date corrected after the extension: the 10 days from it)
        from ..rules.deadlines import request as tenggat

        for r in rows:
            if r["nomor_registrasi"] in moved and r.get("diperpanjang_pada"):
                ten = tenggat({**r, "diperpanjang_pada": ""}, ws.settings, ws.calendar)
                stated[r["nomor_registrasi"]] = ten.tanggal.isoformat()
    current, stand_in = officials(ws), config.init_values()
    signed = {
        n: {
            name: current[name] if rec[name].get("nama") == stand_in[name]["nama"] else rec[name]
            for name in PEJABAT
        }
        for n, rec in signed.items()
    }
    return stated, signed, handed_by, made_with


def _linked_requests(tx: Transaction, rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    wanted = {r.get("nomor_permohonan") for r in rows} - {""}
    if not wanted:
        return {}
    return {
        r["nomor_registrasi"]: r
        for r in tx.table("permohonan").rows
        if r["nomor_registrasi"] in wanted
    }


def pdf_copies(ws: Workspace, paths: list[str]) -> list[str]:
    """PDF copies of freshly written letters, beside them (never over an existing file)."""
    import tempfile

    from ..letters.pdf import to_pdf_many
    from ..store.transaction import create_new

    with tempfile.TemporaryDirectory(prefix="ppidctl-pdf-") as tmp:
        pdfs = to_pdf_many([Path(p) for p in paths], Path(tmp))
        return [
            str(create_new(Path(src).with_suffix(".pdf"), pdf.read_bytes(), ws.file_mode))
            for src, pdf in zip(paths, pdfs, strict=True)
        ]


def require_pdf() -> None:
    """Refuse ``--pdf`` before anything is written when LibreOffice is not installed."""
    from ..letters.pdf import find_soffice, not_found

    if find_soffice() is None:
        raise not_found("--pdf tidak dapat dipenuhi")
