"""Writing a report file: the writer its extension names, the charts, atomically, never over an input."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ntmplan.files import write_atomic
from ntmplan.runs.report import Report

WRITERS = (".xlsx", ".html")


@dataclass
class ReportResult:
    """The files ``ntmplan report`` wrote."""

    written: list[str]

    def to_dict(self) -> dict[str, list[str]]:
        return {"written": self.written}


def write_report(report: Report, out: str, charts: str | None, inputs: list[str],
                 step: Callable[[str], None] = lambda name: None) -> ReportResult:
    """``report`` as ``out`` (.xlsx or .html), and with ``charts`` its charts as PNG files in that folder."""
    from ntmplan.report.charts import png_charts, svg_charts

    suffix = Path(out).suffix.lower()
    # The workbook's charts are Excel's own; the page's are SVG; matplotlib draws only the PNG files.
    drawn = svg_charts(report) if suffix == ".html" else []
    pictures = png_charts(report, charts) if charts is not None else []
    step("charts")
    if suffix == ".xlsx":
        from ntmplan.report.workbook import workbook_bytes

        payload = workbook_bytes(report)
    else:
        from ntmplan.report.html import html_text

        payload = html_text(report, drawn).encode("utf-8")
    write_atomic(out, payload, inputs)
    written = [out]
    if charts is not None:
        for name, png in pictures:
            target = str(Path(charts) / f"{name}.png")
            write_atomic(target, png, inputs)
            written.append(target)
    step("write")
    return ReportResult(written)
