"""Read a commune data file exported from Excel as text: CSV, or 'Unicode text'.

What real files do, and what this reader does about it:

- UTF-8 with or without a byte-order mark, and UTF-16 with one (Excel's 'Unicode
  text', tab-separated): all read. Any other encoding (Excel's 'CSV' in a Windows
  code page) is refused with the line and column of the first byte that is not UTF-8.
- ',' or ';' (Vietnamese Excel's default) between cells, or a tab; Excel's 'sep=;'
  first line is honoured. The separator is the one that splits the header into
  the most known column names; when two do equally well, the file is refused
  rather than guessed.
- The header need not be on the first line: it is found below a title block,
  over one or two rows (``ntmplan.communes.header``).
- Every cell is read as text (``dtype=str``, no 'NA' guessing), then typed by its
  column (``ntmplan.communes.table``). A row with fewer cells than the header is
  kept apart from a row with empty cells: the cells it lacks are unknown, and
  reported (DA20), never read as 'no'.
- Every row keeps its line in the file, also when a quoted cell spans lines.

A file that cannot be read at all (missing, not UTF-8 or UTF-16, empty, no
header, wider than any commune table, a cell longer than Excel allows) raises
``InputError``. Parsing is vectorised, so a national file of a million rows takes
seconds.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from typing import Iterator

import numpy as np
import pandas as pd
from pandas.api.types import is_string_dtype

from ntmplan.communes.columns import column_letter
from ntmplan.communes.data import Source
from ntmplan.communes.header import SEARCH_ROWS, Header, find_header
from ntmplan.communes.table import MAX_CELL, MAX_COLUMNS, Part, read_records
from ntmplan.errors import InputError, decode_text, decode_utf8
from ntmplan.i18n import N_, _, translate

SEPARATORS = {",": N_("comma ','"), ";": N_("semicolon ';'"), "\t": N_("tab")}
_EXCEL_SEP_LINE = re.compile(r'^\s*"?sep=(.)"?\s*$', re.IGNORECASE)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF8_BOM = b"\xef\xbb\xbf"
_LINES_AT_ONCE = 65_536  # lines whose separators are counted in one step, to bound the memory it takes
_BYTES_AT_ONCE = 1 << 20  # bytes compared in one step when counting a separator
_HEAD_BYTES = 1 << 20  # a large file's first lines, decoded to find the header (a header is within its first lines)


def read_text_file(file: str, raw: bytes) -> Part:
    """One CSV (or Unicode text) file of communes, typed; ``InputError`` when it cannot be read at all."""
    text = _decode(file, raw)
    header_line, separator, header, start = _find_header(file, text)
    data = _utf8_body(raw, text, start)
    del text  # a million rows of text weigh more than the table read from them
    has_quotes = b'"' in data
    try:
        if has_quotes or len(separator.encode()) != 1:  # records are not lines: the csv module counts their cells
            body = data.decode("utf-8")
            widths = _widths(file, body, body.split("\n"), separator, header_line)
            del body
            table = _parse(file, data, separator, header_line, int(widths.max()) if len(widths) else 1)
        else:
            table, widths = _parse_lines(file, data, separator, header_line)
    except UnicodeDecodeError:  # in the part of a large file that was not decoded up front
        decode_utf8(file, raw)  # names the line and column of the first byte that is not UTF-8
        raise
    lines = _record_lines(table, header_line, has_quotes)
    if len(widths) != len(table):  # line ends the split above does not see (a lone '\r'): no short rows told
        widths = None
    _check_cells(file, table, lines)
    source = Source(file, None, header_line, {}, {}, separator, header_rows=header.depth)
    depth = header.depth
    return read_records(source, header.texts, table.iloc[depth:], lines[depth:],
                        widths[depth:] if widths is not None else None)


def _utf8_body(raw: bytes, text: str, start: int) -> bytes:
    """The UTF-8 bytes of ``raw`` from the character ``start`` of ``text`` on (``text`` is ``raw`` decoded, or its
    first lines), without encoding it again when the file is UTF-8: the parser reads bytes, and a copy as text
    would take twice their room."""
    if raw.startswith(_UTF16_BOMS):
        return text[start:].encode("utf-8")
    return raw[len(_UTF8_BOM) * raw.startswith(_UTF8_BOM) + len(text[:start].encode("utf-8")):]


def _physical_lines(text: str, start: int = 0) -> Iterator[str]:
    """The lines of ``text`` from ``start`` on, each with its '\\n', one at a time: the header is searched
    among the first few without copying a file of a million lines."""
    while start < len(text):
        end = text.find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start:end + 1]
        start = end + 1


def _decode(file: str, raw: bytes) -> str:
    """The text of the file, or of a large UTF-8 file its first lines, where the header is searched.

    The rest of a large file is decoded by the parser as it reads the cells, not twice; a byte
    that is not UTF-8 there is told by its line and column all the same (``read_text_file``).
    """
    if raw.startswith(_UTF16_BOMS):
        text = _decode_utf16(file, raw)
    else:
        head = raw.rfind(b"\n", 0, _HEAD_BYTES) + 1 if len(raw) > _HEAD_BYTES else 0
        text = decode_utf8(file, raw[:head] if head else raw)
        if head and text.isspace():
            text = decode_utf8(file, raw)
    if not text or text.isspace():  # not ``text.strip()``: that copies a whole national file to say it is not blank
        raise InputError(
            file,
            _("the file is empty"),
            line=1,
            expected=_("a header line naming the columns, then one line per commune"),
            found=_("no text at all") if not text else _("only blank lines"),
        )
    return text


def _decode_utf16(file: str, raw: bytes) -> str:
    """Excel's 'Unicode text': UTF-16 with a byte-order mark."""
    return decode_text(file, raw, "utf-16",
                       _("the file begins as UTF-16 text (Excel's 'Unicode text') but is not valid UTF-16"),
                       _("UTF-16 text, or UTF-8 (save the file as 'CSV UTF-8' in Excel)"), unit=2)


def _find_header(file: str, text: str) -> tuple[int, str, Header, int]:
    """(line of the header, separator, the header, where in ``text`` it begins), refusing what has no header."""
    offset, first_line = 0, 1
    first = next(_physical_lines(text), "").rstrip("\n").rstrip("\r")
    excel = _EXCEL_SEP_LINE.match(first)
    if excel:
        offset, first_line = len(first) + 1 if "\n" in text else len(text), 2
    head = text[offset:] if offset else text
    _check_width(file, head, first_line)
    found: dict[str, tuple[Header, list[int]]] = {}
    splitting: dict[str, tuple[Header, list[int]]] = {}
    for separator in [excel.group(1)] if excel else list(SEPARATORS):
        records, starts = _head_records(head, separator)
        header = find_header(records)
        if header is not None:
            found[separator] = (header, starts)
            if len(records[header.index]) > 1:
                splitting[separator] = (header, starts)
    if splitting or excel:
        found = splitting or found
    elif found:  # a header of one column: no separator splits it, none is guessed
        found = {next(iter(found)): next(iter(found.values()))}
    else:
        no_header = _("none of the first {count} lines is a header: no cell names a column of commune data")
        raise InputError(file, no_header.format(count=SEARCH_ROWS), line=first_line,
                         expected=_("column names such as code, name, c01 … c19 (or Mã xã, Tên xã, TC1 … TC19)"),
                         found=_shorten(next(_physical_lines(head), "").rstrip("\n").rstrip("\r")))
    best = max(candidate.known for candidate, _starts in found.values())
    winners = [separator for separator, (candidate, _starts) in found.items() if candidate.known == best]
    header, lines = found[winners[0]]
    header_line = first_line - 1 + lines[header.index]
    if len(winners) > 1:
        names = _(" and ").join(translate(SEPARATORS[separator]) for separator in winners)
        raise InputError(
            file,
            _("cannot tell which character separates the columns: the header line splits as well on {names}").format(
                names=names
            ),
            line=header_line,
            expected=_("a header line whose column names are separated by ',' or by ';' (but not both)"),
            found=_shorten(_physical_line(head, lines[header.index])),
        )
    return header_line, winners[0], header, offset + _line_start(head, lines[header.index])


def _head_records(head: str, separator: str) -> tuple[list[list[str]], list[int]]:
    """The first records of the text split by ``separator``, and the line each begins on (1-based)."""
    records: list[list[str]] = []
    starts: list[int] = []
    reader = csv.reader(_physical_lines(head), delimiter=separator)
    start = 1
    try:
        for record in reader:
            records.append(record)
            starts.append(start)
            start = reader.line_num + 1
            if len(records) > SEARCH_ROWS:
                break
    except csv.Error:
        pass  # an endless quoted cell or a huge one: the rows before it are all there is to search
    return records, starts


def _check_width(file: str, head: str, first_line: int) -> None:
    """Refuse a first line wider than any table of communes before splitting it into cells."""
    for number, line in zip(range(first_line, first_line + SEARCH_ROWS + 1), _physical_lines(head)):
        cells = max(line.count(separator) for separator in SEPARATORS) + 1
        if cells > MAX_COLUMNS:
            raise _too_wide(file, number, cells)


def _too_wide(file: str, line: int, cells: int) -> InputError:
    return InputError(
        file,
        _("line {line} has {count} cells; a table of commune data has at most {most} columns").format(
            line=line, count=f"{cells:,}", most=f"{MAX_COLUMNS:,}"
        ),
        line=line,
        expected=_("at most {most} cells on a line").format(most=f"{MAX_COLUMNS:,}"),
        found=_("{count} cells").format(count=f"{cells:,}"),
    )


def _physical_line(text: str, number: int) -> str:
    line = next(itertools.islice(_physical_lines(text), number - 1, None), "")
    return line.rstrip("\n").rstrip("\r")


def _line_start(text: str, number: int) -> int:
    """Where in ``text`` its 1-based line ``number`` begins."""
    position = 0
    for _line in range(number - 1):
        position = text.index("\n", position) + 1
    return position


def _shorten(text: str, limit: int = 80) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _widths(file: str, body: str, physical: list[str], separator: str, header_line: int) -> np.ndarray:
    """The number of cells of each record of ``body`` (split into ``physical`` lines), refusing a record wider
    than any commune table."""
    if '"' not in body:
        lines = physical[:-1] if physical and physical[-1] == "" else physical
        widths = np.fromiter((line.count(separator) for line in lines), dtype=np.int64, count=len(lines)) + 1
        lines_of = header_line + np.arange(len(widths))
    else:
        widths, lines_of = [], []
        reader = csv.reader(io.StringIO(body), delimiter=separator)
        start = header_line
        try:
            for record in reader:
                widths.append(max(len(record), 1))
                lines_of.append(start)
                start = header_line + reader.line_num
        except csv.Error:
            pass  # a cell past the csv module's limit, or a quote never closed: the parser below says which
        widths, lines_of = np.array(widths, dtype=np.int64), np.array(lines_of, dtype=np.int64)
    if len(widths) and widths.max() > MAX_COLUMNS:
        widest = int(widths.argmax())
        raise _too_wide(file, int(lines_of[widest]), int(widths[widest]))
    return widths


def _parse_lines(file: str, data: bytes, separator: str, header_line: int) -> tuple[pd.DataFrame, np.ndarray]:
    """A body without quotes, parsed, and the cells of each of its lines.

    When every line has as many cells as the first (the header), as a program or Excel
    writes a table, two counts of bytes show it and the parser reads the cells at once:
    a line with more cells stops it, a line with fewer leaves the total short. Otherwise
    each line's cells are counted first, and the widest is refused or read.
    """
    mark = ord(separator)
    lines = _count_byte(data, ord("\n")) + (not data.endswith(b"\n"))
    first_end = data.find(b"\n")
    cells = (data if first_end < 0 else data[:first_end]).count(mark) + 1
    if _count_byte(data, mark) == lines * (cells - 1):
        try:
            return _read_cells(data, separator, cells), np.full(lines, cells, dtype=np.int64)
        except pd.errors.ParserError:
            pass  # a line with more cells than the header: counted and told below
    widths = _plain_widths(file, data, separator, header_line)
    return _parse(file, data, separator, header_line, int(widths.max()) if len(widths) else 1), widths


def _count_byte(data: bytes, byte: int) -> int:
    """How often ``byte`` occurs in ``data``: numpy compares a block at a time, several times faster than
    ``bytes.count`` on a national file, and the blocks bound the memory the comparison takes."""
    octets = np.frombuffer(data, dtype=np.uint8)
    return sum(int(np.count_nonzero(octets[start:start + _BYTES_AT_ONCE] == byte))
               for start in range(0, len(octets), _BYTES_AT_ONCE))


def _plain_widths(file: str, data: bytes, separator: str, header_line: int) -> np.ndarray:
    """``_widths`` for a body without quotes, on its bytes: the cells of each line."""
    octets = np.frombuffer(data, dtype=np.uint8)
    ends = np.flatnonzero(octets == ord("\n"))
    if len(data) and data[-1:] != b"\n":
        ends = np.append(ends, len(data))
    starts = np.concatenate([[0], ends[:-1] + 1])
    widths = np.empty(len(ends), dtype=np.int64)
    for first in range(0, len(ends), _LINES_AT_ONCE):
        begin, end = starts[first], ends[min(first + _LINES_AT_ONCE, len(ends)) - 1]
        chunk = slice(first, first + _LINES_AT_ONCE)
        # separators summed line by line in one pass (each line holds at least its end, so no span is empty)
        is_separator = octets[begin:end + 1] == ord(separator)
        widths[chunk] = np.add.reduceat(is_separator, starts[chunk] - begin, dtype=np.int64) + 1
    if len(widths) and widths.max() > MAX_COLUMNS:
        widest = int(widths.argmax())
        raise _too_wide(file, header_line + widest, int(widths[widest]))
    return widths


def _parse(file: str, data: bytes, separator: str, header_line: int, widest: int) -> pd.DataFrame:
    """Every record as text cells (the header's rows first), padded to the widest record.

    Each column is read as a categorical straight from the bytes: the parser hashes
    the cells and keeps each distinct spelling once, not a Python string per cell.
    """
    try:
        return _read_cells(data, separator, widest)
    except pd.errors.EmptyDataError:
        return pd.DataFrame([[""]])
    except pd.errors.ParserError as exc:
        raise _not_csv(file, data.decode("utf-8"), separator, header_line, str(exc)) from None


def _read_cells(data: bytes, separator: str, width: int) -> pd.DataFrame:
    """The C parser on ``data``: ``width`` columns of categorical text cells, each as it is written.

    pandas reads a categorical column whose every cell is a number (or true/false) as
    numbers: '0207' would become 207. Such a column, rare since its header is among its
    cells, is read again as text.
    """
    options = dict(names=range(width), sep=separator, header=None, keep_default_na=False, na_filter=False,
                   skip_blank_lines=False, quotechar='"', engine="c", encoding="utf-8")
    table = pd.read_csv(io.BytesIO(data), dtype="category", **options)
    numeric = [column for column in table.columns if not is_string_dtype(table[column].cat.categories)]
    if numeric:
        again = pd.read_csv(io.BytesIO(data), dtype=str, usecols=numeric, **options)
        for column in numeric:
            table[column] = again[column].astype("category")
    return table


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


def _check_cells(file: str, table: pd.DataFrame, lines: np.ndarray) -> None:
    """Refuse a cell longer than Excel can hold: such a file was not written by a person in Excel.

    A column's distinct spellings are measured, and its cells only when one is too long.
    """
    for column in table.columns:
        cells = table[column]
        if isinstance(cells.dtype, pd.CategoricalDtype) and not (cells.cat.categories.str.len() > MAX_CELL).any():
            continue
        lengths = cells.str.len().to_numpy()
        if len(lengths) and lengths.max() > MAX_CELL:
            row = int(lengths.argmax())
            raise InputError(
                file,
                _("line {line}, column {letter} holds {count} characters; a cell holds at most {most}").format(
                    line=int(lines[row]), letter=column_letter(int(column) + 1), count=f"{int(lengths[row]):,}",
                    most=f"{MAX_CELL:,}",
                ),
                line=int(lines[row]),
                column=int(column) + 1,
                expected=_("at most {most} characters in a cell (Excel's limit)").format(most=f"{MAX_CELL:,}"),
                found=_("{count} characters").format(count=f"{int(lengths[row]):,}"),
            )
