"""Dev-only: check that ``kgraph.evaluate`` gives the judge's numbers (``../shared/eval/score.py``).

Not a test (the tests never read ``../shared``). Run from the repo root:

    .venv/bin/python dev/check_scorer_agreement.py [GRAPH.ttl ...] [--scorer PY] [--gold JSON] [--random N]

It scores, with both scorers, the seed graph as ``kgraph build`` makes it now, any
graph files given, hand-made variants of a graph that says exactly what the gold
says (a duplicate node, a mistyped node, a relation to an unmatched node, a symmetric
relation reversed, ...), and N random perturbations of it (shuffled triple order,
dropped, retyped, duplicated, ambiguous and extra nodes and relations, wrong document
fields), each also under ``--only`` groups. It prints one line per graph and exits 1
on any disagreement in entities, typed entities, relations or document fields.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from kgraph.evaluate import ENTITY_CLASSES, RELATION_PROPERTIES, evaluate, read_gold
from kgraph.store import load_graph

ROOT = Path(__file__).resolve().parent.parent
KG = Namespace("https://w3id.org/kgraph/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
RES = Namespace("https://w3id.org/kgraph/resource/")
SCHEMA = Namespace("https://schema.org/")
ORG_PROPERTIES = {"memberOf", "subOrganizationOf", "Organization"}
ONLY_CHOICES: list[set[str] | None] = [
    None,
    {"Person"},
    {"Organization", "LegalDocument"},
    {"Location", "Event"},
]
COMPARED = ("entities", "entities_typed", "relations", "document_fields")
LISTS = ("missed_entities", "duplicate_entities", "missed_relations")
COUNTED = ("mistyped_entities", "spurious_entities", "spurious_relations", "missed_document_fields")


def term(name: str) -> URIRef:
    return ORG[name] if name in ORG_PROPERTIES else KG[name]


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("judge_score", path)
    assert spec and spec.loader, path
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def faithful(gold: dict[str, Any]) -> Graph:
    """A graph that says exactly what the gold says."""
    g = Graph()
    node = {e["id"]: RES[f"n{i}"] for i, e in enumerate(gold["entities"])}
    for e in gold["entities"]:
        g.add((node[e["id"]], RDF.type, term(e["type"])))
        g.add((node[e["id"]], RDFS.label, Literal(e["label"], lang="vi")))
        for alias in e.get("aliases", []):
            g.add((node[e["id"]], SKOS.altLabel, Literal(alias, lang="vi")))
    for r in gold["relations"]:
        g.add((node[r["s"]], term(r["p"]), node[r["o"]]))
    for d in gold.get("documents", []):
        add_fields(g, node[d["entity"]], d, node, lambda _field: True)
    return g


def add_fields(
    g: Graph, doc: URIRef, d: dict[str, Any], node: dict[str, URIRef], right: Callable[[str], bool]
) -> None:
    if "number" in d:
        number = d["number"] if isinstance(d["number"], str) else d["number"][-1]
        g.add((doc, KG.documentNumber, Literal(number if right("number") else number + "9")))
    if "date" in d:
        g.add((doc, KG.issuedOn, Literal(d["date"] if right("date") else "1999-01-01", datatype=XSD.date)))
    if "title" in d:
        g.add((doc, DCTERMS.title, Literal(f"“{d['title']}”" if right("title") else "Khác", lang="vi")))
    if "term" in d:
        g.add((doc, KG["term"], Literal(d["term"] if right("term") else "IX")))
    if "issuer" in d:
        issuer = node.get(d["issuer"]) if right("issuer") else doc
        if issuer is not None:
            g.add((doc, KG.issuedBy, issuer))


def edited(gold: dict[str, Any], edit: Callable[[Graph, dict[str, URIRef]], None]) -> Graph:
    g = faithful(gold)
    node = {e["id"]: RES[f"n{i}"] for i, e in enumerate(gold["entities"])}
    edit(g, node)
    return g


def hand_made(gold: dict[str, Any]) -> dict[str, Graph]:
    ids = [e["id"] for e in gold["entities"]]
    by_id = {e["id"]: e for e in gold["entities"]}
    first, second = ids[0], ids[1]
    sym = next((r for r in gold["relations"] if r["p"] == "cooperatesWith"), None)
    directed = next(r for r in gold["relations"] if r["p"] != "cooperatesWith" and r.get("required", True))

    def duplicate(typed: str) -> Callable[[Graph, dict[str, URIRef]], None]:
        def edit(g: Graph, node: dict[str, URIRef]) -> None:
            g.add((RES.dup, RDF.type, term(typed)))
            g.add((RES.dup, RDFS.label, Literal(by_id[first]["label"].upper())))

        return edit

    def mistype(g: Graph, node: dict[str, URIRef]) -> None:
        g.remove((node[second], RDF.type, None))
        g.add((node[second], RDF.type, KG.Event))

    def unmatched_end(g: Graph, node: dict[str, URIRef]) -> None:
        g.add((RES.extra, RDF.type, KG.PartyAgency))
        g.add((RES.extra, RDFS.label, Literal("Ban Tuyên giáo không có trong gold")))
        g.add((node[first], KG.directs, RES.extra))

    def reverse(r: dict[str, Any]) -> Callable[[Graph, dict[str, URIRef]], None]:
        def edit(g: Graph, node: dict[str, URIRef]) -> None:
            g.remove((node[r["s"]], term(r["p"]), node[r["o"]]))
            g.add((node[r["o"]], term(r["p"]), node[r["s"]]))

        return edit

    def ambiguous(g: Graph, node: dict[str, URIRef]) -> None:
        g.add((node[first], SKOS.altLabel, Literal(by_id[second]["label"])))

    def untyped_duplicate(g: Graph, node: dict[str, URIRef]) -> None:
        g.add((RES.article, RDF.type, SCHEMA.NewsArticle))
        g.add((RES.article, RDFS.label, Literal(by_id[first]["label"])))

    variants = {
        "faithful": faithful(gold),
        "empty": Graph(),
        "duplicate node (same type)": edited(gold, duplicate(by_id[first]["type"])),
        "duplicate node (other type)": edited(gold, duplicate("Event")),
        "mistyped node": edited(gold, mistype),
        "relation to an unmatched node": edited(gold, unmatched_end),
        "directed relation reversed": edited(gold, reverse(directed)),
        "ambiguous node": edited(gold, ambiguous),
        "untyped node named like an entity": edited(gold, untyped_duplicate),
    }
    if sym:
        variants["symmetric relation reversed"] = edited(gold, reverse(sym))
    return variants


def perturbed(gold: dict[str, Any], rng: random.Random) -> Graph:
    """A random imperfect reading of the gold, with its triples in random order."""
    triples: list[tuple[Any, Any, Any]] = []
    classes = sorted(ENTITY_CLASSES) + ["Quantity"]
    nodes: dict[str, list[URIRef]] = {}
    entities = gold["entities"]
    for i, e in enumerate(entities):
        if rng.random() < 0.15:
            continue
        copies = 2 if rng.random() < 0.1 else 1
        for c in range(copies):
            n = RES[f"e{i}_{c}"]
            nodes.setdefault(e["id"], []).append(n)
            kind = e["type"] if rng.random() < 0.8 else rng.choice(classes)
            triples.append((n, RDF.type, term(kind)))
            names = [e["label"], *e.get("aliases", [])]
            for name in rng.sample(names, rng.randint(1, len(names))):
                if rng.random() < 0.2:
                    name = name.upper()
                triples.append((n, rng.choice([RDFS.label, SKOS.prefLabel, SKOS.altLabel]), Literal(name)))
            if rng.random() < 0.04:  # also names another gold entity
                triples.append((n, SKOS.altLabel, Literal(rng.choice(entities)["label"])))
    for k in range(rng.randint(0, 5)):
        n = RES[f"x{k}"]
        nodes.setdefault(f"x{k}", []).append(n)
        triples.append((n, RDF.type, term(rng.choice(classes))))
        triples.append((n, RDFS.label, Literal(f"Tên lạ {k}")))
    for r in gold["relations"]:
        if rng.random() < 0.3 or r["s"] not in nodes or r["o"] not in nodes:
            continue
        s, o = rng.choice(nodes[r["s"]]), rng.choice(nodes[r["o"]])
        if rng.random() < 0.2:
            s, o = o, s
        triples.append((s, term(r["p"]), o))
    every = [n for ns in nodes.values() for n in ns]
    for _ in range(rng.randint(0, 6)):
        if every:
            triples.append((rng.choice(every), term(rng.choice(RELATION_PROPERTIES)), rng.choice(every)))
    g = Graph()
    for d in gold.get("documents", []):
        for doc in nodes.get(d["entity"], []):
            node = {i: rng.choice(ns) for i, ns in nodes.items()}
            add_fields(g, doc, d, node, lambda _field: rng.random() < 0.7)
    triples.extend(g)
    rng.shuffle(triples)
    out = Graph()
    for t in triples:
        out.add(t)
    return out


def compare(judge: ModuleType, ttl: Path, gold_path: Path, only: set[str] | None) -> list[str]:
    """The disagreements between the judge's scorer and ours on one graph file."""
    ontology = ROOT / "ontology" / "kgraph.ttl"
    g = judge.load([str(ttl), str(ontology)])
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    theirs = judge.score(g, gold, judge.class_closure(g), only)
    ours = evaluate(load_graph(ttl), [read_gold(gold_path)], only=only).files[0].as_dict()
    problems = [f"{k}: judge {theirs[k]} ours {ours[k]}" for k in COMPARED if theirs[k] != ours[k]]
    problems += [
        f"{k}: judge {sorted(theirs[k])} ours {ours[k]}" for k in LISTS if sorted(theirs[k]) != ours[k]
    ]
    problems += [
        f"len {k}: judge {len(theirs[k])} ours {len(ours[k])}"
        for k in COUNTED
        if len(theirs[k]) != len(ours[k])
    ]
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("graphs", nargs="*", type=Path, help="more graph files to compare on")
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval" / "score.py")
    ap.add_argument(
        "--gold", type=Path, default=ROOT / "tests" / "data" / "gold" / "000_bb5079a8e0720d63.json"
    )
    ap.add_argument("--random", type=int, default=200, metavar="N", help="random perturbations (default 200)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    judge = load_scorer(args.scorer)
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    failures = checked = 0
    with tempfile.TemporaryDirectory() as tmp:
        files: dict[str, Path] = {}
        import kgraph

        kgraph.build_to(
            [ROOT / "tests" / "data" / "000_bb5079a8e0720d63.txt"], Path(tmp) / "seed", html=False
        )
        seed = Path(tmp) / "seed" / "graph.ttl"
        files["seed graph from kgraph build"] = seed
        files.update({str(p): p for p in args.graphs})
        for name, graph in hand_made(gold).items():
            files[name] = Path(tmp) / f"hand{len(files)}.ttl"
            graph.serialize(files[name], format="turtle")
        rng = random.Random(args.seed)
        for k in range(args.random):
            files[f"random {k}"] = Path(tmp) / f"random{k}.ttl"
            perturbed(gold, rng).serialize(files[f"random {k}"], format="turtle")
        for name, path in files.items():
            for only in ONLY_CHOICES:
                problems = compare(judge, path, args.gold, only)
                checked += 1
                failures += bool(problems)
                if problems or not name.startswith("random"):
                    scope = ",".join(sorted(only)) if only else "all"
                    status = "DIFFERS" if problems else "agrees"
                    print(f"{status:8} {name} [{scope}]")
                    for problem in problems:
                        print(f"         {problem}")
    print(
        f"{checked - failures}/{checked} agree ({args.random} random graphs, {len(ONLY_CHOICES)} scopes each)"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
