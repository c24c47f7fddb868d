"""Relations of modern Party and state news: the noun 'lãnh đạo' before a list of departments,
a body inside a place phrase is no subject, an event is organised only when the verb takes it,
and posts given by 'tái đắc cử'."""

from __future__ import annotations

import pytest
from helpers import run, triples


def _preds(x: object, predicate: str) -> set[tuple[str, str, str]]:
    return {t for t in triples(x) if t[1] == predicate}  # type: ignore[arg-type]


def test_leaders_of_departments_after_a_semicolon_are_a_noun() -> None:
    x = run(
        "Ngày 5-3, Tỉnh ủy Bình Phước tổ chức hội nghị cho các đồng chí Tỉnh ủy viên; "
        "lãnh đạo các sở, ban, ngành của tỉnh và các huyện ủy, thị ủy."
    )
    assert not _preds(x, "directs")


def test_capitalised_leaders_in_a_list_of_guests_are_a_noun() -> None:
    x = run(
        "Dự đại hội có đồng chí Nguyễn Văn An, Chủ tịch HĐND tỉnh Bình Phước, cùng Lãnh đạo các Sở, "
        "Ban, ngành và hội viên Hội Cựu chiến binh tỉnh Bình Phước."
    )
    assert not _preds(x, "directs")


def test_a_body_naming_the_hall_is_not_the_organiser() -> None:
    x = run(
        "Sáng 3/5, tại Hội trường Tỉnh ủy Sóc Trăng đã khai mạc Đại hội đại biểu Hội Liên hiệp Phụ nữ "
        "tỉnh Sóc Trăng lần thứ XV."
    )
    assert not [t for t in _preds(x, "organizes") if t[0] == "Tỉnh ủy Sóc Trăng"]


@pytest.mark.xfail(
    strict=True,
    reason="known gap: a meeting named by what it does takes in the resolution it studies "
    "('hội nghị để quán triệt Nghị quyết Hội nghị lần thứ 8 …'), which is then no entity of its own",
)
def test_a_meeting_inside_a_resolution_name_is_not_organised() -> None:
    x = run(
        "Huyện ủy Tân Yên tổ chức hội nghị để quán triệt Nghị quyết Hội nghị lần thứ 8 của Ban Chấp hành "
        "Trung ương Đảng khóa XIII."
    )
    assert not [t for t in _preds(x, "organizes") if t[2] == "Hội nghị lần thứ 8"]
    assert [t for t in _preds(x, "implements") if t[0] == "Huyện ủy Tân Yên"]


def test_a_congress_the_directive_is_about_is_not_organised() -> None:
    x = run(
        "Huyện ủy Mường Chà tổ chức hội nghị quán triệt Chỉ thị 35-CT/TW về đại hội đảng bộ các cấp tiến "
        "tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng."
    )
    assert not [t for t in _preds(x, "organizes") if "XIV" in t[2]]
    assert ("Huyện ủy Mường Chà", "implements", "Chỉ thị 35-CT/TW") in triples(x)


def test_the_organised_congress_follows_the_verb() -> None:
    x = run(
        "Sáng 9/10, Hội Nông dân tỉnh Cà Mau tổ chức Đại hội đại biểu Hội Nông dân tỉnh Cà Mau lần thứ X."
    )
    assert [t for t in _preds(x, "organizes") if t[0] == "Hội Nông dân tỉnh Cà Mau"]


def test_reelected_to_a_post_is_a_member() -> None:
    x = run("Đồng chí Lê Văn Bình tái đắc cử Bí thư Tỉnh ủy Hậu Giang.")
    assert ("Lê Văn Bình", "memberOf", "Tỉnh ủy Hậu Giang") in triples(x)


def test_documents_listed_after_a_semicolon_are_implemented_too() -> None:
    x = run(
        "Huyện ủy Krông Pắc đã quán triệt, triển khai Chỉ thị số 21-CT/TW ngày 5-3-2018 của Ban Bí thư "
        "về công tác phụ nữ; Chỉ thị số 27-CT/TW ngày 10-1-2019 của Bộ Chính trị về bảo vệ người phát hiện "
        "tham nhũng; Kết luận số 45-KL/TW của Ban Bí thư."
    )
    got = {o for s, p, o in triples(x) if p == "implements" and s == "Huyện ủy Krông Pắc"}
    assert got == {"Chỉ thị 21-CT/TW", "Chỉ thị 27-CT/TW", "Kết luận 45-KL/TW"}


def test_a_clause_with_its_own_verb_is_no_list() -> None:
    x = run(
        "Huyện ủy Krông Pắc đã quán triệt Chỉ thị số 21-CT/TW của Ban Bí thư; Kế hoạch số 12-KH/HU "
        "được Ban Thường vụ Huyện ủy ban hành ngày 2-2."
    )
    got = {o for s, p, o in triples(x) if p == "implements" and s == "Huyện ủy Krông Pắc"}
    assert got == {"Chỉ thị 21-CT/TW"}


def test_an_inspector_does_not_implement_what_it_inspects() -> None:
    x = run(
        "Theo kế hoạch, Đoàn kiểm tra của Ban Bí thư sẽ kiểm tra công tác lãnh đạo, chỉ đạo và thực hiện "
        "Nghị quyết số 21-NQ/TW ngày 16-1-2012 của Bộ Chính trị tại Ban Thường vụ Tỉnh ủy Sóc Trăng."
    )
    assert not [t for t in triples(x) if t[1] == "implements"]


def test_leaders_of_district_offices_are_a_noun() -> None:
    x = run(
        "HĐND tỉnh Long An cho phép tăng học phí, còn lãnh đạo các phòng GD-ĐT và trường bán công thì lo "
        "học sinh nghỉ học."
    )
    assert not _preds(x, "directs")


def test_a_campaign_written_cvd_is_carried_out() -> None:
    x = run(
        "Tại hội nghị, Ủy ban MTTQ tỉnh Bến Tre đã triển khai kế hoạch tổ chức thực hiện CVĐ “Người Việt Nam "
        "ưu tiên dùng hàng Việt Nam” trong năm 2024."
    )
    front = "Ủy ban Mặt trận Tổ quốc tỉnh Bến Tre"
    assert (front, "implements", "Người Việt Nam ưu tiên dùng hàng Việt Nam") in triples(x)
