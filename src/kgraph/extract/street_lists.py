"""Streets listed after a street word: ``các tuyến đường như Phạm Ngũ Lão, Nguyễn Cư Trinh, Lê Lai
(quận 1)``, ``đường Nam Kỳ Khởi Nghĩa, Bùi Thị Xuân và Phan Bội Châu``. Each name of the list is a
street (a place), not the person it is named after; ``sites`` reads the first one with its word."""

from __future__ import annotations

from functools import lru_cache

from .lexicon import key_words, syllables
from .names import cap_run, honorific_len, match_head, match_title, word_end
from .not_names import not_name_words
from .state import Found, Group, SentenceState
from .tagger_words import tagger_words
from .tokens import Token

_SEPARATORS = frozenset({",", "-", "–", ";"})
_LIKE = "như"  # tuyến đường … như A, B
_PROSE = 6  # lower-case words between the street word and 'như'
_ITEM = 4  # capitalised words of one street's name
_BRACKET = 14  # tokens of a bracket after a street: (quận 1), (từ … đến …)


def _list_start(tokens: list[Token], k: int) -> tuple[int, bool]:
    """Where the names after the street word at ``k`` start, and whether the first one is bare (after
    'như', so no site holds it); -1 when none follows."""
    m = k + 1
    if m < len(tokens) and tokens[m].is_cap:
        return m, False
    while m < len(tokens) and m - k <= _PROSE and tokens[m].is_word and not tokens[m].is_cap:
        if tokens[m].key == _LIKE:
            return (m + 1, True) if m + 1 < len(tokens) and tokens[m + 1].is_cap else (-1, False)
        m += 1
    return -1, False


def _after_item(tokens: list[Token], q: int) -> int:
    """The token after a street's bracket (quận 1), or ``q`` when none opens there."""
    if q < len(tokens) and tokens[q].text == "(":
        for r in range(q + 1, min(len(tokens), q + _BRACKET)):
            if tokens[r].text == ")":
                return r + 1
    return q


def _separator(tokens: list[Token], q: int) -> bool:
    return q + 1 < len(tokens) and (
        tokens[q].text in _SEPARATORS or tokens[q].key in tagger_words()["joiner"]
    )


def _item(st: SentenceState, p: int) -> int:
    """Capitalised words of a street's name at ``p``; 0 for a title, an honorific, a body's head, an
    abbreviation (ĐT: a phone number follows), a word before a colon (Ảnh: a photo credit) or one
    Vietnamese syllable."""
    tokens, lex = st.tokens, st.lex
    if tokens[p].is_acronym or match_head(tokens, p, lex.heads) or match_title(tokens, p, lex):
        return 0
    size = 0 if honorific_len(tokens, p, lex) else cap_run(tokens, p, _ITEM)
    if size and word_end(tokens, p + size - 1, lex) > p + size:
        size -= 1  # Ô Chợ Dừa | Dự án, Quốc | lộ 1A: the last word opens a word of the prose
    if size == 1 and tokens[p].key in syllables():
        return 0  # one Vietnamese syllable (Sáng 5-9) names no street; Pasteur may
    return 0 if p + size < len(tokens) and tokens[p + size].text == ":" else size


def _end_of(st: SentenceState, p: int) -> int:
    """The token after the mention a rule found at token ``p`` (the site sites read), or after the
    capitalised words there."""
    tokens = st.tokens
    f = next((f for f in st.found if f.start <= tokens[p].start < f.end), None)
    if f is None:
        return p + cap_run(tokens, p, _ITEM)
    return next((r for r in range(p, len(tokens)) if tokens[r].start >= f.end), len(tokens))


def _street_word(tokens: list[Token], k: int) -> int:
    """The last token of the street or junction word at ``k`` (đường, phố; ngã tư), -1 when none."""
    if tokens[k].key in tagger_words()["street"]:
        return k
    two = f"{tokens[k].key} {tokens[k + 1].key}" if k + 1 < len(tokens) else ""
    return k + 1 if two in not_name_words()["junction"] else -1


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    """The words a street or junction word starts with (đường, phố; ngã of ngã tư)."""
    return tagger_words()["street"] | {w.split()[0] for w in not_name_words()["junction"]}


@lru_cache(maxsize=1)
def _opener_words() -> frozenset[str]:
    return key_words(_openers())


def _range(st: SentenceState, q: int) -> list[tuple[int, int]]:
    """The streets a bracket at ``q`` runs between: (từ Lê Quang Định đến Xô Viết Nghệ Tĩnh)."""
    tokens, out = st.tokens, []
    end = _after_item(tokens, q)
    for r in range(q + 1, end - 2):
        if tokens[r].key in not_name_words()["range"] and (size := _item(st, r + 1)):
            out.append((r + 1, min(size, end - 2 - r)))
    return out


def rule_street_lists(st: SentenceState) -> None:
    """The streets a list names after a street word (see the module)."""
    tokens, opens = st.tokens, _openers()
    if not st.may_hold(_opener_words()):
        return  # no street or junction word (speed: most sentences)
    for k in range(len(tokens) - 1):
        if tokens[k].key not in opens:
            continue  # most words open no street or junction word: checked first (speed)
        e = _street_word(tokens, k)
        if e < 0:
            continue
        p, bare = _list_start(tokens, e)
        if p < 0:
            continue
        for at, size in _items(st, p, bare):
            _add_street(st, at, size)


def _items(st: SentenceState, p: int, bare: bool) -> list[tuple[int, int]]:
    """The streets of the list whose first name is at ``p`` (the first only when ``bare``), and those
    its brackets run between: a last name after a comma that a word follows ends the list only when
    two came before it (đường Hai Bà Trưng, Nguyễn Thị Mai đi cùng: a person opens a clause)."""
    tokens, count, after, comma = st.tokens, 0, len(st.tokens), False
    items: list[tuple[int, int]] = []
    ranges: list[tuple[int, int]] = []
    q = p if bare else _end_of(st, p)
    while p < len(tokens):
        size = _item(st, p) if p == q else 0
        if not size and p == q:
            break
        if size:
            items.append((p, size))
            q = p + size
        count += 1
        ranges.extend(_range(st, q) if q < len(tokens) and tokens[q].text == "(" else [])
        q = after = _after_item(tokens, q)
        if not _separator(tokens, q) or not tokens[q + 1].is_cap:
            break
        comma = tokens[q].text == ","
        p = q = q + 1
    if items and after < len(tokens) and tokens[after].is_word and count < 3 and comma:
        items.pop()
    return items + ranges


def _add_street(st: SentenceState, p: int, size: int) -> None:
    tokens = st.tokens
    start, end = tokens[p].start, tokens[p + size - 1].end
    if any(f.start < end and start < f.end for f in st.found):
        return  # a place or a site a rule found there
    f = Found(start, end, st.text[start - st.base : end - st.base], Group.PLACE, "Location", st.index)
    f.subject_ok = False  # a place is where, never who
    st.add(f)
