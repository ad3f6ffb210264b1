"""Compare two plans as plans, not as text.

Lists are matched by what identifies their items, not by position: criteria by
number, sources by key (or, renamed, by name), agencies by code (or by name, to
see a new code), tasks by their content (or by id), bands by their range. So a
task inserted in a section is one task added, not every later task changed, and
a renumbered task is one task moved. Each difference is then classified by what
it means in the plan: a total of communes lowered, a target year postponed,
money moved from one source to another with the net effect on the total, a task
re-timed or reassigned. Lowered or removed targets and cuts in funding are
flagged for a reviewer's attention.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass, field
from typing import Any

from ntmplan.diff.result import ATTENTION, INFO, Change
from ntmplan.i18n import N_, Lang, _, current, translate
from ntmplan.loading.plan_loader import LoadedPlan
from ntmplan.loading.yaml_source import join_path
from ntmplan.numbers import day, num

_INDEX = re.compile(r"\[\d+\]")

# How the items of a list are recognised across versions, tried in order ('#': position).
IDENTITY: dict[str, tuple[str, ...]] = {
    "legal_documents": ("key", "number"),
    "headline.bands": ("criteria", "#"),
    "headline.groups": ("key",),
    "headline.advanced_pilot_communes": ("code",),
    "headline.support_schemes": ("key",),
    "criteria": ("number",),
    "criteria.sub_targets": ("key",),
    "measures": ("number",),
    "measures.figures": ("key",),
    "commitments": ("key", "what.vi"),
    "budget.sources": ("key", "name.vi"),
    "agencies": ("code", "name.vi"),
    "responsibilities": ("number",),
    "schedule.sections": ("number",),
    "schedule.sections.tasks": ("content.vi", "id"),
}
# Values compared whole: one change for a task's timing, not one per month.
ATOMIC = {
    "schedule.sections.tasks.timing",
    "schedule.sections.tasks.directing",
    "schedule.sections.tasks.executing",
    "schedule.sections.tasks.coordinating",
}
# Targets: a higher value is a higher target.
TARGETS = {
    "criteria.communes.total": "criterion",
    "criteria.communes.added": "criterion",
    "headline.standard_communes.total": "headline",
    "headline.standard_communes.added": "headline",
    "headline.average_criteria": "headline",
    "headline.groups.target": "group",
    "headline.support_schemes.communes": "support-scheme",
    "criteria.sub_targets.value": "sub-target",
}
FIELD_NAMES = {
    "total": N_("total communes"),
    "added": N_("communes added"),
    "baseline": N_("communes at the start of the year"),
    "stated_share": N_("stated share"),
    "amount": N_("amount"),
    "value": N_("value"),
    "target": N_("target"),
    "by_year": N_("target year"),
    "count": N_("communes in the band"),
    "average_criteria": N_("average criteria per commune"),
    "timing": N_("timing"),
    "directing": N_("directing bodies"),
    "executing": N_("executing bodies"),
    "coordinating": N_("coordinating bodies"),
    "communes": N_("communes"),
}
REMOVAL_NEEDS_ATTENTION = {"criterion", "sub-target", "group", "band", "source", "support-scheme", "commitment"}
RANGE_KEYS = {"min", "max", "comparison"}  # a range, or a target range with how it is meant
COMPARISON_WORDS = {"at-least": N_("at least {range}"), "at-most": N_("at most {range}"), "about": N_("about {range}")}


def pattern(path: str) -> str:
    """A path without list indexes: ``criteria[1].communes.total`` → ``criteria.communes.total``."""
    return _INDEX.sub("", path)


def _identity_for(list_pattern: str) -> tuple[str, ...] | None:
    if list_pattern.startswith("budget.sources") and list_pattern.endswith(("sources", "children")):
        return IDENTITY["budget.sources"]
    return IDENTITY.get(list_pattern)


def _get(item: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        if not isinstance(item, dict):
            return None
        item = item.get(part)
    return item


def _hashable(value: Any) -> str | None:
    return None if value is None else json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)


def match(old: list, new: list, keys: tuple[str, ...]) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pairs (old index, new index) of the same item, then the removed and the added indexes."""
    pairs: list[tuple[int, int]] = []
    used_old: set[int] = set()
    used_new: set[int] = set()
    for key in keys:
        waiting: dict[str, list[int]] = {}
        for i, item in enumerate(old):
            ident = str(i) if key == "#" else _hashable(_get(item, key))
            if i not in used_old and ident is not None:
                waiting.setdefault(ident, []).append(i)
        for j, item in enumerate(new):
            ident = str(j) if key == "#" else _hashable(_get(item, key))
            if j not in used_new and ident is not None and waiting.get(ident):
                i = waiting[ident].pop(0)
                pairs.append((i, j))
                used_old.add(i)
                used_new.add(j)
    pairs.sort(key=lambda pair: pair[1])
    return pairs, [i for i in range(len(old)) if i not in used_old], [j for j in range(len(new)) if j not in used_new]


@dataclass
class Raw:
    """One structural difference before it is classified."""

    kind: str  # changed, added, removed
    old_path: str | None
    new_path: str | None
    old: Any
    new: Any
    context: list[tuple[str, Any]]  # (list pattern, item) of the keyed items around it
    item: bool = False  # an item of a keyed list, rather than a key of a mapping
    anchor: str | None = None  # where an addition goes in the old file, or a removal was in the new one


@dataclass
class Walk:
    raws: list[Raw] = field(default_factory=list)
    moves: dict[str, str] = field(default_factory=dict)  # old item path → new item path

    def walk(self, old: Any, new: Any, old_path: str, new_path: str, context: list[tuple[str, Any]]) -> None:
        here = pattern(new_path)
        if _atomic(here, old, new):
            if old != new:
                self.raws.append(Raw("changed", old_path, new_path, old, new, context))
            return
        if isinstance(old, dict) and isinstance(new, dict):
            for key in list(new) + [key for key in old if key not in new]:
                old_child, new_child = join_path(old_path, key), join_path(new_path, key)
                if key not in new:
                    self.raws.append(Raw("removed", old_child, None, old[key], None, context, anchor=new_path))
                elif key not in old:
                    self.raws.append(Raw("added", None, new_child, None, new[key], context, anchor=old_path))
                else:
                    self.walk(old[key], new[key], old_child, new_child, context)
            return
        keys = _identity_for(here)
        if isinstance(old, list) and isinstance(new, list) and keys:
            pairs, removed, added = match(old, new, keys)
            for i, j in pairs:
                old_item, new_item = f"{old_path}[{i}]", f"{new_path}[{j}]"
                if old_item != new_item:
                    self.moves[old_item] = new_item
                self.walk(old[i], new[j], old_item, new_item, context + [(here, new[j])])
            for i in removed:
                self.raws.append(Raw("removed", f"{old_path}[{i}]", None, old[i], None, context + [(here, old[i])],
                                     item=True, anchor=new_path))
            for j in added:
                self.raws.append(Raw("added", None, f"{new_path}[{j}]", None, new[j], context + [(here, new[j])],
                                     item=True, anchor=old_path))
            return
        if old != new:
            self.raws.append(Raw("changed", old_path, new_path, old, new, context))


def _atomic(here: str, old: Any, new: Any) -> bool:
    if here in ATOMIC:
        return True
    for value in (old, new):
        if isinstance(value, dict) and value and (set(value) <= {"vi", "en"} or _is_range(value)):
            return True
    return False


# --- words -------------------------------------------------------------------------------


def _is_range(value: Any) -> bool:
    return isinstance(value, dict) and "min" in value and set(value) <= RANGE_KEYS


def _figure(value: int | float) -> str:
    """A number in a message: '29,5' and '1.800' in Vietnamese; in English as the plan writes it ('1800')."""
    if current() is Lang.vi:
        return num(value, 6)
    return f"{value:g}" if isinstance(value, float) else str(value)


def _year(value: Any) -> str:
    """A year as written, never grouped like an amount ('2019', not '2.019')."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else show(value)


def show(value: Any) -> str:
    """A value as a reviewer reads it."""
    if value is None:
        return _("nothing")
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, (int, float)):
        return _figure(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return day(value) if current() is Lang.vi else value.isoformat()
    if isinstance(value, dict):
        if set(value) <= {"vi", "en"}:
            vi, en = value.get("vi"), value.get("en")
            return f"'{vi}'" + (f" ({en})" if en and en != vi else "")
        if _is_range(value):
            low, high = value.get("min"), value.get("max")
            if high is None:
                return _("{low} or more").format(low=show(low))
            shown = show(low) if low == high else f"{show(low)}-{show(high)}"
            return translate(COMPARISON_WORDS.get(value.get("comparison"), "{range}")).format(range=shown)
        if "text" in value and "agencies" in value:
            agencies = ", ".join(value["agencies"]) or _("no agency")
            return f"'{value['text']}' ({agencies})"
        if "text" in value and "kind" in value:
            return f"'{value['text']}'"
        return ", ".join(f"{key}: {show(item)}" for key, item in value.items())
    if isinstance(value, list):
        return "[" + ", ".join(show(item) for item in value) + "]"
    return f"'{value}'"


# How an item of each list of the plan is named in a change: (noun, the key that identifies it).
_ITEM_NOUNS = {
    "criteria.sub_targets": (N_("sub-target"), "key"),
    "headline.groups": (N_("group"), "key"),
    "headline.support_schemes": (N_("support scheme"), "key"),
    "measures": (N_("measure area"), "number"),
    "measures.figures": (N_("figure"), "key"),
    "commitments": (N_("commitment"), "key"),
    "agencies": (N_("agency"), "code"),
    "responsibilities": (N_("responsibility"), "number"),
    "schedule.sections": (N_("section"), "number"),
    "schedule.sections.tasks": (N_("task"), "id"),
}
# A change outside every list is named by the part of the plan it is in.
_TOP_NAMES = {"headline": N_("headline"), "budget": N_("budget"), "metadata": N_("metadata")}


def _item_label(list_pattern: str, item: Any) -> str:
    get = lambda key: _get(item, key)  # noqa: E731
    own_first = ("name.vi", "name.en") if current() is Lang.vi else ("name.en", "name.vi")
    name = get(own_first[0]) or get(own_first[1]) or get("name")
    if list_pattern == "criteria":
        if name:
            return _("criterion {number} ({name})").format(number=get("number"), name=name)
        return _("criterion {number}").format(number=get("number"))
    if list_pattern == "headline.bands":
        return _("band {criteria} criteria").format(criteria=show(get("criteria")))
    if list_pattern == "headline.advanced_pilot_communes":
        return _("advanced pilot commune {code} {name}").format(code=get("code"), name=name or "").rstrip()
    if list_pattern == "legal_documents":
        return _("document {number}").format(number=get("number") or get("key"))
    if list_pattern.startswith("budget.sources"):
        return _("source {key}").format(key=get("key"))
    if list_pattern in _ITEM_NOUNS:
        noun, key = _ITEM_NOUNS[list_pattern]
        return f"{translate(noun)} {get(key)}"
    return list_pattern


def label(raw: Raw) -> str:
    """'criterion 2 (Transport)', 'criterion 2 (Transport), sub-target rural-roads-built', 'task V.4'."""
    context = raw.context
    if len(context) > 1:  # a task is named by its id, which says its section
        context = [(list_pattern, item) for list_pattern, item in context if list_pattern != "schedule.sections"]
    if not context:
        top = (raw.new_path or raw.old_path or "").split(".")[0].split("[")[0]
        return translate(_TOP_NAMES[top]) if top in _TOP_NAMES else top
    if all(list_pattern.startswith("budget.sources") for list_pattern, _item in context):
        return _("source {key}").format(key=" › ".join(str(_get(item, "key")) for _pattern, item in context))
    return ", ".join(_item_label(list_pattern, item) for list_pattern, item in context)


def subject(path_pattern: str) -> str:
    prefixes = [
        ("metadata", "metadata"), ("legal_documents", "document"), ("headline.bands", "band"),
        ("headline.groups", "group"), ("headline.advanced_pilot_communes", "pilot-commune"),
        ("headline.support_schemes", "support-scheme"), ("headline", "headline"),
        ("criteria.sub_targets", "sub-target"), ("criteria", "criterion"), ("measures", "measure"),
        ("commitments", "commitment"),
        ("budget.sources", "source"), ("budget", "budget"), ("agencies", "agency"),
        ("responsibilities", "responsibility"), ("schedule.sections.tasks", "task"),
        ("schedule.sections", "section"),
    ]
    return next((name for prefix, name in prefixes if path_pattern.startswith(prefix)), path_pattern.split(".")[0])


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if _is_range(value):
        return float(value["min"])
    return None


def _delta(old: Any, new: Any) -> float | None:
    a, b = _number(old), _number(new)
    return None if a is None or b is None else round(b - a, 6)


def _signed(delta: float) -> str:
    """'+50', '−2' (a true minus sign), the figure written the reader's way."""
    return ("−" if math.copysign(1, delta) < 0 else "+") + _figure(abs(delta))


# --- classification ----------------------------------------------------------------------


class Classifier:
    """Turns raw differences into changes with a kind, plain words and both lines."""

    def __init__(self, old: LoadedPlan, new: LoadedPlan):
        self.old = old
        self.new = new

    def lines(self, raw: Raw) -> tuple[int | None, int | None]:
        """Both lines; for an addition, the old line is where it goes, for a removal the new line is
        where it was (the nearest enclosing value that both files have)."""
        old_path = raw.old_path if raw.old_path is not None else raw.anchor
        new_path = raw.new_path if raw.new_path is not None else raw.anchor
        old_mark = self.old.document.mark(old_path) if old_path is not None else None
        new_mark = self.new.document.mark(new_path) if new_path is not None else None
        return (old_mark.line if old_mark else None), (new_mark.line if new_mark else None)

    def change(self, raw: Raw, subject_: str, kind: str, message: str, attention: bool = False,
               delta: float | None = None) -> Change:
        old_line, new_line = self.lines(raw)
        return Change(subject_, kind, label(raw), message, ATTENTION if attention else INFO, raw.old_path,
                      raw.new_path, raw.old, raw.new, old_line, new_line, delta)

    def classify(self, raw: Raw) -> Change | None:
        path = raw.new_path if raw.new_path is not None else raw.old_path or ""
        here = pattern(path)
        what = subject(here)
        name = label(raw)
        key = here.rsplit(".", 1)[-1]
        field_name = translate(FIELD_NAMES[key]) if key in FIELD_NAMES else key.replace("_", " ")
        if raw.item:
            return self.item_change(raw, what, name)
        if here in TARGETS:
            return self.target_change(raw, TARGETS[here], name, field_name)
        if here == "headline.groups.by_year":
            later = (raw.new or 0) > (raw.old or 0)
            kind = "postponed" if later else "brought-forward"
            template = (_("{name}: target year postponed from {old} to {new}") if later
                        else _("{name}: target year brought forward from {old} to {new}"))
            return self.change(raw, "group", kind, template.format(name=name, old=_year(raw.old), new=_year(raw.new)),
                               attention=later, delta=_delta(raw.old, raw.new))
        if here == "budget.total" or (here.startswith("budget.sources") and here.endswith(".amount")):
            delta = _delta(raw.old, raw.new)
            cut = raw.new is None or (delta is not None and delta < 0)
            kind = "cut" if cut else "increased"
            template = (_("{name}: {field} cut from {old} to {new} billion VND{delta}") if cut
                        else _("{name}: {field} increased from {old} to {new} billion VND{delta}"))
            message = template.format(name=name, field=field_name, old=show(raw.old), new=show(raw.new),
                                      delta=f" ({_signed(delta)})" if delta is not None else "")
            return self.change(raw, "budget" if here == "budget.total" else "source", kind, message,
                               attention=cut, delta=delta)
        if here == "schedule.sections.tasks.timing":
            return self.change(raw, "task", "retimed", _("{name}: re-timed from {old} to {new}").format(
                name=name, old=show(raw.old), new=show(raw.new)))
        if here.startswith("schedule.sections.tasks.") and here.rsplit(".", 1)[-1] in ("directing", "executing",
                                                                                        "coordinating"):
            return self.change(raw, "task", "reassigned", _changed(raw, name, field_name))
        if here == "schedule.sections.tasks.id":
            return self.change(raw, "task", "moved",
                               _("task {old} is now {new} (same content)").format(old=raw.old, new=raw.new))
        if here == "schedule.sections.tasks.number":
            return None  # told by the id
        if here == "agencies.name":
            return self.change(raw, "agency", "renamed", _("{name}: renamed from {old} to {new}").format(
                name=name, old=show(raw.old), new=show(raw.new)))
        if here == "agencies.code":
            return self.change(raw, "agency", "recoded", _("agency {old} is now coded {new}").format(
                old=show(raw.old), new=show(raw.new)))
        if here == "headline.bands.count":
            return self.change(raw, "band", "changed", _changed(raw, name, field_name), delta=_delta(raw.old, raw.new))
        if raw.new is None:
            message = _no_longer_stated(raw, name, field_name)
        elif raw.old is None:
            message = _set_to(raw, name, field_name)
        else:
            message = _changed(raw, name, field_name)
        return self.change(raw, what, "changed", message, delta=_delta(raw.old, raw.new))

    def target_change(self, raw: Raw, what: str, name: str, field_name: str) -> Change:
        if raw.new is None:
            return self.change(raw, what, "removed", _no_longer_stated(raw, name, field_name), attention=True)
        if raw.old is None:
            return self.change(raw, what, "added", _set_to(raw, name, field_name))
        higher = _higher(raw)
        delta = _delta(raw.old, raw.new)
        if higher is None:
            return self.change(raw, what, "changed", _changed(raw, name, field_name), delta=delta)
        kind = "raised" if higher else "lowered"
        shown_delta = f" ({_signed(delta)})" if delta is not None and not isinstance(raw.old, dict) else ""
        template = (_("{name}: {field} raised from {old} to {new}{delta}") if higher
                    else _("{name}: {field} lowered from {old} to {new}{delta}"))
        message = template.format(name=name, field=field_name, old=show(raw.old), new=show(raw.new), delta=shown_delta)
        return self.change(raw, what, kind, message, attention=not higher, delta=delta)

    def item_change(self, raw: Raw, what: str, name: str) -> Change:
        if raw.kind == "added":
            return self.change(raw, what, "added", _("{name} added").format(name=name))
        amount = _get(raw.old, "amount")
        if what == "source":
            message = _("{name} removed (its {amount} billion VND are cut)").format(name=name, amount=show(amount))
            return self.change(raw, what, "removed", message, attention=True, delta=-(amount or 0))
        return self.change(raw, what, "removed", _("{name} removed").format(name=name),
                           attention=what in REMOVAL_NEEDS_ATTENTION)


def _changed(raw: Raw, name: str, field_name: str) -> str:
    return _("{name}: {field} changed from {old} to {new}").format(name=name, field=field_name, old=show(raw.old),
                                                                   new=show(raw.new))


def _no_longer_stated(raw: Raw, name: str, field_name: str) -> str:
    return _("{name}: {field} no longer stated (was {old})").format(name=name, field=field_name, old=show(raw.old))


def _set_to(raw: Raw, name: str, field_name: str) -> str:
    return _("{name}: {field} set to {new}").format(name=name, field=field_name, new=show(raw.new))


def _higher(raw: Raw) -> bool | None:
    """Whether the new target asks more; None when it neither clearly does nor does not."""
    old, new = raw.old, raw.new
    if _is_range(old) and _is_range(new):
        def ends(target: dict) -> tuple[float, float]:
            high = target.get("max")  # an open range ('10 or more') asks more than any upper end
            return target["min"], float("inf") if high is None else high

        (a_low, a_high), (b_low, b_high) = ends(old), ends(new)
        lower_is_stricter = new.get("comparison") == "at-most"
        if b_low != a_low:
            return (b_low < a_low) if lower_is_stricter else (b_low > a_low)
        if b_high != a_high:
            return (b_high < a_high) if lower_is_stricter else (b_high > a_high)
        return None
    a, b = _number(old), _number(new)
    if a is None or b is None or a == b:
        return None
    sub_target = raw.context[-1][1] if raw.context else {}
    stricter_when_lower = _get(sub_target, "comparison") == "at-most"
    return (b < a) if stricter_when_lower else (b > a)


# --- changes that only a whole part of the plan shows ---------------------------------------


def money_moved(classifier: Classifier, walk: Walk) -> list[Change]:
    """Where some sources of one level gained and others lost: who gave, who got, the net effect."""
    levels: dict[tuple[str, ...], dict[str, Any]] = {}
    for raw in walk.raws:
        path = raw.new_path if raw.new_path is not None else raw.old_path or ""
        here = pattern(path)
        if not here.startswith("budget.sources") or not raw.context:
            continue
        source = raw.context[-1][1]
        if raw.item:
            amount = float(_get(source, "amount") or 0)
            delta = -amount if raw.kind == "removed" else amount
            item_path = path
        elif here.endswith(".amount"):
            delta = _delta(raw.old, raw.new) or 0.0
            item_path = path.rsplit(".", 1)[0]
        else:
            continue
        parents = tuple(_get(item, "key") or "?" for _, item in raw.context[:-1])
        level = levels.setdefault(parents, {"deltas": [], "old": None, "new": None})
        level["deltas"].append((_get(source, "key") or "?", delta))
        side = "new" if raw.new_path is not None else "old"
        level[side] = level[side] or item_path.rsplit("[", 1)[0]
    changes = []
    for parents, level in levels.items():
        deltas = level["deltas"]
        gains = [(key, delta) for key, delta in deltas if delta > 0]
        losses = [(key, delta) for key, delta in deltas if delta < 0]
        if not gains or not losses:
            continue
        net = round(sum(delta for _, delta in deltas), 6)
        parts = ", ".join(f"{key} {_signed(delta)}" for key, delta in losses + gains)
        where = _("the sources") if not parents else _("the sub-sources of {parents}").format(parents=" › ".join(parents))
        message = _("money moved between {where}: {parts} billion VND; net effect on the total: {net}").format(
            where=where, parts=parts, net=_signed(net))
        raw = Raw("changed", level["old"] or level["new"], level["new"] or level["old"], None, None, [])
        change = classifier.change(raw, "budget", "money-moved", message, attention=net < 0, delta=net)
        changes.append(Change(**{**change.__dict__, "label": "budget"}))
    return changes


def bands_floor(classifier: Classifier, walk: Walk) -> list[Change]:
    """When the bands change: does their distribution still ask as much of the communes?

    The least average the bands allow (every commune at the bottom of its band) is
    the bands' own target for the average; lower means a lower target.
    """
    if not any(pattern(raw.new_path or raw.old_path or "").startswith("headline.bands") for raw in walk.raws):
        return []

    def floor(loaded: LoadedPlan) -> float:
        plan = loaded.plan
        communes = plan.metadata.province.communes or 1
        return round(sum(band.count * band.criteria.min for band in plan.headline.bands) / communes, 2)

    before, after = floor(classifier.old), floor(classifier.new)
    if before == after:
        return []
    higher = after > before
    raw = Raw("changed", "headline.bands", "headline.bands", before, after, [])
    template = (_("the bands now imply an average of at least {after} criteria per commune (was {before}): "
                  "the distribution asks more of the communes") if higher
                else _("the bands now imply an average of at least {after} criteria per commune (was {before}): "
                       "the distribution asks less of the communes"))
    message = template.format(after=_figure(after), before=_figure(before))
    change = classifier.change(raw, "bands", "raised" if higher else "lowered", message, attention=not higher,
                               delta=round(after - before, 6))
    return [Change(**{**change.__dict__, "label": "bands"})]


def compare(old: LoadedPlan, new: LoadedPlan) -> tuple[list[Change], dict[str, str]]:
    """The changes from ``old`` to ``new`` in the new file's order, and the moved items' paths."""
    walk = Walk()
    walk.walk(old.document.data, new.document.data, "", "", [])
    classifier = Classifier(old, new)
    changes = [change for change in (classifier.classify(raw) for raw in walk.raws) if change is not None]
    changes += money_moved(classifier, walk) + bands_floor(classifier, walk)
    changes.sort(key=lambda c: (c.new_line if c.new_line is not None else c.old_line or 0, c.old_line or 0, c.path))
    return changes, walk.moves
