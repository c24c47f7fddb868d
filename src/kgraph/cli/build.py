"""``kgraph build PATH... --out DIR``: build the graph, write Turtle, TriG, N-Quads and HTML, summarise.

Checks the arguments, gathers them into one ``BuildSettings``, shows a progress bar when
asked (or when stderr is a terminal) and calls ``kgraph.pipeline.run``, which does the work.
"""

from __future__ import annotations

import argparse
import gc
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..settings import DEFAULT_ARTICLE_TIMEOUT, BuildHooks, BuildSettings
from .progress import ProgressLines, next_steps


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("build", help="build a knowledge graph from article files or folders")
    p.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .html or .md files, or folders of them")
    p.add_argument("--out", default="output", metavar="DIR", help="output folder (default: output)")
    p.add_argument("--no-html", action="store_true", help="skip the HTML network page")
    p.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    p.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="worker processes extracting articles (default: the machine's cores)",
    )
    p.add_argument(
        "--shard",
        metavar="I/N",
        help="build only slice I of N (0 <= I < N, by a stable hash of each file's path); merge with --merge",
    )
    p.add_argument(
        "--merge",
        action="store_true",
        help="PATHs are build folders (e.g. shards): write their union to --out",
    )
    p.add_argument(
        "--store",
        metavar="SPEC",
        help="also mirror the graph in a store: oxigraph:PATH (on disk, for 'kgraph query') or sparql:URL",
    )
    p.add_argument("--no-cache", action="store_true", help="ignore and do not update OUT/.kgraph-cache")
    p.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="extract as Dask tasks on the scheduler at ADDRESS (tcp://host:8786); needs kgraph[dask]",
    )
    p.add_argument(
        "--article-timeout",
        type=float,
        default=DEFAULT_ARTICLE_TIMEOUT,
        metavar="SECONDS",
        help=f"skip an article taking longer (+ as much per MB; default {DEFAULT_ARTICLE_TIMEOUT:g}; 0 none)",
    )
    p.add_argument(
        "--progress", action="store_true", help="show a progress bar even when stderr is not a terminal"
    )
    p.set_defaults(func=run)


class ProgressBar(BuildHooks):
    """A tqdm bar on stderr: articles done, articles/s, then the stage after extraction."""

    def __init__(self) -> None:
        self.bar: Any = None

    def on_total(self, total: int) -> None:
        from tqdm import tqdm

        tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked after this
        self.bar = tqdm(total=total, unit="article", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)

    def progress(self, _: Path) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def on_stage(self, stage: str) -> None:
        if self.bar is not None:
            self.bar.set_postfix_str(stage)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def settings_of(args: argparse.Namespace) -> BuildSettings:
    """The ``BuildSettings`` the arguments ask for, checked."""
    from ..pipeline import parse_shard

    if args.workers < 1:
        raise InputError(args.workers, "is not a number of workers", "give --workers 1 or more")
    if args.article_timeout < 0:
        raise InputError(
            args.article_timeout, "is not a time limit", "give --article-timeout 0 (none) or more"
        )
    if args.merge and args.shard:
        raise InputError("--shard", "cannot be combined with --merge", "build the shards, then merge them")
    if args.merge and args.no_cache:
        raise InputError("--no-cache", "cannot be combined with --merge", "merging reads the shards' caches")
    return BuildSettings(
        html=not args.no_html,
        workers=args.workers,
        shard=parse_shard(args.shard) if args.shard else None,
        incremental=not args.no_cache,
        merge_folders=args.merge,
        store=args.store,
        dask=args.dask,
        article_timeout=args.article_timeout,
    )


@contextmanager
def _stop_cleanly() -> Iterator[None]:
    """SIGTERM unwinds like Ctrl-C (temporary files removed, outputs left as they were); a
    file-size limit (``ulimit -f``) makes writes fail with EFBIG instead of killing the process."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = {signal.SIGTERM: signal.signal(signal.SIGTERM, interrupt)}
    if hasattr(signal, "SIGXFSZ"):
        previous[signal.SIGXFSZ] = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _collect_less() -> None:
    """The collector's young objects are collected every 100,000 allocations instead of 700: its
    passes were about a tenth of the CPU of a 100-article build; at every 10,000 allocations still
    13 passes and 0.07 CPU s, and 0.38 s for 1,000 articles (0.17 s at 100,000, the same peak
    memory). Set before the pipeline's modules are imported (at 700, ~27 passes, ~4 ms)."""
    gc.set_threshold(100_000, 10, 10)


def _freeze() -> None:
    """The objects made so far (modules, classes) live as long as the process: the cyclic
    collector stops scanning them (``gc.freeze``, also sparing forked workers' copies)."""
    gc.freeze()


def run(args: argparse.Namespace) -> int:
    _collect_less()
    from ..files import printable_path
    from ..pipeline import run as run_build

    _freeze()

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise InputError(out, "is a file, not a folder", "give --out a folder")
    settings = settings_of(args)
    show = not args.quiet and (args.progress or sys.stderr.isatty())
    bar: ProgressBar | ProgressLines | None = (
        ProgressBar() if show else None if args.quiet else ProgressLines()  # lines in logs
    )
    hooks: BuildHooks = bar or BuildHooks()
    try:
        with _stop_cleanly():
            report = run_build(args.paths, out, settings, hooks)
    finally:
        if bar is not None:
            bar.close()
    if not args.quiet:
        print(report.text() + ("\n" + next_steps(out, not args.no_html) if report.result.articles else ""))
    for path, why in report.result.skipped:
        print(f"kgraph: warning: skipped {printable_path(path)}: {printable_path(why)}", file=sys.stderr)
    if not report.result.articles:
        if settings.shard is not None and not report.result.skipped:
            print(f"kgraph: shard {args.shard} holds no article; nothing to build", file=sys.stderr)
            return 0
        print("kgraph: error: no article could be used; nothing written", file=sys.stderr)
        return 1
    return 2 if report.result.skipped else 0
