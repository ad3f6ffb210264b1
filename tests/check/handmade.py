"""Ten hand-made communes whose every figure is known, for the clean test plan.

    commune  district  criteria met           missing          flags
    A B C    001       19 (at standard)        -                advanced 5, 6, 4; model areas 1, 2, 0
    D        001       18                      1                target 2019
    E        001       17                      1, 2             target 2019
    F        002       16                      1-3
    G        002       15                      1-4              special-difficulty pilot
    H        002       10                      1-9              border
    I        002        5                      1-14             border
    J        002        0                      1-19             border

Communes meeting each criterion: c1 3, c2 4, c3 5, c4 6, c5-c9 7, c10-c14 8, c15-c19 9.
"""

from __future__ import annotations

import pandas as pd

from ntmplan.communes.columns import CRITERION_COLUMNS

MISSING = {"A": 0, "B": 0, "C": 0, "D": 1, "E": 2, "F": 3, "G": 4, "H": 9, "I": 14, "J": 19}


def communes() -> pd.DataFrame:
    rows = []
    for index, (name, missing) in enumerate(MISSING.items()):
        row = {
            "code": f"{index + 1:05d}",
            "name": f"Xã {name}",
            "district_code": "001" if name in "ABCDE" else "002",
            "district": "Huyện Một" if name in "ABCDE" else "Huyện Hai",
            "border": name in "HIJ",
            "special_difficulty": name in "GH",
            "special_difficulty_pilot": name == "G",
            "target_2019": name in "DE",
            "ntm_year": 2017 if name in "ABC" else None,
            "advanced_criteria": {"A": 5, "B": 6, "C": 4}.get(name, 0),
            "model_areas": {"A": 1, "B": 2, "C": 0}.get(name, 0),
        }
        for number, column in enumerate(CRITERION_COLUMNS, start=1):
            row[column] = number > missing
        rows.append(row)
    frame = pd.DataFrame(rows)
    for column in ["border", "special_difficulty", "special_difficulty_pilot", "target_2019", *CRITERION_COLUMNS]:
        frame[column] = frame[column].astype("boolean")
    for column in ["ntm_year", "advanced_criteria", "model_areas"]:
        frame[column] = frame[column].astype("Int64")
    return frame
