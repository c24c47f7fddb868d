"""The ``kgraph`` command line: argument parsing only; each command lives in its own module.

A command module defines ``register(subparsers)``, which adds its parser and sets
``func(args) -> int``. ``KgraphError`` becomes one line on stderr and exit code 1; Ctrl-C
exits 130 and a reader that closed the pipe (``kgraph query … | head``) 141, quietly.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import NoReturn

from ..errors import KgraphError

#: Command modules, in the order ``kgraph --help`` lists them.
COMMANDS = ("build", "query", "export", "viz", "report", "evaluate", "serve", "push", "explain")


class Parser(argparse.ArgumentParser):
    """argparse, but a bad argument exits 1 as every other bad input does: argparse's 2 is
    ``build``'s "some articles skipped", which a script would take for a partial success."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(1, f"{self.prog}: error: {message}\n")


def make_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser of ``argv``: when it names a command, with only that command's parser (the
    others' cost ~4 ms of start-up and take no part in parsing it); else with every command's."""
    parser = Parser(
        prog="kgraph", description="Knowledge graphs from Vietnamese political and administrative news."
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    named = argv[0] if argv else None
    for name in (named,) if named in COMMANDS else COMMANDS:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as error:
            if error.name == f"{__name__}.{name}":
                continue  # a command not shipped in this build
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run kgraph with ``argv``; return the exit code."""
    argv = sys.argv[1:] if argv is None else argv
    args = make_parser(argv).parse_args(argv)
    try:
        code = int(args.func(args))
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return code
    except BrokenPipeError:
        _drop_stdout()
        return 141  # 128 + SIGPIPE, as a shell reports a command the pipe stopped
    except KgraphError as error:
        print(f"kgraph: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("kgraph: interrupted; outputs left as they were", file=sys.stderr)
        return 130


def _drop_stdout() -> None:
    """Point stdout at /dev/null, so that Python's last flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # not a file descriptor (a test's captured stdout)
        pass


def run() -> None:
    """Console-script entry point."""
    # the page's layout imports numpy and makes no BLAS call: OpenBLAS would start a thread per core
    # at that import (about 30 ms of CPU, a fiftieth of a 100-article build); a user's setting wins
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    sys.exit(main())
