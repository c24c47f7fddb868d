"""Draw the entity network as one self-contained, offline HTML page (pyvis + networkx).

The page inlines vis-network (from pyvis's bundled copy), its own script and style, and
the data as a JSON block; it links nothing, and its Content-Security-Policy forbids any
request, so it opens from disk without a network. Every name from the graph reaches the
page as JSON data and is shown through ``textContent`` or vis-network's plain-text
tooltips, never as HTML. Large networks are cut to their most connected entities (the
page says what it left out) and laid out in Python beforehand, so the browser draws
them at once instead of simulating physics.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDFS

from .errors import InputError
from .namespaces import CLASS_OF_KIND, PREDICATE_OF
from .network import View, centrality, fold_name, graph_to_networkx, layout_positions, select_view

#: Default cap on the entities drawn: beyond it the page shows the most connected ones.
DEFAULT_MAX_NODES = 1500
#: Every view starts from a layout computed in Python; views up to this many nodes then
#: run vis-network's physics until stable and freeze, larger ones have no physics at all.
PHYSICS_MAX_NODES = 300
#: A click fades everything but the neighbourhood up to this many nodes + links; beyond,
#: recolouring takes too long and the neighbourhood is selected instead.
FADE_MAX_ITEMS = 3000
#: Fixed seed for every layout: the same graph gives the same page.
SEED = 7


@dataclass(frozen=True)
class Style:
    """How one entity class is drawn: fill colour, vis-network shape, legend glyph."""

    color: str
    shape: str
    glyph: str


_DOT, _DIAMOND, _SQUARE, _TRIANGLE, _DOWN, _STAR, _HEX = (
    ("dot", "●"),
    ("diamond", "◆"),
    ("square", "■"),
    ("triangle", "▲"),
    ("triangleDown", "▼"),
    ("star", "★"),
    ("hexagon", "⬢"),
)


def _style(color: str, shape: tuple[str, str]) -> Style:
    return Style(color, shape[0], shape[1])


#: Party bodies are diamonds in reds, the state squares in blues, people dots, places
#: triangles, campaigns/projects/events stars, documents inverted triangles.
CLASS_STYLE: dict[str, Style] = {
    "PartyCommittee": _style("#c0392b", _DIAMOND),
    "PartyOrganization": _style("#e74c3c", _DIAMOND),
    "PartyAgency": _style("#d35400", _DIAMOND),
    "StateAgency": _style("#2471a3", _SQUARE),
    "MassOrganization": _style("#16a085", _HEX),
    "EducationalInstitution": _style("#8e44ad", _HEX),
    "Enterprise": _style("#6d7b8d", _HEX),
    "Organization": _style("#95a5a6", _SQUARE),
    "Person": _style("#f1c40f", _DOT),
    "Location": _style("#27ae60", _TRIANGLE),
    "Campaign": _style("#e67e22", _STAR),
    "Project": _style("#34495e", _STAR),
    "Event": _style("#9b59b6", _STAR),
}
DOCUMENT_STYLE = _style("#5d6d7e", _DOWN)

#: Edge colours by relation, so the relation filter doubles as an edge legend.
RELATION_COLOR: dict[str, str] = {
    "directs": "#c0392b",
    "implements": "#2471a3",
    "issuedBy": "#5d6d7e",
    "cooperatesWith": "#16a085",
    "subOrganizationOf": "#7d3c98",
    "memberOf": "#b7950b",
    "organizes": "#d35400",
    "participatesIn": "#1e8449",
    "locatedIn": "#717d7e",
}

ASSETS = ("page.html", "page.css", "page.js")


def style_of(kind: str) -> Style:
    return CLASS_STYLE.get(kind, DOCUMENT_STYLE)


@lru_cache(maxsize=1)
def vietnamese_labels() -> dict[str, str]:
    """Vietnamese ``rdfs:label`` of each entity class and relation, from the packaged ontology."""
    ontology = Graph()
    source = resources.files("kgraph") / "ontology" / "kgraph.ttl"
    ontology.parse(data=source.read_text(encoding="utf-8"), format="turtle")
    out: dict[str, str] = {}
    for name, iri in sorted({**CLASS_OF_KIND, **PREDICATE_OF}.items()):
        vietnamese = sorted(
            str(label)
            for label in ontology.objects(iri, RDFS.label)
            if isinstance(label, Literal) and label.language == "vi"
        )
        if vietnamese:
            out[name] = vietnamese[0]
    return out


def article_titles(graph: Graph) -> dict[str, str]:
    """Article IRI -> its title (else its file name), for tooltips."""
    from .namespaces import KG

    out: dict[str, str] = {}
    for prop in (KG.sourceFile, DCTERMS.title):  # a title, when there is one, wins
        for article in {s for s in graph.subjects(prop, None) if isinstance(s, URIRef)}:
            values = sorted(str(v) for v in graph.objects(article, prop))
            out[str(article)] = values[0].rsplit("/", 1)[-1] if prop == KG.sourceFile else values[0]
    return dict(sorted(out.items()))


@lru_cache(maxsize=1)
def _assets() -> dict[str, str]:
    """The page skeleton, style and script, with vis-network's script and style from pyvis."""
    out = {name: (resources.files("kgraph") / "viz" / name).read_text(encoding="utf-8") for name in ASSETS}
    lib = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2"
    out["vis.js"] = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    out["vis.css"] = (lib / "vis-network.css").read_text(encoding="utf-8")
    for name, text in out.items():
        if name.endswith(".html"):
            continue
        closing = "</style" if name.endswith(".css") else "</script"
        if closing in text.lower():  # would end the inline element early
            raise RuntimeError(f"asset {name} contains {closing}: it cannot be inlined")
    return out


def _json_for_script(value: object) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``<``, ``>`` or ``&`` left."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _html_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _short(items: Sequence[str], limit: int) -> str:
    shown = "; ".join(items[:limit])
    return shown + (f"; … (+{len(items) - limit})" if len(items) > limit else "")


def _node_tooltip(
    data: Mapping[str, Any], class_name: str, hidden: int, degree: int, titles: Mapping[str, str]
) -> str:
    aliases = [a for a in str(data.get("aliases", "")).split("|") if a]
    articles = [a for a in str(data.get("articles", "")).split("|") if a]
    lines = [f"{class_name} ({data['kind']})", str(data["label"])]
    if aliases:
        lines.append("Tên khác: " + _short(aliases, 6))
    lines.append(f"Liên kết: {degree}" + (f" (+{hidden} không hiển thị)" if hidden else ""))
    if articles:
        lines.append(f"Bài viết ({len(articles)}): " + _short([titles.get(a, a) for a in articles], 4))
    return "\n".join(lines)


def _edge_tooltip(relation: str, label: str, source: str, target: str, evidence: str) -> str:
    lines = [f"{source} → {label} ({relation}) → {target}"]
    sentences = [s for s in evidence.split("\n") if s]
    lines += [f"“{s}”" for s in sentences[:3]]
    if len(sentences) > 3:
        lines.append(f"… (+{len(sentences) - 3})")
    return "\n".join(lines)


def _notice(view: View) -> str:
    drawn_nodes, drawn_edges = view.net.number_of_nodes(), view.net.number_of_edges()
    if view.total_nodes == 0:
        return "No entity in this graph."
    text = (
        f"Showing {drawn_nodes:,} of {view.total_nodes:,} entities "
        f"and {drawn_edges:,} of {view.total_edges:,} links"
    )
    if view.notes:
        text += " (" + "; ".join(view.notes) + ")"
    text += "."
    if view.truncated:
        left = {k: t - d for k, (d, t) in view.kinds.items() if t > d}
        most = sorted(left.items(), key=lambda kv: (-kv[1], kv[0]))
        parts = ", ".join(f"{k} {n:,}" for k, n in most[:6]) + (", …" if len(most) > 6 else "")
        text += (
            f" Left out: {view.total_nodes - drawn_nodes:,} entities ({parts})"
            f" and {view.total_edges - drawn_edges:,} links."
            " Draw them with kgraph viz --focus NAME, --classes, --relations or --max-nodes."
        )
    return text


def page_data(view: View, titles: Mapping[str, str], title: str) -> dict[str, Any]:
    """Everything the page script needs, as plain JSON-ready data, built through pyvis.

    Nodes and edges are pyvis ``Node``/``Edge`` objects appended to the ``Network`` directly:
    ``Network.add_node``/``add_edge`` check membership in a list, quadratic on big views,
    and the view already guarantees every edge's ends exist.
    """
    from pyvis.edge import Edge
    from pyvis.network import Network
    from pyvis.node import Node

    net = view.net
    labels = vietnamese_labels()
    physics = net.number_of_nodes() <= PHYSICS_MAX_NODES
    positions = layout_positions(net, seed=SEED)  # physics, when on, starts from it
    score = centrality(net) if net.number_of_nodes() > 1 else {}
    pv = Network(directed=True, cdn_resources="in_line")
    for node, data in net.nodes(data=True):
        kind = str(data["kind"])
        style = style_of(kind)
        names = [str(data["label"]), *[a for a in str(data.get("aliases", "")).split("|") if a]]
        extra: dict[str, Any] = {}
        if node in positions:
            extra["x"], extra["y"] = positions[node]
        item = Node(
            node,
            style.shape,
            str(data["label"]),
            title=_node_tooltip(
                data, labels.get(kind, kind), view.hidden_links.get(node, 0), net.degree(node), titles
            ),
            color=style.color,
            value=round(1 + 100 * score.get(node, 0.0), 3),
            kind=kind,
            search="\n".join(sorted({fold_name(n) for n in names})),
            **extra,
        )
        pv.nodes.append(item.options)
        pv.node_ids.append(node)
    for number, (source, target, relation, data) in enumerate(net.edges(keys=True, data=True)):
        label = labels.get(relation, relation).split(",")[0]
        edge = Edge(
            source,
            target,
            True,
            id=f"e{number}",
            label=label,
            relation=relation,
            title=_edge_tooltip(
                relation, label, net.nodes[source]["label"], net.nodes[target]["label"], data["evidence"]
            ),
            color=RELATION_COLOR.get(relation, "#7f8c8d"),
        )
        pv.edges.append(edge.options)
    nodes, edges = pv.get_network_data()[:2]
    classes = [
        {
            "kind": kind,
            "name": labels.get(kind, kind),
            "color": style_of(kind).color,
            "glyph": style_of(kind).glyph,
            "shown": shown,
            "total": total,
        }
        for kind, (shown, total) in view.kinds.items()
    ]
    relations = [
        {
            "relation": rel,
            "name": labels.get(rel, rel).split(",")[0],
            "color": RELATION_COLOR.get(rel, "#7f8c8d"),
            "shown": shown,
            "total": total,
        }
        for rel, (shown, total) in view.relations.items()
    ]
    return {
        "title": title,
        "notice": _notice(view),
        "truncated": view.truncated,
        "omitted": view.total_nodes - net.number_of_nodes(),
        "leftOut": [list(pair) for pair in view.left_out],
        "physics": physics,
        "fadeMaxItems": FADE_MAX_ITEMS,
        "focus": view.focus,
        "nodes": nodes,
        "edges": edges,
        "classes": classes,
        "relations": relations,
        "options": vis_options(physics, net.number_of_nodes()),
    }


def vis_options(physics: bool, size: int) -> dict[str, Any]:
    """vis-network options: physics then frozen for small views, a fixed layout for large ones."""
    options: dict[str, Any] = {
        "autoResize": True,
        "layout": {"randomSeed": SEED, "improvedLayout": physics and size <= 100},
        "nodes": {
            "font": {"size": 14, "color": "#1b2631", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {"min": 8, "max": 30, "label": {"enabled": True, "min": 12, "max": 22}},
            "borderWidth": 1,
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": {"size": 10, "align": "middle", "color": "#424949", "strokeWidth": 2},
            "width": 1,
            "selectionWidth": 2,
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
    }
    if physics:
        options["physics"] = {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -6000, "springLength": 140, "avoidOverlap": 0.2},
            "stabilization": {"enabled": True, "iterations": 100, "fit": True},
        }
        # 'dynamic' smoothing adds a physics node per edge: far slower to stabilise
        options["edges"]["smooth"] = {"enabled": True, "type": "continuous"}
    else:
        options["physics"] = {"enabled": False}
        options["edges"]["smooth"] = False
        options["interaction"].update({"hideEdgesOnDrag": True, "hideEdgesOnZoom": True})
    return options


def render_view(view: View, title: str = "kgraph", titles: Mapping[str, str] | None = None) -> str:
    """The HTML page drawing ``view``."""
    assets = _assets()
    data = page_data(view, titles or {}, title)
    page = assets["page.html"]
    for marker, text in (
        ("/*VIS_CSS*/", assets["vis.css"]),
        ("/*PAGE_CSS*/", assets["page.css"]),
        ("/*VIS_JS*/", assets["vis.js"]),
        ("/*PAGE_JS*/", assets["page.js"]),
        ("/*DATA*/", _json_for_script(data)),
        ("<!--TITLE-->", _html_text(title)),
    ):
        head, sep, tail = page.partition(marker)
        if not sep:
            raise RuntimeError(f"page.html lacks the marker {marker}")
        page = head + text + tail
    return page


def resolve_focus(net: nx.MultiDiGraph, names: Sequence[str]) -> list[str]:
    """The nodes named by ``names`` (any of their names, accents ignored); ``InputError`` if none."""
    from .network import find_entities

    found: list[str] = []
    for name in names:
        nodes = find_entities(net, name)
        if not nodes:
            raise InputError(
                f"--focus {name!r}", "no entity has this name", "names match without accents; try part of one"
            )
        found += nodes
    return sorted(set(found))


def check_names(given: Collection[str] | None, known: Collection[str], what: str) -> None:
    """``InputError`` for a class or relation name the graph model does not know."""
    for name in sorted(given or ()):
        if name not in known:
            raise InputError(f"--{what} {name}", f"unknown {what[:-1]}", "known: " + ", ".join(sorted(known)))


def render_html(
    graph: Graph,
    title: str = "kgraph",
    *,
    focus: Sequence[str] = (),
    depth: int = 1,
    classes: Collection[str] | None = None,
    relations: Collection[str] | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> str:
    """An offline HTML page drawing ``graph``'s entities and relations.

    ``focus`` names entities whose neighbourhood within ``depth`` links is drawn;
    ``classes`` and ``relations`` keep only those entity classes and relations;
    ``max_nodes`` caps the entities drawn (0: no cap), keeping the most connected.
    """
    check_names(classes, CLASS_OF_KIND, "classes")
    check_names(relations, PREDICATE_OF, "relations")
    net = graph_to_networkx(graph)
    seeds = resolve_focus(net, focus) if focus else []
    view = select_view(
        net, focus=seeds, depth=depth, classes=classes, relations=relations, max_nodes=max_nodes
    )
    return render_view(view, title=title, titles=article_titles(graph))


def with_context(result: Graph, source: Graph) -> Graph:
    """A CONSTRUCT result plus what drawing it needs from ``source``: the types, names and
    articles of the resources it mentions, and the evidence of the relations it holds."""
    from rdflib.namespace import RDF, SKOS

    from .namespaces import KG

    out = Graph()  # a set: the order triples are added in cannot change the page
    for triple in result:
        out.add(triple)
    mentioned = {t for s, _, o in result for t in (s, o) if isinstance(t, URIRef)}
    for node in mentioned:
        for prop in (RDF.type, SKOS.prefLabel, SKOS.altLabel, RDFS.label, KG.mentionedIn):
            for value in source.objects(node, prop):
                out.add((node, prop, value))
    for s, p, o in result:
        for stmt in source.subjects(RDF.subject, s):
            if (stmt, RDF.predicate, p) in source and (stmt, RDF.object, o) in source:
                for field, value in source.predicate_objects(stmt):
                    out.add((stmt, field, value))
    for article in set(out.objects(None, KG.mentionedIn)):
        for title in source.objects(article, DCTERMS.title):
            out.add((article, DCTERMS.title, title))
    return out
