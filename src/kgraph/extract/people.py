"""People: after a title or an honorific, or a family name; with the posts around them
(Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Nguyễn Văn Đọc; Nguyễn Tài Sơn, Phó Bí thư Đảng ủy Khối)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import name_key
from .lexicon import Head, Lexicon, Phrases, alternation, first_words, word, words
from .names import (
    after_house_number,
    cap_run,
    match_head,
    match_place,
    match_title,
    preceded_by_preposition,
)
from .names import honorific_len as _honorific_len
from .names import person_run as _written_run
from .state import Found, Group, SentenceState, Spans, token_at
from .tokens import Token

#: Lower-case words before a capitalised name that make it a place or thing named after someone
_BUILDINGS = frozenset(words("named_after_buildings"))  # trường THPT, rạp hát, bảo tàng, chung cư …
_NAMED_AFTER = frozenset(words("named_after")) | _BUILDINGS
#: Verbs of speech after a two-syllable name make it a person's (Vũ Khoan cho biết), not a place's
_SAYS = re.compile(rf"^(?:{alternation('says_re')})\b")
_ADVERBS = tuple(tuple(adverb.split()) for adverb in words("post_adverbs"))
#: Words between a name and the post it is given: 'được bầu làm', 'được bổ nhiệm giữ chức' (longest first)
_TAKES_POST = tuple(sorted((tuple(p.split()) for p in words("takes_post")), key=len, reverse=True))
_TAKES_POST_PHRASES = Phrases(_TAKES_POST)
_FORMER, _AND = word("former"), word("and")  # nguyên, và
_CREDITS = frozenset(words("photo_credits"))  # Ảnh: N. Hữu: a photo's credit, a byline
_CREDIT_MARKS = (":", "-", "–")
_DOTTED_INITIALS = re.compile(r"[A-ZĐ](?:\.[A-ZĐ])+")  # T.T.D: one token
_AGE_WORDS = frozenset(words("age_words"))  # (tran van binh, 18 tuổi): a name before an age
_ADDRESS_WORDS = frozenset(words("address_words"))  # Bác Nguyễn Văn A, 70 tuổi: a form of address
#: Words that open a sentence and end no name: a full name glued to them lost its line break
_NAME_BREAKERS = frozenset(words("name_breakers"))  # ông Trần Văn A | Tôi cũng …
_REVERENT = frozenset(words("reverent_honorifics"))  # Bác Hồ, Cụ Hồ: a leader by his family name
#: Who a person is, written after a given name and a comma (Lan, giáo viên …; Quân, một tay cò …)
_ROLES = tuple(tuple(r.split()) for r in words("person_roles"))
_ROLE_PHRASES = Phrases(_ROLES)
_ROLE_ARTICLES = frozenset(words("role_articles"))
_CLAUSE_OPENERS = frozenset(words("role_clause_openers")) | _NAME_BREAKERS  # 'Nay, học sinh …': no name
_NAMED = tuple(sorted((tuple(w.split()) for w in words("named_words")), key=len, reverse=True))  # tên là
_NAMED_PHRASES = Phrases(_NAMED)
_NAMED_FIRSTS = first_words(_NAMED)  # tên: the words a naming phrase starts with
_OPENING_KEYS = _NAMED_FIRSTS | {_FORMER}  # nguyên, tên: a lower-case word a name is read from
_THING_NAMED = frozenset(words("thing_named_before"))  # mang tên Lê Lợi: a thing named after someone
_MAX_NAME_WORDS = 5
_MAX_BYLINE_TAIL = 3  # 'D. Hằng thực hiện': lower-case words after a byline on its own line
_POST_JOINERS = (",", word("concurrently"), _AND)

Post = tuple[str, Found | None, bool]  # (title, organisation, former)


def _org_at(found: list[Found], offset: int) -> Found | None:
    return next((f for f in found if f.is_org and f.start == offset), None)


def _org_in_title(tokens: list[Token], found: list[Found], t0: int, tlen: int) -> Found | None:
    """The body a title runs into: its head written in the title (Trưởng đoàn | ĐBQH tỉnh, Chánh
    Thanh tra Sở Công Thương), found by the names rule from a word inside the title."""
    end = min(t0 + tlen, len(tokens) - 1)
    return next((org for k in range(t0 + 1, end + 1) if (org := _org_at(found, tokens[k].start))), None)


def _org_near(tokens: list[Token], found: list[Found], k: int) -> Found | None:
    """The body that a unit of a post names right after it: 'Trưởng phòng Quản lý đào tạo Trường Đại học
    Vinh' (a few words, no punctuation, between the title and the body)."""
    for j in range(k, min(k + 6, len(tokens))):
        if not tokens[j].is_word or _SAYS.match(" ".join(t.key for t in tokens[j : j + 3])):
            return None  # 'Phó giám đốc cho biết Trường X …': what is said, not the post's body
        org = _org_at(found, tokens[j].start)
        if org is not None:
            return org
    return None


def person_run(tokens: list[Token], i: int, lex: Lexicon) -> int:
    """A full name at ``i`` (names.person_run) without what a lost line break glued to it: a word
    that opens a sentence (Trần Văn A | Tôi cũng …, Lê Văn B | Ông Lê Văn B, …), or after three
    syllables one that starts a word with the lower-case syllable after it (… Đỗ Văn C | Huân chương)."""
    run = _written_run(tokens, i, lex)
    if run == 2 and _starts_word(tokens, i + 1, lex):
        return 0  # 'Đoàn Giáo hội', 'Đoàn Đại biểu': a family name's word before a word, no name
    for k in range(i + 2, i + run):
        if k + 1 < len(tokens) and _breaks_name(tokens, k, k >= i + 3, lex):
            return k - i
    return run


def _breaks_name(tokens: list[Token], k: int, long: bool, lex: Lexicon) -> bool:
    """Whether capitalised token ``k`` inside a full name opens the next sentence: a name breaker or
    a photo's credit (Ảnh:) before more words, or in a ``long`` name a word's first syllable."""
    nxt = tokens[k + 1]
    if tokens[k].text in _CREDITS:
        return nxt.text in _CREDIT_MARKS  # 'Tạ Vĩnh Ảnh,': a given name
    if not nxt.is_word:
        return False  # 'bà Lê Thị Có, …': a given name before the comma
    return tokens[k].key in _NAME_BREAKERS or (long and _starts_word(tokens, k, lex))


def _starts_word(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """Whether capitalised token ``k`` and the lower-case word after it start a word of the
    dictionary: a domain written after a title (Cục trưởng Thú y, Anh hùng Lao động), not a name."""
    if k + 1 >= len(tokens) or not tokens[k + 1].is_word or tokens[k + 1].is_cap:
        return False
    pair = f"{tokens[k].key} {tokens[k + 1].key}"
    return pair in lex.words or pair in lex.word_starts


def named_after(tokens: list[Token], i: int, words_: frozenset[str] = _BUILDINGS) -> bool:
    """Whether the capitalised name at ``i`` follows a word that makes it a thing named after
    someone, no person: a school or a building (trường THPT, rạp hát, bảo tàng, chung cư Lê Văn A),
    or with ``_NAMED_AFTER`` a street, a place… (a body's level before a person is a post's: Sở X TP
    Trần Văn B, so the tagger asks only the buildings)."""
    return i > 0 and tokens[i - 1].key in words_


def _given_run(tokens: list[Token], k: int, lex: Lexicon) -> int:
    """A name after a title or honorific without a known family name (Trường Chinh, Anna Lindstedt)."""
    run = cap_run(tokens, k, 4)
    if run and tokens[k].is_acronym:
        return 0
    if run == 1 and _starts_word(tokens, k, lex):
        return 0
    if run and match_head(tokens, k, lex.heads) is None and not match_place(tokens, k, lex):
        return run
    return 0


def _posts_before(
    st: SentenceState, t0: int, tlen: int, former: bool
) -> tuple[int, list[Post], Found | None]:
    """One or more posts before a name: Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh …: (end, posts, last org)."""
    tokens, n = st.tokens, len(st.tokens)
    pending: list[Post] = []
    k = t0
    while True:
        title = " ".join(t.text for t in tokens[k : k + tlen])
        org = _org_in_title(tokens, st.found, k, tlen)
        k += tlen
        if org is not None:
            k = token_at(tokens, org.end)
        pending.append((title, org, former))
        if k + 1 < n and tokens[k].text in _POST_JOINERS:
            nxt = k + 1
            former = tokens[nxt].key == _FORMER
            nxt += 1 if former else 0
            tlen = match_title(tokens, nxt, st.lex) if nxt < n else 0
            if tlen:
                k = nxt
                continue
        return k, pending, org


def _after_title(
    st: SentenceState, t0: int, tlen: int, former: bool, blocked: Spans
) -> tuple[int, int, list[Post]]:
    """A name after its posts: (first token, length, posts), length 0 when none."""
    tokens, n = st.tokens, len(st.tokens)
    k, pending, org = _posts_before(st, t0, tlen, former)
    if k < n and tokens[k].is_cap and tokens[k].is_word and not tokens[k].is_acronym:
        if tokens[k].start not in blocked or (org is not None and tokens[k].start >= org.end):
            run = person_run(tokens, k, st.lex) or _given_run(tokens, k, st.lex)
            if run and not any(tokens[m].start in blocked for m in range(k + 1, k + run)):
                return k, run, pending  # a run into a name read (Tư lệnh Phó | Quân khu X) is none
    return -1, 0, []


def _initials(tokens: list[Token], k: int) -> int:
    """Tokens of the initials at ``k``, each a capital and a full stop (N., T.V.), or one token of
    initials (T.T.D): 0 when none."""
    n, j = len(tokens), k
    if k < n and _DOTTED_INITIALS.fullmatch(tokens[k].text):
        return 1
    while j + 1 < n and len(tokens[j].text) == 1 and tokens[j].is_cap and tokens[j].is_word:
        if tokens[j + 1].text != "." or tokens[j + 1].start != tokens[j].end:
            break
        j += 2
    return j - k


def initial_name(tokens: list[Token], k: int, bare: bool = True) -> int:
    """Tokens of initials and a name at ``k`` (N.Triều, Q. Dũng, T.V. Thuyết, B. TRUNG; the name one
    syllable), or with ``bare`` of two initials or more alone (T.T.D, N.V.T.): 0 when none."""
    size = _initials(tokens, k)
    if not size:
        return 0
    j = k + size
    dotted = tokens[j - 1].text == "."  # 'H.L Từ': initials without their last full stop end the byline
    if dotted and j < len(tokens) and tokens[j].is_word and tokens[j].is_cap and not tokens[j].is_number:
        name = tokens[j].text
        glued = not name.isupper() and any(c.isupper() for c in name[1:])  # K.HoanCông: a lost line break
        if len(name) > 1 and not glued and tokens[j].start - tokens[j - 1].end <= 1:
            return size + 1
        return 0
    initials = sum(1 for t in tokens[k:j] if t.is_word) if size > 1 else tokens[k].text.count(".") + 1
    return size if bare and initials >= 2 else 0


def _byline_at(tokens: list[Token], i: int) -> tuple[int, int]:
    """A byline read from token ``i``: after a photo's credit (Ảnh: N. Hữu, Ảnh K.Hoan), or alone
    on its line ('N.Triều', '(N.SAU)', 'D. Hằng thực hiện'): (first token, length), length 0 when none."""
    k = i
    if tokens[i].text in _CREDITS:
        k = i + 1
        if k < len(tokens) and tokens[k].text in _CREDIT_MARKS:
            k += 1
        size = initial_name(tokens, k)
        return (k, size) if size else (-1, 0)
    if any(tokens[j].is_word for j in range(i)):  # no copy of the tokens before (was quadratic)
        return -1, 0
    size = initial_name(tokens, i)
    tail = [t for t in tokens[i + size :] if t.is_word]
    if size and len(tail) <= _MAX_BYLINE_TAIL and not any(t.is_cap for t in tail):
        return i, size
    return -1, 0


def _before_age(tokens: list[Token], i: int, lex: Lexicon) -> int:
    """Tokens of a name written before its bearer's age, opening a sentence or a bracket: '(tran
    van binh, 18 tuổi, Huế)', 'Bình, 18 tuổi, hỏi …' (in any case, with or without its tones); 0 when none."""
    if (i > 0 and tokens[i - 1].text != "(") or _honorific_len(tokens, i, lex):
        return 0  # 'Bà Trần Thị A, 45 tuổi': the honorific's name, read from it
    k, n = i, len(tokens)
    while k < n and k - i < _MAX_NAME_WORDS and tokens[k].is_word and tokens[k].text.isalpha():
        k += 1
    if k == i or k + 2 >= n or tokens[k].text != "," or not tokens[k + 1].is_number:
        return 0
    if tokens[k + 2].key not in _AGE_WORDS or match_place(tokens, i, lex) or match_head(tokens, i, lex.heads):
        return 0
    if len({t.is_cap for t in tokens[i:k]}) > 1:
        return 0  # 'Em tên Hồ Văn A, 18 tuổi': words before the name
    return k - i


def _name_before_age(tokens: list[Token], i: int, lex: Lexicon) -> tuple[int, int]:
    """(first token, length) of the name before an age at ``i``, without the form of address
    before a full name (Bác Nguyễn Văn A, 70 tuổi); length 0 when none."""
    size = _before_age(tokens, i, lex)
    if size > 2 and tokens[i].key in _ADDRESS_WORDS and person_run(tokens, i + 1, lex) == size - 1:
        return i + 1, size - 1
    return i, size


def _name_before_role(tokens: list[Token], i: int, lex: Lexicon) -> tuple[int, int]:
    """(first token, length) of a given name that opens a sentence or a clause before a comma and
    who its bearer is ('Lan, giáo viên dạy Sinh, kể …', '…", Tuấn, thí sinh Hải Dương, nói', 'Quân,
    một tay cò …', 'Cô Thảo, giáo viên …' without the form of address); not a place, a body, a
    title, an honorific or a word opening a clause (Nay, Ở Mỹ); length 0 when none."""
    size = cap_run(tokens, i, 3)
    k = i + size
    if not 1 <= size <= 2 or k + 1 >= len(tokens) or tokens[k].text != ",":
        return i, 0
    k += 2 if tokens[k + 1].key in _ROLE_ARTICLES else 1
    if _ROLE_PHRASES.first_at(tokens, k) is None:
        return i, 0
    if size == 2 and tokens[i].key in _ADDRESS_WORDS:
        i, size = i + 1, 1
    if any(t.is_acronym for t in tokens[i : i + size]) or tokens[i].key in _CLAUSE_OPENERS:
        return i, 0
    if _honorific_len(tokens, i, lex):
        return i, 0
    if match_place(tokens, i, lex) or match_head(tokens, i, lex.heads) or match_title(tokens, i, lex):
        return i, 0
    return i, size


def _named_len(tokens: list[Token], i: int) -> int:
    """Tokens of 'tên', 'tên là' (named) at ``i`` before a person's name ('chủ quán tên Sâm'), 0
    when none or when a thing is named ('mang tên', 'cái tên')."""
    if i > 0 and tokens[i - 1].key in _THING_NAMED:
        return 0
    named = _NAMED_PHRASES.first_at(tokens, i)
    return len(named) if named is not None else 0


def _after_named(tokens: list[Token], k: int, lex: Lexicon) -> int:
    """Tokens of the name after 'tên' at ``k``: a full or given name, or an initial alone (tên H.)."""
    if tokens[k].is_acronym:
        return 0
    if len(tokens[k].text) == 1 and k + 1 < len(tokens) and tokens[k + 1].text == ".":
        return 2
    return person_run(tokens, k, lex) or _given_run(tokens, k, lex)


@lru_cache(maxsize=4)
def _honorific_firsts(honorifics: frozenset[str]) -> frozenset[str]:
    """The words an honorific starts with (ông, bà, đồng of đồng chí): ``_honorific_len`` is 0 elsewhere."""
    return first_words(honorifics)


@lru_cache(maxsize=4)
def _opening_texts(honorifics: frozenset[str]) -> frozenset[str]:
    """Texts a lower-case word inside the prose needs for ``_name_at`` to read from it: a photo's
    credit or an honorific's first word (with ``_OPENING_KEYS``: nguyên, tên)."""
    return _CREDITS | _honorific_firsts(honorifics)


def _names_a_thing(tokens: list[Token], i: int, honorific: int, lex: Lexicon) -> bool:
    """Whether the honorific at ``i``, capitalised inside a sentence before one capitalised syllable,
    is a word of a name (rạch Ông Đội, khu du lịch Bà Nà, học Anh Văn, nhựa Anh Dũng): inside a
    sentence an honorific is written in lower case (ông Đội, anh Dũng); but 'Bác Hồ', 'Cụ Hồ'
    name a leader by his family name."""
    if not tokens[i].is_cap or i == 0 or not tokens[i - 1].is_word:
        return False
    k = i + honorific
    if k >= len(tokens) or cap_run(tokens, k, 2) != 1 or tokens[k].is_acronym:
        return False
    return tokens[i].key not in _REVERENT or tokens[k].key not in lex.surnames


def _name_at(
    st: SentenceState, i: int, blocked: Spans, people: list[Found]
) -> tuple[int, int, list[Post], int]:
    """A name read from token ``i``: (first token, length, posts, skip to); first is -1 when none."""
    tokens, lex, n = st.tokens, st.lex, len(st.tokens)
    tok = tokens[i]
    former = tok.key == _FORMER and i + 1 < n
    t0 = i + 1 if former else i
    tlen = match_title(tokens, t0, lex) if t0 < n and tokens[t0].is_cap else 0
    if tlen:
        at, size, posts = _after_title(st, t0, tlen, former, blocked)
        return at, size, posts, i + 1
    opens = i == 0 or not tokens[i - 1].is_word  # a byline or a name before an age opens its line
    at, size = _byline_at(tokens, i) if opens or tok.text in _CREDITS else (-1, 0)
    if size:
        return at, size, [], at + size
    at, size = _name_before_age(tokens, i, lex) if i == 0 or tokens[i - 1].text == "(" else (i, 0)
    if not size and opens and tok.is_cap:
        at, size = _name_before_role(tokens, i, lex)
    if size:
        return at, size, [], at + size
    named = _named_len(tokens, i) if tok.key in _NAMED_FIRSTS else 0
    if named and i + named < n and tokens[i + named].is_cap and tokens[i + named].start not in blocked:
        size = _after_named(tokens, i + named, lex)
        if size:
            return i + named, size, [], i + named + size
    if not tok.is_cap and tok.text not in _honorific_firsts(lex.honorifics):
        return -1, 0, [], i + 1  # most words: lower case, no honorific starts with them (speed)
    honorific = _honorific_len(tokens, i, lex)
    if honorific and _names_a_thing(tokens, i, honorific, lex):
        return -1, 0, [], i + honorific  # 'khu du lịch Bà Nà', 'học Anh Văn': a name, not 'bà Nà'
    if honorific:
        k = i + honorific
        if k < n and (size := initial_name(tokens, k)) and tokens[k].start not in blocked:
            return k, size, [], k + size  # anh T.Sơn
        if k < n and (match_title(tokens, k, lex) or _honorific_len(tokens, k, lex)):
            return -1, 0, [], k  # a title or a rank follows: 'đồng chí Thượng tá A' is read from the rank
        if k < n and tokens[k].is_cap and tokens[k].is_word and tokens[k].start not in blocked:
            run = person_run(tokens, k, lex) or _given_run(tokens, k, lex)
            if run:
                return k, run, [], i + 1
    elif tok.is_cap and not (named_after(tokens, i, _NAMED_AFTER) or after_house_number(tokens, i)):
        run = person_run(tokens, i, lex)
        says = run == 2 and _SAYS.match(" ".join(t.key for t in tokens[i + 2 : i + 4]))
        if run >= 3 or (run == 2 and i > 0 and tokens[i - 1].text in (",", _AND) and people) or says:
            return i, run, [], i + 1
    return -1, 0, [], i + 1


def find_people(st: SentenceState, blocked: Spans) -> None:
    """Add the sentence's people (rule ``people``) and the parts of bodies their posts name."""
    tokens, n = st.tokens, len(st.tokens)
    openers = _opening_texts(st.lex.honorifics)
    mask, base = blocked.mask, blocked.base  # 'start in blocked', inlined (speed; the mask grows in place)
    i = 0
    people: list[Found] = []
    while i < n:
        tok = tokens[i]
        if (
            not tok.is_cap
            and i
            and tokens[i - 1].is_word
            and tok.key not in _OPENING_KEYS
            and tok.text not in openers
        ):
            i += 1  # a lower-case word inside the prose opening no title, byline, naming or honorific (speed)
            continue
        if not tok.is_word or (0 <= tok.start - base < len(mask) and mask[tok.start - base] == 1):
            i += 1
            continue
        name_at, name_len, posts, skip = _name_at(st, i, blocked, people)
        if name_at < 0:
            i = skip
            continue
        start, end = tokens[name_at].start, tokens[name_at + name_len - 1].end
        person = Found(start, end, st.text[start - st.base : end - st.base], Group.PERSON, "Person", st.index)
        person.subject_ok = not preceded_by_preposition(tokens, i)
        person.posts = posts
        person.rule = st.rule
        k = _appositive_posts(st, name_at + name_len, person)
        people.append(person)
        blocked.add(start, end)
        i = max(k, name_at + name_len)
    st.found.extend(people)


def _post_words(tokens: list[Token], k: int, lex: Lexicon) -> int:
    """Where the posts given to a name start: after ',', '-', '(' or 'được bầu làm'; -1 when none."""
    if tokens[k].text in (",", "-", "–", "("):
        return k + 1
    return _takes_post_at(tokens, k, lex)


def _takes_post_at(tokens: list[Token], k: int, lex: Lexicon) -> int:
    """The title after 'được bầu làm', 'tiếp tục giữ chức'… at token ``k``; -1 when none."""
    n = len(tokens)
    start = k  # 'được bầu làm Bí thư Huyện ủy', 'tiếp tục được bổ nhiệm giữ chức Giám đốc Sở …'
    for adverb in _ADVERBS:
        if tuple(t.key for t in tokens[start : start + len(adverb)]) == adverb:
            start += len(adverb)
    phrase = _TAKES_POST_PHRASES.first_at(tokens, start)
    taken = len(phrase) if phrase is not None else 0
    if not taken or start + taken >= n or not match_title(tokens, start + taken, lex):
        return -1
    return start + taken


def _appositive_posts(st: SentenceState, k: int, person: Found) -> int:
    """Posts after a name: 'Nguyễn Tài Sơn, Phó Bí thư Thường trực Đảng ủy Khối', '- Bí thư Tỉnh ủy'."""
    tokens, lex, n = st.tokens, st.lex, len(st.tokens)
    if k >= n:
        return k
    pos = _post_words(tokens, k, lex)
    if pos < 0:
        return k
    parts: list[tuple[int, int, Head]] = []  # posts in a bare 'Ban Thường vụ': (post, its first token, head)
    while pos < n:
        former = tokens[pos].key == _FORMER
        t0 = pos + 1 if former else pos
        if t0 >= n:
            break
        tlen = match_title(tokens, t0, lex)
        if not tlen:
            break
        title = " ".join(t.text for t in tokens[t0 : t0 + tlen])
        nxt = t0 + tlen
        org = _org_in_title(tokens, st.found, t0, tlen)
        if org is None and nxt < n and match_head(tokens, nxt, lex.heads) is None:
            org = _org_near(tokens, st.found, nxt)
        if org is not None:
            nxt = token_at(tokens, org.end)
        if nxt < n and tokens[nxt].is_cap and tokens[nxt].is_word and person_run(tokens, nxt, lex):
            return pos  # 'A, Thứ trưởng Bộ Tài chính Trần Văn B': the next person's post, not A's
        if org is None and nxt < n and (head := match_head(tokens, nxt, lex.heads)) is not None and head.part:
            # 'Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Huyện ủy': whose Ban Thường vụ, said later
            parts.append((len(person.posts), nxt, head))
            nxt += len(head.words)
        person.posts.append((title, org, former))
        pos = nxt
        if (
            pos < n
            and tokens[pos].text in (",", _AND)
            and pos + 1 < n
            and (match_title(tokens, pos + 1, lex) or tokens[pos + 1].key == _FORMER)
        ):
            pos += 1
            continue
        # 'A - Phó chủ tịch HĐND tỉnh - giữ chức Phó Bí thư Tỉnh ủy': a post taken after the posts held
        dash = pos < n and tokens[pos].text in ("-", "–", ",")
        again = _takes_post_at(tokens, pos + 1 if dash else pos, lex)
        if again >= 0:
            pos = again
            continue
        break
    _committee_parts(st, person, parts)
    return pos


def _committee_parts(st: SentenceState, person: Found, parts: list[tuple[int, int, Head]]) -> None:
    """The bare parts among a person's posts (Ban Thường vụ) belong to the committee a post names."""
    committee = next(
        (o.inner or o for _, o, _ in person.posts if o is not None and _is_committee(o.inner or o)), None
    )
    if committee is None:
        return
    tokens = st.tokens
    for index, first, head in parts:
        title, _, former = person.posts[index]
        last = tokens[first + len(head.words) - 1]
        text = " ".join(t.text for t in tokens[first : first + len(head.words)])
        part = Found(
            tokens[first].start, last.end, f"{text} {committee.text}", Group.ORG, head.kind, person.sent, head
        )
        part.inner = committee
        part.subject_ok = False
        part.rule = "post_parts"
        st.found.append(part)
        person.posts[index] = (title, part, former)


def _is_committee(org: Found) -> bool:
    return org.kind == "PartyCommittee" and org.head is not None and not org.head.part


def _late_body(st: SentenceState, person: Found, title: str) -> Found | None:
    """The body a few lower-case words after ``title`` (and before the next punctuation), for a
    title written after its name ('A, Phó giám đốc tuyển sinh Trường ĐH X') or before it with the
    body between ('Trưởng phòng đào tạo Trường ĐH X Nguyễn Văn A')."""
    text, base, tokens = st.text, st.base, st.tokens
    after = text.find(title, person.end - base)
    if 0 <= after <= person.end - base + 3:
        at, limit = after + len(title), len(text)
    else:
        before = text.rfind(title, 0, person.start - base)
        if before < 0:
            return None
        at, limit = before + len(title), person.start - base
    k = token_at(tokens, at + base)
    stop = next((t.start for t in tokens[k:] if not t.is_word), base + len(text))
    if any(f.group is Group.PERSON and at + base <= f.start < stop for f in st.found):
        return None  # 'A, đại sứ VN tại Mỹ B': the post is B's
    for j in range(k, min(k + 4, len(tokens))):
        tok = tokens[j]
        if tok.start - base >= limit or not tok.is_word:
            return None
        org = _org_at(st.found, tok.start)
        if org is not None:
            return org
        if tok.is_cap or _SAYS.match(" ".join(t.key for t in tokens[j : j + 3])):
            return None
    return None


def _cut_in_two(st: SentenceState, org: Found) -> bool:
    """'Ban Chấp hành Trung ương Hội Nông dân Việt Nam' read as two bodies: another body right after."""
    return any(g.is_org and g.start == org.end + 1 and st.text[org.end - st.base] == " " for g in st.found)


_PLURAL_HONORIFICS = tuple(words("plural_honorifics"))  # các đồng chí: a list of people follows


def _shared_posts(st: SentenceState) -> None:
    """'các đồng chí Phó viện trưởng A, B': the names listed after the first share its posts."""
    people = sorted((f for f in st.found if f.group is Group.PERSON), key=lambda f: f.start)
    sharing: set[int] = set()
    for prev, cur in zip(people, people[1:], strict=False):
        gap = st.text[prev.end - st.base : cur.start - st.base].strip()
        if cur.posts or not prev.posts or gap not in (",", _AND):
            continue
        if id(prev) not in sharing:
            title = prev.posts[0][0]
            at = st.text.rfind(title, 0, prev.start - st.base)
            if at < 0 or not st.text[:at].rstrip().lower().endswith(_PLURAL_HONORIFICS):
                continue
        cur.posts = list(prev.posts)
        sharing.add(id(cur))


def rule_late_posts(st: SentenceState) -> None:
    """Posts revised once every name is found: a post with no body takes the one only a later rule
    (the tagger) found ('Lê Văn A, Phó giám đốc tuyển sinh Trường ĐH Kinh tế TP.HCM'); a post whose
    body is followed at once by another body names a body cut in two, and keeps none."""
    _shared_posts(st)
    for person in (f for f in st.found if f.group is Group.PERSON):
        for index, (title, org, former) in enumerate(person.posts):
            if org is None and (body := _late_body(st, person, title)) is not None:
                person.posts[index] = (title, body, former)
            elif org is not None and _cut_in_two(st, org):
                person.posts[index] = (title, None, former)


_DELEGATION = re.compile(word("delegation_re"))
_DELEGATION_OF = re.compile(word("delegation_of_re"))


def rule_delegations(st: SentenceState) -> None:
    """'Đoàn kiểm tra của Ban Bí thư', 'Đoàn công tác của Tỉnh ủy X': a delegation sent by the body
    named after 'của', an organisation of its own and a part of that body."""
    text, base = st.text, st.base
    for m in _DELEGATION.finditer(text):
        start = m.start() + base
        # 'Đoàn công tác' is a delegation, not the Youth Union that 'Đoàn' alone names
        st.found = [g for g in st.found if not (g.start == start and g.rule == "lone_doan")]
        body = next(
            (f for f in sorted(st.found, key=lambda f: f.start) if f.is_org and f.start > start), None
        )
        if body is None or not _DELEGATION_OF.match(text[m.end() : body.start - base]):
            continue
        first, *rest = m.group(0).split()
        words_ = (first[:1].upper() + first[1:], *rest)  # the name is written as a name: 'Đoàn kiểm tra'
        keys = tuple(name_key(w) for w in words_)
        head = Head(words_, keys, "Organization", False, False, True, True, False)
        name = text[m.start() : body.end - base]
        f = Found(start, body.end, name, Group.ORG, "Organization", st.index, head=head, inner=body)
        f.subject_ok = not preceded_by_preposition(st.tokens, token_at(st.tokens, start))
        st.add(f, take=False)
