"""Structure read off the names of an article's bodies (data/hierarchy.tsv)."""

from __future__ import annotations

from helpers import run, triples

from kgraph.extract.hierarchy import hierarchy_words, name_hierarchy
from kgraph.extract.lexicon import _rows
from kgraph.model import Entity, Sentence

WORDS = hierarchy_words(_rows("hierarchy.tsv"))
S = Sentence(0, 1, "x")


def _nest(*bodies: tuple[str, str]) -> set[tuple[str, str]]:
    entities = {label: Entity(key=label, kind=kind, label=label) for label, kind in bodies}
    rels = name_hierarchy(entities, dict.fromkeys(entities, S), WORDS)
    return {(r.subject, r.object) for r in rels}


def test_a_department_is_part_of_its_provinces_peoples_committee() -> None:
    got = _nest(
        ("Sở Tài chính tỉnh Nghệ An", "StateAgency"),
        ("Ủy ban nhân dân tỉnh Nghệ An", "StateAgency"),
        ("Sở Y tế tỉnh Hà Tĩnh", "StateAgency"),
    )
    assert got == {("Sở Tài chính tỉnh Nghệ An", "Ủy ban nhân dân tỉnh Nghệ An")}


def test_district_and_commune_committees_nest_in_the_articles_one_higher_committee() -> None:
    got = _nest(
        ("Tỉnh ủy Nghệ An", "PartyCommittee"),
        ("Huyện ủy Yên Thành", "PartyCommittee"),
        ("Đảng ủy xã Nghi Phong", "PartyCommittee"),
    )
    assert got == {("Huyện ủy Yên Thành", "Tỉnh ủy Nghệ An"), ("Đảng ủy xã Nghi Phong", "Huyện ủy Yên Thành")}


def test_two_provincial_committees_leave_a_district_committee_alone() -> None:
    got = _nest(
        ("Tỉnh ủy Nghệ An", "PartyCommittee"),
        ("Tỉnh ủy Hà Tĩnh", "PartyCommittee"),
        ("Huyện ủy Yên Thành", "PartyCommittee"),
    )
    assert not got


def test_a_central_bloc_committee_is_part_of_no_province() -> None:
    got = _nest(
        ("Tỉnh ủy Nghệ An", "PartyCommittee"), ("Đảng ủy Khối các cơ quan Trung ương", "PartyCommittee")
    )
    assert not got


def test_an_article_of_a_province() -> None:
    got = triples(
        run(
            "Sáng 10/8, Tỉnh ủy Nghệ An tổ chức hội nghị. Dự có Huyện ủy Yên Thành, Đảng ủy xã Nghi Phong, "
            "Sở Tài chính và UBND tỉnh."
        )
    )
    assert ("Huyện ủy Yên Thành", "subOrganizationOf", "Tỉnh ủy Nghệ An") in got
    assert ("Đảng ủy xã Nghi Phong", "subOrganizationOf", "Huyện ủy Yên Thành") in got
    assert ("Sở Tài chính tỉnh Nghệ An", "subOrganizationOf", "Ủy ban nhân dân tỉnh Nghệ An") in got


def test_a_bodys_inspectorate_is_part_of_that_body() -> None:
    got = triples(
        run(
            "Ngày 5/3, Thanh tra Sở Xây dựng tỉnh Quảng Nam đã kiểm tra 12 công trình. "
            "Sở Xây dựng tỉnh Quảng Nam sẽ xử lý các sai phạm."
        )
    )
    assert ("Thanh tra Sở Xây dựng tỉnh Quảng Nam", "subOrganizationOf", "Sở Xây dựng tỉnh Quảng Nam") in got


def test_a_named_board_of_a_body_is_part_of_that_body() -> None:
    got = triples(run("Ban Đào tạo Trường Đại học Cần Thơ vừa công bố điểm chuẩn của 40 ngành."))
    assert ("Ban Đào tạo Trường Đại học Cần Thơ", "subOrganizationOf", "Trường Đại học Cần Thơ") in got
