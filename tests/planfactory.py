"""A small, clean plan to mutate in rule tests, and a way to write it as YAML.

The clean plan has no finding at all (a test says so), so a case that changes
one figure sees exactly the findings that figure causes. Numbers given as
``Raw("29.50")`` are written verbatim, to test the precision a share is
written with.
"""

from __future__ import annotations

import copy
import datetime
import re
from typing import Any

import yaml

from ntmplan.findings import Finding
from ntmplan.loading.plan_loader import LoadedPlan, plan_from_document
from ntmplan.loading.yaml_source import parse_yaml
from ntmplan.rules.settings import Settings
from ntmplan.runs.validate import judge_plan, plan_facts


class Raw(str):
    """A number written exactly as given ('29.50' keeps its two decimals)."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(Raw, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:float", str(value)))


def _text(vi: str, en: str | None = None) -> dict[str, str]:
    return {"vi": vi, "en": en or vi}


def _task(section: str, number: int, timing: dict[str, Any]) -> dict[str, Any]:
    parties = {"text": "BCĐ tỉnh", "agencies": ["BCD-TINH"]}
    return {
        "id": f"{section}.{number}",
        "number": number,
        "content": _text(f"Việc {section}.{number}", f"Task {section}.{number}"),
        "directing": parties,
        "executing": {"text": "VPĐP tỉnh", "agencies": ["VPDP-TINH"]},
        "coordinating": parties,
        "timing": timing,
    }


def clean_plan() -> dict[str, Any]:
    """A consistent plan for a province of 10 communes."""
    return copy.deepcopy(_CLEAN)


_CLEAN: dict[str, Any] = {
    "schema_version": 1,
    "metadata": {
        "number": "1/KH-UBND",
        "date": datetime.date(2019, 2, 22),
        "year": 2019,
        "place": "Tỉnh Thử",
        "issuer": "UBND-TINH",
        "signer": {"name": "Nguyễn Văn A", "title": _text("Chủ tịch", "Chairman"), "on_behalf_of": "UBND-TINH"},
        "title": _text("Kế hoạch thử", "Test plan"),
        "province": {"name": "Tỉnh Thử", "gso_code": "99", "communes": 10},
    },
    "legal_documents": [
        {
            "key": "qd-1-ttg-2016",
            "kind": "decision",
            "number": "1/QĐ-TTg",
            "date": datetime.date(2016, 8, 16),
            "issuer": _text("Thủ tướng Chính phủ", "Prime Minister"),
            "title": _text("Chương trình", "Programme"),
            "basis": True,
        }
    ],
    "headline": {
        "standard_communes": {"added": 1, "total": 3, "stated_share": Raw("30.0")},
        "average_criteria": {"min": 10, "max": 12, "comparison": "at-least"},
        "bands": [
            {"criteria": {"min": 19, "max": 19}, "count": 3, "stated_share": Raw("30.0")},
            {"criteria": {"min": 10, "max": 18}, "count": 5, "stated_share": Raw("50.0")},
            {"criteria": {"min": 0, "max": 9}, "count": 2, "stated_share": Raw("20.0")},
        ],
        "groups": [],
        "advanced_pilot_communes": [],
        "support_schemes": [
            {"key": "support", "name": _text("Hỗ trợ", "Support"), "basis": "qd-1-ttg-2016", "communes": 2}
        ],
    },
    "criteria": [
        {
            "number": n,
            "name": _text(f"Tiêu chí {n}", f"Criterion {n}"),
            "communes": {"added": 1, "total": 6, "stated_share": Raw("60.0")},
            "sub_targets": [],
        }
        for n in range(1, 20)
    ],
    "measures": [{"number": 1, "title": _text("Chỉ đạo", "Direction"), "figures": [], "references": ["qd-1-ttg-2016"]}],
    "commitments": [],
    "budget": {
        "unit": "billion-vnd",
        "total": Raw("100.0"),
        "sources": [
            {
                "key": "direct",
                "name": _text("Vốn trực tiếp", "Direct"),
                "amount": Raw("60.0"),
                "stated_share": Raw("60.0"),
                "children": [
                    {"key": "central", "name": _text("Trung ương", "Central"), "amount": Raw("45.0"),
                     "stated_share": Raw("45.0")},
                    {"key": "local", "name": _text("Địa phương", "Local"), "amount": Raw("15.0"),
                     "stated_share": Raw("15.0")},
                ],
            },
            {"key": "credit", "name": _text("Tín dụng", "Credit"), "amount": Raw("40.0"), "stated_share": Raw("40.0")},
        ],
    },
    "agencies": [
        {"code": "UBND-TINH", "name": _text("UBND tỉnh", "Provincial People's Committee"), "level": "province"},
        {"code": "BCD-TINH", "name": _text("BCĐ tỉnh", "Provincial Steering Committee"), "level": "province"},
        {"code": "VPDP-TINH", "name": _text("VPĐP tỉnh", "Coordination Office"), "level": "province"},
    ],
    "responsibilities": [
        {"number": 1, "agencies": ["VPDP-TINH"], "heading": _text("VPĐP", "Office"), "duties": [_text("Tổng hợp")]}
    ],
    "schedule": {
        "sections": [
            {
                "number": "I",
                "title": _text("Kế hoạch", "Planning"),
                "tasks": [
                    _task("I", 1, {"text": "Quý I", "kind": "quarters", "quarters": [1]}),
                    _task("I", 2, {"text": "Tháng 3-5", "kind": "months", "months": [3, 4, 5]}),
                ],
            },
            {
                "number": "II",
                "title": _text("Kiểm tra", "Inspection"),
                "tasks": [_task("II", 1, {"text": "Thường xuyên", "kind": "ongoing"})],
            },
        ]
    },
}

_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def patched(plan: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``plan`` with values set at dotted paths ('criteria[1].communes.total')."""
    result = copy.deepcopy(plan)
    for path, value in changes.items():
        steps = [int(index) if index else key for key, index in _STEP.findall(path)]
        target = result
        for step in steps[:-1]:
            target = target[step]
        target[steps[-1]] = value
    return result


def to_yaml(plan: dict[str, Any]) -> str:
    return yaml.dump(plan, Dumper=_Dumper, allow_unicode=True, sort_keys=False)


def load(plan: dict[str, Any], file: str = "plan.yaml") -> LoadedPlan:
    return plan_from_document(parse_yaml(file, to_yaml(plan)))


def findings(plan: dict[str, Any], code: str | None = None) -> list[Finding]:
    """Findings of the plan's rules, optionally of one rule only."""
    found = judge_plan(plan_facts(load(plan)), Settings()).findings
    return [f for f in found if code is None or f.code == code]


def codes_and_paths(plan: dict[str, Any], code: str) -> list[tuple[str, str]]:
    return [(f.code, f.location.path) for f in findings(plan, code)]
