"""Data rules on single cells: values that cannot be read, codes that lost a zero, impossible values."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ntmplan.communes.columns import BY_NAME, CODE_DIGITS, FLAG_EXPECTED, NAMES
from ntmplan.findings import Severity
from ntmplan.i18n import N_, _, ngettext
from ntmplan.rules.data.common import ELIDED, Tally, rows
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
        for row, shown in tally(rows(data.unreadable[name])):
            if not shown:
                yield ELIDED
                continue
            value = data.raw.at[row, name]
            expected = _(_EXPECTED[kind])
            if value:
                template = _("line {line}, {where} has {found}, which is not {expected}; the cell is read as missing")
            else:
                template = _("line {line}, {where} has no commune code; the cell is read as missing")
            yield Problem(
                template.format(line=data.line(row), where=data.where(name), found=_found(value), expected=expected),
                line=data.line(row),
                column=data.columns[name],
                path=name,
                expected=expected,
                actual=value,
            )


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
    short = rows(data.short_codes)
    if not len(short):
        return
    first = short[0]
    written, read = data.raw.at[first, "code"], data.frame.at[first, "code"]
    yield Problem(
        ngettext(
            "{count} commune code has fewer than {digits} digits, the first on line {line}: '{written}', read as "
            "{read}. Excel drops leading zeros from number cells: format the code column as Text",
            "{count} commune codes have fewer than {digits} digits, the first on line {line}: '{written}', read as "
            "{read}. Excel drops leading zeros from number cells: format the code column as Text",
            len(short),
        ).format(count=len(short), digits=CODE_DIGITS, line=data.line(first), written=written, read=read),
        line=data.line(first),
        column=data.columns["code"],
        path="code",
        expected=_("{digits} digits").format(digits=CODE_DIGITS),
        actual=written,
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
    if "ntm_year" in data.columns:
        outside = year < FIRST_NTM_YEAR
        if last_year is not None:
            outside = outside | (year > last_year)
        expected = (
            _("a year from {first} to {last}").format(first=FIRST_NTM_YEAR, last=last_year)
            if last_year
            else _("a year from {first}").format(first=FIRST_NTM_YEAR)
        )
        for row, shown in tally(rows(outside.fillna(False))):
            yield ELIDED if not shown else Problem(
                _("line {line}, {where}: {commune} is said to be recognised in {year}; expected {expected}").format(
                    line=data.line(row), where=data.where("ntm_year"), commune=data.commune(row), year=year.iat[row],
                    expected=expected,
                ),
                line=data.line(row),
                column=data.columns["ntm_year"],
                path="ntm_year",
                expected=expected,
                actual=int(year.iat[row]),
            )
    if "advanced_criteria" in data.columns:
        advanced = data.frame["advanced_criteria"]
        for row, shown in tally(rows((advanced > ADVANCED_CRITERIA).fillna(False))):
            yield ELIDED if not shown else Problem(
                _(
                    "line {line}, {where}: {commune} meets {count} advanced criteria; the advanced set has {most}"
                ).format(
                    line=data.line(row), where=data.where("advanced_criteria"), commune=data.commune(row),
                    count=advanced.iat[row], most=ADVANCED_CRITERIA,
                ),
                line=data.line(row),
                column=data.columns["advanced_criteria"],
                path="advanced_criteria",
                expected=_("0 to {most}").format(most=ADVANCED_CRITERIA),
                actual=int(advanced.iat[row]),
            )
