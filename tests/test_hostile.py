"""Hostile input: every good article kept, every bad one named on one line, nothing run.

The small hostile files are committed under ``tests/data/hostile/``; the big ones (a 5 MB
page, a 5 MB text, a 100,000-character line) are generated here at run time.
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest
from conftest import DATA, SEED
from rdflib import Dataset, Graph, Literal
from rdflib.compare import isomorphic

from kgraph import files
from kgraph.cli import main
from kgraph.identity import mint_aux_iri, mint_iri, role_iri
from kgraph.model import Entity, Extraction, Membership, Relation, Sentence
from kgraph.rdf import build_graph
from kgraph.read import read_article
from kgraph.text import make_document

HOSTILE = DATA / "hostile"
SRC = Path(__file__).parent.parent / "src" / "kgraph"
#: Characters an IRI may not hold (RFC 3987 / Turtle IRIREF), plus controls.
BAD_IRI = re.compile(r"[\x00-\x20<>\"{}|^`\\]")
HOSTILE_NAMES = [
    ' <>"{}|^`\\',
    "Ban <script>alert(1)</script> tỉnh",
    'Ủy ban "nhân dân" {tỉnh} | Hà^Nam `x`',
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "\x00\x1f\u202e\ufffd\n\t",
    "",
    "' OR 1=1; DROP TABLE x; --",
    'https://evil.example/?a=<b>&c="d"',
]


def make_big_page(path: Path, size: int) -> str:
    """A news page of ``size`` bytes, nearly all inline script, style and image data, like real ones."""
    body = SEED.read_text(encoding="utf-8").split("\n")
    paragraphs = "".join(f"<p>{line}</p>\n" for line in body if line.strip())
    head = (
        "<!DOCTYPE html><html><head><title>Báo</title><style>" + ".x{color:red}\n" * 1000 + "</style></head>"
    )
    image = '<img src="data:image/png;base64,' + "iVBORw0KGgo" * (size // 24) + '">'
    page = f"{head}<body><nav>Trang chủ</nav>@BLOB@<article>{paragraphs}{image}</article></body></html>"
    filler = size - len(page.encode("utf-8")) + 2
    page = page.replace("@BLOB@", "<script>var ads = '" + "A" * max(0, filler - 30) + "';</script>")
    path.write_text(page, encoding="utf-8")
    return body[0]


def make_long_line(path: Path, length: int = 100_000) -> None:
    """One line: an article whose line breaks were lost, repeated to ``length`` characters."""
    flat = " ".join(SEED.read_text(encoding="utf-8").split())
    path.write_text(
        (flat + " ") * (length // (len(flat) + 1)) + "x" * (length % (len(flat) + 1)), encoding="utf-8"
    )


# ---------------------------------------------------------------- the hostile corpus, in one build


def test_hostile_corpus_builds_in_one_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    shutil.copytree(HOSTILE, folder)
    make_big_page(folder / "big.html", 5 * 1024 * 1024)
    make_long_line(folder / "longline.txt")
    (folder / 'ten <la> "x" {y}|^`.txt').write_bytes((HOSTILE / "iri_chars.txt").read_bytes())
    # shapes that were superlinear: an 80,000-character token, a run of names with no full stop
    (folder / "token.txt").write_text("x" * 80_000 + " Hà Nội.", encoding="utf-8")
    (folder / "caps_run.txt").write_text(
        "Sở Tài Chính Hà Nam Đảng Ủy Khối Ban Thường Vụ " * 1700, encoding="utf-8"
    )
    out = tmp_path / "out"

    assert main(["build", str(folder), "--out", str(out)]) == 2

    captured = capsys.readouterr()
    skipped = {
        "binary.txt": "is a PNG image, not text",
        "blank.txt": "has no text (only white space or markup)",
        "empty.txt": "is empty (0 bytes)",
        "report.pdf.txt": "is a PDF document, not text",
    }
    # a slow machine may also print progress lines (stderr is not a terminal here): only those
    progress = re.compile(r"kgraph: [\d,]+(/[\d,]+)? articles")
    err = [line for line in captured.err.strip().splitlines() if not progress.match(line)]
    assert err == [f"kgraph: warning: skipped {(folder / n).as_posix()}: {why}" for n, why in skipped.items()]
    warned = {
        "big.html": "large file (5.0 MB): built, slowly",
        "invalid_bytes.txt": "invalid UTF-8: 3 bytes replaced by U+FFFD (first at byte 1500)",
        "longline.txt": "a line of 100000 characters: built as is",
        "token.txt": "a line of 80008 characters: built as is",
        "caps_run.txt": "a line of 79900 characters: built as is",
        "tcvn3.txt": "encoding detected as TCVN3 (ABC); converted to Unicode",
        "tcvn3_as_utf8.txt": "encoding detected as TCVN3 (ABC); converted to Unicode",
        "vni.txt": "encoding detected as VNI; converted to Unicode",
        "windows1258.txt": "encoding detected as Windows-1258; converted to Unicode",
    }
    out_lines = captured.out.splitlines()
    for name, why in warned.items():
        assert f"  {(folder / name).as_posix()}: {why}" in out_lines, name
    assert f"warnings: {len(warned)}" in out_lines
    kept = sorted(p.name for p in folder.iterdir() if p.name not in skipped)
    assert f"articles: {len(kept)} built, {len(skipped)} skipped" in out_lines

    graph = Graph().parse(out / "graph.ttl", format="turtle")
    sources = {str(o).rsplit("/", 1)[-1] for o in graph.objects(None, _kg("sourceFile"))}
    assert sources == set(kept)
    for subject in graph.subjects():
        assert not BAD_IRI.search(str(subject)), subject
    # the converted articles read as Vietnamese, not mojibake
    titles = {str(t) for t in graph.objects(None, _dcterms("title"))}
    assert "Ngân hàng Thế giới tài trợ cho Hải Phòng hơn 1 triệu USD để phòng chống HIV/AIDS" in titles
    assert "Ứng dụng thẻ vé tự động tính tiền trên xe buýt" in titles
    assert not any("Ö" in t or "Vieä" in t for t in titles)


def _kg(name: str) -> object:
    from kgraph.namespaces import KG

    return getattr(KG, name)


def _dcterms(name: str) -> object:
    from rdflib.namespace import DCTERMS

    return DCTERMS[name]


def test_five_megabyte_text_article_is_read_and_normalised_quickly(tmp_path: Path) -> None:
    # the extractor's own speed is its module's business; reading and normalising must stay linear
    path = tmp_path / "big.txt"
    seed = SEED.read_text(encoding="utf-8")
    path.write_text(seed * (5 * 1024 * 1024 // len(seed.encode("utf-8")) + 1), encoding="utf-8")
    started = time.process_time()  # CPU seconds: the machine's load does not count
    article = read_article(path)
    document = make_document(article)
    elapsed = time.process_time() - started
    assert article.warnings == ("large file (5.0 MB): built, slowly",)
    assert len(document.sentences) > 10_000
    assert elapsed < 10, elapsed


def test_too_large_file_is_skipped_without_being_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kgraph import read

    path = tmp_path / "huge.txt"
    path.write_text("Bai viet.\n" * 200, encoding="utf-8")
    monkeypatch.setattr(read, "MAX_BYTES", 1000)
    with pytest.raises(read.InputError, match=r"too large \(2000 bytes\)"):
        read.read_article(path)


# ---------------------------------------------------------------- outputs are written atomically


def test_failed_build_leaves_previous_outputs_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    assert main(["build", str(SEED), "--out", str(out), "--quiet"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert {"graph.ttl", "graph.trig", "graph.html"} <= set(before)

    other = tmp_path / "other.txt"
    other.write_text((HOSTILE / "entities.txt").read_text(encoding="utf-8"), encoding="utf-8")
    real_write = files.write_atomic
    calls: list[Path] = []

    def crash_mid_write(path: Path, data: object) -> None:
        calls.append(path)

        def pieces() -> object:
            yield "@prefix half: <written> .\n"
            raise KeyboardInterrupt  # Ctrl-C in the middle of serialising

        real_write(path, pieces())  # type: ignore[arg-type]

    monkeypatch.setattr(files, "write_atomic", crash_mid_write)
    import kgraph.api

    monkeypatch.setattr(kgraph.api, "write_atomic", crash_mid_write, raising=False)
    code = main(["build", str(other), "--out", str(out), "--quiet"])

    assert code == 130 and calls
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == before  # same files, same bytes, and no temporary file left behind


def test_write_atomic_keeps_old_file_when_serializer_raises(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    target.write_bytes(b"old")

    def failing() -> object:
        yield "new "
        raise RuntimeError("serializer broke")

    with pytest.raises(RuntimeError):
        files.write_atomic(target, failing())  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]
    files.write_atomic(target, b"new")
    assert target.read_bytes() == b"new"


# ---------------------------------------------------------------- IRIs and Turtle


@pytest.mark.parametrize("name", HOSTILE_NAMES)
@pytest.mark.parametrize("kind", ["Person", "PartyCommittee", "Resolution", "Location", "<kind>"])
def test_minted_iris_are_valid_for_any_name(kind: str, name: str) -> None:
    for iri in (
        mint_iri(kind, name),
        mint_iri(kind, f"scope|{name}"),
        role_iri(name),
        mint_aux_iri("x", name),
    ):
        assert not BAD_IRI.search(str(iri)), iri
        assert str(iri).startswith("https://w3id.org/kgraph/resource/")
    assert mint_iri(kind, name) == mint_iri(kind, name)


def _hostile_extraction() -> Extraction:
    text = " ".join(HOSTILE_NAMES)
    from kgraph.model import Article

    document = make_document(Article(source='a <b> "c" {d}|^`.txt', text=text, title=HOSTILE_NAMES[1]))
    sentence = Sentence(0, len(document.text), document.text)
    extraction = Extraction(document)
    kinds = ["Person", "PartyCommittee", "StateAgency", "Location", "Campaign"]
    for index, name in enumerate(HOSTILE_NAMES):
        key = f"k{index}|{name}"
        extraction.entities[key] = Entity(key, kinds[index % len(kinds)], name or "x", aliases=(name + "'",))
    keys = list(extraction.entities)
    extraction.relations.append(Relation(keys[1], "directs", keys[2], sentence, "rule_test"))
    extraction.memberships.append(Membership(keys[0], keys[1], HOSTILE_NAMES[3], False, sentence))
    return extraction


def test_build_of_hostile_names_gives_turtle_that_reparses() -> None:
    graph = build_graph(_hostile_extraction())
    turtle = graph.serialize(format="turtle", encoding="utf-8")
    again = Graph().parse(data=turtle, format="turtle")
    assert isomorphic(graph, again)
    labels = {str(o) for o in again.objects() if isinstance(o, Literal)}
    assert "Ban <script>alert(1)</script> tỉnh" in labels
    for term in {t for triple in again for t in triple if not isinstance(t, Literal)}:
        assert not BAD_IRI.search(str(term)), term


def test_cli_build_of_hostile_names_reparses(tmp_path: Path) -> None:
    path = tmp_path / 'ten <la> "x" {y}|^`.txt'
    path.write_bytes((HOSTILE / "iri_chars.txt").read_bytes())
    assert main(["build", str(path), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    dataset = Dataset().parse(tmp_path / "out" / "graph.trig", format="trig")
    graph = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    assert len(graph) > 0 and len(list(dataset.quads((None, None, None, None)))) == len(graph)
    assert Literal(path.as_posix()) in set(graph.objects())


# ---------------------------------------------------------------- nothing read is ever run

FORBIDDEN = re.compile(
    r"\beval\(|\bexec\(|\bpickle\b|\bmarshal\b|\bsubprocess\b|os\.system|os\.popen|shell\s*=\s*True|"
    r"yaml\.load\(|__import__\(|\bcompile\(\s*[a-z_]+\s*,\s*['\"]"
)


def test_no_shell_eval_or_pickle_in_the_source() -> None:
    hits = [
        f"{path.relative_to(SRC)}:{number}: {line.strip()}"
        for path in sorted(SRC.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if FORBIDDEN.search(line)
    ]
    assert hits == []


def test_forbidden_pattern_catches_what_it_should() -> None:
    for line in (
        "x = eval(text)",
        "import pickle",
        "subprocess.run(cmd, shell=True)",
        "os.system(c)",
        "exec(code)",
    ):
        assert FORBIDDEN.search(line), line
    for line in ("re.compile(pattern)", "evaluate(graph)", "literal_evaluation = 1"):
        assert not FORBIDDEN.search(line), line


# ---------------------------------------------------------------- found here, owned elsewhere


def test_warning_stays_one_line_for_a_file_name_with_a_line_break(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / "ok.txt")
    (folder / "a\nb.txt").write_bytes(b"")
    assert main(["build", str(folder), "--out", str(tmp_path / "out"), "--quiet"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("kgraph: warning: skipped")


def test_a_stray_opening_quote_does_not_swallow_the_paragraph() -> None:
    from kgraph.text import split_sentences

    sentences = split_sentences("“" + "Tỉnh ủy họp. " * 2000)
    assert len(sentences) > 100
    started = time.process_time()  # CPU seconds: the machine's load does not count
    sentences = split_sentences("“" + "Tỉnh ủy họp. " * 40_000)  # half a megabyte on one line
    assert len(sentences) > 30_000
    assert time.process_time() - started < 5


# ---------------------------------------------------------------- linear time: guards at the text level


def test_a_run_of_words_without_punctuation_is_cut_into_bounded_sentences() -> None:
    from kgraph.model import Article
    from kgraph.text import MAX_RUN_WORDS

    run = "Sở Tài Chính Hà Nam Đảng Ủy Khối Ban Thường Vụ " * 60  # 660 words, no full stop
    document = make_document(Article(source="caps.txt", text=f"Tiêu đề.\n{run}\nHà Nội."))
    pieces = document.sentences[1:-1]
    assert len(pieces) == 6
    for sentence in pieces:
        assert document.text[sentence.start : sentence.end] == sentence.text
        assert len(sentence.text.split()) <= MAX_RUN_WORDS
    assert " ".join(s.text for s in pieces) == run.strip()  # every word kept, none split


def test_a_huge_token_keeps_its_tone_marks_normalised_at_both_ends() -> None:
    from kgraph.text import normalize_tones

    assert normalize_tones("x" * 5000 + " hoà uỷ") == "x" * 5000 + " hòa ủy"
    assert normalize_tones("thuỷ" + "x" * 3) == "thuỷxxx"  # too long for a syllable: left alone


# ---------------------------------------------------------------- filesystem faults, locks, kills

CORPUS_SMALL = DATA / "corpus_small"


def _snapshot(out: Path) -> dict[str, bytes]:
    """Every file under ``out`` (the cache included) by relative path, except the lock."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != ".kgraph-lock"
    }


def _leftovers(out: Path) -> list[str]:
    return [p.name for p in out.rglob("*") if p.name.endswith(".tmp") or p.name == ".kgraph-staging"]


@pytest.mark.parametrize(
    "number, words",
    [
        (30, "read-only file system"),  # EROFS
        (28, "no space left on the device"),  # ENOSPC
        (27, "file-size limit"),  # EFBIG
        (13, "permission denied"),  # EACCES
    ],
)
def test_a_filesystem_fault_is_one_line_and_leaves_the_previous_outputs(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    number: int,
    words: str,
) -> None:
    import os

    out = tmp_path / "out"
    assert main(["build", str(SEED), "--out", str(out), "--quiet", "--no-html"]) == 0
    before = _snapshot(out)
    other = tmp_path / "other.txt"
    other.write_text((HOSTILE / "entities.txt").read_text(encoding="utf-8"), encoding="utf-8")
    real_replace = os.replace
    calls = 0

    def failing_replace(src: object, dst: object) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:  # the second file of the set: the first is already staged
            raise OSError(number, os.strerror(number), str(dst))
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", failing_replace)
    capsys.readouterr()
    assert main(["build", str(other), "--out", str(out), "--quiet", "--no-html"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and words in err[0] and str(out) in err[0], err
    monkeypatch.undo()
    assert _snapshot(out) == before and _leftovers(out) == []


def test_a_file_size_limit_is_one_line_not_a_killed_process(tmp_path: Path) -> None:
    import os
    import resource
    import subprocess
    import sys

    out = tmp_path / "out"
    assert main(["build", str(SEED), "--out", str(out), "--quiet", "--no-html", "--no-cache"]) == 0
    before = _snapshot(out)

    def limit() -> None:  # ulimit -f: 64 KiB, less than graph.nq
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    # the limited child writes no byte code: a .pyc cut at the limit would break every later
    # process that shares the cache (the suite's, see conftest.py)
    cache = tmp_path / "pycache"
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": str(cache)}
    command = [sys.executable, "-m", "kgraph", "build", str(CORPUS_SMALL), "--out", str(out), "--no-html"]
    done = subprocess.run(
        command + ["--quiet", "--no-cache"], preexec_fn=limit, capture_output=True, text=True, env=env
    )
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "file-size limit" in lines[0] and "ulimit -f" in lines[0], lines
    assert _snapshot(out) == before and _leftovers(out) == []
    assert not any(cache.rglob("*.pyc"))


def test_two_builds_cannot_share_one_output_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["build", str(SEED), "--out", str(out), "--quiet"]) == 0
    before = _snapshot(out)
    with files.locked(out):  # another build holds the folder
        assert main(["build", str(CORPUS_SMALL), "--out", str(out), "--quiet"]) == 1
    assert "is being written by another kgraph build" in capsys.readouterr().err
    assert _snapshot(out) == before


def test_an_interrupted_swap_is_finished_or_dropped_by_the_next_build(tmp_path: Path) -> None:
    clean, out = tmp_path / "clean", tmp_path / "out"
    assert main(["build", str(CORPUS_SMALL), "--out", str(clean), "--quiet", "--no-html"]) == 0
    assert main(["build", str(SEED), "--out", str(out), "--quiet", "--no-html"]) == 0
    # a build of the corpus killed half-way through installing its set: graph.nq is new, the rest old
    staging = out / files.STAGING
    staging.mkdir()
    for name in ("graph.ttl", "graph.trig"):
        (staging / name).write_bytes((clean / name).read_bytes())
    (out / "graph.nq").write_bytes((clean / "graph.nq").read_bytes())
    (staging / files.COMMIT).write_text("graph.nq\ngraph.ttl\ngraph.trig\n-graph.html", encoding="utf-8")
    files.recover(out)
    for name in ("graph.nq", "graph.ttl", "graph.trig"):
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name
    # killed before the set was complete: dropped, the old set stays whole
    staging.mkdir()
    (staging / "graph.nq").write_bytes(b"half")
    files.recover(out)
    assert not staging.exists() and (out / "graph.nq").read_bytes() == (clean / "graph.nq").read_bytes()


KILLER = """
import os, signal, sys
calls = 0
real = os.replace
def replace(src, dst):
    global calls
    calls += 1
    if calls == int(sys.argv[1]):
        os.kill(os.getpid(), signal.SIGKILL)
    real(src, dst)
os.replace = replace
from kgraph.cli import main
sys.exit(main(sys.argv[2:]))
"""


def test_a_build_killed_at_any_rename_then_rerun_gives_the_clean_outputs(tmp_path: Path) -> None:
    import subprocess
    import sys

    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS_SMALL, corpus)
    clean = tmp_path / "clean"
    assert main(["build", str(corpus), "--out", str(clean), "--quiet", "--no-html"]) == 0
    for kill_at in (2, 5, 9):  # staging a file, between two installs, saving the cache
        out = tmp_path / f"out{kill_at}"
        assert main(["build", str(SEED), "--out", str(out), "--quiet", "--no-html"]) == 0
        args = [str(kill_at), "build", str(corpus), "--out", str(out), "--quiet", "--no-html"]
        done = subprocess.run([sys.executable, "-c", KILLER, *args], capture_output=True)
        assert done.returncode == -9, (kill_at, done.stderr)
        assert main(["build", str(corpus), "--out", str(out), "--quiet", "--no-html"]) == 0
        for name in ("graph.ttl", "graph.trig", "graph.nq"):
            assert (out / name).read_bytes() == (clean / name).read_bytes(), (kill_at, name)
        assert _leftovers(out) == []


def test_file_names_with_a_line_break_or_undecodable_bytes_are_built_and_named_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    text = SEED.read_bytes()
    (folder / "line\nbreak.txt").write_bytes(text.replace("Hà Nam".encode(), "Hà Tĩnh".encode()))
    os.mkdir(os.path.join(os.fsencode(folder), b"bad\xffbytes"))
    with open(os.path.join(os.fsencode(folder), b"bad\xffbytes", b"caf\xe9.txt"), "wb") as handle:
        handle.write(text)
    (folder / "blank.txt").write_bytes(b"  \n")
    out = tmp_path / "out"

    assert main(["build", str(folder), "--out", str(out)]) == 2

    captured = capsys.readouterr()
    assert captured.err.strip().splitlines() == [
        f"kgraph: warning: skipped {folder.as_posix()}/blank.txt: has no text (only white space or markup)"
    ]
    assert "articles: 2 built, 1 skipped" in captured.out.splitlines()
    graph = Graph().parse(out / "graph.ttl", format="turtle")
    sources = {str(o).rsplit("/", 2)[-2:][-1] for o in graph.objects(None, _kg("sourceFile"))}
    assert sources == {"line\\nbreak.txt", "caf\\xe9.txt"}
    assert main(["build", str(folder), "--out", str(out), "--quiet"]) == 2  # the cache reads them back
