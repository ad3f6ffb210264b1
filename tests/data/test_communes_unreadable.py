"""Files that cannot be read at all: an ``InputError`` with file, line, column, expected and found."""

from __future__ import annotations

import pytest

from communefiles import baseline_lines, read, write
from ntmplan.errors import InputError


def error(path: str) -> InputError:
    with pytest.raises(InputError) as caught:
        read(path)
    return caught.value


def test_missing_file(tmp_path):
    path = str(tmp_path / "nowhere.csv")
    found = error(path)
    assert found.file == path
    assert found.problem == "the file does not exist"
    assert found.expected == "a path to a CSV file of communes"


def test_folder_without_data_files(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    found = error(str(tmp_path))
    assert found.problem == "the folder holds no file of commune data"
    assert found.found == "notes.pdf"


def test_not_utf8(tmp_path):
    path = tmp_path / "cp1258.csv"  # saved in Excel's Vietnamese code page, Windows-1258
    path.write_bytes((baseline_lines()[0] + "\n05986,").encode() + "Hoàng Đông,178".encode("cp1258"))
    found = error(str(path))
    assert found.problem == "the file is not valid UTF-8 text"
    assert (found.line, found.column) == (2, 9)  # the 'à' of '05986,Hoàng'
    assert "UTF-8" in found.expected
    assert found.found.startswith("byte 0x")


def test_utf16_that_is_not(tmp_path):
    """A byte-order mark of UTF-16 ('Unicode text') followed by an odd byte: refused where it breaks."""
    path = tmp_path / "unicode.txt"
    path.write_bytes(("\n".join(baseline_lines()[:2]) + "\n").encode("utf-16") + b"\x00\xd8\x41")
    found = error(str(path))
    assert found.problem.startswith("the file begins as UTF-16 text")
    assert (found.line, found.column) == (3, 1)


def test_utf16_without_byte_order_mark(tmp_path):
    path = write(tmp_path, baseline_lines()[:3], encoding="utf-16-le")
    found = error(path)
    assert found.problem == "the file is not valid UTF-8 text"  # Excel's 'Unicode text' always has the mark
    assert found.line == 2  # the first letter outside ASCII, in 'Hoàng Đồng'



def test_not_utf8_far_into_a_large_file(tmp_path):
    """A large file is decoded up front only as far as its header; a bad byte further down is located all the same."""
    lines = baseline_lines()
    body = lines[1:] * 80  # some 16,000 lines: well past the part decoded to find the header
    path = tmp_path / "large.csv"
    path.write_bytes(("\n".join([lines[0], *body]) + "\n05986,").encode() + "Hoàng Đông,178\n".encode("cp1258"))
    found = error(str(path))
    assert found.problem == "the file is not valid UTF-8 text"
    assert (found.line, found.column) == (len(body) + 2, 9)
    assert found.found.startswith("byte 0x")


def test_a_large_file_of_blank_lines_is_empty(tmp_path):
    path = tmp_path / "blank.csv"
    path.write_bytes(b" \n" * 1_000_000)
    found = error(str(path))
    assert (found.problem, found.found) == ("the file is empty", "only blank lines")


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"\n\n", b"  \r\n \n"])
def test_empty(tmp_path, content):
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    found = error(str(path))
    assert found.problem == "the file is empty"
    assert found.line == 1
    assert "header line" in found.expected
    assert found.found in ("no text at all", "only blank lines")


def test_no_header(tmp_path):
    path = write(tmp_path, baseline_lines()[1:5])
    found = error(path)
    assert found.problem == "none of the first 30 lines is a header: no cell names a column of commune data"
    assert found.line == 1
    assert "Mã xã" in found.expected
    assert found.found.startswith("'05986,Hoàng Đồng")


def test_blank_line_above_the_header(tmp_path):
    data = read(write(tmp_path, [""] + baseline_lines()))
    assert data.sources[0].header_line == 2 and data.line(0) == 3 and len(data) == 207


def test_ambiguous_separator(tmp_path):
    # each separator splits off one known column name: no way to tell which one is meant
    path = write(tmp_path, ["code;ghi chú,name", "05986;x,Hoàng Đồng"])
    found = error(path)
    assert found.problem.startswith("cannot tell which character separates the columns")
    assert "comma ','" in found.problem and "semicolon ';'" in found.problem
    assert found.line == 1
    assert found.found == "'code;ghi chú,name'"


def test_separator_decided_by_the_known_columns(tmp_path):
    # ',' inside a header on a ';' file: ';' splits into more known columns, so it is not ambiguous
    path = write(tmp_path, ["code;name;Ghi chú, nếu có", "05986;Hoàng Đồng;a, b"])
    data = read(path)
    assert data.sources[0].separator == ";"
    assert data.frame.at[0, "name"] == "Hoàng Đồng"


def test_quote_never_closed(tmp_path):
    lines = baseline_lines()[:4]
    lines[2] = lines[2].replace("Quảng Lạc", '"Quảng Lạc')
    found = error(write(tmp_path, lines))
    assert found.problem.startswith('a quote (") opens a cell that is never closed')
    assert found.line == 3
    assert found.found.startswith("'05989,\"Quảng Lạc")
