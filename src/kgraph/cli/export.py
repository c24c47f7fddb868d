"""``kgraph export GRAPH --format turtle|nt|trig|nquads|jsonld|graphml --out FILE``."""

from __future__ import annotations

import argparse
from pathlib import Path

#: The formats of ``kgraph.export.FORMATS`` (a test keeps them equal): importing that module
#: for the parser would cost every kgraph command rdflib's import (~0.07 s).
FORMATS = ("turtle", "nt", "trig", "nquads", "jsonld", "graphml")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "export",
        help="write a built graph in another format (named graphs kept)",
        description="Write a built graph (any format kgraph reads) as Turtle, N-Triples, TriG, N-Quads, "
        "JSON-LD or GraphML (the entity network, for Gephi, yEd or networkx). Same graph, same bytes.",
    )
    p.add_argument(
        "graph", metavar="GRAPH", help="a graph file written by kgraph build (.trig, .ttl, .nq, ...)"
    )
    p.add_argument(
        "--format",
        required=True,
        choices=FORMATS,
        help="turtle or nt (N-Triples, one sorted line per triple): the union of the article graphs; "
        "trig, nquads or jsonld: every named graph kept; graphml: entities and their relations with evidence",
    )
    p.add_argument("--out", required=True, metavar="FILE", help="the file to write (replaced atomically)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..export import export_file
    from ..files import write_file

    write_file(Path(args.out), export_file(args.graph, args.format))
    print(f"wrote {args.out} ({args.format})")
    return 0
