"""The health report in a real browser: Debian's chromium, headless, driven by Selenium.

The report is written for the sample corpora (examples/) with two hostile articles added
(tests/fixtures/report-hostile: markup and script in titles and headings). The page must load
without console errors, draw every chart, narrow the findings table with each filter, show the
hostile text as text, and it is photographed for the record (artifacts/report.png).

Without chromium and its driver the test is skipped, unless KBLINT_BROWSER_TESTS=required (CI
installs them and sets it).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from helpers import EXAMPLES, ROOT
from kblint.app.cli import main

HOSTILE = Path(__file__).resolve().parent / "fixtures" / "report-hostile"
ARTIFACTS = ROOT / "artifacts"


def _browser():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    driver = shutil.which("chromedriver")
    if not (chromium and driver):
        if os.environ.get("KBLINT_BROWSER_TESTS") == "required":
            pytest.fail("chromium and chromedriver are required (KBLINT_BROWSER_TESTS=required)")
        pytest.skip("chromium and chromedriver are not installed")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # never download a driver
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,2400"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(executable_path=driver), options=options)


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    kb = folder / "examples"
    shutil.copytree(EXAMPLES, kb)
    shutil.copytree(HOSTILE, kb / "corpus", dirs_exist_ok=True)
    report = folder / "kb-health.html"
    assert main(["report", str(kb), "-o", str(report), "--no-cache", "--quiet"]) == 0
    browser = _browser()
    try:
        browser.get(report.as_uri())
        yield browser
    finally:
        browser.quit()


def _rows(browser) -> int:
    return len(browser.find_elements("css selector", "#findings-table tbody tr"))


def test_no_console_errors_and_every_chart_drawn(page):
    errors = [entry for entry in page.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []
    charts = page.find_elements("css selector", "figure.chart")
    assert {c.get_attribute("id") for c in charts} == {"chart-scores", "chart-rules", "chart-coverage", "chart-graph"}
    for chart in charts:
        svg = chart.find_element("css selector", "svg")
        marks = svg.find_elements("css selector", "path, rect, circle, line")
        assert len(marks) > 3, chart.get_attribute("id")
        assert svg.size["width"] > 200 and svg.size["height"] > 50, chart.get_attribute("id")
    # The graph has a node for what the hostile article asks for.
    titles = [t.get_attribute("textContent") for t in page.find_elements("css selector", "#kb-graph .node.missing title")]
    assert any("KB6099" in t for t in titles)


def test_the_filters_narrow_the_findings_table(page):
    from selenium.webdriver.support.ui import Select

    total = int(page.find_element("id", "findings-count").text.split()[0])
    assert _rows(page) == min(total, 100) and total > 40
    Select(page.find_element("id", "filter-severity")).select_by_value("error")
    errors = _rows(page)
    assert 0 < errors < total
    assert all(cell.text == "error" for cell in page.find_elements("css selector", "#findings-table tbody td.severity-error"))
    assert len(page.find_elements("css selector", "#findings-table tbody td.severity-error")) == errors
    Select(page.find_element("id", "filter-locale")).select_by_value("zh-Hant")
    assert 0 < _rows(page) < errors
    Select(page.find_element("id", "filter-severity")).select_by_value("")
    Select(page.find_element("id", "filter-locale")).select_by_value("")
    Select(page.find_element("id", "filter-rule")).select_by_value("typo")
    assert 0 < _rows(page) < total
    assert all("typo (KL201)" == row.find_elements("css selector", "td")[2].text for row in page.find_elements("css selector", "#findings-table tbody tr"))
    Select(page.find_element("id", "filter-rule")).select_by_value("")
    search = page.find_element("id", "filter-text")
    search.send_keys("KB6099")
    rows = page.find_elements("css selector", "#findings-table tbody tr")
    assert 1 <= len(rows) < 5 and all("KB6099" in row.text for row in rows)
    page.execute_script("arguments[0].value = ''; arguments[0].dispatchEvent(new Event('input'))", search)
    assert _rows(page) == min(total, 100)


def test_hostile_titles_stay_text(page):
    from selenium.common.exceptions import NoAlertPresentException

    assert page.execute_script("return window.kblintInjected === undefined")
    assert page.execute_script("return document.querySelectorAll('img[src=x], svg[onload], body script:not([type])').length") == 1  # only the page's own script
    with pytest.raises(NoAlertPresentException):
        page.switch_to.alert.text  # noqa: B018 - the attribute access is the check
    worst = page.find_element("id", "worst").text
    assert '<script>window.kblintInjected = "script";</script>Hostile title' in worst
    assert '"><svg onload="window.kblintInjected=\'svg\'">標題' in worst


def test_a_screenshot_for_the_record(page):
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / "report.png"
    page.save_screenshot(str(target))
    assert target.stat().st_size > 20_000
