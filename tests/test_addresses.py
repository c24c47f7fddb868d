"""Street addresses: a house number and its street are one place (Location), named with and without
the ward, district and city written after them; the units stay places of their own."""

from __future__ import annotations

import pytest
from helpers import labels, names, run, triples

from kgraph.extract.names import GLUED_UNIT, NUMBERED_LETTERS, day_and_month
from kgraph.text import LEVEL_LETTERS


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("Khách sạn Hoa Mai: 25 Lê Văn Sỹ - Q.3 - TP.HCM - ĐT: 8123 456.", "25 Lê Văn Sỹ"),
        ("Văn phòng đặt tại 48/12 Hoàng Diệu, P.12, Q.4, TP.HCM.", "48/12 Hoàng Diệu"),
        ("Cửa hàng mở ở 15 - 17 Hai Bà Trưng, Hà Nội từ tháng trước.", "15 - 17 Hai Bà Trưng"),
        ("Trụ sở mới của hội ở 1532 Âu Cơ, quận Tân Phú.", "1532 Âu Cơ"),
        ("Liên hệ: 7B Trần Cao Vân, Q.1 để đăng ký.", "7B Trần Cao Vân"),
        ("Gia đình chị ở 12 bis Nguyễn Thị Diệu, quận 3.", "12 bis Nguyễn Thị Diệu"),
        ("Nhà văn hóa (số 9 Phan Bội Châu) mở cửa cả tuần.", "9 Phan Bội Châu"),
        ("Nhà văn hóa (số 9 Phan Bội Châu) mở cửa cả tuần.", "số 9 Phan Bội Châu"),
        ("Lớp học đặt ở 182 Lương Thế Vinh, quận Thanh Xuân.", "182 Lương Thế Vinh"),
        ("Liên hệ: 88 Lê Lợi Quy Nhơn, ĐT: 056 812 345.", "88 Lê Lợi"),
        ("Liên hệ: 88 Lê Lợi Quy Nhơn, ĐT: 056 812 345.", "88 Lê Lợi Quy Nhơn"),
        ("Văn phòng hãng ở 190 Pasteur, Q.3 mở cửa từ 8 giờ.", "190 Pasteur"),
        ("Cửa hàng sách Hải Âu 127-129 Lê Lợi, Q.1 mở cửa cả ngày.", "127-129 Lê Lợi"),
        ("Văn phòng ở 430 Bàu Cát 8, P.14, Q. Tân Bình.", "430 Bàu Cát 8"),
        ("Liên hệ: A2-3 XVNT, P25, Q.BT để được tư vấn.", "A2-3 XVNT"),
    ],
)
def test_a_house_number_and_its_street_are_one_place(text: str, street: str) -> None:
    got = names(run(text))
    assert got.get(street) == "Location", got


@pytest.mark.parametrize(
    ("text", "forms", "units"),
    [
        (
            "Khách sạn Hoa Mai: 25 Lê Văn Sỹ - Q.3 - TP.HCM - ĐT: 8123 456.",
            {"25 Lê Văn Sỹ - Q.3", "25 Lê Văn Sỹ - Q.3 - TP.HCM"},
            {"Q.3"},
        ),
        (
            "Văn phòng đặt tại 48/12 Hoàng Diệu, P.12, Q.4, TP.HCM.",
            {"48/12 Hoàng Diệu, P.12", "48/12 Hoàng Diệu, P.12, Q.4", "48/12 Hoàng Diệu, P.12, Q.4, TP.HCM"},
            {"P.12", "Q.4"},
        ),
        (
            "Hồ sơ nộp tại 561/12 Lê Quang Định, phường 1, quận Gò Vấp trước thứ sáu.",
            {"561/12 Lê Quang Định, phường 1", "561/12 Lê Quang Định, phường 1, quận Gò Vấp"},
            {"phường 1"},
        ),
        (
            "Đại lý vé: 32/8 Đặng Văn Ngữ, P.10, Q.Phú Nhuận; 77 Hai Bà Trưng, Q.1.",
            {"32/8 Đặng Văn Ngữ, P.10", "32/8 Đặng Văn Ngữ, P.10, Q.Phú Nhuận"},
            {"P.10"},
        ),
        (
            "Thư gửi về: 64/7 Nguyễn Trãi Q5, TP.HCM.",
            {"64/7 Nguyễn Trãi Q5", "64/7 Nguyễn Trãi Q5, TP.HCM"},
            set(),
        ),
        (
            "Mời bạn đọc đến số 30 Kim Mã, Ba Đình, Hà Nội (ĐT: 04.7261111) để nhận quà.",
            {"30 Kim Mã, Ba Đình", "30 Kim Mã, Ba Đình, Hà Nội"},
            {"Ba Đình", "Hà Nội"},
        ),
    ],
)
def test_the_address_is_also_named_with_its_units_and_they_stay_places(
    text: str, forms: set[str], units: set[str]
) -> None:
    x = run(text)
    street = next(e for e in x.entities.values() if e.label[0].isdigit())
    assert forms <= set(street.aliases), street
    assert not any("ĐT" in a or "(" in a or "để" in a for a in street.aliases), street
    got = names(x)
    assert all(got.get(u) == "Location" for u in units), got


@pytest.mark.parametrize(
    "text",
    [
        "Các mốc đời ông: 1975 Nguyễn Văn Bình về quê dạy học.",
        "Lịch tiếp dân: 15/3 Nguyễn Văn Bình, 16/3 Trần Văn Hùng.",
        "Đoàn gồm: 3 Phó chủ tịch tỉnh, 2 Bộ trưởng.",
        "Kết quả: 2 Hà Nội, 1 Đà Nẵng.",
        "Giá vé: 5 USD, trẻ em: 3 USD; trường nhận 360 SV.",
        "Lịch nghỉ: 25 Tết Nguyên đán đến mùng 5.",
        "Số liệu quý: 1-2006 Liên hiệp các hội tăng 5%.",
        "Lịch thi (12-2 Âm lịch) Nguyễn Văn Bình báo trước.",
        "Danh sách: 200 Trường ĐHSP TP.HCM, 500 Trường CĐSP.",
        "Xếp hạng: 12 Việt Nam, 15 Thái Lan.",
    ],
)
def test_a_year_a_date_or_a_count_before_a_name_is_no_address(text: str) -> None:
    got = labels(run(text), "Location")
    assert not any(label[0].isdigit() for label in got), got


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Giải nhì: Nguyen Van Binh (17 tuoi, ha tinh, hoc sinh).", "ha tinh"),
        ("Giải ba: Le Thi Mai (hoc sinh, dak lak).", "dak lak"),
        ("Em muon hoc nganh y? (Tran Van An, 18 tuổi, Nam, ha tinh, hoc sinh)", "ha tinh"),
        ("Dia chi lien he: 12 Tran Phu, bao loc, lam dong.", "bao loc"),
        ("Nha em o 5 Le Loi, quan go vap, hoc lop 12.", "quan go vap"),
        ("Dia chi lien he: 12 Tran Phu, bao loc, lam dong.", "lam dong"),
    ],
)
def test_a_province_or_a_district_without_diacritics_in_unaccented_text(text: str, place: str) -> None:
    got = names(run(text))
    assert got.get(place) == "Location", got


def test_an_unaccented_address_is_named_with_its_unaccented_units() -> None:
    x = run("Dia chi lien he: 12 Tran Phu, bao loc, lam dong.")
    assert "12 Tran Phu, bao loc, lam dong" in names(x), names(x)


@pytest.mark.parametrize(
    "text",
    [
        "Nhãn hàng dong nai được bán ở chợ Bến Thành.",  # accented prose: no unaccented match
        "Giải ba: Tran Thanh Hoa (20 tuoi, hoc sinh).",  # a person's name, not Thanh Hóa
        "Giải ba: Pham Quang Nam (20 tuoi, hoc sinh).",  # nor Quảng Nam
    ],
)
def test_an_unaccented_place_name_needs_unaccented_text_and_a_boundary(text: str) -> None:
    got = {label.lower() for label in labels(run(text), "Location")}
    assert not got & {"dong nai", "thanh hoa", "quang nam"}, got


def test_an_address_lies_in_the_unit_written_after_it() -> None:
    x = run("Văn phòng đặt tại 48/12 Hoàng Diệu, P.12, Q.4, TP.HCM.")
    assert ("48/12 Hoàng Diệu", "locatedIn", "P.12") in triples(x), triples(x)


def test_an_address_reads_only_the_places_inside_it_not_every_place_of_the_article(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract import sites

    class NoScan(dict):  # type: ignore[type-arg]
        def values(self):  # type: ignore[no-untyped-def]
            raise AssertionError("every place of the article read for one address")

    real = sites._address_forms

    def guarded(f, text, places, *rest):  # type: ignore[no-untyped-def]
        return real(f, text, NoScan(places), *rest)

    monkeypatch.setattr(sites, "_address_forms", guarded)
    x = run("Văn phòng đặt tại 48/12 Hoàng Diệu, P.12, Q.4, TP.HCM. Chi nhánh ở 7B Trần Cao Vân, Q.1.")
    found = labels(x)
    assert "48/12 Hoàng Diệu" in found and "7B Trần Cao Vân" in found


@pytest.mark.parametrize(
    ("parts", "date"),
    [
        (["15", "3"], True),  # ngày 15/3: a day and a month
        (["31", "12"], True),
        (["32", "3"], False),  # no day
        (["15", "13"], False),  # no month
        (["12A", "2"], False),  # a house number's letter
        (["14", "11", "187"], False),  # three parts
    ],
)
def test_a_number_of_two_parts_can_be_a_day_and_a_month(parts: list[str], date: bool) -> None:
    assert day_and_month(parts) is date


def test_the_level_letters_are_one_list_the_numbered_ones_among_them() -> None:
    # levels.tsv: the capitals that abbreviate a level word; the numbered levels' are a unit's letter
    assert LEVEL_LETTERS == {"Q": "quận", "P": "phường", "F": "phường", "H": "huyện"}
    assert NUMBERED_LETTERS == {"Q", "P", "F"}  # quận 3, phường 12; no huyện is numbered
    assert [bool(GLUED_UNIT.fullmatch(t)) for t in ("P4", "Q10", "F17", "H4", "Q123", "p4")] == [
        True,
        True,
        True,
        False,
        False,
        False,
    ]
