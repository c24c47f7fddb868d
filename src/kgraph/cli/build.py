"""``kgraph build PATH... --out DIR``: build the graph, write Turtle, TriG and HTML, summarise."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import InputError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("build", help="build a knowledge graph from article files or folders")
    p.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .html or .md files, or folders of them")
    p.add_argument("--out", default="output", metavar="DIR", help="output folder (default: output)")
    p.add_argument("--no-html", action="store_true", help="skip the HTML network page")
    p.add_argument("--quiet", action="store_true", help="print only errors")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..api import build_to

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise InputError(out, "is a file, not a folder", "give --out a folder")
    report = build_to(args.paths, out, html=not args.no_html)
    if not args.quiet:
        print(report.text())
    for path, why in report.result.skipped:
        print(f"kgraph: warning: skipped {path}: {why}", file=sys.stderr)
    if not report.result.articles:
        print("kgraph: error: no article could be used; nothing written", file=sys.stderr)
        return 1
    return 2 if report.result.skipped else 0
