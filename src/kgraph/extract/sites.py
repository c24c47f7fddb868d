"""Names that open with a lower-case common word (``data/sites.tsv``).

A site, a road or a building is its word and the name after it, one place: ``sông Sài Gòn``,
``đường Nguyễn Huệ`` (a street named after a person is no person), ``quốc lộ 1A``, ``hẻm 42 Lê
Văn Sỹ``, ``cầu Rạch Chiếc 2``, ``chung cư Phạm Viết Chánh``. A body's head written in lower case
before the body's proper name is the body (``công ty du lịch Sao Mai``, ``trường THPT Lê Quý
Đôn``), read by the organisation grammar as if capitalised.

A street address: a house number and the street after it are one place (``25 Lê Văn Sỹ``,
``48/12 Hoàng Diệu``, ``15 - 17 Hai Bà Trưng``, ``12 bis Nguyễn Thị Diệu``, ``1234 đường Láng``).

The mention is the house number and the street; the ward, district and city written after it
(``, P.12, Q.4, TP.HCM``, ``- Q.3 - TP.HCM``, ``, Ba Đình, Hà Nội``) stay places of their own, and
the address is also named with them, up to each unit (``add_address_forms``): newspapers write
an address with as many of its units as the reader needs. The address ends where no unit
follows: a phone number, ``ĐT:``, a parenthesis, a word that is no place's.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..model import Entity
from ..text import LEVEL_LETTERS, name_key
from .gazetteer import units
from .lexicon import Head, first_words, key_words, lexicon, words
from .names import (
    GLUED_UNIT,
    HOUSE_OPENERS,
    HOUSE_WORDS,
    NUMBERED_LETTERS,
    NameSpan,
    day_and_month,
    level_at,
    match_head,
    match_place,
    match_title,
    match_words,
    numbered_unit,
    parse_org,
    person_run,
    preceded_by_preposition,
    word_end,
)
from .state import Found, Group, SentenceState
from .tokens import Token, tokenize
from .world import mentions_inside


@dataclass(frozen=True)
class SiteWord:
    """A lower-case word that opens a site's name, and what may follow it."""

    keys: tuple[str, ...]
    person: bool  # a person's name may follow (đường Nguyễn Huệ)
    number: bool  # a number alone may name it (quốc lộ 1A)
    address: bool  # a number and a name may name it (hẻm 42 Lê Văn Sỹ)
    of_place: bool  # before a unit's name alone it says where, not which (núi Hướng Hóa)
    of_district: bool  # ... before a province's, a district's or a country's (trường Singapore)
    kind: str = "Location"  # the class of what it names (a school: EducationalInstitution)
    kinds: bool = False  # words that say its kind may follow (khu bảo tồn thiên nhiên X)
    holds: bool = False  # it may be named after a site it holds (cầu sông Hàn)
    capital: bool = False  # written with a capital it still opens a name (Hội trường X, Dinh X)


@dataclass(frozen=True)
class SiteTable:
    sites: dict[str, tuple[SiteWord, ...]]  # first key -> site words starting with it, longest first
    bodies: frozenset[str]  # keys of the lower-case words that open a body's head
    units: frozenset[str]  # keys of the measures a number may stand before (km, tầng)
    number_words: frozenset[str]  # keys of the words before a road's number (đường số 4)
    many: frozenset[str]  # keys of the words that count what follows (nhiều, một số): no one thing
    kinds: frozenset[tuple[str, ...]]  # words after a site's word that say its kind (thiên nhiên)
    regions: frozenset[str]  # keys of the words before a compass word that name a region (miền)
    compass: frozenset[str]  # keys of the compass words (bắc, nam, trung, đông, tây)


_SITE_KINDS = {"site": "Location", "school": "EducationalInstitution"}


@lru_cache(maxsize=1)
def site_table() -> SiteTable:
    """The table of ``kgraph/data/sites.tsv``."""
    text = (resources.files("kgraph") / "data" / "sites.tsv").read_text(encoding="utf-8")
    sites: dict[str, list[SiteWord]] = {}
    bodies, measures, numbers, many = set(), set(), set(), set()
    kinds: set[tuple[str, ...]] = set()
    regions, compass = set(), set()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        phrase, use, *rest = line.split("\t")
        key = name_key(phrase)
        flags = set(rest[0].split(",")) if rest else set()
        if use in _SITE_KINDS:
            site = SiteWord(
                tuple(key.split()),
                *("person" in flags, "number" in flags, "address" in flags, "of_place" in flags),
                "of_district" in flags,
                kind=_SITE_KINDS[use],
                kinds="kinds" in flags,
                holds="holds" in flags,
                capital="capital" in flags,
            )
            sites.setdefault(site.keys[0], []).append(site)
        elif use == "body":
            bodies.add(key)
        elif use == "unit":
            measures.add(key)
        elif use == "number":
            numbers.add(key)
        elif use == "many":
            many.add(key)
        elif use == "kind":
            kinds.add(tuple(key.split()))
        elif use == "region":
            regions.add(key)
        elif use == "compass":
            compass.add(key)
    ordered = {k: tuple(sorted(v, key=lambda s: -len(s.keys))) for k, v in sites.items()}
    b, u, n, m, r, c = (frozenset(x) for x in (bodies, measures, numbers, many, regions, compass))
    return SiteTable(ordered, b, u, n, m, frozenset(kinds), r, c)


_PLURAL = frozenset(words("plural"))
_MANY = _PLURAL | frozenset(words("plural_determiners"))


def _site_word(st: SentenceState, k: int) -> SiteWord | None:
    """The site word at ``k`` that is no part of a longer word (yêu cầu, thành phố): in lower case,
    or with a capital where the word may be so written (Hội trường, Dinh, Ga) after no capital."""
    tokens = st.tokens
    tok = tokens[k]
    if (tok.is_cap and tok.key not in _capital_words()) or not st.free(tok.start):
        return None
    site = next((s for s in site_table().sites.get(tok.key, ()) if match_words(tokens, k, s.keys)), None)
    if site is not None and tok.is_cap and not (site.capital and not (k and tokens[k - 1].is_cap)):
        return None  # Sông Bé, Chợ Lớn: a place's name; Lê Văn Dinh Hải: a person's
    if site is not None and len(site.keys) == 1 and _in_word(tokens, k, st):
        return None
    if site is not None and _counted(tokens, k):
        return None  # 5 trường Polytechnic, các trường Singapore: many, no one site
    return site


def _counted(tokens: list[Token], k: int) -> bool:
    """Whether a number or a word that counts stands before ``k`` (5, các, nhiều, một số)."""
    if not k:
        return False
    before = tokens[k - 1]
    return before.is_number or before.key in _MANY or before.key in site_table().many


def _in_word(tokens: list[Token], k: int, st: SentenceState) -> bool:
    """Whether the word at ``k`` ends a word that starts before it (yêu cầu, thành phố, cơ sở)."""
    return k > 0 and f"{tokens[k - 1].key} {tokens[k].key}" in st.lex.words


def _proper(tok: Token) -> bool:
    return tok.is_word and tok.is_cap and not tok.is_acronym


def _name_run(tokens: list[Token], j: int, st: SentenceState) -> int:
    """Capitalised words of a site's name at ``j``, two runs joined by a hyphen (kênh Nhiêu Lộc-Thị
    Nghè, đường Sơn Trà - Điện Ngọc) unless a known place stands alone after it (phố Hàng Thùng -
    Hà Nội); 0 when the name would end inside a word (đường Chi nhánh …: no name)."""
    end = _words_run(tokens, j, st)
    if end > j and end + 1 < len(tokens) and tokens[end].text in "-–" and _proper(tokens[end + 1]):
        after = _words_run(tokens, end + 1, st)
        if after > end + 1 and match_place(tokens, end + 1, st.lex) != after - end - 1:
            end = after
    if end > j and word_end(tokens, end - 1, st.lex) > end:
        return 0
    return end - j


def _words_run(tokens: list[Token], j: int, st: SentenceState) -> int:
    """End of up to four capitalised words at ``j``, before a level word (Quận 1), a body's head,
    a site's word written with a capital (Dinh X Dinh X: a heading glued to the lead) or a person's
    full name."""
    k = j
    capitals = _capital_words()
    while k < len(tokens) and k - j < 4 and _proper(tokens[k]):
        if k > j and (level_at(tokens, k, st.lex) or match_head(tokens, k, st.lex.heads)):
            break
        if k > j and tokens[k].key in capitals and _capital_site_at(tokens, k):
            break
        if k > j and person_run(tokens, k, st.lex) >= 3:
            break
        k += 1
    return k


@lru_cache(maxsize=1)
def _capital_words() -> frozenset[str]:
    """The first words of the sites' words that may be written with a capital (hội, dinh, ga)."""
    return frozenset(k for k, sites in site_table().sites.items() if any(s.capital for s in sites))


def _capital_site_at(tokens: list[Token], k: int) -> bool:
    """Whether a site's word that may be written with a capital starts at ``k`` (Dinh, Hội trường;
    not Thành of Long Thành, nor Bến of Bến Thành)."""
    sites = site_table().sites.get(tokens[k].key, ())
    return any(s.capital and match_words(tokens, k, s.keys) for s in sites)


def _code(tok: Token) -> bool:
    """A road's or a site's number: 15, 1A, 38B, M2 (a letter and digits)."""
    text = tok.text
    return tok.is_word and len(text) <= 4 and any(c.isdigit() for c in text) and text.isalnum()


def _measure(tokens: list[Token], k: int) -> bool:
    """Whether a measure (km, tầng, hải lý) starts at ``k``."""
    measures = site_table().units
    if k >= len(tokens) or tokens[k].is_cap:
        return False
    pair = f"{tokens[k].key} {tokens[k + 1].key}" if k + 1 < len(tokens) else ""
    return tokens[k].key in measures or pair in measures


def _number_ok(tokens: list[Token], k: int) -> bool:
    """Whether the code at ``k`` is a name's number, not a measure (6 km), a date or a decimal."""
    if k + 1 >= len(tokens):
        return True
    nxt = tokens[k + 1]
    if nxt.text in "/.,%" and k + 2 < len(tokens) and tokens[k + 2].is_number:
        return False
    return not _measure(tokens, k + 1)


def _site_name(st: SentenceState, j: int, site: SiteWord) -> int:
    """Tokens of the proper name of a site at ``j`` (0 when none): a number for a road, a known
    place, a person's name where the site may bear one, else a run of capitalised words; then
    a number that tells two sites of one name apart (cầu Rạch Chiếc 2)."""
    tokens, lex = st.tokens, st.lex
    if j >= len(tokens):
        return 0
    k = j
    numbered = k + 1 < len(tokens) and tokens[k + 1].is_number
    if site.number and numbered and tokens[k].key in site_table().number_words:
        k += 1  # quốc lộ số 1
    if (site.number or site.address) and _code(tokens[k]) and _number_ok(tokens, k):
        n = 0
        if k + 1 < len(tokens) and _proper(tokens[k + 1]) and match_head(tokens, k + 1, lex.heads) is None:
            n = max(person_run(tokens, k + 1, lex), _name_run(tokens, k + 1, st))  # hẻm 42 Lê Văn Sỹ
        if n or site.number:
            return _numbered(tokens, k + 1 + n) - j
        return 0
    if not _proper(tokens[k]) or len(tokens[k].text) < 2 or match_head(tokens, k, lex.heads) is not None:
        return 0  # trường A: a letter stands for any school
    person = person_run(tokens, k, lex)
    if person >= 3:
        n = _person_name(tokens, k, person, st) if site.person else 0
    else:
        place = match_place(tokens, k, lex)  # vịnh Hạ Long | Ngô Hùng; khu tập thể Thanh Xuân Bắc
        person_after = place and person_run(tokens, k + place, lex) >= 2
        n = place if person_after else max(place, _name_run(tokens, k, st))
    return _numbered(tokens, k + n) - j if n else 0


def _person_name(tokens: list[Token], k: int, n: int, st: SentenceState) -> int:
    """The ``n`` capitalised words of a person's name at ``k`` a site bears, cut before a level word,
    a body's head or a known place (đường Nguyễn Văn Cừ | Quận 5, trường Lê Quý Đôn | Hà Nội) and
    before a word its last syllable starts (chung cư Ngô Gia Tự | Mô hình: a new sentence)."""
    lex = st.lex
    for m in range(k + 2, k + n):
        if level_at(tokens, m, lex) or match_head(tokens, m, lex.heads) or match_place(tokens, m, lex):
            return m - k
    if word_end(tokens, k + n - 1, lex) > k + n:
        return n - 1
    return n


def _numbered(tokens: list[Token], end: int) -> int:
    """``end``, or past the short number after a name that tells two sites of one name apart
    (cầu Rạch Chiếc 2), not a measure (đảo Phú Quý 20 hải lý, quảng trường Sông 4 mặt)."""
    tok = tokens[end] if end < len(tokens) else None
    if tok is not None and tok.is_number and len(tok.text) <= 2 and _number_ok(tokens, end):
        return end + 1
    return end


def _past_kinds(tokens: list[Token], j: int) -> int:
    """``j``, or past up to two words at ``j`` that say a site's kind (khu bảo tồn | thiên nhiên,
    khu di tích | lịch sử văn hóa, sân bay | quốc tế)."""
    kinds = site_table().kinds
    for _ in range(2):
        size = next((n for n in (2, 1) if tuple(t.key for t in tokens[j : j + n]) in kinds), 0)
        if not size or tokens[j].is_cap:
            break
        j += size
    return j


def _named(st: SentenceState, k: int, site: SiteWord) -> tuple[int, int]:
    """Where the name of the site whose word is at ``k`` starts and its tokens (0 when none): after
    the words that say its kind, a proper name, or a site it is named after with that site's name
    (khu du lịch sinh thái hồ Tuyền Lâm, cầu sông Hàn)."""
    j = _past_kinds(st.tokens, k + len(site.keys)) if site.kinds else k + len(site.keys)
    n = _site_name(st, j, site)
    inner = _site_word(st, j) if site.holds and not n and j < len(st.tokens) else None
    if inner is not None and inner.kind == "Location":
        m = _site_name(st, j + len(inner.keys), inner)
        n = len(inner.keys) + m if m else 0
    return j, n


@lru_cache(maxsize=1)
def _site_openers() -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """The site words of one word, and the first two words of the longer ones (hội trường)."""
    words = [s.keys for sites in site_table().sites.values() for s in sites]
    return frozenset(w[0] for w in words if len(w) == 1), frozenset((w[0], w[1]) for w in words if len(w) > 1)


def rule_sites(st: SentenceState) -> None:
    """Named sites with their lower-case word: sông Sài Gòn, chợ Vĩnh Long, đường Nguyễn Huệ.
    A place or person found inside the name (Sài Gòn) gives way to the site."""
    if not st.may_hold(_site_triggers()):
        return  # no word a site's word starts with (speed)
    tokens = st.tokens
    ones, pairs = _site_openers()
    for k in range(len(tokens) - 1):
        key = tokens[k].key
        if key not in ones and (key, tokens[k + 1].key) not in pairs:
            continue  # most words open no site (hội, đồng, cao open hội trường, đồng bằng, cao nguyên)
        site = _site_word(st, k)
        if site is None:
            continue
        j, n = _named(st, k, site)
        name = st.text[tokens[j].start - st.base : tokens[j + n - 1].end - st.base] if n else ""
        bare = name.rstrip("0123456789 ")
        if not n or (site.of_place and (match_place(tokens, j, st.lex) == n or units(bare))):
            continue  # núi Hướng Hóa: the mountains of a district, no name
        if site.of_district and (match_place(tokens, j, st.lex) == n or district_or_above(bare)):
            continue  # trường Singapore: a school of a country
        start, end = tokens[k].start, tokens[j + n - 1].end
        inside = mentions_inside(st, start, end)
        if inside is None or any(f.group not in (Group.PLACE, Group.PERSON) for f in inside):
            continue
        st.found = [f for f in st.found if not any(f is g for g in inside)]
        f = Found(start, end, st.text[start - st.base : end - st.base], Group.PLACE, site.kind, st.index)
        f.subject_ok = False  # a place is where, never who
        if site.kind != "Location":  # a school: a body whose head is the site's word, may act
            words = tuple(t.text for t in tokens[k:j])
            f.group, f.head = Group.ORG, Head(words, site.keys, site.kind, *(False,) * 4, True)
            f.subject_ok = not preceded_by_preposition(tokens, k)
        st.add(f)


@lru_cache(maxsize=1)
def _region_words() -> tuple[str, ...]:
    """The region words as written in a sentence (miền, Miền, MIỀN): most sentences hold none."""
    return tuple(sorted(w for key in site_table().regions for w in (key, key.capitalize(), key.upper())))


def _region_name(st: SentenceState, j: int) -> int:
    """Tokens of a region's name at ``j`` after its region word, 0 when none: a capitalised compass
    word (alone, the tagger reads it) with the region or the country it is of (miền Bắc | Trung Bộ,
    miền Nam | Việt Nam, miền Bắc | Thái Lan, never the old province Bắc Thái), or a region's name
    that starts with one (miền Tây Nam Bộ); not a province's or a district's (Tây Ninh)."""
    tokens, lex = st.tokens, st.lex
    compass = site_table().compass
    if j >= len(tokens) or not tokens[j].is_cap or tokens[j].key not in compass:
        return 0
    after = 1 + match_place(tokens, j + 1, lex) if j + 1 < len(tokens) else 1
    whole = match_place(tokens, j, lex)
    if whole > after and not units(st.text[tokens[j].start - st.base : tokens[j + whole - 1].end - st.base]):
        return whole
    return after if after > 1 else 0  # miền Trung alone: the tagger's to read


def rule_regions(st: SentenceState) -> None:
    """Regions named by a region word, a compass word and the region or country it is of (miền Tây
    Nam Bộ, miền Nam Việt Nam): one place, which replaces the places read inside it, the tagger's
    too (Tây Nam Bộ, Việt Nam, miền Nam); none inside a body's name (Mặt trận Dân tộc Giải phóng
    miền Nam Việt Nam)."""
    text = st.text
    if not any(w in text for w in _region_words()):
        return
    tokens, regions = st.tokens, site_table().regions
    for k, tok in enumerate(tokens[:-1]):
        if tok.key not in regions or tok.start in st.blocked:
            continue
        n = _region_name(st, k + 1)
        if not n:
            continue
        start, end = tok.start, tokens[k + n].end
        inside = mentions_inside(st, start, end)
        if inside is None or any(f.group is not Group.PLACE for f in inside):
            continue
        st.found = [f for f in st.found if not any(f is g for g in inside)]
        _add_place(st, k, k + n + 1)


def _capitalised(tokens: list[Token], k: int) -> list[Token]:
    """``tokens`` with token ``k`` written with a capital (the head of a body in lower case)."""
    tok = tokens[k]
    capital = Token(tok.start, tok.end, tok.text[:1].upper() + tok.text[1:], tok.key)
    return [*tokens[:k], capital, *tokens[k + 1 :]]


def _lower_body(st: SentenceState, k: int) -> NameSpan | None:
    """The body whose head is written in lower case at ``k`` before its proper name, or None:
    the name must hold a capitalised word, an acronym or a number after the head (công ty chúng
    tôi is none), be more than a country's or a place's name (công ty Nhật Bản: any company of
    Japan), and end where the capitalised words end."""
    tokens, lex = st.tokens, st.lex
    if _counted(tokens, k):
        return None  # các công ty Mỹ, một số sở: no one body
    capital = _capitalised(tokens, k)
    head = match_head(capital, k, lex.heads)
    if head is None or head.kind == "-" or head.national:
        return None
    span = parse_org(capital, k, lex)
    if span is None:
        return None
    proper = (m for m in range(k + len(head.words), span.j) if tokens[m].is_cap or tokens[m].is_number)
    first = next(proper, -1)
    if first < 0 or match_place(tokens, first, lex) == span.j - first:
        return None
    if span.j < len(tokens) and _proper(tokens[span.j]):
        return None  # bệnh viện TW Huế: the name goes on past what the grammar reads
    return span


@lru_cache(maxsize=1)
def _site_triggers() -> frozenset[str]:
    return key_words(site_table().sites)


@lru_cache(maxsize=2)
def _body_triggers(firsts: frozenset[str]) -> frozenset[str]:
    return key_words(firsts)


@lru_cache(maxsize=2)
def _first_words(keys: frozenset[str]) -> frozenset[str]:
    """The first words of ``keys`` (công of công ty): ``_body_word`` is 0 at any other word."""
    return first_words(keys)


def _body_word(tokens: list[Token], k: int, bodies: frozenset[str]) -> int:
    """Tokens of the word of the table's bodies (công ty, tổng công ty, trường) at ``k``, 0 when none."""
    key = ""
    for n, tok in enumerate(tokens[k : k + 3], 1):
        key = f"{key} {tok.key}".strip()
        if key in bodies:
            return n
    return 0


def rule_lower_bodies(st: SentenceState) -> None:
    """Bodies whose head is written in lower case before their name (công ty du lịch Sao Mai)."""
    tokens = st.tokens
    bodies = site_table().bodies
    firsts = _first_words(bodies)
    if not st.may_hold(_body_triggers(firsts)):
        return  # no word a body's head starts with (speed)
    after = 0  # where the body last read ends: the next may start there
    opening = [k for k, t in enumerate(tokens[:-1]) if t.key in firsts and t.is_word and not t.is_cap]
    for k in opening:  # most words open no body: only these are read
        tok = tokens[k]
        size = _body_word(tokens, k, bodies) if k >= after and st.free(tok.start) else 0
        if not size or (size == 1 and _in_word(tokens, k, st)):
            continue  # cơ sở, thị trường: no body
        span = _lower_body(st, k)
        if span is None or any(not st.free(t.start) for t in tokens[k : span.j]):
            continue
        start, end = tok.start, tokens[span.j - 1].end
        text = st.text[start - st.base : end - st.base]
        f = Found(start, end, text, Group.ORG, span.kind, st.index, span.head)
        f.subject_ok = not preceded_by_preposition(tokens, k)
        st.add(f)
        after = span.j


def _bare_name(text: str) -> str:
    """A site's proper name without its word (đường Trần Phú -> Trần Phú), '' when none."""
    tokens = tokenize(text)
    if not tokens:
        return ""
    sites = site_table().sites.get(tokens[0].key, ())
    site = next((s for s in sites if match_words(tokens, 0, s.keys)), None)
    if site is None or len(tokens) <= len(site.keys):
        return ""
    return text[tokens[len(site.keys)].start :]


def district_or_above(name: str, rank: int = 3) -> bool:
    """Whether a province or a district bears ``name`` (many wards and communes share a street's);
    with ``rank`` 2, a province or a city."""
    ranks = lexicon().level_ranks
    return any(ranks.get(name_key(unit.level), 4) <= rank for unit in units(name))


def add_site_names(found: list[Found], entities: dict[str, Entity]) -> None:
    """A site's proper name without its word is an alias of the site (đường Trần Phú, written
    Trần Phú in an address), unless it names something else: a province, a district or a known
    place (cầu Sài Gòn; a commune's name is many streets' too), a person in a name (Hồ Chí Minh),
    another entity of the article, another site of the article (chợ Mễ Cốc, bến Mễ Cốc: the name
    alone says neither), one syllable (sông Hồng) or a number (hẻm 42)."""
    lex = lexicon()
    taken = {name_key(n) for e in entities.values() for n in (e.label, *e.aliases)}
    bare_names = {f.key: _bare_name(f.text) for f in found if f.rule == "sites" and f.key in entities}
    sites_of: dict[str, set[str]] = {}
    for site, bare in bare_names.items():
        sites_of.setdefault(name_key(bare), set()).add(site)
    extra: dict[str, set[str]] = {}
    for site, bare in bare_names.items():
        key = name_key(bare)
        if len(key.split()) < 2 or bare[0].isdigit() or key in taken or len(sites_of[key]) > 1:
            continue  # sông Hồng: one syllable names many things; chợ and bến Mễ Cốc: which?
        if key in lex.places or key in lex.name_people or district_or_above(bare):
            continue
        extra.setdefault(site, set()).add(bare)
    for key, forms in extra.items():
        entities[key] = entities[key].with_aliases(forms)


# --- street addresses ------------------------------------------------------------------------

_PART = re.compile(r"\d{1,4}[A-Za-z]{0,2}|[A-Z]\d{1,3}")  # 25, 7B, 21b, A02 (239/A02)
_BEFORE = frozenset(",:;(-–")  # an address opens a list item, a clause, a parenthesis
_JOINS = frozenset("/-–")  # 48/12, 15 - 17, 2A-4A
_STREETS = frozenset(name_key(w) for w in words("address_street_words"))  # 611 đường Nguyễn Trãi
_NUMBER_WORD = re.compile(r"\d[A-Za-z]{0,2}\s+(\w)")  # 25 Lê…, 7B Trần…, 12 bis…, 611 đường…
_DIGIT_AT = re.compile(r".?\d")  # a number's first or second character: 25, A2
_SEPARATOR = re.compile(r"[ \t]*(?:[,\-–_][ \t]*)?")


def _opens(tokens: list[Token], k: int) -> bool:
    """Whether a house number may start at ``k``: first in the sentence, after a list's or a
    clause's mark, or after a word that opens an address (ở, tại, số)."""
    if k == 0:
        return True
    before = tokens[k - 1]
    if before.text in _JOINS and k > 1 and _PART.fullmatch(tokens[k - 2].text):
        return False  # 127-129: the range's second number
    return before.text in _BEFORE or before.key in HOUSE_OPENERS


def _year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and text[:2] in ("19", "20")


def _house_number(tokens: list[Token], k: int) -> int:
    """End of the house number at ``k`` (48/12, 15 - 17, 2A-4A, 7B, 12 bis), ``k`` when none; a
    day and a month (15/3) and a year (1975) are none."""
    if not _PART.fullmatch(tokens[k].text) or _year(tokens[k].text):
        return k
    parts, j = [tokens[k].text], k + 1
    while j + 1 < len(tokens) and tokens[j].text in _JOINS and _PART.fullmatch(tokens[j + 1].text):
        parts.append(tokens[j + 1].text)
        j += 2
        if len(parts) > 4:
            return k
    if any(_year(p) for p in parts):
        return k  # 1-2006: a month
    if day_and_month(parts) and (k == 0 or tokens[k - 1].key not in HOUSE_OPENERS):
        return k  # 15/3, 12-2: a date
    if j < len(tokens) and (tokens[j].key in HOUSE_WORDS or _letter(tokens, j)):
        j += 1  # 12 bis, 34 B Nguyễn Thị Minh Khai
    return j


def _letter(tokens: list[Token], j: int) -> bool:
    """A single capital letter after a number and before a street's capitalised name (34 B Lê Lợi)."""
    tok = tokens[j]
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    return len(tok.text) == 1 and tok.is_cap and nxt is not None and nxt.is_cap and len(nxt.text) > 1


def _street(st: SentenceState, i: int) -> int:
    """End of the street's name at ``i`` (a run of capitalised words, or đường and a name or a
    number), ``i`` when none: no level word, body, title or province opens it, and it ends before
    a unit (Q.3, P4, quận 1) or a city or province after it (Lê Lợi | Quy Nhơn)."""
    tokens, lex = st.tokens, st.lex
    if i >= len(tokens):
        return i
    j = i
    if tokens[i].key in _STREETS and i + 1 < len(tokens):
        j = i + 1
        if tokens[j].is_number or _PART.fullmatch(tokens[j].text):
            return j + 1  # 18 đường 105
    if not tokens[j].is_cap or level_at(tokens, j, lex) or _unit_at(tokens, j):
        return i
    if match_head(tokens, j, lex.heads) or match_title(tokens, j, lex):
        return i
    k = _street_run(st, j)
    if k == j and tokens[j].is_acronym and _unit_next(st, j + 1):
        k = j + 1  # A2-3 XVNT, P25: an abbreviated street before its unit
    if k < len(tokens) and tokens[k].is_number and len(tokens[k].text) <= 2 and _unit_next(st, k + 1):
        k += 1  # 430 Bàu Cát 8, P.14: a numbered street
    if k == j or (k == j + 1 and j == i and not _unit_next(st, k)):
        return i  # 5 USD, 500 Trường: one word is a street's only before its unit (190 Pasteur, Q.3)
    if word_end(tokens, k - 1, lex) > k:
        return i  # 25 Tết Nguyên đán: the name ends inside a word
    place = match_place(tokens, j, lex) == k - j
    if place and not any(st.lex.level_ranks.get(name_key(u.level), 4) >= 3 for u in units(_text(st, j, k))):
        return i  # 2 Hà Nội, 12 Việt Nam: a count of a province's or a country's
    return k


def _text(st: SentenceState, i: int, j: int) -> str:
    return st.text[st.tokens[i].start - st.base : st.tokens[j - 1].end - st.base]


def _street_run(st: SentenceState, j: int) -> int:
    """End of the capitalised words of a street's name at ``j``: up to six, before a unit, a
    level word or a city (Lê Lợi | Quy Nhơn); an acronym only in a name all in capitals (LY THAI
    TO) or with a number (CMT8): 200 Trường | ĐHSP, 5 | USD."""
    tokens, lex = st.tokens, st.lex
    capitals = all(t.is_word and t.text.isupper() for t in tokens[j : j + 2]) and j + 1 < len(tokens)
    k = j
    while k < len(tokens) and k - j < 6 and tokens[k].is_word and tokens[k].is_cap:
        tok = tokens[k]
        if tok.is_acronym and not capitals and not any(c.isdigit() for c in tok.text):
            break
        if k > j and (level_at(tokens, k, lex) or _unit_at(tokens, k) or _city_at(st, k)):
            break
        k += 1
    return k


def _unit_next(st: SentenceState, k: int) -> bool:
    """Whether a unit follows ``k`` across a comma or a dash (190 Pasteur, Q.3; Láng - quận Đống Đa)."""
    tokens = st.tokens
    if k + 1 >= len(tokens) or tokens[k].text not in ",-–":
        return False
    after = k + 1
    return _unit_at(tokens, after) or level_at(tokens, after, st.lex) + numbered_unit(tokens, after) > 0


def _unit_at(tokens: list[Token], k: int) -> bool:
    """A unit's level letter: Q.3, P.Bến Nghé, F.8, or glued P4, Q10."""
    tok = tokens[k]
    if GLUED_UNIT.fullmatch(tok.text):
        return True
    return tok.text in NUMBERED_LETTERS and k + 1 < len(tokens) and tokens[k + 1].text == "."


def _city_at(st: SentenceState, k: int) -> bool:
    """A district, a city or a province of two words or more named at ``k`` up to the end of the
    capitalised run (Lê Lợi | Quy Nhơn; Lương Thế Vinh is a street's name)."""
    tokens = st.tokens
    n = match_place(tokens, k, st.lex)
    if n < 2 or (k + n < len(tokens) and tokens[k + n].is_word and tokens[k + n].is_cap):
        return False
    return district_or_above(st.text[tokens[k].start - st.base : tokens[k + n - 1].end - st.base])


def rule_addresses(st: SentenceState) -> None:
    """House numbers and their streets: 25 Lê Văn Sỹ, 48/12 Hoàng Diệu, 15 - 17 Hai Bà Trưng. A
    place, a site or a person found inside gives way (the street is no person)."""
    if not any(m.group(1).isupper() or m.group(1) in "bđp" for m in _NUMBER_WORD.finditer(st.text)):
        return  # most sentences: no number before a capital (or bis, đường, phố)
    tokens = st.tokens
    numbers = [k for k, tok in enumerate(tokens[:-1]) if _DIGIT_AT.match(tok.text)]
    k = 0
    for k0 in numbers:
        if k0 < k or not st.free(tokens[k0].start):
            continue
        k, tok = k0, tokens[k0]
        i = _house_number(tokens, k)
        end = _street(st, i) if i > k else i
        if end > i and not _opens(tokens, k) and not (tokens[k - 1].is_cap and _unit_next(st, end)):
            end = i  # after a name, only an address written with its unit (Fiditour 127-129 Lê Lợi, Q.1)
        if end == i:
            k += 1
            continue
        start, stop = tok.start, tokens[end - 1].end
        inside = mentions_inside(st, start, stop)
        if inside is None or any(f.group not in (Group.PLACE, Group.PERSON) for f in inside):
            k += 1
            continue
        st.found = [f for f in st.found if not any(f is g for g in inside)]
        _add_place(st, k, end)
        k = end
        if k < len(tokens) and tokens[k].is_cap and _city_at(st, k) and st.free(tokens[k].start):
            k += match_place(tokens, k, st.lex)  # 88 Lê Lợi Quy Nhơn: the city, a place of its own
            _add_place(st, end, k, "address_city")


def _add_place(st: SentenceState, i: int, j: int, rule: str = "") -> None:
    start, stop = st.tokens[i].start, st.tokens[j - 1].end
    f = Found(start, stop, st.text[start - st.base : stop - st.base], Group.PLACE, "Location", st.index)
    f.subject_ok = False  # a place is where, never who
    st.add(f, rule=rule)


def _unit_after(text: str, end: int, places: dict[int, Found]) -> int:
    """End of the place found right after ``end`` across a comma, a dash or a space, -1 when none."""
    gap = _SEPARATOR.match(text, end)
    at = gap.end() if gap else end
    place = places.get(at)
    if place is not None:
        return place.end
    glued = _GLUED_UNIT.match(text, at)
    after = text[glued.end() : glued.end() + 1] if glued else ""
    if glued and not (after.isdigit() or after.islower()):
        return glued.end()  # Q5, p13, F.8 (Q3ĐT: a line break lost), not Q123 or Q1a
    level = _level_prefix().match(text, at)
    place = places.get(level.end()) if level else None
    return place.end if place is not None else -1  # quận Gò Vấp, Q.Phú Nhuận: the place after its level


_LETTERS = "".join(sorted(NUMBERED_LETTERS))
_GLUED_UNIT = re.compile(f"[{_LETTERS}{_LETTERS.lower()}]\\.?[ \t]?\\d{{1,2}}")  # Q5, p13, F.8


@lru_cache(maxsize=1)
def _level_prefix() -> re.Pattern[str]:
    """A level word or its abbreviation, written before a unit's name (quận, thành phố, TP., Q.)."""
    levels = sorted((w for w in lexicon().levels if len(w) > 1), key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in levels)
    letters = "".join(sorted(LEVEL_LETTERS))
    return re.compile(rf"(?:(?i:{alternatives})\.?|[{letters}]\.)[ \t]*")


_NUMBER_WORDS = sorted((name_key(w) for w in words("address_number_words")), key=len, reverse=True)


def _number_word(text: str, start: int) -> str:
    """The word written before an address's number (số 9 Phan Bội Châu, nhà số 62), '' when none."""
    before = " ".join(text[max(0, start - 12) : start].split()[-2:])
    return next((w for w in _NUMBER_WORDS if name_key(before).endswith(w)), "")


def _address_forms(f: Found, text: str, places: dict[int, Found], starts: list[int]) -> set[str]:
    """The names of the address ``f``: its house number and street alone, and with each unit
    written after it (found inside the mention or right after it), with the word số before them
    where the text writes it (``starts``: the places' offsets in order, so an address reads only
    the places inside it, not every place of the article)."""
    inside = [places[at] for at in starts[bisect_right(starts, f.start) : bisect_left(starts, f.end)]]
    street = min((p.start for p in inside), default=f.end)
    ends = [f.end, street, *(p.end for p in inside)]
    end = f.end
    for _ in range(5):
        end = _unit_after(text, end, places)
        if end < 0:
            break
        ends.append(end)
    forms = {" ".join(text[f.start : e].split()).rstrip(" ,-–_") for e in ends if e >= street}
    word = _number_word(text, f.start)
    if word:
        forms |= {f"{text[f.start - len(word) - 1 : f.start - 1]} {form}" for form in forms}
    return forms


def add_address_forms(found: list[Found], entities: dict[str, Entity], text: str) -> None:
    """An address is also named by its house number and street alone and with the units written
    after it, up to each (25 Lê Văn Sỹ, 25 Lê Văn Sỹ - Q.3, 25 Lê Văn Sỹ - Q.3 - TP.HCM): the
    units are the places found right after it, one after another across a comma, a dash or a space."""
    places = {f.start: f for f in found if f.group is Group.PLACE}
    starts = sorted(places)
    extra: dict[str, set[str]] = {}
    for f in found:
        if f.rule == "addresses" and f.key in entities:
            extra.setdefault(f.key, set()).update(_address_forms(f, text, places, starts))
    for key, forms in extra.items():
        entity = entities[key]
        forms.discard(entity.label)
        entities[key] = entity.with_aliases(forms)
