"""The entity network of a graph as a networkx MultiDiGraph, for drawing and GraphML.

Nodes are entities (anything typed with one of the contract's classes), edges are the
relations between them; each keeps the labels, class, articles and evidence needed to
explain it.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .facts import Facts, is_iri
from .namespaces import CLASS_IRI, IRI, PREDICATE_IRI
from .netgraph import Net

if TYPE_CHECKING:  # networkx is imported only where a real networkx graph is made (GraphML, reports)
    import networkx as nx
    from rdflib import Graph

#: Entity class IRI -> contract local name; relation IRI -> relation name (IRIs as plain strings).
KIND_OF_CLASS = {iri: kind for kind, iri in CLASS_IRI.items()}
RELATION_OF_PREDICATE = {iri: name for name, iri in PREDICATE_IRI.items()}


def entity_kind(facts: Facts, node: str) -> str | None:
    """The most specific contract class local name of ``node`` (None: not an entity)."""
    classes = facts.objects(node, IRI.RDF.type)
    kinds = sorted(KIND_OF_CLASS[c] for c in classes if is_iri(c) and c in KIND_OF_CLASS)
    if not kinds:
        return None
    specific = [k for k in kinds if k != "Organization"]
    return specific[0] if specific else kinds[0]


def graph_to_networkx(graph: Graph | Facts) -> nx.MultiDiGraph:
    """Entities and their relations, with labels, class, articles and evidence (networkx)."""
    return entity_net(graph).to_networkx()


def _asserted_evidence(facts: Facts) -> dict[tuple[str, str, str], list[str]]:
    """(subject, predicate, object) -> the evidence sentences of its asserted statements."""
    evidence: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for stmt in facts.subjects(IRI.RDF.type, IRI.RDF.Statement):
        s, p, o = (facts.least(stmt, x) for x in (IRI.RDF.subject, IRI.RDF.predicate, IRI.RDF.object))
        text = facts.least(stmt, IRI.KG.evidence)
        modality = facts.least(stmt, IRI.KG.modality)
        if modality is not None and not (is_iri(modality) and modality == IRI.KG.asserted):
            continue  # a request, plan, condition or denial: no plain triple, so no link to lend it to
        if s is not None and p is not None and o is not None and text is not None:
            evidence[(s, p, o)].append(str(text))
    return evidence


def entity_net(graph: Graph | Facts) -> Net:
    """Entities and their relations, with labels, class, articles and evidence."""
    facts = Facts.of(graph)
    net = Net()
    evidence = _asserted_evidence(facts)
    for node in sorted({s for s in facts.subjects(IRI.RDF.type) if is_iri(s)}):
        kind = entity_kind(facts, node)
        if kind is None:
            continue
        # the union of several articles may give an entity several preferred labels: take
        # the smallest, keep the others as other names (graph.value would pick at random)
        preferred = sorted({str(x) for x in facts.objects(node, IRI.SKOS.prefLabel)}) or sorted(
            {str(x) for x in facts.objects(node, IRI.RDFS.label)}
        )
        label = preferred[0] if preferred else node
        names = sorted(
            ({str(x) for x in facts.objects(node, IRI.SKOS.altLabel)} | set(preferred[1:])) - {label}
        )
        # the forms an article named it by in its context only (kg:mentionedAs): not names
        forms = sorted({str(x) for x in facts.objects(node, IRI.KG.mentionedAs)} - {label, *names})
        articles = sorted(str(a) for a in facts.objects(node, IRI.KG.mentionedIn))
        net.add_node(
            node,
            label=str(label),
            kind=kind,
            aliases="|".join(names),
            forms="|".join(forms),
            articles="|".join(articles),
        )
    for pred, name in sorted(RELATION_OF_PREDICATE.items()):
        for s, o in sorted(facts.subject_objects(pred)):
            if s in net and o in net:
                sentences = sorted(set(evidence.get((s, pred, o), [])))
                net.add_edge(s, o, key=name, relation=name, evidence="\n".join(sentences))
    return net


# --- views: what part of the network to draw -------------------------------------------

#: Vietnamese letters whose accent-stripped form is not given by Unicode decomposition.
_FOLD_EXTRA = str.maketrans({"đ": "d", "Đ": "d"})


def fold_name(text: str) -> str:
    """``text`` lower-cased without accents (``Đảng ủy`` -> ``dang uy``), spaces collapsed."""
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD_EXTRA))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.lower().split())


def entity_names(net: nx.MultiDiGraph, node: str) -> list[str]:
    """The label of ``node`` then its other names."""
    data = net.nodes[node]
    aliases = [a for a in str(data.get("aliases", "")).split("|") if a]
    return [str(data["label"]), *aliases]


def entity_forms(net: nx.MultiDiGraph, node: str) -> list[str]:
    """The forms an article named ``node`` by in its context only (``kg:mentionedAs``)."""
    return [a for a in str(net.nodes[node].get("forms", "")).split("|") if a]


def find_entities(net: nx.MultiDiGraph, name: str) -> list[str]:
    """Nodes one of whose names equals ``name`` ignoring accents and case; else one of whose
    forms (``ông Đức``) does; else whose names contain it."""
    key = fold_name(name)
    if not key:
        return []
    exact, by_form, partial = [], [], []
    for node in sorted(net.nodes):
        folded = [fold_name(n) for n in entity_names(net, node)]
        if key in folded:
            exact.append(node)
        elif key in (fold_name(n) for n in entity_forms(net, node)):
            by_form.append(node)
        elif any(key in f for f in folded):
            partial.append(node)
    return exact or by_form or partial


@dataclass
class View:
    """The part of a network chosen for drawing, and what was left out of it."""

    net: nx.MultiDiGraph
    total_nodes: int
    total_edges: int
    #: entity class -> (nodes drawn, nodes in the whole network)
    kinds: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: relation -> (edges drawn, edges in the whole network)
    relations: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: drawn node -> number of its links to entities not drawn
    hidden_links: dict[str, int] = field(default_factory=dict)
    #: what was chosen and why, one sentence each
    notes: list[str] = field(default_factory=list)
    #: the drawn nodes the view was centred on
    focus: list[str] = field(default_factory=list)
    #: (label, class) of entities not drawn, most connected first, so a search can name them
    left_out: list[tuple[str, str]] = field(default_factory=list)
    #: entities left out because they have no link (the linked-only opening view)
    unlinked: int = 0
    #: (cap, nodes before the cap) when ``max_nodes`` cut the view
    cap: tuple[int, int] | None = None
    #: the classes / relations the view was restricted to, and the focus depth
    kept_classes: list[str] = field(default_factory=list)
    kept_relations: list[str] = field(default_factory=list)
    depth: int = 0
    #: the articles mentioning each of ``left_out``, in the same order
    left_out_articles: list[list[str]] = field(default_factory=list)
    #: the number of links of each of ``left_out`` in the whole network
    left_out_degrees: list[int] = field(default_factory=list)

    @property
    def truncated(self) -> bool:
        return bool(self.net.number_of_nodes() < self.total_nodes)


#: At most this many names of entities left out of a view travel with the page (for search).
LEFT_OUT_MAX = 50_000


def _ranked(net: nx.MultiDiGraph, seeds: dict[str, int]) -> list[str]:
    """Nodes by distance to the seeds (when any), then by the size of their connected part
    (largest first, kept whole), then by degree, then by the number of articles mentioning
    them (most entities of a news corpus have no relation yet), then IRI."""

    def articles(node: str) -> int:
        return len([a for a in str(net.nodes[node].get("articles", "")).split("|") if a])

    part = component_ranks(net)
    return sorted(net.nodes, key=lambda n: (seeds.get(n, 0), part[n], -net.degree(n), -articles(n), n))


def component_ranks(net: nx.MultiDiGraph) -> dict[str, int]:
    """Node -> the rank of its connected part, 0 for the largest (ties: smallest first node)."""
    parts = sorted((sorted(c) for c in _components(net)), key=lambda c: (-len(c), c[0]))
    return {node: rank for rank, part in enumerate(parts) for node in part}


def _neighbours(net: nx.MultiDiGraph, node: str) -> Iterator[str]:
    """The nodes linked to ``node`` either way (one linked both ways comes twice)."""
    yield from net.predecessors(node)
    yield from net.successors(node)


def _reach(net: nx.MultiDiGraph, start: str, cutoff: int | None = None) -> dict[str, int]:
    """Node -> links from ``start`` ignoring direction, for nodes at most ``cutoff`` away."""
    seen = {start: 0}
    level = [start]
    steps = 0
    while level and (cutoff is None or steps < cutoff):
        steps += 1
        following = []
        for node in level:
            for other in _neighbours(net, node):
                if other not in seen:
                    seen[other] = steps
                    following.append(other)
        level = following
    return seen


def _components(net: nx.MultiDiGraph) -> list[set[str]]:
    """The weakly connected parts of ``net``."""
    parts: list[set[str]] = []
    placed: set[str] = set()
    for node in net.nodes:
        if node not in placed:
            part = set(_reach(net, node))
            placed |= part
            parts.append(part)
    return parts


def select_view(
    net: nx.MultiDiGraph,
    *,
    focus: Sequence[str] = (),
    depth: int = 1,
    classes: Collection[str] | None = None,
    relations: Collection[str] | None = None,
    max_nodes: int = 0,
    linked_only: bool = True,
) -> View:
    """The sub-network to draw: chosen classes and relations, the neighbourhood of the
    ``focus`` nodes within ``depth`` links, and at most ``max_nodes`` nodes (0: no cap),
    keeping the nodes closest to the focus, then the largest connected parts, then the
    most connected ones. With ``linked_only`` (and no focus), entities without any link
    are left out (listed for search) unless no entity has a link."""
    view = View(net=net, total_nodes=net.number_of_nodes(), total_edges=net.number_of_edges())
    view.kept_classes = sorted(classes or ())
    view.kept_relations = sorted(relations or ())
    view.depth = depth if focus else 0
    sub = _restricted(net, view.kept_classes, view.kept_relations)
    if view.kept_classes:
        view.notes.append("classes: " + ", ".join(view.kept_classes))
    if view.kept_relations:
        view.notes.append("relations: " + ", ".join(view.kept_relations))
    if view.kept_relations or (linked_only and not focus and sub.number_of_edges()):
        linked = {n for s, o in sub.edges() if s != o for n in (s, o)}
        unlinked = [n for n in sorted(sub.nodes) if n not in linked and n not in focus]
        if unlinked and not view.kept_relations:
            view.unlinked = len(unlinked)
            view.notes.append(f"linked only: {len(unlinked):,} without a link listed, not drawn")
        sub.remove_nodes_from(unlinked)
    distance: dict[str, int] = {}
    if focus:
        distance = _distances(sub, focus, depth)
        sub = sub.subgraph(sorted(distance)).copy()
        view.notes.append(
            f"within {depth} link(s) of " + ", ".join(sorted(entity_names(net, f)[0] for f in focus))
        )
    if max_nodes and sub.number_of_nodes() > max_nodes:
        keep = _ranked(sub, distance)[:max_nodes]
        view.cap = (max_nodes, sub.number_of_nodes())
        sub = sub.subgraph(keep).copy()
        order = "nearest the focus, then the largest linked parts" if focus else "the largest linked parts"
        view.notes.append(f"at most {max_nodes:,} of {view.cap[1]:,}: {order}")
    view.net = _copy_sorted(sub)
    view.focus = sorted(n for n in set(focus) if n in view.net)
    _count(view, net)
    return view


def _restricted(
    net: nx.MultiDiGraph, classes: Collection[str], relations: Collection[str]
) -> nx.MultiDiGraph:
    """The entities of ``classes`` and links of ``relations`` (empty: all) of ``net``."""
    sub = type(net)()
    sub.add_nodes_from((n, d) for n, d in sorted(net.nodes(data=True)) if not classes or d["kind"] in classes)
    sub.add_edges_from(
        (s, o, k, d)
        for s, o, k, d in sorted(net.edges(keys=True, data=True), key=lambda e: e[:3])
        if s in sub and o in sub and (not relations or k in relations)
    )
    return sub


def _distances(net: nx.MultiDiGraph, focus: Sequence[str], depth: int) -> dict[str, int]:
    """Node -> links to the nearest focus node, for nodes within ``depth`` links of one."""
    distance: dict[str, int] = {}
    for node in sorted(set(focus)):
        if node in net:
            for other, steps in _reach(net, node, cutoff=depth).items():
                distance[other] = min(steps, distance.get(other, steps))
    return distance


def _count(view: View, net: nx.MultiDiGraph) -> None:
    """Fill ``view``'s per-class and per-relation counts, hidden links and left-out names."""
    drawn = view.net
    kinds = Counter(d["kind"] for _, d in net.nodes(data=True))  # counted once, not once per class
    drawn_kinds = Counter(d["kind"] for _, d in drawn.nodes(data=True))
    for kind in sorted(kinds):
        view.kinds[kind] = (drawn_kinds[kind], kinds[kind])
    relations = Counter(k for _, _, k in net.edges(keys=True))  # listed once, not 3 times a relation
    drawn_relations = Counter(k for _, _, k in drawn.edges(keys=True))
    for rel in sorted(relations):
        view.relations[rel] = (drawn_relations[rel], relations[rel])
    for node in drawn.nodes:
        outside = sum(1 for other in _neighbours(net, node) if other not in drawn)
        if outside:
            view.hidden_links[node] = outside
    missing = sorted((n for n in net.nodes if n not in drawn), key=lambda n: (-net.degree(n), n))
    view.left_out = [(str(net.nodes[n]["label"]), str(net.nodes[n]["kind"])) for n in missing[:LEFT_OUT_MAX]]
    view.left_out_degrees = [net.degree(n) for n in missing[:LEFT_OUT_MAX]]
    view.left_out_articles = [
        [a for a in str(net.nodes[n].get("articles", "")).split("|") if a] for n in missing[:LEFT_OUT_MAX]
    ]


def _copy_sorted(net: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose nodes and edges iterate in sorted order (determinism)."""
    out = type(net)()
    out.add_nodes_from(sorted(net.nodes(data=True)))
    out.add_edges_from(sorted(net.edges(keys=True, data=True), key=lambda e: e[:3]))
    return out


def centrality(net: nx.MultiDiGraph) -> dict[str, float]:
    """Degree centrality on the undirected simple graph: the share of entities a node links
    (networkx's ``degree_centrality`` of it, to the last bit)."""
    linked: dict[str, set[str]] = {node: set() for node in net.nodes}
    for source, target in net.edges():
        linked[source].add(target)
        linked[target].add(source)
    if len(linked) <= 1:
        return {node: 1 for node in linked}
    scale = 1.0 / (len(linked) - 1.0)
    # a loop counts twice in a simple graph's degree (and once in the set of the node's neighbours)
    return dict(sorted((node, (len(nbrs) + (node in nbrs)) * scale) for node, nbrs in linked.items()))


def layout_positions(
    net: nx.MultiDiGraph, seed: int = 7, spacing: float = 90.0
) -> dict[str, tuple[int, int]]:
    """Pixel positions: linked entities by a force layout, unlinked ones in a grid below it,
    grouped by class (in a news corpus most entities have no relation; scattered among the
    others they would crowd the linked part off the screen)."""
    linked = sorted({n for s, o in net.edges() if s != o for n in (s, o)})
    if len(linked) <= FORCE_MAX_NODES:
        positions = force_layout(net.subgraph(linked), seed=seed, spacing=spacing)
    else:
        positions = spiral_layout(net.subgraph(linked), spacing=spacing)
    alone = sorted(
        (n for n in net.nodes if n not in positions),
        key=lambda n: (str(net.nodes[n].get("kind", "")), str(net.nodes[n].get("label", "")), n),
    )
    if alone:
        step = int(spacing * 0.8)
        columns = max(1, int(len(alone) ** 0.5 * 1.6))
        xs = [x for x, _ in positions.values()] or [0]
        top = max((y for _, y in positions.values()), default=-step) + 2 * step
        left = (min(xs) + max(xs)) // 2 - (min(columns, len(alone)) - 1) * step // 2
        for i, node in enumerate(alone):
            positions[node] = (left + (i % columns) * step, top + (i // columns) * step)
    return positions


#: Pull towards the centre in the force layout, so small islands do not drift to a far ring.
GRAVITY = 0.05
#: Above this many linked nodes the all-pairs force layout takes too long (it is quadratic):
#: such views, drawn only with --max-nodes raised, get the linear spiral layout instead.
FORCE_MAX_NODES = 6000


def spiral_layout(net: nx.Graph, spacing: float = 90.0) -> dict[str, tuple[int, int]]:
    """Nodes on a sunflower spiral, most connected at the centre: linear time for huge views."""
    order = sorted(net.nodes, key=lambda n: (-net.degree(n), n))
    golden = math.pi * (3 - math.sqrt(5))
    step = spacing * 0.6
    return {
        node: (
            int(round(step * math.sqrt(i) * math.cos(i * golden))),
            int(round(step * math.sqrt(i) * math.sin(i * golden))),
        )
        for i, node in enumerate(order)
    }


def force_layout(net: nx.Graph, seed: int = 7, spacing: float = 90.0) -> dict[str, tuple[int, int]]:
    """Pixel positions from a Fruchterman-Reingold layout (numpy, fixed seed, integer output).

    Repulsion is computed in blocks of all pairs, so memory stays small for a few thousand
    nodes; the iteration count falls with size to keep big views quick to compute.
    """
    import numpy as np

    nodes = sorted(net.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0, 0)}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = sorted({(index[s], index[o]) for s, o in net.edges() if s != o})
    src = np.array([p[0] for p in pairs], dtype=np.intp)
    dst = np.array([p[1] for p in pairs], dtype=np.intp)
    pos = np.random.default_rng(seed).random((n, 2)).astype(np.float32)
    k = np.float32(np.sqrt(1.0 / n))
    k2 = np.float32(k * k)
    iterations = 60 if n <= 1000 else 45 if n <= 3000 else 30
    temperature = np.float32(0.1)
    cooling = np.float32(0.1 / (iterations + 1))
    block = max(1, 1_000_000 // n)
    for _ in range(iterations):
        disp = np.zeros((n, 2), dtype=np.float32)
        x, y = pos[:, 0].copy(), pos[:, 1].copy()
        for start in range(0, n, block):
            # all pairs, one block of rows at a time; float32 keeps the blocks in cache
            dx = x[start : start + block, None] - x[None, :]
            dy = y[start : start + block, None] - y[None, :]
            weight = dx * dx
            weight += dy * dy
            np.maximum(weight, np.float32(1e-6), out=weight)
            np.divide(k2, weight, out=weight)
            disp[start : start + block, 0] += (dx * weight).sum(axis=1)
            disp[start : start + block, 1] += (dy * weight).sum(axis=1)
        if len(pairs):
            delta = pos[src] - pos[dst]
            dist = np.sqrt((delta * delta).sum(axis=1))
            np.maximum(dist, np.float32(1e-3), out=dist)
            force = delta * (dist / k)[:, None]
            for axis in (0, 1):
                pull = np.bincount(dst, force[:, axis], n) - np.bincount(src, force[:, axis], n)
                disp[:, axis] += pull.astype(np.float32)
        disp -= (pos - pos.mean(axis=0)) * np.float32(GRAVITY / k)  # keeps small islands near
        length = np.sqrt((disp * disp).sum(axis=1))
        np.maximum(length, np.float32(1e-9), out=length)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    pos -= pos.mean(axis=0)
    scale = spacing / float(k)
    return {
        node: (int(round(float(x) * scale)), int(round(float(y) * scale)))
        for node, (x, y) in zip(nodes, pos, strict=True)
    }
