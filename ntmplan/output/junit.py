"""JUnit XML, which CI dashboards show as test results.

One test suite per file and kind of rule; one test case per rule on that file
(``SH01 share-mismatch``), and for ``check`` one per target of the plan
(``TG01 criterion 2 Transport``), so a dashboard lists what passed as well as
what failed. A case fails (``<failure>``) when it has a finding at or above the
failing level, exactly when that finding makes the run exit 1; findings below
the level and silenced ones are written to the case's ``<system-out>``. A rule
disabled in the configuration is a skipped case.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from ntmplan.findings import Finding
from ntmplan.output.reportable import fails, relative, reportable
from ntmplan.output.view import View

SCOPE_TITLE = {
    "plan": "plan rules",
    "budget": "budget rules",
    "markers": "in-file marker rules",
    "data": "commune data rules",
    "targets": "targets",
    "actuals": "funding actuals rules",
}


def _line(finding: Finding, root: Path | None) -> str:
    where = relative(finding.location.file, root)
    if finding.location.line is not None:
        where += f":{finding.location.line}"
        if finding.location.column is not None:
            where += f":{finding.location.column}"
    path = f" {finding.location.path}" if finding.location.path else ""
    text = f"{finding.severity.value} {finding.code} {where}{path}: {finding.message}"
    if finding.suppression is not None:
        text += f" [silenced: {finding.suppression.reason}]"
    return text


class _Suite:
    def __init__(self, parent: ET.Element, name: str, file: str):
        self.element = ET.SubElement(parent, "testsuite", name=name, file=file)
        self.tests = self.failures = self.skipped = 0

    def case(self, classname: str, name: str, file: str, findings: list[Finding], summary, root,
             enabled: bool = True) -> None:
        case = ET.SubElement(self.element, "testcase", classname=classname, name=name, file=file, time="0")
        self.tests += 1
        if not enabled:
            ET.SubElement(case, "skipped", message="disabled in the configuration")
            self.skipped += 1
            return
        failing = [f for f in findings if fails(f, summary)]
        others = [f for f in findings if not fails(f, summary)]
        if failing:
            failure = ET.SubElement(
                case,
                "failure",
                message=failing[0].message if len(failing) == 1 else f"{len(failing)} findings; the first: "
                f"{failing[0].message}",
                type=failing[0].code,
            )
            failure.text = "\n".join(_line(f, root) for f in failing)
            self.failures += 1
        if others:
            ET.SubElement(case, "system-out").text = "\n".join(_line(f, root) for f in others)

    def close(self) -> None:
        for key, value in (("tests", self.tests), ("failures", self.failures), ("errors", 0),
                           ("skipped", self.skipped), ("time", "0")):
            self.element.set(key, str(value))


def render_junit(result: Any, view: View) -> str:
    """The JUnit XML document of ``result``."""
    report, root = reportable(result), view.root
    everything = report.findings + report.silenced
    by_rule_file: dict[tuple[str, str], list[Finding]] = {}
    for finding in everything:
        by_rule_file.setdefault((finding.code, finding.location.file), []).append(finding)
    root_element = ET.Element("testsuites", name=f"ntmplan {report.command}")
    suites: dict[tuple[str, str], _Suite] = {}
    target_codes = {case.code for case in report.targets}
    for run in report.runs:
        if run.code in target_codes:
            continue  # judged target by target below
        key = (run.scope, run.file)
        if key not in suites:
            suites[key] = _Suite(root_element, f"{SCOPE_TITLE[run.scope]}: {relative(run.file, root)}",
                                 relative(run.file, root))
        suites[key].case(f"ntmplan.{report.command}.{run.scope}", f"{run.code} {run.name}",
                         relative(run.file, root), by_rule_file.get((run.code, run.file), []),
                         report.summary, root, run.enabled)
    if report.targets:
        enabled = {run.code: run.enabled for run in report.runs}
        by_target: dict[tuple[str, str], list[Finding]] = {}
        for finding in everything:
            by_target.setdefault((finding.code, finding.location.path), []).append(finding)
        file = report.targets[0].file
        suite = suites[("targets", file)] = _Suite(root_element, f"targets: {relative(file, root)}",
                                                   relative(file, root))
        for target in report.targets:
            suite.case(f"ntmplan.{report.command}.targets", f"{target.code} {target.label}", relative(file, root),
                       by_target.get((target.code, target.path), []), report.summary, root,
                       enabled.get(target.code, True))
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for suite in suites.values():
        suite.close()
        totals["tests"] += suite.tests
        totals["failures"] += suite.failures
        totals["skipped"] += suite.skipped
    for key, value in totals.items():
        root_element.set(key, str(value))
    root_element.set("errors", "0")
    ET.indent(root_element)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root_element, encoding="unicode") + "\n"
