"""The Python API: build a graph from articles, write it, query it.

    import kgraph
    result = kgraph.build(["examples/"])          # BuildResult: dataset, articles, skipped
    report = kgraph.build_to(["examples/"], "output")   # also writes graph.ttl/.trig/.nq/.html
    rows = kgraph.query("output/graph.ttl", "people-posts")

``build_to`` keeps an incremental cache in ``OUT/.kgraph-cache`` (see ``kgraph.cache``):
a rebuild extracts only new or changed articles, drops deleted ones, and rewrites nothing
when nothing changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rdflib import Graph

from .outputs import OUTPUT_NAMES, Report
from .pipeline import run
from .settings import BuildHooks, BuildSettings
from .sparql import Table, resolve_query, run_query
from .store import load_graph

__all__ = ["OUTPUT_NAMES", "BuildSettings", "Report", "build_to", "query"]


def build_to(
    paths: Iterable[str | Path],
    out: str | Path,
    settings: BuildSettings | None = None,
    hooks: BuildHooks | None = None,
    **options: Any,
) -> Report:
    """Build the graph of ``paths``; write ``graph.ttl``, ``.trig``, ``.nq`` and ``.html`` in ``out``.

    ``settings`` (or its fields as keyword ``options``: ``html``, ``workers``, ``shard``,
    ``incremental``, ``merge_folders``, ``store``, ``dask``, ``article_timeout``) say how;
    ``hooks`` (a ``BuildHooks``) hear the progress. Nothing is written when no article
    could be used. See ``kgraph.pipeline.run``.
    """
    return run(paths, out, settings or BuildSettings(**options), hooks)


def query(graph: str | Path | Graph, text: str) -> Table:
    """Run a SPARQL query (text or ready-made query name) over a graph or graph file."""
    if not isinstance(graph, Graph):
        graph = load_graph(graph)
    return run_query(graph, resolve_query(text, None))
