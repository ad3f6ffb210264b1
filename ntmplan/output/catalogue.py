"""The rule catalogue as Markdown, generated from the registry (the README embeds it)."""

from __future__ import annotations

from ntmplan.rules.registry import Rule, Section

SCOPES = {
    "plan": "Plan rules (`ntmplan validate`)",
    "budget": "Budget rules (`ntmplan validate`, `ntmplan budget`)",
    "data": "Commune data rules (`ntmplan check`)",
    "targets": "Target rules (`ntmplan check`)",
    "actuals": "Funding actuals rules (`ntmplan budget --actuals`)",
    "markers": "In-file marker rules (`ntmplan validate`)",
}


def rules_markdown(rules: list[Rule]) -> str:
    """One section per scope: a summary table, then each rule's documentation under its own heading."""
    lines: list[str] = []
    for scope, title in SCOPES.items():
        chosen = [rule for rule in rules if rule.scope.name == scope]
        if not chosen:
            continue
        lines += [f"### {title}", "", "| Code | Name | Severity | Summary |", "| --- | --- | --- | --- |"]
        lines += [f"| {r.code} | `{r.name}` | {r.severity.value} | {r.summary} |" for r in chosen]
        lines.append("")
        for rule in chosen:
            lines += [f"#### {rule.code} `{rule.name}` ({rule.severity.value})", ""]
            lines += [paragraph for section in rule.sections for paragraph in _section_markdown(section)]
    return "\n".join(lines)


def _section_markdown(section: Section) -> list[str]:
    """The section's paragraphs, each followed by a blank line; the first opens with the heading in bold."""
    paragraphs = list(section.paragraphs)
    if section.label and paragraphs:
        paragraphs[0] = f"**{section.heading}.** {paragraphs[0]}"
    return [line for paragraph in paragraphs for line in (paragraph, "")]


def render_catalogue(result, view=None) -> str:
    """``ntmplan rules --format markdown``."""
    return rules_markdown(result.rules)
