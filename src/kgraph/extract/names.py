"""Organisation, place and person names read as a grammar over a sentence's tokens.

An organisation name is a head (``Đảng ủy``, ``Sở``, ``Hội``…) followed by components:
capitalised words extended by the word list to their last syllable (``Tài chính``),
acronyms (``CCB``), level words (``tỉnh``, ``Khối``) with the place they introduce, and
``và``/``-``/``,`` joining domains (``Văn hóa, Thể thao và Du lịch``). Heads inside the
components start nested names (``Ban Thường vụ`` + ``Đảng ủy Khối``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from ..text import LEVEL_LETTERS, name_key
from .lexicon import Head, Lexicon, first_words, lexicon, proper_prefixes, word, words, world_words
from .tokens import Token
from .world import country_in_context, names_a_language

#: Words before a mention that make it a complement, never the subject of a verb after it.
PREPOSITIONS = frozenset(words("prepositions"))
#: Words that end a name even when capitalised (sentence words that follow names)
_CONNECTORS = frozenset(words("connectors"))


_SOCIETY = word("society").split()  # xã hội: not the level word xã
_BLOC, _PARTY, _ASSOCIATION, _AND = word("bloc"), word("party"), word("association"), word("and")
_PRIME_MINISTER = tuple(word("prime_minister").split())
_VIETNAM = word("vietnam_written").split()
_PREVENT = word("prevent_combat").split()  # 'phòng, chống'
_CENTRAL = word("central").split()
_DOMAIN_JOINERS, _CENTRAL_ABBREVIATIONS = words("domain_joiners"), words("central_abbreviations")
_LOWER_PIECE_STARTS, _HYPHEN_DOMAIN_HEADS = words("lower_piece_starts"), words("hyphen_domain_heads")
_PLURAL_DETERMINERS, _COMPLEMENT_PAIRS = words("plural_determiners"), words("complement_pairs")
_CLAUSE_OPENERS = tuple(tuple(name_key(w).split()) for w in words("clause_openers"))
_CLAUSE_FIRSTS = frozenset(name_key(w[0]) for w in _CLAUSE_OPENERS if w)  # what match_words compares first


@dataclass(frozen=True)
class NameSpan:
    """A name found in the token list: tokens [i, j), its head and class."""

    i: int
    j: int
    kind: str
    head: Head | None
    inner: NameSpan | None = None  # the nested name (Đảng ủy Khối in Ban Thường vụ Đảng ủy Khối)

    def text(self, tokens: list[Token], source: str) -> str:
        return source[tokens[self.i].start : tokens[self.j - 1].end]


def match_words(tokens: list[Token], i: int, words: tuple[str, ...]) -> bool:
    if i + len(words) > len(tokens):
        return False
    return all(tokens[i + k].key == name_key(w) for k, w in enumerate(words))


def head_at(tokens: list[Token], i: int, head: Head) -> bool:
    """Whether ``head`` is written whole at token ``i``, whose key is its first (``lex.heads`` is
    keyed so); one cut short by the sentence's end is none."""
    keys = head.keys
    size = len(keys)
    if i + size > len(tokens):
        return False
    return size == 1 or (  # the second word first: most heads part there
        tokens[i + 1].key == keys[1]
        and (size == 2 or all(tokens[i + k].key == keys[k] for k in range(2, size)))
    )


def match_head(tokens: list[Token], i: int, heads: dict[str, list[Head]]) -> Head | None:
    """The longest head starting at token ``i`` (respecting its case rule)."""
    for head in heads.get(tokens[i].key, ()):
        if head_at(tokens, i, head) and (head.any_case or tokens[i].is_cap):
            return head
    return None


def match_place(tokens: list[Token], i: int, lex: Lexicon) -> int:
    """Length in tokens of the known place name starting at ``i`` (0 when none)."""
    if not tokens[i].is_cap or (tokens[i].is_acronym and len(tokens[i].text) > 2):
        return 0
    prefixes = _place_prefixes(lex.places)
    first = tokens[i].key
    if first not in prefixes and first not in lex.places and first not in lex.context_places:
        return 0  # most capitalised words start no place name (speed)
    best = 0
    key = ""
    for k in range(i, min(i + 12, len(tokens))):
        if not tokens[k].is_word:
            if tokens[k].text in "-–" and k > i:
                continue  # Thừa Thiên - Huế, Ác-hen-ti-na
            break
        key = f"{key} {tokens[k].key}".strip()
        if key.count(" ") > 5:
            break
        if key in lex.places or (k == i and key in lex.context_places and country_in_context(tokens, i, lex)):
            best = k - i + 1
        if key not in prefixes:
            break  # no longer place name starts with these words
    return 0 if best and names_a_language(tokens, i, best, lex) else best


@lru_cache(maxsize=4)
def _place_prefixes(places: frozenset[str]) -> frozenset[str]:
    """The proper prefixes of the known place names: a longer name starts with one ('hà', 'bà rịa')."""
    return proper_prefixes(places)


def word_end(tokens: list[Token], i: int, lex: Lexicon) -> int:
    """End of the longest word-list word starting at capitalised token ``i`` (lower-case continuation)."""
    end = i + 1
    key = tokens[i].key
    k = i + 1
    while k < len(tokens) and k - i < 5:
        tok = tokens[k]
        if not tok.is_word or tok.is_cap:
            break
        key = f"{key} {tok.key}"
        if key in lex.words:
            end = k + 1
        elif key not in lex.word_starts:
            break
        k += 1
    return end


def level_at(tokens: list[Token], i: int, lex: Lexicon) -> int:
    """Length of a level word (``tỉnh``, ``thành phố``, ``TP``) at ``i`` (0 when none)."""
    if i >= len(tokens):
        return 0
    if i + 1 < len(tokens) and f"{tokens[i].key} {tokens[i + 1].key}" in lex.levels:
        return 2
    tok = tokens[i]
    if tok.key == _SOCIETY[0] and i + 1 < len(tokens) and tokens[i + 1].key == _SOCIETY[1]:
        return 0  # Xã hội (society), as in Lao động - Thương binh và Xã hội
    if tok.key in lex.levels and (tok.key != _BLOC or tok.is_cap):
        return 1
    if tok.text in lex.levels:
        return 1
    return 0


def person_run(tokens: list[Token], i: int, lex: Lexicon) -> int:
    """Length of a person's name at ``i``: 2-4 capitalised words starting with a family name."""
    if i >= len(tokens) or tokens[i].key not in lex.surnames or not tokens[i].is_cap or tokens[i].is_acronym:
        return 0
    k = i
    while (
        k < len(tokens)
        and k - i < 4
        and tokens[k].is_word
        and tokens[k].is_cap
        and not tokens[k].is_acronym
        and not (k > i and glued_on(tokens, k))
    ):
        k += 1
    n = k - i
    if n < 2 or match_place(tokens, i, lex):
        return 0  # Châu Âu Marco …: a place first
    return n


_NUMBERED_LEVELS = tuple(tuple(name_key(w).split()) for w in words("numbered_levels"))
#: The level letters of numbered units (Q.3, P.Bến Nghé, F.8): those of a numbered level word
NUMBERED_LETTERS = frozenset(
    k for k, w in LEVEL_LETTERS.items() if tuple(name_key(w).split()) in _NUMBERED_LEVELS
)
#: A unit glued to its level's letter, as one token: P4, Q10
GLUED_UNIT = re.compile(f"[{''.join(sorted(NUMBERED_LETTERS))}]\\d{{1,2}}")
_NUMBERED_FIRSTS = first_words(_NUMBERED_LEVELS)  # keys a level word starts with
#: Keys and texts a numbered unit may open with: ``numbered_unit`` is 0 at any other token
NUMBERED_OPENERS = _NUMBERED_FIRSTS | NUMBERED_LETTERS
_UNIT_CODE = re.compile(r"[A-Z]?\d{1,3}[A-Z]?")


def _unit_number(tok: Token) -> bool:
    """A unit's number: 12, or a short code with digits (B4, 3A)."""
    if tok.is_number:
        return len(tok.text) <= 3
    return _UNIT_CODE.fullmatch(tok.text) is not None


def numbered_unit(tokens: list[Token], i: int) -> int:
    """Length of a numbered unit with its level word at ``i`` (phường 12, ấp B4, Q.12), 0 when none."""
    size = 0
    if tokens[i].key not in _NUMBERED_FIRSTS and tokens[i].text not in NUMBERED_LETTERS:
        return 0
    if tokens[i].text in NUMBERED_LETTERS:
        size = 2 if i + 1 < len(tokens) and tokens[i + 1].text == "." else 0
    elif tokens[i].key in _NUMBERED_FIRSTS:
        size = next((len(w) for w in _NUMBERED_LEVELS if match_words(tokens, i, w)), 0)
    k = i + size
    if not size or k >= len(tokens) or not _unit_number(tokens[k]):
        return 0
    if k + 1 < len(tokens) and tokens[k + 1].text in ("/", "%", "."):
        if tokens[k + 1].text != "." or (k + 2 < len(tokens) and tokens[k + 2].is_number):
            return 0  # a date, a share or a decimal, not a unit
    return size + 1


HOUSE_WORDS = frozenset(name_key(w) for w in words("house_number_words"))  # 35 bis Lê Thánh Tôn
_HOUSE_NUMBER = re.compile(r"\d{1,4}[A-Z]?")
HOUSE_OPENERS = frozenset(name_key(w) for w in words("house_number_openers"))  # ở 12/2, tại, số, nhà


def day_and_month(parts: list[str]) -> bool:
    """Whether the parts of a number written with a slash or a dash can be a day and a month (15/3,
    12-2): a date, not a house number, unless a word that opens an address comes before (ở 15/3)."""
    return len(parts) == 2 and all(p.isdigit() for p in parts) and int(parts[0]) <= 31 and int(parts[1]) <= 12


def after_house_number(tokens: list[Token], i: int) -> bool:
    """Whether the name at ``i`` follows a house number: a street of an address (25 Lê Văn Sỹ, 38B
    Nguyễn Thị Minh Khai, 35 bis Lê Thánh Tôn), not a person; a year or a date's number is none."""
    j = i - 1
    if j > 0 and (tokens[j].key in HOUSE_WORDS or (len(tokens[j].text) == 1 and tokens[j].is_cap)):
        j -= 1
    if j < 0 or not _HOUSE_NUMBER.fullmatch(tokens[j].text):
        return False
    if len(tokens[j].text) == 4 and tokens[j].text.isdigit():
        return False  # 'năm 2005 Nguyễn Văn A'
    first = _slashed_start(tokens, j)
    if any(numbered_unit(tokens, s) == first + 1 - s for s in range(max(0, first - 3), first)):
        return False  # 'Thôn trưởng thôn 1 Mai Văn A': a unit's number, a person after it
    if first < j:
        return _slashed_house_number(tokens, first, j)
    return j == 0 or tokens[j - 1].text not in ("/", "-", ".", "–")


def _slashed_start(tokens: list[Token], j: int) -> int:
    """The first part of a number written with slashes that ends at ``j`` (502/472, 14/11/187)."""
    while j > 1 and tokens[j - 1].text == "/" and _HOUSE_NUMBER.fullmatch(tokens[j - 2].text):
        j -= 2
    return j


def _slashed_house_number(tokens: list[Token], first: int, j: int) -> bool:
    """Whether the number written with slashes from ``first`` to ``j`` is a house number (502/472,
    32/8B, 14/11/187): one that cannot be a date (day/month), or any after a word that opens an
    address (ở 12/2, trú 15/3); 'ngày 15/3', 'lớp 9/2' before a name are a date and a class."""
    parts = [tokens[k].text for k in range(first, j + 1, 2)]
    date = day_and_month(parts)
    opener = first > 0 and tokens[first - 1].key in HOUSE_OPENERS
    if not opener and first > 0 and tokens[first - 1].is_word and not tokens[first - 1].is_cap:
        return False  # lớp 9/2, khu 5/12: a lower-case word that is no address's
    return opener or not date


def _city_person(tokens: list[Token], i: int, lex: Lexicon) -> int:
    """A city named after a person right after a level word (thành phố Hồ Chí Minh)."""
    run = cap_run(tokens, i, 4)
    for n in range(run, 1, -1):
        if " ".join(t.key for t in tokens[i : i + n]) in lex.city_people:
            return n
    return 0


def cap_run(tokens: list[Token], i: int, limit: int = 5) -> int:
    """Length of the run of capitalised words at ``i``."""
    k = i
    while k < len(tokens) and k - i < limit and tokens[k].is_word and tokens[k].is_cap:
        if k > i and glued_on(tokens, k):
            break  # Nông Đức Mạnh|Ban: a lost line break
        k += 1
    return k - i


def glued_on(tokens: list[Token], k: int) -> bool:
    """Whether word ``k`` is glued to the word before it with no space (a lost line break: MinhỦy)."""
    return tokens[k].start == tokens[k - 1].end and tokens[k - 1].is_word and tokens[k].is_word


def _place_words(tokens: list[Token], i: int, lex: Lexicon) -> int:
    """Up to three capitalised words of an unknown place after a level word, stopping where a
    person's full name starts (huyện Lệ Thủy | Nguyễn Văn Hải)."""
    run = cap_run(tokens, i, 3)
    for k in range(i + 1, i + run):
        if person_run(tokens, k, lex) >= 3:
            return k - i
    return run


def parse_org(tokens: list[Token], i: int, lex: Lexicon | None = None) -> NameSpan | None:
    """The organisation name starting at token ``i``, or None."""
    lex = lex or lexicon()
    if i > 0 and head_compound(tokens, i - 1, lex) > 1:
        return None  # sau ĐH: postgraduate, no university
    head = _organisers(tokens, i, match_head(tokens, i, lex.heads), lex)
    if head is None or head.kind == "-" or _modifies_noun(tokens, i, head, lex) or exam_block(tokens, i):
        return None
    j = i + len(head.words)
    if head.words == _PRIME_MINISTER and j < len(tokens) and tokens[j].is_cap and tokens[j].is_word:
        return None  # Thủ tướng Phan Văn Khải: a title before a name, not the office
    if head.national and head.kind == "PartyCommittee" and j < len(tokens):
        sub = _mass_body(tokens, j, lex)
        if sub is not None:  # Ban Chấp hành Trung ương Hội Nông dân Việt Nam: that body's committee
            part = replace(head, kind="MassOrganization", part=True, national=False, bare=False)
            return NameSpan(i, sub.j, "MassOrganization", part, sub)
    if head.national:  # one body nationwide: its name is complete (TTXVN, Bộ Chính trị)
        if j < len(tokens) and tokens[j].text == _PARTY and _after_central(tokens, j):
            j += 1  # BCH Trung ương Đảng
        j = _party_full_name(tokens, j, lex)
        if j + 1 < len(tokens) and tokens[j].text == _VIETNAM[0] and tokens[j + 1].text == _VIETNAM[1]:
            j += 2  # Ngân hàng Nhà nước Việt Nam: the same body (its key drops the country)
        return NameSpan(i, j, head.kind, head, None)
    j, components, inner = read_components(tokens, j, head, lex)
    if components == 0 and (not head.bare or _word_with_head(tokens, i, head, lex)):
        return None
    if head.placed and not _placed(tokens, i + len(head.words), j, inner, lex):
        return None  # Phòng Tổ chức alone: a division of any body, no name
    if head.placed and inner is not None and inner.kind != head.kind:
        head = replace(head, kind="Organization")  # Phòng Đào tạo Trường ĐH X: a school's division
    if head.words == (_ASSOCIATION,) and j - i == 2 and not tokens[i + 1].is_acronym:
        return None  # an association's name says more than one word (Hội Nông dân); Hội An is a town
    if match_place(tokens, i, lex) > len(head.words):
        return None  # Đài Loan, Hội An Đô thị: a known place that starts like a body
    if inner is not None and tokens[inner.i - 1].key == _OF:
        head = replace(head, part=True)  # Ban Pháp chế của HĐND tỉnh: a part of the body named after it
    return NameSpan(i, j, head.kind, head, inner)


_HEAD_COMPOUND_WORDS = frozenset(name_key(w) for w in words("head_compound_words"))


def head_compound(tokens: list[Token], k: int, lex: Lexicon) -> int:
    """Length of a dictionary word at ``k`` made of a word and a head after it, written out or
    abbreviated (sau ĐH, Sau đại học: postgraduate), 0 when none: that head opens no body."""
    if tokens[k].key not in _HEAD_COMPOUND_WORDS:
        return 0
    key, best = tokens[k].key, 0
    for m in range(k + 1, min(k + 4, len(tokens))):
        if not tokens[m].is_word:
            break
        key = f"{key} {name_key(lex.abbreviations.get(tokens[m].text, tokens[m].text))}"
        if key in lex.words:
            best = m - k + 1
    return best


def _compound(tokens: list[Token], r: _Reading, lex: Lexicon) -> int:
    """A field made of a word and a head (Phòng Sau ĐH, Vụ ĐH và sau ĐH): one component."""
    at = r.j + 1 if tokens[r.j].key == _AND and r.components else r.j
    size = head_compound(tokens, at, lex) if at < len(tokens) else 0
    if not size:
        return _NEXT
    r.j, r.components, r.after_place, r.just_nested = at + size, r.components + 1, False, False
    return _GO


_ORGANISERS = tuple(word("organising_committee").split())
_ORGANISERS_KEYS = tuple(name_key(w) for w in _ORGANISERS)
_ORGANISERS_HEAD = Head(
    _ORGANISERS, _ORGANISERS_KEYS, "Organization", True, False, False, True, False, own=True
)
_PARTY_KINDS = ("PartyCommittee", "PartyOrganization")


def _placed(tokens: list[Token], start: int, end: int, inner: NameSpan | None, lex: Lexicon) -> bool:
    """Whether a name read from ``start`` to ``end`` has a field and then its parent body (``inner``),
    or holds a level word, a numbered unit or a known place (Phòng Kinh tế quận 2)."""
    if inner is not None:
        return inner.i > start  # Trưởng phòng | Tổng Công ty X: no division's field
    return any(
        level_at(tokens, k, lex) or numbered_unit(tokens, k) or match_place(tokens, k, lex)
        for k in range(start, end)
    )


def may_open_org(tokens: list[Token], i: int, head: Head | None) -> bool:
    """False when ``parse_org`` finds no name at ``i``, seen from ``head`` (``match_head`` of the
    grammar's heads at ``i``): no head there and no organising committee (speed)."""
    return head is not None or tokens[i].key == _ORGANISERS_KEYS[0]


def _organisers(tokens: list[Token], i: int, head: Head | None, lex: Lexicon) -> Head | None:
    """An event's organising committee at ``i`` instead of ``head``: 'ban tổ chức' with 'tổ' in lower
    case, or 'Ban Tổ chức' and the event's capitalised name (Ban Tổ chức Liên hoan phim); ``head``
    when a Party committee or 'Trung ương' follows (Ban Tổ chức Tỉnh ủy: the Party's department)."""
    keys = _ORGANISERS_HEAD.keys
    j = i + len(keys)
    if j > len(tokens) or any(tokens[i + k].key != key for k, key in enumerate(keys)):
        return head
    if _party_body_at(tokens, j, lex):
        return head
    if not tokens[i + 1].is_cap or (j < len(tokens) and tokens[j].is_cap and tokens[j].is_word):
        return _ORGANISERS_HEAD
    return head


def _party_body_at(tokens: list[Token], j: int, lex: Lexicon) -> bool:
    """Whether a Party committee or 'Trung ương' is named at ``j``, in any case and after a plural
    determiner (các huyện ủy)."""
    while j < len(tokens) and tokens[j].key in _PLURAL_DETERMINERS:
        j += 1
    if j >= len(tokens):
        return False
    if tokens[j].text in _CENTRAL_ABBREVIATIONS or match_words(tokens, j, tuple(_CENTRAL)):
        return True
    return any(
        head.kind in _PARTY_KINDS and head_at(tokens, j, head) for head in lex.heads.get(tokens[j].key, ())
    )


def _word_with_head(tokens: list[Token], i: int, head: Head, lex: Lexicon) -> bool:
    """Whether a one-word head and the lower-case syllables after it are a word of the word list
    (Đảng viên, Đảng phí): a common word, not the body alone."""
    return len(head.words) == 1 and word_end(tokens, i, lex) > i + 1


def _modifies_noun(tokens: list[Token], i: int, head: Head, lex: Lexicon) -> bool:
    """Whether a head that also qualifies a noun does so at ``i``: after a content word or an
    acronym (doanh nghiệp Nhà nước, DN Nhà nước: state-owned), not after a function word,
    punctuation or the start (của Nhà nước, Đảng và Nhà nước: the state), nor after a word that takes
    the body whole (xây dựng Đảng, toàn Đảng)."""
    if i == 0 or " ".join(head.keys) not in _MODIFIER_HEADS:
        return False
    before = tokens[i - 1]
    pair = f"{tokens[i - 2].key} {before.key}" if i > 1 else ""
    if before.key in _WHOLE_BODY_WORDS or pair in _WHOLE_BODY_WORDS:
        return False
    return before.is_word and before.key not in lex.stop_words and before.key not in PREPOSITIONS


def _party_full_name(tokens: list[Token], j: int, lex: Lexicon) -> int:
    """Where a name ending with 'Đảng' at ``j - 1`` ends when the Party's full name follows
    (Ban Chấp hành Trung ương Đảng | Cộng sản Việt Nam); ``j`` when it does not."""
    if tokens[j - 1].text != _PARTY:
        return j
    party = match_head(tokens, j - 1, lex.heads)
    if party is None or party.kind != "PartyOrganization" or len(party.words) < 2:
        return j
    return j - 1 + len(party.words)


def _mass_body(tokens: list[Token], j: int, lex: Lexicon) -> NameSpan | None:
    """The mass organisation named at ``j`` (after a central committee's head), or None."""
    nested = match_head(tokens, j, lex.heads)
    if nested is None or nested.kind != "MassOrganization":
        return None
    return parse_org(tokens, j, lex)


def parse_place(tokens: list[Token], i: int, lex: Lexicon | None = None) -> NameSpan | None:
    """A named site (``Khu di tích …``) starting at ``i``, or None."""
    lex = lex or lexicon()
    head = match_head(tokens, i, lex.place_heads)
    if head is None:
        return None
    j = i + len(head.words)
    j, components, inner = read_components(tokens, j, head, lex)
    if components == 0:
        return None
    return NameSpan(i, j, "Location", head, inner)


@dataclass
class _Reading:
    """Where reading the components after a head stands."""

    j: int
    start: int  # where the name's head starts
    components: int = 0
    inner: NameSpan | None = None
    after_place: bool = False  # the last component was a place or a level word
    just_nested: bool = False  # the last component was a nested name
    subject: bool = False  # a board's subject was read (it has one: a second 'về' is the sentence's)


_GO, _STOP, _NEXT = 0, 1, 2  # read on; the name ends; this step does not apply


def _take_nested(tokens: list[Token], at: int, r: _Reading, lex: Lexicon) -> int:
    """The organisation name read from token ``at`` as the nested name of the one being read."""
    sub = parse_org(tokens, at, lex)
    if sub is None:
        return _NEXT
    r.inner, r.j = sub, sub.j
    r.components += 1
    r.after_place, r.just_nested = False, True
    return _GO


def _nested(tokens: list[Token], r: _Reading, lex: Lexicon) -> int:
    """A nested name: Ban Tuyên giáo Huyện ủy, Đảng bộ Cục Thuế tỉnh."""
    if not tokens[r.j].is_cap or r.inner is not None:
        return _NEXT
    nested = match_head(tokens, r.j, lex.heads)
    if nested is None or nested.kind == "-":
        return _NEXT
    return _take_nested(tokens, r.j, r, lex)


def _level(tokens: list[Token], r: _Reading, lex: Lexicon) -> int:
    """A level word (tỉnh, Khối) and the place it introduces (tỉnh Nam Định)."""
    unit = numbered_unit(tokens, r.j)
    if unit:  # UBND phường 12
        r.j, r.components, r.after_place = r.j + unit, r.components + 1, True
        return _GO
    level = level_at(tokens, r.j, lex)
    if not level:
        return _NEXT
    if exam_block(tokens, r.j):
        return _STOP  # thi ĐH | khối B: an entrance exam's block, no part of a name
    n = len(tokens)
    j = r.j + level
    r.components += 1
    r.after_place = True
    # lower-case pieces of proper names after a level word (Khối các cơ quan)
    if j < n and not tokens[j].is_cap and tokens[j].is_word:
        end = _lower_piece(tokens, j, lex)
        if end > j:
            j = end
    j += _level_dot(tokens, j, lex)
    # the place a level word introduces (tỉnh Nam Định), never a person (UBND tỉnh Phạm Anh Tuấn)
    word_ok = tokens[j].is_word and not tokens[j].is_acronym if j < n else False
    if word_ok and tokens[j].is_cap and not clause_opener(tokens, j):
        place = match_place(tokens, j, lex) or _city_person(tokens, j, lex)
        if place:
            j += place
        elif person_run(tokens, j, lex) < 3 and match_head(tokens, j, lex.heads) is None:
            end = word_end(tokens, j, lex)
            j = end if end > j + 1 else j + _place_words(tokens, j, lex)
    r.j = j
    return _GO


_EXAM_BLOCK = re.compile(r"[A-Z]\d?")


def exam_block(tokens: list[Token], k: int) -> bool:
    """Whether token ``k`` is 'khối' before an entrance exam's block letter (khối A, Khối D1): a
    group of exam subjects, never a bloc of bodies (Khối Doanh nghiệp)."""
    after = tokens[k + 1].text if k + 1 < len(tokens) else ""
    return tokens[k].key == _BLOC and _EXAM_BLOCK.fullmatch(after) is not None


def _level_dot(tokens: list[Token], j: int, lex: Lexicon) -> int:
    """1 when the abbreviated level word before ``j`` has its dot there and a known place follows
    (UBND TP.Đà Nẵng, Thành ủy TP. Hồ Chí Minh), else 0."""
    if j + 1 >= len(tokens) or tokens[j].text != "." or tokens[j - 1].end != tokens[j].start:
        return 0
    if not tokens[j - 1].text[:1].isupper() or not tokens[j + 1].is_cap or tokens[j + 1].is_acronym:
        return 0
    return 1 if match_place(tokens, j + 1, lex) or _city_person(tokens, j + 1, lex) else 0


def _of_parent(tokens: list[Token], r: _Reading, head: Head, lex: Lexicon) -> int:
    """'của' and the parent body a committee or department is named with (Ủy ban Tư pháp của Quốc
    hội, Ban Pháp chế của HĐND tỉnh): a nested name, as without 'của'."""
    if tokens[r.j].key != _OF or not r.components or r.inner is not None or r.after_place:
        return _NEXT
    if not any(head.keys[: len(w)] == w for w in _OF_PARENT_HEADS):
        return _NEXT
    if r.j + 1 >= len(tokens) or not tokens[r.j + 1].is_cap:
        return _NEXT
    parent = match_head(tokens, r.j + 1, lex.heads)
    if parent is None or parent.kind == "-" or parent.part:
        return _NEXT
    return _take_nested(tokens, r.j + 1, r, lex)


def _bilateral(tokens: list[Token], j: int, lex: Lexicon) -> bool:
    """Whether the dash at ``j`` joins the second country of a bilateral body's name: a known place
    follows, a capitalised word precedes, and a bilateral word (hữu nghị, hợp tác) comes shortly before."""
    if j + 1 >= len(tokens) or not tokens[j - 1].is_cap or not match_place(tokens, j + 1, lex):
        return False
    before = " ".join(t.key for t in tokens[max(0, j - 6) : j])
    return any(f" {w} " in f" {before} " for w in _BILATERAL)


def _about(tokens: list[Token], r: _Reading, head: Head, lex: Lexicon) -> int:
    """'về' and the subject a committee or steering board is named by (Ban Chỉ đạo quốc gia về
    chuyển đổi số, Ủy ban Quốc gia về người cao tuổi), after a lower-case scope word or none."""
    if (r.after_place and r.components > 1) or r.just_nested or r.subject:
        return _NEXT  # a place as the only proper part may come before (Trung tâm Đông Á về …)
    if " ".join(head.keys) not in _ABOUT_HEADS:
        return _NEXT
    k = r.j
    scope = next((len(w) for w in _ABOUT_SCOPES if tuple(t.key for t in tokens[k : k + len(w)]) == w), 0)
    opener = _subject_opener(tokens, k + scope, head)
    if not opener:
        return _NEXT
    if not (scope or r.components or len(head.words) > 1):
        return _NEXT  # 'Ủy ban về …': the word 'committee', no name
    end = _subject_end(tokens, k + scope + opener, lex)
    if end == k + scope + opener:
        return _NEXT
    r.j, r.components, r.subject = end, r.components + 1, True
    return _GO


def _subject_opener(tokens: list[Token], k: int, head: Head) -> int:
    """Length of what opens a board's subject at ``k``: 'về', or for a steering board 'phòng
    chống' / 'phòng, chống' (Ban Chỉ đạo phòng chống thiên tai, Ban Chỉ đạo Phòng, chống tham
    nhũng); 0 when none."""
    if k >= len(tokens):
        return 0
    if tokens[k].key == _ABOUT:
        return 1
    if len(head.words) < 2 or (tokens[k].is_cap and tokens[k].key != _PREVENT[0]):
        return 0  # 'Phòng chống' may be capitalised (Ban Chỉ đạo Phòng chống lụt bão)
    if k + 2 < len(tokens) and tokens[k + 1].text == "," and tokens[k + 2].key == _PREVENT[1]:
        return 3 if tokens[k].key == _PREVENT[0] else 0
    return 2 if tuple(t.key for t in tokens[k : k + 2]) == tuple(_PREVENT) else 0


def _subject_end(tokens: list[Token], j: int, lex: Lexicon) -> int:
    """End of a board's subject at ``j``: lower-case words (with 'và' and the commas of a list
    between them), acronyms and their year (APEC 2006); it ends at a verb, a function word,
    other punctuation or a capitalised name."""
    k, end = j, j
    while k < len(tokens) and k - j < _SUBJECT_WORDS:
        tok = tokens[k]
        if tok.is_word and not tok.is_cap:
            if (
                (tok.key in lex.stop_words and tok.key != _AND)
                or _stop_at(tokens, k, lex)
                or level_at(tokens, k, lex)
            ):
                break
            k += _two_syllables(tokens, k, lex) or 1  # chuyển giao: 'giao' alone would be a verb
            end = k if tok.key != _AND else end
        elif tok.is_acronym and _place_acronym(tok, lex):
            return k + 1  # Ban Chỉ đạo phòng chống dịch cúm gia cầm TPHCM: the place closes the name
        elif tok.is_acronym or (tok.is_number and k > j and tokens[k - 1].is_acronym):
            k = end = k + 1
        elif tok.text == "," and k + 1 < len(tokens) and tokens[k + 1].is_word and not tokens[k + 1].is_cap:
            k += 1
        else:
            break
    return end


def _place_acronym(tok: Token, lex: Lexicon) -> bool:
    """Whether an acronym abbreviates a place (TPHCM: thành phố Hồ Chí Minh), with its level word."""
    keys = name_key(lex.abbreviations.get(tok.text, "")).split()
    tails = (" ".join(keys[n:]) for n in range(min(len(keys), 3)))
    return any(tail in lex.places or tail in lex.city_people for tail in tails)


def _two_syllables(tokens: list[Token], k: int, lex: Lexicon) -> int:
    """2 when tokens ``k`` and ``k + 1`` form a lower-case word-list word, no stop word, else 0."""
    if k + 1 >= len(tokens) or tokens[k + 1].is_cap or not tokens[k + 1].is_word:
        return 0
    key = f"{tokens[k].key} {tokens[k + 1].key}"
    return 2 if key in lex.words and key not in lex.stop_words else 0


def _connector(tokens: list[Token], r: _Reading, head: Head, lex: Lexicon) -> int:
    """'và', '-', ',' or '&': a second domain (Ban Kinh tế - Ngân sách), else the end."""
    tok = tokens[r.j]
    if tok.text not in _CONNECTORS and tok.key != "&":
        return _NEXT
    if (r.components or len(head.words) > 1) and _joins_domain(tokens, r.j, head, lex):
        r.j += 1
        return _GO
    nxt = tokens[r.j + 1] if r.j + 1 < len(tokens) else None
    if (
        r.components
        and nxt is not None
        and nxt.is_word
        and not nxt.is_cap
        and (end := _domain_end(tokens, r.j, lex))
    ):
        r.j = end  # Sở Kế hoạch và đầu tư: a table domain in lower case
        return _GO
    if r.components and not (r.after_place or r.just_nested) and joins_field(tokens, r.j, head, lex):
        r.j += 1  # Công ty Cơ khí và Xây lắp, Đài Phát thanh - Truyền hình
        return _GO
    if _foreign_fields(r, head) and _fields_to_country(tokens, r.j + 1, lex):
        r.j += 1  # Bộ Kinh tế, Thương mại và Công nghiệp Nhật Bản: one foreign ministry
        return _GO
    if r.components and tok.text in "-–" and _bilateral(tokens, r.j, lex):
        r.j += 1  # Hội Hữu nghị Việt Nam - Lào: the second country
        return _GO
    if _descriptive(r, head, _FIELD_AND_HEADS) and lower_field_after(tokens, r.j, lex):
        end = _tail_end(tokens, r.j + 1, lex)
        if end > r.j + 1:
            r.j = end  # Trung tâm Quản lý và điều hành giao thông
            return _GO
    # Bộ Tài nguyên - môi trường: a hyphen joins a lower-case second domain, never after the
    # parent body the name ends with (Ủy ban X của Quốc hội | - cơ quan thẩm tra: an apposition)
    if r.components and not r.just_nested and tok.text in "-–" and head.words[0] in _HYPHEN_HEADS:
        end = _lower_word(tokens, r.j + 1, lex)
        if end > r.j + 1:
            r.j = end
            return _GO
    return _STOP


_FIELDS_TOKENS = 10  # the tokens of a foreign ministry's fields after its first one, and more


def _fields_to_country(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """Whether capitalised fields joined by ',' and 'và' run from ``k`` to a foreign country (Thương
    mại và Công nghiệp | Nhật Bản): a foreign ministry's fields, not a list of Vietnamese ministries
    with their head left out (Bộ Thương mại và Tài chính); no head nor person may stand among them."""
    start, field = k, False
    while k < len(tokens) and k - start < _FIELDS_TOKENS:
        tok = tokens[k]
        if tok.text == "," or (tok.key == _AND and not tok.is_cap):
            k, field = k + 1, False
        elif not (tok.is_word and tok.is_cap) or match_head(tokens, k, lex.heads):
            return False
        elif person_run(tokens, k, lex):
            return False
        elif field and _foreign_country(tokens, k, lex):
            return True
        else:
            k, field = word_end(tokens, k, lex), True
    return False


_SEAT = name_key(word("seat"))
_HOME_COUNTRY = frozenset(name_key(w) for w in words("home_country"))


def _seat(tokens: list[Token], r: _Reading, lex: Lexicon) -> int:
    """'tại' and where a body named with a country sits: one name (Đại sứ quán Việt Nam tại Lào,
    Hiệp hội Doanh nghiệp Nhật Bản tại Hà Nội, tại TPHCM); a body of no country leaves it out."""
    country = _country_before(tokens, r.j, lex) if tokens[r.j].key == _SEAT and r.after_place else ""
    if not country:
        return _NEXT
    k = r.j + 1
    k += level_at(tokens, k, lex) if k < len(tokens) else 0
    if k >= len(tokens) or not tokens[k].is_cap:
        return _NEXT
    place = match_place(tokens, k, lex) or int(tokens[k].is_acronym and _place_acronym(tokens[k], lex))
    if not place or (country == _HOME and not _foreign_country(tokens, k, lex)):
        return _NEXT  # Tổng Công ty Đường sắt Việt Nam | tại Đà Nẵng: a branch, not a seat abroad
    r.j, r.components, r.after_place = k + place, r.components + 1, True
    return _GO


_HOME, _FOREIGN = "home", "foreign"


def _country_before(tokens: list[Token], j: int, lex: Lexicon) -> str:
    """Which country ends right before token ``j``: _HOME (Việt Nam), _FOREIGN or '' (none)."""
    for n in (1, 2, 3):
        if j - n >= 0 and match_place(tokens, j - n, lex) == n:
            if _key_of(tokens, j - n, n) in _HOME_COUNTRY:
                return _HOME
            return _FOREIGN if _foreign_country(tokens, j - n, lex) else ""
    return ""


def _foreign_fields(r: _Reading, head: Head) -> bool:
    """Whether a ministry's or a department's name being read may take more fields (not after its
    country: Bộ Ngoại giao Việt Nam | và Nhật Bản)."""
    after = r.after_place or r.just_nested
    return bool(r.components) and not after and head.words[0] in _TABLE_DOMAIN_HEADS


def _foreign_country(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """Whether a country of ``world.tsv`` (outside Việt Nam) is named at ``k``."""
    n = match_place(tokens, k, lex)
    return bool(n) and " ".join(t.key for t in tokens[k : k + n]) in world_words()["places"]


def _descriptive(r: _Reading, head: Head, heads: frozenset[str] | None = None) -> bool:
    """Whether the name being read may go on in lower case: a descriptive head (or one of ``heads``)
    after a proper part."""
    heads = _DESCRIPTOR_HEADS if heads is None else heads
    return bool(r.components) and not (r.after_place or r.just_nested) and head.words[0] in heads


def _number(tokens: list[Token], r: _Reading, head: Head, lex: Lexicon) -> int:
    """Ban Chỉ đạo 35 Tỉnh ủy, Chi bộ 3, Sư đoàn 304, Bệnh viện Nhi Đồng 2, Trường Dân lập số 2; not a
    count or a date after the name (Công ty X 6 người, Bệnh viện X 3 năm qua, Công ty X 15-3)."""
    named = r.components or len(head.words) > 1
    k = r.j + 1 if tokens[r.j].key == _NUMBER_WORD and named and r.j + 1 < len(tokens) else r.j
    tok = tokens[k]
    if not (tok.is_number and head.words[0] in _NUMBERED_HEADS and len(tok.text) <= 3):
        return _NEXT
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if nxt is not None and nxt.text in ".,/-–" and k + 2 < len(tokens) and tokens[k + 2].is_number:
        return _STOP  # 1.700 hồ sơ: a count after the name, not its number; 15-3, 15/3: a date
    if not head.person and street_after_number(tokens, k + 1, lex):
        return _STOP  # Công ty X | 45 Lê Lợi: the body's address (Trường cấp 3 Lê Lợi: a school's name)
    always = " ".join(head.words) in _ALWAYS_NUMBERED and r.components == 0
    if (
        always
        or nxt is None
        or not nxt.is_word
        or nxt.is_cap
        or not _counts(tokens, k + 1)
        or level_at(tokens, k + 1, lex)
    ):
        r.j = k + 1  # Công ty CIENCO 6 | vừa trúng thầu, Bệnh viện Nhi Đồng 1 | điều trị
        r.components += 1
        return _GO
    return _STOP


def street_after_number(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """Whether a street named after someone starts at ``k`` right after a house number (45 | Lê
    Lợi, 11 | Lê Hồng Phong): a person's full name that no head opens."""
    if k >= len(tokens) or not after_house_number(tokens, k):
        return False
    return person_run(tokens, k, lex) >= 2 and match_head(tokens, k, lex.heads) is None


def _counts(tokens: list[Token], k: int) -> bool:
    """Whether a word a number counts starts at ``k`` (người, năm, hồ sơ)."""
    if tokens[k].key in _COUNT_WORDS:
        return True
    return k + 1 < len(tokens) and f"{tokens[k].key} {tokens[k + 1].key}" in _COUNT_WORDS


def counted_number(tokens: list[Token], k: int, lex: Lexicon, lower: bool = False) -> bool:
    """Whether the number at ``k`` counts the word after it rather than closing the capitalised
    name before it (Tam Đảo | 3 ngày, Cát Bà | 2 ngày 1 đêm): a count word follows, then no
    number unless it counts too (X 3 | năm 2004 is a date); the word before is capitalised and
    no level or head word (phường 3, Chi bộ 3, Bệnh viện Nhi Đồng 2 | điều trị keep theirs), or
    ``lower``: a name in lower case (trường tiểu học | 1 buổi)."""
    if k < 1 or k + 1 >= len(tokens) or not tokens[k].is_number or not tokens[k].text.isdigit():
        return False
    before = tokens[k - 1]
    if not (before.is_cap or lower) or before.key in lex.levels or before.text in _NUMBERED_HEADS:
        return False
    if not _counts(tokens, k + 1):
        return False
    two = k + 2 < len(tokens) and f"{tokens[k + 1].key} {tokens[k + 2].key}" in _COUNT_WORDS
    after = k + (3 if two else 2)
    if after >= len(tokens) or not tokens[after].is_number:
        return True
    return after + 1 < len(tokens) and _counts(tokens, after + 1)  # 2 ngày 1 đêm: counts, no date


_NUMERAL_WORDS = frozenset(name_key(w) for w in words("numeral_words"))
_ROMAN = re.compile(r"[IVXLC]{1,6}")


def numeral_of_before(tokens: list[Token], i: int) -> bool:
    """Whether the token at ``i`` is the numeral of the word before it (Đại hội lần XII | Đảng bộ
    TP, khóa 9): a Roman numeral or a number after lần, thứ, khóa, kỳ, đợt."""
    if i < 1 or i >= len(tokens) or tokens[i - 1].key not in _NUMERAL_WORDS:
        return False
    return tokens[i].is_number or _ROMAN.fullmatch(tokens[i].text) is not None


def written_once(tokens: list[Token], i: int, j: int) -> int:
    """The end of the span [i, j) written once when its words are one capitalised name written
    twice (Cologne Cologne, Quảng Bình Quảng Bình: a heading glued to the lead); ``j`` otherwise."""
    n = j - i
    if n < 2 or n % 2 or not all(tok.is_word and tok.is_cap for tok in tokens[i:j]):
        return j
    half = i + n // 2
    same = all(a.text == b.text for a, b in zip(tokens[i:half], tokens[half:j], strict=True))
    return half if same else j


def _lower(tokens: list[Token], r: _Reading, head: Head, lex: Lexicon) -> int:
    """Lower-case words bridging two capitalised parts (Ủy ban An toàn giao thông Quốc gia), or a
    descriptive tail (Trung tâm Y tế dự phòng); else the end."""
    j = r.j
    kind = _school_kind(tokens, j) if head.person and not r.after_place else 0
    if kind:
        r.j = j + kind  # Trường THPT chuyên | Lê Quý Đôn
        return _GO
    end = _bridge_end(tokens, j, lex) if r.components and not r.after_place else j
    if (
        end == j
        and (r.components or len(head.words) > 1)  # Ban Chỉ đạo phòng, chống tham nhũng tỉnh
        and not r.after_place
        and not r.just_nested
        and head.words[0] in _DESCRIPTOR_HEADS
    ):
        # right after the head, the tail still needs a place, a level or a proper part
        # after it to make a name (Bệnh viện đa khoa Kiên Giang): 'Công ty chúng tôi' is none
        end = _tail_end(tokens, j, lex)  # Trung tâm Y tế dự phòng, Hội Nạn nhân chất độc da cam
    if end > j:
        r.j = end
        return _GO
    return _STOP


def _school_kind(tokens: list[Token], j: int) -> int:
    """Length of a school's kind in lower case at ``j`` that a capitalised name follows (chuyên,
    dân lập), 0 when none."""
    for kind in _SCHOOL_KINDS:
        k = j + len(kind)
        if k < len(tokens) and match_words(tokens, j, kind) and tokens[k].is_cap and tokens[k].is_word:
            return len(kind)
    return 0


def _capitalised(tokens: list[Token], r: _Reading, head: Head, lex: Lexicon) -> int:
    """A capitalised component: an acronym, a name inside a name, a place, or a word-list word."""
    j = r.j
    tok = tokens[j]
    closed, r.after_place, r.just_nested = r.after_place or r.just_nested, False, False
    if closed and not head.person and person_run(tokens, j, lex) >= 2:
        return _STOP  # Sở Xây dựng Đà Nẵng | Lê Minh: a person after the place or body that closes the name
    if _after_central(tokens, j) and tok.text not in _AFTER_CENTRAL_OK:
        return _STOP  # a name ends at 'Trung ương' (Ban Tuyên giáo T.Ư Hồng Vinh: a person follows)
    if r.components and _opens_clause(tokens, j, lex):
        return _STOP  # Hội Hoa Xuân | Đã thành, ĐH Quốc gia TPHCM | Tiến sĩ Nguyễn Văn A: a lost full stop
    if tok.is_acronym:
        if head.kind == "Location" and tok.text not in lex.abbreviations:
            return _STOP
        r.j, r.components = j + 1, r.components + 1
        return _GO
    run = person_run(tokens, j, lex)
    namesake = next((n for n in (4, 3, 2) if _key_of(tokens, j, n) in lex.name_people), 0)
    if namesake and head.person:
        r.j, r.components = j + namesake, r.components + 1  # ĐH Tôn Đức Thắng | Lê Văn A: the namesake
        return _GO
    if run >= 3 and head.person and r.components and _post_before(tokens, r.start, lex):
        return _STOP  # Hiệu trưởng Trường THPT Hoa Lư | Trần Văn Bình: the post's holder
    if run >= 3 and not head.person:
        if " ".join(t.key for t in tokens[j : j + run]) not in lex.name_people:
            return _STOP
        r.j, r.components = j + run, r.components + 1  # Đoàn TNCS Hồ Chí Minh
        return _GO
    place = match_place(tokens, j, lex)
    if place and word_end(tokens, j, lex) <= j + place:  # Ban Pháp chế is no Ban of France
        r.j, r.components, r.after_place = j + place, r.components + 1, True
        return _GO
    r.j, r.components = _hyphen_syllables(tokens, word_end(tokens, j, lex)), r.components + 1
    return _GO


def _key_of(tokens: list[Token], j: int, n: int) -> str:
    """The key of the ``n`` tokens at ``j`` ('' past the end)."""
    return " ".join(t.key for t in tokens[j : j + n]) if j + n <= len(tokens) else ""


def _opens_clause(tokens: list[Token], j: int, lex: Lexicon) -> bool:
    """Whether the capitalised word at ``j`` opens a clause or a person's name inside a sentence: a
    predicate word (Đã, Có) or a degree or honorific of two words (Tiến sĩ, Bác sĩ)."""
    if tokens[j].key in _PREDICATE_MARKERS or tokens[j].key in _CLAUSE_WORDS:
        return True
    return j + 1 < len(tokens) and f"{tokens[j].text} {tokens[j + 1].text}" in lex.honorifics


_UNIT_WORDS = 4  # the words of a unit between a post and its body (Trưởng phòng | Công tác chính trị)


def _post_before(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    """Whether a post title ends right before token ``i`` (Hiệu trưởng | Trường …), or with the
    unit it heads between (Trưởng phòng Đào tạo | ĐH …: words, no punctuation nor head)."""
    for s in range(max(0, i - 4 - _UNIT_WORDS), i):
        size = match_title(tokens, s, lex)
        if size and (s + size == i or (s + size < i and _unit_words(tokens, s + size, i, lex))):
            return True
    return False


def _unit_words(tokens: list[Token], k: int, i: int, lex: Lexicon) -> bool:
    """Whether tokens [k, i) are at most four words naming a unit: no punctuation, no head."""
    return i - k <= _UNIT_WORDS and all(
        tokens[m].is_word and match_head(tokens, m, lex.heads) is None for m in range(k, i)
    )


def _hyphen_syllables(tokens: list[Token], j: int) -> int:
    """Where a transliterated word whose lower-case syllables are glued on by hyphens ends
    (Sô | -cô-la, Xanh | -pê-téc-bua); ``j`` when none follow."""
    while (
        j + 1 < len(tokens)
        and tokens[j].text == "-"
        and tokens[j - 1].end == tokens[j].start == tokens[j + 1].start - 1
        and tokens[j + 1].is_word
        and not tokens[j + 1].is_cap
    ):
        j += 2
    return j


def _glued_number(tokens: list[Token], j: int) -> bool:
    """A list number glued to the word before it (Ban Kinh tế Trung ương3.): never part of a name."""
    return tokens[j].is_number and j > 0 and tokens[j - 1].end == tokens[j].start and tokens[j - 1].is_word


def clause_opener(tokens: list[Token], j: int) -> bool:
    """Whether a capitalised verb or document type opening a clause starts at ``j`` (Trình bày, Tờ trình),
    a whole word (not Kế hoạch in Kế hoạch hóa gia đình)."""
    if not tokens[j].is_cap or tokens[j].key not in _CLAUSE_FIRSTS:
        return False
    for w in _CLAUSE_OPENERS:
        if match_words(tokens, j, w):
            return word_end(tokens, j, lexicon()) <= j + len(w)
    return False


def read_components(
    tokens: list[Token], j: int, head: Head, lex: Lexicon
) -> tuple[int, int, NameSpan | None]:
    """Consume the components after a head: (end, how many, first nested name)."""
    r = _Reading(j, j - len(head.words))
    while r.j < len(tokens):
        if (r.components or head.bare) and clause_opener(tokens, r.j):
            break  # Sở Tài chính | Trình bày Tờ trình; Ban Tổ chức, Sở Kế hoạch keep their first word
        state = _compound(tokens, r, lex)
        if state == _NEXT:
            state = _nested(tokens, r, lex)
        if state == _NEXT:
            state = _level(tokens, r, lex)
        if state == _NEXT:
            state = _of_parent(tokens, r, head, lex)
        if state == _NEXT:
            state = _about(tokens, r, head, lex)
        if state == _NEXT:
            state = _seat(tokens, r, lex)
        if state == _NEXT:
            state = _connector(tokens, r, head, lex)
        if state == _NEXT and (not tokens[r.j].is_word or _glued_number(tokens, r.j)):
            state = _STOP
        if state == _NEXT:
            state = _number(tokens, r, head, lex)
        if state == _NEXT:
            state = (_capitalised if tokens[r.j].is_cap else _lower)(tokens, r, head, lex)
        if state == _STOP:
            break
    return r.j, r.components, r.inner


_HYPHEN_HEADS = words("hyphen_heads")
_OF = word("of")
_TABLE_DOMAIN_HEADS = frozenset(words("table_domain_heads"))

_ABOUT = word("about")
_SCHOOL_KINDS = sorted((tuple(w.split()) for w in words("school_kinds")), key=len, reverse=True)
_BILATERAL = tuple(name_key(w) for w in words("bilateral"))
_ABOUT_HEADS = frozenset(name_key(w) for w in words("about_heads"))
_ABOUT_SCOPES = tuple(tuple(name_key(w).split()) for w in words("about_scopes"))
#: How many tokens a board's subject may hold (Ban Chỉ đạo … về phòng, chống tham nhũng, tiêu cực)
_SUBJECT_WORDS = 12
_OF_PARENT_HEADS = tuple(tuple(name_key(w).split()) for w in words("of_parent_heads"))
_AFTER_CENTRAL_OK = words("after_central_ok")


#: Heads whose names may carry a number (Chi bộ 3, Ban Chỉ đạo 35, Sư đoàn 304)
_NUMBERED_HEADS = frozenset(words("numbered_heads"))
_ALWAYS_NUMBERED = frozenset(words("always_numbered"))
_COUNT_WORDS = frozenset(name_key(w) for w in words("count_words"))
_NUMBER_WORD = name_key(word("number_word"))
#: Heads whose names often go on in lower case (Trung tâm Y tế dự phòng tỉnh)
_DESCRIPTOR_HEADS = frozenset(words("descriptor_heads"))
#: ... and those that go on only with 'và' and a lower-case second field (ĐH Khoa học xã hội và nhân văn)
_FIELD_AND_HEADS = _DESCRIPTOR_HEADS | frozenset(words("school_field_heads"))
_DOMAIN_TOKENS = 16  # the longest table domain, in tokens after its first connector, and more
_MODIFIER_HEADS = frozenset(name_key(w) for w in words("modifier_heads"))
_WHOLE_BODY_WORDS = frozenset(name_key(w) for w in words("whole_body_words"))  # xây dựng Đảng
_BOUNDARY = frozenset({",", ";", ")", "(", "-", "–"})
_TAIL_WORDS = 5  # lower-case words of a name's tail (Trung tâm Dự báo khí tượng thủy văn quốc gia)
_LIST_WORDS = frozenset(name_key(w) for w in words("list_words"))
_TAIL_SCOPES = tuple((name_key(w), len(w.split())) for w in words("tail_scopes"))


def _tail_end(tokens: list[Token], j: int, lex: Lexicon) -> int:
    """End of up to five lower-case words that close a name at a boundary: punctuation, a level
    word, a capitalised word, a verb or function word (``Cục Xúc tiến thương mại và``) or a number
    ending the name (Tổng Công ty Xây dựng công trình giao thông 5); 'và' may join two of them
    (Công ty Dịch vụ hàng hải và du lịch)."""
    k = j
    for _ in range(_TAIL_WORDS):
        if k > j and lower_field_after(tokens, k, lex):
            k += 1  # hàng hải | và du lịch
        end = _lower_word(tokens, k, lex)
        if end == k and _is_phong_chong(tokens, k):
            end = k + 3  # 'phòng, chống': the usual spelling of 'phòng chống'
        if end == k:
            break
        k = end
        if k >= len(tokens) or tokens[k].text in _BOUNDARY or level_at(tokens, k, lex):
            return k
        if any(_key_of(tokens, k - n, n) == w for w, n in _TAIL_SCOPES):
            return k  # Bệnh viện Nhi trung ương | để điều trị: a scope ends the name
        if tokens[k].is_cap and tokens[k].is_word:
            return k
        if _stop_at(tokens, k, lex):
            return k
        if _closing_number(tokens, k, lex):
            return k + 1
    return j


def lower_field_after(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """Whether the 'và' or '&' at ``k`` joins a lower-case second field of a name: a word-list word
    follows that is no body's word nor a list's (doanh nghiệp, các: the rest of a list)."""
    if tokens[k].key not in (_AND, "&") or tokens[k].is_cap or k + 1 >= len(tokens):
        return False
    nxt = k + 1
    if (
        _lower_word(tokens, nxt, lex) == nxt
        or match_title(tokens, nxt, lex)
        or honorific_len(tokens, nxt, lex)  # thượng tá Lê Văn A: a person's rank
        or _LIST_WORDS.intersection(key for _, key in _lower_keys(tokens, nxt, 2))
    ):
        return False
    return not any(head_at(tokens, nxt, h) for h in lex.heads.get(tokens[nxt].key, ()))


def honorific_len(tokens: list[Token], i: int, lex: Lexicon) -> int:
    """Tokens of the honorific or rank at ``i`` (ông, bà, đồng chí, thượng tá…), 0 when none."""
    if i + 1 < len(tokens) and f"{tokens[i].text} {tokens[i + 1].text}" in lex.honorifics:
        return 2
    return 1 if tokens[i].text in lex.honorifics else 0


def _closing_number(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """Whether the number at ``k`` ends a name: short, and followed by punctuation, the end or a verb."""
    if not (tokens[k].is_number and len(tokens[k].text) <= 3):
        return False
    if k + 1 >= len(tokens):
        return True
    nxt = tokens[k + 1]
    if not nxt.is_word:
        return nxt.text not in "./-–," or k + 2 >= len(tokens) or not tokens[k + 2].is_number
    return not nxt.is_cap and _stop_at(tokens, k + 1, lex)


def _is_phong_chong(tokens: list[Token], k: int) -> bool:
    return (
        k + 2 < len(tokens)
        and tokens[k].key == _PREVENT[0]
        and tokens[k + 1].text == ","
        and tokens[k + 2].key == _PREVENT[1]
        and not tokens[k].is_cap
    )


#: Words that open a predicate: what comes before them is the subject, a whole name.
_PREDICATE_MARKERS = frozenset(words("predicate_markers"))
_CLAUSE_WORDS = frozenset(words("clause_words"))  # capitalised in a name, they open a clause (Có)


def _stop_at(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """Whether token ``k`` starts what follows a whole name: a predicate marker (``đã``,
    ``được``), a verb of two or more syllables from the stop list (``công bố``), or
    ``và``/``cùng`` before a capitalised name."""
    if tokens[k].key in _DOMAIN_JOINERS:
        return k + 1 < len(tokens) and tokens[k + 1].is_cap and tokens[k + 1].is_word
    if tokens[k].key in _PREDICATE_MARKERS:
        return True
    return any(" " in key and key in lex.stop_words for _, key in _lower_keys(tokens, k, 3))


def _bridge_end(tokens: list[Token], j: int, lex: Lexicon) -> int:
    """End of one or two lower-case words at ``j`` that a capitalised name part follows, else ``j``."""
    k = j
    for _ in range(2):
        end = k
        for m, key in _lower_keys(tokens, k):
            if key in lex.stop_words:
                return j
            if " " in key and key in lex.words:
                end = m + 1
        if end == k:
            return j
        k = end
        if k < len(tokens) and tokens[k].is_word and tokens[k].is_cap and not tokens[k].is_acronym:
            if match_head(tokens, k, lex.heads) is None and not person_run(tokens, k, lex):
                return k
    return j


def _after_central(tokens: list[Token], j: int) -> bool:
    """Whether token ``j`` follows 'Trung ương' / 'T.Ư' / 'TW'."""
    if j >= 1 and tokens[j - 1].text in _CENTRAL_ABBREVIATIONS:
        return True
    return j >= 2 and tokens[j - 2].key == _CENTRAL[0] and tokens[j - 1].key == _CENTRAL[1]


def _lower_word(tokens: list[Token], j: int, lex: Lexicon) -> int:
    """End of the longest lower-case word-list word starting at ``j`` (``j`` when none)."""
    end = j
    for m, key in _lower_keys(tokens, j):
        if " " in key and key in lex.words and key not in lex.stop_words:
            end = m + 1
    return end


def _lower_keys(tokens: list[Token], j: int, limit: int = 4) -> Iterator[tuple[int, str]]:
    """(m, key of tokens j..m) for the run of up to ``limit`` lower-case words at ``j``."""
    key = ""
    for m in range(j, min(j + limit, len(tokens))):
        if not tokens[m].is_word or tokens[m].is_cap:
            return
        key = f"{key} {tokens[m].key}".strip()
        yield m, key


def _lower_piece(tokens: list[Token], j: int, lex: Lexicon) -> int:
    """End of a lower-case name piece (``các cơ quan``) starting at ``j``, else ``j``."""
    best = j
    for k, key in _lower_keys(tokens, j):
        if key in lex.words and len(key.split()) >= 2 and key.split()[0] in _LOWER_PIECE_STARTS:
            best = k + 1
    return best


def joins_field(tokens: list[Token], j: int, head: Head, lex: Lexicon) -> bool:
    """Whether the 'và', '&' or '-' at ``j`` joins a second field of one name: a capitalised common
    word of two or more syllables follows (Xây lắp, Truyền hình), no head, place, person or title.
    Not after an acronym, nor a ministry's or department's 'và' (their domains are in a table: the
    rest is a second body with its head left out: Bộ Thương mại và [Bộ] Tài chính); never a dash
    glued to the word before it only (a list's separator: Trường ĐH X- Đào tạo ĐH)."""
    before, tok = tokens[j - 1], tokens[j]
    if tok.text == "," or not before.is_word or before.is_acronym:
        return False
    if tok.text in "-–" and before.end == tok.start and j + 1 < len(tokens) and tok.end < tokens[j + 1].start:
        return False
    if tok.text not in "-–" and head.words[0] in _TABLE_DOMAIN_HEADS:
        return False
    nxt = j + 1
    if nxt >= len(tokens) or not tokens[nxt].is_cap or not tokens[nxt].is_word or tokens[nxt].is_acronym:
        return False
    nested = match_head(tokens, nxt, lex.heads)
    if (nested is not None and nested.kind != "-") or person_run(tokens, nxt, lex):
        return False  # a phrase listed as no body (Phòng ngừa: prevent) may be a field
    if match_place(tokens, nxt, lex) or match_title(tokens, nxt, lex) or clause_opener(tokens, nxt):
        return False
    return word_end(tokens, nxt, lex) > nxt + 1


def _joins_domain(tokens: list[Token], j: int, head: Head, lex: Lexicon) -> bool:
    """Whether the connector at ``j`` joins two parts of one name (not a list of names)."""
    nxt = j + 1
    if nxt >= len(tokens) or not tokens[nxt].is_cap or not tokens[nxt].is_word:
        return False
    if match_head(tokens, nxt, lex.heads) is not None or person_run(tokens, nxt, lex):
        return False
    if match_title(tokens, nxt, lex):
        return False  # Sở Y tế - Trưởng ban …: a post follows
    if _domain_end(tokens, j, lex):
        return True  # the domain of a ministry or department, as one name: Văn hóa, Thể thao và Du lịch
    return tokens[j].text == "-" and head.words[0] in _HYPHEN_DOMAIN_HEADS


def _domain_end(tokens: list[Token], j: int, lex: Lexicon) -> int:
    """End of the table domain (``domains.txt``) the connector at ``j`` is inside of, written in any
    case and with '&' for 'và' (Nông nghiệp & phát triển nông thôn); 0 when none."""
    start = j - 1
    while start > 0 and (
        (tokens[start - 1].is_word or tokens[start - 1].text in (",", "-"))
        and not match_head(tokens, start - 1, lex.heads)
    ):
        if not tokens[start - 1].is_cap and tokens[start - 1].key in (_AND,):
            break
        start -= 1
        if j - start > 6:
            break
    firsts, lasts = _domain_edges(lex.domains)
    ends = [  # a domain ends at a word: 'Văn hóa - thông tin,' leaves its comma (a list goes on)
        end
        for end in range(j + 2, min(j + _DOMAIN_TOKENS, len(tokens) + 1))
        if tokens[end - 1].is_word and _may_edge(tokens[end - 1], lasts, -1)
    ]
    best = 0
    for begin in range(start, j) if ends else ():
        if not _may_edge(tokens[begin], firsts, 0):
            continue
        for end in ends:
            phrase = " ".join(_AND if t.key == "&" else t.text for t in tokens[begin:end]).replace(" ,", ",")
            if " ".join(name_key(phrase).replace("-", " ").split()) in lex.domains:
                best = max(best, end)
    return best


@lru_cache(maxsize=4)
def _domain_edges(domains: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The first and the last words of the table domains' keys."""
    keys = [d.split() for d in domains]
    return frozenset(k[0] for k in keys if k), frozenset(k[-1] for k in keys if k)


@lru_cache(maxsize=65536)
def _edge_words(text: str) -> tuple[str, ...]:
    """The words a token adds to a stretch's key, keyed as ``_domain_end`` keys the stretch."""
    return tuple(name_key(text).replace("-", " ").split())


def _may_edge(token: Token, edges: frozenset[str], side: int) -> bool:
    """Whether a stretch whose key starts (``side`` 0) or ends (-1) with ``token`` may be a table
    domain: its word there is one of ``edges``, or the token adds no word (the stretch's neighbour
    decides)."""
    key = _edge_words(_AND if token.key == "&" else token.text)
    return not key or key[side] in edges


def match_title(tokens: list[Token], i: int, lex: Lexicon) -> int:
    """Length of a post title at ``i`` (0 when none)."""
    for title in lex.titles.get(tokens[i].key, ()):
        if match_words(tokens, i, title):
            return len(title)
    return 0


def preceded_by_preposition(tokens: list[Token], i: int) -> bool:
    """Whether the mention at token ``i`` is a complement (after 'ở', 'của', 'đối với'…)."""
    k = i - 1
    while k >= 0 and tokens[k].key in _PLURAL_DETERMINERS:
        k -= 1
    if k < 0:
        return False
    if tokens[k].key in PREPOSITIONS:
        return True
    return k >= 1 and f"{tokens[k - 1].key} {tokens[k].key}" in _COMPLEMENT_PAIRS
