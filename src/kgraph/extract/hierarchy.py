"""Structure read off the names of an article's bodies (``data/hierarchy.tsv``): a
department is part of the People's Committee of its province (``Sở Tài chính tỉnh Nghệ An``
-> ``Ủy ban nhân dân tỉnh Nghệ An``), a district's Party committee part of the article's one
provincial committee, a commune's of the article's one district committee.

Each relation's evidence is the sentence that first names the part; the rule is
``name_hierarchy``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Entity, Relation, Sentence
from ..text import name_key

RULE = "name_hierarchy"
_NEVER = "never"
_BODY_KINDS = frozenset(
    {"Organization", "PartyCommittee", "PartyOrganization", "PartyAgency", "StateAgency", "MassOrganization"}
)


@dataclass(frozen=True)
class Nesting:
    part: str  # name key of the part's head
    whole: str  # name key of the whole's head
    pairing: str  # 'place' or 'sole'


@dataclass(frozen=True)
class HierarchyWords:
    nestings: tuple[Nesting, ...]
    never: tuple[str, ...]  # name keys of words that keep a part out of 'sole' pairings


def hierarchy_words(rows: Iterable[list[str]]) -> HierarchyWords:
    nestings: list[Nesting] = []
    never: list[str] = []
    for row in rows:
        if row[0] == _NEVER:
            never.append(name_key(row[1]))
        else:
            nestings.append(Nesting(name_key(row[0]), name_key(row[1]), row[2].strip()))
    return HierarchyWords(tuple(nestings), tuple(never))


def _rest(label_key: str, head: str) -> str | None:
    """What follows ``head`` in a label (``tỉnh nghệ an``), None when the label does not start with it."""
    if label_key == head:
        return ""
    if label_key.startswith(head + " "):
        return label_key[len(head) + 1 :]
    return None


def _whole_of(part: Entity, nesting: Nesting, bodies: list[tuple[Entity, str]], words: HierarchyWords) -> str:
    """The key of the body ``part`` nests in by ``nesting``, or ''."""
    part_key = name_key(part.label)
    if _rest(part_key, nesting.part) is None:
        return ""
    wholes = [
        (e, rest) for e, k in bodies if (rest := _rest(k, nesting.whole)) is not None and e.key != part.key
    ]
    if nesting.pairing == "place":
        matching = [e.key for e, rest in wholes if rest and part_key.endswith(" " + rest)]
        return matching[0] if len(matching) == 1 else ""
    if any(f" {w} " in f" {part_key} " for w in words.never) or len(wholes) != 1:
        return ""
    return wholes[0][0].key


def name_hierarchy(
    entities: dict[str, Entity], first_sentence: dict[str, Sentence], words: HierarchyWords
) -> list[Relation]:
    """subOrganizationOf between the article's bodies that nest by their names."""
    bodies = sorted(
        (
            (e, name_key(e.label))
            for e in entities.values()
            if e.key in first_sentence and e.kind in _BODY_KINDS
        ),
        key=lambda pair: pair[0].key,
    )
    out: list[Relation] = []
    for part, _ in bodies:
        for nesting in words.nestings:
            whole = _whole_of(part, nesting, bodies, words)
            if whole:
                out.append(Relation(part.key, "subOrganizationOf", whole, first_sentence[part.key], RULE))
                break
    return out
