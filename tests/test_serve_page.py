"""The query page of ``kgraph serve`` in a real browser (Debian's chromium, headless, Playwright)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DATA
from serve_helpers import Served

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="no /usr/bin/chromium: apt-get install chromium (as .ci/run does)",
)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    running = Served([str(DATA / "store_sample.trig")], tmp_path_factory.mktemp("log") / "stderr.txt")
    yield running
    running.stop()


def test_page_is_vietnamese_and_runs_the_network_query(served: Served) -> None:
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(served.url + "/")
            assert page.title() == "kgraph — truy vấn SPARQL"
            assert page.inner_text("#run") == "Chạy truy vấn"
            page.select_option("#ready", "network")
            page.click("#run")
            page.wait_for_function("document.getElementById('status').textContent.includes('giây')")
            assert page.inner_text("#status").startswith("đồ thị trong ")
            page.wait_for_selector("iframe")
            page.fill("#query", "SELECT * WHERE {")
            page.click("#run")
            page.wait_for_function("document.getElementById('status').className == 'error'")
            assert page.inner_text("#status").startswith("Lỗi 400 (truy vấn sai): bad SPARQL")
            assert errors == []
        finally:
            browser.close()
