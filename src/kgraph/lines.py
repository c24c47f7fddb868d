"""Write a build's outputs straight from sorted N-Triples lines: N-Quads, Turtle, TriG, summary.

A corpus build keeps each article's graph as its sorted N-Triples lines (that is what the
worker processes send back and what the incremental cache stores). rdflib's parsers and
serialisers cost tens of microseconds a triple, more than extraction itself on a large
corpus, so the files are written here by grouping lines instead. kgraph writes no blank
nodes, so every line is ``<s> <p> object .`` and splits on its first two ``"> "``; the
N-Triples term syntax is valid Turtle, so objects are copied as they are (IRIs and datatypes
shortened to the bound prefixes when the local part is a plain name). Same lines, same
bytes; tests parse the results back with rdflib and compare by isomorphism.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .facts import split_line, syntax_of
from .namespaces import CLASS_IRI, IRI, PREDICATE_IRI, PREFIXES

if TYPE_CHECKING:  # rdflib is imported where an rdflib graph or term is made or read, never to write
    from rdflib import Graph, Literal, URIRef
    from rdflib.term import Node

RDF, RDFS, SKOS, XSD = IRI.RDF, IRI.RDFS, IRI.SKOS, IRI.XSD
RDF_TYPE = f"<{RDF.type}>"
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: (-len(item[1]), item[0]))


def graph_lines(graph: Graph) -> list[str]:
    """The distinct N-Triples lines of an rdflib graph, sorted, without line ends."""
    text = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
    return sorted({line for line in text.split("\n") if line})


_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_IRI_FORBIDDEN = set('<>"{}|^`\\ ') | {chr(c) for c in range(0x21)}


def nt_term(term: Node) -> str:
    """A term in N-Triples syntax (also valid in Turtle and SPARQL ``INSERT DATA``)."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        text = str(term)
        if any(c in _IRI_FORBIDDEN for c in text):
            text = "".join(f"\\u{ord(c):04X}" if c in _IRI_FORBIDDEN else c for c in text)
        return f"<{text}>"
    if isinstance(term, BNode):
        return f"_:b{term}"
    if isinstance(term, Literal):
        body = "".join(_ECHAR.get(c, c) for c in str(term))
        if term.language:
            return f'"{body}"@{term.language}'
        if term.datatype:
            return f'"{body}"^^<{term.datatype}>'
        return f'"{body}"'
    raise ValueError(f"not an RDF term: {term!r}")


def to_ntriples(triples: Iterable[tuple[Node, Node, Node]]) -> str:
    """N-Triples text of ``triples``: distinct lines, sorted (the same graph, the same bytes)."""
    return "".join(sorted({f"{nt_term(s)} {nt_term(p)} {nt_term(o)} .\n" for s, p, o in triples}))


def quad_lines(quads: Iterable[object]) -> dict[str, list[str]]:
    """Sorted distinct N-Triples lines of each graph of Oxigraph's quads ('' names the default graph)."""
    graphs: dict[str, set[str]] = {}
    for quad in quads:
        name = quad.graph_name  # type: ignore[attr-defined]
        key = name.value if isinstance(name, (ox.NamedNode, ox.BlankNode)) else ""
        graphs.setdefault(key, set()).add(f"{quad.subject} {quad.predicate} {quad.object} .")  # type: ignore[attr-defined]
    return {name: sorted(lines) for name, lines in sorted(graphs.items())}


class TermReader:
    """rdflib terms of Oxigraph's parsed terms; IRIs and literals are shared, as they repeat a lot
    (a label is the object of several statements: half the literals of a build's union)."""

    def __init__(self) -> None:
        from rdflib import Literal, URIRef

        self._iris: dict[str, URIRef] = {}
        self._literals: dict[tuple[str, str, str], Literal] = {}
        self._make_iri, self._make_literal = URIRef, Literal

    def iri(self, value: str) -> URIRef:
        found = self._iris.get(value)
        if found is None:
            found = self._iris[value] = self._make_iri(value)
        return found

    def term(self, term: object) -> URIRef | Literal:
        if isinstance(term, ox.NamedNode):
            return self.iri(term.value)
        if isinstance(term, ox.Literal):
            language = term.language or ""
            datatype = "" if language else term.datatype.value
            key = (term.value, language, datatype)
            found = self._literals.get(key)
            if found is None:
                found = self._literals[key] = self._literal(term.value, language, datatype)
            return found
        raise ValueError(f"kgraph writes no blank nodes: {term}")

    def _literal(self, value: str, language: str, datatype: str) -> Literal:
        if language:
            return self._make_literal(value, lang=language)
        if datatype == _XSD_STRING:  # how rdflib reads a plain "text"
            return self._make_literal(value)
        return self._make_literal(value, datatype=self.iri(datatype))


_XSD_STRING = str(XSD.string)


_PREF = f" <{SKOS.prefLabel}> "
_ALT = f" <{SKOS.altLabel}> "


def _language(obj: str) -> str:
    """The language tag of an N-Triples object ('' for an IRI, a plain or a typed literal)."""
    if obj.endswith(('"', ">")):
        return ""
    return obj.rsplit("@", 1)[1]


def demoted_pref_labels(lines: Iterable[str]) -> set[str]:
    """The ``skos:prefLabel`` lines that must yield: all but the smallest of each subject and
    language (SKOS allows one preferred label per language; an entity named differently by
    several articles, ``Báo Thanh niên`` and ``Báo Thanh Niên``, keeps the smallest)."""
    by_subject: dict[tuple[str, str], list[str]] = {}
    for line in lines:
        if _PREF in line:
            subject, _, obj = split_line(line)
            by_subject.setdefault((subject, _language(obj)), []).append(line)
    demoted: set[str] = set()
    for group in by_subject.values():
        if len(group) > 1:
            demoted.update(sorted(set(group))[1:])
    return demoted


def one_pref_label(lines: list[str]) -> list[str]:
    """Sorted union lines with one skos:prefLabel per subject and language; the others
    become skos:altLabel (see ``demoted_pref_labels``)."""
    demoted = demoted_pref_labels(lines)
    if not demoted:
        return lines
    return sorted((set(lines) - demoted) | {line.replace(_PREF, _ALT, 1) for line in demoted})


def one_pref_label_graphs(graphs: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """``(graph IRI, sorted lines)`` pairs where each article graph keeps its own name for an
    entity only as ``skos:altLabel`` when another article names it with a smaller label.

    The union of the result (what a query sees in the file, the Oxigraph store, a pushed
    store and ``serve``) then has one ``skos:prefLabel`` per entity and language: the same
    as ``one_pref_label`` of the union, graph by graph.
    """
    demoted = demoted_pref_labels(line for _, lines in graphs for line in lines)
    if not demoted:
        return graphs
    result: list[tuple[str, list[str]]] = []
    for name, lines in graphs:
        if demoted.isdisjoint(lines):
            result.append((name, lines))
        else:
            result.append((name, one_pref_label_in(lines, demoted)))
    return result


def one_pref_label_in(lines: list[str], demoted: set[str]) -> list[str]:
    """``lines`` (sorted, distinct) with the ``demoted`` prefLabel lines turned into altLabels."""
    return sorted({line.replace(_PREF, _ALT, 1) if line in demoted else line for line in lines})


#: The named graph of what no article owns: the ontology's class hierarchy (and, in a store,
#: triples of a single-graph file that no article claims).
SHARED_GRAPH = "https://w3id.org/kgraph/resource/graph/shared"


@lru_cache(maxsize=1)
def ontology_lines() -> tuple[str, ...]:
    """The ontology's class hierarchy (``rdfs:subClassOf`` between named classes) as sorted lines.

    A build writes them into its graph so that SPARQL over the graph alone (no reasoner,
    no ontology loaded) can ask for a superclass: ``?d a/rdfs:subClassOf* kg:LegalDocument``
    finds a Directive and a Decree.
    """
    source = resources.files("kgraph") / "ontology" / "kgraph.ttl"
    subclass = ox.NamedNode(RDFS.subClassOf)
    lines = {
        f"<{t.subject.value}> <{subclass.value}> <{t.object.value}> ."
        for t in ox.parse(source.read_bytes(), format=ox.RdfFormat.TURTLE)
        if t.predicate == subclass
        and isinstance(t.subject, ox.NamedNode)
        and isinstance(t.object, ox.NamedNode)
    }
    return tuple(sorted(lines))


def add_lines(graph: Graph, lines: Iterable[str]) -> None:
    """Add N-Triples lines to an rdflib graph: Oxigraph parses (about twice rdflib's speed).

    RDF 1.1 makes ``"x"`` and ``"x"^^xsd:string`` one term but rdflib keeps them apart, so
    text holding the explicit form (kgraph writes none) goes through rdflib's own parser.
    """
    text = "\n".join(lines)
    if f"^^<{_XSD_STRING}>" in text:
        graph.parse(data=text, format="nt")
        return
    data = text.encode("utf-8")
    reader = TermReader()
    quads = (
        (reader.term(t.subject), reader.term(t.predicate), reader.term(t.object), graph)
        for t in ox.parse(data, format=syntax_of(text))
    )
    from rdflib import Graph

    if type(graph) is Graph:  # straight to its store: Graph.addN would only check each term is rdflib's
        graph.store.addN(quads)
    else:
        graph.addN(quads)


def nquads(graphs: Iterable[tuple[str, Iterable[str]]]) -> Iterator[str]:
    """N-Quads lines (with line ends) of ``(graph IRI, N-Triples lines)`` pairs, in the given order."""
    for name, lines in graphs:
        tail = f" <{name}> .\n" if name else " .\n"  # '' names the default graph
        for line in lines:
            yield line[: line.rindex(" .")] + tail


class TermWriter:
    """Turtle spelling of N-Triples terms, remembered because IRIs and literals repeat a lot."""

    def __init__(self) -> None:
        self._short: dict[str, str] = {}
        self.spelled: dict[str, str] = {}  # a term's spelling, once ``term`` has spelled it

    def iri(self, term: str) -> str:
        short = self._short.get(term)
        if short is None:
            short = term
            iri = term[1:-1]
            for prefix, namespace in _BY_LENGTH:
                if iri.startswith(namespace) and _LOCAL.fullmatch(iri[len(namespace) :]):
                    short = f"{prefix}:{iri[len(namespace) :]}"
                    break
            self._short[term] = short
        return short

    def term(self, term: str) -> str:
        if term.startswith("<"):
            spelling = self.iri(term)
        elif term.endswith(">"):  # a typed literal: "lexical"^^<datatype>
            cut = term.rindex("^^<")
            spelling = term[: cut + 2] + self.iri(term[cut + 2 :])
        else:
            spelling = term
        self.spelled[term] = spelling
        return spelling


def _prefix_block() -> str:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items())) + "\n"


def _statements(lines: Iterable[str], writer: TermWriter, indent: str) -> Iterator[str]:
    """Turtle statements (one per subject) of sorted N-Triples lines."""
    subject = ""
    objects: dict[str, list[str]] = {}
    between = ",\n" + indent + "        "
    spelled = writer.spelled

    def flush() -> str:
        preds = sorted(objects, key=lambda p: (p != RDF_TYPE, p))
        parts = []
        for pred in preds:
            name = "a" if pred == RDF_TYPE else writer.iri(pred)
            objs = between.join([spelled.get(o) or writer.term(o) for o in objects[pred]])
            parts.append(f"{name} {objs}")
        return f"{indent}{writer.iri(subject)} " + (f" ;\n{indent}    ").join(parts) + " .\n"

    for line in lines:
        s, p, o = split_line(line)
        if s != subject:
            if objects:
                yield flush()
            subject, objects = s, {}
        found = objects.get(p)
        if found is None:
            objects[p] = [o]
        else:
            found.append(o)
    if objects:
        yield flush()


def turtle(lines: Iterable[str], writer: TermWriter | None = None) -> Iterator[str]:
    """Turtle text, in pieces, of sorted distinct N-Triples lines (``writer``: one that may have
    spelled these terms already, for TriG of the same lines)."""
    writer = writer or TermWriter()
    yield _prefix_block()
    for statement in _statements(lines, writer, ""):
        yield statement + "\n"


def trig(graphs: Iterable[tuple[str, Iterable[str]]], writer: TermWriter | None = None) -> Iterator[str]:
    """TriG text, in pieces, of ``(graph IRI, sorted distinct N-Triples lines)`` pairs (``writer``
    as for ``turtle``)."""
    writer = writer or TermWriter()
    yield _prefix_block()
    for name, lines in graphs:
        yield f"{writer.iri(f'<{name}>')} {{\n" if name else "{\n"  # '' names the default graph
        yield from _statements(lines, writer, "    ")
        yield "}\n\n"


def summarize_lines(lines: Iterable[str]) -> dict[str, Counter[str]]:
    """``pipeline.summarize`` of the graph made of these distinct lines, without building it."""
    kind_of = {f"<{iri}>": name for name, iri in CLASS_IRI.items()}
    relation_of = {f"<{iri}>": name for name, iri in PREDICATE_IRI.items()}
    entities: Counter[str] = Counter()
    relations: Counter[str] = Counter()
    for line in lines:
        _, p, o = line.split(" ", 2)  # kgraph's lines: no space in the subject or the predicate
        if p == RDF_TYPE:
            kind = kind_of.get(o[:-2])
            if kind is not None:
                entities[kind] += 1
        else:
            relation = relation_of.get(p)
            if relation is not None:
                relations[relation] += 1
    return {"entities": entities, "relations": relations}
