"""Vietnam's administrative units, before and after the 2025 reorganisation
(``kgraph/data/gazetteer.tsv``, built by ``train/gazetteer/build.py`` from the official register).

``locatedIn`` between two places written one after the other (``xã Hải Chánh, huyện Hải Lăng``)
when the register settles it: a unit of the first name lies in a unit of the second.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from ..text import fold, name_key
from .lexicon import lexicon
from .state import Found, Group, SentenceState
from .tokens import Token, tokenize

if TYPE_CHECKING:  # resolve reads the register, and article reads resolve
    from .article import ArticleContext


@dataclass(frozen=True)
class Unit:
    period: str  # until-2025-07 | from-2025-07
    level: str  # tỉnh, thành phố, quận, huyện, thị xã, xã, phường, thị trấn, đặc khu
    code: str  # official code
    name: str  # without its level word
    parent: str  # the parent's code in the same period, '' for a province


@dataclass(frozen=True)
class Gazetteer:
    by_name: dict[str, list[str]]  # name key -> rows of the units of that name
    by_code: dict[tuple[str, str], str]  # (period, code) -> the unit's row
    levels: frozenset[str]  # keys of the level words


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The register, indexed by name and by code (rows are parsed when asked for: fast to load)."""
    text = (resources.files("kgraph") / "data" / "gazetteer.tsv").read_text(encoding="utf-8")
    by_name: dict[str, list[str]] = {}
    by_code: dict[tuple[str, str], str] = {}
    levels: set[str] = set()
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        period, level, code, name, _ = line.split("\t", 4)
        by_name.setdefault(name.lower(), []).append(line)  # names are stored in normal form
        by_code[(period, code)] = line
        levels.add(level)
    return Gazetteer(by_name, by_code, frozenset(levels))


def spelling_key(text: str) -> str:
    """A place's spelling compared: lower case, dots read as spaces ('TP.HCM' = 'tp hcm')."""
    return " ".join(name_key(text).replace(".", " ").split())


@lru_cache(maxsize=1)
def place_spellings() -> dict[str, tuple[str, str]]:
    """Spelling key -> (canonical name, name in the register) of places written many ways."""
    text = (resources.files("kgraph") / "data" / "place_names.tsv").read_text(encoding="utf-8")
    out: dict[str, tuple[str, str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            canonical, register, spellings = line.split("\t")
            for spelling in (canonical, *spellings.split("|")):
                out[spelling_key(spelling)] = (canonical, register)
    return out


@lru_cache(maxsize=65536)
def _unit(line: str) -> Unit:
    return Unit(*line.split("\t"))


def units(name: str) -> tuple[Unit, ...]:
    """The units named ``name`` (any level, both periods)."""
    return tuple(_unit(line) for line in gazetteer().by_name.get(name_key(name), ()))


def lies_in(inner: str, outer: str, outer_level: str = "", inner_level: str = "") -> bool:
    """Whether a unit named ``inner`` (at the tier of ``inner_level``: a 'phường' may be a 'thị trấn'
    of the register) lies directly in one named ``outer`` (of ``outer_level``)."""
    g = gazetteer()
    tiers = level_tiers().get(inner_level, ())
    found = tuple(u for u in units(inner) if not tiers or _tier(u) in tiers)
    if any(not unit.parent for unit in found):
        return False  # a province lies in nothing ('Bạc Liêu, Cà Mau' lists two provinces)
    for unit in found:
        row = g.by_code.get((unit.period, unit.parent))
        parent = _unit(row) if row is not None else None
        if parent is not None and parent.name.lower() == name_key(outer):
            if not outer_level or parent.level == name_key(outer_level):
                return True
    return False


def _tier(unit: Unit) -> str:
    """province, district or commune: a unit's depth in its register (no district since 2025)."""
    if not unit.parent:
        return "province"
    if not unit.period.startswith("until"):
        return "commune"
    row = gazetteer().by_code.get((unit.period, unit.parent))
    return "district" if row is not None and not _unit(row).parent else "commune"


def _parent_named(unit: Unit, name: str) -> bool:
    row = gazetteer().by_code.get((unit.period, unit.parent))
    return row is not None and _unit(row).name.lower() == name_key(name)


@lru_cache(maxsize=65536)  # the register never changes in a process; articles name the same places
def identify(name: str, parent: str = "", child: str = "") -> tuple[str, str, str]:
    """(level, code until July 2025, code from July 2025) of the unit named ``name``, when the
    register settles which it is, helped by the place written after it (``parent``: xã A, huyện B)
    and before it (``child``); ('', '', '') when no unit or several of one register remain."""
    found = units(name)
    # a province lies in nothing: 'Bạc Liêu, Cà Mau' lists two provinces (not the ward of 2025)
    outer = [u for u in found if parent and all(v.parent for v in found) and _parent_named(u, parent)]
    found = tuple(outer) or found
    inner = {(c.period, c.parent) for c in units(child)} if child else set()
    holding = tuple(u for u in found if (u.period, u.code) in inner)
    found = holding or found
    if not outer and not holding and all(_tier(u) == "commune" for u in found):
        return ("", "", "")  # a lone commune's name is a street's, a market's, a region's as often
    return _one_unit(found)


def _one_unit(units_left: Iterable[Unit]) -> tuple[str, str, str]:
    """(level, code until July 2025, code from July 2025) of the one unit ``units_left`` holds (one per
    register, at one level); ('', '', '') when it leaves none or several."""
    found = tuple(units_left)
    if not any(u.period.startswith("until") for u in found):
        # a unit of the 2025 register only: most news predates it, and its new wards bear the
        # names of airports, rivers and quarters (Tân Sơn Nhất, Sài Gòn): never a guess
        return ("", "", "")
    if len({_tier(u) for u in found}) != 1:
        return ("", "", "")  # none, or units of different levels (a district until 2025, a commune after)
    until = [u.code for u in found if u.period.startswith("until")]
    since = [u.code for u in found if not u.period.startswith("until")]
    if len(until) > 1 or len(since) > 1:
        return ("", "", "")  # several units of one level bear the name: never a guess
    return (_tier(found[0]), "".join(until), "".join(since))


@lru_cache(maxsize=1)
def level_tiers() -> dict[str, tuple[str, ...]]:
    """Level word -> the tiers of the register a unit of that level stands at (``levels.tsv``):
    'huyện' a district, 'thị trấn' a commune, 'thành phố' a province or a district."""
    text = (resources.files("kgraph") / "data" / "levels.tsv").read_text(encoding="utf-8")
    out: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        cols = line.split("\t")
        if len(cols) > 3 and cols[3] and not line.startswith("#"):
            out[cols[0]] = tuple(cols[3].split(","))
    return out


def written_level(text: str, start: int) -> str:
    """The administrative level word written right before offset ``start`` of ``text``, as
    ``levels.tsv`` writes it ('TP.' and 'Tp' are 'thành phố'); '' when none."""
    level = level_word_before(text, start)[1]
    return level if level in level_tiers() else ""


def level_word_before(text: str, start: int) -> tuple[Token | None, str]:
    """The level word written right before offset ``start`` of ``text`` (quận, thị trấn, TP., Q.):
    its first token and the level word as ``levels.tsv`` writes it; (None, '') when none, or when a
    lone capital is a name's initial (Lawrence H. Summers)."""
    levels = lexicon().levels
    before = tokenize(text[max(0, start - 16) : start], max(0, start - 16))
    if before and before[-1].text == ".":
        before = before[:-1]
    if len(before) >= 2 and (two := f"{before[-2].key} {before[-1].key}") in levels:
        return before[-2], levels[two]
    level = (levels.get(before[-1].key) or levels.get(before[-1].text, "")) if before else ""
    if not level or level_initial(before, len(before) - 1):
        return None, ""
    return before[-1], level


def level_initial(tokens: list[Token], k: int) -> bool:
    """Whether the one-letter level abbreviation at ``k`` (Q. quận, P. phường, H. huyện) is a name's
    initial rather: after a capitalised word or a colon (Lawrence H. Summers, Ảnh: Q. Dũng), or
    before another initial (P.N.A., H.H.)."""
    if len(tokens[k].text) != 1:
        return False
    before = tokens[k - 1] if k else None
    if before is not None and (before.text == ":" or (before.is_cap and not before.is_acronym)):
        return before.is_word or before.text == ":"
    after = tokens[k + 2] if k + 2 < len(tokens) and tokens[k + 1].text == "." else None
    return after is not None and len(after.text) == 1 and after.is_cap


def read_written_levels(found: list[Found], text: str) -> None:
    """Each place's level word as written before it: ``huyện Hương Khê`` and ``thị trấn Hương Khê``
    are two units; resolve keys them apart."""
    for f in found:
        if f.group is Group.PLACE:
            f.level = written_level(text, f.start)


@lru_cache(maxsize=65536)
def identify_at(name: str, level: str) -> tuple[str, str, str]:
    """Like ``identify``, among the units named ``name`` at the tiers the written ``level`` word
    allows (huyện Hải Lăng: the district, not the commune of 2025); ('', '', '') unless one per register."""
    tiers = level_tiers().get(level, ())
    return _one_unit(u for u in units(name) if _tier(u) in tiers)


_LEVEL_WORD_UNIT = re.compile(r"([^\W\d_]+(?: [^\W\d_]+)*) ?(\d\w*)")


@lru_cache(maxsize=1)
def _abbreviated_levels() -> dict[str, str]:
    """Lower-case abbreviation of a level word -> the level word (q -> quận, tp -> thành phố)."""
    return {k.lower(): level for k, level in lexicon().levels.items() if k[:1].isupper()}


def numbered_parts(text: str) -> tuple[str, str]:
    """A numbered unit's level word written out and its number: 'Q.3', 'Q. 3', 'Q3', 'quận 3' ->
    ('quận', '3'); ('', '') when ``text`` is no numbered unit."""
    m = _LEVEL_WORD_UNIT.fullmatch(spelling_key(text))
    if m is None:
        return ("", "")
    return (_abbreviated_levels().get(m.group(1), m.group(1)), m.group(2))


def _register_name(f: Found) -> tuple[str, str]:
    """How the register names the place of ``f`` and the level word the text gives it: 'phường 4'
    -> ('4', 'phường'); 'TP.HCM' -> ('Hồ Chí Minh', ''); 'Bình Thạnh' after 'Q.' -> ('Bình Thạnh', 'quận')."""
    spelled = place_spellings().get(spelling_key(f.text))
    if spelled is not None:
        return spelled[1], ""
    level, number = numbered_parts(f.text)
    return (number, level) if number else (f.text, f.level)


def _gap_level(between: str) -> str | None:
    """The level word between two places ('A, huyện B', 'A, Q. B'), '' when none, None when the gap
    is no list of places."""
    gap = tokenize(between)
    words = [t for t in gap if t.is_word]
    if not gap or gap[0].text not in ",-–" or len(words) > 2:
        return None  # only 'A, B', 'A - B' or 'A, huyện B'
    if not words:
        return ""
    levels = lexicon().levels
    level = " ".join(t.key for t in words)
    if len(words) == 1:
        level = levels.get(words[0].text, level)
    return level if level in gazetteer().levels else None  # the register is loaded at the first pair


def rule_gazetteer_located_in(ctx: ArticleContext) -> None:
    """'xã Hải Chánh, huyện Hải Lăng', 'phường 4, quận 8', 'P.25, Q.Bình Thạnh': the first place lies
    in the second when the register says so; an address in the unit written after it (48/12 Hoàng
    Diệu, P.12)."""
    for sm in ctx.sentences:
        places = [f for f in sm.found if f.group is Group.PLACE and f.key]
        for a, b in zip(places, places[1:], strict=False):
            between = sm.text[a.end - sm.base : b.start - sm.base]
            if not 0 < len(between) <= 16 or between[0] not in (",", "-", "–"):
                continue  # only 'A, B', 'A - B' or 'A, huyện B'
            level = _gap_level(between)
            if level is None:
                continue
            if a.rule == "addresses":
                ctx.add(a, "locatedIn", b)  # 48/12 Hoàng Diệu, P.12: the text says where the house is
                continue
            inner, inner_level = _register_name(a)
            outer, written = _register_name(b)
            if lies_in(inner, outer, level or written, inner_level):
                ctx.add(a, "locatedIn", b)


# --- places written without diacritics ------------------------------------------------------


@lru_cache(maxsize=1)
def plain_places() -> dict[str, str]:
    """A province's or a district's name of two words or more written without diacritics (ha
    tinh, dak lak, go vap) -> the name, where no other of them is written so (one unit's name)."""
    ranks = lexicon().level_ranks
    upper = {
        level: ranks.get(name_key(level), 4) <= 3
        for level in {r.split("\t", 2)[1] for rows in gazetteer().by_name.values() for r in rows}
    }
    names: dict[str, set[str]] = {}
    for rows in gazetteer().by_name.values():
        for row in rows:
            _, level, _, name, _ = row.split("\t")  # not _unit: most rows are communes, read no further
            if upper[level] and " " in name:
                names.setdefault(fold(name), set()).add(name)
    return {plain: next(iter(found)) for plain, found in names.items() if len(found) == 1}


@lru_cache(maxsize=1)
def _plain_levels() -> frozenset[str]:
    """The level words without diacritics (tinh, quan, tp): one may stand before the name."""
    return frozenset(fold(level) for level in lexicon().levels)


@lru_cache(maxsize=1)
def _plain_firsts() -> frozenset[str]:
    """The first words of the unaccented names (the rule tries no other word)."""
    return frozenset(plain.split()[0] for plain in plain_places())


@lru_cache(maxsize=1)
def _plain_pairs() -> frozenset[str]:
    """The first two words of the unaccented names (a sentence without one is not read)."""
    return frozenset(" ".join(plain.split()[:2]) for plain in plain_places())


_WORD = re.compile(r"\w+")


def _plain_word(tok: Token) -> bool:
    return tok.is_word and tok.text.isascii() and tok.text.isalpha()


def _unaccented_around(tokens: list[Token], i: int, j: int) -> bool:
    """Whether the words near ``i``..``j`` (six on each side) are written without diacritics, but
    for one in three (a reader's note signed 'tran van an, 18 tuổi, dak lak': a form's word has them)."""
    before = [tok for tok in tokens[max(0, i - 16) : i] if tok.is_word and tok.text.isalpha()][-6:]
    after = [tok for tok in tokens[j : j + 16] if tok.is_word and tok.text.isalpha()][:6]
    near = before + after
    return 3 * sum(not tok.text.isascii() for tok in near) <= len(near)


def _plain_place_at(tokens: list[Token], i: int) -> int:
    """Tokens of an unaccented province's or district's name at ``i`` (ha tinh), 0 when none: its
    own words, between a mark, a number or a level word and a mark, a number or the end."""
    before = tokens[i - 1] if i else None
    if before is not None and _plain_word(before) and before.key not in _plain_levels():
        return 0  # Tran Thanh Hoa: a person's name, not Thanh Hóa
    table = plain_places()
    for n in (4, 3, 2):
        j = i + n
        if j > len(tokens) or not all(_plain_word(t) for t in tokens[i:j]):
            continue
        if j < len(tokens) and _plain_word(tokens[j]):
            continue  # the run goes on: part of a longer name
        if " ".join(t.key for t in tokens[i:j]) in table and _unaccented_around(tokens, i, j):
            return n
    return 0


def rule_unaccented_places(st: SentenceState) -> None:
    """Provinces and districts written without diacritics in text written so (a reader's address:
    17 tuoi, ha tinh; bao loc, lam dong), where one unit's name is written so: Location."""
    text = st.text
    if len(text.encode()) - len(text) > len(text) // 10:
        return  # most sentences: written with diacritics (a letter with one takes 2 or 3 bytes)
    words = _WORD.findall(text.lower())
    if _plain_pairs().isdisjoint(map(" ".join, zip(words, words[1:], strict=False))):
        return  # no such name's first two words
    tokens, firsts = st.tokens, _plain_firsts()
    starts = [k for k, tok in enumerate(tokens[:-1]) if tok.key in firsts]  # most words start no such name
    k = 0
    for k0 in starts:
        tok = tokens[k0]
        if k0 < k or not _plain_word(tok) or not st.free(tok.start):
            continue
        k = k0
        n = _plain_place_at(tokens, k)
        if not n or not all(st.free(t.start) for t in tokens[k : k + n]):
            continue
        before = tokens[k - 1] if k else tok
        written = before is not tok and len(before.key) > 1 and before.key in _plain_levels()
        start, end = (before if written and st.free(before.start) else tok).start, tokens[k + n - 1].end
        f = Found(start, end, st.text[start - st.base : end - st.base], Group.PLACE, "Location", st.index)
        f.subject_ok = False  # its level word with it, as the text writes it: quan go vap
        st.add(f)
        k += n
