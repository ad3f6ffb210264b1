"""A Markdown summary for a pull-request comment or a GitHub job summary.

A heading with the verdict, the counts, then one table row per finding (most
severe first, as everywhere), with the clickable ``file:line:column`` and the
path inside the document. Long lists are cut at ``MAX_ROWS`` rows so a comment
stays within what code hosts accept; the counts always cover everything.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ntmplan.findings import Finding, Severity
from ntmplan.output.reportable import counts, relative, reportable, verdict
from ntmplan.output.view import View

MAX_ROWS = 50
ICON = {Severity.ERROR: "❌ error", Severity.WARNING: "⚠️ warning", Severity.INFO: "ℹ️ info"}


def cell(text: object) -> str:
    """Text safe inside a Markdown table cell."""
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def code(text: str) -> str:
    return f"`{text}`" if "`" not in text else f"``{text}``"


def _figure(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def findings_table(findings: list[Finding], root: Path | None, reasons: bool = False) -> list[str]:
    """A Markdown table of ``findings``, cut at ``MAX_ROWS`` rows."""
    header = "| Severity | Rule | Where | Finding | Expected | Found |"
    if reasons:
        header += " Silenced because |"
    lines = [header, "|" + " --- |" * header.count(" |")]
    for finding in findings[:MAX_ROWS]:
        location = finding.location
        where = relative(location.file, root)
        if location.line is not None:
            where += f":{location.line}" + (f":{location.column}" if location.column is not None else "")
        place = code(where) + (f"<br>{code(location.path)}" if location.path else "")
        row = (
            f"| {ICON[finding.severity]} | {finding.code} {code(finding.name)} | {place} | {cell(finding.message)} "
            f"| {cell(_figure(finding.expected))} | {cell(_figure(finding.actual))} |"
        )
        if reasons and finding.suppression is not None:
            row += f" {cell(finding.suppression.reason)} |"
        lines.append(row)
    if len(findings) > MAX_ROWS:
        lines += ["", f"… and {len(findings) - MAX_ROWS} more (the full list: `--format json`)."]
    return lines


def render_markdown(result: Any, view: View) -> str:
    """The Markdown summary of ``result``."""
    report, root, show_silenced = reportable(result), view.root, view.show_silenced
    summary = report.summary
    mark = "❌" if summary.failed else "✅"
    files = ", ".join(code(relative(file, root)) for file in report.files)
    lines = [f"### {mark} ntmplan {report.command}: {files}", ""]
    lines += [f"**{verdict(summary).capitalize()}**: {counts(summary)}.", ""]
    for line in report.headline:
        lines += [cell(line), ""]
    if report.findings:
        lines += findings_table(report.findings, root) + [""]
    else:
        lines += ["No findings.", ""]
    if report.silenced:
        if show_silenced:
            lines += ["<details><summary>Silenced findings "
                      f"({len(report.silenced)})</summary>", ""]
            lines += findings_table(report.silenced, root, reasons=True) + ["", "</details>", ""]
        else:
            lines += [f"{len(report.silenced)} finding(s) silenced by in-file markers or the baseline "
                      "(`--show-silenced` lists them).", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def render_diff_markdown(result: Any, view: View) -> str:
    """``ntmplan diff`` as Markdown: for a job summary or a pull-request comment."""
    from ntmplan.diff.result import ATTENTION

    root = view.root
    old, new = code(relative(result.old_file, root)), code(relative(result.new_file, root))
    lines = [f"### Plan changes: {old} → {new}", ""]
    count = len(result.changes)
    attention = len(result.attention)
    lines += [f"**{count} change(s)**" + (f", **{attention} for a reviewer's attention** (⚠️: lowered targets, "
                                          "cuts in funding)" if attention else "") + ".", ""]
    if result.changes:
        lines += ["| | Change | Path | Lines (old → new) |", "| --- | --- | --- | --- |"]
        for change in result.changes[:MAX_ROWS * 4]:
            mark = "⚠️" if change.classification == ATTENTION else ""
            where = f"{change.old_line or '—'} → {change.new_line or '—'}"
            lines.append(f"| {mark} | {cell(change.message)} | {code(change.path)} | {where} |")
        if count > MAX_ROWS * 4:
            lines += ["", f"… and {count - MAX_ROWS * 4} more (the full list: `--format json`)."]
        lines.append("")
    else:
        lines += ["No change in the plan's content.", ""]
    validation = result.validation
    mark = "❌" if validation.summary.failed else "✅"
    lines += [f"{mark} The new plan {verdict(validation.summary)}: {counts(validation.summary)}.", ""]
    if result.introduced:
        lines += [f"Findings the edit introduces ({len(result.introduced)}):", ""]
        lines += findings_table(result.introduced, root) + [""]
    if result.resolved:
        lines += [f"Findings the edit resolves ({len(result.resolved)}): "
                  + ", ".join(f"{f.code} at {code(f.location.path)}" for f in result.resolved) + ".", ""]
    if result.fail_on_lowered_targets and result.lowered_targets:
        lines += [f"❌ {len(result.lowered_targets)} target(s) lowered or removed: fails with "
                  "`--fail-on-lowered-targets`.", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
