"""The network page in a real browser: Debian's chromium, headless, driven by Playwright.

One browser per module; each test opens the page from disk (file://) and records every
request to a non-file URL, every console error and every dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from test_visualize import XSS_IMG, XSS_SCRIPT, sample_graph, star_network

from kgraph import visualize
from kgraph.namespaces import RES
from kgraph.network import select_view
from kgraph.visualize import render_html, render_view

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="no /usr/bin/chromium: apt-get install chromium (as .ci/run does)",
)


@dataclass
class Opened:
    """A page loaded from disk and everything it tried to do."""

    page: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: object = None) -> Any:
        return self.page.evaluate(expression, arg)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("viz")
    small = folder / "small.html"
    small.write_text(render_html(sample_graph(), title="Thử <nghiệm>"), encoding="utf-8")
    large = folder / "large.html"
    with pytest.MonkeyPatch.context() as patch:  # the large page highlights by selection
        patch.setattr(visualize, "FADE_MAX_ITEMS", 500)
        large.write_text(render_view(select_view(star_network(600), max_nodes=400)), encoding="utf-8")
    focus = folder / "focus.html"
    focus.write_text(render_html(sample_graph(), focus=["nguyen van duc"], depth=2), encoding="utf-8")
    return {"small": small, "large": large, "focus": focus}


@pytest.fixture
def open_page(browser: Any, pages: dict[str, Path]) -> Iterator[Callable[[str], Opened]]:
    contexts: list[Any] = []

    def opener(name: str) -> Opened:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page)
        page.on("request", lambda r: None if r.url.startswith("file:") else opened.requests.append(r.url))
        page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: opened.errors.append(str(e)))

        def on_dialog(dialog: Any) -> None:
            opened.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.goto(pages[name].as_uri())
        page.wait_for_selector("body[data-ready='1']", timeout=20_000)
        return opened

    yield opener
    for context in contexts:
        context.close()


def clean(opened: Opened) -> None:
    assert opened.requests == [], "the page asked the network"
    assert opened.errors == [], "console errors"
    assert opened.dialogs == [], "a dialog fired"


def test_network_holds_the_graph_offline_and_freezes(open_page: Callable[[str], Opened]) -> None:
    opened = open_page("small")
    ids = opened.js("kgraph.network.body.data.nodes.getIds().sort()")
    assert ids == sorted(str(RES[x]) for x in ("alone", "duc", "img", "so", "tu"))
    links = opened.js("kgraph.edges.get().map(e => [e.from, e.label, e.to]).sort()")
    assert [str(RES.tu), "chỉ đạo", str(RES.so)] in links and len(links) == 4
    assert opened.js("document.body.dataset.frozen") == "1"
    assert opened.js("kgraph.network.physics.physicsEnabled") is False
    assert opened.js("document.querySelector('#title').textContent") == "Thử <nghiệm>"
    clean(opened)


def test_hostile_names_render_as_text(open_page: Callable[[str], Opened]) -> None:
    opened = open_page("small")
    opened.page.fill("#search", "img src")
    assert opened.page.inner_text("#results li .label") == XSS_IMG
    opened.page.fill("#search", "alert(2)")
    assert opened.page.inner_text("#results li .label") == XSS_SCRIPT
    assert opened.js("document.querySelectorAll('img').length") == 0
    assert opened.js("document.querySelectorAll('script').length") == 3
    # the tooltip shows the name as text too
    opened.js("id => kgraph.focus(id)", str(RES.img))
    x, y = opened.js(
        """id => { const p = kgraph.network.canvasToDOM(kgraph.network.getPosition(id));
                   const r = document.getElementById('network').getBoundingClientRect();
                   return [p.x + r.left, p.y + r.top]; }""",
        str(RES.img),
    )
    opened.page.mouse.move(x, y)
    tooltip = opened.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
    assert XSS_IMG in tooltip.inner_text()
    assert opened.js("document.querySelectorAll('img').length") == 0
    clean(opened)


def test_search_ignores_accents_and_focuses_the_node(open_page: Callable[[str], Opened]) -> None:
    opened = open_page("small")
    opened.page.fill("#search", "tu dong nai")  # an alias of 'Tỉnh ủy Đồng Nai', no accents
    assert opened.page.inner_text("#results li .label") == "Tỉnh ủy Đồng Nai"
    opened.page.fill("#search", "NGUYEN VAN DUC")  # đ -> d, upper case
    opened.page.press("#search", "Enter")
    assert opened.js("kgraph.network.getSelectedNodes()") == [str(RES.duc)]
    assert opened.js("document.body.dataset.highlighted") == str(RES.duc)
    opened.page.fill("#search", "không có ai")
    assert "No drawn entity" in opened.page.inner_text("#results")
    clean(opened)


def test_legend_and_relation_filters_hide_and_show(open_page: Callable[[str], Opened]) -> None:
    opened = open_page("small")
    legend = opened.page.inner_text("#legend")
    assert "Cấp ủy Đảng (PartyCommittee)" in legend and "Người (Person)" in legend
    opened.page.click("#legend input[data-kind='Person']")
    assert opened.js("id => kgraph.nodes.get(id).hidden", str(RES.duc)) is True
    assert opened.js("id => kgraph.nodes.get(id).hidden", str(RES.tu)) is False
    assert "4 entities" in opened.page.inner_text("#status")
    opened.page.click("#legend input[data-kind='Person']")
    assert opened.js("id => kgraph.nodes.get(id).hidden", str(RES.duc)) is False
    opened.page.click("#relations input[data-relation='directs']")
    hidden = opened.js("kgraph.edges.get().filter(e => e.hidden).map(e => e.relation)")
    assert hidden == ["directs"]
    clean(opened)


def test_click_highlights_the_neighbourhood(open_page: Callable[[str], Opened]) -> None:
    opened = open_page("small")
    x, y = opened.js(
        """id => { const p = kgraph.network.canvasToDOM(kgraph.network.getPosition(id));
                   const r = document.getElementById('network').getBoundingClientRect();
                   return [p.x + r.left, p.y + r.top]; }""",
        str(RES.duc),
    )
    opened.page.mouse.click(x, y)
    assert opened.js("document.body.dataset.highlighted") == str(RES.duc)
    faded = opened.js("kgraph.nodes.get().filter(n => String(n.color).startsWith('rgba(200')).map(n => n.id)")
    assert sorted(faded) == sorted(str(RES[x]) for x in ("alone", "img", "so"))  # not neighbours of duc
    opened.page.mouse.click(1270, 790)  # the empty corner: back to normal
    assert opened.js("document.body.dataset.highlighted") is None
    clean(opened)


def test_large_view_is_drawn_at_once_and_says_what_it_left_out(open_page: Callable[[str], Opened]) -> None:
    opened = open_page("large")
    assert opened.js("kgraph.nodes.length") == 400
    assert opened.js("kgraph.network.physics.physicsEnabled") is False
    notice = opened.page.inner_text("#notice")
    assert "Showing 400 of 600 entities" in notice and "Left out: 200 entities" in notice
    clean(opened)


def test_large_view_highlight_selects_the_neighbourhood(open_page: Callable[[str], Opened]) -> None:
    opened = open_page("large")
    opened.page.fill("#search", "Đơn vị 3")
    opened.page.press("#search", "Enter")
    selected = opened.js("kgraph.network.getSelectedNodes().sort()")
    assert selected == ["n0000", "n0002", "n0003", "n0004"]  # hub, chain neighbours, itself
    clean(opened)


def test_focus_view_opens_with_the_focus_highlighted(open_page: Callable[[str], Opened]) -> None:
    opened = open_page("focus")
    assert opened.js("kgraph.nodes.length") == 4  # two links around Nguyễn Văn Đức
    assert opened.js("kgraph.network.getSelectedNodes()") == [str(RES.duc)]
    assert opened.js("document.body.dataset.highlighted") == str(RES.duc)
    assert "within 2 link(s) of Nguyễn Văn Đức" in opened.page.inner_text("#notice")
    clean(opened)


def test_search_names_entities_left_out_of_the_view(open_page: Callable[[str], Opened]) -> None:
    opened = open_page("large")
    opened.page.fill("#search", "don vi 599")  # n0599 is among the 200 left out
    text = opened.page.inner_text("#results")
    assert "No drawn entity" in text
    assert (
        'Đơn vị 599 (StateAgency): left out of this view; draw it with kgraph viz GRAPH --focus "Đơn vị 599"'
        in text
    )
    clean(opened)
