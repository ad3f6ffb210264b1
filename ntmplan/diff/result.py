"""What ``ntmplan diff`` reports: the changes between two plans, and whether the new one validates.

Plain data, rendered as a table, JSON or Markdown; nothing here is recomputed by
a view.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ntmplan.findings import SCHEMA_VERSION, Finding, Verdict

ATTENTION = "attention"
INFO = "info"

# What a reviewer reads first: lowered or removed targets and cuts in funding.
LOWERED_TARGET_KINDS = {"lowered", "postponed", "removed"}
TARGET_SUBJECTS = {"criterion", "headline", "bands", "band", "group", "sub-target", "support-scheme"}


@dataclass(frozen=True)
class Change:
    """One semantic change: what (subject), how (kind), where in both files, and in plain words.

    ``subject`` names the part of the plan (criterion, sub-target, band, group,
    headline, budget, source, task, agency, document, metadata, ...); ``kind``
    what happened to it (raised, lowered, increased, cut, money-moved, added,
    removed, retimed, reassigned, renamed, recoded, moved, postponed, changed).
    ``classification`` is ``attention`` for lowered or removed targets and cuts
    in funding, ``info`` otherwise.
    """

    subject: str
    kind: str
    label: str
    message: str
    classification: str
    old_path: str | None = None
    new_path: str | None = None
    old: Any = None
    new: Any = None
    old_line: int | None = None
    new_line: int | None = None
    delta: float | None = None

    @property
    def path(self) -> str:
        return self.new_path if self.new_path is not None else self.old_path or ""

    @property
    def lowers_a_target(self) -> bool:
        return self.subject in TARGET_SUBJECTS and self.kind in LOWERED_TARGET_KINDS

    def to_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "kind": self.kind,
            "classification": self.classification,
            "label": self.label,
            "message": self.message,
            "path": self.path,
            "old": {"path": self.old_path, "line": self.old_line, "value": _plain(self.old)},
            "new": {"path": self.new_path, "line": self.new_line, "value": _plain(self.new)},
            "delta": self.delta,
        }


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


@dataclass
class DiffResult:
    """The changes from ``old_file`` to ``new_file``, the new plan's validation, and the verdict."""

    command = "diff"

    old_file: str
    new_file: str
    changes: list[Change]
    validation: Verdict
    introduced: list[Finding] = field(default_factory=list)
    resolved: list[Finding] = field(default_factory=list)
    fail_on_lowered_targets: bool = False

    @property
    def attention(self) -> list[Change]:
        return [change for change in self.changes if change.classification == ATTENTION]

    @property
    def lowered_targets(self) -> list[Change]:
        return [change for change in self.changes if change.lowers_a_target]

    @property
    def files(self) -> list[str]:
        return [self.new_file]

    @property
    def verdict(self) -> Verdict:
        """The new plan's validation: what the CI formats report of a diff."""
        return self.validation

    @property
    def failed(self) -> bool:
        """The new plan fails validation, or targets were lowered and ``--fail-on-lowered-targets`` asks to fail."""
        return self.validation.summary.failed or (self.fail_on_lowered_targets and bool(self.lowered_targets))

    def to_dict(self) -> dict[str, Any]:
        kinds: dict[str, int] = {}
        for change in self.changes:
            kinds[change.kind] = kinds.get(change.kind, 0) + 1
        return {
            "schema_version": SCHEMA_VERSION,
            "old": self.old_file,
            "new": self.new_file,
            "summary": {
                "changes": len(self.changes),
                "attention": len(self.attention),
                "lowered_targets": len(self.lowered_targets),
                "by_kind": dict(sorted(kinds.items())),
                "failed": self.failed,
            },
            "changes": [change.to_dict() for change in self.changes],
            "validation": {
                "file": self.new_file,
                "summary": self.validation.summary.to_dict(),
                "introduced": [finding.to_dict() for finding in self.introduced],
                "resolved": [finding.to_dict() for finding in self.resolved],
            },
        }
