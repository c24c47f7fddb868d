"""Legal and Party documents: numbers, types, dates, terms, titles.

Party numbers are ``number-TYPE/ISSUER`` (``05-CT/TW``), state numbers
``number[/year]/TYPE-ISSUER`` (``30/2020/NĐ-CP``, ``06/CT-TTg``); news text drifts
(``35- NQ/TW``, ``700 QĐ/TTG``). The type comes from the word before the number when
there is one (``Quy định 55-QĐ/TW`` is a regulation), else from the code.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..text import name_key
from .lexicon import Lexicon
from .lexicon import word as _word
from .lexicon import words as _words

_L, _UP, _UPU = _word("letters_re"), _word("upper_re"), _word("upper_u_re")
_TYPE_BEFORE = re.compile(_word("type_before_re"))
_GENERIC, _LETTER, _ORDINANCE = _word("generic_document"), _word("official_letter"), _word("ordinance")
_RESOLUTION_WORD, _CENTRAL_WORD = _word("resolution"), _word("central_written")
_AND = _word("and")
_CONGRESS_WORD, _TERM_WORD = _word("congress"), _word("term")
_PARTY = re.compile(
    rf"(?<![\w/.-])(\d{{1,5}})\s*[-–—]\s*([{_UP}][{_L}]{{0,4}})\s*/\s*([{_UPU}][{_L}]{{0,11}}(?:-[{_UP}][{_L}]{{0,9}})?)(?![\w/])"
)
_STATE = re.compile(
    rf"(?<![\w/.-])(\d{{1,5}})\s*(?:[/-]\s*((?:19|20)\d{{2}})\s*)?/\s*([{_UP}][{_L}]{{0,5}})\s*-\s*([{_UP}][{_L}0-9]{{0,11}}(?:-[{_UP}][{_L}0-9]{{0,9}})?)(?![\w/])"
)
_LOOSE = re.compile(
    rf"(?<![\w/.-])(\d{{1,5}})\s+([{_UP}][{_L}]{{0,4}})\s*/\s*([{_UP}][{_L}]{{1,11}})(?![\w/])"
)
_DIGIT = re.compile(r"\d")
_PLENUM = re.compile(
    _word("plenum_re"),
)
_CONGRESS = re.compile(_word("congress_re"))
_TERM = re.compile(_word("term_re"))
_DATE = re.compile(_word("date_re"))
_OF = re.compile(_word("of_re"))
_ABOUT = re.compile(_word("about_re"))
_ABOUT_PLAIN = re.compile(_word("about_plain_re"))


@dataclass(frozen=True)
class DocMention:
    start: int
    end: int  # end of the name (type word + number), before date/issuer/title
    text: str
    kind: str  # class local name
    label: str  # canonical name: 'Chỉ thị 05-CT/TW'
    number: str = ""  # canonical number: '05-CT/TW'
    type_code: str = ""
    issuer_code: str = ""
    term: str = ""
    short: str = ""  # for short references: the number alone ('05'), to resolve in the article
    plenum: str = ""  # 'Trung ương 4'
    rule: str = ""  # the rule that found it


def _type_before(text: str, start: int, lex: Lexicon) -> tuple[str, int]:
    """The document type word just before ``start`` (with optional 'số'), maybe followed by one or two
    lower-case words saying what kind ('Nghị quyết chuyên đề số', 'Chương trình phối hợp số'):
    (word, its start)."""
    before = text[max(0, start - 60) : start]
    m = _TYPE_BEFORE.search(before)
    if not m:
        return "", start
    words = m.group(1).split()
    for skip in range(3):
        tail = words[len(words) - skip :] if skip else []
        if skip >= len(words) or not all(w.isalpha() and w.islower() and w not in _LAW_STOP for w in tail):
            break
        for n in range(min(4, len(words) - skip), 0, -1):
            phrase = " ".join(words[len(words) - skip - n : len(words) - skip])
            if name_key(phrase) in lex.doc_words:
                pos = start - len(before) + before.rfind(phrase, 0, m.end(1) + 1)
                return phrase, pos
    return "", start


def _code(raw: str, lex: Lexicon) -> str:
    """Canonical spelling of a type code (QĐI -> QĐi), '' when not a type code."""
    for code in lex.doc_codes:
        if code.lower() == raw.lower():
            return code
    return ""


def _issuer(raw: str, lex: Lexicon) -> str:
    for code in lex.issuer_codes:
        if code.lower() == raw.lower():
            return code
    return raw


@dataclass
class DocScan:
    """A sentence as the document rules read it, and the document mentions found so far."""

    text: str
    lex: Lexicon
    found: list[DocMention] = field(default_factory=list)
    taken: list[tuple[int, int]] = field(default_factory=list)
    rule: str = ""  # the rule running now
    dropped: list[tuple[str, int, int, str]] = field(default_factory=list)  # (rule, start, end, why)
    digits: bool = True  # whether the sentence holds a digit (two sentences in three hold none)

    def free(self, a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in self.taken)

    def add(self, mention: DocMention) -> None:
        self.found.append(replace(mention, rule=self.rule))
        self.taken.append((mention.start, mention.end))


def _canonical_number(m: re.Match[str], style: str, lex: Lexicon) -> tuple[str, str, str] | None:
    """(canonical number, type code, issuer code) of a number match, None when it is none."""
    if style == "state":
        number, year, code_raw, issuer_raw = m.group(1), m.group(2), m.group(3), m.group(4)
        code = _code(code_raw, lex)
        if code:
            issuer = _issuer(issuer_raw, lex)
            return (f"{number}/{year}/{code}-{issuer}" if year else f"{number}/{code}-{issuer}"), code, issuer
        if not code_raw.isupper():
            return None
        return f"{number}/{code_raw}-{issuer_raw}", code, code_raw  # a Công văn: number/ISSUER-UNIT
    number, code_raw, issuer_raw = m.group(1), m.group(2), m.group(3)
    code = _code(code_raw, lex)
    if not code:
        return None
    issuer = _issuer(issuer_raw, lex)
    return (f"{number}-{code}/{issuer}" if style == "party" else f"{number}/{code}-{issuer}"), code, issuer


def _numbered(ds: DocScan, m: re.Match[str], style: str) -> None:
    text, lex = ds.text, ds.lex
    number = _canonical_number(m, style, lex)
    if number is None:
        return
    canon, code, issuer = number
    word, wstart = _type_before(text, m.start(), lex)
    if word:
        kind = lex.doc_words[name_key(word)][1]
        word = word[0].upper() + word[1:]
    else:
        kind = lex.doc_codes.get(code, ("LegalDocument", ""))[0] if code else "LegalDocument"
        word = lex.doc_codes.get(code, ("", _GENERIC))[1] if code else _LETTER
    start = wstart if wstart < m.start() else m.start()
    end = m.end()
    tm = _TERM.match(text[end:])
    term = tm.group(1) if tm else ""
    ds.add(DocMention(start, end, text[start:end], kind, f"{word} {canon}", canon, code, issuer, term))


def rule_doc_numbers(ds: DocScan) -> None:
    """Numbered documents: Party (05-CT/TW), state (30/2020/NĐ-CP) and loose (700 QĐ/TTG) numbers."""
    if not ds.digits:
        return  # each pattern opens with a number (two sentences in three hold none)
    for pattern, style in ((_PARTY, "party"), (_STATE, "state"), (_LOOSE, "loose")):
        for m in pattern.finditer(ds.text):
            if ds.free(m.start(), m.end()):
                _numbered(ds, m, style)


def rule_plenum_resolutions(ds: DocScan) -> None:
    """'Nghị quyết Trung ương 4 (khóa XII)': a Central Committee plenum's resolution."""
    text = ds.text
    for m in _PLENUM.finditer(text):
        if not ds.free(m.start(), m.end()):
            continue
        plenum = m.group(1)
        term = m.group(2) or ""
        label = f"{_RESOLUTION_WORD} {_CENTRAL_WORD} {plenum}" + (f" ({_TERM_WORD} {term})" if term else "")
        end = m.start() + len(m.group(0).rstrip())  # the optional ')' may leave a space matched
        mention = DocMention(m.start(), end, text[m.start() : end], "Resolution", label, "", "NQ", "TW", term)
        ds.add(replace(mention, plenum=f"{_CENTRAL_WORD} {plenum}"))


def rule_congress_resolutions(ds: DocScan) -> None:
    """The resolution of a national Party congress: 'Nghị quyết Đại hội XIII (của Đảng)'."""
    text = ds.text
    for m in _CONGRESS.finditer(text):
        if not ds.free(m.start(), m.end()):
            continue
        term = m.group(1)
        label = f"{_RESOLUTION_WORD} {_CONGRESS_WORD} {term}"
        mention = DocMention(
            m.start(), m.end(), text[m.start() : m.end()], "Resolution", label, "", "NQ", "TW", term
        )
        ds.add(replace(mention, plenum=f"{_CONGRESS_WORD} {term}"))


def rule_short_references(ds: DocScan) -> None:
    """Short references: 'Chỉ thị 05', 'Nghị quyết số 35' (resolved against the article's numbers)."""
    if not ds.digits:
        return  # the pattern reads a number
    for m in _SHORT.finditer(ds.text):
        if not ds.free(m.start(), m.end()):
            continue
        code, kind = ds.lex.doc_words[name_key(m.group(1))]
        label = f"{m.group(1)} {m.group(2)}"
        ds.add(DocMention(m.start(), m.end(), m.group(0), kind, label, "", code, "", "", short=m.group(2)))


def rule_laws(ds: DocScan) -> None:
    """Named laws: 'Luật Đất đai', 'Bộ luật Hình sự', cut before the first word that cannot belong."""
    text = ds.text
    pos = 0
    while m := _LAW.search(text, pos):
        pos = m.end()
        if not ds.free(m.start(), m.end()) or _SCHOOL_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue
        name, stop = _trim_name(m.group(0), ds.lex)
        pos = m.start() + len(name)  # '… của Hội đồng nhân dân và Luật Đất đai': the next law starts inside
        if stop:
            ds.dropped.append((ds.rule, m.start(), m.end(), f"name cut before the stop word '{stop}'"))
        if len(name.split()) < 2:
            continue
        kind = "Law" if m.group(1) != _ORDINANCE else "LegalDocument"
        number = _LAW_NUMBER.match(text, m.start() + len(name))  # 'Luật … số 72/2025/QH15'
        law_number = number.group(1) if number else ""
        ds.add(DocMention(m.start(), m.start() + len(name), name, kind, name, law_number))


@lru_cache(maxsize=8)
def _named(rules: tuple[Callable[[DocScan], None], ...]) -> tuple[tuple[str, Callable[[DocScan], None]], ...]:
    """Each document rule with its name (named once per process, not once per sentence)."""
    return tuple((rule.__name__.removeprefix("rule_"), rule) for rule in rules)


def scan_documents(text: str, lex: Lexicon, rules: Sequence[Callable[[DocScan], None]]) -> DocScan:
    """Every document mention in ``text`` (a sentence) that ``rules`` find, running them in order;
    the mentions sorted by position."""
    ds = DocScan(text, lex, digits=_DIGIT.search(text) is not None)
    for name, rule in _named(tuple(rules)):
        ds.rule = name
        rule(ds)
    ds.found.sort(key=lambda d: d.start)
    return ds


_SHORT = re.compile(_word("short_re"))
_LAW = re.compile(_word("law_re"))


_LAW_STOP = frozenset(_words("law_stop"))
# 'Trường ĐH Luật TP HCM', 'khoa Luật Quốc tế': a school or faculty of law, not a law
_SCHOOL_BEFORE = re.compile(_word("school_before_re"))
# two-word verbs whose first word can also sit inside a name ('quy phạm', 'Ban hành')
_LAW_STOP_PAIRS = frozenset(name_key(pair) for pair in _words("law_stop_pairs"))


# 'Luật Giám sát hoạt động của …': a title whose last words take a 'của' complement
_LAW_OF_BEFORE = frozenset(name_key(w) for w in _words("law_of_before"))
_LAW_OF = name_key(_word("of"))
_LAW_AND = name_key(_word("and"))
_LAW_OF_TAIL = frozenset(name_key(w) for w in _words("law_of_tail"))
_LAW_AND_OPENING = frozenset(name_key(w) for w in _words("law_and_opening"))
_LAW_NUMBER = re.compile(_word("law_number_re"))


def _title_goes_on(keep: list[str], words: list[str], i: int, in_of: bool) -> bool:
    """A stop word that belongs to a law's title: 'của' after 'hoạt động' ('Luật Giám sát hoạt động
    của Ủy ban nhân dân các cấp'), then 'và' joining a second body ('của HĐND và UBND', not '… và Luật
    Thủy lợi')."""
    key = name_key(words[i])
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if in_of and name_key(f"{words[i]} {nxt}") in _LAW_OF_TAIL:
        return True
    if key == _LAW_OF:
        tail = {name_key(" ".join(keep[-n:])) for n in (1, 2, 3)}
        return not in_of and bool(tail & _LAW_OF_BEFORE) and i + 1 < len(words) and words[i + 1][:1].isupper()
    # 'Luật Tổ chức HĐND và UBND': the organisation law of two bodies
    two_bodies = name_key(" ".join(keep[1:3])) in _LAW_AND_OPENING and len(keep) > 3
    return (in_of or two_bodies) and key == _LAW_AND and nxt[:1].isupper() and not _LAW.match(nxt + " X")


def _trim_name(phrase: str, lex: Lexicon) -> tuple[str, str]:
    """Cut a law's name before the first word that cannot belong to it: (name, the stop word or '')."""
    words = phrase.split()
    keep = [words[0]]
    in_of = False
    for i, word in enumerate(words[1:13], start=1):
        if not word[0].isalnum():
            break
        if name_key(word) in _LAW_STOP and _title_goes_on(keep, words, i, in_of):
            in_of = True
            keep.append(word)
            continue
        if in_of and name_key(f"{keep[-1]} {word}") in _LAW_OF_TAIL:
            keep.append(word)
            continue
        if name_key(word) in _LAW_STOP and name_key(f"{keep[-1]} {word}") not in lex.words:
            return " ".join(keep), word  # unless it completes a word: 'Luật Hàng không'
        pair = f"{word} {words[i + 1]}" if i + 1 < len(words) else ""
        if len(keep) > 1 and word.islower() and name_key(pair) in _LAW_STOP_PAIRS:
            return " ".join(keep), pair
        keep.append(word)
    return " ".join(keep), ""


def read_after(text: str, end: int) -> tuple[int, str, str]:
    """After a document's name: (end of date/term, ISO date or '', term or '')."""
    date = ""
    term = ""
    pos = end
    for _ in range(2):
        tm = _TERM.match(text[pos:])
        if tm:
            term = tm.group(1)
            pos += tm.end()
            continue
        dm = _DATE.match(text[pos:])
        if dm:
            day, month, year = int(dm.group(1)), int(dm.group(2) or dm.group(3)), int(dm.group(4))
            if 1 <= day <= 31 and 1 <= month <= 12:
                date = f"{year:04d}-{month:02d}-{day:02d}"
            pos += dm.end()
            continue
        break
    return pos, date, term


def of_at(text: str, pos: int) -> int:
    """Offset just past 'của'/'do' at ``pos`` (-1 when absent)."""
    m = _OF.match(text[pos:])
    return pos + m.end() if m else -1


def title_at(
    text: str, pos: int, quotes: list[tuple[int, int]], stops: Sequence[int] = ()
) -> tuple[str, int, int]:
    """A quoted (or 'về việc …') title starting at ``pos``: (title, start, end) or ('', -1, -1).
    An unquoted title ends at the first of ``stops`` (offsets where the sentence goes on: the next
    document of a list, the subject of the main clause)."""
    m = _ABOUT.match(text[pos:])
    if m:
        qpos = pos + m.end() + 1
        for start, end in quotes:
            if start == qpos:
                return text[start:end].strip(), start, end
    m2 = _ABOUT_PLAIN.match(text[pos:])
    if m2 and len(m2.group(1).split()) <= 35:
        start = pos + m2.start(1)
        end = min((s for s in stops if start < s < pos + m2.end(1)), default=pos + m2.end(1))
        title = text[start:end].rstrip(" ,;")
        title = title.removesuffix(" " + _AND).rstrip(" ,") if end < pos + m2.end(1) else title.strip(" ,")
        if title:
            return title, start, start + len(title)
    return "", -1, -1
