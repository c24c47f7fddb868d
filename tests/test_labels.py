"""A node's names are what identifies it outside its article (skos:altLabel); the forms that name
it only in the article's context (a given name alone, a degree or rank with the name, a body
without the place the article gives it) stay on the node as kg:mentionedAs."""

from __future__ import annotations

from helpers import run
from rdflib import URIRef
from rdflib.namespace import SKOS

from kgraph.identity import article_iri
from kgraph.model import Entity
from kgraph.namespaces import KG
from kgraph.rdf import Triples, add_entity, entity_iri


def _entity(x, label: str) -> Entity:  # type: ignore[no-untyped-def]
    return next(e for e in x.entities.values() if e.label == label)


def test_a_given_name_alone_is_a_form_not_a_name() -> None:
    x = run("Ông Trần Quốc Vượng, Giám đốc Công ty Hoàng Long, cho biết đã xong. Theo ông Vượng, sẽ bán.")
    person = _entity(x, "Trần Quốc Vượng")
    assert "Vượng" not in person.aliases
    assert "Vượng" in person.forms


def test_two_syllables_of_the_given_name_are_a_form_too() -> None:
    x = run("Bà Lê Thị Ngọc Diệp nói dự án chậm. Bà Ngọc Diệp đề nghị Sở Xây dựng kiểm tra.")
    person = _entity(x, "Lê Thị Ngọc Diệp")
    assert "Ngọc Diệp" in person.forms and "Ngọc Diệp" not in person.aliases


def test_a_degree_or_rank_with_the_given_name_alone_is_a_form() -> None:
    x = run("Thiếu tá Lê Minh Khôi, Phó trưởng Công an quận, cho biết đã xong. Theo thiếu tá Khôi, sẽ xử lý.")
    officer = _entity(x, "Lê Minh Khôi")
    assert "thiếu tá Khôi" in officer.forms and "thiếu tá Khôi" not in officer.aliases
    assert "Thiếu tá Lê Minh Khôi" in officer.aliases  # with the full name: a name, as annotators list it


def test_a_body_named_without_the_place_the_article_writes_is_a_form() -> None:
    x = run(
        "UBND huyện Tuy Phong vừa có văn bản gửi các xã. Theo UBND huyện, việc cấp đất phải dừng lại. "
        "Sở Công thương tỉnh Bình Thuận kiểm tra. Sở Công thương yêu cầu báo cáo."
    )
    district = next(e for e in x.entities.values() if e.label.endswith("huyện Tuy Phong"))
    assert "UBND huyện" in district.forms and "UBND huyện" not in district.aliases
    assert "UBND huyện Tuy Phong" in (district.label, *district.aliases)  # the written full name stays
    department = next(e for e in x.entities.values() if e.label == "Sở Công thương tỉnh Bình Thuận")
    assert "Sở Công thương" in department.forms and "Sở Công thương" not in department.aliases


def test_a_body_the_article_only_names_bare_keeps_that_name() -> None:
    # nothing in the article writes the council's full name: its bare name is the one it has
    x = run("Tỉnh ủy Hà Tĩnh lãnh đạo. HĐND tỉnh ban hành nghị quyết.")
    council = _entity(x, "Hội đồng nhân dân tỉnh Hà Tĩnh")
    assert "HĐND tỉnh" in council.aliases and "HĐND tỉnh" not in council.forms


def test_spellings_of_a_national_body_stay_names() -> None:
    x = run("Bộ Giao thông vận tải yêu cầu sửa cầu. Bộ Giao thông cũng đề nghị tỉnh báo cáo.")
    ministry = next(e for e in x.entities.values() if e.label.startswith("Bộ Giao thông"))
    assert "Bộ Giao thông" in (ministry.label, *ministry.aliases)
    assert "Bộ Giao thông" not in ministry.forms


def test_forms_are_written_as_kg_mentioned_as_never_as_alt_label() -> None:
    entity = Entity(
        key="person|trần văn an",
        kind="Person",
        label="Trần Văn An",
        aliases=("Trần văn An",),
        forms=("An", "TS Trần Văn An"),
    )
    graph = Triples()
    node = add_entity(graph, entity, article_iri("a"))
    assert node == entity_iri(entity)
    alt = {str(o) for s, p, o in graph if p == SKOS.altLabel}
    written = {str(o) for s, p, o in graph if p == KG.mentionedAs}
    assert alt == {"Trần văn An"}
    assert written == {"An", "TS Trần Văn An"}


def test_a_level_word_or_degree_before_a_name_the_article_also_writes_alone_is_a_form() -> None:
    x = run(
        "Mưa lớn gây ngập huyện Krông Bông. Tại Krông Bông, nhiều nhà bị sập. "
        "PGS-TS Hoàng Văn Lợi cho biết mưa còn kéo dài. Theo ông Hoàng Văn Lợi, dân cần sơ tán."
    )
    place, person = _entity(x, "Krông Bông"), _entity(x, "Hoàng Văn Lợi")
    assert "huyện Krông Bông" in place.forms and "huyện Krông Bông" not in place.aliases
    assert "PGS-TS Hoàng Văn Lợi" in person.forms and "PGS-TS Hoàng Văn Lợi" not in person.aliases


def test_a_name_written_only_after_its_level_word_or_degree_keeps_that_form_as_a_name() -> None:
    x = run("Mưa lớn gây ngập huyện Krông Bông. PGS-TS Hoàng Văn Lợi cho biết mưa còn kéo dài.")
    place, person = _entity(x, "Krông Bông"), _entity(x, "Hoàng Văn Lợi")
    assert "huyện Krông Bông" in place.aliases and not place.forms
    assert "PGS-TS Hoàng Văn Lợi" in person.aliases and not person.forms


def test_a_body_short_form_is_compared_with_abbreviations_written_out() -> None:
    x = run("Sở Xây dựng TP HCM vừa kiểm tra công trình. Theo Sở Xây dựng thành phố, có 3 sai phạm.")
    department = next(e for e in x.entities.values() if e.label.startswith("Sở Xây dựng"))
    assert "Sở Xây dựng thành phố" in department.forms, department
    assert "Sở Xây dựng TP HCM" in (department.label, *department.aliases)


def test_a_longer_name_that_runs_on_into_the_clause_leaves_the_short_name_a_name() -> None:
    from kgraph.extract.forms import _begins

    assert _begins("Hội Nông dân tỉnh", "Hội Nông dân tỉnh Bắc Kạn")
    assert not _begins("Hội Nông dân tỉnh", "Hội Nông dân tỉnh lựa chọn")
    assert not _begins("HỘI ĐỒNG NHÂN DÂN TỈNH", "HỘI ĐỒNG NHÂN DÂN TỈNH VÀ ĐẠI BIỂU")


def test_the_network_finds_a_person_by_a_form_and_shows_only_names() -> None:
    from kgraph.network import entity_names, find_entities, graph_to_networkx
    from kgraph.rdf import build_graph

    x = run("Ông Trần Quốc Vượng, Giám đốc Công ty Hoàng Long, cho biết đã xong. Theo ông Vượng, sẽ bán.")
    graph = build_graph(x)
    person = URIRef(entity_iri(_entity(x, "Trần Quốc Vượng")))  # minted as a plain string
    assert {str(o) for o in graph.objects(person, KG.mentionedAs)} == {"Vượng"}
    net = graph_to_networkx(graph)
    assert find_entities(net, "Vượng") == [str(person)]  # the search still finds him
    assert entity_names(net, str(person)) == ["Trần Quốc Vượng"]  # other names: names only


def test_a_level_word_alone_names_no_place() -> None:
    # 'TP' is the city the article is about: no name of its own, never one node for every article's 'TP'
    x = run("Năm nay ngành GD-ĐT TP chưa nhận được tiền từ các quận. Sở Giáo dục TP.HCM cho biết.")
    assert not [e for e in x.entities.values() if e.kind == "Location" and e.label in ("TP", "TP.")]
    assert any(e.label.startswith("Sở Giáo dục") for e in x.entities.values())


def test_a_short_body_beside_the_name_with_its_city_in_capitals_or_glued_is_a_form() -> None:
    from kgraph.extract.forms import _begins

    assert _begins(
        "UBND TP", "UBND TPHCM"
    )  # the city glued to its level word, written out: thành phố Hồ Chí Minh
    assert _begins("HĐND", "HĐND TP HCM")  # the level word in capitals
    assert _begins("Sở Tư pháp TP", "Sở Tư pháp TP.HCM")
    assert _begins("UBND phường An Lạc", "UBND phường An Lạc Q.Bình Tân")
    assert not _begins("UBND TỈNH", "UBND TỈNH VÀ CÁC SỞ")  # a header in capitals runs on


def test_a_short_body_beside_the_city_s_acronym_is_a_form_in_the_graph() -> None:
    x = run(
        "Hôm qua, UBND TPHCM đã họp với các quận. Theo UBND TP, dự án chậm ba năm. "
        "Sở Tư pháp TP.HCM cho biết Sở Tư pháp TP sẽ kiểm tra."
    )
    council = next(e for e in x.entities.values() if "UBND TPHCM" in (e.label, *e.aliases))
    assert "UBND TP" in council.forms and "UBND TP" not in council.aliases
    department = next(e for e in x.entities.values() if "Sở Tư pháp TP.HCM" in (e.label, *e.aliases))
    assert "Sở Tư pháp TP" in department.forms and "Sở Tư pháp TP" not in department.aliases


def test_a_name_with_its_head_abbreviated_beside_the_name_in_full_is_a_form() -> None:
    x = run(
        "Bệnh viện Đa khoa Hòa Bình vừa tiếp nhận 20 ca. Theo BV Đa khoa Hòa Bình, số ca tăng. "
        "Trường Đại học Nông Lâm Huế tuyển 3.000 sinh viên; Trường ĐH Nông Lâm Huế mở thêm ngành."
    )
    hospital = _entity(x, "Bệnh viện Đa khoa Hòa Bình")
    assert "BV Đa khoa Hòa Bình" in hospital.forms and "BV Đa khoa Hòa Bình" not in hospital.aliases
    school = _entity(x, "Trường Đại học Nông Lâm Huế")
    assert "Trường ĐH Nông Lâm Huế" in school.forms and "Trường ĐH Nông Lâm Huế" not in school.aliases


def test_a_name_only_written_with_its_head_abbreviated_stays_a_name() -> None:
    x = run("BV Đa khoa Hòa Bình vừa tiếp nhận 20 ca. Theo BV Đa khoa Hòa Bình, số ca tăng.")
    hospital = next(e for e in x.entities.values() if e.label.endswith("Đa khoa Hòa Bình"))
    assert "BV Đa khoa Hòa Bình" in (hospital.label, *hospital.aliases) and not hospital.forms


def test_a_person_named_as_a_place_of_the_article_is_no_second_node() -> None:
    # 'Hồ' opening the sentence reads as a family name; the article names the lake so
    x = run("Hồ Ba Bể đang cạn nước. Du khách đến hồ Ba Bể ngày càng ít.")
    assert [e.label for e in x.entities.values() if e.kind == "Person"] == []
    assert any(e.label == "hồ Ba Bể" for e in x.entities.values())


def test_a_person_with_a_name_of_his_own_stays_beside_a_place() -> None:
    x = run("Ông Hồ Văn Bể về thăm hồ Ba Bể. Ông Hồ Văn Bể nói hồ đang cạn nước.")
    assert "Hồ Văn Bể" in {e.label for e in x.entities.values() if e.kind == "Person"}


def test_a_short_body_written_with_initials_beside_the_name_in_full_is_a_form() -> None:
    x = run("Sở Giao thông công chính TP.HCM vừa cấm xe tải. Theo Sở GTCC TP, lệnh cấm áp dụng từ tháng 5.")
    department = next(e for e in x.entities.values() if e.label.startswith("Sở Giao thông công chính"))
    assert "Sở GTCC TP" in department.forms and "Sở GTCC TP" not in department.aliases


def test_the_network_finds_a_hospital_by_its_abbreviated_form_and_shows_only_names() -> None:
    from kgraph.network import entity_names, find_entities, graph_to_networkx
    from kgraph.rdf import build_graph

    x = run("Bệnh viện Đa khoa Hòa Bình vừa tiếp nhận 20 ca. Theo BV Đa khoa Hòa Bình, số ca tăng.")
    net = graph_to_networkx(build_graph(x))
    hospital = str(entity_iri(_entity(x, "Bệnh viện Đa khoa Hòa Bình")))
    assert find_entities(net, "BV Đa khoa Hòa Bình") == [hospital]  # --focus and search still find it
    assert "BV Đa khoa Hòa Bình" not in entity_names(net, hospital)


def test_a_name_with_initials_inside_beside_the_name_in_full_is_a_form() -> None:
    x = run(
        "Ban Quản lý dự án Đầu tư xây dựng tỉnh Gia Lai ban hành kế hoạch. Ban Quản lý dự án ĐTXD tỉnh "
        "Gia Lai giao nhiệm vụ cho các huyện."
    )
    board = next(e for e in x.entities.values() if e.label.startswith("Ban Quản lý dự án Đầu tư"))
    assert "Ban Quản lý dự án ĐTXD tỉnh Gia Lai" in board.forms
    assert "Ban Quản lý dự án ĐTXD tỉnh Gia Lai" not in board.aliases


def test_a_body_written_with_its_abbreviation_in_brackets_has_that_writing_as_a_name() -> None:
    x = run("Công ty cổ phần Dược phẩm Hậu Giang (DHG) vừa công bố lợi nhuận quý III.")
    company = _entity(x, "Công ty cổ phần Dược phẩm Hậu Giang")
    assert "Công ty cổ phần Dược phẩm Hậu Giang (DHG)" in company.aliases


def test_a_coined_short_name_in_brackets_is_glued_too_but_a_country_is_not() -> None:
    x = run(
        "Tổng công ty Thép Miền Nam (Vinasouth) ký hợp đồng với Viện Nghiên cứu Kinh tế Hamburg (Đức) "
        "trong tháng này."
    )
    company = next(e for e in x.entities.values() if e.label.endswith("Thép Miền Nam"))
    assert "Tổng công ty Thép Miền Nam (Vinasouth)" in company.aliases
    institute = next(e for e in x.entities.values() if e.label.startswith("Viện Nghiên cứu Kinh tế"))
    assert not any("(" in a for a in institute.aliases)


def test_an_entity_takes_more_aliases_sorted_and_each_once() -> None:
    entity = Entity("place|x", "Location", "Bình Thạnh", aliases=("quận Bình Thạnh", "Q. Bình Thạnh"))
    more = entity.with_aliases({"Q.Bình Thạnh", "quận Bình Thạnh"})
    assert more.aliases == ("Q. Bình Thạnh", "Q.Bình Thạnh", "quận Bình Thạnh")
    assert (more.label, more.key) == ("Bình Thạnh", "place|x")
    assert entity.aliases == ("quận Bình Thạnh", "Q. Bình Thạnh")  # frozen: a new entity
