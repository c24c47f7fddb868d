"""Count the Vietnamese string literals left in code (docstrings aside): the word lists belong
in ``src/kgraph/data/``, read through ``extract/lexicon.py``.

A literal counts when it is a string constant (a part of an f-string too) holding a letter
that only Vietnamese uses (``đ``, ``ư``, ``ơ``, ``ă``, ``â``, ``ê``, ``ô`` or any vowel with a
tone mark), and is not the docstring of a module, class or function.

    .venv/bin/python dev/count_vietnamese_literals.py [PATH...] [--list]   # default src/kgraph/extract
"""

from __future__ import annotations

import ast
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "src" / "kgraph" / "extract"
_BASE = set("đĐưƯơƠăĂâÂêÊôÔ")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # grave, acute, tilde, hook, dot below


def is_vietnamese(text: str) -> bool:
    """Whether ``text`` holds a letter only Vietnamese (among the scripts kgraph reads) writes."""
    for ch in text:
        if ch in _BASE:
            return True
        if ord(ch) > 127 and ch.isalpha():
            decomposed = unicodedata.normalize("NFD", ch)
            if decomposed[0] in "aeiouyAEIOUY" and any(m in _TONES for m in decomposed[1:]):
                return True
            if any(c in _BASE for c in unicodedata.normalize("NFC", decomposed[:2])):
                return True
    return False


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the constants that are docstrings."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                out.add(id(body[0].value))
    return out


def literals(path: Path) -> list[tuple[int, str]]:
    """(line, text) of each Vietnamese string literal of one file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skip
        and is_vietnamese(node.value)
    ]


def count(paths: list[Path]) -> dict[Path, list[tuple[int, str]]]:
    files = [f for p in paths for f in (sorted(p.rglob("*.py")) if p.is_dir() else [p])]
    return {f: literals(f) for f in files}


def main(argv: list[str]) -> int:
    show = "--list" in argv
    paths = [Path(a) for a in argv if a != "--list"] or [DEFAULT]
    found = count(paths)
    for path, items in found.items():
        if items:
            print(f"{len(items):4d}  {path}")
        for line, text in items if show else ():
            print(f"        {line}: {text[:70]!r}")
    print(f"{sum(len(v) for v in found.values()):4d}  total")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
