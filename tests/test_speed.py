"""Speed work (issue 12) that must not change a byte: each shortcut against the long way."""

from __future__ import annotations

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
    for tok in tokenize(text, 7):
        assert word_info(tok.text)[0] == name_key(tok.text)
        slow = Token(tok.start, tok.end, tok.text, name_key(tok.text))
        fields = ("start", "end", "text", "key", "is_word", "is_cap", "is_acronym", "is_number")
        assert [getattr(tok, f) for f in fields] == [getattr(slow, f) for f in fields]
