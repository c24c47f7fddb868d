"""Scoring a graph against gold annotations (``kgraph.evaluate`` and ``kgraph evaluate``).

Every expected number below is worked out by hand from the scoring contract on a
small gold (five required entities, one optional; four required relations, one
optional; four document fields) and small Turtle graphs.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from conftest import SEED_GOLD
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kgraph.cli import main
from kgraph.errors import InputError
from kgraph.evaluate import Counts, Evaluation, evaluate, evaluate_files, name_key, parse_gold, read_gold

GOLD: dict[str, Any] = {
    "document": "t.txt",
    "entities": [
        {
            "id": "A",
            "type": "PartyCommittee",
            "label": "Đảng ủy Khối Các cơ quan tỉnh",
            "aliases": ["Đảng ủy Khối"],
        },
        {"id": "B", "type": "Directive", "label": "Chỉ thị 05-CT/TW", "aliases": ["05-CT/TW"]},
        {"id": "C", "type": "PartyCommittee", "label": "Bộ Chính trị"},
        {"id": "D", "type": "Person", "label": "Nguyễn Tài Sơn"},
        {"id": "E", "type": "StateAgency", "label": "Sở Tài chính", "required": False},
        {"id": "F", "type": "Organization", "label": "Trường Chính trị Trường Chinh"},
    ],
    "relations": [
        {"s": "A", "p": "implements", "o": "B"},
        {"s": "B", "p": "issuedBy", "o": "C"},
        {"s": "D", "p": "memberOf", "o": "A"},
        {"s": "A", "p": "cooperatesWith", "o": "F"},
        {"s": "A", "p": "directs", "o": "E", "required": False},
    ],
    "documents": [
        {
            "entity": "B",
            "number": "05-CT/TW",
            "issuer": "C",
            "date": "2016-05-15",
            "title": "Đẩy mạnh học tập",
        }
    ],
    "positions": [{"person": "D", "title": "Phó Bí thư Thường trực", "organization": "A"}],
    "facts": [{"subject": "A", "value": 73, "unit": "tổ chức cơ sở Đảng"}],
}

PREFIXES = """\
@prefix kg: <https://w3id.org/kgraph/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema: <https://schema.org/> .
@prefix r: <https://w3id.org/kgraph/resource/> .
"""

# One statement per line, so a case can replace or drop a line.
PERFECT = """\
r:duk a kg:PartyCommittee ; rdfs:label "Đảng ủy Khối Các cơ quan tỉnh"@vi ; skos:altLabel "Đảng uỷ Khối"@vi .
r:ct05 a kg:Directive ; skos:prefLabel "Chỉ thị 05-CT/TW"@vi .
r:ct05 kg:documentNumber "05-CT/TW" ; kg:issuedOn "2016-05-15"^^xsd:date .
r:ct05 dcterms:title "“Đẩy mạnh học tập”"@vi .
r:bct a kg:PartyCommittee ; rdfs:label "Bộ Chính trị"@vi .
r:son a kg:Person ; rdfs:label "Nguyễn Tài Sơn"@vi .
r:so a kg:StateAgency ; rdfs:label "Sở Tài chính"@vi .
r:truong a kg:EducationalInstitution ; rdfs:label "Trường Chính trị Trường Chinh"@vi .
r:article a schema:NewsArticle ; rdfs:label "Đảng ủy Khối Các cơ quan tỉnh"@vi .
r:duk kg:implements r:ct05 .
r:ct05 kg:issuedBy r:bct .
r:son org:memberOf r:duk .
r:duk kg:cooperatesWith r:truong .
r:duk kg:directs r:so .
"""


def variant(*edits: tuple[str, str]) -> str:
    """PERFECT with each (old line, new text) edit applied; old must be present."""
    text = PERFECT
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    return text


def graph_of(body: str) -> Graph:
    return Graph().parse(data=PREFIXES + body, format="turtle")


def score(body: str, gold: dict[str, Any] | None = None, **options: Any) -> Evaluation:
    return evaluate(graph_of(body), [parse_gold(gold or GOLD, "t.json")], **options)


def triple(counts: Counts) -> tuple[int, int, int]:
    return counts.tp, counts.fp, counts.fn


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Đảng uỷ", "Đảng ủy"),  # tone mark on the other vowel
        ("ĐẢNG ỦY", "đảng ủy"),  # case
        ("Hoà Bình", "Hòa Bình"),  # old and new tone placement
        ("Nghị quyết Trung ương 4 (khóa XII)", "Nghị quyết Trung ương 4 khóa XII"),  # brackets
        ("“Xuân tình nguyện”", "Xuân tình nguyện"),  # curly quotes
        ("Đền ơn đáp nghĩa, uống nước nhớ nguồn", "Đền ơn đáp nghĩa uống nước nhớ nguồn"),  # commas
        ("35- NQ/TW", "35-NQ / TW"),  # spaces around - and /
        ("Kinh tế – Ngân sách", "Kinh tế-Ngân sách"),  # an en dash is a hyphen
        ("Ban Bí thư.", "Ban  Bí thư"),  # trailing full stop after a toneless syllable, double space
        (unicodedata.normalize("NFD", "Hội Cựu chiến binh"), "Hội Cựu chiến binh"),  # decomposed input
    ],
)
def test_name_key_equal(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Đảng ủy", "Đảng bộ"),  # different words
        ("Hòa", "Hoa"),  # a tone mark is kept, only its place is ignored
        ("Đảng", "Dang"),  # đ is not d
        ("05-CT/TW", "05 CT TW"),  # hyphen and slash are not spaces
    ],
)
def test_name_key_different(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


def test_counts_rounding_and_empty() -> None:
    assert Counts(5, 1, 0).as_dict() == {
        "tp": 5,
        "fp": 1,
        "fn": 0,
        "precision": 0.8333,
        "recall": 1.0,
        "f1": 0.9091,
    }
    assert Counts(0, 0, 0).as_dict() == {
        "tp": 0,
        "fp": 0,
        "fn": 0,
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
    }
    assert Counts(1, 2, 3) + Counts(10, 20, 30) == Counts(11, 22, 33)


DUPLICATE = (
    "r:bct a",
    'r:duk2 a kg:PartyCommittee ; rdfs:label "Đảng uỷ khối các cơ quan tỉnh"@vi .\nr:bct a',
)
MISTYPED = ("r:bct a kg:PartyCommittee", "r:bct a kg:StateAgency")
UNMATCHED_END = (
    "r:duk kg:directs r:so .",
    'r:duk kg:directs r:so , r:btg .\nr:btg a kg:PartyAgency ; rdfs:label "Ban Tuyên giáo"@vi .',
)
SYMMETRIC_REVERSED = ("r:duk kg:cooperatesWith r:truong .", "r:truong kg:cooperatesWith r:duk .")
DIRECTED_REVERSED = ("r:ct05 kg:issuedBy r:bct .", "r:bct kg:issuedBy r:ct05 .")
NO_OPTIONAL = (
    ('r:so a kg:StateAgency ; rdfs:label "Sở Tài chính"@vi .\n', ""),
    ("r:duk kg:directs r:so .\n", ""),
)
OPTIONAL_REVERSED = ("r:duk kg:directs r:so .", "r:so kg:directs r:duk .")
NO_PERSON = (
    ('r:son a kg:Person ; rdfs:label "Nguyễn Tài Sơn"@vi .\n', ""),
    ("r:son org:memberOf r:duk .\n", ""),
)
AMBIGUOUS = (
    'r:so a kg:StateAgency ; rdfs:label "Sở Tài chính"@vi',
    'r:so a kg:StateAgency ; rdfs:label "Sở Tài chính"@vi , "Bộ Chính trị"@vi',
)
NUMBER_SPELLING = ('kg:documentNumber "05-CT/TW"', 'kg:documentNumber "05- CT / TW"')
WRONG_DATE = ('"2016-05-15"^^xsd:date', '"2016-05-16"^^xsd:date')


@pytest.mark.parametrize(
    ("edits", "entities", "typed", "relations", "fields"),
    [
        # everything found, the untyped article node named like A is ignored
        ((), (5, 0, 0), (5, 0, 0), (4, 0, 0), (4, 4)),
        # a second node for A: a false positive in both entity scores
        ((DUPLICATE,), (5, 1, 0), (5, 1, 0), (4, 0, 0), (4, 4)),
        # C found with the wrong class: found, but typed fp and fn
        ((MISTYPED,), (5, 0, 0), (4, 1, 1), (4, 0, 0), (4, 4)),
        # an extra node and a relation to it: one fp each
        ((UNMATCHED_END,), (5, 1, 0), (5, 1, 0), (4, 1, 0), (4, 4)),
        # cooperatesWith is symmetric: reversed still counts
        ((SYMMETRIC_REVERSED,), (5, 0, 0), (5, 0, 0), (4, 0, 0), (4, 4)),
        # issuedBy reversed: one fp, one fn, and the issuer field is missed
        ((DIRECTED_REVERSED,), (5, 0, 0), (5, 0, 0), (3, 1, 1), (3, 4)),
        # the optional entity and its optional relation missing: no penalty
        (NO_OPTIONAL, (5, 0, 0), (5, 0, 0), (4, 0, 0), (4, 4)),
        # a relation of the optional entity that the gold does not hold: fp
        ((OPTIONAL_REVERSED,), (5, 0, 0), (5, 0, 0), (4, 1, 0), (4, 4)),
        # D missed: one entity fn, its memberOf missed too
        (NO_PERSON, (4, 0, 1), (4, 0, 1), (3, 0, 1), (4, 4)),
        # a node naming both E and C matches neither: fp, and its relation is fp
        ((AMBIGUOUS,), (5, 1, 0), (5, 1, 0), (4, 1, 0), (4, 4)),
        # the number spelt with spaces still matches
        ((NUMBER_SPELLING,), (5, 0, 0), (5, 0, 0), (4, 0, 0), (4, 4)),
        # a wrong date is one missed field
        ((WRONG_DATE,), (5, 0, 0), (5, 0, 0), (4, 0, 0), (3, 4)),
    ],
)
def test_counts(
    edits: tuple[tuple[str, str], ...],
    entities: tuple[int, int, int],
    typed: tuple[int, int, int],
    relations: tuple[int, int, int],
    fields: tuple[int, int],
) -> None:
    total = score(variant(*edits)).total
    assert triple(total.entities) == entities
    assert triple(total.entities_typed) == typed
    assert triple(total.relations) == relations
    assert (total.document_fields.correct, total.document_fields.total) == fields
    # the breakdowns add up to the totals
    assert sum(total.per_class.values(), Counts()) == total.entities_typed
    assert sum(total.per_property.values(), Counts()) == total.relations
    assert sum(f.correct for f in total.per_field.values()) == fields[0]


@pytest.mark.parametrize(
    ("edits", "part", "expected"),
    [
        ((DUPLICATE,), "entities", {"precision": 0.8333, "recall": 1.0, "f1": 0.9091}),
        ((MISTYPED,), "entities_typed", {"precision": 0.8, "recall": 0.8, "f1": 0.8}),
        ((UNMATCHED_END,), "relations", {"precision": 0.8, "recall": 1.0, "f1": 0.8889}),
        ((DIRECTED_REVERSED,), "relations", {"precision": 0.75, "recall": 0.75, "f1": 0.75}),
        (NO_PERSON, "relations", {"precision": 1.0, "recall": 0.75, "f1": 0.8571}),
    ],
)
def test_precision_recall_f1(
    edits: tuple[tuple[str, str], ...], part: str, expected: dict[str, float]
) -> None:
    counts = getattr(score(variant(*edits)).total, part)
    assert {k: v for k, v in counts.as_dict().items() if k in expected} == expected


def test_misses_are_named() -> None:
    body = variant(DUPLICATE, MISTYPED, UNMATCHED_END, DIRECTED_REVERSED, *NO_PERSON)
    (file,) = score(body).files
    assert file.missed_entities == ["Nguyễn Tài Sơn"]
    assert file.duplicate_entities == ["Đảng ủy Khối Các cơ quan tỉnh"]
    assert file.spurious_entities == ["Ban Tuyên giáo"]
    assert [m.split(" (")[0] for m in file.mistyped_entities] == ["Bộ Chính trị"]
    assert "StateAgency" in file.mistyped_entities[0]
    assert sorted(file.missed_relations) == [
        "Chỉ thị 05-CT/TW --issuedBy--> Bộ Chính trị",
        "Nguyễn Tài Sơn --memberOf--> Đảng ủy Khối Các cơ quan tỉnh",
    ]
    assert len(file.spurious_relations) == 2
    assert "Bộ Chính trị --issuedBy--> Chỉ thị 05-CT/TW" in file.spurious_relations
    assert any("Ban Tuyên giáo" in s and "no gold entity" in s for s in file.spurious_relations)
    assert file.missed_document_fields == ["Chỉ thị 05-CT/TW: issuer=Bộ Chính trị"]


def test_duplicates_of_different_classes_are_flagged() -> None:
    # which of two nodes counts first: the one whose IRI sorts first (r:dak before r:duk), every run
    body = variant(DUPLICATE).replace("r:duk2 a kg:PartyCommittee", "r:dak a kg:PartyOrganization")
    (file,) = score(body).files
    assert [m.split(" (")[0] for m in file.order_dependent_entities] == ["Đảng ủy Khối Các cơ quan tỉnh"]
    assert triple(file.entities) == (5, 1, 0)
    assert triple(file.entities_typed) == (4, 2, 1)
    assert score(variant(DUPLICATE)).files[0].order_dependent_entities == []


def test_the_report_is_the_same_whatever_the_hash_seed(tmp_path: Path) -> None:
    # three entities with duplicates of another class: rdflib yields their types in an order
    # that follows string hashing, so each would count either node under another seed
    body = variant(DUPLICATE, MISTYPED).replace("r:duk2 a kg:PartyCommittee", "r:duk2 a kg:PartyOrganization")
    body += 'r:bct2 a kg:PartyCommittee ; rdfs:label "Bộ Chính trị"@vi .\n'
    body += 'r:son2 a kg:PartyCommittee ; rdfs:label "Nguyễn Tài Sơn"@vi .\n'
    ttl, gold = write_case(tmp_path, body)
    reports = set()
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-m", "kgraph", "evaluate", ttl, gold, "--json"]
        reports.add(subprocess.run(command, env=env, check=True, capture_output=True).stdout)
    assert len(reports) == 1


def test_per_class_and_per_property() -> None:
    total = score(variant(MISTYPED, DIRECTED_REVERSED)).total
    # A right and C as StateAgency: PartyCommittee misses C, StateAgency gains a false positive
    assert triple(total.per_class["PartyCommittee"]) == (1, 0, 1)
    assert triple(total.per_class["StateAgency"]) == (0, 1, 0)
    assert triple(total.per_class["Organization"]) == (1, 0, 0)  # F, an EducationalInstitution
    assert triple(total.per_property["issuedBy"]) == (0, 1, 1)
    assert triple(total.per_property["cooperatesWith"]) == (1, 0, 0)
    assert total.per_field["issuer"].correct == 0 and total.per_field["number"].correct == 1


def test_packaged_ontology_is_the_default() -> None:
    # F is gold Organization, the node an EducationalInstitution: only the ontology says it is one
    assert triple(score(PERFECT).total.entities_typed) == (5, 0, 0)
    assert triple(score(PERFECT, ontology=Graph()).total.entities_typed) == (4, 1, 1)


@pytest.mark.parametrize(
    ("only", "entities", "relations", "fields"),
    [
        ({"Person"}, (1, 0, 0), (0, 0, 0), (0, 0)),  # D alone; its memberOf leaves the scope
        ({"Organization", "LegalDocument"}, (4, 0, 0), (3, 0, 0), (4, 4)),  # A B C F, E optional
    ],
)
def test_only_groups(
    only: set[str], entities: tuple[int, int, int], relations: tuple[int, int, int], fields: tuple[int, int]
) -> None:
    total = score(PERFECT, only=only).total
    assert triple(total.entities) == entities
    assert triple(total.relations) == relations
    assert (total.document_fields.correct, total.document_fields.total) == fields


def test_unknown_group_is_refused() -> None:
    with pytest.raises(InputError, match="Persons"):
        score(PERFECT, only={"Persons"})


def test_micro_totals_over_two_gold_files() -> None:
    # the second gold knows D only: the five other entities and five relations are false positives
    only_d = {"entities": [{"id": "D", "type": "Person", "label": "Nguyễn Tài Sơn"}], "relations": []}
    result = evaluate(graph_of(PERFECT), [parse_gold(GOLD, "a.json"), parse_gold(only_d, "b.json")])
    assert triple(result.files[1].entities) == (1, 5, 0)
    assert result.total.entities.as_dict()["f1"] == 0.7059  # 12 / 17
    assert triple(result.total.relations) == (4, 5, 0)
    assert result.total.relations.as_dict()["f1"] == 0.6154  # 8 / 13


EX = Namespace("http://example.org/any#")  # matching is by local name: any namespace will do


def graph_from_gold(gold: dict[str, Any]) -> Graph:
    """A graph saying exactly what the gold says."""
    graph = Graph()
    node = {e["id"]: URIRef(f"http://example.org/n/{e['id']}") for e in gold["entities"]}
    for e in gold["entities"]:
        graph.add((node[e["id"]], RDF.type, EX[e["type"]]))
        graph.add((node[e["id"]], RDFS.label, Literal(e["label"])))
        for alias in e.get("aliases", []):
            graph.add((node[e["id"]], SKOS.altLabel, Literal(alias)))
    for r in gold["relations"]:
        graph.add((node[r["s"]], EX[r["p"]], node[r["o"]]))
    for d in gold["documents"]:
        doc = node[d["entity"]]
        for field, prop in (
            ("number", "documentNumber"),
            ("date", "issuedOn"),
            ("title", "title"),
            ("term", "term"),
        ):
            if field in d:
                graph.add((doc, EX[prop], Literal(d[field] if isinstance(d[field], str) else d[field][0])))
        if "issuer" in d:
            graph.add((doc, EX.issuedBy, node[d["issuer"]]))
    return graph


def test_seed_gold_read_back_from_a_graph_scores_perfectly() -> None:
    data = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    total = evaluate(graph_from_gold(data), [read_gold(SEED_GOLD)]).total
    # the seed gold holds 35 required entities, 12 required relations, 12 document fields
    assert triple(total.entities) == (35, 0, 0)
    assert triple(total.entities_typed) == (35, 0, 0)
    assert triple(total.relations) == (12, 0, 0)
    assert (total.document_fields.correct, total.document_fields.total) == (12, 12)


def test_seed_gold_against_an_empty_graph_misses_everything() -> None:
    total = evaluate(Graph(), [read_gold(SEED_GOLD)]).total
    assert triple(total.entities) == (0, 0, 35)
    assert triple(total.relations) == (0, 0, 12)
    assert total.document_fields.correct == 0


def _entity(**fields: Any) -> dict[str, Any]:
    return {"entities": [{"id": "A", "type": "Person", "label": "Nguyễn Văn A", **fields}]}


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("{not json", "not valid JSON"),  # syntax error
        ("[]", "object"),  # a list at the top
        ('{"relations": []}', "entities"),  # no entities
        (json.dumps({"entities": [{"id": "A", "type": "Person"}]}), "label"),  # missing label
        (json.dumps(_entity(type="Persons")), "Persons"),  # unknown class
        (json.dumps(_entity(required="no")), "required"),  # not a boolean
        (json.dumps(_entity(aliases="Văn A")), "aliases"),  # not a list
        (json.dumps({"entities": _entity()["entities"] * 2}), "twice"),  # duplicate id
        (json.dumps({**_entity(), "relations": [{"s": "A", "p": "memberOf", "o": "X"}]}), "X"),  # unknown id
        (
            json.dumps({**_entity(), "relations": [{"s": "A", "p": "owns", "o": "A"}]}),
            "owns",
        ),  # unknown property
        (json.dumps({**_entity(), "documents": [{"entity": "Z", "number": "1"}]}), "Z"),  # unknown document
        (json.dumps({**_entity(), "documents": [{"entity": "A", "date": 2016}]}), "date"),  # not a string
    ],
)
def test_bad_gold_names_the_file(tmp_path: Path, text: str, says: str) -> None:
    path = tmp_path / "bad-gold.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_gold(path)
    message = str(caught.value)
    assert "bad-gold.json" in message and says in message and "\n" not in message


def write_case(tmp_path: Path, body: str) -> tuple[str, str]:
    ttl = tmp_path / "graph.ttl"
    ttl.write_text(PREFIXES + body, encoding="utf-8")
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    return str(ttl), str(gold)


def test_cli_prints_scores_breakdowns_and_misses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ttl, gold = write_case(tmp_path, variant(MISTYPED))
    assert main(["evaluate", ttl, gold]) == 0
    out = capsys.readouterr().out
    assert "entities_typed  P=0.800 R=0.800 F1=0.800  (tp 4, fp 1, fn 1)" in out
    assert "Bộ Chính trị" in out and "StateAgency" in out and "implements" in out
    assert out.rstrip().splitlines()[-1] == (
        "SUMMARY entities F1=1.000 typed F1=0.800 relations F1=1.000 document fields 4/4"
    )


def test_cli_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ttl, gold = write_case(tmp_path, variant(DUPLICATE))
    assert main(["evaluate", ttl, gold, "--json", "--only", "Organization,LegalDocument"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["summary"]["entities"] == {
        "tp": 4,
        "fp": 1,
        "fn": 0,
        "precision": 0.8,
        "recall": 1.0,
        "f1": 0.8889,
    }
    assert report["documents"]["gold.json"]["duplicate_entities"] == ["Đảng ủy Khối Các cơ quan tỉnh"]


def test_cli_bad_gold_is_one_line_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ttl, _ = write_case(tmp_path, PERFECT)
    bad = tmp_path / "broken.json"
    bad.write_text('{"entities": [', encoding="utf-8")
    assert main(["evaluate", ttl, str(bad)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "broken.json" in err[0]


def test_cli_missing_gold_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ttl, _ = write_case(tmp_path, PERFECT)
    assert main(["evaluate", ttl, str(tmp_path / "nope.json")]) == 1
    assert "nope.json" in capsys.readouterr().err


DOCS = Path(__file__).parent.parent / "docs" / "gold-format.md"


def test_the_documented_example_prints_what_the_docs_say(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocks = dict(re.findall(r"```(\w*)\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S))
    (tmp_path / "gold").mkdir()
    gold = tmp_path / "gold" / "001_example.json"
    gold.write_text(blocks["json"], encoding="utf-8")
    (tmp_path / "graph.ttl").write_text(blocks["turtle"], encoding="utf-8")
    assert main(["evaluate", str(tmp_path / "graph.ttl"), str(gold)]) == 0
    printed = capsys.readouterr().out.splitlines()
    shown = [line for line in blocks[""].splitlines() if line != "..."]
    assert len(shown) > 10 and [line for line in shown if line not in printed] == []


def test_cli_ontology_replaces_the_packaged_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ttl, gold = write_case(tmp_path, PERFECT)
    bare = tmp_path / "bare.ttl"  # no class tree: the EducationalInstitution node is not an Organization
    bare.write_text(PREFIXES + "kg:Person rdfs:subClassOf kg:Agent .\n", encoding="utf-8")
    assert main(["evaluate", ttl, gold, "--ontology", str(bare), "--json"]) == 0
    typed = json.loads(capsys.readouterr().out)["summary"]["entities_typed"]
    assert (typed["tp"], typed["fp"], typed["fn"]) == (4, 1, 1)


CORPUS = Path(__file__).parent / "data" / "corpus_small"


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    assert main(["build", str(CORPUS), "--out", str(out), "--no-html", "--quiet", "--workers", "1"]) == 0
    return out


@pytest.mark.parametrize("name", ["graph.ttl", "graph.trig"])
def test_each_gold_is_scored_against_its_own_article(corpus_build: Path, tmp_path: Path, name: str) -> None:
    alone = tmp_path / "alone"
    assert main(["build", str(CORPUS / SEED_GOLD.with_suffix(".txt").name), "--out", str(alone), "-q"]) == 0
    corpus = evaluate_files(corpus_build / name, [SEED_GOLD]).total
    single = evaluate_files(alone / "graph.ttl", [SEED_GOLD]).total
    assert len(list(CORPUS.glob("*.txt"))) > 1  # the other articles' entities are not false positives
    assert triple(corpus.entities) == triple(single.entities) and corpus.entities.precision > 0.8
    assert triple(corpus.relations) == triple(single.relations)


def test_a_gold_whose_article_is_not_in_the_graph_is_all_missed(
    corpus_build: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    data["document"] = "not_built.txt"
    gold = tmp_path / "other.json"
    gold.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["evaluate", str(corpus_build / "graph.ttl"), str(gold)]) == 0
    out = capsys.readouterr().out
    assert (
        out.splitlines()[0] == "no article not_built.txt in the graph: its gold entities all count as missed"
    )
    assert "entities        P=0.000 R=0.000" in out


def test_only_takes_vietnamese_or_english_class_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kgraph.cli.evaluate import group_of

    assert group_of("Người") == "Person" and group_of("cap uy dang") == "Organization"
    assert group_of("Nghị quyết") == "LegalDocument" and group_of("Location") == "Location"
    ttl, gold = write_case(tmp_path, PERFECT)
    assert main(["evaluate", ttl, gold, "--json", "--only", "Người"]) == 0
    assert json.loads(capsys.readouterr().out)["summary"]["entities"]["tp"] == 1  # Nguyễn Tài Sơn only
    assert main(["evaluate", ttl, gold, "--only", "Ngừoi lạ"]) == 1
    assert "unknown group" in capsys.readouterr().err
