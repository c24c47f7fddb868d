"""Foreign and transliterated names: a capitalised word no Vietnamese syllable can spell (a
consonant cluster, a final other than c, ch, k, m, n, ng, nh, p, t, the letters f, j, w, z,
vowels in a row Vietnamese never writes: ``text.foreign_word``) is a foreign name inside
Vietnamese prose, and the word before it says what it names (``kgraph/data/foreign_cues.tsv``):
``ông``/``bà``/a post -> a person (``Ngoại trưởng Mỹ C. Rice``: a country may stand between),
``tại``/``thành phố`` -> a place, ``hãng``/``công ty`` -> an organisation. Without such a word
nothing is read: English words in the names of courses and products are no names.

Initials glue to the name they open (``E. Feller``, ``V.Titov``), and a name transliterated
syllable by syllable with hyphens (``Phôm-vi-hản``) is one word.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from operator import attrgetter

from ..text import foreign_word, name_key
from .lexicon import Head, Lexicon
from .names import match_place, match_title
from .state import Found, Group, SentenceState
from .tagger_words import word_table
from .tokens import Token

_TEXT, _IS_CAP = attrgetter("text"), attrgetter("is_cap")
#: The longest name read, in words
_LONGEST = 6
_KINDS = {
    "person": (Group.PERSON, "Person"),
    "place": (Group.PLACE, "Location"),
    "org": (Group.ORG, "Organization"),
}


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    """foreign_cues.tsv: kind -> the word keys of its phrases (joined by spaces)."""
    return {
        kind: frozenset(name_key(p) for p in phrases)
        for kind, phrases in word_table("foreign_cues.tsv").items()
    }


@lru_cache(maxsize=1)
def cues() -> tuple[dict[str, str], int]:
    """Each cue's word keys (joined by spaces) -> its kind; the longest cue in words."""
    table = _table()
    out = {k: kind for kind in _KINDS for k in table.get(kind, ())}
    return out, max(len(k.split()) for k in out)


@lru_cache(maxsize=1)
def post_places() -> frozenset[str]:
    """The words that join a post to the country it is held in (Đại sứ Mỹ tại Việt Nam X)."""
    return _table().get("post_place", frozenset())


@lru_cache(maxsize=1)
def english_heads() -> frozenset[str]:
    """The English words of bodies', events' and courses' names (Institute, Festival, Studies)."""
    return _table().get("english", frozenset())


def _glued(a: Token, b: Token) -> bool:
    return a.end == b.start


def _run_end(st: SentenceState, k: int, read: bool = False) -> tuple[int, bool, bool]:
    """Where the capitalised name at ``k`` ends (initials with their full stops, syllables joined
    by hyphens; before a name a rule read), whether it holds a foreign word or a transliteration,
    and whether an initial stands before a foreign word (V.Titov, Stephen W. Hawking: a person);
    ``read``: the word at ``k`` is a rule's already."""
    tokens, lex = st.tokens, st.lex
    j, foreign, initial, words = k, False, False, 0
    while j < len(tokens) and words < _LONGEST:
        tok = tokens[j]
        if not (tok.is_word and tok.is_cap) or tok.is_acronym or tok.is_number:
            break
        if not st.free(tok.start) and not (read and j == k):
            break
        if j > k and _opens_other(tokens, j, lex):
            break
        foreign = foreign or foreign_word(tok.text)
        words += 1
        j += 1
        if len(tok.text) == 1 and j + 1 < len(tokens) and tokens[j].text == "." and tokens[j + 1].is_cap:
            j += 1  # an initial: E. Feller, V.Titov
            initial = initial or foreign_word(tokens[j].text)
            continue
        while j + 1 < len(tokens) and tokens[j].text == "-" and _glued(tokens[j - 1], tokens[j]):
            nxt = tokens[j + 1]
            if not (nxt.is_word and _glued(tokens[j], nxt)) or nxt.is_number:
                break
            foreign = foreign or not nxt.is_cap  # Phôm-vi-hản: a name spelled syllable by syllable
            j += 2
    while j > k and not tokens[j - 1].is_word:
        j -= 1
    return j, foreign, initial


def _opens_other(tokens: list[Token], j: int, lex: Lexicon) -> bool:
    """Whether a post title or an organisation head opens at ``j`` (the name before it ends)."""
    return tokens[j].key in lex.heads or match_title(tokens, j, lex) > 0


def _cue_before(tokens: list[Token], k: int, lex: Lexicon, depth: int = 0) -> str:
    """The kind the words before ``k`` give a name there (a country may stand between a person's
    post and the name: Tổng thống Pháp X; and the place of the post: Đại sứ Mỹ tại Việt Nam X);
    '' when none."""
    table, longest = cues()
    kind = _cue_at(tokens, k, table, longest, lex)
    if kind:
        return kind
    for size in (3, 2, 1):  # a country between
        if k > size and _country_size(tokens, k - size, lex) == size:
            kind = _cue_at(tokens, k - size, table, longest, lex)
            if kind == "place" and depth == 0 and tokens[k - size - 1].key in post_places():
                kind = _cue_before(tokens, k - size - 1, lex, 1)  # Đại sứ Mỹ | tại Việt Nam | X
            return "person" if kind == "person" or _post_before(tokens, k - size, lex) else ""
    return ""


def _country_size(tokens: list[Token], i: int, lex: Lexicon) -> int:
    """Length of the place name at ``i``, a short country name too (Đức, Nhật); 0 when none."""
    size = match_place(tokens, i, lex)
    if size or tokens[i].key not in _context_starts(lex.context_places):
        return size
    return next((n for n in (2, 1) if " ".join(t.key for t in tokens[i : i + n]) in lex.context_places), 0)


@lru_cache(maxsize=4)
def _context_starts(places: frozenset[str]) -> frozenset[str]:
    """The first words of the short country names (Đức, Nhật, Triều Tiên)."""
    return frozenset(p.split(" ")[0] for p in places)


def _post_before(tokens: list[Token], c: int, lex: Lexicon) -> bool:
    """Whether a post title, then nothing or words opening with a capital (its domain), stands before
    the country at ``c``: the name after the country is a foreign official (Bộ trưởng Quốc phòng Mỹ X)."""
    for start in range(max(0, c - 6), c):
        size = match_title(tokens, start, lex)
        between = tokens[start + size : c]
        if (
            size
            and start + size <= c
            and all(t.is_word for t in between)
            and all(t.is_cap for t in between[:1])
        ):
            return True
    return False


def _cue_at(tokens: list[Token], k: int, table: dict[str, str], longest: int, lex: Lexicon) -> str:
    for size in range(min(longest, k), 0, -1):
        kind = table.get(" ".join(t.key for t in tokens[k - size : k]))
        if kind == "org" and tokens[k - size].is_cap:
            return ""  # Tổ chức Guinness thế giới: a capitalised head opens the name, the rules' call
        if kind:
            return kind
    if k > 0 and (tokens[k - 1].text in lex.honorifics or tokens[k - 1].key in lex.honorifics):
        return "person"
    return ""


def rule_foreign_names(st: SentenceState) -> None:
    """A capitalised name holding a foreign word, after a word that types it, that no rule read."""
    tokens, lex = st.tokens, st.lex
    if not any(map(foreign_word, map(_TEXT, filter(_IS_CAP, tokens)))) and not _hyphen_spelled(st.text):
        return  # most sentences: no foreign word (asked of capitalised words only, for speed)
    _mend_people(st)
    k = 1
    while k < len(tokens):
        tok = tokens[k]
        if not tok.is_cap or not tok.is_word or not st.free(tok.start):
            k += 1  # most words: lower case (asked first, for speed)
            continue
        place = _country_size(tokens, k, lex)
        if place and k + place < len(tokens) and tokens[k + place].is_cap:
            k += place  # Tổng thống Ba Lan | X: the country is no part of the name after it
            continue
        j, foreign, initial = _run_end(st, k)
        if not foreign:
            k = max(j, k + 1)
            continue
        kind = _cue_before(tokens, k, lex) or ("person" if initial else "")
        if kind and not any(t.key in english_heads() for t in tokens[k:j]):
            _add(st, k, j, kind)
        k = j


def _hyphen_spelled(text: str) -> bool:
    """Whether a capitalised word of ``text`` has a lower-case syllable glued after a hyphen."""
    at = text.find("-")
    while at > 0:
        if text[at - 1].isalpha() and text[at + 1 : at + 2].islower():
            start = at - 1
            while start > 0 and text[start - 1].isalpha():
                start -= 1
            if text[start].isupper():
                return True
        at = text.find("-", at + 1)
    return False


def _spelled(tokens: list[Token], k: int) -> bool:
    """Whether the capitalised word at ``k`` opens a name spelled syllable by syllable with hyphens
    (Phôm-vi-hản: a lower-case syllable glued after the hyphen)."""
    return (
        k + 2 < len(tokens)
        and tokens[k + 1].text == "-"
        and _glued(tokens[k], tokens[k + 1])
        and _glued(tokens[k + 1], tokens[k + 2])
        and tokens[k + 2].is_word
        and not tokens[k + 2].is_cap
    )


def _add(st: SentenceState, k: int, j: int, kind: str) -> None:
    """The name of tokens [k, j) as a mention of ``kind``, unless a rule's mention crosses it."""
    tokens = st.tokens
    start, end = tokens[k].start, tokens[j - 1].end
    if any(f.start < end and start < f.end for f in st.found):
        return
    group, cls = _KINDS[kind]
    f = Found(start, end, st.text[start - st.base : end - st.base], group, cls, st.index)
    if group is Group.ORG:
        f.head = Head((tokens[k].text,), (tokens[k].key,), cls, False, False, False, False, False)
    st.add(f)


def _mend_people(st: SentenceState) -> None:
    """The people the rules read with a foreign name: a country read as the first word of the name
    after a post is a place (Thủ tướng | Đức | Gerhardt Schmitz), and a person read up to an initial
    or a hyphen takes the foreign name that goes on there (Erika E | . Feller, Bun | -thon Xẻng-khăm-mi)."""
    tokens = st.tokens
    starts = [tok.start for tok in tokens]
    for f in list(st.found):
        if f.is_org and f.head is not None and len(f.head.words) == 1:
            _head_surname(st, f, bisect_left(starts, f.start))
        if f.group is not Group.PERSON:
            continue
        _cut_country(st, f, bisect_left(starts, f.start))
        b = bisect_left(starts, f.end)
        if b + 1 >= len(tokens) or not _glued(tokens[b - 1], tokens[b]):
            continue
        if tokens[b].text == "." and len(tokens[b - 1].text) == 1 and tokens[b + 1].is_cap:
            j, foreign, _ = _run_end(st, b + 1)  # Erika E. | Feller
        elif tokens[b].text == "-" and tokens[b + 1].is_word and _glued(tokens[b], tokens[b + 1]):
            j, foreign, _ = _run_end(st, b - 1, True)  # Bun-thon: the syllables after the hyphen
        else:
            continue
        if foreign and j > b + 1:
            f.end = tokens[j - 1].end
            f.text = st.text[f.start - st.base : f.end - st.base]
            st.taken.add(f.start, f.end)


def _cut_country(st: SentenceState, f: Found, a: int) -> None:
    """A person's name (at token ``a``) that opens after a post with a country or other capitalised
    words written with Vietnamese letters, and goes on with a foreign word, starts at that word:
    Thủ tướng Đức | Gerhardt Schmitz (the country a place), Người phát ngôn Nhà Trắng | Sarah Sanders."""
    tokens, lex = st.tokens, st.lex
    if not (0 < a < len(tokens) and tokens[a].start == f.start) or tokens[a].key in lex.surnames:
        return
    m = a
    while m < len(tokens) and tokens[m].start < f.end and not foreign_word(tokens[m].text):
        m += 1
    if m == a or m == len(tokens) or tokens[m].start >= f.end:
        return
    country = _country_size(tokens, a, lex) == m - a
    if not country and not all(tok.is_cap and not tok.text.isascii() for tok in tokens[a:m]):
        return
    if _cue_before(tokens, a, lex) != "person":
        return
    f.start = tokens[m].start
    f.text = st.text[f.start - st.base : f.end - st.base]
    if country:
        end = tokens[m - 1].end
        text = st.text[tokens[a].start - st.base : end - st.base]
        st.add(Found(tokens[a].start, end, text, Group.PLACE, "Location", st.index))


def _head_surname(st: SentenceState, f: Found, a: int) -> None:
    """A body's one-word head followed by nothing but a name spelled syllable by syllable, after a
    post (Tổng thư ký Liên Hợp Quốc Ban Ki-moon): a family name and a given name, a person."""
    tokens = st.tokens
    if not (0 < a < len(tokens) - 3 and tokens[a].start == f.start and _spelled(tokens, a + 1)):
        return
    if tokens[a + 3].end != f.end:
        return
    if not any(_cue_at(tokens, k, *cues(), st.lex) == "person" for k in range(max(1, a - 6), a + 1)):
        return
    f.group, f.kind, f.head, f.bare = Group.PERSON, "Person", None, False
