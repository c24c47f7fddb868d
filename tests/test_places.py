"""Places that are administrative units: their level and official codes, when the register and
the text settle which unit a place is (never a guess between units of one name)."""

from __future__ import annotations

import pytest
from helpers import labels, run
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

from kgraph.extract.gazetteer import identify
from kgraph.model import Extraction
from kgraph.namespaces import KG
from kgraph.rdf import build_graph


def _place(x: Extraction, label: str) -> tuple[str, str, str]:
    e = next(e for e in x.entities.values() if e.label == label and e.kind == "Location")
    return e.admin_level, e.admin_code, e.admin_code_2025


def test_a_commune_its_district_and_its_province_get_levels_and_codes() -> None:
    # 'Tân Lập' names 29 communes: the district written after it settles which
    x = run("Người dân xã Tân Lập, huyện Hướng Hóa, tỉnh Quảng Trị đã tham gia.")
    assert _place(x, "Tân Lập") == ("commune", "19462", "")
    assert _place(x, "Hướng Hóa") == ("district", "465", "")
    # Quảng Trị is a province, a town and a ward: Hướng Hóa lies in the province (register until 2025)
    assert _place(x, "Quảng Trị") == ("province", "45", "")


def test_an_ambiguous_name_gets_no_level_nor_code() -> None:
    x = run("Người dân xã Tân Lập đã tham gia.")
    assert _place(x, "Tân Lập") == ("", "", "")
    assert identify("Tân Lập") == ("", "", "")
    # a district until 2025 and a commune after: which one the text does not say
    assert identify("Hải Lăng") == ("", "", "")
    # a list of provinces is no hierarchy: each keeps its own unit
    assert identify("Đà Nẵng", parent="Hà Nội") == ("province", "48", "48")
    # a province and, after 2025, a ward of the province it joined: a list, not a hierarchy
    assert identify("Bạc Liêu", parent="Cà Mau") == ("", "", "")
    # a ward of the 2025 register only (an airport before), or read as one from a neighbour
    assert identify("Tân Sơn Nhất") == ("", "", "")
    assert identify("Rạch Giá", parent="An Giang") == ("", "", "")


def test_a_unit_of_one_name_gets_its_codes_in_both_registers() -> None:
    assert identify("Hà Nội") == ("province", "01", "01")
    assert identify("Hải Chánh", parent="Hải Lăng") == ("commune", "19738", "")


def test_a_lone_commune_name_is_no_identification() -> None:
    # one ward bears it, but alone it names a street or a market as often: the text must settle it
    assert identify("Hải Chánh") == ("", "", "")
    assert identify("Trường Chinh") == ("", "", "")
    assert identify("Việt Nam") == ("", "", "")


def test_level_and_codes_are_written_to_the_graph() -> None:
    g = build_graph(run("Người dân xã Tân Lập, huyện Hướng Hóa, tỉnh Quảng Trị đã tham gia."))
    places = {str(g.value(s, SKOS.prefLabel)): s for s in g.subjects(RDF.type, KG.Location)}
    assert g.value(places["Tân Lập"], KG.adminLevel) == KG.communeLevel
    assert g.value(places["Tân Lập"], KG.adminCode) == Literal("19462")
    assert g.value(places["Tân Lập"], KG.adminCode2025) is None
    assert g.value(KG.communeLevel, SKOS.inScheme) == KG.AdminLevelScheme
    assert isinstance(places["Hướng Hóa"], URIRef)
    assert (places["Hướng Hóa"], KG.adminLevel, KG.districtLevel) in g


def test_numbered_units_are_places_with_their_level_word() -> None:
    x = run("Người dân phường 12, quận 10 và ấp 3 xã Tân Hội đã nhận tiền. UBND quận 10 đồng ý.")
    places = {e.label for e in x.entities.values() if e.kind == "Location"}
    assert {"phường 12", "quận 10", "ấp 3"} <= places, places
    orgs = {e.label for e in x.entities.values() if e.key.startswith("org|")}
    assert any(label.startswith("Ủy ban nhân dân quận 10") for label in orgs), orgs
    # a count, a date or a level without numbered units is no place
    x = run("Tỉnh có 12 huyện, 3 thị xã; huyện 2 năm liền đạt chuẩn, phường 5% hộ nghèo.")
    assert not [e for e in x.entities.values() if e.kind == "Location"], x.entities


def test_a_numbered_unit_is_a_node_of_its_article() -> None:
    # phường 12 is a ward of many districts: two articles never share its node
    a = [e.key for e in run("Người dân phường 12 đã nhận tiền.").entities.values() if e.label == "phường 12"]
    b = [
        e.key
        for e in run("Hộ dân ở phường 12 phản ánh.", title="Khác").entities.values()
        if e.label == "phường 12"
    ]
    assert len(a) == len(b) == 1 and a != b, (a, b)


def test_ho_chi_minh_city_is_one_place_whatever_the_spelling() -> None:
    spellings = ["TP.HCM", "TP HCM", "TPHCM", "TP Hồ Chí Minh", "thành phố Hồ Chí Minh", "TP. HCM", "Tp.HCM"]
    keys = set()
    for spelling in spellings:
        x = run(f"Người dân {spelling} vui mừng đón Tết.")
        got = [e for e in x.entities.values() if spelling in (e.label, *e.aliases)]
        assert len(got) == 1 and got[0].kind == "Location", (spelling, x.entities)
        keys.add(got[0].key)
        assert got[0].admin_code == "79", got[0]
    assert len(keys) == 1, keys
    # the man stays a person
    x = run("Chủ tịch Hồ Chí Minh đã đến thăm.")
    assert not [e for e in x.entities.values() if e.kind == "Location"], x.entities


def test_one_node_per_unit_never_two_codes_on_one_node() -> None:
    # two communes named Tân Lập, told apart by their districts: two nodes, each with its own code
    a = run("Người dân xã Tân Lập, huyện Hướng Hóa đã tham gia.")
    b = run("Người dân xã Tân Lập, huyện Đan Phượng đã tham gia.", title="B")
    c = run("Người dân xã Tân Lập đã tham gia.", title="C")
    ta, tb, tc = (next(e for e in x.entities.values() if e.label == "Tân Lập") for x in (a, b, c))
    assert ta.admin_code != tb.admin_code
    assert len({ta.key, tb.key, tc.key}) == 3, (ta, tb, tc)
    # a name the register settles alone keeps one node everywhere
    d = run("Người dân Hà Nội, Việt Nam vui.", title="D")
    e = run("Hà Nội đẹp.", title="E")
    assert {x.key for x in d.entities.values() if x.label == "Hà Nội"} == {
        x.key for x in e.entities.values() if x.label == "Hà Nội"
    }


def test_the_states_name_is_the_country_one_node() -> None:
    # the header of every official document: no 'Hội …' body read inside it
    x = run(
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam; Việt Nam họp."
    )
    assert [(e.label, e.kind) for e in x.entities.values()] == [("Việt Nam", "Location")]


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Nước sông Sài Gòn bị ô nhiễm.", "sông Sài Gòn"),
        ("Du khách đến vịnh Hạ Long rất đông.", "vịnh Hạ Long"),
        ("Dự án quanh hồ Tuyền Lâm bị chậm.", "hồ Tuyền Lâm"),
        ("Tiểu thương chợ Vĩnh Long phản ánh.", "chợ Vĩnh Long"),
        ("Tàu đến ga Sài Gòn lúc 5 giờ.", "ga Sài Gòn"),
        ("Người dân đi qua cầu Hiền Lương.", "cầu Hiền Lương"),
    ],
)
def test_named_sites_are_places_with_their_kind_word(text: str, site: str) -> None:
    x = run(text)
    got = {e.label: e.kind for e in x.entities.values()}
    assert got.get(site) == "Location", got


def test_a_site_word_inside_a_word_or_before_a_district_is_no_site() -> None:
    x = run("Bộ Tài chính yêu cầu Sở Tài chính báo cáo; hoạt động Hội Nông dân tốt ở chợ Vĩnh Long.")
    assert [e.label for e in x.entities.values() if e.kind == "Location"] == ["chợ Vĩnh Long"], x.entities
    x = run("Du khách đến khu du lịch Quảng Trị và sông Bến Hải.")
    assert "khu du lịch Quảng Trị" not in {e.label for e in x.entities.values()}
    assert "sông Bến Hải" in {e.label for e in x.entities.values()}


def _locations(x: Extraction) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {e.label: (e.admin_level, e.aliases) for e in x.entities.values() if e.kind == "Location"}


def test_a_district_and_its_seat_town_of_one_name_are_two_places() -> None:
    x = run(
        "Mưa lớn gây ngập ở huyện Hương Khê. Tại thị trấn Hương Khê, nhiều nhà dân bị ngập sâu. "
        "Người dân Hương Khê đã được sơ tán."
    )
    places = _locations(x)
    assert places["thị trấn Hương Khê"][0] == "commune"
    level, aliases = places["Hương Khê"]  # the bare name: the larger unit
    assert level == "district" and "huyện Hương Khê" in aliases
    assert "thị trấn Hương Khê" not in aliases


def test_a_province_and_its_capital_of_one_name_are_two_places() -> None:
    x = run("Đoàn công tác của tỉnh Hà Tĩnh đã đến thành phố Hà Tĩnh. Nhân dân Hà Tĩnh rất phấn khởi.")
    places = _locations(x)
    assert places["Hà Tĩnh"][0] == "province"
    assert "thành phố Hà Tĩnh" in places
    assert "thành phố Hà Tĩnh" not in places["Hà Tĩnh"][1]


def test_one_written_level_keeps_one_place_with_the_bare_name_and_settles_its_unit() -> None:
    # Hải Lăng is a district until 2025 and a commune after: 'huyện' says which
    x = run("Lãnh đạo huyện Hải Lăng đã họp. Người dân Hải Lăng đồng tình.")
    assert [label for label in _locations(x) if "Hải Lăng" in label] == ["Hải Lăng"]
    assert _place(x, "Hải Lăng") == ("district", "470", "")


def test_two_units_of_one_rank_and_name_stay_apart_from_the_bare_name() -> None:
    x = run("Nước lũ tràn qua xã Tân Thịnh rồi tới thị trấn Tân Thịnh. Người dân Tân Thịnh đã được sơ tán.")
    places = _locations(x)
    assert {"xã Tân Thịnh", "thị trấn Tân Thịnh", "Tân Thịnh"} <= set(places)
    for unit in ("xã Tân Thịnh", "thị trấn Tân Thịnh"):
        assert "Tân Thịnh" not in places[unit][1]


def test_abbreviated_level_words_are_read_before_a_name() -> None:
    x = run("Cửa hàng ở 25 Lê Lợi - Q. Gò Vấp, còn kho hàng ở H.Củ Chi.")
    places = _locations(x)
    assert "Q. Gò Vấp" in places["Gò Vấp"][1] and places["Gò Vấp"][0] == "district"
    assert "H.Củ Chi" in places["Củ Chi"][1]


def test_a_ward_named_after_a_person_after_its_abbreviation_is_a_place() -> None:
    x = run("Hộ kinh doanh ở P.Nguyễn Thái Bình, Q.1 đã nộp thuế.")
    assert "Nguyễn Thái Bình" not in labels(x, "Person")
    assert "P.Nguyễn Thái Bình" in _locations(x)["Nguyễn Thái Bình"][1]


def test_numbered_units_written_short_are_places() -> None:
    x = run("Anh Tùng ngụ tại 30 Trần Quang Khải, F.8, Q.Phú Nhuận; chị Mai ở 4 Lê Duẩn, P25, Q9.")
    places = _locations(x)
    assert {"F.8", "P25", "Q9"} <= set(places), places


def test_a_numbered_unit_written_two_ways_is_one_place() -> None:
    x = run("Người dân Q.3 đã đóng góp. UBND quận 3 cảm ơn bà con quận 3.")
    assert [label for label in _locations(x) if "3" in label] == ["Q.3"]


def test_an_initial_is_no_level_word() -> None:
    x = run("Giáo sư Lawrence H. Summers phát biểu. Ảnh: Q. Dũng")
    assert not {"Summers", "Dũng"} & set(_locations(x))


def test_initials_after_a_letter_of_a_level_word_are_no_place() -> None:
    x = run("Em P.N.A., học sinh lớp 9, kể lại. Họa sĩ H.H. – một tên tuổi – đã có mặt.")
    assert not {"N", "N.A", "H"} & set(_locations(x)), _locations(x)


def test_a_letter_in_a_list_before_a_sentence_is_no_level_word() -> None:
    x = run("Trường có ba khối thi là A, V, H. Thi khối A cần ba môn.")
    assert "Thi" not in _locations(x)
