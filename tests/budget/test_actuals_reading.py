"""Reading an actuals CSV as spreadsheets write it, and the AC rules on rows that cannot be counted.

The clean plan's sources: direct (central, local), credit. Cases state the file's text
and the exact (code, line, column header) of every finding.
"""

import pytest

from ntmplan.budget.actuals import parse_actuals, read_actuals
from ntmplan.budget.execution import execute
from ntmplan.errors import InputError
from ntmplan.rules.engine import run_scope
from ntmplan.rules.scopes import ACTUALS, ActualsContext
from ntmplan.rules.settings import Settings
from planfactory import clean_plan, load

PLAN = load(clean_plan()).plan


def run(text, as_of=None):
    table = parse_actuals("a.csv", text, PLAN)
    execution = execute(PLAN, table, as_of)
    return table, execution, run_scope(ACTUALS, ActualsContext(PLAN, table, execution), Settings()).findings


def amounts(table):
    return [(row.line, row.source, row.amount, row.district) for row in table.rows]


def flat(findings, skip=("AC08", "AC09")):
    return [(f.code, f.location.line, f.location.path) for f in findings if f.code not in skip]


def test_a_vietnamese_excel_file_bom_semicolons_accents_decimal_commas():
    text = "\ufeffNguồn vốn;Huyện;Số tiền\r\ncentral;Chi Lăng;12,5\r\nlocal;Chi Lăng;3\r\ncredit;;1.012,6\r\n"
    table, execution, findings = run(text)
    assert (table.delimiter, table.decimal_mark, table.decimal_evidence) == (";", "comma", "line 2: '12,5'")
    assert table.headers == {"source": "Nguồn vốn", "district": "Huyện", "amount": "Số tiền"}
    assert amounts(table) == [(2, "central", 12.5, "Chi Lăng"), (3, "local", 3.0, "Chi Lăng"), (4, "credit", 1012.6, None)]
    assert flat(findings) == []
    assert execution.actual == 1028.1


@pytest.mark.parametrize(
    "text, delimiter",
    [
        ('source,amount\ncentral,"12,5"\ncredit,40\n', ","),
        ("source\tamount\ncentral\t12,5\ncredit\t40\n", "\t"),
        ("sep=;\nsource;amount;note (a, b, c)\ncentral;12,5;x, y\ncredit;40;\n", ";"),  # Excel's hint beats counting
        ("# synthetic\n\nsource;amount\n# a comment row\ncentral;12,5\n\ncredit;40\n", ";"),
    ],
)
def test_separators_quotes_comments_and_blank_lines(text, delimiter):
    table, _, findings = run(text)
    assert table.delimiter == delimiter
    assert [(row.source, row.amount) for row in table.rows] == [("central", 12.5), ("credit", 40.0)]
    assert flat(findings) == []


def test_sources_by_key_or_by_name_with_or_without_accents_and_units_converted():
    text = "nguon_von;so_tien;don_vi_tinh\nTrung ương;12.500;triệu đồng\ntin dung;40;tỷ đồng\nlocal;3000000000;đồng\n"
    table, _, findings = run(text)
    assert [(row.source, row.amount) for row in table.rows] == [("central", 12.5), ("credit", 40.0), ("local", 3.0)]
    assert flat(findings) == [("AC05", 2, "so_tien")]  # '12.500' could be 12.5: no other amount proves the mark


def test_rows_that_cannot_be_counted_are_reported_with_their_line():
    text = (
        "source;district;amount;unit\n"
        "credt;;10;\n"  # 2: unknown source, nearest is credit
        ";;5;\n"  # 3: no source
        "credit;;;\n"  # 4: no amount
        "credit;;mười;\n"  # 5: not a number
        "credit;;-5;\n"  # 6: negative
        "credit;;5;USD\n"  # 7: unit not understood
        "credit;;5;;extra\n"  # 8: a cell too many
        "credit;;7,5;\n"  # 9: fine
    )
    table, execution, findings = run(text)
    assert flat(findings) == [
        ("AC01", 2, "source"),
        ("AC01", 3, "source"),
        ("AC02", 4, "amount"),
        ("AC02", 5, "amount"),
        ("AC02", 6, "amount"),
        ("AC03", 7, "unit"),
        ("AC04", 8, ""),
    ]
    unknown = next(f for f in findings if f.code == "AC01")
    assert (unknown.expected, unknown.actual) == ("credit", "credt")
    assert "did you mean credit?" in unknown.message
    assert [row.line for row in table.counted()] == [9]
    assert execution.rows_counted == 1 and execution.actual == 7.5


def test_an_unknown_source_with_no_near_key_is_one_sentence_and_a_full_stop():
    _, _, findings = run("source;district;amount;unit\n2019-02-30;;10;\n")
    [unknown] = [f for f in findings if f.code == "AC01"]
    assert unknown.message == "row 2: '2019-02-30' is not a source of the plan. The row is not counted."


def test_a_decimal_comma_in_a_comma_separated_file_must_be_quoted():
    table, _, findings = run("source,amount\ncentral,12,5\ncredit,\"7,5\"\n")
    [malformed] = [f for f in findings if f.code == "AC04"]
    assert (malformed.location.line, malformed.expected, malformed.actual) == (2, "2 cells", "3 cells")
    assert 'must be quoted ("652,8")' in malformed.message
    assert [row.source for row in table.counted()] == ["credit"]


def test_missing_trailing_cells_are_empty_but_a_missing_amount_cell_is_malformed():
    table, _, findings = run("source;amount;note\ncredit;40\ncentral\n")
    assert [row.source for row in table.counted()] == ["credit"]
    assert flat(findings) == [("AC04", 3, "")]


@pytest.mark.parametrize(
    "text, read_as, flagged",
    [
        ("source,amount\ncredit,1.800\n", 1800.0, [("AC05", 2, "amount")]),  # nothing proves the mark
        ("source;amount\ncredit;1,800\n", 1.8, [("AC05", 2, "amount")]),  # ';' suggests the decimal comma
        ("source;amount\ncentral;2,5\ncredit;1.800\n", 1800.0, []),  # '2,5' proves the comma
        ("source,amount\ncentral,2.5\ncredit,\"1,800\"\n", 1800.0, []),  # '2.5' proves the point
    ],
)
def test_ambiguous_numbers_follow_the_file_and_are_flagged_only_without_proof(text, read_as, flagged):
    table, _, findings = run(text)
    assert [row.amount for row in table.rows if row.source == "credit"] == [read_as]
    assert flat(findings) == flagged


def test_a_file_mixing_decimal_marks_is_flagged_once():
    _, _, findings = run('source,amount\ncentral,"2,5"\nlocal,1.5\ncredit,"1,800"\n')
    assert flat(findings) == [("AC05", 3, "amount"), ("AC05", 4, "amount")]
    assert "mixes decimal marks" in findings[0].message


def test_identical_rows_are_both_counted_and_the_second_is_flagged():
    table, execution, findings = run("source;district;amount\ncredit;Chi Lăng;5\ncredit;chi lăng;5\ncredit;Chi Lăng;6\n")
    assert flat(findings) == [("AC06", 3, "amount")]
    assert execution.actual == 16.0


def test_a_source_reported_with_its_sub_sources_is_a_subtotal_not_added_again():
    text = "source;amount\ndirect;30\ncentral;20\nlocal;9,5\n"
    _, execution, findings = run(text)
    [subtotal] = [f for f in findings if f.code == "AC07"]
    assert (subtotal.location.line, subtotal.expected, subtotal.actual) == (2, 29.5, 30.0)
    assert "the subtotal differs from their sum" in subtotal.message
    direct = execution.sources[0]
    assert (direct.actual, direct.subtotal, direct.lines) == (29.5, 30.0, [3, 4])
    assert execution.actual == 29.5


def test_a_source_reported_as_a_whole_needs_no_split():
    _, execution, findings = run("source;amount\ndirect;30\ncredit;20\n")
    direct = execution.sources[0]
    assert (direct.actual, direct.status, [c.status for c in direct.children]) == (30.0, "reported",
                                                                                   ["in-parent", "in-parent"])
    assert [f for f in findings if f.code == "AC08"] == []


def test_unreported_sources_are_information_and_count_as_zero():
    _, execution, findings = run("source;amount\ncentral;20\n")
    assert [(f.code, f.severity.value, f.message.split(" ")[0]) for f in findings] == [
        ("AC08", "info", "local"), ("AC08", "info", "credit")
    ]
    assert (execution.actual, execution.rate) == (20.0, 20.0)


def test_a_quoted_cell_over_two_lines_keeps_the_line_numbers_of_later_rows():
    table, _, findings = run('source;amount;note\ncredit;5;"two\nlines"\ncredt;6;\n')
    assert [row.line for row in table.rows] == [2, 4]
    assert flat(findings) == [("AC01", 4, "source")]


@pytest.mark.parametrize(
    "text, problem",
    [
        ("", "the file has no header row"),
        ("# only a comment\n\n", "the file has no header row"),
        ("source;amount\n", "the file has a header but no data rows"),
        ("source;district\ncredit;x\n", "the header lacks the column(s) amount"),
        ("nguồn;amount;Số tiền\ncredit;1;2\n", "two columns mean 'amount': 'amount' and 'Số tiền'"),
    ],
)
def test_files_that_cannot_be_used_at_all(text, problem):
    with pytest.raises(InputError) as caught:
        parse_actuals("a.csv", text, PLAN)
    assert caught.value.problem == problem


def test_the_missing_column_message_lists_the_accepted_headers():
    with pytest.raises(InputError) as caught:
        parse_actuals("a.csv", "source;value\ncredit;1\n", PLAN)
    assert "amount, actual, so_tien" in caught.value.expected
    assert caught.value.found == "'source', 'value'"
    assert caught.value.line == 1


def test_files_on_disk_missing_or_not_utf8(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        read_actuals(str(tmp_path / "none.csv"), PLAN)
    legacy = tmp_path / "legacy.csv"
    legacy.write_bytes("source;amount\nVốn tín;40\n".encode("latin-1", errors="replace"))  # a legacy code page
    with pytest.raises(InputError) as caught:
        read_actuals(str(legacy), PLAN)
    assert (caught.value.problem, caught.value.line) == ("the file is not valid UTF-8 text", 2)
    good = tmp_path / "good.csv"
    good.write_bytes("\ufeffsource;amount\r\ncredit;40\r\n".encode("utf-8"))
    assert [row.amount for row in read_actuals(str(good), PLAN).rows] == [40.0]
