"""Where the default plan and data files are found.

A user in a clone of the repository gets ``plans/2019.yaml`` from the working
directory; anyone else gets the copy shipped inside the installed package, and
is told so.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

DEFAULT_PLAN = "plans/2019.yaml"
DEFAULT_DATA = "data/communes.csv"


def resolve_default(relative: str) -> tuple[str, bool]:
    """The path to use for a default file, and whether it is the bundled copy."""
    if Path(relative).exists():
        return relative, False
    bundled = resources.files("ntmplan") / "bundled" / relative
    if bundled.is_file():
        return str(bundled), True
    source_tree = Path(__file__).resolve().parent.parent / relative
    if source_tree.is_file():
        return str(source_tree), True
    return relative, False
