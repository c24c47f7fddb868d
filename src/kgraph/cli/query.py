"""``kgraph query GRAPH|STORE (QUERY | NAME | --file Q.rq) [--format table|csv|json]``."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("query", help="run SPARQL (SELECT, ASK, CONSTRUCT) over a built graph or a store")
    p.add_argument(
        "graph",
        metavar="GRAPH|STORE",
        help="a graph file written by 'kgraph build', oxigraph:PATH, or sparql:URL",
    )
    p.add_argument("query", nargs="?", help="SPARQL text or a ready-made query name (see --list)")
    p.add_argument("--file", metavar="Q.rq", help="read the query from a file")
    p.add_argument("--format", default="table", choices=("table", "csv", "json"), help="result format")
    p.add_argument("--list", action="store_true", help="list the ready-made queries")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..sparql import describe_query, format_table, ready_queries, resolve_query

    if args.list:
        for name, text in ready_queries().items():
            print(f"{name:22} {describe_query(text)}")
        return 0
    text = resolve_query(args.query, args.file)
    if args.graph.startswith(("oxigraph:", "sparql:")):
        from ..store import OxigraphStore, open_store

        with open_store(args.graph, read_only=True) as store:
            if isinstance(store, OxigraphStore) and store.unfinished():
                print(store.unfinished(), file=sys.stderr)
            table = store.query(text)
    else:
        from ..sparql import run_query
        from ..store import load_graph

        table = run_query(load_graph(args.graph), text)
    if table.graph is not None and args.format == "table":
        from ..lines import to_ntriples, turtle

        print("".join(turtle(to_ntriples(table.graph).splitlines())), end="")
        return 0
    print(format_table(table, args.format))
    return 0
