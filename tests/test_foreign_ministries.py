"""A foreign ministry whose name lists several fields before its country is one body (Bộ Giáo dục
và Khoa học Lào), never cut to its first field nor read as a Vietnamese ministry."""

from __future__ import annotations

import pytest
from helpers import names, run


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Đoàn công tác của Bộ Giáo dục và Thể thao Lào đã tới thăm trường.", "Bộ Giáo dục và Thể thao Lào"),
        ("Bộ Thương mại và Công nghiệp Singapore vừa công bố.", "Bộ Thương mại và Công nghiệp Singapore"),
        (
            "Đại diện Bộ Kinh tế, Thương mại và Công nghiệp Nhật Bản đã phát biểu.",
            "Bộ Kinh tế, Thương mại và Công nghiệp Nhật Bản",
        ),
    ],
)
def test_a_foreign_ministry_of_several_fields_is_one_body(text: str, body: str) -> None:
    got = names(run(text))
    assert got.get(body) == "StateAgency", got
    assert "Bộ Giáo dục và Đào tạo" not in got and "Bộ Thương mại" not in got and "Bộ Kinh tế" not in got, got


def test_two_ministries_sharing_their_head_stay_two() -> None:
    got = names(run("Bộ Thương mại và Tài chính đã họp với doanh nghiệp."))
    assert "Bộ Thương mại và Tài chính" not in got, got


@pytest.mark.parametrize(
    "text",
    [
        "Bộ Ngoại giao Việt Nam và Nhật Bản đã ký biên bản.",  # two countries' ministries
        "Bộ Thương mại và Hoa Kỳ đã đạt thỏa thuận.",  # a body and a country
    ],
)
def test_a_country_after_a_connector_alone_is_no_field(text: str) -> None:
    got = names(run(text))
    assert not any(" và " in name and name.startswith("Bộ") for name in got), got
