"""The modality of a cue from the words before it (data/modality.tsv)."""

from __future__ import annotations

import pytest

from kgraph.extract.lexicon import _rows
from kgraph.extract.modality import modality_of, modality_words

WORDS = modality_words(_rows("modality.tsv"))


@pytest.mark.parametrize(
    ("clause", "group", "expected"),
    [
        ("Tỉnh ủy đã ", "đã ", "asserted"),
        ("Tỉnh ủy ", "", "asserted"),
        ("UBND tỉnh đề nghị Bộ Y tế ", "", "requested"),
        ("Theo đề nghị của Sở Y tế, UBND tỉnh ", "", "asserted"),
        ("Nếu Chính phủ có ", "có ", "conditional"),
        ("Sở Tài chính không ", "không ", "negated"),
        ("UBND huyện vẫn chưa ", "vẫn chưa ", "negated"),
        ("Huyện ủy không chỉ ", "không chỉ ", "asserted"),
        ("Thời gian tới, Ban Thường vụ sẽ ", "sẽ ", "planned"),
        ("Dự kiến, Hội Nông dân tỉnh ", "", "planned"),
        ("Sau khi tỉnh đề nghị, Bộ Y tế đã ", "đã ", "asserted"),
        ("Các cấp ủy cần ", "cần ", "requested"),
        ("Nếu Bộ Tài chính đề nghị, Bộ Y tế sẽ không ", "sẽ không ", "negated"),
    ],
)
def test_modality_of_a_cue(clause: str, group: str, expected: str) -> None:
    assert modality_of(clause, group, WORDS) == expected
