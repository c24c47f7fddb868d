"""``kgraph viz GRAPH --out FILE.html``: draw the network of a built graph."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("viz", help="draw a built graph as an interactive HTML network")
    p.add_argument("graph", metavar="GRAPH")
    p.add_argument("--out", required=True, metavar="FILE.html")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..pipeline import write_atomic
    from ..store import load_graph
    from ..visualize import render_html

    graph = load_graph(args.graph)
    write_atomic(Path(args.out), render_html(graph).encode("utf-8"))
    print(f"wrote {args.out}")
    return 0
