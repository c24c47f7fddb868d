"""``kgraph evaluate GRAPH GOLD.json... [--ontology FILE] [--json] [--only GROUPS]``."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "evaluate",
        help="score a graph against gold annotations (P/R/F1 per class and property, with the misses)",
        description="Score a graph against gold JSON files (format: docs/gold-format.md). Prints "
        "precision, recall and F1 for entities, typed entities and relations, document fields "
        "found, breakdowns per class and per relation property, and every miss by name.",
    )
    p.add_argument("graph", metavar="GRAPH", help="a graph file (.ttl, .trig, .nt, .nq, .jsonld)")
    p.add_argument("gold", nargs="+", metavar="GOLD.json", help="gold annotation file(s)")
    p.add_argument(
        "--ontology",
        action="append",
        metavar="FILE",
        help="ontology giving rdfs:subClassOf (repeatable; default: the packaged kgraph ontology)",
    )
    p.add_argument("--json", action="store_true", help="print the full report as JSON")
    p.add_argument(
        "--only",
        default="",
        metavar="GROUPS",
        help="comma-separated groups to score: Organization, LegalDocument, Person, Campaign, "
        "Location, Project, Event (or a class in it, by local name or Vietnamese/English label: "
        "Người, 'Cấp ủy Đảng')",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import json

    from ..evaluate import evaluate_files, format_report

    only = {group_of(name.strip()) for name in args.only.split(",") if name.strip()} or None
    evaluation = evaluate_files(args.graph, args.gold, args.ontology or (), only=only)
    if args.json:
        print(json.dumps(evaluation.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_report(evaluation))
    return 0


def group_of(name: str) -> str:
    """The scoring group ``name`` stands for: a group, or a class of one by any of its names."""
    from ..evaluate import GROUP_OF_CLASS, GROUPS
    from ..visualize import class_by_name

    if name in GROUPS:
        return name
    kind = class_by_name(name)
    return GROUP_OF_CLASS.get(kind, name) if kind else name  # unknown: evaluate names the groups
