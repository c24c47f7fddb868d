"""The command line, run in-process through ``main(argv)``."""

from __future__ import annotations

from pathlib import Path

from conftest import SEED

from kgraph.cli import main


def test_build_writes_turtle_trig_and_html(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["build", str(SEED), "--out", str(tmp_path)]) == 0
    for name in ("graph.ttl", "graph.trig", "graph.html"):
        assert (tmp_path / name).stat().st_size > 0
    out = capsys.readouterr().out
    assert "articles: 1 built" in out and "graph.ttl" in out


def test_missing_path_is_one_line_and_exit_1(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    assert main(["build", str(tmp_path / "nope.txt"), "--out", str(out)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "nope.txt" in err[0]
    assert not out.exists()


def test_empty_folder_is_one_line_and_exit_1(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "empty").mkdir()
    assert main(["build", str(tmp_path / "empty"), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "empty" in err[0]
    assert not (tmp_path / "out").exists()


def test_unreadable_file_only_gives_exit_1_and_writes_nothing(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    assert main(["build", str(bad), "--out", str(tmp_path / "out")]) == 1
    assert "bad.txt" in capsys.readouterr().err
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_bad_file_among_good_gives_exit_2(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x00\x00\x00")
    assert main(["build", str(folder), "--out", str(tmp_path / "out")]) == 2
    assert (tmp_path / "out" / "graph.ttl").exists()


def test_build_is_byte_identical(tmp_path: Path) -> None:
    assert main(["build", str(SEED), "--out", str(tmp_path / "a"), "--quiet"]) == 0
    assert main(["build", str(SEED), "--out", str(tmp_path / "b"), "--quiet"]) == 0
    for name in ("graph.ttl", "graph.trig", "graph.html"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_query_export_viz_round_trip(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["build", str(SEED), "--out", str(tmp_path), "--quiet"]) == 0
    ttl = str(tmp_path / "graph.ttl")
    assert main(["query", ttl, "ASK { ?s a kg:Directive }"]) == 0
    assert "true" in capsys.readouterr().out
    for fmt in ("turtle", "nt", "trig", "jsonld", "graphml"):
        target = tmp_path / f"g.{fmt}"
        assert main(["export", ttl, "--format", fmt, "--out", str(target)]) == 0
        assert target.stat().st_size > 0
    assert main(["viz", ttl, "--out", str(tmp_path / "v.html")]) == 0


def test_query_refuses_update(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["build", str(SEED), "--out", str(tmp_path), "--quiet"]) == 0
    code = main(["query", str(tmp_path / "graph.ttl"), "DELETE WHERE { ?s ?p ?o }"])
    assert code == 1
    assert "read-only" in capsys.readouterr().err


def test_public_names_are_all_importable() -> None:
    import kgraph

    for name in kgraph.__all__:
        assert getattr(kgraph, name) is not None, name
    assert sorted(kgraph.__all__) == kgraph.__all__


def test_outputs_are_readable_by_others(tmp_path: Path) -> None:
    import os

    old = os.umask(0o022)
    try:
        assert main(["build", str(SEED), "--out", str(tmp_path), "--quiet"]) == 0
    finally:
        os.umask(old)
    assert (tmp_path / "graph.ttl").stat().st_mode & 0o777 == 0o644


def test_documents_query_lists_documents_of_every_type(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    # the ready-made query asks for subclasses of kg:LegalDocument: the built graph must
    # carry the class hierarchy, or a Directive or Decree is not a document to SPARQL
    from conftest import ARTICLES

    assert main(["build", str(ARTICLES), "--out", str(tmp_path), "--quiet", "--no-html"]) == 0
    for name in ("graph.ttl", "graph.trig", "graph.nq"):
        path = str(tmp_path / name)
        assert (
            main(
                [
                    "query",
                    path,
                    "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d kg:documentNumber ?x }",
                    "--format",
                    "csv",
                ]
            )
            == 0
        )
        numbered = int(capsys.readouterr().out.splitlines()[1])
        assert main(["query", path, "documents", "--format", "csv"]) == 0
        rows = [row for row in capsys.readouterr().out.splitlines()[1:] if row]
        assert numbered >= 3 and len(rows) >= numbered, name
        assert any("Chỉ thị" in row for row in rows), name
