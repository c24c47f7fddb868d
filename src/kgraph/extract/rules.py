"""The extraction rules, in the order they run: the one place that lists them.

A sentence goes through ``MENTION_RULES`` (each reads the ``SentenceState`` and adds
mentions), then identity is decided (``resolve``), then ``SENTENCE_RELATION_RULES`` run over
each sentence and ``ARTICLE_RELATION_RULES`` over the whole article. A rule's name is its
function's name without ``rule_``; every mention, entity and relation records it
(``Found.rule``, ``Entity.rule``, ``Relation.rule``), and ``kgraph explain`` shows it.

How to add a named rule
-----------------------
1. Put its words in ``src/kgraph/data/`` (a ``.txt`` list or a ``.tsv`` table) and read them
   in ``lexicon.py`` (a field of ``Lexicon``); no Vietnamese literal goes into the rule's code
   (``dev/count_vietnamese_literals.py`` counts them; a test keeps the count low).
2. Write the rule beside the words it reads, as a small function (at most 60 lines):
   - a mention rule: ``def rule_NAME(st: SentenceState) -> None`` in ``mentions.py`` (or a
     module of its own, like ``people.py``); read ``st.tokens``, ``st.found``, ``st.lex``;
     add with ``st.add(Found(...))`` (``take=False`` when later names may start inside it);
     note what it leaves out with ``st.drop(start, end, reason)``; a rule that opens only at the
     words of a table returns at once when the sentence holds none
     (``if not st.may_hold(key_words(...)): return``, the words made once).
   - a sentence relation rule: ``def rule_NAME(rs: RelationState, sm: SentenceState) -> None``
     in ``relations.py``; append with ``rs.add(subject, predicate, object, sentence)``;
     ``rs.drop(...)`` for a relation it refuses.
   - an article relation rule: ``def rule_NAME(ctx: ArticleContext) -> None`` in
     ``article.py``; it sees every sentence and the resolved entities.
3. List it below, where it must run: order matters (a rule sees only what earlier rules
   added, and the first relation of a triple keeps its evidence sentence).
4. Test it first (tests/test_extract_*.py): a sentence it reads and one it must not.
5. Check the corpus: ``kgraph build`` before and after, and ``kgraph explain ARTICLE``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

from ..model import Document
from . import article, bodies, documents, gazetteer, mentions, people, relations, sites, tagger, world
from .documents import DocMention, DocScan, scan_documents
from .foreign import rule_foreign_names
from .lexicon import Lexicon, lexicon, word
from .relations import RelationState
from .state import SentenceState, Spans
from .street_lists import rule_street_lists
from .tokens import Token, quote_spans, tokenize

T = TypeVar("T")

#: Document rules, run in this order over every sentence before the mention rules (the spans
#: they find are blocked: no name runs into a document number).
DOCUMENT_RULES: tuple[Callable[[DocScan], None], ...] = (
    documents.rule_doc_numbers,  # 05-CT/TW, 30/2020/NĐ-CP, 700 QĐ/TTG
    documents.rule_plenum_resolutions,  # Nghị quyết Trung ương 4 (khóa XII)
    documents.rule_congress_resolutions,  # Nghị quyết Đại hội XIII
    documents.rule_short_references,  # Chỉ thị 05
    documents.rule_laws,  # Luật Đất đai
)

#: Mention rules, run in this order over every sentence.
MENTION_RULES: tuple[Callable[[SentenceState], None], ...] = (
    mentions.rule_names,  # organisations and places: a head and its components, known places
    world.rule_world_regions,  # châu Mỹ, châu Á - Thái Bình Dương: regions in lower case first
    bodies.rule_spelled_out_bodies,  # Tòa án nhân dân tối cao: a national body's whole spelling
    bodies.rule_national_bodies,  # Ủy ban các vấn đề xã hội của Quốc hội: a table's spelling in any case
    sites.rule_sites,  # sông Sài Gòn, đường Nguyễn Huệ, quốc lộ 1A, chung cư X: a site with its word
    sites.rule_addresses,  # 25 Lê Văn Sỹ, 48/12 Hoàng Diệu: a house number and its street
    gazetteer.rule_unaccented_places,  # ha tinh, dak lak: a province or district without diacritics
    sites.rule_lower_bodies,  # công ty du lịch Sao Mai, trường THPT X: a body's head in lower case
    rule_street_lists,  # đường A, B và C; tuyến đường như A, B: streets, not people
    mentions.rule_plural_domains,  # các sở Tài chính, Y tế: one body per domain
    mentions.rule_lone_doan,  # 'Đoàn' alone: the article's Youth Union
    mentions.rule_level_places,  # tỉnh Quảng Ninh: a place after a level word
    mentions.rule_documents,  # numbered documents with date, issuer, title
    mentions.rule_people,  # people and their posts
    mentions.rule_events,  # congresses, conferences, sessions (and their resolutions)
    mentions.rule_projects,  # Đề án 06, Dự án “…”
    mentions.rule_campaigns,  # quoted campaign names
    mentions.rule_quantities,  # numbers with a unit
    bodies.rule_press,  # NLĐ, Tuổi Trẻ, báo Nhân Dân, VTV1: newspapers and broadcasters
    bodies.rule_police_forces,  # cảnh sát giao thông, CSGT: the force, where it acts or is acted on
    world.rule_world_bodies,  # UNDP, Liên Hợp Quốc, Tổ chức Y tế Thế giới: international bodies
    bodies.rule_glued_people,  # Bộ GD-ĐT Bành Tiến Long: the ministry, then a person
    world.rule_languages,  # tiếng Anh, tiếng Trung Quốc: a language, never a place (for the tagger)
    rule_foreign_names,  # ngài Kowalski, tại Bradford, hãng Isuzu: a foreign word after a word typing it
    tagger.rule_tagged_names,  # the learned tagger's names no rule above found
    sites.rule_regions,  # miền Tây Nam Bộ, miền Nam Việt Nam: a region (after the tagger)
    bodies.rule_glued_numbers,  # Ban Kinh tế Trung ương3.: a list number glued to a name is cut off
    mentions.rule_place_spellings,  # TP.HCM, thành phố Hồ Chí Minh: a place written many ways
    mentions.rule_numbered_places,  # phường 12, quận 10, Q.12: a numbered unit with its level word
    people.rule_late_posts,  # a post's body only the tagger found: 'A, Phó giám đốc tuyển sinh Trường X'
    people.rule_delegations,  # Đoàn kiểm tra của Ban Bí thư: a delegation, part of the body that sends it
)

#: Relation rules, run in this order over every sentence (after identity is decided).
SENTENCE_RELATION_RULES: tuple[Callable[[RelationState, SentenceState], None], ...] = (
    relations.rule_cues,  # cue verbs: subject, chain of cues, objects
    relations.rule_under_direction,  # 'Theo chỉ đạo của X, Y …': X directs Y
    relations.rule_event_place,  # an event 'tại' a place
    relations.rule_part_of,  # 'Ban Pháp chế của Hội đồng nhân dân tỉnh X': part of it
    relations.rule_event_body,  # 'Đại hội đại biểu Hội X lần thứ VII': Hội X organizes it
    relations.rule_doc_of,  # 'Chỉ thị … của X': issuedBy X
    relations.rule_passive_agent,  # 'Hội nghị … do Huyện ủy X tổ chức': X organizes it
    relations.rule_committee_members,  # 'Ban Thường vụ … gồm các đồng chí: A, …': A memberOf it
)

#: Relation rules over the whole article, run in this order after the sentence rules.
ARTICLE_RELATION_RULES: tuple[Callable[[article.ArticleContext], None], ...] = (
    article.rule_name_part,  # Ban Thường vụ Đảng ủy X -> Đảng ủy X
    article.rule_committee_of,  # Đảng ủy X -> Đảng bộ X
    article.rule_wrapped_fields,  # 'Nghị định số …' / 'ngày … của Chính phủ': fields on the next line
    article.rule_document_header,  # an official document's own header: date, title, issuer
    article.rule_issuer_code,  # 21-KH/ĐUK: issued by the article's Đảng ủy Khối
    article.rule_plenum_issuer,  # 'của Hội nghị Trung ương 5': the Central Committee, if named
    article.rule_issuer_table,  # Chỉ thị 05-CT/TW: Bộ Chính trị, from the table when the text is silent
    article.rule_name_hierarchy,  # Sở X tỉnh Y -> UBND tỉnh Y; Huyện ủy -> the article's one Tỉnh ủy
    article.rule_attendees,  # 'Tham dự kỳ họp có A, B': A and B take part in the article's Kỳ họp
    article.rule_post,  # a person's current post: memberOf
    article.rule_delegation_members,  # 'Đoàn kiểm tra … do đồng chí A … làm Trưởng đoàn': A memberOf it
    article.rule_elected_officers,  # 'A được bầu giữ chức Chủ tịch Hội X': A memberOf Ban Chấp hành Hội X
    article.rule_body_place,  # Công an huyện Củ Chi, when the article names huyện Củ Chi: locatedIn it
    gazetteer.rule_gazetteer_located_in,  # xã A, huyện B: locatedIn when the register says so
)


def rule_name(rule: Callable[..., object]) -> str:
    """The name a rule's products record: its function name without ``rule_``."""
    return rule.__name__.removeprefix("rule_")


@lru_cache(maxsize=16)
def named(rules: tuple[Callable[..., T], ...]) -> tuple[tuple[str, Callable[..., T]], ...]:
    """``(rule_name(rule), rule)`` of each rule, named once per process (not once per sentence)."""
    return tuple((rule_name(rule), rule) for rule in rules)


def find_documents(text: str, lex: Lexicon | None = None) -> list[DocMention]:
    """Every document mention in ``text`` (a sentence), by position."""
    return scan_documents(text, lex or lexicon(), DOCUMENT_RULES).found


_TITLE_WORD = word("quote_title_re")
_TITLE_JUST_BEFORE = re.compile(rf"(?<!\w)(?:{_TITLE_WORD})(?:\s+\S+){{0,2}}\s*[:,]?\s*$", re.I)
_TITLE_BEFORE = re.compile(rf"(?<!\w)(?:{_TITLE_WORD})(?:\s+\S+){{0,5}}\s*[:,]?\s*$", re.I)
_SPEECH_BEFORE = re.compile(rf"(?::|(?<!\w)(?:{word('quote_speech_re')})\s*,?)\s*$", re.I)
_SENTENCE_END = (".", "?", "…")


def is_speech(text: str, start: int, end: int) -> bool:
    """Whether the quoted span ``text[start:end]`` (inner offsets) is speech, read for names like
    plain text, rather than a title or a slogan: after a colon or a speech verb (cho biết: “…”),
    or a whole sentence inside the marks; never just after a document, campaign, event or award
    word (phong trào “…”, chủ đề: “…”, Chỉ thị số 05 “…”)."""
    before = text[max(0, start - 81) : max(0, start - 1)]
    if _TITLE_JUST_BEFORE.search(before):
        return False
    if _SPEECH_BEFORE.search(before):
        return True
    if _TITLE_BEFORE.search(before):
        return False
    inner = text[start:end].rstrip()
    size = len(inner.split())
    return (inner.endswith(_SENTENCE_END) and size >= 4) or (inner.endswith("!") and size >= 6)


def new_state(doc: Document, index: int, lex: Lexicon) -> SentenceState:
    """A sentence's tokens, quotes and document numbers, before any mention rule has run."""
    sentence = doc.sentences[index]
    text = sentence.text
    base = sentence.start
    quotes = [(s + base, e + base) for s, e in quote_spans(text)]
    scan = scan_documents(text, lex, DOCUMENT_RULES)
    blocked = Spans(base, len(text))
    titles = [(s, e) for s, e in quotes if not is_speech(text, s - base, e - base)]
    for start, end in titles + [(d.start + base, d.end + base) for d in scan.found]:
        blocked.add(start, end)
    tokens = tokenize(text, base)
    st = SentenceState(doc, index, lex, sentence, tokens, quotes, scan.found, blocked, Spans(base, len(text)))
    st.words = _key_words(tokens)
    for rule, start, end, reason in scan.dropped:
        st.rule = rule
        st.drop(start + base, end + base, reason)
    st.rule = ""
    return st


def _key_words(tokens: list[Token]) -> set[str]:
    """Every word of the tokens' keys (a key holds a space only after a dot or an apostrophe: U.B)."""
    words = {t.key for t in tokens}
    if " " in "".join(words):
        words.update(" ".join(words).split())
    return words


def run_mention_rules(st: SentenceState) -> SentenceState:
    """Every mention rule over one sentence, in order; mentions sorted by position."""
    for name, rule in named(MENTION_RULES):
        st.rule = name
        rule(st)
    st.rule = ""
    st.found.sort(key=lambda f: (f.start, -f.end))
    return st
