"""Extraction: mentions -> entities -> relations, each with its evidence sentence.

find_sentence_mentions  (mentions.py: names, documents, people, campaigns)
  -> resolve            (resolve.py: identity keys, short forms, scope)
  -> relations          (relations.py: cue verbs, nested names, document issuers)
"""

from __future__ import annotations

from ..model import Document, Extraction, Membership, Quantity, Relation
from ..text import name_key
from .lexicon import lexicon
from .mentions import Found, find_sentence_mentions
from .relations import extract_relations, issuer_from_code, relations_from_names
from .resolve import resolve

__all__ = ["extract"]


def _main_actor(title_found: list[Found], title_start: int) -> Found | None:
    """The body a short title opens with (``Đảng ủy Khối … tăng cường …``): the article's main actor."""
    orgs = [f for f in title_found if f.group == "org" and f.key and f.subject_ok]
    if orgs and orgs[0].start - title_start <= 12:
        return orgs[0]
    return None


def extract(document: Document) -> Extraction:
    """Everything kgraph reads from one normalised article."""
    lex = lexicon()
    extraction = Extraction(document)
    sentences = [find_sentence_mentions(document, i, lex) for i in range(len(document.sentences))]
    found: list[Found] = [f for sm in sentences for f in sm.found]
    _fill_ellipsis(found)
    extraction.entities = resolve(found, document.article_id)
    keyed = {f.key for f in found if f.key}
    for f in found:  # the inner names of nested ones are mentions too
        g = f.inner
        while g is not None:
            keyed.add(g.key)
            g = g.inner
    extraction.entities = {k: e for k, e in extraction.entities.items() if k in keyed}

    title_mentions = sentences[0].found if sentences else []
    is_title = (
        bool(document.title)
        and bool(sentences)
        and len(document.title) <= 160
        and sentences[0].sentence.text.strip() == document.title.strip()
    )
    actor = _main_actor(title_mentions, sentences[0].sentence.start) if is_title else None
    relations = extract_relations(sentences, actor, lex)
    relations += relations_from_names(found, {i: sm.sentence for i, sm in enumerate(sentences)})
    orgs = [f for f in found if f.group == "org"] + [f.inner for f in found if f.group == "org" and f.inner]
    issued = {r.subject for r in relations if r.predicate == "issuedBy"}
    for doc, org in issuer_from_code([f for f in found if f.group == "doc" and f.key not in issued], orgs):
        relations.append(
            Relation(doc.key, "issuedBy", org.key, sentences[doc.sent].sentence, "rule_issuer_code")
        )

    # people's posts: memberships, and memberOf for current posts
    for f in found:
        if f.group != "person" or not f.key:
            continue
        sentence = sentences[f.sent].sentence
        for title, post_org, former in f.posts:
            org_key = post_org.key if post_org is not None and post_org.key else ""
            if not org_key and title.lower().endswith(" ủy viên"):  # Tỉnh ủy viên: a member of the Tỉnh ủy
                org_key = _committee_of(title, extraction)
            extraction.memberships.append(Membership(f.key, org_key, title, former, sentence))
            if org_key and not former:
                relations.append(Relation(f.key, "memberOf", org_key, sentence, "rule_post"))

    # quantities: said of the sentence's first organisation
    for sm in sentences:
        subject = next((f for f in sm.found if f.group == "org" and f.key), None)
        if subject is None:
            continue
        for _, value, unit in sm.quantities:
            extraction.quantities.append(Quantity(subject.key, value, unit, sm.sentence))

    seen: set[tuple[str, str, str]] = set()
    for rel in relations:
        if not rel.subject or not rel.object or rel.subject == rel.object:
            continue
        if rel.subject not in extraction.entities or rel.object not in extraction.entities:
            continue
        triple = (rel.subject, rel.predicate, rel.object)
        if rel.predicate == "cooperatesWith":
            a, b = sorted((rel.subject, rel.object))
            triple = (a, rel.predicate, b)
        if triple in seen:
            continue
        seen.add(triple)
        extraction.relations.append(rel)
    return extraction


def _committee_of(title: str, extraction: Extraction) -> str:
    """The one committee of the article a title like ``Tỉnh ủy viên`` names, or ''."""
    committee = name_key(title[: -len(" viên")])
    keys = sorted(
        e.key
        for e in extraction.entities.values()
        if e.kind == "PartyCommittee" and (name_key(e.label) + " ").startswith(committee + " ")
    )
    return keys[0] if len(keys) == 1 else ""


def _fill_ellipsis(found: list[Found]) -> None:
    """'Đảng ủy, Ban giám hiệu Trường X': the bare head shares the name that follows it."""
    orgs = [f for f in found if f.group == "org"]
    for a, b in zip(orgs, orgs[1:], strict=False):
        if (
            a.bare
            and a.sent == b.sent
            and b.inner is not None
            and b.start - a.end <= 3
            and a.head is not None
        ):
            if (
                a.head.part
                or not a.head.bare
                or " ".join(a.head.words) in ("Đảng ủy", "Đảng bộ", "Chi bộ", "Công đoàn")
            ):
                inner = b.inner
                a.inner = inner
                a.text = f"{a.text} {inner.text}"
                a.bare = False
