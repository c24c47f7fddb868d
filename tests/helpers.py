"""Small helpers the extraction tests share: run the extractor on a text, read what came out."""

from __future__ import annotations

from kgraph.extract import extract
from kgraph.model import Article, Extraction
from kgraph.text import make_document


def run(text: str, title: str = "") -> Extraction:
    """Extract from ``text`` as one article (first line = title when ``title`` is given)."""
    body = f"{title}\n{text}" if title else text
    return extract(make_document(Article(source="test.txt", text=body, title=title)))


def labels(x: Extraction, kind: str | None = None) -> set[str]:
    return {e.label for e in x.entities.values() if kind is None or e.kind == kind}


def names(x: Extraction) -> dict[str, str]:
    """Every name (label or alias) -> the class of its entity."""
    out = {}
    for e in x.entities.values():
        for name in (e.label, *e.aliases):
            out[name] = e.kind
    return out


def triples(x: Extraction) -> set[tuple[str, str, str]]:
    return {(x.entities[r.subject].label, r.predicate, x.entities[r.object].label) for r in x.relations}
