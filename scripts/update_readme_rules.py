"""Regenerate the rule catalogue in README.md from the registry.

Run after adding or changing a rule: ``python scripts/update_readme_rules.py``.
The test suite fails while the README and the registry disagree.
"""

from __future__ import annotations

import re
from pathlib import Path

from ntmplan.output.catalogue import rules_markdown
from ntmplan.rules import load_all
from ntmplan.rules.registry import RULES

START, END = "<!-- rule-catalogue:start -->", "<!-- rule-catalogue:end -->"


def main() -> None:
    load_all()
    readme = Path(__file__).resolve().parent.parent / "README.md"
    text = readme.read_text(encoding="utf-8")
    catalogue = rules_markdown([RULES[code] for code in sorted(RULES)])
    block = f"{START}\n{catalogue}\n{END}"
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else text.replace("<!-- rule-catalogue -->", block)
    readme.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
