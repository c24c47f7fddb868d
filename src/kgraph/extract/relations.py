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
from dataclasses import dataclass

from ..model import Relation, Sentence
from ..text import name_key
from .lexicon import Lexicon, lexicon
from .mentions import Found, SentenceMentions
from .resolve import org_key
from .tokens import Token

DOCUMENT_GROUPS = ("doc",)
_TARGETS = {
    # cue class -> {object group -> predicate}
    "LEAD": {"org": "directs", "doc": "implements", "campaign": "implements", "project": "implements"},
    "IMPLEMENT": {"doc": "implements", "campaign": "implements", "project": "implements"},
    "ORGANIZE": {"campaign": "organizes", "event": "organizes"},
    "PARTICIPATE": {"campaign": "participatesIn", "event": "participatesIn"},
    "COOPERATE": {"org": "cooperatesWith"},
    "ASSIGN": {"org": "directs"},
    "PARTOF": {"org": "subOrganizationOf"},
}
_SEPARATORS = frozenset({",", "và", "cùng", "với", "-", "–", "cùng với"})


@dataclass(frozen=True)
class Cue:
    start: int  # absolute offsets
    end: int
    cls: str


_CUE_PATTERNS: dict[int, tuple[re.Pattern[str], dict[str, str]]] = {}
_NOUN_AFTER = re.compile(r"\s+(cơ sở|Đảng|đảng|chính trị|đoàn thể|bộ máy|quần chúng)")
_UNDER = re.compile(
    r"(?:Theo|theo|Thực hiện|thực hiện|Dưới|dưới)\s+(?:sự\s+)?(?:chỉ đạo|lãnh đạo|lãnh, chỉ đạo)\s+của\s+"
)
_BODY_AFTER = re.compile(r"\s+(?:cho\s+)?(?:các\s+)?[A-ZĐ]")
_LEAD_NOUN_BEFORE = re.compile(
    r"(?:,|\bvà|\bsự|\bcác|\bnhững|\btheo|\bcủa|\bcấp|\bcán bộ|\bthực hiện|\b[Bb]an)\s*$"
)
_NOUN_BEFORE = re.compile(r"(các|những|ban|cán bộ|công tác|về|và|tổ|của)\s*$")


def _cue_pattern(lex: Lexicon) -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex for every cue phrase, longest first; and the class of each phrase (lower case)."""
    cached = _CUE_PATTERNS.get(id(lex))
    if cached is None:
        phrases = sorted((p for p, _ in lex.cues), key=len, reverse=True)
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)", re.I)
        cached = _CUE_PATTERNS[id(lex)] = (pattern, {p.lower(): c for p, c in lex.cues})
    return cached


def find_cues(sm: SentenceMentions, lex: Lexicon) -> list[Cue]:
    text = sm.sentence.text
    base = sm.sentence.start
    spans = [(f.start, f.end) for f in sm.found] + sm.quotes
    pattern, class_of = _cue_pattern(lex)
    cues: list[Cue] = []
    for m in pattern.finditer(text):
        cls = class_of[m.group(0).lower()]
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
        cues.append(Cue(a, b, cls))
    return cues


def _clauses(sm: SentenceMentions) -> list[tuple[int, int]]:
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


def level_of(body: Found) -> float | None:
    """How high a body stands: 0 the Party's and state's national leadership, 1 central bodies,
    2 provincial, 3 district, 4 commune; None when its name does not say."""
    key = " " + " ".join(name_key(body.name or body.text).replace("-", " ").split()) + " "
    if body.head is not None and body.head.national:
        return 0.0
    if " trung ương " in key or key.startswith((" bộ ", " tổng cục ")):
        return 1.0
    if any(w in key for w in (" xã ", " phường ", " thị trấn ", " chi bộ ")):
        return 4.0
    if any(w in key for w in (" huyện ", " quận ", " thị xã ", " huyện ủy ", " quận ủy ", " thị ủy ")):
        return 3.0
    if any(w in key for w in (" tỉnh ", " thành phố ", " tỉnh ủy ", " thành ủy ")) or key.startswith(" sở "):
        return 2.0
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
        if f.group == "org"
        and cue.end <= f.start
        and f.end <= window_end
        and f.subject_ok
        and not text[f.end - base : window_end - base].strip(" ,").split(" ")[0:1] == ["của"]
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


def extract_relations(
    sentences: list[SentenceMentions], main_actor: Found | None, lex: Lexicon | None = None
) -> list[Relation]:
    lex = lex or lexicon()
    out: list[Relation] = []
    carried: list[Found] = []  # the last explicit subject of the previous sentence
    for sm in sentences:
        sent = sm.sentence
        text = sent.text
        base = sent.start
        cues = find_cues(sm, lex)
        found = [f for f in sm.found if f.key]
        previous_subject: list[Found] = []
        explicit: list[Found] = []
        for c_start, c_end in _clauses(sm):
            clause_cues = [c for c in cues if c_start <= c.start < c_end]
            k = 0
            while k < len(clause_cues):
                # chain cues that follow each other with no entity between them
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
                first, last = chain[0], chain[-1]
                window_end = clause_cues[k].start if k < len(clause_cues) else c_end
                objects = [f for f in found if last.end <= f.start < window_end]
                # subject: nearest organisations before the cue that are not complements
                subject_cands = [
                    f
                    for f in found
                    if f.group in ("org", "person")
                    and c_start <= f.start
                    and f.end <= first.start
                    and f.subject_ok
                ]
                subject = _group_before(subject_cands, sm.tokens, text, base)
                # 'Các cấp công đoàn hưởng ứng …': a subject that is no entity, not a missing one
                vague = _PLURAL_SUBJECT.match(text[c_start - base : first.start - base]) is not None
                if not subject and not vague:
                    earlier = [f for f in found if c_start <= f.start < first.start and f.group == "org"]
                    if previous_subject:
                        subject = previous_subject
                    elif not earlier and main_actor is not None and main_actor.key:
                        subject = [main_actor]
                    elif not earlier and carried:
                        subject = carried
                    # 'Thực hiện X, Y ban hành Z': the subject of a fronted clause is the next verb's
                    fronted = (
                        _fronted_subject(text, base, first, window_end, found) if k < len(clause_cues) else []
                    )
                    if first.start - c_start < 3 and not subject_cands and fronted:
                        subject = fronted
                        objects = [f for f in objects if f.end <= subject[0].start]
                        fronted_docs = [f for f in objects if f.group == "doc"]
                        for later_doc in (f for f in found if f.group == "doc" and f.start >= window_end):
                            if later_doc.start - window_end < 30:  # Z issued to carry X out
                                for d in fronted_docs:
                                    out.append(
                                        Relation(later_doc.key, "implements", d.key, sent, "rule_fronted_doc")
                                    )
                if subject:
                    previous_subject = subject
                if subject_cands and subject:
                    explicit = subject
                classes = [c.cls for c in chain]
                for obj in objects:
                    if (
                        obj.group == "org"
                        and not obj.subject_ok
                        and "COOPERATE" not in classes
                        and "PARTOF" not in classes
                    ):
                        continue
                    if obj.group == "doc" and "ISSUE" in classes:
                        for s in subject:
                            if s.group == "org":
                                out.append(Relation(obj.key, "issuedBy", s.key, sent, "rule_issue_verb"))
                        continue
                    predicate = ""
                    for cls in classes:  # the first cue of a chain is the main verb
                        predicate = _TARGETS.get(cls, {}).get(obj.group, "")
                        if predicate:
                            break
                    if not predicate:
                        continue
                    for s in subject:
                        if predicate == "directs" and not _may_direct(s, obj):
                            continue  # 'UBND tỉnh đề nghị, yêu cầu Chính phủ…': no body directs a higher one
                        if s.key and s.key != obj.key and s.group == "org":
                            out.append(
                                Relation(s.key, predicate, obj.key, sent, f"rule_cue_{first.cls.lower()}")
                            )
                        elif s.group == "person" and predicate in ("participatesIn",):
                            out.append(Relation(s.key, predicate, obj.key, sent, "rule_cue_person"))
                # 'Sở A và Sở B phối hợp …': bodies listed together cooperate with each other
                if first.cls == "COOPERATE" and not [o for o in objects if o.group == "org"]:
                    orgs = [s for s in subject if s.group == "org" and s in subject_cands]
                    for a_index, a in enumerate(orgs):
                        for b in orgs[a_index + 1 :]:
                            if a.key != b.key:
                                out.append(
                                    Relation(a.key, "cooperatesWith", b.key, sent, "rule_cooperate_together")
                                )
                # 'Kế hoạch X về thực hiện Chỉ thị Y': a document implementing another
                if "ISSUE" in classes or "IMPLEMENT" in classes:
                    docs_before = [f for f in found if f.group == "doc" and c_start <= f.start < first.start]
                    gap = text[docs_before[-1].end - base : first.start - base] if docs_before else ""
                    if docs_before and (
                        (re.fullmatch(r"\s*,?\s*(về việc|về)\s*", gap) and not subject_cands)
                        or gap.strip() == ""
                    ):
                        for obj in objects:
                            if obj.group == "doc" and obj.key != docs_before[-1].key:
                                out.append(
                                    Relation(
                                        docs_before[-1].key,
                                        "implements",
                                        obj.key,
                                        sent,
                                        "rule_doc_implements",
                                    )
                                )
            # located: an event or body 'tại' a place
        carried = [s for s in explicit if s.group == "org"]
        # 'Theo chỉ đạo của X, Y …' / 'Dưới sự lãnh đạo của X, Y …': X directs Y
        for m in _UNDER.finditer(text):
            at = m.end() + base
            director = next((f for f in found if f.group == "org" and f.start == at), None)
            if director is None:
                continue
            rest = text[director.end - base :]
            comma = rest.find(",")
            if comma < 0 or comma > 60:
                continue
            after = director.end + comma + 1
            led = [f for f in found if f.group == "org" and f.start > after and f.subject_ok]
            if led and text[after - base : led[0].start - base].strip() == "":
                for org in _group_before(
                    [f for f in led if f.start <= led[0].start + 80][:1], sm.tokens, text, base
                ):
                    out.append(Relation(director.key, "directs", org.key, sent, "rule_under_direction"))
        # an event held 'tại' a place: the one event of the clause is located there
        for c_start, c_end in _clauses(sm):
            events = [f for f in found if f.group == "event" and c_start <= f.start < c_end]
            keys = {e.key for e in events}
            if len(keys) != 1:
                continue
            for place in (f for f in found if f.group == "place" and c_start <= f.start < c_end):
                before = text[max(0, place.start - base - 12) : place.start - base]
                if re.search(r"(?:tại|ở)\s+(?:(?:tỉnh|thành phố|TP\.?|huyện|thị xã|quận|xã)\s+)?$", before):
                    out.append(Relation(events[0].key, "locatedIn", place.key, sent, "rule_event_place"))
        for f in found:
            if f.group == "doc" and f.issuer is not None and f.issuer.key:
                out.append(Relation(f.key, "issuedBy", f.issuer.key, sent, "rule_doc_of"))
    return out


def relations_from_names(found: list[Found], sentences: dict[int, Sentence]) -> list[Relation]:
    """subOrganizationOf read off nested names: Ban Thường vụ Đảng ủy Khối -> Đảng ủy Khối."""
    out: list[Relation] = []
    for f in found:
        if f.group != "org" or not f.key:
            continue
        g = f
        while g.inner is not None:
            inner = g.inner
            if g.head is not None and g.head.part and g.key and inner.key and g.key != inner.key:
                out.append(
                    Relation(g.key, "subOrganizationOf", inner.key, sentences[f.sent], "rule_name_part")
                )
            g = inner
    # Đảng ủy X is the committee of Đảng bộ X
    by_name = {org_key(f.name): f for f in found if f.group == "org" and f.key}
    for name, f in by_name.items():
        if name.startswith("đảng ủy "):
            other = by_name.get("đảng bộ " + name[len("đảng ủy ") :])
            if other is not None and other.key != f.key:
                out.append(
                    Relation(f.key, "subOrganizationOf", other.key, sentences[f.sent], "rule_committee_of")
                )
    return out


_PLURAL_SUBJECT = re.compile(r"^\W*(?:các|những|nhiều|mỗi|mọi|toàn thể|tất cả|hầu hết|100%)\s", re.IGNORECASE)


def issuer_from_code(docs: list[Found], orgs: list[Found]) -> list[tuple[Found, Found]]:
    """A document whose number names its issuer by code (``21-KH/ĐUK``) and that body in the article."""
    lex = lexicon()
    pairs = []
    keyed = [(o, org_key(o.name)) for o in orgs if o.key]
    starting: dict[str, list[Found]] = {}  # a name -> the bodies named by it or by it and more words
    for o, k in keyed:
        for i, ch in enumerate(k):
            if ch == " ":
                starting.setdefault(k[:i], []).append(o)
        starting.setdefault(k, []).append(o)
    for d in docs:
        if d.doc is None or not d.doc.issuer_code or d.issuer is not None:
            continue
        body = lex.issuer_codes.get(d.doc.issuer_code)
        if not body:
            continue
        prefix = org_key(body)
        cands = sorted(
            {o.key: o for o in starting.get(prefix, [])}.values(),
            key=lambda o: o.key,
        )
        if len(cands) == 1:
            pairs.append((d, cands[0]))
    return pairs
