"""People: who is a person, from the regularities of Vietnamese names (a family name and one to
three syllables, a given name after a title or an honorific, a byline's initial and name)."""

from __future__ import annotations

import pytest
from helpers import labels, run


@pytest.mark.parametrize(
    ("text", "person", "not_person"),
    [
        # a capitalised syllable that starts a word with the lower-case syllable after it is a domain
        # of the title (Cục trưởng Chăn nuôi), not a given name
        ("Sau cuộc họp, Cục trưởng Chăn nuôi Trần Văn Bình cho biết giá giảm.", "Trần Văn Bình", "Chăn"),
        ("Anh hùng Lao động Nguyễn Văn Tư phát biểu tại lễ.", "Nguyễn Văn Tư", "Lao"),
        ("Ông đã gặp Chủ tịch Thượng nghị viện Pháp tại Hà Nội.", None, "Thượng"),
        ("Bộ trưởng Giáo dục Phạm Minh Hạnh trả lời chất vấn.", "Phạm Minh Hạnh", "Giáo"),
    ],
)
def test_a_domain_after_a_title_is_no_given_name(text: str, person: str | None, not_person: str) -> None:
    people = labels(run(text), "Person")
    assert not_person not in people
    if person:
        assert person in people


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Thứ trưởng Vọng cho biết như vậy.", "Vọng"),  # a given name after a title
        ("Hôm qua, ông Hùng nói với chúng tôi.", "Hùng"),  # after an honorific
    ],
)
def test_a_given_name_after_a_title_or_honorific_stays(text: str, person: str) -> None:
    assert person in labels(run(text), "Person")


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Sinh viên nhận học bổng tại trường. Ảnh: T.Hải\nChiều qua, hội nghị bế mạc.", "T.Hải"),
        ("Người dân dọn dẹp sau lũ - Ảnh K.Lộc", "K.Lộc"),  # a photo credit
        ("Thí sinh làm bài thi môn toán. Ảnh: Q. Dũng Sáng nay, các trường công bố điểm.", "Q. Dũng"),
        ("Hội nghị đã thành công tốt đẹp.\nB.Thành", "B.Thành"),  # a byline on its own line
        ("Giá vàng tăng mạnh trong tuần qua.\n(P.HOA)", "P.HOA"),
        ("Anh T.Sơn (thôn Đông) cho biết như vậy.", "T.Sơn"),  # after an honorific
        ("Ông N.V.T. (ngụ xã Đông) đã khai nhận.", "N.V.T."),  # initials alone after an honorific
        ("Học sinh tham gia lễ khai giảng - Ảnh: T.T.D", "T.T.D"),
        ("Học sinh tham gia lễ khai giảng - Ảnh: T.T.D Sau lễ, các em vào lớp.", "T.T.D"),
    ],
)
def test_an_initial_and_a_name_is_a_byline(text: str, person: str) -> None:
    assert labels(run(text), "Person") == {person}


@pytest.mark.parametrize(
    "text",
    [
        "Đoàn đã đến xã Q. Bình để khảo sát. Ảnh: T.Hải",  # a level's abbreviation, no byline
        "Nhà máy nằm ở P. Tân Định từ năm 2000 (ảnh: T.Hải).",
        "Bà H. Lan ở P. Tân Định.\nT.Hải",
        "Người dân dọn dẹp sau lũ - Ảnh T.HảiSau đó\nT.Hải",  # a name glued to the next word: none
    ],
)
def test_an_initial_elsewhere_is_no_byline(text: str) -> None:
    assert labels(run(text), "Person") - {"H. Lan"} == {"T.Hải"}


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("Văn phòng công ty đặt tại 25 Lê Văn Sỹ, quận 3.", "Lê Văn Sỹ"),  # an address: a house number
        ("Cửa hàng ở số 12 Trần Quang Khải, Hà Nội.", "Trần Quang Khải"),
        ("Liên hệ khách sạn tại 38B Nguyễn Thị Minh Khai, TP.HCM.", "Nguyễn Thị Minh Khai"),
        ("Văn phòng đại diện đặt tại 318/624 Phạm Văn Đồng, quận Thủ Đức.", "Phạm Văn Đồng"),  # no date
        ("Ông Hai, ngụ 47/9 Lê Thị Riêng, phường 7, bị bắt.", "Lê Thị Riêng"),
        ("Cửa hàng ở 15/3 Hoàng Văn Thụ, Đà Lạt mở cả ngày.", "Hoàng Văn Thụ"),  # a date's form after 'ở'
        ("Hộ ông Sáu ở nhà 21/14/105 Nguyễn Văn Luông bị ngập.", "Nguyễn Văn Luông"),
        ("Chị Mai thường trú 88/6B Trần Văn Đang, quận 3.", "Trần Văn Đang"),
    ],
)
def test_a_name_after_a_house_number_is_a_street(text: str, street: str) -> None:
    assert street not in labels(run(text), "Person")


@pytest.mark.parametrize(
    "text",
    [
        "Ngày 15/3 Nguyễn Văn Hùng đã ký quyết định.",  # a date, then the one who acts
        "Em học lớp 9/2 Nguyễn Văn Hùng được khen.",  # a class, then a pupil
    ],
)
def test_a_person_after_a_date_or_a_class_stays(text: str) -> None:
    assert "Nguyễn Văn Hùng" in labels(run(text), "Person")


def test_a_numbered_list_of_people_stays() -> None:
    x = run("Danh sách: 1. Nguyễn Văn Hùng - Bí thư Tỉnh ủy; 2. Trần Văn Nam - Chủ tịch.")
    assert {"Nguyễn Văn Hùng", "Trần Văn Nam"} <= labels(x, "Person")


def test_a_person_after_a_numbered_unit_stays() -> None:
    assert "Trần Văn Sáu" in labels(run("Trưởng ấp, ấp 3 Trần Văn Sáu cho biết như vậy."), "Person")


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Em muốn học ngành y thì thi khối nào? (tran van binh, 18 tuổi, Huế)", "tran van binh"),
        ("Điểm chuẩn năm nay là bao nhiêu? (thu trang, 17 tuổi, Cần Thơ)", "thu trang"),
        ("Xin hỏi về học bổng? (Khoa, 19 tuổi, học sinh)", "Khoa"),
        ("Bình, 18 tuổi, hỏi: trường có ký túc xá không?", "Bình"),
        ("Bà Trần Thị Hoa, 45 tuổi, cho biết như vậy.", "Trần Thị Hoa"),  # read from the honorific
        ("Em tên Lê Văn Tám, 18 tuổi.", "Lê Văn Tám"),
        ("Bác Trần Văn Sáu, 70 tuổi, kể lại.", "Trần Văn Sáu"),  # a form of address before the name
        ("Xin hỏi về học phí? (Huỳnh Văn Thỏa, 20 tuổi, Long An)", "Huỳnh Văn Thỏa"),  # Văn is no address
        ("Xin hỏi về học phí? (Nguyen Thi Kim Dao, 20 tuổi, Long An)", "Nguyen Thi Kim Dao"),
    ],
)
def test_a_name_before_an_age_is_a_person(text: str, person: str) -> None:
    assert person in labels(run(text), "Person")


def test_a_place_before_an_age_is_no_person() -> None:
    x = run("Học sinh (phường 5, 18 tuổi) đã đến. (Hà Nội, 18 tuổi) Hỏi về học phí? (khoa, 19 tuổi)")
    assert labels(x, "Person") == {"khoa"}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Chủ cửa hàng tên Lụa cho biết giá đã tăng.", "Lụa"),  # 'named': a person's name follows
        ("Một học sinh tên là Đào Văn Khánh đã bỏ học.", "Đào Văn Khánh"),
        ("Thầy giáo tên K. nói qua điện thoại.", "K."),
    ],
)
def test_a_name_after_named_is_a_person(text: str, person: str) -> None:
    assert labels(run(text), "Person") == {person}


def test_a_thing_named_after_someone_is_no_person() -> None:
    x = run("Công trình mang tên Lụa đã xong. Người bán tên Sen nói vậy. Cái tên Pháp vẫn còn.")
    assert labels(x, "Person") == {"Sen"}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Nhóm chuyên gia do giáo sư Hans Müller (Đức) dẫn đầu đã đánh giá cao.", "Hans Müller"),
        ("Bài thơ của nhà thơ Xuân Quỳnh được chọn.", "Xuân Quỳnh"),  # a title written in lower case
    ],
)
def test_a_name_after_a_lower_case_title_is_a_person(text: str, person: str) -> None:
    assert person in labels(run(text), "Person")


def test_a_person_who_speaks_ends_the_body_before_him() -> None:
    x = run("Chánh thanh tra Sở Xây dựng Đà Nẵng Lê Hòa cho biết, việc này đã xong.")
    assert "Lê Hòa" in labels(x, "Person")
    assert not any("Lê Hòa" in name for name in labels(x) - {"Lê Hòa"})


@pytest.mark.parametrize(
    ("text", "not_person"),
    [
        ("Đoàn khách lên tham quan Bà Lài vào buổi sáng.", "Lài"),  # a place named with a capital 'Bà'
        ("Cháu đang học thêm Anh Văn ở trung tâm gần nhà.", "Văn"),  # a language, not 'anh Văn'
        ("Công ty sản xuất nhựa Anh Dũng bị lập biên bản.", "Dũng"),  # a company's name
    ],
)
def test_a_capitalised_honorific_inside_a_sentence_is_part_of_a_name(text: str, not_person: str) -> None:
    assert not_person not in labels(run(text), "Person")


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Hôm qua, Ông Nguyễn Văn Hải đã đến dự.", "Nguyễn Văn Hải"),  # a full name: still a person
        ("Cả nước học tập theo gương Bác Hồ.", "Bác Hồ"),  # a family name after 'Bác': the leader
        ("Sáng nay, anh Tùng cho biết như vậy.", "Tùng"),
        ("Liên hệ: 3/ Đậu Văn Tuấn, Văn phòng Chính phủ.", "Đậu Văn Tuấn"),  # Đậu: a family name
    ],
)
def test_a_person_after_a_capitalised_honorific_stays(text: str, person: str) -> None:
    assert person in labels(run(text), "Person")


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Ông Trần Văn Khoa Tôi cũng mong chờ ngày đó.", "Trần Văn Khoa"),  # a lost line break
        ("Thủ tướng tiếp Đại sứ Lê Văn Bảo Có ba vấn đề được nêu ra.", "Lê Văn Bảo"),
        ("Ông Phạm Minh Đức Ông Phạm Minh Đức, Giám đốc Sở, phát biểu.", "Phạm Minh Đức"),
        ("Chủ tịch nước trao tặng Ủy viên Trung ương Đỗ Văn Hòa Huân chương Lao động.", "Đỗ Văn Hòa"),
        ("Tổng Bí thư tiếp Đại sứ Lê Văn Khang Ảnh: TTXVN Chiều qua, hai bên hội đàm.", "Lê Văn Khang"),
    ],
)
def test_a_word_that_opens_a_sentence_ends_a_full_name(text: str, person: str) -> None:
    people = labels(run(text), "Person")
    assert person in people
    assert not any(p.startswith(person + " ") for p in people)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Bà Lê Thị Có, Trưởng phòng, cho biết như vậy.", "Lê Thị Có"),  # given names before a comma
        ("Ông Tạ Minh Ảnh, Giám đốc khu, nói thêm.", "Tạ Minh Ảnh"),
    ],
)
def test_a_given_name_that_is_a_common_word_stays(text: str, person: str) -> None:
    assert person in labels(run(text), "Person")


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Hằng, giáo viên dạy toán ở một trường làng, kể lại chuyện cũ.", "Hằng"),  # a name, then who
        ("Phúc, sinh viên năm cuối, 21 tuổi, cho biết đã đi làm thêm.", "Phúc"),
        ("Kỳ thi kết thúc sớm. Toàn, thí sinh ở Nam Định, tỏ ra vui vẻ.", "Toàn"),
        ('"Đề năm nay vừa sức", Thảo, học sinh lớp 12, nói.', "Thảo"),
        ("Khương, một tài xế xe khách, chạy tuyến này đã 10 năm.", "Khương"),
        ("Thư viện mở cửa cả ngày. Cô Hiền, giáo viên dạy văn, cho biết.", "Hiền"),  # without 'Cô'
    ],
)
def test_a_given_name_before_who_the_person_is_is_a_person(text: str, person: str) -> None:
    assert person in labels(run(text), "Person")


@pytest.mark.parametrize(
    "text",
    [
        "Nay, học sinh được nghỉ hai ngày.",  # an adverb before the comma
        "Tại Đà Nẵng, sinh viên tình nguyện đã ra quân.",
        "Ở Úc, sinh viên quốc tế được làm thêm.",  # a preposition before a place
        "Sở Y tế, bác sĩ và y tá của bệnh viện đã có mặt.",  # a body in a list
    ],
)
def test_a_word_before_a_comma_and_people_is_no_person(text: str) -> None:
    assert not labels(run(text), "Person")


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Em học lớp 10 trường THPT Nguyễn Văn Cừ ở quận 5.", "Nguyễn Văn Cừ"),  # a school's name
        ("Điểm thi THCS Trần Quốc Toản có 300 thí sinh.", "Trần Quốc Toản"),
        ("Đêm diễn ở rạp hát Huỳnh Văn Sáu rất đông khách.", "Huỳnh Văn Sáu"),
        ("Khách tham quan bảo tàng Trần Văn Ơn ở Bến Tre.", "Trần Văn Ơn"),
        ("Sáu hộ dân ở chung cư Lê Văn Tám phải di dời.", "Lê Văn Tám"),
    ],
)
def test_a_school_or_a_building_named_after_someone_is_no_person(text: str, named: str) -> None:
    assert named not in labels(run(text), "Person")


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Theo Phó giám đốc Sở Xây dựng TP Hoàng Văn Lịch, việc này đã xong.", "Hoàng Văn Lịch"),
        ("Trưởng ban chấm thi Nguyễn Văn Thạc cho biết bài thi đã chấm xong.", "Nguyễn Văn Thạc"),
    ],
)
def test_a_person_after_a_body_stays(text: str, person: str) -> None:
    assert person in labels(run(text), "Person")


def test_a_family_name_before_a_word_is_no_person() -> None:
    x = run("Đoàn do ông Nguyễn Văn Hải dẫn đầu và Đoàn Giáo hội Phật giáo tỉnh đã đến thăm.")
    assert labels(x, "Person") == {"Nguyễn Văn Hải"}  # Đoàn | Giáo hội: a delegation, no 'Đoàn Giáo'


def _people(text: str) -> list[str]:
    return sorted(e.label for e in run(text).entities.values() if e.kind == "Person")


def test_a_leader_named_reverently_by_his_family_name_is_the_full_name_of_the_article() -> None:
    got = _people(
        "Ngày 19/5, tỉnh tổ chức kỷ niệm ngày sinh Chủ tịch Hồ Chí Minh. Đoàn viên được nghe kể chuyện về "
        "Bác Hồ và cuộc đời hoạt động cách mạng của Người."
    )
    assert got == ["Hồ Chí Minh"], got


def test_the_reverent_name_alone_or_of_two_namesakes_stays_its_own_node() -> None:
    assert _people("Đoàn viên được nghe kể chuyện về Bác Hồ.") == ["Bác Hồ"]
    got = _people(
        "Chủ tịch Hồ Chí Minh và ông Hồ Văn Lâm được nhắc tới. Đoàn viên được nghe kể chuyện về Bác Hồ."
    )
    assert "Bác Hồ" in got, got


@pytest.mark.parametrize(
    ("text", "body", "not_person"),
    [
        # 'Tư lệnh phó' written with a capital: the words after the title run into a body's name
        ("Tư lệnh Phó Quân khu Sài Gòn đã về dự.", "Quân khu Sài Gòn", "Phó Quân"),
        ("Đến dự có Tư lệnh Phó Quân khu 7.", "Quân khu 7", "Phó Quân"),
        (
            "Chính ủy Phó Bộ Chỉ huy Quân sự tỉnh Long An phát biểu.",
            "Bộ Chỉ huy Quân sự tỉnh Long An",
            "Phó Bộ Chỉ",
        ),
    ],
)
def test_a_name_after_a_title_never_runs_into_a_body(text: str, body: str, not_person: str) -> None:
    got = run(text)
    assert body in labels(got, None)
    assert not_person not in labels(got, "Person")
