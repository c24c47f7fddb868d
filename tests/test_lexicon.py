"""Shared helpers of the word lists (extract/lexicon.py)."""

from __future__ import annotations

from kgraph.extract.lexicon import first_words
from kgraph.extract.tokens import tokenize


def test_first_words_of_spellings_written_as_text() -> None:
    spellings = ["tp hcm", "thành phố hồ chí minh", "  sài gòn  ", "", "tp. đà nẵng"]
    assert first_words(spellings) == frozenset({"tp", "thành", "sài", "tp."})


def test_first_words_of_entries_already_split_into_words() -> None:
    rows = [("khu", "phố"), ("tổ", "dân", "phố"), (), ("ấp",)]
    assert first_words(rows) == frozenset({"khu", "tổ", "ấp"})


def test_first_words_of_token_tuples_keep_the_case_as_written() -> None:
    table = {tuple(t.text for t in tokenize(name)): name for name in ("Tuổi Trẻ", "báo Lao Động", "VTV1")}
    assert first_words(table) == frozenset({"Tuổi", "báo", "VTV1"})


def test_first_words_with_a_key_function() -> None:
    assert first_words(["Khu Phố", "khu dân cư", "Ấp"], key=str.lower) == frozenset({"khu", "ấp"})


def test_keys_of_lines_are_those_of_each_line_split_and_joined() -> None:
    import unicodedata

    from kgraph.extract.lexicon import keys_of_lines
    from kgraph.text import normalize_tones

    def each_line(text: str) -> list[str]:  # the long way: every line split and joined again
        text = normalize_tones(unicodedata.normalize("NFC", text)).lower()
        return [
            " ".join(line.split()) for line in text.splitlines() if line.strip() and not line.startswith("#")
        ]

    texts = ["# a list\nhợp tác xã\nỦy ban\n\nhoà bình\n", "a b\n#c\n d\n", "a b \nc", "a  b", "a\tb\nc\r\nd"]
    texts += [
        "a\u00a0b\n",
        " a",
        "a ",
        "x\u2028y z\n",
        "a\n\n\nb",
        "",
        "\n",
        "#\n# only comments",
        "a\x0bb\x1cc",
    ]
    for text in texts:
        assert keys_of_lines(text) == each_line(text), text


def test_word_starts_are_every_proper_prefix_of_the_words() -> None:
    from kgraph.extract.lexicon import lexicon, proper_prefixes, syllables

    words = ["hợp tác xã", "ủy ban nhân dân", "đảng", "a b", "x y z w"]
    assert proper_prefixes(words) == {
        "hợp",
        "hợp tác",
        "ủy",
        "ủy ban",
        "ủy ban nhân",
        "a",
        "x",
        "x y",
        "x y z",
    }
    lex = lexicon()
    assert lex.word_starts == {" ".join(w.split()[:i]) for w in lex.words for i in range(1, len(w.split()))}
    assert syllables() == {s for w in lex.words for s in w.split()}
