"""Normalise Vietnamese text once and split it into sentences with offsets.

Text arrives NFC or NFD, with old or new tone placement (``uỷ``/``ủy``), odd spaces and
control characters. ``normalize_text`` makes one canonical form (NFC, the common tone
placement ``ủy``/``hóa``, plain spaces); every offset kgraph reports refers to that form.
``name_key`` and ``fold`` are the comparison keys used for identity and search.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from importlib import resources

from .model import Article, Document, Sentence

TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
_TONE_SET = frozenset(TONE_MARKS)
_VOWELS = frozenset("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")
_MARKED_VOWELS = frozenset("ăâêôơưĂÂÊÔƠƯ")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_OTHER_SPACES = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"  # white space that becomes a plain space
_SPACES = re.compile(f"[ {_OTHER_SPACES}]+")
_OTHER_SPACE = re.compile(f"[{_OTHER_SPACES}]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: A line break that may be a wrap inside a sentence (legal texts and some pages break lines
#: at a fixed width): one break between a word or a comma and a word.
#: Written from its line break on, whose literal lets the engine skip to each break (the look-behind
#: first made it try every character: 5 ms of 100 articles, now 0.1).
_MAYBE_WRAP = re.compile(r"\n(?<=(?:[^\W_]|,)\n)(?=[^\W_])")
#: An enumerator opening a line (``1.``, ``2)``, ``a)``): a list item, never a wrapped line.
_ENUMERATOR = re.compile(r"(?:\d{1,3}|[a-zđ])[.)]\s")


def _odd_spaces(text: str) -> bool:
    """Whether ``_SPACES`` changes ``text``: two plain spaces in a row, or another space character."""
    return "  " in text or _OTHER_SPACE.search(text) is not None


def _unwrap(match: re.Match[str]) -> str:
    """A space for a wrap inside a sentence (the next line goes on in lower case, or with a
    number after a lower-case word: ``số\\n03/2014``); the line break otherwise."""
    text, after = match.string, match.end()
    following = text[after]
    if _ENUMERATOR.match(text, after):
        return "\n"
    if following.islower() or (following.isdigit() and text[match.start() - 1].islower()):
        return " "
    return "\n"


def _tone_index(base: str) -> int:
    """Where the tone mark goes in a toneless syllable (common placement: hóa, thủy)."""
    lower = base.lower()
    # 'qu' and 'gi' + vowel: the u / i belongs to the consonant
    start = 0
    if lower.startswith("qu") or (lower.startswith("gi") and len(lower) > 2 and lower[2] in "aăâeêoôơuưy"):
        start = 2
    vowels = [i for i in range(start, len(base)) if base[i] in _VOWELS]
    if not vowels:
        vowels = [i for i in range(len(base)) if base[i] in _VOWELS]
        if not vowels:
            return -1
    marked = [i for i in vowels if base[i] in _MARKED_VOWELS]
    if marked:
        return marked[-1]
    closed = vowels[-1] < len(base) - 1
    if closed or len(vowels) == 1:
        return vowels[-1]
    if len(vowels) >= 3:
        return vowels[1]
    return vowels[0]


@lru_cache(maxsize=262144)
def _place_tone(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    tones = [c for c in decomposed if c in _TONE_SET]
    if len(tones) != 1:
        return word
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_SET))
    if not all(c.isalpha() for c in base) or len(base) > 7:
        return word
    index = _tone_index(base)
    if index < 0:
        return word
    placed = base[: index + 1] + tones[0] + base[index + 1 :]
    return unicodedata.normalize("NFC", placed)


#: Words whose tone mark may sit elsewhere than the common place: a marked a/e/y after o/u
#: (hoà, khoẻ, uỷ), or a loose combining mark. Only these are looked at, which keeps
#: normalising an article one C-level scan.
_MAYBE_MISPLACED = re.compile(
    "(?:(?<![^\\W\\d_])|(?=[\u0300\u0301\u0303\u0309\u0323]))"  # a word's start: linear time
    "[^\\W\\d_]*(?:[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ]|[\u0300\u0301\u0303\u0309\u0323])[^\\W\\d_]*"
)


#: What every ``_MAYBE_MISPLACED`` match holds: a cheap scan finds the few words worth its look.
_TONE_CUE = re.compile("[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ]|[\u0300\u0301\u0303\u0309\u0323]")


def _retone(match: re.Match[str]) -> str:
    return _place_tone(match.group(0))


def normalize_tones(text: str) -> str:
    """Put every syllable's tone mark in the common place (``uỷ`` -> ``ủy``).

    A match never crosses white space and always holds a ``_TONE_CUE``, so only the runs of
    non-space characters holding one are rewritten (same result, a third of the time)."""
    pieces: list[str] = []
    last = 0
    for cue in _TONE_CUE.finditer(text):
        if cue.start() < last:
            continue  # in the run just rewritten
        start, end = _cue_run(text, cue, last)
        pieces += (text[last:start], _MAYBE_MISPLACED.sub(_retone, text[start:end]))
        last = end
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def _cue_run(text: str, cue: re.Match[str], last: int) -> tuple[int, int]:
    """The run of non-space characters holding a ``_TONE_CUE`` (from ``last`` on at most)."""
    start, end, size = cue.start(), cue.end(), len(text)
    while start > last and not text[start - 1].isspace():
        start -= 1
    while end < size and not text[end].isspace():
        end += 1
    return start, end


def _tone_edits(text: str) -> Iterator[Edit]:
    """Each ``_MAYBE_MISPLACED`` match of ``text`` and its tone put in place, found in the runs
    ``normalize_tones`` rewrites (the same matches: a scan of the whole text took four times longer)."""
    last = 0
    for cue in _TONE_CUE.finditer(text):
        if cue.start() < last:
            continue
        start, last = _cue_run(text, cue, last)
        for match in _MAYBE_MISPLACED.finditer(text[start:last]):
            yield start + match.start(), start + match.end(), _place_tone(match.group(0))


def normalize_text(text: str) -> str:
    """The canonical form of an article's text: the extractor's offsets refer to it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub(" ", text)
    text = unicodedata.normalize("NFC", text)
    if _odd_spaces(text):  # a lone plain space is left as it is: most texts hold nothing else
        text = _SPACES.sub(" ", text)
    text = normalize_tones(text)
    if " \n" in text or "\n " in text:
        text = re.sub(r" *\n *", "\n", text)
    text = _MAYBE_WRAP.sub(_unwrap, text)
    return text.strip()


#: One change a normalising step made: (new start, new end, old start, old end).
Change = tuple[int, int, int, int]
#: An edit a normalising step makes: (start, end, new text) of the text it reads.
Edit = tuple[int, int, str]


class OffsetMap:
    """Offsets in the normalised text -> offsets in the text it was made from (the article
    as read), through the changes each normalising step made (only those that changed a
    length are kept: elsewhere offsets move one for one)."""

    def __init__(self) -> None:
        self._steps: list[tuple[list[int], list[Change]]] = []

    def add(self, changes: list[Change]) -> None:
        if changes:
            self._steps.append(([c[0] for c in changes], changes))

    def original(self, offset: int) -> int:
        """Where ``offset`` of the normalised text falls in the original (a boundary inside a
        changed span falls at that span's start)."""
        for starts, changes in reversed(self._steps):
            index = bisect_right(starts, offset) - 1
            if index < 0:
                continue
            new_start, new_end, old_start, old_end = changes[index]
            offset = old_end + (offset - new_end) if offset >= new_end else old_start
        return offset


def _subs(
    pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str]
) -> Callable[[str], Iterator[Edit]]:
    """The edits of ``pattern.sub(replace, text)``, as a step's edits."""
    return lambda text: ((m.start(), m.end(), replace(m)) for m in pattern.finditer(text))


def _tracked(text: str, edits: Iterable[Edit]) -> tuple[str, list[Change]]:
    """``text`` with each edit's span (in order, none overlapping) replaced by its new text, and the
    spans whose length changed."""
    pieces: list[str] = []
    changes: list[Change] = []
    last = shift = 0
    for start, end, new in edits:
        pieces.append(text[last:start])
        pieces.append(new)
        if len(new) != end - start:
            at = start + shift
            changes.append((at, at + len(new), start, end))
            shift += len(new) - (end - start)
        last = end
    pieces.append(text[last:])
    return "".join(pieces), changes


_LINE_ENDS = re.compile(r"\r\n?")
#: Characters a quoted sentence may not hold: line breaks of any kind (N-Triples lines,
#: ``str.splitlines``) and other control characters.
_UNQUOTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f\x85\u2028\u2029]")
_CHUNK = re.compile(r"\S+")  # NFC never composes across white space
#: What ``_SPACES`` and the line-end clean-up change (a lone plain space is left as it is).
_SPACES_CHANGED = re.compile(f"[ {_OTHER_SPACES}]{{2,}}|[{_OTHER_SPACES}]")
_LINE_SPACES = re.compile(r" +\n *|\n +")


#: A normalising step: a look, cheaper than its edits' scan, whether it may change a text (False:
#: it changes nothing), and the edits it makes of a text.
Step = tuple[Callable[[str], bool], Callable[[str], Iterable[Edit]]]


def _steps() -> list[Step]:
    """``normalize_text``'s steps in its order (made at each call: they read the module's patterns)."""
    return [
        (_has_return, _subs(_LINE_ENDS, lambda m: "\n")),
        (_always, _subs(_INVISIBLE, lambda m: "")),
        (_has_control, _subs(_CONTROL, lambda m: " ")),  # one for one: no offset moves
        (_not_nfc, _subs(_CHUNK, lambda m: unicodedata.normalize("NFC", m.group(0)))),
        (_odd_spaces, _subs(_SPACES_CHANGED, lambda m: " ")),
        (_always, _tone_edits),
        (_line_spaces, _subs(_LINE_SPACES, lambda m: "\n")),
        (_always, _subs(_MAYBE_WRAP, _unwrap)),
    ]


def _always(text: str) -> bool:
    return True


def _has_return(text: str) -> bool:
    return "\r" in text


def _has_control(text: str) -> bool:
    return _CONTROL.search(text) is not None


def _not_nfc(text: str) -> bool:
    return not unicodedata.is_normalized("NFC", text)


def _line_spaces(text: str) -> bool:
    return " \n" in text or "\n " in text


def normalize_with_offsets(text: str) -> tuple[str, OffsetMap]:
    """``normalize_text(text)`` and the map of its offsets back to ``text``."""
    offsets = OffsetMap()
    out = text
    for may_change, edits in _steps():
        if may_change(out):
            out, changes = _tracked(out, edits(out))
            offsets.add(changes)
    stripped = out.lstrip()
    offsets.add([(0, 0, 0, len(out) - len(stripped))] if len(stripped) < len(out) else [])
    return stripped.rstrip(), offsets


_KEY_JOINS = re.compile(r"\s*([-/])\s*")
_KEY_PUNCTUATION = re.compile(r"[\"'“”‘’«»()\[\],.;:]+")


@lru_cache(maxsize=262144)
def name_key(name: str) -> str:
    """Identity key of a name: NFC, common tone placement, lower case, single spaces."""
    text = normalize_tones(unicodedata.normalize("NFC", name)).lower()
    if "-" in text or "/" in text:  # the patterns compiled once, the join skipped when idle
        text = _KEY_JOINS.sub(r"\1", text)
    text = _KEY_PUNCTUATION.sub(" ", text)
    return " ".join(text.split())


def fold(text: str) -> str:
    """Accent-free lower-case ASCII form (``Đảng ủy`` -> ``dang uy``), for slugs and search."""
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


#: Onset, vowels and final of a Vietnamese syllable written without diacritics (k ends the
#: syllables of the Central Highlands' names: Đắk Lắk)
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?([aeiouy]{1,3})(?:ng|nh|ch|[cmnptk])?"
)
#: The vowels in a row a Vietnamese syllable may hold (diacritics dropped: ươ is uo, iê is ie)
_VOWEL_GROUPS = frozenset(
    "a e i o u y ai ao au ay eo eu ia ie iu oa oe oi oo ua ue ui uo uu uy ya ye "
    "ieu yeu oai oay oeo uay uoi uou uya uye uyu".split()
)


@lru_cache(maxsize=65536)
def foreign_word(text: str) -> bool:
    """Whether a word (not an acronym) is no Vietnamese syllable, with or without its diacritics:
    a consonant cluster (Fr, sk), a final other than c, ch, m, n, ng, nh, p, t, the letters f, j,
    w, z, vowels in a row Vietnamese never writes (Rice, Boeing, Koizumi; not Nguyen, Quyết)."""
    if len(text) < 3 or not text.isalpha() or text.isupper():
        return False
    m = _SYLLABLE.fullmatch(fold(text))
    return m is None or m.group(1) not in _VOWEL_GROUPS


# Sentence ends: . ! ? … followed by a space and a capital, a quote or a digit; or a line break
# (never the level word 'TP.' before the acronym of the city it names: TP. HCM).
_BOUNDARY = re.compile(r"(?<=[.!?…])(?!(?<=\bT[Pp]\.)\s+[A-ZĐ]{2,}\b)[\"”’)]?\s+(?=[\"“‘(]?[A-ZÀ-ỸĐ0-9])|\n+")
_OPEN_QUOTES = "“"
_CLOSE_QUOTES = "”"
_CURLY_QUOTE = re.compile(f"[{_OPEN_QUOTES}{_CLOSE_QUOTES}]")
#: Capitals that may be a name's initial (not the numerals I, V, X, nor C as in 40 độ C)
_INITIALS = frozenset("ABDEFGHKLMNOPQRSTUYĐ")
_LAST_WORD = re.compile(r"[^\W\d_]+$")


def _level_letters() -> dict[str, str]:
    """The capitals that abbreviate a level word (``levels.tsv``) -> that word: Q. quận, P. and F.
    phường, H. huyện (the one list of them: names and sites read it too)."""
    text = (resources.files("kgraph") / "data" / "levels.tsv").read_text(encoding="utf-8")
    cells = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    shorts = ((row[0], short) for row in cells if len(row) > 1 for short in row[1].split(","))
    return {short: word for word, short in shorts if len(short) == 1 and short.isupper()}


#: Capitals that abbreviate a level word in an address -> that word (Q. quận, P. phường)
LEVEL_LETTERS = _level_letters()
_LEVEL_INITIALS = frozenset(LEVEL_LETTERS)


def _initial_before(text: str, end: int) -> bool:
    """Whether the full stop before ``end`` closes a name's initial (Ảnh: N. Hữu, Anh T. Sơn, Stephen
    W. Hawking): a lone capital after a line's start, '(', ':' or a capitalised word."""
    if end < 2 or text[end - 2] not in _INITIALS:
        return False
    if end == 2 or text[end - 3] in "\n(:":
        return True
    if text[end - 3] != " ":
        return False
    if text[end - 2] in _LEVEL_INITIALS and end > 3 and text[end - 4] in ",-–":
        return True  # an address: '… Lê Lợi - Q. Gò Vấp', ', P. Bến Thành'
    before = text[max(0, end - 40) : end - 3]
    if before.endswith(":"):
        return True
    word = _LAST_WORD.search(before)
    return word is not None and word.group(0)[0].isupper()


_NEXT_WORD = re.compile(r"[^\W\d_]+")


def _foreign_initial(text: str, end: int, after: int) -> bool:
    """Whether the full stop before ``end`` closes any capital's initial before a foreign name
    (Ngoại trưởng Mỹ C. Rice, Stephen W. Hawking): a lone capital after a capitalised word, and a
    word no Vietnamese syllable spells after it (not 40 độ C. Trong, nor Vitamin C. Sau)."""
    if end < 4 or not text[end - 2].isupper() or text[end - 3] != " ":
        return False
    word = _LAST_WORD.search(text, max(0, end - 40), end - 3)
    following = _NEXT_WORD.match(text, after)
    return (
        word is not None
        and word.group(0)[0].isupper()
        and following is not None
        and foreign_word(following.group(0))
    )


#: A quotation left open this long (characters) is a stray mark, not a quoted title
MAX_QUOTE = 600


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences of normalised text, with offsets; a boundary inside curly quotes is no boundary
    (titles hold full stops), unless the quote has stayed open for ``MAX_QUOTE`` characters."""
    sentences: list[Sentence] = []
    start = 0
    depth = 0  # curly quotes open between ``start`` and ``scanned``
    opened_at = -1
    scanned = 0
    quotes = [m.start() for m in _CURLY_QUOTE.finditer(text)]  # only they are looked at: linear time
    next_quote = 0
    for match in _BOUNDARY.finditer(text):
        cut = match.start()
        if text[cut - 1 : cut] == "." and text[cut] != "\n":
            if _initial_before(text, cut) or _foreign_initial(text, cut, match.end()):
                continue  # 'Ảnh: N. Hữu', 'Mỹ C. Rice': an initial, not a sentence's end
        if text[cut : match.end()].strip() and text[cut] in '"”’)':
            cut = match.start() + 1
        while next_quote < len(quotes) and quotes[next_quote] < cut:  # the quotes in [scanned, cut)
            pos = quotes[next_quote]
            next_quote += 1
            if pos < scanned:
                continue
            if text[pos] == _OPEN_QUOTES:
                if depth == 0:
                    opened_at = pos
                depth += 1
            elif depth > 0:
                depth -= 1
        scanned = max(scanned, cut)
        stray = depth > 0 and cut - opened_at > MAX_QUOTE
        if match.group(0).startswith("\n") or depth == 0 or stray:
            _add_sentence(sentences, text, start, cut)
            start = match.end()
            depth = 0
            scanned = max(scanned, start)
    _add_sentence(sentences, text, start, len(text))
    return tuple(sentences)


#: Guards that keep every later stage linear in the article's length, whatever its shape: a
#: sentence is cut after this many words in a row with no punctuation between them (news text
#: has at most ~75; names are far shorter), or after this many tokens in all (the longest
#: sentence of the 1,000-article corpus has ~2,250).
MAX_RUN_WORDS = 120
MAX_SENTENCE_TOKENS = 4000
#: Words (runs of letters, digits, joiners) and the punctuation that ends a run of them.
_GUARD_TOKEN = re.compile(r"[^\s,;:.!?…()\[\]“”\"]+|[,;:.!?…()\[\]“”\"]")
_RUN_BREAK = frozenset(',;:.!?…()[]“”"')


def _add_sentence(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return
    for piece_start, piece_end in _guard_cuts(text, start, end):
        out.append(Sentence(piece_start, piece_end, text[piece_start:piece_end]))


def _guard_cuts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[(start, end)]`` of the sentence, cut where it exceeds ``MAX_RUN_WORDS`` or
    ``MAX_SENTENCE_TOKENS`` (each cut falls before a word, so no word is split)."""
    if end - start <= MAX_RUN_WORDS * 2:
        return [(start, end)]
    if end - start <= MAX_SENTENCE_TOKENS and len(text[start:end].split()) <= MAX_RUN_WORDS:
        return [(start, end)]  # a run of words holds one word of each piece between spaces at most
    pieces: list[tuple[int, int]] = []
    run = tokens = 0
    piece = start
    for match in _GUARD_TOKEN.finditer(text, start, end):
        if match.group(0) in _RUN_BREAK:
            run = 0
        else:
            run += 1
        tokens += 1
        if run > MAX_RUN_WORDS or tokens > MAX_SENTENCE_TOKENS:
            cut = match.start()
            pieces.append((piece, _rstrip(text, piece, cut)))
            piece, run, tokens = cut, 1, 1
    pieces.append((piece, end))
    return pieces


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def make_document(article: Article) -> Document:
    """Normalise an article and split it into sentences; each sentence also carries where it
    stands in the article as read, and its text there (the evidence quoted as written)."""
    text, offsets = normalize_with_offsets(article.text)
    plain = normalize_text(article.text)
    if text != plain:  # never expected: then the normalised text is quoted
        return _document(article, plain, split_sentences(plain))
    return _document(
        article, text, tuple(_as_written(s, article.text, offsets) for s in split_sentences(text))
    )


def _document(article: Article, text: str, sentences: tuple[Sentence, ...]) -> Document:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(
        article=article,
        text=text,
        sentences=sentences,
        article_id=digest[:12],
        content_hash=digest,
        title=normalize_text(article.title),
        published=article.published,
        author=normalize_text(article.author),
    )


def _as_written(sentence: Sentence, original: str, offsets: OffsetMap) -> Sentence:
    """``sentence`` with its offsets and text in the article as read ('' when they cannot be
    quoted on one line: then the normalised form is the evidence)."""
    start, end = offsets.original(sentence.start), offsets.original(sentence.end)
    written = original[start:end]
    if not written.strip() or _UNQUOTABLE.search(written):
        return sentence
    return Sentence(sentence.start, sentence.end, sentence.text, start, end, written)  # not replace(): 3 µs
