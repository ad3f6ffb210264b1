"""Extract every message of ntmplan, merge it into the Vietnamese catalogue, compile the catalogue.

    python scripts/update_catalogue.py          # update ntmplan.po and ntmplan.mo
    python scripts/update_catalogue.py --check  # exit 1 when a message lacks a translation

Messages are the English strings in ``_()``, ``N_()`` and ``ngettext()`` calls, the
summaries of rules (the fourth argument of ``@rule``), and the help texts of the
command line as typer builds it. New messages are added to the ``.po`` file with
an empty translation for a translator to fill in; messages no longer in the code
are dropped. The ``.mo`` file that ``gettext`` reads is compiled from the ``.po``
and committed, so an installed ntmplan needs no build step; a test checks that it
is current.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ntmplan.i18n.catalogue import PO_FILE, compiled, extract, merged  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report messages without a translation")
    args = parser.parse_args()
    catalogue = merged(extract())
    missing = [message.id for message in catalogue if message.id and not message.string]
    for msgid in missing:
        print(f"untranslated: {msgid if isinstance(msgid, str) else msgid[0]!r}")
    if args.check:
        return 1 if missing else 0
    from babel.messages.pofile import write_po

    buffer = io.BytesIO()
    write_po(buffer, catalogue, no_location=True, sort_output=True, width=100)
    PO_FILE.write_bytes(buffer.getvalue())
    PO_FILE.with_suffix(".mo").write_bytes(compiled(catalogue))
    print(f"{len(catalogue)} messages, {len(missing)} without translation; wrote {PO_FILE.relative_to(ROOT)} and .mo")
    return 0


if __name__ == "__main__":
    sys.exit(main())
