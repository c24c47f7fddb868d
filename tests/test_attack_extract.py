"""Hostile input for the extraction path: characters that case-fold specially, huge lines, odd
bytes. Each test names the defect it found (it failed before the fix)."""

from __future__ import annotations

import importlib
import random
import re
import sys
import tracemalloc

import pytest
from helpers import labels, run, triples

from kgraph.extract import relations
from kgraph.extract.lexicon import Lexicon, lexicon
from kgraph.extract.state import Found, Group

mentions = importlib.import_module("kgraph.extract.mentions")
resolve = importlib.import_module("kgraph.extract.resolve")  # the package's resolve() hides it


def test_a_cue_spelled_with_a_dotted_capital_i_gives_its_class() -> None:
    # the case-blind pattern reads 'TRİỂN KHAİ' as 'triển khai' (İ is I to it), but the match's
    # lower case is 'tri̇ển khai̇' (İ lower-cased is two characters): find_cues looked the class up
    # by it and raised KeyError, and the whole article was skipped as a kgraph bug
    got = triples(run("Tỉnh ủy Quảng Trị đã TRİỂN KHAİ Chỉ thị 05-CT/TW."))
    assert got == triples(run("Tỉnh ủy Quảng Trị đã triển khai Chỉ thị 05-CT/TW."))
    assert ("Tỉnh ủy Quảng Trị", "implements", "Chỉ thị 05-CT/TW") in got
    lex = lexicon()
    for text in ("UBND tỉnh TRİỂN KHAİ kế hoạch.", "Ông A THAM GİA hội nghị.", "UBND tỉnh GİAO Sở Y tế."):
        found = [relations.cue_class(m.group(0), lex) for m in relations.cue_matches(text, lex)]
        assert found and all(found), text


def _orgs(names: list[str]) -> list[Found]:
    return [Found(i, i + len(n), n, Group.ORG, "Organization", 0, name=n) for i, n in enumerate(names)]


def _short_forms_the_long_way(all_orgs: list[Found], canonical: dict[str, str], lex: Lexicon) -> None:
    keys = [(resolve.compared_key(g.text), resolve.org_key(g.name, g)) for g in all_orgs]
    for written, key in keys:
        if key in canonical or key in lex.alone_heads:
            continue
        longer = {canonical.get(k, k) for w, k in keys if w.startswith(written + " ")} - {key}
        if len(longer) == 1:
            canonical[key] = longer.pop()


def test_written_short_forms_give_the_long_way_s_answer() -> None:
    lex = lexicon()
    rng = random.Random(7)
    words = ["Ban", "Chấp", "hành", "Đảng", "bộ", "tỉnh", "Sở", "Y", "tế", "GD-ĐT", "A", "B"]
    for _ in range(300):
        names = [" ".join(rng.choices(words, k=rng.randint(1, 5))) for _ in range(rng.randint(1, 12))]
        orgs = _orgs(names)
        start = {resolve.org_key(n): "x" for n in rng.sample(names, k=rng.randint(0, min(2, len(names))))}
        fast, slow = dict(start), dict(start)
        resolve._written_short_forms(orgs, fast, lex)
        _short_forms_the_long_way(orgs, slow, lex)
        assert fast == slow, names


def test_written_short_forms_compare_no_pair_of_names() -> None:
    # a 200 KB line repeating 'ĐH Mở - bán công - ' holds ~8,000 organisation mentions: every name
    # was compared with every other (69 million startswith, 18 s); now only the names it begins
    names = [f"Sở Y tế số {i}" for i in range(400)] + ["Sở Y tế"] * 400
    calls = 0

    def count(frame, event, arg):  # type: ignore[no-untyped-def]
        nonlocal calls
        if event == "c_call" and getattr(arg, "__name__", "") == "startswith":
            calls += 1

    orgs = _orgs(names)
    sys.setprofile(count)
    try:
        resolve._written_short_forms(orgs, {}, lexicon())
    finally:
        sys.setprofile(None)
    assert calls < 10 * len(names)  # was len(names) ** 2


def test_last_keys_are_the_whole_text_s_last_keys() -> None:
    rng = random.Random(5)
    pieces = ["do", "Bởi", "Ảnh:", "-", "–", " ", "  ", "\n", ",", "lãnh đạo", "UBND", "x" * 70]
    pieces += ["GD-ĐT", "a/b", "hoà", "\u0301", "“", "(", ")"]
    for _ in range(2000):
        text = "".join(rng.choices(pieces, k=rng.randint(0, 40)))
        end, count = rng.randint(0, len(text)), rng.randint(1, 2)
        assert relations._last_keys(text, end, count) == relations._keys(text[:end])[-count:], text


def test_a_long_sentence_of_bodies_reads_the_words_before_each_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # rule_passive_agent keyed the whole text before every organisation of a sentence: a 200 KB line
    # of 'báo Tuổi Trẻ, báo Nhân Dân và báo ' (~9,000 names) spent 5 s there; now a few words each
    read: list[int] = []
    real = relations._keys

    def counting(text: str) -> list[str]:
        read.append(len(text))
        return real(text)

    monkeypatch.setattr(relations, "_keys", counting)
    text = "Sở Y tế, Sở Tài chính và Sở Nội vụ do UBND tỉnh ban hành; " * 60
    x = run(text)
    assert x.entities and sum(read) < 200 * len(read)  # was ~len(text) / 2 each


def test_an_event_named_by_a_quote_left_open_at_the_sentence_s_end() -> None:
    # a quote opened and never closed runs to the sentence's end: the described event's name ended
    # one token past the last (token_at gave no token at the end, + 1) and tokens[k - 1] raised
    # IndexError, which skipped the whole article as a kgraph bug (at 3bdc4b7 too)
    x = run("Huyện ủy tổ chức Hội nghị tập huấn CVĐ “Dân vận khéo")
    assert "Hội nghị tập huấn CVĐ “Dân vận khéo" in labels(x)
    run("Hội nghị tập huấn CVĐ “")  # nothing after the mark


def test_after_list_gap_is_the_pattern_on_the_whole_text_before() -> None:
    rng = random.Random(3)
    pieces = [",", ";", " và", " cùng", "và", " ", "\n", "  ", "x", "Chỉ thị 05-CT/TW", "cùngvà", "\u00a0"]
    for _ in range(3000):
        text = "".join(rng.choices(pieces, k=rng.randint(0, 12)))
        start = rng.randint(0, len(text))
        want = mentions._LIST_GAP_BEFORE.search(text[:start]) is not None
        assert mentions._after_list_gap(text, start) == want, (text, start)


class _Searched:
    """``_LIST_GAP_BEFORE`` counting the characters each search reads."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.read = pattern, [0]

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        self.read[0] += min(endpos, len(text)) - pos
        return self.pattern.search(text, pos, endpos)


def test_a_list_of_documents_is_not_searched_whole_for_each(monkeypatch: pytest.MonkeyPatch) -> None:
    # 'Chỉ thị 05-CT/TW, ' 1,100 times (20 KB, one sentence) took 60 s (10 KB: 7.6 s): for each
    # document, the whole text before every later one was searched for a list's gap
    counting = _Searched(mentions._LIST_GAP_BEFORE)
    monkeypatch.setattr(mentions, "_LIST_GAP_BEFORE", counting)
    x = run("Tỉnh ủy quán triệt " + "Chỉ thị 05-CT/TW, " * 60 + "và Nghị quyết 12-NQ/TU.")
    assert labels(x) and counting.read[0] < 40 * 60 * 60  # was ~ 60 * 60 * 560


def _extended_the_long_way(full_names: list[str]) -> dict[str, list[str]]:
    extended: dict[str, list[str]] = {}
    for k in full_names:
        for i, ch in enumerate(k):
            if ch == " ":
                extended.setdefault(k[:i], []).append(k)
    return extended


def test_extended_names_are_the_long_way_s_for_every_name() -> None:
    rng = random.Random(9)
    words = ["sở", "y", "tế", "ban", "đảng", "ủy", "gd", "đt", "a"]
    for _ in range(500):
        names = sorted(
            {" ".join(rng.choices(words, k=rng.randint(1, 6))) for _ in range(rng.randint(1, 10))}, key=len
        )
        long_way = _extended_the_long_way(names)
        fast = resolve._extended(names)
        for key in names:
            assert fast.get(key, []) == long_way.get(key, []), names
            assert (key in fast) == (key in long_way), names


def test_a_very_long_name_is_not_copied_at_each_word() -> None:
    # 'GD-ĐT-' repeated over 100 KB is one organisation of ~28,000 words: every word's prefix of its
    # key was a copy kept in a dict (4.9 s); 5,000 words here: the long way peaks at 76 MB
    name = " ".join(["gd đt"] * 2500)
    tracemalloc.start()
    try:
        resolve._extended(["sở y tế", name])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000


class _Sliced(list):  # type: ignore[type-arg]
    """Tokens counting how many a slice copies."""

    copied = 0

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        if isinstance(index, slice):
            _Sliced.copied += len(range(*index.indices(len(self))))
        return super().__getitem__(index)


def test_a_byline_is_looked_for_without_copying_the_tokens_before() -> None:
    # _byline_at is asked at every token of a sentence and copied the tokens before it each time:
    # a 100 KB chain 'GD-ĐT-…' (28,571 tokens) spent 1.6 s there
    people = importlib.import_module("kgraph.extract.people")
    from kgraph.extract.tokens import tokenize

    tokens = _Sliced(tokenize("Sở Y tế " * 300))
    _Sliced.copied = 0
    assert all(people._byline_at(tokens, i) == (-1, 0) for i in range(1, len(tokens)))
    assert _Sliced.copied < 10 * len(tokens)  # was len(tokens) ** 2 / 2


def test_a_very_long_body_name_is_not_copied_at_each_word_for_document_codes() -> None:
    # issuer_from_code kept every word's prefix of every body's name: 15 s for the 200 KB chain
    article = importlib.import_module("kgraph.extract.article")
    name = " ".join(["GD ĐT"] * 2500)
    body = Found(0, len(name), name, Group.ORG, "Organization", 0, name=name, key="org|x")
    tracemalloc.start()
    try:
        assert article.issuer_from_code([], [body], lexicon()) == []
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000
    x = run("Tỉnh ủy Quảng Trị ban hành Kế hoạch 21-KH/TU. Ban Tuyên giáo Tỉnh ủy Quảng Trị triển khai.")
    assert x.entities
