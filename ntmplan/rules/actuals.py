"""Rules on an actuals file: rows that cannot be counted, and sources behind or over the plan.

They read what ``budget/actuals.py`` could make of each row and what
``budget/execution.py`` computed, and point at the row's line in the CSV file
(the path names the column, as written in the file's header). They have their
own scope, ``actuals``, and run for ``ntmplan budget --actuals FILE`` only.
"""

from __future__ import annotations

from typing import Iterator

from ntmplan.budget.execution import BEHIND, NOT_REPORTED, OVER_PLAN
from ntmplan.findings import Severity
from ntmplan.i18n import _, ngettext, pick
from ntmplan.model.plan import walk
from ntmplan.numbers import day, num, read_number
from ntmplan.rules.registry import Problem, rule
from ntmplan.rules.scopes import ACTUALS, ActualsContext
from ntmplan.text import fold, suggest


def _lines(lines: list[int]) -> str:
    return ngettext("line {lines}", "lines {lines}", len(lines)).format(lines=", ".join(str(line) for line in lines))


@rule("AC01", "actuals-unknown-source", Severity.ERROR, "An actuals row names a source the plan does not have",
      scope=ACTUALS)
def actuals_unknown_source(context: ActualsContext) -> Iterator[Problem]:
    """Each row of an actuals file names a funding source of the plan, by its key
    (``credit``) or by its name in either language ('Vốn tín dụng', accents optional). A
    row naming anything else, or nothing, is not counted, and the message suggests the
    nearest key.

    Why: An uncounted row lowers its source's execution and the overall rate without any
    other sign; the name is usually the intended key with a typo.

    Example: 'credt' on line 2 of an actuals file, where ``credit`` is meant.

    Fix: Write the source's key, or its name as the plan writes it (``ntmplan budget``
    lists them).
    """
    actuals = context.actuals
    keys = sorted(source.key for _path, source in walk(context.plan.budget.sources))
    for row in actuals.rows:
        if row.source is not None or not row.well_formed:
            continue
        written = row.text("source")
        if not written:
            yield Problem(_("row {row} names no source; it is not counted").format(row=row.line), line=row.line,
                          path=actuals.header("source"),
                          expected=_("a source key such as {key}").format(key=keys[0]), actual="")
            continue
        nearest = suggest(fold(written), keys, cutoff=0.5)
        hint = _("; did you mean {code}?").format(code=nearest) if nearest else "."
        yield Problem(
            _("row {row}: '{written}' is not a source of the plan{hint} The row is not counted.").format(
                row=row.line, written=written, hint=hint
            ),
            line=row.line,
            path=actuals.header("source"),
            expected=nearest or _("one of: {keys}").format(keys=", ".join(keys)),
            actual=written,
        )


@rule("AC02", "actuals-bad-amount", Severity.ERROR, "An actuals row has no usable amount", scope=ACTUALS)
def actuals_bad_amount(context: ActualsContext) -> Iterator[Problem]:
    """The amount of a row must be a number of at least zero: '652,8', '652.8', '1.800'
    or '1 800'. An empty cell, text, or a negative amount makes the row uncounted.

    Why: The row's money is then missing from the execution of its source. A correction
    is written as a lower amount, not as a negative row, so that every row stands for
    money actually mobilised.

    Example: 'mười' or '-5' in the amount column ('Số tiền') of a row.

    Fix: Write the amount in digits, in the row's unit. Instead of a negative row,
    correct the row it was meant to correct.
    """
    actuals = context.actuals
    for row in actuals.rows:
        if not row.well_formed or row.unit_factor is None:
            continue
        written = row.text("amount")
        where = dict(line=row.line, path=actuals.header("amount"), actual=written)
        if row.number is None:
            template = (
                _("row {row}: the amount '{written}' is not a number; it is not counted")
                if written
                else _("row {row}: no amount; it is not counted")
            )
            yield Problem(template.format(row=row.line, written=written), expected=_("a number such as 652,8"),
                          **where)
        elif row.number.value < 0:
            yield Problem(_("row {row}: the amount {written} is negative; it is not counted").format(
                row=row.line, written=written), expected=_("an amount of at least 0"), **where)


@rule("AC03", "actuals-unknown-unit", Severity.ERROR, "An actuals row's unit is not understood", scope=ACTUALS)
def actuals_unknown_unit(context: ActualsContext) -> Iterator[Problem]:
    """The optional unit column says what the amount is in: empty or 'tỷ đồng' (billion
    đồng, the plan's unit), 'triệu đồng' (million) or 'đồng'; 'billion VND' and 'million
    VND' work too. A row in another unit is not counted.

    Why: An amount in an unknown unit cannot be converted to the plan's unit, and a
    guess could be off by a factor of a thousand.

    Example: 'USD' in the unit column ('Đơn vị tính') on line 7.

    Fix: Convert the amount to đồng and write one of the units above.
    """
    actuals = context.actuals
    for row in actuals.rows:
        if row.well_formed and row.unit_factor is None:
            yield Problem(
                _("row {row}: the unit '{unit}' is not understood; the row is not counted").format(
                    row=row.line, unit=row.text("unit")
                ),
                line=row.line,
                path=actuals.header("unit"),
                expected=_("tỷ đồng, triệu đồng or đồng"),
                actual=row.text("unit"),
            )


@rule("AC04", "actuals-malformed-row", Severity.ERROR, "An actuals row has more cells than the header",
      scope=ACTUALS)
def actuals_malformed_row(context: ActualsContext) -> Iterator[Problem]:
    """A row with more filled cells than the header has columns, or without the source
    or the amount cell, cannot be read safely and is not counted.

    Why: Most often a decimal comma ('652,8') in a comma-separated file splits the
    amount in two: reading the row anyway would count 652 instead of 652.8.

    Example: ``central,12,5`` in a file whose header is ``source,amount``: three cells
    where two are expected.

    Fix: Quote such amounts ("652,8"), or save the file with ';' as separator, as Excel
    does where the list separator of the system is ';'.
    """
    actuals = context.actuals
    for row in actuals.rows:
        if row.well_formed:
            continue
        hint = ""
        if actuals.delimiter == "," and row.width > actuals.width:
            hint = _(": a decimal comma in a comma-separated file must be quoted (\"652,8\")")
        yield Problem(
            _("row {row} has {cells} cells but the header has {width}{hint}; it is not counted").format(
                row=row.line, cells=row.width, width=actuals.width, hint=hint
            ),
            line=row.line,
            expected=_("{count} cells").format(count=actuals.width),
            actual=_("{count} cells").format(count=row.width),
        )


@rule("AC05", "actuals-ambiguous", Severity.WARNING, "An amount could be read two ways", scope=ACTUALS)
def actuals_ambiguous(context: ActualsContext) -> Iterator[Problem]:
    """'1.800' is 1800 in Vietnamese writing and 1.8 in English; '1,800' the other way
    round. When no other amount of the file shows which decimal mark it uses (an amount
    such as '652,8' does), such a value is read as the separator suggests (';'-separated
    files use the decimal comma, others group thousands) and flagged. A file mixing
    '652,8' and '652.8' is flagged too.

    Why: A misread amount is off by a factor of a thousand, which no total would reveal.

    Example: ``credit,1.800`` in a comma-separated file with no other decimal amount,
    read as 1800.

    Fix: Write the amount so that it cannot be misread ('1800' or '1.800,0'), with one
    decimal mark throughout the file.
    """
    actuals = context.actuals
    proven = actuals.decimal_mark is not None and not (actuals.decimal_evidence or "").startswith("assumed")
    if actuals.decimal_mark is None and actuals.decimal_evidence:
        marked = [row for row in actuals.rows if row.number and row.number.decimal_mark]
        second = next(row for row in marked if row.number.decimal_mark != marked[0].number.decimal_mark)
        yield Problem(
            _("the file mixes decimal marks ({evidence}); each such amount is read as written").format(
                evidence=actuals.decimal_evidence
            ),
            line=second.line,
            path=actuals.header("amount"),
            expected=_("one decimal mark throughout the file"),
        )
    if proven:
        return
    for row in actuals.rows:
        if row.well_formed and row.number is not None and row.number.ambiguous:
            written = row.text("amount")
            yield Problem(
                _("row {row}: '{written}' could be {other} or {value}; it is read as {value}").format(
                    row=row.line, written=written, other=num(_other_reading(written, row.number.value)),
                    value=num(row.number.value),
                ),
                line=row.line,
                path=actuals.header("amount"),
                expected=_("an amount written without doubt, such as 1800 or 1.800,0"),
                actual=written,
            )


def _other_reading(written: str, value: float) -> float:
    grouped = read_number(written)
    assert grouped is not None
    decimal = float(written.strip().replace(",", "."))
    return decimal if value == grouped.value else grouped.value


@rule("AC06", "actuals-duplicate-row", Severity.WARNING, "Two actuals rows are identical", scope=ACTUALS)
def actuals_duplicate_row(context: ActualsContext) -> Iterator[Problem]:
    """Two rows with the same source, district and amount: both are counted, and the
    later one is flagged. (Different rows for the same source and district are added up:
    a ledger may list each disbursement.)

    Why: Two identical rows are more likely a line pasted twice, which counts the same
    money twice.

    Example: ``credit;Chi Lăng;5`` on lines 2 and 3.

    Fix: Delete the pasted line. If both disbursements are real, the finding can stay:
    both are counted.
    """
    actuals = context.actuals
    seen: dict[tuple, int] = {}
    for row in actuals.counted():
        key = (row.source, (row.district or "").casefold(), row.amount)
        if key in seen:
            yield Problem(
                _("row {row} repeats row {first} ({source}, {district}, {amount}); both are counted").format(
                    row=row.line, first=seen[key], source=row.source, district=row.district or _("no district"),
                    amount=num(row.amount),
                ),
                line=row.line,
                path=actuals.header("amount"),
                actual=row.amount,
            )
        else:
            seen[key] = row.line


@rule("AC07", "actuals-subtotal-row", Severity.WARNING,
      "A source is reported both as a whole and through its sub-sources", scope=ACTUALS)
def actuals_subtotal_row(context: ActualsContext) -> Iterator[Problem]:
    """When rows report a source's sub-sources (central and local budget), a row for the
    source itself (direct investment) is taken as a subtotal and not added again: the
    sub-sources' sum is used. The finding says whether the subtotal agrees with that
    sum, to the last digit written.

    Why: Adding the subtotal to its parts would count the money twice; a subtotal that
    differs from its parts means that a row is missing or mistyped.

    Example: ``direct;30`` with ``central;20`` and ``local;9,5``: the sub-sources' 29.5
    is used, and the subtotal of 30 differs from it.

    Fix: Remove the subtotal row, or correct it or the rows of the sub-sources so that
    they agree.
    """
    for _path, item in walk(context.execution.sources):
        if item.subtotal is None:
            continue
        agrees = item.subtotal == item.actual
        template = (
            _("{key} is reported on {lines} ({subtotal}) and through its sub-sources ({actual}); the sub-sources "
              "are used, and the subtotal agrees with their sum")
            if agrees
            else _("{key} is reported on {lines} ({subtotal}) and through its sub-sources ({actual}); the "
                   "sub-sources are used, and the subtotal differs from their sum")
        )
        yield Problem(
            template.format(key=item.key, lines=_lines(item.subtotal_lines), subtotal=num(item.subtotal),
                            actual=num(item.actual)),
            line=item.subtotal_lines[0],
            path=context.actuals.header("source"),
            expected=item.actual,
            actual=item.subtotal,
        )


@rule("AC08", "actuals-not-reported", Severity.INFO, "A planned source has no actuals row", scope=ACTUALS)
def actuals_not_reported(context: ActualsContext) -> Iterator[Problem]:
    """A source of the plan for which the file has no counted row. A sub-source is
    reported only when its siblings are reported: a source reported as a whole needs no
    split.

    Why: The source is shown as not reported and counts as zero in the overall execution
    rate, which is too low if the source was simply left out of the file.

    Example: No row in the file for ``credit`` (Vốn tín dụng, 1,800 billion đồng
    planned).

    Fix: Add a row for the source, with 0 if nothing has been mobilised yet.
    """
    for _path, item in walk(context.execution.sources):
        if item.status == NOT_REPORTED:
            yield Problem(
                _("{key} ({name}, planned {planned}) has no counted row; it counts as 0").format(
                    key=item.key, name=pick(item.name_vi, item.name_en), planned=num(item.planned)
                ),
                expected=_("a row for the source"),
                actual=None,
            )


@rule("AC09", "actuals-over-plan", Severity.WARNING, "More has been mobilised for a source than planned",
      scope=ACTUALS)
def actuals_over_plan(context: ActualsContext) -> Iterator[Problem]:
    """A source whose actual amount exceeds its planned amount.

    Why: Either the plan needs adjusting, which the province has to approve, or rows are
    counted twice.

    Example: ``credit``: 1,950 billion đồng mobilised against 1,800 planned, 108.3% of
    the plan.

    Fix: Check the rows of the source (the message lists their lines) for repeats. If
    the figures are right, report the overrun so that the plan can be adjusted.
    """
    for _path, item in walk(context.execution.sources):
        if item.status == OVER_PLAN:
            yield Problem(
                _("{key}: {actual} mobilised against {planned} planned ({rate}%), on {lines}").format(
                    key=item.key, actual=num(item.actual), planned=num(item.planned), rate=num(item.rate, 1),
                    lines=_lines(item.lines),
                ),
                line=item.lines[0] if item.lines else None,
                path=context.actuals.header("amount"),
                expected=item.planned,
                actual=item.actual,
            )


@rule("AC10", "actuals-behind", Severity.WARNING,
      "A source is behind its planned amount pro-rated to the date", scope=ACTUALS)
def actuals_behind(context: ActualsContext) -> Iterator[Problem]:
    """With ``--as-of``, each source is expected to have mobilised its planned amount
    times the elapsed share of the plan year (30 June 2019 is 181/365 = 49.6%); a source
    below that is behind.

    Why: It is a prompt to look, not a verdict: funding rarely flows evenly (capital is
    allocated in the first quarter, credit follows demand), but a source far behind at
    mid-year needs an explanation.

    Example: ``central-budget``: 200 of 495.1 billion đồng mobilised (40.4%) by
    30/06/2019, when 245.5 (49.6%) was due pro rata.

    Fix: Check first that the file holds every disbursement to the date; then ask the
    agency in charge of the source why it is behind.
    """
    execution = context.execution
    for _path, item in walk(execution.sources):
        if item.status == BEHIND:
            yield Problem(
                _("{key}: {actual} of {planned} mobilised ({rate}%) by {date}, when {expected} ({share}%) was due pro rata").format(
                    key=item.key, actual=num(item.actual), planned=num(item.planned), rate=num(item.rate, 1),
                    date=day(execution.as_of), expected=num(item.expected),
                    share=num(100 * (execution.fraction or 0), 1),
                ),
                line=item.lines[0] if item.lines else None,
                path=context.actuals.header("amount"),
                expected=item.expected,
                actual=item.actual,
            )
