"""Administrative units from the official register: locatedIn when the register settles it."""

from __future__ import annotations

from helpers import run, triples

from kgraph.extract.gazetteer import level_word_before, lies_in, units, written_level


def test_units_before_and_after_2025() -> None:
    periods = {(u.period, u.level) for u in units("Ba Đình")}
    assert ("until-2025-07", "quận") in periods  # a district until 2025
    assert ("from-2025-07", "phường") in periods  # a ward of Hà Nội after
    assert any(u.code == "01" and u.level == "thành phố" for u in units("Hà Nội"))


def test_a_commune_lies_in_its_district_when_the_register_says_so() -> None:
    x = run("Người dân phường Phúc Xá, quận Ba Đình, Hà Nội đã tham gia.")
    got = triples(x)
    assert ("Phúc Xá", "locatedIn", "Ba Đình") in got
    assert ("Ba Đình", "locatedIn", "Hà Nội") in got


def test_no_located_in_the_register_does_not_settle() -> None:
    assert not lies_in("Phúc Xá", "Đà Nẵng")
    x = run("Đoàn đã đến Đà Nẵng, Hà Nội và Huế.")
    assert not any(p == "locatedIn" for _, p, _ in triples(x))


def test_a_list_of_provinces_is_no_located_in() -> None:
    # after 2025 a ward of one province bears another former province's name
    assert any(u.level == "phường" for u in units("Bắc Giang"))
    assert not lies_in("Bắc Giang", "Bắc Ninh")


def test_a_place_at_the_end_of_a_sentence_is_read_safely() -> None:
    from kgraph.extract.gazetteer import rule_gazetteer_located_in
    from kgraph.extract.state import Found, Group

    class Sentence:
        text, start = "Hà Nội", 0

    class State:
        sentence, text, base = Sentence(), "Hà Nội", 0
        found = [
            Found(0, 6, "Hà Nội", Group.PLACE, "Location", 0, key="place|a"),
            Found(0, 3, "Hà", Group.PLACE, "Location", 0, key="place|b"),
        ]

    class Context:
        sentences = [State()]

    rule_gazetteer_located_in(Context())  # type: ignore[arg-type]  # overlapping places: no error


def test_a_numbered_ward_lies_in_its_numbered_district() -> None:
    got = triples(run("Người dân phường 4, quận 8 đã nhận tiền hỗ trợ."))
    assert ("phường 4", "locatedIn", "quận 8") in got


def test_units_written_short_lie_in_the_next_unit() -> None:
    got = triples(run("Ông Ba ngụ tại P.25, Q.Bình Thạnh, TP.HCM từ lâu."))
    assert ("P.25", "locatedIn", "Bình Thạnh") in got
    assert ("Bình Thạnh", "locatedIn", "Thành phố Hồ Chí Minh") in got


def test_a_list_of_numbered_districts_is_no_located_in() -> None:
    # quận 3 holds a phường 1, but 'quận 1, quận 3' lists two districts
    x = run("Các trường ở quận 1, quận 3 và Q.5 đều nghỉ học.")
    assert not any(p == "locatedIn" for _, p, _ in triples(x))


def test_the_level_word_before_a_place_is_read_once_for_its_level_and_its_offset() -> None:
    text = "Cán bộ thị trấn Đông Anh và TP. Vinh, ở Q. Gò Vấp; ông Lawrence H. Summers đến."
    first, level = level_word_before(text, text.index("Đông Anh"))
    assert (first is not None and first.start, level) == (text.index("thị trấn"), "thị trấn")
    first, level = level_word_before(text, text.index("Vinh"))
    assert (first is not None and first.text, level) == ("TP", "thành phố")
    first, level = level_word_before(text, text.index("Gò Vấp"))
    assert (first is not None and first.text, level) == ("Q", "quận")
    assert level_word_before(text, text.index("Summers")) == (None, "")  # a name's initial
    assert level_word_before(text, text.index("Cán")) == (None, "")
    assert written_level(text, text.index("Vinh")) == "thành phố"
