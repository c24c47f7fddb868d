"""Turn an ``Extraction`` into RDF: the only module that adds triples.

Each article becomes one graph: the article node (schema:NewsArticle), its entities
with labels and the article that mentions them, relations as reified ``rdf:Statement``s
carrying their modality (``kg:modality``) and the evidence sentence and offsets (the
asserted ones also as plain triples), memberships
(``org:Membership`` with the post title), and quantities.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from .extract.lexicon import document_codes
from .identity import article_iri, doctype_iri, mint_aux_iri, mint_iri, role_iri
from .model import Entity, Extraction, Relation, Sentence
from .namespaces import ADMIN_LEVEL_IRI as ADMIN_LEVEL_OF
from .namespaces import CLASS_IRI as CLASS_OF_KIND
from .namespaces import IRI, bind_prefixes
from .namespaces import MODALITY_IRI as MODALITY_OF
from .namespaces import PREDICATE_IRI as PREDICATE_OF
from .namespaces import TABLE_IRI as TABLE_OF

if TYPE_CHECKING:
    from rdflib import Graph

#: The vocabularies, as plain strings (no rdflib term is made here)
DCTERMS, KG, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, XSD = (
    IRI.DCTERMS,
    IRI.KG,
    IRI.ORG,
    IRI.PROV,
    IRI.RDF,
    IRI.RDFS,
    IRI.SCHEMA,
    IRI.SKOS,
    IRI.XSD,
)

#: Vietnamese labels of the modalities (as in ontology/kgraph.ttl)
MODALITY_LABELS: dict[str, str] = {
    "asserted": "khẳng định",
    "requested": "đề nghị",
    "planned": "dự kiến",
    "conditional": "có điều kiện",
    "negated": "phủ định",
}

VI = "vi"


class Encoded(str):
    """A literal already in N-Triples form (``"text"@vi``); any other object is an IRI."""

    __slots__ = ()


def quote(text: str) -> str:
    """The quoted form of a literal's text, as rdflib's ``Literal.n3`` writes it (so lines
    stay byte-identical with those rdflib wrote): a text with a line break is triple-quoted,
    which kgraph never writes (``kgraph.text`` keeps line breaks out of sentences)."""
    if "\n" in text:
        encoded = text.replace("\\", "\\\\")
        if '"""' in text:
            encoded = encoded.replace('"""', '\\"\\"\\"')
        if encoded[-1] == '"' and encoded[-2] != "\\":
            encoded = encoded[:-1] + "\\" + '"'
        encoded = encoded.replace("\r", "\\r")
        return f'"""{encoded}"""'
    encoded = text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r")
    return f'"{encoded}"'


def plain(text: str) -> Encoded:
    """A plain literal (``xsd:string``)."""
    return Encoded(quote(text))


def _lit(text: str) -> Encoded:
    """A Vietnamese text."""
    return Encoded(f"{quote(text)}@{VI}")


def integer(number: int) -> Encoded:
    return Encoded(f'"{number}"^^<{XSD.integer}>')


def boolean(value: bool) -> Encoded:
    return Encoded(f'"{"true" if value else "false"}"^^<{XSD.boolean}>')


#: Date and date-time forms rdflib writes as they are (when they name a real day and time).
_CANONICAL = {
    str(XSD.date): re.compile(r"\d{4}-\d{2}-\d{2}"),
    str(XSD.dateTime): re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}"),
}


def typed(text: str, datatype: str) -> Encoded:
    """A date or date-time literal, in the canonical form rdflib gives it: a valid value
    written canonically stays as it is; any other goes through rdflib (which rewrites it)."""
    pattern = _CANONICAL[datatype]
    if pattern.fullmatch(text) and _valid(text, datatype):
        return Encoded(f'"{text}"^^<{datatype}>')
    from rdflib import Literal, URIRef

    return Encoded(Literal(text, datatype=URIRef(datatype)).n3())


def _valid(text: str, datatype: str) -> bool:
    try:
        (date.fromisoformat if datatype == str(XSD.date) else datetime.fromisoformat)(text)
    except ValueError:
        return False
    return True


def quantity_literal(value: str) -> Encoded:
    """A whole number as xsd:integer (``4254``), a fraction as canonical xsd:decimal (``17.8``):
    the forms every writer and store keeps as they are (rdflib, Oxigraph, Virtuoso)."""
    number = Decimal(value)
    if number == number.to_integral_value():
        return integer(int(number))
    text = format(number, "f").rstrip("0")
    return Encoded(f'"{text}"^^<{XSD.decimal}>')


class Triples:
    """An article's triples as distinct N-Triples lines: subjects and predicates are IRIs,
    an object is an IRI or an ``Encoded`` literal. Building the lines straight from strings
    is several times cheaper than making rdflib terms to write them."""

    def __init__(self) -> None:
        self.lines: set[str] = set()

    def add(self, triple: tuple[str, str, str]) -> None:
        s, p, o = triple
        obj = o if type(o) is Encoded else f"<{o}>"
        self.lines.add(f"<{s}> <{p}> {obj} .")

    def __iter__(self) -> Iterator[tuple[object, object, object]]:
        """The triples as rdflib terms (tests read them so)."""
        from rdflib import Graph

        from .lines import add_lines

        graph = Graph()
        add_lines(graph, self.lines)
        return iter(graph)

    def __len__(self) -> int:
        return len(self.lines)


def entity_iri(entity: Entity) -> str:
    return mint_iri(entity.kind, entity.key)


def add_entity(graph: Triples, entity: Entity, article: str) -> str:
    node = entity_iri(entity)
    graph.add((node, RDF.type, CLASS_OF_KIND[entity.kind]))
    graph.add((node, RDFS.label, _lit(entity.label)))
    graph.add((node, SKOS.prefLabel, _lit(entity.label)))
    for alias in entity.aliases:
        if alias != entity.label:
            graph.add((node, SKOS.altLabel, _lit(alias)))
    for form in entity.forms:  # named so only in the article's context: not a name (see extract.forms)
        if form != entity.label and form not in entity.aliases:
            graph.add((node, KG.mentionedAs, _lit(form)))
    graph.add((node, KG.mentionedIn, article))
    if entity.number:
        graph.add((node, KG.documentNumber, plain(entity.number)))
    if entity.type_code:
        graph.add((node, KG.typeCode, plain(entity.type_code)))
        graph.add((node, KG.documentType, doctype_iri(entity.type_code)))
    if entity.issuer_code:
        graph.add((node, KG.issuerCode, plain(entity.issuer_code)))
    if entity.issued_on:
        graph.add((node, KG.issuedOn, typed(entity.issued_on, str(XSD.date))))
    if entity.title:
        graph.add((node, DCTERMS.title, _lit(entity.title)))
    if entity.term:
        graph.add((node, KG.term, plain(entity.term)))
    if entity.admin_level:
        _add_admin_unit(graph, node, entity)
    return node


def _add_admin_unit(graph: Triples, node: str, entity: Entity) -> None:
    """An administrative unit's level (a concept of kg:AdminLevelScheme) and official codes."""
    concept = ADMIN_LEVEL_OF[entity.admin_level]
    graph.add((node, KG.adminLevel, concept))
    graph.add((concept, RDF.type, SKOS.Concept))
    graph.add((concept, SKOS.inScheme, KG.AdminLevelScheme))
    graph.add((concept, SKOS.notation, plain(entity.admin_level)))
    if entity.admin_code:
        graph.add((node, KG.adminCode, plain(entity.admin_code)))
    if entity.admin_code_2025:
        graph.add((node, KG.adminCode2025, plain(entity.admin_code_2025)))


def _add_evidence(graph: Triples, node: str, sentence: Sentence, article: str) -> None:
    """The sentence as written in the article, with its offsets there (the normalised form
    when it cannot be quoted)."""
    written = sentence.written_start >= 0
    graph.add((node, KG.evidence, _lit(sentence.written if written else sentence.text)))
    graph.add((node, KG.startOffset, integer(sentence.written_start if written else sentence.start)))
    graph.add((node, KG.endOffset, integer(sentence.written_end if written else sentence.end)))
    graph.add((node, PROV.wasDerivedFrom, article))


def _add_statement(
    graph: Triples,
    triple: tuple[str, str, str],
    sentence: Sentence,
    article: str,
    modality: str = "asserted",
) -> str:
    """A reified ``rdf:Statement`` of ``triple`` carrying its modality (``kg:modality``) and one
    evidence sentence with its offsets. A statement of another modality than asserted has an IRI
    of its own (a fact and a request of it in one sentence are two statements)."""
    s, p, o = triple
    extra = () if modality == "asserted" else (modality,)
    stmt = mint_aux_iri("statement", s, p, o, article, sentence.start, *extra)
    graph.add((stmt, RDF.type, RDF.Statement))
    graph.add((stmt, RDF.subject, s))
    graph.add((stmt, RDF.predicate, p))
    graph.add((stmt, RDF.object, o))
    concept = MODALITY_OF[modality]
    graph.add((stmt, KG.modality, concept))
    graph.add((concept, RDF.type, KG.Modality))
    graph.add((concept, SKOS.inScheme, KG.ModalityScheme))
    graph.add((concept, SKOS.prefLabel, _lit(MODALITY_LABELS[modality])))
    _add_evidence(graph, stmt, sentence, article)
    return stmt


def add_article(graph: Triples, extraction: Extraction) -> str:
    doc = extraction.document
    node = article_iri(doc.article_id)
    graph.add((node, RDF.type, SCHEMA.NewsArticle))
    graph.add((node, RDF.type, PROV.Entity))
    if doc.title:
        graph.add((node, DCTERMS.title, _lit(doc.title)))
    if doc.published:
        dtype = XSD.dateTime if "T" in doc.published else XSD.date
        graph.add((node, DCTERMS.issued, typed(doc.published, str(dtype))))
    if doc.author:
        graph.add((node, KG.byline, plain(doc.author)))
    graph.add((node, KG.sourceFile, plain(doc.article.source)))
    graph.add((node, KG.contentHash, plain(doc.content_hash)))
    return node


def add_relation(graph: Triples, rel: Relation, nodes: dict[str, str], article: str) -> None:
    """A relation as a reified statement with its modality and evidence; an asserted one also
    as a plain triple (requests, plans, conditions and denials stay statements only)."""
    s, o = nodes.get(rel.subject), nodes.get(rel.object)
    if s is None or o is None or s == o:
        return
    p = PREDICATE_OF[rel.predicate]
    if rel.modality == "asserted":
        graph.add((s, p, o))
    stmt = _add_statement(graph, (s, p, o), rel.sentence, article, rel.modality)
    if rel.table:
        graph.add((stmt, PROV.hadPrimarySource, TABLE_OF[rel.table]))


def build_graph(extraction: Extraction) -> Graph:
    """The triples of one article's extraction, as an rdflib graph."""
    from rdflib import Graph

    from .lines import add_lines

    graph = Graph()
    bind_prefixes(graph)
    add_lines(graph, build_triples(extraction).lines)
    return graph


def build_lines(extraction: Extraction) -> list[str]:
    """The sorted N-Triples lines (without line ends) of one article's extraction."""
    return sorted(build_triples(extraction).lines)


def build_triples(extraction: Extraction) -> Triples:
    """The triples of one article's extraction."""
    graph = Triples()
    article = add_article(graph, extraction)
    nodes = {key: add_entity(graph, ent, article) for key, ent in extraction.entities.items()}
    for code in sorted({e.type_code for e in extraction.entities.values() if e.type_code}):
        concept = doctype_iri(code)
        graph.add((concept, RDF.type, SKOS.Concept))
        graph.add((concept, SKOS.inScheme, KG.DocumentTypeScheme))
        graph.add((concept, SKOS.notation, plain(code)))
        name = document_codes().get(code, ("", code))[1]  # the Vietnamese name (doc_codes.tsv)
        graph.add((concept, SKOS.prefLabel, _lit(name)))
    for rel in extraction.relations:
        add_relation(graph, rel, nodes, article)
    for mem in extraction.memberships:
        person = nodes.get(mem.person)
        if person is None:
            continue
        org = nodes.get(mem.organization)
        node = mint_aux_iri("membership", person, org or "", mem.title.lower(), mem.former)
        graph.add((node, RDF.type, ORG.Membership))
        graph.add((node, ORG.member, person))
        if org is not None:
            graph.add((node, ORG.organization, org))
        role = role_iri(mem.title)
        graph.add((role, RDF.type, ORG.Role))
        graph.add((role, SKOS.prefLabel, _lit(mem.title[:1].upper() + mem.title[1:])))
        graph.add((node, ORG.role, role))
        graph.add((node, KG.postTitle, _lit(mem.title)))
        graph.add((node, KG.former, boolean(mem.former)))
        graph.add((node, PROV.wasDerivedFrom, article))
        # one statement per sentence naming the membership: its offsets stay paired with it
        _add_statement(graph, (node, ORG.member, person), mem.sentence, article)
    for qty in extraction.quantities:
        subject = nodes.get(qty.subject)
        if subject is None:
            continue
        node = mint_aux_iri("quantity", subject, qty.value, qty.unit, article, qty.sentence.start)
        graph.add((node, RDF.type, KG.Quantity))
        graph.add((node, KG.quantityOf, subject))
        graph.add((node, KG.value, quantity_literal(qty.value)))
        graph.add((node, KG.unit, _lit(qty.unit)))
        _add_evidence(graph, node, qty.sentence, article)
    return graph
