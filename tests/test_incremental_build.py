"""Incremental builds: unchanged articles are not extracted again, edited ones leave nothing stale."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import OUTPUTS

import kgraph.cache
import kgraph.pipeline
from kgraph.api import build_to
from kgraph.cache import CACHE_DIR, Cache, fingerprint_of


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every article extracted (one-worker builds run in this process, so the patch sees them)."""
    seen: list[str] = []
    real = kgraph.pipeline.process_article

    def counting(path: str) -> kgraph.pipeline.WorkerOutput:
        seen.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(kgraph.pipeline, "process_article", counting)
    return seen


def outputs_text(out: Path) -> str:
    return "\n".join((out / name).read_text(encoding="utf-8") for name in OUTPUTS[:3])


def test_unchanged_rebuild_extracts_nothing_and_rewrites_nothing(
    corpus: Path, tmp_path: Path, calls: list[str]
) -> None:
    out = tmp_path / "out"
    first = build_to([corpus], out)
    assert len(calls) == 6 and not first.up_to_date
    stamps = {name: (out / name).stat().st_mtime_ns for name in OUTPUTS}
    calls.clear()
    second = build_to([corpus], out)
    assert calls == []
    assert second.up_to_date and second.result.extracted == 0
    assert second.summary == first.summary and second.triples == first.triples > 0
    assert {name: (out / name).stat().st_mtime_ns for name in OUTPUTS} == stamps
    assert "up to date" in second.text()


def test_edited_article_replaces_its_triples(corpus: Path, tmp_path: Path, calls: list[str]) -> None:
    out = tmp_path / "out"
    first = build_to([corpus], out)
    edited = corpus / "XH_VNE_287.txt"  # the only article naming "Lê Huy Ngọ"
    old = next(g for g in first.result.graphs if g.source == edited.as_posix())
    assert "Huy Ngọ" in outputs_text(out)  # at least its title triple
    edited.write_text(edited.read_text(encoding="utf-8").replace("Huy Ngọ", "Văn Thử"), encoding="utf-8")
    calls.clear()
    second = build_to([corpus], out)
    assert calls == ["XH_VNE_287.txt"]  # only the edited article is extracted again
    new = next(g for g in second.result.graphs if g.source == edited.as_posix())
    assert new.graph != old.graph
    text = outputs_text(out)
    assert old.graph not in text  # no triple names the old article any more
    assert "Huy Ngọ" not in text  # nothing read from the old text is left: no stale triple
    assert new.graph in text and "Văn Thử" in text
    fresh = tmp_path / "fresh"
    build_to([corpus], fresh, incremental=False)
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name


def test_deleted_article_disappears(corpus: Path, tmp_path: Path, calls: list[str]) -> None:
    out = tmp_path / "out"
    first = build_to([corpus], out)
    gone = corpus / "sub" / "XH_TN_1436.txt"
    graph = next(g.graph for g in first.result.graphs if g.source == gone.as_posix())
    gone.unlink()
    calls.clear()
    second = build_to([corpus], out)
    assert calls == [] and second.removed == [gone.as_posix()]
    assert graph not in outputs_text(out) and "XH_TN_1436" not in outputs_text(out)
    cache = Cache(out)
    assert len(cache.previous.entries) == len(cache.previous.spans) == 5  # its cached lines went too
    packs = sorted(p.name for p in (out / CACHE_DIR).iterdir() if p.name.startswith("articles-"))
    assert packs == [cache.previous.pack]  # the pack of six articles went with it
    assert graph not in (out / CACHE_DIR / cache.previous.pack).read_text(encoding="utf-8")


def test_new_version_or_extractor_invalidates_the_cache(
    corpus: Path, tmp_path: Path, calls: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    build_to([corpus], out)
    calls.clear()
    monkeypatch.setattr(kgraph.cache, "code_fingerprint", lambda: "9.9.9+0000000000000000")
    report = build_to([corpus], out)
    assert len(calls) == 6 and not report.up_to_date


def test_fingerprint_follows_extraction_code_and_data_only(tmp_path: Path) -> None:
    package = tmp_path / "kgraph"
    for name in ("extract/__init__.py", "data/words.txt", "rdf.py", "cli/build.py"):
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(f"# {name}\n", encoding="utf-8")
    base = fingerprint_of(package, "0.1.0")
    assert fingerprint_of(package, "0.1.1") != base  # a new version
    (package / "cli" / "build.py").write_text("# changed\n", encoding="utf-8")
    assert fingerprint_of(package, "0.1.0") == base  # the command line does not shape triples
    for name in ("extract/__init__.py", "data/words.txt", "rdf.py"):
        (package / name).write_text("# changed\n", encoding="utf-8")
        assert fingerprint_of(package, "0.1.0") != base, name
        base = fingerprint_of(package, "0.1.0")
    (package / "extract" / "new_rules.py").write_text("", encoding="utf-8")
    assert fingerprint_of(package, "0.1.0") != base  # a new extractor module


def test_damaged_cache_file_is_extracted_again(corpus: Path, tmp_path: Path, calls: list[str]) -> None:
    out = tmp_path / "out"
    build_to([corpus], out)
    expected = (out / "graph.nq").read_bytes()
    cache = Cache(out)
    at, size = cache.previous.spans[(corpus / "XH_NLD_4041.txt").as_posix()]
    pack = cache.root / cache.previous.pack
    data = bytearray(pack.read_bytes())
    data[at : at + size] = b"<urn:a> <urn:b> <urn:c> .\n".ljust(size, b" ")  # its lines damaged
    pack.write_bytes(bytes(data))
    calls.clear()
    build_to([corpus], out)
    assert calls == ["XH_NLD_4041.txt"]
    assert (out / "graph.nq").read_bytes() == expected


def test_missing_output_is_written_again_without_extraction(
    corpus: Path, tmp_path: Path, calls: list[str]
) -> None:
    out = tmp_path / "out"
    build_to([corpus], out)
    expected = (out / "graph.ttl").read_bytes()
    (out / "graph.ttl").unlink()
    calls.clear()
    report = build_to([corpus], out)
    assert calls == [] and not report.up_to_date
    assert (out / "graph.ttl").read_bytes() == expected


def test_no_cache_build_neither_reads_nor_writes_it(corpus: Path, tmp_path: Path, calls: list[str]) -> None:
    out = tmp_path / "out"
    build_to([corpus], out, incremental=False)
    assert not (out / CACHE_DIR).exists()
    calls.clear()
    build_to([corpus], out, incremental=False)
    assert len(calls) == 6


def test_unusable_articles_are_remembered_not_retried(corpus: Path, tmp_path: Path, calls: list[str]) -> None:
    (corpus / "zz_binary.txt").write_bytes(b"\x00\x01binary")
    out = tmp_path / "out"
    first = build_to([corpus], out)
    assert [Path(p).name for p, _ in first.result.skipped] == ["zz_binary.txt"]
    calls.clear()
    second = build_to([corpus], out)
    assert calls == [] and second.up_to_date
    assert second.result.skipped == first.result.skipped  # still reported every time
    (corpus / "zz_binary.txt").write_text("Bài viết đã sửa\n\nNay là một bài có chữ.", encoding="utf-8")
    third = build_to([corpus], out)
    assert calls == ["zz_binary.txt"] and third.result.skipped == []


def test_an_article_rewritten_during_the_build_does_not_poison_the_cache(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = corpus / "XH_VNE_287.txt"
    final = article.read_text(encoding="utf-8")
    transient = final.replace("Huy Ngọ", "Văn Thử")
    clean = tmp_path / "clean"
    build_to([corpus], clean, incremental=False)
    real = kgraph.pipeline.process_article

    def rewritten_while_read(path: str) -> kgraph.pipeline.WorkerOutput:
        if path.endswith(article.name):  # hashed as `final`, read as `transient`, left as `final`
            article.write_text(transient, encoding="utf-8")
            try:
                return real(path)
            finally:
                article.write_text(final, encoding="utf-8")
        return real(path)

    out = tmp_path / "out"
    monkeypatch.setattr(kgraph.pipeline, "process_article", rewritten_while_read)
    build_to([corpus], out)
    monkeypatch.undo()
    again = build_to([corpus], out)  # the file holds `final`: its cached graph must be of `final`
    assert not again.up_to_date and again.result.extracted == 1
    assert outputs_text(out) == outputs_text(clean)


def test_cached_article_files_are_not_synced_one_by_one(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build syncs its outputs and the manifest; the cached article files are checked by hash
    when read (a torn one is a miss), so syncing each (a disk flush per article) buys nothing."""
    import os

    synced: list[str] = []
    real = os.fsync

    def recording(fd: int) -> None:
        synced.append(Path(os.readlink(f"/proc/self/fd/{fd}")).name)
        real(fd)

    monkeypatch.setattr(os, "fsync", recording)
    out = tmp_path / "out"
    build_to([corpus], out, workers=1)
    assert any(name.startswith(".manifest.json.") for name in synced)
    assert all(any(name.startswith(f".{o}.") for name in synced) for o in OUTPUTS)
    assert not [name for name in synced if ".nt." in name], synced  # nor the pack of them
    assert len(Cache(out).previous.entries) == 6


def test_the_cached_articles_are_one_file_written_before_the_manifest_naming_it(
    corpus: Path, tmp_path: Path, calls: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file per article (and a folder per two hex digits) cost ~0.3-0.7 CPU ms each here."""
    out = tmp_path / "out"
    build_to([corpus], out)
    files = sorted(p.relative_to(out / CACHE_DIR).as_posix() for p in (out / CACHE_DIR).rglob("*"))
    pack = Cache(out).previous.pack
    assert files == sorted(["manifest.json", pack]) and pack.startswith("articles-")
    (corpus / "XH_NLD_4041.txt").write_text("Bài mới: Tỉnh ủy Quảng Nam họp.", encoding="utf-8")

    real = kgraph.cache.write_atomic

    def interrupted(path: Path, data: object, sync: bool = True) -> None:
        if path.name == "manifest.json":
            raise KeyboardInterrupt  # stopped once the new pack is written, before its manifest
        real(path, data, sync)  # type: ignore[arg-type]

    with monkeypatch.context() as patched, pytest.raises(KeyboardInterrupt):
        patched.setattr(kgraph.cache, "write_atomic", interrupted)
        build_to([corpus], out)
    assert len([p for p in (out / CACHE_DIR).iterdir() if p.name.startswith("articles-")]) == 2
    calls.clear()
    again = build_to([corpus], out)
    assert calls == ["XH_NLD_4041.txt"] and again.result.extracted == 1  # the other five from the pack
    packs = [p.name for p in (out / CACHE_DIR).iterdir() if p.name.startswith("articles-")]
    assert packs == [Cache(out).previous.pack] != [pack]


def test_an_older_cache_of_one_file_per_article_is_replaced(
    corpus: Path, tmp_path: Path, calls: list[str]
) -> None:
    out = tmp_path / "out"
    old = out / CACHE_DIR / "articles" / "ab"
    old.mkdir(parents=True)
    (old / "ab12.nt").write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    (out / CACHE_DIR / "manifest.json").write_text('{"format": 1}', encoding="utf-8")
    build_to([corpus], out)
    assert len(calls) == 6 and not (out / CACHE_DIR / "articles").exists()
