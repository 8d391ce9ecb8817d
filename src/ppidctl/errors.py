"""The one error family of the library: refusals a user can act on.

Every refusal raises a :class:`PpidError` whose message says, in Indonesian, what is wrong and
whose ``saran`` (hint) says what to do next. The CLI prints ``Error: <pesan> — <saran>`` and exits
with the error's :attr:`~PpidError.exit_code`: 1 for a refusal, 2 for a :class:`UsageError` (a
value typed that is not of its option's type); nothing in the workspace has been written when one
is raised.
"""

from __future__ import annotations


class PpidError(Exception):
    """A refusal: bad input, a rule that forbids the step, a lock held too long."""

    #: the CLI's exit code (cli.md "Exit codes and streams"): 1, refused
    exit_code = 1

    def __init__(self, pesan: str, saran: str = "") -> None:
        super().__init__(pesan)
        self.pesan = pesan
        self.saran = saran

    def __str__(self) -> str:
        return f"{self.pesan} — {self.saran}" if self.saran else self.pesan


class UsageError(PpidError):
    """Wrong usage (exit code 2): an option's or argument's value that is not of its type — not
    a date, month or year in the required shape, not one of the option's fixed choices.

    The parser (Click) tells ``--dalam abc`` or ``--format xml`` with exit code 2; options whose
    type ppidctl checks itself (dates, months, choice lists) raise this so that a script can tell
    a typo from a refusal. Only for values typed on the command line: a bad value read from a
    register, ppidctl.toml or a legacy file is bad data (exit code 1). Whatever needs the
    workspace, the registers or the rules (a NIK, a future date, a number not found) is not
    usage either.
    """

    exit_code = 2


class ConfigError(PpidError):
    """ppidctl.toml is missing, malformed or incomplete."""


class WorkspaceError(PpidError):
    """No workspace found, or one already exists where init was asked to create one."""


class RegisterError(PpidError):
    """A register file cannot be read as the schema declares it."""


class RuleError(PpidError):
    """A step the rules forbid: order, deadline, missing document, inconsistent reason."""


class NotFoundError(PpidError):
    """A registration number that is not in the register, or is ambiguous."""


class LockTimeout(PpidError):
    """Another command held the workspace lock longer than the configured wait."""


class TemplateError(PpidError):
    """A letter template that cannot be rendered: syntax, unknown variable, corrupt file."""


class ImporError(PpidError):
    """A legacy file that cannot be imported as a whole: unknown format, no table, bad peta."""


#: the operating system's reasons a file cannot be read or written, in the desk's words (the
#: system's own text is English: "No space left on device")
_SEBAB = {
    "ENOSPC": "disk penuh",
    "EDQUOT": "kuota disk habis",
    "EACCES": "akses ditolak",
    "EPERM": "akses ditolak",
    "EROFS": "disk hanya dapat dibaca",
    "ENOENT": "berkas atau folder tidak ada",
    "ENOTDIR": "bukan folder",
    "EISDIR": "berupa folder, bukan berkas",
    "EIO": "galat baca/tulis perangkat",
    "EBUSY": "sedang dipakai program lain",
    "ETXTBSY": "sedang dipakai program lain",
    "ENAMETOOLONG": "nama berkas terlalu panjang",
    "EEXIST": "sudah ada",
    "ENOLCK": "penguncian berkas tidak tersedia",
    "ENOSYS": "tidak didukung sistem berkas ini",
    "EOPNOTSUPP": "tidak didukung sistem berkas ini",
    "ESTALE": "sambungan ke folder jaringan terputus",
    "ENOTCONN": "sambungan ke folder jaringan terputus",
    "EPIPE": "pipa keluaran ditutup",
    "EFBIG": "berkas melebihi batas ukuran diska itu (mis. FAT32: 4 GB)",
}


#: the csv module's complaints, in the desk's words (by the start of its English text)
_CSV = {
    "new-line character seen in unquoted field": "ganti baris (CR/LF) di tengah sel tanpa tanda "
    "kutip",
    "field larger than field limit": "satu sel lebih dari 131.072 karakter",
    "unexpected end of data": "berkas berakhir di tengah sel bertanda kutip",
    "line contains NUL": "memuat karakter NUL (berkas biner atau rusak)",
    "'\"' expected after '\"'": "tanda kutip di tengah sel tidak digandakan",
}


def sebab_csv(e: Exception) -> str:
    """Why the csv module refused a line, in Indonesian when known."""
    text = str(e)
    return next((words for start, words in _CSV.items() if text.startswith(start)), text)


def sebab(e: OSError) -> str:
    """Why ``e`` happened, in Indonesian for the common cases, else the system's words."""
    import errno

    name = errno.errorcode.get(e.errno or 0, "")
    return _SEBAB.get(name) or e.strerror or str(e)
