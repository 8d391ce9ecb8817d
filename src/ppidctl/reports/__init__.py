"""Reports and exports over the registers (pandas): the Python API behind ``ppidctl laporan``
and ``ppidctl ekspor``.

    from ppidctl import Workspace
    from ppidctl.reports import load_frame, monthly, annual, daily, save_report

    ws = Workspace.find("~/ppid")
    df = load_frame(ws, "permohonan")             # typed DataFrame of the register
    lap = monthly(ws, "2026-03")                    # a Laporan: .ringkasan, .tabel, .to_dict()
    lap["waktu"].frame()                            # one table as a DataFrame
    save_report(lap, "laporan-2026-03.xlsx")        # summary, charts, detail sheets (masked)
    save_report(lap, "laporan-2026-03.docx")        # the narrative report
    annual([ws_kota_a, ws_kota_b], 2026)            # several offices combined, per office

Importing this package imports pandas and numpy; the CLI imports it only inside the commands.
"""

from .data import load_frame
from .output import export_register, save_report
from .summary import Laporan, Office, Tabel, annual, daily, load_office, monthly, workspaces_from

__all__ = [
    "load_frame",
    "Laporan",
    "Office",
    "Tabel",
    "annual",
    "daily",
    "monthly",
    "load_office",
    "workspaces_from",
    "save_report",
    "export_register",
]
