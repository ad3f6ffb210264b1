"""The reader's shortcuts for national files give what the plain way gives.

A column's cells are read by spreading one answer per distinct spelling back to
every cell; a mask that few spellings set is made by comparing codes, text is
gathered from a small string array, and separators are counted a block at a time.
Each is held here to the plain computation it replaces, at any size and on the
edges (a categorical's missing cell, code -1, reads as the last spelling).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from ntmplan.communes import text_file, values


@st.composite
def codes_and_answers(draw, answer):
    """Codes of a categorical column (-1: missing) and one answer per spelling."""
    answers = draw(st.lists(answer, min_size=1, max_size=9))
    codes = draw(st.lists(st.integers(-1, len(answers) - 1), max_size=60))
    return np.array(codes, dtype=np.int8), answers


@given(codes_and_answers(st.booleans()))
@settings(max_examples=200, deadline=None)
def test_a_mask_is_the_answer_of_each_cells_spelling(case):
    codes, answers = case
    assert values._mask(codes, answers).tolist() == [answers[code] for code in codes]


@given(codes_and_answers(st.one_of(st.none(), st.text(max_size=4))))
@settings(max_examples=200, deadline=None)
def test_text_is_the_answer_of_each_cells_spelling_and_none_is_missing(case):
    codes, answers = case
    spread = values._spread_text(codes, answers)
    assert str(spread.dtype) == "string"
    assert [None if value is pd.NA else value for value in spread] == [answers[code] for code in codes]


def test_separators_are_counted_across_the_blocks_of_a_large_file():
    block = text_file._BYTES_AT_ONCE
    data = bytearray(b"x" * (3 * block + 5))
    for at in (0, block - 1, block, 2 * block + 7, len(data) - 1):
        data[at] = ord(",")
    assert text_file._count_byte(bytes(data), ord(",")) == 5 == bytes(data).count(b",")
    assert text_file._count_byte(b"", ord(",")) == 0
