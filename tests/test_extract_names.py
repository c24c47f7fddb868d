"""Organisation, person and place names read as a grammar; identity of short forms."""

from __future__ import annotations

import pytest
from helpers import labels, names, run, triples


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Ban Thường vụ Đảng ủy Khối Các cơ quan tỉnh họp.",
            "Ban Thường vụ Đảng ủy Khối Các cơ quan tỉnh",
            "PartyCommittee",
        ),
        ("Đảng bộ Cục Thuế tỉnh đã thực hiện.", "Đảng bộ Cục Thuế tỉnh", "PartyOrganization"),
        ("Cục Thuế tỉnh đã thực hiện.", "Cục Thuế tỉnh", "StateAgency"),
        ("Hội CCB Khối triển khai.", "Hội CCB Khối", "MassOrganization"),  # acronym inside a name
        ("Sở Giáo dục và Đào tạo tổ chức.", "Sở Giáo dục và Đào tạo", "StateAgency"),  # 'và' inside a domain
        ("Bộ Văn hóa, Thể thao và Du lịch chủ trì.", "Bộ Văn hóa, Thể thao và Du lịch", "StateAgency"),
        ("Sở Tài chính tổ chức hội nghị.", "Sở Tài chính", "StateAgency"),  # stops before the verb
        (
            "Trường Đại học Điều dưỡng thường xuyên đối thoại.",
            "Trường Đại học Điều dưỡng",
            "EducationalInstitution",
        ),
        ("Huyên ủy Lục Yên họp.", "Huyên ủy Lục Yên", "PartyCommittee"),  # typo of Huyện ủy
        ("Nghị quyết của bộ chính trị.", "Bộ Chính trị", "PartyCommittee"),  # lower case, canonical label
        ("Ban Tuyên giáo Tỉnh ủy Yên Bái phát hành.", "Ban Tuyên giáo Tỉnh ủy Yên Bái", "PartyAgency"),
        (
            "Văn phòng Quốc hội thông báo.",
            "Văn phòng Quốc hội",
            "StateAgency",
        ),  # a Văn phòng takes its parent's side
        (
            "Ông A đến Khu di tích Lăng Chủ tịch Hồ Chí Minh.",
            "Khu di tích Lăng Chủ tịch Hồ Chí Minh",
            "Location",
        ),
    ],
)
def test_organisation_and_site_names(text: str, name: str, kind: str) -> None:
    assert names(run(text)).get(name) == kind


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "Chủ tịch UBND tỉnh Phạm Anh Tuấn phát biểu.",
            "Ủy ban nhân dân tỉnh Phạm Anh Tuấn",
        ),  # a person, not a place
        ("Bộ trưởng Nguyễn Văn A phát biểu.", "Bộ trưởng"),  # a title, not a ministry
        ("Hội nghị đã thành công.", "Hội nghị"),  # 'Hội' needs a proper name after it
        ("Ông Nguyễn Đức Long về thăm.", "Đức"),  # a given name, not Germany
    ],
)
def test_not_names(text: str, absent: str) -> None:
    assert absent not in names(run(text))


def test_a_street_named_after_someone_is_no_person() -> None:
    got = names(run("Tại đường Trần Hưng Đạo có lễ hội."))
    assert got["đường Trần Hưng Đạo"] == "Location"
    assert got.get("Trần Hưng Đạo") != "Person"  # the street's own name (its alias), never a person


def test_short_forms_resolve_to_one_node() -> None:
    x = run(
        "Đảng ủy Khối Các cơ quan tỉnh họp. Đảng ủy Khối chỉ đạo. BCH Đảng bộ Khối đã xây dựng kế hoạch. "
        "Ban Thường vụ Đảng ủy Khối nhất trí."
    )
    committees = [e for e in x.entities.values() if e.label == "Đảng ủy Khối Các cơ quan tỉnh"]
    assert len(committees) == 1
    # named so only beside the full name the article writes: forms of the node (kg:mentionedAs)
    assert {"Đảng ủy Khối", "BCH Đảng bộ Khối"} <= set(committees[0].forms)
    assert (
        "Ban Thường vụ Đảng ủy Khối Các cơ quan tỉnh",
        "subOrganizationOf",
        "Đảng ủy Khối Các cơ quan tỉnh",
    ) in triples(x)


def test_abbreviations_merge_with_full_names() -> None:
    x = run("UBND tỉnh Nghệ An họp. Ủy ban nhân dân tỉnh Nghệ An kết luận.")
    assert len([e for e in x.entities.values() if e.kind == "StateAgency"]) == 1


def test_local_bodies_are_scoped_national_ones_are_not() -> None:
    a = run("Huyện ủy chỉ đạo. Bộ Chính trị ban hành.")
    b = run("Huyện ủy họp. Bộ Chính trị kết luận. Khác bài trước.")
    keys_a = {e.label: e.key for e in a.entities.values()}
    keys_b = {e.label: e.key for e in b.entities.values()}
    assert keys_a["Bộ Chính trị"] == keys_b["Bộ Chính trị"]
    assert keys_a["Huyện ủy"] != keys_b["Huyện ủy"]


def test_province_of_the_article_scopes_its_bodies() -> None:
    x = run("HĐND tỉnh Quảng Ninh khai mạc. UBND tỉnh báo cáo. Tỉnh ủy lãnh đạo.")
    y = run("Ủy ban nhân dân tỉnh Quảng Ninh ban hành. Tỉnh ủy Quảng Ninh chỉ đạo.")
    assert {e.key for e in x.entities.values()} >= {
        e.key for e in y.entities.values() if e.kind != "PartyCommittee"
    } | set()
    # the bare Tỉnh ủy of an article about Quảng Ninh is that province's, and its label says so
    tinh_uy_x = next(e.key for e in x.entities.values() if e.label == "Tỉnh ủy Quảng Ninh")
    tinh_uy_y = next(e.key for e in y.entities.values() if e.label == "Tỉnh ủy Quảng Ninh")
    assert tinh_uy_x == tinh_uy_y


def test_people_with_posts_before_and_after_the_name() -> None:
    x = run(
        "Dự có đồng chí Nguyễn Văn Đọc, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Quảng Ninh; "
        "bà Trịnh Thị Minh Thanh, nguyên Phó Bí thư Tỉnh ủy Quảng Ninh. "
        "Chủ tịch UBND tỉnh Quảng Ninh Nguyễn Đức Long báo cáo."
    )
    assert labels(x, "Person") == {"Nguyễn Văn Đọc", "Trịnh Thị Minh Thanh", "Nguyễn Đức Long"}
    got = triples(x)
    assert ("Nguyễn Văn Đọc", "memberOf", "Tỉnh ủy Quảng Ninh") in got
    assert ("Nguyễn Văn Đọc", "memberOf", "Ban Chấp hành Trung ương Đảng") in got
    assert ("Nguyễn Đức Long", "memberOf", "Ủy ban nhân dân tỉnh Quảng Ninh") in got
    assert ("Trịnh Thị Minh Thanh", "memberOf", "Tỉnh ủy Quảng Ninh") not in got  # a former post
    former = [m for m in x.memberships if m.former]
    assert [m.title for m in former] == ["Phó Bí thư"]


def test_person_after_title_without_family_name() -> None:
    x = run("Học tập tấm gương đồng chí Tổng Bí thư Trường Chinh.")
    assert "Trường Chinh" in labels(x, "Person")


def test_plural_bodies_are_not_entities() -> None:
    x = run("Thủ tướng yêu cầu UBND các tỉnh, thành phố và HĐND các cấp khẩn trương thực hiện.")
    assert not [e for e in x.entities.values() if e.kind == "StateAgency" and "nhân dân" in e.label]


def test_events_by_number_body_and_term() -> None:
    x = run(
        "Sáng 8/12, tại tỉnh Quảng Ninh, HĐND tỉnh Quảng Ninh khóa XIII khai mạc kỳ họp thứ 9. "
        "Kỳ họp thứ 9 HĐND tỉnh Quảng Ninh khóa XIII kéo dài 3 ngày. Hội nghị đã thành công."
    )
    events = [e for e in x.entities.values() if e.kind == "Event"]
    assert [e.label for e in events] == [
        "Kỳ họp thứ 9 HĐND tỉnh Quảng Ninh khóa XIII"
    ]  # one node, short form merged
    got = triples(x)
    assert (
        "Hội đồng nhân dân tỉnh Quảng Ninh",
        "organizes",
        "Kỳ họp thứ 9 HĐND tỉnh Quảng Ninh khóa XIII",
    ) in got
    assert ("Kỳ họp thứ 9 HĐND tỉnh Quảng Ninh khóa XIII", "locatedIn", "Quảng Ninh") in got


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "Đại hội Đảng bộ tỉnh Nam Định lần thứ XX, nhiệm kỳ 2020-2025 khai mạc.",
            "Đại hội Đảng bộ tỉnh Nam Định lần thứ XX, nhiệm kỳ 2020-2025",
        ),
        ("Hội nghị Trung ương 4 khóa XII đã bế mạc.", "Hội nghị Trung ương 4 khóa XII"),
        ("Tỉnh ủy tổ chức hội nghị quán triệt.", None),  # a conference named by nothing is no entity
    ],
)
def test_event_names(text: str, event: str | None) -> None:
    got = [e.label for e in run(text).entities.values() if e.kind == "Event"]
    assert got == ([event] if event else [])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Trung tâm Y tế dự phòng tỉnh Nghệ An cho biết.",
            "Trung tâm Y tế dự phòng tỉnh Nghệ An",
        ),  # lower-case tail
        ("Hội Nạn nhân chất độc da cam Việt Nam trao quà.", "Hội Nạn nhân chất độc da cam Việt Nam"),
        (
            "Sở Lao động Thương binh và Xã hội tỉnh họp.",
            "Sở Lao động Thương binh và Xã hội tỉnh",
        ),  # Xã hội, not xã
        ("Bộ trưởng Bộ Tài nguyên - môi trường Mai Ái Trực phát biểu.", "Bộ Tài nguyên - môi trường"),
        # a lower-case tail closed by a verb or a conjunction, not only by punctuation
        (
            "Báo cáo do Cục Xúc tiến thương mại và Trung tâm Thương mại quốc tế công bố.",
            "Cục Xúc tiến thương mại",
        ),
        (
            "Báo cáo do Cục Xúc tiến thương mại và Trung tâm Thương mại quốc tế công bố.",
            "Trung tâm Thương mại quốc tế",
        ),
        ("Trung tâm Y tế dự phòng đã triển khai tiêm phòng.", "Trung tâm Y tế dự phòng"),
        ("Vụ Tổ chức cán bộ cho biết.", "Vụ Tổ chức cán bộ"),
        # right after a head of two words, a lower-case tail that leads to a place or a level
        (
            "Trưởng Ban Chỉ đạo phòng, chống tham nhũng tỉnh phát biểu.",
            "Ban Chỉ đạo phòng, chống tham nhũng tỉnh",
        ),
        ("Ông điều trị tại Bệnh viện đa khoa Thái Bình.", "Bệnh viện đa khoa Thái Bình"),
    ],
)
def test_names_that_go_on_in_lower_case(text: str, name: str) -> None:
    assert name in names(run(text))


@pytest.mark.parametrize(
    "text",
    [
        "Ban Tuyên giáo Tỉnh ủy Yên Bái phát hành.",
        "Bộ Y tế tiếp tục chỉ đạo.",
        "Công ty Công trình đô thị Hội An đã làm.",
        "Cục Thuế thực hiện kiểm tra doanh nghiệp và hộ kinh doanh.",
        "Ban Tổ chức hướng dẫn thủ tục cho các đơn vị.",
        "Hội Nông dân vận động hội viên và nhân dân.",
        "Công ty chúng tôi đã làm.",
        "Bệnh viện e ngại điều đó.",
    ],
)
def test_verbs_and_towns_do_not_join_names(text: str) -> None:
    got = names(run(text))
    verbs = ("phát hành", "tiếp tục", "chỉ đạo", "thực hiện", "kiểm tra", "hướng dẫn", "thủ tục", "vận động")
    verbs += ("chúng tôi", "e ngại")
    assert not any(any(v in n for v in verbs) for n in got), got
    assert "Hội An" not in got or got["Hội An"] == "Location"


def test_several_posts_before_the_name() -> None:
    x = run("Dự có Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Quảng Ninh Nguyễn Văn Đọc và Đại tướng Võ Nguyên Giáp.")
    got = triples(x)
    assert ("Nguyễn Văn Đọc", "memberOf", "Tỉnh ủy Quảng Ninh") in got
    assert ("Nguyễn Văn Đọc", "memberOf", "Hội đồng nhân dân tỉnh Quảng Ninh") in got
    assert "Võ Nguyên Giáp" in labels(x, "Person")  # after a rank


@pytest.mark.parametrize(
    "text", ["Ông", "Đồng chí", "Chủ tịch", "Bí thư Tỉnh ủy,", "nguyên", "“", "Nghị quyết"]
)
def test_a_sentence_ending_on_a_cue_word_does_not_crash(text: str) -> None:
    run(text)  # honorifics, titles and quotes at the very end of the text


def test_council_session_list_of_officials() -> None:
    x = run(
        "Tham dự có các đồng chí: Nguyễn Văn Quynh, Ủy viên BCH Trung ương Đảng, Bí thư Tỉnh ủy; "
        "Vũ Văn Diện, Phó Chủ tịch Thường trực UBND tỉnh Quảng Ninh."
    )
    got = triples(x)
    assert ("Nguyễn Văn Quynh", "memberOf", "Ban Chấp hành Trung ương Đảng") in got
    assert ("Nguyễn Văn Quynh", "memberOf", "Tỉnh ủy Quảng Ninh") in got
    assert ("Vũ Văn Diện", "memberOf", "Ủy ban nhân dân tỉnh Quảng Ninh") in got
    titles = {(x.entities[m.person].label, m.title) for m in x.memberships}
    assert ("Vũ Văn Diện", "Phó Chủ tịch Thường trực") in titles


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Ban Chỉ đạo 35 Tỉnh ủy Nghệ An họp.",
            "Ban Chỉ đạo 35 Tỉnh ủy Nghệ An",
            "PartyAgency",
        ),  # a board of a committee
        ("Chi bộ 3 đạt trong sạch vững mạnh.", "Chi bộ 3", "PartyOrganization"),
        ("Sư đoàn 304 diễn tập.", "Sư đoàn 304", "StateAgency"),
        (
            "Trung tâm Chính trị huyện Lục Yên khai giảng.",
            "Trung tâm Chính trị huyện Lục Yên",
            "EducationalInstitution",
        ),
    ],
)
def test_numbered_and_party_boards(text: str, name: str, kind: str) -> None:
    assert names(run(text)).get(name) == kind


def test_a_number_after_a_department_is_a_count() -> None:
    assert "Sở Y tế" in names(run("Sở Y tế 2 năm qua đạt kết quả."))


@pytest.mark.parametrize(
    ("text", "project"),
    [
        ("Bộ Công an triển khai Đề án 06 trên toàn quốc.", "Đề án 06"),
        (
            "Tỉnh ủy thực hiện Đề án “Nâng cao chất lượng tổ chức cơ sở Đảng”.",
            "Đề án Nâng cao chất lượng tổ chức cơ sở Đảng",
        ),
        ("Khởi công Dự án Khu công nghiệp Việt Hưng hôm qua.", "Dự án Khu công nghiệp Việt Hưng"),
    ],
)
def test_projects(text: str, project: str) -> None:
    x = run(text)
    assert [e.label for e in x.entities.values() if e.kind == "Project"] == [project]


def test_an_organisation_implements_a_project() -> None:
    assert ("Bộ Công an", "implements", "Đề án 06") in triples(
        run("Bộ Công an triển khai Đề án 06 trên toàn quốc.")
    )


def test_committee_member_title_names_its_committee() -> None:
    x = run("Tỉnh ủy Yên Bái họp. Ông Nguyễn Văn Hải, Tỉnh ủy viên, Giám đốc Sở Nội vụ phát biểu.")
    assert ("Nguyễn Văn Hải", "memberOf", "Tỉnh ủy Yên Bái") in triples(x)


def test_a_bare_standing_committee_in_a_post_list_is_the_committee_named_later() -> None:
    x = run(
        "Huyện ủy Lục Yên họp. "
        "Ông Nguyễn Thanh Bình, Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Huyện ủy cho biết."
    )
    got = triples(x)
    assert ("Nguyễn Thanh Bình", "memberOf", "Ban Thường vụ Huyện ủy Lục Yên") in got
    assert ("Nguyễn Thanh Bình", "memberOf", "Ban Tuyên giáo Huyện ủy Lục Yên") in got


def test_two_syllable_names_that_speak_are_people() -> None:
    x = run("Phó Thủ tướng gặp dân. Vũ Khoan cho biết sẽ sớm giải quyết. Dân Hà Tây vui mừng.")
    assert "Vũ Khoan" in labels(x, "Person")
    assert "Hà Tây" not in labels(x, "Person")


def test_a_place_that_starts_like_a_body_is_a_place() -> None:
    got = names(run("Đài Loan đình chỉ tuyển dụng lao động; Ủy ban Lao động Đài Loan họp."))
    assert got.get("Đài Loan") == "Location"
    assert "Ủy ban Lao động Đài Loan" in got
    assert not any(n.startswith("Đài Loan ") for n in got)


@pytest.mark.parametrize(
    "text", ["Chủ tịch Hội Người mù tỉnh Quảng Trị thăm.", "Hội Các nhà phát minh châu Á họp."]
)
def test_an_association_is_not_named_by_one_word(text: str) -> None:
    got = names(run(text))
    assert not any(len(n.split()) == 2 and n.startswith("Hội ") for n in got), got


def test_a_lower_case_tail_at_the_end_of_a_sentence_without_a_full_stop() -> None:
    # the tail runs to the last token: nothing past it to look at (was an IndexError)
    assert names(run("Ông là giám đốc Công ty cổ phần du lịch")) is not None
    assert "Bệnh viện đa khoa Kiên Giang" in names(run("Ông nhập viện tại Bệnh viện đa khoa Kiên Giang"))


def test_a_district_named_after_its_level_word_stops_before_the_officials_name() -> None:
    # 'Chủ tịch UBND huyện Lệ Thủy Nguyễn Văn Hải': the place is two words, the man three
    x = run("Chủ tịch UBND huyện Lệ Thủy Nguyễn Văn Hải báo cáo.")
    got = names(x)
    assert got.get("Nguyễn Văn Hải") == "Person"
    assert not any("Nguyễn" in n for n, kind in got.items() if kind != "Person"), got


def test_a_body_named_without_its_province_is_labelled_with_it() -> None:
    # 'HĐND tỉnh' in an article about Hà Tĩnh: one node per province, and the label tells which
    x = run("Tỉnh ủy Hà Tĩnh lãnh đạo. HĐND tỉnh ban hành nghị quyết. Sở Tài chính báo cáo.")
    got = names(x)
    assert got.get("Hội đồng nhân dân tỉnh Hà Tĩnh") == "StateAgency"
    assert got.get("Sở Tài chính tỉnh Hà Tĩnh") == "StateAgency"
    assert "HĐND tỉnh" in got and "Sở Tài chính" in got  # the names as written stay aliases
    labels = {e.label for e in x.entities.values()}
    assert "Hội đồng nhân dân tỉnh" not in labels and "Sở Tài chính" not in labels


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Thành ủy TP Hồ Chí Minh họp. Sở Y tế cho biết.", "Sở Y tế thành phố Hồ Chí Minh"),
        ("Thành ủy TP Hồ Chí Minh họp. Thành ủy chỉ đạo.", "Thành ủy thành phố Hồ Chí Minh"),
        # another province's body keeps its own place
        ("UBND thành phố Hà Nội họp với Sở Nông nghiệp Hà Tây.", "Sở Nông nghiệp Hà Tây"),
    ],
)
def test_province_labels_read_well(text: str, label: str) -> None:
    assert label in {e.label for e in run(text).entities.values()}


def test_some_provinces_are_not_part_of_a_name() -> None:
    got = names(run("Trung tâm Dự báo khí tượng thủy văn một số tỉnh cho biết."))
    assert not any("một số" in n for n in got), got


def test_a_city_body_in_a_province_article_is_not_labelled_with_the_province() -> None:
    x = run("UBND tỉnh Thái Nguyên họp. UBND thành phố báo cáo.")
    assert not any(e.label == "Ủy ban nhân dân thành phố Thái Nguyên" for e in x.entities.values())


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the committees of a people's council
        ("Ban Kinh tế - Ngân sách HĐND tỉnh thẩm tra báo cáo.", "Ban Kinh tế - Ngân sách HĐND tỉnh"),
        ("Ban Pháp chế HĐND tỉnh thẩm tra báo cáo.", "Ban Pháp chế HĐND tỉnh"),
    ],
)
def test_council_committees(text: str, name: str) -> None:
    got = names(run(text))
    assert got.get(name) == "StateAgency", got


def test_a_national_name_with_a_level_word_is_the_provinces_body() -> None:
    # 'Ủy ban MTTQ Việt Nam tỉnh' in an article about Bình Định is Bình Định's, one node
    x = run("Ủy ban MTTQ Việt Nam tỉnh Bình Định họp. Ủy ban MTTQ Việt Nam tỉnh thông báo.")
    fronts = [e for e in x.entities.values() if e.kind == "MassOrganization"]
    assert len(fronts) == 1, [e.label for e in fronts]


@pytest.mark.parametrize(
    "text",
    [
        "Đồng chí Nguyễn Văn Hải được bầu làm Bí thư Huyện ủy Cẩm Xuyên.",
        "Ông Nguyễn Văn Hải được bổ nhiệm giữ chức Bí thư Huyện ủy Cẩm Xuyên từ ngày 1/8.",
        "Đồng chí Nguyễn Văn Hải tiếp tục được bầu giữ chức Bí thư Huyện ủy Cẩm Xuyên.",
    ],
)
def test_a_post_taken_by_election_or_appointment(text: str) -> None:
    got = triples(run(text))
    assert ("Nguyễn Văn Hải", "memberOf", "Huyện ủy Cẩm Xuyên") in got, got


def test_village_level_bodies() -> None:
    x = run("Đảng ủy xã Cẩm Bình lãnh đạo Chi bộ thôn Trung Tiến thực hiện nghị quyết.")
    assert names(x).get("Chi bộ thôn Trung Tiến") == "PartyOrganization"
    assert ("Đảng ủy xã Cẩm Bình", "directs", "Chi bộ thôn Trung Tiến") in triples(x)


def test_a_congress_named_twice_is_one_event() -> None:
    x = run(
        "Đảng bộ huyện Cẩm Xuyên tổ chức Đại hội đại biểu lần thứ XXIV, nhiệm kỳ 2020-2025.",
        title="Đại hội Đảng bộ huyện Cẩm Xuyên lần thứ XXIV thành công tốt đẹp",
    )
    events = [e for e in x.entities.values() if e.kind == "Event"]
    assert [e.label for e in events] == ["Đại hội Đảng bộ huyện Cẩm Xuyên lần thứ XXIV"]
    assert "Đại hội đại biểu lần thứ XXIV, nhiệm kỳ 2020-2025" in names(x)


def test_two_congresses_of_one_ordinal_stay_apart_from_a_vague_mention() -> None:
    x = run(
        "Đại hội Đảng bộ huyện A Lưới lần thứ X và Đại hội Đảng bộ huyện Nam Đông lần thứ X "
        "diễn ra cùng ngày. Đại hội đại biểu lần thứ X bầu Ban Chấp hành."
    )
    assert len([e for e in x.entities.values() if e.kind == "Event"]) == 3


@pytest.mark.parametrize(
    ("text", "committee"),
    [
        (
            "Huyện ủy Cẩm Xuyên họp. Ban Chấp hành Đảng bộ huyện khóa XXIV gồm 45 đồng chí.",
            "Huyện ủy Cẩm Xuyên",
        ),
        ("Đảng ủy tỉnh Nghệ An chỉ đạo. Tỉnh ủy Nghệ An ban hành kế hoạch.", "Tỉnh ủy Nghệ An"),
    ],
)
def test_the_committee_of_a_local_party_organisation_is_its_cap_uy(text: str, committee: str) -> None:
    # Đảng ủy huyện X is Huyện ủy X (and Ban Chấp hành Đảng bộ huyện X is too): one node
    x = run(text)
    committees = [e for e in x.entities.values() if e.kind == "PartyCommittee"]
    assert [e.label for e in committees] == [committee]


def test_a_national_bodys_trailing_viet_nam_is_part_of_its_name() -> None:
    got = names(run("Ngân hàng Nhà nước Việt Nam yêu cầu các tổ chức tín dụng giảm lãi suất."))
    assert "Việt Nam" not in got, got  # not a place mentioned on its own
    assert got.get("Ngân hàng Nhà nước Việt Nam") == "StateAgency", got  # an alias
    x = run("Chính phủ Việt Nam và Đảng Cộng sản Việt Nam lãnh đạo.")
    assert sorted(e.label for e in x.entities.values()) == ["Chính phủ", "Đảng Cộng sản Việt Nam"]


def test_a_standing_deputy_is_a_title_not_a_body() -> None:
    x = run(
        "Đồng chí Trần Văn Rón, Ủy viên Trung ương Đảng, Phó Chủ nhiệm Thường trực "
        "Ủy ban Kiểm tra Trung ương làm trưởng đoàn."
    )
    assert ("Trần Văn Rón", "memberOf", "Ủy ban Kiểm tra Trung ương") in triples(x)
    assert not any(n.startswith("Thường trực") for n in names(x))


def test_an_event_named_by_a_quoted_title() -> None:
    x = run(
        "Ban Tuyên giáo Tỉnh ủy tổ chức Hội thảo khoa học “Phát huy giá trị văn hóa Bắc Giang” ngày 5/10."
    )
    events = [e for e in x.entities.values() if e.kind == "Event"]
    assert [e.label for e in events] == ["Hội thảo khoa học “Phát huy giá trị văn hóa Bắc Giang”"]
    assert any(t[1] == "organizes" and t[2] == events[0].label for t in triples(x)), triples(x)


def test_a_scare_quote_does_not_name_a_meeting() -> None:
    x = run("Quốc hội tổ chức phiên họp “bỏ túi” để bàn thêm.")
    assert not [e for e in x.entities.values() if e.kind == "Event"]


def test_bodies_named_in_the_plural_are_no_entity() -> None:
    # 'các huyện ủy, thành ủy': every district's committee, not one of them
    got = names(run("Hội nghị dành cho trưởng ban tổ chức các huyện ủy, thành ủy và đảng ủy trực thuộc."))
    assert not {n for n in got if n.lower() in {"huyện ủy", "thành ủy", "đảng ủy"}}, got
    # a named body after a plural noun stays
    assert "Huyện ủy Nam Sách" in names(run("Các đồng chí Huyện ủy Nam Sách dự họp."))


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Sinh viên ĐH Sư phạm Hà Nội đã đến.", "ĐH Sư phạm Hà Nội", "EducationalInstitution"),
        ("Trường ĐH Bách khoa Hà Nội tuyển sinh.", "Trường ĐH Bách khoa Hà Nội", "EducationalInstitution"),
        ("Sinh viên ĐH Huế thi tốt.", "ĐH Huế", "EducationalInstitution"),
        ("Trường CĐ Sư phạm Đà Lạt khai giảng.", "Trường CĐ Sư phạm Đà Lạt", "EducationalInstitution"),
        ("Bệnh nhân được chuyển đến BV An Bình cấp cứu.", "BV An Bình", "Organization"),
        ("Cháu được đưa vào Bệnh viện Nhi Đồng 2.", "Bệnh viện Nhi Đồng 2", "Organization"),
    ],
)
def test_universities_colleges_and_hospitals_named_short(text: str, name: str, kind: str) -> None:
    got = names(run(text))
    assert got.get(name) == kind, got
    assert not [n for n in got if n in ("Hà Nội", "Huế", "Đà Lạt")], got  # inside the name, not places


def test_a_person_named_by_one_syllable_after_a_title_is_a_person_of_the_article() -> None:
    x = run("Thứ trưởng Vọng cho biết bộ sẽ kiểm tra. Thầy Chuyên nói học sinh chăm. Hưng, Loan đều vui.")
    people = {e.label: e for e in x.entities.values() if e.kind == "Person"}
    assert {"Vọng", "Chuyên"} <= set(people), people
    assert "Hưng" not in people  # no title: a word the article does not say is a person
    other = run("Ông Vọng đến.", title="Khác")
    # one syllable names no one nationwide: a node of its article
    assert people["Vọng"].key not in {e.key for e in other.entities.values()}
    # the given name of a person the article names in full is that person
    x = run("Ông Nguyễn Văn Chuyên đến. Ông Chuyên nói.")
    assert [e.label for e in x.entities.values() if e.kind == "Person"] == ["Nguyễn Văn Chuyên"]


def test_a_count_written_with_a_thousands_dot_after_a_name_is_not_its_number() -> None:
    got = names(run("Trường ĐH Nông lâm TP.HCM 1.700-1.800 hồ sơ, Trường THCS 3 nhận 20 hồ sơ."))
    assert "Trường ĐH Nông lâm TP.HCM" in got, got
    assert not any(name.endswith(" 1") for name in got), got


def test_a_military_rank_after_comrade_is_a_title_not_a_person() -> None:
    for rank in ("Thượng tá", "Thiếu tướng", "Đại tá", "Trung tướng"):
        x = run(f"Dự có đồng chí {rank} Hồ Văn Lâm, Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Bạc Liêu.")
        people = {e.label for e in x.entities.values() if e.kind == "Person"}
        assert people == {"Hồ Văn Lâm"}, rank
        assert ("Hồ Văn Lâm", "memberOf", "Bộ Chỉ huy Quân sự tỉnh Bạc Liêu") in triples(x)


@pytest.mark.parametrize(
    ("text", "name", "absent"),
    [
        ("Sở Nội vụ Trình bày Tờ trình về biên chế.", "Sở Nội vụ", "Sở Nội vụ Trình bày Tờ trình"),
        ("Hội Nông dân huyện Tham gia góp ý.", "Hội Nông dân huyện", "Hội Nông dân huyện Tham gia"),
        (
            "Hội Khoa học Lịch sử tỉnh Bình Định Phát biểu tại buổi lễ.",
            "Hội Khoa học Lịch sử tỉnh Bình Định",
            "Hội Khoa học Lịch sử tỉnh Bình Định Phát biểu",
        ),
        (
            "UBND Huyện Đông Anh Ban hành Kế hoạch Triển khai",
            "UBND Huyện Đông Anh",
            "UBND Huyện Đông Anh Ban hành Kế hoạch Triển khai",
        ),
        ("Huyện ủy Báo cáo kết quả.", "Huyện ủy", "Huyện ủy Báo cáo"),
    ],
)
def test_clause_openers_end_a_name(text: str, name: str, absent: str) -> None:
    """A capitalised verb or document type that opens a clause (headlines, list items) ends a name."""
    found = names(run(text))
    assert name in found and absent not in found


@pytest.mark.parametrize(
    "name",
    [
        "Ban Tổ chức Tỉnh ủy",
        "Ủy ban Kiểm tra Huyện ủy",
        "Sở Kế hoạch và Đầu tư",
        "Ban Chỉ đạo công tác Dân số - Kế hoạch hóa gia đình tỉnh",  # a longer word, no clause
    ],
)
def test_clause_opener_words_first_in_a_name(name: str) -> None:
    assert name in names(run(f"{name} họp."))


def test_the_state_is_a_body_after_a_function_word() -> None:
    """Capitalised 'Nhà nước' alone names the state after 'và', 'của', a comma or the start."""
    got = names(run("Mọi chính sách của Nhà nước đều hướng tới người nghèo."))
    assert got.get("Nhà nước") == "StateAgency", got
    got = names(run("Nhà nước và nhân dân cùng làm đường giao thông nông thôn."))
    assert got.get("Nhà nước") == "StateAgency", got


def test_the_state_after_a_noun_is_a_modifier() -> None:
    """'doanh nghiệp Nhà nước', 'DN Nhà nước', 'cơ quan Nhà nước': state-owned, no body."""
    for text in (
        "Các doanh nghiệp Nhà nước phải công khai báo cáo tài chính.",
        "Nhiều DN Nhà nước chậm cổ phần hóa.",
        "Cán bộ cơ quan Nhà nước không được nhận quà.",
    ):
        assert "Nhà nước" not in names(run(text)), text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Ủy ban Văn hóa, giáo dục, thanh niên, thiếu niên và nhi đồng của Quốc hội họp phiên toàn thể.",
            "Ủy ban Văn hóa, giáo dục, thanh niên, thiếu niên và nhi đồng của Quốc hội",
        ),
        (
            "Ủy ban Văn hóa, Giáo dục, Thanh thiếu niên và Nhi đồng thẩm tra dự án luật.",
            "Ủy ban Văn hóa, Giáo dục, Thanh thiếu niên và Nhi đồng",
        ),
        ("Ủy ban Tài chính, Ngân sách thẩm tra báo cáo.", "Ủy ban Tài chính, Ngân sách"),
    ],
)
def test_a_national_assembly_committee_named_by_a_list_of_fields(text: str, name: str) -> None:
    """The National Assembly's committees are named by lists of fields joined by commas and 'và'."""
    assert name in names(run(text)), names(run(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ban Chỉ đạo phòng chống ma túy của huyện đã họp.", "Ban Chỉ đạo phòng chống ma túy"),
        (
            "Ban chỉ đạo phòng chống thiên tai trung ương yêu cầu các tỉnh sơ tán dân.",
            "Ban chỉ đạo phòng chống thiên tai trung ương",
        ),
        (
            "Ban Chỉ đạo quốc gia phòng, chống dịch sởi họp trực tuyến.",
            "Ban Chỉ đạo quốc gia phòng, chống dịch sởi",
        ),
    ],
)
def test_a_steering_board_named_by_what_it_prevents(text: str, name: str) -> None:
    """'phòng chống' (or 'phòng, chống') and its object name a steering board, as 'về' does."""
    assert name in names(run(text)), names(run(text))


def test_a_prevention_board_before_its_place() -> None:
    """The place after the subject stays a place: the subject stops at a level word."""
    got = names(run("Ban Chỉ đạo phòng chống thiên tai tỉnh Gia Lai đã họp."))
    assert not any(n.endswith("thiên tai tỉnh") for n in got), got
    assert any(n.startswith("Ban Chỉ đạo phòng chống thiên tai") for n in got), got
