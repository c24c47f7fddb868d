"""Meetings named by what they do (Hội nghị sơ kết …, Hội nghị quán triệt …): an event the body that
holds it organizes; and a congress or session named after a body is organised by that body."""

from __future__ import annotations

from helpers import labels, run, triples


def test_a_review_meeting_ends_before_its_place() -> None:
    x = run(
        "Sáng 12-3, Huyện ủy Krông Năng tổ chức Hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2021 "
        "tại hội trường huyện."
    )
    event = "Hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2021"
    assert event in labels(x, "Event")
    assert ("Huyện ủy Krông Năng", "organizes", event) in triples(x)


def test_a_meeting_to_disseminate_a_directive_ends_after_it() -> None:
    x = run(
        "Ngày 8-4, Đảng ủy Khối cơ quan tỉnh Gia Lai tổ chức Hội nghị quán triệt, triển khai Chỉ thị "
        "12-CT/TW và các văn bản của Trung ương về công tác cán bộ."
    )
    event = "Hội nghị quán triệt, triển khai Chỉ thị 12-CT/TW"
    assert event in labels(x, "Event")
    got = triples(x)
    assert ("Đảng ủy Khối cơ quan tỉnh Gia Lai", "organizes", event) in got
    assert ("Đảng ủy Khối cơ quan tỉnh Gia Lai", "implements", "Chỉ thị 12-CT/TW") in got


def test_a_study_meeting_ends_before_its_audience() -> None:
    x = run(
        "Ngày 2-11, Thị ủy Buôn Hồ tổ chức Hội nghị học tập, quán triệt các nghị quyết của Ban Chấp hành "
        "Trung ương Đảng (khóa XIII) cho cán bộ chủ chốt của thị xã."
    )
    event = "Hội nghị học tập, quán triệt các nghị quyết của Ban Chấp hành Trung ương Đảng (khóa XIII)"
    assert event in labels(x, "Event")


def test_a_bare_meeting_is_no_event() -> None:
    x = run("Tại hội nghị, đồng chí Nguyễn Văn Hòa phát biểu chỉ đạo.")
    assert not labels(x, "Event")


def test_a_congress_named_after_a_body_is_organised_by_it() -> None:
    x = run(
        "Sáng 5-6, tại Hội trường tỉnh đã khai mạc Đại hội đại biểu Hội Cựu chiến binh "
        "tỉnh Gia Lai lần thứ VII."
    )
    got = {(s, o) for s, p, o in triples(x) if p == "organizes"}
    event = "Đại hội đại biểu Hội Cựu chiến binh tỉnh Gia Lai lần thứ VII"
    assert got == {("Hội Cựu chiến binh tỉnh Gia Lai", event)}
