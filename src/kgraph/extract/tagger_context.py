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
    lower: set[str] = set()
    upper: set[str] = set()
    named: set[str] = set()
    honorifics = lex.honorifics
    for sentence in sentences:
        words = _WORD.findall(sentence)
        run = 0  # capitalised words still to read as a name
        for k, text in enumerate(words):
            key = word_info(text)[0]
            if not text[0].isupper():
                lower.add(key)
                run = 0
            else:
                if k:
                    upper.add(key)
                if run:
                    named.add(key)
                    run -= 1
            if text in honorifics or (k and f"{words[k - 1]} {text}" in honorifics):
                run = NAME_RUN
    return DocWords(frozenset(lower), frozenset(upper), frozenset(named))


def word_marks(tokens: list[Token], first: bool, doc: DocWords) -> list[list[str]]:
    """Each token's article features (``dl`` a capitalised word written lower case elsewhere,
    ``du`` a lower-case or sentence-opening word written capitalised inside a sentence elsewhere,
    ``dn`` a word of a name after an honorific, ``s0`` the sentence's first word), and its
    neighbours' (``-1:``, ``+1:``). Words in capitals have none."""
    own: list[list[str]] = []
    for k, tok in enumerate(tokens):
        marks: list[str] = []
        if tok.is_word and not tok.is_acronym:  # words in capitals (a heading, an abbreviation) say nothing
            key, cap, opens = tok.key, tok.is_cap, first and k == 0
            if opens:
                marks.append("s0")
            if cap and key in doc.lower:
                marks.append("dl")
            if (opens or not cap) and key in doc.upper:
                marks.append("du")
            if cap and key in doc.named:
                marks.append("dn")
        own.append(marks)
    out: list[list[str]] = []
    for k, marks in enumerate(own):
        feats = list(marks)
        if k > 0:
            feats += ["-1:" + m for m in own[k - 1] if m != "s0"]
        if k + 1 < len(own):
            feats += ["+1:" + m for m in own[k + 1]]
        out.append(feats)
    return out


#: Every feature ``word_marks`` writes
MARKS = tuple(p + m for p in ("", "-1:", "+1:") for m in ("s0", "dl", "du", "dn") if (p, m) != ("-1:", "s0"))
