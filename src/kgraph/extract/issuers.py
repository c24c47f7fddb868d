"""Issuers of well-known central documents from a table (``data/central_issuers.tsv``), for
documents whose article does not name the issuer: ``Chỉ thị 05-CT/TW`` -> Bộ Chính trị, a law
-> Quốc hội. The relation says where it came from (``Relation.table == "issuers"``, written as
``prov:hadPrimarySource kg:issuerTable``); the rule is ``issuer_table``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Entity

RULE = "issuer_table"
TABLE = "issuers"


@dataclass(frozen=True)
class IssuerTable:
    by_number: dict[str, tuple[tuple[str, str], ...]]  # number -> ((year, issuer), …)
    by_type: dict[str, str]  # type code -> issuer of every document of that type


def issuer_table(rows: Iterable[list[str]]) -> IssuerTable:
    """The table's rows (number or type code, year, issuer)."""
    by_number: dict[str, list[tuple[str, str]]] = {}
    by_type: dict[str, str] = {}
    for row in rows:
        key, year, issuer = row[0].strip(), row[1].strip(), row[2].strip()
        if "/" in key:
            by_number.setdefault(key.upper(), []).append((year, issuer))
        else:
            by_type[key] = issuer
    return IssuerTable({k: tuple(v) for k, v in by_number.items()}, by_type)


def table_issuer(doc: Entity, table: IssuerTable, code_of_kind: dict[str, str]) -> str:
    """The issuer the table gives ``doc`` ('' when it gives none or the rows disagree): by number,
    picked by the year of issue when the number was issued in several years; else by type."""
    rows = table.by_number.get(doc.number.upper()) if doc.number else None
    if rows:
        year = doc.issued_on[:4]
        if year:
            return next((issuer for y, issuer in rows if y == year), "")
        issuers = {issuer for _, issuer in rows}
        return issuers.pop() if len(issuers) == 1 else ""
    code = doc.type_code or code_of_kind.get(doc.kind, "")
    return table.by_type.get(code, "")
