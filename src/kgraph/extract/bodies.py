"""One node per national body, whatever its spelling: ``Bộ GD-ĐT``, ``Bộ GDĐT``, ``Bộ Giáo dục - Đào tạo``
and ``Bộ Giáo dục và Đào tạo Việt Nam`` are the Ministry of Education (``kgraph/data/national_bodies.tsv``).

Only an organisation's full name (its label) is looked up, so a foreign body (``Bộ Giáo dục Pháp``)
stays apart, and a person's name glued after a body's (``Bộ GD-ĐT Bành Tiến Long``) is cut off
before identities are decided.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from importlib import resources

from ..model import Entity
from ..text import name_key
from .resolve import org_key
from .state import Found, Group, SentenceState
from .tagger_words import tagger_words

_FOLD = re.compile(r"[-–—,&/]")
_LETTERS = re.compile(r"\b(\w) (?=\w\b)")


@lru_cache(maxsize=65536)
def loose_key(name: str) -> str:
    """Lower case, common tones, '-', ',', '&' and 'và' folded: 'Bộ GD-ĐT' -> 'bộ gd đt'."""
    key = _FOLD.sub(" ", name_key(name))
    words = [w for w in key.split() if w not in tagger_words()["joiner"]]
    return _LETTERS.sub(r"\1", " ".join(words))  # T.Ư -> t ư -> tư


@lru_cache(maxsize=1)
def national_bodies() -> dict[str, tuple[str, str]]:
    """Loose key of every spelling -> (canonical name, class)."""
    text = (resources.files("kgraph") / "data" / "national_bodies.tsv").read_text(encoding="utf-8")
    table: dict[str, tuple[str, str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, kind, *rest = line.split("\t")
        for name in [canonical, *(rest[0].split("|") if rest and rest[0] else [])]:
            table[loose_key(name)] = (canonical, kind)
    return table


def body_of(name: str) -> tuple[str, str] | None:
    """(canonical name, class) of a national body's spelling; a ministry followed by 'Việt Nam' too."""
    table = national_bodies()
    key = loose_key(name)
    found = table.get(key)
    for country in sorted(tagger_words()["country"]):
        if found is None and key.endswith(" " + country):
            found = table.get(key[: -len(country) - 1])
            if found is not None and loose_key(found[0]).endswith(" " + country):
                found = None  # Hội Nông dân Việt Nam is not the short 'Hội Nông dân'
    return found


def rule_glued_people(st: SentenceState) -> None:
    """'Bộ GD-ĐT Bành Tiến Long': a national body's name ends where a person's full name starts."""
    for f in list(st.found):
        if not f.is_org or f.inner is not None:
            continue
        toks = [t for t in st.tokens if f.start <= t.start and t.end <= f.end]
        for k in range(len(toks) - 2, 0, -1):
            rest = toks[k:]
            if not 2 <= len(rest) <= 4 or " ".join(t.key for t in rest) in st.lex.places:
                continue  # Bộ Ngoại giao Nhật Bản: a foreign body, not a person
            if not all(t.is_word and t.is_cap and not t.is_acronym for t in rest):
                continue
            head = st.text[f.start - st.base : toks[k - 1].end - st.base]
            if body_of(head) is None:
                continue
            name = st.text[rest[0].start - st.base : f.end - st.base]
            person = Found(rest[0].start, f.end, name, Group.PERSON, "Person", f.sent)
            f.end, f.text, f.bare = toks[k - 1].end, head, False
            st.add(person)
            break


def rule_glued_numbers(st: SentenceState) -> None:
    """'Hội đồng Lý luận Trung ương7.': a list number glued to the end of a name is cut off."""
    for f in st.found:
        if f.group not in (Group.ORG, Group.PLACE, Group.PERSON) or not f.text[-1].isdigit():
            continue
        toks = [t for t in st.tokens if f.start <= t.start and t.end <= f.end]
        if len(toks) > 1 and toks[-1].is_number and toks[-2].is_word and toks[-2].end == toks[-1].start:
            f.end, f.text = toks[-2].end, st.text[f.start - st.base : toks[-2].end - st.base]


def unify_bodies(found: list[Found], entities: dict[str, Entity]) -> None:
    """Give every spelling of a national body the body's one key, label and class."""
    moved: dict[str, str] = {}
    for key, entity in list(entities.items()):
        if not key.startswith("org|"):
            continue
        body = body_of(entity.label)
        if body is None:
            continue
        canonical, kind = body
        new = f"org|{org_key(canonical)}"
        moved[key] = new
        del entities[key]
        names = {entity.label, *entity.aliases}
        current = entities.get(new)
        if current is not None:
            names |= {current.label, *current.aliases}
            entity = current
        aliases = tuple(sorted(n for n in names if n != canonical))
        if entity.kind != "Organization":  # the rules' class stands; the table's for a tagged name
            kind = entity.kind
        entities[new] = replace(entity, key=new, kind=kind, label=canonical, aliases=aliases, scope="")
    for f in _all_orgs(found):
        f.key = moved.get(f.key, f.key)
    _claim_short_names(found, entities)


def _all_orgs(found: list[Found]) -> list[Found]:
    out: list[Found] = []
    for f in found:
        g: Found | None = f
        while g is not None:
            if g.is_org:
                out.append(g)
            g = g.inner
    return out


def _claim_short_names(found: list[Found], entities: dict[str, Entity]) -> None:
    """'Bộ Ngoại giao' resolved as the short form of a longer name (Bộ Ngoại giao Nhật Bản) is
    the national body it spells: a foreign ministry never takes the country's own."""
    for f in _all_orgs(found):
        entity = entities.get(f.key)
        body = body_of(f.text)
        if entity is None or body is None or body_of(entity.label) is not None:
            continue
        canonical, kind = body
        new = f"org|{org_key(canonical)}"
        entities[f.key] = replace(entity, aliases=tuple(a for a in entity.aliases if a != f.text))
        current = entities.get(new)
        if current is None:
            aliases = (f.text,) if f.text != canonical else ()
            entities[new] = Entity(key=new, kind=kind, label=canonical, aliases=aliases, rule=f.rule)
        elif f.text != current.label and f.text not in current.aliases:
            entities[new] = replace(current, aliases=tuple(sorted((*current.aliases, f.text))))
        f.key = new
