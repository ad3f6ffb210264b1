"""The model's enumerations in words, in the reader's language.

A reader sees 'triệu đồng/người/năm' or 'million VND per person per year', never the
key ``million-vnd-per-person-per-year``; the keys stay in JSON for programs.
"""

from __future__ import annotations

from ntmplan.i18n import N_, Lang, _, translate

MEASURES = {
    "criteria-met": N_("criteria met"),
    "advanced-criteria-met": N_("advanced criteria met"),
    "model-residential-areas": N_("model residential areas"),
}

# Which communes a group target or a commitment is about (``Members``).
MEMBERS = {
    "special-difficulty-pilot": N_("pilot communes in especially difficult circumstances"),
    "special-difficulty": N_("communes in especially difficult circumstances"),
    "district-pilot": N_("pilot communes in especially difficult circumstances chosen by the districts"),
    "border": N_("border communes"),
    "standard": N_("communes at the NTM standard"),
}

# Every unit of the plan format (``Unit``), and the amounts of funding actuals ('million-vnd').
UNITS = {
    "communes": N_("communes"),
    "percent": N_("%"),
    "percentage-points": N_("percentage points"),
    "km": N_("km"),
    "ha": N_("ha"),
    "works": N_("works"),
    "schools": N_("schools"),
    "people": N_("people"),
    "attendances": N_("attendances"),
    "villages": N_("villages"),
    "million-vnd-per-person-per-year": N_("million VND per person per year"),
    "billion-vnd": N_("billion VND"),
    "million-vnd": N_("million VND"),
    "years-of-age": N_("years of age"),
}

# A figure and how it is meant: 'at least 79%', 'about 60 km'; an exact figure is shown as it is.
COMPARISONS = {
    "at-least": N_("at least {figure}"),
    "at-most": N_("at most {figure}"),
    "about": N_("about {figure}"),
}


def measure_text(measure: str) -> str:
    """A group's measure in words: 'criteria met', 'tiêu chí đạt'."""
    return _(MEASURES[measure]) if measure in MEASURES else measure.replace("-", " ")


def members_text(members: str) -> str:
    """Which communes, in words: 'xã biên giới'."""
    return _(MEMBERS[members]) if members in MEMBERS else members.replace("-", " ")


def unit_text(unit: str, lang: Lang | None = None) -> str:
    """A unit in words: 'điểm phần trăm' for percentage-points in Vietnamese; the key if it has no label."""
    return translate(UNITS[unit], lang) if unit in UNITS else unit


def with_unit(figure: str, unit: str, lang: Lang | None = None) -> str:
    """'79%', '60 km', '25 million VND per person per year': a percent sign sticks to its figure."""
    label = unit_text(unit, lang)
    return f"{figure}{label}" if label == "%" else f"{figure} {label}"


def compared(figure: str, comparison: str, lang: Lang | None = None) -> str:
    """'at least 79%', 'khoảng 60 km'; an exact figure as it is."""
    return translate(COMPARISONS[comparison], lang).format(figure=figure) if comparison in COMPARISONS else figure
