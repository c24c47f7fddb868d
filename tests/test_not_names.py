"""Tagged spans that are no name: products, fields of study, seasons, units (extract.not_names)."""

from __future__ import annotations

import pytest

from kgraph.extract.lexicon import lexicon
from kgraph.extract.tagger import Tagged, plausible
from kgraph.extract.tokens import Token, tokenize


def _span(text: str, name: str, label: str) -> tuple[list[Token], Tagged]:
    tokens = tokenize(text)
    words = [w.text for w in tokenize(name)]
    i = next(k for k in range(len(tokens)) if [t.text for t in tokens[k : k + len(words)]] == words)
    return tokens, Tagged(i, i + len(words), label, 0.95)


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Khách trúng thưởng nhận thẻ Visa Platinum và một chuyến đi.", "Visa Platinum", "ORG"),
        ("Cô ấy dùng nước hoa Chanel Allure mỗi ngày.", "Chanel Allure", "ORG"),
        ("Giải nhất là một xe Yamaha Sirius đời mới.", "Yamaha Sirius", "ORG"),
        ("Em muốn học ngành Quản trị Kinh doanh ở Cần Thơ.", "Quản trị Kinh doanh", "ORG"),
        ("Sinh viên theo chương trình Cử nhân Tài chính được cấp bằng.", "Cử nhân Tài chính", "ORG"),
        ("Trường nhận hồ sơ cho lớp Thiết kế Đồ họa từ tháng 5.", "Thiết kế Đồ họa", "LOC"),
        ("Trường tuyển sinh vào Mùa Thu và Mùa Đông.", "Mùa Đông", "LOC"),
        ("Giá bán lẻ bình quân là 1.200 đồng/KWh từ tháng sau.", "KWh", "LOC"),
    ],
)
def test_a_product_a_field_a_season_or_a_unit_is_no_name(text: str, name: str, label: str) -> None:
    tokens, t = _span(text, name, label)
    assert not plausible(tokens, t, lexicon())


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Ông làm việc cho hãng Boeing tại Seattle.", "Seattle", "LOC"),
        ("Vụ việc được đưa ra Hội đồng Trọng tài Quốc tế xem xét.", "Hội đồng Trọng tài Quốc tế", "ORG"),
        ("Ông Peter Brown đến thăm trường.", "Peter Brown", "PER"),
    ],
)
def test_names_stay_names(text: str, name: str, label: str) -> None:
    tokens, t = _span(text, name, label)
    assert plausible(tokens, t, lexicon())


def test_a_name_closed_by_an_english_body_word_is_an_organisation() -> None:
    from helpers import names, run

    found = names(run("Gói thầu do nhà thầu Takamura Corporation (Nhật Bản) thực hiện."))
    assert found["Takamura Corporation"] == "Organization"
    assert found["Nhật Bản"] == "Location"
