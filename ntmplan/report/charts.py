"""The report's charts: inline SVG for the HTML page (own code), PNG files for slides (matplotlib).

Criteria against targets, communes by number of criteria met against the plan's
bands, funding by source, and (with ``--since``) the change by criterion since
the start of the year. Figures and words come from the report's results;
axis numbers are written in the report's language. The page's charts are plain
SVG bars drawn here, so a plain install needs no plotting library; the PNG files
of ``report --charts`` are drawn with matplotlib, the optional extra
``ntmplan[charts]``. The Excel workbook draws the same charts natively from its
own cells (``workbook.py``), so they stay editable there.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import textwrap
from dataclasses import dataclass
from html import escape

from ntmplan import numbers
from ntmplan.errors import InputError
from ntmplan.i18n import Lang, _, pick
from ntmplan.runs.report import Report

NOW, TARGET = "#2b6cb0", "#c05621"
DPI = 150
CHARTS_EXTRA = "pip install 'ntmplan[charts]'"


@dataclass(frozen=True)
class Chart:
    """One chart of the page: a file name stem, its title and its SVG."""

    name: str
    title: str
    svg: str


@dataclass(frozen=True)
class Bars:
    """One series of bars: its legend, colour and a value per category."""

    label: str
    color: str
    values: list[float]


WIDTH, LABELS, ROW, FONT = 760, 270, 24, 12


def _ticks(low: float, high: float) -> list[float]:
    """About five round steps covering ``low``-``high`` (and zero)."""
    low, high = min(low, 0.0), max(high, 0.0)
    span = high - low or 1.0
    raw = span / 5
    step = 10 ** math.floor(math.log10(raw))
    step *= next(factor for factor in (1, 2, 2.5, 5, 10) if step * factor >= raw)
    first = math.floor(low / step)
    return [index * step for index in range(first, math.ceil(high / step) + 1)]


def _text(x: float, y: float, text: str, anchor: str = "start", size: int = FONT, weight: str = "normal") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" font-weight="{weight}">'
            f"{escape(text)}</text>")


def _svg(height: float, title: str, body: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" width="{WIDTH}" '
            f'height="{height:.0f}" font-family="DejaVu Sans, Arial, sans-serif">'
            + _text(8, 20, title, size=14, weight="bold") + "".join(body) + "</svg>")


def _legend(series: list[Bars], y: float) -> list[str]:
    parts, x = [], LABELS
    for bars in series:
        parts.append(f'<rect x="{x}" y="{y - 10}" width="12" height="12" fill="{bars.color}"/>')
        parts.append(_text(x + 16, y, bars.label))
        x += 28 + 7 * len(bars.label)
    return parts


@dataclass(frozen=True)
class Marks:
    """Black ticks across the first series' bars (an expected value, a projection): a legend and a value per row."""

    label: str
    values: list[float | None]


def horizontal_bars(title: str, labels: list[str], series: list[Bars], axis: str, lang: Lang,
                    notes: list[str] | None = None, marks: tuple[Marks, ...] = ()) -> str:
    """Categories down the side, first on top, each with a bar per series; ``notes`` written after the bars."""
    values = [value for bars in series for value in bars.values]
    ticks = _ticks(min(values, default=0), max(values, default=1))
    left, right, top = LABELS, WIDTH - 90, 36
    scale = (right - left) / ((ticks[-1] - ticks[0]) or 1)
    x = lambda value: left + (value - ticks[0]) * scale  # noqa: E731
    body, bar = [], (ROW - 6) / len(series)
    for row, label in enumerate(labels):
        y = top + row * ROW
        body.append(_text(left - 6, y + ROW / 2 + 4, textwrap.shorten(label, 42, placeholder="…"), anchor="end"))
        for index, bars in enumerate(series):
            value = bars.values[row]
            start, end = sorted((x(0), x(value)))
            body.append(f'<rect x="{start:.1f}" y="{y + 3 + index * bar:.1f}" width="{end - start:.1f}" '
                        f'height="{bar:.1f}" fill="{bars.color}"><title>{escape(numbers.number(value, lang))}'
                        "</title></rect>")
        for mark in marks:
            if mark.values[row] is not None:
                body.append(f'<line x1="{x(mark.values[row]):.1f}" y1="{y + 1}" x2="{x(mark.values[row]):.1f}" '
                            f'y2="{y + 3 + bar + 2:.1f}" stroke="black" stroke-width="2"/>')
        if notes and notes[row]:
            body.append(_text(max(x(0), max(x(bars.values[row]) for bars in series)) + 4, y + ROW / 2 + 4,
                              notes[row], size=10))
    bottom = top + len(labels) * ROW
    body.append(f'<line x1="{x(0):.1f}" y1="{top}" x2="{x(0):.1f}" y2="{bottom}" stroke="black"/>')
    for tick in ticks:
        body.append(_text(x(tick), bottom + 16, numbers.number(tick, lang, 0 if tick == int(tick) else 1),
                          anchor="middle", size=10))
    body.append(_text((left + right) / 2, bottom + 34, axis, anchor="middle"))
    body += _legend(series, bottom + 56) if len(series) > 1 else []
    for index, mark in enumerate(marks):
        y = bottom + 76 + 18 * index
        body += [f'<line x1="{LABELS + 6}" y1="{y - 11}" x2="{LABELS + 6}" y2="{y + 2}" stroke="black" stroke-width="2"/>',
                 _text(LABELS + 16, y, mark.label)]
    return _svg(bottom + 66 + 18 * len(marks), title, body)


def vertical_bars(title: str, labels: list[str], series: list[Bars], axis: str, lang: Lang) -> str:
    """Categories along the bottom, each with a bar per series and its value on top."""
    values = [value for bars in series for value in bars.values]
    ticks = _ticks(0, max(values, default=1))
    left, right, top, bottom = 60, WIDTH - 20, 40, 260
    scale = (bottom - top) / (ticks[-1] or 1)
    slot = (right - left) / max(len(labels), 1)
    bar = slot * 0.8 / len(series)
    body = []
    for tick in ticks:
        y = bottom - tick * scale
        body.append(f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="#ddd"/>')
        body.append(_text(left - 6, y + 4, numbers.number(tick, lang, 0 if tick == int(tick) else 1), anchor="end",
                          size=10))
    for column, label in enumerate(labels):
        x = left + column * slot + slot * 0.1
        for index, bars in enumerate(series):
            value = bars.values[column]
            body.append(f'<rect x="{x + index * bar:.1f}" y="{bottom - value * scale:.1f}" width="{bar:.1f}" '
                        f'height="{value * scale:.1f}" fill="{bars.color}"/>')
            body.append(_text(x + (index + 0.5) * bar, bottom - value * scale - 3, numbers.number(value, lang),
                              anchor="middle", size=10))
        body.append(_text(left + (column + 0.5) * slot, bottom + 16, label, anchor="middle", size=11))
    body.append(f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="black"/>')
    body.append(_text(14, (top + bottom) / 2, axis, anchor="middle"))
    body += _legend(series, bottom + 40)
    return _svg(bottom + 50, title, body)


def _criteria_labels(items, lang: Lang) -> list[str]:
    return [f"{c.number}. {pick(c.name_vi, c.name_en, lang)}" for c in items]


def _criteria_marks(check, items, lang: Lang) -> tuple[Marks, ...]:
    """What is expected by the date judged at, and where this pace leads by the year-end, when known."""
    expected = [c.expected if c.expected is not None and c.expected != c.target else None for c in items]
    paced = [c.pace.projected if c.pace is not None else None for c in items]
    marks = []
    if any(value is not None for value in expected):
        date = numbers.date_text(dt.date.fromisoformat(check.basis.as_of), lang)
        marks.append(Marks(_("Expected by {date}").format(date=date), expected))
    if any(value is not None for value in paced):
        marks.append(Marks(_("At this pace by the year-end"), paced))
    return tuple(marks)


def svg_charts(report: Report) -> list[Chart]:
    """The page's charts, in the report's language: three, and the progress with --since."""
    lang, check = report.lang, report.check
    items = [c for c in check.criteria if c.target is not None]
    title = _("Criteria: communes now and the year's target")
    charts = [Chart("criteria", title, horizontal_bars(
        title, _criteria_labels(items, lang),
        [Bars(_("Now"), NOW, [c.actual for c in items]), Bars(_("Year-end target"), TARGET, [c.target for c in items])],
        _("Communes meeting the criterion"), lang, marks=_criteria_marks(check, items, lang)))]
    from ntmplan.output.check_view import band_label

    title = _("Communes by number of criteria met")
    charts.append(Chart("bands", title, vertical_bars(
        title, [band_label(band, lang) for band in check.bands],
        [Bars(_("Now"), NOW, [b.actual for b in check.bands]),
         Bars(_("Planned"), TARGET, [b.target or 0 for b in check.bands])], _("Communes"), lang)))
    budget = report.budget.tree
    unit = numbers.unit_label(budget.unit, lang)
    title = _("Funding by source: {total} {unit}").format(
        total=numbers.number(budget.total, lang, budget.total_places), unit=unit)
    charts.append(Chart("funding", title, horizontal_bars(
        title, [pick(s.name_vi, s.name_en, lang) for s in budget.sources],
        [Bars(unit, NOW, [s.amount for s in budget.sources])], unit, lang,
        [f"{numbers.number(s.amount, lang, s.amount_places)} ({numbers.percent(s.computed_share, lang, 1)})"
         for s in budget.sources])))
    if check.progress is not None:
        changes = check.progress.criteria
        title = _("Change by criterion since the start of the year")
        charts.append(Chart("progress", title, horizontal_bars(
            title, _criteria_labels(changes, lang),
            [Bars(_("Communes that gained it"), NOW, [c.gained for c in changes]),
             Bars(_("Communes that lost it"), TARGET, [-c.lost for c in changes])],
            _("Communes (net change at the end of each bar)"), lang,
            [f"{c.net:+d}" if c.gained or c.lost else "" for c in changes])))
    return charts


def _setup(folder: str):
    try:
        import matplotlib
    except ImportError:
        raise InputError(folder, _("PNG charts need the optional plotting library matplotlib, which is not installed"),
                         expected=_("ntmplan installed with its charts extra: {command}").format(command=CHARTS_EXTRA),
                         found=_("no matplotlib")) from None

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update(
        {
            "font.family": "DejaVu Sans",  # ships with matplotlib; has every Vietnamese letter
            "font.size": 9,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )
    return plt


def _render(plt, figure, name: str) -> tuple[str, bytes]:
    png = io.BytesIO()
    figure.savefig(png, format="png", dpi=DPI, bbox_inches="tight", metadata={"Software": None})
    plt.close(figure)
    return name, png.getvalue()


def _formatter(lang, places: int = 0):
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _position: numbers.number(value, lang, places))


def criteria_chart(report: Report, plt) -> tuple[str, bytes]:
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
    return _render(plt, figure, "criteria")


def _by_criterion(axes, labels: list[str], label: str, report: Report, columns: int) -> None:
    """The criteria down the side, first on top, the axis and the legend below in the report's language."""
    axes.set_yticks(list(range(len(labels))), labels)
    axes.invert_yaxis()
    axes.set_xlabel(label)
    axes.xaxis.set_major_formatter(_formatter(report.lang))
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.06 - 0.6 / len(labels)), ncol=columns, frameon=False)


def bands_chart(report: Report, plt) -> tuple[str, bytes]:
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
    return _render(plt, figure, "bands")


def funding_chart(report: Report, plt) -> tuple[str, bytes]:
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
    return _render(plt, figure, "funding")


def progress_chart(report: Report, plt) -> tuple[str, bytes]:
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
    return _render(plt, figure, "progress")


def png_charts(report: Report, folder: str) -> list[tuple[str, bytes]]:
    """(name, PNG bytes) of the report's charts for ``folder``, drawn with matplotlib (``ntmplan[charts]``)."""
    plt = _setup(folder)
    charts = [criteria_chart(report, plt), bands_chart(report, plt), funding_chart(report, plt)]
    if report.check.progress is not None:
        charts.append(progress_chart(report, plt))
    return charts
