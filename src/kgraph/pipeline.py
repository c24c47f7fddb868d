"""Chain the stages: files -> articles -> extractions -> one RDF dataset. Prints nothing.

Each article becomes its own named graph (named by the article's IRI); the union of
those graphs is the knowledge graph. Entities merge across articles because their IRIs
depend only on their identity keys, so articles are built independently (in worker
processes when asked) and merged by plain union, in sorted path order. One bad article is
reported and skipped; it never costs the others their results.

An article's graph travels as its sorted N-Triples lines (``ArticleGraph``): small to
send between processes, cheap to cache on disk, and enough to write every output without
rdflib (see ``kgraph.lines``). The rdflib ``Dataset`` is made from them only when asked for.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from .errors import InputError
from .extract import extract
from .identity import article_iri
from .lines import SHARED_GRAPH, add_lines, ontology_lines
from .model import Extraction
from .namespaces import PREDICATE_OF, bind_prefixes
from .rdf import build_graph, build_lines
from .read import MAX_BYTES, find_articles, read_article
from .text import make_document

if TYPE_CHECKING:
    from .cache import Cache

#: ``(i, n)``: the i-th of n slices of a corpus, 0 <= i < n.
Shard = tuple[int, int]


@dataclass(frozen=True)
class ArticleGraph:
    """One usable article's graph as sorted distinct N-Triples lines, with its origin."""

    source: str  # the path as given, posix form
    digest: str  # SHA-256 of the file's bytes ('' when unknown)
    graph: str  # the article IRI, naming its graph
    text: str  # the N-Triples lines, each ending in a line break
    warnings: tuple[str, ...] = ()
    cached: bool = False  # taken from the incremental cache, not extracted in this run

    def lines(self) -> list[str]:
        return self.text.splitlines()


class BuildResult:
    """What a build produced: the per-article graphs (and the dataset they make) plus a summary's needs."""

    def __init__(
        self,
        dataset: Dataset | None = None,
        articles: list[str] | None = None,
        skipped: list[tuple[str, str]] | None = None,
        warnings: list[str] | None = None,
        graphs: list[ArticleGraph] | None = None,
    ) -> None:
        self._dataset = dataset
        self.articles: list[str] = articles if articles is not None else []
        self.skipped: list[tuple[str, str]] = skipped if skipped is not None else []  # (path, why)
        self.warnings: list[str] = warnings if warnings is not None else []
        self.graphs: list[ArticleGraph] = graphs if graphs is not None else []
        self.skipped_digests: dict[str, str] = {}  # source -> SHA-256 of the skipped file's bytes

    def __repr__(self) -> str:
        counts = f"articles={len(self.articles)}, skipped={len(self.skipped)}, extracted={self.extracted}"
        return f"BuildResult({counts})"

    @property
    def extracted(self) -> int:
        """Articles extracted in this run (the others came from the cache)."""
        return sum(1 for g in self.graphs if not g.cached)

    @property
    def dataset(self) -> Dataset:
        """One named graph per article (made from the lines on first use)."""
        if self._dataset is None:
            dataset = Dataset()
            bind_prefixes(dataset)
            for name, lines in self.named_lines():
                add_lines(dataset.graph(URIRef(name)), lines)
            self._dataset = dataset
        return self._dataset

    def named_lines(self) -> list[tuple[str, list[str]]]:
        """``(graph IRI, sorted distinct lines)`` per named graph, sorted by IRI.

        Two files with the same text are the same article: their lines share one graph.
        The ontology's class hierarchy is the shared graph (when there is any article).
        """
        by_name: dict[str, set[str]] = {}
        for article in self.graphs:
            by_name.setdefault(article.graph, set()).update(article.lines())
        if by_name:
            by_name[SHARED_GRAPH] = set(ontology_lines())
        return [(name, sorted(lines)) for name, lines in sorted(by_name.items())]

    def union_lines(self) -> list[str]:
        """The distinct N-Triples lines of all articles and the ontology's class hierarchy, sorted."""
        lines: set[str] = set()
        for article in self.graphs:
            lines.update(article.lines())
        if lines:
            lines.update(ontology_lines())
        return sorted(lines)

    def triple_count(self) -> int:
        return len(self.union_lines())

    def union(self) -> Graph:
        """All triples of all articles in one graph."""
        graph = Graph()
        bind_prefixes(graph)
        if self._dataset is not None:
            for quad in self._dataset.quads((None, None, None, None)):
                graph.add(quad[:3])
        elif self.graphs:
            add_lines(graph, self.union_lines())
        return graph


def extract_file(path: Path) -> Extraction:
    """Read, normalise and extract one article file."""
    article = read_article(path)
    document = make_document(article)
    extraction = extract(document)
    extraction.warnings.extend(article.warnings)
    return extraction


#: What a worker sends back: (graph IRI, N-Triples text, warnings, why skipped).
WorkerOutput = tuple[str, str, tuple[str, ...], str]


def process_article(path: str) -> WorkerOutput:
    """Extract and build one article file; runs in a worker process, so it returns plain strings.

    A crash on one article (a kgraph bug) is reported as that article's reason for being
    skipped, naming where it happened, so a long corpus build keeps the other articles.
    """
    try:
        extraction = extract_file(Path(path))
        lines = build_lines(extraction)
    except InputError as error:
        return "", "", (), error.why
    except Exception as error:  # noqa: BLE001 - reported, never swallowed: see the docstring
        return "", "", (), describe_bug(error)
    name = str(article_iri(extraction.document.article_id))
    return name, "".join(line + "\n" for line in lines), tuple(extraction.warnings), ""


def describe_bug(error: Exception) -> str:
    """One line naming an unexpected exception and the kgraph line that raised it."""
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
    return int.from_bytes(hashlib.sha256(relative.encode("utf-8")).digest()[:8], "big") % count


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
    """SHA-256 of a file's bytes; '' when it cannot be read (the worker then says why)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return ""
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def _pool_context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def run_workers(sources: list[str], workers: int) -> Iterator[WorkerOutput]:
    """``process_article`` over ``sources``, in order, in ``workers`` processes (in this one when 1).

    A daemonic process (a Dask worker, a pool worker) may not start processes: it works alone.
    """
    workers = max(1, min(workers, len(sources)))
    if multiprocessing.current_process().daemon:
        workers = 1
    if workers == 1:
        yield from map(process_article, sources)
        return
    chunksize = max(1, min(16, len(sources) // (workers * 8)))
    context = _pool_context()
    if context.get_start_method() == "fork":
        warm_up()
    pool = context.Pool(workers)
    try:
        yield from pool.imap(process_article, sources, chunksize=chunksize)
    except BaseException:
        pool.terminate()
        raise
    else:
        pool.close()
    finally:
        pool.join()


def build(
    paths: Iterable[str | Path],
    progress: Callable[[Path], None] | None = None,
    *,
    workers: int = 1,
    shard: Shard | None = None,
    cache: Cache | None = None,
    on_total: Callable[[int], None] | None = None,
) -> BuildResult:
    """Build the knowledge graph of the articles under ``paths``.

    ``workers`` processes extract in parallel; the result is the same whatever their number.
    ``shard=(i, n)`` builds only the i-th of n deterministic slices. With a ``cache``, an
    article whose path and bytes are unchanged is taken from it instead of being extracted.
    ``on_total`` hears the number of articles once known; ``progress`` hears each finished one.

    Raises ``InputError`` when a path does not exist or a folder holds no article;
    an unreadable article is skipped and listed in ``BuildResult.skipped``.
    """
    files = select_articles(paths, shard)
    if on_total is not None:
        on_total(len(files))
    slots: list[ArticleGraph | str | None] = [None] * len(files)  # graph, or why skipped
    digests = [file_digest(path) for path in files]
    missing: list[int] = []
    for index, (path, digest) in enumerate(zip(files, digests, strict=True)):
        found = cache.lookup(path.as_posix(), digest) if cache is not None and digest else None
        if found is None:
            why = cache.lookup_skipped(path.as_posix(), digest) if cache is not None and digest else None
            if why is None:
                missing.append(index)
                continue
            slots[index] = why
            if progress is not None:
                progress(path)
            continue
        entry, text = found
        slots[index] = ArticleGraph(entry.source, digest, entry.graph, text, entry.warnings, cached=True)
        if progress is not None:
            progress(path)
    outputs = run_workers([files[i].as_posix() for i in missing], workers)
    for index, (name, text, warnings, why) in zip(missing, outputs, strict=True):
        path = files[index]
        slots[index] = ArticleGraph(path.as_posix(), digests[index], name, text, warnings) if name else why
        if progress is not None:
            progress(path)
    result = BuildResult()
    for path, digest, slot in zip(files, digests, slots, strict=True):
        source = path.as_posix()
        if isinstance(slot, ArticleGraph):
            result.graphs.append(slot)
            result.articles.append(source)
            result.warnings.extend(f"{source}: {w}" for w in slot.warnings)
        else:
            result.skipped.append((source, str(slot)))
            result.skipped_digests[source] = digest
    return result


def merge(folders: Iterable[str | Path]) -> BuildResult:
    """The build made of several build folders' caches (e.g. the shards of one corpus).

    Same result as building all their articles at once: each article's lines are taken as
    its shard built them, and the union is plain set union. An article found in two folders
    with different content is an ``InputError``.
    """
    from .cache import code_fingerprint, read_folder

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
    name = article_iri(extraction.document.article_id)
    named = dataset.graph(name)
    for triple in build_graph(extraction):
        named.add(triple)
    return name


def summarize(graph: Graph) -> dict[str, Counter[str]]:
    """Entities by class and relations by property, by local name."""
    from .namespaces import CLASS_OF_KIND

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
