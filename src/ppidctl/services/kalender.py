"""The office's calendar overrides (``registers/libur.csv``) and election stages (ppidctl.toml)."""

from __future__ import annotations

from datetime import date

from .. import config
from ..errors import ConfigError, RuleError, sebab
from ..rules import validation as v
from ..workspace import Workspace

__all__ = ["add_day", "add_stage", "stages"]


def add_day(
    ws: Workspace,
    tanggal: str | date,
    keterangan: str,
    *,
    hari_kerja: bool = False,
    petugas: str = "",
) -> tuple[dict[str, str], list[str]]:
    """Record an office day off (or, with ``hari_kerja``, a day that is a working day after all)
    and, in the same commit, the deadlines of the open cases it moves. Returns the row and one
    line per deadline changed."""
    from ..integrity.repair import refresh_deadlines

    day = v.tanggal(tanggal, "TANGGAL")
    ket = v.teks(keterangan, "--keterangan", wajib=True)
    cal = ws.calendar
    if hari_kerja and cal.is_workday(day):
        raise RuleError(f"{day.isoformat()} sudah hari kerja", "tidak ada yang perlu dicatat")
    if not hari_kerja and not cal.is_workday(day):
        off = cal.day_off(day)
        raise RuleError(
            f"{day.isoformat()} sudah bukan hari kerja ({off.keterangan if off else 'libur'})",
            "tidak ada yang perlu dicatat",
        )
    row = {
        "tanggal": day.isoformat(),
        "jenis": "hari_kerja" if hari_kerja else "libur",
        "keterangan": ket,
        "petugas": petugas,
    }
    with ws.transaction("kalender tambah", petugas) as tx:
        if any(r["tanggal"] == row["tanggal"] for r in tx.table("libur").rows):
            raise RuleError(
                f"{row['tanggal']} sudah ada di registers/libur.csv",
                "sunting baris itu bila keterangannya berubah",
            )
        tx.append("libur", row)
        moved = refresh_deadlines(ws, tx, ws.calendar_with(tx.table("libur").rows))
    ws.refresh()  # (the cached calendar predates the new day)
    return row, moved


def add_stage(
    ws: Workspace, nama: str, mulai: str | date, selesai: str | date, petugas: str = ""
) -> config.Stage:
    nama = v.teks(nama, "NAMA tahapan", wajib=True)
    if "\n" in nama or "\r" in nama:
        raise RuleError("NAMA tahapan harus satu baris", "tulis nama tahapan tanpa ganti baris")
    start, end = v.tanggal(mulai, "--mulai"), v.tanggal(selesai, "--selesai")
    if end < start:
        raise RuleError(f"--selesai {end} sebelum --mulai {start}", "periksa tanggalnya")
    if ws.settings.stage(nama):
        raise RuleError(f"tahapan '{nama}' sudah ada di ppidctl.toml", "pakai nama lain")
    stage = config.Stage(nama, start, end)
    with ws.transaction("tahapan tambah", petugas) as tx:
        path = ws.settings.path  # read again under the lock: checked before it is replaced
        try:
            raw = path.read_bytes()
        except OSError as e:
            raise ConfigError(
                f"{path} tidak dapat dibaca: {sebab(e)}", "periksa berkasnya"
            ) from None
        tx.replace_file(path, config.with_stage(path, raw, stage))
        tx.log(
            "tahapan",
            nama,
            "tambah",
            {"mulai": ("", start.isoformat()), "selesai": ("", end.isoformat())},
        )
    return stage


def stages(ws: Workspace, on: date) -> list[dict[str, str]]:
    return [
        {
            "nama": s.nama,
            "mulai": s.mulai.isoformat(),
            "selesai": s.selesai.isoformat(),
            "berjalan": "ya" if s.ongoing(on) else "tidak",
        }
        for s in ws.settings.tahapan
    ]
