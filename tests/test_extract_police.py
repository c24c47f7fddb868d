"""A police force named by its branch is a body where it acts or is acted on, never a person's or a
unit's description; a broadcaster's hyphenated acronym is one name."""

from __future__ import annotations

import pytest
from helpers import names, run


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Cảnh sát giao thông đã lập biên bản hai xe tải chở quá tải.", "Cảnh sát giao thông"),
        ("Chiếc xe khách bị CSGT tạm giữ tại trạm thu phí.", "CSGT"),
        ("Theo cảnh sát đường thủy, chiếc ghe chở cát đã chìm.", "cảnh sát đường thủy"),
    ],
)
def test_a_police_force_that_acts_is_a_body(text: str, name: str) -> None:
    assert names(run(text)).get(name) == "StateAgency", names(run(text))


@pytest.mark.parametrize(
    "text",
    [
        "Xe bị CSGT tạm giữ; hai chiến sĩ cảnh sát cơ động bị thương khi làm nhiệm vụ.",
        "Xe bị CSGT tạm giữ; anh Lê Văn Tú mặc đồng phục cảnh sát cơ động để lừa tài xế.",
    ],
)
def test_a_police_branch_after_a_noun_is_no_body(text: str) -> None:
    got = names(run(text))
    assert got.get("CSGT") == "StateAgency", got
    assert not [n for n in got if "cơ động" in n.lower()], got


def test_a_broadcasters_hyphenated_acronym_is_one_name() -> None:
    assert "Đài PT-TH Kon Tum" in names(run("Đài PT-TH Kon Tum đã phát sóng trực tiếp lễ hội.")), names(
        run("Đài PT-TH Kon Tum đã phát sóng trực tiếp lễ hội.")
    )
