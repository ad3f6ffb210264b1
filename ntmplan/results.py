"""Results of the plan commands: plain data that every output format renders.

Formatters never compute: what the table shows and what the JSON holds come
from the same object, so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ntmplan.findings import Finding, Severity, Summary, split_silenced, summarise
from ntmplan.loading.plan_loader import LoadedPlan
from ntmplan.rules.tolerance import check_share

SCHEMA_VERSION = 1


@dataclass
class FindingsResult:
    """What ``validate`` reports: the findings on one file (or several) and their summary.

    ``findings`` are those that count; ``silenced`` those that an in-file marker
    or a baseline silenced. With several files, ``file`` names them all and
    ``files`` lists them.
    """

    file: str
    findings: list[Finding]
    summary: Summary
    note: str | None = None
    silenced: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, file: str, findings: list[Finding], fail_level: Severity | None, note: str | None = None):
        active, silenced = split_silenced(findings)
        return cls(file, active, summarise(findings, fail_level), note, silenced, [file])

    @classmethod
    def combine(cls, results: list["FindingsResult"], fail_level: Severity | None) -> "FindingsResult":
        """One result for several files, as ``validate a.yaml b.yaml`` reports them."""
        if len(results) == 1:
            return results[0]
        files = [file for result in results for file in result.files]
        everything = [f for result in results for f in result.findings + result.silenced]
        notes = [result.note for result in results if result.note]
        combined = cls.of(", ".join(files), everything, fail_level, "\n".join(notes) or None)
        combined.files = files
        return combined

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "file": self.file,
            "files": self.files or [self.file],
            "findings": [finding.to_dict() for finding in self.findings],
            "silenced": [finding.to_dict() for finding in self.silenced],
            "summary": self.summary.to_dict(),
        }


@dataclass
class CriterionTarget:
    number: int
    name_vi: str
    name_en: str
    added: int | None
    total: int | None
    stated_share: float | None
    computed_share: float | None
    sub_targets: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class TargetsResult:
    """What ``targets`` shows: each criterion's figures, with the share recomputed."""

    file: str
    communes: int
    criteria: list[CriterionTarget]
    standard_added: int | None
    standard_total: int | None
    average_min: float
    average_max: float

    @classmethod
    def of(cls, loaded: LoadedPlan) -> "TargetsResult":
        plan = loaded.plan
        communes = plan.metadata.province.communes
        criteria = []
        for i, criterion in enumerate(plan.criteria):
            target = criterion.communes
            computed = None
            if target.total is not None:
                raw = loaded.document.raw(f"criteria[{i}].communes.stated_share") or "0.0"
                computed = float(check_share(target.total, communes, target.stated_share or 0, raw).rounded)
            subs = [
                {
                    "key": sub.key,
                    "description": sub.description.en,
                    "description_vi": sub.description.vi,
                    "value": sub.value,
                    "unit": sub.unit.value,
                    "comparison": sub.comparison,
                    "of": sub.of,
                    "stated_share": sub.stated_share,
                }
                for sub in criterion.sub_targets
            ]
            criteria.append(
                CriterionTarget(
                    criterion.number,
                    criterion.name.vi,
                    criterion.name.en,
                    target.added,
                    target.total,
                    target.stated_share,
                    computed,
                    subs,
                )
            )
        headline = plan.headline
        return cls(
            loaded.file,
            communes,
            criteria,
            headline.standard_communes.added,
            headline.standard_communes.total,
            headline.average_criteria.min,
            headline.average_criteria.max,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "file": self.file,
            "communes": self.communes,
            "standard_communes": {"added": self.standard_added, "total": self.standard_total},
            "average_criteria": {"min": self.average_min, "max": self.average_max},
            "criteria": [vars(c) for c in self.criteria],
        }
