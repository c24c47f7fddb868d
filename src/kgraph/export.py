"""Serialise graphs deterministically: Turtle first, also N-Triples, TriG, JSON-LD, GraphML.

Same graph, same bytes: kgraph writes no blank nodes and rdflib's Turtle writer sorts
subjects, predicates and objects; N-Triples lines are sorted here.
"""

from __future__ import annotations

import io
from typing import Literal as TypingLiteral

from rdflib import Dataset, Graph

from .errors import KgraphError
from .namespaces import bind_prefixes

Format = TypingLiteral["turtle", "nt", "trig", "jsonld", "graphml"]
FORMATS: tuple[str, ...] = ("turtle", "nt", "trig", "jsonld", "graphml")


def to_turtle(graph: Graph) -> bytes:
    bind_prefixes(graph)
    return graph.serialize(format="turtle", encoding="utf-8")


def to_ntriples(graph: Graph) -> bytes:
    lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
    return ("\n".join(sorted(line for line in lines if line.strip())) + "\n").encode("utf-8")


def to_trig(dataset: Dataset) -> bytes:
    bind_prefixes(dataset)
    return dataset.serialize(format="trig", encoding="utf-8")


def to_jsonld(graph: Graph) -> bytes:
    from .namespaces import PREFIXES

    text = graph.serialize(format="json-ld", context=dict(PREFIXES), sort_keys=True, indent=1)
    return text.encode("utf-8")


def to_graphml(graph: Graph) -> bytes:
    import networkx as nx

    from .network import graph_to_networkx

    nxg = graph_to_networkx(graph)
    buffer = io.BytesIO()
    nx.write_graphml(nxg, buffer, encoding="utf-8")
    return buffer.getvalue()


def export_graph(graph: Graph, fmt: str, dataset: Dataset | None = None) -> bytes:
    """Bytes of ``graph`` in ``fmt``; TriG keeps named graphs when ``dataset`` is given."""
    if fmt in ("turtle", "ttl"):
        return to_turtle(graph)
    if fmt in ("nt", "ntriples"):
        return to_ntriples(graph)
    if fmt == "trig":
        if dataset is None:
            dataset = Dataset()
            for triple in graph:
                dataset.add(triple)
        return to_trig(dataset)
    if fmt in ("jsonld", "json-ld"):
        return to_jsonld(graph)
    if fmt == "graphml":
        return to_graphml(graph)
    raise KgraphError(f"unknown export format {fmt!r} (use one of {', '.join(FORMATS)})")
