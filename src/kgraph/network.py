"""The entity network of a graph as a networkx MultiDiGraph, for drawing and GraphML.

Nodes are entities (anything typed with one of the contract's classes), edges are the
relations between them; each keeps the labels, class, articles and evidence needed to
explain it.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from .namespaces import CLASS_OF_KIND, KG, PREDICATE_OF

KIND_OF_CLASS = {iri: kind for kind, iri in CLASS_OF_KIND.items()}
RELATION_OF_PREDICATE = {iri: name for name, iri in PREDICATE_OF.items()}


def entity_kind(graph: Graph, node: URIRef) -> str | None:
    """The most specific contract class local name of ``node`` (None: not an entity)."""
    kinds = sorted(KIND_OF_CLASS[c] for c in graph.objects(node, RDF.type) if c in KIND_OF_CLASS)
    if not kinds:
        return None
    specific = [k for k in kinds if k != "Organization"]
    return specific[0] if specific else kinds[0]


def graph_to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Entities and their relations, with labels, class, articles and evidence."""
    net = nx.MultiDiGraph()
    evidence: dict[tuple[URIRef, URIRef, URIRef], list[str]] = defaultdict(list)
    for stmt in graph.subjects(RDF.type, RDF.Statement):
        s, p, o = graph.value(stmt, RDF.subject), graph.value(stmt, RDF.predicate), graph.value(stmt, RDF.object)
        text = graph.value(stmt, KG.evidence)
        if s is not None and p is not None and o is not None and text is not None:
            evidence[(s, p, o)].append(str(text))  # type: ignore[index]
    for node in sorted({s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef)}):
        kind = entity_kind(graph, node)
        if kind is None:
            continue
        label = graph.value(node, SKOS.prefLabel) or graph.value(node, RDFS.label) or node
        names = sorted({str(x) for x in graph.objects(node, SKOS.altLabel)} - {str(label)})
        articles = sorted(str(a) for a in graph.objects(node, KG.mentionedIn))
        net.add_node(
            str(node), label=str(label), kind=kind, aliases="|".join(names), articles="|".join(articles)
        )
    for pred, name in sorted(RELATION_OF_PREDICATE.items()):
        for s, o in sorted(graph.subject_objects(pred)):
            if str(s) in net and str(o) in net:
                sentences = sorted(set(evidence.get((s, pred, o), [])))  # type: ignore[arg-type]
                net.add_edge(str(s), str(o), key=name, relation=name, evidence="\n".join(sentences))
    return net
