"""What a spreadsheet may cost the import, measured before it is read.

A few hundred bytes can tell a spreadsheet reader to build gigabytes (cells repeated a million
times, runs of spaces, one long string used a thousand times, a single cell far out) and it then
aborts the whole process. :func:`uji_baca` reads every worksheet once in a child process held to
a memory and time budget and refuses the file when the child cannot finish; the older XML
guards (:func:`cek_luas`) name the reason, and run in process where there is no ``fork``
(Windows). The limits of what a register may hold live here (``BATAS_*``), with the streamed
reading of one zip part (:func:`baca_bagian`) the side-readers share.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from ..errors import ImporError


def huruf(c: int) -> str:
    """Column letters of 0-based column ``c`` (0 → "A")."""
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def kolom_angka(huruf_kolom: bytes) -> int:
    """0-based column of a reference's letters (b"A" → 0)."""
    n = 0
    for h in huruf_kolom:
        n = n * 26 + h - 64
    return n - 1


#: separators in one line of a CSV beyond any register's columns (see _SumberCsv._baris_teks)
BATAS_KOLOM = 2_000
#: the most a sheet may hold for the import to read it: ten years of a register are some 50,000
#: rows (±60 MB of sheet XML). A 2 MB zip bomb made the reader take gigabytes, and a single
#: cell far out (XFD1048576, a 1.7 KB file) made it ask for 549 GB and abort the process.
BATAS_XML = 1 << 30  # bytes of one sheet's XML
BATAS_SEL = 50_000_000  # cells of a sheet's used range (rows × columns)
#: cells holding something, in the whole file (100,000 rows of 50 columns): the reader keeps
#: each one (±120 bytes), and an .ods writes a cell once for any number of repeats — a 1 KB
#: file of one row repeated 10,000 times took 6 GB
BATAS_ISI = 5_000_000
_SEL_REF = re.compile(rb"""\br=["']([A-Z]{1,3})([0-9]{1,7})["']""")
#: a cell's value or inline text ending, prefixed or not, "</v >" too (the reader takes it)
_XLSX_ISI = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?(?:v|is)\s*>")
#: a reference far out: three column letters (column 703 on), or a row of six digits or more
_SEL_JAUH = re.compile(rb"""r=["'](?:[A-Z]{3}|[A-Z]{1,2}[0-9]{6})""")


#: what reading one spreadsheet may cost, tried in a child process first (:func:`uji_baca`)
BATAS_MEMORI = 3 << 29  # bytes of memory the reader may add (1.5 GiB: 100,000 rows need ±0.2)
BATAS_DETIK = 60  # seconds of processor time (100,000 rows need ±2)


def uji_baca(path: Path) -> None:
    """Refuse a spreadsheet whose reading would cost more than any register. Every worksheet is
    read once, cell values and all, by python-calamine in a child process held to
    :data:`BATAS_MEMORI` and :data:`BATAS_DETIK` (``RLIMIT_AS``, ``RLIMIT_CPU``), which counts
    the used range (:data:`BATAS_SEL`) and the cells holding something (:data:`BATAS_ISI`).
    A few hundred bytes can tell the reader to build gigabytes (repeated cells, runs of spaces,
    one long string used a thousand times, a cell far out) and it then aborts the whole
    process; guards that predict that cost from the XML lost to a new trick in three reviews
    running (a UTF-16 content.xml, a row nested in a string cell): the child measures it. When
    it dies, a second child runs those guards (:func:`cek_luas`) to say why, if they can. One
    more read: ±0.7 s for a 50,000-row .xlsx (the guards took ±0.4 s, ±3.5 s for an .ods).
    Without ``fork`` and ``resource`` (Windows) the guards run in this process instead."""
    try:
        import resource
    except ImportError:  # (Windows)
        return cek_luas(path)
    from python_calamine import CalamineWorkbook  # (imported before the fork: the child
    # must not wait for an import lock another thread held at the fork)

    def baca() -> None:
        _cek_bagian(path)
        buku = CalamineWorkbook.from_path(str(path))
        isi = 0
        for nama in buku.sheet_names:
            try:  # (a sheet it cannot read — a hidden one, skipped by the import — does not
                sheet = buku.get_sheet_by_name(nama)  # end the trial of the others)
            except MemoryError:
                raise
            except Exception:  # noqa: BLE001 - calamine raises several types
                continue
            if sheet.end and (sheet.end[0] + 1) * (sheet.end[1] + 1) > BATAS_SEL:
                raise terlalu_luas(path, f"sel sampai {huruf(sheet.end[1])}{sheet.end[0] + 1}")
            for row in sheet.iter_rows():
                isi += len(row) - row.count("")
            if isi > BATAS_ISI:
                raise terlalu_penuh(path)

    hasil = _di_anak(resource, baca)
    if isinstance(hasil, ImporError):
        raise hasil
    if hasil == "waktu":
        raise terlalu_luas(path, f"membacanya perlu lebih dari {BATAS_DETIK} detik")
    if hasil is not None:  # died of memory, or failed: the guards may know why
        sebab = _di_anak(resource, lambda: cek_luas(path))
        if isinstance(sebab, ImporError):
            raise sebab
        if hasil == "memori":
            raise terlalu_luas(path, f"membacanya perlu lebih dari {BATAS_MEMORI >> 20} MB memori")
        # (else a damaged file: the real read says what is wrong)


def _cek_bagian(path: Path) -> None:
    """Every XML part of a zip-based book read through against :data:`BATAS_XML` (the import's
    side-readers hold a sheet part whole), and an .ods's content.xml refused when it is no
    well-formed XML (a forgiving reader would read it in part)."""
    try:
        z = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return  # (not a zip, or damaged: the reader says so)
    ods = path.suffix.lower() == ".ods"
    with z:
        for info in z.infolist():
            name = info.filename.lower()
            if name.endswith(".xml") and not (ods and name == "content.xml"):
                baca_bagian(z, info, path, lambda *_: False)
        if ods:  # (its content.xml read once, by the parser, against the same limit)
            _cek_luas_ods(z, path, hitung=False)


def _di_anak(resource, kerja: Callable[[], None]) -> ImporError | str | None:
    """Run ``kerja`` in a child process under :func:`_batasi`'s limits: None when it ends, the
    :class:`ImporError` it raised, what it died of ("memori", "waktu"), or "" when it failed
    otherwise (a damaged file, or the reader's own cell limit)."""
    import faulthandler
    import os
    import signal

    baca, tulis = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns, whatever fails (it is a copy of ppidctl)
        code = 5
        try:
            os.close(baca)
            sunyi = os.open(os.devnull, os.O_WRONLY)  # (the reader's dying words are not the
            os.dup2(sunyi, 2)  # user's: "memory allocation of … failed", Python's fatal error)
            faulthandler.disable()
            _batasi(resource)
            kerja()
            code = 0
        except ImporError as e:
            code = 4
            try:
                os.write(tulis, f"{e.pesan}\0{e.saran}".encode("utf-8", "replace"))
            except BaseException:  # noqa: BLE001 - the parent gone: nothing to tell
                pass
        except MemoryError:
            code = 3
        except BaseException:  # noqa: BLE001 - calamine raises several types
            pass
        finally:
            os._exit(code)
    os.close(tulis)
    try:
        with os.fdopen(baca, "rb") as f:
            pesan = f.read().decode("utf-8", "replace")
        _, status = os.waitpid(pid, 0)
    except BaseException:  # (Ctrl-C: the child would read on, unseen, for up to a minute)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise
    code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
    if code == 4:
        return ImporError(*pesan.split("\0", 1))
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGXCPU:
        return "waktu"
    if code is None or code == 3:
        return "memori"
    return "" if code == 5 else None


def _batasi(resource) -> None:
    """The child's limits: its address space grown by at most :data:`BATAS_MEMORI`, its
    processor time :data:`BATAS_DETIK` — never above a limit already set (``ulimit``)."""
    try:
        with open("/proc/self/statm") as f:  # (pages of address space in use)
            kini = int(f.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        kini = None  # (no /proc, e.g. macOS, where RLIMIT_AS is not kept anyway)
    for jenis, batas in (
        (resource.RLIMIT_AS, None if kini is None else kini + BATAS_MEMORI),
        (resource.RLIMIT_CPU, BATAS_DETIK),
    ):
        if batas is None:
            continue
        lunak, keras = resource.getrlimit(jenis)
        if lunak != resource.RLIM_INFINITY:
            batas = min(batas, lunak)
        resource.setrlimit(jenis, (batas, keras))


def cek_luas(path: Path) -> None:
    """Refuse a spreadsheet larger than any register before it is read (:data:`BATAS_XML`,
    :data:`BATAS_SEL`, :data:`BATAS_ISI`). Every XML part is read as it is stored, whatever
    its name or the size and ``<dimension>`` it declares (either may lie): a register's cells
    are near the sheet's corner, so only a part with a reference far out is measured cell by
    cell; the values written are counted (±0.3 s for a 50,000-row book). An .ods is read by an
    XML parser (:func:`_cek_luas_ods`)."""
    ext = path.suffix.lower()
    if ext not in (".xlsx", ".xlsm", ".ods"):
        return
    try:
        z = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return  # (the reader says it is damaged)
    with z:
        if ext == ".ods":
            return _cek_luas_ods(z, path)
        isi = 0
        for info in z.infolist():
            if not info.filename.lower().endswith(".xml"):
                continue
            if info.file_size > BATAS_XML:
                raise terlalu_luas(
                    path, f"{info.file_size // 2**20:,} MB isi lembar".replace(",", ".")
                )
            jauh = False

            def lihat(buf: bytes, baru: int) -> bool:
                nonlocal isi, jauh
                # (a cell holding something holds a value or an inline text, whatever its own
                # tag looks like: "<c>", "<c\t…"; an empty styled cell, "<c …/>" or openpyxl's
                # "<c …></c>", costs the reader nothing; one cut at a piece's end is missed)
                isi += len(_XLSX_ISI.findall(buf, baru))
                if isi > BATAS_ISI:
                    raise terlalu_penuh(path)
                jauh = jauh or _SEL_JAUH.search(buf) is not None
                return False

            baca_bagian(z, info, path, lihat)
            if jauh:
                kolom = baris = 0

                def ukur(buf: bytes, baru: int) -> bool:
                    nonlocal kolom, baris
                    for c in _SEL_REF.finditer(buf):
                        kolom = max(kolom, kolom_angka(c[1]) + 1)
                        baris = max(baris, int(c[2]))
                    return False

                baca_bagian(z, info, path, ukur)
                if kolom * baris > BATAS_SEL:
                    raise terlalu_luas(path, f"sel sampai {huruf(kolom - 1)}{baris}")


def _ods_ulang(nilai: str | None, path: Path) -> int:
    """A repeat as python-calamine reads it: unescaped already (expat), "+" allowed."""
    if nilai is None:
        return 1
    if not re.fullmatch(r"\s*\+?[0-9]{1,15}\s*", nilai):
        raise terlalu_luas(path, f"pengulangan sel '{nilai[:20]}' tidak terbaca")
    return max(1, int(nilai))


def _cek_luas_ods(z: zipfile.ZipFile, path: Path, hitung: bool = True) -> None:
    """An .ods's content.xml read by an XML parser (expat, streaming, names as written: the
    reader matches the ``table:`` prefix, not the namespace), every repeat counted as the
    reader will spell it out: the cells holding a value of any type (an ``office:`` attribute)
    or a formula, and the used range they span, refused past :data:`BATAS_ISI` /
    :data:`BATAS_SEL`. An empty cell, however often repeated (LibreOffice repeats one to the
    sheet's edge on every row), holds nothing. A byte search was fooled by a "<" in a quoted
    value and by tags inside comments; XML that is not well-formed, or declares a DOCTYPE, is
    refused. ±2.5 s for a 50,000-row book (calamine's own read ±0.6 s)."""
    from xml.parsers import expat

    try:
        info = z.getinfo("content.xml")
    except KeyError:
        return  # (the reader says what is missing)
    st = {"isi": 0, "r": 0, "baris": 0, "kolom": 0, "c": 0, "ulang": 1, "sebaris": 0, "kanan": 0}

    def mulai(nama: str, attrs: dict[str, str]) -> None:
        if nama in ("table:table-cell", "table:covered-table-cell"):
            k = _ods_ulang(attrs.get("table:number-columns-repeated"), path)
            if "table:formula" in attrs or any(a.startswith("office:") for a in attrs):
                st["sebaris"] += k
                st["kanan"] = st["c"] + k
            st["c"] += k
        elif nama == "table:table-row":
            st["ulang"] = _ods_ulang(attrs.get("table:number-rows-repeated"), path)
            st["c"] = st["sebaris"] = st["kanan"] = 0
        elif nama == "table:table":  # (a new sheet: its own range)
            st["r"] = st["baris"] = st["kolom"] = 0

    def selesai(nama: str) -> None:
        if nama != "table:table-row":
            return
        n = st["ulang"]
        if st["sebaris"]:
            st["isi"] += n * st["sebaris"]
            st["baris"], st["kolom"] = st["r"] + n, max(st["kolom"], st["kanan"])
            if st["isi"] > BATAS_ISI:
                raise terlalu_penuh(path)
            if st["baris"] * st["kolom"] > BATAS_SEL:
                raise terlalu_luas(path, f"sel sampai {huruf(st['kolom'] - 1)}{st['baris']}")
        st["r"] += n
        st["ulang"], st["sebaris"] = 1, 0

    def rusak(sebab: str) -> ImporError:
        return ImporError(
            f"'{path.name}' tidak dapat dibaca: content.xml {sebab}",
            "buka di LibreOffice atau Excel lalu simpan ulang",
        )

    def doctype(*_) -> None:  # (entities that expand: no spreadsheet needs one)
        raise rusak("memuat DOCTYPE")

    parser = expat.ParserCreate()
    parser.buffer_text = True
    if hitung:  # (without: only whether it is XML a reader would read as written)
        parser.StartElementHandler, parser.EndElementHandler = mulai, selesai
    parser.StartDoctypeDeclHandler = doctype

    def lihat(buf: bytes, baru: int) -> bool:
        try:
            parser.Parse(buf[baru:] if baru >= 0 else b"", baru < 0)
        except expat.ExpatError as e:
            raise rusak(f"bukan XML yang utuh ({e})") from None
        return False

    baca_bagian(z, info, path, lihat, akhir=True)


def baca_bagian(
    z: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path, cari, akhir: bool = False
) -> bool:
    """Read one part in pieces, each given to ``cari(buf, baru)`` (``buf[baru:]`` is new, the
    rest the previous piece's tail) until it is true (then True); refused past
    :data:`BATAS_XML` bytes whatever size the part declares. With ``akhir``, ``cari`` is called
    once more at the end with ``baru`` -1."""
    dibaca, sisa = 0, b""
    try:
        with z.open(info) as f:
            while potong := f.read(1 << 22):
                dibaca += len(potong)
                if dibaca > BATAS_XML:
                    raise terlalu_luas(
                        path, f"lebih dari {BATAS_XML // 2**20:,} MB isi lembar".replace(",", ".")
                    )
                buf = sisa + potong
                if cari(buf, len(sisa)):
                    return True
                sisa = buf[-32:]
            if akhir:
                cari(b"", -1)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError):
        return False  # (damaged, encrypted: the reader says so)
    return False


def terlalu_penuh(path: Path) -> ImporError:
    return terlalu_luas(path, f"lebih dari {BATAS_ISI:,} sel berisi".replace(",", "."))


def terlalu_luas(path: Path, apa: str) -> ImporError:
    return ImporError(
        f"lembar di '{path.name}' terlalu luas untuk sebuah register ({apa})",
        "buka di Excel/LibreOffice, hapus baris dan kolom kosong di luar tabel (Ctrl+End "
        "menunjukkan sel terakhir yang terpakai), lalu simpan ulang",
    )
