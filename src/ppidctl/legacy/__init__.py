"""Reading legacy registers: the Excel/LibreOffice/CSV books offices kept before ppidctl.

:mod:`.reader` finds the register table in a sheet or CSV (title rows, two-row merged headers, a
table starting in column B, totals and signature lines below it), matches its headers to the
schema and streams :class:`~.reader.SourceRow` objects; :mod:`.values` parses single cells
(dates, NIKs, phone numbers, decision and reason wording); :mod:`.sheetxml` reads from a sheet's
XML what python-calamine does not tell (error cells, hidden rows, an .ods's merges), and
:mod:`.guard` refuses a file that would cost more to read than any register. Importing into the
workspace — numbering, duplicates, the all-or-nothing write — is the service layer's job on top
of this.
"""
