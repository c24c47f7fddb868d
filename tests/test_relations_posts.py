"""Posts: each person in a list gets their own post and body; the members of standing and
executive committees and of inspection and working delegations are members of them."""

from __future__ import annotations

from helpers import names, run, triples


def members(text: str) -> set[tuple[str, str]]:
    return {(s, o) for s, p, o in triples(run(text)) if p == "memberOf"}


def test_each_deputy_minister_of_a_list_keeps_their_own_ministry() -> None:
    got = members(
        "Dự hội nghị có Thứ trưởng Bộ Lao động - Thương binh và Xã hội Nguyễn Thị Hoa, "
        "Thứ trưởng Bộ Tài chính Trần Văn Hiếu."
    )
    assert got == {
        ("Nguyễn Thị Hoa", "Bộ Lao động - Thương binh và Xã hội"),
        ("Trần Văn Hiếu", "Bộ Tài chính"),
    }


def test_posts_after_the_names_of_a_list() -> None:
    got = members(
        "Tham dự có đồng chí Lê Minh Khái, Phó Chủ tịch UBND tỉnh Cà Mau, "
        "đồng chí Phạm Văn Tuấn, Giám đốc Sở Y tế tỉnh Bạc Liêu."
    )
    assert got == {
        ("Lê Minh Khái", "Ủy ban nhân dân tỉnh Cà Mau"),
        ("Phạm Văn Tuấn", "Sở Y tế tỉnh Bạc Liêu"),
    }


def test_members_of_a_standing_committee() -> None:
    got = members(
        "Ban Thường vụ Tỉnh ủy Kon Tum khóa XVI gồm các đồng chí: Nguyễn Văn An, Bí thư Tỉnh ủy; "
        "Trần Văn Bình, Phó Bí thư Tỉnh ủy; Lê Thị Cúc, Trưởng Ban Tổ chức Tỉnh ủy."
    )
    for person in ("Nguyễn Văn An", "Trần Văn Bình", "Lê Thị Cúc"):
        assert (person, "Ban Thường vụ Tỉnh ủy Kon Tum") in got
    assert ("Lê Thị Cúc", "Ban Tổ chức Tỉnh ủy Kon Tum") in got


def test_members_elected_to_an_executive_committee() -> None:
    got = members(
        "Đại hội đã bầu Ban Chấp hành Hội Liên hiệp Phụ nữ tỉnh Sơn La khóa XV gồm 35 đồng chí; "
        "đồng chí Lò Thị Mai được bầu giữ chức Chủ tịch Hội Liên hiệp Phụ nữ tỉnh Sơn La."
    )
    assert ("Lò Thị Mai", "Hội Liên hiệp Phụ nữ tỉnh Sơn La") in got
    assert ("Lò Thị Mai", "Ban Chấp hành Hội Liên hiệp Phụ nữ tỉnh Sơn La") in got


def test_an_officer_not_elected_in_the_text_is_no_member_of_its_executive_committee() -> None:
    got = members(
        "Ban Chấp hành Hội Nông dân tỉnh Yên Bái họp phiên thường kỳ; "
        "đồng chí Hà Văn Bình, Chủ tịch Hội Nông dân tỉnh Yên Bái, phát biểu."
    )
    assert ("Hà Văn Bình", "Hội Nông dân tỉnh Yên Bái") in got
    assert ("Hà Văn Bình", "Ban Chấp hành Hội Nông dân tỉnh Yên Bái") not in got


def test_the_head_of_an_inspection_delegation_is_its_member() -> None:
    x = run(
        "Đoàn kiểm tra của Ban Bí thư do đồng chí Nguyễn Văn An, Ủy viên Trung ương Đảng, Phó Trưởng Ban "
        "Tổ chức Trung ương làm Trưởng đoàn đã làm việc với Ban Thường vụ Tỉnh ủy Bình Định."
    )
    got = triples(x)
    assert ("Đoàn kiểm tra của Ban Bí thư", "subOrganizationOf", "Ban Bí thư") in got
    assert ("Nguyễn Văn An", "memberOf", "Đoàn kiểm tra của Ban Bí thư") in got
    assert ("Nguyễn Văn An", "memberOf", "Ban Tổ chức Trung ương") in got


def test_a_numbered_delegation_is_part_of_the_body_that_sends_it() -> None:
    got = triples(run("Sáng 3/6, Đoàn giám sát số 2 của Huyện ủy Yên Thành làm việc với xã Nghi Lộc."))
    assert ("Đoàn giám sát số 2 của Huyện ủy Yên Thành", "subOrganizationOf", "Huyện ủy Yên Thành") in got


def test_members_of_a_working_delegation() -> None:
    x = run(
        "Đoàn công tác của Ban Bí thư làm việc với Tỉnh ủy Gia Lai. Thành viên Đoàn công tác có đồng chí "
        "Trần Thị Mai, Phó Chủ nhiệm Ủy ban Kiểm tra Trung ương."
    )
    got = triples(x)
    assert ("Trần Thị Mai", "memberOf", "Đoàn công tác của Ban Bí thư") in got
    assert ("Trần Thị Mai", "memberOf", "Ủy ban Kiểm tra Trung ương") in got


def test_a_delegation_received_by_someone_has_them_as_no_member() -> None:
    x = run(
        "Đoàn giám sát của Ủy ban Mặt trận Tổ quốc tỉnh Hòa Bình làm việc với UBND huyện Mai Châu; "
        "tiếp đoàn có đồng chí Bùi Văn Cảnh, Chủ tịch UBND huyện Mai Châu."
    )
    got = triples(x)
    assert (
        "Đoàn giám sát của Ủy ban Mặt trận Tổ quốc tỉnh Hòa Bình",
        "subOrganizationOf",
        "Ủy ban Mặt trận Tổ quốc tỉnh Hòa Bình",
    ) in got
    assert not [t for t in got if t[0] == "Bùi Văn Cảnh" and t[2].startswith("Đoàn")]
    assert "Đoàn Thanh niên" not in {e.label for e in x.entities.values()}


def test_a_deputy_prime_minister_is_a_member_of_the_government() -> None:
    got = members(
        "Phó Thủ tướng Lê Văn Thành đã làm việc với tỉnh. Chính phủ sẽ hỗ trợ tỉnh khắc phục hậu quả bão."
    )
    assert ("Lê Văn Thành", "Chính phủ") in got


def test_a_title_names_no_body_the_article_does_not_name() -> None:
    x = run("Phó Thủ tướng Lê Văn Thành đã làm việc với tỉnh.")
    assert not [r for r in x.relations if r.predicate == "memberOf"]


def test_attendees_take_part_in_the_meeting_the_sentence_names() -> None:
    x = run(
        "Sáng 5/7, Hội đồng nhân dân tỉnh Gia Lai khai mạc Kỳ họp thứ 18. Tham dự kỳ họp có Chủ tịch UBND "
        "tỉnh Trương Hải Long, các đồng chí trong Ban Thường vụ Tỉnh ủy, lãnh đạo các sở, ngành."
    )
    got = {(s, o) for s, p, o in triples(x) if p == "participatesIn"}
    assert ("Trương Hải Long", "Kỳ họp thứ 18") in got
    assert ("Ban Thường vụ Tỉnh ủy Gia Lai", "Kỳ họp thứ 18") in got


def test_no_attendees_without_a_meeting_of_the_article() -> None:
    x = run("Tham dự có Chủ tịch UBND tỉnh Trương Hải Long.")
    assert not [r for r in x.relations if r.predicate == "participatesIn"]


def test_the_head_of_a_division_belongs_to_it_and_it_to_the_body_named_after_it() -> None:
    x = run(
        "Ông Trần Văn Lộc, Trưởng phòng Quản lý đào tạo Trường Đại học Vinh, cho biết nhà trường đã "
        "tuyển đủ chỉ tiêu."
    )
    division = "Phòng Quản lý đào tạo Trường Đại học Vinh"
    assert {(s, o) for s, p, o in triples(x) if p == "memberOf"} == {("Trần Văn Lộc", division)}
    assert (division, "subOrganizationOf", "Trường Đại học Vinh") in triples(x)
    assert names(x)[division] == "Organization"  # a school's division, no state agency


def test_a_body_after_a_comma_is_not_the_posts() -> None:
    got = members("Ông Trần Văn Lộc, Trưởng phòng, cho biết Trường Đại học Vinh đã tuyển đủ chỉ tiêu.")
    assert not got


def test_a_deputy_of_a_council_is_its_member() -> None:
    got = members("Đại biểu HĐND tỉnh Long An Trần Văn Sáu đề nghị làm rõ trách nhiệm.")
    assert got == {("Trần Văn Sáu", "Hội đồng nhân dân tỉnh Long An")}


def test_the_delegates_of_a_congress_are_no_post() -> None:
    got = members("Đại hội đại biểu Đảng bộ tỉnh Nghệ An lần thứ XIX khai mạc sáng nay.")
    assert got == set()


def test_a_general_director_is_a_member_of_the_body() -> None:
    got = members("Ông Lê Văn Tùng - Tổng giám đốc Học viện Hàng không cho biết học phí không tăng.")
    assert got == {("Lê Văn Tùng", "Học viện Hàng không")}


def test_a_post_whose_body_only_the_tagger_finds() -> None:
    got = members("Ông Lê Văn Hào, Phó giám đốc tuyển sinh Trường ĐH Kinh tế TP.HCM cho biết điểm tăng.")
    assert got == {("Lê Văn Hào", "Trường Đại học Kinh tế thành phố Hồ Chí Minh")}


def test_a_body_after_the_speech_verb_is_not_the_posts() -> None:
    got = members("Ông Lê Văn Hào, Phó giám đốc cho biết Trường ĐH Kinh tế TP.HCM tuyển thêm.")
    assert got == set()


def test_a_late_body_before_the_next_name_is_the_next_persons() -> None:
    got = members(
        "Số ứng cử viên trong ngành đã tăng lên (gồm Thứ trưởng Lê Văn Phúc, Thứ trưởng Đỗ Minh, "
        "đại sứ VN tại Mỹ Trần Quang Hà, đại sứ VN tại WTO Ngô Văn Xuân...)."
    )
    assert ("Đỗ Minh", "Việt Nam") not in got


def test_a_city_body_is_not_the_province_of_another_biography() -> None:
    x = run(
        "Lê Văn Hùng - Phó Bí thư Thành ủy, Chủ tịch UBND TP.\nĐà Nẵng.\n"
        "Tóm tắt quá trình công tác của ông Trần Văn Tâm: 1990 - 1995: Phó Chủ tịch UBND tỉnh Bắc Thái. "
        "1996 - 2000: Chủ tịch UBND tỉnh Bắc Thái.",
        title="Danh sách Ban Chấp hành Trung ương",
    )
    got = {(s, o) for s, p, o in triples(x) if p == "memberOf" and s == "Lê Văn Hùng"}
    assert not [o for _, o in got if "Bắc Thái" in o]


def test_a_post_taken_after_the_posts_held() -> None:
    got = members(
        "Bà Phùng Thị Lan - Phó chủ tịch thường trực HĐND tỉnh Bắc Ninh - "
        "giữ chức Phó bí thư Tỉnh ủy Bắc Ninh."
    )
    person = "Phùng Thị Lan"
    assert got == {(person, "Hội đồng nhân dân tỉnh Bắc Ninh"), (person, "Tỉnh ủy Bắc Ninh")}


def test_elected_to_a_post_after_a_former_one() -> None:
    got = members(
        "Hội nghị đã bầu bà Nguyễn Thị Hạnh, Ủy viên Trung ương Đảng, nguyên Bí thư Tỉnh ủy Hà Nam giữ chức "
        "Phó Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam."
    )
    assert ("Nguyễn Thị Hạnh", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam") in got
    assert ("Nguyễn Thị Hạnh", "Tỉnh ủy Hà Nam") not in got


def test_a_post_in_a_body_whose_name_was_cut_in_two_gives_no_membership() -> None:
    got = members("Dự có bà Trần Thị Mai – Phó Chủ tịch Ban Chấp hành Trung ương Hội Liên hiệp Phụ nữ VN.")
    assert ("Trần Thị Mai", "Ban Chấp hành Trung ương Đảng") not in got


def test_a_head_named_by_title_only_is_a_member_of_the_articles_one_such_body() -> None:
    got = members(
        "Ngày 5/7, Viện kiểm sát nhân dân tỉnh Sóc Trăng tổ chức Hội nghị sơ kết công tác 6 tháng đầu năm. "
        "Tham dự có đồng chí Trần Văn Sáu - Viện trưởng, chủ trì hội nghị, đồng chí Phó viện trưởng "
        "Lê Văn Tư."
    )
    body = "Viện Kiểm sát nhân dân tỉnh Sóc Trăng"
    assert got == {("Trần Văn Sáu", body), ("Lê Văn Tư", body)}


def test_a_head_named_by_title_only_among_two_such_bodies_is_left_alone() -> None:
    got = members(
        "Viện kiểm sát nhân dân tỉnh Sóc Trăng và Viện kiểm sát nhân dân huyện Mỹ Tú ký quy chế phối hợp. "
        "Ông Trần Văn Sáu - Viện trưởng phát biểu."
    )
    assert got == set()


def test_a_head_whose_unfound_body_is_named_is_left_alone() -> None:
    got = members(
        "Trường Tiểu học Hòa Bình tuyển sinh 300 học sinh. Ông Lê Văn Tư, Hiệu trưởng PTTH Lê Quý Đôn cho "
        "biết việc này cần cân nhắc."
    )
    assert got == set()


def test_names_listed_after_a_plural_honorific_share_the_post() -> None:
    got = members("Dự có các đồng chí Phó Giám đốc Sở Y tế tỉnh Kiên Giang Nguyễn Văn Lâm, Trần Thị Hoa.")
    body = "Sở Y tế tỉnh Kiên Giang"
    assert got == {("Nguyễn Văn Lâm", body), ("Trần Thị Hoa", body)}


def test_a_name_after_a_single_holder_does_not_share_the_post() -> None:
    got = members("Dự có đồng chí Phó Giám đốc Sở Y tế tỉnh Kiên Giang Nguyễn Văn Lâm, Trần Thị Hoa.")
    assert got == {("Nguyễn Văn Lâm", "Sở Y tế tỉnh Kiên Giang")}


def test_a_shared_bare_title_finds_the_articles_one_body() -> None:
    got = members(
        "Viện kiểm sát nhân dân tỉnh Hậu Giang tổ chức hội nghị. Dự có các đồng chí Phó viện trưởng "
        "Nguyễn Văn Lâm, Trần Thị Hoa."
    )
    body = "Viện Kiểm sát nhân dân tỉnh Hậu Giang"
    assert got == {("Nguyễn Văn Lâm", body), ("Trần Thị Hoa", body)}


def test_tuv_is_a_member_of_the_provinces_party_committee() -> None:
    x = run(
        "Tỉnh ủy Hà Tĩnh tổ chức hội nghị sơ kết. Dự hội nghị có đồng chí Trần Văn Kỳ, TUV, Bí thư Huyện "
        "ủy Hương Sơn."
    )
    got = triples(x)
    assert ("Trần Văn Kỳ", "memberOf", "Tỉnh ủy Hà Tĩnh") in got
    assert ("Trần Văn Kỳ", "memberOf", "Huyện ủy Hương Sơn") in got
