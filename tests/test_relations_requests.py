"""Requests, conditions, denials and plans are not facts: their relations keep the modality
the sentence gives them (``Relation.modality``), so only stated relations become plain triples."""

from __future__ import annotations

from helpers import run, triples

from kgraph.model import Extraction


def moods(x: Extraction) -> dict[tuple[str, str, str], set[str]]:
    """(subject label, predicate, object label) -> the modalities it was read with."""
    out: dict[tuple[str, str, str], set[str]] = {}
    for r in x.relations:
        key = (x.entities[r.subject].label, r.predicate, x.entities[r.object].label)
        out.setdefault(key, set()).add(r.modality)
    return out


def test_a_stated_order_stays_asserted() -> None:
    x = run("Tỉnh ủy Nghệ An đã chỉ đạo Ban Tuyên giáo Tỉnh ủy tổng kết công tác tuyên truyền.")
    assert moods(x)[("Tỉnh ủy Nghệ An", "directs", "Ban Tuyên giáo Tỉnh ủy Nghệ An")] == {"asserted"}


def test_de_nghi_chi_dao_is_a_request() -> None:
    x = run(
        "UBND tỉnh Quảng Nam đề nghị Bộ Nông nghiệp và Phát triển nông thôn chỉ đạo "
        "Tổng cục Thủy lợi sớm hỗ trợ kinh phí sửa chữa hồ chứa."
    )
    got = moods(x)
    assert got[("Bộ Nông nghiệp và Phát triển nông thôn", "directs", "Tổng cục Thủy lợi")] == {"requested"}


def test_kien_nghi_chi_dao_is_a_request() -> None:
    x = run("Hội đồng nhân dân tỉnh Bình Định kiến nghị Chính phủ chỉ đạo Bộ Tài chính bố trí vốn cho dự án.")
    assert moods(x)[("Chính phủ", "directs", "Bộ Tài chính")] == {"requested"}


def test_neu_co_chi_dao_is_a_condition() -> None:
    x = run("Nếu Chính phủ có chỉ đạo thì Bộ Công Thương sẽ điều chỉnh giá điện.")
    assert moods(x)[("Chính phủ", "directs", "Bộ Công Thương")] == {"conditional"}


def test_khong_chi_dao_is_a_denial() -> None:
    x = run("Sở Tài chính tỉnh Long An không chỉ đạo Kho bạc Nhà nước tỉnh tạm dừng chi trả.")
    assert moods(x)[("Sở Tài chính tỉnh Long An", "directs", "Kho bạc Nhà nước tỉnh Long An")] == {"negated"}


def test_chua_trien_khai_is_a_denial() -> None:
    x = run("Đến nay, Ủy ban nhân dân huyện Kỳ Sơn vẫn chưa triển khai Kế hoạch số 45-KH/UBND của tỉnh.")
    got = moods(x)
    assert got[("Ủy ban nhân dân huyện Kỳ Sơn", "implements", "Kế hoạch 45-KH/UBND")] == {"negated"}


def test_se_chi_dao_is_a_plan() -> None:
    x = run(
        "Thời gian tới, Ban Thường vụ Tỉnh ủy Nghệ An sẽ chỉ đạo Ban Tuyên giáo Tỉnh ủy "
        "tổng kết công tác tuyên truyền."
    )
    got = moods(x)
    assert got[("Ban Thường vụ Tỉnh ủy Nghệ An", "directs", "Ban Tuyên giáo Tỉnh ủy Nghệ An")] == {"planned"}


def test_du_kien_to_chuc_is_a_plan() -> None:
    x = run(
        "Dự kiến, Hội Nông dân tỉnh Yên Bái sẽ tổ chức Đại hội đại biểu Hội Nông dân tỉnh lần thứ X "
        "vào tháng 7."
    )
    organizes = {k: v for k, v in moods(x).items() if k[1] == "organizes"}
    assert list(organizes.values()) == [{"planned"}]


def test_a_condition_does_not_reach_the_next_sentence() -> None:
    x = run(
        "Nếu Chính phủ có chỉ đạo thì Bộ Xây dựng sẽ nghiên cứu lại. "
        "Bộ Xây dựng đã chỉ đạo Viện Kiến trúc Quốc gia rà soát."
    )
    got = moods(x)
    assert got[("Bộ Xây dựng", "directs", "Viện Kiến trúc Quốc gia")] == {"asserted"}


def test_an_article_of_requests_conditions_denials_and_plans() -> None:
    x = run(
        "Tỉnh ủy Hà Tĩnh đã chỉ đạo Ban Tuyên giáo Tỉnh ủy tổ chức tuyên truyền. "
        "UBND tỉnh Hà Tĩnh đề nghị Bộ Y tế chỉ đạo Bệnh viện Bạch Mai hỗ trợ chuyên môn. "
        "Nếu Bộ Tài chính có chỉ đạo thì Kho bạc Nhà nước tỉnh Hà Tĩnh sẽ tạm ứng kinh phí. "
        "Sở Y tế tỉnh Hà Tĩnh chưa chỉ đạo Bệnh viện Đa khoa tỉnh Hà Tĩnh mua sắm. "
        "Tháng tới, UBND tỉnh Hà Tĩnh sẽ chỉ đạo Sở Nội vụ tỉnh Hà Tĩnh rà soát biên chế.",
        title="Hà Tĩnh chủ động phòng, chống dịch",
    )
    got = moods(x)
    asserted = {k for k, v in got.items() if v == {"asserted"} and k[1] == "directs"}
    assert asserted == {("Tỉnh ủy Hà Tĩnh", "directs", "Ban Tuyên giáo Tỉnh ủy Hà Tĩnh")}
    others = {v2 for k, v in got.items() if k[1] == "directs" for v2 in v} - {"asserted"}
    assert others == {"requested", "conditional", "negated", "planned"}
    assert ("Tỉnh ủy Hà Tĩnh", "directs", "Ban Tuyên giáo Tỉnh ủy Hà Tĩnh") in triples(x)
