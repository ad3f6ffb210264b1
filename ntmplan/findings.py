"""Findings are data: every rule, on the plan or on commune data, yields these.

One result model feeds every output format, so the table, the JSON and any
later format cannot disagree about what was found. A ``Verdict`` is what a
command reports of its findings: those that count, the silenced ones, the
summary, and which rules ran on which file (so no output has to guess).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

SCHEMA_VERSION = 1  # of every JSON output; raised when a key changes meaning or disappears


class Severity(str, Enum):
    """How serious a finding is; ordered so that thresholds can compare."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]

    def __ge__(self, other: "Severity") -> bool:  # type: ignore[override]
        return self.rank >= other.rank


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True)
class Location:
    """Where a finding points: a file, a 1-based line and column, a path inside it.

    For a YAML plan the path is the dotted path of keys and list indexes
    (``criteria[7].stated_share``); for commune data it names the column, and
    ``line`` is the 1-based row of the file, or of ``sheet`` in a workbook.
    """

    file: str
    line: int | None = None
    column: int | None = None
    path: str = ""
    sheet: str | None = None

    def __str__(self) -> str:
        parts = [self.file if self.sheet is None else f"{self.file}[{self.sheet}]"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def to_dict(self) -> dict[str, Any]:
        data = {"file": self.file, "line": self.line, "column": self.column, "path": self.path}
        if self.sheet is not None:
            data["sheet"] = self.sheet
        return data


@dataclass(frozen=True)
class Suppression:
    """Why a finding does not count: an in-file marker with its reason, or a baseline entry.

    ``kind`` is ``in-source`` (a ``# ntmplan: ignore[CODE] reason: ...`` comment
    in the plan) or ``baseline`` (the finding is listed in a baseline file).
    """

    kind: str
    reason: str
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "reason": self.reason, "line": self.line}


@dataclass(frozen=True)
class Finding:
    """One thing a rule noticed, with the figures that prove it.

    A silenced finding carries its ``suppression``; it is kept (and shown with
    ``--show-silenced``) but neither counts nor fails the run.
    """

    code: str
    name: str
    severity: Severity
    message: str
    location: Location
    expected: Any = None
    actual: Any = None
    tolerance: Any = None
    suppression: Suppression | None = None

    def to_dict(self) -> dict[str, Any]:
        data = {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "expected": self.expected,
            "actual": self.actual,
            "tolerance": self.tolerance,
            "location": self.location.to_dict(),
        }
        if self.suppression is not None:
            data["silenced"] = self.suppression.to_dict()
        return data


@dataclass
class Summary:
    """Counts by severity, and whether the run fails at the chosen level."""

    errors: int = 0
    warnings: int = 0
    infos: int = 0
    failed: bool = False
    fail_level: str = "error"
    silenced: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "errors": self.errors,
            "warnings": self.warnings,
            "infos": self.infos,
            "total": self.errors + self.warnings + self.infos,
            "silenced": self.silenced,
            "fail_level": self.fail_level,
            "failed": self.failed,
        }


def summarise(findings: list[Finding], fail_level: Severity | None) -> Summary:
    """Count findings; the run fails when one is at or above ``fail_level``.

    ``fail_level=None`` means findings never fail the run. Silenced findings
    are counted apart: they never fail it.
    """
    summary = Summary(fail_level=fail_level.value if fail_level else "never")
    for finding in findings:
        if finding.suppression is not None:
            summary.silenced += 1
            continue
        if finding.severity is Severity.ERROR:
            summary.errors += 1
        elif finding.severity is Severity.WARNING:
            summary.warnings += 1
        else:
            summary.infos += 1
        if fail_level is not None and finding.severity >= fail_level:
            summary.failed = True
    return summary


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Most severe first, then in file order, so reading top-down follows the file."""
    return sorted(
        findings,
        key=lambda f: (-f.severity.rank, f.location.file, f.location.line or 0, f.location.column or 0, f.code),
    )


def split_silenced(findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """(active, silenced): what the views show, and what ``--show-silenced`` adds."""
    active = [f for f in findings if f.suppression is None]
    return active, [f for f in findings if f.suppression is not None]


@dataclass(frozen=True)
class RuleRun:
    """A rule that ran (or was disabled) on one file, with its configured severity.

    Plain data copied from the rule, so that results and outputs need not import
    the rule registry.
    """

    code: str
    name: str
    scope: str
    summary: str
    doc: str
    default: Severity
    severity: Severity
    file: str
    enabled: bool = True


@dataclass(frozen=True)
class JudgedTarget:
    """A target of the plan that a rule judged against the data: one JUnit test case each."""

    code: str
    label: str
    path: str
    file: str
    status: str


@dataclass
class Verdict:
    """What a command reports: the findings that count, the silenced ones, the summary, the rules that ran.

    ``targets`` lists the plan's targets judged (``check``); ``headline`` is a
    line for summaries (the Markdown format) saying what was judged.
    """

    findings: list[Finding]
    silenced: list[Finding]
    summary: Summary
    runs: list[RuleRun] = field(default_factory=list)
    targets: list[JudgedTarget] = field(default_factory=list)
    headline: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, findings: list[Finding], runs: list[RuleRun], fail_level: Severity | None, **extra) -> "Verdict":
        active, silenced = split_silenced(findings)
        return cls(active, silenced, summarise(findings, fail_level), runs, **extra)

    @property
    def failed(self) -> bool:
        return self.summary.failed
