"""A post title that runs into its body: the body's head is written in the title (Trưởng đoàn
ĐBQH tỉnh) or in lower case right after it (Trưởng ban tuyên giáo Huyện ủy)."""

from __future__ import annotations

import pytest
from helpers import names, run, triples


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Ông Lê Văn Hai, Trưởng đoàn ĐBQH tỉnh, phát biểu.", "Đoàn đại biểu Quốc hội tỉnh"),
        ("Ông Lê Văn Hai, Phó Chánh Thanh tra Sở Tư pháp, phát biểu.", "Thanh tra Sở Tư pháp"),
        ("Ông Lê Hai, Trưởng ban tuyên giáo Huyện ủy Kim Sơn, dự.", "Ban Tuyên giáo Huyện ủy Kim Sơn"),
        ("Bà Phạm Thị Ba, Chánh Văn phòng Tỉnh ủy, phát biểu.", "Văn phòng Tỉnh ủy"),
    ],
)
def test_the_body_in_a_title_is_found_and_the_person_is_its_member(text: str, body: str) -> None:
    x = run(text)
    assert body in {n for n in names(x)} | {n.lower() for n in names(x)}, names(x)
    assert any(p == "memberOf" and o.lower() == body.lower() for _, p, o in triples(x)), triples(x)


def test_a_rank_in_a_title_is_no_body() -> None:
    got = names(run("Ông Lê Văn Hai, Phó Bí thư Thường trực Tỉnh ủy, phát biểu."))
    assert "Thường trực Tỉnh ủy" not in got


def test_a_leader_named_after_the_title_is_no_body() -> None:
    got = names(run("Trưởng đoàn Nguyễn Văn Tám phát biểu."))
    assert got == {"Nguyễn Văn Tám": "Person"}


def test_a_title_word_repeated_by_the_body_is_the_title() -> None:
    got = names(run("Ông Đinh Văn Lung, nguyên Trưởng ban Ban Dân tộc, đã nghỉ hưu."))
    assert "Ban Ban Dân tộc" not in got and "ban Ban Dân tộc" not in got
