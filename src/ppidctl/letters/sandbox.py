"""The sandbox a letter template renders in, and its limits: what a template may do, and for
how long.

A template an office passes around (a .docx from another office, mailed or shared) prints data.
In :func:`env` it cannot reach Python's internals, call methods of anything but plain values,
change a value in place, or grow its own arithmetic beyond the ``BATAS_*`` bounds; refused
arithmetic raises ``sandbox_class().Terlalu`` (told as "too much", not as an intrusion), every
other refusal Jinja's ``SecurityError``. :func:`batas_waktu` stops a template still filling after
:data:`BATAS_DETIK` seconds. The filters a template may use are :data:`FILTERS` (from
:mod:`.fmt`).

Used by :mod:`.engine`, which turns these errors into :class:`~ppidctl.errors.TemplateError`.
Jinja loads on first use, not at import.
"""

from __future__ import annotations

import contextlib
from functools import lru_cache

from ppidctl.letters import fmt

__all__ = [
    "BATAS_DETIK",
    "BATAS_PANGKAT",
    "BATAS_RANGE",
    "BATAS_ULANG",
    "FILTERS",
    "batas_waktu",
    "env",
    "sandbox_class",
]

#: the filters a template may use, besides Jinja's own

FILTERS = {
    "tanggal_panjang": fmt.tanggal_panjang,
    "jam": fmt.jam,
    "rupiah": fmt.rupiah,
    "terbilang": fmt.terbilang,
    "romawi": fmt.romawi,
    "label": fmt.label,
    "utuh": fmt.utuh,
}

#: how large a template's own arithmetic may grow (text or list repeated, a power): a letter
#: prints a few pages; ``{{ "x" * 3000000000 }}`` filled the memory while the workspace was
#: locked, ``9 ** 99999`` spent the CPU even in ``surat periksa``
BATAS_ULANG = 100_000
BATAS_PANGKAT = 64
BATAS_RANGE = 10_000
#: seconds a letter may take to fill (one takes well under one): loops nested in a template ran
#: for ever while the workspace was locked, and every other desk waited on it
BATAS_DETIK = 20


@contextlib.contextmanager
def batas_waktu(detik: int):
    """Stop a template still filling after ``detik`` seconds, on the main thread (the CLI):
    by the OS's timer signal, or where there is none (Windows, where offices edit templates in
    Word) by a timer thread interrupting the main thread. Elsewhere no limit."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terlalu():
        return sandbox_class().Terlalu(f"templat belum selesai diisi setelah {detik} detik")

    if hasattr(signal, "setitimer"):

        def alarm(*_):
            raise terlalu()

        old = signal.signal(signal.SIGALRM, alarm)
        signal.setitimer(signal.ITIMER_REAL, detik)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
        return
    import _thread

    lock, state = threading.Lock(), {"selesai": False, "disela": False}

    def sela() -> None:
        with lock:
            if not state["selesai"]:
                state["disela"] = True
                _thread.interrupt_main(signal.SIGINT)

    def ctrl_c(*_) -> None:  # (the timer's interrupt and the officer's Ctrl-C arrive alike)
        if not state["disela"]:
            raise KeyboardInterrupt
        if not state["selesai"]:
            raise terlalu()
        # (fired as the template finished: nothing to stop)

    old = signal.signal(signal.SIGINT, ctrl_c)
    timer = threading.Timer(detik, sela)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["selesai"] = True
        timer.cancel()
        if state["disela"]:  # (its interrupt lands within a few steps: here, not after)
            for _ in range(1000):
                pass
        signal.signal(signal.SIGINT, old)


@lru_cache(maxsize=1)
def env():
    """Jinja's sandbox: a template an office passes around (a docx from another office, mailed
    or shared) prints data; it cannot reach Python's internals (``x.__class__…``) to read files
    or run programs as the desk's account. Stricter than Jinja's own: attributes and methods
    only of plain values (text, numbers, dates, lists, tables, and Jinja's loop helpers) — the
    logo is an image object whose ``tpl`` is the live document, and ``logo.tpl.save(PATH)``
    wrote any file, ``logo.tpl.replace_zipname(…)`` put any file into the letter —, no
    changing a value in place, and bounded repetition and powers (:data:`BATAS_ULANG`)."""
    from jinja2 import StrictUndefined

    jinja = sandbox_class()(undefined=StrictUndefined, autoescape=True)
    jinja.filters.update(FILTERS)
    jinja.globals["range"] = _range
    return jinja


def _range(*args: int) -> range:
    r = range(*args)
    if len(r) > BATAS_RANGE:
        raise sandbox_class().Terlalu(f"range lebih dari {BATAS_RANGE} langkah di templat")
    return r


@lru_cache(maxsize=1)
def sandbox_class():
    """The sandbox's environment class, built on first use (Jinja loads then); its
    ``Terlalu`` is the error for a template's arithmetic beyond the bounds."""
    import datetime as dt
    from decimal import Decimal

    from jinja2.exceptions import SecurityError
    from jinja2.runtime import LoopContext
    from jinja2.sandbox import ImmutableSandboxedEnvironment
    from jinja2.utils import Cycler, Joiner, Namespace

    polos = (str, int, float, Decimal, dict, list, tuple, dt.date, LoopContext, Cycler, Joiner,
             Namespace)  # fmt: skip

    class Terlalu(SecurityError):
        """A template's own arithmetic beyond the bounds (told as such, not as an intrusion)."""

    def besar(args) -> None:  # (a width or count that would allocate gigabytes in one call)
        if any(type(a) is int and abs(a) > BATAS_ULANG for a in args):
            raise Terlalu(f"angka lebih dari {BATAS_ULANG} sebagai lebar atau jumlah di templat")

    class _Sandbox(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**", "%"})

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            del self.filters["format"]  # ("%4000000000s"|format: printf widths, never needed)
            for name, fn in list(self.filters.items()):  # (|center(4000000000), |indent(…))
                self.filters[name] = _terbatas(fn, besar)

        def wrap_str_format(self, value):
            if super().wrap_str_format(value) is None:
                return None

            def ditolak(*args, **kwargs):  # ("{:>4000000000}".format(x): a width in the text)
                raise Terlalu("format teks dengan .format() tidak dipakai di templat surat")

            return ditolak

        def is_safe_attribute(self, obj, attr, value):
            return isinstance(obj, polos) and super().is_safe_attribute(obj, attr, value)

        def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - Jinja's signature
            besar((*args, *kwargs.values()))  # ("x".center(4000000000), zfill, ljust …)
            return super().call(__context, __obj, *args, **kwargs)

        def call_binop(self, context, operator, left, right):
            if operator == "%" and isinstance(left, str):
                raise Terlalu("format teks dengan % tidak dipakai di templat surat")
            if operator == "**" and isinstance(right, int) and abs(right) > BATAS_PANGKAT:
                raise Terlalu(f"pangkat lebih dari {BATAS_PANGKAT} di templat")
            if operator == "*":
                for seq, n in ((left, right), (right, left)):
                    if isinstance(seq, (str, list, tuple)) and isinstance(n, int):
                        if len(seq) * n > BATAS_ULANG:
                            raise Terlalu(
                                f"teks atau daftar yang diulang menjadi lebih dari "
                                f"{BATAS_ULANG} karakter/unsur di templat"
                            )
            return super().call_binop(context, operator, left, right)

    _Sandbox.Terlalu = Terlalu  # type: ignore[attr-defined]
    return _Sandbox


def _terbatas(fn, periksa):
    """Filter ``fn`` whose arguments (not the value filtered) are checked first; Jinja's
    pass-context mark is kept, and with it the context before the value."""
    import functools

    nilai = 2 if getattr(fn, "jinja_pass_arg", None) is not None else 1

    @functools.wraps(fn)
    def filter_(*args, **kwargs):
        periksa((*args[nilai:], *kwargs.values()))
        return fn(*args, **kwargs)

    return filter_
