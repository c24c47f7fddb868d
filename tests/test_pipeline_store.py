"""``kgraph build --store oxigraph:PATH``: the store mirrors the build, edits and deletions included."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kgraph.cli import main


def store_quads(path: Path) -> set[ox.Quad]:
    store = ox.Store.read_only(str(path))
    # the article graphs; the default graph holds their union as a set (OxigraphStore's union copy)
    quads = {
        q
        for q in store.quads_for_pattern(None, None, None, None)
        if not isinstance(q.graph_name, ox.DefaultGraph)
    }
    del store
    return quads


def file_quads(out: Path) -> set[ox.Quad]:
    """The quads of ``graph.nq`` as Oxigraph stores them (it writes typed values canonically: 5.0 -> 5)."""
    store = ox.Store()
    store.extend(ox.parse(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS))
    return set(store.quads_for_pattern(None, None, None, None))


def build(corpus: Path, out: Path, *extra: str) -> None:
    assert main(["build", str(corpus), "--out", str(out), "--quiet", "--no-html", "--workers=1", *extra]) == 0


def test_store_mirrors_every_rebuild(corpus: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out, db = tmp_path / "out", tmp_path / "db"
    spec = f"oxigraph:{db}"
    build(corpus, out, "--store", spec)
    first = file_quads(out)
    assert len(first) > 50 and store_quads(db) == first
    # edit one article, delete another: the store follows, with nothing stale
    edited = corpus / "XH_VNE_287.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Huy Ngọ", "Văn Thử"), encoding="utf-8")
    (corpus / "sub" / "XH_TN_1436.txt").unlink()
    capsys.readouterr()
    assert main(["build", str(corpus), "--out", str(out), "--no-html", "--workers=1", "--store", spec]) == 0
    assert "(1 article graphs replaced, 2 dropped)" in capsys.readouterr().out  # only what changed
    second = file_quads(out)
    assert second != first and store_quads(db) == second
    assert not any("Huy Ngọ" in str(q.object) for q in store_quads(db))


def test_store_behind_the_build_is_loaded_whole(corpus: Path, tmp_path: Path) -> None:
    out, db = tmp_path / "out", tmp_path / "db"
    build(corpus, out, "--store", f"oxigraph:{db}")
    (corpus / "XH_NLD_4041.txt").unlink()
    build(corpus, out)  # a rebuild that does not update the store
    build(corpus, out, "--store", f"oxigraph:{db}")  # so this one reloads it all
    assert store_quads(db) == file_quads(out)


def test_full_load_drops_article_graphs_the_build_does_not_have(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "db"
    store = ox.Store(str(db))
    foreign = ox.NamedNode("https://w3id.org/kgraph/resource/article/000000000000")
    store.add(ox.Quad(foreign, ox.NamedNode("urn:p"), ox.Literal("stale"), foreign))
    other = ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal("kept"), ox.NamedNode("urn:g"))
    store.add(other)  # not a kgraph article graph: left alone
    store.flush()
    del store
    build(corpus, tmp_path / "out", "--store", f"oxigraph:{db}")
    assert store_quads(db) == file_quads(tmp_path / "out") | {other}


def test_unchanged_rebuild_leaves_the_store_alone(corpus: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out, db = tmp_path / "out", tmp_path / "db"
    build(corpus, out, "--store", f"oxigraph:{db}")
    capsys.readouterr()
    assert main(["build", str(corpus), "--out", str(out), "--no-html", "--store", f"oxigraph:{db}"]) == 0
    text = capsys.readouterr().out
    assert "up to date" in text and "store:" not in text
    assert store_quads(db) == file_quads(out)


def test_merged_shards_fill_the_store(corpus: Path, tmp_path: Path) -> None:
    shards = []
    for i in range(2):
        shards.append(str(tmp_path / f"s{i}"))
        assert main(["build", str(corpus), "--out", shards[-1], "--shard", f"{i}/2", "--quiet"]) == 0
    merged, db = tmp_path / "merged", tmp_path / "db"
    argv = ["build", "--merge", shards[0], "--out", str(merged), "--quiet", "--store", f"oxigraph:{db}"]
    assert main(argv) == 0
    assert main([*argv[:2], *shards, *argv[3:]]) == 0  # now both shards: the new articles reach the store
    assert store_quads(db) == file_quads(merged) and len(file_quads(merged)) > 50
