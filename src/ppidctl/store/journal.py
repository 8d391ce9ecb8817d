"""``registers/jurnal.jsonl``: the append-only, hash-chained journal of every change.

One JSON object per line: time, OS user, officer, command, register, number, action, the changed
fields ``{key: [before, after]}`` (``perubahan``; a new row, ``aksi: tambah``, carries its
non-empty values ``{key: value}`` as ``nilai`` instead; an import adds all its rows in one line:
``kolom``, the keys, and ``baris``, each row's cells in that order, with ``sumber``, where each
row came from — see :func:`expand`), files written, the SHA-256 of the
previous line (``sebelum``), of every register file the commit replaces as it was before
(``register_sha256_sebelum``) and after (``register_sha256``), and the commit it belongs to
(``transaksi``: id, ``ke`` of ``dari`` lines).
The journal is written before the registers are replaced, so a register can always be rebuilt or
checked against it (``ppidctl periksa``, ``ppidctl pulihkan``).

A power cut while a line is being written leaves a *torn* tail: bytes without the final line break,
a line that is not JSON, or only some lines of one commit. Nothing is ever appended after a torn
tail (:func:`tail`, :func:`append` refuse with the repair command); :func:`torn_offset` finds where
it starts so that ``ppidctl pulihkan`` can move it aside.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import RegisterError

GENESIS = "0" * 64
NAME = "jurnal.jsonl"


def endings_only(data: bytes, sha: str) -> bool:
    """``data`` differs from the register whose SHA-256 is ``sha`` in its line endings alone
    (CRLF turned LF or back: a git checkout, a text editor, a copy from Linux or a Mac)."""
    return any(c != data and sha256_bytes(c) == sha for c in _other_endings(data))


def _other_endings(data: bytes) -> Iterator[bytes]:
    """A CSV's bytes with its line endings as they may have been: every line break CRLF, or
    every one LF; or only the breaks between records so, a cell's own line break (an address
    typed on two lines) kept as LF (review sesi33c L1, L2)."""
    lf = data.replace(b"\r\n", b"\n")
    yield lf.replace(b"\n", b"\r\n")
    yield lf
    parts = lf.split(b'"')  # (even parts lie outside quotes: a doubled quote toggles twice)
    for nl in (b"\r\n", b"\n"):
        yield b'"'.join(p.replace(b"\n", nl) if i % 2 == 0 else p for i, p in enumerate(parts))


def line_hash(line: bytes) -> str:
    return hashlib.sha256(line.rstrip(b"\r\n")).hexdigest()


#: compact JSON, non-ASCII text kept readable (names with é stay é in the journal)
dumps = json.JSONEncoder(ensure_ascii=False, check_circular=False, separators=(",", ":")).encode


def encode(entry: dict) -> bytes:
    return dumps(entry).encode("utf-8") + b"\n"


def chain(entries: list[dict], previous: bytes, common: dict | None = None) -> bytes:
    """Serialise ``entries`` as lines, each ending with the hash of the line before it
    (``sebelum``). ``common``: fields every line starts with (who, when, which command),
    encoded once for the whole commit."""
    prev = line_hash(previous) if previous else GENESIS
    head = dumps(common)[1:-1] + "," if common else ""
    out = []
    for entry in entries:
        if "sebelum" in entry or not entry or (common and common.keys() & entry.keys()):
            line = encode({**(common or {}), **entry, "sebelum": prev})
        else:  # the same bytes without copying the entry
            line = f'{{{head}{dumps(entry)[1:-1]},"sebelum":"{prev}"}}\n'.encode()
        prev = line_hash(line)
        out.append(line)
    return b"".join(out)


def row_key(register: str) -> str:
    """The field that names a row of ``register`` in ``nomor`` of a journal line."""
    return {"surat": "nomor_surat", "libur": "tanggal"}.get(register, "nomor_registrasi")


def bulk(register: str, keys: list[str], rows: list[list[str]], sumber: dict) -> dict:
    """One line adding many rows (an import): ``rows`` are cells in the order of ``keys``;
    ``sumber``: ``{"berkas": name, "baris": [[sheet, row], ...]}``, one pair per row."""
    return {
        "register": register,
        "nomor": "",
        "aksi": "tambah",
        "kolom": keys,
        "baris": rows,
        "sumber": sumber,
    }


def expand(entry: dict, nomor: str | None = None) -> list[dict]:
    """A line as single-row entries: a bulk line (:func:`bulk`) as one ``tambah`` entry per row
    (``nomor``, ``nilai`` and its own ``sumber``, like the line of a single new row), or only
    the rows numbered ``nomor``; any other line as itself. Malformed parts of a bulk line are
    left out."""
    rows, keys = entry.get("baris"), entry.get("kolom")
    if entry.get("aksi") != "tambah" or not isinstance(rows, list) or not isinstance(keys, list):
        return [entry]
    # (the files a commit wrote, e.g. an import's rejects file, belong to the line, not a row)
    base = {k: v for k, v in entry.items() if k not in ("kolom", "baris", "sumber", "berkas")}
    src = entry.get("sumber") if isinstance(entry.get("sumber"), dict) else {}
    where = src.get("baris") if isinstance(src.get("baris"), list) else []
    key = row_key(str(entry.get("register", "")))
    at = keys.index(key) if nomor is not None and key in keys else None
    out = []
    for i, cells in enumerate(rows):
        if not isinstance(cells, list):
            continue
        if at is not None and (len(cells) <= at or cells[at] != nomor):
            continue  # (lihat of one row: 50,000 imported rows are not all built)
        pairs = zip(keys, cells, strict=False)  # (a malformed line: the cells there are)
        nilai = {str(k): v if type(v) is str else str(v) for k, v in pairs if v}
        one = {**base, "nomor": nilai.get(key, ""), "nilai": nilai}
        if i < len(where) and isinstance(where[i], list) and len(where[i]) == 2:
            one["sumber"] = {"berkas": src.get("berkas", ""), "lembar": where[i][0],
                             "baris": where[i][1]}  # fmt: skip
        out.append(one)
    return out


def changes(entry: dict) -> dict[str, tuple[str, str]]:
    """The fields a line changed, ``{key: (before, after)}``: a new row's ``nilai`` as
    ``("", value)``, else the ``perubahan`` pairs; a malformed part is left out."""
    nilai = entry.get("nilai")
    if isinstance(nilai, dict):
        return {str(k): ("", v if type(v) is str else str(v)) for k, v in nilai.items()}
    pairs = entry.get("perubahan")
    if not isinstance(pairs, dict):
        return {}
    try:  # the shape every commit writes: {key: [before, after]} of strings
        out = {k: (b, a) for k, (b, a) in pairs.items()}
        if all(type(b) is str and type(a) is str for b, a in out.values()):
            return out
    except (TypeError, ValueError):
        pass
    return {
        str(k): (str(p[0]), str(p[1]))
        for k, p in pairs.items()
        if isinstance(p, list) and len(p) == 2
    }


def lines(path: Path) -> Iterator[bytes]:
    """Every raw line of the journal, first to last (none when there is no journal yet)."""
    try:
        f = path.open("rb")
    except FileNotFoundError:
        return
    with f:
        yield from f


def whole(raw: bytes) -> dict | None:
    """The entry of one complete line (ending in a line break), or None when it is not one."""
    if not raw.endswith(b"\n"):
        return None
    try:
        entry = json.loads(raw)
    except (ValueError, RecursionError):  # also UnicodeDecodeError; absurdly nested
        return None
    return entry if isinstance(entry, dict) else None


def _complete(entry: dict) -> bool:
    """False when ``entry`` is not the last line of its commit (the rest was never written)."""
    tx = entry.get("transaksi")
    if not isinstance(tx, dict):
        return True
    return tx.get("ke") == tx.get("dari")


#: the way back from a lost journal or register: both folders from one archive — registers/
#: alone, older than letters/, made a number be given twice (review sesi31 M4)
KEMBALIKAN_ARSIP = (
    "kembalikan folder registers/ dan letters/ dari zip arsip terbaru yang sama (dibuat "
    "ppidctl arsip)"
)


def line_count(path: Path) -> int:
    """The line breaks in the file at ``path``, read in blocks (0 when it cannot be read)."""
    try:
        with path.open("rb") as f:
            return sum(block.count(b"\n") for block in iter(lambda: f.read(1 << 20), b""))
    except OSError:
        return 0


def _torn_error(path: Path) -> RegisterError:
    line = line_count(path) + 1 if path.exists() else 0
    where = f"registers/{path.name}" + (f":{line}" if line else "")
    return RegisterError(
        f"{where}: baris terakhir jurnal terpotong (listrik padam atau komputer mati saat menulis?); "
        "perubahan ini tidak disimpan",
        "periksa dengan: ppidctl periksa, lalu perbaiki dengan: ppidctl pulihkan",
    )


def _check_tail(path: Path, end: bytes) -> bytes:
    """The last line, given the file's last bytes (holding its last whole line, see
    :func:`_read_end`); raises when the tail is torn."""
    if not end:
        return b""
    if not end.endswith(b"\n"):
        raise _torn_error(path)
    line = end[end.rfind(b"\n", 0, len(end) - 1) + 1 :]
    entry = whole(line)
    if entry is None or not _complete(entry):
        raise _torn_error(path)
    return line.rstrip(b"\n")


def _read_end(read_at, size: int) -> bytes:
    """The file's last bytes, enough to hold its last line whole: read backwards in blocks
    until two line breaks are seen (or the start). ``read_at(offset, n)`` reads."""
    block, pos, data = 1 << 14, size, b""
    while pos > 0:
        step = min(block, pos)
        pos -= step
        data = read_at(pos, step) + data
        if data.count(b"\n", 0, len(data) - 1) >= 1:
            break
        block *= 2
    return data


def tail(path: Path) -> bytes:
    """The last line of the journal (b"" when empty), refusing a torn tail (see module doc)."""
    try:
        f = path.open("rb")
    except FileNotFoundError:
        return b""
    with f:
        size = f.seek(0, os.SEEK_END)

        def read_at(pos: int, n: int) -> bytes:
            f.seek(pos)
            return f.read(n)

        return _check_tail(path, _read_end(read_at, size))


def recent(path: Path, limit: int = 1 << 16) -> list[dict[str, Any]]:
    """The whole lines among the journal's last ``limit`` bytes, oldest first (a quick look at
    what was just recorded; a line longer than that, an import's, is left out)."""
    try:
        with path.open("rb") as f:
            size = f.seek(0, os.SEEK_END)
            f.seek(max(0, size - limit))
            data = f.read()
    except FileNotFoundError:
        return []
    lines = data.split(b"\n")[:-1]  # (after the last line break: a torn line, or nothing)
    if size > limit:
        lines = lines[1:]  # (the first may be the end of a longer line)
    return [e for line in lines if (e := whole(line + b"\n")) is not None]


def recorded(
    path: Path,
    field: str,
    names: set[str],
    last: bytes = b"",
    *,
    beside: str = "",
    found_beside: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """For each of ``names``, its value in the object ``field`` of the last line that names it
    (``register_sha256``: the hash a register had after the last commit that wrote or attested
    it; ``nomor_dihapus``: the numbers given and later deleted), read backwards from the
    end of the journal; a name no line has is left out. ``last``: the journal's last line, when
    already read. Only that object of a line is decoded (an import's line holds megabytes of
    rows, and the commit fields come last). ``beside``: another object read from that same line
    for that name, into ``found_beside`` (``suntingan_luar``: the commit wrote the register with
    an edit made outside ppidctl that was never accepted)."""
    found: dict[str, Any] = {}
    key = f'"{field}":{{'.encode()
    decode = json.JSONDecoder().raw_decode

    def obj_at(line: bytes, key: bytes) -> Any:
        at = line.rfind(key)
        if at < 0:  # (a quote inside a JSON string is escaped: this is the key itself)
            return None
        try:
            return decode(line[at + len(key) - 1 :].decode("utf-8"))[0]
        except ValueError:  # (also a UnicodeDecodeError)
            return None

    def take(line: bytes) -> bool:
        obj = obj_at(line, key)
        if isinstance(obj, dict):
            new = [n for n in names - found.keys() if obj.get(n) is not None]
            for name in new:
                found[name] = obj[name]
            if new and beside and found_beside is not None:
                other = obj_at(line, f'"{beside}":{{'.encode())
                for name in new:
                    if isinstance(other, dict) and other.get(name) is not None:
                        found_beside[name] = other[name]
        return found.keys() >= names

    if last and take(last):
        return found
    try:
        f = path.open("rb")
    except FileNotFoundError:
        return found
    with f:
        pos = f.seek(0, os.SEEK_END)
        tail: list[bytes] = []  # the pieces, last first, of a line longer than the blocks so far
        while pos > 0:
            step = min(1 << 16, pos)
            pos -= step
            f.seek(pos)
            parts = f.read(step).split(b"\n")
            if len(parts) == 1:
                tail.append(parts[0])
                continue
            lines = [parts[-1] + b"".join(reversed(tail)), *reversed(parts[1:-1])]
            tail = [parts[0]]
            if any(line and take(line) for line in lines):
                return found
        take(b"".join(reversed(tail)))
    return found


def retired_numbers(path: Path, register: str) -> set[str]:
    """The numbers of ``register`` that were given and later deleted or changed, with the
    deletion accepted (``periksa --terima-perubahan``) or made by a command: never given again
    (rules.md §6). Each commit that gives or retires numbers carries the whole set on its last
    line (``nomor_dihapus``); in a journal where no line carries it yet (written before it
    existed) the accepted deletions and changed numbers are looked for instead, until the next
    such commit records the set."""
    found = recorded(path, "nomor_dihapus", {register}).get(register)
    if isinstance(found, list):
        return {n for n in found if isinstance(n, str)}
    out: set[str] = set()
    column = NUMBER_COLUMN.get(register)
    if column is None:
        return out
    for raw in lines(path):
        if b'"aksi":"hapus"' in raw or (b'"aksi":"ubah"' in raw and column.encode() in raw):
            entry = whole(raw)
            if entry and entry.get("register") == register:
                out |= retired_by(register, entry.get("aksi", ""), changes(entry))
    return out


def held_numbers(path: Path, register: str) -> set[str]:
    """Legacy numbers of rows an import refused (``nomor_ditahan`` of its line): given by the
    old book to real requesters, so retired like deleted numbers (``catat`` never gives them),
    yet free for the corrected row's own import — once: a later import that used one names it
    (``nomor_ditahan_dipakai``), and it is held no more (deleted after that, it stays retired).
    Read only by the import and the register book (the whole journal is searched)."""
    held: set[str] = set()
    used: set[str] = set()
    keys = ((b'"nomor_ditahan":{', held), (b'"nomor_ditahan_dipakai":{', used))
    decode = json.JSONDecoder().raw_decode
    for raw in lines(path):
        if b'"nomor_ditahan' not in raw:
            continue
        for key, into in keys:
            at = raw.rfind(key)
            if at < 0:
                continue
            try:
                obj = decode(raw[at + len(key) - 1 :].decode("utf-8"))[0]
            except ValueError:
                continue
            found = obj.get(register) if isinstance(obj, dict) else None
            if isinstance(found, list):
                into.update(n for n in found if isinstance(n, str))
    return held - used


#: the column that holds the number of a register's rows
NUMBER_COLUMN = {
    "permohonan": "nomor_registrasi",
    "keberatan": "nomor_registrasi",
    "surat": "nomor_surat",
}


def retired_by(register: str, aksi: str, diff: dict[str, tuple[str, str]]) -> set[str]:
    """The number a deleted row had, or a changed number's old value ({} when none)."""
    column = NUMBER_COLUMN.get(register)
    if column is None or column not in diff:
        return set()
    before, after = diff[column]
    if before and (aksi == "hapus" or (aksi == "ubah" and before != after)):
        return {before}
    return set()


def torn_offset(data: bytes) -> int:
    """Where the torn tail of the journal ``data`` starts (``len(data)`` when there is none):
    trailing bytes without a line break, then whole lines at the end that are not JSON entries,
    then the lines of a commit whose last line is missing."""
    end = len(data)
    if not data.endswith(b"\n"):
        end = data.rfind(b"\n") + 1
    while end > 0:
        start = data.rfind(b"\n", 0, end - 1) + 1
        entry = whole(data[start:end])
        if entry is None:
            end = start
            continue
        if _complete(entry):
            return end
        tx = entry["transaksi"]
        cut = start
        while cut > 0:  # drop the commit's lines written before this one
            prev = data.rfind(b"\n", 0, cut - 1) + 1
            before = whole(data[prev:cut])
            same = (
                before is not None
                and isinstance(before.get("transaksi"), dict)
                and before["transaksi"].get("id") == tx.get("id")
            )
            if not same:
                break
            cut = prev
        return cut
    return 0


def append(path: Path, data: bytes, mode: int) -> None:
    """Append whole lines and fsync; refuses when the journal's tail is torn (never glues a new
    line onto a broken one). The file gets exactly ``mode`` (not masked by the umask)."""
    # (O_BINARY: Windows would write every line ending as CRLF)
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0), mode)
    try:
        st = os.fstat(fd)

        def read_at(pos: int, n: int) -> bytes:
            os.lseek(fd, pos, os.SEEK_SET)  # O_APPEND: writes still go to the end
            out = b""
            while len(out) < n:
                block = os.read(fd, n - len(out))
                if not block:
                    break
                out += block
            return out

        _check_tail(path, _read_end(read_at, st.st_size))
        if st.st_mode & 0o777 != mode and hasattr(os, "fchmod"):
            try:
                os.fchmod(fd, mode)
            except OSError:
                pass  # not the owner (another desk's user on a shared folder)
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        except OSError:
            # (a full disk: the part written is cut off again, so the refused command leaves
            # the journal as it was instead of a torn line that blocks every later command)
            try:
                os.ftruncate(fd, st.st_size)
                os.fsync(fd)
            except OSError:
                pass  # (then the torn line is what pulihkan cuts, as after a power cut)
            raise
    except OSError as e:  # (named: "berkas workspace" was all the desk read — rusak L1)
        raise OSError(e.errno, e.strerror, e.filename or str(path)) from None
    finally:
        os.close(fd)


def read(path: Path) -> Iterator[tuple[int, dict | None, bytes]]:
    """(line number, parsed entry or None when unreadable, raw line) for every line."""
    for no, raw in enumerate(lines(path), 1):
        try:
            entry = json.loads(raw)
        except ValueError:
            entry = None
        yield no, entry, raw


#: words of the journal lines about a case's letters that do not name the case: a change or
#: loss accepted, an agenda row marked ("batal: …")
ABOUT_LETTERS = (b"berkas_diubah_diterima", b"berkas_hilang_diterima", b'"kunci":["berkas"')


def history(path: Path, register: str, nomor: str) -> list[dict]:
    """The entries about row ``nomor`` of ``register``, oldest first (rows of a bulk line as
    their own entries), with the letters ``surat buat`` made for it (a step's own letters are on
    its line): the corrected copy a requester got belongs to the case's story. An entry that
    made letters says their outgoing numbers (``nomor_surat``: file → number; review bukti M5:
    a hearing asks for them, and they were only inside the files). A change to one of its
    letter files accepted by ``periksa --terima-perubahan`` is part of it too (review pulih M4:
    the case's history never said a letter sent had been changed), as is a loss accepted
    (``aksi`` ``surat-diubah-diterima`` / ``surat-hilang-diterima``; review sesi31 L2)."""
    needle = json.dumps(nomor, ensure_ascii=False).encode("utf-8")
    named_file = re.sub(r"[^A-Za-z0-9._-]+", "-", nomor).strip("-.").encode()  # (its letters')
    out = []
    # letter file → its outgoing numbers, in the order made (a name made again after a voided
    # letter's file and row were deleted: each letter keeps its own — review sesi31b M2)
    numbers: dict[str, list[str]] = {}
    # letter file → (which letter under that name, its agenda Keterangan set later: "batal: …")
    marks: dict[str, dict[int, str]] = {}
    created: dict[str, int] = {}  # letter file → letters made under that name so far
    files: set[str] = set()  # the case's letter files
    for raw in lines(path):
        if needle not in raw and not (files and any(w in raw for w in ABOUT_LETTERS)):
            continue  # (only the lines naming it are parsed: an import's line holds 20,000
            # rows, and lihat read every one of them)
        if needle not in raw and named_file not in raw:
            continue
        try:
            entry = json.loads(raw)
        except ValueError:
            continue
        if not isinstance(entry, dict):
            continue
        accepted = entry.get("berkas_diubah_diterima")
        lost = entry.get("berkas_hilang_diterima")
        if isinstance(accepted, dict) and (mine := sorted(set(accepted) & files)):
            out.append({**entry, "aksi": "surat-diubah-diterima", "berkas": mine})
        elif isinstance(lost, list) and (mine := sorted(set(lost) & files)):
            out.append({**entry, "aksi": "surat-hilang-diterima", "berkas": mine})
        elif entry.get("register") == register:
            out += [e for e in expand(entry, nomor) if e.get("nomor") == nomor]
        elif entry.get("register") == "surat":
            for e in expand(entry):
                marked = changes(e).get("keterangan") if e.get("aksi") == "ubah" else None
                kunci = e.get("kunci") if isinstance(e.get("kunci"), list) else []
                if marked and kunci[:1] == ["berkas"] and kunci[-1] in files:  # (agenda M1;
                    # the letter under that name then, not a later one: sesi31c M3)
                    b = str(kunci[-1])  # (each voided letter under a name keeps its own: 31d L4)
                    marks.setdefault(b, {})[created.get(b, 0)] = marked[1]
                nilai = e.get("nilai") if isinstance(e.get("nilai"), dict) else {}
                if nilai.get("nomor_registrasi") != nomor or nilai.get("register") != register:
                    continue
                if nilai.get("berkas"):
                    files.add(nilai["berkas"])
                    created[nilai["berkas"]] = created.get(nilai["berkas"], 0) + 1
                if nilai.get("berkas") and nilai.get("nomor_surat"):
                    numbers.setdefault(nilai["berkas"], []).append(nilai["nomor_surat"])
                if entry.get("perintah") == "surat buat":
                    out.append({**e, "berkas": [nilai["berkas"]] if nilai.get("berkas") else []})
    made: dict[str, int] = {}  # letter file → how many letters under that name were met
    for e in out:
        named, said = {}, {}
        about = e.get("aksi") in ("surat-diubah-diterima", "surat-hilang-diterima")
        for b in e.get("berkas") or ():
            k = made.get(b, 0)
            if about:  # (an acceptance is about the last letter made under that name)
                k = max(k - 1, 0)
            else:
                made[b] = k + 1
                if k + 1 in marks.get(b, {}):
                    said[b] = marks[b][k + 1]
            if b in numbers:
                named[b] = numbers[b][min(k, len(numbers[b]) - 1)]
        if named:
            e["nomor_surat"] = named
        if said:
            e["keterangan_surat"] = said
    return out


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
