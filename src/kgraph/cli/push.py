"""``kgraph push GRAPH --endpoint URL [--user U --password P] [--graph-store URL] [--timeout S]``.

The store is made to mirror GRAPH (stale kgraph graphs dropped) and each graph's triple
count is read back: exit 1 with one line when anything differs or the store fails."""

from __future__ import annotations

import argparse
import os
import sys


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "push",
        help="load each article's named graph into a SPARQL 1.1 store (Virtuoso, GraphDB, Fuseki, Neptune)",
    )
    p.add_argument("graph", metavar="GRAPH", help="graph.trig written by 'kgraph build' (or a .ttl)")
    p.add_argument("--endpoint", required=True, metavar="URL", help="the store's SPARQL endpoint")
    p.add_argument(
        "--graph-store",
        metavar="URL",
        help="the store's Graph Store Protocol URL: one PUT per article (else SPARQL Update on --endpoint)",
    )
    p.add_argument(
        "--query-endpoint",
        metavar="URL",
        help="where the store answers queries, when --endpoint only takes updates (Fuseki's /update)",
    )
    p.add_argument(
        "--user", default=os.environ.get("KGRAPH_SPARQL_USER"), help="account (HTTP Basic or Digest)"
    )
    p.add_argument(
        "--password",
        default=os.environ.get("KGRAPH_SPARQL_PASSWORD"),
        help="password (better: set KGRAPH_SPARQL_PASSWORD)",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="fail when the store does not answer a request within this time (default 30)",
    )
    p.add_argument("--quiet", action="store_true", help="print only errors")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..remote import push

    sent = [0, 0]  # graphs, triples

    def show(graphs: int, triples: int) -> None:
        sent[0] += graphs
        sent[1] += triples
        print(f"\r{sent[0]} graphs, {sent[1]} triples", end="", file=sys.stderr)

    try:
        report = push(
            args.graph,
            args.endpoint,
            user=args.user,
            password=args.password,
            graph_store=args.graph_store,
            progress=None if args.quiet else show,
            timeout=args.timeout,
            query_endpoint=args.query_endpoint,
        )
    finally:
        if sent[0]:
            print(file=sys.stderr)  # end the progress line, before a result or an error
    if not args.quiet:
        print(report.text())
    return 0
