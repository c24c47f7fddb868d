"""``kgraph explain ARTICLE``: the mentions, relations and drops the rules made of one article."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "explain",
        help="show what the extractor read from one article, rule by rule",
        description="Show one article's sentences with the mentions found, each relation with the "
        "rule that made it and its evidence sentence, and what the rules dropped and why.",
    )
    p.add_argument("article", metavar="ARTICLE", help="an article file (.txt, .md, .html)")
    p.add_argument("--html", metavar="FILE.html", help="write a page with the mentions highlighted by class")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..explain import explain_file, render_html, render_text
    from ..files import write_file

    path = Path(args.article)
    result = explain_file(path)
    if args.html:
        write_file(Path(args.html), render_html(result, path.as_posix()).encode("utf-8"), "--html")
        print(f"wrote {args.html}")
    else:
        sys.stdout.write(render_text(result, path.as_posix()))
    return 0
