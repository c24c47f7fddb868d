"""The seed article scored against its hand annotation with kgraph's own evaluator."""

from __future__ import annotations

from conftest import SEED_GOLD
from rdflib import Graph

from kgraph.evaluate import evaluate, read_gold


def test_seed_scores(seed_graph: Graph) -> None:
    result = evaluate(seed_graph, [read_gold(SEED_GOLD)])
    total = result.total
    assert total.entities.f1 >= 0.95, result
    assert total.entities_typed.f1 >= 0.95
    assert total.relations.f1 >= 0.90
    assert total.document_fields.correct >= 11
