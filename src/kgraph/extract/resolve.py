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
from collections import Counter, defaultdict
from dataclasses import replace
from functools import lru_cache

from ..model import Entity
from ..text import name_key
from .lexicon import Lexicon, lexicon
from .mentions import Found

_NATIONAL_MARKERS = ("trung ương", "việt nam", "chính phủ", "quốc hội", "nhà nước", "quốc gia")
_GLOBAL_HEADS = frozenset(
    "bộ|tổng cục|học viện|đại học|viện|báo|đài|công ty|tổng công ty|tập đoàn|ngân hàng|trường đại học|"
    "trường cao đẳng|trường chính trị".split("|")
)
#: Heads that mean nothing alone (which Đảng ủy?): dropped unless the article says which
_VAGUE_BARE = frozenset(
    "đảng ủy|đảng bộ|chi bộ|ban thường vụ|ban chấp hành|bch|btv|thường trực|thường vụ|ban tuyên giáo|"
    "ban tổ chức|"
    "ban dân vận|ban nội chính|ủy ban kiểm tra|ubkt|công đoàn|ủy ban nhân dân|ubnd|hội đồng nhân dân|hđnd|"
    "liên đoàn lao động|ủy ban mặt trận tổ quốc|ủy ban mttq|mttq|mặt trận tổ quốc|kho bạc nhà nước|hải quan|"
    "cục thuế|cục hải quan|tỉnh ủy|huyện ủy|thành ủy|quận ủy|thị ủy|huyên ủy|tỉnh đoàn|huyện đoàn|thành đoàn|"
    "đoàn thanh niên|bộ chỉ huy quân sự".split("|")
)
#: Bare heads that name one body in a local article even alone (the province's Tỉnh ủy)
_LOCAL_BARE = frozenset(
    "tỉnh ủy|huyện ủy|thành ủy|quận ủy|thị ủy|huyên ủy|ủy ban nhân dân|ubnd|hội đồng nhân dân|hđnd|hải quan|"
    "kho bạc nhà nước|đoàn thanh niên|tỉnh đoàn|thành đoàn|huyện đoàn|liên đoàn lao động|mặt trận tổ quốc|"
    "ủy ban mặt trận tổ quốc|ủy ban mttq|mttq|công đoàn|cục thuế|cục hải quan|bộ chỉ huy quân sự".split("|")
)


_COMMITTEE_OF_LEVEL = {
    "tỉnh": "Tỉnh ủy",
    "huyện": "Huyện ủy",
    "thành phố": "Thành ủy",
    "quận": "Quận ủy",
    "thị xã": "Thị ủy",
}
_LEVEL_COMMITTEE = re.compile(r"^Đảng (?:ủy|uỷ) (tỉnh|huyện|thành phố|quận|thị xã)\b", re.IGNORECASE)


def expand(name: str, lex: Lexicon) -> str:
    """A name with its abbreviations written out (``Hội CCB Khối`` -> ``Hội Cựu chiến binh Khối``)."""
    words = name.split()
    for short, long in lex.abbreviations.items():
        size = len(short.split())
        if size > 1 and name_key(" ".join(words[:size])) == name_key(short):
            words = long.split() + words[size:]
            break
    text = " ".join(lex.abbreviations.get(word, word) for word in words)
    # Ban Chấp hành Đảng bộ X is Đảng ủy X (the committee a Party organisation elects)
    text = re.sub(r"^Ban Chấp hành Đảng bộ\b", "Đảng ủy", text)
    # Đảng ủy huyện X is Huyện ủy X: the committee of a province, district or town has its own word
    level = _LEVEL_COMMITTEE.match(text)
    if level:
        rest = text[level.end() :].strip()
        committee = _COMMITTEE_OF_LEVEL[name_key(level.group(1))]
        # Hồ Chí Minh alone is the man: Thành ủy thành phố Hồ Chí Minh
        keep = f" {level.group(1)}" if name_key(rest) in lex.city_people else ""
        text = f"{committee}{keep} {rest}".strip()
    if name_key(text) == "ban chấp hành trung ương":
        text = "Ban Chấp hành Trung ương Đảng"
    if name_key(text) == "ban bí thư trung ương đảng":
        text = "Ban Bí thư"
    if name_key(text) == "thủ tướng":  # the office: the Prime Minister of the Government
        text = "Thủ tướng Chính phủ"
    if name_key(text) in ("chính phủ việt nam", "quốc hội việt nam"):  # named as everyone names them
        text = text[: -len(" Việt Nam")]  # (Đảng Cộng sản Việt Nam keeps it); the mention stays an alias
    return text


def org_key(name: str, f: Found | None = None) -> str:
    """Identity key of an organisation's (expanded) name: hyphens and '&' fold to spaces;
    a national body's trailing 'Việt Nam' goes (Chính phủ Việt Nam is Chính phủ)."""
    head = " ".join(f.head.words) if f is not None and f.head is not None and f.head.national else ""
    return _org_key(name, head)


@lru_cache(maxsize=65536)
def _org_key(name: str, national_head: str) -> str:
    key = name_key(name).replace("-", " ").replace("&", " và ")
    words = key.split()
    places = lexicon().level_places
    for i in range(len(words) - 1, -1, -1):  # 'tỉnh' before a province's name adds nothing
        size = 2 if words[i : i + 2] == ["thành", "phố"] else 1
        if words[i] in ("tỉnh", "tp") or size == 2:
            rest = words[i + size :]
            if any(" ".join(rest[:n]) in places for n in range(1, min(5, len(rest)) + 1)):
                del words[i : i + size]
    key = " ".join(words)
    if national_head and key.endswith(" việt nam") and "việt nam" not in name_key(national_head):
        key = key[: -len(" việt nam")]
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
_GENERIC_EVENT = re.compile(r"^(?:đại hội|hội nghị|kỳ họp)(?: đại biểu)?(?: toàn quốc)?(?: lần)? thứ ")
_EVENT_ORDINAL = re.compile(r"\bthứ ([ivxl]+|\d+)\b")


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
            size = 2 if pair in (["thành", "phố"], ["tỉnh", "ủy"], ["thành", "ủy"]) else 1
            if word in ("tỉnh", "tp") or size == 2:
                rest = words[i + size :]
                for n in range(min(5, len(rest)), 0, -1):
                    key = " ".join(rest[:n])
                    if key in lex.level_places:
                        counts[key] += 1
                        if len(written) == len(words) and key not in shown:
                            level = " ".join(written[i : i + size])
                            if pair[1:] == ["ủy"]:  # Tỉnh ủy Hà Tĩnh: a province; Thành ủy: a city
                                level = "tỉnh" if word == "tỉnh" else "thành phố"
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
        level = "thành phố"
        if key.endswith("thành ủy"):
            return f"{name} {level} {province}"
    city = name_key(level) in ("thành phố", "tp")
    if (words[-1:] == ["tỉnh"] and city) or (words[-2:] == ["thành", "phố"] and not city):
        return name  # 'UBND thành phố' in an article about a province: its capital's, not the province's
    if (
        words[-1:] in (["tỉnh"], ["tp"])
        or words[-2:] == ["thành", "phố"]
        or key.endswith(("tỉnh ủy", "thành ủy"))
    ):
        return f"{name} {province}"
    return f"{name} {level} {province}"


def _province_key(key: str, province: str) -> str:
    """A province-level body named without its province, keyed with the article's province."""
    if not province:
        return ""
    words = key.split()
    if words[-1:] == ["tỉnh"] or words[-1:] == ["tp"]:
        return " ".join(words[:-1] + [province])
    if words[-2:] == ["thành", "phố"]:
        return " ".join(words[:-2] + [province])
    if key.endswith(("tỉnh ủy", "thành ủy")) or words[0] == "sở":
        return f"{key} {province}"
    return ""


def _kind_of(name: str, f: Found) -> str:
    """The class of an organisation: its head's, except a Văn phòng takes its parent's side."""
    if f.head is not None and f.head.words[0] == "Văn" and f.inner is None:
        key = name_key(name)
        if any(w in key for w in ("quốc hội", "chính phủ", "chủ tịch nước", "nhân dân", "bộ ")):
            return "StateAgency"
        if any(w in key for w in ("đảng", "tỉnh ủy", "huyện ủy", "thành ủy", "trung ương")):
            return "PartyAgency"
        return "Organization"
    if f.head is not None and f.head.words[0] == "Văn" and f.inner is not None:
        return "StateAgency" if f.inner.kind == "StateAgency" else "PartyAgency"
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
        if (f.inner is not None and f.inner.kind == "PartyCommittee") or name_key(name).endswith(
            "trung ương"
        ):
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
    return any(
        " ".join(words[i:j]) in places
        for i in range(len(words))
        for j in range(i + 1, min(len(words), i + longest) + 1)
    )


def _is_global(name: str, f: Found, lex: Lexicon) -> bool:
    key = name_key(name)
    if f.head is not None and f.head.national:
        return True
    words = key.split()
    if words[-1:] in (["tỉnh"], ["huyện"], ["xã"], ["phường"], ["quận"]) or key.endswith("thành phố"):
        return False  # Ủy ban MTTQ Việt Nam tỉnh: a national name, then the province it serves
    has_level = (
        any(w in ("tỉnh", "huyện", "xã", "phường", "quận", "khối") for w in words) or "thành phố" in key
    )
    place_named = _names_place(words, lex)
    if place_named:
        return True
    if has_level:
        return False
    if any(marker in key for marker in _NATIONAL_MARKERS):
        return True
    head = _head_key(f)
    return head in _GLOBAL_HEADS and len(words) > len(head.split())


def resolve(found: list[Found], article_id: str, title_sentence: int = 0) -> dict[str, Entity]:
    """Give every mention its identity key and canonical name; return the entities."""
    lex = lexicon()
    orgs = [f for f in found if f.group == "org"]
    all_orgs = orgs + [f.inner for f in orgs if f.inner is not None]
    inner_chain: list[Found] = []
    for f in orgs:
        g = f.inner
        while g is not None:
            inner_chain.append(g)
            g = g.inner
    all_orgs = orgs + inner_chain
    for f in all_orgs:
        f.name = expand(_canonical_case(f.text, f), lex)
    province, level_name, province_name = _article_province(all_orgs, lex)

    # short forms: a name that begins one longer name of the article is that name
    full_names = sorted({org_key(f.name, f) for f in all_orgs}, key=len)
    extended: dict[str, list[str]] = {}  # 'sở tài chính' -> the names that begin with it and a space
    for k in full_names:
        for i, ch in enumerate(k):
            if ch == " ":
                extended.setdefault(k[:i], []).append(k)
    canonical: dict[str, str] = {}
    for key in full_names:
        longer = extended.get(key, [])
        if not longer:
            continue
        # keep only the maximal ones; they must agree (one chain)
        maximal = [k for k in longer if k not in extended]
        if len(maximal) == 1:
            canonical[key] = maximal[0]
    name_of_key: dict[str, str] = {}
    for f in sorted(all_orgs, key=lambda f: (-len(f.name), f.start)):
        name_of_key.setdefault(org_key(f.name, f), f.name)

    # nested names take the long form of their inner name:
    # Ban Thường vụ Đảng ủy Khối -> Ban Thường vụ Đảng ủy Khối Các cơ quan tỉnh
    for f in sorted(all_orgs, key=lambda f: -f.start):
        if f.inner is not None and f.head is not None:
            inner_key = canonical.get(org_key(f.inner.name, f.inner), org_key(f.inner.name, f.inner))
            inner_name = name_of_key.get(inner_key, f.inner.name)
            prefix = f.name[: len(f.name) - len(f.inner.name)] if f.name.endswith(f.inner.name) else ""
            if prefix and inner_key != org_key(f.inner.name, f.inner):
                longer_name = prefix + inner_name
                canonical.setdefault(org_key(f.name, f), org_key(longer_name))
                name_of_key.setdefault(org_key(longer_name), longer_name)

    entities: dict[str, Entity] = {}
    aliases: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, Counter[str]] = defaultdict(Counter)

    def add(f: Found, key: str, label: str, kind: str, **fields: str) -> None:
        f.key = key
        aliases[key].add(f.text)
        aliases[key].add(label)
        kinds[key][kind] += 2 if fields.get("number") else 1
        current = entities.get(key)
        if current is None:
            entities[key] = Entity(key=key, kind=kind, label=label, **fields)  # type: ignore[arg-type]
        else:  # fields already known win; an organisation keeps its longest name
            known: dict[str, str] = {name: getattr(current, name) or value for name, value in fields.items()}
            if key.startswith("org|") and len(label) > len(current.label):
                known["label"] = label
            entities[key] = replace(current, **known)  # type: ignore[arg-type]

    for f in all_orgs:
        key = org_key(f.name, f)
        key = canonical.get(key, key)
        if f.head is None and key == org_key(f.name, f):  # a lone short form nobody in the article spells out
            f.key = ""
            continue
        if f.bare and _head_key(f) in _VAGUE_BARE and key == org_key(f.name, f):
            if _head_key(f) not in _LOCAL_BARE:
                f.key = ""
                continue
        name = name_of_key.get(key, f.name)
        if _is_global(name, f, lex):
            full = f"org|{key}"
        else:
            in_province = _province_key(key, province)
            full = f"org|{in_province}" if in_province else f"org|{article_id}|{key}"
            if in_province and province_name and province not in name_key(name):
                # the label says which province (two provinces' HĐND tỉnh are two nodes);
                # the name as written stays an alias
                aliases[full].add(name)
                name = _with_province(name, key, level_name, province_name, lex)
        add(f, full, name, _kind_of(name, f))

    # people: full names; a lone given name resolves to the one full name ending with it
    people = [f for f in found if f.group == "person"]
    full_people = {name_key(p.text) for p in people if len(p.text.split()) >= 2}
    ends_of: dict[str, list[str]] = {}  # 'tâm đan' -> the full names ending with it (one pass)
    for k in full_people:
        words = k.split(" ")
        for i in range(1, len(words)):
            ends_of.setdefault(" ".join(words[i:]), []).append(k)
    first_text: dict[str, str] = {}
    for q in people:
        first_text.setdefault(name_key(q.text), q.text)
    for p in people:
        key = name_key(p.text)
        # a name that ends one longer name of the article is that person (Tâm Đan, Trần Thị Tâm Đan)
        matches = ends_of.get(key, [])
        if len(matches) == 1:
            key = matches[0]
        elif len(p.text.split()) == 1:
            continue
        label = first_text.get(key, p.text)
        add(p, f"person|{key}", label, "Person")

    for f in found:
        if f.group == "place":
            add(f, f"place|{name_key(f.text)}", f.text, "Location")
        elif f.group == "project":
            add(f, f"project|{article_id}|{name_key(f.text)}", f.text, "Project")
            if f.title:
                aliases[f.key].add(f.title)
        elif f.group == "campaign":
            add(f, f"campaign|{name_key(f.text)}", f.text, "Campaign")
    events = [f for f in found if f.group == "event"]
    event_keys = sorted({name_key(f.text) for f in events}, key=len)
    for f in events:  # Kỳ họp thứ 9 is the Kỳ họp thứ 9 HĐND tỉnh … khóa XIII the article names in full
        key = name_key(f.text)
        longer = [k for k in event_keys if k.startswith(key + " ")]
        maximal = [k for k in longer if not any(o != k and o.startswith(k + " ") for o in longer)]
        if len(maximal) == 1:
            key = maximal[0]
        elif _GENERIC_EVENT.match(key):  # 'Đại hội đại biểu lần thứ XXIV': the congress the article names
            ordinal = _EVENT_ORDINAL.search(key)
            named = [
                k
                for k in event_keys
                if ordinal
                and k.split()[:2] == key.split()[:2]
                and not _GENERIC_EVENT.match(k)
                and (o := _EVENT_ORDINAL.search(k)) is not None
                and o.group(1) == ordinal.group(1)
            ]
            if len(named) == 1:
                key = named[0]
        label = next((e.text for e in events if name_key(e.text) == key), f.text)
        label = label[0].upper() + label[1:]
        words = key.split()
        national = ("trung ương" in key and "khóa" in words) or _names_place(words, lex)
        add(f, f"event|{key}" if national else f"event|{article_id}|{key}", label, "Event")

    # documents: by number; plenum resolutions by plenum and term; short forms by number prefix
    docs = [f for f in found if f.group == "doc" and f.doc is not None]
    numbered = [d for d in docs if d.doc and d.doc.number]
    terms = {d.doc.plenum: d.term for d in docs if d.doc and d.doc.plenum and d.term}
    for d in docs:
        m = d.doc
        assert m is not None
        if m.number:
            key = f"doc|{name_key(m.number)}"
            add(
                d,
                key,
                m.label,
                d.kind,
                number=m.number,
                type_code=m.type_code,
                issuer_code=m.issuer_code,
                issued_on=d.date,
                title=d.title,
                term=d.term,
            )
        elif m.plenum:
            term = d.term or terms.get(m.plenum, "")
            # a congress is named by its term already: 'Nghị quyết Đại hội XIII'
            label = f"Nghị quyết {m.plenum}" + (
                f" (khóa {term})" if term and not m.plenum.startswith("Đại hội") else ""
            )
            key = f"doc|nghị quyết {name_key(m.plenum)}" + (
                f" khóa {term.lower()}" if term else f"|{article_id}"
            )
            add(d, key, label, "Resolution", type_code="NQ", title=d.title, term=term)
            aliases[key].add(f"Nghị quyết {m.plenum}")
        elif m.short:
            target = [
                n
                for n in numbered
                if n.doc and n.doc.type_code == m.type_code and re.match(rf"0*{int(m.short)}\D", n.doc.number)
            ]
            if target:
                d.key = target[0].key or f"doc|{name_key(target[0].doc.number)}"  # type: ignore[union-attr]
                aliases[d.key].add(d.text)
            else:
                add(
                    d,
                    f"doc|{article_id}|{name_key(m.label)}",
                    m.label,
                    d.kind,
                    type_code=m.type_code,
                    issued_on=d.date,
                    title=d.title,
                )
        elif m.type_code == "NQ":  # a congress's resolution: named by its congress
            add(
                d,
                f"doc|{article_id}|{name_key(m.label)}",
                m.label,
                "Resolution",
                type_code="NQ",
                title=d.title,
            )
        else:  # a named law
            add(d, f"doc|{name_key(m.label)}", m.label, d.kind, title=d.title)

    out: dict[str, Entity] = {}
    for key, ent in entities.items():
        kind = ent.kind
        if kinds[key] and not key.startswith("doc|"):
            kind = kinds[key].most_common(1)[0][0]
        names = tuple(sorted(a for a in aliases[key] if a and a != ent.label))
        out[key] = replace(ent, kind=kind, aliases=names)
    return out
