"""One node per national body, whatever its spelling: ``Bộ GD-ĐT``, ``Bộ GDĐT``, ``Bộ Giáo dục - Đào tạo``
and ``Bộ Giáo dục và Đào tạo Việt Nam`` are the Ministry of Education (``kgraph/data/national_bodies.tsv``).

Only an organisation's full name (its label) is looked up, so a foreign body (``Bộ Giáo dục Pháp``)
stays apart, and a person's name glued after a body's (``Bộ GD-ĐT Bành Tiến Long``) is cut off
before identities are decided.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from ..model import Entity
from ..text import name_key
from .lexicon import Phrases, first_words, key_words, word, words
from .names import PREPOSITIONS, person_run
from .resolve import org_key
from .state import Found, Group, SentenceState, token_at
from .tagger_words import tagger_words
from .tokens import Token, tokenize
from .world import mentions_inside, replace_inside, whole_body, world_body_names

_PAPER = word("press_cues_paper")
_PAPER_KEY, _PAPER_PERSON = name_key(_PAPER), name_key(word("press_paper_person"))
_PRESS_CUES = frozenset(name_key(w) for w in words("press_cues"))
_FOLD = re.compile(r"[-–—,&/]")
_LETTERS = re.compile(r"\b(\w) (?=\w\b)")
_GLUED_COUNTRY = re.compile(r"\b(\w{2,})vn\b")


@lru_cache(maxsize=65536)
def loose_key(name: str) -> str:
    """Lower case, common tones, '-', ',', '&' and 'và' folded: 'Bộ GD-ĐT' -> 'bộ gd đt'."""
    key = _FOLD.sub(" ", name_key(name))
    words = [w for w in key.split() if w not in tagger_words()["joiner"]]
    return _LETTERS.sub(r"\1", " ".join(words))  # T.Ư -> t ư -> tư


def _rows(name: str) -> list[list[str]]:
    text = (resources.files("kgraph") / "data" / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def national_bodies() -> dict[str, tuple[str, str]]:
    """Loose key of every spelling -> (canonical name, class): national bodies and the press."""
    table: dict[str, tuple[str, str]] = {}
    for canonical, kind, *rest in _rows("national_bodies.tsv"):
        for name in [canonical, *(rest[0].split("|") if rest and rest[0] else [])]:
            table[loose_key(name)] = (canonical, kind)
    for spelling, value in world_body_names().items():  # international bodies: UNDP, Liên Hợp Quốc
        table.setdefault(loose_key(spelling), value)
    for spellings in press().values():
        for name in filter(None, spellings):  # '' marks a name that needs its cue
            table.setdefault(loose_key(name), (spellings[0], "Organization"))
            table.setdefault(loose_key(f"{_PAPER} {name}"), (spellings[0], "Organization"))
    return table


@lru_cache(maxsize=1)
def press() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Newspapers and broadcasters: the tokens of each spelling -> (canonical name, spellings…,
    and '' last when the name needs a cue word before it)."""
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for canonical, flags, *rest in _rows("press.tsv"):
        spellings = (canonical, *(rest[0].split("|") if rest and rest[0] else []))
        value = spellings + (("",) if "cue" in flags.split(",") else ())
        for name in spellings:
            out[tuple(t.text for t in tokenize(name))] = value
    return out


@lru_cache(maxsize=1)
def _press_starts() -> tuple[int, frozenset[str]]:
    """The longest press spelling in tokens, and the first tokens of all spellings (rule_press
    tries only the tokens that start one)."""
    table = press()
    return max(len(k) for k in table), first_words(table)


@lru_cache(maxsize=1)
def _press_triggers() -> frozenset[str]:
    return key_words(_press_starts()[1])


def rule_press(st: SentenceState) -> None:
    """Newspapers, news sites and broadcasters by name (NLĐ, Tuổi Trẻ, báo Nhân Dân, VTV1)."""
    longest, starts = _press_starts()
    if not st.may_hold(_press_triggers()):
        return  # no word a press name starts with (speed: most sentences)
    tokens, table = st.tokens, press()
    k = 0
    while k < len(tokens):
        if tokens[k].text not in starts:
            k += 1
            continue
        hit = next((n for n in reversed(_press_sizes(tokens, k, longest)) if _press_at(st, k, n, table)), 0)
        if hit:
            first = k - 1 if _paper_word_before(st, k) else k  # báo Thanh Niên: named with its word
            st.add(whole_body(st, first, k + hit - first, "Organization"))  # one body nationwide
        k += hit or 1


@lru_cache(maxsize=1)
def _press_prefixes() -> frozenset[tuple[str, ...]]:
    """Every beginning of a press spelling's tokens (('Tuổi',), ('Tuổi', 'Trẻ'), …)."""
    return frozenset(key[:n] for key in press() for n in range(1, len(key) + 1))


def _press_sizes(tokens: list[Token], k: int, longest: int) -> list[int]:
    """The sizes of the runs from ``k`` whose token texts spell a press name, smallest first (a run
    begins no spelling: no longer run spells one)."""
    sizes, prefixes, table = [], _press_prefixes(), press()
    for n in range(1, min(longest, len(tokens) - k) + 1):
        texts = tuple([t.text for t in tokens[k : k + n]])
        if texts not in prefixes:
            break
        if texts in table:
            sizes.append(n)
    return sizes


def _paper_word_before(st: SentenceState, k: int) -> bool:
    """Whether the paper named at token ``k`` follows the word 'báo' that names it with it (báo
    Thanh Niên), not a journalist's (nhà báo Tuổi Trẻ)."""
    tokens = st.tokens
    if k == 0 or tokens[k - 1].key != _PAPER_KEY or not st.free(tokens[k - 1].start):
        return False
    return k == 1 or tokens[k - 2].key != _PAPER_PERSON


def _press_at(st: SentenceState, k: int, n: int, table: dict[tuple[str, ...], tuple[str, ...]]) -> bool:
    tokens = st.tokens
    value = table.get(tuple(t.text for t in tokens[k : k + n]))
    if value is None or not all(st.free(t.start) for t in tokens[k : k + n]):
        return False
    end = k + n
    if end < len(tokens) and tokens[end].is_word and tokens[end].is_cap:
        return False  # the start of a longer name (Thanh Niên Xung phong)
    if value[-1]:
        return True
    before = tokens[max(0, k - 2) : k]
    cues = _PRESS_CUES
    return bool(before) and (before[-1].key in cues or " ".join(t.key for t in before) in cues)


def body_of(name: str) -> tuple[str, str] | None:
    """(canonical name, class) of a national body's spelling; a ministry followed by 'Việt Nam' too."""
    table = national_bodies()
    key = loose_key(name)
    found = table.get(key)
    if found is None:  # Hội NDVN: an abbreviation with the country's initials glued on
        country = max(tagger_words()["country"], key=len)  # the country's full name
        found = table.get(_GLUED_COUNTRY.sub(rf"\1 {country}", key))
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
            if body_of(head) is None and not _ends_with_place(toks[:k], st):
                continue  # a body's name ends at its country or place: Bộ Cựu chiến binh Mỹ | James Nicholson
            name = st.text[rest[0].start - st.base : f.end - st.base]
            person = Found(rest[0].start, f.end, name, Group.PERSON, "Person", f.sent)
            f.end, f.text, f.bare = toks[k - 1].end, head, False
            st.add(person)
            break


#: How many tokens a national body's spelling may run past where the grammar ended its name
_SPELLED_OUT = 4


def rule_spelled_out_bodies(st: SentenceState) -> None:
    """A national body's spelling that runs past where the grammar ended the name (Tòa án nhân dân
    | tối cao, VKSND | tối cao) takes its whole length, when nothing else was found there."""
    tokens, table = st.tokens, national_bodies()
    for f in st.found:
        if not f.is_org or f.inner is not None or f.rule != "names":
            continue
        i, j = token_at(tokens, f.start), token_at(tokens, f.end)
        short = loose_key(f.text)
        for n in range(min(len(tokens), j + _SPELLED_OUT), j, -1):
            end = tokens[n - 1].end
            if not tokens[n - 1].is_word or not all(st.free(t.start) for t in tokens[j:n]):
                continue
            key = loose_key(st.text[tokens[i].start - st.base : end - st.base])
            if key in table and key != short:  # more words, not only a joiner (Bộ GTVT | và)
                st.taken.add(f.end, end)
                f.end, f.text, f.bare = end, st.text[f.start - st.base : end - st.base], False
                break


#: The fewest words of a national body's spelling read in any case (shorter ones: the grammar's heads)
_SPELLING_WORDS = 3


@dataclass(frozen=True)
class _Spellings:
    """The national bodies' spellings of three words or more, and what a spelling may start and end
    with (token keys: most tokens start none, so few stretches are keyed)."""

    keys: frozenset[str]  # loose keys of the spellings
    starts: frozenset[tuple[str, str]]  # the keys of their first two tokens
    lasts: frozenset[str]  # the key of their last token
    longest: int  # in tokens


@lru_cache(maxsize=1)
def _long_spellings() -> _Spellings:
    keys: set[str] = set()
    starts: set[tuple[str, str]] = set()
    lasts: set[str] = set()
    longest = 0
    for canonical, _kind, *rest in _rows("national_bodies.tsv"):
        for name in [canonical, *(rest[0].split("|") if rest and rest[0] else [])]:
            key, toks = loose_key(name), tokenize(name)
            if len(key.split()) >= _SPELLING_WORDS:
                keys.add(key)
                starts.add((toks[0].key, toks[1].key))
                lasts.add(toks[-1].key)
                longest = max(longest, len(toks))
    return _Spellings(frozenset(keys), frozenset(starts), frozenset(lasts), longest)


@lru_cache(maxsize=1)
def _national_triggers() -> frozenset[str]:
    return key_words(first for first, _ in _long_spellings().starts)


def rule_national_bodies(st: SentenceState) -> None:
    """A national body's whole spelling from its table, its fields in any case (Ủy ban các vấn đề
    xã hội của Quốc hội, Hội đồng dân tộc của Quốc hội): it takes the place of the shorter names
    read inside it (Ủy ban Các, Quốc hội); a longer name around it stands (a foreign body's)."""
    tokens, table, sp = st.tokens, national_bodies(), _long_spellings()
    if not st.may_hold(_national_triggers()):
        return  # no word a long spelling starts with (speed)
    k = 0
    while k < len(tokens) - 2:
        if not tokens[k].is_cap or (tokens[k].key, tokens[k + 1].key) not in sp.starts:
            k += 1
            continue
        ends = range(min(sp.longest, len(tokens) - k), 2, -1)
        hit = next(
            (n for n in ends if tokens[k + n - 1].key in sp.lasts and _spelled_at(st, k, n, sp.keys)), 0
        )
        if hit:
            text = st.text[tokens[k].start - st.base : tokens[k + hit - 1].end - st.base]
            replace_inside(st, whole_body(st, k, hit, table[loose_key(text)][1]))
        k += hit or 1


def _spelled_at(st: SentenceState, k: int, n: int, keys: frozenset[str]) -> bool:
    """Whether tokens [k, k + n) spell a national body, free of quotes and document numbers, with no
    mention crossing their edges and no capitalised word after them but a person's name."""
    tokens = st.tokens
    span = tokens[k : k + n]
    if any(t.start in st.blocked for t in span):
        return False
    if loose_key(st.text[span[0].start - st.base : span[-1].end - st.base]) not in keys:
        return False
    if mentions_inside(st, span[0].start, span[-1].end) is None:
        return False
    after = k + n
    if after < len(tokens) and tokens[after].is_word and tokens[after].is_cap:
        return person_run(tokens, after, st.lex) >= 2  # Ủy ban … của Quốc hội | Nguyễn Văn A
    return True


_POLICE_FORCES = tuple(tuple(t.key for t in tokenize(w)) for w in words("police_forces"))
_POLICE_FIRSTS = frozenset(f[0] for f in _POLICE_FORCES)
_POLICE_PHRASES = Phrases(_POLICE_FORCES)
_POLICE_WORDS = key_words(_POLICE_FIRSTS)


def rule_police_forces(st: SentenceState) -> None:
    """A police force named by its branch (cảnh sát giao thông, CSGT, cảnh sát đường thủy) where it
    acts or is acted on: at the start, after punctuation, a function word or a preposition (CSGT đã
    bắt, bị CSGT tạm giữ); after a noun it says what a person or a unit is (chiến sĩ cảnh sát giao
    thông), and before a capitalised word it starts a longer name."""
    if not st.may_hold(_POLICE_WORDS):
        return  # most sentences (speed)
    tokens = st.tokens
    k = 0
    while k < len(tokens):
        size = _force_at(st, k) if tokens[k].key in _POLICE_FIRSTS else 0
        if size:
            st.add(whole_body(st, k, size, "StateAgency", national=False))
        k += size or 1


def _force_at(st: SentenceState, k: int) -> int:
    """Tokens of the police force named at ``k`` where it stands alone (0 when none)."""
    tokens = st.tokens
    force = _POLICE_PHRASES.first_at(tokens, k)
    size = len(force) if force is not None else 0
    if not size or not all(st.free(t.start) for t in tokens[k : k + size]):
        return 0
    before = tokens[k - 1] if k else None
    if before is not None and before.is_word and before.key not in st.lex.stop_words:
        if before.key not in PREPOSITIONS:
            return 0  # chiến sĩ cảnh sát giao thông, lực lượng CSGT: a noun's complement
    after = tokens[k + size] if k + size < len(tokens) else None
    return 0 if after is not None and after.is_word and after.is_cap else size


def rule_glued_numbers(st: SentenceState) -> None:
    """'Hội đồng Lý luận Trung ương7.': a list number glued to the end of a name is cut off."""
    for f in st.found:
        if f.group not in (Group.ORG, Group.PLACE, Group.PERSON) or not f.text[-1].isdigit():
            continue
        toks = [t for t in st.tokens if f.start <= t.start and t.end <= f.end]
        if len(toks) > 1 and toks[-1].is_number and toks[-2].is_word and toks[-2].end == toks[-1].start:
            f.end, f.text = toks[-2].end, st.text[f.start - st.base : toks[-2].end - st.base]


def _ends_with_place(toks: list[Token], st: SentenceState) -> bool:
    """Whether a name's last one to three words are a known place (its country or province)."""
    return len(toks) > 2 and any(
        " ".join(t.key for t in toks[-n:]) in st.lex.places for n in (1, 2, 3) if n < len(toks) - 1
    )


def unify_bodies(found: list[Found], entities: dict[str, Entity]) -> None:
    """Give every spelling of a national body the body's one key, label and class."""
    moved: dict[str, str] = {}
    for key in list(entities):
        entity = entities[key]  # as merged so far: a spelling may have moved into it already
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
        if kind == "Organization":  # the table's class stands (it names the body); else the rules'
            kind = entity.kind
        entities[new] = replace(entity, key=new, kind=kind, label=canonical, aliases=aliases, scope="")
    for f in _all_orgs(found):
        f.key = moved.get(f.key, f.key)
    _claim_short_names(found, entities)


def _all_orgs(found: list[Found]) -> list[Found]:
    return [g for f in found for g in f.nested() if g.is_org]


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
            entities[new] = current.with_aliases((f.text,))
        f.key = new
