"""Bodies named by a lower-case descriptor: an event's organising committee (ban tổ chức) is a body
of its own article, never the Party's organisation department (Ban Tổ chức Tỉnh ủy)."""

from __future__ import annotations

import pytest
from helpers import names, run

from kgraph.extract import extract
from kgraph.model import Article
from kgraph.text import make_document


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Theo ban tổ chức, hội chợ có 250 gian hàng.", "ban tổ chức"),
        ("Ban tổ chức dành 40 suất học bổng cho học sinh nghèo.", "Ban tổ chức"),
        ("Khách mời của Ban tổ chức được đón tại sân bay.", "Ban tổ chức"),
        ("Ban Tổ chức Liên hoan phim quốc tế cho biết có 60 phim.", "Ban Tổ chức Liên hoan phim quốc tế"),
    ],
)
def test_an_events_organising_committee_is_a_body(text: str, name: str) -> None:
    got = {n.lower(): kind for n, kind in names(run(text)).items()}
    assert got.get(name.lower()) == "Organization", got


@pytest.mark.parametrize(
    "text",
    [
        "Ông Lê Văn Hai, Trưởng Ban Tổ chức Tỉnh ủy, phát biểu.",
        "Ban tổ chức Huyện ủy đã trình danh sách nhân sự.",
        "Phó Trưởng ban Tổ chức Trung ương Trần Văn Ba dự hội nghị.",
    ],
)
def test_the_partys_organisation_department_stays_a_party_agency(text: str) -> None:
    got = names(run(text))
    assert {k for n, k in got.items() if n.lower().startswith("ban tổ chức")} == {"PartyAgency"}, got


def test_organising_committees_for_party_committees_are_no_event_body() -> None:
    got = names(run("Hội nghị có trưởng ban tổ chức các huyện ủy, thành ủy tham dự."))
    assert not [n for n in got if n.lower().startswith("ban tổ chức")], got


def test_each_article_has_its_own_organising_committee() -> None:
    ids = set()
    for source, count in (("a.txt", 900), ("b.txt", 400)):
        text = f"Ban tổ chức cho biết giải chạy có {count} người tham gia."
        x = extract(make_document(Article(source=source, text=text, title="")))
        ids |= {k for k, e in x.entities.items() if e.label.lower() == "ban tổ chức"}
    assert len(ids) == 2, ids


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hội đồng chấm thi làm việc đến hết tuần.", "Hội đồng chấm thi"),
        ("Hội đồng thi Lê Quý Đôn có 700 thí sinh dự thi.", "Hội đồng thi Lê Quý Đôn"),
        ("Hội đồng tuyển sinh sẽ công bố điểm chuẩn vào tuần tới.", "Hội đồng tuyển sinh"),
        ("Hội đồng bầu cử thị xã đã nhận hồ sơ của 40 người.", "Hội đồng bầu cử thị xã"),
        ("Ban quản lý chợ cho biết tiểu thương đã nộp phí.", "Ban quản lý chợ"),
        ("Tổ công tác liên ngành đã kiểm tra 12 cơ sở.", "Tổ công tác liên ngành"),
    ],
)
def test_a_body_named_by_a_lower_case_descriptor(text: str, name: str) -> None:
    got = {n.lower() for n in names(run(text))}
    assert name.lower() in got, got


def test_an_exam_council_says_which_exam_site() -> None:
    got = {n.lower() for n in names(run("Hội đồng thi có 20 phòng thi và 40 giám thị."))}
    assert "hội đồng thi" not in got, got


@pytest.mark.parametrize(
    ("text", "office", "kind"),
    [
        (
            "Ông Lê Văn Năm, Chánh văn phòng Trường Đại học Y, cho biết.",
            "Văn phòng Trường Đại học Y",
            "Organization",
        ),
        (
            "Bà Lê Thị Sáu, Phó chánh văn phòng UBND tỉnh, cho biết.",
            "Văn phòng Ủy ban nhân dân tỉnh",
            "StateAgency",
        ),
        ("Ông Lê Văn Bảy, Chánh Văn phòng Tỉnh ủy, cho biết.", "Văn phòng Tỉnh ủy", "PartyAgency"),
    ],
)
def test_an_office_glued_on_its_chief_takes_its_bodys_side(text: str, office: str, kind: str) -> None:
    assert names(run(text)).get(office) == kind, names(run(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ban Chỉ đạo Phòng chống lụt bão tỉnh đã họp khẩn.", "Ban Chỉ đạo Phòng chống lụt bão tỉnh"),
        ("Ban chỉ đạo Phòng, chống tham nhũng của huyện đã họp.", "Ban chỉ đạo Phòng, chống tham nhũng"),
    ],
)
def test_a_steering_boards_capitalised_subject_is_its_name(text: str, name: str) -> None:
    got = {n.lower() for n in names(run(text))}
    assert name.lower() in got, got


def test_a_steering_board_has_one_subject() -> None:
    got = names(run("Ban Chỉ đạo Phòng chống thiên tai về việc sơ tán dân đã ra thông báo."))
    assert "Ban Chỉ đạo Phòng chống thiên tai" in got, got
