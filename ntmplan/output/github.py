"""GitHub Actions workflow commands: one annotation per finding, on the line it points at.

``::error file=plans/2019.yaml,line=291,col=7,title=SH01 share-mismatch::...``
shows the finding on that line of the pull request's diff. Errors become
``error``, warnings ``warning``, information ``notice``. Silenced findings are
not annotated. The data's progress against the plan's targets (the ``targets``
scope: TG01 a criterion behind, ...) is not annotated either: it is about the
commune data, not the plan line it points at, and would put a note on every
target of every pull request; the log counts it and ``--format markdown`` writes
it for the job summary. The last line (not a command) is the summary, for the log.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ntmplan.findings import Finding, Severity
from ntmplan.i18n import _, ngettext
from ntmplan.output.reportable import counts, relative, reportable, verdict
from ntmplan.output.view import View
from ntmplan.rules.registry import find_rule

LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """The message part of a workflow command (as the Actions toolkit escapes it)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file, title): also ':' and ',' are escaped."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, root: Path | None = None) -> str:
    location = finding.location
    properties = [f"file={escape_property(relative(location.file, root))}"]
    if location.line is not None:
        properties.append(f"line={location.line}")
        if location.column is not None:
            properties.append(f"col={location.column}")
    properties.append(f"title={escape_property(f'{finding.code} {finding.name}')}")
    message = finding.message
    if location.path:
        message += " " + _("(at {path})").format(path=location.path)
    return f"::{LEVEL[finding.severity]} {','.join(properties)}::{escape_data(message)}"


def is_progress(finding: Finding) -> bool:
    """A finding on how far the data is from a target of the plan (scope ``targets``)."""
    found = find_rule(finding.code)
    return found is not None and found.scope.name == "targets"


def render_github(result: Any, view: View) -> str:
    """The annotations of ``result`` (its progress findings only counted) and a closing summary line."""
    report, root = reportable(result), view.root
    progress = [finding for finding in report.findings if is_progress(finding)]
    lines = [annotation(finding, root) for finding in report.findings if not is_progress(finding)]
    if progress:
        codes = ", ".join(sorted({finding.code for finding in progress}))
        lines.append(ngettext(
            "{count} finding on the data's progress ({codes}) is not annotated: --format markdown writes it for the "
            "job summary.",
            "{count} findings on the data's progress ({codes}) are not annotated: --format markdown writes them for "
            "the job summary.", len(progress)).format(count=len(progress), codes=codes))
    files = ", ".join(relative(file, root) for file in report.files)
    lines.append(f"ntmplan {report.command}: " + _("{counts} in {files}: {verdict}").format(
        counts=counts(report.summary), files=files, verdict=verdict(report.summary)))
    return "\n".join(lines) + "\n"
