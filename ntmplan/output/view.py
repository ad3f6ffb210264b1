"""How a result is shown, as every renderer receives it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ntmplan.i18n import Lang


@dataclass(frozen=True)
class View:
    """How a result is shown: the reader's language, colours, silenced findings, and notes to print first.

    ``root`` is what paths in the CI formats are relative to: the working
    directory, which in CI is the repository's root.
    """

    lang: Lang
    no_color: bool = False
    show_silenced: bool = False
    notes: tuple[str, ...] = ()
    root: Path = field(default_factory=Path.cwd)
