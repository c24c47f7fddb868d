"""``kgraph serve GRAPH|STORE [--port P] [--host H] [--timeout S] [--max-results N] [--cors ORIGIN]``."""

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
        help="a graph file written by 'kgraph build', oxigraph:PATH or sparql:URL (give a read-only account)",
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
    p.add_argument(
        "--workers", type=int, default=4, metavar="N", help="worker processes running queries (default: 4)"
    )
    p.add_argument("--memory", type=int, default=1024, metavar="MB", help="memory per query (default: 1024)")
    p.add_argument(
        "--max-query", type=int, default=32_768, metavar="BYTES", help="query size (default: 32768)"
    )
    p.add_argument(
        "--queue", type=int, default=256, metavar="N", help="queries waiting for a worker (default: 256)"
    )
    p.add_argument(
        "--cors", metavar="ORIGIN", help="let web pages from ORIGIN read answers (default: no other origin)"
    )
    p.add_argument(
        "--read-timeout", type=float, default=10.0, metavar="S", help="time to send a request (default: 10)"
    )
    p.add_argument("--verbose", action="store_true", help="log every request")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import InputError
    from ..serve import ServeOptions, serve

    numbers = {
        "--timeout": args.timeout,
        "--read-timeout": args.read_timeout,
        "--max-results": args.max_results,
        "--workers": args.workers,
        "--memory": args.memory,
        "--max-query": args.max_query,
        "--queue": args.queue,
    }
    for name, value in numbers.items():
        if value <= 0:
            raise InputError("serve", f"{name} must be positive", f"give {name} a number above 0")
    if not 0 <= args.port <= 65535:
        raise InputError(f"--port {args.port}", "is not a port", "give --port 1 to 65535 (0: a free one)")
    options = ServeOptions(
        host=args.host,
        port=args.port,
        timeout=args.timeout,
        max_results=args.max_results,
        workers=args.workers,
        verbose=args.verbose,
        cors=args.cors,
        queue=args.queue,
        memory_mb=args.memory,
        max_query=args.max_query,
        read_timeout=args.read_timeout,
    )
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(
            f"kgraph: warning: serving on {args.host}: other machines can query this graph", file=sys.stderr
        )

    def ready(url: str) -> None:
        print(f"SPARQL endpoint: {url}/sparql   query page: {url}/   (Ctrl-C stops)", flush=True)

    try:
        serve(args.graph, options, ready)
    except OSError as error:
        raise InputError(f"{args.host}:{args.port}", f"cannot listen ({error.strerror})") from None
    except KeyboardInterrupt:
        pass
    return 0
