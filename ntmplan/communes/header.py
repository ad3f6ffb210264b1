"""Finding the header of a table of commune data, as people lay tables out in Excel.

A district's sheet often starts with a title block ('UBND HUYỆN BẮC SƠN', 'BIỂU
TỔNG HỢP …', the review's date) and has a header of two rows: a merged cell
'Tiêu chí' over nineteen cells '1' … '19', 'Nhóm xã' over 'Biên giới', 'ĐBKK' …,
while 'Mã xã' spans both rows. The header is the row (or pair of rows), among
the first ``SEARCH_ROWS``, whose cells name the most canonical columns; a pair
is taken only when it names more than either row alone.

In a pair, a cell under a merged group title is read with the title in front
of it when that is what makes it a column ('Tiêu chí' + '5' is 'Tiêu chí 5');
a cell merged over both rows is read once. Workbooks say which cells are
merged; in a CSV file a merged title is the text followed by empty cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ntmplan.communes.columns import match_header

SEARCH_ROWS = 30
_COLUMN_NUMBER = re.compile(r"^\(?(\d{1,3})\)?$")


@dataclass(frozen=True)
class Header:
    """The header found: its first row (0-based among the rows searched), its rows, its text for each column."""

    index: int
    depth: int
    texts: list[str]
    known: int  # canonical columns it names


def tidy(text: str) -> str:
    """A header cell as compared: inner runs of spaces and line breaks collapsed."""
    return " ".join(text.split())


def known_columns(texts: list[str]) -> int:
    return len({match_header(text) for text in texts} - {None})


def find_header(rows: list[list[str]], spans: list[set[int]] | None = None) -> Header | None:
    """The best header among the first rows, or None when no row names a column of commune data.

    ``spans[r]`` holds the columns of row ``r`` that lie under a cell merged across
    columns (workbooks, whose merged cells are already spread over the cells they
    cover); without it (CSV), a cell followed by empty ones is taken as merged.
    """
    searched = [[tidy(cell) for cell in row] for row in rows[:SEARCH_ROWS + 1]]
    single = [known_columns(row) for row in searched]
    best: Header | None = None
    for index in range(min(len(searched), SEARCH_ROWS)):
        candidates = [Header(index, 1, searched[index], single[index])]
        if index + 1 < len(searched):
            guessed = spans[index] if spans is not None else _guess_spans(searched[index], searched[index + 1])
            texts = _pair(searched[index], searched[index + 1], guessed)
            pair = Header(index, 2, texts, known_columns(texts))
            if pair.known > max(single[index], single[index + 1]):
                candidates.append(pair)
        for candidate in candidates:
            if candidate.known and (best is None or candidate.known > best.known):
                best = candidate
    return best


def _guess_spans(upper: list[str], lower: list[str]) -> set[int]:
    """Columns under a merged title in a CSV header: a title followed by empty cells over sub-headers."""
    spanned: set[int] = set()
    title = None
    for column in range(len(lower)):
        cell = upper[column] if column < len(upper) else ""
        if cell:
            title = column
            continue
        if title is not None and lower[column]:
            spanned |= {title, column}
        else:
            title = None
    return spanned


def _pair(upper: list[str], lower: list[str], spanned: set[int]) -> list[str]:
    """One text per column of a two-row header."""
    width = max(len(upper), len(lower))
    upper = upper + [""] * (width - len(upper))
    lower = lower + [""] * (width - len(lower))
    texts = []
    title = ""
    for column in range(width):
        above, below = upper[column], lower[column]
        if column in spanned and above:
            title = above
        elif column not in spanned:
            title = ""
        if not below or below == above:
            texts.append(above)  # one cell over both rows, or nothing under it
        elif match_header(below):
            texts.append(below)
        elif column in spanned and title:
            texts.append(f"{title} {below}")
        else:
            texts.append(above or below)
    return texts


def column_numbers(cells: list[str]) -> bool:
    """A row of column numbers, '1 2 3 …' or '(1) (2) (3) …', as many tables have under their header."""
    numbers = []
    for cell in cells:
        if not cell:
            continue
        found = _COLUMN_NUMBER.match(cell.strip())
        if not found:
            return False
        numbers.append(int(found.group(1)))
    return len(numbers) >= 3 and all(b == a + 1 for a, b in zip(numbers, numbers[1:]))
