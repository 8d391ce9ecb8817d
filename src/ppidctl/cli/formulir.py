"""The desk's interactive form (cli.md: a recording command prompts for what is missing when
stdin is a terminal): :class:`Formulir` asks, checks each answer with the services' own rules,
shows the record and asks before anything is written; :func:`ask` is a one-question form."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any

import typer

from ..errors import PpidError, RuleError


def interactive() -> bool:
    """Someone at a terminal: stdin is one, and so is stdout or stderr (where the form shows;
    ``> out.json 2> log`` would leave the officer before a blank screen)."""
    try:
        return sys.stdin.isatty() and (sys.stdout.isatty() or sys.stderr.isatty())
    except (AttributeError, ValueError):
        return False


def lipat(text: str, indent: str) -> list[str]:
    """``text`` in lines that fit the terminal after ``indent`` (never cut inside a word)."""
    import shutil
    import textwrap

    width = max(20, shutil.get_terminal_size().columns - 1 - len(indent))
    return textwrap.wrap(text, width, break_long_words=False) or [""]


class Formulir:
    """The interactive form of a recording command (cli.md: prompts for what is missing when
    stdin is a terminal; never otherwise, so a script cannot hang). A prompt never reaches
    stdout's data (``--format json > out.json``): at a terminal it is readline's own prompt
    (line editing knows where the answer starts), else it goes to stderr. Each answer is checked
    as it is typed (``periksa``: the rule the service applies) and asked again when refused; a
    choice shows its choices and default; :meth:`simpan` shows the whole record — what was
    given on the command line too — and asks before anything is written (a pasted multi-line
    address fills the next prompts: this is where it shows). Ctrl-C at a prompt stops the
    command as anywhere else (nothing recorded, exit 130); Ctrl-D cancels the form."""

    def __init__(self, perlu: bool = True) -> None:
        #: ``perlu``: something required is missing. A command typed in full is not turned
        #: into a form (no choice asked, nothing to confirm), even at a terminal.
        self.aktif = perlu and interactive()
        self.isian: list[tuple[str, str]] = []  # (label, value): given or typed, in form order
        self.ditanya = 0
        if self.aktif:  # line editing at the prompts (← → to fix a typo; not on Windows)
            try:
                import readline  # noqa: F401
            except ImportError:
                pass

    def periksa_dulu(self, *checks: tuple[object, Callable[[Any], object]]) -> None:
        """Check the values given on the command line before the first prompt: a typo there is
        told now, not after the officer answered the whole form."""
        if self.aktif:
            for value, check in checks:
                if value not in (None, ""):
                    check(value)

    def periksa_hari(self, ws, tanggal: str | None, tahapan: str | None, register: str) -> None:
        """:meth:`periksa_dulu` of the receipt day (--tanggal) and the stage running on it."""
        from ..rules.validation import waktu
        from ..services.common import ongoing_stage

        if self.aktif:
            day = waktu(tanggal, ws.tz, ws.now()).date()
            if tahapan:
                ongoing_stage(ws, tahapan, day, register)

    def lengkap(self, perintah: str, wajib: Sequence[tuple[str, object]]) -> None:
        """Without a form (a script, a pipe): the required options left out, named at once —
        not one per run (one alone gets the service's own message)."""
        missing = [option for option, value in wajib if value in (None, "")]
        if not self.aktif and len(missing) > 1:
            raise RuleError(
                f"isian wajib belum diisi: {', '.join(missing)}",
                f"tambahkan opsi itu (lihat: ppidctl {perintah} --help)",
            )

    @staticmethod
    def tulis(text: str) -> None:
        """A line of the form, where its prompts are: the terminal (stdout when it is one, so
        ``2> log`` does not take the summary away from the officer), else stderr."""
        out = sys.stdout if sys.stdout.isatty() else sys.stderr
        out.write(text + "\n")
        out.flush()

    def _tanya(self, prompt: str) -> str:
        self.ditanya += 1
        from .common import utf8_typed

        try:
            if sys.stdout.isatty():
                return utf8_typed(input(prompt), sys.stdin.encoding)
            sys.stderr.write(prompt)
            sys.stderr.flush()
            return utf8_typed(input(), sys.stdin.encoding)
        except EOFError:  # Ctrl-D
            self.tulis("")
            raise typer.Abort() from None
        except KeyboardInterrupt:  # (told by guard, on a line of its own)
            self.tulis("")
            raise

    def catat(self, label: str, value: str) -> None:
        """Add to the summary; a question asked again replaces its first answer in place."""
        for i, (seen, _) in enumerate(self.isian):
            if seen == label:
                self.isian[i] = (label, value)
                return
        self.isian.append((label, value))

    def diberikan(self, *pairs: tuple[str, object]) -> None:
        """Options given on the command line that no question covers, for the summary (the
        record about to be written: a back-dated receipt, a note, who records it)."""
        if self.aktif:
            for label, value in pairs:
                if value not in (None, "", False):
                    self.catat(label, "ya" if value is True else str(value))

    def teks(
        self,
        value: str | None,
        label: str,
        *,
        wajib: bool = True,
        periksa: Callable[[str], object] | None = None,
        petunjuk: str = "",
        tampil: Callable[[str], str] | None = None,
    ) -> str:
        """``value`` as given; else the officer's answer (``""`` allowed unless ``wajib``).
        ``tampil``: how the summary shows it (a request number: whose request it is)."""
        if self.aktif and value is not None and not value.strip():
            value = None  # (given blank, e.g. --nama ' ': asked, not shown empty and refused)
        if value or not self.aktif:
            if value and self.aktif:
                self.catat(label, tampil(value) if tampil else value)
            return value or ""
        from ..rules.validation import teks

        hint = petunjuk or ("" if wajib else "kosongkan bila tidak ada")
        while True:
            answer = self._tanya(f"{label}{f' ({hint})' if hint else ''}: ")
            try:
                answer = teks(answer, label, wajib=wajib)
                if answer and periksa is not None:
                    periksa(answer)
            except PpidError as e:
                # (a hint naming the prompt itself says nothing there; one naming options is
                # the way on when only an option can say it, e.g. a decision received by post)
                saran = e.saran if label not in e.saran else ""
                self.tulis(e.pesan + (f" — {saran}" if saran else ""))
                continue
            self.catat(label, tampil(answer) if tampil and answer else answer)
            return answer

    def pilih(self, ctx: typer.Context, name: str, value: str, label: str, choices: Sequence[str]):
        """Option ``name``'s value; asked, with its choices, when the command line left it at its
        default."""
        if ctx.get_parameter_source(name).name != "DEFAULT":
            from ..rules.validation import pilihan

            value = pilihan(value, tuple(choices), "--" + name.replace("_", "-"))
            if self.aktif:
                self.catat(label, value)
            return value
        if not self.aktif:
            return value
        answer = self._salah_satu(label, choices, value)
        self.catat(label, answer)
        return answer

    def _salah_satu(self, label: str, choices: Sequence[str], default: str) -> str:
        """One of ``choices`` (any case; Enter: ``default``), asked until it is one."""
        inline = f"{label} [{' | '.join(choices)}] [{default}]: "
        if len(inline) > 78:  # (an 80-column terminal: the choices on lines of their own)
            for i, line in enumerate(lipat(f"{label} — pilihan: {', '.join(choices)}", "  ")):
                self.tulis(("  " if i else "") + line)  # (wrapped lines under the first)
            inline = f"{label} [{default}]: "
        while True:
            answer = (self._tanya(inline).strip() or default).lower()
            hits = [c for c in choices if c.lower() == answer] or [
                c
                for c in choices
                if c.lower().startswith(answer)  # (the first letters do)
            ]
            if len(hits) == 1:
                return hits[0]
            what = "cocok dengan lebih dari satu pilihan" if hits else "bukan pilihan"
            for line in lipat(f"'{answer}' {what} — ketik salah satu: {', '.join(choices)}", ""):
                self.tulis(line)

    def ya(self, label: str, default: bool = True) -> bool:
        """A yes/no question (ya/tidak; y/t)."""
        while True:
            answer = self._tanya(f"{label} [{'Y/t' if default else 'y/T'}]: ").strip().lower()
            if not answer:
                return default
            if answer in ("y", "ya"):
                return True
            if answer in ("t", "tidak", "n"):
                return False
            self.tulis("jawab y (ya) atau t (tidak)")

    def kontak(self, telepon: str | None, email: str | None) -> tuple[str, str]:
        """Phone and e-mail as given; at a terminal, asked until there is one of them."""
        from ..rules import validation as v

        if telepon or email:
            for label, value in (("Nomor telepon", telepon), ("E-mail", email)):
                if value and self.aktif:
                    self.catat(label, value)
            return telepon or "", email or ""
        asked = len(self.isian)
        while self.aktif and not (telepon or email):
            del self.isian[asked:]  # (the summary shows the last answers only)
            telepon = self.teks(None, "Nomor telepon", wajib=False, periksa=v.telepon)
            email = self.teks(None, "E-mail", wajib=False, periksa=v.email)
            if not (telepon or email):
                self.tulis("pemohon wajib mencantumkan kontak: isi telepon atau e-mail")
        return telepon or "", email or ""

    def dokumen(self, value: str | None, register: str, choices: Sequence[str], **who: bool) -> str:
        """``--dokumen`` as given (even empty); else the documents received, asked until the
        required ones are there (rules.validation.DOKUMEN_WAJIB: the form knows whether the
        requester is a legal entity, whether a proxy acts)."""
        from ..rules import validation as v

        def lengkap(d: str) -> None:
            given = v.daftar(d, tuple(choices), "dokumen")
            kuasa = who.get("kuasa", False) or "kuasa" in given
            v.dokumen_lengkap(register, given, kuasa=kuasa,
                              badan_hukum=who.get("badan_hukum", False))  # fmt: skip
            if "meterai" in given and not kuasa:
                raise RuleError(
                    "meterai tanpa surat kuasa khusus", "tambahkan kuasa, atau hapus meterai"
                )

        if value is not None and self.aktif:
            try:  # (given: checked now that the requester and the proxy are known)
                lengkap(value)
            except PpidError as e:
                self.tulis(f"--dokumen {value}: {e.pesan}")
                value = None
        if value is not None:
            return self.teks(value, "Dokumen")
        return self.teks(None, "Dokumen", petunjuk=",".join(choices), periksa=lengkap)

    def kuasa(
        self, nama: str | None, alamat: str | None, dokumen: str, perlu_alamat: bool
    ) -> tuple[str, str]:
        """The proxy: its name, asked when the documents received include a power of attorney
        and the command line named none; for an objection its address too (rules.md §4 c)."""
        if nama or "kuasa" in dokumen.replace(";", ",").split(","):
            nama = self.teks(nama, "Nama kuasa")
        if nama and perlu_alamat:
            return nama, self.teks(alamat, "Alamat kuasa")
        return nama or "", alamat or ""

    def tahapan(self, value: str | None, ws, tanggal: str | None, register: str) -> str:
        """The election stage a case received on ``tanggal`` concerns: given, checked to be
        running that day; else asked when stages run that day (its deadline is 3 working days,
        not 10 or 30)."""
        if not self.aktif:
            return value or ""
        from ..rules.validation import waktu
        from ..services.common import ongoing_stage

        day = waktu(tanggal, ws.tz, ws.now()).date()
        if value:
            return self.teks(ongoing_stage(ws, value, day, register), "Tahapan")
        stages = [t.nama for t in ws.settings.tahapan if t.ongoing(day)]
        if not stages:
            return ""
        hit = self._salah_satu(
            "Menyangkut tahapan pemilu yang sedang berjalan?", ["tidak", *stages], "tidak"
        )
        self.catat("Tahapan", hit)
        return "" if hit == "tidak" else hit

    def simpan(self, apa: str) -> None:
        """Show the record and ask before recording (only when something was asked)."""
        if not self.ditanya:
            return
        width = max(len(label) for label, _ in self.isian)
        pad = " " * (width + 5)
        for label, answer in self.isian:  # (long and multi-line answers under their column)
            lines = [piece for line in str(answer).splitlines() for piece in lipat(line, pad)]
            self.tulis(f"  {label:<{width}} : {(lines or [''])[0]}")
            for more in lines[1:]:
                self.tulis(f"{pad}{more}")
        if not self.ya(f"Catat {apa} ini?"):
            raise typer.Abort()


def ask(value: str | None, label: str) -> str:
    """``value`` as given; else, on a terminal, the officer's answer (a one-prompt form)."""
    return Formulir().teks(value, label)
