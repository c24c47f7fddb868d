"""The write step of a build: the output set, the store it mirrors, the cache's manifest.

``write_build`` takes what ``pipeline.build`` produced and writes ``graph.ttl``,
``graph.trig``, ``graph.nq`` (and ``graph.html``) as one set (``files.OutputSet``: staged,
then swapped in together), unless nothing changed since the last build; then makes the
store mirror the build, and saves the cache manifest last (so an interrupted build leaves
a cache that is still right about what it holds).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import Cache, Entry, Manifest, make_entry
from .files import OutputSet, printable_path, recover, write_atomic
from .lines import TermWriter, nquads, one_pref_label_graphs, summarize_lines, trig, turtle
from .results import BuildResult
from .settings import BuildHooks, BuildSettings

if TYPE_CHECKING:
    pass

#: The files a build writes, by kind.
OUTPUT_NAMES = {"turtle": "graph.ttl", "trig": "graph.trig", "nquads": "graph.nq", "html": "graph.html"}


@dataclass
class Report:
    """What a build wrote and found."""

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
        for title, key in (("entities", "entities"), ("relations", "relations")):
            counts = self.summary.get(key, {})
            lines.append(f"{title}: {sum(counts.values())}")
            lines += [f"  {name:24} {count}" for name, count in sorted(counts.items())]
        if self.triples:
            lines.append(f"triples: {self.triples}")
        if self.result.warnings:
            lines.append(f"warnings: {len(self.result.warnings)}")
            lines += [f"  {printable_path(w)}" for w in self.result.warnings[:20]]
        for path, why in self.result.skipped:
            lines.append(f"skipped: {printable_path(path)}: {printable_path(why)}")
        if self.up_to_date:
            lines.append("up to date: no article changed, outputs left as they were")
        for kind, written in self.outputs.items():
            lines.append(f"{kind}: {printable_path(written)}")
        if self.store:
            lines.append(f"store: {self.store}")
        return "\n".join(lines)


def stat_outputs(paths: Iterable[Path]) -> dict[str, list[int]]:
    """File name -> [size, mtime_ns] of the outputs that exist (what the up-to-date check compares)."""
    found: dict[str, list[int]] = {}
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            continue
        found[path.name] = [info.st_size, info.st_mtime_ns]
    return found


def _entries(result: BuildResult) -> tuple[dict[str, Entry], dict[str, tuple[str, str]]]:
    """The cache entries of the built articles, and the skipped ones worth remembering."""
    entries = {
        g.source: make_entry(g.source, g.digest, g.graph, g.text, g.warnings)
        for g in result.graphs
        if g.digest
    }
    skipped = {
        source: (result.skipped_digests[source], why)
        for source, why in result.skipped
        if result.skipped_digests.get(source)
    }
    return entries, skipped


def write_build(
    result: BuildResult, out: Path, settings: BuildSettings, cache: Cache | None, hooks: BuildHooks
) -> Report:
    """Write the outputs of ``result`` into ``out`` (unless up to date), mirror the store, save the cache."""
    report = Report(result, {}, {})
    previous = cache.previous if cache is not None else Manifest("")
    if cache is not None:
        report.removed = sorted(set(previous.entries) - set(result.articles))
    if not result.articles:
        if settings.shard is not None and not result.skipped and cache is not None:
            recover(out)
            cache.save(Manifest(cache.fingerprint, shard=settings.shard_text))  # an empty slice is a shard
        return report
    recover(out)  # an output set an interrupted build left half-installed is finished first
    kinds = [kind for kind in OUTPUT_NAMES if settings.html or kind != "html"]
    report.outputs = {kind: out / OUTPUT_NAMES[kind] for kind in kinds}
    entries, skipped = _entries(result)
    report.up_to_date = (
        cache is not None
        and not settings.merge_folders
        and result.extracted == 0
        and previous.entries == entries
        and previous.skipped == skipped
        and previous.shard == settings.shard_text
        and bool(previous.summary)
        and previous.outputs == stat_outputs(report.outputs.values())
    )
    if report.up_to_date:
        report.summary = {k: previous.summary.get(k, {}) for k in ("entities", "relations")}
        report.triples = sum(previous.summary.get("triples", {}).values())
        summary = previous.summary
    else:
        hooks.on_stage("writing")
        summary = write_outputs(result, out, kinds, report)
    store = settings.store
    if store is not None:  # even when up to date: the store may have been deleted or changed
        hooks.on_stage("store")
        state_file = cache.root / "store-state.json" if cache is not None else None
        report.store = sync_store(store, result, state_file, out / OUTPUT_NAMES["nquads"])
    if cache is not None and not (report.up_to_date and previous.store == (store or previous.store)):
        for article in result.graphs:
            if article.source in entries:
                cache.store(entries[article.source], article.text)
        stats = stat_outputs(report.outputs.values())
        cache.save(
            Manifest(cache.fingerprint, entries, stats, summary, settings.shard_text, skipped, store or "")
        )
    return report


def write_outputs(
    result: BuildResult, out: Path, kinds: list[str], report: Report
) -> dict[str, dict[str, int]]:
    """Write the output set (swapped in together); fill ``report``'s summary; return the cached summary."""
    written = result.named_lines()
    named = one_pref_label_graphs(written)  # one skos:prefLabel in every union view
    union = sorted({line for _, lines in named for line in lines})  # shared strings; already one prefLabel
    with OutputSet(out) as output:
        write_atomic(output.path(OUTPUT_NAMES["nquads"]), nquads(named))
        writer = TermWriter()  # the two files spell the same terms: each is spelled once
        write_atomic(output.path(OUTPUT_NAMES["turtle"]), turtle(union, writer))
        write_atomic(output.path(OUTPUT_NAMES["trig"]), trig(named, writer))
        if "html" in kinds:
            from .facts import Facts
            from .visualize import render_html_bytes

            # the page reads the union of the articles' own lines (every label they gave)
            page = render_html_bytes(Facts.from_lines({line for _, lines in written for line in lines}))
            write_atomic(output.path(OUTPUT_NAMES["html"]), page)
        output.commit(stale=[OUTPUT_NAMES[kind] for kind in OUTPUT_NAMES if kind not in kinds])
    report.summary = {k: dict(v) for k, v in summarize_lines(union).items()}
    report.triples = len(union)
    return dict(report.summary, triples={"union": report.triples})


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
