"""Where a name starts and ends: coordinated fields inside a name, and the words that end one."""

from __future__ import annotations

import pytest
from helpers import names, run, triples

from kgraph.extract.lexicon import lexicon
from kgraph.extract.tagger import Tagged, _trim_tail
from kgraph.extract.tokens import tokenize


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # 'và' / '&' + a capitalised common word (no head, place or person): the name's second field
        ("Công ty Cơ khí và Xây lắp đã ký hợp đồng.", "Công ty Cơ khí và Xây lắp"),
        ("Viện Nghiên cứu Kinh tế và Chính sách công bố báo cáo.", "Viện Nghiên cứu Kinh tế và Chính sách"),
        ("Viện Khoa học & Công nghệ Việt Nam công bố.", "Viện Khoa học & Công nghệ Việt Nam"),
        (
            "Ban Bồi thường và Giải phóng mặt bằng huyện họp dân.",
            "Ban Bồi thường và Giải phóng mặt bằng huyện",
        ),
        # '-' between two capitalised fields
        (
            "Trường Cao đẳng Văn hóa - Nghệ thuật tỉnh khai giảng.",
            "Trường Cao đẳng Văn hóa - Nghệ thuật tỉnh",
        ),
        ("Đài Phát thanh - Truyền hình tỉnh đưa tin.", "Đài Phát thanh - Truyền hình tỉnh"),
    ],
)
def test_coordinated_fields_stay_in_the_name(text: str, name: str) -> None:
    assert name in names(run(text))


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a head after 'và' starts a second body
        ("Sở Nội vụ và Sở Tài chính họp.", "Sở Nội vụ", "Sở Nội vụ và Sở Tài chính"),
        # a place after 'và' is a second place, not a field of the name
        ("UBND tỉnh Hà Tĩnh và Nghệ An họp.", "Nghệ An", "UBND tỉnh Hà Tĩnh và Nghệ An"),
        # a person after 'và'
        ("Công ty Sông Đà và Nguyễn Văn Bình ký.", "Công ty Sông Đà", "Công ty Sông Đà và Nguyễn Văn Bình"),
        # a ministry or department takes a second field only from the table of domains: the rest is
        # a second body with its head left out (Bộ Thương mại và [Bộ] Tài chính)
        ("Bộ Công nghiệp và Tài chính phối hợp.", "Bộ Công nghiệp", "Bộ Công nghiệp và Tài chính"),
        # after an acronym, a second school or body with its head left out
        ("Trường ĐH KHTN và Sư phạm cùng tuyển sinh.", "Trường ĐH KHTN", "Trường ĐH KHTN và Sư phạm"),
        # a dash glued to the word before it only: a list's separator
        (
            "Trường ĐH Thủy lợi- Đào tạo ĐH: 2.000 chỉ tiêu.",
            "Trường ĐH Thủy lợi",
            "Trường ĐH Thủy lợi- Đào tạo ĐH",
        ),
        # a post title after a dash closes the name
        ("Ông là Giám đốc Sở Y tế - Trưởng ban chỉ đạo.", "Sở Y tế", "Sở Y tế - Trưởng"),
    ],
)
def test_what_follows_a_conjunction_is_another_name(text: str, present: str, absent: str) -> None:
    got = names(run(text))
    assert present in got
    assert absent not in got


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an abbreviated level word with its dot, then the place: one name ('TP. X' with a space is
        # a sentence's end more often than the city, and the sentences are cut there)
        ("Chủ tịch UBND TP.Đà Nẵng phát biểu.", "UBND TP.Đà Nẵng"),
        ("Sở Y tế Tp.Cần Thơ cho biết.", "Sở Y tế Tp.Cần Thơ"),
        ("Bí thư Thành ủy TP.Hồ Chí Minh phát biểu.", "Thành ủy TP.Hồ Chí Minh"),
    ],
)
def test_abbreviated_level_with_a_dot(text: str, name: str) -> None:
    assert name in names(run(text))


def test_a_committee_of_its_parent_body_is_one_nested_name() -> None:
    x = run("Ban Văn hóa - Xã hội của HĐND tỉnh Gia Lai đã thẩm tra. Ban Văn hóa - Xã hội đề nghị.")
    bodies = {e.label: e.aliases for e in x.entities.values()}
    assert "Ban Văn hóa - Xã hội" in bodies["Ban Văn hóa - Xã hội của Hội đồng nhân dân tỉnh Gia Lai"]
    assert "Hội đồng nhân dân tỉnh Gia Lai" in bodies  # the parent stays a node


def test_of_a_parent_body_after_a_non_committee_is_no_name() -> None:
    got = names(run("Công ty Bảo Minh của Bộ Tài chính được cổ phần hóa."))
    assert "Công ty Bảo Minh của Bộ Tài chính" not in got


def test_a_committee_named_with_its_parent_is_part_of_it() -> None:
    x = run("Ban Văn hóa - Xã hội của HĐND tỉnh Gia Lai đã thẩm tra.")
    assert (
        "Ban Văn hóa - Xã hội của Hội đồng nhân dân tỉnh Gia Lai",
        "subOrganizationOf",
        "Hội đồng nhân dân tỉnh Gia Lai",
    ) in triples(x)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a national body's full name runs on in lower case past where the grammar stops
        ("Chánh án TAND tối cao trả lời chất vấn.", "TAND tối cao"),
        ("Báo cáo của Viện Kiểm sát nhân dân tối cao cho thấy.", "Viện Kiểm sát nhân dân tối cao"),
        ("Chánh án Tòa án nhân dân tối cao, Viện trưởng VKSND tối cao dự.", "VKSND tối cao"),
    ],
)
def test_a_national_body_spelled_out_in_full(text: str, name: str) -> None:
    got = names(run(text))
    assert name in got
    assert not {"Tòa án nhân dân", "TAND", "Viện Kiểm sát nhân dân", "VKSND"} & set(got)


def test_the_central_committee_with_the_party_s_full_name() -> None:
    x = run(
        "Ông là Ủy viên Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam khóa IX. "
        "Ban Chấp hành Trung ương Đảng đã bầu ông."
    )
    committees = [e for e in x.entities.values() if e.kind == "PartyCommittee"]
    assert [e.label for e in committees] == ["Ban Chấp hành Trung ương Đảng"]
    assert "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam" in committees[0].aliases
    assert not [e for e in x.entities.values() if e.kind == "Person"]  # 'Cộng' is nobody


@pytest.mark.parametrize(
    ("text", "body", "person"),
    [
        # a person of two words right after the place that closes a body's name is no part of it
        ("Chánh thanh tra Sở Xây dựng Đà Nẵng Lê Minh cho biết.", "Sở Xây dựng Đà Nẵng", "Lê Minh"),
        ("Ban Tuyên giáo Tỉnh ủy Yên Bái Hoàng Hà phát biểu.", "Ban Tuyên giáo Tỉnh ủy Yên Bái", "Hoàng Hà"),
    ],
)
def test_a_short_personal_name_after_a_place_ends_the_body(text: str, body: str, person: str) -> None:
    got = names(run(text))
    assert body in got
    assert got.get(person) == "Person"


@pytest.mark.parametrize(
    ("text", "body", "person"),
    [
        # a royal title after a dash is an apposition: the person is no part of the body's name
        (
            "Dự lễ có Bộ Văn hóa Nghệ thuật Vương quốc Campuchia - Hoàng thân Norodom Sirivudh.",
            "Bộ Văn hóa Nghệ thuật Vương quốc Campuchia",
            "Norodom Sirivudh",
        ),
        (
            "Đoàn của Bộ Ngoại giao Thái Lan- Công chúa Sirindhorn đã đến thăm.",
            "Bộ Ngoại giao Thái Lan",
            "Sirindhorn",
        ),
    ],
)
def test_a_royal_title_after_a_body_opens_a_person(text: str, body: str, person: str) -> None:
    got = names(run(text))
    assert body in got
    assert got.get(person) == "Person"


def test_a_transliterated_word_keeps_its_hyphenated_syllables() -> None:
    got = names(run("Ông từng học tại Học viện Kỹ thuật Xanh-pê-téc-bua từ năm 1970."))
    assert "Học viện Kỹ thuật Xanh-pê-téc-bua" in got


def test_a_name_before_a_plural_of_years_is_still_a_name() -> None:
    # 'các'/'những' after a name make it many bodies only before a level, a unit or a head
    got = names(
        run("Ông công tác tại Sở Tài chính những năm 1990, rồi về Trường Đại học Bách khoa các năm sau.")
    )
    assert got.get("Sở Tài chính") == "StateAgency"  # the grammar's name and class, not a tagged guess
    assert got.get("Trường Đại học Bách khoa") == "EducationalInstitution"


def test_a_conjunction_after_a_national_body_stays_out_of_its_name() -> None:
    got = names(run("Ông cho biết Bộ GTVT và Tổng Công ty Đường sắt VN vừa quyết định đầu tư."))
    assert "Bộ GTVT" in got
    assert "Bộ GTVT và" not in got


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # departments and Party agencies merged in 2025 under coordinated names
        ("Sở Văn hóa và Thể thao tỉnh Lào Cai tổ chức giải.", "Sở Văn hóa và Thể thao tỉnh Lào Cai"),
        ("Ban Tuyên giáo và Dân vận Tỉnh ủy hướng dẫn.", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
    ],
)
def test_merged_departments_keep_both_domains(text: str, name: str) -> None:
    assert name in names(run(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # words of institution names the general word list lacks: the capitalised word goes on
        ("Cục Khảo thí và Kiểm định chất lượng giáo dục công bố.", "Cục Khảo thí"),
        ("Ông là Phó Vụ trưởng Vụ Lữ hành của Tổng cục Du lịch.", "Vụ Lữ hành"),
        ("Ban Dân nguyện sẽ báo cáo.", "Ban Dân nguyện"),
        ("Trường ĐH Kinh tế quốc dân tuyển sinh.", "Trường ĐH Kinh tế quốc dân"),
    ],
)
def test_institution_words_missing_from_the_word_list(text: str, name: str) -> None:
    assert any(n.startswith(name) for n in names(run(text)))
    assert not any(name.startswith(n) and n != name for n in names(run(text)))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a committee or steering board named by its subject: 'về' and the subject are the name's
        (
            "Ban Chỉ đạo quốc gia về chuyển đổi số đã họp phiên thứ ba.",
            "Ban Chỉ đạo quốc gia về chuyển đổi số",
        ),
        (
            "Ủy ban Quốc gia về người cao tuổi cho biết số người được chăm sóc tăng.",
            "Ủy ban Quốc gia về người cao tuổi",
        ),
        (
            "Trưởng Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực phát biểu.",
            "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực",
        ),
    ],
)
def test_a_board_named_by_its_subject(text: str, name: str) -> None:
    assert name in names(run(text))


def test_a_council_about_a_draft_is_no_longer_name() -> None:
    got = names(run("Hội đồng nhân dân tỉnh về dự thảo nghị quyết đã thảo luận."))
    assert not [n for n in got if "dự thảo" in n]


def test_a_verb_of_saying_after_a_dash_is_no_second_domain() -> None:
    got = names(run('Ông Trần Hòa, Chánh văn phòng Ban Chỉ đạo về CNTT - nhận xét: "Chậm quá".'))
    assert "Ban Chỉ đạo về CNTT" in got


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a bilateral body names both countries, joined by a dash
        ("Hội Hữu nghị Việt Nam - Lào tỉnh tổ chức gặp mặt.", "Hội Hữu nghị Việt Nam - Lào tỉnh"),
        ("Chủ tịch Hội Hữu nghị Việt - Lào phát biểu.", "Hội Hữu nghị Việt - Lào"),
    ],
)
def test_a_bilateral_body_names_both_countries(text: str, name: str) -> None:
    assert name in names(run(text))


def test_two_places_after_a_body_without_a_bilateral_word_stay_apart() -> None:
    got = names(run("Công an Quảng Nam - Đà Nẵng phối hợp."))
    assert "Công an Quảng Nam - Đà Nẵng" not in got


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a ministry's domain from the table, written in lower case or with '&'
        ("Bộ Nông nghiệp & phát triển nông thôn vừa ban hành.", "Bộ Nông nghiệp & phát triển nông thôn"),
        ("Sở Kế hoạch và đầu tư tỉnh cho biết.", "Sở Kế hoạch và đầu tư tỉnh"),
    ],
)
def test_a_table_domain_in_lower_case_or_with_an_ampersand(text: str, name: str) -> None:
    assert name in names(run(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a school's kind in lower case before its proper name (chuyên, dân lập)
        ("Em học Trường THPT chuyên Lê Quý Đôn.", "Trường THPT chuyên Lê Quý Đôn"),
        ("Trường THPT chuyên Hà Giang đạt 20 giải.", "Trường THPT chuyên Hà Giang"),
        ("Em học Trường THCS dân lập Nguyễn Khuyến.", "Trường THCS dân lập Nguyễn Khuyến"),
    ],
)
def test_a_school_s_kind_before_its_name(text: str, name: str) -> None:
    assert name in names(run(text))


def test_a_tagged_name_ends_before_an_adverb_or_a_conjunction() -> None:
    got = names(run("Ví dụ, tổ chức từ thiện Rotary International thường xuyên cung cấp học bổng."))
    assert "Rotary International" in got
    assert "Rotary International thường xuyên" not in got


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a body's number before a verb is its name's (a count is followed by what it counts)
        ("Hôm qua Công ty CIENCO 6 vừa trúng thầu.", "Công ty CIENCO 6"),
        # any verb, not only a predicate marker, and a conjunction before a second body
        ("Gia đình đưa cháu lên Bệnh viện Nhi Đồng 3 điều trị.", "Bệnh viện Nhi Đồng 3"),
        ("Ông làm việc ở Công ty Sông Hồng 7 từ năm 1999.", "Công ty Sông Hồng 7"),
        ("Bệnh viện Chợ Rẫy 2 và Bệnh viện Chợ Rẫy 3 đều quá tải.", "Bệnh viện Chợ Rẫy 2"),
        # a school's number after 'số'
        ("Học sinh Trường THCS số 2 thi tốt.", "Trường THCS số 2"),
    ],
)
def test_a_body_s_number_before_a_verb(text: str, name: str) -> None:
    assert name in names(run(text))


@pytest.mark.parametrize(
    ("text", "body", "absent"),
    [
        ("Công ty CIENCO 6 người đã bị thương.", "Công ty CIENCO", "Công ty CIENCO 6"),
        # a count or a span of time after a name is what it counts, never its number
        ("Bệnh viện Bạch Mai 3 năm qua đã nhận nhiều ca khó.", "Bệnh viện Bạch Mai", "Bệnh viện Bạch Mai 3"),
        ("Trường Hoa Sen 12 em đỗ thủ khoa.", "Trường Hoa Sen", "Trường Hoa Sen 12"),
        ("Công ty Sông Đà 20 tỷ đồng là vốn.", "Công ty Sông Đà", "Công ty Sông Đà 20"),
    ],
)
def test_a_count_after_a_body_is_no_number_of_it(text: str, body: str, absent: str) -> None:
    got = names(run(text))
    assert absent not in got
    assert body in got


def test_a_lower_case_domain_leaves_the_comma_of_a_list_after_it() -> None:
    got = names(
        run("Theo Bộ Văn hóa - thông tin, Sở Văn hóa - thông tin tỉnh Quảng Ngãi đã cấp phép cho dự án.")
    )
    assert "Bộ Văn hóa - thông tin" in got
    assert "Sở Văn hóa - thông tin tỉnh Quảng Ngãi" in got


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a lower-case second field after 'và' closed by a place, punctuation or a verb
        (
            "Công ty Dịch vụ hàng hải và du lịch Bến Thành vừa ký hợp đồng.",
            "Công ty Dịch vụ hàng hải và du lịch Bến Thành",
        ),
        (
            "Theo Trung tâm Quản lý và điều hành giao thông, đường sẽ thông.",
            "Trung tâm Quản lý và điều hành giao thông",
        ),
        ("Viện Hóa học và vật liệu đã công bố.", "Viện Hóa học và vật liệu"),
        # a heading's last words that start a longer head (kiểm toán | nhà nước) are no head
        (
            "Ra mắt Trung tâm Tư vấn pháp luật và kiểm toán\nSáng nay, lễ ra mắt diễn ra tại Hà Nội.",
            "Trung tâm Tư vấn pháp luật và kiểm toán",
        ),
        # a school's second field, closed by its city or a comma
        (
            "Sinh viên ĐH Khoa học xã hội và nhân văn Hà Nội đã đến dự.",
            "ĐH Khoa học xã hội và nhân văn Hà Nội",
        ),
        ("Chị dạy ở Học viện Ngoại giao và kinh tế, Hà Nội.", "Học viện Ngoại giao và kinh tế"),
        # a school's second field after a hyphen, in lower case
        (
            "Sinh viên Trường ĐH Khoa học xã hội - nhân văn Hà Nội đã đến dự.",
            "Trường ĐH Khoa học xã hội - nhân văn Hà Nội",
        ),
        # a scope word closes the lower-case tail wherever it stands
        ("Cháu được đưa lên Bệnh viện Nhi trung ương để mổ.", "Bệnh viện Nhi trung ương"),
        (
            "Theo Trung tâm Dự báo khí tượng thủy văn quốc gia thì mưa sẽ giảm.",
            "Trung tâm Dự báo khí tượng thủy văn quốc gia",
        ),
        # a number closing the lower-case tail
        (
            "Tổng Công ty Xây dựng công trình giao thông 8 đã khởi công.",
            "Tổng Công ty Xây dựng công trình giao thông 8",
        ),
    ],
)
def test_a_lower_case_field_keeps_naming(text: str, name: str) -> None:
    assert name in names(run(text))


@pytest.mark.parametrize(
    ("text", "name", "absent"),
    [
        # a body's word or a determiner after 'và' starts the rest of a list
        (
            "Công ty Sông Đà và doanh nghiệp địa phương đã ký.",
            "Công ty Sông Đà",
            "Công ty Sông Đà và doanh nghiệp",
        ),
        ("Viện Kinh tế và các trường đại học đã họp.", "Viện Kinh tế", "Viện Kinh tế và các trường"),
        # a rank or a post after 'và' is a person's
        ("Công an TP.HCM và thượng tá Lê Văn Hùng đã đến.", "Công an TP.HCM", "Công an TP.HCM và thượng tá"),
    ],
)
def test_a_lower_case_list_after_a_body_is_no_field(text: str, name: str, absent: str) -> None:
    got = names(run(text))
    assert name in got
    assert not any(n.startswith(absent) for n in got)


@pytest.mark.parametrize(
    ("text", "body", "absent"),
    [
        # a capitalised predicate word or degree where a line break or a full stop was lost
        ("Toàn cảnh Hội Hoa Đào Đã thành nếp của người dân.", "Hội Hoa Đào", "Hội Hoa Đào Đã"),
        (
            "Tuyển sinh vào ĐH Quốc gia Hà Nội Tiến sĩ Lê Văn Hòa, phó giám đốc, nói.",
            "ĐH Quốc gia Hà Nội",
            "Tiến sĩ",
        ),
        # a person after a school that a post before it belongs to
        ("Hiệu trưởng Trường THPT Hoa Lư Trần Văn Bình cho biết.", "Trường THPT Hoa Lư", "Trần Văn Bình"),
    ],
)
def test_a_name_ends_before_a_clause_or_a_person_glued_on(text: str, body: str, absent: str) -> None:
    got = names(run(text))
    assert body in got
    assert not any(absent in n for n in got if n.startswith(body))


def test_a_degree_right_after_the_head_is_the_body_s_kind() -> None:
    assert "Văn phòng Luật sư Hòa Bình" in names(run("Hôm qua Văn phòng Luật sư Hòa Bình đã nhận đơn."))


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        # a lost line break glues two Vietnamese syllables: split them, offsets into the text kept
        ("Quốc gia Hồ Chí MinhỦy ban", ["Quốc", "gia", "Hồ", "Chí", "Minh", "Ủy", "ban"]),
        ("Lê Khả PhiêuBan", ["Lê", "Khả", "Phiêu", "Ban"]),
        # a brand or foreign word written in camel case stays whole
        ("báo VnExpress và SaigonTech, AmCham", ["báo", "VnExpress", "và", "SaigonTech", ",", "AmCham"]),
    ],
)
def test_words_glued_by_a_lost_line_break_are_split(text: str, pieces: list[str]) -> None:
    tokens = tokenize(text, 5)
    assert [t.text for t in tokens] == pieces
    assert all(text[t.start - 5 : t.end - 5] == t.text for t in tokens)


def test_a_body_ends_at_a_word_glued_on_by_a_lost_line_break() -> None:
    got = names(run("Ông là Giám đốc Học viện Chính trị Quốc gia Hồ Chí MinhỦy ban Kiểm tra Trung ương họp."))
    assert "Học viện Chính trị Quốc gia Hồ Chí Minh" in got
    assert not any(n.endswith("MinhỦy") or "Minh Ủy" in n or "MinhỦy ban" in n for n in got)


def test_a_person_ends_at_a_word_glued_on_by_a_lost_line_break() -> None:
    got = names(run("Ông Lê Khả PhiêuBan Chấp hành Trung ương đã họp."))
    assert "Lê Khả Phiêu" in got


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a centre, an office or an institute named by its subject after 'về'
        (
            "Trung tâm Nam Á về đào tạo nguồn nhân lực và chuyển giao công nghệ đã khai giảng.",
            "Trung tâm Nam Á về đào tạo nguồn nhân lực và chuyển giao công nghệ",
        ),
        ("Viện Nghiên cứu về phát triển bền vững đã công bố.", "Viện Nghiên cứu về phát triển bền vững"),
    ],
)
def test_a_centre_named_by_its_subject(text: str, name: str) -> None:
    assert name in names(run(text))


def test_a_post_title_before_its_field_is_no_body() -> None:
    got = names(run("Bộ trưởng Ngoại giao Mỹ đã đến Hà Nội hôm qua."))
    assert "Mỹ" in got
    assert not any(n.startswith("Bộ trưởng") for n in got)


def test_a_body_whose_word_starts_with_a_title_is_still_a_body() -> None:
    assert "Đại sứ quán Pháp" in names(run("Đại sứ quán Pháp đã tổ chức buổi gặp mặt."))


@pytest.mark.parametrize(
    ("text", "body", "absent"),
    [
        # a number then a street named after someone is the body's address, not its number
        (
            "Mọi chi tiết xin liên hệ Công ty du lịch Saigontourist 45 Lê Lợi, Quận 1.",
            "Công ty du lịch Saigontourist",
            "Công ty du lịch Saigontourist 45 Lê Lợi",
        ),
        (
            "Lễ ký kết diễn ra tại Trung tâm Hội nghị Quốc gia 57 Phạm Hùng, Hà Nội.",
            "Trung tâm Hội nghị Quốc gia",
            "Trung tâm Hội nghị Quốc gia 57 Phạm Hùng",
        ),
    ],
)
def test_a_house_number_after_a_body_is_its_address(text: str, body: str, absent: str) -> None:
    got = names(run(text))
    assert body in got
    assert absent not in got


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # 'sau ĐH' (postgraduate) is a field: the university head in it opens no body
        (
            "Phó Vụ trưởng Vụ ĐH và sau ĐH Trần Văn Bình đã ký văn bản.",
            "Vụ ĐH và sau ĐH",
            "ĐH Trần Văn Bình",
        ),
        (
            "Thí sinh liên hệ Phòng Sau ĐH Trường ĐH Thủy lợi để biết thêm.",
            "Trường ĐH Thủy lợi",
            "ĐH Trường ĐH Thủy lợi",
        ),
    ],
)
def test_postgraduate_is_a_field_not_a_university(text: str, present: str, absent: str) -> None:
    got = names(run(text))
    assert present in got
    assert absent not in got


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Em học tại Trường THPT số 2 Lê Hồng Phong từ năm 2001.", "Trường THPT số 2 Lê Hồng Phong"),
    ],
)
def test_a_school_s_number_before_its_namesake_stays_in_the_name(text: str, name: str) -> None:
    # a school numbered and named after someone: no address (guards the rule above)
    assert any(name in got for got in names(run(text)))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a verb after a name ends it (a headline has no full stop to end the sentence either)
        ("Bệnh viện Nhi Đồng 1 đón nhận danh hiệu Anh hùng.", "Bệnh viện Nhi Đồng 1"),
        ("Công ty Bình Minh cho hay sẽ tăng giá.", "Công ty Bình Minh"),
        # 'vào' (on a day) ends a board's subject
        (
            "Ban Chỉ đạo phòng chống dịch cúm gia cầm vào sáng thứ hai tới sẽ họp.",
            "Ban Chỉ đạo phòng chống dịch cúm gia cầm",
        ),
    ],
)
def test_a_verb_after_a_name_ends_it(text: str, name: str) -> None:
    got = names(run(text))
    assert name in got
    assert not [n for n in got if n.startswith(name) and n != name and name in n]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the place a board's subject closes with ends the name: a comma after it opens the sentence
        (
            "Ban Chỉ đạo phòng chống dịch cúm gia cầm TPHCM, thời điểm từ nay đến Tết, sẽ trực.",
            "Ban Chỉ đạo phòng chống dịch cúm gia cầm TPHCM",
        ),
        # a verb after the comma is the sentence's, not a second subject of the board
        (
            "Ban Chỉ đạo phòng chống dịch cúm gia cầm, phân công địa bàn cho các thành viên.",
            "Ban Chỉ đạo phòng chống dịch cúm gia cầm",
        ),
    ],
)
def test_what_ends_a_board_s_subject(text: str, name: str) -> None:
    got = names(run(text))
    assert name in got
    assert not [n for n in got if n.startswith(name) and n != name]


@pytest.mark.parametrize(
    ("text", "body", "person"),
    [
        # a post over a unit of the school (Trưởng phòng Đào tạo): the full name after the school is
        # the post's holder, as right after the post title
        ("Trưởng phòng Đào tạo ĐH Thủy lợi Nguyễn Văn Nam cho biết.", "ĐH Thủy lợi", "Nguyễn Văn Nam"),
        (
            "Trưởng phòng đào tạo ĐH dân lập Văn Lang Trần Văn Minh cho biết.",
            "ĐH dân lập Văn Lang",
            "Trần Văn Minh",
        ),
    ],
)
def test_the_holder_of_a_post_over_a_school_s_unit(text: str, body: str, person: str) -> None:
    got = names(run(text))
    assert body in got
    assert got.get(person) == "Person"


def test_a_deputy_s_short_title_before_a_school_and_its_holder() -> None:
    # 'Hiệu phó' is 'Phó Hiệu trưởng' said short: the full name after the school is the holder
    got = names(run("Hiệu phó ĐH Thương mại Nguyễn Văn Hùng cho biết."))
    assert "ĐH Thương mại" in got
    assert got.get("Nguyễn Văn Hùng") == "Person"


def test_a_famous_namesake_after_a_post_stays_in_the_school_s_name() -> None:
    # Tôn Đức Thắng (name_people.txt) names the school; the next full name is the post's holder
    got = names(run("Hiệu trưởng ĐH Bán công Tôn Đức Thắng Lê Văn Nam cho biết."))
    assert "ĐH Bán công Tôn Đức Thắng" in got
    assert got.get("Lê Văn Nam") == "Person"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a country's body abroad, or a foreign one here, is named with where it sits
        ("Đại sứ quán Việt Nam tại Hàn Quốc đã gửi công hàm.", "Đại sứ quán Việt Nam tại Hàn Quốc"),
        ("Văn phòng Thương mại Nhật Bản tại TPHCM thông báo.", "Văn phòng Thương mại Nhật Bản tại TPHCM"),
    ],
)
def test_a_country_s_body_with_its_seat(text: str, name: str) -> None:
    assert name in names(run(text))


def test_a_body_at_a_place_without_a_country_leaves_the_place_out() -> None:
    got = names(run("Công ty Sông Đà tại Hà Nội đã ký hợp đồng."))
    assert "Công ty Sông Đà" in got
    assert "Công ty Sông Đà tại Hà Nội" not in got


def test_a_home_body_at_a_home_place_is_a_branch_not_a_seat() -> None:
    got = names(run("Văn phòng đại diện của Tổng Công ty Bưu chính Việt Nam tại Cần Thơ khai trương."))
    assert "Tổng Công ty Bưu chính Việt Nam tại Cần Thơ" not in got


def test_a_department_of_resources_environment_and_housing() -> None:
    # Sở Tài nguyên Môi trường và Nhà đất (2003-2008): one department of the domains table
    got = names(run("Sở Tài nguyên Môi trường và Nhà đất Hải Phòng đã thu hồi đất."))
    assert "Sở Tài nguyên Môi trường và Nhà đất Hải Phòng" in got


@pytest.mark.parametrize(
    ("text", "name", "glued"),
    [
        ("Du khách đi Tam Đảo 3 ngày rồi về.", "Tam Đảo", "Tam Đảo 3"),
        ("Đoàn đi Cát Bà 2 ngày rồi về.", "Cát Bà", "Cát Bà 2"),
        ("Tour Hà Nội - Tam Đảo 2 ngày 1 đêm giá 900.000 đồng.", "Tam Đảo", "Tam Đảo 2"),
        ("Khách đi Mộc Châu 2 ngày, Điện Biên 3 ngày.", "Mộc Châu", "Mộc Châu 2"),
    ],
)
def test_a_count_after_a_tagged_name_is_no_part_of_it(text: str, name: str, glued: str) -> None:
    found = names(run(text))
    assert name in found
    assert glued not in found


def test_a_body_s_number_before_a_verb_stays_in_its_name() -> None:
    assert "Bệnh viện Nhi Đồng 2" in names(run("Bệnh viện Nhi Đồng 2 điều trị cho cháu."))


@pytest.mark.parametrize(
    ("text", "name", "twice"),
    [
        # a heading glued to the lead: the name written twice is one name
        ("Tàu chạy ngang Marseille Marseille (tiếng Pháp) là cảng lớn.", "Marseille", "Marseille Marseille"),
        ("Hội chợ tổ chức tại Quảng Trị Quảng Trị: Không tăng giá vé.", "Quảng Trị", "Quảng Trị Quảng Trị"),
    ],
)
def test_a_name_written_twice_is_one_name(text: str, name: str, twice: str) -> None:
    found = names(run(text))
    assert name in found
    assert twice not in found


def test_the_numeral_of_a_congress_is_no_part_of_the_body_after_it() -> None:
    text = "Ông nói: “Qua năm năm thực hiện nghị quyết Đại hội lần XII Đảng bộ TP, thủ đô luôn ổn định”."
    found = names(run(text))
    assert "XII Đảng bộ TP" not in found
    assert "Đảng bộ TP" in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ủy ban Kinh tế của Quốc hội - cơ quan thẩm tra dự án luật đã họp.", "Ủy ban Kinh tế của Quốc hội"),
        (
            "Ủy ban Pháp luật của Quốc hội - cơ quan chủ trì thẩm tra - cho biết.",
            "Ủy ban Pháp luật của Quốc hội",
        ),
    ],
)
def test_an_apposition_after_a_dash_ends_a_body_named_with_its_parent(text: str, name: str) -> None:
    found = names(run(text))
    assert name in found
    assert f"{name} - cơ quan" not in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an abbreviated head takes its number like the head written out (Công ty X 9, Khu công nghiệp Y 2)
        ("Cty Sông Đà 9 vừa trúng thầu gói thầu mới.", "Cty Sông Đà 9"),
        ("Nước thải của KCN Tân Tạo 2, KCN Amata 3 đổ ra sông.", "KCN Tân Tạo 2"),
    ],
)
def test_an_abbreviated_numbered_head_keeps_its_number(text: str, name: str) -> None:
    assert name in names(run(text))


@pytest.mark.parametrize(
    ("text", "span", "kept"),
    [
        # the tagger's span as it comes: a lower-case name with a count glued on loses the number
        ("Các trường mầm non 2 buổi được hỗ trợ.", "trường mầm non 2", "trường mầm non"),
        # a number after a level word stays (phường 3 | năm 2004 is a date, the number the ward's)
        ("Dân phường 3 năm 2004 góp tiền.", "phường 3", "phường 3"),
    ],
)
def test_the_tagger_s_span_loses_a_count_glued_on(text: str, span: str, kept: str) -> None:
    tokens = tokenize(text)
    words = [w.text for w in tokenize(span)]
    i = next(k for k in range(len(tokens)) if [t.text for t in tokens[k : k + len(words)]] == words)
    t = _trim_tail(tokens, Tagged(i, i + len(words), "ORG", 0.95), lexicon())
    assert " ".join(tok.text for tok in tokens[t.i : t.j]) == kept


@pytest.mark.parametrize(
    "text",
    [
        "Em đăng ký thi ĐH khối B được xét tuyển.",
        "Điểm chuẩn Khối A là 20, Khối D1 là 18.",
        "Thí sinh dự thi các khối A, B, C đều đạt điểm cao.",
    ],
)
def test_an_entrance_exam_s_block_is_no_body(text: str) -> None:
    # khối A, B, D1: groups of exam subjects, not a bloc of bodies nor a university
    got = names(run(text))
    assert not any("hối" in n for n in got), got
