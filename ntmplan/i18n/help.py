"""Command help in the reader's language.

Typer builds the click command tree each time the program runs, from the
docstrings and ``help=`` texts of the commands and options, all written in
English. ``translated`` builds that tree from the app it is given and replaces
each help text with its translation; ``help_texts`` lists them, so the
catalogue script and the completeness test see exactly the texts a reader can
be shown.

The language of help is chosen before any option is parsed (``--help`` stops
the parsing): ``--lang`` when it appears on the command line, else NTMPLAN_LANG,
else the locale.
"""

from __future__ import annotations

from typing import Any, Iterator

from ntmplan.i18n import Lang, activate, environment_language, translate


def language_from_argv(argv: list[str]) -> Lang:
    """The value of ``--lang`` among ``argv`` when it names a language, else the environment's."""
    for i, arg in enumerate(argv):
        value = None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value in (Lang.vi.value, Lang.en.value):
            return Lang(value)
    return environment_language()


def _walk(command: Any, parent: Any = None, name: str = "ntmplan") -> Iterator[tuple[Any, Any]]:
    """Each command of the tree with its help option ('-h, --help'), which click makes in English."""
    context = command.context_class(command, parent=parent, info_name=name, **command.context_settings)
    yield command, command.get_help_option(context)
    if isinstance(getattr(command, "commands", None), dict):
        for sub in sorted(command.commands):
            yield from _walk(command.commands[sub], context, sub)


def _texts(command: Any) -> Iterator[tuple[object, str]]:
    """(owner, attribute) of every help text in the tree."""
    for each, help_option in _walk(command):
        for attribute in ("help", "short_help"):
            if getattr(each, attribute, None):
                yield each, attribute
        for param in [*each.params, help_option]:
            if getattr(param, "help", None):
                yield param, "help"


def build(app: Any) -> Any:
    """The click command tree of a typer ``app``, in English."""
    import typer

    return typer.main.get_command(app)


def help_texts(app: Any) -> list[str]:
    """Every help text of the command line, in English, once each."""
    seen: dict[str, None] = {}
    for owner, attribute in _texts(build(app)):
        seen.setdefault(getattr(owner, attribute), None)
    return list(seen)


def translated(app: Any, lang: Lang) -> Any:
    """The command tree of ``app`` with its help in ``lang``, and ``lang`` active for what it prints."""
    activate(lang)
    tree = build(app)
    for owner, attribute in _texts(tree):
        setattr(owner, attribute, translate(getattr(owner, attribute), lang))
    return tree
