"""A department or association named by the initials of its domain's words (Sở VHTTDL, Sở TN&MT)
is the body the article names in full (Sở Văn hóa, Thể thao và Du lịch): one node."""

from __future__ import annotations

from helpers import labels, run


def _orgs(text: str) -> set[str]:
    x = run(text)
    kinds = ("StateAgency", "MassOrganization", "Organization")
    return {e.label for e in x.entities.values() if e.kind in kinds}


def test_initials_of_a_department_are_its_full_name() -> None:
    got = _orgs(
        "Sở Văn hóa, Thể thao và Du lịch tỉnh Kon Tum tổ chức lễ hội. Ông Nguyễn Văn Tám, Giám đốc Sở "
        "VHTTDL cho biết lễ hội kéo dài ba ngày."
    )
    assert got == {"Sở Văn hóa, Thể thao và Du lịch tỉnh Kon Tum"}


def test_initials_with_a_hyphen_and_an_ampersand() -> None:
    got = _orgs(
        "Sở Lao động - Thương binh và Xã hội tỉnh Đắk Nông và Sở Kế hoạch và Đầu tư tỉnh Đắk Nông họp. "
        "Sở LĐTBXH đề xuất, Sở KH&ĐT thẩm định."
    )
    assert got == {"Sở Lao động - Thương binh và Xã hội tỉnh Đắk Nông", "Sở Kế hoạch và Đầu tư tỉnh Đắk Nông"}


def test_initials_match_no_other_domain() -> None:
    got = _orgs("Sở Tài nguyên và Môi trường tỉnh Lai Châu và Sở TC tỉnh Lai Châu làm việc.")
    assert "Sở Tài nguyên và Môi trường tỉnh Lai Châu" in got
    assert len(got) == 2


def test_the_front_of_a_district_with_or_without_the_country() -> None:
    x = run(
        "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Mù Cang Chải tổ chức hội nghị. Ủy ban MTTQ huyện Mù Cang "
        "Chải trao quà."
    )
    assert len(labels(x, "MassOrganization")) == 1


def test_initials_are_not_spelled_out_by_a_name_of_initials() -> None:
    got = _orgs("Đài PTTH Thừa Thiên Huế đưa tin.")
    assert got == {"Đài PTTH Thừa Thiên Huế"}


def test_initials_after_an_inner_head_are_the_name_written_in_full() -> None:
    got = _orgs(
        "Ban Chấp hành Trung ương Hội Cựu chiến binh Việt Nam họp phiên thứ ba. Ban Chấp hành Trung ương "
        "Hội CCBVN đã thông qua chương trình công tác."
    )
    assert len({g for g in got if g.startswith("Ban")}) == 1, got


def test_initials_after_words_of_the_name_are_those_words_written_in_full() -> None:
    got = _orgs(
        "Ban Quản lý dự án Đầu tư xây dựng tỉnh Gia Lai ban hành kế hoạch. Ban Quản lý dự án ĐTXD tỉnh "
        "Gia Lai giao nhiệm vụ cho các huyện."
    )
    assert len(got) == 1, got


def test_a_committee_written_without_its_level_is_the_one_the_article_writes_with_it() -> None:
    x = run(
        "Hội nghị lần thứ 25 Ban Chấp hành Đảng bộ tỉnh Yên Bái khóa XIX đã khai mạc. Phát biểu tại hội "
        "nghị Ban Chấp hành Đảng bộ, Bí thư Tỉnh ủy nhấn mạnh nhiệm vụ."
    )
    assert len(labels(x, "PartyCommittee")) == 1, labels(x, "PartyCommittee")
