"""The funding plan of part III: its table, its actual execution, and the actuals file.

``result`` builds what ``ntmplan budget`` shows from the plan and the verdicts of
the budget rules (BU01-BU04), which it never recomputes; ``actuals`` reads a CSV
of amounts mobilised so far; ``execution`` sets them against the plan.
"""
