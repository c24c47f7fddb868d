"""A learned tagger of name boundaries: persons, organisations and places, syllable by syllable.

A linear-chain CRF (CRFsuite) trained on machine labels of political news
(``train/tagger/``) tags each token of a sentence ``B-``/``I-`` ``PER``, ``ORG``, ``LOC`` or
``O`` from features of the token and its neighbours: its form, shape and case, the word
lists of ``kgraph/data`` (family names, organisation and place heads, places, levels,
titles) and whether it forms a dictionary word with the token before or after it.

The model ships as ``kgraph/data/tagger.crfsuite`` and is loaded once per process; a
missing or unreadable model is a ``ModelError`` naming the file and the training command.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, AnyStr, Generic

from ..errors import KgraphError
from ..model import Entity
from ..text import name_key
from .gazetteer import level_initial, level_word_before
from .lexicon import Head, Lexicon, first_words, lexicon, syllables, word, words
from .names import (
    after_house_number,
    clause_opener,
    counted_number,
    joins_field,
    match_head,
    match_place,
    match_title,
    numeral_of_before,
    street_after_number,
    written_once,
)
from .not_names import closed_by_body_word, not_a_name
from .people import named_after
from .state import Found, Group, SentenceState, Spans
from .tagger_context import EMPTY, DocWords, doc_words, mask_features, word_masks
from .tagger_words import tagger_words
from .tokens import Token, tokenize

MODEL_NAME = "tagger.crfsuite"
TRAIN_COMMAND = "python train/tagger/train.py"
#: Tagged names less sure than this (least marginal probability of their labels) are left out
MIN_CONFIDENCE = {"PER": 0.5, "ORG": 0.0, "LOC": 0.3}
#: A rule's organisation name takes a tagged end of lower-case words only when the model is this sure
EXTEND_LOWER = 0.7
AFTER = 6
GROUPS = {"PER": "person", "ORG": "org", "LOC": "place"}


class ModelError(KgraphError):
    """The tagger's model file is missing or unreadable."""


@dataclass(frozen=True)
class Tagged:
    """A name the tagger found: token span [i, j) of the sentence and its group."""

    i: int
    j: int
    label: str  # PER | ORG | LOC
    confidence: float = 1.0  # the least marginal probability of the span's labels


def model_path() -> Path:
    return Path(str(resources.files("kgraph") / "data" / MODEL_NAME))


_LOCAL = threading.local()


def _tagger() -> Any:
    """The model, opened once per thread: a pycrfsuite Tagger keeps the sequence it tagged for the
    marginals asked next, so threads (a dask worker's, a server's) must not share one."""
    tagger = getattr(_LOCAL, "tagger", None)
    if tagger is None:
        tagger = _LOCAL.tagger = _open_tagger()
    return tagger


def forget_model() -> None:
    """Drop this thread's opened model (the next tagging opens ``model_path()`` again)."""
    _LOCAL.__dict__.pop("tagger", None)


def _open_tagger() -> Any:
    path = model_path()
    fix = f"rebuild it with `{TRAIN_COMMAND}` in a kgraph clone, or reinstall kgraph"
    try:
        import pycrfsuite
    except ImportError:
        raise ModelError("the name tagger needs python-crfsuite (pip install python-crfsuite)") from None
    if not path.is_file():
        raise ModelError(f"{path}: the name tagger's model is missing ({fix})")
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(str(path))
        labels = set(tagger.labels())
    except (OSError, ValueError):
        raise ModelError(f"{path}: the name tagger's model is unreadable ({fix})") from None
    if not labels or not labels <= {"O", *(f"{p}-{g}" for p in "BI" for g in GROUPS)}:
        raise ModelError(f"{path}: the name tagger's model is not a kgraph tagger ({fix})")
    return tagger


def load_model() -> None:
    """Load the model now (raises ``ModelError``), e.g. before worker processes are forked."""
    _tagger()


def _shape(text: str) -> str:  # asked once per token text: its features are cached
    out: list[str] = []
    for ch in text:
        if ch.isdigit():
            c = "d"
        elif ch.isalpha():
            c = "X" if ch.isupper() else "x"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:6]


def _own_features(text: str, key: str) -> tuple[str, ...]:
    """Features of a token by itself: its form and shape first (``_own`` caches them by its text)."""
    lex = lexicon()
    feats = ["w=" + key, "sh=" + _shape(text)]
    if text[0].isupper():
        feats.append("cap")
    if key in lex.surnames:
        feats.append("sur")
    if key in lex.levels:
        feats.append("lvl")
    if key in lex.tagger_heads:
        feats.append("oh")
    if key in lex.place_heads:
        feats.append("ph")
    if key in lex.titles:
        feats.append("ti")
    if text in lex.honorifics or key in lex.honorifics:
        feats.append("hon")
    if key in lex.stop_words:
        feats.append("stop")
    if len(key) > 3:
        feats.append("suf=" + key[-3:])
    if text.isalpha() and key not in _syllables():
        feats.append("nvs")  # no syllable of a Vietnamese word: a foreign or coined word (Uruguay)
    return tuple(feats)


_own = lru_cache(maxsize=131072)(_own_features)


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    """Every syllable of the word list's words and the family names."""
    return syllables() | lexicon().surnames


@lru_cache(maxsize=262144)
def _near(text: str, key: str, offset: int) -> tuple[str, ...]:
    """Features a neighbour at ``offset`` contributes (cached)."""
    own = _own(text, key)
    keep = own if abs(offset) == 1 else own[:2]
    return tuple(f"{offset}:{f}" for f in keep if not f.startswith("suf="))


@lru_cache(maxsize=4)
def _place_starts(places: frozenset[str], context: frozenset[str]) -> frozenset[str]:
    """The first words of the known place names: ``match_place`` is asked only at one of them."""
    return first_words(places) | first_words(context)


#: The marks of a token 1-5 tokens after an organisation head (``hdd=2c``: capitalised, ``hdd=2l``: not) and
#: 1-3 lower-case tokens after a capitalised word (``cpd=1``), made once
_AFTER_HEAD = tuple((f"hdd={d}l", f"hdd={d}c") for d in range(6))
_AFTER_CAP = tuple(f"cpd={d}" for d in range(4))


def _spans(tokens: list[Token], lex: Lexicon) -> list[list[str]]:
    """Dictionary matches over the sentence: places, organisation heads, titles; and how far
    each token lies after the last organisation head and the last capitalised word."""
    marks: list[list[str]] = [[] for _ in tokens]
    places = _place_starts(lex.places, lex.context_places)
    heads = lex.tagger_heads  # the heads its features were trained with
    since_head = since_cap = 99
    for i, tok in enumerate(tokens):
        if not tok.is_word and tok.text not in _INNER_MARKS:
            since_head = since_cap = 99
            continue
        head = match_head(tokens, i, heads) if tok.is_word and tok.key in heads else None
        if 1 <= since_head < 6:
            marks[i].append(_AFTER_HEAD[since_head][tok.is_cap])
        if since_cap < 4 and not tok.is_cap:
            marks[i].append(_AFTER_CAP[since_cap])
        since_head += 1
        since_cap = 1 if tok.is_cap or tok.is_number else since_cap + 1
        if not tok.is_word:
            continue
        size = match_place(tokens, i, lex) if tok.is_cap and tok.key.partition(" ")[0] in places else 0
        for k in range(size):
            marks[i + k].append("pl=B" if k == 0 else "pl=I")
        if head is not None:
            for k in range(len(head.words)):
                marks[i + k].append("hd=B" if k == 0 else "hd=I")
            if head.kind != "-":
                since_head = 2 - len(head.words)
    return marks


_EDGES = {offset: (f"{offset}:edge",) for offset in (-2, -1, 1, 2)}
_OFFSETS = (-2, -1, 1, 2)


@lru_cache(maxsize=131072)
def _token_features(text: str, key: str) -> tuple[tuple[str, ...], ...]:
    """A token's own features, then what it contributes to the token 2 and 1 after it and 1 and
    2 before it (offsets -2, -1, +1, +2 seen from that token); cached by its text."""
    return (_own(text, key), *(_near(text, key, offset) for offset in _OFFSETS))


@lru_cache(maxsize=65536)
def _key_forms(key: str) -> tuple[str, str, str]:
    """What a word gives the features of the pairs it is in: `` key`` after the word before it,
    ``b-=key`` and ``b+=key`` before the word after it (``b-=left right``, ``b+=left right``)."""
    return " " + key, "b-=" + key, "b+=" + key


def _token_bytes(text: str, key: str) -> tuple[tuple[bytes, ...], ...]:
    """``_token_features`` encoded as CRFsuite reads them (UTF-8), once per token text: each own
    feature encoded once and the neighbours' forms prefixed as bytes (``_near``'s selection)."""
    coded = tuple([f.encode() for f in _own_features(text, key)])  # once: the record is cached
    close = tuple([c for c in coded if not c.startswith(b"suf=")])  # what the tokens next to it read
    form, shape = coded[:2]  # and the tokens two away (list displays, not generators: 3330 tokens)
    return (
        coded,
        (b"-2:" + form, b"-2:" + shape),
        tuple([b"-1:" + c for c in close]),
        tuple([b"1:" + c for c in close]),
        (b"2:" + form, b"2:" + shape),
    )


@lru_cache(maxsize=65536)
def _key_bytes(key: str) -> tuple[bytes, bytes, bytes]:
    """``_key_forms`` as UTF-8: a pair's features are two concatenations, no cache of pairs (most
    pairs are seen once, and the UTF-8 of a concatenation is the concatenation of the UTF-8s)."""
    return tuple(f.encode() for f in _key_forms(key))  # type: ignore[return-value]


#: All ``_assemble`` reads of one token: its own features, what it gives the tokens 2 and 1 after it
#: and 1 and 2 before it, then its parts of its pairs' features (`` key``, ``b-=key``, ``b+=key``)
_Record = tuple[
    tuple[AnyStr, ...],
    tuple[AnyStr, ...],
    tuple[AnyStr, ...],
    tuple[AnyStr, ...],
    tuple[AnyStr, ...],
    AnyStr,
    AnyStr,
    AnyStr,
]


@lru_cache(maxsize=131072)
def _text_record(text: str, key: str) -> _Record[str]:
    """A token's ``_Record`` as text (training, tests), cached by its text."""
    own, before2, before1, after1, after2 = _token_features(text, key)
    return (own, before2, before1, after1, after2, *_key_forms(key))


@lru_cache(maxsize=131072)
def _byte_record(text: str, key: str) -> _Record[bytes]:
    """A token's ``_Record`` as UTF-8 (tagging), cached by its text: one look-up per token."""
    own, before2, before1, after1, after2 = _token_bytes(text, key)
    return (own, before2, before1, after1, after2, *_key_bytes(key))


@dataclass(frozen=True)
class _Forms(Generic[AnyStr]):
    """How features are written: as text (training, tests) or as UTF-8 bytes (tagging: python-crfsuite
    encodes every text feature again at each call, and bytes go through as they are)."""

    token: Callable[[str, str], _Record[AnyStr]]
    marks: dict[str, AnyStr]
    edges: tuple[_Record[AnyStr], _Record[AnyStr]]  # what the missing tokens before and after give
    words: tuple[AnyStr, AnyStr, AnyStr]  # wb, capcap, wf
    doc: Callable[[int, int, int], tuple[AnyStr, ...]]  # the article's features of a word and its neighbours


_MARKS = (
    "pl=B",
    "pl=I",
    "hd=B",
    "hd=I",
    *(f"hdd={d}{c}" for d in range(1, 6) for c in "cl"),
    *(f"cpd={d}" for d in range(1, 4)),
)


@lru_cache(maxsize=4096)
def _mask_bytes(before: int, own: int, after: int) -> tuple[bytes, ...]:
    return tuple(f.encode() for f in mask_features(before, own, after))


_TEXT: _Forms[str] = _Forms(
    _text_record,
    {m: m for m in _MARKS},
    (((), _EDGES[-2], _EDGES[-1], (), (), "", "", ""), ((), (), (), _EDGES[1], _EDGES[2], "", "", "")),
    ("wb", "capcap", "wf"),
    mask_features,
)
_EDGE_BYTES = {o: (e[0].encode(),) for o, e in _EDGES.items()}
_BYTES: _Forms[bytes] = _Forms(
    _byte_record,
    {m: m.encode() for m in _MARKS},
    (
        ((), _EDGE_BYTES[-2], _EDGE_BYTES[-1], (), (), b"", b"", b""),
        ((), (), (), _EDGE_BYTES[1], _EDGE_BYTES[2], b"", b"", b""),
    ),
    (b"wb", b"capcap", b"wf"),
    _mask_bytes,
)


def features(
    tokens: list[Token], lex: Lexicon | None = None, context: DocWords = EMPTY, first: bool = False
) -> list[list[str]]:
    """The feature strings of each token of one sentence (or stretch of one: ``first`` when it opens
    the sentence), ``context`` what the whole article says of its words."""
    return _assemble(tokens, lex or lexicon(), _TEXT, context, first)


def _assemble(
    tokens: list[Token], lex: Lexicon, forms: _Forms[AnyStr], context: DocWords, first: bool
) -> list[list[AnyStr]]:
    n = len(tokens)
    # two entries on each side stand for the missing neighbours: token i's own features are per[i + 2][0],
    # what tokens i - 2, i - 1, i + 1, i + 2 give it per[i][1], per[i + 1][2], per[i + 3][3], per[i + 4][4]
    per: list[_Record[AnyStr]] = [forms.edges[0]] * 2
    per += [forms.token(t.text, t.key) for t in tokens]
    per += [forms.edges[1]] * 2
    known = [f"{tokens[k].key} {tokens[k + 1].key}" in lex.words for k in range(n - 1)]
    marks = _spans(tokens, lex)
    article = word_masks(tokens, first, context) if context is not EMPTY else [0] * n
    article.append(0)  # what the token after the last gives it
    before = 0
    word_before, cap_cap, word_after = forms.words
    mark_forms, doc = forms.marks, forms.doc
    out: list[list[AnyStr]] = []
    for i, tok in enumerate(tokens):
        this = per[i + 2]
        feats = list(this[0])
        if marks[i]:
            feats += [mark_forms[m] for m in marks[i]]
        own = article[i]
        if before or own or article[i + 1]:
            feats += doc(before, own, article[i + 1])
        before = own
        feats += per[i][1]
        feats += per[i + 1][2]
        feats += per[i + 3][3]
        feats += per[i + 4][4]
        if i > 0:
            feats.append(per[i + 1][6] + this[5])  # b-=left right
            if known[i - 1]:
                feats.append(word_before)
            if tokens[i - 1].is_cap and tok.is_cap:
                feats.append(cap_cap)
        if i + 1 < n:
            feats.append(this[7] + per[i + 3][5])  # b+=left right
            if known[i]:
                feats.append(word_after)
        out.append(feats)
    return out


def decode(labels: list[str]) -> list[Tagged]:
    """Spans of a BIO label sequence (an I- without its B- opens a span)."""
    return [Tagged(i, j, group) for i, j, group in _bio_spans(labels)]


def _bio_spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """``decode``'s spans as (start, end, group): most labels are 'O', passed over at once."""
    spans: list[tuple[int, int, str]] = []
    start, group = -1, ""
    for i, label in enumerate(labels):
        if label == "O":
            if start >= 0:
                spans.append((start, i, group))
                start = -1
            continue
        kind = label[2:]
        if start >= 0 and (label.startswith("B-") or kind != group):
            spans.append((start, i, group))
            start = -1
        if start < 0:
            start, group = i, kind
    if start >= 0:
        spans.append((start, len(labels), group))
    return spans


def tag_tokens(tokens: list[Token], context: DocWords = EMPTY) -> list[Tagged]:
    """The names the model finds in one sentence's tokens (``context``: its article's words)."""
    model = _tagger()
    marginal = model.marginal
    out: list[Tagged] = []
    for a, b in chunks(tokens):
        labels = model.tag(_assemble(tokens[a:b], lexicon(), _BYTES, context, a == 0))
        out += [  # one Tagged per span, its confidence the least marginal of its labels
            Tagged(a + i, a + j, group, min(map(marginal, labels[i:j], range(i, j))))
            for i, j, group in _bio_spans(labels)
        ]
    return out


def chunks(tokens: list[Token], context: int = 3, after: int = AFTER) -> list[tuple[int, int]]:
    """Stretches of the sentence around its capitalised words and numbers, with ``context``
    tokens before and ``after`` tokens after each: the only places a name can be (lower-case
    prose is skipped, for speed)."""
    chunks: list[tuple[int, int]] = []
    for i, tok in enumerate(tokens):
        if not (tok.is_cap or tok.is_number):
            continue
        a, b = max(0, i - context), min(len(tokens), i + after + 1)
        if chunks and a <= chunks[-1][1]:
            chunks[-1] = (chunks[-1][0], b)
        else:
            chunks.append((a, b))
    return chunks


def tag_text(text: str) -> list[tuple[str, str]]:
    """``(label, name)`` pairs of a sentence: a convenience for tests and the training report."""
    tokens = tokenize(text)
    found = tag_tokens(tokens, doc_words([text], lexicon()))
    return [(t.label, text[tokens[t.i].start : tokens[t.j - 1].end]) for t in found]


_GROUP_KIND = {
    "PER": (Group.PERSON, "Person"),
    "ORG": (Group.ORG, "Organization"),
    "LOC": (Group.PLACE, "Location"),
}


def _org_head(tokens: list[Token], i: int, lex: Lexicon) -> Head:
    """The organisation head a tagged name opens with, or its first word as a plain head."""
    head = match_head(tokens, i, lex.heads)
    if head is not None and head.kind != "-":
        return head
    return Head((tokens[i].text,), (tokens[i].key,), "Organization", False, False, False, False, False)


def _street_words() -> frozenset[str]:
    return tagger_words()["street"]


_INNER_MARKS = frozenset("-–&.'")


def _coined(tok: Token, lex: Lexicon) -> bool:
    """Whether a capitalised word is a coined name (VnExpress, SaigonTech, Saigontourist): a capital
    after its first letter or no Vietnamese syllable, and in no word list (not a head, a common
    word, a family name)."""
    key = tok.key
    if key in lex.heads or key in lex.words or key in lex.stop_words or key in lex.surnames:
        return False
    return any(ch.isupper() for ch in tok.text[1:]) or (tok.text.isalpha() and key not in _syllables())


def plausible(tokens: list[Token], t: Tagged, lex: Lexicon) -> bool:
    """Whether a tagged span can be a name the rules missed (not a title, a bare head, a plural)."""
    span = tokens[t.i : t.j]
    if not span[0].is_word or not span[-1].is_word:
        return False
    if any(not tok.is_word and tok.text not in _INNER_MARKS for tok in span):
        return False
    if any(tok.key in tagger_words()["plural"] for tok in span):
        return False
    if not_a_name(tokens, t.i, t.j, lex):
        return False  # thẻ ATM VNPay, ngành Quản trị Kinh doanh, Mùa Xuân: a product, a field, a season
    if t.i > 0 and not span[0].is_cap and f"{tokens[t.i - 1].key} {span[0].key}" in lex.words:
        return False  # (dự) án phát triển KT-XH: a name never opens inside a word
    if _ends_inside_word(tokens, t.j, lex):
        return False  # Đại hội Đảng (bộ các cấp): nor ends inside one
    if t.i > 0 and (
        tokens[t.i - 1].key in _street_words()
        or (t.i > 1 and f"{tokens[t.i - 2].key} {tokens[t.i - 1].key}" in _street_words())
    ):
        return False  # đường Trần Hưng Đạo: an address
    if t.label == "PER" and (after_house_number(tokens, t.i) or named_after(tokens, t.i)):
        return False  # 25 Lê Văn Sỹ, trường THPT Lê Quý Đôn: an address, a thing named after someone
    if any(clause_opener(tokens, k) for k in range(t.i + 2, t.j)):
        return False  # a clause opens inside (Hội Nông dân tỉnh Tham gia); the first words may be a name's
    title = match_title(tokens, t.i, lex)
    if (
        title
        and t.i + title < len(tokens)
        and " ".join(tok.key for tok in tokens[t.i : t.i + title + 1]) in lex.words
    ):
        title = 0  # Đại sứ quán: a word the title only starts
    if title >= t.j - t.i or (title and t.label == "ORG"):
        return False  # a post title (Tỉnh ủy viên), or one before its body (Cục trưởng Thú y), not a name
    words = [tok for tok in span if tok.is_word]
    if all(tok.is_acronym for tok in words) and any(
        f"{a.key} {b.key}" in lex.words for a, b in zip(words, words[1:], strict=False)
    ):
        return False  # CỘNG HÒA XÃ HỘI: words in capitals (a heading), not abbreviations
    if t.label == "ORG" and all(tok.is_acronym for tok in words) and t.confidence < 0.7:
        return False  # KT-XH, TDTT: domains abbreviated more often than bodies (unless the model is sure)
    if t.label == "ORG" and len(words) > 1 and not any(tok.is_cap or tok.is_number for tok in words[1:]):
        return False  # Đảng trực thuộc: one capitalised word and prose after it
    if t.label == "ORG" and t.j - t.i == 1 and not span[0].is_acronym and not _coined(span[0], lex):
        return False  # Đảng, Nhà: one word is a head or a common noun, the rules' call
    if t.label == "ORG" and " ".join(tok.key for tok in span) in lex.words:
        return False  # one dictionary word capitalised (Trung ương, Nhà nước)
    if t.label != "PER" and " ".join(tok.key for tok in span) in lex.name_people:
        return False  # Hồ Chí Minh alone is the person (the rules read the city after its level word)
    head = match_head(tokens, t.i, lex.heads)
    if head is None:
        return True
    # a head alone, or followed by lower-case words only (Bệnh viện e ngại): the rules' call
    return any(tok.is_cap or tok.is_number for tok in span[len(head.words) :])


def _ends_inside_word(tokens: list[Token], j: int, lex: Lexicon) -> bool:
    """Whether the token before ``j`` forms a dictionary word with the lower-case token at ``j``
    (Đảng | bộ) that does not give way to a two-syllable stop word opening there (Minh | chủ trì)."""
    if j >= len(tokens) or j == 0 or not tokens[j].is_word or tokens[j].is_cap:
        return False
    if f"{tokens[j - 1].key} {tokens[j].key}" not in lex.words:
        return False
    return not (j + 1 < len(tokens) and f"{tokens[j].key} {tokens[j + 1].key}" in lex.stop_words)


def _has_stop_word(tokens: list[Token], lex: Lexicon) -> bool:
    """Whether the tokens hold a word of ``stop_words.txt`` (of one or two syllables)."""
    stop = lex.stop_words
    return any(tok.key in stop for tok in tokens) or any(
        f"{a.key} {b.key}" in stop for a, b in zip(tokens, tokens[1:], strict=False)
    )


def _closed(tokens: list[Token], j: int, lex: Lexicon) -> bool:
    """Whether a name ending before token ``j`` is closed there: by punctuation, the sentence's end
    or a stop word (Trung tâm Điều độ hệ thống điện quốc gia | cho biết), not by more prose."""
    if j >= len(tokens) or not tokens[j].is_word or tokens[j].key in lex.stop_words:
        return True
    return j + 1 < len(tokens) and f"{tokens[j].key} {tokens[j + 1].key}" in lex.stop_words


def _unjoined(tokens: list[Token], i: int, j: int, after: int, lex: Lexicon) -> list[Token]:
    """Tokens [i, j) from offset ``after`` on, without the joiners (và) that join two capitalised
    parts of one name (Công ty Cơ khí và Điện lạnh): not when a head opens the second part, which
    is then a body of its own (Sở Công thương và Sở Nội vụ)."""
    joiners = tagger_words()["joiner"]
    out: list[Token] = []
    for k in range(i, j):
        tok = tokens[k]
        if tok.start < after:
            continue
        if tok.key in joiners and k + 1 < j and tokens[k + 1].is_cap:
            head = match_head(tokens, k + 1, lex.heads)
            if head is None or head.kind == "-":
                continue
        out.append(tok)
    return out


def _joins_fields(tokens: list[Token], i: int, j: int, f: Found, lex: Lexicon) -> bool:
    """Whether every joiner (và) or dash after the rule's name ``f`` in tokens [i, j) joins a second
    field of one name as the name grammar reads it (``names.joins_field``), not a second body or place."""
    joiners = tagger_words()["joiner"]
    return f.head is None or all(
        joins_field(tokens, k, f.head, lex)
        for k in range(i, j)
        if tokens[k].start >= f.end and (tokens[k].key in joiners or tokens[k].text in "-–")
    )


def _closing_place(g: Found, end: int) -> bool:
    """Whether a mention is a place that closes a name ending at ``end``."""
    return g.group is Group.PLACE and g.end == end


def _extend(sm: SentenceState, t: Tagged, lex: Lexicon) -> bool:
    """A rule's flat organisation or place name the tagged one continues (Viện Chiến lược -> Viện
    Chiến lược và Chương trình giáo dục; huyện Đức -> huyện Đức Trọng) takes the tagged end; True
    when one did. ``t`` is a plausible organisation or place (the caller asked ``plausible``)."""
    first = t.i + (_level_length(sm.tokens, t.i, t.j, lex) if t.label == "LOC" else 0)
    start, end = sm.tokens[first].start, sm.tokens[t.j - 1].end
    for f in sm.found:
        if f.start != start or f.end >= end or f.inner is not None or f.rule == "addresses":
            continue  # an address ends at its street: its units stay places (25 Lê Lợi | - Q.1)
        if not (
            (t.label == "ORG" and f.is_org and f.head is not None)
            or (t.label == "LOC" and f.group is Group.PLACE)
        ):
            continue
        more = [tok for tok in sm.tokens[first : t.j] if tok.start >= f.end]
        lower_ok = t.label == "ORG" and t.confidence >= EXTEND_LOWER and _closed(sm.tokens, t.j, lex)
        if not (lower_ok or any(tok.is_cap for tok in more)):
            return False  # capitalised continuations, or lower-case ones of a body the model is sure of
        if any(clause_opener(sm.tokens, k) for k in range(first, t.j) if sm.tokens[k].start >= f.end):
            return False  # Sở Nội vụ | Trình bày Tờ trình: a clause opens there
        if not _joins_fields(sm.tokens, first, t.j, f, lex):
            return False  # Bộ Công nghiệp và Tài chính, Trường ĐH KHTN và Sư phạm: two bodies
        if _has_stop_word(_unjoined(sm.tokens, first, t.j, f.end, lex), lex):
            return False  # never a verb (HĐND tỉnh xem xét, Bộ Nội vụ chủ trì)
        if more[-1].key in lex.levels:
            return False  # a name closed by a level word is the rules' (Ban Tuyên giáo huyện)
        if any(tok.key == word("term") or tok.key in tagger_words()["after_name"] for tok in more):
            return False  # the term is no part of the name (HĐND tỉnh Bình Phước khóa X)
        inside = [g for g in sm.found if g is not f and g.start < end and f.end <= g.start]
        if not all(_closing_place(g, end) for g in inside):
            return False  # a name found inside; a place may close the body (Viện Khoa học & Kỹ thuật Hà Nội)
        f.end = end
        f.text = sm.sentence.text[start - sm.sentence.start : end - sm.sentence.start]
        f.bare = False
        return True
    return False


def _foreign_body(st: SentenceState, t: Tagged) -> bool:
    """'Chính phủ New Zealand': a national head (bare) followed by a country other than the
    article's own is that country's body; the name takes the country (which stays a place
    when a rule found it). True when a name was so extended."""
    if t.label == "LOC":  # the country alone was tagged: it follows the head
        country = (t.i, t.j)
    elif t.label == "ORG":  # the whole body was tagged: the country is a place a rule found
        end = st.tokens[t.j - 1].end
        place = next((g for g in st.found if g.group is Group.PLACE and g.end == end), None)
        if place is None:
            return False
        country = (next(k for k, tok in enumerate(st.tokens) if tok.start == place.start), t.j)
    else:
        return False
    i, j = country
    if i == 0 or " ".join(tok.key for tok in st.tokens[i:j]) in tagger_words()["country"]:
        return False
    for f in st.found:
        national = f.head is not None and f.head.national
        if f.is_org and f.bare and national and f.inner is None and f.end == st.tokens[i - 1].end:
            f.end = st.tokens[j - 1].end
            f.text = st.text[f.start - st.base : f.end - st.base]
            f.bare = False
            return True
    return False


def _ends_word(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """Whether token ``k`` ends a dictionary word of two or three syllables that is no level word
    itself (xã of hợp tác xã, not of thị xã)."""
    two = f"{tokens[k - 1].key} {tokens[k].key}" if k > 0 else ""
    three = f"{tokens[k - 2].key} {two}" if k > 1 else ""
    return any(w in lex.words and w not in lex.levels for w in (two, three) if w)


def _inside(st: SentenceState, t: Tagged) -> tuple[int, int, list[Found]]:
    """The text offsets a tagged span covers and the rules' mentions that overlap it."""
    start, end = st.tokens[t.i].start, st.tokens[t.j - 1].end
    return start, end, [f for f in st.found if f.start < end and start < f.end]


def _around_place(st: SentenceState, t: Tagged, covered: Spans) -> bool:
    """Whether a tagged organisation holds, at its end, only places the rules found (BV Sóc Trăng,
    Ga Sài Gòn, ĐH Houston Hoa Kỳ): the body is a name of its own, the place stays one too."""
    if t.label != "ORG" or st.tokens[t.i].start in covered:
        return False
    levels = st.lex.levels
    if any(st.tokens[k].key in levels and not _ends_word(st.tokens, k, st.lex) for k in range(t.i, t.j)):
        return False  # Cổng TTĐT tỉnh Đắk Nông: a body with the place's level word is the rules' call
    start, end, inside = _inside(st, t)
    return bool(inside) and all(f.group is Group.PLACE and start < f.start and f.end == end for f in inside)


def _namesake(st: SentenceState, t: Tagged) -> Found | None:
    """The person a tagged organisation is named after (Viện bảo tàng Hồ Chí Minh, trường Nguyễn
    Du, Công ty Trịnh Sơn Thủy): the only mention the rules found in the span, a person with no
    post, right after the body's head and its lower-case kind, up to the span's end. None when not."""
    if t.label != "ORG":
        return None
    head = match_head(st.tokens, t.i, st.lex.heads)
    if head is None or head.kind == "-":
        return None
    k = t.i + len(head.words)
    while k < t.j and st.tokens[k].is_word and not st.tokens[k].is_cap:
        k += 1
    if k >= t.j:
        return None
    start, end, inside = _inside(st, t)
    if len(inside) != 1:
        return None
    g = inside[0]
    named = g.group is Group.PERSON and not g.posts and g.inner is None
    return g if named and g.start == st.tokens[k].start and g.end == end else None


def _lone_head(st: SentenceState, t: Tagged) -> Found | None:
    """The word a rule read alone at the start of a tagged organisation that goes on in lower case
    (Đoàn | chèo Thái Bình, Đoàn | vận tải 971: not the Youth Union of 'Đoàn' alone); None when the
    span holds a stop word, a joiner or any other mention than places closing it."""
    if t.label != "ORG" or t.j - t.i < 3 or st.tokens[t.i + 1].is_cap:
        return None
    rest = st.tokens[t.i + 1 : t.j]
    if _has_stop_word(rest, st.lex) or any(tok.key in tagger_words()["joiner"] for tok in rest):
        return None  # Đoàn | và phong trào thanh thiếu nhi: the Youth Union, then prose
    start, end, inside = _inside(st, t)
    lone = [
        f
        for f in inside
        if f.is_org and f.bare and f.head is None and (f.start, f.end) == (start, st.tokens[t.i].end)
    ]
    if len(lone) != 1 or not all(f is lone[0] or _closing_place(f, end) for f in inside):
        return None
    return lone[0]


def article_words(st: SentenceState) -> DocWords:
    """What the sentence's article says of its words, read once per article and thread."""
    if getattr(_LOCAL, "doc", None) is not st.doc:
        _LOCAL.words = doc_words((s.text for s in st.doc.sentences), st.lex)
        _LOCAL.doc = st.doc
    words: DocWords = _LOCAL.words
    return words


def _before_bracket(tokens: list[Token], t: Tagged) -> Tagged:
    """A tagged name that runs into an opening bracket ends before it: what the bracket holds is an
    abbreviation or a note (Ban Quản lý dự án X (PMU 415)), which the rules read as an alias."""
    for k in range(t.i + 2, t.j):
        if tokens[k].text == "(":
            return replace(t, j=k)
    return t


def _before_address(tokens: list[Token], t: Tagged, lex: Lexicon) -> Tagged:
    """A tagged organisation that runs into a house number and its street ends before the number
    (Trung tâm Hội nghị quốc tế | 11 Lê Hồng Phong): the body's address is no part of its name."""
    head = match_head(tokens, t.i, lex.heads)
    if t.label != "ORG" or head is None or head.kind == "-" or head.person:
        return t  # only a body whose head names no one (Trường cấp 3 Lê Lợi: a school's name)
    for k in range(t.i + 2, t.j):
        if street_after_number(tokens, k, lex):
            return replace(t, j=k - 1)
    return t


def rule_tagged_names(st: SentenceState) -> None:
    """The learned tagger's names that no earlier rule found (rules keep their spans, types and
    structure; a flat organisation name the tagger continues with capitalised words takes its end)."""
    lex = st.lex
    covered = Spans(st.base, len(st.text))
    for f in st.found:
        covered.add(f.start, f.end)
    covered = covered.union(st.taken)  # and what a rule read as no name (tiếng Anh: a language)
    previous = None
    for tagged in tag_tokens(st.tokens, article_words(st)):
        t, before = _before_address(st.tokens, _before_bracket(st.tokens, tagged), lex), previous
        previous = tagged
        if t.confidence < MIN_CONFIDENCE[t.label]:
            continue
        t = _trim_tail(st.tokens, t, lex)
        if t.j - t.i > 1 and numeral_of_before(st.tokens, t.i):
            t = replace(t, i=t.i + 1)  # Đại hội lần XII | Đảng bộ TP: the numeral is the congress's
        if t.label != "ORG" and closed_by_body_word(st.tokens, t.i, t.j):
            t = replace(t, label="ORG")  # Manchester University: a body, not a place or a person
        start, end = st.tokens[t.i].start, st.tokens[t.j - 1].end
        fits = None if t.label == "PER" else plausible(st.tokens, t, lex)  # asked once, used twice
        if (fits and _extend(st, t, lex)) or _foreign_body(st, t):
            continue
        replaced = None
        if _cut_person(st, t, before):
            pass  # the rule's body ended with the person: cut there, the person is added below
        elif any(st.tokens[k].start in covered for k in range(t.i, t.j)) and not _around_place(
            st, t, covered
        ):
            replaced = _namesake(st, t) or _lone_head(st, t)
            if replaced is None:
                continue
        if not (plausible(st.tokens, t, lex) if fits is None else fits):
            continue
        if replaced is not None:
            st.found.remove(replaced)  # the body's name, or its head read alone
        group, kind = _GROUP_KIND[t.label]
        level = _level_length(st.tokens, t.i, t.j, lex) if group is Group.PLACE else 0
        if level:  # huyện Văn Chấn: the place is Văn Chấn (the level word becomes an alias later)
            start = st.tokens[t.i + level].start
        f = Found(start, end, st.text[start - st.base : end - st.base], group, kind, st.index)
        if group is Group.ORG:
            f.head = _org_head(st.tokens, t.i, lex)
        st.add(f)


def _cut_person(st: SentenceState, t: Tagged, before: Tagged | None) -> bool:
    """A person the tagger finds right after the body it tags, where a rule read the two as one body
    (Ủy ban Pháp luật Quốc hội | Giàng A Chu: a family name no word list holds): the rule's body ends
    before the person, unless the person is one bodies are named after. True when a body was so cut."""
    if t.label != "PER" or before is None or before.label != "ORG" or before.j != t.i:
        return False
    if (
        not plausible(st.tokens, t, st.lex)
        or " ".join(tok.key for tok in st.tokens[t.i : t.j]) in st.lex.name_people
    ):
        return False  # Trường Bán công Tôn Đức Thắng: a person things are named after
    body_start, cut = st.tokens[before.i].start, st.tokens[t.i - 1].end
    _, end, glued = _inside(st, t)
    if len(glued) != 1 or not (glued[0].is_org and glued[0].start == body_start and glued[0].end == end):
        return False  # the rules found something else there
    f = glued[0]
    if f.inner is not None and f.inner.end > cut:
        return False
    f.end = cut
    f.text = st.sentence.text[f.start - st.sentence.start : cut - st.sentence.start]
    return True


#: Lower-case words no name holds inside it ('như': such as; 'nhưng': but; 'rằng': that): a tagged
#: span reaching over one is two things read as one.
_INNER_BREAKERS = frozenset(name_key(w) for w in words("inner_breakers"))


def _trim_tail(tokens: list[Token], t: Tagged, lex: Lexicon) -> Tagged:
    """The tagged span without the lower-case stop words and joiners it ends with (Rotary
    International | thường xuyên; … lao động | và): no name ends with an adverb or a 'và', nor with
    a number counting the word after it (Tam Đảo | 3 ngày); a name written twice is written once;
    a word no name holds cuts it (Bộ Tư lệnh biệt động | như Tư Chu: 'such as')."""
    j = written_once(tokens, t.i, t.j)  # Cologne | Cologne: a heading glued to the lead
    j = next((k for k in range(t.i + 1, j) if tokens[k].key in _INNER_BREAKERS and not tokens[k].is_cap), j)
    if j - t.i > 1 and counted_number(tokens, j - 1, lex, lower=not tokens[t.i].is_cap):
        j -= 1  # Tam Đảo | 3 ngày: a count after the name
    while j - t.i > 1 and not tokens[j - 1].is_cap:
        two = f"{tokens[j - 2].key} {tokens[j - 1].key}" if j - t.i > 2 else ""
        if two in lex.stop_words and not tokens[j - 2].is_cap:
            j -= 2
        elif tokens[j - 1].key in lex.stop_words or tokens[j - 1].text in ("-", "–", ",", "&"):
            j -= 1
        else:
            break
    return t if j == t.j else replace(t, j=j)


def _level_length(tokens: list[Token], i: int, j: int, lex: Lexicon) -> int:
    """Tokens of the level word opening a place span (huyện, thành phố, TP), 0 when none."""
    if all(tok.is_number for tok in tokens[j - 1 : j]) and j - i <= 3:
        return 0  # phường 1, quận 10: the number alone names nothing
    if j - i > 2 and f"{tokens[i].key} {tokens[i + 1].key}" in lex.levels:
        return 2
    if j - i > 1 and (tokens[i].key in lex.levels or tokens[i].text in lex.levels):
        if level_initial(tokens, i):
            return 0  # P.N.A., Lawrence H. Summers: initials
        return 2 if j - i > 2 and tokens[i + 1].text == "." else 1
    return 0


def _level_before(f: Found, text: str) -> int:
    """Offset where the level word written before a place starts (quận Bình Thạnh), -1 when none."""
    first = level_word_before(text, f.start)[0]
    return first.start if first is not None and first.key not in tagger_words()["not_level"] else -1


def _degree_before(f: Found, text: str) -> int:
    """Offset where the degrees and callings written before a person start (GS, TS. Nguyễn Văn A;
    nhạc sĩ Nguyễn Văn B), -1 when none."""
    degrees = tagger_words()["degree"]
    before = tokenize(text[max(0, f.start - 40) : f.start], max(0, f.start - 40))
    start, k = -1, len(before)
    while k > 0:
        if before[k - 1].text in ",.-":
            k -= 1
        elif k > 1 and f"{before[k - 2].key} {before[k - 1].key}" in degrees:
            k -= 2
            start = before[k].start
        elif before[k - 1].key in degrees:
            k -= 1
            start = before[k].start
        else:
            break
    return start


def add_written_levels(found: list[Found], entities: dict[str, Entity], text: str) -> None:
    """A place written after its level word (quận Bình Thạnh, TP Đà Nẵng) and a person after their
    degrees or calling (TS. Nguyễn Văn A) have that written form as an alias; as a form
    (kg:mentionedAs, see extract.forms) when the article also writes the name on its own."""
    extra: dict[str, set[str]] = {}
    alone: set[str] = set()  # the entities the article also names without a level word or degree
    for f in found:
        if f.key not in entities:
            continue
        if f.group is Group.PLACE:
            start = _level_before(f, text)
        elif f.group is Group.PERSON:
            start = _degree_before(f, text)
        else:
            continue
        if start >= 0:
            extra.setdefault(f.key, set()).add(" ".join(text[start : f.end].split()))
        elif f.group is Group.PLACE or name_key(f.text) == name_key(entities[f.key].label):
            alone.add(f.key)  # a person by the full name, not the given name alone
    for key, written in extra.items():
        entity = entities[key]
        if key in alone:
            forms = tuple(sorted((set(entity.forms) | written) - {entity.label, *entity.aliases}))
            entities[key] = replace(entity, forms=forms)
        else:
            entities[key] = entity.with_aliases(written)
