"""``ntmplan report``: the check, budget and schedule as an Excel workbook or a self-contained HTML page.

Parses, builds one ``Report`` from the same results the other commands show,
hands it to the writer the file's extension names, writes the file atomically
and never over an input, and exits 0 (written), or 2 (unreadable input, a
wrong target). Findings do not fail a report: it is for reading, ``check`` is
for CI.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ntmplan.commands.common import (
    AsOfOption,
    DebugOption,
    LangOption,
    PlanArgument,
    app,
    input_errors,
    language,
    plan_path,
)
from ntmplan.paths import DEFAULT_DATA, resolve_default

WRITERS = (".xlsx", ".html")


def _progress():
    """A progress bar on an interactive terminal; nothing in CI, in a pipe or on a dumb terminal."""
    from contextlib import nullcontext

    if not sys.stderr.isatty() or os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return nullcontext(None)
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from ntmplan.output.console import make_console

    return Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                    console=make_console(stderr=True), transient=True)


@app.command()
def report(
    plan: PlanArgument = None,
    data: Annotated[
        Optional[str], typer.Argument(help="Commune data CSV (default: data/communes.csv, or the shipped copy).")
    ] = None,
    out: Annotated[
        str, typer.Option("--out", "-o", metavar="FILE", help="The report to write: a .xlsx workbook or a .html page.")
    ] = ...,
    charts: Annotated[
        Optional[str], typer.Option("--charts", metavar="DIR", help="Also write the charts as PNG files into DIR.")
    ] = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """Write a report for people: an Excel workbook (.xlsx) or a self-contained HTML page (.html).

    Summary of the headline targets, criteria, districts, every commune's 19
    criteria, the target communes, the priority list, the budget, the schedule
    and the findings, with charts; in Vietnamese or English (--lang).
    """
    from ntmplan.files import check_target, write_atomic
    from ntmplan.i18n import _, activate
    from ntmplan.output.console import make_console

    lang_used = language(lang)
    activate(lang_used)
    suffix = Path(out).suffix.lower()
    if suffix not in WRITERS:
        raise typer.BadParameter(
            _("'{file}' must end in .xlsx (Excel workbook) or .html (web page)").format(file=out), param_hint="--out"
        )
    plan_file, plan_note = plan_path(plan)
    if data is None:
        data, bundled = resolve_default(DEFAULT_DATA)
        data_note = _("Using the data shipped with ntmplan: {path}").format(path=data) if bundled else None
    else:
        data_note = None
    inputs = [plan_file, data]
    console = make_console(stderr=True)
    for note in (plan_note, data_note):
        if note:
            console.print(note, style="dim")
    with input_errors(debug):
        check_target(out, inputs)
        if charts is not None and not Path(charts).is_dir():
            from ntmplan.errors import InputError

            raise InputError(charts, _("the directory for the charts does not exist"),
                             expected=_("an existing directory"))
        from ntmplan.report.build import build_report
        from ntmplan.report.charts import draw_charts

        labels = {"check": _("Checking the data"), "budget": _("Budget"), "schedule": _("Schedule"),
                  "charts": _("Charts"), "write": _("Writing")}
        with _progress() as progress:
            task = progress.add_task(_("Building the report"), total=len(labels)) if progress else None

            def step(name: str) -> None:
                """``name`` is done: the bar moves on."""
                if progress is not None:
                    progress.update(task, advance=1, description=labels[name])

            built = build_report(plan_file, data, as_of.date() if as_of else None, lang_used, step=step)
            # The workbook's charts are Excel's own; matplotlib draws for the page and for --charts.
            drawn = draw_charts(built) if suffix == ".html" or charts is not None else []
            step("charts")
            if suffix == ".xlsx":
                from ntmplan.report.workbook import workbook_bytes

                payload = workbook_bytes(built)
            else:
                from ntmplan.report.html import html_text

                payload = html_text(built, drawn).encode("utf-8")
            write_atomic(out, payload, inputs)
            written = [out]
            if charts is not None:
                for chart in drawn:
                    target = str(Path(charts) / f"{chart.name}.png")
                    write_atomic(target, chart.png, inputs)
                    written.append(target)
            step("write")
    make_console().print(_("Wrote {files}.").format(files=", ".join(written)))
