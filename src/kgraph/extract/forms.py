"""Names and forms: which surface forms of an entity are its names.

A name identifies the thing outside the article (``Bộ GD-ĐT`` and ``Bộ Giáo dục và Đào tạo``
are both names of the ministry): it is a ``skos:altLabel``. A form that names it only in the
article's context is not, and stays on the node as ``kg:mentionedAs``:

- a person's given name alone, with or without a degree or rank (``Vượng``, ``TS. Vượng`` for
  ``Trần Quốc Vượng``; ``Đại tướng Võ Nguyên Giáp`` stays a name, as annotators list it);
- a body named without what the article writes after it (``UBND huyện`` when the article writes
  ``UBND huyện Tuy Phong``, ``Sở Công thương`` beside ``Sở Công thương tỉnh Bình Thuận``),
  unless the short form is itself a spelling of a national body (``Bộ Giao thông``); also
  with the city glued or in capitals (``UBND TP`` beside ``UBND TPHCM``) or with initials the
  longer name spells out (``Sở GTCC TP`` beside ``Sở Giao thông công chính TP.HCM``);
- a body's name written with more of its abbreviations beside the name spelt out (``BV Chợ Rẫy``
  beside ``Bệnh viện Chợ Rẫy``); a national body's spellings all stay names;
- a level word or degree before a name the article also writes on its own (``huyện Krông Bông``
  beside ``Krông Bông``, ``PGS-TS Hoàng Văn Lợi`` beside ``ông Hoàng Văn Lợi``: see
  ``tagger.add_written_levels``).

A form the article gives no better name beside keeps being a name: a body the article only
names bare, a place only written after its level word. A place named only by a level word
(``TP``) has no name at all and is no node; a person whose every name is a name of a place or
body of the article (``Hồ Ba Bể`` opening a sentence beside ``hồ Ba Bể``) is no second node.

Why a degree with the full name, or a level word with a place, stays a name when the article
never writes the bare name: on the silver labels of the 900 non-held-out articles, a place the
article writes only after its level word is labelled with the level word about 2 times in 3 and
bare 1 in 3 (both ways 1 in 50); a person written only after a degree is labelled with it 1 time
in 3 and bare 5 in 9 (both ways 1 in 10). Dropping the written form would lose more than the
labels listed both ways give back.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Entity
from ..text import name_key
from .bodies import body_of
from .lexicon import lexicon, syllables
from .resolve import compared_key, expand
from .state import Found

_PUNCTUATION = re.compile(r"[\"'“”‘’«»()\[\],.;:]+")
_SLASH = re.compile(r"\s*/\s*")
_INITIALS = re.compile(r"(?<!\S)[A-ZĐ][A-ZĐ&]+(?!\S)")  # GTCC, VHTTDL, KH&ĐT


def _written(found: list[Found]) -> dict[str, set[str]]:
    """Entity key -> the texts its mentions (and the inner names of nested ones) have in the article."""
    out: dict[str, set[str]] = {}
    for g in (g for f in found for g in f.nested()):
        if g.key:
            out.setdefault(g.key, set()).add(g.text)
    return out


def _cased_words(name: str) -> list[str]:
    """The words of a name as ``_key`` splits them, in their written case (``TP.HCM`` -> TP, HCM)."""
    return _PUNCTUATION.sub(" ", _SLASH.sub("/", name.replace("-", " "))).split()


def _continues_a_name(rest: list[str], long: str) -> bool:
    """Whether the words a longer name adds (``rest``, as keys) go on naming the body: a level
    word in any case, or a capitalised word (``huyện Tuy Phong``, ``TP HCM``, ``Q.Bình Tân``,
    ``Chính phủ``); not a clause the longer name ran on into (``… tỉnh lựa chọn``), nor words of a
    header line in capitals (``UBND TỈNH VÀ CÁC SỞ``)."""
    added = _cased_words(long)[-len(rest) :] if rest else []
    if not added:
        return False
    if all(w.isupper() for w in added) and any(_is_syllable(w) for w in added):
        return False  # a line in capitals: its case says nothing of where the name ends
    levels = lexicon().levels
    if any(w in levels for w in (rest[0], " ".join(rest[:2]), added[0], added[0].upper())):
        return True
    return added[0][:1].isupper()


def _is_syllable(word: str) -> bool:
    """Whether a word written in capitals is a syllable of the word list (``TỈNH``, ``VÀ``), not an
    acronym (``TPHCM``, ``HĐND``)."""
    return len(word) > 1 and name_key(word) in syllables()


def _begins(short: str, long: str) -> bool:
    """Whether ``short`` begins the longer name ``long`` the article writes, which goes on
    naming the body; as written or with abbreviations written out (UBND huyện, Ủy ban nhân dân
    huyện Tuy Phong; UBND TP, UBND TPHCM)."""
    lex = lexicon()
    for a, b in ((short, long), (expand(short, lex), expand(long, lex))):
        short_key, long_key = compared_key(a), compared_key(b)
        if long_key.startswith(short_key + " "):
            return _continues_a_name(long_key[len(short_key) + 1 :].split(), b)
    return False


def _spelt_out(found: list[Found]) -> dict[str, str]:
    """A body's name as written -> with its initials spelt out from a name the article writes in
    full (``Sở GTCC TP`` -> ``Sở Giao thông công chính TP``; see ``resolve._spell_out_initials``)."""
    out: dict[str, str] = {}
    for g in (g for f in found for g in f.nested()):
        if g.is_org and set(_INITIALS.findall(g.text)) - set(g.name.split()):
            out.setdefault(g.text, g.name)  # initials the name no longer has: spelt out
    return out


def _short_bodies(entity: Entity, written: set[str], spelt: dict[str, str]) -> set[str]:
    """The names of a body that begin a longer name the article writes for it, as written or
    with their initials spelt out."""
    return {
        a
        for a in entity.aliases
        if body_of(a) is None and any(_begins(a, w) or _begins(spelt.get(a, a), w) for w in written)
    }


def _abbreviated(entity: Entity, written: set[str], spelt: dict[str, str]) -> set[str]:
    """The names of a body the article also writes with more of its abbreviations or initials spelt
    out (``BV Chợ Rẫy`` beside ``Bệnh viện Chợ Rẫy``, ``Trường ĐH X`` beside ``Trường Đại học X``,
    ``Ban Quản lý dự án ĐTXD`` beside ``Ban Quản lý dự án Đầu tư xây dựng``): the article's short
    writing of that name. A national body's spellings all stay names."""
    if body_of(entity.label) is not None:
        return set()
    lex = lexicon()
    keys = {compared_key(w) for w in written}
    groups: dict[str, list[str]] = {}
    for name in (entity.label, *entity.aliases):
        if compared_key(name) in keys:
            groups.setdefault(compared_key(expand(spelt.get(name, name), lex)), []).append(name)
    out: set[str] = set()
    for names in groups.values():
        fewest = min(_abbreviations(n, spelt) for n in names)
        out |= {n for n in names if _abbreviations(n, spelt) > fewest and body_of(n) is None}
    return out & set(entity.aliases)


def _abbreviations(name: str, spelt: dict[str, str]) -> int:
    """How many words of a name are abbreviations of the table (``BV``, ``ĐH``, ``TP.HCM``) or
    initials the article spells out (``ĐTXD``)."""
    table = lexicon().abbreviations
    initials = set(_INITIALS.findall(name)) - set(spelt.get(name, name).split())
    return sum(word in table or word in initials for word in name.split())


def _given_names(entity: Entity, written: set[str]) -> set[str]:
    """The names of a person that end with the given name alone, where the article writes the
    full name (``Vượng``, ``ông Vượng``, ``bác sĩ Vượng`` of ``Trần Quốc Vượng``); a degree or rank
    with the full name (``Đại tướng Võ Nguyên Giáp``) stays a name, as an annotator lists it."""
    fulls = [k for k in (name_key(w).split() for w in written) if len(k) >= 2]
    out = set()
    for alias in entity.aliases:
        words = name_key(alias).split()
        for full in fulls:
            if _holds(words, full):
                continue
            if any(words[-k:] == full[-k:] for k in range(1, len(full))):
                out.add(alias)
    return out


def _holds(words: list[str], part: list[str]) -> bool:
    """Whether ``part`` stands in ``words`` as consecutive words."""
    n = len(part)
    return any(words[i : i + n] == part for i in range(len(words) - n + 1))


def _drop_unnamed_places(found: list[Found], entities: dict[str, Entity]) -> None:
    """A place named only by a level word (``TP``, ``tỉnh``: the article's own city or province)
    has no name: it is no node (else every article's ``TP`` would be one place)."""
    levels = lexicon().levels
    unnamed = {
        key
        for key, entity in entities.items()
        if key.startswith("place|")
        and all(n in levels or name_key(n) in levels for n in (entity.label, *entity.aliases))
    }
    _forget(found, entities, unnamed)


def _drop_people_named_as_others(found: list[Found], entities: dict[str, Entity]) -> None:
    """A person whose every name is a name of a place or body of the same article (``Hồ Ba Bể``
    opening a sentence beside ``hồ Ba Bể``, a coined place read as a name) is that place or body
    read as a person: no second node."""
    others = {
        name_key(n)
        for key, entity in entities.items()
        if key.startswith(("place|", "org|"))
        for n in (entity.label, *entity.aliases)
    }
    gone = {
        key
        for key, entity in entities.items()
        if key.startswith("person|") and all(name_key(n) in others for n in (entity.label, *entity.aliases))
    }
    _forget(found, entities, gone)


def _forget(found: list[Found], entities: dict[str, Entity], keys: set[str]) -> None:
    """Drop the entities ``keys`` and the identity of the mentions of them."""
    for key in keys:
        del entities[key]
    for g in (g for f in found for g in f.nested()):
        if g.key in keys:
            g.key = ""


_BRACKETED = re.compile(r"\s?\(\s*([A-ZĐ][\w&.\-]*)\s*\)")  # ' (WTO)', '(SaigonTech)', ' (VTV1)'


def _bracketed_short_name(text: str, end: int) -> str:
    """The short name written in brackets right after a body's name (``… (WTO)``, ``… (Sawaco)``):
    an acronym, or a coined word that is no syllable of the word list; '' for a note (``(Đức)``)."""
    m = _BRACKETED.match(text, end)
    if m is None:
        return ""
    short = m.group(1)
    capitals = sum(c.isupper() for c in short)
    return short if capitals >= 2 or name_key(short) not in syllables() else ""


def add_bracketed_names(found: list[Found], entities: dict[str, Entity], text: str) -> None:
    """A body written with its short name in brackets (``Tổ chức Thương mại Thế giới (WTO)``) has
    that writing as a name, unless the short name is already one of its names (the article writes
    it alone and it was read as the body's): the writing then says nothing the names don't."""
    for f in found:
        entity = entities.get(f.key)
        if not f.is_org or entity is None:
            continue
        short = _bracketed_short_name(text, f.end)
        if not short or name_key(short) in {name_key(n) for n in (entity.label, *entity.aliases)}:
            continue
        glued = f"{' '.join(f.text.split())} ({short})"
        if glued not in entity.aliases:
            entities[f.key] = replace(entity, aliases=(*entity.aliases, glued))


def separate_forms(found: list[Found], entities: dict[str, Entity]) -> None:
    """Move each entity's context-bound forms from its aliases to its forms; drop a place
    named only by a level word and a person named as a place or body."""
    _drop_unnamed_places(found, entities)
    _drop_people_named_as_others(found, entities)
    written, spelt = _written(found), _spelt_out(found)
    for key, entity in entities.items():
        texts = written.get(key, set())
        if not texts or not entity.aliases:
            continue
        if key.startswith("org|"):
            bound = _short_bodies(entity, texts, spelt) | _abbreviated(entity, texts, spelt)
        elif key.startswith("person|"):
            bound = _given_names(entity, texts)
        else:
            continue
        if bound:
            aliases = tuple(a for a in entity.aliases if a not in bound)
            forms = tuple(sorted({*entity.forms, *bound} - {entity.label}))
            entities[key] = replace(entity, aliases=aliases, forms=forms)
