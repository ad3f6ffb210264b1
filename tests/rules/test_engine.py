"""The engine's own promises, which no single case can show."""

from planfactory import clean_plan, load, patched


def test_findings_of_one_rule_are_capped_with_a_count_of_the_rest():
    from ntmplan.rules.engine import run_scope
    from ntmplan.rules.scopes import PLAN
    from ntmplan.rules.settings import Settings
    from ntmplan.runs.validate import plan_facts

    plan = patched(clean_plan(), {f"criteria[{i}].communes.stated_share": 61 for i in range(19)})
    loaded = load(plan)
    only_shares = Settings(disabled=frozenset(r.code for r in PLAN.registered() if r.code != "SH01"))
    found = run_scope(PLAN, plan_facts(loaded), only_shares, limit=5).findings
    messages = [f.message for f in found]
    assert len(messages) == 6
    assert messages.count("14 more findings of SH01 share-mismatch not shown (19 in all)") == 1


def test_rows_past_the_limit_are_counted_not_built():
    """A rule that flags a million rows hands the engine one count for those it will not show."""
    import numpy as np

    from ntmplan.rules.data.common import Tally
    from ntmplan.rules.registry import Elided

    tally = Tally(limit=5)
    assert tally(np.arange(3)) == [0, 1, 2]
    assert tally(np.arange(10, 1_000_010)) == [10, 11]
    assert list(tally.elided()) == [Elided(1_000_000 - 2)]
    assert list(Tally(limit=5).elided()) == []
