"""The bundled plan against its source: Kế hoạch số 46/KH-UBND of Lạng Sơn, 22/02/2019.

Every expected value below is copied from the source text (the quote above each table says
where), so these tests are the specification of ``plans/2019.yaml``: a figure that drifts,
a task that goes missing or a share written with another precision makes one of them fail.
Shares are kept as the source states them, including the two that disagree with their own
counts (criterion 8's "90/207 xã, chiếm tỷ lệ 43,4%" and criterion 15's "133/207 ... 64,2%").
Every target says how it is meant, from the source's words ("đạt", "trở lên", "ít nhất": at
least; "khoảng": about; a figure stated plainly: exactly).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from ntmplan.figures import decimals, places_of
from ntmplan.loading.plan_loader import LoadedPlan, load_plan
from ntmplan.model.plan import Plan

PLAN_FILE = Path(__file__).resolve().parents[1] / "plans" / "2019.yaml"


@pytest.fixture(scope="module")
def loaded() -> LoadedPlan:
    return load_plan(str(PLAN_FILE))


@pytest.fixture(scope="module")
def plan(loaded: LoadedPlan) -> Plan:
    return loaded.plan


def assert_written_as(loaded: LoadedPlan, path: str, share: float) -> None:
    """The share is written in the YAML with the source's precision ('29.5', not '29.50')."""
    value = loaded.document.data
    for key in re.findall(r"[^.\[\]]+", path):
        value = value[int(key)] if key.isdigit() else value[key]
    assert (value, places_of(value)) == (share, decimals(str(share))), path


# --- metadata and legal documents ------------------------------------------------------------


def test_metadata(plan: Plan) -> None:
    # "Số: 46 /KH-UBND"; "Lạng Sơn, ngày 22 tháng 02 năm 2019"; "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Phạm Ngọc Thương"
    meta = plan.metadata
    assert meta.number == "46/KH-UBND"
    assert meta.date == dt.date(2019, 2, 22)
    assert meta.year == 2019
    assert meta.place == "Lạng Sơn"
    assert meta.issuer == "UBND-TINH"
    assert meta.signer.name == "Phạm Ngọc Thương"
    assert (meta.signer.title.vi, meta.signer.title.en) == ("Chủ tịch", "Chairman")
    assert meta.signer.on_behalf_of == "UBND-TINH"
    assert meta.title.vi == "Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới tỉnh Lạng Sơn năm 2019"
    assert (meta.province.name, meta.province.gso_code, meta.province.communes) == ("Lạng Sơn", "20", 207)


# (key, kind, number, date, year, basis): the preamble's four "Căn cứ", then the documents cited in the body,
# then those the body cites by name only (no number, date or issuer stated).
LEGAL_DOCUMENTS = [
    ("qd-1600-ttg-2016", "decision", "1600/QĐ-TTg", dt.date(2016, 8, 16), None, True),
    ("qd-1252-ubnd-2013", "decision", "1252/QĐ-UBND", dt.date(2013, 9, 4), None, True),
    ("kh-41-ubnd-2017", "plan", "41/KH-UBND", dt.date(2017, 2, 27), None, True),
    # "Nghị quyết số 12/NQ-HĐND ngày 10/12/2019": after the plan's own date, but encoded as stated
    ("nq-12-hdnd-2019", "resolution", "12/NQ-HĐND", dt.date(2019, 12, 10), None, True),
    ("qd-4072-bnn-vpdp-2016", "decision", "4072/QĐ-BNN-VPĐP", dt.date(2016, 10, 5), None, False),
    ("nq-16-tw-2017", "resolution", "16-NQ/TW", dt.date(2017, 10, 10), None, False),
    ("qd-933-ubnd-2018", "decision", "933/QĐ-UBND", dt.date(2018, 5, 22), None, False),
    ("qd-1385-ttg-2018", "decision", "1385/QĐ-TTg", dt.date(2018, 10, 21), None, False),
    ("luat-htx-2012", "law", None, None, 2012, False),  # "theo Luật Hợp tác xã năm 2012"
    # "theo Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2016 - 2020" (criterion 1)
    ("bo-tieu-chi-quoc-gia-2016-2020", "criteria-set", None, None, None, False),
    # "Đề án Đầu tư xây dựng cơ sở vật chất đạt chuẩn Quốc gia cho trường học ... giai đoạn 2017-2020" (criterion 5)
    ("de-an-truong-chuan-2017-2020", "scheme", None, None, None, False),
    # "Kế hoạch thực hiện đề án xây dựng và phát triển mạng lưới y tế cơ sở trong tình hình mới" (criterion 15)
    ("ke-hoach-y-te-co-so", "plan", None, None, None, False),
    # "Chương trình tái cơ cấu ngành nông nghiệp gắn với xây dựng nông thôn mới ... giai đoạn 2016-2020" (II.5)
    ("chuong-trinh-tai-co-cau-nong-nghiep-2016-2020", "programme", None, None, None, False),
    # "Chương trình mỗi xã một sản phẩm giai đoạn 2018-2020 (Chương trình OCOP)" (II.5)
    ("chuong-trinh-ocop-2018-2020", "programme", None, None, None, False),
    # "Đề án thí điểm hoàn thiện và nhân rộng mô hình bảo vệ môi trường ..., giai đoạn 2017-2020" (II.7)
    ("de-an-moi-truong-thi-diem-2017-2020", "scheme", None, None, None, False),
    # II.2: the emulation movement and its two campaigns, the third being "Xây dựng gia đình 5 không 3 sạch"
    ("phong-trao-lang-son-chung-suc-2016-2020", "movement", None, None, None, False),
    ("van-dong-toan-dan-doan-ket", "campaign", None, None, None, False),
    ("van-dong-5-khong-3-sach", "campaign", None, None, None, False),
    # II.7: "phong trào “Xây dựng môi trường nông thôn xanh, sạch, đẹp”, cuộc vận động “Xây dựng gia đình 5 không 3 sạch
    # 3 an toàn”"
    ("phong-trao-moi-truong-xanh-sach-dep", "movement", None, None, None, False),
    ("van-dong-5-khong-3-sach-3-an-toan", "campaign", None, None, None, False),
    # criterion 19: "phong trào “Toàn dân bảo vệ an ninh tổ quốc”"
    ("phong-trao-toan-dan-bao-ve-an-ninh", "movement", None, None, None, False),
]


def test_legal_documents_in_order(plan: Plan) -> None:
    assert [doc.key for doc in plan.legal_documents] == [row[0] for row in LEGAL_DOCUMENTS]


@pytest.mark.parametrize(("key", "kind", "number", "date", "year", "basis"), LEGAL_DOCUMENTS)
def test_legal_document(plan: Plan, key, kind, number, date, year, basis) -> None:
    doc = next(doc for doc in plan.legal_documents if doc.key == key)
    assert (doc.kind.value, doc.number, doc.date, doc.year, doc.basis) == (kind, number, date, year, basis)


def test_an_issuer_is_given_only_where_the_source_names_one(plan: Plan) -> None:
    # "Luật Hợp tác xã năm 2012" and the documents cited by name only: the source names no issuer
    unnamed = [doc.key for doc in plan.legal_documents if doc.issuer is None]
    assert unnamed == [row[0] for row in LEGAL_DOCUMENTS[8:]]


def test_every_document_is_cited_by_the_criteria_and_measures_that_name_it(plan: Plan) -> None:
    cited = {key for block in [*plan.criteria, *plan.measures] for key in block.references}
    cited |= {scheme.basis for scheme in plan.headline.support_schemes}
    body = {doc.key for doc in plan.legal_documents if not doc.basis}
    assert body - cited == set()


# --- headline (I.1) ----------------------------------------------------------------------------


def test_standard_communes(plan: Plan) -> None:
    # "phấn đấu xây dựng 12 xã đạt chuẩn nông thôn mới, nâng tổng số ... lên 60 xã" (no share stated there)
    target = plan.headline.standard_communes
    assert (target.added, target.total, target.stated_share) == (12, 60, None)


def test_average_criteria(plan: Plan) -> None:
    # "bình quân 01 xã trên địa bàn tỉnh đạt từ 11 – 11,5 tiêu chí"
    target = plan.headline.average_criteria
    assert (target.min, target.max, target.comparison.value) == (11, 11.5, "at-least")


# (min criteria, max criteria, count, stated share): "Số xã đạt 19 tiêu chí có 60/207 xã, chiếm 28,99%" ...
BANDS = [
    (19, 19, 60, 28.99),
    (15, 18, 2, 0.97),
    (10, 14, 35, 16.91),
    (5, 9, 110, 53.14),
]


def test_bands(plan: Plan) -> None:
    actual = [(b.criteria.min, b.criteria.max, b.count, b.stated_share) for b in plan.headline.bands]
    assert actual == BANDS


@pytest.mark.parametrize(("index", "share"), [(i, band[3]) for i, band in enumerate(BANDS)])
def test_band_share_precision(loaded: LoadedPlan, index: int, share: float) -> None:
    assert_written_as(loaded, f"headline.bands[{index}].stated_share", share)


# (key, members, communes, measure, aggregate, target min, target max, comparison, by year)
GROUPS = [
    # "Đối với 05 xã điểm đặc biệt khó khăn phấn đấu đạt bình quân 14 tiêu chí/xã"
    ("special-difficulty-pilot-communes", "special-difficulty-pilot", 5, "criteria-met", "average", 14, 14, "at-least",
     2019),
    # "20 xã biên giới phấn đấu đạt bình quân 9,5-10 tiêu chí/xã"
    ("border-communes", "border", 20, "criteria-met", "average", 9.5, 10, "at-least", 2019),
    # "các xã điểm đặc biệt khó khăn (do huyện lựa chọn) ... đến hết năm 2020 đạt từ 10 tiêu chí trở lên": the
    # districts' own pilot communes, how many is not stated, and an open range
    ("district-special-difficulty-pilot-communes", "district-pilot", None, "criteria-met", "each", 10, None,
     "at-least", 2020),
    # "bình quân tiêu chí 01 xã đã đạt chuẩn đạt từ 5 - 5,5 tiêu chí (theo Bộ tiêu chí nâng cao)"
    ("standard-communes-advanced-criteria", "standard", None, "advanced-criteria-met", "average", 5, 5.5, "at-least",
     2019),
    # "mỗi xã đạt chuẩn nông thôn mới ... ít nhất từ 1-2 "khu dân cư kiểu mẫu""
    ("standard-communes-model-residential-areas", "standard", None, "model-residential-areas", "each", 1, 2,
     "at-least", 2019),
]


def test_groups(plan: Plan) -> None:
    actual = [
        (
            g.key,
            g.members.value,
            g.communes,
            g.measure.value,
            g.aggregate,
            g.target.min,
            g.target.max,
            g.target.comparison.value,
            g.by_year,
        )
        for g in plan.headline.groups
    ]
    assert actual == GROUPS


def test_advanced_pilot_communes(plan: Plan) -> None:
    # II.6: "02 xã điểm (xã Hoàng Đồng - thành phố Lạng Sơn và xã Chi Lăng - huyện Chi Lăng)"; the Xã Chi Lăng of
    # Tràng Định (06034) is another commune
    actual = [(c.code, c.name, c.district) for c in plan.headline.advanced_pilot_communes]
    assert actual == [("05986", "Hoàng Đồng", "Thành phố Lạng Sơn"), ("06523", "Chi Lăng", "Huyện Chi Lăng")]


def test_support_schemes(plan: Plan) -> None:
    # II.6: "đề án hỗ trợ các thôn ... theo Quyết định 1385/QĐ-TTg"; appendix IX.3: "18 xã đặc biệt khó khăn"
    actual = [(s.key, s.basis, s.communes) for s in plan.headline.support_schemes]
    assert actual == [("villages-of-special-difficulty-communes", "qd-1385-ttg-2018", 18)]


# --- criteria (I.2) ----------------------------------------------------------------------------

# (number, name, added, total, stated share) as each "Tiêu chí số N" paragraph states them
CRITERIA = [
    (1, "Quy hoạch", None, None, None),  # no count at all
    (2, "Giao thông", 12, 61, 29.5),
    (3, "Thủy lợi", 9, 160, 77.3),
    (4, "Điện", 11, 125, 60.4),
    (5, "Trường học", 14, 64, 30.9),
    (6, "Cơ sở vật chất văn hóa", 14, 66, 31.9),  # "hoàn thành 14 xã"
    (7, "Cơ sở hạ tầng thương mại nông thôn", 11, 175, 84.5),
    (8, "Thông tin và Truyền thông", None, 68, 32.9),  # no count added stated
    (9, "Nhà ở dân cư", 22, 128, 61.8),
    (10, "thu nhập", 12, 70, 33.8),
    (11, "Hộ nghèo", 13, 77, 37.2),
    (12, "Tỷ lệ lao động có việc làm thường xuyên", None, 207, None),  # "Duy trì tốt 207/207 xã"
    (13, "Hình thức tổ chức sản xuất", 9, 99, 47.8),  # "hoàn thành 9 xã"
    (14, "Giáo dục và Đào tạo", 6, 193, 93.2),
    (15, "Y tế", 26, 133, 64.2),  # 133/207 is 64.25%, kept as stated
    (16, "Văn hóa", 13, 103, 49.8),
    (17, "Môi trường và an toàn thực phẩm", 14, 65, 31.4),
    (18, "Hệ thống chính trị và tiếp cận pháp luật", 16, 71, 34.3),
    (19, "Quốc phòng và An ninh", 8, 194, 93.7),
]


def test_all_nineteen_criteria_in_order(plan: Plan) -> None:
    assert [c.number for c in plan.criteria] == list(range(1, 20))


@pytest.mark.parametrize(("number", "name", "added", "total", "share"), CRITERIA)
def test_criterion(plan: Plan, number, name, added, total, share) -> None:
    criterion = plan.criteria[number - 1]
    assert criterion.number == number
    assert criterion.name.vi == name
    assert (criterion.communes.added, criterion.communes.total, criterion.communes.stated_share) == (
        added,
        total,
        share,
    )


@pytest.mark.parametrize(("number", "share"), [(row[0], row[4]) for row in CRITERIA if row[4] is not None])
def test_criterion_share_precision(loaded: LoadedPlan, number: int, share: float) -> None:
    assert_written_as(loaded, f"criteria[{number - 1}].communes.stated_share", share)


# (criterion, key, value, unit, comparison, of, stated share): every quantity the paragraphs state
SUB_TARGETS = [
    (2, "rural-roads-built", 350, "km", "exactly", None, None),  # "xây dựng được 350km đường GTNT"
    (2, "roads-to-commune-centres-hardened", 79, "percent", "at-least", None, None),  # "lên đạt 79%"
    # "kiên cố khoảng 60km kênh mương, 50 công trình thủy lợi các loại": "khoảng" governs both figures of the clause
    (3, "canals-solidified", 60, "km", "about", None, None),
    (3, "irrigation-works", 50, "works", "about", None, None),
    (3, "actively-irrigated-area", 33500, "ha", "at-least", None, None),  # "đạt 33.500 ha"
    (5, "schools-newly-recognised", 15, "schools", "exactly", None, None),  # "công nhận mới 15 trường"
    (8, "radio-systems-invested", 27, "communes", "exactly", None, None),  # "tại 27 xã trong năm 2019"
    (8, "criterion-completed-target-communes", 12, "communes", "exactly", None, None),  # "tại 12 xã phần đầu"
    (8, "communes-with-radio-system", 90, "communes", "exactly", 207, 43.4),  # "lên 90/207 xã, chiếm tỷ lệ 43,4%"
    # "thu nhập bình quân khu vực nông thôn đạt 25 triệu đồng/người": a yearly income, and a floor
    (10, "rural-average-income", 25, "million-vnd-per-person-per-year", "at-least", None, None),
    # a fall of a rate is in percentage points: "giảm tỷ lệ hộ nghèo từ 3% trở lên (riêng ... giảm 4%)"
    (11, "poverty-rate-reduction", 3, "percentage-points", "at-least", None, None),
    (11, "poverty-rate-reduction-poor-areas", 4, "percentage-points", "exactly", None, None),
    (12, "rural-workers-given-jobs", 1000, "people", "about", None, None),  # "khoảng 1.000 lao động"
    (12, "rural-workers-vocational-training", 5000, "people", "exactly", None, None),  # "; dạy nghề cho 5.000 người"
    (14, "trained-rural-workers", 47.5, "percent", "exactly", None, None),  # "nâng ... lên 47,5%"
    (18, "commune-officials-trained", 2079, "attendances", "exactly", None, None),  # "2.079 lượt cán bộ": attendances
]


@pytest.mark.parametrize("number", range(1, 20))
def test_criterion_has_exactly_the_stated_sub_targets(plan: Plan, number: int) -> None:
    expected = [row[1] for row in SUB_TARGETS if row[0] == number]
    assert [sub.key for sub in plan.criteria[number - 1].sub_targets] == expected


@pytest.mark.parametrize(("number", "key", "value", "unit", "comparison", "of", "share"), SUB_TARGETS)
def test_sub_target(plan: Plan, number, key, value, unit, comparison, of, share) -> None:
    sub = next(sub for sub in plan.criteria[number - 1].sub_targets if sub.key == key)
    assert (sub.value, sub.unit.value, sub.comparison.value, sub.of, sub.stated_share) == (
        value,
        unit,
        comparison,
        of,
        share,
    )


def test_sub_target_share_precision(loaded: LoadedPlan) -> None:
    assert_written_as(loaded, "criteria[7].sub_targets[2].stated_share", 43.4)


def test_every_target_states_its_comparison_in_the_file(loaded: LoadedPlan) -> None:
    # no silent default: the key is written for every sub-target, group and the average
    data = loaded.document.data
    subs = [sub for criterion in data["criteria"] for sub in criterion.get("sub_targets", [])]
    ranges = [data["headline"]["average_criteria"], *(group["target"] for group in data["headline"]["groups"])]
    assert all("comparison" in item for item in subs + ranges)


# (number, documents its paragraph cites)
CRITERION_REFERENCES = {
    1: ["bo-tieu-chi-quoc-gia-2016-2020"],  # "theo Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2016 - 2020"
    5: ["de-an-truong-chuan-2017-2020"],  # "Thực hiện có hiệu quả Đề án Đầu tư xây dựng cơ sở vật chất đạt chuẩn ..."
    10: ["chuong-trinh-tai-co-cau-nong-nghiep-2016-2020"],  # "gắn với thực hiện Chương trình tái cơ cấu ngành nông nghiệp"
    13: ["luat-htx-2012"],  # "theo Luật Hợp tác xã năm 2012"
    15: ["ke-hoach-y-te-co-so", "bo-tieu-chi-quoc-gia-2016-2020"],  # "Kế hoạch ...", "Bộ Tiêu chí quốc gia ..."
    16: ["van-dong-toan-dan-doan-ket"],  # "cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”"
    19: ["phong-trao-toan-dan-bao-ve-an-ninh"],  # "phong trào “Toàn dân bảo vệ an ninh tổ quốc”"
}


@pytest.mark.parametrize("number", range(1, 20))
def test_criterion_references(plan: Plan, number: int) -> None:
    assert plan.criteria[number - 1].references == CRITERION_REFERENCES.get(number, [])


# --- measures (II) -----------------------------------------------------------------------------

# (area, title, {figure key: value or (min, max)}, references)
MEASURES = [
    (1, "Công tác chỉ đạo điều hành", {"all-communes": 207}, ["nq-16-tw-2017"]),
    (
        2,
        "Công tác tuyên truyền",
        {},
        ["phong-trao-lang-son-chung-suc-2016-2020", "van-dong-toan-dan-doan-ket", "van-dong-5-khong-3-sach"],
    ),
    (
        3,
        "Công tác đào tạo, tập huấn",
        {},
        ["qd-4072-bnn-vpdp-2016", "bo-tieu-chi-quoc-gia-2016-2020", "qd-933-ubnd-2018"],
    ),
    (
        4,
        "Công tác xây dựng kết cấu hạ tầng nông thôn",
        {"target-communes-2019": 12, "border-communes": 20},
        ["nq-16-tw-2017"],
    ),
    (
        5,
        "Phát triển sản xuất và đổi mới các hình thức tổ chức sản xuất",
        {},
        ["chuong-trinh-tai-co-cau-nong-nghiep-2016-2020", "chuong-trinh-ocop-2018-2020"],
    ),
    (
        6,
        "Chỉ đạo xây dựng Bộ tiêu chí xã nông thôn mới nâng cao, mô hình Khu dân cư kiểu mẫu và thực hiện Đề án hỗ "
        "trợ thôn bản đạt chuẩn nông thôn mới.",
        {"advanced-pilot-communes": 2, "model-area-villages-per-commune": (1, 2)},
        ["qd-933-ubnd-2018", "qd-1385-ttg-2018"],
    ),
    (
        7,
        "Văn hóa, môi trường và an toàn thực phẩm",
        {},
        ["van-dong-toan-dan-doan-ket", "phong-trao-moi-truong-xanh-sach-dep", "van-dong-5-khong-3-sach-3-an-toan",
         "de-an-moi-truong-thi-diem-2017-2020"],
    ),
    (
        8,
        "Giáo dục, Y tế, thông tin truyền thông",
        {
            "child-malnutrition-age-limit": 5,
            "border-communes-health-stations": 20,
            "radio-upgrades-standard-communes-2014-2016": 24,
            "radio-upgrades-target-communes-2019": 12,
        },
        ["de-an-truong-chuan-2017-2020", "nq-16-tw-2017", "bo-tieu-chi-quoc-gia-2016-2020"],
    ),
    (9, "Xây dựng hệ thống chính trị, bảo đảm quốc phòng - an ninh", {}, []),
]


def test_nine_measure_areas(plan: Plan) -> None:
    assert [m.number for m in plan.measures] == list(range(1, 10))


@pytest.mark.parametrize(("number", "title", "figures", "references"), MEASURES)
def test_measure_area(plan: Plan, number, title, figures, references) -> None:
    area = plan.measures[number - 1]
    assert area.title.vi == title
    actual = {f.key: f.value if f.range is None else (f.range.min, f.range.max) for f in area.figures}
    assert actual == figures
    assert area.references == references


def test_the_age_of_children_is_in_years_of_age(plan: Plan) -> None:
    # II.8: "chống suy dinh dưỡng cho trẻ em dưới 5 tuổi"
    figure = next(f for f in plan.measures[7].figures if f.key == "child-malnutrition-age-limit")
    assert (figure.value, figure.unit.value) == (5, "years-of-age")


# --- commitments without a figure ----------------------------------------------------------------

# (key, part of the source, who (codes), communes concerned, year)
COMMITMENTS = [
    # I.1: "Ban chỉ đạo ... các huyện tiếp tục chỉ đạo các xã điểm đặc biệt khó khăn (do huyện lựa chọn) xây dựng kế
    # hoạch": this year's deliverable is the plan of each such commune
    ("district-pilot-communes-plans", "I.1", ["BCD-HUYEN"], "district-pilot", 2019),
    # II.6: "Năm 2019, ...; UBND tỉnh ban hành Bộ tiêu chí thôn đạt chuẩn nông thôn mới"
    ("village-criteria-set", "II.6", ["UBND-TINH"], None, 2019),
    # IV, closing paragraph: "các sở, ban, ngành, các cơ quan liên quan, UBND các huyện, thành phố chủ động xây dựng kế
    # hoạch cụ thể": no date stated
    ("detailed-plans", "IV", ["SO-NGANH", "CQ-LIEN-QUAN", "UBND-HUYEN"], None, None),
]


def test_commitments(plan: Plan) -> None:
    actual = [
        (c.key, c.source, c.who.agencies, c.communes.value if c.communes else None, c.year) for c in plan.commitments
    ]
    assert actual == COMMITMENTS
    assert plan.commitments[1].what.vi.startswith("ban hành Bộ tiêu chí thôn đạt chuẩn nông thôn mới")
    assert plan.commitments[2].who.text == "các sở, ban, ngành, các cơ quan liên quan, UBND các huyện, thành phố"


# --- budget (III) ------------------------------------------------------------------------------

# (key, amount in billion VND, stated share of the total): "Tổng nhu cầu ... là 3.002,8 tỷ đồng"
BUDGET_SOURCES = [
    ("direct-investment", 652.8, 21.7),
    ("integrated-programmes", 365, 12.2),
    ("enterprises-cooperatives", 45, 1.5),
    ("credit", 1800, 59.9),
    ("community-contributions", 135, 4.5),
    ("other-mobilisation", 5, 0.2),
]
DIRECT_INVESTMENT_CHILDREN = [
    ("central-budget", 495.1, 16.5),  # "Vốn ngân sách Trung ương: 495,1 tỷ đồng chiếm 16,5%"
    ("local-budget", 157.7, 5.3),  # "Vốn ngân sách địa phương: 157,7 tỷ đồng, chiếm 5,3%"
]


def test_budget_total(plan: Plan) -> None:
    assert plan.budget.unit.value == "billion-vnd"
    assert plan.budget.total == 3002.8


def test_budget_sources(plan: Plan) -> None:
    assert [(s.key, s.amount, s.stated_share) for s in plan.budget.sources] == BUDGET_SOURCES
    children = plan.budget.sources[0].children
    assert [(s.key, s.amount, s.stated_share) for s in children] == DIRECT_INVESTMENT_CHILDREN
    assert all(not s.children for s in plan.budget.sources[1:])


@pytest.mark.parametrize(
    ("path", "share"),
    [(f"budget.sources[{i}].stated_share", row[2]) for i, row in enumerate(BUDGET_SOURCES)]
    + [(f"budget.sources[0].children[{i}].stated_share", row[2]) for i, row in enumerate(DIRECT_INVESTMENT_CHILDREN)],
)
def test_budget_share_precision(loaded: LoadedPlan, path: str, share: float) -> None:
    assert_written_as(loaded, path, share)


# --- agencies and responsibilities (IV) ----------------------------------------------------------


def test_agency_codes_unique(plan: Plan) -> None:
    codes = [a.code for a in plan.agencies]
    assert len(codes) == len(set(codes))


def test_every_agency_code_used_is_registered(plan: Plan) -> None:
    used = {plan.metadata.issuer, plan.metadata.signer.on_behalf_of}
    used |= {code for item in plan.responsibilities for code in item.agencies}
    used |= {
        code
        for task in plan.tasks()
        for parties in (task.directing, task.executing, task.coordinating)
        for code in parties.agencies
    }
    assert used - plan.agency_codes() == set()


# (code, level) for a sample of the registry
AGENCY_LEVELS = [
    ("UBND-TINH", "province"),
    ("BCD-TINH", "province"),
    ("VPDP-TINH", "province"),
    ("VP-UBND-TINH", "province"),
    ("SO-NNPTNT", "province"),
    ("SO-NGV", "province"),
    ("BCHQS-TINH", "province"),
    ("CA-TINH", "province"),
    ("UBND-HUYEN", "district"),
    ("BCD-HUYEN", "district"),
    ("PHONG-CM-HUYEN", "district"),
    ("UBND-HUU-LUNG", "district"),
    ("BCD-XA", "commune"),
    ("BQL-XA", "commune"),
    ("UBND-XA", "commune"),
    ("XA-DBKK-18", "commune"),
    ("CAP-UY-CHINH-QUYEN", "multi-level"),
    ("DV-LIEN-QUAN", "other"),
]


@pytest.mark.parametrize(("code", "level"), AGENCY_LEVELS)
def test_agency_level(plan: Plan, code: str, level: str) -> None:
    assert next(a.level for a in plan.agencies if a.code == code) == level


DEPARTMENTS = ["SO-NNPTNT", "SO-KHDT", "SO-TC", "SO-NV", "SO-NGV", "SO-XD", "SO-VHTTDL", "SO-TNMT", "SO-LDTBXH", "SO-YT",
               "SO-GDDT", "SO-TTTT", "SO-TP"]

# The collective bodies and the bodies of the registry each stands for
COLLECTIVES = {
    "BCD-CAC-CAP": ["BCD-TINH", "BCD-HUYEN", "BCD-XA"],  # "BCĐ, BQL các cấp"
    "BQL-CAC-CAP": ["BQL-XA"],
    "CAC-CAP-CAC-NGANH": ["UBND-TINH", "SO-NGANH", "UBND-HUYEN", "PHONG-CM-HUYEN", "UBND-XA"],  # "Các cấp, các ngành"
    "SO-NGANH": [*DEPARTMENTS, "SO-NGANH-TIEU-CHI"],  # "Các Sở, ngành", "Sở, Ban, ngành"
    "CAP-UY-CHINH-QUYEN": ["UBND-TINH", "UBND-HUYEN", "UBND-XA"],  # "Cấp ủy, chính quyền các cấp"
    "DOAN-THE": ["DOAN-THE-TINH"],  # "các tổ chức đoàn thể"
    "UBND-HUYEN": ["UBND-HUU-LUNG", "UBND-CHI-LANG", "UBND-CAO-LOC", "UBND-TP-LANG-SON"],  # "UBND cấp huyện"
}


def test_collective_bodies_list_what_they_stand_for(plan: Plan) -> None:
    assert {a.code: a.stands_for for a in plan.agencies if a.stands_for} == COLLECTIVES


def test_a_body_named_only_inside_a_duty_is_not_registered(plan: Plan) -> None:
    # IV.8 "Ban Phát triển các thôn" is named in a duty's text; no task or duty is given to it as a body
    assert "BPT-THON" not in plan.agency_codes()


# (number, agencies, heading, number of bullets or paragraphs)
RESPONSIBILITIES = [
    (1, ["SO-NNPTNT"], "Sở Nông nghiệp và Phát triển nông thôn", 1),
    (2, ["VPDP-TINH"], "Văn phòng Điều phối Chương trình xây dựng nông thôn mới tỉnh", 2),
    (3, ["SO-KHDT"], "Sở Kế hoạch và Đầu tư", 2),
    (4, ["SO-TC"], "Sở Tài chính", 3),
    (5, ["SO-NGANH-TIEU-CHI"], "Các Sở, ban, ngành trực tiếp phụ trách các tiêu chí", 3),
    (
        6,
        ["CQ-THAM-GIA", "CQ-TRUYEN-THONG", "UBMTTQ-TINH", "DOAN-THE-TINH"],
        "Các cơ quan tham gia thực hiện Chương trình",
        3,
    ),
    (7, ["UBND-HUYEN"], "Ủy ban nhân dân các huyện, thành phố", 6),
    (8, ["UBND-XA"], "Ủy ban nhân dân cấp xã", 4),
]


def test_eight_responsibilities(plan: Plan) -> None:
    assert [r.number for r in plan.responsibilities] == list(range(1, 9))


@pytest.mark.parametrize(("number", "agencies", "heading", "duties"), RESPONSIBILITIES)
def test_responsibility(plan: Plan, number, agencies, heading, duties) -> None:
    item = plan.responsibilities[number - 1]
    assert (item.agencies, item.heading.vi, len(item.duties)) == (agencies, heading, duties)


def test_duties_joined_across_page_breaks(plan: Plan) -> None:
    # IV.2 "chủ động đề xuất xử lý, giải quyết" / "các khó khăn, ..."; IV.6 "... xã hội tỉnh và" / "các tổ chức ..."
    assert "đề xuất xử lý, giải quyết các khó khăn, vướng mắc" in plan.responsibilities[1].duties[1].vi
    assert "chính trị xã hội tỉnh và các tổ chức thành viên" in plan.responsibilities[5].duties[2].vi


# --- schedule (Phụ lục) ------------------------------------------------------------------------

# (section, title, number of tasks)
SECTIONS = [
    ("I", "Kiến toàn bộ máy", 1),
    ("II", "Công tác lập kế hoạch và phân bổ vốn", 3),
    ("III", "Rà soát thực trạng theo Bộ tiêu chí giai đoạn 2017-2020", 2),
    ("IV", "Công tác kiểm tra, đôn đốc thực hiện chương trình", 1),
    ("V", "Công tác tuyên truyền và đào tạo, tập huấn", 7),
    ("VI", "Công tác lập Quy hoạch, Đề án", 1),
    ("VII", "Đầu tư xây dựng cơ sở hạ tầng", 1),
    ("VIII", "Hỗ trợ phát triển sản xuất và đổi mới các hình thức tổ chức sản xuất", 4),
    ("IX", "Xây dựng xã nông thôn mới nâng cao và Khu dân cư kiểu mẫu", 3),
    ("X", "Văn hóa, xã hội, môi trường", 3),
    ("XI", "Xây dựng hệ thống chính trị- xã hội", 2),
    ("XII", "Họp BCD, hội nghị sơ kết, tổng kết", 2),
    ("XIII", "Chế độ thông tin, báo cáo", 1),  # its task is the source's last line, without a final newline
]


def test_sections(plan: Plan) -> None:
    actual = [(s.number, s.title.vi, len(s.tasks)) for s in plan.schedule.sections]
    assert actual == SECTIONS


def test_task_count(plan: Plan) -> None:
    assert len(plan.tasks()) == 31


BCD_HUYEN_XA = ["BCD-HUYEN", "BCD-XA"]
BCD_BQL_HUYEN_XA = ["BCD-HUYEN", "BCD-XA", "BQL-XA"]

# (id, directing, executing, coordinating, timing text, kind, months, quarters, year)
TASKS = [
    ("I.1", ["BCD-TINH"], ["BCD-CAC-CAP", "BQL-CAC-CAP"], ["DV-LIEN-QUAN"], "Thường xuyên", "ongoing", [], [], None),
    (
        "II.1",
        ["UBND-TINH", "BCD-TINH"],
        ["SO-KHDT", "SO-NNPTNT", "SO-TC", "VPDP-TINH"],
        BCD_HUYEN_XA,
        "Quý I",
        "quarters",
        [],
        [1],
        None,
    ),
    ("II.2", ["BCD-TINH"], ["TV-BCD-TINH", "VPDP-TINH"], BCD_HUYEN_XA, "Tháng 3, 7", "months", [3, 7], [], None),
    (
        "II.3",
        ["UBND-TINH", "BCD-TINH"],
        ["SO-KHDT", "SO-TC", "VPDP-TINH"],
        BCD_HUYEN_XA,
        "Tháng 7, 11",
        "months",
        [7, 11],
        [],
        None,
    ),
    (
        "III.1",
        ["BCD-TINH", "VPDP-TINH", "SO-NGANH-TIEU-CHI"],
        BCD_BQL_HUYEN_XA,
        ["PHONG-CM-HUYEN"],
        "Tháng 6 và tháng 12",
        "months",
        [6, 12],
        [],
        None,
    ),
    (
        "III.2",
        ["BCD-TINH", "VPDP-TINH", "SO-NGANH-TIEU-CHI"],
        BCD_BQL_HUYEN_XA,
        ["PHONG-CM-HUYEN"],
        "Tháng 6 và tháng 12",
        "months",
        [6, 12],
        [],
        None,
    ),
    (
        "IV.1",
        ["UBND-TINH", "BCD-TINH"],
        ["TV-BCD-TINH", "VPDP-TINH"],
        BCD_HUYEN_XA,
        "Thường xuyên",
        "ongoing",
        [],
        [],
        None,
    ),
    ("V.1", ["BCD-TINH"], ["SO-NV", "VPDP-TINH"], ["DV-LIEN-QUAN"], "Quý I", "quarters", [], [1], None),
    ("V.2", ["BCD-TINH"], ["VPDP-TINH"], ["SO-NGANH", "BCD-HUYEN"], "Quý I", "quarters", [], [1], None),
    (
        "V.3",
        ["BCD-TINH"],
        ["CAC-CAP-CAC-NGANH", "DOAN-THE"],
        ["CAP-UY-CHINH-QUYEN"],
        "Thường xuyên",
        "ongoing",
        [],
        [],
        None,
    ),
    ("V.4", ["BCD-TINH"], ["VPDP-TINH"], BCD_BQL_HUYEN_XA, "Tháng 3-7", "months", [3, 4, 5, 6, 7], [], None),
    ("V.5", ["BCD-TINH"], ["VPDP-TINH"], BCD_HUYEN_XA, "Tháng 5, 7, 8, 9", "months", [5, 7, 8, 9], [], None),
    (
        "V.6",
        ["BCD-TINH"],
        ["SO-NGV", "SO-NNPTNT", "VPDP-TINH"],
        ["SO-NGANH", "BCD-HUYEN"],
        "Căn cứ vào điều kiện thực tế",
        "on-condition",
        [],
        [],
        None,
    ),
    ("V.7", ["BCD-TINH"], ["CQ-LIEN-QUAN"], ["CQ-LIEN-QUAN"], "Thường xuyên", "ongoing", [], [], None),
    (
        "VI.1",
        ["BCD-TINH", "SO-XD", "VPDP-TINH"],
        BCD_BQL_HUYEN_XA,
        ["SO-NGANH"],
        "Thường xuyên",
        "ongoing",
        [],
        [],
        None,
    ),
    (
        "VII.1",
        ["UBND-TINH", "BCD-TINH"],
        ["TV-BCD-TINH", "VPDP-TINH"],
        BCD_HUYEN_XA,
        "Thường xuyên",
        "ongoing",
        [],
        [],
        None,
    ),
    (
        "VIII.1",
        ["UBND-TINH", "BCD-TINH"],
        ["UBND-HUYEN", "SO-NNPTNT", "VPDP-TINH"],
        ["SO-NGANH", "UBND-HUYEN", "BCD-HUYEN"],
        "Quý II, III",
        "quarters",
        [],
        [2, 3],
        None,
    ),
    (
        "VIII.2",
        ["SO-NNPTNT", "VPDP-TINH"],
        ["UBND-HUU-LUNG", "UBND-CHI-LANG"],
        ["SO-NGANH", "UBND-XA"],
        "Quý I",
        "quarters",
        [],
        [1],
        None,
    ),
    (
        "VIII.3",
        ["SO-NNPTNT", "VPDP-TINH"],
        ["UBND-CAO-LOC", "UBND-TP-LANG-SON"],
        ["SO-NGANH", "UBND-XA"],
        "Quý I",
        "quarters",
        [],
        [1],
        None,
    ),
    (
        "VIII.4",
        ["BCD-TINH", "SO-NNPTNT", "VPDP-TINH"],
        BCD_BQL_HUYEN_XA,
        ["PHONG-CM-HUYEN"],
        "Quý II, III, IV",
        "quarters",
        [],
        [2, 3, 4],
        None,
    ),
    (
        "IX.1",
        ["BCD-TINH", "VPDP-TINH"],
        ["BCD-HUYEN", "XA-DAT-CHUAN"],
        ["SO-NGANH", "DOAN-THE"],
        "Thường xuyên",
        "ongoing",
        [],
        [],
        None,
    ),
    (
        "IX.2",
        ["BCD-TINH", "VPDP-TINH"],
        ["BCD-HUYEN", "XA-DAT-CHUAN"],
        ["SO-NGANH", "DOAN-THE"],
        "Quý I, II, III",
        "quarters",
        [],
        [1, 2, 3],
        None,
    ),
    (
        "IX.3",
        ["BCD-TINH", "VPDP-TINH"],
        ["BCD-HUYEN", "XA-DBKK-18"],
        ["SO-NGANH", "DOAN-THE"],
        "Quý I, II",
        "quarters",
        [],
        [1, 2],
        None,
    ),
    (
        "X.1",
        ["BCD-TINH", "SO-VHTTDL", "SO-TNMT", "SO-NNPTNT"],
        BCD_BQL_HUYEN_XA,
        ["SO-NGANH"],
        "Thường xuyên",
        "ongoing",
        [],
        [],
        None,
    ),
    (
        "X.2",
        ["BCD-TINH", "SO-LDTBXH"],
        BCD_BQL_HUYEN_XA,
        ["PHONG-CM-HUYEN"],
        "Thường xuyên",
        "ongoing",
        [],
        [],
        None,
    ),
    (
        "X.3",
        ["BCD-TINH", "SO-YT", "SO-GDDT", "SO-TTTT"],
        BCD_BQL_HUYEN_XA,
        ["SO-NGANH"],
        "Thường xuyên",
        "ongoing",
        [],
        [],
        None,
    ),
    (
        "XI.1",
        ["BCD-TINH", "SO-NV", "SO-TP", "SO-LDTBXH"],
        BCD_BQL_HUYEN_XA,
        ["PHONG-CM-HUYEN"],
        "Thường xuyên",
        "ongoing",
        [],
        [],
        None,
    ),
    (
        "XI.2",
        ["BCD-TINH", "BCHQS-TINH", "CA-TINH"],
        BCD_BQL_HUYEN_XA,
        ["SO-NGANH", "DOAN-THE"],
        "Thường xuyên",
        "ongoing",
        [],
        [],
        None,
    ),
    (
        "XII.1",
        ["BCD-TINH"],
        ["VP-UBND-TINH", "VPDP-TINH"],
        ["TV-BCD-TINH", "DV-LIEN-QUAN"],
        "Hàng quý",
        "every-quarter",
        [],
        [],
        None,
    ),
    (
        "XII.2",
        ["BCD-TINH"],
        ["SO-NNPTNT", "VP-UBND-TINH", "VPDP-TINH"],
        ["CQ-LIEN-QUAN"],
        "Quý IV/2019",
        "quarters",
        [],
        [4],
        2019,
    ),
    (
        "XIII.1",
        ["BCD-TINH"],
        ["SO-NGANH", "VPDP-TINH", "BCD-HUYEN", "BCD-XA"],
        ["SO-NGANH", "VPDP-TINH", "BCD-HUYEN", "BCD-XA"],
        "Định kỳ và đột xuất",
        "periodic-and-ad-hoc",
        [],
        [],
        None,
    ),
]


def test_task_ids_in_order(plan: Plan) -> None:
    assert [task.id for task in plan.tasks()] == [row[0] for row in TASKS]


def test_task_ids_match_their_section_and_number(plan: Plan) -> None:
    for section in plan.schedule.sections:
        for task in section.tasks:
            assert task.id == f"{section.number}.{task.number}"


@pytest.mark.parametrize(
    ("task_id", "directing", "executing", "coordinating", "text", "kind", "months", "quarters", "year"), TASKS
)
def test_task(plan: Plan, task_id, directing, executing, coordinating, text, kind, months, quarters, year) -> None:
    task = next(task for task in plan.tasks() if task.id == task_id)
    assert task.directing.agencies == directing
    assert task.executing.agencies == executing
    assert task.coordinating.agencies == coordinating
    timing = task.timing
    assert (timing.text, timing.kind.value, timing.months, timing.quarters, timing.year) == (
        text,
        kind,
        months,
        quarters,
        year,
    )


# (id, column, the cell verbatim): typos of the source kept, the row split by a page break joined
VERBATIM_CELLS = [
    ("I.1", "content", "Kiến toàn, phân công các thành viên BCD, BQL xây dựng NTM các cấp"),
    ("II.1", "executing", "Sở KH&ĐT, NN&PTNT TC và VPĐP"),
    ("V.6", "executing", "Sở Ngoại Vụ, Sở NN&PTN; VPĐP tỉnh"),
    ("VIII.1", "directing", "UBND tỉnh, BCD tỉnh,"),
    ("VIII.2", "executing", "UBND 2 huyện: Hữu Lũng, Chi Lăng"),
    ("IX.3", "executing", "BCĐ cấp huyện, 18 xã đặc biệt khó khăn"),
    ("X.1", "directing", "BCĐ tỉnh, các Sở: VH - TT&DL, TN&MT, NN và PTNT"),
    ("X.1", "executing", "BCĐ, BQL xây dựng NTM cấp huyện, xã"),
    ("XII.1", "coordinating", "Thành viên BCĐ và các đơn vị liên quan"),
    ("XIII.1", "content", "Báo cáo kế hoạch, báo cáo tình hình triển khai, kết quả thực hiện Chương trình"),
    ("XIII.1", "executing", "Sở, Ban, ngành, VPĐP, BCĐ cấp huyện, xã"),
    ("XIII.1", "coordinating", "Sở, Ban, ngành, VPĐP, BCĐ cấp huyện, xã"),
]


@pytest.mark.parametrize(("task_id", "column", "text"), VERBATIM_CELLS)
def test_task_cell_verbatim(plan: Plan, task_id: str, column: str, text: str) -> None:
    task = next(task for task in plan.tasks() if task.id == task_id)
    cell = task.content.vi if column == "content" else getattr(task, column).text
    assert cell == text
