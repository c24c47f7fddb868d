"""What a build produced: each article's graph as sorted N-Triples lines, and their union.

An article's graph travels as its sorted N-Triples lines (``ArticleGraph``): small to
send between processes, cheap to cache on disk, and enough to write every output without
rdflib (see ``kgraph.lines``). The rdflib ``Dataset`` is made from them only when asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .lines import SHARED_GRAPH, add_lines, ontology_lines
from .namespaces import bind_prefixes

if TYPE_CHECKING:  # made only when asked for: a build writes its outputs without rdflib
    from rdflib import Dataset, Graph


@dataclass(frozen=True)
class ArticleGraph:
    """One usable article's graph as sorted distinct N-Triples lines, with its origin."""

    source: str  # the path as given, posix form
    digest: str  # SHA-256 of the file's bytes ('' when unknown)
    graph: str  # the article IRI, naming its graph
    text: str  # the N-Triples lines, each ending in a line break
    warnings: tuple[str, ...] = ()
    cached: bool = False  # taken from the incremental cache, not extracted in this run

    def lines(self) -> list[str]:
        return self.text.split("\n")[:-1]  # only line feeds end lines (a U+2028 in a literal does not)


def sorted_distinct(lines: list[str]) -> list[str]:
    """``sorted(set(lines))``; distinct lines are sorted as they are: an article's lines come
    sorted, and sorting them again only checks their order (a set loses it: 2.4 -> 0.6 ms for
    the 11,500 lines of 100 articles)."""
    distinct = set(lines)
    return sorted(lines) if len(distinct) == len(lines) else sorted(distinct)


def _joined(parts: list[list[str]]) -> list[str]:
    """The sorted distinct lines of one graph's ``parts`` (one per file of its text: joining them one
    by one copied the lines gathered so far each time, quadratic in a folder of many copies)."""
    return sorted_distinct(parts[0]) if len(parts) == 1 else sorted(set().union(*parts))


class BuildResult:
    """What a build produced: the per-article graphs (and the dataset they make) plus a summary's needs."""

    def __init__(
        self,
        dataset: Dataset | None = None,
        articles: list[str] | None = None,
        skipped: list[tuple[str, str]] | None = None,
        warnings: list[str] | None = None,
        graphs: list[ArticleGraph] | None = None,
    ) -> None:
        self._dataset = dataset
        self.articles: list[str] = articles if articles is not None else []
        self.skipped: list[tuple[str, str]] = skipped if skipped is not None else []  # (path, why)
        self.warnings: list[str] = warnings if warnings is not None else []
        self.graphs: list[ArticleGraph] = graphs if graphs is not None else []
        self.skipped_digests: dict[str, str] = {}  # source -> SHA-256 of the skipped file's bytes

    def __repr__(self) -> str:
        counts = f"articles={len(self.articles)}, skipped={len(self.skipped)}, extracted={self.extracted}"
        return f"BuildResult({counts})"

    @property
    def extracted(self) -> int:
        """Articles extracted in this run (the others came from the cache)."""
        return sum(1 for g in self.graphs if not g.cached)

    @property
    def dataset(self) -> Dataset:
        """One named graph per article (made from the lines on first use)."""
        if self._dataset is None:
            from rdflib import Dataset, URIRef

            dataset = Dataset()
            bind_prefixes(dataset)
            for name, lines in self.named_lines():
                add_lines(dataset.graph(URIRef(name)), lines)
            self._dataset = dataset
        return self._dataset

    def named_lines(self) -> list[tuple[str, list[str]]]:
        """``(graph IRI, sorted distinct lines)`` per named graph, sorted by IRI.

        Two files with the same text are the same article: their lines share one graph.
        The ontology's class hierarchy is the shared graph (when there is any article).
        """
        by_name: dict[str, list[list[str]]] = {}
        for article in self.graphs:  # the files of one text are gathered, then joined once
            by_name.setdefault(article.graph, []).append(article.lines())
        if by_name:
            by_name[SHARED_GRAPH] = [list(ontology_lines())]
        return [(name, _joined(parts)) for name, parts in sorted(by_name.items())]

    def union_lines(self) -> list[str]:
        """The distinct N-Triples lines of all articles and the ontology's class hierarchy, sorted."""
        lines: set[str] = set()
        for article in self.graphs:
            lines.update(article.lines())
        if lines:
            lines.update(ontology_lines())
        return sorted(lines)

    def union(self, store: str = "default") -> Graph:
        """All triples of all articles in one graph (``store``: an rdflib store plugin;
        ``SimpleMemory`` loads and answers without named-graph bookkeeping in about half the
        time). A build's page reads the lines themselves (``kgraph.facts``)."""
        from rdflib import Graph

        graph = Graph(store=store)
        bind_prefixes(graph)
        if self._dataset is not None:
            for quad in self._dataset.quads((None, None, None, None)):
                graph.add(quad[:3])
        elif self.graphs:
            add_lines(graph, self.union_lines())
        return graph
