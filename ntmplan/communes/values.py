"""Reading the cells of one column: codes, text, yes/no flags and whole numbers.

Each reader takes the column's cells as written (already stripped) and returns
the parsed values and a mask of the cells it could not read. Nothing is
guessed: a cell that is not one of the accepted spellings becomes missing
(``<NA>``) and is marked, and the data rules report it with its line and column.

All of it is vectorised: a flag column is read by folding each *distinct*
spelling once (a column of a million '1'/'0' cells has two), never row by row.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ntmplan.communes.columns import CODE_DIGITS, NO, YES
from ntmplan.text import fold

_FLAGS: dict[str, bool] = {fold(word): True for word in YES} | {fold(word): False for word in NO}
_INTEGER = re.compile(r"\d{1,9}")
_CODE = re.compile(r"\d{1,%d}" % CODE_DIGITS)


def _distinct(series: pd.Series, function) -> pd.Series:
    """Apply ``function`` to each distinct value once and spread the results back.

    Hashing a column (``factorize``) is C code; the Python function then runs once per
    distinct spelling, not once per row.
    """
    codes, uniques = pd.factorize(series, use_na_sentinel=False)
    mapped = np.empty(len(uniques), dtype=object)
    mapped[:] = [function(value) for value in uniques]
    return pd.Series(mapped[codes], index=series.index, dtype=object)


def clean_cells(series: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """Cells as a person means them: stray spaces (also non-breaking) removed at both ends.

    Also returns which cells hold something, for finding blank lines without a second pass.
    """
    codes, uniques = pd.factorize(series, use_na_sentinel=False)
    stripped = np.empty(len(uniques), dtype=object)
    stripped[:] = ["" if value is None or value != value else str(value).strip() for value in uniques]
    holds = np.array([value != "" for value in stripped], dtype=bool)
    return pd.Series(stripped[codes], index=series.index, dtype=object), holds[codes]


def read_text(series: pd.Series) -> pd.Series:
    """Names: inner runs of spaces collapsed, Unicode composed (NFC); empty cells missing."""
    tidy = _distinct(series, lambda value: " ".join(str(value).split()))
    text = tidy.astype("string").str.normalize("NFC")
    return text.mask(text == "")


def read_flags(series: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Yes/no cells as nullable booleans, and the mask of cells that are neither."""
    codes, uniques = pd.factorize(series, use_na_sentinel=False)
    read = [_FLAGS.get(fold(str(value))) for value in uniques]
    values = np.array([bool(flag) for flag in read], dtype=bool)[codes]
    unknown = np.array([flag is None for flag in read], dtype=bool)[codes]
    flags = pd.Series(pd.arrays.BooleanArray(values, unknown), index=series.index)
    return flags, pd.Series(unknown, index=series.index)


def read_integers(series: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Whole numbers written with digits only ('2016', '3'); empty cells are missing.

    '3.0' or '1.000' is not read: in Vietnamese '1.000' is a thousand, so a point
    is never guessed to be a decimal or a thousands separator.
    """
    digits = _distinct(series, lambda value: bool(_INTEGER.fullmatch(value))).astype(bool)
    bad = (series != "") & ~digits
    values = pd.to_numeric(series.where(digits), errors="coerce").astype("Int64")
    return values, bad


def read_codes(series: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Commune codes as 5-digit strings.

    Returns the codes, the mask of unreadable cells (empty, not digits, more than
    5 digits) and the mask of codes written with fewer digits: Excel drops the
    leading zero of '05986' when the column is formatted as a number. Those are
    read with the zeros put back, and reported, never silently.
    """
    parsed = _distinct(series, _code)
    codes = parsed.astype("string")
    bad = codes.isna().to_numpy()
    short = ~bad & (series.str.len() < CODE_DIGITS).to_numpy(dtype=bool)
    return codes, pd.Series(bad, index=series.index), pd.Series(short, index=series.index)


def _code(value: str) -> str | None:
    return value.zfill(CODE_DIGITS) if _CODE.fullmatch(value) else None
