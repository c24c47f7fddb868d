"""The network page without a browser: views, layout, escaping, determinism, the CLI."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, SKOS

from kgraph import network, visualize
from kgraph.cli import main
from kgraph.namespaces import CLASS_OF_KIND, IRI, KG, ORG, RES
from kgraph.network import find_entities, fold_name, graph_to_networkx, layout_positions, select_view
from kgraph.visualize import PHYSICS_MAX_NODES, render_html, render_view

XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_SCRIPT = "Sở </script><script>alert(2)</script>"


def sample_graph() -> Graph:
    """Five entities, four relations with evidence, two hostile names and one isolated node."""
    g = Graph()

    def entity(local: str, kind: str, label: str, *aliases: str, article: str = "a1") -> URIRef:
        node = RES[local]
        g.add((node, RDF.type, CLASS_OF_KIND[kind]))
        g.add((node, SKOS.prefLabel, Literal(label, lang="vi")))
        for alias in aliases:
            g.add((node, SKOS.altLabel, Literal(alias, lang="vi")))
        g.add((node, KG.mentionedIn, RES[article]))
        return node

    def relation(s: URIRef, p: URIRef, o: URIRef, evidence: str) -> None:
        g.add((s, p, o))
        stmt = RES[f"stmt-{len(g)}"]
        for prop, value in ((RDF.type, RDF.Statement), (RDF.subject, s), (RDF.predicate, p), (RDF.object, o)):
            g.add((stmt, prop, value))
        g.add((stmt, KG.evidence, Literal(evidence, lang="vi")))

    g.add((RES.a1, DCTERMS.title, Literal("Hội nghị Tỉnh ủy <b>lần 5</b>", lang="vi")))
    committee = entity("tu", "PartyCommittee", "Tỉnh ủy Đồng Nai", "TU Đồng Nai")
    person = entity("duc", "Person", "Nguyễn Văn Đức")
    hostile = entity("img", "Organization", XSS_IMG)
    agency = entity("so", "StateAgency", XSS_SCRIPT, article="a2")
    entity("alone", "Location", "Huyện Long Thành")
    relation(committee, KG.directs, agency, "Tỉnh ủy chỉ đạo Sở thực hiện <b>nghị quyết</b>.")
    relation(person, ORG.memberOf, committee, "Ông Nguyễn Văn Đức, Ủy viên Ban Thường vụ Tỉnh ủy.")
    relation(hostile, KG.cooperatesWith, agency, "Hai bên phối hợp.")
    relation(committee, KG.cooperatesWith, hostile, "Tỉnh ủy phối hợp.")
    return g


def page_json(page: str) -> dict[str, Any]:
    """The data block the page script reads."""
    found = re.search(r'<script id="kgraph-data" type="application/json">(.*?)</script>', page, re.S)
    assert found, "no data block"
    return json.loads(found.group(1))  # type: ignore[no-any-return]


def star_network(n: int) -> nx.MultiDiGraph:
    """A hub linked to n-1 leaves, plus a chain among the first leaves (distinct degrees)."""
    net = nx.MultiDiGraph()
    for i in range(n):
        net.add_node(
            f"n{i:04d}",
            label=f"Đơn vị {i}",
            kind="StateAgency" if i % 2 else "Person",
            aliases="",
            articles="",
        )
    for i in range(1, n):
        net.add_edge("n0000", f"n{i:04d}", key="directs", relation="directs", evidence="")
    for i in range(1, min(n - 1, 10)):
        net.add_edge(
            f"n{i:04d}", f"n{i + 1:04d}", key="cooperatesWith", relation="cooperatesWith", evidence=""
        )
    return net


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Tỉnh ủy Đồng Nai", "tinh uy dong nai"),  # tones, hooks and đ
        ("ĐẢNG ỦY  XÃ", "dang uy xa"),  # upper case Đ, spaces collapsed
        ("Nguyễn Văn Đức", "nguyen van duc"),  # stacked diacritics (ễ)
        ("Hòa  Bình", "hoa binh"),  # composed ò; double space
        ("Hoà Bình", "hoa binh"),  # old-style tone placement folds the same
        ("", ""),
    ],
)
def test_fold_name(text: str, folded: str) -> None:
    assert fold_name(text) == folded


def test_find_entities_by_any_name_without_accents() -> None:
    net = graph_to_networkx(sample_graph())
    assert find_entities(net, "tu dong nai") == [str(RES.tu)]  # an alias, no accents
    assert find_entities(net, "NGUYEN VAN DUC") == [str(RES.duc)]
    assert find_entities(net, "dong") == [str(RES.tu)]  # a part of a name
    assert find_entities(net, "không có") == []


def test_select_view_focus_classes_relations() -> None:
    net = graph_to_networkx(sample_graph())
    around = select_view(net, focus=[str(RES.duc)], depth=1)
    assert sorted(around.net.nodes) == sorted([str(RES.duc), str(RES.tu)])
    assert around.hidden_links[str(RES.tu)] == 2  # directs Sở, cooperates with the img entity
    two = select_view(net, focus=[str(RES.duc)], depth=2)
    assert len(two.net) == 4 and str(RES.alone) not in two.net
    people = select_view(net, classes={"Person", "PartyCommittee"})
    assert sorted(d["kind"] for _, d in people.net.nodes(data=True)) == ["PartyCommittee", "Person"]
    assert people.kinds["Person"] == (1, 1) and people.kinds["StateAgency"] == (0, 1)
    directs = select_view(net, relations={"directs"})
    assert [k for _, _, k in directs.net.edges(keys=True)] == ["directs"]
    assert sorted(directs.net.nodes) == sorted([str(RES.tu), str(RES.so)])  # unlinked nodes dropped


def test_select_view_cap_keeps_most_connected_and_says_so() -> None:
    net = star_network(50)
    view = select_view(net, max_nodes=5)
    assert len(view.net) == 5 and "n0000" in view.net  # the hub first
    assert view.truncated and view.total_nodes == 50
    assert view.notes == ["at most 5 of 50: the largest linked parts"] and view.cap == (5, 50)
    assert view.hidden_links["n0000"] == 45
    assert len(view.left_out) == 45 and view.left_out[0] == ("Đơn vị 6", "Person")  # next by degree


def test_opening_view_draws_the_linked_entities_and_lists_the_others() -> None:
    net = graph_to_networkx(sample_graph())
    view = select_view(net)
    assert str(RES.alone) not in view.net and len(view.net) == 4
    assert view.unlinked == 1 and view.left_out == [("Huyện Long Thành", "Location")]
    assert view.left_out_degrees == [0] and view.left_out_articles == [[str(RES.a1)]]
    everything = select_view(net, linked_only=False)
    assert str(RES.alone) in everything.net and everything.unlinked == 0
    around = select_view(net, focus=[str(RES.alone)], depth=1)  # a focus is drawn even alone
    assert list(around.net.nodes) == [str(RES.alone)]
    lonely = nx.MultiDiGraph()
    lonely.add_node("x", label="X", kind="Person", aliases="", articles="")
    assert list(select_view(lonely).net.nodes) == ["x"]  # no link anywhere: draw what there is


def test_cap_keeps_the_largest_connected_parts_whole() -> None:
    net = nx.MultiDiGraph()
    for i in range(14):
        net.add_node(f"n{i:02d}", label=f"Đơn vị {i}", kind="StateAgency", aliases="", articles="")
    for i in range(1, 6):  # a star of 6: the hub has the most links
        net.add_edge("n00", f"n{i:02d}", key="directs", relation="directs", evidence="")
    for i in range(6, 13):  # a chain of 8: the largest part
        net.add_edge(f"n{i:02d}", f"n{i + 1:02d}", key="directs", relation="directs", evidence="")
    view = select_view(net, max_nodes=8)
    assert sorted(view.net.nodes) == [f"n{i:02d}" for i in range(6, 14)]


def test_layout_is_deterministic_and_spreads_nodes() -> None:
    net = star_network(400)
    first = layout_positions(net, seed=7)
    assert first == layout_positions(net, seed=7)
    assert len(set(first.values())) == 400  # no two nodes on one pixel
    xs = [x for x, _ in first.values()]
    assert max(xs) - min(xs) > 500


def test_page_is_self_contained_and_requests_nothing() -> None:
    page = render_html(sample_graph(), title="Thử")

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.linked: list[tuple[str, str]] = []
            self.tags: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.append(tag)
            self.linked += [(tag, f"{k}={v}") for k, v in attrs if k in ("src", "href", "srcset", "action")]

    tags = Tags()
    tags.feed(page)
    assert tags.linked == []
    assert "link" not in tags.tags and "iframe" not in tags.tags
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "vis.Network" in page and "bootstrap" not in page.lower()
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", page)  # no remote CSS resources


def test_hostile_names_stay_data() -> None:
    page = render_html(sample_graph(), title="<b>t</b>")
    assert XSS_IMG not in page and "<script>alert(2)" not in page
    assert "<title>Mạng quan hệ — &lt;b&gt;t&lt;/b&gt;</title>" in page
    assert page.lower().count("</script") == 3  # data block, vis-network, page script: none injected
    data = page_json(page)
    labels = {n["label"] for n in data["nodes"]}
    assert {XSS_IMG, XSS_SCRIPT} <= labels  # unchanged once parsed: shown as text by the page


def test_links_carry_their_evidence_articles_and_modality() -> None:
    graph = sample_graph()
    graph.add((RES.a1, KG.sourceFile, Literal("corpus/bao-a/bai-1.txt")))
    graph.add((RES.a1, DCTERMS.issued, Literal("2024-05-06")))
    graph.add((RES.a2, KG.sourceFile, Literal("corpus/bao-b/bai-2.txt")))
    for stmt in graph.subjects(RDF.type, RDF.Statement):
        graph.add((stmt, PROV.wasDerivedFrom, RES.a1))
        if graph.value(stmt, RDF.predicate) == KG.directs:
            graph.add((stmt, KG.modality, KG.planned))
    data = page_json(render_html(graph))
    articles = data["articles"]
    assert [a[:4] for a in articles] == [
        ["Hội nghị Tỉnh ủy <b>lần 5</b>", "2024-05-06", "bao-a", "corpus/bao-a/bai-1.txt"],
        ["", "", "bao-b", "corpus/bao-b/bai-2.txt"],
    ]
    edge = next(e for e in data["edges"] if e["relation"] == "directs")
    assert edge["ev"] == [["Tỉnh ủy chỉ đạo Sở thực hiện <b>nghị quyết</b>.", 0, "planned"]]
    assert edge["modality"] == "planned" and edge["dashes"] is True
    assert edge["label"] == "chỉ đạo" and edge["from"] == str(RES.tu) and edge["to"] == str(RES.so)
    member = next(e for e in data["edges"] if e["relation"] == "memberOf")
    assert member["modality"] == "asserted" and member["dashes"] is False  # no kg:modality: asserted
    node = {n["id"]: n for n in data["nodes"]}[str(RES.so)]
    assert node["arts"] == [1] and node["aliases"] == []


def test_people_carry_their_posts() -> None:
    graph = sample_graph()
    membership = RES["membership-1"]
    graph.add((membership, ORG.member, RES.duc))
    graph.add((membership, ORG.organization, RES.tu))
    graph.add((membership, KG.postTitle, Literal("Phó Bí thư", lang="vi")))
    graph.add((membership, KG.former, Literal(True)))
    node = {n["id"]: n for n in page_json(render_html(graph))["nodes"]}[str(RES.duc)]
    assert node["posts"] == [["Phó Bí thư", "Tỉnh ủy Đồng Nai", True]]


def test_classes_get_colour_shape_and_legend_counts() -> None:
    data = page_json(render_html(sample_graph()))
    shapes = {n["kind"]: (n["shape"], n["color"]) for n in data["nodes"]}
    assert shapes["PartyCommittee"][0] == "diamond" and shapes["Person"][0] == "dot"
    assert len(set(shapes.values())) == len(shapes)
    from kgraph.visualize import CLASS_STYLE

    styles = [(s.shape, s.color) for s in CLASS_STYLE.values()]
    assert len(set(styles)) == len(styles)  # every class, each kind of document too, its own look
    assert len({CLASS_STYLE[k].shape for k in ("Campaign", "Project", "Event")}) == 3
    legend = {c["kind"]: c for c in data["classes"]}
    assert legend["Person"]["name"] == "Người" and legend["Person"]["total"] == 1
    sizes = {n["id"]: n["value"] for n in data["nodes"]}
    assert sizes[str(RES.tu)] > sizes[str(RES.duc)]  # by centrality


def test_small_view_uses_physics_large_view_a_fixed_layout() -> None:
    small = page_json(render_html(sample_graph()))
    assert small["physics"] and small["options"]["physics"]["enabled"]
    assert small["options"]["physics"]["stabilization"]["enabled"]
    big = page_json(render_view(select_view(star_network(PHYSICS_MAX_NODES + 50), max_nodes=0)))
    assert not big["physics"] and not big["options"]["physics"]["enabled"]
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in big["nodes"])


def test_truncated_view_says_what_it_left_out() -> None:
    data = page_json(render_view(select_view(star_network(120), max_nodes=20)))
    assert len(data["nodes"]) == 20 and data["omitted"] == 100
    view = data["view"]
    assert (view["drawnNodes"], view["totalNodes"], view["cap"]) == (20, 120, [20, 120])
    assert view["leftOutByKind"] == [["Person", 50], ["StateAgency", 50]]


def test_same_graph_same_page_whatever_the_triple_order() -> None:
    graph = sample_graph()
    shuffled = Graph()
    for triple in sorted(graph, reverse=True):
        shuffled.add(triple)
    assert render_html(graph) == render_html(shuffled)
    big = star_network(PHYSICS_MAX_NODES + 10)
    assert render_view(select_view(big)) == render_view(select_view(big))


def test_graph_to_networkx_keeps_graphml_attributes() -> None:
    net = graph_to_networkx(sample_graph())
    assert net.nodes[str(RES.tu)]["aliases"] == "TU Đồng Nai"
    assert set(net.nodes[str(RES.tu)]) == {"label", "kind", "aliases", "forms", "articles"}
    assert net.number_of_edges() == 4


@pytest.fixture
def ttl(tmp_path: Path) -> Path:
    path = tmp_path / "g.ttl"
    sample_graph().serialize(path, format="turtle")
    return path


def test_cli_focus_classes_relations_query(ttl: Path, tmp_path: Path) -> None:
    out = tmp_path / "v.html"
    assert main(["viz", str(ttl), "--out", str(out), "--focus", "nguyen van duc", "--depth", "1"]) == 0
    assert sorted(n["label"] for n in page_json(out.read_text("utf-8"))["nodes"]) == [
        "Nguyễn Văn Đức",
        "Tỉnh ủy Đồng Nai",
    ]
    assert main(["viz", str(ttl), "--out", str(out), "--classes", "Person", "Location"]) == 0
    assert {n["kind"] for n in page_json(out.read_text("utf-8"))["nodes"]} == {"Person", "Location"}
    assert main(["viz", str(ttl), "--out", str(out), "--relations", "memberOf"]) == 0
    assert [e["relation"] for e in page_json(out.read_text("utf-8"))["edges"]] == ["memberOf"]
    query = tmp_path / "q.rq"
    query.write_text("CONSTRUCT { ?a kg:directs ?b } WHERE { ?a kg:directs ?b }", encoding="utf-8")
    assert main(["viz", str(ttl), "--out", str(out), "--query", str(query)]) == 0
    data = page_json(out.read_text("utf-8"))
    assert sorted(n["label"] for n in data["nodes"]) == sorted(["Tỉnh ủy Đồng Nai", XSS_SCRIPT])
    assert "nghị quyết" in data["edges"][0]["ev"][0][0]  # evidence carried over from the source graph
    inline = "CONSTRUCT { ?a org:memberOf ?b } WHERE { ?a org:memberOf ?b }"
    assert main(["viz", str(ttl), "--out", str(out), "--query", inline]) == 0
    assert [e["relation"] for e in page_json(out.read_text("utf-8"))["edges"]] == ["memberOf"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--focus", "không ai"], "no entity has this name"),  # unknown entity
        (["--classes", "Persn"], "unknown class"),  # misspelt class
        (["--relations", "leads"], "unknown relation"),  # not a kgraph relation
        (["--query", "SELECT"], "CONSTRUCT"),  # a SELECT cannot be drawn
        (["--max-nodes", "-1"], "--max-nodes"),
    ],
)
def test_cli_errors_are_one_line(
    ttl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    if args[0] == "--query":
        query = tmp_path / "s.rq"
        query.write_text("SELECT ?s WHERE { ?s ?p ?o }", encoding="utf-8")
        args = ["--query", str(query)]
    assert main(["viz", str(ttl), "--out", str(tmp_path / "v.html"), *args]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]
    assert not (tmp_path / "v.html").exists()


def test_unlinked_entities_sit_in_a_grid_below_the_linked_ones() -> None:
    net = star_network(30)
    for i in range(6):
        net.add_node(f"z{i}", label=f"Lẻ {i}", kind="Person", aliases="", articles="")
    positions = layout_positions(net)
    lowest_linked = max(y for node, (_, y) in positions.items() if node.startswith("n"))
    alone = [positions[f"z{i}"] for i in range(6)]
    assert all(y > lowest_linked for _, y in alone)
    assert len(set(alone)) == 6 and len({y for _, y in alone}) <= 2  # one or two grid rows


def test_two_preferred_labels_give_one_label_whatever_the_hash_seed(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    graph = sample_graph()
    graph.add(
        (RES.tu, SKOS.prefLabel, Literal("Tỉnh ủy tỉnh Đồng Nai", lang="vi"))
    )  # a second article's form
    net = graph_to_networkx(graph)
    assert net.nodes[str(RES.tu)]["label"] == "Tỉnh ủy tỉnh Đồng Nai"  # the smallest string
    assert "Tỉnh ủy Đồng Nai" in net.nodes[str(RES.tu)]["aliases"].split("|")
    source = tmp_path / "g.ttl"
    graph.serialize(source, format="turtle")
    pages = []
    for seed in ("1", "2"):  # set iteration order differs between these two processes
        out = tmp_path / f"{seed}.html"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-m", "kgraph", "viz", str(source), "--out", str(out)], env=env, check=True
        )
        pages.append(out.read_bytes())
    assert pages[0] == pages[1]


def test_classes_by_vietnamese_or_english_name(ttl: Path, tmp_path: Path) -> None:
    from kgraph.visualize import class_by_name

    assert class_by_name("Người") == class_by_name("nguoi") == class_by_name("person") == "Person"
    assert class_by_name("Cấp ủy Đảng") == "PartyCommittee" and class_by_name("Persn") is None
    out = tmp_path / "v.html"
    assert main(["viz", str(ttl), "--out", str(out), "--classes", "Người", "dia diem"]) == 0
    assert {n["kind"] for n in page_json(out.read_text("utf-8"))["nodes"]} == {"Person", "Location"}


def test_spiral_layout_puts_hubs_in_the_middle() -> None:
    from kgraph.network import spiral_layout

    net = star_network(200)
    positions = spiral_layout(nx.Graph(net))
    assert positions["n0000"] == (0, 0) and len(set(positions.values())) == 200


def test_cli_default_cap_matches_the_page_default() -> None:
    from kgraph.cli.viz import DEFAULT_MAX_NODES as cli_default
    from kgraph.visualize import DEFAULT_MAX_NODES

    assert cli_default == DEFAULT_MAX_NODES


def test_graph_to_networkx_edges_carry_only_asserted_evidence() -> None:
    # a plain triple is written for asserted relations only; a request naming the same pair
    # ('đề nghị Tỉnh ủy chỉ đạo Sở …') must not lend its sentence to the stated link
    graph = sample_graph()
    stmt = next(
        s for s in graph.subjects(RDF.type, RDF.Statement) if graph.value(s, RDF.predicate) == KG.directs
    )
    request = URIRef(str(stmt) + "-requested")
    for p, o in list(graph.predicate_objects(stmt)):
        graph.add((request, p, o if p != KG.evidence else Literal("Đề nghị Tỉnh ủy chỉ đạo Sở.")))
    graph.add((request, KG.modality, KG.requested))
    graph.add((stmt, KG.modality, KG.asserted))
    net = graph_to_networkx(graph)
    (evidence,) = [d["evidence"] for _, _, d in net.edges(data=True) if d["relation"] == "directs"]
    assert evidence == "Tỉnh ủy chỉ đạo Sở thực hiện <b>nghị quyết</b>."


def test_a_node_shows_its_forms_apart_from_its_names() -> None:
    # kg:mentionedAs ('ông Đức' for Nguyễn Văn Đức) is no other name; the page lists it apart and finds it
    graph = sample_graph()
    graph.add((RES.duc, KG.mentionedAs, Literal("ông Đức", lang="vi")))
    net = graph_to_networkx(graph)
    assert net.nodes[str(RES.duc)]["forms"] == "ông Đức"
    assert find_entities(net, "ong duc") == [str(RES.duc)]
    node = {n["id"]: n for n in page_json(render_html(graph))["nodes"]}[str(RES.duc)]
    assert node["aliases"] == [] and node["forms"] == ["ông Đức"]
    assert "ong duc" in node["search"].split("\n")


def test_the_page_reads_the_vocabularies_from_iri_alone() -> None:
    # a second name of a term (KG_EVIDENCE = IRI.KG.evidence) is a copy to keep in step
    bases = [str(v) for k, v in vars(IRI).items() if not k.startswith("_")]
    copies = [
        f"{module.__name__}.{name}"
        for module in (network, visualize)
        for name, value in vars(module).items()
        if isinstance(value, str) and any(value.startswith(base) for base in bases)
    ]
    assert not copies
