"""The model's enumerations in words, in the reader's language."""

from __future__ import annotations

from ntmplan.i18n import N_, _

MEASURES = {
    "criteria-met": N_("criteria met"),
    "advanced-criteria-met": N_("advanced criteria met"),
    "model-residential-areas": N_("model residential areas"),
}


def measure_text(measure: str) -> str:
    """A group's measure in words: 'criteria met', 'tiêu chí đạt'."""
    return _(MEASURES[measure]) if measure in MEASURES else measure.replace("-", " ")
