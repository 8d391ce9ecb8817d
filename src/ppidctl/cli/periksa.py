"""``ppidctl periksa``, ``ppidctl pulihkan``, ``ppidctl arsip``: integrity, recovery, backup."""

import json
import re
from pathlib import Path
from typing import Annotated

import typer

from .common import (
    Format,
    FormatRekaman,
    echo,
    err,
    file_written,
    guard,
    local_time,
    warnings,
    workspace,
    write_csv,
)

Petugas = Annotated[str, typer.Option("--petugas", envvar="PPIDCTL_PETUGAS", help="Nama petugas.")]
Catatan = Annotated[
    str | None, typer.Option("--catatan", help="Alasan/keterangan, dicatat di jurnal.")
]


def _summary(a) -> None:
    counts = ", ".join(  # (every register: one not written yet, as an XLSX workspace's empty
        # objection register, has none — review agenda N1)
        f"{name} {len(c.table.rows)} baris"
        if c.table is not None
        else f"{name} tidak terbaca"
        if c.error
        else f"{name} 0 baris"
        for name, c in a.registers.items()
    )
    err(f"Diperiksa: jurnal {a.replay.count} baris; {counts}.")
    err(  # (the chain's start is no hash to write down as an anchor: sesi33b N1)
        f"Hash baris terakhir jurnal: {a.replay.last_hash}"
        if a.replay.lines
        else "Hash baris terakhir jurnal: (jurnal tanpa baris utuh: tidak ada hash untuk dicatat)"
    )
    if a.problems:
        err(f"{len(a.problems)} masalah ditemukan.")
    else:
        err("Tidak ada masalah: jurnal utuh dan register sesuai jurnal.")


def _done(lines: list[str]) -> None:
    for line in lines:
        echo(line)


@guard
def periksa(
    format: Annotated[Format, typer.Option("--format", help="teks | json | csv")] = Format.teks,
    perbaiki_tenggat: Annotated[
        bool,
        typer.Option(
            "--perbaiki-tenggat",
            help="Hitung ulang jatuh tempo perkara terbuka dan keterlambatan jawaban dengan kalender "
            "dan aturan sekarang (dicatat di jurnal).",
        ),
    ] = False,
    terima_perubahan: Annotated[
        bool,
        typer.Option(
            "--terima-perubahan",
            help="Terima perubahan register di luar ppidctl apa adanya (wajib --catatan; dicatat "
            "di jurnal).",
        ),
    ] = False,
    batalkan: Annotated[
        str | None,
        typer.Option(
            "--batalkan",
            metavar="NOMOR",
            help="Bersama --terima-perubahan: baris yang baru dicatat lalu sengaja dihapus di luar "
            "ppidctl (perkara ganda), atau yang langkah terakhirnya sengaja dikembalikan (langkah "
            "pada perkara yang salah); tanpa ini keadaan itu dianggap perintah yang terhenti.",
        ),
    ] = None,
    nomor_ganda: Annotated[
        list[str] | None,
        typer.Option(
            "--nomor-ganda",
            metavar="NOMOR",
            help="Bersama --terima-perubahan: nomor surat yang dipakai dua surat yang sudah "
            "dikirim, diterima sebagai nomor ganda lama (dapat diulang).",
        ),
    ] = None,
    jangkar: Annotated[
        list[str] | None,
        typer.Option(
            "--jangkar",
            metavar="HASH",
            help="Hash baris jurnal yang dicatat di luar workspace (berita acara, arsip): "
            "diperiksa bahwa jurnal sampai baris itu tidak berubah sejak itu (dapat diulang).",
        ),
    ] = None,
    catatan: Catatan = None,
    petugas: Petugas = "",
) -> None:
    """Periksa jurnal dan register; tampilkan setiap masalah sebagai berkas:baris: masalah."""
    from ..errors import RuleError, UsageError
    from ..integrity import accept, anchor, check, fix_deadlines
    from ..integrity import model as m

    wanted = [(given, anchor.valid(given)) for given in jangkar or ()]
    for given, text in wanted:
        if text is None:
            raise UsageError(
                f"--jangkar {given!r} bukan hash baris jurnal",
                f"tulis hashnya seperti dicetak periksa atau arsip: 64 digit heksadesimal "
                f"(paling sedikit {anchor.MIN_DIGITS} digit pertamanya)",
            )

    for name, given in (("--catatan", catatan), ("--batalkan", batalkan),
                        ("--nomor-ganda", nomor_ganda or None)):  # fmt: skip
        if given is not None and not terima_perubahan:
            raise UsageError(f"{name} hanya dipakai bersama --terima-perubahan", f"hapus {name}")
    ws = workspace()
    repaired = False  # (journalled: exit 0 with what is left listed — 1 says nothing changed)
    if terima_perubahan:
        if not (catatan or "").strip():
            raise RuleError(
                "--terima-perubahan wajib disertai alasan",
                "tambahkan --catatan TEKS (mis. 'salah ketik nama diperbaiki, disetujui PPID')",
            )
        done = accept(
            ws, catatan or "", batalkan=batalkan or "", petugas=petugas,
            nomor_ganda=tuple(nomor_ganda or ()),
        ).done  # fmt: skip
        err("\n".join(done) if done else "Tidak ada perubahan di luar ppidctl yang perlu diterima.")
        repaired = bool(done)
    if perbaiki_tenggat:
        done = fix_deadlines(ws, petugas=petugas).done
        err("\n".join(done) if done else "Semua jatuh tempo perkara terbuka sudah sesuai kalender.")
        repaired = repaired or bool(done)
    a = check(ws)
    breaks = [p.baris or 0 for p in a.problems if p.kode in (m.RANTAI_PUTUS, m.JURNAL_RUSAK)]
    found, missing = anchor.look_up(ws.journal_path, [text for _given, text in wanted], breaks)
    a.problems += missing
    rows = [p.as_dict() for p in a.problems]
    if format is Format.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif format is Format.csv:
        write_csv(
            ["berkas", "baris", "kode", "pesan", "saran"],
            [[r["berkas"], r["baris"] or "", r["kode"], r["pesan"], r["saran"]] for r in rows],
        )
    else:
        for p in a.problems:
            echo(str(p))
    _summary(a)
    for f in found:
        err(
            f"Jangkar {f.hash[:16]}…: hash baris {f.baris} jurnal ({f.perintah}, dicatat "
            f"{local_time(f.waktu)}); jurnal sampai baris itu tidak berubah sejak jangkar dicatat"
            + (f" — {f.sesudahnya} baris ditulis sesudahnya" if f.sesudahnya else "")
        )
    if a.problems and repaired:
        err(
            "Perbaikan di atas sudah dicatat di jurnal (kode keluar 0); masalah yang tersisa "
            "didaftar — betulkan, lalu jalankan ppidctl periksa lagi"
        )
    elif a.problems:
        raise typer.Exit(1)


@guard
def pulihkan(
    register: Annotated[
        str | None,
        typer.Option(
            "--register",
            help="Juga kembalikan register ini (permohonan|keberatan|surat|libur) seperti dalam "
            "jurnal, membuang perubahan di luar ppidctl (berkas lama disimpan di samping).",
        ),
    ] = None,
    catatan: Catatan = None,
    petugas: Petugas = "",
) -> None:
    """Pulihkan workspace dari jurnal: jurnal terpotong, perintah terhenti, register hilang/rusak."""
    from ..integrity import check, restore

    ws = workspace()
    outcome = restore(ws, register, petugas=petugas, catatan=catatan or "")
    if outcome.done:
        _done(outcome.done)
    else:
        err("Tidak ada yang perlu dipulihkan.")
    a = check(ws)
    if a.problems:
        # a hand edit is put back only when its register is named: say which ones
        named = sorted({m[1] for p in a.problems if (m := _NAMED.search(p.saran or ""))})
        more = "".join(f"; ppidctl pulihkan --register {r}" for r in named if r != register)
        err(f"Masih ada {len(a.problems)} masalah lain; lihat: ppidctl periksa{more}")
    else:
        err("Diperiksa: tidak ada masalah.")


_NAMED = re.compile(r"pulihkan --register (\w+)")


@guard
def arsip(
    keluaran: Annotated[
        Path | None,
        typer.Option(
            "--keluaran",
            help="Folder tujuan arsip (bawaan: folder kerja sekarang); sebaiknya di diska lain.",
            file_okay=False,
        ),
    ] = None,
    format: Annotated[
        FormatRekaman, typer.Option("--format", help="teks | json")
    ] = FormatRekaman.teks,
    petugas: Petugas = "",
) -> None:
    """Arsipkan seluruh workspace sebagai zip bertanggal dengan berkas checksum .sha256."""
    from ..integrity import archive, check

    ws = workspace()
    info = archive(ws, keluaran, petugas=petugas)
    file_written(info["arsip"])
    if not info["dicatat_di_jurnal"]:
        warnings(
            [
                "baris terakhir registers/jurnal.jsonl terpotong (listrik padam atau komputer mati "
                "saat menulis?), jadi arsip ini dibuat tetapi tidak dicatat di jurnal — simpan "
                "arsip ini, lalu perbaiki dengan: ppidctl pulihkan"
            ]
        )
    problems = check(ws).problems  # (a backup of a changed letter or a hand edit, said: the
    # archive keeps the workspace as it is, and nothing told the desk — left at stop 27)
    if problems:
        warnings(
            [
                f"periksa menemukan {len(problems)} masalah (mis. {problems[0]}): arsip ini "
                "menyimpan workspace apa adanya — lihat dengan: ppidctl periksa; betulkan, lalu "
                "arsipkan lagi"
            ]
        )
    if Path(str(info["arsip"])).resolve().is_relative_to(ws.root.resolve()):
        warnings(  # (cd ~/ppid; ppidctl arsip: the backup lost with the folder it backs up)
            [
                "arsip ditulis di dalam workspace yang diarsipkannya: hilang bersama workspace "
                "itu bila diska rusak — salin ke diska lain, atau pakai --keluaran FOLDER di luar "
                "workspace"
            ]
        )
    linked = list(info["tautan_dilewati"])  # (not followed into an archive: letters kept on
    # another disk were left out without a word — reviews pulih M3, sesi31 L4)
    if linked:
        more = f" dan {len(linked) - 5} lainnya" if len(linked) > 5 else ""
        warnings(
            [
                f"{', '.join(linked[:5])}{more} adalah tautan (symlink): isi tujuannya tidak "
                "masuk arsip — arsipkan tujuannya sendiri"
            ]
        )
    if format is FormatRekaman.json:
        typer.echo(json.dumps(info, ensure_ascii=False, indent=2))
        return
    echo(info["arsip"])
    err(
        f"{info['jumlah_berkas']} berkas diarsipkan; SHA-256 {info['sha256']} "
        f"(periksa dengan: sha256sum -c {Path(str(info['berkas_sha256'])).name}; di Windows: "
        f"certutil -hashfile {Path(str(info['arsip'])).name} SHA256)"
    )
    if info["jurnal"]:
        j = info["jurnal"]
        err(
            f"Jurnal di dalam arsip: {j['baris']} baris, hash baris terakhir "
            f"{j['hash_baris_terakhir']} — catat di berita acara, di luar jangkauan pengelola "
            "register; kemudian buktikan jurnal sampai titik itu tidak berubah dengan: ppidctl "
            f"periksa --jangkar {j['hash_baris_terakhir']}"
        )
