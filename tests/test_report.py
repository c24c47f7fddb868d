"""The corpus report: its figures, its tables and CSV, the command, and the page in Chromium."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS
from test_browser_viz import ARGS, CHROMIUM
from test_visualize import XSS_IMG, XSS_SCRIPT, sample_graph

from kgraph.cli import main
from kgraph.namespaces import CLASS_OF_KIND, KG, RES
from kgraph.network import graph_to_networkx
from kgraph.report import build_report, chart_csv, directs_tree, relations_per_article, render_report
from kgraph.visualize import articles_of


def corpus_graph() -> Graph:
    """The sample graph plus a chain of 'directs', a dated resolution and three dated articles."""
    graph = sample_graph()
    for article, date in ((RES.a1, "2024-05-06"), (RES.a2, "2019-01-02"), (RES.a3, "")):
        graph.add((article, KG.sourceFile, Literal(f"corpus/{article.rsplit('/', 1)[-1]}.txt")))
        if date:
            graph.add((article, DCTERMS.issued, Literal(date)))
    for stmt in list(graph.subjects(RDF.type, RDF.Statement)):
        graph.add((stmt, PROV.wasDerivedFrom, RES.a1))
    graph.add((RES.so, KG.directs, RES.phong))
    graph.add((RES.phong, RDF.type, CLASS_OF_KIND["StateAgency"]))
    graph.add((RES.phong, RDFS_LABEL, Literal("Phòng Nội vụ", lang="vi")))
    graph.add((RES.phong, KG.mentionedIn, RES.a2))
    graph.add((RES.nq, RDF.type, CLASS_OF_KIND["Resolution"]))
    graph.add((RES.nq, RDFS_LABEL, Literal("Nghị quyết 05", lang="vi")))
    graph.add((RES.nq, KG.issuedOn, Literal("2023-03-04")))
    graph.add((RES.nq, KG.mentionedIn, RES.a3))
    return graph


RDFS_LABEL = RDFS.label


def charts(graph: Graph) -> dict[str, Any]:
    return {c.key: c for c in build_report(graph, "thử").charts}


def test_report_counts_classes_relations_and_the_most_connected() -> None:
    found = charts(corpus_graph())
    assert len(found) >= 5
    classes = {row[1]: row[2] for row in found["classes"].rows}
    assert classes["Person"] == 1 and classes["StateAgency"] == 2 and classes["Resolution"] == 1
    assert found["classes"].rows[0][0] == "Cơ quan nhà nước"  # Vietnamese class names, most first
    relations = {row[1]: row[2] for row in found["relations"].rows}
    assert relations == {"cooperatesWith": 2, "directs": 2, "memberOf": 1}
    top = found["connected"].rows
    assert sorted(row[0] for row in top[:2]) == [XSS_SCRIPT, "Tỉnh ủy Đồng Nai"] and top[0][2] == 3
    assert ["Tỉnh ủy Đồng Nai", "Cấp ủy Đảng", 3] in top
    assert "Nghị quyết 05" not in [row[0] for row in top]  # organisations and people only


def test_report_documents_by_type_and_year_and_articles_by_year() -> None:
    found = charts(corpus_graph())
    assert found["documents"].rows == [["Nghị quyết", "2023", 1]]
    assert found["articles_year"].rows == [["2019", 1], ["2024", 1], ["không rõ", 1]]


def test_who_directs_whom_is_a_tree() -> None:
    net = graph_to_networkx(corpus_graph())
    assert directs_tree(net) == [(str(RES.tu), ""), (str(RES.so), str(RES.tu)), (str(RES.phong), str(RES.so))]
    rows = charts(corpus_graph())["directs"].rows
    assert rows == [["Tỉnh ủy Đồng Nai", XSS_SCRIPT], [XSS_SCRIPT, "Phòng Nội vụ"]]


def test_articles_with_most_and_fewest_relations() -> None:
    graph = corpus_graph()
    ranked = relations_per_article(graph, articles_of(graph))
    assert ranked == [(str(RES.a1), 4), (str(RES.a2), 0), (str(RES.a3), 0)]
    found = charts(graph)
    assert found["most"].rows[0] == ["Hội nghị Tỉnh ủy <b>lần 5</b>", "2024-05-06", "corpus/a1.txt", 4]
    assert [row[3] for row in found["fewest"].rows] == [0, 0, 4]


def test_each_chart_has_its_numbers_as_csv() -> None:
    chart = charts(corpus_graph())["relations"]
    rows = list(csv.reader(io.StringIO(chart_csv(chart))))
    assert rows[0] == ["Quan hệ", "IRI", "Số lượng"] and ["chỉ đạo", "directs", "2"] in rows


def test_page_is_offline_vietnamese_and_keeps_hostile_names_as_text() -> None:
    page = render_report(build_report(corpus_graph(), "<b>kho</b>"))
    assert '<html lang="vi">' in page and "default-src 'none'" in page
    assert "<title>Báo cáo kho dữ liệu: &lt;b&gt;kho&lt;/b&gt;</title>" in page
    assert XSS_IMG not in page and "<script>alert(2)" not in page
    assert "cdn.plot.ly/plotly" not in page.split("</head>")[1]  # no script or link to a CDN
    assert ' src="' not in page and "<link" not in page
    link = re.search(r'<a download="relations.csv" href="data:text/csv;charset=utf-8,([^"]*)"', page)
    assert link and "chỉ đạo,directs,2" in unquote(link.group(1))  # the chart's CSV, in the page
    assert render_report(build_report(corpus_graph(), "x")) == render_report(
        build_report(corpus_graph(), "x")
    )


def test_cli_report_says_what_it_drew(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "g.ttl"
    corpus_graph().serialize(source, format="turtle")
    out = tmp_path / "r.html"
    assert main(["report", str(source), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"wrote {out}: 8 charts" in printed and "from 3 articles, 7 entities, 5 relations" in printed
    assert main(["report", str(source), "--out", str(out), "-q"]) == 0
    assert capsys.readouterr().out == ""
    import kgraph.report

    monkeypatch.setattr(kgraph.report, "TOP", 2)
    assert main(["report", str(source), "--out", str(out)]) == 0
    assert "connected          2 rows (of 5; the others left out)" in capsys.readouterr().out


def test_cli_report_with_gold_adds_the_quality_chart(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    gold = Path(__file__).parent / "data" / "gold" / "000_bb5079a8e0720d63.json"
    graph = tmp_path / "g.ttl"
    corpus_graph().serialize(graph, format="turtle")
    assert main(["report", str(graph), "--out", str(out), "--gold", str(gold), "-q"]) == 0
    page = out.read_text(encoding="utf-8")
    assert 'id="quality"' in page and "Chất lượng so với tệp đối chiếu" in page


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium: apt-get install chromium (as .ci/run does)")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def test_report_in_chromium_draws_its_charts_offline(browser: Any, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    out.write_text(render_report(build_report(corpus_graph(), "thử")), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: None if r.url.startswith("file:") else requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(out.as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)
    assert int(page.evaluate("document.body.dataset.charts")) >= 5
    assert page.evaluate("document.querySelectorAll('.js-plotly-plot svg.main-svg').length") >= 5
    assert page.evaluate("document.querySelectorAll('section table').length") == 8
    assert page.evaluate("document.documentElement.lang") == "vi"
    page.click("#directs summary")
    assert XSS_SCRIPT in page.inner_text("#directs table")  # a hostile name, as text
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert requests == [] and errors == []
    context.close()
