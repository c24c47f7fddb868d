"""Divisions (Phòng) of a district's People's Committee, a department, a police force or a school:
a name only with the place, level or parent body it belongs to; 'Phòng chống' (prevent) is none."""

from __future__ import annotations

import pytest
from helpers import names, run


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Theo Phòng GD-ĐT huyện Nhà Bè, năm nay có 12 trường mới.", "Phòng GD-ĐT huyện Nhà Bè"),
        ("Ông Lý Văn Kha, Trưởng Phòng Nội vụ huyện Củ Chi, cho biết.", "Phòng Nội vụ huyện Củ Chi"),
        (
            "Phòng Cảnh sát kinh tế Công an tỉnh Long An đã lập hồ sơ.",
            "Phòng Cảnh sát kinh tế Công an tỉnh Long An",
        ),
        ("Phòng Đào tạo Trường ĐH Cần Thơ đã công bố lịch thi.", "Phòng Đào tạo Trường ĐH Cần Thơ"),
    ],
)
def test_a_division_named_with_its_place_or_parent_is_a_body(text: str, name: str) -> None:
    assert name in names(run(text)), names(run(text))


@pytest.mark.parametrize(
    "text",
    [
        "Phòng chống tham nhũng là nhiệm vụ của cả hệ thống chính trị.",
        "Phòng ngừa dịch bệnh cho đàn gia súc là việc cấp bách.",
    ],
)
def test_prevent_is_no_division(text: str) -> None:
    assert not [n for n in names(run(text)) if n.lower().startswith("phòng")], names(run(text))


def test_a_division_alone_is_no_name() -> None:
    got = names(run("Ông Hồ Văn Lâm, Trưởng phòng Tổng Công ty Xây dựng Sài Gòn, cho biết."))
    assert not [n for n in got if n.lower().startswith("phòng")], got


def test_prevent_inside_a_centres_name_joins_its_fields() -> None:
    text = "Trung tâm Quan trắc môi trường và Phòng ngừa dịch bệnh thủy sản vừa cảnh báo."
    assert "Trung tâm Quan trắc môi trường và Phòng ngừa dịch bệnh thủy sản" in names(run(text)), names(
        run(text)
    )
