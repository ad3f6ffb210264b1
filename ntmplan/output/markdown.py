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
from ntmplan.i18n import _, ngettext, translate
from ntmplan.numbers import figure_text
from ntmplan.output.reportable import SEVERITY_NAME, counts, relative, reportable, verdict
from ntmplan.output.view import View

MAX_ROWS = 50
ICON = {Severity.ERROR: "❌", Severity.WARNING: "⚠️", Severity.INFO: "ℹ️"}


def cell(text: object) -> str:
    """Text safe inside a Markdown table cell."""
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def code(text: str) -> str:
    return f"`{text}`" if "`" not in text else f"``{text}``"


def severity(finding: Finding) -> str:
    """'⚠️ warning' / '⚠️ cảnh báo'."""
    return f"{ICON[finding.severity]} {translate(SEVERITY_NAME[finding.severity])}"


def sentence(text: str) -> str:
    """``text`` with a capital first letter, the rest as written ('Đạt ở mức 'lỗi'')."""
    return text[:1].upper() + text[1:]


def more(count: int) -> str:
    """The line under a table cut at its last row."""
    return _("… and {count} more (the full list: `--format json`).").format(count=count)


def findings_table(findings: list[Finding], root: Path | None, reasons: bool = False) -> list[str]:
    """A Markdown table of ``findings``, cut at ``MAX_ROWS`` rows."""
    titles = [_("Severity"), _("Rule"), _("Where"), _("Finding"), _("Expected"), _("Found")]
    if reasons:
        titles.append(_("Silenced because"))
    lines = ["| " + " | ".join(titles) + " |", "|" + " --- |" * len(titles)]
    for finding in findings[:MAX_ROWS]:
        location = finding.location
        where = relative(location.file, root)
        if location.line is not None:
            where += f":{location.line}" + (f":{location.column}" if location.column is not None else "")
        place = code(where) + (f"<br>{code(location.path)}" if location.path else "")
        row = (
            f"| {severity(finding)} | {finding.code} {code(finding.name)} | {place} | {cell(finding.message)} "
            f"| {cell(figure_text(finding.expected))} | {cell(figure_text(finding.actual))} |"
        )
        if reasons and finding.suppression is not None:
            row += f" {cell(finding.suppression.reason)} |"
        lines.append(row)
    if len(findings) > MAX_ROWS:
        lines += ["", more(len(findings) - MAX_ROWS)]
    return lines


def render_markdown(result: Any, view: View) -> str:
    """The Markdown summary of ``result``."""
    report, root, show_silenced = reportable(result), view.root, view.show_silenced
    summary = report.summary
    mark = "❌" if summary.failed else "✅"
    files = ", ".join(code(relative(file, root)) for file in report.files)
    lines = [f"### {mark} ntmplan {report.command}: {files}", ""]
    lines += [f"**{sentence(verdict(summary))}**: {counts(summary)}.", ""]
    for line in report.headline:
        lines += [cell(line), ""]
    if report.findings:
        lines += findings_table(report.findings, root) + [""]
    else:
        lines += [_("No findings."), ""]
    if report.silenced:
        if show_silenced:
            title = _("Silenced findings ({count})").format(count=len(report.silenced))
            lines += [f"<details><summary>{title}</summary>", ""]
            lines += findings_table(report.silenced, root, reasons=True) + ["", "</details>", ""]
        else:
            lines += [ngettext("{count} finding silenced by an in-file marker or the baseline "
                               "(`--show-silenced` lists it).",
                               "{count} findings silenced by in-file markers or the baseline "
                               "(`--show-silenced` lists them).", len(report.silenced)).format(
                count=len(report.silenced)), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def render_diff_markdown(result: Any, view: View) -> str:
    """``ntmplan diff`` as Markdown: for a job summary or a pull-request comment."""
    from ntmplan.diff.result import ATTENTION

    root = view.root
    old, new = code(relative(result.old_file, root)), code(relative(result.new_file, root))
    lines = ["### " + _("Plan changes: {old} → {new}").format(old=old, new=new), ""]
    count = len(result.changes)
    attention = len(result.attention)
    changes = "**" + ngettext("{count} change", "{count} changes", count).format(count=count) + "**"
    if attention:
        changes += ", **" + _("{count} for a reviewer's attention").format(count=attention) + "** " + _(
            "(⚠️: lowered targets, cuts in funding)")
    lines += [changes + ".", ""]
    if result.changes:
        lines += ["| | " + " | ".join((_("Change"), _("Path"), _("Lines (old → new)"))) + " |",
                  "| --- | --- | --- | --- |"]
        for change in result.changes[:MAX_ROWS * 4]:
            mark = "⚠️" if change.classification == ATTENTION else ""
            where = f"{change.old_line or '—'} → {change.new_line or '—'}"
            lines.append(f"| {mark} | {cell(change.message)} | {code(change.path)} | {where} |")
        if count > MAX_ROWS * 4:
            lines += ["", more(count - MAX_ROWS * 4)]
        lines.append("")
    else:
        lines += [_("No change in the plan's content."), ""]
    validation = result.validation
    mark = "❌" if validation.summary.failed else "✅"
    lines += [mark + " " + _("The new plan {verdict}: {counts}.").format(verdict=verdict(validation.summary),
                                                                         counts=counts(validation.summary)), ""]
    if result.introduced:
        lines += [_("Findings the edit introduces ({count}):").format(count=len(result.introduced)), ""]
        lines += findings_table(result.introduced, root) + [""]
    if result.resolved:
        resolved = ", ".join(_("{code} at {path}").format(code=f.code, path=code(f.location.path))
                             for f in result.resolved)
        lines += [_("Findings the edit resolves ({count}): {findings}.").format(count=len(result.resolved),
                                                                                findings=resolved), ""]
    if result.fail_on_lowered_targets and result.lowered_targets:
        lines += ["❌ " + ngettext("{count} target lowered or removed: fails with `--fail-on-lowered-targets`.",
                                   "{count} targets lowered or removed: fail with `--fail-on-lowered-targets`.",
                                   len(result.lowered_targets)).format(count=len(result.lowered_targets)), ""]
    return "\n".join(lines).rstrip("\n") + "\n"
