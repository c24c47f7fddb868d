"""Speed work (issue 12) that must not change a byte: each shortcut against the long way."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
from conftest import SMALL
from rdflib.compare import isomorphic


def test_page_graph_in_a_light_store_gives_the_same_page() -> None:
    import kgraph
    from kgraph.visualize import render_html

    result = kgraph.build([SMALL])
    full, light = result.union(), result.union(store="SimpleMemory")
    assert type(light.store).__name__ == "SimpleMemory"
    assert len(light) == len(full) and isomorphic(light, full)
    assert render_html(light) == render_html(full)


def test_first_keys_are_the_first_words_of_the_whole_key() -> None:
    import re

    from kgraph.extract.article import first_keys
    from kgraph.text import name_key

    texts = [
        "Tham dự kỳ họp có đồng chí Nguyễn Văn A, Chủ tịch UBND tỉnh.",
        "Tham dự “Hội nghị” có: Bộ GD - ĐT, Sở Y tế/Sở Tài chính và Ủy ban MTTQ Việt Nam.",
        "Dự hội nghị -  có  các đồng chí trong Ban Thường vụ Tỉnh ủy (khóa XV)…",
        "Tham dự có hoà, khoẻ, uỷ ban; 10.000 người",
        "Ngắn.",
        "",
    ]
    for text in texts:
        for count in range(0, 14):
            assert first_keys(text, count) == re.findall(r"\w+", name_key(text))[:count], (text, count)


def test_token_keys_and_flags_are_those_of_name_key_and_the_token_class() -> None:
    from kgraph.extract.tokens import Token, tokenize, word_info
    from kgraph.text import name_key

    text = "Uỷ ban nhân dân TP.HCM, Bộ GD-ĐT (khoá XIII) họp ngày 5/10: U.B, hoà giải  A.B.C’s 10.000 Đ."
    text += " nghi\u0301 ISTANBUL İzmir ǅemal ß 2020"
    for tok in tokenize(text + " Chính12 ab3", 7):
        assert word_info(tok.text)[0] == name_key(tok.text)
        # the cached 'a number may be glued to its end' that tokenize reads instead of testing each token
        assert word_info(tok.text)[5] == (tok.text[-1].isdigit() and tok.text[0].isalpha())
        slow = Token(tok.start, tok.end, tok.text, name_key(tok.text))
        fields = ("start", "end", "text", "key", "is_word", "is_cap", "is_acronym", "is_number")
        assert [getattr(tok, f) for f in fields] == [getattr(slow, f) for f in fields]


def test_a_build_page_imports_no_networkx(tmp_path: Path) -> None:
    code = (
        "import sys, kgraph\n"
        f"kgraph.build_to([{str(SMALL)!r}], {str(tmp_path / 'out')!r}, workers=1)\n"
        "assert (tmp := __import__('pathlib').Path(sys.argv[1])).is_file(), tmp\n"
        "print('networkx' in sys.modules)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "out" / "graph.html")], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "False"


def _star(n: int) -> nx.MultiDiGraph:
    """A hub, a chain among the first leaves, a loop, two keyed edges between a pair, islands."""
    net = nx.MultiDiGraph()
    for i in range(n):
        kind = "StateAgency" if i % 2 else "Person"
        net.add_node(f"n{i:03d}", label=f"Đơn vị {i}", kind=kind, aliases="", articles=f"a{i % 3}")
    for i in range(1, n - 4):
        net.add_edge("n000", f"n{i:03d}", key="directs", relation="directs", evidence="")
    for i in range(1, 8):
        net.add_edge(
            f"n{i + 1:03d}", f"n{i:03d}", key="cooperatesWith", relation="cooperatesWith", evidence=""
        )
    net.add_edge("n003", "n003", key="directs", relation="directs", evidence="")
    net.add_edge("n002", "n001", key="memberOf", relation="memberOf", evidence="")
    net.add_edge(f"n{n - 2:03d}", f"n{n - 1:03d}", key="directs", relation="directs", evidence="")
    return net


def test_the_light_network_draws_what_networkx_draws() -> None:
    import kgraph
    from kgraph.netgraph import Net
    from kgraph.network import centrality, entity_net, graph_to_networkx, layout_positions, select_view
    from kgraph.visualize import Context, render_view

    graph = kgraph.build([SMALL]).union()
    pairs = [(graph_to_networkx(graph), entity_net(graph))]
    star = _star(40)
    light = Net()
    light.add_nodes_from(star.nodes(data=True))
    light.add_edges_from(star.edges(keys=True, data=True))
    pairs.append((star, light))
    context = Context.of(graph)
    for full, small in pairs:
        assert list(small.to_networkx().edges(keys=True, data=True)) == list(full.edges(keys=True, data=True))
        assert centrality(small) == centrality(full)
        assert layout_positions(small) == layout_positions(full)
        focus = sorted(full.nodes)[:2]
        options = [{}, {"max_nodes": 5}, {"focus": focus, "depth": 1}, {"focus": focus[:1], "depth": 2}]
        options += [{"relations": ["directs"]}, {"linked_only": False, "max_nodes": 12}]
        for option in options:
            a, b = select_view(full, **option), select_view(small, **option)  # type: ignore[arg-type]
            assert list(a.net.edges(keys=True, data=True)) == list(b.net.edges(keys=True, data=True))
            assert (a.kinds, a.relations, a.hidden_links, a.left_out) == (
                b.kinds,
                b.relations,
                b.hidden_links,
                b.left_out,
            )
            assert render_view(a, context=context) == render_view(b, context=context)


def test_tone_placement_rewrites_only_the_runs_that_need_it_with_the_same_result() -> None:
    import unicodedata

    from kgraph.text import _MAYBE_MISPLACED, _place_tone, normalize_tones

    def everywhere(text: str) -> str:  # the plain pass over the whole text
        return _MAYBE_MISPLACED.sub(lambda m: _place_tone(m.group(0)), text)

    texts = [
        "Uỷ ban nhân dân hoà giải, khoẻ mạnh; thuỷ lợi quả  kết quả",
        "\u0301a hoà\u00a0uỷ\thoà\nthuý\u2028khoẻ_hoà 2hoà hoà2 (hoà) “uỷ” uỷ-ban",
        " \u0300 ho\u0300a ",
        "no marks at all",
        "",
        "hoà" * 50 + " " + "u\u0303" * 40,
    ]
    texts += [unicodedata.normalize("NFD", t) for t in texts]
    for text in texts:
        assert normalize_tones(text) == everywhere(text), text


def test_name_key_is_the_key_of_its_three_passes() -> None:
    import re
    import unicodedata

    from kgraph.text import _KEY_JOINS, name_key, normalize_tones

    def passes(name: str) -> str:  # the key as first written: every pass over every name
        text = normalize_tones(unicodedata.normalize("NFC", name)).lower()
        text = re.sub(r"\s*([-/])\s*", r"\1", text)
        text = re.sub(r"[\"'“”‘’«»()\[\],.;:]+", " ", text)
        return " ".join(text.split())

    names = ["Bộ GD - ĐT", "x/ y", "a  -  b / c", "TP.HCM", "“Hoà” (uỷ)", "", " - ", "a\u00a0-\tb", "Sở Y tế"]
    names += ["Q.12", "30/2020/NĐ-CP", "Đảng ủy Khối", "'Ban' [Tổ] chức; Đảng:", "ĐẢNG ỦY  XÃ"]
    for name in names:
        assert name_key(name) == passes(name), name
    assert _KEY_JOINS.pattern == r"\s*([-/])\s*"


def test_the_place_spellings_rule_tries_only_words_that_start_a_spelling() -> None:
    from kgraph.extract import mentions

    starts = mentions._spelling_starts()
    assert "tp" in starts and "cộng" in starts
    assert mentions._first_spelled_word("TP.HCM") == "tp"
    assert "ủy" not in starts  # a word no spelling starts with is never tried


def _sentence_state(text: str):  # type: ignore[no-untyped-def]
    from kgraph.extract.lexicon import lexicon
    from kgraph.extract.rules import new_state
    from kgraph.model import Article
    from kgraph.text import make_document

    return new_state(make_document(Article(source="t.txt", text=text, title="")), 0, lexicon())


def test_the_names_rule_reads_no_head_at_a_lower_case_word_no_head_starts(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract import mentions

    text = "sáng nay, các em học sinh đã đến trường với Sở Giáo dục và đào tạo và ủy ban nhân dân"
    text += " huyện Vĩnh Linh."
    st = _sentence_state(text)
    asked: list[str] = []
    real = mentions.match_head

    def counting(tokens, i, heads):  # type: ignore[no-untyped-def]
        asked.append(tokens[i].text)
        return real(tokens, i, heads)

    monkeypatch.setattr(mentions, "match_head", counting)
    mentions.rule_names(st)
    assert "Sở" in asked and not {"sáng", "nay", "đã", "đến", "với", "và", "đào", "tạo"} & set(asked), asked
    assert [f.text for f in st.found] == ["Sở Giáo dục và đào tạo"]  # the table's domain, lower case


def test_the_tagger_bytes_are_its_text_features_encoded_made_without_the_neighbour_cache() -> None:
    from kgraph.extract import tagger
    from kgraph.extract.tokens import tokenize

    text = "Sáng 5/10, ông Nguyễn Văn Bình, Giám đốc Sở GD-ĐT TP.HCM, thăm xã Hải Chánh và SaigonTech (Mỹ)."
    tokens = tokenize(text)
    tagger._near.cache_clear()
    tagger._own.cache_clear()
    tagger._byte_record.cache_clear()
    coded = tagger._assemble(tokens, tagger.lexicon(), tagger._BYTES, tagger.EMPTY, False)
    assert tagger._near.cache_info().currsize == 0  # the tagging path builds a neighbour's features itself
    assert tagger._own.cache_info().currsize == 0  # and a token's own, once: its record is cached
    assert coded == [[f.encode() for f in feats] for feats in tagger.features(tokens)]
    for tok in tokens:
        groups = tagger._token_features(tok.text, tok.key)
        assert tagger._token_bytes(tok.text, tok.key) == tuple(tuple(f.encode() for f in g) for g in groups)
        text_record = tagger._text_record(tok.text, tok.key)
        assert text_record[:5] == groups and text_record[5:] == tagger._key_forms(tok.key)
        assert tagger._byte_record(tok.text, tok.key)[5:] == tuple(f.encode() for f in text_record[5:])


def test_the_level_and_numbered_place_rules_ask_free_only_at_a_level_word(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract import mentions
    from kgraph.extract.state import SentenceState

    text = "Sáng nay, đoàn đã đến thăm bà con tại phường 12, quận 10 và xã Hải Chánh, huyện Hải Lăng."
    asked: list[int] = []
    real = SentenceState.free

    def counting(self, offset):  # type: ignore[no-untyped-def]
        asked.append(offset)
        return real(self, offset)

    monkeypatch.setattr(SentenceState, "free", counting)
    st = _sentence_state(text)
    mentions.rule_numbered_places(st)
    mentions.rule_level_places(st)
    levels = {"phường", "12", "quận", "10", "xã", "Hải", "huyện"}
    assert asked and {text[o : o + 8].split(" ")[0].rstrip(",") for o in asked} <= levels
    assert [f.text for f in st.found] == ["phường 12", "quận 10", "Hải Chánh", "Hải Lăng"]


def test_quote_spans_are_those_of_the_character_by_character_scan() -> None:
    from kgraph.extract.tokens import quote_spans

    def by_character(text: str) -> list[tuple[int, int]]:  # the scan as first written
        spans: list[tuple[int, int]] = []
        depth, start, straight_open = 0, 0, -1
        for i, ch in enumerate(text):
            if ch == "“":
                if depth == 0:
                    start = i + 1
                depth += 1
            elif ch == "”" and depth > 0:
                depth -= 1
                if depth == 0:
                    spans.append((start, i))
            elif ch == '"' and depth == 0:
                if straight_open < 0:
                    straight_open = i + 1
                else:
                    spans.append((straight_open, i))
                    straight_open = -1
        if depth > 0:
            spans.append((start, len(text)))
        return sorted(spans)

    texts = ["Không có dấu nháy.", "", '“a” và “b “c” d” rồi "e" và "f', "” lạc “ mở", '"“x"”"', "“““"]
    texts += ['a"b"c"d"e“f”g', 'Chỉ thị “Về tăng cường” số 05-CT/TW "và" ”']
    for text in texts:
        assert quote_spans(text) == by_character(text), text


def test_clause_opener_compares_its_phrases_only_at_a_word_one_starts_with(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract import names
    from kgraph.extract.tokens import tokenize

    asked: list[int] = []
    real = names.match_words

    def counting(tokens, i, words):  # type: ignore[no-untyped-def]
        asked.append(i)
        return real(tokens, i, words)

    monkeypatch.setattr(names, "match_words", counting)
    tokens = tokenize("Sở Nội vụ Trình bày Tờ trình về Kế hoạch hóa gia đình và Kế hoạch năm")
    openers = [k for k in range(len(tokens)) if names.clause_opener(tokens, k)]
    assert [tokens[k].text for k in openers] == ["Trình", "Tờ", "Kế"]
    assert openers[-1] == len(tokens) - 3  # Kế hoạch năm; Kế hoạch hóa gia đình is one word
    firsts = {w[0] for w in names._CLAUSE_OPENERS}
    assert asked and {tokens[i].key for i in asked} <= firsts


def test_the_register_answers_a_place_asked_again_from_memory(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract import gazetteer

    asked: list[str] = []
    real = gazetteer.units

    def counting(name: str):  # type: ignore[no-untyped-def]
        asked.append(name)
        return real(name)

    monkeypatch.setattr(gazetteer, "units", counting)
    getattr(gazetteer.identify, "cache_clear", lambda: None)()  # a build may have asked it already
    first = gazetteer.identify("Hải Chánh", "Hải Lăng")
    assert asked
    asked.clear()
    assert gazetteer.identify("Hải Chánh", "Hải Lăng") == first and asked == []
    assert first[0] == "commune" and first[1]  # a commune of the register, settled by its district


def test_the_people_rule_reads_no_title_at_a_lower_case_word_that_opens_no_honorific(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract import people

    text = "sáng nay, ông Nguyễn Văn Bình và đồng chí Lê Thị Hoa đã đến thăm nhà văn hóa xã."
    st = _sentence_state(text)
    asked: list[str] = []
    real = people._honorific_len

    def counting(tokens, i, lex):  # type: ignore[no-untyped-def]
        asked.append(tokens[i].text)
        return real(tokens, i, lex)

    monkeypatch.setattr(people, "_honorific_len", counting)
    people.find_people(st, st.blocked.union(st.taken))
    # the sentence's first word is asked once more, by the rule of a name before its age ('Bình, 18 tuổi')
    assert "ông" in asked and not {"nay", "đã", "đến", "thăm", "văn", "xã"} & set(asked), asked
    assert [f.text for f in st.found] == ["Nguyễn Văn Bình", "Lê Thị Hoa"]


def test_the_people_rule_asks_byline_age_and_naming_only_where_they_can_start(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract import people

    text = "chiều qua, cô giáo tên là Mai (Đỗ Văn Tùng, 40 tuổi) cùng ông Lê Thị Hoa đến thăm trường học."
    st = _sentence_state(text)
    asked: dict[str, list[str]] = {"_byline_at": [], "_before_age": [], "_named_len": []}
    for name in asked:
        real = getattr(people, name)

        def counting(tokens, i, *rest, _real=real, _seen=asked[name]):  # type: ignore[no-untyped-def]
            _seen.append(tokens[i].text)
            return _real(tokens, i, *rest)

        monkeypatch.setattr(people, name, counting)
    people.find_people(st, st.blocked.union(st.taken))
    assert asked == {
        "_byline_at": ["chiều", "cô", "Đỗ", "40", "cùng"],  # after a mark only
        "_before_age": ["chiều", "Đỗ"],
        "_named_len": ["tên"],
    }, asked
    assert [f.text for f in st.found] == ["Mai", "Đỗ Văn Tùng", "Lê Thị Hoa"]


def test_the_site_and_lower_body_rules_read_only_words_that_open_a_site_or_a_body(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract import sites

    text = "hôm qua công ty du lịch Sao Mai đã sửa cầu trên sông Bến Hải cho người dân đi lại."
    st = _sentence_state(text)
    asked: dict[str, list[str]] = {"_site_word": [], "_body_word": []}
    real_site, real_body = sites._site_word, sites._body_word

    def site_word(st, k):  # type: ignore[no-untyped-def]
        asked["_site_word"].append(st.tokens[k].text)
        return real_site(st, k)

    def body_word(tokens, k, bodies):  # type: ignore[no-untyped-def]
        asked["_body_word"].append(tokens[k].text)
        return real_body(tokens, k, bodies)

    monkeypatch.setattr(sites, "_site_word", site_word)
    monkeypatch.setattr(sites, "_body_word", body_word)
    sites.rule_lower_bodies(st)
    sites.rule_sites(st)
    assert "công" in asked["_body_word"] and not {"hôm", "qua", "sửa", "dân", "lại"} & set(
        asked["_body_word"]
    )
    assert "sông" in asked["_site_word"] and not {"hôm", "qua", "sửa", "dân", "lại"} & set(
        asked["_site_word"]
    )
    assert sorted(f.text for f in st.found) == ["công ty du lịch Sao Mai", "sông Bến Hải"]


def test_the_people_rule_reads_nothing_at_a_lower_case_word_inside_the_prose(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract import people

    text = "chiều nay nguyên Chủ tịch Trần Văn Nam và bà Lê Thị Hoa đã đến thăm con trai tên là Minh."
    st = _sentence_state(text)
    asked: list[str] = []
    real = people._name_at

    def counting(st, i, blocked, found):  # type: ignore[no-untyped-def]
        asked.append(st.tokens[i].text)
        return real(st, i, blocked, found)

    monkeypatch.setattr(people, "_name_at", counting)
    people.find_people(st, st.blocked.union(st.taken))
    assert {"chiều", "nguyên", "bà", "tên"} <= set(asked), asked
    assert not {"nay", "đã", "đến", "thăm", "con", "trai", "là"} & set(asked), asked
    assert [f.text for f in st.found] == ["Trần Văn Nam", "Lê Thị Hoa", "Minh"]


def test_the_passive_agent_rule_reads_the_cues_only_after_an_agent_word(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract import relations
    from kgraph.extract.lexicon import lexicon
    from kgraph.extract.rules import run_mention_rules

    asked: list[str] = []
    real = relations.find_cues

    def counting(sm, lex):  # type: ignore[no-untyped-def]
        asked.append(sm.text)
        return real(sm, lex)

    monkeypatch.setattr(relations, "find_cues", counting)
    plain = "UBND tỉnh Bình Định họp bàn kế hoạch với Sở Xây dựng."
    passive = "Kế hoạch số 12 về phòng chống bão do UBND tỉnh Bình Định ban hành."
    for text in (plain, passive):
        sm = run_mention_rules(_sentence_state(text))
        for f in sm.found:
            f.key = f.key or f"{f.group}|{f.text}"  # as resolution keys them
        relations.rule_passive_agent(relations.RelationState(lexicon(), None), sm)
    assert asked == [passive]


def test_the_names_and_level_rules_call_nothing_at_a_lower_case_word_that_starts_nothing(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract import mentions

    text = "sáng nay các em học sinh đến thăm tỉnh Quảng Ninh và gặp ủy ban nhân dân xã."
    st = _sentence_state(text)
    asked: dict[str, list[str]] = {"_name_at": [], "_level_word": []}
    real_name, real_level = mentions._name_at, mentions._level_word

    def name_at(st, i):  # type: ignore[no-untyped-def]
        asked["_name_at"].append(st.tokens[i].text)
        return real_name(st, i)

    def level_word(tokens, k):  # type: ignore[no-untyped-def]
        asked["_level_word"].append(tokens[k].text)
        return real_level(tokens, k)

    monkeypatch.setattr(mentions, "_name_at", name_at)
    monkeypatch.setattr(mentions, "_level_word", level_word)
    mentions.rule_level_places(st)
    mentions.rule_names(st)
    quiet = {"sáng", "nay", "em", "sinh", "đến", "thăm", "gặp", "dân"}
    assert asked["_level_word"] == ["tỉnh", "xã"], asked
    assert "ủy" in asked["_name_at"] and not quiet & set(asked["_name_at"]), asked
    assert [f.text for f in st.found] == ["Quảng Ninh", "Quảng Ninh"]  # by each rule


def test_the_command_starts_blas_on_one_thread_unless_told() -> None:
    """The page's layout imports numpy and makes no BLAS call: OpenBLAS starting a thread per core at
    its import is wasted CPU, so the command sets OPENBLAS_NUM_THREADS=1 unless the user set it."""
    code = (
        "import atexit, os, sys\n"
        "atexit.register(lambda: print(os.environ.get('OPENBLAS_NUM_THREADS')))\n"
        "sys.argv = ['kgraph', '--help']\n"
        "from kgraph.cli import run\n"
        "run()\n"
    )
    for given, expected in ((None, "1"), ("3", "3")):
        env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
        if given is not None:
            env["OPENBLAS_NUM_THREADS"] = given
        run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
        assert run.returncode == 0, run.stderr
        assert run.stdout.strip().splitlines()[-1] == expected


def test_the_tagger_makes_a_pair_of_words_features_from_each_word_once() -> None:
    from kgraph.extract import tagger
    from kgraph.extract.tokens import tokenize

    tokens = tokenize("Ông Lò Văn Páo, Bí thư Đảng ủy xã, và ông Lò Văn Páo của Sở Tư pháp.")
    tagger._key_bytes.cache_clear()
    tagger._byte_record.cache_clear()
    coded = tagger._assemble(tokens, tagger.lexicon(), tagger._BYTES, tagger.EMPTY, False)
    assert tagger._key_bytes.cache_info().currsize == len({t.key for t in tokens})  # no cache of pairs
    # one look-up per token: its own and its neighbours' features with its parts of its pairs' features
    assert tagger._byte_record.cache_info().hits + tagger._byte_record.cache_info().misses == len(tokens)
    asked = tagger._key_bytes.cache_info()
    assert tagger._assemble(tokens, tagger.lexicon(), tagger._BYTES, tagger.EMPTY, False) == coded
    assert tagger._key_bytes.cache_info() == asked  # tokens seen before: their records, nothing more
    assert coded == [[f.encode() for f in feats] for feats in tagger.features(tokens)]
    assert b"b-=l\xc3\xb2 v\xc4\x83n" in coded[2] and b"b+=l\xc3\xb2 v\xc4\x83n" in coded[1]


def test_the_tagger_asks_for_a_place_only_at_a_word_a_place_name_starts_with(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract import tagger
    from kgraph.extract.tokens import tokenize

    asked: list[str] = []
    real = tagger.match_place

    def counting(tokens, i, lex):  # type: ignore[no-untyped-def]
        asked.append(tokens[i].text)
        return real(tokens, i, lex)

    monkeypatch.setattr(tagger, "match_place", counting)
    tokens = tokenize("Đoàn của Sở Tư pháp do Ông Nguyễn Văn Xyz dẫn đầu thăm Hà Nội và Quảng Trị.")
    marks = tagger._spans(tokens, tagger.lexicon())
    assert "Hà" in asked and "Quảng" in asked
    assert not {"Đoàn", "Sở", "Ông", "Nguyễn", "Văn", "Xyz"} & set(asked)
    assert [m for m in marks if "pl=B" in m] == [["pl=B"], ["pl=B"]]


def test_a_build_process_collects_young_objects_every_100000_allocations() -> None:
    import gc

    from kgraph.cli.build import _collect_less

    before = gc.get_threshold()
    try:
        _collect_less()
        assert gc.get_threshold()[0] == 100_000  # a 100-article build: no pass at all instead of 13
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def _domain_end_the_long_way(tokens, j, lex):  # type: ignore[no-untyped-def]
    from kgraph.extract import names
    from kgraph.text import name_key

    start, best = j - 1, 0
    while start > 0 and (
        (tokens[start - 1].is_word or tokens[start - 1].text in (",", "-"))
        and not names.match_head(tokens, start - 1, lex.heads)
    ):
        if not tokens[start - 1].is_cap and tokens[start - 1].key in (names._AND,):
            break
        start -= 1
        if j - start > 6:
            break
    for begin in range(start, j):
        for end in range(j + 2, min(j + names._DOMAIN_TOKENS, len(tokens) + 1)):
            if tokens[end - 1].is_word:
                phrase = " ".join(names._AND if t.key == "&" else t.text for t in tokens[begin:end])
                if " ".join(name_key(phrase.replace(" ,", ",")).replace("-", " ").split()) in lex.domains:
                    best = max(best, end)
    return best


def test_the_domain_end_keys_only_stretches_whose_edge_words_edge_a_domain(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract import names
    from kgraph.extract.lexicon import lexicon
    from kgraph.extract.tokens import tokenize

    lex = lexicon()
    texts = [
        "Sở Khoa học, Công nghệ và Môi trường cùng Sở Văn hóa - Thông tin, Sở Kế hoạch & Đầu tư họp.",
        "Bộ nông nghiệp và phát triển nông thôn, Hội Nông dân và Đoàn Thanh niên dự lễ.",
        "Ủy ban Văn hóa, Giáo dục, Thanh thiếu niên và Nhi đồng; Lao động - Thương binh và Xã hội / Y tế.",
    ]
    for text in texts:
        tokens = tokenize(text)
        for j, tok in enumerate(tokens):
            if tok.text in (",", "-", "&") or tok.key == names._AND:
                long_way = _domain_end_the_long_way(tokens, j, lex)
                assert names._domain_end(tokens, j, lex) == long_way, (text, j)
    keyed: list[str] = []
    real_key = names.name_key
    monkeypatch.setattr(names, "name_key", lambda s: keyed.append(s) or real_key(s))
    tokens = tokenize("Hội Nông dân và Đoàn Thanh niên cùng Ban Tổ chức và Mặt trận dự lễ.")
    for j, tok in enumerate(tokens):
        if tok.key == names._AND:
            assert names._domain_end(tokens, j, lex) == 0
    assert not [s for s in keyed if " " in s]  # no stretch of several words keyed


def test_the_names_people_and_world_rules_ask_no_blocked_span_at_a_lower_case_prose_word(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract import mentions, people, world
    from kgraph.extract.state import Spans

    text = "chiều qua, bà Trần Thị Mai cùng Sở Y tế và tổ chức UNICEF đã về thăm trạm xá ở xã miền núi."
    asked: list[int] = []
    real = Spans.__contains__

    def counting(self, pos):  # type: ignore[no-untyped-def]
        asked.append(pos)
        return real(self, pos)

    monkeypatch.setattr(Spans, "__contains__", counting)
    for run in (mentions.rule_names, lambda st: people.find_people(st, st.blocked.union(st.taken))):
        st = _sentence_state(text)
        asked.clear()
        run(st)
        lower = {
            t.start
            for t in st.tokens[1:]
            if t.key in {"cùng", "đã", "về", "thăm", "trạm", "xá", "miền", "núi"}
        }
        assert not lower & set(asked), [t.text for t in st.tokens if t.start in asked]
    st = _sentence_state(text)
    tried: list[int] = []
    real_at = world._body_at
    monkeypatch.setattr(
        world, "_body_at", lambda st, k, n, table: tried.append(k) or real_at(st, k, n, table)
    )
    world.rule_world_bodies(st)
    assert [st.tokens[k].text for k in tried] == ["UNICEF"]  # one size tried: the table's spelling
    assert [f.text for f in st.found] == ["UNICEF"]


def test_the_page_reader_shares_a_literal_read_twice() -> None:
    from rdflib import Graph, Literal

    from kgraph.lines import add_lines

    lines = [
        '<http://x/a> <http://x/label> "Sở Y tế"@vi .',
        '<http://x/b> <http://x/label> "Sở Y tế"@vi .',
        '<http://x/a> <http://x/count> "2"^^<http://www.w3.org/2001/XMLSchema#integer> .',
        '<http://x/b> <http://x/count> "2"^^<http://www.w3.org/2001/XMLSchema#integer> .',
        '<http://x/a> <http://x/note> "2" .',
    ]
    graph = Graph()
    add_lines(graph, lines)
    labels = list(graph.objects(None, None))
    assert len(graph) == 5 and Literal("2") in labels and Literal("Sở Y tế", lang="vi") in labels
    same = [o for o in labels if o == Literal("Sở Y tế", lang="vi")]
    counts = [o for o in labels if o == Literal(2)]
    assert len(same) == 2 and same[0] is same[1] and len(counts) == 2 and counts[0] is counts[1]


def test_the_page_reader_adds_a_plain_graph_s_triples_to_its_store_unchecked(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import rdflib.graph
    from rdflib import Dataset, Graph, URIRef
    from rdflib.compare import isomorphic

    from kgraph.lines import add_lines

    lines = [
        '<http://x/a> <http://x/label> "Sở Y tế"@vi .',
        '<http://x/a> <http://x/count> "2"^^<http://www.w3.org/2001/XMLSchema#integer> .',
        "<http://x/a> <http://x/in> <http://x/b> .",
    ]
    expected = Graph().parse(data="\n".join(lines), format="nt")
    checked: list[object] = []
    real = rdflib.graph._assertnode
    monkeypatch.setattr(rdflib.graph, "_assertnode", lambda *terms: checked.append(terms) or real(*terms))
    for store in ("default", "SimpleMemory"):
        graph = Graph(store=store)
        add_lines(graph, lines)
        assert len(graph) == 3 and isomorphic(graph, expected)
    dataset = Dataset()
    add_lines(dataset.graph(URIRef("http://x/g")), lines)  # a dataset's named graph: its store, that graph
    assert not checked
    assert {g.identifier for g in dataset.graphs() if len(g)} == {URIRef("http://x/g")}
    assert isomorphic(dataset.graph(URIRef("http://x/g")), expected)


class _Scans:
    """A compiled pattern that records the lengths of the texts its scans read."""

    def __init__(self, pattern) -> None:  # type: ignore[no-untyped-def]
        self.pattern, self.read = pattern, []

    def finditer(self, text: str, *span: int):  # type: ignore[no-untyped-def]
        self.read.append(len(text) if not span else min(span[1:] or [len(text)]) - span[0])
        return self.pattern.finditer(text, *span)

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self.pattern, name)


def _offsets_the_long_way(text: str):  # type: ignore[no-untyped-def]
    """``normalize_with_offsets`` as first written: every step a scan of the whole text."""
    import unicodedata

    from kgraph import text as t

    offsets = t.OffsetMap()
    steps = [
        (t._LINE_ENDS, lambda m: "\n"),
        (t._INVISIBLE, lambda m: ""),
        (t._CHUNK, lambda m: unicodedata.normalize("NFC", m.group(0))),
        (t._SPACES_CHANGED, lambda m: " "),
        (t._MAYBE_MISPLACED, lambda m: t._place_tone(m.group(0))),
        (t._LINE_SPACES, lambda m: "\n"),
        (re.compile(r"(?<=[^\W_]|,)\n(?=[^\W_])"), t._unwrap),  # the wrap pattern as first written
    ]
    out = text
    for pattern, replace in steps:
        if pattern is t._CHUNK:
            out = t._CONTROL.sub(" ", out)
        out, changes = t._tracked(out, ((m.start(), m.end(), replace(m)) for m in pattern.finditer(out)))
        offsets.add(changes)
    stripped = out.lstrip()
    offsets.add([(0, 0, 0, len(out) - len(stripped))] if len(stripped) < len(out) else [])
    return stripped.rstrip(), offsets


_ODD_TEXTS = [
    "Uỷ ban nhân dân hoà giải.\nKhoẻ mạnh, thuỷ lợi\nvà quả  kết quả.",
    "  \u00a0Hoà\u2003bình \t uỷ\r\nban\r  số\n03/2014 \n 1. Mục\n a) mục ",
    "ho\u0300a \u0301a U\u0309y ban\u200b nhân\u00ad dân\x0bxã, \nphường\n\nquận hoà" * 3,
    "Không có gì lạ. Chỉ một câu.",
    "",
    " \n ",
    "uỷ" * 30 + "\n" + "hoà " * 40 + "\nKết,\nthúc",
]


def test_normalising_with_offsets_gives_the_long_ways_text_and_offsets() -> None:
    import unicodedata

    from kgraph.text import normalize_text, normalize_with_offsets

    texts = _ODD_TEXTS + [unicodedata.normalize("NFD", t) for t in _ODD_TEXTS]
    for text in texts:
        fast, offsets = normalize_with_offsets(text)
        slow, long_offsets = _offsets_the_long_way(text)
        assert fast == slow == normalize_text(text), text
        assert [offsets.original(i) for i in range(len(fast) + 1)] == [
            long_offsets.original(i) for i in range(len(fast) + 1)
        ], text


def test_a_normalising_step_that_looks_unchanging_makes_no_change() -> None:
    import unicodedata

    from kgraph.text import _steps, _tracked

    texts = _ODD_TEXTS + [unicodedata.normalize("NFD", t) for t in _ODD_TEXTS] + ["a\x0bb", "a\x0cb\u200b"]
    for text in texts:
        for may_change, edits in _steps():
            if not may_change(text):  # the cheap look says so: the step's edits agree
                assert _tracked(text, edits(text)) == (text, []), (text, may_change)
            text = _tracked(text, edits(text))[0]


def test_normalising_reads_for_tones_only_the_runs_that_hold_a_cue(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kgraph import text as t

    text = "Ông Nguyễn Văn Bình thăm các hộ gia đình ở xã Hải Chánh. " * 20 + "Uỷ ban hoà giải."
    tones = _Scans(t._MAYBE_MISPLACED)
    skipped = {name: _Scans(getattr(t, name)) for name in ("_SPACES_CHANGED", "_LINE_SPACES")}
    monkeypatch.setattr(t, "_MAYBE_MISPLACED", tones)
    for name, scans in skipped.items():
        monkeypatch.setattr(t, name, scans)
    normalised, _ = t.normalize_with_offsets(text)
    assert normalised.endswith("Ủy ban hòa giải.")
    assert sum(tones.read) == len("Uỷ") + len("hoà")  # the two runs holding a misplaced mark
    assert all(scans.read == [] for scans in skipped.values())  # no double space, no space at a line end
    t.normalize_with_offsets(text.replace("ban ", "ban\u00a0 ") + " \nXong")
    assert all(scans.read for scans in skipped.values())


def test_the_wrap_pattern_finds_the_breaks_its_look_behind_form_found() -> None:
    from kgraph.text import _MAYBE_WRAP

    first = re.compile(r"(?<=[^\W_]|,)\n(?=[^\W_])")
    texts = _ODD_TEXTS + ["a\nb,\nc.\nd\n\ne 1\n2 _\n_ Đ\nđ", "\n\nx\n", "x\n", "\nx"]
    for text in texts:
        assert [m.span() for m in _MAYBE_WRAP.finditer(text)] == [m.span() for m in first.finditer(text)]
    assert _MAYBE_WRAP.pattern.startswith("\\n")  # a literal first: the engine skips to each break


def test_a_long_sentence_is_scanned_for_runs_only_when_it_may_hold_one(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kgraph import text as t

    scans = _Scans(t._GUARD_TOKEN)
    monkeypatch.setattr(t, "_GUARD_TOKEN", scans)
    prose = " ".join(["Đoàn công tác tỉnh đã đến thăm hỏi"] * 12) + "."  # 96 words, 400 characters
    assert [s.text for s in t.split_sentences(prose)] == [prose]
    assert scans.read == []
    run = " ".join(["một"] * (t.MAX_RUN_WORDS + 5))
    assert len(t.split_sentences(run)) == 2 and scans.read


def test_sentences_track_curly_quotes_as_the_character_by_character_scan() -> None:
    from kgraph.text import MAX_QUOTE, split_sentences

    texts = [
        "Ông nói “Tỉnh ủy họp. Xong rồi.” Sau đó về. Bà hỏi “Vì sao?” Ông “ừ”.",
        "Mở “một “hai. Ba” bốn. Năm” sáu. Bảy.",
        "Lạc ” đóng. Mở “ rồi.\nDòng mới. Hết “x”.",
        "“" + "Tỉnh ủy họp. " * (MAX_QUOTE // 10) + "” Cuối. Câu.",
        "Câu một.” “Câu hai. Câu ba.”",
    ]
    for text in texts:
        assert [(s.start, s.end) for s in split_sentences(text)] == _split_by_character(text), text


def _split_by_character(text: str) -> list[tuple[int, int]]:
    """``split_sentences`` as first written: every character between boundaries looked at."""
    from kgraph import text as t

    cuts: list[tuple[int, int]] = []
    start = depth = scanned = 0
    opened_at = -1
    for match in t._BOUNDARY.finditer(text):
        cut = match.start()
        if text[cut - 1 : cut] == "." and text[cut] != "\n" and t._initial_before(text, cut):
            continue
        if text[cut : match.end()].strip() and text[cut] in '"”’)':
            cut = match.start() + 1
        for pos in range(scanned, cut):
            if text[pos] == "“":
                opened_at = pos if depth == 0 else opened_at
                depth += 1
            elif text[pos] == "”" and depth > 0:
                depth -= 1
        scanned = max(scanned, cut)
        if match.group(0).startswith("\n") or depth == 0 or (depth > 0 and cut - opened_at > t.MAX_QUOTE):
            cuts.append((start, cut))
            start, depth = match.end(), 0
            scanned = max(scanned, start)
    cuts.append((start, len(text)))
    out = []
    for a, b in cuts:
        a, b = a + len(text[a:b]) - len(text[a:b].lstrip()), b - (len(text[a:b]) - len(text[a:b].rstrip()))
        if b > a:
            out.append((a, b))
    return out


def test_the_rules_are_named_once_not_once_per_sentence(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract import rules

    st = _sentence_state("Sáng nay, Tỉnh ủy Quảng Trị họp.")
    rules.run_mention_rules(st)  # the names of the rules, once in a process
    asked: list[str] = []
    real = rules.rule_name
    monkeypatch.setattr(rules, "rule_name", lambda rule: asked.append(rule.__name__) or real(rule))
    st = rules.run_mention_rules(_sentence_state("Chiều nay, Huyện ủy Hải Lăng họp."))
    assert asked == [] and {f.rule for f in st.found} >= {"names"}


def test_document_numbers_are_looked_for_only_in_a_sentence_holding_a_digit(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract import documents
    from kgraph.extract.rules import find_documents

    scans = {name: _Scans(getattr(documents, name)) for name in ("_PARTY", "_STATE", "_LOOSE")}
    for name, scan in scans.items():
        monkeypatch.setattr(documents, name, scan)
    assert find_documents("Tỉnh ủy ban hành Chỉ thị về công tác cán bộ.") == []
    assert all(scan.read == [] for scan in scans.values())
    found = find_documents("Thực hiện Chỉ thị số 05-CT/TW và Nghị định 30/2020/NĐ-CP.")
    assert [d.number for d in found] == ["05-CT/TW", "30/2020/NĐ-CP"]
    assert all(scan.read for scan in scans.values())


class _Reads(list):  # type: ignore[type-arg]
    """A token list that records which positions are read."""

    def __init__(self, items) -> None:  # type: ignore[no-untyped-def]
        super().__init__(items)
        self.read: set[int] = set()

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        if isinstance(index, int):
            self.read.add(index)
        return super().__getitem__(index)


def test_a_place_name_is_read_no_further_than_a_place_name_can_go() -> None:
    from kgraph.extract.lexicon import lexicon
    from kgraph.extract.names import match_place
    from kgraph.extract.tokens import tokenize

    lex = lexicon()
    tokens = _Reads(tokenize("Hà Nội Mới Là Nơi Có Nhiều Người Đến Thăm Quan Sát Học Hỏi"))
    assert match_place(tokens, 0, lex) == 2
    assert max(tokens.read) == 2  # 'hà nội mới' starts no place name: the words after it are not read
    tokens = _Reads(tokenize("Thừa Thiên - Huế và Bà Rịa - Vũng Tàu"))
    assert match_place(tokens, 0, lex) == 4 and match_place(tokens, 5, lex) == 5  # the dashes counted


def test_a_head_is_matched_as_the_long_way_matches_it() -> None:
    from kgraph.extract.lexicon import lexicon
    from kgraph.extract.names import match_head
    from kgraph.extract.tokens import tokenize

    def long_way(tokens, i, heads):  # type: ignore[no-untyped-def]
        for head in heads.get(tokens[i].key, ()):
            size = len(head.keys)
            if i + size > len(tokens) or any(tokens[i + k].key != head.keys[k] for k in range(1, size)):
                continue
            if not head.any_case and not tokens[i].is_cap:
                continue
            return head
        return None

    lex = lexicon()
    text = "Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân tỉnh, ủy ban nhân dân, Sở Giáo dục và Đào tạo, Ban"
    text += " Chỉ đạo, Hội đồng nhân dân, Trường Đại học Y, Bộ Công an, Công ty TNHH, Ban Thường"
    tokens = tokenize(text)
    for heads in (lex.heads, lex.tagger_heads, lex.place_heads):
        assert [match_head(tokens, i, heads) for i in range(len(tokens))] == [
            long_way(tokens, i, heads) for i in range(len(tokens))
        ]


def test_the_lower_body_rule_reads_only_the_words_a_body_opens_with() -> None:
    from kgraph.extract import sites

    text = "hôm qua đoàn đã đến thăm và làm việc với công ty du lịch Sao Mai ở thành phố biển."
    st = _sentence_state(text)
    st.tokens = _Reads(st.tokens)
    sites.rule_lower_bodies(st)
    assert [f.text for f in st.found] == ["công ty du lịch Sao Mai"]
    words = [st.tokens[k].text for k in sorted(st.tokens.read)]
    assert not {"hôm", "qua", "đoàn", "đến", "thăm", "làm", "việc"} & set(words), words


def test_the_numbered_place_rule_reads_a_unit_only_at_a_word_one_opens_with(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract import mentions

    asked: list[str] = []
    real = mentions.numbered_unit

    def counting(tokens, i):  # type: ignore[no-untyped-def]
        asked.append(tokens[i].text)
        return real(tokens, i)

    monkeypatch.setattr(mentions, "numbered_unit", counting)
    st = _sentence_state("Sáng nay, bà con ở phường 12, quận 10 và ấp B4 đến nhận quà, Q.12 cũng vậy.")
    mentions.rule_numbered_places(st)
    assert [f.text for f in st.found] == ["phường 12", "quận 10", "ấp B4", "Q.12"]
    assert set(asked) <= {"phường", "quận", "ấp", "Q"}, asked


def test_the_world_bodies_rule_keys_a_run_only_where_a_spelling_starts(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract import world

    world._body_keys()  # the table, keyed once in a process
    asked: list[str] = []
    real = world._key

    def counting(tokens):  # type: ignore[no-untyped-def]
        asked.append(tokens[0].text if tokens else "")
        return real(tokens)

    monkeypatch.setattr(world, "_key", counting)
    text = "Ông Nguyễn Văn Bình, Giám đốc Sở Y tế Hà Nội, làm việc với UNDP và Tổ chức Y tế Thế giới."
    st = _sentence_state(text)
    world.rule_world_bodies(st)
    assert [f.text for f in st.found] == ["UNDP", "Tổ chức Y tế Thế giới"]
    assert not {"Ông", "Nguyễn", "Văn", "Bình", "Giám", "Sở", "Hà", "Nội"} & set(asked), asked


def _awkward_graph():  # type: ignore[no-untyped-def]
    """Terms the page's reader must keep apart: a literal spelling an IRI, typed and tagged
    literals of one text, a blank node, quotes and a line break in a label."""
    from rdflib import BNode, Graph, Literal
    from rdflib.namespace import RDF, RDFS, SKOS, XSD

    from kgraph.namespaces import KG, RES

    graph = Graph()
    duc, ha = RES["person-duc"], RES["person-ha"]
    for node, label in ((duc, 'Nguyễn Văn "Đức"'), (ha, "Trần Thị Hà\nhai dòng")):
        graph.add((node, RDF.type, KG.Person))
        graph.add((node, SKOS.prefLabel, Literal(label, lang="vi")))
    graph.add((duc, SKOS.prefLabel, Literal("Nguyễn Văn Đức", lang="en")))
    graph.add((duc, SKOS.altLabel, Literal("Nguyễn Văn Đức")))
    graph.add((duc, RDFS.label, Literal("7", datatype=XSD.integer)))
    graph.add((duc, KG.mentionedIn, Literal(str(RES["article-1"]))))  # a literal, not an article
    graph.add((duc, KG.mentionedIn, RES["article-1"]))
    graph.add((RES["article-1"], KG.sourceFile, Literal("báo/bài 1.txt")))
    graph.add((duc, KG.cooperatesWith, ha))
    stmt = BNode("s1")
    for field, value in ((RDF.type, RDF.Statement), (RDF.subject, duc), (RDF.predicate, KG.cooperatesWith)):
        graph.add((stmt, field, value))
    graph.add((stmt, RDF.object, ha))
    graph.add((stmt, KG.evidence, Literal("Ông Đức và bà Hà hợp tác.", lang="vi")))
    graph.add((stmt, KG.modality, Literal(str(KG.requested))))  # a literal is no modality concept
    return graph


def test_the_page_read_from_lines_is_the_page_read_from_rdflib() -> None:
    import kgraph
    from kgraph.facts import Facts, is_iri
    from kgraph.lines import graph_lines
    from kgraph.namespaces import KG, RES
    from kgraph.network import entity_net
    from kgraph.visualize import Context, render_html

    result = kgraph.build([SMALL])
    assert render_html(Facts.from_lines(result.union_lines())) == render_html(result.union())
    graph = _awkward_graph()
    facts = Facts.from_lines(graph_lines(graph))
    for read in (facts, Facts.of(graph)):
        assert render_html(read) == render_html(graph)
        assert Context.of(read) == Context.of(graph)
        assert list(entity_net(read).edges(keys=True, data=True)) == list(
            entity_net(graph).edges(keys=True, data=True)
        )
    mentions = facts.objects(str(RES["person-duc"]), str(KG.mentionedIn))
    assert sorted(is_iri(o) for o in mentions) == [False, True]


def test_a_build_page_loads_no_rdflib_store(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import kgraph
    from kgraph.results import BuildResult

    def no_store(self: BuildResult, store: str = "default") -> None:
        raise AssertionError("the page reads the lines, not an rdflib graph of them")

    monkeypatch.setattr(BuildResult, "union", no_store)
    kgraph.build_to([SMALL], tmp_path / "out", workers=1)
    assert (tmp_path / "out" / "graph.html").read_text(encoding="utf-8").startswith("<!doctype html>")


def test_literals_are_written_as_rdflib_writes_them() -> None:
    from decimal import Decimal

    from rdflib import Literal
    from rdflib.namespace import XSD

    from kgraph.rdf import _lit, boolean, integer, plain, quantity_literal, typed

    texts = ["a", 'a "b"', "back\\slash", "cr\rx", "nl\nx", 'nl\n"""q"""', 'end\n"', "tab\tx", "", "Đảng ủy"]
    texts += ['x\\"\ny', "\u2028", 'a\\\nb"', '"']
    for text in texts:
        assert plain(text) == Literal(text).n3(), text
        assert _lit(text) == Literal(text, lang="vi").n3(), text
    for number in (0, 7, -3, 12345678901234):
        assert integer(number) == Literal(number).n3()
    assert [boolean(True), boolean(False)] == [Literal(True).n3(), Literal(False).n3()]
    days = ["2020-01-05", "1999-12-31", "2020-1-5", "2020-02-30", "20200105", "2020-01-05Z"]
    for day in days:
        assert typed(day, str(XSD.date)) == Literal(day, datatype=XSD.date).n3(), day
    times = ["2020-01-05T10:30:00", "2020-01-05T10:30", "2020-01-05T24:00:00", "2020-01-05T10:30:00+07:00"]
    for moment in times:
        assert typed(moment, str(XSD.dateTime)) == Literal(moment, datatype=XSD.dateTime).n3(), moment
    for value in ("4254", "17.8", "17.80", "0", "0.50", "1e3"):
        number = Decimal(value)
        whole = number == number.to_integral_value()
        old = (
            Literal(int(number)) if whole else Literal(format(number, "f").rstrip("0"), datatype=XSD.decimal)
        )
        assert quantity_literal(value) == old.n3(), value


def test_article_lines_are_written_without_making_rdflib_literals(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from helpers import run
    from rdflib import Literal

    from kgraph.rdf import build_graph, build_lines

    x = run("Ngày 5/3/2024, ông Nguyễn Văn An, Chủ tịch UBND tỉnh Quảng Trị, làm việc với Bộ Y tế.")
    expected = sorted(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in build_graph(x))
    made: list[str] = []
    original = Literal.__new__

    def counted(cls, *args, **kwargs):  # type: ignore[no-untyped-def]
        made.append(str(args[0]) if args else "")
        return original(cls, *args, **kwargs)

    monkeypatch.setattr(Literal, "__new__", counted)
    assert build_lines(x) == expected
    assert made == []


def test_a_build_imports_no_rdflib_and_without_the_page_no_numpy(tmp_path: Path) -> None:
    # nor multiprocessing, with one worker (its import is ~0.01 CPU s)
    code = (
        "import sys\n"
        "from kgraph.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "print(code, 'rdflib' in sys.modules, 'numpy' in sys.modules, 'pyshacl' in sys.modules,\n"
        "      'multiprocessing' in sys.modules)\n"
    )
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    seen = []
    for extra in ([], ["--no-html"]):
        argv = ["build", str(SMALL), "--out", str(tmp_path / f"out{len(extra)}"), "--quiet", "--workers", "1"]
        run = subprocess.run(
            [sys.executable, "-c", code, *argv, *extra], capture_output=True, text=True, env=env
        )
        assert run.returncode == 0, run.stderr
        seen.append(run.stdout.split())
    assert seen == [["0", "False", "True", "False", "False"], ["0", "False", "False", "False", "False"]]


def test_the_parser_offers_the_export_formats_and_the_vocabularies_stay_closed() -> None:
    import pytest

    from kgraph.cli.export import FORMATS as OFFERED
    from kgraph.export import FORMATS
    from kgraph.namespaces import IRI, KG

    assert OFFERED == FORMATS
    assert IRI.KG.Person == str(KG.Person) == "https://w3id.org/kgraph/ontology#Person"
    for vocab in (IRI.KG, KG):
        with pytest.raises(AttributeError):
            vocab.Persn  # noqa: B018 (a misspelt term raises instead of minting an IRI)
    assert IRI.SKOS.prefLabel == "http://www.w3.org/2004/02/skos/core#prefLabel"


_LINES_OXIGRAPH_READS = [
    '<http://ex.org/a> <http://ex.org/label> "Bộ Tài chính"@vi .',
    '<http://ex.org/a> <http://ex.org/label> "Ministry"@en-GB .',  # Oxigraph lower-cases the tag
    '<http://ex.org/a> <http://ex.org/label> "Finance" .',
    '<http://ex.org/a> <http://ex.org/label> ""@vi .',
    '<http://ex.org/a> <http://ex.org/note> "say \\"hi\\"\\nthen go"@vi .',
    '<http://ex.org/a> <http://ex.org/note> "tab\there" .',
    '<http://ex.org/a> <http://ex.org/name> "plain"^^<http://www.w3.org/2001/XMLSchema#string> .',
    '<http://ex.org/a> <http://ex.org/count> "7"^^<http://www.w3.org/2001/XMLSchema#integer> .',
    '<http://ex.org/a> <http://ex.org/day> "2024-05-01"^^<http://www.w3.org/2001/XMLSchema#date> .',
    "<http://ex.org/a> <http://ex.org/knows> <http://ex.org/b> .",
    "<http://ex.org/a> <http://ex.org/knows> _:b1 .",
    '_:b1 <http://ex.org/label> "blank"@vi .',
    '<http://ex.org/a\\u00E9> <http://ex.org/label> "escaped IRI"@vi .',
]


def _facts_by_oxigraph(lines: list[str]):  # type: ignore[no-untyped-def]
    import pyoxigraph as ox

    from kgraph.facts import Blank, Facts, Lit

    facts = Facts()
    for triple in ox.parse("\n".join(lines).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES):

        def term(node):  # type: ignore[no-untyped-def]
            if isinstance(node, ox.Literal):
                return Lit(node.value, str(node))
            return Blank(node.value) if isinstance(node, ox.BlankNode) else node.value

        facts.add(term(triple.subject), triple.predicate.value, term(triple.object))
    return facts


def _facts_terms(facts):  # type: ignore[no-untyped-def]
    def term(value):  # type: ignore[no-untyped-def]
        return (type(value).__name__, str(value), getattr(value, "nt", None))

    return [(term(s), p, term(o)) for p, pairs in facts._pairs.items() for s, o in pairs]


def test_facts_from_lines_splits_plain_lines_itself_and_reads_them_as_oxigraph_does(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import pyoxigraph as ox

    from kgraph import facts as facts_module

    expected = _facts_terms(_facts_by_oxigraph(_LINES_OXIGRAPH_READS))
    assert _facts_terms(facts_module.Facts.from_lines(_LINES_OXIGRAPH_READS)) == expected
    parsed: list[bytes] = []
    parse = ox.parse

    def counting_parse(data: bytes, **options):  # type: ignore[no-untyped-def]
        parsed.append(data)
        return parse(data, **options)

    monkeypatch.setattr(facts_module.ox, "parse", counting_parse)
    facts_module.Facts.from_lines(_LINES_OXIGRAPH_READS)
    # only the lines with an escape, a control character, a tag Oxigraph rewrites, xsd:string
    # or a blank node go through Oxigraph: the plain IRIs and literals are split in Python
    assert sum(data.count(b"\n") + 1 for data in parsed) == 7


def test_the_unaccented_place_table_reads_rows_without_making_units(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract import gazetteer as g
    from kgraph.extract.lexicon import lexicon
    from kgraph.text import fold, name_key

    ranks, long_way = lexicon().level_ranks, {}  # the table made from whole units, as first written
    for rows in g.gazetteer().by_name.values():
        for row in rows:
            unit = g._unit(row)
            if ranks.get(name_key(unit.level), 4) <= 3 and " " in unit.name:
                long_way.setdefault(fold(unit.name), set()).add(unit.name)

    def no_unit(line: str) -> None:
        raise AssertionError("a unit made for the table")

    monkeypatch.setattr(g, "_unit", no_unit)
    g.plain_places.cache_clear()
    try:
        table = g.plain_places()
    finally:
        g.plain_places.cache_clear()
    assert table == {plain: next(iter(found)) for plain, found in long_way.items() if len(found) == 1}
    assert table["ha tinh"] == "Hà Tĩnh"


def test_the_page_reader_reads_a_literal_with_a_line_break_as_the_graph_reader_does() -> None:
    from rdflib import Graph, Literal, URIRef

    from kgraph.facts import Facts
    from kgraph.lines import add_lines
    from kgraph.rdf import quote

    text = "hai\ndòng"
    line = f"<http://x/a> <http://x/p> {quote(text)} ."  # written triple-quoted, as rdflib writes it
    graph = Graph()
    add_lines(graph, [line])
    assert set(graph) == {(URIRef("http://x/a"), URIRef("http://x/p"), Literal("hai\ndòng"))}
    facts = Facts.from_lines([line])
    assert [str(o) for o in facts.objects("http://x/a", "http://x/p")] == ["hai\ndòng"]


def _tokens_match_by_match(text: str, offset: int) -> list[tuple[int, int, str, str]]:
    """``tokenize`` as first written: a match object per token, its offsets from the match."""
    from kgraph.extract.tokens import _GLUED_CASE, _GLUED_NUMBER, _TOKEN, _glued_syllables
    from kgraph.text import name_key

    out: list[tuple[int, int, str, str]] = []
    two_cases = _GLUED_CASE.search(text) is not None
    for m in _TOKEN.finditer(text):
        word, (start, end) = m.group(), m.span()
        if word[-1].isdigit() and word[0].isalpha():
            glued = _GLUED_NUMBER.match(text, start)
            if glued and glued.start(1) < end and text[glued.start(1) - 1].islower():
                out.append((start + offset, glued.start(1) + offset, text[start : glued.start(1)], ""))
                start, word = glued.start(1), text[glued.start(1) : end]
        if two_cases and not word.islower():
            for part in _glued_syllables(word)[:-1]:
                out.append((start + offset, start + offset + len(part), part, ""))
                start, word = start + len(part), word[len(part) :]
        out.append((start + offset, end + offset, word, ""))
    return [(a, b, w, name_key(w)) for a, b, w, _ in out]


def test_tokens_are_read_by_one_findall_with_the_offsets_of_a_match_per_token(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract import tokens

    texts = _ODD_TEXTS + [
        "Bộ Tài Chính12. Nguyễn Văn A, Hồ Chí MinhỦy ban  nhân\u00a0dân\u2003TP.HCM\tU.B.N.D x2 ab3. 10.000",
        "\n\t Sở GD-ĐT (khoá XIII) 5/10: A.B.C’s VnExpress… “Nói” ",
    ]
    long_way = {(text, offset): _tokens_match_by_match(text, offset) for text in texts for offset in (0, 9)}
    monkeypatch.setattr(tokens, "_TOKEN", None)  # no match object per token
    for (text, offset), expected in long_way.items():
        got = [(t.start, t.end, t.text, t.key) for t in tokens.tokenize(text, offset)]
        assert got == expected, text
        assert all(text[a - offset : b - offset] == w for a, b, w, _ in got)


def test_the_tagger_asks_once_whether_a_tagged_span_is_plausible(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from collections import Counter

    from helpers import names, run

    from kgraph.extract import tagger

    asked: Counter[tuple[int, int, str]] = Counter()
    plausible = tagger.plausible

    def counting(tokens, t, lex):  # type: ignore[no-untyped-def]
        asked[(tokens[t.i].start, tokens[t.j - 1].end, t.label)] += 1
        return plausible(tokens, t, lex)

    monkeypatch.setattr(tagger, "plausible", counting)
    text = "Đoàn của Tucson gặp ông Peter Brown tại Springfield, rồi thăm Hội đồng Trọng tài Quốc tế."
    found = names(run(text))
    assert found["Springfield"] == "Location" and found["Hội đồng Trọng tài Quốc tế"] == "Organization"
    assert {label for *_, label in asked} >= {"LOC", "ORG"}
    assert max(asked.values()) == 1, asked  # _extend and the last test share one answer


def _decode_label_by_label(labels: list[str]) -> list[tuple[int, int, str]]:
    """``tagger.decode`` as first written: every label read, a closing 'O' appended."""
    spans: list[tuple[int, int, str]] = []
    start, group = -1, ""
    for i, label in enumerate([*labels, "O"]):
        kind = label[2:] if label != "O" else ""
        if start >= 0 and (label == "O" or label.startswith("B-") or kind != group):
            spans.append((start, i, group))
            start, group = -1, ""
        if label != "O" and start < 0:
            start, group = i, kind
    return spans


def test_the_tagger_makes_one_tagged_span_per_name_its_labels_hold(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import itertools

    from kgraph.extract import tagger
    from kgraph.extract.tokens import tokenize

    alphabet = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "I-LOC"]
    for size in range(5):
        for labels in itertools.product(alphabet, repeat=size):
            expected = _decode_label_by_label(list(labels))
            assert [(t.i, t.j, t.label) for t in tagger.decode(list(labels))] == expected, labels
    made: list[tagger.Tagged] = []

    class Counted(tagger.Tagged):
        def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(tagger, "Tagged", Counted)
    found = tagger.tag_tokens(tokenize("Ông Peter Brown, giám đốc hãng Boeing, gặp bà Maria Lopez ở Tucson."))
    assert len(found) >= 3 and made == found  # no Tagged made and then made again with its confidence
    assert all(0.0 < t.confidence <= 1.0 for t in found)


def test_the_tagger_marks_distances_with_strings_made_once() -> None:
    from kgraph.extract import tagger
    from kgraph.extract.tokens import tokenize

    tokens = tokenize("Ủy ban nhân dân tỉnh Quảng Trị và các sở, ngành của tỉnh đã họp bàn với Ban Tổ chức.")
    marks = [m for ms in tagger._spans(tokens, tagger.lexicon()) for m in ms]
    made_once = {id(m) for m in (*(m for pair in tagger._AFTER_HEAD for m in pair), *tagger._AFTER_CAP)}
    distances = [m for m in marks if m.startswith(("hdd=", "cpd="))]
    assert {m[:4] for m in distances} == {"hdd=", "cpd="}
    assert all(id(m) in made_once for m in distances)  # no string formatted per token
    assert set(marks) <= set(tagger._MARKS)
