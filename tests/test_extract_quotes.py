"""Names inside quotation marks: quoted speech is read like plain text, quoted titles are not."""

from __future__ import annotations

import pytest
from helpers import names, run

from kgraph.extract.rules import is_speech


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # after a colon
        (
            "Ông Lê Văn Tám cho biết: “Ban Tuyên giáo Huyện ủy Đồng Xuân đã cử cán bộ xuống cơ sở.”",
            "Ban Tuyên giáo Huyện ủy Đồng Xuân",
            "PartyAgency",
        ),
        (
            "Ông Tám nói: “Năm nay Sở Nông nghiệp và Phát triển nông thôn hỗ trợ giống.”",
            "Sở Nông nghiệp và Phát triển nông thôn",
            "StateAgency",
        ),
        # after a speech verb and a comma, no colon
        (
            "Bà Hoa chia sẻ, “Hội Liên hiệp Phụ nữ huyện luôn đồng hành với chị em”.",
            "Hội Liên hiệp Phụ nữ huyện",
            "MassOrganization",
        ),
        (
            "Bà Hoa nhấn mạnh “Huyện ủy Tuy An luôn sát cơ sở trong mọi việc”.",
            "Huyện ủy Tuy An",
            "PartyCommittee",
        ),
        # no cue before, but a whole sentence inside the marks
        (
            "“Chúng tôi đề nghị Ủy ban Mặt trận Tổ quốc xã Hòa Thịnh giám sát việc này.” Ông Tám nói thêm.",
            "Ủy ban Mặt trận Tổ quốc xã Hòa Thịnh",
            "MassOrganization",
        ),
    ],
)
def test_bodies_in_quoted_speech_are_read_by_the_grammar(text: str, name: str, kind: str) -> None:
    # the learned tagger alone reads a quoted body as a bare Organization; the grammar types it
    got = names(run(text))
    assert got.get(name) == kind, got


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Tỉnh đoàn phát động phong trào “Hội Nông dân xã Hòa Mỹ chung sức làm giàu”.",
            "Hội Nông dân xã Hòa Mỹ",
        ),
        (
            "Huyện phát động cuộc vận động “Hội Phụ nữ xã An Dân nói không với rác thải nhựa.”",
            "Hội Phụ nữ xã An Dân",
        ),
    ],
)
def test_bodies_in_quoted_titles_stay_unread(text: str, name: str) -> None:
    # a guard, passing before and after: a title or slogan ending in a full stop stays a title
    got = names(run(text))
    assert name not in got, got


@pytest.mark.parametrize(
    ("text", "speech"),
    [
        ("Phát biểu tại hội nghị, ông Tám nhấn mạnh: “Năm nay phải làm xong đường.”", True),
        ("Ông Tám nói “Năm nay phải làm xong đường”.", True),
        ("“Năm nay chúng tôi phải làm xong đường.” Ông Tám nói.", True),
        ("“Huyện phải làm xong con đường này trong năm nay!” Ông Tám nói.", True),
        ("Hội thi với chủ đề: “Năm nay phải làm xong đường.”", False),
        ("Đoàn viên hưởng ứng khẩu hiệu “Tuổi trẻ sẵn sàng vì cộng đồng!”.", False),
        ("Tỉnh triển khai Chỉ thị số 05 “Về làm xong đường giao thông.”", False),
        ("Huyện hưởng ứng phong trào “Cả nước chung tay vì người nghèo”.", False),
        ("Quốc hội tổ chức phiên họp “bỏ túi” để bàn thêm.", False),
    ],
)
def test_speech_or_title(text: str, speech: bool) -> None:
    start = text.index("“") + 1
    assert is_speech(text, start, text.index("”")) is speech
