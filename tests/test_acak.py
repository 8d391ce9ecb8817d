"""Model-based random testing of ppidctl's whole life cycle (Hypothesis stateful testing).

Each example is one fresh workspace (``ppidctl.workspace.init``) driven through the in-process CLI
(``conftest.Runner``) by a random SEQUENCE of steps over both registers:

* ``permohonan catat / teruskan / perpanjang / putuskan (every kind) / selesai``,
* ``keberatan catat (reasons a–g, with/without kuasa) / teruskan / pleno / tanggapi / sampaikan /
  tanggapan-pemohon / putusan-sengketa``,
* ``kalender tambah``, ``tahapan tambah``, ``surat buat``,

with plausible dates (``--tanggal`` mostly moving forward; sometimes the same day, backwards, before
the case's own date, on a weekend or a holiday) and with steps that SHOULD be refused (wrong order,
missing documents, an unknown number, a second extension, ...).

A small reference model (``Model``) keeps what every case's state must be according to
../shared/reference/rules.md, ../shared/design/cli.md and the SOPs — NOT according to
ppidctl's code.  Where those documents leave a step's admissibility open the model says ``None``
("either is fine") and simply follows what ppidctl did.  After every step:

* the exit code is one of cli.md's (0, 1, 2), there is no traceback, a refusal changes no
  workspace byte (and no folder/file mode);
* model and ppidctl agree on whether the step was allowed;
* ``ppidctl periksa`` is clean;
* registration numbers are unique and never reused; outgoing letter numbers are never given to two
  different letters;
* ``permohonan daftar`` / ``keberatan daftar`` / ``jatuh-tempo`` (json) agree with the model on
  status, open/closed and deadlines (every deadline recomputed by the model from the receipt date,
  the events and the holiday calendar: rules.md §1 "Counting");
* at the end ``permohonan lihat`` and ``laporan bulanan --format json`` agree with the model.

Run: ``pytest tests/test_acak.py``.  ``ACAK_EXAMPLES`` and ``ACAK_STEPS`` change the budget.
The examples are the same on every run (``derandomize``: the suite that decides whether a change
lands never fails on a sequence nobody saw); ``ACAK_ACAK=1`` draws new ones each run, and
``pytest --hypothesis-seed=N`` then fixes the seed.  Runtime with the defaults
(40 examples × up to 25 steps): about 40 s on an idle 2-core machine, 2 min on a busy one.
"""

from __future__ import annotations

import csv
import json
import os
import re
from datetime import date, datetime, timedelta
from pathlib import Path

import holidays
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from conftest import SHARED, Runner, layout, snapshot

TODAY = date(2026, 11, 24)  # the office's "today" in this test (a Tuesday)
FIRST = date(2026, 1, 5)
NIK = "5271011203900001"
UJI = "Membuka data pribadi pemilih (NIK, tanggal lahir) dapat mengungkap rahasia pribadi"
REQ_KINDS = [
    "diberikan",
    "diberikan-sebagian",
    "ditolak",
    "tidak-dikuasai",
    "belum-didokumentasikan",
]
CLOSING = {"ditolak", "tidak-dikuasai", "belum-didokumentasikan"}
OPEN_REQ = {"terdaftar", "diteruskan", "diperpanjang"}
OPEN_OBJ = {"terdaftar", "diteruskan", "pleno", "ditanggapi", "disampaikan"}
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


# -- the reference calendar (rules.md §1: holidays public + government, office overrides) --------


def _decreed() -> set[date]:
    """Days off for 2026 from the decreed list in shared/data (rules.md: it matches `holidays`)."""
    path = SHARED / "data" / "libur-skb-2025-2026.csv"
    if path.exists():
        with path.open(encoding="utf-8") as f:
            return {date.fromisoformat(r["tanggal"]) for r in csv.DictReader(f)}
    return set(holidays.country_holidays("ID", years=[2025, 2026, 2027],
                                         categories=("public", "government")))  # fmt: skip


DECREED = _decreed()


class Calendar:
    def __init__(self) -> None:
        self.off: set[date] = set()  # office days off (kalender tambah)
        self.on: set[date] = set()  # office extra working days (kalender tambah --hari-kerja)

    def working(self, d: date) -> bool:
        if d in self.on:
            return True
        if d in self.off or d in DECREED:
            return False
        return d.weekday() < 5

    def add(self, d: date, n: int) -> date:
        """The n-th working day after d (d is day 0, rules.md §1)."""
        while n > 0:
            d += timedelta(days=1)
            n -= self.working(d)
        return d

    def between(self, a: date, b: date) -> int:
        """Working days after a up to and including b (negative when b is before a)."""
        if b < a:
            return -self.between(b, a)
        return sum(self.working(a + timedelta(days=i)) for i in range(1, (b - a).days + 1))


# -- the reference model of one case ------------------------------------------------------------


class Req:
    def __init__(self, nomor, tanggal, tahapan):
        self.nomor, self.tanggal, self.tahapan = nomor, tanggal, tahapan
        self.status = "terdaftar"
        self.last = tanggal  # date of the latest recorded step
        self.extended = False
        self.extended_on = None
        self.kind = None
        self.decided = None
        self.biaya = 0
        self.delivered: list[date] = []
        self.granted: list[tuple[str, date]] = []  # objections granted (nomor, response date)
        self.served_grants: set[str] = set()
        self.frozen: date | None = None

    def deadline(self, m: Model) -> date:
        """Recomputed from the receipt date, the extension and the calendar while the request
        awaits its written notification; the one that applied when it was decided after that
        (a day off added later re-dates OPEN cases, rules.md §1)."""
        if self.frozen is not None:
            return self.frozen
        if self.tahapan:
            base, ext = 3, 2
        else:
            base, ext = 10, 7
        d = m.cal.add(self.tanggal, base)
        return m.cal.add(d, ext) if self.extended else d


class Obj:
    def __init__(self, nomor, tanggal, req, alasan, tahapan_days):
        self.nomor, self.tanggal, self.req, self.alasan = nomor, tanggal, req, alasan
        self.days = tahapan_days
        self.status = "terdaftar"
        self.last = tanggal
        self.response = None  # (keputusan, date)
        self.delivered = None
        self.sengketa = False
        self.putusan = False
        self.frozen: date | None = None

    def deadline(self, m: Model) -> date:
        """The response deadline; fixed once the Atasan has responded (as for requests)."""
        if self.frozen is not None:
            return self.frozen
        return m.cal.add(self.tanggal, self.days)


class Model:
    def __init__(self) -> None:
        self.cal = Calendar()
        self.reqs: dict[str, Req] = {}
        self.objs: dict[str, Obj] = {}
        self.stages: dict[str, tuple[date, date]] = {}
        self.seen_numbers: set[str] = set()
        self.calendar_dates: set[date] = set()


# -- the state machine ----------------------------------------------------------------------------

EXAMPLES = int(os.environ.get("ACAK_EXAMPLES", "40"))
STEPS = int(os.environ.get("ACAK_STEPS", "25"))
STRICT = os.environ.get("ACAK_COLLECT") is None
FOUND: list[str] = []  # disagreements (ACAK_COLLECT=1: written out instead of failing)
STATS: dict[str, int] = {}  # "command → exit" counts, printed at the end (pytest -s)


def _ymd(d: date) -> str:
    return d.isoformat()


class Disagreement(AssertionError):
    pass


class Lifecycle(RuleBasedStateMachine):
    tmp_root: Path  # set by the test

    @initialize()
    def start(self):
        from ppidctl.workspace import init

        Lifecycle.counter = getattr(Lifecycle, "counter", 0) + 1
        root = self.tmp_root / f"ws{Lifecycle.counter}"
        self.ws = init(root, "Komisi Pemilihan Umum Kota Mataram", "5271")
        self.run = Runner(self.ws.root)
        self.m = Model()
        self.clock = FIRST
        self.log: list[str] = []
        self.letter_numbers: dict[str, tuple[str, str]] = {}

    # -- helpers -------------------------------------------------------------------------------

    @staticmethod
    def rarely(data, label: str, n: int) -> bool:
        """True about once in n draws (Hypothesis favours small integers: ``integers(0, 7) == 0``
        came out far more often than one in eight)."""
        return data.draw(st.sampled_from([False] * (n - 1) + [True]), label=label)

    def pick_date(self, data, case=None) -> date:
        """A step's date: mostly a little after the previous one (of this case, or of the
        office's day), sometimes the same day, backwards, a weekend/holiday, or the day before
        the case was registered."""
        case_date = case.tanggal if case is not None else None
        mode = data.draw(st.sampled_from(["fwd"] * 4 + ["case"] * 4 + ["same", "back", "weekend",
                                          "holiday", "before_case"]), label="tgl")  # fmt: skip
        if mode == "case" and case is not None:
            d = case.last + timedelta(days=data.draw(st.integers(0, 6), label="maju-kasus"))
        elif mode in ("fwd", "case"):
            d = self.clock + timedelta(days=data.draw(st.integers(0, 9), label="maju"))
        elif mode == "same":
            d = self.clock
        elif mode == "back":
            d = self.clock - timedelta(days=data.draw(st.integers(1, 15), label="mundur"))
        elif mode == "weekend":
            d = self.clock + timedelta(days=(5 - self.clock.weekday()) % 7)
        elif mode == "holiday":
            later = sorted(h for h in DECREED if self.clock <= h <= TODAY)
            d = later[0] if later else self.clock
        else:
            d = (case_date or self.clock) - timedelta(days=1)
        d = max(min(d, TODAY), date(2025, 12, 1))
        if mode in ("fwd", "weekend", "holiday"):
            self.clock = max(self.clock, d)
        return d

    def choose(self, data, pool: dict, label: str, fit=None):
        """A case of the pool — mostly one where ``fit(case)`` holds, so that life cycles go
        deep — or (sometimes) a number that does not exist."""
        if getattr(self, "forced", None) in pool:
            nomor = self.forced
            return pool[nomor], nomor
        keys = sorted(pool)
        if fit is not None and not self.rarely(data, f"{label}-cocok", 4):
            keys = [k for k in keys if fit(pool[k])] or keys
        if not keys or self.rarely(data, f"{label}-ada", 16):
            return None, data.draw(st.sampled_from(["999", "099/PPID/5271/III/2026",
                                                    "abc"]), label=f"{label}-palsu")  # fmt: skip
        nomor = data.draw(st.sampled_from(keys), label=label)
        short = data.draw(st.booleans(), label=f"{label}-pendek")
        seq = nomor.split("/")[0]
        if short and any(k.split("/")[0] == seq and k[-4:] != nomor[-4:] for k in pool):
            short = False  # README: "3" is ambiguous while last year's 003 is still open
        if not nomor.endswith(str(TODAY.year)):
            short = False  # a sequence alone means the step's year (all steps here: this year)
        return pool[nomor], (str(int(seq)) if short else nomor)

    def invoke(self, args: list[str], expect: bool | None, why: str):
        """Run one step; check exit code, streams, unchanged workspace on refusal and the model."""
        before = snapshot(self.ws.root), layout(self.ws.root)
        result = self.run(*args)
        line = "ppidctl " + " ".join(_q(a) for a in args)
        self.log.append(f"{line}    # exit {result.exit_code}")
        key = f"{' '.join(args[:2])} → {result.exit_code} (model {expect}: {why})"
        STATS[key] = STATS.get(key, 0) + 1
        assert result.exit_code in (0, 1, 2), (line, result.output, repr(result.exception))
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            line, repr(result.exception))  # fmt: skip
        assert "Traceback" not in result.output, (line, result.output)
        if result.exit_code != 0:
            assert "Error: " in result.stderr, (line, result.stderr)
            after = snapshot(self.ws.root), layout(self.ws.root)
            assert after == before, (line, "a refused command changed the workspace",
                                     _diff(before[0], after[0]))  # fmt: skip
        ok = result.exit_code == 0
        if expect is not None and ok != expect:
            self.disagree(
                f"model expects {'ALLOWED' if expect else 'REFUSED'} ({why}); ppidctl exit "
                f"{result.exit_code}: {result.stderr.strip()[:400]}"
            )
        return result

    def disagree(self, what: str) -> None:
        text = what + "\n  sequence:\n    " + "\n    ".join(self.log)
        FOUND.append(text)
        if STRICT:
            raise Disagreement(text)

    def new_number(self, result, register: str) -> str:
        row = json.loads(result.stdout)
        nomor = row["nomor_registrasi"]
        assert nomor not in self.m.seen_numbers, f"number {nomor} given twice"
        self.m.seen_numbers.add(nomor)
        return nomor

    def step_date_ok(self, case, d: date) -> bool:
        return case.last <= d <= TODAY

    # -- one step: a weighted choice of a command ------------------------------------------------

    WEIGHTS = {  # command: weight (deep life cycles need the later steps often enough)
        "permohonan_catat": 4, "permohonan_teruskan": 2, "permohonan_perpanjang": 2,
        "permohonan_putuskan": 4, "permohonan_selesai": 3, "keberatan_catat": 4,
        "keberatan_teruskan": 3, "keberatan_pleno": 2, "keberatan_tanggapi": 3,
        "keberatan_sampaikan": 3, "keberatan_tanggapan_pemohon": 3,
        "keberatan_putusan_sengketa": 1, "kalender_tambah": 1, "tahapan_tambah": 1,
        "surat_buat": 2,
    }  # fmt: skip
    CHOICES = [name for name, w in WEIGHTS.items() for _ in range(w)]

    NEXT_REQ = {  # request status: the commands that may come next (SOP pelayanan)
        "terdaftar": ["permohonan_teruskan", "permohonan_perpanjang", "permohonan_putuskan"],
        "diteruskan": ["permohonan_perpanjang", "permohonan_putuskan", "keberatan_catat"],
        "diperpanjang": ["permohonan_putuskan", "permohonan_putuskan", "permohonan_perpanjang"],
        "diputuskan": ["permohonan_selesai", "keberatan_catat"],
        "selesai": ["keberatan_catat"],
    }
    NEXT_OBJ = {  # objection status: the commands that may come next (SOP keberatan)
        "terdaftar": ["keberatan_teruskan"],
        "diteruskan": ["keberatan_pleno", "keberatan_tanggapi"],
        "pleno": ["keberatan_tanggapi"],
        "ditanggapi": ["keberatan_sampaikan", "keberatan_tanggapan_pemohon"],
        "disampaikan": ["keberatan_tanggapan_pemohon"],
        "sengketa": ["keberatan_putusan_sengketa"],
    }

    @rule(data=st.data())
    def advance(self, data):
        """The natural next step of a random case (so that life cycles reach their end)."""
        todo = [(c, n) for n, r in self.m.reqs.items() for c in self.NEXT_REQ.get(r.status, [])]
        todo += [(c, n) for n, o in self.m.objs.items() for c in self.NEXT_OBJ.get(o.status, [])]
        todo += [("permohonan_selesai", n) for n, r in self.m.reqs.items()
                 if r.decided and set(g for g, _ in r.granted) - r.served_grants]  # fmt: skip
        if not todo:
            return self.permohonan_catat(data)
        name, self.forced = data.draw(st.sampled_from(sorted(todo)), label="lanjut")
        try:
            getattr(self, name)(data)
        finally:
            self.forced = None

    @rule(data=st.data())
    def step(self, data):
        name = data.draw(st.sampled_from(self.CHOICES), label="perintah")
        if name.startswith("keberatan_") and name != "keberatan_catat" and not self.m.objs:
            name = "keberatan_catat"
        if name.startswith(("permohonan_", "keberatan_catat", "surat")) and not self.m.reqs:
            name = "permohonan_catat"
        getattr(self, name)(data)

    # -- permohonan ----------------------------------------------------------------------------

    def permohonan_catat(self, data):
        m = self.m
        d = self.pick_date(data)
        jenis = data.draw(st.sampled_from(["perorangan"] * 4 + ["badan-hukum", "kelompok"]))
        docs = {"perorangan": "identitas", "kelompok": "identitas", "badan-hukum": "akta"}[jenis]
        expect, why = True, "complete request"
        args = ["permohonan", "catat", "--nama", "Budi Santoso", "--jenis-pemohon", jenis,
                "--nik", NIK, "--alamat", "Jl. Pejanggik 1, Mataram", "--telepon", "081234567890",
                "--informasi", f"Salinan DPT {len(m.reqs)}", "--tujuan", "Penelitian"]  # fmt: skip
        doclist = [docs]
        if self.rarely(data, "kuasa", 6):
            args += ["--kuasa", "Sri Wahyuni"]
            doclist.append("kuasa")
            if self.rarely(data, "tanpa-surat-kuasa", 4):
                doclist.remove("kuasa")
                expect, why = False, "a request by a proxy needs the power of attorney (rules §3)"
        if self.rarely(data, "tanpa-identitas", 8):
            doclist.remove(docs)
            expect, why = False, f"missing {docs} (rules §3)"
        if data.draw(st.booleans(), label="formulir"):
            doclist.append("formulir")
        if doclist:
            args += ["--dokumen", ",".join(doclist)]
        tahapan = None
        if m.stages and self.rarely(data, "tahapan", 4):
            tahapan = data.draw(st.sampled_from(sorted(m.stages)))
            mulai, selesai = m.stages[tahapan]
            args += ["--tahapan", tahapan]
            if not mulai <= d <= selesai and expect:
                expect, why = False, "--tahapan outside its stage (cli.md: ongoing stage)"
        if d < date(2026, 1, 1):
            expect, why = None, "last year's date"  # (the sequence resets by year)
        args += ["--tanggal", _ymd(d), "--format", "json"]
        if not self.rarely(data, "surat", 4):
            args.append("--tanpa-surat")
        result = self.invoke(args, expect, why)
        if result.exit_code == 0:
            nomor = self.new_number(result, "permohonan")
            row = json.loads(result.stdout)
            expected = f"/PPID/5271/{ROMAN[d.month - 1]}/{d.year}"
            assert nomor.endswith(expected), (nomor, expected)
            m.reqs[nomor] = Req(nomor, d, tahapan)
            self.check_value("jatuh_tempo of a new request", row["jatuh_tempo"],
                             _ymd(m.reqs[nomor].deadline(m)))  # fmt: skip

    def permohonan_teruskan(self, data):
        case, n = self.choose(data, self.m.reqs, "perm", lambda c: c.status == "terdaftar")
        d = self.pick_date(data, case)
        if case is None:
            expect, why = False, "no such request"
        elif case.status != "terdaftar":
            expect, why = False, f"teruskan only from terdaftar (docs/sop.md), status {case.status}"
        elif not self.step_date_ok(case, d):
            expect, why = False, "date before the case's last step"
        else:
            expect, why = True, "terdaftar → diteruskan"
        r = self.invoke(["permohonan", "teruskan", n, "--tanggal", _ymd(d)], expect, why)
        if r.exit_code == 0:
            case.status, case.last = "diteruskan", d

    def permohonan_perpanjang(self, data):
        m = self.m
        case, n = self.choose(data, m.reqs, "perm", lambda c: c.status in OPEN_REQ)
        d = self.pick_date(data, case)
        alasan = "" if self.rarely(data, "tanpa-alasan", 8) else "Data sedang dihimpun dari PPK"
        if case is None:
            expect, why = False, "no such request"
        elif case.extended:
            expect, why = False, "one extension only (UU 14/2008 Pasal 22(8))"
        elif case.status not in ("terdaftar", "diteruskan"):
            expect, why = False, f"extension after a decision (status {case.status})"
        elif not self.step_date_ok(case, d):
            expect, why = False, "date before the case's last step"
        elif d > case.deadline(m):
            expect, why = False, "extension after the deadline lapsed"
        elif not alasan:
            expect, why = False, "extension needs written reasons"
        else:
            expect, why = True, "first extension before the deadline"
        args = ["permohonan", "perpanjang", n, "--alasan", alasan, "--tanggal", _ymd(d)]
        if not self.rarely(data, "surat", 3):
            args.append("--tanpa-surat")
        r = self.invoke(args, expect, why)
        if r.exit_code == 0:
            case.status, case.last, case.extended = "diperpanjang", d, True
            case.extended_on = d

    def permohonan_putuskan(self, data):
        m = self.m
        case, n = self.choose(data, m.reqs, "perm", lambda c: c.status in OPEN_REQ)
        d = self.pick_date(data, case)
        kind = data.draw(st.sampled_from(REQ_KINDS), label="keputusan")
        complete = not self.rarely(data, "lengkap", 7)
        args = ["permohonan", "putuskan", n, "--keputusan", kind, "--tanggal", _ymd(d)]
        biaya = 0
        if kind == "diberikan" and data.draw(st.booleans(), label="biaya"):
            biaya = 15000
            args += ["--biaya", "15000", "--cara-pembayaran", "tunai di loket PPID"]
        if kind == "diberikan-sebagian" and complete:
            args += ["--penjelasan", "NIK dihitamkan"]
        if kind == "ditolak" and complete:
            args += ["--pasal", "Pasal 17 huruf h angka 2", "--sk-pengecualian",
                     "Keputusan KPU Kota Mataram Nomor 12 Tahun 2026", "--uji-konsekuensi", UJI]  # fmt: skip
        if kind == "tidak-dikuasai" and data.draw(st.booleans(), label="badan"):
            args += ["--badan-publik", "Dinas Dukcapil Kota Mataram"]
        if not self.rarely(data, "surat", 4):
            args.append("--tanpa-surat")
        needs = kind in ("diberikan-sebagian", "ditolak")
        if case is None:
            expect, why = False, "no such request"
        elif case.status not in OPEN_REQ:
            expect, why = False, f"a second decision (status {case.status})"
        elif not self.step_date_ok(case, d):
            expect, why = False, "date before the case's last step"
        elif needs and not complete:
            expect, why = False, f"{kind} without its required options (cli.md)"
        elif case.granted and kind in CLOSING:
            expect, why = False, "a granted objection orders the information given (README)"
        else:
            expect, why = True, f"decision {kind} on an open request"
        r = self.invoke(args, expect, why)
        if r.exit_code == 0:
            case.frozen = case.deadline(m)
            case.kind, case.decided, case.last, case.biaya = kind, d, d, biaya
            case.status = "selesai" if kind in CLOSING else "diputuskan"

    def permohonan_selesai(self, data):
        m = self.m
        case, n = self.choose(
            data, m.reqs, "perm", lambda c: c.status == "diputuskan" or bool(c.granted)
        )
        d = self.pick_date(data, case)
        pending = []
        if case is not None:
            pending = [g for g, _ in case.granted if g not in case.served_grants]
        if case is None:
            expect, why = False, "no such request"
        elif case.status == "diputuskan":
            if self.step_date_ok(case, d):
                expect, why = True, "delivery after a decision to give"
            else:
                expect, why = False, "delivery dated before the decision"
        elif pending and case.decided is not None:
            last_grant = max(t for g, t in case.granted if g in pending)
            if last_grant <= d <= TODAY and case.last <= d:
                expect, why = True, "delivery ordered by a granted objection (README)"
            elif d < last_grant:
                expect, why = False, "delivery before the Atasan's response (README)"
            else:
                expect, why = None, "delivery order, date before the last step"
        elif pending:
            expect, why = None, "granted objection on an undecided request"
        else:
            expect, why = False, f"selesai without a decision to give (status {case.status})"
        args = ["permohonan", "selesai", n, "--tanggal", _ymd(d)]
        if not self.rarely(data, "surat", 4):
            args.append("--tanpa-surat")
        r = self.invoke(args, expect, why)
        if r.exit_code == 0:
            case.status, case.last = "selesai", max(case.last, d)
            case.delivered.append(d)
            case.served_grants |= {g for g, t in case.granted if t <= d}

    # -- keberatan -----------------------------------------------------------------------------

    def reason_valid(self, code: str, req: Req | None, d: date) -> tuple[bool | None, date | None]:
        """Is reason ``code`` borne out by the request's history at ``d`` (rules.md §2), and
        when was it found?  ``None``: the documents leave it open."""
        m = self.m
        if code == "b":
            return (True if req is None else None), None
        if req is None:
            return False, None
        dl = req.deadline(m)
        if code == "c":
            if req.decided is None:
                return (d > dl), dl + timedelta(days=1)
            return (None if req.decided > dl else False), dl + timedelta(days=1)
        if code == "g":
            late = [x for x in req.delivered if x > dl]
            if late:
                return True, late[0]
            return (False if not req.delivered else None), None
        if req.decided is None:
            return False, None  # a, d, e, f: found on the written notification
        found = req.decided
        if code == "a":
            return {"ditolak": True, "diberikan-sebagian": None}.get(req.kind, False), found
        if code == "d":
            return (True if req.kind in ("diberikan", "diberikan-sebagian") else None), found
        if code == "e":
            return (None if req.kind == "diberikan" else True), found
        if code == "f":
            return (True if req.biaya else None), found
        raise AssertionError(code)

    def keberatan_catat(self, data):
        m = self.m
        if self.rarely(data, "tanpa-permohonan", 6):
            req, n = None, None
        else:
            req, n = self.choose(data, m.reqs, "perm",
                                 lambda c: c.decided is not None or c.status in OPEN_REQ)  # fmt: skip
        d = self.pick_date(data, req)
        valid = [c for c in "abcdefg" if self.reason_valid(c, req, d)[0]]
        if valid and not self.rarely(data, "alasan-sah", 4):
            codes = [data.draw(st.sampled_from(valid), label="alasan")]
        else:
            codes = data.draw(st.lists(st.sampled_from("abcdefg"), min_size=1, max_size=2,
                                       unique=True), label="alasan")  # fmt: skip
        codes = sorted(codes)
        with_request = n is not None
        args = ["keberatan", "catat", "--alasan", ",".join(codes),
                "--kasus-posisi", "Informasi tidak diberikan sebagaimana diminta"]  # fmt: skip
        if n is not None:
            args += ["--permohonan", n]
        else:
            args += ["--nama", "Ani", "--nik", NIK, "--alamat", "Mataram", "--telepon",
                     "081234567890", "--informasi", "Laporan keuangan berkala",
                     "--tujuan", "Pengawasan"]  # fmt: skip
        docs = ["formulir", "identitas"]
        expect, why = True, "objection borne out by the request's history"
        if self.rarely(data, "tanpa-dok", 8):
            docs.remove(data.draw(st.sampled_from(docs), label="dok-hilang"))
            expect, why = False, "objection without its form/identity (SOP keberatan 1)"
        kuasa = self.rarely(data, "kuasa", 5)
        if kuasa:
            args += ["--kuasa", "Sri Wahyuni, S.H."]
            variant = data.draw(st.sampled_from(["lengkap"] * 3 + ["tanpa-alamat", "tanpa-meterai",
                                                 "tanpa-surat-kuasa"]), label="kuasa-var")  # fmt: skip
            if variant != "tanpa-alamat":
                args += ["--kuasa-alamat", "Jl. Majapahit 7, Mataram"]
            if variant != "tanpa-meterai":
                args.append("--meterai")
            if variant != "tanpa-surat-kuasa":
                docs.append("kuasa")
            if variant != "lengkap" and expect:
                expect, why = False, f"proxy {variant} (rules §3: surat kuasa khusus bermeterai)"
        args += ["--dokumen", ",".join(docs)]
        days = 30
        tahapan_opt = None
        if m.stages and self.rarely(data, "tahapan", 5):
            tahapan_opt = data.draw(st.sampled_from(sorted(m.stages)), label="tahapan-nama")
            args += ["--tahapan", tahapan_opt]
        if d < date(2026, 1, 1):
            expect, why = None, "last year's date"
        if req is None and with_request:
            expect, why = False, "no such request"
        elif req is None and codes != ["b"]:
            expect, why = False, "only reason b needs no request (rules.md §2)"
        elif expect:
            if req is not None and d < req.tanggal:
                expect, why = False, "objection dated before its request"
            elif req is not None and d < req.last:
                expect, why = None, "objection dated before the request's last step"
            else:
                for code in codes:
                    valid, found = self.reason_valid(code, req, d)
                    if valid is False:
                        expect, why = False, f"reason {code} not borne out by the history"
                        break
                    if valid is None:
                        expect, why = None, f"reason {code}: the rules leave it open"
                    elif found is not None and d > m.cal.add(found, 30) and expect:
                        expect, why = False, f"reason {code} found {found}: > 30 working days"
                    elif found is not None and d < found and expect:
                        expect, why = None, f"reason {code} found {found}, after the objection"
                if expect is not False and req is not None:
                    for o in m.objs.values():
                        if o.req is req and o.status in OPEN_OBJ and set(o.alasan) & set(codes):
                            expect, why = False, f"same reason as open objection {o.nomor}"
                if expect is not False and req is None:
                    for o in m.objs.values():
                        if o.req is None and o.status in OPEN_OBJ:
                            expect, why = False, f"same b case as open objection {o.nomor}"
        if tahapan_opt is not None:
            mulai, selesai = m.stages[tahapan_opt]
            if mulai <= d <= selesai:
                days = 3
            elif expect:
                expect, why = False, "--tahapan outside its stage"
        if req is not None and req.tahapan:
            mulai, selesai = m.stages[req.tahapan]
            if mulai <= d <= selesai:
                days = 3
        args += ["--tanggal", _ymd(d), "--format", "json"]
        if not self.rarely(data, "surat", 4):
            args.append("--tanpa-surat")
        r = self.invoke(args, expect, why)
        if r.exit_code == 0:
            nomor = self.new_number(r, "keberatan")
            assert nomor.endswith(f"/KEB/PPID/5271/{ROMAN[d.month - 1]}/{d.year}"), nomor
            o = Obj(nomor, d, req, codes, days)
            m.objs[nomor] = o
            row = json.loads(r.stdout)
            self.check_value(f"jatuh_tempo of objection {nomor}", row["jatuh_tempo"],
                             _ymd(o.deadline(m)))  # fmt: skip

    def _obj_step(self, data, label, allowed_from: set[str]):
        case, n = self.choose(data, self.m.objs, "keb", lambda c: c.status in allowed_from)
        d = self.pick_date(data, case)
        if case is None:
            return case, n, d, False, "no such objection"
        if case.status not in allowed_from:
            return case, n, d, False, f"{label} from status {case.status}"
        if not self.step_date_ok(case, d):
            return case, n, d, False, "date before the case's last step"
        return case, n, d, True, f"{label} in order"

    def keberatan_teruskan(self, data):
        case, n, d, expect, why = self._obj_step(data, "teruskan", {"terdaftar"})
        r = self.invoke(["keberatan", "teruskan", n, "--tanggal", _ymd(d)], expect, why)
        if r.exit_code == 0:
            case.status, case.last = "diteruskan", d

    def keberatan_pleno(self, data):
        case, n, d, expect, why = self._obj_step(data, "pleno", {"diteruskan"})
        r = self.invoke(["keberatan", "pleno", n, "--tanggal", _ymd(d)], expect, why)
        if r.exit_code == 0:
            case.status, case.last = "pleno", d

    def keberatan_tanggapi(self, data):
        case, n, d, expect, why = self._obj_step(data, "tanggapi", {"diteruskan", "pleno"})
        kind = data.draw(st.sampled_from(["diterima", "ditolak"]), label="keputusan")
        args = ["keberatan", "tanggapi", n, "--keputusan", kind, "--tanggal", _ymd(d)]
        if kind == "ditolak":
            if not self.rarely(data, "pertimbangan", 6):
                args += ["--pertimbangan", "Keputusan PPID sudah tepat"]
            elif expect:
                expect, why = False, "upholding needs written reasons (Pasal 36(3))"
            a = case is not None and "a" in case.alasan
            if not self.rarely(data, "sk", 4):
                args += ["--sk-pengecualian", "Keputusan KPU Kota Mataram Nomor 12 Tahun 2026"]
            elif a and expect:
                expect, why = False, "upholding an exclusion needs the KPU decree (SOP keberatan 6)"
        if not self.rarely(data, "surat", 4):
            args.append("--tanpa-surat")
        r = self.invoke(args, expect, why)
        if r.exit_code == 0:
            case.frozen = case.deadline(self.m)
            case.status, case.last, case.response = "ditanggapi", d, (kind, d)
            if kind == "diterima" and case.req is not None and set(case.alasan) & set("acde"):
                # a granted objection on a, c, d or e orders the information given (docs/sop.md
                # step 6); one on fees (f) or lateness (g) orders no delivery
                case.req.granted.append((case.nomor, d))

    def keberatan_sampaikan(self, data):
        case, n, d, expect, why = self._obj_step(data, "sampaikan", {"ditanggapi"})
        r = self.invoke(["keberatan", "sampaikan", n, "--tanggal", _ymd(d)], expect, why)
        if r.exit_code == 0:
            case.status, case.last, case.delivered = "disampaikan", d, d

    def keberatan_tanggapan_pemohon(self, data):
        m = self.m
        sikap = data.draw(st.sampled_from(["menerima", "sengketa"]), label="sikap")
        case, n, d, expect, why = self._obj_step(data, sikap, {"disampaikan"})
        if case is not None and sikap == "sengketa" and case.status in OPEN_OBJ - {"disampaikan"}:
            if not self.step_date_ok(case, d):
                expect, why = False, "date before the case's last step"
            elif d > case.deadline(m):
                expect, why = True, "dispute after the response deadline lapsed (Pasal 37(2))"
            else:
                expect, why = False, "dispute before any response and before the deadline"
        if case is not None and case.status == "disampaikan" and sikap == "sengketa" and expect:
            if d > m.cal.add(case.delivered, 14):
                expect, why = None, "dispute after the 14-working-day window"
        args = ["keberatan", "tanggapan-pemohon", n, "--sikap", sikap, "--tanggal", _ymd(d)]
        r = self.invoke(args, expect, why)
        if r.exit_code == 0:
            case.status, case.last = ("selesai" if sikap == "menerima" else "sengketa"), d
            case.sengketa = sikap == "sengketa"

    def keberatan_putusan_sengketa(self, data):
        case, n, d, expect, why = self._obj_step(data, "putusan-sengketa", {"sengketa"})
        if case is not None and case.putusan:
            expect, why = False, "the dispute's outcome is recorded once (README)"
        putusan = data.draw(st.sampled_from(["mediasi", "dikabulkan", "ditolak"]), label="put")
        args = ["keberatan", "putusan-sengketa", n, "--putusan", putusan,
                "--nomor-sengketa", "12/KI-NTB/2026", "--tanggal", _ymd(d)]  # fmt: skip
        r = self.invoke(args, expect, why)
        if r.exit_code == 0:
            case.putusan, case.last = True, d

    # -- calendar, stages, letters ---------------------------------------------------------------

    def kalender_tambah(self, data):
        m = self.m
        base = self.clock + timedelta(days=data.draw(st.integers(-20, 20), label="geser"))
        d = min(base, date(2026, 12, 31))
        kerja = self.rarely(data, "hari-kerja", 4)
        args = ["kalender", "tambah", _ymd(d), "--keterangan", "Libur daerah"]
        if kerja:
            args.append("--hari-kerja")
        if d in m.calendar_dates:
            expect, why = None, "the same date overridden twice"
        elif m.cal.working(d) == kerja:
            expect, why = None, "an override that changes nothing"
        else:
            expect, why = True, "an office calendar override"
        r = self.invoke(args, expect, why)
        if r.exit_code == 0:
            m.calendar_dates.add(d)
            m.cal.on.discard(d)
            m.cal.off.discard(d)
            (m.cal.on if kerja else m.cal.off).add(d)

    def tahapan_tambah(self, data):
        m = self.m
        mulai = self.clock + timedelta(days=data.draw(st.integers(-30, 10), label="mulai"))
        selesai = mulai + timedelta(days=data.draw(st.integers(-3, 40), label="lama"))
        nama = data.draw(st.sampled_from(["Pencalonan", "Kampanye", "Pemungutan Suara"]))
        if selesai < mulai:
            expect, why = False, "a stage ending before it starts"
        elif nama in m.stages:
            expect, why = None, "a stage name given twice"
        else:
            expect, why = True, "a new stage"
        args = ["tahapan", "tambah", nama, "--mulai", _ymd(mulai), "--selesai", _ymd(selesai)]
        r = self.invoke(args, expect, why)
        if r.exit_code == 0:
            m.stages[nama] = (mulai, selesai)

    def surat_buat(self, data):
        m = self.m
        jenis = data.draw(st.sampled_from(["tanda-terima", "perpanjangan", "pemberitahuan",
                                           "penolakan", "tidak-tersedia", "tanda-terima-informasi",
                                           "tanda-bukti-keberatan", "tanggapan-keberatan"]))  # fmt: skip
        pool = m.objs if "keberatan" in jenis else m.reqs
        case, n = self.choose(data, pool, "surat")
        expect = None
        why = "regenerating a letter"
        if case is None:
            expect, why = False, "no such case"
        elif jenis == "tanda-terima" or jenis == "tanda-bukti-keberatan":
            expect, why = True, "every registered case has its receipt/slip"
        elif jenis == "perpanjangan":
            expect, why = case.extended, "extension letter iff extended"
        elif jenis == "tanggapan-keberatan":
            expect, why = case.response is not None, "reply letter iff responded"
        elif jenis == "penolakan":
            expect, why = case.kind == "ditolak" or (None if case.kind == "diberikan-sebagian"
                                                     else False), "rejection letter"  # fmt: skip
        elif jenis == "tidak-tersedia":
            expect = case.kind in ("tidak-dikuasai", "belum-didokumentasikan")
            why = "not-available letter iff not held / not documented"
        elif jenis == "pemberitahuan":
            expect = case.kind in ("diberikan", "diberikan-sebagian")
            why = "notification letter iff the decision gives information"
        elif jenis == "tanda-terima-informasi":
            expect, why = bool(case.delivered), "information receipt iff delivered"
        self.invoke(["surat", "buat", jenis, n], expect, why)

    # -- invariants --------------------------------------------------------------------------------

    def check_value(self, what, got, want):
        if got != want:
            self.disagree(f"{what}: ppidctl {got!r}, model {want!r}")

    @invariant()
    def registers_agree_with_model(self):
        if not hasattr(self, "ws"):
            return
        m = self.m
        r = self.run("periksa")
        if r.exit_code != 0 or "Tidak ada masalah" not in r.output:
            raise AssertionError(("periksa not clean", r.stdout, r.stderr, self.log))
        reqs = json.loads(self.run("permohonan", "daftar", "--format", "json").stdout)
        objs = json.loads(self.run("keberatan", "daftar", "--format", "json").stdout)
        got_r = {row["nomor_registrasi"]: row for row in reqs}
        got_o = {row["nomor_registrasi"]: row for row in objs}
        assert len(got_r) == len(reqs) and len(got_o) == len(objs), "a number listed twice"
        assert set(got_r) == set(m.reqs), (sorted(got_r), sorted(m.reqs))
        assert set(got_o) == set(m.objs), (sorted(got_o), sorted(m.objs))
        for nomor, case in m.reqs.items():
            row = got_r[nomor]
            self.check_value(f"{nomor} status", row["status"], case.status)
            if True:
                self.check_value(f"{nomor} jatuh_tempo ({case.status})", row["jatuh_tempo"],
                                 _ymd(case.deadline(m)))  # fmt: skip
        for nomor, case in m.objs.items():
            row = got_o[nomor]
            self.check_value(f"{nomor} status", row["status"], case.status)
            if True:
                self.check_value(f"{nomor} jatuh_tempo ({case.status})", row["jatuh_tempo"],
                                 _ymd(case.deadline(m)))  # fmt: skip
            if case.delivered is not None:
                self.check_value(f"{nomor} batas_sengketa", row["batas_sengketa"],
                                 _ymd(m.cal.add(case.delivered, 14)))  # fmt: skip
        # jatuh-tempo: every open case that awaits the office, with the same deadline
        due = json.loads(self.run("jatuh-tempo", "--format", "json").stdout)
        listed = {}
        for row in due:
            listed.setdefault((row["register"], row["nomor_registrasi"]), []).append(row)
        for nomor, case in m.reqs.items():
            rows = listed.get(("permohonan", nomor), [])
            if case.status in OPEN_REQ:
                dated = [x for x in rows if x["jatuh_tempo"]]
                if not dated:
                    self.disagree(f"jatuh-tempo misses open request {nomor} ({case.status})")
                elif dated[0]["jatuh_tempo"] != _ymd(case.deadline(m)):
                    self.disagree(f"jatuh-tempo {nomor}: {dated[0]['jatuh_tempo']} vs model "
                                  f"{case.deadline(m)}")  # fmt: skip
            elif (
                case.status == "selesai"
                and not [g for g, _ in case.granted if g not in case.served_grants]
                and rows
            ):
                self.disagree(f"jatuh-tempo lists closed request {nomor}: {rows}")
        for nomor, case in m.objs.items():
            rows = listed.get(("keberatan", nomor), [])
            if case.status in OPEN_OBJ - {"disampaikan"} and not rows:
                self.disagree(f"jatuh-tempo misses open objection {nomor} ({case.status})")
            if case.status in ("selesai",) and rows:
                self.disagree(f"jatuh-tempo lists closed objection {nomor}: {rows}")
        # numbers: unique, never reused; outgoing letter numbers never given to two letters
        self.check_letter_numbers()

    def check_letter_numbers(self):
        path = self.ws.root / "registers" / "surat.csv"
        if not path.exists():
            return
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                if not row["nomor_surat"]:
                    continue
                key = (row["jenis"], row["nomor_registrasi"])
                first = self.letter_numbers.setdefault(row["nomor_surat"], key)
                assert first == key, ("letter number given to two letters",
                                      row["nomor_surat"], first, key, self.log)  # fmt: skip

    def teardown(self):
        if not hasattr(self, "ws"):
            return
        m = self.m
        # lihat agrees with daftar and the model
        for nomor, case in list(m.reqs.items())[:3]:
            seen = json.loads(self.run("permohonan", "lihat", nomor, "--format", "json").stdout)
            self.check_value(f"lihat {nomor} status", seen["data"]["status"], case.status)
        # laporan bulanan: requests/objections received and decisions per month
        months = {(c.tanggal.year, c.tanggal.month) for c in m.reqs.values()}
        months |= {(c.tanggal.year, c.tanggal.month) for c in m.objs.values()}
        for y, mo in sorted(months)[:2]:
            r = self.run("laporan", "bulanan", "--bulan", f"{y}-{mo:02d}", "--format", "json")
            assert r.exit_code == 0, r.output
            ring = json.loads(r.stdout)["ringkasan"]

            def inmonth(d, month=(y, mo)):
                return d is not None and (d.year, d.month) == month

            self.check_value(f"laporan {y}-{mo} permohonan_diterima", ring["permohonan_diterima"],
                             sum(inmonth(c.tanggal) for c in m.reqs.values()))  # fmt: skip
            self.check_value(f"laporan {y}-{mo} keberatan_diterima", ring["keberatan_diterima"],
                             sum(inmonth(c.tanggal) for c in m.objs.values()))  # fmt: skip
            for kind in REQ_KINDS:
                key = kind.replace("-", "_")
                want = sum(inmonth(c.decided) and c.kind == kind for c in m.reqs.values())
                self.check_value(f"laporan {y}-{mo} {key}", ring[key], want)
            self.check_value(f"laporan {y}-{mo} perpanjangan", ring["perpanjangan"],
                             sum(inmonth(c.extended_on) for c in m.reqs.values()))  # fmt: skip


def _q(a: str) -> str:
    return a if re.fullmatch(r"[\w./:,=-]+", a) else "'" + a.replace("'", "'\\''") + "'"


def _diff(a: dict, b: dict) -> list[str]:
    return sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))


@pytest.fixture
def office_today(monkeypatch):
    from ppidctl.workspace import Workspace

    def now(self):
        return datetime.fromisoformat(f"{TODAY}T10:00:00").replace(tzinfo=self.tz)

    monkeypatch.setattr(Workspace, "now", now)


@pytest.fixture
def quick_cli(monkeypatch):
    """Build the click command from the Typer app once (not once per invocation: that alone
    took half of this test's time); each invocation still runs the same command object."""
    import typer.testing

    built = {}
    original = getattr(typer.testing, "_get_command", None)  # (private: without it, slower)
    if original is None:
        return

    def cached(app):
        if id(app) not in built:
            built[id(app)] = original(app)
        return built[id(app)]

    monkeypatch.setattr(typer.testing, "_get_command", cached)


def test_random_life_cycles(tmp_path, office_today, quick_cli):
    # every step fsyncs: on a tmpfs the same test runs about twice as fast
    shm = Path(os.environ.get("ACAK_TMP", "/dev/shm"))
    if shm.is_dir() and os.access(shm, os.W_OK):
        import tempfile

        Lifecycle.tmp_root = Path(tempfile.mkdtemp(prefix="ppidctl-acak-", dir=shm))
    else:
        Lifecycle.tmp_root = tmp_path
    kwargs = dict(
        max_examples=EXAMPLES,
        stateful_step_count=STEPS,
        deadline=None,
        database=None,
        derandomize=not os.environ.get("ACAK_ACAK"),
        suppress_health_check=list(HealthCheck),
    )
    try:
        run_state_machine_as_test(Lifecycle, settings=settings(**kwargs))
    finally:
        if Lifecycle.tmp_root != tmp_path:
            import shutil

            shutil.rmtree(Lifecycle.tmp_root, ignore_errors=True)
        for key in sorted(STATS):
            print(f"{STATS[key]:5d}  {key}")
        out = os.environ.get("ACAK_OUT")
        if out and FOUND:
            Path(out).write_text("\n\n".join(FOUND), encoding="utf-8")
