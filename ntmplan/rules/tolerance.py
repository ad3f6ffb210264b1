"""Rounding the way a person reads a stated figure.

A share written '29,5%' claims one decimal: it agrees with its count when the
exact share, rounded half-up to one decimal, is 29.5. The tolerance is half a
unit of the last stated digit. Decimal arithmetic keeps 64.25 from becoming
64.2499999 on the way.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, getcontext

from ntmplan.text import decimals

getcontext().prec = 28


def exact(value: float | int) -> Decimal:
    """A stated figure as the decimal it was written as (495.1, not 495.09999...)."""
    return Decimal(str(value))


def half_unit(raw: str | None) -> Decimal:
    """Half a unit of the last digit written: '21.7' -> 0.05, '365' -> 0.5."""
    return Decimal(5) / Decimal(10) ** (decimals(raw) + 1)


@dataclass(frozen=True)
class ShareCheck:
    """A stated share compared with the share its figures imply."""

    computed: Decimal
    rounded: Decimal
    stated: Decimal
    places: int

    @property
    def agrees(self) -> bool:
        return self.rounded == self.stated

    @property
    def tolerance(self) -> float:
        return float(Decimal(5) / Decimal(10) ** (self.places + 1))


def check_share(part: float | int, whole: float | int, stated: float, raw: str | None) -> ShareCheck:
    """Compare ``stated`` (written as ``raw``) with 100 * part / whole at its precision."""
    places = decimals(raw)
    computed = exact(part) * 100 / exact(whole)
    rounded = computed.quantize(Decimal(1) / Decimal(10) ** places, rounding=ROUND_HALF_UP)
    return ShareCheck(computed=computed, rounded=rounded, stated=exact(stated), places=places)


def show(value: Decimal | float, places: int = 2) -> str:
    """A figure for a message: at most ``places`` decimals, no trailing zeros."""
    text = f"{Decimal(str(value)):.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
