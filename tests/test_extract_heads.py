"""Heads that start a body outside the Party and state grammar: old provincial services (Ty),
publishers, hotels, airlines, state farms, factories, foreign parliaments and embassies,
museums, cooperatives, art troupes; the army spelled in full."""

from __future__ import annotations

import pytest
from helpers import names, run

from kgraph.extract.lexicon import lexicon
from kgraph.extract.names import head_at, match_head
from kgraph.extract.tokens import tokenize


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Ông Trần Văn Bình từng là Trưởng Ty Giao thông tỉnh Nghệ Tĩnh.",
            "Ty Giao thông tỉnh Nghệ Tĩnh",
            "StateAgency",
        ),
        ("Nhà xuất bản Kim Đồng vừa phát hành bộ truyện mới.", "Nhà xuất bản Kim Đồng", "Organization"),
        ("Đoàn khách nghỉ tại Khách sạn Sheraton.", "Khách sạn Sheraton", "Enterprise"),
        (
            "Hãng hàng không Jetstar Pacific mở đường bay mới.",
            "Hãng hàng không Jetstar Pacific",
            "Enterprise",
        ),
        (
            "Ông Lê Văn Tám, Giám đốc Nông trường Sông Hậu, cho biết lúa đã chín.",
            "Nông trường Sông Hậu",
            "Enterprise",
        ),
        ("Lâm trường Kon Hà Nừng đã trồng mới 200 ha rừng.", "Lâm trường Kon Hà Nừng", "Enterprise"),
        ("Xí nghiệp Xe buýt Sài Gòn tăng chuyến trong dịp Tết.", "Xí nghiệp Xe buýt Sài Gòn", "Enterprise"),
        ("Nhà máy Xi măng Hoàng Thạch tạm dừng một lò nung.", "Nhà máy Xi măng Hoàng Thạch", "Enterprise"),
        ("Chủ tịch Thượng nghị viện Pháp đã tiếp đoàn.", "Thượng nghị viện Pháp", "StateAgency"),
        ("Đại sứ quán Việt Nam tại Lào tổ chức mít tinh.", "Đại sứ quán Việt Nam tại Lào", "Organization"),
        ("Đoàn học sinh thăm Bảo tàng Hồ Chí Minh.", "Bảo tàng Hồ Chí Minh", "Organization"),
        (
            "Hợp tác xã Nông nghiệp Đông Hòa chia lãi cho xã viên.",
            "Hợp tác xã Nông nghiệp Đông Hòa",
            "Enterprise",
        ),
        ("Đêm qua, Đoàn chèo Hải Phòng biểu diễn ở nhà văn hóa xã.", "Đoàn chèo Hải Phòng", "Organization"),
        (
            "Ông Phạm Văn Hùng, Giám đốc Cty Thái Bình Dương, đã bồi thường.",
            "Cty Thái Bình Dương",
            "Enterprise",
        ),
        # a school written with the older initials PTTH (phổ thông trung học)
        ("Thầy giáo Trường PTTH Chu Văn An đã nghỉ hưu.", "Trường PTTH Chu Văn An", "EducationalInstitution"),
    ],
)
def test_a_head_starts_a_body(text: str, name: str, kind: str) -> None:
    assert names(run(text)).get(name) == kind


def test_the_army_spelled_in_full_is_no_newspaper() -> None:
    x = run("Ông Hoàng Văn Sơn là Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam.")
    assert names(x).get("Quân đội nhân dân Việt Nam") == "StateAgency"
    assert "Quân đội Nhân dân" not in names(x)  # the army's paper is another body


def test_a_title_before_a_company_head_names_no_person() -> None:
    x = run("Giám đốc Cty Thái Bình Dương cho biết giá sẽ tăng.")
    assert not any(kind == "Person" for kind in names(x).values())


def test_a_new_head_leaves_the_name_tagger_as_it_was_trained() -> None:
    # 'Lãnh' starts a new head (Lãnh sự quán): the tagger must not read it as a head's first word
    x = run("Tại hội nghị, Lãnh đạo Trung ương và lãnh đạo tỉnh đã trao đổi.")
    assert "Lãnh đạo Trung ương" not in names(x)


@pytest.mark.parametrize(
    "text",
    [
        "Chủ trương của Đảng và Nhà nước là đúng đắn.",
        "Cán bộ trong Đảng phải gương mẫu.",
        "Nhân dân một lòng theo Đảng.",  # after a preposition
        "Đảng ta luôn coi trọng công tác cán bộ.",
    ],
)
def test_the_party_alone_is_a_body(text: str) -> None:
    assert names(run(text)).get("Đảng") == "PartyOrganization"


@pytest.mark.parametrize(
    "text",
    [
        "Đảng viên Nguyễn Văn Hòa đã vi phạm kỷ luật.",  # a word of the word list (đảng viên)
        "Các tổ chức cơ sở Đảng đã kiểm điểm.",  # after a noun it qualifies it: the Party's
        "Ông đóng Đảng phí đầy đủ.",
    ],
)
def test_the_party_word_in_a_compound_or_after_a_noun_is_no_body(text: str) -> None:
    assert "Đảng" not in names(run(text))


def test_a_party_named_in_full_is_its_own_body() -> None:
    found = names(run("Đoàn đại biểu Đảng Dân chủ Xã hội Đức đã tới Hà Nội."))
    assert "Đảng Dân chủ Xã hội Đức" in found and "Đảng" not in found


def test_the_party_alone_is_no_short_form_of_a_committee() -> None:
    x = run("Đảng ủy xã Tân Lập họp. Cán bộ phải tuyệt đối trung thành với Đảng và nhân dân.")
    found = names(x)
    assert found.get("Đảng ủy xã Tân Lập") == "PartyCommittee" and found.get("Đảng") == "PartyOrganization"
    assert all("Đảng" not in e.aliases for e in x.entities.values())


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hội Bảo vệ người tiêu dùng đề nghị xử lý nghiêm.", "Hội Bảo vệ người tiêu dùng"),
        ("Hội cựu giáo chức tỉnh Nam Định đã tổ chức gặp mặt.", "Hội cựu giáo chức tỉnh Nam Định"),
        ("Hội người cao tuổi phường 5 tổ chức mừng thọ.", "Hội người cao tuổi phường 5"),
        ("Hội chữ thập đỏ huyện đã trao quà.", "Hội chữ thập đỏ huyện"),
        ("Hội khuyến học xã trao 20 suất học bổng.", "Hội khuyến học xã"),
    ],
)
def test_an_association_named_by_its_field_in_lower_case(text: str, name: str) -> None:
    assert names(run(text)).get(name) == "MassOrganization"


def test_a_head_is_written_whole_or_is_none() -> None:
    heads = lexicon().heads
    tokens = tokenize("Kiểm toán Nhà nước và kiểm toán", 0)
    whole = next(h for h in heads["kiểm"] if h.keys == ("kiểm", "toán", "nhà", "nước"))
    assert head_at(tokens, 0, whole)
    assert not head_at(tokens, 5, whole)  # cut short by the sentence's end
    assert not head_at(tokenize("Kiểm toán Nhà máy", 0), 0, whole)
    assert match_head(tokens, 0, heads) is whole
    assert match_head(tokens, 5, heads) is None
