"""Administrative units from the official register: locatedIn when the register settles it."""

from __future__ import annotations

from helpers import run, triples

from kgraph.extract.gazetteer import lies_in, units


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
        found = [Found(0, 6, "Hà Nội", Group.PLACE, "Location", 0, key="place|a"),
                 Found(0, 3, "Hà", Group.PLACE, "Location", 0, key="place|b")]

    class Context:
        sentences = [State()]

    rule_gazetteer_located_in(Context())  # type: ignore[arg-type]  # overlapping places: no error
