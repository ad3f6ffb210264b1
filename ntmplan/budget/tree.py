"""The funding plan of part III as computed figures: each source's shares, and every sum checked.

Built from the plan before any rule runs. ``ntmplan budget`` shows it, and the
budget rules (BU01-BU04) only judge the checks it holds, so what a rule says and
what the table shows come from one computation. Sums are exact decimals, and a
stated figure may be off by half a unit of its last written digit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ntmplan.figures import ShareCheck, check_share, exact, half_unit, places_of
from ntmplan.i18n import _, pick
from ntmplan.loading.plan_loader import LoadedPlan
from ntmplan.model.plan import Source, walk

SHARE_PLACES = 4
OK = "ok"


@dataclass
class SourceRow:
    """One source or sub-source with its stated and computed figures (and, once judged, its status)."""

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
    share: ShareCheck | None
    parent_share: float | None
    children: list["SourceRow"] = field(default_factory=list)
    status: str = OK
    codes: list[str] = field(default_factory=list)

    @property
    def rounded_share(self) -> float | None:
        return float(self.share.rounded) if self.share else None

    @property
    def difference(self) -> float | None:
        return float(round(self.share.stated - self.share.computed, SHARE_PLACES)) if self.share else None

    @property
    def tolerance(self) -> float | None:
        return self.share.tolerance if self.share else None

    @property
    def name(self) -> str:
        return pick(self.name_vi, self.name_en)


@dataclass(frozen=True)
class SumCheck:
    """A stated whole against the sum of its stated parts, within their rounding."""

    label: str
    path: str
    whole: float
    parts: list[float]
    total: Decimal
    tolerance: Decimal

    @property
    def difference(self) -> Decimal:
        return self.total - exact(self.whole)

    @property
    def agrees(self) -> bool:
        return abs(self.difference) <= self.tolerance


def sum_check(label: str, path: str, whole: float, parts: list[float], whole_is_exact: bool = False) -> SumCheck:
    """Each stated figure may be off by half a unit of its last written digit; the whole
    too, unless it is exact by definition (100%)."""
    tolerance = sum((half_unit(part) for part in parts), Decimal(0))
    if not whole_is_exact:
        tolerance += half_unit(whole)
    return SumCheck(label, path, whole, parts, sum((exact(part) for part in parts), Decimal(0)), tolerance)


@dataclass
class BudgetTree:
    """The funding plan as a tree of rows, its totals, and the sums the rules judge."""

    file: str
    title: str
    unit: str
    total: float
    total_places: int
    total_line: int | None
    sources: list[SourceRow]
    sources_sum: float
    sources_sum_share: float | None
    stated_shares_sum: float | None
    children_sums: list[SumCheck]
    total_sum: SumCheck
    share_sums: list[SumCheck]

    def rows(self) -> list[SourceRow]:
        """Every row, parents before their children, as the table lists them."""
        return [row for _path, row in walk(self.sources)]


def budget_tree(loaded: LoadedPlan) -> BudgetTree:
    """The computed figures of the plan's funding part."""
    plan = loaded.plan
    budget = plan.budget
    document = loaded.document

    def row(source: Source, path: str, depth: int, parent_amount: float | None) -> SourceRow:
        computed = exact(source.amount) * 100 / exact(budget.total) if budget.total else Decimal(0)
        share = None
        if source.stated_share is not None and budget.total:
            share = check_share(source.amount, budget.total, source.stated_share)
        parent_share = None
        if parent_amount:
            parent_share = float(round(exact(source.amount) * 100 / exact(parent_amount), SHARE_PLACES))
        mark = document.mark(f"{path}.amount")
        return SourceRow(
            key=source.key,
            name_vi=source.name.vi,
            name_en=source.name.en,
            path=path,
            line=mark.line if mark else None,
            depth=depth,
            amount=source.amount,
            amount_places=places_of(source.amount),
            stated_share=source.stated_share,
            share_places=places_of(source.stated_share),
            computed_share=float(round(computed, SHARE_PLACES)),
            share=share,
            parent_share=parent_share,
            children=[
                row(child, f"{path}.children[{i}]", depth + 1, source.amount) for i, child in enumerate(source.children)
            ],
        )

    rows = [row(source, f"budget.sources[{i}]", 0, None) for i, source in enumerate(budget.sources)]
    children_sums, share_sums = [], []
    for path, source in walk(budget.sources, "budget.sources"):
        if not source.children:
            continue
        name = pick(source.name.vi, source.name.en)
        children_sums.append(sum_check(_("the sub-sources of {source}").format(source=name), f"{path}.amount",
                                       source.amount, [child.amount for child in source.children]))
        shares = [child.stated_share for child in source.children]
        if source.stated_share is not None and None not in shares:
            label = _("the shares of the sub-sources of {source} (%)").format(source=name)
            share_sums.append(sum_check(label, f"{path}.stated_share", source.stated_share, shares))
    top_shares = [source.stated_share for source in budget.sources]
    if top_shares and None not in top_shares:
        share_sums.insert(0, sum_check(_("the sources' shares (%)"), "budget.sources", 100, top_shares,
                                       whole_is_exact=True))
    sources_sum = sum((exact(s.amount) for s in budget.sources), Decimal(0))
    total_mark = document.mark("budget.total")
    return BudgetTree(
        file=loaded.file,
        title=plan.metadata.number,
        unit=budget.unit.value,
        total=budget.total,
        total_places=places_of(budget.total),
        total_line=total_mark.line if total_mark else None,
        sources=rows,
        sources_sum=float(sources_sum),
        sources_sum_share=float(round(sources_sum * 100 / exact(budget.total), SHARE_PLACES)) if budget.total else None,
        stated_shares_sum=(
            float(sum((exact(s) for s in top_shares), Decimal(0))) if top_shares and None not in top_shares else None
        ),
        children_sums=children_sums,
        total_sum=sum_check(_("the sources"), "budget.total", budget.total, [s.amount for s in budget.sources]),
        share_sums=share_sums,
    )
