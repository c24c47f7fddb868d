"""Hostile uses of every command: each gives one line naming the file and the fix, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, SEED

from kgraph.cli import main

GRAPH = DATA / "store_sample.trig"


def one_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    return err[0]


def test_a_closed_pipe_ends_the_command_quietly(tmp_path: Path) -> None:
    # `kgraph query GRAPH --list | head -1`: the reader leaves before kgraph writes
    command = [sys.executable, "-m", "kgraph", "query", str(GRAPH), "--list"]
    reader, writer = os.pipe()
    os.close(reader)
    done = subprocess.run(command, stdout=writer, stderr=subprocess.PIPE, text=True, timeout=120)
    os.close(writer)
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr, done.stderr
    assert done.stderr == "" and done.returncode == 141


WRITERS = {
    "export": ["export", str(GRAPH), "--format", "nt", "--out"],
    "viz": ["viz", str(GRAPH), "--out"],
    "report": ["report", str(GRAPH), "--out"],
    "explain": ["explain", str(SEED), "--html"],
}


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_an_output_that_is_a_folder_is_one_line(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "taken"
    (folder / "inside").mkdir(parents=True)
    assert main([*WRITERS[command], str(folder)]) == 1
    line = one_line(capsys)
    assert str(folder) in line and "is a folder" in line and "file" in line, line
    assert sorted(p.name for p in folder.iterdir()) == ["inside"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]  # no temporary file left


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_an_output_that_cannot_be_written_names_it_not_a_temporary_file(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "plain.txt"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    target = blocker / "page.out"  # its folder is a file: no user, root included, may write it
    assert main([*WRITERS[command], str(target)]) == 1
    line = one_line(capsys)
    assert line.startswith(f"kgraph: error: {target}: cannot be written"), line
    assert ".tmp" not in line


@pytest.mark.parametrize("command", ["query", "viz"])
def test_a_query_file_that_is_not_text_is_one_line(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "q.rq"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    option = ["--file"] if command == "query" else ["--out", str(tmp_path / "x.html"), "--query"]
    assert main([command, str(GRAPH), *option, str(binary)]) == 1
    line = one_line(capsys)
    assert str(binary) in line and "UTF-8" in line, line


def test_a_missing_query_file_for_viz_is_named_as_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "people.rq"
    assert main(["viz", str(GRAPH), "--out", str(tmp_path / "x.html"), "--query", str(missing)]) == 1
    line = one_line(capsys)
    assert f"{missing}: no such query file" in line, line  # not "bad SPARQL" about its name


@pytest.mark.parametrize("port", ["-1", "65536", "99999"])
def test_serve_on_a_port_that_cannot_be_is_one_line(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", str(GRAPH), "--port", port]) == 1
    line = one_line(capsys)
    assert f"--port {port}: is not a port" in line and "65535" in line, line


@pytest.mark.parametrize(
    "argv",
    [
        ["build", str(SEED), "--workers", "abc"],
        ["build"],
        ["query", str(GRAPH), "people-posts", "--format", "xml"],
        ["export", str(GRAPH), "--format", "rdfxml", "--out", "x"],
        ["no-such-command"],
    ],
)
def test_a_bad_argument_exits_1_not_builds_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    # 2 is build's "some articles skipped"; a typo must not read as a partial success
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 1
    assert capsys.readouterr().err.strip().splitlines()[-1].startswith("kgraph")


def test_explain_names_a_missing_article_or_a_folder_as_such(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["explain", str(tmp_path / "nope.txt")]) == 1
    assert one_line(capsys) == f"kgraph: error: {tmp_path / 'nope.txt'}: no such file (check the path)"
    assert main(["explain", str(tmp_path)]) == 1
    line = one_line(capsys)
    assert line.startswith(f"kgraph: error: {tmp_path}: is a folder (give an article file"), line


def test_a_rebuild_into_the_corpus_folder_does_not_read_kgraph_pages_as_articles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes(SEED.read_bytes())
    (corpus / "b.html").write_text(
        "<html><head><title>Tin</title></head><body><p>Tỉnh ủy Hà Nam chỉ đạo Sở Tài chính.</p></body>",
        encoding="utf-8",
    )
    assert main(["build", str(corpus), "--out", str(corpus)]) == 0  # writes corpus/graph.html
    assert main(["report", str(corpus / "graph.trig"), "--out", str(corpus / "sub" / "report.html")]) == 0
    assert main(["explain", str(corpus / "a.txt"), "--html", str(corpus / "a.explained.html")]) == 0
    first = (corpus / "graph.ttl").read_bytes()
    capsys.readouterr()
    assert main(["build", str(corpus), "--out", str(corpus)]) == 0
    assert "articles: 2 built, 0 skipped" in capsys.readouterr().out.splitlines()
    assert (corpus / "graph.ttl").read_bytes() == first


@pytest.mark.parametrize("text", ["   ", "# only a comment", "PREFIX a: <urn:a:>\n"])
def test_a_query_with_nothing_in_it_is_not_called_an_update(
    text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["query", str(GRAPH), text]) == 1
    line = one_line(capsys)
    assert "Update" not in line and "read-only" not in line, line
    assert "give a query" in line or "bad SPARQL" in line, line
