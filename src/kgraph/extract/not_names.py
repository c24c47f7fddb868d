"""Tagged spans that name no person, body or place: the word written before a span, or the one
that opens it, says it is a product, a field of study or a season (thẻ ATM VNPay, ngành Quản trị
Kinh doanh, Mùa Xuân), and a unit after a slash is a unit (đồng/KWh). Read by ``tagger.plausible``;
the words live in ``kgraph/data/not_names.tsv``."""

from __future__ import annotations

from .lexicon import Lexicon
from .tagger_words import word_table
from .tokens import Token


def not_name_words() -> dict[str, frozenset[str]]:
    """use -> words, from ``kgraph/data/not_names.tsv``."""
    return word_table("not_names.tsv")


def _before(tokens: list[Token], i: int, words: frozenset[str]) -> bool:
    """Whether the one to three words right before token ``i`` are one of ``words``."""
    for n in (1, 2, 3):
        before = tokens[i - n : i] if i >= n else []
        if before and all(t.is_word for t in before) and " ".join(t.key for t in before) in words:
            return True
    return False


def not_a_name(tokens: list[Token], i: int, j: int, lex: Lexicon) -> bool:
    """Whether tokens [i, j) are a product, a field of study, a season or a unit, not a name."""
    words = not_name_words()
    if _before(tokens, i, words["kind_before"] | lex.product_before):
        return True
    first = tokens[i].key
    second = f"{first} {tokens[i + 1].key}" if j - i > 1 else first
    if (first in words["kind_first"] or second in words["kind_first"]) and j - i > 1:
        return True
    return i > 0 and tokens[i - 1].text == "/" and j - i == 1 and tokens[i].key in words["unit"]


def closed_by_body_word(tokens: list[Token], i: int, j: int) -> bool:
    """Whether tokens [i, j) are a capitalised name closed by an English word of a body (Manchester
    University, Obayashi Corporation): an organisation, whatever the tagger read."""
    last = tokens[j - 1]
    return j - i > 1 and last.is_cap and tokens[i].is_cap and last.key in not_name_words()["body_tail"]
