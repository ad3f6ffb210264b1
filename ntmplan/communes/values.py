"""Reading the cells of one column: codes, text, yes/no flags and whole numbers.

Each reader takes the column's cells as written (already stripped) and returns
the parsed values and a mask of the cells it could not read. Nothing is
guessed: a cell that is not one of the accepted spellings becomes missing
(``<NA>``) and is marked, and the data rules report it with its line and column.

All of it is vectorised: a column is read by handling each of its *distinct*
spellings once (a column of a million '1'/'0' cells has two) and spreading the
results back by each cell's index among them, never row by row. A CSV file's
columns arrive as categoricals, whose categories are those spellings already.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

from ntmplan.communes.columns import CODE_DIGITS, NO, YES
from ntmplan.text import fold

_FLAGS: dict[str, bool] = {fold(word): True for word in YES} | {fold(word): False for word in NO}
_INTEGER = re.compile(r"\d{1,9}")
_CODE = re.compile(r"\d{1,%d}" % CODE_DIGITS)
_FEW_SPELLINGS = 4  # a mask set by this many spellings at most is made by comparing codes (``_mask``)


def spellings(series: pd.Series) -> tuple[np.ndarray, list[str]]:
    """Each cell's index among the column's distinct spellings, and those spellings (a missing cell is '').

    Index -1 (a categorical's missing cell) points at the last spelling, which is then ''.
    """
    if isinstance(series.dtype, pd.CategoricalDtype):
        return series.cat.codes.to_numpy(), [str(value) for value in series.cat.categories] + [""]
    codes, uniques = pd.factorize(series, use_na_sentinel=False)
    return codes, ["" if value is None or value != value else str(value) for value in uniques]


def _spread(codes: np.ndarray, values: list, dtype) -> np.ndarray:
    """One value per distinct spelling, spread back to every cell.

    ``np.take`` gathers by a categorical's small integer codes twice as fast as
    indexing, which first widens them; like indexing, it reads -1 (a missing cell)
    as the last spelling.
    """
    if not len(values):
        return np.zeros(len(codes), dtype=dtype)
    return np.take(np.array(values, dtype=dtype), codes)


def _mask(codes: np.ndarray, flags: list[bool]) -> np.ndarray:
    """``_spread`` for a yes/no answer per spelling: which cells' spellings answer yes.

    Most masks are set by few spellings (a column's '1'; its blank and its header;
    often none): the codes are compared with theirs, a twentieth of the time of a
    gather over a million cells.
    """
    chosen = [index for index, flag in enumerate(flags) if flag]
    if len(chosen) > _FEW_SPELLINGS:
        return _spread(codes, flags, bool)
    mask = np.zeros(len(codes), dtype=bool)
    for index in chosen:
        mask |= codes == index
        if index == len(flags) - 1:
            mask |= codes < 0
    return mask


def _spread_text(codes: np.ndarray, values: list[str | None]) -> pd.api.extensions.ExtensionArray:
    """``_spread`` into a string array: the few distinct values are made text (None missing) once, then gathered;
    a million cells are not checked one by one."""
    return pd.array(values, dtype="string").take(codes)


def _distinct(codes: np.ndarray, read: list) -> tuple[np.ndarray, list[str]]:
    """Each cell's index among the distinct values read (-1 where none was), and those values, in no set order.

    Two spellings may read as one value ('6004' and '06004'): the rules that compare
    values with the official list then judge each value once (``CommuneData.distinct``).
    """
    index: dict[str, int] = {}
    numbers = [-1 if value is None else index.setdefault(value, len(index)) for value in read]
    return _spread(codes, numbers, np.intp), list(index)


def clean_cells(series: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """Cells as a person means them: stray spaces (also non-breaking) removed at both ends.

    The cells stay categorical (a million cells of a column share its few spellings);
    also returns which cells hold something, for finding blank lines without a second pass.
    """
    codes, written = spellings(series)
    stripped = np.array([value.strip() for value in written], dtype=object)
    if isinstance(series.dtype, pd.CategoricalDtype) and codes.min(initial=0) >= 0 and list(stripped) == written:
        # nothing to strip, as in most files: the categories stay, and only the empty one tells blank cells
        cells = pd.Categorical.from_codes(codes, categories=pd.Index(written[:-1], dtype=object))
        empty = written.index("")
        holds = codes != empty if empty < len(written) - 1 else codes >= 0
        return pd.Series(cells, index=series.index, copy=False), holds
    merged, kept = pd.factorize(stripped) if len(stripped) else (np.zeros(0, dtype=np.intp), stripped)
    cells = pd.Categorical.from_codes(_spread(codes, merged, np.intp), categories=pd.Index(kept, dtype=object))
    return pd.Series(cells, index=series.index, copy=False), _mask(codes, [value != "" for value in stripped])


def read_text(series: pd.Series) -> tuple[pd.Series, tuple[np.ndarray, list[str]]]:
    """Names: inner runs of spaces collapsed, Unicode composed (NFC); empty cells missing. And their distinct values."""
    codes, written = spellings(series)
    tidy = [unicodedata.normalize("NFC", " ".join(value.split())) or None for value in written]
    return pd.Series(_spread_text(codes, tidy), index=series.index, copy=False), _distinct(codes, tidy)


def read_flags(series: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Yes/no cells as nullable booleans, and the mask of cells that are neither."""
    codes, written = spellings(series)
    read = [_FLAGS.get(fold(value)) for value in written]
    values = _mask(codes, [bool(flag) for flag in read])
    unknown = _mask(codes, [flag is None for flag in read])
    flags = pd.Series(pd.arrays.BooleanArray(values, unknown), index=series.index, copy=False)
    return flags, pd.Series(unknown, index=series.index)  # a copy: the flags' mask changes when a cell is unknown


def read_integers(series: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Whole numbers written with digits only ('2016', '3'); empty cells are missing.

    '3.0' or '1.000' is not read: in Vietnamese '1.000' is a thousand, so a point
    is never guessed to be a decimal or a thousands separator.
    """
    codes, written = spellings(series)
    digits = [bool(_INTEGER.fullmatch(value)) for value in written]
    numbers = pd.to_numeric(pd.Series([value if ok else None for value, ok in zip(written, digits)], dtype=object),
                            errors="coerce").astype("Int64")
    values = pd.arrays.IntegerArray(_spread(codes, list(numbers.fillna(0)), np.int64),
                                    _mask(codes, list(numbers.isna())))
    bad = _mask(codes, [value != "" and not ok for value, ok in zip(written, digits)])
    return pd.Series(values, index=series.index, copy=False), pd.Series(bad, index=series.index, copy=False)


def read_codes(series: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series, tuple[np.ndarray, list[str]]]:
    """Commune codes as 5-digit strings.

    Returns the codes, the mask of unreadable cells (empty, not digits, more than
    5 digits), the mask of codes written with fewer digits (Excel drops the
    leading zero of '05986' when the column is formatted as a number: those are
    read with the zeros put back, and reported, never silently), and the distinct codes.
    """
    codes, written = spellings(series)
    parsed = [_code(value) for value in written]
    bad = [code is None for code in parsed]
    short = [not unreadable and len(value) < CODE_DIGITS for value, unreadable in zip(written, bad)]
    return (pd.Series(_spread_text(codes, parsed), index=series.index, copy=False),
            pd.Series(_mask(codes, bad), index=series.index, copy=False),
            pd.Series(_mask(codes, short), index=series.index, copy=False), _distinct(codes, parsed))


def _code(value: str) -> str | None:
    return value.zfill(CODE_DIGITS) if _CODE.fullmatch(value) else None
