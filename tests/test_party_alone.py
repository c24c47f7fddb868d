"""The Party named alone after a word that takes it whole (xây dựng Đảng, toàn Đảng), not after a
noun it qualifies (tổ chức cơ sở Đảng, Điều lệ Đảng)."""

from __future__ import annotations

import pytest
from helpers import names, run


@pytest.mark.parametrize(
    "text",
    [
        "Hội nghị bàn về công tác xây dựng Đảng và hệ thống chính trị.",  # the Party, built
        "Cần đẩy mạnh xây dựng và chỉnh đốn Đảng trong giai đoạn mới.",
        "Toàn Đảng, toàn dân và toàn quân ra sức thi đua.",  # the whole Party
        "Lễ kỷ niệm 80 năm ngày thành lập Đảng được tổ chức trọng thể.",
        "Cả Đảng và Chính phủ đều quan tâm tới vấn đề này.",
    ],
)
def test_the_party_taken_whole_by_the_word_before_it_is_a_body(text: str) -> None:
    assert names(run(text)).get("Đảng") == "PartyOrganization"


@pytest.mark.parametrize(
    "text",
    [
        "Điều lệ Đảng quy định rõ nhiệm vụ của chi bộ.",  # a noun the Party qualifies
        "Các cấp ủy Đảng phải kiểm điểm nghiêm túc.",
        "Toàn bộ đảng viên đã tham gia.",  # toàn bộ: a word, and đảng viên a word
    ],
)
def test_the_party_qualifying_a_noun_stays_unread(text: str) -> None:
    assert "Đảng" not in names(run(text))
