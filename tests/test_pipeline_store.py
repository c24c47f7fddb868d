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


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_every_ready_made_query_gives_the_same_rows_from_file_and_store(tmp_path: Path) -> None:
    """Six articles naming one post two ways (Tổng Bí thư, Tổng bí thư): every view of the
    union (graph.ttl, graph.trig, graph.nq, the Oxigraph store) has one skos:prefLabel per
    entity, so a ready-made query gives the same rows from each."""
    from kgraph.sparql import ready_queries
    from kgraph.store import open_store

    out, db = tmp_path / "out", tmp_path / "db"
    build(EXAMPLES, out, "--store", f"oxigraph:{db}")
    specs = [str(out / "graph.ttl"), str(out / "graph.trig"), str(out / "graph.nq"), f"oxigraph:{db}"]
    stores = [open_store(spec, read_only=spec.startswith("oxigraph:")) for spec in specs]
    for name, text in ready_queries().items():
        expected = sorted(stores[0].query(text).rows)
        assert expected, name
        for spec, store in zip(specs[1:], stores[1:], strict=True):
            assert sorted(store.query(text).rows) == expected, (name, spec)
    for store in stores:
        store.close()
    pref = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
    labels = [q for q in store_quads(db) if q.predicate == pref]
    per_subject = {q.subject for q in labels}
    assert len({(q.subject, q.object) for q in labels}) == len(per_subject)  # one name each
    assert store_quads(db) == file_quads(out)


def union_rows(db: Path) -> int:
    from kgraph.store import open_store

    with open_store(f"oxigraph:{db}", read_only=True) as store:
        return len(store.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }").rows)


def test_deleted_store_is_rebuilt_in_full_with_a_line(corpus: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    import shutil

    out, db = tmp_path / "out", tmp_path / "db"
    build(corpus, out, "--store", f"oxigraph:{db}")
    shutil.rmtree(db)
    capsys.readouterr()
    assert main(["build", str(corpus), "--out", str(out), "--no-html", "--store", f"oxigraph:{db}"]) == 0
    text = capsys.readouterr().out
    assert "up to date" in text and "loading it in full" in text  # the corpus did not change, the store did
    assert store_quads(db) == file_quads(out)


def test_store_cut_short_before_its_union_copy_is_repaired(corpus: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """What a SIGKILL during the first load leaves: the article graphs, no union copy, no record."""
    from kgraph.store import STATE_NAME

    out, db = tmp_path / "out", tmp_path / "db"
    build(corpus, out, "--store", f"oxigraph:{db}")
    whole = union_rows(db)
    store = ox.Store(str(db))
    store.clear_graph(ox.DefaultGraph())
    store.flush()
    del store
    (db / STATE_NAME).unlink()
    capsys.readouterr()
    assert main(["query", f"oxigraph:{db}", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "--format", "csv"]) == 0
    assert "no record of a finished load" in capsys.readouterr().err  # a reader is warned

    assert main(["build", str(corpus), "--out", str(out), "--no-html", "--store", f"oxigraph:{db}"]) == 0
    assert "no record of a finished load" in capsys.readouterr().out
    assert union_rows(db) == whole and store_quads(db) == file_quads(out)


def test_partial_or_foreign_store_is_loaded_in_full(corpus: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out, db = tmp_path / "out", tmp_path / "db"
    build(corpus, out, "--store", f"oxigraph:{db}")
    store = ox.Store(str(db))
    victim = sorted(g for g in store.named_graphs() if "/article/" in g.value)[0]
    store.remove_graph(victim)  # another writer (or a cut load) took a graph away
    store.flush()
    del store
    capsys.readouterr()
    assert main(["build", str(corpus), "--out", str(out), "--no-html", "--store", f"oxigraph:{db}"]) == 0
    assert "not as last loaded" in capsys.readouterr().out
    assert store_quads(db) == file_quads(out)
    # another build's store: its record names other graphs, so it is loaded in full as well
    other, other_out = tmp_path / "other", tmp_path / "other-out"
    other.mkdir()
    (other / "a.txt").write_text((corpus / "XH_VNE_287.txt").read_text(encoding="utf-8"), encoding="utf-8")
    build(other, other_out, "--store", f"oxigraph:{db}")
    assert store_quads(db) == file_quads(other_out)
