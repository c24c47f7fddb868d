"""Sharded builds: slices partition the corpus and their merged outputs are the full build's."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import OUTPUTS

from kgraph.cache import CACHE_DIR, MANIFEST
from kgraph.cli import main
from kgraph.errors import InputError
from kgraph.pipeline import parse_shard, select_articles, shard_of


@pytest.mark.parametrize(
    "spec, expected",
    [
        ("0/1", (0, 1)),  # the whole corpus
        ("3/4", (3, 4)),  # the last of four
    ],
)
def test_parse_shard(spec: str, expected: tuple[int, int]) -> None:
    assert parse_shard(spec) == expected


@pytest.mark.parametrize("spec", ["4/4", "-1/4", "1/0", "1", "a/b", "1/2/3"])  # out of range or malformed
def test_parse_shard_refuses(spec: str) -> None:
    with pytest.raises(InputError):
        parse_shard(spec)


def test_shards_partition_the_corpus(corpus: Path) -> None:
    full = select_articles([corpus])
    slices = [select_articles([corpus], (i, 3)) for i in range(3)]
    assert sorted(p for s in slices for p in s) == sorted(full)
    assert sum(len(s) for s in slices) == len(full) == 6
    assert sum(1 for s in slices if s) >= 2  # the hash really spreads the files


def test_shard_depends_on_the_path_inside_the_input_folder(corpus: Path, tmp_path: Path) -> None:
    moved = tmp_path / "elsewhere" / "copy"
    shutil.copytree(corpus, moved)
    for i in range(3):
        here = [p.relative_to(corpus) for p in select_articles([corpus], (i, 3))]
        there = [p.relative_to(moved) for p in select_articles([moved], (i, 3))]
        assert here == there
    assert shard_of("sub/XH_TN_1436.txt", 1000) == shard_of("sub/XH_TN_1436.txt", 1000)


def build_shards(corpus: Path, tmp_path: Path, count: int) -> list[str]:
    folders = []
    for i in range(count):
        folder = tmp_path / f"shard-{i}"
        argv = ["build", str(corpus), "--out", str(folder), "--shard", f"{i}/{count}", "--quiet"]
        assert main(argv) == 0
        folders.append(str(folder))
    return folders


def test_union_of_shard_nquads_is_the_full_build(corpus: Path, tmp_path: Path) -> None:
    assert main(["build", str(corpus), "--out", str(tmp_path / "full"), "--quiet"]) == 0
    folders = build_shards(corpus, tmp_path, 3)
    shard_lines: set[str] = set()
    for folder in folders:
        nq = Path(folder) / "graph.nq"
        if nq.exists():
            shard_lines.update(nq.read_text(encoding="utf-8").splitlines())
    full_lines = (tmp_path / "full" / "graph.nq").read_text(encoding="utf-8").splitlines()
    assert sorted(shard_lines) == sorted(full_lines) and len(full_lines) > 6


def test_merge_of_shards_writes_the_full_build(corpus: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["build", str(corpus), "--out", str(tmp_path / "full"), "--quiet"]) == 0
    folders = build_shards(corpus, tmp_path, 4)
    assert main(["build", "--merge", *folders, "--out", str(tmp_path / "merged")]) == 0
    assert "articles: 6 built" in capsys.readouterr().out
    for name in OUTPUTS:
        assert (tmp_path / "merged" / name).read_bytes() == (tmp_path / "full" / name).read_bytes(), name


def test_empty_shard_exits_0_and_merges(corpus: Path, tmp_path: Path) -> None:
    count = 64  # six files in 64 slices: most slices are empty
    empty = next(i for i in range(count) if not select_articles([corpus], (i, count)))
    folder = tmp_path / "empty"
    assert main(["build", str(corpus), "--out", str(folder), "--shard", f"{empty}/{count}", "--quiet"]) == 0
    assert not (folder / "graph.ttl").exists()
    manifest = json.loads((folder / CACHE_DIR / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["articles"] == [] and manifest["shard"] == f"{empty}/{count}"
    assert main(["build", str(corpus), "--out", str(tmp_path / "full"), "--quiet"]) == 0
    merged, full = tmp_path / "m", tmp_path / "full"
    assert main(["build", "--merge", str(folder), str(full), "--out", str(merged), "--quiet"]) == 0
    assert (merged / "graph.nq").read_bytes() == (tmp_path / "full" / "graph.nq").read_bytes()


def test_merge_refuses_a_folder_without_cache(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "plain").mkdir()
    assert main(["build", "--merge", str(tmp_path / "plain"), "--out", str(tmp_path / "m")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "plain" in err[0] and "cache" in err[0]
    assert not (tmp_path / "m").exists()


def test_merge_refuses_a_folder_built_by_another_kgraph(corpus: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "old"
    assert main(["build", str(corpus), "--out", str(folder), "--quiet"]) == 0
    path = folder / CACHE_DIR / MANIFEST
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["fingerprint"] = "0.0.1+feedfeedfeedfeed"
    path.write_text(json.dumps(manifest), encoding="utf-8")
    assert main(["build", "--merge", str(folder), "--out", str(tmp_path / "m")]) == 1
    assert "another kgraph" in capsys.readouterr().err


def test_merged_folder_rebuilds_incrementally(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kgraph.pipeline
    from kgraph.api import build_to

    folders = build_shards(corpus, tmp_path, 2)
    merged = tmp_path / "merged"
    assert main(["build", "--merge", *folders, "--out", str(merged), "--quiet"]) == 0
    calls: list[str] = []
    real = kgraph.pipeline.process_article
    monkeypatch.setattr(kgraph.pipeline, "process_article", lambda p: calls.append(p) or real(p))
    report = build_to([corpus], merged)  # the same articles, now built directly into the merged folder
    assert calls == [] and report.up_to_date


def test_a_build_on_a_dask_cluster_writes_the_local_build_bytes(corpus: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    local = tmp_path / "local"
    assert main(["build", str(corpus), "--out", str(local), "--workers", "1", "--quiet"]) == 0
    with distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=2,
        processes=False,
        dashboard_address=None,
        protocol="tcp",
        host="127.0.0.1",
    ) as cluster:
        out = tmp_path / "dask"
        assert (
            main(["build", str(corpus), "--out", str(out), "--dask", cluster.scheduler_address, "--quiet"])
            == 0
        )
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (local / name).read_bytes(), name


def test_a_dask_address_nobody_answers_is_one_line(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("distributed")
    code = main(
        ["build", str(corpus), "--out", str(tmp_path / "o"), "--dask", "tcp://127.0.0.1:9", "--quiet"]
    )
    assert code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no Dask scheduler answers" in err[0], err
    assert not (tmp_path / "o").exists()
