"""Commands that do not need pandas do not import it: they start in a fraction of a second."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLAN = str(ROOT / "plans" / "2019.yaml")
ACTUALS = str(ROOT / "data" / "budget-actuals-2019-06.csv")


def loaded_after(args: list[str], modules: tuple[str, ...]) -> dict[str, bool]:
    """Which of ``modules`` a fresh interpreter has imported after running ``ntmplan args``."""
    code = (
        "import sys\nfrom typer.testing import CliRunner\nfrom ntmplan.cli import app\n"
        f"CliRunner().invoke(app, {args!r})\n"
        f"print(*[name in sys.modules for name in {modules!r}])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return dict(zip(modules, (word == "True" for word in out.stdout.split())))


@pytest.mark.parametrize(
    "args",
    [
        ["validate", PLAN, "--format", "json"],
        ["targets", PLAN],
        ["budget", PLAN, "--actuals", ACTUALS],
        ["schedule", PLAN, "--as-of", "2019-06-15"],
    ],
    ids=["validate", "targets", "budget", "schedule"],
)
def test_plan_commands_do_not_import_pandas(args):
    assert loaded_after(args, ("pandas",)) == {"pandas": False}


def test_ics_loads_icalendar_only_when_asked(tmp_path):
    plain = loaded_after(["schedule", PLAN], ("icalendar",))
    ics = loaded_after(["schedule", PLAN, "--ics", str(tmp_path / "a.ics")], ("icalendar", "pandas"))
    assert plain == {"icalendar": False} and ics == {"icalendar": True, "pandas": False}
