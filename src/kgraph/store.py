"""Load a built graph from disk: Turtle, TriG, N-Triples, N-Quads or JSON-LD.

``load_graph`` gives the union of every named graph, which is what queries, the
network view and exports work on.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

from .errors import GraphFileError
from .namespaces import bind_prefixes

FORMAT_OF_SUFFIX = {
    ".ttl": "turtle",
    ".trig": "trig",
    ".nt": "nt",
    ".nq": "nquads",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
}


def load_graph(path: str | Path) -> Graph:
    """The union of all triples in a graph file; ``GraphFileError`` when unusable."""
    path = Path(path)
    if not path.is_file():
        raise GraphFileError(f"{path}: no such graph file (run 'kgraph build' first)")
    fmt = FORMAT_OF_SUFFIX.get(path.suffix.lower())
    if fmt is None:
        raise GraphFileError(f"{path}: unknown graph format (use .ttl, .trig, .nt, .nq or .jsonld)")
    dataset = Dataset()
    try:
        dataset.parse(path, format=fmt)
    except Exception as error:  # rdflib raises many kinds; all mean the same to a user
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise GraphFileError(f"{path}: not valid {fmt} ({first[:200]})") from None
    graph = Graph()
    bind_prefixes(graph)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph
