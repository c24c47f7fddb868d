"""Normalisation: one canonical text, offsets that point into it, sentences that respect quotes."""

from __future__ import annotations

import unicodedata

import pytest

from kgraph.text import fold, name_key, normalize_text, normalize_tones, split_sentences


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("Đảng uỷ", "Đảng ủy"),  # old tone placement on uy
        ("hoá", "hóa"),  # old placement on oa
        ("Hoà Bình", "Hòa Bình"),
        ("khoẻ", "khỏe"),
        ("quý", "quý"),  # qu + y: the mark stays on y
        ("già", "già"),  # gi + a
        ("người", "người"),  # ươ: the mark on ơ
        ("hoàng", "hoàng"),  # closed syllable: on the second vowel
        ("tuyển", "tuyển"),
    ],
)
def test_tone_placement(raw: str, want: str) -> None:
    assert normalize_tones(raw) == want


def test_nfd_and_odd_spaces_normalise() -> None:
    raw = unicodedata.normalize("NFD", "Đảng\u00a0uỷ  Khối\u200b")
    assert normalize_text(raw) == "Đảng ủy Khối"


def test_name_key_ignores_case_tone_place_and_spacing() -> None:
    assert name_key("BAN CHẤP HÀNH Đảng uỷ") == name_key("ban chấp hành đảng ủy")
    assert name_key("35- NQ/TW") == name_key("35-NQ/TW")


def test_fold() -> None:
    assert fold("Đảng ủy Khối") == "dang uy khoi"


def test_sentences_keep_quotes_and_offsets() -> None:
    text = normalize_text(
        "Ban hành Nghị quyết “Về tăng cường. Xây dựng Đảng”. Đồng chí A phát biểu.\nDòng mới"
    )
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Ban hành Nghị quyết “Về tăng cường. Xây dựng Đảng”.",
        "Đồng chí A phát biểu.",
        "Dòng mới",
    ]
    for s in sentences:
        assert text[s.start : s.end] == s.text


def test_numbers_do_not_split_sentences() -> None:
    assert len(split_sentences("Có 4.254 đảng viên, đạt 17,8%. Tiếp theo")) == 2


def test_an_initial_does_not_end_a_sentence() -> None:
    """'Anh T. Sơn', 'Ảnh: Q. Dũng': a name's initial, not a sentence's end."""
    assert [s.text for s in split_sentences("Anh T. Sơn nói vậy. Ảnh: Q. Dũng Sáng nay, Bà B. Lan đến.")] == [
        "Anh T. Sơn nói vậy.",
        "Ảnh: Q. Dũng Sáng nay, Bà B. Lan đến.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Nghị quyết Đại hội Đảng lần thứ X. Tập trung",
        "Bầu BCH khóa X. Ngày 25",
        "đạt điểm khối A. Riêng",
        "Ba Khe I. Cảnh",
    ],
)
def test_a_numeral_or_a_letter_after_a_word_ends_a_sentence(text: str) -> None:
    assert len(split_sentences(text)) == 2


def test_a_stray_quote_does_not_glue_the_text() -> None:
    sentences = split_sentences("“" + "Tỉnh ủy họp. " * 2000)
    assert len(sentences) > 100  # the quote is given up after MAX_QUOTE characters


def test_quantities_are_integers_or_canonical_decimals() -> None:
    from kgraph.rdf import quantity_literal

    got = [
        q.replace("http://www.w3.org/2001/XMLSchema#", "")
        for q in map(quantity_literal, ("4254", "17.8", "17.80", "0"))
    ]
    assert got == [
        '"4254"^^<integer>',
        '"17.8"^^<decimal>',
        '"17.8"^^<decimal>',
        '"0"^^<integer>',
    ]  # N-Triples


def test_text_wrapped_at_a_fixed_width_is_one_sentence() -> None:
    # Legal texts and some pages break lines inside a sentence; the name across the break is
    # one name, and the break is no sentence boundary.
    raw = "Căn cứ Thông tư số\n03/2014/TT-BNV của Bộ Nội\nvụ hướng dẫn chức năng,\nnhiệm vụ của Sở."
    text = normalize_text(raw)
    assert "Bộ Nội vụ" in text and "số 03/2014" in text and "chức năng, nhiệm vụ" in text
    assert len(split_sentences(text)) == 1


def test_headlines_paragraphs_and_lists_keep_their_line_breaks() -> None:
    raw = (
        "Hội nghị Ban Thường vụ Tỉnh ủy\nSáng 12/1, Ban Thường vụ họp.\n"
        "Các nhiệm vụ:\n1. Tuyên truyền\n2. Kiểm tra"
    )
    assert normalize_text(raw) == raw
    sentences = [s.text for s in split_sentences(raw)]
    assert sentences[0] == "Hội nghị Ban Thường vụ Tỉnh ủy"
    assert all("\n" not in s for s in sentences)


def test_unwrapped_text_maps_back_to_the_article_as_written() -> None:
    from kgraph.model import Article
    from kgraph.text import make_document

    raw = "UBND tỉnh gửi Bộ Nội\nvụ báo cáo.\nSở Tư pháp họp."
    doc = make_document(Article(source="a.txt", text=raw))
    assert [s.text for s in doc.sentences] == ["UBND tỉnh gửi Bộ Nội vụ báo cáo.", "Sở Tư pháp họp."]
    second = doc.sentences[1]
    assert raw[second.written_start : second.written_end] == "Sở Tư pháp họp."


def test_an_abbreviated_level_word_in_an_address_does_not_end_a_sentence() -> None:
    """'… Lê Lợi - Q. Gò Vấp', '…, P. Bến Thành': a ward's or district's level word, not a sentence's end."""
    text = "Cửa hàng ở 25 Lê Lợi - Q. Gò Vấp, kho ở 3 Lê Lai, P. Bến Thành - Q. 1. Hôm nay mở cửa."
    assert [s.text for s in split_sentences(text)] == [
        "Cửa hàng ở 25 Lê Lợi - Q. Gò Vấp, kho ở 3 Lê Lai, P. Bến Thành - Q. 1.",
        "Hôm nay mở cửa.",
    ]
