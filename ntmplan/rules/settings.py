"""Configured findings: disabled rules, severity overrides, markers and baselines applied.

The engine hands every finding through ``apply_settings``, the one place where
configuration meets findings: a disabled rule's findings are dropped, a rule's
configured severity replaces its default, and a finding is silenced by an
in-file marker with a reason or by an entry of a baseline (the JSON output of
an earlier run) so that CI fails on new findings only.

Silenced findings stay in the result: they are counted in the summary
(``silenced``), listed with ``--show-silenced`` and in JSON and SARIF, and never
fail the run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import TYPE_CHECKING, Iterable, Mapping

from ntmplan.findings import Finding, Severity, Suppression

if TYPE_CHECKING:
    from ntmplan.loading.markers import IgnoreMarker
    from ntmplan.loading.yaml_source import YamlDocument


@dataclass(frozen=True)
class Settings:
    """What the engine applies; the default changes nothing."""

    source: str | None = None
    severity: Mapping[str, Severity] = field(default_factory=dict)
    disabled: frozenset[str] = frozenset()
    fail_on: str | None = None
    baseline: "Baseline | None" = None


@dataclass(frozen=True)
class Baseline:
    """Known findings from an earlier run, each as the fingerprint of what was found (``baseline_key``)."""

    file: str
    entries: frozenset[tuple[str, ...]]

    def __contains__(self, finding: Finding) -> bool:
        return baseline_key(finding.location.file, finding.code, finding.location.path, finding.expected,
                            finding.actual) in self.entries


def baseline_key(file: str, code: str, path: str, expected: object, found: object) -> tuple[str, ...]:
    """How a finding is recognised in a baseline: its file's name, its rule, its path, and the figures it
    expected and found as JSON writes them, so that FE03 moving from 10.95 to 10.91 is a new finding."""
    return (PurePath(file.replace("\\", "/")).name, code, path, _figure(expected), _figure(found))


def _figure(value: object) -> str:
    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)


def apply_settings(findings: Iterable[Finding], settings: Settings, document: "YamlDocument | None") -> list[Finding]:
    """Findings as configured: disabled rules dropped, severities overridden, and silenced
    findings marked by the document's markers or the baseline. The one place that does it."""
    from ntmplan.rules.registry import find_rule

    markers: dict[tuple[int, str], "IgnoreMarker"] = {}
    if document is not None:
        for marker in document.ignores:
            if marker.usable:
                for code in marker.codes:
                    found = find_rule(code)
                    if found is not None:
                        markers.setdefault((marker.target_line, found.code), marker)
    result = []
    for finding in findings:
        if finding.code in settings.disabled:
            continue
        severity = settings.severity.get(finding.code)
        if severity is not None and severity is not finding.severity:
            finding = replace(finding, severity=severity)
        marker = None
        if document is not None and finding.location.file == document.file and finding.location.line is not None:
            marker = markers.get((finding.location.line, finding.code))
        if marker is not None:
            finding = replace(finding, suppression=Suppression("in-source", marker.reason, marker.line))
        elif settings.baseline is not None and finding in settings.baseline:
            finding = replace(finding, suppression=Suppression("baseline", f"listed in {settings.baseline.file}"))
        result.append(finding)
    return result
