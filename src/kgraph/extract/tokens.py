"""Tokens of a sentence with offsets, and the small predicates the rules share."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..text import name_key, normalize_tones

_TOKEN = re.compile(r"[A-ZĐ](?:\.[A-ZĐƯ])+(?![\w.])|TP\.HCM|[^\W_]+(?:['’][^\W_]+)?|\S", re.UNICODE)
#: A token and the white space before it (``\s`` and ``\S`` share out every character)
_SPACED_TOKEN = re.compile(rf"(\s*)({_TOKEN.pattern})", re.UNICODE)
#: A list number glued to the word before it where a line break was lost: 'Bộ Tài Chính12. Nguyễn …'
_GLUED_NUMBER = re.compile(r"[^\W\d_]{2,}(\d{1,2})\.(?!\d)")
_QUOTE_MARKS = re.compile('[“”"]')
_VOWELS = "aàáạảãăằắặẳẵâầấậẩẫeèéẹẻẽêềếệểễiìíịỉĩoòóọỏõôồốộổỗơờớợởỡuùúụủũưừứựửữyỳýỵỷỹ"
_LOWER = _VOWELS + "bcdđghklmnpqrstvx"
#: A lower-case letter right before a capital: two words glued where a line break was lost (MinhỦy ban)
_GLUED_CASE = re.compile(f"[{_LOWER}][{_LOWER.upper()}]")
_SYLLABLE = re.compile(
    f"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[{_VOWELS}]{{1,3}}(?:ng|nh|ch|[cmnpt])?",
    re.IGNORECASE,
)


class Token:
    """A word or punctuation token with offsets in the normalised text, and its case flags
    computed once (the rules ask them hundreds of thousands of times in a corpus)."""

    __slots__ = ("start", "end", "text", "key", "is_word", "is_cap", "is_acronym", "is_number")

    def __init__(self, start: int, end: int, text: str, key: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.key = key
        self.is_word, self.is_cap, self.is_acronym, self.is_number = _flags(text)

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


@lru_cache(maxsize=262144)
def _flags(text: str) -> tuple[bool, bool, bool, bool]:
    """A token text's case flags: word, capitalised, acronym, number (cached by the text)."""
    first = text[0]
    is_cap = first.isupper()
    letters = [c for c in text if c.isalpha()] if is_cap else []
    return first.isalnum(), is_cap, len(letters) >= 2 and all(c.isupper() for c in letters), text.isdigit()


@lru_cache(maxsize=262144)
def word_info(text: str) -> tuple[str, bool, bool, bool, bool, bool]:
    """A token text's ``name_key``, case flags and whether a number may be glued to its end (a letter
    first, a digit last), computed once per distinct text. A letters and digits token's key is its
    tone-normalised lower case (what ``name_key`` leaves of it)."""
    if text.isalnum():
        key = normalize_tones(unicodedata.normalize("NFC", text)).lower()
    else:
        key = name_key(text)
    return (key, *_flags(text), text[-1].isdigit() and text[0].isalpha())


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Word and punctuation tokens of ``text``; offsets shifted by ``offset``."""
    out: list[Token] = []
    new = Token.__new__
    two_cases = _GLUED_CASE.search(text) is not None
    end = offset
    # one findall of (space before, token) pairs, no match object per token: only white space lies
    # between two tokens, so a token starts where the space before it ends
    for space, word in _SPACED_TOKEN.findall(text):
        start = end + len(space)
        end = start + len(word)
        tok = new(Token)  # the fields of Token.__init__, its key and flags from the cache
        tok.key, tok.is_word, tok.is_cap, tok.is_acronym, tok.is_number, glued = word_info(word)
        if glued or (two_cases and not word.islower()):
            start, word = _glued_parts(text, offset, start, end, word, two_cases, out)
            tok.key, tok.is_word, tok.is_cap, tok.is_acronym, tok.is_number, glued = word_info(word)
        tok.start, tok.end, tok.text = start, end, word
        out.append(tok)
    return out


def _glued_parts(
    text: str, offset: int, start: int, end: int, word: str, two_cases: bool, out: list[Token]
) -> tuple[int, str]:
    """Cut a token glued by a lost line break: the tokens before its last part go to ``out``; its last
    part's start and text are returned (``word`` itself when nothing is cut)."""
    if word[-1].isdigit() and word[0].isalpha():
        glued = _GLUED_NUMBER.match(text, start - offset)
        if glued and glued.start(1) < end - offset and text[glued.start(1) - 1].islower():
            cut = glued.start(1) + offset  # Bộ Tài Chính12.: a list number glued to a name
            out.append(Token(start, cut, word[: cut - start], name_key(word[: cut - start])))
            start, word = cut, word[cut - start :]
    if two_cases and not word.islower():
        for part in _glued_syllables(word)[:-1]:  # Hồ Chí MinhỦy ban: two words, offsets kept
            out.append(Token(start, start + len(part), part, word_info(part)[0]))
            start, word = start + len(part), word[len(part) :]
    return start, word


def _glued_syllables(word: str) -> list[str]:
    """The Vietnamese syllables a token glued by a lost line break holds (MinhỦy -> Minh, Ủy), cut
    where a lower-case letter meets a capital; ``[word]`` unless every piece is a syllable and one
    is written with a Vietnamese letter (VnExpress, SaigonTech, AmCham stay whole)."""
    cuts = [m.start() + 1 for m in _GLUED_CASE.finditer(word)]
    if not cuts:
        return [word]
    parts = [word[a:b] for a, b in zip([0, *cuts], [*cuts, len(word)], strict=True)]
    if word.isascii() or not all(_SYLLABLE.fullmatch(p) for p in parts):
        return [word]
    return parts


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Top-level quoted spans (inner offsets, without the quote marks), nested quotes kept inside."""
    spans: list[tuple[int, int]] = []
    depth = 0
    start = 0
    straight_open = -1
    for m in _QUOTE_MARKS.finditer(text):  # only the marks: most sentences hold none
        i, ch = m.start(), m.group()
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
