"""Hostile input for the extraction path: characters that case-fold specially, huge lines, odd
bytes. Each test names the defect it found (it failed before the fix)."""

from __future__ import annotations

from helpers import run, triples

from kgraph.extract import relations
from kgraph.extract.lexicon import lexicon


def test_a_cue_spelled_with_a_dotted_capital_i_gives_its_class() -> None:
    # the case-blind pattern reads 'TRİỂN KHAİ' as 'triển khai' (İ is I to it), but the match's
    # lower case is 'tri̇ển khai̇' (İ lower-cased is two characters): find_cues looked the class up
    # by it and raised KeyError, and the whole article was skipped as a kgraph bug
    got = triples(run("Tỉnh ủy Quảng Trị đã TRİỂN KHAİ Chỉ thị 05-CT/TW."))
    assert got == triples(run("Tỉnh ủy Quảng Trị đã triển khai Chỉ thị 05-CT/TW."))
    assert ("Tỉnh ủy Quảng Trị", "implements", "Chỉ thị 05-CT/TW") in got
    lex = lexicon()
    for text in ("UBND tỉnh TRİỂN KHAİ kế hoạch.", "Ông A THAM GİA hội nghị.", "UBND tỉnh GİAO Sở Y tế."):
        found = [relations.cue_class(m.group(0), lex) for m in relations.cue_matches(text, lex)]
        assert found and all(found), text
