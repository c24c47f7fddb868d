"""Parallel builds: same bytes whatever the worker count, same graph as the one-by-one rdflib path."""

from __future__ import annotations

import multiprocessing
import multiprocessing.queues
from pathlib import Path

import pytest
from conftest import OUTPUTS
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

import kgraph
from kgraph.cli import main
from kgraph.lines import SHARED_GRAPH, add_lines, ontology_lines
from kgraph.pipeline import add_extraction, extract_file
from kgraph.pipeline import process_article as _process_article
from kgraph.read import find_articles


def test_one_and_two_workers_write_the_same_bytes(corpus: Path, tmp_path: Path) -> None:
    for workers in ("1", "2"):
        code = main(["build", str(corpus), "--out", str(tmp_path / workers), "--workers", workers, "--quiet"])
        assert code == 0
    for name in OUTPUTS:
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes(), name


def test_dataset_equals_the_article_by_article_rdflib_build(corpus: Path) -> None:
    result = kgraph.build([corpus], workers=2)
    expected = Dataset()
    for path in find_articles([corpus]):
        add_extraction(expected, extract_file(path))
    names = {g.identifier for g in expected.graphs() if len(g)}
    shared = URIRef(SHARED_GRAPH)  # plus the ontology's class hierarchy, in a graph of its own
    assert len(names) == 6 and {g.identifier for g in result.dataset.graphs() if len(g)} == names | {shared}
    for name in names:
        assert isomorphic(expected.graph(name), result.dataset.graph(name)), name
    hierarchy = Graph()
    add_lines(hierarchy, ontology_lines())
    assert len(hierarchy) > 20 and isomorphic(result.dataset.graph(shared), hierarchy)
    union, expected_union = result.union(), Graph()
    for s, p, o, _ in expected.quads((None, None, None, None)):
        expected_union.add((s, p, o))
    expected_union += hierarchy
    assert len(union) == len(expected_union) and isomorphic(union, expected_union)


def test_progress_bar_on_request_counts_articles(corpus: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["build", str(corpus), "--out", str(tmp_path / "o"), "--workers", "2", "--progress"]) == 0
    err = capsys.readouterr().err
    assert "6/6" in err and "article/s" in err and "writing" in err


def test_no_progress_bar_when_not_a_terminal(corpus: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["build", str(corpus), "--out", str(tmp_path / "o"), "--workers", "1"]) == 0
    assert "article/s" not in capsys.readouterr().err


def test_zero_workers_is_an_input_error(corpus: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["build", str(corpus), "--out", str(tmp_path / "o"), "--workers", "0"]) == 1
    assert "--workers" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_bad_file_in_a_parallel_build_is_skipped(corpus: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (corpus / "zz_bad.txt").write_bytes(b"\x00\x00binary")
    assert main(["build", str(corpus), "--out", str(tmp_path / "o"), "--workers", "2", "--quiet"]) == 2
    assert "zz_bad.txt" in capsys.readouterr().err
    assert "zz_bad.txt" not in (tmp_path / "o" / "graph.nq").read_text(encoding="utf-8")


FORK = "fork" in multiprocessing.get_all_start_methods()


@pytest.mark.parametrize(
    "workers",
    ["1", pytest.param("2", marks=pytest.mark.skipif(not FORK, reason="the patch reaches workers by fork"))],
)
def test_a_crash_on_one_article_skips_only_that_article(
    corpus: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys,
    workers: str,  # type: ignore[no-untyped-def]
) -> None:
    import kgraph.pipeline

    real = kgraph.pipeline.extract

    def failing(document):  # type: ignore[no-untyped-def]
        if document.article.source.endswith("XH_NLD_3872.txt"):
            raise IndexError("list index out of range")
        return real(document)

    monkeypatch.setattr(kgraph.pipeline, "extract", failing)  # forked workers inherit the patch
    out = tmp_path / "o"
    assert main(["build", str(corpus), "--out", str(out), "--workers", workers, "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "XH_NLD_3872.txt" in err and "kgraph bug IndexError" in err and "test_parallel_build.py" not in err
    nq = (out / "graph.nq").read_text(encoding="utf-8")
    assert "XH_NLD_3872" not in nq and "XH_VNE_287" in nq


def _build_in_daemon(corpus: str, out: str, codes: multiprocessing.queues.Queue) -> None:  # type: ignore[type-arg]
    codes.put(main(["build", corpus, "--out", out, "--workers", "2", "--quiet"]))


@pytest.mark.skipif(not FORK, reason="a forked daemon")
def test_daemonic_process_builds_alone(corpus: Path, tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    codes = context.Queue()
    args = (str(corpus), str(tmp_path / "d"), codes)
    daemon = context.Process(target=_build_in_daemon, args=args, daemon=True)
    daemon.start()
    daemon.join(60)
    assert codes.get(timeout=5) == 0  # like a Dask worker: daemons may not start pools
    assert main(["build", str(corpus), "--out", str(tmp_path / "e"), "--quiet"]) == 0
    assert (tmp_path / "d" / "graph.nq").read_bytes() == (tmp_path / "e" / "graph.nq").read_bytes()


@pytest.mark.parametrize("workers", ["1", "2"])
def test_an_article_over_the_time_limit_is_skipped_and_named(
    corpus: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    workers: str,
) -> None:
    import time

    import kgraph.pipeline

    real = kgraph.pipeline.extract

    def stalling(document):  # type: ignore[no-untyped-def]
        if document.article.source.endswith("XH_NLD_3872.txt"):
            time.sleep(60)  # a pathological article
        return real(document)

    monkeypatch.setattr(kgraph.pipeline, "extract", stalling)
    out = tmp_path / "o"
    args = [
        "build",
        str(corpus),
        "--out",
        str(out),
        "--workers",
        workers,
        "--quiet",
        "--article-timeout",
        "2",
    ]
    started = time.perf_counter()
    assert main(args) == 2
    assert time.perf_counter() - started < 30
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "XH_NLD_3872.txt: took over 2 s to build" in err[0], err
    nq = (out / "graph.nq").read_text(encoding="utf-8")
    assert "XH_NLD_3872" not in nq and "XH_VNE_287" in nq
    monkeypatch.undo()
    assert main(["build", str(corpus), "--out", str(out), "--quiet"]) == 0  # not remembered as skipped


def _dies_in_a_worker(path: str):  # type: ignore[no-untyped-def]
    """``process_article``, except that a pool worker given the second article is killed (as the
    kernel's out-of-memory killer or a user's ``kill -9`` would)."""
    import os
    import signal

    if os.getpid() != _BUILDER[0] and path.endswith(_KILLED):
        os.kill(os.getpid(), signal.SIGKILL)
    return _process_article(path)


_KILLED = "b.txt"
_BUILDER = [0]  # the process that runs the build: its pool's workers are the others


def test_a_killed_worker_neither_hangs_the_build_nor_loses_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from kgraph import pipeline

    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        (tmp_path / name).write_text(f"Tin {name}\n\nỦy ban nhân dân tỉnh Long An họp.\n", encoding="utf-8")
    sources = sorted(str(p) for p in tmp_path.glob("*.txt"))
    monkeypatch.setattr(pipeline, "process_article", _dies_in_a_worker)
    outputs: multiprocessing.queues.Queue = multiprocessing.get_context("fork").Queue()

    def build() -> None:
        import os

        _BUILDER[0] = os.getpid()
        outputs.put([out[0] != "" for out in pipeline.run_workers(sources, 2)])

    runner = multiprocessing.get_context("fork").Process(target=build)  # a hang must not hang pytest
    runner.start()
    runner.join(30)
    if runner.is_alive():
        runner.kill()
        pytest.fail("the build hung after a worker was killed")
    assert outputs.get(timeout=5) == [True, True, True, True]  # every article built, in order
