"""``kgraph export``: every format reloads to what the build wrote; offsets stay with their evidence."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from kgraph.cli import main
from kgraph.namespaces import KG

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
DEFAULT = URIRef("urn:x-rdflib:default")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "out"
    argv = ["build", str(EXAMPLES), "--out", str(out), "--quiet", "--no-html", "--no-cache", "--workers=1"]
    assert main(argv) == 0
    return out


def quads(path: Path, fmt: str) -> set[tuple[object, ...]]:
    dataset = Dataset()
    dataset.parse(path, format=fmt)
    return {(s, p, o, g.identifier if isinstance(g, Graph) else g) for s, p, o, g in dataset.quads()}


def triples(path: Path, fmt: str) -> set[tuple[object, ...]]:
    return {(s, p, o) for s, p, o, _ in quads(path, fmt)}


@pytest.mark.parametrize(
    ("fmt", "suffix", "parser"),
    [("trig", "trig", "trig"), ("nquads", "nq", "nquads"), ("jsonld", "jsonld", "json-ld")],
)
def test_quad_formats_keep_every_named_graph(
    built: Path, tmp_path: Path, fmt: str, suffix: str, parser: str
) -> None:
    original = quads(built / "graph.trig", "trig")
    assert len({q[3] for q in original}) > 5  # six articles and the shared graph
    target = tmp_path / f"export.{suffix}"
    assert main(["export", str(built / "graph.trig"), "--format", fmt, "--out", str(target)]) == 0
    assert quads(target, parser) == original


@pytest.mark.parametrize(("fmt", "parser"), [("turtle", "turtle"), ("nt", "nt")])
def test_triple_formats_keep_every_triple(built: Path, tmp_path: Path, fmt: str, parser: str) -> None:
    target = tmp_path / f"export.{fmt}"
    assert main(["export", str(built / "graph.trig"), "--format", fmt, "--out", str(target)]) == 0
    assert (
        triples(target, parser)
        == triples(built / "graph.trig", "trig")
        == triples(built / "graph.ttl", "turtle")
    )


def test_exports_are_deterministic(built: Path, tmp_path: Path) -> None:
    for fmt in ("turtle", "nt", "trig", "jsonld"):
        one, two = tmp_path / f"1.{fmt}", tmp_path / f"2.{fmt}"
        for target in (one, two):
            assert main(["export", str(built / "graph.trig"), "--format", fmt, "--out", str(target)]) == 0
        assert one.read_bytes() == two.read_bytes(), fmt


def test_turtle_export_of_the_trig_is_the_built_turtle(built: Path, tmp_path: Path) -> None:
    target = tmp_path / "export.ttl"
    assert main(["export", str(built / "graph.trig"), "--format", "turtle", "--out", str(target)]) == 0
    assert target.read_bytes() == (built / "graph.ttl").read_bytes()


def test_each_evidence_is_its_own_statement(built: Path) -> None:
    """A membership named in two sentences had two kg:startOffset (one of them 0) on one node:
    which offsets went with which sentence was lost, and JSON-LD dropped the repeated 0."""
    graph = Graph()
    graph.parse(built / "graph.ttl", format="turtle")
    holders = set(graph.subjects(KG.evidence, None))
    assert len(holders) > 50
    for node in holders:
        counts = Counter(
            p for p, _ in graph.predicate_objects(node) if p in (KG.evidence, KG.startOffset, KG.endOffset)
        )
        assert counts == {KG.evidence: 1, KG.startOffset: 1, KG.endOffset: 1}, node
    assert any(graph.triples((None, KG.startOffset, None)))
    statements = set(graph.subjects(RDF.type, RDF.Statement))
    assert holders <= statements | set(graph.subjects(RDF.type, KG.Quantity))


def test_a_graph_file_is_checked_once_for_every_reader(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kgraph import dataset
    from kgraph.errors import GraphFileError

    assert set(dataset._PARSERS) == set(dataset.FORMAT_OF_SUFFIX)  # the same suffixes, read by two parsers
    (tmp_path / "g.xyz").write_text("", encoding="utf-8")
    with pytest.raises(GraphFileError, match="unknown graph format"):
        dataset.read_graphs(tmp_path / "g.xyz")
    with pytest.raises(GraphFileError, match="no such graph file"):
        dataset.read_graphs(tmp_path / "none.ttl")
    checked: list[Path] = []
    monkeypatch.setattr(dataset, "format_of", lambda path: checked.append(path) or "turtle")
    (tmp_path / "g.ttl").write_text("<http://a/s> <http://a/p> <http://a/o> .\n", encoding="utf-8")
    assert dataset.read_graphs(tmp_path / "g.ttl") == {"": ["<http://a/s> <http://a/p> <http://a/o> ."]}
    assert checked == [tmp_path / "g.ttl"]
