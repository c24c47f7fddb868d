"""``kgraph report GRAPH --out report.html [--gold GOLD.json...]``: a corpus report with charts."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "report",
        help="write a one-page offline report of a built corpus, with charts and tables (Vietnamese)",
        description="Write one self-contained HTML page about a built graph: entities per class, "
        "relations per kind, the most connected organisations and people, documents by type and "
        "year, articles by year, who directs whom as a tree, the articles with the most and the "
        "fewest relations and, with --gold, the quality figures. Each chart's numbers are also "
        "given as a table and a CSV file. The page requests nothing.",
    )
    p.add_argument(
        "graph", metavar="GRAPH", help="a graph file written by kgraph build (.trig, .ttl, .nq, ...)"
    )
    p.add_argument("--out", required=True, metavar="FILE.html", help="the HTML page to write")
    p.add_argument(
        "--gold",
        nargs="+",
        default=[],
        metavar="GOLD.json",
        help="gold files to score the graph against (each against its own article); adds a quality chart",
    )
    p.add_argument(
        "--title", default=None, help="the corpus's name on the page (default: the graph file name)"
    )
    p.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..evaluate import evaluate_files
    from ..files import write_file
    from ..report import build_report, render_report
    from ..store import load_graph

    graph = load_graph(args.graph)
    quality = None
    if args.gold:
        evaluation = evaluate_files(args.graph, args.gold)
        quality = [(s.name, _figures(s)) for s in [*evaluation.files, evaluation.total]]
    report = build_report(graph, args.title or Path(args.graph).name, quality)
    write_file(Path(args.out), render_report(report).encode("utf-8"))
    if not args.quiet:
        drawn = [c for c in report.charts if c.rows]
        print(f"wrote {args.out}: {len(drawn)} charts, each with its table and CSV")
        for chart in report.charts:
            rows = f"{len(chart.rows):>5} rows"
            if chart.available > len(chart.rows):
                rows += f" (of {chart.available:,}; the others left out)"
            print(f"  {chart.key:14} {rows}" + ("" if chart.rows else " (nothing to draw)"))
        f = report.figures
        print(
            f"  from {f['articles']:,} articles, {f['entities']:,} entities, {f['relations']:,} relations; "
            f"open it in a browser: {Path(args.out).resolve().as_uri()}"
        )
    return 0


def _figures(score: object) -> dict[str, float]:
    out = {}
    for part in ("entities", "entities_typed", "relations"):
        counts = getattr(score, part)
        for measure in ("precision", "recall", "f1"):
            out[f"{part}.{measure}"] = round(float(getattr(counts, measure)), 4)
    return out
