"""Load a plan file into the model, turning schema errors into located messages."""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from ntmplan.errors import InputError
from ntmplan.i18n import _
from ntmplan.loading.yaml_source import YamlDocument, join_path, load_yaml
from ntmplan.model.plan import Plan
from ntmplan.text import suggest

MAX_REPORTED_ERRORS = 20


@dataclass
class LoadedPlan:
    """A validated plan and the YAML document it came from (for locations)."""

    plan: Plan
    document: YamlDocument

    @property
    def file(self) -> str:
        return self.document.file


def load_plan(file: str) -> LoadedPlan:
    """Read, parse and validate a plan file; raise ``InputError`` if it cannot be used."""
    return plan_from_document(load_yaml(file))


def plan_from_document(document: YamlDocument) -> LoadedPlan:
    if not isinstance(document.data, dict):
        mark = document.mark("")
        raise InputError(
            document.file,
            _("the plan must be a mapping of blocks (metadata, headline, criteria, ...)"),
            line=mark.line if mark else 1,
            column=mark.column if mark else 1,
            expected=_("a mapping"),
            found=type(document.data).__name__,
        )
    try:
        plan = Plan.model_validate(document.data)
    except ValidationError as exc:
        errors = [_located(document, error) for error in exc.errors(include_url=False)]
        first = errors[0]
        first.others = errors[1:MAX_REPORTED_ERRORS]
        if len(errors) > MAX_REPORTED_ERRORS:
            first.problem += " " + _("({count} further errors not shown)").format(count=len(errors) - MAX_REPORTED_ERRORS)
        raise first from None
    _refuse_repeated_criteria(document, plan)
    return LoadedPlan(plan=plan, document=document)


def _refuse_repeated_criteria(document: YamlDocument, plan: Plan) -> None:
    """Two criteria with the same number would make one target shadow the other without a word."""
    first: dict[int, int] = {}
    for index, criterion in enumerate(plan.criteria):
        if criterion.number in first:
            mark = document.mark(f"criteria[{index}].number")
            earlier = document.mark(f"criteria[{first[criterion.number]}].number")
            raise InputError(
                document.file,
                _("criterion {number} is given twice (first at line {line})").format(
                    number=criterion.number, line=earlier.line if earlier else "?"),
                line=mark.line if mark else None, column=mark.column if mark else None,
                path=f"criteria[{index}].number", expected=_("each criterion once"),
            )
        first[criterion.number] = index


def _located(document: YamlDocument, error: dict[str, Any]) -> InputError:
    loc = _document_loc(document.data, error["loc"])
    path = ""
    for part in loc:
        path = join_path(path, part)
    kind = error["type"]
    if kind == "extra_forbidden":
        key = str(loc[-1])
        mark = document.key_marks.get(path) or document.mark(path)
        allowed = _allowed_keys(Plan, loc[:-1])
        hint = suggest(key, allowed)
        expected = _("one of: {keys}").format(keys=", ".join(sorted(allowed))) if allowed else _("no further keys")
        if hint:
            expected = _("'{hint}' (did you mean it?) or another of: {keys}").format(
                hint=hint, keys=", ".join(sorted(allowed))
            )
        return InputError(
            document.file, _("unknown key '{key}'").format(key=key), line=mark.line, column=mark.column, path=path,
            expected=expected,
        )
    mark = document.mark(path)
    found = None
    if kind == "missing":
        problem = _("missing key '{key}'").format(key=loc[-1])
        expected = _("the key to be present")
    else:
        problem = _("wrong value")
        expected = error["msg"][0].lower() + error["msg"][1:]
        expected = expected.removeprefix("input should be ").removeprefix("value error, ")
        found = _show(error.get("input"))
    return InputError(
        document.file,
        problem,
        line=mark.line if mark else None,
        column=mark.column if mark else None,
        path=path,
        expected=expected,
        found=found,
    )


def _document_loc(data: Any, loc: tuple[Any, ...]) -> list[Any]:
    """The error location as keys of the document, without the type names pydantic
    inserts for unions ('int', 'function-after[...]').

    The last part is kept even when absent: it is the missing or unknown key.
    """
    kept: list[Any] = []
    for i, part in enumerate(loc):
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        elif i < len(loc) - 1 or not isinstance(data, dict):
            continue
        kept.append(part)
    return kept


def _show(value: Any) -> str:
    if isinstance(value, str):
        return _("the text {text}").format(text=repr(value)) if len(value) < 60 else _(
            "a text of {count} characters").format(count=len(value))
    if isinstance(value, dict):
        return _("a mapping")
    if isinstance(value, list):
        return _("a list")
    if value is None:
        return _("nothing (null)")
    return f"{type(value).__name__} {value!r}"


def _allowed_keys(model: type[BaseModel], loc: list[Any]) -> list[str]:
    """The keys a mapping may have at ``loc``, by walking the model's annotations."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            current = current.model_fields[part].annotation
        else:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """Strip Optional[...] so that walking reaches the model or list inside."""
    args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType) and len(args) == 1:
        return args[0]
    return annotation
