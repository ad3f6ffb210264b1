"""The official list of Lạng Sơn's commune-level units, shipped inside the package.

Data files name communes by their GSO code; this list says which codes are the
plan's communes (type ``xa``), what each is called and in which district it lies.
Attribution and notes: ``ntmplan/reference/README.md``.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from ntmplan.i18n import N_

if TYPE_CHECKING:
    import pandas as pd

REFERENCE_FILE = "lang-son-admin-units-2017.csv"
COMMUNE_TYPE = "xa"
TYPE_LABELS = {"xa": N_("commune"), "thi-tran": N_("township"), "phuong": N_("ward")}
_PREFIX = r"^(?:Xã|Thị trấn|Phường)\s+"


def reference_path() -> str:
    """Where the shipped list is, for readers that want the file itself."""
    return str(resources.files("ntmplan") / "reference" / REFERENCE_FILE)


@lru_cache(maxsize=1)
def _load() -> pd.DataFrame:
    import pandas as pd  # not at import time: the rule modules import this module, and validate runs without pandas

    raw = pd.read_csv(reference_path(), dtype=str, keep_default_na=False, encoding="utf-8")
    ward = raw["ward"].str.split().str.join(" ")
    name = ward.str.replace(_PREFIX, "", regex=True)
    return pd.DataFrame(
        {
            "code": raw["ward_code"].str.strip(),
            "name": name,
            "official_name": ward,
            "district_code": raw["district_code"].str.strip(),
            "district": raw["district"].str.split().str.join(" "),
            "type": raw["type"].str.strip(),
        }
    )


def load_reference() -> pd.DataFrame:
    """All 226 units: ``code``, ``name`` (without its Xã/Thị trấn/Phường prefix),
    ``official_name`` (with it), ``district_code``, ``district``, ``type``.

    A copy, so that callers may change it freely.
    """
    return _load().copy()


def reference_communes() -> pd.DataFrame:
    """The plan's communes: the units of type ``xa`` (207 in Lạng Sơn), sorted by code."""
    units = _load()
    return units[units["type"] == COMMUNE_TYPE].sort_values("code").reset_index(drop=True)
