"""The HTML report: self-contained, and drawn by a real browser (headless Chromium)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile

import numpy
import pytest
from conftest import BASELINE, JUNE, report
from PIL import Image

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
]
CHART_BLUE, CHART_ORANGE, HEADER = (0x2B, 0x6C, 0xB0), (0xC0, 0x56, 0x21), (0x1F, 0x4E, 0x79)
MET_GREEN, BEHIND_RED = (0xC6, 0xEF, 0xCE), (0xFF, 0xC7, 0xCE)


MISSING_BROWSER = "headless Chromium is needed for this test: install the package 'chromium' (apt-get install chromium)"


def chromium() -> str:
    """The browser binary; without it the test is skipped on a developer's machine and fails in CI (CI=true)."""
    found = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        if os.environ.get("CI") == "true":
            pytest.fail(MISSING_BROWSER + "; .ci/run installs it")
        pytest.skip(MISSING_BROWSER)
    return found


def test_the_page_needs_nothing_from_the_network(html_report):
    page = html_report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="vi">' in page
    assert page.count("<svg") == 3 and "<script" not in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "@import" not in page and not re.search(r"url\((?!#)", page)  # only the SVG's own clip paths
    assert '<meta name="viewport"' in page and "@media print" in page


def test_the_page_shows_every_section_in_vietnamese(html_report):
    page = html_report.read_text(encoding="utf-8")
    for title in ("Tóm tắt", "Tiêu chí", "Xã phấn đấu đạt chuẩn", "Ưu tiên", "Kế hoạch vốn", "Tiến độ", "Phát hiện"):
        assert f">{title}</h2>" in page
    assert "3.002,8" in page and "30/06/2019" in page and '<td class="n">29,5</td>' in page
    assert page.count("<tr>") > 207  # the matrix has a row per commune


def _count(image: Image.Image, colour: tuple[int, int, int], tolerance: int = 6) -> int:
    return sum(count for count, pixel in image.getcolors(maxcolors=1 << 24)
               if all(abs(a - b) <= tolerance for a, b in zip(pixel[:3], colour)))


def screenshot(page, shot, width: int, height: int) -> Image.Image:
    """``page`` as headless Chromium draws it in a window of ``width`` × ``height`` pixels."""
    with tempfile.TemporaryDirectory() as profile:
        completed = subprocess.run(
            [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--screenshot={shot}",
             f"--window-size={width},{height}", page.as_uri()],
            capture_output=True, text=True, timeout=120,
        )
    assert completed.returncode == 0 and shot.exists(), completed.stderr[-2000:]
    return Image.open(shot).convert("RGB")


def test_chromium_renders_the_charts_and_the_tables(html_report, tmp_path):
    """One screenshot at a desktop width and one at a phone's: charts, coloured statuses, table headers."""
    shots = {name: screenshot(html_report, tmp_path / f"{name}.png", width, height)
             for name, width, height in (("desktop", 1200, 2400), ("phone", 390, 2400))}
    desktop = shots["desktop"]
    assert desktop.size == (1200, 2400)
    assert _count(desktop, CHART_BLUE) > 5000 and _count(desktop, CHART_ORANGE) > 5000  # the criteria chart's bars
    assert _count(desktop, HEADER) > 2000  # table headers
    assert _count(desktop, MET_GREEN) > 1000 and _count(desktop, BEHIND_RED) > 1000  # statuses coloured
    phone = shots["phone"]
    assert _count(phone, CHART_BLUE) > 1000  # the chart scales down to the phone's width
    # nothing overflows the phone's width: the right edge is page background, not cut-off content
    right = phone.crop((phone.width - 4, 0, phone.width, phone.height))
    assert _count(right, (255, 255, 255), 2) > 0.97 * right.width * right.height


def test_without_chromium_the_browser_test_skips_naming_the_package_and_fails_in_ci(monkeypatch):
    monkeypatch.delenv("CHROMIUM", raising=False)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="'chromium'"):
        chromium()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="'chromium'"):
        chromium()


def _section(page: str, anchor: str) -> str:
    return page[page.index(f'<section id="{anchor}">'):].split("</section>", 1)[0]


def test_the_page_says_when_from_which_files_and_for_which_office_it_was_made(english_html):
    page = english_html.read_text(encoding="utf-8")
    head = page[page.index("<h1>"):page.index("<nav>")]
    assert "Made for the Provincial NTM Program Coordination Office on 2019-07-01 at 08:30 with ntmplan" in head
    assert f"Plan plans/2019.yaml · data {JUNE} (207 communes)</p>" in head


def test_with_since_the_page_names_the_start_of_the_year_s_files_too(tmp_path):
    target = tmp_path / "since.html"
    assert report(JUNE, "--since", BASELINE, "--lang", "en", "--out", str(target)).exit_code == 0
    page = target.read_text(encoding="utf-8")
    head = page[page.index("<h1>"):page.index("<nav>")]
    assert f"Plan plans/2019.yaml · data {JUNE} (207 communes) · start of the year: {BASELINE}</p>" in head


def test_locations_in_the_files_are_folded_away_in_details(english_html):
    """A district reads the findings; where each is in the files (plans/2019.yaml:354:34) is one click away."""
    findings = _section(english_html.read_text(encoding="utf-8"), "findings")
    folded = re.findall(r'<details class="where"><summary>Where in the files</summary>([^<]*)</details>', findings)
    assert len(folded) == findings.count("<tr>") - 1 > 20  # one per finding
    assert "plans/2019.yaml:354:34 (criteria[1].communes.total)" in folded
    shown = re.sub(r"<details.*?</details>", "", findings)
    assert "2019.yaml" not in shown and "<th>Where</th>" not in shown


def test_the_page_prints_on_a4(english_html):
    page = english_html.read_text(encoding="utf-8")
    assert "@page { size: A4;" in page
    printing = page[page.index("@media print"):]
    assert "thead { display: table-header-group; }" in printing and "nav { display: none; }" in printing


def test_on_a_phone_charts_keep_their_drawn_width_so_their_labels_stay_readable(english_html):
    page = english_html.read_text(encoding="utf-8")
    phone = page[page.index("@media (max-width: 600px)"):page.index("@page")]
    assert "figure { overflow-x: auto; } figure svg { min-width: var(--chart-width); }" in phone
    figures = re.findall(r'<figure [^>]*style="--chart-width: (\d+)px"><svg [^>]*viewBox="0 0 ([\d.]+) ', page)
    assert len(figures) == 3 and all(int(width) == round(float(box)) for width, box in figures)
    assert "th.status, td.status { position: sticky; right: 0;" in phone


def test_the_schedule_has_a_heading_for_each_group_and_lists_each_task_once(english_html):
    schedule = _section(english_html.read_text(encoding="utf-8"), "schedule")
    assert re.findall(r"<h3>([^<]*)</h3>", schedule) == [
        "Due in June 2019 (8)", "Due next month, July 2019 (8)", "Ongoing and periodic (13)",
        "Past due (last month has passed) (5)", "No fixed time (1)"]
    tasks = re.findall(r"<tr><td>([IVX]+\.\d+)</td>", schedule)
    assert len(tasks) == len(set(tasks)) == 30 and "V.4" in tasks
    assert "Also in this group, listed above: V.4, VIII.1, VIII.4, IX.2, XII.1." in schedule


def test_at_a_phone_s_width_the_status_column_stays_in_sight(html_report, tmp_path):
    """At 360 px the criteria table is wider than the screen; its status column sticks to the right edge.

    The strip along the right edge of the content holds the red of the 9 criteria behind (rows of some 40 px each),
    not only the red card of the summary.
    """
    phone = screenshot(html_report, tmp_path / "phone.png", 360, 4000)
    strip = numpy.asarray(phone.crop((phone.width - 50, 0, phone.width - 14, phone.height)), dtype=int)
    red = (abs(strip - numpy.array(BEHIND_RED)) <= 6).all(axis=2)
    red_rows = int((red.sum(axis=1) > strip.shape[1] // 2).sum())
    assert red_rows > 250, red_rows
