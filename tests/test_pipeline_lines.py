"""The line-based writers (``kgraph.lines``) give the graphs rdflib would: compared by isomorphism."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from kgraph.lines import add_lines, graph_lines, nquads, split_line, summarize_lines, trig, turtle
from kgraph.namespaces import KG, ORG, RES
from kgraph.pipeline import summarize

PERSON = URIRef(f"{RES}person/nguyen-van-a-12345678")
BODY = URIRef(f"{RES}org/dang-uy-xa-abcdef12")
ARTICLE = URIRef(f"{RES}article/0123456789ab")


def sample_graph() -> Graph:
    graph = Graph()
    graph.add((PERSON, RDF.type, KG.Person))
    graph.add((PERSON, RDFS.label, Literal("Nguyễn Văn A", lang="vi")))
    graph.add((PERSON, SKOS.altLabel, Literal('ông "A" \\ dòng\nhai\tcột', lang="vi")))  # escapes
    graph.add((PERSON, KG.mentionedIn, ARTICLE))
    graph.add((BODY, RDF.type, KG.PartyCommittee))
    graph.add((BODY, RDF.type, ORG.Organization))
    graph.add((BODY, KG.directs, PERSON))
    graph.add((PERSON, ORG.memberOf, BODY))
    graph.add((ARTICLE, KG.startOffset, Literal(17)))
    graph.add((ARTICLE, KG.value, Literal("17.80", datatype=XSD.decimal)))
    graph.add((ARTICLE, KG.former, Literal(False)))
    graph.add((ARTICLE, KG.byline, Literal("plain, no language . ; ,")))
    graph.add((URIRef("http://example.org/a.b#x.y"), KG.byline, Literal("a local name with a dot")))
    graph.add((URIRef("urn:x:1"), URIRef("urn:p"), Literal("x", datatype=URIRef("urn:type"))))
    return graph


def parsed(text: str, fmt: str) -> Graph:
    graph = Graph()
    graph.parse(data=text, format=fmt)
    return graph


def assert_same(expected: Graph, got: Graph) -> None:
    if not isomorphic(expected, got):
        _, only_expected, only_got = graph_diff(to_isomorphic(expected), to_isomorphic(got))
        raise AssertionError(f"missing {sorted(only_expected)[:5]}, extra {sorted(only_got)[:5]}")


def test_split_line_keeps_literal_with_spaces_and_dots() -> None:
    line = '<http://a/s> <http://a/p> "x > y . z"@vi .'
    assert split_line(line) == ("<http://a/s>", "<http://a/p>", '"x > y . z"@vi')


def test_one_splitter_reads_kgraphs_lines_for_the_files_the_summary_and_the_page() -> None:
    from kgraph import facts, lines

    assert lines.split_line is facts.split_line
    line = '_:b1 <http://a/p> "x > y . z"^^<http://a/t> .'
    assert facts.split_line(line) == ("_:b1", "<http://a/p>", '"x > y . z"^^<http://a/t>')


def test_turtle_parses_back_to_the_same_graph() -> None:
    graph = sample_graph()
    text = "".join(turtle(graph_lines(graph)))
    assert "a kg:Person" in text and "a org:Organization," in text  # prefixes and "a" are used
    assert_same(graph, parsed(text, "turtle"))


def test_add_lines_reads_what_rdflib_reads() -> None:
    graph = sample_graph()
    graph.add((PERSON, KG.byline, Literal("typed string", datatype=XSD.string)))  # rdflib keeps the type
    lines = graph_lines(graph)
    read = Graph()
    add_lines(read, lines)
    assert_same(parsed("\n".join(lines), "nt"), read)
    assert len(read) == len(graph)


def test_trig_and_nquads_keep_named_graphs() -> None:
    first, second = sample_graph(), Graph()
    second.add((PERSON, RDFS.label, Literal("Nguyễn Văn A", lang="vi")))
    named = [("urn:g:1", graph_lines(first)), ("urn:g:2", graph_lines(second))]
    for text, fmt in (("".join(trig(named)), "trig"), ("".join(nquads(named)), "nquads")):
        dataset = Dataset()
        dataset.parse(data=text, format=fmt)
        assert_same(first, dataset.graph(URIRef("urn:g:1")))
        assert_same(second, dataset.graph(URIRef("urn:g:2")))


def test_summary_from_lines_equals_summary_from_graph() -> None:
    graph = sample_graph()
    assert summarize_lines(graph_lines(graph)) == summarize(graph)
    assert summarize(graph)["entities"]["PartyCommittee"] == 1  # the comparison is not of empties


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=30), st.sampled_from(["vi", "en", ""])), min_size=1, max_size=5))
def test_any_literal_text_round_trips(values: list[tuple[str, str]]) -> None:
    graph = Graph()
    for index, (value, lang) in enumerate(values):
        # rdflib itself cannot write some control characters; kgraph's text never has them
        value = "".join(c for c in value if c >= " " or c in "\n\t")
        subject = URIRef(f"{RES}person/p-{index % 2}")
        graph.add((subject, RDFS.label, Literal(value, lang=lang or None)))
    assert_same(graph, parsed("".join(turtle(graph_lines(graph))), "turtle"))


def test_union_keeps_one_preferred_label_per_entity(tmp_path: Path) -> None:
    from rdflib import Graph
    from rdflib.namespace import SKOS

    from kgraph.cli import main

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Báo Thanh niên tổ chức hội thảo.", encoding="utf-8")
    (folder / "b.txt").write_text("Báo Thanh Niên đưa tin.", encoding="utf-8")
    assert main(["build", str(folder), "--out", str(tmp_path / "out"), "--quiet", "--no-html"]) == 0
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    papers = [s for s in set(graph.subjects(SKOS.prefLabel, None)) if "thanh-nien" in str(s)]
    assert len(papers) == 1  # one node, merged across the two articles
    assert len(list(graph.objects(papers[0], SKOS.prefLabel))) == 1
    names = {str(o) for p in (SKOS.prefLabel, SKOS.altLabel) for o in graph.objects(papers[0], p)}
    assert names >= {"Báo Thanh Niên", "Báo Thanh niên"}  # the other spelling is kept as an altLabel


def test_trig_spells_each_distinct_term_once(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kgraph import lines as lines_module

    spelled: list[str] = []
    term = lines_module.TermWriter.term

    def counting_term(self, text: str) -> str:  # type: ignore[no-untyped-def]
        spelled.append(text)
        return term(self, text)

    monkeypatch.setattr(lines_module.TermWriter, "term", counting_term)
    graph = sample_graph()
    for n in range(3):  # three article graphs repeating the same label, class and typed literal
        graph.add((URIRef(f"{RES}person/p{n}"), RDF.type, KG.Person))
        graph.add((URIRef(f"{RES}person/p{n}"), RDFS.label, Literal("Nguyễn Văn A", lang="vi")))
        graph.add((URIRef(f"{RES}person/p{n}"), KG.startOffset, Literal(17)))
    text = "".join(trig([(f"urn:g:{n}", graph_lines(graph)) for n in range(2)]))
    assert len(spelled) == len(set(spelled)) > 5
    dataset = Dataset()
    dataset.parse(data=text, format="trig")
    for n in range(2):
        assert_same(graph, dataset.graph(URIRef(f"urn:g:{n}")))
