"""One file of commune data as read: the parsed table and where everything was in the file."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ntmplan.communes.columns import CRITERION_COLUMNS, column_letter
from ntmplan.i18n import _
from ntmplan.model.plan import Plan


@dataclass(frozen=True)
class UnusedColumn:
    """A column of the file that is not one of the canonical columns; its cells are ignored."""

    number: int  # 1-based column number in the file
    header: str  # as written; empty for a column without a header
    first_line: int | None  # first line with a value in it, if any


@dataclass(frozen=True)
class DuplicateColumn:
    """A second header for a canonical column already found; the first one is used."""

    name: str
    number: int
    header: str
    first_number: int
    first_header: str


@dataclass
class CommuneData:
    """A commune data file, read.

    ``frame`` has every canonical column (``ntmplan.communes.columns.NAMES``) in
    that order, whether the file has it or not (a missing column is all ``<NA>``),
    one row per non-blank line, indexed 0..n-1. Types: ``code``, ``name``,
    ``district_code``, ``district`` are strings; the flags and ``c01`` … ``c19``
    nullable booleans; ``ntm_year``, ``advanced_criteria`` and ``model_areas``
    ``Int64``. A cell that could not be read is ``<NA>`` and marked in
    ``unreadable``.
    """

    file: str
    frame: pd.DataFrame = field(repr=False)
    lines: np.ndarray = field(repr=False)  # 1-based line in the file of each frame row
    columns: dict[str, int]  # canonical column -> 1-based column number in the file
    headers: dict[str, str]  # canonical column -> its header as written
    raw: pd.DataFrame = field(repr=False)  # the cells of each column found, as written (stripped), aligned with frame
    unreadable: pd.DataFrame = field(repr=False)  # True where a non-empty cell could not be read (columns found only)
    short_codes: pd.Series = field(repr=False)  # True where a code was written with fewer than 5 digits
    separator: str
    header_line: int
    plan: Plan | None = field(default=None, repr=False)
    reference: pd.DataFrame | None = field(default=None, repr=False)  # the official list (communes.reference)
    unused_columns: list[UnusedColumn] = field(default_factory=list)
    duplicate_columns: list[DuplicateColumn] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.frame)

    @property
    def missing_columns(self) -> list[str]:
        """Canonical columns the file does not have, in canonical order."""
        return [name for name in self.frame.columns if name not in self.columns]

    def line(self, row: int) -> int:
        """1-based line of the file holding frame row ``row``."""
        return int(self.lines[row])

    def where(self, name: str) -> str:
        """'column F (Xã biên giới)' for a canonical column found in the file."""
        number = self.columns.get(name)
        if number is None:
            return _("column {name}").format(name=name)
        header = self.headers[name]
        label = f"'{header}'" if header != name else name
        return _("column {letter} ({header})").format(letter=column_letter(number), header=label)

    def commune(self, row: int) -> str:
        """How a message names the commune of a row: 'Xã Hoàng Đồng (05986)', or its line."""
        code = self.frame.at[row, "code"]
        name = self.frame.at[row, "name"]
        if pd.isna(code):
            return _("the commune on line {line}").format(line=self.line(row))
        return f"{name} ({code})" if not pd.isna(name) else _("commune {code}").format(code=code)


def criteria_met(frame: pd.DataFrame) -> pd.DataFrame:
    """Communes × the 19 criteria as plain booleans; a missing or unreadable cell counts as not met.

    The one definition of 'meets a criterion' and, through ``at_standard``, of a
    commune at the NTM standard: the evaluation of ``check`` and the data rules
    both use it. A criterion column the frame lacks counts as not met anywhere.
    """
    present = [column for column in CRITERION_COLUMNS if column in frame.columns]
    matrix = frame[present].fillna(False).astype(bool) if present else pd.DataFrame(index=frame.index)
    for column in CRITERION_COLUMNS:
        if column not in matrix.columns:
            matrix[column] = False
    return matrix[list(CRITERION_COLUMNS)]


def at_standard(frame: pd.DataFrame) -> pd.Series:
    """Rows whose 19 criteria are all read and all met."""
    return criteria_met(frame).all(axis=1)
