"""Small word tables of ``kgraph/data``: lines ``use<TAB>word``, read into use -> words.

``tagger_words.tsv`` holds the few words the name tagger and the national-body table read."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def word_table(name: str) -> dict[str, frozenset[str]]:
    """use -> words, from ``kgraph/data/<name>`` (``#`` lines and blank lines skipped)."""
    text = (resources.files("kgraph") / "data" / name).read_text(encoding="utf-8")
    out: dict[str, set[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            use, word = line.split("\t")
            out.setdefault(use, set()).add(word.strip())
    return {use: frozenset(words) for use, words in out.items()}


def tagger_words() -> dict[str, frozenset[str]]:
    """use -> words, from ``kgraph/data/tagger_words.tsv``."""
    return word_table("tagger_words.tsv")
