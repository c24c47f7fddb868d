"""Hostile caches: what a build folder's ``.kgraph-cache`` may hold besides what kgraph wrote.

The cache is disposable: whatever is found there, the build must neither hang nor fail, and
its outputs must equal a clean build's byte for byte.
"""

from __future__ import annotations

import json
import os
import re
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from conftest import OUTPUTS

from kgraph.api import build_to
from kgraph.cache import CACHE_DIR, MANIFEST, Cache
from kgraph.files import STAGING


class Hung(BaseException):
    """Not an OSError (which the cache's readers take as a miss)."""


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Fail (instead of hanging the suite) when the block takes longer than ``seconds``."""

    def expired(*_: object) -> None:
        raise Hung(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS[:3]}


@pytest.fixture
def built(corpus: Path, tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """A build folder of the small corpus (without the page) and its clean outputs."""
    out = tmp_path / "out"
    build_to([corpus], out, html=False)
    return out, outputs(out)


def pack_of(out: Path) -> Path:
    return out / CACHE_DIR / Cache(out).previous.pack


def test_a_fifo_in_place_of_the_pack_is_a_miss_not_a_hang(
    corpus: Path, built: tuple[Path, dict[str, bytes]]
) -> None:
    out, clean = built
    pack = pack_of(out)
    pack.unlink()
    os.mkfifo(pack)  # opening it for reading waits for a writer that never comes
    with deadline(20):
        report = build_to([corpus], out, html=False)
    assert report.result.extracted == 6 and outputs(out) == clean


def test_a_fifo_in_place_of_the_manifest_is_no_cache_not_a_hang(
    corpus: Path, built: tuple[Path, dict[str, bytes]]
) -> None:
    out, clean = built
    manifest = out / CACHE_DIR / MANIFEST
    manifest.unlink()
    os.mkfifo(manifest)
    with deadline(20):
        report = build_to([corpus], out, html=False)
    assert report.result.extracted == 6 and outputs(out) == clean


@pytest.mark.parametrize("text", ["[]", '"x"', "null", "7", "[" * 100_000])
def test_a_manifest_that_is_json_but_not_an_object_is_no_cache(
    corpus: Path, built: tuple[Path, dict[str, bytes]], text: str
) -> None:
    """A list, a string, null, or arrays nested past the recursion limit: not a traceback."""
    out, clean = built
    (out / CACHE_DIR / MANIFEST).write_text(text, encoding="utf-8")
    report = build_to([corpus], out, html=False)
    assert report.result.extracted == 6 and outputs(out) == clean


@pytest.mark.parametrize(("field", "number"), [('"triples": ', "Infinity"), ('"at": [', "Infinity,")])
def test_infinity_in_a_manifest_number_is_no_cache(
    corpus: Path, built: tuple[Path, dict[str, bytes]], field: str, number: str
) -> None:
    """Python's JSON reader takes Infinity; int() of it is an OverflowError, not a ValueError."""
    out, clean = built
    path = out / CACHE_DIR / MANIFEST
    text = path.read_text(encoding="utf-8")
    at = text.index(field) + len(field)
    rest = text[at:].lstrip("0123456789") if number == "Infinity" else text[at:]
    path.write_text(text[:at] + number + rest, encoding="utf-8")
    assert json.loads(path.read_text(encoding="utf-8"))  # still JSON
    report = build_to([corpus], out, html=False)
    assert report.result.extracted == 6 and outputs(out) == clean


def test_a_manifest_with_a_summary_of_the_wrong_shape_is_no_cache(
    corpus: Path, built: tuple[Path, dict[str, bytes]]
) -> None:
    """Its entries all match, so the build would take it as up to date and read the summary."""
    out, clean = built
    path = out / CACHE_DIR / MANIFEST
    data = json.loads(path.read_text(encoding="utf-8"))
    for summary in ([1], {"triples": 3}, {"entities": {"Person": "many"}}):
        path.write_text(json.dumps(dict(data, summary=summary)), encoding="utf-8")
        report = build_to([corpus], out, html=False)
        assert not report.up_to_date and outputs(out) == clean
        assert "Person" in report.text()


def test_a_folder_in_place_of_the_pack_is_replaced(
    corpus: Path, built: tuple[Path, dict[str, bytes]]
) -> None:
    """The next pack has the same name (same articles, same lines): renaming onto a folder failed."""
    out, clean = built
    pack = pack_of(out)
    pack.unlink()
    (pack / "x").mkdir(parents=True)
    report = build_to([corpus], out, html=False)
    assert report.result.extracted == 6 and outputs(out) == clean
    assert pack.is_file() and build_to([corpus], out, html=False).result.extracted == 0


def test_a_folder_named_like_an_old_pack_does_not_fail_a_finished_build(
    corpus: Path, built: tuple[Path, dict[str, bytes]]
) -> None:
    """The outputs and the manifest were written; removing the stale packs then raised IsADirectoryError."""
    out, clean = built
    (out / CACHE_DIR / "articles-0000000000000000.nt").mkdir()
    (corpus / "XH_NLD_4041.txt").write_text("Tỉnh ủy Quảng Nam họp.", encoding="utf-8")
    report = build_to([corpus], out, html=False)
    assert report.result.extracted == 1
    assert sorted(p.name for p in (out / CACHE_DIR).iterdir()) == sorted([MANIFEST, Cache(out).previous.pack])


def test_many_copies_of_one_article_join_their_lines_in_linear_time() -> None:
    """Files with the same text share one graph; its lines were joined by list concatenation,
    copy after copy (4,000 copies of a 300-line article: 32 s). The baseline: as many lines in
    graphs of their own, measured in the same process (CPU time, so the machine's load is out)."""
    from kgraph.results import ArticleGraph, BuildResult

    text = "".join(f'<urn:s{i}> <urn:p> "v{i}" .\n' for i in range(200))

    def cpu_seconds(graph_of: Callable[[int], str]) -> float:
        result = BuildResult()
        result.graphs = [ArticleGraph(f"a{i}.txt", "d", graph_of(i), text) for i in range(1500)]
        started = time.process_time()
        named = result.named_lines()
        assert len(named) > 1
        return time.process_time() - started

    distinct = cpu_seconds(lambda i: f"urn:g{i}")
    copies = cpu_seconds(lambda i: "urn:g")
    assert copies < 3 * distinct + 0.05, (copies, distinct)


def test_the_copies_of_one_article_make_one_graph_of_their_distinct_lines() -> None:
    from kgraph.results import ArticleGraph, BuildResult

    result = BuildResult()
    result.graphs = [
        ArticleGraph("a.txt", "d", "urn:g", "<urn:b> <urn:p> <urn:c> .\n<urn:c> <urn:p> <urn:c> .\n"),
        ArticleGraph("b.txt", "d", "urn:g", "<urn:a> <urn:p> <urn:c> .\n<urn:c> <urn:p> <urn:c> .\n"),
        ArticleGraph("c.txt", "d", "urn:h", "<urn:z> <urn:p> <urn:c> .\n<urn:a> <urn:p> <urn:c> .\n"),
    ]
    named = dict(result.named_lines())
    assert named["urn:g"] == [
        "<urn:a> <urn:p> <urn:c> .",
        "<urn:b> <urn:p> <urn:c> .",
        "<urn:c> <urn:p> <urn:c> .",
    ]
    assert named["urn:h"] == ["<urn:a> <urn:p> <urn:c> .", "<urn:z> <urn:p> <urn:c> ."]


# ---------------------------------------------------------------- the staging folder's COMMIT list


@pytest.mark.parametrize("entry", ["-../victim/keep.txt", "../victim/keep.txt", "-/abs/victim/keep.txt"])
def test_a_commit_list_cannot_reach_outside_the_output_folder(
    corpus: Path, built: tuple[Path, dict[str, bytes]], entry: str
) -> None:
    """A build finishes the renames a COMMIT list names: names with a folder in them ('..', '/')
    deleted or moved files outside OUT."""
    out, clean = built
    victim = out.parent / "victim"
    victim.mkdir()
    (victim / "keep.txt").write_text("precious", encoding="utf-8")
    (out / "victim").mkdir()  # what '../victim/keep.txt' in the staging folder would move
    (out / "victim" / "keep.txt").write_text("moved", encoding="utf-8")
    entry = entry.replace("/abs", str(out.parent))
    (out / STAGING).mkdir()
    (out / STAGING / "COMMIT").write_text(f"{entry}\n", encoding="utf-8")
    build_to([corpus], out, html=False)
    assert (victim / "keep.txt").read_text(encoding="utf-8") == "precious"
    assert (out / "victim" / "keep.txt").read_text(encoding="utf-8") == "moved"
    assert outputs(out) == clean and not (out / STAGING).exists()


@pytest.mark.parametrize("data", [b"-a\0b\n", b"\xff\xfe-graph.ttl\n", b"-.kgraph-cache\n", b"-sub\nsub\n"])
def test_a_commit_list_naming_no_plain_output_file_is_ignored(
    corpus: Path, built: tuple[Path, dict[str, bytes]], data: bytes
) -> None:
    """Nor may it name kgraph's own hidden files, or a folder (removing one was an error at every build)."""
    out, clean = built
    (out / STAGING / "sub").mkdir(parents=True)
    (out / "sub").mkdir()
    (out / STAGING / "COMMIT").write_bytes(data)
    build_to([corpus], out, html=False)
    assert outputs(out) == clean and not (out / STAGING).exists()


@pytest.mark.parametrize("kind", ["file", "fifo", "link"])
def test_a_staging_path_that_is_no_folder_is_replaced(
    corpus: Path, built: tuple[Path, dict[str, bytes]], kind: str
) -> None:
    """A file, a FIFO or a link (followed: its COMMIT list was read and its files installed) where
    the staging folder goes failed every build with 'File exists'."""
    out, clean = built
    elsewhere = out.parent / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "COMMIT").write_text("graph.ttl\n", encoding="utf-8")
    (elsewhere / "graph.ttl").write_text("not ours", encoding="utf-8")
    staging = out / STAGING
    if kind == "file":
        staging.write_text("x", encoding="utf-8")
    elif kind == "fifo":
        os.mkfifo(staging)
    else:
        staging.symlink_to(elsewhere)
    (corpus / "XH_NLD_4041.txt").write_text("Tỉnh ủy Quảng Nam họp.", encoding="utf-8")
    build_to([corpus], out, html=False)
    fresh = out.parent / "fresh"
    build_to([corpus], fresh, html=False, incremental=False)
    assert outputs(out) == outputs(fresh) and not os.path.lexists(staging)
    assert (elsewhere / "graph.ttl").read_text(encoding="utf-8") == "not ours"


# ---------------------------------------------------------------- the page, put together as bytes

LONE_SURROGATE_TTL = """@prefix kg: <https://w3id.org/kgraph/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://w3id.org/kgraph/resource/person/a> a kg:Person ; skos:prefLabel "An\\uD800b"@vi .
<https://w3id.org/kgraph/resource/person/b> a kg:Person ; skos:prefLabel "Bình"@vi ;
    kg:memberOf <https://w3id.org/kgraph/resource/person/a> .
"""


def page_data(page: str) -> Any:
    found = re.search(r'<script id="kgraph-data" type="application/json">(.*?)</script>', page, re.S)
    assert found is not None
    return json.loads(found.group(1))


def test_a_lone_surrogate_in_a_label_or_the_title_is_a_page_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Turtle file may spell a lone surrogate (\\uD800); a title argument that is not UTF-8 holds
    one (\\udcff); encoding the page's data or title to UTF-8 raised UnicodeEncodeError."""
    from kgraph.cli import main

    source = tmp_path / "g.ttl"
    source.write_text(LONE_SURROGATE_TTL, encoding="utf-8")
    page = tmp_path / "page.html"
    assert main(["viz", str(source), "--out", str(page), "--title", "T\udcffx"]) == 0, capsys.readouterr().err
    text = page.read_text(encoding="utf-8")  # valid UTF-8
    labels = {node["label"] for node in page_data(text)["nodes"]}
    assert "An\ud800b" in labels and "Bình" in labels  # the JSON escape keeps the label as it was
    assert "<title>Mạng quan hệ — T\ufffdx</title>" in text


def test_a_folder_in_place_of_the_manifest_is_replaced(
    corpus: Path, built: tuple[Path, dict[str, bytes]]
) -> None:
    out, clean = built
    manifest = out / CACHE_DIR / MANIFEST
    manifest.unlink()
    (manifest / "x").mkdir(parents=True)
    report = build_to([corpus], out, html=False)
    assert report.result.extracted == 6 and outputs(out) == clean and manifest.is_file()
