"""The learned name tagger: names no rule finds, places with their level word, a broken model."""

from __future__ import annotations

import pytest
from helpers import labels, names, run

from kgraph.errors import KgraphError
from kgraph.extract import tagger
from kgraph.extract.tagger import Tagged, decode, tag_text


def test_names_no_rule_reads_are_found() -> None:
    found = names(run("Ông Peter Brown, giám đốc hãng Boeing, gặp bà Maria Lopez tại Tucson."))
    assert found["Tucson"] == "Location"  # a foreign place in no word list (New York is in world.tsv)
    found = names(run("Theo luật sư Đinh Quang Bảo, vụ việc được đưa ra Hội đồng Trọng tài Quốc tế."))
    assert found["Hội đồng Trọng tài Quốc tế"] == "Organization"


def test_a_place_keeps_its_level_word_as_an_alias() -> None:
    x = run("Người dân huyện Krông Bông phản ánh với phóng viên.")
    place = next(e for e in x.entities.values() if e.label == "Krông Bông")
    assert "huyện Krông Bông" in place.aliases


def test_a_post_title_or_a_bare_head_is_never_added() -> None:
    x = run("Ông Lê Văn Tùng - Tỉnh ủy viên, đã nghỉ hưu. Nghị quyết của Đảng được triển khai.")
    assert "Tỉnh ủy viên" not in names(x)
    # the Party alone is the rules' call (org_heads.tsv), never a span the tagger adds
    assert all(e.rule != "tagged_names" for e in x.entities.values() if e.label == "Đảng")


def test_tagger_spans_are_read_from_bio_labels() -> None:
    assert decode(["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG"]) == [
        Tagged(0, 2, "PER"),
        Tagged(3, 4, "LOC"),
        Tagged(4, 5, "LOC"),
        Tagged(5, 6, "ORG"),
    ]


def test_tag_text_gives_labels_and_names() -> None:
    assert ("PER", "Trịnh Quốc Dũng") in tag_text("Anh Trịnh Quốc Dũng cho biết như vậy.")


@pytest.mark.parametrize("content", [None, b"not a model"])
def test_a_missing_or_corrupt_model_is_one_clear_error(
    tmp_path, monkeypatch: pytest.MonkeyPatch, content: bytes | None
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "tagger.crfsuite"
    if content is not None:
        path.write_bytes(content)
    monkeypatch.setattr(tagger, "model_path", lambda: path)
    tagger.forget_model()
    try:
        with pytest.raises(KgraphError) as error:
            tagger.load_model()
    finally:
        tagger.forget_model()
    message = str(error.value)
    assert str(path) in message and "train/tagger/train.py" in message and "\n" not in message


def test_names_the_model_is_unsure_of_are_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    # a place in no word list ('New York' is in world.tsv) after no word that types it ('tại'
    # would: extract/foreign.py): only the tagger finds it
    text = "Ông Peter Brown, giám đốc hãng Boeing, đã đến Springfield gặp bà Maria Lopez."
    assert "Springfield" in names(run(text))
    monkeypatch.setattr(tagger, "MIN_CONFIDENCE", {"PER": 1.01, "ORG": 1.01, "LOC": 1.01})
    assert "Springfield" not in names(run(text))


def test_a_build_without_its_model_stops_with_one_line(tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from kgraph.cli import main

    article = tmp_path / "a.txt"
    article.write_text("Ông Peter Brown gặp bà Maria Lopez tại New York.", encoding="utf-8")
    monkeypatch.setattr(tagger, "model_path", lambda: tmp_path / "gone.crfsuite")
    tagger.forget_model()
    try:
        code = main(["build", str(article), "--out", str(tmp_path / "out"), "--no-html", "--no-cache"])
    finally:
        tagger.forget_model()
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert len(err) == 1 and "gone.crfsuite" in err[0] and "train/tagger/train.py" in err[0]


def test_a_person_keeps_the_degrees_written_before_the_name_as_an_alias() -> None:
    x = run("Theo TS. Trần Hữu Phước và GS,TS Đỗ Minh Khang, dự án đã xong. Ông Lê Văn Hai cũng vậy.")
    people = {e.label: e.aliases for e in x.entities.values() if e.kind == "Person"}
    assert "TS. Trần Hữu Phước" in people["Trần Hữu Phước"]
    assert "GS,TS Đỗ Minh Khang" in people["Đỗ Minh Khang"]
    assert people["Lê Văn Hai"] == ()  # an honorific is not a degree


def test_a_place_the_rules_cut_short_takes_the_tagged_end() -> None:
    found = names(run("Bà con huyện Đức Linh, tỉnh Bình Thuận đã thu hoạch lúa."))
    assert found.get("Đức Linh") == "Location"
    assert "Đức" not in found


def test_a_numbered_unit_keeps_its_level_word() -> None:
    from kgraph.extract.lexicon import lexicon
    from kgraph.extract.tokens import tokenize

    numbered, named = tokenize("phường 7"), tokenize("huyện Đức Linh")
    assert tagger._level_length(numbered, 0, 2, lexicon()) == 0  # '7' alone would name nothing
    assert tagger._level_length(named, 0, 3, lexicon()) == 1


def test_a_tagged_name_never_opens_inside_a_word() -> None:
    from kgraph.extract.lexicon import lexicon
    from kgraph.extract.tokens import tokenize

    tokens = tokenize("thu hồi đất cho các dự án phát triển KT-XH của tỉnh")
    start = next(k for k, tok in enumerate(tokens) if tok.text == "án")  # 'dự án' is one word
    assert not tagger.plausible(tokens, Tagged(start, start + 6, "ORG"), lexicon())
    assert tagger.plausible(tokens, Tagged(start + 1, start + 6, "ORG"), lexicon())  # as a span, a name may


def test_the_tagger_sees_how_far_a_word_lies_after_a_head_and_a_capital() -> None:
    from kgraph.extract.tokens import tokenize

    tokens = tokenize("Theo Sở giao thông công chính TP, ông nói.")
    feats = tagger.features(tokens)
    assert "hdd=1l" in feats[2] and "cpd=1" in feats[2]  # giao: first word after the head Sở
    assert "hdd=4l" in feats[5]  # chính: still read as a possible continuation of the name
    assert "hdd=5c" in feats[6]  # TP
    assert not any(f.startswith(("hdd=", "cpd=")) for f in feats[8])  # ông: after the comma


def test_the_tagger_sees_three_words_before_and_six_after_each_capital() -> None:
    from kgraph.extract.tokens import tokenize

    tokens = tokenize("theo đó một hai Sở giao thông công chính nói rằng như vậy")
    assert tagger.chunks(tokens) == [(1, 11)]  # lower-case words go on in a name (Sở giao thông công chính)


def test_a_body_the_rules_cut_at_lower_case_words_takes_the_tagged_end() -> None:
    found = names(run("Ông Hải, Giám đốc Trung tâm Điều độ hệ thống điện quốc gia cho biết như vậy."))
    assert "Trung tâm Điều độ hệ thống điện quốc gia" in found
    assert "Trung tâm Điều độ" not in found


def test_a_body_never_takes_a_verb_of_two_syllables() -> None:
    found = names(run("Thủ tướng yêu cầu Bộ Nội vụ chủ trì, phối hợp với Văn phòng Chính phủ theo dõi."))
    assert "Bộ Nội vụ" in found and "Bộ Nội vụ chủ trì" not in found


def test_a_tagged_body_around_a_place_the_rules_found_is_a_name_too() -> None:
    found = names(run("Ông là giám đốc Siêu thị Điện máy Quảng Ngãi."))  # no head of org_heads.tsv
    assert found.get("Siêu thị Điện máy Quảng Ngãi") == "Organization"
    assert found.get("Quảng Ngãi") == "Location"
    # a short name a rule reads (BV = Bệnh viện) is the rules' body
    assert names(run("Cháu bé được chuyển lên BV Sóc Trăng cấp cứu.")).get("BV Sóc Trăng") == "Organization"
    found = names(run("Theo Cổng TTĐT tỉnh Đắk Nông, việc này đã xong."))  # a level word: the rules' call
    assert "Cổng TTĐT tỉnh Đắk Nông" not in found


def test_a_coined_name_of_one_word_is_a_body() -> None:
    assert names(run("Ông Hải trả lời VnExpress như vậy.")).get("VnExpress") == "Organization"
    assert "Nhà" not in names(run("Nhà nước hỗ trợ người dân."))  # a common word stays the rules' call


def test_an_abbreviated_body_the_model_is_fairly_sure_of_is_kept() -> None:
    assert "NLĐ" in names(run("(NLĐ) - Ngày 10-11, thượng tá Võ Văn Hà cho biết như vậy."))
    assert "TDTT" not in names(run("Các hoạt động văn hóa, văn nghệ, TDTT đều tạm dừng."))


def test_words_in_capitals_are_no_abbreviations() -> None:
    from kgraph.extract.lexicon import lexicon
    from kgraph.extract.tokens import tokenize

    tokens = tokenize("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert not tagger.plausible(tokens, Tagged(0, 4, "ORG", 0.95), lexicon())
    assert tagger.plausible(tokenize("UBND TP"), Tagged(0, 2, "ORG", 0.95), lexicon())


def test_a_person_keeps_a_rank_or_a_religious_title_written_before_the_name_as_an_alias() -> None:
    x = run("Đại tướng Võ Nguyên Giáp đã về thăm. Hòa thượng Thích Trí Quảng chủ trì buổi lễ.")
    people = {e.label: e.aliases for e in x.entities.values() if e.kind == "Person"}
    assert "Đại tướng Võ Nguyên Giáp" in people["Võ Nguyên Giáp"]


def test_a_body_the_rules_cut_at_and_takes_the_tagged_end() -> None:
    found = names(run("Ông Bảy, Giám đốc Công ty Cơ khí và Điện lạnh, cho biết như vậy."))
    assert "Công ty Cơ khí và Điện lạnh" in found
    assert "Công ty Cơ khí" not in found
    found = names(run("Đại diện Sở Công thương và Sở Nội vụ đã tham dự hội nghị."))
    assert "Sở Công thương" in found and "Sở Nội vụ" in found  # two bodies: a head after 'và'


def test_a_body_the_tagger_continues_up_to_a_place_keeps_the_place() -> None:
    found = names(run("Theo Viện Khoa học & Kỹ thuật Hà Nội, dự án đã được duyệt."))
    assert "Viện Khoa học & Kỹ thuật Hà Nội" in found
    # the name grammar now reads the second field after '&' itself; a place inside a body's name is
    # the body's, as in 'Viện Khoa học Hà Nội' (no Location of its own)
    assert found.get("Hà Nội") == names(run("Theo Viện Khoa học Hà Nội, dự án đã được duyệt.")).get("Hà Nội")


def test_the_tagger_sees_how_the_article_writes_a_word_elsewhere() -> None:
    from kgraph.extract.lexicon import lexicon
    from kgraph.extract.tagger_context import doc_words
    from kgraph.extract.tokens import tokenize

    article = ["Nam cho biết như vậy.", "Hôm qua ông Trương Minh Nam đến thăm tỉnh.", "Ông đi về hướng nam."]
    context = doc_words(article, lexicon())
    feats = tagger.features(tokenize(article[0]), context=context, first=True)
    # opens the sentence, written in lower case elsewhere, and in a name after ông
    assert {"s0", "dl", "du", "dn"} <= set(feats[0])
    assert "-1:dn" in feats[1]
    later = tagger.features(tokenize(article[0]), context=context)  # the stretch does not open the sentence
    assert "s0" not in later[0] and "du" not in later[0]
    assert not any(f in ("s0", "dl", "du", "dn") for f in tagger.features(tokenize(article[0]))[0])


def test_the_tagger_sees_a_word_that_is_no_vietnamese_syllable() -> None:
    from kgraph.extract.tokens import tokenize

    feats = tagger.features(tokenize("Đoàn khách Paraguay thăm Hà Giang"))
    assert "nvs" in feats[2]  # Paraguay: a foreign word
    assert not any("nvs" in f for k, f in enumerate(feats) if k != 2)


def test_a_tagged_name_never_ends_inside_a_word() -> None:
    from kgraph.extract.lexicon import lexicon
    from kgraph.extract.tokens import tokenize

    tokens = tokenize("chuẩn bị Đại hội Đảng bộ các cấp")
    assert not tagger.plausible(tokens, Tagged(2, 5, "ORG"), lexicon())  # 'Đảng bộ' is one word
    assert tagger.plausible(tokens, Tagged(2, 6, "ORG"), lexicon())
    tokens = tokenize("Ông Hồ Văn Minh chủ trì hội nghị")  # 'minh chủ' is a word, 'chủ trì' opens there
    assert tagger.plausible(tokens, Tagged(1, 4, "PER"), lexicon())


def test_one_word_that_is_no_vietnamese_syllable_is_a_coined_name() -> None:
    from kgraph.extract.lexicon import lexicon
    from kgraph.extract.tokens import tokenize

    tokens = tokenize("khách của hãng Hanoitravel và của Nhà")
    assert tagger.plausible(tokens, Tagged(3, 4, "ORG"), lexicon())  # Hanoitravel: a coined name
    assert not tagger.plausible(tokens, Tagged(6, 7, "ORG"), lexicon())  # Nhà: a common word


def test_a_tagged_name_that_runs_into_a_bracket_ends_before_it() -> None:
    text = (
        "Tại hội thảo ngày 3-5, Ban Quản lý dự án Cải thiện môi trường và Nâng cấp đô thị kênh Đôi (BQL 12)"
        " cho biết đã xong."
    )
    found = names(run(text))
    assert "Ban Quản lý dự án Cải thiện môi trường và Nâng cấp đô thị kênh Đôi" in found
    assert "Ban Quản lý dự án Cải thiện môi trường" not in found


def _tagged_as(monkeypatch: pytest.MonkeyPatch, text: str, name: str, label: str, confidence: float) -> None:
    """Make the model tag ``name`` in ``text`` (and nothing else) with ``confidence``."""
    tokens = tagger.tokenize(text)
    start = text.index(name)
    i = next(k for k, tok in enumerate(tokens) if tok.start == start)
    j = next(k for k, tok in enumerate(tokens) if tok.end == start + len(name)) + 1
    monkeypatch.setattr(tagger, "tag_tokens", lambda *_: [Tagged(i, j, label, confidence)])


def test_a_body_named_after_a_person_is_the_body(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Ông làm việc cho Công ty Lê Thành Đạt từ năm 2001."
    _tagged_as(monkeypatch, text, "Công ty Lê Thành Đạt", "ORG", 0.9)
    found = names(run(text))
    assert "Công ty Lê Thành Đạt" in found and "Lê Thành Đạt" not in found
    text = "Bộ GD-ĐT Bành Tiến Long cho biết như vậy."  # a body, then its minister
    _tagged_as(monkeypatch, text, "Bộ GD-ĐT Bành Tiến Long", "ORG", 0.9)
    assert names(run(text)).get("Bành Tiến Long") == "Person"


def test_a_word_read_alone_gives_way_to_the_tagged_body_it_opens(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Tối qua, Đoàn ca múa Phương Nam đã biểu diễn tại nhà hát."
    _tagged_as(monkeypatch, text, "Đoàn ca múa Phương Nam", "ORG", 0.8)
    assert "Đoàn ca múa Phương Nam" in names(run(text))
    text = "Hội nghị bàn về công tác Đoàn và phong trào thanh niên tỉnh Bến Tre."
    _tagged_as(monkeypatch, text, "Đoàn và phong trào thanh niên tỉnh Bến Tre", "ORG", 0.8)
    assert "Đoàn và phong trào thanh niên tỉnh Bến Tre" not in names(run(text))


def test_a_level_word_inside_a_dictionary_word_keeps_a_tagged_body_around_a_place(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Năm nay, Hợp tác xã rau sạch Đà Lạt đã xuất khẩu."  # xã of hợp tác xã is no level word
    _tagged_as(monkeypatch, text, "Hợp tác xã rau sạch Đà Lạt", "ORG", 0.9)
    found = names(run(text))
    assert found.get("Hợp tác xã rau sạch Đà Lạt") == "Organization" and found.get("Đà Lạt") == "Location"
    text = "Năm nay, Nhà văn hóa thiếu nhi thị xã Đà Lạt đã có 40 lớp."  # the place's level: the rules' call
    _tagged_as(monkeypatch, text, "Nhà văn hóa thiếu nhi thị xã Đà Lạt", "ORG", 0.9)
    assert "Nhà văn hóa thiếu nhi thị xã Đà Lạt" not in names(run(text))


def test_a_person_the_tagger_finds_at_the_end_of_a_rule_body_is_cut_from_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    x = run("Phó Chủ nhiệm Ủy ban Pháp luật Quốc hội Giàng A Chu cho biết như vậy.")
    found = names(x)
    assert found.get("Giàng A Chu") == "Person"  # a family name no word list holds
    assert "Ủy ban Pháp luật Quốc hội" in found
    assert not any("Giàng" in name for name, kind in found.items() if kind != "Person")
    from kgraph.extract.tokens import tokenize

    text = "Đội tuyển của ĐH Bán công Tôn Đức Thắng đã thắng."  # a body named after a person
    tokens = tokenize(text)
    monkeypatch.setattr(tagger, "tag_tokens", lambda *_: [Tagged(3, 6, "ORG", 0.9), Tagged(6, 9, "PER", 0.9)])
    assert [tok.text for tok in tokens[3:9]] == ["ĐH", "Bán", "công", "Tôn", "Đức", "Thắng"]
    assert "ĐH Bán công Tôn Đức Thắng" in names(run(text))


def test_a_tagged_name_is_cut_at_a_word_no_name_holds() -> None:
    # the tagger reads 'Bộ Tư lệnh biệt động như Tư Chu' as one body: 'như' (such as) cuts it
    got = run(
        "Nhiều cán bộ chỉ huy của Bộ Tư lệnh biệt động như Tư Chu, Tư lệnh Phó Quân khu Sài Gòn đã về dự."
    )
    assert not [label for label in labels(got, None) if " như " in f" {label} "]
    assert "Phó Quân" not in labels(got, "Person")
