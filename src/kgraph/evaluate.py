"""Score a graph against gold annotations, read the way the project's scoring contract reads them.

A user who annotates their own articles (format in ``docs/gold-format.md``) measures
kgraph with ``evaluate(graph, [read_gold(path)])``: precision, recall and F1 for
entities, typed entities and relations, document fields found, per-class and
per-property breakdowns, and every miss by name.

The reading follows the contract: terms are compared by local name (after the last
``#``, ``/`` or ``:``), so any namespace fits; a node is an entity when one of its
classes, or a superclass by ``rdfs:subClassOf`` in the graph or the ontology, is an
entity class; names are compared by ``name_key``. The ontology's triples are read
along with the graph, as the contract's scorer does when given ``--ontology``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from rdflib import Dataset, Graph
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.term import Node

from .errors import InputError
from .namespaces import ENTITY_CLASSES as CLASS_LIST

#: Entity class (local name) -> the group ``--only`` selects it by.
GROUP_OF_CLASS: dict[str, str] = {c.name: c.family for c in CLASS_LIST}
ENTITY_CLASSES = frozenset(GROUP_OF_CLASS)
GROUPS = tuple(dict.fromkeys(GROUP_OF_CLASS.values()))
RELATION_PROPERTIES = (
    "directs",
    "implements",
    "issuedBy",
    "cooperatesWith",
    "subOrganizationOf",
    "memberOf",
    "organizes",
    "participatesIn",
    "locatedIn",
)
SYMMETRIC_PROPERTIES = frozenset({"cooperatesWith"})
#: Gold document field -> local name of the graph property that holds it.
DOCUMENT_FIELDS = {
    "number": "documentNumber",
    "date": "issuedOn",
    "title": "title",
    "term": "term",
    "issuer": "issuedBy",
}
NAME_PROPERTIES = (RDFS.label, SKOS.prefLabel, SKOS.altLabel)

# Vietnamese writes a syllable's tone mark on either of two vowels (uỷ/ủy, hoà/hòa):
# names are compared with the five tone marks moved to the end of the syllable.
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")  # grave, acute, tilde, hook above, dot below
DROPPED = frozenset("\"'“”‘’«»(),")
DASH_SPACING = re.compile(r"\s*[-\u2010-\u2015]\s*")
SLASH_SPACING = re.compile(r"\s*/\s*")
LOCAL_NAME = re.compile(r"[^#/:]*$")


def local_name(term: object) -> str:
    """The part of an IRI after its last ``#``, ``/`` or ``:``."""
    match = LOCAL_NAME.search(str(term))
    return match.group(0) if match else ""


def name_key(text: str) -> str:
    """The form names are compared in: case, quotes, brackets, commas, dash spacing, tone place ignored."""
    text = unicodedata.normalize("NFD", text).lower()
    text = "".join(" " if char in DROPPED else char for char in text)
    text = SLASH_SPACING.sub("/", DASH_SPACING.sub("-", text))
    syllables = []
    for syllable in text.split():
        marks = [char for char in syllable if char in TONE_MARKS]
        rest = [char for char in syllable if char not in TONE_MARKS]
        syllables.append(unicodedata.normalize("NFC", "".join(rest + marks)))
    return " ".join(syllables).strip(" .,;:")


# --- gold ---------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldEntity:
    id: str
    type: str
    label: str
    aliases: tuple[str, ...] = ()
    required: bool = True

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(name_key(name) for name in (self.label, *self.aliases))


@dataclass(frozen=True)
class GoldRelation:
    s: str
    p: str
    o: str
    required: bool = True


@dataclass(frozen=True)
class GoldDocument:
    entity: str
    fields: tuple[tuple[str, str | tuple[str, ...]], ...]  # (field, wanted value) in DOCUMENT_FIELDS order


@dataclass(frozen=True)
class Gold:
    """One gold file: what a careful reader draws from one article."""

    name: str
    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...] = ()
    documents: tuple[GoldDocument, ...] = ()
    #: the article's file name (its ``document`` field): it is scored against that article's graph
    document: str = ""


def read_gold(path: str | Path) -> Gold:
    """Read and check a gold JSON file; ``InputError`` naming the file when it is unusable."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(path, "no such gold file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot be read ({type(error).__name__})", "save it as UTF-8 JSON") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            path, f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    return parse_gold(data, str(path))


def parse_gold(data: object, name: str) -> Gold:
    """A ``Gold`` from parsed JSON; ``name`` is the file it came from, for messages."""
    reader = _GoldReader(data, name)
    entities = reader.entities()
    relations = reader.relations(entities)
    documents = reader.documents(entities)
    for key in ("positions", "facts"):  # not scored; only their shape is checked
        reader.objects(key, needed=False)
    if "metadata" in reader.data and not isinstance(reader.data["metadata"], dict):
        raise reader.fail("'metadata' must be an object")
    document = reader.data.get("document", "")
    if not isinstance(document, str):
        raise reader.fail("'document' must be the article's file name")
    return Gold(Path(name).name, tuple(entities.values()), tuple(relations), tuple(documents), document)


class _GoldReader:
    """Checks the parts of a gold file's JSON, naming the file and the item in each error."""

    def __init__(self, data: object, name: str) -> None:
        self.name = name
        if not isinstance(data, dict):
            raise self.fail("the gold must be a JSON object with 'entities'")
        self.data: dict[str, Any] = data

    def fail(self, why: str) -> InputError:
        return InputError(self.name, why, "see docs/gold-format.md")

    def strings(self, value: object, where: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(f"{where} must be a list of strings")
        return tuple(value)

    def text_of(self, item: dict[str, Any], key: str, where: str) -> str:
        value = item.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{where} needs a non-empty string '{key}'")
        return value

    def required_of(self, item: dict[str, Any], where: str) -> bool:
        value = item.get("required", True)
        if not isinstance(value, bool):
            raise self.fail(f"{where}: 'required' must be true or false")
        return value

    def objects(self, key: str, needed: bool) -> list[dict[str, Any]]:
        if key not in self.data and not needed:
            return []
        items = self.data.get(key)
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise self.fail(f"'{key}' must be a list of objects")
        return items

    def known(self, entities: dict[str, GoldEntity], id_: str, where: str) -> str:
        if id_ not in entities:
            raise self.fail(f"{where} names {id_!r}, which is no entity id")
        return id_

    def entities(self) -> dict[str, GoldEntity]:
        entities: dict[str, GoldEntity] = {}
        for n, item in enumerate(self.objects("entities", needed=True)):
            id_ = self.text_of(item, "id", f"entity {n + 1}")
            where = f"entity {id_!r}"
            if id_ in entities:
                raise self.fail(f"{where} is given twice")
            type_ = self.text_of(item, "type", where)
            if type_ not in ENTITY_CLASSES:
                known = ", ".join(sorted(ENTITY_CLASSES))
                raise self.fail(f"{where} has unknown type {type_!r} (one of: {known})")
            aliases = self.strings(item.get("aliases", []), f"{where}: 'aliases'")
            label = self.text_of(item, "label", where)
            entities[id_] = GoldEntity(id_, type_, label, aliases, self.required_of(item, where))
        return entities

    def relations(self, entities: dict[str, GoldEntity]) -> list[GoldRelation]:
        relations = []
        for n, item in enumerate(self.objects("relations", needed=False)):
            where = f"relation {n + 1}"
            p = self.text_of(item, "p", where)
            if p not in RELATION_PROPERTIES:
                known = ", ".join(RELATION_PROPERTIES)
                raise self.fail(f"{where} has unknown property {p!r} (one of: {known})")
            s, o = (self.known(entities, self.text_of(item, k, where), where) for k in ("s", "o"))
            relations.append(GoldRelation(s, p, o, self.required_of(item, where)))
        return relations

    def documents(self, entities: dict[str, GoldEntity]) -> list[GoldDocument]:
        documents = []
        for n, item in enumerate(self.objects("documents", needed=False)):
            where = f"document {n + 1}"
            entity = self.known(entities, self.text_of(item, "entity", where), where)
            fields: list[tuple[str, str | tuple[str, ...]]] = []
            for key in DOCUMENT_FIELDS:
                if key not in item:
                    continue
                if key == "number" and isinstance(item[key], list):  # several accepted spellings
                    fields.append((key, self.strings(item[key], f"{where}: 'number'")))
                elif key == "issuer":
                    fields.append((key, self.known(entities, self.text_of(item, key, where), where)))
                else:
                    fields.append((key, self.text_of(item, key, where)))
            documents.append(GoldDocument(entity, tuple(fields)))
        return documents


# --- counts ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives, and the scores they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, int | float]:
        """The contract's form: counts, and scores rounded to four places."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True)
class Tally:
    """Document fields found out of those the gold gives."""

    correct: int = 0
    total: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.correct + other.correct, self.total + other.total)

    def as_dict(self) -> dict[str, int]:
        return {"correct": self.correct, "total": self.total}


@dataclass
class Score:
    """The score of a graph against one gold file (or, summed, against several)."""

    name: str
    entities: Counts = Counts()
    entities_typed: Counts = Counts()
    relations: Counts = Counts()
    document_fields: Tally = Tally()
    per_class: dict[str, Counts] = field(default_factory=dict)
    per_property: dict[str, Counts] = field(default_factory=dict)
    per_field: dict[str, Tally] = field(default_factory=dict)
    missed_entities: list[str] = field(default_factory=list)
    mistyped_entities: list[str] = field(default_factory=list)
    spurious_entities: list[str] = field(default_factory=list)
    duplicate_entities: list[str] = field(default_factory=list)
    order_dependent_entities: list[str] = field(default_factory=list)
    missed_relations: list[str] = field(default_factory=list)
    spurious_relations: list[str] = field(default_factory=list)
    missed_document_fields: list[str] = field(default_factory=list)

    MISS_LISTS = (
        "missed_entities",
        "mistyped_entities",
        "spurious_entities",
        "duplicate_entities",
        "order_dependent_entities",
        "missed_relations",
        "spurious_relations",
        "missed_document_fields",
    )

    def add(self, other: Score) -> None:
        """Add ``other``'s counts to these (micro totals); the lists of misses stay per file."""
        self.entities += other.entities
        self.entities_typed += other.entities_typed
        self.relations += other.relations
        self.document_fields += other.document_fields
        for mine, theirs in ((self.per_class, other.per_class), (self.per_property, other.per_property)):
            for name, counts in theirs.items():
                mine[name] = mine.get(name, Counts()) + counts
        for name, tally in other.per_field.items():
            self.per_field[name] = self.per_field.get(name, Tally()) + tally

    def as_dict(self) -> dict[str, Any]:
        report: dict[str, Any] = {
            "entities": self.entities.as_dict(),
            "entities_typed": self.entities_typed.as_dict(),
            "relations": self.relations.as_dict(),
            "document_fields": self.document_fields.as_dict(),
            "per_class": {k: v.as_dict() for k, v in sorted(self.per_class.items())},
            "per_property": {k: v.as_dict() for k, v in sorted(self.per_property.items())},
            "per_field": {k: v.as_dict() for k, v in self.per_field.items()},
        }
        for name in self.MISS_LISTS:
            report[name] = list(getattr(self, name))
        return report


@dataclass
class Evaluation:
    """Scores per gold file and their micro totals."""

    files: list[Score]
    total: Score
    #: gold documents with no article graph (scored against nothing)
    missing: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        summary = self.total.as_dict()
        for name in Score.MISS_LISTS:
            del summary[name]
        out: dict[str, Any] = {"summary": summary, "documents": {s.name: s.as_dict() for s in self.files}}
        if self.missing:
            out["articles_not_in_graph"] = list(self.missing)
        return out


# --- the graph side -------------------------------------------------------------------


@dataclass(frozen=True)
class EntityNode:
    """A graph node carrying an entity class."""

    iri: Node
    classes: frozenset[str]  # its entity classes, superclasses included
    keys: frozenset[str]
    labels: tuple[str, ...]

    @property
    def display(self) -> str:
        return self.labels[0] if self.labels else local_name(self.iri)


def _triples(
    graphs: Sequence[Graph],
    pattern: tuple[Node | None, Node | None, Node | None],
) -> Iterator[tuple[Node, Node, Node]]:
    seen: set[tuple[Node, Node, Node]] = set()
    for graph in graphs:
        for triple in graph.triples(pattern):
            if triple not in seen:
                seen.add(triple)
                yield triple


def class_closure(graphs: Sequence[Graph]) -> dict[str, frozenset[str]]:
    """Local name of each class -> the local names of it and all its superclasses."""
    parents: dict[str, set[str]] = defaultdict(set)
    for sub, _, sup in _triples(graphs, (None, RDFS.subClassOf, None)):
        parents[local_name(sub)].add(local_name(sup))
    closure = {}
    for name in set(parents) | ENTITY_CLASSES:
        found, todo = {name}, [name]
        while todo:
            for parent in parents.get(todo.pop(), ()):
                if parent not in found:
                    found.add(parent)
                    todo.append(parent)
        closure[name] = frozenset(found)
    return closure


def find_entities(graphs: Sequence[Graph], closure: dict[str, frozenset[str]]) -> dict[Node, EntityNode]:
    """The entity nodes, in IRI order: the first of two duplicates counts, the same one every run
    (rdflib yields a parsed file's triples in an order that follows string hashing)."""
    classes: dict[Node, set[str]] = {}
    for iri, _, cls in _triples(graphs, (None, RDF.type, None)):
        name = local_name(cls)
        found = closure.get(name, frozenset({name})) & ENTITY_CLASSES
        if found:
            classes.setdefault(iri, set()).update(found)
    nodes = {}
    for iri, kinds in sorted(classes.items(), key=lambda item: str(item[0])):
        names = {str(o) for prop in NAME_PROPERTIES for _, _, o in _triples(graphs, (iri, prop, None))}
        nodes[iri] = EntityNode(
            iri, frozenset(kinds), frozenset(name_key(n) for n in names), tuple(sorted(names))
        )
    return nodes


def most_specific(classes: frozenset[str], closure: dict[str, frozenset[str]]) -> str:
    """The class a node is counted under in the per-class breakdown."""
    below = [c for c in classes if not any(c != d and c in closure.get(d, ()) for d in classes)]
    return min(below or classes)


# --- scoring --------------------------------------------------------------------------

AMBIGUOUS = ""  # the match of a node whose names belong to several gold entities


def score_gold(
    graphs: Sequence[Graph],
    gold: Gold,
    closure: dict[str, frozenset[str]],
    only: Collection[str] | None = None,
) -> Score:
    """Score the graph (and ontology) triples in ``graphs`` against one gold file."""
    nodes = find_entities(graphs, closure)
    entities = list(gold.entities)
    if only:
        entities = [e for e in entities if GROUP_OF_CLASS[e.type] in only]
        nodes = {k: n for k, n in nodes.items() if {GROUP_OF_CLASS[c] for c in n.classes} & set(only)}
    by_id = {e.id: e for e in entities}
    relations = [r for r in gold.relations if r.s in by_id and r.o in by_id]
    documents = [d for d in gold.documents if d.entity in by_id]
    result = Score(gold.name)
    match = _match(nodes, entities)
    _score_entities(nodes, match, by_id, closure, result)
    _score_relations(graphs, nodes, match, by_id, relations, result)
    _score_documents(graphs, match, by_id, documents, result)
    for name in Score.MISS_LISTS:
        getattr(result, name).sort()
    return result


def _match(nodes: dict[Node, EntityNode], entities: list[GoldEntity]) -> dict[Node, str]:
    """Node -> the id of the gold entity its names belong to (``AMBIGUOUS``: several)."""
    owner: dict[str, str] = {}
    for entity in entities:  # a name two gold entities share goes to the later one
        owner.update(dict.fromkeys(entity.keys, entity.id))
    match: dict[Node, str] = {}
    for iri, node in nodes.items():
        ids = {owner[k] for k in node.keys if k in owner}
        if ids:
            match[iri] = ids.pop() if len(ids) == 1 else AMBIGUOUS
    return match


def _score_entities(
    nodes: dict[Node, EntityNode],
    match: dict[Node, str],
    by_id: dict[str, GoldEntity],
    closure: dict[str, frozenset[str]],
    result: Score,
) -> None:
    per_class: dict[str, Counts] = defaultdict(Counts)
    found: set[str] = set()
    typed_found: set[str] = set()
    fp = typed_fp = 0
    for iri, node in nodes.items():
        gid = match.get(iri)
        if gid is None or gid == AMBIGUOUS or gid in found:
            fp += 1
            typed_fp += 1
            per_class[most_specific(node.classes, closure)] += Counts(fp=1)
            if gid is None:
                result.spurious_entities.append(node.display)
            elif gid == AMBIGUOUS:
                result.spurious_entities.append(f"{node.display} (names several gold entities)")
            else:
                result.duplicate_entities.append(by_id[gid].label)
            continue
        found.add(gid)
        gold_entity = by_id[gid]
        if not gold_entity.required:
            continue
        if gold_entity.type in node.classes:
            typed_found.add(gid)
            per_class[gold_entity.type] += Counts(tp=1)
        else:
            typed_fp += 1
            per_class[most_specific(node.classes, closure)] += Counts(fp=1)
            result.mistyped_entities.append(
                f"{gold_entity.label} (gold {gold_entity.type}, graph {', '.join(sorted(node.classes))})"
            )
    required = [e for e in by_id.values() if e.required]
    _note_order_dependence(nodes, match, [e for e in required if e.id in found], result)
    for entity in required:
        if entity.id not in typed_found:
            per_class[entity.type] += Counts(fn=1)
        if entity.id not in found:
            result.missed_entities.append(entity.label)
    tp = sum(1 for e in required if e.id in found)
    result.entities = Counts(tp, fp, len(required) - tp)
    result.entities_typed = Counts(len(typed_found), typed_fp, len(required) - len(typed_found))
    result.per_class = dict(per_class)


def _note_order_dependence(
    nodes: dict[Node, EntityNode], match: dict[Node, str], found: list[GoldEntity], result: Score
) -> None:
    """Name the entities whose duplicates disagree on the gold class: their typed score hangs on
    which node counts first (the one whose IRI sorts first, see ``find_entities``); merging the
    duplicates is the fix.
    """
    for entity in found:
        typed = {entity.type in nodes[iri].classes for iri, gid in match.items() if gid == entity.id}
        if len(typed) > 1:
            result.order_dependent_entities.append(
                f"{entity.label} (some of its nodes are {entity.type}, some not: "
                "the typed score depends on which is read first)"
            )


def _relation_key(s: str, p: str, o: str) -> tuple[str, str, str]:
    return (min(s, o), p, max(s, o)) if p in SYMMETRIC_PROPERTIES else (s, p, o)


def _score_relations(
    graphs: Sequence[Graph],
    nodes: dict[Node, EntityNode],
    match: dict[Node, str],
    by_id: dict[str, GoldEntity],
    relations: list[GoldRelation],
    result: Score,
) -> None:
    wanted: dict[tuple[str, str, str], bool] = {}
    for r in relations:  # a relation given twice keeps its last 'required'
        wanted[_relation_key(r.s, r.p, r.o)] = r.required
    per_property: dict[str, Counts] = defaultdict(Counts)
    drawn: set[tuple[str, str, str]] = set()
    properties = {
        p for graph in graphs for p in graph.predicates(unique=True) if local_name(p) in RELATION_PROPERTIES
    }
    for s, p, o in (t for prop in sorted(properties, key=str) for t in _triples(graphs, (None, prop, None))):
        name = local_name(p)
        if s not in nodes or o not in nodes:
            continue
        gs, go = match.get(s), match.get(o)
        if not gs or not go:  # an end matches no gold entity (or several)
            per_property[name] += Counts(fp=1)
            ends = [
                by_id[g].label if g else f"{nodes[n].display} (matches no gold entity)"
                for n, g in ((s, gs), (o, go))
            ]
            result.spurious_relations.append(f"{ends[0]} --{name}--> {ends[1]}")
            continue
        drawn.add(_relation_key(gs, name, go))
    for key in drawn:
        if key not in wanted:
            per_property[key[1]] += Counts(fp=1)
            result.spurious_relations.append(f"{by_id[key[0]].label} --{key[1]}--> {by_id[key[2]].label}")
        elif wanted[key]:
            per_property[key[1]] += Counts(tp=1)
    for key, required in wanted.items():
        if required and key not in drawn:
            per_property[key[1]] += Counts(fn=1)
            result.missed_relations.append(f"{by_id[key[0]].label} --{key[1]}--> {by_id[key[2]].label}")
    result.per_property = dict(per_property)
    result.relations = sum(per_property.values(), Counts())


def _score_documents(
    graphs: Sequence[Graph],
    match: dict[Node, str],
    by_id: dict[str, GoldEntity],
    documents: list[GoldDocument],
    result: Score,
) -> None:
    per_field: dict[str, Tally] = {}
    for doc in documents:
        values: dict[str, set[Node]] = defaultdict(set)
        for iri in (n for n, g in match.items() if g == doc.entity):
            for _, p, o in _triples(graphs, (iri, None, None)):
                values[local_name(p)].add(o)
        for key, want in doc.fields:
            got = values[DOCUMENT_FIELDS[key]]
            if key == "date":
                ok = any(str(v).startswith(str(want)) for v in got)
            elif key == "issuer":
                ok = any(match.get(v) == want for v in got)
            else:
                accepted = want if isinstance(want, tuple) else (want,)
                ok = bool({name_key(w) for w in accepted} & {name_key(str(v)) for v in got})
            per_field[key] = per_field.get(key, Tally()) + Tally(int(ok), 1)
            if not ok:
                shown = (
                    by_id[want].label
                    if isinstance(want, str) and key == "issuer"
                    else " | ".join(_as_tuple(want))
                )
                result.missed_document_fields.append(f"{by_id[doc.entity].label}: {key}={shown}")
    result.per_field = per_field
    result.document_fields = sum(per_field.values(), Tally())


def _as_tuple(value: str | tuple[str, ...]) -> tuple[str, ...]:
    return value if isinstance(value, tuple) else (value,)


def evaluate(
    graph: Graph,
    golds: Iterable[Gold],
    ontology: Graph | None = None,
    only: Collection[str] | None = None,
    articles: Mapping[str, Graph] | None = None,
) -> Evaluation:
    """Score ``graph`` against each gold; ``ontology`` defaults to the packaged one; ``only`` picks groups.

    With ``articles`` (article file name -> that article's graph), a gold naming its
    ``document`` is scored against that article's graph alone (an article missing from it
    scores against nothing, so all its entities are missed, as the contract's corpus scorer
    counts them); ``graph`` still gives the classes."""
    if only:
        unknown = sorted(set(only) - set(GROUPS))
        if unknown:
            raise InputError("--only", f"unknown group {', '.join(unknown)}", f"use {', '.join(GROUPS)}")
    if ontology is None:
        from .validate import ontology_graph

        ontology = ontology_graph()
    closure = class_closure((graph, ontology))
    files, missing = [], []
    for gold in golds:
        target = graph
        if articles is not None and gold.document:
            name = PurePath(gold.document).name
            target = articles.get(name, Graph())
            if name not in articles:
                missing.append(name)
        files.append(score_gold((target, ontology), gold, closure, only))
    total = Score("total")
    for score in files:
        total.add(score)
    return Evaluation(files, total, missing)


def article_graphs(dataset: Dataset) -> dict[str, Graph]:
    """Article file name -> the named graph holding that article (its ``kg:sourceFile``)."""
    out: dict[str, Graph] = {}
    for context in dataset.graphs():
        names = sorted(str(o) for _, p, o in context if local_name(p) == "sourceFile")
        if names:
            graph = Graph()
            graph += context
            out[PurePath(names[0]).name] = graph
    return out


def evaluate_files(
    graph: str | Path,
    golds: Iterable[str | Path],
    ontologies: Iterable[str | Path] = (),
    only: Collection[str] | None = None,
) -> Evaluation:
    """Score a graph file against gold files, each against its own article's graph (found by
    the gold's ``document``); the ontology files default to the packaged one."""
    from .store import load_graph, read_article_graphs

    gold_list = [read_gold(path) for path in golds]
    ontology = None
    for path in ontologies:
        ontology = ontology if ontology is not None else Graph()
        ontology += load_graph(path)
    dataset = read_article_graphs(graph)
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    articles = article_graphs(dataset) or None  # a graph naming no article file: scored whole
    return evaluate(union, gold_list, ontology=ontology, only=only, articles=articles)


# --- text report ----------------------------------------------------------------------


def _line(label: str, counts: Counts) -> str:
    return (
        f"{label:15} P={counts.precision:.3f} R={counts.recall:.3f} F1={counts.f1:.3f}  "
        f"(tp {counts.tp}, fp {counts.fp}, fn {counts.fn})"
    )


def _table(title: str, rows: dict[str, Counts]) -> list[str]:
    lines = [title, f"  {'':24} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for name, c in sorted(rows.items()):
        lines.append(f"  {name:24} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.tp:5} {c.fp:5} {c.fn:5}")
    return lines


def format_report(evaluation: Evaluation) -> str:
    """The report ``kgraph evaluate`` prints: per file, then breakdowns and the micro summary."""
    lines: list[str] = [
        f"no article {name} in the graph: its gold entities all count as missed"
        for name in evaluation.missing
    ]
    for score in evaluation.files:
        lines.append(f"== {score.name}")
        for label in ("entities", "entities_typed", "relations"):
            lines.append("  " + _line(label, getattr(score, label)))
        lines.append(f"  document fields {score.document_fields.correct}/{score.document_fields.total}")
        for name in Score.MISS_LISTS:
            items = getattr(score, name)
            if items:
                lines.append(f"  {name.replace('_', ' ')} ({len(items)}):")
                lines.extend(f"    - {item}" for item in items)
    total = evaluation.total
    lines += _table("per class (typed entities)", total.per_class)
    lines += _table("per relation property", total.per_property)
    lines.append("per document field")
    lines.extend(f"  {name:24} {t.correct}/{t.total}" for name, t in total.per_field.items())
    lines.append(
        f"SUMMARY entities F1={total.entities.f1:.3f} typed F1={total.entities_typed.f1:.3f} "
        f"relations F1={total.relations.f1:.3f} document fields "
        f"{total.document_fields.correct}/{total.document_fields.total}"
    )
    return "\n".join(lines)
