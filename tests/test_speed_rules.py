"""Speed work on the mention rules (issue 12) that must not change a byte: each shortcut against
the long way, and a test that sees the work it skips."""

from __future__ import annotations

import pytest


def _sentence_state(text: str):  # type: ignore[no-untyped-def]
    from kgraph.extract.lexicon import lexicon
    from kgraph.extract.rules import new_state
    from kgraph.model import Article
    from kgraph.text import make_document

    return new_state(make_document(Article(source="t.txt", text=text, title="")), 0, lexicon())


class _Untouchable(list):  # type: ignore[type-arg]
    """A token list no rule may read."""

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        raise AssertionError("a token was read")

    def __iter__(self):  # type: ignore[no-untyped-def]
        raise AssertionError("the tokens were read")

    def __len__(self) -> int:
        raise AssertionError("the tokens were counted")


def _spy(monkeypatch: pytest.MonkeyPatch, owner: object, name: str, note):  # type: ignore[no-untyped-def]
    """Replace ``owner.name`` by a wrapper that records ``note(*args)`` of every call, then calls
    the real one; the list of what it recorded."""
    asked: list[object] = []
    real = getattr(owner, name)

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(note(*args))
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, spy)
    return asked


def _prechecked_rules():  # type: ignore[no-untyped-def]
    from kgraph.extract import bodies, mentions, sites, world
    from kgraph.extract.street_lists import rule_street_lists

    return [
        sites.rule_sites,
        sites.rule_lower_bodies,
        mentions.rule_events,
        rule_street_lists,
        mentions.rule_place_spellings,
        mentions.rule_level_places,
        mentions.rule_lone_doan,
        mentions.rule_plural_domains,
        bodies.rule_press,
        bodies.rule_police_forces,
        bodies.rule_national_bodies,
        world.rule_world_bodies,
        world.rule_world_regions,
        world.rule_languages,
    ]


#: Sentences of my own, each holding what one of the pre-checked rules reads (and some near misses)
_FIRING = [
    "Đoàn công tác đã đến TP.HCM rồi về thành phố Hồ Chí Minh, TP. Hồ Chí Minh hôm qua.",
    "Ông về thôn Câu Nhi, xã Hải Chánh, huyện Hải Lăng; TP Hạ Long và Q. Tân Bình, P.Bến Nghé.",
    "Tuổi trẻ các cấp bộ Đoàn tham gia; Đoàn Thanh niên thì không.",
    "Lãnh đạo các sở Tài chính, Y tế, Giáo dục và Đào tạo đã họp.",
    "Theo báo Tuổi Trẻ và Thanh Niên, phóng viên VTV1 đã có mặt.",
    "CSGT đã bắt giữ hai xe, bị cảnh sát giao thông tạm giữ; chiến sĩ cảnh sát giao thông thì không.",
    "Ủy ban các vấn đề xã hội của Quốc hội đã họp với Hội đồng dân tộc của Quốc hội.",
    "Đại diện UNDP, Tổ chức Y tế Thế giới và Liên Hợp Quốc đến thăm; xe Honda chở họ.",
    "Các nước châu Á - Thái Bình Dương và châu Âu hợp tác với Ngân hàng Phát triển châu Á.",
    "Em học tiếng Anh và tiếng Trung Quốc ở Hà Nội.",
    "Xe chạy dọc sông Sài Gòn rồi vào đường Nguyễn Huệ, gần chợ Bến Thành.",
    "Ông làm ở công ty du lịch Sao Mai, con học trường THPT Lê Quý Đôn.",
    "Đại hội Đảng bộ tỉnh lần thứ XX và Hội nghị Ban Chấp hành Trung ương lần thứ 11 đã họp.",
    "Cấm xe trên các tuyến đường Lê Lợi, Pasteur và Hai Bà Trưng từ sáng mai.",
]


def test_each_pre_checked_rule_skips_a_sentence_holding_none_of_its_words() -> None:
    for rule in _prechecked_rules():
        st = _sentence_state("Hôm nay trời mưa to và gió lớn ở khắp nơi, ai cũng ngại ra ngoài.")
        st.tokens = _Untouchable(st.tokens)
        rule(st)  # reads no token
        assert st.found == [] and st.dropped == [], rule.__name__


def test_a_pre_checked_rule_finds_what_it_finds_without_pre_check(monkeypatch: pytest.MonkeyPatch) -> None:
    from kgraph.extract.rules import run_mention_rules
    from kgraph.extract.state import SentenceState

    def read(text: str) -> list[tuple[object, ...]]:
        st = run_mention_rules(_sentence_state(text))
        found = [(f.start, f.end, f.text, f.group, f.kind, f.rule) for f in st.found]
        return found + [(d.rule, d.start, d.text, d.reason) for d in st.dropped]

    fast = [read(text) for text in _FIRING]
    monkeypatch.setattr(SentenceState, "may_hold", lambda self, triggers: True)
    assert [read(text) for text in _FIRING] == fast
    rules = {row[-1] for rows in fast for row in rows if len(row) == 6}
    rules |= {row[0] for rows in fast for row in rows}  # a drop names its rule first
    names = {rule.__name__.removeprefix("rule_") for rule in _prechecked_rules()}
    assert names <= rules, names - rules  # every pre-checked rule fires on these sentences


def test_a_sentence_s_words_are_the_words_of_its_token_keys() -> None:
    text = "Bộ GD-ĐT, U.B.N.D và TP.HCM họp; ông A.Sơn nói: “hoà giải”."
    st = _sentence_state(text)
    words = {w for t in st.tokens for w in t.key.split()}
    assert words <= st.words <= words | {t.key for t in st.tokens}
    assert {"gd", "đt", "tp", "hcm", "hòa"} <= st.words


def test_expanding_names_reads_the_abbreviation_table_once_per_lexicon() -> None:
    import importlib
    from dataclasses import replace

    from kgraph.extract.lexicon import lexicon

    resolve = importlib.import_module("kgraph.extract.resolve")

    class Counting(dict):  # type: ignore[type-arg]
        reads = 0

        def items(self):  # type: ignore[no-untyped-def]
            Counting.reads += 1
            return super().items()

    lex = replace(lexicon(), abbreviations=Counting(lexicon().abbreviations))
    multi = [(short, long) for short, long in lexicon().abbreviations.items() if len(short.split()) > 1]
    assert multi  # the table has abbreviations of two words or more
    for short, long in multi:
        for written in (short, short.upper()):  # compared by key
            name, written_out = f"{written} tỉnh Bình Phước", f"{long} tỉnh Bình Phước"
            assert resolve.expand(name, lex) == resolve.expand(written_out, lex)
    assert resolve.expand("Hội CCB Khối", lex) == "Hội Cựu chiến binh Khối"
    assert Counting.reads == 1


def test_the_names_rule_parses_no_body_at_a_word_no_head_opens(monkeypatch: pytest.MonkeyPatch) -> None:
    from kgraph.extract import mentions

    asked = _spy(monkeypatch, mentions, "parse_org", lambda tokens, i, *_: tokens[i].text)
    text = "Ông Trần Văn Bình ở Hà Nội gặp Ban Tổ chức Liên hoan phim và Sở Y tế tỉnh Đồng Nai."
    st = _sentence_state(text)
    mentions.rule_names(st)
    assert [f.text for f in st.found] == ["Hà Nội", "Ban Tổ chức Liên hoan phim", "Sở Y tế tỉnh Đồng Nai"]
    assert set(asked) <= {"Ban", "Sở", "Tổ", "Y"}, asked


def test_a_phrase_list_finds_at_each_token_the_phrase_the_long_way_finds() -> None:
    import random

    from kgraph.extract import bodies, events, people
    from kgraph.extract.lexicon import Phrases
    from kgraph.extract.tokens import tokenize

    def long_way(phrases: tuple[tuple[str, ...], ...], tokens, i: int):  # type: ignore[no-untyped-def]
        return next((p for p in phrases if tuple(t.key for t in tokens[i : i + len(p)]) == p), None)

    made = (("hội", "nghị"), ("hội",), ("hội", "nghị", "trực", "tuyến"), ("nghị",), ("hội", "nghị"), ())
    tables = [made, made[:-1], people._ROLES, people._TAKES_POST, people._NAMED, events._EVENT_HEADS]
    tables.append(bodies._POLICE_FORCES)
    rng = random.Random(7)
    for phrases in tables:
        vocabulary = sorted({w for p in phrases for w in p}) + ["và", ",", "Hội"]
        texts = [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 9))) for _ in range(60)]
        texts.append("Hội nghị trực tuyến của hội nghị, được bầu làm Chủ tịch; tên là Lan, giáo viên.")
        table = Phrases(phrases)
        for text in texts:
            tokens = tokenize(text)
            for i in range(len(tokens) + 1):
                assert table.first_at(tokens, i) == long_way(phrases, tokens, i), (phrases[:3], text, i)


_SPELLINGS = [
    "Đoàn đến TP.HCM, TP. Hồ Chí Minh, thành phố Hồ Chí Minh và Thành phố Hồ Chí Minh hôm qua.",
    "Ông ở Sài Gòn - Gia Định, Sài Gòn, Hà Nội; TP Hồ Chí Minh Mới và Đại học Quốc gia TP.HCM.",
    "Hồ Chí MinhỦy ban thành phố Hồ Chí Minh-Bà Rịa, thành phố Hồ  Chí   Minh (TP HCM) và tp hcm.",
    "Chủ tịch Hồ Chí Minh nói: “thành phố Hồ Chí Minh” là Tp.HCM, TP.Hồ Chí Minh, T.P Hồ Chí Minh.",
    "Các nước đã thành lập quỹ, thành công lớn, cộng đồng người Việt Nam ở nước ngoài cùng tham gia.",
]


def _place_spellings_long_way(st, keyed: list[str]) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """The place-spellings rule's reading before the shortcut: every run from 8 tokens down keyed."""
    from kgraph.extract import mentions
    from kgraph.extract.gazetteer import place_spellings, spelling_key
    from kgraph.extract.state import Group

    def at(k: int, n: int) -> bool:
        tokens = st.tokens
        first, last = tokens[k], tokens[k + n - 1]
        if not first.is_word or not last.is_word or first.start in st.blocked:
            return False
        keyed.append(st.text[first.start - st.base : last.end - st.base])
        if spelling_key(keyed[-1]) not in place_spellings():
            return False
        if k + n < len(tokens) and tokens[k + n].is_word and tokens[k + n].is_cap:
            return False
        return not any(
            f.start < last.end
            and first.start < f.end
            and not (first.start <= f.start and f.end <= last.end)
            or (f.start <= first.start and last.end <= f.end and f.group not in (Group.PERSON, Group.PLACE))
            for f in st.found
        )

    out, k, tokens = [], 0, st.tokens
    while k < len(tokens):
        first_word = mentions._first_spelled_word(tokens[k].text)
        if not tokens[k].is_word or first_word not in mentions._spelling_starts():
            k += 1
            continue
        size = next((n for n in range(min(8, len(tokens) - k), 0, -1) if at(k, n)), 0)
        if size:
            out.append((tokens[k].start, tokens[k + size - 1].end))
        k += size or 1
    return out


def test_the_place_spellings_rule_keys_no_run_no_spelling_begins(monkeypatch: pytest.MonkeyPatch) -> None:
    from kgraph.extract import mentions
    from kgraph.extract.rules import MENTION_RULES

    before = MENTION_RULES[: MENTION_RULES.index(mentions.rule_place_spellings)]
    asked: list[str] = []
    real = mentions.spelling_key

    def counting(text: str) -> str:
        asked.append(text)
        return real(text)

    found: list[tuple[int, int]] = []
    for text in _SPELLINGS:
        st = _sentence_state(text)
        for rule in before:
            rule(st)
        long_keyed: list[str] = []
        long_way = _place_spellings_long_way(st, long_keyed)
        asked.clear()
        monkeypatch.setattr(mentions, "spelling_key", counting)
        st.rule = "place_spellings"
        mentions.rule_place_spellings(st)
        monkeypatch.setattr(mentions, "spelling_key", real)
        assert [(f.start, f.end) for f in st.found if f.rule == "place_spellings"] == long_way, text
        found += long_way
    assert len(found) >= 6
    # the last sentence's words start spellings but no spelling: the long way keys up to 8 runs from each
    assert len(asked) < len(long_keyed) / 2, (asked, long_keyed)


def test_the_press_rule_tries_only_the_runs_that_spell_a_press_name(monkeypatch: pytest.MonkeyPatch) -> None:
    from kgraph.extract import bodies

    asked = _spy(
        monkeypatch, bodies, "_press_at", lambda st, k, n, _: tuple(t.text for t in st.tokens[k : k + n])
    )
    text = "Theo báo Tuổi Trẻ, Thanh niên tình nguyện và Người Lao Động đọc báo Nhân Dân hằng ngày."
    st = _sentence_state(text)
    bodies.rule_press(st)
    # a paper written after báo is named with it
    assert [f.text for f in st.found] == ["báo Tuổi Trẻ", "Người Lao Động", "báo Nhân Dân"]
    assert asked and all(texts in bodies.press() for texts in asked), asked


def test_the_modality_phrases_are_looked_up_only_from_a_word_one_starts_with() -> None:
    import random

    from kgraph.extract import modality
    from kgraph.extract.lexicon import lexicon

    def long_way(words: list[str], table: dict[tuple[str, ...], str], longest: int) -> list[str]:
        found, k = [], 0
        while k < len(words):
            for size in range(min(longest, len(words) - k), 0, -1):
                got = table.get(tuple(words[k : k + size]))
                if got is not None:
                    found += [got] if got != modality.NOT_A_CUE else []
                    k += size
                    break
            else:
                k += 1
        return found

    class Counting(dict):  # type: ignore[type-arg]
        asked = 0

        def get(self, key, default=None):  # type: ignore[no-untyped-def]
            Counting.asked += 1
            return super().get(key, default)

    mw = lexicon().modality
    rng = random.Random(3)
    for table in (mw.verb, mw.clause):
        vocabulary = sorted({w for phrase in table for w in phrase}) + ["và", "của", "ông"]
        for _ in range(200):
            words = [rng.choice(vocabulary) for _ in range(rng.randint(0, 12))]
            assert modality._matches(words, table, mw.longest) == long_way(words, table, mw.longest), words
        counting = Counting(table)
        prose = ["hôm", "nay", "trời", "mưa", "to", "và", "gió", "lớn"] * 4
        assert modality._matches(prose, counting, mw.longest) == long_way(prose, table, mw.longest)
        assert Counting.asked == 0


def test_short_references_are_looked_for_only_in_a_sentence_holding_a_digit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kgraph.extract import documents
    from kgraph.extract.lexicon import lexicon
    from kgraph.extract.rules import DOCUMENT_RULES

    class Untouchable:
        def finditer(self, text: str):  # type: ignore[no-untyped-def]
            raise AssertionError("the pattern was run")

    real = documents._SHORT
    with_digit = documents.scan_documents(
        "Thực hiện Chỉ thị 05 và Nghị quyết số 35 của Tỉnh ủy.", lexicon(), DOCUMENT_RULES
    )
    assert [d.text for d in with_digit.found] == ["Chỉ thị 05", "Nghị quyết số 35"]
    monkeypatch.setattr(documents, "_SHORT", Untouchable())
    without = documents.scan_documents(
        "Thực hiện Chỉ thị và Nghị quyết của Tỉnh ủy.", lexicon(), DOCUMENT_RULES
    )
    assert without.found == [] and real is not documents._SHORT


def test_the_names_rule_parses_a_place_only_at_a_place_head(monkeypatch: pytest.MonkeyPatch) -> None:
    from kgraph.extract import mentions
    from kgraph.extract.lexicon import lexicon

    asked = _spy(monkeypatch, mentions, "parse_place", lambda tokens, i, *_: tokens[i].key)
    text = "Ông Trần Văn Bình thăm Khu di tích Đền Hùng, Sở Y tế và Hà Nội."
    st = _sentence_state(text)
    mentions.rule_names(st)
    assert "Khu di tích Đền Hùng" in [f.text for f in st.found]
    assert asked and set(asked) <= set(lexicon().place_heads), asked


def test_cue_phrases_found_in_a_plain_text_s_lower_case_are_those_the_case_blind_pattern_finds() -> None:
    import random

    from kgraph.extract import relations
    from kgraph.extract.lexicon import lexicon

    lex = lexicon()
    case_blind = relations._cue_pattern(lex)[0]
    assert relations._lower_cue_pattern(lex) is not None  # the phrases are plain: the fast way is taken
    phrases = [p for p, _ in lex.cues]
    odd = "ıſİΣςµ\u0345ẛṡKÅﬅßẞǄǅя\u0301_1"  # matched another way, or cased another way
    rng = random.Random(11)
    texts = ["Đảng ủy đã TỔ CHỨC hội nghị, Phối Hợp với Sở; Lãnh Đạo tỉnh yêu cầu.", ""]
    for _ in range(400):
        parts = []
        for _ in range(rng.randint(1, 6)):
            phrase = rng.choice(phrases)
            phrase = "".join(c.upper() if rng.random() < 0.3 else c for c in phrase)
            if rng.random() < 0.1:
                phrase = phrase.replace("i", "ı").replace("s", "ſ")  # still the phrase, case-blind
            cut = rng.randint(0, len(phrase))
            extra = rng.choice(odd) if rng.random() < 0.2 else ""
            parts.append(phrase[:cut] + extra + phrase[cut:] if rng.random() < 0.3 else phrase)
        texts.append(rng.choice([" ", ", ", "x", " và "]).join(parts))
    for text in texts:
        fast = [(m.span(), m.group(0).lower()) for m in relations.cue_matches(text, lex)]
        assert fast == [(m.span(), m.group(0).lower()) for m in case_blind.finditer(text)], text


def test_a_name_is_expanded_once_with_the_package_lexicon(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib
    from dataclasses import replace

    from kgraph.extract.lexicon import lexicon

    resolve = importlib.import_module("kgraph.extract.resolve")
    real = resolve._expand
    asked = _spy(monkeypatch, resolve, "_expand", lambda name, _lex: name)
    name = "Hội CCB Khối Doanh nghiệp Trung ương Bảy Mươi Ba"  # a name no other test expands
    assert [resolve.expand(name, lexicon()) for _ in range(3)] == [real(name, lexicon())] * 3
    assert asked == [name]
    other = replace(lexicon(), abbreviations={})  # another lexicon: its own expansion, every time
    assert resolve.expand(name, other) == name and resolve.expand(name, other) == name
    assert asked == [name] * 3


def test_a_name_names_a_place_as_the_long_way_finds_trying_only_runs_a_place_starts() -> None:
    import importlib
    import random

    from kgraph.extract.lexicon import lexicon

    resolve = importlib.import_module("kgraph.extract.resolve")
    places = lexicon().level_places

    def long_way(words: list[str]) -> bool:
        return any(
            " ".join(words[i:j]) in places for i in range(len(words)) for j in range(i + 1, len(words) + 1)
        )

    firsts = resolve._place_firsts(places)
    assert firsts < {w for p in places for w in p.split()}  # fewer words than the places hold
    rng = random.Random(5)
    vocabulary = sorted({w for p in rng.sample(sorted(places), 200) for w in p.split()}) + ["sở", "y", "tế"]
    for _ in range(2000):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(0, 7))]
        assert resolve._names_place(words, lexicon()) == long_way(words), words


def test_quantities_are_read_only_in_a_sentence_holding_a_digit(monkeypatch: pytest.MonkeyPatch) -> None:
    from kgraph.extract import mentions
    from kgraph.extract.state import Spans

    class Untouchable:
        def finditer(self, text: str):  # type: ignore[no-untyped-def]
            raise AssertionError("the pattern was run")

    assert mentions._find_quantities("Tỉnh có 4.254 đảng viên, 12 xã.", 0, Spans(0, 40))
    monkeypatch.setattr(mentions, "_QUANTITY", Untouchable())
    assert mentions._find_quantities("Tỉnh có nhiều đảng viên và các xã.", 0, Spans(0, 40)) == []


class _Unmeasured(list):  # type: ignore[type-arg]
    """A token list whose length no one may ask."""

    def __len__(self) -> int:
        raise AssertionError("the tokens were counted")


def test_a_place_name_is_read_only_from_a_word_a_place_name_starts_with() -> None:
    from kgraph.extract.lexicon import lexicon
    from kgraph.extract.names import match_place
    from kgraph.extract.tokens import tokenize

    tokens = tokenize("Ông Trần Văn Bình về Hà Nội, Thừa Thiên - Huế và Đức hôm qua.")
    sizes = [match_place(tokens, i, lexicon()) for i in range(len(tokens))]
    assert [tokens[i].text for i, n in enumerate(sizes) if n] == ["Hà", "Thừa", "Huế", "Đức"]
    assert match_place(_Unmeasured(tokens), 0, lexicon()) == 0  # 'Ông' starts no place name


def test_the_names_and_people_rules_read_the_blocked_mask_without_a_method_call(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kgraph.extract import mentions
    from kgraph.extract.state import Spans

    text = "Theo “Báo cáo Sở Y tế” của ông Trần Văn Bình, Sở Tài chính và bà Lê Thị Hoa đã họp."
    slow = _sentence_state(text)
    mentions.rule_names(slow)
    mentions.rule_people(slow)

    fast = _sentence_state(text)
    calls: list[int] = []
    real = Spans.__contains__
    monkeypatch.setattr(Spans, "__contains__", lambda self, pos: calls.append(pos) or real(self, pos))
    mentions.rule_names(fast)
    mentions.rule_people(fast)
    assert [(f.start, f.end, f.text) for f in fast.found] == [(f.start, f.end, f.text) for f in slow.found]
    assert "Sở Tài chính" in [f.text for f in fast.found] and "Sở Y tế" not in [f.text for f in fast.found]
    capitalised = [t for t in fast.tokens if t.is_cap]
    assert len(calls) < len(capitalised)  # each rule asked it at every capitalised word
