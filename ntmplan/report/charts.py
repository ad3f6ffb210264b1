"""The report's charts, drawn with matplotlib: PNG for slides, SVG for the HTML page.

Criteria against targets, communes by number of criteria met against the plan's
bands, funding by source, and (with ``--since``) the change by criterion since
the start of the year. Figures and words come from the report's results;
axis numbers are written in the report's language. The Excel workbook draws
the same charts natively from its own cells (``workbook.py``), so they stay
editable there.
"""

from __future__ import annotations

import datetime as dt
import io
import textwrap
from dataclasses import dataclass

from ntmplan import numbers
from ntmplan.i18n import _, pick
from ntmplan.runs.report import Report

NOW, TARGET = "#2b6cb0", "#c05621"
DPI = 150


@dataclass(frozen=True)
class Chart:
    """One chart: a file name stem, its title, and its two renderings."""

    name: str
    title: str
    png: bytes
    svg: str


def _setup():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update(
        {
            "font.family": "DejaVu Sans",  # ships with matplotlib; has every Vietnamese letter
            "font.size": 9,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "svg.hashsalt": "ntmplan",
            "svg.fonttype": "path",
        }
    )
    return plt


def _render(plt, figure, name: str, title: str) -> Chart:
    png, svg = io.BytesIO(), io.StringIO()
    figure.savefig(png, format="png", dpi=DPI, bbox_inches="tight", metadata={"Software": None})
    figure.savefig(svg, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    plt.close(figure)
    text = svg.getvalue()
    text = text[text.index("<svg"):]  # drop the XML prolog and doctype: the SVG goes inline in HTML
    return Chart(name, title, png.getvalue(), text)


def _formatter(lang, places: int = 0):
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _position: numbers.number(value, lang, places))


def criteria_chart(report: Report, plt) -> Chart:
    check = report.check
    items = [c for c in check.criteria if c.target is not None]
    labels = [f"{c.number}. {pick(c.name_vi, c.name_en, report.lang)}" for c in items]
    figure, axes = plt.subplots(figsize=(7.5, 0.32 * len(items) + 1.2))
    positions = range(len(items))
    axes.barh([p + 0.2 for p in positions], [c.actual for c in items], height=0.4, color=NOW, label=_("Now"))
    axes.barh([p - 0.2 for p in positions], [c.target for c in items], height=0.4, color=TARGET,
              label=_("Year-end target"))
    marks = [(p, c.expected) for p, c in zip(positions, items) if c.expected is not None and c.expected != c.target]
    if marks:
        axes.scatter([value for _p, value in marks], [p + 0.2 for p, _v in marks], marker="|", s=120, color="black",
                     label=_("Expected by {date}").format(
                         date=numbers.date_text(dt.date.fromisoformat(check.basis.as_of), report.lang)), zorder=3)
    paced = [(p, c.pace.projected) for p, c in zip(positions, items) if c.pace is not None]
    if paced:
        axes.scatter([value for _p, value in paced], [p + 0.2 for p, _v in paced], marker="|", s=120, color="black",
                     label=_("At this pace by the year-end"), zorder=3)
    _by_criterion(axes, labels, _("Communes meeting the criterion"), report, columns=3)
    title = _("Criteria: communes now and the year's target")
    axes.set_title(title, loc="left", fontweight="bold")
    return _render(plt, figure, "criteria", title)


def _by_criterion(axes, labels: list[str], label: str, report: Report, columns: int) -> None:
    """The criteria down the side, first on top, the axis and the legend below in the report's language."""
    axes.set_yticks(list(range(len(labels))), labels)
    axes.invert_yaxis()
    axes.set_xlabel(label)
    axes.xaxis.set_major_formatter(_formatter(report.lang))
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.06 - 0.6 / len(labels)), ncol=columns, frameon=False)


def bands_chart(report: Report, plt) -> Chart:
    from ntmplan.output.check_view import band_label

    bands = report.check.bands
    labels = [band_label(band, report.lang) for band in bands]
    figure, axes = plt.subplots(figsize=(6, 3.2))
    positions = range(len(bands))
    axes.bar([p - 0.2 for p in positions], [b.actual for b in bands], width=0.4, color=NOW, label=_("Now"))
    axes.bar([p + 0.2 for p in positions], [b.target or 0 for b in bands], width=0.4, color=TARGET,
             label=_("Planned"))
    for p, band in zip(positions, bands):
        axes.annotate(str(band.actual), (p - 0.2, band.actual), ha="center", va="bottom", fontsize=8)
        if band.target is not None:
            axes.annotate(str(band.target), (p + 0.2, band.target), ha="center", va="bottom", fontsize=8)
    axes.set_xticks(list(positions), labels)
    axes.set_xlabel(_("Criteria met"))
    axes.set_ylabel(_("Communes"))
    axes.legend(frameon=False)
    title = _("Communes by number of criteria met")
    axes.set_title(title, loc="left", fontweight="bold")
    return _render(plt, figure, "bands", title)


def funding_chart(report: Report, plt) -> Chart:
    budget = report.budget.tree
    sources = budget.sources
    labels = [textwrap.fill(pick(s.name_vi, s.name_en, report.lang), 45) for s in sources]
    amounts = [s.amount for s in sources]
    unit = numbers.unit_label(budget.unit, report.lang)
    figure, axes = plt.subplots(figsize=(7, 0.45 * len(sources) + 1.2))
    positions = range(len(sources))
    axes.barh(list(positions), amounts, color=NOW)
    for p, source in zip(positions, sources):
        share = numbers.percent(source.computed_share, report.lang, 1)
        axes.annotate(f" {numbers.number(source.amount, report.lang, source.amount_places)} ({share})",
                      (source.amount, p), va="center", fontsize=8)
    axes.set_yticks(list(positions), labels)
    axes.invert_yaxis()
    axes.set_xlabel(unit)
    axes.set_xlim(0, max(amounts) * 1.35 if amounts else 1)
    axes.xaxis.set_major_formatter(_formatter(report.lang))
    title = _("Funding by source: {total} {unit}").format(
        total=numbers.number(budget.total, report.lang, budget.total_places), unit=unit)
    axes.set_title(title, loc="left", fontweight="bold")
    return _render(plt, figure, "funding", title)


def progress_chart(report: Report, plt) -> Chart:
    """Criteria gained and lost since the start-of-year round, criterion by criterion."""
    items = report.check.progress.criteria
    labels = [f"{c.number}. {pick(c.name_vi, c.name_en, report.lang)}" for c in items]
    figure, axes = plt.subplots(figsize=(7.5, 0.32 * len(items) + 1.2))
    positions = list(range(len(items)))
    axes.barh(positions, [c.gained for c in items], height=0.6, color=NOW, label=_("Communes that gained it"))
    axes.barh(positions, [-c.lost for c in items], height=0.6, color=TARGET, label=_("Communes that lost it"))
    for p, item in zip(positions, items):
        if item.gained or item.lost:
            axes.annotate(f" {item.net:+d}", (max(item.gained, 0), p), va="center", fontsize=8)
    axes.axvline(0, color="black", linewidth=0.8)
    _by_criterion(axes, labels, _("Communes (net change at the end of each bar)"), report, columns=2)
    title = _("Change by criterion since the start of the year")
    axes.set_title(title, loc="left", fontweight="bold")
    return _render(plt, figure, "progress", title)


def draw_charts(report: Report) -> list[Chart]:
    """The charts of the report, in the report's language: three, and the progress with --since."""
    plt = _setup()
    charts = [criteria_chart(report, plt), bands_chart(report, plt), funding_chart(report, plt)]
    if report.check.progress is not None:
        charts.append(progress_chart(report, plt))
    return charts
