"""Shared CLI plumbing: the workspace option, error translation, output formats, warnings."""

import errno
import functools
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from enum import StrEnum
from typing import Annotated, Any

import typer

from ..errors import PpidError, UsageError, sebab

CONTEXT_HELP = {"help_option_names": ["-h", "--help"]}


class Format(StrEnum):
    teks = "teks"
    json = "json"
    csv = "csv"


# -- options shared by the commands (declared once) ----------------------------------------
Tanggal = Annotated[
    str | None, typer.Option("--tanggal", help="YYYY-MM-DD[THH:MM] (bawaan: sekarang).")
]
Petugas = Annotated[str, typer.Option("--petugas", envvar="PPIDCTL_PETUGAS", help="Nama petugas.")]
TanpaSurat = Annotated[bool, typer.Option("--tanpa-surat", help="Jangan buat surat.")]
NomorSurat = Annotated[
    str | None,
    typer.Option("--nomor-surat", help="Nomor surat keluar (bawaan: pola \\[penomoran].surat)."),
]
#: on ``catat`` and ``selesai``: the built-in receipts and objection slip print no outgoing
#: letter number (the default pattern would be promised and never given — review dokumentasi L2)
NomorSuratCatat = Annotated[
    str | None,
    typer.Option(
        "--nomor-surat",
        help="Nomor surat keluar, hanya bila templat kantor mencetak {{ nomor_surat }} "
        "(templat bawaan tanda terima/tanda bukti tidak).",
    ),
]


def letter_options(tanpa_surat: bool, nomor_surat: str | None, pdf: bool) -> None:
    """``--tanpa-surat`` with an option for the letter it leaves out: wrong usage (the option
    was dropped without a word). Then ``--pdf`` without LibreOffice is refused, before
    anything is written (after the usage checks: a mistyped call stays exit 2)."""
    extra = [o for o, on in (("--nomor-surat", nomor_surat is not None), ("--pdf", pdf)) if on]
    if tanpa_surat and extra:
        raise UsageError(
            f"--tanpa-surat tidak membuat surat, jadi {' dan '.join(extra)} tidak berarti",
            f"hapus --tanpa-surat atau {' dan '.join(extra)}",
        )
    need_soffice(pdf)


def not_blank(**given: str | None) -> None:
    """Options whose absence means something (no fee, no proxy) given with nothing in them —
    a script's unset variable, ``--biaya "$BIAYA"``: wrong usage, never read as that absence
    (a free decision was recorded)."""
    blank = [
        f"--{k.replace('_', '-')}" for k, v in given.items() if v is not None and not v.strip()
    ]
    if blank:
        raise UsageError(
            f"{', '.join(blank)} kosong",
            "isi nilainya atau hapus opsinya"
            + (" (tanpa biaya: --biaya 0)" if "--biaya" in blank else ""),
        )


def pdf_after(ws, paths: list[str]) -> list[str]:
    """PDF copies of the letters a command just recorded. The step is done by then: LibreOffice
    failing is a warning, never exit 1 (which says nothing changed: a script would record the
    step again)."""
    from ..services.letters import pdf_copies

    try:
        return pdf_copies(ws, paths)
    except (PpidError, OSError) as e:
        text = str(e) if isinstance(e, PpidError) else sebab(e)
        warnings(
            [
                f"langkah dan suratnya sudah tercatat, tetapi salinan PDF tidak dibuat ({text}); "
                "ubah berkas .docx itu ke PDF di LibreOffice/Word"
            ]
        )
        return []


def write_json(data: Any) -> None:
    """``data`` as indented JSON on stdout, written record by record (:mod:`ppidctl.jsontext`)."""
    from ..jsontext import pieces

    for piece in pieces(data):
        sys.stdout.write(piece)
    sys.stdout.write("\n")


def write_csv(header: list[str], rows: list[list[Any]]) -> None:
    """CSV on stdout for scripts (``--format csv``): None as empty, other values as text; a
    line break inside a value is quoted on every Python (see store.table.csv_lines)."""
    from ..store.table import csv_lines

    cells = [[str(c) if c is not None else "" for c in row] for row in rows]
    sys.stdout.write(csv_lines([header, *cells], ",", "\n"))


def need_soffice(pdf: bool) -> None:
    """--pdf is refused before anything is written when LibreOffice is missing."""
    if pdf:
        from ..services.letters import require_pdf

        require_pdf()


Pdf = Annotated[bool, typer.Option("--pdf", help="Juga buat PDF (perlu LibreOffice).")]


class FormatRekaman(StrEnum):
    """``--format`` of a command that shows one record (a listing also has csv)."""

    teks = "teks"
    json = "json"


Fmt = Annotated[FormatRekaman, typer.Option("--format", help="teks | json")]
FmtList = Annotated[Format, typer.Option("--format", help="teks | json | csv")]
Nomor = Annotated[
    str,
    typer.Argument(
        help="Nomor registrasi lengkap, atau nomor urutnya saja (mis. 1 atau 001) bila hanya satu perkara bernomor urut itu pada tahun berjalan (langkah yang diberi --tanggal: tahun tanggal itu) dan tidak ada perkara tahun lalu bernomor urut sama yang belum selesai.",
        metavar="NOMOR",
    ),
]
# listing filters (daftar, jatuh-tempo, ekspor)
Status = Annotated[str | None, typer.Option(help="Hanya status ini.")]
Dari = Annotated[str | None, typer.Option(help="Diterima sejak YYYY-MM-DD.")]
Sampai = Annotated[str | None, typer.Option(help="Diterima sampai YYYY-MM-DD.")]
Bulan = Annotated[str | None, typer.Option(help="Diterima pada bulan YYYY-MM.")]
Cari = Annotated[
    str | None, typer.Option(help="Cari nama, informasi, nomor (juga nomor surat keluarnya).")
]
Terlambat = Annotated[bool, typer.Option("--terlambat", help="Hanya yang lewat tenggat.")]
Dalam = Annotated[int | None, typer.Option(help="Jatuh tempo dalam N hari kerja.", min=0)]


def filters(status, dari, sampai, bulan, cari, terlambat, dalam):
    """The listing filter of the contract, from the shared options."""
    from ..services.queries import Filter

    return Filter(status, dari, sampai, bulan, cari, terlambat, dalam)


class State:
    dir: str | None = None
    warned: bool = False  # ppidctl.toml's warnings printed in this invocation


state = State()


def _quiet(_unraisable) -> None:
    """An exception a finaliser raised after Ctrl-C: nothing the desk can act on."""


def guard(fn: Callable) -> Callable:
    """Translate a library error into ``Error: …`` on stderr and its exit code: 1 for a refusal,
    2 for a value not of its option's type (:class:`~ppidctl.errors.UsageError`)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        commits = _journalled()
        WRITTEN.clear()  # (a test runs many commands in one process)
        _marked().clear()
        closed = sys.stdout is None  # (started with stdout closed, `>&-`: data would vanish)
        if closed:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (for the process's life)
        try:
            try:
                result = fn(*args, **kwargs)
            except typer.Exit:  # (periksa's 1 with its CSV still buffered: told here, not at exit)
                sys.stdout.flush()
                raise
            _marked_warning()
            sys.stdout.flush()  # (a write failing here is told as any other, not at exit)
            if closed:
                _output_lost(commits, "stdout tertutup")
            return result
        except PpidError as e:
            err(f"Error: {e}")  # (values typed or read are quoted in it: shown, never obeyed)
            raise typer.Exit(e.exit_code) from None
        except BrokenPipeError:
            # the reader of the output went away (`| head -1`): not a workspace error. A step
            # already journalled is done (exit 0: a script that retried on 1 would record it
            # twice); otherwise nothing changed and the exit is the shell's for a closed pipe
            _pipe_gone(commits)
        except KeyboardInterrupt:  # Ctrl-C during a long command (an import): say where it stood
            # (a report's writers, cut short, complained at exit in English tracebacks after
            # this message: "Exception ignored in <generator …>" — review rusak L5)
            sys.unraisablehook = _quiet
            done = _journalled() > commits
            typer.echo(
                "Dihentikan (Ctrl-C): "
                + ("langkahnya sudah tercatat di jurnal" if done else "tidak ada yang tercatat")
                + "; bila ragu: ppidctl periksa",
                err=True,
            )
            raise typer.Exit(130) from None
        except PermissionError as e:  # an account without the right to the workspace's files
            from ..store.transaction import WINDOWS

            typer.echo(
                f"Error: tidak punya izin mengakses {e.filename or 'berkas workspace'} "
                f"({sebab(e)}) — "
                + (  # (there: most often a file another program holds open; no chmod)
                    "berkas itu mungkin sedang dibuka program lain (mis. Excel): tutup lalu "
                    "ulangi; bila tidak, periksa hak akses akun Windows ini ke folder itu"
                    if WINDOWS
                    else "periksa hak akses workspace untuk akun ini; bila beberapa akun memakai "
                    'satu workspace: [penyimpanan] izin_berkas = "0660" di ppidctl.toml, satu '
                    "grup untuk semua akun itu, chmod g+s pada folder workspace, lalu jalankan "
                    "satu perintah (mis. ppidctl periksa) sebagai pemilik workspace"
                ),
                err=True,
            )
            raise typer.Exit(1) from None
        except OSError as e:  # a full disk, a drive pulled out, a file another program holds
            from ..store.transaction import WINDOWS

            if (
                WINDOWS
                and e.filename is None
                and e.errno in (errno.EINVAL, errno.EPIPE)
                and (_journalled() > commits or WRITTEN)
            ):  # (Windows' broken pipe, often EINVAL: cpython#79935, after the step was
                # done; any earlier EINVAL — a network share gone mid-write — is told below)
                _pipe_gone(commits)
            if _stdout_failing():  # (> /dev/full, a full disk under a redirected output)
                _output_lost(commits, sebab(e))
            saran = (  # (periksa cannot help a read-only disk: review serentak L3)
                "diska itu hanya dapat dibaca: tidak ada yang dicatat — salin workspace ke "
                "diska yang dapat ditulis untuk mencatat; daftar, laporan dan periksa tetap "
                "dapat dijalankan di sana"
                if e.errno == errno.EROFS
                else "periksa folder itu, ruang dan sambungan diskanya, dan program lain yang "
                "membuka berkas itu; bila berkas itu di dalam workspace, jalankan: ppidctl periksa"
            )
            typer.echo(
                f"Error: {e.filename or 'berkas workspace'} tidak dapat dibaca atau ditulis "
                f"({sebab(e)}) — {saran}",
                err=True,
            )
            raise typer.Exit(1) from None

    return wrapper


def _pipe_gone(commits: int) -> None:
    _quiet_stdout()
    raise typer.Exit(0 if _journalled() > commits or WRITTEN else 141) from None


def _output_lost(commits: int, why: str) -> None:
    """The command's output could not be written: said on stderr; a step journalled since
    ``commits`` is done (exit 0, as for a closed pipe: a script retrying on 1 would record it
    twice), as is a file the command wrote (:func:`file_written`: a report's name on stdout is
    lost, not the report); otherwise nothing was made (exit 1)."""
    if _journalled() > commits:
        done = (
            " — langkahnya sudah tercatat di jurnal: jangan ulangi perintahnya; lihat hasilnya "
            "dengan perintah lihat atau daftar"
        )
    elif WRITTEN:
        done = f" — berkasnya sudah ditulis: {', '.join(WRITTEN)}"
    else:
        done = ""
    typer.echo(
        f"{'Peringatan' if done else 'Error'}: keluaran perintah tidak dapat ditulis ({why})"
        + (done or " — periksa tujuan keluarannya (ruang disk, berkas, atau pipa)"),
        err=True,
    )
    _quiet_stdout()  # (the flush at exit would fail again: exit 120)
    raise typer.Exit(0 if done else 1) from None


#: the files this command wrote outside the journal (a report, an export, an archive)
WRITTEN: list[str] = []


def file_written(path: object) -> None:
    """Note that the command wrote ``path``: its output lost after that is told, exit 0."""
    WRITTEN.append(str(path))


def _stdout_failing() -> bool:
    """Whether writing stdout is what fails (its buffer cannot be flushed)."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except (OSError, ValueError):
        return True
    return False


def _marked_warning() -> None:
    """A step recorded on a register holding an outside edit not yet accepted: said (the
    edit rode along, marked in the journal; an Excel-rounded NIK in an XLSX cell is text from
    now on and looks valid)."""
    marked = _marked()
    if marked:
        warnings(
            [
                f"register {' dan '.join(marked)} memuat perubahan di luar ppidctl yang belum "
                "diterima: langkah ini tercatat dan register ditulis ulang bersama perubahan itu "
                "(tetap ditandai di jurnal) — lihat dan terima atau batalkan: ppidctl periksa"
            ]
        )
        marked.clear()


def _marked() -> dict[str, None]:
    """transaction.MARKED ({} before the store is even imported)."""
    return getattr(sys.modules.get("ppidctl.store.transaction"), "MARKED", {})


def _journalled() -> int:
    """Commits journalled by this process so far (0 before the store is even imported)."""
    return getattr(sys.modules.get("ppidctl.store.transaction"), "journalled", 0)


def _quiet_stdout() -> None:
    """Point stdout and stderr at the null device, so that flushing at exit does not raise
    again on the closed pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        try:
            os.dup2(devnull, stream.fileno())
        except (AttributeError, OSError, ValueError):
            pass


#: what a listing or report reads: the case registers, and the office's days off their
#: deadlines are counted on (a calendar file gone is told too: review sesi32d2 M4)
KASUS = ("permohonan", "keberatan", "libur")


def workspace(dibaca: tuple[str, ...] = ()):
    """The workspace; ``dibaca``: the registers a listing or report shows, warned about when
    changed outside ppidctl and not yet accepted (Workspace.outside_warnings)."""
    from ..workspace import Workspace

    ws = Workspace.find(state.dir)
    ws.on_lock_wait = err
    if not state.warned:  # (some commands open the workspace twice)
        state.warned = True
        warnings(ws.settings.warnings)
    # (what is shown comes from the register files as they are: a change made outside
    # ppidctl, neither accepted nor undone, is said — Workspace.edited_outside)
    warnings(ws.outside_warnings(dibaca) if dibaca else [])
    return ws


def placeholder_warning(ws) -> None:
    """For the commands that check templates (a step's letters carry their own warnings:
    services.letters.letter_warnings): the settings a letter prints that still hold the
    stand-ins ``init`` wrote ("Nama PPID"), and a logo no letter can carry. Warned, not
    refused: the desk's work goes on while the office fills them in."""
    warnings(ws.settings.placeholders())
    logo = str(ws.settings.section("instansi").get("logo") or "")
    if logo:  # (found by surat templat/periksa, not by the desk's next receipt)
        from ..errors import TemplateError
        from ..letters.engine import logo_image

        try:
            logo_image(str(ws.root / logo))
        except TemplateError as e:
            warnings([f"{e.pesan}: setiap surat ditolak sampai logo diperbaiki — {e.saran}"])


#: what a terminal would obey rather than show: C0 but line break and tab, DEL, C1 (U+009B is
#: ESC [), and the bidi overrides that reorder what is shown
_LAYAR = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def tampak(text: str) -> str:
    """``text`` for the officer's terminal: control characters shown (``␛``, ``<U+009B>``),
    never obeyed. The desk refuses them and the import drops them, but a register edited by
    hand is listed as it is until accepted: ESC ]0;…BEL set the window title, ESC [2J cleared
    the screen of ``jatuh-tempo``."""
    if not _LAYAR.search(text):
        return text
    return _LAYAR.sub(_gambar, text.replace("\r\n", "\n"))


def _gambar(m: re.Match) -> str:
    c = ord(m.group())
    if c < 0x20:
        return chr(0x2400 + c)  # (Unicode's pictures of the control characters: ␛ ␇ …)
    return "\u2421" if c == 0x7F else f"<U+{c:04X}>"


def echo(text: str = "", err: bool = False) -> None:
    """A line of text output (values shown, see :func:`tampak`)."""
    typer.echo(tampak(text), err=err)


def err(message: str) -> None:
    echo(message, err=True)


def warnings(items: Sequence[str]) -> None:
    # yellow on a terminal, unless the user asked for none (NO_COLOR, https://no-color.org;
    # TERM=dumb); a file or pipe never gets colour codes (click strips them)
    plain = bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"
    for item in items:
        if plain:
            typer.echo(f"Peringatan: {tampak(item)}", err=True)
        else:
            typer.secho(f"Peringatan: {tampak(item)}", err=True, fg="yellow")


def emit(
    rows: list[dict[str, Any]] | dict[str, Any],
    fmt: Format,
    columns: Sequence[tuple[str, str]],
    title: str = "",
    styles: Callable[[dict[str, Any]], str] | None = None,
    csv_keys: Sequence[str] = (),
    spare: Sequence[str] = (),
) -> None:
    """Print records: a table (teks) of ``columns``, one JSON document, or CSV with the column
    keys — ``csv_keys`` when given: every key the JSON has, so a script loses nothing by
    switching format. The table shows what fits on a screen: the ``spare`` columns, in that
    order, are left out of a table too wide for it (stderr says so); a screen too narrow even
    then gets each record as a block of lines, every column with its label."""
    if fmt is Format.json:
        write_json(rows)
        return
    records = [rows] if isinstance(rows, dict) else rows
    if fmt is Format.csv:
        keys = list(csv_keys) or [k for k, _ in columns]
        write_csv(keys, [[r.get(k) for k in keys] for r in records])
        return
    from rich.table import Table
    from rich.text import Text

    out = console()
    if not records:  # (a table of titles alone, squeezed on a narrow screen, says nothing)
        if title:
            out.print(title, style="bold")
        err("(tidak ada data)")
        return
    texts = {  # (as shown: a control character drawn as ␛ or <U+009B> takes its room)
        key: ["" if (c := r.get(key)) is None else tampak(str(c)) for r in records]
        for key, _ in columns
    }
    shown = _fitting(columns, texts, spare, out.width)
    if shown is None:  # (a 60-column terminal: columns squeezed to nothing, dates cut)
        _blocks(out, title, columns, records, styles)
        return
    columns = shown
    rows_text = [list(cells) for cells in zip(*(texts[k] for k, _ in columns), strict=True)]
    keep = [key.startswith(WHOLE) for key, _ in columns]  # (never folded)
    widths = fit_widths(
        [[label, *(row[n] for row in rows_text)] for n, (_, label) in enumerate(columns)],
        out.width - 3 * len(columns) - 1,
        keep,
    )
    table = Table(title=title or None, show_lines=False, header_style="bold")
    for n, (_, label) in enumerate(columns):  # (a width given keeps values whole, titles wrap)
        table.add_column(
            label,
            overflow="fold",
            no_wrap=keep[n] and not widths,
            width=widths[n] if widths else None,
        )
    row_styles = [styles(r) if styles else "" for r in records]
    if not _print_rows(out, table, rows_text, row_styles):
        for cells, style in zip(rows_text, row_styles, strict=True):  # (values as stored, never
            table.add_row(*map(Text, cells), style=style or None)  # markup: "[/]" crashed)
        out.print(table)


def _print_rows(out, table, rows_text: list[list[str]], row_styles: list[str]) -> bool:
    """Print ``table`` (its columns, no rows yet) with ``rows_text`` drawn here line by line: the
    header and frame are Rich's own, each row the characters Rich would draw (a cell that fits
    on one line padded here, one that does not wrapped by Rich's ``Text.wrap``; the row's style
    on each cell's segments, as Rich writes it). Rich lays out every cell through its renderer:
    100,000 rows took 48 s and 1.3 GB. False, printing nothing, where Rich must draw the rows
    itself: a legacy Windows console or an encoding without the box characters (Rich replaces
    them), a tab in a cell (Rich expands it), or a table that only fits once Rich shrinks it."""
    from rich.cells import cell_len
    from rich.style import Style
    from rich.text import Text

    if out.legacy_windows or not out.encoding.lower().startswith("utf"):
        return False
    if any("\t" in c for cells in rows_text for c in cells):
        return False
    widths = [c.width for c in table.columns]
    for n, col in enumerate(table.columns):
        if widths[n] is None:
            lines = (ln for cells in rows_text for ln in cells[n].splitlines() or [""])
            widths[n] = max(cell_len(str(col.header)), *map(cell_len, lines))
    if sum(widths) + 3 * len(widths) + 1 > out.width:
        return False  # (the columns untouched: Rich lays them out)
    for col, w in zip(table.columns, widths, strict=True):
        col.width = w
    with out.capture() as frame:  # (title, header, the line under it, the bottom line)
        out.print(table)
    *head, bottom = frame.get().splitlines()
    box = table.box
    left, bar, right = box.mid_left, box.mid_vertical, box.mid_right

    def lines(cells: list[str], style: str) -> Iterator[str]:
        cols = []
        for cell, w in zip(cells, widths, strict=True):
            if "\n" not in cell and (n := cell_len(cell)) <= w:
                cols.append([cell + " " * (w - n)])
            else:
                wrapped = [ln.plain for ln in Text(cell).wrap(out, w, overflow="fold")]
                cols.append([ln + " " * (w - cell_len(ln)) for ln in wrapped] or [" " * w])
        on = ["", ""]  # (the style's codes around a piece: Rich styles each one apart)
        if style and out.color_system is not None:
            s = Style.parse(style)
            s = s.without_color if out.no_color else s  # (NO_COLOR: bold stays, as Rich does)
            on = s.render("\0", color_system=out.color_system).split("\0")
        for i in range(max(map(len, cols))):
            yield (
                left
                + bar.join(
                    f"{on[0]} {on[1]}{on[0]}{col[i]}{on[1]}{on[0]} {on[1]}"
                    if i < len(col)
                    else on[0] + " " * (w + 2) + on[1]
                    for col, w in zip(cols, widths, strict=True)
                )
                + right
            )

    write = out.file.write
    write("\n".join(head) + "\n")
    batch: list[str] = []
    for cells, style in zip(rows_text, row_styles, strict=True):
        batch.extend(lines(cells, style))
        if len(batch) > 2000:
            write("\n".join(batch) + "\n")
            batch = []
    write("\n".join([*batch, bottom]) + "\n")
    out.file.flush()
    return True


def _blocks(out, title: str, columns, records, styles) -> None:
    """Records one under the other, each headed by its number (else its first column)."""
    from rich.table import Table
    from rich.text import Text

    if title:
        out.print(title, style="bold")
    head = next((c for c in columns if c[0].startswith("nomor")), columns[0])
    rest = [c for c in columns if c != head]
    for i, r in enumerate(records):
        if i:
            out.print()
        style = styles(r) if styles else None
        out.print(
            Text(tampak(str(r.get(head[0]) or ""))),
            style=f"bold {style or ''}".strip(),
            highlight=False,
        )
        block = Table(show_header=False, box=None, padding=(0, 1, 0, 2))
        word = _longest([label for _, label in rest], True)  # (labels wrap, no word folded)
        block.add_column(max_width=max(8, out.width // 4, min(word, out.width // 2)))
        block.add_column(overflow="fold")
        for key, label in rest:
            value = r.get(key)
            block.add_row(label, Text("" if value is None else tampak(str(value))), style=style)
        out.print(block)


def _fitting(
    columns: Sequence[tuple[str, str]],
    texts: dict[str, list[str]],
    spare: Sequence[str],
    width: int,
) -> Sequence[tuple[str, str]] | None:
    """``columns`` without as many ``spare`` ones as a screen of ``width`` needs to show the rest
    with every word and date whole (a 100-column terminal folded dates into "20/26/-1/0-"); None
    when even without them it does not fit."""

    def least(key: str, label: str) -> int:  # its longest word, or value kept whole
        return max(_longest(texts[key], not key.startswith(WHOLE)), _longest([label], True))

    need = {key: least(key, label) for key, label in columns}

    def fits(cols) -> bool:
        return sum(need[k] for k, _ in cols) + 3 * len(cols) + 1 <= width

    shown = list(columns)
    left_out = []
    for key in spare:
        if fits(shown):
            break
        left_out += [label for k, label in shown if k == key]
        shown = [c for c in shown if c[0] != key]
    if not fits(shown):
        return None
    if left_out:
        err(
            f"(kolom {', '.join(left_out)} tidak muat dalam lebar layar {width} karakter; semua "
            "kolom: --format csv)"
        )
    return shown


#: columns a table never folds (a number, a date, a status, "lewat 4": each read as one word)
WHOLE = ("nomor", "tanggal", "jatuh_tempo", "status", "terlambat", "sisa_hari_kerja")


def _longest(cells: Sequence[str], words: bool) -> int:
    """The widest of ``cells`` (of their words, with ``words``) on a screen."""
    from rich.cells import cell_len

    return max((cell_len(w) for c in cells for w in (c.split() if words else [c])), default=1)


def fit_widths(columns: list[list[str]], room: int, whole: list[bool]) -> list[int] | None:
    """Widths for a table wider than ``room`` that break no word: each column gets its longest
    word, and the room left is shared in proportion to what each column needs beyond that
    (Rich shrinks the widest columns first and folds "pemberitahuan" into "pemberitah|uan").
    ``whole`` columns (numbers, dates) keep each value whole; their title (the first cell) may
    wrap at its spaces. None when the table fits as it is, or when not even those do (then Rich
    folds)."""
    from rich.cells import cell_len

    full = [max(cell_len(line) for c in col for line in c.splitlines() or [""]) for col in columns]
    word = [
        max(_longest(col[1:], False), _longest(col[:1], True)) if keep else _longest(col, True)
        for col, keep in zip(columns, whole, strict=True)
    ]
    need = [f - w for f, w in zip(full, word, strict=True)]
    spare = room - sum(word)
    if sum(full) <= room or spare < 0:
        return None
    widths = [w + spare * n // sum(need) for w, n in zip(word, need, strict=True)]
    for i in sorted(range(len(widths)), key=lambda i: -need[i])[: room - sum(widths)]:
        widths[i] += 1  # (the rounding's remainder, to the columns that need most)
    return widths


def console():
    """A Rich console on stdout: the terminal's width; piped, $COLUMNS when set (``COLUMNS=200
    ppidctl daftar | less``), else 120."""
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:  # (Rich exits 1 itself: guard() decides instead)
            self.quiet = True
            raise BrokenPipeError

    width = None
    if not sys.stdout.isatty():
        cols = os.environ.get("COLUMNS", "")
        width = int(cols) if cols.isdigit() and 40 <= int(cols) <= 1000 else 120
    return _Console(width=width, soft_wrap=False)


def show_record(row: dict[str, Any], labels: dict[str, str]) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    for key, value in row.items():
        if value not in ("", None):
            table.add_row(labels.get(key, key), Text(tampak(str(value))))
    console().print(table)


def utf8_typed(text: str, encoding: str | None) -> str:
    """``text`` decoded from the terminal in ``encoding`` (None: the file system's, as
    arguments are), read as UTF-8 when its bytes are UTF-8."""
    import os

    try:
        raw = os.fsencode(text) if encoding is None else text.encode(encoding, "surrogateescape")
        return raw.decode("utf-8")
    except (UnicodeError, LookupError):
        return text


def local_time(stamp: str) -> str:
    """A journal or register time with its zone named: ``2026-07-01T09:05+08:00`` →
    ``2026-07-01 09:05 WITA`` (review bukti L2: a reader comparing it with an e-mail's or a
    server log's time could not tell the zone); a text that is no such time, as it is."""
    from datetime import datetime

    from ..config import zone_name

    try:
        when = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    zone = f" {zone_name(when.utcoffset())}" if when.utcoffset() is not None else ""
    return when.strftime("%Y-%m-%d %H:%M") + zone
