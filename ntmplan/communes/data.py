"""A round of commune data as read: one table of communes, and where every row and column came from.

A round is what the districts sent for one review: one file, or many (a folder of
district workbooks, several CSV files). It is read into one table, in the order
the files sort by path and then by row, and each row remembers its source (the
file and sheet), its line or row there, and each column its letter in that file,
so that every finding points to the cell a person has to open.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ntmplan.communes.columns import CRITERION_COLUMNS, NAMES, column_letter
from ntmplan.i18n import _
from ntmplan.model.plan import Plan

if TYPE_CHECKING:
    from ntmplan.communes.template import TemplateInfo


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


@dataclass(frozen=True)
class SkippedRows:
    """Rows under the header that are not communes and are not read.

    ``kind`` is ``numbers`` (the row of column numbers '(1) (2) (3) …' that many
    tables have under their header), ``total`` (a 'Tổng cộng' row) or ``footer``
    (what follows the table: signatures, the place and date).
    """

    kind: str
    lines: tuple[int, ...]
    text: str  # the first text of the first row, so that a person recognises it


@dataclass(frozen=True)
class DistrictClaim:
    """The district a file says it is for: by the template it was made from, or by its name."""

    code: str
    name: str
    how: str  # "template" or "name"


@dataclass
class Source:
    """One file of a round (one sheet, for a workbook) as read."""

    file: str
    sheet: str | None
    header_line: int  # 1-based line (row of the sheet) of the header; its first row when it has two
    columns: dict[str, int]  # canonical column -> 1-based column number in the file
    headers: dict[str, str]  # canonical column -> its header as written
    separator: str | None = None  # for a CSV file
    header_rows: int = 1
    unused_columns: list[UnusedColumn] = field(default_factory=list)
    duplicate_columns: list[DuplicateColumn] = field(default_factory=list)
    skipped: list[SkippedRows] = field(default_factory=list)
    district: DistrictClaim | None = None
    template: TemplateInfo | None = None
    other_sheets: list[str] = field(default_factory=list)  # sheets that look like commune data too, not read
    rows: int = 0

    @property
    def missing_columns(self) -> list[str]:
        """Canonical columns this file does not have, in canonical order."""
        return [name for name in NAMES if name not in self.columns]

    @property
    def label(self) -> str:
        """'data/bac-son.xlsx [Số liệu]', or the file alone for a CSV file."""
        return self.file if self.sheet is None else f"{self.file} [{self.sheet}]"

    def where(self, name: str) -> str:
        """'column F (Xã biên giới)' for a canonical column found in the file."""
        number = self.columns.get(name)
        if number is None:
            return _("column {name}").format(name=name)
        header = self.headers[name]
        label = f"'{header}'" if header != name else name
        return _("column {letter} ({header})").format(letter=column_letter(number), header=label)

    def at(self, **place: Any) -> dict[str, Any]:
        """The keyword arguments of a ``Problem`` located in this file: its file and sheet, and ``place``."""
        return {"file": self.file, "sheet": self.sheet, **place}


@dataclass
class CommuneData:
    """A round of commune data, read.

    ``frame`` has every canonical column (``ntmplan.communes.columns.NAMES``) in
    that order, whether the files have it or not (a missing column is all
    ``<NA>``), one row per commune line of every source, indexed 0..n-1, sources
    in sorted path order. Types: ``code``, ``name``, ``district_code``,
    ``district`` are strings; the flags and ``c01`` … ``c19`` nullable booleans;
    ``ntm_year``, ``advanced_criteria`` and ``model_areas`` ``Int64``. A cell that
    could not be read is ``<NA>`` and marked in ``unreadable``; a cell a short CSV
    row does not have at all is ``<NA>`` and marked in ``absent``.
    """

    file: str  # what was read, as the findings' summary names it: a file, a folder, or files
    frame: pd.DataFrame = field(repr=False)
    lines: np.ndarray = field(repr=False)  # 1-based line (or sheet row) of each frame row in its source
    origin: np.ndarray = field(repr=False)  # index in ``sources`` of each frame row
    sources: list[Source]
    raw: pd.DataFrame = field(repr=False)  # the cells of each column found, as written (stripped), aligned with frame
    unreadable: pd.DataFrame = field(repr=False)  # True where a non-empty cell could not be read (columns found only)
    absent: pd.DataFrame = field(repr=False)  # True where a short row has no cell for a column found
    short_codes: pd.Series = field(repr=False)  # True where a code was written with fewer than 5 digits
    plan: Plan | None = field(default=None, repr=False)
    reference: pd.DataFrame | None = field(default=None, repr=False)  # the official list (communes.reference)
    not_read: list[str] = field(default_factory=list)  # entries of a folder that are not data files
    # each column's ``distinct`` values, as the reader found them for the code and text columns or as asked for since
    distinct_found: dict[str, tuple[np.ndarray, list[str]]] = field(default_factory=dict, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.frame)

    def distinct(self, name: str) -> tuple[np.ndarray, list[str]]:
        """Each row's index among the distinct values of column ``name`` (-1 where it is missing), and those values.

        Found once per column and shared by the rules: a national file's million rows hold a few
        hundred codes and names, which a rule judges once each and spreads back to the rows,
        rather than comparing a million strings.
        """
        if name not in self.distinct_found:
            self.distinct_found[name] = distinct_values(self.frame[name])
        return self.distinct_found[name]

    @cached_property
    def official_list(self) -> pd.DataFrame:
        """The communes of the official list, indexed 0..n-1: what ``official_rows`` points at."""
        from ntmplan.communes.reference import COMMUNE_TYPE, load_reference

        reference = self.reference if self.reference is not None else load_reference()
        return reference[reference["type"] == COMMUNE_TYPE].reset_index(drop=True)

    @cached_property
    def official_rows(self) -> np.ndarray:
        """Each row's commune in ``official_list``, by its code (-1 where the code is none of its communes)."""
        position = {code: index for index, code in enumerate(self.official_list["code"])}
        cells, codes = self.distinct("code")
        return spread(cells, [position.get(code, -1) for code in codes], -1, np.intp)

    def official(self, row: int, column: str) -> Any:
        """The official list's ``column`` for the commune of frame row ``row`` (None when its code is none)."""
        listed = int(self.official_rows[row])
        return None if listed < 0 else self.official_list.at[listed, column]

    def official_column(self, column: str) -> np.ndarray:
        """The official list's ``column`` for the commune of every row (None where the code is none)."""
        return spread(self.official_rows, list(self.official_list[column]))

    @property
    def label(self) -> str:
        """What was read, for a heading: the file and the sheet found in it, or the folder or files."""
        if len(self.sources) == 1:
            return self.sources[0].label
        return self.file

    def has(self, name: str) -> bool:
        """Whether any file of the round has the canonical column ``name``."""
        return any(name in source.columns for source in self.sources)

    def source(self, row: int) -> Source:
        return self.sources[int(self.origin[row])]

    def line(self, row: int) -> int:
        """1-based line (or row of the sheet) holding frame row ``row`` in its file."""
        return int(self.lines[row])

    def column(self, name: str, row: int) -> int | None:
        """1-based column of ``name`` in the file of frame row ``row``."""
        return self.source(row).columns.get(name)

    def where(self, name: str, row: int) -> str:
        """'column F (Xã biên giới)' in the file of frame row ``row``."""
        return self.source(row).where(name)

    def at(self, row: int, name: str | None = None) -> dict[str, Any]:
        """Where a ``Problem`` about frame row ``row`` (and column ``name``) points: file, sheet, line, column."""
        column = self.column(name, row) if name is not None else None
        return self.source(row).at(line=self.line(row), column=column)

    def place(self, row: int, beside: int | None = None) -> str:
        """How a message names the line of ``row``: 'line 9', with its file when it is not that of ``beside``."""
        source = self.source(row)
        if len(self.sources) == 1 or (beside is not None and source is self.source(beside)):
            return _("line {line}").format(line=self.line(row))
        return _("{file} line {line}").format(file=source.label, line=self.line(row))

    def commune(self, row: int) -> str:
        """How a message names the commune of a row: 'Xã Hoàng Đồng (05986)', or its line."""
        code = self.frame.at[row, "code"]
        name = self.frame.at[row, "name"]
        if pd.isna(code):
            return _("the commune on line {line}").format(line=self.line(row))
        return f"{name} ({code})" if not pd.isna(name) else _("commune {code}").format(code=code)


def distinct_values(column: pd.Series) -> tuple[np.ndarray, list[str]]:
    """Each cell's index among the distinct values of ``column`` (-1 where it is missing), and those values."""
    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    return codes, [str(value) for value in uniques]


def spread(cells: np.ndarray, answers: list, missing: Any = None, dtype: Any = object) -> np.ndarray:
    """One answer for each distinct value (``distinct_values``), spread back to every row; ``missing`` where a
    row has none (-1)."""
    return np.array([*answers, missing], dtype=dtype)[cells]


def first_rows(cells: np.ndarray, values: int) -> tuple[np.ndarray, np.ndarray]:
    """Which rows repeat the value of an earlier row (a row without a value repeats none), and the first row of
    each of the ``values`` distinct values: the row a round counts, and the repeats it leaves out (DA07)."""
    known = cells >= 0
    repeat = pd.Series(cells).duplicated(keep="first").to_numpy() & known
    firsts = np.flatnonzero(known & ~repeat)
    first = np.zeros(values, dtype=np.intp)
    first[cells[firsts]] = firsts
    return repeat, first


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
