"""Check a graph against ``ontology/shapes.ttl`` with pyshacl (imported lazily: it is slow to load)."""

from __future__ import annotations

from importlib import resources

from rdflib import Graph

from .errors import OntologyError


def ontology_graph() -> Graph:
    """The kgraph ontology, parsed from the packaged ``ontology/kgraph.ttl``."""
    return _parse("kgraph.ttl")


def shapes_graph() -> Graph:
    return _parse("shapes.ttl")


def _parse(name: str) -> Graph:
    entry = resources.files("kgraph") / "ontology" / name
    try:
        return Graph().parse(data=entry.read_text(encoding="utf-8"), format="turtle")
    except FileNotFoundError:
        raise OntologyError(
            f"ontology/{name} is missing from the installed package (reinstall kgraph)"
        ) from None


def validate(graph: Graph) -> tuple[bool, str]:
    """(conforms, report text) of ``graph`` against the shapes, with the ontology's class tree."""
    try:
        from pyshacl import validate as shacl_validate
    except ImportError:  # pragma: no cover - a declared dependency
        raise OntologyError("pyshacl is not installed (pip install pyshacl)") from None
    conforms, _, text = shacl_validate(
        graph, shacl_graph=shapes_graph(), ont_graph=ontology_graph(), inference="rdfs", advanced=True
    )
    return bool(conforms), str(text)
