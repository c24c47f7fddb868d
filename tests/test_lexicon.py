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
