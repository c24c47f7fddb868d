"""Chain the stages: files -> articles -> extractions -> one RDF dataset -> outputs.

One way down: ``run`` takes the paths, the output folder and one ``BuildSettings``; it
owns the incremental cache (``build`` looks each article up in it), extracts the rest
(in worker processes, or as Dask tasks, when asked), then hands the result to
``outputs.write_build``, the one step that writes files, mirrors a store and saves the
cache. Prints nothing.

Each article becomes its own named graph (named by the article's IRI); the union of
those graphs is the knowledge graph. Entities merge across articles because their IRIs
depend only on their identity keys, so articles are built independently and merged by
plain union, in sorted path order. One bad article is reported and skipped; it never
costs the others their results, and one that takes longer than the per-article time
limit is skipped too, named, instead of stalling the corpus.
"""

from __future__ import annotations

import contextlib
import hashlib
import signal
import sys
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cache import Cache, code_fingerprint, read_folder
from .errors import InputError
from .extract import extract
from .files import fault, locked
from .identity import article_iri
from .model import Extraction
from .outputs import Report, write_build
from .rdf import build_graph, build_lines
from .read import MAX_BYTES, find_articles, read_article, read_bytes, source_name
from .results import ArticleGraph, BuildResult
from .settings import BuildHooks, BuildSettings, Shard
from .text import make_document

if TYPE_CHECKING:  # a build writes its lines without rdflib; only these helpers make rdflib graphs
    import multiprocessing.context

    from rdflib import Dataset, Graph, URIRef

__all__ = ["ArticleGraph", "BuildResult", "BuildSettings", "Report", "Shard", "build", "merge", "run"]

#: Seconds an article may take in this process (set by ``build`` from its settings; forked
#: workers inherit it). 0 = no limit.
_time_limit = 0.0


class ArticleTimeout(Exception):
    """Raised inside an article's extraction when the per-article time limit is reached."""


def extract_file(path: Path, data: bytes | None = None) -> Extraction:
    """Read (or take ``data``), normalise and extract one article file."""
    article = read_article(path, data)
    document = make_document(article)
    extraction = extract(document)
    extraction.warnings.extend(article.warnings)
    return extraction


#: What a worker sends back: (graph IRI, N-Triples text, warnings, why skipped, SHA-256 of
#: the bytes it read ('' when none, or when the reason may change from run to run)).
WorkerOutput = tuple[str, str, tuple[str, ...], str, str]


def process_article(path: str) -> WorkerOutput:
    """Extract and build one article file; runs in a worker process, so it returns plain strings.

    The digest returned is of the bytes this call read, so an article rewritten during the
    build is cached under the content it was built from. A crash on one article (a kgraph
    bug) is reported as that article's reason for being skipped, naming where it happened,
    and an article over the time limit is skipped, so a long corpus build keeps the others.
    """
    digest = ""
    try:
        data = read_bytes(Path(path))
        digest = hashlib.sha256(data).hexdigest()
        with _deadline(_time_limit * (1 + len(data) / 1_000_000)):  # a large article gets more
            extraction = extract_file(Path(path), data)
            lines = build_lines(extraction)
    except InputError as error:
        return "", "", (), error.why, digest
    except ArticleTimeout:
        limit = _time_limit * (1 + len(data) / 1_000_000)
        shown = f"{limit:.1f}".rstrip("0").rstrip(".")
        why = f"took over {shown} s to build (set --article-timeout to allow more)"
        return "", "", (), why, ""  # not remembered: another run may be faster
    except Exception as error:  # noqa: BLE001 - reported, never swallowed: see the docstring
        return "", "", (), describe_bug(error), digest
    name = str(article_iri(extraction.document.article_id))
    return name, "".join(line + "\n" for line in lines), tuple(extraction.warnings), "", digest


@contextlib.contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raise ``ArticleTimeout`` in this block after ``seconds`` (a real-time alarm; only in a
    process's main thread, so threads of a Dask worker run without a limit)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise ArticleTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def describe_bug(error: Exception) -> str:
    """One line naming an unexpected exception and the kgraph line that raised it."""
    import traceback  # only for a bug: with textwrap and linecache ~2 ms of every build's start-up

    where = ""
    for frame in traceback.extract_tb(error.__traceback__):
        if "kgraph" in Path(frame.filename).parts:
            where = f" at {Path(frame.filename).name}:{frame.lineno}"
    return f"kgraph bug {type(error).__name__}: {error}{where} (please report it with this article)"


def warm_up() -> None:
    """Load the extractor's word lists once, before worker processes are forked from this one."""
    from .model import Article

    extract(make_document(Article(source="warm-up", text="Ban Thường vụ Tỉnh ủy Hà Nam họp ngày 1/1/2020.")))


def parse_shard(spec: str) -> Shard:
    """``"i/n"`` -> ``(i, n)``, with 0 <= i < n (Slurm's ``$SLURM_ARRAY_TASK_ID/$N``)."""
    try:
        index_text, count_text = spec.split("/")
        index, count = int(index_text), int(count_text)
    except ValueError:
        raise InputError(spec, "is not a shard", "write it i/n, e.g. 0/4 for the first of four") from None
    if count < 1 or not 0 <= index < count:
        raise InputError(spec, "is not a shard", f"i counts from 0 to n-1, e.g. 0/{max(count, 1)}")
    return index, count


def shard_of(relative: str, count: int) -> int:
    """The shard (0..count-1) of an article, from a stable hash of its path relative to its input folder."""
    digest = hashlib.sha256(relative.encode("utf-8", "surrogateescape")).digest()
    return int.from_bytes(digest[:8], "big") % count


def select_articles(paths: Iterable[str | Path], shard: Shard | None = None) -> list[Path]:
    """The article files under ``paths`` (sorted as ``find_articles`` gives them), or one shard's slice.

    A file's shard depends on its path relative to the folder it was found under (its name
    when given directly), so every machine computes the same slices whatever the mount point.
    """
    paths = list(paths)
    if shard is None:
        return find_articles(paths)
    index, count = shard
    chosen: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        root = Path(raw)
        for path in find_articles([root]):
            if path in seen:
                continue
            seen.add(path)
            relative = path.relative_to(root).as_posix() if root.is_dir() else path.name
            if shard_of(relative, count) == index:
                chosen.append(path)
    return chosen


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes, to look it up in the cache; '' when it cannot be read (the
    worker then says why). The worker hashes what it reads itself: that is what is cached."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return ""
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def process_shard(sources: list[str], time_limit: float) -> list[WorkerOutput]:
    """``process_article`` over one shard's articles, in order (one Dask task)."""
    global _time_limit
    _time_limit = time_limit
    return [process_article(source) for source in sources]


def _pool_context() -> multiprocessing.context.BaseContext:
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def _worker_start() -> None:
    """A pool worker dies quietly on SIGTERM (``pool.terminate``) and leaves Ctrl-C to its parent."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_workers(sources: list[str], workers: int, dask: str | None = None) -> Iterator[WorkerOutput]:
    """``process_article`` over ``sources``, in order: in ``workers`` processes (in this one
    when 1), or as Dask tasks on the scheduler at ``dask``.

    A daemonic process (a Dask worker, a pool worker) may not start processes: it works alone.
    """
    if dask is not None:
        from .scale import run_on_dask

        yield from run_on_dask(sources, dask, process_shard, _time_limit)
        return
    workers = max(1, min(workers, len(sources)))
    # a pool or Dask worker has imported multiprocessing: one build alone need not (~0.01 CPU s)
    started = sys.modules.get("multiprocessing")
    if started is not None and started.current_process().daemon:
        workers = 1
    if workers == 1:
        yield from map(process_article, sources)
        return
    chunksize = max(1, min(16, len(sources) // (workers * 8)))
    context = _pool_context()
    if context.get_start_method() == "fork":
        warm_up()
    yield from _in_pool(sources, workers, chunksize, context)


def _in_pool(
    sources: list[str], workers: int, chunksize: int, context: multiprocessing.context.BaseContext
) -> Iterator[WorkerOutput]:
    """``process_article`` over ``sources`` in a pool of ``workers`` processes, in order. A worker
    killed from outside (the out-of-memory killer, ``kill -9``) breaks the pool: the articles not
    yet returned are then built in this process, so the build neither hangs nor loses them."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_start)
    done = 0
    try:
        for output in pool.map(process_article, sources, chunksize=chunksize):
            done += 1
            yield output
    except BrokenProcessPool:
        pool.shutdown(wait=True, cancel_futures=True)
        print(
            f"kgraph: a build process died (killed, or out of memory); the {len(sources) - done} "
            "articles left are built in this process",
            file=sys.stderr,
        )
        yield from map(process_article, sources[done:])
        return
    except BaseException:
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()  # Ctrl-C: stop the workers now (the executor has no terminate)
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _from_cache(files: list[Path], cache: Cache | None, hooks: BuildHooks) -> tuple[list[Any], list[str]]:
    """Per file: its cached graph, why it was skipped last time, or None (to extract); and digests."""
    slots: list[ArticleGraph | str | None] = [None] * len(files)
    if cache is None or not (cache.previous.entries or cache.previous.skipped):
        return slots, [""] * len(files)  # nothing to look up (each file's reader hashes what it reads)
    digests = [file_digest(path) for path in files]
    for index, (path, digest) in enumerate(zip(files, digests, strict=True)):
        if not digest:
            continue
        source = source_name(path)
        found = cache.lookup(source, digest)
        if found is not None:
            entry, text = found
            slots[index] = ArticleGraph(entry.source, digest, entry.graph, text, entry.warnings, cached=True)
        else:
            slots[index] = cache.lookup_skipped(source, digest)
        if slots[index] is not None:
            hooks.progress(path)
    return slots, digests


def build(
    paths: Iterable[str | Path],
    settings: BuildSettings | None = None,
    hooks: BuildHooks | None = None,
    cache: Cache | None = None,
    **options: Any,
) -> BuildResult:
    """Build the knowledge graph of the articles under ``paths`` (in memory; see ``run``).

    ``settings`` (or the same fields as keyword ``options``: ``workers``, ``shard``,
    ``dask``, ``article_timeout``) say how; the result is the same whatever the workers.
    With a ``cache``, an article whose path and bytes are unchanged is taken from it
    instead of being extracted. ``hooks`` hear the article count and each finished one.

    Raises ``InputError`` when a path does not exist or a folder holds no article;
    an unreadable article is skipped and listed in ``BuildResult.skipped``.
    """
    global _time_limit
    settings = settings or BuildSettings(**options)
    hooks = hooks or BuildHooks()
    files = select_articles(paths, settings.shard)
    hooks.on_total(len(files))
    slots, digests = _from_cache(files, cache, hooks)
    missing = [i for i, slot in enumerate(slots) if slot is None]
    _time_limit = settings.article_timeout
    if missing:  # a missing or broken tagger model stops the build once, not article by article
        from .extract.tagger import load_model

        load_model()
    outputs = run_workers([files[i].as_posix() for i in missing], settings.workers, settings.dask)
    for index, (name, text, warnings, why, digest) in zip(missing, outputs, strict=True):
        path = files[index]
        digests[index] = digest
        slots[index] = ArticleGraph(source_name(path), digest, name, text, warnings) if name else why
        hooks.progress(path)
    result = BuildResult()
    for path, digest, slot in zip(files, digests, slots, strict=True):
        source = source_name(path)
        if isinstance(slot, ArticleGraph):
            result.graphs.append(slot)
            result.articles.append(source)
            result.warnings.extend(f"{source}: {w}" for w in slot.warnings)
        else:
            result.skipped.append((source, str(slot)))
            result.skipped_digests[source] = digest
    return result


def run(
    paths: Iterable[str | Path], out: str | Path, settings: BuildSettings, hooks: BuildHooks | None = None
) -> Report:
    """Build ``paths`` into ``out``: extract (through the cache), then write every output.

    ``out`` is locked for the whole build when it exists (else from when it is made);
    a filesystem fault while writing is one ``InputError`` line naming the path, with the
    previous outputs intact. Nothing is written when no article could be used.
    """
    out = Path(out)
    hooks = hooks or BuildHooks()
    with contextlib.ExitStack() as stack:
        held = out.is_dir() and _lock(stack, out)
        cache = Cache(out) if settings.incremental or settings.merge_folders else None
        result = merge(paths) if settings.merge_folders else build(paths, settings, hooks, cache)
        if not held and (result.articles or (settings.shard and not result.skipped and cache)):
            _lock(stack, out)
        try:
            return write_build(result, out, settings, cache, hooks)
        except OSError as error:
            raise fault(error, out) from None
    raise AssertionError("unreachable")  # pragma: no cover - mypy: the with block returns


def _lock(stack: contextlib.ExitStack, out: Path) -> bool:
    try:
        stack.enter_context(locked(out))
    except OSError as error:
        raise fault(error, out) from None
    return True


def merge(folders: Iterable[str | Path]) -> BuildResult:
    """The build made of several build folders' caches (e.g. the shards of one corpus).

    Same result as building all their articles at once: each article's lines are taken as
    its shard built them, and the union is plain set union. An article found in two folders
    with different content is an ``InputError``.
    """
    found: dict[str, ArticleGraph] = {}
    for folder in folders:
        _, articles = read_folder(folder, code_fingerprint())
        for entry, text in articles:
            known = found.get(entry.source)
            if known is not None and known.digest != entry.digest:
                why = f"built {entry.source} from other content than an earlier folder"
                raise InputError(folder, why, "rebuild the folders from the same articles")
            found[entry.source] = ArticleGraph(
                entry.source, entry.digest, entry.graph, text, entry.warnings, cached=True
            )
    result = BuildResult()
    for source, article in sorted(found.items()):
        result.graphs.append(article)
        result.articles.append(source)
        result.warnings.extend(f"{source}: {w}" for w in article.warnings)
    return result


def add_extraction(dataset: Dataset, extraction: Extraction) -> URIRef:
    """Put one article's triples into its own named graph of ``dataset``."""
    from rdflib import URIRef

    name = URIRef(article_iri(extraction.document.article_id))
    named = dataset.graph(name)
    for triple in build_graph(extraction):
        named.add(triple)
    return name


def summarize(graph: Graph) -> dict[str, Counter[str]]:
    """Entities by class and relations by property, by local name."""
    from rdflib.namespace import RDF

    from .namespaces import CLASS_OF_KIND, PREDICATE_OF

    local_class: dict[object, str] = {iri: name for name, iri in CLASS_OF_KIND.items()}
    classes: Counter[str] = Counter()
    for _, cls in graph.subject_objects(RDF.type):
        if cls in local_class:
            classes[local_class[cls]] += 1
    relations: Counter[str] = Counter()
    for name, pred in PREDICATE_OF.items():
        count = sum(1 for _ in graph.triples((None, pred, None)))
        if count:
            relations[name] = count
    return {"entities": classes, "relations": relations}
