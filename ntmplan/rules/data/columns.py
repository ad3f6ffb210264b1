"""Data rules on the layout of the files: columns missing, given twice or not understood; what is not read."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ntmplan.communes.columns import (
    BY_NAME,
    CRITERION_COLUMNS,
    HEADER_KEYS,
    column_letter,
    header_key,
)
from ntmplan.communes.template import FORMAT_VERSION
from ntmplan.findings import Severity
from ntmplan.i18n import N_, _, ngettext
from ntmplan.rules.registry import Problem, rule
from ntmplan.rules.scopes import DATA
from ntmplan.text import suggest

if TYPE_CHECKING:
    from ntmplan.communes.data import CommuneData, Source


def _accepted(name: str) -> str:
    if name in CRITERION_COLUMNS:
        number = int(name[1:])
        return _("'{name}', 'TC{number}', 'Tiêu chí {number}' or 'Tiêu chí số {number}'").format(
            name=name, number=number
        )
    column = BY_NAME[name]
    return _(" or ").join(f"'{header}'" for header in (column.name, *column.aliases[:2]))


@rule("DA01", "missing-column", Severity.ERROR, "A column of commune data is not in the file", scope=DATA)
def missing_column(data: CommuneData) -> Iterator[Problem]:
    """Every canonical column is looked for in the header line, under its English name
    or a Vietnamese header ('Mã xã', 'Xã biên giới', 'TC5', 'Tiêu chí số 5' …; see
    ``data/README.md``); a column that is not found is reported once, at the header.

    Without the code, the name, the district or one of the 19 criteria, the finding is
    an error; without a group flag, the year of recognition or a count of advanced
    criteria or model areas, it is a warning.

    Why: A missing criterion counts as not met in every commune, so the figures of the
    check are wrong without any other sign; a missing flag or count leaves the targets
    that use it unchecked.

    Example: The header 'Mã xã;Tên xã;…;TC1;TC2;TC4;…' has no column for criterion 3.

    Fix: Add the column under one of the headers the message lists, or correct the
    header that was meant (DA03 names the headers it did not understand).
    """
    for source in data.sources:
        for name in source.missing_columns:
            column = BY_NAME[name]
            yield Problem(
                _("the file has no column {name} ({meaning}); expected a header such as {headers}").format(
                    name=name, meaning=column.meaning_text, headers=_accepted(name)
                ),
                path=name,
                expected=name,
                actual=None,
                severity=None if column.required else Severity.WARNING,
                **source.at(line=source.header_line),
            )


@rule("DA02", "duplicate-column", Severity.ERROR, "Two columns of the file hold the same data", scope=DATA)
def duplicate_column(data: CommuneData) -> Iterator[Problem]:
    """Two headers that name the same column ('TC5' and 'Tiêu chí số 5', or 'code'
    twice). Only the first is read.

    Why: The other column's values are ignored: if the two disagree, it is not clear
    which the district office meant, and the check may use the stale one.

    Example: Columns N 'TC5' and AE 'Tiêu chí số 5' are both criterion 5; column AE is
    ignored.

    Fix: Keep one column, with the values the district confirms, and delete the other.
    """
    for source in data.sources:
        yield from _duplicates(source)


def _duplicates(source: Source) -> Iterator[Problem]:
    for duplicate in source.duplicate_columns:
        yield Problem(
            _(
                "column {letter} ('{header}') is {meaning} ({name}) again: column {first_letter} "
                "('{first_header}') already is; only the first is read"
            ).format(
                letter=column_letter(duplicate.number), header=duplicate.header,
                meaning=BY_NAME[duplicate.name].meaning_text, name=duplicate.name,
                first_letter=column_letter(duplicate.first_number), first_header=duplicate.first_header,
            ),
            path=duplicate.name,
            expected=_("one column {name}").format(name=duplicate.name),
            actual=_("columns {first} and {second}").format(
                first=column_letter(duplicate.first_number), second=column_letter(duplicate.number)
            ),
            **source.at(line=source.header_line, column=duplicate.number),
        )


@rule("DA03", "unused-column", Severity.INFO, "A column of the file is not one ntmplan reads", scope=DATA)
def unused_column(data: CommuneData) -> Iterator[Problem]:
    """A header that names none of the canonical columns, or cells under no header at
    all. Such a column is ignored, and the message suggests the nearest known header.

    Why: This is harmless for notes ('Ghi chú'), but a typo in a header ('Tieu chi 20',
    'Xa bien gioii') hides a column the checks need, which then also shows as missing
    (DA01).

    Example: 'Xa bien gioii' in column AE of the header (line 1), where 'Xã biên giới'
    (the border flag) is meant.

    Fix: Correct the header if it was meant to be a known column. Notes can stay: the
    finding is information.
    """
    for source in data.sources:
        yield from _unused(source)


def _unused(source: Source) -> Iterator[Problem]:
    for column in source.unused_columns:
        letter = column_letter(column.number)
        if column.header:
            near = suggest(header_key(column.header), HEADER_KEYS, cutoff=0.75)
            hint = _("; did you mean {code}?").format(code=HEADER_KEYS[near]) if near else ""
            message = _("column {letter} ('{header}') is not a column of commune data and is ignored{hint}").format(
                letter=letter, header=column.header, hint=hint
            )
        else:
            message = _(
                "column {letter} has no header but holds values (first on line {line}); they are ignored"
            ).format(letter=letter, line=column.first_line)
        yield Problem(
            message,
            path=column.header,
            expected=_("a known column name"),
            actual=column.header,
            **source.at(line=source.header_line if column.header else column.first_line, column=column.number),
        )


_SET_ASIDE = {
    "numbers": N_("{lines}: the column numbers under the header ('{text}' …) are not a commune and are not read"),
    "total": N_("{lines}: a total row ('{text}') is not a commune and is not read"),
    "footer": N_("{lines}: below the table ('{text}' …), not communes; not read"),
}


@rule("DA21", "not-read", Severity.INFO, "Rows, sheets or files beside the table of communes are not read",
      scope=DATA)
def not_read(data: CommuneData) -> Iterator[Problem]:
    """What the reader passes over, said once, so that nothing is left out in silence: a
    row of column numbers under the header ('(1) (2) (3) …'), a total row ('Tổng cộng',
    'Toàn huyện') and the lines below the table (signatures, the place and the date);
    another sheet of a workbook that also holds a table of communes; a file in the
    folder that is neither a CSV file nor an Excel workbook.

    Why: A district's sheet is made to be printed and signed, so it carries more than
    the table; reading a total row as a commune would count it in every figure, and a
    second sheet of communes may be the one the district meant to send.

    Example: In 'data/2019-06/185-bac-son.xlsx [Biểu 01]', lines 31-33 ('Người lập biểu'
    …) below the table are not read.

    Fix: Nothing, when the rows are what the message says. When a commune's row is
    among them, give it its commune code; when the wrong sheet was read, name the
    right one with --sheet.
    """
    for source in data.sources:
        for skipped in source.skipped:
            yield Problem(
                _(_SET_ASIDE[skipped.kind]).format(lines=line_list(skipped.lines), text=skipped.text[:40]),
                expected=_("a commune on each row"),
                actual=skipped.text[:40],
                **source.at(line=skipped.lines[0]),
            )
        for sheet in source.other_sheets:
            yield Problem(
                _("the sheet '{sheet}' also looks like a table of communes but is not read: '{read}' is "
                  "(--sheet chooses another)").format(sheet=sheet, read=source.sheet),
                expected=_("one sheet of communes"),
                actual=sheet,
                **source.at(),
            )
    for entry in data.not_read:
        yield Problem(
            _("{entry} is not a CSV file or an Excel workbook and is not read").format(entry=entry),
            expected=_("a .csv, .txt, .xlsx or .xls file"),
            actual=entry,
            file=entry,
        )


def line_list(lines: tuple[int, ...]) -> str:
    """'line 5', 'lines 30-33' or 'lines 5, 9' (runs of consecutive lines as a range)."""
    runs: list[list[int]] = []
    for line in lines:
        if runs and line == runs[-1][-1] + 1:
            runs[-1].append(line)
        else:
            runs.append([line])
    text = ", ".join(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs)
    return ngettext("line {lines}", "lines {lines}", len(lines)).format(lines=text)


@rule("DA22", "other-template", Severity.WARNING,
      "A workbook was made from the template of another plan or a newer format", scope=DATA)
def other_template(data: CommuneData) -> Iterator[Problem]:
    """A workbook made by ``ntmplan template`` records, on a hidden sheet, the plan, the
    province and the format version it was made for. A returned file whose template was
    made for another plan or province, or in a newer format than this ntmplan reads, is
    reported once, at its sheet of communes.

    Why: A district that fills last year's template sends last year's columns (the year in
    'Xã phấn đấu đạt chuẩn 2018', the groups of another plan), so some of this year's
    columns are missing or misread; a newer format may hold columns this version does not
    know.

    Example: 'data/2019-06/181-binh-gia.xlsx' was made from the template of plan
    48/KH-UBND (2018); the check uses plan 46/KH-UBND (2019).

    Fix: Send the district the template of the plan being checked (``ntmplan template
    --district 181``), with its values filled in by ``--from``, and ask for it back.
    """
    if data.plan is None:
        return
    metadata = data.plan.metadata
    for source in data.sources:
        template = source.template
        if template is None:
            continue
        if (template.plan, template.year, template.province) != (metadata.number, metadata.year,
                                                                 metadata.province.name):
            yield Problem(
                _("{file} was made from the template of plan {plan} ({year}, {province}); the check uses plan "
                  "{number} ({plan_year}, {plan_province})").format(
                    file=source.label, plan=template.plan, year=template.year, province=template.province,
                    number=metadata.number, plan_year=metadata.year, plan_province=metadata.province.name,
                ),
                expected=metadata.number,
                actual=template.plan,
                **source.at(line=source.header_line),
            )
        if template.version > FORMAT_VERSION:
            yield Problem(
                _("{file} was made in template format {version}; this ntmplan reads format {known}: some columns "
                  "may not be read").format(file=source.label, version=template.version, known=FORMAT_VERSION),
                expected=FORMAT_VERSION,
                actual=template.version,
                **source.at(line=source.header_line),
            )
