"""From the cells under a header to typed commune rows: shared by CSV files and workbook sheets.

The cells arrive as text, one record per row with its line (or sheet row);
the header's texts name the columns. Blank rows are dropped; a row of column
numbers right under the header, a 'Tổng cộng' row and what follows the table
(signatures, the place and date) are set aside and reported, never read as
communes; every other cell is parsed by its column's kind, vectorised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ntmplan.communes.columns import (
    BY_NAME,
    NAMES,
    ROW_NUMBER_KEYS,
    header_key,
    match_header,
)
from ntmplan.communes.data import DuplicateColumn, SkippedRows, Source, UnusedColumn
from ntmplan.communes.header import column_numbers
from ntmplan.communes.values import (
    clean_cells,
    read_codes,
    read_flags,
    read_integers,
    read_text,
)
from ntmplan.text import fold

# Bounds on what a table of communes can be, so that a hostile file is refused before it costs
# minutes or gigabytes: a commune table has some thirty columns (a workbook at most 16,384), and
# Excel holds at most 32,767 characters in a cell.
MAX_COLUMNS = 1_000
MAX_CELL = 32_767
_EMPTY_DTYPES = {"code": "string", "text": "string", "flag": "boolean", "year": "Int64", "count": "Int64"}
_TOTAL = re.compile(r"^(?:tong|cong|toan huyen|toan tinh|toan thanh pho)\b")
_FLAGS = [column.name for column in BY_NAME.values() if column.kind == "flag"]
_NUMBERS = [column.name for column in BY_NAME.values() if column.kind in ("year", "count")]


@dataclass
class Part:
    """One source's cells under its header, stripped, blank rows dropped; not typed yet."""

    source: Source
    cells: pd.DataFrame  # every column of the file, by position
    lines: np.ndarray
    widths: np.ndarray | None  # cells of each row of a CSV file; None for a workbook


@dataclass
class Typed:
    """The rows of every part, typed, in part order: what ``CommuneData`` holds."""

    frame: pd.DataFrame
    raw: pd.DataFrame
    unreadable: pd.DataFrame
    absent: pd.DataFrame
    short_codes: pd.Series
    lines: np.ndarray
    origin: np.ndarray
    distinct: dict[str, tuple[np.ndarray, list[str]]]  # of the code and text columns: ``CommuneData.distinct``


def read_records(
    source: Source, header: list[str], records: pd.DataFrame, lines: np.ndarray, widths: np.ndarray | None = None
) -> Part:
    """The ``records`` (text cells under the header, one per row, at ``lines``) of ``source``, tidied.

    ``widths`` is the number of cells each record had in a CSV file, so that the
    cells a short row lacks are told apart from empty ones. Fills in ``source``'s
    columns and headers.
    """
    cells, filled, lines, widths = _data_cells(records, lines, widths)
    source.columns, source.headers, source.unused_columns, source.duplicate_columns = _map_header(
        header, cells, filled, lines
    )
    return Part(source, cells, lines, widths)


def type_parts(parts: list[Part]) -> Typed:
    """Type the cells of every part at once, one pass per column for the whole round.

    A column a part does not have is unknown on its rows, and so is a cell a short row
    lacks: never 'no'. Then the rows that are not communes are set aside, part by part.
    """
    raws = [_canonical(part) for part in parts]
    raw = raws[0] if len(raws) == 1 else pd.concat(raws, ignore_index=True)
    frame, unreadable, short_codes, distinct = _parse_columns(raw)
    absents = [_absent(part.widths, part.source.columns, len(part.cells)) for part in parts]
    absent = absents[0] if len(absents) == 1 else pd.concat(absents, ignore_index=True).fillna(False).astype(bool)
    for name in raw.columns:  # unknown: a cell its part's row lacks, or a column its part lacks
        rows = absent[name].to_numpy() if name in absent.columns else np.zeros(len(raw), dtype=bool)
        if len(raws) > 1:
            rows = rows | raw[name].isna().to_numpy()
        if rows.any():
            frame.loc[rows, name] = pd.NA
            unreadable.loc[rows, name] = False
            if name == "code":
                short_codes[rows] = False
            if name in distinct:
                distinct[name][0][rows] = -1
    lines = np.concatenate([part.lines for part in parts]) if parts else np.zeros(0, dtype=np.int64)
    origin = np.repeat(np.arange(len(parts)), [len(part.cells) for part in parts])
    keep = np.ones(len(frame), dtype=bool)
    start = 0
    for part in parts:
        stop = start + len(part.cells)
        keep[start:stop], part.source.skipped = _set_aside(part.cells, frame.iloc[start:stop], part.lines)
        part.source.rows = int(keep[start:stop].sum())
        start = stop
    if not keep.all():
        frame, raw, unreadable, absent = (table[keep].reset_index(drop=True) for table in (frame, raw, unreadable, absent))
        short_codes, lines, origin = short_codes[keep].reset_index(drop=True), lines[keep], origin[keep]
        distinct = {name: (cells[keep], values) for name, (cells, values) in distinct.items()}
    return Typed(frame, raw, unreadable, absent, short_codes, lines, origin, distinct)


def _canonical(part: Part) -> pd.DataFrame:
    """A part's cells under the canonical names of the columns it has ('' under a header with no cells)."""
    width = len(part.cells.columns)
    index = pd.RangeIndex(len(part.cells))
    return pd.DataFrame({
        name: part.cells.iloc[:, number - 1] if number <= width else pd.Series("", index=index, dtype=object)
        for name, number in part.source.columns.items()
    }, index=index)


def _data_cells(
    records: pd.DataFrame, lines: np.ndarray, widths: np.ndarray | None
) -> tuple[pd.DataFrame, list[np.ndarray], np.ndarray, np.ndarray | None]:
    """The cells, stripped, without blank rows; which cells of each column hold a value; their lines and widths."""
    if not len(records.columns):
        return pd.DataFrame(index=pd.RangeIndex(0)), [], lines[:0], None
    cleaned = [clean_cells(records[column]) for column in records.columns]
    cells = pd.DataFrame({i: series.array for i, (series, _) in enumerate(cleaned)}, index=pd.RangeIndex(len(records)),
                         copy=False)
    filled = [holds for _, holds in cleaned]
    keep = np.logical_or.reduce(filled)
    if not keep.all():  # blank lines, such as the trailing rows Excel leaves
        return (cells[keep].reset_index(drop=True), [holds[keep] for holds in filled], lines[keep],
                widths[keep] if widths is not None else None)
    return cells, filled, lines, widths


def _map_header(
    header: list[str], cells: pd.DataFrame, filled: list[np.ndarray], lines: np.ndarray
) -> tuple[dict[str, int], dict[str, str], list[UnusedColumn], list[DuplicateColumn]]:
    columns: dict[str, int] = {}
    headers: dict[str, str] = {}
    unused: list[UnusedColumn] = []
    duplicates: list[DuplicateColumn] = []
    for index in range(max(len(cells.columns), len(header))):
        written = " ".join(header[index].split()) if index < len(header) else ""
        number = index + 1
        name = match_header(written)
        if name is None:
            holding = np.flatnonzero(filled[index]) if index < len(filled) else []
            if (written or len(holding)) and header_key(written) not in ROW_NUMBER_KEYS:
                unused.append(UnusedColumn(number, written, int(lines[holding[0]]) if len(holding) else None))
        elif name in columns:
            duplicates.append(DuplicateColumn(name, number, written, columns[name], headers[name]))
        else:
            columns[name] = number
            headers[name] = written
    return columns, headers, unused, duplicates


def _parse_columns(raw: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.Series, dict]:
    """Every canonical column typed by its kind (all ``<NA>`` where no file has it); cells not understood;
    the codes written too short; the distinct values of the code and text columns."""
    index = pd.RangeIndex(len(raw))
    parsed: dict[str, pd.Series] = {}
    bad: dict[str, pd.Series] = {}
    distinct: dict[str, tuple[np.ndarray, list[str]]] = {}
    short_codes = pd.Series(False, index=index)
    for name in NAMES:
        kind = BY_NAME[name].kind
        if name not in raw.columns:
            parsed[name] = pd.Series(pd.NA, index=index, dtype=_EMPTY_DTYPES[kind])
            continue
        series = raw[name]  # a missing cell (a part without the column) reads as an empty one
        if kind == "code":
            parsed[name], bad[name], short_codes, distinct[name] = read_codes(series)
        elif kind == "text":
            parsed[name], distinct[name] = read_text(series)
            bad[name] = pd.Series(False, index=index)
        elif kind == "flag":
            parsed[name], bad[name] = read_flags(series)
        else:
            parsed[name], bad[name] = read_integers(series)
    return (pd.DataFrame(parsed, index=index, copy=False), pd.DataFrame(bad, index=index, copy=False), short_codes,
            distinct)


def _absent(widths: np.ndarray | None, columns: dict[str, int], size: int) -> pd.DataFrame:
    """True where a row has fewer cells than the column's number: the cell is not there at all.

    No column when no row lacks a cell (a workbook's rows, or every line as long as the header).
    """
    if widths is None or not len(widths) or widths.min() >= max(columns.values(), default=0):
        return pd.DataFrame(index=pd.RangeIndex(size))
    return pd.DataFrame({name: widths < number for name, number in columns.items()}, index=pd.RangeIndex(size),
                        copy=False)


def _set_aside(cells: pd.DataFrame, frame: pd.DataFrame, lines: np.ndarray) -> tuple[np.ndarray, list[SkippedRows]]:
    """Rows that are not communes: column numbers under the header, totals, what follows the table."""
    keep = np.ones(len(frame), dtype=bool)
    skipped: list[SkippedRows] = []

    def set_aside(kind: str, rows: np.ndarray) -> None:
        if len(rows):
            keep[rows] = False
            skipped.append(SkippedRows(kind, tuple(int(lines[row]) for row in rows), _first_text(cells, rows[0])))

    if len(frame) and column_numbers(list(cells.iloc[0])):
        set_aside("numbers", np.array([0]))
    without_code = frame["code"].isna().to_numpy() & keep
    if not without_code.any() or without_code.all():
        return keep, skipped  # every row has a code, or no row has one (DA01, DA04 say why)
    candidates = np.flatnonzero(without_code)
    set_aside("total", np.array([row for row in candidates if _TOTAL.match(fold(_first_text(cells, row)))], dtype=int))
    last_code = int(np.flatnonzero(~frame["code"].isna().to_numpy())[-1])
    trailing = np.arange(last_code + 1, len(frame))
    trailing = trailing[keep[trailing]]
    if len(trailing):
        values = frame.iloc[trailing]
        holds = values[_FLAGS].fillna(False).astype(bool).any(axis=1) | values[_NUMBERS].notna().any(axis=1)
        set_aside("footer", trailing[~holds.to_numpy()])
    return keep, skipped


def _first_text(cells: pd.DataFrame, row: int) -> str:
    return next((str(value) for value in cells.iloc[row] if value), "")
