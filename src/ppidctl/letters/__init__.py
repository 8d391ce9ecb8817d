"""Letters and slips as .docx from templates (docxtpl + Jinja), optionally converted to PDF.

- :mod:`.fmt` — Indonesian formatting filters (``tanggal_panjang``, ``jam``, ``rupiah``,
  ``terbilang``, ``romawi``, ``label``, ``utuh``); pure functions.
- :mod:`.engine` — the letter kinds (``KINDS``), template lookup (workspace copy first), strict
  rendering to bytes, template checks and the list of template variables.
- :mod:`.sandbox` — what a template may do (Jinja's sandbox, made stricter) and for how long
  (``BATAS_*``): the limits an office-edited template renders under.
- :mod:`.pdf` — conversion with LibreOffice (``soffice --headless``), when installed.
- :mod:`.build_templates` — ``python -m ppidctl.letters.build_templates`` regenerates the
  built-in templates in ``templates/``.

Nothing here imports docxtpl or python-docx at import time; they load on first use.
"""
