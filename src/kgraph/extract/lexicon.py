"""Word lists the rules use, loaded once from ``kgraph/data``.

Vietnamese lives in the data files; this module only parses them. Lookups are by
``name_key`` (lower case, common tone placement) so spelling variants match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..text import name_key, normalize_tones
from .hierarchy import HierarchyWords, hierarchy_words
from .issuers import IssuerTable, issuer_table
from .modality import ModalityWords, modality_words
from .tokens import Token


def _lines(name: str) -> list[str]:
    text = (resources.files("kgraph") / "data" / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _key_lines(name: str) -> list[str]:
    """The lines of a word list as name keys, normalised in one pass over the file (fast)."""
    return keys_of_lines((resources.files("kgraph") / "data" / name).read_text(encoding="utf-8"))


def keys_of_lines(text: str) -> list[str]:
    """Each line of ``text`` that is neither blank nor a comment, as a name key."""
    text = normalize_tones(unicodedata.normalize("NFC", text)).lower()
    if _single_spaced(text):  # every line is its own key (the lists are written so): split no line
        return [line for line in text.split("\n") if line and line[0] != "#"]
    return [" ".join(line.split()) for line in text.splitlines() if line.strip() and not line.startswith("#")]


_OTHER_WHITE = re.compile(r"[^\S \n]")  # white space but a plain space and a line feed


def _single_spaced(text: str) -> bool:
    """Whether the words of each line of ``text`` are parted by single plain spaces, none around them."""
    spaced = "  " not in text and " \n" not in text and "\n " not in text
    return spaced and text[:1] != " " and text[-1:] != " " and _OTHER_WHITE.search(text) is None


def proper_prefixes(entries: Iterable[str]) -> frozenset[str]:
    """Every proper prefix of whole words of each single-spaced entry ('a b c': 'a', 'a b')."""
    out: set[str] = set()
    add = out.add
    for entry in entries:
        space = entry.find(" ")
        while space >= 0:
            add(entry[:space])
            space = entry.find(" ", space + 1)
    return frozenset(out)


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in _lines(name)]


@dataclass(frozen=True)
class Head:
    """An organisation or place name head (``Đảng ủy``, ``Sở``, ``Khu di tích``)."""

    words: tuple[str, ...]  # as written in the data file
    keys: tuple[str, ...]  # name_key of each word
    kind: str  # entity class, '-' for a phrase that is not an organisation (blocks a shorter head)
    bare: bool  # a complete name by itself
    national: bool  # one body nationwide
    part: bool  # names a part of the body named after it (Ban Thường vụ X -> X)
    any_case: bool  # may be written in lower case
    person: bool  # may be followed by a person's name (Trường Nguyễn Trãi)
    own: bool = False  # a body of its article's event, never vague (ban tổ chức: the organisers)
    placed: bool = False  # a name only with a place, a level or its parent body (Phòng Giáo dục huyện X)


@dataclass(frozen=True)
class Lexicon:
    words: frozenset[str]  # multi-syllable Vietnamese words, name_key form
    word_starts: frozenset[str]  # every proper prefix of those words
    heads: dict[str, list[Head]]  # first word (key) -> heads starting with it, longest first
    tagger_heads: dict[str, list[Head]]  # the heads the name tagger was trained with (not flagged 'untagged')
    place_heads: dict[str, list[Head]]
    levels: dict[str, str]  # key of a level word or abbreviation -> level word
    level_ranks: dict[str, float]  # key of a level word -> 2 provincial, 3 district, 4 commune
    abbreviations: dict[str, str]  # short form -> long form
    surnames: frozenset[str]
    titles: dict[str, list[tuple[str, ...]]]  # first word key -> titles (as word tuples), longest first
    honorifics: frozenset[str]
    cues: list[tuple[str, str]]  # (phrase, class), longest first
    doc_words: dict[str, tuple[str, str]]  # key of 'Chỉ thị' -> (code, class)
    doc_codes: dict[str, tuple[str, str]]  # 'CT' -> (class, Vietnamese name)
    issuer_codes: dict[str, str]  # 'ĐUK' -> 'Đảng ủy Khối'
    places: frozenset[str]  # keys of known place names (places.txt and world.tsv)
    context_places: frozenset[str]  # short country names that are places only in context (Anh, Đức)
    place_before: frozenset[str]  # words after which such a short name is a place (nước Anh, tại Nhật)
    place_never: frozenset[str]  # words after which it never is (tiếng Anh, anh Đức)
    language_before: frozenset[str]  # words after which a place names a language (tiếng Pháp)
    language_after: frozenset[str]  # syllables after which a place names a language (Anh văn)
    product_before: frozenset[str]  # words after which a company's name is a product's (xe Honda)
    city_people: frozenset[str]  # names that are places after a level word (thành phố Hồ Chí Minh)
    level_places: frozenset[str]  # places and city_people: what may follow 'tỉnh', 'thành phố'
    domains: frozenset[str]  # keys of domains holding 'và' or ','
    stop_words: frozenset[str]  # verbs and function words that never continue a name
    name_people: frozenset[str]  # people's names that stand inside organisation names (Hồ Chí Minh)
    global_heads: frozenset[str]  # keys of heads flagged 'global' in org_heads.tsv
    vague_heads: frozenset[str]  # ... flagged 'vague'
    local_heads: frozenset[str]  # ... flagged 'local'
    alone_heads: frozenset[str]  # ... flagged 'alone'
    modality: ModalityWords  # words that make a cue's relation requested, planned, conditional, negated
    hierarchy: HierarchyWords  # heads of bodies that nest by their names (Sở -> Ủy ban nhân dân)
    central_issuers: IssuerTable  # issuers of well-known central documents


def _place_key(name: str) -> str:
    return name_key(name).replace("-", " ").replace("  ", " ")


@lru_cache(maxsize=1)
def world_words() -> dict[str, frozenset[str]]:
    """Keys of world.tsv's place words by kind: 'places' (every spelling of a country, city or
    region), 'context' (short forms that need context), 'before' and 'never' (the words before them),
    'language' and 'tongue' (the words before and after a place that make it a language), 'product'."""
    out: dict[str, set[str]] = {
        k: set() for k in ("places", "context", "before", "never", "language", "tongue", "product")
    }
    for kind, name, *rest in _rows("world.tsv"):
        spellings = [s for s in (rest[0].split("|") if rest else []) if s]
        if kind in out:
            out[kind].update(_place_key(s) for s in spellings)
        elif kind in ("country", "city", "region"):
            out["places"].update(_place_key(s) for s in [name, *spellings])
    return {k: frozenset(v) for k, v in out.items()}


def _heads(rows: list[list[str]], place: bool = False) -> dict[str, list[Head]]:
    out: dict[str, list[Head]] = {}
    for row in rows:
        phrase = row[0]
        if place:
            kind, flags = "Location", set((row[1] if len(row) > 1 else "").split(","))
        else:
            kind, flags = row[1], set((row[2] if len(row) > 2 else "").split(","))
        words = tuple(phrase.split())
        head = Head(
            words,
            tuple(name_key(w) for w in words),
            kind,
            "bare" in flags,
            "national" in flags,
            "part" in flags,
            "case" in flags,
            "person" in flags,
            placed="placed" in flags,
        )
        out.setdefault(name_key(words[0]), []).append(head)
    for heads in out.values():
        heads.sort(key=lambda h: -len(h.words))
    return out


def _flagged(rows: list[list[str]], flag: str) -> frozenset[str]:
    """Keys of the heads of org_heads.tsv with ``flag`` in their flag column."""
    return frozenset(name_key(r[0]) for r in rows if len(r) > 2 and flag in r[2].split(","))


@lru_cache(maxsize=1)
def document_codes() -> dict[str, tuple[str, str]]:
    """Document type codes (doc_codes.tsv): 'CT' -> (class local name, Vietnamese name)."""
    return {r[0]: (r[1], r[2]) for r in _rows("doc_codes.tsv")}


@lru_cache(maxsize=1)
def _rule_words() -> dict[str, tuple[str, ...]]:
    rows = _rows("rule_words.tsv")
    out: dict[str, list[str]] = {}
    for row in rows:
        out.setdefault(row[0], []).append("\t".join(row[1:]))
    return {name: tuple(values) for name, values in out.items()}


def first_words(
    entries: Iterable[str | Sequence[str]], key: Callable[[str], str] | None = None
) -> frozenset[str]:
    """The first word of every entry of a table: a spelling written as text (its first word
    before a space) or already split into words; ``key`` maps each word kept (e.g. ``name_key``).
    A rule matching a table tries only the tokens some entry starts with."""
    out: set[str] = set()
    for entry in entries:
        split = entry.split() if isinstance(entry, str) else entry
        if split:
            out.add(key(split[0]) if key else split[0])
    return frozenset(out)


def key_words(entries: Iterable[str | Sequence[str]]) -> frozenset[str]:
    """Every word of every entry of a table, as written and as ``name_key`` writes it: a token
    whose key or text is an entry (or a run of tokens keyed as one) has a key word in this set, so
    a sentence none of whose key words is in it holds no entry (``SentenceState.may_hold``)."""
    out: set[str] = set()
    for entry in entries:
        for part in [entry] if isinstance(entry, str) else entry:
            out.update(part.split())
            out.update(name_key(part).split())
    return frozenset(out)


class Phrases:
    """Phrases of word keys matched at a token: the first phrase of the list that the tokens from
    there spell, found by one look-up per phrase length instead of a comparison per phrase."""

    def __init__(self, phrases: Iterable[tuple[str, ...]]) -> None:
        self.phrases = tuple(phrases)
        self._order: dict[tuple[str, ...], int] = {}
        for n, phrase in enumerate(self.phrases):
            self._order.setdefault(phrase, n)
        self._sizes = sorted({len(phrase) for phrase in self.phrases})

    def first_at(self, tokens: Sequence[Token], i: int) -> tuple[str, ...] | None:
        """The first phrase of the list the keys of ``tokens[i:]`` start with; None when none."""
        best = len(self.phrases)
        for size in self._sizes:
            if i + size > len(tokens):
                break
            best = min(best, self._order.get(tuple([t.key for t in tokens[i : i + size]]), best))
        return self.phrases[best] if best < len(self.phrases) else None


def words(name: str) -> tuple[str, ...]:
    """The words or phrases of list ``name`` of rule_words.tsv, in the file's order."""
    return _rule_words()[name]


def word(name: str) -> str:
    """The one word or phrase of entry ``name`` of rule_words.tsv."""
    (value,) = _rule_words()[name]
    return value


def pairs(name: str) -> dict[str, str]:
    """Entries ``name`` of rule_words.tsv written as two columns, as a mapping."""
    return dict(entry.split("\t", 1) for entry in words(name))


def alternation(name: str) -> str:
    """List ``name`` as a regular-expression alternation (its entries are pattern fragments)."""
    return "|".join(words(name))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    words = {w for w in _key_lines("words.txt") if " " in w}
    words |= set(_key_lines("name_words.txt"))
    levels: dict[str, str] = {}
    for row in _rows("levels.tsv"):
        levels[name_key(row[0])] = row[0]
        for short in row[1].split(",") if len(row) > 1 and row[1] else []:
            levels[short] = row[0]
    ranks = {name_key(r[0]): float(r[2]) for r in _rows("levels.tsv") if len(r) > 2 and r[2]}
    titles: dict[str, list[tuple[str, ...]]] = {}
    for line in _lines("titles.txt"):
        t = tuple(line.split())
        titles.setdefault(name_key(t[0]), []).append(t)
    for group in titles.values():
        group.sort(key=lambda t: -len(t))
    cues = sorted(((r[0], r[1]) for r in _rows("cues.tsv")), key=lambda c: -len(c[0]))
    org_heads = _rows("org_heads.tsv")
    world = world_words()
    return Lexicon(
        words=frozenset(words),
        word_starts=proper_prefixes(words),
        heads=_heads(org_heads),
        tagger_heads=_heads([r for r in org_heads if not (len(r) > 2 and "untagged" in r[2].split(","))]),
        global_heads=_flagged(org_heads, "global"),
        vague_heads=_flagged(org_heads, "vague"),
        local_heads=_flagged(org_heads, "local"),
        alone_heads=_flagged(org_heads, "alone"),
        place_heads=_heads(_rows("place_heads.tsv"), place=True),
        levels=levels,
        level_ranks=ranks,
        abbreviations={r[0]: r[1] for r in _rows("abbreviations.tsv")},
        surnames=frozenset(name_key(s) for s in _lines("surnames.txt")),
        titles=titles,
        honorifics=frozenset(_lines("honorifics.txt")),
        cues=cues,
        doc_words={name_key(r[0]): (r[1], r[2]) for r in _rows("doc_types.tsv")},
        doc_codes=document_codes(),
        issuer_codes={r[0]: r[1] for r in _rows("issuer_codes.tsv")},
        places=(frozenset(_place_key(p) for p in _lines("places.txt")) | world["places"]) - world["context"],
        context_places=world["context"],
        place_before=world["before"],
        place_never=world["never"],
        language_before=world["language"],
        language_after=world["tongue"],
        product_before=world["product"],
        city_people=frozenset(name_key(w) for w in _lines("name_people.txt")),
        level_places=frozenset(name_key(p).replace("-", " ").replace("  ", " ") for p in _lines("places.txt"))
        | frozenset(name_key(w) for w in _lines("name_people.txt")),
        domains=frozenset(" ".join(name_key(d).replace("-", " ").split()) for d in _lines("domains.txt")),
        name_people=frozenset(name_key(w) for w in _lines("name_people.txt")),
        stop_words=frozenset(name_key(w) for w in _lines("stop_words.txt"))
        | frozenset(name_key(c[0]) for c in cues),
        modality=modality_words(_rows("modality.tsv")),
        hierarchy=hierarchy_words(_rows("hierarchy.tsv")),
        central_issuers=issuer_table(_rows("central_issuers.tsv")),
    )


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    """Every syllable of the word list's words, as keys (``tỉnh``, ``và``; never an acronym)."""
    return frozenset(" ".join(lexicon().words).split())  # one split of them all: no loop
