"""People: who is a person, from the regularities of Vietnamese names (a family name and one to
three syllables, a given name after a title or an honorific, a byline's initial and name)."""

from __future__ import annotations

import pytest
from helpers import labels, run


@pytest.mark.parametrize(
    ("text", "person", "not_person"),
    [
        # a capitalised syllable that starts a word with the lower-case syllable after it is a domain
        # of the title (Cục trưởng Chăn nuôi), not a given name
        ("Sau cuộc họp, Cục trưởng Chăn nuôi Trần Văn Bình cho biết giá giảm.", "Trần Văn Bình", "Chăn"),
        ("Anh hùng Lao động Nguyễn Văn Tư phát biểu tại lễ.", "Nguyễn Văn Tư", "Lao"),
        ("Ông đã gặp Chủ tịch Thượng nghị viện Pháp tại Hà Nội.", None, "Thượng"),
        ("Bộ trưởng Giáo dục Phạm Minh Hạnh trả lời chất vấn.", "Phạm Minh Hạnh", "Giáo"),
    ],
)
def test_a_domain_after_a_title_is_no_given_name(text: str, person: str | None, not_person: str) -> None:
    people = labels(run(text), "Person")
    assert not_person not in people
    if person:
        assert person in people


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Thứ trưởng Vọng cho biết như vậy.", "Vọng"),  # a given name after a title
        ("Hôm qua, ông Hùng nói với chúng tôi.", "Hùng"),  # after an honorific
    ],
)
def test_a_given_name_after_a_title_or_honorific_stays(text: str, person: str) -> None:
    assert person in labels(run(text), "Person")
