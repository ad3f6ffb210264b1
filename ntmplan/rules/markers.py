"""Rules on the ``# ntmplan: ignore[...]`` markers of a plan file (``loading/markers.py``).

They run in ``validate`` after the plan rules, since a marker is judged by what
it silences: one without a reason, one that cannot be read, and one that no
longer silences anything are findings themselves, so that silencing stays
deliberate and does not outlive the problem it was written for.
"""

from __future__ import annotations

from typing import Iterator

from ntmplan.findings import Severity
from ntmplan.i18n import _
from ntmplan.loading.markers import EXAMPLE, IgnoreMarker
from ntmplan.rules.registry import RULES, Problem, find_rule, rule
from ntmplan.rules.scopes import BUDGET, MARKERS, PLAN, MarkerContext, all_rules
from ntmplan.text import suggest


def _where(marker: IgnoreMarker) -> dict:
    return {"line": marker.line, "column": marker.column, "actual": f"# {marker.text}"}


@rule("CF01", "ignore-without-reason", Severity.ERROR, "A marker silences a finding without saying why",
      scope=MARKERS)
def ignore_without_reason(context: MarkerContext) -> Iterator[Problem]:
    """A finding is silenced in the plan file with a comment on its line, or on a
    comment line just above it, that names the rule and gives the reason: ``# ntmplan:
    ignore[SH01] reason: the source truncates 43,48 to 43,4``. A marker without a reason
    silences nothing: the finding it meant to silence is reported as well.

    Why: The reason is what a reviewer reads to accept the silenced finding; without it,
    an accepted error cannot be told from a hidden one.

    Example: ``stated_share: 43.4  # ntmplan: ignore[SH01]``, a marker that gives no
    reason.

    Fix: Add the reason after the rule: ``# ntmplan: ignore[SH01] reason: the source
    writes 43,4``.
    """
    for marker in context.markers:
        if marker.problem is None and not marker.reason:
            yield Problem(
                _("the marker '# {marker}' gives no reason, so it silences nothing; add one: {example}").format(
                    marker=marker.text, example=EXAMPLE),
                expected=_("ignore[CODE] reason: why the finding is accepted"),
                **_where(marker),
            )


@rule("CF02", "ignore-not-understood", Severity.ERROR, "A marker cannot be read, names no rule or points at nothing",
      scope=MARKERS)
def ignore_not_understood(context: MarkerContext) -> Iterator[Problem]:
    """Any comment that starts with ``ntmplan:`` is read as a marker. It must be
    readable (``ignore[CODE] reason: ...``), name rules of ntmplan by code (``SH01``) or
    name (``share-mismatch``), and, on a line of its own, be followed by the line it
    silences, not by a blank line or the end of the file.

    Why: A misspelt marker ('ignroe', a missing bracket, a code with a typo) would
    otherwise do nothing, silently: the reviewer would believe a finding silenced that
    still fails the run.

    Example: ``# ntmplan: ignore[SH1] reason: ...``, where SH01 is meant; the message
    suggests the nearest code.

    Fix: Correct the marker as the message says, or remove it.
    """
    if context.markers:  # a marker may name a rule of any command; a plan without one spares their imports
        all_rules()
    for marker in context.markers:
        if marker.problem is not None:
            yield Problem(marker.problem, expected=EXAMPLE, **_where(marker))
            continue
        for code in marker.codes:
            if find_rule(code) is None:
                nearest = suggest(code.upper(), RULES)
                message = (_("the marker names '{code}', which is not a rule of ntmplan; did you mean {nearest}?")
                           if nearest else _("the marker names '{code}', which is not a rule of ntmplan"))
                yield Problem(message.format(code=code, nearest=nearest), expected=_("a rule code such as SH01"),
                              **_where(marker))
        if marker.target_line == 0:
            yield Problem(_("the marker is followed by a blank line or the end of the file: it silences nothing"),
                          expected=_("the marker on the line of the value, or directly above it"), **_where(marker))


@rule("CF03", "unused-ignore", Severity.WARNING, "A marker silences no finding", scope=MARKERS)
def unused_ignore(context: MarkerContext) -> Iterator[Problem]:
    """A marker that silences no finding of ``validate``. Markers naming rules of other
    commands (targets of ``check``) or rules disabled in the configuration are not
    judged.

    Why: A marker left over after the figure was corrected or the rule changed would
    hide a new problem on its line, and one on the wrong line silences nothing while
    seeming to: a marker silences findings on its own line or, on a line of its own, on
    the line after its comment block.

    Example: ``# ntmplan: ignore[SH01] reason: ...`` on a share that now agrees with its
    count.

    Fix: Remove the marker, or move it to the line of the finding it is meant for.
    """
    if context.markers:
        all_rules()
    used = {(f.suppression.line, f.code) for f in context.findings if f.suppression and f.suppression.line}
    for marker in context.markers:
        if not marker.usable or marker.target_line == 0:
            continue
        rules = [find_rule(code) for code in marker.codes]
        if any(r is None or r.scope not in (PLAN, BUDGET, MARKERS) or r.code in context.disabled for r in rules):
            continue
        unused = [r.code for r in rules if (marker.line, r.code) not in used]
        if unused:
            yield Problem(
                _("the marker silences no {codes} finding on line {line}; remove it, or move it to the line of the "
                  "finding").format(codes=", ".join(unused), line=marker.target_line),
                **_where(marker),
            )
