"""Tokens of a sentence with offsets, and the small predicates the rules share."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import name_key

_TOKEN = re.compile(r"[A-ZĐ](?:\.[A-ZĐƯ])+(?![\w.])|TP\.HCM|[^\W_]+(?:['’][^\W_]+)?|\S", re.UNICODE)


@dataclass(frozen=True)
class Token:
    start: int  # offset in the document's normalised text
    end: int
    text: str
    key: str  # name_key(text)

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_cap(self) -> bool:
        """Starts with a capital letter (a proper-name syllable or an acronym)."""
        return self.text[0].isupper()

    @property
    def is_acronym(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)

    @property
    def is_number(self) -> bool:
        return self.text.isdigit()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Word and punctuation tokens of ``text``; offsets shifted by ``offset``."""
    return [
        Token(m.start() + offset, m.end() + offset, m.group(0), name_key(m.group(0)))
        for m in _TOKEN.finditer(text)
    ]


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Top-level quoted spans (inner offsets, without the quote marks), nested quotes kept inside."""
    spans: list[tuple[int, int]] = []
    depth = 0
    start = 0
    straight_open = -1
    for i, ch in enumerate(text):
        if ch == "“":
            if depth == 0:
                start = i + 1
            depth += 1
        elif ch == "”" and depth > 0:
            depth -= 1
            if depth == 0:
                spans.append((start, i))
        elif ch == '"' and depth == 0:
            if straight_open < 0:
                straight_open = i + 1
            else:
                spans.append((straight_open, i))
                straight_open = -1
    if depth > 0:  # an unclosed quote runs to the end of the sentence
        spans.append((start, len(text)))
    return sorted(spans)
