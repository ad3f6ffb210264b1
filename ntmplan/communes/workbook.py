"""Read a commune data workbook: .xlsx and .xlsm with openpyxl, old .xls with python-calamine.

The sheet read is the one asked for (``--sheet``), else the one the template's
hidden sheet names, else the sheet whose header names the most columns of
commune data; it is named in every finding. Merged cells are spread over the
cells they cover, so a district name merged down its communes' rows, or
'Tiêu chí' merged over '1' … '19', reads as a person sees it. Cells are read as
the values Excel saved (a formula's last result) and turned into the text a
person would type: 1.0 is '1', TRUE is 'true', a date '2016-05-01' (which no
column accepts, so it is reported, not guessed at).

A file that is not a workbook, that cannot be opened, that unpacks to more than
``MAX_UNPACKED`` bytes or whose sheets hold no table of communes raises
``InputError`` naming the file (and the sheet).
"""

from __future__ import annotations

import datetime as dt
import io
import warnings
import zipfile
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ntmplan.communes.columns import match_header
from ntmplan.communes.data import Source
from ntmplan.communes.header import SEARCH_ROWS, Header, find_header
from ntmplan.communes.table import MAX_COLUMNS, Part, read_records
from ntmplan.communes.template import META_SHEET, TemplateInfo
from ntmplan.errors import InputError
from ntmplan.i18n import _
from ntmplan.text import fold, suggest

MAX_UNPACKED = 200 * 1024 * 1024  # a district's workbook unpacks to a few megabytes
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and any workbook protected by a password


@dataclass
class Grid:
    """A sheet's cells as text, merged cells spread, with the columns under each row's merged spans."""

    rows: list[list[str]]
    spans: dict[int, set[int]]  # 0-based row -> 0-based columns covered by a cell merged across columns

    def header(self) -> Header | None:
        return find_header(self.rows, [self.spans.get(row, set()) for row in range(min(len(self.rows),
                                                                                        SEARCH_ROWS + 1))])


class Book:
    """An open workbook: its sheets in order, which are visible, and each one's cells."""

    def __init__(self, file: str, raw: bytes):
        self.file = file
        self._xlsx = self._xls = None
        if raw.startswith(ZIP_MAGIC):
            self._open_xlsx(raw)
        else:
            self._open_xls(raw)

    def _open_xlsx(self, raw: bytes) -> None:
        import openpyxl

        try:
            unpacked = sum(entry.file_size for entry in zipfile.ZipFile(io.BytesIO(raw)).infolist())
        except zipfile.BadZipFile as exc:
            raise self._cannot_open(str(exc)) from None
        if unpacked > MAX_UNPACKED:
            raise InputError(
                self.file, _("the workbook is too large to be a table of communes"),
                expected=_("at most {count} bytes once unpacked").format(count=f"{MAX_UNPACKED:,}"),
                found=_("{count} bytes").format(count=f"{unpacked:,}"),
            )
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # openpyxl's notes on Excel features it drops
                book = openpyxl.load_workbook(io.BytesIO(raw), data_only=True)
        except Exception as exc:  # openpyxl raises many kinds on a damaged file
            raise self._cannot_open(f"{type(exc).__name__}: {exc}") from None
        self._xlsx = book
        self.names = list(book.sheetnames)
        self.visible = [ws.title for ws in book.worksheets if ws.sheet_state == "visible"]

    def _open_xls(self, raw: bytes) -> None:
        from python_calamine import CalamineWorkbook

        try:
            book = CalamineWorkbook.from_filelike(io.BytesIO(raw))
        except Exception as exc:  # calamine's errors name what it could not read
            raise self._cannot_open(str(exc)) from None
        self._xls = book
        self.names = list(book.sheet_names)
        self.visible = [meta.name for meta in book.sheets_metadata if str(meta.visible).endswith("Visible")]

    def _cannot_open(self, reason: str) -> InputError:
        return InputError(
            self.file, _("the workbook cannot be opened ({reason})").format(reason=reason),
            expected=_("an Excel workbook saved by Excel or LibreOffice (.xlsx or .xls), without a password"),
        )

    def grid(self, name: str) -> Grid:
        """The sheet's cells as text, from A1, merged cells spread over the cells they cover."""
        if self._xlsx is not None:
            sheet = self._xlsx[name]
            rows = [list(row) for row in sheet.iter_rows(values_only=True)]
            merged = [(r.min_row - 1, r.min_col - 1, r.max_row - 1, r.max_col - 1) for r in sheet.merged_cells.ranges]
        else:
            sheet = self._xls.get_sheet_by_name(name)
            values = sheet.to_python() if sheet.start is not None else []
            top, left = sheet.start or (0, 0)
            rows = [[None] * left + list(row) for row in values]
            rows = [[] for _ in range(top)] + rows
            merged = [(a[0], a[1], b[0], b[1]) for a, b in (sheet.merged_cell_ranges or [])]
        rows = [_trimmed(row) for row in rows]  # a cell formatted far to the right holds nothing
        width = max((len(row) for row in rows), default=0)
        if width > MAX_COLUMNS:
            raise InputError(
                self.file, _("the sheet '{sheet}' has {count} columns; a table of commune data has at most {most}").format(
                    sheet=name, count=f"{width:,}", most=f"{MAX_COLUMNS:,}"),
                expected=_("at most {most} columns").format(most=f"{MAX_COLUMNS:,}"),
                found=_("{count} columns").format(count=f"{width:,}"),
            )
        text = [[_text(value) for value in row] + [""] * (width - len(row)) for row in rows]
        spans: dict[int, set[int]] = {}
        for top, left, bottom, right in merged:
            if top >= len(text):
                continue
            value = text[top][left] if left < width else ""
            for row in range(top, min(bottom, len(text) - 1) + 1):
                for column in range(left, min(right, width - 1) + 1):
                    text[row][column] = value
                if right > left:
                    spans.setdefault(row, set()).update(range(left, right + 1))
        return Grid(text, spans)

    def template(self) -> TemplateInfo | None:
        """What the hidden sheet of an ntmplan template records, if the workbook is one."""
        if META_SHEET not in self.names:
            return None
        return TemplateInfo.from_rows([tuple(row[:2]) + ("",) * (2 - len(row[:2])) for row in self.grid(META_SHEET).rows])


def _trimmed(row: list) -> list:
    """The row without the empty cells at its end."""
    end = len(row)
    while end and (row[end - 1] is None or row[end - 1] == ""):
        end -= 1
    return row[:end]


def _text(value) -> str:
    """A cell's value as the text a person would have typed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def read_workbook(file: str, raw: bytes, sheet: str | None) -> Part:
    """The table of communes of one workbook: the sheet asked for, or the one that holds it."""
    book = Book(file, raw)
    template = book.template()
    name, grid, header, others = _choose_sheet(book, sheet, template)
    records = pd.DataFrame(grid.rows[header.index + header.depth:], dtype=object)
    first = header.index + header.depth + 1
    lines = np.arange(first, first + len(records), dtype=np.int64)
    source = Source(file, name, header.index + 1, {}, {}, header_rows=header.depth, template=template,
                    other_sheets=others)
    return read_records(source, header.texts, records, lines)


def _choose_sheet(
    book: Book, asked: str | None, template: TemplateInfo | None
) -> tuple[str, Grid, Header, list[str]]:
    """(sheet, its cells, its header, other sheets that look like commune data too)."""
    if asked is not None:
        name = _sheet_named(book, asked)
        grid = book.grid(name)
        return name, grid, _header_of(book, name, grid), []
    if template is not None and template.data_sheet in book.names:
        grid = book.grid(template.data_sheet)
        return template.data_sheet, grid, _header_of(book, template.data_sheet, grid), []
    found = []
    for name in book.visible:
        if name == META_SHEET:
            continue
        grid = book.grid(name)
        header = grid.header()
        found.append((name, grid, header))
    with_header = [(name, grid, header) for name, grid, header in found if header is not None]
    if not with_header:
        raise _no_table(book, found, template)
    name, grid, header = max(with_header, key=lambda item: item[2].known)  # the first of the best
    others = [other for other, _grid, found_header in with_header
              if other != name and "code" in {match_header(text) for text in found_header.texts}]
    return name, grid, header, others


def _sheet_named(book: Book, asked: str) -> str:
    if asked in book.names:
        return asked
    folded = {fold(name): name for name in book.names if name != META_SHEET}
    if fold(asked) in folded:
        return folded[fold(asked)]
    near = suggest(fold(asked), folded)
    hint = _("; did you mean '{sheet}'?").format(sheet=folded[near]) if near else ""
    raise InputError(
        book.file, _("the workbook has no sheet '{sheet}'{hint}").format(sheet=asked, hint=hint),
        expected=_("one of its sheets: {sheets}").format(sheets=_sheet_list(book)),
        found=repr(asked),
    )


def _sheet_list(book: Book) -> str:
    return ", ".join(f"'{name}'" for name in book.names if name != META_SHEET)


def _header_of(book: Book, name: str, grid: Grid) -> Header:
    header = grid.header()
    if header is not None:
        return header
    empty = not any(any(row) for row in grid.rows)
    raise InputError(
        book.file,
        _("the sheet '{sheet}' is empty").format(sheet=name) if empty
        else _("the sheet '{sheet}' has no header: none of its first {count} rows names a column of commune data").format(
            sheet=name, count=SEARCH_ROWS),
        line=None if empty else 1,
        expected=_("a header row naming the columns (Mã xã, Tên xã, TC1 … TC19, …), then one row per commune"),
        found=_("an empty sheet") if empty else _first_cells(grid),
    )


def _no_table(book: Book, found: list[tuple[str, Grid, Header | None]], template: TemplateInfo | None) -> InputError:
    """No sheet holds a table of communes: say what each sheet holds, and which the template wrote."""
    described = "; ".join(
        _("'{sheet}' is empty").format(sheet=name) if not any(any(row) for row in grid.rows)
        else _("'{sheet}' begins {cells}").format(sheet=name, cells=_first_cells(grid))
        for name, grid, _header in found
    ) or _("it has no visible sheet")
    if template is not None:
        problem = _("the sheet '{sheet}' that the template wrote is missing, and no other sheet holds a table of "
                    "communes").format(sheet=template.data_sheet)
    else:
        problem = _("no sheet of the workbook holds a table of communes")
    return InputError(
        book.file, problem,
        expected=_("a sheet whose header names the columns (Mã xã, Tên xã, TC1 … TC19, …)"),
        found=described,
    )


def _first_cells(grid: Grid) -> str:
    """The first non-empty row's first cells, to show what a sheet holds instead of a table."""
    row = next((row for row in grid.rows if any(row)), [])
    cells = [cell for cell in row if cell][:4]
    first = next(index for index, row in enumerate(grid.rows) if any(row)) + 1 if row else 1
    return _("row {row}: {cells}").format(row=first, cells=", ".join(f"'{cell[:40]}'" for cell in cells))
