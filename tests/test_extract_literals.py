"""Vietnamese words live in src/kgraph/data/, not in the extractor's code (issue 11)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location(
    "count_literals", ROOT / "dev" / "count_vietnamese_literals.py"
)
assert _spec is not None and _spec.loader is not None
counter = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(counter)

LIMIT = 40


def test_at_most_40_vietnamese_literals_in_extract_code() -> None:
    found = counter.count([ROOT / "src" / "kgraph" / "extract"])
    total = sum(len(items) for items in found.values())
    listing = [f"{path.name}:{line} {text[:40]!r}" for path, items in found.items() for line, text in items]
    assert total <= LIMIT, listing


def test_the_counter_sees_literals_but_not_docstrings(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text(
        '"""Đảng ủy in a docstring."""\n'
        'X = ("Đảng ủy", "Sở", "tỉnh", "plain", f"{1} khóa")\n'
        'def f() -> None:\n    """Tỉnh ủy."""\n',
        encoding="utf-8",
    )
    assert [text for _, text in counter.literals(source)] == ["Đảng ủy", "Sở", "tỉnh", " khóa"]


def test_rule_words_are_all_read() -> None:
    """Every list of rule_words.tsv is read by some module (no dead word list)."""
    from kgraph.extract.lexicon import _rule_words

    code = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "kgraph" / "extract").glob("*.py"))
    unused = [name for name in _rule_words() if f'"{name}"' not in code and f"'{name}'" not in code]
    assert not unused
