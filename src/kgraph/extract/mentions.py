"""Find every mention in an article: organisations, places, people and their posts,
documents, campaigns and quantities, sentence by sentence.

Text inside quotation marks that is a title or a slogan (after phong trào, chủ đề, Chỉ thị …,
or short, with no speech cue) is read only for campaigns and document titles, never for
organisations or people; quoted speech (after a colon or a speech verb, or a whole sentence
inside the marks: rules.is_speech) is read like plain text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import name_key
from .documents import DocMention, of_at, read_after, title_at
from .events import find_events
from .gazetteer import level_initial, level_tiers, place_spellings, spelling_key
from .lexicon import Head, Lexicon, first_words, key_words, lexicon
from .lexicon import word as _word
from .lexicon import words as _words
from .names import (
    GLUED_UNIT,
    NUMBERED_OPENERS,
    NameSpan,
    cap_run,
    exam_block,
    level_at,
    match_head,
    match_place,
    match_title,
    may_open_org,
    numbered_unit,
    parse_org,
    parse_place,
    person_run,
    preceded_by_preposition,
    read_components,
    written_once,
)
from .people import find_people
from .state import Found, Group, SentenceState, Spans, token_at
from .tokens import Token

_CAMPAIGN_CUE = re.compile(
    _word("campaign_cue_re"),
    re.I,
)
_NOT_CAMPAIGN = re.compile(_word("not_campaign_re"), re.I)
_LIST_GAP = re.compile(_word("list_gap_re"))
_QUANTITY = re.compile(
    r"(?<![\w.,/-])(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)\s*(%|[^\W\d_][\w]*(?:\s+[^\W\d_][\w]*){0,3})"
)
_QUANTITY_STOP = frozenset(_words("quantity_stop"))


_MANY, _YOUTH_UNION = _words("many_bodies"), _word("youth_union_short")
_YOUTH_UNION_WORDS = key_words([_YOUTH_UNION])
_MANY_UNITS = frozenset(name_key(w) for w in _words("many_units"))
_RESOLUTION, _AND = _word("resolution"), _word("and")
_PLACE_LEVELS, _TWO_WORD_LEVELS = _words("place_levels"), _words("two_word_levels")


def _span_found(span: NameSpan, st: SentenceState, group: Group, rule: str) -> Found:
    start = st.tokens[span.i].start
    end = st.tokens[span.j - 1].end
    inner = _span_found(span.inner, st, Group.ORG, rule) if span.inner else None
    bare = span.head is not None and span.j - span.i == len(span.head.words)
    text = st.text[start - st.base : end - st.base]
    return Found(start, end, text, group, span.kind, st.index, span.head, inner, bare=bare, rule=rule)


# --- rule: names ---------------------------------------------------------------------------


def _name_at(st: SentenceState, i: int) -> tuple[NameSpan | None, Group, int]:
    """The organisation or place name at token ``i``, its group, and where to go on when none."""
    tokens, lex = st.tokens, st.lex
    tok = tokens[i]
    if not tok.is_cap and tok.key not in lex.heads and tok.key not in lex.place_heads:
        return None, Group.ORG, i + 1  # most words: lower case, no head starts with them (speed)
    title_len = match_title(tokens, i, lex) if tok.is_cap else 0
    head = match_head(tokens, i, lex.heads)
    if title_len and (head is None or title_len > len(head.words)):
        span = _body_in_title(st, i, title_len)
        if span is not None:
            return span, Group.ORG, span.j
        return None, Group.ORG, i + title_len  # a post title, not a name: Phó Bí thư Thường trực
    span = parse_place(tokens, i, lex) if tok.key in lex.place_heads else None  # a place's head first
    group = Group.PLACE
    if span is None:
        span = parse_org(tokens, i, lex) if may_open_org(tokens, i, head) else None
        group = Group.ORG
    place_len = match_place(tokens, i, lex)
    if place_len == 1 and (_in_name(tokens, i) or i == 0):
        place_len = 0  # Đức in Nguyễn Đức Long is a name, not Germany
    if person_run(tokens, i, lex) >= 3 and (span is None or group is Group.PLACE):
        return None, group, i + person_run(tokens, i, lex)  # a person's name: read later, never a place
    if place_len and (span is None or span.j - i <= place_len):
        span = NameSpan(i, i + place_len, "Location", None)
        group = Group.PLACE
    return span, group, i + 1


def _body_in_title(st: SentenceState, i: int, title_len: int) -> NameSpan | None:
    """The body a post title runs into, its head written in the title or in lower case after it:
    Trưởng đoàn ĐBQH tỉnh, Chánh Thanh tra Sở Công Thương, Trưởng ban tuyên giáo Huyện ủy."""
    tokens, lex = st.tokens, st.lex
    for pos in range(i + 1, min(i + title_len + 1, len(tokens))):
        tok = tokens[pos]
        if tok.key not in lex.heads or (pos == i + title_len and tok.is_cap):
            continue  # a capitalised body after the title is read at its own token
        if pos + 1 < len(tokens) and tokens[pos + 1].key == tok.key:
            continue  # Trưởng ban Ban Dân tộc: the title's word, then the body
        if not tok.is_cap:  # the head as a capitalised word, everything else as written
            capital = Token(tok.start, tok.end, tok.text[:1].upper() + tok.text[1:], tok.key)
            tokens = [*tokens[:pos], capital, *tokens[pos + 1 :]]
        span = parse_org(tokens, pos, lex)
        tokens = st.tokens
        if span is None or span.head is None or (span.head.part and span.head.kind == "PartyCommittee"):
            continue  # Phó Bí thư Thường trực: a rank in the title, not a body
        if span.j > max(i + title_len, pos + len(span.head.words)):
            return span
    return None


def _cut_at_blocked(st: SentenceState, span: NameSpan) -> NameSpan | None:
    """``span`` cut before a quote or a document number it runs into, or before the second time of
    a name written twice (Quảng Bình | Quảng Bình); None when nothing is left."""
    tokens = st.tokens
    j = written_once(tokens, span.i, span.j)
    for k in range(span.i, j):
        if tokens[k].start in st.blocked:
            j = k
            break
    while j > span.i and not tokens[j - 1].is_word:
        j -= 1
    if j <= span.i:
        return None
    if j != span.j:
        st.drop(
            tokens[j].start,
            tokens[span.j - 1].end,
            "name cut before a quote, a document number or its second writing",
        )
        return NameSpan(
            span.i, j, span.kind, span.head, span.inner if span.inner and span.inner.j <= j else None
        )
    return span


def rule_names(st: SentenceState) -> None:
    """Organisations and places: a head and its components, or a known place name."""
    tokens, heads, place_heads = st.tokens, st.lex.heads, st.lex.place_heads
    mask, base = st.blocked.mask, st.blocked.base  # 'start in st.blocked', inlined (speed)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not tok.is_cap and tok.key not in heads and tok.key not in place_heads and tok.key not in _PLURAL:
            i += 1  # most words: lower case, no head starts with them, no plural (speed; asked first)
            continue
        if not tok.is_word or (0 <= tok.start - base < len(mask) and mask[tok.start - base] == 1):
            i += 1
            continue
        if tok.key in _PLURAL and _plural_bodies_end(st, i + 1) > i + 1:
            i = _plural_bodies_end(st, i + 1)  # các huyện ủy, thành ủy: every such body, no one entity
            continue
        span, group, skip = _name_at(st, i)
        span = _cut_at_blocked(st, span) if span is not None else None
        if span is None:
            i = skip
            continue
        if group is Group.ORG and _many_after(st, span.j):
            i = span.j  # UBND các tỉnh, Hội đồng nhân dân các cấp: many bodies, no one entity
            continue
        f = _span_found(span, st, group, st.rule)
        f.subject_ok = not preceded_by_preposition(tokens, span.i)
        st.add(f)
        i = span.j


def _many_after(st: SentenceState, j: int) -> bool:
    """Whether 'các'/'những' at ``j`` makes the name before it many bodies: a level word, a unit
    (cấp, ngành) or a head follows (UBND các tỉnh, HĐND các cấp), not a plural of years or things."""
    tokens = st.tokens
    if j + 1 >= len(tokens) or tokens[j].key not in _MANY:
        return False
    two = " ".join(t.key for t in tokens[j + 1 : j + 3])
    if tokens[j + 1].key in _MANY_UNITS or two in _MANY_UNITS or level_at(tokens, j + 1, st.lex):
        return True
    return match_head(tokens, j + 1, st.lex.heads) is not None


def _plural_bodies_end(st: SentenceState, j: int) -> int:
    """Where a list of bare heads in lower case after a plural word ends (các huyện ủy, thành ủy
    và đảng ủy trực thuộc); ``j`` when no such list starts at ``j``."""
    tokens, end, k = st.tokens, j, j
    while k < len(tokens) and not tokens[k].is_cap:
        head = match_head(tokens, k, st.lex.heads)
        if head is None or head.kind == "-":
            break
        k += len(head.words)
        if k < len(tokens) and tokens[k].is_cap:
            return j  # các sở Tài chính, Y tế: named bodies (rule plural_domains)
        end = k
        if k >= len(tokens) or tokens[k].text not in {",", _AND}:
            break
        k += 1
    return end


# --- rule: plural_domains --------------------------------------------------------------------


def rule_plural_domains(st: SentenceState) -> None:
    """A plural head before a list of domains: các sở Tài chính, Y tế, Giáo dục và Đào tạo."""
    if not st.may_hold(_PLURAL_WORDS):
        return  # no plural word (speed)
    tokens, lex = st.tokens, st.lex
    for k in range(1, len(tokens) - 1):
        tok = tokens[k]
        if tok.is_cap or tokens[k - 1].key not in _PLURAL or not st.free(tok.start) or exam_block(tokens, k):
            continue  # các khối A, B: an entrance exam's blocks
        heads = [h for h in lex.heads.get(tok.key, ()) if len(h.words) == 1 and h.kind != "-"]
        if not heads:
            continue
        for item in _domain_list(tokens, k + 1, heads[0], lex):
            start, end = tokens[item[0]].start, tokens[item[1] - 1].end
            if not st.free(start):
                continue
            surface = st.text[start - st.base : end - st.base]
            f = Found(
                start, end, f"{heads[0].words[0]} {surface}", Group.ORG, heads[0].kind, st.index, heads[0]
            )
            f.subject_ok = not preceded_by_preposition(tokens, k)
            st.add(f)


# --- rule: lone_doan -------------------------------------------------------------------------


def rule_lone_doan(st: SentenceState) -> None:
    """'Đoàn' alone (các cấp bộ Đoàn): the article's Youth Union, resolved later or dropped."""
    if not st.may_hold(_YOUTH_UNION_WORDS):
        return  # most sentences (speed)
    tokens = st.tokens
    for k, tok in enumerate(tokens):
        if tok.text == _YOUTH_UNION and st.free(tok.start):
            if k + 1 < len(tokens) and tokens[k + 1].is_cap and tokens[k + 1].is_word:
                continue
            f = Found(tok.start, tok.end, tok.text, Group.ORG, "MassOrganization", st.index, bare=True)
            f.subject_ok = not preceded_by_preposition(tokens, k)
            st.add(f)


# --- rule: level_places ----------------------------------------------------------------------


@lru_cache(maxsize=1)
def _level_abbreviations() -> frozenset[str]:
    """The abbreviations of the administrative level words (TP, TX, Q, P, F, H: ``levels.tsv``)."""
    tiers = level_tiers()
    return frozenset(k for k, level in lexicon().levels.items() if k[:1].isupper() and level in tiers)


@lru_cache(maxsize=1)
def _level_triggers() -> frozenset[str]:
    return key_words(_PLACE_LEVELS + tuple(_level_abbreviations()))


_UNDOTTED_ABBREVIATIONS = frozenset(_words("undotted_level_abbreviations"))  # TP Vinh, TX Bắc Ninh


def _level_word(tokens: list[Token], k: int) -> int:
    """How many tokens the level word at ``k`` takes (tỉnh, thành phố, TP, Q.), 0 when none; an
    abbreviation but TP and TX only with its dot (P.Bến Nghé; a lone 'P' is an initial), a single
    letter never after a name or a colon (an initial there)."""
    tok = tokens[k]
    if tok.key in _PLACE_LEVELS:
        pair = f"{tok.key} {tokens[k + 1].key}" if k + 1 < len(tokens) else ""
        return 2 if pair in _TWO_WORD_LEVELS else 1
    if tok.text in _level_abbreviations():
        if level_initial(tokens, k):
            return 0  # an initial: 'Lawrence H. Summers', 'Ảnh: Q. Dũng'
        dotted = k + 1 < len(tokens) and tokens[k + 1].text == "."
        return 1 if dotted or tok.text in _UNDOTTED_ABBREVIATIONS else 0
    return 0


def rule_level_places(st: SentenceState) -> None:
    """Standalone places after a level word: tỉnh Quảng Ninh, TP Hồ Chí Minh, Q. Tân Bình; after
    an abbreviation with its dot, a name like a person's is the unit's (P.Nguyễn Cư Trinh)."""
    if not st.may_hold(_level_triggers()):
        return  # no level word (speed: most sentences)
    tokens, lex = st.tokens, st.lex
    abbreviations = _level_abbreviations()
    for k, tok in enumerate(tokens):
        if tok.key not in _PLACE_LEVELS and tok.text not in abbreviations:
            continue  # most words are no level word (speed)
        n = _level_word(tokens, k) if k + 1 < len(tokens) else 0
        if not n or not st.free(tok.start):  # the level word first: free is asked at few tokens
            continue
        first = k + n
        dotted = first < len(tokens) and tokens[first].text == "." and tok.text in abbreviations
        if first < len(tokens) and tokens[first].text == ".":
            first += 1
        if first >= len(tokens) or not tokens[first].is_cap or tokens[first].is_acronym:
            continue
        if not st.free(tokens[first].start) or match_head(tokens, first, lex.heads):
            continue
        size = match_place(tokens, first, lex) or _place_run(tokens, first, lex, dotted)
        after = tokens[first + size] if first + size < len(tokens) else None
        if len(tok.text) == 1 and not match_place(tokens, first, lex) and after and after.is_word:
            continue  # 'A, V, H. Thi khối A': a letter, then words; an address unit ends at ',', '-', ')'
        if not dotted and person_run(tokens, first, lex) and not match_place(tokens, first, lex) and size > 2:
            continue
        start, end = tokens[first].start, tokens[first + size - 1].end
        f = Found(start, end, st.text[start - st.base : end - st.base], Group.PLACE, "Location", st.index)
        f.subject_ok = False
        st.add(f)


# --- rule: place_spellings --------------------------------------------------------------------


def rule_place_spellings(st: SentenceState) -> None:
    """Places written many ways (TP.HCM, TP. Hồ Chí Minh, thành phố Hồ Chí Minh): the longest
    spelling of the table not inside an organisation's name, ending before any capitalised word;
    a person or place found inside it (Hồ Chí Minh, HCM) gives way to it."""
    if not st.may_hold(_spelling_triggers()):
        return  # no word a spelling starts with (speed: three sentences in four)
    tokens, table = st.tokens, place_spellings()
    starts = _spelling_starts()
    k = 0
    while k < len(tokens):
        if not tokens[k].is_word or _first_spelled_word(tokens[k].text) not in starts:
            k += 1  # no spelling of the table starts with this word: nothing to try
            continue
        size = next((n for n in reversed(_spelled_sizes(st, k, table)) if _spelled_at(st, k, n)), 0)
        if size:
            start, end = tokens[k].start, tokens[k + size - 1].end
            st.found = [f for f in st.found if not (start <= f.start and f.end <= end)]
            f = Found(start, end, st.text[start - st.base : end - st.base], Group.PLACE, "Location", st.index)
            f.subject_ok = not preceded_by_preposition(tokens, k)
            st.add(f)
        k += size or 1


@lru_cache(maxsize=1)
def _spelling_starts() -> frozenset[str]:
    """The first word of every spelling of the place table (the rule tries nothing else)."""
    return first_words(place_spellings())


@lru_cache(maxsize=1)
def _spelling_triggers() -> frozenset[str]:
    return key_words(_spelling_starts())


@lru_cache(maxsize=65536)
def _first_spelled_word(text: str) -> str:
    words = spelling_key(text).split()
    return words[0] if words else ""


@lru_cache(maxsize=1)
def _spelling_prefixes() -> frozenset[str]:
    """Every beginning of a spelling key of the place table ('t', 'tp', 'tp h', … 'tp hcm')."""
    return frozenset(key[:n] for key in place_spellings() for n in range(1, len(key) + 1))


def _spelled_sizes(st: SentenceState, k: int, table: dict[str, tuple[str, str]]) -> list[int]:
    """The sizes (at most 8 tokens) of the runs from word ``k`` to a word, free of quotes and numbers,
    whose spelling key is in ``table``, smallest first. A longer run's key begins with a shorter
    one's when a space follows the shorter: where no key of the table begins so, no longer run is keyed."""
    tokens, text, base = st.tokens, st.text, st.base
    first = tokens[k]
    if not first.is_word or first.start in st.blocked:
        return []
    sizes, prefixes = [], _spelling_prefixes()
    for n in range(1, min(8, len(tokens) - k) + 1):
        last = tokens[k + n - 1]
        if not last.is_word:
            continue
        key = spelling_key(text[first.start - base : last.end - base])
        if key in table:
            sizes.append(n)
        if key not in prefixes and last.end - base < len(text) and text[last.end - base].isspace():
            break
    return sizes


def _spelled_at(st: SentenceState, k: int, n: int) -> bool:
    """Whether the run of ``n`` tokens from ``k``, a spelling of the table, ends before any
    capitalised word and crosses no mention, nor sits inside one but a person's or a place's."""
    tokens = st.tokens
    first, last = tokens[k], tokens[k + n - 1]
    if k + n < len(tokens) and tokens[k + n].is_word and tokens[k + n].is_cap:
        return False  # part of a longer name
    return not any(
        f.start < last.end
        and first.start < f.end
        and not (first.start <= f.start and f.end <= last.end)
        or (f.start <= first.start and last.end <= f.end and f.group not in (Group.PERSON, Group.PLACE))
        for f in st.found
    )


# --- rule: numbered_places -------------------------------------------------------------------


def rule_numbered_places(st: SentenceState) -> None:
    """Numbered units with their level word: phường 12, quận 10, ấp B4, Q.12; and in an address,
    glued to it: P25, Q9 (beside another unit: 'P25, Q9', 'F25 - Q.BT')."""
    tokens = st.tokens
    for k, tok in enumerate(tokens):
        if not tok.is_word:
            continue
        glued = tok.is_cap and tok.text[-1].isdigit() and _glued_unit(tokens, k)
        if not glued and tok.key not in NUMBERED_OPENERS and tok.text not in NUMBERED_OPENERS:
            continue  # most words: no unit opens there (speed)
        size = numbered_unit(tokens, k) or glued  # first: free is asked at few tokens
        if not size or not st.free(tok.start) or not st.free(tokens[k + size - 1].start):
            continue
        start, end = tok.start, tokens[k + size - 1].end
        f = Found(start, end, st.text[start - st.base : end - st.base], Group.PLACE, "Location", st.index)
        f.subject_ok = False
        st.add(f)


def _glued_unit(tokens: list[Token], k: int, look: bool = True) -> int:
    """1 when token ``k`` is a unit glued to its abbreviated level word (P25, Q9) written beside
    another unit or level word across a comma or a dash; a lone 'F17' is a flat, 'P20' a code."""
    text = tokens[k].text
    if not (2 <= len(text) <= 3 and text[1:].isdigit()) or not GLUED_UNIT.fullmatch(text):
        return 0  # most tokens: no letter and one or two digits (speed)
    if not look:
        return 1
    for near in (k - 2, k + 2):
        if 0 <= near < len(tokens) and tokens[(k + near) // 2].text in (",", "-", "–"):
            other = tokens[near]
            if (
                _glued_unit(tokens, near, False)
                or other.text in _level_abbreviations()
                or level_at(tokens, near, lexicon())
            ):
                return 1
    return 0


# --- rule: documents -------------------------------------------------------------------------


def _issued_first(text: str, d: DocMention) -> str:
    """'Ngày 15/5/2016, Bộ Chính trị ban hành Chỉ thị 05-CT/TW': the day it was issued (the date heads
    the sentence or the clause after a semicolon)."""
    clause = text.rfind(";", 0, d.start) + 1  # '…; Ngày 01/02/2020, UBND tỉnh ban hành Công văn …'
    lead = _ISSUED_FIRST.match(text[clause : d.start])
    if lead:
        day, month, year = int(lead.group(1)), int(lead.group(2)), int(lead.group(3))
        if 1 <= day <= 31 and 1 <= month <= 12:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return ""


def _read_issuer(st: SentenceState, f: Found, pos: int) -> int:
    """The body after 'của'/'do' that issued ``f``, and its date and term; where reading stops.
    A plenum may stand between, with or without 'của': 'của Hội nghị lần thứ tư Ban Chấp hành Trung
    ương Đảng khóa XIII' (the plenum's committee); 'Hội nghị Trung ương 5 khóa XIII' (the Central
    Committee, though not written: ``f.issuer_body``)."""
    text = st.text
    at = of_at(text, pos)
    plenum = _PLENUM_OF.match(text, at if at >= 0 else pos + len(text[pos:]) - len(text[pos:].lstrip(" ,")))
    if at < 0 and plenum is None:
        return pos
    if plenum:
        at = plenum.end()
    issuer = _org_at(st, at + st.base)
    if issuer is not None:
        f.issuer = issuer
        end = issuer.end - st.base
    elif plenum is not None and _CENTRAL in name_key(plenum.group(0)):
        f.issuer_body = _CENTRAL_COMMITTEE
        end = plenum.end()
    else:
        return pos
    pos, date2, term2 = read_after(text, end)
    f.date = f.date or date2
    f.term = f.term or term2
    return pos


def _org_at(st: SentenceState, start: int) -> Found | None:
    """The organisation named at ``start``, or after the post title there ('Chủ tịch UBND huyện X':
    the body whose head issued the document)."""
    org = next((o for o in st.found if o.is_org and o.start == start), None)
    k = token_at(st.tokens, start)
    if org is None and k < len(st.tokens) and st.tokens[k].start == start:
        n = match_title(st.tokens, k, st.lex)
        if n and k + n < len(st.tokens):
            after = st.tokens[k + n].start
            org = next((o for o in st.found if o.is_org and o.start == after), None)
    return org


def _title_stops(st: SentenceState, d: DocMention) -> list[int]:
    """Where an unquoted title after ``d`` must end: at the next document of a list ('… và Kế hoạch
    số 30-KH/TU'), and at a body after a comma that a verb follows (the main clause's subject)."""
    text, base, tokens = st.text, st.base, st.tokens
    stops = [o.start for o in st.docs if o.start > d.end and _after_list_gap(text, o.start)]
    for f in st.found:  # endswith up to an offset: no copy of the text before each (a long one was cubic)
        if not f.is_org or f.start - base <= d.end or not text.endswith(", ", 0, f.start - base):
            continue
        k = token_at(tokens, f.end)
        if k < len(tokens) and tokens[k].is_word and not tokens[k].is_cap and tokens[k].key not in _NOT_VERB:
            stops.append(f.start - base)
    if _FRONTED.match(text[: d.start]):  # 'Thực hiện Quyết định … về việc …, Phòng Nội vụ huyện đã …'
        for k, tok in enumerate(tokens):
            if tok.start - base > d.end and tok.is_cap and text.endswith(", ", 0, tok.start - base):
                pair = f"{tok.key} {tokens[k + 1].key}" if k + 1 < len(tokens) else ""
                if tok.key not in _IN_TITLE and pair not in _IN_TITLE:
                    stops.append(tok.start - base)
    return stops


def _after_list_gap(text: str, start: int) -> bool:
    """Whether ``text[:start]`` ends with a list's gap (document_list_gap_re: ',', ';', 'và', 'cùng',
    then spaces), searched in its last characters only: a sentence listing many documents searched
    the whole text before each of them for each of them."""
    end = start
    while end and text[end - 1].isspace():
        end -= 1
    return _LIST_GAP_BEFORE.search(text, max(0, end - 16), start) is not None


def rule_documents(st: SentenceState) -> None:
    """Documents, with their date, term, issuer and title."""
    text, base = st.text, st.base
    for d in st.docs:
        start, end = d.start + base, d.end + base
        f = Found(start, end, d.text, Group.DOC, d.kind, st.index, doc=d, term=d.term)
        f.subject_ok = not preceded_by_preposition(st.tokens, token_at(st.tokens, start))
        pos, date, term = read_after(text, d.end)
        f.date, f.term = date, term or d.term
        if not f.date:
            f.date = _issued_first(text, d)
        pos = _read_issuer(st, f, pos)
        title, ts, te = title_at(text, pos, [(s - base, e - base) for s, e in st.quotes], _title_stops(st, d))
        if title:
            f.title = title
            st.titles.append((ts + base, te + base))
        st.add(f, take=False, rule=d.rule)


# --- rule: people ----------------------------------------------------------------------------


def rule_people(st: SentenceState) -> None:
    """People and their posts (see ``people.py``)."""
    find_people(st, st.blocked.union(st.taken))


# --- rule: events ----------------------------------------------------------------------------


def rule_events(st: SentenceState) -> None:
    """Events: a congress, conference or session named by its number, its body or its term;
    and the resolution named after one (Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX)."""
    events = find_events(st)
    for event in events:
        st.add(event, take=False)
    text, base = st.text, st.base
    for event in events:
        m = _RESOLUTION_BEFORE.search(text[: event.start - base])
        if m:
            start = m.start() + base
            label = f"{_RESOLUTION} {event.text}"
            dm = DocMention(
                start, event.end, text[start - base : event.end - base], "Resolution", label, type_code="NQ"
            )
            f = Found(start, event.end, dm.text, Group.DOC, "Resolution", st.index, doc=dm)
            f.subject_ok = not preceded_by_preposition(st.tokens, token_at(st.tokens, start))
            st.add(f, take=False, rule="event_resolution")


# --- rule: projects --------------------------------------------------------------------------


def _project_name(st: SentenceState, m: re.Match[str]) -> tuple[str, int, bool]:
    """The name after 'Đề án'/'Dự án': (name, absolute end, whether quoted)."""
    base, tokens = st.base, st.tokens
    quoted = next(((qs, qe) for qs, qe in st.quotes if qs == m.end() + base + 1), None)
    if m.group(2):
        return m.group(2), m.end() + base, quoted is not None
    if quoted is not None:
        end = _wrapped_quote_end(st, quoted[1])
        return " ".join(st.doc.text[quoted[0] : end].split()), end + 1, True
    named = next((f for f in st.found if f.start == m.end() + base and f.group is not Group.PERSON), None)
    if named is not None:
        return named.text, named.end, False  # Dự án Khu công nghiệp Việt Hưng
    k = token_at(tokens, m.end() + base)
    if k < len(tokens) and tokens[k].is_cap and tokens[k].is_word:
        run = cap_run(tokens, k, 6)
        return (
            st.text[tokens[k].start - base : tokens[k + run - 1].end - base],
            tokens[k + run - 1].end,
            False,
        )
    return "", m.end() + base, False


def _wrapped_quote_end(st: SentenceState, end: int) -> int:
    """Where a quote left open at the end of its sentence closes on the next line of a page cut into
    lines ('Đề án “Trồng một tỷ' / 'cây xanh giai đoạn 2021-2025”'); ``end`` when it does not."""
    text = st.doc.text
    if end != st.base + len(st.text) or not text[end : end + 2].startswith("\n"):
        return end
    close = text.find("”", end, end + 160)
    return close if close > 0 and "\n" not in text[end + 1 : close] else end


def rule_projects(st: SentenceState) -> None:
    """Projects: Đề án 06, Dự án “Cải cách hành chính”, Dự án Khu công nghiệp Việt Hưng."""
    for m in _PROJECT.finditer(st.text):
        start = m.start() + st.base
        if not st.free(start):
            continue
        kind_word = m.group(1)[0].upper() + m.group(1)[1:]
        name, end, quoted = _project_name(st, m)
        if name and len(name.split()) <= 20:
            f = Found(start, end, f"{kind_word} {name}", Group.PROJECT, "Project", st.index)
            f.subject_ok = False
            f.title = name if quoted else ""
            st.add(f)


# --- rule: campaigns -------------------------------------------------------------------------


def rule_campaigns(st: SentenceState) -> None:
    """Campaigns: quoted names after a campaign word, and the quoted items listed after them."""
    text, base = st.doc.text, st.base
    last_campaign_end = -1
    for qs, qe in st.quotes:
        if any(ts <= qs and qe <= te for ts, te in st.titles):
            continue
        inner_text = text[qs:qe].strip().rstrip(".…").strip()
        if not inner_text or len(inner_text.split()) > 20 or _HAS_NUMBER.search(inner_text):
            continue
        before = text[max(base, qs - 1 - 80) : qs - 1]
        is_campaign = False
        if last_campaign_end >= 0 and _LIST_GAP.match(text[last_campaign_end + 1 : qs - 1]):
            is_campaign = True
        elif _CAMPAIGN_CUE.search(before) and not _NOT_CAMPAIGN.search(before):
            is_campaign = True
        if is_campaign:
            f = Found(qs, qs + len(inner_text), inner_text, Group.CAMPAIGN, "Campaign", st.index)
            f.subject_ok = False
            st.add(f, take=False)
            last_campaign_end = qe
        else:
            last_campaign_end = -1


# --- rule: quantities ------------------------------------------------------------------------


def rule_quantities(st: SentenceState) -> None:
    """Numbers with a unit (4.254 đảng viên), outside quotes and document numbers."""
    st.quantities = _find_quantities(st.text, st.base, st.blocked)


_HAS_NUMBER = re.compile(_word("has_number_re"))
_RESOLUTION_BEFORE = re.compile(_word("resolution_before_re"))


_PLURAL = frozenset(_words("plural"))
_PLURAL_WORDS = key_words(_PLURAL)


def _domain_list(tokens: list[Token], k: int, head: Head, lex: Lexicon) -> list[tuple[int, int]]:
    """Token spans of the domains listed after a plural head (Tài chính | Y tế | Giáo dục và Đào tạo)."""
    items: list[tuple[int, int]] = []
    while k < len(tokens) and tokens[k].is_word and tokens[k].is_cap:
        end, count, _ = read_components(tokens, k, head, lex)
        if not count or end <= k:
            break
        items.append((k, end))
        k = end
        if k < len(tokens) and tokens[k].text in (",", _AND) and k + 1 < len(tokens) and tokens[k + 1].is_cap:
            k += 1
            continue
        break
    return items if len(items) >= 1 else []


_ISSUED_FIRST = re.compile(_word("issued_first_re"))
_PROJECT = re.compile(_word("project_re"))
_PLENUM_OF = re.compile(_word("plenum_of_re"))
_CENTRAL, _CENTRAL_COMMITTEE = _word("central"), _word("central_committee")
_FRONTED = re.compile(_word("fronted_document_re"))
_IN_TITLE = frozenset(name_key(w) for w in _words("capitals_inside_titles"))
_LIST_GAP_BEFORE = re.compile(_word("document_list_gap_re"))
_NOT_VERB = frozenset(name_key(w) for w in _words("title_body_goes_on"))


def _place_run(tokens: list[Token], first: int, lex: Lexicon, named_unit: bool = False) -> int:
    """Capitalised words naming a place after a level word, stopping before a person's name
    (unless ``named_unit``: after an abbreviated level word a person's name is the unit's)."""
    k = first
    while (
        k < len(tokens)
        and k - first < 4
        and tokens[k].is_word
        and tokens[k].is_cap
        and not tokens[k].is_acronym
    ):
        if k > first and not named_unit and person_run(tokens, k, lex) >= 2:
            break
        k += 1
    return k - first


def _in_name(tokens: list[Token], i: int) -> bool:
    """Whether capitalised token ``i`` sits inside a run of capitalised words (a person's name)."""
    before = i > 0 and tokens[i - 1].is_word and tokens[i - 1].is_cap and not tokens[i - 1].is_acronym
    after = (
        i + 1 < len(tokens)
        and tokens[i + 1].is_word
        and tokens[i + 1].is_cap
        and not tokens[i + 1].is_acronym
    )
    return before or after


_DIGIT = re.compile(r"\d")


def _find_quantities(text: str, base: int, blocked: Spans) -> list[tuple[int, str, str]]:
    out: list[tuple[int, str, str]] = []
    if _DIGIT.search(text) is None:
        return out  # a quantity opens with a number (two sentences in three hold none)
    for m in _QUANTITY.finditer(text):
        if m.start() + base in blocked:
            continue
        raw, unit = m.group(1), m.group(2)
        words = []
        for word in unit.split():
            if name_key(word) in _QUANTITY_STOP:
                break
            words.append(word)
        if not words:
            continue
        if raw.isdigit() and len(raw) == 4 and raw[:2] in ("19", "20"):
            continue
        value = raw.replace(".", "").replace(",", ".") if "." in raw else raw.replace(",", ".")
        out.append((m.start() + base, value, " ".join(words)))
    return out
