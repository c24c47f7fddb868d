"""Speed work on start-up, output writing and the page (issue 12) that must not change a byte."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SMALL


def _page_the_long_way(assets: dict[str, str], data: str, title: str) -> str:
    """The page as it was put together: text markers replaced one after another in the decoded assets."""
    page = assets["page.html"]
    for marker, text in (
        ("/*VIS_CSS*/", assets["vis.css"]),
        ("/*PAGE_CSS*/", assets["page.css"]),
        ("/*VIS_JS*/", assets["vis.js"]),
        ("/*PAGE_JS*/", assets["page.js"]),
        ("/*DATA*/", data),
        ("<!--TITLE-->", title),
    ):
        head, sep, tail = page.partition(marker)
        assert sep
        page = head + text + tail
    return page


def _decoded_assets() -> dict[str, str]:
    """The assets read as text (universal newlines: vis-network's script holds carriage returns)."""
    from importlib import resources

    from kgraph.visualize import ASSETS, _pyvis_folder

    out = {name: (resources.files("kgraph") / "viz" / name).read_text(encoding="utf-8") for name in ASSETS}
    lib = _pyvis_folder() / "templates" / "lib" / "vis-9.1.2"
    out["vis.js"] = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    out["vis.css"] = (lib / "vis-network.css").read_text(encoding="utf-8")
    return out


def test_the_page_is_put_together_as_bytes_as_the_text_was(monkeypatch: pytest.MonkeyPatch) -> None:
    import kgraph
    from kgraph import visualize
    from kgraph.facts import Facts
    from kgraph.visualize import page_bytes, render_html, render_html_bytes

    def no_decoding(*_: object, **__: object) -> str:
        raise AssertionError("the page's assets are read as bytes")

    result = kgraph.build([SMALL])
    facts = Facts.from_lines(result.union_lines())
    net = visualize.entity_net(facts)
    view = visualize.select_view(net, max_nodes=visualize.DEFAULT_MAX_NODES)
    context = visualize.Context.of(facts)
    title = "Tỉnh <b>ủy</b> /*DATA*/ & <!--TITLE-->"
    data = visualize.json_for_script(visualize.page_data(view, context, title))
    expected = _page_the_long_way(_decoded_assets(), data, visualize.html_text(title))
    visualize._asset_bytes.cache_clear()
    monkeypatch.setattr(Path, "read_text", no_decoding)
    assert page_bytes(view, title, context) == expected.encode("utf-8")
    assert render_html_bytes(facts) == render_html(facts).encode("utf-8")


def test_an_asset_holding_a_marker_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from kgraph import visualize

    real = Path.read_bytes

    def with_marker(path: Path) -> bytes:
        data = real(path)
        return data + b"/*DATA*/" if path.name == "vis-network.css" else data

    visualize._asset_bytes.cache_clear()
    monkeypatch.setattr(Path, "read_bytes", with_marker)
    try:
        with pytest.raises(RuntimeError, match="vis.css holds the marker"):
            visualize._asset_bytes()
    finally:
        visualize._asset_bytes.cache_clear()


def _in_a_process(code: str) -> str:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_a_build_imports_its_modules_with_the_collector_already_slowed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code = (
        "import gc\n"
        "from kgraph.cli import make_parser\n"
        f"args = make_parser().parse_args(['build', {str(SMALL)!r}, '--out', {str(out)!r}, '--no-html',"
        " '--no-cache', '--workers', '1', '--quiet'])\n"
        "passes = []\n"
        "gc.callbacks.append(lambda phase, info: passes.append(phase))\n"
        "args.func(args)\n"
        "print(len(passes), gc.get_threshold()[0])\n"
    )
    # importing the pipeline made ~27 passes of the collector (~4 ms) at the default threshold of 700
    assert _in_a_process(code) == "0 100000"


def test_a_command_registers_only_its_own_parser() -> None:
    from kgraph.cli import make_parser

    code = (
        "import argparse, sys\n"
        "made = []\n"
        "real = argparse._SubParsersAction.add_parser\n"
        "def add(self, name, **kw):\n"
        "    made.append(name)\n"
        "    return real(self, name, **kw)\n"
        "argparse._SubParsersAction.add_parser = add\n"
        "from kgraph.cli import make_parser\n"
        "make_parser(['build', 'x', '--out', 'y'])\n"
        "print(' '.join(made))\n"
    )
    assert _in_a_process(code) == "build"  # was all nine commands' parsers (~4 ms of start-up)
    every = make_parser(["--help"])._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert "build" in every and "serve" in every and "query" in every
    assert make_parser(["nonsense"]).format_help() == make_parser().format_help()
    one = make_parser(["build", "--help"])._subparsers._group_actions[0].choices["build"]  # type: ignore[union-attr]
    assert one.format_help() == make_parser()._subparsers._group_actions[0].choices["build"].format_help()  # type: ignore[union-attr]


def test_the_union_written_asks_for_the_demoted_labels_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rdflib import Graph
    from rdflib.namespace import SKOS

    from kgraph import lines
    from kgraph.cli import main

    calls: list[int] = []
    real = lines.demoted_pref_labels

    def counting(found):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(found)

    monkeypatch.setattr(lines, "demoted_pref_labels", counting)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Sở Giáo dục và Đào tạo tỉnh Quảng Nam họp.", encoding="utf-8")
    (folder / "b.txt").write_text("Sở Giáo Dục và Đào Tạo tỉnh Quảng Nam họp.", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(folder), "--out", str(out), "--quiet", "--no-html", "--no-cache"]) == 0
    assert len(calls) == 1  # the graphs' labels; their union then has one prefLabel each (was asked again)
    graph = Graph().parse(out / "graph.ttl")
    for subject in set(graph.subjects(SKOS.prefLabel, None)):
        assert len(list(graph.objects(subject, SKOS.prefLabel))) == 1


def test_the_summary_counts_what_the_line_splitter_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    from collections import Counter

    import kgraph
    from kgraph import lines
    from kgraph.namespaces import CLASS_IRI, PREDICATE_IRI

    union = kgraph.build([SMALL]).union_lines()
    kinds = {f"<{iri}>": name for name, iri in CLASS_IRI.items()}
    relations = {f"<{iri}>": name for name, iri in PREDICATE_IRI.items()}
    expected: dict[str, Counter[str]] = {"entities": Counter(), "relations": Counter()}
    for line in union:
        _, p, o = lines.split_line(line)
        if p == lines.RDF_TYPE and o in kinds:
            expected["entities"][kinds[o]] += 1
        elif p != lines.RDF_TYPE and p in relations:
            expected["relations"][relations[p]] += 1
    assert sum(expected["entities"].values()) > 5 and sum(expected["relations"].values()) > 2

    def no_split(line: str) -> tuple[str, str, str]:
        raise AssertionError("a summary splits a line at its first two spaces")

    monkeypatch.setattr(lines, "split_line", no_split)
    assert lines.summarize_lines(union) == expected


def test_named_lines_sort_an_article_s_distinct_lines_without_a_set() -> None:
    from kgraph.results import sorted_distinct

    assert sorted_distinct(["<a> <p> <b> .", "<a> <p> <c> ."]) == ["<a> <p> <b> .", "<a> <p> <c> ."]
    assert sorted_distinct(["<b> <p> <c> .", "<a> <p> <c> .", "<b> <p> <c> ."]) == [
        "<a> <p> <c> .",
        "<b> <p> <c> .",
    ]
    assert sorted_distinct(["<b> <p> <c> .", "<a> <p> <c> ."]) == ["<a> <p> <c> .", "<b> <p> <c> ."]


def test_a_build_spells_each_distinct_term_once_for_turtle_and_trig(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kgraph import lines
    from kgraph.cli import main

    spelled: list[str] = []
    term = lines.TermWriter.term

    def counting(self: lines.TermWriter, text: str) -> str:
        spelled.append(text)
        return term(self, text)

    monkeypatch.setattr(lines.TermWriter, "term", counting)
    out = tmp_path / "out"
    assert main(["build", str(SMALL), "--out", str(out), "--quiet", "--no-html", "--no-cache"]) == 0
    assert len(spelled) == len(set(spelled)) > 20  # the two writers spelled them twice
    assert "@prefix" in (out / "graph.ttl").read_text(encoding="utf-8")


def test_control_bytes_are_counted_as_the_byte_by_byte_loop_counted() -> None:
    import random

    from kgraph.read import binary_reason, control_bytes

    rng = random.Random(12)
    samples = [bytes(range(256)), b"", b"Tin \x1b[1m\x07\x08 \r\n\t\f\x7f\xff", "Hà Nội".encode()]
    samples += [bytes(rng.randrange(256) for _ in range(rng.randrange(300))) for _ in range(200)]
    for head in samples:
        assert control_bytes(head) == sum(1 for b in head if b < 32 and b not in b"\t\n\r\f\x1b")
    assert binary_reason(b"abc" + b"\x01" * 10) == "looks binary (10 control bytes in the first 13)"


def test_a_build_without_the_page_imports_no_traceback_module(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from kgraph.cli import main\n"
        f"main(['build', {str(SMALL)!r}, '--out', {str(tmp_path / 'out')!r}, '--quiet', '--no-html',"
        " '--workers', '1'])\n"
        "print('traceback' in sys.modules, 'textwrap' in sys.modules)\n"
    )
    assert _in_a_process(code) == "False False"  # needed only to name where a bug was raised


def test_a_bug_is_still_named_where_it_was_raised() -> None:
    from kgraph.pipeline import describe_bug

    try:
        {}["missing"]  # noqa: B018
    except KeyError as error:
        assert describe_bug(error).startswith("kgraph bug KeyError: 'missing'")


def test_a_view_counts_its_classes_and_relations_listing_the_edges_a_few_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kgraph.netgraph import Net
    from kgraph.network import select_view

    net = Net()
    relations = [f"relation{r}" for r in range(12)]
    for i in range(40):
        net.add_node(f"n{i:02d}", label=f"Tên {i}", kind=("Person", "Organization", "Location")[i % 3])
    for i in range(39):
        relation = relations[i % len(relations)]
        net.add_edge(f"n{i:02d}", f"n{i + 1:02d}", key=relation, relation=relation, evidence="")
    listed: list[int] = []
    real = Net.edges

    def counting(self: Net, keys: bool = False, data: bool = False) -> list[object]:
        listed.append(1)
        return real(self, keys, data)

    monkeypatch.setattr(Net, "edges", counting)
    view = select_view(net, max_nodes=20)
    assert len(listed) <= 10  # was three times per relation (36 here) on top of these
    assert sum(total for _, total in view.relations.values()) == 39
    assert sum(total for _, total in view.kinds.values()) == 40
    assert {kind: shown for kind, (shown, _) in view.kinds.items()} == {
        kind: sum(1 for _, d in view.net.nodes(data=True) if d["kind"] == kind) for kind in view.kinds
    }


def test_a_build_hashes_its_files_up_front_only_when_the_cache_may_hold_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kgraph.pipeline
    from kgraph.api import build_to

    hashed: list[Path] = []
    real = kgraph.pipeline.file_digest

    def counting(path: Path) -> str:
        hashed.append(path)
        return real(path)

    monkeypatch.setattr(kgraph.pipeline, "file_digest", counting)
    first = build_to([SMALL], tmp_path / "out", workers=1)
    assert hashed == [] and first.result.extracted == 6  # a new folder: nothing to look up
    second = build_to([SMALL], tmp_path / "out", workers=1)
    assert len(hashed) == 6 and second.up_to_date and second.result.extracted == 0
