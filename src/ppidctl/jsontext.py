"""Indented JSON text of many records, one record at a time.

``json.dumps(rows, indent=2)`` of a 100,000-row register builds millions of small strings before
joining them (1.4 GB for a 33 MB register); encoding each record on its own gives the same text
(JSON never writes a raw line break inside a value) with one record's pieces alive at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any


def pieces(data: Any) -> Iterator[str]:
    """The text of ``json.dumps(data, ensure_ascii=False, indent=2)``, in pieces."""
    if not isinstance(data, list) or not data:
        yield json.dumps(data, ensure_ascii=False, indent=2)
        return
    yield "[\n"
    last = len(data) - 1
    for i, item in enumerate(data):
        text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        yield f"  {text}{',' if i < last else ''}\n"
    yield "]"
