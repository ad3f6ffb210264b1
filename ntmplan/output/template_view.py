"""``ntmplan template`` in the terminal: what was written, for whom, and when it comes back."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from ntmplan.i18n import _
from ntmplan.numbers import day
from ntmplan.output.view import View


def render_template(console: Console, result, view: View) -> None:
    """The workbook written, its communes and columns, the round it was filled from, the review dates.

    One line each, never wrapped: a path cut in two cannot be copied.
    """
    console.print(Text(_("Wrote {file}: {communes} communes of {scope}, {columns} columns to fill in.").format(
        file=", ".join(result.written), communes=result.communes, scope=result.scope, columns=result.columns)), soft_wrap=True)
    if result.round:
        console.print(Text(_("Filled in with the values of {round}: {found} of {communes} communes.").format(
            round=result.round, found=result.prefilled, communes=result.communes)), soft_wrap=True)
    if result.reviews:
        console.print(Text(_("Reviews due: {dates}; send to: {office}.").format(
            dates=", ".join(day(review) for review in result.reviews), office=result.send_to)), soft_wrap=True)
