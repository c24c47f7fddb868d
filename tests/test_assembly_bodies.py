"""The National Assembly's council and committees by their whole spelling, their fields in any case
(as news writes them): one node each, never cut to 'Ủy ban' + a word with 'Quốc hội' apart."""

from __future__ import annotations

import pytest
from helpers import labels, names, run


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Ủy ban các vấn đề xã hội của Quốc hội đã thẩm tra dự án luật.",
            "Ủy ban Các vấn đề xã hội của Quốc hội",
        ),
        ("Hội đồng dân tộc của Quốc hội họp phiên thứ hai.", "Hội đồng Dân tộc của Quốc hội"),
        (
            "Theo bà Hà Thị Khiết, Phó chủ tịch Hội đồng Dân tộc, luật cần sửa.",
            "Hội đồng Dân tộc của Quốc hội",
        ),
        ("Ủy ban Pháp luật của QH cho rằng cần sửa luật.", "Ủy ban Pháp luật của Quốc hội"),
    ],
)
def test_an_assembly_body_spelled_in_any_case_is_one_node(text: str, label: str) -> None:
    x = run(text)
    assert label in labels(x), labels(x)
    assert names(x)[label] == "StateAgency"


def test_a_committee_by_its_older_spelling_and_the_person_after_it() -> None:
    x = run(
        "Chủ nhiệm Ủy ban Văn hóa giáo dục thanh thiếu niên nhi đồng của Quốc hội Vũ Thị Ba đã phát biểu."
    )
    assert "Ủy ban Văn hóa, Giáo dục, Thanh niên, Thiếu niên và Nhi đồng của Quốc hội" in labels(x), labels(x)
    assert names(x).get("Vũ Thị Ba") == "Person", names(x)


def test_a_council_and_a_list_after_it_stay_apart() -> None:
    x = run("Hội đồng dân tộc và các ủy ban của Quốc hội đã họp phiên toàn thể.")
    assert "Hội đồng Dân tộc của Quốc hội" in labels(x), labels(x)
    assert not [n for n in names(x) if n.endswith(" và")], names(x)
