"""A body's standing or executive committee is of its body's side: a mass organisation's
Ban Chấp hành is a mass organisation, a council's Thường trực a state body."""

from __future__ import annotations

import pytest
from helpers import names, run, triples

MASS, STATE, PARTY = "MassOrganization", "StateAgency", "PartyCommittee"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Đại hội bầu Ban Chấp hành Tỉnh Đoàn Bến Tre khóa X.", "Ban Chấp hành Tỉnh Đoàn Bến Tre", MASS),
        ("Ban Thường vụ Hội Cựu chiến binh tỉnh họp.", "Ban Thường vụ Hội Cựu chiến binh tỉnh", MASS),
        ("Ban Thường trực Ủy ban MTTQ huyện dự.", "Ban Thường trực Ủy ban MTTQ huyện", MASS),
        ("Thường trực HĐND tỉnh Gia Lai chủ trì.", "Thường trực HĐND tỉnh Gia Lai", STATE),
        ("Ban Thường vụ Tỉnh ủy Gia Lai họp.", "Ban Thường vụ Tỉnh ủy Gia Lai", PARTY),
        ("Ban Chấp hành Đảng bộ tỉnh họp.", "Ban Chấp hành Đảng bộ tỉnh", PARTY),
    ],
)
def test_a_committee_takes_its_bodys_side(text: str, name: str, kind: str) -> None:
    assert names(run(text)).get(name) == kind


@pytest.mark.parametrize("written", ["Ủy ban MTTQVN tỉnh", "Ủy ban MTTQ Việt Nam tỉnh"])
def test_the_front_written_with_its_country_is_the_front(written: str) -> None:
    assert names(run(f"{written} tổ chức hội nghị.")).get(written) == "MassOrganization"


def test_a_national_body_takes_the_class_of_the_table() -> None:
    # 'Ủy ban' heads state bodies, but the Front's central committee is a mass organisation
    got = names(run("Ủy ban Trung ương MTTQ Việt Nam tổ chức hội nghị hiệp thương."))
    assert got.get("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam") == "MassOrganization"


@pytest.mark.parametrize(
    "body",
    ["Hội Nông dân Việt Nam", "Hội Liên hiệp Phụ nữ Việt Nam", "Đoàn Thanh niên Cộng sản Hồ Chí Minh"],
)
def test_the_central_committee_of_a_mass_organisation_is_not_the_partys(body: str) -> None:
    x = run(f"Bà Bùi Thị Hoa, Phó Chủ tịch Ban chấp hành Trung ương {body}, tặng hoa chúc mừng.")
    got = names(x)
    committee = f"Ban chấp hành Trung ương {body}"
    assert any(n.lower() == committee.lower() and k == MASS for n, k in got.items()), got
    assert "Ban Chấp hành Trung ương Đảng" not in got


def test_the_central_committee_of_a_mass_organisation_is_part_of_it() -> None:
    x = run("Ông Lương Văn Đoàn, Phó Chủ tịch Ban Chấp hành Trung ương Hội Nông dân Việt Nam, dự.")
    assert (
        "Ban Chấp hành Trung ương Hội Nông dân Việt Nam",
        "subOrganizationOf",
        "Hội Nông dân Việt Nam",
    ) in triples(x)
