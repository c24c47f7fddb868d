"""The world outside Việt Nam (``kgraph/data/world.tsv``): short country names that need context,
and international bodies named by their Vietnamese names, English names or acronyms.

A short form that is also a Vietnamese word or a given name (``Anh``, ``Đức``, ``Nhật``, ``Nga``) is
a country only where the text says so: after a place word (``nước Anh``, ``tại Nhật``, ``sang Đức``),
alone between brackets (``Đại học Heidelberg (Đức)``), or beside another country in a list
(``Mỹ, Anh và Pháp``); never after a kinship or language word (``anh Đức``, ``tiếng Anh``).

An international body is one node whatever its spelling (``UNDP``, ``Chương trình Phát triển Liên
Hợp Quốc``): ``bodies.national_bodies`` maps every spelling to the name written first in the table.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from .lexicon import Head, Lexicon, first_words, key_words
from .state import Found, Group, SentenceState
from .tagger_words import tagger_words
from .tokens import Token, tokenize

_BODY_CLASSES = {"body": "Organization", "press": "Organization", "company": "Enterprise"}
_LIST_MARKS = frozenset({",", "-", "–", "/", ";"})


def country_in_context(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    """Whether the short country name at ``i`` (in ``lex.context_places``) is a place here."""
    prev = tokens[i - 1] if i > 0 else None
    if prev is not None and prev.key in lex.place_never:
        return False
    if prev is not None and prev.text == "(" and i + 1 < len(tokens) and tokens[i + 1].text == ")":
        return True
    for n in (1, 2):
        if i >= n and " ".join(t.key for t in tokens[i - n : i]) in lex.place_before:
            return True
    return _listed(tokens, i - 2, i - 1, lex) or _listed(tokens, i + 2, i + 1, lex)


def names_a_language(tokens: list[Token], i: int, size: int, lex: Lexicon) -> bool:
    """Whether the place name at ``i`` (``size`` tokens) is a language or part of a word here:
    ``tiếng Pháp``, ``ngữ văn Anh``, ``Anh văn``, ``Pháp lệnh``, ``Mỹ thuật``."""
    for n in (1, 2):
        if i >= n and " ".join(t.key for t in tokens[i - n : i]) in lex.language_before:
            return True
    after = tokens[i + size] if i + size < len(tokens) else None
    if after is None or not after.is_word or after.is_cap:
        return False
    return after.key in lex.language_after or (size == 1 and f"{tokens[i].key} {after.key}" in lex.words)


def _listed(tokens: list[Token], j: int, mark: int, lex: Lexicon) -> bool:
    """Whether a country's name touches ``j``, joined by the list mark or 'và' at ``mark``."""
    if not (0 <= j < len(tokens) and 0 <= mark < len(tokens)) or not tokens[j].is_word:
        return False
    if tokens[mark].text not in _LIST_MARKS and tokens[mark].key not in tagger_words()["joiner"]:
        return False
    if tokens[j].is_cap and (tokens[j].key in lex.places or tokens[j].key in lex.context_places):
        return True
    pair = tokens[j - 1 : j + 1] if j < mark else tokens[j : j + 2]
    return len(pair) == 2 and pair[0].is_cap and " ".join(t.key for t in pair) in lex.places


def _rows() -> list[list[str]]:
    text = (resources.files("kgraph") / "data" / "world.tsv").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _key(tokens: list[Token]) -> tuple[str, ...]:
    """An acronym as written (case counts: WHO, not 'who'), other words by their keys."""
    return tuple(t.text if len(t.text) > 1 and t.text.isupper() else t.key for t in tokens)


def _word_key(t: Token) -> str:
    """``_key`` of one token (no tuple made: the rule asks it of every capitalised word)."""
    return t.text if len(t.text) > 1 and t.text.isupper() else t.key


@lru_cache(maxsize=1)
def world_body_names() -> dict[str, tuple[str, str]]:
    """Every spelling of an international body, a foreign news agency or company -> (its name, the
    first in world.tsv; its class)."""
    out: dict[str, tuple[str, str]] = {}
    for kind, name, *rest in _rows():
        if kind in _BODY_CLASSES:
            for spelling in [name, *(rest[0].split("|") if rest else [])]:
                if spelling:
                    out[spelling] = (name, _BODY_CLASSES[kind])
    return out


@lru_cache(maxsize=1)
def _body_keys() -> tuple[dict[tuple[str, ...], tuple[str, str]], int, frozenset[str]]:
    """The table by token keys, its longest spelling in tokens, and the keys spellings start with."""
    table = {_key(tokenize(s)): value for s, value in world_body_names().items()}
    return table, max(len(k) for k in table), first_words(table)


@lru_cache(maxsize=1)
def _body_triggers() -> frozenset[str]:
    return key_words(_body_keys()[2])


def rule_world_bodies(st: SentenceState) -> None:
    """International bodies by any of their names or acronyms (UNDP, Tổ chức Y tế Thế giới)."""
    table, longest, starts = _body_keys()
    if not st.may_hold(_body_triggers()):
        return  # no word a spelling starts with (speed)
    tokens = st.tokens
    k = 0
    while k < len(tokens):
        tok = tokens[k]
        if (_word_key(tok) if tok.is_cap else "") not in starts:
            k += 1  # no spelling of the table starts with this word: nothing to try (speed)
            continue
        keys = _key(tokens[k : k + longest])  # each word keyed once; only spellings of the table tried
        sizes = [n for n in range(min(longest, len(tokens) - k), 0, -1) if keys[:n] in table]
        hit = next((n for n in sizes if _body_at(st, k, n, table)), 0)
        if hit:
            replace_inside(st, whole_body(st, k, hit, table[_key(tokens[k : k + hit])][1]))
        k += hit or 1


def _body_at(st: SentenceState, k: int, n: int, table: dict[tuple[str, ...], tuple[str, str]]) -> bool:
    span = st.tokens[k : k + n]
    if _key(span) not in table or any(t.start in st.blocked for t in span):
        return False
    if mentions_inside(st, span[0].start, span[-1].end) is None:
        return False
    after = st.tokens[k + n] if k + n < len(st.tokens) else None
    if after is not None and after.is_word and after.is_cap:
        return False  # the start of a longer name
    if table[_key(span)][1] == "Enterprise" and _product(st.tokens, k, after, st.lex):
        st.taken.add(span[0].start, span[-1].end)  # no later rule reads the product as a name
        st.drop(span[0].start, span[-1].end, "a company's name that names a product")
        return False
    return True


def _product(tokens: list[Token], k: int, after: Token | None, lex: Lexicon) -> bool:
    """Whether the company's name at ``k`` names a product: chiếc Boeing 777, xe Honda, tivi Sony."""
    if after is not None and after.is_number:
        return True
    return any(k >= n and " ".join(t.key for t in tokens[k - n : k]) in lex.product_before for n in (1, 2, 3))


def mentions_inside(st: SentenceState, start: int, end: int) -> list[Found] | None:
    """The mentions found inside ``start``-``end``; None when one crosses its edge."""
    inside = []
    for f in st.found:
        if f.start < end and f.end > start:
            if f.start < start or f.end > end:
                return None
            inside.append(f)
    return inside


def whole_body(st: SentenceState, k: int, n: int, kind: str, national: bool = True) -> Found:
    """The body named whole by tokens ``k`` to ``k + n`` of the sentence (a table's name: an
    international or a national body, a police force), its name its head: complete by itself, one
    body nationwide unless ``national`` is False."""
    span = st.tokens[k : k + n]
    start, end = span[0].start, span[-1].end
    f = Found(start, end, st.text[start - st.base : end - st.base], Group.ORG, kind, st.index)
    words, keys = tuple(t.text for t in span), tuple(t.key for t in span)
    f.head = Head(words, keys, kind, True, national, False, False, False)
    return f


def replace_inside(st: SentenceState, found: Found) -> None:
    """Add ``found`` in place of the shorter names read inside it (a table's full name wins)."""
    inside = mentions_inside(st, found.start, found.end) or []
    st.found[:] = [f for f in st.found if not any(f is g for g in inside)]
    st.add(found)


@lru_cache(maxsize=1)
def _lower_regions() -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]]:
    """The word keys of every place spelling written in lower case first (châu Á, châu Âu), and
    every prefix of them."""
    keys = set()
    for kind, name, *rest in _rows():
        if kind in ("country", "city", "region"):
            for spelling in [name, *(rest[0].split("|") if rest else [])]:
                if spelling[:1].islower():
                    keys.add(tuple(t.key for t in tokenize(spelling) if t.is_word))
    return frozenset(keys), frozenset(k[:n] for k in keys for n in range(1, len(k) + 1))


@lru_cache(maxsize=1)
def _region_triggers() -> frozenset[str]:
    return key_words(prefix[0] for prefix in _lower_regions()[1])


def rule_world_regions(st: SentenceState) -> None:
    """Continents and regions written in lower case first (châu Mỹ, châu Á - Thái Bình Dương): one
    place, which replaces the places the name rule read inside it (Mỹ, Thái Bình Dương)."""
    table, prefixes = _lower_regions()
    if not st.may_hold(_region_triggers()):
        return  # most sentences (speed)
    tokens = st.tokens
    for k, tok in enumerate(tokens):
        if tok.is_cap or (tok.key,) not in prefixes or not st.free(tok.start):
            continue
        end = 0
        words: tuple[str, ...] = ()
        for j in range(k, len(tokens)):
            if not tokens[j].is_word:
                if tokens[j].text in "-–" and j > k:
                    continue
                break
            words = (*words, tokens[j].key)
            if words not in prefixes:
                break
            if words in table and (j + 1 == len(tokens) or not tokens[j + 1].is_cap):
                end = j + 1
        if not end:
            continue
        start, stop = tok.start, tokens[end - 1].end
        inside = mentions_inside(st, start, stop)
        if inside is None or any(f.group is not Group.PLACE for f in inside):
            continue  # part of a body's name (Ngân hàng Phát triển châu Á)
        text = st.text[start - st.base : stop - st.base]
        replace_inside(st, Found(start, stop, text, Group.PLACE, "Location", st.index))


@lru_cache(maxsize=4)
def _language_triggers(before: frozenset[str]) -> frozenset[str]:
    return key_words(before)


def rule_languages(st: SentenceState) -> None:
    """A country's name after a language word is a language (tiếng Anh, tiếng Trung Quốc): no later
    rule (the tagger) reads it as a place."""
    if not st.may_hold(_language_triggers(st.lex.language_before)):
        return  # no language word (speed: most sentences)
    tokens, lex = st.tokens, st.lex
    for i, tok in enumerate(tokens):
        if not tok.is_cap or not st.free(tok.start):
            continue
        if not any(
            i >= n and " ".join(t.key for t in tokens[i - n : i]) in lex.language_before for n in (1, 2)
        ):
            continue
        size, key = 0, ""
        for k in range(i, min(i + 4, len(tokens))):
            if not tokens[k].is_word:
                break
            key = f"{key} {tokens[k].key}".strip()
            if key in lex.places or key in lex.context_places:
                size = k - i + 1
        if size:
            st.taken.add(tok.start, tokens[i + size - 1].end)
            st.drop(tok.start, tokens[i + size - 1].end, "a language, not a place")
