"""Dev-only: replay what ``build --store oxigraph:PATH`` does to an on-disk store, many times in
one process, to hunt a crash seen once in CI (a segfault inside ``bulk_extend`` while
``load_file`` reloaded a store that already held graphs; never reproduced since).

Each cycle: bulk-load a graph file into a fresh store (``bulk_load``, the union copy by
``bulk_extend`` of a generator, ``optimize``), close it; optionally fork a process pool (as
``build --workers 2`` does once RocksDB's threads run); reopen, drop graphs (writes left in the
memtable), reload the file into the now non-empty store (``bulk_extend`` of a list), close; then
check that the store holds exactly the file's quads. Run from the repo root:

    .venv/bin/kgraph build tests/data/corpus_small --out /tmp/soak --no-html --quiet --workers 1
    .venv/bin/python -X faulthandler dev/soak_oxigraph.py /tmp/soak/graph.nq [--cycles N] [--fork]

It exits 1 when a store differs from the file. To see the native frames of a crash, run it
under ``gdb -batch -ex run -ex 'thread apply all bt' --args .venv/bin/python dev/soak_oxigraph.py ...``.
"""

from __future__ import annotations

import argparse
import multiprocessing
import shutil
import sys
import tempfile
from pathlib import Path

import pyoxigraph as ox

from kgraph.store import OxigraphStore


def _double(number: int) -> int:
    return number * 2


def named_quads(path: Path) -> set[ox.Quad]:
    store = ox.Store.read_only(str(path))
    quads = set(store.quads_for_pattern(None, None, None))
    quads = {q for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)}  # not the union copy
    del store
    return quads


def cycle(graph: Path, fork: bool) -> bool:
    """One load, reopen and reload; whether the store ends up holding exactly the file's quads."""
    folder = Path(tempfile.mkdtemp(prefix="kgraph-soak-"))
    try:
        with OxigraphStore(folder / "db") as store:
            store.load_file(graph)  # empty store: the bulk loader
        expected = named_quads(folder / "db")
        if fork:
            with multiprocessing.get_context("fork").Pool(2) as pool:
                pool.map(_double, range(4))
        with OxigraphStore(folder / "db") as store:
            for name in store.graph_names()[::2]:
                store.drop_graph(name)
            store.load_file(graph)  # not empty: bulk_extend of a list, into a store just written
        return named_quads(folder / "db") == expected
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", type=Path, help="a graph.nq or graph.trig written by kgraph build")
    parser.add_argument("--cycles", type=int, default=50)
    parser.add_argument("--fork", action="store_true", help="fork a process pool between the two loads")
    args = parser.parse_args()
    for number in range(1, args.cycles + 1):
        if not cycle(args.graph, args.fork):
            print(f"cycle {number}: the reloaded store differs from {args.graph}", file=sys.stderr)
            return 1
        if number % 10 == 0:
            print(f"{number} cycles, no difference", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
