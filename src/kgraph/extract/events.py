"""Events: a congress, conference or session named by its number, its body or its term
(Đại hội Đảng bộ tỉnh lần thứ XX, kỳ họp thứ 9 HĐND tỉnh khóa XIII, Hội nghị Trung ương 4),
or by a quoted name (Hội thảo khoa học “Phát huy giá trị văn hóa …”)."""

from __future__ import annotations

import re

from .lexicon import Phrases, first_words, key_words, word, words
from .state import Found, Group, SentenceState, token_at
from .tokens import Token

_EVENT_HEADS = tuple(tuple(head.split()) for head in words("event_heads"))
_EVENT_PHRASES = Phrases(_EVENT_HEADS)
_EVENT_FIRST = first_words(_EVENT_HEADS)
_EVENT_WORDS = key_words(_EVENT_FIRST)
_EVENT_DESCRIPTORS = frozenset(words("event_descriptors"))
_TIMES, _ORDINAL, _TERM = word("event_times"), word("event_ordinal"), word("term")  # lần thứ, khóa
_MANDATE = word("event_mandate").split()  # nhiệm kỳ
_CENTRAL = word("central")
_CENTRAL_WORDS = _CENTRAL.split()
_QUALIFIERS = words("event_qualifiers")  # đại biểu, toàn quốc
_QUALIFIER_FIRST = first_words(_QUALIFIERS)
_ROMAN = re.compile(r"^[IVXL]+$")
_ORDINAL_ALONE = frozenset(words("ordinal_alone"))  # thứ Chín, thứ tư
_ORDINAL_TEN, _ORDINAL_TENS = word("ordinal_ten"), word("ordinal_tens")  # mười, mươi
_ORDINAL_UNITS = frozenset(words("ordinal_units"))  # một, mốt, hai … chín
_BARE_BODIES = frozenset(words("event_bare_bodies"))  # ban chấp hành: 'Hội nghị Ban Chấp hành lần thứ 11'
_DESCRIBED_HEADS = frozenset(words("described_event_heads"))  # hội nghị, hội thảo
_MARKING_HEADS = frozenset(words("marking_event_heads"))  # lễ kỷ niệm, ngày hội: named by what they mark
_PURPOSES = frozenset(words("event_purposes"))  # tổng kết, sơ kết, quán triệt …
_DESCRIBED_STOPS = frozenset(words("described_event_stops"))  # do, tại, đã …
_DATE_WORDS = frozenset(words("described_event_dates"))  # ngày, sáng: before a day
_EVENT_STARTS = frozenset(" ".join(h) for h in _EVENT_HEADS)
_SESSION_ALONE = frozenset(words("session_alone"))  # kỳ: a session only as 'Kỳ thứ N'
_PURPOSE_LEAD, _OF, _AND = word("purpose_lead"), word("of"), word("and")  # để, của, và
_YEAR_WORD = word("year")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_DESCRIBED_MAX = 20

_GO, _STOP, _END = 0, 1, 2  # an event name goes on; stops here; ends here unless a quoted name follows


def _number_size(tokens: list[Token], m: int) -> int:
    """How many tokens the number at ``m`` takes: 9, IX, Chín, mười một, hai mươi mốt; 0 when none."""
    if m >= len(tokens):
        return 0
    if tokens[m].is_number or _ROMAN.match(tokens[m].text) is not None:
        return 1
    keys = [t.key if t.is_word else "" for t in tokens[m : m + 3]] + ["", ""]
    if keys[0] == _ORDINAL_TEN:
        return 2 if keys[1] in _ORDINAL_UNITS else 1  # mười, mười hai
    if keys[0] in _ORDINAL_UNITS and keys[1] == _ORDINAL_TENS:
        return 3 if keys[2] in _ORDINAL_UNITS else 2  # hai mươi, hai mươi mốt
    return 1 if keys[0] in _ORDINAL_ALONE else 0


def _numbered(tokens: list[Token], m: int) -> int:
    """A number in figures or Roman numerals at ``m`` (1), or none (0): 'Trung ương 4', 'khóa XIII'."""
    return int(m < len(tokens) and (tokens[m].is_number or _ROMAN.match(tokens[m].text) is not None))


def _step(tokens: list[Token], k: int, specific: int, orgs: dict[int, Found]) -> tuple[int, int, int]:
    """One step along an event's name from token ``k``: (next token, specific parts, _GO/_STOP/_END)."""
    n = len(tokens)
    tok = tokens[k]
    if tok.text == "," and specific and k + 1 < n and tokens[k + 1].key in (_MANDATE[0], _TERM):
        return k + 1, specific, _GO  # Đại hội … lần thứ XX, nhiệm kỳ 2020-2025
    org = orgs.get(tok.start)
    if org is not None and specific < 3:
        return token_at(tokens, org.end), specific + 1, _GO
    if tok.key in (_TIMES, _ORDINAL):
        m = k + (2 if tok.key == _TIMES and k + 1 < n and tokens[k + 1].key == _ORDINAL else 1)
        size = _number_size(tokens, m) if tokens[m - 1].key == _ORDINAL else _numbered(tokens, m)
        return (m + size, specific + 1, _GO) if size else (k, specific, _STOP)
    if tok.key in (_CENTRAL, _CENTRAL_WORDS[0]) and k + 2 < n and tokens[k + 1].key == _CENTRAL_WORDS[1]:
        return (k + 3, specific + 1, _GO) if _numbered(tokens, k + 2) else (k, specific, _STOP)
    if tok.key in (_TERM, _MANDATE[0]) and specific:
        m = k + (2 if tok.key == _MANDATE[0] and k + 1 < n and tokens[k + 1].key == _MANDATE[1] else 1)
        if not _numbered(tokens, m):
            return k, specific, _STOP
        k = m + 1
        while k + 1 < n and tokens[k].text in "-–" and tokens[k + 1].is_number:
            k += 2
        return k, specific, _GO
    if tok.key in _QUALIFIER_FIRST and k + 1 < n and f"{tok.key} {tokens[k + 1].key}" in _QUALIFIERS:
        return k + 2, specific, _GO
    bare = _phrase_at(tokens, k, _BARE_BODIES) if tok.is_cap else 0
    if bare:
        return k + bare, specific, _GO
    return k, specific, _END


def _quoted_name(st: SentenceState, k: int, opening: dict[int, int]) -> int:
    """Hội thảo (khoa học) “…”: a kind of meeting, its descriptors, then its quoted name; the
    token after the name, or -1 when none follows."""
    tokens, n = st.tokens, len(st.tokens)
    m = k
    while m + 1 < n and f"{tokens[m].key} {tokens[m + 1].key}" in _EVENT_DESCRIPTORS:
        m += 2
    close = opening.get(tokens[m].start) if m < n else None
    inside = st.text[tokens[m].start - st.base + 1 : tokens[m].start - st.base + 3].strip() if m < n else ""
    if close is None or not inside[:1].isupper():  # a name, not a scare quote ('bỏ túi')
        return -1
    k = next((t for t in range(m, n) if tokens[t].start >= close), n)
    return k + 1 if k < n and tokens[k].start == close else k


def _event_end(st: SentenceState, k: int, orgs: dict[int, Found], opening: dict[int, int]) -> tuple[int, int]:
    """Where the event name whose head ends before token ``k`` ends, and how many specific parts it has."""
    specific = 0
    while k < len(st.tokens):
        k, specific, state = _step(st.tokens, k, specific, orgs)
        if state == _GO:
            continue
        if state == _END and not specific:
            after = _quoted_name(st, k, opening)
            if after >= 0:
                k, specific = after, specific + 1
        break
    return k, specific


def _phrase_at(tokens: list[Token], k: int, phrases: frozenset[str]) -> int:
    """How many tokens the longest phrase of ``phrases`` at ``k`` takes (0 when none)."""
    for n in (3, 2, 1):
        if k + n <= len(tokens) and " ".join(t.key for t in tokens[k : k + n]) in phrases:
            return n
    return 0


def _purpose_end(tokens: list[Token], k: int, marking: bool) -> int:
    """Where the description after an event's head starts: after its purpose word ('tổng kết'; 'để
    quán triệt'), or at ``k`` for a ``marking`` head; -1 when it has none, or when another event's
    head follows ('Lễ khai mạc Đại hội …': the congress is the event)."""
    if marking:
        return -1 if _phrase_at(tokens, k, _EVENT_STARTS) else k
    lead = 1 if k < len(tokens) and tokens[k].key == _PURPOSE_LEAD else 0
    n = _phrase_at(tokens, k + lead, _PURPOSES)
    return k + lead + n if n else -1


def _national(org: Found | None) -> bool:
    return org is not None and org.head is not None and org.head.national


def _of_bodies(st: SentenceState, j: int, orgs: dict[int, Found], named: bool) -> int:
    """At 'của' + national bodies ('của Bộ Chính trị, Ban Bí thư (khóa XIII)'): the token after the
    bodies and their term. A local body is the meeting's host: in its name only when nothing else
    says which meeting (not ``named``: 'Hội nghị hiệp thương của Ủy ban MTTQ tỉnh X'), else ``j``."""
    tokens, n = st.tokens, len(st.tokens)
    org = orgs.get(tokens[j + 1].start) if j + 1 < n else None
    if org is None or (named and not _national(org)):
        return j
    if not _national(org):
        return token_at(tokens, org.end)
    while org is not None:
        j = token_at(tokens, org.end)
        listed = j + 1 < n and (tokens[j].text == "," or tokens[j].key == _AND)
        nxt = orgs.get(tokens[j + 1].start) if listed else None
        org = nxt if _national(nxt) else None
    if j + 3 < n and tokens[j].text == "(" and tokens[j + 1].key == _TERM and tokens[j + 3].text == ")":
        return j + 4
    return j


def _described_end(st: SentenceState, k: int, marking: bool = False) -> int:
    """Hội nghị sơ kết công tác dân vận năm 2023: a meeting named by what it does (a purpose word and
    at least three words of its object, or fewer with a number or a body: 'phiên họp giao ban tháng
    5'; a ``marking`` head needs no purpose word: Lễ kỷ niệm 80 năm Ngày thành lập …), to a year, the
    document it studies, a quoted name, or where the sentence goes on (do, tại, đã …, its host's
    'của'); the token after the name, or -1 when none."""
    tokens, n = st.tokens, len(st.tokens)
    j = _purpose_end(tokens, k, marking)
    if j < 0:
        return -1
    doc_ends = {d.start + st.base: d.end + st.base for d in st.docs}
    orgs = {f.start: f for f in st.found if f.is_org}
    quotes = {qs - 1: qe for qs, qe in st.quotes}
    words, named = 0, False  # a number or a capitalised word says which meeting: '10 năm', 'Luật Đất đai'
    sure = False  # a number or a body says it even in fewer than three words: 'hiệp thương lần 3'
    while j < n and words <= _DESCRIBED_MAX:
        tok = tokens[j]
        if tok.start in doc_ends:  # the document it studies; not the next one of a list
            listed = words and (tokens[j - 1].key == _AND or tokens[j - 1].text == ",")
            return j - 1 if listed else token_at(tokens, doc_ends[tok.start])
        if tok.start in quotes and words:  # Hội nghị tập huấn CVĐ “…” (left open: to the end)
            return min(token_at(tokens, quotes[tok.start]) + 1, n)
        if _YEAR.match(tok.text) or (tok.key == _YEAR_WORD and j + 1 < n and _YEAR.match(tokens[j + 1].text)):
            j += 0 if _YEAR.match(tok.text) else 1
            ranged = j + 2 < n and tokens[j + 1].text in "-–" and _YEAR.match(tokens[j + 2].text)
            return j + 3 if ranged else j + 1  # năm 2023; 5 năm 2001-2005; nhiệm kỳ 2022 - 2027
        if tok.key == _OF and j + 1 < n and tokens[j + 1].start in orgs:
            after = _of_bodies(st, j, orgs, named)
            if after == j:
                break
            j, words, named, sure = after, words + 1, True, True
            continue
        named, sure = named or tok.is_number or tok.is_cap, sure or tok.is_number
        nxt = tokens[j + 1] if j + 1 < n else None
        if tok.text == "," and j > k and nxt is not None and nxt.is_word and not nxt.is_cap:
            if not _phrase_at(tokens, j + 1, _DESCRIBED_STOPS):
                j += 1
                continue
        if not tok.is_word or _phrase_at(tokens, j, _DESCRIBED_STOPS):
            if tok.text in "/-." and tokens[j - 1].is_number:
                j, words = j - 1, words - 1  # 'ngày Quốc tế lao động 1/5': no day cut in half
            break
        if tok.key in _DATE_WORDS and nxt is not None and nxt.is_number:
            break  # 'ngày 5/3', 'sáng 12/4': the day it was held (not 'Ngày thành lập')
        words += 1
        j += 1
    return j if named and (3 <= words or sure) and words <= _DESCRIBED_MAX else -1


def find_events(st: SentenceState) -> list[Found]:
    """The sentence's events (the mentions found so far give the bodies they are named after)."""
    if not st.may_hold(_EVENT_WORDS):
        return []  # no word an event's head starts with (speed: most sentences)
    tokens = st.tokens
    opening = {qs - 1: qe for qs, qe in st.quotes}  # an opening mark's offset -> its closing mark's
    orgs = {f.start: f for f in st.found if f.is_org}
    events: list[Found] = []
    i = 0
    while i < len(tokens):
        if tokens[i].key not in _EVENT_FIRST:
            i += 1
            continue
        head = _EVENT_PHRASES.first_at(tokens, i)
        bare_session = head is not None and " ".join(head) in _SESSION_ALONE  # 'Kỳ thứ 28', not 'nhiệm kỳ'
        if bare_session and not (tokens[i].is_cap and i + 1 < len(tokens) and tokens[i + 1].key == _ORDINAL):
            head = None
        again = bool(events) and i > 1 and tokens[i - 1].text == "(" and tokens[i - 2].end == events[-1].end
        if head is None or tokens[i].start in st.blocked or again:  # 'Kỳ họp thứ 22 (kỳ họp chuyên đề …)'
            i += 1
            continue
        k, specific = _event_end(st, i + len(head), orgs, opening)
        inside = i > 0 and f"{tokens[i - 1].key} {tokens[i].key}" in _EVENT_STARTS  # đại hội thi đua
        if not specific and " ".join(head) in _DESCRIBED_HEADS and not inside:
            k = _described_end(st, i + len(head), " ".join(head) in _MARKING_HEADS)
            specific = int(k > 0)
        if specific:
            start, end = tokens[i].start, tokens[k - 1].end
            f = Found(start, end, st.text[start - st.base : end - st.base], Group.EVENT, "Event", st.index)
            f.subject_ok = False
            events.append(f)
            i = k
        else:
            i += 1
    return events
