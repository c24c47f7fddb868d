"""Chain the stages: files -> articles -> extractions -> one RDF dataset. Prints nothing.

Each article becomes its own named graph (named by the article's IRI); the union of
those graphs is the knowledge graph. Entities merge across articles because their IRIs
depend only on their identity keys. One bad article is reported and skipped; it never
costs the others their results.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from .build import build_graph
from .errors import InputError
from .extract import extract
from .identity import article_iri
from .model import Extraction
from .namespaces import PREDICATE_OF, bind_prefixes
from .read import find_articles, read_article
from .text import make_document


@dataclass
class BuildResult:
    """What a build produced: the dataset plus what a summary needs."""

    dataset: Dataset
    articles: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why)
    warnings: list[str] = field(default_factory=list)

    def union(self) -> Graph:
        """All triples of all articles in one graph."""
        graph = Graph()
        bind_prefixes(graph)
        for triple in self.dataset.triples((None, None, None, None)):  # type: ignore[arg-type]
            graph.add(triple[:3])  # type: ignore[arg-type]
        return graph


def extract_file(path: Path) -> Extraction:
    """Read, normalise and extract one article file."""
    article = read_article(path)
    document = make_document(article)
    extraction = extract(document)
    extraction.warnings.extend(article.warnings)
    return extraction


def build(
    paths: Iterable[str | Path], progress: Callable[[Path], None] | None = None
) -> BuildResult:
    """Build the knowledge graph of the articles under ``paths``.

    Raises ``InputError`` when a path does not exist or a folder holds no article;
    an unreadable article is skipped and listed in ``BuildResult.skipped``.
    """
    files = find_articles(paths)
    dataset = Dataset()
    bind_prefixes(dataset)
    result = BuildResult(dataset)
    for path in files:
        if progress is not None:
            progress(path)
        try:
            extraction = extract_file(path)
        except InputError as error:
            result.skipped.append((path.as_posix(), error.why))
            continue
        add_extraction(dataset, extraction)
        result.articles.append(path.as_posix())
        result.warnings.extend(f"{path.as_posix()}: {w}" for w in extraction.warnings)
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
    from .identity import DOCUMENT_KINDS  # noqa: F401  (kept near its use)
    from .namespaces import CLASS_OF_KIND

    local_class = {iri: name for name, iri in CLASS_OF_KIND.items()}
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


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
