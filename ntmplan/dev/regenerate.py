"""Regenerate everything that is generated from the code: ``python -m ntmplan.dev.regenerate``.

1. The Vietnamese message catalogue: every message of the package (``_()``,
   ``N_()``, ``ngettext()``, rule summaries and documentation, command help) is
   extracted with Babel and merged into ``ntmplan.po``; new messages get an empty
   translation for a translator to fill in, removed ones stay as obsolete
   entries, and the ``.mo`` that ``gettext`` reads is compiled.
2. The rule catalogue in README.md, between its two markers.
3. The golden files of every command's output (``tests/i18n/golden``,
   ``tests/ci/golden``), by running those tests with ``NTMPLAN_UPDATE_GOLDEN=1``.

``--check`` only reports the messages without a translation (exit 1 if any).
The test suite fails while any of the three is stale.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
START, END = "<!-- rule-catalogue:start -->", "<!-- rule-catalogue:end -->"
GOLDEN_TESTS = ("tests/i18n", "tests/ci")


def update_catalogue(check: bool) -> int:
    from babel.messages.pofile import write_po

    from ntmplan.dev.catalogue import PO_FILE, compiled, extract, merged

    catalogue = merged(extract())
    missing = [message.id for message in catalogue if message.id and not message.string]
    for msgid in missing:
        print(f"untranslated: {msgid if isinstance(msgid, str) else msgid[0]!r}")
    if check:
        return 1 if missing else 0
    buffer = io.BytesIO()
    write_po(buffer, catalogue, no_location=True, sort_output=True, width=100)
    PO_FILE.write_bytes(buffer.getvalue())
    PO_FILE.with_suffix(".mo").write_bytes(compiled(catalogue))
    print(f"{len(catalogue)} messages, {len(missing)} without translation; wrote {PO_FILE.relative_to(ROOT)} and .mo")
    return 0


def readme_catalogue() -> str:
    """README.md with its rule catalogue regenerated from the registry."""
    from ntmplan.output.catalogue import rules_markdown
    from ntmplan.rules.scopes import all_rules

    text = README.read_text(encoding="utf-8")
    block = f"{START}\n{rules_markdown(all_rules())}\n{END}"
    return re.compile(re.escape(START) + ".*?" + re.escape(END), re.S).sub(lambda _: block, text)


def update_golden() -> int:
    env = dict(os.environ, NTMPLAN_UPDATE_GOLDEN="1")
    return subprocess.call([sys.executable, "-m", "pytest", "-q", *GOLDEN_TESTS], cwd=ROOT, env=env)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report messages without a translation")
    args = parser.parse_args()
    if args.check:
        return update_catalogue(check=True)
    update_catalogue(check=False)
    README.write_text(readme_catalogue(), encoding="utf-8")
    print("wrote the rule catalogue of README.md")
    return update_golden()


if __name__ == "__main__":
    sys.exit(main())
