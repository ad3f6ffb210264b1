"""Read a commune data file as district offices send it: a CSV exported from Excel.

What real files do, and what this reader does about it:

- UTF-8 with or without a byte-order mark: both read. Any other encoding (Excel's
  'CSV' in a Windows code page, UTF-16 'Unicode text') is refused with the line and
  column of the first byte that is not UTF-8.
- ',' or ';' (Vietnamese Excel's default) between cells, or a tab; Excel's 'sep=;'
  first line is honoured. The separator is decided on the header line: the one
  that splits it into known column names. When two separators do equally well,
  the file is refused rather than guessed.
- Vietnamese or canonical headers, any case, spacing and accents
  (``ntmplan.communes.columns``); columns in any order; unknown columns ignored
  (and reported).
- Every cell is read as text (``dtype=str``, no 'NA' guessing), stripped of stray
  spaces, then parsed by its column's kind (``ntmplan.communes.values``).
- Blank lines, such as the trailing rows Excel leaves, are dropped; every row keeps
  its line in the file, also when a quoted cell spans lines.

A file that cannot be read at all (missing, not UTF-8, empty, no header line)
raises ``InputError``; everything else is kept and reported by the data rules
(``ntmplan/rules/data``) through ``ntmplan.communes.validate.validate_data``.
Parsing is vectorised, so a national file of a million rows takes seconds.
"""

from __future__ import annotations

import csv
import io
import re

import numpy as np
import pandas as pd

from ntmplan.communes.columns import BY_NAME, NAMES, match_header
from ntmplan.communes.data import CommuneData, DuplicateColumn, UnusedColumn
from ntmplan.communes.reference import load_reference
from ntmplan.communes.values import (
    clean_cells,
    read_codes,
    read_flags,
    read_integers,
    read_text,
)
from ntmplan.errors import InputError
from ntmplan.errors import read_text as read_file_text
from ntmplan.i18n import N_, _, translate
from ntmplan.model.plan import Plan

SEPARATORS = {",": N_("comma ','"), ";": N_("semicolon ';'"), "\t": N_("tab")}
_EXCEL_SEP_LINE = re.compile(r'^\s*"?sep=(.)"?\s*$', re.IGNORECASE)
_EMPTY_DTYPES = {"code": "string", "text": "string", "flag": "boolean", "year": "Int64", "count": "Int64"}


def read_round(sources: list[str], plan: Plan | None = None, sheet: str | None = None) -> CommuneData:
    """A review round as the districts send it, read as one table of communes.

    For now one CSV file; several files, folders and workbooks (``sheet``) are
    refused with a message rather than half-read.
    """
    if len(sources) != 1 or sheet is not None:
        raise InputError(", ".join(sources), _("only one CSV file of communes can be read at a time"),
                         expected=_("one CSV file"))
    return read_communes(sources[0], plan)


def read_communes(file: str, plan: Plan | None = None) -> CommuneData:
    """Read a commune data file; raises ``InputError`` only when it cannot be read at all.

    ``plan`` (a ``Plan`` or a loaded plan) is kept on the result for the data rules
    that compare the file with it (the number of communes, the group sizes).
    """
    if plan is not None and not isinstance(plan, Plan) and hasattr(plan, "plan"):
        plan = plan.plan
    text = _read_text(file)
    header_line, separator, body = _find_header(file, text)
    table = _parse(file, body, separator, header_line)
    lines = _record_lines(table, header_line, has_quotes='"' in body)
    header = [str(h) for h in table.iloc[0].fillna("")]
    cells, filled, lines = _data_cells(table.iloc[1:], lines[1:])
    columns, headers, unused, duplicates = _map_header(header, cells, filled, lines)
    frame, raw, unreadable, short_codes = _parse_columns(cells, columns)
    return CommuneData(
        file=file,
        frame=frame,
        lines=lines,
        columns=columns,
        headers=headers,
        raw=raw,
        unreadable=unreadable,
        short_codes=short_codes,
        separator=separator,
        header_line=header_line,
        plan=plan,
        reference=load_reference(),
        unused_columns=unused,
        duplicate_columns=duplicates,
    )


def _read_text(file: str) -> str:
    text = read_file_text(file, "a CSV file of communes")
    if not text.strip():
        raise InputError(
            file,
            _("the file is empty"),
            line=1,
            expected=_("a header line naming the columns, then one line per commune"),
            found=_("no text at all") if not text else _("only blank lines"),
        )
    return text


def _first_line(text: str) -> str:
    return text.split("\n", 1)[0].rstrip("\r")


def _find_header(file: str, text: str) -> tuple[int, str, str]:
    """(line of the header, separator, text from the header on), refusing what is not a header."""
    header_line, body = 1, text
    first = _first_line(text)
    excel = _EXCEL_SEP_LINE.match(first)
    if excel:
        header_line, body = 2, text.split("\n", 1)[1] if "\n" in text else ""
        first = _first_line(body)
    if not first.strip():
        raise InputError(
            file,
            _("the header line is blank"),
            line=header_line,
            expected=_("the column names on the first line (code, name, … or Mã xã, Tên xã, …)"),
            found=_("an empty line"),
        )
    if excel:
        separator = excel.group(1)
        if _known_columns(first, separator) == 0:
            raise _no_header(file, header_line, first)
        return header_line, separator, body

    candidates = {sep: _known_columns(first, sep) for sep in SEPARATORS if len(_split(first, sep)) > 1}
    if not candidates:
        candidates = {",": _known_columns(first, ",")}
    best = max(candidates.values())
    winners = [sep for sep, known in candidates.items() if known == best]
    if best == 0:
        raise _no_header(file, header_line, first)
    if len(winners) > 1:
        names = _(" and ").join(translate(SEPARATORS[sep]) for sep in winners)
        raise InputError(
            file,
            _("cannot tell which character separates the columns: the header line splits as well on {names}").format(
                names=names
            ),
            line=header_line,
            expected=_("a header line whose column names are separated by ',' or by ';' (but not both)"),
            found=_shorten(first),
        )
    return header_line, winners[0], body


def _split(line: str, separator: str) -> list[str]:
    return next(csv.reader([line], delimiter=separator), [])


def _known_columns(line: str, separator: str) -> int:
    return len({match_header(cell) for cell in _split(line, separator)} - {None})


def _no_header(file: str, line: int, first: str) -> InputError:
    return InputError(
        file,
        _("the first line is not a header: none of its cells names a column of commune data"),
        line=line,
        expected=_("column names such as code, name, c01 … c19 (or Mã xã, Tên xã, TC1 … TC19)"),
        found=_shorten(first),
    )


def _shorten(text: str, limit: int = 80) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _parse(file: str, body: str, separator: str, header_line: int) -> pd.DataFrame:
    """Every record as text cells (row 0 is the header), padded to the widest record."""
    options = dict(
        sep=separator, header=None, dtype=str, keep_default_na=False, na_filter=False,
        skip_blank_lines=False, quotechar='"', engine="c",
    )
    try:
        return pd.read_csv(io.StringIO(body), **options)  # na_filter=False: no missing cells to fill
    except pd.errors.ParserError:
        pass  # a record wider than the header: read again with room for the widest line
    except pd.errors.EmptyDataError:
        return pd.DataFrame([[""]])
    widest = int(pd.Series(body.split("\n")).str.count(re.escape(separator)).max()) + 1
    try:
        return pd.read_csv(io.StringIO(body), names=range(widest), **options).fillna("")
    except pd.errors.ParserError as exc:
        raise _not_csv(file, body, separator, header_line, str(exc)) from None


def _not_csv(file: str, body: str, separator: str, header_line: int, reason: str) -> InputError:
    """The C parser's complaint, told with the line it is about."""
    reason = reason.replace("Error tokenizing data. C error: ", "").strip()
    quote = re.search(r"EOF inside string starting at row (\d+)", reason)
    if quote:
        record = int(quote.group(1))  # 0-based record of the body; the header is record 0
        lines = body.split("\n")
        text = lines[record].rstrip("\r") if record < len(lines) else ""
        return InputError(
            file,
            _("a quote (\") opens a cell that is never closed, so the rest of the file would be one cell"),
            line=header_line + record,
            expected=_("a closing quote after the cell's text, or no quote at all"),
            found=_shorten(text),
        )
    line = re.search(r"line (\d+)", reason)
    return InputError(
        file,
        _("the file cannot be read as CSV"),
        line=header_line - 1 + int(line.group(1)) if line else None,
        expected=_("cells separated by {separator} with balanced quotes").format(
            separator=translate(SEPARATORS[separator]) if separator in SEPARATORS else repr(separator)
        ),
        found=reason,
    )


def _record_lines(table: pd.DataFrame, header_line: int, has_quotes: bool) -> np.ndarray:
    """1-based line of each record; a quoted cell holding line breaks pushes the next ones down."""
    lines = header_line + np.arange(len(table), dtype=np.int64)
    if has_quotes and len(table):
        breaks = sum(table[column].str.count("\n").to_numpy(dtype=np.int64) for column in table.columns)
        lines = lines + np.concatenate([[0], np.cumsum(breaks)[:-1]])
    return lines


def _data_cells(records: pd.DataFrame, lines: np.ndarray) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """The cells below the header, stripped, without blank lines; which cells hold a value; their lines."""
    cleaned = [clean_cells(records[column]) for column in records.columns]
    cells = pd.DataFrame({i: series for i, (series, _) in enumerate(cleaned)}).reset_index(drop=True)
    filled = np.column_stack([holds for _, holds in cleaned])
    keep = filled.any(axis=1)
    if not keep.all():  # blank lines, such as the trailing rows Excel leaves
        return cells[keep].reset_index(drop=True), filled[keep], lines[keep]
    return cells, filled, lines


def _map_header(
    header: list[str], cells: pd.DataFrame, filled: np.ndarray, lines: np.ndarray
) -> tuple[dict[str, int], dict[str, str], list[UnusedColumn], list[DuplicateColumn]]:
    columns: dict[str, int] = {}
    headers: dict[str, str] = {}
    unused: list[UnusedColumn] = []
    duplicates: list[DuplicateColumn] = []
    for index in range(len(cells.columns)):
        written = " ".join(header[index].split()) if index < len(header) else ""
        number = index + 1
        name = match_header(written)
        if name is None:
            holding = np.flatnonzero(filled[:, index])
            if written or len(holding):
                unused.append(UnusedColumn(number, written, int(lines[holding[0]]) if len(holding) else None))
        elif name in columns:
            duplicates.append(DuplicateColumn(name, number, written, columns[name], headers[name]))
        else:
            columns[name] = number
            headers[name] = written
    return columns, headers, unused, duplicates


def _parse_columns(
    cells: pd.DataFrame, columns: dict[str, int]
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.Series]:
    size = len(cells)
    parsed: dict[str, pd.Series] = {}
    raw: dict[str, pd.Series] = {}
    bad: dict[str, pd.Series] = {}
    short_codes = pd.Series(False, index=cells.index)
    for name in NAMES:
        kind = BY_NAME[name].kind
        if name not in columns:
            parsed[name] = pd.Series(pd.NA, index=cells.index, dtype=_EMPTY_DTYPES[kind])
            continue
        series = cells.iloc[:, columns[name] - 1]
        raw[name] = series
        if kind == "code":
            parsed[name], bad[name], short_codes = read_codes(series)
        elif kind == "text":
            parsed[name] = read_text(series)
            bad[name] = pd.Series(False, index=cells.index)
        elif kind == "flag":
            parsed[name], bad[name] = read_flags(series)
        else:
            parsed[name], bad[name] = read_integers(series)
    frame = pd.DataFrame(parsed, index=pd.RangeIndex(size))
    return (
        frame,
        pd.DataFrame(raw, index=pd.RangeIndex(size)),
        pd.DataFrame(bad, index=pd.RangeIndex(size), dtype=bool),
        short_codes,
    )
