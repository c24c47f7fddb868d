"""Foreign and transliterated names (``kgraph.extract.foreign``): a capitalised word that cannot be a
Vietnamese syllable is a name, typed by the word before it."""

from __future__ import annotations

from helpers import names, run

from kgraph.model import Article
from kgraph.text import foreign_word, make_document


def test_a_word_no_vietnamese_syllable_can_spell_is_foreign() -> None:
    for text in ("Rice", "Kowalski", "Fjord", "Zurbaran", "Whitney", "Bradford", "Gaultier"):
        assert foreign_word(text), text
    for text in ("Nguyễn", "Thương", "Nguyen", "Truong", "Khuyến", "Quyết", "Giang", "Ngoạn"):
        assert not foreign_word(text), text
    assert not foreign_word("UNESCO")  # an acronym is not judged by its letters


def test_a_foreign_name_after_a_person_word_is_a_person() -> None:
    found = names(run("Sáng nay ngài Kowalski đã tiếp đoàn đại biểu của tỉnh."))
    assert found.get("Kowalski") == "Person"


def test_a_foreign_name_after_a_foreign_post_and_a_country_is_a_person() -> None:
    found = names(run("Tổng thống Ba Lan Andrzej Wojcik sẽ sang thăm Hà Nội vào tháng tới."))
    assert found.get("Andrzej Wojcik") == "Person"


def test_a_foreign_name_after_a_place_word_is_a_place() -> None:
    found = names(run("Đoàn công tác đã làm việc tại Bradford trong ba ngày."))
    assert found.get("Bradford") == "Location"


def test_a_foreign_name_after_a_company_word_is_an_organisation() -> None:
    found = names(run("Lô máy kéo do hãng Zetorvik sản xuất đã về đến cảng."))
    assert found.get("Zetorvik") == "Organization"
    found = names(run("Sinh viên có thể chọn ngành Applied Marketing Studies của khoa."))
    assert not any("Marketing" in name for name in found)  # English words with no word to type them


def test_an_initial_glues_to_a_foreign_surname_and_makes_a_person() -> None:
    found = names(run("Phương pháp do K.Wojcik và nhóm cộng sự đề xuất đã được thử nghiệm."))
    assert found.get("K.Wojcik") == "Person"


def test_an_initial_before_a_foreign_surname_ends_no_sentence() -> None:
    found = names(run("Theo nhà vật lý Brendan V. Kowalski thì vũ trụ còn nhiều điều chưa biết."))
    assert found.get("Brendan V. Kowalski") == "Person"
    doc = make_document(Article(source="t.txt", text="Trời nóng tới 40 độ C. Trong khi đó ruộng đã khô."))
    assert len(doc.sentences) == 2  # a degree sign before a Vietnamese word still ends the sentence


def test_a_name_transliterated_by_syllables_is_one_person() -> None:
    found = names(run("Ông Xổm-phết Phôm-ma-vông đã trao đổi với lãnh đạo tỉnh."))
    assert found.get("Xổm-phết Phôm-ma-vông") == "Person"


def test_a_person_read_up_to_an_initial_takes_the_surname() -> None:
    found = names(run("Bà Martina R. Oberholzer, đại diện của quỹ, phát biểu tại buổi lễ."))
    assert found.get("Martina R. Oberholzer") == "Person"


def test_a_country_between_a_post_and_a_foreign_name_is_a_place() -> None:
    found = names(run("Thủ tướng Đức Gerhardt Schmitz đã sang thăm."))
    assert found.get("Gerhardt Schmitz") == "Person"
    assert found.get("Đức") == "Location"
    assert names(run("Chủ tịch Đức Anh phát biểu.")).get("Đức Anh") == "Person"


def test_a_foreigner_named_by_the_given_name_is_the_one_full_name() -> None:
    x = run("Tổng thống Gustavo Marquez cảm ơn nhân dân. Đoàn đã tặng quà cho ngài Gustavo.")
    people = [e for e in x.entities.values() if e.kind == "Person"]
    assert [(e.label, e.aliases) for e in people] == [("Gustavo Marquez", ("Gustavo",))]


def test_a_capitalised_body_head_before_a_foreign_word_is_the_rules_call() -> None:
    found = names(run("Sản phẩm của hãng Tractorvik được Tổ chức Guinness thế giới ghi nhận."))
    assert found.get("Tractorvik") == "Organization"
    assert "Guinness" not in found


def test_a_leader_after_a_country_is_a_person_and_the_country_a_place() -> None:
    found = names(run("Nhà lãnh đạo Triều Tiên Pak Hyun-sik đã tiếp đoàn khách."))
    assert found.get("Pak Hyun-sik") == "Person"
    assert found.get("Triều Tiên") == "Location"


def test_a_head_word_before_a_name_spelled_by_syllables_after_a_post_is_a_family_name() -> None:
    found = names(run("Cựu Tổng thư ký Liên Hợp Quốc Ban Seo-jun đến thăm trường."))
    assert found.get("Ban Seo-jun") == "Person"
    assert names(run("Đại diện Ban Quản lý dự án phát biểu.")).get("Ban Quản lý dự án") != "Person"


def test_an_ambassador_to_a_country_named_after_both_countries_is_a_person() -> None:
    found = names(run("Đại sứ Mỹ tại Việt Nam Derek Kranzberg đã tặng sách cho thư viện."))
    assert found.get("Derek Kranzberg") == "Person"


def test_the_body_of_a_post_read_into_a_foreign_name_is_cut_off() -> None:
    found = names(run("Người phát ngôn Nhà Trắng Dmitry Sorokin cho biết như vậy."))
    assert found.get("Dmitry Sorokin") == "Person"
    assert "Nhà Trắng Dmitry Sorokin" not in found


def test_a_coined_name_after_a_body_post_is_no_person() -> None:
    found = names(run("Ông Phạm Văn Tâm, giám đốc Sachvina, cho biết sách đã bán hết."))
    assert found.get("Sachvina") != "Person"


def test_a_minister_named_after_the_ministry_and_the_country_is_a_person() -> None:
    found = names(run("Bộ trưởng Quốc phòng Úc Derek Kranzberg đã tới Hà Nội."))
    assert found.get("Derek Kranzberg") == "Person"
