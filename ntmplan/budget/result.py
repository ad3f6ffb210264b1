"""What ``ntmplan budget`` reports: the funding tree with its shares, and the findings.

The verdicts (does a share agree, do the parts add up) are those of the budget
rules BU01-BU04, run through the engine; this module only attaches each finding
to the row of the tree it points at. The computed shares shown next to the
stated ones use the same exact decimal arithmetic as the rules
(``rules/tolerance.py``), so a reader can see why a rule spoke.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ntmplan.findings import Finding, Severity, Summary, split_silenced, summarise
from ntmplan.loading.plan_loader import LoadedPlan
from ntmplan.model.plan import Source
from ntmplan.rules.tolerance import check_share, exact
from ntmplan.text import decimals

if TYPE_CHECKING:
    from ntmplan.budget.execution import Execution

SCHEMA_VERSION = 1
OK = "ok"
SHARE_PLACES = 4


@dataclass
class SourceRow:
    """One source or sub-source with its stated and computed figures."""

    key: str
    name_vi: str
    name_en: str
    path: str
    line: int | None
    depth: int
    amount: float
    amount_places: int
    stated_share: float | None
    share_places: int
    computed_share: float
    rounded_share: float | None
    parent_share: float | None
    difference: float | None
    tolerance: float | None
    status: str
    codes: list[str]
    children: list["SourceRow"] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": {"vi": self.name_vi, "en": self.name_en},
            "amount": self.amount,
            "stated_share": self.stated_share,
            "computed_share": self.computed_share,
            "computed_share_rounded": self.rounded_share,
            "share_of_parent": self.parent_share,
            "difference": self.difference,
            "tolerance": self.tolerance,
            "status": self.status,
            "findings": self.codes,
            "location": {"line": self.line, "path": self.path},
            "children": [child.to_dict() for child in self.children],
        }


@dataclass
class BudgetResult:
    """The funding plan as a tree of rows, its totals, the findings and their summary."""

    file: str
    title: str
    unit: str
    total: float
    total_places: int
    total_line: int | None
    sources_sum: float
    sources_sum_share: float | None
    stated_shares_sum: float | None
    total_status: str
    total_codes: list[str]
    sources: list[SourceRow]
    findings: list[Finding]
    summary: Summary
    note: str | None = None
    execution: "Execution | None" = None
    silenced: list[Finding] = field(default_factory=list)

    def rows(self) -> list[SourceRow]:
        """Every row, parents before their children, as the table lists them."""

        def walk(rows: list[SourceRow]):
            for row in rows:
                yield row
                yield from walk(row.children)

        return list(walk(self.sources))

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "file": self.file,
            "unit": self.unit,
            "total": self.total,
            "sources_sum": self.sources_sum,
            "sources_sum_share": self.sources_sum_share,
            "stated_shares_sum": self.stated_shares_sum,
            "total_status": self.total_status,
            "sources": [row.to_dict() for row in self.sources],
            "execution": self.execution.to_dict() if self.execution else None,
            "findings": [finding.to_dict() for finding in self.findings],
            "silenced": [finding.to_dict() for finding in self.silenced],
            "summary": self.summary.to_dict(),
        }


def budget_findings(loaded: LoadedPlan) -> list[Finding]:
    """The findings of the budget rules (BU*) on the plan, located in the plan file.

    Only the module that registers them is imported, not every rule module: some
    data rules need pandas, which this command must not load.
    """
    import ntmplan.rules.plan.budget  # noqa: F401  (registers BU01-BU04)
    from ntmplan.rules.engine import locate_in_plan, run_rules
    from ntmplan.rules.registry import rules_for

    rules = [r for r in rules_for("plan") if r.code.startswith("BU")]
    return run_rules(rules, loaded, lambda problem: locate_in_plan(loaded, problem), document=loaded.document)


def build_result(
    loaded: LoadedPlan,
    findings: list[Finding],
    fail_level: Severity | None,
    note: str | None = None,
    execution: "Execution | None" = None,
) -> BudgetResult:
    """The budget table of ``loaded`` with ``findings`` attached to the rows they point at."""
    plan = loaded.plan
    budget = plan.budget
    document = loaded.document
    everything = findings
    findings, silenced = split_silenced(findings)
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.location.file == loaded.file:
            by_path.setdefault(finding.location.path, []).append(finding)

    def verdict(paths: list[str]) -> tuple[str, list[str]]:
        found = [f for path in paths for f in by_path.get(path, [])]
        if not found:
            return OK, []
        worst = max(found, key=lambda f: f.severity.rank).severity
        return worst.value, sorted({f.code for f in found})

    def row(source: Source, path: str, depth: int, parent_amount: float | None) -> SourceRow:
        share_raw = document.raw(f"{path}.stated_share")
        computed = exact(source.amount) * 100 / exact(budget.total) if budget.total else Decimal(0)
        rounded = difference = tolerance = None
        if source.stated_share is not None and budget.total:
            check = check_share(source.amount, budget.total, source.stated_share, share_raw)
            rounded = float(check.rounded)
            difference = float(round(check.stated - check.computed, SHARE_PLACES))
            tolerance = check.tolerance
        parent_share = None
        if parent_amount:
            parent_share = float(round(exact(source.amount) * 100 / exact(parent_amount), SHARE_PLACES))
        status, codes = verdict([path, f"{path}.amount", f"{path}.stated_share"])
        mark = document.mark(f"{path}.amount")
        return SourceRow(
            key=source.key,
            name_vi=source.name.vi,
            name_en=source.name.en,
            path=path,
            line=mark.line if mark else None,
            depth=depth,
            amount=source.amount,
            amount_places=decimals(document.raw(f"{path}.amount")),
            stated_share=source.stated_share,
            share_places=decimals(share_raw),
            computed_share=float(round(computed, SHARE_PLACES)),
            rounded_share=rounded,
            parent_share=parent_share,
            difference=difference,
            tolerance=tolerance,
            status=status,
            codes=codes,
            children=[
                row(child, f"{path}.children[{i}]", depth + 1, source.amount) for i, child in enumerate(source.children)
            ],
        )

    rows = [row(source, f"budget.sources[{i}]", 0, None) for i, source in enumerate(budget.sources)]
    shares = [source.stated_share for source in budget.sources]
    sources_sum = sum((exact(s.amount) for s in budget.sources), Decimal(0))
    total_status, total_codes = verdict(["budget.total", "budget.sources", "budget"])
    total_mark = document.mark("budget.total")
    return BudgetResult(
        file=loaded.file,
        title=plan.metadata.number,
        unit=budget.unit.value,
        total=budget.total,
        total_places=decimals(document.raw("budget.total")),
        total_line=total_mark.line if total_mark else None,
        sources_sum=float(sources_sum),
        sources_sum_share=float(round(sources_sum * 100 / exact(budget.total), SHARE_PLACES)) if budget.total else None,
        stated_shares_sum=(
            float(sum((exact(s) for s in shares), Decimal(0))) if shares and None not in shares else None
        ),
        total_status=total_status,
        total_codes=total_codes,
        sources=rows,
        findings=findings,
        summary=summarise(everything, fail_level),
        note=note,
        execution=execution,
        silenced=silenced,
    )
