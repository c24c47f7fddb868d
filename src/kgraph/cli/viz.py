"""``kgraph viz GRAPH --out FILE.html``: draw the network of a built graph, or part of it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..network import View

#: The default of ``--max-nodes``; a test keeps it equal to kgraph.visualize.DEFAULT_MAX_NODES
#: (imported lazily: the page machinery costs every kgraph command 0.2 s otherwise).
DEFAULT_MAX_NODES = 1500


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "viz",
        help="draw a built graph as an interactive HTML network (offline, one file)",
        description="Draw a built graph as one self-contained HTML page, in Vietnamese (with an English "
        "switch): by default the entities that have a link, largest connected parts first (the others "
        "are listed and searchable); or the neighbourhood of an entity, chosen classes or relations, "
        "or a SPARQL CONSTRUCT result. Clicking an entity shows its links' evidence and articles.",
    )
    p.add_argument("graph", metavar="GRAPH", help="a graph file written by kgraph build (.ttl, .trig, ...)")
    p.add_argument("--out", required=True, metavar="FILE.html", help="the HTML page to write")
    p.add_argument(
        "--focus",
        action="append",
        default=[],
        metavar="NAME",
        help="draw around this entity (any name, accents optional); repeatable",
    )
    p.add_argument("--depth", type=int, default=1, metavar="N", help="links from --focus (default 1)")
    p.add_argument(
        "--classes",
        nargs="+",
        metavar="CLASS",
        help="only these entity classes, by local name or Vietnamese/English label, accents optional "
        "(Person, Người, 'cap uy dang')",
    )
    p.add_argument(
        "--relations", nargs="+", metavar="REL", help="only these relations, e.g. directs memberOf"
    )
    p.add_argument(
        "--query",
        metavar="CONSTRUCT.rq",
        help="draw what a SPARQL CONSTRUCT query returns (a .rq file or the query text)",
    )
    p.add_argument(
        "--max-nodes",
        type=int,
        default=DEFAULT_MAX_NODES,
        metavar="N",
        help=f"draw at most N entities: the largest linked parts, then the most connected "
        f"(default {DEFAULT_MAX_NODES}; 0: all)",
    )
    p.add_argument("--title", default=None, help="the name shown on the page (default: the graph file name)")
    p.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import InputError, QueryError
    from ..files import write_file
    from ..sparql import resolve_query, run_query
    from ..store import load_graph
    from ..visualize import render_page, with_context

    if args.depth < 0:
        raise InputError("--depth", "must be 0 or more")
    if args.max_nodes < 0:
        raise InputError("--max-nodes", "must be 0 (no cap) or more")
    graph = load_graph(args.graph)
    title = args.title or Path(args.graph).name
    if args.query:
        is_file = Path(args.query).is_file() or args.query.endswith(".rq")  # a missing .rq: said so
        text = resolve_query(None, args.query) if is_file else resolve_query(args.query, None)
        table = run_query(graph, text)
        if table.graph is None:
            raise QueryError(f"{args.query}: --query needs a CONSTRUCT or DESCRIBE query")
        graph = with_context(table.graph, graph)
        title = args.title or f"{Path(args.graph).name}: {Path(args.query).name}"
    page, view = render_page(
        graph,
        title=title,
        focus=args.focus,
        depth=args.depth,
        classes=args.classes,
        relations=args.relations,
        max_nodes=args.max_nodes,
    )
    write_file(Path(args.out), page.encode("utf-8"))
    if not args.quiet:
        print(drawn_summary(view, args.out))
    return 0


def drawn_summary(view: View, out: str) -> str:
    """What the page draws and leaves out, and how to open it."""
    net = view.net
    lines = [
        f"wrote {out}: {net.number_of_nodes():,} entities and {net.number_of_edges():,} links drawn "
        f"(of {view.total_nodes:,} and {view.total_edges:,})"
    ]
    if view.unlinked:
        lines.append(f"  left out: {view.unlinked:,} entities without a link (listed and searchable there)")
    cut = view.total_nodes - net.number_of_nodes() - view.unlinked
    if cut:
        notes = "; ".join(n for n in view.notes if not n.startswith("linked only"))
        lines.append(f"  left out: {cut:,} more entities ({notes})")
    lines.append(f"  open it in a browser: {Path(out).resolve().as_uri()}")
    return "\n".join(lines)
