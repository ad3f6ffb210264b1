"""Commune data: the canonical columns, the official commune list, and the reader.

``read_communes(file, plan)`` gives a ``CommuneData``; ``validate_data(data)``
(in ``ntmplan.communes.validate``) runs the data rules on it.

The reader needs pandas; the column definitions (``columns``) do not, so the rule
modules can describe themselves without it. Hence the lazy exports below:
``ntmplan validate`` never imports pandas.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ntmplan.communes.data import CommuneData
    from ntmplan.communes.reader import read_communes

__all__ = ["CommuneData", "read_communes"]


def __getattr__(name: str):
    if name == "CommuneData":
        from ntmplan.communes.data import CommuneData

        return CommuneData
    if name == "read_communes":
        from ntmplan.communes.reader import read_communes

        return read_communes
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
