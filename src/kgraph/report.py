"""A one-page, offline report on a built corpus: charts (Plotly, its script inlined) and tables.

``kgraph report GRAPH --out report.html`` counts what the graph holds: entities per class,
relations per kind, the most connected organisations and people, documents by type and
year, articles by year, who directs whom as a tree, the articles with the most and the
fewest relations, and, given gold files, the quality figures. Each chart comes with its
numbers as a table and a CSV file (a ``data:`` link), and the page requests nothing: the
plotting library is inlined and a Content-Security-Policy forbids any request. The page's
words are Vietnamese, read from ``viz/report.json``.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import quote

import networkx as nx
from rdflib import Graph, URIRef
from rdflib.namespace import PROV, RDF

from .namespaces import ENTITY_CLASSES, KG
from .network import graph_to_networkx
from .visualize import Article, articles_of, html_text, vietnamese_labels

#: Classes counted as organisations in the "most connected" chart (with Person), and documents.
ORGANISATIONS = frozenset(c.name for c in ENTITY_CLASSES if c.family == "Organization")
DOCUMENTS = frozenset(c.name for c in ENTITY_CLASSES if c.family == "LegalDocument")
TOP = 20
ARTICLES_SHOWN = 15
PALETTE = "#2471a3"


@lru_cache(maxsize=1)
def words() -> dict[str, Any]:
    """The report's Vietnamese words."""
    text = (resources.files("kgraph") / "viz" / "report.json").read_text(encoding="utf-8")
    return dict(json.loads(text))


@dataclass
class Chart:
    """One chart: its key, title, the Plotly figure (as a dict) and its numbers as a table."""

    key: str
    title: str
    figure: dict[str, Any]
    header: list[str]
    rows: list[list[Any]]
    #: the rows there were before the chart kept its first ones (0: all kept)
    available: int = 0


@dataclass
class Report:
    """The charts of a corpus and what they were drawn from."""

    title: str
    figures: dict[str, int]
    charts: list[Chart] = field(default_factory=list)


def _safe(text: object) -> str:
    """A label Plotly shows as text: it reads a few HTML tags in labels, so none reaches it."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _bar(x: Sequence[Any], y: Sequence[Any], horizontal: bool = False, name: str = "") -> dict[str, Any]:
    labels = [_safe(v) for v in (y if horizontal else x)]
    values = list(x if horizontal else y)
    trace: dict[str, Any] = {"type": "bar", "marker": {"color": PALETTE}, "name": _safe(name)}
    if horizontal:
        trace.update({"x": values, "y": labels, "orientation": "h"})
    else:
        trace.update({"x": labels, "y": values})
    return trace


def _layout(title: str, height: int = 420, **extra: Any) -> dict[str, Any]:
    layout: dict[str, Any] = {  # the section's heading titles the chart
        "height": height,
        "margin": {"l": 60, "r": 20, "t": 20, "b": 60},
        "font": {"family": "system-ui, Noto Sans, Arial, sans-serif", "size": 12},
        "template": "plotly_white",
    }
    margin = {**layout["margin"], **extra.pop("margin", {})}
    layout.update(extra, margin=margin)
    return layout


def _counts_chart(key: str, counts: Counter[str], name_header: str) -> Chart:
    w = words()
    labels = vietnamese_labels()
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    names = [labels.get(k, k).split(",")[0] + f" ({k})" for k, _ in items]
    values = [v for _, v in items]
    figure = {
        "data": [_bar(values[::-1], names[::-1], horizontal=True)],
        "layout": _layout(w["charts"][key], height=max(300, 26 * len(items) + 100), margin={"l": 300}),
    }
    rows = [[labels.get(k, k).split(",")[0], k, v] for k, v in items]
    return Chart(key, w["charts"][key], figure, [name_header, "IRI", w["count"]], rows)


def _connected_chart(net: nx.MultiDiGraph) -> Chart:
    w = words()
    labels = vietnamese_labels()
    people_and_orgs = [
        n for n, d in net.nodes(data=True) if d["kind"] in ORGANISATIONS or d["kind"] == "Person"
    ]
    ranked = sorted(people_and_orgs, key=lambda n: (-net.degree(n), str(net.nodes[n]["label"]), n))
    linked = [n for n in ranked if net.degree(n) > 0]
    top = linked[:TOP]
    rows = [
        [str(net.nodes[n]["label"]), labels.get(net.nodes[n]["kind"], net.nodes[n]["kind"]), net.degree(n)]
        for n in top
    ]
    names = [f"{r[0]} · {r[1]}" for r in rows]
    figure = {
        "data": [_bar([r[2] for r in rows][::-1], names[::-1], horizontal=True)],
        "layout": _layout(w["charts"]["connected"], height=max(300, 26 * len(rows) + 100), margin={"l": 380}),
    }
    header = [w["name"], w["class"], w["links"]]
    return Chart("connected", w["charts"]["connected"], figure, header, rows, len(linked))


def _documents_chart(graph: Graph, net: nx.MultiDiGraph) -> Chart:
    w = words()
    labels = vietnamese_labels()
    counts: Counter[tuple[str, str]] = Counter()
    for node, data in net.nodes(data=True):
        if data["kind"] not in DOCUMENTS:
            continue
        dates = sorted(str(d) for d in graph.objects(URIRef(node), KG.issuedOn))
        year = dates[0][:4] if dates else w["unknown_year"]
        counts[(labels.get(data["kind"], data["kind"]), year)] += 1
    years = sorted({y for _, y in counts})
    traces = []
    for kind in sorted({k for k, _ in counts}):
        trace = _bar(years, [counts.get((kind, y), 0) for y in years], name=kind)
        del trace["marker"]
        traces.append(trace)
    figure = {"data": traces, "layout": _layout(w["charts"]["documents"], barmode="stack")}
    rows = [[k, y, n] for (k, y), n in sorted(counts.items())]
    return Chart("documents", w["charts"]["documents"], figure, [w["type"], w["year"], w["count"]], rows)


def _articles_year_chart(articles: dict[str, Article]) -> Chart:
    w = words()
    counts = Counter(a.date[:4] or w["unknown_year"] for a in articles.values())
    years = sorted(counts)
    figure = {
        "data": [_bar(years, [counts[y] for y in years])],
        "layout": _layout(w["charts"]["articles_year"], xaxis={"type": "category"}),
    }
    rows = [[y, counts[y]] for y in years]
    return Chart("articles_year", w["charts"]["articles_year"], figure, [w["year"], w["count"]], rows)


def directs_tree(net: nx.MultiDiGraph) -> list[tuple[str, str]]:
    """(node, parent) pairs of a forest over the ``directs`` links: roots are directed by no
    one (or, in a cycle, the smallest IRI); each node appears once, under its first director."""
    directs = nx.DiGraph()
    directs.add_edges_from((s, o) for s, o, k in net.edges(keys=True) if k == "directs" and s != o)
    placed: dict[str, str] = {}
    roots = sorted(n for n in directs if directs.in_degree(n) == 0)
    for component in sorted(nx.weakly_connected_components(directs), key=lambda c: min(c)):
        if not any(r in component for r in roots):
            roots.append(min(component))
    for root in roots:
        if root in placed:
            continue
        placed[root] = ""
        for parent, child in nx.bfs_edges(directs, root, sort_neighbors=sorted):
            if child not in placed:
                placed[child] = parent
    return list(placed.items())  # roots in IRI order, each followed by its tree, breadth first


def _directs_chart(net: nx.MultiDiGraph) -> Chart:
    w = words()
    pairs = directs_tree(net)

    def label(node: str) -> str:
        return str(net.nodes[node]["label"]) if node in net else node

    number = {node: f"n{i}" for i, (node, _) in enumerate(pairs)}  # IRIs stay out of the script
    figure = {
        "data": [
            {
                "type": "icicle",
                "ids": [number[node] for node, _ in pairs],
                "labels": [_safe(label(node)) for node, _ in pairs],
                "parents": [number.get(parent, "") for _, parent in pairs],
                "tiling": {"orientation": "h"},
                "maxdepth": 4,
            }
        ],
        "layout": _layout(w["charts"]["directs"], height=520, margin={"l": 10, "r": 10, "t": 50, "b": 10}),
    }
    rows = [[label(parent), label(node)] for node, parent in pairs if parent]
    return Chart("directs", w["charts"]["directs"], figure, [w["director"], w["directed"]], rows)


def relations_per_article(graph: Graph, articles: dict[str, Article]) -> list[tuple[str, int]]:
    """(article IRI, statements derived from it) for every article, most first, then IRI."""
    counts: Counter[str] = Counter(dict.fromkeys(articles, 0))
    for stmt in graph.subjects(RDF.type, RDF.Statement):
        for article in graph.objects(stmt, PROV.wasDerivedFrom):
            if str(article) in counts:
                counts[str(article)] += 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _article_chart(key: str, ranked: list[tuple[str, int]], articles: dict[str, Article]) -> Chart:
    w = words()

    def name(iri: str) -> str:
        a = articles[iri]
        title = a.title or a.file.rsplit("/", 1)[-1]
        return title if len(title) <= 70 else title[:69] + "…"

    shown = ranked[:ARTICLES_SHOWN]
    names = [name(iri) for iri, _ in shown]
    figure = {
        "data": [_bar([n for _, n in shown][::-1], names[::-1], horizontal=True)],
        "layout": _layout(w["charts"][key], height=max(300, 26 * len(shown) + 100), margin={"l": 420}),
    }
    rows = [[name(i), articles[i].date, articles[i].file, n] for i, n in shown]
    header = [w["article"], w["date"], w["file"], w["count"]]
    return Chart(key, w["charts"][key], figure, header, rows, len(ranked))


def _quality_chart(scores: list[tuple[str, dict[str, float]]]) -> Chart:
    w = words()
    q = w["quality"]
    parts = ("entities", "entities_typed", "relations")
    traces = []
    for measure in ("precision", "recall", "f1"):
        trace = _bar([q[p] for p in parts], [scores[-1][1][f"{p}.{measure}"] for p in parts], name=q[measure])
        del trace["marker"]
        traces.append(trace)
    figure = {
        "data": traces,
        "layout": _layout(w["charts"]["quality"], barmode="group", yaxis={"range": [0, 1]}),
    }
    measures = ("precision", "recall", "f1")
    rows = [
        [name, q[p], q[m], values[f"{p}.{m}"]] for name, values in scores for p in parts for m in measures
    ]
    return Chart("quality", w["charts"]["quality"], figure, [w["gold"], w["measure"], "", w["value"]], rows)


def build_report(
    graph: Graph, title: str, quality: list[tuple[str, dict[str, float]]] | None = None
) -> Report:
    """The charts of ``graph``; ``quality`` gives (gold name, {"entities.f1": …}) rows, the last the total."""
    net = graph_to_networkx(graph)
    articles = articles_of(graph)
    statements = sum(1 for _ in graph.subjects(RDF.type, RDF.Statement))
    report = Report(
        title,
        {
            "articles": len(articles),
            "entities": net.number_of_nodes(),
            "relations": net.number_of_edges(),
            "statements": statements,
        },
    )
    w = words()
    ranked = relations_per_article(graph, articles)
    report.charts = [
        _counts_chart("classes", Counter(str(d["kind"]) for _, d in net.nodes(data=True)), w["class"]),
        _counts_chart("relations", Counter(str(k) for _, _, k in net.edges(keys=True)), w["relation"]),
        _connected_chart(net),
        _documents_chart(graph, net),
        _articles_year_chart(articles),
        _directs_chart(net),
        _article_chart("most", ranked, articles),
        _article_chart("fewest", sorted(ranked, key=lambda kv: (kv[1], kv[0])), articles),
    ]
    if quality:
        report.charts.append(_quality_chart(quality))
    return report


# --- the page ---------------------------------------------------------------------------


def _table_html(chart: Chart) -> str:
    head = "".join(f"<th>{html_text(str(h))}</th>" for h in chart.header)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{v}</td>' if isinstance(v, (int, float)) else f"<td>{html_text(str(v))}</td>"
            for v in row
        )
        + "</tr>"
        for row in chart.rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def chart_csv(chart: Chart) -> str:
    """The chart's numbers as CSV text (header first)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(chart.header)
    writer.writerows(chart.rows)
    return out.getvalue()


def _section(number: int, chart: Chart) -> str:
    import plotly.io as pio

    w = words()
    if chart.rows:
        div = pio.to_html(
            chart.figure,
            full_html=False,
            include_plotlyjs=False,
            div_id=f"chart-{number}",
            config={"displaylogo": False, "responsive": True},
            validate=True,
        )
    else:
        div = f'<p class="empty">{html_text(w["nothing"])}</p>'
    data_uri = "data:text/csv;charset=utf-8," + quote("\ufeff" + chart_csv(chart))
    return (
        f'<section id="{chart.key}" class="chart-section"><h2>{html_text(chart.title)}</h2>'
        f'<div class="chart">{div}</div>'
        f"<details><summary>{html_text(w['table'])} ({len(chart.rows)})</summary>"
        f"{_table_html(chart)}</details>"
        f'<p><a download="{chart.key}.csv" href="{data_uri}">{html_text(w["csv"])}</a></p></section>'
    )


def render_report(report: Report) -> str:
    """The HTML page of ``report``: one file, scripts inlined, nothing requested."""
    from plotly.offline import get_plotlyjs

    w = words()
    plotly = get_plotlyjs()
    if "</script" in plotly.lower():
        raise RuntimeError("plotly.js contains </script: it cannot be inlined")
    sections = "\n".join(_section(i, chart) for i, chart in enumerate(report.charts))
    intro = w["intro"].format(**{k: f"{v:,}".replace(",", ".") for k, v in report.figures.items()})
    heading = html_text(f"{w['title']}: {report.title}")
    page = (resources.files("kgraph") / "viz" / "report.html").read_text(encoding="utf-8")
    for marker, text in (
        ("<!--TITLE-->", heading),
        ("<!--HEADING-->", heading),
        ("<!--INTRO-->", html_text(intro)),
        ("<!--SECTIONS-->", sections),
        ("/*PLOTLY_JS*/", plotly),  # last: nothing is searched for in its 4.8 MB
    ):
        head, sep, tail = page.partition(marker)
        if not sep:
            raise RuntimeError(f"report.html lacks the marker {marker}")
        page = head + text + tail
    return page
