"""A command imports what it uses and nothing else, so the plan-only commands start about as fast as
the libraries they need: no other command's module, no pandas, no Babel, no report or chart code."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ntmplan import cli

ROOT = Path(__file__).resolve().parent.parent
PLAN = str(ROOT / "plans" / "2019.yaml")
ACTUALS = str(ROOT / "data" / "budget-actuals-2019-06.csv")


def run_main(args: list[str]) -> tuple[int, str, list[str]]:
    """(exit code, output, imported modules) of ``ntmplan args`` in a fresh interpreter, run as the script runs."""
    code = (
        "import json, sys\n"
        f"sys.argv = ['ntmplan', *{args!r}]\n"
        "from ntmplan.cli import main\n"
        "try:\n    main()\nexcept SystemExit as stop:\n    code = stop.code\n"
        "print('\\n' + json.dumps([code, sorted(sys.modules)]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    printed, _, last = out.stdout.rstrip("\n").rpartition("\n")
    status, modules = json.loads(last)
    return status, printed, modules


def loaded_after(args: list[str], modules: tuple[str, ...]) -> dict[str, bool]:
    """Which of ``modules`` ``ntmplan args`` has imported."""
    imported = set(run_main(args)[2])
    return {name: name in imported for name in modules}


PLAN_ONLY = {
    "validate": ["validate", PLAN, "--format", "json"],
    "targets": ["targets", PLAN],
    "schema": ["schema"],
    "rules": ["rules"],
    "explain": ["explain", "SH01"],
}


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("name", list(PLAN_ONLY))
def test_a_plan_only_command_imports_only_what_it_uses(name, lang):
    status, output, modules = run_main(PLAN_ONLY[name] + ["--lang", lang])
    assert status in (0, 1) and output.strip()
    own = f"ntmplan.commands.{cli.COMMANDS[name]}"
    commands = [m for m in modules if m.startswith("ntmplan.commands.") and m not in (own, "ntmplan.commands.kit")]
    unwanted = [m for m in modules if m.split(".")[0] in ("pandas", "babel", "matplotlib")
                or m.startswith(("ntmplan.report", "ntmplan.runs.report", "ntmplan.output.check_view"))]
    assert commands == [] and unwanted == []


@pytest.mark.parametrize(
    "args",
    [["budget", PLAN, "--actuals", ACTUALS], ["schedule", PLAN, "--as-of", "2019-06-15"]],
    ids=["budget", "schedule"],
)
def test_plan_commands_do_not_import_pandas(args):
    assert loaded_after(args, ("pandas", "ntmplan.commands.check")) == {"pandas": False,
                                                                       "ntmplan.commands.check": False}


def test_validate_imports_the_rules_of_other_commands_only_for_a_marker(tmp_path):
    """A marker may name any rule, so only a plan with markers needs every rule module."""
    others = ("ntmplan.rules.data.communes", "ntmplan.rules.targets", "ntmplan.rules.actuals")
    assert loaded_after(["validate", PLAN], others) == dict.fromkeys(others, False)
    marked = tmp_path / "plan.yaml"
    marked.write_text(Path(PLAN).read_text(encoding="utf-8") + "# ntmplan: ignore[SH1] reason: a typo\n",
                      encoding="utf-8")
    status, output, modules = run_main(["validate", str(marked)])
    assert all(name in modules for name in others) and "SH1" in output


def test_ics_loads_icalendar_only_when_asked(tmp_path):
    plain = loaded_after(["schedule", PLAN], ("icalendar",))
    ics = loaded_after(["schedule", PLAN, "--ics", str(tmp_path / "a.ics")], ("icalendar", "pandas"))
    assert plain == {"icalendar": False} and ics == {"icalendar": True, "pandas": False}


def test_a_command_alone_still_runs_by_its_name():
    """Typer runs a lone registered command without its name; the app must stay a group."""
    status, output, modules = run_main(["budget", PLAN])
    assert status == 0 and "ntmplan.commands.plan" not in modules and "Funding plan of 46/KH-UBND" in output


def test_help_lists_every_command_in_order():
    status, output, _modules = run_main(["--help"])
    listed = [line.split()[0] for line in output.splitlines() if line.startswith("  ") and line.split()]
    assert status == 0 and [name for name in listed if name in cli.COMMANDS] == list(cli.COMMANDS)


def test_every_registered_command_has_its_module_named():
    import typer

    registered = [command.name for command in typer.main.get_group(cli.app).commands.values()]
    assert sorted(registered) == sorted(cli.COMMANDS)


def test_the_benchmark_least_command_does_what_a_plan_only_command_cannot_skip():
    """``bench/least_command.py`` is the bench's measure of the design itself: typer parses ntmplan's options
    (a pydantic validator each), pydantic validates a model, rich prints a table; nothing of ntmplan is imported."""
    code = ("import json, runpy, sys\nsys.argv = ['least', 'validate', '--format', 'json', '--lang', 'vi']\n"
            "try:\n    runpy.run_path('bench/least_command.py', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "print(json.dumps(sorted(sys.modules)))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    printed, _, last = out.stdout.rstrip("\n").rpartition("\n")
    modules = json.loads(last)
    assert "│ 2019 │" in printed
    assert "typer._adapters" in modules and "pydantic.type_adapter" in modules
    assert [name for name in modules if name.startswith("ntmplan")] == []
