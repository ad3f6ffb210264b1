"""Commune data: the canonical columns, the official commune list, and the reader.

``read_round(sources, plan)`` reads a review round (``read_communes(file, plan)``
one file) into a ``CommuneData``, which the data rules (scope ``data``) judge.

The reader needs pandas; the column definitions (``columns``) do not, so the rule
modules can describe themselves without it. Hence the lazy exports below:
``ntmplan validate`` never imports pandas.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ntmplan.communes.data import CommuneData
    from ntmplan.communes.reader import read_communes, read_round

__all__ = ["CommuneData", "read_communes", "read_round"]


def __getattr__(name: str):
    if name == "CommuneData":
        from ntmplan.communes.data import CommuneData

        return CommuneData
    if name in ("read_communes", "read_round"):
        from ntmplan.communes import reader

        return getattr(reader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
