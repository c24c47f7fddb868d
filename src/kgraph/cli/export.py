"""``kgraph export GRAPH --format turtle|nt|trig|nquads|jsonld|graphml --out FILE``."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from ..export import FORMATS

    p = sub.add_parser("export", help="write a built graph in another format (named graphs kept)")
    p.add_argument("graph", metavar="GRAPH")
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("--out", required=True, metavar="FILE")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..export import export_file
    from ..files import write_atomic

    write_atomic(Path(args.out), export_file(args.graph, args.format))
    print(f"wrote {args.out} ({args.format})")
    return 0
