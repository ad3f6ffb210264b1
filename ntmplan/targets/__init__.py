"""The plan's targets as figures: each criterion's count and share, every stated share checked.

Computed from the plan alone, before any rule runs: ``ntmplan targets`` shows
it, and the share rule (SH01) judges the checks it holds.
"""
