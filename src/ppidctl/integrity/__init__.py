"""Integrity you can prove: the journal's hash chain checked, the registers checked against it
and against the rules, repairs that go through the journal, and dated backups.

``check(ws)`` → :class:`Analysis` (``.problems``: every :class:`Problem`, ``file:line: …``);
``restore`` (``ppidctl pulihkan``), ``accept`` (``periksa --terima-perubahan``),
``fix_deadlines`` (``periksa --perbaiki-tenggat``), ``archive`` (``ppidctl arsip``), ``anchor``
(``periksa --jangkar``).
"""

from __future__ import annotations

from . import anchor
from .archive import archive
from .check import Analysis, check
from .model import Problem
from .repair import Outcome, accept, fix_deadlines, restore

__all__ = [
    "Analysis",
    "Outcome",
    "Problem",
    "accept",
    "anchor",
    "archive",
    "check",
    "fix_deadlines",
    "restore",
]
