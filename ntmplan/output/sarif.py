"""SARIF 2.1.0, the format code-scanning services read (GitHub's among them).

One run of the tool ``ntmplan``: its driver lists each rule that ran, once, with
its summary and documentation (``ntmplan explain``) and its configured level; a
disabled rule is listed as not enabled. Each finding is a result pointing at the
file, line and column, with the path inside the document as a logical location
and the expected and found figures as properties. Silenced findings are results
with a suppression (``inSource`` for a marker, ``external`` for a baseline), so
that services show them as dismissed rather than lose them. Paths are relative
to the working directory when the files lie inside it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ntmplan import __version__
from ntmplan.findings import Finding, RuleRun, Severity
from ntmplan.output.reportable import relative, reportable
from ntmplan.output.view import View

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
# GitHub's code scanning reads a rule's 'problem.severity' as error, warning or recommendation only.
PROBLEM_SEVERITY = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "recommendation"}
SUPPRESSION = {"in-source": "inSource", "baseline": "external"}


def artifact_uri(file: str, root: Path | None) -> str:
    """A relative URI for files inside ``root``, a file: URI for others."""
    shown = relative(file, root)
    if Path(shown).is_absolute():
        return Path(shown).as_uri()
    return quote(shown)


def _rule(run: RuleRun) -> dict[str, Any]:
    return {
        "id": run.code,
        "name": run.name,
        "shortDescription": {"text": run.summary},
        "fullDescription": {"text": run.doc},
        "help": {
            "text": run.doc,
            "markdown": f"**{run.code} `{run.name}`** ({run.default.value}). {run.doc}",
        },
        "defaultConfiguration": {"level": LEVEL[run.severity], "enabled": run.enabled},
        "properties": {"tags": [run.scope], "problem.severity": PROBLEM_SEVERITY[run.default]},
    }


def _result(finding: Finding, index: dict[str, int], root: Path | None) -> dict[str, Any]:
    location = finding.location
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(location.file, root)}}
    if location.line is not None:
        region = {"startLine": location.line}
        if location.column is not None:
            region["startColumn"] = location.column
        physical["region"] = region
    place: dict[str, Any] = {"physicalLocation": physical}
    if location.path:
        place["logicalLocations"] = [{"fullyQualifiedName": location.path, "kind": "member"}]
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [place],
        "properties": {"expected": finding.expected, "actual": finding.actual, "tolerance": finding.tolerance},
    }
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    if finding.suppression is not None:
        result["suppressions"] = [
            {"kind": SUPPRESSION[finding.suppression.kind], "justification": finding.suppression.reason}
        ]
    return result


def render_sarif_text(result: Any, view: View) -> str:
    """The SARIF log of ``result`` as JSON text."""
    return json.dumps(render_sarif(result, view.root), ensure_ascii=False, indent=2, default=str) + "\n"


def render_sarif(result: Any, root: Path | None = None) -> dict[str, Any]:
    """The SARIF log of ``result`` as a JSON-ready dictionary."""
    report = reportable(result)
    rules = report.rules()
    index = {run.code: i for i, run in enumerate(rules)}
    summary = report.summary
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "ntmplan",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [_rule(run) for run in rules],
                    }
                },
                "automationDetails": {"id": f"ntmplan/{report.command}/"},
                "columnKind": "unicodeCodePoints",
                "artifacts": [{"location": {"uri": artifact_uri(file, root)}} for file in report.files],
                "results": [_result(f, index, root) for f in report.findings + report.silenced],
                "invocations": [
                    {
                        "executionSuccessful": True,
                        "exitCode": 1 if summary.failed else 0,
                        "properties": {"command": report.command, "summary": summary.to_dict()},
                    }
                ],
            }
        ],
    }
