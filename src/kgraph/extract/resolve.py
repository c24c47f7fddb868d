"""Identity: decide which mentions name the same thing, and the key that names it.

- Abbreviations expand (``Hội CCB`` = ``Hội Cựu chiến binh``, ``UBND`` = ``Ủy ban nhân dân``).
- ``Ban Chấp hành Đảng bộ X`` is ``Đảng ủy X``.
- A short form resolves to the one longer name of the article it begins
  (``Đảng ủy Khối`` -> ``Đảng ủy Khối Các cơ quan tỉnh``, ``Chỉ thị 05`` -> ``Chỉ thị 05-CT/TW``).
- Documents merge by number, never by similarity.
- Locally named bodies (``Huyện ủy``, ``UBND tỉnh``, ``Sở Tài chính``) are scoped to their
  article, so two provinces' committees never merge; national bodies and bodies named
  with their place merge across articles.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

from ..model import Entity
from ..text import foreign_word, name_key
from .documents import DocMention
from .gazetteer import identify, identify_at, numbered_parts, place_spellings, spelling_key
from .lexicon import Lexicon, lexicon
from .lexicon import pairs as _pairs
from .lexicon import word as _word
from .lexicon import words as _words
from .state import Found, Group

_PROVINCE, _CITY, _DISTRICT, _URBAN = (
    _word("province"),
    _word("city"),
    _word("district"),
    _word("urban_district"),
)
_COMMUNE, _WARD, _BLOC, _CITY_SHORT = _word("commune"), _word("ward"), _word("bloc"), _word("city_short")
_CITY_WORDS = _CITY.split()  # the two words of 'thành phố'
_COMMITTEE = _word("committee_word")  # the 'ủy' of Tỉnh ủy
_PROVINCE_COMMITTEE, _CITY_COMMITTEE = f"{_PROVINCE} {_COMMITTEE}", f"{_word('city').split()[0]} {_COMMITTEE}"
_DISTRICT_COMMITTEE = f"{_DISTRICT} {_COMMITTEE}"
_VIETNAM, _VIETNAM_WRITTEN, _CENTRAL, _TERM = (
    _word("vietnam"),
    _word("vietnam_written"),
    _word("central"),
    _word("term"),
)
_NATIONAL_MARKERS = _words("national_markers")
_COMMITTEE_OF_LEVEL = _pairs("committee_of_level")
_LEVEL_COMMITTEE = re.compile(_word("level_committee_re"), re.IGNORECASE)
_ELECTED_COMMITTEE = re.compile(_word("elected_committee_re"))
_UNION_OF_LEVEL = _pairs("union_of_level")
_LEVEL_UNION = re.compile(_word("level_union_re"), re.IGNORECASE)
_CANONICAL_NAME = _pairs("canonical_name")
_NATIONAL_WITHOUT_COUNTRY = _words("national_without_country")
_RESOLUTION, _CONGRESS, _OFFICE = _word("resolution"), _word("congress"), _word("office_head")


def expand(name: str, lex: Lexicon) -> str:
    """A name with its abbreviations written out (``Hội CCB Khối`` -> ``Hội Cựu chiến binh Khối``)."""
    return _expand_default(name) if lex is lexicon() else _expand(name, lex)


@lru_cache(maxsize=65536)
def _expand_default(name: str) -> str:
    """``expand`` with the package's lexicon, once per name (an article names a body many times)."""
    return _expand(name, lexicon())


def _expand(name: str, lex: Lexicon) -> str:
    words = name.split()
    for size, short_key, long in _long_abbreviations(lex):
        if name_key(" ".join(words[:size])) == short_key:
            words = long.split() + words[size:]
            break
    text = " ".join(lex.abbreviations.get(word, word) for word in words)
    # Ban Chấp hành Đảng bộ X is Đảng ủy X (the committee a Party organisation elects)
    text = _ELECTED_COMMITTEE.sub(_word("party_committee"), text)
    # Đảng ủy huyện X is Huyện ủy X, Đoàn TNCS Hồ Chí Minh tỉnh X is Tỉnh Đoàn X: the committee and the
    # Youth Union of a province, district or town have their own word
    text = _own_word(text, _LEVEL_COMMITTEE, _COMMITTEE_OF_LEVEL, lex)
    text = _own_word(text, _LEVEL_UNION, _UNION_OF_LEVEL, lex)
    # the Central Committee, the Secretariat, the Prime Minister (the office): named one way
    text = _CANONICAL_NAME.get(name_key(text), text)
    if name_key(text) in _NATIONAL_WITHOUT_COUNTRY:  # named as everyone names them
        text = text[
            : -len(_VIETNAM_WRITTEN) - 1
        ]  # (Đảng Cộng sản Việt Nam keeps it); the mention stays an alias
    return text


_LONG_ABBREVIATIONS: dict[int, tuple[Lexicon, tuple[tuple[int, str, str], ...]]] = {}


def _long_abbreviations(lex: Lexicon) -> tuple[tuple[int, str, str], ...]:
    """(words, key, long form) of each abbreviation of more than one word, in the table's order
    (made once per lexicon, not once per name: ``expand`` reads a body's every name)."""
    cached = _LONG_ABBREVIATIONS.get(id(lex))
    if cached is None or cached[0] is not lex:
        table = lex.abbreviations.items()
        longs = tuple((len(s.split()), name_key(s), long) for s, long in table if len(s.split()) > 1)
        cached = _LONG_ABBREVIATIONS[id(lex)] = (lex, longs)
    return cached[1]


def _own_word(text: str, pattern: re.Pattern[str], own: dict[str, str], lex: Lexicon) -> str:
    """``text`` with the body of a level (``Đảng ủy huyện``) written by its own word (``Huyện ủy``)."""
    level = pattern.search(text)
    if not level:
        return text
    rest = text[level.end() :].strip()
    # Hồ Chí Minh alone is the man: Thành ủy thành phố Hồ Chí Minh
    keep = f" {level.group(1)}" if name_key(rest) in lex.city_people else ""
    return f"{text[: level.start()]}{own[name_key(level.group(1))]}{keep} {rest}".strip()


def org_key(name: str, f: Found | None = None) -> str:
    """Identity key of an organisation's (expanded) name: hyphens and '&' fold to spaces;
    a national body's trailing 'Việt Nam' goes (Chính phủ Việt Nam is Chính phủ)."""
    head = " ".join(f.head.words) if f is not None and f.head is not None and f.head.national else ""
    return _org_key(name, head)


_LOCAL_LEVELS = tuple(_word(w) for w in ("province", "city", "district", "urban_district", "commune", "ward"))


@lru_cache(maxsize=65536)
def _org_key(name: str, national_head: str) -> str:
    key = name_key(name).replace("-", " ").replace("&", f" {_word('and')} ")
    words = key.split()
    places = lexicon().level_places
    for i in range(len(words) - 1, -1, -1):  # 'tỉnh' before a province's name adds nothing
        size = 2 if words[i : i + 2] == _CITY_WORDS else 1
        if words[i] in (_PROVINCE, _CITY_SHORT) or size == 2:
            rest = words[i + size :]
            if any(" ".join(rest[:n]) in places for n in range(1, min(5, len(rest)) + 1)):
                del words[i : i + size]
    key = " ".join(words)
    for level in _LOCAL_LEVELS:  # 'Ủy ban MTTQ Việt Nam huyện X' is 'Ủy ban MTTQ huyện X': a local branch
        key = key.replace(f" {_VIETNAM} {level} ", f" {level} ")
    if national_head and key.endswith(f" {_VIETNAM}") and _VIETNAM not in name_key(national_head):
        key = key[: -len(_VIETNAM) - 1]
    return key


def _canonical_case(name: str, f: Found) -> str:
    """The head written as in the head list (``bộ chính trị`` -> ``Bộ Chính trị``)."""
    if f.head is None:
        return name
    words = name.split()
    size = len(f.head.words)
    if name_key(" ".join(words[:size])) == name_key(" ".join(f.head.words)):
        words[:size] = list(f.head.words)
    return " ".join(words)


#: An event named by its kind and number only ('Đại hội đại biểu lần thứ XXIV')
_GENERIC_EVENT = re.compile(_word("generic_event_re"))
_EVENT_ORDINAL = re.compile(_word("event_ordinal_re"))
_DOC_BEFORE = re.compile(_word("document_word_re"))  # an ordinal after it is the document's plenum's


def _article_province(orgs: list[Found], lex: Lexicon) -> tuple[str, str, str]:
    """The province or city most of an article's bodies are named after, and how the article
    writes it: (key, level word, name), ('nghệ an', 'tỉnh', 'Nghệ An'); empty when none."""
    counts: Counter[str] = Counter()
    shown: dict[str, tuple[str, str]] = {}
    for f in orgs:
        written = f.name.replace("-", " ").split()
        words = name_key(f.name).replace("-", " ").split()
        for i, word in enumerate(words):
            # tỉnh X, TP X, thành phố X, and the province's own committee: Tỉnh ủy X, Thành ủy X
            pair = words[i : i + 2]
            size = 2 if pair in (_CITY_WORDS, _PROVINCE_COMMITTEE.split(), _CITY_COMMITTEE.split()) else 1
            if word in (_PROVINCE, _CITY_SHORT) or size == 2:
                rest = words[i + size :]
                for n in range(min(5, len(rest)), 0, -1):
                    key = " ".join(rest[:n])
                    if key in lex.level_places:
                        counts[key] += 1
                        if len(written) == len(words) and key not in shown:
                            level = " ".join(written[i : i + size])
                            if pair[1:] == [_COMMITTEE]:  # Tỉnh ủy Hà Tĩnh: a province; Thành ủy: a city
                                level = _PROVINCE if word == _PROVINCE else _CITY
                            shown[key] = (level, " ".join(written[i + size : i + size + n]))
                        break
    best = counts.most_common()
    if not best or (len(best) > 1 and best[0][1] == best[1][1]):
        return "", "", ""
    key = best[0][0]
    level, name = shown.get(key, ("", ""))
    return key, level, name


def _with_province(name: str, key: str, level: str, province: str, lex: Lexicon) -> str:
    """``name`` saying its province: 'UBND tỉnh' + 'Nghệ An'; 'Sở Tài chính' + 'tỉnh Nghệ An'.

    A name that already ends with a place (another province's body) is left as it is.
    """
    words = key.split()
    if any(" ".join(words[-n:]) in lex.places for n in range(1, min(5, len(words)) + 1)):
        return name
    if name_key(province) in lex.city_people:  # Hồ Chí Minh alone is the man: thành phố Hồ Chí Minh
        level = _CITY
        if key.endswith(_CITY_COMMITTEE):
            return f"{name} {level} {province}"
    city = name_key(level) in (_CITY, _CITY_SHORT)
    if (words[-1:] == [_PROVINCE] and city) or (words[-2:] == _CITY_WORDS and not city):
        return name  # 'UBND thành phố' in an article about a province: its capital's, not the province's
    if (
        words[-1:] in ([_PROVINCE], [_CITY_SHORT])
        or words[-2:] == _CITY_WORDS
        or key.endswith((_PROVINCE_COMMITTEE, _CITY_COMMITTEE))
    ):
        return f"{name} {province}"
    return f"{name} {level} {province}"


def _province_key(key: str, province: str) -> str:
    """A province-level body named without its province, keyed with the article's province."""
    if not province:
        return ""
    words = key.split()
    if words[-1:] == [_PROVINCE] or words[-1:] == [_CITY_SHORT]:
        return " ".join(words[:-1] + [province])
    if words[-2:] == _CITY_WORDS:
        return " ".join(words[:-2] + [province])
    if key.endswith((_PROVINCE_COMMITTEE, _CITY_COMMITTEE)) or words[0] == _word("department"):
        return f"{key} {province}"
    return ""


#: The side a committee (Ban Chấp hành, Ban Thường vụ, Thường trực X) takes from the body it is
#: part of: a mass organisation's committee is the mass organisation's, a council's the state's.
_COMMITTEE_SIDE = {
    "MassOrganization": "MassOrganization",
    "StateAgency": "StateAgency",
    "PartyCommittee": "PartyCommittee",
    "PartyOrganization": "PartyCommittee",
}


def _city_in_province(key: str, level: str) -> bool:
    """'UBND TP', 'Thành ủy' in an article whose province is a tỉnh: a city's body, not the province's."""
    words = key.split()
    city = words[-1:] == [_CITY_SHORT] or words[-2:] == _CITY_WORDS or key.endswith(_CITY_COMMITTEE)
    return city and name_key(level) == _PROVINCE


#: The class of an office (Văn phòng) by the class of the body it serves
_OFFICE_SIDE = {
    "StateAgency": "StateAgency",
    "PartyCommittee": "PartyAgency",
    "PartyAgency": "PartyAgency",
    "PartyOrganization": "PartyAgency",
}


def _kind_of(name: str, f: Found) -> str:
    """The class of an organisation: its head's, except a Văn phòng takes its parent's side
    and a committee its body's."""
    if f.head is not None and f.head.part and f.head.kind == "PartyCommittee" and f.inner is not None:
        return _COMMITTEE_SIDE.get(f.inner.kind, f.kind)
    if f.head is not None and f.head.words[0] == _OFFICE and f.inner is None:
        key = name_key(name)
        if any(w in key for w in _words("state_office_markers")):
            return "StateAgency"
        if any(w in key for w in _words("party_office_markers")):
            return "PartyAgency"
        return "Organization"
    if f.head is not None and f.head.words[0] == _OFFICE and f.inner is not None:
        return _OFFICE_SIDE.get(f.inner.kind, "Organization")  # Văn phòng Trường ĐH: neither side
    if (
        f.head is not None
        and f.head.words[0] == "Ban"
        and f.kind != "PartyCommittee"  # Ban Cán sự Đảng Bộ Y tế stays the Party's
        and f.inner is not None
        and f.inner.kind == "StateAgency"
    ):
        return "StateAgency"  # a committee of a council or a state body (Ban Kinh tế - Ngân sách HĐND tỉnh)
    if f.head is not None and f.head.words[0] == "Ban" and f.kind in ("Organization", "StateAgency"):
        # a board of a Party committee is a Party agency (Ban Chỉ đạo 35 Tỉnh ủy), of a state body a state one
        if (f.inner is not None and f.inner.kind == "PartyCommittee") or name_key(name).endswith(_CENTRAL):
            return "PartyAgency"
        if f.inner is not None and f.inner.kind == "StateAgency":
            return "StateAgency"
    return f.kind


def _head_key(f: Found) -> str:
    return name_key(" ".join(f.head.words)) if f.head else ""


_longest_place: dict[int, int] = {}


def _names_place(words: list[str], lex: Lexicon) -> bool:
    """Whether a run of ``words`` is a known place; runs longer than the longest place are not
    tried, so a name of n words costs n x (longest place) look-ups, not n cubed."""
    places = lex.level_places
    longest = _longest_place.get(id(places))
    if longest is None:
        longest = _longest_place.setdefault(id(places), max((len(p.split()) for p in places), default=0))
    firsts = _place_firsts(places)
    return any(
        " ".join(words[i:j]) in places
        for i in range(len(words))
        if words[i] in firsts  # a run no place starts with is no place (speed)
        for j in range(i + 1, min(len(words), i + longest) + 1)
    )


_PLACE_FIRSTS: dict[int, tuple[frozenset[str], frozenset[str]]] = {}


def _place_firsts(places: frozenset[str]) -> frozenset[str]:
    """What each place starts with, up to its first space (made once per table)."""
    cached = _PLACE_FIRSTS.get(id(places))
    if cached is None or cached[0] is not places:
        cached = _PLACE_FIRSTS[id(places)] = (places, frozenset(p.split(" ", 1)[0] for p in places))
    return cached[1]


def _is_global(name: str, f: Found, lex: Lexicon) -> bool:
    key = name_key(name)
    if f.head is not None and f.head.national:
        return True
    words = key.split()
    if words[-1:] in ([_PROVINCE], [_DISTRICT], [_COMMUNE], [_WARD], [_URBAN]) or key.endswith(_CITY):
        return False  # Ủy ban MTTQ Việt Nam tỉnh: a national name, then the province it serves
    has_level = (
        any(w in (_PROVINCE, _DISTRICT, _COMMUNE, _WARD, _URBAN, _BLOC) for w in words) or _CITY in key
    )
    place_named = _names_place(words, lex)
    if place_named:
        return True
    if has_level:
        return False
    if any(marker in key for marker in _NATIONAL_MARKERS):
        return True
    head = _head_key(f)
    return head in lex.global_heads and len(words) > len(head.split())


class EntityTable:
    """The entities of an article as mentions are resolved: labels, aliases and votes on the class."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self.aliases: dict[str, set[str]] = defaultdict(set)
        self.kinds: dict[str, Counter[str]] = defaultdict(Counter)

    def add(self, f: Found, key: str, label: str, kind: str, **fields: str) -> None:
        """``f`` names entity ``key``: the first mention makes it (and records its rule); later
        ones add aliases, fill empty fields, and give an organisation its longest name."""
        f.key = key
        self.aliases[key].add(f.text)
        self.aliases[key].add(label)
        self.kinds[key][kind] += 2 if fields.get("number") else 1
        current = self.entities.get(key)
        if current is None:
            self.entities[key] = Entity(key=key, kind=kind, label=label, rule=f.rule, **fields)  # type: ignore[arg-type]
        else:  # fields already known win; an organisation keeps its longest name
            known: dict[str, str] = {name: getattr(current, name) or value for name, value in fields.items()}
            if key.startswith("org|") and len(label) > len(current.label):
                known["label"] = label
            self.entities[key] = replace(current, **known)  # type: ignore[arg-type]

    def finish(self) -> dict[str, Entity]:
        """The entities, each with the class most of its mentions gave and its other names."""
        out: dict[str, Entity] = {}
        for key, ent in self.entities.items():
            kind = ent.kind
            if self.kinds[key] and not key.startswith("doc|"):
                kind = self.kinds[key].most_common(1)[0][0]
            names = tuple(sorted(a for a in self.aliases[key] if a and a != ent.label))
            out[key] = replace(ent, kind=kind, aliases=names)
        return out


def _maximal(key: str, keys: list[str]) -> str:
    """The one longest key of ``keys`` that ``key`` begins ('' when none or several)."""
    longer = [k for k in keys if k != key and k.startswith(key + " ")]
    maximal = [k for k in longer if not any(o != k and o.startswith(k + " ") for o in longer)]
    return maximal[0] if len(maximal) == 1 else ""


@dataclass
class OrgNames:
    """What the article's organisation names say together: short forms and their long names."""

    canonical: dict[str, str]  # key of a short form -> key of the long name
    name_of_key: dict[str, str]  # key -> the longest name written for it
    province: tuple[str, str, str]  # the article's province: (key, level word, name)


_INITIALS = re.compile(r"^[A-ZĐ][A-ZĐ&]+$")  # VHTTDL, LĐTBXH, KH&ĐT


def _initials_of(words: list[str], size: int) -> int:
    """How many of ``words`` (a domain: 'Văn hóa, Thể thao và Du lịch') give ``size`` initials,
    skipping 'và' and punctuation ('Văn hóa' gives V and H); 0 when they never give just that many."""
    got = 0
    for n, w in enumerate(words, 1):
        w = w.strip(",")
        if w and w[0].isalpha() and name_key(w) != _word("and"):
            got += 1
            if got == size:
                return n
    return 0


def _spell_out_initials(all_orgs: list[Found]) -> None:
    """'Sở VHTTDL' is the 'Sở Văn hóa, Thể thao và Du lịch …' of the article: a name whose word after
    its head, or after more words of the name ('Ban Chấp hành Trung ương Hội NDVN', 'Ban Quản lý dự án
    ĐTXD tỉnh X'), is the initials of the words after the same words in a name written in full."""
    for f in all_orgs:
        if f.head is None:
            continue
        words = f.name.split()
        for at in range(len(f.head.words), len(words)):
            if _INITIALS.match(words[at]):
                spelt = _spelt_from(words, at, all_orgs)
                if spelt:
                    f.name = " ".join(spelt)
                    break


def _spelt_from(words: list[str], at: int, all_orgs: list[Found]) -> list[str]:
    """``words`` with the initials at ``at`` written out from a name of ``all_orgs`` that begins with
    the same words ([] when none spells them, or two spell them differently)."""
    letters = words[at].replace("&", "")
    spellings = set()
    for g in all_orgs:
        full = g.name.split()
        if g.head is None or name_key(" ".join(full[:at])) != name_key(" ".join(words[:at])):
            continue
        if len(full) > at and _INITIALS.match(full[at].strip(",")):
            continue  # initials again ('Đài PTTH Huế'), not words written out
        n = _initials_of(full[at:], len(letters))
        domain = [w.strip(",") for w in full[at : at + n] if w.strip(",")[:1].isalpha()]
        domain = [w for w in domain if name_key(w) != _word("and")]
        if n and "".join(w[0] for w in domain).upper() == letters.upper():
            spellings.add(" ".join(full[at : at + n]))
    if len(spellings) != 1:
        return []  # none, or names that spell the initials two ways (ĐH KT: Kinh tế or Kiến trúc)
    return [*words[:at], spellings.pop(), *words[at + 1 :]]


def _org_names(all_orgs: list[Found], lex: Lexicon) -> OrgNames:
    """Short forms: a name that begins one longer name of the article is that name; nested names
    take the long form of their inner name (Ban Thường vụ Đảng ủy Khối -> … Khối Các cơ quan tỉnh)."""
    for f in all_orgs:
        f.name = expand(_canonical_case(f.text, f), lex)
    _spell_out_initials(all_orgs)
    province = _article_province(all_orgs, lex)
    full_names = sorted({org_key(f.name, f) for f in all_orgs}, key=len)
    extended = _extended(full_names)
    canonical: dict[str, str] = {}
    for key in full_names:
        # keep only the maximal longer names; they must agree (one chain)
        maximal = [k for k in extended.get(key, []) if k not in extended]
        if len(maximal) == 1 and key not in lex.alone_heads:  # Đảng alone is no Đảng ủy's short form
            canonical[key] = maximal[0]
    _written_short_forms(all_orgs, canonical, lex)
    name_of_key: dict[str, str] = {}
    for f in sorted(all_orgs, key=lambda f: (-len(f.name), f.start)):
        name_of_key.setdefault(org_key(f.name, f), f.name)
    for f in sorted(all_orgs, key=lambda f: -f.start):
        if f.inner is not None and f.head is not None:
            inner_key = canonical.get(org_key(f.inner.name, f.inner), org_key(f.inner.name, f.inner))
            inner_name = name_of_key.get(inner_key, f.inner.name)
            prefix = f.name[: len(f.name) - len(f.inner.name)] if f.name.endswith(f.inner.name) else ""
            if prefix and inner_key != org_key(f.inner.name, f.inner):
                longer_name = prefix + inner_name
                canonical.setdefault(org_key(f.name, f), org_key(longer_name))
                name_of_key.setdefault(org_key(longer_name), longer_name)
    return OrgNames(canonical, name_of_key, province)


def _extended(full_names: list[str]) -> dict[str, list[str]]:
    """'sở tài chính' -> the names of ``full_names`` that begin with it and a space, for each of them
    that some name begins (cut only at a name's length: every word's prefix of a very long name was
    a copy of it)."""
    names, sizes = set(full_names), {len(k) for k in full_names}
    extended: dict[str, list[str]] = {}
    for k in full_names:
        for i in sorted(i for i in sizes if i < len(k) and k[i] == " "):
            if k[:i] in names:
                extended.setdefault(k[:i], []).append(k)
    return extended


def _written_short_forms(all_orgs: list[Found], canonical: dict[str, str], lex: Lexicon) -> None:
    """A name that begins, as written, the names of one body only is that body, when its spelt-out
    name begins none (Ban Chấp hành Đảng bộ, that is Đảng ủy, beside Ban Chấp hành Đảng bộ tỉnh,
    that is Tỉnh ủy)."""
    keys = [(compared_key(g.text), org_key(g.name, g)) for g in all_orgs]  # once, not once per pair
    ordered = sorted(set(keys))  # the names a name begins are one run of this order (not every pair)
    for written, key in keys:
        if key in canonical or key in lex.alone_heads:
            continue
        longer = _bodies_begun(ordered, written + " ", key, canonical)
        if len(longer) == 1:
            canonical[key] = longer.pop()


def _bodies_begun(
    ordered: list[tuple[str, str]], prefix: str, key: str, canonical: dict[str, str]
) -> set[str]:
    """The bodies other than ``key`` of the names written starting with ``prefix`` (``ordered``: the
    sorted (written, key) pairs); two at most, as more change nothing."""
    out: set[str] = set()
    i = bisect_left(ordered, (prefix,))
    while i < len(ordered) and len(out) < 2 and ordered[i][0].startswith(prefix):
        out.add(canonical.get(ordered[i][1], ordered[i][1]))
        out.discard(key)
        i += 1
    return out


def compared_key(text: str) -> str:
    """A name as written, compared: hyphens fold to spaces."""
    return " ".join(name_key(text).replace("-", " ").split())


def _vague(f: Found, key: str, lex: Lexicon) -> bool:
    """A lone short form nobody in the article spells out, or a bare head that means nothing alone."""
    if f.head is None and key == org_key(f.name, f):
        return True
    head = _head_key(f)
    if f.head is not None and f.head.own:
        return False  # ban tổ chức: the organisers of the article's event
    return f.bare and head in lex.vague_heads and key == org_key(f.name, f) and head not in lex.local_heads


def _resolve_orgs(table: EntityTable, all_orgs: list[Found], article_id: str, lex: Lexicon) -> None:
    """Organisations: national and place-named ones keyed globally, the rest in their province
    (when the article has one) or their article."""
    names = _org_names(all_orgs, lex)
    province, level_name, province_name = names.province
    for f in all_orgs:
        key = org_key(f.name, f)
        key = names.canonical.get(key, key)
        if _vague(f, key, lex):
            f.key = ""
            continue
        name = names.name_of_key.get(key, f.name)
        if _is_global(name, f, lex):
            full = f"org|{key}"
        else:
            in_province = _province_key(key, province) if not _city_in_province(key, level_name) else ""
            full = f"org|{in_province}" if in_province else f"org|{article_id}|{key}"
            if in_province and province_name and province not in name_key(name):
                # the label says which province (two provinces' HĐND tỉnh are two nodes);
                # the name as written stays an alias
                table.aliases[full].add(name)
                name = _with_province(name, key, level_name, province_name, lex)
        table.add(f, full, name, _kind_of(name, f))


#: The rules that read a one-word person only after a title or an honorific (Thứ trưởng Vọng, ngài Kowalski)
_TITLED_RULES = frozenset({"people", "foreign_names"})


def _resolve_people(table: EntityTable, found: list[Found], article_id: str) -> None:
    """People: full names; a lone given name resolves to the one full name ending with it, else
    names a person of its article when a title or an honorific stands before it."""
    people = [f for f in found if f.group is Group.PERSON]
    full_people = {name_key(p.text) for p in people if len(p.text.split()) >= 2}
    ends_of: dict[str, list[str]] = {}  # 'tâm đan' -> the full names ending with it (one pass)
    for k in full_people:
        words = k.split(" ")
        for i in range(1, len(words)):
            ends_of.setdefault(" ".join(words[i:]), []).append(k)
        if foreign_word(words[0]):  # ngài Fidel, Fidel Castro: a foreigner by the given name
            ends_of.setdefault(words[0], []).append(k)
    first_text: dict[str, str] = {}
    for q in people:
        first_text.setdefault(name_key(q.text), q.text)
    for p in people:
        key = name_key(p.text)
        # a name that ends one longer name of the article is that person (Tâm Đan, Trần Thị Tâm Đan)
        matches = ends_of.get(key, [])
        scope = ""
        if len(matches) == 1:
            key = matches[0]
        elif _reverent(key, full_people):
            key = _reverent(key, full_people)
        elif len(p.text.split()) == 1:
            if p.rule not in _TITLED_RULES:
                continue  # a capitalised word nothing says is a person
            scope = f"{article_id}|"  # Thứ trưởng Vọng: a person of the article, named by a title
        label = first_text.get(key, p.text)
        table.add(p, f"person|{scope}{key}", label, "Person")


_REVERENT = frozenset(_words("reverent_honorifics"))


def _reverent(key: str, full_people: set[str]) -> str:
    """A leader named reverently by his family name (``Bác Hồ``, ``Cụ Hồ``) is the one person of the
    article whose full name begins with it (``Hồ Chí Minh``); '' when none or several."""
    words = key.split(" ")
    if len(words) != 2 or words[0] not in _REVERENT or words[1] not in lexicon().surnames:
        return ""
    named = [k for k in full_people if k.startswith(words[1] + " ") and len(k.split(" ")) >= 3]
    return named[0] if len(named) == 1 else ""


def _resolve_named(table: EntityTable, found: list[Found], article_id: str) -> None:
    """Places and campaigns by their names; projects by their names within the article."""
    units: dict[str, set[tuple[str, str, str]]] = defaultdict(set)  # what each mention settles
    places = [f for f in found if f.group is Group.PLACE]
    for i, f in enumerate(places):  # 'xã A, huyện B': the places written next to it help
        before, after = places[i - 1] if i else None, places[i + 1] if i + 1 < len(places) else None
        child = before.text if before and before.sent == f.sent and 0 < f.start - before.end <= 16 else ""
        parent = after.text if after and after.sent == f.sent and 0 < after.start - f.end <= 16 else ""
        units[name_key(f.text)].add(identify(f.text, parent, child))
    levels = _node_levels(places)
    for f in found:
        if f.group is Group.PLACE:
            _resolve_place(table, f, units, article_id, levels.get(name_key(f.text), ""))
        elif f.group is Group.PROJECT:
            table.add(f, f"project|{article_id}|{name_key(f.text)}", f.text, "Project")
            if f.title:
                table.aliases[f.key].add(f.title)
        elif f.group is Group.CAMPAIGN:
            table.add(f, f"campaign|{name_key(f.text)}", f.text, "Campaign")


def _node_levels(places: list[Found]) -> dict[str, str]:
    """Name key -> the level of the unit its bare mentions name: the one level word the article
    writes before the name, or the largest of several (huyện Hương Khê beside thị trấn Hương Khê:
    the district; tỉnh Hà Tĩnh beside thành phố Hà Tĩnh: the province); '' when two units of one
    rank share the name (xã and thị trấn Cát Thịnh): each levelled mention is its unit, the bare
    name stays apart."""
    ranks = lexicon().level_ranks
    written: dict[str, set[str]] = defaultdict(set)
    for f in places:
        if f.level:
            written[name_key(f.text)].add(f.level)
    out: dict[str, str] = {}
    for key, levels in written.items():
        order = sorted((ranks.get(name_key(w), 9.0), name_key(w) != _PROVINCE, w) for w in levels)
        tied = len(order) > 1 and order[0][:2] == order[1][:2]
        out[key] = "" if tied else order[0][2]
    return out


def _resolve_place(
    table: EntityTable, f: Found, units: dict[str, set[tuple[str, str, str]]], article_id: str, level_of: str
) -> None:
    """A place by its name: a numbered unit (phường 12) of its article, as it is named so in many
    towns; a place written many ways (TP.HCM, thành phố Hồ Chí Minh) by its one canonical name; a
    unit written after another level word than the name's larger unit (thị trấn Hương Khê beside
    huyện Hương Khê) by its level and name."""
    spelled = place_spellings().get(spelling_key(f.text))
    if spelled is not None:
        level, code, code_2025 = identify(spelled[1])
        fields = {"admin_level": level, "admin_code": code, "admin_code_2025": code_2025}
        table.add(f, f"place|{name_key(spelled[0])}", spelled[0], "Location", **fields)
        return
    scope = f"{article_id}|" if any(c.isdigit() for c in f.text) else ""
    if f.level and f.level != level_of:  # the smaller unit of the name: its own node
        label = f"{f.level} {f.text}"
        level, code, code_2025 = identify_at(f.text, f.level)
        fields = {"admin_level": level, "admin_code": code, "admin_code_2025": code_2025}
        table.add(f, f"place|{scope}{name_key(label)}", label, "Location", **fields)
        table.aliases[f.key].discard(f.text)  # the bare name is the larger unit's
        return
    settled = units[name_key(f.text)] - {("", "", "")}  # mentions that disagree settle nothing
    level, code, code_2025 = settled.pop() if len(settled) == 1 else ("", "", "")
    if not (level or code or code_2025) and level_of:
        level, code, code_2025 = identify_at(f.text, level_of)  # huyện Hải Lăng: the district
    fields = {"admin_level": level, "admin_code": code, "admin_code_2025": code_2025}
    if (level or code or code_2025) and identify(f.text) != (level, code, code_2025):
        # the text settles one of several units of the name: that unit's own node (the name's
        # node stays for the mentions that settle nothing), so no node carries two codes
        scope = f"{level}:{code}:{code_2025}|"
    key = _unit_key(f.text) if scope == f"{article_id}|" else name_key(f.text)
    table.add(f, f"place|{scope}{key}", f.text, "Location", **fields)


def _unit_key(text: str) -> str:
    """A numbered unit keyed with its level word written out: 'Q.3', 'Q. 3', 'Q3', 'quận 3' are
    'quận 3'; 'P.25' and 'F25' 'phường 25'."""
    level, number = numbered_parts(text)
    return f"{name_key(level)} {number}" if number else name_key(text)


def _same_ordinal(key: str, other: str) -> bool:
    """Whether ``other`` has the ordinal of ``key`` as its own (not a document's plenum's)."""
    ordinal, o = _EVENT_ORDINAL.search(key), _EVENT_ORDINAL.search(other)
    return (
        ordinal is not None
        and o is not None
        and o.group(1) == ordinal.group(1)
        and not _DOC_BEFORE.search(other[: o.start()])  # 'hội nghị quán triệt nghị quyết hội nghị lần thứ 8'
    )


def _within(words: list[str], other: list[str]) -> bool:
    """Whether ``words`` stand in ``other`` in order (other words between them)."""
    it = iter(other)
    return all(w in it for w in words)


def _event_key(key: str, event_keys: list[str]) -> str:
    """Kỳ họp thứ 9 is the Kỳ họp thứ 9 HĐND tỉnh … khóa XIII the article names in full; a
    congress named by its number only ('Đại hội đại biểu lần thứ XXIV'), or without its place
    ('Đại hội … Hội Nông dân tỉnh lần thứ IX'), the one the article names with them."""
    longest = _maximal(key, [k for k in event_keys if k.startswith(key + " ")])
    if longest:
        return longest
    words = key.split()
    if _GENERIC_EVENT.match(key):
        named = [
            k
            for k in event_keys
            if k.split()[:2] == words[:2] and not _GENERIC_EVENT.match(k) and _same_ordinal(key, k)
        ]
        if len(named) == 1:
            return named[0]
    fuller = [k for k in event_keys if k != key and _same_ordinal(key, k) and _within(words, k.split())]
    return fuller[0] if len(fuller) == 1 and fuller[0].split()[:2] == words[:2] else key


def _resolve_events(table: EntityTable, found: list[Found], article_id: str, lex: Lexicon) -> None:
    """Events: national (a central plenum, a place-named congress) or of their article."""
    events = [f for f in found if f.group is Group.EVENT]
    # a meeting named by what it does is no longer name of the numbered events inside it
    event_keys = sorted({name_key(f.text) for f in events if f.rule != "meetings"}, key=len)
    for f in events:
        key = _event_key(name_key(f.text), event_keys)
        label = next((e.text for e in events if name_key(e.text) == key), f.text)
        label = label[0].upper() + label[1:]
        words = key.split()
        national = (_CENTRAL in key and _TERM in words) or _names_place(words, lex)
        table.add(f, f"event|{key}" if national else f"event|{article_id}|{key}", label, "Event")


def _resolve_plenum(table: EntityTable, d: Found, m: DocMention, term: str, article_id: str) -> None:
    """A plenum's or congress's resolution: by plenum and term (by article when the term is unknown)."""
    # a congress is named by its term already: 'Nghị quyết Đại hội XIII'
    label = f"{_RESOLUTION} {m.plenum}" + (
        f" ({_TERM} {term})" if term and not m.plenum.startswith(_CONGRESS) else ""
    )
    key = f"doc|{name_key(_RESOLUTION)} {name_key(m.plenum)}" + (
        f" {_TERM} {term.lower()}" if term else f"|{article_id}"
    )
    table.add(d, key, label, "Resolution", type_code="NQ", title=d.title, term=term)
    table.aliases[key].add(f"{_RESOLUTION} {m.plenum}")


def _resolve_short(
    table: EntityTable, d: Found, m: DocMention, numbered: list[Found], article_id: str
) -> None:
    """'Chỉ thị 05': the article's numbered document of that type and number, else one of its own."""
    target = [
        n
        for n in numbered
        if n.doc and n.doc.type_code == m.type_code and re.match(rf"0*{int(m.short)}\D", n.doc.number)
    ]
    if target:
        d.key = target[0].key or f"doc|{name_key(target[0].doc.number)}"  # type: ignore[union-attr]
        table.aliases[d.key].add(d.text)
        return
    key = f"doc|{article_id}|{name_key(m.label)}"
    table.add(d, key, m.label, d.kind, type_code=m.type_code, issued_on=d.date, title=d.title)


def _resolve_documents(table: EntityTable, found: list[Found], article_id: str) -> None:
    """Documents: by number; plenum resolutions by plenum and term; short forms by number prefix."""
    docs = [f for f in found if f.group is Group.DOC and f.doc is not None]
    numbered = [d for d in docs if d.doc and d.doc.number]
    terms = {d.doc.plenum: d.term for d in docs if d.doc and d.doc.plenum and d.term}
    for d in docs:
        m = d.doc
        assert m is not None
        if m.number:
            fields = {"number": m.number, "type_code": m.type_code, "issuer_code": m.issuer_code}
            table.add(
                d,
                f"doc|{name_key(m.number)}",
                m.label,
                d.kind,
                **fields,
                issued_on=d.date,
                title=d.title,
                term=d.term,
            )
        elif m.plenum:
            _resolve_plenum(table, d, m, d.term or terms.get(m.plenum, ""), article_id)
        elif m.short:
            _resolve_short(table, d, m, numbered, article_id)
        elif m.type_code == "NQ":  # a congress's resolution: named by its congress
            key = f"doc|{article_id}|{name_key(m.label)}"
            table.add(d, key, m.label, "Resolution", type_code="NQ", title=d.title)
        else:  # a named law
            table.add(d, f"doc|{name_key(m.label)}", m.label, d.kind, title=d.title)


def resolve(found: list[Found], article_id: str) -> dict[str, Entity]:
    """Give every mention its identity key and canonical name; return the entities."""
    lex = lexicon()
    orgs = [f for f in found if f.group is Group.ORG]
    inner_chain: list[Found] = []
    for f in orgs:
        g = f.inner
        while g is not None:
            inner_chain.append(g)
            g = g.inner
    table = EntityTable()
    _resolve_orgs(table, orgs + inner_chain, article_id, lex)
    _resolve_people(table, found, article_id)
    _resolve_named(table, found, article_id)
    _resolve_events(table, found, article_id, lex)
    _resolve_documents(table, found, article_id)
    return table.finish()
