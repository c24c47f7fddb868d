"""Article-level rules: what needs every sentence of an article and the resolved entities
(nested names, the committee of a Party organisation, issuers named by code, people's posts),
and the article's main actor (the body its title opens with)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace

from ..model import Entity, Extraction, Membership, Relation, Sentence
from ..namespaces import ENTITY_CLASSES
from ..text import name_key
from .doc_header import Header, read_header
from .documents import of_at, read_after
from .hierarchy import name_hierarchy
from .issuers import TABLE, table_issuer
from .lexicon import Lexicon, pairs, word, words
from .resolve import org_key
from .state import Found, Group, SentenceState

_COMMITTEE, _ORGANISATION = name_key(word("party_committee")), name_key(word("party_organisation"))
_MEMBER = word("committee_member")  # Tỉnh ủy viên: a member of the Tỉnh ủy
_POST_INITIALS = {name_key(short): post for short, post in pairs("post_initials").items()}  # TUV
_SHARED_HEADS = words("shared_heads")  # 'Đảng ủy, Ban giám hiệu Trường X': heads that share a name
_DRAFT_BEFORE = tuple(w.lower() for w in words("draft_before"))  # dự thảo Luật X: a bill
_TITLE_BODIES = {name_key(title): body for title, body in pairs("title_body").items()}  # Phó Thủ tướng
_TITLE_HEADS = {name_key(title): name_key(head) for title, head in pairs("title_head").items()}  # Viện trưởng
_CENTRAL_WRITTEN, _CENTRAL_COMMITTEE = word("central_written"), word("central_committee")
_ORG_KINDS = frozenset(c.name for c in ENTITY_CLASSES if c.family == "Organization")


@dataclass
class ArticleContext:
    """An article's sentences, its mentions, what resolve made of them, and the relations so far."""

    sentences: list[SentenceState]
    found: list[Found]
    extraction: Extraction
    lex: Lexicon
    relations: list[Relation] = field(default_factory=list)
    rule: str = ""  # the rule running now

    def add(self, subject: Found, predicate: str, obj: Found) -> None:
        """A relation made by the running rule, with the sentence of ``subject`` as evidence."""
        sentence = self.sentences[subject.sent].sentence
        self.relations.append(Relation(subject.key, predicate, obj.key, sentence, self.rule))


def main_actor(title_found: list[Found], title_start: int) -> Found | None:
    """The body a short title opens with (``Đảng ủy Khối … tăng cường …``): the article's main actor."""
    orgs = [f for f in title_found if f.is_org and f.key and f.subject_ok]
    if orgs and orgs[0].start - title_start <= 12:
        return orgs[0]
    return None


def rule_name_part(ctx: ArticleContext) -> None:
    """subOrganizationOf read off nested names: Ban Thường vụ Đảng ủy Khối -> Đảng ủy Khối."""
    for f in ctx.found:
        if not f.is_org or not f.key:
            continue
        g = f
        while g.inner is not None:
            inner = g.inner
            if g.head is not None and g.head.part and g.key and inner.key and g.key != inner.key:
                sentence = ctx.sentences[f.sent].sentence
                ctx.relations.append(Relation(g.key, "subOrganizationOf", inner.key, sentence, ctx.rule))
            g = inner


def rule_committee_of(ctx: ArticleContext) -> None:
    """Đảng ủy X is the committee of Đảng bộ X."""
    by_name = {org_key(f.name): f for f in ctx.found if f.is_org and f.key}
    for name, f in by_name.items():
        if name.startswith(_COMMITTEE + " "):
            other = by_name.get(_ORGANISATION + " " + name[len(_COMMITTEE) + 1 :])
            if other is not None and other.key != f.key:
                ctx.add(f, "subOrganizationOf", other)


def _bodies_starting(docs: list[Found], orgs: list[Found], lex: Lexicon) -> dict[str, list[Found]]:
    """The name of a body a document's code names -> the bodies named by it or by it and more words;
    a name is cut only where such a name ends (every word's prefix of a very long name was a copy)."""
    codes = {c for d in docs if d.doc is not None and d.doc.issuer_code for c in d.doc.issuer_code.split("-")}
    wanted = {org_key(lex.issuer_codes[c]) for c in codes if lex.issuer_codes.get(c)}
    sizes = sorted({len(w) for w in wanted})
    starting: dict[str, list[Found]] = {}
    for o in orgs:
        if o.key:
            k = org_key(o.name)
            for i in sizes:
                if i < len(k) and k[i] == " " and k[:i] in wanted:
                    starting.setdefault(k[:i], []).append(o)
            starting.setdefault(k, []).append(o)
    return starting


def issuer_from_code(docs: list[Found], orgs: list[Found], lex: Lexicon) -> list[tuple[Found, Found]]:
    """A document whose number names its issuer by code (``21-KH/ĐUK``) and that body in the article."""
    pairs = []
    starting = _bodies_starting(docs, orgs, lex)
    for d in docs:
        codes = d.doc.issuer_code.split("-") if d.doc is not None and d.doc.issuer_code else []
        if d.issuer is not None and len(codes) < 2:
            continue
        for code in codes:  # a joint document: each body its code names ('TTLT-BTC-BNV')
            body = lex.issuer_codes.get(code)
            cands = (
                sorted({o.key: o for o in starting.get(org_key(body), [])}.values(), key=lambda o: o.key)
                if body
                else []
            )
            if len(cands) == 1 and (d.issuer is None or d.issuer.key != cands[0].key):
                pairs.append((d, cands[0]))
    return pairs


def rule_issuer_code(ctx: ArticleContext) -> None:
    """A document not issued by anyone yet, whose number's issuer code names a body of the article."""
    found = ctx.found
    orgs = [f for f in found if f.is_org] + [f.inner for f in found if f.is_org and f.inner]
    issued = {r.subject for r in ctx.relations if r.predicate == "issuedBy"}
    joint = {f.key for f in found if f.doc is not None and "-" in f.doc.issuer_code}
    docs = [f for f in found if f.group is Group.DOC and (f.key not in issued or f.key in joint)]
    for doc, org in issuer_from_code(docs, orgs, ctx.lex):
        ctx.add(doc, "issuedBy", org)


def _first_sentences(ctx: ArticleContext) -> dict[str, Sentence]:
    """Each entity key -> the sentence that first names it (nested names too)."""
    first: dict[str, Sentence] = {}
    for f in ctx.found:
        part: Found | None = f
        while part is not None:
            if part.key and part.key not in first:
                first[part.key] = ctx.sentences[f.sent].sentence
            part = part.inner
    return first


def rule_name_hierarchy(ctx: ArticleContext) -> None:
    """Sở Tài chính tỉnh X -> Ủy ban nhân dân tỉnh X; Huyện ủy Y -> the article's one Tỉnh ủy;
    Đảng ủy xã Z -> the article's one Huyện ủy (hierarchy.py, data/hierarchy.tsv)."""
    for rel in name_hierarchy(ctx.extraction.entities, _first_sentences(ctx), ctx.lex.hierarchy):
        ctx.relations.append(Relation(rel.subject, rel.predicate, rel.object, rel.sentence, ctx.rule))


def national_body(name: str, extraction: Extraction, lex: Lexicon, rule: str = "") -> str:
    """The key of the national body ``name``: the article's entity, or one added when the article
    writes the name in a way no name rule took (``35- NQ/TW bộ chính trị``); '' when it does not."""
    key = "org|" + org_key(name)
    if key in extraction.entities:
        return key
    heads = [h for h in lex.heads.get(name_key(name.split()[0]), []) if " ".join(h.words) == name]
    if not heads or not heads[0].national or name_key(name) not in name_key(extraction.document.text):
        return ""
    extraction.entities[key] = Entity(key=key, kind=heads[0].kind, label=name, rule=rule)
    return key


def rule_wrapped_fields(ctx: ArticleContext) -> None:
    """A page cut into lines ('Căn cứ Nghị định số 24/2014/NĐ-CP' / 'ngày 04 tháng 4 năm 2014 của Chính
    phủ …'): a document that ends its line takes the date, and the issuer, the next line opens with."""
    text, entities = ctx.extraction.document.text, ctx.extraction.entities
    issued = {r.subject for r in ctx.relations if r.predicate == "issuedBy"}
    orgs = {f.start: f for f in ctx.found if f.is_org and f.key}
    for f in ctx.found:
        sentence = ctx.sentences[f.sent].sentence
        law = f.kind == "Law"  # 'Căn cứ Luật Đất đai ngày 29/11/2013': a law's date, on its line or the next
        if f.group is not Group.DOC or f.key not in entities:
            continue
        if text[f.end : sentence.end].strip() and not law:
            continue
        pos, date, _ = read_after(text, f.end)
        if "\n" not in text[f.end : pos] and not law:
            continue
        if date and not entities[f.key].issued_on:
            entities[f.key] = replace(entities[f.key], issued_on=date)
        at = of_at(text, pos)
        org = orgs.get(at) if at >= 0 else None
        if org is not None and f.key not in issued and f.kind != "Law":
            issued.add(f.key)
            ctx.relations.append(Relation(f.key, "issuedBy", org.key, sentence, ctx.rule))


def _header_issuer(header: Header, ctx: ArticleContext) -> str:
    """The article's body the header names: the one named by the header's name and the place it was
    signed in ('HỘI ĐỒNG NHÂN DÂN' signed in 'Đắk Lắk': Hội đồng nhân dân tỉnh Đắk Lắk), else by the
    header's name alone, else the one whose name begins with it."""
    body = name_key(header.body)
    place = name_key(header.place)
    wanted = [{body}]
    if place and len(place.split()) <= 4:
        wanted.insert(0, {f"{body} {level} {place}".replace("  ", " ") for level in ("", *_LEVELS)})
    orgs = [e for e in ctx.extraction.entities.values() if e.kind in _ORG_KINDS]
    for keys in wanted:
        named = {e.key for e in orgs for n in (e.label, *e.aliases) if name_key(n) in keys}
        if named:
            return named.pop() if len(named) == 1 else ""
    named = {e.key for e in orgs for n in (e.label, *e.aliases) if name_key(n).startswith(body + " ")}
    return named.pop() if len(named) == 1 else ""


def rule_document_header(ctx: ArticleContext) -> None:
    """An article that is an official document opens with its header (doc_header.py): its number's
    document takes the header's date and title, and is issued by the body at the top."""
    header = read_header(ctx.extraction.document.text, ctx.lex)
    if header is None:
        return
    entities = ctx.extraction.entities
    plain = header.number.upper()
    doc = next((e for e in entities.values() if e.number.replace(" ", "").upper() == plain), None)
    if doc is None:
        return
    entities[doc.key] = replace(doc, issued_on=doc.issued_on or header.date, title=doc.title or header.title)
    issuer = _header_issuer(header, ctx) if header.body else ""
    issued = any(r.subject == doc.key and r.predicate == "issuedBy" for r in ctx.relations)
    sentence = next((ctx.sentences[f.sent].sentence for f in ctx.found if f.key == doc.key), None)
    if issuer and not issued and sentence is not None:
        ctx.relations.append(Relation(doc.key, "issuedBy", issuer, sentence, ctx.rule))
    _header_names(header, issuer, ctx)


def _header_names(header: Header, issuer: str, ctx: ArticleContext) -> None:
    """Names read off the header's lines: the body's pieces ('ỦY BAN NHÂN DÂN' / 'TỈNH BẠC LIÊU') are
    the issuer; the motto ('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM') and the title in capitals name none."""
    entities = ctx.extraction.entities
    spans = [(header.body_span, issuer), *((span, "") for span in header.other_spans)]
    moved: dict[str, str] = {}  # an entity named only in these lines -> the issuer, or '' (none)
    for f in ctx.found:
        into = next((to for (a, b), to in spans if a <= f.start and f.end <= b), None)
        if into is None or f.group is Group.DOC or not f.key:
            continue
        moved.setdefault(f.key, into)
        part: Found | None = f
        while part is not None:
            part.key = into
            part = part.inner
    kept = {f.key for f in ctx.found} | {f.inner.key for f in ctx.found if f.inner is not None}
    gone_to: dict[str, str] = {}  # the entities dropped -> the issuer they were ('' when none)
    for key, into in moved.items():
        if key in kept or key not in entities:
            continue
        gone = entities.pop(key)
        gone_to[key] = into
        if into and into in entities:
            target = entities[into]
            entities[into] = replace(target, aliases=tuple(dict.fromkeys((*target.aliases, gone.label))))
    ctx.relations = [
        replace(r, subject=gone_to.get(r.subject) or r.subject, object=gone_to.get(r.object) or r.object)
        for r in ctx.relations
    ]


def rule_plenum_issuer(ctx: ArticleContext) -> None:
    """'Nghị quyết số 21-NQ/TW … của Hội nghị Trung ương 5 khóa XIII', 'Nghị quyết Trung ương 8': issued
    by the Central Committee, when the article names it."""
    issued = {r.subject for r in ctx.relations if r.predicate == "issuedBy"}
    for f in ctx.found:
        plenum = f.doc is not None and f.doc.plenum.startswith(_CENTRAL_WRITTEN + " ")
        body = f.issuer_body or (_CENTRAL_COMMITTEE if plenum else "")  # Nghị quyết Trung ương 8
        if f.group is Group.DOC and f.key and body and f.key not in issued:
            key = national_body(body, ctx.extraction, ctx.lex, ctx.rule)
            if key:
                issued.add(f.key)
                sentence = ctx.sentences[f.sent].sentence
                ctx.relations.append(Relation(f.key, "issuedBy", key, sentence, ctx.rule))


def rule_issuer_table(ctx: ArticleContext) -> None:
    """Issuers of well-known central documents the article does not name, from data/central_issuers.tsv
    (Chỉ thị 05-CT/TW -> Bộ Chính trị; a law -> Quốc hội), marked as taken from the table."""
    code_of_kind = {cls: code for code, (cls, _) in ctx.lex.doc_codes.items()}
    issued = {r.subject for r in ctx.relations if r.predicate == "issuedBy"}
    first = _first_sentences(ctx)
    for doc in sorted(ctx.extraction.entities.values(), key=lambda e: e.key):
        if doc.key in issued or doc.key not in first:
            continue
        name = table_issuer(doc, ctx.lex.central_issuers, code_of_kind)
        key = national_body(name, ctx.extraction, ctx.lex, ctx.rule) if name else ""
        if key:
            modality = "planned" if _draft(ctx, doc.key) else "asserted"
            rel = Relation(doc.key, "issuedBy", key, first[doc.key], ctx.rule, modality, TABLE)
            ctx.relations.append(rel)


def _draft(ctx: ArticleContext, key: str) -> bool:
    """Every mention of document ``key`` is a bill: 'dự thảo Luật X', 'dự án Luật X'."""
    mentions = [f for f in ctx.found if f.key == key]
    drafts = [
        f
        for f in mentions
        if any(
            ctx.sentences[f.sent].text[: f.start - ctx.sentences[f.sent].base].rstrip().lower().endswith(w)
            for w in _DRAFT_BEFORE
        )
    ]
    return bool(mentions) and len(drafts) == len(mentions)


_ATTEND_OPEN = frozenset(name_key(w) for w in words("attend_open"))
_ATTEND_HAVE = name_key(word("attend_have"))
_EVENT_HEADS = tuple(name_key(w) for w in words("event_heads"))


def _meeting_of(opening: str, in_opening: list[Found], ctx: ArticleContext) -> str:
    """The event 'Tham dự <opening> có' names: one it mentions, or the article's one event whose
    name starts with the head the opening writes (kỳ họp -> Kỳ họp thứ 18)."""
    named = [f.key for f in in_opening if f.group is Group.EVENT and f.key]
    if named:
        return named[0]
    head = next((h for h in _EVENT_HEADS if opening == h or opening.startswith(h + " ")), "")
    events = {
        e.key
        for e in ctx.extraction.entities.values()
        if e.kind == "Event" and head and name_key(e.label).startswith(head)
    }
    return events.pop() if len(events) == 1 else ""


def rule_attendees(ctx: ArticleContext) -> None:
    """'Tham dự kỳ họp có Chủ tịch UBND tỉnh A, các đồng chí trong Ban Thường vụ Tỉnh ủy …': the people
    and bodies listed after 'có' take part in the meeting the opening names."""
    for sm in ctx.sentences:
        keys = first_keys(sm.text, 2)  # the opener first (most sentences have none)
        opener = next((n for n in (2, 1) if " ".join(keys[:n]) in _ATTEND_OPEN), 0)
        if opener:
            keys = first_keys(sm.text, 2 + 8)  # and 'có' within 8 words of it
        if not opener or _ATTEND_HAVE not in keys[opener : opener + 8]:
            continue
        have = keys.index(_ATTEND_HAVE, opener)
        cut = _word_offset(sm.text, have) + sm.base
        in_opening = [f for f in sm.found if f.start < cut]
        meeting = _meeting_of(" ".join(keys[opener:have]), in_opening, ctx)
        if not meeting:
            continue
        for f in sm.found:
            if f.start >= cut and f.key and (f.is_org or f.group is Group.PERSON):
                ctx.relations.append(Relation(f.key, "participatesIn", meeting, sm.sentence, ctx.rule))


_WORD, _SPACE = re.compile(r"\w+"), re.compile(r"\s")


def first_keys(text: str, count: int) -> list[str]:
    """The first ``count`` words of ``name_key(text)`` (fewer when the text has fewer), keying only
    the text up to the white space after its ``count``-th word (not the whole sentence)."""
    ends = [m.end() for m in itertools.islice(_WORD.finditer(text), count)]
    space = _SPACE.search(text, ends[-1]) if ends and len(ends) == count else None
    return _WORD.findall(name_key(text[: space.start()] if space else text))[:count]


def _word_offset(text: str, index: int) -> int:
    """Where the ``index``-th word of ``text`` starts."""
    return [m.start() for m in re.finditer(r"\w+", text)][index]


def rule_post(ctx: ArticleContext) -> None:
    """People's posts: memberships, and memberOf for current posts."""
    extraction = ctx.extraction
    for f in ctx.found:
        if f.group is not Group.PERSON or not f.key:
            continue
        sentence = ctx.sentences[f.sent].sentence
        for title, post_org, former in f.posts:
            org_key_ = post_org.key if post_org is not None and post_org.key else ""
            member = _POST_INITIALS.get(name_key(title), title)  # TUV: Tỉnh ủy viên
            if not org_key_ and member.lower().endswith(" " + _MEMBER):
                org_key_ = _committee_of(member, extraction)  # Tỉnh ủy viên: a member of the Tỉnh ủy
            body = _TITLE_BODIES.get(name_key(title), "")
            if not org_key_ and body:  # Phó Thủ tướng: a member of the Chính phủ the article names
                org_key_ = national_body(body, extraction, ctx.lex, ctx.rule)
            if not org_key_ and _unnamed_body(ctx.sentences[f.sent].text, title, _names_in(ctx, f.sent)):
                org_key_ = _one_body_headed(_TITLE_HEADS.get(name_key(title), ""), extraction)  # Viện trưởng
            extraction.memberships.append(Membership(f.key, org_key_, title, former, sentence))
            if org_key_ and not former:
                ctx.relations.append(Relation(f.key, "memberOf", org_key_, sentence, ctx.rule))


_DELEGATION_HEAD = re.compile(word("delegation_head_re"))
_DELEGATION_LEADS = re.compile(word("delegation_leads_re"))
_DELEGATION_MEMBERS = re.compile(word("delegation_members_re"))


def rule_delegation_members(ctx: ArticleContext) -> None:
    """A delegation's members: 'Đoàn kiểm tra của X do đồng chí A, … làm Trưởng đoàn' (A leads it);
    'Thành viên Đoàn công tác có đồng chí B, …' (everyone listed, when the article names one such
    delegation)."""
    delegations = [f for f in ctx.found if f.rule == "delegations" and f.key]
    for d in delegations:
        sm = ctx.sentences[d.sent]
        person = next(
            (f for f in ctx.found if f.sent == d.sent and f.group is Group.PERSON and f.start > d.end), None
        )
        if person is None or not person.key:
            continue
        if _DELEGATION_HEAD.match(
            sm.text[d.end - sm.base : person.start - sm.base]
        ) and _DELEGATION_LEADS.match(sm.text[person.end - sm.base :]):
            ctx.relations.append(Relation(person.key, "memberOf", d.key, sm.sentence, ctx.rule))
    for sm in ctx.sentences:
        m = _DELEGATION_MEMBERS.search(sm.text)
        heads = {name_key(m.group(1))} if m else set()
        named = {d.key for d in delegations if name_key(" ".join(d.head.words if d.head else ())) in heads}
        if m is None or len(named) != 1:
            continue
        (key,) = named
        for f in ctx.found:
            if f.sent == sm.index and f.group is Group.PERSON and f.key and f.start >= m.end() + sm.base:
                ctx.relations.append(Relation(f.key, "memberOf", key, sm.sentence, ctx.rule))


_LEVELS = tuple(sorted((name_key(w) for w in words("body_place_levels")), key=len, reverse=True))


def _place_core(name: str) -> tuple[str, str]:
    """A place's level word and name key ('tỉnh lâm đồng' -> ('tỉnh', 'lâm đồng')); no level: ''."""
    key = name_key(name)
    return next(
        ((level, key[len(level) + 1 :]) for level in _LEVELS if key.startswith(level + " ")), ("", key)
    )


def rule_body_place(ctx: ArticleContext) -> None:
    """'Công an huyện Củ Chi', 'UBND tỉnh Lâm Đồng': a body whose name ends with a level word and a
    place the article names sits in that place."""
    places: dict[str, Found] = {}
    levels: dict[str, set[str]] = {}  # the level words each place name is written with
    for f in ctx.found:
        if f.group is Group.PLACE and f.key:
            level, core = _place_core(f.name or f.text)
            sm = ctx.sentences[f.sent]
            written = " ".join(name_key(sm.text[: f.start - sm.base]).split()[-2:])
            level = level or next((lv for lv in _LEVELS if f" {written}".endswith(f" {lv}")), "")
            places.setdefault(core, f)
            levels.setdefault(core, set()).add(level)
    done: set[str] = set()
    for f in ctx.found:
        if not f.is_org or not f.key or f.key in done:
            continue
        key = name_key(f.text)  # as written here: the evidence sentence shows the place
        for level in _LEVELS:
            head, sep, core = key.rpartition(f" {level} ")
            before = head.split()[-2:]
            # 'Thông tấn xã Việt Nam', 'Hợp tác xã X': the level word ends a longer word
            joined = {" ".join([*before[k:], level]) for k in range(len(before))}
            # 'UBND huyện Châu Thành' is not in the 'xã Châu Thành' of the same article
            other_level = bool(levels.get(core, set()) - {"", level})
            if sep and head and core in places and places[core].key != f.key and not joined & ctx.lex.words:
                if other_level:
                    break
                done.add(f.key)
                ctx.add(f, "locatedIn", places[core])
                break


_ELECTED = re.compile(word("elected_re"))
_EXECUTIVE = name_key(word("executive_committee"))


def rule_elected_officers(ctx: ArticleContext) -> None:
    """'đồng chí A được bầu giữ chức Chủ tịch Hội X' where the article names 'Ban Chấp hành Hội X': A,
    elected to lead X, is a member of the executive committee that elected them."""
    executives = {
        f.inner.key: f
        for f in ctx.found
        if f.is_org
        and f.key
        and f.inner is not None
        and f.inner.key
        and name_key(f.text).startswith(_EXECUTIVE + " ")
    }
    for f in ctx.found:
        if f.group is not Group.PERSON or not f.key:
            continue
        sm = ctx.sentences[f.sent]
        for title, post_org, former in f.posts:
            if former or post_org is None or post_org.key not in executives or post_org.start < f.end:
                continue
            between = sm.text[f.end - sm.base : post_org.start - sm.base]
            before_title = between[: between.rfind(title)] if title in between else ""
            if _ELECTED.search(before_title.rstrip()):
                ctx.add(f, "memberOf", executives[post_org.key])


def _names_in(ctx: ArticleContext, sent: int) -> tuple[str, ...]:
    """The names of the people of sentence ``sent``."""
    return tuple(f.text for f in ctx.found if f.sent == sent and f.group is Group.PERSON)


def _unnamed_body(text: str, title: str, people: tuple[str, ...]) -> bool:
    """The title is followed by no name but a person's ('Viện trưởng, chủ trì', 'Phó viện trưởng A,
    B'), not by a body no rule found ('Hiệu trưởng Trường ĐH Cần Thơ')."""
    at = text.find(title)
    after = text[at + len(title) :].lstrip() if at >= 0 else ""
    return at >= 0 and (not after[:1].isupper() or after.startswith(people))


def _one_body_headed(head: str, extraction: Extraction) -> str:
    """The key of the article's one organisation whose name starts with ``head``, or ''."""
    keys = {
        e.key
        for e in extraction.entities.values()
        if head and e.key.startswith("org|") and name_key(e.label).startswith(head + " ")
    }
    return keys.pop() if len(keys) == 1 else ""


def _committee_of(title: str, extraction: Extraction) -> str:
    """The one committee of the article a title like ``Tỉnh ủy viên`` names, or ''."""
    committee = name_key(title[: -len(_MEMBER.split()[-1]) - 1])
    keys = sorted(
        e.key
        for e in extraction.entities.values()
        if e.kind == "PartyCommittee" and (name_key(e.label) + " ").startswith(committee + " ")
    )
    return keys[0] if len(keys) == 1 else ""


def fill_ellipsis(found: list[Found], lex: Lexicon) -> None:
    """'Đảng ủy, Ban giám hiệu Trường X': the bare head shares the name that follows it."""
    orgs = [f for f in found if f.is_org]
    for a, b in zip(orgs, orgs[1:], strict=False):
        if (
            a.bare
            and a.sent == b.sent
            and b.inner is not None
            and b.start - a.end <= 3
            and a.head is not None
        ):
            if a.head.part or not a.head.bare or " ".join(a.head.words) in _SHARED_HEADS:
                inner = b.inner
                a.inner = inner
                a.text = f"{a.text} {inner.text}"
                a.bare = False
