"""How many relation statements quote their sentence verbatim from the article (issue 14).

    .venv/bin/python bench/check_evidence.py OUT/graph.nq

For each ``rdf:Statement`` of the build: its article's file (``kg:sourceFile``) is read
again and decoded (``read.decode_article``: bytes -> text, nothing normalised); the
statement counts as verbatim when its ``kg:evidence`` is found in that text (after
HTML character references, ``&amp;`` in a .txt, are decoded, as kgraph reads them), and as
exactly placed when ``text[kg:startOffset:kg:endOffset]`` is the evidence in the text
kgraph reads (``read.read_article``, the article as read: decoded, HTML or Markdown
markup dropped).
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

KG = "https://w3id.org/kgraph/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
STATEMENT = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement"
DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"


def main() -> int:
    from kgraph.read import decode_article, read_article

    store = ox.Store()
    store.bulk_load(path=sys.argv[1], format=ox.RdfFormat.N_QUADS)
    query = f"""SELECT ?evidence ?start ?end ?file WHERE {{ GRAPH ?g {{
        ?s <{RDF_TYPE}> <{STATEMENT}> ; <{KG}evidence> ?evidence ; <{KG}startOffset> ?start ;
           <{KG}endOffset> ?end ; <{DERIVED}> ?article . ?article <{KG}sourceFile> ?file }} }}"""
    texts: dict[str, tuple[str, str]] = {}
    total = verbatim = placed = 0
    for row in store.query(query):
        file = row["file"].value
        if file not in texts:
            path = Path(file)
            decoded = decode_article(path.read_bytes(), path)[0]
            texts[file] = (html.unescape(decoded) if "&" in decoded else decoded, read_article(path).text)
        decoded, read = texts[file]
        evidence, start, end = row["evidence"].value, int(row["start"].value), int(row["end"].value)
        total += 1
        verbatim += evidence in decoded
        placed += read[start:end] == evidence
    print(f"{sys.argv[1]}: {total} relation statements in {len(texts)} articles; ", end="")
    print(f"verbatim in the decoded file {verbatim} ({100 * verbatim / max(total, 1):.1f} %), ", end="")
    print(f"offsets exact {placed} ({100 * placed / max(total, 1):.1f} %)")
    return 0 if verbatim == placed == total else 1


if __name__ == "__main__":
    sys.exit(main())
