"""GitHub Actions workflow commands: one annotation per finding, on the line it points at.

``::error file=plans/2019.yaml,line=291,col=7,title=SH01 share-mismatch::...``
shows the finding on that line of the pull request's diff. Errors become
``error``, warnings ``warning``, information ``notice``. Silenced findings are
not annotated. The last line (not a command) is the summary, for the log.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ntmplan.findings import Finding, Severity
from ntmplan.output.reportable import counts, relative, reportable, verdict
from ntmplan.output.view import View

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
        message += f" (at {location.path})"
    return f"::{LEVEL[finding.severity]} {','.join(properties)}::{escape_data(message)}"


def render_github(result: Any, view: View) -> str:
    """The annotations of ``result`` and a closing summary line."""
    report, root = reportable(result), view.root
    lines = [annotation(finding, root) for finding in report.findings]
    files = ", ".join(relative(file, root) for file in report.files)
    lines.append(f"ntmplan {report.command}: {counts(report.summary)} in {files}: {verdict(report.summary)}")
    return "\n".join(lines) + "\n"
