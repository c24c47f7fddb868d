"""Count a build's relations and draw a fixed random sample of them to read by hand.

    .venv/bin/python dev/sample_relations.py OUT/graph.nq [--seed 13] [--per 10]
        [--predicates directs,subOrganizationOf,memberOf] [--markdown]

Counts: the plain triples of each relation predicate (what the scorer and the ready-made
queries see) and the reified statements by modality. Sample: ``--per`` asserted statements
of each predicate, drawn with ``random.Random(seed)`` from the statements sorted by their
IRI, so the same build and seed give the same rows; each row has the two labels, the
article's source file, the rule-free evidence sentence and an empty verdict column.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

from rdflib import Dataset, URIRef
from rdflib.namespace import PROV, RDF, SKOS

from kgraph.namespaces import KG, PREDICATE_OF

NAME_OF = {iri: name for name, iri in PREDICATE_OF.items()}


def load(path: Path) -> Dataset:
    data = Dataset(default_union=True)
    data.parse(path, format="nquads" if path.suffix == ".nq" else "trig")
    return data


def label(data: Dataset, node: URIRef) -> str:
    labels = sorted(str(x) for x in data.objects(node, SKOS.prefLabel))
    return labels[0] if labels else str(node)


def counts(data: Dataset) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    plain: Counter[str] = Counter()
    for iri, name in NAME_OF.items():
        plain[name] = len(set(data.subject_objects(iri)))
    by_modality: Counter[tuple[str, str]] = Counter()
    for st in set(data.subjects(RDF.type, RDF.Statement)):
        pred = data.value(st, RDF.predicate)
        modality = data.value(st, KG.modality)
        mod = str(modality).rsplit("#", 1)[-1] if modality is not None else "(none)"
        by_modality[(NAME_OF.get(pred, str(pred)), mod)] += 1  # type: ignore[arg-type]
    return plain, by_modality


def sample(data: Dataset, predicate: str, per: int, rng: random.Random) -> list[list[str]]:
    iri = PREDICATE_OF[predicate]
    statements = sorted(
        st
        for st in set(data.subjects(RDF.predicate, iri))
        if data.value(st, KG.modality) in (None, KG.asserted)
    )
    rows = []
    for st in rng.sample(statements, min(per, len(statements))):
        article = data.value(st, PROV.wasDerivedFrom)
        source = data.value(article, KG.sourceFile) if article is not None else None
        rows.append(
            [
                predicate,
                label(data, data.value(st, RDF.subject)),  # type: ignore[arg-type]
                label(data, data.value(st, RDF.object)),  # type: ignore[arg-type]
                Path(str(source)).name if source is not None else "",
                " ".join(str(data.value(st, KG.evidence)).split()),
                "",
            ]
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", type=Path)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--per", type=int, default=10)
    parser.add_argument("--predicates", default="directs,subOrganizationOf,memberOf")
    args = parser.parse_args()
    data = load(args.graph)
    plain, by_modality = counts(data)
    print(
        f"plain relation triples: {sum(plain.values())}  "
        + " ".join(f"{k}={v}" for k, v in sorted(plain.items()))
    )
    print("statements by modality: " + " ".join(f"{p}/{m}={n}" for (p, m), n in sorted(by_modality.items())))
    rng = random.Random(args.seed)
    print("\n| # | relation | subject | object | article | sentence | verdict |")
    print("|---|---|---|---|---|---|---|")
    k = 0
    for predicate in args.predicates.split(","):
        for row in sample(data, predicate, args.per, rng):
            k += 1
            print(f"| {k} | " + " | ".join(cell.replace("|", "/") for cell in row) + " |")


if __name__ == "__main__":
    main()
