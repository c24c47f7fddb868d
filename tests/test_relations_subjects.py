"""Subjects a reader would sign: the noun 'lãnh đạo' is no verb, a photo credit is never a
subject, and a subject is not taken from another clause or the title when the sentence has
its own (a non-entity noun) subject."""

from __future__ import annotations

from helpers import run, triples


def test_leaders_of_a_body_are_a_noun() -> None:
    x = run(
        "Tỉnh ủy Phú Thọ tổ chức kỷ niệm ngày truyền thống. Tại Bộ Chỉ huy Quân sự tỉnh Phú Thọ, "
        "đông đảo các vị lãnh đạo cao cấp Quân khu 2 và Sư đoàn 316 đã cùng dự lễ."
    )
    assert not [t for t in triples(x) if t[1] == "directs"]


def test_a_photo_credit_is_never_a_subject() -> None:
    x = run(
        "Các đại biểu dự hội nghị - Ảnh: TTXVN Hội nghị thống nhất giao Ban Tổ chức Tỉnh ủy chủ trì tham mưu."
    )
    subjects = {x.entities[r.subject].label for r in x.relations}
    assert "Thông tấn xã Việt Nam" not in subjects


def test_a_noun_subject_before_the_verb_is_not_replaced_by_the_title_actor() -> None:
    x = run(
        "Tham gia phòng, chống lãng phí có cả Đảng lãnh đạo, Quốc hội, Chính phủ, các đoàn thể và nhân dân.",
        title="Quốc hội bàn về phòng, chống lãng phí",
    )
    assert not [t for t in triples(x) if t[1] == "directs"]


def test_part_of_takes_no_subject_from_the_title() -> None:
    x = run(
        "Hơn 200 cán bộ, chiến sĩ thuộc Công an tỉnh Nam Định đã có mặt tại các xã ven biển.",
        title="Bộ Công an chỉ đạo ứng phó bão số 3",
    )
    assert not [t for t in triples(x) if t[1] == "subOrganizationOf"]


def test_a_body_named_before_thuoc_is_its_subject() -> None:
    x = run("Trường Cao đẳng Y tế Thanh Hóa trực thuộc Sở Y tế tỉnh Thanh Hóa đã tuyển sinh 500 học viên.")
    assert ("Trường Cao đẳng Y tế Thanh Hóa", "subOrganizationOf", "Sở Y tế tỉnh Thanh Hóa") in triples(x)


def test_a_newspaper_in_the_dateline_is_no_subject() -> None:
    x = run("Giám sát đầu tư (NLĐ)- Thực hiện ý kiến chỉ đạo của Thủ tướng, Bộ Tài chính vừa báo cáo.")
    assert not [t for t in triples(x) if t[0] == "Người Lao Động"]
