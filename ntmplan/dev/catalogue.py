"""Extracting, merging and compiling the message catalogue (with Babel's tools).

Used by ``ntmplan.dev.regenerate`` and by the tests that keep the catalogue
complete and its compiled form current; ntmplan itself only reads the ``.mo``.
"""

from __future__ import annotations

import io
from pathlib import Path

from ntmplan.i18n import LOCALE_DIR

PACKAGE = Path(__file__).resolve().parent.parent
PO_FILE = LOCALE_DIR / "vi" / "LC_MESSAGES" / "ntmplan.po"
HEADER = """\
# Vietnamese translations of ntmplan's messages. English, the source language,
# is the msgid; python -m ntmplan.dev.regenerate adds new messages and compiles the .mo.
#"""
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "rule": (4,)}


def extract():
    """Every message of the package: marked strings, rule summaries, command help and rule docs."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    from ntmplan.cli import app
    from ntmplan.i18n.help import help_texts

    catalogue = Catalog(project="ntmplan", language_team="ntmplan", locale="vi", charset="utf-8")
    method_map = [("**.py", "python")]
    for filename, line, message, comments, context in extract_from_dir(
        str(PACKAGE), method_map=method_map, keywords=KEYWORDS
    ):
        if isinstance(message, tuple) and len(message) == 1:
            message = message[0]
        if message:
            catalogue.add(message, locations=[(f"ntmplan/{filename}", line)], context=context)
    for text in help_texts(app):
        catalogue.add(text, locations=[("ntmplan/commands", 0)])
    for text in rule_docs():
        catalogue.add(text, locations=[("ntmplan/rules", 0)])
    return catalogue


def rule_docs() -> list[str]:
    """Every rule's documentation (``ntmplan explain``), one message per paragraph.

    Labels ('Why:') are not part of the message: readers see the section's heading,
    translated once. A translator works section by section, and a change to one
    paragraph leaves the translations of the others in place.
    """
    from ntmplan.rules.scopes import all_rules

    return [paragraph for rule in all_rules() for section in rule.sections for paragraph in section.paragraphs]


def read():
    """The Vietnamese catalogue as it is on disk."""
    from babel.messages.pofile import read_po

    with PO_FILE.open("rb") as stream:
        return read_po(stream, locale="vi")


def merged(template):
    """``template``'s messages with the translations the catalogue on disk has for them."""
    from babel.messages.catalog import Catalog

    existing = read() if PO_FILE.exists() else Catalog(locale="vi")
    catalogue = Catalog(
        project="ntmplan",
        version="0.1",
        locale="vi",
        charset="utf-8",
        fuzzy=False,
        header_comment=HEADER,
        creation_date=existing.creation_date,
        revision_date=existing.creation_date,
        last_translator="ntmplan",
        language_team="ntmplan",
        msgid_bugs_address="",
    )
    wanted = set()
    for message in template:
        if not message.id:
            continue
        wanted.add((message.id, message.context))
        known = existing.get(message.id, message.context) or existing.obsolete.get(
            (message.id, message.context) if message.context else message.id
        )
        string = known.string if known is not None and known.string else ("", "") if message.pluralizable else ""
        catalogue.add(message.id, string, locations=message.locations, context=message.context)
    # Messages the code no longer has stay in the file as obsolete entries (#~), so that a
    # message removed on one branch and still present on another keeps its translation.
    for message in list(existing) + list(existing.obsolete.values()):
        if message.id and (message.id, message.context) not in wanted and message.string:
            key = (message.id, message.context) if message.context else message.id
            catalogue.obsolete[key] = message
    return catalogue


def compiled(catalogue) -> bytes:
    """The ``.mo`` form of ``catalogue``."""
    from babel.messages.mofile import write_mo

    buffer = io.BytesIO()
    write_mo(buffer, catalogue)
    return buffer.getvalue()
