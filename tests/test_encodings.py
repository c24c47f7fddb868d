"""Decoding: every Vietnamese encoding in the archives becomes the same Unicode text."""

from __future__ import annotations

import codecs
import time
import unicodedata
from pathlib import Path

import pytest
from conftest import DATA, SEED

from kgraph.encodings import (
    LEGACY,
    decode_legacy,
    decode_text,
    encode_legacy,
    is_syllable,
    load_table,
    syllable_score,
)
from kgraph.read import decode_article

ENCODINGS = DATA / "encodings"
HOSTILE = DATA / "hostile"
#: Real UTF-8 articles: the seed and three corpus articles.
REAL = [SEED, *sorted(ENCODINGS.glob("*.txt"))]
TONES = "\u0300\u0301\u0303\u0309\u0323"


def read_utf8(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese keyboards write it: base letters, then combining tone marks."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out += base.encode("cp1258") + "".join(c for c in parts if c in TONES).encode("cp1258")
    return bytes(out)


# ---------------------------------------------------------------- the tables


def test_vni_table_has_every_vietnamese_letter_in_both_cases() -> None:
    table = load_table("vni")
    lower = [c for c in table if c.islower()]
    assert len(lower) == 67  # 12 vowels x 6 forms - 6 plain vowels + đ
    assert sorted(c.upper() for c in lower) == sorted(c for c in table if c.isupper())


def test_tcvn3_table_has_every_lower_case_letter_and_the_plain_capitals() -> None:
    table = load_table("tcvn3")
    assert len([c for c in table if c.islower()]) == 67
    assert sorted(c for c in table if c.isupper()) == sorted("ĂÂĐÊÔƠƯ")
    assert all(len(code) == 1 and code[0] >= 0xA1 for code in table.values())


@pytest.mark.parametrize("name", LEGACY)
def test_tables_are_one_to_one_and_decode_each_letter(name: str) -> None:
    table = load_table(name)
    assert len(set(table.values())) == len(table)
    for letter, code in table.items():
        # after a lower-case letter: TCVN3 capitalises a toned vowel that opens a sentence
        assert decode_legacy(b"x" + code, name) == "x" + letter, (letter, code.hex())


def test_unknown_table_is_refused() -> None:
    with pytest.raises(ValueError, match="tcvn3"):
        load_table("viqr")


# ---------------------------------------------------------------- known byte strings, written by hand

KNOWN = [
    # TCVN3: "Cộng hòa xã hội chủ nghĩa Việt Nam" as an ABC font stores it
    (
        "tcvn3",
        b"C\xe9ng h\xdfa x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam",
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
    ),
    # TCVN3: "Độc lập - Tự do - Hạnh phúc"
    ("tcvn3", b"\xa7\xe9c l\xcbp - T\xf9 do - H\xb9nh ph\xf3c", "Độc lập - Tự do - Hạnh phúc"),
    # TCVN3: "Thủ tướng" (ư is 0xAD, the soft hyphen of Windows-1252)
    ("tcvn3", b"Th\xf1 t\xad\xedng", "Thủ tướng"),
    # TCVN3: a heading typed in an upper-case font keeps its capitals
    ("tcvn3", b"BAN CH\xcaP H\xb5NH TRUNG \xa6\xa5NG", "BAN CHẤP HÀNH TRUNG ƯƠNG"),
    # VNI: "Cộng hòa xã hội chủ nghĩa Việt Nam"
    (
        "vni",
        b"Co\xe4ng ho\xf8a xa\xf5 ho\xe4i chu\xfb ngh\xf3a Vie\xe4t Nam",
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
    ),
    # VNI: "Đảng ủy" and "Thủ tướng" (ư = 0xF6, ơ + sắc = 0xF4 0xF9)
    ("vni", b"\xd1a\xfbng u\xfby", "Đảng ủy"),
    ("vni", b"Thu\xfb t\xf6\xf4\xf9ng", "Thủ tướng"),
    # VNI: capitals "VIỆT NAM"
    ("vni", b"VIE\xc4T NAM", "VIỆT NAM"),
]


@pytest.mark.parametrize(("name", "data", "text"), KNOWN)
def test_known_legacy_bytes_decode(name: str, data: bytes, text: str) -> None:
    assert decode_legacy(data, name) == text
    assert encode_legacy(text, name) == data


@pytest.mark.parametrize(("name", "data", "text"), KNOWN)
def test_known_legacy_bytes_are_detected_raw_and_as_utf8_mojibake(name: str, data: bytes, text: str) -> None:
    raw = decode_text(data)
    assert (raw.encoding, raw.text) == (name, text)
    shown = data.decode("cp1252").encode("utf-8")  # the same letters saved again as UTF-8
    again = decode_text(shown)
    assert (again.encoding, again.text) == (name, text)


# ---------------------------------------------------------------- real articles, round trip


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
@pytest.mark.parametrize("name", LEGACY)
def test_real_article_round_trips_through_legacy_encoding(path: Path, name: str) -> None:
    text = read_utf8(path)
    data = encode_legacy(text, name)
    assert not data.isascii()
    decoded = decode_text(data)
    assert decoded.encoding == name
    assert decoded.text == text


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_article_in_windows_1258_is_detected(path: Path) -> None:
    text = read_utf8(path)
    decoded = decode_text(encode_cp1258(text))
    assert decoded.encoding == "cp1258"
    assert any(c in TONES for c in decoded.text)  # tone marks arrive combining ...
    assert unicodedata.normalize("NFC", decoded.text) == text  # ... and compose to the original


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_ordinary_utf8_is_never_mistaken(path: Path) -> None:
    text = read_utf8(path)
    for variant in (text, unicodedata.normalize("NFD", text), text.lower(), text.upper()):
        decoded = decode_text(variant.encode("utf-8"))
        assert (decoded.encoding, decoded.text, decoded.replaced) == ("utf-8", variant, 0)


def test_short_utf8_written_only_with_latin1_letters_stays_utf8() -> None:
    # every letter here exists in Windows-1252, so TCVN3/VNI readings are possible: they must lose
    for text in ("Tôi yêu em", "Bà Nà", "Cà Mau", "Tây Ninh", "Sóc Trăng là tỉnh"):
        assert decode_text(text.encode("utf-8")).text == text


def test_utf8_mojibake_is_repaired() -> None:
    text = read_utf8(SEED)
    shown = "".join(
        codecs.decode(bytes([b]), "cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8")
    )
    decoded = decode_text(shown.encode("utf-8"))
    assert (decoded.encoding, decoded.text) == ("mojibake", text)


def test_invalid_bytes_are_counted_and_replaced() -> None:
    text = read_utf8(SEED)
    data = text.encode("utf-8")
    cut = data.index(b"\n") + 1
    decoded = decode_text(data[:cut] + b"\xff\xfe\xc3" + data[cut:])
    assert (decoded.encoding, decoded.replaced, decoded.first_bad) == ("utf-8", 3, cut)
    assert decoded.text == text[: text.index("\n") + 1] + "\ufffd" * 3 + text[text.index("\n") + 1 :]


# ---------------------------------------------------------------- the committed sample files


@pytest.mark.parametrize(
    ("name", "source", "warning"),
    [
        ("tcvn3.txt", "XH_TT_3049.txt", "TCVN3"),  # raw TCVN3 bytes
        ("tcvn3_as_utf8.txt", "XH_TT_3049.txt", "TCVN3"),  # TCVN3 letters saved again as UTF-8
        ("vni.txt", "XH_TT_3069.txt", "VNI"),
        ("windows1258.txt", "XH_VNE_959.txt", "Windows-1258"),
        ("utf16.txt", "XH_VNE_959.txt", ""),  # UTF-16 LE with BOM
        ("utf8_bom.txt", "XH_TT_3049.txt", ""),
        ("nfd.txt", "XH_TT_3069.txt", ""),
    ],
)
def test_sample_files_decode_to_their_source(name: str, source: str, warning: str) -> None:
    text, warnings = decode_article((HOSTILE / name).read_bytes(), HOSTILE / name)
    assert unicodedata.normalize("NFC", text) == read_utf8(ENCODINGS / source)
    assert [w for w in warnings if warning and warning in w] == warnings


def test_utf16_without_bom_is_recognised() -> None:
    text = read_utf8(ENCODINGS / "XH_VNE_959.txt")
    for codec in ("utf-16-le", "utf-16-be"):
        decoded, warnings = decode_article(text.encode(codec), Path("x.txt"))
        assert decoded == text
        assert warnings == [f"no byte order mark: read as {codec.upper()}"]


# ---------------------------------------------------------------- syllables


@pytest.mark.parametrize(
    ("word", "valid"),
    [
        ("nghiêng", True),
        ("Việt", True),
        ("khuya", True),
        ("quyền", True),
        ("giữ", True),
        ("ĐẢNG", True),
        ("uỷ", True),  # old tone placement is still a syllable
        ("ViÖt", False),  # TCVN3 read as Windows-1252
        ("Vieät", False),  # VNI read as Windows-1252
        ("Néi", False),
        ("Hµ", False),
        ("xyz", False),
        ("việtt", False),
        ("ảá", False),  # two tone marks
    ],
)
def test_is_syllable(word: str, valid: bool) -> None:
    assert is_syllable(word) is valid


def test_syllable_score_prefers_the_right_reading() -> None:
    assert syllable_score("Cộng hòa xã hội") == 4
    assert syllable_score("Céng hßa x· héi") < 0
    assert syllable_score("plain ascii words") == 0
    assert syllable_score("Việt \ufffd") == 0


@pytest.mark.parametrize("name", LEGACY)
def test_five_megabytes_of_legacy_text_decode_in_linear_time(name: str) -> None:
    text = read_utf8(SEED)
    data = encode_legacy(text, name) * (5 * 1024 * 1024 // len(encode_legacy(text, name)) + 1)
    started = time.process_time()  # CPU seconds: the machine's load does not count
    decoded = decode_text(data)
    assert time.process_time() - started < 10
    assert decoded.encoding == name and decoded.text.startswith(text + text)
