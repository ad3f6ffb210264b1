"""The data-entry template as an Excel workbook, for a district office to fill in and send back.

Three sheets: the instructions (what to fill, by when, to whom), the communes
(code, name and district filled in and locked; one column per flag, criterion,
year and count of the data format, each with a drop-down or a number check and
an input message saying what goes there), and a hidden sheet recording the
plan, the province, the district and the format version
(``ntmplan.communes.template``), so that reading a returned file knows where it
came from. The communes sheet freezes its header and the commune's name,
filters, colours 'Đạt' and 'Không đạt', and prints on A4 landscape with the
header repeated on every page.

The bytes are stable: the same content gives the same file (the zip entries'
dates are fixed), so generated examples can be compared and committed.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import io
import zipfile
from dataclasses import dataclass

import pandas as pd

from ntmplan.communes.columns import BY_NAME, COLUMNS, CRITERION_COLUMNS, Column, column_letter
from ntmplan.communes.template import (
    CRITERION_CHOICES,
    DATA_SHEET,
    FLAG_CHOICES,
    FORMAT_VERSION,
    INSTRUCTIONS_SHEET,
    META_SHEET,
    TemplateInfo,
    template_header,
)
from ntmplan.files import write_atomic
from ntmplan.i18n import _, activate
from ntmplan.numbers import date_text
from ntmplan.rules.data.values import ADVANCED_CRITERIA, FIRST_NTM_YEAR
from ntmplan.runs.template import TemplateSpec

PREFILLED = ("code", "name", "district_code", "district")
HEADER_FILL, LOCKED_FILL, INPUT_FILL = "1F4E79", "EDEDED", "FFF9E5"
MET_FILL, NOT_MET_FILL = "C6EFCE", "FFC7CE"
# Narrow enough for 31 columns on one A4 landscape page: 'Không đạt' just fits a criterion's column.
WIDTHS = {"code": 7, "name": 16, "district_code": 6, "district": 16, "flag": 7, "criterion": 9, "year": 7, "count": 7}
INSTRUCTIONS_WIDTH = 75  # a column of text that fits A4 portrait as it is
CHARACTERS_PER_WIDTH = 1.25  # a line of Vietnamese text holds about this many letters per unit of width
_ZIP_DATE = (2019, 1, 1, 0, 0, 0)


@dataclass
class TemplateResult:
    """What ``ntmplan template`` wrote."""

    written: list[str]
    scope: str
    communes: int
    columns: int
    reviews: list[dt.date]
    send_to: str
    round: str | None
    prefilled: int

    def to_dict(self) -> dict:
        return {"written": self.written, "scope": self.scope, "communes": self.communes, "columns": self.columns,
                "reviews": [day.isoformat() for day in self.reviews], "send_to": self.send_to,
                "round": self.round, "prefilled": self.prefilled}


def write_template(spec: TemplateSpec, out: str, inputs: list[str], created: dt.datetime | None = None) -> TemplateResult:
    """Write the template of ``spec`` to ``out``, atomically and never over an input."""
    write_atomic(out, template_bytes(spec, created), inputs)
    return TemplateResult([out], spec.scope, len(spec.communes), len(COLUMNS) - len(PREFILLED), spec.reviews,
                          spec.send_to, spec.round, spec.prefilled)


def template_bytes(spec: TemplateSpec, created: dt.datetime | None = None) -> bytes:
    """The workbook, as bytes, in the spec's language; ``created`` is its recorded creation time (now by default)."""
    return contextvars.copy_context().run(_template_bytes, spec, created)


def _template_bytes(spec: TemplateSpec, created: dt.datetime | None) -> bytes:
    from openpyxl import Workbook

    activate(spec.lang)
    workbook = Workbook()
    instructions = workbook.active
    instructions.title = INSTRUCTIONS_SHEET[spec.lang]
    data = workbook.create_sheet(DATA_SHEET[spec.lang])
    _communes_sheet(data, spec)
    _instructions_sheet(instructions, spec, data.title)
    _meta_sheet(workbook.create_sheet(META_SHEET), spec, data.title)
    stamp = (created or dt.datetime.now()).replace(microsecond=0)
    workbook.properties.creator = "ntmplan"
    workbook.properties.title = _("Data-entry template: {scope}").format(scope=spec.scope)
    workbook.properties.created = workbook.properties.modified = stamp
    return stable_bytes(workbook)


def stable_bytes(workbook) -> bytes:
    """The workbook saved so that equal content gives equal bytes.

    openpyxl's ``save`` stamps the time of saving as the last change and dates every
    zip entry now; here the workbook keeps the times it was given and the entries
    all carry one fixed date.
    """
    from openpyxl.writer.excel import ExcelWriter

    saved = io.BytesIO()
    with zipfile.ZipFile(saved, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    out = io.BytesIO()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            target.writestr(zipfile.ZipInfo(entry.filename, _ZIP_DATE), source.read(entry.filename),
                            zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _communes_sheet(ws, spec: TemplateSpec) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.worksheet.properties import PageSetupProperties

    thin = Side(style="thin", color="BFBFBF")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    last_row = len(spec.communes) + 1
    for number, column in enumerate(COLUMNS, start=1):
        letter = column_letter(number)
        header = ws.cell(row=1, column=number, value=template_header(column, spec.lang,
                                                                     spec.criterion_names.get(column.name)))
        header.font = Font(bold=True, color="FFFFFF")
        header.fill = PatternFill("solid", fgColor=HEADER_FILL)
        rotated = column.kind == "flag"
        header.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center",
                                     text_rotation=90 if rotated else 0)
        header.border = border
        ws.column_dimensions[letter].width = WIDTHS.get(column.name) or WIDTHS[
            "criterion" if column.name in CRITERION_COLUMNS else column.kind]
        locked = column.name in PREFILLED
        for row, value in enumerate(_values(spec, column), start=2):
            cell = ws.cell(row=row, column=number, value=value)
            cell.border = border
            cell.fill = PatternFill("solid", fgColor=LOCKED_FILL if locked else INPUT_FILL)
            if column.kind == "code" or column.name == "district_code":
                cell.number_format = "@"  # a code keeps its leading zero
            if not locked:
                cell.protection = Protection(locked=False)
                cell.alignment = Alignment(horizontal="center")
        ws.add_data_validation(_validation(column, spec, f"{letter}2:{letter}{last_row}"))
    ws.row_dimensions[1].height = 110
    _colour_criteria(ws, last_row)
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{column_letter(len(COLUMNS))}{last_row}"
    ws.protection.sheet = True
    ws.protection.autoFilter = False  # filtering stays allowed on the protected sheet
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.print_title_rows = "1:1"
    ws.print_title_cols = "A:B"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.oddHeader.center.text = f"{spec.plan_number} · {spec.scope}"
    ws.oddFooter.center.text = _("Page &P of &N")


def _values(spec: TemplateSpec, column: Column) -> list:
    """The column's cells: the official list's for the locked columns, the earlier round's (or nothing) for the rest."""
    if column.name in PREFILLED:
        return list(spec.communes[column.name])
    if spec.values is None:
        return [None] * len(spec.communes)
    values = spec.values[column.name]
    if column.kind == "flag":
        yes, no = CRITERION_CHOICES if column.name in CRITERION_COLUMNS else FLAG_CHOICES
        return [None if pd.isna(value) else yes if value else no for value in values]
    return [None if pd.isna(value) else int(value) for value in values]


def _validation(column: Column, spec: TemplateSpec, cells: str):
    """The drop-down or number check of a column, with its input message (and an error message)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    header = template_header(column, spec.lang, spec.criterion_names.get(column.name))
    if column.name in PREFILLED:
        check = DataValidation(allow_blank=True)
        prompt = _("{meaning}, from the official list: filled in and locked, do not change it.").format(
            meaning=column.meaning_text[:1].upper() + column.meaning_text[1:])
    elif column.kind == "flag":
        choices = CRITERION_CHOICES if column.name in CRITERION_COLUMNS else FLAG_CHOICES
        check = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
        check.error = _("Choose {yes} or {no} from the list.").format(yes=choices[0], no=choices[1])
        prompt = _prompt(column, spec)
    else:
        low, high = _bounds(column, spec)
        check = DataValidation(type="whole", operator="between" if high is not None else "greaterThanOrEqual",
                               formula1=str(low), formula2=str(high) if high is not None else None, allow_blank=True)
        check.error = (_("Type a whole number from {low} to {high}.").format(low=low, high=high) if high is not None
                       else _("Type a whole number, {low} or more.").format(low=low))
        prompt = _prompt(column, spec)
    check.promptTitle = header[:32]
    check.prompt = prompt[:255]
    check.showInputMessage = True
    if check.type is not None:
        check.errorTitle = _("Value not allowed")[:32]
        check.errorStyle = "stop"
        check.showErrorMessage = True
    check.add(cells)
    return check


def _bounds(column: Column, spec: TemplateSpec) -> tuple[int, int | None]:
    if column.kind == "year":
        return FIRST_NTM_YEAR, spec.year
    return 0, ADVANCED_CRITERIA if column.name == "advanced_criteria" else None


def _prompt(column: Column, spec: TemplateSpec) -> str:
    """What goes in a column, in a sentence or two (Excel shows at most 255 characters)."""
    if column.name in CRITERION_COLUMNS:
        return _("Criterion {number} ({name}): choose Đạt if the commune meets it under the national criteria set, "
                 "Không đạt if it does not yet.").format(number=CRITERION_COLUMNS.index(column.name) + 1,
                                                         name=spec.criterion_names.get(column.name, ""))
    if column.kind == "flag":
        return _("Is it a {meaning}? Choose Có (yes) or Không (no).").format(meaning=column.meaning_text)
    if column.kind == "year":
        return _("The year the commune was recognised as meeting the NTM standard ({first} to {last}); leave it "
                 "empty if it has not been.").format(first=FIRST_NTM_YEAR, last=spec.year)
    if column.name == "advanced_criteria":
        return _("How many criteria of the advanced set the commune meets: a whole number from 0 to {most}; 0 for a "
                 "commune not at the standard.").format(most=ADVANCED_CRITERIA)
    return _("How many model residential areas (khu dân cư kiểu mẫu) the commune has built: a whole number, 0 or "
             "more.")


def _colour_criteria(ws, last_row: int) -> None:
    """Đạt in green, Không đạt in red, as the office reads a table of criteria."""
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import PatternFill

    numbers = [number for number, column in enumerate(COLUMNS, start=1) if column.name in CRITERION_COLUMNS]
    cells = f"{column_letter(numbers[0])}2:{column_letter(numbers[-1])}{last_row}"
    met, not_met = CRITERION_CHOICES
    ws.conditional_formatting.add(cells, CellIsRule(operator="equal", formula=[f'"{met}"'],
                                                    fill=PatternFill("solid", bgColor=MET_FILL)))
    ws.conditional_formatting.add(cells, CellIsRule(operator="equal", formula=[f'"{not_met}"'],
                                                    fill=PatternFill("solid", bgColor=NOT_MET_FILL)))


def _instructions_sheet(ws, spec: TemplateSpec, data_sheet: str) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.properties import PageSetupProperties

    dates = ", ".join(date_text(day, spec.lang) for day in spec.reviews)
    year_header = template_header(BY_NAME["ntm_year"], spec.lang)
    counts = [template_header(BY_NAME[name], spec.lang) for name in ("advanced_criteria", "model_areas")]
    lines: list[tuple[str, str]] = [
        ("title", _("Data-entry template: the communes against the NTM criteria")),
        ("text", _("Plan {number}: {title}").format(number=spec.plan_number, title=spec.plan_title)),
        ("text", _("For: {scope} ({count} communes)").format(scope=spec.scope, count=len(spec.communes))),
    ]
    if spec.round:
        lines.append(("text", _("Filled in with the values of {round} ({count} communes): change only what has "
                                "changed since.").format(round=spec.round, count=spec.prefilled)))
    lines += [
        ("heading", _("What to fill in")),
        ("item", _("The sheet '{sheet}' has one row per commune. The code, the name and the district are filled in "
                   "and locked: do not change them.").format(sheet=data_sheet)),
        ("item", _("For each of the 19 criteria, choose Đạt (met) or Không đạt (not met yet) in the cell's list.")),
        ("item", _("For each group (border commune, commune in especially difficult circumstances, pilot communes, "
                   "commune aiming for the standard in {year}), choose Có (yes) or Không (no).").format(year=spec.year)),
        ("item", _("'{header}': the year the commune was recognised as meeting the NTM standard; leave it empty if it "
                   "has not been.").format(header=year_header)),
        ("item", _("'{advanced}' and '{model}': whole numbers, 0 or more.").format(advanced=counts[0],
                                                                                 model=counts[1])),
        ("item", _("A selected cell shows what goes in it. Excel refuses a value outside the list; a value pasted "
                   "from elsewhere is checked when the file is read.")),
        ("item", _("Do not insert, delete or rename columns or sheets. Keep the file as an Excel workbook (.xlsx) "
                   "and send the file itself.")),
        ("heading", _("By when")),
        ("item", _("The plan reviews the communes' state in: {timing} {year} (appendix {tasks}).").format(
            timing=spec.review_timing, year=spec.year, tasks=", ".join(spec.review_tasks))),
        ("item", _("Send the filled workbook by the last day of the review's month: {dates}.").format(dates=dates)),
        ("heading", _("Whom to send it to")),
        ("item", _("Send it to the {office}, which compiles the reviews of the districts.").format(
            office=spec.send_to)),
        ("item", _("The plan's reviews are directed by: {directing}.").format(directing=spec.directing)),
        ("heading", _("How the file is read")),
        ("item", _("The office reads the returned files together with ntmplan; anything to correct is named with "
                   "its file, sheet, row and column.")),
        ("text", _("Template format {version}, made by ntmplan from plan {number}.").format(
            version=FORMAT_VERSION, number=spec.plan_number)),
    ]
    for row, (kind, text) in enumerate(lines, start=1):
        cell = ws.cell(row=row, column=1, value=f"• {text}" if kind == "item" else text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if kind == "title":
            cell.font = Font(bold=True, size=14)
            ws.row_dimensions[row].height = 20 * (len(text) // INSTRUCTIONS_WIDTH + 1)  # larger letters
        elif kind == "heading":
            cell.font = Font(bold=True, size=12)
            ws.row_dimensions[row].height = 24
        else:
            ws.row_dimensions[row].height = 15 * (len(text) // int(INSTRUCTIONS_WIDTH * CHARACTERS_PER_WIDTH) + 1)
    ws.column_dimensions["A"].width = INSTRUCTIONS_WIDTH
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0


def _meta_sheet(ws, spec: TemplateSpec, data_sheet: str) -> None:
    info = TemplateInfo(FORMAT_VERSION, spec.plan_number, spec.year, spec.province, spec.district_code,
                        spec.district, data_sheet, spec.lang.value, spec.round)
    for row in info.rows():
        ws.append(list(row))
    ws.sheet_state = "hidden"
    ws.protection.sheet = True

