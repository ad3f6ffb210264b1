"""The rule catalogue as Markdown, generated from the registry (the README embeds it)."""

from __future__ import annotations

from ntmplan.rules.registry import Rule

SCOPES = {
    "plan": "Plan rules (`ntmplan validate`)",
    "budget": "Budget rules (`ntmplan validate`, `ntmplan budget`)",
    "data": "Commune data rules (`ntmplan check`)",
    "targets": "Target rules (`ntmplan check`)",
    "actuals": "Funding actuals rules (`ntmplan budget --actuals`)",
    "markers": "In-file marker rules (`ntmplan validate`)",
}


def rules_markdown(rules: list[Rule]) -> str:
    """One section per scope: a summary table, then each rule's documentation."""
    lines: list[str] = []
    for scope, title in SCOPES.items():
        chosen = [rule for rule in rules if rule.scope.name == scope]
        if not chosen:
            continue
        lines += [f"### {title}", "", "| Code | Name | Severity | Summary |", "| --- | --- | --- | --- |"]
        lines += [f"| {r.code} | `{r.name}` | {r.severity.value} | {r.summary} |" for r in chosen]
        lines.append("")
        for rule in chosen:
            lines += [f"**{rule.code} `{rule.name}`** ({rule.severity.value}). {rule.doc}", ""]
    return "\n".join(lines)


def render_catalogue(result, view=None) -> str:
    """``ntmplan rules --format markdown``."""
    return rules_markdown(result.rules)
