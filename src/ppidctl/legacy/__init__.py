"""Reading legacy registers: the Excel/LibreOffice/CSV books offices kept before ppidctl.

:mod:`.reader` finds the register table in a sheet or CSV (title rows, two-row merged headers, a
table starting in column B, totals and signature lines below it), matches its headers to the
schema and streams :class:`~.reader.SourceRow` objects; :mod:`.values` parses single cells
(dates, NIKs, phone numbers, decision and reason wording). Importing into the workspace —
numbering, duplicates, the all-or-nothing write — is the service layer's job on top of this.
"""
