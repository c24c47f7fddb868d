"""Relations from cue verbs and their arguments, each with the sentence it came from.

A cue (``chỉ đạo``, ``triển khai``, ``phối hợp với``…) takes as subject the nearest
organisation before it that is not a complement (not after ``ở``, ``của``, ``với``…),
with the organisations listed with it; its objects are the entities between it and the
next cue. Cues that follow each other (``lãnh đạo thực hiện``) share their objects, and
the object's class picks the relation. A sentence without a subject of its own carries
the subject of its previous clause, or the article's main actor (the body its title
names).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..model import Relation, Sentence
from ..text import name_key
from .lexicon import Lexicon, lexicon, word, words
from .modality import ASSERTED, modality_of
from .state import Drop, Found, Group, SentenceState
from .tokens import Token

_ORG, _DOC, _CAMPAIGN, _PROJECT, _EVENT = Group.ORG, Group.DOC, Group.CAMPAIGN, Group.PROJECT, Group.EVENT
_TARGETS: dict[str, dict[Group, str]] = {
    # cue class -> {object group -> predicate}
    "LEAD": {_ORG: "directs", _DOC: "implements", _CAMPAIGN: "implements", _PROJECT: "implements"},
    "IMPLEMENT": {_DOC: "implements", _CAMPAIGN: "implements", _PROJECT: "implements"},
    "ORGANIZE": {_CAMPAIGN: "organizes", _EVENT: "organizes"},
    "PARTICIPATE": {_CAMPAIGN: "participatesIn", _EVENT: "participatesIn"},
    "COOPERATE": {_ORG: "cooperatesWith"},
    "ASSIGN": {_ORG: "directs"},
    "PARTOF": {_ORG: "subOrganizationOf"},
}
_SEPARATORS = frozenset(words("separators"))

_OF = word("of")  # của
_BOARD = word("board")  # ban


@dataclass(frozen=True)
class Cue:
    start: int  # absolute offsets
    end: int
    cls: str


_CUE_PATTERNS: dict[int, tuple[re.Pattern[str], dict[str, str]]] = {}
_NOUN_AFTER = re.compile(word("noun_after_re"))
_UNDER = re.compile(word("under_re"))
_BODY_AFTER = re.compile(word("body_after_re"))
_LEAD_NOUN_BEFORE = re.compile(word("lead_noun_before_re"))
_NOUN_BEFORE = re.compile(word("noun_before_re"))


def _cue_pattern(lex: Lexicon) -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex for every cue phrase, longest first; and the class of each phrase (lower case)."""
    cached = _CUE_PATTERNS.get(id(lex))
    if cached is None:
        phrases = sorted((p for p, _ in lex.cues), key=len, reverse=True)
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)", re.I)
        cached = _CUE_PATTERNS[id(lex)] = (pattern, {p.lower(): c for p, c in lex.cues})
    return cached


#: A character outside the scripts where the lower case of a text is matched as a case-blind pattern
#: matches the text: those a case-blind pattern also matches another way (ı and i, ſ and s, µ, Greek,
#: Cyrillic: ``re._casefix``), İ (two characters in lower case), Σ (its lower case reads the next letter)
_NOT_PLAIN = re.compile(
    "[^\x00-\xb4\xb6-\u012f\u0132-\u017e\u0180-\u024f\u0300-\u0344\u0346-\u036f"
    "\u1e00-\u1e60\u1e62-\u1e9a\u1e9c-\u1eff\u2000-\u206f]"
)
_LOWER_CUE_PATTERNS: dict[int, tuple[Lexicon, re.Pattern[str] | None]] = {}


def _lower_cue_pattern(lex: Lexicon) -> re.Pattern[str] | None:
    """``_cue_pattern`` in lower case, matched with case (faster) in a text's lower case: it finds
    what the case-blind pattern finds in a text ``_NOT_PLAIN`` finds nothing in; None when a phrase
    is not plain."""
    cached = _LOWER_CUE_PATTERNS.get(id(lex))
    if cached is None or cached[0] is not lex:
        phrases = sorted((p for p, _ in lex.cues), key=len, reverse=True)
        plain = not any(_NOT_PLAIN.search(p) for p in phrases)
        alternation = "|".join(re.escape(p.lower()) for p in phrases)
        pattern = re.compile(r"(?<!\w)(?:" + alternation + r")(?!\w)") if plain else None
        cached = _LOWER_CUE_PATTERNS[id(lex)] = (lex, pattern)
    return cached[1]


def cue_matches(text: str, lex: Lexicon) -> Iterator[re.Match[str]]:
    """The cue phrases of ``text``, as ``_cue_pattern`` finds them (in the text's lower case when
    the text is plain: the match's offsets and its lower case are the same)."""
    lower = _lower_cue_pattern(lex)
    if lower is not None and _NOT_PLAIN.search(text) is None:
        return lower.finditer(text.lower())
    return _cue_pattern(lex)[0].finditer(text)


def cue_class(matched: str, lex: Lexicon) -> str:
    """The class of the cue phrase ``matched`` (a match of ``cue_matches``): looked up by its lower
    case, or, when that is no phrase's (İ lower-cases to two characters; the case-blind pattern
    reads it as I), by the phrase it spells case-blind."""
    class_of = _cue_pattern(lex)[1]
    cls = class_of.get(matched.lower())
    if cls is None:
        cls = next(c for p, c in lex.cues if re.fullmatch(re.escape(p), matched, re.I))
    return cls


def find_cues(sm: SentenceState, lex: Lexicon) -> list[Cue]:
    text = sm.sentence.text
    base = sm.sentence.start
    # the verbs inside a meeting's name still act: 'tổ chức Hội nghị quán triệt Chỉ thị X'
    spans = [(f.start, f.end) for f in sm.found if f.group is not Group.EVENT] + sm.quotes
    class_of = _cue_pattern(lex)[1]
    cues: list[Cue] = []
    for m in cue_matches(text, lex):
        cls = class_of.get(m.group(0).lower()) or cue_class(m.group(0), lex)
        a, b = m.start() + base, m.end() + base
        if any(s <= a < e for s, e in spans):
            continue
        # 'tổ chức' before 'Đảng'/'cơ sở', or after 'các', is the noun (organisation), not the verb
        if cls == "ORGANIZE" and (_NOUN_AFTER.match(text, m.end()) or _NOUN_BEFORE.search(text[: m.start()])):
            continue
        # 'giao Bộ Tài chính chủ trì', 'yêu cầu UBND tỉnh…': an order only when a body follows at once
        if cls in ("ASSIGN", "PARTOF") and not _BODY_AFTER.match(text, m.end()):
            continue
        # 'Ban Cán sự Đảng, lãnh đạo Bộ…', 'sự chỉ đạo': the noun (leadership), not the verb
        if cls == "LEAD" and _LEAD_NOUN_BEFORE.search(text[: m.start()]):
            continue
        if cls == "LEAD" and _lead_is_noun(sm, a, b):
            continue
        cues.append(Cue(a, b, cls))
    return cues


_LEAD_NOUN_CUE = word("lead_noun_cue")  # lãnh đạo


def _keys(text: str) -> list[str]:
    """The words of ``text`` as name keys, without punctuation."""
    return re.findall(r"\w+", name_key(text))


_SPACE = re.compile(r"\s")


def _last_keys(text: str, end: int, count: int) -> list[str]:
    """``_keys(text[:end])[-count:]``, read from the words before ``end`` only: a rule asks it at
    every name of a sentence, and the keys of the whole text before each made a long one quadratic."""
    size = 64
    while size < end:
        window = text[end - size : end]
        cut = _SPACE.search(window)  # whole words from the first space on
        keys = _keys(window[cut.start() :]) if cut else []
        if len(keys) >= count:
            return keys[-count:]
        size *= 2
    return _keys(text[:end])[-count:]


def _ends_with(keys: list[str], name: str) -> bool:
    """``keys`` end with one of the phrases of list ``name`` of rule_words.tsv."""
    return any(" ".join(keys[k:]) in _word_keys(name) for k in range(len(keys)))


def _starts_with(keys: list[str], name: str) -> bool:
    """``keys`` start with one of the phrases of list ``name`` of rule_words.tsv."""
    return any(" ".join(keys[:k]) in _word_keys(name) for k in range(1, len(keys) + 1))


@cache
def _word_keys(name: str) -> frozenset[str]:
    return frozenset(name_key(w) for w in words(name))


def _lead_is_noun(sm: SentenceState, start: int, end: int) -> bool:
    """'các vị lãnh đạo cao cấp Quân khu 3', 'báo cáo với lãnh đạo Thành ủy', 'Đảng lãnh đạo, Nhà nước
    quản lý', 'chúc Tết lãnh đạo Thành ủy': the leaders or the leadership, not a verb with an object."""
    text, base = sm.text, sm.base
    after = text[end - base :]
    if after.lstrip().startswith(","):
        return True
    if name_key(text[start - base : end - base]) != name_key(_LEAD_NOUN_CUE):
        return False
    before = _last_keys(text, start - base, 2)
    if _ends_with(before, "lead_noun_before") or _starts_with(_keys(after)[:3], "lead_noun_after"):
        return True
    body_next = any(f.is_org and 0 <= f.start - end <= 1 for f in sm.found)
    body_before = any(f.is_org and 0 <= start - f.end <= 1 for f in sm.found)
    return body_next and not body_before and not _ends_with(before, "lead_verb_before")


def _credited(text: str, base: int, body: Found) -> bool:
    """A body named by a photo credit or a source ('Ảnh: TTXVN', 'Nguồn: …') or in brackets (a
    dateline: '(NLĐ)- Thực hiện chỉ đạo …', '(TTXVN)'): never a subject."""
    start, end = body.start - base, body.end - base
    if text[:start].rstrip().endswith("(") and text[end:].lstrip().startswith(")"):
        return True
    before = _last_keys(text, start, 1)
    return _ends_with(before, "credit")


def _in_place_phrase(text: str, base: int, start: int, body: Found) -> bool:
    """'Sáng 3/5, tại Hội trường Tỉnh ủy X đã khai mạc …': a body in the place phrase that opens its
    stretch of the clause (no comma between) is the place's owner, never a subject."""
    keys = _keys(text[start - base : body.start - base].rsplit(",", 1)[-1])
    return 1 < len(keys) <= 4 and _starts_with(keys[:1], "place_preps")  # tại + a building's name


def _clauses(sm: SentenceState) -> list[tuple[int, int]]:
    """Clause spans of a sentence: split at ';' outside quotes (';' between quoted items is a list)."""
    text = sm.sentence.text
    base = sm.sentence.start
    cuts = [base]
    for m in re.finditer(";", text):
        pos = m.start() + base
        if any(s <= pos < e for s, e in sm.quotes):
            continue
        before = text[: m.start()].rstrip()
        after = text[m.end() :].lstrip()
        if before.endswith(("”", '"')) and after.startswith(("“", '"')):
            continue
        cuts.append(pos + 1)
    cuts.append(sm.sentence.end)
    return [(cuts[k], cuts[k + 1]) for k in range(len(cuts) - 1)]


def _group_before(cands: list[Found], tokens: list[Token], source: str, base: int) -> list[Found]:
    """The last candidate and those listed with it (A, B và C)."""
    if not cands:
        return []
    group = [cands[-1]]
    for prev in reversed(cands[:-1]):
        gap = source[prev.end - base : group[0].start - base].strip()
        if prev.group != group[0].group:
            break  # Chủ tịch UBND tỉnh Phạm Anh Tuấn: the person, not the body
        if gap in _SEPARATORS or gap == "":
            group.insert(0, prev)
        else:
            break
    return group


@lru_cache(maxsize=1)
def _rank_words() -> tuple[dict[float, tuple[str, ...]], dict[float, tuple[str, ...]]]:
    """Words that tell a body's rank inside its name, and at its start (' bộ ', ' sở '), by rank."""
    inside: dict[float, list[str]] = defaultdict(list)
    for level, rank in lexicon().level_ranks.items():
        inside[rank].append(f" {level} ")
    starts: dict[float, list[str]] = defaultdict(list)
    for name, table in (("body_rank", inside), ("body_rank_start", starts)):
        for entry in words(name):
            number, phrase = entry.split("\t")
            table[float(number)].append(f" {phrase} ")
    return {r: tuple(w) for r, w in inside.items()}, {r: tuple(w) for r, w in starts.items()}


#: Central bodies first, then the lowest level a name says (Huyện ủy X tỉnh Y is a district's)
_RANK_ORDER = (1.0, 4.0, 3.0, 2.0)


def level_of(body: Found) -> float | None:
    """How high a body stands: 0 the Party's and state's national leadership, 1 central bodies,
    2 provincial, 3 district, 4 commune; None when its name does not say."""
    key = " " + " ".join(name_key(body.name or body.text).replace("-", " ").split()) + " "
    if body.head is not None and body.head.national:
        return 0.0
    inside, starts = _rank_words()
    for rank in _RANK_ORDER:
        if any(w in key for w in inside.get(rank, ())) or key.startswith(starts.get(rank, ())):
            return rank
    return None


def _may_direct(director: Found, body: Found) -> bool:
    """A body directs bodies at its level or below, never a higher one."""
    high, low = level_of(director), level_of(body)
    return high is None or low is None or high <= low


def _fronted_subject(text: str, base: int, cue: Cue, window_end: int, found: list[Found]) -> list[Found]:
    """In 'Thực hiện X, Y ban hành Z', the organisations Y right before the next verb, after a comma."""
    cands = [
        f
        for f in found
        if f.is_org
        and cue.end <= f.start
        and f.end <= window_end
        and f.subject_ok
        and not text[f.end - base : window_end - base].strip(" ,").split(" ")[0:1] == [_OF]
    ]
    if not cands:
        return []
    last = cands[-1]
    gap = text[last.end - base : window_end - base]
    if len(gap.split()) > 4 or "," in gap:
        return []
    before = text[cue.end - base : last.start - base]
    if "," not in before:
        return []
    group = [last]
    for prev in reversed(cands[:-1]):
        between = text[prev.end - base : group[0].start - base].strip()
        if between in _SEPARATORS:
            group.insert(0, prev)
        else:
            break
    return group


def _fronted_body(text: str, base: int, cue: Cue, window_end: int, found: list[Found]) -> list[Found]:
    """In 'Thực hiện Chỉ thị X, Đảng ủy Y đã …' (no cue after): the bodies right after the first comma
    that follows a document of the fronted clause."""
    docs = [f for f in found if f.group is Group.DOC and cue.end <= f.start < window_end]
    comma = text.find(",", docs[0].end - base, window_end - base) if docs else -1
    if comma < 0:
        return []
    bodies = [f for f in found if f.is_org and f.subject_ok and comma + base < f.start < window_end]
    if not bodies or text[comma + 1 : bodies[0].start - base].strip():
        return []
    group = [bodies[0]]
    for nxt in bodies[1:]:
        if text[group[-1].end - base : nxt.start - base].strip() not in _SEPARATORS:
            break
        group.append(nxt)
    return group


def _part_of_pair(
    text: str, base: int, subject: list[Found], first: Cue, objects: list[Found]
) -> list[Found]:
    """'X thuộc Y', 'X trực thuộc Y': the whole Y right after the cue, when the part X stands right
    before it and the two can nest (no ministry inside another, no body inside a lower one)."""
    if not subject or not objects or text[subject[-1].end - base : first.start - base].strip(" ,") != "":
        return []
    whole, part = objects[0], subject[-1]
    if text[first.end - base : whole.start - base].strip() not in ("", *_word_keys("plural")):
        return []
    high, low = level_of(whole), level_of(part)
    if high is not None and low is not None and high > low:
        return []
    if part.head is not None and whole.head is not None and part.head.words == whole.head.words:
        return [whole] if part.head.part else []  # Bộ Tài nguyên … thuộc Bộ Xây dựng: no
    return [whole]


def _issues_unnamed(sm: SentenceState, cues: list[Cue], lex: Lexicon) -> bool:
    """'ban hành kế hoạch thực hiện Nghị quyết 12': what is issued is a document the sentence does
    not name (a type word no document mention starts at), not the one the next verb takes."""
    issue = next(c for c in cues if c.cls == "ISSUE")
    if issue is cues[-1]:
        return False
    rest = sm.text[issue.end - sm.base :]
    named = any(f.start == issue.end + len(rest) - len(rest.lstrip()) for f in sm.found)
    after = _keys(rest)[:3]
    return not named and any(" ".join(after[:k]) in lex.doc_words for k in range(1, 4))


def _focus_objects(sm: SentenceState, c_end: int, found: list[Found]) -> list[Found]:
    """'… đã quán triệt, triển khai thực hiện nghiêm túc; trong đó trọng tâm là Nghị quyết 09': the
    documents of the next clause when it opens with a focus word and names no subject of its own."""
    rest = sm.text[c_end - sm.base :]
    clause = rest.split(";", 1)[0]
    if not _starts_with(_keys(clause)[:4], "focus"):
        return []
    inside = [f for f in found if c_end <= f.start < c_end + len(clause)]
    if inside and inside[0].is_org and inside[0].subject_ok:
        return []
    return [f for f in inside if f.group in (Group.DOC, Group.CAMPAIGN, Group.PROJECT)]


def _chain_modality(sm: SentenceState, ch: Chain, lex: Lexicon) -> str:
    """How the clause puts the chain's relations: its words before the cue (modality.py)."""
    c_start, first = ch.clause[0], ch.first
    explicit = ch.subject and ch.subject[-1] in ch.subject_cands
    verb_from = max(ch.subject[-1].end, c_start) if explicit else c_start
    before = sm.text[c_start - sm.base : first.start - sm.base]
    return modality_of(before, sm.text[verb_from - sm.base : first.start - sm.base], lex.modality)


@dataclass
class RelationState:
    """What the relation rules share across an article's sentences."""

    lex: Lexicon
    main_actor: Found | None  # the body the title opens with
    out: list[Relation] = field(default_factory=list)
    carried: list[Found] = field(default_factory=list)  # the last explicit subject of the previous sentence
    dropped: list[Drop] = field(default_factory=list)
    rule: str = ""  # the rule running now

    def add(
        self,
        subject: Found,
        predicate: str,
        obj: Found,
        sentence: Sentence,
        rule: str = "",
        modality: str = ASSERTED,
    ) -> None:
        self.out.append(Relation(subject.key, predicate, obj.key, sentence, rule or self.rule, modality))

    def drop(self, subject: Found, predicate: str, obj: Found, reason: str, rule: str = "") -> None:
        text = f"{subject.text} {predicate} {obj.text}"
        self.dropped.append(Drop(rule or self.rule, obj.start, text, reason))


@dataclass
class Chain:
    """Cue verbs that follow each other in a clause (``lãnh đạo thực hiện``), with their arguments."""

    cues: list[Cue]
    clause: tuple[int, int]
    window_end: int  # where the next chain starts
    has_next: bool  # another chain follows in the clause
    objects: list[Found]
    subject_cands: list[Found] = field(default_factory=list)
    subject: list[Found] = field(default_factory=list)
    modality: str = ASSERTED  # how the clause puts the chain's relations (modality.py)

    @property
    def first(self) -> Cue:
        return self.cues[0]

    @property
    def classes(self) -> list[str]:
        return [c.cls for c in self.cues]


def _chains(
    sm: SentenceState, cues: list[Cue], found: list[Found], clause: tuple[int, int]
) -> Iterator[Chain]:
    """The chains of cues of a clause: cues with no entity and at most six words between them."""
    text, base = sm.text, sm.base
    clause_cues = [c for c in cues if clause[0] <= c.start < clause[1]]
    k = 0
    while k < len(clause_cues):
        chain = [clause_cues[k]]
        while k + 1 < len(clause_cues):
            nxt = clause_cues[k + 1]
            between = [f for f in found if chain[-1].end <= f.start < nxt.start]
            gap_words = len(text[chain[-1].end - base : nxt.start - base].split())
            if between or gap_words > 6:
                break
            chain.append(nxt)
            k += 1
        k += 1
        window_end = clause_cues[k].start if k < len(clause_cues) else clause[1]
        objects = [f for f in found if chain[-1].end <= f.start < window_end]
        # 'tổ chức Hội nghị tập huấn CVĐ “…”': what a meeting's name holds is no object of the verb
        events = [f for f in objects if f.group is _EVENT]
        objects = [f for f in objects if not any(e is not f and e.start <= f.start < e.end for e in events)]
        yield Chain(chain, clause, window_end, k < len(clause_cues), objects)


def _missing_subject(
    rs: RelationState, sm: SentenceState, ch: Chain, found: list[Found], previous: list[Found]
) -> None:
    """A chain without a subject of its own: the previous clause's, the article's main actor, the
    previous sentence's, or the subject of a fronted clause ('Thực hiện X, Y ban hành Z')."""
    c_start, first = ch.clause[0], ch.first
    earlier = [f for f in found if c_start <= f.start < first.start and f.is_org]
    if previous:
        ch.subject = previous
    elif not earlier and rs.main_actor is not None and rs.main_actor.key:
        ch.subject = [rs.main_actor]
    elif not earlier and rs.carried:
        ch.subject = rs.carried
    fronted = _fronted_subject(sm.text, sm.base, first, ch.window_end, found) if ch.has_next else []
    # 'Thực hiện Kế hoạch X … về triển khai Nghị quyết Y, Ban Z đã …': the body after the comma
    fronted = fronted or _fronted_body(sm.text, sm.base, first, ch.clause[1], found)
    if first.start - c_start < 3 and not ch.subject_cands and fronted:
        ch.subject = fronted
        ch.objects = [f for f in ch.objects if f.end <= fronted[0].start]
        fronted_docs = [f for f in ch.objects if f.group is Group.DOC]
        for later_doc in (f for f in found if f.group is Group.DOC and f.start >= ch.window_end):
            if later_doc.start - ch.window_end < 30:  # Z issued to carry X out
                for d in fronted_docs:
                    rs.add(later_doc, "implements", d, sm.sentence, "fronted_doc")


def _find_subject(
    rs: RelationState, sm: SentenceState, ch: Chain, found: list[Found], previous: list[Found]
) -> None:
    """The nearest organisations or people before the chain that are not complements."""
    c_start, first = ch.clause[0], ch.first
    ch.subject_cands = [
        f
        for f in found
        if f.group in (Group.ORG, Group.PERSON)
        and c_start <= f.start
        and f.end <= first.start
        and f.subject_ok
        and not _credited(sm.text, sm.base, f)
        and not _in_place_phrase(sm.text, sm.base, c_start, f)
    ]
    ch.subject = _group_before(ch.subject_cands, sm.tokens, sm.text, sm.base)
    # 'Các cấp công đoàn hưởng ứng …': a subject that is no entity, not a missing one
    vague = _PLURAL_SUBJECT.match(sm.text[c_start - sm.base : first.start - sm.base]) is not None
    if not ch.subject and not vague:
        _missing_subject(rs, sm, ch, found, previous)


def _predicate(classes: list[str], obj: Found) -> str:
    """The relation the first cue of a chain that takes ``obj``'s kind gives (the main verb first).
    An event is taken by the last cue only: in 'tổ chức hội nghị quán triệt Chỉ thị X về Đại hội Y'
    the meeting organised is the one between the cues, and Đại hội Y a topic."""
    if obj.group is _EVENT:
        classes = classes[-1:]
    for cls in classes:
        predicate = _TARGETS.get(cls, {}).get(obj.group, "")
        if predicate:
            return predicate
    return ""


def _chain_objects(rs: RelationState, sm: SentenceState, ch: Chain) -> None:
    """The chain's subject and each object: issuedBy for an 'ban hành' verb, else the cue's relation."""
    classes = ch.classes
    if "ISSUE" in classes and _issues_unnamed(sm, ch.cues, rs.lex):
        classes = [c for c in classes if c != "ISSUE"]  # 'ban hành kế hoạch thực hiện NQ 12'
    objects = ch.objects
    if "PARTOF" in classes:  # structure only between the two bodies the sentence names
        objects = _part_of_pair(sm.text, sm.base, ch.subject if ch.subject_cands else [], ch.first, objects)
    for obj in objects:
        if obj.is_org and not obj.subject_ok and "COOPERATE" not in classes and "PARTOF" not in classes:
            continue
        if obj.group is Group.DOC and "ISSUE" in classes:
            for s in ch.subject:
                if s.is_org:
                    rs.add(obj, "issuedBy", s, sm.sentence, "issue_verb", ch.modality)
            continue
        predicate = _predicate(classes, obj)
        if not predicate:
            continue
        if not ch.subject:
            rs.dropped.append(
                Drop("cue_" + ch.first.cls.lower(), obj.start, obj.text, f"{predicate}: no subject")
            )
        for s in ch.subject:
            if predicate == "directs" and not _may_direct(s, obj):
                # 'UBND tỉnh đề nghị, yêu cầu Chính phủ…': no body directs a higher one
                rs.drop(
                    s,
                    predicate,
                    obj,
                    "subject check: a body never directs a higher one",
                    "cue_" + ch.first.cls.lower(),
                )
                continue
            if s.key and s.key != obj.key and s.is_org:
                rs.add(s, predicate, obj, sm.sentence, f"cue_{ch.first.cls.lower()}", ch.modality)
            elif s.group is Group.PERSON and predicate in ("participatesIn",):
                rs.add(s, predicate, obj, sm.sentence, "cue_person", ch.modality)


def _cooperate_together(rs: RelationState, sm: SentenceState, ch: Chain) -> None:
    """'Sở A và Sở B phối hợp …': bodies listed together cooperate with each other."""
    if ch.first.cls != "COOPERATE" or [o for o in ch.objects if o.is_org]:
        return
    orgs = [s for s in ch.subject if s.is_org and s in ch.subject_cands]
    for a_index, a in enumerate(orgs):
        for b in orgs[a_index + 1 :]:
            if a.key != b.key:
                rs.add(a, "cooperatesWith", b, sm.sentence, "cooperate_together")


def _without_bodies(sm: SentenceState, start: int, end: int) -> str:
    """The text between two offsets with the bodies named in it left out."""
    text, cut = "", start
    bodies = [f for f in sm.found if f.is_org and start <= f.start and f.end <= end]
    for f in sorted(bodies, key=lambda f: f.start):
        if f.start >= cut:
            text += sm.text[cut - sm.base : f.start - sm.base]
            cut = f.end
    return text + sm.text[cut - sm.base : end - sm.base]


def _doc_implements(rs: RelationState, sm: SentenceState, ch: Chain, found: list[Found]) -> None:
    """'Kế hoạch X về thực hiện Chỉ thị Y': a document implementing another."""
    # 'Pháp lệnh X đã ban hành và Luật Y': both issued, neither carries the other out
    if "IMPLEMENT" not in ch.classes:
        return
    c_start, first = ch.clause[0], ch.first
    docs_before = [f for f in found if f.group is Group.DOC and c_start <= f.start < first.start]
    if not docs_before:
        return
    gap = sm.text[docs_before[-1].end - sm.base : first.start - sm.base]
    # 'Kế hoạch số 25-KH/TU ngày … của Ban Thường vụ Tỉnh ủy về triển khai Nghị quyết 29': its title
    about = _ABOUT_TAIL.search(gap) is not None and "," not in gap
    # 'Kế hoạch số 31-KH/TU ngày 3/3/2015 của Ban Thường vụ Tỉnh ủy thực hiện …': its date and issuer
    tail = _DOC_TAIL.fullmatch(_without_bodies(sm, docs_before[-1].end, first.start)) is not None
    if ((_ABOUT_GAP.fullmatch(gap) or about) and not ch.subject_cands) or gap.strip() == "" or tail:
        objects = [o for o in ch.objects if o.group is Group.DOC and o.key != docs_before[-1].key]
        for obj in objects if gap.strip() == "" or not tail else objects[:1]:  # after a tail: the first
            rs.add(docs_before[-1], "implements", obj, sm.sentence, "doc_implements")


_LISTED = (_DOC, _CAMPAIGN, _PROJECT)


def _overseen(sm: SentenceState, ch: Chain) -> bool:
    """'Đoàn kiểm tra sẽ kiểm tra công tác lãnh đạo, chỉ đạo và thực hiện Nghị quyết X': the subject
    inspects how others lead or carry out (an oversight word between it and the verb)."""
    if not {"LEAD", "IMPLEMENT"} & set(ch.classes):
        return False
    explicit = ch.subject and ch.subject[-1] in ch.subject_cands
    start = max(ch.subject[-1].end, ch.clause[0]) if explicit else ch.clause[0]
    keys = _keys(sm.text[start - sm.base : ch.first.start - sm.base])
    return any(" ".join(keys[i : i + 2]) in _word_keys("oversight") for i in range(len(keys)))


def _listed_on(
    rs: RelationState, sm: SentenceState, clause: tuple[int, int], found: list[Found], last: Chain | None
) -> None:
    """'quán triệt Chỉ thị A …; Chỉ thị B …; Kết luận C …': a clause with no verb that opens with a
    document goes on with the list of the previous clause's chain (its first document only)."""
    if last is None or not last.subject or "ISSUE" in last.classes:
        return
    if not [o for o in last.objects if o.group in _LISTED]:
        return
    inside = [f for f in found if clause[0] <= f.start < clause[1]]
    if not inside or inside[0].group not in _LISTED:
        return
    if sm.text[clause[0] - sm.base : inside[0].start - sm.base].strip(" ;,.-–"):
        return
    obj = inside[0]
    predicate = _predicate(last.classes, obj)
    for s in last.subject if predicate else []:
        if s.is_org and s.key and s.key != obj.key:
            rs.add(s, predicate, obj, sm.sentence, "listed_on", last.modality)


def rule_cues(rs: RelationState, sm: SentenceState) -> None:
    """A cue verb's subject (or the one carried from before) and its objects, per chain of cues."""
    cues = find_cues(sm, rs.lex)
    found = [f for f in sm.found if f.key]
    previous: list[Found] = []  # the subject of the previous chain of the sentence
    explicit: list[Found] = []  # the last subject the sentence names
    last: Chain | None = None  # the last chain of the previous clause
    for clause in _clauses(sm):
        if not [c for c in cues if clause[0] <= c.start < clause[1]]:
            _listed_on(rs, sm, clause, found, last)
            continue
        for ch in _chains(sm, cues, found, clause):
            last = ch
            _find_subject(rs, sm, ch, found, previous)
            if not ch.has_next and not [o for o in ch.objects if o.group in (_DOC, _CAMPAIGN, _PROJECT)]:
                ch.objects = ch.objects + _focus_objects(sm, ch.clause[1], found)
            ch.modality = _chain_modality(sm, ch, rs.lex)
            if ch.subject:
                previous = ch.subject
            if ch.subject_cands and ch.subject:
                explicit = ch.subject
            if not _overseen(sm, ch):
                _chain_objects(rs, sm, ch)
            _cooperate_together(rs, sm, ch)
            _doc_implements(rs, sm, ch, found)
    rs.carried = [s for s in explicit if s.is_org]


def rule_under_direction(rs: RelationState, sm: SentenceState) -> None:
    """'Theo chỉ đạo của X, Y …' / 'Dưới sự lãnh đạo của X, Y …': X directs Y."""
    text, base = sm.text, sm.base
    found = [f for f in sm.found if f.key]
    for m in _UNDER.finditer(text):
        at = m.end() + base
        director = next((f for f in found if f.is_org and f.start == at), None)
        if director is None:
            continue
        comma = text[director.end - base :].find(",")
        if comma < 0 or comma > 60:
            continue
        after = director.end + comma + 1
        led = [f for f in found if f.is_org and f.start > after and f.subject_ok]
        if led and text[after - base : led[0].start - base].strip() == "":
            for org in _group_before(
                [f for f in led if f.start <= led[0].start + 80][:1], sm.tokens, text, base
            ):
                rs.add(director, "directs", org, sm.sentence)


_PASSIVE_OBJECTS = (Group.EVENT, Group.CAMPAIGN, Group.DOC, Group.PROJECT)
_TERM_AFTER = re.compile(r"\s*(\w+(?:\s\w+)?)\s+([IVXLC]+|\d{4}\s*[-–]\s*\d{4})\b,?")


def rule_passive_agent(rs: RelationState, sm: SentenceState) -> None:
    """'Hội nghị … do Huyện ủy Diễn Châu tổ chức', 'Kế hoạch … do UBND tỉnh ban hành': the body after
    'do' does the verb that follows it to the event, campaign or document named before 'do'."""
    text, base = sm.text, sm.base
    cues: list[Cue] | None = None  # read at the first agent: most sentences hold none
    for agent in (f for f in sm.found if f.is_org and f.key):
        if not _ends_with(_last_keys(text, agent.start - base, 1), "agent"):
            continue
        cues = find_cues(sm, rs.lex) if cues is None else cues
        cue = next((c for c in cues if 0 <= c.start - agent.end <= 12), None)
        done = [f for f in sm.found if f.key and f.group in _PASSIVE_OBJECTS and f.end <= agent.start - 2]
        if cue is None or not done or ";" in text[done[-1].end - base : agent.start - base]:
            continue
        obj = done[-1]
        if cue.cls == "ISSUE" and obj.group is Group.DOC:
            rs.add(obj, "issuedBy", agent, sm.sentence)
        elif predicate := _TARGETS.get(cue.cls, {}).get(obj.group, ""):
            rs.add(agent, predicate, obj, sm.sentence)


def rule_committee_members(rs: RelationState, sm: SentenceState) -> None:
    """'Ban Thường vụ Tỉnh ủy khóa XVI gồm các đồng chí: A, Bí thư; B, …': everyone listed after a
    body and 'gồm (các đồng chí)' is a member of it (not 'gồm 35 đồng chí': a count)."""
    text, base = sm.text, sm.base
    for body in (f for f in sm.found if f.is_org and f.key):
        pos = body.end - base
        term = _TERM_AFTER.match(text, pos)
        if term and name_key(term.group(1)) in _word_keys("term_before_members"):
            pos = term.end()
        after = _keys(text[pos : pos + 40])
        listed = [k for k in range(1, 6) if " ".join(after[:k]) in _word_keys("members_follow")]
        if not listed or (len(after) > listed[-1] and after[listed[-1]].isdigit()):
            continue
        for person in (f for f in sm.found if f.group is Group.PERSON and f.key and f.start > body.end):
            rs.add(person, "memberOf", body, sm.sentence)
        return


def rule_event_place(rs: RelationState, sm: SentenceState) -> None:
    """An event held 'tại' a place: the one event of the clause is located there."""
    text, base = sm.text, sm.base
    found = [f for f in sm.found if f.key]
    for c_start, c_end in _clauses(sm):
        events = [f for f in found if f.group is Group.EVENT and c_start <= f.start < c_end]
        if len({e.key for e in events}) != 1:
            continue
        for place in (f for f in found if f.group is Group.PLACE and c_start <= f.start < c_end):
            before = text[max(0, place.start - base - 12) : place.start - base]
            if _AT_PLACE.search(before):
                rs.add(events[0], "locatedIn", place, sm.sentence)


def _meeting_host(sm: SentenceState, event: Found, lex: Lexicon) -> Found | None:
    """'Hội nghị hiệp thương của Ủy ban MTTQ tỉnh X': the body after 'của' in a meeting's name, when
    no document comes before it (in 'Hội nghị quán triệt kết luận của Bộ Chính trị' it is the issuer)."""
    for f in sm.found:
        if not (f.is_org and f.key and event.start < f.start and f.end <= event.end):
            continue
        keys = _keys(sm.text[event.start - sm.base : f.start - sm.base])
        if keys[-1:] != [_OF]:
            continue
        pairs = {" ".join(keys[i : i + n]) for i in range(len(keys)) for n in (1, 2)}
        docs = any(g.group is Group.DOC and event.start <= g.start < f.start for g in sm.found)
        return None if docs or any(p in lex.doc_words for p in pairs) else f
    return None


def _host_after_of(sm: SentenceState, event: Found) -> Found | None:
    """'Kỳ thứ 43 của Ủy ban Kiểm tra Trung ương': the body right after the event's 'của' holds it."""
    after = [f for f in sm.found if f.is_org and f.key and f.start > event.end]
    f = min(after, key=lambda g: g.start, default=None)
    return f if f is not None and _keys(sm.text[event.end - sm.base : f.start - sm.base]) == [_OF] else None


def rule_event_body(rs: RelationState, sm: SentenceState) -> None:
    """'Đại hội đại biểu Hội Cựu chiến binh tỉnh X lần thứ VII', 'Kỳ họp thứ 9 HĐND tỉnh khóa XIII': a
    congress or session named after a body is held by it (the first body inside its name); a meeting
    named by what it does, by the body after its 'của' (_meeting_host)."""
    for event in (f for f in sm.found if f.group is Group.EVENT and f.key):
        body = next(
            (f for f in sm.found if f.is_org and f.key and event.start < f.start and f.end <= event.end),
            None,
        )
        before = _keys(sm.text[event.start - sm.base : body.start - sm.base]) if body is not None else []
        after_of = before[-1:] == [_OF]
        if event.rule == "meetings" or after_of:  # 'Hội nghị quán triệt nghị quyết của Bộ Chính trị'
            body = _meeting_host(sm, event, rs.lex)
        body = body or _host_after_of(sm, event)
        if body is not None and body.head is not None and " ".join(body.head.keys) in rs.lex.alone_heads:
            continue  # '… lần thứ XIV của Đảng' says whose congress; its Central Committee convenes it
        said = {(r.subject, r.object) for r in rs.out if r.predicate == "organizes"}
        if body is not None and (body.key, event.key) not in said:  # a cue verb said how (sẽ tổ chức)
            rs.add(body, "organizes", event, sm.sentence)


def rule_part_of(rs: RelationState, sm: SentenceState) -> None:
    """'Ban Pháp chế của Hội đồng nhân dân tỉnh X': a part (a head such as Ban, Văn phòng, Vụ) named
    right before 'của' and a body that can hold it (not a lower one) is a part of that body."""
    bodies = sorted((f for f in sm.found if f.is_org and f.key), key=lambda f: f.start)
    for part, whole in zip(bodies, bodies[1:], strict=False):
        generic = part.head is not None and part.head.keys == (_BOARD,)  # 'Ban Pháp chế': a board
        if part.head is None or not (part.head.part or generic) or part.key == whole.key:
            continue
        if _keys(sm.text[part.end - sm.base : whole.start - sm.base]) != [_OF]:
            continue
        if whole.head is not None and whole.head.part:
            continue  # 'Ban Thường vụ của Ban Chấp hành …': left to the name rules
        high, low = level_of(whole), level_of(part)
        if high is None or low is None or high <= low:
            rs.add(part, "subOrganizationOf", whole, sm.sentence)


def rule_doc_of(rs: RelationState, sm: SentenceState) -> None:
    """'Chỉ thị … của X': the document is issued by X."""
    for f in sm.found:
        # 'Luật … của Hội đồng nhân dân và Ủy ban nhân dân': the end of a law's title, not its issuer
        if f.key and f.group is Group.DOC and f.kind != "Law" and f.issuer is not None and f.issuer.key:
            rs.add(f, "issuedBy", f.issuer, sm.sentence)


_ABOUT_GAP = re.compile(word("about_gap_re"))
_ABOUT_TAIL = re.compile(word("about_tail_re"))
_DOC_TAIL = re.compile(word("doc_tail_re"))
_AT_PLACE = re.compile(word("at_place_re"))


_PLURAL_SUBJECT = re.compile(word("plural_subject_re"), re.IGNORECASE)
