"""Draw the entity network as one self-contained, offline HTML page (pyvis's vis-network).

The page inlines vis-network (from pyvis's bundled copy), its own script and style, and
the data as a JSON block; it links nothing, and its Content-Security-Policy forbids any
request, so it opens from disk without a network. Every name from the graph reaches the
page as JSON data and is shown through ``textContent`` or vis-network's plain-text
tooltips, never as HTML. Large networks are cut to their most connected entities (the
page says what it left out) and laid out in Python beforehand, so the browser draws
them at once instead of simulating physics.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .errors import InputError
from .facts import Facts, is_iri
from .namespaces import CLASS_IRI, IRI, PREDICATE_IRI
from .network import (
    RELATION_OF_PREDICATE,
    View,
    centrality,
    entity_net,
    fold_name,
    layout_positions,
    select_view,
)

if TYPE_CHECKING:
    import networkx as nx
    from rdflib import Graph

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


#: Party bodies are diamonds in reds, the state squares in blues, other organisations
#: hexagons, people dots, places triangles, campaigns stars, projects squares, events
#: inverted triangles in purple; each kind of document an inverted triangle of its own colour.
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
    "Project": _style("#117864", _SQUARE),
    "Event": _style("#9b59b6", _TRIANGLE),
    "LegalDocument": _style("#5d6d7e", _DOWN),
    "Resolution": _style("#922b21", _DOWN),
    "Directive": _style("#1a5276", _DOWN),
    "Regulation": _style("#7e5109", _DOWN),
    "Decision": _style("#196f3d", _DOWN),
    "Conclusion": _style("#6c3483", _DOWN),
    "Plan": _style("#b9770e", _DOWN),
    "Program": _style("#0e6655", _DOWN),
    "Guidance": _style("#a04000", _DOWN),
    "Notice": _style("#515a5a", _DOWN),
    "Law": _style("#17202a", _DOWN),
    "Decree": _style("#2e86c1", _DOWN),
    "Circular": _style("#ca6f1e", _DOWN),
}
DOCUMENT_STYLE = CLASS_STYLE["LegalDocument"]

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
def _ontology_label_table() -> dict[tuple[str, str], set[str]]:
    """(IRI, language) -> the ``rdfs:label`` texts of the packaged ontology (Oxigraph parses it
    once for every language, several times faster than rdflib's Turtle parser)."""
    source = resources.files("kgraph") / "ontology" / "kgraph.ttl"
    label = IRI.RDFS.label
    out: dict[tuple[str, str], set[str]] = {}
    for t in ox.parse(source.read_bytes(), format=ox.RdfFormat.TURTLE):
        obj = t.object
        if t.predicate.value == label and isinstance(t.subject, ox.NamedNode) and isinstance(obj, ox.Literal):
            if obj.language:
                out.setdefault((t.subject.value, obj.language), set()).add(obj.value)
    return out


@lru_cache(maxsize=2)
def ontology_labels(language: str = "vi") -> dict[str, str]:
    """The ``rdfs:label`` in ``language`` of each entity class and relation, from the packaged ontology."""
    table = _ontology_label_table()
    out: dict[str, str] = {}
    for name, iri in sorted({**CLASS_IRI, **PREDICATE_IRI}.items()):
        labels = sorted(table.get((str(iri), language), ()))
        if labels:
            out[name] = labels[0]
    return out


def vietnamese_labels() -> dict[str, str]:
    """Vietnamese ``rdfs:label`` of each entity class and relation, from the packaged ontology."""
    return ontology_labels("vi")


def class_by_name(name: str) -> str | None:
    """The class local name written as itself, or as its Vietnamese or English label (accents
    and case optional): ``Người``, ``nguoi``, ``person`` -> ``Person``; None when unknown."""
    key = fold_name(name)
    for kind in sorted(CLASS_IRI):
        names = {kind, ontology_labels("vi").get(kind, ""), ontology_labels("en").get(kind, "")}
        if key in {fold_name(n) for n in names if n}:
            return kind
    return None


@dataclass(frozen=True)
class Article:
    """What the page says about an article: title, date, newspaper or source, file."""

    iri: str
    title: str
    date: str
    source: str
    file: str


def articles_of(graph: Graph | Facts) -> dict[str, Article]:
    """Every article of ``graph`` (anything with ``kg:sourceFile`` or a title and mentions)."""
    facts = Facts.of(graph)
    found = {s for s in facts.subjects(IRI.KG.sourceFile) if is_iri(s)}
    found |= {a for a in facts.objects(None, IRI.KG.mentionedIn) if is_iri(a)}
    out: dict[str, Article] = {}
    for node in sorted(found):

        def first(*props: str, node: str = node) -> str:
            values = sorted(str(v) for p in props for v in facts.objects(node, p))
            return values[0] if values else ""

        file = first(IRI.KG.sourceFile)
        folder = file.replace("\\", "/").rsplit("/", 2)
        source = first(IRI.DCTERMS.publisher, IRI.SCHEMA.publisher) or (folder[-2] if len(folder) > 1 else "")
        out[node] = Article(node, first(IRI.DCTERMS.title), first(IRI.DCTERMS.issued)[:10], source, file)
    return out


Evidence = tuple[str, str, str]  # sentence, article IRI ('' unknown), modality


def statements_of(graph: Graph | Facts) -> dict[tuple[str, str, str], list[Evidence]]:
    """(subject, relation name, object) -> the evidence of each reified statement of it."""
    facts = Facts.of(graph)
    out: dict[tuple[str, str, str], set[Evidence]] = {}
    for stmt in facts.subjects(IRI.RDF.type, IRI.RDF.Statement):
        s, p, o = (facts.least(stmt, x) for x in (IRI.RDF.subject, IRI.RDF.predicate, IRI.RDF.object))
        name = RELATION_OF_PREDICATE.get(p) if is_iri(p) else None
        if s is None or o is None or name is None:
            continue
        modality = facts.least(stmt, IRI.KG.modality)
        mode = str(modality).rsplit("#", 1)[-1] if modality is not None else "asserted"
        article = facts.least(stmt, IRI.PROV.wasDerivedFrom)
        for text in facts.objects(stmt, IRI.KG.evidence):
            out.setdefault((str(s), name, str(o)), set()).add((str(text), str(article or ""), mode))
    return {key: sorted(value) for key, value in sorted(out.items())}


Post = tuple[str, str, bool]  # title, organisation label ('' none), former


def posts_of(graph: Graph | Facts) -> dict[str, list[Post]]:
    """Person IRI -> the posts (``org:Membership``) the graph gives them."""
    facts = Facts.of(graph)
    out: dict[str, set[Post]] = {}
    for membership in facts.subjects(IRI.ORG.member):
        person = facts.least(membership, IRI.ORG.member)
        # a membership's title is keyed lower-cased: several articles may write it in
        # several cases (Phó Chủ tịch, Phó chủ tịch); the smallest is shown
        title = facts.least(membership, IRI.KG.postTitle)
        if person is None or title is None:
            continue
        org = facts.least(membership, IRI.ORG.organization)
        org_label = facts.least(org, IRI.SKOS.prefLabel) or facts.least(org, IRI.RDFS.label)
        former = str(facts.least(membership, IRI.KG.former) or "").lower() == "true"
        out.setdefault(str(person), set()).add((str(title), str(org_label or ""), former))
    return {person: sorted(posts) for person, posts in sorted(out.items())}


def _pyvis_folder() -> Path:
    """pyvis's installed folder, found without importing pyvis (its import pulls in IPython and
    jinja2: 0.15 s of a build's start-up for two files read here)."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pyvis is not installed: pip install pyvis")
    return Path(next(iter(spec.submodule_search_locations)))


#: Where page.html takes each part, in the order the parts were once put in one after another.
MARKERS = {
    "/*VIS_CSS*/": "vis.css",
    "/*PAGE_CSS*/": "page.css",
    "/*VIS_JS*/": "vis.js",
    "/*PAGE_JS*/": "page.js",
    "/*DATA*/": "",
    "<!--TITLE-->": "",
}


@lru_cache(maxsize=1)
def _asset_bytes() -> dict[str, bytes]:
    """The page skeleton, style and script, with vis-network's script and style from pyvis, as
    the UTF-8 bytes of their text: never decoded, as the page is put together as bytes (decoding,
    joining and encoding again the ~0.7 MB of vis-network was ~0.01 CPU s of a build)."""
    out = {name: (resources.files("kgraph") / "viz" / name).read_bytes() for name in ASSETS}
    lib = _pyvis_folder() / "templates" / "lib" / "vis-9.1.2"
    out["vis.js"] = (lib / "vis-network.min.js").read_bytes()
    out["vis.css"] = (lib / "vis-network.css").read_bytes()
    for name, data in out.items():
        if b"\r" in data:  # as a text read gives it (vis-network's script holds a few)
            out[name] = data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        if name.endswith(".html"):
            continue
        closing = b"</style" if name.endswith(".css") else b"</script"
        if closing in data.lower():  # would end the inline element early
            raise RuntimeError(f"asset {name} contains {closing.decode()}: it cannot be inlined")
        for marker in MARKERS:  # the page's parts go where page.html has their markers, nowhere else
            if marker.encode() in data:
                raise RuntimeError(f"asset {name} holds the marker {marker}: it cannot be inlined")
    return out


def json_for_script(value: object) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``<``, ``>`` or ``&`` left."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def html_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass
class Context:
    """What the page shows beside the network: articles, evidence of each link, posts."""

    articles: dict[str, Article]
    evidence: dict[tuple[str, str, str], list[Evidence]]
    posts: dict[str, list[Post]]

    @classmethod
    def of(cls, graph: Graph | Facts) -> Context:
        facts = Facts.of(graph)
        return cls(articles_of(facts), statements_of(facts), posts_of(facts))


def _view_info(view: View) -> dict[str, Any]:
    """The facts the page's notice is written from (in the page's language)."""
    net = view.net
    left = {k: t - d for k, (d, t) in view.kinds.items() if t > d}
    return {
        "totalNodes": view.total_nodes,
        "totalEdges": view.total_edges,
        "drawnNodes": net.number_of_nodes(),
        "drawnEdges": net.number_of_edges(),
        "unlinked": view.unlinked,
        "cap": list(view.cap) if view.cap else None,
        "classes": view.kept_classes,
        "relations": view.kept_relations,
        "focusNames": sorted(str(net.nodes[f]["label"]) for f in view.focus),
        "depth": view.depth,
        "leftOutByKind": sorted(left.items(), key=lambda kv: (-kv[1], kv[0])),
    }


def _node_items(view: View, context: Context, article_index: dict[str, int]) -> list[dict[str, Any]]:
    net = view.net
    positions = layout_positions(net, seed=SEED)  # physics, when on, starts from it
    score = centrality(net) if net.number_of_nodes() > 1 else {}
    top = max(score.values(), default=0.0) or 1.0
    items = []
    for node, data in net.nodes(data=True):
        kind = str(data["kind"])
        style = style_of(kind)
        aliases = [a for a in str(data.get("aliases", "")).split("|") if a]
        forms = [a for a in str(data.get("forms", "")).split("|") if a]
        arts = [a for a in str(data.get("articles", "")).split("|") if a]
        item: dict[str, Any] = {
            "id": node,
            "label": str(data["label"]),
            "shape": style.shape,
            "color": style.color,
            "kind": kind,
            "value": round(1 + 100 * score.get(node, 0.0), 3),
            "font": {"size": round(13 + 7 * score.get(node, 0.0) / top, 1)},
            "aliases": aliases,
            "forms": forms,
            "arts": sorted(article_index[a] for a in arts if a in article_index),
            "posts": [list(p) for p in context.posts.get(node, [])],
            "hiddenLinks": view.hidden_links.get(node, 0),
            "search": "\n".join(sorted({fold_name(n) for n in [str(data["label"]), *aliases, *forms]})),
        }
        if node in positions:
            item["x"], item["y"] = positions[node]
        items.append(item)
    return items


def _edge_items(view: View, context: Context, article_index: dict[str, int]) -> list[dict[str, Any]]:
    labels = vietnamese_labels()
    items = []
    for number, (source, target, relation, data) in enumerate(view.net.edges(keys=True, data=True)):
        found = context.evidence.get((source, relation, target), [])
        if not found:  # a graph without reified statements: the sentences the network kept
            found = [(s, "", "asserted") for s in str(data.get("evidence", "")).split("\n") if s]
        modes = sorted({mode for _, _, mode in found}) or ["asserted"]
        modality = "asserted" if "asserted" in modes else modes[0]
        items.append(
            {
                "id": f"e{number}",
                "from": source,
                "to": target,
                "arrows": "to",
                "relation": relation,
                "label": labels.get(relation, relation).split(",")[0],
                "color": RELATION_COLOR.get(relation, "#7f8c8d"),
                "modality": modality,
                "dashes": modality != "asserted",
                "ev": [[text, article_index.get(article, -1), mode] for text, article, mode in found],
            }
        )
    return items


def page_data(view: View, context: Context | None = None, title: str = "kgraph") -> dict[str, Any]:
    """Everything the page script needs, as plain JSON-ready data."""
    context = context or Context({}, {}, {})
    en, vi = ontology_labels("en"), vietnamese_labels()
    articles = sorted(context.articles.values(), key=lambda a: a.iri)
    article_index = {a.iri: i for i, a in enumerate(articles)}
    physics = view.net.number_of_nodes() <= PHYSICS_MAX_NODES
    nodes = _node_items(view, context, article_index)
    edges = _edge_items(view, context, article_index)
    net = view.net
    left_out = [
        [label, kind, sorted(article_index[a] for a in arts if a in article_index), degree]
        for (label, kind), arts, degree in zip(
            view.left_out, view.left_out_articles, view.left_out_degrees, strict=True
        )
    ]
    return {
        "title": title,
        "view": _view_info(view),
        "truncated": view.truncated,
        "omitted": view.total_nodes - net.number_of_nodes(),
        "leftOut": left_out,
        "physics": physics,
        "fadeMaxItems": FADE_MAX_ITEMS,
        "focus": view.focus,
        "nodes": nodes,
        "edges": edges,
        "articles": [[a.title, a.date, a.source, a.file, a.iri] for a in articles],
        "classes": [
            {
                "kind": kind,
                "name": vi.get(kind, kind),
                "en": en.get(kind, kind),
                "iri": str(CLASS_IRI.get(kind, "")),
                "color": style_of(kind).color,
                "glyph": style_of(kind).glyph,
                "shown": shown,
                "total": total,
            }
            for kind, (shown, total) in sorted(
                view.kinds.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0])
            )
        ],
        "relations": [
            {
                "relation": rel,
                "name": vi.get(rel, rel).split(",")[0],
                "en": en.get(rel, rel),
                "iri": str(PREDICATE_IRI.get(rel, "")),
                "color": RELATION_COLOR.get(rel, "#7f8c8d"),
                "shown": shown,
                "total": total,
            }
            for rel, (shown, total) in sorted(
                view.relations.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0])
            )
        ],
        "options": vis_options(physics, net.number_of_nodes()),
    }


def vis_options(physics: bool, size: int) -> dict[str, Any]:
    """vis-network options: physics then frozen for small views, a fixed layout for large ones."""
    options: dict[str, Any] = {
        "autoResize": True,
        "layout": {"randomSeed": SEED, "improvedLayout": physics and size <= 100},
        "nodes": {
            "font": {"size": 14, "color": "#1b2631", "strokeWidth": 3, "strokeColor": "#ffffff"},
            # label sizes come with each node (the page enlarges the main ones to be readable
            # at the opening zoom); labels smaller than 8 px on screen appear as you zoom in
            "scaling": {
                "min": 8,
                "max": 30,
                "label": {"enabled": False, "drawThreshold": 8, "maxVisible": 26},
            },
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


def render_view(view: View, title: str = "kgraph", context: Context | None = None) -> str:
    """The HTML page drawing ``view``; ``context`` gives its articles, evidence and posts."""
    return page_bytes(view, title, context).decode("utf-8")


def _utf8(text: str, json_text: bool = False) -> bytes:
    """``text`` (the page's JSON data or its escaped title) as UTF-8. A lone surrogate (a ``\\uD800``
    escape in a Turtle file, a title argument that is not UTF-8) cannot be encoded: in JSON it is
    written as its escape (the label stays as it was), elsewhere as U+FFFD."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        escape = (lambda m: f"\\u{ord(m.group()):04x}") if json_text else (lambda m: "\ufffd")
        return re.sub("[\ud800-\udfff]", escape, text).encode("utf-8")


def page_bytes(view: View, title: str = "kgraph", context: Context | None = None) -> bytes:
    """The UTF-8 bytes of :func:`render_view`'s page: page.html with each marker replaced by its part."""
    assets = _asset_bytes()
    template = assets["page.html"]
    data = _utf8(json_for_script(page_data(view, context, title)), json_text=True)
    given = {"/*DATA*/": data, "<!--TITLE-->": _utf8(html_text(title))}
    found = []
    for marker, name in MARKERS.items():
        at = template.find(marker.encode())
        if at < 0:
            raise RuntimeError(f"page.html lacks the marker {marker}")
        found.append((at, len(marker), assets[name] if name else given[marker]))
    pieces: list[bytes] = []
    last = 0
    for at, size, part in sorted(found):  # no part holds a marker (see _asset_bytes; the data and
        pieces += (template[last:at], part)  # the title have no '<'), so each one lands where it did
        last = at + size
    pieces.append(template[last:])
    return b"".join(pieces)


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
    """``InputError`` for a relation name the graph model does not know."""
    for name in sorted(given or ()):
        if name not in known:
            raise InputError(f"--{what} {name}", f"unknown {what[:-1]}", "known: " + ", ".join(sorted(known)))


def class_names(given: Collection[str] | None) -> list[str] | None:
    """The class local names of ``given`` (local names, Vietnamese or English labels, accents
    optional); ``InputError`` naming the known classes, in both languages, for any other."""
    if not given:
        return None
    out = []
    for name in given:
        kind = class_by_name(name)
        if kind is None:
            known = ", ".join(f"{k} ({vietnamese_labels().get(k, k)})" for k in sorted(CLASS_IRI))
            raise InputError(f"--classes {name}", "unknown class", "known: " + known)
        out.append(kind)
    return sorted(set(out))


def render_page(
    graph: Graph | Facts,
    title: str = "kgraph",
    *,
    focus: Sequence[str] = (),
    depth: int = 1,
    classes: Collection[str] | None = None,
    relations: Collection[str] | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> tuple[str, View]:
    """The page of :func:`render_html` and the view it draws (what was drawn and left out)."""
    view, context = _drawn(graph, focus, depth, classes, relations, max_nodes)
    return render_view(view, title=title, context=context), view


def _drawn(
    graph: Graph | Facts,
    focus: Sequence[str],
    depth: int,
    classes: Collection[str] | None,
    relations: Collection[str] | None,
    max_nodes: int,
) -> tuple[View, Context]:
    """The view a page draws of ``graph`` and the context it shows beside it."""
    kinds = class_names(classes)
    check_names(relations, PREDICATE_IRI, "relations")
    facts = Facts.of(graph)
    net = entity_net(facts)  # the page needs no networkx (whose import alone costs ~0.1 s)
    seeds = resolve_focus(net, focus) if focus else []
    view = select_view(net, focus=seeds, depth=depth, classes=kinds, relations=relations, max_nodes=max_nodes)
    return view, Context.of(facts)


def render_html(
    graph: Graph | Facts,
    title: str = "kgraph",
    *,
    focus: Sequence[str] = (),
    depth: int = 1,
    classes: Collection[str] | None = None,
    relations: Collection[str] | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> str:
    """An offline HTML page drawing ``graph``'s entities and relations.

    By default the linked entities, largest connected parts first (the others are listed
    for search); ``focus`` names entities whose neighbourhood within ``depth`` links is
    drawn; ``classes`` (local names or labels) and ``relations`` keep only those;
    ``max_nodes`` caps the entities drawn (0: no cap).
    """
    page, _ = render_page(
        graph, title, focus=focus, depth=depth, classes=classes, relations=relations, max_nodes=max_nodes
    )
    return page


def render_html_bytes(graph: Graph | Facts, title: str = "kgraph") -> bytes:
    """The UTF-8 bytes of :func:`render_html`'s default page (what a build writes)."""
    view, context = _drawn(graph, (), 1, None, None, DEFAULT_MAX_NODES)
    return page_bytes(view, title, context)


def with_context(result: Graph, source: Graph) -> Graph:
    """A CONSTRUCT result plus what drawing it needs from ``source``: the types, names and
    articles and posts of the resources it mentions, and the evidence of the relations it holds."""
    from rdflib import Graph, URIRef  # noqa: F811 (the type above is only for annotations)
    from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

    from .namespaces import KG, ORG

    out = Graph()  # a set: the order triples are added in cannot change the page
    for triple in result:
        out.add(triple)
    mentioned = {t for s, _, o in result for t in (s, o) if isinstance(t, URIRef)}
    for node in mentioned:
        for prop in (RDF.type, SKOS.prefLabel, SKOS.altLabel, RDFS.label, KG.mentionedAs, KG.mentionedIn):
            for value in source.objects(node, prop):
                out.add((node, prop, value))
        for membership in source.subjects(ORG.member, node):  # the person's posts
            out += source.triples((membership, None, None))
            for org in source.objects(membership, ORG.organization):
                out += source.triples((org, SKOS.prefLabel, None))
    for s, p, o in result:
        for stmt in source.subjects(RDF.subject, s):
            if (stmt, RDF.predicate, p) in source and (stmt, RDF.object, o) in source:
                for field, value in source.predicate_objects(stmt):
                    out.add((stmt, field, value))
    for article in set(out.objects(None, KG.mentionedIn)):
        for prop in (DCTERMS.title, DCTERMS.issued, DCTERMS.publisher, KG.sourceFile):
            for value in source.objects(article, prop):
                out.add((article, prop, value))
    return out
