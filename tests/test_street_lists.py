"""Streets listed after a street word are places, not the people they are named after."""

from __future__ import annotations

from helpers import names, run


def test_streets_listed_after_a_street_word_are_places() -> None:
    text = "Nước ngập trên tuyến đường như Trần Quang Khải, Võ Văn Kiệt, Lý Chính Thắng (quận 3) và Hoàng Sa."
    found = names(run(text))
    for street in ("Trần Quang Khải", "Võ Văn Kiệt", "Lý Chính Thắng"):
        assert found[street] == "Location"
    found = names(run("Nhiều khách sạn trên đường Pasteur, Nguyễn Đình Chiểu, Lê Văn Sỹ vẫn còn phòng."))
    assert found["Nguyễn Đình Chiểu"] == found["Lê Văn Sỹ"] == "Location"


def test_a_person_a_phone_or_a_credit_after_a_street_is_no_street() -> None:
    found = names(run("Cây đổ trên đường Kim Mã, Nguyễn Thái Học (Hà Nội), ĐT: 0912345678. Ảnh: Q.Hùng"))
    assert found["Nguyễn Thái Học"] == "Location" and "ĐT" not in found and "Ảnh" not in found
    found = names(run("Ông Hùng đến đường Hai Bà Trưng, Nguyễn Thị Mai đi cùng."))
    assert found["Nguyễn Thị Mai"] == "Person"  # a name and a verb after one street: a clause
    found = names(run("Trên đường Lê Lợi, ông Nguyễn Văn Bình cho biết giá đã tăng."))
    assert found["Nguyễn Văn Bình"] == "Person"


def test_the_streets_a_stretch_runs_between_and_a_junction_s_streets_are_places() -> None:
    text = "Sẽ mở rộng đường Bà Triệu (từ Nguyễn Du đến Trần Khát Chân) trong năm nay."
    found = names(run(text))
    assert found["Nguyễn Du"] == found["Trần Khát Chân"] == "Location"
    found = names(run("Kẹt xe tại ngã tư Lý Thái Tổ - Nguyễn Đình Chiểu kéo dài hai giờ."))
    assert found["Nguyễn Đình Chiểu"] == "Location"
    found = names(run("Khởi công đường Vành Đai (NLĐ)- Sáng 5-9, lãnh đạo thành phố đã dự."))
    assert "Sáng" not in found  # one Vietnamese syllable names no street


def test_the_street_word_is_looked_up_only_at_a_word_one_starts_with(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract import street_lists

    asked: list[str] = []
    original = street_lists._street_word

    def counting(tokens, k):  # type: ignore[no-untyped-def]
        asked.append(tokens[k].key)
        return original(tokens, k)

    monkeypatch.setattr(street_lists, "_street_word", counting)
    text = "Kẹt xe ở ngã tư Lý Thái Tổ - Nguyễn Đình Chiểu và trên đường Kim Mã, Hào Nam hôm qua."
    found = names(run(text))
    assert found["Nguyễn Đình Chiểu"] == found["Hào Nam"] == "Location"  # the rule still reads both
    assert asked and set(asked) <= {"ngã", "đường"}  # not every word of the sentence
