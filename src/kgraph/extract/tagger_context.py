"""What a whole article says of its words, as features of the name tagger.

A word the tagger sees in one sentence is often written elsewhere in the article in a way that
settles it: lower case (``Nam`` at a sentence's start, ``nam`` in the prose: a common word),
capitalised inside a sentence (a name even where a sentence opens with it), or in a capitalised
run right after an honorific (``ông Lý Hòa Lân`` ... ``Lân cho biết``: a person's name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import Lexicon
from .tokens import Token, word_info

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
#: Capitalised words after an honorific read as the person's name
NAME_RUN = 4


@dataclass(frozen=True)
class DocWords:
    """Keys of an article's words: written in lower case, capitalised inside a sentence (not its
    first word), in a capitalised run right after an honorific."""

    lower: frozenset[str]
    upper: frozenset[str]
    named: frozenset[str]


EMPTY = DocWords(frozenset(), frozenset(), frozenset())


def doc_words(sentences: Iterable[str], lex: Lexicon) -> DocWords:
    """The ``DocWords`` of an article given as the texts of its sentences."""
    honorifics = lex.honorifics
    seconds = _second_words(honorifics)
    cues = _cue_words(honorifics)
    seen: set[str] = set()
    upper: set[str] = set()
    named: set[str] = set()
    for sentence in sentences:
        words = _WORD.findall(sentence)
        seen.update(words)
        upper.update(w for w in words[1:] if w[0].isupper())
        if cues.isdisjoint(words):
            continue  # no honorific in the sentence (most have none)
        hits = [
            k
            for k, w in enumerate(words)
            if w in honorifics or (w in seconds and _pair(words, k) in honorifics)
        ]
        for k in hits:
            for w in words[k + 1 : k + 1 + NAME_RUN]:
                if not w[0].isupper():
                    break
                named.add(w)
    return DocWords(
        frozenset(word_info(w)[0] for w in seen if not w[0].isupper()),
        frozenset(word_info(w)[0] for w in upper),
        frozenset(word_info(w)[0] for w in named),
    )


def _pair(words: list[str], k: int) -> str:
    return f"{words[k - 1]} {words[k]}" if k else ""


@lru_cache(maxsize=4)
def _second_words(honorifics: frozenset[str]) -> frozenset[str]:
    """The last words of the honorifics of two words (chí of đồng chí)."""
    return frozenset(h.split()[1] for h in honorifics if len(h.split()) == 2)


@lru_cache(maxsize=4)
def _cue_words(honorifics: frozenset[str]) -> frozenset[str]:
    """The words one of which a sentence holds when it holds an honorific."""
    return honorifics | _second_words(honorifics)


#: An article feature of a word, as a bit: the sentence's first word, a capitalised word written in
#: lower case elsewhere, a lower-case or sentence-opening word written capitalised inside a sentence
#: elsewhere, a word of a name after an honorific
S0, DL, DU, DN = 1, 2, 4, 8
_NAMES = ((S0, "s0"), (DL, "dl"), (DU, "du"), (DN, "dn"))


def word_masks(tokens: list[Token], first: bool, doc: DocWords) -> list[int]:
    """Each token's article features as bits (``first``: the tokens open the sentence). Words in
    capitals (a heading, an abbreviation) have none."""
    lower, upper, named = doc.lower, doc.upper, doc.named
    out: list[int] = []
    for tok in tokens:
        mask = 0
        if tok.is_word and not tok.is_acronym:
            key = tok.key
            if tok.is_cap:
                mask = (DL if key in lower else 0) | (DN if key in named else 0)
            elif key in upper:
                mask = DU
        out.append(mask)
    if first and out and tokens[0].is_word and not tokens[0].is_acronym:
        out[0] |= S0 | (DU if tokens[0].key in upper else 0)
    return out


@lru_cache(maxsize=4096)
def mask_features(before: int, own: int, after: int) -> tuple[str, ...]:
    """The feature strings of a token's bits and its neighbours' (``-1:``, ``+1:``)."""
    return (
        *(name for bit, name in _NAMES if own & bit),
        *("-1:" + name for bit, name in _NAMES if before & bit and bit != S0),
        *("+1:" + name for bit, name in _NAMES if after & bit),
    )
