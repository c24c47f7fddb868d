"""Find every mention in an article: organisations, places, people and their posts,
documents, campaigns and quantities, sentence by sentence.

Text inside quotation marks is a title or a slogan: only campaigns and document titles
are read from it, never organisations or people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Document, Sentence
from ..text import name_key
from .documents import DocMention, find_documents, of_at, read_after, title_at
from .lexicon import Head, Lexicon, lexicon
from .names import NameSpan, cap_run, match_head, match_place, match_words, parse_org, parse_place, person_run
from .tokens import Token, quote_spans, tokenize

#: Lower-case words before a capitalised name that make it a place or thing named after someone
_NAMED_AFTER = frozenset(
    "đường phố ngõ hẻm cầu chợ sông núi làng thôn ấp bản khu trường nhà lăng đền chùa giải tàu "
    "quận huyện xã phường tỉnh tp thị trấn".split()
)
#: Words before a mention that make it a complement, never the subject of a verb after it.
PREPOSITIONS = frozenset(
    "ở tại trong của cho với về giữa từ theo đến thuộc trước sau ngoài như bằng qua tới cùng".split()
)
_CAMPAIGN_CUE = re.compile(
    r"(phong trào|cuộc vận động|vận động|cuộc thi|hội thi|chương trình|chiến dịch|giải thưởng|đợt thi đua|"
    r"thi đua|"
    r"cuộc thi tìm hiểu|hội diễn|liên hoan)"
    r"((?:\s+[^\s“”\"]+){0,5}?)\s*[:,]?\s*$",
    re.I,
)
_NOT_CAMPAIGN = re.compile(
    r"(phương châm|khẩu hiệu|chủ đề|tiêu chí|tinh thần|câu|từ|cụm từ|gọi là|tên)\s*[:,]?\s*$", re.I
)
_LIST_GAP = re.compile(r"^\s*(?:[,;:]|và|hoặc|\.\.\.|…|\s)*\s*$")
_QUANTITY = re.compile(
    r"(?<![\w.,/-])(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)\s*(%|[^\W\d_][\w]*(?:\s+[^\W\d_][\w]*){0,3})"
)
_QUANTITY_STOP = frozenset(
    "và với của là thì mà để cho trong tại từ đến được đã đang sẽ có không này đó các những năm tháng ngày "
    "gồm trên dưới hơn khoảng".split()
)


@dataclass
class Found:
    """A mention found in the text (before identity is decided)."""

    start: int
    end: int
    text: str
    group: str  # org | person | place | doc | campaign
    kind: str  # class local name
    sent: int  # sentence index
    head: Head | None = None
    inner: Found | None = None
    doc: DocMention | None = None
    subject_ok: bool = True  # not preceded by a preposition
    bare: bool = False  # an organisation head with nothing after it
    key: str = ""  # identity key, set by resolve
    name: str = ""  # canonical name, set by resolve
    # documents
    date: str = ""
    title: str = ""
    issuer: Found | None = None
    term: str = ""
    # people
    posts: list[tuple[str, Found | None, bool]] = field(default_factory=list)  # (title, org, former)


@dataclass
class SentenceMentions:
    sentence: Sentence
    tokens: list[Token]
    quotes: list[tuple[int, int]]  # absolute offsets
    found: list[Found]
    titles: list[tuple[int, int]]  # absolute spans of document titles
    quantities: list[tuple[int, str, str]] = field(default_factory=list)  # (offset, value, unit)


class Spans:
    """Character offsets of a sentence covered by mentions, quotes or numbers: O(1) look-ups."""

    def __init__(self, base: int, length: int) -> None:
        self.base = base
        self.mask = bytearray(length + 1)

    def add(self, start: int, end: int) -> None:
        a, b = max(0, start - self.base), max(0, min(len(self.mask), end - self.base))
        if b > a:
            self.mask[a:b] = b"\x01" * (b - a)

    def __contains__(self, pos: object) -> bool:
        i = int(pos) - self.base  # type: ignore[call-overload]
        return 0 <= i < len(self.mask) and bool(self.mask[i] == 1)

    def union(self, other: Spans) -> Spans:
        out = Spans(self.base, len(self.mask) - 1)
        size = len(self.mask)
        both = int.from_bytes(self.mask, "big") | int.from_bytes(other.mask, "big")
        out.mask = bytearray(both.to_bytes(size, "big"))
        return out


def _preceded_by_preposition(tokens: list[Token], i: int) -> bool:
    k = i - 1
    while k >= 0 and tokens[k].key in ("các", "những", "toàn", "cả"):
        k -= 1
    if k < 0:
        return False
    if tokens[k].key in PREPOSITIONS:
        return True
    return k >= 1 and f"{tokens[k - 1].key} {tokens[k].key}" in ("đối với", "bên cạnh", "so với")


def _span_found(span: NameSpan, tokens: list[Token], text: str, base: int, sent: int, group: str) -> Found:
    start = tokens[span.i].start
    end = tokens[span.j - 1].end
    inner = _span_found(span.inner, tokens, text, base, sent, "org") if span.inner else None
    bare = span.head is not None and span.j - span.i == len(span.head.words)
    return Found(
        start, end, text[start - base : end - base], group, span.kind, sent, span.head, inner, bare=bare
    )


def find_sentence_mentions(doc: Document, index: int, lex: Lexicon | None = None) -> SentenceMentions:
    lex = lex or lexicon()
    sentence = doc.sentences[index]
    text = sentence.text
    base = sentence.start
    tokens = tokenize(text, base)
    quotes = [(s + base, e + base) for s, e in quote_spans(text)]
    docs = find_documents(text, lex)
    doc_spans = [(d.start + base, d.end + base) for d in docs]
    blocked = Spans(base, len(text))
    for start, end in quotes + doc_spans:
        blocked.add(start, end)
    found: list[Found] = []

    # organisations and places
    taken = Spans(base, len(text))
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not tok.is_word or tok.start in blocked:
            i += 1
            continue
        title_len = _match_title(tokens, i, lex) if tok.is_cap else 0
        head = match_head(tokens, i, lex.heads)
        if title_len and (head is None or title_len > len(head.words)):
            i += title_len  # a post title, not a name: Phó Bí thư Thường trực
            continue
        span = parse_place(tokens, i, lex)
        group = "place"
        if span is None:
            span = parse_org(tokens, i, lex)
            group = "org"
        place_len = match_place(tokens, i, lex)
        if place_len == 1 and (_in_name(tokens, i) or i == 0):
            place_len = 0  # Đức in Nguyễn Đức Long is a name, not Germany
        if person_run(tokens, i, lex) >= 3 and (span is None or group == "place"):
            i += person_run(tokens, i, lex)  # a person's name: read later, never a place
            continue
        if place_len and (span is None or span.j - i <= place_len):
            span = NameSpan(i, i + place_len, "Location", None)
            group = "place"
        if span is None:
            i += 1
            continue
        # never run into a quote or a document number
        j = span.j
        for k in range(span.i, span.j):
            if tokens[k].start in blocked:
                j = k
                break
        while j > span.i and not tokens[j - 1].is_word:
            j -= 1
        if j <= span.i:
            i += 1
            continue
        if j != span.j:
            span = NameSpan(
                span.i, j, span.kind, span.head, span.inner if span.inner and span.inner.j <= j else None
            )
        if group == "org" and span.j < len(tokens) and tokens[span.j].key in ("các", "những"):
            i = span.j  # UBND các tỉnh, Hội đồng nhân dân các cấp: many bodies, no one entity
            continue
        f = _span_found(span, tokens, text, base, index, group)
        f.subject_ok = not _preceded_by_preposition(tokens, span.i)
        found.append(f)
        taken.add(f.start, f.end)
        i = span.j

    # a plural head before a list of domains: các sở Tài chính, Y tế, Giáo dục và Đào tạo
    for k in range(1, len(tokens) - 1):
        tok = tokens[k]
        if tok.is_cap or tokens[k - 1].key not in _PLURAL or (tok.start in blocked or tok.start in taken):
            continue
        heads = [h for h in lex.heads.get(tok.key, ()) if len(h.words) == 1 and h.kind != "-"]
        if not heads:
            continue
        for item in _domain_list(tokens, k + 1, heads[0], lex):
            start, end = tokens[item[0]].start, tokens[item[1] - 1].end
            if start in blocked or start in taken:
                continue
            surface = text[start - base : end - base]
            f = Found(start, end, f"{heads[0].words[0]} {surface}", "org", heads[0].kind, index, heads[0])
            f.subject_ok = not _preceded_by_preposition(tokens, k)
            found.append(f)
            taken.add(start, end)

    # 'Đoàn' alone (các cấp bộ Đoàn): the article's Youth Union, resolved later or dropped
    for k, tok in enumerate(tokens):
        if tok.text == "Đoàn" and not (tok.start in blocked or tok.start in taken):
            if k + 1 < len(tokens) and tokens[k + 1].is_cap and tokens[k + 1].is_word:
                continue
            f = Found(tok.start, tok.end, tok.text, "org", "MassOrganization", index, bare=True)
            f.subject_ok = not _preceded_by_preposition(tokens, k)
            found.append(f)
            taken.add(tok.start, tok.end)

    # standalone places after a level word: tỉnh Quảng Ninh, TP Hồ Chí Minh
    for k, tok in enumerate(tokens):
        if (tok.start in blocked or tok.start in taken) or k + 1 >= len(tokens):
            continue
        if tok.key in ("tỉnh", "thành phố", "huyện", "quận", "xã", "phường", "thị xã", "tp") or tok.text in (
            "TP",
            "Tp",
        ):
            n = 1
            if k + 1 < len(tokens) and f"{tok.key} {tokens[k + 1].key}" in (
                "thành phố",
                "thị xã",
                "thị trấn",
            ):
                n = 2
            first = k + n
            if first < len(tokens) and tokens[first].text == ".":
                first += 1
            if first >= len(tokens) or not tokens[first].is_cap or tokens[first].is_acronym:
                continue
            if (tokens[first].start in blocked or tokens[first].start in taken) or match_head(
                tokens, first, lex.heads
            ):
                continue
            size = match_place(tokens, first, lex) or _place_run(tokens, first, lex)
            if person_run(tokens, first, lex) and not match_place(tokens, first, lex) and size > 2:
                continue
            start, end = tokens[first].start, tokens[first + size - 1].end
            f = Found(start, end, text[start - base : end - base], "place", "Location", index)
            f.subject_ok = False
            found.append(f)
            taken.add(start, end)

    # documents, with their date, term, issuer and title
    titles: list[tuple[int, int]] = []
    for d in docs:
        start, end = d.start + base, d.end + base
        f = Found(start, end, d.text, "doc", d.kind, index, doc=d, term=d.term)
        f.subject_ok = not _preceded_by_preposition(tokens, _token_at(tokens, start))
        pos, date, term = read_after(text, d.end)
        f.date, f.term = date, term or d.term
        if not f.date:  # 'Ngày 15/5/2016, Bộ Chính trị ban hành Chỉ thị 05-CT/TW': the day it was issued
            lead = _ISSUED_FIRST.match(text[: d.start])
            if lead:
                day, month, year = int(lead.group(1)), int(lead.group(2)), int(lead.group(3))
                if 1 <= day <= 31 and 1 <= month <= 12:
                    f.date = f"{year:04d}-{month:02d}-{day:02d}"
        at = of_at(text, pos)
        if at >= 0:
            # 'của Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII': the plenum's committee
            plenum = _PLENUM_OF.match(text, at)
            if plenum:
                at = plenum.end()
            issuer = next((o for o in found if o.group == "org" and o.start == at + base), None)
            if issuer is not None:
                f.issuer = issuer
                pos = issuer.end - base
                pos, date2, term2 = read_after(text, pos)
                f.date = f.date or date2
                f.term = f.term or term2
        title, ts, te = title_at(text, pos, [(s - base, e - base) for s, e in quotes])
        if title:
            f.title = title
            titles.append((ts + base, te + base))
        found.append(f)

    # people and their posts
    _find_people(tokens, text, base, index, found, blocked.union(taken), lex)

    # events: a congress, conference or session named by its number, its body or its term
    events = _find_events(tokens, text, base, index, found, blocked, lex, quotes)
    found.extend(events)
    for event in events:  # Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX: the congress's resolution
        before = text[: event.start - base]
        m = re.search(r"(Nghị quyết|nghị quyết)\s+$", before)
        if m:
            start = m.start() + base
            label = "Nghị quyết " + event.text
            dm = DocMention(
                start, event.end, text[start - base : event.end - base], "Resolution", label, type_code="NQ"
            )
            f = Found(start, event.end, dm.text, "doc", "Resolution", index, doc=dm)
            f.subject_ok = not _preceded_by_preposition(tokens, _token_at(tokens, start))
            found.append(f)

    # projects: Đề án 06, Dự án “Cải cách hành chính”, Dự án Khu công nghiệp Việt Hưng
    for m in _PROJECT.finditer(text):
        start = m.start() + base
        if start in blocked or start in taken:
            continue
        kind_word = m.group(1)[0].upper() + m.group(1)[1:]
        name, end = "", m.end() + base
        quoted = next(((qs, qe) for qs, qe in quotes if qs == m.end() + base + 1), None)
        if m.group(2):
            name = m.group(2)
        elif quoted is not None:
            name = doc.text[quoted[0] : quoted[1]].strip()
            end = quoted[1] + 1
        elif named := next((f for f in found if f.start == m.end() + base and f.group != "person"), None):
            name, end = named.text, named.end  # Dự án Khu công nghiệp Việt Hưng
        else:
            k = _token_at(tokens, m.end() + base)
            if k < len(tokens) and tokens[k].is_cap and tokens[k].is_word:
                run = cap_run(tokens, k, 6)
                name = text[tokens[k].start - base : tokens[k + run - 1].end - base]
                end = tokens[k + run - 1].end
        if name and len(name.split()) <= 20:
            f = Found(start, end, f"{kind_word} {name}", "project", "Project", index)
            f.subject_ok = False
            f.title = name if quoted is not None else ""
            found.append(f)
            taken.add(start, end)

    # campaigns: quoted names after a campaign word, and the quoted items listed after them
    last_campaign_end = -1
    for qs, qe in quotes:
        if any(ts <= qs and qe <= te for ts, te in titles):
            continue
        inner_text = doc.text[qs:qe].strip().rstrip(".…").strip()
        if not inner_text or len(inner_text.split()) > 20 or re.search(r"\d+\s*[-/]\s*[A-ZĐ]", inner_text):
            continue
        before = doc.text[max(base, qs - 1 - 80) : qs - 1]
        is_campaign = False
        if last_campaign_end >= 0 and _LIST_GAP.match(doc.text[last_campaign_end + 1 : qs - 1]):
            is_campaign = True
        elif _CAMPAIGN_CUE.search(before) and not _NOT_CAMPAIGN.search(before):
            is_campaign = True
        if is_campaign:
            f = Found(qs, qs + len(inner_text), inner_text, "campaign", "Campaign", index)
            f.subject_ok = False
            found.append(f)
            last_campaign_end = qe
        else:
            last_campaign_end = -1

    found.sort(key=lambda f: (f.start, -f.end))
    mentions = SentenceMentions(sentence, tokens, quotes, found, titles)
    mentions.quantities = _find_quantities(text, base, blocked)
    return mentions


#: Verbs of speech after a two-syllable name make it a person's (Vũ Khoan cho biết), not a place's
_SAYS = re.compile(r"^(?:cho biết|nói|phát biểu|khẳng định|nhấn mạnh|nhận định|chia sẻ|cho rằng)\b")
_PLURAL = frozenset("các những hai ba bốn năm sáu".split())


def _domain_list(tokens: list[Token], k: int, head: Head, lex: Lexicon) -> list[tuple[int, int]]:
    """Token spans of the domains listed after a plural head (Tài chính | Y tế | Giáo dục và Đào tạo)."""
    from .names import _components

    items: list[tuple[int, int]] = []
    while k < len(tokens) and tokens[k].is_word and tokens[k].is_cap:
        end, count, _ = _components(tokens, k, head, lex)
        if not count or end <= k:
            break
        items.append((k, end))
        k = end
        if k < len(tokens) and tokens[k].text in (",", "và") and k + 1 < len(tokens) and tokens[k + 1].is_cap:
            k += 1
            continue
        break
    return items if len(items) >= 1 else []


_EVENT_HEADS = (
    ("đại", "hội"),
    ("hội", "nghị"),
    ("kỳ", "họp"),
    ("hội", "thảo"),
    ("phiên", "họp"),
    ("hội", "thi"),
    ("lễ", "kỷ", "niệm"),
    ("lễ", "phát", "động"),
    ("lễ", "khai", "mạc"),
    ("lễ", "ra", "mắt"),
)
_EVENT_FIRST = frozenset(h[0] for h in _EVENT_HEADS)
_EVENT_DESCRIPTORS = frozenset(
    ("khoa học", "quốc tế", "toàn quốc", "trực tuyến", "chuyên đề", "quốc gia", "tọa đàm")
)
_ISSUED_FIRST = re.compile(
    r"^\s*(?:Ngày|ngày)\s+(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*((?:19|20)\d{2})\s*,"
    r"[^.;]{0,120}?\b(?:ban hành|ký|đã ký|công bố)\s+$"
)
_PROJECT = re.compile(
    r"(?<!\w)(Đề án|Dự án|đề án|dự án)\s+"
    r"(?:(?:số\s+)?(\d{1,4}(?:[-/][\w-]+)?)(?![\w/])|(?=[“\x22])|(?=[A-ZĐ]))"
)
_ROMAN = re.compile(r"^[IVXL]+$")
_PLENUM_OF = re.compile(r"(?:Hội nghị|hội nghị)\s+(?:lần thứ\s+\w+|Trung ương\s+\w+)\s+(?:của\s+)?")


def _find_events(
    tokens: list[Token],
    text: str,
    base: int,
    index: int,
    found: list[Found],
    blocked: Spans,
    lex: Lexicon,
    quotes: tuple[tuple[int, int], ...] | list[tuple[int, int]] = (),
) -> list[Found]:
    """Đại hội Đảng bộ tỉnh lần thứ XX, kỳ họp thứ 9 HĐND tỉnh khóa XIII, Hội nghị Trung ương 4,
    Hội thảo khoa học “Phát huy giá trị văn hóa …” (a quoted name)."""
    opening = {qs - 1: qe for qs, qe in quotes}  # an opening mark's offset -> its closing mark's
    orgs = {f.start: f for f in found if f.group == "org"}
    events: list[Found] = []
    n = len(tokens)
    i = 0
    while i < n:
        if tokens[i].key not in _EVENT_FIRST:
            i += 1
            continue
        head = next((h for h in _EVENT_HEADS if tuple(t.key for t in tokens[i : i + len(h)]) == h), None)
        if head is None or tokens[i].start in blocked:
            i += 1
            continue
        k = i + len(head)
        specific = 0
        while k < n:
            tok = tokens[k]
            if tok.text == "," and specific and k + 1 < n and tokens[k + 1].key in ("nhiệm", "khóa"):
                k += 1  # Đại hội … lần thứ XX, nhiệm kỳ 2020-2025
                continue
            org = orgs.get(tok.start)
            if org is not None and specific < 3:
                k = _token_at(tokens, org.end)
                specific += 1
                continue
            if tok.key in ("lần", "thứ") or (tok.key == "lần" and k + 1 < n and tokens[k + 1].key == "thứ"):
                m = k + (2 if tok.key == "lần" and k + 1 < n and tokens[k + 1].key == "thứ" else 1)
                if m < n and (tokens[m].is_number or _ROMAN.match(tokens[m].text)):
                    k = m + 1
                    specific += 1
                    continue
                break
            if tok.key in ("trung ương", "trung") and k + 2 < n and tokens[k + 1].key == "ương":
                m = k + 2
                if m < n and (tokens[m].is_number or _ROMAN.match(tokens[m].text)):
                    k = m + 1
                    specific += 1
                    continue
                break
            if tok.key in ("khóa", "nhiệm") and specific:
                m = k + (2 if tok.key == "nhiệm" and k + 1 < n and tokens[k + 1].key == "kỳ" else 1)
                if m < n and (tokens[m].is_number or _ROMAN.match(tokens[m].text)):
                    k = m + 1
                    while k + 1 < n and tokens[k].text in "-–" and tokens[k + 1].is_number:
                        k += 2
                    continue
                break
            if tok.key in ("đại biểu", "toàn quốc", "đại", "toàn", "biểu", "quốc") and tok.key in (
                "đại",
                "toàn",
            ):
                pair = f"{tok.key} {tokens[k + 1].key}" if k + 1 < n else ""
                if pair in ("đại biểu", "toàn quốc"):
                    k += 2
                    continue
            if not specific:
                # Hội thảo (khoa học) “…”: a kind of meeting, its descriptors, then its quoted name
                m = k
                while m + 1 < n and f"{tokens[m].key} {tokens[m + 1].key}" in _EVENT_DESCRIPTORS:
                    m += 2
                close = opening.get(tokens[m].start) if m < n else None
                inside = (
                    text[tokens[m].start - base + 1 : tokens[m].start - base + 3].strip() if m < n else ""
                )
                if close is not None and inside[:1].isupper():  # a name, not a scare quote ('bỏ túi')
                    k = next((t for t in range(m, n) if tokens[t].start >= close), n)
                    k = k + 1 if k < n and tokens[k].start == close else k
                    specific += 1
            break
        if specific:
            start, end = tokens[i].start, tokens[k - 1].end
            f = Found(start, end, text[start - base : end - base], "event", "Event", index)
            f.subject_ok = False
            events.append(f)
            i = k
        else:
            i += 1
    return events


def _place_run(tokens: list[Token], first: int, lex: Lexicon) -> int:
    """Capitalised words naming a place after a level word, stopping before a person's name."""
    k = first
    while (
        k < len(tokens)
        and k - first < 4
        and tokens[k].is_word
        and tokens[k].is_cap
        and not tokens[k].is_acronym
    ):
        if k > first and person_run(tokens, k, lex) >= 2:
            break
        k += 1
    return k - first


def _in_name(tokens: list[Token], i: int) -> bool:
    """Whether capitalised token ``i`` sits inside a run of capitalised words (a person's name)."""
    before = i > 0 and tokens[i - 1].is_word and tokens[i - 1].is_cap and not tokens[i - 1].is_acronym
    after = (
        i + 1 < len(tokens)
        and tokens[i + 1].is_word
        and tokens[i + 1].is_cap
        and not tokens[i + 1].is_acronym
    )
    return before or after


def _token_at(tokens: list[Token], offset: int) -> int:
    for k, tok in enumerate(tokens):
        if tok.start >= offset:
            return k
    return len(tokens)


def _match_title(tokens: list[Token], i: int, lex: Lexicon) -> int:
    """Length of a post title at ``i`` (0 when none)."""
    for title in lex.titles.get(tokens[i].key, ()):
        if match_words(tokens, i, title):
            return len(title)
    return 0


def _org_at(found: list[Found], offset: int) -> Found | None:
    return next((f for f in found if f.group == "org" and f.start == offset), None)


def _find_people(
    tokens: list[Token],
    text: str,
    base: int,
    index: int,
    found: list[Found],
    blocked: Spans,
    lex: Lexicon,
) -> None:
    """People: after a title or an honorific, or a family name; with the posts around them."""
    n = len(tokens)
    i = 0
    people: list[Found] = []
    while i < n:
        tok = tokens[i]
        if not tok.is_word or tok.start in blocked:
            i += 1
            continue
        former = tok.key == "nguyên" and i + 1 < n
        t0 = i + 1 if former else i
        tlen = _match_title(tokens, t0, lex) if t0 < n and tokens[t0].is_cap else 0
        name_at = -1
        posts: list[tuple[str, Found | None, bool]] = []
        if tlen:
            # one or more posts before the name: Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Nguyễn Văn Đọc
            pending: list[tuple[str, Found | None, bool]] = []
            k = t0
            while True:
                title = " ".join(t.text for t in tokens[k : k + tlen])
                k += tlen
                org = _org_at(found, tokens[k].start) if k < n else None
                if org is not None:
                    k = _token_at(tokens, org.end)
                pending.append((title, org, former))
                if k + 1 < n and tokens[k].text in (",", "kiêm", "và"):
                    nxt = k + 1
                    former = tokens[nxt].key == "nguyên"
                    nxt += 1 if former else 0
                    tlen = _match_title(tokens, nxt, lex) if nxt < n else 0
                    if tlen:
                        k = nxt
                        continue
                break
            if k < n and tokens[k].is_cap and tokens[k].is_word and not tokens[k].is_acronym:
                if tokens[k].start not in blocked or (org is not None and tokens[k].start >= org.end):
                    run = person_run(tokens, k, lex) or _given_run(tokens, k, lex)
                    if run:
                        name_at, name_len = k, run
                        posts.extend(pending)
        elif tok.text in lex.honorifics or (
            i + 1 < n and f"{tok.text} {tokens[i + 1].text}" in lex.honorifics
        ):
            k = i + (2 if i + 1 < n and f"{tok.text} {tokens[i + 1].text}" in lex.honorifics else 1)
            if k < n and _match_title(tokens, k, lex):
                i = k
                continue
            if k < n and tokens[k].is_cap and tokens[k].is_word and tokens[k].start not in blocked:
                run = person_run(tokens, k, lex) or _given_run(tokens, k, lex)
                if run:
                    name_at, name_len = k, run
        elif tok.is_cap and not (i > 0 and tokens[i - 1].key in _NAMED_AFTER):
            run = person_run(tokens, i, lex)
            says = run == 2 and _SAYS.match(" ".join(t.key for t in tokens[i + 2 : i + 4]))
            if run >= 3 or (run == 2 and i > 0 and tokens[i - 1].text in (",", "và") and people) or says:
                name_at, name_len = i, run
        if name_at < 0:
            i += 1
            continue
        start, end = tokens[name_at].start, tokens[name_at + name_len - 1].end
        person = Found(start, end, text[start - base : end - base], "person", "Person", index)
        person.subject_ok = not _preceded_by_preposition(tokens, i)
        person.posts = posts
        k = name_at + name_len
        k = _appositive_posts(tokens, k, person, found, lex)
        people.append(person)
        blocked.add(start, end)
        i = max(k, name_at + name_len)
    found.extend(people)


def _given_run(tokens: list[Token], k: int, lex: Lexicon) -> int:
    """A name after a title or honorific without a known family name (Trường Chinh, Anna Lindstedt)."""
    run = cap_run(tokens, k, 4)
    if run and tokens[k].is_acronym:
        return 0
    if run and match_head(tokens, k, lex.heads) is None and not match_place(tokens, k, lex):
        return run
    return 0


_ADVERBS = (("tiếp", "tục"), ("vừa",), ("đã",), ("lại",), ("chính", "thức"))
#: Words between a name and the post it is given: 'được bầu làm', 'được bổ nhiệm giữ chức' (longest first)
_TAKES_POST = tuple(
    sorted(
        (
            tuple(p.split())
            for p in (
                "được bầu làm",
                "được bầu giữ chức",
                "được bầu giữ chức vụ",
                "được tái bầu làm",
                "được tái bầu giữ chức",
                "được bổ nhiệm làm",
                "được bổ nhiệm giữ chức",
                "được bổ nhiệm giữ chức vụ",
                "được bầu",
                "được bổ nhiệm",
                "giữ chức",
                "giữ chức vụ",
            )
        ),
        key=len,
        reverse=True,
    )
)


def _appositive_posts(tokens: list[Token], k: int, person: Found, found: list[Found], lex: Lexicon) -> int:
    """Posts after a name: 'Nguyễn Tài Sơn, Phó Bí thư Thường trực Đảng ủy Khối', '- Bí thư Tỉnh ủy'."""
    n = len(tokens)
    if k >= n:
        return k
    if tokens[k].text in (",", "-", "–", "("):
        pos = k + 1
    else:  # 'được bầu làm Bí thư Huyện ủy', 'tiếp tục được bổ nhiệm giữ chức Giám đốc Sở …'
        start = k
        for adverb in _ADVERBS:
            if tuple(t.key for t in tokens[start : start + len(adverb)]) == adverb:
                start += len(adverb)
        taken = next(
            (len(p) for p in _TAKES_POST if tuple(t.key for t in tokens[start : start + len(p)]) == p), 0
        )
        if not taken or start + taken >= n or not _match_title(tokens, start + taken, lex):
            return k
        pos = start + taken
    parts: list[tuple[int, int, Head]] = []  # posts in a bare 'Ban Thường vụ': (post, its first token, head)
    while pos < n:
        former = tokens[pos].key == "nguyên"
        t0 = pos + 1 if former else pos
        if t0 >= n:
            break
        tlen = _match_title(tokens, t0, lex)
        if not tlen:
            break
        title = " ".join(t.text for t in tokens[t0 : t0 + tlen])
        nxt = t0 + tlen
        org = _org_at(found, tokens[nxt].start) if nxt < n else None
        if org is not None:
            nxt = _token_at(tokens, org.end)
        elif nxt < n and (head := match_head(tokens, nxt, lex.heads)) is not None and head.part:
            # 'Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Huyện ủy': whose Ban Thường vụ, said later
            parts.append((len(person.posts), nxt, head))
            nxt += len(head.words)
        person.posts.append((title, org, former))
        pos = nxt
        if (
            pos < n
            and tokens[pos].text in (",", "và")
            and pos + 1 < n
            and (_match_title(tokens, pos + 1, lex) or tokens[pos + 1].key == "nguyên")
        ):
            pos += 1
            continue
        break
    committee = next(
        (o.inner or o for _, o, _ in person.posts if o is not None and _is_committee(o.inner or o)), None
    )
    for index, first, head in parts if committee is not None else ():
        assert committee is not None
        title, _, former = person.posts[index]
        last = tokens[first + len(head.words) - 1]
        text = " ".join(t.text for t in tokens[first : first + len(head.words)])
        part = Found(
            tokens[first].start, last.end, f"{text} {committee.text}", "org", head.kind, person.sent, head
        )
        part.inner = committee
        part.subject_ok = False
        found.append(part)
        person.posts[index] = (title, part, former)
    return pos


def _is_committee(org: Found) -> bool:
    return org.kind == "PartyCommittee" and org.head is not None and not org.head.part


def _find_quantities(text: str, base: int, blocked: Spans) -> list[tuple[int, str, str]]:
    out = []
    for m in _QUANTITY.finditer(text):
        if m.start() + base in blocked:
            continue
        raw, unit = m.group(1), m.group(2)
        words = []
        for word in unit.split():
            if name_key(word) in _QUANTITY_STOP:
                break
            words.append(word)
        if not words:
            continue
        if raw.isdigit() and len(raw) == 4 and raw[:2] in ("19", "20"):
            continue
        value = raw.replace(".", "").replace(",", ".") if "." in raw else raw.replace(",", ".")
        out.append((m.start() + base, value, " ".join(words)))
    return out
