"""The Python API: build a graph from articles, write it, query it.

    import kgraph
    result = kgraph.build(["examples/"])          # BuildResult: dataset, articles, skipped
    report = kgraph.build_to(["examples/"], "output")   # also writes graph.ttl/.trig/.html
    rows = kgraph.query("output/graph.ttl", "people-posts")
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from .export import to_trig, to_turtle
from .pipeline import BuildResult, build, summarize, write_atomic
from .query import Table, resolve_query, run_query
from .store import load_graph


@dataclass
class Report:
    """What ``build_to`` wrote and found."""

    result: BuildResult
    outputs: dict[str, Path]
    summary: dict[str, dict[str, int]]

    def text(self) -> str:
        lines = [f"articles: {len(self.result.articles)} built, {len(self.result.skipped)} skipped"]
        ents = self.summary["entities"]
        lines.append(f"entities: {sum(ents.values())}")
        lines += [f"  {name:24} {count}" for name, count in sorted(ents.items())]
        rels = self.summary["relations"]
        lines.append(f"relations: {sum(rels.values())}")
        lines += [f"  {name:24} {count}" for name, count in sorted(rels.items())]
        if self.result.warnings:
            lines.append(f"warnings: {len(self.result.warnings)}")
            lines += [f"  {w}" for w in self.result.warnings[:20]]
        for path, why in self.result.skipped:
            lines.append(f"skipped: {path}: {why}")
        for kind, path in self.outputs.items():
            lines.append(f"{kind}: {path}")
        return "\n".join(lines)


def build_to(paths: Iterable[str | Path], out: str | Path, html: bool = True) -> Report:
    """Build the graph of ``paths`` and write ``graph.ttl``, ``graph.trig`` and ``graph.html`` in ``out``.

    Nothing is written when no article could be used.
    """
    out = Path(out)
    result = build(paths)
    outputs: dict[str, Path] = {}
    union = result.union()
    if result.articles:
        outputs["turtle"] = out / "graph.ttl"
        write_atomic(outputs["turtle"], to_turtle(union))
        outputs["trig"] = out / "graph.trig"
        write_atomic(outputs["trig"], to_trig(result.dataset))
        if html:
            from .visualize import render_html

            outputs["html"] = out / "graph.html"
            write_atomic(outputs["html"], render_html(union).encode("utf-8"))
    summary = {k: dict(v) for k, v in summarize(union).items()}
    return Report(result, outputs, summary)


def query(graph: str | Path | Graph, text: str) -> Table:
    """Run a SPARQL query (text or ready-made query name) over a graph or graph file."""
    if not isinstance(graph, Graph):
        graph = load_graph(graph)
    return run_query(graph, resolve_query(text, None))
