"""``kgraph explain``: what the extractor read from one article, and why.

For each sentence: the mentions found (class, rule, identity), the relations read from it
(with the rule that made each), and what the rules left out (a relation that failed the
subject check, a name cut by a stop word, a mention with no identity). As plain text, or as
one self-contained HTML page with the mentions highlighted by class (everything escaped).
"""

from __future__ import annotations

import hashlib
import html
from collections import defaultdict
from pathlib import Path

from .extract import Trace, trace
from .extract.state import Drop, Found
from .model import Relation
from .read import read_article
from .text import make_document


def explain_file(path: Path) -> Trace:
    """Read, normalise and extract one article file, keeping the rules' trace."""
    return trace(make_document(read_article(path)))


def _class_of(f: Found, t: Trace) -> str:
    entity = t.extraction.entities.get(f.key) if f.key else None
    return entity.kind if entity is not None else f.kind


def _label(t: Trace, key: str) -> str:
    entity = t.extraction.entities.get(key)
    return entity.label if entity is not None else key.split("|")[-1]


def _no_identity(t: Trace) -> list[Drop]:
    """Mentions resolve gave no entity: a short form or a bare head the article never spells out."""
    return [
        Drop(
            f.rule, f.start, f.text, "no identity: a short form or a bare head the article does not spell out"
        )
        for sm in t.sentences
        for f in sm.found
        if not f.key or f.key not in t.extraction.entities
    ]


def _by_sentence(t: Trace) -> tuple[dict[int, list[Relation]], dict[int, list[Drop]]]:
    """Relations and drops by the start of their sentence."""
    starts = [sm.sentence.start for sm in t.sentences]
    relations: dict[int, list[Relation]] = defaultdict(list)
    for rel in t.extraction.relations:
        relations[rel.sentence.start].append(rel)
    drops: dict[int, list[Drop]] = defaultdict(list)
    for drop in t.dropped + _no_identity(t):
        at = max((s for s in starts if s <= drop.start), default=0)
        drops[at].append(drop)
    return relations, drops


def _one_line(text: str, limit: int = 300) -> str:
    """Printable on one line, at most ``limit`` characters."""
    text = "".join(c if c.isprintable() else " " for c in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_text(t: Trace, source: str) -> str:
    """The trace as plain text: sentence by sentence."""
    doc = t.extraction.document
    lines = [f"article {_one_line(source)}", f"title   {_one_line(doc.title) or '-'}", ""]
    relations, drops = _by_sentence(t)
    for n, sm in enumerate(t.sentences, start=1):
        lines.append(f"[{n}] {_one_line(sm.sentence.text, 2000)}")
        for f in sm.found:
            lines.append(f"    mention   {_class_of(f, t):22} {_one_line(f.text, 200)}   [{f.rule}]")
        for rel in relations.get(sm.sentence.start, []):
            subject, obj = _one_line(_label(t, rel.subject), 120), _one_line(_label(t, rel.object), 120)
            lines.append(f"    relation  {subject} --{rel.predicate}--> {obj}   [{rel.rule}]{_how(rel)}")
        for drop in drops.get(sm.sentence.start, []):
            lines.append(f"    dropped   {_one_line(drop.text, 120)}: {drop.reason}   [{drop.rule}]")
    for m in t.extraction.memberships:
        org = _label(t, m.organization) if m.organization else "-"
        former = " (former)" if m.former else ""
        lines.append(f"post      {_label(t, m.person)} | {_one_line(m.title)} | {org}{former}")
    counts = f"{len(t.sentences)} sentences, {len(t.extraction.entities)} entities"
    lines.append(f"{counts}, {len(t.extraction.relations)} relations, {len(t.dropped)} dropped")
    return "\n".join(lines) + "\n"


def _colour(kind: str) -> str:
    hue = int(hashlib.sha1(kind.encode("utf-8")).hexdigest()[:4], 16) % 360
    return f"hsl({hue}, 70%, 85%)"


def _highlight(sentence_text: str, base: int, found: list[Found], t: Trace) -> str:
    """The sentence with its mentions in <mark>s (nested or overlapping ones stay in the list)."""
    out: list[str] = []
    pos = 0
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        a, b = f.start - base, f.end - base
        if a < pos or b > len(sentence_text):
            continue
        kind = _class_of(f, t)
        out.append(html.escape(sentence_text[pos:a]))
        title = html.escape(f"{kind} [{f.rule}]", quote=True)
        out.append(
            f'<mark class="k-{html.escape(kind)}" title="{title}">{html.escape(sentence_text[a:b])}</mark>'
        )
        pos = b
    out.append(html.escape(sentence_text[pos:]))
    return "".join(out)


def _how(rel: Relation) -> str:
    """A relation's modality when it is not a stated fact, and the table it came from, if any."""
    notes = [rel.modality] if rel.modality != "asserted" else []
    notes += [f"from the {rel.table} table"] if rel.table else []
    return f" ({', '.join(notes)})" if notes else ""


def _sentence_html(n: int, t: Trace, relations: list[Relation], drops: list[Drop]) -> str:
    sm = t.sentences[n]
    items = [
        f"<li>{html.escape(r.predicate)}: {html.escape(_label(t, r.subject))} → "
        f"{html.escape(_label(t, r.object))} "
        f"<small>[{html.escape(r.rule)}]{html.escape(_how(r))}</small></li>"
        for r in relations
    ]
    items += [
        f'<li class="drop">dropped: {html.escape(d.text)}: {html.escape(d.reason)} '
        f"<small>[{html.escape(d.rule)}]</small></li>"
        for d in drops
    ]
    listing = f"<ul>{''.join(items)}</ul>" if items else ""
    body = _highlight(sm.sentence.text, sm.sentence.start, sm.found, t)
    return f'<section><p><span class="n">{n + 1}</span> {body}</p>{listing}</section>'


def render_html(t: Trace, source: str) -> str:
    """The trace as one self-contained HTML page, mentions highlighted by class."""
    relations, drops = _by_sentence(t)
    kinds = sorted({_class_of(f, t) for sm in t.sentences for f in sm.found})
    style = "".join(f"mark.k-{html.escape(k)}{{background:{_colour(k)}}}" for k in kinds)
    legend = " ".join(f'<mark class="k-{html.escape(k)}">{html.escape(k)}</mark>' for k in kinds)
    sections = "".join(
        _sentence_html(n, t, relations.get(sm.sentence.start, []), drops.get(sm.sentence.start, []))
        for n, sm in enumerate(t.sentences)
    )
    title = html.escape(t.extraction.document.title or source)
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="generator" content="kgraph">'
        f"<title>kgraph explain: {title}</title><style>body{{font:15px/1.5 sans-serif;max-width:60em;"
        "margin:auto}mark{padding:0 2px;border-radius:3px}.n{color:#888}.drop{color:#a33}small{color:#777}"
        f"{style}</style></head><body><h1>{title}</h1><p>{html.escape(source)}</p><p>{legend}</p>"
        f"{sections}</body></html>\n"
    )
