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

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from .cache import Cache, Entry, Manifest, make_entry
from .lines import nquads, summarize_lines, trig, turtle
from .pipeline import BuildResult, Shard, build, merge, write_atomic
from .query import Table, resolve_query, run_query
from .store import load_graph

#: The files ``build_to`` writes, by kind.
OUTPUT_NAMES = {"turtle": "graph.ttl", "trig": "graph.trig", "nquads": "graph.nq", "html": "graph.html"}


@dataclass
class Report:
    """What ``build_to`` wrote and found."""

    result: BuildResult
    outputs: dict[str, Path]
    summary: dict[str, dict[str, int]]
    up_to_date: bool = False  # nothing changed since the last build: nothing was rewritten
    removed: list[str] = field(default_factory=list)  # articles of the last build that are gone
    triples: int = 0

    def text(self) -> str:
        lines = [f"articles: {len(self.result.articles)} built, {len(self.result.skipped)} skipped"]
        reused = len(self.result.graphs) - self.result.extracted
        if reused or self.removed:
            extracted, removed = self.result.extracted, len(self.removed)
            lines.append(f"incremental: {extracted} extracted, {reused} unchanged, {removed} removed")
        ents = self.summary.get("entities", {})
        lines.append(f"entities: {sum(ents.values())}")
        lines += [f"  {name:24} {count}" for name, count in sorted(ents.items())]
        rels = self.summary.get("relations", {})
        lines.append(f"relations: {sum(rels.values())}")
        lines += [f"  {name:24} {count}" for name, count in sorted(rels.items())]
        if self.triples:
            lines.append(f"triples: {self.triples}")
        if self.result.warnings:
            lines.append(f"warnings: {len(self.result.warnings)}")
            lines += [f"  {w}" for w in self.result.warnings[:20]]
        for path, why in self.result.skipped:
            lines.append(f"skipped: {path}: {why}")
        if self.up_to_date:
            lines.append("up to date: no article changed, outputs left as they were")
        for kind, written in self.outputs.items():
            lines.append(f"{kind}: {written}")
        return "\n".join(lines)


def _stat(paths: Iterable[Path]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            continue
        found[path.name] = [info.st_size, info.st_mtime_ns]
    return found


def build_to(
    paths: Iterable[str | Path],
    out: str | Path,
    html: bool = True,
    *,
    workers: int = 1,
    shard: Shard | None = None,
    incremental: bool = True,
    merge_folders: bool = False,
    progress: Callable[[Path], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> Report:
    """Build the graph of ``paths``; write ``graph.ttl``, ``.trig``, ``.nq`` and ``.html`` in ``out``.

    ``workers`` processes extract in parallel (same output whatever their number);
    ``shard=(i, n)`` builds the i-th of n slices; ``incremental`` reuses ``out``'s cache;
    ``merge_folders`` treats ``paths`` as build folders (shards) to merge instead of articles.
    Nothing is written when no article could be used.
    """
    out = Path(out)
    cache = Cache(out) if incremental or merge_folders else None
    if merge_folders:
        result = merge(paths)
    else:
        result = build(paths, progress, workers=workers, shard=shard, cache=cache, on_total=on_total)
    shard_text = f"{shard[0]}/{shard[1]}" if shard else ""
    report = Report(result, {}, {})
    if cache is not None:
        report.removed = sorted(set(cache.previous.entries) - set(result.articles))
    if not result.articles:
        if shard is not None and not result.skipped and cache is not None:
            cache.save(Manifest(cache.fingerprint, shard=shard_text))  # an empty slice is still a shard
        return report
    kinds = [kind for kind in OUTPUT_NAMES if html or kind != "html"]
    outputs = {kind: out / OUTPUT_NAMES[kind] for kind in kinds}
    report.outputs = outputs
    entries: dict[str, Entry] = {
        g.source: make_entry(g.source, g.digest, g.graph, g.text, g.warnings)
        for g in result.graphs
        if g.digest
    }
    skipped = {
        source: (result.skipped_digests.get(source, ""), why)
        for source, why in result.skipped
        if result.skipped_digests.get(source)
    }
    if (
        cache is not None
        and not merge_folders
        and result.extracted == 0
        and cache.previous.entries == entries
        and cache.previous.skipped == skipped
        and cache.previous.shard == shard_text
        and cache.previous.summary
        and cache.previous.outputs == _stat(outputs.values())
    ):
        report.up_to_date = True
        previous = cache.previous.summary
        report.summary = {k: previous.get(k, {}) for k in ("entities", "relations")}
        report.triples = sum(previous.get("triples", {}).values())
        return report
    named = result.named_lines()
    union = result.union_lines()
    write_atomic(outputs["nquads"], nquads(named))
    write_atomic(outputs["turtle"], turtle(union))
    write_atomic(outputs["trig"], trig(named))
    if html:
        from .visualize import render_html

        write_atomic(outputs["html"], render_html(result.union()).encode("utf-8"))
    report.summary = {k: dict(v) for k, v in summarize_lines(union).items()}
    report.triples = len(union)
    if cache is not None:
        for article in result.graphs:
            if article.source in entries:
                cache.store(entries[article.source], article.text)
        summary = dict(report.summary, triples={"union": report.triples})
        stats = _stat(outputs.values())
        cache.save(Manifest(cache.fingerprint, entries, stats, summary, shard_text, skipped))
    return report


def query(graph: str | Path | Graph, text: str) -> Table:
    """Run a SPARQL query (text or ready-made query name) over a graph or graph file."""
    if not isinstance(graph, Graph):
        graph = load_graph(graph)
    return run_query(graph, resolve_query(text, None))
