"""Stated figures and the arithmetic a person expects of them.

A share written '29,5%' claims one decimal: it agrees with its count when the
exact share, rounded half-up to one decimal, is 29.5. The tolerance is half a
unit of the last stated digit. How a figure was written is therefore part of
the figure: ``Stated`` is a float that remembers its written decimals, set by
the YAML loader from the text ('29.50' has two) and kept by the plan model, so
no rule has to go back to the file to learn it. Decimal arithmetic keeps 64.25
from becoming 64.2499999 on the way.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, getcontext

getcontext().prec = 28


def decimals(raw: str | None) -> int:
    """Decimal places a number was written with ('28.99' -> 2, '60' -> 0)."""
    if not raw or "." not in raw:
        return 0
    fraction = raw.strip().split(".", 1)[1]
    return len(fraction.split("e")[0].split("E")[0])


class Stated(float):
    """A figure as the source states it: its value and the decimals it was written with.

    ``Stated(29.5, 2)`` is '29.50'. It is a float everywhere else (sums, JSON).
    """

    __slots__ = ("places",)

    def __new__(cls, value: float, places: int = 0) -> "Stated":
        figure = float.__new__(cls, value)
        figure.places = places
        return figure

    def __reduce__(self):
        return Stated, (float(self), self.places)


def places_of(value: float | int | None) -> int:
    """The written decimals of ``value``: a ``Stated`` knows them; any other number is taken as written."""
    if isinstance(value, Stated):
        return value.places
    if value is None or isinstance(value, int):
        return 0
    return decimals(repr(float(value)).removesuffix(".0") if float(value).is_integer() else repr(float(value)))


def exact(value: float | int) -> Decimal:
    """A stated figure as the decimal it was written as (495.1, not 495.09999...)."""
    return Decimal(str(float(value))) if isinstance(value, float) else Decimal(str(value))


def half_unit(value: float | int) -> Decimal:
    """Half a unit of the last digit written: 21.7 -> 0.05, 365 -> 0.5."""
    return Decimal(5) / Decimal(10) ** (places_of(value) + 1)


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


def check_share(part: float | int, whole: float | int, stated: float) -> ShareCheck:
    """Compare ``stated`` with 100 * part / whole at the precision ``stated`` was written with."""
    places = places_of(stated)
    computed = exact(part) * 100 / exact(whole)
    rounded = computed.quantize(Decimal(1) / Decimal(10) ** places, rounding=ROUND_HALF_UP)
    return ShareCheck(computed=computed, rounded=rounded, stated=exact(stated), places=places)


def show(value: Decimal | float, places: int = 2) -> str:
    """A figure for a message: at most ``places`` decimals, no trailing zeros."""
    text = f"{Decimal(str(value)):.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
