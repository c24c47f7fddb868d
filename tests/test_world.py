"""The world outside Việt Nam: countries, cities, regions and seas, and international bodies
(``kgraph/data/world.tsv``)."""

from __future__ import annotations

from helpers import names, run

from kgraph.extract.lexicon import lexicon
from kgraph.extract.rules import new_state
from kgraph.extract.state import Group
from kgraph.extract.world import whole_body
from kgraph.model import Article
from kgraph.text import make_document


def _places(text: str) -> set[str]:
    return {label for label, kind in names(run(text)).items() if kind == "Location"}


def test_countries_far_away_are_places() -> None:
    found = _places("Đoàn công tác đã thăm Honduras, Ecuador và Mozambique trong tháng 5.")
    assert {"Honduras", "Ecuador", "Mozambique"} <= found


def test_phonetic_and_english_spellings_are_places() -> None:
    found = _places("Hàng dệt may xuất sang Ác-hen-ti-na và Tanzania tăng mạnh.")
    assert {"Ác-hen-ti-na", "Tanzania"} <= found


def test_capitals_and_regions_are_places() -> None:
    found = _places("Hội thảo tổ chức ở Giơ-ne-vơ, sau đó đoàn sang Trung Đông và Âu châu.")
    assert {"Giơ-ne-vơ", "Trung Đông", "Âu châu"} <= found


def test_an_ocean_is_one_place_never_a_province_inside_it() -> None:
    found = _places("Khu vực Tây Bắc Thái Bình Dương có bão mạnh.")
    assert "Thái Bình Dương" in found
    assert "Thái Bình" not in found


def test_a_short_form_is_a_country_after_a_place_word() -> None:
    assert "Anh" in _places("Hàng dệt may xuất sang Anh tăng mạnh.")
    assert "Ý" in _places("Sinh viên từ Ý đến thăm trường.")


def test_short_forms_in_a_list_of_countries() -> None:
    found = _places("Cà phê bán sang Đức, Ý và Hà Lan.")
    assert "Ý" in found


def test_a_short_form_after_a_kinship_word_or_a_language_word_is_no_place() -> None:
    x = run("Sáng nay anh Đức và chị Nga đã đến lớp học tiếng Anh của trường.")
    found = names(x)
    assert found.get("Đức") != "Location"
    assert found.get("Nga") != "Location"
    assert found.get("Anh") != "Location"


def test_an_international_body_by_its_acronym_is_an_organisation() -> None:
    found = names(run("Dự án do UNICEF và ILO tài trợ đã khởi công tại Lai Châu."))
    assert found["Quỹ Nhi đồng Liên Hợp Quốc"] == "Organization"
    assert found["UNICEF"] == "Organization"
    assert found["Tổ chức Lao động Quốc tế"] == "Organization"


def test_spellings_of_an_international_body_are_one_node() -> None:
    x = run("Đại diện Tổ chức Thương mại Thế giới cho biết WTO sẽ xem xét hồ sơ.")
    bodies = [e for e in x.entities.values() if e.label == "Tổ chức Thương mại Thế giới"]
    assert len(bodies) == 1
    assert "WTO" in bodies[0].aliases
    assert bodies[0].kind == "Organization"


def test_a_country_after_a_language_word_or_in_a_word_is_no_place() -> None:
    found = names(run("Cô dạy tiếng Pháp và Anh văn, còn chồng cô dạy Mỹ thuật."))
    assert "Pháp" not in found
    assert "Anh" not in found
    assert "Mỹ" not in found
    assert "Trung Quốc" not in names(run("Khoa ngữ văn Trung Quốc tuyển 50 sinh viên."))
    assert "Pháp" not in names(run("Quốc hội cho ý kiến về dự án Pháp lệnh phí."))
    assert "Pháp" in names(run("Năm 1990 ông sang Pháp làm việc."))


def test_a_region_in_lower_case_first_is_one_place() -> None:
    found = names(run("Hàng xuất sang châu Mỹ tăng, thị trường châu Á - Thái Bình Dương chững lại."))
    assert found["châu Mỹ"] == "Location"
    assert found["châu Á - Thái Bình Dương"] == "Location"
    assert "Mỹ" not in found
    assert "Thái Bình Dương" not in found


def test_a_body_named_in_full_wins_over_the_shorter_names_inside_it() -> None:
    found = names(run("Ngân hàng Phát triển châu Á cho tỉnh vay 100 triệu USD."))
    assert found["Ngân hàng Phát triển châu Á"] == "Organization"
    assert "châu Á" not in found


def test_foreign_news_agencies_and_companies_are_organisations() -> None:
    found = names(run("Theo hãng tin Kyodo, Toshiba và Hitachi sẽ mở nhà máy tại Bắc Ninh."))
    assert found["Kyodo"] == "Organization"
    assert found["Toshiba"] == "Enterprise"
    assert found["Hitachi"] == "Enterprise"


def test_a_company_name_that_names_a_product_is_no_name() -> None:
    found = names(run("Hãng vừa nhận thêm 2 chiếc Airbus 321, giải nhất là một xe Yamaha."))
    assert "Airbus" not in found
    assert "Yamaha" not in found


def test_a_language_is_no_place_for_the_tagger_either() -> None:
    assert "Anh" not in names(run("Cô là giáo viên tiếng Anh của trường PTTH Nguyễn Du."))
    assert "Anh" in names(run("Năm 2001 cô sang Anh học tiếng Anh."))


def test_a_body_named_whole_by_a_span_is_its_own_head() -> None:
    text = "Đoàn làm việc với Cảnh sát giao thông Hà Nội."
    st = new_state(make_document(Article(source="t.txt", text=text, title="")), 0, lexicon())
    f = whole_body(st, 4, 4, "StateAgency", national=False)
    assert (f.start, f.text, f.group, f.kind) == (18, "Cảnh sát giao thông", Group.ORG, "StateAgency")
    assert f.head is not None
    assert (f.head.words, f.head.keys[0], f.head.kind) == (
        ("Cảnh", "sát", "giao", "thông"),
        "cảnh",
        "StateAgency",
    )
    assert (f.head.bare, f.head.national, f.head.part, f.head.any_case) == (True, False, False, False)
    head = whole_body(st, 8, 2, "StateAgency").head
    assert head is not None and head.national  # one body nationwide unless said
