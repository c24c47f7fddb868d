"""The few words the name tagger and the national-body table read (``kgraph/data/tagger_words.tsv``)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def tagger_words() -> dict[str, frozenset[str]]:
    """use -> words, from ``kgraph/data/tagger_words.tsv``."""
    text = (resources.files("kgraph") / "data" / "tagger_words.tsv").read_text(encoding="utf-8")
    out: dict[str, set[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            use, word = line.split("\t")
            out.setdefault(use, set()).add(word.strip())
    return {use: frozenset(words) for use, words in out.items()}
