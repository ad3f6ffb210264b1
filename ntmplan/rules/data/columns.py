"""Data rules on the header: columns missing, given twice, or not understood."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ntmplan.communes.columns import (
    BY_NAME,
    CRITERION_COLUMNS,
    HEADER_KEYS,
    column_letter,
    header_key,
)
from ntmplan.findings import Severity
from ntmplan.i18n import _
from ntmplan.rules.registry import Problem, rule
from ntmplan.rules.scopes import DATA
from ntmplan.text import suggest

if TYPE_CHECKING:
    from ntmplan.communes.data import CommuneData


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
    for name in data.missing_columns:
        column = BY_NAME[name]
        yield Problem(
            _("the file has no column {name} ({meaning}); expected a header such as {headers}").format(
                name=name, meaning=column.meaning_text, headers=_accepted(name)
            ),
            line=data.header_line,
            path=name,
            expected=name,
            actual=None,
            severity=None if column.required else Severity.WARNING,
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
    for duplicate in data.duplicate_columns:
        yield Problem(
            _(
                "column {letter} ('{header}') is {meaning} ({name}) again: column {first_letter} "
                "('{first_header}') already is; only the first is read"
            ).format(
                letter=column_letter(duplicate.number), header=duplicate.header,
                meaning=BY_NAME[duplicate.name].meaning_text, name=duplicate.name,
                first_letter=column_letter(duplicate.first_number), first_header=duplicate.first_header,
            ),
            line=data.header_line,
            column=duplicate.number,
            path=duplicate.name,
            expected=_("one column {name}").format(name=duplicate.name),
            actual=_("columns {first} and {second}").format(
                first=column_letter(duplicate.first_number), second=column_letter(duplicate.number)
            ),
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
    for column in data.unused_columns:
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
            line=data.header_line if column.header else column.first_line,
            column=column.number,
            path=column.header,
            expected=_("a known column name"),
            actual=column.header,
        )
