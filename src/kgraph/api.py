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
from .files import printable_path, write_atomic
from .lines import nquads, one_pref_label, one_pref_label_graphs, summarize_lines, trig, turtle
from .pipeline import BuildResult, Shard, build, merge
from .sparql import Table, resolve_query, run_query
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
    store: str = ""  # the store updated, and how

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
            lines.append(f"skipped: {printable_path(path)}: {printable_path(why)}")
        if self.up_to_date:
            lines.append("up to date: no article changed, outputs left as they were")
        for kind, written in self.outputs.items():
            lines.append(f"{kind}: {written}")
        if self.store:
            lines.append(f"store: {self.store}")
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
    store: str | None = None,
    on_stage: Callable[[str], None] | None = None,
) -> Report:
    """Build the graph of ``paths``; write ``graph.ttl``, ``.trig``, ``.nq`` and ``.html`` in ``out``.

    ``workers`` processes extract in parallel (same output whatever their number);
    ``shard=(i, n)`` builds the i-th of n slices; ``incremental`` reuses ``out``'s cache;
    ``merge_folders`` treats ``paths`` as build folders (shards) to merge instead of articles;
    ``store`` (``oxigraph:PATH`` or ``sparql:URL``) is made to mirror the build.
    ``on_total``, ``progress`` and ``on_stage`` hear the article count, each finished
    article, and the stage after extraction ("writing", "store"), for a progress display.
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
    previous = cache.previous if cache is not None else Manifest("")
    report.up_to_date = (
        cache is not None
        and not merge_folders
        and result.extracted == 0
        and previous.entries == entries
        and previous.skipped == skipped
        and previous.shard == shard_text
        and bool(previous.summary)
        and previous.outputs == _stat(outputs.values())
    )
    if report.up_to_date:
        report.summary = {k: previous.summary.get(k, {}) for k in ("entities", "relations")}
        report.triples = sum(previous.summary.get("triples", {}).values())
        summary = previous.summary
    else:
        if on_stage is not None:
            on_stage("writing")
        named = one_pref_label_graphs(result.named_lines())  # one skos:prefLabel in every union view
        union = one_pref_label(sorted({line for _, lines in named for line in lines}))  # shared strings
        write_atomic(outputs["nquads"], nquads(named))
        write_atomic(outputs["turtle"], turtle(union))
        write_atomic(outputs["trig"], trig(named))
        if html:
            from .visualize import render_html

            write_atomic(outputs["html"], render_html(result.union()).encode("utf-8"))
        report.summary = {k: dict(v) for k, v in summarize_lines(union).items()}
        report.triples = len(union)
        summary = dict(report.summary, triples={"union": report.triples})
    if store is not None:  # even when up to date: the store may have been deleted or changed
        if on_stage is not None:
            on_stage("store")
        state_file = cache.root / "store-state.json" if cache is not None else None
        report.store = sync_store(store, result, state_file, outputs["nquads"])
    if cache is not None and not (report.up_to_date and previous.store == (store or previous.store)):
        for article in result.graphs:
            if article.source in entries:
                cache.store(entries[article.source], article.text)
        stats = _stat(outputs.values())
        cache.save(Manifest(cache.fingerprint, entries, stats, summary, shard_text, skipped, store or ""))
    return report


def sync_store(spec: str, result: BuildResult, state_file: Path | None, nquads_file: Path) -> str:
    """Make the store ``spec`` mirror this build (see ``kgraph.store.mirror``); '' when it did.

    ``state_file`` keeps the record of what a store without a folder of its own (``sparql:``)
    mirrors; an Oxigraph store keeps it in its folder.
    """
    from .store import mirror, open_store

    with open_store(spec) as store:
        if store.state_file is None:
            store.state_file = state_file
        why, replaced, dropped = mirror(store, one_pref_label_graphs(result.named_lines()), nquads_file)
    if not (why or replaced or dropped):
        return ""
    done = f"{spec} ({replaced} article graphs replaced, {dropped} dropped)"
    return f"{done}: {why}" if why else done


def query(graph: str | Path | Graph, text: str) -> Table:
    """Run a SPARQL query (text or ready-made query name) over a graph or graph file."""
    if not isinstance(graph, Graph):
        graph = load_graph(graph)
    return run_query(graph, resolve_query(text, None))
