"""Export a graph file in another format, keeping what it holds.

TriG, N-Quads and JSON-LD keep the file's named graphs (one per article); Turtle and
N-Triples hold one graph, the union. Every export reloads to the same quads (the same
triples for Turtle and N-Triples). Same graph, same bytes: the lines are sorted and the
Turtle and TriG come from ``kgraph.lines``' writers, the ones ``kgraph build`` uses.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph

from .dataset import read_graphs
from .errors import KgraphError
from .lines import add_lines, nquads, trig, turtle
from .namespaces import PREFIXES

FORMATS: tuple[str, ...] = ("turtle", "nt", "trig", "nquads", "jsonld", "graphml")


def _union(graphs: dict[str, list[str]]) -> list[str]:
    return sorted({line for lines in graphs.values() for line in lines})


def _encode(pieces: Iterable[str]) -> bytes:
    return "".join(pieces).encode("utf-8")


def to_jsonld(graphs: dict[str, list[str]]) -> bytes:
    """JSON-LD of the graphs (each named graph an ``@graph`` object), IRIs shortened by
    kgraph's prefixes in an ``@context``; Oxigraph writes it, the keys are sorted."""
    quads = ox.parse(_encode(nquads(graphs.items())), format=ox.RdfFormat.N_QUADS)
    data = ox.serialize(quads, format=ox.RdfFormat.JSON_LD)
    assert data is not None  # no output given: the bytes are returned
    document = {"@context": dict(sorted(PREFIXES.items())), "@graph": _compact(json.loads(data))}
    return (json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


def _short(iri: str) -> str:
    for prefix, namespace in _BY_LENGTH:
        if iri.startswith(namespace) and _LOCAL.fullmatch(iri[len(namespace) :]):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def _compact(node: Any) -> Any:
    """Expanded JSON-LD with property, ``@id`` and ``@type`` IRIs as compact IRIs."""
    if isinstance(node, list):
        return [_compact(item) for item in node]
    if not isinstance(node, dict):
        return node
    result: dict[str, Any] = {}
    for key, value in node.items():
        if key in ("@id", "@type") and isinstance(value, str):
            result[key] = _short(value)
        elif key.startswith("@"):
            result[key] = _compact(value)
        else:
            result[_short(key)] = _compact(value)
    return result


def to_graphml(lines: list[str]) -> bytes:
    import networkx as nx

    from .network import graph_to_networkx

    graph = Graph()
    add_lines(graph, lines)
    buffer = io.BytesIO()
    nx.write_graphml(graph_to_networkx(graph), buffer, encoding="utf-8")
    return buffer.getvalue()


def export_graphs(graphs: dict[str, list[str]], fmt: str) -> bytes:
    """Bytes of ``graphs`` (as ``read_graphs`` gives them) in ``fmt``."""
    if fmt in ("turtle", "ttl"):
        return _encode(turtle(_union(graphs)))
    if fmt in ("nt", "ntriples"):
        return _encode(line + "\n" for line in _union(graphs))
    if fmt == "trig":
        return _encode(trig(graphs.items()))
    if fmt in ("nquads", "nq"):
        return _encode(nquads(graphs.items()))
    if fmt in ("jsonld", "json-ld"):
        return to_jsonld(graphs)
    if fmt == "graphml":
        return to_graphml(_union(graphs))
    raise KgraphError(f"unknown export format {fmt!r} (use one of {', '.join(FORMATS)})")


def export_file(path: str | Path, fmt: str) -> bytes:
    """Bytes of the graph file ``path`` in ``fmt``."""
    return export_graphs(read_graphs(path), fmt)
