"""Structure from 'thuộc', 'trực thuộc', 'của' only between bodies that can nest, and in the
right direction: a ministry is part of no other ministry, a national body of no province."""

from __future__ import annotations

from helpers import run, triples


def structure(text: str, title: str = "") -> set[tuple[str, str, str]]:
    return {t for t in triples(run(text, title=title)) if t[1] == "subOrganizationOf"}


def test_a_ministry_is_not_part_of_another_ministry() -> None:
    assert not structure("Đất đai do Bộ Tài nguyên và Môi trường quản lý, còn nhà ở thuộc Bộ Xây dựng.")


def test_a_national_body_is_not_part_of_a_military_region() -> None:
    got = structure(
        "Ngay trong đêm, 500 cán bộ, chiến sĩ thuộc Quân khu 4 đã được điều đến vùng lũ.",
        title="Bộ Quốc phòng huy động lực lượng ứng phó lũ",
    )
    assert ("Bộ Quốc phòng", "subOrganizationOf", "Quân khu 4") not in got


def test_a_unit_under_a_department_is_not_the_body_named_before() -> None:
    got = structure(
        "Sở Kế hoạch và Đầu tư tỉnh Long An cho rằng cần giao dự án cho một đơn vị thuộc Sở Giao thông "
        "vận tải tỉnh Long An làm chủ đầu tư."
    )
    assert not {t for t in got if t[0].startswith("Sở Kế hoạch")}


def test_a_school_under_a_department() -> None:
    got = structure("Trường Trung cấp Y tế Bình Phước trực thuộc Sở Y tế tỉnh Bình Phước vừa được sáp nhập.")
    assert ("Trường Trung cấp Y tế Bình Phước", "subOrganizationOf", "Sở Y tế tỉnh Bình Phước") in got


def test_a_provincial_command_under_a_military_region() -> None:
    got = structure("Bộ Chỉ huy Quân sự tỉnh Thái Bình thuộc Quân khu 3 đã huy động 500 cán bộ, chiến sĩ.")
    assert ("Bộ Chỉ huy Quân sự tỉnh Thái Bình", "subOrganizationOf", "Quân khu 3") in got


def test_a_military_region_under_the_ministry() -> None:
    got = structure("Lực lượng Quân khu 7 thuộc Bộ Quốc phòng đã tham gia cứu hộ.")
    assert got == {("Quân khu 7", "subOrganizationOf", "Bộ Quốc phòng")}


def test_a_department_named_with_its_ministry_is_part_of_it() -> None:
    got = triples(run("Vụ Pháp chế Bộ Nội vụ và Tổng cục Hải quan đã góp ý dự thảo."))
    assert ("Vụ Pháp chế Bộ Nội vụ", "subOrganizationOf", "Bộ Nội vụ") in got
    assert not [t for t in got if t[0] == "Tổng cục Hải quan"]  # a domain, not a body it belongs to


def test_a_body_named_after_a_place_the_article_names_lies_in_it() -> None:
    got = triples(run("Công an huyện Tân Phú phối hợp với chính quyền huyện Tân Phú giải tỏa."))
    assert ("Công an huyện Tân Phú", "locatedIn", "Tân Phú") in got


def test_a_level_word_inside_a_longer_word_names_no_place() -> None:
    got = triples(
        run("Hợp tác xã Tân Phú và người dân Tân Phú đã ký kết với Thông tấn xã Việt Nam tại Việt Nam.")
    )
    assert not [t for t in got if t[1] == "locatedIn"]


def test_a_body_of_a_district_is_not_in_a_commune_of_the_same_name() -> None:
    got = triples(run("Ủy ban nhân dân huyện Châu Thành đã kiểm tra tại xã Châu Thành."))
    assert not [t for t in got if t[1] == "locatedIn" and t[0].startswith("Ủy ban")]


def test_a_committee_of_a_council_written_with_cua() -> None:
    x = run(
        "Xét Tờ trình số 15/TTr-HĐND của Ban Pháp chế của Hội đồng nhân dân tỉnh Gia Lai và Báo cáo thẩm tra "
        "của Ban Kinh tế - Ngân sách của Hội đồng nhân dân tỉnh Gia Lai."
    )
    got = {(s, o) for s, p, o in triples(x) if p == "subOrganizationOf"}
    council = "Hội đồng nhân dân tỉnh Gia Lai"
    assert {(b, c) for b, c in got if c == council} == {  # named with its parent, as it is written
        ("Ban Pháp chế của Hội đồng nhân dân tỉnh Gia Lai", council),
        ("Ban Kinh tế - Ngân sách của Hội đồng nhân dân tỉnh Gia Lai", council),
    }


def test_a_ministry_is_no_part_of_another_body_by_cua() -> None:
    x = run("Dự án nhà ở của Bộ Xây dựng của Ủy ban nhân dân tỉnh Gia Lai được duyệt.")
    assert not [t for t in triples(x) if t[1] == "subOrganizationOf"]
