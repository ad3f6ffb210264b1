"""The budget table shows the verdicts of BU01-BU04, at the very edges of their tolerances.

The clean plan's budget: total 100.0 = direct 60.0 (central 45.0 + local 15.0) + credit
40.0, every share stated with one decimal. Each stated figure may be off by half a unit
of its last written digit; a difference equal to the summed halves still agrees.
"""

import pytest

from ntmplan.budget.result import judged
from ntmplan.rules.engine import run_scope
from ntmplan.rules.scopes import BUDGET
from ntmplan.rules.settings import Settings
from ntmplan.runs.validate import plan_facts
from ntmplan.findings import Severity
from planfactory import Raw, clean_plan, load, patched

DIRECT, CENTRAL, LOCAL, CREDIT = (
    "budget.sources[0]", "budget.sources[0].children[0]", "budget.sources[0].children[1]", "budget.sources[1]"
)


def table(changes):
    result = budget_of(load(patched(clean_plan(), changes)))
    rows = {row.path: row for row in result.tree.rows()}
    return result, rows


def budget_of(loaded):
    facts = plan_facts(loaded)
    return judged(facts.budget, run_scope(BUDGET, facts, Settings(), loaded.document).verdict(Severity.ERROR))


def codes(result, code):
    return [(f.code, f.location.path, f.expected, f.actual, f.tolerance) for f in result.verdict.findings if f.code == code]


def test_the_clean_budget_has_no_finding_and_every_row_is_ok():
    result, rows = table({})
    assert result.verdict.findings == []
    assert [row.status for row in rows.values()] == ["ok"] * 4
    assert (result.total_status, result.tree.sources_sum, result.tree.stated_shares_sum) == ("ok", 100.0, 100.0)


@pytest.mark.parametrize(
    "changes, difference, tolerance, fails",
    [
        # one decimal everywhere: 0.05 + 0.05 + 0.05 = 0.15
        ({f"{CENTRAL}.amount": Raw("45.1")}, 0.1, 0.15, False),
        ({f"{CENTRAL}.amount": Raw("45.2")}, 0.2, 0.15, True),
        # a whole number allows 0.5: 0.05 (parent) + 0.5 + 0.05 = 0.6, and 0.6 is still within
        ({f"{CENTRAL}.amount": 45, f"{LOCAL}.amount": Raw("15.6")}, 0.6, 0.6, False),
        ({f"{CENTRAL}.amount": 45, f"{LOCAL}.amount": Raw("15.7")}, 0.7, 0.6, True),
        # two decimals claim more precision: 0.05 + 0.005 + 0.05 = 0.105 < 0.15
        ({f"{CENTRAL}.amount": Raw("45.15")}, 0.15, 0.105, True),
    ],
)
def test_bu01_sub_sources_add_up_to_their_source(changes, difference, tolerance, fails):
    result, rows = table(changes)
    found = codes(result, "BU01")
    if fails:
        [(code, path, expected, actual, allowed)] = found
        assert (path, expected, allowed) == (f"{DIRECT}.amount", 60.0, pytest.approx(tolerance))
        assert actual - expected == pytest.approx(difference)
        assert (rows[DIRECT].status, rows[DIRECT].codes) == ("error", ["BU01"])
    else:
        assert found == []
        assert rows[DIRECT].status == "ok"


@pytest.mark.parametrize(
    "changes, fails",
    [
        ({"budget.total": Raw("100.1")}, False),  # 0.1 <= 0.15
        ({"budget.total": Raw("99.9")}, False),
        ({"budget.total": Raw("100.2")}, True),  # 0.2 > 0.15
        ({"budget.total": Raw("99.8")}, True),
        ({f"{CREDIT}.amount": 40, "budget.total": Raw("100.6")}, False),  # 0.6 <= 0.05 + 0.5 + 0.05
        ({f"{CREDIT}.amount": 40, "budget.total": Raw("100.7")}, True),
    ],
)
def test_bu02_sources_add_up_to_the_total(changes, fails):
    result, _ = table(changes)
    assert [path for _, path, *_ in codes(result, "BU02")] == (["budget.total"] if fails else [])
    assert result.total_status == ("error" if fails else "ok")


@pytest.mark.parametrize(
    "amount, share, expected, fails",
    [
        (Raw("40.04"), Raw("40.0"), 40.0, False),  # 40.04% rounds to 40.0
        (Raw("40.05"), Raw("40.1"), 40.1, False),  # 40.05% rounds half up to 40.1
        (Raw("40.05"), Raw("40.0"), 40.1, True),
        (Raw("40.4"), 40, 40.0, False),  # a whole-number share claims no decimal: 40.4 -> 40
        (Raw("40.5"), 40, 41.0, True),  # 40.5 -> 41
        (Raw("40.004"), Raw("40.00"), 40.0, False),  # two decimals: 40.004 -> 40.00
        (Raw("40.005"), Raw("40.00"), 40.01, True),  # 40.005 -> 40.01
    ],
)
def test_bu03_a_stated_share_agrees_with_its_amount_at_its_precision(amount, share, expected, fails):
    result, rows = table({f"{CREDIT}.amount": amount, f"{CREDIT}.stated_share": share})
    found = codes(result, "BU03")
    row = rows[CREDIT]
    assert row.rounded_share == expected
    if fails:
        assert [(path, exp) for _, path, exp, *_ in found] == [(f"{CREDIT}.stated_share", expected)]
        assert "BU03" in row.codes
    else:
        assert found == []


def test_bu03_shares_of_sub_sources_are_of_the_total_while_the_table_also_shows_the_parent_share():
    result, rows = table({f"{LOCAL}.stated_share": Raw("25.0")})  # 15 is 25% of its parent, 15% of the total
    [(_, path, expected, actual, tolerance)] = codes(result, "BU03")
    assert (path, expected, actual, tolerance) == (f"{LOCAL}.stated_share", 15.0, 25.0, 0.05)
    assert (rows[LOCAL].computed_share, rows[LOCAL].parent_share) == (15.0, 25.0)


@pytest.mark.parametrize(
    "changes, path, fails",
    [
        ({f"{CREDIT}.stated_share": Raw("40.1")}, "budget.sources", False),  # 100.1: within 0.05 + 0.05
        ({f"{CREDIT}.stated_share": Raw("40.2")}, "budget.sources", True),
        ({f"{DIRECT}.stated_share": 60, f"{CREDIT}.stated_share": 41}, "budget.sources", False),  # 101 within 1.0
        ({f"{DIRECT}.stated_share": 60, f"{CREDIT}.stated_share": 42}, "budget.sources", True),
        ({f"{CENTRAL}.stated_share": Raw("45.1")}, f"{DIRECT}.stated_share", False),  # 60.1 within 0.15
        ({f"{CENTRAL}.stated_share": Raw("45.2")}, f"{DIRECT}.stated_share", True),
    ],
)
def test_bu04_stated_shares_add_up_within_rounding(changes, path, fails):
    result, rows = table(changes)
    assert [p for _, p, *_ in codes(result, "BU04")] == ([path] if fails else [])
    if fails:
        status = result.total_status if path == "budget.sources" else rows[DIRECT].status
        assert status == "warning"


def test_a_finding_names_the_line_of_the_plan_file():
    loaded = load(patched(clean_plan(), {f"{CREDIT}.stated_share": Raw("40.2")}), file="p.yaml")
    result = budget_of(loaded)
    [finding] = [f for f in result.verdict.findings if f.code == "BU03"]
    line = loaded.document.mark(f"{CREDIT}.stated_share").line
    assert (finding.location.file, finding.location.line) == ("p.yaml", line)
    assert {f.code for f in result.verdict.findings} == {"BU03", "BU04"}
