"""Wrong usage (exit code 2) told in Indonesian, in the one-line form refusals use, and the
framework's own words in ``--help`` (panel titles, defaults, the help option) in Indonesian.

Typer's parser (a vendored Click) words its errors in English and prints them in a box under a
usage line. :class:`Akar`, the root command's class, catches them and prints
``Error: <what is wrong> — lihat: ppidctl … --help`` instead, still with exit code 2. The words are
made from the exception's own fields where it has them (the option, the parameter, the
suggestions); otherwise its English message is matched against the few shapes the parser uses,
and an unknown shape is shown as it is rather than lost.

A departure from architecture.md ("only Typer's public API; never import ``typer._click``"),
written down here: Typer exposes neither the parser's exception types (which option was unknown,
which parameter is missing) nor the help screen's words, and the contract (exit 2, one Indonesian
line, Indonesian ``--help``) needs both. So this module imports ``typer._click.exceptions`` and
sets ``typer.rich_utils`` constants (and its ``Table`` and ``Columns``, so that narrow help folds
rather than cuts); pyproject pins ``typer<0.30``, and
``tests/test_exit_codes.py::test_the_private_typer_names_usage_relies_on`` names each private
name used, so an upgrade that moves one fails there, saying which.
"""

import contextlib
import functools
import inspect
import re
import sys
from typing import Any

import typer
from typer._click import exceptions as cx
from typer.core import TyperGroup

BANTUAN = "Tampilkan bantuan ini lalu keluar."

#: (English shape, Indonesian) for the messages the parser and Typer's converters write
_POLA = [
    (r"Value error, (.*)", r"\1"),
    (r"(.+) is not one of (.+?)\.?", r"\1 bukan salah satu dari \2"),
    (r"(.+) is not a valid integer( range)?\.?", r"\1 bukan bilangan bulat"),
    (r"(.+) is not a valid float( range)?\.?", r"\1 bukan bilangan"),
    (r"(.+) is not a valid boolean\.?", r"\1 bukan ya/tidak"),
    (r"(.+) is not in the range (.+)\.?", r"\1 di luar rentang \2"),
    (r"(.+) is not (?:>=|greater than or equal to) (.+)\.?", r"\1 harus paling sedikit \2"),
    (r"(?:File|Directory|Dir|Path) (.+) does not exist\.?", r"\1 tidak ada"),
    (r"(?:File|Directory|Dir|Path) (.+) is a file\.?", r"\1 adalah berkas, bukan folder"),
    (r"(?:File|Directory|Dir|Path) (.+) is a directory\.?", r"\1 adalah folder, bukan berkas"),
    (r"(?:File|Directory|Dir|Path) (.+) is not readable\.?", r"\1 tidak bisa dibaca"),
    (r"(?:File|Directory|Dir|Path) (.+) is not writable\.?", r"\1 tidak bisa ditulis"),
    (r"No such command '(.+)'\. Did you mean (.+)\?", r"perintah '\1' tidak dikenal (mungkin: \2)"),
    (r"No such command '(.+)'\.", r"perintah '\1' tidak dikenal"),
    (r"Missing command\.", "perintah belum disebut"),
    (r"Got unexpected extra argument(?:s|\(s\))? \((.+)\)", r"argumen berlebih: \1"),
    (r"Input should be a valid integer.*", "harus bilangan bulat"),
    (r"Input should be a valid (?:number|float).*", "harus bilangan"),
    (r"Input should be a valid boolean.*", "harus ya/tidak (true/false)"),
    (r"Input should be greater than or equal to (.+)", r"paling sedikit \1"),
    (r"Input should be greater than (.+)", r"harus lebih dari \1"),
    (r"Input should be less than or equal to (.+)", r"paling banyak \1"),
    (r"Input should be less than (.+)", r"harus kurang dari \1"),
    (r"Option '(.+)' requires an argument\.", r"opsi \1 perlu nilai"),
    (r"Option '(.+)' requires (\d+) arguments\.", r"opsi \1 perlu \2 nilai"),
    (r"Option '(.+)' does not take a value\.", r"opsi \1 tidak menerima nilai"),
    (r"Could not open file (.+?): (.+)", r"berkas \1 tidak bisa dibuka: \2"),
]


def terjemah(text: str) -> str:
    """The Indonesian of one of the parser's English messages (unchanged when unknown)."""
    text = text.strip()
    for _ in range(2):  # "Value error, 'x' is not one of …" takes two steps
        for pattern, repl in _pola():
            m = pattern.fullmatch(text)
            if m:
                text = m.expand(repl)
                break
        else:
            break
    return text


@functools.cache
def _pola() -> list[tuple[re.Pattern, str]]:
    """Compiled only when a usage error is told (not on every command's start)."""
    return [(re.compile(p, re.S | re.I), r) for p, r in _POLA]


def _nama(e: cx.BadParameter) -> str:
    if e.param_hint:
        hint = e.param_hint
        return hint if isinstance(hint, str) else " / ".join(hint)
    param = e.param
    if param is None:
        return ""
    if getattr(param, "param_type_name", "") == "argument" or not param.opts:
        return (param.metavar or param.name or "").upper()
    return " / ".join(param.opts)


def pesan(e: cx.UsageError) -> str:
    """What is wrong, in Indonesian."""
    if isinstance(e, cx.NoSuchOption):
        out = f"opsi {e.option_name} tidak dikenal"
        if e.option_name in ("-C", "--dir") and e.ctx is not None and e.ctx.parent is not None:
            return (
                out
                + " di sini: tulis sebelum perintahnya, mis. ppidctl -C FOLDER "
                + (e.ctx.command_path.removeprefix(e.ctx.find_root().info_name or "").strip())
            )  # (git-style: the workspace is the program's option, not the command's)
        if e.possibilities:
            out += f" (mungkin: {', '.join(sorted(e.possibilities))})"
        return out
    if isinstance(e, cx.MissingParameter):
        nama = _nama(e)
        kind = "argumen" if getattr(e.param, "param_type_name", "") == "argument" else "opsi"
        return f"{kind} {nama} wajib diisi" if nama else "ada nilai wajib yang belum diisi"
    if isinstance(e, cx.BadParameter):
        nama = _nama(e)
        isi = terjemah(e.message)
        return f"nilai {nama} tidak sah: {isi}" if nama else f"nilai tidak sah: {isi}"
    return terjemah(e.message)


def _saran(e: cx.UsageError, root: TyperGroup, words: list[str]) -> str:
    if e.ctx is not None:
        path = e.ctx.command_path
    else:  # raised before a context existed: the command named by the words typed
        path, cmd = "ppidctl", root
        for w in _kata(words):
            sub = getattr(cmd, "commands", {}).get(w)
            if sub is None:
                break
            path, cmd = f"{path} {w}", sub
    return f"lihat: {path} --help"


#: the screen width from which option names are kept whole (the help text taking the squeeze:
#: sesi31 L6); below it every column folds, so the help keeps a readable width (sesi31b L4:
#: names kept whole left it 12 columns at 60, 2 at 50, none at 40)
_LEBAR_NAMA_UTUH = 70


def _lebar_layar() -> int:
    import shutil

    return shutil.get_terminal_size().columns


class _TabelLipat:
    """Typer's help tables, whose help cells fold at the edge instead of ending in "…": on a
    60-column terminal ``--sk-pengecualian`` read ``--sk-pengecua…`` and ``diberikan-sebagian``
    ``diberikan-sebag…`` — the very names to type (review konsol L5). The option names and
    types are kept whole from 70 columns on (the help text takes the squeeze: sesi31 L6);
    below, every column folds."""

    def __new__(cls, *args: Any, **kwargs: Any):
        from rich.table import Table

        class Lipat(Table):
            def add_row(self, *renderables: Any, **kw: Any) -> None:
                super().add_row(*renderables, **kw)
                *names, help_ = self.columns
                whole = _lebar_layar() >= _LEBAR_NAMA_UTUH
                for column in names:
                    column.no_wrap = whole
                    column.overflow = "fold"
                help_.overflow = "fold"

        return Lipat(*args, **kwargs)


#: Typer's own layout of an option's help pieces, kept for screens of 80 columns and more
_KOLOM_TYPER: Any = None


def _paragraf(items: list[Any], *args: Any, **kwargs: Any) -> Any:
    """Below 80 columns, an option's help, its default and ``[wajib]`` as one paragraph that
    wraps and folds (Typer's columns cut a value longer than their width with "…"); from 80
    columns on, Typer's own layout ("[bawaan: softcopy]" kept on one line: sesi31 L6)."""
    from rich.text import Text

    if _KOLOM_TYPER is not None and _lebar_layar() >= 80:
        return _KOLOM_TYPER(items, *args, **kwargs)
    out = Text(overflow="fold")
    for i, item in enumerate(items):
        out.append(" " if i else "")
        out.append(item if isinstance(item, Text) else Text(str(item)))
    return out


def _bantuan_indonesia(root: Any) -> None:
    """The framework's words in the help screens: panel titles, defaults, the help option."""
    from typer import rich_utils as r

    r.ARGUMENTS_PANEL_TITLE = "Argumen"
    r.OPTIONS_PANEL_TITLE = "Opsi"
    r.COMMANDS_PANEL_TITLE = "Perintah"
    r.ERRORS_PANEL_TITLE = "Error"
    r.DEFAULT_STRING = "[bawaan: {}]"
    r.REQUIRED_LONG_STRING = "[wajib]"
    r.ENVVAR_STRING = "[variabel lingkungan: {}]"
    r.DEPRECATED_STRING = "(usang) "
    r.ABORTED_TEXT = "Dibatalkan: tidak ada yang dicatat."
    global _KOLOM_TYPER
    r.Table = _TabelLipat  # (below 80 columns option names and values were cut with "…")
    if r.Columns is not _paragraf:
        _KOLOM_TYPER = r.Columns
    r.Columns = _paragraf
    stack: list[tuple[Any, Any]] = [(root, None)]
    while stack:  # each command's help option, made in a context like the real one (-h too)
        cmd, parent = stack.pop()
        ctx = cmd.context_class(cmd, parent=parent, info_name=cmd.name, **cmd.context_settings)
        opt = cmd.get_help_option(ctx)
        if opt is not None:
            opt.help, opt.metavar = BANTUAN, ""
        if cmd.help:
            cmd.help = _alinea(cmd.help)
        cmd.options_metavar = "[OPSI]"
        if hasattr(cmd, "subcommand_metavar"):
            cmd.subcommand_metavar = "PERINTAH [ARGUMEN]..."
        cmd.format_usage = functools.partial(_pemakaian, cmd)
        for param in cmd.params:  # "<str>" and "<int>" read as Python, not as the desk's words
            jenis = _JENIS_NILAI.get(getattr(param, "bare_type", lambda: "")())
            info = getattr(getattr(param, "type_descriptor", None), "parameter_info", None)
            if jenis == "BERKAS" and (
                getattr(info, "file_okay", True) is False or "folder" in (param.name or "")
            ):
                jenis = "FOLDER"
            if jenis is None:
                continue
            if getattr(param, "param_type_name", "") == "option":
                if param.metavar is None:
                    param.metavar = jenis
            else:  # an argument's metavar is its name in the usage line: only the type column
                param.display_type_rich = lambda ctx=None, _jenis=jenis: _jenis
        stack.extend((sub, ctx) for sub in getattr(cmd, "commands", {}).values())


def _alinea(text: str) -> str:
    """A docstring's paragraphs each made one line, for Rich to wrap to the terminal: Typer's
    rich mode keeps the source's line breaks after the first paragraph (ragged lines cut at
    the code's width, "… dan ikut" alone on its line). A ``\\b`` paragraph keeps its lines."""
    return "\n\n".join(
        p if p.startswith("\b") else " ".join(p.split("\n"))
        for p in inspect.cleandoc(text).split("\n\n")
    )


#: what the help shows for an option's value, by its Python type (choices keep their list)
_JENIS_NILAI = {
    "str": "TEKS",
    "int": "ANGKA",
    "float": "ANGKA",
    "bool": "",
    "Path": "BERKAS",
    "list[str]": "TEKS",
    "list[Path]": "FOLDER",
}


_KURAWAL = re.compile(r"\{([^{}]+)\}")


def _pemakaian(cmd: Any, ctx: Any, formatter: Any) -> None:
    """The usage line of a help screen, headed in Indonesian; a required argument bare (Typer
    writes ``{nomor}``, and braces are the numbering pattern's fields: ``{urut}``)."""
    pieces = _KURAWAL.sub(r"\1", " ".join(cmd.collect_usage_pieces(ctx)))
    formatter.write_usage(ctx.command_path, pieces, prefix="Pemakaian: ")


def _kata(args: list[str]) -> list[str]:
    """The words typed that are not options (nor the folder of ``-C``): commands, arguments."""
    words, skip = [], False
    for a in args:
        if skip:
            skip = False
        elif a in ("-C", "--dir"):
            skip = True
        elif not a.startswith("-"):
            words.append(a)
    return words


def _menampilkan_bantuan(root: TyperGroup, args: list[str]) -> bool:
    """Whether this run shows a help screen: ``-h``/``--help``, no command, or a group given no
    command of its own (only then are the help screen's words set, at no cost to other runs)."""
    if "-h" in args or "--help" in args:
        return True
    words = _kata(args)
    if not words:
        return True
    return len(words) == 1 and isinstance(root.commands.get(words[0]), TyperGroup)


class Akar(TyperGroup):
    """The root command: usage errors in Indonesian (see the module docstring)."""

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        words = list(sys.argv[1:] if args is None else args)
        bantuan = _menampilkan_bantuan(self, words)
        if bantuan:
            _bantuan_indonesia(self)
        # a help screen shown because no command was given is a usage error (exit 2): like
        # every message it goes to stderr, and a script's stdout stays empty
        ke_stderr = bantuan and not {"-h", "--help", "--version"} & set(words)
        try:  # the caller's args as given: Typer expands wildcards on Windows only for None
            with contextlib.redirect_stdout(sys.stderr) if ke_stderr else contextlib.nullcontext():
                rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except cx.NoArgsIsHelpError as e:  # the help screen is already printed
            if not standalone_mode:
                raise
            sys.exit(e.exit_code)
        except cx.UsageError as e:
            if not standalone_mode:
                raise
            from .common import tampak  # (a value typed is quoted: shown, never obeyed)

            typer.echo(tampak(f"Error: {pesan(e)} — {_saran(e, self, words)}"), err=True)
            sys.exit(e.exit_code)
        except cx.ClickException as e:  # any other error the parser reports
            if not standalone_mode:
                raise
            from .common import tampak

            typer.echo(tampak(f"Error: {terjemah(e.format_message())}"), err=True)
            sys.exit(e.exit_code)
        except typer.Abort:
            if not standalone_mode:
                raise
            typer.echo("Dibatalkan: tidak ada yang dicatat.", err=True)
            sys.exit(1)
        if not standalone_mode:
            return rv
        sys.exit(rv if type(rv) is int else 0)
