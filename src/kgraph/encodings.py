"""Decode an article's bytes into Unicode, whatever Vietnamese encoding they arrived in.

Vietnamese archives hold UTF-8 (with or without BOM), UTF-16, Windows-1258 (base letters
plus combining tone marks) and the pre-Unicode font encodings TCVN3 (ABC) and VNI. The
font encodings are invisible to ordinary decoders: their bytes read as Windows-1252
mojibake (``ViÖt Nam``, ``Vieät Nam``), and often that mojibake has itself been saved
as UTF-8. So every plausible reading is tried and the one yielding the most valid
Vietnamese syllables wins; ordinary UTF-8 wins every tie. The TCVN3 and VNI tables are
data files (``data/tcvn3.tsv``, ``data/vni.tsv``) written from the published charts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from importlib import resources

#: Encodings with a conversion table under ``data/``.
LEGACY = ("tcvn3", "vni")
#: Human names used in warnings.
NAMES = {
    "utf-8": "UTF-8",
    "utf-16": "UTF-16",
    "cp1258": "Windows-1258",
    "tcvn3": "TCVN3 (ABC)",
    "vni": "VNI",
    "mojibake": "UTF-8 read as Windows-1252 (mojibake)",
}
#: Characters sampled to choose an encoding: enough to decide, cheap on a 5 MB article.
SAMPLE = 100_000

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_WORD = re.compile(r"[^\W\d_]+")
_ONSET = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
# Vowel groups of Vietnamese rimes (tone marks removed); codas follow some of them.
_OPEN_VOWELS = (
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iu iêu oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy "
    "ưa ưi ươ ưu uya uyê uyu oai oao oay oeo uây uôi ươi ươu yê yêu"
).split()
_CLOSED_VOWELS = "a ă â e ê i o ô ơ u ư y iê oa oă oe oo uâ uê uô uơ uy ươ uyê yê".split()
_SYLLABLE = re.compile(
    rf"(?:{_ONSET})?(?:(?:{'|'.join(sorted(_CLOSED_VOWELS, key=len, reverse=True))})(?:ch|ng|nh|c|m|n|p|t)"
    rf"|(?:{'|'.join(sorted(_OPEN_VOWELS, key=len, reverse=True))}))"
)
_LETTERS = frozenset("abcdđeghiklmnopqrstuvxyăâêôơư")


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, with how it was read."""

    text: str
    encoding: str  # a key of NAMES
    replaced: int = 0  # invalid bytes replaced by U+FFFD
    first_bad: int = -1  # byte offset of the first invalid byte, -1 when none


@cache
def load_table(name: str) -> dict[str, bytes]:
    """Unicode letter -> legacy bytes, read from ``data/<name>.tsv``."""
    if name not in LEGACY:
        raise ValueError(f"no conversion table for {name!r}; known: {', '.join(LEGACY)}")
    table: dict[str, bytes] = {}
    text = (resources.files("kgraph") / "data" / f"{name}.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        letter, code = line.split("\t")[:2]
        table[letter] = bytes.fromhex(code)
    return table


def _cp1252_char(byte: int) -> str:
    """What Windows-1252 shows for ``byte`` (Latin-1 for the five bytes it leaves undefined)."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


_BYTE_CHARS = [_cp1252_char(b) for b in range(256)]
_CHAR_BYTES = {char: bytes([b]) for b, char in enumerate(_BYTE_CHARS)}


_PRIVATE = 0xE000  # two-byte VNI sequences pass through the Private Use Area while decoding


@cache
def _decoder(name: str) -> tuple[re.Pattern[str] | None, dict[str, str], dict[int, str]]:
    """(pattern of two-byte sequences, sequence -> private character, translation table).

    Work happens on Latin-1 text (one character per byte): sequences become private
    characters first, then one ``str.translate`` maps bytes and those characters to letters.
    """
    table: dict[int, str] = {b: _BYTE_CHARS[b] for b in range(0x80, 0x100)}
    pairs: dict[str, str] = {}
    for letter, code in sorted(load_table(name).items(), key=lambda item: item[1]):
        if len(code) == 1:
            table[code[0]] = letter
        else:
            private = chr(_PRIVATE + len(pairs))
            pairs[code.decode("latin-1")] = private
            table[ord(private)] = letter
    if not pairs:
        return None, pairs, table
    firsts = "".join(sorted({k[0] for k in pairs}))
    seconds = "".join(sorted({k[1] for k in pairs}))
    return re.compile(f"[{re.escape(firsts)}][{re.escape(seconds)}]"), pairs, table


def decode_legacy(data: bytes, name: str) -> str:
    """Decode TCVN3 or VNI bytes; bytes outside the table read as Windows-1252."""
    pattern, pairs, table = _decoder(name)
    raw = data.decode("latin-1")  # only U+0000-U+00FF: no clash with the private waypoints
    if pattern is not None:
        raw = pattern.sub(lambda m: pairs.get(m.group(0), m.group(0)), raw)
    text = raw.translate(table)
    if name == "tcvn3":
        text = _WORD.sub(_fix_case, text)
        text = _sentence_start(text)
    return text


def _sentence_start(text: str) -> str:
    """A TCVN3 sentence starting with a toned vowel lost its capital (``ở đây`` -> ``Ở đây``)."""
    return _toned_initial().sub(lambda m: m.group(0).upper(), text)


@cache
def _toned_initial() -> re.Pattern[str]:
    toned = "".join(sorted(c for c in load_table("tcvn3") if c.islower() and c not in "ăâêôơưđ"))
    return re.compile(f"(?:^|(?<=[.!?…]\\s)|(?<=\\n))[{toned}]", re.M)


def _fix_case(match: re.Match[str]) -> str:
    """TCVN3 capitals are lower-case codes in an upper-case font: ``VIệT`` -> ``VIỆT``."""
    word = match.group(0)
    if word.islower() or word.isupper() or word.istitle():
        return word
    cased = [c for c in word if c.isascii() and c.isalpha()]
    if len(cased) > 1 and all(c.isupper() for c in cased) and not word.isupper():
        return word.upper()
    return word


def encode_legacy(text: str, name: str) -> bytes:
    """Encode Unicode text as TCVN3 or VNI (the inverse of ``decode_legacy``, for tests and tools).

    Letters the encoding lacks (TCVN3's upper-case toned letters) are written lower case;
    other characters go through Windows-1252, ``?`` when it has none.
    """
    table = load_table(name)
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        if char in table:
            out += table[char]
        elif char.lower() in table:
            out += table[char.lower()]
        else:
            out += _CHAR_BYTES.get(char, b"?")
    return bytes(out)


def to_bytes_as_shown(text: str) -> bytes | None:
    """The bytes a Windows-1252 reader turned into ``text``, or None when it holds other characters."""
    try:
        return b"".join(_CHAR_BYTES[c] if c in _CHAR_BYTES else c.encode("ascii") for c in text)
    except (KeyError, UnicodeEncodeError):
        return None


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """True when ``word`` is a well-formed Vietnamese syllable (any case, at most one tone mark)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for c in decomposed if c in _TONES)
    if tones > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return all(c in _LETTERS for c in base) and _SYLLABLE.fullmatch(base) is not None


def syllable_score(text: str) -> int:
    """Valid Vietnamese syllables minus invalid non-ASCII words and replacement or control characters.

    ASCII words count for nothing: they read the same in every encoding.
    """
    text = unicodedata.normalize("NFC", text)
    score = 0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        score += 1 if is_syllable(word) else -1
    score -= sum(1 for c in text if c == "\ufffd" or (unicodedata.category(c) == "Cc" and c not in "\t\n\r"))
    return score


def _utf8(data: bytes) -> Decoded:
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        first_bad = error.start
    # each invalid byte becomes one lone surrogate, then one U+FFFD
    text = data.decode("utf-8", errors="surrogateescape")
    text, replaced = _SURROGATE.subn("\ufffd", text)
    return Decoded(text, "utf-8", replaced=replaced, first_bad=first_bad)


_SURROGATE = re.compile("[\udc80-\udcff]")


def _candidates(data: bytes, first: Decoded) -> list[tuple[str, Callable[[bytes], str], bytes]]:
    """(encoding, decoder, bytes it applies to) for each other plausible reading of ``data``."""
    found: list[tuple[str, Callable[[bytes], str], bytes]] = []
    if first.replaced:
        found.append(("cp1258", lambda b: b.decode("cp1258", errors="replace"), data))
        for name in LEGACY:
            found.append((name, partial(decode_legacy, name=name), data))
        return found
    shown = to_bytes_as_shown(first.text[:SAMPLE])
    if shown is not None and not first.text.isascii():
        for name in LEGACY:
            found.append((name, partial(decode_legacy, name=name), shown))
        found.append(("mojibake", lambda b: b.decode("utf-8", errors="replace"), shown))
    return found


def decode_text(data: bytes) -> Decoded:
    """Decode article bytes that carry no BOM, choosing the reading with the most Vietnamese syllables."""
    first = _utf8(data)
    if first.text.isascii() and not first.replaced:
        return first
    candidates = _candidates(data, first)
    if not candidates:  # valid UTF-8 that no legacy reading could have produced: nothing to compare
        return first
    best, best_score = first, syllable_score(first.text[:SAMPLE])
    for name, decoder, source in candidates:
        score = syllable_score(decoder(source[:SAMPLE]))
        if score > best_score:
            best, best_score = Decoded("", name), score
    if best is first:
        return first
    if best.encoding in LEGACY and not first.replaced:
        whole = to_bytes_as_shown(first.text)
        if whole is None:  # a character beyond the sample is no Windows-1252 mojibake
            return first
        return Decoded(decode_legacy(whole, best.encoding), best.encoding)
    if best.encoding == "mojibake":
        whole = to_bytes_as_shown(first.text)
        return first if whole is None else Decoded(whole.decode("utf-8", errors="replace"), "mojibake")
    if best.encoding == "cp1258":
        return Decoded(data.decode("cp1258", errors="replace"), "cp1258")
    return Decoded(decode_legacy(data, best.encoding), best.encoding)
