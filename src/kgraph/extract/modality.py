"""How a sentence puts the relation of a cue verb: asserted, requested, planned, conditional
or negated (``Relation.modality``).

Two windows before the cue are read, with the phrases of ``data/modality.tsv`` matched
longest first, word by word (so ``không chỉ`` in 'không chỉ … mà còn' is no denial): the
cue's verb group (the last words before it, back to a comma or the subject: ``không``,
``sẽ``, ``cần``, ``đã``) and its clause (``Nếu …``, ``đề nghị Bộ X …``). A denial wins, then
a condition, then what the verb group says, then what the clause says; else asserted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..text import name_key

ASSERTED = "asserted"
NOT_A_CUE = "-"
_VERB_GROUP_WORDS = 4
_PUNCTUATION = re.compile(r"[,;:()“”\"–]")


@dataclass(frozen=True)
class ModalityWords:
    """Phrases (as tuples of name keys) -> modality, for the verb group and for the clause."""

    verb: dict[tuple[str, ...], str]
    clause: dict[tuple[str, ...], str]
    longest: int


def modality_words(rows: Iterable[list[str]]) -> ModalityWords:
    """The phrases of ``modality.tsv`` rows (phrase, modality, where)."""
    verb: dict[tuple[str, ...], str] = {}
    clause: dict[tuple[str, ...], str] = {}
    for row in rows:
        phrase = tuple(name_key(row[0]).split())
        (verb if row[2].strip() == "verb" else clause)[phrase] = row[1].strip()
    longest = max((len(p) for p in (*verb, *clause)), default=1)
    return ModalityWords(verb, clause, longest)


def _matches(words: list[str], table: dict[tuple[str, ...], str], longest: int) -> list[str]:
    """The modalities of the phrases found in ``words``, left to right, longest match first."""
    found: list[str] = []
    firsts = _first_words(table)
    k = 0
    while k < len(words):
        if words[k] not in firsts:
            k += 1  # no phrase starts with this word (speed: most words)
            continue
        for size in range(min(longest, len(words) - k), 0, -1):
            modality = table.get(tuple(words[k : k + size]))
            if modality is not None:
                if modality != NOT_A_CUE:
                    found.append(modality)
                k += size
                break
        else:
            k += 1
    return found


_FIRSTS: dict[int, tuple[dict[tuple[str, ...], str], frozenset[str]]] = {}


def _first_words(table: dict[tuple[str, ...], str]) -> frozenset[str]:
    """The first word of every phrase of ``table`` (made once per table)."""
    cached = _FIRSTS.get(id(table))
    if cached is None or cached[0] is not table:
        cached = _FIRSTS[id(table)] = (table, frozenset(phrase[0] for phrase in table if phrase))
    return cached[1]


def _words(text: str) -> list[str]:
    return name_key(text).split()


def modality_of(clause_before: str, verb_group: str, words: ModalityWords) -> str:
    """The modality of a cue whose clause reads ``clause_before`` before it, and whose verb group
    (the text between its subject, or the clause start, and the cue) is ``verb_group``."""
    group = _PUNCTUATION.split(verb_group)[-1]
    in_group = _matches(_words(group)[-_VERB_GROUP_WORDS:], words.verb, words.longest)
    in_clause = _matches(_words(clause_before), words.clause, words.longest)
    if "negated" in in_group:
        return "negated"
    if "conditional" in in_clause:
        return "conditional"
    if in_group:
        return in_group[-1]
    if in_clause:
        return in_clause[-1]
    return ASSERTED
