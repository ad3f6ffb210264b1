"""A small plan whose schedule holds one task per timing expression under test."""

from __future__ import annotations

from typing import Any

from ntmplan.timing import parse_timing
from planfactory import clean_plan, load, patched


def timing(text: str) -> dict[str, Any]:
    """The normalised timing of ``text``, as the plan file stores it."""
    parsed = parse_timing(text)
    assert parsed is not None, text
    stored: dict[str, Any] = {"text": text, "kind": parsed.kind.value}
    if parsed.months:
        stored["months"] = list(parsed.months)
    if parsed.quarters:
        stored["quarters"] = list(parsed.quarters)
    if parsed.year:
        stored["year"] = parsed.year
    return stored


def parties(*codes: str) -> dict[str, Any]:
    return {"text": ", ".join(codes) or "—", "agencies": list(codes)}


def task(number: int, text: str, directing=("BCD-TINH",), executing=("VPDP-TINH",), coordinating=()) -> dict:
    return {
        "id": f"X.{number}",
        "number": number,
        "content": {"vi": f"Việc {number}", "en": f"Task {number}"},
        "directing": parties(*directing),
        "executing": parties(*executing),
        "coordinating": parties(*coordinating),
        "timing": timing(text),
    }


def plan_with(tasks: list[dict], extra_agencies: list[dict] | None = None) -> dict:
    plan = patched(clean_plan(), {"schedule": {"sections": [
        {"number": "X", "title": {"vi": "Thử", "en": "Test"}, "tasks": tasks}
    ]}})
    plan["agencies"] += extra_agencies or []
    return plan


def loaded_with(tasks: list[dict], extra_agencies: list[dict] | None = None, file: str = "plan.yaml"):
    return load(plan_with(tasks, extra_agencies), file=file)
