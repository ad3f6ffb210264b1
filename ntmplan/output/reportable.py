"""What the CI formats need from any result that reports findings, in one shape.

Every result that judges (``validate``, ``check``, ``budget``, ``diff``) names its
``command`` and ``files`` and holds a ``Verdict``: the findings, the silenced
ones, the summary, the rules that ran on which file with the severity the
configuration gives them, the targets judged and a headline. ``reportable``
reads those; nothing is recomputed or guessed, so every format says what the
table and the JSON say.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ntmplan.findings import Finding, JudgedTarget, RuleRun, Severity, Summary
from ntmplan.i18n import N_, _, ngettext, translate

SEVERITY_NAME = {Severity.ERROR: N_("error"), Severity.WARNING: N_("warning"), Severity.INFO: N_("info")}
LEVEL_NAME = {"never": N_("never")}


@dataclass
class Reportable:
    command: str
    files: list[str]
    findings: list[Finding]
    silenced: list[Finding]
    summary: Summary
    runs: list[RuleRun]
    targets: list[JudgedTarget] = field(default_factory=list)
    headline: list[str] = field(default_factory=list)

    def rules(self) -> list[RuleRun]:
        """Each rule once, in code order (its first run)."""
        seen: dict[str, RuleRun] = {}
        for run in self.runs:
            seen.setdefault(run.code, run)
        return [seen[code] for code in sorted(seen)]


def reportable(result: Any) -> Reportable:
    """The common view of any result with a ``command``, ``files`` and a ``verdict``."""
    verdict = result.verdict
    order = {file: index for index, file in enumerate(dict.fromkeys(run.file for run in verdict.runs))}
    runs = sorted(verdict.runs, key=lambda run: (order[run.file], run.code))
    return Reportable(result.command, list(result.files), verdict.findings, verdict.silenced, verdict.summary, runs,
                      verdict.targets, verdict.headline)


def relative(file: str, root: Path | None) -> str:
    """``file`` as a forward-slash path relative to ``root`` when it lies inside it.

    CI annotations and SARIF locations are relative to the repository, and golden
    files must not depend on where the checkout is.
    """
    path = Path(file)
    if root is not None and path.is_absolute():
        try:
            return PurePosixPath(path.resolve().relative_to(root.resolve())).as_posix()
        except ValueError:
            pass
    return file.replace("\\", "/")


def fails(finding: Finding, summary: Summary) -> bool:
    """Whether ``finding`` is at or above the failing level of the run."""
    if summary.fail_level == "never" or finding.suppression is not None:
        return False
    return finding.severity >= Severity(summary.fail_level)


def tally(summary: Summary) -> str:
    """'0 errors, 21 warnings, 4 info' in the reader's language."""
    return ", ".join([
        ngettext("{count} error", "{count} errors", summary.errors).format(count=summary.errors),
        ngettext("{count} warning", "{count} warnings", summary.warnings).format(count=summary.warnings),
        _("{count} info").format(count=summary.infos),
    ])


def counts(summary: Summary) -> str:
    """The tally, and how many findings were silenced."""
    text = tally(summary)
    if summary.silenced:
        text += _(", {count} silenced").format(count=summary.silenced)
    return text


def level_name(level: str) -> str:
    """The failing level in the reader's language: 'lỗi', 'cảnh báo', 'không bao giờ'."""
    names = {severity.value: name for severity, name in SEVERITY_NAME.items()} | LEVEL_NAME
    return translate(names[level]) if level in names else level


def verdict(summary: Summary) -> str:
    """'fails at level 'error'' or 'passes at level 'error'', the level named in the reader's language."""
    level = level_name(summary.fail_level)
    if summary.failed:
        return _("fails at level '{level}'").format(level=level)
    return _("passes at level '{level}'").format(level=level)
