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


def test_a_plenum_inside_a_meetings_name_stays_its_own_event() -> None:
    x = run(
        "Huyện ủy Đắk Song tổ chức Hội nghị để quán triệt Nghị quyết Hội nghị lần thứ 8 của Ban Chấp hành "
        "Trung ương Đảng khóa XIII và Nghị quyết số 12 của Bộ Chính trị."
    )
    meeting = (
        "Hội nghị để quán triệt Nghị quyết Hội nghị lần thứ 8 của Ban Chấp hành Trung ương Đảng khóa XIII"
    )
    events = [e for e in x.entities.values() if e.kind == "Event"]
    assert [e.label for e in events if e.label == meeting]
    assert all("Hội nghị lần thứ 8" not in e.aliases for e in events if e.label == meeting)


def test_a_second_possessor_ends_a_meetings_name() -> None:
    x = run(
        "Sáng 20-3, tại hội nghị triển khai thông báo của Bộ Chính trị về công tác cán bộ của Ban Thường vụ "
        "Tỉnh ủy Kon Tum, đồng chí Lê Văn Minh cho biết như vậy."
    )
    assert "Hội nghị triển khai thông báo của Bộ Chính trị về công tác cán bộ" in labels(x, "Event")


def test_a_meeting_of_a_body_is_organised_by_it_but_not_by_a_documents_issuer() -> None:
    x = run(
        "Trước đó, tại Hội nghị hiệp thương của Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Kon Tum đã bầu bổ sung "
        "hai ủy viên. Ngày 3-4, Tỉnh ủy Kon Tum tổ chức Hội nghị quán triệt một số nghị quyết, kết luận của "
        "Bộ Chính trị cho cán bộ chủ chốt."
    )
    got = {(s, o) for s, p, o in triples(x) if p == "organizes"}
    front = "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Kon Tum"
    assert got == {
        (front, f"Hội nghị hiệp thương của {front}"),
        ("Tỉnh ủy Kon Tum", "Hội nghị quán triệt một số nghị quyết, kết luận của Bộ Chính trị"),
    }


def test_a_meeting_is_no_organisation() -> None:
    x = run(
        "Ngày 15-9, Ủy ban MTTQVN tỉnh tổ chức Hội nghị tập huấn CVĐ “Toàn dân đoàn kết xây dựng đời sống "
        "văn hóa ở khu dân cư” cho cán bộ Mặt trận các cấp."
    )
    assert not [e for e in x.entities.values() if e.label.startswith("Hội nghị") and e.kind != "Event"]


def test_a_campaign_in_a_meetings_name_is_not_organised() -> None:
    x = run(
        "Ngày 15-9, Ủy ban MTTQVN tỉnh Bến Tre tổ chức Hội nghị tập huấn CVĐ “Toàn dân đoàn kết xây dựng đời "
        "sống văn hóa ở khu dân cư” cho cán bộ Mặt trận các cấp."
    )
    got = {o for s, p, o in triples(x) if p == "organizes"}
    assert "Toàn dân đoàn kết xây dựng đời sống văn hóa ở khu dân cư" not in got


# --- sessions and conferences numbered with written ordinals (thứ Chín, thứ Mười hai, lần thứ tư)


def test_a_session_numbered_in_words_is_an_event_of_its_council() -> None:
    x = run("Sáng 9/12, HĐND tỉnh Hà Giang khóa XVIII khai mạc Kỳ họp thứ Chín HĐND tỉnh khóa XVIII.")
    event = "Kỳ họp thứ Chín HĐND tỉnh khóa XVIII"
    assert event in labels(x, "Event")
    assert ("Hội đồng nhân dân tỉnh Hà Giang", "organizes", event) in triples(x)


def test_a_thematic_session_numbered_in_words() -> None:
    x = run("Ngày 21/3, HĐND tỉnh Sóc Trăng tổ chức Kỳ họp chuyên đề thứ Tư để xem xét các tờ trình.")
    assert "Kỳ họp chuyên đề thứ Tư" in labels(x, "Event")
    assert ("Hội đồng nhân dân tỉnh Sóc Trăng", "organizes", "Kỳ họp chuyên đề thứ Tư") in triples(x)


def test_a_two_word_ordinal_and_the_body_after_of() -> None:
    x = run("Kỳ họp thứ Mười hai của HĐND thành phố Cần Thơ diễn ra trong hai ngày.")
    assert "Kỳ họp thứ Mười hai" in labels(x, "Event")
    assert ("Hội đồng nhân dân thành phố Cần Thơ", "organizes", "Kỳ họp thứ Mười hai") in triples(x)


def test_a_numbered_session_of_a_central_commission_is_held_by_it() -> None:
    x = run("Kỳ thứ 43 của Ủy ban Kiểm tra Trung ương đã xem xét kết quả kiểm tra.")
    assert ("Ủy ban Kiểm tra Trung ương", "organizes", "Kỳ thứ 43") in triples(x)


def test_an_enlarged_conference_numbered_in_lower_case_words() -> None:
    x = run("Chiều 2/7, Huyện ủy Tam Nông tổ chức Hội nghị Ban Chấp hành mở rộng lần thứ mười một.")
    event = "Hội nghị Ban Chấp hành mở rộng lần thứ mười một"
    assert event in labels(x, "Event")
    assert event not in labels(x, "Organization")
    assert ("Huyện ủy Tam Nông", "organizes", event) in triples(x)


def test_a_written_ordinal_ends_before_the_year() -> None:
    x = run("HĐND huyện Bảo Lâm tổ chức Kỳ họp thứ hai năm 2024 vào cuối tháng 6.")
    assert "Kỳ họp thứ hai" in labels(x, "Event")


def test_a_session_named_again_in_brackets_is_no_second_event() -> None:
    x = run("HĐND tỉnh Phú Yên tiến hành Kỳ họp thứ 18 (kỳ họp chuyên đề lần thứ 5) để xem xét các tờ trình.")
    assert "Kỳ họp thứ 18" in labels(x, "Event")
    assert labels(x, "Event") == {"Kỳ họp thứ 18"}


# --- one rule for meetings named by what they do (events._described_end) -----------------------


def test_a_short_description_with_a_number_names_a_meeting() -> None:
    x = run("Sáng 3-6, UBND tỉnh Đắk Nông tổ chức phiên họp giao ban tháng 5 để đánh giá tình hình kinh tế.")
    assert {e.lower() for e in labels(x, "Event")} == {"phiên họp giao ban tháng 5"}


def test_a_short_description_without_a_number_or_body_names_no_meeting() -> None:
    x = run("Hằng tháng, các xã tổ chức hội nghị giao ban định kỳ để rút kinh nghiệm.")
    assert not labels(x, "Event")


def test_the_rule_for_meetings_is_one_rule() -> None:
    from kgraph.extract import events, rules

    assert not hasattr(events, "find_meetings")
    assert "rule_meetings" not in {rule.__name__ for rule in rules.MENTION_RULES}
