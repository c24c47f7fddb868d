"""The Youth Union of a province, district or city has its own word, as a Party committee does
(Đảng ủy tỉnh X is Tỉnh ủy X): Đoàn TNCS Hồ Chí Minh tỉnh X is Tỉnh Đoàn X, one node."""

from __future__ import annotations

from helpers import run


def _unions(text: str) -> list[str]:
    x = run(text)
    return sorted(e.label for e in x.entities.values() if e.kind == "MassOrganization")


def test_the_union_of_a_province_written_in_full_or_by_its_own_word_is_one_node() -> None:
    got = _unions(
        "Đoàn TNCS Hồ Chí Minh tỉnh Sóc Trăng tổ chức lễ ra quân tình nguyện hè. Ông Lâm Văn Tài, Bí thư "
        "Tỉnh Đoàn Sóc Trăng, phát biểu tại buổi lễ."
    )
    assert len(got) == 1, got


def test_the_committee_of_a_district_union_is_one_node_either_way() -> None:
    got = _unions(
        "Ban Chấp hành Đoàn Thanh niên Cộng sản Hồ Chí Minh huyện Cờ Đỏ họp phiên thứ hai. Ban Chấp hành "
        "Huyện Đoàn Cờ Đỏ đã bầu Ban Thường vụ."
    )
    assert len([g for g in got if g.startswith("Ban Chấp hành")]) == 1, got


def test_two_provinces_unions_stay_two() -> None:
    got = _unions("Đoàn TNCS Hồ Chí Minh tỉnh Sóc Trăng và Tỉnh Đoàn Bạc Liêu ký kết giao ước thi đua.")
    assert len(got) == 2, got
