"""Extraction: mentions -> entities -> relations, each with its evidence sentence and the
name of the rule that made it. ``rules.py`` lists the rules in the order they run.

mention rules       (mentions.py, people.py, events.py: names, documents, people, campaigns)
  -> resolve        (resolve.py: identity keys, short forms, scope)
  -> relation rules (relations.py: cue verbs; article.py: nested names, issuers, posts)
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Document, Extraction, Quantity, Relation
from .article import ArticleContext, fill_ellipsis, main_actor
from .bodies import unify_bodies
from .forms import add_bracketed_names, separate_forms
from .gazetteer import read_written_levels
from .lexicon import Lexicon, lexicon
from .relations import RelationState
from .resolve import resolve
from .rules import (
    ARTICLE_RELATION_RULES,
    SENTENCE_RELATION_RULES,
    named,
    new_state,
    rule_name,
    run_mention_rules,
)
from .sites import add_address_forms, add_site_names
from .state import Drop, Found, SentenceState
from .tagger import add_written_levels

__all__ = ["Trace", "extract", "trace"]


@dataclass
class Trace:
    """An article's extraction and how it was made: its sentences with their mentions, and
    what the rules left out (for ``kgraph explain``)."""

    extraction: Extraction
    sentences: list[SentenceState]
    dropped: list[Drop]


def extract(document: Document) -> Extraction:
    """Everything kgraph reads from one normalised article."""
    return trace(document).extraction


def _title_actor(document: Document, sentences: list[SentenceState]) -> Found | None:
    """The article's main actor when its first sentence is a short title."""
    if not sentences or not document.title or len(document.title) > 160:
        return None
    if sentences[0].sentence.text.strip() != document.title.strip():
        return None
    return main_actor(sentences[0].found, sentences[0].sentence.start)


def _keyed_entities(extraction: Extraction, found: list[Found]) -> None:
    """Only the entities some mention (or the inner name of a nested one) still names."""
    keyed = {g.key for f in found for g in f.nested() if g.key}
    extraction.entities = {k: e for k, e in extraction.entities.items() if k in keyed}


def _relations(
    document: Document, sentences: list[SentenceState], ctx: ArticleContext, lex: Lexicon
) -> list[Drop]:
    """Every relation rule in order (into ``ctx.relations``); what they dropped."""
    rs = RelationState(lex, _title_actor(document, sentences))
    for sm in sentences:
        for name, rule in named(SENTENCE_RELATION_RULES):
            rs.rule = name
            rule(rs, sm)
    ctx.relations = rs.out
    for article_rule in ARTICLE_RELATION_RULES:
        ctx.rule = rule_name(article_rule)
        article_rule(ctx)
    return rs.dropped


def _quantities(extraction: Extraction, sentences: list[SentenceState]) -> None:
    """Quantities: said of the sentence's first organisation."""
    for sm in sentences:
        subject = next((f for f in sm.found if f.is_org and f.key), None)
        if subject is None:
            continue
        for _, value, unit in sm.quantities:
            extraction.quantities.append(Quantity(subject.key, value, unit, sm.sentence))


def _keep_relations(extraction: Extraction, relations: list[Relation]) -> list[Drop]:
    """Each triple once per modality (the first keeps its evidence), between two entities of the article;
    the relations left out (a duplicate is not one)."""
    seen: set[tuple[str, str, str, str]] = set()
    dropped: list[Drop] = []
    for rel in relations:
        if not rel.subject or not rel.object or rel.subject == rel.object:
            continue
        if rel.subject not in extraction.entities or rel.object not in extraction.entities:
            missing = rel.subject if rel.subject not in extraction.entities else rel.object
            reason = f"{rel.predicate}: {missing.split('|')[-1]!r} is no entity of the article"
            dropped.append(Drop(rel.rule, rel.sentence.start, rel.sentence.text[:80], reason))
            continue
        triple = (rel.subject, rel.predicate, rel.object, rel.modality)  # a fact and a request of it: two
        if rel.predicate == "cooperatesWith":
            a, b = sorted((rel.subject, rel.object))
            triple = (a, rel.predicate, b, rel.modality)
        if triple in seen:
            continue
        seen.add(triple)
        extraction.relations.append(rel)
    return dropped


def trace(document: Document) -> Trace:
    """Extract one article, keeping each sentence's state and what the rules dropped."""
    lex = lexicon()
    extraction = Extraction(document)
    sentences = [run_mention_rules(new_state(document, i, lex)) for i in range(len(document.sentences))]
    found: list[Found] = [f for sm in sentences for f in sm.found]
    fill_ellipsis(found, lex)
    read_written_levels(found, document.text)  # huyện Hương Khê and thị trấn Hương Khê: two units
    extraction.entities = resolve(found, document.article_id)
    add_written_levels(found, extraction.entities, document.text)  # quận Bình Thạnh: an alias
    add_site_names(found, extraction.entities)  # đường Trần Phú: Trần Phú, an alias
    add_address_forms(found, extraction.entities, document.text)  # 25 Lê Văn Sỹ - Q.3: an alias
    unify_bodies(found, extraction.entities)  # one node per national body, whatever its spelling
    separate_forms(found, extraction.entities)  # 'ông Vượng', 'UBND huyện': forms, not names
    add_bracketed_names(found, extraction.entities, document.text)  # 'Tổ chức … (WTO)': a name
    _keyed_entities(extraction, found)
    ctx = ArticleContext(sentences, found, extraction, lex)
    dropped = [d for sm in sentences for d in sm.dropped] + _relations(document, sentences, ctx, lex)
    _quantities(extraction, sentences)
    dropped += _keep_relations(extraction, ctx.relations)
    return Trace(extraction, sentences, dropped)
