"""Data rules on single cells: values that cannot be read, codes that lost a zero, impossible values."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ntmplan.communes.columns import (
    BY_NAME,
    CODE_DIGITS,
    FLAG_EXPECTED,
    NAMES,
    column_letter,
)
from ntmplan.findings import Severity
from ntmplan.i18n import N_, _, ngettext
from ntmplan.rules.data.common import Tally, rows
from ntmplan.rules.registry import Problem, rule
from ntmplan.rules.scopes import DATA

if TYPE_CHECKING:
    from ntmplan.communes.data import CommuneData

FIRST_NTM_YEAR = 2010  # Decision 800/QĐ-TTg of 4 June 2010 launched the programme
ADVANCED_CRITERIA = 19  # the advanced set (Decision 933/QĐ-UBND of 22/5/2018) follows the 19 criteria

_EXPECTED = {
    "code": N_("a 5-digit commune code such as 05986"),
    "flag": FLAG_EXPECTED,
    "year": N_("a year written with digits, such as 2016, or an empty cell"),
    "count": N_("a whole number written with digits, such as 3, or an empty cell"),
}


def _found(value: str) -> str:
    return f"'{value}'" if value else _("an empty cell")


@rule("DA04", "unreadable-value", Severity.ERROR, "A cell cannot be read as its column's kind of value", scope=DATA)
def unreadable_value(data: CommuneData) -> Iterator[Problem]:
    """Each column holds one kind of value: a 5-digit code, yes/no, a year, a whole
    number. A cell that is none of the accepted spellings is read as missing and
    reported with its line and column. Yes/no may be written 1/0, x/empty, 'Đạt'/'Không
    đạt' (or 'Chưa đạt'), 'Có'/'Không', true/false or yes/no, in any case, with or
    without accents. Numbers are digits only: '1.000' is a thousand in Vietnamese and
    '3,0' a decimal, so neither is read. A row without a commune code cannot be matched
    with the official list.

    Why: A value is not guessed at: a criterion read as missing counts as not met, which
    lowers the commune's and the province's figures, so the office needs to know which
    cells could not be read.

    Example: 'Đạt một phần' in column N (c05) on line 12; '2016?' in the column 'Năm đạt
    chuẩn'.

    Fix: Write the cell with one of the accepted spellings (the message lists them),
    after asking the commune what it meant.
    """
    tally = Tally()
    for name in NAMES:
        if name not in data.unreadable:
            continue
        kind = BY_NAME[name].kind
        for row in tally(rows(data.unreadable[name])):
            value = data.raw.at[row, name]
            expected = _(_EXPECTED[kind])
            if value:
                template = _("line {line}, {where} has {found}, which is not {expected}; the cell is read as missing")
            else:
                template = _("line {line}, {where} has no commune code; the cell is read as missing")
            yield Problem(
                template.format(line=data.line(row), where=data.where(name, row), found=_found(value),
                                expected=expected),
                path=name,
                expected=expected,
                actual=value,
                **data.at(row, name),
            )
    yield from tally.elided()


@rule("DA05", "code-missing-zero", Severity.WARNING, "Commune codes were written without their leading zero",
      scope=DATA)
def code_missing_zero(data: CommuneData) -> Iterator[Problem]:
    """Lạng Sơn's commune codes have 5 digits and begin with 0 (05986 … 06646). Codes
    written with fewer digits are read with the zeros put back, and reported once for
    the file, at the first.

    Why: Excel drops the leading zero when the code column is formatted as a number, so
    '05986' is saved as '5986': the file then does not say what it means, and other
    tools reading it will not match the codes with the official list.

    Example: 207 codes have fewer than 5 digits, the first on line 2: '5986', read as
    05986.

    Fix: Format the code column as Text in Excel, enter the codes again (or paste them
    from the official list) and save the file.
    """
    for index in range(len(data.sources)):
        short = rows(data.short_codes.to_numpy() & (data.origin == index))
        if len(short):
            yield _short_codes(data, short)


def _short_codes(data: CommuneData, short) -> Problem:
    """One file's codes without their leading zero, told once at the first."""
    first = short[0]
    written, read = data.raw.at[first, "code"], data.frame.at[first, "code"]
    return Problem(
        ngettext(
            "{count} commune code has fewer than {digits} digits, the first on line {line}: '{written}', read as "
            "{read}. Excel drops leading zeros from number cells: format the code column as Text",
            "{count} commune codes have fewer than {digits} digits, the first on line {line}: '{written}', read as "
            "{read}. Excel drops leading zeros from number cells: format the code column as Text",
            len(short),
        ).format(count=len(short), digits=CODE_DIGITS, line=data.line(first), written=written, read=read),
        path="code",
        expected=_("{digits} digits").format(digits=CODE_DIGITS),
        actual=written,
        **data.at(first, "code"),
    )


@rule("DA06", "value-out-of-range", Severity.ERROR, "A year or a count is outside what is possible", scope=DATA)
def value_out_of_range(data: CommuneData) -> Iterator[Problem]:
    """A year of recognition before the programme began (2010) or after the plan's year,
    or more advanced criteria than the advanced set has (19). The value is kept as
    written, and the checks use it.

    Why: Such a value cannot be right. It is usually a typing slip ('2106' for 2016) or
    a value in the wrong column, and it changes which communes count as recognised.

    Example: 'Năm đạt chuẩn' 2021 in the data for the 2019 plan.

    Fix: Correct the cell from the commune's decision of recognition, or from its report
    on the advanced criteria.
    """
    last_year = data.plan.metadata.year if data.plan is not None else None
    tally = Tally()
    year = data.frame["ntm_year"]
    if data.has("ntm_year"):
        outside = year < FIRST_NTM_YEAR
        if last_year is not None:
            outside = outside | (year > last_year)
        expected = (
            _("a year from {first} to {last}").format(first=FIRST_NTM_YEAR, last=last_year)
            if last_year
            else _("a year from {first}").format(first=FIRST_NTM_YEAR)
        )
        for row in tally(rows(outside.fillna(False))):
            yield Problem(
                _("line {line}, {where}: {commune} is said to be recognised in {year}; expected {expected}").format(
                    line=data.line(row), where=data.where("ntm_year", row), commune=data.commune(row),
                    year=year.iat[row], expected=expected,
                ),
                path="ntm_year",
                expected=expected,
                actual=int(year.iat[row]),
                **data.at(row, "ntm_year"),
            )
    if data.has("advanced_criteria"):
        advanced = data.frame["advanced_criteria"]
        for row in tally(rows((advanced > ADVANCED_CRITERIA).fillna(False))):
            yield Problem(
                _(
                    "line {line}, {where}: {commune} meets {count} advanced criteria; the advanced set has {most}"
                ).format(
                    line=data.line(row), where=data.where("advanced_criteria", row), commune=data.commune(row),
                    count=advanced.iat[row], most=ADVANCED_CRITERIA,
                ),
                path="advanced_criteria",
                expected=_("0 to {most}").format(most=ADVANCED_CRITERIA),
                actual=int(advanced.iat[row]),
                **data.at(row, "advanced_criteria"),
            )
    yield from tally.elided()


@rule("DA20", "short-row", Severity.ERROR, "A row of a CSV file has fewer cells than the header", scope=DATA)
def short_row(data: CommuneData) -> Iterator[Problem]:
    """A line of a CSV file ends before the header does: the cells under the last
    columns are not there at all. They are read as unknown (a criterion then counts as
    not met, as a missing value does) and reported, never read as 'no' in silence.

    Why: A row cut short is a row that lost its end (a line break typed inside a cell,
    a copy that stopped early, a hand-edited file); its last criteria and counts are
    not 'not met', they are not known, and the district must send them.

    Example: Line 12 stops after column Z (c16): the cells of columns AA to AE (c17 …
    model_areas) are not there.

    Fix: Complete the line in the file, or send it again exported from the workbook
    (every row of an Excel export has a cell under every column).
    """
    import numpy as np

    if not len(data.absent.columns) or not data.absent.to_numpy().any():
        return
    tally = Tally()
    for row in tally(rows(data.absent.to_numpy().any(axis=1))):
        source = data.source(row)
        lacking = sorted(source.columns[name] for name in data.absent.columns[np.asarray(data.absent.iloc[row], bool)])
        names = {number: name for name, number in source.columns.items()}
        first, last = lacking[0], lacking[-1]
        if first == last:
            cells = _("column {letter} ({name}) has no cell").format(letter=column_letter(first), name=names[first])
        else:
            cells = _("columns {first} to {last} ({names}) have no cell").format(
                first=column_letter(first), last=column_letter(last), names=f"{names[first]} … {names[last]}"
            )
        yield Problem(
            _("line {line} is shorter than the header: {cells}; read as unknown, not as 'no'").format(
                line=data.line(row), cells=cells
            ),
            path=names[first],
            expected=_("a cell under every column of the header"),
            actual=_("no cell from column {letter} on").format(letter=column_letter(first)),
            **source.at(line=data.line(row), column=first),
        )
    yield from tally.elided()
