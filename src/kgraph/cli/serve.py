"""``kgraph serve GRAPH|STORE [--port P] [--host H] [--timeout S] [--max-results N]``."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "serve", help="serve a graph or store as a read-only SPARQL endpoint with a query page"
    )
    p.add_argument(
        "graph",
        metavar="GRAPH|STORE",
        help="a graph file written by 'kgraph build', oxigraph:PATH or sparql:URL",
    )
    p.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)"
    )
    p.add_argument("--port", type=int, default=7878, help="port (default: 7878; 0 picks a free one)")
    p.add_argument(
        "--timeout", type=float, default=30.0, metavar="S", help="time limit per query (default: 30)"
    )
    p.add_argument(
        "--max-results",
        type=int,
        default=10_000,
        metavar="N",
        help="rows or triples per result (default: 10000)",
    )
    p.add_argument("--workers", type=int, default=4, metavar="N", help="queries running at once (default: 4)")
    p.add_argument("--verbose", action="store_true", help="log every request")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import InputError
    from ..serve import ServeOptions, serve
    from ..store import open_store

    if args.timeout <= 0 or args.max_results <= 0 or args.workers <= 0:
        raise InputError("serve", "--timeout, --max-results and --workers must be positive")
    options = ServeOptions(args.host, args.port, args.timeout, args.max_results, args.workers, args.verbose)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(
            f"kgraph: warning: serving on {args.host}: other machines can query this graph", file=sys.stderr
        )

    def ready(url: str) -> None:
        print(f"SPARQL endpoint: {url}/sparql   query page: {url}/   (Ctrl-C stops)", flush=True)

    with open_store(args.graph, read_only=True) as store:
        try:
            serve(store, options, ready)
        except OSError as error:
            raise InputError(f"{args.host}:{args.port}", f"cannot listen ({error.strerror})") from None
    return 0
