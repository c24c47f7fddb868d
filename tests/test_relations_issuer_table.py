"""The table of issuers of well-known central documents (data/central_issuers.tsv)."""

from __future__ import annotations

from kgraph.extract.issuers import issuer_table, table_issuer
from kgraph.extract.lexicon import _rows
from kgraph.model import Entity

TABLE = issuer_table(_rows("central_issuers.tsv"))
CODES = {"Law": "L"}


def _doc(number: str = "", issued_on: str = "", kind: str = "Resolution") -> Entity:
    return Entity(key="d", kind=kind, label="d", number=number, issued_on=issued_on)


def test_a_number_with_one_issuer() -> None:
    assert table_issuer(_doc("05-CT/TW"), TABLE, CODES) == "Bộ Chính trị"
    assert table_issuer(_doc("35-NQ/TW", "2018-10-22"), TABLE, CODES) == "Bộ Chính trị"


def test_a_number_of_several_years_needs_the_year_when_the_issuers_differ() -> None:
    assert table_issuer(_doc("21-NQ/TW"), TABLE, CODES) == "Ban Chấp hành Trung ương Đảng"  # both years agree
    assert table_issuer(_doc("05-CT/TW", "1997-01-01"), TABLE, CODES) == ""  # not the 2016 directive


def test_unknown_numbers_and_types_give_nothing() -> None:
    assert table_issuer(_doc("999-NQ/TW"), TABLE, CODES) == ""
    assert table_issuer(_doc(kind="Decision"), TABLE, CODES) == ""


def test_every_law_is_passed_by_the_national_assembly() -> None:
    assert table_issuer(_doc(kind="Law"), TABLE, CODES) == "Quốc hội"


def test_recent_central_documents() -> None:
    assert table_issuer(_doc("144-QĐ/TW", "2024-05-09", "Regulation"), TABLE, CODES) == "Bộ Chính trị"
    assert table_issuer(_doc("232-QĐ/TW", "", "Regulation"), TABLE, CODES) == "Ban Chấp hành Trung ương Đảng"
    assert table_issuer(_doc("68-NQ/TW", "2025-05-04"), TABLE, CODES) == "Bộ Chính trị"
    assert table_issuer(_doc("35-CT/TW", "2024-06-14", "Directive"), TABLE, CODES) == "Bộ Chính trị"
