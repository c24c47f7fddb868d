"""The network page in a real browser: Debian's chromium, headless, driven by Playwright.

One browser per module; each test opens the page from disk (file://) and records every
request to a non-file URL, every console error and every dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, PROV, RDF
from test_visualize import XSS_IMG, XSS_SCRIPT, sample_graph, star_network

from kgraph import visualize
from kgraph.namespaces import KG, ORG, RES
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
    rich = folder / "rich.html"
    rich.write_text(render_html(rich_graph(), title="Ba bài"), encoding="utf-8")
    star = folder / "star.html"
    star.write_text(render_view(select_view(star_network(400))), encoding="utf-8")
    two = folder / "two.html"
    two.write_text(render_view(select_view(two_stars(150))), encoding="utf-8")
    focus = folder / "focus.html"
    focus.write_text(render_html(sample_graph(), focus=["nguyen van duc"], depth=2), encoding="utf-8")
    return {"small": small, "large": large, "focus": focus, "rich": rich, "star": star, "two": two}


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
    ids = opened.js("kgraph.nodes.get({filter: n => !n.hidden}).map(n => n.id).sort()")
    assert ids == sorted(str(RES[x]) for x in ("duc", "img", "so", "tu"))  # 'alone' has no link
    links = opened.js("kgraph.edges.get().map(e => [e.from, e.label, e.to]).sort()")
    assert [str(RES.tu), "chỉ đạo", str(RES.so)] in links and len(links) == 4
    assert opened.js("document.body.dataset.frozen") == "1"
    assert opened.js("kgraph.network.physics.physicsEnabled") is False
    assert opened.js("document.querySelector('#subtitle').textContent") == "Thử <nghiệm> · 2 bài báo"
    assert opened.js("document.title") == "Mạng quan hệ — Thử <nghiệm>"
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
    assert "Không có thực thể nào được vẽ mang tên này." in opened.page.inner_text("#results")
    clean(opened)


def test_legend_and_relation_filters_hide_and_show(open_page: Callable[[str], Opened]) -> None:
    opened = open_page("small")
    legend = opened.page.inner_text("#legend")
    assert "Cấp ủy Đảng" in legend and "Người" in legend
    opened.page.click("#legend input[data-kind='Person']")
    assert opened.js("id => kgraph.nodes.get(id).hidden", str(RES.duc)) is True
    assert opened.js("id => kgraph.nodes.get(id).hidden", str(RES.tu)) is False
    assert opened.page.inner_text("#status") == "Đang hiện: 3 thực thể, 3 liên kết."
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
    assert sorted(faded) == sorted(str(RES[x]) for x in ("img", "so"))  # not neighbours of duc
    assert opened.js("document.getElementById('details').hidden") is False  # the details panel
    opened.page.mouse.click(320, 790)  # the empty corner: back to normal
    assert opened.js("document.body.dataset.highlighted") is None
    clean(opened)


def test_large_view_is_drawn_at_once_and_says_what_it_left_out(open_page: Callable[[str], Opened]) -> None:
    opened = open_page("large")
    assert opened.js("kgraph.nodes.length") == 400
    assert opened.js("kgraph.network.physics.physicsEnabled") is False
    notice = opened.page.inner_text("#notice")
    assert "Đang hiện 400 trong 600 thực thể" in notice
    assert "Không vẽ: Người 100, Cơ quan nhà nước 100" in notice
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
    assert "Trong phạm vi 2 liên kết quanh Nguyễn Văn Đức" in opened.page.inner_text("#notice")
    clean(opened)


def test_search_names_entities_left_out_of_the_view(open_page: Callable[[str], Opened]) -> None:
    opened = open_page("large")
    opened.page.fill("#search", "don vi 599")  # n0599 is among the 200 left out
    text = opened.page.inner_text("#results")
    assert "Không có thực thể nào được vẽ mang tên này." in text
    assert (
        "Đơn vị 599 (Cơ quan nhà nước): không vẽ (ngoài giới hạn của trang); "
        'vẽ bằng kgraph viz GRAPH --focus "Đơn vị 599"' in text
    )
    clean(opened)


def rich_graph() -> Graph:
    """The sample graph with two articles from two newspapers and dates, statements derived
    from them (one only planned), a post, and a third article's unlinked entity."""
    graph = sample_graph()
    for article, source, date in ((RES.a1, "bao-a", "2024-05-06"), (RES.a2, "bao-b", "2020-01-02")):
        graph.add((article, KG.sourceFile, Literal(f"corpus/{source}/{article.rsplit('/', 1)[-1]}.txt")))
        graph.add((article, DCTERMS.issued, Literal(date)))
    graph.add((RES.a2, DCTERMS.title, Literal("Sở phối hợp", lang="vi")))
    for node in (RES.tu, RES.img):
        graph.add((node, KG.mentionedIn, RES.a2))
    for stmt in graph.subjects(RDF.type, RDF.Statement):
        predicate = graph.value(stmt, RDF.predicate)
        graph.add((stmt, PROV.wasDerivedFrom, RES.a1 if predicate == ORG.memberOf else RES.a2))
        if predicate == KG.directs:
            graph.add((stmt, KG._NS["modality"], KG._NS["planned"]))
    membership = RES["membership-1"]
    graph.add((membership, ORG.member, RES.duc))
    graph.add((membership, ORG.organization, RES.tu))
    graph.add((membership, KG.postTitle, Literal("Phó Bí thư", lang="vi")))
    graph.add((membership, KG.former, Literal(False)))
    return graph


def visible(opened: Opened) -> list[str]:
    return sorted(opened.js("kgraph.nodes.get({filter: n => !n.hidden}).map(n => n.id)"))


def visible_relations(opened: Opened) -> list[str]:
    return sorted(opened.js("kgraph.edges.get({filter: e => !e.hidden}).map(e => e.relation)"))


def click_node(opened: Opened, node: str) -> None:
    x, y = opened.js(
        """id => { const p = kgraph.network.canvasToDOM(kgraph.network.getPosition(id));
                   const r = document.getElementById('network').getBoundingClientRect();
                   return [p.x + r.left, p.y + r.top]; }""",
        node,
    )
    opened.page.mouse.click(x, y)


def test_opens_on_linked_entities_and_lists_the_unlinked(open_page: Callable[[str], Opened]) -> None:
    opened = open_page("small")
    assert str(RES.alone) not in opened.js("kgraph.nodes.getIds()")
    assert "1 thực thể chưa có liên kết nào" in opened.page.inner_text("#notice")
    opened.page.click("#unlinked summary")
    assert opened.page.inner_text("#unlinked-list li .label") == "Huyện Long Thành"
    opened.page.fill("#search", "long thanh")
    assert "Huyện Long Thành (Địa điểm): không vẽ (chưa có liên kết)" in opened.page.inner_text("#results")
    opened.page.click("#results li.left-out")
    assert "Huyện Long Thành" in opened.page.inner_text("#details")
    opened.page.fill("#search", "h")  # drawn names first, then the unlinked ones bearing it
    items = opened.js("[...document.querySelectorAll('#results li')].map(li => li.className)")
    assert items[-1] == "left-out" and "" in items[:-1]
    assert "Hội nghị Tỉnh ủy <b>lần 5</b>" in opened.page.inner_text("#details")  # its article, as text
    clean(opened)


def test_main_labels_are_readable_at_the_opening_zoom(open_page: Callable[[str], Opened]) -> None:
    opened = open_page("star")
    sizes = opened.js(
        """() => { const s = kgraph.network.getScale(), size = id => kgraph.nodes.get(id).font.size * s;
                   return [size('n0000'), size('n0399'), s]; }"""
    )
    hub, minor, scale = sizes
    assert scale < 0.6  # 400 entities: the opening zoom is far out
    assert hub >= 12  # the main labels are readable at once
    assert minor < 8  # minor labels are under the draw threshold: they appear as you zoom in
    assert opened.js("kgraph.data.options.nodes.scaling.label.drawThreshold") == 8
    clean(opened)


def test_details_panel_shows_posts_links_modality_evidence_and_articles(
    open_page: Callable[[str], Opened],
) -> None:
    opened = open_page("rich")
    opened.page.check("#f-modal")  # the planned link too
    click_node(opened, str(RES.tu))
    text = opened.page.inner_text("#details")
    assert "Tỉnh ủy Đồng Nai" in text and "Cấp ủy Đảng" in text and "TU Đồng Nai" in text
    assert "Liên kết (3)" in text
    assert "chỉ đạo" in text and "dự kiến" in text and "khẳng định" in text  # modality of each link
    assert "Tỉnh ủy chỉ đạo Sở thực hiện <b>nghị quyết</b>." in text  # evidence, as text
    assert "Sở phối hợp · 2020-01-02 · bao-b · tệp: corpus/bao-b/a2.txt" in text  # its article
    opened.page.click(f"#details a.entity[data-id='{RES.duc}']")  # from one entity to the next
    text = opened.page.inner_text("#details")
    assert "Phó Bí thư — Tỉnh ủy Đồng Nai" in text and "Người" in text
    opened.page.click("#details-copy")
    opened.page.wait_for_function("window.kgraphCopied !== undefined")
    copied = opened.js("window.kgraphCopied")
    assert "Ông Nguyễn Văn Đức, Ủy viên Ban Thường vụ Tỉnh ủy." in copied and "2024-05-06" in copied
    clean(opened)


def test_filters_by_article_source_dates_and_modality(open_page: Callable[[str], Opened]) -> None:
    opened = open_page("rich")
    tu, so, img, duc = (str(RES[x]) for x in ("tu", "so", "img", "duc"))
    assert visible(opened) == sorted([tu, so, img, duc])
    assert visible_relations(opened) == ["cooperatesWith", "cooperatesWith", "memberOf"]  # planned: off
    assert opened.js("kgraph.edges.get().find(e => e.relation === 'directs').dashes") is True
    opened.page.check("#f-modal")
    assert "directs" in visible_relations(opened)
    opened.page.select_option("#f-source", "bao-a")
    assert visible(opened) == sorted([tu, duc]) and visible_relations(opened) == ["memberOf"]
    opened.page.select_option("#f-source", "")
    article = opened.js("kgraph.data.articles.findIndex(a => a[0] === 'Sở phối hợp')")
    opened.page.select_option("#f-article", str(article))
    assert visible(opened) == sorted([tu, so, img])
    assert visible_relations(opened) == ["cooperatesWith", "cooperatesWith", "directs"]
    opened.page.select_option("#f-article", "")
    opened.page.fill("#f-from", "2023-01-01")
    opened.page.dispatch_event("#f-from", "change")
    assert visible(opened) == sorted([tu, duc])
    opened.page.click("#f-reset")
    assert len(visible(opened)) == 4 and "directs" not in visible_relations(opened)
    clean(opened)


def two_stars(n: int) -> nx.MultiDiGraph:
    """Two unconnected stars of ``n`` entities: one of state agencies, one of people."""
    net = nx.MultiDiGraph()
    for kind, prefix in (("StateAgency", "s"), ("Person", "p")):
        for i in range(n):
            net.add_node(f"{prefix}{i:03d}", label=f"{kind} {i}", kind=kind, aliases="", articles="")
        for i in range(1, n):
            net.add_edge(f"{prefix}000", f"{prefix}{i:03d}", key="directs", relation="directs", evidence="")
    return net


def test_class_only_all_none_and_hiding_refits(open_page: Callable[[str], Opened]) -> None:
    opened = open_page("two")
    opened.page.click("#legend button[data-only='Person']")
    kinds = opened.js("[...new Set(kgraph.nodes.get({filter: n => !n.hidden}).map(n => n.kind))]")
    assert kinds == ["Person"]
    box = opened.js(
        """() => { const r = document.getElementById('network').getBoundingClientRect();
                   const ps = kgraph.nodes.get({filter: n => !n.hidden}).map(n =>
                       kgraph.network.canvasToDOM(kgraph.network.getPosition(n.id)));
                   const xs = ps.map(p => p.x), ys = ps.map(p => p.y);
                   const span = v => Math.max(...v) - Math.min(...v);
                   return [span(xs) / r.width, span(ys) / r.height,
                           Math.min(...xs), Math.max(...xs), r.width]; }"""
    )
    assert max(box[0], box[1]) > 0.6  # re-fitted: what is left fills the canvas
    assert box[2] >= 0 and box[3] <= box[4]  # and all of it is on screen
    opened.page.click("#classes-none")
    assert visible(opened) == []
    opened.page.click("#classes-all")
    assert len(visible(opened)) == 300
    opened.page.click("#relations-none")
    assert visible_relations(opened) == []
    clean(opened)


def test_clearing_the_search_clears_the_highlight(open_page: Callable[[str], Opened]) -> None:
    opened = open_page("small")
    opened.page.fill("#search", "nguyen van duc")
    opened.page.press("#search", "Enter")
    assert opened.js("document.body.dataset.highlighted") == str(RES.duc)
    opened.page.fill("#search", "")
    assert opened.js("document.body.dataset.highlighted") is None
    assert opened.js("kgraph.network.getSelectedNodes()") == []
    faded = opened.js("kgraph.nodes.get().filter(n => String(n.color).startsWith('rgba(200')).length")
    assert faded == 0
    clean(opened)


def test_exports_what_is_visible(open_page: Callable[[str], Opened], tmp_path: Path) -> None:
    opened = open_page("rich")
    opened.page.click("#legend button[data-only='Person']")
    opened.page.click("#classes-all")
    opened.page.click("#legend input[data-kind='Organization']")  # hide the img entity
    turtle = Graph().parse(data=opened.js("kgraph.exportText('ttl')"), format="turtle")
    assert (RES.duc, ORG.memberOf, RES.tu) in turtle
    assert (RES.img, None, None) not in turtle
    evidence = {str(o) for o in turtle.objects(None, KG.evidence)}
    assert "Ông Nguyễn Văn Đức, Ủy viên Ban Thường vụ Tỉnh ủy." in evidence
    graphml = tmp_path / "v.graphml"
    graphml.write_text(opened.js("kgraph.exportText('graphml')"), encoding="utf-8")
    net = nx.read_graphml(graphml)
    assert sorted(net.nodes) == sorted(str(RES[x]) for x in ("duc", "so", "tu"))  # so: its class is shown
    with opened.page.expect_download() as info:
        opened.page.click("#export-csv")
    csv_text = Path(info.value.path()).read_text(encoding="utf-8-sig")
    lines = csv_text.splitlines()
    assert lines[0].startswith("thực thể nguồn,quan hệ,thực thể đích,mức khẳng định,câu dẫn chứng,bài báo")
    assert any("Nguyễn Văn Đức,là thành viên của,Tỉnh ủy Đồng Nai,khẳng định" in line for line in lines)
    clean(opened)


def test_vietnamese_throughout_with_an_english_switch(open_page: Callable[[str], Opened]) -> None:
    opened = open_page("rich")
    panel = opened.page.inner_text("#panel")
    for english in ("Showing", "Visible", "search", "classes", "relations", "Person", "Click"):
        assert english not in panel
    assert "Lớp thực thể".upper() in panel.upper() and "Bộ lọc".upper() in panel.upper()
    opened.page.click("#lang")
    panel = opened.page.inner_text("#panel")
    assert "Person" in panel and "Visible: 4 entities, 3 links." in panel
    assert opened.js("document.documentElement.lang") == "en"
    opened.page.click("#lang")
    assert "Người" in opened.page.inner_text("#legend")
    clean(opened)


def test_a_built_corpus_opens_linked_and_the_hub_shows_its_evidence(
    browser: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from kgraph.cli import main

    out = tmp_path_factory.mktemp("corpus")
    corpus = Path(__file__).parent / "data" / "corpus_small"
    assert main(["build", str(corpus), "--out", str(out), "-q", "--workers", "1"]) == 0
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    opened = Opened(context.new_page())
    opened.page.on("request", lambda r: None if r.url.startswith("file:") else opened.requests.append(r.url))
    opened.page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
    opened.page.goto((out / "graph.html").as_uri())
    opened.page.wait_for_selector("body[data-ready='1']", timeout=20_000)
    linked, drawn = opened.js(
        """() => { const shown = kgraph.nodes.get({filter: n => !n.hidden}).map(n => n.id);
                   const ends = new Set(); kgraph.edges.get({filter: e => !e.hidden})
                       .forEach(e => { ends.add(e.from); ends.add(e.to); });
                   return [shown.filter(id => ends.has(id)).length, shown.length]; }"""
    )
    assert drawn > 5 and linked / drawn >= 0.9
    assert opened.js("document.title") == "Mạng quan hệ"  # the build's page names no file
    hub = opened.js(
        """() => { const d = {}; kgraph.data.edges.forEach(e => { d[e.from] = (d[e.from] || 0) + 1;
                                                            d[e.to] = (d[e.to] || 0) + 1; });
                   return Object.keys(d).sort((a, b) => d[b] - d[a] || (a < b ? -1 : 1))[0]; }"""
    )
    opened.js("id => kgraph.network.focus(id, {scale: 1.5, animation: false})", hub)
    click_node(opened, hub)
    text = opened.page.inner_text("#details")
    sentences = opened.js(
        "id => kgraph.data.edges.filter(e => e.from === id || e.to === id).flatMap(e => e.ev.map(v => v[0]))",
        hub,
    )
    assert sentences and all(s in text for s in sentences)
    clean(opened)
    context.close()
